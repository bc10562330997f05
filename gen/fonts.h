/*
 * fonts.h: the typefaces gen ships in assets/fonts, registered with
 * fontconfig before Pango's first use so that every machine lays text
 * out with the same faces, and text measurement for chart layout.
 * Included by build.c and serve.c (which load the fonts),
 * chart_cairo.c, logopng.c, the PDF back-end (pdf.c, pdftext.c, pdfbox.c, pdfdraw.c)
 * and the tests that measure text.
 */
#ifndef GEN_FONTS_H
#define GEN_FONTS_H

#include <pango/pangocairo.h>

/* Subsets of Lato and Liberation Mono, renamed (tools/subset-fonts.sh). */
#define FONTS_SANS	"Gen Sans"	/* body, headings, charts */
#define FONTS_MONO	"Gen Mono"	/* code */

struct diag;
struct fonts;

/*
 * Registers every *.ttf in fontdir with a private fontconfig set and
 * makes a Pango font map over it (hinting of metrics off, glyph
 * positions not rounded, so PDF, PNG and SVG measurements agree).
 * Returns NULL, with an error through diag ("fontdir: error: ..."), if
 * a face is missing.  Free with fonts_free(), once every context and
 * layout made from it is gone.
 */
struct fonts	*fonts_open(const char *fontdir, struct diag *);
/* The same, its errors on standard error (tests and tools). */
struct fonts	*fonts_new(const char *fontdir);
void		 fonts_free(struct fonts *);

/* A Pango context over the shipped faces, owned by the fonts object. */
PangoContext	*fonts_context(const struct fonts *);
PangoFontMap	*fonts_fontmap(const struct fonts *);

/*
 * A new context configured like fonts_context(), for drawing on one
 * cairo_t (pango_cairo_update_context) without touching the shared
 * one; the caller releases it with g_object_unref().
 */
PangoContext	*fonts_context_new(const struct fonts *);

/*
 * A font description for family (FONTS_SANS, FONTS_MONO) at an
 * absolute size in points (layout units); the caller frees it with
 * pango_font_description_free().
 */
PangoFontDescription *fonts_desc(const char *family, double size,
		    int bold, int italic);

/* Width in points of UTF-8 text in the sans face at size points. */
double		 fonts_width(const struct fonts *, const char *utf8,
		    double size, int bold);

/*
 * Nonzero if one of the shipped faces has a glyph for the code point c
 * (fontconfig's coverage of the loaded files), so that Pango sets it
 * without an empty box.  Characters that are never drawn (controls,
 * format characters, variation selectors) count as covered.
 */
int		 fonts_has_char(const struct fonts *, unsigned int c);

/* A chart_measure callback: arg is a const struct fonts *. */
double		 fonts_measure_cb(void *arg, const char *utf8, double size,
		    int bold);

#endif
