/*
 * register.c: loading and validating trajecten.csv (spec 2.1), and
 * selecting an edition's trajectories.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bigreg.h"
#include "codes.h"
#include "csvread.h"
#include "diag.h"
#include "fmt.h"
#include "register.h"
#include "util.h"

const struct regcoldef reg_cols[RCOL_N] = {
	{ "id", RCOL_ID, 1, RT_ID, -1, NULL, NULL, NULL },
	{ "soort", RCOL_SOORT, 0, RT_CODE, RC_SOORT, "soort",
	    "bemiddeling", "Soort" },
	{ "regio", RCOL_REGIO, 1, RT_REGION, -1, NULL, NULL, NULL },
	{ "partijen", RCOL_PARTIJEN, 0, RT_CODE, RC_PARTIJEN, "partijen",
	    NULL, "Partijen" },
	{ "signaal", RCOL_SIGNAAL, 1, RT_CODE, RC_SIGNAAL, "signaal", NULL,
	    "Signaal" },
	{ "themas", RCOL_THEMAS, 1, RT_CODES, RC_NSINGLE + RM_THEMAS,
	    "themas", NULL, "Thema" },
	{ "hoofdthema", RCOL_HOOFDTHEMA, 0, RT_CODE, RC_HOOFDTHEMA, "themas",
	    NULL, "Hoofdthema" },
	{ "aanleiding", RCOL_AANLEIDING, 0, RT_CODES,
	    RC_NSINGLE + RM_AANLEIDING, "aanleiding", NULL, "Aanleiding" },
	{ "start", RCOL_START, 1, RT_DATE, -1, NULL, NULL, NULL },
	{ "eind", RCOL_EIND, 0, RT_DATE, -1, NULL, NULL, NULL },
	{ "gesprekken", RCOL_GESPREKKEN, 1, RT_COUNT, -1, NULL, NULL,
	    "Aantal gesprekken" },
	{ "uitkomst", RCOL_UITKOMST, 1, RT_CODE, RC_UITKOMST, "uitkomst",
	    NULL, "Uitkomst" },
	{ "escalatie", RCOL_ESCALATIE, 0, RT_CODE, RC_ESCALATIE, "escalatie",
	    "geen", "Escalatie" },
};

const char *const reg_outcome_codes[5] = {
	"geslaagd", "deels", "niet-geslaagd", "geweigerd", "lopend"
};

const struct regcoldef *
reg_col_named(const char *name)
{
	size_t	 i;

	for (i = 0; i < RCOL_N; i++)
		if (strcmp(reg_cols[i].name, name) == 0)
			return &reg_cols[i];
	return NULL;
}

const struct regcoldef *
reg_slot_col(size_t slot)
{
	size_t	 i;

	for (i = 0; i < RCOL_N; i++)
		if (reg_cols[i].slot == (int)slot)
			return &reg_cols[i];
	return NULL;
}

/*
 * A set of strings for the id uniqueness check: the keys one after the
 * other in one arena, and an open-addressing table of slots holding a
 * key's hash and its entry, so that a million ids cost a few bytes
 * each and a lookup rarely touches a key.
 */
struct strset {
	struct slot {
		uint32_t hash;	/* low bits of the key's hash */
		uint32_t ent;	/* entry + 1, 0 when empty */
	}		*slot;
	struct ent {
		size_t	 off;	/* key's offset in arena */
		int	 line;	/* line of the key */
	}		*ent;
	struct buf	 arena;	/* the keys, NUL-terminated */
	size_t		 cap;	/* slots: a power of two */
	size_t		 n;	/* entries */
	size_t		 capent;
};

/* A hash of len bytes, eight at a time (ids are short). */
static uint64_t
hash(const char *s, size_t len)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ len, w;

	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, s, len);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
	return h ^ (h >> 29);
}

/*
 * Inserts key (len bytes); returns 0, or the line of an existing
 * equal key.  Returns its entry number in *ent if ent is not NULL.
 */
static int
strset_add(struct strset *set, const char *key, size_t len, int line,
    size_t *ent)
{
	struct slot	*ns;
	size_t		 i, j, ncap;
	uint64_t	 h = hash(key, len);

	if (set->n * 2 >= set->cap) {
		ncap = set->cap ? set->cap * 2 : 256;
		ns = xcalloc(ncap, sizeof(*ns));
		for (i = 0; i < set->cap; i++) {
			if (set->slot[i].ent == 0)
				continue;
			/* The slot keeps the hash's low 32 bits: enough to
			   place it, since ncap stays far below 2^32. */
			for (j = set->slot[i].hash & (ncap - 1);
			    ns[j].ent != 0; j = (j + 1) & (ncap - 1))
				continue;
			ns[j] = set->slot[i];
		}
		free(set->slot);
		set->slot = ns;
		set->cap = ncap;
	}
	for (i = h & (set->cap - 1); set->slot[i].ent != 0;
	    i = (i + 1) & (set->cap - 1)) {
		const struct ent *e = &set->ent[set->slot[i].ent - 1];

		if (set->slot[i].hash == (uint32_t)h &&
		    strcmp(set->arena.s + e->off, key) == 0) {
			if (ent != NULL)
				*ent = set->slot[i].ent - 1;
			return e->line;
		}
	}
	if (set->n == set->capent) {
		set->capent = set->capent ? set->capent * 2 : 256;
		set->ent = xreallocarray(set->ent, set->capent,
		    sizeof(*set->ent));
	}
	set->ent[set->n].off = set->arena.len;
	set->ent[set->n].line = line;
	buf_add(&set->arena, key, len);
	buf_putc(&set->arena, '\0');
	if (ent != NULL)
		*ent = set->n;
	set->n++;
	set->slot[i].hash = (uint32_t)h;
	set->slot[i].ent = (uint32_t)set->n;
	return 0;
}

static void
strset_free(struct strset *set)
{
	free(set->slot);
	free(set->ent);
	buf_free(&set->arena);
}

/*
 * A lower-cased copy of s (len bytes) in buf if it fits, else in
 * memory the caller frees (*dyn).
 */
static char *
lower_copy(const char *s, size_t len, char *buf, size_t bufsz, char **dyn)
{
	char	*d;
	size_t	 i;

	*dyn = NULL;
	d = len < bufsz ? buf : (*dyn = xmalloc(len + 1));
	for (i = 0; i < len; i++)
		d[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') :
		    s[i];
	d[len] = '\0';
	return d;
}

/* Loader state for the record callback. */
struct rload {
	struct reg	*reg;
	struct codebook	*cb;
	struct diag	*diag;
	int		 ci[RCOL_N];	/* field index of each column, -1 */
	size_t		 nhdr;		/* fields in the header */
	int		 hline;		/* line of the header */
	int		 bad;		/* header unusable: skip rows */
	struct strset	 ids;		/* ids seen */
	struct strset	 regions;	/* lower-cased regions -> index */
	size_t		 capt;		/* allocated trajectories */
	size_t		 cappool;	/* allocated pool entries */
	int		 nerr;		/* errors in this file */
	int		 nerr0;		/* diag's errors before it */
	int		 capped;	/* said "too many errors" */
	int		 exact;		/* check ids in the table ids */
	uint64_t	*idh;		/* else: hashes of the ids seen */
	size_t		 nidh, capidh;
	/*
	 * The codebook column of each coded field (slot: enum regcode,
	 * then RC_NSINGLE + enum regmulti), looked up once per file, and
	 * the code last found in it, tried first: registers repeat codes.
	 */
	struct cbcol	*ccol[RC_NSINGLE + RM_NMULTI];
	int		 hit[RC_NSINGLE + RM_NMULTI];
	enum regcol	 scol[RC_NSINGLE + RM_NMULTI]; /* column of each slot */
	int		 lastreg;	/* region of the previous row, or -1 */
	int		 outcome[5];	/* uitkomst code of each enum outcome */
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

/*
 * Looks up the code in len bytes of s (any case) in the column of slot,
 * reporting an unknown one, lower-cased, with a suggestion.
 */
static int
lookup(struct rload *ld, const struct csvr_rec *r, int fi, const char *colname,
    size_t slot, const char *s, size_t len)
{
	struct cbcol	*c = ld->ccol[slot];
	const char	*cbname = reg_cols[ld->scol[slot]].codes;
	char		*code, *hint;
	int		 k = ld->hit[slot];

	if (c != NULL && k >= 0 && codebook_is(c, (size_t)k, s, len))
		return k;
	if ((k = codebook_findn(c, s, len)) >= 0)
		return ld->hit[slot] = k;
	code = csvr_lower(xstrndup(s, len));
	if (c == NULL) {
		ferr(ld, r, fi, "unknown code '%s' in column %s; the codebook "
		    "lists no codes for %s", code, colname, cbname);
		free(code);
		return -1;
	}
	hint = codebook_hint(c, code);
	ferr(ld, r, fi, "unknown code '%s' in column %s%s", code, colname,
	    hint);
	free(hint);
	free(code);
	return -1;
}

static int
header(struct rload *ld, const struct csvr_rec *r)
{
	const char	*names[RCOL_N];
	char		*hint = NULL;
	size_t		 i, j;
	int		 l, c;

	ld->nhdr = r->nf;
	ld->hline = r->line;
	ld->bad = 0;
	for (j = 0; j < RCOL_N; j++) {
		ld->ci[j] = -1;
		names[j] = reg_cols[j].name;
	}
	for (i = 0; i < r->nf; i++) {
		char *h = csvr_lower(xstrdup(r->f[i]));
		const struct regcoldef *rc = reg_col_named(h);

		j = rc != NULL ? rc->col : RCOL_N;
		if (j < RCOL_N && ld->ci[j] != -1) {
			csvr_field_pos(r, i, &l, &c);
			diag_error(ld->diag, ld->reg->path, l, c,
			    "duplicate column '%s'", h);
			ld->bad = 1;
		} else if (j < RCOL_N)
			ld->ci[j] = (int)i;
		else if (*(hint = diag_hint(h, names, RCOL_N, NULL))) {
			/* Unknown columns are ignored, but a typo is likely. */
			csvr_field_pos(r, i, &l, &c);
			diag_warn(ld->diag, ld->reg->path, l, c, "column '%s' "
			    "is ignored%s", h, hint);
		}
		if (j == RCOL_N)
			free(hint);
		free(h);
	}
	for (j = 0; j < RCOL_N; j++)
		if (reg_cols[j].required && ld->ci[j] == -1) {
			diag_error(ld->diag, ld->reg->path, r->line, 1,
			    "missing required column '%s'", reg_cols[j].name);
			ld->bad = 1;
		}
	for (j = 0; j < RC_NSINGLE + RM_NMULTI; j++)
		ld->ccol[j] = codebook_col(ld->cb, reg_cols[ld->scol[j]].codes);
	for (j = 0; j < 5; j++)
		ld->outcome[j] = ld->ccol[RC_UITKOMST] != NULL ?
		    codebook_find(ld->ccol[RC_UITKOMST], reg_outcome_codes[j]) :
		    -1;
	for (j = 0; j < RCOL_N; j++)
		if (ld->ci[j] != -1 && reg_cols[j].codes != NULL &&
		    strcmp(reg_cols[j].codes, reg_cols[j].name) == 0) {
			struct cbcol *cc = codebook_col(ld->cb,
			    reg_cols[j].name);
			if (cc != NULL)
				cc->used = 1;
		}
	return 0;
}

static const char *
field(const struct rload *ld, const struct csvr_rec *r, enum regcol c)
{
	return ld->ci[c] >= 0 ? r->f[ld->ci[c]] : "";
}

/* Splits a multi-valued field into the pool; returns codes added or -1. */
static int
multi(struct rload *ld, const struct csvr_rec *r, enum regmulti m,
    struct traj *t)
{
	struct reg	*reg = ld->reg;
	enum regcol	 col = ld->scol[RC_NSINGLE + m];
	const char	*s = field(ld, r, col), *c;
	size_t		 len, k;
	int		 idx, bad = 0, fi = ld->ci[col];

	t->moff[m] = (uint32_t)reg->npool;
	t->mn[m] = 0;
	while ((c = csvr_next_code(&s, &len)) != NULL) {
		idx = lookup(ld, r, fi, reg_cols[col].name, RC_NSINGLE + m,
		    c, len);
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
date_field(struct rload *ld, const struct csvr_rec *r, enum regcol c,
    int32_t *out)
{
	const char	*s = field(ld, r, c);
	int		 rc;

	if ((rc = fmt_parse_date(s, out)) == 0)
		return 0;
	if (rc == -3)
		ferr(ld, r, ld->ci[c], "date '%s' in column %s is out of "
		    "range: years %d to %d", s, reg_cols[c].name, FMT_YEAR_MIN,
		    FMT_YEAR_MAX);
	else if (rc == -2)
		ferr(ld, r, ld->ci[c], "impossible date '%s' in column %s",
		    s, reg_cols[c].name);
	else
		ferr(ld, r, ld->ci[c], "'%s' in column %s is not a date "
		    "(YYYY-MM-DD or D-M-YYYY)", s, reg_cols[c].name);
	return -1;
}

/*
 * The number of region s (len bytes, any case): those of the register
 * so far, or the next one, which keeps this first spelling.
 */
static int32_t
region(struct rload *ld, const char *s, size_t len)
{
	struct reg	*reg = ld->reg;
	char		*low, *dyn, buf[64];
	size_t		 ent;

	low = lower_copy(s, len, buf, sizeof(buf), &dyn);
	/* Entries follow reg->regio: a new one is numbered nregio. */
	(void)strset_add(&ld->regions, low, len, 0, &ent);
	if (ent == reg->nregio) {
		reg->regio = xreallocarray(reg->regio, reg->nregio + 1,
		    sizeof(*reg->regio));
		reg->regio[reg->nregio++] = xstrndup(s, len);
	}
	free(dyn);
	return (int32_t)ent;
}

static int
row(struct rload *ld, const struct csvr_rec *r)
{
	struct reg	*reg = ld->reg;
	struct traj	 t;
	const char	*s;
	long long	 v;
	size_t		 len;
	size_t		 j, k, pool0 = reg->npool;
	int		 ok = 1, idx, line, themas_ok = 1, hoofd_ok = 1;
	int		 start_ok;

	if (r->nf != ld->nhdr) {
		ferr(ld, r, -1, "row has %zu fields; the header has %zu",
		    r->nf, ld->nhdr);
		return 0;
	}
	memset(&t, 0, sizeof(t));
	s = field(ld, r, RCOL_ID);
	if (s[0] == '\0') {
		ferr(ld, r, ld->ci[RCOL_ID], "empty id");
		ok = 0;
	} else if (!ld->exact) {
		if (ld->nidh == ld->capidh) {
			ld->capidh = ld->capidh ? ld->capidh * 2 : 1024;
			ld->idh = xreallocarray(ld->idh, ld->capidh,
			    sizeof(*ld->idh));
		}
		ld->idh[ld->nidh++] = hash(s, r->len[ld->ci[RCOL_ID]]);
	} else if ((line = strset_add(&ld->ids, s, r->len[ld->ci[RCOL_ID]],
	    r->line, NULL)) != 0) {
		ferr(ld, r, ld->ci[RCOL_ID], "duplicate id '%s' (first on line "
		    "%d)", s, line);
		ok = 0;
	}
	s = field(ld, r, RCOL_REGIO);
	if (s[0] == '\0') {
		ferr(ld, r, ld->ci[RCOL_REGIO], "empty regio");
		ok = 0;
	} else if (ld->lastreg >= 0 &&
	    strncasecmp(reg->regio[ld->lastreg], s, r->len[ld->ci[RCOL_REGIO]]) == 0 &&
	    reg->regio[ld->lastreg][r->len[ld->ci[RCOL_REGIO]]] == '\0') {
		/* The previous row's region, in any case. */
		t.regio = ld->lastreg;
	} else
		t.regio = ld->lastreg = region(ld, s, r->len[ld->ci[RCOL_REGIO]]);
	for (j = 0; j < RC_NSINGLE; j++) {
		const struct regcoldef *col = &reg_cols[ld->scol[j]];
		int fi = ld->ci[col->col];

		t.code[j] = -1;
		s = field(ld, r, col->col);
		len = fi >= 0 ? r->len[fi] : 0;
		if (s[0] == '\0') {
			if (col->def != NULL)
				s = col->def, len = strlen(s);
			else if (col->required) {
				ferr(ld, r, fi, "empty %s", col->name);
				ok = 0;
				continue;
			} else
				continue;
		}
		idx = lookup(ld, r, fi, col->name, j, s, len);
		if (idx < 0) {
			ok = 0;
			if (j == RC_HOOFDTHEMA)
				hoofd_ok = 0;
		} else
			t.code[j] = (int16_t)idx;
		if (j == RC_UITKOMST && idx >= 0) {
			for (k = 0; k < 5; k++)
				if (idx == ld->outcome[k])
					t.outcome = (uint8_t)k;
		}
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
		ferr(ld, r, ld->ci[RCOL_THEMAS], "themas needs at least one code");
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
			ferr(ld, r, ld->ci[RCOL_HOOFDTHEMA], "hoofdthema '%s' is "
			    "not one of this row's themas",
			    field(ld, r, RCOL_HOOFDTHEMA));
			ok = 0;
		}
	}
	if (!(start_ok = date_field(ld, r, RCOL_START, &t.start) == 0))
		ok = 0;
	t.eind = REG_NODATE;
	if (field(ld, r, RCOL_EIND)[0] != '\0') {
		if (date_field(ld, r, RCOL_EIND, &t.eind) != 0)
			ok = 0;
		else if (start_ok && t.eind < t.start) {
			ferr(ld, r, ld->ci[RCOL_EIND], "eind %s is before start "
			    "%s", field(ld, r, RCOL_EIND), field(ld, r, RCOL_START));
			ok = 0;
		}
	}
	s = field(ld, r, RCOL_GESPREKKEN);
	if (fmt_parse_int(s, &v) != 0 || v < 0 || v > 100000) {
		ferr(ld, r, ld->ci[RCOL_GESPREKKEN], "gesprekken must be a whole "
		    "number of 0 or more, not '%s'", s);
		ok = 0;
	} else
		t.gesprekken = (int32_t)v;
	if (t.code[RC_UITKOMST] >= 0 && field(ld, r, RCOL_EIND)[0] == '\0' &&
	    t.outcome != OUT_LOPEND) {
		ferr(ld, r, ld->ci[RCOL_UITKOMST], "uitkomst '%s' needs an eind "
		    "date; a trajectory without eind is 'lopend'",
		    field(ld, r, RCOL_UITKOMST));
		ok = 0;
	} else if (t.code[RC_UITKOMST] >= 0 && t.outcome == OUT_LOPEND &&
	    field(ld, r, RCOL_EIND)[0] != '\0') {
		ferr(ld, r, ld->ci[RCOL_UITKOMST], "uitkomst 'lopend' but eind "
		    "is %s; a finished trajectory needs its outcome",
		    field(ld, r, RCOL_EIND));
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

/* What a new loader needs to know. */
struct lctx {
	const char	*shown;
	struct codebook	*cb;
};

/*
 * A loader of a new register, reporting to diag; the header sets its
 * columns.  With exact set, ids are checked in a table that says where
 * each was first seen; without, only their hashes are kept (bigreg.c).
 */
static void *
loader_open(void *arg, struct diag *diag, int exact)
{
	const struct lctx *c = arg;
	struct rload	*ld;
	size_t		 j;

	ld = xcalloc(1, sizeof(*ld));
	ld->reg = xcalloc(1, sizeof(*ld->reg));
	ld->reg->path = xstrdup(c->shown);
	ld->reg->cb = c->cb;
	ld->cb = c->cb;
	ld->diag = diag;
	ld->nerr0 = diag->nerr;
	ld->bad = 1;
	ld->exact = exact;
	for (j = 0; j < RC_NSINGLE + RM_NMULTI; j++) {
		ld->hit[j] = -1;
		ld->scol[j] = reg_slot_col(j)->col;
	}
	ld->lastreg = -1;
	return ld;
}

static void
loader_free(struct rload *ld)
{
	free(ld->idh);
	strset_free(&ld->ids);
	strset_free(&ld->regions);
	free(ld);
}

/*
 * Ends a loader after a reading that returned rc: reports an empty
 * file, and returns the register, or NULL if rc or fail is nonzero or
 * the file had errors.
 */
static void *
loader_close(void *arg, int rc, int fail)
{
	struct rload	*ld = arg;
	struct reg	*reg = ld->reg;
	struct diag	*diag = ld->diag;

	if (rc == 0 && ld->nhdr == 0)
		diag_error(diag, reg->path, 0, 0, "empty file: the register "
		    "needs a header line");
	else if (rc == 0 && diag->nerr == ld->nerr0 && reg->n == 0)
		diag_error(diag, reg->path, ld->hline, 1, "the register has "
		    "no rows, only a header line");
	if (rc != 0 || diag->nerr > ld->nerr0 || fail) {
		reg_free(reg);
		reg = NULL;
	} else if (reg->n > 0 && reg->n < ld->capt)
		reg->t = xreallocarray(reg->t, reg->n, sizeof(*reg->t));
	loader_free(ld);
	return reg;
}

/*
 * For bigreg.c, which reads very large registers: tables sized ahead,
 * a loader for the second half of the file, and the id hashes.
 */
static void
loader_reserve(void *arg, size_t rows)
{
	struct rload	*ld = arg;

	if (ld->bad || ld->reg->n > 0)
		return;
	free(ld->reg->t);
	ld->capt = rows;
	ld->reg->t = bigreg_alloc(ld->capt, sizeof(*ld->reg->t));
	if (!ld->exact) {
		free(ld->idh);
		ld->capidh = ld->capt;
		ld->idh = bigreg_alloc(ld->capidh, sizeof(*ld->idh));
	}
}

static void *
loader_fork(void *arg, struct diag *diag)
{
	const struct rload *ld = arg;
	struct lctx	 c = { ld->reg->path, ld->cb };
	struct rload	*h;

	if (ld->bad)
		return NULL;
	/* A loader of its own, which knows only what the header said. */
	h = loader_open(&c, diag, 0);
	memcpy(h->ci, ld->ci, sizeof(ld->ci));
	h->nhdr = ld->nhdr;
	h->bad = ld->bad;
	memcpy(h->ccol, ld->ccol, sizeof(ld->ccol));
	memcpy(h->outcome, ld->outcome, sizeof(ld->outcome));
	return h;
}

static void
loader_drop(void *arg)
{
	struct rload	*h = arg;

	reg_free(h->reg);
	loader_free(h);
}

/*
 * Appends the second half's trajectories to the first's, as reading
 * on would have added them: its regions take the next numbers in the
 * order they first appear, and its codes follow in the pool.
 */
static void
loader_merge(void *arg, void *harg)
{
	struct rload	*ld = arg, *h = harg;
	struct reg	*reg = ld->reg, *hr = h->reg;
	int32_t		*map;
	size_t		 i, m;

	map = xcalloc(hr->nregio ? hr->nregio : 1, sizeof(*map));
	for (i = 0; i < hr->nregio; i++)
		map[i] = region(ld, hr->regio[i], strlen(hr->regio[i]));
	if (reg->n + hr->n > ld->capt) {
		ld->capt = reg->n + hr->n;
		reg->t = xreallocarray(reg->t, ld->capt, sizeof(*reg->t));
	}
	for (i = 0; i < hr->n; i++) {
		struct traj *t = &reg->t[reg->n + i];

		*t = hr->t[i];
		t->regio = map[t->regio];
		for (m = 0; m < RM_NMULTI; m++)
			t->moff[m] += (uint32_t)reg->npool;
	}
	reg->n += hr->n;
	if (reg->npool + hr->npool > ld->cappool) {
		ld->cappool = reg->npool + hr->npool;
		reg->pool = xreallocarray(reg->pool, ld->cappool,
		    sizeof(*reg->pool));
	}
	if (hr->npool > 0)
		memcpy(reg->pool + reg->npool, hr->pool,
		    hr->npool * sizeof(*reg->pool));
	reg->npool += hr->npool;
	if (ld->nidh + h->nidh > ld->capidh) {
		ld->capidh = ld->nidh + h->nidh;
		ld->idh = xreallocarray(ld->idh, ld->capidh, sizeof(*ld->idh));
	}
	if (h->nidh > 0)
		memcpy(ld->idh + ld->nidh, h->idh, h->nidh * sizeof(*ld->idh));
	ld->nidh += h->nidh;
	reg->halves = 1;
	free(map);
}

static void
loader_ids(void *arg, uint64_t **h, size_t *n)
{
	struct rload	*ld = arg;

	*h = ld->idh;
	*n = ld->nidh;
}

static const struct bigreg_ops reg_ops = {
	loader_open, on_rec, loader_reserve, loader_fork, loader_merge,
	loader_drop, loader_ids, loader_close
};

/*
 * Loads from path, or from data if path is NULL.  A register file may
 * be very large: bigreg.c reads it, with this file's loader.  Bytes in
 * memory are read the careful way, ids checked in a table.
 */
static struct reg *
load(const char *root, const char *path, const char *data, size_t len,
    const char *shown, struct codebook *cb, struct diag *diag)
{
	struct lctx	 c = { shown, cb };
	struct rload	*ld;

	if (path != NULL)
		return bigreg_load(root, path, shown, diag, &reg_ops, &c);
	ld = loader_open(&c, diag, 1);
	return loader_close(ld, csvr_read_mem(data, len, shown, diag, on_rec,
	    ld), 0);
}

struct reg *
reg_load_mem(const char *data, size_t len, const char *shown,
    struct codebook *cb, struct diag *diag)
{
	return load(NULL, NULL, data, len, shown, cb, diag);
}

struct reg *
reg_load(const char *root, const char *path, const char *shown,
    struct codebook *cb, struct diag *diag)
{
	return load(root, path, NULL, 0, shown, cb, diag);
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
