/*
 * chart.h: a chart as computed data, its device-neutral layout into
 * primitives (rectangles, lines, wedges, text with positions), and the
 * two devices that draw a layout: SVG with real <text> for HTML
 * (chart_svg.c) and a Cairo context for PDF and PNG (chart_cairo.c).
 * Included by chart_svg.c, chart_cairo.c, build.c, doc.c, docblock.c,
 * the back-ends (html.c, pdfbox.c, pdfdraw.c, tree.c), by stats.h,
 * series.h, content.h and pdf_int.h (whose structs hold charts), and
 * the chart tests.
 */
#ifndef GEN_CHART_H
#define GEN_CHART_H

#include <stddef.h>

struct buf;

enum chart_type {
	CHART_BAR,		/* vertical bars, one per category */
	CHART_HBAR,		/* horizontal bars, one per category */
	CHART_STACKED,		/* one bar per category (year), series stacked */
	CHART_HISTOGRAM,	/* adjacent vertical bars over bins */
	CHART_DONUT,		/* ring of wedges, one per category */
	CHART_LINE		/* one line per series over categories (years) */
};

/*
 * A chart type: the one table (chart_types[], in enum order) that the
 * block parser, the data (chartdata.c), the layout and the tree dump
 * read.  A new type is a row here plus its layout in chart.c.
 */
#define CHART_NTYPES	6
#define CT_CODES	0x1	/* shows the codes of a column */
#define CT_NUMBERS	0x2	/* shows binned numbers (duur, gesprekken) */
#define CT_YEARS	0x4	/* a series over the years: needs by: jaar */
#define CT_WHOLE	0x8	/* parts of a whole: one code per trajectory,
				   each in its own colour */
struct chart_typedef {
	const char	*name;		/* as written: "type: hbar" */
	enum chart_type	 type;		/* its index in chart_types[] */
	unsigned	 flags;		/* CT_* */
	const char	*label;		/* Dutch name, for descriptions */
};

extern const struct chart_typedef chart_types[CHART_NTYPES];

/* The chart type named name, or NULL. */
const struct chart_typedef *chart_type_find(const char *name);

/* A category along the axis (a code, a bin, a year) or a series. */
struct chart_cat {
	char	*label;		/* what readers see: codebook label, "30–59", "2020" */
	char	 color[8];	/* "#rrggbb" or "": fill of this category or series (see chart_layout) */
};

/* One value: series s, category c is cell[s * ncat + c]. */
struct chart_cell {
	double	 value;		/* count or percentage as drawn; 0 when hidden */
	int	 hidden;	/* nonzero: not drawn to scale (disclosure control) */
	char	*shown;		/* the formatted value: "12", "27%", "<5", "≥5", "–" */
};

struct chart {
	enum chart_type	 type;
	int		 number;	/* N in "Figuur N." (1-based, document order) */
	char		 id[24];	/* its anchor: "figuur-N" (chart_number) */
	char		 label[24];	/* "Figuur N." (chart_number) */
	char		*title;		/* caption text after "Figuur N. " */
	char		*axis;		/* value axis title: "aantal trajecten", "%" */
	char		*cataxis;	/* category axis title or NULL: "dagen" */
	int		 pct;		/* nonzero: values are percentages */
	size_t		 ncat;		/* categories */
	struct chart_cat *cat;		/* ncat categories, in drawing order */
	size_t		 nser;		/* series: 1, or codes for stacked/line */
	struct chart_cat *ser;		/* nser series labels and colours */
	struct chart_cell *cell;	/* nser * ncat values, row-major by series */
	char		*desc;		/* one-sentence summary for <desc> / alt text */
};

/* Gives c number n, its id and label: the one place they are written. */
void	 chart_number(struct chart *c, int n);

void	 chart_free(struct chart *);	/* frees members; chart_free(NULL) is harmless */

/* Text measurement supplied by the caller (fonts.c), in the same units as the layout. */
struct chart_measure {
	double	(*width)(void *arg, const char *utf8, double size, int bold);
	void	 *arg;
};

enum prim_kind {
	PRIM_RECT,	/* x, y, w, h filled with fill, outlined with stroke if set */
	PRIM_LINE,	/* x, y to x2, y2 stroked with stroke, lw */
	PRIM_WEDGE,	/* ring segment: centre x, y; radii r0 < r1; angles a0..a1 (radians, clockwise from 12 o'clock); fill, stroke if set */
	PRIM_POLYLINE,	/* npts points pts[2i], pts[2i+1], stroked */
	PRIM_CIRCLE,	/* centre x, y, radius r1, filled with fill, outlined with stroke if set (line markers) */
	PRIM_TEXT	/* text at baseline x, y with anchor, size, bold, fill */
};

enum prim_anchor { ANCHOR_START, ANCHOR_MIDDLE, ANCHOR_END };

/*
 * A dashed stroke (prim.dashed 1: a hidden value) is CHART_DASH_ON
 * points drawn, CHART_DASH_OFF left out; a long-dashed one (prim.dashed
 * 2: a line series past the palette's colours, so that it differs from
 * the series of the same colour) CHART_LDASH_ON and CHART_LDASH_OFF.
 */
#define CHART_DASH_ON	2.0
#define CHART_DASH_OFF	1.5
#define CHART_LDASH_ON	7.0
#define CHART_LDASH_OFF	3.5

struct prim {
	enum prim_kind	 kind;
	double		 x, y, w, h;	/* position and size (see kind) */
	double		 x2, y2;	/* PRIM_LINE end point */
	double		 r0, r1, a0, a1; /* PRIM_WEDGE and PRIM_CIRCLE */
	double		*pts;		/* PRIM_POLYLINE: 2 * npts coordinates (owned) */
	size_t		 npts;
	char		 fill[8];	/* "#rrggbb" or "" for none */
	char		 stroke[8];	/* "#rrggbb" or "" for none */
	double		 lw;		/* stroke width */
	int		 dashed;	/* nonzero: dashed stroke (hidden bars) */
	char		*text;		/* PRIM_TEXT: UTF-8 (owned) */
	double		 size;		/* PRIM_TEXT: font size */
	int		 bold;		/* PRIM_TEXT: bold weight */
	enum prim_anchor anchor;	/* PRIM_TEXT: horizontal anchor */
};

/* A laid-out chart: coordinates in points, origin top left. */
struct chart_layout {
	double		 width, height;	/* the drawing's size */
	struct prim	*p;		/* primitives in drawing order */
	size_t		 np;
};

/*
 * The width charts are laid out for (points): the PDF's text column,
 * and the HTML's viewBox, so that the HTML, scaled to its column at
 * desktop width, shows chart text at about 0.85 of its body text.  A
 * bar chart is upright or horizontal by whether its categories and
 * labels fit side by side at this width, whatever width it is drawn
 * at: one decision for both back-ends.
 */
#define CHART_WIDTH	436.5

/*
 * Lays a chart out for the given width (points).  The height follows
 * from the chart type and the number of categories.  Fills *out, which
 * the caller frees with chart_layout_free().  The measure may be NULL
 * (widths are then estimated).
 *
 * Colours: bar and hbar use the category's colour, else series 0's,
 * else chart_palette(0); histogram series 0's or chart_palette(0);
 * donut the category's or chart_palette(i); stacked and line the
 * series' or chart_palette(s).  Only series 0 of bar, hbar, histogram
 * and donut is drawn.  A bar chart whose categories do not fit side
 * by side (labels that would have to be cut, bars too narrow for
 * their values) is laid out as horizontal bars.
 */
void	 chart_layout(const struct chart *, double width,
	    const struct chart_measure *, struct chart_layout *out);
void	 chart_layout_free(struct chart_layout *);

/*
 * Appends an inline <svg> for the layout with role="img", a <title>
 * (the caption) and a <desc>; id_prefix makes ids unique in the page.
 * The accessible data table is written by chart_svg_table().
 */
void	 chart_svg(const struct chart *, const struct chart_layout *,
	    const char *id_prefix, struct buf *out);
/* Appends the chart's numbers as an HTML <table> (visually hidden by CSS class "sr-only"). */
void	 chart_svg_table(const struct chart *, struct buf *out);

/* The colour-blind-safe palette used where the codebook gives no colour. */
const char *chart_palette(size_t i);
/*
 * The red, green and blue of a "#rrggbb" colour (either case), from 0
 * to 1.  Returns 0, or -1 (rgb untouched) if s is not such a colour.
 */
int	 chart_rgb(const char *s, double rgb[3]);

#endif
