/*
 * html.h: the HTML back-end (spec 6.1): an edition as one page, and
 * the archive page over all editions.  Reads the prepared document and
 * metrics; computes and reads nothing itself.  Included by build.c and
 * serve.c, and by the tests that render Markdown (tests/spec_render.c,
 * tests/fuzz/fuzz_markdown.c, tests/unit/test_html.c).
 */
#ifndef GEN_HTML_H
#define GEN_HTML_H

struct chart_measure;
struct content;
struct edition;

struct html_opts {
	const struct chart_measure *measure;	/* text widths for charts */
	int	 pdf;		/* the edition has a PDF beside it: link it */
	const char *logo;	/* file name of the copied logo, or NULL */
	char	**logos;	/* archive: each edition's logo, relative
				   to the archive, or NULL (build.c) */
};

/* The page of one edition; the caller frees it. */
char	*html_edition(const struct edition *, const struct html_opts *);
/*
 * The edition's document alone, as its page has it (every part, then
 * the notes), without the page around it: what tests/spec_render.c
 * compares with the CommonMark spec.  The caller frees it.
 */
char	*html_document(const struct edition *, const struct html_opts *);
/* out/index.html; the caller frees it. */
char	*html_archive(const struct content *, const struct html_opts *);

#endif
