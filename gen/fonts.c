/*
 * fonts.c: the typefaces shipped in assets/fonts behind a private
 * fontconfig configuration, so that no system font is ever used, a
 * Pango font map over it, and text measurement for chart layout.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "diag.h"
#include "fonts.h"
#include "util.h"

struct fonts {
	FcConfig	*config;	/* private configuration: only the shipped faces */
	PangoFontMap	*map;		/* Pango font map over config (holds its own reference) */
	PangoContext	*ctx;		/* shared context returned by fonts_context() */
	PangoLayout	*measure;	/* layout reused by fonts_width() */
	FcCharSet	*cover;		/* code points of all the faces (owned) */
};

/* A face gen cannot do without, and how fonts_open() checks it loaded. */
struct face_req {
	const char	*family;	/* FONTS_SANS or FONTS_MONO */
	int		 bold;		/* nonzero: weight must be at least bold */
	int		 italic;	/* nonzero: style must be italic */
	const char	*file;		/* the file that should provide it, for the message */
};

static const struct face_req faces[] = {
	{ FONTS_SANS, 0, 0, "GenSans-Regular.ttf" },
	{ FONTS_SANS, 1, 0, "GenSans-Bold.ttf" },
	{ FONTS_SANS, 0, 1, "GenSans-Italic.ttf" },
	{ FONTS_SANS, 1, 1, "GenSans-BoldItalic.ttf" },
	{ FONTS_MONO, 0, 0, "GenMono-Regular.ttf" },
};

PangoFontDescription *
fonts_desc(const char *family, double size, int bold, int italic)
{
	PangoFontDescription	*d;

	d = pango_font_description_new();
	pango_font_description_set_family(d, family);
	pango_font_description_set_weight(d,
	    bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(d,
	    italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
	pango_font_description_set_absolute_size(d, size * PANGO_SCALE);
	return d;
}

PangoContext *
fonts_context_new(const struct fonts *f)
{
	PangoContext		*ctx;
	cairo_font_options_t	*fo;

	ctx = pango_font_map_create_context(f->map);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	/* One point is one layout unit, as in a PDF or the SVG viewBox. */
	pango_cairo_context_set_resolution(ctx, 72.0);
	pango_context_set_round_glyph_positions(ctx, FALSE);
	pango_context_set_language(ctx, pango_language_from_string("nl"));
	return ctx;
}

/*
 * Loads the face Pango would use for a request and checks that it is
 * the shipped one: fontconfig silently substitutes the nearest face.
 * Returns 0 or -1 after reporting why.
 */
static int
check_face(const struct fonts *f, const char *fontdir,
    const struct face_req *r, struct diag *diag)
{
	PangoFontDescription	*want, *got = NULL;
	PangoFont		*font;
	const char		*fam;
	int			 rc = -1;

	want = fonts_desc(r->family, 10.0, r->bold, r->italic);
	font = pango_font_map_load_font(f->map, f->ctx, want);
	if (font == NULL) {
		diag_error(diag, fontdir, 0, 0, "no font loads for \"%s\"",
		    r->family);
		goto out;
	}
	got = pango_font_describe(font);
	fam = pango_font_description_get_family(got);
	if (fam == NULL || strcasecmp(fam, r->family) != 0) {
		diag_error(diag, fontdir, 0, 0, "\"%s\" is missing (%s "
		    "expected); fontconfig offers \"%s\" instead", r->family,
		    r->file, fam == NULL ? "nothing" : fam);
		goto out;
	}
	if ((r->bold && pango_font_description_get_weight(got) <
	    PANGO_WEIGHT_BOLD) || (!r->bold &&
	    pango_font_description_get_weight(got) >= PANGO_WEIGHT_BOLD) ||
	    (r->italic && pango_font_description_get_style(got) ==
	    PANGO_STYLE_NORMAL) || (!r->italic &&
	    pango_font_description_get_style(got) != PANGO_STYLE_NORMAL)) {
		diag_error(diag, fontdir, 0, 0, "the %s%s face of \"%s\" is "
		    "missing (%s expected)", r->bold ? "bold" : "regular",
		    r->italic ? " italic" : "", r->family, r->file);
		goto out;
	}
	rc = 0;
out:
	if (got != NULL)
		pango_font_description_free(got);
	if (font != NULL)
		g_object_unref(font);
	pango_font_description_free(want);
	return rc;
}

/* Nonzero if a directory entry names a TrueType file. */
static int
is_ttf(const char *name)
{
	size_t	 n = strlen(name);

	return n > 4 && name[0] != '.' && strcasecmp(name + n - 4, ".ttf") == 0;
}

/* The union of the character sets of every face in config. */
static FcCharSet *
coverage(FcConfig *config)
{
	FcFontSet	*set;
	FcCharSet	*all, *cs;
	int		 i;

	all = FcCharSetCreate();
	if ((set = FcConfigGetFonts(config, FcSetApplication)) == NULL)
		return all;
	for (i = 0; i < set->nfont; i++)
		if (FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &cs) ==
		    FcResultMatch)
			FcCharSetMerge(all, cs, NULL);
	return all;
}

int
fonts_has_char(const struct fonts *f, unsigned int c)
{
	GUnicodeType	 t;

	if (c < 0x20 || (c >= 0x7f && c < 0xa0))
		return 1;
	t = g_unichar_type(c);
	if (t == G_UNICODE_FORMAT || t == G_UNICODE_CONTROL ||
	    (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xe0100 && c <= 0xe01ef))
		return 1;
	return f->cover != NULL && FcCharSetHasChar(f->cover, c);
}

struct fonts *
fonts_new(const char *fontdir)
{
	struct diag	 d;

	diag_init(&d, stderr);
	return fonts_open(fontdir, &d);
}

struct fonts *
fonts_open(const char *fontdir, struct diag *diag)
{
	struct fonts	*f;
	char		**names = NULL, *path;
	int		 n = 0, i, added = 0, ok = 0;
	size_t		 j;

	f = xcalloc(1, sizeof(*f));
	if ((f->config = FcConfigCreate()) == NULL) {
		diag_error(diag, fontdir, 0, 0, "cannot create a fontconfig "
		    "configuration");
		goto out;
	}
	if ((n = util_list_dir(fontdir, &names)) < 0) {
		n = 0;
		diag_error(diag, fontdir, 0, 0, "cannot read the font folder");
		goto out;
	}
	/* Sorted names: the same registration order on every machine. */
	for (i = 0; i < n; i++) {
		if (!is_ttf(names[i]))
			continue;
		path = util_path_join(fontdir, names[i]);
		if (!FcConfigAppFontAddFile(f->config,
		    (const FcChar8 *)path)) {
			diag_error(diag, path, 0, 0, "not a usable font");
			free(path);
			goto out;
		}
		free(path);
		added++;
	}
	if (added == 0) {
		diag_error(diag, fontdir, 0, 0, "no *.ttf fonts");
		goto out;
	}

	f->map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	if (f->map == NULL) {
		diag_error(diag, fontdir, 0, 0, "Pango has no FreeType font "
		    "map");
		goto out;
	}
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(f->map), f->config);
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(f->map),
	    72.0);
	f->ctx = fonts_context_new(f);
	f->measure = pango_layout_new(f->ctx);

	for (j = 0; j < GEN_NELEM(faces); j++)
		if (check_face(f, fontdir, &faces[j], diag) == -1)
			goto out;
	f->cover = coverage(f->config);
	ok = 1;
out:
	if (names != NULL)
		util_free_list(names, n);
	if (!ok) {
		fonts_free(f);
		f = NULL;
	}
	return f;
}

void
fonts_free(struct fonts *f)
{
	if (f == NULL)
		return;
	if (f->measure != NULL)
		g_object_unref(f->measure);
	if (f->ctx != NULL)
		g_object_unref(f->ctx);
	if (f->map != NULL) {
		/*
		 * Pango 1.50 never drops the reference that
		 * pango_fc_font_map_set_config() took: hand it back.
		 */
		pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(f->map), NULL);
		g_object_unref(f->map);
	}
	if (f->config != NULL)
		FcConfigDestroy(f->config);
	if (f->cover != NULL)
		FcCharSetDestroy(f->cover);
	free(f);
}

PangoContext *
fonts_context(const struct fonts *f)
{
	return f->ctx;
}

PangoFontMap *
fonts_fontmap(const struct fonts *f)
{
	return f->map;
}

double
fonts_width(const struct fonts *f, const char *utf8, double size, int bold)
{
	PangoFontDescription	*d;
	PangoRectangle		 logical;

	if (utf8 == NULL || *utf8 == '\0')
		return 0.0;
	d = fonts_desc(FONTS_SANS, size, bold, 0);
	pango_layout_set_font_description(f->measure, d);
	pango_layout_set_text(f->measure, utf8, -1);
	pango_layout_get_extents(f->measure, NULL, &logical);
	pango_font_description_free(d);
	return (double)logical.width / PANGO_SCALE;
}

double
fonts_measure_cb(void *arg, const char *utf8, double size, int bold)
{
	return fonts_width(arg, utf8, size, bold);
}
