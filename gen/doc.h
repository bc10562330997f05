/*
 * doc.h: an edition's document: the Markdown of index.md and its
 * chapters parsed by cmark-gfm, with template values substituted,
 * chart and table blocks computed, callouts recognised, headings
 * numbered and given ids.  Back-ends walk the cmark trees and read
 * the annotations through doc_ext(); they compute nothing.
 * Included by edition.h, html.c and pdf.c.
 */
#ifndef GEN_DOC_H
#define GEN_DOC_H

#include <stddef.h>

#include <cmark-gfm.h>

#include "chart.h"
#include "stats.h"

struct diag;
struct edition;

/*
 * How deep quotes, lists and inline markup may nest.  Real documents
 * stay under ten; the limit keeps the PDF's recursive layout bounded.
 */
#define DOC_MAX_NEST	48

/* Node types cmark-gfm exports but declares in no header. */
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW,
    CMARK_NODE_TABLE_CELL, CMARK_NODE_STRIKETHROUGH;

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

enum docx_kind {
	DOCX_CHART,	/* a ```chart block: chart */
	DOCX_TABLE,	/* a ```table block: table */
	DOCX_CALLOUT,	/* a [!kind] block quote: kind, title */
	DOCX_HEADING,	/* a heading: id, num */
	DOCX_BREAK	/* raw HTML <br>: a line break in every back-end */
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
};

/* One Markdown file. */
struct doc_part {
	char		*path;		/* as shown in diagnostics */
	cmark_node	*root;		/* its document node (owned) */
	int		 line0;		/* lines before the Markdown in the file */
	int		 chapter;	/* 0 for index.md, else chapter number */
	int		 fn_base;	/* footnote numbers before this part */
};

struct toc_entry {
	int		 level;		/* 1 (chapter) or 2 */
	const char	*id;		/* anchor (borrowed from the docx) */
	char		*text;		/* heading text */
	const char	*num;		/* chapter number or NULL (borrowed) */
};

struct doc {
	struct doc_part	*parts;
	size_t		 nparts;
	struct toc_entry *toc;
	size_t		 ntoc;
	struct docx	**x;		/* every annotation (owned) */
	size_t		 nx;
	int		 nfig;		/* figures */
	int		 ntab;		/* tables */
	int		 nfn;		/* footnotes in all parts */
	int		 unsafe;	/* raw HTML allowed */
};

/* Parses and prepares the edition's Markdown; returns errors reported. */
int		 doc_build(struct doc *, struct edition *, struct diag *);
void		 doc_free(struct doc *);

/* The annotation of a node, or NULL. */
const struct docx *doc_ext(cmark_node *);

/* Plain text of a node's inline content (caller frees). */
char		*doc_text(cmark_node *);

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
