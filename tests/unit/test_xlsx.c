/*
 * test_xlsx.c: unit tests of the workbook reader (xlsx.c): what each
 * kind of cell becomes (numbers in their shortest form, dates in both
 * date systems with Excel's day 60, which formats are dates, booleans,
 * errors, text with escapes), gaps between cells, empty cells with a
 * format out to the last column, the choice of sheet,
 * and how diag names a cell.  The workbooks are written here with
 * libzip.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

#include "csvread.h"
#include "diag.h"
#include "util.h"
#include "xlsx.h"

#include "tutil.h"

#define NS	"xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
		"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define REL	"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

/* Adds a part with the given text. */
static void
part(zip_t *z, const char *name, const char *text)
{
	zip_source_t	*s;

	s = zip_source_buffer(z, xstrdup(text), strlen(text), 1);
	assert_non_null(s);
	assert_true(zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8) >= 0);
}

/*
 * A workbook in a new temporary file (caller unlinks and frees): its
 * workbookPr attributes, cellXfs number format ids (custom formats in
 * numFmts), shared strings and the rows of sheet "Blad1"; a second
 * sheet "Blad2" holds one cell.
 */
static char *
book(const char *wbpr, const char *numfmts, const char *xfs,
    const char *sst, const char *rows)
{
	char		 path[] = "/tmp/gen-test-xlsx-XXXXXX.xlsx";
	zip_t		*z;
	char		*s;
	int		 fd, err;

	assert_true((fd = mkstemps(path, 5)) != -1);
	close(fd);
	assert_non_null(z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err));
	part(z, "_rels/.rels", "<Relationships xmlns=\"http://schemas."
	    "openxmlformats.org/package/2006/relationships\"><Relationship "
	    "Id=\"rId1\" Type=\"" REL "officeDocument\" "
	    "Target=\"xl/workbook.xml\"/></Relationships>");
	s = xasprintf("<workbook " NS "><workbookPr %s/><sheets><sheet "
	    "name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Blad2\" "
	    "sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>", wbpr);
	part(z, "xl/workbook.xml", s);
	free(s);
	part(z, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://"
	    "schemas.openxmlformats.org/package/2006/relationships\">"
	    "<Relationship Id=\"rId1\" Type=\"" REL "worksheet\" "
	    "Target=\"worksheets/sheet1.xml\"/>"
	    "<Relationship Id=\"rId2\" Type=\"" REL "worksheet\" "
	    "Target=\"worksheets/sheet2.xml\"/>"
	    "<Relationship Id=\"rId3\" Type=\"" REL "sharedStrings\" "
	    "Target=\"sharedStrings.xml\"/>"
	    "<Relationship Id=\"rId4\" Type=\"" REL "styles\" "
	    "Target=\"styles.xml\"/></Relationships>");
	s = xasprintf("<styleSheet " NS "><numFmts>%s</numFmts><cellXfs>%s"
	    "</cellXfs></styleSheet>", numfmts, xfs);
	part(z, "xl/styles.xml", s);
	free(s);
	s = xasprintf("<sst " NS ">%s</sst>", sst);
	part(z, "xl/sharedStrings.xml", s);
	free(s);
	s = xasprintf("<worksheet " NS "><sheetData>%s</sheetData>"
	    "</worksheet>", rows);
	part(z, "xl/worksheets/sheet1.xml", s);
	free(s);
	part(z, "xl/worksheets/sheet2.xml", "<worksheet " NS "><sheetData>"
	    "<row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>twee</t></is>"
	    "</c></row></sheetData></worksheet>");
	assert_int_equal(zip_close(z), 0);
	return xstrdup(path);
}

/* Records as text: "L<row> f1|f2|..." with each field's "@row:col". */
static int
collect(void *arg, const struct csvr_rec *r)
{
	struct buf	*b = arg;
	size_t		 i;
	int		 l, c;

	assert_true(r->cells);
	buf_printf(b, "L%d", r->line);
	for (i = 0; i < r->nf; i++) {
		csvr_field_pos(r, i, &l, &c);
		assert_int_equal(strlen(r->f[i]), r->len[i]);
		buf_printf(b, " [%s]@%d:%d", r->f[i], l, c);
	}
	buf_putc(b, '\n');
	return 0;
}

/* Reads path (through csvr_read, as the loaders do); checks all. */
static void
check(const char *path, int want_rc, const char *want_recs,
    const char *want_diag)
{
	struct cap	 cap;
	struct buf	 b = { NULL, 0, 0 };
	int		 rc;

	cap_open(&cap);
	rc = csvr_read("/tmp", path, "t.xlsx#Blad1", &cap.d, collect, &b);
	assert_text(b.s != NULL ? b.s : "", want_recs);
	assert_text(cap_text(&cap), want_diag);
	assert_int_equal(rc, want_rc);
	buf_free(&b);
	cap_close(&cap);
}

/* A header "a", then one number cell per row with style s. */
static char *
column(const char *wbpr, int style, const char *const *vals, size_t n)
{
	struct buf	 rows = { NULL, 0, 0 };
	char		*path;
	size_t		 i;

	buf_puts(&rows, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a"
	    "</t></is></c></row>");
	for (i = 0; i < n; i++)
		buf_printf(&rows, "<row r=\"%zu\"><c r=\"A%zu\" s=\"%d\"><v>%s"
		    "</v></c></row>", i + 2, i + 2, style, vals[i]);
	path = book(wbpr, "<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy"
	    "\"/><numFmt numFmtId=\"165\" formatCode=\"[h]:mm\"/><numFmt "
	    "numFmtId=\"166\" formatCode=\"mmm &quot;d&quot;yy\"/><numFmt "
	    "numFmtId=\"167\" formatCode=\"0.0&quot; dagen&quot;\"/>",
	    "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
	    "<xf numFmtId=\"165\"/><xf numFmtId=\"166\"/><xf numFmtId=\"167\"/>"
	    "<xf numFmtId=\"46\"/><xf numFmtId=\"10\"/>", "", rows.s);
	buf_free(&rows);
	return path;
}

/* The fields a column of values becomes, one per line. */
static void
check_column(const char *wbpr, int style, const char *const *vals,
    size_t n, const char *want)
{
	struct buf	 w = { NULL, 0, 0 };
	char		*path = column(wbpr, style, vals, n);
	const char	*p = want, *e;
	size_t		 i;

	buf_puts(&w, "L1 [a]@1:1\n");
	for (i = 0; i < n; i++, p = *e ? e + 1 : e) {
		e = p + strcspn(p, "|");
		buf_printf(&w, "L%zu [%.*s]@%zu:1\n", i + 2, (int)(e - p), p,
		    i + 2);
	}
	check(path, 0, w.s, "");
	buf_free(&w);
	unlink(path);
	free(path);
}

static void
test_numbers(void **state)
{
	static const char *const v[] = { "6", "6.0", "6E0", "-0", "0.1",
	    "0.30000000000000004", "-3.5", "1E+20", "123456789012345678",
	    "2.5E-7", "abc", "1e400" };

	(void)state;
	check_column("", 0, v, GEN_NELEM(v), "6|6|6|0|0.1|"
	    "0.30000000000000004|-3.5|1e+20|1.2345678901234568e+17|2.5e-07|"
	    "abc|1e400");
	/* Not dates: elapsed time, a number with text, a percentage. */
	check_column("", 3, v, 2, "6|6");
	check_column("", 5, v, 2, "6|6");
	check_column("", 7, v, 2, "6|6");
}

static void
test_dates_1900(void **state)
{
	static const char *const v[] = { "44197", "44197.75", "1", "59",
	    "60", "61", "0", "-1", "2958465", "2958466" };

	(void)state;
	check_column("", 1, v, GEN_NELEM(v), "2021-01-01|2021-01-01|"
	    "1900-01-01|1900-02-28|1900-02-29|1900-03-01|1900-01-00|-1|"
	    "9999-12-31|2958466");
	/* A custom date format, one with a quoted 'd', built-in 46. */
	check_column("", 2, v, 1, "2021-01-01");
	check_column("", 4, v, 1, "2021-01-01");
	check_column("", 6, v, 1, "2021-01-01");
}

static void
test_dates_1904(void **state)
{
	static const char *const v[] = { "0", "42735", "60" };

	(void)state;
	check_column("date1904=\"1\"", 1, v, GEN_NELEM(v),
	    "1904-01-01|2021-01-01|1904-03-01");
	check_column("date1904=\"true\"", 1, v, 1, "1904-01-01");
	check_column("date1904=\"0\"", 1, v, 1, "1900-01-00");
}

static void
test_cells(void **state)
{
	char	*path;

	(void)state;
	path = book("", "", "<xf numFmtId=\"0\"/>",
	    "<si><t>een</t></si>"
	    "<si><r><t>ri</t></r><r><rPr><b/></rPr><t>ch</t></r>"
	    "<rPh sb=\"0\" eb=\"1\"><t>X</t></rPh></si>"
	    "<si><t xml:space=\"preserve\">  a;_x000D_\nb  </t></si>",
	    "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c>"
	    "<c r=\"C2\" t=\"s\"><v>1</v></c><c r=\"D2\" t=\"s\"><v>2</v></c>"
	    "<c r=\"XFD2\" s=\"0\"/></row>"
	    "<row r=\"3\"/>"
	    "<row r=\"4\"><c r=\"A4\" s=\"0\"/><c r=\"B4\"><v></v></c></row>"
	    "<row r=\"6\"><c t=\"b\"><v>1</v></c><c t=\"b\"><v>0</v></c>"
	    "<c t=\"e\"><v>#N/A</v></c><c t=\"str\"><f>A1&amp;\"x\"</f>"
	    "<v>eenx</v></c><c t=\"d\"><v>2021-03-04T00:00:00</v></c></row>"
	    "<row r=\"7\"><c r=\"F7\" t=\"inlineStr\"><is><r><t>in</t></r>"
	    "<r><t>line</t></r></is></c></row>");
	check(path, 0,
	    "L2 [een]@2:1 []@2:2 [rich]@2:3 [a;\r\nb]@2:4\n"
	    "L6 [TRUE]@6:1 [FALSE]@6:2 [#N/A]@6:3 [eenx]@6:4 [2021-03-04]@6:5"
	    "\n"
	    "L7 []@7:1 []@7:2 []@7:3 []@7:4 []@7:5 [inline]@7:6\n", "");
	unlink(path);
	free(path);
}

static void
test_damaged(void **state)
{
	char	*path;

	(void)state;
	path = book("", "", "", "<si><t>een</t></si>",
	    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
	    "<row r=\"2\"><c r=\"B2\" t=\"s\"><v>7</v></c></row>");
	check(path, -1, "L1 [een]@1:1\n",
	    "t.xlsx:Blad1!B2: error: damaged workbook: the cell refers to "
	    "shared string '7', which does not exist\n");
	unlink(path);
	free(path);
	path = book("", "", "", "",
	    "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>x</t></is></c>"
	    "</row><row r=\"2\"/>");
	check(path, -1, "L2 [x]@2:1\n",
	    "t.xlsx:Blad1!A3: error: damaged workbook: row 2 is out of "
	    "order\n");
	unlink(path);
	free(path);
}

static void
test_sheets(void **state)
{
	struct cap	 cap;
	struct buf	 b = { NULL, 0, 0 };
	char		*path, *p, *s, *file;
	const char	*sheet;

	(void)state;
	path = book("", "", "", "", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
	    "<is><t>een</t></is></c></row>");
	s = csvr_shown("/tmp", path);
	p = xasprintf("%s#Blad1", path);
	assert_string_equal(s, p);
	free(s);
	free(p);
	p = xasprintf("%s#blad2", path);
	s = csvr_shown("/tmp", p);
	free(p);
	p = xasprintf("%s#Blad2", path);
	assert_string_equal(s, p);
	free(s);
	cap_open(&cap);
	assert_int_equal(csvr_read("/tmp", p, "t.xlsx#Blad2", &cap.d, collect, &b), 0);
	assert_text(b.s, "L3 []@3:1 [twee]@3:2\n");
	free(p);
	p = xasprintf("%s#Blad3", path);
	assert_int_equal(csvr_read("/tmp", p, "t.xlsx#Blad3", &cap.d, collect, &b),
	    -1);
	assert_text(cap_text(&cap), "t.xlsx:Blad3: error: no sheet 'Blad3' "
	    "in the workbook; did you mean 'Blad1'?\n");
	free(p);
	cap_close(&cap);
	buf_free(&b);
	assert_true(csvr_workbook("a/b.XLSX#Mijn blad#2", &file, &sheet));
	assert_string_equal(file, "a/b.XLSX");
	assert_string_equal(sheet, "Mijn blad#2");
	free(file);
	assert_true(csvr_workbook("a/b.xlsm", &file, &sheet));
	assert_null(sheet);
	free(file);
	assert_false(csvr_workbook("a/b.csv", NULL, NULL));
	assert_false(csvr_workbook("a/#b.xlsx.csv", NULL, NULL));
	unlink(path);
	free(path);
}

static void
test_diag_cells(void **state)
{
	struct cap	 cap;

	(void)state;
	cap_open(&cap);
	diag_error(&cap.d, "d/t.xlsx#Blad1", 12, 6, "m");
	diag_error(&cap.d, "d/t.xlsx#Mijn blad", 7, 28, "m");
	diag_error(&cap.d, "d/t.xlsx#Blad1", 3, 0, "m");
	diag_error(&cap.d, "d/t.xlsx#Blad1", 0, 0, "m");
	diag_error(&cap.d, "d/t.xlsx#Jan's", 1, 16384, "m");
	diag_error(&cap.d, "d/a#b.csv", 2, 3, "m");
	assert_text(cap_text(&cap),
	    "d/t.xlsx:Blad1!F12: error: m\n"
	    "d/t.xlsx:'Mijn blad'!AB7: error: m\n"
	    "d/t.xlsx:Blad1!A3: error: m\n"
	    "d/t.xlsx:Blad1: error: m\n"
	    "d/t.xlsx:'Jan''s'!XFD1: error: m\n"
	    "d/a#b.csv:2:3: error: m\n");
	cap_close(&cap);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_dates_1900),
		cmocka_unit_test(test_dates_1904),
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_sheets),
		cmocka_unit_test(test_diag_cells),
	};

	return cmocka_run_group_tests_name("xlsx", tests, NULL, NULL);
}
