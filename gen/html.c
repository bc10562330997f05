/*
 * html.c: rendering the annotated cmark trees as one HTML5 page.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm-core-extensions.h>

#include "chart.h"
#include "content.h"
#include "doc_cmark.h"
#include "edition.h"
#include "fmt.h"
#include "html.h"
#include "series.h"
#include "stats.h"
#include "url.h"
#include "util.h"

/* Renderer state for one page. */
struct hr {
	struct buf		 b;	/* the page */
	const struct edition	*e;
	const struct html_opts	*o;
	const struct doc_part	*part;	/* part being rendered */
	int			*fnrefs;/* references seen per footnote */
	int			 unsafe;/* pass raw HTML through */
};

static void	 node(struct hr *, cmark_node *);

static void
children(struct hr *h, cmark_node *n)
{
	cmark_node	*c;

	for (c = cmark_node_first_child(n); c != NULL; c = cmark_node_next(c))
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

/* A link, if url_judge() accepts its URL; else its text alone. */
static void
anchor(struct hr *h, cmark_node *n)
{
	struct buf	 u = { NULL, 0, 0 };
	const char	*s = cmark_node_get_url(n);

	if (s == NULL || url_judge(s, &u) == URL_REFUSED) {
		children(h, n);
		return;
	}
	buf_puts(&h->b, "<a href=\"");
	href(&h->b, u.s != NULL ? u.s : "");
	buf_puts(&h->b, "\"");
	if ((s = cmark_node_get_title(n)) != NULL && *s) {
		buf_puts(&h->b, " title=\"");
		buf_html_s(&h->b, s);
		buf_puts(&h->b, "\"");
	}
	buf_puts(&h->b, ">");
	children(h, n);
	buf_puts(&h->b, "</a>");
	buf_free(&u);
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

static void
figure(struct buf *b, const struct chart *c, const struct html_opts *o)
{
	struct chart_layout	 lay;
	char			 prefix[32];

	snprintf(prefix, sizeof(prefix), "fig-%d", c->number);
	chart_layout(c, CHART_WIDTH, o->measure, &lay);
	buf_printf(b, "<figure class=\"chart\" id=\"figuur-%d\">\n",
	    c->number);
	chart_svg(c, &lay, prefix, b);
	/* A figure's caption comes first or last (HTML content model). */
	chart_svg_table(c, b);
	buf_printf(b, "<figcaption><span class=\"fig-num\">Figuur "
	    "%d.</span> ", c->number);
	buf_html_s(b, c->title);
	buf_puts(b, "</figcaption>\n");
	buf_puts(b, "</figure>\n");
	chart_layout_free(&lay);
}

static void
table(struct hr *h, const struct tblock *t)
{
	size_t	 i;

	buf_printf(&h->b, "<figure class=\"datatable\" id=\"tabel-%d\">\n"
	    "<figcaption><span class=\"fig-num\">Tabel %d.</span> ",
	    t->number, t->number);
	buf_html_s(&h->b, t->title);
	buf_puts(&h->b, "</figcaption>\n<div class=\"table-wrap\">"
	    "<table class=\"data\">\n<thead><tr><th scope=\"col\">");
	buf_html_s(&h->b, t->head);
	buf_puts(&h->b, "</th>");
	if (t->col_count)
		buf_puts(&h->b, "<th scope=\"col\" class=\"num\">Aantal</th>");
	if (t->col_pct)
		buf_puts(&h->b, "<th scope=\"col\" class=\"num\">%</th>");
	buf_puts(&h->b, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < t->nrows; i++) {
		buf_puts(&h->b, "<tr><th scope=\"row\">");
		buf_html_s(&h->b, t->rows[i].label);
		buf_puts(&h->b, "</th>");
		if (t->col_count) {
			buf_puts(&h->b, "<td class=\"num\">");
			buf_html_s(&h->b, t->rows[i].count);
			buf_puts(&h->b, "</td>");
		}
		if (t->col_pct) {
			buf_puts(&h->b, "<td class=\"num\">");
			buf_html_s(&h->b, t->rows[i].pct);
			buf_puts(&h->b, "</td>");
		}
		buf_puts(&h->b, "</tr>\n");
	}
	buf_puts(&h->b, "</tbody>\n<tfoot><tr><th scope=\"row\">");
	buf_html_s(&h->b, t->total.label);
	buf_puts(&h->b, "</th>");
	if (t->col_count) {
		buf_puts(&h->b, "<td class=\"num\">");
		buf_html_s(&h->b, t->total.count);
		buf_puts(&h->b, "</td>");
	}
	if (t->col_pct) {
		buf_puts(&h->b, "<td class=\"num\">");
		buf_html_s(&h->b, t->total.pct);
		buf_puts(&h->b, "</td>");
	}
	buf_puts(&h->b, "</tr></tfoot>\n</table></div>\n");
	if (t->note != NULL) {
		buf_puts(&h->b, "<p class=\"table-note\">");
		buf_html_s(&h->b, t->note);
		buf_puts(&h->b, "</p>\n");
	}
	buf_puts(&h->b, "</figure>\n");
}

/* class="language-x" from the first word of a fence's info string. */
static void
code_lang(struct buf *b, const char *info)
{
	size_t	 n;

	if (info == NULL || (n = strcspn(info, " \t\n")) == 0)
		return;
	buf_puts(b, " class=\"language-");
	buf_html(b, info, n);
	buf_puts(b, "\"");
}

static int
tight(cmark_node *n)
{
	cmark_node	*p = cmark_node_parent(n), *l;

	if (p == NULL || cmark_node_get_type(p) != CMARK_NODE_ITEM)
		return 0;
	l = cmark_node_parent(p);
	return l != NULL && cmark_node_get_list_tight(l);
}

static void
gfm_table(struct hr *h, cmark_node *n)
{
	cmark_node	*row, *cell;
	uint8_t		*align;
	size_t		 i;
	int		 head;

	align = cmark_gfm_extensions_get_table_alignments(n);
	buf_puts(&h->b, "<div class=\"table-wrap\"><table class=\"md\">\n");
	for (row = cmark_node_first_child(n); row != NULL;
	    row = cmark_node_next(row)) {
		head = cmark_gfm_extensions_get_table_row_is_header(row);
		if (head)
			buf_puts(&h->b, "<thead>");
		else if (row == cmark_node_next(cmark_node_first_child(n)))
			buf_puts(&h->b, "<tbody>\n");
		buf_puts(&h->b, "<tr>");
		for (i = 0, cell = cmark_node_first_child(row); cell != NULL;
		    cell = cmark_node_next(cell), i++) {
			const char *tag = head ? "th" : "td";
			uint8_t a = align != NULL ? align[i] : 0;

			buf_printf(&h->b, "<%s%s%s>", tag, head ?
			    " scope=\"col\"" : "", a == 'r' ?
			    " class=\"num\"" : a == 'c' ?
			    " class=\"center\"" : "");
			children(h, cell);
			buf_printf(&h->b, "</%s>", tag);
		}
		buf_puts(&h->b, "</tr>");
		buf_puts(&h->b, head ? "</thead>\n" : "\n");
	}
	if (cmark_node_next(cmark_node_first_child(n)) != NULL)
		buf_puts(&h->b, "</tbody>\n");
	buf_puts(&h->b, "</table></div>\n");
}

static void
footnote_ref(struct hr *h, cmark_node *n)
{
	const char	*lit = cmark_node_get_literal(n);
	int		 num = h->part->fn_base + (lit ? atoi(lit) : 0);

	if (num < 1 || num > h->e->doc->nfn)
		return;
	h->fnrefs[num]++;
	buf_printf(&h->b, "<sup class=\"fn-ref\"><a href=\"#fn-%d\" "
	    "id=\"fnref-%d", num, num);
	if (h->fnrefs[num] > 1)
		buf_printf(&h->b, "-%d", h->fnrefs[num]);
	buf_printf(&h->b, "\" aria-describedby=\"fn-title\">%d</a></sup>",
	    num);
}

static void
node(struct hr *h, cmark_node *n)
{
	const struct docx *x = doc_ext(n);
	cmark_node_type	 t = cmark_node_get_type(n);
	const char	*s;
	int		 level;

	if (t == CMARK_NODE_TABLE) {
		gfm_table(h, n);
		return;
	}
	if (t == CMARK_NODE_STRIKETHROUGH) {
		buf_puts(&h->b, "<del>");
		children(h, n);
		buf_puts(&h->b, "</del>");
		return;
	}
	switch (t) {
	case CMARK_NODE_DOCUMENT:
		children(h, n);
		break;
	case CMARK_NODE_PARAGRAPH:
		if (tight(n)) {
			children(h, n);
			break;
		}
		buf_puts(&h->b, "<p>");
		children(h, n);
		buf_puts(&h->b, "</p>\n");
		break;
	case CMARK_NODE_HEADING:
		level = cmark_node_get_heading_level(n) + 1;
		if (level > 6)
			level = 6;
		buf_printf(&h->b, "<h%d", level);
		if (x != NULL && x->id != NULL) {
			buf_puts(&h->b, " id=\"");
			buf_html_s(&h->b, x->id);
			buf_puts(&h->b, "\"");
		}
		buf_puts(&h->b, ">");
		if (x != NULL && x->num != NULL)
			buf_printf(&h->b, "<span class=\"chapter-num\">%s"
			    "</span> ", x->num);
		children(h, n);
		buf_printf(&h->b, "</h%d>\n", level);
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		if (x != NULL && x->kind == DOCX_CALLOUT) {
			buf_printf(&h->b, "<aside class=\"callout %s\" "
			    "aria-label=\"%s\">\n<p class=\"callout-title\">",
			    doc_callouts[x->callout].class,
			    doc_callouts[x->callout].label);
			buf_html_s(&h->b, x->title);
			buf_puts(&h->b, "</p>\n");
			children(h, n);
			buf_puts(&h->b, "</aside>\n");
			break;
		}
		buf_puts(&h->b, "<blockquote>\n");
		children(h, n);
		buf_puts(&h->b, "</blockquote>\n");
		break;
	case CMARK_NODE_LIST:
		if (cmark_node_get_list_type(n) == CMARK_ORDERED_LIST) {
			if (cmark_node_get_list_start(n) != 1)
				buf_printf(&h->b, "<ol start=\"%d\">\n",
				    cmark_node_get_list_start(n));
			else
				buf_puts(&h->b, "<ol>\n");
			children(h, n);
			buf_puts(&h->b, "</ol>\n");
		} else {
			buf_puts(&h->b, "<ul>\n");
			children(h, n);
			buf_puts(&h->b, "</ul>\n");
		}
		break;
	case CMARK_NODE_ITEM:
		buf_puts(&h->b, "<li>");
		/* A task: a box that screen readers name (it has no label). */
		if (strcmp(cmark_node_get_type_string(n), "tasklist") == 0)
			buf_puts(&h->b,
			    cmark_gfm_extensions_get_tasklist_item_checked(n) ?
			    "<input type=\"checkbox\" disabled=\"\" checked=\"\" "
			    "aria-label=\"gedaan\"> " :
			    "<input type=\"checkbox\" disabled=\"\" "
			    "aria-label=\"nog te doen\"> ");
		children(h, n);
		buf_puts(&h->b, "</li>\n");
		break;
	case CMARK_NODE_CODE_BLOCK:
		if (x != NULL && x->kind == DOCX_CHART) {
			figure(&h->b, &x->chart, h->o);
			break;
		}
		if (x != NULL && x->kind == DOCX_TABLE) {
			table(h, &x->table);
			break;
		}
		buf_puts(&h->b, "<pre><code");
		code_lang(&h->b, cmark_node_get_fence_info(n));
		buf_puts(&h->b, ">");
		s = cmark_node_get_literal(n);
		buf_html_s(&h->b, s ? s : "");
		buf_puts(&h->b, "</code></pre>\n");
		break;
	case CMARK_NODE_HTML_BLOCK:
		s = cmark_node_get_literal(n);
		if (h->unsafe)
			tagfilter(&h->b, s ? s : "");
		else {
			buf_puts(&h->b, "<pre class=\"raw-html\"><code>");
			buf_html_s(&h->b, s ? s : "");
			buf_puts(&h->b, "</code></pre>\n");
		}
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		buf_puts(&h->b, "<hr>\n");
		break;
	case CMARK_NODE_TEXT:
		s = cmark_node_get_literal(n);
		buf_html_s(&h->b, s ? s : "");
		break;
	case CMARK_NODE_SOFTBREAK:
		buf_putc(&h->b, '\n');
		break;
	case CMARK_NODE_LINEBREAK:
		buf_puts(&h->b, "<br>\n");
		break;
	case CMARK_NODE_CODE:
		buf_puts(&h->b, "<code>");
		s = cmark_node_get_literal(n);
		buf_html_s(&h->b, s ? s : "");
		buf_puts(&h->b, "</code>");
		break;
	case CMARK_NODE_HTML_INLINE:
		s = cmark_node_get_literal(n);
		if (x != NULL && x->kind == DOCX_BREAK)
			buf_puts(&h->b, "<br>\n");
		else if (h->unsafe)
			tagfilter(&h->b, s ? s : "");
		else
			buf_html_s(&h->b, s ? s : "");
		break;
	case CMARK_NODE_EMPH:
		buf_puts(&h->b, "<em>");
		children(h, n);
		buf_puts(&h->b, "</em>");
		break;
	case CMARK_NODE_STRONG:
		buf_puts(&h->b, "<strong>");
		children(h, n);
		buf_puts(&h->b, "</strong>");
		break;
	case CMARK_NODE_LINK:
		anchor(h, n);
		break;
	case CMARK_NODE_IMAGE:
		/* Images would load from outside out/: show their text. */
		buf_puts(&h->b, "<span class=\"image-alt\">");
		children(h, n);
		buf_puts(&h->b, "</span>");
		break;
	case CMARK_NODE_FOOTNOTE_REFERENCE:
		footnote_ref(h, n);
		break;
	case CMARK_NODE_FOOTNOTE_DEFINITION:
		/* Rendered together at the end of the page. */
		break;
	default:
		children(h, n);
		break;
	}
}

/* The links from note num back to each of its references. */
static void
backlinks(struct hr *h, int num)
{
	int	 r;

	for (r = 1; r <= (h->fnrefs[num] ? h->fnrefs[num] : 1); r++) {
		buf_printf(&h->b, " <a href=\"#fnref-%d", num);
		if (r > 1)
			buf_printf(&h->b, "-%d", r);
		buf_puts(&h->b, "\" class=\"fn-back\" aria-label=\"Terug naar "
		    "de tekst\">\xe2\x86\xa9</a>");
	}
}

static void
footnotes(struct hr *h)
{
	const struct doc	*d = h->e->doc;
	cmark_node		*n, *last;
	size_t			 i;
	int			 k, num;

	if (d->nfn == 0)
		return;
	buf_puts(&h->b, "<section class=\"footnotes\" "
	    "aria-labelledby=\"fn-title\">\n<h2 id=\"fn-title\">Noten</h2>\n"
	    "<ol>\n");
	for (i = 0; i < d->nparts; i++) {
		h->part = &d->parts[i];
		k = 0;
		for (n = cmark_node_first_child(d->parts[i].root); n != NULL;
		    n = cmark_node_next(n)) {
			if (cmark_node_get_type(n) !=
			    CMARK_NODE_FOOTNOTE_DEFINITION)
				continue;
			num = d->parts[i].fn_base + ++k;
			buf_printf(&h->b, "<li id=\"fn-%d\">", num);
			last = cmark_node_last_child(n);
			for (cmark_node *c = cmark_node_first_child(n);
			    c != NULL; c = cmark_node_next(c)) {
				if (c == last &&
				    cmark_node_get_type(c) ==
				    CMARK_NODE_PARAGRAPH) {
					buf_puts(&h->b, "<p>");
					children(h, c);
					backlinks(h, num);
					buf_puts(&h->b, "</p>\n");
				} else
					node(h, c);
			}
			/* After a list, quote or code, as cmark-gfm does. */
			if (last == NULL || cmark_node_get_type(last) !=
			    CMARK_NODE_PARAGRAPH)
				backlinks(h, num);
			buf_puts(&h->b, "</li>\n");
		}
	}
	buf_puts(&h->b, "</ol>\n</section>\n");
}

static void
toc(struct hr *h)
{
	const struct doc	*d = h->e->doc;
	size_t			 i;
	int			 open1 = 0, open2 = 0;

	if (d->ntoc == 0)
		return;
	buf_puts(&h->b, "<nav class=\"toc\" aria-labelledby=\"toc-title\">"
	    "<h2 id=\"toc-title\">Inhoud</h2>\n<ol>\n");
	for (i = 0; i < d->ntoc; i++) {
		if (d->toc[i].level == 1) {
			if (open2)
				buf_puts(&h->b, "</ol>");
			if (open1)
				buf_puts(&h->b, "</li>\n");
			open1 = 1;
			open2 = 0;
			buf_puts(&h->b, "<li>");
		} else {
			if (!open1) {
				buf_puts(&h->b, "<li>");
				open1 = 1;
			}
			if (!open2)
				buf_puts(&h->b, "<ol>\n");
			open2 = 1;
			buf_puts(&h->b, "<li>");
		}
		buf_puts(&h->b, "<a href=\"#");
		buf_html_s(&h->b, d->toc[i].id);
		buf_puts(&h->b, "\">");
		if (d->toc[i].num != NULL)
			buf_printf(&h->b, "%s ", d->toc[i].num);
		buf_html_s(&h->b, d->toc[i].text);
		buf_puts(&h->b, "</a>");
		if (d->toc[i].level != 1)
			buf_puts(&h->b, "</li>\n");
	}
	if (open2)
		buf_puts(&h->b, "</ol>");
	if (open1)
		buf_puts(&h->b, "</li>\n");
	buf_puts(&h->b, "</ol>\n</nav>\n");
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

char *
html_edition(const struct edition *e, const struct html_opts *o)
{
	struct hr		 h;
	const struct meta	*m = &e->meta;
	const char		*org;
	size_t			 i;

	memset(&h, 0, sizeof(h));
	h.e = e;
	h.o = o;
	h.unsafe = m->unsafe_html;
	h.fnrefs = xcalloc((size_t)e->doc->nfn + 1, sizeof(int));
	head(&h.b, m->title.s, "gen.css", m->brand_color.s, 0);
	buf_puts(&h.b, "<body>\n<a class=\"skip-link\" href=\"#inhoud\">"
	    "Direct naar de inhoud</a>\n<header class=\"cover\">\n");
	org = m->brand_name.s ? m->brand_name.s : m->organisation.s;
	if (o->logo != NULL) {
		buf_printf(&h.b, "<img class=\"cover-logo\" src=\"%s\" alt=\"",
		    o->logo);
		buf_puts(&h.b, "Logo");
		if (org != NULL) {
			buf_puts(&h.b, " ");
			buf_html_s(&h.b, org);
		}
		buf_puts(&h.b, "\">\n");
	}
	if (org != NULL) {
		buf_puts(&h.b, "<p class=\"cover-org\">");
		buf_html_s(&h.b, org);
		buf_puts(&h.b, "</p>\n");
	}
	buf_puts(&h.b, "<h1 class=\"cover-title\">");
	buf_html_s(&h.b, m->title.s);
	buf_puts(&h.b, "</h1>\n");
	if (m->subtitle.s != NULL) {
		buf_puts(&h.b, "<p class=\"cover-subtitle\">");
		buf_html_s(&h.b, m->subtitle.s);
		buf_puts(&h.b, "</p>\n");
	}
	buf_puts(&h.b, "<p class=\"cover-date\"><time datetime=\"");
	fmt_date_iso(&h.b, m->date);
	buf_puts(&h.b, "\">");
	fmt_date(&h.b, m->date);
	buf_puts(&h.b, "</time></p>\n<p class=\"cover-links\">");
	if (o->pdf) {
		buf_puts(&h.b, "<a href=\"");
		buf_html_s(&h.b, e->slug);
		buf_puts(&h.b, ".pdf\">Download als PDF</a> · ");
	}
	buf_puts(&h.b, "<a href=\"../index.html\">Alle edities</a></p>\n"
	    "</header>\n<div class=\"page\">\n");
	toc(&h);
	buf_puts(&h.b, "<main id=\"inhoud\">\n");
	for (i = 0; i < e->doc->nparts; i++) {
		h.part = &e->doc->parts[i];
		if (h.part->chapter == 0)
			buf_puts(&h.b, "<section class=\"intro\">\n");
		else
			buf_puts(&h.b, "<section class=\"chapter\">\n");
		node(&h, h.part->root);
		buf_puts(&h.b, "</section>\n");
	}
	footnotes(&h);
	buf_puts(&h.b, "</main>\n</div>\n<footer class=\"site-footer\">");
	if (m->footer.s != NULL) {
		buf_puts(&h.b, "<p>");
		buf_html_s(&h.b, m->footer.s);
		buf_puts(&h.b, "</p>");
	}
	buf_puts(&h.b, "<p>");
	if (org != NULL) {
		buf_puts(&h.b, "\xc2\xa9 ");
		buf_html_s(&h.b, org);
		buf_puts(&h.b, " · ");
	}
	fmt_date(&h.b, m->date);
	buf_puts(&h.b, "</p></footer>\n</body>\n</html>\n");
	free(h.fnrefs);
	return buf_detach(&h.b);
}

char *
html_document(const struct edition *e, const struct html_opts *o)
{
	struct hr	 h;
	size_t		 i;

	memset(&h, 0, sizeof(h));
	h.e = e;
	h.o = o;
	h.unsafe = e->meta.unsafe_html;
	h.fnrefs = xcalloc((size_t)e->doc->nfn + 1, sizeof(int));
	for (i = 0; i < e->doc->nparts; i++) {
		h.part = &e->doc->parts[i];
		node(&h, h.part->root);
	}
	footnotes(&h);
	free(h.fnrefs);
	if (h.b.s == NULL)
		buf_puts(&h.b, "");
	return buf_detach(&h.b);
}

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
		figure(b, &s->trend[i], o);
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
