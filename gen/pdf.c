/*
 * pdf.c: the PDF back-end.  Three steps, as in mandoc's term.c and
 * term_ps.c: the annotated cmark trees become a flat list of boxes
 * measured with Pango (paragraph lines, headings, figures, table rows,
 * table of contents entries); pdflayout.c breaks them into pages; the
 * pages are drawn with Cairo into a tagged PDF with named
 * destinations, links, an outline and metadata.
 *
 * Tagging follows the traps measured in DEPS-NOTES: everything sits in
 * a Document element; text is drawn only in leaf elements (an element
 * that holds both text and child elements loses the text), so a
 * paragraph with links or split over pages is a P of Span and Link
 * children; decoration (frames, rules, leader dots, backgrounds, the
 * cover band, the logo, a repeated table header) is drawn in a
 * PDFA_TAG_ARTIFACT element and the running footer in a
 * PDFA_TAG_PAGINATION one, which the archival pass in pdfa.c turns
 * into real artifacts.  Cairo writes a soft hyphen's glyph with one
 * Unicode mapping for every use, so lines are drawn cluster by cluster
 * here: a word broken at a line end carries its whole text (as
 * ActualText) on the hyphen and its continuation carries none, and
 * soft hyphens inside a line are not written at all.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <cmark-gfm-core-extensions.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>

#include "chart.h"
#include "chart_cairo.h"
#include "diag.h"
#include "doc_cmark.h"
#include "edition.h"
#include "fmt.h"
#include "fonts.h"
#include "hyph.h"
#include "logo.h"
#include "pdf.h"
#include "pdf_int.h"
#include "pdfa.h"
#include "pdflayout.h"
#include "stats.h"
#include "url.h"

static const char *const col_hex[NCOL] = {
	"#1a1a1a", "#4f4f4f", "#154273", NULL, NULL, "#c9c9c9", "#f2f2f2",
	"#a34400", "#8a3a00", "#fdf1e4", "#ffffff", "#f7f7f7", "#dcdcdc",
	"#6b6b6b", "#d9d9d9"
};

static void	 blocks(struct pr *, cmark_node *, const struct bctx *);

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
	r->col[C_TINT] = tint(r->col[C_ACCENT], 0.08);
	r->col[C_TINT_STRONG] = tint(r->col[C_ACCENT], 0.38);
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

/* Decoration: an artifact of the kind PDFA_TAG_ARTIFACT or _PAGINATION. */
void
tag_art_begin(struct pr *r, const char *kind)
{
	cairo_tag_begin(r->cr, kind, "");
}

void
tag_art_end(struct pr *r, const char *kind)
{
	cairo_tag_end(r->cr, kind);
}

struct snode *
tag_new(struct pr *r, const char *tag, struct snode *parent)
{
	struct snode	*s;

	s = xcalloc(1, sizeof(*s));
	s->tag = tag;
	s->parent = parent;
	r->sn = xreallocarray(r->sn, r->nsn + 1, sizeof(*r->sn));
	r->sn[r->nsn++] = s;
	return s;
}

static void
tag_push(struct pr *r, struct snode *s)
{
	if (r->nstack == r->capstack) {
		r->capstack = r->capstack ? 2 * r->capstack : 16;
		r->stack = xreallocarray(r->stack, r->capstack,
		    sizeof(*r->stack));
	}
	r->stack[r->nstack++] = s;
	if (r->nplog == r->capplog) {
		r->capplog = r->capplog ? 2 * r->capplog : 64;
		r->plog = xreallocarray(r->plog, r->capplog,
		    sizeof(*r->plog));
		r->plogbox = xreallocarray(r->plogbox, r->capplog,
		    sizeof(*r->plogbox));
	}
	r->plog[r->nplog] = s->parent;
	r->plogbox[r->nplog++] = r->curbox;
	cairo_tag_begin(r->cr, s->tag, "");
}

void
tag_pop(struct pr *r)
{
	cairo_tag_end(r->cr, r->stack[--r->nstack]->tag);
}

/* Makes s the innermost open element: closes others, opens ancestors. */
void
tag_to(struct pr *r, struct snode *s)
{
	struct snode	*a;
	size_t		 n = 0, i;

	for (a = s; a != NULL; a = a->parent) {
		if (n == r->capchain) {
			r->capchain = r->capchain ? 2 * r->capchain : 16;
			r->chain = xreallocarray(r->chain, r->capchain,
			    sizeof(*r->chain));
		}
		r->chain[n++] = a;
	}
	for (;;) {
		if (r->nstack == 0) {
			i = n;
			break;
		}
		for (i = 0; i < n; i++)
			if (r->chain[i] == r->stack[r->nstack - 1])
				break;
		if (i < n)
			break;
		tag_pop(r);
	}
	while (i-- > 0)
		tag_push(r, r->chain[i]);
}

/* Appends a Cairo attribute value, quoted: ' and \ escaped. */
void
tag_quoted(struct buf *b, const char *s)
{
	buf_putc(b, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '\'' || *s == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *s);
	}
	buf_putc(b, '\'');
}

/* Nonzero if id is a named destination of this PDF. */
static int
known_dest(const struct pr *r, const char *id)
{
	const struct doc	*d = r->e->doc;
	size_t			 i;
	int			 n;
	char			 c;

	for (i = 0; i < d->nx; i++)
		if (d->x[i]->kind == DOCX_HEADING && d->x[i]->id != NULL &&
		    strcmp(d->x[i]->id, id) == 0)
			return 1;
	if (sscanf(id, "figuur-%d%c", &n, &c) == 1)
		return n >= 1 && n <= d->nfig;
	if (sscanf(id, "tabel-%d%c", &n, &c) == 1)
		return n >= 1 && n <= d->ntab;
	if (sscanf(id, "fn-%d%c", &n, &c) == 1)
		return n >= 1 && n <= d->nfn;
	return 0;
}

/*
 * The Cairo link attributes for a Markdown URL (caller frees), or NULL
 * when the PDF cannot link it: as url_judge() decides, "#id" goes to a
 * named destination, http(s), mailto and tel URIs are percent-encoded
 * into ASCII, anything else (relative paths, refused schemes) stays
 * plain text.
 */
static char *
link_attr(const struct pr *r, const char *url)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf		 b = { NULL, 0, 0 }, u = { NULL, 0, 0 };
	struct buf		 j = { NULL, 0, 0 };
	const unsigned char	*s;

	switch (url_judge(url, &j)) {
	case URL_FRAGMENT:
		if (known_dest(r, j.s + 1)) {
			buf_puts(&b, "dest=");
			tag_quoted(&b, j.s + 1);
		}
		buf_free(&j);
		return b.s != NULL ? buf_detach(&b) : NULL;
	case URL_ABSOLUTE:
		break;
	default:
		buf_free(&j);
		return NULL;
	}
	for (s = (const unsigned char *)j.s; *s != '\0'; s++) {
		if (*s <= 0x20 || *s >= 0x7f || strchr("\"'<>\\^`{|}", *s)) {
			buf_putc(&u, '%');
			buf_putc(&u, hex[*s >> 4]);
			buf_putc(&u, hex[*s & 15]);
		} else
			buf_putc(&u, *s);
	}
	buf_puts(&b, "uri=");
	tag_quoted(&b, u.s);
	buf_free(&u);
	buf_free(&j);
	return buf_detach(&b);
}

static void	 inlines(struct ib *, cmark_node *);

static void
inl(struct ib *b, cmark_node *n)
{
	cmark_node_type	 t = cmark_node_get_type(n);
	const char	*s;
	char		*attr, num[16];
	size_t		 start = b->s.len;
	int		 k;

	if (t == CMARK_NODE_STRIKETHROUGH) {
		inlines(b, n);
		ib_attr(b, pango_attr_strikethrough_new(TRUE), start);
		return;
	}
	switch (t) {
	case CMARK_NODE_TEXT:
		if ((s = cmark_node_get_literal(n)) != NULL)
			ib_text(b, s, strlen(s));
		break;
	case CMARK_NODE_SOFTBREAK:
		buf_putc(&b->s, ' ');
		break;
	case CMARK_NODE_LINEBREAK:
		buf_putc(&b->s, '\n');
		break;
	case CMARK_NODE_CODE:
		if ((s = cmark_node_get_literal(n)) != NULL)
			buf_puts(&b->s, s);
		ib_attr(b, pango_attr_family_new(FONTS_MONO), start);
		ib_attr(b, pango_attr_size_new_absolute((int)(b->size * 0.88 *
		    PANGO_SCALE)), start);
		break;
	case CMARK_NODE_HTML_INLINE:
		if (doc_ext(n) != NULL && doc_ext(n)->kind == DOCX_BREAK)
			buf_putc(&b->s, '\n');
		else if (!b->r->e->meta.unsafe_html &&
		    (s = cmark_node_get_literal(n)) != NULL)
			buf_puts(&b->s, s);
		break;
	case CMARK_NODE_EMPH:
		inlines(b, n);
		ib_attr(b, pango_attr_style_new(PANGO_STYLE_ITALIC), start);
		break;
	case CMARK_NODE_STRONG:
		inlines(b, n);
		ib_attr(b, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start);
		break;
	case CMARK_NODE_LINK:
		s = cmark_node_get_url(n);
		attr = s != NULL ? link_attr(b->r, s) : NULL;
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
	case CMARK_NODE_IMAGE:
		/* As in the HTML: the description, not the picture. */
		inlines(b, n);
		ib_attr(b, pango_attr_style_new(PANGO_STYLE_ITALIC), start);
		break;
	default:
		if (t == CMARK_NODE_FOOTNOTE_REFERENCE) {
			s = cmark_node_get_literal(n);
			k = b->r->part->fn_base + (s != NULL ? atoi(s) : 0);
			if (k < 1 || k > b->r->nfn)
				break;
			snprintf(num, sizeof(num), "%d", k);
			buf_puts(&b->s, num);
			ib_attr(b, pango_attr_rise_new((int)(b->size * 0.36 *
			    PANGO_SCALE)), start);
			ib_attr(b, pango_attr_size_new_absolute((int)(b->size *
			    0.66 * PANGO_SCALE)), start);
			ib_attr(b, pango_attr_weight_new(PANGO_WEIGHT_BOLD),
			    start);
			ib_color(b, b->r->col[C_ACCENT], start);
			if (b->r->in_fn)
				break;
			ib_link(b, start, xasprintf("dest='fn-%d'", k));
			b->fns = xreallocarray(b->fns, b->nfns + 1,
			    sizeof(*b->fns));
			memset(&b->fns[b->nfns], 0, sizeof(*b->fns));
			b->fns[b->nfns].at = (unsigned)start;
			b->fns[b->nfns++].num = k;
			break;
		}
		inlines(b, n);
		break;
	}
}

static void
inlines(struct ib *b, cmark_node *n)
{
	cmark_node	*c;

	for (c = cmark_node_first_child(n); c != NULL; c = cmark_node_next(c))
		inl(b, c);
}

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
			memset(&r->pend_mark, 0, sizeof(r->pend_mark));
		}
	}
	if (r->sline > 0) {
		b->part = r->part;
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
heading(struct pr *r, cmark_node *n, const struct bctx *c)
{
	const struct docx	*x = doc_ext(n);
	struct box		*b;
	struct ib		 ib;
	enum st			 st;
	char			*text;
	int			 level = cmark_node_get_heading_level(n);

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
	if (level == 1 && x != NULL && x->num != NULL)
		pt_str(r, &b->aux, x->num, ST_CHAPNUM, 0, PANGO_ALIGN_LEFT);
	b->pl.height = pt_height(&b->t) + (b->aux.pl != NULL ?
	    pt_height(&b->aux) + 2 : 0);
	b->pl.keep = 1;
	switch (level) {
	case 1:
		b->pl.pad_top = CHAP_TOP;
		b->pl.after = 20;
		break;
	case 2:
		b->pl.before = 20;
		b->pl.after = 6;
		break;
	case 3:
		b->pl.before = 14;
		b->pl.after = 4;
		break;
	default:
		b->pl.before = 10;
		b->pl.after = 3;
		break;
	}
	if (x != NULL && x->id != NULL)
		b->dest = xstrdup(x->id);
	text = doc_text(n);
	b->title = x != NULL && x->num != NULL ?
	    xasprintf("%s %s", x->num, text) : xstrdup(text);
	free(text);
	block_fn(r, b, &b->t);
	box_push(r, b);
}

static void
paragraph(struct pr *r, cmark_node *n, const struct bctx *c)
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
	b->pl.after = c->tight ? ITEM_SP : PARA_SP;
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
	prev = frame_open(r, FR_CODE, NULL, c, 8, 12);
	cc.x += 13;
	cc.w -= 23;
	b = box_new(B_TEXT, &cc, tag_new(r, "Code", c->sn));
	ib_init(&ib, r, ST_CODE, 0);
	buf_add(&ib.s, lit, len);
	pt_make(r, &b->t, &ib, ST_CODE, cc.w, PANGO_ALIGN_LEFT);
	lines_box(r, b);
	box_push(r, b);
	frame_close(r, prev, 12);
}

static void
figure(struct pr *r, const struct docx *x, const struct bctx *c)
{
	struct box	*b;
	struct ib	 ib;
	char		 num[32];
	size_t		 start;

	b = box_new(B_FIGURE, c, tag_new(r, "Figure", c->sn));
	b->chart = &x->chart;
	chart_layout(&x->chart, c->w, &r->measure, &b->cl);
	ib_init(&ib, r, ST_CAPTION, 0);
	snprintf(num, sizeof(num), "Figuur %d.", x->chart.number);
	buf_puts(&ib.s, num);
	ib_attr(&ib, pango_attr_weight_new(PANGO_WEIGHT_BOLD), 0);
	ib_color(&ib, r->col[C_TEXT], 0);
	buf_putc(&ib.s, ' ');
	start = ib.s.len;
	buf_puts(&ib.s, x->chart.title != NULL ? x->chart.title : "");
	(void)start;
	pt_make(r, &b->aux, &ib, ST_CAPTION, c->w, PANGO_ALIGN_LEFT);
	b->auxsn = tag_new(r, "Caption", b->sn);
	b->pl.height = FIG_PAD + b->cl.height + 8 + pt_height(&b->aux) +
	    FIG_PAD - 2;
	b->pl.before = b->pl.after = FIG_SP;
	/* Outside frames and lists a figure may move forward. */
	b->pl.floats = r->frame < 0 && c->depth == 0;
	b->dest = xasprintf("figuur-%d", x->chart.number);
	box_push(r, b);
}

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
	for (i = 0; i < row->nc; i++) {
		row->c[i].x = colx[i];
		row->c[i].w = colw[i];
		pt_set_width(&row->c[i].t, colw[i] - 2 * CELL_PX);
		h = pt_height(&row->c[i].t) + 2 * CELL_PY;
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

/* Type of a table: from its style's size down to this, in points. */
#define CELL_FLOOR	7.0

/*
 * Column widths of a table in width w, as a browser's automatic table
 * layout: each column between its narrowest (its longest unbreakable
 * piece) and its natural width (its longest cell on one line).  When
 * the narrowest widths do not fit, the table's type is set smaller, in
 * steps down to CELL_FLOOR; when they still do not fit, returns the
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
	floor_s = CELL_FLOOR / styles[ST_CELL].size;
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
				if (pt_width(&c->t) + 2 * CELL_PX > mx[j])
					mx[j] = pt_width(&c->t) + 2 * CELL_PX;
				if ((x = pt_word_width(&c->t) + 2 * CELL_PX) >
				    mw[j])
					mw[j] = x;
				if ((x = pt_min_width(&c->t) + 2 * CELL_PX) >
				    mn[j])
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
	if (r->part != NULL && r->sline > 0)
		diag_error(r->diag, r->part->path, r->part->line0 + r->sline,
		    r->scol, "PDF: this table is too wide for the page even "
		    "in %.0f pt type: column %ld%s%s%s cannot be made narrower "
		    "(shorten its longest word, or split the table)",
		    CELL_FLOOR, col + 1, name.len > 0 ? " ('" : "",
		    name.len > 0 ? name.s : "", name.len > 0 ? "')" : "");
	else
		diag_error(r->diag, r->e->index_path, 0, 0, "PDF: a table is "
		    "too wide for the page even in %.0f pt type (column %ld)",
		    CELL_FLOOR, col + 1);
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
	b->pl.pad_top = CELL_PY;
	b->pl.pad_bottom = row->h - CELL_PY - n * lead;
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
			b->pl.after = 12;
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
	size_t		 i, nrows, ncol = 1 + (t->col_count != 0) +
			    (t->col_pct != 0);
	long		 worst, gi;
	char		 num[48];

	b = box_new(B_TABLE, c, tsn);
	ib_init(&ib, r, ST_CAPTION, 0);
	snprintf(num, sizeof(num), "Tabel %d.", t->number);
	buf_puts(&ib.s, num);
	ib_attr(&ib, pango_attr_weight_new(PANGO_WEIGHT_BOLD), 0);
	ib_color(&ib, r->col[C_TEXT], 0);
	buf_putc(&ib.s, ' ');
	buf_puts(&ib.s, t->title != NULL ? t->title : "");
	pt_make(r, &b->aux, &ib, ST_CAPTION, c->w, PANGO_ALIGN_LEFT);
	b->auxsn = tag_new(r, "Caption", tsn);
	b->pl.height = pt_height(&b->aux) + 6;
	b->pl.keep = 1;
	b->pl.before = FIG_SP;
	b->dest = xasprintf("tabel-%d", t->number);
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
	snprintf(num, sizeof(num), "Tabel %d (vervolg)", t->number);
	pt_str(r, &g->aux, num, ST_CAPTION, c->w, PANGO_ALIGN_LEFT);
	ghead = rows[0];
	g->rows = xcalloc(1, sizeof(*g->rows));
	g->rows[0] = ghead;
	g->nrows = 1;
	g->pl.height = pt_height(&g->aux) + 6 + ghead.h;
	g->pl.ghost = 1;
	gi = (long)box_push(r, g);
	g->line = 0;

	push_rows(r, c, tsn, rows + 1, nrows - 1, gi, 1);
	free(rows);
	if (t->note != NULL) {
		b = box_new(B_TEXT, c, tag_new(r, "P", c->sn));
		pt_str(r, &b->t, t->note, ST_NOTE, c->w, PANGO_ALIGN_LEFT);
		lines_box(r, b);
		b->pl.before = 5;
		box_push(r, b);
	}
	space_after(r, 0, FIG_SP);
}

/* A Markdown (GFM) table: a box per row, the header repeated. */
static void
gfm_table(struct pr *r, cmark_node *n, const struct bctx *c)
{
	struct snode	*tsn = tag_new(r, "Table", c->sn);
	cmark_node	*rn, *cn;
	uint8_t		*align;
	struct row	*rows = NULL;
	struct ib	 ib;
	size_t		 nrows = 0, ncol, j, first;
	double		*colw, *colx;
	long		 worst;
	PangoAlignment	 al;

	ncol = cmark_gfm_extensions_get_table_columns(n);
	align = cmark_gfm_extensions_get_table_alignments(n);
	if (ncol == 0)
		return;
	for (rn = cmark_node_first_child(n); rn != NULL;
	    rn = cmark_node_next(rn)) {
		int	 is_head = cmark_gfm_extensions_get_table_row_is_header(rn);
		struct row *row;

		rows = xreallocarray(rows, nrows + 1, sizeof(*rows));
		row = &rows[nrows++];
		memset(row, 0, sizeof(*row));
		row->kind = is_head ? ROW_HEAD : ROW_BODY;
		row->line = cmark_node_get_start_line(rn);
		row->col = cmark_node_get_start_column(rn);
		row->sn = tag_new(r, "TR", tsn);
		row->c = xcalloc(ncol, sizeof(*row->c));
		for (cn = cmark_node_first_child(rn), j = 0; j < ncol; j++) {
			enum st st = is_head ? ST_CELLHEAD : ST_CELL;

			al = align != NULL && align[j] == 'r' ?
			    PANGO_ALIGN_RIGHT : align != NULL &&
			    align[j] == 'c' ? PANGO_ALIGN_CENTER :
			    PANGO_ALIGN_LEFT;
			ib_init(&ib, r, st, 1);
			if (cn != NULL) {
				inlines(&ib, cn);
				cn = cmark_node_next(cn);
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
		r->b[first]->pl.before = 12;
	free(rows);
	free(colw);
	free(colx);
}

static void
callout(struct pr *r, cmark_node *n, const struct docx *x,
    const struct bctx *c)
{
	enum callout	 k = x->callout;
	struct bctx	 cc = *c;
	struct box	*b;
	double		 pl = 14, pr = 14, pad = 11;
	enum st		 st = ST_CTITLE;
	enum col	 tc = C_TEXT;
	char		*up;
	int		 prev;

	if (k == CO_SAMENVATTING) {
		st = ST_CTITLE_BIG;
		tc = C_ACCENT;
		pad = 13;
	} else if (k == CO_VOORBEELD)
		pl = 40;
	else if (k == CO_LET_OP)
		tc = C_WARN_TEXT;
	else if (k == CO_VRAAG) {
		tc = C_ACCENT;
		pr = 44;
	}
	prev = frame_open(r, FR_CALLOUT, &doc_callouts[k], c, pad, 14);
	cc.sn = tag_new(r, "Div", c->sn);
	cc.x += pl;
	cc.w -= pl + pr;
	cc.tight = 0;
	b = box_new(B_TEXT, &cc, tag_new(r, "P", cc.sn));
	if (k == CO_VOORBEELD) {
		up = g_utf8_strup(x->title, -1);
		pt_str(r, &b->t, up, ST_LABEL, cc.w, PANGO_ALIGN_LEFT);
		g_free(up);
		b->label = 1;
	} else
		pt_str(r, &b->t, x->title, st, cc.w, PANGO_ALIGN_LEFT);
	if (!b->label)
		b->t.color = r->col[tc];
	lines_box(r, b);
	b->pl.keep = 1;
	b->pl.after = 4;
	box_push(r, b);
	blocks(r, n, &cc);
	frame_close(r, prev, 14);
}

static void
quote(struct pr *r, cmark_node *n, const struct bctx *c)
{
	struct bctx	 cc = *c;
	int		 prev;

	prev = frame_open(r, FR_QUOTE, NULL, c, 2, PARA_SP);
	cc.sn = tag_new(r, "BlockQuote", c->sn);
	cc.x += 16;
	cc.w -= 16;
	cc.tight = 0;
	blocks(r, n, &cc);
	frame_close(r, prev, PARA_SP);
}

static void
list(struct pr *r, cmark_node *n, const struct bctx *c)
{
	struct bctx	 cc = *c;
	struct snode	*l = tag_new(r, "L", c->sn), *li;
	cmark_node	*item;
	char		 m[32];
	struct ptext	 mt;
	size_t		 from = r->nb, lastitem = 0;
	double		 ind;
	int		 k = cmark_node_get_list_start(n), last, task;
	int		 ordered = cmark_node_get_list_type(n) ==
			    CMARK_ORDERED_LIST;

	cc.depth++;
	ind = LIST_IND;
	if (ordered) {
		/* Room for the widest number inside the indent. */
		for (item = cmark_node_first_child(n), last = k;
		    item != NULL; item = cmark_node_next(item))
			last++;
		snprintf(m, sizeof(m), "%d.", last > k ? last - 1 : k);
		pt_str(r, &mt, m, ST_BODY, 0, PANGO_ALIGN_LEFT);
		if (pt_width(&mt) + MARK_GAP > ind)
			ind = pt_width(&mt) + MARK_GAP;
		pt_free(&mt);
	}
	cc.x += ind;
	cc.w -= ind;
	cc.tight = cmark_node_get_list_tight(n);
	for (item = cmark_node_first_child(n); item != NULL;
	    item = cmark_node_next(item), k++) {
		li = tag_new(r, "LI", l);
		task = strcmp(cmark_node_get_type_string(item),
		    "tasklist") == 0;
		if (task)
			/* A task: a ballot box, checked or not, for its mark. */
			snprintf(m, sizeof(m), "%s",
			    cmark_gfm_extensions_get_tasklist_item_checked(item) ?
			    "\xe2\x98\x91" : "\xe2\x98\x90");
		else if (ordered)
			snprintf(m, sizeof(m), "%d%c", k,
			    cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM ?
			    ')' : '.');
		else
			snprintf(m, sizeof(m), "%s", cc.depth % 2 ?
			    "\xe2\x80\xa2" : "\xe2\x80\x93");
		pt_free(&r->pend_mark);
		pt_str(r, &r->pend_mark, m, ST_BODY, 0, PANGO_ALIGN_LEFT);
		if (!ordered || task)
			r->pend_mark.color = r->col[C_ACCENT];
		r->pend_marksn = tag_new(r, "Lbl", li);
		cc.sn = tag_new(r, "LBody", li);
		if (cmark_node_next(item) == NULL)
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
	space_after(r, from, PARA_SP);
}

static void
block(struct pr *r, cmark_node *n, const struct bctx *c)
{
	const struct docx *x = doc_ext(n);
	cmark_node_type	 t = cmark_node_get_type(n);
	struct box	*b;
	const char	*s;

	if (t == CMARK_NODE_TABLE) {
		gfm_table(r, n, c);
		return;
	}
	switch (t) {
	case CMARK_NODE_PARAGRAPH:
		paragraph(r, n, c);
		break;
	case CMARK_NODE_HEADING:
		heading(r, n, c);
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		if (x != NULL && x->kind == DOCX_CALLOUT)
			callout(r, n, x, c);
		else
			quote(r, n, c);
		break;
	case CMARK_NODE_LIST:
		list(r, n, c);
		break;
	case CMARK_NODE_CODE_BLOCK:
		if (x != NULL && x->kind == DOCX_CHART)
			figure(r, x, c);
		else if (x != NULL && x->kind == DOCX_TABLE)
			tblock(r, &x->table, c);
		else if ((s = cmark_node_get_literal(n)) != NULL)
			code(r, s, c);
		break;
	case CMARK_NODE_HTML_BLOCK:
		/* Raw HTML cannot be set in a PDF: shown as code, or left out. */
		if (!r->e->meta.unsafe_html &&
		    (s = cmark_node_get_literal(n)) != NULL)
			code(r, s, c);
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		b = box_new(B_RULE, c, NULL);
		b->pl.height = 1;
		b->pl.before = b->pl.after = 14;
		box_push(r, b);
		break;
	case CMARK_NODE_FOOTNOTE_DEFINITION:
		/* Set at the foot of the page that refers to it. */
		break;
	default:
		blocks(r, n, c);
		break;
	}
}

/* The blocks in n, their boxes marked with where each starts. */
static void
blocks(struct pr *r, cmark_node *n, const struct bctx *c)
{
	cmark_node	*ch;
	int		 line = r->sline, col = r->scol;

	for (ch = cmark_node_first_child(n); ch != NULL;
	    ch = cmark_node_next(ch)) {
		if (cmark_node_get_start_line(ch) > 0) {
			r->sline = cmark_node_get_start_line(ch);
			r->scol = cmark_node_get_start_column(ch);
		}
		block(r, ch, c);
	}
	r->sline = line;
	r->scol = col;
}

static struct fblock *
fn_add(struct pr *r, struct fnote *f, const char *tag, double x, int beside)
{
	struct fblock	*b;

	f->blk = xreallocarray(f->blk, f->nblk + 1, sizeof(*f->blk));
	b = &f->blk[f->nblk++];
	memset(b, 0, sizeof(*b));
	b->sn = tag_new(r, tag, f->note);
	b->x = x;
	b->beside = beside;
	return b;
}

/* A footnote's table: a line per row, its cells at tab stops. */
static void
fn_table(struct pr *r, struct fnote *f, cmark_node *n)
{
	cmark_node	*rn, *cn;
	PangoTabArray	*tabs;
	struct fblock	*b;
	struct ib	 ib;
	struct ptext	 m;
	double		 colw[16], x;
	size_t		 ncol, j;
	char		*s;

	ncol = cmark_gfm_extensions_get_table_columns(n);
	if (ncol > GEN_NELEM(colw))
		ncol = GEN_NELEM(colw);
	memset(colw, 0, sizeof(colw));
	for (rn = cmark_node_first_child(n); rn != NULL;
	    rn = cmark_node_next(rn))
		for (cn = cmark_node_first_child(rn), j = 0; cn != NULL &&
		    j < ncol; cn = cmark_node_next(cn), j++) {
			s = doc_text(cn);
			pt_str(r, &m, s, ST_FN, 0, PANGO_ALIGN_LEFT);
			if (pt_width(&m) + 12 > colw[j])
				colw[j] = pt_width(&m) + 12;
			pt_free(&m);
			free(s);
		}
	for (rn = cmark_node_first_child(n); rn != NULL;
	    rn = cmark_node_next(rn)) {
		b = fn_add(r, f, "P", 0, 0);
		ib_init(&ib, r, ST_FN, 0);
		for (cn = cmark_node_first_child(rn), j = 0; cn != NULL &&
		    j < ncol; cn = cmark_node_next(cn), j++) {
			if (j > 0)
				buf_putc(&ib.s, '\t');
			inlines(&ib, cn);
		}
		if (cmark_gfm_extensions_get_table_row_is_header(rn))
			ib_attr(&ib, pango_attr_weight_new(PANGO_WEIGHT_BOLD),
			    0);
		pt_make(r, &b->t, &ib, ST_FN, COL_W - FN_IND,
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

/* A block of a footnote after its first paragraph, set in small type. */
static void
fn_block(struct pr *r, struct fnote *f, cmark_node *n)
{
	cmark_node_type	 t = cmark_node_get_type(n);
	cmark_node	*item, *c;
	struct fblock	*b;
	struct ib	 ib;
	const char	*lit;
	char		*s, m[32];
	int		 k, ordered;

	if (t == CMARK_NODE_TABLE) {
		fn_table(r, f, n);
		return;
	}
	switch (t) {
	case CMARK_NODE_PARAGRAPH:
		b = fn_add(r, f, "P", 0, 0);
		ib_init(&ib, r, ST_FN, 0);
		inlines(&ib, n);
		pt_make(r, &b->t, &ib, ST_FN, COL_W - FN_IND, PANGO_ALIGN_LEFT);
		break;
	case CMARK_NODE_LIST:
		ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
		k = cmark_node_get_list_start(n);
		for (item = cmark_node_first_child(n); item != NULL;
		    item = cmark_node_next(item), k++) {
			if (ordered)
				snprintf(m, sizeof(m), "%d%c", k,
				    cmark_node_get_list_delim(n) ==
				    CMARK_PAREN_DELIM ? ')' : '.');
			else
				snprintf(m, sizeof(m), "\xe2\x80\xa2");
			b = fn_add(r, f, "P", 0, 0);
			pt_str(r, &b->t, m, ST_FN, 0, PANGO_ALIGN_LEFT);
			b = fn_add(r, f, "P", FN_IND + 4, 1);
			ib_init(&ib, r, ST_FN, 0);
			for (c = cmark_node_first_child(item); c != NULL;
			    c = cmark_node_next(c)) {
				if (c != cmark_node_first_child(item))
					buf_putc(&ib.s, '\n');
				if (cmark_node_get_type(c) ==
				    CMARK_NODE_PARAGRAPH)
					inlines(&ib, c);
				else {
					s = doc_text(c);
					buf_puts(&ib.s, s);
					free(s);
				}
			}
			pt_make(r, &b->t, &ib, ST_FN, COL_W - 2 * FN_IND - 4,
			    PANGO_ALIGN_LEFT);
			f->h += pt_height(&b->t);
		}
		return;
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_HTML_BLOCK:
		if (t == CMARK_NODE_HTML_BLOCK && r->e->meta.unsafe_html)
			return;
		if ((lit = cmark_node_get_literal(n)) == NULL)
			return;
		b = fn_add(r, f, "Code", 0, 0);
		ib_init(&ib, r, ST_CODE, 0);
		buf_add(&ib.s, lit, strlen(lit) - (strlen(lit) > 0 &&
		    lit[strlen(lit) - 1] == '\n'));
		pt_make(r, &b->t, &ib, ST_CODE, COL_W - FN_IND,
		    PANGO_ALIGN_LEFT);
		break;
	default:
		b = fn_add(r, f, "P", 0, 0);
		s = doc_text(n);
		pt_str(r, &b->t, s, ST_FN, COL_W - FN_IND, PANGO_ALIGN_LEFT);
		free(s);
		break;
	}
	f->h += pt_height(&b->t);
}

/* Footnote texts, measured before the text that refers to them. */
void
box_footnotes(struct pr *r)
{
	const struct doc	*d = r->e->doc;
	struct fnote		*f;
	struct ib		 ib;
	cmark_node		*n, *c;
	char			 num[16];
	size_t			 i;
	int			 k;

	r->nfn = d->nfn;
	r->fn = xcalloc((size_t)d->nfn + 1, sizeof(*r->fn));
	r->in_fn = 1;
	for (i = 0; i < d->nparts; i++) {
		r->part = &d->parts[i];
		k = 0;
		for (n = cmark_node_first_child(d->parts[i].root); n != NULL;
		    n = cmark_node_next(n)) {
			if (cmark_node_get_type(n) !=
			    CMARK_NODE_FOOTNOTE_DEFINITION)
				continue;
			if (d->parts[i].fn_base + ++k > d->nfn)
				break;
			f = &r->fn[d->parts[i].fn_base + k];
			f->note = tag_new(r, "Note", NULL);
			f->lbl = tag_new(r, "Lbl", f->note);
			f->p = tag_new(r, "P", f->note);
			c = cmark_node_first_child(n);
			ib_init(&ib, r, ST_FN, 0);
			if (c != NULL && cmark_node_get_type(c) ==
			    CMARK_NODE_PARAGRAPH) {
				inlines(&ib, c);
				c = cmark_node_next(c);
			}
			pt_make(r, &f->t, &ib, ST_FN, COL_W - FN_IND,
			    PANGO_ALIGN_LEFT);
			f->h = pt_height(&f->t);
			for (; c != NULL; c = cmark_node_next(c))
				fn_block(r, f, c);
			f->h += FN_GAP;
			snprintf(num, sizeof(num), "%d",
			    d->parts[i].fn_base + k);
			pt_str(r, &f->num, num, ST_FN, 0, PANGO_ALIGN_LEFT);
		}
	}
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
	b->pl.after = 14;
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
		pt_str(r, &b->t, t->text, t->level == 1 ? ST_TOC1 : ST_TOC2,
		    COL_W - TOC_IND - TOC_NUMW, PANGO_ALIGN_LEFT);
		if (t->num != NULL)
			pt_str(r, &b->aux, t->num, ST_TOC1, 0,
			    PANGO_ALIGN_LEFT);
		b->dest = xstrdup(t->id);
		b->pl.height = pt_height(&b->t);
		b->pl.before = t->level == 1 ? 8 : 0.5;
		box_push(r, b);
	}
}

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
	g.fn_sep = FN_SEP;
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
			cairo_rectangle(r->cr, x, by + t->size * 0.13, w,
			    t->size * 0.055);
			cairo_fill(r->cr);
		}
		if (strike) {
			cairo_rectangle(r->cr, x, by - t->size * 0.3, w,
			    t->size * 0.055);
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

void
tag_dest(struct pr *r, const char *name, double x, double y)
{
	struct buf	 b = { NULL, 0, 0 };

	buf_puts(&b, "name=");
	tag_quoted(&b, name);
	buf_printf(&b, " x=%.2f y=%.2f", x, y < 0 ? 0 : y);
	cairo_tag_begin(r->cr, CAIRO_TAG_DEST, b.s);
	cairo_tag_end(r->cr, CAIRO_TAG_DEST);
	buf_free(&b);
}

/* The footnotes first referred to on lines [from, to) of t, owner's children. */
static void
notes(struct pr *r, struct snode *owner, const struct ptext *t, int from,
    int to)
{
	struct fnote	*f;
	size_t		 i, j;
	double		 y;
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
			cairo_rectangle(r->cr, M_LEFT, r->fncur - FN_SEP / 2,
			    110, 0.5);
			cairo_fill(r->cr);
			tag_art_end(r, PDFA_TAG_ARTIFACT);
			r->fnrule = 1;
		}
		snprintf(name, sizeof(name), "fn-%d", t->fns[i].num);
		tag_dest(r, name, M_LEFT, r->fncur - 4);
		f->note->parent = owner;
		draw_text(r, f->lbl, &f->num, M_LEFT, r->fncur, 0, 1, 1);
		draw_text(r, f->p, &f->t, M_LEFT + FN_IND, r->fncur, 0,
		    f->t.nlines, 1);
		y = r->fncur + pt_height(&f->t);
		for (j = 0; j < f->nblk; j++) {
			const struct fblock *b = &f->blk[j];

			if (b->beside && j > 0)
				y -= pt_height(&f->blk[j - 1].t);
			draw_text(r, b->sn, &b->t, M_LEFT + FN_IND + b->x, y,
			    0, b->t.nlines, 1);
			y += pt_height(&b->t);
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
	double	 ty = y + (from == 0 ? CELL_PY : 0), w;
	int	 n, last = 1;

	for (i = 0; i < row->nc; i++) {
		const struct cell *c = &row->c[i];

		n = c->t.nlines < to ? c->t.nlines : to;
		if (c->t.nlines > to)
			last = 0;
		if (from >= n)
			continue;
		if (tagged) {
			draw_text(r, c->sn, &c->t, x + c->x + CELL_PX, ty,
			    from, n, from == 0 && n == c->t.nlines);
			notes(r, c->sn, &c->t, from, n);
		} else
			draw_lines(r, &c->t, x + c->x + CELL_PX, ty, from, n,
			    0);
	}
	if (row->nc == 0)
		return;
	x += row->c[0].x;
	w = row->c[row->nc - 1].x + row->c[row->nc - 1].w - row->c[0].x;
	if (tagged)
		tag_art_begin(r, PDFA_TAG_ARTIFACT);
	switch (row->kind) {
	case ROW_HEAD:
		fill_rect(r, C_TEXT, x, y + h - 1, w, 1);
		break;
	case ROW_BODY:
		if (last)
			fill_rect(r, C_ROW, x, y + h - 0.5, w, 0.5);
		break;
	case ROW_TOTAL:
		if (from == 0)
			fill_rect(r, C_TEXT, x, y, w, 1);
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

	if (x1 - 2 <= x0)
		return;
	tag_art_begin(r, PDFA_TAG_ARTIFACT);
	source(r, r->col[C_RULE]);
	for (x = x1 - 2; x > x0; x -= 4) {
		cairo_new_sub_path(r->cr);
		cairo_arc(r->cr, x, y - 0.6, 0.55, 0, 2 * G_PI);
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
	double		 by, tx = x + TOC_IND, endx;
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
	leader(r, endx + 6, x + b->w - pt_width(&pn) - 5, by);
	pt_free(&pn);
}

void
draw_piece(struct pr *r, const struct pl_piece *pc)
{
	struct box	*b = r->b[pc->box];
	double		 x = M_LEFT + b->x, y = M_TOP + pc->y, ty, cy, h, own;
	size_t		 i;

	ty = y + (pc->first ? b->pl.pad_top : 0);
	/* A contents entry links to its heading's name; it has none. */
	if (pc->first && !pc->repeated && b->dest != NULL &&
	    b->kind != B_TOC)
		tag_dest(r, b->dest, x, ty - 6);
	switch (b->kind) {
	case B_TEXT:
		if (pc->first && b->mark.pl != NULL)
			draw_text(r, b->marksn, &b->mark, x - MARK_GAP -
			    pt_width(&b->mark), ty + (b->t.base - b->mark.base),
			    0, 1, 1);
		if (b->label && pc->first) {
			tag_art_begin(r, PDFA_TAG_ARTIFACT);
			source(r, r->col[C_ACCENT]);
			cairo_rectangle(r->cr, x - 5, ty + 2.5, pt_width(&b->t) +
			    10, b->t.lead - 5);
			cairo_fill(r->cr);
			tag_art_end(r, PDFA_TAG_ARTIFACT);
		}
		draw_text(r, b->sn, &b->t, x, ty, (int)pc->from, (int)pc->to,
		    pc->first && pc->last);
		notes(r, b->sn, &b->t, (int)pc->from, (int)pc->to);
		break;
	case B_HEADING:
		tag_to(r, b->sn);
		cy = ty;
		if (b->aux.pl != NULL) {
			draw_lines(r, &b->aux, x, cy, 0, b->aux.nlines,
			    b->t.nlines > 0 && b->t.nlinks > 0);
			cy += pt_height(&b->aux) + 2;
		}
		draw_lines(r, &b->t, x, cy, 0, b->t.nlines, b->t.nlinks > 0);
		if (b->t.nlinks == 0)
			tag_pop(r);
		notes(r, b->sn, &b->t, 0, b->t.nlines);
		break;
	case B_FIGURE:
		tag_art_begin(r, PDFA_TAG_ARTIFACT);
		fill_rect(r, C_RULE, x, ty, b->w, 0.5);
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
		chart_cairo_draw(&b->cl, r->cr, r->o->fonts, x, ty + FIG_PAD);
		cairo_tag_end(r->cr, "Span");
		draw_text(r, b->auxsn, &b->aux, x, ty + FIG_PAD +
		    b->cl.height + 8, 0, b->aux.nlines, 1);
		tag_art_begin(r, PDFA_TAG_ARTIFACT);
		fill_rect(r, C_RULE, x, ty + b->pl.height - 0.5, b->w, 0.5);
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
				y += pt_height(&b->aux) + 6;
			}
			draw_row(r, &b->rows[0], x, y, b->rows[0].h, 0,
			    INT_MAX, 0);
			tag_art_end(r, PDFA_TAG_ARTIFACT);
		} else if (b->pl.kind == PL_LINES) {
			/* Without the padding of frames around the table. */
			own = b->rows[0].h - CELL_PY - b->pl.nlines * b->lh[0];
			h = pc->h;
			if (pc->first) {
				h -= b->pl.pad_top - CELL_PY;
				y += b->pl.pad_top - CELL_PY;
			}
			if (pc->last)
				h -= b->pl.pad_bottom - own;
			draw_row(r, &b->rows[0], x, y, h, (int)pc->from,
			    (int)pc->to, 1);
		} else
			draw_row(r, &b->rows[0], x, ty, b->rows[0].h, 0,
			    INT_MAX, 1);
		break;
	case B_RULE:
		tag_art_begin(r, PDFA_TAG_ARTIFACT);
		fill_rect(r, C_RULE, x, ty, b->w, 0.75);
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
		y0 = M_TOP + (starts ? top + f->off_top : top - SPLIT_EXT);
		y1 = M_TOP + (ends ? bot - (r->b[f->last]->pl.pad_bottom -
		    f->pb) : bot + SPLIT_EXT);
		x = M_LEFT + f->x;
		w = f->w;
		tag_art_begin(r, PDFA_TAG_ARTIFACT);
		switch (f->kind) {
		case FR_QUOTE:
			fill_rect(r, C_TINT_STRONG, x, y0, 3, y1 - y0);
			break;
		case FR_CODE:
			fill_rect(r, C_CODE_BG, x, y0, w, y1 - y0);
			source(r, r->col[C_CODE_LINE]);
			cairo_set_line_width(cr, 0.75);
			cairo_rectangle(cr, x + 0.375, y0 + 0.375, w - 0.75,
			    y1 - y0 - 0.75);
			cairo_stroke(cr);
			fill_rect(r, C_KADER, x, y0, 3, y1 - y0);
			break;
		case FR_CALLOUT:
			if (f->callout->kind == CO_SAMENVATTING) {
				fill_rect(r, C_TINT, x, y0, w, y1 - y0);
				if (starts)
					fill_rect(r, C_ACCENT, x, y0, w, 3);
			} else if (f->callout->kind == CO_KADER) {
				fill_rect(r, C_GREY, x, y0, w, y1 - y0);
				fill_rect(r, C_KADER, x, y0, 4, y1 - y0);
			} else if (f->callout->kind == CO_VOORBEELD) {
				source(r, r->col[C_RULE]);
				cairo_set_line_width(cr, 0.75);
				cairo_rectangle(cr, x + 0.375, y0 + 0.375,
				    w - 0.75, y1 - y0 - 0.75);
				cairo_stroke(cr);
				fill_rect(r, C_ACCENT, x, y0, 3, y1 - y0);
				if (starts)
					draw_mark(r, "\xe2\x80\x9c", x + 9,
					    y0 + 2);
			} else if (f->callout->kind == CO_LET_OP) {
				fill_rect(r, C_WARN_BG, x, y0, w, y1 - y0);
				fill_rect(r, C_WARN, x, y0, 4, y1 - y0);
			} else {
				source(r, r->col[C_TINT_STRONG]);
				cairo_set_line_width(cr, 1.5);
				rounded(cr, x + 0.75, y0 + 0.75, w - 1.5,
				    y1 - y0 - 1.5, 7);
				cairo_stroke(cr);
				if (starts)
					draw_mark(r, "?", x + w - 30, y0 + 6);
			}
			break;
		}
		tag_art_end(r, PDFA_TAG_ARTIFACT);
	}
}

/* Scales a w x h logo into the cover's logo box at (M_LEFT, 52). */
static double
logo_scale(double w, double h)
{
	return 160.0 / w < 56.0 / h ? 160.0 / w : 56.0 / h;
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
		w = 160;
		ht = 56;
	}
	vp.x = M_LEFT;
	vp.y = 52;
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
		cairo_translate(r->cr, M_LEFT, 52);
		cairo_scale(r->cr, s, s);
		cairo_set_source_surface(r->cr, img, 0, 0);
		cairo_paint(r->cr);
		cairo_restore(r->cr);
	}
	cairo_surface_destroy(img);
}

/* The cover band: at least this tall, and grown to hold the title. */
#define COVER_BAND	(PAGE_H * 0.6)
#define COVER_TOP	190.0	/* highest top of the title block */
#define COVER_BELOW	60.0	/* title block to the band's lower edge */

void
draw_cover(struct pr *r)
{
	const struct meta	*m = &r->e->meta;
	const char		*org = m->brand_name.s != NULL ?
				    m->brand_name.s : m->organisation.s;
	struct ptext		 t[4];
	struct buf		 date = { NULL, 0, 0 };
	double			 panel = COVER_BAND, y, h, top;
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
		pt_str(r, &t[2], m->subtitle.s, ST_SUBTITLE, COL_W - 30,
		    PANGO_ALIGN_LEFT);
	fmt_date(&date, m->date);
	pt_str(r, &t[3], date.s, ST_DATE, COL_W, PANGO_ALIGN_LEFT);
	buf_free(&date);

	/*
	 * The title block stands on the band's lower edge; a long title
	 * starts below the organisation and pushes the edge down.
	 */
	h = pt_height(&t[1]) + (t[2].pl != NULL ? 14 + pt_height(&t[2]) : 0) +
	    28 + pt_height(&t[3]);
	top = 150 + pt_height(&t[0]) + 26;
	if (top < COVER_TOP)
		top = COVER_TOP;
	y = panel - COVER_BELOW - h;
	if (y < top)
		y = top;
	if (y + h + COVER_BELOW > panel)
		panel = y + h + COVER_BELOW;
	/* The band and the logo (its name is the text beside it). */
	tag_art_begin(r, PDFA_TAG_ARTIFACT);
	fill_rect(r, C_TINT, 0, 0, PAGE_W, panel);
	fill_rect(r, C_ACCENT, 0, 0, PAGE_W, 12);
	fill_rect(r, C_TINT_STRONG, 0, panel - 1, PAGE_W, 1);
	logo(r);
	tag_art_end(r, PDFA_TAG_ARTIFACT);

	draw_text(r, r->cov[0], &t[0], M_LEFT, 150, 0, t[0].nlines, 1);
	draw_text(r, r->cov[1], &t[1], M_LEFT, y, 0, t[1].nlines, 1);
	y += pt_height(&t[1]) + 14;
	if (t[2].pl != NULL) {
		draw_text(r, r->cov[2], &t[2], M_LEFT, y, 0, t[2].nlines, 1);
		y += pt_height(&t[2]);
	}
	draw_text(r, r->cov[3], &t[3], M_LEFT, y + 14, 0, t[3].nlines, 1);
	for (i = 0; i < 4; i++)
		pt_free(&t[i]);
}

void
draw_footer(struct pr *r, int page)
{
	struct ptext	 pn;
	char		 num[16];

	tag_art_begin(r, PDFA_TAG_PAGINATION);
	fill_rect(r, C_RULE, M_LEFT, FOOT_RULE, COL_W, 0.5);
	draw_lines(r, &r->foot, M_LEFT, FOOT_TOP, 0, FOOT_LINES, 0);
	snprintf(num, sizeof(num), "%d", page);
	pt_str(r, &pn, num, ST_PAGENO, 0, PANGO_ALIGN_LEFT);
	draw_lines(r, &pn, M_LEFT + COL_W - pt_width(&pn), FOOT_TOP, 0, 1, 0);
	pt_free(&pn);
	tag_art_end(r, PDFA_TAG_PAGINATION);
}

/* Bookmarks: the contents, then headings down to level 3, nested. */
void
tag_outline(struct pr *r)
{
	int		 ids[4] = { 0, 0, 0, 0 }, lv, parent, k;
	size_t		 i;
	char		*attr;

	for (i = 0; i < r->nb; i++) {
		const struct box *b = r->b[i];

		if (b->kind != B_HEADING || b->dest == NULL ||
		    b->title == NULL || b->level > 3)
			continue;
		lv = b->level < 1 ? 1 : b->level;
		parent = CAIRO_PDF_OUTLINE_ROOT;
		for (k = lv - 1; k >= 1; k--)
			if (ids[k] != 0) {
				parent = ids[k];
				break;
			}
		attr = xasprintf("dest='%s'", b->dest);
		ids[lv] = cairo_pdf_surface_add_outline(r->surf, parent,
		    b->title, attr, lv == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
		free(attr);
		for (k = lv + 1; k <= 3; k++)
			ids[k] = 0;
	}
}

void
tag_metadata(struct pr *r)
{
	const struct meta	*m = &r->e->meta;
	const char		*org = m->organisation.s != NULL ?
				    m->organisation.s : m->brand_name.s;
	struct buf		 d = { NULL, 0, 0 };

	cairo_pdf_surface_set_metadata(r->surf, CAIRO_PDF_METADATA_TITLE,
	    m->title.s);
	if (org != NULL)
		cairo_pdf_surface_set_metadata(r->surf,
		    CAIRO_PDF_METADATA_AUTHOR, org);
	if (m->subtitle.s != NULL)
		cairo_pdf_surface_set_metadata(r->surf,
		    CAIRO_PDF_METADATA_SUBJECT, m->subtitle.s);
	cairo_pdf_surface_set_metadata(r->surf, CAIRO_PDF_METADATA_CREATOR,
	    "gen");
	/* The front matter date, so that the bytes are reproducible. */
	fmt_date_iso(&d, m->date);
	buf_puts(&d, "T00:00:00Z");
	cairo_pdf_surface_set_metadata(r->surf,
	    CAIRO_PDF_METADATA_CREATE_DATE, d.s);
	cairo_pdf_surface_set_metadata(r->surf, CAIRO_PDF_METADATA_MOD_DATE,
	    d.s);
	buf_free(&d);
}

static cairo_status_t
write_cb(void *closure, const unsigned char *data, unsigned int len)
{
	buf_add(closure, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* What a link to each named destination leads to, for its annotation. */
static struct pdfa_link *
link_texts(const struct pr *r, size_t *n)
{
	struct pdfa_link	*l;
	const struct box	*b;
	size_t			 i;
	int			 k;

	l = xcalloc(r->nb + (size_t)r->nfn + 1, sizeof(*l));
	*n = 0;
	for (i = 0; i < r->nb; i++) {
		b = r->b[i];
		if (b->dest == NULL || b->kind == B_TOC)
			continue;
		l[*n].dest = xstrdup(b->dest);
		if (b->kind == B_HEADING && b->title != NULL)
			l[*n].text = xstrdup(b->title);
		else if (b->aux.pl != NULL)
			l[*n].text = xstrdup(pango_layout_get_text(b->aux.pl));
		else
			l[*n].text = xstrdup(b->dest);
		(*n)++;
	}
	for (k = 1; k <= r->nfn; k++) {
		l[*n].dest = xasprintf("fn-%d", k);
		l[*n].text = xasprintf("Voetnoot %d", k);
		(*n)++;
	}
	return l;
}

/* Cairo's PDF made archival by pdfa.c, appended to out. */
int
tag_archival(struct pr *r, const struct buf *raw, struct buf *out)
{
	const struct meta	*m = &r->e->meta;
	struct pdfa_info	 in;
	struct pdfa_link	*links;
	struct buf		 date = { NULL, 0, 0 };
	char			*icc, *err = NULL;
	size_t			 i, len;
	int			 rc;

	if (r->o->icc == NULL || (icc = util_read_file(r->o->icc,
	    &len)) == NULL) {
		diag_error(r->diag, r->o->icc != NULL ? r->o->icc : "sRGB.icc",
		    0, 0, "cannot read the sRGB colour profile the PDF needs");
		return -1;
	}
	memset(&in, 0, sizeof(in));
	in.title = m->title.s;
	in.author = m->organisation.s != NULL ? m->organisation.s :
	    m->brand_name.s;
	in.subject = m->subtitle.s;
	fmt_date_iso(&date, m->date);
	in.date = date.s;
	in.lang = "nl-NL";
	in.icc = icc;
	in.icclen = len;
	in.alt = r->alt;
	in.figback = r->figback;
	in.nalt = r->nalt;
	in.links = links = link_texts(r, &in.nlinks);
	rc = pdfa_finish(&in, raw->s, raw->len, out, &err);
	if (rc != 0) {
		diag_error(r->diag, r->e->index_path, 0, 0, "cannot make the "
		    "PDF archival: %s", err != NULL ? err : "");
		free(err);
	}
	for (i = 0; i < in.nlinks; i++) {
		free(links[i].dest);
		free(links[i].text);
	}
	free(links);
	buf_free(&date);
	free(icc);
	return rc;
}

static int
render(struct pr *r, struct buf *out)
{
	const struct pl_layout	*L = &r->L;
	struct buf		 raw = { NULL, 0, 0 };
	cairo_status_t		 st;
	size_t			 p0 = 0, p1, i;
	int			 p, rc;

	r->surf = cairo_pdf_surface_create_for_stream(write_cb, &raw, PAGE_W,
	    PAGE_H);
	tag_metadata(r);
	r->cr = cairo_create(r->surf);
	tag_outline(r);
	tag_to(r, r->doc);
	draw_cover(r);
	cairo_show_page(r->cr);
	for (p = 0; p < L->npages; p++) {
		for (p1 = p0; p1 < L->npiece && L->piece[p1].page == p; p1++)
			continue;
		r->fncur = M_TOP + BODY_H - L->page[p].fn;
		r->fnrule = 0;
		draw_frames(r, p0, p1);
		for (i = p0; i < p1; i++) {
			r->curbox = L->piece[i].box;
			draw_piece(r, &L->piece[i]);
		}
		draw_footer(r, box_pageno(p));
		cairo_show_page(r->cr);
		p0 = p1;
	}
	while (r->nstack > 0)
		tag_pop(r);
	cairo_destroy(r->cr);
	r->cr = NULL;
	cairo_surface_finish(r->surf);
	st = cairo_surface_status(r->surf);
	cairo_surface_destroy(r->surf);
	r->surf = NULL;
	if (st != CAIRO_STATUS_SUCCESS) {
		diag_error(r->diag, r->e->index_path, 0, 0, "cannot make the "
		    "PDF: %s", cairo_status_to_string(st));
		buf_free(&raw);
		return -1;
	}
	rc = tag_archival(r, &raw, out);
	buf_free(&raw);
	return rc;
}

static void
excerpt(struct buf *d, const struct ptext *t, int line)
{
	buf_putc(d, '"');
	pt_line_text(t, line, d, 44);
	buf_putc(d, '"');
}

static void
dump_notes(struct pr *r, struct buf *d, const struct ptext *t, int from,
    int to, char *seen)
{
	size_t	 i;

	for (i = 0; i < t->nfns; i++) {
		if (!t->fns[i].first || t->fns[i].line < from ||
		    t->fns[i].line >= to || seen[t->fns[i].num])
			continue;
		seen[t->fns[i].num] = 1;
		buf_printf(d, "         note %d ", t->fns[i].num);
		excerpt(d, &r->fn[t->fns[i].num].t, 0);
		buf_printf(d, " (%d lines)\n", r->fn[t->fns[i].num].t.nlines);
	}
}

static void
dump_layout(struct pr *r, struct buf *d)
{
	const struct pl_layout	*L = &r->L;
	const struct pl_piece	*pc;
	const struct box	*b;
	char			*seen;
	size_t			 i = 0, j;
	int			 p;

	seen = xcalloc((size_t)r->nfn + 1, 1);
	buf_printf(d, "%s: %d pages, A4 %.1f x %.1f, body %.1f x %.1f at "
	    "%.1f, %.1f\npage 1: cover\n", r->e->slug, L->npages + 1, PAGE_W,
	    PAGE_H, COL_W, BODY_H, M_LEFT, M_TOP);
	for (p = 0; p < L->npages; p++) {
		buf_printf(d, "page %d: body %.1f, notes %.1f\n", box_pageno(p),
		    L->page[p].used, L->page[p].fn);
		for (; i < L->npiece && L->piece[i].page == p; i++) {
			pc = &L->piece[i];
			b = r->b[pc->box];
			buf_printf(d, "  %5.1f %5.1f ", pc->y, pc->h);
			switch (b->kind) {
			case B_TEXT:
				buf_printf(d, "%-4s %+5.1f %zu-%zu/%d ",
				    b->sn->tag, b->x, pc->from, pc->to,
				    b->t.nlines);
				excerpt(d, &b->t, (int)pc->from);
				buf_putc(d, '\n');
				dump_notes(r, d, &b->t, (int)pc->from,
				    (int)pc->to, seen);
				break;
			case B_HEADING:
				buf_printf(d, "%-4s ", b->sn->tag);
				if (b->aux.pl != NULL) {
					excerpt(d, &b->aux, 0);
					buf_putc(d, ' ');
				}
				excerpt(d, &b->t, 0);
				buf_putc(d, '\n');
				dump_notes(r, d, &b->t, 0, b->t.nlines, seen);
				break;
			case B_FIGURE:
				buf_printf(d, "Figure chart %.1f ",
				    b->cl.height);
				excerpt(d, &b->aux, 0);
				buf_putc(d, '\n');
				break;
			case B_TABLE:
				buf_printf(d, "Table %zu rows ", b->nrows);
				excerpt(d, &b->aux, 0);
				buf_putc(d, '\n');
				break;
			case B_ROW:
				buf_printf(d, "TR%s ", pc->repeated ?
				    " (repeated)" : "");
				excerpt(d, &b->rows[0].c[0].t, 0);
				buf_putc(d, '\n');
				if (!pc->repeated)
					for (j = 0; j < b->rows[0].nc; j++)
						dump_notes(r, d,
						    &b->rows[0].c[j].t, 0,
						    b->rows[0].c[j].t.nlines,
						    seen);
				break;
			case B_RULE:
				buf_puts(d, "rule\n");
				break;
			case B_TOC:
				j = box_find_dest(r, b->dest, B_HEADING);
				buf_printf(d, "TOCI %d ", b->level);
				excerpt(d, &b->t, 0);
				buf_printf(d, " -> page %d\n", j < r->nb &&
				    r->bpage[j] >= 0 ? box_pageno(r->bpage[j]) :
				    0);
				break;
			case B_BREAK:
				break;
			}
		}
	}
	free(seen);
}

void
pr_init(struct pr *r, const struct edition *e, const struct pdf_opts *o,
    struct diag *diag)
{
	memset(r, 0, sizeof(*r));
	r->e = e;
	r->o = o;
	r->diag = diag;
	r->ctx = fonts_context_new(o->fonts);
	r->measure.width = fonts_measure_cb;
	r->measure.arg = (void *)o->fonts;
	r->frame = -1;
	if (e != NULL) {
		draw_colors(r);
		r->doc = tag_new(r, "Document", NULL);
		r->cov[0] = tag_new(r, "P", r->doc);
		r->cov[1] = tag_new(r, "H1", r->doc);
		r->cov[2] = tag_new(r, "P", r->doc);
		r->cov[3] = tag_new(r, "P", r->doc);
		pt_str(r, &r->foot, e->meta.footer.s != NULL ?
		    e->meta.footer.s : e->meta.title.s, ST_FOOT, COL_W - 48,
		    PANGO_ALIGN_LEFT);
	}
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

void
pr_free(struct pr *r)
{
	size_t	 i;
	int	 k;

	for (i = 0; i < r->nb; i++)
		box_free(r->b[i]);
	free(r->b);
	free(r->fr);
	for (i = 0; i < r->nsn; i++)
		free(r->sn[i]);
	free(r->sn);
	if (r->fn != NULL)
		for (k = 0; k <= r->nfn; k++) {
			pt_free(&r->fn[k].t);
			pt_free(&r->fn[k].num);
			for (i = 0; i < r->fn[k].nblk; i++)
				pt_free(&r->fn[k].blk[i].t);
			free(r->fn[k].blk);
		}
	free(r->fn);
	pt_free(&r->foot);
	pt_free(&r->pend_mark);
	pl_layout_free(&r->L);
	free(r->bpage);
	free(r->stack);
	free(r->chain);
	free(r->alt);
	free(r->figback);
	free(r->plog);
	free(r->plogbox);
	if (r->ctx != NULL)
		g_object_unref(r->ctx);
}

/*
 * An error for every piece too tall for a page, at the line of the
 * block it comes from: nothing may be cut off at a page's foot, and
 * what pagination cannot break (a figure, a heading, a table's header
 * row) has to be made smaller by its author.
 */
static void
overflow(struct pr *r)
{
	static const char *const what[] = {
		[B_TEXT] = "line", [B_HEADING] = "heading",
		[B_FIGURE] = "figure", [B_TABLE] = "table caption",
		[B_ROW] = "table header row"
	};
	const struct box	*b;
	const char		*w, *path;
	size_t			 i;
	int			 line;

	for (i = 0; i < r->L.npiece; i++) {
		if (!r->L.piece[i].over)
			continue;
		b = r->b[r->L.piece[i].box];
		w = (size_t)b->kind < GEN_NELEM(what) && what[b->kind] != NULL ?
		    what[b->kind] : "block";
		r->nerr++;
		if ((path = box_source(b, &line)) != NULL)
			diag_error(r->diag, path, line, b->col, "PDF: this %s is taller than a "
			    "page and cannot be broken; make it shorter%s", w,
			    b->kind == B_FIGURE ? " (fewer categories, or a "
			    "```table instead)" : "");
		else
			diag_error(r->diag, r->e->index_path, 0, 0, "PDF: a %s "
			    "is taller than a page and cannot be broken", w);
	}
}

/* The first missing character of one script in a text, and how many. */
struct gmiss {
	GUnicodeScript	 script;
	gunichar	 c;		/* the first one */
	int		 line, col;	/* where it is */
	int		 n;		/* missing characters of the script */
};

#define GLYPH_SCRIPTS	8	/* scripts named per text; the rest counted */

/*
 * Warns, for each script of which s (len bytes, starting at line:col of
 * path) has characters that no shipped face has, at the first such
 * character, naming it: a printed box would otherwise be the only
 * sign.  Lines and columns advance over s.
 */
void
pr_glyph_scan(struct pr *r, const char *path, int line, int col,
    const char *s, size_t len)
{
	struct gmiss	 m[GLYPH_SCRIPTS];
	const char	*p, *end = s + len, *bol = s;
	GUnicodeScript	 sc;
	gunichar	 c;
	int		 nm = 0, k;
	char		 ch[8];

	for (p = s; p < end; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if (c == '\n') {
			line++;
			col = 1;
			bol = p + 1;
			continue;
		}
		if (fonts_has_char(r->o->fonts, c))
			continue;
		sc = g_unichar_get_script(c);
		for (k = 0; k < nm && m[k].script != sc; k++)
			continue;
		if (k == nm && nm == GLYPH_SCRIPTS)
			k--;		/* counted with the last one named */
		else if (k == nm) {
			m[nm].script = sc;
			m[nm].c = c;
			m[nm].line = line;
			m[nm].col = col + (int)(p - bol);
			m[nm++].n = 0;
		}
		m[k].n++;
	}
	for (k = 0; k < nm; k++) {
		ch[g_unichar_to_utf8(m[k].c, ch)] = '\0';
		if (m[k].n > 1)
			diag_warn(r->diag, path, m[k].line, m[k].col, "PDF: no "
			    "shipped font has U+%04X '%s' (nor %d more "
			    "characters like it here); the PDF shows empty "
			    "boxes", (unsigned)m[k].c, ch, m[k].n - 1);
		else
			diag_warn(r->diag, path, m[k].line, m[k].col, "PDF: no "
			    "shipped font has U+%04X '%s'; the PDF shows an "
			    "empty box", (unsigned)m[k].c, ch);
	}
}

/* The text a node shows in the PDF, or NULL. */
static const char *
glyph_text(const struct pr *r, cmark_node *n)
{
	const struct docx	*x = doc_ext(n);

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
		return cmark_node_get_literal(n);
	case CMARK_NODE_CODE_BLOCK:
		return x == NULL ? cmark_node_get_literal(n) : NULL;
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_HTML_INLINE:
		return r->e->meta.unsafe_html || x != NULL ? NULL :
		    cmark_node_get_literal(n);
	default:
		return NULL;
	}
}

/* Every character of the Markdown and the front matter the PDF sets. */
void
box_glyphs(struct pr *r)
{
	const struct meta	*m = &r->e->meta;
	const struct fmval	*fm[] = {
		&m->title, &m->subtitle, &m->organisation, &m->footer,
		&m->brand_name
	};
	const struct doc_part	*part;
	cmark_iter		*it;
	cmark_node		*n;
	const char		*s;
	size_t			 i;
	int			 line, flen, foff;
	char			 fch;

	for (i = 0; i < GEN_NELEM(fm); i++)
		if (fm[i]->s != NULL)
			pr_glyph_scan(r, r->e->index_path, fm[i]->line,
			    fm[i]->col, fm[i]->s, strlen(fm[i]->s));
	for (i = 0; i < r->e->doc->nparts; i++) {
		part = &r->e->doc->parts[i];
		it = cmark_iter_new(part->root);
		while (cmark_iter_next(it) != CMARK_EVENT_DONE) {
			n = cmark_iter_get_node(it);
			if (cmark_iter_get_event_type(it) != CMARK_EVENT_ENTER ||
			    (s = glyph_text(r, n)) == NULL)
				continue;
			line = part->line0 + cmark_node_get_start_line(n);
			if (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK &&
			    cmark_node_get_fenced(n, &flen, &foff, &fch))
				line++;		/* the text starts below the fence */
			pr_glyph_scan(r, part->path, line,
			    cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK ?
			    1 : cmark_node_get_start_column(n), s, strlen(s));
		}
		cmark_iter_free(it);
	}
}

/*
 * The running footer may take two lines; more would be cut off, so it
 * is an error at the footer's value (or the title's, used without one).
 */
static int
foot_fits(struct pr *r)
{
	const struct meta	*m = &r->e->meta;

	if (r->foot.nlines <= FOOT_LINES)
		return 0;
	if (m->footer.s != NULL)
		diag_error(r->diag, r->e->index_path, m->footer.line,
		    m->footer.col, "footer does not fit on %d lines at the "
		    "foot of the PDF's pages (it takes %d); shorten it",
		    FOOT_LINES, r->foot.nlines);
	else
		diag_error(r->diag, r->e->index_path, m->title.line,
		    m->title.col, "title, the PDF's running footer when there "
		    "is no footer, does not fit on %d lines there (it takes "
		    "%d); add a shorter footer", FOOT_LINES, r->foot.nlines);
	return -1;
}

#define FIX_PASSES	6	/* paginations to remove page-end hyphens */

int
pdf_edition(const struct edition *e, const struct pdf_opts *o,
    struct buf *pdf, struct buf *dump, struct diag *diag)
{
	struct pr		 r;
	size_t			 i;
	int			 rc = 0;

	pr_init(&r, e, o, diag);
	if (foot_fits(&r) != 0) {
		pr_free(&r);
		return -1;
	}
	box_glyphs(&r);
	box_footnotes(&r);
	box_toc(&r);
	box_parts(&r);
	pt_limit_runs(&r);
	box_paginate(&r);
	for (i = 0; i < FIX_PASSES && pt_page_ends(&r); i++) {
		pl_layout_free(&r.L);
		free(r.bpage);
		pt_limit_runs(&r);
		box_paginate(&r);
	}
	overflow(&r);
	if (dump != NULL)
		dump_layout(&r, dump);
	if (r.nerr > 0)
		rc = -1;
	else if (pdf != NULL)
		rc = render(&r, pdf);
	pr_free(&r);
	return rc;
}

/* The boxes of every part of the document, each part a Sect. */
void
box_parts(struct pr *r)
{
	const struct doc	*d = r->e->doc;
	struct bctx		 c;
	size_t			 i;

	for (i = 0; i < d->nparts; i++) {
		r->part = &d->parts[i];
		memset(&c, 0, sizeof(c));
		c.sn = tag_new(r, "Sect", r->doc);
		c.w = COL_W;
		page_break(r);
		blocks(r, r->part->root, &c);
	}
}

/*
 * The Markdown file box b comes from, *line set to the line where it
 * starts there; NULL when it comes from none.
 */
const char *
box_source(const struct box *b, int *line)
{
	if (b->part == NULL)
		return NULL;
	*line = b->part->line0 + b->line;
	return b->part->path;
}
