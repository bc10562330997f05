/*
 * test_pdfgolden.c: the golden test of the PDF layout: the sample
 * edition laid out by pdf.c, dumped as text (pages, boxes, line ranges,
 * footnotes; no PDF bytes) and compared with tests/golden-pdf/.
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

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden),
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
