/*
 * test_pdfgolden.c: the golden test of the PDF layout: the sample
 * edition laid out by pdf.c, dumped as text (pages, boxes, line ranges,
 * footnotes; no PDF bytes) and compared with tests/golden-pdf/; and
 * backend_pdf, which appends exactly the PDF pdf_edition() writes.
 *
 *   test_pdfgolden                 compare (part of make unit)
 *   test_pdfgolden --dump [EDDIR]  print the dump (tests/pdf.sh uses it
 *                                  to show and accept a change)
 *
 * Run from the repository root, or set GEN_FONTDIR.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "content.h"
#include "diag.h"
#include "edition.h"
#include "fonts.h"
#include "hyph.h"
#include "pdf.h"
#include "util.h"

#include "tutil.h"

/* The draft copy of content/2020-bemiddeling: the published edition
   serves its frozen files and is not laid out again. */
#define EDITION	"tests/golden/sample/content/2020-bemiddeling"
#define GOLDEN	"tests/golden-pdf/2020-bemiddeling.txt"
/* An edition with a logo, for backend_pdf. */
#define LOGOED	"tests/golden/sample/content/leergang-helmond"

/*
 * Lays the edition in dir out and returns the dump (caller frees), or
 * NULL after printing why.
 */
static char *
layout_dump(const char *dir)
{
	struct content	 c;
	struct diag	 d;
	struct fonts	*f;
	struct hyph	*h;
	struct pdf_opts	 o;
	struct buf	 b = { NULL, 0, 0 };
	char		*args[1];
	const char	*fd = getenv("GEN_FONTDIR");
	int		 rc;

	diag_init(&d, stderr);
	args[0] = (char *)dir;
	if ((f = fonts_new(fd != NULL ? fd : "assets/fonts")) == NULL)
		return NULL;
	h = hyph_new(HYPH_NL_DIC);
	rc = content_load(&c, args, 1, &d);
	if (rc == 0 && c.ned == 1) {
		memset(&o, 0, sizeof(o));
		o.fonts = f;
		o.hyph = h;
		rc = pdf_edition(c.ed[0], &o, NULL, &b, &d);
	} else
		rc = -1;
	content_free(&c);
	hyph_free(h);
	fonts_free(f);
	if (rc != 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

static void
test_golden(void **state)
{
	char	*got, *want;
	size_t	 len;

	(void)state;
	got = layout_dump(EDITION);
	assert_non_null(got);
	want = util_read_file(GOLDEN, &len);
	if (want == NULL)
		fail_msg("%s is missing: make pdf-golden-update", GOLDEN);
	if (strcmp(got, want) != 0)
		fprintf(stderr, "the PDF layout of %s changed; "
		    "make pdf-golden-update shows the diff and accepts it\n",
		    EDITION);
	assert_text(got, want);
	free(got);
	free(want);
}

/* backend_pdf appends the PDF pdf_edition() writes, with the logo. */
static void
test_backend(void **state)
{
	struct content	 c;
	struct diag	 d;
	struct fonts	*f;
	struct hyph	*h;
	struct pdf_opts	 o;
	struct backend_opts bo;
	struct backend_in in;
	struct buf	 want = { NULL, 0, 0 }, got = { NULL, 0, 0 };
	char		*args[1] = { (char *)LOGOED };
	const char	*fd = getenv("GEN_FONTDIR");
	void		*r;

	(void)state;
	diag_init(&d, stderr);
	f = fonts_new(fd != NULL ? fd : "assets/fonts");
	assert_non_null(f);
	h = hyph_new(HYPH_NL_DIC);
	assert_int_equal(content_load(&c, args, 1, &d), 0);
	assert_int_equal(c.ned, 1);
	memset(&o, 0, sizeof(o));
	o.fonts = f;
	o.hyph = h;
	o.logo = c.ed[0]->logo;
	assert_non_null(o.logo);
	o.icc = "assets/icc/sRGB.icc";
	assert_int_equal(pdf_edition(c.ed[0], &o, &want, NULL, &d), 0);
	memset(&bo, 0, sizeof(bo));
	bo.fonts = f;
	bo.hyph = h;
	bo.icc = o.icc;
	in.e = c.ed[0];
	in.logo = "logo.png";
	assert_string_equal(backend_pdf.name, "pdf");
	assert_string_equal(backend_pdf.file, "%s.pdf");
	r = backend_pdf.new(&bo);
	assert_non_null(r);
	buf_puts(&got, "before");
	assert_int_equal(backend_pdf.rndr(r, &in, &got, &d), 0);
	backend_pdf.free(r);
	assert_int_equal(got.len, 6 + want.len);
	assert_memory_equal(got.s + 6, want.s, want.len);
	buf_free(&got);
	buf_free(&want);
	content_free(&c);
	hyph_free(h);
	fonts_free(f);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden),
		cmocka_unit_test(test_backend),
	};
	char	*s;

	setlocale(LC_ALL, "C");
	if (argc >= 2 && strcmp(argv[1], "--dump") == 0) {
		if ((s = layout_dump(argc >= 3 ? argv[2] : EDITION)) == NULL)
			return 1;
		fputs(s, stdout);
		free(s);
		return 0;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
