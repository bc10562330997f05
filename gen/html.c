/*
 * html.c: the HTML back-end (spec 6.1): an edition's document tree
 * (doc.h) as one HTML5 page, and the archive page over all editions.
 * It walks the tree and writes what the tree says (ids and numbers,
 * values, judged links, footnote numbers and references, tightness);
 * it decides none of it again.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "backend.h"
#include "chart.h"
#include "content.h"
#include "doc.h"
#include "edition.h"
#include "fmt.h"
#include "html.h"
#include "series.h"
#include "stats.h"
#include "url.h"
#include "util.h"

/* Renderer state for one page. */
struct hr {
	struct buf		*b;	/* the page, appended to */
	const struct edition	*e;
	const struct chart_measure *measure;	/* text widths for charts */
	int			 unsafe;	/* pass raw HTML through */
};

/* The HTML back-end's renderer: what it keeps for a whole build. */
struct html {
	const struct chart_measure *measure;	/* text widths for charts */
	int			 pdf;	/* a PDF sits beside each page */
};

static void	 node(struct hr *, const struct dnode *);

static void
children(struct hr *h, const struct dnode *n)
{
	const struct dnode	*c;

	for (c = n->first; c != NULL; c = c->next)
		node(h, c);
}

/*
 * A link destination as CommonMark writes it: bytes outside the URL-safe
 * set percent-encoded (an existing %XX kept), & and ' as entities.
 */
static void
href(struct buf *b, const char *u)
{
	static const char	 safe[] = "-_.+!*(),%#@?=;:/$~";
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p;

	for (p = (const unsigned char *)u; *p != '\0'; p++) {
		if (*p == '&')
			buf_puts(b, "&amp;");
		else if (*p == '\'')
			buf_puts(b, "&#x27;");
		else if ((*p < 0x80 && isalnum(*p)) || strchr(safe, *p) != NULL)
			buf_putc(b, (char)*p);
		else {
			buf_putc(b, '%');
			buf_putc(b, hex[*p >> 4]);
			buf_putc(b, hex[*p & 15]);
		}
	}
}

/* A link as the tree judged it: its URL as published, or its text. */
static void
anchor(struct hr *h, const struct dnode *n)
{
	if (n->ukind == URL_REFUSED || n->url == NULL) {
		children(h, n);
		return;
	}
	buf_puts(h->b, "<a href=\"");
	href(h->b, n->url);
	buf_puts(h->b, "\"");
	if (n->title != NULL) {
		buf_puts(h->b, " title=\"");
		buf_html_s(h->b, n->title);
		buf_puts(h->b, "\"");
	}
	buf_puts(h->b, ">");
	children(h, n);
	buf_puts(h->b, "</a>");
}

/*
 * Raw HTML let through (unsafe_html) with GFM's tag filter: the "<" of
 * the tags that change how a page is parsed (title, textarea, style,
 * xmp, iframe, noembed, noframes, script, plaintext) is written as
 * "&lt;", so that they show as text.  cmark-gfm's tagfilter extension
 * does this in cmark's own HTML renderer, which gen does not use.
 */
static void
tagfilter(struct buf *b, const char *s)
{
	static const char *const tags[] = {
		"title", "textarea", "style", "xmp", "iframe", "noembed",
		"noframes", "script", "plaintext"
	};
	const char	*t;
	size_t		 i, n;

	for (; *s != '\0'; s++) {
		if (*s != '<') {
			buf_putc(b, *s);
			continue;
		}
		t = s + 1 + (s[1] == '/');
		for (i = 0; i < GEN_NELEM(tags); i++) {
			n = strlen(tags[i]);
			if (strncasecmp(t, tags[i], n) == 0 &&
			    (t[n] == '>' || t[n] == ' ' || t[n] == '\t' ||
			    t[n] == '\n' || t[n] == '\r' || t[n] == '\f' ||
			    (t[n] == '/' && t[n + 1] == '>')))
				break;
		}
		buf_puts(b, i < GEN_NELEM(tags) ? "&lt;" : "<");
	}
}

/* Raw HTML, a block's or an inline's: passed through, or shown. */
static void
raw(struct hr *h, const struct dnode *n)
{
	const char	*s = n->text != NULL ? n->text : "";

	if (h->unsafe)
		tagfilter(h->b, s);
	else if (n->type == DN_HTML) {
		buf_puts(h->b, "<pre class=\"raw-html\"><code>");
		buf_html_s(h->b, s);
		buf_puts(h->b, "</code></pre>\n");
	} else
		buf_html_s(h->b, s);
}

static void
figure(struct buf *b, const struct chart *c,
    const struct chart_measure *measure)
{
	struct chart_layout	 lay;
	char			 prefix[32];

	snprintf(prefix, sizeof(prefix), "fig-%d", c->number);
	chart_layout(c, CHART_WIDTH, measure, &lay);
	buf_printf(b, "<figure class=\"chart\" id=\"%s\">\n", c->id);
	chart_svg(c, &lay, prefix, b);
	/* A figure's caption comes first or last (HTML content model). */
	chart_svg_table(c, b);
	buf_printf(b, "<figcaption><span class=\"fig-num\">%s</span> ",
	    c->label);
	buf_html_s(b, c->title);
	buf_puts(b, "</figcaption>\n");
	buf_puts(b, "</figure>\n");
	chart_layout_free(&lay);
}

/* The count and percentage cells of a computed table's row. */
static void
table_cells(struct buf *b, const struct tblock *t, const struct trow *r)
{
	if (t->col_count) {
		buf_puts(b, "<td class=\"num\">");
		buf_html_s(b, r->count);
		buf_puts(b, "</td>");
	}
	if (t->col_pct) {
		buf_puts(b, "<td class=\"num\">");
		buf_html_s(b, r->pct);
		buf_puts(b, "</td>");
	}
}

/* A computed table (```table, DN_DATA). */
static void
table(struct buf *b, const struct tblock *t)
{
	size_t	 i;

	buf_printf(b, "<figure class=\"datatable\" id=\"%s\">\n"
	    "<figcaption><span class=\"fig-num\">%s</span> ", t->id,
	    t->label);
	buf_html_s(b, t->title);
	buf_puts(b, "</figcaption>\n<div class=\"table-wrap\">"
	    "<table class=\"data\">\n<thead><tr><th scope=\"col\">");
	buf_html_s(b, t->head);
	buf_puts(b, "</th>");
	if (t->col_count)
		buf_puts(b, "<th scope=\"col\" class=\"num\">Aantal</th>");
	if (t->col_pct)
		buf_puts(b, "<th scope=\"col\" class=\"num\">%</th>");
	buf_puts(b, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < t->nrows; i++) {
		buf_puts(b, "<tr><th scope=\"row\">");
		buf_html_s(b, t->rows[i].label);
		buf_puts(b, "</th>");
		table_cells(b, t, &t->rows[i]);
		buf_puts(b, "</tr>\n");
	}
	buf_puts(b, "</tbody>\n<tfoot><tr><th scope=\"row\">");
	buf_html_s(b, t->total.label);
	buf_puts(b, "</th>");
	table_cells(b, t, &t->total);
	buf_puts(b, "</tr></tfoot>\n</table></div>\n");
	if (t->note != NULL) {
		buf_puts(b, "<p class=\"table-note\">");
		buf_html_s(b, t->note);
		buf_puts(b, "</p>\n");
	}
	buf_puts(b, "</figure>\n");
}

/* A code block, with class="language-x" from its info string's word. */
static void
code(struct buf *b, const struct dnode *n)
{
	size_t	 len;

	buf_puts(b, "<pre><code");
	if (n->info != NULL && (len = strcspn(n->info, " \t\n")) > 0) {
		buf_puts(b, " class=\"language-");
		buf_html(b, n->info, len);
		buf_puts(b, "\"");
	}
	buf_puts(b, ">");
	buf_html_s(b, n->text != NULL ? n->text : "");
	buf_puts(b, "</code></pre>\n");
}

/* A GFM table: DN_ROWs (the header row first) of DN_CELLs. */
static void
gfm_table(struct hr *h, const struct dnode *n)
{
	const struct dnode	*row, *cell;
	const char		*tag;

	buf_puts(h->b, "<div class=\"table-wrap\"><table class=\"md\">\n");
	for (row = n->first; row != NULL; row = row->next) {
		if (row->head)
			buf_puts(h->b, "<thead>");
		else if (row == n->first->next)
			buf_puts(h->b, "<tbody>\n");
		buf_puts(h->b, "<tr>");
		tag = row->head ? "th" : "td";
		for (cell = row->first; cell != NULL; cell = cell->next) {
			buf_printf(h->b, "<%s%s%s>", tag, row->head ?
			    " scope=\"col\"" : "", cell->align == 'r' ?
			    " class=\"num\"" : cell->align == 'c' ?
			    " class=\"center\"" : "");
			children(h, cell);
			buf_printf(h->b, "</%s>", tag);
		}
		buf_puts(h->b, "</tr>");
		buf_puts(h->b, row->head ? "</thead>\n" : "\n");
	}
	if (n->first != NULL && n->first->next != NULL)
		buf_puts(h->b, "</tbody>\n");
	buf_puts(h->b, "</table></div>\n");
}

/* A heading, one level below the page's title (the cover's h1). */
static void
heading(struct hr *h, const struct dnode *n)
{
	int	 level = n->level + 1 > 6 ? 6 : n->level + 1;

	buf_printf(h->b, "<h%d", level);
	if (n->id != NULL) {
		buf_puts(h->b, " id=\"");
		buf_html_s(h->b, n->id);
		buf_puts(h->b, "\"");
	}
	buf_puts(h->b, ">");
	if (n->num != NULL)
		buf_printf(h->b, "<span class=\"chapter-num\">%s</span> ",
		    n->num);
	children(h, n);
	buf_printf(h->b, "</h%d>\n", level);
}

static void
callout(struct hr *h, const struct dnode *n)
{
	const struct calloutdef	*c = &doc_callouts[n->callout];

	buf_printf(h->b, "<aside class=\"callout %s\" aria-label=\"%s\">\n"
	    "<p class=\"callout-title\">", c->class, c->label);
	buf_html_s(h->b, n->title != NULL ? n->title : "");
	buf_puts(h->b, "</p>\n");
	children(h, n);
	buf_puts(h->b, "</aside>\n");
}

static void
list(struct hr *h, const struct dnode *n)
{
	if (!n->ordered)
		buf_puts(h->b, "<ul>\n");
	else if (n->start != 1)
		buf_printf(h->b, "<ol start=\"%d\">\n", n->start);
	else
		buf_puts(h->b, "<ol>\n");
	children(h, n);
	buf_puts(h->b, n->ordered ? "</ol>\n" : "</ul>\n");
}

static void
item(struct hr *h, const struct dnode *n)
{
	buf_puts(h->b, "<li>");
	/* A task: a box that screen readers name (it has no label). */
	if (n->task == 2)
		buf_puts(h->b, "<input type=\"checkbox\" disabled=\"\" "
		    "checked=\"\" aria-label=\"gedaan\"> ");
	else if (n->task == 1)
		buf_puts(h->b, "<input type=\"checkbox\" disabled=\"\" "
		    "aria-label=\"nog te doen\"> ");
	children(h, n);
	buf_puts(h->b, "</li>\n");
}

/* A reference to a footnote: its k-th, as the tree counted them. */
static void
footnote_ref(struct hr *h, const struct dnode *n)
{
	buf_printf(h->b, "<sup class=\"fn-ref\"><a href=\"#fn-%d\" "
	    "id=\"fnref-%d", n->fn, n->fn);
	if (n->ref > 1)
		buf_printf(h->b, "-%d", n->ref);
	buf_printf(h->b, "\" aria-describedby=\"fn-title\">%d</a></sup>",
	    n->fn);
}

/* Markup around a node's children: <em>, <strong>, <del>, <p>. */
static void
wrap(struct hr *h, const struct dnode *n, const char *open,
    const char *close)
{
	buf_puts(h->b, open);
	children(h, n);
	buf_puts(h->b, close);
}

/* Leaves: text, values, breaks, code spans, rules. */
static void
leaf(struct hr *h, const struct dnode *n)
{
	switch (n->type) {
	case DN_TEXT:
	case DN_VALUE:
		buf_html_s(h->b, n->text != NULL ? n->text : "");
		break;
	case DN_SOFTBREAK:
		buf_putc(h->b, '\n');
		break;
	case DN_BREAK:
		buf_puts(h->b, "<br>\n");
		break;
	case DN_CODESPAN:
		buf_puts(h->b, "<code>");
		buf_html_s(h->b, n->text != NULL ? n->text : "");
		buf_puts(h->b, "</code>");
		break;
	case DN_RULE:
		buf_puts(h->b, "<hr>\n");
		break;
	default:
		break;
	}
}

static void
node(struct hr *h, const struct dnode *n)
{
	switch (n->type) {
	case DN_PARA:
		if (n->tight)
			children(h, n);
		else
			wrap(h, n, "<p>", "</p>\n");
		break;
	case DN_HEADING:
		heading(h, n);
		break;
	case DN_QUOTE:
		wrap(h, n, "<blockquote>\n", "</blockquote>\n");
		break;
	case DN_CALLOUT:
		callout(h, n);
		break;
	case DN_LIST:
		list(h, n);
		break;
	case DN_ITEM:
		item(h, n);
		break;
	case DN_CODE:
		code(h->b, n);
		break;
	case DN_HTML:
	case DN_RAW:
		raw(h, n);
		break;
	case DN_TABLE:
		gfm_table(h, n);
		break;
	case DN_FIGURE:
		figure(h->b, n->chart, h->measure);
		break;
	case DN_DATA:
		table(h->b, n->table);
		break;
	case DN_EMPH:
		wrap(h, n, "<em>", "</em>");
		break;
	case DN_STRONG:
		wrap(h, n, "<strong>", "</strong>");
		break;
	case DN_STRIKE:
		wrap(h, n, "<del>", "</del>");
		break;
	case DN_LINK:
		anchor(h, n);
		break;
	case DN_IMAGE:
		/* Images would load from outside out/: show their text. */
		wrap(h, n, "<span class=\"image-alt\">", "</span>");
		break;
	case DN_NOTEREF:
		footnote_ref(h, n);
		break;
	case DN_NOTES:
	case DN_NOTE:
		/* Rendered together at the end of the page: notes(). */
		break;
	case DN_ROOT:
	case DN_PART:
	case DN_ROW:
	case DN_CELL:
		children(h, n);
		break;
	default:
		leaf(h, n);
		break;
	}
}

/* The links from a note back to each of its references. */
static void
backlinks(struct hr *h, const struct dnode *note)
{
	int	 r;

	for (r = 1; r <= (note->ref > 0 ? note->ref : 1); r++) {
		buf_printf(h->b, " <a href=\"#fnref-%d", note->fn);
		if (r > 1)
			buf_printf(h->b, "-%d", r);
		buf_puts(h->b, "\" class=\"fn-back\" aria-label=\"Terug naar "
		    "de tekst\">\xe2\x86\xa9</a>");
	}
}

/*
 * One footnote: the backlinks end its last paragraph, or follow a
 * last list, quote or code block, as cmark-gfm does.
 */
static void
note(struct hr *h, const struct dnode *n)
{
	const struct dnode	*c;

	buf_printf(h->b, "<li id=\"fn-%d\">", n->fn);
	for (c = n->first; c != NULL; c = c->next)
		if (c == n->last && c->type == DN_PARA) {
			buf_puts(h->b, "<p>");
			children(h, c);
			backlinks(h, n);
			buf_puts(h->b, "</p>\n");
		} else
			node(h, c);
	if (n->last == NULL || n->last->type != DN_PARA)
		backlinks(h, n);
	buf_puts(h->b, "</li>\n");
}

/* DN_NOTES: every footnote, in number order. */
static void
notes(struct hr *h, const struct dnode *n)
{
	const struct dnode	*c;

	if (n->first == NULL)
		return;
	buf_puts(h->b, "<section class=\"footnotes\" "
	    "aria-labelledby=\"fn-title\">\n<h2 id=\"fn-title\">Noten</h2>\n"
	    "<ol>\n");
	for (c = n->first; c != NULL; c = c->next)
		if (c->type == DN_NOTE)
			note(h, c);
	buf_puts(h->b, "</ol>\n</section>\n");
}

/*
 * The document: each part (in a <section> of its own if sections),
 * then the notes.
 */
static void
document(struct hr *h, int sections)
{
	const struct dnode	*n;

	if (h->e->doc == NULL || h->e->doc->root == NULL)
		return;
	for (n = h->e->doc->root->first; n != NULL; n = n->next) {
		if (n->type == DN_NOTES) {
			notes(h, n);
			continue;
		}
		if (sections)
			buf_puts(h->b, n->chapter == 0 ?
			    "<section class=\"intro\">\n" :
			    "<section class=\"chapter\">\n");
		children(h, n);
		if (sections)
			buf_puts(h->b, "</section>\n");
	}
}

static void
toc(struct hr *h)
{
	const struct doc	*d = h->e->doc;
	size_t			 i;
	int			 open1 = 0, open2 = 0;

	if (d->ntoc == 0)
		return;
	buf_puts(h->b, "<nav class=\"toc\" aria-labelledby=\"toc-title\">"
	    "<h2 id=\"toc-title\">Inhoud</h2>\n<ol>\n");
	for (i = 0; i < d->ntoc; i++) {
		if (d->toc[i].level == 1) {
			if (open2)
				buf_puts(h->b, "</ol>");
			if (open1)
				buf_puts(h->b, "</li>\n");
			open1 = 1;
			open2 = 0;
			buf_puts(h->b, "<li>");
		} else {
			if (!open1) {
				buf_puts(h->b, "<li>");
				open1 = 1;
			}
			if (!open2)
				buf_puts(h->b, "<ol>\n");
			open2 = 1;
			buf_puts(h->b, "<li>");
		}
		buf_puts(h->b, "<a href=\"#");
		buf_html_s(h->b, d->toc[i].id);
		buf_puts(h->b, "\">");
		if (d->toc[i].num != NULL)
			buf_printf(h->b, "%s ", d->toc[i].num);
		buf_html_s(h->b, d->toc[i].text);
		buf_puts(h->b, "</a>");
		if (d->toc[i].level != 1)
			buf_puts(h->b, "</li>\n");
	}
	if (open2)
		buf_puts(h->b, "</ol>");
	if (open1)
		buf_puts(h->b, "</li>\n");
	buf_puts(h->b, "</ol>\n</nav>\n");
}

static void
head(struct buf *b, const char *title, const char *css, const char *accent,
    int feed)
{
	buf_puts(b, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n<title>");
	buf_html_s(b, title);
	buf_printf(b, "</title>\n<link rel=\"stylesheet\" href=\"%s\">\n", css);
	if (feed)
		buf_puts(b, "<link rel=\"alternate\" type=\"application/"
		    "atom+xml\" href=\"feed.xml\" title=\"Nieuwe edities\">\n");
	if (accent != NULL)
		buf_printf(b, "<style>:root{--accent:%s}</style>\n", accent);
	buf_puts(b, "</head>\n");
}

/* The cover: logo, organisation, title, date and the links. */
static void
cover(struct hr *h, const char *org, const char *logo, int pdf)
{
	const struct meta	*m = &h->e->meta;

	buf_puts(h->b, "<header class=\"cover\">\n");
	if (logo != NULL) {
		buf_printf(h->b, "<img class=\"cover-logo\" src=\"%s\" "
		    "alt=\"Logo", logo);
		if (org != NULL) {
			buf_puts(h->b, " ");
			buf_html_s(h->b, org);
		}
		buf_puts(h->b, "\">\n");
	}
	if (org != NULL) {
		buf_puts(h->b, "<p class=\"cover-org\">");
		buf_html_s(h->b, org);
		buf_puts(h->b, "</p>\n");
	}
	buf_puts(h->b, "<h1 class=\"cover-title\">");
	buf_html_s(h->b, m->title.s);
	buf_puts(h->b, "</h1>\n");
	if (m->subtitle.s != NULL) {
		buf_puts(h->b, "<p class=\"cover-subtitle\">");
		buf_html_s(h->b, m->subtitle.s);
		buf_puts(h->b, "</p>\n");
	}
	buf_puts(h->b, "<p class=\"cover-date\"><time datetime=\"");
	fmt_date_iso(h->b, m->date);
	buf_puts(h->b, "\">");
	fmt_date(h->b, m->date);
	buf_puts(h->b, "</time></p>\n<p class=\"cover-links\">");
	if (pdf) {
		buf_puts(h->b, "<a href=\"");
		buf_html_s(h->b, h->e->slug);
		buf_puts(h->b, ".pdf\">Download als PDF</a> · ");
	}
	buf_puts(h->b, "<a href=\"../index.html\">Alle edities</a></p>\n"
	    "</header>\n");
}

static void
footer(struct hr *h, const char *org)
{
	const struct meta	*m = &h->e->meta;

	buf_puts(h->b, "<footer class=\"site-footer\">");
	if (m->footer.s != NULL) {
		buf_puts(h->b, "<p>");
		buf_html_s(h->b, m->footer.s);
		buf_puts(h->b, "</p>");
	}
	buf_puts(h->b, "<p>");
	if (org != NULL) {
		buf_puts(h->b, "\xc2\xa9 ");
		buf_html_s(h->b, org);
		buf_puts(h->b, " · ");
	}
	fmt_date(h->b, m->date);
	buf_puts(h->b, "</p></footer>\n");
}

/* The page of edition e, appended to b. */
static void
page(struct buf *b, const struct edition *e,
    const struct chart_measure *measure, const char *logo, int pdf)
{
	const struct meta	*m = &e->meta;
	const char		*org;
	struct hr		 h;

	memset(&h, 0, sizeof(h));
	h.b = b;
	h.e = e;
	h.measure = measure;
	h.unsafe = e->doc->unsafe;
	org = m->brand_name.s ? m->brand_name.s : m->organisation.s;
	head(b, m->title.s, "gen.css", m->brand_color.s, 0);
	buf_puts(b, "<body>\n<a class=\"skip-link\" href=\"#inhoud\">"
	    "Direct naar de inhoud</a>\n");
	cover(&h, org, logo, pdf);
	buf_puts(b, "<div class=\"page\">\n");
	toc(&h);
	buf_puts(b, "<main id=\"inhoud\">\n");
	document(&h, 1);
	buf_puts(b, "</main>\n</div>\n");
	footer(&h, org);
	buf_puts(b, "</body>\n</html>\n");
}

char *
html_edition(const struct edition *e, const struct html_opts *o)
{
	struct buf	 b = { NULL, 0, 0 };

	page(&b, e, o->measure, o->logo, o->pdf);
	return buf_detach(&b);
}

char *
html_document(const struct edition *e, const struct html_opts *o)
{
	struct buf	 b = { NULL, 0, 0 };
	struct hr	 h;

	memset(&h, 0, sizeof(h));
	h.b = &b;
	h.e = e;
	h.measure = o->measure;
	h.unsafe = e->doc != NULL && e->doc->unsafe;
	document(&h, 0);
	if (b.s == NULL)
		buf_puts(&b, "");
	return buf_detach(&b);
}

static void *
html_new(const struct backend_opts *o)
{
	struct html	*r = xcalloc(1, sizeof(*r));

	r->measure = o->measure;
	r->pdf = o->pdf;
	return r;
}

/* Appends the edition's page, as html_edition() gives it. */
static int
html_rndr(void *arg, const struct backend_in *in, struct buf *out,
    struct diag *diag)
{
	const struct html	*r = arg;

	(void)diag;
	page(out, in->e, r->measure, in->logo, r->pdf);
	return 0;
}

static void
html_free(void *arg)
{
	free(arg);
}

const struct backend backend_html = {
	"html", "index.html", html_new, html_rndr, html_free
};

static void
keyfig(struct buf *b, const struct keyfig *k, const struct keyfigdef *d)
{
	if (k->name == NULL || !k->defined)
		return;
	buf_puts(b, "<div><dt>");
	buf_html_s(b, d->label);
	buf_puts(b, "</dt><dd>");
	buf_html_s(b, k->shown);
	if (d->unit != NULL && !k->hidden)
		buf_printf(b, " %s", d->unit);
	buf_puts(b, "</dd></div>");
}

/* One edition in the archive's list of its series. */
static void
archive_edition(struct buf *b, const struct edition *e, const char *logo,
    const struct html_opts *o)
{
	const struct meta	*m = &e->meta;
	size_t			 i;

	buf_puts(b, "<li class=\"edition\"><article aria-labelledby=\"e-");
	buf_html_s(b, e->slug);
	buf_puts(b, "\">\n");
	if (logo != NULL) {
		buf_puts(b, "<img class=\"edition-logo\" src=\"");
		buf_html_s(b, logo);
		buf_puts(b, "\" alt=\"Logo");
		if (m->brand_name.s != NULL) {
			buf_puts(b, " ");
			buf_html_s(b, m->brand_name.s);
		}
		buf_puts(b, "\">\n");
	}
	buf_puts(b, "<p class=\"edition-date\"><time datetime=\"");
	fmt_date_iso(b, m->date);
	buf_puts(b, "\">");
	fmt_date(b, m->date);
	buf_puts(b, "</time></p>\n<h3 id=\"e-");
	buf_html_s(b, e->slug);
	buf_puts(b, "\"><a href=\"");
	buf_html_s(b, e->slug);
	buf_puts(b, "/index.html\">");
	buf_html_s(b, m->title.s);
	buf_puts(b, "</a></h3>\n");
	if (m->subtitle.s != NULL) {
		buf_puts(b, "<p class=\"edition-subtitle\">");
		buf_html_s(b, m->subtitle.s);
		buf_puts(b, "</p>\n");
	}
	if (e->kf[KF_AANTAL].name != NULL) {
		buf_puts(b, "<dl class=\"keyfigs\">");
		for (i = 0; i < EDITION_NKEYFIG; i++)
			keyfig(b, &e->kf[i], &edition_keyfigs[i]);
		buf_puts(b, "</dl>\n");
	}
	buf_puts(b, "<p class=\"edition-links\"><a href=\"");
	buf_html_s(b, e->slug);
	buf_puts(b, "/index.html\">Lees online</a>");
	if (o->pdf) {
		buf_puts(b, " <a href=\"");
		buf_html_s(b, e->slug);
		buf_puts(b, "/");
		buf_html_s(b, e->slug);
		buf_puts(b, ".pdf\">PDF</a>");
	}
	buf_puts(b, "</p>\n");
	buf_printf(b, "<p class=\"edition-status%s\">%s</p>\n",
	    m->published ? "" : " draft",
	    m->published ? "Gepubliceerd" : "Concept");
	buf_puts(b, "</article></li>\n");
}

/* A series: its editions, newest first, and its charts across years. */
static void
archive_series(struct buf *b, const struct content *c,
    const struct series *s, size_t n, const struct html_opts *o)
{
	size_t	 i;

	buf_printf(b, "<section class=\"series\" aria-labelledby=\"reeks-%zu"
	    "\">\n<h2 id=\"reeks-%zu\">", n + 1, n + 1);
	buf_html_s(b, s->name);
	buf_printf(b, "</h2>\n<p class=\"series-count\">%zu editie%s</p>\n"
	    "<ol class=\"editions\">\n", s->ned, s->ned == 1 ? "" : "s");
	for (i = 0; i < s->ned; i++)
		archive_edition(b, c->ed[s->ed[i]], o->logos != NULL ?
		    o->logos[s->ed[i]] : NULL, o);
	buf_puts(b, "</ol>\n");
	if (s->ntrend > 0) {
		buf_puts(b, "<div class=\"trend\">\n<h3>");
		buf_html_s(b, s->name);
		buf_puts(b, " door de jaren heen</h3>\n");
	}
	for (i = 0; i < s->ntrend; i++)
		figure(b, &s->trend[i], o->measure);
	if (s->ntrend > 0)
		buf_puts(b, "</div>\n");
	buf_puts(b, "</section>\n");
}

char *
html_archive(const struct content *c, const struct html_opts *o)
{
	struct buf		 b = { NULL, 0, 0 };
	const char		*org = NULL;
	size_t			 i;

	for (i = 0; i < c->ned && org == NULL; i++)
		org = c->ed[i]->meta.organisation.s;
	head(&b, "Archief van de rapportages", "gen.css", NULL, 1);
	buf_puts(&b, "<body class=\"archive\">\n<a class=\"skip-link\" "
	    "href=\"#inhoud\">Direct naar de inhoud</a>\n"
	    "<header class=\"archive-header\">\n");
	if (org != NULL) {
		buf_puts(&b, "<p class=\"cover-org\">");
		buf_html_s(&b, org);
		buf_puts(&b, "</p>\n");
	}
	buf_puts(&b, "<h1>Archief van de rapportages</h1>\n<p class=\"lead\">"
	    "Alle edities per reeks, de nieuwste eerst. Elke editie is online "
	    "te lezen en als PDF te downloaden. Cijfers worden alleen binnen "
	    "een reeks vergeleken: verschillende soorten trajecten en een "
	    "regio tegenover het hele land tellen niet hetzelfde.</p>\n"
	    "<p class=\"lead\">Volg nieuwe edities met een feedlezer: <a "
	    "href=\"feed.xml\">feed.xml</a>; de gegevens van alle edities "
	    "staan in <a href=\"editions.json\">editions.json</a>.</p>\n"
	    "</header>\n<main id=\"inhoud\" class=\"archive-main\">\n");
	for (i = 0; i < c->nseries; i++)
		archive_series(&b, c, &c->series[i], i, o);
	buf_puts(&b, "</main>\n<footer class=\"site-footer\"><p>");
	if (org != NULL)
		buf_html_s(&b, org);
	buf_puts(&b, "</p></footer>\n</body>\n</html>\n");
	return buf_detach(&b);
}
