/*
 * test_frontmatter.c: unit tests of the front matter of index.md
 * (edition_parse_meta in edition.c, spec 1): every key, the defaults,
 * and the exact diagnostics with their line and column in index.md.
 * The YAML text starts on line 2 of index.md (line0 = 1), after '---'.
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
#include "edition.h"
#include "fmt.h"
#include "util.h"

#include "tutil.h"

/* Parses yaml as index.md's front matter; returns the errors counted. */
static int
parse(const char *yaml, struct meta *m, struct cap *cap)
{
	int	 n;

	cap_open(cap);
	n = edition_parse_meta(yaml, strlen(yaml), "ed/index.md", 1, m,
	    &cap->d);
	assert_int_equal(n, cap->d.nerr);
	return n;
}

/* A value and where it was written. */
static void
check_val(const struct fmval *v, const char *s, int line, int col)
{
	assert_non_null(v->s);
	assert_string_equal(v->s, s);
	assert_int_equal(v->line, line);
	assert_int_equal(v->col, col);
}

static void
test_every_key(void **state)
{
	struct meta	 m;
	struct cap	 cap;

	(void)state;
	assert_int_equal(parse(
	    "title: \"Titel: met dubbele punt\"\n"		/* 2 */
	    "subtitle: Ondertitel\n"				/* 3 */
	    "organisation: Ondersteuningsteam Zorg voor de Jeugd\n"
	    "date: 2020-12-01\n"				/* 5 */
	    "edition: 2019\n"
	    "footer: \"Voet | december 2020\"\n"
	    "data: ../data/trajecten.csv\n"			/* 8 */
	    "tables:\n"
	    "  vragen: vragen.csv\n"				/* 10 */
	    "  enquete-2: data/enquete.csv\n"
	    "filter:\n"
	    "  regio: Twente\n"					/* 13 */
	    "  soort: [bemiddeling, intermediair]\n"		/* 14 */
	    "  periode: 2020-01-01 .. 2020-12-31\n"
	    "min_cell: 10\n"
	    "brand:\n"
	    "  logo: logo.svg\n"				/* 18 */
	    "  color: \"#AA3300\"\n"				/* 19 */
	    "  name: Regio Twente\n"
	    "status: published\n"
	    "unsafe_html: true\n", &m, &cap), 0);
	assert_text(cap_text(&cap), "");
	check_val(&m.title, "Titel: met dubbele punt", 2, 8);
	check_val(&m.subtitle, "Ondertitel", 3, 11);
	check_val(&m.organisation, "Ondersteuningsteam Zorg voor de Jeugd",
	    4, 15);
	assert_int_equal(m.date, fmt_days(2020, 12, 1));
	assert_int_equal(m.edition, 2019);
	check_val(&m.footer, "Voet | december 2020", 7, 9);
	check_val(&m.data, "../data/trajecten.csv", 8, 7);
	assert_int_equal(m.ntables, 2);
	assert_string_equal(m.tables[0].name, "vragen");
	check_val(&m.tables[0].path, "vragen.csv", 10, 11);
	assert_string_equal(m.tables[1].name, "enquete-2");
	check_val(&m.tables[1].path, "data/enquete.csv", 11, 14);
	assert_int_equal(m.nregio, 1);
	check_val(&m.regio[0], "Twente", 13, 10);
	assert_int_equal(m.nsoort, 2);
	check_val(&m.soort[0], "bemiddeling", 14, 11);
	check_val(&m.soort[1], "intermediair", 14, 24);
	assert_true(m.periode);
	assert_int_equal(m.from, fmt_days(2020, 1, 1));
	assert_int_equal(m.to, fmt_days(2020, 12, 31));
	assert_int_equal(m.min_cell, 10);
	check_val(&m.brand_logo, "logo.svg", 18, 9);
	check_val(&m.brand_color, "#AA3300", 19, 10);
	check_val(&m.brand_name, "Regio Twente", 20, 9);
	assert_true(m.published);
	assert_true(m.unsafe_html);
	edition_free_meta(&m);
	cap_close(&cap);
}

static void
test_defaults(void **state)
{
	struct meta	 m;
	struct cap	 cap;

	(void)state;
	assert_int_equal(parse("title: Jaarbeeld\ndate: 1-12-2020\n", &m,
	    &cap), 0);
	assert_text(cap_text(&cap), "");
	assert_int_equal(m.date, fmt_days(2020, 12, 1));
	assert_int_equal(m.edition, 2020);	/* the year of date */
	assert_int_equal(m.min_cell, -1);	/* decided with the filter */
	assert_false(m.published);		/* draft */
	assert_false(m.unsafe_html);
	assert_false(m.periode);
	assert_int_equal(m.nregio, 0);
	assert_int_equal(m.ntables, 0);
	assert_null(m.data.s);
	assert_null(m.subtitle.s);
	edition_free_meta(&m);
	cap_close(&cap);

	assert_int_equal(parse("title: J\ndate: 2021-01-05\nstatus: draft\n"
	    "unsafe_html: false\n", &m, &cap), 0);
	assert_false(m.published);
	assert_false(m.unsafe_html);
	edition_free_meta(&m);
	cap_close(&cap);
}

/* Every problem of the front matter is reported in one run. */
static void
test_errors(void **state)
{
	struct meta	 m;
	struct cap	 cap;

	(void)state;
	assert_int_equal(parse(
	    "titel: Verkeerd\n"					/* 2 */
	    "date: 2021-02-30\n"
	    "min_cell: 0\n"
	    "status: klaar\n"					/* 5 */
	    "unsafe_html: misschien\n"
	    "brand:\n"
	    "  color: red\n"					/* 8 */
	    "  kleur: \"#ffffff\"\n"
	    "filter:\n"						/* 10 */
	    "  regios: Twente\n"
	    "  periode: 2020-12-31 .. 2020-01-01\n"
	    "edition: twintig\n"				/* 13 */
	    "subtitle: [een, twee]\n"
	    "orgnisation: OZJ\n", &m, &cap), 13);
	assert_text(cap_text(&cap),
	    "ed/index.md:2:1: error: unknown key 'titel'; did you mean 'title'?\n"
	    "ed/index.md:3:7: error: date: impossible date '2021-02-30'\n"
	    "ed/index.md:4:11: error: min_cell must be a whole number from 1 to 1000000\n"
	    "ed/index.md:5:9: error: status must be draft or published\n"
	    "ed/index.md:6:14: error: unsafe_html must be true or false\n"
	    "ed/index.md:8:10: error: brand color must be #rrggbb\n"
	    "ed/index.md:9:3: error: unknown key 'kleur' in brand\n"
	    "ed/index.md:11:3: error: unknown key 'regios' in filter; did you mean 'regio'?\n"
	    "ed/index.md:12:12: error: periode ends before it starts\n"
	    "ed/index.md:13:10: error: edition must be a whole number from 1900 to 2999\n"
	    "ed/index.md:14:11: error: subtitle must be a single value\n"
	    "ed/index.md:15:1: error: unknown key 'orgnisation'; did you mean 'organisation'?\n"
	    "ed/index.md:2:1: error: front matter needs a title\n");
	edition_free_meta(&m);
	cap_close(&cap);
}

static void
test_missing_title_date(void **state)
{
	struct meta	 m;
	struct cap	 cap;

	(void)state;
	assert_int_equal(parse("subtitle: x\n", &m, &cap), 2);
	assert_text(cap_text(&cap),
	    "ed/index.md:2:1: error: front matter needs a title\n"
	    "ed/index.md:2:1: error: front matter needs a date (YYYY-MM-DD)\n");
	edition_free_meta(&m);
	cap_close(&cap);

	/* an empty title is no title */
	assert_int_equal(parse("title:\ndate: 2020-12-01\n", &m, &cap), 1);
	assert_text(cap_text(&cap),
	    "ed/index.md:2:1: error: front matter needs a title\n");
	edition_free_meta(&m);
	cap_close(&cap);

	assert_int_equal(parse("title: \"\"\ndate: 2020-12-01\n", &m, &cap), 1);
	edition_free_meta(&m);
	cap_close(&cap);
}

static void
test_bad_dates(void **state)
{
	struct meta	 m;
	struct cap	 cap;

	(void)state;
	assert_int_equal(parse("title: T\ndate: 1 december 2020\n", &m,
	    &cap), 1);
	assert_text(cap_text(&cap),
	    "ed/index.md:3:7: error: date must be a date YYYY-MM-DD\n");
	edition_free_meta(&m);
	cap_close(&cap);

	assert_int_equal(parse("title: T\ndate: [2020-12-01]\n", &m, &cap), 1);
	assert_text(cap_text(&cap),
	    "ed/index.md:3:7: error: date must be a date YYYY-MM-DD\n");
	edition_free_meta(&m);
	cap_close(&cap);

	assert_int_equal(parse("title: T\ndate: 2021-02-29\n", &m, &cap), 1);
	assert_text(cap_text(&cap),
	    "ed/index.md:3:7: error: date: impossible date '2021-02-29'\n");
	edition_free_meta(&m);
	cap_close(&cap);

	assert_int_equal(parse("title: T\ndate: 2020-02-29\n", &m, &cap), 0);
	edition_free_meta(&m);
	cap_close(&cap);
}

static void
test_filter(void **state)
{
	struct meta	 m;
	struct cap	 cap;

	(void)state;
	/* regio as a block list */
	assert_int_equal(parse("title: T\ndate: 2020-12-01\nfilter:\n"
	    "  regio:\n"
	    "    - Twente\n"			/* 6 */
	    "    - \"Zuid-Limburg\"\n"
	    "  soort: intermediair\n"
	    "  periode: 2019-01-01..2019-12-31\n", &m, &cap), 0);
	assert_text(cap_text(&cap), "");
	assert_int_equal(m.nregio, 2);
	check_val(&m.regio[0], "Twente", 6, 7);
	check_val(&m.regio[1], "Zuid-Limburg", 7, 7);
	assert_int_equal(m.nsoort, 1);
	check_val(&m.soort[0], "intermediair", 8, 10);
	assert_true(m.periode);
	assert_int_equal(m.from, fmt_days(2019, 1, 1));
	assert_int_equal(m.to, fmt_days(2019, 12, 31));
	edition_free_meta(&m);
	cap_close(&cap);

	/* a one-day periode is fine */
	assert_int_equal(parse("title: T\ndate: 2020-12-01\nfilter:\n"
	    "  periode: 1-1-2020 .. 1-1-2020\n", &m, &cap), 0);
	assert_int_equal(m.from, m.to);
	edition_free_meta(&m);
	cap_close(&cap);

	assert_int_equal(parse("title: T\ndate: 2020-12-01\n"
	    "filter: Twente\n", &m, &cap), 1);
	assert_text(cap_text(&cap), "ed/index.md:4:9: error: filter must be "
	    "a map (regio:, soort:, periode:)\n");
	edition_free_meta(&m);
	cap_close(&cap);

	assert_int_equal(parse("title: T\ndate: 2020-12-01\nfilter:\n"
	    "  regio: {naam: Twente}\n"
	    "  soort: [bemiddeling, [x]]\n"
	    "  periode: 2020\n"
	    "  periode: 2020-01-01 .. 2020-02-30\n", &m, &cap), 4);
	assert_text(cap_text(&cap),
	    "ed/index.md:5:10: error: filter regio must be a name or a list of names\n"
	    "ed/index.md:6:24: error: filter soort: every item must be a name\n"
	    "ed/index.md:7:12: error: periode must read 'YYYY-MM-DD .. YYYY-MM-DD'\n"
	    "ed/index.md:8:12: error: periode end: impossible date '2020-02-30'\n");
	edition_free_meta(&m);
	cap_close(&cap);
}

static void
test_tables_and_brand(void **state)
{
	struct meta	 m;
	struct cap	 cap;

	(void)state;
	assert_int_equal(parse("title: T\ndate: 2020-12-01\n"
	    "tables: vragen.csv\n"
	    "brand: Twente\n", &m, &cap), 2);
	assert_text(cap_text(&cap),
	    "ed/index.md:4:9: error: tables must be a map of name: path.csv\n"
	    "ed/index.md:5:8: error: brand must be a map (logo:, color:, name:)\n");
	edition_free_meta(&m);
	cap_close(&cap);

	assert_int_equal(parse("title: T\ndate: 2020-12-01\ntables:\n"
	    "  Vragen: a.csv\n"
	    "  vragen: b.csv\n"
	    "  vragen: c.csv\n"
	    "brand:\n"
	    "  color: \"#12345g\"\n"
	    "  logo: [a.svg]\n", &m, &cap), 4);
	assert_text(cap_text(&cap),
	    "ed/index.md:5:3: error: table name 'Vragen' may hold only a-z, 0-9, '-' and '_'\n"
	    "ed/index.md:7:3: error: table 'vragen' named twice\n"
	    "ed/index.md:9:10: error: brand color must be #rrggbb\n"
	    "ed/index.md:10:9: error: brand logo must be a single value\n");
	assert_int_equal(m.ntables, 1);
	check_val(&m.tables[0].path, "b.csv", 6, 11);
	edition_free_meta(&m);
	cap_close(&cap);

	/* a lower-case colour */
	assert_int_equal(parse("title: T\ndate: 2020-12-01\nbrand:\n"
	    "  color: \"#0a0b0c\"\n", &m, &cap), 0);
	check_val(&m.brand_color, "#0a0b0c", 5, 10);
	edition_free_meta(&m);
	cap_close(&cap);
}

static void
test_yaml_problems(void **state)
{
	struct meta	 m;
	struct cap	 cap;

	(void)state;
	/* a key given twice */
	assert_int_equal(parse("title: A\ndate: 2020-12-01\ntitle: B\n", &m,
	    &cap), 1);
	assert_text(cap_text(&cap),
	    "ed/index.md:4:1: error: key 'title' given twice\n");
	assert_string_equal(m.title.s, "A");
	edition_free_meta(&m);
	cap_close(&cap);

	/* not a map */
	assert_int_equal(parse("- title\n- date\n", &m, &cap), 1);
	assert_text(cap_text(&cap), "ed/index.md:2:1: error: front matter "
	    "must be a map of keys (title:, date:, ...)\n");
	edition_free_meta(&m);
	cap_close(&cap);

	/* not YAML at all: the position of the problem */
	assert_int_equal(parse("title: T\ndate: 2020-12-01\n"
	    "subtitle: [open\n", &m, &cap), 1);
	assert_non_null(strstr(cap_text(&cap), "ed/index.md:5:1: error: "
	    "front matter is not valid YAML: "));
	edition_free_meta(&m);
	cap_close(&cap);

	assert_int_equal(parse("title: T\n\tdate: x\n", &m, &cap), 1);
	assert_non_null(strstr(cap_text(&cap), "ed/index.md:3:1: error: "
	    "front matter is not valid YAML: "));
	edition_free_meta(&m);
	cap_close(&cap);

	/* nothing at all */
	assert_int_equal(parse("", &m, &cap), 1);
	assert_text(cap_text(&cap), "ed/index.md:2:1: error: front matter "
	    "must be a map of keys (title:, date:, ...)\n");
	edition_free_meta(&m);
	cap_close(&cap);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_key),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_missing_title_date),
		cmocka_unit_test(test_bad_dates),
		cmocka_unit_test(test_filter),
		cmocka_unit_test(test_tables_and_brand),
		cmocka_unit_test(test_yaml_problems),
	};

	return cmocka_run_group_tests_name("frontmatter", tests, NULL, NULL);
}
