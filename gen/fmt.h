/*
 * fmt.h: the one place where numbers and dates are parsed from data
 * and formatted for readers (spec 4.7: Dutch conventions).  Every
 * back-end shows what these functions return, so HTML and PDF cannot
 * disagree.  Included by the loaders (codes.c, register.c, edition.c,
 * xlsx.c), stats.c, chartdata.c, series.c, doc.c, docblock.c,
 * publish.c, archive.c, chart.c, the back-ends (html.c, pdfdraw.c,
 * pdftag.c) and the tests.
 */
#ifndef GEN_FMT_H
#define GEN_FMT_H

#include <stddef.h>
#include <stdint.h>

struct buf;

/* Round half away from zero to a whole number. */
double	 fmt_round(double);

/* Whole number with '.' as thousands separator: "1.234", "-5". */
void	 fmt_int(struct buf *, long long);
/* Percentage rounded half away from zero, with '%': "96%". */
void	 fmt_pct(struct buf *, double);
/* At most one decimal, decimal comma, no trailing ",0": "6,6", "141". */
void	 fmt_num(struct buf *, double);
/* A date in running text: "1 december 2020". */
void	 fmt_date(struct buf *, int32_t days);
/* ISO form "2020-12-01". */
void	 fmt_date_iso(struct buf *, int32_t days);

/* The years a date may have. */
#define FMT_YEAR_MIN	1900
#define FMT_YEAR_MAX	2999

/*
 * Parses "YYYY-MM-DD" or "D-M-YYYY" into days since 1970-01-01.
 * Returns 0, -1 if the text is not a date of either form, -2 if it has
 * the form but is impossible (2021-02-30), -3 if its year is outside
 * FMT_YEAR_MIN to FMT_YEAR_MAX (9999-12-31).
 */
int	 fmt_parse_date(const char *, int32_t *days);
/* Days since 1970-01-01 from a civil date and back. */
int32_t	 fmt_days(int y, int m, int d);
void	 fmt_civil(int32_t days, int *y, int *m, int *d);

/*
 * Parses a whole decimal number (optional sign, digits only).
 * Returns 0 or -1.
 */
int	 fmt_parse_int(const char *, long long *);

/* Dutch month names, index 1..12. */
extern const char *const fmt_months[13];

#endif
