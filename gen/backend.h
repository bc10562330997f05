/*
 * backend.h: the one interface every output format implements, after
 * lowdown's *_new / *_rndr / *_free triple.  A back-end walks the
 * edition's document tree (doc.h: struct dnode) and its metrics; it
 * computes and decides nothing the tree already says (ids, numbers,
 * values and whether they are hidden, link judgements, footnotes).
 * build.c renders every edition with the back-ends of
 * build_backends[] in one loop; `gen tree` uses backend_tree.
 * Included by build.c, main.c, serve.c and the back-ends (html.c,
 * pdf.c, tree.c), and the tests that render through it.
 */
#ifndef GEN_BACKEND_H
#define GEN_BACKEND_H

struct buf;
struct chart_measure;
struct diag;
struct edition;
struct fonts;
struct hyph;

/* What a back-end may need for a whole build. */
struct backend_opts {
	const struct chart_measure *measure;	/* text widths (fonts.c) */
	const struct fonts *fonts;	/* the shipped faces */
	const struct hyph *hyph;	/* Dutch hyphenation, or NULL */
	const char	*icc;		/* the sRGB profile (PDF/A) */
	int		 pdf;		/* a PDF sits beside each page */
};

/* One edition to render. */
struct backend_in {
	const struct edition *e;
	const char	*logo;		/* its logo's file beside the page,
					   or NULL */
};

struct backend {
	const char	*name;		/* "html", "pdf", "tree" */
	const char	*file;		/* its file in the edition's folder;
					   "%s" is the slug */
	/* A renderer for a build (never NULL). */
	void		*(*new)(const struct backend_opts *);
	/*
	 * Appends the edition, rendered, to out; returns 0, or -1 after
	 * reporting why to diag.
	 */
	int		 (*rndr)(void *, const struct backend_in *,
			    struct buf *out, struct diag *);
	void		 (*free)(void *);
};

extern const struct backend backend_html;	/* html.c */
extern const struct backend backend_pdf;	/* pdf.c */
extern const struct backend backend_tree;	/* tree.c */

#endif
