/*
 * bigreg.c: the quick way to read a very large register (see
 * bigreg.h).  The bets, the two threads, the radix sort of the id
 * hashes and the huge pages live here, so that the register's loader
 * (register.c) only makes sense of rows.
 */
#include <sys/mman.h>

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bigreg.h"
#include "csvread.h"
#include "diag.h"
#include "util.h"

/* A loader and its operations, as the record callback's argument. */
struct pass {
	const struct bigreg_ops	*ops;
	void			*ld;
};

/*
 * Every record goes to the loader; the first row also sizes its
 * tables for the rows the file will likely hold, judged by that row,
 * so that a large register is not copied as it grows.
 */
static int
pass_rec(void *arg, const struct csvr_rec *r)
{
	struct pass	*p = arg;
	size_t		 est;

	if (r->index == 1 && r->rawlen > 0 &&
	    (est = r->total / r->rawlen + 16) <= (1u << 26))
		p->ops->reserve(p->ld, est + est / 8);
	return p->ops->rec(p->ld, r);
}

/*
 * Asks for huge pages under a large array that is about to be filled:
 * a million trajectories otherwise cost ten thousand page faults.  A
 * hint only; nothing changes where the kernel does not take it.
 */
void *
bigreg_alloc(size_t n, size_t size)
{
	void	*p = xreallocarray(NULL, n, size);
#ifdef MADV_HUGEPAGE
	size_t	 len = n * size;
	uintptr_t a = ((uintptr_t)p + 4095) & ~(uintptr_t)4095;
	uintptr_t e = ((uintptr_t)p + len) & ~(uintptr_t)4095;

	if (len >= ((size_t)4 << 20) && e > a)
		(void)madvise((void *)a, e - a, MADV_HUGEPAGE);
#endif
	return p;
}

/*
 * Whether two of the n hashes are equal: an LSD radix sort on 11-bit
 * digits (their counts stay in the first-level cache), then one look at
 * neighbours.  Linear, and streams through memory, where a hash table
 * of a million ids misses the cache on every row.
 */
static int
any_equal(uint64_t *h, size_t n)
{
	enum { BITS = 11, NB = 1 << BITS };
	uint64_t	*tmp, *src = h, *dst, *sw;
	size_t		 cnt[NB], i, sum, c;
	int		 shift, dup = 0;

	if (n < 2)
		return 0;
	tmp = xreallocarray(NULL, n, sizeof(*tmp));
	dst = tmp;
	for (shift = 0; shift < 64; shift += BITS) {
		memset(cnt, 0, sizeof(cnt));
		for (i = 0; i < n; i++)
			cnt[(src[i] >> shift) & (NB - 1)]++;
		for (sum = i = 0; i < NB; i++) {
			c = cnt[i];
			cnt[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			dst[cnt[(src[i] >> shift) & (NB - 1)]++] = src[i];
		sw = src, src = dst, dst = sw;
	}
	for (i = 1; i < n && !dup; i++)
		dup = src[i] == src[i - 1];
	free(tmp);
	return dup;
}

/*
 * A register of at least this many bytes is read by two threads when
 * the machine has two processors: the second reads the second half of
 * the file while the first reads the first.  Tests lower it, and then
 * split the file whatever the machine.
 */
static size_t	 par_min = (size_t)8 << 20;
static int	 par_always;

void
bigreg_set_parallel(size_t min_bytes)
{
	par_min = min_bytes;
	par_always = 1;
}

/* The second half of a register, read by a thread of its own. */
struct half {
	struct pass	 p;		/* its own loader and result */
	struct diag	 diag;		/* counted only */
	const char	*shown;
	struct csvr_file *f;
	size_t		 from;
	int		 rc;
	pthread_t	 th;
};

static void *
half_main(void *arg)
{
	struct half		*h = arg;
	struct csvr_reader	*r;

	/*
	 * Line numbers are unknown here; they only matter in messages, and
	 * a half with any message is dropped (read_once()).  Record 1
	 * sizes the half's tables, as the first row does.
	 */
	r = csvr_reader(h->f, h->from, 1, 1, h->shown, &h->diag, pass_rec,
	    &h->p);
	(void)csvr_feed(r, csvr_size(h->f));
	h->rc = csvr_end(r);
	return NULL;
}

/*
 * Starts reading the second half of the file from offset from, with a
 * fork of the first half's loader.  Returns -1 if it cannot.
 */
static int
half_start(struct half *h, const struct pass *first, const char *shown,
    struct csvr_file *f, size_t from)
{
	memset(h, 0, sizeof(*h));
	diag_init(&h->diag, NULL);
	h->p.ops = first->ops;
	if ((h->p.ld = first->ops->fork(first->ld, &h->diag)) == NULL)
		return -1;
	h->shown = shown;
	h->f = f;
	h->from = from;
	if (pthread_create(&h->th, NULL, half_main, h) != 0) {
		first->ops->drop(h->p.ld);
		return -1;
	}
	return 0;
}

/*
 * Reads a register file once, its encoding checked line by line.  A
 * large one is read in two halves at once, split at a line's start;
 * the second half is taken only if the first ended between two
 * records there and the second gave no message at all.  Otherwise
 * the first reader reads on through the second half itself, so that
 * what is reported, and in what order, is what one reader reports.
 */
static int
read_once(struct pass *p, const char *root, const char *path,
    const char *shown, struct diag *diag)
{
	struct csvr_file	*f;
	struct csvr_reader	*r;
	struct half		 h;
	size_t			 size, split;
	int			 rc, two = 0;

	if ((f = csvr_open(root, path, shown, diag)) == NULL)
		return -1;
	size = csvr_size(f);
	r = csvr_reader(f, 0, 1, 0, shown, diag, pass_rec, p);
	/* The header first: the second half needs its columns. */
	rc = csvr_feed(r, csvr_next_line(f, 0));
	split = csvr_next_line(f, size / 2);
	if (rc == 0 && size >= par_min && split < size && csvr_idle(r) &&
	    (par_always || sysconf(_SC_NPROCESSORS_ONLN) >= 2))
		two = half_start(&h, p, shown, f, split) == 0;
	if (two) {
		rc = csvr_feed(r, split);
		pthread_join(h.th, NULL);
		if (rc == 0 && csvr_idle(r) && h.rc == 0 &&
		    h.diag.nerr == 0 && h.diag.nwarn == 0)
			p->ops->merge(p->ld, h.p.ld);
		else
			two = 0;
		p->ops->drop(h.p.ld);
	}
	if (!two)
		(void)csvr_feed(r, size);
	rc = csvr_end(r);
	csvr_close(f);
	return rc;
}

/*
 * One pass over the file.  With exact set, ids are checked in the
 * loader's table that can say where an id was first seen; without,
 * only their 64-bit hashes are kept and *dup tells whether two are
 * equal.  With once set, the file's encoding is checked as it is read,
 * and *not_utf8 tells that it must be read again (read_once()).
 */
static void *
load_pass(const char *root, const char *path, const char *shown,
    struct diag *diag, const struct bigreg_ops *ops, void *arg, int exact,
    int once, int *dup, int *not_utf8)
{
	struct pass	 p;
	uint64_t	*h;
	size_t		 n;
	int		 rc;

	p.ops = ops;
	p.ld = ops->open(arg, diag, exact);
	if (once && !csvr_workbook(path, NULL, NULL))
		rc = read_once(&p, root, path, shown, diag);
	else
		rc = csvr_read(root, path, shown, diag, pass_rec, &p);
	*not_utf8 = rc == CSVR_NOT_UTF8;
	*dup = 0;
	if (!exact && !*not_utf8) {
		ops->ids(p.ld, &h, &n);
		*dup = any_equal(h, n);
	}
	return ops->close(p.ld, rc, *dup || *not_utf8);
}

/*
 * The first pass reads the file once, holding its diagnostics back, on
 * the two bets.  A file that is not UTF-8 is read again with the
 * encoding settled first; if two id hashes are equal, it is read again
 * with the exact check, which reports each duplicate in its place in
 * file order.  A pass redone drops the messages of the one before.
 */
void *
bigreg_load(const char *root, const char *path, const char *shown,
    struct diag *diag, const struct bigreg_ops *ops, void *arg)
{
	struct diag	 held;
	struct buf	 msgs = { NULL, 0, 0 };
	void		*res;
	int		 dup, not_utf8;

	diag_hold(&held, diag, &msgs);
	res = load_pass(root, path, shown, &held, ops, arg, 0, 1, &dup,
	    &not_utf8);
	if (not_utf8) {
		buf_reset(&msgs);
		diag_hold(&held, diag, &msgs);
		res = load_pass(root, path, shown, &held, ops, arg, 0, 0,
		    &dup, &not_utf8);
	}
	if (!dup)
		diag_release(&held, diag);
	buf_free(&msgs);
	if (dup)
		res = load_pass(root, path, shown, diag, ops, arg, 1, 0, &dup,
		    &not_utf8);
	return res;
}
