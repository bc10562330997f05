/*
 * doc.h: an edition's document: the Markdown of index.md and its
 * chapters parsed by cmark-gfm, with template values substituted,
 * chart and table blocks computed, callouts recognised, headings
 * numbered and given ids.  This header is what every module may see:
 * building and freeing the document, its contents and counts, the
 * callout kinds and the parser of chart and table blocks; it names no
 * cmark type.  The cmark trees and their annotations, which only the
 * back-ends walk, are in doc_cmark.h.
 * Included by content.c, edition.c, pdfdraw.c, doc_cmark.h (so doc.c,
 * html.c and pdfbox.c), and the tests that build documents.
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

struct toc_entry {
	int		 level;		/* 1 (chapter) or 2 */
	const char	*id;		/* anchor (borrowed from the docx) */
	char		*text;		/* heading text */
	const char	*num;		/* chapter number or NULL (borrowed) */
};

struct doc {
	struct doc_part	*parts;		/* one per Markdown file (doc_cmark.h) */
	size_t		 nparts;
	struct toc_entry *toc;
	size_t		 ntoc;
	struct docx	**x;		/* every annotation (owned; doc_cmark.h) */
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
