/*
 * series.h: series of editions (spec 6.3).  Every edition belongs to
 * one series: its front matter's reeks, else its soort filter (or
 * bemiddeling) with its regio filter.  Editions are compared, and
 * {{ vorige.<metric> }} looks back, only within a series.  Included by
 * content.c, doc.c, html.c and main.c, and tests/unit/test_series.c.
 */
#ifndef GEN_SERIES_H
#define GEN_SERIES_H

#include <stddef.h>
#include <stdio.h>

#include "chart.h"

struct codebook;
struct edition;
struct metric;

/* The prefix of a value of the previous edition: {{ vorige.aantal }}. */
#define SERIES_PREV	"vorige."

/* One series of the archive. */
struct series {
	char		*name;		/* what readers see: as its newest
					   edition names it; every edition's
					   series is set to it */
	size_t		*ed;		/* indices into the editions, newest
					   first (owned) */
	size_t		 ned;
	struct chart	 trend[2];	/* trajectories and success rate
					   across the years */
	size_t		 ntrend;	/* 0: fewer than two editions with
					   figures */
};

/*
 * Sets e->series, the series' name, from the front matter and the
 * codebook's soort labels.  The caller frees nothing: edition_free
 * does.
 */
void	 series_name(struct edition *, const struct codebook *);

/* Whether two series names are the same series (case and spaces aside). */
int	 series_same(const char *, const char *);

/*
 * Groups ned editions, sorted newest first, into series (ordered by
 * their newest edition), sets every edition's prev, gives every
 * edition of a series the same name and makes the charts, numbering
 * them from 1.  Returns the series (caller frees
 * with series_free) and their number in *n.
 */
struct series	*series_group(struct edition **, size_t ned, size_t *n);
void		 series_free(struct series *, size_t n);

/*
 * Sets e->prev to the newest of cands (any order) in e's series that
 * is older than e by date (ties: by slug), if any.
 */
void	 series_link(struct edition *, struct edition **cands, size_t n);

/*
 * {{ vorige.<metric> }} in e: the metric of e's previous edition, its
 * frozen figure when that one is published.  Returns it (borrowed), or
 * NULL and a message for the author in *err (caller frees).
 */
const struct metric *series_prev_metric(const struct edition *,
		    const char *metric, char **err);

/* Prints "vorige.<metric> = shown" for every value that resolves. */
void	 series_print_prev(const struct edition *, FILE *);

#endif
