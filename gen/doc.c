/*
 * doc.c: from Markdown files to gen's document tree (doc.h).  cmark-gfm
 * parses each file; its trees are prepared (template values, spec 3.1;
 * chart and table blocks, 3.2 and 3.3, their YAML read by docblock.c;
 * callouts, 3.4; links judged; heading ids and numbers; footnotes
 * numbered across files) and then converted into struct dnode, which
 * every back-end walks.  The only file that sees cmark-gfm.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include "cfile.h"
#include "diag.h"
#include "chart.h"
#include "doc.h"
#include "edition.h"
#include "fmt.h"
#include "series.h"
#include "stats.h"
#include "url.h"
#include "util.h"

/*
 * The document as doc.c prepares it: the cmark-gfm tree of each
 * Markdown file and what gen adds to its nodes (doc_ext()), from which
 * doc_tree() builds gen's own tree (doc.h), the one every back-end
 * walks.  cmark-gfm stops here: no other file includes it
 * (tests/cmark_includes.sh checks that).
 */
/* Node types cmark-gfm exports but declares in no header. */
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW,
    CMARK_NODE_TABLE_CELL, CMARK_NODE_STRIKETHROUGH;

enum docx_kind {
	DOCX_CHART,	/* a ```chart block: chart */
	DOCX_TABLE,	/* a ```table block: table */
	DOCX_CALLOUT,	/* a [!kind] block quote: kind, title */
	DOCX_HEADING,	/* a heading: id, num */
	DOCX_BREAK,	/* raw HTML <br>: a line break in every back-end */
	DOCX_VALUES,	/* a text node holding values: spans */
	DOCX_LINK	/* a link url_judge() accepts: ukind */
};

/* Where a value sits in a text node's literal. */
struct vspan {
	size_t		 off, len;	/* bytes of the literal */
	char		*metric;	/* its name, as written */
	int		 hide;		/* enum mhide */
	int		 col;		/* of its "{{" in the file */
	int		 ecol;		/* past its "}}" */
};

/* What gen adds to a cmark node (its user data). */
struct docx {
	enum docx_kind	 kind;
	struct chart	 chart;		/* DOCX_CHART */
	struct tblock	 table;		/* DOCX_TABLE */
	enum callout	 callout;	/* DOCX_CALLOUT: its kind */
	char		*title;		/* DOCX_CALLOUT: title (never NULL) */
	char		*id;		/* DOCX_HEADING: anchor id */
	char		*num;		/* DOCX_HEADING: "3" for chapter 3, or NULL */
	struct vspan	*spans;		/* DOCX_VALUES */
	size_t		 nspans;
	enum url_kind	 ukind;		/* DOCX_LINK: how it was judged */
	size_t		 toc;		/* DOCX_HEADING: its contents entry + 1,
					   or 0 */
};

/* One Markdown file. */
struct doc_part {
	char		*path;		/* as shown in diagnostics */
	cmark_node	*root;		/* its document node (owned) */
	int		 line0;		/* lines before the Markdown in the file */
	int		 chapter;	/* 0 for index.md, else chapter number */
	int		 fn_base;	/* footnote numbers before this part */
};

const struct calloutdef doc_callouts[CO_N] = {
	{ "samenvatting", CO_SAMENVATTING, "Samenvatting",
	    "callout-samenvatting" },
	{ "kader", CO_KADER, "Kader", "callout-kader" },
	{ "voorbeeld", CO_VOORBEELD, "Voorbeeld", "callout-voorbeeld" },
	{ "let-op", CO_LET_OP, "Let op", "callout-let-op" },
	{ "vraag", CO_VRAAG, "Vraag", "callout-vraag" },
};
const struct calloutdef *
doc_callout_find(const char *name)
{
	size_t	 i;

	for (i = 0; i < CO_N; i++)
		if (strcmp(name, doc_callouts[i].name) == 0)
			return &doc_callouts[i];
	return NULL;
}

static const struct docx *
doc_ext(cmark_node *n)
{
	return cmark_node_get_user_data(n);
}

static void
text_into(cmark_node *n, struct buf *b)
{
	cmark_node	*c;
	cmark_node_type	 t = cmark_node_get_type(n);
	const char	*lit;

	if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK ||
	    (doc_ext(n) != NULL && doc_ext(n)->kind == DOCX_BREAK)) {
		buf_putc(b, ' ');
		return;
	}
	if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE ||
	    t == CMARK_NODE_HTML_INLINE) {
		if ((lit = cmark_node_get_literal(n)) != NULL)
			buf_puts(b, lit);
		return;
	}
	if (t == CMARK_NODE_FOOTNOTE_REFERENCE)
		return;
	for (c = cmark_node_first_child(n); c != NULL; c = cmark_node_next(c))
		text_into(c, b);
}

static char *
doc_text(cmark_node *n)
{
	struct buf	 b = { NULL, 0, 0 };

	text_into(n, &b);
	return buf_detach(&b);
}

static struct docx *
new_ext(struct doc *d, cmark_node *n, enum docx_kind kind)
{
	struct docx	*x;

	x = xcalloc(1, sizeof(*x));
	x->kind = kind;
	d->x = xreallocarray(d->x, d->nx + 1, sizeof(*d->x));
	d->x[d->nx++] = x;
	cmark_node_set_user_data(n, x);
	return x;
}

/* Context of one part while it is prepared. */
struct pctx {
	struct doc		*d;
	struct doc_part		*part;
	const struct stats	*st;
	const struct edition	*e;		/* the edition, for vorige.* */
	struct diag		*diag;
	const char		**names;	/* metric names for suggestions */
	size_t			 nnames;
	int			 nerr;
	const char		*src;		/* the part's Markdown, or NULL */
	const char		**lines;	/* where each of its lines starts */
	int			 nlines;
	cmark_node		*lblock;	/* block of the last link refused */
	const char		*lfrom;		/* in src: past its "{{" */
};

static int
line_of(const struct pctx *p, cmark_node *n)
{
	return p->part->line0 + cmark_node_get_start_line(n);
}

/* The first "{{" or "}}" (pair) in [s, end), or NULL. */
static const char *
find2(const char *s, const char *end, const char *pair)
{
	for (; s + 1 < end; s++)
		if (s[0] == pair[0] && s[1] == pair[1])
			return s;
	return NULL;
}

/*
 * The columns in the file of a text node's "{{", in order.  The literal
 * has escapes and entities resolved, so an offset into it is not a
 * column: find the same "{{" in the source line instead, and fall back
 * to the offset if the source does not show it.  A cursor, so that a
 * line of many values is read once.
 */
struct vcur {
	const char	*s;		/* the source line, or NULL: fall back */
	const char	*eol, *q;	/* its end; where to look next */
};

static void
vcur_init(const struct pctx *p, cmark_node *n, struct vcur *v)
{
	int	 line = cmark_node_get_start_line(n);
	int	 col = cmark_node_get_start_column(n);

	memset(v, 0, sizeof(*v));
	if (p->lines == NULL || line < 1 || line > p->nlines || col < 1)
		return;
	v->s = p->lines[line - 1];
	v->eol = v->s + strcspn(v->s, "\n");
	if (col - 1 > v->eol - v->s) {
		v->s = NULL;
		return;
	}
	v->q = v->s + col - 1;
}

/* The column of the next "{{", or fallback. */
static int
vcur_next(struct vcur *v, int fallback)
{
	const char	*o, *c;
	int		 col;

	if (v->s == NULL || (o = find2(v->q, v->eol, "{{")) == NULL) {
		v->s = NULL;
		return fallback;
	}
	col = (int)(o - v->s) + 1;
	/* Not closed on its line: the values after it fall back. */
	if ((c = find2(o + 2, v->eol, "}}")) == NULL)
		v->s = NULL;
	else
		v->q = c + 2;
	return col;
}

/* Records that the value metric, hidden or not, fills [off, b->len). */
static void
value_span(struct pctx *p, cmark_node *n, struct docx **x, size_t off,
    const struct buf *b, const char *metric, int hide, int col, int width)
{
	struct vspan	*v;

	if (*x == NULL)
		*x = new_ext(p->d, n, DOCX_VALUES);
	(*x)->spans = xreallocarray((*x)->spans, (*x)->nspans + 1,
	    sizeof(*(*x)->spans));
	v = &(*x)->spans[(*x)->nspans++];
	v->off = off;
	v->len = b->len - off;
	v->metric = xstrdup(metric);
	v->hide = hide;
	v->col = col;
	v->ecol = col + width;
}

/*
 * Replaces every {{ name }} in a text node by the value as shown, and
 * notes where each value sits (DOCX_VALUES), so that the tree holds it
 * as a node of its own.
 */
static void
values(struct pctx *p, cmark_node *n)
{
	const char		*lit = cmark_node_get_literal(n), *s, *open, *close;
	const char		*a, *z;
	const struct metric	*m;
	struct buf		 b = { NULL, 0, 0 };
	struct docx		*x = NULL;
	struct vcur		 vc;
	char			*name, *err, *hint;
	size_t			 off;
	int			 col;

	if (lit == NULL || strstr(lit, "{{") == NULL)
		return;
	vcur_init(p, n, &vc);
	for (s = lit; (open = strstr(s, "{{")) != NULL; s = close + 2) {
		col = vcur_next(&vc, cmark_node_get_start_column(n) +
		    (int)(open - lit));
		buf_add(&b, s, (size_t)(open - s));
		if ((close = strstr(open + 2, "}}")) == NULL) {
			diag_error(p->diag, p->part->path, line_of(p, n),
			    col,
			    "'{{' is not closed by '}}'");
			p->nerr++;
			buf_free(&b);
			return;
		}
		for (a = open + 2; a < close && (*a == ' ' || *a == '\t'); a++)
			continue;
		for (z = close; z > a && (z[-1] == ' ' || z[-1] == '\t'); z--)
			continue;
		name = xstrndup(a, (size_t)(z - a));
		off = b.len;
		if (*name == '\0') {
			diag_error(p->diag, p->part->path, line_of(p, n),
			    col, "the value name in '{{ }}' is "
			    "empty (gen stats lists every name)");
			p->nerr++;
		} else if ((m = stats_get(p->st, name)) != NULL) {
			buf_puts(&b, m->shown);
			value_span(p, n, &x, off, &b, name, (int)m->hide,
			    col, (int)(close + 2 - open));
		} else if (strncmp(name, SERIES_PREV, strlen(SERIES_PREV)) == 0) {
			if ((m = series_prev_metric(p->e, name +
			    strlen(SERIES_PREV), &err)) != NULL) {
				buf_puts(&b, m->shown);
				value_span(p, n, &x, off, &b, name,
				    (int)m->hide, col, (int)(close + 2 - open));
			} else {
				diag_error(p->diag, p->part->path,
				    line_of(p, n), col, "%s", err);
				free(err);
				p->nerr++;
			}
		} else {
			hint = diag_hint(name, p->names, p->nnames, NULL);
			diag_error(p->diag, p->part->path, line_of(p, n),
			    col,
			    "unknown value '%s'%s", name, hint);
			free(hint);
			p->nerr++;
		}
		free(name);
	}
	buf_puts(&b, s);
	cmark_node_set_literal(n, b.s);
	buf_free(&b);
}

/* The offset in src of 1-based line and col, or NULL if past its end. */
static const char *
src_at(const char *src, int line, int col)
{
	const char	*s = src;

	for (; line > 1; line--)
		if ((s = strchr(s, '\n')) == NULL)
			return NULL;
		else
			s++;
	for (; col > 1 && *s != '\0' && *s != '\n'; col--)
		s++;
	return s;
}

/* Whether s ends with t. */
static int
ends_with(const char *s, const char *t)
{
	size_t	 ls = s != NULL ? strlen(s) : 0, lt = t != NULL ? strlen(t) : 0;

	return t != NULL && lt <= ls && strcmp(s + ls - lt, t) == 0;
}

/* An autolink: its only text is (the end of) its address. */
static cmark_node *
autolink_text(cmark_node *n)
{
	cmark_node	*t = cmark_node_first_child(n);

	if (t != NULL && t == cmark_node_last_child(n) &&
	    cmark_node_get_type(t) == CMARK_NODE_TEXT &&
	    ends_with(cmark_node_get_url(n), cmark_node_get_literal(t)))
		return t;
	return NULL;
}

/*
 * Where the first "{{" of a link's address or title is in the source,
 * for diagnostics.  cmark-gfm gives links, and text split by autolinks,
 * unreliable or no positions: search from the start of the innermost
 * block that has one (and past the link found before in that block),
 * past the "](" of a link that is not an autolink and, for the title,
 * past the address, for the text up to that "{{" (the address, else
 * the link's text for a www. autolink), else for any "{{".
 */
static void
link_pos(struct pctx *p, cmark_node *n, const char *attr, int *line,
    int *col)
{
	cmark_node	*b = cmark_node_parent(n), *t;
	const char	*bs, *from, *hit = NULL, *q;
	const char	*url = cmark_node_get_url(n);
	char		*needle;
	int		 i, bl;

	while (b != NULL && cmark_node_get_start_line(b) < 1)
		b = cmark_node_parent(b);
	*line = bl = b != NULL ? cmark_node_get_start_line(b) : 0;
	*col = b != NULL ? cmark_node_get_start_column(b) : 0;
	if (p->src == NULL || b == NULL ||
	    (from = bs = src_at(p->src, *line, *col)) == NULL)
		return;
	if (p->lblock == b && p->lfrom > from)
		from = p->lfrom;
	if (autolink_text(n) == NULL && (q = strstr(from, "](")) != NULL)
		from = q + 2;
	if (attr != url && url != NULL && *url != '\0' &&
	    (q = strstr(from, url)) != NULL)
		from = q + strlen(url);
	for (i = 0; i < 2 && hit == NULL; i++) {
		t = cmark_node_first_child(n);
		q = i == 0 ? attr : t != NULL ?
		    cmark_node_get_literal(t) : NULL;
		if (q == NULL || strstr(q, "{{") == NULL)
			continue;
		needle = xstrndup(q, (size_t)(strstr(q, "{{") - q) + 2);
		if ((hit = strstr(from, needle)) != NULL)
			hit += strlen(needle) - 2;
		free(needle);
	}
	if (hit == NULL && (hit = strstr(from, "{{")) == NULL)
		return;
	p->lblock = b;
	p->lfrom = hit + 2;
	for (*line = bl, q = bs; (q = strchr(q, '\n')) != NULL && q < hit;
	    q++)
		(*line)++;
	for (q = hit; q > p->src && q[-1] != '\n'; q--)
		continue;
	*col = (int)(hit - q) + 1;
}

/*
 * A link whose address or title holds "{{": values are filled in only
 * in text, never in a URL (a figure there would change with the data,
 * and could show a hidden count), so each is an error at its "{{".
 * Returns 1 for such a link.
 */
static int
link_values(struct pctx *p, cmark_node *n)
{
	const char	*attr;
	int		 i, line, col, bad = 0;

	for (i = 0; i < 2; i++) {
		attr = i == 0 ? cmark_node_get_url(n) :
		    cmark_node_get_title(n);
		if (attr == NULL || strstr(attr, "{{") == NULL)
			continue;
		link_pos(p, n, attr, &line, &col);
		diag_error(p->diag, p->part->path, line > 0 ?
		    p->part->line0 + line : 0, col, "a link's %s cannot hold "
		    "a value ('{{'): values are filled in only in text",
		    i == 0 ? "address" : "title");
		p->nerr++;
		bad = 1;
	}
	return bad;
}

/* A ```chart or ```table block. */
static void
block(struct pctx *p, cmark_node *n, int is_table)
{
	struct blockspec bs;
	struct docx	*x;
	char		*err = NULL;
	int		 line = line_of(p, n) + 1;

	if (doc_parse_block(cmark_node_get_literal(n) ?
	    cmark_node_get_literal(n) : "", is_table, p->part->path, line,
	    &bs, p->diag) != 0) {
		p->nerr++;
		doc_free_block(&bs);
		return;
	}
	x = new_ext(p->d, n, is_table ? DOCX_TABLE : DOCX_CHART);
	if (is_table) {
		if (stats_table(p->st, &bs, &x->table, &err) == 0)
			tblock_number(&x->table, ++p->d->ntab);
	} else {
		if (stats_chart(p->st, &bs, &x->chart, &err) == 0)
			chart_number(&x->chart, ++p->d->nfig);
	}
	if (err != NULL) {
		diag_error(p->diag, p->part->path, line, 1, "%s", err);
		p->nerr++;
		free(err);
	}
	doc_free_block(&bs);
}

/* Recognises "[!kind] Title" at the start of a block quote. */
static void
callout(struct pctx *p, cmark_node *q)
{
	cmark_node	*para = cmark_node_first_child(q), *t, *next;
	const char	*lit, *end, *names[CO_N];
	char		*hint;
	const struct calloutdef *co;
	struct buf	 title = { NULL, 0, 0 };
	struct docx	*x;
	char		*kind;
	size_t		 i;

	if (para == NULL || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH)
		return;
	t = cmark_node_first_child(para);
	if (t == NULL || cmark_node_get_type(t) != CMARK_NODE_TEXT ||
	    (lit = cmark_node_get_literal(t)) == NULL ||
	    strncmp(lit, "[!", 2) != 0 || (end = strchr(lit, ']')) == NULL)
		return;
	kind = xstrndup(lit + 2, (size_t)(end - lit - 2));
	if ((co = doc_callout_find(kind)) == NULL) {
		for (i = 0; i < CO_N; i++)
			names[i] = doc_callouts[i].name;
		hint = diag_hint(kind, names, CO_N, NULL);
		diag_warn(p->diag, p->part->path, line_of(p, t),
		    cmark_node_get_start_column(t), "'[!%s]' is not a callout "
		    "kind, so this stays a block quote%s", kind, hint);
		free(hint);
		free(kind);
		return;
	}
	/* The title is the rest of the first line. */
	buf_puts(&title, end + 1);
	for (t = cmark_node_next(t); t != NULL; t = next) {
		next = cmark_node_next(t);
		if (cmark_node_get_type(t) == CMARK_NODE_SOFTBREAK ||
		    cmark_node_get_type(t) == CMARK_NODE_LINEBREAK) {
			cmark_node_free(t);
			break;
		}
		text_into(t, &title);
		cmark_node_free(t);
	}
	cmark_node_free(cmark_node_first_child(para));
	if (cmark_node_first_child(para) == NULL)
		cmark_node_free(para);
	x = new_ext(p->d, q, DOCX_CALLOUT);
	x->callout = co->kind;
	free(kind);
	{
		char *s = title.s ? title.s : xstrdup("");
		size_t a = strspn(s, " \t"), z = strlen(s);

		while (z > a && (s[z - 1] == ' ' || s[z - 1] == '\t'))
			z--;
		x->title = z > a ? xstrndup(s + a, z - a) :
		    xstrdup(co->label);
		free(s);
	}
}

/* An anchor id from heading text: lower-case ASCII, '-' between words. */
static char *
slugify(struct doc *d, const char *text)
{
	struct buf	 b = { NULL, 0, 0 };
	const unsigned char *s = (const unsigned char *)text;
	size_t		 i, base;
	int		 dash = 0, n;
	char		*id;

	for (; *s != '\0'; s++) {
		int c = *s;

		if (c == 0xc3 && s[1] != '\0') {
			/* Latin-1 letters with diacritics: drop the accent. */
			static const char map[] =
			    "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
			unsigned v = s[1];

			s++;
			c = v >= 0xa0 && v <= 0xbf ? map[v - 0xa0] :
			    v >= 0x80 && v <= 0x9f ? map[v - 0x80] : '-';
			if (c == '/')
				c = '-';
		}
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && b.len)
				buf_putc(&b, '-');
			dash = 0;
			buf_putc(&b, c);
		} else if (c >= 'A' && c <= 'Z') {
			if (dash && b.len)
				buf_putc(&b, '-');
			dash = 0;
			buf_putc(&b, c - 'A' + 'a');
		} else if (c < 0x80 || (c & 0xc0) != 0x80)
			dash = 1;
	}
	if (b.len == 0)
		buf_puts(&b, "sectie");
	base = b.len;
	for (n = 2;; n++) {
		for (i = 0; i < d->nx; i++)
			if (d->x[i]->id != NULL && strcmp(d->x[i]->id, b.s) == 0)
				break;
		if (i == d->nx)
			break;
		b.len = base;
		buf_printf(&b, "-%d", n);
	}
	id = buf_detach(&b);
	return id;
}

static void
heading(struct pctx *p, cmark_node *n, int *chapno)
{
	struct docx	*x;
	char		*text;
	int		 level = cmark_node_get_heading_level(n);

	text = doc_text(n);
	x = new_ext(p->d, n, DOCX_HEADING);
	x->id = slugify(p->d, text);
	if (level == 1 && p->part->chapter > 0)
		x->num = xasprintf("%d", ++*chapno);
	if (level <= 2) {
		p->d->toc = xreallocarray(p->d->toc, p->d->ntoc + 1,
		    sizeof(*p->d->toc));
		p->d->toc[p->d->ntoc].level = level;
		p->d->toc[p->d->ntoc].id = x->id;
		p->d->toc[p->d->ntoc].num = x->num;
		p->d->toc[p->d->ntoc++].text = text;
		x->toc = p->d->ntoc;
	} else
		free(text);
}

/*
 * A copy of raw HTML s without its comments ("<!--" to the next "-->",
 * or to the end when it is not closed); the caller frees it.
 */
static char *
strip_comments(const char *s)
{
	struct buf	 b = { NULL, 0, 0 };
	const char	*c, *e;

	while ((c = strstr(s, "<!--")) != NULL) {
		buf_add(&b, s, (size_t)(c - s));
		if ((e = strstr(c + 4, "-->")) == NULL) {
			s = c + strlen(c);
			break;
		}
		s = e + 3;
	}
	buf_puts(&b, s);
	if (b.s == NULL)
		buf_puts(&b, "");
	return buf_detach(&b);
}

/* Nonzero if s is only white space. */
static int
blank(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

/* Nonzero if s is a <br> tag: <br>, <br/> or <br />, in any case. */
static int
is_br(const char *s)
{
	if (strncasecmp(s, "<br", 3) != 0)
		return 0;
	s += 3;
	s += strspn(s, " \t\r\n");
	if (*s == '/')
		s++;
	return strcmp(s, ">") == 0;
}

/*
 * Raw HTML (spec 3): comments are dropped from every output, with or
 * without unsafe_html; an inline <br> is marked DOCX_BREAK; the rest is
 * passed through with unsafe_html, else shown as text with a warning,
 * once per block (*warned: the block warned about last).
 */
static void
raw_html(struct pctx *p, cmark_node *n, cmark_node **warned)
{
	cmark_node	*blk;
	const char	*lit = cmark_node_get_literal(n);
	char		*s;

	if (lit == NULL)
		return;
	s = strip_comments(lit);
	if (blank(s)) {
		cmark_node_free(n);
		free(s);
		return;
	}
	if (cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE && is_br(s)) {
		/* Marked, not replaced: a table cell holds no line break node. */
		new_ext(p->d, n, DOCX_BREAK);
		free(s);
		return;
	}
	if (strcmp(s, lit) != 0)
		cmark_node_set_literal(n, s);
	/* Once per block: the first raw HTML of a paragraph or cell. */
	for (blk = n; blk != NULL && (cmark_node_get_type(blk) &
	    CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE;
	    blk = cmark_node_parent(blk))
		continue;
	if (!p->d->unsafe && (blk == NULL || blk != *warned)) {
		*warned = blk;
		diag_warn(p->diag, p->part->path, line_of(p, n),
		    cmark_node_get_start_column(n) > 0 ?
		    cmark_node_get_start_column(n) : 1, "raw HTML is shown as "
		    "text (only comments and <br> are understood; set "
		    "unsafe_html: true to pass HTML through)");
	}
	free(s);
}

static cmark_node *
parse(const char *text)
{
	cmark_parser	*ps;
	cmark_node	*root;
	/* tagfilter is applied by html.c, which renders raw HTML itself. */
	static const char *const exts[] = {
		"table", "strikethrough", "autolink", "tagfilter", "tasklist"
	};
	size_t		 i;

	ps = cmark_parser_new(CMARK_OPT_FOOTNOTES);
	for (i = 0; i < GEN_NELEM(exts); i++)
		cmark_parser_attach_syntax_extension(ps,
		    cmark_find_syntax_extension(exts[i]));
	cmark_parser_feed(ps, text, strlen(text));
	root = cmark_parser_finish(ps);
	cmark_parser_free(ps);
	return root;
}

/* Nodes the cmark iterator enters without a matching exit. */
static int
is_leaf(cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_THEMATIC_BREAK:
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_TEXT:
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
	case CMARK_NODE_CODE:
	case CMARK_NODE_HTML_INLINE:
		return 1;
	default:
		return 0;
	}
}

/*
 * The column of a link that starts at line:col of the part.  cmark-gfm
 * counts an autolink's column (<url>) from its paragraph's start: find
 * "<url>" on the line instead; else keep col if it is on the line.
 */
static int
link_col(const struct pctx *p, int line, int col, const char *url)
{
	const char	*s = p->src, *hit;
	char		*want;
	size_t		 len;
	int		 l;

	if (s == NULL || line < 1)
		return col > 0 ? col : 1;
	for (l = 1; l < line && s != NULL; l++)
		if ((s = strchr(s, '\n')) != NULL)
			s++;
	if (s == NULL)
		return col > 0 ? col : 1;
	len = strcspn(s, "\n");
	want = xasprintf("<%s>", url);
	hit = strstr(s, want);
	free(want);
	if (hit != NULL && hit < s + len)
		return (int)(hit - s) + 1;
	return col > 0 && (size_t)col <= len ? col : 1;
}

/*
 * A link: its URL as url_judge() publishes it, or, when refused, a
 * warning and its text in its place, as plain text.  Bare autolinks
 * have no position of their own: they take their paragraph's.
 */
static void
judge_link(struct pctx *p, cmark_node *n)
{
	struct buf	 u = { NULL, 0, 0 };
	cmark_node	*at, *c;
	const char	*url = cmark_node_get_url(n);
	enum url_kind	 kind;
	int		 col = 0;

	if (url == NULL)
		url = "";
	if ((kind = url_judge(url, &u)) != URL_REFUSED) {
		cmark_node_set_url(n, u.s != NULL ? u.s : "");
		new_ext(p->d, n, DOCX_LINK)->ukind = kind;
		buf_free(&u);
		return;
	}
	for (at = n; at != NULL && cmark_node_get_start_line(at) <= 0;)
		at = cmark_node_parent(at);
	if (at != NULL)
		col = link_col(p, cmark_node_get_start_line(at),
		    cmark_node_get_start_column(at), url);
	for (; *url != '\0' && u.len < 60; url++)
		if ((unsigned char)*url < 0x20 || *url == 0x7f)
			buf_printf(&u, "%%%02X", (unsigned char)*url);
		else
			buf_putc(&u, *url);
	diag_warn(p->diag, p->part->path, at != NULL ? line_of(p, at) : 0,
	    col, "link to '%s%s' is shown as plain text: only http:, "
	    "https:, mailto:, tel: and relative links are published",
	    u.s != NULL ? u.s : "", *url ? "..." : "");
	buf_free(&u);
	while ((c = cmark_node_first_child(n)) != NULL)
		cmark_node_insert_before(n, c);
	cmark_node_free(n);
}

static void
prepare(struct pctx *p, int *chapno)
{
	cmark_iter	*it;
	cmark_event_type ev;
	cmark_node	*n, **quotes = NULL, **links = NULL, *skip = NULL;
	cmark_node	**html = NULL;
	size_t		 nq = 0, nl = 0, nh = 0, i;
	const char	*info;
	int		 nfn = 0, depth = 0, deep = 0;

	cmark_consolidate_text_nodes(p->part->root);
	it = cmark_iter_new(p->part->root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_EXIT) {
			depth--;
			continue;
		}
		if (!is_leaf(n) && ++depth > DOC_MAX_NEST && !deep) {
			/* The PDF lays out nested nodes by recursion. */
			diag_error(p->diag, p->part->path, line_of(p, n),
			    cmark_node_get_start_column(n) > 0 ?
			    cmark_node_get_start_column(n) : 1,
			    "markup nested more than %d levels deep (quotes, "
			    "lists, emphasis); flatten it", DOC_MAX_NEST);
			deep = 1;
		}
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
			if (n != skip)
				values(p, n);
			break;
		case CMARK_NODE_LINK:
			/* An autolink's text is its address: said once. */
			if (link_values(p, n))
				skip = autolink_text(n);
			links = xreallocarray(links, nl + 1, sizeof(*links));
			links[nl++] = n;
			break;
		case CMARK_NODE_CODE_BLOCK:
			info = cmark_node_get_fence_info(n);
			if (info == NULL)
				break;
			if (strncmp(info, "chart", 5) == 0 &&
			    (info[5] == '\0' || info[5] == ' '))
				block(p, n, 0);
			else if (strncmp(info, "table", 5) == 0 &&
			    (info[5] == '\0' || info[5] == ' '))
				block(p, n, 1);
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			quotes = xreallocarray(quotes, nq + 1, sizeof(*quotes));
			quotes[nq++] = n;
			break;
		case CMARK_NODE_FOOTNOTE_DEFINITION:
			nfn++;
			break;
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE:
			html = xreallocarray(html, nh + 1, sizeof(*html));
			html[nh++] = n;
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	/* Links before callouts, which may free a title's nodes. */
	for (i = 0; i < nl; i++)
		judge_link(p, links[i]);
	free(links);
	for (i = 0, n = NULL; i < nh; i++)
		raw_html(p, html[i], &n);
	free(html);
	for (i = 0; i < nq; i++)
		callout(p, quotes[i]);
	free(quotes);
	/* Headings after callouts, so a title never becomes a heading id. */
	it = cmark_iter_new(p->part->root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(n) == CMARK_NODE_HEADING)
			heading(p, n, chapno);
	}
	cmark_iter_free(it);
	p->part->fn_base = p->d->nfn;
	p->d->nfn += nfn;
}

static int
add_part(struct doc *d, const char *path, const char *text, int line0,
    int chapter, struct diag *diag)
{
	struct doc_part	*part;
	size_t		 bad;

	if (!util_utf8_valid(text, strlen(text), &bad)) {
		const char	*q, *bol = text;
		int		 line = line0 + 1;

		/* Where the first byte that is not UTF-8 is. */
		for (q = text; q < text + bad; q++)
			if (*q == '\n')
				line++, bol = q + 1;
		diag_error(diag, path, line, (int)(text + bad - bol) + 1,
		    "not valid UTF-8 (save the file as UTF-8)");
		return -1;
	}
	d->parts = xreallocarray(d->parts, d->nparts + 1, sizeof(*d->parts));
	part = &d->parts[d->nparts++];
	memset(part, 0, sizeof(*part));
	part->path = xstrdup(path);
	part->line0 = line0;
	part->chapter = chapter;
	part->root = parse(text);
	return 0;
}

/* --- gen's document tree ------------------------------------------ */

static const char *const dn_names[DN__N] = {
	"root", "part", "notes", "para", "heading", "quote", "callout",
	"list", "item", "code", "html", "rule", "table", "row", "cell",
	"figure", "data", "note", "text", "value", "softbreak", "break",
	"codespan", "raw", "emph", "strong", "strike", "link", "image",
	"noteref"
};

const char *
dn_type_name(enum dn_type t)
{
	return t < DN__N ? dn_names[t] : "?";
}

static void
dn_text_into(const struct dnode *n, struct buf *b)
{
	const struct dnode	*c;

	switch (n->type) {
	case DN_SOFTBREAK:
	case DN_BREAK:
		buf_putc(b, ' ');
		return;
	case DN_TEXT:
	case DN_VALUE:
	case DN_CODESPAN:
	case DN_RAW:
		buf_puts(b, n->text);
		return;
	case DN_NOTEREF:
		return;
	default:
		break;
	}
	for (c = n->first; c != NULL; c = c->next)
		dn_text_into(c, b);
}

char *
dn_text(const struct dnode *n)
{
	struct buf	 b = { NULL, 0, 0 };

	dn_text_into(n, &b);
	return b.s != NULL ? buf_detach(&b) : xstrdup("");
}

static struct dnode *
dn_new(enum dn_type t, struct dnode *parent, int line, int col)
{
	struct dnode	*n = xcalloc(1, sizeof(*n));

	n->type = t;
	n->line = line;
	n->col = col;
	if ((n->parent = parent) != NULL) {
		if (parent->last != NULL)
			parent->last->next = n;
		else
			parent->first = n;
		parent->last = n;
	}
	return n;
}

static void
dn_free(struct dnode *n)
{
	struct dnode	*c, *next;

	if (n == NULL)
		return;
	for (c = n->first; c != NULL; c = next) {
		next = c->next;
		dn_free(c);
	}
	free(n->text);
	free(n->id);
	free(n->num);
	free(n->title);
	free(n->info);
	free(n->url);
	free(n);
}

/* Context of the conversion of one part into the tree. */
struct tctx {
	struct doc		*d;
	const struct doc_part	*part;
	struct dnode		*notes;		/* DN_NOTES */
	cmark_node		**defs;		/* footnote definitions, */
	int			*defnum;	/* their numbers */
	size_t			 ndefs;
	int			*nref;		/* references per footnote */
	const char		**ids;		/* heading ids, sorted */
	size_t			 nids;
};

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Nonzero if id names a place in the document ("#id"). */
static int
is_dest(const struct tctx *t, const char *id)
{
	const struct { const char *prefix; int n; } num[] = {
		{ "figuur-", t->d->nfig }, { "tabel-", t->d->ntab },
		{ "fn-", t->d->nfn }
	};
	size_t	 i, len;
	long	 k;
	char	*end, buf[32];

	if (bsearch(&id, t->ids, t->nids, sizeof(*t->ids), cmp_str) != NULL)
		return 1;
	/* "figuur-2" for figures 1 to nfig, written as gen writes it. */
	for (i = 0; i < GEN_NELEM(num); i++) {
		len = strlen(num[i].prefix);
		if (strncmp(id, num[i].prefix, len) != 0)
			continue;
		k = strtol(id + len, &end, 10);
		snprintf(buf, sizeof(buf), "%s%ld", num[i].prefix, k);
		return *end == '\0' && k >= 1 && k <= num[i].n &&
		    strcmp(buf, id) == 0;
	}
	return 0;
}

static void	 convert(struct tctx *, cmark_node *, struct dnode *);

static void
convert_children(struct tctx *t, cmark_node *n, struct dnode *to)
{
	cmark_node	*c;

	for (c = cmark_node_first_child(n); c != NULL; c = cmark_node_next(c))
		convert(t, c, to);
}

/* A text node: its text, with each value a node of its own. */
static void
convert_text(cmark_node *n, const struct docx *x, struct dnode *to,
    int line, int col)
{
	const char	*lit = cmark_node_get_literal(n);
	struct dnode	*v;
	size_t		 at = 0, i;

	if (lit == NULL)
		lit = "";
	/* Text after a value starts past its "}}". */
	for (i = 0; x != NULL && x->kind == DOCX_VALUES && i < x->nspans;
	    i++) {
		if (x->spans[i].off > at)
			dn_new(DN_TEXT, to, line, col)->text =
			    xstrndup(lit + at, x->spans[i].off - at);
		v = dn_new(DN_VALUE, to, line, x->spans[i].col);
		v->text = xstrndup(lit + x->spans[i].off, x->spans[i].len);
		v->metric = x->spans[i].metric;
		v->hide = x->spans[i].hide;
		at = x->spans[i].off + x->spans[i].len;
		col = x->spans[i].ecol;
	}
	if (lit[at] != '\0' || at == 0)
		dn_new(DN_TEXT, to, line, col)->text = xstrdup(lit + at);
}

static void
convert_link(struct tctx *t, cmark_node *n, struct dnode *l)
{
	const struct docx *x = doc_ext(n);
	const char	*s = cmark_node_get_url(n);

	/* judge_link() published the URL and kept its judgement. */
	l->ukind = x != NULL && x->kind == DOCX_LINK ? (int)x->ukind :
	    URL_REFUSED;
	l->url = xstrdup(s != NULL ? s : "");
	if (l->ukind == URL_FRAGMENT)
		l->dest = is_dest(t, l->url + 1);
	if ((s = cmark_node_get_title(n)) != NULL && *s != '\0')
		l->title = xstrdup(s);
}

static void
convert_table(struct tctx *t, cmark_node *n, struct dnode *to, int line,
    int col)
{
	struct dnode	*tb = dn_new(DN_TABLE, to, line, col), *row, *cell;
	cmark_node	*r, *c;
	uint8_t		*align = cmark_gfm_extensions_get_table_alignments(n);
	int		 i;

	tb->ncol = (int)cmark_gfm_extensions_get_table_columns(n);
	for (r = cmark_node_first_child(n); r != NULL; r = cmark_node_next(r)) {
		row = dn_new(DN_ROW, tb, t->part->line0 +
		    cmark_node_get_start_line(r), cmark_node_get_start_column(r));
		row->head = cmark_gfm_extensions_get_table_row_is_header(r);
		for (i = 0, c = cmark_node_first_child(r); c != NULL;
		    c = cmark_node_next(c), i++) {
			cell = dn_new(DN_CELL, row, t->part->line0 +
			    cmark_node_get_start_line(c),
			    cmark_node_get_start_column(c));
			if (align != NULL && i < tb->ncol)
				cell->align = (char)align[i];
			convert_children(t, c, cell);
		}
	}
}

static void
convert(struct tctx *t, cmark_node *n, struct dnode *to)
{
	const struct docx *x = doc_ext(n);
	cmark_node_type	 type = cmark_node_get_type(n);
	cmark_node	*p;
	struct dnode	*m;
	const char	*s;
	int		 line = 0, col = cmark_node_get_start_column(n), k;
	int		 flen, foff;
	char		 fch;

	if (cmark_node_get_start_line(n) > 0)
		line = t->part->line0 + cmark_node_get_start_line(n);
	if (type == CMARK_NODE_TABLE) {
		convert_table(t, n, to, line, col);
		return;
	}
	if (type == CMARK_NODE_STRIKETHROUGH) {
		convert_children(t, n, dn_new(DN_STRIKE, to, line, col));
		return;
	}
	switch (type) {
	case CMARK_NODE_PARAGRAPH:
		m = dn_new(DN_PARA, to, line, col);
		p = cmark_node_parent(n);
		m->tight = p != NULL &&
		    cmark_node_get_type(p) == CMARK_NODE_ITEM &&
		    cmark_node_parent(p) != NULL &&
		    cmark_node_get_list_tight(cmark_node_parent(p));
		convert_children(t, n, m);
		break;
	case CMARK_NODE_HEADING:
		m = dn_new(DN_HEADING, to, line, col);
		m->level = cmark_node_get_heading_level(n);
		if (x != NULL && x->kind == DOCX_HEADING) {
			m->id = xstrdup(x->id);
			m->num = x->num != NULL ? xstrdup(x->num) : NULL;
			if (x->toc > 0) {
				/* Its contents entry points at it. */
				t->d->toc[x->toc - 1].heading = m;
				t->d->toc[x->toc - 1].id = m->id;
				t->d->toc[x->toc - 1].num = m->num;
			}
		}
		convert_children(t, n, m);
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		if (x != NULL && x->kind == DOCX_CALLOUT) {
			m = dn_new(DN_CALLOUT, to, line, col);
			m->callout = x->callout;
			m->title = xstrdup(x->title);
		} else
			m = dn_new(DN_QUOTE, to, line, col);
		convert_children(t, n, m);
		break;
	case CMARK_NODE_LIST:
		m = dn_new(DN_LIST, to, line, col);
		m->ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
		m->start = cmark_node_get_list_start(n);
		m->delim = cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM ?
		    ')' : '.';
		m->tight = cmark_node_get_list_tight(n);
		convert_children(t, n, m);
		break;
	case CMARK_NODE_ITEM:
		m = dn_new(DN_ITEM, to, line, col);
		if (strcmp(cmark_node_get_type_string(n), "tasklist") == 0)
			m->task = cmark_gfm_extensions_get_tasklist_item_checked(n)
			    ? 2 : 1;
		convert_children(t, n, m);
		break;
	case CMARK_NODE_CODE_BLOCK:
		if (x != NULL && x->kind == DOCX_CHART) {
			m = dn_new(DN_FIGURE, to, line, col);
			m->chart = &((struct docx *)x)->chart;
			break;
		}
		if (x != NULL && x->kind == DOCX_TABLE) {
			m = dn_new(DN_DATA, to, line, col);
			m->table = &((struct docx *)x)->table;
			break;
		}
		m = dn_new(DN_CODE, to, line, col);
		s = cmark_node_get_literal(n);
		m->text = xstrdup(s != NULL ? s : "");
		if ((s = cmark_node_get_fence_info(n)) != NULL && *s != '\0')
			m->info = xstrdup(s);
		m->fenced = cmark_node_get_fenced(n, &flen, &foff, &fch);
		break;
	case CMARK_NODE_HTML_BLOCK:
		s = cmark_node_get_literal(n);
		dn_new(DN_HTML, to, line, col)->text = xstrdup(s ? s : "");
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		dn_new(DN_RULE, to, line, col);
		break;
	case CMARK_NODE_TEXT:
		convert_text(n, x, to, line, col);
		break;
	case CMARK_NODE_SOFTBREAK:
		dn_new(DN_SOFTBREAK, to, line, col);
		break;
	case CMARK_NODE_LINEBREAK:
		dn_new(DN_BREAK, to, line, col);
		break;
	case CMARK_NODE_CODE:
		s = cmark_node_get_literal(n);
		dn_new(DN_CODESPAN, to, line, col)->text = xstrdup(s ? s : "");
		break;
	case CMARK_NODE_HTML_INLINE:
		if (x != NULL && x->kind == DOCX_BREAK) {
			dn_new(DN_BREAK, to, line, col);
			break;
		}
		s = cmark_node_get_literal(n);
		dn_new(DN_RAW, to, line, col)->text = xstrdup(s ? s : "");
		break;
	case CMARK_NODE_EMPH:
		convert_children(t, n, dn_new(DN_EMPH, to, line, col));
		break;
	case CMARK_NODE_STRONG:
		convert_children(t, n, dn_new(DN_STRONG, to, line, col));
		break;
	case CMARK_NODE_LINK:
		m = dn_new(DN_LINK, to, line, col);
		convert_link(t, n, m);
		convert_children(t, n, m);
		break;
	case CMARK_NODE_IMAGE:
		m = dn_new(DN_IMAGE, to, line, col);
		s = cmark_node_get_url(n);
		m->url = xstrdup(s != NULL ? s : "");
		if ((s = cmark_node_get_title(n)) != NULL && *s != '\0')
			m->title = xstrdup(s);
		convert_children(t, n, m);
		break;
	case CMARK_NODE_FOOTNOTE_REFERENCE:
		s = cmark_node_get_literal(n);
		k = t->part->fn_base + (s != NULL ? atoi(s) : 0);
		if (k < 1 || k > t->d->nfn)
			break;
		m = dn_new(DN_NOTEREF, to, line, col);
		m->fn = k;
		m->ref = ++t->nref[k];
		break;
	case CMARK_NODE_FOOTNOTE_DEFINITION:
		/* After every part, in number order: see doc_tree(). */
		break;
	default:
		convert_children(t, n, to);
		break;
	}
}

/*
 * Builds d->root from the prepared parts: each part, then its notes
 * (cmark-gfm keeps each part's definitions at its end, in the order
 * of their numbers), so that references are counted as they are read.
 */
static void
doc_tree(struct doc *d)
{
	struct tctx	 t;
	struct dnode	*part, *note;
	cmark_node	*n;
	size_t		 i, j, k;

	memset(&t, 0, sizeof(t));
	t.d = d;
	t.nref = xcalloc((size_t)d->nfn + 1, sizeof(*t.nref));
	t.ids = xcalloc(d->nx + 1, sizeof(*t.ids));
	for (i = 0; i < d->nx; i++)
		if (d->x[i]->kind == DOCX_HEADING && d->x[i]->id != NULL)
			t.ids[t.nids++] = d->x[i]->id;
	qsort(t.ids, t.nids, sizeof(*t.ids), cmp_str);
	d->root = dn_new(DN_ROOT, NULL, 0, 0);
	for (i = 0; i < d->nparts; i++) {
		t.part = &d->parts[i];
		part = dn_new(DN_PART, d->root, 0, 0);
		part->path = d->parts[i].path;
		part->chapter = d->parts[i].chapter;
		convert_children(&t, d->parts[i].root, part);
		k = 0;
		for (n = cmark_node_first_child(d->parts[i].root); n != NULL;
		    n = cmark_node_next(n))
			if (cmark_node_get_type(n) ==
			    CMARK_NODE_FOOTNOTE_DEFINITION) {
				t.defs = xreallocarray(t.defs, t.ndefs + 1,
				    sizeof(*t.defs));
				t.defnum = xreallocarray(t.defnum, t.ndefs + 1,
				    sizeof(*t.defnum));
				t.defs[t.ndefs] = n;
				t.defnum[t.ndefs++] = d->parts[i].fn_base +
				    (int)++k;
			}
	}
	if (t.ndefs > 0) {
		t.notes = dn_new(DN_NOTES, d->root, 0, 0);
		d->notes = xcalloc((size_t)d->nfn + 1, sizeof(*d->notes));
	}
	for (j = 0; j < t.ndefs; j++) {
		for (i = 0; i < d->nparts; i++)
			if (t.defnum[j] > d->parts[i].fn_base)
				t.part = &d->parts[i];
		note = dn_new(DN_NOTE, t.notes, t.part->line0 +
		    cmark_node_get_start_line(t.defs[j]),
		    cmark_node_get_start_column(t.defs[j]));
		note->fn = t.defnum[j];
		note->path = t.part->path;
		if (note->fn >= 1 && note->fn <= d->nfn)
			d->notes[note->fn - 1] = note;
		convert_children(&t, t.defs[j], note);
	}
	for (j = 0; j < t.ndefs; j++)
		if (t.defnum[j] >= 1 && t.defnum[j] <= d->nfn)
			d->notes[t.defnum[j] - 1]->ref = t.nref[t.defnum[j]];
	free(t.defs);
	free(t.defnum);
	free(t.nref);
	free(t.ids);
}


/* Where each line of src starts (caller frees), or NULL for no src. */
static const char **
line_starts(const char *src, int *n)
{
	const char	**v, *s;
	int		  k = 1;

	*n = 0;
	if (src == NULL)
		return NULL;
	for (s = src; (s = strchr(s, '\n')) != NULL; s++)
		k++;
	v = xcalloc((size_t)k, sizeof(*v));
	v[(*n)++] = src;
	for (s = src; (s = strchr(s, '\n')) != NULL; s++)
		v[(*n)++] = s + 1;
	return v;
}

int
doc_build(struct edition *e, struct diag *diag)
{
	struct doc	*d;
	struct pctx	 p;
	size_t		 i, len;
	char		*text, **srcs;
	int		 nerr = 0, chapno = 0;

	doc_free(e->doc);
	d = e->doc = xcalloc(1, sizeof(*d));
	d->unsafe = e->meta.unsafe_html;
	cmark_gfm_core_extensions_ensure_registered();
	/* Each part's source, kept for the columns of diagnostics. */
	srcs = xcalloc(e->nchapters + 1, sizeof(*srcs));
	if (add_part(d, e->index_path, e->body, e->body_line, 0, diag) != 0)
		nerr++;
	else
		srcs[d->nparts - 1] = xstrdup(e->body);
	for (i = 0; i < e->nchapters; i++) {
		if ((text = cfile_read(e->root, e->chapters[i],
		    e->chapters[i], &len, diag)) == NULL) {
			nerr++;
			continue;
		}
		if (memchr(text, '\0', len) != NULL) {
			diag_error(diag, e->chapters[i], 0, 0, "NUL byte in "
			    "a Markdown file");
			nerr++;
		} else if (add_part(d, e->chapters[i], text, 0, (int)i + 1,
		    diag) != 0)
			nerr++;
		else {
			srcs[d->nparts - 1] = text;
			continue;
		}
		free(text);
	}
	memset(&p, 0, sizeof(p));
	p.d = d;
	p.st = e->stats;
	p.e = e;
	p.diag = diag;
	p.names = stats_names(e->stats, &p.nnames);
	for (i = 0; i < d->nparts; i++) {
		p.part = &d->parts[i];
		p.src = srcs[i];
		p.lines = line_starts(srcs[i], &p.nlines);
		p.lblock = NULL;
		prepare(&p, &chapno);
		free(p.lines);
		p.lines = NULL;
	}
	free(p.names);
	doc_tree(d);
	for (i = 0; i <= e->nchapters; i++)
		free(srcs[i]);
	free(srcs);
	return nerr + p.nerr;
}

void
doc_free(struct doc *d)
{
	size_t	 i, j;

	if (d == NULL)
		return;
	for (i = 0; i < d->nparts; i++) {
		cmark_node_free(d->parts[i].root);
		free(d->parts[i].path);
	}
	free(d->parts);
	dn_free(d->root);
	free(d->notes);
	for (i = 0; i < d->ntoc; i++)
		free(d->toc[i].text);
	free(d->toc);
	for (i = 0; i < d->nx; i++) {
		chart_free(&d->x[i]->chart);
		tblock_free(&d->x[i]->table);
		free(d->x[i]->title);
		free(d->x[i]->id);
		free(d->x[i]->num);
		for (j = 0; j < d->x[i]->nspans; j++)
			free(d->x[i]->spans[j].metric);
		free(d->x[i]->spans);
		free(d->x[i]);
	}
	free(d->x);
	free(d);
}
