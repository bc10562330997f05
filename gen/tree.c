/*
 * tree.c: the tree back-end: an edition's document tree as text, one
 * node per line, indented by depth, with every attribute a back-end
 * reads (as mandoc -T tree and lowdown -T tree do).  What the golden
 * tests compare beside the HTML (tests/golden/<case>/expected/tree-*),
 * and what `gen tree` prints; a third back-end in one file.
 */
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "chart.h"
#include "doc.h"
#include "edition.h"
#include "stats.h"
#include "url.h"
#include "util.h"

static const char *const hide_names[] = {
	"shown", "primary", "secondary", "derived"
};
static const char *const ukind_names[] = {
	"refused", "fragment", "relative", "absolute"
};

/* s quoted: \" \\ \n \t and other control bytes as \xNN. */
static void
str(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; s != NULL && *s != '\0'; s++)
		if (*s == '"' || *s == '\\')
			buf_printf(b, "\\%c", *s);
		else if (*s == '\n')
			buf_puts(b, "\\n");
		else if (*s == '\t')
			buf_puts(b, "\\t");
		else if ((unsigned char)*s < 0x20 || *s == 0x7f)
			buf_printf(b, "\\x%02x", (unsigned char)*s);
		else
			buf_putc(b, *s);
	buf_putc(b, '"');
}

static void
indent(struct buf *b, int depth)
{
	int	 i;

	for (i = 0; i < depth; i++)
		buf_puts(b, "  ");
}

/* A key="value" attribute, if the value is set. */
static void
attr(struct buf *b, const char *key, const char *v)
{
	if (v == NULL)
		return;
	buf_printf(b, " %s=", key);
	str(b, v);
}

static void
figure(struct buf *b, const struct chart *c, int depth)
{
	size_t	 s, k;

	buf_printf(b, " type=%s",
	    (size_t)c->type < CHART_NTYPES ? chart_types[c->type].name :
	    "?");
	attr(b, "title", c->title);
	attr(b, "axis", c->axis);
	attr(b, "cataxis", c->cataxis);
	if (c->pct)
		buf_puts(b, " pct");
	buf_putc(b, '\n');
	indent(b, depth + 1);
	buf_puts(b, "desc ");
	str(b, c->desc);
	buf_putc(b, '\n');
	for (s = 0; s < c->nser; s++)
		for (k = 0; k < c->ncat; k++) {
			const struct chart_cell *v = &c->cell[s * c->ncat + k];

			indent(b, depth + 1);
			buf_puts(b, "cell ");
			str(b, c->cat[k].label);
			if (c->nser > 1) {
				buf_putc(b, ' ');
				str(b, c->ser[s].label);
			}
			buf_putc(b, ' ');
			str(b, v->shown);
			buf_puts(b, v->hidden ? " hidden\n" : "\n");
		}
}

static void
trow(struct buf *b, const char *what, const struct trow *r, int depth)
{
	indent(b, depth);
	buf_printf(b, "%s ", what);
	str(b, r->label);
	attr(b, "count", r->count);
	attr(b, "pct", r->pct);
	buf_putc(b, '\n');
}

static void
data(struct buf *b, const struct tblock *t, int depth)
{
	size_t	 i;

	attr(b, "title", t->title);
	attr(b, "head", t->head);
	buf_putc(b, '\n');
	for (i = 0; i < t->nrows; i++)
		trow(b, "row", &t->rows[i], depth + 1);
	trow(b, "total", &t->total, depth + 1);
	if (t->note != NULL) {
		indent(b, depth + 1);
		buf_puts(b, "note ");
		str(b, t->note);
		buf_putc(b, '\n');
	}
}

static void
node(struct buf *b, const struct dnode *n, int depth)
{
	const struct dnode	*c;

	indent(b, depth);
	buf_puts(b, dn_type_name(n->type));
	if (n->line > 0)
		buf_printf(b, " @%d:%d", n->line, n->col);
	switch (n->type) {
	case DN_PART:
		attr(b, "path", n->path);
		buf_printf(b, " chapter=%d", n->chapter);
		break;
	case DN_PARA:
		if (n->tight)
			buf_puts(b, " tight");
		break;
	case DN_HEADING:
		buf_printf(b, " level=%d", n->level);
		attr(b, "id", n->id);
		attr(b, "num", n->num);
		break;
	case DN_CALLOUT:
		buf_printf(b, " kind=%s", doc_callouts[n->callout].name);
		attr(b, "title", n->title);
		break;
	case DN_LIST:
		if (n->ordered)
			buf_printf(b, " ordered start=%d", n->start);
		if (n->ordered && n->delim == ')')
			buf_puts(b, " delim=)");
		if (n->tight)
			buf_puts(b, " tight");
		break;
	case DN_ITEM:
		if (n->task)
			buf_puts(b, n->task == 2 ? " task=done" : " task=open");
		break;
	case DN_CODE:
		attr(b, "info", n->info);
		if (n->fenced)
			buf_puts(b, " fenced");
		break;
	case DN_TABLE:
		buf_printf(b, " ncol=%d", n->ncol);
		break;
	case DN_ROW:
		if (n->head)
			buf_puts(b, " head");
		break;
	case DN_CELL:
		if (n->align)
			buf_printf(b, " align=%c", n->align);
		break;
	case DN_FIGURE:
		attr(b, "id", n->chart->id);
		attr(b, "label", n->chart->label);
		figure(b, n->chart, depth);
		return;
	case DN_DATA:
		attr(b, "id", n->table->id);
		attr(b, "label", n->table->label);
		data(b, n->table, depth);
		return;
	case DN_NOTE:
		attr(b, "path", n->path);
		buf_printf(b, " fn=%d refs=%d", n->fn, n->ref);
		break;
	case DN_VALUE:
		attr(b, "metric", n->metric);
		buf_printf(b, " %s", (size_t)n->hide < GEN_NELEM(hide_names) ?
		    hide_names[n->hide] : "?");
		break;
	case DN_LINK:
		buf_printf(b, " %s", (size_t)n->ukind < GEN_NELEM(ukind_names) ?
		    ukind_names[n->ukind] : "?");
		if (n->ukind == URL_FRAGMENT)
			buf_puts(b, n->dest ? " dest" : " nodest");
		attr(b, "url", n->url);
		attr(b, "title", n->title);
		break;
	case DN_IMAGE:
		attr(b, "url", n->url);
		attr(b, "title", n->title);
		break;
	case DN_NOTEREF:
		buf_printf(b, " fn=%d ref=%d", n->fn, n->ref);
		break;
	default:
		break;
	}
	if (n->text != NULL) {
		buf_putc(b, ' ');
		str(b, n->text);
	}
	buf_putc(b, '\n');
	for (c = n->first; c != NULL; c = c->next)
		node(b, c, depth + 1);
}

static void *
tree_new(const struct backend_opts *o)
{
	(void)o;
	return xcalloc(1, 1);
}

static int
tree_rndr(void *arg, const struct backend_in *in, struct buf *out,
    struct diag *diag)
{
	const struct doc	*d = in->e->doc;
	size_t			 i;

	(void)arg;
	(void)diag;
	if (d == NULL || d->root == NULL)
		return 0;
	buf_puts(out, "contents\n");
	for (i = 0; i < d->ntoc; i++) {
		indent(out, d->toc[i].level);
		str(out, d->toc[i].id);
		attr(out, "num", d->toc[i].num);
		buf_putc(out, ' ');
		str(out, d->toc[i].text);
		buf_putc(out, '\n');
	}
	node(out, d->root, 0);
	return 0;
}

static void
tree_free(void *arg)
{
	free(arg);
}

const struct backend backend_tree = {
	"tree", "tree.txt", tree_new, tree_rndr, tree_free
};
