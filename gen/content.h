/*
 * content.h: the content folder (spec 1): the codebook, every edition
 * asked for, their data loaded, filtered, computed and their documents
 * prepared.  After content_load() succeeds everything the back-ends
 * need is in struct content, read-only.  Included by main.c, build.c,
 * serve.c, archive.c, publish.c, html.c (the archive page) and
 * tests/unit/test_pdfgolden.c.
 */
#ifndef GEN_CONTENT_H
#define GEN_CONTENT_H

#include <stddef.h>

#include "chart.h"
#include "codes.h"

struct diag;
struct edition;
struct reg;
struct series;

struct content {
	char		*root;		/* the content folder */
	struct codebook	 cb;		/* root/codes.csv */
	struct edition	**ed;		/* editions, newest date first */
	size_t		 ned;
	struct reg	**regs;		/* registers loaded, one per file */
	char		**regpaths;	/* their normalised paths */
	size_t		 nregs;
	int		 whole;		/* the whole folder was loaded */
	struct series	*series;	/* the editions' series, newest first */
	size_t		 nseries;
	struct edition	**aux;		/* other editions of the folder, loaded
					   only as previous editions (vorige.*)
					   when editions were named */
	size_t		 naux;
	char *const	*trusted;	/* frozen folders not verified again
					   (borrowed, read only while loading;
					   content_load_trusting) */
	size_t		 ntrusted;
};

/*
 * Loads the content named by the command line: one content folder, or
 * edition folders (with a common parent holding codes.csv).  Every
 * problem is reported; returns 0 only if there was none.
 */
int	 content_load(struct content *, char *const *args, int nargs,
	    struct diag *);
/*
 * The same, but a published edition whose frozen folder (as
 * edition->frozen names it) is in trusted is not verified again: gen
 * serve passes the folders it verified before and saw no change in
 * since.
 */
int	 content_load_trusting(struct content *, char *const *args,
	    int nargs, char *const *trusted, size_t ntrusted, struct diag *);
/* Whether the frozen folder is one content_load_trusting() trusts. */
int	 content_trusted(const struct content *, const char *frozen);
void	 content_free(struct content *);

/*
 * Resolves a path written in an edition's front matter against the
 * edition folder, refusing any that leaves the content folder.
 * Returns the path to open (caller frees) or NULL.
 */
char	*content_path(const struct content *, const struct edition *,
	    const char *rel);

#endif
