/*
 * fuzz_block.c: chart and table blocks (their YAML and the figures
 * they ask for) on any bytes, against a small register.
 */
#include <stddef.h>
#include <stdint.h>

#include "common.h"
#include "doc.h"
#include "stats.h"
#include "util.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static struct reg	*reg;
	static struct stats	*st;
	static size_t		*sel, n;
	struct regfilter	 f;
	struct blockspec	 bs;
	struct chart		 c;
	struct tblock		 t;
	struct diag		 d;
	char			*s, *err = NULL;

	diag_init(&d, NULL);
	if (reg == NULL) {
		reg = reg_load_mem(fuzz_register, sizeof(fuzz_register) - 1,
		    "r.csv", fuzz_codebook(), &d);
		if (reg == NULL)
			abort();
		memset(&f, 0, sizeof(f));
		n = reg_select(reg, &f, &sel);
		st = stats_new(fuzz_codebook(), reg, sel, n, NULL, 0, 2);
	}
	if (len == 0)
		return 0;
	s = xstrndup((const char *)data + 1, len - 1);
	if (doc_parse_block(s, data[0] & 1, "f.md", 1, &bs, &d) == 0) {
		if (bs.is_table) {
			if (stats_table(st, &bs, &t, &err) == 0)
				tblock_free(&t);
		} else if (stats_chart(st, &bs, &c, &err) == 0) {
			struct chart_layout lay;
			struct buf b = { NULL, 0, 0 };

			chart_layout(&c, 640, NULL, &lay);
			chart_svg(&c, &lay, "f", &b);
			chart_svg_table(&c, &b);
			buf_free(&b);
			chart_layout_free(&lay);
			chart_free(&c);
		}
		free(err);
	}
	doc_free_block(&bs);
	free(s);
	return 0;
}
