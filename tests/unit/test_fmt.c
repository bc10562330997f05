/*
 * test_fmt.c: unit tests of Dutch number and date formatting and of
 * date and number parsing (fmt.c, spec 2 and 4.7).  Every expectation
 * is worked out by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "util.h"

/* Formats with f and compares with want. */
#define CHECK_FMT(f, v, want) do {				\
	struct buf b_ = { NULL, 0, 0 };				\
	f(&b_, (v));						\
	assert_non_null(b_.s);					\
	assert_string_equal(b_.s, (want));			\
	buf_free(&b_);						\
} while (0)

static void
test_round_half_away(void **state)
{
	(void)state;
	assert_true(fmt_round(0.5) == 1.0);
	assert_true(fmt_round(1.5) == 2.0);
	assert_true(fmt_round(2.5) == 3.0);	/* not banker's 2 */
	assert_true(fmt_round(-0.5) == -1.0);
	assert_true(fmt_round(-2.5) == -3.0);
	assert_true(fmt_round(2.4999) == 2.0);
	assert_true(fmt_round(-2.4999) == -2.0);
	assert_true(fmt_round(0.49) == 0.0);
	assert_true(fmt_round(0.0) == 0.0);
	assert_true(fmt_round(95.56) == 96.0);
	assert_true(fmt_round(95.5) == 96.0);
	assert_true(fmt_round(95.49) == 95.0);
	/* 6.65 is stored a hair above; 66.5 (its tenths) exactly. */
	assert_true(fmt_round(66.5) == 67.0);
	assert_true(fmt_round(1e6 + 0.5) == 1e6 + 1);
}

static void
test_int_thousands(void **state)
{
	(void)state;
	CHECK_FMT(fmt_int, 0, "0");
	CHECK_FMT(fmt_int, 7, "7");
	CHECK_FMT(fmt_int, 999, "999");
	CHECK_FMT(fmt_int, 1000, "1.000");
	CHECK_FMT(fmt_int, 1234, "1.234");
	CHECK_FMT(fmt_int, 12345, "12.345");
	CHECK_FMT(fmt_int, 123456, "123.456");
	CHECK_FMT(fmt_int, 1234567, "1.234.567");
	CHECK_FMT(fmt_int, -5, "-5");
	CHECK_FMT(fmt_int, -1234, "-1.234");
	CHECK_FMT(fmt_int, LLONG_MIN, "-9.223.372.036.854.775.808");
	CHECK_FMT(fmt_int, LLONG_MAX, "9.223.372.036.854.775.807");
}

static void
test_pct(void **state)
{
	(void)state;
	CHECK_FMT(fmt_pct, 95.56, "96%");
	CHECK_FMT(fmt_pct, 95.44, "95%");
	CHECK_FMT(fmt_pct, 0.5, "1%");
	CHECK_FMT(fmt_pct, 2.5, "3%");
	CHECK_FMT(fmt_pct, 12.5, "13%");	/* 1 of 8 */
	CHECK_FMT(fmt_pct, 100.0 * 1 / 3, "33%");
	CHECK_FMT(fmt_pct, 100.0 * 2 / 3, "67%");
	CHECK_FMT(fmt_pct, 100.0 * 41 / 43, "95%");	/* 95,348... */
	CHECK_FMT(fmt_pct, 0.0, "0%");
	CHECK_FMT(fmt_pct, 0.4, "0%");
	CHECK_FMT(fmt_pct, 100.0, "100%");
	CHECK_FMT(fmt_pct, -2.5, "-3%");
	CHECK_FMT(fmt_pct, 1234.5, "1.235%");
}

static void
test_num(void **state)
{
	(void)state;
	CHECK_FMT(fmt_num, 141.0, "141");
	CHECK_FMT(fmt_num, 6.6, "6,6");
	CHECK_FMT(fmt_num, 6.0, "6");		/* no trailing ",0" */
	CHECK_FMT(fmt_num, 6.04, "6");		/* rounds to 6,0: "6" */
	CHECK_FMT(fmt_num, 6.65, "6,7");	/* half away from zero */
	CHECK_FMT(fmt_num, 133.0 / 20, "6,7");	/* a mean of 6,65 */
	CHECK_FMT(fmt_num, 6.64, "6,6");
	CHECK_FMT(fmt_num, 5.96, "6");
	CHECK_FMT(fmt_num, 0.05, "0,1");
	CHECK_FMT(fmt_num, 0.04, "0");
	CHECK_FMT(fmt_num, 0.0, "0");
	CHECK_FMT(fmt_num, -0.04, "0");		/* never "-0" */
	CHECK_FMT(fmt_num, -0.05, "-0,1");
	CHECK_FMT(fmt_num, -2.25, "-2,3");
	CHECK_FMT(fmt_num, 1234.0, "1.234");
	CHECK_FMT(fmt_num, 1234.56, "1.234,6");
	CHECK_FMT(fmt_num, 99.95, "100");	/* 999,5 tenths -> 1000 */
	CHECK_FMT(fmt_num, 183.5, "183,5");
	CHECK_FMT(fmt_num, 1.0 / 3, "0,3");
}

static void
test_date_text(void **state)
{
	(void)state;
	CHECK_FMT(fmt_date, fmt_days(2020, 12, 1), "1 december 2020");
	CHECK_FMT(fmt_date, fmt_days(2021, 1, 9), "9 januari 2021");
	CHECK_FMT(fmt_date, fmt_days(2019, 3, 31), "31 maart 2019");
	CHECK_FMT(fmt_date, fmt_days(2020, 2, 29), "29 februari 2020");
	CHECK_FMT(fmt_date, fmt_days(2019, 5, 15), "15 mei 2019");
	CHECK_FMT(fmt_date, fmt_days(2019, 8, 1), "1 augustus 2019");
	CHECK_FMT(fmt_date_iso, fmt_days(2020, 12, 1), "2020-12-01");
	CHECK_FMT(fmt_date_iso, 0, "1970-01-01");
	CHECK_FMT(fmt_date_iso, -1, "1969-12-31");
}

static void
test_days(void **state)
{
	int	 y, m, d;
	int32_t	 z;

	(void)state;
	assert_int_equal(fmt_days(1970, 1, 1), 0);
	assert_int_equal(fmt_days(1970, 1, 2), 1);
	assert_int_equal(fmt_days(1969, 12, 31), -1);
	/* SOURCE_DATE_EPOCH 1606780800 = 2020-12-01 00:00 UTC */
	assert_int_equal(fmt_days(2020, 12, 1), 1606780800 / 86400);
	assert_int_equal(fmt_days(2000, 3, 1) - fmt_days(2000, 2, 28), 2);
	assert_int_equal(fmt_days(1900, 3, 1) - fmt_days(1900, 2, 28), 1);
	assert_int_equal(fmt_days(2021, 1, 1) - fmt_days(2020, 1, 1), 366);
	assert_int_equal(fmt_days(2022, 1, 1) - fmt_days(2021, 1, 1), 365);
	/* Round trip over ten years, every day. */
	for (z = fmt_days(2015, 1, 1); z < fmt_days(2025, 1, 1); z++) {
		fmt_civil(z, &y, &m, &d);
		assert_int_equal(fmt_days(y, m, d), z);
	}
	fmt_civil(fmt_days(2024, 2, 29), &y, &m, &d);
	assert_int_equal(y, 2024);
	assert_int_equal(m, 2);
	assert_int_equal(d, 29);
}

static void
test_parse_date(void **state)
{
	int32_t	 z;

	(void)state;
	z = -12345;
	assert_int_equal(fmt_parse_date("2020-12-01", &z), 0);
	assert_int_equal(z, fmt_days(2020, 12, 1));
	/* D-M-YYYY as Dutch Excel writes it */
	z = -12345;
	assert_int_equal(fmt_parse_date("1-12-2020", &z), 0);
	assert_int_equal(z, fmt_days(2020, 12, 1));
	assert_int_equal(fmt_parse_date("01-12-2020", &z), 0);
	assert_int_equal(z, fmt_days(2020, 12, 1));
	assert_int_equal(fmt_parse_date("31-1-2019", &z), 0);
	assert_int_equal(z, fmt_days(2019, 1, 31));
	assert_int_equal(fmt_parse_date("9-03-2019", &z), 0);
	assert_int_equal(z, fmt_days(2019, 3, 9));

	/* leap years */
	assert_int_equal(fmt_parse_date("2020-02-29", &z), 0);
	assert_int_equal(z, fmt_days(2020, 2, 29));
	assert_int_equal(fmt_parse_date("29-2-2020", &z), 0);
	assert_int_equal(fmt_parse_date("2000-02-29", &z), 0);
	assert_int_equal(fmt_parse_date("2021-02-29", &z), -2);
	assert_int_equal(fmt_parse_date("29-2-2021", &z), -2);
	assert_int_equal(fmt_parse_date("2100-02-29", &z), -2);

	/* the right form, an impossible date */
	assert_int_equal(fmt_parse_date("2021-02-30", &z), -2);
	assert_int_equal(fmt_parse_date("30-2-2021", &z), -2);
	assert_int_equal(fmt_parse_date("2021-04-31", &z), -2);
	assert_int_equal(fmt_parse_date("2021-13-01", &z), -2);
	assert_int_equal(fmt_parse_date("2021-00-10", &z), -2);
	assert_int_equal(fmt_parse_date("2021-12-32", &z), -2);
	assert_int_equal(fmt_parse_date("2021-12-00", &z), -2);
	assert_int_equal(fmt_parse_date("0-1-2021", &z), -2);
	assert_int_equal(fmt_parse_date("2021-12-31", &z), 0);
	/* Out of range: a possible date, but not a year gen reads. */
	assert_int_equal(fmt_parse_date("9999-12-31", &z), -3);
	assert_int_equal(fmt_parse_date("31-12-9999", &z), -3);
	assert_int_equal(fmt_parse_date("1899-12-31", &z), -3);
	assert_int_equal(fmt_parse_date("3000-01-01", &z), -3);
	assert_int_equal(fmt_parse_date("1900-01-01", &z), 0);
	assert_int_equal(fmt_parse_date("2999-12-31", &z), 0);

	/* not a date */
	assert_int_equal(fmt_parse_date("", &z), -1);
	assert_int_equal(fmt_parse_date("garbage", &z), -1);
	assert_int_equal(fmt_parse_date("2020-12-1", &z), -1);
	assert_int_equal(fmt_parse_date("2020-1-01", &z), -1);
	assert_int_equal(fmt_parse_date("2020/12/01", &z), -1);
	assert_int_equal(fmt_parse_date("12/01/2020", &z), -1);
	assert_int_equal(fmt_parse_date("2020-12-01x", &z), -1);
	assert_int_equal(fmt_parse_date("2020-12-01 ", &z), -1);
	assert_int_equal(fmt_parse_date("1-12-20", &z), -1);
	assert_int_equal(fmt_parse_date("1-12-20201", &z), -1);
	assert_int_equal(fmt_parse_date("123-1-2020", &z), -1);
	assert_int_equal(fmt_parse_date("20201201", &z), -1);
	assert_int_equal(fmt_parse_date("-1-12-2020", &z), -1);
}

static void
test_parse_int(void **state)
{
	long long	 v;

	(void)state;
	assert_int_equal(fmt_parse_int("0", &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(fmt_parse_int("42", &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(fmt_parse_int("-3", &v), 0);
	assert_int_equal(v, -3);
	assert_int_equal(fmt_parse_int("+7", &v), 0);
	assert_int_equal(v, 7);
	assert_int_equal(fmt_parse_int("007", &v), 0);
	assert_int_equal(v, 7);
	assert_int_equal(fmt_parse_int("", &v), -1);
	assert_int_equal(fmt_parse_int("-", &v), -1);
	assert_int_equal(fmt_parse_int("1.5", &v), -1);
	assert_int_equal(fmt_parse_int("1,5", &v), -1);
	assert_int_equal(fmt_parse_int("vijf", &v), -1);
	assert_int_equal(fmt_parse_int("5 ", &v), -1);
	assert_int_equal(fmt_parse_int("1e3", &v), -1);
	assert_int_equal(fmt_parse_int("99999999999999999999", &v), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_half_away),
		cmocka_unit_test(test_int_thousands),
		cmocka_unit_test(test_pct),
		cmocka_unit_test(test_num),
		cmocka_unit_test(test_date_text),
		cmocka_unit_test(test_days),
		cmocka_unit_test(test_parse_date),
		cmocka_unit_test(test_parse_int),
	};

	return cmocka_run_group_tests_name("fmt", tests, NULL, NULL);
}
