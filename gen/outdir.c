/*
 * outdir.c: the output folder: what gen may replace, the lock, the
 * temporary folder and the swap.
 */
#define _GNU_SOURCE		/* renameat2(), RENAME_EXCHANGE */
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "outdir.h"
#include "util.h"

/* The marker's first line; the paths gen wrote follow, one a line. */
#define MARKER_HEAD \
	"# gen build wrote this folder and may replace it. Paths it wrote:\n"
/* A build's temporary folder is ".NAME" TMP_TAG "XXXXXX" beside it. */
#define TMP_TAG		".gen-"

struct outdir {
	char	*name;		/* the folder as named, for messages */
	char	*path;		/* resolved absolute path */
	char	*parent;	/* the folder it is in (resolved) */
	char	*base;		/* its last component */
	char	*tmp;		/* this build's temporary folder, or NULL */
	int	 exists;	/* path existed when the lock was taken */
	int	 lockfd;	/* the lock file, or -1 */
	char	*lockpath;	/* its path, once opened */
};

/* A list of relative paths (folders end in '/'), sorted when searched. */
struct plist {
	char	**v;
	size_t	 n;
};

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
plist_free(struct plist *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/*
 * The path made absolute with every symbolic link in its existing part
 * resolved; NULL (errno set) if it cannot be.  Caller frees.
 */
static char *
resolve(const char *path)
{
	char	*r, *dir, *base, *up;

	if ((r = realpath(path, NULL)) != NULL || errno != ENOENT)
		return r;
	base = util_basename(path);
	if (strcmp(base, ".") == 0 || strcmp(base, "..") == 0 ||
	    strchr(base, '/') != NULL) {
		free(base);
		errno = ENOENT;
		return NULL;
	}
	dir = util_dirname(path);
	if ((up = resolve(dir)) != NULL)
		r = util_path_join(up, base);
	free(up);
	free(dir);
	free(base);
	return r;
}

/*
 * Whether the folder at the resolved path a is the folder with stat b
 * or lies inside it, compared by device and inode up a's ancestors
 * (its missing part skipped).
 */
static int
within(const char *a, const struct stat *b)
{
	struct stat	 st;
	char		*p = xstrdup(a), *up;
	int		 r = 0;

	for (;;) {
		if (stat(p, &st) == 0 && st.st_dev == b->st_dev &&
		    st.st_ino == b->st_ino) {
			r = 1;
			break;
		}
		if (strcmp(p, "/") == 0 || strcmp(p, ".") == 0)
			break;
		up = util_dirname(p);
		free(p);
		p = up;
	}
	free(p);
	return r;
}

/* Appends a path to the marker's form: backslash and newline escaped. */
static void
put_escaped(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\\')
			buf_puts(b, "\\\\");
		else if (*s == '\n')
			buf_puts(b, "\\n");
		else
			buf_putc(b, *s);
	}
}

/*
 * Lists the tree under dir into l, relative to the top (prefix),
 * folders with a trailing '/'; the top folder's marker is left out.
 * Anything that is neither a regular file nor a folder is listed as
 * "?" NAME, which no marker holds.  Returns 0 or -1.
 */
static int
walk(const char *dir, const char *prefix, struct plist *l)
{
	struct stat	 st;
	struct buf	 rel = { NULL, 0, 0 };
	char		**names, *sub;
	int		 n, i, rc = 0;

	if ((n = util_list_dir(dir, &names)) < 0)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		if (*prefix == '\0' && strcmp(names[i], OUTDIR_MARKER) == 0)
			continue;
		sub = util_path_join(dir, names[i]);
		buf_reset(&rel);
		buf_puts(&rel, prefix);
		put_escaped(&rel, names[i]);
		if (lstat(sub, &st) == -1)
			rc = -1;
		else if (S_ISDIR(st.st_mode)) {
			buf_putc(&rel, '/');
			l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
			l->v[l->n++] = xstrdup(rel.s);
			rc = walk(sub, rel.s, l);
		} else {
			l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
			l->v[l->n++] = S_ISREG(st.st_mode) ? xstrdup(rel.s) :
			    xasprintf("?%s", rel.s);
		}
		free(sub);
	}
	buf_free(&rel);
	util_free_list(names, n);
	return rc;
}

/*
 * Reads the marker of the folder at path into l (sorted).  Returns 0,
 * or -1 if there is no marker gen wrote.
 */
static int
read_marker(const char *path, struct plist *l)
{
	struct stat	 st;
	char		*m, *text, *line, *nl;
	size_t		 len, hl = strlen(MARKER_HEAD);

	m = util_path_join(path, OUTDIR_MARKER);
	text = lstat(m, &st) == 0 && S_ISREG(st.st_mode) ?
	    util_read_file(m, &len) : NULL;
	free(m);
	if (text == NULL || len < hl || memcmp(text, MARKER_HEAD, hl) != 0) {
		free(text);
		return -1;
	}
	for (line = text + hl; *line != '\0'; line = nl + 1) {
		if ((nl = strchr(line, '\n')) == NULL)
			break;
		l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
		l->v[l->n++] = xstrndup(line, (size_t)(nl - line));
	}
	free(text);
	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), cmpstr);
	return 0;
}

/*
 * Whether gen may replace the folder: missing, empty, or holding only
 * paths its marker lists.  Reports why not and returns -1.
 */
static int
check_owned(const struct outdir *o, struct diag *diag)
{
	struct stat	 st;
	struct plist	 have = { NULL, 0 }, wrote = { NULL, 0 };
	size_t		 i;
	int		 rc = 0;

	if (lstat(o->path, &st) == -1) {
		if (errno == ENOENT)
			return 0;
		diag_error(diag, o->name, 0, 0, "cannot read the output "
		    "folder: %s", strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		diag_error(diag, o->name, 0, 0, "the output folder is not a "
		    "folder");
		return -1;
	}
	if (walk(o->path, "", &have) != 0) {
		diag_error(diag, o->name, 0, 0, "cannot read the output "
		    "folder: %s", strerror(errno));
		rc = -1;
	} else if (have.n > 0 && read_marker(o->path, &wrote) != 0) {
		/* Name a file rather than a folder when there is one. */
		for (i = 0; i + 1 < have.n; i++)
			if (have.v[i][strlen(have.v[i]) - 1] != '/')
				break;
		diag_error(diag, o->name, 0, 0, "the output folder holds "
		    "files gen did not write, such as '%s' (it has no %s "
		    "marker); gen replaces only a folder it wrote itself or "
		    "an empty one: choose another output folder",
		    have.v[i][0] == '?' ? have.v[i] + 1 : have.v[i],
		    OUTDIR_MARKER);
		rc = -1;
	}
	for (i = 0; rc == 0 && i < have.n; i++)
		if (bsearch(&have.v[i], wrote.v, wrote.n, sizeof(*wrote.v),
		    cmpstr) == NULL) {
			diag_error(diag, o->name, 0, 0, "the output folder "
			    "holds '%s', which gen did not write; gen replaces "
			    "only what it wrote itself: move it away or choose "
			    "another output folder", have.v[i][0] == '?' ?
			    have.v[i] + 1 : have.v[i]);
			rc = -1;
		}
	plist_free(&have);
	plist_free(&wrote);
	return rc;
}

/* Refuses an output folder that is, lies in or holds an input. */
static int
check_inputs(const struct outdir *o, const struct outdir_input *in,
    size_t nin, struct diag *diag)
{
	struct stat	 ist, ost;
	char		*real;
	size_t		 i;
	int		 rc = 0, oex;

	oex = stat(o->path, &ost) == 0;
	for (i = 0; i < nin; i++) {
		if (in[i].path == NULL || stat(in[i].path, &ist) == -1 ||
		    (real = realpath(in[i].path, NULL)) == NULL)
			continue;
		if (oex && ost.st_dev == ist.st_dev &&
		    ost.st_ino == ist.st_ino) {
			diag_error(diag, o->name, 0, 0, "the output folder is "
			    "the %s %s, which gen reads; choose another output "
			    "folder", in[i].what, in[i].path);
			rc = -1;
		} else if (within(o->path, &ist)) {
			diag_error(diag, o->name, 0, 0, "the output folder "
			    "lies inside the %s %s, which gen reads; choose an "
			    "output folder outside it", in[i].what,
			    in[i].path);
			rc = -1;
		} else if (oex && within(real, &ost)) {
			diag_error(diag, o->name, 0, 0, "the output folder "
			    "holds the %s %s, which gen reads; choose an "
			    "output folder outside it", in[i].what,
			    in[i].path);
			rc = -1;
		}
		free(real);
	}
	return rc;
}

struct outdir *
outdir_open(const char *path, const struct outdir_input *in, size_t nin,
    struct diag *diag)
{
	struct outdir	*o;

	o = xcalloc(1, sizeof(*o));
	o->lockfd = -1;
	o->name = xstrdup(path);
	if ((o->path = resolve(path)) == NULL) {
		diag_error(diag, path, 0, 0, "cannot use as the output "
		    "folder: %s", strerror(errno));
		outdir_free(o);
		return NULL;
	}
	if (strcmp(o->path, "/") == 0) {
		diag_error(diag, path, 0, 0, "the output folder cannot be the "
		    "root folder");
		outdir_free(o);
		return NULL;
	}
	o->parent = util_dirname(o->path);
	o->base = util_basename(o->path);
	if (check_inputs(o, in, nin, diag) != 0 ||
	    check_owned(o, diag) != 0) {
		outdir_free(o);
		return NULL;
	}
	return o;
}

/* parent/.base + suffix; caller frees. */
static char *
beside(const struct outdir *o, const char *suffix)
{
	return xasprintf("%s/.%s%s", strcmp(o->parent, "/") == 0 ? "" :
	    o->parent, o->base, suffix);
}

/*
 * Whether fd is still the file at path: a build that held the lock
 * removes the lock file before it lets go (outdir_free()), so a build
 * that waited on it must take the lock again on the new file.
 */
static int
still_there(int fd, const char *path)
{
	struct stat	 a, b;

	return fstat(fd, &a) == 0 && stat(path, &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

static int
lock(struct outdir *o, struct diag *diag)
{
	char	*p = beside(o, ".lock");
	int	 rc, said = 0;

	if (util_mkdirs(o->parent) != 0) {
		diag_error(diag, p, 0, 0, "cannot create the lock file: %s",
		    strerror(errno));
		free(p);
		return -1;
	}
	for (;;) {
		if ((o->lockfd = open(p, O_RDWR | O_CREAT | O_CLOEXEC |
		    O_NOFOLLOW, 0644)) == -1) {
			diag_error(diag, p, 0, 0, "cannot create the lock "
			    "file: %s", strerror(errno));
			free(p);
			return -1;
		}
		if ((rc = flock(o->lockfd, LOCK_EX | LOCK_NB)) == -1 &&
		    errno == EWOULDBLOCK) {
			if (diag->out != NULL && !said)
				fprintf(diag->out, "gen: waiting for another "
				    "build into %s to finish\n", o->name);
			said = 1;
			while ((rc = flock(o->lockfd, LOCK_EX)) == -1 &&
			    errno == EINTR)
				continue;
		}
		if (rc == -1 || still_there(o->lockfd, p))
			break;
		close(o->lockfd);
		o->lockfd = -1;
	}
	if (rc == -1) {
		diag_error(diag, p, 0, 0, "cannot lock: %s", strerror(errno));
		close(o->lockfd);
		o->lockfd = -1;
		free(p);
		return -1;
	}
	o->lockpath = p;
	return 0;
}

/*
 * Whether the folder at sub holds nothing but a marker cut short (a
 * build killed while writing it, or right after creating it); if so,
 * removes that marker, so that the folder is empty.
 */
static int
cut_marker(const char *sub)
{
	char	**names, *m, *text;
	size_t	 len = 0;
	int	 n, cut = 0;

	if ((n = util_list_dir(sub, &names)) != 1 ||
	    strcmp(names[0], OUTDIR_MARKER) != 0) {
		if (n >= 0)
			util_free_list(names, n);
		return 0;
	}
	m = util_path_join(sub, OUTDIR_MARKER);
	if ((text = util_read_file(m, &len)) != NULL &&
	    len < strlen(MARKER_HEAD) && memcmp(text, MARKER_HEAD, len) == 0)
		cut = unlink(m) == 0;
	free(text);
	free(m);
	util_free_list(names, n);
	return cut;
}

/*
 * Removes the temporary folders of killed builds beside the output
 * folder: only the lock holder makes them, so under the lock every one
 * there is a leftover.  A folder of that name that gen did not mark is
 * left alone.
 */
static void
clean_leftovers(const struct outdir *o)
{
	struct stat	 st;
	struct plist	 l = { NULL, 0 };
	char		**names, *pre, *sub;
	size_t		 pl;
	int		 n, i;

	if ((n = util_list_dir(o->parent, &names)) < 0)
		return;
	pre = xasprintf(".%s%s", o->base, TMP_TAG);
	pl = strlen(pre);
	for (i = 0; i < n; i++) {
		if (strlen(names[i]) != pl + 6 ||
		    strncmp(names[i], pre, pl) != 0)
			continue;
		sub = util_path_join(o->parent, names[i]);
		if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode) &&
		    (read_marker(sub, &l) == 0 || cut_marker(sub) ||
		    rmdir(sub) == 0))
			util_rmtree(sub);
		plist_free(&l);
		free(sub);
	}
	free(pre);
	util_free_list(names, n);
}

/* A new empty folder beside the output folder; caller frees. */
static char *
make_tmp(const struct outdir *o, struct diag *diag)
{
	char	*t = beside(o, TMP_TAG "XXXXXX");
	mode_t	 um;

	if (mkdtemp(t) == NULL) {
		diag_error(diag, o->name, 0, 0, "cannot create a temporary "
		    "folder beside the output folder: %s", strerror(errno));
		free(t);
		return NULL;
	}
	um = umask(0);
	umask(um);
	chmod(t, 0777 & ~um);
	return t;
}

const char *
outdir_begin(struct outdir *o, struct diag *diag)
{
	char	*m;

	if (lock(o, diag) != 0 || check_owned(o, diag) != 0)
		return NULL;
	o->exists = util_is_dir(o->path);
	clean_leftovers(o);
	if ((o->tmp = make_tmp(o, diag)) == NULL)
		return NULL;
	/* Marked at once, so that a killed build's folder is its own. */
	m = util_path_join(o->tmp, OUTDIR_MARKER);
	if (util_write_file(m, MARKER_HEAD, strlen(MARKER_HEAD)) != 0) {
		diag_error(diag, m, 0, 0, "cannot write: %s",
		    strerror(errno));
		free(m);
		return NULL;
	}
	free(m);
	return o->tmp;
}

const char *
outdir_current(const struct outdir *o)
{
	return o->exists ? o->path : NULL;
}

/* The marker of the finished temporary folder: every path in it. */
static int
write_marker(const struct outdir *o)
{
	struct plist	 l = { NULL, 0 };
	struct buf	 b = { NULL, 0, 0 };
	char		*m;
	size_t		 i;
	int		 rc;

	if (walk(o->tmp, "", &l) != 0)
		return -1;
	if (l.n > 1)
		qsort(l.v, l.n, sizeof(*l.v), cmpstr);
	buf_puts(&b, MARKER_HEAD);
	for (i = 0; i < l.n; i++) {
		buf_puts(&b, l.v[i]);
		buf_putc(&b, '\n');
	}
	m = util_path_join(o->tmp, OUTDIR_MARKER);
	rc = util_write_file(m, b.s, b.len);
	free(m);
	buf_free(&b);
	plist_free(&l);
	return rc;
}

/*
 * For a file system without RENAME_EXCHANGE: two renames, with a
 * moment between them when the output folder is missing.
 */
static int
swap_by_rename(struct outdir *o, struct diag *diag)
{
	char	*old;

	if ((old = make_tmp(o, diag)) == NULL)
		return -1;
	if (rename(o->path, old) != 0) {
		diag_error(diag, o->name, 0, 0, "cannot replace: %s",
		    strerror(errno));
		rmdir(old);
		free(old);
		return -1;
	}
	if (rename(o->tmp, o->path) != 0) {
		diag_error(diag, o->name, 0, 0, "cannot replace: %s",
		    strerror(errno));
		rename(old, o->path);
		free(old);
		return -1;
	}
	util_rmtree(old);
	free(old);
	free(o->tmp);
	o->tmp = NULL;
	return 0;
}

int
outdir_commit(struct outdir *o, struct diag *diag)
{
	int	 rc;

	if (write_marker(o) != 0) {
		diag_error(diag, o->tmp, 0, 0, "cannot write the %s marker: %s",
		    OUTDIR_MARKER, strerror(errno));
		return -1;
	}
	rc = renameat2(AT_FDCWD, o->tmp, AT_FDCWD, o->path, o->exists ?
	    RENAME_EXCHANGE : RENAME_NOREPLACE);
	if (rc == -1 && errno == EINVAL) {
		/* The file system cannot: the lock keeps other builds out. */
		if (o->exists)
			return swap_by_rename(o, diag);
		rc = rename(o->tmp, o->path);
	}
	if (rc == -1) {
		diag_error(diag, o->name, 0, 0, "cannot %s: %s", o->exists ?
		    "replace" : "create", strerror(errno));
		return -1;
	}
	/* The temporary name now holds the previous build, if any. */
	if (o->exists)
		util_rmtree(o->tmp);
	free(o->tmp);
	o->tmp = NULL;
	return 0;
}

void
outdir_free(struct outdir *o)
{
	if (o == NULL)
		return;
	if (o->tmp != NULL)
		util_rmtree(o->tmp);
	if (o->lockfd != -1) {
		/* Nothing is left beside the output folder (see lock()). */
		(void)unlink(o->lockpath);
		close(o->lockfd);
	}
	free(o->lockpath);
	free(o->tmp);
	free(o->name);
	free(o->path);
	free(o->parent);
	free(o->base);
	free(o);
}
