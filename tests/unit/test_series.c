/*
 * test_series.c: unit tests of series (series.c, spec 6.3): names from
 * reeks or the filter, which names are one series, grouping newest
 * first, the previous edition by date, the charts across the years
 * (years on the axis, dates when two share a year, never two series in
 * one chart), and the text of vorige.* with its errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "diag.h"
#include "edition.h"
#include "fmt.h"
#include "register.h"
#include "series.h"
#include "stats.h"
#include "util.h"

#include "tutil.h"

static const char SCB[] =
    "kolom,code,label,volgorde\n"
    "soort,bemiddeling,Bemiddeling,1\n"
    "soort,intermediair,Intermediair,2\n"
    "signaal,email,Per e-mail,1\n"
    "themas,tarief,Tarief,1\n";

/* An edition from front matter text, its slug and a key figure aantal. */
static struct edition *
ed_new(const struct codebook *cb, const char *slug, const char *yaml,
    double aantal)
{
	struct edition	*e = xcalloc(1, sizeof(*e));
	struct cap	 cap;

	cap_open(&cap);
	assert_int_equal(edition_parse_meta(yaml, strlen(yaml), "index.md", 1,
	    &e->meta, &cap.d), 0);
	cap_close(&cap);
	e->slug = xstrdup(slug);
	e->kf[0].name = xstrdup("aantal");
	e->kf[0].v = aantal;
	e->kf[0].defined = 1;
	e->kf[0].shown = xasprintf("%g", aantal);
	series_name(e, cb);
	return e;
}

static void
ed_free(struct edition *e)
{
	e->stats = NULL;	/* borrowed in these tests */
	edition_free(e);
}

static void
test_same(void **state)
{
	(void)state;
	assert_true(series_same("Leergang regio Noord", "leergang  REGIO noord"));
	assert_true(series_same("  Bemiddeling ", "bemiddeling"));
	assert_false(series_same("Bemiddeling", "Bemiddeling – Noord"));
	assert_false(series_same("Regio Noord", "Regio Noorden"));
	assert_false(series_same("a b", "ab"));
}

static void
test_names(void **state)
{
	struct codebook	 cb;
	struct cap	 cap;
	struct edition	*e[5];
	size_t		 i;

	(void)state;
	cap_open(&cap);
	assert_int_equal(cb_from_text(&cb, SCB, &cap.d), 0);
	cap_close(&cap);
	e[0] = ed_new(&cb, "a", "title: A\ndate: 2020-12-01\n", 1);
	e[1] = ed_new(&cb, "b", "title: B\ndate: 2020-12-01\n"
	    "filter: { soort: Intermediair }\n", 1);
	e[2] = ed_new(&cb, "c", "title: C\ndate: 2020-12-01\n"
	    "filter: { regio: [Zuid, Noord], soort: bemiddeling }\n", 1);
	e[3] = ed_new(&cb, "d", "title: D\ndate: 2020-12-01\n"
	    "filter: { soort: [intermediair, bemiddeling] }\n", 1);
	e[4] = ed_new(&cb, "e", "title: E\ndate: 2020-12-01\n"
	    "filter: { regio: Noord }\nreeks: \"  Leergang   Noord \"\n", 1);
	assert_string_equal(e[0]->series, "Bemiddeling");
	assert_string_equal(e[1]->series, "Intermediair");
	assert_string_equal(e[2]->series, "Bemiddeling \xe2\x80\x93 Noord, Zuid");
	assert_string_equal(e[3]->series, "Bemiddeling en Intermediair");
	assert_string_equal(e[4]->series, "Leergang Noord");
	for (i = 0; i < 5; i++)
		ed_free(e[i]);
	codebook_free(&cb);
}

/* The reeks errors, at the value's line and column. */
static void
test_reeks_errors(void **state)
{
	static const struct {
		const char	*yaml, *msg;
	} t[] = {
		{ "reeks: [a]", "index.md:4:8: error: reeks must be a single "
		    "value: the name of the series\n" },
		{ "reeks: \"  \"", "index.md:4:8: error: reeks is empty; "
		    "leave it out for the default series\n" },
		{ "reeks: \"a\\nb\"", "index.md:4:8: error: reeks must be one "
		    "line of text, without tabs or control characters\n" },
	};
	struct meta	 m;
	struct cap	 cap;
	char		*y;
	size_t		 i;

	(void)state;
	for (i = 0; i < GEN_NELEM(t); i++) {
		cap_open(&cap);
		y = xasprintf("title: T\ndate: 2020-01-01\n%s\n", t[i].yaml);
		assert_int_equal(edition_parse_meta(y, strlen(y), "index.md",
		    1, &m, &cap.d), 1);
		assert_string_equal(cap_text(&cap), t[i].msg);
		assert_null(m.reeks.s);
		edition_free_meta(&m);
		free(y);
		cap_close(&cap);
	}
}

/* Newest first: 2022 B, 2021-06 A, 2021-01 A, 2020 A. */
static void
test_group(void **state)
{
	struct codebook	 cb;
	struct cap	 cap;
	struct edition	*e[4];
	struct series	*s;
	size_t		 n, i;

	(void)state;
	cap_open(&cap);
	assert_int_equal(cb_from_text(&cb, SCB, &cap.d), 0);
	cap_close(&cap);
	e[0] = ed_new(&cb, "b22", "title: B\ndate: 2022-03-01\n"
	    "filter: { soort: intermediair }\n", 14);
	e[1] = ed_new(&cb, "a21b", "title: A\ndate: 2021-06-01\n", 40);
	e[2] = ed_new(&cb, "a21a", "title: A\ndate: 2021-01-15\n", 38);
	e[3] = ed_new(&cb, "a20", "title: A\ndate: 2020-12-01\n", 45);
	s = series_group(e, 4, &n);
	assert_int_equal(n, 2);
	assert_string_equal(s[0].name, "Intermediair");
	assert_int_equal(s[0].ned, 1);
	assert_int_equal(s[0].ntrend, 0);	/* one edition: no chart */
	assert_string_equal(s[1].name, "Bemiddeling");
	assert_int_equal(s[1].ned, 3);
	assert_int_equal(s[1].ed[0], 1);
	assert_int_equal(s[1].ed[2], 3);
	assert_null(e[0]->prev);		/* the other series is older */
	assert_ptr_equal(e[1]->prev, e[2]);
	assert_ptr_equal(e[2]->prev, e[3]);
	assert_null(e[3]->prev);
	/* Two editions in 2021: the axis shows dates, oldest first. */
	assert_int_equal(s[1].ntrend, 2);
	assert_int_equal(s[1].trend[0].type, CHART_LINE);
	assert_int_equal(s[1].trend[0].number, 1);
	assert_int_equal(s[1].trend[0].ncat, 3);
	assert_string_equal(s[1].trend[0].cat[0].label, "1 december 2020");
	assert_string_equal(s[1].trend[0].cat[2].label, "1 juni 2021");
	assert_true(s[1].trend[0].cell[0].value == 45);
	assert_string_equal(s[1].trend[0].title,
	    "Bemiddeling: aantal trajecten per jaar");
	series_free(s, n);
	/* Without the 2021-06 edition the years are distinct. */
	e[1]->prev = NULL;
	s = series_group((struct edition *[]){ e[0], e[2], e[3] }, 3, &n);
	assert_string_equal(s[1].trend[0].cat[0].label, "2020");
	assert_string_equal(s[1].trend[0].cat[1].label, "2021");
	series_free(s, n);
	for (i = 0; i < 4; i++)
		ed_free(e[i]);
	codebook_free(&cb);
}

/* Same date: the one whose slug sorts last came out first. */
static void
test_link_ties(void **state)
{
	struct codebook	 cb;
	struct cap	 cap;
	struct edition	*e[2];

	(void)state;
	cap_open(&cap);
	assert_int_equal(cb_from_text(&cb, SCB, &cap.d), 0);
	cap_close(&cap);
	e[0] = ed_new(&cb, "x", "title: X\ndate: 2021-01-01\n", 1);
	e[1] = ed_new(&cb, "y", "title: Y\ndate: 2021-01-01\n", 1);
	series_link(e[0], e, 2);
	series_link(e[1], e, 2);
	assert_ptr_equal(e[0]->prev, e[1]);
	assert_null(e[1]->prev);
	ed_free(e[0]);
	ed_free(e[1]);
	codebook_free(&cb);
}

static void
test_prev_shown(void **state)
{
	static const char reg[] =
	    "id,regio,signaal,themas,start,eind,gesprekken,uitkomst\n"
	    "1,R,email,tarief,2020-01-01,2020-01-11,2,geslaagd\n"
	    "2,R,email,tarief,2020-01-01,2020-01-21,4,deels\n";
	struct codebook	 cb;
	struct cap	 cap;
	struct regfilter f;
	struct reg	*r;
	struct stats	*st;
	struct edition	*e[2];
	size_t		*sel, n;
	const char	*v;
	char		*err;

	(void)state;
	cap_open(&cap);
	assert_int_equal(cb_from_text(&cb, SCB, &cap.d), 0);
	r = reg_load_mem(reg, strlen(reg), "t.csv", &cb, &cap.d);
	assert_non_null(r);
	cap_close(&cap);
	memset(&f, 0, sizeof(f));
	n = reg_select(r, &f, &sel);
	st = stats_new(&cb, r, sel, n, NULL, 0, 1);
	e[0] = ed_new(&cb, "new", "title: N\ndate: 2021-12-01\n", 3);
	e[1] = ed_new(&cb, "old", "title: O\ndate: 2020-12-01\n", 2);
	e[1]->stats = st;
	series_link(e[0], e, 2);
	series_link(e[1], e, 2);
	v = series_prev_metric(e[0], "succes.pct", &err)->shown;
	assert_null(err);
	assert_string_equal(v, "50%");
	assert_null(series_prev_metric(e[0], "succes.pc", &err));
	assert_string_equal(err, "unknown value 'vorige.succes.pc'; did you "
	    "mean 'vorige.succes.pct'?");
	free(err);
	assert_null(series_prev_metric(e[1], "aantal", &err));
	assert_string_equal(err, "no previous edition in the series "
	    "'Bemiddeling' for 'vorige.aantal'");
	free(err);
	e[1]->stats = NULL;		/* an edition with errors */
	assert_null(series_prev_metric(e[0], "aantal", &err));
	assert_string_equal(err, "'vorige.aantal': the previous edition old "
	    "has errors");
	free(err);
	ed_free(e[0]);
	ed_free(e[1]);
	stats_free(st);
	free(sel);
	reg_free(r);
	codebook_free(&cb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_reeks_errors),
		cmocka_unit_test(test_group),
		cmocka_unit_test(test_link_ties),
		cmocka_unit_test(test_prev_shown),
	};

	return cmocka_run_group_tests_name("series", tests, NULL, NULL);
}
