/*
 * util.c: allocation, the growable buffer, files and paths.
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

void
oom(void)
{
	fputs("gen: out of memory\n", stderr);
	abort();
}

void *
xmalloc(size_t n)
{
	void	*p;

	if ((p = malloc(n ? n : 1)) == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t sz)
{
	void	*p;

	if ((p = calloc(n ? n : 1, sz ? sz : 1)) == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n ? n : 1)) == NULL)
		oom();
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t sz)
{
	if (sz && n > SIZE_MAX / sz)
		oom();
	return xrealloc(p, n * sz);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	struct buf	 b = { NULL, 0, 0 };
	va_list		 ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (b.s == NULL)
		return xstrdup("");
	return buf_detach(&b);
}

void
buf_grow(struct buf *b, size_t more)
{
	size_t	 need;

	if (more > SIZE_MAX - b->len - 1)
		oom();
	need = b->len + more + 1;
	if (need <= b->cap)
		return;
	if (b->cap < 64)
		b->cap = 64;
	while (b->cap < need)
		b->cap = b->cap > SIZE_MAX / 2 ? need : b->cap * 2;
	b->s = xrealloc(b->s, b->cap);
}

void
buf_add(struct buf *b, const char *p, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_putc(struct buf *b, int c)
{
	char	 ch = (char)c;

	buf_add(b, &ch, 1);
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list	 aq;
	int	 n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

char *
buf_detach(struct buf *b)
{
	char	*s;

	s = b->s != NULL ? b->s : xstrdup("");
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->s != NULL)
		b->s[0] = '\0';
}

void
buf_free(struct buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

void
buf_html(struct buf *b, const char *s, size_t n)
{
	size_t	 i, start;
	const char *rep;

	for (start = i = 0; i < n; i++) {
		switch (s[i]) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			continue;
		}
		buf_add(b, s + start, i - start);
		buf_puts(b, rep);
		start = i + 1;
	}
	buf_add(b, s + start, n - start);
}

void
buf_html_s(struct buf *b, const char *s)
{
	buf_html(b, s, strlen(s));
}

char *
util_read_file(const char *path, size_t *len)
{
	struct stat	 st;
	char		*p;
	int		 fd, saved;

	if ((fd = open(path, O_RDONLY)) == -1)
		return NULL;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		errno = EISDIR;
		return NULL;
	}
	p = util_read_fd(fd, len);
	saved = errno;
	close(fd);
	errno = saved;
	return p;
}

char *
util_read_fd(int fd, size_t *len)
{
	struct buf	 b = { NULL, 0, 0 };
	char		 tmp[65536];
	ssize_t		 n;
	struct stat	 st;

	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		buf_grow(&b, (size_t)st.st_size);
	for (;;) {
		n = read(fd, tmp, sizeof(tmp));
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			buf_free(&b);
			return NULL;
		}
		if (n == 0)
			break;
		buf_add(&b, tmp, (size_t)n);
	}
	if (b.s == NULL)
		buf_grow(&b, 0), b.s[0] = '\0';
	*len = b.len;
	return b.s;
}

int
util_write_file(const char *path, const void *p, size_t n)
{
	const char	*c = p;
	ssize_t		 w;
	int		 fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644)) == -1)
		return -1;
	while (n > 0) {
		w = write(fd, c, n);
		if (w == -1 && errno == EINTR)
			continue;
		if (w == -1) {
			close(fd);
			return -1;
		}
		c += w;
		n -= (size_t)w;
	}
	return close(fd);
}

int
util_mkdirs(const char *path)
{
	char	*p, *s;

	p = xstrdup(path);
	for (s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0755) == -1 && errno != EEXIST) {
			free(p);
			return -1;
		}
		*s = '/';
	}
	if (mkdir(p, 0755) == -1 && errno != EEXIST) {
		free(p);
		return -1;
	}
	free(p);
	return 0;
}

int
util_rmtree(const char *path)
{
	struct stat	 st;
	char		**names, *sub;
	int		 n, i, rc = 0;

	if (lstat(path, &st) == -1)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlink(path);
	if ((n = util_list_dir(path, &names)) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		sub = util_path_join(path, names[i]);
		if (util_rmtree(sub) == -1)
			rc = -1;
		free(sub);
	}
	util_free_list(names, n);
	if (rmdir(path) == -1)
		rc = -1;
	return rc;
}

int
util_copy_file(const char *from, const char *to)
{
	char	*p;
	size_t	 n;
	int	 rc;

	if ((p = util_read_file(from, &n)) == NULL)
		return -1;
	rc = util_write_file(to, p, n);
	free(p);
	return rc;
}

char *
util_path_join(const char *a, const char *b)
{
	size_t	 n = strlen(a);

	if (n == 0)
		return xstrdup(b);
	if (a[n - 1] == '/')
		return xasprintf("%s%s", a, b);
	return xasprintf("%s/%s", a, b);
}

int
util_is_file(const char *p)
{
	struct stat	 st;

	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

int
util_is_dir(const char *p)
{
	struct stat	 st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

char *
util_basename(const char *p)
{
	size_t	 end, start;

	end = strlen(p);
	while (end > 1 && p[end - 1] == '/')
		end--;
	start = end;
	while (start > 0 && p[start - 1] != '/')
		start--;
	return xstrndup(p + start, end - start);
}

char *
util_dirname(const char *p)
{
	size_t	 end;

	end = strlen(p);
	while (end > 1 && p[end - 1] == '/')
		end--;
	while (end > 0 && p[end - 1] != '/')
		end--;
	while (end > 1 && p[end - 1] == '/')
		end--;
	if (end == 0)
		return xstrdup(".");
	return xstrndup(p, end);
}

char *
util_path_normalize(const char *p)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		*marks = NULL, nmarks = 0, len;
	const char	*s, *e;

	if (p[0] == '/' || p[0] == '\0')
		return NULL;
	for (s = p; *s != '\0'; s = *e ? e + 1 : e) {
		if ((e = strchr(s, '/')) == NULL)
			e = s + strlen(s);
		len = (size_t)(e - s);
		if (len == 0 || (len == 1 && s[0] == '.'))
			continue;
		if (len == 2 && s[0] == '.' && s[1] == '.') {
			if (nmarks == 0) {
				free(marks);
				buf_free(&b);
				return NULL;
			}
			b.len = marks[--nmarks];
			if (b.s != NULL)
				b.s[b.len] = '\0';
			continue;
		}
		marks = xreallocarray(marks, nmarks + 1, sizeof(*marks));
		marks[nmarks++] = b.len;
		if (b.len)
			buf_putc(&b, '/');
		buf_add(&b, s, len);
	}
	free(marks);
	if (b.len == 0) {
		buf_free(&b);
		return xstrdup(".");
	}
	return buf_detach(&b);
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
util_list_dirp(DIR *d, char ***out)
{
	struct dirent	*de;
	char		**v = NULL;
	int		 n = 0;

	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		v = xreallocarray(v, (size_t)n + 1, sizeof(*v));
		v[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(v, (size_t)n, sizeof(*v), cmpstr);
	*out = v;
	return n;
}

int
util_list_dir(const char *path, char ***out)
{
	DIR	*d;

	if ((d = opendir(path)) == NULL)
		return -1;
	return util_list_dirp(d, out);
}

void
util_free_list(char **v, int n)
{
	int	 i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int
util_utf8_valid(const char *s, size_t n, size_t *bad)
{
	int	 nul;

	return util_utf8_check(s, n, bad, &nul);
}

int
util_utf8_check(const char *s, size_t n, size_t *bad, int *nul)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t	 i = 0, k, need;
	uint32_t cp;
	uint64_t w, z = 0;

	*nul = 0;
	while (i < n) {
		/*
		 * ASCII, the common case, eight bytes at a time; z collects
		 * the words' zero bytes (the high bit of each 0x00 byte).
		 */
		while (i + 8 <= n) {
			memcpy(&w, p + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			z |= (w - 0x0101010101010101ULL) & ~w &
			    0x8080808080808080ULL;
			i += 8;
		}
		if (i >= n)
			break;
		if (p[i] < 0x80) {
			if (p[i] == 0)
				*nul = 1;
			i++;
			continue;
		}
		if (p[i] >= 0xc2 && p[i] <= 0xdf)
			need = 1, cp = p[i] & 0x1f;
		else if (p[i] >= 0xe0 && p[i] <= 0xef)
			need = 2, cp = p[i] & 0x0f;
		else if (p[i] >= 0xf0 && p[i] <= 0xf4)
			need = 3, cp = p[i] & 0x07;
		else
			goto fail;
		if (i + need >= n)
			goto fail;
		for (k = 1; k <= need; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				goto fail;
			cp = (cp << 6) | (p[i + k] & 0x3f);
		}
		if ((need == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
		    (need == 3 && (cp < 0x10000 || cp > 0x10ffff)))
			goto fail;
		i += need + 1;
	}
	if (z != 0)
		*nul = 1;
	return 1;
fail:
	if (bad != NULL)
		*bad = i;
	return 0;
}

size_t
util_utf8_len(const char *s, size_t n)
{
	size_t	 i, c = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			c++;
	return c;
}
