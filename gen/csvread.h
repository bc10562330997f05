/*
 * csvread.h: reads one CSV file as spec section 2 says (UTF-8 with or
 * without BOM, Windows-1252 fallback with a warning, ',' or ';' from
 * the header line, RFC 4180 quoting through libcsv, CRLF or LF, blank
 * lines skipped, values trimmed) and hands each record to a callback.
 * Records are streamed, never stored, so memory stays flat.
 * Included by the loaders (codes.c, register.c, tables.c, content.c),
 * bigreg.c, bigreg.h, xlsx.h and the CSV and workbook tests.
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
	int		  cp1252;	/* read as Windows-1252 or UTF-16: a column counts characters */
	int		  cells;	/* a workbook's row: line is its row, field i column i + 1 */
};

/*
 * Called for every record, the header first.  Return 0 to go on,
 * nonzero to stop reading (the file is then reported as failed).
 */
typedef int (*csvr_fn)(void *arg, const struct csvr_rec *);

/*
 * Reads path, a file of the content folder root opened through cfile
 * (named shown in diagnostics), and calls fn for each record.  Reports
 * problems through diag.  Returns 0 if the file was read to its end
 * with no error, -1 otherwise.  A path that names a workbook
 * (csvr_workbook()) is read with xlsx_read(); text in UTF-16 with a
 * byte order mark (Excel's "Unicode text") is converted; tab separated
 * text (Excel's "Text") is read as it is.
 */
int	 csvr_read(const char *root, const char *path, const char *shown,
	    struct diag *, csvr_fn fn, void *arg);

/*
 * Whether path names an Excel workbook: "x.xlsx" (its first sheet) or
 * "x.xlsx#Blad2" (a sheet by name); also .xlsm.  If so and file is not
 * NULL, *file is the workbook's path and *sheet the sheet's name in
 * path, or NULL (caller frees *file).
 */
int	 csvr_workbook(const char *path, char **file, const char **sheet);
/*
 * Whether something is at the data file path names in the content folder
 * root (a sheet's name aside); what it is, if not a regular file inside
 * the folder, is reported when it is opened.
 */
int	 csvr_present(const char *root, const char *path);
/*
 * The name a data file is shown by in diagnostics: path, or for a
 * workbook "x.xlsx#Sheet" with the name of the sheet that is read, so
 * that diag names its cells (x.xlsx:Sheet!F12).  Caller frees.
 */
char	*csvr_shown(const char *root, const char *path);

/*
 * A file opened to be read in parts, by one reader after another or by
 * several at once (a large register is read by two threads): its bytes
 * are mapped, a byte order mark skipped and the delimiter detected.
 * Returns NULL, with a diagnostic, if it cannot be read.
 */
struct csvr_file;
struct csvr_file *csvr_open(const char *root, const char *path,
		    const char *shown, struct diag *);
void		 csvr_close(struct csvr_file *);
size_t		 csvr_size(const struct csvr_file *);	/* bytes */
/* The offset of the line after the one holding offset off (or the end). */
size_t		 csvr_next_line(const struct csvr_file *, size_t off);

/*
 * A reader of the file from offset from (a line's start), which it
 * takes for line number line and record number index (0 makes the
 * first record the header).  The reader checks each line's encoding as
 * it is parsed: if one is not UTF-8, reading stops, CSVR_NOT_UTF8 is
 * returned after fn has seen some records, and the caller drops what
 * it made of them and reads the file with csvr_read(), which settles
 * the encoding first.
 *
 * csvr_feed() parses the lines that begin before offset to, and
 * returns 0, -1 after an error or when fn asked to stop, or
 * CSVR_NOT_UTF8.  csvr_idle() tells whether the reader is between two
 * records, as it is at the start of its part.  csvr_end() ends the
 * reading where csvr_feed() left it, reports a quoted field left open
 * there, frees the reader and returns what csvr_feed() does.
 */
#define CSVR_NOT_UTF8	(-2)
struct csvr_reader;
struct csvr_reader *csvr_reader(const struct csvr_file *, size_t from,
		    int line, size_t index, const char *shown, struct diag *,
		    csvr_fn fn, void *arg);
int		 csvr_feed(struct csvr_reader *, size_t to);
int		 csvr_idle(const struct csvr_reader *);
int		 csvr_end(struct csvr_reader *);

/* The same on bytes in memory (for tests and fuzzing). */
int	 csvr_read_mem(const char *data, size_t len, const char *shown,
	    struct diag *, csvr_fn fn, void *arg);

/*
 * Line and 1-based column of field i of a record in the file: bytes,
 * or characters (= bytes of the original) in a Windows-1252 file; in
 * a workbook, the cell's row and column.
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
