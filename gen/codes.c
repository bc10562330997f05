/*
 * codes.c: loading and checking the codebook.
 */
#include <stdlib.h>
#include <string.h>

#include "codes.h"
#include "csvread.h"
#include "diag.h"
#include "fmt.h"
#include "register.h"
#include "util.h"

/* Loader state for the record callback. */
struct cbload {
	struct codebook	*cb;
	struct diag	*diag;
	int		 ci[5];	/* field index of kolom, code, label, volgorde, kleur */
	size_t		 nhdr;	/* fields in the header */
	int		 bad;	/* header unusable */
};

enum { CI_KOLOM, CI_CODE, CI_LABEL, CI_VOLGORDE, CI_KLEUR };
static const char *const cb_hdr[5] =
    { "kolom", "code", "label", "volgorde", "kleur" };

/* Default labels of the codes gen knows without a codebook row. */
static const struct {
	const char	*col, *code, *label;
} builtin[] = {
	{ "uitkomst", "geslaagd", "Geslaagd" },
	{ "uitkomst", "deels", "Deels geslaagd" },
	{ "uitkomst", "niet-geslaagd", "Niet geslaagd" },
	{ "uitkomst", "geweigerd", "Bemiddeling geweigerd" },
	{ "uitkomst", "lopend", "Lopend" },
	{ "soort", "bemiddeling", "Bemiddeling" },
	{ "escalatie", "geen", "Geen" },
};

struct cbcol *
codebook_col(const struct codebook *cb, const char *name)
{
	size_t	 i;

	for (i = 0; i < cb->ncols; i++)
		if (strcmp(cb->cols[i].name, name) == 0)
			return &cb->cols[i];
	return NULL;
}

char *
codebook_hint(const struct cbcol *c, const char *code)
{
	const char	**cands;
	char		 *h;
	size_t		  i, n = c != NULL ? c->n : 0;

	cands = xcalloc(n ? n : 1, sizeof(*cands));
	for (i = 0; i < n; i++)
		cands[i] = c->codes[i].code;
	h = diag_hint(code, cands, n, NULL);
	free(cands);
	return h;
}

int
codebook_find(const struct cbcol *c, const char *code)
{
	size_t	 i, len;

	if (c == NULL)
		return -1;
	len = strlen(code);
	for (i = 0; i < c->n; i++)
		if (c->codes[i].len == len &&
		    memcmp(c->codes[i].code, code, len) == 0)
			return (int)i;
	return -1;
}

int
codebook_is(const struct cbcol *c, size_t i, const char *s, size_t len)
{
	const char	*code = c->codes[i].code;
	size_t		 k;
	int		 ch;

	/* Codes are lower case: only s's ASCII letters need folding. */
	if (c->codes[i].len != len)
		return 0;
	for (k = 0; k < len; k++) {
		ch = (unsigned char)s[k];
		if (ch >= 'A' && ch <= 'Z')
			ch += 'a' - 'A';
		if (ch != (unsigned char)code[k])
			return 0;
	}
	return 1;
}

int
codebook_findn(const struct cbcol *c, const char *s, size_t len)
{
	size_t	 i;

	if (c == NULL)
		return -1;
	for (i = 0; i < c->n; i++)
		if (codebook_is(c, i, s, len))
			return (int)i;
	return -1;
}

static struct cbcol *
add_col(struct codebook *cb, const char *name, int line)
{
	struct cbcol	*c;

	cb->cols = xreallocarray(cb->cols, cb->ncols + 1, sizeof(*cb->cols));
	c = &cb->cols[cb->ncols++];
	memset(c, 0, sizeof(*c));
	c->name = xstrdup(name);
	c->line = line;
	return c;
}

static void
add_code(struct cbcol *c, const char *code, const char *label, int volgorde,
    const char *kleur, int line)
{
	struct code	*k;

	c->codes = xreallocarray(c->codes, c->n + 1, sizeof(*c->codes));
	k = &c->codes[c->n++];
	memset(k, 0, sizeof(*k));
	k->code = xstrdup(code);
	k->len = strlen(code);
	k->label = xstrdup(label);
	k->volgorde = volgorde;
	if (kleur != NULL)
		snprintf(k->kleur, sizeof(k->kleur), "%s", kleur);
	k->line = line;
}

static int
is_code_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	    c == '-' || c == '_' || c == '.';
}

static int
is_color(const char *s)
{
	size_t	 i;

	if (s[0] != '#' || strlen(s) != 7)
		return 0;
	for (i = 1; i < 7; i++)
		if (!((s[i] >= '0' && s[i] <= '9') ||
		    (s[i] >= 'a' && s[i] <= 'f') || (s[i] >= 'A' && s[i] <= 'F')))
			return 0;
	return 1;
}

static int
on_rec(void *arg, const struct csvr_rec *r)
{
	struct cbload	*ld = arg;
	struct codebook	*cb = ld->cb;
	struct cbcol	*c;
	const struct regcoldef *rc;
	char		*kolom, *code, kleur[8];
	const char	*label, *p;
	long long	 v;
	size_t		 i, j;
	int		 l, col, volgorde, ok = 1;

	if (r->index == 0) {
		ld->nhdr = r->nf;
		for (j = 0; j < 5; j++)
			ld->ci[j] = -1;
		for (i = 0; i < r->nf; i++) {
			char *h = csvr_lower(xstrdup(r->f[i]));

			for (j = 0; j < 5; j++)
				if (strcmp(h, cb_hdr[j]) == 0) {
					if (ld->ci[j] != -1) {
						csvr_field_pos(r, i, &l, &col);
						diag_error(ld->diag, cb->path, l, col,
						    "duplicate column '%s'", h);
						ld->bad = 1;
					}
					ld->ci[j] = (int)i;
				}
			free(h);
		}
		for (j = 0; j < 3; j++)
			if (ld->ci[j] == -1) {
				diag_error(ld->diag, cb->path, r->line, 1,
				    "missing required column '%s' (the codebook "
				    "needs kolom, code and label)", cb_hdr[j]);
				ld->bad = 1;
			}
		return 0;
	}
	if (ld->bad)
		return 0;
	if (r->nf != ld->nhdr) {
		diag_error(ld->diag, cb->path, r->line, 1,
		    "row has %zu fields; the header has %zu", r->nf, ld->nhdr);
		return 0;
	}
	kolom = csvr_lower(xstrdup(r->f[ld->ci[CI_KOLOM]]));
	code = csvr_lower(xstrdup(r->f[ld->ci[CI_CODE]]));
	label = r->f[ld->ci[CI_LABEL]];
	volgorde = (int)r->index * 10;
	kleur[0] = '\0';
	if (kolom[0] == '\0') {
		csvr_field_pos(r, (size_t)ld->ci[CI_KOLOM], &l, &col);
		diag_error(ld->diag, cb->path, l, col, "empty kolom");
		ok = 0;
	} else if ((rc = reg_col_named(kolom)) != NULL && rc->codes != NULL &&
	    strcmp(rc->codes, kolom) != 0) {
		csvr_field_pos(r, (size_t)ld->ci[CI_KOLOM], &l, &col);
		diag_error(ld->diag, cb->path, l, col, "%s takes its codes and "
		    "labels from %s; list them under '%s'", kolom, rc->codes,
		    rc->codes);
		ok = 0;
	}
	for (p = code; *p != '\0'; p++)
		if (!is_code_char((unsigned char)*p))
			break;
	if (code[0] == '\0' || *p != '\0') {
		csvr_field_pos(r, (size_t)ld->ci[CI_CODE], &l, &col);
		diag_error(ld->diag, cb->path, l, col, code[0] == '\0' ?
		    "empty code" : "code '%s' may hold only letters, digits, "
		    "'-', '_' and '.'", code);
		ok = 0;
	}
	if (label[0] == '\0') {
		csvr_field_pos(r, (size_t)ld->ci[CI_LABEL], &l, &col);
		diag_error(ld->diag, cb->path, l, col, "empty label");
		ok = 0;
	}
	if (ld->ci[CI_VOLGORDE] >= 0 && r->f[ld->ci[CI_VOLGORDE]][0] != '\0') {
		if (fmt_parse_int(r->f[ld->ci[CI_VOLGORDE]], &v) != 0 ||
		    v < -1000000 || v > 1000000) {
			csvr_field_pos(r, (size_t)ld->ci[CI_VOLGORDE], &l, &col);
			diag_error(ld->diag, cb->path, l, col,
			    "volgorde must be a whole number");
			ok = 0;
		} else
			volgorde = (int)v;
	}
	if (ld->ci[CI_KLEUR] >= 0 && r->f[ld->ci[CI_KLEUR]][0] != '\0') {
		if (!is_color(r->f[ld->ci[CI_KLEUR]])) {
			csvr_field_pos(r, (size_t)ld->ci[CI_KLEUR], &l, &col);
			diag_error(ld->diag, cb->path, l, col,
			    "kleur must be #rrggbb");
			ok = 0;
		} else
			csvr_lower(strcpy(kleur, r->f[ld->ci[CI_KLEUR]]));
	}
	if (ok && (c = codebook_col(cb, kolom)) != NULL &&
	    codebook_find(c, code) >= 0) {
		csvr_field_pos(r, (size_t)ld->ci[CI_CODE], &l, &col);
		diag_error(ld->diag, cb->path, l, col,
		    "code '%s' listed twice for column %s (first on line %d)",
		    code, kolom, c->codes[codebook_find(c, code)].line);
		ok = 0;
	}
	if (ok && strcmp(kolom, "uitkomst") == 0) {
		for (j = 0; j < 5; j++)
			if (strcmp(code, reg_outcome_codes[j]) == 0)
				break;
		if (j == 5) {
			char *hint = diag_hint(code, reg_outcome_codes, 5,
			    NULL);

			csvr_field_pos(r, (size_t)ld->ci[CI_CODE], &l, &col);
			diag_error(ld->diag, cb->path, l, col, "uitkomst has "
			    "five fixed codes (geslaagd, deels, niet-geslaagd, "
			    "geweigerd, lopend); '%s' is not one%s", code, hint);
			free(hint);
			ok = 0;
		}
	}
	if (ok) {
		if ((c = codebook_col(cb, kolom)) == NULL)
			c = add_col(cb, kolom, r->line);
		add_code(c, code, label, volgorde, kleur[0] ? kleur : NULL,
		    r->line);
	}
	free(kolom);
	free(code);
	return 0;
}

static int
cmp_code(const void *a, const void *b)
{
	const struct code *x = a, *y = b;

	if (x->volgorde != y->volgorde)
		return x->volgorde < y->volgorde ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

int
codebook_load(struct codebook *cb, const char *root, const char *path,
    const char *shown, struct diag *diag)
{
	struct cbload	 ld;
	struct cbcol	*c;
	size_t		 i;
	int		 nerr = diag->nerr, rc;

	memset(cb, 0, sizeof(*cb));
	memset(&ld, 0, sizeof(ld));
	cb->path = xstrdup(shown);
	ld.cb = cb;
	ld.diag = diag;
	rc = csvr_read(root, path, shown, diag, on_rec, &ld);
	for (i = 0; i < GEN_NELEM(builtin); i++) {
		if ((c = codebook_col(cb, builtin[i].col)) == NULL)
			c = add_col(cb, builtin[i].col, 0);
		if (codebook_find(c, builtin[i].code) < 0)
			add_code(c, builtin[i].code, builtin[i].label,
			    1000000 + (int)i, NULL, 0);
	}
	for (i = 0; i < cb->ncols; i++)
		qsort(cb->cols[i].codes, cb->cols[i].n,
		    sizeof(*cb->cols[i].codes), cmp_code);
	return rc != 0 || diag->nerr > nerr ? -1 : 0;
}

int
codebook_check_used(const struct codebook *cb, struct diag *diag)
{
	size_t	 i;
	int	 n = 0;

	for (i = 0; i < cb->ncols; i++) {
		if (cb->cols[i].used || cb->cols[i].line == 0)
			continue;
		diag_error(diag, cb->path, cb->cols[i].line, 1,
		    "column '%s' is not a code column of any data file",
		    cb->cols[i].name);
		n++;
	}
	return n;
}

void
codebook_free(struct codebook *cb)
{
	size_t	 i, j;

	if (cb == NULL)
		return;
	for (i = 0; i < cb->ncols; i++) {
		for (j = 0; j < cb->cols[i].n; j++) {
			free(cb->cols[i].codes[j].code);
			free(cb->cols[i].codes[j].label);
		}
		free(cb->cols[i].codes);
		free(cb->cols[i].name);
	}
	free(cb->cols);
	free(cb->path);
	memset(cb, 0, sizeof(*cb));
}
