/*
 * fuzz_halves.c: a register read from a file in two halves at once
 * (bigreg.c read_once()) gives, on any bytes, the register and the
 * messages of the careful reading in memory; aborts where it does not.
 */
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>

#include "bigreg.h"
#include "common.h"
#include "util.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * Loads the bytes from memory, or from a file in two halves: a file in
 * a private folder of /tmp (gen opens content files only beneath their
 * folder, never through /proc/self/fd).
 */
static char	 dir[] = "/tmp/gen-fuzz-halves-XXXXXX";
static char	 path[sizeof(dir) + 8];

static void
cleanup(void)
{
	unlink(path);
	rmdir(dir);
}

static struct reg *
load(const uint8_t *data, size_t len, int halves, struct diag *d,
    struct buf *msgs)
{
	struct diag	 top;
	struct reg	*reg;
	int		 fd;

	diag_init(&top, NULL);
	diag_hold(d, &top, msgs);
	if (!halves)
		return reg_load_mem((const char *)data, len, "f.csv",
		    fuzz_codebook(), d);
	if (path[0] == '\0') {
		if (mkdtemp(dir) == NULL)
			abort();
		snprintf(path, sizeof(path), "%s/f.csv", dir);
		atexit(cleanup);
	}
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) == -1 ||
	    write(fd, data, len) != (ssize_t)len)
		abort();
	close(fd);
	reg = reg_load(dir, path, "f.csv", fuzz_codebook(), d);
	return reg;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct diag	 dm, df;
	struct buf	 bm = { NULL, 0, 0 }, bf = { NULL, 0, 0 };
	struct reg	*a, *b;
	size_t		 i;

	bigreg_set_parallel(1);
	a = load(data, len, 0, &dm, &bm);
	b = load(data, len, 1, &df, &bf);
	if (dm.nerr != df.nerr || dm.nwarn != df.nwarn ||
	    bm.len != bf.len || (bm.len > 0 && memcmp(bm.s, bf.s, bm.len)))
		abort();
	if ((a == NULL) != (b == NULL))
		abort();
	if (a != NULL) {
		if (a->n != b->n || a->npool != b->npool ||
		    a->nregio != b->nregio ||
		    (a->n > 0 && memcmp(a->t, b->t, a->n * sizeof(*a->t))) ||
		    (a->npool > 0 &&
		    memcmp(a->pool, b->pool, a->npool * sizeof(*a->pool))))
			abort();
		for (i = 0; i < a->nregio; i++)
			if (strcmp(a->regio[i], b->regio[i]) != 0)
				abort();
	}
	reg_free(a);
	reg_free(b);
	buf_free(&bm);
	buf_free(&bf);
	return 0;
}
