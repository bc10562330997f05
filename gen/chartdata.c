/*
 * chartdata.c: the numbers behind ```chart and ```table blocks, taken
 * from the edition's metrics and counts by year (so hidden counts stay
 * hidden) or, for bins of duur and gesprekken, counted from the
 * selection; every disclosure decision is stats.c's.
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

const char *
stats_column_title(const char *data)
{
	const struct regcoldef *c = reg_col_named(data);

	if (c != NULL && c->label != NULL)
		return c->label;
	if (strcmp(data, "duur") == 0)
		return "Doorlooptijd (dagen)";
	if (strcmp(data, "aantal") == 0)
		return "Jaar";
	return "Categorie";
}

void
tblock_number(struct tblock *t, int n)
{
	t->number = n;
	snprintf(t->id, sizeof(t->id), "tabel-%d", n);
	snprintf(t->label, sizeof(t->label), "Tabel %d.", n);
}

void
tblock_free(struct tblock *t)
{
	size_t	 i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nrows; i++) {
		free(t->rows[i].label);
		free(t->rows[i].count);
		free(t->rows[i].pct);
	}
	free(t->rows);
	free(t->total.label);
	free(t->total.count);
	free(t->total.pct);
	free(t->title);
	free(t->head);
	free(t->note);
	memset(t, 0, sizeof(*t));
}

/* A resolved data source: a code column with its metric prefix. */
struct src {
	const struct cbcol	*col;	/* codebook column, or NULL */
	char			*prefix;/* metric prefix ("themas", "vragen.x") */
	int			 multi;	/* several codes per row possible */
	int			 single;/* register single-valued column index */
	size_t			 total;	/* n of the breakdown */
};

static int
resolve(const struct stats *st, const char *data, struct src *s, char **err)
{
	const struct regcoldef *rc;
	size_t	 i, j;
	const char *dot;

	memset(s, 0, sizeof(*s));
	s->single = -1;
	if ((rc = reg_col_named(data)) != NULL && rc->slot >= 0) {
		s->col = codebook_col(st->cb, rc->codes);
		if (rc->type == RT_CODES)
			s->multi = 1;
		else
			s->single = rc->slot;
		s->total = st->ntraj;
	}
	if (s->col != NULL) {
		if (st->reg == NULL) {
			*err = xasprintf("data '%s' needs trajectory data; "
			    "this edition has no 'data:'", data);
			return -1;
		}
		s->prefix = xstrdup(data);
		return 0;
	}
	if ((dot = strchr(data, '.')) != NULL) {
		for (i = 0; i < st->ntabs; i++) {
			if (strncmp(st->tabs[i]->name, data,
			    (size_t)(dot - data)) != 0 ||
			    st->tabs[i]->name[dot - data] != '\0')
				continue;
			for (j = 0; j < st->tabs[i]->ncols; j++)
				if (strcmp(st->tabs[i]->cols[j].name,
				    dot + 1) == 0) {
					s->col = st->tabs[i]->cols[j].cb;
					s->multi = !st->tabs[i]->cols[j].single;
					s->total = st->tabs[i]->nrows;
					s->prefix = xstrdup(data);
					return 0;
				}
			*err = xasprintf("table '%s' has no coded column '%s'",
			    st->tabs[i]->name, dot + 1);
			return -1;
		}
	}
	*err = xasprintf("unknown data '%s': use a code column (soort, "
	    "partijen, signaal, themas, hoofdthema, aanleiding, uitkomst, "
	    "escalatie), duur, gesprekken or <table>.<column>", data);
	return -1;
}

static const struct metric *
code_metric(const struct stats *st, const struct src *s, size_t code,
    const char *what)
{
	const struct metric	*m;
	char			*name;

	name = xasprintf("%s.%s.%s", s->prefix, s->col->codes[code].code,
	    what);
	m = stats_get(st, name);
	free(name);
	return m;
}

/* Sort state: codes by count, ties by volgorde then label. */
struct ord {
	const struct cbcol	*col;
	const double		*count;
};

static const struct ord *ord_ctx;	/* qsort has no argument */

static int
cmp_code(const void *a, const void *b)
{
	size_t	 x = *(const size_t *)a, y = *(const size_t *)b;
	const struct code *cx = &ord_ctx->col->codes[x],
	    *cy = &ord_ctx->col->codes[y];
	int	 c;

	if (ord_ctx->count[x] != ord_ctx->count[y])
		return ord_ctx->count[x] > ord_ctx->count[y] ? -1 : 1;
	if (cx->volgorde != cy->volgorde)
		return cx->volgorde < cy->volgorde ? -1 : 1;
	if ((c = strcmp(cx->label, cy->label)) != 0)
		return c;
	return x < y ? -1 : x > y;
}

/*
 * The codes of a column to show, in order; the caller frees the
 * array.  Zero counts are left out unless order is the codebook's.
 */
static size_t
codes_shown(const struct stats *st, const struct src *s, int codebook_order,
    size_t **out)
{
	size_t		*v, n = 0, i;
	double		*count;
	struct ord	 o;
	const struct metric *m;

	count = xcalloc(s->col->n ? s->col->n : 1, sizeof(*count));
	v = xcalloc(s->col->n ? s->col->n : 1, sizeof(*v));
	for (i = 0; i < s->col->n; i++) {
		m = code_metric(st, s, i, "aantal");
		count[i] = m != NULL ? m->v : 0;
		/* A hidden count must not leak through its rank. */
		if (m != NULL && m->hide != MH_NONE)
			count[i] = 0.5;
		if (codebook_order || count[i] > 0)
			v[n++] = i;
	}
	if (!codebook_order) {
		o.col = s->col;
		o.count = count;
		ord_ctx = &o;
		qsort(v, n, sizeof(*v), cmp_code);
		ord_ctx = NULL;
	}
	free(count);
	*out = v;
	return n;
}

static void
code_color(const struct cbcol *col, size_t i, char out[8])
{
	if (col->codes[i].kleur[0] != '\0')
		memcpy(out, col->codes[i].kleur, 8);
	else
		snprintf(out, 8, "%s", chart_palette(i));
}

static void
set_cell(struct chart_cell *c, double v, int hidden, const char *shown)
{
	c->value = hidden ? 0 : v;
	c->hidden = hidden;
	c->shown = xstrdup(shown);
}

/*
 * A cell of a count computed here (bins, years), in the state that
 * stats_hide_block() decided; a share shows "–" when its count or the
 * total it is a share of is hidden (0 stays 0%).
 */
static void
block_cell(const struct stats *st, struct chart_cell *c, size_t count,
    size_t total, int total_hidden, enum mhide hide, int pct)
{
	double	 v = (double)count;

	if (pct) {
		v = total ? 100.0 * (double)count / (double)total : 0;
		if (hide != MH_NONE || (total_hidden && count > 0))
			hide = MH_DERIVED;
	}
	c->hidden = hide != MH_NONE;
	c->value = c->hidden ? 0 : v;
	c->shown = stats_text(st, pct ? MK_PCT : MK_COUNT, v, hide);
}

static void
describe_chart(struct chart *c)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i, s;

	for (s = 0; s < c->nser; s++) {
		if (c->nser > 1)
			buf_printf(&b, "%s%s: ", s ? "; " : "", c->ser[s].label);
		for (i = 0; i < c->ncat; i++)
			buf_printf(&b, "%s%s %s", i ? ", " : "",
			    c->cat[i].label, c->cell[s * c->ncat + i].shown);
	}
	if (b.len == 0)
		buf_puts(&b, "Geen gegevens.");
	else
		buf_putc(&b, '.');
	c->desc = buf_detach(&b);
}

/* Values of duur or gesprekken over finished trajectories. */
static size_t
values(const struct stats *st, int duur, int **out)
{
	size_t	 i, m = 0;
	int	*v;
	const struct traj *t;

	v = xcalloc(st->ntraj ? st->ntraj : 1, sizeof(*v));
	for (i = 0; i < st->ntraj; i++) {
		t = &st->reg->t[st->sel[i]];
		if (t->outcome == OUT_LOPEND)
			continue;
		v[m++] = duur ? t->eind - t->start : t->gesprekken;
	}
	*out = v;
	return m;
}

/* Histogram bins: fills labels and counts; returns the number of bins. */
static size_t
bins(const int *v, size_t m, int width, char ***labels, size_t **counts)
{
	int	 lo, hi, i;
	size_t	 nb, j, b;

	if (m == 0) {
		*labels = NULL;
		*counts = NULL;
		return 0;
	}
	lo = hi = v[0];
	for (j = 1; j < m; j++) {
		if (v[j] < lo)
			lo = v[j];
		if (v[j] > hi)
			hi = v[j];
	}
	lo = (lo / width) * width;
	nb = (size_t)((hi - lo) / width) + 1;
	if (nb > 1000)
		nb = 1000;
	*labels = xcalloc(nb, sizeof(char *));
	*counts = xcalloc(nb, sizeof(size_t));
	for (j = 0; j < m; j++) {
		b = (size_t)((v[j] - lo) / width);
		(*counts)[b < nb ? b : nb - 1]++;
	}
	for (b = 0; b < nb; b++) {
		i = lo + (int)b * width;
		(*labels)[b] = width == 1 ? xasprintf("%d", i) :
		    b + 1 == nb && nb == 1000 ? xasprintf("%d+", i) :
		    xasprintf("%d\xe2\x80\x93%d", i, i + width - 1);
	}
	return nb;
}

/* The bins of a duur or gesprekken block, disclosure decided. */
struct binned {
	size_t		 nb;		/* bins */
	size_t		 nv;		/* finished trajectories (afgerond) */
	char		**labels;	/* nb labels (owned) */
	size_t		*counts;	/* nb counts */
	enum mhide	*hide;		/* nb states */
	int		 total_hidden;	/* afgerond is hidden */
};

static void
binned(const struct stats *st, const struct blockspec *bs, struct binned *b)
{
	const struct metric *afg = stats_get(st, "afgerond");
	double		*dc;
	size_t		 i;
	int		*v, width;

	width = bs->bin > 0 ? (int)bs->bin :
	    strcmp(bs->data, "duur") == 0 ? 30 : 1;
	b->nv = values(st, strcmp(bs->data, "duur") == 0, &v);
	b->nb = bins(v, b->nv, width, &b->labels, &b->counts);
	free(v);
	/* The bins add up to afgerond. */
	b->total_hidden = afg != NULL && afg->hide != MH_NONE;
	dc = xcalloc(b->nb ? b->nb : 1, sizeof(*dc));
	for (i = 0; i < b->nb; i++)
		dc[i] = (double)b->counts[i];
	b->hide = xcalloc(b->nb ? b->nb : 1, sizeof(*b->hide));
	stats_hide_block(st, b->nb, dc, afg, b->hide);
	free(dc);
}

/*
 * A series per code (or the trajectories) over the start years, from
 * the counts by year that stats.c computed and decided together with
 * the metrics (struct yeartab).
 */
static void
by_year(const struct stats *st, const struct blockspec *bs,
    const struct src *s, struct chart *c)
{
	const struct yeartab	*yt = NULL;
	size_t			*codes = NULL, nc, ncat = st->nyear, i, j, cell;

	c->ncat = ncat;
	c->cat = xcalloc(ncat ? ncat : 1, sizeof(*c->cat));
	for (i = 0; i < ncat; i++) {
		c->cat[i].label = xasprintf("%d", st->year0 + (int)i);
		snprintf(c->cat[i].color, 8, "%s", chart_palette(0));
	}
	c->cataxis = xstrdup("startjaar");
	if (s->col != NULL)
		yt = stats_years(st, s->prefix);
	nc = yt == NULL ? 1 : codes_shown(st, s, bs->order_codebook, &codes);
	c->nser = nc;
	c->ser = xcalloc(nc ? nc : 1, sizeof(*c->ser));
	c->cell = xcalloc((nc ? nc : 1) * (ncat ? ncat : 1), sizeof(*c->cell));
	for (j = 0; j < nc; j++) {
		if (yt == NULL) {
			c->ser[j].label = xstrdup("Trajecten");
			snprintf(c->ser[j].color, 8, "%s", chart_palette(0));
		} else {
			c->ser[j].label = xstrdup(s->col->codes[codes[j]].label);
			code_color(s->col, codes[j], c->ser[j].color);
		}
		for (i = 0; i < ncat; i++) {
			if (yt == NULL) {
				block_cell(st, &c->cell[i], st->ytotal[i],
				    st->ytotal[i], st->yhide[i] != MH_NONE,
				    st->yhide[i], bs->pct);
				continue;
			}
			cell = codes[j] * ncat + i;
			block_cell(st, &c->cell[j * ncat + i], yt->count[cell],
			    st->ytotal[i], st->yhide[i] != MH_NONE,
			    yt->hide[cell], bs->pct);
		}
	}
	free(codes);
}

int
stats_chart(const struct stats *st, const struct blockspec *bs,
    struct chart *c, char **err)
{
	struct src		 s;
	struct binned		 bd;
	const struct metric	*m;
	size_t			*codes = NULL, nc, i;
	int			 hist;

	memset(c, 0, sizeof(*c));
	c->type = bs->type;
	c->pct = bs->pct;
	c->title = xstrdup(bs->title ? bs->title : "");
	c->axis = xstrdup(bs->pct ? "%" : "aantal");
	hist = strcmp(bs->data, "duur") == 0 ||
	    strcmp(bs->data, "gesprekken") == 0;

	if (hist) {
		if (st->reg == NULL) {
			*err = xasprintf("data '%s' needs trajectory data",
			    bs->data);
			goto fail;
		}
		if (!(chart_types[bs->type].flags & CT_NUMBERS)) {
			*err = xasprintf("data '%s' is a number, not a code: "
			    "use type: histogram", bs->data);
			goto fail;
		}
		binned(st, bs, &bd);
		c->ncat = bd.nb;
		c->cataxis = xstrdup(strcmp(bs->data, "duur") == 0 ?
		    "doorlooptijd in dagen" : "aantal gesprekken");
		c->nser = 1;
		c->ser = xcalloc(1, sizeof(*c->ser));
		c->ser[0].label = xstrdup("Trajecten");
		snprintf(c->ser[0].color, 8, "%s", chart_palette(0));
		c->cat = xcalloc(c->ncat ? c->ncat : 1, sizeof(*c->cat));
		c->cell = xcalloc(c->ncat ? c->ncat : 1, sizeof(*c->cell));
		for (i = 0; i < c->ncat; i++) {
			c->cat[i].label = bd.labels[i];
			snprintf(c->cat[i].color, 8, "%s", chart_palette(0));
			block_cell(st, &c->cell[i], bd.counts[i], bd.nv,
			    bd.total_hidden, bd.hide[i], bs->pct);
		}
		free(bd.labels);
		free(bd.counts);
		free(bd.hide);
		describe_chart(c);
		return 0;
	}
	if (!(chart_types[bs->type].flags & CT_CODES)) {
		*err = xasprintf("a histogram needs numbers: data: duur or "
		    "data: gesprekken");
		goto fail;
	}
	if (bs->by_year && strcmp(bs->data, "aantal") == 0) {
		memset(&s, 0, sizeof(s));
	} else if (resolve(st, bs->data, &s, err) != 0)
		goto fail;
	if (bs->by_year || (chart_types[bs->type].flags & CT_YEARS)) {
		if (!bs->by_year) {
			*err = xasprintf("a %s chart shows a series over the "
			    "years: add 'by: jaar'", chart_types[bs->type].name);
			free(s.prefix);
			goto fail;
		}
		if (st->reg == NULL || (s.col != NULL && s.prefix != NULL &&
		    strchr(s.prefix, '.') != NULL)) {
			*err = xasprintf("by: jaar needs trajectory data");
			free(s.prefix);
			goto fail;
		}
		by_year(st, bs, &s, c);
		free(s.prefix);
		describe_chart(c);
		return 0;
	}

	/* bar, hbar, donut over the codes of one column. */
	if ((chart_types[bs->type].flags & CT_WHOLE) && s.multi) {
		*err = xasprintf("a donut shows the parts of a whole, but "
		    "'%s' can hold several codes per %s, so its slices would "
		    "add up to more than 100%%: use type: hbar", bs->data,
		    strchr(s.prefix, '.') ? "row" : "trajectory");
		free(s.prefix);
		goto fail;
	}
	nc = codes_shown(st, &s, bs->order_codebook, &codes);
	c->ncat = nc;
	c->nser = 1;
	c->cat = xcalloc(nc ? nc : 1, sizeof(*c->cat));
	c->ser = xcalloc(1, sizeof(*c->ser));
	c->ser[0].label = xstrdup(bs->pct ? "Percentage" : "Aantal");
	snprintf(c->ser[0].color, 8, "%s", chart_palette(0));
	c->cell = xcalloc(nc ? nc : 1, sizeof(*c->cell));
	for (i = 0; i < nc; i++) {
		c->cat[i].label = xstrdup(s.col->codes[codes[i]].label);
		/* Bars share one colour unless the codebook gives theirs. */
		if ((chart_types[bs->type].flags & CT_WHOLE) ||
		    s.col->codes[codes[i]].kleur[0])
			code_color(s.col, codes[i], c->cat[i].color);
		else
			snprintf(c->cat[i].color, 8, "%s", chart_palette(0));
		m = code_metric(st, &s, codes[i], bs->pct ? "pct" : "aantal");
		set_cell(&c->cell[i], m ? m->v : 0,
		    m ? m->hide != MH_NONE : 1, m ? m->shown : "\xe2\x80\x93");
	}
	free(codes);
	free(s.prefix);
	describe_chart(c);
	return 0;
fail:
	chart_free(c);
	return -1;
}

int
stats_table(const struct stats *st, const struct blockspec *bs,
    struct tblock *tb, char **err)
{
	struct src		 s;
	struct binned		 bd;
	const struct metric	*m;
	char			*total;
	size_t			*codes, nc, i;

	memset(tb, 0, sizeof(*tb));
	tb->title = xstrdup(bs->title ? bs->title : "");
	tb->col_count = bs->col_count;
	tb->col_pct = bs->col_pct;
	tb->head = xstrdup(stats_column_title(strrchr(bs->data, '.') ?
	    strrchr(bs->data, '.') + 1 : bs->data));
	if (strcmp(bs->data, "duur") == 0 ||
	    strcmp(bs->data, "gesprekken") == 0) {
		if (st->reg == NULL) {
			*err = xasprintf("data '%s' needs trajectory data",
			    bs->data);
			tblock_free(tb);
			return -1;
		}
		binned(st, bs, &bd);
		tb->nrows = bd.nb;
		tb->rows = xcalloc(tb->nrows ? tb->nrows : 1,
		    sizeof(*tb->rows));
		for (i = 0; i < tb->nrows; i++) {
			struct chart_cell cc, cp;

			block_cell(st, &cc, bd.counts[i], bd.nv,
			    bd.total_hidden, bd.hide[i], 0);
			block_cell(st, &cp, bd.counts[i], bd.nv,
			    bd.total_hidden, bd.hide[i], 1);
			tb->rows[i].label = bd.labels[i];
			tb->rows[i].count = cc.shown;
			tb->rows[i].pct = cp.shown;
		}
		free(bd.labels);
		free(bd.counts);
		free(bd.hide);
		tb->total.label = xstrdup("Totaal afgerond");
		m = stats_get(st, "afgerond");
		tb->total.count = xstrdup(m->shown);
		tb->total.pct = xstrdup(bd.nv ? "100%" : "\xe2\x80\x93");
		return 0;
	}
	if (resolve(st, bs->data, &s, err) != 0) {
		tblock_free(tb);
		return -1;
	}
	nc = codes_shown(st, &s, bs->order_codebook, &codes);
	tb->nrows = nc;
	tb->rows = xcalloc(nc ? nc : 1, sizeof(*tb->rows));
	for (i = 0; i < nc; i++) {
		tb->rows[i].label = xstrdup(s.col->codes[codes[i]].label);
		m = code_metric(st, &s, codes[i], "aantal");
		tb->rows[i].count = xstrdup(m ? m->shown : "0");
		m = code_metric(st, &s, codes[i], "pct");
		tb->rows[i].pct = xstrdup(m ? m->shown : "\xe2\x80\x93");
	}
	tb->total.label = xstrdup(strchr(s.prefix, '.') ? "Totaal" :
	    "Totaal trajecten");
	/* aantal, or the table's rows: as the metric shows it */
	total = strchr(s.prefix, '.') ? xasprintf("%.*s.aantal",
	    (int)(strchr(s.prefix, '.') - s.prefix), s.prefix) :
	    xstrdup("aantal");
	m = stats_get(st, total);
	tb->total.count = xstrdup(m != NULL ? m->shown : "\xe2\x80\x93");
	free(total);
	tb->total.pct = xstrdup(s.total ? "100%" : "\xe2\x80\x93");
	if (s.multi)
		tb->note = xstrdup("Per traject kunnen meerdere categorie\xc3\xabn "
		    "gelden; de percentages tellen daardoor op tot meer dan "
		    "100%.");
	free(codes);
	free(s.prefix);
	return 0;
}
