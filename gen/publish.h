/*
 * publish.h: frozen editions (spec 6.3).  `gen publish` keeps an
 * edition's built files in EDITION/published/files with their SHA-256
 * sums in EDITION/published/SHA256SUMS and its archive figures in
 * EDITION/published/keyfigs.tsv; later builds verify those bytes and
 * serve them unchanged.  Included by content.c, build.c and main.c.
 */
#ifndef GEN_PUBLISH_H
#define GEN_PUBLISH_H

struct buf;
struct diag;
struct edition;

#define PUBLISH_DIR	"published"

/*
 * Appends "sha256  path\n" for every file below dir (sorted, paths
 * relative to dir), a folder in the content folder root.  Returns 0 or
 * -1 if a file cannot be read (reported).
 */
int	 publish_manifest(const char *root, const char *dir, struct buf *out,
	    struct diag *);

/*
 * Checks a frozen edition: every file listed with its right sum, no
 * file missing or added.  Problems are reported; returns their number.
 */
int	 publish_verify(const char *root, const char *frozen, struct diag *);

/* Reads keyfigs.tsv into the edition's key figures; returns 0 or -1. */
int	 publish_read_keyfigs(struct edition *, struct diag *);

/* Writes the key figures as keyfigs.tsv text; the caller frees it. */
char	*publish_keyfigs_text(const struct edition *);

/*
 * Copies a folder tree of the content folder root (the frozen files)
 * to a new folder; 0 or -1 (reported).
 */
int	 publish_copy_tree(const char *root, const char *from, const char *to,
	    struct diag *);

#endif
