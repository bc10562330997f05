/*
 * test_csv.c: unit tests of the CSV reader (csvread.c) against every
 * case of spec section 2: BOM, delimiter detection, CRLF, blank lines,
 * RFC 4180 quoting with line numbers after quoted newlines, the
 * Windows-1252 fallback, malformed quoting, NUL bytes, and the exact
 * positions of fields in diagnostics.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "diag.h"
#include "util.h"

#include "tutil.h"

/*
 * Records as text, one line each: "L<line> <delim> f1|f2|..." with
 * every field's position "@line:col" after it.
 */
struct got {
	struct buf	 b;
};

static int
collect(void *arg, const struct csvr_rec *r)
{
	struct got	*g = arg;
	size_t		 i;
	int		 l, c;

	buf_printf(&g->b, "L%d %c", r->line, r->delim);
	for (i = 0; i < r->nf; i++) {
		csvr_field_pos(r, i, &l, &c);
		assert_int_equal(strlen(r->f[i]), r->len[i]);
		buf_printf(&g->b, " [%s]@%d:%d", r->f[i], l, c);
	}
	buf_putc(&g->b, '\n');
	return 0;
}

/* Reads len bytes; checks the return code, records and diagnostics. */
static void
check(const char *data, size_t len, int want_rc, const char *want_recs,
    const char *want_diag)
{
	struct cap	 cap;
	struct got	 g;
	int		 rc;

	memset(&g, 0, sizeof(g));
	cap_open(&cap);
	rc = csvr_read_mem(data, len, "t.csv", &cap.d, collect, &g);
	assert_string_equal(g.b.s ? g.b.s : "", want_recs);
	assert_text(cap_text(&cap), want_diag);
	assert_int_equal(rc, want_rc);
	buf_free(&g.b);
	cap_close(&cap);
}

#define CHECK(s, rc, recs, diag) check((s), sizeof(s) - 1, (rc), (recs), (diag))

static void
test_plain(void **state)
{
	(void)state;
	CHECK("a,b\n1,2\n", 0,
	    "L1 , [a]@1:1 [b]@1:3\n"
	    "L2 , [1]@2:1 [2]@2:3\n", "");
	/* no newline at the end */
	CHECK("a,b\n1,2", 0,
	    "L1 , [a]@1:1 [b]@1:3\n"
	    "L2 , [1]@2:1 [2]@2:3\n", "");
	/* empty input: no records, no error (the loaders complain) */
	CHECK("", 0, "", "");
}

static void
test_bom(void **state)
{
	(void)state;
	CHECK("\xef\xbb\xbf" "id,regio\nx,Twente\n", 0,
	    "L1 , [id]@1:1 [regio]@1:4\n"
	    "L2 , [x]@2:1 [Twente]@2:3\n", "");
	/* only the first BOM is one; a second is text */
	CHECK("\xef\xbb\xbf\xef\xbb\xbf" "a\n", 0,
	    "L1 , [\xef\xbb\xbf" "a]@1:1\n", "");
}

static void
test_delimiter(void **state)
{
	(void)state;
	/* Dutch Excel */
	CHECK("a;b;c\n1;2,5;3\n", 0,
	    "L1 ; [a]@1:1 [b]@1:3 [c]@1:5\n"
	    "L2 ; [1]@2:1 [2,5]@2:3 [3]@2:7\n", "");
	/* decided on the header line only */
	CHECK("a,b\n1;2,3\n", 0,
	    "L1 , [a]@1:1 [b]@1:3\n"
	    "L2 , [1;2]@2:1 [3]@2:5\n", "");
	/* separators inside quotes do not count */
	CHECK("\"x,y,z\";b;c\n1;2;3\n", 0,
	    "L1 ; [x,y,z]@1:1 [b]@1:9 [c]@1:11\n"
	    "L2 ; [1]@2:1 [2]@2:3 [3]@2:5\n", "");
	/* multi-valued codes in quotes when ';' separates */
	CHECK("id;themas\n1;\"tarief;zorg\"\n", 0,
	    "L1 ; [id]@1:1 [themas]@1:4\n"
	    "L2 ; [1]@2:1 [tarief;zorg]@2:3\n", "");
	/* one column: ',' */
	CHECK("id\n1\n", 0, "L1 , [id]@1:1\nL2 , [1]@2:1\n", "");
}

static void
test_crlf(void **state)
{
	(void)state;
	CHECK("a,b\r\n1,2\r\n\r\n3,4\r\n", 0,
	    "L1 , [a]@1:1 [b]@1:3\n"
	    "L2 , [1]@2:1 [2]@2:3\n"
	    "L4 , [3]@4:1 [4]@4:3\n", "");
	/* a quoted CRLF stays in the field, the line count goes on */
	CHECK("a,b\r\n\"x\r\ny\",2\r\n3,4\r\n", 0,
	    "L1 , [a]@1:1 [b]@1:3\n"
	    "L2 , [x\r\ny]@2:1 [2]@3:4\n"
	    "L4 , [3]@4:1 [4]@4:3\n", "");
}

static void
test_blank_lines(void **state)
{
	(void)state;
	CHECK("\n\na,b\n\n   \n\t\n1,2\n\n\n3,4\n\n", 0,
	    "L3 , [a]@3:1 [b]@3:3\n"
	    "L7 , [1]@7:1 [2]@7:3\n"
	    "L10 , [3]@10:1 [4]@10:3\n", "");
	/* and the line of a later error is still right */
	CHECK("a,b\n\n\n1,x\"y\n", -1,
	    "L1 , [a]@1:1 [b]@1:3\n",
	    "t.csv:4:4: error: malformed quoting: a quote inside an "
	    "unquoted field, or text after a closing quote\n");
}

static void
test_trim(void **state)
{
	(void)state;
	/* values are trimmed; the position is that of the value */
	CHECK(" a , b \n  1 ,\t2\t\n", 0,
	    "L1 , [a]@1:2 [b]@1:6\n"
	    "L2 , [1]@2:3 [2]@2:7\n", "");
	CHECK("a,b\n\" q \",x\n", 0,
	    "L1 , [a]@1:1 [b]@1:3\n"
	    "L2 , [q]@2:1 [x]@2:7\n", "");
	/* empty fields */
	CHECK("a,b,c\n,,x\n", 0,
	    "L1 , [a]@1:1 [b]@1:3 [c]@1:5\n"
	    "L2 , []@2:1 []@2:2 [x]@2:3\n", "");
}

static void
test_quotes(void **state)
{
	(void)state;
	CHECK("a,b\n"
	    "\"x,y\",\"he said \"\"hi\"\"\"\n"
	    "\"multi\nline\",z\n"
	    "\"three\n\nlines\",w\n"
	    "4,5\n", 0,
	    "L1 , [a]@1:1 [b]@1:3\n"
	    "L2 , [x,y]@2:1 [he said \"hi\"]@2:7\n"
	    "L3 , [multi\nline]@3:1 [z]@4:7\n"
	    "L5 , [three\n\nlines]@5:1 [w]@7:8\n"
	    "L8 , [4]@8:1 [5]@8:3\n", "");
	/* an empty quoted field, and a lone quoted quote */
	CHECK("a,b\n\"\",\"\"\"\"\n", 0,
	    "L1 , [a]@1:1 [b]@1:3\n"
	    "L2 , []@2:1 [\"]@2:4\n", "");
}

static void
test_quote_in_unquoted(void **state)
{
	(void)state;
	/* the line is dropped, reading goes on with the next one */
	CHECK("a,b\n1,x\"y\n2,3\n", -1,
	    "L1 , [a]@1:1 [b]@1:3\n"
	    "L3 , [2]@3:1 [3]@3:3\n",
	    "t.csv:2:4: error: malformed quoting: a quote inside an "
	    "unquoted field, or text after a closing quote\n");
	/* text after a closing quote */
	CHECK("a,b\n\"ab\"c,d\n\"ok\",e\n", -1,
	    "L1 , [a]@1:1 [b]@1:3\n"
	    "L3 , [ok]@3:1 [e]@3:6\n",
	    "t.csv:2:5: error: malformed quoting: a quote inside an "
	    "unquoted field, or text after a closing quote\n");
	/* every such line is reported, not only the first */
	CHECK("a,b\nx\",1\n2,3\n4,y\"\n", -1,
	    "L1 , [a]@1:1 [b]@1:3\n"
	    "L3 , [2]@3:1 [3]@3:3\n",
	    "t.csv:2:2: error: malformed quoting: a quote inside an "
	    "unquoted field, or text after a closing quote\n"
	    "t.csv:4:4: error: malformed quoting: a quote inside an "
	    "unquoted field, or text after a closing quote\n");
}

static void
test_unterminated(void **state)
{
	(void)state;
	/* the position is that of the opening quote */
	CHECK("a,b\n1,\"oops\n2,3\n", -1,
	    "L1 , [a]@1:1 [b]@1:3\n",
	    "t.csv:2:3: error: unterminated quoted field (a '\"' is never "
	    "closed)\n");
	CHECK("a,b\n1,2\n\"open,3\n\n", -1,
	    "L1 , [a]@1:1 [b]@1:3\n"
	    "L2 , [1]@2:1 [2]@2:3\n",
	    "t.csv:3:1: error: unterminated quoted field (a '\"' is never "
	    "closed)\n");
}

static void
test_ragged(void **state)
{
	(void)state;
	/* the reader passes ragged rows on; the loaders check the count */
	CHECK("a,b\n1,2,3\n4\n", 0,
	    "L1 , [a]@1:1 [b]@1:3\n"
	    "L2 , [1]@2:1 [2]@2:3 [3]@2:5\n"
	    "L3 , [4]@3:1\n", "");
}

static void
test_nul(void **state)
{
	static const char s[] = "a,b\n1,x\0y\n3,4\n";

	(void)state;
	check(s, sizeof(s) - 1, -1,
	    "L1 , [a]@1:1 [b]@1:3\n"
	    "L3 , [3]@3:1 [4]@3:3\n",
	    "t.csv:2:3: error: NUL byte in field\n");
}

static void
test_cp1252(void **state)
{
	(void)state;
	/* "één,€ 5" in Windows-1252 */
	CHECK("a,b\n\xe9\xe9n,\x80 5\n", 0,
	    "L1 , [a]@1:1 [b]@1:3\n"
	    "L2 , [\xc3\xa9\xc3\xa9n]@2:1 [\xe2\x82\xac 5]@2:5\n",
	    "t.csv:2:1: warning: not valid UTF-8; reading the file as "
	    "Windows-1252\n");
	/* curly quotes and a dash from Excel */
	CHECK("a\n\x93x\x94 \x96 y\n", 0,
	    "L1 , [a]@1:1\n"
	    "L2 , [\xe2\x80\x9cx\xe2\x80\x9d \xe2\x80\x93 y]@2:1\n",
	    "t.csv:2:1: warning: not valid UTF-8; reading the file as "
	    "Windows-1252\n");
	/* valid UTF-8 stays as it is, with no warning */
	CHECK("a\n\xc3\xa9\xc3\xa9n\n", 0,
	    "L1 , [a]@1:1\nL2 , [\xc3\xa9\xc3\xa9n]@2:1\n", "");
}

static int
stop_cb(void *arg, const struct csvr_rec *r)
{
	int	*n = arg;

	(*n)++;
	return r->index == 1;
}

static void
test_stop(void **state)
{
	struct cap	 cap;
	int		 n = 0;
	static const char s[] = "a\n1\n2\n3\n";

	(void)state;
	cap_open(&cap);
	assert_int_equal(csvr_read_mem(s, sizeof(s) - 1, "t.csv", &cap.d,
	    stop_cb, &n), -1);
	assert_int_equal(n, 2);
	assert_text(cap_text(&cap), "");
	cap_close(&cap);
}

static void
test_read_file(void **state)
{
	struct cap	 cap;
	struct got	 g;
	char		*path;
	static const char s[] = "a;b\r\n\"x\";2\r\n";

	(void)state;
	memset(&g, 0, sizeof(g));
	cap_open(&cap);
	path = tmp_file(s, sizeof(s) - 1);
	assert_int_equal(csvr_read("/tmp", path, "shown.csv", &cap.d, collect, &g),
	    0);
	assert_string_equal(g.b.s,
	    "L1 ; [a]@1:1 [b]@1:3\n"
	    "L2 ; [x]@2:1 [2]@2:5\n");
	unlink(path);
	/* a file that is not there */
	assert_int_equal(csvr_read("/tmp", path, "shown.csv", &cap.d, collect, &g),
	    -1);
	assert_text(cap_text(&cap),
	    "shown.csv: error: cannot read: No such file or directory\n");
	free(path);
	buf_free(&g.b);
	cap_close(&cap);
}

/*
 * A blank line inside a quoted field is part of it, also when the
 * field opens after a carriage return that ended a record mid-line.
 */
static void
test_blank_in_quotes(void **state)
{
	(void)state;
	CHECK("a,b\n1,\"x\n\ny\"\n", 0,
	    "L1 , [a]@1:1 [b]@1:3\n"
	    "L2 , [1]@2:1 [x\n\ny]@2:3\n", "");
	CHECK("a\r\"b\n\nc\"\n", 0,
	    "L1 , [a]@1:1\n"
	    "L1 , [b\n\nc]@1:1\n", "");
}

/* Readers of parts of a file (csvr_open, csvr_reader). */
static void
test_reader(void **state)
{
	static const char s[] =
	    "a,b\n"		/* 0 */
	    "1,\"x\n"		/* 4 */
	    "y\"\n"		/* 9 */
	    "2,z\r\"w\n"	/* 12 */
	    "v\"\n"		/* 19 */
	    "\n"		/* 22 */
	    "3,\xeb\n";	/* 23 */
	struct csvr_file	*f;
	struct csvr_reader	*r;
	struct cap		 cap;
	struct got		 g;
	char			*path;

	(void)state;
	memset(&g, 0, sizeof(g));
	cap_open(&cap);
	path = tmp_file(s, sizeof(s) - 1);
	assert_non_null(f = csvr_open("/tmp", path, "t.csv", &cap.d));
	assert_int_equal(csvr_size(f), sizeof(s) - 1);
	assert_int_equal(csvr_next_line(f, 0), 4);
	assert_int_equal(csvr_next_line(f, 4), 9);
	assert_int_equal(csvr_next_line(f, 8), 9);
	assert_int_equal(csvr_next_line(f, 100), sizeof(s) - 1);

	r = csvr_reader(f, 0, 1, 0, "t.csv", &cap.d, collect, &g);
	assert_true(csvr_idle(r));
	assert_int_equal(csvr_feed(r, 4), 0);
	assert_true(csvr_idle(r));
	/* inside the quoted field of line 2 */
	assert_int_equal(csvr_feed(r, 9), 0);
	assert_false(csvr_idle(r));
	assert_int_equal(csvr_feed(r, 12), 0);
	assert_true(csvr_idle(r));
	/* a record ended by the carriage return, then a quote opens */
	assert_int_equal(csvr_feed(r, 19), 0);
	assert_false(csvr_idle(r));
	assert_int_equal(csvr_feed(r, 23), 0);
	assert_true(csvr_idle(r));
	assert_int_equal(csvr_end(r), 0);
	assert_string_equal(g.b.s,
	    "L1 , [a]@1:1 [b]@1:3\n"
	    "L2 , [1]@2:1 [x\ny]@2:3\n"
	    "L4 , [2]@4:1 [z]@4:3\n"
	    "L4 , [w\nv]@4:1\n");
	buf_reset(&g.b);

	/* a reader from the middle, which says the line it is told */
	r = csvr_reader(f, 9, 7, 5, "t.csv", &cap.d, collect, &g);
	assert_int_equal(csvr_feed(r, 12), -1);
	assert_true(csvr_idle(r));
	assert_int_equal(csvr_end(r), -1);
	assert_string_equal(g.b.s, "");
	assert_text(cap_text(&cap), "t.csv:7:2: error: malformed quoting: "
	    "a quote inside an unquoted field, or text after a closing "
	    "quote\n");

	/* the Windows-1252 byte stops a reader: the file is read again */
	buf_reset(&g.b);
	r = csvr_reader(f, 23, 1, 1, "t.csv", &cap.d, collect, &g);
	assert_int_equal(csvr_feed(r, csvr_size(f)), CSVR_NOT_UTF8);
	assert_int_equal(csvr_end(r), CSVR_NOT_UTF8);
	assert_string_equal(g.b.s ? g.b.s : "", "");
	csvr_close(f);
	unlink(path);
	free(path);
	buf_free(&g.b);
	cap_close(&cap);
}

static void
test_lower(void **state)
{
	char	 s[] = "ThEmAs-\xc3\x89X";

	(void)state;
	assert_string_equal(csvr_lower(s), "themas-\xc3\x89x");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_delimiter),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_blank_lines),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_quote_in_unquoted),
		cmocka_unit_test(test_unterminated),
		cmocka_unit_test(test_ragged),
		cmocka_unit_test(test_nul),
		cmocka_unit_test(test_cp1252),
		cmocka_unit_test(test_stop),
		cmocka_unit_test(test_read_file),
		cmocka_unit_test(test_blank_in_quotes),
		cmocka_unit_test(test_reader),
		cmocka_unit_test(test_lower),
	};

	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
