/*
 * tables.c: counting the coded columns of a further table.
 */
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "csvread.h"
#include "diag.h"
#include "tables.h"
#include "util.h"

/* Loader state for the record callback. */
struct tload {
	struct tabdata	*t;
	struct codebook	*cb;
	struct diag	*diag;
	int		*fi;	/* field index of each kept column */
	size_t		 nhdr;
	int		 nerr;
};

static int
on_rec(void *arg, const struct csvr_rec *r)
{
	struct tload	*ld = arg;
	struct tabdata	*t = ld->t;
	struct tabcol	*c;
	const char	*s, *p;
	char		*code, *hint;
	size_t		 i, j, len, ncodes;
	int		 k, l, col;

	if (r->index == 0) {
		ld->nhdr = r->nf;
		ld->fi = xcalloc(r->nf, sizeof(*ld->fi));
		for (i = 0; i < r->nf; i++) {
			char *h = csvr_lower(xstrdup(r->f[i]));
			struct cbcol *cc = codebook_col(ld->cb, h);

			for (j = 0; j < t->ncols; j++)
				if (strcmp(t->cols[j].name, h) == 0)
					break;
			if (cc == NULL || j < t->ncols) {
				if (j < t->ncols) {
					csvr_field_pos(r, i, &l, &col);
					diag_error(ld->diag, t->path, l, col,
					    "duplicate column '%s'", h);
					ld->nerr++;
				}
				free(h);
				continue;
			}
			cc->used = 1;
			t->cols = xreallocarray(t->cols, t->ncols + 1,
			    sizeof(*t->cols));
			c = &t->cols[t->ncols];
			c->name = h;
			c->cb = cc;
			c->count = xcalloc(cc->n ? cc->n : 1, sizeof(size_t));
			c->single = 1;
			ld->fi[t->ncols++] = (int)i;
		}
		return 0;
	}
	if (r->nf != ld->nhdr) {
		if (ld->nerr++ < 200)
			diag_error(ld->diag, t->path, r->line, 1,
			    "row has %zu fields; the header has %zu",
			    r->nf, ld->nhdr);
		return 0;
	}
	t->nrows++;
	for (j = 0; j < t->ncols; j++) {
		c = &t->cols[j];
		ncodes = 0;
		s = r->f[ld->fi[j]];
		while ((p = csvr_next_code(&s, &len)) != NULL) {
			if ((k = codebook_findn(c->cb, p, len)) >= 0) {
				c->count[k]++;
				ncodes++;
			} else if (ld->nerr++ < 200) {
				code = csvr_lower(xstrndup(p, len));
				hint = codebook_hint(c->cb, code);
				csvr_field_pos(r, (size_t)ld->fi[j], &l, &col);
				diag_error(ld->diag, t->path, l, col,
				    "unknown code '%s' in column %s%s",
				    code, c->name, hint);
				free(hint);
				free(code);
			}
		}
		if (ncodes > 1)
			c->single = 0;
	}
	return 0;
}

struct tabdata *
tab_load(const char *name, const char *root, const char *path,
    const char *shown, struct codebook *cb, struct diag *diag)
{
	struct tload	 ld;
	struct tabdata	*t;
	int		 nerr = diag->nerr, rc;

	t = xcalloc(1, sizeof(*t));
	t->name = xstrdup(name);
	t->path = xstrdup(shown);
	memset(&ld, 0, sizeof(ld));
	ld.t = t;
	ld.cb = cb;
	ld.diag = diag;
	rc = csvr_read(root, path, shown, diag, on_rec, &ld);
	free(ld.fi);
	if (rc == 0 && ld.nhdr > 0 && t->ncols == 0)
		diag_error(diag, shown, 1, 1, "no column of this table is "
		    "listed in the codebook, so it gives no figures");
	if (rc != 0 || diag->nerr > nerr) {
		tab_free(t);
		return NULL;
	}
	return t;
}

void
tab_free(struct tabdata *t)
{
	size_t	 i;

	if (t == NULL)
		return;
	for (i = 0; i < t->ncols; i++) {
		free(t->cols[i].name);
		free(t->cols[i].count);
	}
	free(t->cols);
	free(t->name);
	free(t->path);
	free(t);
}
