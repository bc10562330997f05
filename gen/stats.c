/*
 * stats.c: metrics (spec 4), disclosure control (4.6), chart and
 * table data.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "fmt.h"
#include "register.h"
#include "stats.h"
#include "tables.h"
#include "util.h"

#define WILSON_Z	1.959964

/*
 * An additive group (spec 4.6): counts that add up to a figure a
 * reader sees elsewhere, so that one hidden count among them could be
 * worked out by subtraction.
 */
struct agroup {
	size_t	*mem;	/* the counts: indices into the caller's arrays */
	size_t	 n;
	int	 sum;	/* index of the figure they add up to, whose state
			   may change; -1: a figure that is always shown */
};

/* Metrics while they are being computed. */
struct mb {
	struct metric	*m;
	size_t		 n, cap;
	int		*ref;	/* own count of a share or statistic, -1 */
	int		*ref2;	/* a second count it depends on, -1 */
	int		*link;	/* another metric of the same count, -1 */
	struct agroup	*g;	/* additive groups of metrics */
	size_t		 ng;
	size_t		 ncell;	/* counts by year: indices n, n + 1, ... */
};

static int
add(struct mb *b, const char *name, enum mkind kind, double v, int defined)
{
	struct metric	*m;

	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 128;
		b->m = xreallocarray(b->m, b->cap, sizeof(*b->m));
		b->ref = xreallocarray(b->ref, b->cap, sizeof(int));
		b->ref2 = xreallocarray(b->ref2, b->cap, sizeof(int));
		b->link = xreallocarray(b->link, b->cap, sizeof(int));
	}
	m = &b->m[b->n];
	memset(m, 0, sizeof(*m));
	m->name = xstrdup(name);
	m->kind = kind;
	m->v = v;
	m->defined = defined;
	b->ref[b->n] = b->ref2[b->n] = b->link[b->n] = -1;
	return (int)b->n++;
}

/* Starts an additive group adding up to metric sum (-1: always shown). */
static struct agroup *
group_new(struct mb *b, int sum)
{
	b->g = xreallocarray(b->g, b->ng + 1, sizeof(*b->g));
	memset(&b->g[b->ng], 0, sizeof(*b->g));
	b->g[b->ng].sum = sum;
	return &b->g[b->ng++];
}

static void
group_add(struct agroup *g, size_t i)
{
	g->mem = xreallocarray(g->mem, g->n + 1, sizeof(*g->mem));
	g->mem[g->n++] = i;
}

static void
groups_free(struct agroup *g, size_t ng)
{
	size_t	 i;

	for (i = 0; i < ng; i++)
		free(g[i].mem);
	free(g);
}

/*
 * Secondary suppression, the one implementation for every number that
 * reaches a reader (spec 4.6).  A group and its sum form one equation:
 * when exactly one of them is hidden, it can be worked out from the
 * others.  Then the smallest other non-zero count of the group is
 * hidden too (MH_SECONDARY; ties: the first in the group).  A count
 * that is the only non-zero one of a group whose sum is shown equals
 * that sum, so hiding it would hide nothing: it is chosen only when
 * nothing else is left, and when nothing at all is left the group's
 * sum is hidden instead.  v and hide (n entries) are indexed by the
 * groups' members and sums.  Hides one count at a time and returns
 * whether it did; callers repeat until nothing changes, since a count
 * may be in more than one group, and the sum of one group may be
 * hidden by another's choice (one at a time, so that no group hides
 * more than it must).
 */
static int
secondary(const double *v, enum mhide *hide, size_t n,
    const struct agroup *g, size_t ng)
{
	size_t	 i, j, m = 0, nz;
	int	 unknown, best, pbest, rc = 0, sumhid;
	char	*pinned;

	pinned = xcalloc(n ? n : 1, 1);
	for (i = 0; i < ng; i++) {
		if (g[i].sum >= 0 && hide[g[i].sum] != MH_NONE)
			continue;
		for (j = nz = 0; j < g[i].n; j++)
			if (v[g[i].mem[j]] > 0)
				nz++, m = g[i].mem[j];
		if (nz == 1)
			pinned[m] = 1;
	}
	for (i = 0; i < ng && rc == 0; i++) {
		sumhid = g[i].sum >= 0 && hide[g[i].sum] != MH_NONE;
		unknown = sumhid;
		best = pbest = -1;
		for (j = 0; j < g[i].n; j++) {
			m = g[i].mem[j];
			if (hide[m] != MH_NONE)
				unknown++;
			else if (v[m] > 0 && pinned[m]) {
				if (pbest < 0 || v[m] < v[pbest])
					pbest = (int)m;
			} else if (v[m] > 0 && (best < 0 || v[m] < v[best]))
				best = (int)m;
		}
		if (unknown != 1)
			continue;
		if (best < 0)
			best = pbest;
		if (best < 0 && !sumhid && g[i].sum >= 0 && v[g[i].sum] > 0)
			best = g[i].sum;
		if (best >= 0) {
			hide[best] = MH_SECONDARY;
			rc = 1;
		}
	}
	free(pinned);
	return rc;
}

static int
cmp_int(const void *a, const void *b)
{
	int	 x = *(const int *)a, y = *(const int *)b;

	return x < y ? -1 : x > y;
}

/*
 * Sorts m ints.  Durations and conversation counts span a small range
 * (days, counts), so a counting sort, linear in m, does it when the
 * range is no wider than about 4m; anything else goes to qsort.
 */
static void
sort_ints(int *x, size_t m)
{
	size_t	*cnt, i, k, r;
	int	 lo = x[0], hi = x[0];

	for (i = 1; i < m; i++) {
		lo = x[i] < lo ? x[i] : lo;
		hi = x[i] > hi ? x[i] : hi;
	}
	r = (size_t)((long long)hi - lo) + 1;
	if (m < 64 || r > 4 * m + 1024) {
		qsort(x, m, sizeof(*x), cmp_int);
		return;
	}
	cnt = xcalloc(r, sizeof(*cnt));
	for (i = 0; i < m; i++)
		cnt[x[i] - lo]++;
	for (i = k = 0; k < r; k++)
		while (cnt[k]-- > 0)
			x[i++] = (int)((long long)lo + (long long)k);
	free(cnt);
}

/* Type-7 quantile of m sorted values. */
static double
quantile(const int *x, size_t m, double p)
{
	double	 h = (double)(m - 1) * p, fl = floor(h);
	size_t	 i = (size_t)fl;

	if (i + 1 >= m)
		return x[m - 1];
	return x[i] + (h - fl) * (x[i + 1] - x[i]);
}

/* min, max, gemiddeld, mediaan, p25, p75 of values over own count ref. */
static void
describe(struct mb *b, const char *prefix, int *x, size_t m, int ref)
{
	static const char *const names[6] =
	    { "min", "max", "gemiddeld", "mediaan", "p25", "p75" };
	double	 v[6] = { 0, 0, 0, 0, 0, 0 }, sum = 0;
	size_t	 i;
	int	 idx;
	char	*name;

	if (m > 0) {
		sort_ints(x, m);
		for (i = 0; i < m; i++)
			sum += x[i];
		v[0] = x[0];
		v[1] = x[m - 1];
		v[2] = sum / (double)m;
		v[3] = quantile(x, m, 0.5);
		v[4] = quantile(x, m, 0.25);
		v[5] = quantile(x, m, 0.75);
	}
	for (i = 0; i < 6; i++) {
		name = xasprintf("%s.%s", prefix, names[i]);
		idx = add(b, name, MK_STAT, v[i], m > 0);
		b->ref[idx] = ref;
		free(name);
	}
}

/* Index of the code with the highest count: ties by volgorde, then label. */
static int
top_code(const struct cbcol *c, const size_t *count)
{
	size_t	 i;
	int	 best = -1;

	for (i = 0; i < c->n; i++) {
		if (count[i] == 0)
			continue;
		if (best < 0 || count[i] > count[best])
			best = (int)i;
		else if (count[i] == count[best] &&
		    (c->codes[i].volgorde < c->codes[best].volgorde ||
		    (c->codes[i].volgorde == c->codes[best].volgorde &&
		    strcmp(c->codes[i].label, c->codes[best].label) < 0)))
			best = (int)i;
	}
	return best;
}

/* Metrics of one code column: counts, shares and top. */
/* Returns the index of the first code's count (code i: first + 2i). */
static int
column(struct mb *b, const char *prefix, const struct cbcol *c,
    const size_t *count, size_t total, int single, int sumidx)
{
	size_t		 i, sum = 0, gi = SIZE_MAX;
	int		 ci, pi, top, first;
	char		*name;

	/*
	 * A breakdown whose counts add up to the (published) total gives
	 * each count away by subtraction: one group for secondary hiding.
	 * An optional column with empty fields does not add up.
	 */
	for (i = 0; i < c->n; i++)
		sum += count[i];
	if (single && sum == total) {
		gi = b->ng;
		group_new(b, sumidx);
	}
	first = (int)b->n;	/* the count of code i is metric first + 2i */
	for (i = 0; i < c->n; i++) {
		name = xasprintf("%s.%s.aantal", prefix, c->codes[i].code);
		ci = add(b, name, MK_COUNT, (double)count[i], 1);
		if (gi != SIZE_MAX)
			group_add(&b->g[gi], (size_t)ci);
		free(name);
		name = xasprintf("%s.%s.pct", prefix, c->codes[i].code);
		pi = add(b, name, MK_PCT, total ? 100.0 * (double)count[i] /
		    (double)total : 0, total > 0);
		b->ref[pi] = ci;
		free(name);
	}
	name = xasprintf("%s.top", prefix);
	top = top_code(c, count);
	pi = add(b, name, MK_LABEL, 0, top >= 0);
	if (top >= 0) {
		b->m[pi].label = xstrdup(c->codes[top].label);
		/* Naming the largest of hidden counts would say too much. */
		b->ref[pi] = first + 2 * top;
	}
	free(name);
	return first;
}

/*
 * Disclosure control of every metric and every count by year (spec
 * 4.6): primary, then secondary until nothing changes.  The states of
 * the counts by year go to cellhide (b->ncell entries).
 */
static void
hide(struct mb *b, int k, const double *cv, enum mhide *cellhide)
{
	double	*v;
	enum mhide *h;
	size_t	 i, nall = b->n + b->ncell;
	int	 changed;

	if (k <= 1)
		return;
	for (i = 0; i < b->n; i++)
		if (b->m[i].kind == MK_COUNT && strcmp(b->m[i].name,
		    "aantal") != 0 && b->m[i].v > 0 && b->m[i].v < k)
			b->m[i].hide = MH_PRIMARY;
	v = xcalloc(nall ? nall : 1, sizeof(*v));
	h = xcalloc(nall ? nall : 1, sizeof(*h));
	for (i = 0; i < b->n; i++)
		v[i] = b->m[i].v;
	for (i = 0; i < b->ncell; i++) {
		v[b->n + i] = cv[i];
		h[b->n + i] = cv[i] > 0 && cv[i] < k ? MH_PRIMARY : MH_NONE;
	}
	/*
	 * A count published twice (lopend, uitkomst.lopend.aantal) is
	 * hidden in both places, which may start secondary hiding again
	 * in the other group, until nothing changes.
	 */
	do {
		changed = 0;
		for (i = 0; i < b->n; i++)
			if (b->link[i] >= 0 && b->m[i].hide != MH_NONE &&
			    b->m[b->link[i]].hide == MH_NONE) {
				b->m[b->link[i]].hide = b->m[i].hide;
				changed = 1;
			}
		for (i = 0; i < b->n; i++)
			h[i] = b->m[i].hide;
		if (secondary(v, h, nall, b->g, b->ng))
			changed = 1;
		for (i = 0; i < b->n; i++)
			b->m[i].hide = h[i];
	} while (changed);
	memcpy(cellhide, h + b->n, b->ncell * sizeof(*h));
	free(v);
	free(h);
	for (i = 0; i < b->n; i++) {
		if (b->m[i].hide != MH_NONE)
			continue;
		if ((b->ref[i] >= 0 && b->m[b->ref[i]].hide != MH_NONE) ||
		    (b->ref2[i] >= 0 && b->m[b->ref2[i]].hide != MH_NONE))
			b->m[i].hide = MH_DERIVED;
	}
}

/* A code column of the register, for its counts by year. */
struct ycol {
	const char		*name;	/* "signaal", ... (static) */
	const struct cbcol	*c;
	int			 single;
	int			 j;	/* index in code[] or moff[] */
	int			 first;	/* metric of its first code's count */
};

static int
start_year(const struct traj *t)
{
	int	 y, m, d;

	fmt_civil(t->start, &y, &m, &d);
	return y;
}

/* Counts of one column by year, with their groups; returns cells used. */
static size_t
year_column(struct mb *b, struct stats *st, const struct ycol *yc,
    const uint16_t *yidx, struct yeartab *yt, double *cv, size_t base)
{
	const struct traj *t;
	struct agroup	*g;
	size_t		 ny = st->nyear, i, k, y, q, sum;

	yt->col = yc->name;
	yt->single = yc->single;
	yt->ncode = yc->c->n;
	yt->count = xcalloc(yt->ncode * ny + 1, sizeof(*yt->count));
	yt->hide = xcalloc(yt->ncode * ny + 1, sizeof(*yt->hide));
	for (i = 0; i < st->ntraj; i++) {
		t = &st->reg->t[st->sel[i]];
		y = yidx[i];
		if (yc->single && t->code[yc->j] >= 0)
			yt->count[(size_t)t->code[yc->j] * ny + y]++;
		for (q = 0; !yc->single && q < t->mn[yc->j]; q++)
			yt->count[st->reg->pool[t->moff[yc->j] + q] * ny + y]++;
	}
	for (i = 0; i < yt->ncode * ny; i++)
		cv[base + i] = (double)yt->count[i];
	/* A code's years add up to its total. */
	for (k = 0; k < yt->ncode; k++) {
		g = group_new(b, yc->first + 2 * (int)k);
		for (y = 0; y < ny; y++)
			group_add(g, b->n + base + k * ny + y);
	}
	/* A year's codes add up to its trajectories, if none is empty. */
	for (y = 0; yc->single && y < ny; y++) {
		for (k = sum = 0; k < yt->ncode; k++)
			sum += yt->count[k * ny + y];
		if (sum != st->ytotal[y])
			continue;
		g = group_new(b, (int)(b->n + y));
		for (k = 0; k < yt->ncode; k++)
			group_add(g, b->n + base + k * ny + y);
	}
	return yt->ncode * ny;
}

/*
 * The counts by start year (charts by: jaar): trajectories per year,
 * adding up to aantal, and every code column per year.  They are cells
 * after the metrics, decided with them; returns their values.
 */
static double *
years(struct mb *b, struct stats *st, const struct ycol *yc, size_t nyc)
{
	struct agroup	*g;
	double		*cv;
	uint16_t	*yidx;
	size_t		 i, ncell;
	int		 y, y0 = 0, y1 = 0;

	/* Dates lie in 1900..2999 (fmt.c), so a year fits 16 bits. */
	yidx = xcalloc(st->ntraj ? st->ntraj : 1, sizeof(*yidx));
	for (i = 0; i < st->ntraj; i++) {
		y = start_year(&st->reg->t[st->sel[i]]);
		yidx[i] = (uint16_t)y;
		y0 = i == 0 || y < y0 ? y : y0;
		y1 = i == 0 || y > y1 ? y : y1;
	}
	for (i = 0; i < st->ntraj; i++)
		yidx[i] = (uint16_t)(yidx[i] - y0);
	st->year0 = y0;
	st->nyear = st->ntraj ? (size_t)(y1 - y0 + 1) : 0;
	st->ytotal = xcalloc(st->nyear ? st->nyear : 1, sizeof(*st->ytotal));
	st->yhide = xcalloc(st->nyear ? st->nyear : 1, sizeof(*st->yhide));
	for (i = 0; i < st->ntraj; i++)
		st->ytotal[yidx[i]]++;
	ncell = st->nyear;
	for (i = 0; i < nyc; i++)
		ncell += yc[i].c->n * st->nyear;
	cv = xcalloc(ncell ? ncell : 1, sizeof(*cv));
	g = group_new(b, -1);		/* the years add up to aantal */
	for (i = 0; i < st->nyear; i++) {
		cv[i] = (double)st->ytotal[i];
		group_add(g, b->n + i);
	}
	st->ytab = xcalloc(nyc ? nyc : 1, sizeof(*st->ytab));
	b->ncell = st->nyear;
	for (i = 0; i < nyc; i++)
		b->ncell += year_column(b, st, &yc[i], yidx,
		    &st->ytab[st->nytab++], cv, b->ncell);
	free(yidx);
	return cv;
}

/* Hands the states of the counts by year to their tables. */
static void
year_states(struct stats *st, const enum mhide *h)
{
	size_t	 i, off = st->nyear;

	memcpy(st->yhide, h, st->nyear * sizeof(*h));
	for (i = 0; i < st->nytab; i++) {
		memcpy(st->ytab[i].hide, h + off, st->ytab[i].ncode *
		    st->nyear * sizeof(*h));
		off += st->ytab[i].ncode * st->nyear;
	}
}

const struct yeartab *
stats_years(const struct stats *st, const char *col)
{
	size_t	 i;

	for (i = 0; i < st->nytab; i++)
		if (strcmp(st->ytab[i].col, col) == 0)
			return &st->ytab[i];
	return NULL;
}

static int
is_pct_name(const char *name)
{
	size_t	 n = strlen(name);

	return (n > 4 && strcmp(name + n - 4, ".pct") == 0) ||
	    strncmp(name, "succes.", 7) == 0;
}

static void
shown(struct metric *m, int k)
{
	struct buf	 b = { NULL, 0, 0 };

	if (m->hide == MH_PRIMARY)
		buf_printf(&b, "<%d", k);
	else if (m->hide == MH_SECONDARY)
		buf_printf(&b, "\xe2\x89\xa5%d", k);
	else if (m->hide == MH_DERIVED || !m->defined)
		buf_puts(&b, "\xe2\x80\x93");
	else if (m->kind == MK_LABEL)
		buf_puts(&b, m->label);
	else if (m->kind == MK_COUNT)
		fmt_int(&b, (long long)m->v);
	else if (m->kind == MK_PCT || is_pct_name(m->name))
		fmt_pct(&b, m->v);
	else
		fmt_num(&b, m->v);
	m->shown = buf_detach(&b);
}

char *
stats_text(const struct stats *st, enum mkind kind, double v,
    enum mhide hide)
{
	struct metric	 m;

	memset(&m, 0, sizeof(m));
	m.name = (char *)(uintptr_t)"";
	m.kind = kind;
	m.v = v;
	m.defined = 1;
	m.hide = hide;
	shown(&m, st->k);
	return m.shown;
}

void
stats_hide_block(const struct stats *st, size_t n, const double *count,
    const struct metric *sum, enum mhide *hide)
{
	struct agroup	 g;
	double		*v;
	enum mhide	*h;
	size_t		 i;

	for (i = 0; i < n; i++)
		hide[i] = st->k > 1 && count[i] > 0 && count[i] < st->k ?
		    MH_PRIMARY : MH_NONE;
	if (st->k <= 1 || n == 0 || sum == NULL)
		return;
	/* The counts, then their sum, whose state is decided already. */
	memset(&g, 0, sizeof(g));
	g.sum = (int)n;
	for (i = 0; i < n; i++)
		group_add(&g, i);
	v = xcalloc(n + 1, sizeof(*v));
	h = xcalloc(n + 1, sizeof(*h));
	memcpy(v, count, n * sizeof(*v));
	memcpy(h, hide, n * sizeof(*h));
	v[n] = sum->v;
	h[n] = sum->hide;
	while (secondary(v, h, n + 1, &g, 1) && h[n] == sum->hide)
		continue;
	memcpy(hide, h, n * sizeof(*h));
	free(v);
	free(h);
	free(g.mem);
}

static int
cmp_metric(const void *a, const void *b)
{
	return strcmp(((const struct metric *)a)->name,
	    ((const struct metric *)b)->name);
}

struct stats *
stats_new(const struct codebook *cb, const struct reg *reg,
    const size_t *sel, size_t n, struct tabdata **tabs, size_t ntabs, int k)
{
	struct stats	*st;
	struct mb	 b;
	const struct cbcol *c;
	const struct regcoldef *rc;
	const struct traj *t;
	size_t		*count, i, j, q, afgerond = 0, lopend = 0, geslaagd = 0;
	struct agroup	*g;
	struct ycol	 yc[RC_NSINGLE + RM_NMULTI];
	size_t		 nyc = 0;
	double		*cv = NULL;
	enum mhide	*ch;
	int		*duur, *gespr, ia, il, ig, idx, it;
	double		 total_gespr = 0, p, z2, den, centre, half;
	char		*name;

	memset(&b, 0, sizeof(b));
	st = xcalloc(1, sizeof(*st));
	st->k = k < 1 ? 1 : k;
	st->ntraj = n;
	st->reg = reg;
	st->sel = sel;
	st->cb = cb;
	st->tabs = tabs;
	st->ntabs = ntabs;

	duur = xcalloc(n ? n : 1, sizeof(*duur));
	gespr = xcalloc(n ? n : 1, sizeof(*gespr));
	for (i = 0; reg != NULL && i < n; i++) {
		t = &reg->t[sel[i]];
		total_gespr += t->gesprekken;
		if (t->outcome == OUT_LOPEND) {
			lopend++;
			continue;
		}
		if (t->outcome == OUT_GESLAAGD)
			geslaagd++;
		duur[afgerond] = t->eind - t->start;
		gespr[afgerond++] = t->gesprekken;
	}
	add(&b, "aantal", MK_COUNT, (double)n, 1);
	ia = add(&b, "afgerond", MK_COUNT, (double)afgerond, 1);
	il = add(&b, "lopend", MK_COUNT, (double)lopend, 1);
	g = group_new(&b, -1);		/* adding up to aantal */
	group_add(g, (size_t)ia);
	group_add(g, (size_t)il);

	for (j = 0; reg != NULL && j < RC_NSINGLE; j++) {
		rc = reg_slot_col(j);
		c = codebook_col(cb, rc->codes);
		if (c == NULL)
			continue;
		count = xcalloc(c->n ? c->n : 1, sizeof(*count));
		for (i = 0; i < n; i++) {
			t = &reg->t[sel[i]];
			if (t->code[j] >= 0)
				count[t->code[j]]++;
		}
		yc[nyc].name = rc->name;
		yc[nyc].c = c;
		yc[nyc].single = 1;
		yc[nyc].j = (int)j;
		yc[nyc++].first = column(&b, rc->name, c, count, n,
		    1, -1);
		free(count);
	}
	for (j = 0; reg != NULL && j < RM_NMULTI; j++) {
		rc = reg_slot_col(RC_NSINGLE + j);
		c = codebook_col(cb, rc->codes);
		if (c == NULL)
			continue;
		count = xcalloc(c->n ? c->n : 1, sizeof(*count));
		for (i = 0; i < n; i++) {
			t = &reg->t[sel[i]];
			for (q = 0; q < t->mn[j]; q++)
				count[reg->pool[t->moff[j] + q]]++;
		}
		yc[nyc].name = rc->name;
		yc[nyc].c = c;
		yc[nyc].single = 0;
		yc[nyc].j = (int)j;
		yc[nyc++].first = column(&b, rc->name, c, count, n,
		    0, -1);
		free(count);
	}

	/* Success rate and its Wilson score interval (spec 4.3). */
	ig = -1;
	for (i = 0; i < b.n; i++)
		if (strcmp(b.m[i].name, "uitkomst.geslaagd.aantal") == 0)
			ig = (int)i;
		else if (strcmp(b.m[i].name, "uitkomst.lopend.aantal") == 0) {
			/* the same count as lopend */
			b.link[i] = il;
			b.link[il] = (int)i;
		}
	/* The outcomes of the finished trajectories add up to afgerond. */
	g = group_new(&b, ia);
	for (i = 0; reg != NULL && i < b.n; i++)
		if (b.m[i].kind == MK_COUNT &&
		    strncmp(b.m[i].name, "uitkomst.", 9) == 0 &&
		    strcmp(b.m[i].name, "uitkomst.lopend.aantal") != 0)
			group_add(g, i);
	p = afgerond ? (double)geslaagd / (double)afgerond : 0;
	z2 = WILSON_Z * WILSON_Z;
	den = afgerond ? 1 + z2 / (double)afgerond : 1;
	centre = afgerond ? (p + z2 / (2.0 * (double)afgerond)) / den : 0;
	half = afgerond ? WILSON_Z * sqrt(p * (1 - p) / (double)afgerond +
	    z2 / (4.0 * (double)afgerond * (double)afgerond)) / den : 0;
	idx = add(&b, "succes.pct", MK_PCT, 100 * p, afgerond > 0);
	b.ref[idx] = ig, b.ref2[idx] = ia;
	idx = add(&b, "succes.ci_laag", MK_PCT, 100 * (centre - half),
	    afgerond > 0);
	b.ref[idx] = ig, b.ref2[idx] = ia;
	idx = add(&b, "succes.ci_hoog", MK_PCT, 100 * (centre + half),
	    afgerond > 0);
	b.ref[idx] = ig, b.ref2[idx] = ia;

	/* Duration and conversations over finished trajectories (4.4). */
	describe(&b, "duur", duur, afgerond, ia);
	describe(&b, "gesprekken", gespr, afgerond, ia);
	add(&b, "gesprekken.totaal", MK_STAT, total_gespr, 1);
	free(duur);
	free(gespr);

	/* Further tables (4.5). */
	for (i = 0; i < ntabs; i++) {
		name = xasprintf("%s.aantal", tabs[i]->name);
		it = add(&b, name, MK_COUNT, (double)tabs[i]->nrows, 1);
		free(name);
		for (j = 0; j < tabs[i]->ncols; j++) {
			name = xasprintf("%s.%s", tabs[i]->name,
			    tabs[i]->cols[j].name);
			column(&b, name, tabs[i]->cols[j].cb,
			    tabs[i]->cols[j].count, tabs[i]->nrows,
			    tabs[i]->cols[j].single, it);
			free(name);
		}
	}

	if (reg != NULL)
		cv = years(&b, st, yc, nyc);
	ch = xcalloc(b.ncell ? b.ncell : 1, sizeof(*ch));
	hide(&b, st->k, cv, ch);
	if (reg != NULL)
		year_states(st, ch);
	free(ch);
	free(cv);
	for (i = 0; i < b.n; i++)
		shown(&b.m[i], st->k);
	qsort(b.m, b.n, sizeof(*b.m), cmp_metric);
	st->m = b.m;
	st->n = b.n;
	free(b.ref);
	free(b.ref2);
	groups_free(b.g, b.ng);
	free(b.link);
	return st;
}

struct stats *
stats_adopt(struct metric *m, size_t n, int k)
{
	struct stats		*st;
	const struct metric	*a;

	st = xcalloc(1, sizeof(*st));
	qsort(m, n, sizeof(*m), cmp_metric);
	st->m = m;
	st->n = n;
	st->k = k < 1 ? 1 : k;
	if ((a = stats_get(st, "aantal")) != NULL && a->defined)
		st->ntraj = (size_t)a->v;
	return st;
}

void
stats_free(struct stats *st)
{
	size_t	 i;

	if (st == NULL)
		return;
	for (i = 0; i < st->n; i++) {
		free(st->m[i].name);
		free(st->m[i].label);
		free(st->m[i].shown);
	}
	free(st->m);
	for (i = 0; i < st->nytab; i++) {
		free(st->ytab[i].count);
		free(st->ytab[i].hide);
	}
	free(st->ytab);
	free(st->ytotal);
	free(st->yhide);
	free(st);
}

const struct metric *
stats_get(const struct stats *st, const char *name)
{
	struct metric	 key;

	key.name = (char *)(uintptr_t)name;
	return bsearch(&key, st->m, st->n, sizeof(*st->m), cmp_metric);
}

const char **
stats_names(const struct stats *st, size_t *n)
{
	const char	**v;
	size_t		 i;

	v = xcalloc(st->n ? st->n : 1, sizeof(*v));
	for (i = 0; i < st->n; i++)
		v[i] = st->m[i].name;
	*n = st->n;
	return v;
}

void
stats_print(const struct stats *st, FILE *f)
{
	size_t	 i;

	for (i = 0; i < st->n; i++)
		fprintf(f, "%s = %s\n", st->m[i].name, st->m[i].shown);
}

static void
json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(f, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			fprintf(f, "\\u%04x", (unsigned char)*s);
		else
			fputc(*s, f);
	}
	fputc('"', f);
}

void
stats_json(const struct stats *st, FILE *f)
{
	size_t	 i;

	fputs("{", f);
	for (i = 0; i < st->n; i++) {
		fputs(i ? ",\n  " : "\n  ", f);
		json_string(f, st->m[i].name);
		fputs(": ", f);
		if (!st->m[i].defined)
			fputs("null", f);
		else if (st->m[i].kind == MK_LABEL)
			json_string(f, st->m[i].label);
		else
			fprintf(f, "%.17g", st->m[i].v);
	}
	fputs("\n}\n", f);
}
