/*
 * chartdemo.c: lays out one chart of each type with Dutch labels and a
 * hidden cell, and writes them as SVG and PNG (2x) to an output folder
 * (default /tmp/chartdemo) for looking at, with an index.html showing
 * every SVG and its screen-reader table.
 *
 * usage: chartdemo [-w width] [fontdir [outdir]]
 */
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chart.h"
#include "chart_cairo.h"
#include "fmt.h"
#include "fonts.h"
#include "util.h"

#define HID_LT	(-1.0)	/* a value shown as "<5" */
#define HID_GE	(-2.0)	/* a value shown as "≥5" */

/* Builds a chart; vals holds nser * ncat values, HID_* for hidden ones. */
static struct chart *
mk(enum chart_type type, int number, const char *title, const char *axis,
    const char *cataxis, int pct, size_t ncat, const char *const *cats,
    size_t nser, const char *const *sers, const double *vals)
{
	struct chart	*c = xcalloc(1, sizeof(*c));
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;

	c->type = type;
	chart_number(c, number);
	c->title = xstrdup(title);
	c->axis = axis == NULL ? NULL : xstrdup(axis);
	c->cataxis = cataxis == NULL ? NULL : xstrdup(cataxis);
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
		if (vals[i] < 0) {
			c->cell[i].hidden = 1;
			c->cell[i].shown = xstrdup(vals[i] == HID_LT ?
			    "<5" : "\xe2\x89\xa5" "5");
			continue;
		}
		c->cell[i].value = vals[i];
		if (pct)
			fmt_pct(&b, vals[i]);
		else
			fmt_int(&b, (long long)vals[i]);
		c->cell[i].shown = buf_detach(&b);
	}
	c->desc = xasprintf("%s: voorbeeldgegevens voor het testen van "
	    "de grafieken.", title);
	return c;
}

static int
write_png(const struct chart_layout *l, const struct fonts *f,
    const char *path)
{
	cairo_surface_t	*s;
	cairo_t		*cr;
	int		 rc = -1;

	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    (int)ceil(l->width * 2), (int)ceil(l->height * 2));
	cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, 2, 2);
	chart_cairo_draw(l, cr, f, 0, 0);
	if (cairo_status(cr) == CAIRO_STATUS_SUCCESS &&
	    cairo_surface_write_to_png(s, path) == CAIRO_STATUS_SUCCESS)
		rc = 0;
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	return rc;
}

static int
emit(const char *outdir, const char *name, struct chart *c,
    const struct fonts *f, double width, struct buf *index)
{
	struct chart_measure	 m;
	struct chart_layout	 l;
	struct buf		 svg = { NULL, 0, 0 };
	char			*path = NULL, *id;
	int			 rc = -1;

	m.width = fonts_measure_cb;
	m.arg = (void *)f;
	chart_layout(c, width, &m, &l);
	id = xasprintf("fig-%s", name);
	chart_svg(c, &l, id, &svg);
	buf_printf(index, "<figure>\n");
	buf_add(index, svg.s, svg.len);
	buf_printf(index, "<figcaption>Figuur %d. ", c->number);
	buf_html_s(index, c->title);
	buf_printf(index, "</figcaption>\n");
	chart_svg_table(c, index);
	buf_printf(index, "</figure>\n");
	path = xasprintf("%s/%s.svg", outdir, name);
	if (util_write_file(path, svg.s, svg.len) == -1) {
		perror(path);
		goto out;
	}
	free(path);
	path = xasprintf("%s/%s.png", outdir, name);
	if (write_png(&l, f, path) == -1) {
		fprintf(stderr, "%s: cannot write\n", path);
		goto out;
	}
	printf("%-10s %3zu primitives, %6.1f x %6.1f pt\n", name, l.np,
	    l.width, l.height);
	rc = 0;
out:
	free(path);
	free(id);
	buf_free(&svg);
	chart_layout_free(&l);
	chart_free(c);
	free(c);
	return rc;
}

int
main(int argc, char *argv[])
{
	static const char *const themas[] = {
		"Tarieven en contractvoorwaarden",
		"Gebrek aan vertrouwen",
		"Communicatie tussen partijen",
		"Kwaliteit van zorg en begeleiding",
		"Wachtlijsten en toegang tot jeugdhulp",
		"Administratieve lasten en verantwoording",
		"Privacy en gegevensuitwisseling",
		"Overig",
	};
	static const double themas_v[] = { 48, 37, 29, 22, 15, 9, HID_LT, 6 };
	static const char *const soort[] = {
		"Individueel", "Collectief", "Advies", "Overig"
	};
	static const double soort_v[] = { 64, 31, 12, HID_LT };
	static const char *const jaren[] = {
		"2019", "2020", "2021", "2022", "2023", "2024"
	};
	static const char *const uitkomst[] = {
		"Geslaagd", "Deels geslaagd", "Niet geslaagd", "Lopend"
	};
	static const double uitkomst_v[] = {
		21, 25, 30, 28, 34, 22,
		8, 9, 12, HID_LT, 10, 7,
		6, HID_LT, 9, 11, 8, HID_LT,
		0, 0, 0, 5, 9, 26,
	};
	static const char *const duur[] = {
		"0–29", "30–59", "60–89", "90–119", "120–149", "150–179",
		"180–209", "210–239", "240–269", "270+"
	};
	static const double duur_v[] = {
		7, 18, 26, 21, 14, 9, 6, HID_LT, 5, 8
	};
	static const char *const partijen[] = {
		"Gemeente en aanbieder",
		"Twee of meer gemeenten",
		"Aanbieder en ouders of jongere",
		"Gemeente, aanbieder en wijkteam",
		"Anders",
	};
	static const double partijen_v[] = { 52, 23, 14, HID_LT, 7 };
	static const char *const regio[] = { "Noord", "Oost", "Zuid", "West" };
	static const double regio_v[] = {
		12, 15, 19, 22, 27, 31,
		8, 9, HID_LT, 11, 14, 13,
		17, 16, 21, 19, 24, 29,
		5, 7, 9, 10, 12, 15,
	};
	static const double totaal_v[] = { 42, 47, 55, 63, 77, 88 };
	static const char *const one[] = { "aantal" };
	static const char *const pct_lab[] = {
		"Noord", "Oost", "Zuid", "West", "Midden", "Flevoland"
	};
	static const double pct_v[] = { 72, 64.4, 81, HID_LT, 58, 100 };
	const char	*fontdir = "assets/fonts", *outdir = "/tmp/chartdemo";
	struct fonts	*f = NULL;
	struct buf	 index = { NULL, 0, 0 };
	double		 width = 480;
	char		*path = NULL;
	int		 ch, rc = 1, n = 0;

	while ((ch = getopt(argc, argv, "w:")) != -1)
		switch (ch) {
		case 'w':
			width = atof(optarg);
			break;
		default:
			fprintf(stderr, "usage: chartdemo [-w width] "
			    "[fontdir [outdir]]\n");
			return 2;
		}
	argc -= optind;
	argv += optind;
	if (argc > 0)
		fontdir = argv[0];
	if (argc > 1)
		outdir = argv[1];
	if (util_mkdirs(outdir) == -1) {
		perror(outdir);
		goto out;
	}
	if ((f = fonts_new(fontdir)) == NULL)
		goto out;
	buf_puts(&index, "<!DOCTYPE html>\n<html lang=\"nl\"><head>"
	    "<meta charset=\"utf-8\"><title>chartdemo</title><style>"
	    "body{font-family:Lato,sans-serif;max-width:680px;margin:2em auto;"
	    "color:#1a1a1a}figure{margin:0 0 3em}"
	    "figcaption{font-weight:bold;margin-top:.5em}"
	    ".sr-only{position:absolute;width:1px;height:1px;overflow:hidden;"
	    "clip:rect(0 0 0 0);white-space:nowrap}"
	    "</style></head><body>\n");

#define EMIT(name, chart) do {						\
	if (emit(outdir, name, chart, f, width, &index) == -1)		\
		goto out;						\
} while (0)
	EMIT("hbar", mk(CHART_HBAR, ++n, "Hoofdthema's conflict",
	    "aantal trajecten", NULL, 0, GEN_NELEM(themas), themas, 1, one,
	    themas_v));
	EMIT("bar", mk(CHART_BAR, ++n, "Soort traject", "aantal trajecten",
	    NULL, 0, GEN_NELEM(soort), soort, 1, one, soort_v));
	EMIT("bar-long", mk(CHART_BAR, ++n, "Hoofdthema's (als staafdiagram "
	    "gevraagd)", "aantal trajecten", NULL, 0, GEN_NELEM(themas),
	    themas, 1, one, themas_v));
	EMIT("stacked", mk(CHART_STACKED, ++n, "Uitkomst per startjaar",
	    "aantal trajecten", "startjaar", 0, GEN_NELEM(jaren), jaren,
	    GEN_NELEM(uitkomst), uitkomst, uitkomst_v));
	EMIT("histogram", mk(CHART_HISTOGRAM, ++n, "Duur van afgeronde "
	    "trajecten", "aantal trajecten", "duur in dagen", 0,
	    GEN_NELEM(duur), duur, 1, one, duur_v));
	EMIT("donut", mk(CHART_DONUT, ++n, "Partijen in het conflict", NULL,
	    NULL, 0, GEN_NELEM(partijen), partijen, 1, one, partijen_v));
	EMIT("line", mk(CHART_LINE, ++n, "Trajecten per regio",
	    "aantal trajecten", "startjaar", 0, GEN_NELEM(jaren), jaren,
	    GEN_NELEM(regio), regio, regio_v));
	EMIT("line1", mk(CHART_LINE, ++n, "Trajecten per jaar",
	    "aantal trajecten", NULL, 0, GEN_NELEM(jaren), jaren, 1, one,
	    totaal_v));
	EMIT("pct", mk(CHART_BAR, ++n, "Aandeel geslaagd per regio",
	    "% van afgeronde trajecten", NULL, 1, GEN_NELEM(pct_lab),
	    pct_lab, 1, one, pct_v));
	{
		/* Many narrow bins: thinned labels, hidden stubs labelled. */
		const char	*bins[40];
		char		 names[40][16];
		double		 v[40];
		size_t		 i;

		for (i = 0; i < 40; i++) {
			snprintf(names[i], sizeof(names[i]), "%zu–%zu",
			    i * 10, i * 10 + 9);
			bins[i] = names[i];
			v[i] = i % 9 == 4 ? HID_LT :
			    floor(60 * exp(-(i - 9.0) * (i - 9.0) / 60.0));
		}
		EMIT("histogram-many", mk(CHART_HISTOGRAM, ++n, "Aantal "
		    "gesprekken", "aantal trajecten", "gesprekken", 0, 40,
		    bins, 1, one, v));
	}
#undef EMIT

	buf_puts(&index, "</body></html>\n");
	path = xasprintf("%s/index.html", outdir);
	if (util_write_file(path, index.s, index.len) == -1) {
		perror(path);
		goto out;
	}
	rc = 0;
out:
	free(path);
	buf_free(&index);
	fonts_free(f);
	cairo_debug_reset_static_data();
	FcFini();
	return rc;
}
