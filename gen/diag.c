/*
 * diag.c: compiler-style diagnostics and "did you mean" suggestions.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"

void
diag_init(struct diag *d, FILE *out)
{
	d->out = out;
	d->hold = NULL;
	d->nerr = d->nwarn = 0;
}

void
diag_hold(struct diag *d, const struct diag *parent, struct buf *hold)
{
	diag_init(d, parent->out);
	d->hold = hold;
}

void
diag_release(struct diag *d, struct diag *parent)
{
	if (parent->out != NULL && d->hold != NULL && d->hold->len > 0)
		fputs(d->hold->s, parent->out);
	parent->nerr += d->nerr;
	parent->nwarn += d->nwarn;
	d->nerr = d->nwarn = 0;
}

/*
 * Writes the message in b as one line, to hold if not NULL, else to
 * out: a control character in it (a newline in a library's message, a
 * tab or a stray byte from a data file) is shown escaped, as \n, \t,
 * \r or \xNN, so that a diagnostic is always exactly one line.
 */
static void
one_line(const struct buf *b, struct buf *hold, FILE *out)
{
	struct buf	 l = { NULL, 0, 0 };
	size_t		 i;
	unsigned char	 c;

	for (i = 0; i < b->len; i++) {
		c = (unsigned char)b->s[i];
		if (c == '\n')
			buf_puts(&l, "\\n");
		else if (c == '\t')
			buf_puts(&l, "\\t");
		else if (c == '\r')
			buf_puts(&l, "\\r");
		else if (c < 0x20 || c == 0x7f)
			buf_printf(&l, "\\x%02x", c);
		else
			buf_putc(&l, (char)c);
	}
	buf_putc(&l, '\n');
	if (hold != NULL)
		buf_add(hold, l.s, l.len);
	else
		fputs(l.s, out);
	buf_free(&l);
}

void
diag_pause(struct diag *d, struct diag_saved *s, struct buf *b)
{
	s->hold = d->hold;
	s->nerr = d->nerr;
	s->nwarn = d->nwarn;
	d->hold = b;
}

void
diag_resume(struct diag *d, const struct diag_saved *s, const struct buf *b,
    int keep)
{
	d->hold = s->hold;
	if (!keep) {
		d->nerr = s->nerr;
		d->nwarn = s->nwarn;
	} else if (d->out != NULL && b->len > 0) {
		if (d->hold != NULL)
			buf_add(d->hold, b->s, b->len);
		else
			fputs(b->s, d->out);
	}
}

/*
 * The '#' of a workbook's sheet in a path ("x.xlsx#Blad1", as
 * csvr_shown() makes it), or NULL.
 */
static const char *
sheet_mark(const char *path)
{
	const char	*h;
	size_t		 n;

	for (h = strchr(path, '#'); h != NULL; h = strchr(h + 1, '#')) {
		n = (size_t)(h - path);
		if (n > 5 && (strncasecmp(h - 5, ".xlsx", 5) == 0 ||
		    strncasecmp(h - 5, ".xlsm", 5) == 0))
			return h;
	}
	return NULL;
}

/*
 * The place of a message: "path:line:col", or in a workbook's sheet
 * "x.xlsx:Blad1!F12" (line the row, col the column, as Excel names
 * cells; a sheet name with other than letters and digits in quotes).
 */
static void
where(struct buf *b, const char *path, int line, int col)
{
	const char	*h = path != NULL ? sheet_mark(path) : NULL;
	const char	*p;
	char		 letters[8];
	int		 n = 0, quote = 0, i;

	if (h == NULL) {
		buf_puts(b, path != NULL ? path : "gen");
		if (line > 0) {
			buf_printf(b, ":%d", line);
			if (col > 0)
				buf_printf(b, ":%d", col);
		}
		return;
	}
	buf_add(b, path, (size_t)(h - path));
	buf_putc(b, ':');
	for (p = h + 1; *p != '\0'; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '_' ||
		    (unsigned char)*p >= 0x80))
			quote = 1;
	if (quote)
		buf_putc(b, '\'');
	for (p = h + 1; *p != '\0'; p++) {
		if (*p == '\'')
			buf_putc(b, '\'');
		buf_putc(b, *p);
	}
	if (quote)
		buf_putc(b, '\'');
	if (line <= 0)
		return;
	for (col = col > 0 ? col : 1; col > 0 && n < 7; col = (col - 1) / 26)
		letters[n++] = (char)('A' + (col - 1) % 26);
	buf_putc(b, '!');
	for (i = n - 1; i >= 0; i--)
		buf_putc(b, letters[i]);
	buf_printf(b, "%d", line);
}

void
diag_vmsg(struct diag *d, enum diag_level lvl, const char *path,
    int line, int col, const char *fmt, va_list ap)
{
	struct buf	 b = { NULL, 0, 0 };

	if (lvl == DIAG_ERROR)
		d->nerr++;
	else
		d->nwarn++;
	if (d->out == NULL)
		return;
	where(&b, path, line, col);
	buf_puts(&b, lvl == DIAG_ERROR ? ": error: " : ": warning: ");
	buf_vprintf(&b, fmt, ap);
	one_line(&b, d->hold, d->out);
	buf_free(&b);
}

void
diag_msg(struct diag *d, enum diag_level lvl, const char *path,
    int line, int col, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vmsg(d, lvl, path, line, col, fmt, ap);
	va_end(ap);
}

/* An ASCII letter in lower case: names differ from words in case only. */
static int
low(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/*
 * Levenshtein distance in bytes, letters compared without regard to
 * ASCII case, with an early cap; -1 if over cap.
 */
static int
distance(const char *a, const char *b, int cap)
{
	size_t	 la = strlen(a), lb = strlen(b), i, j;
	int	*row, prev, cur, best, d;

	if ((la > lb ? la - lb : lb - la) > (size_t)cap || la > 256 || lb > 256)
		return -1;
	row = xcalloc(lb + 1, sizeof(*row));
	for (j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = (int)i;
		best = row[0];
		for (j = 1; j <= lb; j++) {
			cur = row[j];
			d = prev + (low(a[i - 1]) != low(b[j - 1]));
			if (row[j] + 1 < d)
				d = row[j] + 1;
			if (row[j - 1] + 1 < d)
				d = row[j - 1] + 1;
			row[j] = d;
			prev = cur;
			if (d < best)
				best = d;
		}
		if (best > cap) {
			free(row);
			return -1;
		}
	}
	d = row[lb];
	free(row);
	return d > cap ? -1 : d;
}

const char *
diag_nearest(const char *word, const char *const *cands, size_t n)
{
	const char	*best = NULL;
	size_t		 i, len = strlen(word);
	int		 cap, d, bestd;

	cap = len < 4 ? 1 : len < 9 ? 2 : 3;
	bestd = cap + 1;
	for (i = 0; i < n; i++) {
		if ((d = distance(word, cands[i], cap)) < 0 || d >= bestd)
			continue;
		if (d == 0 && strcmp(word, cands[i]) == 0)
			continue;
		bestd = d;
		best = cands[i];
	}
	return best;
}

char *
diag_hint(const char *word, const char *const *cands, size_t n,
    const char *prefix)
{
	const char	*near = diag_nearest(word, cands, n);

	if (near == NULL)
		return xstrdup("");
	return xasprintf("; did you mean '%s%s'?", prefix ? prefix : "",
	    near);
}
