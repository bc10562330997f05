/*
 * doc.h: an edition's document: the Markdown of index.md and its
 * chapters parsed by cmark-gfm, with template values substituted,
 * chart and table blocks computed, callouts recognised, links judged,
 * headings, figures, tables and footnotes numbered, all held in gen's
 * own document tree (struct dnode) that every back-end walks.  It
 * names no cmark type: cmark-gfm stops at doc.c.  Also the callout
 * kinds and the parser of chart and table blocks.
 * Included by doc.c, docblock.c, content.c, edition.c, the back-ends (html.c,
 * pdfbox.c, pdfdraw.c, tree.c), and the tests that build or render
 * documents.
 */
#ifndef GEN_DOC_H
#define GEN_DOC_H

#include <stddef.h>

struct blockspec;
struct diag;
struct doc_part;
struct docx;
struct edition;

/*
 * How deep quotes, lists and inline markup may nest.  Real documents
 * stay under ten; the limit keeps the PDF's recursive layout bounded.
 */
#define DOC_MAX_NEST	48

/* Callout kinds (spec 3.4), in the order of doc_callouts[]. */
enum callout {
	CO_SAMENVATTING, CO_KADER, CO_VOORBEELD, CO_LET_OP, CO_VRAAG, CO_N
};

/* A callout kind: the one table every back-end reads. */
struct calloutdef {
	const char	*name;	/* as written: [!let-op] */
	enum callout	 kind;	/* its index in doc_callouts[] */
	const char	*label;	/* Dutch name, the title when none is given */
	const char	*class;	/* HTML class of its <aside> */
};

extern const struct calloutdef doc_callouts[CO_N];

/*
 * gen's document tree: what every back-end walks (html.c, pdf*.c,
 * tree.c).  doc.c builds it from cmark-gfm's parse, with everything
 * decided once: heading ids and numbers, values as nodes of their own,
 * computed figures and tables with their numbers, callout kinds, link
 * judgements, footnote numbers across files.  The root holds one
 * DN_PART per Markdown file, then one DN_NOTES holding every footnote
 * in number order.
 */
enum dn_type {
	/* containers */
	DN_ROOT,	/* the edition's document */
	DN_PART,	/* one Markdown file: path, chapter */
	DN_NOTES,	/* the footnotes of every part, in number order */
	/* blocks */
	DN_PARA,	/* paragraph: tight (in a tight list: no <p>) */
	DN_HEADING,	/* level, id, num */
	DN_QUOTE,	/* block quote */
	DN_CALLOUT,	/* [!kind] quote: callout, title */
	DN_LIST,	/* ordered, start, delim, tight */
	DN_ITEM,	/* list item: task */
	DN_CODE,	/* code block: text, info, fenced */
	DN_HTML,	/* raw HTML block, comments removed: text */
	DN_RULE,	/* thematic break */
	DN_TABLE,	/* GFM table of DN_ROWs: ncol */
	DN_ROW,		/* head: the header row */
	DN_CELL,	/* align */
	DN_FIGURE,	/* ```chart: chart (number, id, label) */
	DN_DATA,	/* ```table: table (number, id, label) */
	DN_NOTE,	/* footnote: fn, ref, path */
	/* inlines */
	DN_TEXT,	/* text */
	DN_VALUE,	/* {{ metric }}: text as shown, metric, hide */
	DN_SOFTBREAK,
	DN_BREAK,	/* hard line break, and raw <br> */
	DN_CODESPAN,	/* text */
	DN_RAW,		/* raw inline HTML, comments removed: text */
	DN_EMPH,
	DN_STRONG,
	DN_STRIKE,
	DN_LINK,	/* url, title, ukind, dest */
	DN_IMAGE,	/* url, title; its children are its description */
	DN_NOTEREF,	/* fn, ref */
	DN__N
};

struct chart;
struct tblock;

struct dnode {
	enum dn_type	 type;
	struct dnode	*parent, *first, *last, *next;
	int		 line, col;	/* in its file; 0 when unknown */
	char		*text;		/* TEXT, VALUE, CODE, CODESPAN, HTML,
					   RAW: the text; NULL elsewhere */
	/* DN_PART, DN_NOTE: its file, as diagnostics name it (borrowed) */
	const char	*path;
	int		 chapter;	/* 0 for index.md, else chapter N */
	/* DN_HEADING */
	int		 level;		/* 1 to 6 */
	char		*id;		/* its anchor id, unique */
	char		*num;		/* "3" for chapter 3's title, or NULL */
	/* DN_CALLOUT */
	enum callout	 callout;
	char		*title;		/* also DN_LINK, DN_IMAGE; or NULL */
	/* DN_LIST; DN_PARA: tight */
	int		 ordered, start, tight;
	char		 delim;		/* DN_LIST ordered: '.' or ')' */
	/* DN_ITEM: 0 no task, 1 a task to do, 2 a task done */
	int		 task;
	/* DN_CODE: the fence's info string, or NULL */
	char		*info;
	int		 fenced;	/* DN_CODE: fenced, its text starts on
					   the line below its line */
	/* DN_TABLE: columns; DN_CELL: 'l', 'c', 'r' or 0 */
	int		 ncol;
	char		 align;
	/* DN_ROW */
	int		 head;
	/* DN_FIGURE, DN_DATA (owned) */
	struct chart	*chart;
	struct tblock	*table;
	/* DN_VALUE */
	const char	*metric;	/* its name, as written (owned by doc) */
	int		 hide;		/* enum mhide: shown as computed or not */
	/* DN_LINK, DN_IMAGE */
	char		*url;		/* as url_judge() publishes it */
	int		 ukind;		/* enum url_kind, never URL_REFUSED */
	int		 dest;		/* "#id" naming a place in this document */
	/* DN_NOTE, DN_NOTEREF */
	int		 fn;		/* the footnote's number, from 1 */
	int		 ref;		/* NOTEREF: its k-th reference;
					   NOTE: how many references it has */
};

/* The name of a node type ("heading"), for dumps and messages. */
const char	*dn_type_name(enum dn_type);
/* Plain text of a node's inline content (caller frees). */
char		*dn_text(const struct dnode *);

struct toc_entry {
	int		 level;		/* 1 (chapter) or 2 */
	const char	*id;		/* anchor (borrowed from the heading) */
	char		*text;		/* heading text */
	const char	*num;		/* chapter number or NULL (borrowed) */
	const struct dnode *heading;	/* its heading in the tree */
};

struct doc {
	struct dnode	*root;		/* the tree (owned) */
	struct dnode	**notes;	/* notes[i]: footnote i + 1 (borrowed) */
	struct doc_part	*parts;		/* one per Markdown file (doc.c's own) */
	size_t		 nparts;
	struct toc_entry *toc;
	size_t		 ntoc;
	struct docx	**x;		/* cmark nodes' annotations (doc.c's) */
	size_t		 nx;
	int		 nfig;		/* figures */
	int		 ntab;		/* tables */
	int		 nfn;		/* footnotes in all parts */
	int		 unsafe;	/* raw HTML allowed */
};

/*
 * Parses and prepares the edition's Markdown into a new e->doc, owned
 * by the edition (edition_free() frees it); returns errors reported.
 */
int		 doc_build(struct edition *e, struct diag *);
/* Frees a document; doc_free(NULL) does nothing. */
void		 doc_free(struct doc *);

/* The callout kind named name, or NULL. */
const struct calloutdef *doc_callout_find(const char *name);

/*
 * Parses the body of a ```chart or ```table block (YAML) into a spec.
 * Errors go to diag at path:line; returns 0 or -1.
 */
int		 doc_parse_block(const char *yaml, int is_table,
		    const char *path, int line, struct blockspec *,
		    struct diag *);
void		 doc_free_block(struct blockspec *);

#endif
