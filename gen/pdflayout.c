/*
 * pdflayout.c: page breaking over box heights (see pdflayout.h).
 * One greedy pass in document order; the only look-ahead is the chain
 * of keep-with-next boxes and the first lines a paragraph needs.
 */
#include <stdlib.h>
#include <string.h>

#include "pdflayout.h"
#include "util.h"

#define EPS	1e-6	/* rounding slack when comparing heights */

/* Paginator state. */
struct pg {
	const struct pl_box	*b;	/* the boxes */
	size_t			 n;
	const struct pl_geom	*g;
	struct pl_layout	*out;
	size_t			 cap;	/* pieces allocated */
	double			 y;	/* bottom of the last piece on the page */
	double			 fn;	/* footnote space taken on the page */
	double			 after;	/* space below the last piece */
	int			 top;	/* nothing on the page yet */
	int			 fresh;	/* nothing but a repeated header yet */
	size_t			 pend;	/* a float waiting for the next page,
					   or n for none */
};

static int
orphans(const struct pl_box *b)
{
	return b->orphans > 0 ? b->orphans : 2;
}

static int
widows(const struct pl_box *b)
{
	return b->widows > 0 ? b->widows : 2;
}

static double
fnat(const struct pl_box *b, size_t i)
{
	return b->fn != NULL ? b->fn[i] : 0.0;
}

static double
max2(double a, double b)
{
	return a > b ? a : b;
}

/* The height of a whole box, padding included. */
static double
total(const struct pl_box *b)
{
	double	 h = b->pad_top + b->pad_bottom;
	size_t	 j;

	if (b->kind == PL_BLOCK)
		return h + b->height;
	for (j = 0; j < b->nlines; j++)
		h += b->line[j];
	return h;
}

/* A split box that fits on a page: kept whole. */
static int
kept(const struct pg *p, const struct pl_box *b)
{
	return b->split && total(b) <= p->g->body + EPS;
}

/* A lines box too short to leave orphans and widows: it never splits. */
static int
whole(const struct pl_box *b)
{
	return b->keep || b->nlines < (size_t)(orphans(b) + widows(b));
}

/* Whether content ending at y, with f more footnote space, fits. */
static int
fits(const struct pg *p, double y, double f)
{
	double	 fn = p->fn + f;

	return y <= p->g->body - (fn > 0 ? p->g->fn_sep + fn : 0) + EPS;
}

static double
gap(const struct pg *p, const struct pl_box *b)
{
	return p->top ? 0.0 : max2(p->after, b->before);
}

/*
 * The height (and footnote space) that must go on the current page for
 * box i to start there: its first lines or all of it, and for a keep
 * box the start of what follows.
 */
static void
need(const struct pg *p, size_t i, double *h, double *f)
{
	const struct pl_box	*b;
	size_t			 m, j;

	*h = *f = 0;
	for (;;) {
		b = &p->b[i];
		if (b->kind == PL_BLOCK) {
			*h += b->pad_top + b->height + b->pad_bottom;
			*f += fnat(b, 0);
		} else if (b->kind == PL_LINES) {
			m = whole(b) || kept(p, b) ? b->nlines :
			    (size_t)orphans(b);
			if (m > b->nlines)
				m = b->nlines;
			*h += b->pad_top + (m == b->nlines ? b->pad_bottom : 0);
			for (j = 0; j < m; j++) {
				*h += b->line[j];
				*f += fnat(b, j);
			}
		}
		if (!b->keep || i + 1 >= p->n || p->b[i + 1].kind == PL_BREAK)
			break;
		*h += max2(b->after, p->b[i + 1].before);
		i++;
	}
}

static struct pl_piece *
add(struct pg *p, size_t box)
{
	struct pl_layout	*o = p->out;
	struct pl_piece		*pc;

	if (o->npiece == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 64;
		o->piece = xreallocarray(o->piece, p->cap, sizeof(*o->piece));
	}
	pc = &o->piece[o->npiece++];
	memset(pc, 0, sizeof(*pc));
	pc->box = box;
	pc->page = o->npages - 1;
	return pc;
}

static void
close_page(struct pg *p)
{
	struct pl_page	*pp = &p->out->page[p->out->npages - 1];

	pp->used = p->y;
	pp->fn = p->fn;
}

static void	 place_block(struct pg *, size_t, int);

static void
new_page(struct pg *p, size_t next)
{
	struct pl_layout	*o = p->out;
	size_t			 next_pend;

	close_page(p);
	o->page = xreallocarray(o->page, (size_t)o->npages + 1,
	    sizeof(*o->page));
	memset(&o->page[o->npages++], 0, sizeof(*o->page));
	p->y = p->fn = p->after = 0;
	p->top = 1;
	p->fresh = 1;
	if (p->pend < p->n) {
		/* The float that waited: first on the page. */
		next_pend = p->pend;
		p->pend = p->n;
		place_block(p, next_pend, 0);
		p->fresh = 0;
	}
	if (next < p->n && p->b[next].repeat >= 0 &&
	    (size_t)p->b[next].repeat != next &&
	    (size_t)p->b[next].repeat < p->n)
		place_block(p, (size_t)p->b[next].repeat, 1);
}

static void
place_block(struct pg *p, size_t i, int repeated)
{
	const struct pl_box	*b = &p->b[i];
	struct pl_piece		*pc;
	double			 y0, h, f;

	y0 = p->y + gap(p, b);
	h = b->pad_top + b->height + b->pad_bottom;
	f = repeated ? 0 : fnat(b, 0);
	pc = add(p, i);
	if (!repeated && (p->top || p->fresh) && !fits(p, y0 + h, f)) {
		p->out->overflow++;
		pc->over = 1;
	}
	pc->y = y0;
	pc->h = h;
	pc->from = 0;
	pc->to = 1;
	pc->first = pc->last = 1;
	pc->repeated = repeated;
	p->y = y0 + h;
	p->fn += f;
	p->after = b->after;
	p->top = 0;
	p->fresh = p->fresh && repeated;
}

static void
place_lines(struct pg *p, size_t i)
{
	const struct pl_box	*b = &p->b[i];
	struct pl_piece		*pc;
	size_t			 from = 0, k, kk, r;
	double			 y0, pt, hs, fs, hh, ff;
	int			 last, over = 0;

	while (from < b->nlines) {
		y0 = p->y + gap(p, b);
		pt = from == 0 ? b->pad_top : 0;
		/* How many lines fit, with their footnotes. */
		hs = pt;
		fs = 0;
		for (k = 0; from + k < b->nlines; k++) {
			hh = hs + b->line[from + k];
			ff = fs + fnat(b, from + k);
			last = from + k + 1 == b->nlines;
			if (!fits(p, y0 + hh + (last ? b->pad_bottom : 0), ff))
				break;
			hs = hh;
			fs = ff;
		}
		r = b->nlines - from;
		if (k < r && kept(p, b) && from == 0 && !p->top &&
		    !p->fresh) {
			/* Whole on the next page, split only there. */
			new_page(p, i);
			continue;
		}
		if (k < r) {
			/* A break inside: respect widows and orphans. */
			kk = k;
			if (r >= (size_t)widows(b) && kk > r - (size_t)widows(b))
				kk = r - (size_t)widows(b);
			if (from == 0 && kk < (size_t)orphans(b))
				kk = 0;
			if (kk == 0 && !p->top && !p->fresh) {
				new_page(p, i);
				continue;
			}
			if (kk == 0) {
				/* An empty page too small: break anyway. */
				kk = k > 0 ? k : 1;
				over = k == 0;
				if (over)
					p->out->overflow++;
			}
			if (kk >= r)
				k = r;
			else
				k = kk;
		}
		pc = add(p, i);
		pc->over = over;
		over = 0;
		pc->y = y0;
		pc->from = from;
		pc->to = from + k;
		pc->first = from == 0;
		pc->last = from + k == b->nlines;
		pc->h = pt + (pc->last ? b->pad_bottom : 0);
		for (kk = from; kk < from + k; kk++) {
			pc->h += b->line[kk];
			p->fn += fnat(b, kk);
		}
		p->y = y0 + pc->h;
		p->after = b->after;
		p->top = 0;
		p->fresh = 0;
		from += k;
		if (from < b->nlines)
			new_page(p, i);
	}
}

void
pl_paginate(const struct pl_box *b, size_t n, const struct pl_geom *g,
    struct pl_layout *out)
{
	struct pg	 p;
	size_t		 i;
	double		 h, f;
	int		 brk = 0;

	memset(out, 0, sizeof(*out));
	memset(&p, 0, sizeof(p));
	p.b = b;
	p.n = n;
	p.g = g;
	p.out = out;
	p.top = 1;
	p.pend = n;
	out->page = xcalloc(1, sizeof(*out->page));
	out->npages = 1;
	for (i = 0; i < n; i++) {
		/* A break waits for content, so that none ends a page empty. */
		if (b[i].kind == PL_BREAK) {
			/* A float never leaves its chapter. */
			if (p.pend < n)
				new_page(&p, i);
			brk = brk || !p.top;
			continue;
		}
		if (b[i].kind == PL_BLOCK && b[i].floats && p.pend < n)
			new_page(&p, i);	/* floats keep their order */
		if ((b[i].kind == PL_LINES && b[i].nlines == 0) || b[i].ghost)
			continue;
		if (brk) {
			new_page(&p, i);
			brk = 0;
		}
		if (!p.top) {
			need(&p, i, &h, &f);
			if (!fits(&p, p.y + gap(&p, &b[i]) + h, f)) {
				if (b[i].kind == PL_BLOCK && b[i].floats &&
				    !p.fresh) {
					p.pend = i;	/* the text goes on */
					continue;
				}
				new_page(&p, i);
			}
		}
		if (b[i].kind == PL_BLOCK)
			place_block(&p, i, 0);
		else
			place_lines(&p, i);
	}
	if (p.pend < n)
		new_page(&p, n);
	close_page(&p);
	/* Words broken over two pages. */
	for (i = 0; i < out->npiece; i++) {
		const struct pl_piece *pc = &out->piece[i];

		if (pc->repeated || pc->last || pc->to == 0 ||
		    b[pc->box].kind != PL_LINES || b[pc->box].hy == NULL ||
		    !b[pc->box].hy[pc->to - 1])
			continue;
		out->hyend = xreallocarray(out->hyend, out->nhyend + 1,
		    sizeof(*out->hyend));
		out->hyend[out->nhyend++] = i;
	}
}

long
pl_hyph_run(const unsigned char *hy, size_t n, int max)
{
	size_t	 i;
	int	 run = 0;

	for (i = 0; hy != NULL && i + 1 < n; i++) {
		run = hy[i] ? run + 1 : 0;
		if (run > max)
			return (long)i;
	}
	return -1;
}

void
pl_layout_free(struct pl_layout *l)
{
	if (l == NULL)
		return;
	free(l->piece);
	free(l->page);
	free(l->hyend);
	memset(l, 0, sizeof(*l));
}
