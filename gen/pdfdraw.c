/*
 * pdfdraw.c: the PDF back-end's pages drawn with Cairo: each piece of
 * a box where pagination put it (lines, headings, figures, table rows,
 * contents entries with their leaders), the frames of callouts, quotes
 * and code, footnotes at the page's foot, the cover with its band and
 * logo, and the running footer.
 *
 * Cairo writes a soft hyphen's glyph with one Unicode mapping for
 * every use, so lines are drawn cluster by cluster here: a word broken
 * at a line end carries its whole text (as ActualText) on the hyphen
 * and its continuation carries none, and soft hyphens inside a line
 * are not written at all.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>

#include "chart.h"
#include "chart_cairo.h"
#include "diag.h"
#include "doc.h"
#include "edition.h"
#include "fmt.h"
#include "fonts.h"
#include "logo.h"
#include "pdf.h"
#include "pdf_int.h"
#include "pdfa.h"
#include "util.h"

static const char *const col_hex[NCOL] = {
	"#1a1a1a", "#4f4f4f", "#154273", NULL, NULL, "#c9c9c9", "#f2f2f2",
	"#a34400", "#8a3a00", "#fdf1e4", "#ffffff", "#f7f7f7", "#dcdcdc",
	"#6b6b6b", "#d9d9d9"
};

/* --- colours ------------------------------------------------------------ */

static int
parse_rgb(const char *s, struct rgb *c)
{
	double	 v[3];

	if (chart_rgb(s, v) != 0)
		return -1;
	c->r = v[0];
	c->g = v[1];
	c->b = v[2];
	return 0;
}

/* t of c over white. */
static struct rgb
tint(struct rgb c, double t)
{
	struct rgb	 m;

	m.r = 1 - t + t * c.r;
	m.g = 1 - t + t * c.g;
	m.b = 1 - t + t * c.b;
	return m;
}

void
draw_colors(struct pr *r)
{
	size_t	 i;

	for (i = 0; i < NCOL; i++)
		if (col_hex[i] != NULL)
			parse_rgb(col_hex[i], &r->col[i]);
	parse_rgb(r->e->meta.brand_color.s, &r->col[C_ACCENT]);
	r->col[C_TINT] = tint(r->col[C_ACCENT], geom.tint);
	r->col[C_TINT_STRONG] = tint(r->col[C_ACCENT],
	    geom.tint_strong);
}

static void
source(struct pr *r, struct rgb c)
{
	cairo_set_source_rgb(r->cr, c.r, c.g, c.b);
}

static void
fill_rect(struct pr *r, enum col c, double x, double y, double w, double h)
{
	source(r, r->col[c]);
	cairo_rectangle(r->cr, x, y, w, h);
	cairo_fill(r->cr);
}

/* --- lines, cluster by cluster ------------------------------------------ */

static int
link_at(const struct ptext *t, unsigned off)
{
	size_t	 i;

	for (i = 0; i < t->nlinks; i++)
		if (off >= t->links[i].start && off < t->links[i].end)
			return (int)i;
	return -1;
}

static void
seg_end(struct pr *r, int *cur)
{
	if (*cur == -2)
		return;
	cairo_tag_end(r->cr, *cur >= 0 ? CAIRO_TAG_LINK : "Span");
	*cur = -2;
}

/* How a line's words broken at line ends are written (see the top). */
struct hyline {
	const char	*rem;		/* text of the word's rest, for the line
					   end's hyphen, or NULL */
	size_t		 remlen;
	int		 hy;		/* the line end's hyphen: its offset */
	int		 soft;		/* it is a soft hyphen (else '-') */
	int		 hide;		/* bytes before this offset continue
					   the previous line's word: no text */
	int		 squeeze;	/* taken from every space of the line
					   (Pango units), so that a line end's
					   hyphen stays inside the measure */
};

/* Appends text[from, to) without soft hyphens and zero-width spaces. */
static void
add_noshy(struct buf *b, const char *text, int from, int to)
{
	int	 i;

	for (i = from; i < to; i++) {
		if ((unsigned char)text[i] == 0xc2 && i + 1 < to &&
		    (unsigned char)text[i + 1] == 0xad) {
			i++;
			continue;
		}
		if (i + 2 < to && (memcmp(text + i, ZWSP, 3) == 0 ||
		    memcmp(text + i, ZWNJ, 3) == 0)) {
			i += 2;
			continue;
		}
		buf_putc(b, text[i]);
	}
}

/*
 * Shows one glyph run at (x, y) as pango_cairo_show_glyph_item() would,
 * but with its own text clusters: no soft hyphens, the whole word on a
 * line end's hyphen, no text on the word's continuation.
 */
static void
show_run(cairo_t *cr, const char *text, PangoGlyphItem *gi, double x,
    double y, const struct hyline *h)
{
	PangoGlyphString	*gs = gi->glyphs;
	PangoGlyphItemIter	 it;
	cairo_glyph_t		*g;
	cairo_text_cluster_t	*cl;
	struct buf		 u = { NULL, 0, 0 };
	size_t			 before;
	int			 ng = 0, nc = 0, i, k;
	int			 hidden, prevhid = 0;
	int64_t			 cx = 0, *gx;	/* Pango units: a long line
						   passes INT_MAX */
	gboolean		 ok;

	g = xcalloc((size_t)gs->num_glyphs + 1, sizeof(*g));
	cl = xcalloc((size_t)gs->num_glyphs + 1, sizeof(*cl));
	gx = xcalloc((size_t)gs->num_glyphs + 1, sizeof(*gx));
	for (i = 0; i < gs->num_glyphs; i++) {
		gx[i] = cx;
		cx += gs->glyphs[i].geometry.width;
		if (text[gi->item->offset + gs->log_clusters[i]] == ' ')
			cx -= h->squeeze;
	}
	for (ok = pango_glyph_item_iter_init_start(&it, gi, text); ok;
	    ok = pango_glyph_item_iter_next_cluster(&it)) {
		int n = 0;

		for (i = it.start_glyph; i < it.end_glyph; i++) {
			PangoGlyphInfo *gl = &gs->glyphs[i];

			if (gl->glyph == PANGO_GLYPH_EMPTY ||
			    (gl->glyph & PANGO_GLYPH_UNKNOWN_FLAG))
				continue;
			g[ng].index = gl->glyph;
			g[ng].x = x + (double)(gx[i] + gl->geometry.x_offset) /
			    PANGO_SCALE;
			g[ng].y = y + (double)gl->geometry.y_offset /
			    PANGO_SCALE;
			ng++;
			n++;
		}
		hidden = it.start_index < h->hide;
		if (h->rem != NULL && n > 0 && it.start_index == h->hy) {
			/* The line end's hyphen: with the word before. */
			if (nc > 0 && !prevhid) {
				before = u.len;
				if (!h->soft)
					buf_putc(&u, '-');
				add_noshy(&u, h->rem, 0, (int)h->remlen);
				cl[nc - 1].num_glyphs += n;
				cl[nc - 1].num_bytes += (int)(u.len - before);
				continue;
			}
			hidden = h->soft;
		}
		before = u.len;
		if (!hidden)
			add_noshy(&u, text, it.start_index, it.end_index);
		k = (int)(u.len - before);
		if (k == 0 && n == 0)
			continue;
		if (hidden && prevhid && nc > 0) {
			cl[nc - 1].num_glyphs += n;
			continue;
		}
		cl[nc].num_bytes = k;
		cl[nc].num_glyphs = n;
		nc++;
		prevhid = hidden;
	}
	if (ng > 0 || u.len > 0) {
		cairo_set_scaled_font(cr, pango_cairo_font_get_scaled_font(
		    (PangoCairoFont *)gi->item->analysis.font));
		cairo_show_text_glyphs(cr, u.s != NULL ? u.s : "", (int)u.len,
		    g, ng, cl, nc, 0);
	}
	buf_free(&u);
	free(gx);
	free(cl);
	free(g);
}

/* The number of spaces in a glyph run. */
static int
spaces(const char *text, const PangoGlyphItem *gi)
{
	int	 i, n = 0;

	for (i = 0; i < gi->glyphs->num_glyphs; i++)
		if (text[gi->item->offset + gi->glyphs->log_clusters[i]] == ' ')
			n++;
	return n;
}

/*
 * What to take from each space of line l (extents lr) so that it ends
 * inside the layout's width: Pango sets a justified line's hyphen
 * beyond it.
 */
static int
squeeze(const struct ptext *t, PangoLayoutLine *l, const PangoRectangle *lr)
{
	const char	*s = pango_layout_get_text(t->pl);
	int		 w = pango_layout_get_width(t->pl), over, n = 0, i, end;

	if (w <= 0 || (over = lr->x + lr->width - w) <= 0)
		return 0;
	end = l->start_index + l->length;
	while (end > l->start_index && (s[end - 1] == ' ' ||
	    s[end - 1] == '\n'))
		end--;
	for (i = l->start_index; i < end; i++)
		if (s[i] == ' ')
			n++;
	return n > 0 ? (over + n - 1) / n : 0;
}

/* Draws one line with its baseline at by, run by run. */
static void
draw_line(struct pr *r, const struct ptext *t, PangoLayoutLine *line,
    double x, double by, int seg, int *cur, const struct hyline *h)
{
	const char	*text = pango_layout_get_text(t->pl);
	PangoGlyphItem	*gi;
	PangoAttribute	*a;
	GSList		*l, *e;
	struct rgb	 c;
	double		 w;
	int		 k, ul, strike;

	for (l = line->runs; l != NULL; l = l->next) {
		gi = l->data;
		if (seg) {
			k = link_at(t, (unsigned)gi->item->offset);
			if (k != *cur) {
				seg_end(r, cur);
				if (k >= 0)
					cairo_tag_begin(r->cr, CAIRO_TAG_LINK,
					    t->links[k].attr);
				else
					cairo_tag_begin(r->cr, "Span", "");
				*cur = k;
			}
		}
		c = t->color;
		ul = strike = 0;
		for (e = gi->item->analysis.extra_attrs; e != NULL;
		    e = e->next) {
			a = e->data;
			if (a->klass->type == PANGO_ATTR_FOREGROUND) {
				PangoColor *pc = &((PangoAttrColor *)a)->color;

				c.r = pc->red / 65535.0;
				c.g = pc->green / 65535.0;
				c.b = pc->blue / 65535.0;
			} else if (a->klass->type == PANGO_ATTR_UNDERLINE)
				ul = ((PangoAttrInt *)a)->value !=
				    PANGO_UNDERLINE_NONE;
			else if (a->klass->type == PANGO_ATTR_STRIKETHROUGH)
				strike = ((PangoAttrInt *)a)->value;
		}
		w = (double)(pango_glyph_string_get_width(gi->glyphs) -
		    spaces(text, gi) * h->squeeze) / PANGO_SCALE;
		source(r, c);
		show_run(r->cr, text, gi, x, by - (double)gi->y_offset /
		    PANGO_SCALE, h);
		if (ul) {
			cairo_rectangle(r->cr, x, by + t->size * geom.ul_pos,
			    w, t->size * geom.line_th);
			cairo_fill(r->cr);
		}
		if (strike) {
			cairo_rectangle(r->cr, x, by - t->size *
			    geom.strike_pos, w, t->size * geom.line_th);
			cairo_fill(r->cr);
		}
		x += w;
	}
	/* A link ends with its line, so that its rectangle is the line's. */
	if (seg && *cur >= 0)
		seg_end(r, cur);
}

/* End (byte offset) of the word that starts line i of t. */
static int
word_end(const struct ptext *t, int i)
{
	PangoLayoutLine	*l = pango_layout_get_line_readonly(t->pl, i);
	const char	*text = pango_layout_get_text(t->pl), *p, *end;
	gunichar	 c;

	p = text + l->start_index;
	end = text + l->start_index + l->length;
	while (p < end) {
		c = g_utf8_get_char_validated(p, end - p);
		if (c == (gunichar)-1 || c == (gunichar)-2 ||
		    (!g_unichar_isalnum(c) && c != 0xad && c != 0x200c))
			break;
		p = g_utf8_next_char(p);
	}
	return (int)(p - text);
}

/*
 * How line i of t writes its broken words.  A word broken over more
 * than two lines (a narrow table column) is written whole on the
 * first line's hyphen; the lines it fills completely write nothing.
 */
static void
hyline(const struct ptext *t, int i, struct hyline *h)
{
	PangoLayoutLine	*l;
	int		 soft, j, hy;

	memset(h, 0, sizeof(*h));
	h->hide = -1;
	if (pt_hy_end(t, i - 1, &soft) >= 0)
		h->hide = word_end(t, i);
	if ((h->hy = pt_hy_end(t, i, &h->soft)) >= 0 && i + 1 < t->nlines) {
		if (h->hide >= h->hy)
			return;		/* the middle of a word */
		l = pango_layout_get_line_readonly(t->pl, i + 1);
		h->rem = pango_layout_get_text(t->pl) + l->start_index;
		for (j = i + 1; j + 1 < t->nlines; j++)
			if ((hy = pt_hy_end(t, j, &soft)) < 0 || !soft ||
			    word_end(t, j) < hy)
				break;
		h->remlen = (size_t)(word_end(t, j) - l->start_index);
	}
}

/*
 * Draws lines [from, to) of t, the first one's top at y.  With seg,
 * every run goes in a Span or Link element of its own (the caller's
 * element holds them); else in whatever element is open.
 */
static void
draw_lines(struct pr *r, const struct ptext *t, double x, double y,
    int from, int to, int seg)
{
	PangoLayoutIter	*it;
	PangoRectangle	 lr;
	struct hyline	 h;
	int		 i = 0, cur = -2;

	if (t->pl == NULL)
		return;
	it = pango_layout_get_iter(t->pl);
	do {
		if (i >= to)
			break;
		if (i >= from) {
			pango_layout_iter_get_line_extents(it, NULL, &lr);
			hyline(t, i, &h);
			h.squeeze = squeeze(t,
			    pango_layout_iter_get_line_readonly(it), &lr);
			draw_line(r, t, pango_layout_iter_get_line_readonly(it),
			    x + (double)lr.x / PANGO_SCALE,
			    y + (i - from) * t->lead + t->base, seg, &cur, &h);
		}
		i++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	seg_end(r, &cur);
}

/* --- text, footnotes, rows, contents ------------------------------------ */

/*
 * Draws lines of t as the text of element sn: directly in it when the
 * whole text is drawn at once and has no links, else as Span and Link
 * children (text in an element with children would be lost).
 */
static void
draw_text(struct pr *r, struct snode *sn, const struct ptext *t, double x,
    double y, int from, int to, int whole)
{
	int	 seg = t->nlinks > 0 || !whole;

	if (t->pl == NULL || *pango_layout_get_text(t->pl) == '\0')
		return;
	tag_to(r, sn);
	draw_lines(r, t, x, y, from, to, seg);
	if (!seg)
		tag_pop(r);
}

/* The footnotes first referred to on lines [from, to) of t, owner's children. */
static void
notes(struct pr *r, struct snode *owner, const struct ptext *t, int from,
    int to)
{
	struct fnote	*f;
	size_t		 i, j;
	char		 name[32];

	for (i = 0; i < t->nfns; i++) {
		if (!t->fns[i].first || t->fns[i].line < from ||
		    t->fns[i].line >= to)
			continue;
		f = &r->fn[t->fns[i].num];
		if (f->drawn)
			continue;
		f->drawn = 1;
		if (!r->fnrule) {
			tag_art_begin(r, PDFA_TAG_ARTIFACT);
			source(r, r->col[C_TEXT]);
			cairo_rectangle(r->cr, geom.m_left, r->fncur -
			    geom.fn_sep / 2, geom.fn_rule_w, geom.hair);
			cairo_fill(r->cr);
			tag_art_end(r, PDFA_TAG_ARTIFACT);
			r->fnrule = 1;
		}
		snprintf(name, sizeof(name), "fn-%d", t->fns[i].num);
		tag_dest(r, name, geom.m_left, r->fncur - geom.fn_dest_up);
		f->note->parent = owner;
		draw_text(r, f->lbl, &f->num, geom.m_left, r->fncur, 0, 1, 1);
		draw_text(r, f->p, &f->t, geom.m_left + geom.fn_ind,
		    r->fncur, 0, f->t.nlines, 1);
		for (j = 0; j < f->nblk; j++) {
			const struct fblock *b = &f->blk[j];

			draw_text(r, b->sn, &b->t, geom.m_left + geom.fn_ind +
			    b->x, r->fncur + b->y, 0, b->t.nlines, 1);
		}
		r->fncur += f->h;
	}
}

/*
 * Draws lines [from, to) of a row's cells in a piece at y of height h
 * (its top padding included when from is 0), with the row's rules.
 */
static void
draw_row(struct pr *r, const struct row *row, double x, double y,
    double h, int from, int to, int tagged)
{
	size_t	 i;
	double	 ty = y + (from == 0 ? row->py : 0), w;
	int	 n, last = 1;

	for (i = 0; i < row->nc; i++) {
		const struct cell *c = &row->c[i];

		n = c->t.nlines < to ? c->t.nlines : to;
		if (c->t.nlines > to)
			last = 0;
		if (from >= n)
			continue;
		if (tagged) {
			draw_text(r, c->sn, &c->t, x + c->x + row->px, ty,
			    from, n, from == 0 && n == c->t.nlines);
			notes(r, c->sn, &c->t, from, n);
		} else
			draw_lines(r, &c->t, x + c->x + row->px, ty,
			    from, n, 0);
	}
	if (row->nc == 0)
		return;
	x += row->c[0].x;
	w = row->c[row->nc - 1].x + row->c[row->nc - 1].w - row->c[0].x;
	if (tagged)
		tag_art_begin(r, PDFA_TAG_ARTIFACT);
	switch (row->kind) {
	case ROW_HEAD:
		fill_rect(r, C_TEXT, x, y + h - geom.head_rule, w,
		    geom.head_rule);
		break;
	case ROW_BODY:
		if (last)
			fill_rect(r, C_ROW, x, y + h - geom.hair, w,
			    geom.hair);
		break;
	case ROW_TOTAL:
		if (from == 0)
			fill_rect(r, C_TEXT, x, y, w, geom.head_rule);
		break;
	}
	if (tagged)
		tag_art_end(r, PDFA_TAG_ARTIFACT);
}

/* Dotted leader from x0 to x1 on baseline y. */
static void
leader(struct pr *r, double x0, double x1, double y)
{
	double	 x;

	if (x1 - geom.leader_end <= x0)
		return;
	tag_art_begin(r, PDFA_TAG_ARTIFACT);
	source(r, r->col[C_RULE]);
	for (x = x1 - geom.leader_end; x > x0; x -= geom.leader_step) {
		cairo_new_sub_path(r->cr);
		cairo_arc(r->cr, x, y - geom.leader_rise, geom.leader_r, 0,
		    2 * G_PI);
	}
	cairo_fill(r->cr);
	tag_art_end(r, PDFA_TAG_ARTIFACT);
}

static void
draw_toc(struct pr *r, const struct box *b, double x, double y)
{
	struct ptext	 pn;
	PangoRectangle	 lr;
	PangoLayoutLine	*last;
	size_t		 i;
	char		 num[16], *attr;
	double		 by, tx = x + b->text_x, endx;
	int		 page;

	i = box_find_dest(r, b->dest, B_HEADING);
	page = i < r->nb ? r->bpage[i] : -1;
	snprintf(num, sizeof(num), "%d", page >= 0 ? box_pageno(page) : 0);
	pt_str(r, &pn, num, b->level == 1 ? ST_TOC1 : ST_TOC2, 0,
	    PANGO_ALIGN_LEFT);
	tag_to(r, b->auxsn);
	attr = xasprintf("dest='%s'", b->dest);
	cairo_tag_begin(r->cr, CAIRO_TAG_LINK, attr);
	free(attr);
	if (b->aux.pl != NULL)
		draw_lines(r, &b->aux, x, y, 0, 1, 0);
	draw_lines(r, &b->t, tx, y, 0, b->t.nlines, 0);
	by = y + (b->t.nlines - 1) * b->t.lead + b->t.base;
	draw_lines(r, &pn, x + b->w - pt_width(&pn), by - pn.base, 0, 1, 0);
	last = pango_layout_get_line_readonly(b->t.pl, b->t.nlines - 1);
	pango_layout_line_get_extents(last, NULL, &lr);
	endx = tx + (double)(lr.x + lr.width) / PANGO_SCALE;
	cairo_tag_end(r->cr, CAIRO_TAG_LINK);
	leader(r, endx + geom.leader_before, x + b->w - pt_width(&pn) -
	    geom.leader_after, by);
	pt_free(&pn);
}

/* --- pieces and frames -------------------------------------------------- */

/* A frame's outline: a co_line rule just inside x, y, w, h. */
static void
frame_line(struct pr *r, enum col c, double x, double y, double w, double h)
{
	source(r, r->col[c]);
	cairo_set_line_width(r->cr, geom.co_line);
	cairo_rectangle(r->cr, x + geom.co_line / 2, y + geom.co_line / 2,
	    w - geom.co_line, h - geom.co_line);
	cairo_stroke(r->cr);
}

void
draw_piece(struct pr *r, const struct pl_piece *pc)
{
	struct box	*b = r->b[pc->box];
	double		 x = geom.m_left + b->x, y = geom.m_top + pc->y, ty, cy,
			 h;
	size_t		 i;

	ty = y + (pc->first ? b->pl.pad_top : 0);
	/* A contents entry links to its heading's name; it has none. */
	if (pc->first && !pc->repeated && b->dest != NULL &&
	    b->kind != B_TOC)
		tag_dest(r, b->dest, x, ty - geom.dest_up);
	switch (b->kind) {
	case B_TEXT:
		if (pc->first && b->mark.pl != NULL)
			draw_text(r, b->marksn, &b->mark, x + b->mark_x,
			    ty + b->mark_y, 0, 1, 1);
		if (b->label && pc->first) {
			tag_art_begin(r, PDFA_TAG_ARTIFACT);
			source(r, r->col[C_ACCENT]);
			cairo_rectangle(r->cr, x - geom.label_px,
			    ty + geom.label_py, pt_width(&b->t) +
			    2 * geom.label_px, b->t.lead - 2 * geom.label_py);
			cairo_fill(r->cr);
			tag_art_end(r, PDFA_TAG_ARTIFACT);
		}
		draw_text(r, b->sn, &b->t, x, ty, (int)pc->from, (int)pc->to,
		    pc->first && pc->last);
		notes(r, b->sn, &b->t, (int)pc->from, (int)pc->to);
		break;
	case B_HEADING:
		tag_to(r, b->sn);
		if (b->aux.pl != NULL)
			draw_lines(r, &b->aux, x, ty, 0, b->aux.nlines,
			    b->t.nlines > 0 && b->t.nlinks > 0);
		cy = ty + b->text_y;
		draw_lines(r, &b->t, x, cy, 0, b->t.nlines, b->t.nlinks > 0);
		if (b->t.nlinks == 0)
			tag_pop(r);
		notes(r, b->sn, &b->t, 0, b->t.nlines);
		break;
	case B_FIGURE:
		tag_art_begin(r, PDFA_TAG_ARTIFACT);
		fill_rect(r, C_RULE, x, ty, b->w, geom.hair);
		tag_art_end(r, PDFA_TAG_ARTIFACT);
		/*
		 * A figure moved forward is opened after siblings that
		 * follow it: the archival pass moves it back before them.
		 */
		r->figback = xreallocarray(r->figback, r->nalt + 1,
		    sizeof(*r->figback));
		r->figback[r->nalt] = 0;
		for (i = 0; i < r->nplog; i++)
			if (r->plog[i] == b->sn->parent &&
			    r->plogbox[i] > pc->box)
				r->figback[r->nalt]++;
		tag_to(r, b->sn);
		r->alt = xreallocarray(r->alt, r->nalt + 1, sizeof(*r->alt));
		r->alt[r->nalt++] = b->chart->desc != NULL ? b->chart->desc :
		    b->chart->title != NULL ? b->chart->title : "";
		cairo_tag_begin(r->cr, "Span", "");
		chart_cairo_draw(&b->cl, r->cr, r->o->fonts, x,
		    ty + b->chart_y);
		cairo_tag_end(r->cr, "Span");
		draw_text(r, b->auxsn, &b->aux, x, ty + b->cap_y, 0,
		    b->aux.nlines, 1);
		tag_art_begin(r, PDFA_TAG_ARTIFACT);
		fill_rect(r, C_RULE, x, ty + b->pl.height - geom.hair, b->w,
		    geom.hair);
		tag_art_end(r, PDFA_TAG_ARTIFACT);
		break;
	case B_TABLE:
		/* The caption; the rows are boxes of their own. */
		draw_text(r, b->auxsn, &b->aux, x, ty, 0, b->aux.nlines, 1);
		break;
	case B_ROW:
		/*
		 * A header row repeated on the next page, with a table's
		 * "(vervolg)" caption above it: decoration.
		 */
		if (pc->repeated) {
			tag_art_begin(r, PDFA_TAG_ARTIFACT);
			if (b->aux.pl != NULL) {
				draw_lines(r, &b->aux, x, y, 0, b->aux.nlines,
				    0);
				y += b->text_y;
			}
			draw_row(r, &b->rows[0], x, y, b->rows[0].h, 0,
			    INT_MAX, 0);
			tag_art_end(r, PDFA_TAG_ARTIFACT);
		} else if (b->pl.kind == PL_LINES) {
			/* Without the padding of frames around the table. */
			h = pc->h;
			if (pc->first) {
				h -= b->pl.pad_top - b->own_pt;
				y += b->pl.pad_top - b->own_pt;
			}
			if (pc->last)
				h -= b->pl.pad_bottom - b->own_pb;
			draw_row(r, &b->rows[0], x, y, h, (int)pc->from,
			    (int)pc->to, 1);
		} else
			draw_row(r, &b->rows[0], x, ty, b->rows[0].h, 0,
			    INT_MAX, 1);
		break;
	case B_RULE:
		tag_art_begin(r, PDFA_TAG_ARTIFACT);
		fill_rect(r, C_RULE, x, ty, b->w, geom.rule_w);
		tag_art_end(r, PDFA_TAG_ARTIFACT);
		break;
	case B_TOC:
		draw_toc(r, b, x, ty);
		break;
	case B_BREAK:
		break;
	}
}

/* A decorative glyph as outlines, so that it is no text to extract. */
static void
draw_mark(struct pr *r, const char *s, double x, double y)
{
	struct ptext	 t;

	pt_str(r, &t, s, ST_MARK, 0, PANGO_ALIGN_LEFT);
	cairo_move_to(r->cr, x, y);
	pango_cairo_layout_path(r->cr, t.pl);
	source(r, r->col[C_TINT_STRONG]);
	cairo_fill(r->cr);
	pt_free(&t);
}

static void
rounded(cairo_t *cr, double x, double y, double w, double h, double rad)
{
	cairo_new_sub_path(cr);
	cairo_arc(cr, x + w - rad, y + rad, rad, -G_PI / 2, 0);
	cairo_arc(cr, x + w - rad, y + h - rad, rad, 0, G_PI / 2);
	cairo_arc(cr, x + rad, y + h - rad, rad, G_PI / 2, G_PI);
	cairo_arc(cr, x + rad, y + rad, rad, G_PI, 3 * G_PI / 2);
	cairo_close_path(cr);
}

/* Frame decoration on page p: pieces [p0, p1) are the page's. */
void
draw_frames(struct pr *r, size_t p0, size_t p1)
{
	const struct frame	*f;
	const struct pl_piece	*pc;
	cairo_t			*cr = r->cr;
	double			 top = 0, bot = 0, x, w, y0, y1;
	size_t			 i, j;
	int			 any, starts, ends;

	for (i = 0; i < r->nfr; i++) {
		f = &r->fr[i];
		if (f->empty)
			continue;
		any = starts = ends = 0;
		for (j = p0; j < p1; j++) {
			pc = &r->L.piece[j];
			if (pc->box < f->first || pc->box > f->last)
				continue;
			if (!any || pc->y < top)
				top = pc->y;
			if (!any || pc->y + pc->h > bot)
				bot = pc->y + pc->h;
			any = 1;
			if (pc->box == f->first && pc->first && !pc->repeated)
				starts = 1;
			if (pc->box == f->last && pc->last)
				ends = 1;
		}
		if (!any)
			continue;
		y0 = geom.m_top + (starts ? top + f->off_top :
		    top - geom.split_ext);
		y1 = geom.m_top + (ends ? bot - (r->b[f->last]->pl.pad_bottom -
		    f->pb) : bot + geom.split_ext);
		x = geom.m_left + f->x;
		w = f->w;
		tag_art_begin(r, PDFA_TAG_ARTIFACT);
		switch (f->kind) {
		case FR_QUOTE:
			fill_rect(r, C_TINT_STRONG, x, y0, geom.quote_bar,
			    y1 - y0);
			break;
		case FR_CODE:
			fill_rect(r, C_CODE_BG, x, y0, w, y1 - y0);
			frame_line(r, C_CODE_LINE, x, y0, w, y1 - y0);
			fill_rect(r, C_KADER, x, y0, geom.quote_bar, y1 - y0);
			break;
		case FR_CALLOUT:
			if (f->callout->kind == CO_SAMENVATTING) {
				fill_rect(r, C_TINT, x, y0, w, y1 - y0);
				if (starts)
					fill_rect(r, C_ACCENT, x, y0, w,
					    geom.co_bar);
			} else if (f->callout->kind == CO_KADER) {
				fill_rect(r, C_GREY, x, y0, w, y1 - y0);
				fill_rect(r, C_KADER, x, y0, geom.co_bar_wide,
				    y1 - y0);
			} else if (f->callout->kind == CO_VOORBEELD) {
				frame_line(r, C_RULE, x, y0, w, y1 - y0);
				fill_rect(r, C_ACCENT, x, y0, geom.co_bar,
				    y1 - y0);
				if (starts)
					draw_mark(r, "\xe2\x80\x9c", x +
					    geom.mark_example_x,
					    y0 + geom.mark_example_y);
			} else if (f->callout->kind == CO_LET_OP) {
				fill_rect(r, C_WARN_BG, x, y0, w, y1 - y0);
				fill_rect(r, C_WARN, x, y0, geom.co_bar_wide,
				    y1 - y0);
			} else {
				source(r, r->col[C_TINT_STRONG]);
				cairo_set_line_width(cr, geom.co_line_round);
				rounded(cr, x + geom.co_line_round / 2,
				    y0 + geom.co_line_round / 2,
				    w - geom.co_line_round,
				    y1 - y0 - geom.co_line_round,
				    geom.co_radius);
				cairo_stroke(cr);
				if (starts)
					draw_mark(r, "?", x + w -
					    geom.mark_question_x,
					    y0 + geom.mark_question_y);
			}
			break;
		}
		tag_art_end(r, PDFA_TAG_ARTIFACT);
	}
}

/* --- the cover and the footer ------------------------------------------- */

/* Scales a w x h logo into the cover's logo box. */
static double
logo_scale(double w, double h)
{
	return geom.logo_w / w < geom.logo_h / h ? geom.logo_w / w :
	    geom.logo_h / h;
}

static void
logo_svg(struct pr *r, const struct logo *l)
{
	RsvgHandle	*h;
	RsvgRectangle	 vp;
	GError		*err = NULL;
	gdouble		 w, ht;
	const char	*p = r->e->meta.brand_logo.s;

	if ((h = rsvg_handle_new_from_data((const guint8 *)l->data,
	    (gsize)l->len, &err)) == NULL) {
		diag_warn(r->diag, p, 0, 0, "cannot read the SVG logo (%s); "
		    "the PDF cover has none", err != NULL ? err->message : "");
		g_clear_error(&err);
		return;
	}
	if (!rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &ht) ||
	    w <= 0 || ht <= 0) {
		w = geom.logo_w;
		ht = geom.logo_h;
	}
	vp.x = geom.m_left;
	vp.y = geom.logo_top;
	vp.width = w * logo_scale(w, ht);
	vp.height = ht * logo_scale(w, ht);
	/*
	 * librsvg lays <text> out with this thread's default Pango font
	 * map: make that the shipped fonts, so the logo's text looks and
	 * measures the same on every machine, then put the default back.
	 */
	pango_cairo_font_map_set_default(
	    PANGO_CAIRO_FONT_MAP(fonts_fontmap(r->o->fonts)));
	if (!rsvg_handle_render_document(h, r->cr, &vp, &err)) {
		diag_warn(r->diag, p, 0, 0, "cannot draw the SVG logo (%s)",
		    err != NULL ? err->message : "");
		g_clear_error(&err);
	}
	g_object_unref(h);
	pango_cairo_font_map_set_default(NULL);
}

/* Reads the PNG logo from memory for Cairo. */
struct pngmem {
	const char	*p;
	size_t		 left;
};

static cairo_status_t
png_mem(void *arg, unsigned char *to, unsigned int n)
{
	struct pngmem	*m = arg;

	if (n > m->left)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(to, m->p, n);
	m->p += n;
	m->left -= n;
	return CAIRO_STATUS_SUCCESS;
}

/* The brand logo, top left on the cover: PNG with Cairo, SVG with librsvg. */
static void
logo(struct pr *r)
{
	cairo_surface_t	*img;
	const char	*p = r->e->meta.brand_logo.s;
	struct pngmem	 m;
	double		 w, h, s;

	if (r->o->logo == NULL)
		return;
	if (r->o->logo->kind == LOGO_SVG) {
		logo_svg(r, r->o->logo);
		return;
	}
	m.p = r->o->logo->data;
	m.left = r->o->logo->len;
	img = cairo_image_surface_create_from_png_stream(png_mem, &m);
	if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
		diag_warn(r->diag, p, 0, 0, "cannot read the logo as PNG "
		    "(%s); the PDF cover has none",
		    cairo_status_to_string(cairo_surface_status(img)));
		cairo_surface_destroy(img);
		return;
	}
	w = cairo_image_surface_get_width(img);
	h = cairo_image_surface_get_height(img);
	if (w > 0 && h > 0) {
		s = logo_scale(w, h);
		cairo_save(r->cr);
		cairo_translate(r->cr, geom.m_left, geom.logo_top);
		cairo_scale(r->cr, s, s);
		cairo_set_source_surface(r->cr, img, 0, 0);
		cairo_paint(r->cr);
		cairo_restore(r->cr);
	}
	cairo_surface_destroy(img);
}

/* The cover: its band at least geom.cover_band tall, grown for the title. */
void
draw_cover(struct pr *r)
{
	const struct meta	*m = &r->e->meta;
	const char		*org = m->brand_name.s != NULL ?
				    m->brand_name.s : m->organisation.s;
	struct ptext		 t[4];
	struct buf		 date = { NULL, 0, 0 };
	double			 panel = (geom.page_h * geom.cover_band), y, h,
				 top, off[4];
	char			*up;
	int			 i;

	memset(t, 0, sizeof(t));
	if (org != NULL) {
		up = g_utf8_strup(org, -1);
		pt_str(r, &t[0], up, ST_ORG, COL_W, PANGO_ALIGN_LEFT);
		g_free(up);
	}
	pt_str(r, &t[1], m->title.s, ST_TITLE, COL_W, PANGO_ALIGN_LEFT);
	if (m->subtitle.s != NULL)
		pt_str(r, &t[2], m->subtitle.s, ST_SUBTITLE, COL_W -
		    geom.cover_sub_narrow,
		    PANGO_ALIGN_LEFT);
	fmt_date(&date, m->date);
	pt_str(r, &t[3], date.s, ST_DATE, COL_W, PANGO_ALIGN_LEFT);
	buf_free(&date);

	/*
	 * Where title, subtitle and date stand in the title block, worked
	 * out once: the block's height and its drawing both read off[].
	 */
	off[1] = 0;
	off[2] = pt_height(&t[1]) + geom.cover_sub_gap;
	off[3] = t[2].pl != NULL ? off[2] + pt_height(&t[2]) +
	    geom.cover_sub_gap : pt_height(&t[1]) + geom.cover_date_gap;
	h = off[3] + pt_height(&t[3]);
	/*
	 * The title block stands on the band's lower edge; a long title
	 * starts below the organisation and pushes the edge down.
	 */
	top = geom.cover_org + pt_height(&t[0]) + geom.cover_org_gap;
	if (top < geom.cover_top)
		top = geom.cover_top;
	y = panel - geom.cover_below - h;
	if (y < top)
		y = top;
	if (y + h + geom.cover_below > panel)
		panel = y + h + geom.cover_below;
	/* The band and the logo (its name is the text beside it). */
	tag_art_begin(r, PDFA_TAG_ARTIFACT);
	fill_rect(r, C_TINT, 0, 0, geom.page_w, panel);
	fill_rect(r, C_ACCENT, 0, 0, geom.page_w, geom.cover_stripe);
	fill_rect(r, C_TINT_STRONG, 0, panel - geom.cover_edge, geom.page_w,
	    geom.cover_edge);
	logo(r);
	tag_art_end(r, PDFA_TAG_ARTIFACT);

	draw_text(r, r->cov[0], &t[0], geom.m_left, geom.cover_org, 0,
	    t[0].nlines, 1);
	for (i = 1; i < 4; i++)
		if (t[i].pl != NULL)
			draw_text(r, r->cov[i], &t[i], geom.m_left, y + off[i],
			    0, t[i].nlines, 1);
	for (i = 0; i < 4; i++)
		pt_free(&t[i]);
}

void
draw_footer(struct pr *r, int page)
{
	struct ptext	 pn;
	char		 num[16];

	tag_art_begin(r, PDFA_TAG_PAGINATION);
	fill_rect(r, C_RULE, geom.m_left, (geom.page_h - geom.foot_rule), COL_W,
	    geom.hair);
	draw_lines(r, &r->foot, geom.m_left, (geom.page_h - geom.foot_top), 0,
	    geom.foot_lines, 0);
	snprintf(num, sizeof(num), "%d", page);
	pt_str(r, &pn, num, ST_PAGENO, 0, PANGO_ALIGN_LEFT);
	draw_lines(r, &pn, geom.m_left + COL_W - pt_width(&pn),
	    (geom.page_h - geom.foot_top), 0, 1, 0);
	pt_free(&pn);
	tag_art_end(r, PDFA_TAG_PAGINATION);
}
