/*
 * test_disclosure.c: a property test of disclosure control (spec 4.6)
 * over every number that reaches a reader.  Random registers (a fixed
 * seed per case, so a failure is reproducible) with random thresholds
 * k, many of them with every trajectory finished, are computed; then
 * every metric, table block and chart block a report can hold is made
 * from them, and every additive group of shown counts is checked:
 * either no count of the group is hidden, or at least two are, or the
 * figure they add up to is hidden too; and, since the sum of counts
 * shown is no secret either, a hidden sum has a hidden count among
 * them (of a group and its sum, never exactly one is hidden).  The
 * groups:
 *
 *   - afgerond and lopend, adding up to aantal;
 *   - the codes of a single-valued column (where every trajectory has
 *     one), adding up to aantal, as metrics and as table rows with
 *     their total row;
 *   - the outcomes of the finished trajectories, adding up to afgerond;
 *   - the bins of a duur or gesprekken table with "Totaal afgerond",
 *     and of a histogram against afgerond;
 *   - the years of a code in a by: jaar chart against the code's total,
 *     the codes of a year (single-valued column) against the year's
 *     trajectories as the data: aantal chart by year shows them, and
 *     those years against aantal.
 *
 * It also checks that no zero is hidden, that the same count shown
 * twice (lopend, uitkomst.lopend.aantal) is hidden in both places, and
 * that a chart and a table of the same bins show the same.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "codes.h"
#include "diag.h"
#include "fmt.h"
#include "register.h"
#include "stats.h"
#include "util.h"

#include "tutil.h"

#define NCASES	600

static const char PCB[] =
    "kolom,code,label,volgorde\n"
    "partijen,gemeente-aanbieder,Gemeente en aanbieder,1\n"
    "partijen,gemeente-gemeente,Gemeenten onderling,2\n"
    "signaal,email,Per e-mail,1\n"
    "signaal,telefoon,Per telefoon,2\n"
    "signaal,vng,Via de VNG,3\n"
    "themas,tarief,Tarief,1\n"
    "themas,zorg,Zorg,2\n"
    "themas,vertrouwen,Vertrouwen,3\n"
    "themas,perspectief,Perspectief,4\n"
    "aanleiding,wachtlijst,Wachtlijst,1\n"
    "aanleiding,aanbesteding,Aanbesteding,2\n"
    "escalatie,geen,Geen escalatie,1\n"
    "escalatie,rechter,Rechter,2\n";

static const char *const partijen[] = { "gemeente-aanbieder",
    "gemeente-gemeente", "" };
static const char *const signaal[] = { "email", "telefoon", "vng" };
static const char *const themas[] = { "tarief", "zorg", "vertrouwen",
    "perspectief" };
static const char *const aanleiding[] = { "wachtlijst", "aanbesteding" };
static const char *const uitkomst[] = { "geslaagd", "deels",
    "niet-geslaagd", "geweigerd" };

/* The single-valued columns whose codes add up where none is empty. */
static const char *const singles[] = { "signaal", "partijen", "hoofdthema",
    "uitkomst", "escalatie" };
/* Columns shown by year. */
static const char *const yearly[] = { "signaal", "partijen", "hoofdthema",
    "uitkomst", "themas", "aanleiding" };

/* A small deterministic generator (a 64-bit LCG), one per case. */
struct rnd {
	uint64_t	 s;
};

static unsigned
rnd(struct rnd *r, unsigned n)
{
	r->s = r->s * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((r->s >> 33) % n);
}

/* Skewed: small counts are what disclosure control is about. */
static unsigned
skew(struct rnd *r, unsigned n)
{
	unsigned a = rnd(r, n), b = rnd(r, n);

	return a < b ? a : b;
}

/* One case: the register's text, its metrics, and where failures go. */
struct pcase {
	int		 seed;
	int		 k;
	char		*csv;
	struct reg	*reg;
	size_t		*sel;
	size_t		 n;
	struct stats	*st;
	int		 nfail;
	int		 ngroups;	/* groups checked with a hidden count */
};

static int
hidden(const char *shown)
{
	return shown[0] == '<' || strncmp(shown, "\xe2\x89\xa5", 3) == 0;
}

/* Reports a failure of the property, with what reproduces it. */
static void
bad(struct pcase *c, const char *fmt, ...) GEN_PRINTF(2, 3);

static void
bad(struct pcase *c, const char *fmt, ...)
{
	va_list	 ap;

	if (c->nfail++ < 5) {
		fprintf(stderr, "case %d (k %d): ", c->seed, c->k);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
		if (c->nfail == 1)
			fprintf(stderr, "register:\n%s", c->csv);
	}
}

/*
 * The property for one group: shown texts of its counts and of the
 * figure they add up to.  Of the counts and their sum, not exactly one
 * may be hidden.
 */
static void
group(struct pcase *c, const char *what, const char *const *shown,
    size_t n, const char *sum)
{
	size_t	 i, nh = 0;
	struct buf b = { NULL, 0, 0 };

	for (i = 0; i < n; i++)
		if (hidden(shown[i]))
			nh++;
	if (nh > 0)
		c->ngroups++;
	if (nh + (size_t)hidden(sum) != 1)
		return;
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", shown[i]);
	if (nh == 1)
		bad(c, "%s: one hidden count among %s, and their sum %s is "
		    "shown", what, b.s, sum);
	else
		bad(c, "%s: the hidden sum %s is that of %s, all shown", what,
		    sum, b.s);
	buf_free(&b);
}

static const char *
shown_of(const struct stats *st, const char *name)
{
	const struct metric *m = stats_get(st, name);

	assert_non_null(m);
	return m->shown;
}

static void
make_case(struct pcase *c, int seed, const struct codebook *cb)
{
	struct rnd	 r;
	struct buf	 b = { NULL, 0, 0 };
	struct cap	 cap;
	struct regfilter f;
	unsigned	 i, n, j, nt, done_all, y, d, start;
	unsigned	 tused;

	memset(c, 0, sizeof(*c));
	c->seed = seed;
	r.s = (uint64_t)seed * 2654435761ULL + 1;
	c->k = 2 + (int)rnd(&r, 7);
	n = (unsigned)c->k + rnd(&r, 40);
	done_all = rnd(&r, 2);		/* half the cases: nothing running */
	buf_puts(&b, "id,regio,partijen,signaal,themas,hoofdthema,aanleiding,"
	    "start,eind,gesprekken,uitkomst,escalatie\n");
	for (i = 0; i < n; i++) {
		buf_printf(&b, "T%u,R,%s,%s,", i, partijen[skew(&r, 3)],
		    signaal[skew(&r, 3)]);
		nt = 1 + skew(&r, 3);
		tused = 0;
		buf_putc(&b, '"');
		for (j = 0; j < nt; j++) {
			unsigned t = skew(&r, 4);

			if (tused & (1u << t))
				continue;
			buf_printf(&b, "%s%s", tused ? ";" : "", themas[t]);
			tused |= 1u << t;
		}
		buf_puts(&b, "\",,");
		j = rnd(&r, 4);
		buf_puts(&b, j == 0 ? "" : j == 1 ? aanleiding[0] : j == 2 ?
		    aanleiding[1] : "\"wachtlijst;aanbesteding\"");
		y = 2019 + skew(&r, 4);
		start = 1 + rnd(&r, 28);
		buf_printf(&b, ",%u-0%u-%02u,", y, 1 + rnd(&r, 3), start);
		if (!done_all && rnd(&r, 5) == 0)
			buf_printf(&b, ",%u,lopend,", skew(&r, 9));
		else {
			d = 4 + skew(&r, 9);	/* the month it ended */
			buf_printf(&b, "%u-%02u-%02u,%u,%s,", y, d,
			    1 + rnd(&r, 28), skew(&r, 9),
			    uitkomst[skew(&r, 4)]);
		}
		buf_puts(&b, rnd(&r, 6) == 0 ? "rechter\n" : "geen\n");
	}
	c->csv = buf_detach(&b);
	cap_open(&cap);
	c->reg = reg_load_mem(c->csv, strlen(c->csv), "t.csv",
	    (struct codebook *)(uintptr_t)cb, &cap.d);
	if (c->reg == NULL)
		fail_msg("register of case %d: %s", seed, cap_text(&cap));
	cap_close(&cap);
	memset(&f, 0, sizeof(f));
	c->n = reg_select(c->reg, &f, &c->sel);
	c->st = stats_new(cb, c->reg, c->sel, c->n, NULL, 0, c->k);
}

static void
free_case(struct pcase *c)
{
	stats_free(c->st);
	free(c->sel);
	reg_free(c->reg);
	free(c->csv);
}

/* Every metric: zeros, twins and the groups of metrics. */
static void
check_metrics(struct pcase *c, const struct codebook *cb)
{
	const struct stats *st = c->st;
	const struct cbcol *col;
	const char	*v[2], **sh;
	char		*name;
	size_t		 i, j, sum, nsh;

	for (i = 0; i < st->n; i++)
		if (st->m[i].kind == MK_COUNT && st->m[i].v == 0 &&
		    st->m[i].hide != MH_NONE)
			bad(c, "%s is 0 but hidden", st->m[i].name);
	if (hidden(shown_of(st, "lopend")) !=
	    hidden(shown_of(st, "uitkomst.lopend.aantal")))
		bad(c, "lopend %s but uitkomst.lopend.aantal %s",
		    shown_of(st, "lopend"),
		    shown_of(st, "uitkomst.lopend.aantal"));
	v[0] = shown_of(st, "afgerond");
	v[1] = shown_of(st, "lopend");
	group(c, "afgerond + lopend", v, 2, shown_of(st, "aantal"));

	for (i = 0; i < GEN_NELEM(singles); i++) {
		col = codebook_col(cb, strcmp(singles[i], "hoofdthema") == 0 ?
		    "themas" : singles[i]);
		assert_non_null(col);
		sh = xcalloc(col->n, sizeof(*sh));
		sum = 0;
		nsh = 0;
		for (j = 0; j < col->n; j++) {
			name = xasprintf("%s.%s.aantal", singles[i],
			    col->codes[j].code);
			sum += (size_t)stats_get(st, name)->v;
			if (strcmp(singles[i], "uitkomst") != 0 ||
			    strcmp(col->codes[j].code, "lopend") != 0)
				sh[nsh++] = shown_of(st, name);
			free(name);
		}
		if (strcmp(singles[i], "uitkomst") == 0)
			group(c, "finished outcomes", sh, nsh,
			    shown_of(st, "afgerond"));
		if (sum == c->n) {
			for (j = 0; j < col->n; j++) {
				name = xasprintf("%s.%s.aantal", singles[i],
				    col->codes[j].code);
				sh[j] = shown_of(st, name);
				free(name);
			}
			group(c, singles[i], sh, col->n,
			    shown_of(st, "aantal"));
		}
		free(sh);
	}
}

static void
spec(struct blockspec *bs, int is_table, enum chart_type type,
    const char *data, int by_year, double bin)
{
	memset(bs, 0, sizeof(*bs));
	bs->is_table = is_table;
	bs->type = type;
	bs->data = (char *)(uintptr_t)data;
	bs->title = (char *)(uintptr_t)"t";
	bs->by_year = by_year;
	bs->bin = bin;
	bs->col_count = bs->col_pct = 1;
}

/* A table block's rows and total row as a group. */
static void
check_table(struct pcase *c, const char *data, double bin, int adds_up)
{
	struct blockspec bs;
	struct tblock	 tb;
	const char	**sh;
	char		*err = NULL, *what;
	size_t		 i;

	spec(&bs, 1, CHART_BAR, data, 0, bin);
	assert_int_equal(stats_table(c->st, &bs, &tb, &err), 0);
	sh = xcalloc(tb.nrows ? tb.nrows : 1, sizeof(*sh));
	for (i = 0; i < tb.nrows; i++) {
		sh[i] = tb.rows[i].count;
		if (strcmp(sh[i], "0") == 0 && tb.rows[i].pct[0] != '0')
			bad(c, "table %s: 0 with share %s", data,
			    tb.rows[i].pct);
	}
	what = xasprintf("table of %s (bin %g) with total %s", data, bin,
	    tb.total.count);
	if (adds_up)
		group(c, what, sh, tb.nrows, tb.total.count);
	free(what);
	free(sh);
	tblock_free(&tb);
}

/* A histogram against afgerond, and the same bins as a table. */
static void
check_histogram(struct pcase *c, const char *data, double bin)
{
	struct blockspec bs;
	struct chart	 ch;
	struct tblock	 tb;
	const char	**sh;
	char		*err = NULL, *what;
	size_t		 i;

	spec(&bs, 0, CHART_HISTOGRAM, data, 0, bin);
	assert_int_equal(stats_chart(c->st, &bs, &ch, &err), 0);
	spec(&bs, 1, CHART_BAR, data, 0, bin);
	assert_int_equal(stats_table(c->st, &bs, &tb, &err), 0);
	assert_int_equal(ch.ncat, tb.nrows);
	sh = xcalloc(ch.ncat ? ch.ncat : 1, sizeof(*sh));
	for (i = 0; i < ch.ncat; i++) {
		sh[i] = ch.cell[i].shown;
		if (strcmp(sh[i], tb.rows[i].count) != 0)
			bad(c, "%s bin %zu: chart %s, table %s", data, i,
			    sh[i], tb.rows[i].count);
	}
	what = xasprintf("histogram of %s (bin %g)", data, bin);
	group(c, what, sh, ch.ncat, shown_of(c->st, "afgerond"));
	free(what);
	free(sh);
	chart_free(&ch);
	tblock_free(&tb);
}

/* The year of trajectory i's start. */
static int
year_of_traj(const struct pcase *c, size_t i)
{
	int	 y, m, d;

	fmt_civil(c->reg->t[c->sel[i]].start, &y, &m, &d);
	return y;
}

/*
 * A chart by year: each series against its code's total; each year of
 * a single-valued column without empty fields against that year's
 * trajectories (from the data: aantal chart); those against aantal.
 */
static void
check_years(struct pcase *c, const char *data, const struct chart *years)
{
	struct blockspec bs;
	struct chart	 ch;
	const struct cbcol *col;
	const char	**sh;
	char		*err = NULL, *name, *what;
	size_t		 s, i, j, t;
	int		 single, y0;

	spec(&bs, 0, CHART_STACKED, data, 1, 0);
	assert_int_equal(stats_chart(c->st, &bs, &ch, &err), 0);
	assert_int_equal(ch.ncat, years->ncat);
	col = codebook_col(c->st->cb, strcmp(data, "hoofdthema") == 0 ?
	    "themas" : data);
	sh = xcalloc(ch.nser + ch.ncat + 1, sizeof(*sh));
	for (s = 0; s < ch.nser; s++) {
		for (j = 0; j < col->n; j++)
			if (strcmp(col->codes[j].label, ch.ser[s].label) == 0)
				break;
		assert_true(j < col->n);
		for (i = 0; i < ch.ncat; i++)
			sh[i] = ch.cell[s * ch.ncat + i].shown;
		name = xasprintf("%s.%s.aantal", data, col->codes[j].code);
		what = xasprintf("%s %s by year", data, col->codes[j].code);
		group(c, what, sh, ch.ncat, shown_of(c->st, name));
		free(what);
		free(name);
	}
	single = strcmp(data, "themas") != 0 && strcmp(data, "aanleiding") != 0;
	y0 = years->ncat ? atoi(years->cat[0].label) : 0;
	for (i = 0; single && i < ch.ncat; i++) {
		/* Does every trajectory of the year have a code? */
		for (t = 0; t < c->n; t++)
			if (year_of_traj(c, t) == y0 + (int)i &&
			    strcmp(data, "partijen") == 0 &&
			    c->reg->t[c->sel[t]].code[RC_PARTIJEN] < 0)
				break;
		if (t < c->n)
			continue;
		for (s = 0; s < ch.nser; s++)
			sh[s] = ch.cell[s * ch.ncat + i].shown;
		what = xasprintf("%s in %s", data, ch.cat[i].label);
		group(c, what, sh, ch.nser, years->cell[i].shown);
		free(what);
	}
	free(sh);
	chart_free(&ch);
}

static void
test_property(void **state)
{
	const struct codebook *cb = *state;
	struct pcase	 c;
	struct blockspec bs;
	struct chart	 years;
	const char	**sh;
	char		*err = NULL;
	size_t		 i;
	int		 seed, nfail = 0, ngroups = 0;
	double		 bins[] = { 0, 7, 30, 90 };

	for (seed = 1; seed <= NCASES; seed++) {
		make_case(&c, seed, cb);
		check_metrics(&c, cb);
		for (i = 0; i < GEN_NELEM(bins); i++) {
			check_table(&c, "duur", bins[i], 1);
			check_histogram(&c, "duur", bins[i]);
		}
		check_table(&c, "gesprekken", 0, 1);
		check_table(&c, "gesprekken", 3, 1);
		check_histogram(&c, "gesprekken", 0);
		check_table(&c, "signaal", 0, 1);
		check_table(&c, "uitkomst", 0, 1);
		check_table(&c, "hoofdthema", 0, 1);
		check_table(&c, "escalatie", 0, 1);
		spec(&bs, 0, CHART_LINE, "aantal", 1, 0);
		assert_int_equal(stats_chart(c.st, &bs, &years, &err), 0);
		sh = xcalloc(years.ncat ? years.ncat : 1, sizeof(*sh));
		for (i = 0; i < years.ncat; i++)
			sh[i] = years.cell[i].shown;
		group(&c, "trajectories by year", sh, years.ncat,
		    shown_of(c.st, "aantal"));
		free(sh);
		for (i = 0; i < GEN_NELEM(yearly); i++)
			check_years(&c, yearly[i], &years);
		chart_free(&years);
		nfail += c.nfail;
		ngroups += c.ngroups;
		free_case(&c);
	}
	/* The property was put to the test: many groups had a hidden count. */
	fprintf(stderr, "disclosure: %d cases, %d groups with a hidden "
	    "count, %d failures\n", NCASES, ngroups, nfail);
	assert_true(ngroups > NCASES);
	assert_int_equal(nfail, 0);
}

/*
 * The example of issue 9: a region edition (k 5) where all 10
 * trajectories have finished, 8 in the first 30 days and 2 later.  A
 * table of duur printed 8, <5 and "Totaal afgerond 10"; the histogram
 * and its screen-reader table the same.  Now the 8 is hidden too.
 */
static void
test_all_finished_bins(void **state)
{
	const struct codebook *cb = *state;
	struct buf	 b = { NULL, 0, 0 };
	struct cap	 cap;
	struct regfilter f;
	struct reg	*reg;
	struct stats	*st;
	struct blockspec bs;
	struct tblock	 tb;
	struct chart	 ch;
	size_t		*sel, n;
	char		*err = NULL;
	int		 i;

	buf_puts(&b, "id,regio,signaal,themas,start,eind,gesprekken,"
	    "uitkomst\n");
	for (i = 0; i < 10; i++)
		buf_printf(&b, "T%d,R,email,tarief,2020-01-01,2020-%s,%d,"
		    "geslaagd\n", i, i < 8 ? "01-11" : "02-15", i < 8 ? 1 : 2);
	cap_open(&cap);
	reg = reg_load_mem(b.s, b.len, "t.csv", (struct codebook *)
	    (uintptr_t)cb, &cap.d);
	assert_non_null(reg);
	cap_close(&cap);
	memset(&f, 0, sizeof(f));
	n = reg_select(reg, &f, &sel);
	st = stats_new(cb, reg, sel, n, NULL, 0, 5);
	assert_string_equal(shown_of(st, "afgerond"), "10");

	spec(&bs, 1, CHART_BAR, "duur", 0, 0);
	assert_int_equal(stats_table(st, &bs, &tb, &err), 0);
	assert_int_equal(tb.nrows, 2);
	assert_string_equal(tb.rows[0].count, "\xe2\x89\xa5" "5");
	assert_string_equal(tb.rows[1].count, "<5");
	assert_string_equal(tb.rows[0].pct, "\xe2\x80\x93");
	assert_string_equal(tb.total.count, "10");
	tblock_free(&tb);

	spec(&bs, 0, CHART_HISTOGRAM, "duur", 0, 0);
	assert_int_equal(stats_chart(st, &bs, &ch, &err), 0);
	assert_string_equal(ch.cell[0].shown, "\xe2\x89\xa5" "5");
	assert_true(ch.cell[0].hidden);
	assert_string_equal(ch.desc, "0\xe2\x80\x93" "29 \xe2\x89\xa5" "5, "
	    "30\xe2\x80\x93" "59 <5.");
	chart_free(&ch);

	/* gesprekken: 8 with one, 2 with two conversations. */
	spec(&bs, 1, CHART_BAR, "gesprekken", 0, 0);
	assert_int_equal(stats_table(st, &bs, &tb, &err), 0);
	assert_string_equal(tb.rows[0].count, "\xe2\x89\xa5" "5");
	assert_string_equal(tb.rows[1].count, "<5");
	tblock_free(&tb);

	stats_free(st);
	free(sel);
	reg_free(reg);
	buf_free(&b);
}

static int
setup(void **state)
{
	struct codebook	*cb = xcalloc(1, sizeof(*cb));
	struct cap	 cap;

	cap_open(&cap);
	if (cb_from_text(cb, PCB, &cap.d) != 0) {
		fprintf(stderr, "codebook: %s", cap_text(&cap));
		return -1;
	}
	cap_close(&cap);
	*state = cb;
	return 0;
}

static int
teardown(void **state)
{
	codebook_free(*state);
	free(*state);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_all_finished_bins),
		cmocka_unit_test(test_property),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
