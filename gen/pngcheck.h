/*
 * pngcheck.h: whether a PNG logo can be read, and if not, why, in
 * words a user can act on.  Cairo, which draws the logo on the PDF
 * cover, says "out of memory" for any file libpng refuses (a text file
 * named logo.png, a damaged image): this module asks libpng itself,
 * while the content is checked, before anything is written.
 * Included by logo.c.
 */
#ifndef GEN_PNGCHECK_H
#define GEN_PNGCHECK_H

enum pngcheck {
	PNGCHECK_OK,		/* a PNG image that decodes whole */
	PNGCHECK_NOT_PNG,	/* does not start with the PNG signature */
	PNGCHECK_DAMAGED	/* a PNG, but libpng stops: *why says where */
};

#include <stddef.h>

/*
 * Decodes the PNG image in data row by row (the image is not kept).
 * For PNGCHECK_DAMAGED, *why is set to libpng's reason (caller frees);
 * else to NULL.
 */
enum pngcheck	 pngcheck_mem(const char *data, size_t len, char **why);

#endif
