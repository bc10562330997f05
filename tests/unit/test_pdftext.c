/*
 * test_pdftext.c: unit tests of the PDF's running text: Dutch
 * hyphenation (hyph.c, libhyphen with the ISO-8859-1 hyph_nl_NL
 * patterns) and line breaking of justified body text (pdf.c) with the
 * shipped fonts.  Run from the repository root, or set GEN_FONTDIR.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fonts.h"
#include "hyph.h"
#include "pdf.h"
#include "util.h"

#define SHY	"\xc2\xad"

/* Group state. */
struct fx {
	struct fonts	*fonts;		/* shipped faces */
	struct hyph	*hyph;		/* Dutch patterns */
};

static int
setup(void **state)
{
	struct fx	*fx = xcalloc(1, sizeof(*fx));
	const char	*d = getenv("GEN_FONTDIR");

	fx->fonts = fonts_new(d != NULL ? d : "assets/fonts");
	fx->hyph = hyph_new(HYPH_NL_DIC);
	if (fx->fonts == NULL || fx->hyph == NULL) {
		fprintf(stderr, "test_pdftext: needs assets/fonts and %s\n",
		    HYPH_NL_DIC);
		return -1;
	}
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx	*fx = *state;

	fonts_free(fx->fonts);
	hyph_free(fx->hyph);
	free(fx);
	return 0;
}

/* The text with soft hyphens shown as '=', non-joiners as '|'. */
static char *
shown(const struct hyph *h, const char *s)
{
	struct buf	 in = { NULL, 0, 0 }, out = { NULL, 0, 0 };
	const char	*p;

	hyph_add(h, &in, s, strlen(s));
	for (p = in.s; p != NULL && *p != '\0'; p++) {
		if (strncmp(p, SHY, 2) == 0) {
			buf_putc(&out, '=');
			p++;
		} else if (strncmp(p, "\xe2\x80\x8c", 3) == 0) {
			buf_putc(&out, '|');
			p += 2;
		} else
			buf_putc(&out, *p);
	}
	buf_free(&in);
	return out.s != NULL ? buf_detach(&out) : xstrdup("");
}

static void
test_hyph_compound(void **state)
{
	struct fx	*fx = *state;
	char		*s;

	s = shown(fx->hyph, "jeugdhulpaanbieders");
	assert_string_equal(s, "jeugd=hulp=aan=bie=ders");
	free(s);
	/* The dictionary is Latin-1: diacritics survive the round trip. */
	s = shown(fx->hyph, "financiële");
	assert_string_equal(s, "fi=nan=ci=\xc3\xab" "le");
	free(s);
	s = shown(fx->hyph, "Jeugdautoriteit");
	assert_string_equal(s, "Jeugd=au=to=ri=teit");
	free(s);
}

/*
 * Dutch minimums: two letters before a break, three after, words of
 * fewer than six letters untouched.
 */
static void
test_hyph_minimums(void **state)
{
	struct fx	*fx = *state;
	static const char *const words[] = {
		"bemiddelingstrajecten", "verantwoordelijkheid", "gemeenten",
		"samenwerking", "escalatieladder", "regio", "tarief", "een",
		"jeugdhulpregio", "aanbod", "ouders"
	};
	size_t		 i, n, lead, tail;
	char		*s, *eq;

	for (i = 0; i < GEN_NELEM(words); i++) {
		s = shown(fx->hyph, words[i]);
		n = strlen(s);
		if ((eq = strchr(s, '=')) != NULL) {
			lead = (size_t)(eq - s);
			tail = n - (size_t)(strrchr(s, '=') - s) - 1;
			assert_true(lead >= 2);
			assert_true(tail >= 3);
		}
		if (strlen(words[i]) < 6)
			assert_null(eq);
		free(s);
	}
}

/* No ligature across a break: a non-joiner before a break after f. */
static void
test_hyph_ligature(void **state)
{
	struct fx	*fx = *state;
	char		*s;

	s = shown(fx->hyph, "afhankelijk");
	assert_string_equal(s, "af|=han=ke=lijk");
	free(s);
	s = shown(fx->hyph, "griffier");
	assert_non_null(strstr(s, "f|="));
	free(s);
}

/* What must not be hyphenated: acronyms, numbers, non-Latin-1 words. */
static void
test_hyph_untouched(void **state)
{
	struct fx	*fx = *state;
	static const char *const same[] = {
		"OZJ VNG JenV", "2020-12-01 1.234 96%",
		"\xc4\xb3sbeerverdediging",	/* starts with U+0133 */
		"omaatje",			/* needs a spelling change */
		"", "  \n\t"
	};
	size_t		 i;
	char		*s;

	for (i = 0; i < GEN_NELEM(same); i++) {
		s = shown(fx->hyph, same[i]);
		assert_string_equal(s, same[i]);
		free(s);
	}
	/* Around punctuation the word alone is hyphenated. */
	s = shown(fx->hyph, "(jeugdhulp), \xe2\x80\x98tarief\xe2\x80\x99.");
	assert_string_equal(s, "(jeugd=hulp), \xe2\x80\x98ta=rief\xe2\x80\x99.");
	free(s);
	/* Without a dictionary the text is copied. */
	s = shown(NULL, "jeugdhulpaanbieders");
	assert_string_equal(s, "jeugdhulpaanbieders");
	free(s);
}

static const char para[] =
    "De veranderopgave Contracteren vanuit de bedoeling wil dat deze "
    "manier van werken ook terugkomt in de inkoop en contractering van "
    "jeugdhulp. Gemeenten hebben daarvoor een heldere visie op "
    "jeugdhulp nodig, regionale samenwerking en de inbreng van "
    "jongeren, ouders en professionals. Van aanbieders vraagt de "
    "opgave goed bestuur, verantwoordelijkheid voor het netwerk rond "
    "een gezin en de bereidheid om specialistische hulp om te vormen "
    "tot hulp dichter bij huis.";

/* Joins broken lines back: a trailing hyphen joins without a space. */
static char *
rejoin(char **lines, size_t n, int *hyphenated)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i, len;

	*hyphenated = 0;
	for (i = 0; i < n; i++) {
		len = strlen(lines[i]);
		if (len > 0 && lines[i][len - 1] == '-') {
			buf_add(&b, lines[i], len - 1);
			(*hyphenated)++;
		} else {
			buf_puts(&b, lines[i]);
			if (i + 1 < n)
				buf_putc(&b, ' ');
		}
	}
	return buf_detach(&b);
}

static void
free_lines(char **lines, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

/* Lines fit the measure, keep every word, and break words at hyphens. */
static void
test_break_lines(void **state)
{
	struct fx	*fx = *state;
	struct pdf_opts	 o;
	char		**lines, *back;
	size_t		 n, i;
	int		 hy;

	memset(&o, 0, sizeof(o));
	o.fonts = fx->fonts;
	o.hyph = fx->hyph;
	lines = pdf_break_lines(&o, para, 180, &n);
	assert_true(n >= 8);
	for (i = 0; i < n; i++) {
		assert_true(lines[i][0] != '\0' && lines[i][0] != ' ');
		assert_true(fonts_width(fx->fonts, lines[i], 10.5, 0) <=
		    180 + 0.5);
	}
	back = rejoin(lines, n, &hy);
	assert_string_equal(back, para);
	assert_true(hy >= 1);
	free(back);
	free_lines(lines, n);

	/* Wider: fewer lines; every line but the last well filled. */
	lines = pdf_break_lines(&o, para, 430, &n);
	assert_true(n >= 4 && n <= 7);
	for (i = 0; i + 1 < n; i++)
		assert_true(fonts_width(fx->fonts, lines[i], 10.5, 0) > 380);
	free_lines(lines, n);

	/* Without hyphenation no word is broken. */
	o.hyph = NULL;
	lines = pdf_break_lines(&o, para, 180, &n);
	back = rejoin(lines, n, &hy);
	assert_int_equal(hy, 0);
	assert_string_equal(back, para);
	free(back);
	free_lines(lines, n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hyph_compound),
		cmocka_unit_test(test_hyph_minimums),
		cmocka_unit_test(test_hyph_ligature),
		cmocka_unit_test(test_hyph_untouched),
		cmocka_unit_test(test_break_lines),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
