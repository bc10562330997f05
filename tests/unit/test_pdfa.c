/*
 * test_pdfa.c: unit tests of the archival pass's content rewriting
 * (pdfa_content.cc) and of its refusal of what is not a PDF (pdfa.c).
 * The expected streams are worked out by hand from the rules in
 * pdfa.h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "pdfa.h"
#include "util.h"

/* Rewrites in and compares with want. */
static void
check(const char *in, const char *want)
{
	unsigned char	*out;
	size_t		 len;
	char		*s;

	out = pdfa_content((const unsigned char *)in, strlen(in), &len);
	assert_non_null(out);
	s = xcalloc(len + 1, 1);
	memcpy(s, out, len);
	assert_string_equal(s, want);
	free(s);
	free(out);
}

/* gen's decoration tags become typed artifacts, without their MCIDs. */
static void
test_decoration(void **state)
{
	(void)state;
	check("/P <</MCID 0>> BDC BT (a) Tj ET EMC\n"
	    "/Private <</MCID 1>> BDC 0 0 5 5 re f EMC\n"
	    "/NonStruct <</MCID 2>> BDC BT (3) Tj ET EMC\n",
	    "/P <</MCID 0>> BDC BT (a) Tj ET EMC"
	    "\n/Artifact <</Type /Layout>> BDC 0 0 5 5 re f EMC"
	    "\n/Artifact <</Type /Pagination /Subtype /Footer>> BDC BT (3) Tj"
	    " ET EMC\n");
}

/* What no tag holds is wrapped as an artifact, up to the next tag. */
static void
test_untagged(void **state)
{
	(void)state;
	check("q 1 0 0 1 0 0 cm /P <</MCID 0>> BDC (x) Tj EMC 0 0 m 1 1 l S Q",
	    "\n/Artifact BMC\nq 1 0 0 1 0 0 cm\nEMC\n /P <</MCID 0>> BDC (x) Tj"
	    " EMC\n/Artifact BMC\n 0 0 m 1 1 l S Q\nEMC\n");
	/* Inside marked content nothing is added; strings stay as they are. */
	check("/Span <</ActualText <feff0041>>> BDC (B\\)) Tj EMC",
	    "/Span <</ActualText <feff0041>>> BDC (B\\)) Tj EMC");
	check("", "");
}

/* Not a PDF: an error, nothing written. */
static void
test_not_pdf(void **state)
{
	struct pdfa_info	 in;
	struct buf		 out = { NULL, 0, 0 };
	char			*err = NULL;

	(void)state;
	memset(&in, 0, sizeof(in));
	in.title = "T";
	in.date = "2020-12-01";
	in.lang = "nl-NL";
	in.icc = "x";
	in.icclen = 1;
	assert_int_equal(pdfa_finish(&in, "hello", 5, &out, &err), -1);
	assert_non_null(err);
	assert_int_equal(out.len, 0);
	free(err);
	buf_free(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decoration),
		cmocka_unit_test(test_untagged),
		cmocka_unit_test(test_not_pdf),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
