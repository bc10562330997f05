/*
 * url.h: the one judgement of a link's URL (spec 6.4), made by the
 * document (which warns about a refused link and keeps the judgement
 * in the tree) and read by the back-ends (which link only what it
 * accepts).  Included by doc.c (which judges
 * every link once) and the back-ends that read the judgement (html.c,
 * pdfbox.c, tree.c).
 */
#ifndef GEN_URL_H
#define GEN_URL_H

struct buf;

enum url_kind {
	URL_REFUSED,	/* a scheme other than the four below: plain text */
	URL_FRAGMENT,	/* "#id": a place in the same document */
	URL_RELATIVE,	/* no scheme: a path relative to the page */
	URL_ABSOLUTE	/* http:, https:, mailto: or tel: */
};

/*
 * Judges url (as cmark-gfm gives it, entities decoded) the way a
 * browser reads it: leading and trailing C0 controls and spaces are
 * stripped and every tab, LF and CR removed before the scheme is read,
 * case-insensitively.  Unless refused, appends the URL to publish to
 * out (if not NULL): normalised so, with the control characters,
 * spaces and DEL that remain percent-encoded.
 */
enum url_kind	 url_judge(const char *url, struct buf *out);

#endif
