/*
 * chart_cairo.h: draws a chart layout (chart.h) on a Cairo context,
 * for PDF pages and PNG images, with the shipped faces (fonts.h).
 * Included by pdfdraw.c and the chart tests (tests/unit/test_chart.c,
 * tests/chartdemo.c).
 */
#ifndef GEN_CHART_CAIRO_H
#define GEN_CHART_CAIRO_H

#include <cairo.h>

struct chart_layout;
struct fonts;

/*
 * Draws the layout with its top left corner at x, y in the current
 * user space (one unit per point).  Text is set with PangoCairo at
 * baselines and anchors as in the SVG.  The context's state (path,
 * source, transform, dash) is left as it was.
 */
void	 chart_cairo_draw(const struct chart_layout *, cairo_t *,
	    const struct fonts *, double x, double y);

#endif
