/*
 * test_html.c: unit tests of the HTML back-end (html.c) over gen's
 * document tree: backend_html appends exactly the page html_edition()
 * gives, and the page writes what the tree decided (footnote
 * references and their back links, refused links as text, tight
 * lists without <p>).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "codes.h"
#include "diag.h"
#include "doc.h"
#include "edition.h"
#include "html.h"
#include "stats.h"
#include "util.h"

static const char BODY[] =
    "# Een\n\n"
    "Tekst[^1] met [een link](https://example.org \"t\") en "
    "[geen](javascript:alert(1)).[^1]\n\n"
    "- een\n- twee\n\n"
    "[^1]: De noot[^2].\n"
    "[^2]: De tweede, die naar de eerste wijst[^1].\n";

/* An edition of BODY alone, its document built (no data). */
static void
edition(struct edition *e, struct stats *st, struct diag *d)
{
	static char	 path[] = "index.md", slug[] = "t", title[] = "T";

	memset(e, 0, sizeof(*e));
	e->index_path = path;
	e->slug = slug;
	e->body = (char *)BODY;
	e->meta.title.s = title;
	e->stats = st;
	assert_int_equal(doc_build(e, d), 0);
}

static void
test_backend_is_edition(void **state)
{
	struct codebook		 cb;
	struct stats		*st;
	struct edition		 e;
	struct diag		 d;
	struct html_opts	 o;
	struct backend_opts	 bo;
	struct backend_in	 in;
	struct buf		 out = { NULL, 0, 0 };
	char			*page, logo[] = "logo.png";
	void			*r;

	(void)state;
	memset(&cb, 0, sizeof(cb));
	st = stats_new(&cb, NULL, NULL, 0, NULL, 0, 1);
	diag_init(&d, NULL);
	edition(&e, st, &d);
	memset(&o, 0, sizeof(o));
	o.pdf = 1;
	o.logo = logo;
	page = html_edition(&e, &o);
	memset(&bo, 0, sizeof(bo));
	bo.pdf = 1;
	in.e = &e;
	in.logo = logo;
	assert_string_equal(backend_html.name, "html");
	assert_string_equal(backend_html.file, "index.html");
	r = backend_html.new(&bo);
	assert_non_null(r);
	buf_puts(&out, "before");
	assert_int_equal(backend_html.rndr(r, &in, &out, &d), 0);
	backend_html.free(r);
	assert_int_equal(strncmp(out.s, "before", 6), 0);
	assert_string_equal(out.s + 6, page);
	assert_non_null(strstr(page, "src=\"logo.png\""));
	assert_non_null(strstr(page, "t.pdf\">Download als PDF"));
	free(page);
	buf_free(&out);
	doc_free(e.doc);
	stats_free(st);
}

static void
test_document(void **state)
{
	struct codebook		 cb;
	struct stats		*st;
	struct edition		 e;
	struct diag		 d;
	struct html_opts	 o;
	char			*html;

	(void)state;
	memset(&cb, 0, sizeof(cb));
	st = stats_new(&cb, NULL, NULL, 0, NULL, 0, 1);
	diag_init(&d, NULL);
	edition(&e, st, &d);
	memset(&o, 0, sizeof(o));
	html = html_document(&e, &o);
	assert_non_null(strstr(html, "<h2 id=\"een\">Een</h2>\n"));
	assert_non_null(strstr(html,
	    "<a href=\"https://example.org\" title=\"t\">een link</a>"));
	/* Refused: its text alone. */
	assert_null(strstr(html, "javascript"));
	assert_non_null(strstr(html, " en geen."));
	/* Tight: no <p> in the items. */
	assert_non_null(strstr(html, "<ul>\n<li>een</li>\n<li>twee</li>\n"));
	/* Note 1: two references in the text, a third in note 2. */
	assert_non_null(strstr(html, "id=\"fnref-1-2\""));
	assert_non_null(strstr(html, "id=\"fnref-1-3\""));
	assert_non_null(strstr(html, "<li id=\"fn-1\">"));
	assert_non_null(strstr(html, "href=\"#fnref-1-3\" class=\"fn-back\""));
	assert_non_null(strstr(html, "href=\"#fnref-2\" class=\"fn-back\""));
	assert_null(strstr(html, "#fnref-2-2"));
	free(html);
	doc_free(e.doc);
	stats_free(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_backend_is_edition),
		cmocka_unit_test(test_document),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
