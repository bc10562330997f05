/*
 * chart_svg.c: draws a chart layout as inline SVG for HTML, with real
 * <text> in Gen Sans (Lato), a <title> and <desc> for assistive technology, and
 * writes the chart's numbers as a visually hidden table.  Numbers are
 * written by hand (at most two decimals, '.' as decimal point) so that
 * no locale can change a byte.
 */
#include <math.h>
#include <string.h>

#include "chart.h"
#include "util.h"

/* A number with at most two decimals, trailing zeros dropped. */
static void
num(struct buf *b, double v)
{
	long long	 n;
	int		 frac;

	if (!isfinite(v))
		v = 0;
	if (v > 1e12)
		v = 1e12;
	else if (v < -1e12)
		v = -1e12;
	n = llround(v * 100.0);
	if (n < 0) {
		buf_putc(b, '-');
		n = -n;
	}
	buf_printf(b, "%lld", n / 100);
	if ((frac = (int)(n % 100)) != 0) {
		buf_putc(b, '.');
		buf_putc(b, '0' + frac / 10);
		if (frac % 10 != 0)
			buf_putc(b, '0' + frac % 10);
	}
}

/* " name=\"v\"" for a number. */
static void
attr(struct buf *b, const char *name, double v)
{
	buf_printf(b, " %s=\"", name);
	num(b, v);
	buf_putc(b, '"');
}

/* Fill and stroke attributes. */
static void
paint(struct buf *b, const struct prim *p)
{
	buf_puts(b, " fill=\"");
	buf_html_s(b, p->fill[0] != '\0' ? p->fill : "none");
	buf_putc(b, '"');
	if (p->stroke[0] == '\0')
		return;
	buf_puts(b, " stroke=\"");
	buf_html_s(b, p->stroke);
	buf_putc(b, '"');
	attr(b, "stroke-width", p->lw);
	if (p->dashed) {
		buf_puts(b, " stroke-dasharray=\"");
		num(b, p->dashed == 2 ? CHART_LDASH_ON : CHART_DASH_ON);
		buf_putc(b, ' ');
		num(b, p->dashed == 2 ? CHART_LDASH_OFF : CHART_DASH_OFF);
		buf_putc(b, '"');
	}
}

/* A point at radius r and angle a (clockwise from 12 o'clock). */
static void
polar(struct buf *b, const struct prim *p, double r, double a)
{
	num(b, p->x + r * sin(a));
	buf_putc(b, ' ');
	num(b, p->y - r * cos(a));
}

/*
 * A ring segment: the outer arc clockwise, the inner one back.  Each
 * arc is drawn in two halves so that none spans more than half a turn
 * (no large-arc flag to get wrong, and a full ring still closes).
 */
static void
wedge(struct buf *b, const struct prim *p)
{
	double	 mid = (p->a0 + p->a1) / 2;

	buf_puts(b, "<path d=\"M");
	polar(b, p, p->r1, p->a0);
	buf_puts(b, "A");
	num(b, p->r1);
	buf_putc(b, ' ');
	num(b, p->r1);
	buf_puts(b, " 0 0 1 ");
	polar(b, p, p->r1, mid);
	buf_puts(b, "A");
	num(b, p->r1);
	buf_putc(b, ' ');
	num(b, p->r1);
	buf_puts(b, " 0 0 1 ");
	polar(b, p, p->r1, p->a1);
	buf_puts(b, "L");
	polar(b, p, p->r0, p->a1);
	if (p->r0 > 0) {
		buf_puts(b, "A");
		num(b, p->r0);
		buf_putc(b, ' ');
		num(b, p->r0);
		buf_puts(b, " 0 0 0 ");
		polar(b, p, p->r0, mid);
		buf_puts(b, "A");
		num(b, p->r0);
		buf_putc(b, ' ');
		num(b, p->r0);
		buf_puts(b, " 0 0 0 ");
		polar(b, p, p->r0, p->a0);
	}
	buf_puts(b, "Z\"");
	paint(b, p);
	buf_puts(b, "/>\n");
}

static void
prim_svg(struct buf *b, const struct prim *p)
{
	static const char *const anchor[] = { "start", "middle", "end" };
	size_t	 i;

	switch (p->kind) {
	case PRIM_RECT:
		buf_puts(b, "<rect");
		attr(b, "x", p->x);
		attr(b, "y", p->y);
		attr(b, "width", p->w);
		attr(b, "height", p->h);
		paint(b, p);
		buf_puts(b, "/>\n");
		break;
	case PRIM_LINE:
		buf_puts(b, "<line");
		attr(b, "x1", p->x);
		attr(b, "y1", p->y);
		attr(b, "x2", p->x2);
		attr(b, "y2", p->y2);
		paint(b, p);
		buf_puts(b, "/>\n");
		break;
	case PRIM_WEDGE:
		wedge(b, p);
		break;
	case PRIM_POLYLINE:
		buf_puts(b, "<polyline points=\"");
		for (i = 0; i < p->npts; i++) {
			if (i > 0)
				buf_putc(b, ' ');
			num(b, p->pts[2 * i]);
			buf_putc(b, ',');
			num(b, p->pts[2 * i + 1]);
		}
		buf_putc(b, '"');
		paint(b, p);
		buf_puts(b, " stroke-linejoin=\"round\" "
		    "stroke-linecap=\"round\"/>\n");
		break;
	case PRIM_CIRCLE:
		buf_puts(b, "<circle");
		attr(b, "cx", p->x);
		attr(b, "cy", p->y);
		attr(b, "r", p->r1);
		paint(b, p);
		buf_puts(b, "/>\n");
		break;
	case PRIM_TEXT:
		buf_puts(b, "<text");
		attr(b, "x", p->x);
		attr(b, "y", p->y);
		attr(b, "font-size", p->size);
		if (p->bold)
			buf_puts(b, " font-weight=\"bold\"");
		if (p->anchor != ANCHOR_START)
			buf_printf(b, " text-anchor=\"%s\"",
			    anchor[p->anchor == ANCHOR_END ? 2 : 1]);
		buf_puts(b, " fill=\"");
		buf_html_s(b, p->fill[0] != '\0' ? p->fill : "#1a1a1a");
		buf_puts(b, "\">");
		buf_html_s(b, p->text == NULL ? "" : p->text);
		buf_puts(b, "</text>\n");
		break;
	}
}

/* "Figuur N. title", escaped. */
static void
caption(struct buf *b, const struct chart *c)
{
	buf_puts(b, c->label);
	if (c->title != NULL && *c->title != '\0') {
		buf_putc(b, ' ');
		buf_html_s(b, c->title);
	}
}

void
chart_svg(const struct chart *c, const struct chart_layout *l,
    const char *id_prefix, struct buf *out)
{
	size_t	 i;

	buf_puts(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "class=\"chart\" viewBox=\"0 0 ");
	num(out, l->width);
	buf_putc(out, ' ');
	num(out, l->height);
	buf_puts(out, "\" width=\"100%\" role=\"img\" aria-labelledby=\"");
	buf_html_s(out, id_prefix);
	buf_puts(out, "-title ");
	buf_html_s(out, id_prefix);
	buf_puts(out, "-desc\" font-family=\"Gen Sans, sans-serif\">\n");
	buf_puts(out, "<title id=\"");
	buf_html_s(out, id_prefix);
	buf_puts(out, "-title\">");
	caption(out, c);
	buf_puts(out, "</title>\n<desc id=\"");
	buf_html_s(out, id_prefix);
	buf_puts(out, "-desc\">");
	buf_html_s(out, c->desc != NULL ? c->desc :
	    c->title != NULL ? c->title : "");
	buf_puts(out, "</desc>\n");
	for (i = 0; i < l->np; i++)
		prim_svg(out, &l->p[i]);
	buf_puts(out, "</svg>\n");
}

void
chart_svg_table(const struct chart *c, struct buf *out)
{
	size_t		 i, s;
	const char	*head;

	/* The wrapper, not the table, is clipped: a table never gets
	   narrower than its content, and would widen a phone's page. */
	buf_puts(out, "<div class=\"sr-only\"><table>\n<caption>");
	caption(out, c);
	buf_puts(out, "</caption>\n<thead><tr><th scope=\"col\">");
	buf_html_s(out, c->cataxis != NULL && *c->cataxis != '\0' ?
	    c->cataxis : "Categorie");
	buf_puts(out, "</th>");
	for (s = 0; s < c->nser; s++) {
		head = c->ser[s].label;
		if (c->nser == 1 && c->axis != NULL && *c->axis != '\0')
			head = c->axis;
		buf_puts(out, "<th scope=\"col\">");
		buf_html_s(out, head != NULL ? head : "");
		buf_puts(out, "</th>");
	}
	buf_puts(out, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < c->ncat; i++) {
		buf_puts(out, "<tr><th scope=\"row\">");
		buf_html_s(out, c->cat[i].label != NULL ? c->cat[i].label : "");
		buf_puts(out, "</th>");
		for (s = 0; s < c->nser; s++) {
			buf_puts(out, "<td>");
			if (c->cell != NULL &&
			    c->cell[s * c->ncat + i].shown != NULL)
				buf_html_s(out, c->cell[s * c->ncat + i].shown);
			buf_puts(out, "</td>");
		}
		buf_puts(out, "</tr>\n");
	}
	buf_puts(out, "</tbody>\n</table></div>\n");
}
