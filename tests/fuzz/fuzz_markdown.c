/*
 * fuzz_markdown.c: the whole Markdown pipeline (cmark-gfm parse,
 * template values, chart and table blocks, callouts, headings,
 * footnotes, gen's document tree) and the HTML and tree back-ends on
 * any bytes.
 */
#include <stddef.h>
#include <stdint.h>

#include "backend.h"
#include "common.h"
#include "doc.h"
#include "edition.h"
#include "html.h"
#include "stats.h"
#include "util.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static struct reg	*reg;
	static struct stats	*st;
	static size_t		*sel, n;
	struct regfilter	 f;
	struct edition		 e;
	struct html_opts	 o;
	struct diag		 d;
	struct backend_opts	 bo;
	struct backend_in	 in;
	struct buf		 b = { NULL, 0, 0 };
	char			*page;
	void			*t;

	diag_init(&d, NULL);
	if (reg == NULL) {
		reg = reg_load_mem(fuzz_register, sizeof(fuzz_register) - 1,
		    "r.csv", fuzz_codebook(), &d);
		if (reg == NULL)
			abort();
		memset(&f, 0, sizeof(f));
		n = reg_select(reg, &f, &sel);
		st = stats_new(fuzz_codebook(), reg, sel, n, NULL, 0, 2);
	}
	if (memchr(data, '\0', len) != NULL)
		return 0;
	memset(&e, 0, sizeof(e));
	e.slug = (char *)"fuzz";
	e.index_path = (char *)"index.md";
	e.meta.title.s = (char *)"Fuzz";
	e.meta.unsafe_html = len > 0 && data[0] == '!';
	e.body = xstrndup((const char *)data, len);
	e.stats = st;
	e.reg = reg;
	if (doc_build(&e, &d) == 0) {
		memset(&o, 0, sizeof(o));
		page = html_edition(&e, &o);
		free(page);
		memset(&bo, 0, sizeof(bo));
		memset(&in, 0, sizeof(in));
		in.e = &e;
		t = backend_tree.new(&bo);
		if (backend_tree.rndr(t, &in, &b, &d) != 0)
			abort();
		backend_tree.free(t);
		buf_free(&b);
	}
	doc_free(e.doc);
	free(e.body);
	return 0;
}
