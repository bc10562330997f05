/*
 * build.c: one build, written atomically (the output folder's rules
 * are outdir.c's).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "archive.h"
#include "backend.h"
#include "build.h"
#include "cfile.h"
#include "chart.h"
#include "content.h"
#include "diag.h"
#include "edition.h"
#include "fonts.h"
#include "html.h"
#include "hyph.h"
#include "logo.h"
#include "logopng.h"
#include "outdir.h"
#include "publish.h"
#include "util.h"

/*
 * The back-ends every edition is rendered with, in this order: the
 * page first, since an edition whose page comes out as in the earlier
 * build (and whose logo is the same) keeps the other files it had.  A
 * new output format is one more entry (backend.h).
 */
static const struct backend *const build_backends[] = {
	&backend_html,		/* index.html */
	&backend_pdf		/* SLUG.pdf */
};
#define NBACKENDS	GEN_NELEM(build_backends)

/* State of one build. */
struct bctx {
	const struct content	*c;
	const char		*assets;	/* assets folder */
	struct diag		*diag;
	struct fonts		*fonts;		/* shipped faces */
	struct hyph		*hyph;		/* Dutch hyphenation (PDF), or NULL */
	struct chart_measure	 measure;	/* chart text widths */
	char			*icc;		/* the sRGB profile (PDF/A) */
	void			*rndr[NBACKENDS]; /* build_backends' renderers */
	size_t			 nkept;		/* editions whose PDF was kept */
	int			 failed;
};

static void
put(struct bctx *b, const char *dir, const char *name, const char *data,
    size_t len)
{
	char	*p = util_path_join(dir, name);

	if (util_write_file(p, data, len) != 0) {
		diag_error(b->diag, p, 0, 0, "cannot write: %s",
		    strerror(errno));
		b->failed = 1;
	}
	free(p);
}

static void
copy(struct bctx *b, const char *from, const char *to)
{
	if (util_copy_file(from, to) != 0) {
		diag_error(b->diag, from, 0, 0, "cannot copy to %s: %s", to,
		    strerror(errno));
		b->failed = 1;
	}
}

/* The stylesheet and web fonts, into dir. */
static void
static_files(struct bctx *b, const char *dir)
{
	char	*from, *to, *fdir, *tdir, **names;
	int	 n, i;

	from = util_path_join(b->assets, "gen.css");
	to = util_path_join(dir, "gen.css");
	copy(b, from, to);
	free(from);
	free(to);
	fdir = util_path_join(b->assets, "fonts");
	tdir = util_path_join(dir, "fonts");
	if (util_mkdirs(tdir) != 0 || (n = util_list_dir(fdir, &names)) < 0) {
		diag_error(b->diag, fdir, 0, 0, "cannot copy fonts");
		b->failed = 1;
		free(fdir);
		free(tdir);
		return;
	}
	for (i = 0; i < n; i++) {
		size_t l = strlen(names[i]);

		if ((l > 6 && strcmp(names[i] + l - 6, ".woff2") == 0) ||
		    strncmp(names[i], "LICENSE", 7) == 0) {
			from = util_path_join(fdir, names[i]);
			to = util_path_join(tdir, names[i]);
			copy(b, from, to);
			free(from);
			free(to);
		}
	}
	util_free_list(names, n);
	free(fdir);
	free(tdir);
}

/* Each edition's logo as written below dir ("SLUG/logo.png"), or NULL. */
static char **
archive_logos(const struct content *c, const char *dir)
{
	static const char *const names[] = { "logo.png", "logo.svg" };
	char	**v, *rel, *path;
	size_t	 i, k;

	v = xcalloc(c->ned ? c->ned : 1, sizeof(*v));
	for (i = 0; i < c->ned; i++) {
		for (k = 0; v[i] == NULL && k < GEN_NELEM(names); k++) {
			rel = xasprintf("%s/%s", c->ed[i]->slug, names[k]);
			path = util_path_join(dir, rel);
			if (c->ed[i]->meta.brand_logo.s != NULL &&
			    util_is_file(path))
				v[i] = rel;
			else
				free(rel);
			free(path);
		}
	}
	return v;
}

/* Whether the file at path holds exactly these bytes. */
static int
same_bytes(const char *path, const char *data, size_t len)
{
	char	*p;
	size_t	 n;
	int	 same;

	if ((p = util_read_file(path, &n)) == NULL)
		return 0;
	same = n == len && memcmp(p, data, len) == 0;
	free(p);
	return same;
}

/*
 * An edition not named on the command line whose page came out as in
 * the earlier build (old, its folder there), with the same logo: its
 * document is the same, so its file name (a PDF) is kept rather than
 * rendered again.  Returns 1 if kept.
 */
static int
keep_file(const char *old, const char *dir, const char *name,
    const char *logo)
{
	char	*a, *t, *data;
	size_t	 n;
	int	 kept = 1;

	if (logo != NULL) {
		a = util_path_join(old, logo);
		t = util_path_join(dir, logo);
		kept = (data = util_read_file(t, &n)) != NULL &&
		    same_bytes(a, data, n);
		free(data);
		free(a);
		free(t);
	}
	a = util_path_join(old, name);
	t = util_path_join(dir, name);
	kept = kept && util_is_file(a) && util_copy_file(a, t) == 0;
	free(a);
	free(t);
	return kept;
}

/* A back-end's file name for an edition: its "%s" is the slug. */
static char *
file_name(const struct backend *be, const char *slug)
{
	const char	*s = strstr(be->file, "%s");

	if (s == NULL)
		return xstrdup(be->file);
	return xasprintf("%.*s%s%s", (int)(s - be->file), be->file, slug,
	    s + 2);
}

/*
 * Writes one edition's files into dir, which exists; old is its folder
 * in the earlier build when its PDF may be kept, or NULL.
 */
static void
edition_into(struct bctx *b, const struct edition *e, const char *dir,
    const char *old)
{
	struct backend_in	 in;
	struct buf		 out = { NULL, 0, 0 };
	char			*name, *was;
	size_t			 i;
	int			 kept = 0;

	if (e->frozen != NULL) {
		/* A published edition: its verified bytes, unchanged. */
		char *files = util_path_join(e->frozen, "files");

		if (publish_copy_tree(b->c->root, files, dir, b->diag) != 0)
			b->failed = 1;
		free(files);
		return;
	}
	memset(&in, 0, sizeof(in));
	in.e = e;
	if (e->logo != NULL) {
		/*
		 * The checked (for an SVG, cleaned) bytes, not the file; an
		 * SVG drawn into a PNG in the shipped fonts (logopng.h).
		 */
		in.logo = "logo.png";
		if (e->logo->kind == LOGO_PNG)
			put(b, dir, in.logo, e->logo->data, e->logo->len);
		else if (logo_png(e->logo, e->meta.brand_logo.s, b->fonts,
		    &out, b->diag) == 0)
			put(b, dir, in.logo, out.s, out.len);
		else
			in.logo = NULL;
		buf_free(&out);
	}
	static_files(b, dir);
	for (i = 0; i < NBACKENDS; i++) {
		name = file_name(build_backends[i], e->slug);
		if (i > 0 && old != NULL && keep_file(old, dir, name, in.logo))
			kept = 1;
		else if (build_backends[i]->rndr(b->rndr[i], &in, &out,
		    b->diag) != 0)
			b->failed = 1;
		else
			put(b, dir, name, out.s, out.len);
		/* The page differs: the document changed, keep nothing. */
		if (i == 0 && old != NULL) {
			was = util_path_join(old, name);
			if (!same_bytes(was, out.s, out.len))
				old = NULL;
			free(was);
		}
		buf_free(&out);
		free(name);
	}
	b->nkept += kept;
}

int
build_pdf(const struct edition *e, struct fonts *fonts, struct hyph *hyph,
    const char *assets, struct buf *out, struct diag *diag)
{
	struct backend_opts	 o;
	struct backend_in	 in;
	char			*icc = util_path_join(assets, "icc/sRGB.icc");
	void			*r;
	int			 rc;

	memset(&o, 0, sizeof(o));
	o.fonts = fonts;
	o.hyph = hyph;
	o.icc = icc;
	memset(&in, 0, sizeof(in));
	in.e = e;
	r = backend_pdf.new(&o);
	rc = backend_pdf.rndr(r, &in, out, diag);
	backend_pdf.free(r);
	free(icc);
	return rc;
}

static void
edition(struct bctx *b, const struct edition *e, const char *tmp,
    const char *old)
{
	char	*dir = util_path_join(tmp, e->slug);

	if (util_mkdirs(dir) != 0) {
		diag_error(b->diag, dir, 0, 0, "cannot create: %s",
		    strerror(errno));
		b->failed = 1;
	} else
		edition_into(b, e, dir, old);
	free(dir);
}

static int
bctx_init(struct bctx *b, const struct content *c, const char *assets,
    struct diag *diag)
{
	struct backend_opts	 o;
	char			*fontdir;
	size_t			 i;

	memset(b, 0, sizeof(*b));
	b->c = c;
	b->assets = assets;
	b->diag = diag;
	fontdir = util_path_join(assets, "fonts");
	b->fonts = fonts_open(fontdir, diag);
	if (b->fonts == NULL) {
		free(fontdir);
		return -1;
	}
	free(fontdir);
	b->measure.width = fonts_measure_cb;
	b->measure.arg = b->fonts;
	if ((b->hyph = hyph_new(HYPH_NL_DIC)) == NULL)
		diag_warn(diag, HYPH_NL_DIC, 0, 0, "cannot load the Dutch "
		    "hyphenation patterns (Debian package hyphen-nl); the PDF "
		    "is set without hyphenation");
	b->icc = util_path_join(assets, "icc/sRGB.icc");
	memset(&o, 0, sizeof(o));
	o.measure = &b->measure;
	o.fonts = b->fonts;
	o.hyph = b->hyph;
	o.icc = b->icc;
	o.pdf = 1;
	for (i = 0; i < NBACKENDS; i++)
		b->rndr[i] = build_backends[i]->new(&o);
	return 0;
}

static void
bctx_free(struct bctx *b)
{
	size_t	 i;

	for (i = 0; i < NBACKENDS; i++)
		if (b->rndr[i] != NULL)
			build_backends[i]->free(b->rndr[i]);
	free(b->icc);
	fonts_free(b->fonts);
	hyph_free(b->hyph);
}

/*
 * index.md with "status: published" in its front matter, into b;
 * returns 0 or -1 if it cannot be read.
 */
static int
published_text(const struct edition *e, struct buf *b)
{
	struct diag	 quiet;
	char		*text, *p, *line, *next;
	size_t		 len;
	int		 n = 0, done = 0;

	diag_init(&quiet, NULL);
	if ((text = cfile_read(e->root, e->index_path, e->index_path, &len,
	    &quiet)) == NULL)
		return -1;
	for (line = text; *line != '\0'; line = next) {
		next = (p = strchr(line, '\n')) ? p + 1 : line + strlen(line);
		if (strncmp(line, "---", 3) == 0 && strspn(line + 3,
		    " \t\r") == (size_t)(next - line - 3 - (p != NULL)))
			n++;
		if (n == 1 && !done && strncmp(line, "status:", 7) == 0) {
			buf_puts(b, "status: published\n");
			done = 1;
			continue;
		}
		if (n == 2 && !done) {
			buf_puts(b, "status: published\n");
			done = 1;
		}
		buf_add(b, line, (size_t)(next - line));
	}
	free(text);
	return 0;
}

/* Replaces index.md by the text given; returns 0 or -1. */
static int
mark_published(const struct edition *e, const struct buf *b)
{
	char	*tmp;
	int	 rc;

	tmp = xasprintf("%s.tmp-gen", e->index_path);
	rc = util_write_file(tmp, b->s, b->len);
	if (rc == 0)
		rc = rename(tmp, e->index_path);
	if (rc != 0)
		remove(tmp);
	free(tmp);
	return rc;
}

int
build_publish(const struct content *c, const struct edition *e,
    const char *assets, struct diag *diag)
{
	struct bctx	 b;
	struct buf	 sums = { NULL, 0, 0 }, index = { NULL, 0, 0 };
	struct buf	 own = { NULL, 0, 0 };
	char		*tmp, *final, *text;

	if (e->frozen != NULL || e->meta.published) {
		diag_error(diag, e->index_path, 0, 0, "the edition is already "
		    "published; a published edition never changes");
		return -1;
	}
	if (bctx_init(&b, c, assets, diag) != 0)
		return -1;
	final = util_path_join(e->dir, PUBLISH_DIR);
	tmp = xasprintf("%s.tmp-gen", final);
	util_rmtree(tmp);
	if (util_is_dir(final)) {
		diag_error(diag, final, 0, 0, "already exists; remove it or "
		    "set 'status: published'");
		b.failed = 1;
	} else if (util_mkdirs(tmp) != 0) {
		diag_error(diag, tmp, 0, 0, "cannot create: %s",
		    strerror(errno));
		b.failed = 1;
	}
	if (!b.failed) {
		char *files = util_path_join(tmp, "files");

		if (util_mkdirs(files) != 0)
			b.failed = 1;
		else
			edition_into(&b, e, files, NULL);
		free(files);
	}
	if (!b.failed) {
		text = publish_figures_text(e);
		put(&b, tmp, "figures.tsv", text, strlen(text));
		free(text);
	}
	/* The sums of its own files, index.md as it will read. */
	if (!b.failed && (published_text(e, &index) != 0 ||
	    publish_sources(b.c, e, index.s, index.len, &own) != 0)) {
		diag_error(diag, e->dir, 0, 0, "cannot read the edition's "
		    "files: %s", strerror(errno));
		b.failed = 1;
	}
	if (!b.failed)
		put(&b, tmp, "SOURCES", own.s, own.len);
	if (!b.failed && publish_manifest(c->root, tmp, &sums, diag) != 0)
		b.failed = 1;
	if (!b.failed)
		put(&b, tmp, "SHA256SUMS", sums.s ? sums.s : "", sums.len);
	if (!b.failed && rename(tmp, final) != 0) {
		diag_error(diag, final, 0, 0, "cannot create: %s",
		    strerror(errno));
		b.failed = 1;
	}
	if (!b.failed && mark_published(e, &index) != 0) {
		diag_error(diag, e->index_path, 0, 0, "cannot set status: "
		    "published: %s", strerror(errno));
		util_rmtree(final);
		b.failed = 1;
	}
	if (b.failed)
		util_rmtree(tmp);
	buf_free(&sums);
	buf_free(&index);
	buf_free(&own);
	free(tmp);
	free(final);
	bctx_free(&b);
	return b.failed ? -1 : 0;
}

/* Whether the edition is one of the named ones (all when none is). */
static int
is_named(const struct edition *e, const char *const *named, size_t nnamed)
{
	size_t	 i;

	for (i = 0; i < nnamed; i++)
		if (strcmp(named[i], e->slug) == 0)
			return 1;
	return nnamed == 0;
}

int
build_into(const struct content *c, struct outdir *od,
    const char *const *named, size_t nnamed, const char *assets,
    struct diag *diag, size_t *nkept)
{
	struct bctx		 b;
	struct html_opts	 o;
	const char		*tmp, *cur;
	char			*page, *old;
	size_t			 i;

	*nkept = 0;
	if (bctx_init(&b, c, assets, diag) != 0)
		return -1;
	if ((tmp = outdir_begin(od, diag)) == NULL)
		b.failed = 1;
	cur = b.failed ? NULL : outdir_current(od);
	for (i = 0; !b.failed && i < c->ned; i++) {
		old = cur != NULL && !is_named(c->ed[i], named, nnamed) ?
		    util_path_join(cur, c->ed[i]->slug) : NULL;
		edition(&b, c->ed[i], tmp, old);
		free(old);
	}
	*nkept = b.nkept;
	if (!b.failed) {
		memset(&o, 0, sizeof(o));
		o.measure = &b.measure;
		o.pdf = 1;
		o.logos = archive_logos(c, tmp);
		page = html_archive(c, &o);
		for (i = 0; i < c->ned; i++)
			free(o.logos[i]);
		free(o.logos);
		put(&b, tmp, "index.html", page, strlen(page));
		free(page);
		static_files(&b, tmp);
		if ((page = archive_json(c, tmp, diag)) == NULL)
			b.failed = 1;
		else
			put(&b, tmp, "editions.json", page, strlen(page));
		free(page);
		page = archive_feed(c);
		put(&b, tmp, "feed.xml", page, strlen(page));
		free(page);
	}
	if (!b.failed && outdir_commit(od, diag) != 0)
		b.failed = 1;
	bctx_free(&b);
	return b.failed ? -1 : 0;
}

int
build_run(const struct content *c, const char *outdir, const char *assets,
    struct diag *diag)
{
	struct outdir_input	 in[2];
	struct outdir		*od;
	size_t			 nkept;
	int			 rc;

	in[0].path = c->root;
	in[0].what = "content folder";
	in[1].path = assets;
	in[1].what = "assets folder";
	if ((od = outdir_open(outdir, in, 2, diag)) == NULL)
		return -1;
	rc = build_into(c, od, NULL, 0, assets, diag, &nkept);
	outdir_free(od);
	return rc;
}
