/*
 * chart_cairo.c: draws a chart layout on a Cairo context (PDF, PNG).
 * Text goes through PangoCairo with the shipped faces, positioned like
 * SVG text: y is the baseline, x the start, middle or end of the
 * advance width.
 */
#include <cairo.h>
#include <pango/pangocairo.h>

#include "chart.h"
#include "chart_cairo.h"
#include "fonts.h"

/* Sets the source to "#rrggbb" (black if it is not a colour). */
static void
source(cairo_t *cr, const char *hex)
{
	double	 c[3] = { 0, 0, 0 };

	(void)chart_rgb(hex, c);
	cairo_set_source_rgb(cr, c[0], c[1], c[2]);
}

/* Fills and strokes the current path as the primitive says, then clears it. */
static void
paint(cairo_t *cr, const struct prim *p)
{
	static const double dash[2] = { CHART_DASH_ON, CHART_DASH_OFF };
	static const double ldash[2] = { CHART_LDASH_ON, CHART_LDASH_OFF };

	if (p->fill[0] != '\0') {
		source(cr, p->fill);
		cairo_fill_preserve(cr);
	}
	if (p->stroke[0] != '\0' && p->lw > 0) {
		source(cr, p->stroke);
		cairo_set_line_width(cr, p->lw);
		cairo_set_dash(cr, p->dashed == 2 ? ldash : dash,
		    p->dashed ? 2 : 0, 0);
		cairo_stroke_preserve(cr);
	}
	cairo_new_path(cr);
}

static void
text(cairo_t *cr, PangoLayout *pl, const struct prim *p)
{
	PangoFontDescription	*d;
	PangoRectangle		 logical;
	double			 x, w;

	if (p->text == NULL || *p->text == '\0')
		return;
	d = fonts_desc(FONTS_SANS, p->size, p->bold, 0);
	pango_layout_set_font_description(pl, d);
	pango_layout_set_text(pl, p->text, -1);
	pango_layout_get_extents(pl, NULL, &logical);
	w = (double)logical.width / PANGO_SCALE;
	x = p->x - (double)logical.x / PANGO_SCALE;
	if (p->anchor == ANCHOR_MIDDLE)
		x -= w / 2;
	else if (p->anchor == ANCHOR_END)
		x -= w;
	source(cr, p->fill[0] != '\0' ? p->fill : "#1a1a1a");
	cairo_move_to(cr, x,
	    p->y - (double)pango_layout_get_baseline(pl) / PANGO_SCALE);
	pango_cairo_show_layout(cr, pl);
	cairo_new_path(cr);
	pango_font_description_free(d);
}

static void
prim_draw(cairo_t *cr, PangoLayout *pl, const struct prim *p)
{
	size_t	 i;

	switch (p->kind) {
	case PRIM_RECT:
		cairo_rectangle(cr, p->x, p->y, p->w, p->h);
		paint(cr, p);
		break;
	case PRIM_LINE:
		cairo_move_to(cr, p->x, p->y);
		cairo_line_to(cr, p->x2, p->y2);
		paint(cr, p);
		break;
	case PRIM_WEDGE:
		/* Cairo's angles start at 3 o'clock, ours at 12. */
		cairo_new_sub_path(cr);
		cairo_arc(cr, p->x, p->y, p->r1, p->a0 - G_PI_2,
		    p->a1 - G_PI_2);
		if (p->r0 > 0)
			cairo_arc_negative(cr, p->x, p->y, p->r0,
			    p->a1 - G_PI_2, p->a0 - G_PI_2);
		else
			cairo_line_to(cr, p->x, p->y);
		cairo_close_path(cr);
		paint(cr, p);
		break;
	case PRIM_POLYLINE:
		if (p->npts == 0)
			break;
		cairo_move_to(cr, p->pts[0], p->pts[1]);
		for (i = 1; i < p->npts; i++)
			cairo_line_to(cr, p->pts[2 * i], p->pts[2 * i + 1]);
		cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
		cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
		paint(cr, p);
		cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
		cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
		break;
	case PRIM_CIRCLE:
		cairo_new_sub_path(cr);
		cairo_arc(cr, p->x, p->y, p->r1, 0, 2 * G_PI);
		cairo_close_path(cr);
		paint(cr, p);
		break;
	case PRIM_TEXT:
		text(cr, pl, p);
		break;
	}
}

void
chart_cairo_draw(const struct chart_layout *l, cairo_t *cr,
    const struct fonts *f, double x, double y)
{
	PangoContext	*ctx;
	PangoLayout	*pl;
	size_t		 i;

	cairo_save(cr);
	cairo_translate(cr, x, y);
	cairo_new_path(cr);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
	/* A context of our own: the shared one is left as it was. */
	ctx = fonts_context_new(f);
	pango_cairo_update_context(cr, ctx);
	pl = pango_layout_new(ctx);
	for (i = 0; i < l->np; i++)
		prim_draw(cr, pl, &l->p[i]);
	g_object_unref(pl);
	g_object_unref(ctx);
	cairo_restore(cr);
}
