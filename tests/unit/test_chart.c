/*
 * test_chart.c: unit tests of chart layout (chart.c), its SVG and
 * Cairo devices (chart_svg.c, chart_cairo.c) and the shipped fonts
 * (fonts.c).  Run from the repository root, or set GEN_FONTDIR.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chart.h"
#include "chart_cairo.h"
#include "fonts.h"
#include "util.h"

#define HID	(-1.0)	/* a hidden value in the tables below, shown as "<5" */
#define STUB_LEN 8.0	/* chart.c's fixed length of a hidden bar */
#define TURN	6.283185307179586	/* a full circle in radians */

/* cmocka 1.1's assert_float_equal compares floats: compare doubles. */
#define assert_near(a, b, eps) assert_true(fabs((double)(a) - (double)(b)) <= (eps))

/* Group state: the fonts, and a measure over them. */
struct fx {
	struct fonts		*fonts;		/* shipped faces */
	struct chart_measure	 m;		/* fonts_measure_cb over them */
};

static const char *
fontdir(void)
{
	const char	*d = getenv("GEN_FONTDIR");

	return d != NULL ? d : "assets/fonts";
}

/* A chart: labels cats[ncat], series sers[nser], values vals[nser * ncat]. */
static struct chart *
mk(enum chart_type type, int pct, size_t ncat, const char *const *cats,
    size_t nser, const char *const *sers, const double *vals)
{
	struct chart	*c = xcalloc(1, sizeof(*c));
	size_t		 i;

	c->type = type;
	chart_number(c, 3);
	c->title = xstrdup("Thema's & \"knelpunten\" <2024>");
	c->axis = xstrdup("aantal trajecten");
	c->desc = xstrdup("De meeste conflicten gaan over tarieven.");
	c->pct = pct;
	c->ncat = ncat;
	c->nser = nser;
	c->cat = xcalloc(ncat, sizeof(*c->cat));
	c->ser = xcalloc(nser, sizeof(*c->ser));
	c->cell = xcalloc(ncat * nser, sizeof(*c->cell));
	for (i = 0; i < ncat; i++)
		c->cat[i].label = xstrdup(cats[i]);
	for (i = 0; i < nser; i++)
		c->ser[i].label = xstrdup(sers[i]);
	for (i = 0; i < ncat * nser; i++) {
		if (vals[i] == HID) {
			c->cell[i].hidden = 1;
			c->cell[i].shown = xstrdup("<5");
		} else {
			c->cell[i].value = vals[i];
			c->cell[i].shown = pct ?
			    xasprintf("%.0f%%", vals[i]) :
			    xasprintf("%.0f", vals[i]);
		}
	}
	return c;
}

static void
rm(struct chart *c)
{
	chart_free(c);
	free(c);
}

/* Primitives of a kind, filled with fill (NULL: any) and dashed or not (-1: any). */
static size_t
count(const struct chart_layout *l, enum prim_kind kind, const char *fill,
    int dashed)
{
	size_t	 i, n = 0;

	for (i = 0; i < l->np; i++)
		if (l->p[i].kind == kind &&
		    (fill == NULL || strcmp(l->p[i].fill, fill) == 0) &&
		    (dashed == -1 || l->p[i].dashed == dashed))
			n++;
	return n;
}

/* The i-th primitive of a kind with a fill. */
static const struct prim *
nth(const struct chart_layout *l, enum prim_kind kind, const char *fill,
    size_t k)
{
	size_t	 i;

	for (i = 0; i < l->np; i++)
		if (l->p[i].kind == kind && strcmp(l->p[i].fill, fill) == 0 &&
		    k-- == 0)
			return &l->p[i];
	return NULL;
}

static const struct prim *
find_text(const struct chart_layout *l, const char *s)
{
	size_t	 i;

	for (i = 0; i < l->np; i++)
		if (l->p[i].kind == PRIM_TEXT && strcmp(l->p[i].text, s) == 0)
			return &l->p[i];
	return NULL;
}

/*
 * No text under 9 pt, the labels' size: scaled to the HTML column at
 * desktop width that is 0.8 of the body text (issue 12; the note on
 * hidden values and the labels in stubs were 8 pt, 0.74).
 */
static void
check_text_size(const struct chart_layout *l)
{
	size_t	 i;

	for (i = 0; i < l->np; i++)
		if (l->p[i].kind == PRIM_TEXT)
			assert_true(l->p[i].size >= 9.0);
}

/* Every coordinate finite and inside the drawing (with half a stroke). */
static void
check_bounds(const struct chart_layout *l)
{
	size_t	 i;

	assert_true(l->width > 0 && l->height > 0);
	for (i = 0; i < l->np; i++) {
		const struct prim *p = &l->p[i];

		assert_true(isfinite(p->x) && isfinite(p->y));
		assert_true(p->x >= -1 && p->x <= l->width + 1);
		assert_true(p->y >= -1 && p->y <= l->height + 1);
		if (p->kind == PRIM_RECT) {
			assert_true(p->w >= 0 && p->h >= 0);
			assert_true(p->x + p->w <= l->width + 1);
			assert_true(p->y + p->h <= l->height + 1);
		}
		if (p->kind == PRIM_TEXT)
			assert_non_null(p->text);
	}
}

static const char *const themas[] = {
	"Tarieven en contractvoorwaarden", "Gebrek aan vertrouwen",
	"Communicatie", "Privacy", "Overig"
};
static const char *const one[] = { "aantal" };
static const char *const short5[] = { "A", "B", "C", "D", "E" };

static int
setup(void **state)
{
	struct fx	*fx = xcalloc(1, sizeof(*fx));

	if ((fx->fonts = fonts_new(fontdir())) == NULL) {
		free(fx);
		return -1;
	}
	fx->m.width = fonts_measure_cb;
	fx->m.arg = fx->fonts;
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx	*fx = *state;

	fonts_free(fx->fonts);
	free(fx);
	return 0;
}

static void
test_fonts(void **state)
{
	struct fx	*fx = *state;
	const char	*dir;
	double		 w, wb;
	struct fonts	*bad;

	assert_non_null(fonts_context(fx->fonts));
	assert_non_null(fonts_fontmap(fx->fonts));
	assert_near(fonts_width(fx->fonts, "", 9, 0), 0, 1e-9);
	w = fonts_width(fx->fonts, "Tarieven en contractvoorwaarden", 9, 0);
	wb = fonts_width(fx->fonts, "Tarieven en contractvoorwaarden", 9, 1);
	assert_true(w > 100 && w < 160);
	assert_true(wb > w);
	/* Linear in the size: metrics are not hinted. */
	assert_near(fonts_width(fx->fonts, "Tarieven", 18, 0),
	    2 * fonts_width(fx->fonts, "Tarieven", 9, 0), 0.01);
	assert_near(fonts_measure_cb(fx->fonts, "abc", 9, 0),
	    fonts_width(fx->fonts, "abc", 9, 0), 1e-9);
	/* A folder without Gen Sans: refused, never a silent fallback. */
	dir = "/tmp/gen-test-nofonts";
	assert_int_equal(util_mkdirs(dir), 0);
	bad = fonts_new(dir);
	assert_null(bad);
	assert_null(fonts_new("/nonexistent/fonts"));
}

static void
test_bar(void **state)
{
	struct fx		*fx = *state;
	static const double	 v[] = { 40, 20, 10, 5, HID };
	struct chart		*c = mk(CHART_BAR, 0, 5, short5, 1, one, v);
	struct chart_layout	 l;
	const struct prim	*p0, *p;
	size_t			 i;

	chart_layout(c, 480, &fx->m, &l);
	check_bounds(&l);
	assert_near(l.width, 480, 1e-9);
	/* Four bars in the default colour, one dashed stub. */
	assert_int_equal(count(&l, PRIM_RECT, chart_palette(0), 0), 4);
	assert_int_equal(count(&l, PRIM_RECT, NULL, 1), 1 + 1);	/* + the note */
	/* Vertical (bars are narrower than they are tall) and to scale. */
	p0 = nth(&l, PRIM_RECT, chart_palette(0), 0);
	assert_true(p0->h > p0->w);
	for (i = 1; i < 4; i++) {
		p = nth(&l, PRIM_RECT, chart_palette(0), i);
		assert_near(p->h / v[i], p0->h / v[0], 1e-6);
		assert_near(p->y + p->h, p0->y + p0->h, 1e-6);
		assert_near(p->w, p0->w, 1e-9);
	}
	assert_non_null(find_text(&l, "40"));
	assert_non_null(find_text(&l, "<5"));
	assert_non_null(find_text(&l, "aantal trajecten"));
	chart_layout_free(&l);
	assert_int_equal(l.np, 0);
	rm(c);
}

/* A hidden cell is never drawn to scale, whatever value it carries. */
static void
test_hidden_not_to_scale(void **state)
{
	struct fx		*fx = *state;
	static const double	 v[] = { 40, 20, 10, 5, 3 };
	enum chart_type		 types[] = { CHART_BAR, CHART_HBAR,
				    CHART_HISTOGRAM };
	struct chart		*c;
	struct chart_layout	 a, b;
	const struct prim	*stub, *pa, *pb;
	size_t			 t, i;

	for (t = 0; t < GEN_NELEM(types); t++) {
		c = mk(types[t], 0, 5, short5, 1, one, v);
		chart_layout(c, 480, &fx->m, &a);
		/* The same chart with one cell hidden, carrying a huge value. */
		c->cell[1].hidden = 1;
		c->cell[1].value = 1e6;
		free(c->cell[1].shown);
		c->cell[1].shown = xstrdup("\xe2\x89\xa5" "5");
		chart_layout(c, 480, &fx->m, &b);
		check_bounds(&b);
		/* The stub, then the note's swatch under the chart. */
		assert_int_equal(count(&b, PRIM_RECT, NULL, 1), 2);
		for (stub = NULL, i = 0; i < b.np && stub == NULL; i++)
			if (b.p[i].kind == PRIM_RECT && b.p[i].dashed)
				stub = &b.p[i];
		assert_non_null(stub);
		assert_true(stub->stroke[0] == '#');
		assert_near(types[t] == CHART_HBAR ? stub->w : stub->h,
		    STUB_LEN, 1e-9);
		assert_non_null(find_text(&b, "\xe2\x89\xa5" "5"));
		check_text_size(&b);
		/* The visible bars keep their size: the axis ignores it. */
		pa = nth(&a, PRIM_RECT, chart_palette(0), 0);
		pb = nth(&b, PRIM_RECT, chart_palette(0), 0);
		assert_near(pa->w, pb->w, 1e-9);
		assert_near(pa->h, pb->h, 1e-9);
		chart_layout_free(&a);
		chart_layout_free(&b);
		rm(c);
	}
}

static void
test_hbar(void **state)
{
	struct fx		*fx = *state;
	static const double	 v[] = { 48, 37, 12, HID, 6 };
	struct chart		*c = mk(CHART_HBAR, 0, 5, themas, 1, one, v);
	struct chart_layout	 l;
	const struct prim	*p0, *p, *lab;
	size_t			 i, k;

	chart_layout(c, 480, &fx->m, &l);
	check_bounds(&l);
	assert_int_equal(count(&l, PRIM_RECT, chart_palette(0), 0), 4);
	p0 = nth(&l, PRIM_RECT, chart_palette(0), 0);
	assert_true(p0->w > p0->h);
	for (k = 1, i = 1; i < 5; i++) {
		if (v[i] == HID)
			continue;
		p = nth(&l, PRIM_RECT, chart_palette(0), k++);
		assert_near(p->w / v[i], p0->w / v[0], 1e-6);
		assert_near(p->x, p0->x, 1e-9);
		assert_true(p->y > p0->y);
	}
	/* Labels end left of the bars, and fit in the drawing. */
	lab = find_text(&l, "Tarieven en contractvoorwaarden");
	assert_non_null(lab);
	assert_int_equal(lab->anchor, ANCHOR_END);
	assert_true(lab->x < p0->x);
	assert_true(lab->x - fonts_width(fx->fonts, lab->text, lab->size,
	    lab->bold) >= 0);
	chart_layout_free(&l);
	rm(c);
}

/* Long labels wrap, then are shortened with an ellipsis; never wider than allowed. */
static void
test_long_labels(void **state)
{
	struct fx		*fx = *state;
	static const char *const cats[] = {
		"Administratieve lasten en verantwoording rond "
		"contractvoorwaarden, tarieven en de toegang tot "
		"jeugdhulp voor gezinnen in de regio",
		"Ondersteuningsbehoeftevaststellingsprocedure",
		"Kort",
	};
	static const double	 v[] = { 10, 20, 30 };
	struct chart		*c = mk(CHART_BAR, 0, 3, cats, 1, one, v);
	struct chart_layout	 l;
	size_t			 i, ell = 0;
	double			 w;

	/* A bar chart whose labels cannot be cut is drawn as hbar. */
	chart_layout(c, 480, &fx->m, &l);
	check_bounds(&l);
	assert_true(nth(&l, PRIM_RECT, chart_palette(0), 0)->w >
	    nth(&l, PRIM_RECT, chart_palette(0), 0)->h);
	for (i = 0; i < l.np; i++) {
		if (l.p[i].kind != PRIM_TEXT)
			continue;
		w = fonts_width(fx->fonts, l.p[i].text, l.p[i].size,
		    l.p[i].bold);
		if (l.p[i].anchor == ANCHOR_END && l.p[i].x < 240) {
			assert_true(w <= 480 * 0.38 + 0.01);
			assert_true(l.p[i].x - w >= 0);
		}
		if (strstr(l.p[i].text, "\xe2\x80\xa6") != NULL)
			ell++;
	}
	assert_true(ell >= 1);
	chart_layout_free(&l);
	rm(c);
}

static void
test_stacked(void **state)
{
	struct fx		*fx = *state;
	static const char *const years[] = { "2021", "2022", "2023" };
	static const char *const sers[] = { "Geslaagd", "Niet geslaagd" };
	static const double	 v[] = { 20, 30, 10, 6, HID, 12 };
	struct chart		*c = mk(CHART_STACKED, 0, 3, years, 2, sers, v);
	struct chart_layout	 l;
	const struct prim	*a, *b;

	chart_layout(c, 480, &fx->m, &l);
	check_bounds(&l);
	/* Segments (legend swatches are 10 x 10 squares on top). */
	assert_int_equal(count(&l, PRIM_RECT, chart_palette(0), 0), 3 + 1);
	assert_int_equal(count(&l, PRIM_RECT, chart_palette(1), 0), 2 + 1);
	assert_int_equal(count(&l, PRIM_RECT, NULL, 1), 1 + 1);	/* + the note */
	a = nth(&l, PRIM_RECT, chart_palette(0), 1);	/* 2021, 20 */
	b = nth(&l, PRIM_RECT, chart_palette(1), 1);	/* 2021, 6 */
	assert_near(a->h / 20, b->h / 6, 1e-6);
	assert_near(b->y + b->h, a->y, 1e-6);	/* stacked on top */
	assert_non_null(find_text(&l, "Geslaagd"));
	assert_non_null(find_text(&l, "Niet geslaagd"));
	check_text_size(&l);	/* "<5" in its stub, the note */
	chart_layout_free(&l);
	rm(c);
}

static void
test_histogram(void **state)
{
	struct fx		*fx = *state;
	static const char *const bins[] = {
		"0–29", "30–59", "60–89", "90–119", "120+"
	};
	static const double	 v[] = { 7, 18, 26, HID, 5 };
	struct chart		*c = mk(CHART_HISTOGRAM, 0, 5, bins, 1, one, v);
	struct chart_layout	 l;
	const struct prim	*p0, *p1;

	c->cataxis = xstrdup("dagen");
	chart_layout(c, 480, &fx->m, &l);
	check_bounds(&l);
	assert_int_equal(count(&l, PRIM_RECT, chart_palette(0), 0), 4);
	assert_int_equal(count(&l, PRIM_RECT, NULL, 1), 1 + 1);	/* + the note */
	p0 = nth(&l, PRIM_RECT, chart_palette(0), 0);
	p1 = nth(&l, PRIM_RECT, chart_palette(0), 1);
	/* Adjacent bins: a gap of at most a point. */
	assert_true(p1->x - (p0->x + p0->w) <= 1.0 + 1e-9);
	assert_near(p1->h / 18, p0->h / 7, 1e-6);
	assert_non_null(find_text(&l, "dagen"));
	assert_non_null(find_text(&l, "90–119"));
	chart_layout_free(&l);
	rm(c);
}

static void
test_donut(void **state)
{
	struct fx		*fx = *state;
	static const double	 v[] = { 50, 25, 15, HID, 10 };
	struct chart		*c = mk(CHART_DONUT, 0, 5, themas, 1, one, v);
	struct chart_layout	 l;
	const struct prim	*lab;
	double			 sum = 0;
	size_t			 i, k = 0;

	chart_layout(c, 480, &fx->m, &l);
	check_bounds(&l);
	assert_int_equal(count(&l, PRIM_WEDGE, NULL, -1), 4);
	for (i = 0; i < l.np; i++) {
		if (l.p[i].kind != PRIM_WEDGE)
			continue;
		assert_true(l.p[i].r0 > 0 && l.p[i].r0 < l.p[i].r1);
		/* Proportional to the visible values. */
		while (v[k] == HID)
			k++;
		assert_near(l.p[i].a1 - l.p[i].a0,
		    TURN * v[k++] / 100, 1e-9);
		sum += l.p[i].a1 - l.p[i].a0;
	}
	assert_near(sum, TURN, 1e-9);
	/* The hidden category is in the legend, with its dashed swatch. */
	assert_non_null(find_text(&l, "Privacy"));
	assert_non_null(find_text(&l, "<5"));
	assert_int_equal(count(&l, PRIM_RECT, NULL, 1), 2);	/* + the note */
	lab = find_text(&l, "<5");
	assert_int_equal(lab->anchor, ANCHOR_END);
	chart_layout_free(&l);
	rm(c);
}

static void
test_line(void **state)
{
	struct fx		*fx = *state;
	static const char *const years[] = {
		"2019", "2020", "2021", "2022", "2023"
	};
	static const char *const sers[] = { "Noord", "Zuid" };
	static const double	 v[] = {
		10, 12, HID, 15, 18,
		4, 6, 8, 9, 11,
	};
	struct chart		*c = mk(CHART_LINE, 0, 5, years, 2, sers, v);
	struct chart_layout	 l;
	const struct prim	*p;
	size_t			 i, npoly = 0;

	chart_layout(c, 480, &fx->m, &l);
	check_bounds(&l);
	/* Noord breaks at its hidden point: two runs; Zuid one. */
	for (i = 0; i < l.np; i++) {
		p = &l.p[i];
		if (p->kind != PRIM_POLYLINE)
			continue;
		npoly++;
		assert_int_equal(p->npts, strcmp(p->stroke,
		    chart_palette(0)) == 0 ? 2 : 5);
	}
	assert_int_equal(npoly, 3);
	/* Markers: 9 visible, 1 dashed ring, 2 in the legend. */
	assert_int_equal(count(&l, PRIM_CIRCLE, NULL, 0), 9 + 2);
	assert_int_equal(count(&l, PRIM_CIRCLE, NULL, 1), 1);
	assert_non_null(find_text(&l, "<5"));
	assert_non_null(find_text(&l, "18"));	/* end labels */
	assert_non_null(find_text(&l, "11"));
	chart_layout_free(&l);
	rm(c);
}

/*
 * Nine series (more than six lines can be told apart): small multiples,
 * one panel per series on one scale, titled with the series' label;
 * the two series that repeat a palette colour stay long-dashed; no
 * legend, no end labels.
 */
static void
test_line_many(void **state)
{
	struct fx		*fx = *state;
	static const char *const years[] = { "2019", "2020" };
	static const char *const sers[] = {
		"alfa", "bravo", "charlie", "delta", "echo", "foxtrot",
		"golf", "hotel", "india"
	};
	static const double	 v[] = {
		1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18
	};
	struct chart		*c = mk(CHART_LINE, 0, 2, years, 9, sers, v);
	struct chart_layout	 l;
	const struct prim	*p;
	size_t			 i, dashed = 0, solid = 0;

	for (i = 0; i < 9; i++)
		snprintf(c->ser[i].color, 8, "%s", chart_palette(i));
	chart_layout(c, 436.5, &fx->m, &l);
	check_bounds(&l);
	for (i = 0; i < l.np; i++) {
		p = &l.p[i];
		if (p->kind != PRIM_POLYLINE)
			continue;
		if (p->dashed == 2) {
			dashed++;
			assert_true(strcmp(p->stroke, chart_palette(0)) == 0 ||
			    strcmp(p->stroke, chart_palette(1)) == 0);
		} else
			solid++;
	}
	assert_int_equal(dashed, 2);		/* one panel each, no legend */
	assert_int_equal(solid, 7);
	for (i = 0; i < 9; i++)
		assert_non_null(find_text(&l, sers[i]));	/* panel titles */
	assert_null(find_text(&l, "18"));	/* no end labels */
	/* Three rows of three panels: taller than one plot. */
	assert_true(l.height > 300);
	chart_layout_free(&l);
	rm(c);
}

/*
 * Labels that differ only at their end, too long even for three lines:
 * never shortened to the same text; each ends with its own end.
 */
static void
test_labels_distinct(void **state)
{
	struct fx		*fx = *state;
	static const char *const cats[] = {
		"Afspraken over tarieven en indexering van de zorg bij de "
		    "jeugdhulp in de regio en daarbuiten, bij jeugd-ggz",
		"Afspraken over tarieven en indexering van de zorg bij de "
		    "jeugdhulp in de regio en daarbuiten, bij verblijf",
		"Afspraken over tarieven en indexering van de zorg bij de "
		    "jeugdhulp in de regio en daarbuiten, bij dyslexie"
	};
	static const char *const years[] = { "2019", "2020" };
	static const double	 v[] = { 3, 2, 1, 1, 2, 3 };
	struct chart		*c;
	struct chart_layout	 l;
	enum chart_type		 t[] = { CHART_HBAR, CHART_STACKED };
	size_t			 i, k, n;

	for (k = 0; k < GEN_NELEM(t); k++) {
		c = t[k] == CHART_HBAR ? mk(CHART_HBAR, 0, 3, cats, 1, one, v) :
		    mk(CHART_STACKED, 0, 2, years, 3, cats, v);
		chart_layout(c, 200, &fx->m, &l);
		check_bounds(&l);
		for (i = 0, n = 0; i < l.np; i++)
			if (l.p[i].kind == PRIM_TEXT && (strstr(l.p[i].text,
			    "ggz") != NULL || strstr(l.p[i].text,
			    "verblijf") != NULL || strstr(l.p[i].text,
			    "dyslexie") != NULL))
				n++;
		assert_int_equal(n, 3);
		chart_layout_free(&l);
		rm(c);
	}
}

/* Counts get whole ticks; percentages carry '%'. */
static void
test_ticks(void **state)
{
	struct fx		*fx = *state;
	static const double	 small[] = { 3, 2, 1, 1, 0 };
	static const double	 pct[] = { 72, 64, 81, 100, 58 };
	struct chart		*c = mk(CHART_BAR, 0, 5, short5, 1, one, small);
	struct chart_layout	 l;
	size_t			 i, ticks = 0;

	chart_layout(c, 480, &fx->m, &l);
	for (i = 0; i < l.np; i++)
		if (l.p[i].kind == PRIM_TEXT && l.p[i].anchor == ANCHOR_END) {
			assert_null(strchr(l.p[i].text, ','));
			assert_null(strchr(l.p[i].text, '.'));
			ticks++;
		}
	assert_int_equal(ticks, 4);	/* 0, 1, 2, 3 */
	chart_layout_free(&l);
	rm(c);

	c = mk(CHART_BAR, 1, 5, short5, 1, one, pct);
	chart_layout(c, 480, &fx->m, &l);
	assert_non_null(find_text(&l, "100%"));
	assert_non_null(find_text(&l, "0%"));
	chart_layout_free(&l);
	rm(c);
}

static void
test_svg(void **state)
{
	struct fx		*fx = *state;
	static const char *const cats[] = { "R&D <intern>", "Zorg", "Overig" };
	static const double	 v[] = { 12.5, 3, HID };
	struct chart		*c = mk(CHART_BAR, 0, 3, cats, 1, one, v);
	struct chart_layout	 l;
	struct buf		 b = { NULL, 0, 0 };
	const char		*p;

	chart_layout(c, 640, &fx->m, &l);
	chart_svg(c, &l, "fig3", &b);
	assert_non_null(b.s);
	assert_true(strncmp(b.s, "<svg ", 5) == 0);
	assert_non_null(strstr(b.s, "role=\"img\""));
	assert_non_null(strstr(b.s, "width=\"100%\""));
	assert_non_null(strstr(b.s, "viewBox=\"0 0 640 "));
	assert_non_null(strstr(b.s,
	    "aria-labelledby=\"fig3-title fig3-desc\""));
	assert_non_null(strstr(b.s, "<title id=\"fig3-title\">Figuur 3. "
	    "Thema&#39;s &amp; &quot;knelpunten&quot; &lt;2024&gt;</title>"));
	assert_non_null(strstr(b.s, "<desc id=\"fig3-desc\">De meeste "));
	assert_non_null(strstr(b.s, "font-family=\"Gen Sans, sans-serif\""));
	assert_non_null(strstr(b.s, ">R&amp;D &lt;intern&gt;</text>"));
	assert_non_null(strstr(b.s, ">&lt;5</text>"));
	assert_non_null(strstr(b.s, "stroke-dasharray=\"2 1.5\""));
	assert_null(strstr(b.s, "<intern>"));
	assert_true(strcmp(b.s + b.len - 7, "</svg>\n") == 0);
	/* Numbers: at most two decimals, a point, never a comma. */
	for (p = b.s; (p = strstr(p, "=\"")) != NULL; p += 2) {
		const char	*q = p + 2;

		if (*q < '0' || *q > '9')
			continue;
		while ((*q >= '0' && *q <= '9') || *q == '.' || *q == ' ')
			q++;
		if (*q == '%')	/* width="100%" */
			q++;
		assert_int_equal(*q, '"');
	}
	assert_null(strstr(b.s, ".000"));
	buf_free(&b);
	chart_layout_free(&l);
	rm(c);
}

static void
test_svg_table(void **state)
{
	static const char *const years[] = { "2022", "2023" };
	static const char *const sers[] = { "Noord & Oost", "Zuid" };
	static const double	 v[] = { 10, HID, 4, 6 };
	struct chart		*c = mk(CHART_LINE, 0, 2, years, 2, sers, v);
	struct buf		 b = { NULL, 0, 0 };

	(void)state;
	chart_svg_table(c, &b);
	assert_non_null(strstr(b.s, "<div class=\"sr-only\"><table>"));
	assert_non_null(strstr(b.s, "<caption>Figuur 3. Thema&#39;s"));
	assert_non_null(strstr(b.s, "<th scope=\"col\">Categorie</th>"
	    "<th scope=\"col\">Noord &amp; Oost</th>"
	    "<th scope=\"col\">Zuid</th>"));
	assert_non_null(strstr(b.s, "<tr><th scope=\"row\">2023</th>"
	    "<td>&lt;5</td><td>6</td></tr>"));
	assert_non_null(strstr(b.s, "</table></div>"));
	buf_free(&b);
	rm(c);
}

static char *
svg_of(const struct chart *c, const struct chart_measure *m)
{
	struct chart_layout	 l;
	struct buf		 b = { NULL, 0, 0 };

	chart_layout(c, 480, m, &l);
	chart_svg(c, &l, "f", &b);
	chart_layout_free(&l);
	return buf_detach(&b);
}

/* Same input, same bytes: for every type, and under a comma locale. */
static void
test_deterministic(void **state)
{
	struct fx		*fx = *state;
	static const double	 v[] = {
		12.25, HID, 7, 3, 1,
		2, 4, 6, 8, 10,
	};
	enum chart_type		 t;
	struct chart		*c;
	char			*a, *b;

	for (t = CHART_BAR; t <= CHART_LINE; t++) {
		c = mk(t, 0, 5, themas, 2, themas, v);
		a = svg_of(c, &fx->m);
		b = svg_of(c, &fx->m);
		assert_string_equal(a, b);
		free(b);
		if (setlocale(LC_NUMERIC, "nl_NL.UTF-8") != NULL ||
		    setlocale(LC_NUMERIC, "de_DE.UTF-8") != NULL) {
			b = svg_of(c, &fx->m);
			assert_string_equal(a, b);
			free(b);
			setlocale(LC_NUMERIC, "C");
		}
		free(a);
		rm(c);
	}
}

/* 500 categories: every type completes, in time linear in the count. */
static void
test_many(void **state)
{
	struct fx		*fx = *state;
	enum chart_type		 t;
	struct chart		 c;
	struct chart_layout	 l;
	struct buf		 b = { NULL, 0, 0 };
	size_t			 i, n = 500;
	clock_t			 t0;
	double			 h100 = 0;

	for (t = CHART_BAR; t <= CHART_LINE; t++) {
		memset(&c, 0, sizeof(c));
		c.type = t;
		chart_number(&c, 1);
		c.title = xstrdup("Veel codes");
		c.ncat = n;
		c.nser = t == CHART_STACKED || t == CHART_LINE ? 3 : 1;
		c.cat = xcalloc(n, sizeof(*c.cat));
		c.ser = xcalloc(c.nser, sizeof(*c.ser));
		c.cell = xcalloc(n * c.nser, sizeof(*c.cell));
		for (i = 0; i < n; i++)
			c.cat[i].label = xasprintf("Code %zu met een lange "
			    "omschrijving van het thema", i);
		for (i = 0; i < c.nser; i++)
			c.ser[i].label = xasprintf("Reeks %zu", i);
		for (i = 0; i < n * c.nser; i++) {
			c.cell[i].hidden = i % 7 == 3;
			c.cell[i].value = c.cell[i].hidden ? 0 :
			    (double)(i * 37 % 101);
			c.cell[i].shown = c.cell[i].hidden ? xstrdup("<5") :
			    xasprintf("%zu", i * 37 % 101);
		}
		t0 = clock();
		chart_layout(&c, 480, &fx->m, &l);
		chart_svg(&c, &l, "many", &b);
		assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 10);
		check_bounds(&l);
		assert_true(b.len > 0);
		if (t == CHART_HBAR) {
			/* Tall, not squeezed: at least a line per bar. */
			assert_true(l.height > n * 11);
			h100 = l.height;
		}
		if (t == CHART_BAR)	/* too many to stand side by side */
			assert_true(l.height > n * 11);
		buf_free(&b);
		chart_layout_free(&l);
		chart_free(&c);
	}
	assert_true(h100 > 0);
}

static void
test_empty(void **state)
{
	struct fx		*fx = *state;
	struct chart		 c;
	struct chart_layout	 l;

	chart_free(NULL);
	chart_layout_free(NULL);
	memset(&c, 0, sizeof(c));
	c.type = CHART_DONUT;
	chart_layout(&c, 480, &fx->m, &l);
	assert_non_null(find_text(&l, "Geen gegevens"));
	assert_true(l.height > 0);
	chart_layout_free(&l);
	/* All hidden: nothing to scale, still a drawing. */
	{
		static const double v[] = { HID, HID, HID, HID, HID };
		enum chart_type	 t;
		struct chart	*h;

		for (t = CHART_BAR; t <= CHART_LINE; t++) {
			h = mk(t, 0, 5, short5, 1, one, v);
			chart_layout(h, 480, NULL, &l);
			check_bounds(&l);
			assert_int_equal(count(&l, PRIM_TEXT, NULL, -1) >= 5,
			    1);
			chart_layout_free(&l);
			rm(h);
		}
	}
}

static cairo_status_t
sink(void *closure, const unsigned char *data, unsigned int len)
{
	size_t	*n = closure;

	(void)data;
	*n += len;
	return CAIRO_STATUS_SUCCESS;
}

static void
test_cairo(void **state)
{
	struct fx		*fx = *state;
	static const double	 v[] = { 48, 37, 12, HID, 6 };
	enum chart_type		 t;
	struct chart		*c;
	struct chart_layout	 l;
	cairo_surface_t		*s;
	cairo_t			*cr;
	unsigned char		*px;
	size_t			 pdfbytes = 0;
	int			 x, y, dark;

	for (t = CHART_BAR; t <= CHART_LINE; t++) {
		c = mk(t, 0, 5, themas, 1, one, v);
		chart_layout(c, 480, &fx->m, &l);
		s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
		    (int)ceil(l.width), (int)ceil(l.height));
		cr = cairo_create(s);
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_paint(cr);
		cairo_set_source_rgb(cr, 1, 0, 0);
		chart_cairo_draw(&l, cr, fx->fonts, 0, 0);
		assert_int_equal(cairo_status(cr), CAIRO_STATUS_SUCCESS);
		/* The context's source is left as it was. */
		{
			double	 r, g, bl, a;

			cairo_pattern_get_rgba(cairo_get_source(cr), &r, &g,
			    &bl, &a);
			assert_near(r, 1, 1e-9);
			assert_near(g, 0, 1e-9);
		}
		cairo_surface_flush(s);
		px = cairo_image_surface_get_data(s);
		for (dark = 0, y = 0; y < cairo_image_surface_get_height(s);
		    y++)
			for (x = 0; x < cairo_image_surface_get_width(s); x++)
				if (px[y * cairo_image_surface_get_stride(s) +
				    4 * x + 1] < 128)
					dark++;
		assert_true(dark > 500);
		cairo_destroy(cr);
		cairo_surface_destroy(s);

		s = cairo_pdf_surface_create_for_stream(sink, &pdfbytes,
		    595, 842);
		cr = cairo_create(s);
		chart_cairo_draw(&l, cr, fx->fonts, 57, 100);
		cairo_show_page(cr);
		cairo_destroy(cr);
		cairo_surface_finish(s);
		assert_int_equal(cairo_surface_status(s),
		    CAIRO_STATUS_SUCCESS);
		cairo_surface_destroy(s);
		chart_layout_free(&l);
		rm(c);
	}
	assert_true(pdfbytes > 1000);
}

static void
test_palette(void **state)
{
	size_t	 i, j;

	(void)state;
	for (i = 0; i < 7; i++) {
		assert_int_equal(strlen(chart_palette(i)), 7);
		assert_int_equal(chart_palette(i)[0], '#');
		for (j = 0; j < i; j++)
			assert_string_not_equal(chart_palette(i),
			    chart_palette(j));
	}
	assert_string_equal(chart_palette(0), chart_palette(7));
}

/* The chart type table: in enum order, every type found by its name. */
static void
test_types(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < CHART_NTYPES; i++) {
		assert_int_equal(chart_types[i].type, (int)i);
		assert_ptr_equal(chart_type_find(chart_types[i].name),
		    &chart_types[i]);
		assert_true(chart_types[i].flags & (CT_CODES | CT_NUMBERS));
	}
	assert_null(chart_type_find("taart"));
	assert_true(chart_types[CHART_DONUT].flags & CT_WHOLE);
	assert_true(chart_types[CHART_LINE].flags & CT_YEARS);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_fonts),
		cmocka_unit_test(test_palette),
		cmocka_unit_test(test_bar),
		cmocka_unit_test(test_hidden_not_to_scale),
		cmocka_unit_test(test_hbar),
		cmocka_unit_test(test_long_labels),
		cmocka_unit_test(test_stacked),
		cmocka_unit_test(test_histogram),
		cmocka_unit_test(test_donut),
		cmocka_unit_test(test_line),
		cmocka_unit_test(test_line_many),
		cmocka_unit_test(test_labels_distinct),
		cmocka_unit_test(test_ticks),
		cmocka_unit_test(test_svg),
		cmocka_unit_test(test_svg_table),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_many),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_cairo),
	};
	int	 rc;

	rc = cmocka_run_group_tests(tests, setup, teardown);
	cairo_debug_reset_static_data();
	FcFini();
	return rc;
}
