/*
 * bigreg.h: the quick way to read a register file, for the very large
 * ones: read once on two bets that nearly always win (the file is
 * UTF-8, checked line by line as it is read; no id repeats, checked by
 * 64-bit hash and a radix sort), tables on huge pages, and from 8 MiB
 * on two threads that read the two halves of the file at once.  Where
 * a bet fails it reads the file again the careful way, so what it
 * reports is what one careful reader reports.  The register's own
 * loader (register.c) is reached through struct bigreg_ops.
 * Included by register.c, and by the tests that make it split small
 * files (tests/unit/test_register.c, tests/fuzz/fuzz_halves.c).
 */
#ifndef GEN_BIGREG_H
#define GEN_BIGREG_H

#include <stddef.h>
#include <stdint.h>

#include "csvread.h"

struct diag;

/* What bigreg_load() asks of the loader that makes sense of the rows. */
struct bigreg_ops {
	/*
	 * A new loader with a result of its own, reporting to diag.  With
	 * exact set it checks ids in a table that says where each was
	 * first seen; without, it only keeps their hashes (ids).
	 */
	void	*(*open)(void *arg, struct diag *, int exact);
	csvr_fn	  rec;		/* every record, the header first */
	/* Sizes a loader's tables for about rows rows (bigreg_alloc). */
	void	 (*reserve)(void *ld, size_t rows);
	/*
	 * A loader for the second half of the file, knowing what ld's
	 * header said, reporting to diag; NULL if ld cannot be split.
	 */
	void	*(*fork)(void *ld, struct diag *);
	/* Appends the rows of half (a fork of ld) to ld's result. */
	void	 (*merge)(void *ld, void *half);
	/* Frees a fork and its result. */
	void	 (*drop)(void *half);
	/* The hashes of the ids read, in *h (may be reordered). */
	void	 (*ids)(void *ld, uint64_t **h, size_t *n);
	/*
	 * Ends a loader after a reading that returned rc (csvr_read()):
	 * reports an empty file, frees the loader and returns its result,
	 * or NULL if rc or fail is nonzero or it reported an error.
	 */
	void	*(*close)(void *ld, int rc, int fail);
};

/*
 * Reads the register file path (csvr_read()) with ops and arg, messages
 * to diag; returns what ops->close() returned for the reading kept.
 */
void	*bigreg_load(const char *root, const char *path, const char *shown,
	    struct diag *, const struct bigreg_ops *ops, void *arg);

/*
 * n elements of size bytes for a table about to be filled, on huge
 * pages where the kernel takes the hint.  Free with free().
 */
void	*bigreg_alloc(size_t n, size_t size);

/*
 * A register file of at least 8 MiB is read by two threads on a
 * machine with two processors.  For tests: from min_bytes on, and
 * whatever the machine.
 */
void	 bigreg_set_parallel(size_t min_bytes);

#endif
