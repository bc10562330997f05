/*
 * series.c: series of editions, the previous edition of a series and
 * the archive's charts across the years (spec 6.3).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "codes.h"
#include "diag.h"
#include "edition.h"
#include "fmt.h"
#include "publish.h"
#include "series.h"
#include "stats.h"
#include "util.h"

/* The label of a soort code, or the code when the codebook lacks it. */
static const char *
soort_label(const struct codebook *cb, const char *code)
{
	const struct cbcol	*col = codebook_col(cb, "soort");
	char			*low;
	size_t			 i;
	int			 idx;

	low = xstrdup(code);
	for (i = 0; low[i]; i++)
		if (low[i] >= 'A' && low[i] <= 'Z')
			low[i] = (char)(low[i] - 'A' + 'a');
	idx = col != NULL ? codebook_find(col, low) : -1;
	free(low);
	return idx >= 0 ? col->codes[idx].label : code;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcasecmp(*(const char *const *)a, *(const char *const *)b);
}

/* names[0..n) sorted, joined by sep, appended to b. */
static void
joined(struct buf *b, const char **names, size_t n, const char *sep)
{
	size_t	 i;

	qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n; i++) {
		if (i > 0 && strcasecmp(names[i - 1], names[i]) == 0)
			continue;
		if (i > 0)
			buf_puts(b, sep);
		buf_puts(b, names[i]);
	}
}

void
series_name(struct edition *e, const struct codebook *cb)
{
	const struct meta	*m = &e->meta;
	struct buf		 b = { NULL, 0, 0 };
	const char		**v;
	size_t			 i;

	free(e->series);
	if (m->reeks.s != NULL) {
		/* As written, with runs of spaces as one. */
		const char	*r = m->reeks.s + strspn(m->reeks.s, " ");

		for (; *r != '\0'; r++)
			if (*r != ' ' || (r[1] != ' ' && r[1] != '\0'))
				buf_putc(&b, *r);
		e->series = buf_detach(&b);
		return;
	}
	v = xcalloc(m->nsoort + m->nregio + 1, sizeof(*v));
	for (i = 0; i < m->nsoort; i++)
		v[i] = soort_label(cb, m->soort[i].s);
	if (m->nsoort == 0)
		buf_puts(&b, soort_label(cb, "bemiddeling"));
	else
		joined(&b, v, m->nsoort, " en ");
	for (i = 0; i < m->nregio; i++)
		v[i] = m->regio[i].s;
	if (m->nregio > 0) {
		buf_puts(&b, " \xe2\x80\x93 ");
		joined(&b, v, m->nregio, ", ");
	}
	free(v);
	e->series = buf_detach(&b);
}

/* The next byte of a name, case folded, runs of spaces as one. */
static int
fold_next(const char **s)
{
	int	 ch;

	while (**s == ' ' && ((*s)[1] == ' ' || (*s)[1] == '\0'))
		(*s)++;
	if ((ch = (unsigned char)**s) == '\0')
		return 0;
	(*s)++;
	return ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch;
}

int
series_same(const char *a, const char *b)
{
	int	 x, y;

	while (*a == ' ')
		a++;
	while (*b == ' ')
		b++;
	do {
		x = fold_next(&a);
		y = fold_next(&b);
	} while (x == y && x != 0);
	return x == y;
}

/* Whether x came out before y: older date, or the same date and slug. */
static int
older(const struct edition *x, const struct edition *y)
{
	if (x->meta.date != y->meta.date)
		return x->meta.date < y->meta.date;
	return strcmp(x->slug, y->slug) > 0;
}

void
series_link(struct edition *e, struct edition **cands, size_t n)
{
	size_t	 i;

	e->prev = NULL;
	for (i = 0; i < n; i++) {
		if (cands[i] == e || !series_same(cands[i]->series, e->series) ||
		    !older(cands[i], e))
			continue;
		if (e->prev == NULL || older(e->prev, cands[i]))
			e->prev = cands[i];
	}
}

/* The key figures shown in each series' charts. */
static const struct {
	enum keyfigure	 kf;		/* key figure (label, pct) */
	const char	*title, *axis;
} trends[2] = {
	{ KF_AANTAL, "aantal trajecten per jaar", "aantal trajecten" },
	{ KF_SUCCES, "geslaagd, van de afgeronde trajecten", "%" },
};

/* Whether two of the editions ix[0..n) share a year. */
static int
shared_year(struct edition **ed, const size_t *ix, size_t n)
{
	size_t	 i, j;

	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (ed[ix[i]]->meta.edition == ed[ix[j]]->meta.edition)
				return 1;
	return 0;
}

/* One chart of a key figure over the editions ix[0..n), oldest first. */
static void
trend_chart(struct chart *ch, const char *name, int k, struct edition **ed,
    const size_t *ix, size_t n, int number)
{
	struct buf		 b = { NULL, 0, 0 }, desc = { NULL, 0, 0 };
	const struct keyfig	*f;
	int			 bydate = shared_year(ed, ix, n);
	size_t			 j;

	memset(ch, 0, sizeof(*ch));
	ch->type = CHART_LINE;
	chart_number(ch, number);
	ch->title = xasprintf("%s: %s", name, trends[k].title);
	ch->axis = xstrdup(trends[k].axis);
	ch->pct = edition_keyfigs[trends[k].kf].pct;
	ch->nser = 1;
	ch->ser = xcalloc(1, sizeof(*ch->ser));
	ch->ser[0].label = xstrdup(edition_keyfigs[trends[k].kf].label);
	snprintf(ch->ser[0].color, 8, "%s", chart_palette(0));
	ch->cat = xcalloc(n, sizeof(*ch->cat));
	ch->cell = xcalloc(n, sizeof(*ch->cell));
	for (j = 0; j < n; j++) {
		f = &ed[ix[j]]->kf[trends[k].kf];
		if (bydate)
			fmt_date(&b, ed[ix[j]]->meta.date);
		else
			buf_printf(&b, "%d", ed[ix[j]]->meta.edition);
		ch->cat[j].label = buf_detach(&b);
		ch->cell[j].value = f->defined && !f->hidden ? f->v : 0;
		ch->cell[j].hidden = f->hidden;
		ch->cell[j].shown = xstrdup(f->defined && f->shown ? f->shown :
		    "\xe2\x80\x93");
		buf_printf(&desc, "%s%s: %s", j ? "; " : "", ch->cat[j].label,
		    ch->cell[j].shown);
	}
	ch->ncat = n;
	buf_putc(&desc, '.');
	ch->desc = buf_detach(&desc);
}

/* The charts of series s, numbered from *number on. */
static void
trend(struct series *s, struct edition **ed, int *number)
{
	size_t	*ix, n = 0, i, k;

	ix = xcalloc(s->ned ? s->ned : 1, sizeof(*ix));
	for (i = s->ned; i-- > 0;)
		if (ed[s->ed[i]]->kf[KF_AANTAL].name != NULL &&
		    ed[s->ed[i]]->kf[KF_AANTAL].defined)
			ix[n++] = s->ed[i];
	for (k = 0; n >= 2 && k < 2; k++)
		trend_chart(&s->trend[s->ntrend++], s->name, (int)k, ed, ix, n,
		    (*number)++);
	free(ix);
}

struct series *
series_group(struct edition **ed, size_t ned, size_t *n)
{
	struct series	*s = NULL;
	size_t		 ns = 0, i, j;
	int		 number = 1;

	for (i = 0; i < ned; i++) {
		series_link(ed[i], ed, ned);
		for (j = 0; j < ns; j++)
			if (series_same(s[j].name, ed[i]->series))
				break;
		if (j == ns) {
			/* Named as its newest edition names it. */
			s = xreallocarray(s, ns + 1, sizeof(*s));
			memset(&s[ns], 0, sizeof(*s));
			s[ns++].name = xstrdup(ed[i]->series);
		} else {
			free(ed[i]->series);
			ed[i]->series = xstrdup(s[j].name);
		}
		s[j].ed = xreallocarray(s[j].ed, s[j].ned + 1,
		    sizeof(*s[j].ed));
		s[j].ed[s[j].ned++] = i;
	}
	for (j = 0; j < ns; j++)
		trend(&s[j], ed, &number);
	*n = ns;
	return s;
}

void
series_free(struct series *s, size_t n)
{
	size_t	 i, k;

	for (i = 0; i < n; i++) {
		for (k = 0; k < s[i].ntrend; k++)
			chart_free(&s[i].trend[k]);
		free(s[i].ed);
		free(s[i].name);
	}
	free(s);
}

const struct metric *
series_prev_metric(const struct edition *e, const char *metric, char **err)
{
	const struct edition	*p = e->prev;
	const struct metric	*m;

	*err = NULL;
	if (p == NULL) {
		*err = xasprintf("no previous edition in the series '%s' "
		    "for '%s%s'", e->series ? e->series : "", SERIES_PREV,
		    metric);
		return NULL;
	}
	/* Published: the figure frozen with it, never recomputed. */
	if (p->frozen != NULL && (m = publish_figure(p, metric)) != NULL)
		return m;
	if (p->stats == NULL) {
		*err = xasprintf("'%s%s': the previous edition %s has errors",
		    SERIES_PREV, metric, p->slug);
		return NULL;
	}
	if ((m = stats_get(p->stats, metric)) == NULL) {
		const char	**names;
		char		 *hint;
		size_t		  nn;

		names = stats_names(p->stats, &nn);
		hint = diag_hint(metric, names, nn, SERIES_PREV);
		*err = xasprintf("unknown value '%s%s'%s", SERIES_PREV, metric,
		    hint);
		free(hint);
		free(names);
		return NULL;
	}
	return m;
}

/* A published edition's stats are its frozen figures (publish_load). */
void
series_print_prev(const struct edition *e, FILE *f)
{
	const struct edition	*p = e->prev;
	size_t			 i;

	if (p == NULL)
		return;
	for (i = 0; p->stats != NULL && i < p->stats->n; i++)
		fprintf(f, "%s%s = %s\n", SERIES_PREV, p->stats->m[i].name,
		    p->stats->m[i].shown);
}
