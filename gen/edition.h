/*
 * edition.h: one edition (a folder under content/ with an index.md):
 * its front matter (spec 1), chapters, data, metrics and document.
 * Included by content.c, doc.c, docblock.c, archive.c, series.c, publish.c,
 * newed.c, build.c, main.c, serve.c, the back-ends (html.c; pdf.c,
 * pdfbox.c, pdfdraw.c, pdftag.c; tree.c) and the tests.
 */
#ifndef GEN_EDITION_H
#define GEN_EDITION_H

#include <stddef.h>
#include <stdint.h>

struct codebook;
struct diag;
struct doc;
struct logo;
struct reg;
struct stats;
struct tabdata;

/* A string value from the front matter with where it was written. */
struct fmval {
	char	*s;		/* the value, or NULL when absent */
	int	 line, col;	/* its position in index.md */
};

struct fmtable {
	char		*name;	/* name under "tables:" */
	struct fmval	 path;	/* its path, relative to the edition */
};

struct meta {
	struct fmval	 title, subtitle, organisation, footer, data;
	struct fmval	 brand_logo, brand_color, brand_name;
	struct fmval	 reeks;		/* the series as written, or NULL */
	int32_t		 date;		/* days since 1970-01-01 */
	int		 edition;	/* year of the edition */
	struct fmtable	*tables;
	size_t		 ntables;
	struct fmval	*regio;		/* filter: regio names */
	size_t		 nregio;
	struct fmval	*soort;		/* filter: soort codes */
	size_t		 nsoort;
	int		 periode;	/* filter: periode given */
	int32_t		 from, to;	/* its days, inclusive */
	int		 min_cell;	/* k, or -1 for the default */
	int		 published;	/* status: published */
	int		 unsafe_html;	/* let raw HTML through */
};

/* A key figure of the archive page: from the metrics or the frozen copy. */
struct keyfig {
	char	*name;		/* metric name: aantal, succes.pct, duur.mediaan */
	double	 v;		/* unrounded value */
	int	 defined;	/* 0: no value */
	int	 hidden;	/* hidden by disclosure control */
	char	*shown;		/* published text */
};

/* The archive's key figures, in the order of edition_keyfigs[]. */
enum keyfigure { KF_AANTAL, KF_SUCCES, KF_DUUR, EDITION_NKEYFIG };

/* A key figure: the one table that says what each is and how it shows. */
struct keyfigdef {
	const char	*name;	/* metric name */
	enum keyfigure	 kf;	/* its index in edition_keyfigs[] */
	const char	*label;	/* on the archive page */
	const char	*unit;	/* after a shown value, or NULL */
	int		 pct;	/* a percentage: whole numbers in JSON */
};

struct edition {
	char		*dir;		/* the edition folder as given */
	char		*slug;		/* its name: the URL */
	char		*index_path;	/* dir/index.md */
	char		*root;		/* the content folder (cfile) */
	struct meta	 meta;
	char		*body;		/* index.md after the front matter */
	int		 body_line;	/* line of body's first line, minus 1 */
	char		**chapters;	/* paths of the other *.md, sorted */
	size_t		 nchapters;
	struct reg	*reg;		/* trajectory register (borrowed) */
	size_t		*sel;		/* selected trajectory indices */
	size_t		 nsel;
	struct tabdata	**tabs;		/* further tables (owned) */
	size_t		 ntabs;
	struct stats	*stats;		/* metrics (owned) */
	struct logo	*logo;		/* brand logo, checked (owned) or NULL */
	struct doc	*doc;		/* the document (owned; doc.h), or NULL
					   before doc_build() */
	int		 k;		/* effective min_cell */
	struct keyfig	 kf[EDITION_NKEYFIG]; /* archive figures */
	char		*frozen;	/* dir/published when status: published */
	int		 fm_errors;	/* errors in the front matter: the document is not checked */
	char		*series;	/* its series' name (spec 6.3; series.c) */
	const struct edition *prev;	/* the previous edition of that series
					   by date, or NULL (borrowed) */
};

/*
 * Reads index.md's front matter and finds the chapters.  Returns NULL
 * if index.md cannot be read or has no front matter (reported).  Errors
 * inside the front matter are reported and counted in fm_errors; the
 * edition is still returned, so that its data are checked in the same
 * run.  root is the content folder, for path checks.
 */
struct edition	*edition_open(const char *dir, const char *root,
		    struct diag *);
void		 edition_free(struct edition *);
/*
 * Whether a folder name is a slug, the only names an edition may have
 * (it is its URL and its ids): lower-case letters a-z, digits and '-',
 * starting with a letter or digit, at most EDITION_SLUG_MAX bytes, and
 * not a name the output folder uses itself.
 */
#define EDITION_SLUG_MAX 100
int		 edition_slug_ok(const char *);
extern const char edition_slug_rule[];
/* Names of the archive's key figures, in order. */
extern const struct keyfigdef edition_keyfigs[EDITION_NKEYFIG];

/*
 * Parses front matter YAML (the text between the --- lines) into m.
 * line0 is the line of the text's first line minus one.  Returns the
 * number of errors reported.  Exposed for tests and fuzzing.
 */
int		 edition_parse_meta(const char *yaml, size_t len,
		    const char *path, int line0, struct meta *,
		    struct diag *);
void		 edition_free_meta(struct meta *);

/*
 * Why libyaml refused the text yaml (len bytes) that a parser failed
 * to load, in words: its problem with the context it gives and the
 * line that context starts on (line0 + the context's 0-based line),
 * and a name for what it calls a duplicate anchor.  Caller frees.
 */
struct yaml_parser_s;
char		*edition_yaml_problem(const struct yaml_parser_s *,
		    const char *yaml, size_t len, int line0);

#endif
