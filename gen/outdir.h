/*
 * outdir.h: the output folder of gen build (spec 6.4).  Which folder
 * gen may replace (missing, empty, or holding only what a gen build
 * wrote there, as listed in its marker file), never one that is, lies
 * inside or contains a folder gen reads; the lock beside it that makes
 * a second build wait; the build's own temporary folder beside it; and
 * the swap that puts the complete build in its place so that a complete
 * output folder exists at every moment.  Included by build.c and
 * main.c.
 */
#ifndef GEN_OUTDIR_H
#define GEN_OUTDIR_H

#include <stddef.h>

struct diag;
struct outdir;

/* The marker every output folder gen writes holds: the paths it wrote. */
#define OUTDIR_MARKER	".gen-output"

/* A folder gen reads, which no output folder may touch. */
struct outdir_input {
	const char	*path;		/* as named (may not exist) */
	const char	*what;		/* for messages: "content folder" */
};

/*
 * Resolves the output folder path (symbolic links followed) and checks
 * that gen may replace it, reporting every reason it may not.  Writes
 * nothing.  Returns NULL if refused (reported); the caller frees the
 * result with outdir_free().
 */
struct outdir	*outdir_open(const char *path, const struct outdir_input *,
		    size_t ninputs, struct diag *);

/*
 * Takes the lock beside the folder (".NAME.lock"), waiting while
 * another build holds it, checks the folder again, removes what killed
 * builds left beside it and creates this build's temporary folder.
 * Returns that folder (owned by the outdir) or NULL (reported).
 */
const char	*outdir_begin(struct outdir *, struct diag *);

/*
 * The output folder as it is before the swap, to read kept files
 * from, or NULL if there is none.  Borrowed; valid after
 * outdir_begin().
 */
const char	*outdir_current(const struct outdir *);

/*
 * Writes the marker into the temporary folder and swaps it with the
 * output folder, then removes the previous build.  Returns 0 or -1
 * (reported; the output folder is as it was).
 */
int		 outdir_commit(struct outdir *, struct diag *);

/* Removes the temporary folder if still there, unlocks, frees. */
void		 outdir_free(struct outdir *);

#endif
