/*
 * chart.c: lays a chart out as device-neutral primitives (rectangles,
 * lines, wedges, text at baselines), in points with the origin top
 * left; chart_svg.c and chart_cairo.c draw the result.  Text is
 * measured through the caller's struct chart_measure, so the layout
 * knows nothing of devices.  Hidden cells (disclosure control, spec
 * 4.6) are never drawn to scale: they become a fixed small stub with a
 * dashed outline, labelled with what they show ("<5").
 *
 * Every step is linear in the number of categories and series (the
 * only sort is over series end labels), and the layout depends on
 * nothing but its input, so the same chart gives the same bytes.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "fmt.h"
#include "util.h"

#define FS_LABEL	9.0	/* category, tick, value and legend labels */
#define FS_TITLE	10.0	/* axis titles */
#define FS_NOTE		9.0	/* the note on hidden values, labels in small stubs
				   (as the labels: 0.8 of the HTML body text) */
#define LINE_H		11.0	/* line pitch of wrapped 9pt labels */
#define CAP		0.72	/* Lato's cap height in em (1433/2000): centring text */
#define PAD		2.0	/* margin around the drawing */
#define STUB		8.0	/* length of a hidden bar, whatever it hides */
#define STUB_STACK	11.0	/* height of a hidden segment of a stacked bar */
#define MAXLINES	3	/* lines of a wrapped category label */
#define BAR_MAX		56.0	/* widest vertical bar */
#define SLOT_MIN	30.0	/* narrowest category of a vertical bar chart */
#define TURN		6.283185307179586	/* a full circle in radians */

static const char col_text[] = "#1a1a1a";	/* all text, the zero line */
static const char col_grid[] = "#d0d0d0";	/* gridlines */
static const char col_white[] = "#ffffff";	/* stub fill, separators */
static const char col_note[] = "#595959";	/* the note's dashed swatch */
static const char col_empty[] = "#f2f2f2";	/* a donut with nothing to show */

/*
 * Okabe and Ito's colour-blind-safe hues without yellow, the light
 * ones darkened to at least 3:1 against white (WCAG 1.4.11), black
 * replaced by a dark grey.
 */
static const char *const palette[] = {
	"#0072b2",	/* blue */
	"#d55e00",	/* vermillion */
	"#009e73",	/* bluish green */
	"#c4699e",	/* reddish purple */
	"#a66e00",	/* ochre (orange, darkened) */
	"#3d8fc4",	/* sky blue, darkened */
	"#5e5e5e",	/* grey */
};

/* The layout being built. */
struct lay {
	const struct chart		*c;	/* the chart */
	const struct chart_measure	*m;	/* text measurement, or NULL to estimate */
	struct chart_layout		*out;	/* the primitives so far */
	size_t				 cap;	/* entries allocated in out->p */
	double				 w;	/* drawing width */
};

/* A label wrapped into lines. */
struct lines {
	char	*l[MAXLINES];	/* the lines (owned) */
	int	 n;		/* lines used */
	int	 cut;		/* nonzero: shortened with an ellipsis */
	double	 w;		/* width of the widest line */
};

/* A value axis. */
struct axis {
	double	 top;		/* value at the far end */
	double	 step;		/* distance between ticks */
	int	 n;		/* ticks after the one at zero */
};

/* The plot area of a chart with a vertical value axis. */
struct vplot {
	double		 x0, x1;	/* plot left and right */
	double		 y0, y1;	/* plot top and bottom (the zero line) */
	double		 slot;		/* width per category */
	struct axis	 ax;		/* the value axis */
};

/* A series' end label on a line chart. */
struct endlab {
	double		 y;		/* baseline centre, moved apart from the others */
	size_t		 s;		/* series */
	size_t		 c;		/* category of the series' last visible point */
};

const char *
chart_palette(size_t i)
{
	return palette[i % GEN_NELEM(palette)];
}

void
chart_free(struct chart *c)
{
	size_t	 i;

	if (c == NULL)
		return;
	free(c->title);
	free(c->axis);
	free(c->cataxis);
	free(c->desc);
	if (c->cat != NULL)
		for (i = 0; i < c->ncat; i++)
			free(c->cat[i].label);
	free(c->cat);
	if (c->ser != NULL)
		for (i = 0; i < c->nser; i++)
			free(c->ser[i].label);
	free(c->ser);
	if (c->cell != NULL)
		for (i = 0; i < c->nser * c->ncat; i++)
			free(c->cell[i].shown);
	free(c->cell);
	memset(c, 0, sizeof(*c));
}

void
chart_layout_free(struct chart_layout *l)
{
	size_t	 i;

	if (l == NULL)
		return;
	for (i = 0; i < l->np; i++) {
		free(l->p[i].pts);
		free(l->p[i].text);
	}
	free(l->p);
	memset(l, 0, sizeof(*l));
}

/* Colours. */

static int
is_color(const char *s)
{
	int	 i;

	if (s == NULL || s[0] != '#')
		return 0;
	for (i = 1; i < 7; i++)
		if (!((s[i] >= '0' && s[i] <= '9') ||
		    (s[i] >= 'a' && s[i] <= 'f') ||
		    (s[i] >= 'A' && s[i] <= 'F')))
			return 0;
	return s[7] == '\0';
}

static void
setcol(char dst[8], const char *src)
{
	if (is_color(src))
		memcpy(dst, src, 8);
	else
		dst[0] = '\0';
}

static const char *
ser_color(const struct chart *c, size_t s)
{
	return is_color(c->ser[s].color) ? c->ser[s].color : chart_palette(s);
}

/*
 * 2 (long dashes) for a line series whose colour an odd number of
 * earlier series already have (the palette has seven colours, a
 * codebook column may have more codes), so that lines of one colour
 * stay told apart; else 0.
 */
static int
ser_dash(const struct chart *c, size_t s)
{
	const char	*col = ser_color(c, s);
	size_t		 i, same = 0;

	for (i = 0; i < s; i++)
		if (strcmp(ser_color(c, i), col) == 0)
			same++;
	return same % 2 == 1 ? 2 : 0;
}

static const char *
bar_color(const struct chart *c, size_t i)
{
	return is_color(c->cat[i].color) ? c->cat[i].color : ser_color(c, 0);
}

static const char *
donut_color(const struct chart *c, size_t i)
{
	return is_color(c->cat[i].color) ? c->cat[i].color : chart_palette(i);
}

static double
channel(double v)
{
	return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

static int
hexval(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

int
chart_rgb(const char *s, double rgb[3])
{
	int	 v[6], i;

	if (s == NULL || s[0] != '#' || strlen(s) != 7)
		return -1;
	for (i = 0; i < 6; i++)
		if ((v[i] = hexval((unsigned char)s[i + 1])) < 0)
			return -1;
	for (i = 0; i < 3; i++)
		rgb[i] = (v[2 * i] * 16 + v[2 * i + 1]) / 255.0;
	return 0;
}

/* The text colour (dark or white) with the better contrast on a fill. */
static const char *
ink_on(const char *fill)
{
	double	 l, dark, c[3] = { 0, 0, 0 };

	(void)chart_rgb(fill, c);
	l = 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) +
	    0.0722 * channel(c[2]);
	dark = 0.0103;	/* relative luminance of #1a1a1a */
	return (l + 0.05) / (dark + 0.05) >= 1.05 / (l + 0.05) ?
	    col_text : col_white;
}

/* Primitives. */

static struct prim *
add(struct lay *L, enum prim_kind kind)
{
	struct prim	*p;

	if (L->out->np == L->cap) {
		L->cap = L->cap == 0 ? 64 : L->cap * 2;
		L->out->p = xreallocarray(L->out->p, L->cap, sizeof(*p));
	}
	p = &L->out->p[L->out->np++];
	memset(p, 0, sizeof(*p));
	p->kind = kind;
	return p;
}

static struct prim *
p_rect(struct lay *L, double x, double y, double w, double h,
    const char *fill)
{
	struct prim	*p = add(L, PRIM_RECT);

	p->x = x;
	p->y = y;
	p->w = w < 0 ? 0 : w;
	p->h = h < 0 ? 0 : h;
	setcol(p->fill, fill);
	return p;
}

/* A stub for a hidden value: white, outlined with a dashed line. */
static struct prim *
p_stub(struct lay *L, double x, double y, double w, double h,
    const char *color)
{
	struct prim	*p = p_rect(L, x, y, w, h, col_white);

	setcol(p->stroke, color);
	p->lw = 1.0;
	p->dashed = 1;
	return p;
}

static struct prim *
p_line(struct lay *L, double x, double y, double x2, double y2,
    const char *stroke, double lw)
{
	struct prim	*p = add(L, PRIM_LINE);

	p->x = x;
	p->y = y;
	p->x2 = x2;
	p->y2 = y2;
	setcol(p->stroke, stroke);
	p->lw = lw;
	return p;
}

/* Text at a baseline; takes ownership of s. */
static void
p_text_own(struct lay *L, double x, double y, char *s, double size,
    int bold, enum prim_anchor anchor, const char *fill)
{
	struct prim	*p = add(L, PRIM_TEXT);

	p->x = x;
	p->y = y;
	p->text = s;
	p->size = size;
	p->bold = bold;
	p->anchor = anchor;
	setcol(p->fill, fill);
}

static void
p_text(struct lay *L, double x, double y, const char *s, double size,
    int bold, enum prim_anchor anchor, const char *fill)
{
	p_text_own(L, x, y, xstrdup(s == NULL ? "" : s), size, bold,
	    anchor, fill);
}

/* Text measurement, wrapping and shortening. */

static double
tw(const struct lay *L, const char *s, double size, int bold)
{
	if (s == NULL || *s == '\0')
		return 0.0;
	if (L->m != NULL && L->m->width != NULL)
		return L->m->width(L->m->arg, s, size, bold);
	/* Lato's average advance, near enough without fonts. */
	return (double)util_utf8_len(s, strlen(s)) * size * (bold ? 0.56 : 0.53);
}

static double
twn(const struct lay *L, const char *s, size_t n, double size, int bold)
{
	char	*t = xstrndup(s, n);
	double	 w = tw(L, t, size, bold);

	free(t);
	return w;
}

/* The first n bytes of s, trimmed of spaces at the end, with "…". */
static char *
ellipsed(const char *s, size_t n)
{
	struct buf	 b = { NULL, 0, 0 };

	while (n > 0 && s[n - 1] == ' ')
		n--;
	buf_add(&b, s, n);
	buf_puts(&b, "\xe2\x80\xa6");
	return buf_detach(&b);
}

/*
 * The first n bytes of s as a new string no wider than maxw, shortened
 * at a character boundary with an ellipsis if need be (then *cut is
 * set).  Binary search: O(log n) measurements.
 */
static char *
fit(const struct lay *L, const char *s, size_t n, double maxw,
    double size, int bold, int *cut)
{
	size_t	*cp = NULL, ncp = 0, i, lo, hi, mid;
	char	*t;

	if (twn(L, s, n, size, bold) <= maxw)
		return xstrndup(s, n);
	*cut = 1;
	cp = xreallocarray(NULL, n + 1, sizeof(*cp));
	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			cp[ncp++] = i;
	/* Largest lo such that the first lo characters and "…" fit. */
	lo = 0;
	hi = ncp;
	while (lo < hi) {
		mid = lo + (hi - lo + 1) / 2;
		t = ellipsed(s, cp[mid]);
		if (tw(L, t, size, bold) <= maxw)
			lo = mid;
		else
			hi = mid - 1;
		free(t);
	}
	t = ellipsed(s, lo < ncp ? cp[lo] : n);
	free(cp);
	return t;
}

/* End of the word starting at q: a space, or just after an inner '-' or '/'. */
static const char *
word_end(const char *q)
{
	const char	*t;

	for (t = q; *t != '\0' && *t != ' '; t++)
		if (t > q && (*t == '-' || *t == '/') &&
		    t[1] != '\0' && t[1] != ' ')
			return t + 1;
	return t;
}

/*
 * Wraps s into at most maxlines lines no wider than maxw, greedily at
 * spaces (and after hyphens); a word too long for a line, or text left
 * over for the last line, is shortened with an ellipsis.
 */
static void
wrap(const struct lay *L, const char *s, double maxw, double size,
    int bold, int maxlines, struct lines *ls)
{
	const char	*p, *q, *e, *fitend;
	char		*line;
	double		 w;

	memset(ls, 0, sizeof(*ls));
	p = s == NULL ? "" : s;
	while (*p == ' ')
		p++;
	while (*p != '\0' && ls->n < maxlines) {
		if (ls->n == maxlines - 1) {
			line = fit(L, p, strlen(p), maxw, size, bold, &ls->cut);
			p += strlen(p);
		} else {
			fitend = NULL;
			q = p;
			for (;;) {
				e = word_end(q);
				if (twn(L, p, (size_t)(e - p), size, bold) > maxw)
					break;
				fitend = e;
				for (q = e; *q == ' '; q++)
					continue;
				if (*q == '\0')
					break;
			}
			if (fitend == NULL) {
				e = word_end(p);
				line = fit(L, p, (size_t)(e - p), maxw, size,
				    bold, &ls->cut);
				p = e;
			} else {
				line = xstrndup(p, (size_t)(fitend - p));
				p = fitend;
			}
			while (*p == ' ')
				p++;
		}
		ls->l[ls->n++] = line;
		if ((w = tw(L, line, size, bold)) > ls->w)
			ls->w = w;
	}
}

/*
 * Where labels shortened with an ellipsis read the same as another
 * label (three codes that differ only at their end), the shortened
 * ones end with their own end instead: "…bij jeugd-ggz".
 */
static void
distinct(const struct lay *L, const char *const *labels, struct lines *ls,
    size_t n, double maxw, int bold)
{
	struct buf	 a = { NULL, 0, 0 }, b = { NULL, 0, 0 };
	const char	*s;
	char		*same;
	size_t		 i, j, k, len;
	int		 last;

	/* First which are alike, then change them all. */
	same = xcalloc(n + 1, 1);
	for (i = 0; i < n; i++) {
		if (!ls[i].cut || ls[i].n == 0)
			continue;
		for (j = 0; j < n && !same[i]; j++) {
			if (j == i)
				continue;
			a.len = b.len = 0;
			for (k = 0; k < (size_t)ls[i].n; k++)
				buf_puts(&a, ls[i].l[k]);
			for (k = 0; k < (size_t)ls[j].n; k++)
				buf_puts(&b, ls[j].l[k]);
			same[i] = a.len == b.len && memcmp(a.s, b.s, a.len) == 0;
		}
	}
	for (i = 0; i < n; i++) {
		if (!same[i] || (s = labels[i]) == NULL)
			continue;
		/* The longest end of the label that fits after "…". */
		len = strlen(s);
		for (k = 0; k < len; k++) {
			if (((unsigned char)s[k] & 0xc0) == 0x80)
				continue;
			a.len = 0;
			buf_puts(&a, "\xe2\x80\xa6");
			buf_puts(&a, s + k);
			if (tw(L, a.s, FS_LABEL, bold) <= maxw)
				break;
		}
		last = ls[i].n - 1;
		free(ls[i].l[last]);
		ls[i].l[last] = xstrdup(a.s != NULL ? a.s : "");
		if (tw(L, ls[i].l[last], FS_LABEL, bold) > ls[i].w)
			ls[i].w = tw(L, ls[i].l[last], FS_LABEL, bold);
	}
	free(same);
	buf_free(&a);
	buf_free(&b);
}

/* distinct() over the category labels of a chart. */
static void
cat_distinct(const struct lay *L, struct lines *ls, double maxw)
{
	const char	**labels;
	size_t		 i;

	labels = xcalloc(L->c->ncat, sizeof(*labels));
	for (i = 0; i < L->c->ncat; i++)
		labels[i] = L->c->cat[i].label;
	distinct(L, labels, ls, L->c->ncat, maxw, 0);
	free(labels);
}

static void
lines_free(struct lines *ls)
{
	int	 i;

	for (i = 0; i < ls->n; i++)
		free(ls->l[i]);
	ls->n = 0;
}

/* Values. */

static const struct chart_cell *
cell(const struct chart *c, size_t s, size_t i)
{
	return &c->cell[s * c->ncat + i];
}

/* A cell's value as drawn: finite and not negative. */
static double
val(const struct chart_cell *x)
{
	return isfinite(x->value) && x->value > 0 ? x->value : 0.0;
}

static const char *
shown(const struct chart_cell *x)
{
	return x->shown == NULL ? "" : x->shown;
}

/* Nonzero if a cell of series 0 (or of any series) is hidden. */
static int
any_hidden(const struct chart *c, int allser)
{
	size_t	 i, n = (allser ? c->nser : 1) * c->ncat;

	for (i = 0; i < n; i++)
		if (c->cell[i].hidden)
			return 1;
	return 0;
}

/*
 * A value axis from 0 over vmax with round steps (1, 2, 5 times a
 * power of ten; whole steps for counts), the tick count closest to
 * target (ties: fewer ticks).
 */
static void
nice_axis(double vmax, int counts, double target, struct axis *a)
{
	static const double mult[] = { 1, 2, 5, 10, 20, 50, 100 };
	double	 mag, step;
	size_t	 i;
	int	 n, best = -1;

	if (!isfinite(vmax) || vmax <= 0)
		vmax = 1;
	mag = pow(10.0, floor(log10(vmax / target)) - 1);
	for (i = 0; i < GEN_NELEM(mult); i++) {
		step = mult[i] * mag;
		if ((counts && step < 1) || step < 0.1)
			continue;
		n = (int)ceil(vmax / step - 1e-9);
		if (n < 1)
			n = 1;
		if (best == -1 || fabs(n - target) <= fabs(best - target)) {
			best = n;
			a->step = step;
		}
	}
	if (best == -1) {
		/* Every candidate was below the smallest step allowed. */
		a->step = counts ? 1 : 0.1;
		best = (int)ceil(vmax / a->step - 1e-9);
		if (best < 1)
			best = 1;
	}
	a->n = best;
	a->top = a->n * a->step;
}

/* A tick's label, Dutch style ("1.000", "2,5%"); the caller frees it. */
static char *
tick_text(const struct chart *c, const struct axis *a, int i)
{
	struct buf	 b = { NULL, 0, 0 };
	double		 v = i * a->step;

	if (fabs(v - floor(v + 0.5)) < 1e-9)
		fmt_int(&b, (long long)floor(v + 0.5));
	else
		fmt_num(&b, v);
	if (c->pct)
		buf_putc(&b, '%');
	return buf_detach(&b);
}

static double
tick_width(const struct lay *L, const struct axis *a, int i)
{
	char	*t = tick_text(L->c, a, i);
	double	 w = tw(L, t, FS_LABEL, 0);

	free(t);
	return w;
}

/* Pieces shared by the chart types. */

/*
 * A legend of the series, flowing in rows across the width; line
 * charts get a line with a marker as swatch.  Returns the y below it.
 */
static double
legend_flow(struct lay *L, double y, int lines)
{
	const struct chart	*c = L->c;
	struct prim		*p;
	struct lines		*ls;
	const char		**labels;
	double			 x = PAD, sw = lines ? 24.0 : 10.0, w, mid,
				 maxw = (L->w - 2 * PAD) * 0.5;
	size_t			 s;
	int			 k, rowl = 1;

	/* Labels wrapped in up to three lines, never two alike. */
	ls = xcalloc(c->nser, sizeof(*ls));
	labels = xcalloc(c->nser, sizeof(*labels));
	for (s = 0; s < c->nser; s++) {
		labels[s] = c->ser[s].label;
		wrap(L, labels[s], maxw, FS_LABEL, 0, MAXLINES, &ls[s]);
	}
	distinct(L, labels, ls, c->nser, maxw, 0);
	for (s = 0; s < c->nser; s++) {
		w = sw + 5 + ls[s].w;
		if (x > PAD && x + w > L->w - PAD) {
			x = PAD;
			y += rowl * LINE_H + 4;
			rowl = 1;
		}
		if (ls[s].n > rowl)
			rowl = ls[s].n;
		mid = y + LINE_H / 2;
		if (lines) {
			p_line(L, x, mid, x + sw, mid, ser_color(c, s),
			    2.0)->dashed = ser_dash(c, s);
			p = add(L, PRIM_CIRCLE);
			p->x = x + sw / 2;
			p->y = mid;
			p->r1 = 2.75;
			setcol(p->fill, ser_color(c, s));
		} else
			p_rect(L, x, mid - 5, 10, 10, ser_color(c, s));
		for (k = 0; k < ls[s].n; k++)
			p_text(L, x + sw + 5, mid + FS_LABEL * CAP / 2 + k *
			    LINE_H, ls[s].l[k], FS_LABEL, 0, ANCHOR_START,
			    col_text);
		x += w + 16;
	}
	for (s = 0; s < c->nser; s++)
		lines_free(&ls[s]);
	free(ls);
	free(labels);
	return y + rowl * LINE_H + 10;
}

/* The note under a chart with hidden values.  Returns the y below it. */
static double
note(struct lay *L, double y, const char *what)
{
	struct prim	*p;

	y += 10;
	p = p_stub(L, PAD + 0.5, y, 12, 8, col_note);
	p->lw = 0.75;
	p_text(L, PAD + 18, y + 4 + FS_NOTE * CAP / 2, what, FS_NOTE, 0,
	    ANCHOR_START, col_text);
	return y + 10;
}

static double
plot_height(double w)
{
	double	 h = w * 0.42;

	return h < 140 ? 140 : h > 260 ? 260 : h;
}

/* The axis and plot width of a vertical chart, before anything is drawn. */
static void
vplot_init(struct lay *L, double vmax, double rpad, struct vplot *P)
{
	double	 labw = 0, w;
	int	 i;

	nice_axis(vmax, !L->c->pct, 5, &P->ax);
	for (i = 0; i <= P->ax.n; i++)
		if ((w = tick_width(L, &P->ax, i)) > labw)
			labw = w;
	P->x0 = PAD + labw + 6;
	P->x1 = L->w - PAD - rpad;
	if (P->x1 < P->x0 + 40)
		P->x1 = P->x0 + 40;
	P->slot = (P->x1 - P->x0) / (double)L->c->ncat;
}

static double
vy(const struct vplot *P, double v)
{
	return P->y1 - v / P->ax.top * (P->y1 - P->y0);
}

/* The axis title at y, gridlines and tick labels; headroom above the plot. */
static void
vplot_frame(struct lay *L, double y, double headroom, struct vplot *P)
{
	const struct chart	*c = L->c;
	double			 yy;
	int			 i, cut = 0;

	if (c->axis != NULL && *c->axis != '\0') {
		p_text_own(L, PAD, y + FS_TITLE * CAP,
		    fit(L, c->axis, strlen(c->axis), L->w - 2 * PAD,
		    FS_TITLE, 0, &cut), FS_TITLE, 0, ANCHOR_START, col_text);
		y += FS_TITLE * CAP + 3;
	}
	P->y0 = y + headroom;
	P->y1 = P->y0 + plot_height(L->w);
	for (i = 1; i <= P->ax.n; i++) {
		yy = vy(P, i * P->ax.step);
		p_line(L, P->x0, yy, P->x1, yy, col_grid, 0.5);
	}
	for (i = 0; i <= P->ax.n; i++)
		p_text_own(L, P->x0 - 6, vy(P, i * P->ax.step) +
		    FS_LABEL * CAP / 2, tick_text(c, &P->ax, i), FS_LABEL, 0,
		    ANCHOR_END, col_text);
}

static void
vplot_base(struct lay *L, const struct vplot *P)
{
	p_line(L, P->x0, P->y1, P->x1, P->y1, col_text, 0.75);
}

/*
 * One-line category labels under the slots; when they do not fit,
 * every k-th only.  Returns the y below them.
 */
static double
vcat_thin(struct lay *L, const struct vplot *P)
{
	const struct chart	*c = L->c;
	double			 maxw = 0, w;
	size_t			 i, every = 1;
	int			 cut = 0;
	const char		*lab;

	for (i = 0; i < c->ncat; i++)
		if ((w = tw(L, c->cat[i].label, FS_LABEL, 0)) > maxw)
			maxw = w;
	if (maxw + 6 > P->slot)
		every = (size_t)ceil((maxw + 6) / P->slot);
	for (i = 0; i < c->ncat; i += every) {
		lab = c->cat[i].label == NULL ? "" : c->cat[i].label;
		p_text_own(L, P->x0 + (i + 0.5) * P->slot,
		    P->y1 + 4 + FS_LABEL * CAP, fit(L, lab, strlen(lab),
		    every * P->slot - 4, FS_LABEL, 0, &cut), FS_LABEL, 0,
		    ANCHOR_MIDDLE, col_text);
	}
	return P->y1 + 4 + FS_LABEL * CAP + 3;
}

/* The category axis title under a vertical chart.  Returns the y below. */
static double
vbottom(struct lay *L, const struct vplot *P, double y)
{
	const struct chart	*c = L->c;
	int			 cut = 0;

	if (c->cataxis != NULL && *c->cataxis != '\0') {
		y += 6;
		p_text_own(L, (P->x0 + P->x1) / 2, y + FS_TITLE * CAP,
		    fit(L, c->cataxis, strlen(c->cataxis), L->w - 2 * PAD,
		    FS_TITLE, 0, &cut), FS_TITLE, 0, ANCHOR_MIDDLE, col_text);
		y += FS_TITLE * CAP + 3;
	}
	return y;
}

static double
vfinish(struct lay *L, const struct vplot *P, double y, int allser)
{
	y = vbottom(L, P, y);
	if (any_hidden(L->c, allser))
		y = note(L, y, "Gestippeld: afgeschermd aantal, "
		    "niet op schaal getekend");
	return y;
}

/* The chart types. */

/*
 * Vertical bars.  Returns -1, having drawn nothing, when the categories
 * do not fit side by side: the caller lays out horizontal bars instead.
 */
static int
lay_bar(struct lay *L)
{
	const struct chart	*c = L->c;
	const struct chart_cell	*x;
	struct lines		*ls;
	struct vplot		 P;
	double			 vmax = 0, maxshown = 0, w, bw, cx, top, y;
	size_t			 i;
	int			 j, maxl = 1, rc = -1;

	for (i = 0; i < c->ncat; i++) {
		x = cell(c, 0, i);
		if (!x->hidden && val(x) > vmax)
			vmax = val(x);
		if ((w = tw(L, shown(x), FS_LABEL, 0)) > maxshown)
			maxshown = w;
	}
	vplot_init(L, vmax, 0, &P);
	ls = xcalloc(c->ncat, sizeof(*ls));
	if (P.slot < SLOT_MIN || maxshown > P.slot - 2)
		goto out;
	for (i = 0; i < c->ncat; i++) {
		wrap(L, c->cat[i].label, P.slot - 4, FS_LABEL, 0, MAXLINES,
		    &ls[i]);
		if (ls[i].cut)
			goto out;
		if (ls[i].n > maxl)
			maxl = ls[i].n;
	}

	vplot_frame(L, PAD, 13, &P);
	bw = P.slot * 0.66 < BAR_MAX ? P.slot * 0.66 : BAR_MAX;
	for (i = 0; i < c->ncat; i++) {
		x = cell(c, 0, i);
		cx = P.x0 + (i + 0.5) * P.slot;
		if (x->hidden) {
			top = P.y1 - STUB;
			p_stub(L, cx - bw / 2, top, bw, STUB, bar_color(c, i));
		} else {
			top = vy(&P, val(x));
			p_rect(L, cx - bw / 2, top, bw, P.y1 - top,
			    bar_color(c, i));
		}
		p_text(L, cx, top - 4, shown(x), FS_LABEL, 0, ANCHOR_MIDDLE,
		    col_text);
	}
	vplot_base(L, &P);
	for (i = 0; i < c->ncat; i++)
		for (j = 0; j < ls[i].n; j++)
			p_text(L, P.x0 + (i + 0.5) * P.slot, P.y1 + 4 +
			    FS_LABEL * CAP + j * LINE_H, ls[i].l[j],
			    FS_LABEL, 0, ANCHOR_MIDDLE, col_text);
	y = P.y1 + 4 + FS_LABEL * CAP + (maxl - 1) * LINE_H + 3;
	L->out->height = vfinish(L, &P, y, 0) + PAD;
	rc = 0;
out:
	for (i = 0; i < c->ncat; i++)
		lines_free(&ls[i]);
	free(ls);
	return rc;
}

/* Horizontal bars: labels left, measured; the drawing grows with the categories. */
static void
lay_hbar(struct lay *L)
{
	const struct chart	*c = L->c;
	const struct chart_cell	*x;
	struct lines		*ls;
	struct axis		 ax;
	double			 labw = 0, vmax = 0, vw = 0, w, x0, x1, y, y0,
				 y1, rowh, bt, cy, end, xx, target, half;
	size_t			 i;
	int			 j, maxl = 1, cut = 0, toptick;

	ls = xcalloc(c->ncat, sizeof(*ls));
	for (i = 0; i < c->ncat; i++) {
		x = cell(c, 0, i);
		wrap(L, c->cat[i].label, (L->w - 2 * PAD) * 0.38, FS_LABEL, 0,
		    MAXLINES, &ls[i]);
		/* A hidden stub is short: only visible bars need room. */
		if (x->hidden)
			continue;
		if (val(x) > vmax)
			vmax = val(x);
		if ((w = tw(L, shown(x), FS_LABEL, 0)) > vw)
			vw = w;
	}
	cat_distinct(L, ls, (L->w - 2 * PAD) * 0.38);
	for (i = 0; i < c->ncat; i++) {
		if (ls[i].w > labw)
			labw = ls[i].w;
		if (ls[i].n > maxl)
			maxl = ls[i].n;
	}
	x0 = PAD + labw + 8;
	x1 = L->w - PAD - vw - 6;
	if (x1 < x0 + 60)
		x1 = x0 + 60;
	target = (x1 - x0) / 55;
	nice_axis(vmax, !c->pct, target < 2 ? 2 : target > 6 ? 6 : target,
	    &ax);
	/* Room for the last tick's label, centred on the end of the axis. */
	half = tick_width(L, &ax, ax.n) / 2;
	if (x1 > L->w - PAD - half)
		x1 = L->w - PAD - half;

	/* Many categories: thinner bars, so that the chart fits a page. */
	rowh = maxl * LINE_H + (c->ncat > 24 ? 0 : 9);
	bt = rowh * 0.62 < 14 ? rowh * 0.62 : 14;
	toptick = c->ncat > 20;
	y = PAD;
	if (c->cataxis != NULL && *c->cataxis != '\0') {
		p_text_own(L, PAD, y + FS_TITLE * CAP, fit(L, c->cataxis,
		    strlen(c->cataxis), L->w - 2 * PAD, FS_TITLE, 0, &cut),
		    FS_TITLE, 0, ANCHOR_START, col_text);
		y += FS_TITLE * CAP + 6;
	}
	if (toptick) {
		for (j = 0; j <= ax.n; j++)
			p_text_own(L, x0 + j * ax.step / ax.top * (x1 - x0),
			    y + FS_LABEL * CAP, tick_text(c, &ax, j),
			    FS_LABEL, 0, ANCHOR_MIDDLE, col_text);
		y += FS_LABEL * CAP + 5;
	}
	y0 = y + 2;
	y1 = y0 + c->ncat * rowh;
	for (j = 1; j <= ax.n; j++) {
		xx = x0 + j * ax.step / ax.top * (x1 - x0);
		p_line(L, xx, y0, xx, y1, col_grid, 0.5);
	}
	for (i = 0; i < c->ncat; i++) {
		x = cell(c, 0, i);
		cy = y0 + (i + 0.5) * rowh;
		if (x->hidden) {
			end = x0 + STUB;
			p_stub(L, x0, cy - bt / 2, STUB, bt, bar_color(c, i));
		} else {
			end = x0 + val(x) / ax.top * (x1 - x0);
			p_rect(L, x0, cy - bt / 2, end - x0, bt,
			    bar_color(c, i));
		}
		p_text(L, end + 4, cy + FS_LABEL * CAP / 2, shown(x),
		    FS_LABEL, 0, ANCHOR_START, col_text);
		for (j = 0; j < ls[i].n; j++)
			p_text(L, x0 - 6, cy - (ls[i].n - 1) * LINE_H / 2 +
			    j * LINE_H + FS_LABEL * CAP / 2, ls[i].l[j],
			    FS_LABEL, 0, ANCHOR_END, col_text);
	}
	p_line(L, x0, y0, x0, y1, col_text, 0.75);
	y = y1 + 4;
	for (j = 0; j <= ax.n; j++)
		p_text_own(L, x0 + j * ax.step / ax.top * (x1 - x0),
		    y + FS_LABEL * CAP, tick_text(c, &ax, j), FS_LABEL, 0,
		    ANCHOR_MIDDLE, col_text);
	y += FS_LABEL * CAP + 3;
	if (c->axis != NULL && *c->axis != '\0') {
		y += 6;
		p_text_own(L, (x0 + x1) / 2, y + FS_TITLE * CAP, fit(L,
		    c->axis, strlen(c->axis), L->w - 2 * PAD, FS_TITLE, 0,
		    &cut), FS_TITLE, 0, ANCHOR_MIDDLE, col_text);
		y += FS_TITLE * CAP + 3;
	}
	if (any_hidden(c, 0))
		y = note(L, y, "Gestippeld: afgeschermd aantal, "
		    "niet op schaal getekend");
	L->out->height = y + PAD;
	for (i = 0; i < c->ncat; i++)
		lines_free(&ls[i]);
	free(ls);
}

/* Adjacent vertical bars over bins. */
static void
lay_histogram(struct lay *L)
{
	const struct chart	*c = L->c;
	const struct chart_cell	*x;
	struct vplot		 P;
	double			 vmax = 0, maxshown = 0, w, gap, bw, bx, cx,
				 top, lastr = -1e300;
	size_t			 i;
	int			 values;

	for (i = 0; i < c->ncat; i++) {
		x = cell(c, 0, i);
		if (!x->hidden && val(x) > vmax)
			vmax = val(x);
		if ((w = tw(L, shown(x), FS_LABEL, 0)) > maxshown)
			maxshown = w;
	}
	vplot_init(L, vmax, 0, &P);
	vplot_frame(L, PAD, 13, &P);
	gap = P.slot > 4 ? 1 : 0;
	bw = P.slot - gap;
	values = maxshown <= P.slot - 2.5;
	for (i = 0; i < c->ncat; i++) {
		x = cell(c, 0, i);
		bx = P.x0 + i * P.slot + gap / 2;
		cx = bx + bw / 2;
		if (x->hidden) {
			top = P.y1 - STUB;
			p_stub(L, bx, top, bw, STUB, ser_color(c, 0));
			/* Always labelled, unless on top of the last label. */
			w = tw(L, shown(x), FS_LABEL, 0);
			if (!values && cx - w / 2 < lastr + 2)
				continue;
			lastr = cx + w / 2;
		} else {
			top = vy(&P, val(x));
			p_rect(L, bx, top, bw, P.y1 - top, ser_color(c, 0));
			if (!values)
				continue;
		}
		p_text(L, cx, top - 4, shown(x), FS_LABEL, 0, ANCHOR_MIDDLE,
		    col_text);
	}
	vplot_base(L, &P);
	L->out->height = vfinish(L, &P, vcat_thin(L, &P), 0) + PAD;
}

/* One bar per category, series stacked; hidden series as stubs on top. */
static void
lay_stacked(struct lay *L)
{
	const struct chart	*c = L->c;
	const struct chart_cell	*x;
	struct vplot		 P;
	struct prim		*p;
	double			 vmax = 0, sum, extra = 0, y, bw, bx, cx, yy,
				 h, nh;
	size_t			 i, s;
	const char		*col;

	for (i = 0; i < c->ncat; i++) {
		sum = nh = 0;
		for (s = 0; s < c->nser; s++) {
			x = cell(c, s, i);
			if (x->hidden)
				nh += STUB_STACK;
			else
				sum += val(x);
		}
		if (sum > vmax)
			vmax = sum;
		if (nh > extra)
			extra = nh;
	}
	vplot_init(L, vmax, 0, &P);
	y = PAD;
	if (c->nser > 1)
		y = legend_flow(L, y, 0);
	vplot_frame(L, y, 6 + extra, &P);
	bw = P.slot * 0.62 < BAR_MAX ? P.slot * 0.62 : BAR_MAX;
	for (i = 0; i < c->ncat; i++) {
		cx = P.x0 + (i + 0.5) * P.slot;
		bx = cx - bw / 2;
		yy = P.y1;
		for (s = 0; s < c->nser; s++) {
			x = cell(c, s, i);
			if (x->hidden || val(x) <= 0)
				continue;
			col = ser_color(c, s);
			h = val(x) / P.ax.top * (P.y1 - P.y0);
			p = p_rect(L, bx, yy - h, bw, h, col);
			setcol(p->stroke, col_white);
			p->lw = 0.5;
			if (h >= 12 && tw(L, shown(x), FS_LABEL, 0) <= bw - 4)
				p_text(L, cx, yy - h / 2 + FS_LABEL * CAP / 2,
				    shown(x), FS_LABEL, 0, ANCHOR_MIDDLE,
				    ink_on(col));
			yy -= h;
		}
		for (s = 0; s < c->nser; s++) {
			x = cell(c, s, i);
			if (!x->hidden)
				continue;
			p_stub(L, bx, yy - STUB_STACK, bw, STUB_STACK,
			    ser_color(c, s));
			if (tw(L, shown(x), FS_NOTE, 0) <= bw - 2)
				p_text(L, cx, yy - STUB_STACK / 2 +
				    FS_NOTE * CAP / 2, shown(x), FS_NOTE, 0,
				    ANCHOR_MIDDLE, col_text);
			yy -= STUB_STACK;
		}
	}
	vplot_base(L, &P);
	L->out->height = vfinish(L, &P, vcat_thin(L, &P), 1) + PAD;
}

static int
endlab_cmp(const void *a, const void *b)
{
	const struct endlab	*x = a, *y = b;

	if (x->y != y->y)
		return x->y < y->y ? -1 : 1;
	return x->s < y->s ? -1 : x->s > y->s;
}

/* A series' points from..to-1 (all visible) as a polyline. */
static void
line_run(struct lay *L, const struct vplot *P, size_t s, size_t from,
    size_t to)
{
	struct prim	*p;
	size_t		 i;

	if (to - from < 2)
		return;
	p = add(L, PRIM_POLYLINE);
	p->npts = to - from;
	p->pts = xreallocarray(NULL, 2 * p->npts, sizeof(*p->pts));
	for (i = from; i < to; i++) {
		p->pts[2 * (i - from)] = P->x0 + (i + 0.5) * P->slot;
		p->pts[2 * (i - from) + 1] = vy(P, val(cell(L->c, s, i)));
	}
	setcol(p->stroke, ser_color(L->c, s));
	p->lw = 2.0;
	p->dashed = ser_dash(L->c, s);
}

#define LINE_MAX_SER	6	/* lines one plot can show apart */
#define SM_COLS		3	/* small multiples: panels in a row */
#define SM_GAP		14.0	/* between panels */
#define SM_PLOT		64.0	/* a panel's plot height */

/*
 * Small multiples: a line chart of more than LINE_MAX_SER series as a
 * grid of small plots on one scale, one series each, titled with its
 * label (up to three lines, never shortened to another's text).
 */
static void
lay_multiples(struct lay *L)
{
	const struct chart	*c = L->c;
	const struct chart_cell	*x;
	struct vplot		 P;
	struct lines		*ls;
	struct prim		*p;
	double			 vmax = 0, pw, labw = 0, w, y, rowy, th, cy;
	size_t			 s, i, from, row, col, nrow;
	int			 k, j;

	for (s = 0; s < c->nser; s++)
		for (i = 0; i < c->ncat; i++) {
			x = cell(c, s, i);
			if (!x->hidden && val(x) > vmax)
				vmax = val(x);
		}
	memset(&P, 0, sizeof(P));
	nice_axis(vmax, !c->pct, 3, &P.ax);
	for (j = 0; j <= P.ax.n; j++)
		if ((w = tick_width(L, &P.ax, j)) > labw)
			labw = w;
	pw = (L->w - 2 * PAD - labw - 6 - (SM_COLS - 1) * SM_GAP) / SM_COLS;
	ls = xcalloc(c->nser, sizeof(*ls));
	for (s = 0; s < c->nser; s++)
		wrap(L, c->ser[s].label, pw, FS_LABEL, 1, MAXLINES, &ls[s]);
	y = PAD;
	if (c->axis != NULL && *c->axis != '\0') {
		k = 0;
		p_text_own(L, PAD, y + FS_TITLE * CAP, fit(L, c->axis,
		    strlen(c->axis), L->w - 2 * PAD, FS_TITLE, 0, &k),
		    FS_TITLE, 0, ANCHOR_START, col_text);
		y += FS_TITLE * CAP + 8;
	}
	nrow = (c->nser + SM_COLS - 1) / SM_COLS;
	for (row = 0; row < nrow; row++) {
		/* The row's titles take the lines of its longest. */
		th = 0;
		for (col = 0; col < SM_COLS; col++)
			if ((s = row * SM_COLS + col) < c->nser &&
			    ls[s].n * LINE_H > th)
				th = ls[s].n * LINE_H;
		rowy = y;
		for (col = 0; col < SM_COLS; col++) {
			if ((s = row * SM_COLS + col) >= c->nser)
				break;
			P.x0 = PAD + labw + 6 + col * (pw + SM_GAP);
			P.x1 = P.x0 + pw;
			P.slot = pw / (double)c->ncat;
			P.y0 = rowy + th + 6;
			P.y1 = P.y0 + SM_PLOT;
			for (k = 0; k < ls[s].n; k++)
				p_text(L, P.x0, rowy + k * LINE_H + FS_LABEL *
				    CAP + 1, ls[s].l[k], FS_LABEL, 1,
				    ANCHOR_START, col_text);
			for (j = 1; j <= P.ax.n; j++)
				p_line(L, P.x0, vy(&P, j * P.ax.step), P.x1,
				    vy(&P, j * P.ax.step), col_grid, 0.5);
			if (col == 0)
				for (j = 0; j <= P.ax.n; j++)
					p_text_own(L, P.x0 - 6, vy(&P, j *
					    P.ax.step) + FS_LABEL * CAP / 2,
					    tick_text(c, &P.ax, j), FS_LABEL, 0,
					    ANCHOR_END, col_text);
			for (from = i = 0; i <= c->ncat; i++)
				if (i == c->ncat || cell(c, s, i)->hidden) {
					line_run(L, &P, s, from, i);
					from = i + 1;
				}
			for (i = 0; i < c->ncat; i++) {
				x = cell(c, s, i);
				p = add(L, PRIM_CIRCLE);
				p->x = P.x0 + (i + 0.5) * P.slot;
				cy = x->hidden ? P.y1 - 4 : vy(&P, val(x));
				p->y = cy;
				p->r1 = x->hidden ? 3.0 : 2.5;
				setcol(p->fill, x->hidden ? col_white :
				    ser_color(c, s));
				if (x->hidden) {
					setcol(p->stroke, ser_color(c, s));
					p->lw = 1.0;
					p->dashed = 1;
				}
			}
			p_line(L, P.x0, P.y1, P.x1, P.y1, col_text, 0.75);
			/* The first and last category under each panel. */
			p_text(L, P.x0 + 0.5 * P.slot, P.y1 + 4 + FS_LABEL *
			    CAP, c->cat[0].label, FS_LABEL, 0, c->ncat > 1 ?
			    ANCHOR_START : ANCHOR_MIDDLE, col_text);
			if (c->ncat > 1)
				p_text(L, P.x0 + (c->ncat - 0.5) * P.slot,
				    P.y1 + 4 + FS_LABEL * CAP,
				    c->cat[c->ncat - 1].label, FS_LABEL, 0,
				    ANCHOR_END, col_text);
		}
		y = rowy + th + 6 + SM_PLOT + 4 + FS_LABEL * CAP + 14;
	}
	P.x0 = PAD + labw + 6;
	P.x1 = L->w - PAD;
	P.y1 = y - 14 - FS_LABEL * CAP - 4;
	L->out->height = vfinish(L, &P, y - 8, 1) + PAD;
	for (s = 0; s < c->nser; s++)
		lines_free(&ls[s]);
	free(ls);
}

/*
 * One line per series; a hidden point breaks the line and is drawn as
 * a dashed ring on the zero line, labelled.  More than LINE_MAX_SER
 * series are small multiples.
 */
static void
lay_line(struct lay *L)
{
	const struct chart	*c = L->c;
	const struct chart_cell	*x;
	struct vplot		 P;
	struct endlab		*el;
	struct prim		*p;
	unsigned		*nhid;
	double			 vmax = 0, maxshown = 0, rpad, w, y, cx, cy, lim;
	size_t			 i, s, from, nel = 0, last;
	int			 multi = c->nser > 1, values;

	if (c->nser > LINE_MAX_SER) {
		lay_multiples(L);
		return;
	}
	el = xcalloc(c->nser, sizeof(*el));
	nhid = xcalloc(c->ncat, sizeof(*nhid));
	rpad = 0;
	for (s = 0; s < c->nser; s++) {
		last = c->ncat;
		for (i = 0; i < c->ncat; i++) {
			x = cell(c, s, i);
			if ((w = tw(L, shown(x), FS_LABEL, 0)) > maxshown)
				maxshown = w;
			if (x->hidden)
				continue;
			if (val(x) > vmax)
				vmax = val(x);
			last = i;
		}
		if (multi && last < c->ncat) {
			el[nel].s = s;
			el[nel++].c = last;
			if ((w = tw(L, shown(cell(c, s, last)), FS_LABEL, 0) +
			    8) > rpad)
				rpad = w;
		}
	}
	/*
	 * End labels: past six series they would stand far from their
	 * lines and be read against the wrong one; the axis tells then.
	 */
	if (nel > 6)
		nel = 0, rpad = 0;
	if (!multi)
		rpad = maxshown / 2;
	vplot_init(L, vmax, rpad, &P);
	y = PAD;
	if (multi)
		y = legend_flow(L, y, 1);
	vplot_frame(L, y, 13, &P);
	values = !multi && maxshown <= P.slot - 2;

	for (s = 0; s < c->nser; s++) {
		for (from = i = 0; i <= c->ncat; i++)
			if (i == c->ncat || cell(c, s, i)->hidden) {
				line_run(L, &P, s, from, i);
				from = i + 1;
			}
		for (i = 0; i < c->ncat; i++) {
			x = cell(c, s, i);
			cx = P.x0 + (i + 0.5) * P.slot;
			p = add(L, PRIM_CIRCLE);
			p->x = cx;
			if (x->hidden) {
				cy = P.y1 - 5 - 11 * nhid[i]++;
				p->y = cy;
				p->r1 = 3.5;
				setcol(p->fill, col_white);
				setcol(p->stroke, ser_color(c, s));
				p->lw = 1.0;
				p->dashed = 1;
				p_text(L, cx + 6, cy + FS_NOTE * CAP / 2,
				    shown(x), FS_NOTE, 0, ANCHOR_START,
				    col_text);
				continue;
			}
			cy = vy(&P, val(x));
			p->y = cy;
			p->r1 = 2.75;
			setcol(p->fill, ser_color(c, s));
			if (values)
				p_text(L, cx, cy - 7, shown(x), FS_LABEL, 0,
				    ANCHOR_MIDDLE, col_text);
		}
	}
	/* End labels, moved apart where series end close together. */
	for (i = 0; i < nel; i++)
		el[i].y = vy(&P, val(cell(c, el[i].s, el[i].c)));
	qsort(el, nel, sizeof(*el), endlab_cmp);
	for (i = 1; i < nel; i++)
		if (el[i].y < el[i - 1].y + LINE_H)
			el[i].y = el[i - 1].y + LINE_H;
	/* Above the axis, clear of the category labels under it. */
	lim = P.y1 - FS_LABEL * CAP / 2 - 2;
	if (nel > 0 && el[nel - 1].y > lim)
		for (w = el[nel - 1].y - lim, i = 0; i < nel; i++)
			el[i].y -= w;
	for (i = 0; i < nel; i++)
		p_text(L, P.x0 + (el[i].c + 0.5) * P.slot + 6,
		    el[i].y + FS_LABEL * CAP / 2,
		    shown(cell(c, el[i].s, el[i].c)), FS_LABEL, 0,
		    ANCHOR_START, col_text);
	vplot_base(L, &P);
	L->out->height = vfinish(L, &P, vcat_thin(L, &P), 1) + PAD;
	free(nhid);
	free(el);
}

/*
 * A ring of wedges for the visible categories with a legend beside it
 * listing every category and what it shows; hidden categories are in
 * the legend only, with a dashed swatch, never in the ring.
 */
static void
lay_donut(struct lay *L)
{
	const struct chart	*c = L->c;
	const struct chart_cell	*x;
	struct lines		*ls;
	struct prim		*p;
	double			 R, cx, cy, lx, labmax, labw = 0, vw = 0, w,
				 lh = 0, rowh, ly, total = 0, a, da, vx, top;
	size_t			 i;
	int			 j;

	R = L->w * 0.18;
	R = R < 50 ? 50 : R > 96 ? 96 : R;
	lx = PAD + 2 * R + 28;
	for (i = 0; i < c->ncat; i++) {
		x = cell(c, 0, i);
		if ((w = tw(L, shown(x), FS_LABEL, 0)) > vw)
			vw = w;
		if (!x->hidden)
			total += val(x);
	}
	labmax = L->w - PAD - lx - 16 - 12 - vw;
	if (labmax < 40)
		labmax = 40;
	ls = xcalloc(c->ncat, sizeof(*ls));
	for (i = 0; i < c->ncat; i++)
		wrap(L, c->cat[i].label, labmax, FS_LABEL, 0, MAXLINES, &ls[i]);
	cat_distinct(L, ls, labmax);
	for (i = 0; i < c->ncat; i++) {
		if (ls[i].w > labw)
			labw = ls[i].w;
		lh += (ls[i].n > 1 ? ls[i].n : 1) * LINE_H + 5;
	}
	/* The value column right after the widest label. */
	vx = lx + 16 + labw + 12 + vw;

	top = PAD;
	cy = top + R;
	ly = lh < 2 * R ? cy - lh / 2 : top;
	cx = PAD + R;
	if (total <= 0) {
		p = add(L, PRIM_WEDGE);
		p->x = cx;
		p->y = cy;
		p->r0 = R * 0.58;
		p->r1 = R;
		p->a0 = 0;
		p->a1 = TURN;
		setcol(p->fill, col_empty);
	}
	for (a = 0, i = 0; i < c->ncat && total > 0; i++) {
		x = cell(c, 0, i);
		if (x->hidden || val(x) <= 0)
			continue;
		da = TURN * val(x) / total;
		p = add(L, PRIM_WEDGE);
		p->x = cx;
		p->y = cy;
		p->r0 = R * 0.58;
		p->r1 = R;
		p->a0 = a;
		p->a1 = a + da;
		setcol(p->fill, donut_color(c, i));
		setcol(p->stroke, col_white);
		p->lw = 1.0;
		a += da;
	}
	for (i = 0; i < c->ncat; i++) {
		x = cell(c, 0, i);
		rowh = (ls[i].n > 1 ? ls[i].n : 1) * LINE_H + 5;
		if (x->hidden)
			p_stub(L, lx + 0.5, ly + LINE_H / 2 - 4.5, 9, 9,
			    donut_color(c, i));
		else
			p_rect(L, lx, ly + LINE_H / 2 - 5, 10, 10,
			    donut_color(c, i));
		for (j = 0; j < ls[i].n; j++)
			p_text(L, lx + 16, ly + LINE_H / 2 + j * LINE_H +
			    FS_LABEL * CAP / 2, ls[i].l[j], FS_LABEL, 0,
			    ANCHOR_START, col_text);
		p_text(L, vx, ly + LINE_H / 2 + FS_LABEL * CAP / 2, shown(x),
		    FS_LABEL, 0, ANCHOR_END, col_text);
		ly += rowh;
	}
	w = top + 2 * R > ly ? top + 2 * R : ly;
	if (any_hidden(c, 0))
		w = note(L, w, "Gestippeld: afgeschermd aantal, "
		    "niet in de ring getekend");
	L->out->height = w + PAD;
	for (i = 0; i < c->ncat; i++)
		lines_free(&ls[i]);
	free(ls);
}

/*
 * Whether a bar chart stands upright: its categories and labels fit
 * side by side at CHART_WIDTH (never the width it is drawn at).
 */
static int
upright(const struct lay *L)
{
	struct chart_layout	 tmp;
	struct lay		 T = *L;
	int			 rc;

	memset(&tmp, 0, sizeof(tmp));
	T.out = &tmp;
	T.w = CHART_WIDTH;
	tmp.width = T.w;
	rc = lay_bar(&T);
	chart_layout_free(&tmp);
	return rc != -1;
}

const struct chart_typedef chart_types[CHART_NTYPES] = {
	{ "bar", CHART_BAR, CT_CODES | CT_NUMBERS, "staafdiagram" },
	{ "hbar", CHART_HBAR, CT_CODES, "liggend staafdiagram" },
	{ "stacked", CHART_STACKED, CT_CODES | CT_YEARS,
	    "gestapeld staafdiagram" },
	{ "histogram", CHART_HISTOGRAM, CT_NUMBERS, "histogram" },
	{ "donut", CHART_DONUT, CT_CODES | CT_WHOLE, "ringdiagram" },
	{ "line", CHART_LINE, CT_CODES | CT_YEARS, "lijndiagram" },
};

void
chart_number(struct chart *c, int n)
{
	c->number = n;
	snprintf(c->id, sizeof(c->id), "figuur-%d", n);
	snprintf(c->label, sizeof(c->label), "Figuur %d.", n);
}

const struct chart_typedef *
chart_type_find(const char *name)
{
	size_t	 i;

	for (i = 0; i < CHART_NTYPES; i++)
		if (strcmp(name, chart_types[i].name) == 0)
			return &chart_types[i];
	return NULL;
}

void
chart_layout(const struct chart *c, double width,
    const struct chart_measure *m, struct chart_layout *out)
{
	struct lay	 L;

	memset(out, 0, sizeof(*out));
	memset(&L, 0, sizeof(L));
	L.c = c;
	L.m = m;
	L.out = out;
	L.w = isfinite(width) && width >= 200 ? width : 200;
	out->width = L.w;
	if (c->ncat == 0 || c->nser == 0 || c->cat == NULL ||
	    c->ser == NULL || c->cell == NULL) {
		p_text(&L, PAD, PAD + FS_LABEL * CAP + 4, "Geen gegevens",
		    FS_LABEL, 0, ANCHOR_START, col_text);
		out->height = PAD + FS_LABEL + 8;
		return;
	}
	switch (c->type) {
	case CHART_BAR:
		if (!upright(&L) || lay_bar(&L) == -1)
			lay_hbar(&L);
		break;
	case CHART_HBAR:
		lay_hbar(&L);
		break;
	case CHART_STACKED:
		lay_stacked(&L);
		break;
	case CHART_HISTOGRAM:
		lay_histogram(&L);
		break;
	case CHART_DONUT:
		lay_donut(&L);
		break;
	case CHART_LINE:
		lay_line(&L);
		break;
	}
}
