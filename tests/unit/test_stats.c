/*
 * test_stats.c: unit tests of the metrics (stats.c, spec 4) on small
 * registers whose figures are worked out by hand in the comments:
 * counts, shares, top with ties, success rate and its Wilson interval,
 * type-7 quantiles, further tables, disclosure control (4.6), the
 * published text (4.7) and the unrounded JSON.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "diag.h"
#include "register.h"
#include "stats.h"
#include "tables.h"
#include "util.h"

#include "tutil.h"

#define assert_near(a, b) assert_true(fabs((double)(a) - (double)(b)) <= 1e-9)

#define LT5	"<5"
#define GE5	"\xe2\x89\xa5" "5"	/* ≥5 */
#define DASH	"\xe2\x80\x93"		/* – */

/*
 * wachtlijst and aanbesteding share volgorde 1 (ties go by label);
 * zorg's label sorts after vertrouwen's, its volgorde before.
 */
static const char SCB[] =
    "kolom,code,label,volgorde\n"
    "soort,bemiddeling,Bemiddeling,1\n"
    "soort,intermediair,Intermediair,2\n"
    "partijen,gemeente-aanbieder,Gemeente en aanbieder,1\n"
    "partijen,gemeente-gemeente,Gemeenten onderling,2\n"
    "signaal,email,Per e-mail,1\n"
    "signaal,telefoon,Per telefoon,2\n"
    "themas,tarief,Tarief,1\n"
    "themas,zorg,Zorgcontinu\xc3\xafteit,2\n"
    "themas,vertrouwen,Vertrouwen,3\n"
    "aanleiding,wachtlijst,Wachtlijst,1\n"
    "aanleiding,aanbesteding,Aanbesteding,1\n"
    "escalatie,geen,Geen escalatie,1\n"
    "escalatie,rechter,Rechter,2\n"
    "vraag,tarief,\"Over het \"\"tarief\"\"\",1\n"
    "vraag,proces,Over het proces,2\n"
    "vraag,anders,Anders,3\n";

#define HDR "id,soort,regio,partijen,signaal,themas,hoofdthema,aanleiding," \
	"start,eind,gesprekken,uitkomst,escalatie\n"

/*
 * Eight trajectories.
 *            duur  gespr  uitkomst       themas (hoofdthema)
 *   A1        10     3    geslaagd       tarief;zorg (tarief)
 *   A2        20     5    geslaagd       tarief;vertrouwen (tarief)
 *   A3        30     2    deels          zorg;vertrouwen (vertrouwen)
 *   A4         0     0    geweigerd      tarief (tarief)
 *   A5        40     7    niet-geslaagd  vertrouwen (vertrouwen)
 *   A6         -     4    lopend         zorg (zorg)
 *   A7        40     6    geslaagd       vertrouwen;zorg (zorg)
 *   A8         -     1    lopend         vertrouwen;zorg (vertrouwen)
 */
static const char R8[] = HDR
"A1,bemiddeling,Twente,gemeente-aanbieder,email,\"tarief;zorg\",,aanbesteding,2020-01-01,2020-01-11,3,geslaagd,geen\n"
"A2,bemiddeling,Twente,gemeente-aanbieder,email,\"tarief;vertrouwen\",,,2020-01-01,2020-01-21,5,geslaagd,geen\n"
"A3,bemiddeling,Twente,gemeente-gemeente,telefoon,\"zorg;vertrouwen\",vertrouwen,wachtlijst,2020-02-01,2020-03-02,2,deels,rechter\n"
"A4,intermediair,Rijnmond,,telefoon,tarief,,\"aanbesteding;wachtlijst\",2020-03-01,2020-03-01,0,geweigerd,geen\n"
"A5,bemiddeling,Rijnmond,gemeente-aanbieder,email,vertrouwen,,,2020-04-01,2020-05-11,7,niet-geslaagd,geen\n"
"A6,bemiddeling,Rijnmond,gemeente-aanbieder,email,zorg,,,2020-06-01,,4,lopend,geen\n"
"A7,bemiddeling,Twente,gemeente-aanbieder,telefoon,\"vertrouwen;zorg\",zorg,,2020-07-01,2020-08-10,6,geslaagd,geen\n"
"A8,bemiddeling,Twente,gemeente-aanbieder,email,\"vertrouwen;zorg\",,,2020-09-01,,1,lopend,geen\n";

/* Group state: the codebook. */
struct fx {
	struct codebook	 cb;
};

/* One computed edition. */
struct ed {
	struct reg	*reg;
	size_t		*sel;
	struct stats	*st;
};

static int
setup(void **state)
{
	struct fx	*fx = xcalloc(1, sizeof(*fx));
	struct cap	 cap;

	cap_open(&cap);
	if (cb_from_text(&fx->cb, SCB, &cap.d) != 0) {
		fprintf(stderr, "codebook: %s", cap_text(&cap));
		return -1;
	}
	cap_close(&cap);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx	*fx = *state;

	codebook_free(&fx->cb);
	free(fx);
	return 0;
}

/* Loads a register (asserting no diagnostics) and computes its metrics with threshold k. */
static void
ed_open(struct ed *e, struct fx *fx, const char *text, int k)
{
	struct cap	 cap;
	struct regfilter f;
	size_t		 n;

	cap_open(&cap);
	e->reg = reg_load_mem(text, strlen(text), "t.csv", &fx->cb, &cap.d);
	assert_text(cap_text(&cap), "");
	assert_non_null(e->reg);
	cap_close(&cap);
	memset(&f, 0, sizeof(f));
	n = reg_select(e->reg, &f, &e->sel);
	e->st = stats_new(&fx->cb, e->reg, e->sel, n, NULL, 0, k);
}

static void
ed_close(struct ed *e)
{
	stats_free(e->st);
	free(e->sel);
	reg_free(e->reg);
}

static const struct metric *
get(const struct stats *st, const char *name)
{
	const struct metric *m = stats_get(st, name);

	if (m == NULL)
		fail_msg("no metric %s", name);
	return m;
}

/* The published text of a metric. */
#define SHOWN(st, name, want) assert_string_equal(get((st), (name))->shown, (want))
/* Its unrounded value. */
#define VALUE(st, name, want) assert_near(get((st), (name))->v, (want))

static void
test_counts(void **state)
{
	struct ed	 e;

	ed_open(&e, *state, R8, 1);
	assert_int_equal(e.st->ntraj, 8);
	SHOWN(e.st, "aantal", "8");
	SHOWN(e.st, "afgerond", "6");
	SHOWN(e.st, "lopend", "2");

	/* soort: 7 and 1 of 8 = 87,5% and 12,5% */
	SHOWN(e.st, "soort.bemiddeling.aantal", "7");
	SHOWN(e.st, "soort.intermediair.aantal", "1");
	VALUE(e.st, "soort.bemiddeling.pct", 87.5);
	SHOWN(e.st, "soort.bemiddeling.pct", "88%");
	SHOWN(e.st, "soort.intermediair.pct", "13%");
	SHOWN(e.st, "soort.top", "Bemiddeling");

	/* partijen: A4 has none; 6 + 1 of 8 */
	SHOWN(e.st, "partijen.gemeente-aanbieder.aantal", "6");
	SHOWN(e.st, "partijen.gemeente-gemeente.aantal", "1");
	SHOWN(e.st, "partijen.gemeente-aanbieder.pct", "75%");

	SHOWN(e.st, "signaal.email.aantal", "5");
	SHOWN(e.st, "signaal.telefoon.aantal", "3");
	SHOWN(e.st, "signaal.email.pct", "63%");	/* 62,5 */
	SHOWN(e.st, "signaal.telefoon.pct", "38%");	/* 37,5 */

	/* themas (multi-valued): tarief 3, zorg 5, vertrouwen 5 */
	SHOWN(e.st, "themas.tarief.aantal", "3");
	SHOWN(e.st, "themas.zorg.aantal", "5");
	SHOWN(e.st, "themas.vertrouwen.aantal", "5");
	SHOWN(e.st, "themas.zorg.pct", "63%");
	VALUE(e.st, "themas.tarief.pct", 37.5);
	/* the tie of 5 goes to the lower volgorde, not the first label */
	SHOWN(e.st, "themas.top", "Zorgcontinu\xc3\xafteit");

	/* hoofdthema: the first of themas by default */
	SHOWN(e.st, "hoofdthema.tarief.aantal", "3");
	SHOWN(e.st, "hoofdthema.zorg.aantal", "2");
	SHOWN(e.st, "hoofdthema.vertrouwen.aantal", "3");
	SHOWN(e.st, "hoofdthema.top", "Tarief");

	/* aanleiding 2 and 2, same volgorde: by label */
	SHOWN(e.st, "aanleiding.wachtlijst.aantal", "2");
	SHOWN(e.st, "aanleiding.aanbesteding.aantal", "2");
	SHOWN(e.st, "aanleiding.wachtlijst.pct", "25%");
	SHOWN(e.st, "aanleiding.top", "Aanbesteding");

	SHOWN(e.st, "uitkomst.geslaagd.aantal", "3");
	SHOWN(e.st, "uitkomst.deels.aantal", "1");
	SHOWN(e.st, "uitkomst.niet-geslaagd.aantal", "1");
	SHOWN(e.st, "uitkomst.geweigerd.aantal", "1");
	SHOWN(e.st, "uitkomst.lopend.aantal", "2");
	SHOWN(e.st, "uitkomst.top", "Geslaagd");
	SHOWN(e.st, "escalatie.geen.aantal", "7");
	SHOWN(e.st, "escalatie.rechter.aantal", "1");
	SHOWN(e.st, "escalatie.rechter.pct", "13%");

	/* names are complete and sorted; unknown ones are not there */
	assert_null(stats_get(e.st, "themas.onbekend.aantal"));
	assert_null(stats_get(e.st, "regio.twente.aantal"));
	{
		size_t	 n, i;
		const char **v = stats_names(e.st, &n);

		assert_int_equal(n, e.st->n);
		for (i = 1; i < n; i++)
			assert_true(strcmp(v[i - 1], v[i]) < 0);
		free(v);
	}
	ed_close(&e);
}

static void
test_success(void **state)
{
	struct ed	 e;

	/* 3 geslaagd of 6 afgerond; Wilson at z = 1,959964 */
	ed_open(&e, *state, R8, 1);
	VALUE(e.st, "succes.pct", 50.0);
	VALUE(e.st, "succes.ci_laag", 18.761630498040815);
	VALUE(e.st, "succes.ci_hoog", 81.238369501959185);
	SHOWN(e.st, "succes.pct", "50%");
	SHOWN(e.st, "succes.ci_laag", "19%");
	SHOWN(e.st, "succes.ci_hoog", "81%");
	ed_close(&e);
}

/* 41 of 43: the figures of the 2020 report. */
static void
test_wilson_41_of_43(void **state)
{
	struct buf	 b = { NULL, 0, 0 };
	struct ed	 e;
	int		 i;

	buf_puts(&b, HDR);
	for (i = 0; i < 43; i++)
		buf_printf(&b, "W%d,,R,,email,tarief,,,2020-01-01,2020-02-01,1,"
		    "%s,\n", i, i < 41 ? "geslaagd" : "niet-geslaagd");
	ed_open(&e, *state, b.s, 1);
	/*
	 * p = 41/43; lower, upper = (x + z²/2 ∓ z·sqrt(x(n−x)/n + z²/4))
	 * / (n + z²), worked out to 40 digits.
	 */
	VALUE(e.st, "succes.pct", 95.348837209302325581);
	VALUE(e.st, "succes.ci_laag", 84.544501876637078188);
	VALUE(e.st, "succes.ci_hoog", 98.715074002142545118);
	SHOWN(e.st, "succes.pct", "95%");
	SHOWN(e.st, "succes.ci_laag", "85%");
	SHOWN(e.st, "succes.ci_hoog", "99%");
	ed_close(&e);
	buf_free(&b);
}

static void
test_quantiles(void **state)
{
	struct ed	 e;

	/*
	 * duur of the afgerond: 0 10 20 30 40 40 (m = 6).
	 * h = 5p: p25 h = 1,25 -> 10 + 0,25·10 = 12,5; mediaan h = 2,5 ->
	 * 20 + 0,5·10 = 25; p75 h = 3,75 -> 30 + 0,75·10 = 37,5;
	 * gemiddeld 140 / 6 = 23,33.
	 */
	ed_open(&e, *state, R8, 1);
	VALUE(e.st, "duur.min", 0);
	VALUE(e.st, "duur.max", 40);
	VALUE(e.st, "duur.gemiddeld", 140.0 / 6);
	VALUE(e.st, "duur.mediaan", 25);
	VALUE(e.st, "duur.p25", 12.5);
	VALUE(e.st, "duur.p75", 37.5);
	SHOWN(e.st, "duur.min", "0");
	SHOWN(e.st, "duur.gemiddeld", "23,3");
	SHOWN(e.st, "duur.p25", "12,5");
	SHOWN(e.st, "duur.mediaan", "25");

	/*
	 * gesprekken of the afgerond: 0 2 3 5 6 7.  p25 = 2 + 0,25 = 2,25
	 * (shown 2,3: half away from zero); mediaan 3 + 0,5·2 = 4; p75
	 * 5 + 0,75 = 5,75 (5,8); gemiddeld 23 / 6 = 3,83.  totaal over
	 * all eight: 3+5+2+0+7+4+6+1 = 28.
	 */
	VALUE(e.st, "gesprekken.min", 0);
	VALUE(e.st, "gesprekken.max", 7);
	VALUE(e.st, "gesprekken.p25", 2.25);
	VALUE(e.st, "gesprekken.mediaan", 4);
	VALUE(e.st, "gesprekken.p75", 5.75);
	VALUE(e.st, "gesprekken.gemiddeld", 23.0 / 6);
	VALUE(e.st, "gesprekken.totaal", 28);
	SHOWN(e.st, "gesprekken.p25", "2,3");
	SHOWN(e.st, "gesprekken.p75", "5,8");
	SHOWN(e.st, "gesprekken.gemiddeld", "3,8");
	SHOWN(e.st, "gesprekken.totaal", "28");
	ed_close(&e);
}

/* One value, two values: the edges of type-7 interpolation. */
static void
test_quantiles_small(void **state)
{
	struct ed	 e;

	ed_open(&e, *state, HDR
"Q1,,R,,email,tarief,,,2020-01-01,2020-01-08,2,geslaagd,\n", 1);
	VALUE(e.st, "duur.p25", 7);
	VALUE(e.st, "duur.mediaan", 7);
	VALUE(e.st, "duur.p75", 7);
	ed_close(&e);

	/* 7 and 100: p25 = 7 + 0,25·93 = 30,25; mediaan 53,5; p75 76,75 */
	ed_open(&e, *state, HDR
"Q1,,R,,email,tarief,,,2020-01-01,2020-01-08,2,geslaagd,\n"
"Q2,,R,,email,tarief,,,2020-01-01,2020-04-10,1000,geslaagd,\n", 1);
	VALUE(e.st, "duur.p25", 30.25);
	VALUE(e.st, "duur.mediaan", 53.5);
	VALUE(e.st, "duur.p75", 76.75);
	SHOWN(e.st, "duur.p25", "30,3");
	SHOWN(e.st, "duur.p75", "76,8");
	SHOWN(e.st, "gesprekken.totaal", "1.002");
	SHOWN(e.st, "gesprekken.max", "1.000");
	ed_close(&e);
}

/* Nothing finished: rates and statistics are undefined ("–"). */
static void
test_none_finished(void **state)
{
	struct ed	 e;

	ed_open(&e, *state, HDR
"L1,,R,,email,tarief,,,2020-01-01,,2,lopend,\n"
"L2,,R,,email,tarief,,,2020-01-01,,3,lopend,\n", 1);
	SHOWN(e.st, "afgerond", "0");
	SHOWN(e.st, "succes.pct", DASH);
	SHOWN(e.st, "succes.ci_laag", DASH);
	SHOWN(e.st, "duur.mediaan", DASH);
	SHOWN(e.st, "gesprekken.min", DASH);
	assert_false(get(e.st, "succes.pct")->defined);
	SHOWN(e.st, "gesprekken.totaal", "5");
	SHOWN(e.st, "aanleiding.top", DASH);	/* no code at all */
	SHOWN(e.st, "aanleiding.wachtlijst.pct", "0%");
	ed_close(&e);
}

/* An edition without trajectory data has only aantal and friends. */
static void
test_no_register(void **state)
{
	struct fx	*fx = *state;
	struct stats	*st;

	st = stats_new(&fx->cb, NULL, NULL, 0, NULL, 0, 1);
	SHOWN(st, "aantal", "0");
	SHOWN(st, "succes.pct", DASH);
	assert_null(stats_get(st, "themas.tarief.aantal"));
	stats_free(st);
	stats_free(NULL);
}

/*
 * Disclosure control, k = 5, n = 20:
 *   soort       bemiddeling 17, intermediair 3 -> "<5", and the only
 *               other non-zero count "≥5"; both shares "–"
 *   partijen    gemeente-aanbieder 15, gemeente-gemeente 2, 3 empty:
 *               the counts do not add up to n, nothing to work back
 *   signaal     email 12, telefoon 8: nothing hidden
 *   themas      tarief 20, zorg 1, vertrouwen 0 (multi: no secondary)
 *   uitkomst    geslaagd 10, niet-geslaagd 3, geweigerd 2, lopend 5:
 *               two primaries, so no secondary; 5 is not below 5
 *   escalatie   geen 19, rechter 1 -> "<5" and "≥5"
 */
static void
test_disclosure(void **state)
{
	struct buf	 b = { NULL, 0, 0 };
	struct ed	 e;
	int		 i;

	buf_puts(&b, HDR);
	for (i = 0; i < 20; i++)
		buf_printf(&b, "D%d,%s,R,%s,%s,%s,,,2020-01-01,%s,%d,%s,%s\n", i,
		    i < 17 ? "bemiddeling" : "intermediair",
		    i < 15 ? "gemeente-aanbieder" : i < 17 ? "gemeente-gemeente" : "",
		    i < 12 ? "email" : "telefoon",
		    i == 0 ? "\"tarief;zorg\"" : "tarief",
		    i < 15 ? "2020-01-31" : "",
		    i,
		    i < 10 ? "geslaagd" : i < 13 ? "niet-geslaagd" :
		    i < 15 ? "geweigerd" : "lopend",
		    i == 19 ? "rechter" : "geen");
	ed_open(&e, *state, b.s, 5);
	assert_int_equal(e.st->k, 5);

	SHOWN(e.st, "aantal", "20");
	SHOWN(e.st, "afgerond", "15");
	SHOWN(e.st, "lopend", "5");

	SHOWN(e.st, "soort.intermediair.aantal", LT5);
	SHOWN(e.st, "soort.bemiddeling.aantal", GE5);
	SHOWN(e.st, "soort.intermediair.pct", DASH);
	SHOWN(e.st, "soort.bemiddeling.pct", DASH);
	assert_int_equal(get(e.st, "soort.intermediair.aantal")->hide, MH_PRIMARY);
	assert_int_equal(get(e.st, "soort.bemiddeling.aantal")->hide, MH_SECONDARY);
	assert_int_equal(get(e.st, "soort.bemiddeling.pct")->hide, MH_DERIVED);

	SHOWN(e.st, "partijen.gemeente-gemeente.aantal", LT5);
	SHOWN(e.st, "partijen.gemeente-aanbieder.aantal", "15");
	SHOWN(e.st, "partijen.gemeente-aanbieder.pct", "75%");
	SHOWN(e.st, "partijen.gemeente-gemeente.pct", DASH);

	SHOWN(e.st, "signaal.email.aantal", "12");
	SHOWN(e.st, "signaal.telefoon.aantal", "8");
	SHOWN(e.st, "signaal.telefoon.pct", "40%");

	SHOWN(e.st, "themas.tarief.aantal", "20");
	SHOWN(e.st, "themas.zorg.aantal", LT5);
	SHOWN(e.st, "themas.zorg.pct", DASH);
	SHOWN(e.st, "themas.vertrouwen.aantal", "0");	/* zero is shown */
	SHOWN(e.st, "themas.vertrouwen.pct", "0%");
	SHOWN(e.st, "themas.tarief.pct", "100%");

	SHOWN(e.st, "uitkomst.geslaagd.aantal", "10");
	SHOWN(e.st, "uitkomst.deels.aantal", "0");
	SHOWN(e.st, "uitkomst.niet-geslaagd.aantal", LT5);
	SHOWN(e.st, "uitkomst.geweigerd.aantal", LT5);
	SHOWN(e.st, "uitkomst.lopend.aantal", "5");
	/* 10 of 15 */
	SHOWN(e.st, "succes.pct", "67%");
	VALUE(e.st, "succes.ci_laag", 41.713547557119907);
	SHOWN(e.st, "succes.ci_laag", "42%");
	SHOWN(e.st, "succes.ci_hoog", "85%");

	SHOWN(e.st, "escalatie.rechter.aantal", LT5);
	SHOWN(e.st, "escalatie.geen.aantal", GE5);

	/* statistics rest on afgerond (shown): shown */
	SHOWN(e.st, "duur.mediaan", "30");
	SHOWN(e.st, "gesprekken.totaal", "190");	/* 0 + 1 + ... + 19 */
	ed_close(&e);
	buf_free(&b);
}

/*
 * k = 5, n = 10, 2 lopend: lopend is "<5", so afgerond (8) is hidden
 * too, and every rate and statistic over the afgerond shows "–".  In
 * uitkomst, lopend 2 is primary and geslaagd 8 the only other.
 */
static void
test_disclosure_lopend(void **state)
{
	struct buf	 b = { NULL, 0, 0 };
	struct ed	 e;
	int		 i;

	buf_puts(&b, HDR);
	for (i = 0; i < 10; i++)
		buf_printf(&b, "D%d,,R,,email,tarief,,,2020-01-01,%s,2,%s,\n", i,
		    i < 8 ? "2020-01-11" : "", i < 8 ? "geslaagd" : "lopend");
	ed_open(&e, *state, b.s, 5);
	SHOWN(e.st, "aantal", "10");
	SHOWN(e.st, "lopend", LT5);
	SHOWN(e.st, "afgerond", GE5);
	SHOWN(e.st, "uitkomst.lopend.aantal", LT5);
	SHOWN(e.st, "uitkomst.geslaagd.aantal", GE5);
	SHOWN(e.st, "succes.pct", DASH);
	SHOWN(e.st, "succes.ci_hoog", DASH);
	SHOWN(e.st, "duur.mediaan", DASH);
	SHOWN(e.st, "gesprekken.gemiddeld", DASH);
	SHOWN(e.st, "gesprekken.totaal", "20");	/* over all n */
	SHOWN(e.st, "themas.tarief.aantal", "10");
	ed_close(&e);
	buf_free(&b);
}

/*
 * k = 5, n = 22: geslaagd 9, deels 6, niet-geslaagd 2, lopend 5.  The
 * secondary in uitkomst is the smallest other count, lopend 5.  The
 * same number is published as "lopend", so it must be hidden there
 * too, and with it afgerond (= n - lopend): else niet-geslaagd would
 * be 22 - 5 - 9 - 6 = 2 again.
 */
static void
test_disclosure_linked(void **state)
{
	struct buf	 b = { NULL, 0, 0 };
	struct ed	 e;
	int		 i;

	buf_puts(&b, HDR);
	for (i = 0; i < 22; i++)
		buf_printf(&b, "D%d,,R,,email,tarief,,,2020-01-01,%s,2,%s,\n", i,
		    i < 17 ? "2020-01-11" : "",
		    i < 9 ? "geslaagd" : i < 15 ? "deels" : i < 17 ?
		    "niet-geslaagd" : "lopend");
	ed_open(&e, *state, b.s, 5);
	SHOWN(e.st, "uitkomst.niet-geslaagd.aantal", LT5);
	SHOWN(e.st, "uitkomst.lopend.aantal", GE5);
	SHOWN(e.st, "uitkomst.geslaagd.aantal", "9");
	SHOWN(e.st, "uitkomst.deels.aantal", "6");
	SHOWN(e.st, "lopend", GE5);
	SHOWN(e.st, "afgerond", GE5);
	SHOWN(e.st, "aantal", "22");
	ed_close(&e);
	buf_free(&b);
}

/* The text of stats_print, and stats_json unrounded and unhidden. */
static void
test_print_and_json(void **state)
{
	struct buf	 b = { NULL, 0, 0 };
	struct ed	 e;
	char		*out = NULL, *p;
	const char	*key = "\n  \"succes.ci_laag\": ";
	size_t		 len = 0;
	FILE		*f;
	int		 i;

	/* ten finished, geslaagd; soort intermediair 3 (hidden at k = 5) */
	buf_puts(&b, HDR);
	for (i = 0; i < 10; i++)
		buf_printf(&b, "J%d,%s,R,,email,tarief,,,2020-01-01,2020-01-04,"
		    "%d,geslaagd,\n", i, i < 3 ? "intermediair" :
		    "bemiddeling", i);
	ed_open(&e, *state, b.s, 5);

	f = open_memstream(&out, &len);
	stats_print(e.st, f);
	fclose(f);
	assert_true(strncmp(out, "aanleiding.", 11) == 0);	/* sorted */
	assert_non_null(strstr(out, "\naantal = 10\n"));
	assert_non_null(strstr(out, "\nsoort.intermediair.aantal = <5\n"));
	assert_non_null(strstr(out, "\nsoort.bemiddeling.aantal = "
	    "\xe2\x89\xa5" "5\n"));
	assert_non_null(strstr(out, "\nsoort.bemiddeling.pct = \xe2\x80\x93\n"));
	assert_non_null(strstr(out, "\nsucces.pct = 100%\n"));
	assert_non_null(strstr(out, "\nthemas.top = Tarief\n"));
	assert_non_null(strstr(out, "\ngesprekken.gemiddeld = 4,5\n"));
	assert_non_null(strstr(out, "\ngesprekken.p25 = 2,3\n"));
	free(out);

	out = NULL;
	f = open_memstream(&out, &len);
	stats_json(e.st, f);
	fclose(f);
	assert_true(strncmp(out, "{\n  \"aanleiding.", 16) == 0);
	assert_string_equal(out + len - 3, "\n}\n");
	/* the hidden counts in full, shares unrounded */
	assert_non_null(strstr(out, "\n  \"soort.intermediair.aantal\": 3,\n"));
	assert_non_null(strstr(out, "\n  \"soort.bemiddeling.aantal\": 7,\n"));
	assert_non_null(strstr(out, "\n  \"soort.intermediair.pct\": 30,\n"));
	assert_non_null(strstr(out, "\n  \"lopend\": 0,\n"));
	assert_non_null(strstr(out, "\n  \"afgerond\": 10,\n"));
	/* gesprekken 0..9: mean 4,5; p25 h = 2,25 -> 2,25 */
	assert_non_null(strstr(out, "\n  \"gesprekken.gemiddeld\": 4.5,\n"));
	assert_non_null(strstr(out, "\n  \"gesprekken.p25\": 2.25,\n"));
	/* labels as strings; no value: null */
	assert_non_null(strstr(out, "\n  \"themas.top\": \"Tarief\",\n"));
	assert_non_null(strstr(out, "\n  \"aanleiding.top\": null,\n"));
	/* 10 of 10: (10 + z²/2 - z·z/2) / (10 + z²) */
	p = strstr(out, key);
	assert_non_null(p);
	assert_near(strtod(p + strlen(key), NULL),
	    100 * 10 / (10 + 1.959964 * 1.959964));
	free(out);
	ed_close(&e);
	buf_free(&b);
}

/* Further tables (spec 2.3, 4.5) with their disclosure control. */
static void
test_tables(void **state)
{
	struct fx	*fx = *state;
	struct cap	 cap;
	struct tabdata	*t;
	struct stats	*st;
	char		*path;
	struct buf	 b = { NULL, 0, 0 };
	char		*out = NULL;
	size_t		 len = 0;
	FILE		*f;
	int		 i;

	/* 12 rows: vraag tarief 6, proces 5, anders 1; a column not in the codebook */
	buf_puts(&b, "Vraag,opmerking\n");
	for (i = 0; i < 12; i++)
		buf_printf(&b, "%s,tekst %d\n", i < 6 ? "tarief" : i < 11 ?
		    "Proces" : "anders", i);
	path = tmp_file(b.s, b.len);
	cap_open(&cap);
	t = tab_load("vragen", "/tmp", path, "vragen.csv", &fx->cb, &cap.d);
	assert_text(cap_text(&cap), "");
	assert_non_null(t);
	assert_int_equal(t->nrows, 12);
	assert_int_equal(t->ncols, 1);
	assert_string_equal(t->cols[0].name, "vraag");
	assert_true(t->cols[0].single);
	st = stats_new(&fx->cb, NULL, NULL, 0, &t, 1, 5);
	SHOWN(st, "vragen.aantal", "12");
	SHOWN(st, "vragen.vraag.tarief.aantal", "6");
	SHOWN(st, "vragen.vraag.anders.aantal", LT5);
	/* one primary: the smallest other non-zero, proces 5, goes too */
	SHOWN(st, "vragen.vraag.proces.aantal", GE5);
	SHOWN(st, "vragen.vraag.tarief.pct", "50%");
	SHOWN(st, "vragen.vraag.proces.pct", DASH);
	SHOWN(st, "vragen.vraag.top", "Over het \"tarief\"");
	assert_null(stats_get(st, "vragen.opmerking.aantal"));
	f = open_memstream(&out, &len);
	stats_json(st, f);
	fclose(f);
	assert_non_null(strstr(out,
	    "\"vragen.vraag.top\": \"Over het \\\"tarief\\\"\""));
	free(out);
	stats_free(st);
	tab_free(t);
	unlink(path);
	free(path);

	/* unknown code with a suggestion; a multi-valued row */
	buf_reset(&b);
	buf_puts(&b, "vraag\ntarief\n\"proces;tarif\"\n");
	path = tmp_file(b.s, b.len);
	assert_null(tab_load("vragen", "/tmp", path, "vragen.csv", &fx->cb, &cap.d));
	assert_text(cap_text(&cap),
	    "vragen.csv:3:1: error: unknown code 'tarif' in column vraag; "
	    "did you mean 'tarief'?\n");
	unlink(path);
	free(path);
	cap_close(&cap);

	buf_reset(&b);
	buf_puts(&b, "vraag\ntarief\n\"proces;\nanders\"\n");
	path = tmp_file(b.s, b.len);
	cap_open(&cap);
	t = tab_load("vragen", "/tmp", path, "vragen.csv", &fx->cb, &cap.d);
	assert_text(cap_text(&cap), "");
	assert_non_null(t);
	assert_false(t->cols[0].single);
	assert_int_equal(t->cols[0].count[2], 1);	/* anders */
	tab_free(t);
	unlink(path);
	free(path);
	cap_close(&cap);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_success),
		cmocka_unit_test(test_wilson_41_of_43),
		cmocka_unit_test(test_quantiles),
		cmocka_unit_test(test_quantiles_small),
		cmocka_unit_test(test_none_finished),
		cmocka_unit_test(test_no_register),
		cmocka_unit_test(test_disclosure),
		cmocka_unit_test(test_disclosure_lopend),
		cmocka_unit_test(test_disclosure_linked),
		cmocka_unit_test(test_print_and_json),
		cmocka_unit_test(test_tables),
	};

	return cmocka_run_group_tests_name("stats", tests, setup, teardown);
}
