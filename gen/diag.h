/*
 * diag.h: every diagnostic goes through here, GCC style
 * ("path:line:column: error: message"), counted so that main.c can
 * turn the worst level seen into the exit status.  Included by every
 * module that reports a problem, and the tests that catch messages.
 */
#ifndef GEN_DIAG_H
#define GEN_DIAG_H

#include <stddef.h>
#include <stdio.h>

#include "util.h"

enum diag_level {
	DIAG_WARNING,
	DIAG_ERROR
};

struct diag {
	FILE	*out;		/* where messages go (stderr), or NULL to only count */
	struct buf *hold;	/* if not NULL, messages are kept here instead */
	int	 nerr;		/* errors reported */
	int	 nwarn;		/* warnings reported */
};

void	 diag_init(struct diag *, FILE *);
/*
 * Starts a diagnostics stream whose messages are held back in *hold
 * until diag_release() passes them, and its counts, on to parent; a
 * caller that tries something it may redo differently drops them with
 * buf_free() instead.
 */
void	 diag_hold(struct diag *, const struct diag *parent, struct buf *hold);
void	 diag_release(struct diag *, struct diag *parent);
/*
 * Holds the messages given to d from here on in *b, for a reader that
 * learns only at its end whether they are worth showing (a workbook's
 * merged cells follow its rows).  diag_resume() passes them on (keep)
 * or drops them and their counts; the caller frees *b.
 */
struct diag_saved {
	struct buf	*hold;		/* d->hold before the pause */
	int		 nerr, nwarn;	/* d's counts then */
};
void	 diag_pause(struct diag *, struct diag_saved *, struct buf *b);
void	 diag_resume(struct diag *, const struct diag_saved *,
	    const struct buf *b, int keep);
/*
 * line or col 0 leaves that part out ("path: error: ...").  A path
 * "x.xlsx#Sheet" (csvr_shown()) names a cell: "x.xlsx:Sheet!F12",
 * line being the row and col the column.  Every message is one line:
 * control characters in it are shown escaped.
 */
void	 diag_msg(struct diag *, enum diag_level, const char *path,
	    int line, int col, const char *fmt, ...) GEN_PRINTF(6, 7);
void	 diag_vmsg(struct diag *, enum diag_level, const char *path,
	    int line, int col, const char *fmt, va_list);

#define diag_error(d, p, l, c, ...) \
	diag_msg((d), DIAG_ERROR, (p), (l), (c), __VA_ARGS__)
#define diag_warn(d, p, l, c, ...) \
	diag_msg((d), DIAG_WARNING, (p), (l), (c), __VA_ARGS__)

/*
 * The candidate closest to word by edit distance, letters compared
 * without regard to case ("AANTAL" finds "aantal"), if it is close
 * enough to be a likely typo; NULL otherwise.  Borrowed pointer.
 */
const char *diag_nearest(const char *word, const char *const *cands,
	    size_t ncands);
/*
 * Every "did you mean" hint: "; did you mean 'NEAR'?" for the candidate
 * diag_nearest() finds, shown after prefix if prefix is not NULL
 * ("vorige."), or "" if none is close.  The caller frees it.
 */
char	*diag_hint(const char *word, const char *const *cands,
	    size_t ncands, const char *prefix);

#endif
