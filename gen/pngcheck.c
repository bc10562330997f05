/*
 * pngcheck.c: a PNG logo decoded once with libpng, to say why it
 * cannot be drawn (see pngcheck.h).
 */
#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>

#include "pngcheck.h"
#include "util.h"

/* Where libpng's errors land: its message, and the way back. */
struct perr {
	jmp_buf		 jb;
	char		 msg[200];
	png_bytep	 row;		/* the row buffer, freed by the caller */
};

static void
on_error(png_structp png, png_const_charp msg)
{
	struct perr	*e = png_get_error_ptr(png);

	snprintf(e->msg, sizeof(e->msg), "%s", msg);
	longjmp(e->jb, 1);
}

/* Warnings (a bad ancillary chunk) leave the image drawable. */
static void
on_warning(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg;
}

/* Every row of every pass; errors leave through on_error(). */
static void
rows(png_structp png, png_infop info, FILE *f, struct perr *e)
{
	png_uint_32	 y, h;
	int		 pass, npass;

	png_init_io(png, f);
	png_set_sig_bytes(png, 8);
	png_read_info(png, info);
	npass = png_set_interlace_handling(png);
	png_read_update_info(png, info);
	h = png_get_image_height(png, info);
	e->row = xcalloc(1, png_get_rowbytes(png, info) + 1);
	for (pass = 0; pass < npass; pass++)
		for (y = 0; y < h; y++)
			png_read_row(png, e->row, NULL);
	png_read_end(png, NULL);
}

/* Decodes the image after its signature: 0, or -1 with e->msg. */
static int
decode(FILE *f, struct perr *e)
{
	png_structp	 png;
	png_infop	 info;

	e->row = NULL;
	png = png_create_read_struct(PNG_LIBPNG_VER_STRING, e, on_error,
	    on_warning);
	if (png == NULL || (info = png_create_info_struct(png)) == NULL) {
		png_destroy_read_struct(&png, NULL, NULL);
		snprintf(e->msg, sizeof(e->msg), "out of memory");
		return -1;
	}
	if (setjmp(e->jb) != 0) {
		free(e->row);
		png_destroy_read_struct(&png, &info, NULL);
		return -1;
	}
	rows(png, info, f, e);
	free(e->row);
	png_destroy_read_struct(&png, &info, NULL);
	return 0;
}

enum pngcheck
pngcheck_file(const char *path, char **why)
{
	struct perr	 e;
	unsigned char	 sig[8];
	FILE		*f;
	size_t		 n;
	enum pngcheck	 rc;

	*why = NULL;
	if ((f = fopen(path, "rb")) == NULL) {
		*why = xstrdup(strerror(errno));
		return PNGCHECK_UNREADABLE;
	}
	n = fread(sig, 1, sizeof(sig), f);
	if (ferror(f)) {
		*why = xstrdup(strerror(errno));
		fclose(f);
		return PNGCHECK_UNREADABLE;
	}
	if (n < sizeof(sig) || png_sig_cmp(sig, 0, sizeof(sig)) != 0)
		rc = PNGCHECK_NOT_PNG;
	else if (decode(f, &e) != 0) {
		*why = xstrdup(e.msg);
		rc = PNGCHECK_DAMAGED;
	} else
		rc = PNGCHECK_OK;
	fclose(f);
	return rc;
}
