/*
 * pngcheck.c: a PNG logo decoded once with libpng, to say why it
 * cannot be drawn (see pngcheck.h).
 */
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

/* The bytes not yet read by libpng. */
struct pmem {
	const unsigned char	*p;
	size_t			 left;
};

static void
on_read(png_structp png, png_bytep to, size_t n)
{
	struct pmem	*m = png_get_io_ptr(png);

	if (n > m->left)
		png_error(png, "the file ends inside the image");
	memcpy(to, m->p, n);
	m->p += n;
	m->left -= n;
}

/* Every row of every pass; errors leave through on_error(). */
static void
rows(png_structp png, png_infop info, struct pmem *m, struct perr *e)
{
	png_uint_32	 y, h;
	int		 pass, npass;

	png_set_read_fn(png, m, on_read);
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
decode(struct pmem *m, struct perr *e)
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
	rows(png, info, m, e);
	free(e->row);
	png_destroy_read_struct(&png, &info, NULL);
	return 0;
}

enum pngcheck
pngcheck_mem(const char *data, size_t len, char **why)
{
	struct perr	 e;
	struct pmem	 m;

	*why = NULL;
	if (len < 8 || png_sig_cmp((png_const_bytep)data, 0, 8) != 0)
		return PNGCHECK_NOT_PNG;
	m.p = (const unsigned char *)data + 8;
	m.left = len - 8;
	if (decode(&m, &e) != 0) {
		*why = xstrdup(e.msg);
		return PNGCHECK_DAMAGED;
	}
	return PNGCHECK_OK;
}
