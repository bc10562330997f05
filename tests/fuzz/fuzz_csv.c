/*
 * fuzz_csv.c: the CSV reader and the register's validation on any
 * bytes.
 */
#include <stddef.h>
#include <stdint.h>

#include "common.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct diag	 d;
	struct reg	*reg;
	struct regfilter f;
	size_t		*sel, n;

	diag_init(&d, NULL);
	reg = reg_load_mem((const char *)data, len, "fuzz.csv",
	    fuzz_codebook(), &d);
	if (reg != NULL) {
		memset(&f, 0, sizeof(f));
		n = reg_select(reg, &f, &sel);
		if (n != reg->n)
			abort();
		free(sel);
	}
	reg_free(reg);
	return 0;
}
