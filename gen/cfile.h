/*
 * cfile.h: the one way gen reads the content folder (spec 6.4).  Every
 * file and folder under it is opened here, relative to the folder
 * itself, so that no path (no "..", no symbolic link) can lead outside
 * it, and only regular files are read: a FIFO, a device or a socket is
 * refused without blocking.  A symbolic link whose relative target
 * stays inside the content folder is followed.  Problems are reported
 * as "path: error: ...".  Included by every module that opens a content
 * file (build.c, content.c, csvread.c, doc.c, edition.c, logo.c,
 * newed.c, publish.c, xlsx.c) and tests/unit/test_cfile.c.
 */
#ifndef GEN_CFILE_H
#define GEN_CFILE_H

#include <stddef.h>

struct diag;

/* What a path in the content folder is (cfile_kind). */
enum cfile_kind {
	CFILE_NONE,	/* nothing there (not reported) */
	CFILE_FILE,	/* a regular file */
	CFILE_DIR,	/* a folder */
	CFILE_BAD	/* leads outside, or neither: reported */
};

/*
 * In all of these, root is the content folder and path a path that
 * begins with it (root joined with a relative path), as gen builds
 * them; shown is the name diagnostics give (usually path).
 */

/*
 * Opens a regular file for reading: returns a file descriptor the
 * caller closes, or -1 after reporting why not.
 */
int		 cfile_open(const char *root, const char *path,
		    const char *shown, struct diag *);
/*
 * Reads a whole regular file: returns its bytes, NUL-terminated, for
 * the caller to free, and sets *len; or NULL after reporting.
 */
char		*cfile_read(const char *root, const char *path,
		    const char *shown, size_t *len, struct diag *);
/* Where path leads, reporting (as CFILE_BAD) what may not be read. */
enum cfile_kind	 cfile_kind(const char *root, const char *path,
		    struct diag *);
/*
 * The sorted names in a folder (no "." or ".."): returns their number
 * and sets *names (free with util_free_list), or -1 after reporting.
 */
int		 cfile_list(const char *root, const char *dir,
		    char ***names, struct diag *);

#endif
