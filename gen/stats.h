/*
 * stats.h: every metric of spec section 4, computed once per edition
 * over its selected trajectories, with disclosure control (4.6)
 * applied and the published text formatted (4.7); and the data behind
 * chart and table blocks, taken from the same counts.  Included by
 * content.c, edition.c, doc.c, docblock.c, chartdata.c, series.c,
 * publish.c, main.c, the back-ends (html.c, pdfbox.c, tree.c) and the
 * tests.
 */
#ifndef GEN_STATS_H
#define GEN_STATS_H

#include <stddef.h>
#include <stdio.h>

#include "chart.h"

struct codebook;
struct reg;
struct tabdata;

enum mkind {
	MK_COUNT,	/* a number of trajectories or rows */
	MK_PCT,		/* a share in percent */
	MK_STAT,	/* a statistic (days, conversations) */
	MK_LABEL	/* a label (c.top) */
};

enum mhide {
	MH_NONE,	/* shown as computed */
	MH_PRIMARY,	/* 0 < count < k: shown as "<k" */
	MH_SECONDARY,	/* hidden so the primary cannot be derived: "≥k" */
	MH_DERIVED	/* a share or statistic of a hidden count: "–" */
};

struct metric {
	char		*name;		/* "themas.tarief.pct" */
	enum mkind	 kind;
	double		 v;		/* unrounded value */
	int		 defined;	/* 0: no value (shown "–") */
	enum mhide	 hide;		/* disclosure control */
	char		*label;		/* MK_LABEL: the label */
	char		*shown;		/* the published text */
};

/*
 * The counts of one code column per start year, for charts by year:
 * computed and given their disclosure state together with the metrics,
 * since a code's years add up to its total and, in a single-valued
 * column, a year's codes to the year's trajectories.
 */
struct yeartab {
	const char	*col;		/* "signaal", "themas", ... (static) */
	int		 single;	/* one code per trajectory */
	size_t		 ncode;		/* codes of the column, codebook order */
	size_t		*count;		/* ncode * nyear counts */
	enum mhide	*hide;		/* and their states */
};

struct stats {
	struct metric	*m;		/* sorted by name */
	size_t		 n;
	int		 k;		/* disclosure threshold min_cell */
	size_t		 ntraj;		/* n: trajectories after filter */
	const struct reg *reg;		/* the register (may be NULL) */
	const size_t	*sel;		/* selected trajectory indices */
	const struct codebook *cb;
	struct tabdata	**tabs;		/* further tables (borrowed) */
	size_t		 ntabs;
	int		 year0;		/* first start year */
	size_t		 nyear;		/* start years year0, year0 + 1, ... */
	size_t		*ytotal;	/* trajectories per start year */
	enum mhide	*yhide;		/* and their states */
	struct yeartab	*ytab;		/* every code column by year */
	size_t		 nytab;
};

/* The counts by year of a code column, or NULL. */
const struct yeartab *stats_years(const struct stats *, const char *col);

/*
 * Computes every metric.  reg may be NULL (an edition without
 * trajectory data); sel lists ntraj indices into reg.  Free with
 * stats_free().
 */
struct stats	*stats_new(const struct codebook *, const struct reg *,
		    const size_t *sel, size_t ntraj, struct tabdata **tabs,
		    size_t ntabs, int k);
void		 stats_free(struct stats *);
/*
 * Metrics read back rather than computed (a published edition's frozen
 * figures): takes ownership of m (n metrics with their strings) and
 * sorts them by name.  There is no register, so blocks cannot be
 * filled from it.  Free with stats_free().
 */
struct stats	*stats_adopt(struct metric *m, size_t n, int k);

/* The metric of that name, or NULL. */
const struct metric *stats_get(const struct stats *, const char *name);
/* All metric names (borrowed), for suggestions; the caller frees the array. */
const char	**stats_names(const struct stats *, size_t *n);

/* Prints every metric: published text, or unrounded JSON. */
void		 stats_print(const struct stats *, FILE *);
void		 stats_json(const struct stats *, FILE *);

/*
 * Disclosure control of counts a block shows beside the metrics and
 * the counts by year (the bins of a histogram or table of duur or
 * gesprekken), decided by the same rules and the same code (spec 4.6):
 * n counts that add up to the metric sum (NULL: to nothing readers
 * see).  Fills hide with MH_NONE, MH_PRIMARY or MH_SECONDARY.  The
 * decision depends on the counts alone, so every block that shows
 * them shows the same.
 */
void		 stats_hide_block(const struct stats *, size_t n,
		    const double *count, const struct metric *sum,
		    enum mhide *hide);
/*
 * The published text of a value of the given kind and state, as for a
 * metric ("12", "<5", "≥5", "–", "27%"); the caller frees it.
 */
char		*stats_text(const struct stats *, enum mkind, double v,
		    enum mhide);

/* A chart or table block as written in Markdown (spec 3.2, 3.3). */
struct blockspec {
	int		 is_table;	/* ```table rather than ```chart */
	enum chart_type	 type;		/* chart type */
	char		*data;		/* "themas", "duur", "vragen.onderwerp" */
	int		 pct;		/* value: pct */
	char		*title;
	int		 by_year;	/* by: jaar */
	double		 bin;		/* histogram bin width, 0 for default */
	int		 order_codebook; /* order: codebook */
	int		 col_count;	/* table columns: aantal */
	int		 col_pct;	/* table columns: pct */
};

/* A table block's published rows. */
struct trow {
	char	*label;		/* codebook label or bin */
	char	*count;		/* shown count */
	char	*pct;		/* shown percentage */
};

struct tblock {
	int		 number;	/* N in "Tabel N." */
	char		 id[24];	/* its anchor: "tabel-N" (tblock_number) */
	char		 label[24];	/* "Tabel N." (tblock_number) */
	char		*title;
	char		*head;		/* first column heading */
	int		 col_count;	/* show the count column */
	int		 col_pct;	/* show the percentage column */
	struct trow	*rows;
	size_t		 nrows;
	struct trow	 total;		/* "Totaal" row */
	char		*note;		/* e.g. multi-valued shares note, or NULL */
};

/* Gives t number n, its id and label: the one place they are written. */
void		 tblock_number(struct tblock *t, int n);

/*
 * Fills a chart or table from a block spec.  Returns 0, or -1 with a
 * message for the author in *err (caller frees).
 */
int		 stats_chart(const struct stats *, const struct blockspec *,
		    struct chart *, char **err);
int		 stats_table(const struct stats *, const struct blockspec *,
		    struct tblock *, char **err);
void		 tblock_free(struct tblock *);

/* The Dutch heading of a data column ("Thema", "Doorlooptijd (dagen)"). */
const char	*stats_column_title(const char *data);

#endif
