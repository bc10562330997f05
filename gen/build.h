/*
 * build.h: writing a build's outputs (spec 6) into a temporary folder
 * beside the output folder and putting it in place only when every
 * file was written, so a failed build leaves the output as it was.
 * Included by build.c, main.c and serve.c.
 */
#ifndef GEN_BUILD_H
#define GEN_BUILD_H

#include <stddef.h>

struct content;
struct diag;

struct outdir;

/*
 * Renders every edition and the archive into outdir, using the
 * stylesheet and fonts in assets, once outdir_open() allows that
 * folder.  Returns 0 or -1 (reported).
 */
int	 build_run(const struct content *, const char *outdir,
	    const char *assets, struct diag *);

/*
 * The same into an output folder already opened (outdir.h).  With
 * named editions (slugs), every other edition keeps its PDF from the
 * output folder as it was when its page comes out byte for byte the
 * same (its document is unchanged), and is rendered whole otherwise;
 * the archive lists every edition.  Sets *nkept to the editions whose
 * PDF was kept.  Returns 0 or -1 (reported).
 */
int	 build_into(const struct content *, struct outdir *,
	    const char *const *named, size_t nnamed, const char *assets,
	    struct diag *, size_t *nkept);

/*
 * Freezes a draft edition (gen publish): builds it into
 * EDITION/published/files, writes its key figures and SHA-256 sums,
 * and sets "status: published" in its index.md.  Returns 0 or -1.
 */
struct edition;
int	 build_publish(const struct content *, const struct edition *,
	    const char *assets, struct diag *);

/*
 * The PDF of a draft edition as gen build writes it (the archival pass
 * with the sRGB profile in assets included), appended to out.  For
 * build.c and gen serve.  Returns 0 or -1 (reported).
 */
struct buf;
struct fonts;
struct hyph;
int	 build_pdf(const struct edition *, struct fonts *, struct hyph *,
	    const char *assets, struct buf *out, struct diag *);

#endif
