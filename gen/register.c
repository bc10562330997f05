/*
 * register.c: loading and validating trajecten.csv (spec 2.1), and
 * selecting an edition's trajectories.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "codes.h"
#include "csvread.h"
#include "diag.h"
#include "fmt.h"
#include "register.h"
#include "util.h"

const char *const reg_single_names[RC_NSINGLE] = {
	"soort", "partijen", "signaal", "hoofdthema", "uitkomst", "escalatie"
};
const char *const reg_multi_names[RM_NMULTI] = { "themas", "aanleiding" };
const char *const reg_outcome_codes[5] = {
	"geslaagd", "deels", "niet-geslaagd", "geweigerd", "lopend"
};

/* Every column the register knows. */
enum rcol {
	C_ID, C_SOORT, C_REGIO, C_PARTIJEN, C_SIGNAAL, C_THEMAS,
	C_HOOFDTHEMA, C_AANLEIDING, C_START, C_EIND, C_GESPREKKEN,
	C_UITKOMST, C_ESCALATIE, C_N
};

static const struct {
	const char	*name;
	int		 required;
} rcols[C_N] = {
	{ "id", 1 }, { "soort", 0 }, { "regio", 1 }, { "partijen", 0 },
	{ "signaal", 1 }, { "themas", 1 }, { "hoofdthema", 0 },
	{ "aanleiding", 0 }, { "start", 1 }, { "eind", 0 },
	{ "gesprekken", 1 }, { "uitkomst", 1 }, { "escalatie", 0 }
};

/* Register column of each single-valued code. */
static const enum rcol single_col[RC_NSINGLE] = {
	C_SOORT, C_PARTIJEN, C_SIGNAAL, C_HOOFDTHEMA, C_UITKOMST, C_ESCALATIE
};
static const enum rcol multi_col[RM_NMULTI] = { C_THEMAS, C_AANLEIDING };

/* A set of strings for the id uniqueness check. */
struct strset {
	char	**key;		/* slots, NULL when empty */
	int	 *line;		/* line of each key */
	size_t	  cap;		/* power of two */
	size_t	  n;
};

static uint64_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

/* Inserts key; returns 0, or the line of an existing equal key. */
static int
strset_add(struct strset *set, const char *key, int line)
{
	size_t	 i, j, ncap;
	char	**nk;
	int	 *nl;

	if (set->n * 2 >= set->cap) {
		ncap = set->cap ? set->cap * 2 : 256;
		nk = xcalloc(ncap, sizeof(*nk));
		nl = xcalloc(ncap, sizeof(*nl));
		for (i = 0; i < set->cap; i++) {
			if (set->key[i] == NULL)
				continue;
			for (j = hash(set->key[i]) & (ncap - 1); nk[j] != NULL;
			    j = (j + 1) & (ncap - 1))
				continue;
			nk[j] = set->key[i];
			nl[j] = set->line[i];
		}
		free(set->key);
		free(set->line);
		set->key = nk;
		set->line = nl;
		set->cap = ncap;
	}
	for (i = hash(key) & (set->cap - 1); set->key[i] != NULL;
	    i = (i + 1) & (set->cap - 1))
		if (strcmp(set->key[i], key) == 0)
			return set->line[i];
	set->key[i] = xstrdup(key);
	set->line[i] = line;
	set->n++;
	return 0;
}

static void
strset_free(struct strset *set)
{
	size_t	 i;

	for (i = 0; i < set->cap; i++)
		free(set->key[i]);
	free(set->key);
	free(set->line);
}

/* Loader state for the record callback. */
struct rload {
	struct reg	*reg;
	struct codebook	*cb;
	struct diag	*diag;
	int		 ci[C_N];	/* field index of each column, -1 */
	size_t		 nhdr;		/* fields in the header */
	int		 bad;		/* header unusable: skip rows */
	struct strset	 ids;		/* ids seen */
	struct strset	 regions;	/* lower-cased regions -> index */
	size_t		 capt;		/* allocated trajectories */
	size_t		 cappool;	/* allocated pool entries */
	int		 nerr;		/* errors in this file */
	int		 capped;	/* said "too many errors" */
};

#define MAX_ERRORS	200

static void
ferr(struct rload *ld, const struct csvr_rec *r, int col, const char *fmt,
    ...) GEN_PRINTF(4, 5);

/* An error at field col of record r (col < 0: the record's start). */
static void
ferr(struct rload *ld, const struct csvr_rec *r, int col, const char *fmt,
    ...)
{
	va_list	 ap;
	int	 l = r->line, c = 1;

	if (ld->nerr++ >= MAX_ERRORS) {
		if (!ld->capped)
			diag_error(ld->diag, ld->reg->path, r->line, 0,
			    "too many errors; the rest of this file is not "
			    "reported");
		ld->capped = 1;
		return;
	}
	if (col >= 0)
		csvr_field_pos(r, (size_t)col, &l, &c);
	va_start(ap, fmt);
	diag_vmsg(ld->diag, DIAG_ERROR, ld->reg->path, l, c, fmt, ap);
	va_end(ap);
}

/* Looks a code up, reporting an unknown one with a suggestion. */
static int
lookup(struct rload *ld, const struct csvr_rec *r, int fi, const char *colname,
    const char *cbname, const char *code)
{
	struct cbcol	*c = codebook_col(ld->cb, cbname);
	const char	**cands;
	const char	*near;
	size_t		 i;
	int		 k;

	if ((k = codebook_find(c, code)) >= 0)
		return k;
	if (c == NULL) {
		ferr(ld, r, fi, "unknown code '%s' in column %s; the codebook "
		    "lists no codes for %s", code, colname, cbname);
		return -1;
	}
	cands = xcalloc(c->n, sizeof(*cands));
	for (i = 0; i < c->n; i++)
		cands[i] = c->codes[i].code;
	near = diag_nearest(code, cands, c->n);
	if (near != NULL)
		ferr(ld, r, fi, "unknown code '%s' in column %s; did you mean "
		    "'%s'?", code, colname, near);
	else
		ferr(ld, r, fi, "unknown code '%s' in column %s", code,
		    colname);
	free(cands);
	return -1;
}

static int
header(struct rload *ld, const struct csvr_rec *r)
{
	const char	*names[C_N];
	const char	*near;
	size_t		 i, j;
	int		 l, c;

	ld->nhdr = r->nf;
	ld->bad = 0;
	for (j = 0; j < C_N; j++) {
		ld->ci[j] = -1;
		names[j] = rcols[j].name;
	}
	for (i = 0; i < r->nf; i++) {
		char *h = csvr_lower(xstrdup(r->f[i]));

		for (j = 0; j < C_N; j++)
			if (strcmp(h, rcols[j].name) == 0)
				break;
		if (j < C_N && ld->ci[j] != -1) {
			csvr_field_pos(r, i, &l, &c);
			diag_error(ld->diag, ld->reg->path, l, c,
			    "duplicate column '%s'", h);
			ld->bad = 1;
		} else if (j < C_N)
			ld->ci[j] = (int)i;
		else if ((near = diag_nearest(h, names, C_N)) != NULL) {
			/* Unknown columns are ignored, but a typo is likely. */
			csvr_field_pos(r, i, &l, &c);
			diag_warn(ld->diag, ld->reg->path, l, c, "column '%s' "
			    "is ignored; did you mean '%s'?", h, near);
		}
		free(h);
	}
	for (j = 0; j < C_N; j++)
		if (rcols[j].required && ld->ci[j] == -1) {
			diag_error(ld->diag, ld->reg->path, r->line, 1,
			    "missing required column '%s'", rcols[j].name);
			ld->bad = 1;
		}
	for (j = 0; j < RC_NSINGLE; j++)
		if (ld->ci[single_col[j]] != -1 && j != RC_HOOFDTHEMA) {
			struct cbcol *cc = codebook_col(ld->cb,
			    reg_single_names[j]);
			if (cc != NULL)
				cc->used = 1;
		}
	for (j = 0; j < RM_NMULTI; j++)
		if (ld->ci[multi_col[j]] != -1) {
			struct cbcol *cc = codebook_col(ld->cb,
			    reg_multi_names[j]);
			if (cc != NULL)
				cc->used = 1;
		}
	return 0;
}

static const char *
field(const struct rload *ld, const struct csvr_rec *r, enum rcol c)
{
	return ld->ci[c] >= 0 ? r->f[ld->ci[c]] : "";
}

/* White space around a code, also a line break typed inside quotes. */
static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Splits a multi-valued field into the pool; returns codes added or -1. */
static int
multi(struct rload *ld, const struct csvr_rec *r, enum regmulti m,
    struct traj *t)
{
	struct reg	*reg = ld->reg;
	const char	*s = field(ld, r, multi_col[m]), *e;
	char		*code;
	size_t		 len, k;
	int		 idx, bad = 0, fi = ld->ci[multi_col[m]];

	t->moff[m] = (uint32_t)reg->npool;
	t->mn[m] = 0;
	for (; *s != '\0'; s = *e ? e + 1 : e) {
		if ((e = strchr(s, ';')) == NULL)
			e = s + strlen(s);
		while (s < e && is_blank(*s))
			s++;
		len = (size_t)(e - s);
		while (len > 0 && is_blank(s[len - 1]))
			len--;
		if (len == 0)
			continue;
		code = csvr_lower(xstrndup(s, len));
		idx = lookup(ld, r, fi, reg_multi_names[m],
		    reg_multi_names[m], code);
		free(code);
		if (idx < 0) {
			bad = 1;
			continue;
		}
		for (k = 0; k < t->mn[m]; k++)
			if (reg->pool[t->moff[m] + k] == (uint16_t)idx)
				break;
		if (k < t->mn[m])
			continue;
		if (t->mn[m] == UINT16_MAX)
			break;
		if (reg->npool == ld->cappool) {
			ld->cappool = ld->cappool ? ld->cappool * 2 : 1024;
			reg->pool = xreallocarray(reg->pool, ld->cappool,
			    sizeof(*reg->pool));
		}
		reg->pool[reg->npool++] = (uint16_t)idx;
		t->mn[m]++;
	}
	return bad ? -1 : (int)t->mn[m];
}

static int
date_field(struct rload *ld, const struct csvr_rec *r, enum rcol c,
    int32_t *out)
{
	const char	*s = field(ld, r, c);
	int		 rc;

	if ((rc = fmt_parse_date(s, out)) == 0)
		return 0;
	if (rc == -2)
		ferr(ld, r, ld->ci[c], "impossible date '%s' in column %s",
		    s, rcols[c].name);
	else
		ferr(ld, r, ld->ci[c], "'%s' in column %s is not a date "
		    "(YYYY-MM-DD or D-M-YYYY)", s, rcols[c].name);
	return -1;
}

static int
row(struct rload *ld, const struct csvr_rec *r)
{
	struct reg	*reg = ld->reg;
	struct traj	 t;
	const char	*s;
	char		*code, *low;
	long long	 v;
	size_t		 j, k, pool0 = reg->npool;
	int		 ok = 1, idx, line, themas_ok = 1, hoofd_ok = 1;
	int		 start_ok;

	if (r->nf != ld->nhdr) {
		ferr(ld, r, -1, "row has %zu fields; the header has %zu",
		    r->nf, ld->nhdr);
		return 0;
	}
	memset(&t, 0, sizeof(t));
	s = field(ld, r, C_ID);
	if (s[0] == '\0') {
		ferr(ld, r, ld->ci[C_ID], "empty id");
		ok = 0;
	} else if ((line = strset_add(&ld->ids, s, r->line)) != 0) {
		ferr(ld, r, ld->ci[C_ID], "duplicate id '%s' (first on line "
		    "%d)", s, line);
		ok = 0;
	}
	s = field(ld, r, C_REGIO);
	if (s[0] == '\0') {
		ferr(ld, r, ld->ci[C_REGIO], "empty regio");
		ok = 0;
	} else {
		low = csvr_lower(xstrdup(s));
		if ((line = strset_add(&ld->regions, low,
		    (int)reg->nregio + 1)) == 0) {
			reg->regio = xreallocarray(reg->regio, reg->nregio + 1,
			    sizeof(*reg->regio));
			reg->regio[reg->nregio++] = xstrdup(s);
			t.regio = (int32_t)reg->nregio - 1;
		} else
			t.regio = line - 1;
		free(low);
	}
	for (j = 0; j < RC_NSINGLE; j++) {
		const char *cb = j == RC_HOOFDTHEMA ? "themas" :
		    reg_single_names[j];

		t.code[j] = -1;
		s = field(ld, r, single_col[j]);
		if (s[0] == '\0') {
			if (j == RC_SOORT)
				s = "bemiddeling";
			else if (j == RC_ESCALATIE)
				s = "geen";
			else if (j == RC_SIGNAAL || j == RC_UITKOMST) {
				ferr(ld, r, ld->ci[single_col[j]],
				    "empty %s", reg_single_names[j]);
				ok = 0;
				continue;
			} else
				continue;
		}
		code = csvr_lower(xstrdup(s));
		idx = lookup(ld, r, ld->ci[single_col[j]],
		    reg_single_names[j], cb, code);
		if (idx < 0) {
			ok = 0;
			if (j == RC_HOOFDTHEMA)
				hoofd_ok = 0;
		} else
			t.code[j] = (int16_t)idx;
		if (j == RC_UITKOMST && idx >= 0) {
			for (k = 0; k < 5; k++)
				if (strcmp(code, reg_outcome_codes[k]) == 0)
					t.outcome = (uint8_t)k;
		}
		free(code);
	}
	/*
	 * Each check below depends only on the fields it reads, so that
	 * an error elsewhere in the row does not hide it (spec 2.4).
	 */
	for (j = 0; j < RM_NMULTI; j++)
		if (multi(ld, r, (enum regmulti)j, &t) < 0) {
			ok = 0;
			if (j == RM_THEMAS)
				themas_ok = 0;
		}
	if (themas_ok && t.mn[RM_THEMAS] == 0) {
		ferr(ld, r, ld->ci[C_THEMAS], "themas needs at least one code");
		ok = 0;
		themas_ok = 0;
	}
	if (themas_ok && hoofd_ok && t.code[RC_HOOFDTHEMA] < 0)
		t.code[RC_HOOFDTHEMA] = (int16_t)reg->pool[t.moff[RM_THEMAS]];
	else if (themas_ok && hoofd_ok) {
		for (k = 0; k < t.mn[RM_THEMAS]; k++)
			if (reg->pool[t.moff[RM_THEMAS] + k] ==
			    (uint16_t)t.code[RC_HOOFDTHEMA])
				break;
		if (k == t.mn[RM_THEMAS]) {
			ferr(ld, r, ld->ci[C_HOOFDTHEMA], "hoofdthema '%s' is "
			    "not one of this row's themas",
			    field(ld, r, C_HOOFDTHEMA));
			ok = 0;
		}
	}
	if (!(start_ok = date_field(ld, r, C_START, &t.start) == 0))
		ok = 0;
	t.eind = REG_NODATE;
	if (field(ld, r, C_EIND)[0] != '\0') {
		if (date_field(ld, r, C_EIND, &t.eind) != 0)
			ok = 0;
		else if (start_ok && t.eind < t.start) {
			ferr(ld, r, ld->ci[C_EIND], "eind %s is before start "
			    "%s", field(ld, r, C_EIND), field(ld, r, C_START));
			ok = 0;
		}
	}
	s = field(ld, r, C_GESPREKKEN);
	if (fmt_parse_int(s, &v) != 0 || v < 0 || v > 100000) {
		ferr(ld, r, ld->ci[C_GESPREKKEN], "gesprekken must be a whole "
		    "number of 0 or more, not '%s'", s);
		ok = 0;
	} else
		t.gesprekken = (int32_t)v;
	if (t.code[RC_UITKOMST] >= 0 && field(ld, r, C_EIND)[0] == '\0' &&
	    t.outcome != OUT_LOPEND) {
		ferr(ld, r, ld->ci[C_UITKOMST], "uitkomst '%s' needs an eind "
		    "date; a trajectory without eind is 'lopend'",
		    field(ld, r, C_UITKOMST));
		ok = 0;
	} else if (t.code[RC_UITKOMST] >= 0 && t.outcome == OUT_LOPEND &&
	    field(ld, r, C_EIND)[0] != '\0') {
		ferr(ld, r, ld->ci[C_UITKOMST], "uitkomst 'lopend' but eind "
		    "is %s; a finished trajectory needs its outcome",
		    field(ld, r, C_EIND));
		ok = 0;
	}
	if (!ok) {
		reg->npool = pool0;
		return 0;
	}
	if (reg->n == ld->capt) {
		ld->capt = ld->capt ? ld->capt * 2 : 256;
		reg->t = xreallocarray(reg->t, ld->capt, sizeof(*reg->t));
	}
	reg->t[reg->n++] = t;
	return 0;
}

static int
on_rec(void *arg, const struct csvr_rec *r)
{
	struct rload	*ld = arg;

	if (r->index == 0)
		return header(ld, r);
	if (ld->bad)
		return 0;
	return row(ld, r);
}

struct reg *
reg_load_mem(const char *data, size_t len, const char *shown,
    struct codebook *cb, struct diag *diag)
{
	struct rload	 ld;
	struct reg	*reg;
	int		 nerr = diag->nerr, rc;

	reg = xcalloc(1, sizeof(*reg));
	reg->path = xstrdup(shown);
	reg->cb = cb;
	memset(&ld, 0, sizeof(ld));
	ld.reg = reg;
	ld.cb = cb;
	ld.diag = diag;
	ld.bad = 1;
	rc = csvr_read_mem(data, len, shown, diag, on_rec, &ld);
	if (rc == 0 && ld.nhdr == 0)
		diag_error(diag, shown, 0, 0, "empty file: the register needs "
		    "a header line");
	strset_free(&ld.ids);
	strset_free(&ld.regions);
	if (rc != 0 || diag->nerr > nerr) {
		reg_free(reg);
		return NULL;
	}
	return reg;
}

struct reg *
reg_load(const char *path, const char *shown, struct codebook *cb,
    struct diag *diag)
{
	char		*data;
	size_t		 len;
	struct reg	*reg;

	if ((data = util_read_file(path, &len)) == NULL) {
		diag_error(diag, shown, 0, 0, "cannot read the register");
		return NULL;
	}
	reg = reg_load_mem(data, len, shown, cb, diag);
	free(data);
	return reg;
}

void
reg_free(struct reg *reg)
{
	size_t	 i;

	if (reg == NULL)
		return;
	for (i = 0; i < reg->nregio; i++)
		free(reg->regio[i]);
	free(reg->regio);
	free(reg->t);
	free(reg->pool);
	free(reg->path);
	free(reg);
}

size_t
reg_select(const struct reg *reg, const struct regfilter *f, size_t **out)
{
	size_t	*v, n = 0, i, j;
	char	*keep = NULL;

	v = xcalloc(reg->n ? reg->n : 1, sizeof(*v));
	if (f->nregio > 0) {
		keep = xcalloc(reg->nregio ? reg->nregio : 1, 1);
		for (i = 0; i < reg->nregio; i++)
			for (j = 0; j < f->nregio; j++)
				if (strcasecmp(reg->regio[i], f->regio[j]) == 0)
					keep[i] = 1;
	}
	for (i = 0; i < reg->n; i++) {
		const struct traj *t = &reg->t[i];

		if (keep != NULL && !keep[t->regio])
			continue;
		if (f->nsoort > 0) {
			for (j = 0; j < f->nsoort; j++)
				if (t->code[RC_SOORT] == f->soort[j])
					break;
			if (j == f->nsoort)
				continue;
		}
		if (f->periode && (t->start < f->from || t->start > f->to))
			continue;
		v[n++] = i;
	}
	free(keep);
	*out = v;
	return n;
}
