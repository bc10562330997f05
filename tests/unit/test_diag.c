/*
 * test_diag.c: unit tests of the diagnostics module (diag.c): every
 * message is exactly one line, whatever a library or a data file put
 * in it (control characters shown escaped, in held messages too), and
 * "did you mean" finds a name that differs in case only.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "util.h"

#include "tutil.h"

static void
test_one_line(void **state)
{
	struct cap	 c;

	(void)state;
	cap_open(&c);
	/* As librsvg words an XML error: a newline at its end. */
	diag_warn(&c.d, "logo.svg", 0, 0, "cannot read the SVG logo (%s); "
	    "the PDF cover has none", "Entity 'foo' not defined\n");
	diag_error(&c.d, "t.csv", 3, 7, "unknown code '%s'", "a\tb\rc\x01"
	    "d\x1f\x7f" "e");
	diag_error(&c.d, "a\nb.md", 1, 1, "x");
	assert_text(cap_text(&c),
	    "logo.svg: warning: cannot read the SVG logo (Entity 'foo' not "
	    "defined\\n); the PDF cover has none\n"
	    "t.csv:3:7: error: unknown code 'a\\tb\\rc\\x01d\\x1f\\x7fe'\n"
	    "a\\nb.md:1:1: error: x\n");
	assert_int_equal(c.d.nerr, 2);
	assert_int_equal(c.d.nwarn, 1);
	cap_close(&c);
}

/* Held messages are one line each too, and UTF-8 passes unchanged. */
static void
test_one_line_held(void **state)
{
	struct cap	 c;
	struct diag	 held;
	struct buf	 hold = { NULL, 0, 0 };

	(void)state;
	cap_open(&c);
	diag_hold(&held, &c.d, &hold);
	diag_error(&held, "t.csv", 2, 1, "'%s'", "zorg\ncontinu\xc3\xafteit");
	assert_text(cap_text(&c), "");
	diag_release(&held, &c.d);
	assert_text(cap_text(&c),
	    "t.csv:2:1: error: 'zorg\\ncontinu\xc3\xafteit'\n");
	assert_int_equal(c.d.nerr, 1);
	buf_free(&hold);
	cap_close(&c);
}

static void
test_nearest_case(void **state)
{
	static const char *const names[] = {
		"aantal", "afgerond", "lopend", "succes.pct"
	};
	const char	*near;

	(void)state;
	near = diag_nearest("AANTAL", names, 4);
	assert_non_null(near);
	assert_string_equal(near, "aantal");
	near = diag_nearest("Succes.PC", names, 4);
	assert_non_null(near);
	assert_string_equal(near, "succes.pct");
	near = diag_nearest("afgrond", names, 4);
	assert_non_null(near);
	assert_string_equal(near, "afgerond");
	/* The name itself is no suggestion; nothing near is NULL. */
	assert_null(diag_nearest("lopend", names, 4));
	assert_null(diag_nearest("gesprekken", names, 4));
}

/* Every "did you mean" hint is built by diag_hint(). */
static void
test_hint(void **state)
{
	static const char *const names[] = {
		"aantal", "afgerond", "lopend", "succes.pct"
	};
	char	*h;

	(void)state;
	h = diag_hint("afgrond", names, 4, NULL);
	assert_string_equal(h, "; did you mean 'afgerond'?");
	free(h);
	h = diag_hint("succes.pc", names, 4, "vorige.");
	assert_string_equal(h, "; did you mean 'vorige.succes.pct'?");
	free(h);
	h = diag_hint("gesprekken", names, 4, NULL);
	assert_string_equal(h, "");
	free(h);
	h = diag_hint("x", NULL, 0, NULL);
	assert_string_equal(h, "");
	free(h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_line),
		cmocka_unit_test(test_one_line_held),
		cmocka_unit_test(test_nearest_case),
		cmocka_unit_test(test_hint),
	};

	return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
