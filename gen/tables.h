/*
 * tables.h: further tables (spec 2.3): CSV files of categorical codes
 * named under "tables:" in the front matter.  Only counts are kept.
 * Included by content.c, edition.c, stats.c, chartdata.c, publish.c and
 * tests/unit/test_stats.c.
 */
#ifndef GEN_TABLES_H
#define GEN_TABLES_H

#include <stddef.h>

struct cbcol;
struct codebook;
struct diag;

struct tabcol {
	char		*name;		/* lower-case header */
	struct cbcol	*cb;		/* its codebook column */
	size_t		*count;		/* rows holding each code (cb->n) */
	int		 single;	/* no row holds more than one code */
};

struct tabdata {
	char		*name;		/* the name under "tables:" */
	char		*path;		/* as shown in diagnostics */
	size_t		 nrows;		/* data rows */
	struct tabcol	*cols;		/* the columns the codebook lists */
	size_t		 ncols;
};

/*
 * Loads a table, path in the content folder root; NULL on errors
 * (reported through diag).
 */
struct tabdata	*tab_load(const char *name, const char *root,
		    const char *path, const char *shown, struct codebook *,
		    struct diag *);
void		 tab_free(struct tabdata *);

#endif
