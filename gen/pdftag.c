/*
 * pdftag.c: the tagged-PDF side of the PDF back-end.  The structure
 * tree's elements (tag_new) and the open elements while drawing
 * (tag_to, tag_pop); decoration as artifacts; named destinations; the
 * outline, the document's metadata, and the archival pass of pdfa.c
 * with the texts of the links to each destination.
 *
 * Tagging follows the traps measured in DEPS-NOTES: everything sits in
 * a Document element; text is drawn only in leaf elements (an element
 * that holds both text and child elements loses the text), so a
 * paragraph with links or split over pages is a P of Span and Link
 * children; decoration (frames, rules, leader dots, backgrounds, the
 * cover band, the logo, a repeated table header) is drawn in a
 * PDFA_TAG_ARTIFACT element and the running footer in a
 * PDFA_TAG_PAGINATION one, which the archival pass in pdfa.c turns
 * into real artifacts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "diag.h"
#include "edition.h"
#include "fmt.h"
#include "pdf.h"
#include "pdf_int.h"
#include "pdfa.h"
#include "util.h"

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
