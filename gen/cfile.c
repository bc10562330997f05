/*
 * cfile.c: opening files of the content folder, and only those.
 *
 * Each path is opened relative to the content folder with openat2(2)
 * and RESOLVE_BENEATH: the kernel refuses any resolution, through
 * "..", an absolute path or a symbolic link, that leaves the folder,
 * so there is no window between a check and the open.  A file is
 * first opened with O_PATH, which opens nothing (a device is never
 * touched), and checked to be regular; then it is opened for reading
 * with O_NONBLOCK, so that even a FIFO swapped in meanwhile cannot
 * block, and checked to be the same file.  Where openat2 is missing
 * (Linux before 5.6, some container filters), each component is
 * opened with O_NOFOLLOW instead and every symbolic link is refused.
 */
#define _GNU_SOURCE
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>

#include <linux/openat2.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfile.h"
#include "diag.h"
#include "util.h"

/* Moves *s past a path's next component; returns it and sets *len. */
static const char *
component(const char **s, size_t *len)
{
	const char	*c;

	for (;;) {
		while (**s == '/')
			(*s)++;
		if (**s == '\0')
			return NULL;
		c = *s;
		*len = strcspn(c, "/");
		*s += *len;
		if (!(*len == 1 && c[0] == '.'))
			return c;
	}
}

/*
 * The part of path after the components of root ("." when none), or
 * NULL if path does not begin with root.
 */
static const char *
rel_of(const char *root, const char *path)
{
	const char	*r = root, *p = path, *rc, *pc, *rest;
	size_t		 rl, pl;

	while ((rc = component(&r, &rl)) != NULL) {
		if ((pc = component(&p, &pl)) == NULL || pl != rl ||
		    memcmp(rc, pc, rl) != 0)
			return NULL;
	}
	rest = p;
	if (component(&rest, &pl) == NULL)
		return ".";
	while (*p == '/' || (p[0] == '.' && p[1] == '/'))
		p++;
	return p;
}

static int
is_link(int fd)
{
	struct stat	 st;

	return fstat(fd, &st) == 0 && S_ISLNK(st.st_mode);
}

/*
 * Without openat2: component by component, refusing symbolic links
 * (EOPNOTSUPP: they cannot be checked) and ".." (EXDEV).
 */
static int
strict(int dfd, const char *rel, int flags)
{
	const char	*s = rel, *c, *next;
	char		*name;
	size_t		 len, nl;
	int		 cur = dfd, fd, last, saved;

	if (rel[0] == '/') {
		errno = EXDEV;
		return -1;
	}
	if ((c = component(&s, &len)) == NULL)
		return openat(dfd, ".", flags | O_CLOEXEC);
	for (;;) {
		next = s;
		last = component(&next, &nl) == NULL;
		name = xstrndup(c, len);
		if (strcmp(name, "..") == 0) {
			fd = -1;
			errno = EXDEV;
		} else
			fd = openat(cur, name, O_NOFOLLOW | O_CLOEXEC | (last ?
			    flags : O_PATH | O_DIRECTORY));
		saved = errno;
		if (fd == -1 && (saved == ENOTDIR || saved == ELOOP)) {
			struct stat st;

			if (fstatat(cur, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
			    S_ISLNK(st.st_mode))
				saved = EOPNOTSUPP;
		}
		free(name);
		if (cur != dfd)
			close(cur);
		if (fd != -1 && last && is_link(fd)) {
			/* O_PATH with O_NOFOLLOW opens the link itself. */
			close(fd);
			fd = -1;
			saved = EOPNOTSUPP;
		}
		if (fd == -1 || last) {
			errno = saved;
			return fd;
		}
		cur = fd;
		c = component(&s, &len);
	}
}

/* Opens rel beneath the folder dfd; -1 with errno (EXDEV: outside). */
static int
beneath(int dfd, const char *rel, int flags)
{
	struct open_how	 how;
	long		 fd;

	memset(&how, 0, sizeof(how));
	how.flags = (unsigned)(flags | O_CLOEXEC);
	how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
	fd = syscall(SYS_openat2, dfd, rel, &how, sizeof(how));
	if (fd == -1 && (errno == ENOSYS || errno == EPERM))
		return strict(dfd, rel, flags);
	return (int)fd;
}

/* Reports why a path cannot be read. */
static void
refuse(struct diag *diag, const char *shown, int err, const struct stat *st)
{
	const char	*what;

	if (st != NULL) {
		what = S_ISDIR(st->st_mode) ? "a folder" :
		    S_ISFIFO(st->st_mode) ? "a FIFO (named pipe)" :
		    S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode) ? "a device" :
		    S_ISSOCK(st->st_mode) ? "a socket" : "not a file";
		diag_error(diag, shown, 0, 0, "is %s, not a regular file; gen "
		    "reads only regular files inside the content folder",
		    what);
	} else if (err == EXDEV)
		diag_error(diag, shown, 0, 0, "leads outside the content "
		    "folder (through a symbolic link, an absolute path or "
		    "'..'); gen reads only files inside it");
	else if (err == EOPNOTSUPP)
		diag_error(diag, shown, 0, 0, "is a symbolic link, which gen "
		    "cannot check on this system (no openat2); copy the file "
		    "into the content folder instead");
	else
		diag_error(diag, shown, 0, 0, "cannot read: %s",
		    strerror(err));
}

/*
 * Opens root and resolves path beneath it with flags; returns the
 * descriptor, or -1 with errno (EINVAL: path is not below root).
 */
static int
resolve(const char *root, const char *path, int flags)
{
	const char	*rel;
	int		 dfd, fd, saved;

	if ((rel = rel_of(root, path)) == NULL) {
		errno = EXDEV;
		return -1;
	}
	if ((dfd = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC)) == -1)
		return -1;
	fd = beneath(dfd, rel, flags);
	saved = errno;
	close(dfd);
	errno = saved;
	return fd;
}

int
cfile_open(const char *root, const char *path, const char *shown,
    struct diag *diag)
{
	struct stat	 st, st2;
	int		 pfd, fd, fl;

	if ((pfd = resolve(root, path, O_PATH)) == -1) {
		refuse(diag, shown, errno, NULL);
		return -1;
	}
	if (fstat(pfd, &st) == -1) {
		refuse(diag, shown, errno, NULL);
		close(pfd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		refuse(diag, shown, 0, &st);
		close(pfd);
		return -1;
	}
	close(pfd);
	if ((fd = resolve(root, path, O_RDONLY | O_NONBLOCK | O_NOCTTY)) ==
	    -1) {
		refuse(diag, shown, errno, NULL);
		return -1;
	}
	if (fstat(fd, &st2) == -1 || !S_ISREG(st2.st_mode) ||
	    st2.st_dev != st.st_dev || st2.st_ino != st.st_ino) {
		diag_error(diag, shown, 0, 0, "changed while gen read it; "
		    "run gen again");
		close(fd);
		return -1;
	}
	if ((fl = fcntl(fd, F_GETFL)) != -1)
		(void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	return fd;
}

char *
cfile_read(const char *root, const char *path, const char *shown,
    size_t *len, struct diag *diag)
{
	char	*text;
	int	 fd;

	if ((fd = cfile_open(root, path, shown, diag)) == -1)
		return NULL;
	if ((text = util_read_fd(fd, len)) == NULL)
		diag_error(diag, shown, 0, 0, "cannot read: %s",
		    strerror(errno));
	close(fd);
	return text;
}

enum cfile_kind
cfile_kind(const char *root, const char *path, struct diag *diag)
{
	struct stat	 st;
	int		 fd;

	if ((fd = resolve(root, path, O_PATH)) == -1) {
		if (errno == ENOENT || errno == ENOTDIR)
			return CFILE_NONE;
		refuse(diag, path, errno, NULL);
		return CFILE_BAD;
	}
	if (fstat(fd, &st) == -1) {
		refuse(diag, path, errno, NULL);
		close(fd);
		return CFILE_BAD;
	}
	close(fd);
	if (S_ISREG(st.st_mode))
		return CFILE_FILE;
	if (S_ISDIR(st.st_mode))
		return CFILE_DIR;
	refuse(diag, path, 0, &st);
	return CFILE_BAD;
}

int
cfile_list(const char *root, const char *dir, char ***out,
    struct diag *diag)
{
	DIR		*d;
	int		 fd;

	if ((fd = resolve(root, dir, O_RDONLY | O_DIRECTORY)) == -1) {
		refuse(diag, dir, errno, NULL);
		return -1;
	}
	if ((d = fdopendir(fd)) == NULL) {
		refuse(diag, dir, errno, NULL);
		close(fd);
		return -1;
	}
	return util_list_dirp(d, out);
}
