/*
 * build.h: writing a build's outputs (spec 6) into a temporary folder
 * beside the output folder and putting it in place only when every
 * file was written, so a failed build leaves the output as it was.
 * Included by main.c.
 */
#ifndef GEN_BUILD_H
#define GEN_BUILD_H

struct content;
struct diag;

/*
 * Renders every edition and the archive into outdir, using the
 * stylesheet and fonts in assets.  Returns 0 or -1 (reported).
 */
int	 build_run(const struct content *, const char *outdir,
	    const char *assets, struct diag *);

/*
 * Freezes a draft edition (gen publish): builds it into
 * EDITION/published/files, writes its key figures and SHA-256 sums,
 * and sets "status: published" in its index.md.  Returns 0 or -1.
 */
struct edition;
int	 build_publish(const struct content *, const struct edition *,
	    const char *assets, struct diag *);

#endif
