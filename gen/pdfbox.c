/*
 * pdfbox.c: the document measured into boxes for the PDF back-end.
 * Walks gen's document tree (doc.h: struct dnode) and makes a
 * flat list of boxes measured with Pango: paragraph and list item
 * lines, headings, figures, table captions and rows, code, callout
 * and quote frames, footnotes and table of contents entries, each
 * with what pagination (pdflayout.c) needs.  Also the Markdown's
 * characters for the glyph check, and the pages found for the boxes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "chart.h"
#include "diag.h"
#include "doc.h"
#include "edition.h"
#include "fonts.h"
#include "pdf.h"
#include "pdf_int.h"
#include "pdflayout.h"
#include "stats.h"
#include "url.h"
#include "util.h"

static void	 blocks(struct pr *, const struct dnode *,
		    const struct bctx *);

/* --- links and inline text ---------------------------------------------- */

/*
 * The Cairo link attributes of a link (caller frees), or NULL when the
 * PDF cannot link it: as the tree says (url_judge() decided), "#id"
 * naming a place in this document goes to a named destination, http(s),
 * mailto and tel URIs are percent-encoded into ASCII, anything else
 * (relative paths, fragments naming nothing here) stays plain text.
 */
static char *
link_attr(const struct dnode *n)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf		 b = { NULL, 0, 0 }, u = { NULL, 0, 0 };
	const unsigned char	*s;

	if (n->ukind == URL_FRAGMENT && n->dest) {
		buf_puts(&b, "dest=");
		tag_quoted(&b, n->url + 1);
		return buf_detach(&b);
	}
	if (n->ukind != URL_ABSOLUTE)
		return NULL;
	for (s = (const unsigned char *)n->url; *s != '\0'; s++) {
		if (*s <= 0x20 || *s >= 0x7f || strchr("\"'<>\\^`{|}", *s)) {
			buf_putc(&u, '%');
			buf_putc(&u, hex[*s >> 4]);
			buf_putc(&u, hex[*s & 15]);
		} else
			buf_putc(&u, *s);
	}
	buf_puts(&b, "uri=");
	tag_quoted(&b, u.s != NULL ? u.s : "");
	buf_free(&u);
	return buf_detach(&b);
}

/* Whether n is text as the PDF sets it: prose or a value. */
static int
is_text(const struct dnode *n)
{
	return n != NULL && (n->type == DN_TEXT || n->type == DN_VALUE);
}

/*
 * The text of n and the text and value siblings after it, one run as
 * the Markdown wrote it ("{{ n }}%"), into b; returns the last node of
 * the run.
 */
static const struct dnode *
text_run(const struct dnode *n, struct buf *b)
{
	buf_puts(b, n->text);
	while (is_text(n->next)) {
		n = n->next;
		buf_puts(b, n->text);
	}
	return n;
}

static void	 inlines(struct ib *, const struct dnode *);

/* An inline node other than text and values into b. */
static void
inl(struct ib *b, const struct dnode *n)
{
	char		*attr, num[16];
	size_t		 start = b->s.len;

	switch (n->type) {
	case DN_STRIKE:
		inlines(b, n);
		ib_attr(b, pango_attr_strikethrough_new(TRUE), start);
		break;
	case DN_SOFTBREAK:
		buf_putc(&b->s, ' ');
		break;
	case DN_BREAK:
		buf_putc(&b->s, '\n');
		break;
	case DN_CODESPAN:
		buf_puts(&b->s, n->text);
		ib_attr(b, pango_attr_family_new(FONTS_MONO), start);
		ib_attr(b, pango_attr_size_new_absolute((int)(b->size *
		    geom.code_size * PANGO_SCALE)), start);
		break;
	case DN_RAW:
		if (!b->r->e->meta.unsafe_html)
			buf_puts(&b->s, n->text);
		break;
	case DN_EMPH:
		inlines(b, n);
		ib_attr(b, pango_attr_style_new(PANGO_STYLE_ITALIC), start);
		break;
	case DN_STRONG:
		inlines(b, n);
		ib_attr(b, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start);
		break;
	case DN_LINK:
		attr = link_attr(n);
		b->inlink++;
		inlines(b, n);
		b->inlink--;
		if (attr != NULL && b->s.len > start) {
			ib_color(b, b->r->col[C_ACCENT], start);
			ib_attr(b, pango_attr_underline_new(
			    PANGO_UNDERLINE_SINGLE), start);
			ib_link(b, start, attr);
		} else
			free(attr);
		break;
	case DN_IMAGE:
		/* As in the HTML: the description, not the picture. */
		inlines(b, n);
		ib_attr(b, pango_attr_style_new(PANGO_STYLE_ITALIC), start);
		break;
	case DN_NOTEREF:
		if (n->fn < 1 || n->fn > b->r->nfn)
			break;
		snprintf(num, sizeof(num), "%d", n->fn);
		buf_puts(&b->s, num);
		ib_attr(b, pango_attr_rise_new((int)(b->size *
		    geom.fnref_rise * PANGO_SCALE)), start);
		ib_attr(b, pango_attr_size_new_absolute((int)(b->size *
		    geom.fnref_size * PANGO_SCALE)), start);
		ib_attr(b, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start);
		ib_color(b, b->r->col[C_ACCENT], start);
		if (b->r->in_fn)
			break;
		ib_link(b, start, xasprintf("dest='fn-%d'", n->fn));
		b->fns = xreallocarray(b->fns, b->nfns + 1, sizeof(*b->fns));
		memset(&b->fns[b->nfns], 0, sizeof(*b->fns));
		b->fns[b->nfns].at = (unsigned)start;
		b->fns[b->nfns++].num = n->fn;
		break;
	default:
		inlines(b, n);
		break;
	}
}

/*
 * The inline content of n into b: text and values next to each other
 * set as one run (a word may span a value and its text), since words
 * are hyphenated whole.
 */
static void
inlines(struct ib *b, const struct dnode *n)
{
	const struct dnode	*c;
	struct buf		 run = { NULL, 0, 0 };

	for (c = n->first; c != NULL; c = c->next) {
		if (!is_text(c)) {
			inl(b, c);
			continue;
		}
		run.len = 0;
		c = text_run(c, &run);
		ib_text(b, run.s != NULL ? run.s : "", run.len);
	}
	buf_free(&run);
}

/* --- boxes and frames --------------------------------------------------- */

static struct box *
box_new(enum bkind kind, const struct bctx *c,
    struct snode *sn)
{
	struct box	*b;

	b = xcalloc(1, sizeof(*b));
	b->kind = kind;
	b->sn = sn;
	b->x = c != NULL ? c->x : 0;
	b->w = c != NULL ? c->w : COL_W;
	b->pl.kind = kind == B_TEXT ? PL_LINES : kind == B_BREAK ? PL_BREAK :
	    PL_BLOCK;
	b->pl.repeat = -1;
	return b;
}

/* Appends a box, giving it what opened frames and list items left. */
static size_t
box_push(struct pr *r, struct box *b)
{
	if (b->kind != B_BREAK) {
		b->pl.pad_top += r->pend_pad;
		r->pend_pad = 0;
		if (r->pend_set) {
			b->pl.before = r->pend_before;
			r->pend_set = 0;
			r->pend_before = 0;
		}
		if (r->pend_mark.pl != NULL) {
			b->mark = r->pend_mark;
			b->marksn = r->pend_marksn;
			/* Right-aligned before the text, on its baseline. */
			b->mark_x = -geom.mark_gap - pt_width(&b->mark);
			b->mark_y = b->t.base - b->mark.base;
			memset(&r->pend_mark, 0, sizeof(r->pend_mark));
		}
	}
	if (r->sline > 0) {
		b->path = r->path;
		b->line = r->sline;
		b->col = r->scol;
	}
	r->b = xreallocarray(r->b, r->nb + 1, sizeof(*r->b));
	r->b[r->nb] = b;
	return r->nb++;
}

static void
page_break(struct pr *r)
{
	box_push(r, box_new(B_BREAK, NULL, NULL));
}

/* Footnote space first needed by the references in t, into fn[]. */
static void
need_notes(struct pr *r, struct ptext *t, double *fn, int by_line)
{
	size_t	 i;
	int	 k;

	for (i = 0; i < t->nfns; i++) {
		k = t->fns[i].num;
		if (r->fn[k].seen)
			continue;
		r->fn[k].seen = 1;
		t->fns[i].first = 1;
		fn[by_line ? t->fns[i].line : 0] += r->fn[k].h;
	}
}

/* Sets a text box's lines and footnote needs. */
static void
lines_box(struct pr *r, struct box *b)
{
	int	 i;

	b->lh = xcalloc((size_t)b->t.nlines, sizeof(*b->lh));
	b->fn = xcalloc((size_t)b->t.nlines, sizeof(*b->fn));
	for (i = 0; i < b->t.nlines; i++)
		b->lh[i] = b->t.lead;
	need_notes(r, &b->t, b->fn, 1);
	b->pl.nlines = (size_t)b->t.nlines;
	b->pl.line = b->lh;
	b->pl.fn = b->fn;
}

static void
block_fn(struct pr *r, struct box *b, struct ptext *t)
{
	if (b->fn == NULL)
		b->fn = xcalloc(1, sizeof(*b->fn));
	need_notes(r, t, b->fn, 0);
	b->pl.fn = b->fn;
}

/* Sets the space after the last box since index from. */
static void
space_after(struct pr *r, size_t from, double after)
{
	if (r->nb > from && r->b[r->nb - 1]->pl.after < after)
		r->b[r->nb - 1]->pl.after = after;
}

static int
frame_open(struct pr *r, enum fkind kind, const struct calloutdef *callout,
    const struct bctx *c, double pad, double margin)
{
	struct frame	*f;
	int		 prev = r->frame;

	r->fr = xreallocarray(r->fr, r->nfr + 1, sizeof(*r->fr));
	f = &r->fr[r->nfr];
	memset(f, 0, sizeof(*f));
	f->kind = kind;
	f->callout = callout;
	f->x = c->x;
	f->w = c->w;
	f->first = r->nb;
	f->off_top = r->pend_pad;
	f->pad = pad;
	f->empty = 1;
	r->pend_pad += pad;
	if (!r->pend_set || r->pend_before < margin)
		r->pend_before = margin;
	r->pend_set = 1;
	r->frame = (int)r->nfr++;
	return prev;
}

static void
frame_close(struct pr *r, int prev, double margin)
{
	struct frame	*f = &r->fr[r->frame];
	struct box	*lb;

	if (r->nb == f->first) {
		r->pend_pad -= f->pad;
		if (r->pend_pad < 0)
			r->pend_pad = 0;
	} else {
		f->empty = 0;
		f->last = r->nb - 1;
		lb = r->b[f->last];
		lb->pl.pad_bottom += f->pad;
		f->pb = lb->pl.pad_bottom;
		if (lb->pl.after < margin)
			lb->pl.after = margin;
	}
	r->frame = prev;
}

/* --- headings, paragraphs, code, figures -------------------------------- */

static const char *
htag(int level)
{
	static const char *const h[] = { "H1", "H2", "H3", "H4", "H5", "H6" };

	level++;			/* the cover title is H1 */
	return h[(level > 6 ? 6 : level) - 1];
}

/* Whether a line of t ends inside a word (a word wider than the column). */
static int
mid_word(const struct ptext *t)
{
	PangoLayoutLine	*l;
	const char	*s = pango_layout_get_text(t->pl);
	int		 i, e;

	for (i = 0; i + 1 < t->nlines; i++) {
		l = pango_layout_get_line_readonly(t->pl, i);
		e = l->start_index + l->length;
		if (e > 0 && s[e - 1] != ' ' && s[e - 1] != '\n' &&
		    s[e - 1] != '-' && g_unichar_isalnum(g_utf8_get_char(s + e)))
			return 1;
	}
	return 0;
}

static void
heading(struct pr *r, const struct dnode *n, const struct bctx *c)
{
	struct box		*b;
	struct ib		 ib;
	enum st			 st;
	char			*text;
	int			 level = n->level;

	if (level == 1)
		page_break(r);
	st = level == 1 ? ST_H1 : level == 2 ? ST_H2 : level == 3 ? ST_H3 :
	    ST_H4;
	b = box_new(B_HEADING, c, tag_new(r, htag(level), c->sn));
	b->level = level;
	ib_init(&ib, r, st, 0);
	inlines(&ib, n);
	pt_make(r, &b->t, &ib, st, c->w, PANGO_ALIGN_LEFT);
	if (mid_word(&b->t)) {
		/* A word wider than the column: broken where Dutch allows. */
		pt_free(&b->t);
		ib_init(&ib, r, st, 1);
		inlines(&ib, n);
		pt_make(r, &b->t, &ib, st, c->w, PANGO_ALIGN_LEFT);
	}
	if (level == 1 && n->num != NULL)
		pt_str(r, &b->aux, n->num, ST_CHAPNUM, 0, PANGO_ALIGN_LEFT);
	b->text_y = b->aux.pl != NULL ? pt_height(&b->aux) +
	    geom.chapnum_gap : 0;
	b->pl.height = pt_height(&b->t) + b->text_y;
	b->pl.keep = 1;
	switch (level) {
	case 1:
		b->pl.pad_top = geom.chap_top;
		b->pl.after = geom.h1_after;
		break;
	case 2:
		b->pl.before = geom.h2_before;
		b->pl.after = geom.h2_after;
		break;
	case 3:
		b->pl.before = geom.h3_before;
		b->pl.after = geom.h3_after;
		break;
	default:
		b->pl.before = geom.h4_before;
		b->pl.after = geom.h4_after;
		break;
	}
	if (n->id != NULL)
		b->dest = xstrdup(n->id);
	text = dn_text(n);
	b->title = n->num != NULL ? xasprintf("%s %s", n->num, text) :
	    xstrdup(text);
	free(text);
	block_fn(r, b, &b->t);
	box_push(r, b);
}

static void
paragraph(struct pr *r, const struct dnode *n, const struct bctx *c)
{
	struct box	*b;
	struct ib	 ib;

	ib_init(&ib, r, ST_BODY, 1);
	inlines(&ib, n);
	if (ib.s.len == 0) {
		pango_attr_list_unref(ib.al);
		free(ib.links);
		free(ib.fns);
		return;
	}
	b = box_new(B_TEXT, c, tag_new(r, "P", c->sn));
	pt_make(r, &b->t, &ib, ST_BODY, c->w, PANGO_ALIGN_LEFT);
	lines_box(r, b);
	b->pl.after = n->tight ? geom.item_sp : geom.para_sp;
	box_push(r, b);
}

/* A code block, or raw HTML shown as code. */
static void
code(struct pr *r, const char *lit, const struct bctx *c)
{
	struct bctx	 cc = *c;
	struct box	*b;
	struct ib	 ib;
	size_t		 len = strlen(lit);
	int		 prev;

	while (len > 0 && lit[len - 1] == '\n')
		len--;
	prev = frame_open(r, FR_CODE, NULL, c, geom.code_pad, geom.code_margin);
	cc.x += geom.code_left;
	cc.w -= geom.code_left + geom.code_right;
	b = box_new(B_TEXT, &cc, tag_new(r, "Code", c->sn));
	ib_init(&ib, r, ST_CODE, 0);
	buf_add(&ib.s, lit, len);
	pt_make(r, &b->t, &ib, ST_CODE, cc.w, PANGO_ALIGN_LEFT);
	lines_box(r, b);
	box_push(r, b);
	frame_close(r, prev, geom.code_margin);
}

static void
figure(struct pr *r, const struct chart *ch, const struct bctx *c)
{
	struct box	*b;
	struct ib	 ib;

	b = box_new(B_FIGURE, c, tag_new(r, "Figure", c->sn));
	b->chart = ch;
	chart_layout(ch, c->w, &r->measure, &b->cl);
	ib_init(&ib, r, ST_CAPTION, 0);
	buf_puts(&ib.s, ch->label);
	ib_attr(&ib, pango_attr_weight_new(PANGO_WEIGHT_BOLD), 0);
	ib_color(&ib, r->col[C_TEXT], 0);
	buf_putc(&ib.s, ' ');
	buf_puts(&ib.s, ch->title != NULL ? ch->title : "");
	pt_make(r, &b->aux, &ib, ST_CAPTION, c->w, PANGO_ALIGN_LEFT);
	b->auxsn = tag_new(r, "Caption", b->sn);
	b->chart_y = geom.fig_pad;
	b->cap_y = b->chart_y + b->cl.height + geom.fig_cap;
	b->pl.height = b->cap_y + pt_height(&b->aux) + geom.fig_pad -
	    geom.fig_tail;
	b->pl.before = b->pl.after = geom.fig_sp;
	/* Outside frames and lists a figure may move forward. */
	b->pl.floats = r->frame < 0 && c->depth == 0;
	b->dest = xstrdup(ch->id);
	box_push(r, b);
}

/* --- tables ------------------------------------------------------------- */

/* Makes a cell: text in style st, element tag under the row. */
static void
cell_str(struct pr *r, struct row *row, const char *text, enum st st,
    PangoAlignment align, const char *tag)
{
	struct cell	*c;
	struct ib	 b;

	row->c = xreallocarray(row->c, row->nc + 1, sizeof(*row->c));
	c = &row->c[row->nc++];
	memset(c, 0, sizeof(*c));
	ib_init(&b, r, st, 1);
	ib_text(&b, text != NULL ? text : "", text != NULL ? strlen(text) : 0);
	pt_make(r, &c->t, &b, st, 0, align);
	c->st = st;
	c->sn = tag_new(r, tag, row->sn);
}

/* Gives the cells of a row their columns and the row its height. */
static void
row_fit(struct row *row, const double *colx, const double *colw)
{
	size_t	 i;
	double	 h;

	row->h = 0;
	row->px = geom.cell_px;
	row->py = geom.cell_py;
	for (i = 0; i < row->nc; i++) {
		row->c[i].x = colx[i];
		row->c[i].w = colw[i];
		pt_set_width(&row->c[i].t, colw[i] - 2 * row->px);
		h = pt_height(&row->c[i].t) + 2 * row->py;
		if (h > row->h)
			row->h = h;
	}
}

static void
rows_free(struct row *rows, size_t n)
{
	size_t	 i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < rows[i].nc; j++)
			pt_free(&rows[i].c[j].t);
		free(rows[i].c);
	}
	free(rows);
}

/*
 * Column widths of a table in width w, as a browser's automatic table
 * layout: each column between its narrowest (its longest unbreakable
 * piece) and its natural width (its longest cell on one line).  When
 * the narrowest widths do not fit, the table's type is set smaller, in
 * steps down to geom.cell_floor; when they still do not fit, returns the
 * column that is widest at its narrowest (the one to blame), else -1.
 * fixed[j] nonzero keeps column j at its natural width (numbers).
 */
static long
table_widths(struct row *rows, size_t nrows, size_t ncol, double w,
    const int *fixed, double *colx, double *colw)
{
	static const double steps[] = { 1.0, 0.9, 0.8, 0.0 };
	double		*mn, *mw, *mx, sum_mn, sum_mw, sum_mx, s = 1, floor_s,
			 x;
	size_t		 i, j, k;
	long		 worst = -1;

	mn = xcalloc(ncol, sizeof(*mn));
	mw = xcalloc(ncol, sizeof(*mw));
	mx = xcalloc(ncol, sizeof(*mx));
	floor_s = geom.cell_floor / styles[ST_CELL].size;
	for (k = 0; k < GEN_NELEM(steps); k++) {
		s = steps[k] > floor_s ? steps[k] : floor_s;
		sum_mn = sum_mw = sum_mx = 0;
		for (j = 0; j < ncol; j++) {
			mn[j] = mw[j] = mx[j] = 0;
			for (i = 0; i < nrows; i++) {
				struct cell *c = &rows[i].c[j];

				if (s != 1)
					pt_scale(&c->t, c->st, s);
				pt_set_width(&c->t, -1);
				if (pt_width(&c->t) + 2 * geom.cell_px > mx[j])
					mx[j] = pt_width(&c->t) +
					    2 * geom.cell_px;
				if ((x = pt_word_width(&c->t) +
				    2 * geom.cell_px) > mw[j])
					mw[j] = x;
				if ((x = pt_min_width(&c->t) +
				    2 * geom.cell_px) > mn[j])
					mn[j] = x;
			}
			if (fixed != NULL && fixed[j])
				mn[j] = mw[j] = mx[j];
			if (mw[j] < mn[j])
				mw[j] = mn[j];
			if (mx[j] < mw[j])
				mx[j] = mw[j];
			sum_mn += mn[j];
			sum_mw += mw[j];
			sum_mx += mx[j];
		}
		if (sum_mn <= w + 1e-6 || s <= floor_s)
			break;
	}
	if (sum_mn > w + 1e-6) {
		for (j = 0; j < ncol; j++)
			if (worst < 0 || mn[j] > mn[worst])
				worst = (long)j;
	}
	for (j = 0; j < ncol; j++) {
		if (sum_mx <= w)
			colw[j] = mx[j] + (w - sum_mx) * (fixed != NULL &&
			    fixed[j] ? 0 : mx[j]) / sum_mx;
		else if (sum_mn >= w)
			colw[j] = w * mn[j] / sum_mn;
		else if (sum_mw <= w)
			/* Whole words everywhere, the rest by length. */
			colw[j] = mw[j] + (w - sum_mw) * (mx[j] - mw[j]) /
			    (sum_mx - sum_mw);
		else
			colw[j] = mn[j] + (w - sum_mn) * (mw[j] - mn[j]) /
			    (sum_mw - sum_mn);
		colx[j] = j == 0 ? 0 : colx[j - 1] + colw[j - 1];
	}
	/* Natural widths fit: the label columns take what is left. */
	if (sum_mx <= w && fixed != NULL) {
		double	 rest = w, free_mx = 0;

		for (j = 0; j < ncol; j++)
			if (fixed[j])
				rest -= mx[j];
			else
				free_mx += mx[j];
		for (j = 0; j < ncol; j++) {
			colw[j] = fixed[j] ? mx[j] : rest * mx[j] / free_mx;
			colx[j] = j == 0 ? 0 : colx[j - 1] + colw[j - 1];
		}
	}
	for (i = 0; i < nrows; i++)
		row_fit(&rows[i], colx, colw);
	free(mn);
	free(mw);
	free(mx);
	return worst;
}

/* An error at the table's line: it does not fit even in small type. */
static void
too_wide(struct pr *r, const struct row *head, long col)
{
	struct buf	 name = { NULL, 0, 0 };

	int		 k;

	if (head != NULL && (size_t)col < head->nc)
		for (k = 0; k < head->c[col].t.nlines; k++)
			pt_line_text(&head->c[col].t, k, &name, 60);
	if (r->path != NULL && r->sline > 0)
		diag_error(r->diag, r->path, r->sline,
		    r->scol, "PDF: this table is too wide for the page even "
		    "in %.0f pt type: column %ld%s%s%s cannot be made narrower "
		    "(shorten its longest word, or split the table)",
		    geom.cell_floor, col + 1, name.len > 0 ? " ('" : "",
		    name.len > 0 ? name.s : "", name.len > 0 ? "')" : "");
	else
		diag_error(r->diag, r->e->index_path, 0, 0, "PDF: a table is "
		    "too wide for the page even in %.0f pt type (column %ld)",
		    geom.cell_floor, col + 1);
	buf_free(&name);
	r->nerr++;
}

/*
 * A box for one table row, which it takes over.  A header row is one
 * block kept with what follows; a body or total row is the lines of
 * its cells side by side, kept whole unless taller than a page, when
 * it breaks between lines (a long cell) and repeats box repeat above.
 */
static struct box *
row_box(struct pr *r, const struct bctx *c, struct snode *tsn,
    struct row *row, long repeat)
{
	struct box	*b;
	size_t		 j, n = 1;
	double		 lead = 0;

	b = box_new(B_ROW, c, tsn);
	b->rows = xcalloc(1, sizeof(*b->rows));
	b->rows[0] = *row;
	b->nrows = 1;
	row = &b->rows[0];
	for (j = 0; j < row->nc; j++) {
		if ((size_t)row->c[j].t.nlines > n)
			n = (size_t)row->c[j].t.nlines;
		if (row->c[j].t.lead > lead)
			lead = row->c[j].t.lead;
	}
	if (row->kind == ROW_HEAD) {
		b->pl.height = row->h;
		b->pl.keep = 1;
		for (j = 0; j < row->nc; j++)
			block_fn(r, b, &row->c[j].t);
		return b;
	}
	b->pl.kind = PL_LINES;
	b->pl.split = 1;
	b->pl.repeat = repeat;
	b->pl.pad_top = b->own_pt = row->py;
	b->pl.pad_bottom = b->own_pb = row->h - row->py - n * lead;
	b->lh = xcalloc(n, sizeof(*b->lh));
	b->fn = xcalloc(n, sizeof(*b->fn));
	for (j = 0; j < n; j++)
		b->lh[j] = lead;
	for (j = 0; j < row->nc; j++)
		need_notes(r, &row->c[j].t, b->fn, 1);
	b->pl.nlines = n;
	b->pl.line = b->lh;
	b->pl.fn = b->fn;
	return b;
}

/*
 * Pushes a table's rows as boxes: header rows kept with what follows,
 * the last two body rows kept with the total row, every body row
 * repeating rep (or the last header row when rep is -1) on a new page.
 */
static void
push_rows(struct pr *r, const struct bctx *c, struct snode *tsn,
    struct row *rows, size_t nrows, long rep, int has_total)
{
	struct box	*b;
	size_t		 i, k;
	long		 head = -1;

	for (i = 0; i < nrows; i++) {
		b = row_box(r, c, tsn, &rows[i], rep >= 0 ? rep : head);
		if (i + 1 == nrows)
			b->pl.after = geom.tab_after;
		if (has_total && rows[i].kind == ROW_BODY && i + 3 >= nrows)
			b->pl.keep = 1;
		k = box_push(r, b);
		if (rows[i].kind == ROW_HEAD)
			head = (long)k;
		if (r->sline > 0 && rows[i].line > 0) {
			b->line = rows[i].line;
			b->col = rows[i].col;
		}
	}
}

/*
 * A ```table block: its caption kept with the header, then a box per
 * row, broken between rows over pages; a ghost box (never placed
 * itself) repeats "Tabel N (vervolg)" and the header on each new page.
 */
static void
tblock(struct pr *r, const struct tblock *t, const struct bctx *c)
{
	struct box	*b, *g;
	struct snode	*tsn = tag_new(r, "Table", c->sn);
	struct ib	 ib;
	struct row	*rows, ghead;
	double		 colx[3], colw[3];
	int		 fixed[3] = { 0, 1, 1 };
	size_t		 i, len, nrows, ncol = 1 + (t->col_count != 0) +
			    (t->col_pct != 0);
	long		 worst, gi;
	char		 num[48];

	b = box_new(B_TABLE, c, tsn);
	ib_init(&ib, r, ST_CAPTION, 0);
	buf_puts(&ib.s, t->label);
	ib_attr(&ib, pango_attr_weight_new(PANGO_WEIGHT_BOLD), 0);
	ib_color(&ib, r->col[C_TEXT], 0);
	buf_putc(&ib.s, ' ');
	buf_puts(&ib.s, t->title != NULL ? t->title : "");
	pt_make(r, &b->aux, &ib, ST_CAPTION, c->w, PANGO_ALIGN_LEFT);
	b->auxsn = tag_new(r, "Caption", tsn);
	b->pl.height = pt_height(&b->aux) + geom.tab_cap;
	b->pl.keep = 1;
	b->pl.before = geom.fig_sp;
	b->dest = xstrdup(t->id);
	box_push(r, b);

	/* Rows: the header twice (the second for the ghost), body, total. */
	nrows = t->nrows + 3;
	rows = xcalloc(nrows, sizeof(*rows));
	for (i = 0; i < nrows; i++) {
		const struct trow *tr = i <= 1 ? NULL : i <= t->nrows + 1 ?
		    &t->rows[i - 2] : &t->total;
		struct row *row = &rows[i];
		enum st	 st;

		row->kind = i <= 1 ? ROW_HEAD : i <= t->nrows + 1 ? ROW_BODY :
		    ROW_TOTAL;
		st = row->kind == ROW_BODY ? ST_CELL : ST_CELLHEAD;
		row->sn = tag_new(r, "TR", i == 0 ? NULL : tsn);
		cell_str(r, row, tr == NULL ? t->head : tr->label, st,
		    PANGO_ALIGN_LEFT, "TH");
		if (t->col_count)
			cell_str(r, row, tr == NULL ? "Aantal" : tr->count, st,
			    PANGO_ALIGN_RIGHT, tr == NULL ? "TH" : "TD");
		if (t->col_pct)
			cell_str(r, row, tr == NULL ? "%" : tr->pct, st,
			    PANGO_ALIGN_RIGHT, tr == NULL ? "TH" : "TD");
	}
	fixed[1] = fixed[2] = 1;
	if ((worst = table_widths(rows, nrows, ncol, c->w, fixed, colx,
	    colw)) >= 0)
		too_wide(r, &rows[1], worst);

	/* The ghost: "Tabel N (vervolg)" above the header, decoration. */
	g = box_new(B_ROW, c, tsn);
	/* "Tabel N." without its full stop. */
	len = strlen(t->label);
	if (len > 0 && t->label[len - 1] == '.')
		len--;
	snprintf(num, sizeof(num), "%.*s (vervolg)", (int)len, t->label);
	pt_str(r, &g->aux, num, ST_CAPTION, c->w, PANGO_ALIGN_LEFT);
	ghead = rows[0];
	g->rows = xcalloc(1, sizeof(*g->rows));
	g->rows[0] = ghead;
	g->nrows = 1;
	g->text_y = pt_height(&g->aux) + geom.tab_cap;
	g->pl.height = g->text_y + ghead.h;
	g->pl.ghost = 1;
	gi = (long)box_push(r, g);
	g->line = 0;

	push_rows(r, c, tsn, rows + 1, nrows - 1, gi, 1);
	free(rows);
	if (t->note != NULL) {
		b = box_new(B_TEXT, c, tag_new(r, "P", c->sn));
		pt_str(r, &b->t, t->note, ST_NOTE, c->w, PANGO_ALIGN_LEFT);
		lines_box(r, b);
		b->pl.before = geom.tab_note;
		box_push(r, b);
	}
	space_after(r, 0, geom.fig_sp);
}

/* The alignment of column j of a GFM table: its header cell's. */
static PangoAlignment
col_align(const struct dnode *table, size_t j)
{
	const struct dnode	*cn;

	if (table->first == NULL)
		return PANGO_ALIGN_LEFT;
	for (cn = table->first->first; cn != NULL && j > 0; cn = cn->next)
		j--;
	if (cn == NULL)
		return PANGO_ALIGN_LEFT;
	return cn->align == 'r' ? PANGO_ALIGN_RIGHT : cn->align == 'c' ?
	    PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
}

/* A Markdown (GFM) table: a box per row, the header repeated. */
static void
gfm_table(struct pr *r, const struct dnode *n, const struct bctx *c)
{
	struct snode	*tsn = tag_new(r, "Table", c->sn);
	const struct dnode *rn, *cn;
	struct row	*rows = NULL;
	struct ib	 ib;
	size_t		 nrows = 0, ncol, j, first;
	double		*colw, *colx;
	long		 worst;
	PangoAlignment	 al;

	if (n->ncol <= 0)
		return;
	ncol = (size_t)n->ncol;
	for (rn = n->first; rn != NULL; rn = rn->next) {
		int	 is_head = rn->head;
		struct row *row;

		rows = xreallocarray(rows, nrows + 1, sizeof(*rows));
		row = &rows[nrows++];
		memset(row, 0, sizeof(*row));
		row->kind = is_head ? ROW_HEAD : ROW_BODY;
		row->line = rn->line;
		row->col = rn->col;
		row->sn = tag_new(r, "TR", tsn);
		row->c = xcalloc(ncol, sizeof(*row->c));
		for (cn = rn->first, j = 0; j < ncol; j++) {
			enum st st = is_head ? ST_CELLHEAD : ST_CELL;

			al = col_align(n, j);
			ib_init(&ib, r, st, 1);
			if (cn != NULL) {
				inlines(&ib, cn);
				cn = cn->next;
			}
			pt_make(r, &row->c[j].t, &ib, st, 0, al);
			row->c[j].st = st;
			row->c[j].sn = tag_new(r, is_head ? "TH" : "TD",
			    row->sn);
		}
		row->nc = ncol;
	}
	colw = xcalloc(ncol, sizeof(*colw));
	colx = xcalloc(ncol, sizeof(*colx));
	if ((worst = table_widths(rows, nrows, ncol, c->w, NULL, colx,
	    colw)) >= 0)
		too_wide(r, &rows[0], worst);
	first = r->nb;
	push_rows(r, c, tsn, rows, nrows, -1, 0);
	if (r->nb > first)
		r->b[first]->pl.before = geom.tab_after;
	free(rows);
	free(colw);
	free(colx);
}

/* --- callouts, quotes, lists, blocks ------------------------------------ */

static void
callout(struct pr *r, const struct dnode *n, const struct bctx *c)
{
	enum callout	 k = n->callout;
	struct bctx	 cc = *c;
	struct box	*b;
	double		 pl = geom.co_px, pr = geom.co_px, pad = geom.co_pad;
	enum st		 st = ST_CTITLE;
	enum col	 tc = C_TEXT;
	char		*up;
	int		 prev;

	if (k == CO_SAMENVATTING) {
		st = ST_CTITLE_BIG;
		tc = C_ACCENT;
		pad = geom.co_pad_big;
	} else if (k == CO_VOORBEELD)
		pl = geom.co_left_example;
	else if (k == CO_LET_OP)
		tc = C_WARN_TEXT;
	else if (k == CO_VRAAG) {
		tc = C_ACCENT;
		pr = geom.co_right_question;
	}
	prev = frame_open(r, FR_CALLOUT, &doc_callouts[k], c, pad,
	    geom.co_margin);
	cc.sn = tag_new(r, "Div", c->sn);
	cc.x += pl;
	cc.w -= pl + pr;
	b = box_new(B_TEXT, &cc, tag_new(r, "P", cc.sn));
	if (k == CO_VOORBEELD) {
		up = g_utf8_strup(n->title, -1);
		pt_str(r, &b->t, up, ST_LABEL, cc.w, PANGO_ALIGN_LEFT);
		g_free(up);
		b->label = 1;
	} else
		pt_str(r, &b->t, n->title, st, cc.w, PANGO_ALIGN_LEFT);
	if (!b->label)
		b->t.color = r->col[tc];
	lines_box(r, b);
	b->pl.keep = 1;
	b->pl.after = geom.co_title_after;
	box_push(r, b);
	blocks(r, n, &cc);
	frame_close(r, prev, geom.co_margin);
}

static void
quote(struct pr *r, const struct dnode *n, const struct bctx *c)
{
	struct bctx	 cc = *c;
	int		 prev;

	prev = frame_open(r, FR_QUOTE, NULL, c, geom.quote_pad, geom.para_sp);
	cc.sn = tag_new(r, "BlockQuote", c->sn);
	cc.x += geom.quote_ind;
	cc.w -= geom.quote_ind;
	blocks(r, n, &cc);
	frame_close(r, prev, geom.para_sp);
}

static void
list(struct pr *r, const struct dnode *n, const struct bctx *c)
{
	struct bctx	 cc = *c;
	struct snode	*l = tag_new(r, "L", c->sn), *li;
	const struct dnode *item;
	char		 m[32];
	struct ptext	 mt;
	size_t		 from = r->nb, lastitem = 0;
	double		 ind;
	int		 k = n->start, last, ordered = n->ordered;

	cc.depth++;
	ind = geom.list_ind;
	if (ordered) {
		/* Room for the widest number inside the indent. */
		for (item = n->first, last = k; item != NULL;
		    item = item->next)
			last++;
		snprintf(m, sizeof(m), "%d.", last > k ? last - 1 : k);
		pt_str(r, &mt, m, ST_BODY, 0, PANGO_ALIGN_LEFT);
		if (pt_width(&mt) + geom.mark_gap > ind)
			ind = pt_width(&mt) + geom.mark_gap;
		pt_free(&mt);
	}
	cc.x += ind;
	cc.w -= ind;
	for (item = n->first; item != NULL; item = item->next, k++) {
		li = tag_new(r, "LI", l);
		if (item->task)
			/* A task: a ballot box, checked or not, for its mark. */
			snprintf(m, sizeof(m), "%s", item->task == 2 ?
			    "\xe2\x98\x91" : "\xe2\x98\x90");
		else if (ordered)
			snprintf(m, sizeof(m), "%d%c", k, n->delim);
		else
			snprintf(m, sizeof(m), "%s", cc.depth % 2 ?
			    "\xe2\x80\xa2" : "\xe2\x80\x93");
		pt_free(&r->pend_mark);
		pt_str(r, &r->pend_mark, m, ST_BODY, 0, PANGO_ALIGN_LEFT);
		if (!ordered || item->task)
			r->pend_mark.color = r->col[C_ACCENT];
		r->pend_marksn = tag_new(r, "Lbl", li);
		cc.sn = tag_new(r, "LBody", li);
		if (item->next == NULL)
			lastitem = r->nb;
		blocks(r, item, &cc);
	}
	pt_free(&r->pend_mark);
	/*
	 * The last item never alone on a page with a line or two: the
	 * short item before it keeps with it.
	 */
	if (lastitem > from && lastitem < r->nb &&
	    r->b[lastitem - 1]->kind == B_TEXT &&
	    r->b[lastitem - 1]->t.nlines <= 3 &&
	    r->b[lastitem]->kind == B_TEXT && r->b[lastitem]->t.nlines < 2)
		r->b[lastitem - 1]->pl.keep = 1;
	space_after(r, from, geom.para_sp);
}

static void
rule(struct pr *r, const struct bctx *c)
{
	struct box	*b;

	b = box_new(B_RULE, c, NULL);
	b->pl.height = geom.rule_h;
	b->pl.before = b->pl.after = geom.rule_sp;
	box_push(r, b);
}

static void
block(struct pr *r, const struct dnode *n, const struct bctx *c)
{
	switch (n->type) {
	case DN_TABLE:
		gfm_table(r, n, c);
		break;
	case DN_PARA:
		paragraph(r, n, c);
		break;
	case DN_HEADING:
		heading(r, n, c);
		break;
	case DN_CALLOUT:
		callout(r, n, c);
		break;
	case DN_QUOTE:
		quote(r, n, c);
		break;
	case DN_LIST:
		list(r, n, c);
		break;
	case DN_FIGURE:
		figure(r, n->chart, c);
		break;
	case DN_DATA:
		tblock(r, n->table, c);
		break;
	case DN_CODE:
		code(r, n->text, c);
		break;
	case DN_HTML:
		/* Raw HTML cannot be set in a PDF: as code, or left out. */
		if (!r->e->meta.unsafe_html)
			code(r, n->text, c);
		break;
	case DN_RULE:
		rule(r, c);
		break;
	default:
		blocks(r, n, c);
		break;
	}
}

/* The blocks in n, their boxes marked with where each starts. */
static void
blocks(struct pr *r, const struct dnode *n, const struct bctx *c)
{
	const struct dnode	*ch;
	int			 line = r->sline, col = r->scol;

	for (ch = n->first; ch != NULL; ch = ch->next) {
		if (ch->line > 0) {
			r->sline = ch->line;
			r->scol = ch->col;
		}
		block(r, ch, c);
	}
	r->sline = line;
	r->scol = col;
}

/* --- footnotes and contents --------------------------------------------- */

static struct fblock *
fn_add(struct pr *r, struct fnote *f, const char *tag, double x)
{
	struct fblock	*b;

	f->blk = xreallocarray(f->blk, f->nblk + 1, sizeof(*f->blk));
	b = &f->blk[f->nblk++];
	memset(b, 0, sizeof(*b));
	b->sn = tag_new(r, tag, f->note);
	b->x = x;
	b->y = f->h;
	return b;
}

/* A footnote's table: a line per row, its cells at tab stops. */
static void
fn_table(struct pr *r, struct fnote *f, const struct dnode *n)
{
	const struct dnode *rn, *cn;
	PangoTabArray	*tabs;
	struct fblock	*b;
	struct ib	 ib;
	struct ptext	 m;
	double		 colw[16], x;
	size_t		 ncol, j;
	char		*s;

	ncol = n->ncol > 0 ? (size_t)n->ncol : 0;
	if (ncol > GEN_NELEM(colw))
		ncol = GEN_NELEM(colw);
	memset(colw, 0, sizeof(colw));
	for (rn = n->first; rn != NULL; rn = rn->next)
		for (cn = rn->first, j = 0; cn != NULL && j < ncol;
		    cn = cn->next, j++) {
			s = dn_text(cn);
			pt_str(r, &m, s, ST_FN, 0, PANGO_ALIGN_LEFT);
			if (pt_width(&m) + geom.fn_tab > colw[j])
				colw[j] = pt_width(&m) + geom.fn_tab;
			pt_free(&m);
			free(s);
		}
	for (rn = n->first; rn != NULL; rn = rn->next) {
		b = fn_add(r, f, "P", 0);
		ib_init(&ib, r, ST_FN, 0);
		for (cn = rn->first, j = 0; cn != NULL && j < ncol;
		    cn = cn->next, j++) {
			if (j > 0)
				buf_putc(&ib.s, '\t');
			inlines(&ib, cn);
		}
		if (rn->head)
			ib_attr(&ib, pango_attr_weight_new(PANGO_WEIGHT_BOLD),
			    0);
		pt_make(r, &b->t, &ib, ST_FN, COL_W - geom.fn_ind,
		    PANGO_ALIGN_LEFT);
		tabs = pango_tab_array_new((gint)(ncol > 1 ? ncol - 1 : 1),
		    FALSE);
		for (j = 1, x = 0; j < ncol; j++) {
			x += colw[j - 1];
			pango_tab_array_set_tab(tabs, (gint)j - 1,
			    PANGO_TAB_LEFT, (gint)(x * PANGO_SCALE));
		}
		pango_layout_set_tabs(b->t.pl, tabs);
		pango_tab_array_free(tabs);
		pt_lines(&b->t);
		f->h += pt_height(&b->t);
	}
}

/*
 * A block of a footnote as plain text.  A figure or a computed table
 * is not drawn at the foot of a page: its caption and its figures are
 * written out instead, so that no word or number is lost.
 */
static char *
fn_plain(const struct dnode *n)
{
	struct buf	 b = { NULL, 0, 0 };
	const struct tblock *t = n->table;
	size_t		 i;

	if (n->type == DN_FIGURE) {
		buf_printf(&b, "%s %s", n->chart->label, n->chart->title ?
		    n->chart->title : "");
		if (n->chart->desc != NULL)
			buf_printf(&b, ": %s", n->chart->desc);
		return buf_detach(&b);
	}
	if (n->type != DN_DATA)
		return dn_text(n);
	buf_printf(&b, "%s %s:", t->label, t->title ? t->title : "");
	for (i = 0; i <= t->nrows; i++) {
		const struct trow *row = i < t->nrows ? &t->rows[i] : &t->total;

		buf_printf(&b, "%s %s", i > 0 ? ";" : "", row->label);
		if (t->col_count && row->count != NULL)
			buf_printf(&b, " %s", row->count);
		if (t->col_pct && row->pct != NULL)
			buf_printf(&b, " (%s)", row->pct);
	}
	buf_putc(&b, '.');
	return buf_detach(&b);
}

/* A block of a footnote after its first paragraph, set in small type. */
static void
fn_block(struct pr *r, struct fnote *f, const struct dnode *n)
{
	const struct dnode *item, *c;
	struct fblock	*b;
	struct ib	 ib;
	const char	*lit;
	char		*s, m[32];
	int		 k;

	switch (n->type) {
	case DN_TABLE:
		fn_table(r, f, n);
		return;
	case DN_PARA:
		b = fn_add(r, f, "P", 0);
		ib_init(&ib, r, ST_FN, 0);
		inlines(&ib, n);
		pt_make(r, &b->t, &ib, ST_FN, COL_W - geom.fn_ind,
		    PANGO_ALIGN_LEFT);
		break;
	case DN_LIST:
		k = n->start;
		for (item = n->first; item != NULL; item = item->next, k++) {
			if (n->ordered)
				snprintf(m, sizeof(m), "%d%c", k, n->delim);
			else
				snprintf(m, sizeof(m), "\xe2\x80\xa2");
			b = fn_add(r, f, "P", 0);
			pt_str(r, &b->t, m, ST_FN, 0, PANGO_ALIGN_LEFT);
			b = fn_add(r, f, "P", geom.fn_ind + geom.fn_item);
			ib_init(&ib, r, ST_FN, 0);
			for (c = item->first; c != NULL; c = c->next) {
				if (c != item->first)
					buf_putc(&ib.s, '\n');
				if (c->type == DN_PARA)
					inlines(&ib, c);
				else {
					s = dn_text(c);
					buf_puts(&ib.s, s);
					free(s);
				}
			}
			pt_make(r, &b->t, &ib, ST_FN, COL_W - 2 * geom.fn_ind -
			    geom.fn_item,
			    PANGO_ALIGN_LEFT);
			f->h += pt_height(&b->t);
		}
		return;
	case DN_HTML:
		if (r->e->meta.unsafe_html)
			return;
		/* FALLTHROUGH */
	case DN_CODE:
		lit = n->text;
		b = fn_add(r, f, "Code", 0);
		ib_init(&ib, r, ST_CODE, 0);
		buf_add(&ib.s, lit, strlen(lit) - (strlen(lit) > 0 &&
		    lit[strlen(lit) - 1] == '\n'));
		pt_make(r, &b->t, &ib, ST_CODE, COL_W - geom.fn_ind,
		    PANGO_ALIGN_LEFT);
		break;
	default:
		b = fn_add(r, f, "P", 0);
		s = fn_plain(n);
		pt_str(r, &b->t, s, ST_FN, COL_W - geom.fn_ind,
		    PANGO_ALIGN_LEFT);
		free(s);
		break;
	}
	f->h += pt_height(&b->t);
}

/* Footnote n (a DN_NOTE) measured into f. */
static void
footnote(struct pr *r, struct fnote *f, const struct dnode *n)
{
	const struct dnode	*c = n->first;
	struct ib		 ib;
	char			 num[16];

	f->note = tag_new(r, "Note", NULL);
	f->lbl = tag_new(r, "Lbl", f->note);
	f->p = tag_new(r, "P", f->note);
	ib_init(&ib, r, ST_FN, 0);
	if (c != NULL && c->type == DN_PARA) {
		inlines(&ib, c);
		c = c->next;
	}
	pt_make(r, &f->t, &ib, ST_FN, COL_W - geom.fn_ind, PANGO_ALIGN_LEFT);
	f->h = pt_height(&f->t);
	for (; c != NULL; c = c->next)
		fn_block(r, f, c);
	f->h += geom.fn_gap;
	snprintf(num, sizeof(num), "%d", n->fn);
	pt_str(r, &f->num, num, ST_FN, 0, PANGO_ALIGN_LEFT);
}

/* Footnote texts, measured before the text that refers to them. */
void
box_footnotes(struct pr *r)
{
	const struct doc	*d = r->e->doc;
	int			 k;

	r->nfn = d->nfn;
	r->fn = xcalloc((size_t)d->nfn + 1, sizeof(*r->fn));
	r->in_fn = 1;
	for (k = 1; k <= d->nfn; k++)
		if (d->notes != NULL && d->notes[k - 1] != NULL)
			footnote(r, &r->fn[k], d->notes[k - 1]);
	r->in_fn = 0;
}

void
box_toc(struct pr *r)
{
	const struct doc	*d = r->e->doc;
	struct bctx		 c;
	struct snode		*tsn;
	struct box		*b;
	size_t			 i;

	if (d->ntoc == 0)
		return;
	memset(&c, 0, sizeof(c));
	c.w = COL_W;
	b = box_new(B_HEADING, &c, tag_new(r, "H2", r->doc));
	pt_str(r, &b->t, "Inhoud", ST_H1, COL_W, PANGO_ALIGN_LEFT);
	b->pl.height = pt_height(&b->t);
	b->pl.after = geom.toc_after;
	b->pl.keep = 1;
	b->dest = xstrdup("inhoud");
	b->title = xstrdup("Inhoud");
	box_push(r, b);
	tsn = tag_new(r, "TOC", r->doc);
	for (i = 0; i < d->ntoc; i++) {
		const struct toc_entry *t = &d->toc[i];

		b = box_new(B_TOC, &c, tag_new(r, "TOCI", tsn));
		b->auxsn = tag_new(r, "Reference", b->sn);
		b->level = t->level;
		b->text_x = geom.toc_ind;
		pt_str(r, &b->t, t->text, t->level == 1 ? ST_TOC1 : ST_TOC2,
		    COL_W - geom.toc_ind - geom.toc_numw, PANGO_ALIGN_LEFT);
		if (t->num != NULL)
			pt_str(r, &b->aux, t->num, ST_TOC1, 0,
			    PANGO_ALIGN_LEFT);
		b->dest = xstrdup(t->id);
		b->pl.height = pt_height(&b->t);
		b->pl.before = t->level == 1 ? geom.toc1_before :
		    geom.toc2_before;
		box_push(r, b);
	}
}

/* --- pages -------------------------------------------------------------- */

size_t
box_find_dest(const struct pr *r, const char *id, enum bkind kind)
{
	size_t	 i;

	for (i = 0; i < r->nb; i++)
		if (r->b[i]->kind == kind && r->b[i]->dest != NULL &&
		    strcmp(r->b[i]->dest, id) == 0)
			return i;
	return r->nb;
}

void
box_paginate(struct pr *r)
{
	struct pl_box	*pb;
	struct pl_geom	 g;
	size_t		 i;

	pb = xcalloc(r->nb + 1, sizeof(*pb));
	for (i = 0; i < r->nb; i++)
		pb[i] = r->b[i]->pl;
	g.body = BODY_H;
	g.fn_sep = geom.fn_sep;
	pl_paginate(pb, r->nb, &g, &r->L);
	free(pb);
	r->bpage = xcalloc(r->nb + 1, sizeof(*r->bpage));
	for (i = 0; i < r->nb; i++)
		r->bpage[i] = -1;
	for (i = r->L.npiece; i-- > 0;)
		if (!r->L.piece[i].repeated && r->L.piece[i].first)
			r->bpage[r->L.piece[i].box] = r->L.piece[i].page;
}

/* The printed number of a layout page: the cover is page 1. */
int
box_pageno(int page)
{
	return page + 2;
}

void
box_free(struct box *b)
{
	pt_free(&b->t);
	pt_free(&b->aux);
	pt_free(&b->mark);
	pt_free(&b->note);
	free(b->dest);
	free(b->title);
	if (b->kind == B_FIGURE)
		chart_layout_free(&b->cl);
	rows_free(b->rows, b->nrows);
	free(b->lh);
	free(b->hy);
	free(b->fn);
	free(b);
}

/* --- the Markdown's characters, the parts ------------------------------- */

/*
 * The characters of n and the nodes in it that the PDF sets, checked
 * at their place in path; text and values next to each other are one
 * run, checked from where the first starts.
 */
static void
glyph_node(struct pr *r, const char *path, const struct dnode *n)
{
	const struct dnode	*c, *first;
	struct buf		 run = { NULL, 0, 0 };

	switch (n->type) {
	case DN_CODESPAN:
		pr_glyph_scan(r, path, n->line, n->col, n->text,
		    strlen(n->text));
		return;
	case DN_CODE:
		/* The text of a fenced block starts below the fence. */
		pr_glyph_scan(r, path, n->line + (n->fenced != 0), 1, n->text,
		    strlen(n->text));
		return;
	case DN_HTML:
	case DN_RAW:
		if (!r->e->meta.unsafe_html)
			pr_glyph_scan(r, path, n->line, n->col, n->text,
			    strlen(n->text));
		return;
	default:
		break;
	}
	for (c = n->first; c != NULL; c = c->next) {
		if (!is_text(c)) {
			glyph_node(r, path, c);
			continue;
		}
		run.len = 0;
		first = c;
		c = text_run(c, &run);
		pr_glyph_scan(r, path, first->line, first->col,
		    run.s != NULL ? run.s : "", run.len);
	}
	buf_free(&run);
}

/*
 * Every character of the Markdown and the front matter the PDF sets:
 * each part, then its footnotes, as they stand in its file.
 */
void
box_glyphs(struct pr *r)
{
	const struct meta	*m = &r->e->meta;
	const struct fmval	*fm[] = {
		&m->title, &m->subtitle, &m->organisation, &m->footer,
		&m->brand_name
	};
	const struct dnode	*part, *notes = NULL, *n;
	size_t			 i;

	for (i = 0; i < GEN_NELEM(fm); i++)
		if (fm[i]->s != NULL)
			pr_glyph_scan(r, r->e->index_path, fm[i]->line,
			    fm[i]->col, fm[i]->s, strlen(fm[i]->s));
	for (n = r->e->doc->root->first; n != NULL; n = n->next)
		if (n->type == DN_NOTES)
			notes = n;
	for (part = r->e->doc->root->first; part != NULL; part = part->next) {
		if (part->type != DN_PART)
			continue;
		glyph_node(r, part->path, part);
		for (n = notes != NULL ? notes->first : NULL; n != NULL;
		    n = n->next)
			if (n->path == part->path)
				glyph_node(r, n->path, n);
	}
}

/* The boxes of every part of the document, each part a Sect. */
void
box_parts(struct pr *r)
{
	const struct dnode	*part;
	struct bctx		 c;

	for (part = r->e->doc->root->first; part != NULL; part = part->next) {
		if (part->type != DN_PART)
			continue;
		r->path = part->path;
		memset(&c, 0, sizeof(c));
		c.sn = tag_new(r, "Sect", r->doc);
		c.w = COL_W;
		page_break(r);
		blocks(r, part, &c);
	}
}

/*
 * The Markdown file box b comes from, *line set to the line where it
 * starts there; NULL when it comes from none.
 */
const char *
box_source(const struct box *b, int *line)
{
	if (b->path == NULL)
		return NULL;
	*line = b->line;
	return b->path;
}
