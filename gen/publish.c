/*
 * publish.c: manifests, verification and copies of frozen editions.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "content.h"
#include "cfile.h"
#include "diag.h"
#include "edition.h"
#include "fmt.h"
#include "publish.h"
#include "register.h"
#include "stats.h"
#include "tables.h"
#include "util.h"

static void
sha256_mem(const char *data, size_t len, char hex[65])
{
	struct sha256_ctx	 ctx;
	uint8_t			 d[SHA256_DIGEST_SIZE];
	size_t			 i;

	sha256_init(&ctx);
	sha256_update(&ctx, len, (const uint8_t *)data);
	sha256_digest(&ctx, sizeof(d), d);
	for (i = 0; i < sizeof(d); i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
}

static int
sha256_file(const char *root, const char *path, char hex[65],
    struct diag *diag)
{
	char	*data;
	size_t	 len;

	if ((data = cfile_read(root, path, path, &len, diag)) == NULL)
		return -1;
	sha256_mem(data, len, hex);
	free(data);
	return 0;
}

/* root: the content folder; top: the folder the manifest is of. */
static int
walk(const char *root, const char *top, const char *rel, struct buf *out,
    struct diag *diag)
{
	char	**names, *dir, *sub, *path, hex[65];
	int	 n, i, rc = 0;

	dir = rel[0] ? util_path_join(top, rel) : xstrdup(top);
	if ((n = cfile_list(root, dir, &names, diag)) < 0) {
		free(dir);
		return -1;
	}
	for (i = 0; i < n && rc == 0; i++) {
		if (rel[0] == '\0' && strcmp(names[i], "SHA256SUMS") == 0)
			continue;
		sub = rel[0] ? util_path_join(rel, names[i]) :
		    xstrdup(names[i]);
		path = util_path_join(top, sub);
		switch (cfile_kind(root, path, diag)) {
		case CFILE_DIR:
			rc = walk(root, top, sub, out, diag);
			break;
		case CFILE_FILE:
			if ((rc = sha256_file(root, path, hex, diag)) == 0)
				buf_printf(out, "%s  %s\n", hex, sub);
			break;
		default:
			rc = -1;	/* reported */
			break;
		}
		free(path);
		free(sub);
	}
	util_free_list(names, n);
	free(dir);
	return rc;
}

int
publish_manifest(const char *root, const char *dir, struct buf *out,
    struct diag *diag)
{
	return walk(root, dir, "", out, diag);
}

/* One manifest line: a sum and a path, both borrowed from the text. */
struct entry {
	const char	*sum;	/* 64 hex digits */
	const char	*path;	/* NUL-terminated */
};

/* Splits manifest text in place; returns entries or -1 if malformed. */
static int
entries(char *text, struct entry **out)
{
	struct entry	*v = NULL;
	char		*line, *next;
	int		 n = 0;

	for (line = text; *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) == NULL) {
			free(v);
			return -1;
		}
		*next++ = '\0';
		if (strlen(line) < 67 || line[64] != ' ' || line[65] != ' ') {
			free(v);
			return -1;
		}
		line[64] = '\0';
		v = xreallocarray(v, (size_t)n + 1, sizeof(*v));
		v[n].sum = line;
		v[n++].path = line + 66;
	}
	*out = v;
	return n;
}

static int
cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->path,
	    ((const struct entry *)b)->path);
}

int
publish_verify(const char *root, const char *frozen, struct diag *diag)
{
	struct buf	 now = { NULL, 0, 0 };
	struct entry	*w = NULL, *h = NULL;
	struct diag	 quiet;
	char		*sums, *want;
	size_t		 len;
	int		 nw, nh, i = 0, j = 0, c, nerr = 0;

	diag_init(&quiet, NULL);
	sums = util_path_join(frozen, "SHA256SUMS");
	if (cfile_kind(root, sums, &quiet) == CFILE_NONE) {
		diag_error(diag, sums, 0, 0, "status is published but the "
		    "frozen files are missing (publish a draft with "
		    "'gen publish')");
		free(sums);
		return 1;
	}
	if ((want = cfile_read(root, sums, sums, &len, diag)) == NULL) {
		free(sums);
		return 1;
	}
	buf_puts(&now, "");
	if (publish_manifest(root, frozen, &now, diag) != 0) {
		diag_error(diag, frozen, 0, 0, "cannot read the frozen files");
		nerr++;
		goto out;
	}
	if ((nw = entries(want, &w)) < 0) {
		diag_error(diag, sums, 0, 0, "malformed: each line must be "
		    "'<sha256>  <path>'");
		nerr++;
		goto out;
	}
	if ((nh = entries(now.s, &h)) < 0)
		nh = 0;
	qsort(w, (size_t)nw, sizeof(*w), cmp_entry);
	while (i < nw || j < nh) {
		c = i == nw ? 1 : j == nh ? -1 : strcmp(w[i].path, h[j].path);
		if (c < 0) {
			diag_error(diag, sums, 0, 0, "frozen file '%s' is "
			    "missing", w[i].path);
			i++;
		} else if (c > 0) {
			diag_error(diag, sums, 0, 0, "file '%s' was added to "
			    "the frozen edition after publishing", h[j].path);
			j++;
		} else {
			if (strcmp(w[i].sum, h[j].sum) != 0)
				diag_error(diag, sums, 0, 0, "frozen file '%s' "
				    "has changed since it was published "
				    "(SHA-256 mismatch)", w[i].path);
			else
				nerr--;
			i++, j++;
		}
		nerr++;
	}
out:
	free(w);
	free(h);
	buf_free(&now);
	free(want);
	free(sums);
	return nerr;
}

/* The advice that ends every message about a changed published edition. */
static char *
thaw_hint(const struct edition *e)
{
	return xasprintf("to rework it, set 'status: draft' in %s, delete "
	    "%s and publish it again", e->index_path, e->frozen);
}

/* A field of figures.tsv: backslash, tab and newline escaped. */
static void
put_field(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		if (*s == '\\')
			buf_puts(b, "\\\\");
		else if (*s == '\t')
			buf_puts(b, "\\t");
		else if (*s == '\n')
			buf_puts(b, "\\n");
		else if (*s == '\r')
			buf_puts(b, "\\r");
		else
			buf_putc(b, *s);
}

/* Undoes put_field in place. */
static void
unescape(char *s)
{
	char	*o = s;

	for (; *s != '\0'; s++) {
		if (*s == '\\' && s[1] != '\0') {
			s++;
			*o++ = *s == 't' ? '\t' : *s == 'n' ? '\n' :
			    *s == 'r' ? '\r' : *s;
		} else
			*o++ = *s;
	}
	*o = '\0';
}

static const char *const kind_names[] = { "count", "pct", "stat", "label" };
static const char *const hide_names[] = {
	"none", "primary", "secondary", "derived"
};

static void
meta_line(struct buf *b, const char *key, const char *value)
{
	buf_printf(b, "meta\t%s\t", key);
	put_field(b, value);
	buf_putc(b, '\n');
}

char *
publish_figures_text(const struct edition *e)
{
	struct buf		 b = { NULL, 0, 0 }, d = { NULL, 0, 0 };
	const struct metric	*m;
	size_t			 i;

	buf_puts(&b, "# figures frozen with the edition: meta KEY VALUE, "
	    "metric NAME KIND VALUE HIDDEN SHOWN\n");
	meta_line(&b, "title", e->meta.title.s);
	if (e->meta.subtitle.s != NULL)
		meta_line(&b, "subtitle", e->meta.subtitle.s);
	fmt_date_iso(&d, e->meta.date);
	meta_line(&b, "date", d.s);
	buf_free(&d);
	buf_printf(&b, "meta\tedition\t%d\n", e->meta.edition);
	buf_printf(&b, "meta\tmin_cell\t%d\n", e->stats->k);
	for (i = 0; i < e->stats->n; i++) {
		m = &e->stats->m[i];
		buf_printf(&b, "metric\t%s\t%s\t", m->name,
		    kind_names[m->kind]);
		if (!m->defined)
			buf_puts(&b, "null");
		else if (m->kind == MK_LABEL)
			put_field(&b, m->label);
		else
			buf_printf(&b, "%.17g", m->v);
		buf_printf(&b, "\t%s\t", hide_names[m->hide]);
		put_field(&b, m->shown);
		buf_putc(&b, '\n');
	}
	return buf_detach(&b);
}

/* Index of s in v[n], or -1. */
static int
lookup(const char *s, const char *const *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(s, v[i]) == 0)
			return (int)i;
	return -1;
}

/* What figures.tsv holds besides the metrics. */
struct fmeta {
	char	*title, *subtitle;
	int32_t	 date;
	int	 edition, k;
};

/* One metric line's fields f[1..5] into m; returns 0 or -1. */
static int
read_metric(char **f, struct metric *m)
{
	int	 kind, hide;
	char	*end;

	if ((kind = lookup(f[2], kind_names, GEN_NELEM(kind_names))) < 0 ||
	    (hide = lookup(f[4], hide_names, GEN_NELEM(hide_names))) < 0)
		return -1;
	memset(m, 0, sizeof(*m));
	m->kind = (enum mkind)kind;
	m->hide = (enum mhide)hide;
	m->defined = strcmp(f[3], "null") != 0;
	if (m->defined && m->kind == MK_LABEL)
		m->label = xstrdup(f[3]);
	else if (m->defined) {
		m->v = strtod(f[3], &end);
		if (*end != '\0' || end == f[3])
			return -1;
	}
	m->name = xstrdup(f[1]);
	m->shown = xstrdup(f[5]);
	return 0;
}

/* Splits a line at tabs into at most max fields; returns their number. */
static int
split(char *line, char **f, int max)
{
	int	 n = 0;

	while (n < max) {
		f[n++] = line;
		if ((line = strchr(line, '\t')) == NULL)
			break;
		*line++ = '\0';
	}
	return line == NULL ? n : max + 1;
}

/* Reads figures.tsv; NULL if it is unreadable or malformed (reported). */
static struct stats *
read_figures(const struct edition *e, struct fmeta *fm, struct diag *diag)
{
	struct metric	*m = NULL;
	char		*path, *text, *line, *next, *f[6];
	size_t		 len, n = 0;
	int		 lineno = 0, nf, bad = 0, i;

	memset(fm, 0, sizeof(*fm));
	path = util_path_join(e->frozen, "figures.tsv");
	if ((text = cfile_read(e->root, path, path, &len, diag)) == NULL) {
		free(path);
		return NULL;
	}
	for (line = text; *line != '\0' && !bad; line = next) {
		next = strchr(line, '\n');
		next = next ? (*next = '\0', next + 1) : line + strlen(line);
		lineno++;
		if (line[0] == '#' || line[0] == '\0')
			continue;
		nf = split(line, f, 6);
		for (i = 0; i < nf && i < 6; i++)
			unescape(f[i]);
		if (nf == 3 && strcmp(f[0], "meta") == 0) {
			if (strcmp(f[1], "title") == 0)
				free(fm->title), fm->title = xstrdup(f[2]);
			else if (strcmp(f[1], "subtitle") == 0)
				free(fm->subtitle), fm->subtitle = xstrdup(f[2]);
			else if (strcmp(f[1], "date") == 0)
				bad = fmt_parse_date(f[2], &fm->date) != 0;
			else if (strcmp(f[1], "edition") == 0)
				fm->edition = atoi(f[2]);
			else if (strcmp(f[1], "min_cell") == 0)
				fm->k = atoi(f[2]);
			continue;
		}
		if (nf == 6 && strcmp(f[0], "metric") == 0) {
			m = xreallocarray(m, n + 1, sizeof(*m));
			if (read_metric(f, &m[n]) == 0) {
				n++;
				continue;
			}
		}
		bad = 1;
	}
	if (!bad && (fm->title == NULL || fm->date == 0))
		bad = 1, lineno = 0;
	free(text);
	if (bad) {
		diag_error(diag, path, lineno, lineno ? 1 : 0, "malformed "
		    "frozen figures; %s", "publish the edition again");
		while (n > 0) {
			n--;
			free(m[n].name);
			free(m[n].label);
			free(m[n].shown);
		}
		free(m);
		free(fm->title);
		free(fm->subtitle);
		free(path);
		return NULL;
	}
	free(path);
	return stats_adopt(m, n, fm->k);
}

/* One of an edition's own files: its path in the folder and on disk. */
struct src {
	char	*rel;	/* relative to the edition folder */
	char	*full;	/* the path to read */
};

static int
cmp_src(const void *a, const void *b)
{
	return strcmp(((const struct src *)a)->rel,
	    ((const struct src *)b)->rel);
}

/* Adds a path named in the front matter if it lies in the edition. */
static void
add_named(const struct content *c, const struct edition *e,
    const char *rel, struct src **v, size_t *n)
{
	struct diag	 quiet;
	char	*full, *prefix;
	size_t	 pl;

	if (rel == NULL || (full = content_path(c, e, rel)) == NULL)
		return;
	prefix = util_path_join(c->root, e->slug);
	pl = strlen(prefix);
	diag_init(&quiet, NULL);
	if (strncmp(full, prefix, pl) == 0 && full[pl] == '/' &&
	    cfile_kind(c->root, full, &quiet) == CFILE_FILE) {
		*v = xreallocarray(*v, *n + 1, sizeof(**v));
		(*v)[*n].rel = xstrdup(full + pl + 1);
		(*v)[(*n)++].full = full;
	} else
		free(full);
	free(prefix);
}

int
publish_sources(const struct content *c, const struct edition *e,
    const char *index_text, size_t index_len, struct buf *out)
{
	struct diag	 quiet;
	struct src	*v = NULL;
	size_t		 n = 0, i;
	char		 hex[65];
	int		 rc = 0;

	diag_init(&quiet, NULL);
	for (i = 0; i < e->nchapters; i++) {
		v = xreallocarray(v, n + 1, sizeof(*v));
		v[n].rel = util_basename(e->chapters[i]);
		v[n++].full = xstrdup(e->chapters[i]);
	}
	if (e->meta.data.s != NULL)
		add_named(c, e, e->meta.data.s, &v, &n);
	else
		add_named(c, e, "trajecten.csv", &v, &n);
	for (i = 0; i < e->meta.ntables; i++)
		add_named(c, e, e->meta.tables[i].path.s, &v, &n);
	add_named(c, e, e->meta.brand_logo.s, &v, &n);
	v = xreallocarray(v, n + 1, sizeof(*v));
	v[n].rel = xstrdup("index.md");
	v[n++].full = NULL;	/* index_text, or the file */
	qsort(v, n, sizeof(*v), cmp_src);
	for (i = 0; i < n; i++) {
		if (rc == 0 && (i == 0 || strcmp(v[i].rel, v[i - 1].rel) != 0)) {
			if (v[i].full == NULL && index_text != NULL)
				sha256_mem(index_text, index_len, hex);
			else if (sha256_file(c->root, v[i].full ? v[i].full :
			    e->index_path, hex, &quiet) != 0)
				rc = -1;
			if (rc == 0)
				buf_printf(out, "%s  %s\n", hex, v[i].rel);
		}
	}
	for (i = 0; i < n; i++) {
		free(v[i].rel);
		free(v[i].full);
	}
	free(v);
	return rc;
}

/* Checks the edition's own files against published/SOURCES. */
static int
verify_sources(const struct content *c, const struct edition *e,
    struct diag *diag)
{
	struct diag	 quiet;
	struct buf	 now = { NULL, 0, 0 };
	struct entry	*w = NULL, *h = NULL;
	char		*path, *want, *hint, *file;
	const char	*what;
	size_t		 len;
	int		 nw, nh, i = 0, j = 0, cmp, nerr = 0;

	path = util_path_join(e->frozen, "SOURCES");
	hint = thaw_hint(e);
	buf_puts(&now, "");
	diag_init(&quiet, NULL);
	if ((want = cfile_read(e->root, path, path, &len, &quiet)) == NULL ||
	    (nw = entries(want, &w)) < 0) {
		diag_error(diag, path, 0, 0, "the sums of the edition's own "
		    "files are missing or malformed; %s", hint);
		nerr = 1;
		goto out;
	}
	if (publish_sources(c, e, NULL, 0, &now) != 0 ||
	    (nh = entries(now.s, &h)) < 0) {
		diag_error(diag, e->dir, 0, 0, "cannot read the edition's "
		    "files: %s", strerror(errno));
		nerr = 1;
		goto out;
	}
	qsort(w, (size_t)nw, sizeof(*w), cmp_entry);
	qsort(h, (size_t)nh, sizeof(*h), cmp_entry);
	while (i < nw || j < nh) {
		cmp = i == nw ? 1 : j == nh ? -1 : strcmp(w[i].path, h[j].path);
		what = cmp < 0 ? "removed" : cmp > 0 ? "added" :
		    strcmp(w[i].sum, h[j].sum) != 0 ? "changed" : NULL;
		if (what != NULL) {
			file = util_path_join(e->dir, cmp > 0 ? h[j].path :
			    w[i].path);
			diag_error(diag, file, 0, 0, "%s after the edition was "
			    "published; a published edition never changes: %s",
			    what, hint);
			free(file);
			nerr++;
		}
		if (cmp <= 0)
			i++;
		if (cmp >= 0)
			j++;
	}
out:
	free(w);
	free(h);
	buf_free(&now);
	free(want);
	free(hint);
	free(path);
	return nerr;
}

/* The data file a metric is counted from. */
static const char *
source_of(const struct edition *e, const char *name)
{
	size_t	 i, l;

	for (i = 0; i < e->ntabs; i++) {
		l = strlen(e->tabs[i]->name);
		if (strncmp(name, e->tabs[i]->name, l) == 0 && name[l] == '.')
			return e->tabs[i]->path;
	}
	return e->reg != NULL ? e->reg->path : e->index_path;
}

/*
 * The figures the edition's data give now against the frozen ones: a
 * shared register may grow, but not under a published edition.  One
 * message per data file, naming the first figure that differs.
 */
static int
compare_figures(const struct edition *e, const struct stats *fz,
    struct diag *diag)
{
	const struct metric	*f, *now;
	const char		**seen = NULL, *file;
	struct buf		 a = { NULL, 0, 0 }, b = { NULL, 0, 0 };
	size_t			 i, k, nseen = 0;
	char			*hint = thaw_hint(e);

	for (i = 0; i < fz->n; i++) {
		f = &fz->m[i];
		if (f->kind == MK_LABEL ||
		    (now = stats_get(e->stats, f->name)) == NULL ||
		    (now->defined == f->defined && (!f->defined ||
		    now->v == f->v)))
			continue;
		file = source_of(e, f->name);
		for (k = 0; k < nseen; k++)
			if (strcmp(seen[k], file) == 0)
				break;
		if (k < nseen)
			continue;
		seen = xreallocarray(seen, nseen + 1, sizeof(*seen));
		seen[nseen++] = file;
		buf_reset(&a);
		buf_reset(&b);
		if (f->defined)
			buf_printf(&a, "%.17g", f->v);
		else
			buf_puts(&a, "undefined");
		if (now->defined)
			buf_printf(&b, "%.17g", now->v);
		else
			buf_puts(&b, "undefined");
		diag_error(diag, file, 0, 0, "changes the figures of published "
		    "edition '%s' ('%s' was %s, is now %s); restore the data "
		    "it was published with; %s", e->slug, f->name, a.s,
		    b.s, hint);
	}
	free(seen);
	buf_free(&a);
	buf_free(&b);
	free(hint);
	return (int)nseen;
}

int
publish_load(const struct content *c, struct edition *e, struct diag *diag)
{
	struct stats	*fz = NULL;
	struct fmeta	 fm;
	int		 nerr;

	memset(&fm, 0, sizeof(fm));
	/* gen serve trusts a frozen folder it verified and saw unchanged. */
	if ((nerr = content_trusted(c, e->frozen) ? 0 :
	    publish_verify(c->root, e->frozen, diag)) == 0 &&
	    (nerr = verify_sources(c, e, diag)) == 0 &&
	    (fz = read_figures(e, &fm, diag)) == NULL)
		nerr = 1;
	if (fz == NULL)
		return nerr;
	if (e->stats != NULL)
		nerr += compare_figures(e, fz, diag);
	stats_free(e->stats);
	e->stats = fz;
	free(e->meta.title.s);
	e->meta.title.s = fm.title;
	free(e->meta.subtitle.s);
	e->meta.subtitle.s = fm.subtitle;
	e->meta.date = fm.date;
	e->meta.edition = fm.edition;
	return nerr;
}

const struct metric *
publish_figure(const struct edition *e, const char *name)
{
	if (e == NULL || e->frozen == NULL || e->stats == NULL)
		return NULL;
	return stats_get(e->stats, name);
}

/* Copies a regular file of the content folder root. */
static int
copy_file(const char *root, const char *from, const char *to,
    struct diag *diag)
{
	char	*data;
	size_t	 len;
	int	 rc;

	if ((data = cfile_read(root, from, from, &len, diag)) == NULL)
		return -1;
	if ((rc = util_write_file(to, data, len)) != 0)
		diag_error(diag, to, 0, 0, "cannot write: %s",
		    strerror(errno));
	free(data);
	return rc;
}

int
publish_copy_tree(const char *root, const char *from, const char *to,
    struct diag *diag)
{
	char	**names, *a, *b;
	int	 n, i, rc = 0;

	if (util_mkdirs(to) != 0) {
		diag_error(diag, to, 0, 0, "cannot create: %s",
		    strerror(errno));
		return -1;
	}
	if ((n = cfile_list(root, from, &names, diag)) < 0)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		a = util_path_join(from, names[i]);
		b = util_path_join(to, names[i]);
		switch (cfile_kind(root, a, diag)) {
		case CFILE_DIR:
			rc = publish_copy_tree(root, a, b, diag);
			break;
		case CFILE_FILE:
			rc = copy_file(root, a, b, diag);
			break;
		default:
			rc = -1;	/* reported */
			break;
		}
		free(a);
		free(b);
	}
	util_free_list(names, n);
	return rc;
}
