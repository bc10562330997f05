/*
 * util.h: memory helpers that never return NULL, a growable
 * NUL-terminated byte buffer, and small file and path helpers.
 * Included by every module but chart_cairo.c, by diag.h, and the tests.
 */
#ifndef GEN_UTIL_H
#define GEN_UTIL_H

#include <dirent.h>
#include <stdarg.h>
#include <stddef.h>

#if defined(__GNUC__)
#define GEN_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define GEN_PRINTF(a, b)
#endif

#define GEN_NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Allocation: abort with a message on exhaustion, never return NULL. */
void	 oom(void);		/* says so and aborts */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
/* Returns a newly allocated string; the caller frees it. */
char	*xasprintf(const char *, ...) GEN_PRINTF(1, 2);

/*
 * A growable byte buffer, always NUL-terminated once anything was
 * added.  An all-zero struct buf is a valid empty buffer.
 */
struct buf {
	char	*s;	/* the bytes, NUL-terminated (NULL while empty) */
	size_t	 len;	/* bytes used, not counting the NUL */
	size_t	 cap;	/* bytes allocated */
};

void	 buf_grow(struct buf *, size_t);
void	 buf_add(struct buf *, const char *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_putc(struct buf *, int);
void	 buf_printf(struct buf *, const char *, ...) GEN_PRINTF(2, 3);
void	 buf_vprintf(struct buf *, const char *, va_list);
/* Hands the bytes to the caller (who frees them) and empties the buffer. */
char	*buf_detach(struct buf *);
void	 buf_reset(struct buf *);
void	 buf_free(struct buf *);
/* Appends s with &, <, >, " and ' escaped for HTML text and attributes. */
void	 buf_html(struct buf *, const char *, size_t);
void	 buf_html_s(struct buf *, const char *);

/*
 * Reads a whole file; returns a NUL-terminated buffer the caller frees
 * and sets *len, or NULL with errno set.
 */
char	*util_read_file(const char *, size_t *);
/* The same from an open file descriptor, read to its end (not closed). */
char	*util_read_fd(int, size_t *);
/* Writes a whole file; returns 0 or -1 with errno set. */
int	 util_write_file(const char *, const void *, size_t);
/* Creates a directory and its parents; returns 0 or -1. */
int	 util_mkdirs(const char *);
/* Removes a file or directory tree; returns 0 or -1. */
int	 util_rmtree(const char *);
/* Copies a file; returns 0 or -1. */
int	 util_copy_file(const char *, const char *);
/* Joins two path parts with one '/'; the caller frees the result. */
char	*util_path_join(const char *, const char *);
/* Returns nonzero if the path names an existing regular file / directory. */
int	 util_is_file(const char *);
int	 util_is_dir(const char *);
/* The last component of a path, without trailing slashes; caller frees. */
char	*util_basename(const char *);
/* The directory part of a path ("." when none); caller frees. */
char	*util_dirname(const char *);
/*
 * Lexically normalises a relative path ("a/./b/../c" -> "a/c").
 * Returns NULL for an absolute path or one that climbs above its
 * start; the caller frees the result.
 */
char	*util_path_normalize(const char *);
/* Sorted names in a directory (no "." or ".."); returns count or -1. */
int	 util_list_dir(const char *, char ***);
/* The same for a directory already open; closes it.  Returns count. */
int	 util_list_dirp(DIR *, char ***);
void	 util_free_list(char **, int);

/* Returns 1 if the bytes are valid UTF-8 and sets *bad to the offset of the first invalid byte otherwise. */
int	 util_utf8_valid(const char *, size_t, size_t *bad);
/* The same, also setting *nul if the bytes hold a NUL (in one pass). */
int	 util_utf8_check(const char *, size_t, size_t *bad, int *nul);
/* Number of UTF-8 characters (code points) in the bytes. */
size_t	 util_utf8_len(const char *, size_t);

#endif
