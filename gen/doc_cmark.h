/*
 * doc_cmark.h: the document as doc.c prepares it: the cmark-gfm tree
 * of each Markdown file and what gen adds to its nodes (doc_ext()),
 * from which doc.c builds gen's own document tree (doc.h), the one
 * every back-end walks.  The one header that brings in cmark-gfm.h, so
 * that the parser stops at doc.c (tests/cmark_includes.sh checks who
 * includes cmark-gfm).
 * Included by doc.c.
 */
#ifndef GEN_DOC_CMARK_H
#define GEN_DOC_CMARK_H

#include <cmark-gfm.h>

#include "chart.h"
#include "doc.h"
#include "stats.h"

/* Node types cmark-gfm exports but declares in no header. */
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW,
    CMARK_NODE_TABLE_CELL, CMARK_NODE_STRIKETHROUGH;

enum docx_kind {
	DOCX_CHART,	/* a ```chart block: chart */
	DOCX_TABLE,	/* a ```table block: table */
	DOCX_CALLOUT,	/* a [!kind] block quote: kind, title */
	DOCX_HEADING,	/* a heading: id, num */
	DOCX_BREAK,	/* raw HTML <br>: a line break in every back-end */
	DOCX_VALUES	/* a text node holding values: spans */
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
};

/* One Markdown file. */
struct doc_part {
	char		*path;		/* as shown in diagnostics */
	cmark_node	*root;		/* its document node (owned) */
	int		 line0;		/* lines before the Markdown in the file */
	int		 chapter;	/* 0 for index.md, else chapter number */
	int		 fn_base;	/* footnote numbers before this part */
};

/* The annotation of a node, or NULL. */
const struct docx *doc_ext(cmark_node *);

/* Plain text of a node's inline content (caller frees). */
char		*doc_text(cmark_node *);

#endif
