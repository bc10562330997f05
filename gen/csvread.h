/*
 * csvread.h: reads one CSV file as spec section 2 says (UTF-8 with or
 * without BOM, Windows-1252 fallback with a warning, ',' or ';' from
 * the header line, RFC 4180 quoting through libcsv, CRLF or LF, blank
 * lines skipped, values trimmed) and hands each record to a callback.
 * Records are streamed, never stored, so memory stays flat.
 * Included by the loaders (codes.c, register.c, tables.c).
 */
#ifndef GEN_CSVREAD_H
#define GEN_CSVREAD_H

#include <stddef.h>

struct diag;

/* One record, borrowed for the duration of the callback. */
struct csvr_rec {
	size_t		  nf;		/* number of fields */
	const char	**f;		/* fields: trimmed, NUL-terminated UTF-8 */
	const size_t	 *len;		/* their lengths in bytes */
	int		  line;		/* line of the record's first byte */
	size_t		  index;	/* 0 for the header, then 1, 2, ... */
	const char	 *raw;		/* the record's bytes in the file ... */
	size_t		  rawlen;	/* ... for locating fields on error */
	size_t		  total;	/* bytes in the whole file (for estimates) */
	char		  delim;	/* ',' or ';' */
	int		  cp1252;	/* read as Windows-1252: a column counts characters */
};

/*
 * Called for every record, the header first.  Return 0 to go on,
 * nonzero to stop reading (the file is then reported as failed).
 */
typedef int (*csvr_fn)(void *arg, const struct csvr_rec *);

/*
 * Reads path (named shown in diagnostics) and calls fn for each
 * record.  Reports problems through diag.  Returns 0 if the file was
 * read to its end with no error, -1 otherwise.
 */
int	 csvr_read(const char *path, const char *shown, struct diag *,
	    csvr_fn fn, void *arg);

/*
 * The same for a large file read once: instead of checking the whole
 * file's encoding before the first record, each line is checked as it
 * is parsed.  If the file is not UTF-8 after all, reading stops and
 * CSVR_NOT_UTF8 is returned, after fn has seen some records: the caller
 * drops what it made of them and reads the file again with csvr_read().
 */
#define CSVR_NOT_UTF8	(-2)
int	 csvr_read_once(const char *path, const char *shown, struct diag *,
	    csvr_fn fn, void *arg);

/*
 * The same for a large file read once: instead of checking the whole
 * file's encoding before the first record, each line is checked as it
 * is parsed.  If the file is not UTF-8 after all, reading stops and
 * CSVR_NOT_UTF8 is returned, after fn has seen some records: the caller
 * drops what it made of them and reads the file again with csvr_read().
 */
#define CSVR_NOT_UTF8	(-2)
int	 csvr_read_once(const char *path, const char *shown, struct diag *,
	    csvr_fn fn, void *arg);

/* The same on bytes in memory (for tests and fuzzing). */
int	 csvr_read_mem(const char *data, size_t len, const char *shown,
	    struct diag *, csvr_fn fn, void *arg);

/*
 * Line and 1-based column of field i of a record in the file: bytes,
 * or characters (= bytes of the original) in a Windows-1252 file.
 */
void	 csvr_field_pos(const struct csvr_rec *, size_t i, int *line,
	    int *col);

/*
 * The next code of a multi-valued field ("a; b;c"): skips empty items,
 * trims white space (also a line break typed inside quotes), sets *len
 * and moves *s past the code.  Returns the code's first byte (not
 * NUL-terminated), or NULL when the field has no more codes.
 */
const char *csvr_next_code(const char **s, size_t *len);

/* Lower-cases ASCII letters in place and returns s. */
char	*csvr_lower(char *s);

#endif
