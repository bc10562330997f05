/*
 * docblock.c: the YAML body of a ```chart or ```table block (spec 3.2,
 * 3.3) parsed into a struct blockspec, every mistake reported at its
 * line and column; doc.c computes the block from it.  Part of the
 * document (doc.h).
 */
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "chart.h"
#include "diag.h"
#include "doc.h"
#include "edition.h"
#include "fmt.h"
#include "stats.h"
#include "util.h"

static const char *const chart_keys[] = {
	"type", "data", "value", "title", "by", "bin", "order"
};
static const char *const table_keys[] = {
	"data", "columns", "title", "order", "bin"
};

/* The widest histogram bin (days or conversations). */
#define BIN_MAX	100000

int
doc_parse_block(const char *yaml, int is_table, const char *path, int line,
    struct blockspec *bs, struct diag *diag)
{
	yaml_parser_t		 parser;
	yaml_document_t		 d;
	yaml_node_t		*root, *k, *v, *e;
	yaml_node_pair_t	*pr;
	yaml_node_item_t	*it;
	const char		*key, *s;
	const struct chart_typedef *ct;
	char			*hint;
	const char *const	*keys = is_table ? table_keys : chart_keys;
	size_t			 nkeys = is_table ? GEN_NELEM(table_keys) :
				    GEN_NELEM(chart_keys), i;
	int			 nerr = 0, have_type = 0, l, c;
	long long		 bin;

	memset(bs, 0, sizeof(*bs));
	bs->is_table = is_table;
	if (!yaml_parser_initialize(&parser))
		return -1;
	yaml_parser_set_input_string(&parser, (const unsigned char *)yaml,
	    strlen(yaml));
	if (!yaml_parser_load(&parser, &d)) {
		char *why = edition_yaml_problem(&parser, yaml, strlen(yaml),
		    line);

		diag_error(diag, path, line + (int)parser.problem_mark.line,
		    (int)parser.problem_mark.column + 1, "%s block is not "
		    "valid YAML: %s", is_table ? "table" : "chart", why);
		free(why);
		yaml_parser_delete(&parser);
		return -1;
	}
	root = yaml_document_get_root_node(&d);
	if (root == NULL || root->type != YAML_MAPPING_NODE) {
		diag_error(diag, path, line, 1, "a %s block holds lines "
		    "'key: value' (data:, title:, ...)", is_table ? "table" :
		    "chart");
		nerr++;
		goto out;
	}
	for (pr = root->data.mapping.pairs.start;
	    pr < root->data.mapping.pairs.top; pr++) {
		k = yaml_document_get_node(&d, pr->key);
		v = yaml_document_get_node(&d, pr->value);
		l = line + (int)v->start_mark.line;
		c = (int)v->start_mark.column + 1;
		key = k->type == YAML_SCALAR_NODE ?
		    (const char *)k->data.scalar.value : "";
		s = v->type == YAML_SCALAR_NODE ?
		    (const char *)v->data.scalar.value : NULL;
		for (i = 0; i < nkeys; i++)
			if (strcmp(key, keys[i]) == 0)
				break;
		if (i == nkeys) {
			hint = diag_hint(key, keys, nkeys, NULL);
			diag_error(diag, path, line + (int)k->start_mark.line,
			    (int)k->start_mark.column + 1, "unknown key '%s' "
			    "in %s block%s", key, is_table ? "table" : "chart",
			    hint);
			free(hint);
			nerr++;
			continue;
		}
		if (strcmp(key, "columns") == 0) {
			if (v->type == YAML_SCALAR_NODE)
				s = (const char *)v->data.scalar.value;
			if (v->type == YAML_SEQUENCE_NODE) {
				for (it = v->data.sequence.items.start;
				    it < v->data.sequence.items.top; it++) {
					e = yaml_document_get_node(&d, *it);
					s = e && e->type == YAML_SCALAR_NODE ?
					    (const char *)e->data.scalar.value :
					    "";
					if (strcmp(s, "aantal") == 0)
						bs->col_count = 1;
					else if (strcmp(s, "pct") == 0)
						bs->col_pct = 1;
					else {
						diag_error(diag, path, l, c,
						    "columns: '%s' is not "
						    "aantal or pct", s);
						nerr++;
					}
				}
				continue;
			}
			if (s != NULL && strcmp(s, "aantal") == 0)
				bs->col_count = 1;
			else if (s != NULL && strcmp(s, "pct") == 0)
				bs->col_pct = 1;
			else {
				diag_error(diag, path, l, c, "columns must be "
				    "a list of aantal and pct");
				nerr++;
			}
			continue;
		}
		if (s == NULL) {
			diag_error(diag, path, l, c, "%s must be a single "
			    "value", key);
			nerr++;
			continue;
		}
		if (strcmp(key, "type") == 0) {
			if ((ct = chart_type_find(s)) == NULL) {
				const char	*names[CHART_NTYPES];
				struct buf	 all = { NULL, 0, 0 };

				for (i = 0; i < CHART_NTYPES; i++) {
					names[i] = chart_types[i].name;
					buf_printf(&all, "%s%s", i ? ", " : "",
					    names[i]);
				}
				hint = diag_hint(s, names, CHART_NTYPES, NULL);
				diag_error(diag, path, l, c, "unknown chart "
				    "type '%s'%s (%s)", s, hint, all.s);
				free(hint);
				buf_free(&all);
				nerr++;
			} else {
				bs->type = ct->type;
				have_type = 1;
			}
		} else if (strcmp(key, "data") == 0) {
			free(bs->data);
			bs->data = xstrdup(s);
		} else if (strcmp(key, "title") == 0) {
			free(bs->title);
			bs->title = xstrdup(s);
		} else if (strcmp(key, "value") == 0) {
			if (strcmp(s, "pct") == 0)
				bs->pct = 1;
			else if (strcmp(s, "aantal") != 0) {
				diag_error(diag, path, l, c, "value must be "
				    "aantal or pct, not '%s'", s);
				nerr++;
			}
		} else if (strcmp(key, "by") == 0) {
			if (strcmp(s, "jaar") == 0)
				bs->by_year = 1;
			else {
				diag_error(diag, path, l, c, "by: only 'jaar' "
				    "(start year) is supported, not '%s'", s);
				nerr++;
			}
		} else if (strcmp(key, "bin") == 0) {
			if (fmt_parse_int(s, &bin) != 0 || bin < 1 ||
			    bin > BIN_MAX) {
				diag_error(diag, path, l, c, "bin must be a "
				    "whole number from 1 to %d", BIN_MAX);
				nerr++;
			} else
				bs->bin = (double)bin;
		} else if (strcmp(key, "order") == 0) {
			if (strcmp(s, "codebook") == 0)
				bs->order_codebook = 1;
			else if (strcmp(s, "aantal") != 0) {
				diag_error(diag, path, l, c, "order must be "
				    "codebook or aantal");
				nerr++;
			}
		}
	}
	if (bs->data == NULL) {
		diag_error(diag, path, line, 1, "%s block needs 'data:'",
		    is_table ? "table" : "chart");
		nerr++;
	}
	if (!is_table && !have_type && nerr == 0) {
		diag_error(diag, path, line, 1, "chart block needs 'type:' "
		    "(bar, hbar, stacked, histogram, donut, line)");
		nerr++;
	}
	if (is_table && !bs->col_count && !bs->col_pct) {
		bs->col_count = 1;
		bs->col_pct = 1;
	}
	if (bs->title == NULL) {
		diag_error(diag, path, line, 1, "%s block needs 'title:'",
		    is_table ? "table" : "chart");
		nerr++;
	}
out:
	yaml_document_delete(&d);
	yaml_parser_delete(&parser);
	return nerr ? -1 : 0;
}

void
doc_free_block(struct blockspec *bs)
{
	free(bs->data);
	free(bs->title);
	memset(bs, 0, sizeof(*bs));
}

