/*
 * logo.h: an edition's brand logo (front matter brand.logo), read once
 * when the edition is loaded, checked to be the PNG or SVG image its
 * name says, and for an SVG cleaned of everything that could run
 * script or load something (spec 6.4).  The back-ends publish and draw
 * these bytes, never the file.  Included by content.c, edition.c,
 * build.c, logopng.c, pdfdraw.c and tests/unit/test_url.c.
 */
#ifndef GEN_LOGO_H
#define GEN_LOGO_H

#include <stddef.h>

struct buf;
struct diag;

enum logo_kind {
	LOGO_PNG,
	LOGO_SVG
};

struct logo {
	enum logo_kind	 kind;
	char		*data;	/* the bytes to publish (owned) */
	size_t		 len;
};

/*
 * Reads the logo at path, in the content folder root, that index.md
 * names at line:col.  A file that cannot be read is reported by cfile;
 * one that is not the image its name says, at index.md's line:col.  An
 * SVG is parsed with libxml2 (no network, no entities) and published
 * without <script>, <foreignObject>, event handlers (on...), links and
 * url() references outside itself, animations of links and processing
 * instructions; what was left out is a warning at line:col, an SVG that
 * declares entities an error.  Returns NULL after an error.
 */
struct logo	*logo_load(const char *root, const char *path,
		    const char *index_path, int line, int col, struct diag *);
void		 logo_free(struct logo *);

/*
 * Cleans SVG text as logo_load() does.  Returns the bytes to publish
 * (the caller frees them; *len set), with what was left out appended
 * to *removed ("" if nothing), or NULL with the reason in *removed.
 * For logo_load() and the tests.
 */
char		*logo_clean_svg(const char *data, size_t len, size_t *outlen,
		    struct buf *removed);

#endif
