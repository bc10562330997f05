/*
 * content.c: loading the content folder and its editions.
 */
#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cfile.h"
#include "codes.h"
#include "content.h"
#include "csvread.h"
#include "diag.h"
#include "doc.h"
#include "edition.h"
#include "logo.h"
#include "publish.h"
#include "register.h"
#include "series.h"
#include "stats.h"
#include "tables.h"
#include "util.h"

char *
content_path(const struct content *c, const struct edition *e,
    const char *rel)
{
	char	*joined, *norm, *full;

	if (rel == NULL || rel[0] == '\0' || rel[0] == '/')
		return NULL;
	joined = xasprintf("%s/%s", e->slug, rel);
	norm = util_path_normalize(joined);
	free(joined);
	if (norm == NULL)
		return NULL;
	full = util_path_join(c->root, norm);
	free(norm);
	return full;
}

static struct reg *
register_for(struct content *c, const char *path, struct diag *diag)
{
	size_t		 i;
	struct reg	*r;
	char		*shown;

	for (i = 0; i < c->nregs; i++)
		if (strcmp(c->regpaths[i], path) == 0)
			return c->regs[i];
	shown = csvr_shown(c->root, path);
	r = reg_load(c->root, path, shown, &c->cb, diag);
	free(shown);
	c->regs = xreallocarray(c->regs, c->nregs + 1, sizeof(*c->regs));
	c->regpaths = xreallocarray(c->regpaths, c->nregs + 1,
	    sizeof(*c->regpaths));
	c->regs[c->nregs] = r;
	c->regpaths[c->nregs++] = xstrdup(path);
	return r;
}

/* The archive's key figures, from the edition's metrics. */
static void
keyfigs(struct edition *e)
{
	const struct metric *km;
	size_t		 i;

	for (i = 0; e->reg != NULL && i < EDITION_NKEYFIG; i++) {
		if ((km = stats_get(e->stats, edition_keyfigs[i].name)) == NULL)
			continue;
		e->kf[i].name = xstrdup(km->name);
		e->kf[i].v = km->v;
		e->kf[i].defined = km->defined;
		e->kf[i].hidden = km->hide != MH_NONE;
		e->kf[i].shown = xstrdup(km->shown);
	}
}

/*
 * Whether something is at path in the content folder; what it is, if
 * not a regular file inside the folder, is reported when it is opened.
 */
static int
present(const struct content *c, const char *path)
{
	struct diag	 quiet;

	diag_init(&quiet, NULL);
	return cfile_kind(c->root, path, &quiet) != CFILE_NONE;
}

/*
 * The register beside an edition's index.md when the front matter
 * names none: trajecten.csv, else trajecten.xlsx; NULL if neither.
 */
static char *
default_register(const struct content *c, const struct edition *e)
{
	char	*path = util_path_join(e->dir, "trajecten.csv");

	if (present(c, path))
		return path;
	free(path);
	path = util_path_join(e->dir, "trajecten.xlsx");
	if (present(c, path))
		return path;
	free(path);
	return NULL;
}

/* Nonzero if gen serve vouches for the frozen folder (see content.h). */
int
content_trusted(const struct content *c, const char *frozen)
{
	size_t	 i;

	for (i = 0; i < c->ntrusted; i++)
		if (strcmp(c->trusted[i], frozen) == 0)
			return 1;
	return 0;
}

/* Loads data, computes metrics and prepares the document. */
static int
load_edition(struct content *c, struct edition *e, struct diag *diag)
{
	struct meta	*m = &e->meta;
	struct regfilter f;
	struct cbcol	*soort;
	char		*hint;
	char		*path;
	size_t		 i, j;
	int		 nerr = diag->nerr, idx, data_failed = 0;

	memset(&f, 0, sizeof(f));
	path = util_path_join(e->dir, PUBLISH_DIR);
	if (m->published)
		/*
		 * Frozen: its data is still read, so that its figures can
		 * be checked against the frozen ones, but its document is
		 * served as published, never rebuilt.
		 */
		e->frozen = path;
	else {
		if (present(c, path))
			diag_error(diag, e->index_path, 1, 1, "the edition has "
			    "frozen files in %s but its status is draft; set "
			    "'status: published' or remove that folder", path);
		free(path);
	}
	path = NULL;
	if (m->data.s != NULL) {
		if ((path = content_path(c, e, m->data.s)) == NULL) {
			diag_error(diag, e->index_path, m->data.line,
			    m->data.col, "data path '%s' must stay inside the "
			    "content folder", m->data.s);
			data_failed = 1;
		} else if (!csvr_present(c->root, path)) {
			diag_error(diag, e->index_path, m->data.line,
			    m->data.col, "data file '%s' not found", m->data.s);
			free(path);
			path = NULL;
			data_failed = 1;
		}
	} else
		path = default_register(c, e);
	if (path != NULL) {
		char *norm = util_path_normalize(path);

		e->reg = register_for(c, norm ? norm : path, diag);
		free(norm);
		free(path);
		if (e->reg == NULL)
			data_failed = 1;
	}
	for (i = 0; i < m->ntables; i++) {
		struct tabdata *t;
		char *shown;

		path = content_path(c, e, m->tables[i].path.s);
		if (path == NULL || !csvr_present(c->root, path)) {
			diag_error(diag, e->index_path, m->tables[i].path.line,
			    m->tables[i].path.col, path == NULL ?
			    "table path '%s' must stay inside the content "
			    "folder" : "table file '%s' not found",
			    m->tables[i].path.s ? m->tables[i].path.s : "");
			free(path);
			data_failed = 1;
			continue;
		}
		shown = csvr_shown(c->root, path);
		t = tab_load(m->tables[i].name, c->root, path, shown, &c->cb,
		    diag);
		free(shown);
		free(path);
		if (t == NULL) {
			data_failed = 1;
			continue;
		}
		e->tabs = xreallocarray(e->tabs, e->ntabs + 1,
		    sizeof(*e->tabs));
		e->tabs[e->ntabs++] = t;
	}
	if (m->brand_logo.s != NULL) {
		path = content_path(c, e, m->brand_logo.s);
		if (path == NULL || !present(c, path))
			diag_error(diag, e->index_path, m->brand_logo.line,
			    m->brand_logo.col, path == NULL ? "logo path '%s' "
			    "must stay inside the content folder" :
			    "logo '%s' not found", m->brand_logo.s);
		else
			e->logo = logo_load(c->root, path, e->index_path,
			    m->brand_logo.line, m->brand_logo.col, diag);
		free(path);
	}

	/* The filter. */
	soort = codebook_col(&c->cb, "soort");
	f.nregio = m->nregio;
	f.regio = xcalloc(m->nregio ? m->nregio : 1, sizeof(char *));
	for (i = 0; i < m->nregio; i++)
		f.regio[i] = m->regio[i].s;
	f.soort = xcalloc(m->nsoort ? m->nsoort : 1, sizeof(*f.soort));
	for (i = 0; i < m->nsoort; i++) {
		char *low = xstrdup(m->soort[i].s);

		for (j = 0; low[j]; j++)
			if (low[j] >= 'A' && low[j] <= 'Z')
				low[j] = (char)(low[j] - 'A' + 'a');
		if ((idx = codebook_find(soort, low)) < 0) {
			hint = codebook_hint(soort, low);
			diag_error(diag, e->index_path, m->soort[i].line,
			    m->soort[i].col, "unknown soort '%s' in filter%s",
			    low, hint);
			free(hint);
		} else
			f.soort[f.nsoort++] = (int16_t)idx;
		free(low);
	}
	f.periode = m->periode;
	f.from = m->from;
	f.to = m->to;
	e->k = m->min_cell > 0 ? m->min_cell : m->nregio > 0 ? 5 : 1;
	if (e->reg != NULL) {
		e->nsel = reg_select(e->reg, &f, &e->sel);
		for (i = 0; i < m->nregio; i++) {
			for (j = 0; j < e->reg->nregio; j++)
				if (strcasecmp(e->reg->regio[j],
				    m->regio[i].s) == 0)
					break;
			if (j == e->reg->nregio) {
				hint = diag_hint(m->regio[i].s,
				    (const char *const *)e->reg->regio,
				    e->reg->nregio, NULL);
				diag_error(diag, e->index_path,
				    m->regio[i].line, m->regio[i].col,
				    "no trajectory in region '%s'%s",
				    m->regio[i].s, hint);
				free(hint);
			}
		}
		if (diag->nerr == nerr && e->nsel < (size_t)e->k)
			diag_error(diag, e->index_path, 1, 1, "the edition "
			    "has %zu trajector%s after its filter, fewer than "
			    "min_cell %d: it is refused, so that no one can be "
			    "recognised", e->nsel, e->nsel == 1 ? "y" : "ies",
			    e->k);
	} else if (!data_failed && (m->nregio || m->nsoort || m->periode))
		diag_error(diag, e->index_path, 1, 1, "filter given but the "
		    "edition has no trajectory data (data:)");
	free(f.regio);
	free(f.soort);
	/*
	 * The document's values and blocks can be checked only against
	 * the metrics of complete data and a sound front matter; other
	 * errors (filter, logo, min_cell) do not keep it from being
	 * checked in the same run.
	 */
	if (data_failed || e->fm_errors > 0)
		return -1;
	e->stats = stats_new(&c->cb, e->reg, e->sel, e->nsel, e->tabs,
	    e->ntabs, e->k);
	if (e->frozen != NULL) {
		publish_load(c, e, diag);
		keyfigs(e);
		return diag->nerr > nerr ? -1 : 0;
	}
	keyfigs(e);
	return diag->nerr > nerr ? -1 : 0;
}

/* Whether a folder named on the command line holds an index.md. */
static int
has_index(const char *dir)
{
	struct stat	 st;
	char		*p = util_path_join(dir, "index.md");
	int		 r = lstat(p, &st) == 0;

	free(p);
	return r;
}

static void
add_edition(struct content *c, const char *dir, struct diag *diag)
{
	struct edition	*e;
	size_t		 i;

	if ((e = edition_open(dir, c->root, diag)) == NULL)
		return;
	for (i = 0; i < c->ned; i++)
		if (strcmp(c->ed[i]->slug, e->slug) == 0) {
			edition_free(e);
			return;
		}
	c->ed = xreallocarray(c->ed, c->ned + 1, sizeof(*c->ed));
	c->ed[c->ned++] = e;
}

/*
 * Adds the folder name of the content folder dir as an edition if it
 * is one (holds an index.md).  Anything there that gen may not read
 * is reported, but codes.csv, which the codebook reports.
 */
static void
list_entry(struct content *c, const char *dir, const char *name,
    struct diag *diag)
{
	struct diag	 quiet;
	char		*sub, *idx;
	enum cfile_kind	 k;

	if (name[0] == '.')
		return;
	diag_init(&quiet, NULL);
	sub = util_path_join(dir, name);
	k = cfile_kind(c->root, sub, strcmp(name, "codes.csv") == 0 ?
	    &quiet : diag);
	if (k == CFILE_DIR) {
		idx = util_path_join(sub, "index.md");
		if (cfile_kind(c->root, idx, &quiet) != CFILE_NONE)
			add_edition(c, sub, diag);
		free(idx);
	}
	free(sub);
}

static int
cmp_newest(const void *a, const void *b)
{
	const struct edition *x = *(struct edition *const *)a;
	const struct edition *y = *(struct edition *const *)b;

	if (x->meta.date != y->meta.date)
		return x->meta.date > y->meta.date ? -1 : 1;
	return strcmp(x->slug, y->slug);
}

/*
 * When editions are named on the command line, the previous edition of
 * each one's series may be a folder that was not named: open the other
 * editions' front matter, and load a previous edition found among them
 * (quietly: its problems are not this build's; a value that needs it
 * then says that it has errors).
 */
static void
load_aux(struct content *c)
{
	struct edition	**all, *e;
	struct diag	 quiet;
	char		**names, *sub, *idx;
	size_t		 i, k, nall;
	int		 n, j;

	diag_init(&quiet, NULL);
	if ((n = cfile_list(c->root, c->root, &names, &quiet)) < 0)
		return;
	for (j = 0; j < n; j++) {
		sub = util_path_join(c->root, names[j]);
		idx = util_path_join(sub, "index.md");
		e = NULL;
		if (names[j][0] != '.' &&
		    cfile_kind(c->root, sub, &quiet) == CFILE_DIR &&
		    cfile_kind(c->root, idx, &quiet) == CFILE_FILE)
			e = edition_open(sub, c->root, &quiet);
		free(idx);
		free(sub);
		if (e == NULL)
			continue;
		for (k = 0; k < c->ned; k++)
			if (strcmp(c->ed[k]->slug, e->slug) == 0)
				break;
		if (k < c->ned || e->fm_errors > 0) {
			edition_free(e);
			continue;
		}
		series_name(e, &c->cb);
		c->aux = xreallocarray(c->aux, c->naux + 1, sizeof(*c->aux));
		c->aux[c->naux++] = e;
	}
	util_free_list(names, n);
	nall = c->ned + c->naux;
	all = xcalloc(nall, sizeof(*all));
	memcpy(all, c->ed, c->ned * sizeof(*all));
	if (c->naux > 0)
		memcpy(all + c->ned, c->aux, c->naux * sizeof(*all));
	for (i = 0; i < c->ned; i++)
		series_link(c->ed[i], all, nall);
	free(all);
	for (k = 0; k < c->naux; k++) {
		for (i = 0; i < c->ned; i++)
			if (c->ed[i]->prev == c->aux[k])
				break;
		if (i < c->ned && load_edition(c, c->aux[k], &quiet) != 0) {
			/* No figures to quote: "has errors". */
			stats_free(c->aux[k]->stats);
			c->aux[k]->stats = NULL;
		}
	}
}

int
content_load(struct content *c, char *const *args, int nargs,
    struct diag *diag)
{
	return content_load_trusting(c, args, nargs, NULL, 0, diag);
}

int
content_load_trusting(struct content *c, char *const *args, int nargs,
    char *const *trusted, size_t ntrusted, struct diag *diag)
{
	struct edition	**order;
	char		**names, *cbpath, *cbshown, *root;
	int		 i, n, j, nerr = diag->nerr;
	size_t		 k;

	memset(c, 0, sizeof(*c));
	c->trusted = trusted;
	c->ntrusted = ntrusted;
	if (nargs == 0) {
		static char *const def[] = { (char *)"content" };

		args = def;
		nargs = 1;
	}
	/* The content root: the folder itself, or the editions' parent. */
	for (i = 0; i < nargs; i++) {
		if (!util_is_dir(args[i])) {
			diag_error(diag, args[i], 0, 0, "no such folder");
			return -1;
		}
		root = has_index(args[i]) ? util_dirname(args[i]) :
		    xstrdup(args[i]);
		if (c->root == NULL)
			c->root = root;
		else {
			if (strcmp(c->root, root) != 0)
				diag_error(diag, args[i], 0, 0, "editions "
				    "must share one content folder (%s)",
				    c->root);
			free(root);
		}
	}
	if (diag->nerr > nerr)
		return -1;
	/* The codebook: codes.csv, or else a workbook codes.xlsx. */
	cbpath = util_path_join(c->root, "codes.csv");
	if (!present(c, cbpath)) {
		char *wb = util_path_join(c->root, "codes.xlsx");

		if (present(c, wb)) {
			free(cbpath);
			cbpath = wb;
		} else
			free(wb);
	}
	cbshown = csvr_shown(c->root, cbpath);
	codebook_load(&c->cb, c->root, cbpath, cbshown, diag);
	free(cbshown);
	free(cbpath);
	for (i = 0; i < nargs; i++) {
		if (has_index(args[i])) {
			add_edition(c, args[i], diag);
			continue;
		}
		c->whole = 1;
		if ((n = cfile_list(c->root, args[i], &names, diag)) < 0)
			continue;
		for (j = 0; j < n; j++)
			list_entry(c, args[i], names[j], diag);
		util_free_list(names, n);
	}
	if (c->ned == 0 && diag->nerr == nerr)
		diag_error(diag, c->root, 0, 0, "no edition found (a folder "
		    "with an index.md)");
	for (k = 0; k < c->ned; k++) {
		load_edition(c, c->ed[k], diag);
		series_name(c->ed[k], &c->cb);
	}
	/* Series need every edition's figures before any text uses them. */
	order = xcalloc(c->ned ? c->ned : 1, sizeof(*order));
	if (c->ned > 0)
		memcpy(order, c->ed, c->ned * sizeof(*order));
	if (c->ned > 1)
		qsort(c->ed, c->ned, sizeof(*c->ed), cmp_newest);
	c->series = series_group(c->ed, c->ned, &c->nseries);
	if (!c->whole)
		load_aux(c);
	for (k = 0; k < c->ned; k++)
		if (order[k]->stats != NULL && order[k]->frozen == NULL)
			doc_build(order[k], diag);
	free(order);
	if (c->whole && diag->nerr == nerr)
		codebook_check_used(&c->cb, diag);
	return diag->nerr > nerr ? -1 : 0;
}

void
content_free(struct content *c)
{
	size_t	 i;

	for (i = 0; i < c->ned; i++)
		edition_free(c->ed[i]);
	free(c->ed);
	for (i = 0; i < c->nregs; i++) {
		reg_free(c->regs[i]);
		free(c->regpaths[i]);
	}
	free(c->regs);
	free(c->regpaths);
	codebook_free(&c->cb);
	series_free(c->series, c->nseries);
	for (i = 0; i < c->naux; i++)
		edition_free(c->aux[i]);
	free(c->aux);
	free(c->root);
	memset(c, 0, sizeof(*c));
}
