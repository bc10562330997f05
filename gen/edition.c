/*
 * edition.c: an edition's index.md front matter (libyaml) and its
 * chapter files.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "cfile.h"
#include "diag.h"
#include "doc.h"
#include "edition.h"
#include "fmt.h"
#include "logo.h"
#include "stats.h"
#include "tables.h"
#include "util.h"

const struct keyfigdef edition_keyfigs[EDITION_NKEYFIG] = {
	{ "aantal", KF_AANTAL, "Trajecten", NULL, 0 },
	{ "succes.pct", KF_SUCCES, "Geslaagd", NULL, 1 },
	{ "duur.mediaan", KF_DUUR, "Mediane doorlooptijd", "dagen", 0 },
};

const char edition_slug_rule[] = "an edition's folder name is its URL: "
    "use only lower-case letters a-z, digits and '-', starting with a "
    "letter or digit (e.g. 2025-regio-helmond)";

int
edition_slug_ok(const char *s)
{
	size_t	 i;

	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
		return 0;
	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	/* out/fonts/ holds the archive's web fonts. */
	return i <= EDITION_SLUG_MAX && strcmp(s, "fonts") != 0;
}

static const char *const top_keys[] = {
	"title", "subtitle", "organisation", "date", "edition", "footer",
	"data", "tables", "filter", "min_cell", "brand", "status",
	"unsafe_html", "reeks"
};
static const char *const filter_keys[] = { "regio", "soort", "periode" };
static const char *const brand_keys[] = { "logo", "color", "name" };

/* Parser state: the YAML document and where errors go. */
struct fm {
	yaml_document_t	*d;
	const char	*path;
	int		 line0;
	struct diag	*diag;
	int		 nerr;
};

static void
fm_err(struct fm *fm, yaml_node_t *n, const char *fmt, ...) GEN_PRINTF(3, 4);

static void
fm_err(struct fm *fm, yaml_node_t *n, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vmsg(fm->diag, DIAG_ERROR, fm->path,
	    fm->line0 + (int)n->start_mark.line + 1,
	    (int)n->start_mark.column + 1, fmt, ap);
	va_end(ap);
	fm->nerr++;
}

static const char *
scalar(yaml_node_t *n)
{
	return n->type == YAML_SCALAR_NODE ?
	    (const char *)n->data.scalar.value : NULL;
}

/* A scalar into a fmval; reports a non-scalar. */
static void
get_str(struct fm *fm, yaml_node_t *n, const char *key, struct fmval *v)
{
	const char	*s = scalar(n);

	if (s == NULL) {
		fm_err(fm, n, "%s must be a single value", key);
		return;
	}
	free(v->s);
	v->s = xstrdup(s);
	v->line = fm->line0 + (int)n->start_mark.line + 1;
	v->col = (int)n->start_mark.column + 1;
}

/*
 * The series (spec 6.3): a name readers see, so one line of text of at
 * most REEKS_MAX bytes, without control characters.
 */
#define REEKS_MAX	80

static void
get_reeks(struct fm *fm, yaml_node_t *n, struct fmval *v)
{
	const unsigned char	*s = (const unsigned char *)scalar(n);
	size_t			 i, len;

	if (s == NULL) {
		fm_err(fm, n, "reeks must be a single value: the name of "
		    "the series");
		return;
	}
	len = strlen((const char *)s);
	for (i = 0; i < len && (s[i] >= 0x20 && s[i] != 0x7f); i++)
		continue;
	if (i < len)
		fm_err(fm, n, "reeks must be one line of text, without tabs "
		    "or control characters");
	else if (strspn((const char *)s, " ") == len)
		fm_err(fm, n, "reeks is empty; leave it out for the default "
		    "series");
	else if (len > REEKS_MAX)
		fm_err(fm, n, "reeks is longer than %d bytes; it is a name "
		    "shown in the archive", REEKS_MAX);
	else
		get_str(fm, n, "reeks", v);
}

static void
unknown_key(struct fm *fm, yaml_node_t *k, const char *where,
    const char *const *keys, size_t nkeys)
{
	char	*hint = diag_hint(scalar(k), keys, nkeys, NULL);

	fm_err(fm, k, "unknown key '%s'%s%s", scalar(k), where, hint);
	free(hint);
}

/* A scalar or a list of scalars into a fmval array. */
static void
get_list(struct fm *fm, yaml_node_t *n, const char *key, struct fmval **out,
    size_t *nout)
{
	yaml_node_item_t	*it;
	yaml_node_t		*e;

	if (n->type == YAML_SCALAR_NODE) {
		*out = xcalloc(1, sizeof(**out));
		get_str(fm, n, key, &(*out)[0]);
		*nout = 1;
		return;
	}
	if (n->type != YAML_SEQUENCE_NODE) {
		fm_err(fm, n, "%s must be a name or a list of names", key);
		return;
	}
	for (it = n->data.sequence.items.start;
	    it < n->data.sequence.items.top; it++) {
		e = yaml_document_get_node(fm->d, *it);
		if (e == NULL || e->type != YAML_SCALAR_NODE) {
			fm_err(fm, e ? e : n, "%s: every item must be a name",
			    key);
			continue;
		}
		*out = xreallocarray(*out, *nout + 1, sizeof(**out));
		memset(&(*out)[*nout], 0, sizeof(**out));
		get_str(fm, e, key, &(*out)[(*nout)++]);
	}
}

static int
get_int(struct fm *fm, yaml_node_t *n, const char *key, int lo, int hi,
    int *out)
{
	const char	*s = scalar(n);
	long long	 v;

	if (s == NULL || fmt_parse_int(s, &v) != 0 || v < lo || v > hi) {
		fm_err(fm, n, "%s must be a whole number from %d to %d", key,
		    lo, hi);
		return -1;
	}
	*out = (int)v;
	return 0;
}

static int
get_date(struct fm *fm, yaml_node_t *n, const char *key, const char *s,
    int32_t *out)
{
	int	 rc;

	if (s == NULL || (rc = fmt_parse_date(s, out)) == -1) {
		fm_err(fm, n, "%s must be a date YYYY-MM-DD", key);
		return -1;
	}
	if (rc == -3) {
		fm_err(fm, n, "%s: date '%s' is out of range: years %d to %d",
		    key, s, FMT_YEAR_MIN, FMT_YEAR_MAX);
		return -1;
	}
	if (rc == -2) {
		fm_err(fm, n, "%s: impossible date '%s'", key, s);
		return -1;
	}
	return 0;
}

static int
is_color(const char *s)
{
	size_t	 i;

	if (s == NULL || s[0] != '#' || strlen(s) != 7)
		return 0;
	for (i = 1; i < 7; i++)
		if (!strchr("0123456789abcdefABCDEF", s[i]))
			return 0;
	return 1;
}

static void
get_filter(struct fm *fm, yaml_node_t *n, struct meta *m)
{
	yaml_node_pair_t	*p;
	yaml_node_t		*k, *v;
	const char		*key, *s, *sep;
	char			*a, *b;

	if (n->type != YAML_MAPPING_NODE) {
		fm_err(fm, n, "filter must be a map (regio:, soort:, periode:)");
		return;
	}
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
	    p++) {
		k = yaml_document_get_node(fm->d, p->key);
		v = yaml_document_get_node(fm->d, p->value);
		if ((key = scalar(k)) == NULL)
			continue;
		if ((strcmp(key, "regio") == 0 && m->nregio > 0) ||
		    (strcmp(key, "soort") == 0 && m->nsoort > 0) ||
		    (strcmp(key, "periode") == 0 && m->periode))
			fm_err(fm, k, "key '%s' given twice in filter", key);
		else if (strcmp(key, "regio") == 0)
			get_list(fm, v, "filter regio", &m->regio, &m->nregio);
		else if (strcmp(key, "soort") == 0)
			get_list(fm, v, "filter soort", &m->soort, &m->nsoort);
		else if (strcmp(key, "periode") == 0) {
			s = scalar(v);
			if (s == NULL || (sep = strstr(s, "..")) == NULL) {
				fm_err(fm, v, "periode must read "
				    "'YYYY-MM-DD .. YYYY-MM-DD'");
				continue;
			}
			a = xstrndup(s, (size_t)(sep - s));
			b = xstrdup(sep + 2);
			/* trim */
			while (strlen(a) && a[strlen(a) - 1] == ' ')
				a[strlen(a) - 1] = '\0';
			if (get_date(fm, v, "periode start", a, &m->from) == 0 &&
			    get_date(fm, v, "periode end", b + strspn(b, " "),
			    &m->to) == 0) {
				if (m->to < m->from)
					fm_err(fm, v, "periode ends before it "
					    "starts");
				else
					m->periode = 1;
			}
			free(a);
			free(b);
		} else
			unknown_key(fm, k, " in filter", filter_keys,
			    GEN_NELEM(filter_keys));
	}
}

static void
get_brand(struct fm *fm, yaml_node_t *n, struct meta *m)
{
	yaml_node_pair_t	*p;
	yaml_node_t		*k, *v;
	const char		*key;

	if (n->type != YAML_MAPPING_NODE) {
		fm_err(fm, n, "brand must be a map (logo:, color:, name:)");
		return;
	}
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
	    p++) {
		k = yaml_document_get_node(fm->d, p->key);
		v = yaml_document_get_node(fm->d, p->value);
		if ((key = scalar(k)) == NULL)
			continue;
		if (strcmp(key, "logo") == 0)
			get_str(fm, v, "brand logo", &m->brand_logo);
		else if (strcmp(key, "color") == 0) {
			get_str(fm, v, "brand color", &m->brand_color);
			if (m->brand_color.s != NULL &&
			    !is_color(m->brand_color.s))
				fm_err(fm, v, "brand color must be #rrggbb");
		} else if (strcmp(key, "name") == 0)
			get_str(fm, v, "brand name", &m->brand_name);
		else
			unknown_key(fm, k, " in brand", brand_keys,
			    GEN_NELEM(brand_keys));
	}
}

static void
get_tables(struct fm *fm, yaml_node_t *n, struct meta *m)
{
	yaml_node_pair_t	*p;
	yaml_node_t		*k, *v;
	const char		*key, *c;
	size_t			 i;

	if (n->type != YAML_MAPPING_NODE) {
		fm_err(fm, n, "tables must be a map of name: path.csv");
		return;
	}
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
	    p++) {
		k = yaml_document_get_node(fm->d, p->key);
		v = yaml_document_get_node(fm->d, p->value);
		if ((key = scalar(k)) == NULL)
			continue;
		for (c = key; *c; c++)
			if (!((*c >= 'a' && *c <= 'z') ||
			    (*c >= '0' && *c <= '9') || *c == '_' || *c == '-'))
				break;
		if (*c != '\0' || key[0] == '\0') {
			fm_err(fm, k, "table name '%s' may hold only a-z, 0-9, "
			    "'-' and '_'", key);
			continue;
		}
		for (i = 0; i < m->ntables; i++)
			if (strcmp(m->tables[i].name, key) == 0)
				break;
		if (i < m->ntables) {
			fm_err(fm, k, "table '%s' named twice", key);
			continue;
		}
		m->tables = xreallocarray(m->tables, m->ntables + 1,
		    sizeof(*m->tables));
		memset(&m->tables[m->ntables], 0, sizeof(*m->tables));
		m->tables[m->ntables].name = xstrdup(key);
		get_str(fm, v, "table path", &m->tables[m->ntables].path);
		m->ntables++;
	}
}

static int
get_bool(struct fm *fm, yaml_node_t *n, const char *key, int *out)
{
	const char	*s = scalar(n);

	if (s != NULL && (strcmp(s, "true") == 0 || strcmp(s, "yes") == 0)) {
		*out = 1;
		return 0;
	}
	if (s != NULL && (strcmp(s, "false") == 0 || strcmp(s, "no") == 0)) {
		*out = 0;
		return 0;
	}
	fm_err(fm, n, "%s must be true or false", key);
	return -1;
}

char *
edition_yaml_problem(const yaml_parser_t *ps, const char *yaml, size_t len,
    int line0)
{
	const char	*problem = ps->problem ? ps->problem : "syntax error";
	size_t		 at = ps->problem_mark.index, n;
	int		 first = line0 + (int)ps->context_mark.line;

	if (ps->context == NULL)
		return xstrdup(problem);
	if (strstr(ps->context, "duplicate anchor") == NULL)
		return xasprintf("%s %s on line %d", problem, ps->context,
		    first);
	/* The composer's "first occurrence" / "second occurrence". */
	n = 0;
	if (at < len && yaml[at] == '&')
		n = strcspn(yaml + at, " \t\r\n,[]{}");
	if (at + n > len)
		n = len - at;
	return xasprintf("the anchor %s%.*s%sis defined a second time (the "
	    "first is on line %d): give each anchor its own name",
	    n ? "'" : "", (int)n, n ? yaml + at : "", n ? "' " : "", first);
}

int
edition_parse_meta(const char *yaml, size_t len, const char *path, int line0,
    struct meta *m, struct diag *diag)
{
	yaml_parser_t		 parser;
	yaml_document_t		 doc;
	yaml_node_t		*root, *k, *v;
	yaml_node_pair_t	*p;
	struct fm		 fm;
	const char		*key, *s;
	int			 seen[GEN_NELEM(top_keys)], have_date = 0;
	size_t			 i;

	memset(m, 0, sizeof(*m));
	m->min_cell = -1;
	memset(seen, 0, sizeof(seen));
	memset(&fm, 0, sizeof(fm));
	fm.path = path;
	fm.line0 = line0;
	fm.diag = diag;
	fm.d = &doc;
	if (!yaml_parser_initialize(&parser))
		return 1;
	yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, len);
	if (!yaml_parser_load(&parser, &doc)) {
		char *why = edition_yaml_problem(&parser, yaml, len, line0 + 1);

		diag_error(diag, path, line0 + (int)parser.problem_mark.line + 1,
		    (int)parser.problem_mark.column + 1,
		    "front matter is not valid YAML: %s", why);
		free(why);
		yaml_parser_delete(&parser);
		return 1;
	}
	root = yaml_document_get_root_node(&doc);
	if (root == NULL || root->type != YAML_MAPPING_NODE) {
		diag_error(diag, path, line0 + 1, 1, "front matter must be a "
		    "map of keys (title:, date:, ...)");
		fm.nerr++;
		goto out;
	}
	for (p = root->data.mapping.pairs.start;
	    p < root->data.mapping.pairs.top; p++) {
		k = yaml_document_get_node(&doc, p->key);
		v = yaml_document_get_node(&doc, p->value);
		if (k == NULL || v == NULL || (key = scalar(k)) == NULL) {
			if (k != NULL)
				fm_err(&fm, k, "keys must be plain names");
			continue;
		}
		for (i = 0; i < GEN_NELEM(top_keys); i++)
			if (strcmp(key, top_keys[i]) == 0)
				break;
		if (i == GEN_NELEM(top_keys)) {
			unknown_key(&fm, k, "", top_keys, GEN_NELEM(top_keys));
			continue;
		}
		if (seen[i]++) {
			fm_err(&fm, k, "key '%s' given twice", key);
			continue;
		}
		s = scalar(v);
		if (strcmp(key, "title") == 0)
			get_str(&fm, v, key, &m->title);
		else if (strcmp(key, "subtitle") == 0)
			get_str(&fm, v, key, &m->subtitle);
		else if (strcmp(key, "organisation") == 0)
			get_str(&fm, v, key, &m->organisation);
		else if (strcmp(key, "footer") == 0)
			get_str(&fm, v, key, &m->footer);
		else if (strcmp(key, "data") == 0)
			get_str(&fm, v, key, &m->data);
		else if (strcmp(key, "date") == 0) {
			if (get_date(&fm, v, "date", s, &m->date) == 0)
				have_date = 1;
		} else if (strcmp(key, "edition") == 0)
			get_int(&fm, v, key, 1900, 2999, &m->edition);
		else if (strcmp(key, "min_cell") == 0)
			get_int(&fm, v, key, 1, 1000000, &m->min_cell);
		else if (strcmp(key, "unsafe_html") == 0)
			get_bool(&fm, v, key, &m->unsafe_html);
		else if (strcmp(key, "status") == 0) {
			if (s != NULL && strcmp(s, "published") == 0)
				m->published = 1;
			else if (s == NULL || strcmp(s, "draft") != 0)
				fm_err(&fm, v, "status must be draft or "
				    "published");
		} else if (strcmp(key, "filter") == 0)
			get_filter(&fm, v, m);
		else if (strcmp(key, "brand") == 0)
			get_brand(&fm, v, m);
		else if (strcmp(key, "tables") == 0)
			get_tables(&fm, v, m);
		else if (strcmp(key, "reeks") == 0)
			get_reeks(&fm, v, &m->reeks);
	}
	if (m->title.s == NULL || m->title.s[0] == '\0') {
		diag_error(diag, path, line0 + 1, 1, "front matter needs a "
		    "title");
		fm.nerr++;
	}
	if (!have_date && !seen[3]) {
		diag_error(diag, path, line0 + 1, 1, "front matter needs a "
		    "date (YYYY-MM-DD)");
		fm.nerr++;
	}
	if (have_date && m->edition == 0) {
		int y, mo, d;

		fmt_civil(m->date, &y, &mo, &d);
		m->edition = y;
	}
out:
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	return fm.nerr;
}

static void
free_val(struct fmval *v)
{
	free(v->s);
	v->s = NULL;
}

void
edition_free_meta(struct meta *m)
{
	size_t	 i;

	free_val(&m->title);
	free_val(&m->subtitle);
	free_val(&m->organisation);
	free_val(&m->footer);
	free_val(&m->data);
	free_val(&m->reeks);
	free_val(&m->brand_logo);
	free_val(&m->brand_color);
	free_val(&m->brand_name);
	for (i = 0; i < m->ntables; i++) {
		free(m->tables[i].name);
		free_val(&m->tables[i].path);
	}
	free(m->tables);
	for (i = 0; i < m->nregio; i++)
		free_val(&m->regio[i]);
	free(m->regio);
	for (i = 0; i < m->nsoort; i++)
		free_val(&m->soort[i]);
	free(m->soort);
	memset(m, 0, sizeof(*m));
}

/* Length of a "---" fence line at s (with its newline), or 0. */
static size_t
fence(const char *s, const char *end)
{
	const char	*p = s;

	if (end - s < 3 || strncmp(s, "---", 3) != 0)
		return 0;
	p += 3;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
		p++;
	if (p < end && *p != '\n')
		return 0;
	return (size_t)(p - s) + (p < end);
}

/* Adds the chapter name if it is one: a regular *.md file. */
static void
add_chapter(struct edition *e, const char *name, struct diag *diag)
{
	size_t	 l = strlen(name);
	char	*path;

	if (l < 4 || strcmp(name + l - 3, ".md") != 0 ||
	    strcmp(name, "index.md") == 0 || name[0] == '.')
		return;
	path = util_path_join(e->dir, name);
	switch (cfile_kind(e->root, path, diag)) {
	case CFILE_FILE:
		e->chapters = xreallocarray(e->chapters, e->nchapters + 1,
		    sizeof(*e->chapters));
		e->chapters[e->nchapters++] = path;
		return;
	case CFILE_DIR:
		diag_error(diag, path, 0, 0, "is a folder, but a name ending "
		    "in .md is a chapter; rename it");
		break;
	default:
		break;
	}
	free(path);
}

struct edition *
edition_open(const char *dir, const char *root, struct diag *diag)
{
	struct edition	*e;
	char		*text, **names;
	const char	*p, *end, *yaml;
	size_t		 len, n, flen;
	int		 line, i, nn;

	e = xcalloc(1, sizeof(*e));
	e->dir = xstrdup(dir);
	e->slug = util_basename(dir);
	e->index_path = util_path_join(dir, "index.md");
	e->root = xstrdup(root);
	e->meta.min_cell = -1;
	if (!edition_slug_ok(e->slug))
		diag_error(diag, dir, 0, 0, "'%s' is not a valid edition "
		    "name; %s", e->slug, edition_slug_rule);
	if ((text = cfile_read(root, e->index_path, e->index_path, &len,
	    diag)) == NULL) {
		edition_free(e);
		return NULL;
	}
	p = text;
	end = text + len;
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	if (!util_utf8_valid(p, (size_t)(end - p), &n)) {
		const char *q, *bol = p;

		/* Where the first byte that is not UTF-8 is. */
		for (line = 1, q = p; q < p + n; q++)
			if (*q == '\n')
				line++, bol = q + 1;
		diag_error(diag, e->index_path, line, (int)(p + n - bol) + 1,
		    "not valid UTF-8 (save the file as UTF-8)");
		free(text);
		edition_free(e);
		return NULL;
	}
	if ((flen = fence(p, end)) == 0) {
		diag_error(diag, e->index_path, 1, 1, "index.md must start "
		    "with front matter between '---' lines (title:, date:)");
		free(text);
		edition_free(e);
		return NULL;
	}
	yaml = p + flen;
	line = 2;
	for (p = yaml; p < end; line++) {
		if ((n = fence(p, end)) != 0)
			break;
		p = memchr(p, '\n', (size_t)(end - p));
		p = p ? p + 1 : end;
	}
	if (p >= end) {
		diag_error(diag, e->index_path, 1, 1, "front matter is not "
		    "closed by a '---' line");
		free(text);
		edition_free(e);
		return NULL;
	}
	e->fm_errors = edition_parse_meta(yaml, (size_t)(p - yaml),
	    e->index_path, 1, &e->meta, diag);
	e->body = xstrdup(p + n);
	e->body_line = line;
	free(text);

	if ((nn = cfile_list(root, dir, &names, diag)) >= 0) {
		for (i = 0; i < nn; i++)
			add_chapter(e, names[i], diag);
		util_free_list(names, nn);
	}
	return e;
}

void
edition_free(struct edition *e)
{
	size_t	 i;

	if (e == NULL)
		return;
	doc_free(e->doc);
	stats_free(e->stats);
	logo_free(e->logo);
	for (i = 0; i < EDITION_NKEYFIG; i++) {
		free(e->kf[i].name);
		free(e->kf[i].shown);
	}
	free(e->frozen);
	for (i = 0; i < e->ntabs; i++)
		tab_free(e->tabs[i]);
	free(e->tabs);
	free(e->sel);
	for (i = 0; i < e->nchapters; i++)
		free(e->chapters[i]);
	free(e->chapters);
	edition_free_meta(&e->meta);
	free(e->body);
	free(e->dir);
	free(e->slug);
	free(e->index_path);
	free(e->series);
	free(e->root);
	free(e);
}
