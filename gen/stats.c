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

/* Metrics while they are being computed. */
struct mb {
	struct metric	*m;
	size_t		 n, cap;
	int		*ref;	/* own count of a share or statistic, -1 */
	int		*ref2;	/* a second count it depends on, -1 */
	int		*group;	/* breakdown adding up to a total, -1 */
	int		*link;	/* another metric of the same count, -1 */
	int		 ngroups;
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
		b->group = xreallocarray(b->group, b->cap, sizeof(int));
		b->link = xreallocarray(b->link, b->cap, sizeof(int));
	}
	m = &b->m[b->n];
	memset(m, 0, sizeof(*m));
	m->name = xstrdup(name);
	m->kind = kind;
	m->v = v;
	m->defined = defined;
	b->ref[b->n] = b->ref2[b->n] = b->group[b->n] = b->link[b->n] = -1;
	return (int)b->n++;
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
static void
column(struct mb *b, const char *prefix, const struct cbcol *c,
    const size_t *count, size_t total, int single)
{
	size_t	 i, sum = 0;
	int	 ci, pi, g = -1, top, first;
	char	*name;

	/*
	 * A breakdown whose counts add up to the (published) total gives
	 * each count away by subtraction: one group for secondary hiding.
	 * An optional column with empty fields does not add up.
	 */
	for (i = 0; i < c->n; i++)
		sum += count[i];
	if (single && sum == total)
		g = b->ngroups++;
	first = (int)b->n;	/* the count of code i is metric first + 2i */
	for (i = 0; i < c->n; i++) {
		name = xasprintf("%s.%s.aantal", prefix, c->codes[i].code);
		ci = add(b, name, MK_COUNT, (double)count[i], 1);
		b->group[ci] = g;
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
}

static void
hide(struct mb *b, int k)
{
	size_t	 i, j;
	int	 g, nhid, best, changed;

	if (k <= 1)
		return;
	for (i = 0; i < b->n; i++)
		if (b->m[i].kind == MK_COUNT && strcmp(b->m[i].name,
		    "aantal") != 0 && b->m[i].v > 0 && b->m[i].v < k)
			b->m[i].hide = MH_PRIMARY;
	/*
	 * A group with exactly one hidden count gives it away by
	 * subtraction: hide the smallest other non-zero count too.  A
	 * count published twice (lopend, uitkomst.lopend.aantal) is
	 * hidden in both places, which may start this again in the other
	 * group, until nothing changes.
	 */
	do {
		changed = 0;
		for (i = 0; i < b->n; i++)
			if (b->link[i] >= 0 && b->m[i].hide != MH_NONE &&
			    b->m[b->link[i]].hide == MH_NONE) {
				b->m[b->link[i]].hide = b->m[i].hide;
				changed = 1;
			}
		for (g = 0; g < b->ngroups; g++) {
			nhid = 0;
			best = -1;
			for (j = 0; j < b->n; j++) {
				if (b->group[j] != g)
					continue;
				if (b->m[j].hide != MH_NONE)
					nhid++;
				else if (b->m[j].v > 0 &&
				    (best < 0 || b->m[j].v < b->m[best].v))
					best = (int)j;
			}
			if (nhid == 1 && best >= 0) {
				b->m[best].hide = MH_SECONDARY;
				changed = 1;
			}
		}
	} while (changed);
	for (i = 0; i < b->n; i++) {
		if (b->m[i].hide != MH_NONE)
			continue;
		if ((b->ref[i] >= 0 && b->m[b->ref[i]].hide != MH_NONE) ||
		    (b->ref2[i] >= 0 && b->m[b->ref2[i]].hide != MH_NONE))
			b->m[i].hide = MH_DERIVED;
	}
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
	const struct traj *t;
	size_t		*count, i, j, q, afgerond = 0, lopend = 0, geslaagd = 0;
	int		*duur, *gespr, ia, il, ig, idx;
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
	b.group[ia] = b.group[il] = b.ngroups++;

	for (j = 0; reg != NULL && j < RC_NSINGLE; j++) {
		c = codebook_col(cb, j == RC_HOOFDTHEMA ? "themas" :
		    reg_single_names[j]);
		if (c == NULL)
			continue;
		count = xcalloc(c->n ? c->n : 1, sizeof(*count));
		for (i = 0; i < n; i++) {
			t = &reg->t[sel[i]];
			if (t->code[j] >= 0)
				count[t->code[j]]++;
		}
		column(&b, reg_single_names[j], c, count, n, 1);
		free(count);
	}
	for (j = 0; reg != NULL && j < RM_NMULTI; j++) {
		c = codebook_col(cb, reg_multi_names[j]);
		if (c == NULL)
			continue;
		count = xcalloc(c->n ? c->n : 1, sizeof(*count));
		for (i = 0; i < n; i++) {
			t = &reg->t[sel[i]];
			for (q = 0; q < t->mn[j]; q++)
				count[reg->pool[t->moff[j] + q]]++;
		}
		column(&b, reg_multi_names[j], c, count, n, 0);
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
		add(&b, name, MK_COUNT, (double)tabs[i]->nrows, 1);
		free(name);
		for (j = 0; j < tabs[i]->ncols; j++) {
			name = xasprintf("%s.%s", tabs[i]->name,
			    tabs[i]->cols[j].name);
			column(&b, name, tabs[i]->cols[j].cb,
			    tabs[i]->cols[j].count, tabs[i]->nrows,
			    tabs[i]->cols[j].single);
			free(name);
		}
	}

	hide(&b, st->k);
	for (i = 0; i < b.n; i++)
		shown(&b.m[i], st->k);
	qsort(b.m, b.n, sizeof(*b.m), cmp_metric);
	st->m = b.m;
	st->n = b.n;
	free(b.ref);
	free(b.ref2);
	free(b.group);
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
