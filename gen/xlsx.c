/*
 * xlsx.c: a sheet of an Excel workbook read as records.  libzip opens
 * the container; each XML part is decompressed as libxml2 asks for
 * bytes, never whole in memory, with no network, no DTD and no entity
 * expansion.  The parts read, in order, by libxml2's streaming reader
 * (xmlTextReader): _rels/.rels (where the workbook is), the workbook
 * (its sheets and date system) and its relationships (the sheet's
 * part, shared strings, styles), the styles (which cell formats are
 * dates), the shared strings; then the sheet, once, by libxml2's SAX2
 * push parser, which builds no nodes and so reads a large sheet three
 * times as fast.  Its merged cells follow its rows, so the messages
 * about the rows are held back until it is known whether the header
 * is merged; if so, that is the one message.
 *
 * A cell becomes the text a CSV export holds: shared, inline and rich
 * text as is; a formula by its cached value; a number in a date format
 * as YYYY-MM-DD (the 1900 date system with its leap-year quirk, or
 * 1904); other numbers whole as "6", else in the fewest digits that
 * read back the same; TRUE and FALSE; an error value as Excel shows it.
 */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/xmlreader.h>
#include <zip.h>

#include "cfile.h"
#include "diag.h"
#include "fmt.h"
#include "util.h"
#include "xlsx.h"

/*
 * Bounds on decompressed bytes, against zip bombs; far above what a
 * register of a million rows needs (its sheet is 0.5 to 1 GB of XML).
 */
#define PART_MAX	((zip_uint64_t)32 << 20)	/* workbook, rels, styles */
#define STRINGS_MAX	((zip_uint64_t)1 << 30)		/* shared strings */
#define SHEET_MAX	((zip_uint64_t)4 << 30)		/* the sheet */
#define TOTAL_MAX	((zip_uint64_t)10 << 30)	/* all parts read */
#define MAX_ROW		1048576				/* Excel's limits */
#define MAX_COL		16384
#define MAX_MERGES	65536

#define XML_OPTS	(XML_PARSE_NONET | XML_PARSE_NOERROR | \
			    XML_PARSE_NOWARNING | XML_PARSE_NOCDATA)

#define SAVE_AS		"open it in Excel and save it as 'Excel Workbook " \
			    "(.xlsx)' without a password, or as 'CSV UTF-8'"

/* A cell range of merged cells, 1-based. */
struct range {
	int	 r1, c1, r2, c2;
};

/* The workbook being read. */
struct wb {
	zip_t		*zip;		/* the container */
	const char	*shown;		/* workbook name in diagnostics */
	struct diag	*diag;		/* where problems go */
	int		 failed;	/* a problem was reported */
	zip_uint64_t	 total;		/* bytes decompressed so far */
	char		*wbpart;	/* the workbook part's name */
	char		*sheet;		/* the chosen sheet's name */
	char		*sheetrel;	/* its relationship id */
	char		*sheetpart;	/* its part's name */
	char		*ssp;		/* shared strings part, or NULL */
	char		*stylep;	/* styles part, or NULL */
	int		 date1904;	/* the 1904 date system */
	struct buf	 ss;		/* shared strings, each NUL-ended */
	size_t		*ssoff;		/* their offsets in ss */
	size_t		 nss;
	unsigned char	*isdate;	/* per cell format (xf): a date */
	size_t		 nxf;
	struct range	*merge;		/* merged ranges of the sheet */
	size_t		 nmerge;
};

/* A part being read (by an xmlTextReader, or the SAX2 parser). */
struct part {
	struct wb	*wb;
	const char	*name;		/* its name in the container */
	zip_file_t	*zf;		/* decompressing */
	zip_uint64_t	 got;		/* bytes handed to libxml2 */
	zip_uint64_t	 max;		/* bound on them */
	int		 over;		/* the bound was reached */
	int		 zerr;		/* libzip failed to read */
	int		 dtd;		/* a document type declaration */
	char		*xmlerr;	/* libxml2's first error */
	int		 xmlline;	/* ... and its line */
	xmlTextReaderPtr r;		/* the reader, or NULL (the sheet) */
};

static void
wb_err(struct wb *wb, const char *fmt, ...) GEN_PRINTF(2, 3);

/* A problem with the workbook as a whole: reported once. */
static void
wb_err(struct wb *wb, const char *fmt, ...)
{
	va_list	 ap;

	if (wb->failed)
		return;
	wb->failed = 1;
	va_start(ap, fmt);
	diag_vmsg(wb->diag, DIAG_ERROR, wb->shown, 0, 0, fmt, ap);
	va_end(ap);
}

int
xlsx_is_zip(const char *data, size_t len)
{
	return len >= 4 && memcmp(data, "PK\003\004", 4) == 0;
}

int
xlsx_is_ole(const char *data, size_t len)
{
	return len >= 8 &&
	    memcmp(data, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0;
}

/* --- parts ------------------------------------------------------------- */

static int
part_io(void *arg, char *out, int len)
{
	struct part	*p = arg;
	zip_int64_t	 n;

	if (p->over || p->zerr)
		return -1;
	if ((n = zip_fread(p->zf, out, (zip_uint64_t)len)) < 0) {
		p->zerr = 1;
		return -1;
	}
	p->got += (zip_uint64_t)n;
	p->wb->total += (zip_uint64_t)n;
	if (p->got > p->max || p->wb->total > TOTAL_MAX) {
		p->over = 1;
		return -1;
	}
	return (int)n;
}

static void
part_xmlerr(void *arg, const char *msg, xmlParserSeverities sev,
    xmlTextReaderLocatorPtr loc)
{
	struct part	*p = arg;
	size_t		 n;

	if (p->xmlerr != NULL || (sev != XML_PARSER_SEVERITY_ERROR &&
	    sev != XML_PARSER_SEVERITY_VALIDITY_ERROR))
		return;
	msg = msg != NULL ? msg : "malformed XML";
	p->xmlerr = xstrndup(msg, strcspn(msg, "\n"));
	n = strlen(p->xmlerr);
	while (n > 0 && isspace((unsigned char)p->xmlerr[n - 1]))
		p->xmlerr[--n] = '\0';
	p->xmlline = loc != NULL ? xmlTextReaderLocatorLineNumber(loc) : 0;
}

/*
 * Opens part name for decompressing.  Returns 0, 1 if it does not
 * exist (reported when required), -1 on failure (reported).
 */
static int
part_zopen(struct wb *wb, struct part *p, const char *name,
    zip_uint64_t max, int required)
{
	zip_stat_t	 st;
	zip_int64_t	 idx;

	memset(p, 0, sizeof(*p));
	p->wb = wb;
	p->name = name;
	p->max = max;
	if ((idx = zip_name_locate(wb->zip, name, 0)) < 0) {
		if (required)
			wb_err(wb, "not an Excel workbook: it has no %s", name);
		return required ? -1 : 1;
	}
	if (zip_stat_index(wb->zip, (zip_uint64_t)idx, 0, &st) != 0) {
		wb_err(wb, "damaged workbook: %s", zip_strerror(wb->zip));
		return -1;
	}
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
	    st.encryption_method != ZIP_EM_NONE) {
		wb_err(wb, "the workbook is protected with a password; "
		    SAVE_AS);
		return -1;
	}
	if ((st.valid & ZIP_STAT_COMP_METHOD) &&
	    st.comp_method != ZIP_CM_STORE &&
	    st.comp_method != ZIP_CM_DEFLATE) {
		wb_err(wb, "%s is compressed in a way Excel does not use; "
		    SAVE_AS, name);
		return -1;
	}
	if ((p->zf = zip_fopen_index(wb->zip, (zip_uint64_t)idx, 0)) == NULL) {
		wb_err(wb, "damaged workbook: %s: %s", name,
		    zip_strerror(wb->zip));
		return -1;
	}
	return 0;
}

/* The same, and a streaming reader of the part's XML. */
static int
part_open(struct wb *wb, struct part *p, const char *name,
    zip_uint64_t max, int required)
{
	int	 rc;

	if ((rc = part_zopen(wb, p, name, max, required)) != 0)
		return rc;
	p->r = xmlReaderForIO(part_io, NULL, p, name, NULL, XML_OPTS);
	if (p->r == NULL) {
		zip_fclose(p->zf);
		p->zf = NULL;
		wb_err(wb, "damaged workbook: %s cannot be read", p->name);
		return -1;
	}
	xmlTextReaderSetErrorHandler(p->r, part_xmlerr, p);
	return 0;
}

/*
 * The next node of the part: 1, 0 at its end, -1 on failure.  A
 * document type declaration is refused: Excel never writes one, and
 * without it no entity can be declared.
 */
static int
part_next(struct part *p)
{
	int	 rc;

	if ((rc = xmlTextReaderRead(p->r)) == 1 &&
	    xmlTextReaderNodeType(p->r) == XML_READER_TYPE_DOCUMENT_TYPE) {
		p->dtd = 1;
		return -1;
	}
	return rc == 1 ? 1 : rc == 0 ? 0 : -1;
}

/* Ends the reading of a part; rc is the last part_next() result. */
static int
part_close(struct part *p, int rc)
{
	struct wb	*wb = p->wb;

	if (rc < 0 || p->over || p->zerr || p->dtd) {
		if (p->over)
			wb_err(wb, "%s decompresses to more than %llu MiB: "
			    "refused as a damaged or malicious workbook",
			    p->name, (unsigned long long)(p->wb->total >
			    TOTAL_MAX ? TOTAL_MAX : p->max) >> 20);
		else if (p->dtd)
			wb_err(wb, "damaged workbook: %s has a document type "
			    "declaration, which Excel never writes", p->name);
		else if (p->zerr)
			wb_err(wb, "damaged workbook: %s: %s", p->name,
			    zip_file_strerror(p->zf));
		else if (p->xmlerr != NULL)
			wb_err(wb, "damaged workbook: %s, line %d: %s",
			    p->name, p->xmlline, p->xmlerr);
		else
			wb_err(wb, "damaged workbook: %s cannot be read",
			    p->name);
		rc = -1;
	}
	xmlFreeTextReader(p->r);
	zip_fclose(p->zf);
	free(p->xmlerr);
	memset(p, 0, sizeof(*p));
	return rc < 0 ? -1 : 0;
}

/* Element's local name is name. */
static int
is_elem(xmlTextReaderPtr r, const char *name)
{
	return xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT &&
	    strcmp((const char *)xmlTextReaderConstLocalName(r), name) == 0;
}

static int
is_end(xmlTextReaderPtr r, const char *name)
{
	return xmlTextReaderNodeType(r) == XML_READER_TYPE_END_ELEMENT &&
	    strcmp((const char *)xmlTextReaderConstLocalName(r), name) == 0;
}

static int
is_text(xmlTextReaderPtr r)
{
	int	 t = xmlTextReaderNodeType(r);

	return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
	    t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
	    t == XML_READER_TYPE_WHITESPACE;
}

/*
 * Up to n attributes of the current element by local name: vals[i] is
 * a copy of names[i]'s value or NULL.  Caller frees the values.
 */
static void
attrs(xmlTextReaderPtr r, const char *const *names, char **vals, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		vals[i] = NULL;
	if (xmlTextReaderMoveToFirstAttribute(r) != 1)
		return;
	do {
		const char *ln = (const char *)xmlTextReaderConstLocalName(r);

		for (i = 0; i < n; i++)
			if (ln != NULL && strcmp(ln, names[i]) == 0 &&
			    vals[i] == NULL)
				vals[i] = xstrdup((const char *)
				    xmlTextReaderConstValue(r));
	} while (xmlTextReaderMoveToNextAttribute(r) == 1);
	(void)xmlTextReaderMoveToElement(r);
}

static void
free_vals(char **vals, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(vals[i]);
}

/* --- relationships and the workbook ------------------------------------ */

/* A part's name from a relationship's target, beside part from. */
static char *
resolve(const char *from, const char *target)
{
	char	*dir, *joined, *norm;

	if (target[0] == '/')
		return xstrdup(target + 1);
	dir = util_dirname(from);
	joined = strcmp(dir, ".") == 0 ? xstrdup(target) :
	    util_path_join(dir, target);
	norm = util_path_normalize(joined);
	free(dir);
	if (norm == NULL)
		return joined;
	free(joined);
	return norm;
}

/* Whether a relationship type ends in /kind. */
static int
rel_is(const char *type, const char *kind)
{
	size_t	 lt = strlen(type), lk = strlen(kind);

	return lt > lk && type[lt - lk - 1] == '/' &&
	    strcmp(type + lt - lk, kind) == 0;
}

/* The relationships part of part from: "dir/_rels/base.rels". */
static char *
rels_of(const char *from)
{
	char	*dir = util_dirname(from), *base = util_basename(from), *s;

	s = strcmp(dir, ".") == 0 ? xasprintf("_rels/%s.rels", base) :
	    xasprintf("%s/_rels/%s.rels", dir, base);
	free(dir);
	free(base);
	return s;
}

/* _rels/.rels: where the workbook part is. */
static int
read_root_rels(struct wb *wb)
{
	static const char *const names[] = { "Type", "Target" };
	struct part	 p;
	char		*v[2];
	int		 rc;

	if ((rc = part_open(wb, &p, "_rels/.rels", PART_MAX, 0)) != 0) {
		if (rc > 0)
			wb->wbpart = xstrdup("xl/workbook.xml");
		return rc < 0 ? -1 : 0;
	}
	while ((rc = part_next(&p)) == 1) {
		if (!is_elem(p.r, "Relationship"))
			continue;
		attrs(p.r, names, v, 2);
		if (v[0] != NULL && v[1] != NULL && wb->wbpart == NULL &&
		    rel_is(v[0], "officeDocument"))
			wb->wbpart = resolve("", v[1]);
		free_vals(v, 2);
	}
	if (wb->wbpart == NULL)
		wb->wbpart = xstrdup("xl/workbook.xml");
	return part_close(&p, rc);
}

static int
true_attr(const char *v)
{
	return v != NULL && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
}

/*
 * The workbook part: the date system, and the sheet named want (any
 * case) or the first; lists the sheets when there is no such sheet.
 */
static int
read_workbook(struct wb *wb, const char *want)
{
	static const char *const names[] = { "name", "id", "date1904" };
	struct part	 p;
	struct buf	 all = { NULL, 0, 0 };
	char		**list = NULL, *v[3];
	size_t		 nlist = 0, i;
	int		 rc;

	if (part_open(wb, &p, wb->wbpart, PART_MAX, 1) != 0)
		return -1;
	while ((rc = part_next(&p)) == 1) {
		if (is_elem(p.r, "workbookPr")) {
			attrs(p.r, names, v, 3);
			wb->date1904 = true_attr(v[2]);
			free_vals(v, 3);
		} else if (is_elem(p.r, "sheet")) {
			attrs(p.r, names, v, 3);
			if (v[0] != NULL && v[1] != NULL &&
			    wb->sheet == NULL &&
			    (want == NULL || strcasecmp(v[0], want) == 0)) {
				wb->sheet = xstrdup(v[0]);
				wb->sheetrel = xstrdup(v[1]);
			}
			if (v[0] != NULL) {
				list = xreallocarray(list, nlist + 1,
				    sizeof(*list));
				list[nlist++] = xstrdup(v[0]);
			}
			free_vals(v, 3);
		}
	}
	if (part_close(&p, rc) == 0 && wb->sheet == NULL) {
		char *hint = NULL;

		for (i = 0; i < nlist; i++)
			buf_printf(&all, "%s'%s'", i ? ", " : "", list[i]);
		if (want == NULL)
			wb_err(wb, "the workbook has no sheets");
		else if (*(hint = diag_hint(want, (const char *const *)list,
		    nlist, NULL)))
			wb_err(wb, "no sheet '%s' in the workbook%s", want, hint);
		else
			wb_err(wb, "no sheet '%s' in the workbook; its sheets "
			    "are %s", want, all.s != NULL ? all.s : "none");
		free(hint);
	}
	for (i = 0; i < nlist; i++)
		free(list[i]);
	free(list);
	buf_free(&all);
	return wb->failed ? -1 : 0;
}

/* The workbook's relationships: the sheet's part, strings, styles. */
static int
read_workbook_rels(struct wb *wb)
{
	static const char *const names[] = { "Id", "Type", "Target" };
	struct part	 p;
	char		*rels, *v[3];
	int		 rc;

	rels = rels_of(wb->wbpart);
	if (part_open(wb, &p, rels, PART_MAX, 1) != 0) {
		free(rels);
		return -1;
	}
	while ((rc = part_next(&p)) == 1) {
		if (!is_elem(p.r, "Relationship"))
			continue;
		attrs(p.r, names, v, 3);
		if (v[0] != NULL && v[1] != NULL && v[2] != NULL) {
			if (strcmp(v[0], wb->sheetrel) == 0 &&
			    wb->sheetpart == NULL) {
				if (rel_is(v[1], "worksheet"))
					wb->sheetpart = resolve(wb->wbpart,
					    v[2]);
				else
					wb_err(wb, "sheet '%s' is a chart or "
					    "dialog sheet, not a worksheet",
					    wb->sheet);
			} else if (rel_is(v[1], "sharedStrings") &&
			    wb->ssp == NULL)
				wb->ssp = resolve(wb->wbpart, v[2]);
			else if (rel_is(v[1], "styles") && wb->stylep == NULL)
				wb->stylep = resolve(wb->wbpart, v[2]);
		}
		free_vals(v, 3);
	}
	rc = part_close(&p, rc);
	free(rels);
	if (rc == 0 && wb->sheetpart == NULL)
		wb_err(wb, "damaged workbook: sheet '%s' has no part",
		    wb->sheet);
	return wb->failed ? -1 : 0;
}

/* --- styles -------------------------------------------------------------- */

/*
 * Whether a number format shows a date: it has a day, month or year
 * outside quoted text, escapes and [..] sections.  'm' in a format
 * with hours or seconds is minutes, so a time of day or elapsed time
 * ([h]:mm) is no date.
 */
static int
date_code(const char *s)
{
	int	 d = 0, m = 0, y = 0, hs = 0;

	for (; *s != '\0'; s++) {
		if (*s == '"') {
			while (s[1] != '\0' && s[1] != '"')
				s++;
			if (s[1] != '\0')
				s++;
		} else if (*s == '\\' || *s == '_' || *s == '*') {
			if (s[1] != '\0')
				s++;
		} else if (*s == '[') {
			/* [h], [mm], [ss]: elapsed time, so 'm' is minutes. */
			if (strchr("hHmMsS", s[1]) != NULL && s[1] != '\0')
				hs = 1;
			while (s[1] != '\0' && s[1] != ']')
				s++;
		} else {
			switch (tolower((unsigned char)*s)) {
			case 'd': d = 1; break;
			case 'm': m = 1; break;
			case 'y': y = 1; break;
			case 'h': case 's': hs = 1; break;
			}
		}
	}
	return d || y || (m && !hs);
}

/* Built-in formats 14-22 and 45-47 are dates and times. */
static int
date_builtin(long id)
{
	return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

/* A custom number format: its id and whether it is a date. */
struct numfmt {
	long	 id;
	int	 date;
};

static long
num_attr(const char *v, long dflt)
{
	char	*end;
	long	 n;

	if (v == NULL)
		return dflt;
	n = strtol(v, &end, 10);
	return end == v ? dflt : n;
}

/* Which cell formats (cellXfs) show dates. */
static int
read_styles(struct wb *wb)
{
	static const char *const names[] = { "numFmtId", "formatCode" };
	struct numfmt	*fmts = NULL;
	long		*xf = NULL;
	struct part	 p;
	size_t		 nfmts = 0, nxf = 0, i, j;
	int		 rc, in_xfs = 0;
	char		*v[2];

	if (wb->stylep == NULL)
		return 0;
	if ((rc = part_open(wb, &p, wb->stylep, PART_MAX, 0)) != 0)
		return rc < 0 ? -1 : 0;
	while ((rc = part_next(&p)) == 1) {
		if (is_elem(p.r, "cellXfs"))
			in_xfs = !xmlTextReaderIsEmptyElement(p.r);
		else if (is_end(p.r, "cellXfs"))
			in_xfs = 0;
		else if (is_elem(p.r, "numFmt")) {
			attrs(p.r, names, v, 2);
			fmts = xreallocarray(fmts, nfmts + 1, sizeof(*fmts));
			fmts[nfmts].id = num_attr(v[0], -1);
			fmts[nfmts++].date = v[1] != NULL && date_code(v[1]);
			free_vals(v, 2);
		} else if (in_xfs && is_elem(p.r, "xf") &&
		    xmlTextReaderDepth(p.r) == 2) {
			attrs(p.r, names, v, 1);
			xf = xreallocarray(xf, nxf + 1, sizeof(*xf));
			xf[nxf++] = num_attr(v[0], 0);
			free_vals(v, 1);
		}
	}
	wb->isdate = xcalloc(nxf ? nxf : 1, 1);
	wb->nxf = nxf;
	for (i = 0; i < nxf; i++) {
		for (j = 0; j < nfmts && fmts[j].id != xf[i]; j++)
			continue;
		wb->isdate[i] = j < nfmts ? (unsigned char)fmts[j].date :
		    (unsigned char)date_builtin(xf[i]);
	}
	free(fmts);
	free(xf);
	return part_close(&p, rc);
}

/* --- strings ------------------------------------------------------------- */

/* Value of a hex digit, or -1. */
static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static void
put_utf8(struct buf *b, unsigned c)
{
	if (c < 0x80)
		buf_putc(b, (int)c);
	else if (c < 0x800) {
		buf_putc(b, (int)(0xc0 | (c >> 6)));
		buf_putc(b, (int)(0x80 | (c & 0x3f)));
	} else {
		buf_putc(b, (int)(0xe0 | (c >> 12)));
		buf_putc(b, (int)(0x80 | ((c >> 6) & 0x3f)));
		buf_putc(b, (int)(0x80 | (c & 0x3f)));
	}
}

/*
 * Appends text as a cell holds it: OOXML writes a character XML cannot
 * hold (a carriage return, a tab) as _xHHHH_.
 */
static void
put_text(struct buf *b, const char *s)
{
	const char	*u;
	unsigned	 c;
	int		 i, h;

	while ((u = strstr(s, "_x")) != NULL) {
		buf_add(b, s, (size_t)(u - s));
		for (c = 0, i = 2; i < 6; i++) {
			if ((h = hexval((unsigned char)u[i])) < 0)
				break;
			c = c * 16 + (unsigned)h;
		}
		if (i == 6 && u[6] == '_' && c != 0 &&
		    (c < 0xd800 || c > 0xdfff)) {
			put_utf8(b, c);
			s = u + 7;
		} else {
			buf_add(b, u, 2);
			s = u + 2;
		}
	}
	buf_puts(b, s);
}

/* Ends shared string number nss, begun at offset start of wb->ss. */
static void
add_string(struct wb *wb, size_t start)
{
	if ((wb->nss & (wb->nss + 1)) == 0 || wb->nss == 0)
		wb->ssoff = xreallocarray(wb->ssoff, wb->nss * 2 + 2,
		    sizeof(*wb->ssoff));
	wb->ssoff[wb->nss++] = start;
	buf_putc(&wb->ss, '\0');
}

/*
 * The shared strings: each <si> holds a <t>, or runs <r> of rich text
 * each with a <t>; phonetic runs <rPh> are not part of the text.
 */
static int
read_strings(struct wb *wb)
{
	struct part	 p;
	size_t		 start = 0;
	int		 rc, in_si = 0, in_t = 0, in_rph = 0;

	if (wb->ssp == NULL)
		return 0;
	if ((rc = part_open(wb, &p, wb->ssp, STRINGS_MAX, 0)) != 0)
		return rc < 0 ? -1 : 0;
	buf_grow(&wb->ss, 1);
	while ((rc = part_next(&p)) == 1) {
		if (is_elem(p.r, "si")) {
			start = wb->ss.len;
			if (xmlTextReaderIsEmptyElement(p.r))
				add_string(wb, start);
			else
				in_si = 1;
		} else if (is_end(p.r, "si") && in_si) {
			add_string(wb, start);
			in_si = 0;
		} else if (is_elem(p.r, "rPh"))
			in_rph = !xmlTextReaderIsEmptyElement(p.r);
		else if (is_end(p.r, "rPh"))
			in_rph = 0;
		else if (is_elem(p.r, "t"))
			in_t = !xmlTextReaderIsEmptyElement(p.r);
		else if (is_end(p.r, "t"))
			in_t = 0;
		else if (in_si && in_t && !in_rph && is_text(p.r))
			put_text(&wb->ss, (const char *)
			    xmlTextReaderConstValue(p.r));
	}
	return part_close(&p, rc);
}

/* --- the sheet ----------------------------------------------------------- */

/* "F12" -> column 6, row 12; either part may be missing (0). */
static int
cell_ref(const char *s, int *col, int *row)
{
	long	 c = 0, r = 0;

	for (; *s >= 'A' && *s <= 'Z'; s++)
		if ((c = c * 26 + (*s - 'A' + 1)) > MAX_COL)
			return -1;
	for (; *s >= '0' && *s <= '9'; s++)
		if ((r = r * 10 + (*s - '0')) > MAX_ROW)
			return -1;
	if (*s != '\0')
		return -1;
	*col = (int)c;
	*row = (int)r;
	return 0;
}

/* A <mergeCell ref="A1:B1">: its range, kept (up to MAX_MERGES). */
static void
add_merge(struct wb *wb, const char *ref)
{
	struct range	 m;
	char		 a[16], *colon;

	if (wb->nmerge >= MAX_MERGES || ref == NULL ||
	    (colon = strchr(ref, ':')) == NULL ||
	    (size_t)(colon - ref) >= sizeof(a))
		return;
	memcpy(a, ref, (size_t)(colon - ref));
	a[colon - ref] = '\0';
	if (cell_ref(a, &m.c1, &m.r1) == 0 &&
	    cell_ref(colon + 1, &m.c2, &m.r2) == 0) {
		wb->merge = xreallocarray(wb->merge, wb->nmerge + 1,
		    sizeof(*wb->merge));
		wb->merge[wb->nmerge++] = m;
	}
}

/* A cell being read. */
struct cell {
	int	 col;		/* 1-based */
	char	 type;		/* 's', 'i' (inline), 'f' (str), 'b', 'e', 'd', 'n' */
	long	 style;		/* index into the cell formats */
	int	 in_v, in_t, in_is, in_rph;
	struct buf v;		/* the value's text */
};

/* The sheet's rows as records. */
struct rows {
	struct wb	*wb;
	csvr_fn		 fn;
	void		*arg;
	int		 row;		/* the row being read */
	int		 lastrow;	/* the row before it */
	int		 lastcol;	/* its last cell read */
	struct buf	 text;		/* field bytes */
	size_t		*off, *lens;
	const char	**ptrs;
	size_t		 nf, capf;
	size_t		 index;		/* records handed on */
	size_t		 nhdr;		/* fields of the header */
	int		 hdrrow;	/* the header's row */
	int		 stop;		/* fn asked to stop, or damage */
	int		 in_c;		/* inside a cell begun well */
	struct cell	 c;
	struct buf	 val;		/* the cell's text */
	struct part	*part;		/* the sheet's part */
	xmlParserCtxtPtr ctxt;		/* libxml2's push parser */
};

static int
is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Whether n bytes of s are only white space (a field trims it). */
static int
blank(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (!is_blank((unsigned char)s[i]))
			return 0;
	return 1;
}

static void
add_field(struct rows *rs, const char *s, size_t n)
{
	while (n > 0 && is_blank((unsigned char)*s))
		s++, n--;
	while (n > 0 && is_blank((unsigned char)s[n - 1]))
		n--;
	if (rs->nf == rs->capf) {
		rs->capf = rs->capf ? rs->capf * 2 : 16;
		rs->off = xreallocarray(rs->off, rs->capf, sizeof(*rs->off));
		rs->lens = xreallocarray(rs->lens, rs->capf, sizeof(*rs->lens));
		rs->ptrs = xreallocarray(rs->ptrs, rs->capf,
		    sizeof(*rs->ptrs));
	}
	rs->off[rs->nf] = rs->text.len;
	rs->lens[rs->nf++] = n;
	buf_add(&rs->text, s, n);
	buf_putc(&rs->text, '\0');
}

/* n in decimal, at least width digits (printf is slow for millions). */
static void
put_uint(struct buf *b, unsigned long long n, int width)
{
	char	 tmp[24];
	int	 i = (int)sizeof(tmp);

	do {
		tmp[--i] = (char)('0' + n % 10);
		n /= 10;
	} while (n > 0 || (int)sizeof(tmp) - i < width);
	buf_add(b, tmp + i, sizeof(tmp) - (size_t)i);
}

/* A serial day number as a date: 1900 or 1904 system. */
static void
put_date(struct buf *b, double x, int date1904, const char *raw)
{
	double	 serial = floor(x);
	int32_t	 days;
	int	 y, m, d;

	if (!(serial >= 0 && serial <= 2958465)) {	/* 9999-12-31 */
		buf_puts(b, raw);
		return;
	}
	if (!date1904 && serial == 0) {
		buf_puts(b, "1900-01-00");	/* what Excel shows */
		return;
	}
	if (!date1904 && serial == 60) {
		buf_puts(b, "1900-02-29");	/* Lotus 1-2-3's leap day */
		return;
	}
	if (date1904)
		days = (int32_t)serial - 24107;
	else
		days = (int32_t)serial - (serial < 60 ? 25568 : 25569);
	fmt_civil(days, &y, &m, &d);
	put_uint(b, (unsigned long long)y, 4);
	buf_putc(b, '-');
	put_uint(b, (unsigned long long)m, 2);
	buf_putc(b, '-');
	put_uint(b, (unsigned long long)d, 2);
}

/* A number cell's text: a date, a whole number, or the shortest form. */
static void
put_number(struct buf *b, const char *raw, int isdate, int date1904)
{
	char		 tmp[40], *end;
	double		 x;
	int		 prec;

	x = strtod(raw, &end);
	if (end == raw || *end != '\0' || !isfinite(x)) {
		buf_puts(b, raw);
		return;
	}
	if (isdate) {
		put_date(b, x, date1904, raw);
		return;
	}
	if (x == floor(x) && fabs(x) < 1e15) {
		if (x < 0)
			buf_putc(b, '-');
		put_uint(b, (unsigned long long)fabs(x), 1);
		return;
	}
	for (prec = 1; prec <= 17; prec++) {
		snprintf(tmp, sizeof(tmp), "%.*g", prec, x);
		if (strtod(tmp, NULL) == x)
			break;
	}
	buf_puts(b, tmp);
}

static void
cell_err(struct rows *rs, int col, const char *fmt, ...) GEN_PRINTF(3, 4);

static void
cell_err(struct rows *rs, int col, const char *fmt, ...)
{
	va_list	 ap;

	rs->wb->failed = 1;
	va_start(ap, fmt);
	diag_vmsg(rs->wb->diag, DIAG_ERROR, rs->wb->shown, rs->row, col,
	    fmt, ap);
	va_end(ap);
}

/* The end of a cell: its text as a field. */
static void
cell_end(struct rows *rs)
{
	struct wb	*wb = rs->wb;
	struct cell	*c = &rs->c;
	struct buf	*out = &rs->val;
	const char	*v = c->v.s != NULL ? c->v.s : "";
	char		*end;
	long		 i;

	switch (c->type) {
	case 's':
		i = strtol(v, &end, 10);
		if (end == v || *end != '\0' || i < 0 || (size_t)i >= wb->nss) {
			cell_err(rs, c->col, "damaged workbook: the cell "
			    "refers to shared string '%s', which does not "
			    "exist", v);
			break;
		}
		buf_puts(out, wb->ss.s + wb->ssoff[i]);
		break;
	case 'i':
	case 'f':
		put_text(out, v);
		break;
	case 'b':
		buf_puts(out, strcmp(v, "1") == 0 ? "TRUE" :
		    strcmp(v, "0") == 0 ? "FALSE" : v);
		break;
	case 'd':
		/* ISO 8601 (Strict workbooks): the date part. */
		buf_add(out, v, strlen(v) > 10 && v[10] == 'T' ? 10 :
		    strlen(v));
		break;
	case 'e':
		buf_puts(out, v);
		break;
	default:
		if (v[0] != '\0')
			put_number(out, v, c->style >= 0 &&
			    (size_t)c->style < wb->nxf &&
			    wb->isdate[c->style], wb->date1904);
		break;
	}
	/*
	 * Only a cell with a value takes a field, after empty ones for the
	 * columns before it: Excel writes empty cells that have a format,
	 * up to the last column (XFD) for a formatted row.
	 */
	if (!blank(out->s, out->len)) {
		while ((int)rs->nf < c->col - 1)
			add_field(rs, "", 0);
		add_field(rs, out->s, out->len);
	}
	buf_reset(out);
}

/* The first merged range that covers part of row, or NULL. */
static const struct range *
merged(const struct wb *wb, int row)
{
	size_t	 i;

	for (i = 0; i < wb->nmerge; i++)
		if (wb->merge[i].r1 <= row && row <= wb->merge[i].r2)
			return &wb->merge[i];
	return NULL;
}

static void
col_name(char *s, int col)
{
	char	 tmp[8];
	int	 n = 0, i;

	for (; col > 0 && n < 7; col = (col - 1) / 26)
		tmp[n++] = (char)('A' + (col - 1) % 26);
	for (i = 0; i < n; i++)
		s[i] = tmp[n - 1 - i];
	s[n] = '\0';
}

/* The end of a row: handed on unless it is empty. */
static void
row_end(struct rows *rs)
{
	struct csvr_rec	 rec;
	size_t		 i, last = 0;

	for (i = 0; i < rs->nf; i++)
		if (rs->lens[i] > 0)
			last = i + 1;
	if (last == 0 || rs->stop)
		goto out;
	if (rs->index == 0) {
		rs->nhdr = last;
		rs->hdrrow = rs->row;
	}
	while (rs->nf < rs->nhdr)
		add_field(rs, "", 0);
	memset(&rec, 0, sizeof(rec));
	rec.nf = last > rs->nhdr ? last : rs->nhdr;
	for (i = 0; i < rec.nf; i++)
		rs->ptrs[i] = rs->text.s + rs->off[i];
	rec.f = rs->ptrs;
	rec.len = rs->lens;
	rec.line = rs->row;
	rec.index = rs->index++;
	rec.delim = ',';
	rec.cells = 1;
	if (rs->fn(rs->arg, &rec) != 0)
		rs->stop = 1;
out:
	rs->nf = 0;
	buf_reset(&rs->text);
}

/*
 * The value of attribute name among a SAX2 element's attributes (five
 * pointers each: local name, prefix, URI, value, end of value), copied
 * into buf; NULL if absent or longer than buf holds.
 */
static const char *
sax_attr(const xmlChar **at, int n, const char *name, char *buf,
    size_t size)
{
	size_t	 len;
	int	 i;

	for (i = 0; i < n; i++, at += 5) {
		if (strcmp((const char *)at[0], name) != 0)
			continue;
		if ((len = (size_t)(at[4] - at[3])) >= size)
			return NULL;
		memcpy(buf, at[3], len);
		buf[len] = '\0';
		return buf;
	}
	return NULL;
}

/*
 * A cell's attributes r, t and s in one pass (a million cells), each
 * copied into its buffer of size bytes, or "" when absent.  Returns -1
 * if one is too long for any cell Excel writes.
 */
static int
cell_attrs(const xmlChar **at, int n, char *r, char *t, char *s,
    size_t size)
{
	const char	*name;
	char		*to;
	size_t		 len;
	int		 i;

	r[0] = t[0] = s[0] = '\0';
	for (i = 0; i < n; i++, at += 5) {
		name = (const char *)at[0];
		if (name[0] == '\0' || name[1] != '\0')
			continue;
		to = name[0] == 'r' ? r : name[0] == 't' ? t :
		    name[0] == 's' ? s : NULL;
		if (to == NULL)
			continue;
		if ((len = (size_t)(at[4] - at[3])) >= size)
			return -1;
		memcpy(to, at[3], len);
		to[len] = '\0';
	}
	return 0;
}

/* A <row r="12">: its number. */
static int
row_start(struct rows *rs, const char *r)
{
	long	 n = num_attr(r, rs->lastrow + 1);

	if (n <= rs->lastrow || n > MAX_ROW) {
		rs->row = rs->lastrow + 1;
		cell_err(rs, 0, "damaged workbook: row %ld is out of order",
		    n);
		return -1;
	}
	rs->row = rs->lastrow = (int)n;
	rs->lastcol = 0;
	rs->nf = 0;
	buf_reset(&rs->text);
	return 0;
}

/* A <c r="F12" t="s" s="3">: its column (gaps filled), type, format. */
static int
cell_start(struct rows *rs, const char *ref, const char *t, const char *s)
{
	struct cell	*c = &rs->c;
	int		 col = rs->lastcol + 1, row = rs->row;

	if (ref != NULL && (cell_ref(ref, &col, &row) != 0 ||
	    col <= rs->lastcol || row != rs->row)) {
		cell_err(rs, rs->lastcol + 1, "damaged workbook: cell '%s' "
		    "is out of order", ref);
		return -1;
	}
	if (col > MAX_COL) {
		cell_err(rs, MAX_COL, "damaged workbook: too many columns");
		return -1;
	}
	c->col = col;
	c->type = t == NULL ? 'n' : strcmp(t, "s") == 0 ? 's' :
	    strcmp(t, "inlineStr") == 0 ? 'i' :
	    strcmp(t, "str") == 0 ? 'f' : strcmp(t, "b") == 0 ? 'b' :
	    strcmp(t, "e") == 0 ? 'e' : strcmp(t, "d") == 0 ? 'd' : 'n';
	c->style = num_attr(s, 0);
	c->in_v = c->in_t = c->in_is = c->in_rph = 0;
	buf_reset(&c->v);
	rs->lastcol = col;
	return 0;
}

/* Stops the parse: fn asked to, or the sheet is damaged. */
static void
sax_stop(struct rows *rs)
{
	rs->stop = 1;
	xmlStopParser(rs->ctxt);
}

/* The sheet's elements that matter (names compared a million times). */
enum elem {
	E_OTHER, E_ROW, E_C, E_V, E_T, E_IS, E_RPH, E_MERGE
};

static enum elem
elem_kind(const char *n)
{
	switch (n[0]) {
	case 'c':
		return n[1] == '\0' ? E_C : E_OTHER;
	case 'v':
		return n[1] == '\0' ? E_V : E_OTHER;
	case 't':
		return n[1] == '\0' ? E_T : E_OTHER;
	case 'i':
		return strcmp(n, "is") == 0 ? E_IS : E_OTHER;
	case 'r':
		return strcmp(n, "row") == 0 ? E_ROW :
		    strcmp(n, "rPh") == 0 ? E_RPH : E_OTHER;
	case 'm':
		return strcmp(n, "mergeCell") == 0 ? E_MERGE : E_OTHER;
	}
	return E_OTHER;
}

static void
sax_start(void *arg, const xmlChar *lname, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **ns, int nat, int ndef,
    const xmlChar **at)
{
	struct rows	*rs = arg;
	struct cell	*c = &rs->c;
	char		 b1[32], b2[32], b3[32];

	(void)prefix, (void)uri, (void)nns, (void)ns, (void)ndef;
	if (rs->stop)
		return;
	switch (elem_kind((const char *)lname)) {
	case E_C:
		if (rs->row == 0)
			break;
		if (cell_attrs(at, nat, b1, b2, b3, sizeof(b1)) != 0 ||
		    cell_start(rs, b1[0] ? b1 : NULL, b2[0] ? b2 : NULL,
		    b3[0] ? b3 : NULL) != 0)
			sax_stop(rs);
		rs->in_c = 1;
		break;
	case E_V:
		c->in_v = 1;
		break;
	case E_T:
		c->in_t = 1;
		break;
	case E_IS:
		c->in_is = 1;
		break;
	case E_RPH:
		c->in_rph = 1;
		break;
	case E_ROW:
		if (row_start(rs, sax_attr(at, nat, "r", b1, sizeof(b1))) != 0)
			sax_stop(rs);
		break;
	case E_MERGE:
		add_merge(rs->wb, sax_attr(at, nat, "ref", b1, sizeof(b1)));
		break;
	case E_OTHER:
		break;
	}
}

static void
sax_end(void *arg, const xmlChar *lname, const xmlChar *prefix,
    const xmlChar *uri)
{
	struct rows	*rs = arg;
	struct cell	*c = &rs->c;

	(void)prefix, (void)uri;
	if (rs->stop)
		return;
	switch (elem_kind((const char *)lname)) {
	case E_C:
		if (rs->in_c)
			cell_end(rs);
		rs->in_c = 0;
		break;
	case E_V:
		c->in_v = 0;
		break;
	case E_T:
		c->in_t = 0;
		break;
	case E_IS:
		c->in_is = 0;
		break;
	case E_RPH:
		c->in_rph = 0;
		break;
	case E_ROW:
		if (rs->row == 0)
			break;
		row_end(rs);
		if (rs->stop)
			xmlStopParser(rs->ctxt);
		break;
	case E_MERGE:
	case E_OTHER:
		break;
	}
}

static void
sax_text(void *arg, const xmlChar *s, int len)
{
	struct rows	*rs = arg;
	struct cell	*c = &rs->c;

	if (!rs->stop && (c->in_v || (c->in_is && c->in_t && !c->in_rph)))
		buf_add(&c->v, (const char *)s, (size_t)len);
}

/* A document type declaration: Excel never writes one.  Refused. */
static void
sax_dtd(void *arg, const xmlChar *name, const xmlChar *pub,
    const xmlChar *sys)
{
	struct rows	*rs = arg;

	(void)name, (void)pub, (void)sys;
	rs->part->dtd = 1;
	sax_stop(rs);
}

static void
sax_error(void *arg, xmlErrorPtr e)
{
	struct rows	*rs = arg;
	struct part	*p = rs->part;
	const char	*msg;
	size_t		 n;

	if (p->xmlerr != NULL || e == NULL || e->level < XML_ERR_ERROR)
		return;
	msg = e->message != NULL ? e->message : "malformed XML";
	p->xmlerr = xstrndup(msg, strcspn(msg, "\n"));
	n = strlen(p->xmlerr);
	while (n > 0 && isspace((unsigned char)p->xmlerr[n - 1]))
		p->xmlerr[--n] = '\0';
	p->xmlline = e->line;
}

/* Reports merged cells m in the header row. */
static void
merged_header(struct rows *rs, const struct range *m)
{
	char		 a[8], b[8];

	col_name(a, m->c1);
	col_name(b, m->c2);
	rs->row = m->r1;
	cell_err(rs, m->c1, "merged cells %s%d:%s%d in the header row (the "
	    "first row that is not empty): unmerge them; the header needs "
	    "each column's name in a cell of its own", a, m->r1, b, m->r2);
}

/*
 * Feeds the sheet's bytes to libxml2's SAX2 push parser: the sheet is
 * the one large part, and building no nodes reads it some three times
 * as fast as xmlTextReader does.  Returns 0 or -1.
 */
static int
sax_parse(struct rows *rs, struct part *p)
{
	xmlSAXHandler	 sax;
	char		 chunk[1 << 16];
	int		 n, rc = 0;

	memset(&sax, 0, sizeof(sax));
	sax.initialized = XML_SAX2_MAGIC;
	sax.startElementNs = sax_start;
	sax.endElementNs = sax_end;
	sax.characters = sax_text;
	sax.cdataBlock = sax_text;
	sax.internalSubset = sax_dtd;
	sax.serror = sax_error;
	rs->part = p;
	if ((rs->ctxt = xmlCreatePushParserCtxt(&sax, rs, NULL, 0,
	    p->name)) == NULL)
		oom();
	(void)xmlCtxtUseOptions(rs->ctxt, XML_OPTS);
	while (!rs->stop && (n = part_io(p, chunk, (int)sizeof(chunk))) > 0)
		if (xmlParseChunk(rs->ctxt, chunk, n, 0) != 0 && !rs->stop)
			rc = -1;
	if (!rs->stop && rc == 0 && !p->over && !p->zerr &&
	    xmlParseChunk(rs->ctxt, NULL, 0, 1) != 0)
		rc = -1;
	if (!rs->stop && !rs->ctxt->wellFormed)
		rc = -1;
	xmlFreeParserCtxt(rs->ctxt);
	rs->ctxt = NULL;
	return p->dtd ? -1 : rc;
}

/*
 * The rows, in one pass.  The merged cells follow them, so what fn
 * reports is held back until they are known: merged cells in the
 * header are then the only message.
 */
static int
read_rows(struct wb *wb, csvr_fn fn, void *arg)
{
	struct rows	 rs;
	struct part	 p;
	struct diag_saved saved;
	struct buf	 held = { NULL, 0, 0 };
	const struct range *m = NULL;
	int		 rc;

	if (part_zopen(wb, &p, wb->sheetpart, SHEET_MAX, 1) != 0)
		return -1;
	memset(&rs, 0, sizeof(rs));
	rs.wb = wb;
	rs.fn = fn;
	rs.arg = arg;
	diag_pause(wb->diag, &saved, &held);
	rc = sax_parse(&rs, &p);
	/* What was made of a merged header says nothing useful. */
	if (rc == 0 && !rs.stop && !wb->failed && rs.index > 0)
		m = merged(wb, rs.hdrrow);
	diag_resume(wb->diag, &saved, &held, m == NULL);
	buf_free(&held);
	if (m != NULL)
		merged_header(&rs, m);
	rc = part_close(&p, rc);
	buf_free(&rs.text);
	buf_free(&rs.c.v);
	buf_free(&rs.val);
	free(rs.off);
	free(rs.lens);
	free(rs.ptrs);
	return rc != 0 || rs.stop || wb->failed ? -1 : 0;
}

/* --- the whole ----------------------------------------------------------- */

static void
wb_free(struct wb *wb)
{
	if (wb->zip != NULL)
		zip_discard(wb->zip);
	free(wb->wbpart);
	free(wb->sheet);
	free(wb->sheetrel);
	free(wb->sheetpart);
	free(wb->ssp);
	free(wb->stylep);
	buf_free(&wb->ss);
	free(wb->ssoff);
	free(wb->isdate);
	free(wb->merge);
}

/* Reports why libzip could not open the container. */
static void
open_err(struct wb *wb, int ze, const char *head, size_t headlen)
{
	zip_error_t	 err;

	if (xlsx_is_ole(head, headlen)) {
		wb_err(wb, "an Excel 97-2003 workbook (.xls), or one protected "
		    "with a password; " SAVE_AS);
		return;
	}
	if (ze == ZIP_ER_NOZIP && xlsx_is_zip(head, headlen)) {
		wb_err(wb, "damaged workbook: its ZIP container is cut short "
		    "or broken; " SAVE_AS);
		return;
	}
	if (ze == ZIP_ER_NOZIP || ze == ZIP_ER_NOENT) {
		wb_err(wb, ze == ZIP_ER_NOZIP ? "not an Excel workbook "
		    "(.xlsx): not a ZIP file; " SAVE_AS : "cannot read: no "
		    "such file");
		return;
	}
	zip_error_init_with_code(&err, ze);
	wb_err(wb, "damaged workbook: %s", zip_error_strerror(&err));
	zip_error_fini(&err);
}

/* Opens the container from the workbook's bytes (data, len). */
static int
wb_open(struct wb *wb, const char *data, size_t len)
{
	zip_source_t	*src;
	zip_error_t	 err;
	char		 head[8];
	size_t		 nhead;
	int		 ze;

	zip_error_init(&err);
	if ((src = zip_source_buffer_create(data, len, 0, &err)) != NULL &&
	    (wb->zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS,
	    &err)) == NULL)
		zip_source_free(src);
	ze = zip_error_code_zip(&err);
	zip_error_fini(&err);
	nhead = len < sizeof(head) ? len : sizeof(head);
	memcpy(head, data, nhead);
	if (wb->zip == NULL) {
		open_err(wb, ze, head, nhead);
		return -1;
	}
	return 0;
}

/* Everything but the rows: the sheet and how to read its cells. */
static int
wb_prepare(struct wb *wb, const char *sheet)
{
	if (read_root_rels(wb) != 0 || read_workbook(wb, sheet) != 0 ||
	    read_workbook_rels(wb) != 0 || read_styles(wb) != 0 ||
	    read_strings(wb) != 0)
		return -1;
	return 0;
}

/*
 * libxml2 prints some problems (a wrong encoding, I/O) straight to
 * standard error; they are reported through diag instead.
 */
static void
libxml_quiet(void *arg, const char *fmt, ...)
{
	(void)arg, (void)fmt;
}

static int
read_wb(const char *data, size_t len, const char *sheet, const char *shown,
    struct diag *diag, csvr_fn fn, void *arg)
{
	struct wb	 wb;
	int		 rc = -1;

	memset(&wb, 0, sizeof(wb));
	wb.shown = shown;
	wb.diag = diag;
	xmlSetGenericErrorFunc(NULL, libxml_quiet);
	if (wb_open(&wb, data, len) == 0 && wb_prepare(&wb, sheet) == 0)
		rc = read_rows(&wb, fn, arg);
	wb_free(&wb);
	return rc;
}

int
xlsx_read(const char *root, const char *path, const char *sheet,
    const char *shown, struct diag *diag, csvr_fn fn, void *arg)
{
	char	*data;
	size_t	 len;
	int	 rc;

	if ((data = cfile_read(root, path, path, &len, diag)) == NULL)
		return -1;
	rc = read_wb(data, len, sheet, shown, diag, fn, arg);
	free(data);
	return rc;
}

int
xlsx_read_mem(const char *data, size_t len, const char *sheet,
    const char *shown, struct diag *diag, csvr_fn fn, void *arg)
{
	return read_wb(data, len, sheet, shown, diag, fn, arg);
}

char *
xlsx_sheet_name(const char *root, const char *path, const char *sheet)
{
	struct wb	 wb;
	struct diag	 quiet;
	char		*name = NULL, *data;
	size_t		 len;

	diag_init(&quiet, NULL);
	if ((data = cfile_read(root, path, path, &len, &quiet)) == NULL)
		return NULL;
	memset(&wb, 0, sizeof(wb));
	wb.shown = path;
	wb.diag = &quiet;
	xmlSetGenericErrorFunc(NULL, libxml_quiet);
	if (wb_open(&wb, data, len) == 0 && read_root_rels(&wb) == 0 &&
	    read_workbook(&wb, sheet) == 0) {
		name = wb.sheet;
		wb.sheet = NULL;
	}
	wb_free(&wb);
	free(data);
	return name;
}
