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
