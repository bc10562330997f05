/*
 * test_register.c: unit tests of the codebook (codes.c, spec 2.2) and
 * of the trajectory register (register.c, spec 2.1): every rule, with
 * the exact diagnostics, all errors of a file in one run, defaults,
 * header handling, and the filter (reg_select).
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

#include "bigreg.h"
#include "codes.h"
#include "diag.h"
#include "fmt.h"
#include "register.h"
#include "util.h"

#include "tutil.h"

/* The codebook of these tests. */
static const char TCB[] =
    "kolom,code,label,volgorde,kleur\n"
    "soort,bemiddeling,Bemiddeling,1,\n"
    "soort,intermediair,Intermediair,2,\n"
    "partijen,gemeente-aanbieder,Gemeente en aanbieder,1,\n"
    "partijen,gemeente-gemeente,Gemeenten onderling,2,\n"
    "signaal,email,Per e-mail,1,\n"
    "signaal,telefoon,Per telefoon,2,\n"
    "themas,tarief,Tarief,1,#1F77B4\n"
    "themas,zorg,Zorgcontinu\xc3\xafteit,2,\n"
    "themas,vertrouwen,Vertrouwen,3,\n"
    "aanleiding,aanbesteding,Aanbesteding,1,\n"
    "aanleiding,wachtlijst,Wachtlijst,2,\n"
    "uitkomst,geslaagd,Geslaagd,1,\n"
    "uitkomst,lopend,Loopt nog,5,\n"
    "escalatie,geen,Geen escalatie,1,\n"
    "escalatie,rechter,Rechter,2,\n";

#define HDR "id,soort,regio,partijen,signaal,themas,hoofdthema,aanleiding," \
	"start,eind,gesprekken,uitkomst,escalatie\n"

/* Group state: the codebook. */
struct fx {
	struct codebook	 cb;
};

static int
setup(void **state)
{
	struct fx	*fx = xcalloc(1, sizeof(*fx));
	struct cap	 cap;

	cap_open(&cap);
	if (cb_from_text(&fx->cb, TCB, &cap.d) != 0 ||
	    strcmp(cap_text(&cap), "") != 0) {
		fprintf(stderr, "codebook: %s", cap_text(&cap));
		return -1;
	}
	cap_close(&cap);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx	*fx = *state;

	codebook_free(&fx->cb);
	free(fx);
	return 0;
}

/* Index of a code in a codebook column (asserted to exist). */
static int
ci(const struct codebook *cb, const char *col, const char *code)
{
	int	 k = codebook_find(codebook_col(cb, col), code);

	assert_true(k >= 0);
	return k;
}

/* Loads a register from text; returns it (NULL on errors) and the diagnostics in cap. */
static struct reg *
load(struct fx *fx, const char *text, struct cap *cap)
{
	cap_open(cap);
	return reg_load_mem(text, strlen(text), "t.csv", &fx->cb, &cap->d);
}

/* Every rule of spec 2.1 broken once, every error reported in one run. */
static void
test_all_errors_one_run(void **state)
{
	struct fx	*fx = *state;
	struct cap	 cap;
	struct reg	*r;
	static const char text[] = HDR
"T01,bemiddeling,Twente,gemeente-aanbieder,email,\"tarief;zorg\",,aanbesteding,2020-01-06,2020-03-06,4,geslaagd,geen\n"
",bemiddeling,Twente,gemeente-aanbieder,email,tarief,,aanbesteding,2020-01-06,2020-03-06,4,geslaagd,geen\n"
"T01,bemiddeling,Twente,gemeente-aanbieder,email,tarief,,aanbesteding,2020-01-06,2020-03-06,4,geslaagd,geen\n"
"T04,bemiddeling,Twente,gemeente-aanbieder,email,tarif,,aanbesteding,2020-01-06,2020-03-06,4,geslaagd,geen\n"
"T05,bemiddeling,Twente,gemeente-aanbieder,emial,tarief,,aanbesteding,2020-01-06,2020-03-06,4,geslaagd,geen\n"
"T06,bemiddeling,Twente,gemeente-aanbieder,fax,tarief,,aanbesteding,2020-01-06,2020-03-06,4,geslaagd,geen\n"
"T07,bemiddeling,Twente,gemeente-aanbieder,email,tarief,zorg,aanbesteding,2020-01-06,2020-03-06,4,geslaagd,geen\n"
"T08,bemiddeling,Twente,gemeente-aanbieder,email,tarief,,aanbesteding,2021-02-30,2021-03-30,4,geslaagd,geen\n"
"T09,bemiddeling,Twente,gemeente-aanbieder,email,tarief,,aanbesteding,gisteren,2020-03-06,4,geslaagd,geen\n"
"T10,bemiddeling,Twente,gemeente-aanbieder,email,tarief,,aanbesteding,2020-05-01,2020-04-30,4,geslaagd,geen\n"
"T11,bemiddeling,Twente,gemeente-aanbieder,email,tarief,,aanbesteding,2020-01-06,2020-03-06,-1,geslaagd,geen\n"
"T12,bemiddeling,Twente,gemeente-aanbieder,email,tarief,,aanbesteding,2020-01-06,2020-03-06,vier,geslaagd,geen\n"
"T13,bemiddeling,Twente,gemeente-aanbieder,email,tarief,,aanbesteding,2020-01-06,2020-06-01,4,lopend,geen\n"
"T14,bemiddeling,Twente,gemeente-aanbieder,email,tarief,,aanbesteding,2020-01-06,,4,geslaagd,geen\n"
"T15,bemiddeling,Twente,gemeente-aanbieder,email,,,aanbesteding,2020-01-06,2020-03-06,4,geslaagd,geen\n"
"T16,bemiddeling,,gemeente-aanbieder,email,tarief,,aanbesteding,2020-01-06,2020-03-06,4,geslaagd,geen\n"
"T17,bemiddeling,Twente,gemeente-aanbieder,email,tarief,,aanbesteding,2020-01-06,2020-03-06,4,,geen\n"
"T18,bemiddeling,Twente,gemeente-aanbieder,email,tarief,,aanbesteding,2020-01-06,2020-03-06,4,geslaagd\n"
"T19,bemiddeling,Twente,gemeente-aanbieder,email,tarief,,aanbesteding,2020-01-06,2020-03-06,4,gelukt,geen\n"
"T20,bemiddeling,Twente,gemeente-aanbieder,email,tarief,,aanbesteding,2020-01-06,2020-03-06,4,geslaagd,rechtr\n"
"T01,bemiddeling,Twente,gemeente-aanbieder,email,tarief,,aanbesteding,2020-05-01,2020-04-30,4,geslaagd,geen\n"
",bemiddeling,Twente,gemeente-aanbieder,email,,,aanbesteding,2020-01-06,2020-03-06,4,geslaagd,geen\n"
"T23,bemiddeling,Twente,gemeente-aanbieder,email,\"tarief;zrg;vertrouwen\",vertrouwen,aanbesteding,2020-01-06,2020-03-06,4,geslaagd,geen\n"
"T24,,Twente,gemeente-aanbieder,email,\"zorg;tarief\",,aanbesteding,6-1-2020,,4,lopend,\n";

	r = load(fx, text, &cap);
	assert_null(r);
	assert_text(cap_text(&cap),
"t.csv:3:1: error: empty id\n"
"t.csv:4:1: error: duplicate id 'T01' (first on line 2)\n"
"t.csv:5:49: error: unknown code 'tarif' in column themas; did you mean 'tarief'?\n"
"t.csv:6:43: error: unknown code 'emial' in column signaal; did you mean 'email'?\n"
"t.csv:7:43: error: unknown code 'fax' in column signaal\n"
"t.csv:8:56: error: hoofdthema 'zorg' is not one of this row's themas\n"
"t.csv:9:70: error: impossible date '2021-02-30' in column start\n"
"t.csv:10:70: error: 'gisteren' in column start is not a date (YYYY-MM-DD or D-M-YYYY)\n"
"t.csv:11:81: error: eind 2020-04-30 is before start 2020-05-01\n"
"t.csv:12:92: error: gesprekken must be a whole number of 0 or more, not '-1'\n"
"t.csv:13:92: error: gesprekken must be a whole number of 0 or more, not 'vier'\n"
"t.csv:14:94: error: uitkomst 'lopend' but eind is 2020-06-01; a finished trajectory needs its outcome\n"
"t.csv:15:84: error: uitkomst 'geslaagd' needs an eind date; a trajectory without eind is 'lopend'\n"
"t.csv:16:49: error: themas needs at least one code\n"
"t.csv:17:17: error: empty regio\n"
"t.csv:18:94: error: empty uitkomst\n"
"t.csv:19:1: error: row has 12 fields; the header has 13\n"
"t.csv:20:94: error: unknown code 'gelukt' in column uitkomst\n"
"t.csv:21:103: error: unknown code 'rechtr' in column escalatie; did you mean 'rechter'?\n"
"t.csv:22:1: error: duplicate id 'T01' (first on line 2)\n"
"t.csv:22:81: error: eind 2020-04-30 is before start 2020-05-01\n"
"t.csv:23:1: error: empty id\n"
"t.csv:23:46: error: themas needs at least one code\n"
"t.csv:24:49: error: unknown code 'zrg' in column themas; did you mean 'zorg'?\n");
	assert_int_equal(cap.d.nerr, 24);
	assert_int_equal(cap.d.nwarn, 0);
	cap_close(&cap);
}

/* A valid register: BOM, ';', CRLF, header case and spaces, defaults. */
static void
test_valid_and_defaults(void **state)
{
	struct fx	*fx = *state;
	struct cap	 cap;
	struct reg	*r;
	const struct traj *t;
	static const char text[] =
"\xef\xbb\xbf ID ; Soort ;REGIO;Partijen;signaal;Themas;hoofdthema;aanleiding;start;eind;gesprekken;uitkomst;escalatie;naam\r\n"
"A1;;Twente;gemeente-aanbieder;email;\"tarief;zorg\";;\"aanbesteding;wachtlijst\";6-1-2020;2020-03-06;4;geslaagd;;Jan Jansen\r\n"
"A2;intermediair;twente;;telefoon;\"zorg; vertrouwen\";vertrouwen;;2020-02-01;;0;lopend;rechter;Piet\r\n"
"\r\n"
"A3;bemiddeling;Zuid-Limburg;gemeente-gemeente;EMAIL;Tarief;TARIEF;;2019-12-31;31-12-2019;2;Geslaagd;geen;x\r\n";

	r = load(fx, text, &cap);
	assert_text(cap_text(&cap), "");
	assert_non_null(r);
	assert_int_equal(r->n, 3);
	assert_int_equal(r->nregio, 2);
	assert_string_equal(r->regio[0], "Twente");	/* first spelling */
	assert_string_equal(r->regio[1], "Zuid-Limburg");

	t = &r->t[0];
	assert_int_equal(t->code[RC_SOORT], ci(&fx->cb, "soort", "bemiddeling"));
	assert_int_equal(t->code[RC_ESCALATIE], ci(&fx->cb, "escalatie", "geen"));
	assert_int_equal(t->code[RC_PARTIJEN],
	    ci(&fx->cb, "partijen", "gemeente-aanbieder"));
	assert_int_equal(t->code[RC_SIGNAAL], ci(&fx->cb, "signaal", "email"));
	/* hoofdthema: the first of themas */
	assert_int_equal(t->code[RC_HOOFDTHEMA], ci(&fx->cb, "themas", "tarief"));
	assert_int_equal(t->mn[RM_THEMAS], 2);
	assert_int_equal(r->pool[t->moff[RM_THEMAS]], ci(&fx->cb, "themas", "tarief"));
	assert_int_equal(r->pool[t->moff[RM_THEMAS] + 1], ci(&fx->cb, "themas", "zorg"));
	assert_int_equal(t->mn[RM_AANLEIDING], 2);
	assert_int_equal(r->pool[t->moff[RM_AANLEIDING] + 1],
	    ci(&fx->cb, "aanleiding", "wachtlijst"));
	assert_int_equal(t->start, fmt_days(2020, 1, 6));
	assert_int_equal(t->eind, fmt_days(2020, 3, 6));
	assert_int_equal(t->gesprekken, 4);
	assert_int_equal(t->outcome, OUT_GESLAAGD);
	assert_int_equal(t->regio, 0);

	t = &r->t[1];
	assert_int_equal(t->code[RC_SOORT], ci(&fx->cb, "soort", "intermediair"));
	assert_int_equal(t->code[RC_PARTIJEN], -1);	/* optional, empty */
	assert_int_equal(t->code[RC_HOOFDTHEMA], ci(&fx->cb, "themas", "vertrouwen"));
	assert_int_equal(t->mn[RM_THEMAS], 2);
	assert_int_equal(r->pool[t->moff[RM_THEMAS] + 1],
	    ci(&fx->cb, "themas", "vertrouwen"));
	assert_int_equal(t->mn[RM_AANLEIDING], 0);
	assert_int_equal(t->eind, REG_NODATE);
	assert_int_equal(t->gesprekken, 0);
	assert_int_equal(t->outcome, OUT_LOPEND);
	assert_int_equal(t->code[RC_ESCALATIE], ci(&fx->cb, "escalatie", "rechter"));
	assert_int_equal(t->regio, 0);	/* "twente" is "Twente" */

	t = &r->t[2];
	assert_int_equal(t->code[RC_SIGNAAL], ci(&fx->cb, "signaal", "email"));
	assert_int_equal(t->code[RC_HOOFDTHEMA], ci(&fx->cb, "themas", "tarief"));
	assert_int_equal(t->start, t->eind);	/* same day is allowed */
	assert_int_equal(t->regio, 1);
	assert_int_equal(t->outcome, OUT_GESLAAGD);

	/* the columns the register has are marked used */
	assert_true(codebook_col(&fx->cb, "themas")->used);
	assert_true(codebook_col(&fx->cb, "partijen")->used);
	reg_free(r);
	cap_close(&cap);
}

/* The same code twice in a multi-valued field counts once. */
static void
test_multi_duplicates(void **state)
{
	struct fx	*fx = *state;
	struct cap	 cap;
	struct reg	*r;

	r = load(fx, HDR "X,,R,,email,\"zorg;;Zorg ; tarief;\",,,2020-01-01,,1,lopend,\n",
	    &cap);
	assert_text(cap_text(&cap), "");
	assert_non_null(r);
	assert_int_equal(r->t[0].mn[RM_THEMAS], 2);
	assert_int_equal(r->t[0].code[RC_HOOFDTHEMA], ci(&fx->cb, "themas", "zorg"));
	reg_free(r);
	cap_close(&cap);
}

static void
test_header_problems(void **state)
{
	struct fx	*fx = *state;
	struct cap	 cap;
	struct reg	*r;

	/* missing required columns: all named; rows are not checked */
	r = load(fx, "id,regio,signaal,themas,uitkomst\nx,,,,\n", &cap);
	assert_null(r);
	assert_text(cap_text(&cap),
	    "t.csv:1:1: error: missing required column 'start'\n"
	    "t.csv:1:1: error: missing required column 'gesprekken'\n");
	cap_close(&cap);

	/* a column twice */
	r = load(fx, "id,regio,signaal,themas,start,gesprekken,uitkomst,Regio\n",
	    &cap);
	assert_null(r);
	assert_text(cap_text(&cap),
	    "t.csv:1:51: error: duplicate column 'regio'\n");
	cap_close(&cap);

	/* a typo of a column: ignored with a warning, then missing */
	r = load(fx, "id,regio,signal,themas,start,gesprekken,uitkomst\n", &cap);
	assert_null(r);
	assert_text(cap_text(&cap),
	    "t.csv:1:10: warning: column 'signal' is ignored; did you mean "
	    "'signaal'?\n"
	    "t.csv:1:1: error: missing required column 'signaal'\n");
	cap_close(&cap);

	/* a header alone: the register has no rows, said at the header */
	r = load(fx, HDR, &cap);
	assert_null(r);
	assert_text(cap_text(&cap),
	    "t.csv:1:1: error: the register has no rows, only a header "
	    "line\n");
	cap_close(&cap);
	r = load(fx, "\n\n" HDR "\n", &cap);
	assert_null(r);
	assert_text(cap_text(&cap),
	    "t.csv:3:1: error: the register has no rows, only a header "
	    "line\n");
	cap_close(&cap);
}

static void
test_empty_file(void **state)
{
	struct fx	*fx = *state;
	struct cap	 cap;

	assert_null(load(fx, "", &cap));
	assert_text(cap_text(&cap),
	    "t.csv: error: empty file: the register needs a header line\n");
	cap_close(&cap);
	assert_null(load(fx, "\xef\xbb\xbf\r\n\n  \n", &cap));
	assert_text(cap_text(&cap),
	    "t.csv: error: empty file: the register needs a header line\n");
	cap_close(&cap);
}

/* CSV-level problems reach the register's diagnostics unchanged. */
static void
test_csv_problems(void **state)
{
	struct fx	*fx = *state;
	struct cap	 cap;

	assert_null(load(fx, HDR
"A,,R,,email,tarief,,,2020-01-01,,1,lopend,\n"
"B,,R,,email,\"tarief;\nzorg\",,,2020-01-01,,1,lopend,\n"
"C,,R,,email,tarief,,,2020-01-0\"1,,1,lopend,\n"
"D,,R,,email,tarief,,,2020-01-01,,x,lopend,\n", &cap));
	/* line 5 after the quoted newline of line 3-4 */
	assert_text(cap_text(&cap),
"t.csv:5:31: error: malformed quoting: a quote inside an unquoted field, or text after a closing quote\n"
"t.csv:6:34: error: gesprekken must be a whole number of 0 or more, not 'x'\n");
	cap_close(&cap);

	/* Windows-1252: a warning, and the region read right */
	{
		struct reg *r;

		r = load(fx, HDR "A,,Gro\xf1ingen,,email,tarief,,,2020-01-01,,1,lopend,\n", &cap);
		assert_text(cap_text(&cap),
		    "t.csv:2:7: warning: not valid UTF-8; reading the file as "
		    "Windows-1252\n");
		assert_non_null(r);
		assert_string_equal(r->regio[0], "Gro\xc3\xb1ingen");
		reg_free(r);
		cap_close(&cap);
	}
	/* the column of a field after a converted character counts characters */
	assert_null(load(fx, HDR "A,,\xe9\xe9n,,email,tarief,,,2020-01-01,,1,lopend,x\n", &cap));
	assert_text(cap_text(&cap),
	    "t.csv:2:4: warning: not valid UTF-8; reading the file as "
	    "Windows-1252\n"
	    "t.csv:2:45: error: unknown code 'x' in column escalatie\n");
	cap_close(&cap);
}

/* More than 200 errors: the rest of the file is not reported. */
/*
 * A register read from a file takes the quick way (encoding checked as
 * it is read, ids by hash; bigreg.c bigreg_load()) and falls back to the
 * careful one when a bet fails.  Whatever the file, the register and
 * the diagnostics must be those of the careful reading in memory.
 */
/*
 * Loads len bytes of text from a file as reg_load() does, in two
 * halves at once if split is set, and checks that the register and the
 * messages are those of the careful reading in memory.  Returns
 * whether the file was read in two halves; *ok tells whether it loaded.
 */
static int
same_as_memory(struct fx *fx, const char *text, size_t len, int split,
    int *ok)
{
	struct cap	 mem, file;
	struct reg	*a, *b;
	char		 path[32];
	size_t		 i;
	int		 fd, halves;

	snprintf(path, sizeof(path), "/tmp/gen-test-reg-XXXXXX");
	assert_true((fd = mkstemp(path)) >= 0);
	assert_true(write(fd, text, len) == (ssize_t)len);
	close(fd);
	bigreg_set_parallel(split ? 1 : SIZE_MAX);
	cap_open(&mem);
	a = reg_load_mem(text, len, "t.csv", &fx->cb, &mem.d);
	cap_open(&file);
	b = reg_load("/tmp", path, "t.csv", &fx->cb, &file.d);
	unlink(path);
	assert_text(cap_text(&file), cap_text(&mem));
	assert_int_equal(file.d.nerr, mem.d.nerr);
	assert_int_equal(file.d.nwarn, mem.d.nwarn);
	assert_int_equal(a == NULL, b == NULL);
	if (a != NULL) {
		assert_int_equal(a->n, b->n);
		assert_memory_equal(a->t, b->t, a->n * sizeof(*a->t));
		assert_int_equal(a->npool, b->npool);
		assert_memory_equal(a->pool, b->pool,
		    a->npool * sizeof(*a->pool));
		assert_int_equal(a->nregio, b->nregio);
		for (i = 0; i < a->nregio; i++)
			assert_string_equal(a->regio[i], b->regio[i]);
	}
	*ok = a != NULL && mem.d.nerr + mem.d.nwarn == 0;
	halves = b != NULL && b->halves;
	reg_free(a);
	reg_free(b);
	cap_close(&mem);
	cap_close(&file);
	bigreg_set_parallel(SIZE_MAX);
	return halves;
}

/* Appends n rows A<first>.. of the test register, in region r1 or r2. */
static void
rows(struct buf *b, int first, int n, const char *r1, const char *r2)
{
	int	 i;

	for (i = first; i < first + n; i++)
		buf_printf(b, "A%d,,%s,,email,%s,,%s,2020-01-%02d,%s,%d,%s,\n",
		    i, i % 3 ? r1 : r2, i % 2 ? "\"tarief;zorg\"" : "zorg",
		    i % 4 ? "aanbesteding" : "\"wachtlijst; aanbesteding\"",
		    1 + i % 28, i % 5 ? "2020-03-01" : "", i % 7,
		    i % 5 ? "geslaagd" : "lopend");
}

/*
 * A register of 20 rows with, between rows 10 and 11, open, then 1,500
 * times brk, then close: something that lies across the middle.
 */
static void
across(struct buf *b, const char *open, const char *brk, const char *close)
{
	int	 i;

	buf_reset(b);
	buf_puts(b, HDR);
	rows(b, 1, 10, "Twente", "Rijnmond");
	buf_puts(b, open);
	for (i = 0; i < 1500; i++)
		buf_puts(b, brk);
	buf_puts(b, close);
	rows(b, 11, 10, "Zeeland", "Twente");
}

/*
 * reg_load() reads a file once, on bets that nearly always win (that
 * it is UTF-8, checked line by line as it is read; that no id repeats,
 * checked by hash), and a large one in two halves at once, on the bet
 * that the second half starts a record and is free of errors.  It
 * falls back to the careful reading when a bet fails.  Whatever the
 * file, the register and the diagnostics must be those of the careful
 * reading in memory (bigreg.c bigreg_load()).
 */
static void
test_file_as_memory(void **state)
{
	/* valid */
	static const char t0[] = HDR
	    "A1,,Twente,,email,tarief,,,2020-01-01,2020-02-01,3,geslaagd,\n"
	    "A2,,twente,,EMAIL,\"Tarief;zorg\",,,2020-01-01,,1,lopend,\n";
	/* a duplicate id, with other errors before and after it */
	static const char t1[] = HDR
	    "A1,,Twente,,email,tarief,,,2020-01-01,2020-02-01,3,geslaagd,\n"
	    "A2,,Twente,,fax,tarief,,,2020-01-01,2020-02-01,3,geslaagd,\n"
	    "A1,,Twente,,email,tarief,,,2020-01-01,2020-02-01,3,geslaagd,\n"
	    "A3,,Twente,,email,tarif,,,2020-01-01,2020-02-01,3,geslaagd,\n";
	/* UTF-8 first, then a Windows-1252 byte, and an error between */
	static const char t2[] = HDR
	    "A1,,Zo\xc3\xabterwoude,,email,tarief,,,2020-01-01,,3,lopend,\n"
	    "A2,,Twente,,emial,tarief,,,2020-01-01,,3,lopend,\n"
	    "A3,,Zo\xebterwoude,,email,tarief,,,2020-01-01,,3,lopend,\n";
	/* a NUL byte in a field, and a malformed quote */
	static const char t3[] = HDR
	    "A1,,Twen\0te,,email,tarief,,,2020-01-01,,3,lopend,\n"
	    "A2,,Twente,,email,ta\"rief,,,2020-01-01,,3,lopend,\n";
	static const struct {
		const char	*s;
		size_t		 len;
	} texts[] = {
		{ t0, sizeof(t0) - 1 }, { t1, sizeof(t1) - 1 },
		{ t2, sizeof(t2) - 1 }, { t3, sizeof(t3) - 1 },
	};
	struct fx	*fx = *state;
	size_t		 i;
	int		 split, ok;

	for (i = 0; i < GEN_NELEM(texts); i++)
		for (split = 0; split < 2; split++) {
			assert_int_equal(same_as_memory(fx, texts[i].s,
			    texts[i].len, split, &ok), split && i == 0);
			/* each case is meant to say something */
			assert_int_equal(ok, i == 0);
		}
}

/* The two halves of a large register (see test_file_as_memory). */
static void
test_two_halves(void **state)
{
	struct fx	*fx = *state;
	struct buf	 b = { NULL, 0, 0 };
	int		 ok;

	/* Valid; regions first seen in the second half come after. */
	buf_puts(&b, HDR);
	rows(&b, 1, 30, "Twente", "Rijnmond");
	rows(&b, 31, 30, "Zeeland", "twente");
	rows(&b, 61, 1, "Noord", "Noord");
	assert_true(same_as_memory(fx, b.s, b.len, 1, &ok));
	assert_true(ok);
	assert_false(same_as_memory(fx, b.s, b.len, 0, &ok));

	/* A row on the header's line, after a carriage return. */
	buf_reset(&b);
	buf_add(&b, HDR, sizeof(HDR) - 2);
	buf_putc(&b, '\r');
	rows(&b, 1, 30, "Twente", "Rijnmond");
	rows(&b, 31, 30, "Zeeland", "twente");
	assert_true(same_as_memory(fx, b.s, b.len, 1, &ok));
	assert_true(ok);

	/* A quoted field's line breaks across the middle of the file. */
	across(&b, "B1,,Twente,,email,\"tarief;", " \r\n\n",
	    "zorg\",,,2020-01-01,,3,lopend,\n");
	assert_false(same_as_memory(fx, b.s, b.len, 1, &ok));
	assert_true(ok);

	/*
	 * A carriage return alone ends a record, and a quoted field opens
	 * after it, across the middle: between records by the callbacks,
	 * inside a quote by the count of quotes.
	 */
	across(&b, "B1,,Twente,,email,zorg,,,2020-01-01,,3,lopend,\r\"B2",
	    "\n", "\",,Twente,,email,zorg,,,2020-01-01,,3,lopend,\n");
	assert_false(same_as_memory(fx, b.s, b.len, 1, &ok));
	assert_true(ok);

	/* Errors in the second half only: reported in their places. */
	buf_reset(&b);
	buf_puts(&b, HDR);
	rows(&b, 1, 40, "Twente", "Rijnmond");
	buf_puts(&b, "B1,,Twente,,fax,zorg,,,2020-01-01,,3,lopend,\n");
	rows(&b, 41, 20, "Zeeland", "twente");
	buf_puts(&b, "B2,,Twente,,email,zorg,,,2020-01-01,,3,lopend\n");
	assert_false(same_as_memory(fx, b.s, b.len, 1, &ok));
	assert_false(ok);

	/* An id of the first half repeated in the second. */
	buf_reset(&b);
	buf_puts(&b, HDR);
	rows(&b, 1, 30, "Twente", "Rijnmond");
	rows(&b, 31, 30, "Zeeland", "twente");
	rows(&b, 7, 1, "Noord", "Noord");
	(void)same_as_memory(fx, b.s, b.len, 1, &ok);
	assert_false(ok);

	/* Windows-1252 in the second half only. */
	buf_reset(&b);
	buf_puts(&b, HDR);
	rows(&b, 1, 30, "Twente", "Rijnmond");
	rows(&b, 31, 30, "Zo\xebterwoude", "twente");
	assert_false(same_as_memory(fx, b.s, b.len, 1, &ok));
	assert_false(ok);
	buf_free(&b);
}

static void
test_error_cap(void **state)
{
	struct fx	*fx = *state;
	struct cap	 cap;
	struct buf	 b = { NULL, 0, 0 };
	const char	*s, *last;
	int		 i, n = 0;

	buf_puts(&b, HDR);
	for (i = 0; i < 210; i++)
		buf_puts(&b, ",,R,,email,tarief,,,2020-01-01,,1,lopend,\n");
	assert_null(load(fx, b.s, &cap));
	for (s = cap_text(&cap); (s = strchr(s, '\n')) != NULL; s++)
		n++;
	assert_int_equal(n, 201);
	last = strstr(cap_text(&cap), "t.csv:202:");
	assert_non_null(last);
	assert_string_equal(last, "t.csv:202: error: too many errors; the "
	    "rest of this file is not reported\n");
	buf_free(&b);
	cap_close(&cap);
}

static void
test_select(void **state)
{
	struct fx	*fx = *state;
	struct cap	 cap;
	struct reg	*r;
	struct regfilter f;
	size_t		*sel, n;
	char		*reg_twente[] = { (char *)"TWENTE" };
	char		*reg_two[] = { (char *)"zuid-limburg", (char *)"Twente" };
	char		*reg_none[] = { (char *)"Drenthe" };
	int16_t		 soort[1];

	r = load(fx, HDR
"A,,Twente,,email,tarief,,,2020-01-06,,1,lopend,\n"
"B,intermediair,twente,,email,tarief,,,2020-02-01,,1,lopend,\n"
"C,,Zuid-Limburg,,email,tarief,,,2019-12-31,,1,lopend,\n"
"D,,Rijnmond,,email,tarief,,,2020-01-05,,1,lopend,\n", &cap);
	assert_text(cap_text(&cap), "");
	assert_non_null(r);

	memset(&f, 0, sizeof(f));
	n = reg_select(r, &f, &sel);
	assert_int_equal(n, 4);
	free(sel);

	f.regio = reg_twente;
	f.nregio = 1;
	n = reg_select(r, &f, &sel);
	assert_int_equal(n, 2);
	assert_int_equal(sel[0], 0);
	assert_int_equal(sel[1], 1);
	free(sel);

	f.regio = reg_two;
	f.nregio = 2;
	n = reg_select(r, &f, &sel);
	assert_int_equal(n, 3);
	assert_int_equal(sel[2], 2);	/* file order */
	free(sel);

	f.regio = reg_none;
	f.nregio = 1;
	assert_int_equal(reg_select(r, &f, &sel), 0);
	free(sel);

	memset(&f, 0, sizeof(f));
	soort[0] = (int16_t)ci(&fx->cb, "soort", "intermediair");
	f.soort = soort;
	f.nsoort = 1;
	n = reg_select(r, &f, &sel);
	assert_int_equal(n, 1);
	assert_int_equal(sel[0], 1);
	free(sel);

	/* periode on start, both ends inclusive */
	memset(&f, 0, sizeof(f));
	f.periode = 1;
	f.from = fmt_days(2020, 1, 5);
	f.to = fmt_days(2020, 2, 1);
	n = reg_select(r, &f, &sel);
	assert_int_equal(n, 3);
	assert_int_equal(sel[0], 0);
	assert_int_equal(sel[1], 1);
	assert_int_equal(sel[2], 3);
	free(sel);
	f.from = fmt_days(2020, 1, 6);
	f.to = fmt_days(2020, 1, 31);
	n = reg_select(r, &f, &sel);
	assert_int_equal(n, 1);
	assert_int_equal(sel[0], 0);
	free(sel);

	/* regio and periode together */
	f.regio = reg_two;
	f.nregio = 2;
	f.from = fmt_days(2019, 1, 1);
	f.to = fmt_days(2019, 12, 31);
	n = reg_select(r, &f, &sel);
	assert_int_equal(n, 1);
	assert_int_equal(sel[0], 2);
	free(sel);

	reg_free(r);
	reg_free(NULL);
	cap_close(&cap);
}

/* --- the codebook ------------------------------------------------------ */

static void
test_codebook_ok(void **state)
{
	struct codebook	 cb;
	struct cap	 cap;
	struct cbcol	*c;

	(void)state;
	cap_open(&cap);
	assert_int_equal(cb_from_text(&cb,
	    "Kolom;CODE; label ;volgorde\n"
	    "themas;Zorg;Zorg;2\n"
	    "themas;tarief;Tarief;1\n"
	    "themas;anders;Anders;\n"
	    "uitkomst;geslaagd;Gelukt;\n", &cap.d), 0);
	assert_text(cap_text(&cap), "");
	c = codebook_col(&cb, "themas");
	assert_non_null(c);
	assert_int_equal(c->n, 3);
	assert_int_equal(c->line, 2);
	/* volgorde, then the row for codes without one (row index * 10) */
	assert_string_equal(c->codes[0].code, "tarief");
	assert_string_equal(c->codes[1].code, "zorg");	/* lower-cased */
	assert_string_equal(c->codes[2].code, "anders");
	assert_int_equal(c->codes[2].volgorde, 30);
	assert_int_equal(c->codes[0].line, 3);
	/* built-in codes where the file lists none, after the file's */
	c = codebook_col(&cb, "uitkomst");
	assert_int_equal(c->n, 5);
	assert_string_equal(c->codes[0].code, "geslaagd");
	assert_string_equal(c->codes[0].label, "Gelukt");
	assert_string_equal(c->codes[1].code, "deels");
	assert_string_equal(c->codes[1].label, "Deels geslaagd");
	assert_string_equal(c->codes[4].code, "lopend");
	assert_int_equal(c->codes[4].line, 0);
	assert_int_equal(codebook_find(codebook_col(&cb, "soort"),
	    "bemiddeling"), 0);
	assert_int_equal(codebook_find(codebook_col(&cb, "escalatie"),
	    "geen"), 0);
	assert_null(codebook_col(&cb, "partijen"));
	assert_int_equal(codebook_find(NULL, "x"), -1);
	codebook_free(&cb);
	codebook_free(NULL);
	cap_close(&cap);
}

static void
test_codebook_errors(void **state)
{
	struct codebook	 cb;
	struct cap	 cap;

	(void)state;
	cap_open(&cap);
	assert_int_equal(cb_from_text(&cb,
	    "kolom,code,label,volgorde,kleur\n"
	    "themas,tarief,Tarief,1,#aabbcc\n"
	    "themas,Tarief,Tarief nogmaals,2,\n"
	    "hoofdthema,tarief,Tarief,1,\n"
	    "uitkomst,gelukt,Gelukt,1,\n"
	    "uitkomst,geslaagt,Geslaagd,1,\n"
	    "themas,zorg,Zorg,eerste,\n"
	    "themas,vertrouwen,Vertrouwen,3,rood\n"
	    "themas,perspectief,Perspectief,4,#12345\n"
	    "themas,,Leeg,5,\n"
	    "themas,inkoop,,6,\n"
	    "themas,in koop,Inkoop,7,\n"
	    ",los,Los,8,\n"
	    "themas,kort,Kort\n"
	    "themas,goed,Goed,9,#ABCDEF\n", &cap.d), -1);
	assert_text(cap_text(&cap),
"codes.csv:3:8: error: code 'tarief' listed twice for column themas (first on line 2)\n"
"codes.csv:4:1: error: hoofdthema takes its codes and labels from themas; list them under 'themas'\n"
"codes.csv:5:10: error: uitkomst has five fixed codes (geslaagd, deels, niet-geslaagd, geweigerd, lopend); 'gelukt' is not one\n"
"codes.csv:6:10: error: uitkomst has five fixed codes (geslaagd, deels, niet-geslaagd, geweigerd, lopend); 'geslaagt' is not one; did you mean 'geslaagd'?\n"
"codes.csv:7:18: error: volgorde must be a whole number\n"
"codes.csv:8:32: error: kleur must be #rrggbb\n"
"codes.csv:9:34: error: kleur must be #rrggbb\n"
"codes.csv:10:8: error: empty code\n"
"codes.csv:11:15: error: empty label\n"
"codes.csv:12:8: error: code 'in koop' may hold only letters, digits, '-', '_' and '.'\n"
"codes.csv:13:1: error: empty kolom\n"
"codes.csv:14:1: error: row has 3 fields; the header has 5\n");
	/* the good row is kept, its colour lower-cased */
	assert_string_equal(codebook_col(&cb, "themas")->codes[
	    codebook_find(codebook_col(&cb, "themas"), "goed")].kleur,
	    "#abcdef");
	codebook_free(&cb);
	cap_close(&cap);

	/* a codebook without label */
	cap_open(&cap);
	assert_int_equal(cb_from_text(&cb, "kolom,code\nthemas,x\n", &cap.d),
	    -1);
	assert_text(cap_text(&cap),
	    "codes.csv:1:1: error: missing required column 'label' (the "
	    "codebook needs kolom, code and label)\n");
	codebook_free(&cb);
	cap_close(&cap);

	/* no codes.csv at all */
	cap_open(&cap);
	assert_int_equal(codebook_load(&cb, "/nonexistent", "/nonexistent/codes.csv",
	    "content/codes.csv", &cap.d), -1);
	assert_text(cap_text(&cap),
	    "content/codes.csv: error: cannot read: No such file or "
	    "directory\n");
	codebook_free(&cb);
	cap_close(&cap);
}

/* A codebook column no data file uses is an error (spec 2.2). */
static void
test_codebook_unused(void **state)
{
	struct codebook	 cb;
	struct cap	 cap;
	struct reg	*r;

	(void)state;
	cap_open(&cap);
	assert_int_equal(cb_from_text(&cb,
	    "kolom,code,label\n"
	    "signaal,email,E-mail\n"
	    "themas,tarief,Tarief\n"
	    "thema,zorg,Zorg\n"
	    "partijen,gemeente-gemeente,Gemeenten\n"
	    "uitkomst,lopend,Lopend\n", &cap.d), 0);
	r = reg_load_mem("id,regio,signaal,themas,start,gesprekken,uitkomst\n"
	    "1,R,email,tarief,2020-01-01,0,lopend\n", 87, "t.csv", &cb,
	    &cap.d);
	assert_text(cap_text(&cap), "");
	assert_non_null(r);
	/* partijen: no data file has the column; thema: a typo */
	assert_int_equal(codebook_check_used(&cb, &cap.d), 2);
	assert_text(cap_text(&cap),
	    "codes.csv:4:1: error: column 'thema' is not a code column of "
	    "any data file\n"
	    "codes.csv:5:1: error: column 'partijen' is not a code column of "
	    "any data file\n");
	reg_free(r);
	codebook_free(&cb);
	cap_close(&cap);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_all_errors_one_run),
		cmocka_unit_test(test_valid_and_defaults),
		cmocka_unit_test(test_multi_duplicates),
		cmocka_unit_test(test_header_problems),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_csv_problems),
		cmocka_unit_test(test_error_cap),
		cmocka_unit_test(test_file_as_memory),
		cmocka_unit_test(test_two_halves),
		cmocka_unit_test(test_select),
		cmocka_unit_test(test_codebook_ok),
		cmocka_unit_test(test_codebook_errors),
		cmocka_unit_test(test_codebook_unused),
	};

	return cmocka_run_group_tests_name("register", tests, setup,
	    teardown);
}
