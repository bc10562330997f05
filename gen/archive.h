/*
 * archive.h: the archive for partners and machines (spec 6.3):
 * out/editions.json (every edition, its key figures and the SHA-256 of
 * its HTML and PDF) and out/feed.xml (an Atom feed, RFC 4287).  Both
 * hold only what the archive page shows and dates from the front
 * matter, so that they are the same bytes on every build.  Included by
 * archive.c and build.c.
 */
#ifndef GEN_ARCHIVE_H
#define GEN_ARCHIVE_H

struct content;
struct diag;

/*
 * editions.json for the editions already written below dir (their
 * files are read for the sums).  Returns the text (caller frees), or
 * NULL when a file cannot be read (reported).
 */
char	*archive_json(const struct content *, const char *dir,
	    struct diag *);

/* feed.xml; the caller frees it. */
char	*archive_feed(const struct content *);

/* The authority and date of the feed's tag: URIs (RFC 4151). */
#define ARCHIVE_TAG	"tag:gen.invalid,2020:"

#endif
