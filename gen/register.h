/*
 * register.h: the trajectory register (trajecten.csv, spec 2.1)
 * loaded and validated against the codebook, and the selection of an
 * edition's trajectories by its filter.  Included by content.c,
 * stats.c, chartdata.c, codes.c, publish.c and the tests.
 */
#ifndef GEN_REGISTER_H
#define GEN_REGISTER_H

#include <stddef.h>
#include <stdint.h>

struct codebook;
struct diag;

#define REG_NODATE	INT32_MIN	/* eind of a running trajectory */

/* Single-valued code columns, in this order in struct traj.code[]. */
enum regcode {
	RC_SOORT,
	RC_PARTIJEN,
	RC_SIGNAAL,
	RC_HOOFDTHEMA,
	RC_UITKOMST,
	RC_ESCALATIE,
	RC_NSINGLE
};

/* Multi-valued code columns. */
enum regmulti {
	RM_THEMAS,
	RM_AANLEIDING,
	RM_NMULTI
};

/* The five fixed outcomes (spec 2.1). */
enum outcome {
	OUT_GESLAAGD,
	OUT_DEELS,
	OUT_NIET_GESLAAGD,
	OUT_GEWEIGERD,
	OUT_LOPEND
};

struct traj {
	int32_t	 start;		/* days since 1970-01-01 */
	int32_t	 eind;		/* days, or REG_NODATE while running */
	int32_t	 gesprekken;	/* conversations held */
	int32_t	 regio;		/* index into register.regio */
	uint32_t moff[RM_NMULTI]; /* offsets of multi-valued codes in pool */
	uint16_t mn[RM_NMULTI];	/* how many codes each */
	int16_t	 code[RC_NSINGLE]; /* code index in its column, -1 for none */
	uint8_t	 outcome;	/* enum outcome */
};

struct reg {
	char		*path;		/* file as shown in diagnostics */
	struct traj	*t;		/* trajectories in file order */
	size_t		 n;
	char		**regio;	/* distinct region names, first spelling */
	size_t		 nregio;
	uint16_t	*pool;		/* code indices of multi-valued fields */
	size_t		 npool;
	const struct codebook *cb;	/* the codebook it was checked against */
	int		 halves;	/* read in two halves at once (bigreg.c; tests) */
};

/* Every column the register knows, in the order of reg_cols[]. */
enum regcol {
	RCOL_ID, RCOL_SOORT, RCOL_REGIO, RCOL_PARTIJEN, RCOL_SIGNAAL,
	RCOL_THEMAS, RCOL_HOOFDTHEMA, RCOL_AANLEIDING, RCOL_START, RCOL_EIND,
	RCOL_GESPREKKEN, RCOL_UITKOMST, RCOL_ESCALATIE, RCOL_N
};

/* What a column holds. */
enum regtype {
	RT_ID,		/* a unique id */
	RT_REGION,	/* a region's name, any spelling */
	RT_CODE,	/* one code of the codebook */
	RT_CODES,	/* codes of the codebook, ';' between */
	RT_DATE,	/* a date */
	RT_COUNT	/* a whole number of 0 or more */
};

/*
 * A column of the register (spec 2.1): the one table that says what
 * each is, used wherever columns are listed.
 */
struct regcoldef {
	const char	*name;		/* in the CSV header and metric names */
	enum regcol	 col;		/* its index in reg_cols[] */
	int		 required;	/* the header must have it */
	enum regtype	 type;
	int		 slot;		/* RT_CODE: enum regcode; RT_CODES:
					   RC_NSINGLE + enum regmulti; or -1 */
	const char	*codes;		/* codebook column of its codes */
	const char	*def;		/* code of an empty field, or NULL */
	const char	*label;		/* title in charts and tables, or NULL */
};

extern const struct regcoldef reg_cols[RCOL_N];
/* The column named name (lower-case), or NULL. */
const struct regcoldef *reg_col_named(const char *name);
/* The column of a coded field: slot as in struct regcoldef. */
const struct regcoldef *reg_slot_col(size_t slot);

/* The codes of the five outcomes, in the order of enum outcome. */
extern const char *const reg_outcome_codes[5];

/*
 * Loads and validates a register, path in the content folder root;
 * every problem goes to diag.  Marks the codebook columns it uses.
 * Returns NULL if the file could not be read or had errors.  Free with
 * reg_free().
 */
struct reg	*reg_load(const char *root, const char *path,
		    const char *shown, struct codebook *, struct diag *);
struct reg	*reg_load_mem(const char *data, size_t len, const char *shown,
		    struct codebook *, struct diag *);
void		 reg_free(struct reg *);

/* An edition's filter (spec 1, front matter "filter"). */
struct regfilter {
	char	**regio;	/* region names (any case), or none */
	size_t	  nregio;
	int16_t	 *soort;	/* soort code indices, or none */
	size_t	  nsoort;
	int	  periode;	/* nonzero: start within [from, to] */
	int32_t	  from, to;	/* days, inclusive */
};

/*
 * Indices of the trajectories passing the filter, in file order; the
 * caller frees *out.  Returns their number.
 */
size_t		 reg_select(const struct reg *, const struct regfilter *,
		    size_t **out);

#endif
