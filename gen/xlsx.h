/*
 * xlsx.h: one sheet of an Excel workbook (.xlsx, spec 2) read as the
 * records of a CSV file: the container through libzip, its XML parts
 * through libxml2's streaming reader.  Records carry the sheet's row
 * numbers and columns (csvr_rec.cells), so that csvr_field_pos() and
 * diag name the cell.  Included by csvread.c, which reads a workbook
 * wherever a data file is read, and by tests/unit/test_xlsx.c and
 * tests/fuzz/fuzz_xlsx.c.
 */
#ifndef GEN_XLSX_H
#define GEN_XLSX_H

#include <stddef.h>

#include "csvread.h"

struct diag;

/*
 * Reads sheet (by name, any case; NULL: the first) of the workbook at
 * path, a file of the content folder root read through cfile, and calls fn for each row that is not empty, the header first,
 * as csvr_read() does.  shown names the workbook in diagnostics.
 * Returns 0 if the sheet was read to its end with no error, -1
 * otherwise (reported once, through diag).
 */
int	 xlsx_read(const char *root, const char *path, const char *sheet,
	    const char *shown, struct diag *, csvr_fn fn, void *arg);
/* The same on a workbook's bytes in memory (for tests and fuzzing). */
int	 xlsx_read_mem(const char *data, size_t len, const char *sheet,
	    const char *shown, struct diag *, csvr_fn fn, void *arg);

/*
 * The name of the sheet xlsx_read() would read, as the workbook spells
 * it; NULL if the workbook cannot be read or has no such sheet.
 * Caller frees.
 */
char	*xlsx_sheet_name(const char *root, const char *path,
	    const char *sheet);

/*
 * Whether the bytes begin as a ZIP file does (a workbook, or another
 * ZIP file), or as an OLE2 compound file does (an Excel 97-2003 .xls,
 * or a workbook protected with a password).
 */
int	 xlsx_is_zip(const char *data, size_t len);
int	 xlsx_is_ole(const char *data, size_t len);

#endif
