/*
 * test_doc.c: unit tests of the document (doc.c, spec 3): {{ }}
 * values and their diagnostics at the right line and column (index.md
 * lines come after the front matter), {{ in code left alone, chart and
 * table blocks and their errors, callouts, heading ids and numbers.
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

#include "codes.h"
#include "diag.h"
#include "backend.h"
#include "chart.h"
#include "doc.h"
#include "edition.h"
#include "register.h"
#include "stats.h"
#include "url.h"
#include "util.h"

#include "tutil.h"

static const char DCB[] =
    "kolom,code,label,volgorde\n"
    "signaal,email,Per e-mail,1\n"
    "signaal,telefoon,Per telefoon,2\n"
    "themas,tarief,Tarief,1\n"
    "themas,zorg,Zorg,2\n";

#define HDR "id,regio,signaal,themas,start,eind,gesprekken,uitkomst\n"

/* Six trajectories: email 4, telefoon 2; tarief 5, zorg 2; 5 afgerond. */
static const char DREG[] = HDR
    "1,R,email,tarief,2020-01-01,2020-01-11,2,geslaagd\n"
    "2,R,email,tarief,2020-01-01,2020-01-21,4,geslaagd\n"
    "3,R,email,\"tarief;zorg\",2020-02-01,2020-02-11,3,deels\n"
    "4,R,email,tarief,2021-01-01,2021-01-31,1,niet-geslaagd\n"
    "5,R,telefoon,tarief,2021-03-01,2021-03-02,0,geweigerd\n"
    "6,R,telefoon,zorg,2021-04-01,,5,lopend\n";

/* Group state: codebook, register and metrics shared by the tests. */
struct fx {
	struct codebook	 cb;
	struct reg	*reg;
	size_t		*sel;
	struct stats	*st;
	char		*dir;	/* temporary folder for chapter files */
};

static int
setup(void **state)
{
	struct fx	*fx = xcalloc(1, sizeof(*fx));
	struct regfilter f;
	struct cap	 cap;
	size_t		 n;

	cap_open(&cap);
	if (cb_from_text(&fx->cb, DCB, &cap.d) != 0)
		return -1;
	fx->reg = reg_load_mem(DREG, strlen(DREG), "t.csv", &fx->cb, &cap.d);
	if (fx->reg == NULL) {
		fprintf(stderr, "%s", cap_text(&cap));
		return -1;
	}
	cap_close(&cap);
	memset(&f, 0, sizeof(f));
	n = reg_select(fx->reg, &f, &fx->sel);
	fx->st = stats_new(&fx->cb, fx->reg, fx->sel, n, NULL, 0, 1);
	fx->dir = xstrdup("/tmp/gen-doc-XXXXXX");
	if (mkdtemp(fx->dir) == NULL)
		return -1;
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx	*fx = *state;

	stats_free(fx->st);
	free(fx->sel);
	reg_free(fx->reg);
	codebook_free(&fx->cb);
	util_rmtree(fx->dir);
	free(fx->dir);
	free(fx);
	return 0;
}

/*
 * An edition whose index.md body is body (starting on line
 * body_line + 1 of index.md) and with chapters given as texts.
 */
struct ted {
	struct edition	 e;
	struct cap	 cap;
	int		 nerr;	/* doc_build's return */
};

static void
ted_build(struct ted *t, struct fx *fx, const char *body, int body_line,
    const char *const *chapters, size_t nch, int unsafe)
{
	size_t	 i;
	char	 name[32];

	memset(t, 0, sizeof(*t));
	t->e.index_path = xstrdup("ed/index.md");
	t->e.body = xstrdup(body);
	t->e.body_line = body_line;
	t->e.stats = fx->st;
	t->e.root = fx->dir;
	t->e.meta.unsafe_html = unsafe;
	t->e.chapters = xcalloc(nch ? nch : 1, sizeof(char *));
	for (i = 0; i < nch; i++) {
		snprintf(name, sizeof(name), "%02zu-h.md", i + 1);
		t->e.chapters[i] = util_path_join(fx->dir, name);
		assert_int_equal(util_write_file(t->e.chapters[i],
		    chapters[i], strlen(chapters[i])), 0);
	}
	t->e.nchapters = nch;
	cap_open(&t->cap);
	t->nerr = doc_build(&t->e, &t->cap.d);
}

static void
ted_free(struct ted *t)
{
	size_t	 i;

	doc_free(t->e.doc);
	for (i = 0; i < t->e.nchapters; i++) {
		unlink(t->e.chapters[i]);
		free(t->e.chapters[i]);
	}
	free(t->e.chapters);
	free(t->e.body);
	free(t->e.index_path);
	cap_close(&t->cap);
}

/* The tree of part (the tree back-end's lines under it; caller frees). */
static char *
tree(struct ted *t, size_t part)
{
	struct backend_opts	 o;
	struct backend_in	 in;
	struct buf		 b = { NULL, 0, 0 };
	const struct dnode	*p;
	char			*s, *at, *end, *path;
	void			*r;

	memset(&o, 0, sizeof(o));
	memset(&in, 0, sizeof(in));
	in.e = &t->e;
	r = backend_tree.new(&o);
	assert_int_equal(backend_tree.rndr(r, &in, &b, NULL), 0);
	backend_tree.free(r);
	for (p = t->e.doc->root->first; p != NULL && part > 0; p = p->next)
		part--;
	assert_non_null(p);
	path = xasprintf("\n  part path=\"%s\"", p->path);
	at = strstr(b.s, path);
	free(path);
	assert_non_null(at);
	at = strchr(at + 1, '\n') + 1;
	/* Up to the next line at the part's depth. */
	for (end = at; *end != '\0' && strncmp(end, "    ", 4) == 0;
	    end = strchr(end, '\n') + 1)
		continue;
	s = xstrndup(at, (size_t)(end - at));
	buf_free(&b);
	return s;
}

/* The first node of a type under n, in document order, after skip. */
static const struct dnode *
find(const struct dnode *n, enum dn_type type, size_t *skip)
{
	const struct dnode	*c, *f;

	if (n->type == type && (*skip)-- == 0)
		return n;
	for (c = n->first; c != NULL; c = c->next)
		if ((f = find(c, type, skip)) != NULL)
			return f;
	return NULL;
}

static const struct dnode *
first_of(struct ted *t, enum dn_type type, size_t skip)
{
	return find(t->e.doc->root, type, &skip);
}

static void
test_values(void **state)
{
	struct ted	 t;
	char		*h;

	ted_build(&t, *state,
	    "Er zijn {{ aantal }} trajecten, {{afgerond}} afgerond; "
	    "{{ succes.pct }} geslaagd.\n"
	    "\n"
	    "Vaakst: *{{ themas.top }}* ({{themas.tarief.pct}}), "
	    "**{{ signaal.email.aantal }}** per e-mail.\n", 4, NULL, 0, 0);
	assert_text(cap_text(&t.cap), "");
	assert_int_equal(t.nerr, 0);
	h = tree(&t, 0);
	/* 2 of 5 afgerond geslaagd; tarief in 5 of 6; values are nodes */
	assert_text(h,
	    "    para @5:1\n"
	    "      text @5:1 \"Er zijn \"\n"
	    "      value @5:9 metric=\"aantal\" shown \"6\"\n"
	    "      text @5:21 \" trajecten, \"\n"
	    "      value @5:33 metric=\"afgerond\" shown \"5\"\n"
	    "      text @5:45 \" afgerond; \"\n"
	    "      value @5:56 metric=\"succes.pct\" shown \"40%\"\n"
	    "      text @5:72 \" geslaagd.\"\n"
	    "    para @7:1\n"
	    "      text @7:1 \"Vaakst: \"\n"
	    "      emph @7:9\n"
	    "        value @7:10 metric=\"themas.top\" shown \"Tarief\"\n"
	    "      text @7:27 \" (\"\n"
	    "      value @7:29 metric=\"themas.tarief.pct\" shown \"83%\"\n"
	    "      text @7:50 \"), \"\n"
	    "      strong @7:53\n"
	    "        value @7:55 metric=\"signaal.email.aantal\" shown \"4\"\n"
	    "      text @7:83 \" per e-mail.\"\n");
	free(h);
	ted_free(&t);
}

/* {{ in code spans and code blocks stays as written. */
static void
test_values_not_in_code(void **state)
{
	struct ted	 t;
	char		*h;

	ted_build(&t, *state,
	    "Schrijf `{{ aantal }}` voor {{ aantal }}.\n"
	    "\n"
	    "```\n"
	    "{{ aantal }} en {{ onbekend }}\n"
	    "```\n"
	    "\n"
	    "    {{ ingesprongen }}\n", 4, NULL, 0, 0);
	assert_text(cap_text(&t.cap), "");
	h = tree(&t, 0);
	assert_text(h,
	    "    para @5:1\n"
	    "      text @5:1 \"Schrijf \"\n"
	    "      codespan @5:10 \"{{ aantal }}\"\n"
	    "      text @5:23 \" voor \"\n"
	    "      value @5:29 metric=\"aantal\" shown \"6\"\n"
	    "      text @5:41 \".\"\n"
	    "    code @7:1 fenced \"{{ aantal }} en {{ onbekend }}\\n\"\n"
	    "    code @11:5 \"{{ ingesprongen }}\\n\"\n");
	free(h);
	ted_free(&t);
}

/* An ordered list's delimiter, which the PDF's item marks show. */
static void
test_list_delim(void **state)
{
	struct ted	 t;
	char		*h;

	ted_build(&t, *state, "1) een\n2) twee\n\n3. drie\n", 4, NULL,
	    0, 0);
	assert_text(cap_text(&t.cap), "");
	h = tree(&t, 0);
	assert_text(h,
	    "    list @5:1 ordered start=1 delim=) tight\n"
	    "      item @5:1\n"
	    "        para @5:4 tight\n"
	    "          text @5:4 \"een\"\n"
	    "      item @6:1\n"
	    "        para @6:4 tight\n"
	    "          text @6:4 \"twee\"\n"
	    "    list @8:1 ordered start=3 tight\n"
	    "      item @8:1\n"
	    "        para @8:4 tight\n"
	    "          text @8:4 \"drie\"\n");
	free(h);
	ted_free(&t);
}

/*
 * Unknown names at their line and column in the file.  index.md has
 * four lines of front matter here, so body line 1 is line 5.
 */
static void
test_unknown_value_position(void **state)
{
	struct ted	 t;
	static const char *const ch[] = {
	    "# Hoofdstuk\n"
	    "\n"
	    "Tekst {{ aantal }} en {{ sucess.pct }}.\n"	/* 3 */
	    "Tweede regel met {{ duur.mediaam }}\n"	/* 4 */
	    "\n"
	    "- punt {{ lopnd }}\n"			/* 6 */
	    "\n"
	    "> citaat **vet** {{ themas.tarief.pctt }}\n"	/* 8 */
	};

	ted_build(&t, *state,
	    "# Titel\n"				/* 5 */
	    "\n"
	    "Er zijn {{ aantl }} trajecten.\n"	/* 7 */
	    "\n"
	    "{{ geheel.onbekend }}\n", 4, ch, 1, 0);	/* 9 */
	assert_int_equal(t.nerr, 6);
	{
		char *want = xasprintf(
		    "ed/index.md:7:9: error: unknown value 'aantl'; did you mean 'aantal'?\n"
		    "ed/index.md:9:1: error: unknown value 'geheel.onbekend'\n"
		    "%s/01-h.md:3:23: error: unknown value 'sucess.pct'; did you mean 'succes.pct'?\n"
		    "%s/01-h.md:4:18: error: unknown value 'duur.mediaam'; did you mean 'duur.mediaan'?\n"
		    "%s/01-h.md:6:8: error: unknown value 'lopnd'; did you mean 'lopend'?\n"
		    "%s/01-h.md:8:18: error: unknown value 'themas.tarief.pctt'; did you mean 'themas.tarief.pct'?\n",
		    ((struct fx *)*state)->dir, ((struct fx *)*state)->dir,
		    ((struct fx *)*state)->dir, ((struct fx *)*state)->dir);

		assert_text(cap_text(&t.cap), want);
		free(want);
	}
	ted_free(&t);
}

/* Escapes and entities before a value do not shift its column. */
static void
test_value_position_after_escapes(void **state)
{
	struct ted	 t;

	ted_build(&t, *state,
	    "Prijs &euro; 5 \\* {{ aantl }}\n"		/* 5 */
	    "\n"
	    "[link](https://x.nl) en `code` {{ lopnd }}\n", 4, NULL, 0, 0);
	assert_text(cap_text(&t.cap),
	    "ed/index.md:5:19: error: unknown value 'aantl'; did you mean 'aantal'?\n"
	    "ed/index.md:7:32: error: unknown value 'lopnd'; did you mean 'lopend'?\n");
	ted_free(&t);
}

static void
test_unclosed_value(void **state)
{
	struct ted	 t;

	ted_build(&t, *state, "Tekst {{ aantal en verder.\n", 4, NULL, 0,
	    0);
	assert_int_equal(t.nerr, 1);
	assert_text(cap_text(&t.cap),
	    "ed/index.md:5:7: error: '{{' is not closed by '}}'\n");
	ted_free(&t);
}

static void
test_chart_block(void **state)
{
	struct ted		 t;
	const struct dnode	*n;

	ted_build(&t, *state,
	    "```chart\n"
	    "type: bar\n"
	    "data: signaal\n"
	    "value: aantal\n"
	    "title: Hoe het signaal binnenkwam\n"
	    "```\n"
	    "\n"
	    "```table\n"
	    "data: themas\n"
	    "columns: [aantal, pct]\n"
	    "title: Thema's\n"
	    "```\n"
	    "\n"
	    "```chart\n"
	    "type: hbar\n"
	    "data: themas\n"
	    "value: pct\n"
	    "title: Thema's in procenten\n"
	    "```\n", 4, NULL, 0, 0);
	assert_text(cap_text(&t.cap), "");
	assert_int_equal(t.nerr, 0);
	assert_int_equal(t.e.doc->nfig, 2);
	assert_int_equal(t.e.doc->ntab, 1);

	n = first_of(&t, DN_FIGURE, 0);
	assert_non_null(n);
	assert_int_equal(n->chart->number, 1);
	assert_int_equal(n->chart->type, CHART_BAR);
	assert_string_equal(n->chart->title, "Hoe het signaal binnenkwam");
	assert_int_equal(n->chart->ncat, 2);
	assert_string_equal(n->chart->cat[0].label, "Per e-mail");
	assert_string_equal(n->chart->cell[0].shown, "4");
	assert_string_equal(n->chart->cell[1].shown, "2");

	n = first_of(&t, DN_DATA, 0);
	assert_non_null(n);
	assert_int_equal(n->table->number, 1);
	assert_int_equal(n->table->nrows, 2);
	assert_string_equal(n->table->rows[0].label, "Tarief");
	assert_string_equal(n->table->rows[0].count, "5");
	assert_string_equal(n->table->rows[0].pct, "83%");
	assert_string_equal(n->table->rows[1].count, "2");
	assert_string_equal(n->table->rows[1].pct, "33%");
	assert_string_equal(n->table->total.count, "6");
	assert_non_null(n->table->note);	/* multi-valued: shares add up to more */

	n = first_of(&t, DN_FIGURE, 1);
	assert_non_null(n);
	assert_int_equal(n->chart->number, 2);
	assert_int_equal(n->chart->type, CHART_HBAR);
	assert_true(n->chart->pct);
	assert_string_equal(n->chart->cell[0].shown, "83%");
	ted_free(&t);
}

/*
 * Block errors: every one reported, at the line of the key (the
 * fence is body line 1, so index.md line 5).
 */
static void
test_block_errors(void **state)
{
	struct ted	 t;

	ted_build(&t, *state,
	    "```chart\n"			/* 5 */
	    "type: bars\n"			/* 6 */
	    "data: themas\n"
	    "titel: Fout\n"			/* 8 */
	    "title: Goed\n"
	    "```\n"
	    "\n"
	    "```chart\n"			/* 12 */
	    "type: bar\n"
	    "title: Zonder data\n"
	    "```\n"
	    "\n"
	    "```chart\n"			/* 17 */
	    "type: bar\n"
	    "data: themaz\n"
	    "title: Onbekend\n"
	    "```\n"
	    "\n"
	    "```table\n"			/* 23 */
	    "data: signaal\n"
	    "columns: [aantal, procent]\n"	/* 25 */
	    "title: Tabel\n"
	    "```\n"
	    "\n"
	    "```chart\n"			/* 29 */
	    "type: histogram\n"
	    "data: duur\n"
	    "bin: nul\n"			/* 32 */
	    "value: hoeveel\n"			/* 33 */
	    "```\n"
	    "\n"
	    "```chart\n"			/* 36 */
	    "- type\n"
	    "```\n", 4, NULL, 0, 0);
	assert_text(cap_text(&t.cap),
	    "ed/index.md:6:7: error: unknown chart type 'bars'; did you mean 'bar'? (bar, hbar, stacked, histogram, donut, line)\n"
	    "ed/index.md:8:1: error: unknown key 'titel' in chart block; did you mean 'title'?\n"
	    "ed/index.md:13:1: error: chart block needs 'data:'\n"
	    "ed/index.md:18:1: error: unknown data 'themaz': use a code column (soort, partijen, signaal, themas, hoofdthema, aanleiding, uitkomst, escalatie), duur, gesprekken or <table>.<column>\n"
	    "ed/index.md:25:10: error: columns: 'procent' is not aantal or pct\n"
	    "ed/index.md:32:6: error: bin must be a whole number from 1 to 100000\n"
	    "ed/index.md:33:8: error: value must be aantal or pct, not 'hoeveel'\n"
	    "ed/index.md:30:1: error: chart block needs 'title:'\n"
	    "ed/index.md:37:1: error: a chart block holds lines 'key: value' (data:, title:, ...)\n");
	assert_int_equal(t.nerr, 6);
	assert_int_equal(t.e.doc->nfig, 0);
	assert_int_equal(t.e.doc->ntab, 0);
	ted_free(&t);
}

/* The block parser alone. */
static void
test_parse_block(void **state)
{
	struct blockspec bs;
	struct cap	 cap;

	(void)state;
	cap_open(&cap);
	assert_int_equal(doc_parse_block("type: stacked\ndata: themas\n"
	    "by: jaar\nvalue: pct\norder: codebook\ntitle: T\n", 0, "x.md",
	    10, &bs, &cap.d), 0);
	assert_int_equal(bs.type, CHART_STACKED);
	assert_string_equal(bs.data, "themas");
	assert_true(bs.by_year);
	assert_true(bs.pct);
	assert_true(bs.order_codebook);
	assert_string_equal(bs.title, "T");
	doc_free_block(&bs);

	/* a table without columns shows both */
	assert_int_equal(doc_parse_block("data: duur\nbin: 30\ntitle: D\n", 1,
	    "x.md", 10, &bs, &cap.d), 0);
	assert_true(bs.col_count);
	assert_true(bs.col_pct);
	assert_true(bs.bin == 30);
	doc_free_block(&bs);
	assert_int_equal(doc_parse_block("data: duur\ncolumns: pct\n"
	    "title: D\n", 1, "x.md", 10, &bs, &cap.d), 0);
	assert_false(bs.col_count);
	assert_true(bs.col_pct);
	doc_free_block(&bs);
	assert_text(cap_text(&cap), "");

	/* type is a chart key, not a table key; title is required */
	assert_int_equal(doc_parse_block("type: bar\ndata: themas\n", 1,
	    "x.md", 10, &bs, &cap.d), -1);
	assert_text(cap_text(&cap),
	    "x.md:10:1: error: unknown key 'type' in table block\n"
	    "x.md:10:1: error: table block needs 'title:'\n");
	doc_free_block(&bs);
	cap_reset(&cap);

	assert_int_equal(doc_parse_block("data: themas\ntitle: T\nby: regio\n",
	    0, "x.md", 10, &bs, &cap.d), -1);
	assert_text(cap_text(&cap),
	    "x.md:12:5: error: by: only 'jaar' (start year) is supported, not 'regio'\n");
	doc_free_block(&bs);
	cap_reset(&cap);

	assert_int_equal(doc_parse_block("data: themas\ntitle: T\n", 0, "x.md",
	    10, &bs, &cap.d), -1);
	assert_text(cap_text(&cap), "x.md:10:1: error: chart block needs "
	    "'type:' (bar, hbar, stacked, histogram, donut, line)\n");
	doc_free_block(&bs);
	cap_reset(&cap);

	assert_int_equal(doc_parse_block("type: [bar\n", 0, "x.md", 10, &bs,
	    &cap.d), -1);
	assert_non_null(strstr(cap_text(&cap), "error: chart block is not "
	    "valid YAML: "));
	doc_free_block(&bs);
	cap_close(&cap);
}

static void
test_callouts(void **state)
{
	struct ted		 t;
	const struct dnode	*q;
	char			*h;

	ted_build(&t, *state,
	    "> [!kader] Naast de ladder\n"
	    "> De tekst van het kader.\n"
	    "\n"
	    "> [!let-op]\n"
	    "> Zonder titel.\n"
	    "\n"
	    "> [!samenvatting] In het kort: {{ aantal }} trajecten\n"
	    "> - een\n"
	    "\n"
	    "> [!kadr] Verschrijving\n"		/* 14 */
	    "\n"
	    "> Een gewone quote.\n", 4, NULL, 0, 0);
	assert_text(cap_text(&t.cap),
	    "ed/index.md:14:3: warning: '[!kadr]' is not a callout kind, so "
	    "this stays a block quote; did you mean 'kader'?\n");
	assert_int_equal(t.nerr, 0);

	/* the marker line is gone, the rest stays */
	h = tree(&t, 0);
	assert_text(h,
	    "    callout @5:1 kind=kader title=\"Naast de ladder\"\n"
	    "      para @5:3\n"
	    "        text @6:3 \"De tekst van het kader.\"\n"
	    "    callout @8:1 kind=let-op title=\"Let op\"\n"
	    "      para @8:3\n"
	    "        text @9:3 \"Zonder titel.\"\n"
	    "    callout @11:1 kind=samenvatting title=\"In het kort: 6 "
	    "trajecten\"\n"
	    "      list @12:3 tight\n"
	    "        item @12:3\n"
	    "          para @12:5 tight\n"
	    "            text @12:5 \"een\"\n"
	    "    quote @14:1\n"
	    "      para @14:3\n"
	    "        text @14:3 \"[!kadr] Verschrijving\"\n"
	    "    quote @16:1\n"
	    "      para @16:3\n"
	    "        text @16:3 \"Een gewone quote.\"\n");
	free(h);
	q = first_of(&t, DN_CALLOUT, 0);
	assert_non_null(q);
	assert_int_equal(q->callout, CO_KADER);
	assert_string_equal(q->title, "Naast de ladder");
	q = first_of(&t, DN_CALLOUT, 1);
	assert_int_equal(q->callout, CO_LET_OP);
	assert_string_equal(q->title, "Let op");	/* the kind's name */
	q = first_of(&t, DN_CALLOUT, 2);
	assert_int_equal(q->callout, CO_SAMENVATTING);
	assert_string_equal(q->title, "In het kort: 6 trajecten");
	assert_null(first_of(&t, DN_CALLOUT, 3));
	assert_non_null(first_of(&t, DN_QUOTE, 1));
	assert_null(first_of(&t, DN_QUOTE, 2));
	assert_string_equal(doc_callout_find("vraag")->label, "Vraag");
	assert_int_equal(doc_callout_find("vraag")->kind, CO_VRAAG);
	assert_null(doc_callout_find("kadr"));
	ted_free(&t);
}

/* Headings: ids, chapter numbers, the table of contents, footnotes. */
static void
test_headings(void **state)
{
	struct ted	 t;
	static const char *const ch[] = {
	    "# Aanloop\n\n## Wat er gebeurt\n\n### Diep\n\nTekst[^a].\n\n"
	    "[^a]: Noot.\n",
	    "# Verloop en één ding\n\n## Wat er gebeurt\n\nTekst[^b][^c].\n\n"
	    "[^b]: B.\n\n[^c]: C.\n",
	};

	ted_build(&t, *state, "# Inleiding\n\nTekst[^x].\n\n[^x]: X.\n", 4,
	    ch, 2, 0);
	assert_text(cap_text(&t.cap), "");
	assert_int_equal(t.e.doc->nparts, 3);
	assert_int_equal(t.e.doc->ntoc, 5);
	assert_string_equal(t.e.doc->toc[0].id, "inleiding");
	assert_null(t.e.doc->toc[0].num);	/* index.md is no chapter */
	assert_string_equal(t.e.doc->toc[1].id, "aanloop");
	assert_string_equal(t.e.doc->toc[1].num, "1");
	assert_string_equal(t.e.doc->toc[2].id, "wat-er-gebeurt");
	assert_int_equal(t.e.doc->toc[2].level, 2);
	assert_string_equal(t.e.doc->toc[3].id, "verloop-en-een-ding");
	assert_string_equal(t.e.doc->toc[3].num, "2");
	assert_string_equal(t.e.doc->toc[3].text, "Verloop en één ding");
	assert_string_equal(t.e.doc->toc[4].id, "wat-er-gebeurt-2");
	/* footnotes numbered across the parts */
	assert_int_equal(t.e.doc->nfn, 4);
	assert_string_equal(t.e.doc->notes[0]->path, "ed/index.md");
	assert_non_null(strstr(t.e.doc->notes[1]->path, "/01-h.md"));
	assert_non_null(strstr(t.e.doc->notes[2]->path, "/02-h.md"));
	assert_non_null(strstr(t.e.doc->notes[3]->path, "/02-h.md"));
	/* the tree: notes after the parts, numbered, each reference counted */
	assert_int_equal(first_of(&t, DN_NOTEREF, 2)->fn, 3);
	assert_int_equal(first_of(&t, DN_NOTEREF, 3)->fn, 4);
	assert_int_equal(t.e.doc->notes[3]->fn, 4);
	assert_int_equal(t.e.doc->notes[3]->ref, 1);
	assert_int_equal(t.e.doc->root->last->type, DN_NOTES);
	assert_ptr_equal(t.e.doc->toc[4].heading, first_of(&t, DN_HEADING, 5));
	assert_string_equal(first_of(&t, DN_HEADING, 4)->num, "2");
	assert_null(first_of(&t, DN_HEADING, 3)->num);
	ted_free(&t);
}

/* A chapter that is not UTF-8 is refused by name. */
static void
test_not_utf8(void **state)
{
	struct ted	 t;
	static const char *const ch[] = { "# Caf\xe9\n" };
	char		*want;

	ted_build(&t, *state, "Tekst.\n", 4, ch, 1, 0);
	assert_int_equal(t.nerr, 1);
	want = xasprintf("%s/01-h.md:1:6: error: not valid UTF-8 (save the file "
	    "as UTF-8)\n", ((struct fx *)*state)->dir);
	assert_text(cap_text(&t.cap), want);
	free(want);
	ted_free(&t);
}

/* Links to "#id": judged once, and a place only as gen writes it. */
static void
test_link_dests(void **state)
{
	struct ted		 t;
	const struct dnode	*l;
	static const struct { const char *url; int dest; } want[] = {
		{ "#doel", 1 }, { "#tabel-1", 1 }, { "#tabel-01", 0 },
		{ "#tabel-2", 0 }, { "#fn-1", 1 }, { "#fn-+1", 0 },
		{ "#nergens", 0 }
	};
	size_t			 i;

	ted_build(&t, *state,
	    "# Doel\n\n"
	    "```table\ndata: themas\ntitle: T\n```\n\n"
	    "[a](#doel) [b](#tabel-1) [c](#tabel-01) [d](#tabel-2) "
	    "[e](#fn-1) [f](#fn-+1) [g](#nergens) [h](https://vng.nl)[^n]\n\n"
	    "[^n]: Noot.\n", 4, NULL, 0, 0);
	assert_int_equal(t.nerr, 0);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		l = first_of(&t, DN_LINK, i);
		assert_non_null(l);
		assert_string_equal(l->url, want[i].url);
		assert_int_equal(l->ukind, URL_FRAGMENT);
		assert_int_equal(l->dest, want[i].dest);
	}
	l = first_of(&t, DN_LINK, i);
	assert_int_equal(l->ukind, URL_ABSOLUTE);
	assert_string_equal(l->url, "https://vng.nl");
	ted_free(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_values_not_in_code),
		cmocka_unit_test(test_list_delim),
		cmocka_unit_test(test_unknown_value_position),
		cmocka_unit_test(test_value_position_after_escapes),
		cmocka_unit_test(test_unclosed_value),
		cmocka_unit_test(test_chart_block),
		cmocka_unit_test(test_block_errors),
		cmocka_unit_test(test_parse_block),
		cmocka_unit_test(test_callouts),
		cmocka_unit_test(test_headings),
		cmocka_unit_test(test_link_dests),
		cmocka_unit_test(test_not_utf8),
	};

	return cmocka_run_group_tests_name("doc", tests, setup, teardown);
}
