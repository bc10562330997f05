/*
 * fuzz_xlsx.c: the workbook reader (xlsx.c: libzip, libxml2) on any
 * bytes.  Every record it hands on must be well formed: fields
 * NUL-terminated at their lengths, rows in increasing order, the
 * header first; a message about a cell is formatted as one (diag).
 * Aborts where not.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"
#include "diag.h"
#include "xlsx.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* What the records so far were. */
struct seen {
	struct diag	*diag;
	size_t		 n;		/* records */
	int		 line;		/* the last one's row */
};

static int
on_rec(void *arg, const struct csvr_rec *r)
{
	struct seen	*s = arg;
	size_t		 i, nonempty = 0;
	int		 l, c;

	if (!r->cells || r->index != s->n || r->line <= s->line ||
	    r->line > 1048576 || r->nf == 0 || r->nf > 16384)
		abort();
	for (i = 0; i < r->nf; i++) {
		if (r->f[i][r->len[i]] != '\0')
			abort();
		nonempty += r->len[i] > 0;
	}
	if (nonempty == 0)
		abort();
	csvr_field_pos(r, r->nf - 1, &l, &c);
	if (l != r->line || c != (int)r->nf)
		abort();
	diag_error(s->diag, "fuzz.xlsx#Blad1", l, c, "last field '%s'",
	    r->f[r->nf - 1]);
	s->n++;
	s->line = r->line;
	return s->n > 5000;	/* enough: stop, as a caller may */
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct diag	 d;
	struct buf	 msgs = { NULL, 0, 0 };
	struct diag	 top;
	struct seen	 s;

	diag_init(&top, NULL);
	diag_hold(&d, &top, &msgs);
	d.out = stderr;		/* formatted, held back, dropped */
	memset(&s, 0, sizeof(s));
	s.diag = &d;
	(void)xlsx_read_mem((const char *)data, len, NULL, "fuzz.xlsx", &d,
	    on_rec, &s);
	memset(&s, 0, sizeof(s));
	s.diag = &d;
	(void)xlsx_read_mem((const char *)data, len, "Blad2", "fuzz.xlsx",
	    &d, on_rec, &s);
	buf_free(&msgs);
	return 0;
}
