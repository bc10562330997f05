/*
 * logopng.c: an SVG brand logo drawn into a PNG in the shipped fonts.
 */
#include <math.h>
#include <string.h>

#include <cairo.h>
#include <librsvg/rsvg.h>

#include "diag.h"
#include "fonts.h"
#include "logo.h"
#include "logopng.h"
#include "util.h"

static cairo_status_t
to_buf(void *arg, const unsigned char *data, unsigned int len)
{
	buf_add(arg, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

int
logo_png(const struct logo *logo, const char *path, const struct fonts *fonts,
    struct buf *out, struct diag *diag)
{
	RsvgHandle	*h;
	RsvgRectangle	 vp;
	GError		*err = NULL;
	cairo_surface_t	*s;
	cairo_t		*cr;
	gdouble		 w, ht;
	int		 pw, rc = 0;

	if ((h = rsvg_handle_new_from_data((const guint8 *)logo->data,
	    logo->len, &err)) == NULL) {
		diag_warn(diag, path, 0, 0, "cannot read the SVG logo (%s); "
		    "the page has none", err != NULL ? err->message : "");
		g_clear_error(&err);
		return -1;
	}
	if (!rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &ht) ||
	    w <= 0 || ht <= 0) {
		w = 160;
		ht = 56;
	}
	pw = (int)ceil(LOGO_PNG_HEIGHT * (w / ht < 6 ? w / ht : 6));
	s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pw,
	    LOGO_PNG_HEIGHT);
	cr = cairo_create(s);
	vp.x = vp.y = 0;
	vp.width = pw;
	vp.height = LOGO_PNG_HEIGHT;
	/* As the PDF cover: the shipped fonts for the logo's <text>. */
	pango_cairo_font_map_set_default(
	    PANGO_CAIRO_FONT_MAP(fonts_fontmap(fonts)));
	if (!rsvg_handle_render_document(h, cr, &vp, &err)) {
		diag_warn(diag, path, 0, 0, "cannot draw the SVG logo (%s); "
		    "the page has none", err != NULL ? err->message : "");
		g_clear_error(&err);
		rc = -1;
	}
	pango_cairo_font_map_set_default(NULL);
	cairo_destroy(cr);
	if (rc == 0 && cairo_surface_write_to_png_stream(s, to_buf, out) !=
	    CAIRO_STATUS_SUCCESS) {
		diag_warn(diag, path, 0, 0, "cannot write the logo as PNG; "
		    "the page has none");
		rc = -1;
	}
	cairo_surface_destroy(s);
	g_object_unref(h);
	return rc;
}
