/*
 * publish.c: manifests, verification and copies of frozen editions.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "cfile.h"
#include "diag.h"
#include "edition.h"
#include "fmt.h"
#include "publish.h"
#include "util.h"

static int
sha256_file(const char *root, const char *path, char hex[65],
    struct diag *diag)
{
	struct sha256_ctx	 ctx;
	uint8_t			 d[SHA256_DIGEST_SIZE];
	char			*data;
	size_t			 len, i;

	if ((data = cfile_read(root, path, path, &len, diag)) == NULL)
		return -1;
	sha256_init(&ctx);
	sha256_update(&ctx, len, (const uint8_t *)data);
	sha256_digest(&ctx, sizeof(d), d);
	free(data);
	for (i = 0; i < sizeof(d); i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
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

char *
publish_keyfigs_text(const struct edition *e)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;

	buf_puts(&b, "# name\tvalue\thidden\tshown\n");
	for (i = 0; i < EDITION_NKEYFIG; i++) {
		if (e->kf[i].name == NULL || !e->kf[i].defined)
			continue;
		buf_printf(&b, "%s\t%.17g\t%d\t%s\n", e->kf[i].name,
		    e->kf[i].v, e->kf[i].hidden, e->kf[i].shown);
	}
	return buf_detach(&b);
}

int
publish_read_keyfigs(struct edition *e, struct diag *diag)
{
	char	*path, *text, *line, *next, *f[4];
	size_t	 len, i;
	int	 k, lineno = 0;

	path = util_path_join(e->frozen, "keyfigs.tsv");
	if ((text = cfile_read(e->root, path, path, &len, diag)) == NULL) {
		free(path);
		return -1;
	}
	for (line = text; *line != '\0'; line = next) {
		next = strchr(line, '\n');
		next = next ? (*next = '\0', next + 1) : line + strlen(line);
		lineno++;
		if (line[0] == '#' || line[0] == '\0')
			continue;
		for (k = 0; k < 4; k++) {
			f[k] = line;
			if (k < 3 && (line = strchr(line, '\t')) != NULL)
				*line++ = '\0';
			else if (k < 3)
				break;
		}
		if (k < 4) {
			diag_error(diag, path, lineno, 1, "malformed line");
			continue;
		}
		for (i = 0; i < EDITION_NKEYFIG; i++)
			if (strcmp(f[0], edition_keyfig_names[i]) == 0) {
				free(e->kf[i].name);
				free(e->kf[i].shown);
				e->kf[i].name = xstrdup(f[0]);
				e->kf[i].v = strtod(f[1], NULL);
				e->kf[i].hidden = atoi(f[2]);
				e->kf[i].shown = xstrdup(f[3]);
				e->kf[i].defined = 1;
			}
	}
	free(text);
	free(path);
	return 0;
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
