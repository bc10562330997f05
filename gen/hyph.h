/*
 * hyph.h: Dutch hyphenation for the PDF back-end.  libhyphen with the
 * hyph_nl_NL patterns, a dictionary in ISO-8859-1: words are converted
 * to Latin-1 for the lookup and come back as UTF-8 with soft hyphens
 * (U+00AD) where they may break, which Pango turns into a visible
 * hyphen at a line end.  (Named hyph, not hyphen, so that "hyphen.h"
 * never hides the library's <hyphen.h>.)  Included by build.c and
 * serve.c (which load the patterns), pdftext.c and its tests.
 */
#ifndef GEN_HYPH_H
#define GEN_HYPH_H

#include <stddef.h>

#define HYPH_NL_DIC	"/usr/share/hyphen/hyph_nl_NL.dic"

struct buf;
struct hyph;

/* Loads a dictionary; NULL if it cannot be read.  Free with hyph_free(). */
struct hyph	*hyph_new(const char *dicpath);
void		 hyph_free(struct hyph *);

/*
 * Appends len bytes of UTF-8 text to out with a soft hyphen at every
 * allowed break of its words: words of six or more Latin-1 letters,
 * not written in capitals, at least two letters before and three after
 * a break (also inside a compound); a zero-width non-joiner before a
 * break after an f, so that no ligature (fi, fl, ff) spans it; breaks that need a spelling change (Dutch "omaatje") are
 * left out.  With h NULL the text is copied unchanged.
 */
void		 hyph_add(const struct hyph *h, struct buf *out,
		    const char *utf8, size_t len);

#endif
