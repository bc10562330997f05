/*
 * pdf.c: the PDF back-end's entry points.  Three steps, as in mandoc's
 * term.c and term_ps.c: gen's document tree (doc.h) becomes a flat list
 * of boxes measured with Pango (pdfbox.c, setting text with pdftext.c);
 * pdflayout.c breaks them into pages; the pages are drawn with Cairo
 * (pdfdraw.c) into a tagged PDF with named destinations, links, an
 * outline and metadata (pdftag.c), made archival by pdfa.c.  This file
 * runs those steps, owns the renderer (pr_init, pr_free), checks what
 * the PDF cannot show (glyphs no shipped font has, a footer too long,
 * a block taller than a page) and writes the layout dump of the golden
 * test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "backend.h"
#include "diag.h"
#include "edition.h"
#include "fonts.h"
#include "pdf.h"
#include "pdf_int.h"
#include "pdflayout.h"
#include "util.h"

static cairo_status_t
write_cb(void *closure, const unsigned char *data, unsigned int len)
{
	buf_add(closure, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

static int
render(struct pr *r, struct buf *out)
{
	const struct pl_layout	*L = &r->L;
	struct buf		 raw = { NULL, 0, 0 };
	cairo_status_t		 st;
	size_t			 p0 = 0, p1, i;
	int			 p, rc;

	r->surf = cairo_pdf_surface_create_for_stream(write_cb, &raw,
	    geom.page_w, geom.page_h);
	tag_metadata(r);
	r->cr = cairo_create(r->surf);
	tag_outline(r);
	tag_to(r, r->doc);
	draw_cover(r);
	cairo_show_page(r->cr);
	for (p = 0; p < L->npages; p++) {
		for (p1 = p0; p1 < L->npiece && L->piece[p1].page == p; p1++)
			continue;
		r->fncur = geom.m_top + BODY_H - L->page[p].fn;
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
	    "%.1f, %.1f\npage 1: cover\n", r->e->slug, L->npages + 1,
	    geom.page_w, geom.page_h, COL_W, BODY_H, geom.m_left, geom.m_top);
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
		    e->meta.footer.s : e->meta.title.s, ST_FOOT,
		    COL_W - geom.foot_numw, PANGO_ALIGN_LEFT);
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
			diag_error(r->diag, path, line, b->col, "PDF: this %s "
			    "is taller than a page and cannot be broken; make "
			    "it shorter%s", w,
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

	if (r->foot.nlines <= geom.foot_lines)
		return 0;
	if (m->footer.s != NULL)
		diag_error(r->diag, r->e->index_path, m->footer.line,
		    m->footer.col, "footer does not fit on %d lines at the "
		    "foot of the PDF's pages (it takes %d); shorten it",
		    geom.foot_lines, r->foot.nlines);
	else
		diag_error(r->diag, r->e->index_path, m->title.line,
		    m->title.col, "title, the PDF's running footer when there "
		    "is no footer, does not fit on %d lines there (it takes "
		    "%d); add a shorter footer", geom.foot_lines,
		    r->foot.nlines);
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

/* The back-end (backend.h): what pdf_edition() needs for a build. */
static void *
pdf_new(const struct backend_opts *o)
{
	struct pdf_opts	*po = xcalloc(1, sizeof(*po));

	po->fonts = o->fonts;
	po->hyph = o->hyph;
	po->icc = o->icc;
	return po;
}

/* Appends the edition's PDF, its logo drawn from the edition's. */
static int
pdf_rndr(void *arg, const struct backend_in *in, struct buf *out,
    struct diag *diag)
{
	struct pdf_opts	 po = *(const struct pdf_opts *)arg;

	po.logo = in->e->logo;
	return pdf_edition(in->e, &po, out, NULL, diag);
}

static void
pdf_free(void *arg)
{
	free(arg);
}

const struct backend backend_pdf = {
	"pdf", "%s.pdf", pdf_new, pdf_rndr, pdf_free
};
