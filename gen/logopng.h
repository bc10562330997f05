/*
 * logopng.h: a brand logo for the HTML pages.  An SVG logo shown as an
 * <img> is drawn by the reader's browser in the reader's fonts, which
 * can be wider than the ones it was drawn for, and its text is then
 * cut off at the edge of the drawing ("Helmond-De Pe").  gen draws it
 * once with librsvg in the shipped fonts, as the PDF cover does, into
 * a PNG that the page scales down to fit.  Included by build.c.
 */
#ifndef GEN_LOGOPNG_H
#define GEN_LOGOPNG_H

struct buf;
struct diag;
struct fonts;
struct logo;

/* The PNG's height in pixels: three times the page's 4.5rem logo. */
#define LOGO_PNG_HEIGHT	216

/*
 * Draws the checked SVG logo (logo.h; its bytes, never the file) into
 * PNG bytes appended to out, LOGO_PNG_HEIGHT high (wide logos at most 6
 * times as wide).  path names the file in a warning.  Returns 0, or -1
 * with a warning naming the file.
 */
int	 logo_png(const struct logo *, const char *path, const struct fonts *,
	    struct buf *out, struct diag *);

#endif
