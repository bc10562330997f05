/*
 * build.c: one build, written atomically.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
#include "pdf.h"
#include "publish.h"
#include "util.h"

/* State of one build. */
struct bctx {
	const struct content	*c;
	const char		*assets;	/* assets folder */
	struct diag		*diag;
	struct fonts		*fonts;		/* shipped faces */
	struct hyph		*hyph;		/* Dutch hyphenation (PDF), or NULL */
	struct chart_measure	 measure;	/* chart text widths */
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

/* Writes one edition's files into dir, which exists. */
static void
edition_into(struct bctx *b, const struct edition *e, const char *dir)
{
	struct html_opts	 o;
	struct pdf_opts		 po;
	struct buf		 pdf = { NULL, 0, 0 };
	char			*page, *name;

	if (e->frozen != NULL) {
		/* A published edition: its verified bytes, unchanged. */
		char *files = util_path_join(e->frozen, "files");

		if (publish_copy_tree(b->c->root, files, dir, b->diag) != 0)
			b->failed = 1;
		free(files);
		return;
	}
	memset(&o, 0, sizeof(o));
	o.measure = &b->measure;
	o.pdf = 1;
	if (e->logo != NULL) {
		/* The checked (for an SVG, cleaned) bytes, not the file. */
		o.logo = e->logo->kind == LOGO_SVG ? "logo.svg" : "logo.png";
		put(b, dir, o.logo, e->logo->data, e->logo->len);
	}
	page = html_edition(e, &o);
	put(b, dir, "index.html", page, strlen(page));
	free(page);
	static_files(b, dir);
	memset(&po, 0, sizeof(po));
	po.fonts = b->fonts;
	po.hyph = b->hyph;
	po.logo = e->logo;
	if (pdf_edition(e, &po, &pdf, NULL, b->diag) != 0)
		b->failed = 1;
	else {
		name = xasprintf("%s.pdf", e->slug);
		put(b, dir, name, pdf.s, pdf.len);
		free(name);
	}
	buf_free(&pdf);
}

static void
edition(struct bctx *b, const struct edition *e, const char *tmp)
{
	char	*dir = util_path_join(tmp, e->slug);

	if (util_mkdirs(dir) != 0) {
		diag_error(b->diag, dir, 0, 0, "cannot create: %s",
		    strerror(errno));
		b->failed = 1;
	} else
		edition_into(b, e, dir);
	free(dir);
}

static int
bctx_init(struct bctx *b, const struct content *c, const char *assets,
    struct diag *diag)
{
	char	*fontdir;

	memset(b, 0, sizeof(*b));
	b->c = c;
	b->assets = assets;
	b->diag = diag;
	fontdir = util_path_join(assets, "fonts");
	b->fonts = fonts_new(fontdir);
	if (b->fonts == NULL) {
		diag_error(diag, fontdir, 0, 0, "cannot load the fonts");
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
	return 0;
}

/* Sets "status: published" in the front matter of index.md. */
static int
mark_published(const struct edition *e)
{
	struct buf	 b = { NULL, 0, 0 };
	struct diag	 quiet;
	char		*text, *p, *line, *next, *tmp;
	size_t		 len;
	int		 n = 0, done = 0, rc;

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
			buf_puts(&b, "status: published\n");
			done = 1;
			continue;
		}
		if (n == 2 && !done) {
			buf_puts(&b, "status: published\n");
			done = 1;
		}
		buf_add(&b, line, (size_t)(next - line));
	}
	free(text);
	tmp = xasprintf("%s.tmp-gen", e->index_path);
	rc = util_write_file(tmp, b.s, b.len);
	if (rc == 0)
		rc = rename(tmp, e->index_path);
	if (rc != 0)
		remove(tmp);
	free(tmp);
	buf_free(&b);
	return rc;
}

int
build_publish(const struct content *c, const struct edition *e,
    const char *assets, struct diag *diag)
{
	struct bctx	 b;
	struct buf	 sums = { NULL, 0, 0 };
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
			edition_into(&b, e, files);
		free(files);
	}
	if (!b.failed) {
		text = publish_keyfigs_text(e);
		put(&b, tmp, "keyfigs.tsv", text, strlen(text));
		free(text);
	}
	if (!b.failed && publish_manifest(c->root, tmp, &sums, diag) != 0)
		b.failed = 1;
	if (!b.failed)
		put(&b, tmp, "SHA256SUMS", sums.s ? sums.s : "", sums.len);
	if (!b.failed && rename(tmp, final) != 0) {
		diag_error(diag, final, 0, 0, "cannot create: %s",
		    strerror(errno));
		b.failed = 1;
	}
	if (!b.failed && mark_published(e) != 0) {
		diag_error(diag, e->index_path, 0, 0, "cannot set status: "
		    "published: %s", strerror(errno));
		util_rmtree(final);
		b.failed = 1;
	}
	if (b.failed)
		util_rmtree(tmp);
	buf_free(&sums);
	free(tmp);
	free(final);
	fonts_free(b.fonts);
	hyph_free(b.hyph);
	return b.failed ? -1 : 0;
}

int
build_run(const struct content *c, const char *outdir, const char *assets,
    struct diag *diag)
{
	struct bctx		 b;
	struct html_opts	 o;
	char			*tmp, *old, *page;
	size_t			 i;

	if (bctx_init(&b, c, assets, diag) != 0)
		return -1;

	tmp = xasprintf("%s.tmp-gen", outdir);
	old = xasprintf("%s.old-gen", outdir);
	util_rmtree(tmp);
	util_rmtree(old);
	if (util_mkdirs(tmp) != 0) {
		diag_error(diag, tmp, 0, 0, "cannot create: %s",
		    strerror(errno));
		b.failed = 1;
	}
	for (i = 0; !b.failed && i < c->ned; i++)
		edition(&b, c->ed[i], tmp);
	if (!b.failed) {
		memset(&o, 0, sizeof(o));
		o.measure = &b.measure;
		o.pdf = 1;
		page = html_archive(c, &o);
		put(&b, tmp, "index.html", page, strlen(page));
		free(page);
		static_files(&b, tmp);
	}
	if (!b.failed) {
		if (util_is_dir(outdir) && rename(outdir, old) != 0) {
			diag_error(diag, outdir, 0, 0, "cannot replace: %s",
			    strerror(errno));
			b.failed = 1;
		} else if (rename(tmp, outdir) != 0) {
			diag_error(diag, outdir, 0, 0, "cannot replace: %s",
			    strerror(errno));
			rename(old, outdir);
			b.failed = 1;
		}
	}
	util_rmtree(b.failed ? tmp : old);
	free(tmp);
	free(old);
	fonts_free(b.fonts);
	hyph_free(b.hyph);
	return b.failed ? -1 : 0;
}
