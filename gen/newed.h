/*
 * newed.h: `gen new SLUG [--from EDITION_DIR]`: starts an edition
 * folder a regional adviser can fill in.  Included by main.c.
 */
#ifndef GEN_NEWED_H
#define GEN_NEWED_H

struct diag;

/*
 * Creates CONTENT/SLUG; SLUG must be a slug (edition_slug_ok()), never
 * a path, so the edition always lands in CONTENT.  From
 * scratch: an index.md with every front matter key explained and a
 * first chapter.  With from: that edition's files, its front matter
 * kept but status set to draft and date to today.  regio (or NULL)
 * sets the filter and brand name.  Never overwrites.
 * Returns 0 or -1 (reported).
 */
int	 newed_create(const char *content, const char *slug, const char *from,
	    const char *regio, const char *today, struct diag *);

#endif
