/*
 * pdf.h: the PDF back-end (spec 6.2): an edition as a paginated,
 * tagged A4 publication with cover, table of contents, outline,
 * running footer, footnotes, figures and tables.  Reads the prepared
 * document tree and metrics; computes and reads nothing itself; build.c
 * reaches it as backend_pdf (backend.h).  Included by the PDF
 * back-end's own files (pdf.c, pdftext.c, pdfbox.c, pdfdraw.c,
 * pdftag.c) and the tests.
 */
#ifndef GEN_PDF_H
#define GEN_PDF_H

#include <stddef.h>

struct buf;
struct diag;
struct edition;
struct fonts;
struct hyph;
struct logo;

struct pdf_opts {
	const struct fonts *fonts;	/* the shipped faces */
	const struct hyph *hyph;	/* Dutch hyphenation, or NULL for none */
	const struct logo *logo;	/* the brand logo, checked, or NULL */
	const char	*icc;		/* path of the sRGB ICC profile of the
					   PDF/A output intent */
};

/*
 * Lays the edition out and appends the PDF to *pdf and, if dump is
 * not NULL, a text dump of its pages and boxes to *dump (the golden
 * test's view of the layout); pdf may be NULL to only dump.  Returns
 * 0, or -1 after reporting the error to diag.
 */
int	 pdf_edition(const struct edition *, const struct pdf_opts *,
	    struct buf *pdf, struct buf *dump, struct diag *);

/*
 * Breaks UTF-8 running text into lines as the PDF sets body text
 * (justified, hyphenated) at the given width in points.  Returns an
 * array of *n lines, each as shown: soft hyphens dropped, a hyphen
 * where a word was broken.  The caller frees each line and the array.
 * For tests.
 */
char	**pdf_break_lines(const struct pdf_opts *, const char *text,
	    double width, size_t *n);

#endif
