/*
 * content.c: loading the content folder and its editions.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "codes.h"
#include "content.h"
#include "csvread.h"
#include "diag.h"
#include "doc.h"
#include "edition.h"
#include "publish.h"
#include "register.h"
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

	for (i = 0; i < c->nregs; i++)
		if (strcmp(c->regpaths[i], path) == 0)
			return c->regs[i];
	r = reg_load(path, path, &c->cb, diag);
	c->regs = xreallocarray(c->regs, c->nregs + 1, sizeof(*c->regs));
	c->regpaths = xreallocarray(c->regpaths, c->nregs + 1,
	    sizeof(*c->regpaths));
	c->regs[c->nregs] = r;
	c->regpaths[c->nregs++] = xstrdup(path);
	return r;
}

/* Marks the codebook columns a data file's header names as used. */
static int
mark_header(void *arg, const struct csvr_rec *r)
{
	struct codebook	*cb = arg;
	struct cbcol	*col;
	char		*low;
	size_t		 i;

	for (i = 0; i < r->nf; i++) {
		low = csvr_lower(xstrdup(r->f[i]));
		if ((col = codebook_col(cb, low)) != NULL)
			col->used = 1;
		free(low);
	}
	return 1;	/* the header is all it needs */
}

/*
 * A published edition is served from its frozen files and its data is
 * not loaded; its data files' headers still count for the codebook's
 * check that every column is used somewhere.  Problems in those files
 * are not reported: the edition no longer depends on them.
 */
static void
frozen_mark_used(struct content *c, const struct edition *e)
{
	const struct meta *m = &e->meta;
	struct diag	 quiet;
	char		*path;
	size_t		 i;

	diag_init(&quiet, NULL);
	path = m->data.s != NULL ? content_path(c, e, m->data.s) :
	    util_path_join(e->dir, "trajecten.csv");
	if (path != NULL && util_is_file(path))
		(void)csvr_read(path, path, &quiet, mark_header, &c->cb);
	free(path);
	for (i = 0; i < m->ntables; i++) {
		path = m->tables[i].path.s != NULL ?
		    content_path(c, e, m->tables[i].path.s) : NULL;
		if (path != NULL && util_is_file(path))
			(void)csvr_read(path, path, &quiet, mark_header,
			    &c->cb);
		free(path);
	}
}

/* Nonzero if gen serve vouches for the frozen folder (see content.h). */
static int
trusted(const struct content *c, const char *frozen)
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
	const char	**cands, *near;
	char		*path;
	size_t		 i, j;
	int		 nerr = diag->nerr, idx, data_failed = 0;

	memset(&f, 0, sizeof(f));
	path = util_path_join(e->dir, PUBLISH_DIR);
	if (m->published) {
		/* Frozen: verified and served as published, never rebuilt. */
		e->frozen = path;
		if (trusted(c, e->frozen) ||
		    publish_verify(e->frozen, diag) == 0)
			publish_read_keyfigs(e, diag);
		frozen_mark_used(c, e);
		return diag->nerr > nerr ? -1 : 0;
	}
	if (util_is_dir(path))
		diag_error(diag, e->index_path, 1, 1, "the edition has frozen "
		    "files in %s but its status is draft; set 'status: "
		    "published' or remove that folder", path);
	free(path);
	path = NULL;
	if (m->data.s != NULL) {
		if ((path = content_path(c, e, m->data.s)) == NULL) {
			diag_error(diag, e->index_path, m->data.line,
			    m->data.col, "data path '%s' must stay inside the "
			    "content folder", m->data.s);
			data_failed = 1;
		} else if (!util_is_file(path)) {
			diag_error(diag, e->index_path, m->data.line,
			    m->data.col, "data file '%s' not found", m->data.s);
			free(path);
			path = NULL;
			data_failed = 1;
		}
	} else {
		path = util_path_join(e->dir, "trajecten.csv");
		if (!util_is_file(path)) {
			free(path);
			path = NULL;
		}
	}
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

		path = content_path(c, e, m->tables[i].path.s);
		if (path == NULL || !util_is_file(path)) {
			diag_error(diag, e->index_path, m->tables[i].path.line,
			    m->tables[i].path.col, path == NULL ?
			    "table path '%s' must stay inside the content "
			    "folder" : "table file '%s' not found",
			    m->tables[i].path.s ? m->tables[i].path.s : "");
			free(path);
			data_failed = 1;
			continue;
		}
		t = tab_load(m->tables[i].name, path, path, &c->cb, diag);
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
		if (path == NULL || !util_is_file(path))
			diag_error(diag, e->index_path, m->brand_logo.line,
			    m->brand_logo.col, path == NULL ? "logo path '%s' "
			    "must stay inside the content folder" :
			    "logo '%s' not found", m->brand_logo.s);
		else if (strlen(path) < 5 ||
		    (strcmp(path + strlen(path) - 4, ".svg") != 0 &&
		    strcmp(path + strlen(path) - 4, ".png") != 0))
			diag_error(diag, e->index_path, m->brand_logo.line,
			    m->brand_logo.col, "logo must be an .svg or .png "
			    "file");
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
			cands = xcalloc(soort && soort->n ? soort->n : 1,
			    sizeof(*cands));
			for (j = 0; soort != NULL && j < soort->n; j++)
				cands[j] = soort->codes[j].code;
			near = diag_nearest(low, cands, soort ? soort->n : 0);
			diag_error(diag, e->index_path, m->soort[i].line,
			    m->soort[i].col, "unknown soort '%s' in filter%s%s%s",
			    low, near ? "; did you mean '" : "",
			    near ? near : "", near ? "'?" : "");
			free(cands);
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
				near = diag_nearest(m->regio[i].s,
				    (const char *const *)e->reg->regio,
				    e->reg->nregio);
				diag_error(diag, e->index_path,
				    m->regio[i].line, m->regio[i].col,
				    "no trajectory in region '%s'%s%s%s",
				    m->regio[i].s,
				    near ? "; did you mean '" : "",
				    near ? near : "", near ? "'?" : "");
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
	for (i = 0; e->reg != NULL && i < EDITION_NKEYFIG; i++) {
		const struct metric *km = stats_get(e->stats,
		    edition_keyfig_names[i]);

		if (km == NULL)
			continue;
		e->kf[i].name = xstrdup(km->name);
		e->kf[i].v = km->v;
		e->kf[i].defined = km->defined;
		e->kf[i].hidden = km->hide != MH_NONE;
		e->kf[i].shown = xstrdup(km->shown);
	}
	if (doc_build(&e->doc, e, diag) != 0)
		return -1;
	return diag->nerr > nerr ? -1 : 0;
}

static int
has_index(const char *dir)
{
	char	*p = util_path_join(dir, "index.md");
	int	 r = util_is_file(p);

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
 * The archive's charts: one bar per edition that covers every region
 * (regional editions are not comparable), oldest first.
 */
static void
trend(struct content *c)
{
	static const struct {
		int		 kf;		/* key figure index */
		const char	*title, *axis;
		int		 pct;
	} t[2] = {
		{ 0, "Aantal trajecten per editie", "aantal trajecten", 0 },
		{ 1, "Geslaagde bemiddelingen per editie (van de afgeronde "
		    "trajecten)", "%", 1 },
	};
	struct buf	 desc = { NULL, 0, 0 };
	struct chart	*ch;
	size_t		*ix, n = 0, i, j, k;
	const struct edition *e;

	ix = xcalloc(c->ned ? c->ned : 1, sizeof(*ix));
	for (i = c->ned; i-- > 0;)
		if (c->ed[i]->meta.nregio == 0 && c->ed[i]->kf[0].defined)
			ix[n++] = i;
	if (n < 2) {
		free(ix);
		return;
	}
	for (k = 0; k < 2; k++) {
		ch = &c->trend[c->ntrend];
		memset(ch, 0, sizeof(*ch));
		ch->type = CHART_BAR;
		ch->number = (int)c->ntrend + 1;
		ch->title = xstrdup(t[k].title);
		ch->axis = xstrdup(t[k].axis);
		ch->pct = t[k].pct;
		ch->nser = 1;
		ch->ser = xcalloc(1, sizeof(*ch->ser));
		ch->ser[0].label = xstrdup(t[k].pct ? "Geslaagd" :
		    "Trajecten");
		snprintf(ch->ser[0].color, 8, "%s", chart_palette(0));
		ch->cat = xcalloc(n, sizeof(*ch->cat));
		ch->cell = xcalloc(n, sizeof(*ch->cell));
		for (j = 0; j < n; j++) {
			const struct keyfig *f;

			e = c->ed[ix[j]];
			f = &e->kf[t[k].kf];
			ch->cat[ch->ncat].label = xasprintf("%d %s",
			    e->meta.edition, e->meta.title.s);
			snprintf(ch->cat[ch->ncat].color, 8, "%s",
			    chart_palette(0));
			ch->cell[ch->ncat].value = f->defined && !f->hidden ?
			    f->v : 0;
			ch->cell[ch->ncat].hidden = f->hidden;
			ch->cell[ch->ncat].shown = xstrdup(f->shown ? f->shown :
			    "\xe2\x80\x93");
			buf_printf(&desc, "%s%s: %s", j ? "; " : "",
			    ch->cat[ch->ncat].label, ch->cell[ch->ncat].shown);
			ch->ncat++;
		}
		buf_putc(&desc, '.');
		ch->desc = buf_detach(&desc);
		c->ntrend++;
	}
	free(ix);
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
	char		**names, *sub, *cbpath, *root;
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
	cbpath = util_path_join(c->root, "codes.csv");
	codebook_load(&c->cb, cbpath, cbpath, diag);
	free(cbpath);
	for (i = 0; i < nargs; i++) {
		if (has_index(args[i])) {
			add_edition(c, args[i], diag);
			continue;
		}
		c->whole = 1;
		if ((n = util_list_dir(args[i], &names)) < 0)
			continue;
		for (j = 0; j < n; j++) {
			sub = util_path_join(args[i], names[j]);
			if (names[j][0] != '.' && util_is_dir(sub) &&
			    has_index(sub))
				add_edition(c, sub, diag);
			free(sub);
		}
		util_free_list(names, n);
	}
	if (c->ned == 0 && diag->nerr == nerr)
		diag_error(diag, c->root, 0, 0, "no edition found (a folder "
		    "with an index.md)");
	for (k = 0; k < c->ned; k++)
		load_edition(c, c->ed[k], diag);
	if (c->whole && diag->nerr == nerr)
		codebook_check_used(&c->cb, diag);
	if (c->ned > 1)
		qsort(c->ed, c->ned, sizeof(*c->ed), cmp_newest);
	if (diag->nerr == nerr)
		trend(c);
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
	for (i = 0; i < c->ntrend; i++)
		chart_free(&c->trend[i]);
	free(c->root);
	memset(c, 0, sizeof(*c));
}
