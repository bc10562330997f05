/*
 * tutil.h: small helpers shared by the unit tests (tests/unit/test_*.c):
 * capturing diagnostics in memory, writing temporary files, loading a
 * codebook from text.  Included after <cmocka.h> by the test files only.
 */
#ifndef GEN_TUTIL_H
#define GEN_TUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "codes.h"
#include "diag.h"
#include "util.h"

/* Diagnostics written to memory, to compare with the exact text. */
struct cap {
	FILE		*f;	/* open_memstream stream */
	char		*s;	/* its bytes */
	size_t		 len;
	struct diag	 d;	/* a diag writing to f */
};

static inline void
cap_open(struct cap *c)
{
	c->s = NULL;
	c->len = 0;
	c->f = open_memstream(&c->s, &c->len);
	assert_non_null(c->f);
	diag_init(&c->d, c->f);
}

/* What was written so far ("" when nothing). */
static inline const char *
cap_text(struct cap *c)
{
	fflush(c->f);
	return c->s != NULL ? c->s : "";
}

/* Empties the capture (keeps counting errors). */
static inline void
cap_reset(struct cap *c)
{
	int	 nerr = c->d.nerr, nwarn = c->d.nwarn;

	fclose(c->f);
	free(c->s);
	cap_open(c);
	c->d.nerr = nerr;
	c->d.nwarn = nwarn;
}

static inline void
cap_close(struct cap *c)
{
	fclose(c->f);
	free(c->s);
	c->f = NULL;
	c->s = NULL;
}

/*
 * Compares two texts; on a difference prints the first differing line
 * of each in full (cmocka cuts long strings) before failing.
 */
#define assert_text(got, want) \
	tutil_text((got), (want), __FILE__, __LINE__)

static inline void
tutil_text(const char *got, const char *want, const char *file, int line)
{
	size_t	 i = 0, ls = 0, eg, ew;
	int	 ln = 1;

	if (strcmp(got, want) == 0)
		return;
	while (got[i] != '\0' && got[i] == want[i]) {
		if (got[i] == '\n') {
			ls = i + 1;
			ln++;
		}
		i++;
	}
	eg = ls + strcspn(got + ls, "\n");
	ew = ls + strcspn(want + ls, "\n");
	fprintf(stderr, "%s:%d: texts differ at line %d:\n  got:  %.*s\n"
	    "  want: %.*s\n--- whole text got:\n%s--- end\n", file, line,
	    ln, (int)(eg - ls), got + ls, (int)(ew - ls), want + ls, got);
	_fail(file, line);
}

/*
 * Writes text to a new temporary file and returns its path (the caller
 * unlinks and frees it).
 */
static inline char *
tmp_file(const char *text, size_t len)
{
	char	*path = xstrdup("/tmp/gen-unit-XXXXXX");
	int	 fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
	return path;
}

/*
 * Loads a codebook from text, shown as "codes.csv".  Returns what
 * codebook_load returned.
 */
static inline int
cb_from_text(struct codebook *cb, const char *text, struct diag *d)
{
	char	*path = tmp_file(text, strlen(text));
	int	 rc = codebook_load(cb, "/tmp", path, "codes.csv", d);

	unlink(path);
	free(path);
	return rc;
}

#endif
