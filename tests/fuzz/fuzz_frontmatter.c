/*
 * fuzz_frontmatter.c: front matter YAML on any bytes.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "edition.h"
#include "util.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct diag	 d;
	struct meta	 m;
	char		*s = xstrndup((const char *)data, len);

	diag_init(&d, NULL);
	edition_parse_meta(s, len, "index.md", 1, &m, &d);
	edition_free_meta(&m);
	free(s);
	return 0;
}
