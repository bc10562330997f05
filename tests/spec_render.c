/*
 * spec_render.c: renders Markdown fragments through gen's document
 * (doc.c) and HTML back-end (html.c) exactly as an edition's text, for
 * the CommonMark/GFM spec test (tests/spec.sh, tests/spec.py).
 *
 *     spec_render [--unsafe] <fragments >html
 *
 * Reads fragments separated by NUL bytes and writes, for each, the HTML
 * of its document followed by a NUL byte, in the same order.  Each
 * fragment is the index.md text of an edition without data or front
 * matter (title "Spec"); with --unsafe, as if it set unsafe_html: true.
 * Diagnostics are dropped: the spec has no template values.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "diag.h"
#include "doc.h"
#include "edition.h"
#include "html.h"
#include "stats.h"
#include "util.h"

/* Renders one fragment to out. */
static void
render(const char *md, struct stats *st, int unsafe, FILE *out)
{
	struct edition		 e;
	struct html_opts	 o;
	struct diag		 d;
	char			 path[] = "spec.md", slug[] = "spec";
	char			 title[] = "Spec", *html;

	memset(&e, 0, sizeof(e));
	memset(&o, 0, sizeof(o));
	e.index_path = path;
	e.slug = slug;
	e.body = (char *)md;
	e.meta.title.s = title;
	e.meta.unsafe_html = unsafe;
	e.stats = st;
	diag_init(&d, NULL);
	doc_build(&e, &d);
	html = html_document(&e, &o);
	fputs(html, out);
	fputc('\0', out);
	free(html);
	doc_free(e.doc);
}

int
main(int argc, char **argv)
{
	struct codebook	 cb;
	struct stats	*st;
	struct buf	 in = { NULL, 0, 0 };
	char		 chunk[65536];
	size_t		 n, at;
	int		 unsafe = argc > 1 && strcmp(argv[1], "--unsafe") == 0;

	while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0)
		buf_add(&in, chunk, n);
	buf_putc(&in, '\0');
	memset(&cb, 0, sizeof(cb));
	st = stats_new(&cb, NULL, NULL, 0, NULL, 0, 1);
	for (at = 0; at + 1 < in.len; at += strlen(in.s + at) + 1)
		render(in.s + at, st, unsafe, stdout);
	stats_free(st);
	buf_free(&in);
	return fflush(stdout) == 0 ? 0 : 1;
}
