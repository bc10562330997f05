/*
 * codes.h: the codebook (content/codes.csv, spec 2.2): for every code
 * column the codes users may write, the labels readers see, their
 * order and colour.  Included by the loaders (content.c, register.c,
 * tables.c), stats.c, chartdata.c, series.c, content.h and the tests.
 */
#ifndef GEN_CODES_H
#define GEN_CODES_H

#include <stddef.h>

struct diag;

struct code {
	char	*code;		/* lower-case code as written in data files */
	size_t	 len;		/* its length in bytes */
	char	*label;		/* what readers see */
	int	 volgorde;	/* sort order (from the file, else its row) */
	char	 kleur[8];	/* "#rrggbb" or "" */
	int	 line;		/* line in codes.csv, 0 when added by gen */
};

/* The codes of one column, in codebook order (volgorde, then row). */
struct cbcol {
	char		*name;	/* column name, lower-case ("themas") */
	struct code	*codes;	/* its codes */
	size_t		 n;	/* how many */
	int		 line;	/* line of its first row in codes.csv */
	int		 used;	/* set when a data file has this column */
};

struct codebook {
	char		*path;	/* codes.csv as shown in diagnostics */
	struct cbcol	*cols;	/* columns, in order of first appearance */
	size_t		 ncols;
};

/*
 * Loads codes.csv (path, in the content folder root) into cb; problems
 * go to diag.  Adds gen's built-in
 * codes where the file does not list them (the five uitkomst codes,
 * soort "bemiddeling", escalatie "geen").  Returns 0 or -1.
 */
int	 codebook_load(struct codebook *, const char *root, const char *path,
	    const char *shown, struct diag *);
void	 codebook_free(struct codebook *);
/* The column of that name or NULL. */
struct cbcol *codebook_col(const struct codebook *, const char *name);
/* Index of code in the column, or -1. */
int	 codebook_find(const struct cbcol *, const char *code);
/* The same for len bytes of s, in any ASCII case (codes are lower case). */
int	 codebook_findn(const struct cbcol *, const char *s, size_t len);
/* diag_hint() for code among the codes of column c (NULL: none). */
char	*codebook_hint(const struct cbcol *c, const char *code);
/* Whether code i of the column is len bytes of s, in any ASCII case. */
int	 codebook_is(const struct cbcol *, size_t i, const char *s, size_t len);
/* Reports every column no data file marked used; returns the number. */
int	 codebook_check_used(const struct codebook *, struct diag *);

#endif
