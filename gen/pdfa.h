/*
 * pdfa.h: the archival pass over Cairo's PDF (spec 6.2).  Debian 12's
 * Cairo 1.16 writes a tagged PDF but none of what PDF/A-2b and PDF/UA-1
 * also ask for; pdfa.c adds it with qpdf: XMP metadata that matches the
 * Info dictionary, the sRGB output intent, /Lang, DisplayDocTitle,
 * MarkInfo, /Alt on figures, /Scope on table headers, /ID on notes,
 * /Tabs, link annotations with /Contents and the print flag,
 * CIDToGIDMap, real artifacts and a deterministic trailer /ID.
 * Included by pdftag.c and pdfdraw.c (and pdfa.c, pdfa_content.cc).
 */
#ifndef GEN_PDFA_H
#define GEN_PDFA_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Cairo structure tags that pdf.c draws decoration in; the pass takes
 * them out of the structure tree and marks their content as artifacts:
 * layout (rules, frames, backgrounds, leader dots, the cover band and
 * logo, repeated table headers) and pagination (the running footer and
 * page number).  Cairo 1.16 accepts only standard structure types as
 * tag names (any other fails the page), so these are two that gen's
 * structure tree never uses otherwise.
 */
#define PDFA_TAG_ARTIFACT	"Private"
#define PDFA_TAG_PAGINATION	"NonStruct"

struct buf;

/* A named destination and what a link to it leads to (caller's). */
struct pdfa_link {
	char		*dest;		/* "figuur-2", a heading's id */
	char		*text;		/* "Figuur 2. Duur", a heading's text */
};

/* What the pass writes into the PDF (all borrowed, UTF-8). */
struct pdfa_info {
	const char	*title;
	const char	*author;	/* or NULL */
	const char	*subject;	/* or NULL */
	const char	*date;		/* creation date, YYYY-MM-DD */
	const char	*lang;		/* "nl-NL" */
	const char	*icc;		/* the sRGB ICC profile's bytes */
	size_t		 icclen;
	const char	**alt;		/* alternative text of each Figure,
					   in drawing order */
	const size_t	*figback;	/* per Figure: how many places to move
					   it back among its siblings, to
					   document order (a figure drawn on
					   a later page than the text after
					   it), or NULL */
	size_t		 nalt;
	const struct pdfa_link *links;	/* link annotations' /Contents */
	size_t		 nlinks;
};

/*
 * Appends the archival form of the PDF pdf[0, len) to *out.  Returns
 * 0, or -1 with *err set to a message the caller frees.
 */
int	 pdfa_finish(const struct pdfa_info *, const char *pdf, size_t len,
	    struct buf *out, char **err);

/*
 * Rewrites one page content stream (pdfa_content.cc, with qpdf's C++
 * content tokenizer, which its C API lacks): PDFA_TAG_* marked content
 * becomes /Artifact marked content, and operators outside any marked
 * content are wrapped in /Artifact BMC ... EMC.  Returns a malloc'd
 * buffer of *outlen bytes, or NULL on failure.
 */
unsigned char	*pdfa_content(const unsigned char *in, size_t len,
		    size_t *outlen);

#ifdef __cplusplus
}
#endif

#endif
