/*
 * csvread.c: CSV records through libcsv, with line numbers, encoding
 * and delimiter detection.  libcsv knows nothing of lines, so the
 * bytes are fed one line at a time: a record that ends while line L is
 * fed ends on line L, and its raw bytes run from the first line fed
 * after the previous record.  Field columns are only worked out when
 * a diagnostic needs one (csvr_field_pos).
 *
 * A reader (csvr_reader) may start anywhere a line starts, so that two
 * threads can read the two halves of a large file; whether it ended
 * between two records is known from the quotes it fed (feed()).
 */
#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <csv.h>

#include "cfile.h"
#include "csvread.h"
#include "diag.h"
#include "util.h"
#include "xlsx.h"

/* Parser state shared with the libcsv callbacks. */
struct rd {
	struct diag	*diag;		/* where problems go */
	const char	*shown;		/* file name in diagnostics */
	csvr_fn		 fn;		/* the caller's record callback */
	void		*arg;		/* its argument */
	const char	*data;		/* the (UTF-8) bytes */
	size_t		 len;		/* how many */
	char		 delim;		/* detected delimiter */
	int		 cp1252;	/* from Windows-1252 or UTF-16: columns count characters */
	struct buf	 text;		/* field bytes of the current record */
	size_t		*off;		/* field offsets into text */
	size_t		*lens;		/* field lengths */
	const char	**ptrs;		/* field pointers handed out */
	size_t		 nf;		/* fields so far in the record */
	size_t		 capf;		/* allocated field slots */
	size_t		 index;		/* records delivered */
	size_t		 rec_start;	/* offset of the record's first line */
	int		 rec_line;	/* its line number */
	int		 in_rec;	/* a record has begun and not ended */
	size_t		 line_end;	/* offset just past the line being fed */
	int		 stopped;	/* the callback asked to stop */
	int		 failed;	/* an error was reported */
	int		 has_nul;	/* data holds a NUL byte somewhere */
	int		 lazy;		/* check each line's encoding as it is fed */
	int		 not_utf8;	/* ... and one was not UTF-8: stopped */
	const char	*map;		/* data is this file mapping, or NULL */
	size_t		 dropped;	/* bytes of map given back so far */
	struct csv_parser p;		/* libcsv, while p_ok */
	int		 p_ok;
	size_t		 pos;		/* offset of the next line to feed */
	int		 line;		/* its number */
	int		 odd;		/* an odd number of '"' fed to p */
};

/*
 * Bytes of a mapped file parsed behind the current record are given
 * back in steps of this size (a multiple of any page size), so that a
 * large register never sits in memory whole.
 */
#define DROP_STEP	((size_t)8 << 20)

/* Gives back the mapped pages before offset upto (still readable). */
static void
drop_before(const char *map, size_t *dropped, size_t upto)
{
	size_t	 end;

	if (map == NULL || upto < *dropped + DROP_STEP)
		return;
	end = upto - upto % DROP_STEP;
	(void)madvise((void *)(map + *dropped), end - *dropped, MADV_DONTNEED);
	*dropped = end;
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void
on_field(void *p, size_t n, void *arg)
{
	struct rd	*rd = arg;
	const char	*s = p;

	if (rd->stopped)
		return;
	if (s == NULL)
		n = 0;
	while (n > 0 && is_space((unsigned char)s[0]))
		s++, n--;
	while (n > 0 && is_space((unsigned char)s[n - 1]))
		n--;
	if (rd->nf == rd->capf) {
		rd->capf = rd->capf ? rd->capf * 2 : 16;
		rd->off = xreallocarray(rd->off, rd->capf, sizeof(*rd->off));
		rd->lens = xreallocarray(rd->lens, rd->capf, sizeof(*rd->lens));
		rd->ptrs = xreallocarray(rd->ptrs, rd->capf, sizeof(*rd->ptrs));
	}
	rd->off[rd->nf] = rd->text.len;
	rd->lens[rd->nf] = n;
	if (rd->text.cap - rd->text.len < n + 2)
		buf_grow(&rd->text, n + 2);
	if (n > 0)
		memcpy(rd->text.s + rd->text.len, s, n);
	rd->text.len += n;
	rd->text.s[rd->text.len++] = '\0';
	rd->nf++;
}

static void
on_row(int term, void *arg)
{
	struct rd	*rd = arg;
	struct csvr_rec	 rec;
	size_t		 i, nonempty;

	(void)term;
	memset(&rec, 0, sizeof(rec));
	if (rd->stopped) {
		rd->nf = 0;
		buf_reset(&rd->text);
		return;
	}
	for (nonempty = i = 0; i < rd->nf; i++) {
		rd->ptrs[i] = rd->text.s + rd->off[i];
		if (rd->lens[i] > 0)
			nonempty++;
	}
	if (nonempty > 0) {
		for (i = 0; rd->has_nul && i < rd->nf; i++) {
			if (memchr(rd->ptrs[i], '\0', rd->lens[i]) != NULL) {
				int l, c;

				rec.raw = rd->data + rd->rec_start;
				rec.rawlen = rd->line_end - rd->rec_start;
				rec.delim = rd->delim;
				rec.cp1252 = rd->cp1252;
				rec.line = rd->rec_line;
				csvr_field_pos(&rec, i, &l, &c);
				diag_error(rd->diag, rd->shown, l, c,
				    "NUL byte in field");
				rd->failed = 1;
				goto out;
			}
		}
		rec.nf = rd->nf;
		rec.f = rd->ptrs;
		rec.len = rd->lens;
		rec.line = rd->rec_line;
		rec.index = rd->index++;
		rec.total = rd->len;
		rec.raw = rd->data + rd->rec_start;
		rec.rawlen = rd->line_end - rd->rec_start;
		rec.delim = rd->delim;
		rec.cp1252 = rd->cp1252;
		if (rd->fn(rd->arg, &rec) != 0)
			rd->stopped = 1;
	}
out:
	rd->nf = 0;
	rd->in_rec = 0;
	buf_reset(&rd->text);
}

/*
 * Picks ';', ',' or a tab (Excel's "Text" export) by counting them
 * outside quotes on the first line.
 */
static char
detect_delim(const char *s, size_t n)
{
	size_t	 i, commas = 0, semis = 0, tabs = 0;
	int	 q = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			q = !q;
		else if (!q && s[i] == '\n')
			break;
		else if (!q && s[i] == ',')
			commas++;
		else if (!q && s[i] == ';')
			semis++;
		else if (!q && s[i] == '\t')
			tabs++;
	}
	if (tabs > commas && tabs > semis)
		return '\t';
	return semis > commas ? ';' : ',';
}

/* Windows-1252 bytes 0x80..0x9f as Unicode. */
static const unsigned short cp1252[32] = {
	0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
	0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178
};

static char *
from_cp1252(const char *s, size_t n, size_t *outlen)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;
	unsigned	 c;

	buf_grow(&b, n + n / 4);
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c < 0x80) {
			buf_putc(&b, (int)c);
			continue;
		}
		if (c < 0xa0)
			c = cp1252[c - 0x80];
		if (c < 0x800) {
			buf_putc(&b, (int)(0xc0 | (c >> 6)));
			buf_putc(&b, (int)(0x80 | (c & 0x3f)));
		} else {
			buf_putc(&b, (int)(0xe0 | (c >> 12)));
			buf_putc(&b, (int)(0x80 | ((c >> 6) & 0x3f)));
			buf_putc(&b, (int)(0x80 | (c & 0x3f)));
		}
	}
	*outlen = b.len;
	return buf_detach(&b);
}

static void
line_col(const char *s, size_t off, int *line, int *col)
{
	size_t	 i, start = 0;
	int	 l = 1;

	for (i = 0; i < off; i++)
		if (s[i] == '\n')
			l++, start = i + 1;
	*line = l;
	*col = (int)(off - start) + 1;
}

void
csvr_field_pos(const struct csvr_rec *r, size_t want, int *line, int *col)
{
	size_t	 i, field = 0, start = 0, lstart = 0;
	int	 q = 0, l = r->line;

	if (r->cells) {
		*line = r->line;
		*col = (int)want + 1;
		return;
	}
	for (i = 0; i < r->rawlen && field < want; i++) {
		if (r->raw[i] == '"')
			q = !q;
		else if (r->raw[i] == '\n') {
			l++;
			lstart = i + 1;
		} else if (!q && r->raw[i] == r->delim) {
			field++;
			start = i + 1;
		}
	}
	if (field < want)
		start = r->rawlen;
	while (start < r->rawlen && (r->raw[start] == ' ' ||
	    (r->raw[start] == '\t' && r->delim != '\t')))
		start++;
	*line = l;
	if (r->cp1252)
		*col = (int)util_utf8_len(r->raw + lstart, start - lstart) + 1;
	else
		*col = (int)(start - lstart) + 1;
}

const char *
csvr_next_code(const char **sp, size_t *len)
{
	const char	*s = *sp, *e;
	size_t		 n;

	for (; *s != '\0'; s = *e ? e + 1 : e) {
		if ((e = strchr(s, ';')) == NULL)
			e = s + strlen(s);
		while (s < e && is_space((unsigned char)*s))
			s++;
		n = (size_t)(e - s);
		while (n > 0 && is_space((unsigned char)s[n - 1]))
			n--;
		if (n > 0) {
			*sp = *e ? e + 1 : e;
			*len = n;
			return s;
		}
	}
	*sp = s;
	return NULL;
}

char *
csvr_lower(char *s)
{
	char	*p;

	for (p = s; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return s;
}

static int
blank_line(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (!is_space((unsigned char)s[i]))
			return 0;
	return 1;
}

/* (Re)starts libcsv on a new record stream. */
static void
restart(struct rd *rd)
{
	if (rd->p_ok)
		csv_free(&rd->p);
	if (csv_init(&rd->p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		oom();
	csv_set_delim(&rd->p, (unsigned char)rd->delim);
	rd->p_ok = 1;
	rd->odd = 0;
}

/*
 * Whether n bytes of s hold an odd number of quotes.  Eight bytes at a
 * time: a byte of x is zero where s has a quote, and the expression
 * sets the high bit of exactly those bytes (no borrow crosses bytes);
 * acc keeps the parity of each byte lane.
 */
static int
odd_quotes(const char *s, size_t n)
{
	const uint64_t	 lo7 = 0x7f7f7f7f7f7f7f7fULL;
	uint64_t	 w, x, acc = 0;
	size_t		 i = 0;
	int		 odd = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		x = w ^ 0x2222222222222222ULL;
		acc ^= ~(((x & lo7) + lo7) | x) & ~lo7;
	}
	for (; i < n; i++)
		odd ^= s[i] == '"';
	acc ^= acc >> 32;
	acc ^= acc >> 16;
	acc ^= acc >> 8;
	return odd ^ (int)((acc >> 7) & 1);
}

/*
 * Feeds libcsv the lines that begin before offset to.  The quotes fed
 * are counted: in strict mode a quote only opens or closes a quoted
 * field or doubles inside one, so an odd count means a quoted field is
 * open, which the record callbacks alone cannot tell (a lone carriage
 * return ends a record in the middle of a line).
 */
static void
feed(struct rd *rd, size_t to)
{
	const char	*s = rd->data, *nl;
	size_t		 end, got;
	int		 l, c;

	while (rd->pos < to && !rd->stopped) {
		nl = memchr(s + rd->pos, '\n', rd->len - rd->pos);
		end = nl != NULL ? (size_t)(nl - s) + 1 : rd->len;
		rd->line_end = end;
		/* A sequence never spans a line: '\n' is no continuation byte. */
		if (rd->lazy) {
			size_t	 b;
			int	 z;

			if (!util_utf8_check(s + rd->pos, end - rd->pos, &b,
			    &z)) {
				rd->not_utf8 = rd->stopped = 1;
				break;
			}
			rd->has_nul |= z;
		}
		if (!rd->in_rec && !rd->odd) {
			if (blank_line(s + rd->pos, end - rd->pos)) {
				rd->pos = end;
				rd->line++;
				continue;
			}
			rd->in_rec = 1;
			rd->rec_start = rd->pos;
			rd->rec_line = rd->line;
			if (rd->map != NULL)
				drop_before(rd->map, &rd->dropped,
				    (size_t)(rd->data - rd->map) + rd->pos);
		}
		rd->odd ^= odd_quotes(s + rd->pos, end - rd->pos);
		got = csv_parse(&rd->p, s + rd->pos, end - rd->pos, on_field,
		    on_row, rd);
		if (got < end - rd->pos) {
			l = rd->line;
			c = (int)got + 1;
			diag_error(rd->diag, rd->shown, l, c,
			    "malformed quoting: a quote inside an unquoted "
			    "field, or text after a closing quote");
			rd->failed = 1;
			/* Start afresh on the next line. */
			restart(rd);
			rd->nf = 0;
			rd->in_rec = 0;
			buf_reset(&rd->text);
		}
		rd->pos = end;
		rd->line++;
	}
}

/* At the end of the bytes: the last record, or an unclosed quote. */
static void
finish(struct rd *rd)
{
	int	 l, c;

	if (!rd->stopped && csv_fini(&rd->p, on_field, on_row, rd) != 0) {
		struct csvr_rec	 rec;

		/* The open field is the one after those already ended. */
		memset(&rec, 0, sizeof(rec));
		rec.raw = rd->data + rd->rec_start;
		rec.rawlen = rd->len - rd->rec_start;
		rec.delim = rd->delim;
		rec.cp1252 = rd->cp1252;
		rec.line = rd->rec_line;
		csvr_field_pos(&rec, rd->nf, &l, &c);
		diag_error(rd->diag, rd->shown, l, c,
		    "unterminated quoted field (a '\"' is never closed)");
		rd->failed = 1;
	}
}

/* What a reading came to: 0, -1 (errors, or stopped), CSVR_NOT_UTF8. */
static int
outcome(const struct rd *rd)
{
	if (rd->not_utf8)
		return CSVR_NOT_UTF8;
	return rd->failed || rd->stopped ? -1 : 0;
}

static void
rd_free(struct rd *rd)
{
	if (rd->p_ok)
		csv_free(&rd->p);
	buf_free(&rd->text);
	free(rd->off);
	free(rd->lens);
	free(rd->ptrs);
}

/*
 * UTF-8 check of a file mapping, chunk by chunk; also tells whether the
 * bytes hold a NUL (*nul).  The pages stay: parsing reads them next and
 * gives them back behind it, while the trajectories it keeps grow, so
 * the peak stays near the file's size.
 */
static int
map_utf8_valid(const char *data, size_t len, size_t *bad, int *nul)
{
	size_t	 pos = 0, n, b;
	int	 z;

	while (pos < len) {
		n = len - pos < DROP_STEP ? len - pos : DROP_STEP;
		/* Stop short of a sequence cut at the chunk's end. */
		if (pos + n < len)
			while (n > 0 &&
			    ((unsigned char)data[pos + n] & 0xc0) == 0x80)
				n--;
		if (n == 0)
			n = len - pos < DROP_STEP ? len - pos : DROP_STEP;
		if (!util_utf8_check(data + pos, n, &b, &z)) {
			*bad = pos + b;
			return 0;
		}
		*nul |= z;
		pos += n;
	}
	return 1;
}

/* Strips a UTF-8 byte order mark. */
static void
skip_bom(const char **data, size_t *len)
{
	if (*len >= 3 && memcmp(*data, "\xef\xbb\xbf", 3) == 0) {
		*data += 3;
		*len -= 3;
	}
}

#define SAVE_CSV	"open it in Excel and save it as 'CSV UTF-8'"

/* UTF-16 after its byte order mark, as UTF-8 in *conv; -1 if invalid. */
static int
from_utf16(const char **data, size_t *len, char **conv, const char *enc,
    const char *shown, struct diag *diag)
{
	iconv_t	 cd;
	char	*in = (char *)(uintptr_t)(*data + 2), *out;
	size_t	 inleft = *len - 2, outleft, cap;

	if ((cd = iconv_open("UTF-8", enc)) == (iconv_t)-1) {
		diag_error(diag, shown, 0, 0, "UTF-16 text cannot be "
		    "converted here; " SAVE_CSV);
		return -1;
	}
	cap = inleft / 2 * 3 + 16;
	*conv = out = xmalloc(cap);
	outleft = cap;
	if (iconv(cd, &in, &inleft, &out, &outleft) == (size_t)-1) {
		diag_error(diag, shown, 0, 0, "not valid UTF-16 (at byte "
		    "%zu); " SAVE_CSV, (size_t)(in - *data));
		iconv_close(cd);
		free(*conv);
		*conv = NULL;
		return -1;
	}
	iconv_close(cd);
	*data = *conv;
	*len = cap - outleft;
	return 1;
}

/*
 * Settles the bytes' encoding before parsing: a UTF-8 byte order mark
 * is skipped; UTF-16 with a byte order mark (Excel's "Unicode text")
 * is converted to UTF-8 in *conv (returns 1); UTF-16 without one, a
 * workbook or an Excel 97-2003 file is refused with one message that
 * says what to do (returns -1).  Returns 0 otherwise.
 */
static int
settle(const char **data, size_t *len, char **conv, const char *shown,
    struct diag *diag)
{
	const unsigned char *u = (const unsigned char *)*data;
	size_t		 n = *len;

	*conv = NULL;
	if (n >= 2 && u[0] == 0xff && u[1] == 0xfe)
		return from_utf16(data, len, conv, "UTF-16LE", shown, diag);
	if (n >= 2 && u[0] == 0xfe && u[1] == 0xff)
		return from_utf16(data, len, conv, "UTF-16BE", shown, diag);
	if (xlsx_is_zip(*data, n)) {
		diag_error(diag, shown, 0, 0, "an Excel workbook (or another "
		    "ZIP file), not text; give a workbook a name that ends "
		    "in .xlsx");
		return -1;
	}
	if (xlsx_is_ole(*data, n)) {
		diag_error(diag, shown, 0, 0, "an Excel 97-2003 workbook "
		    "(.xls) or one protected with a password, not text; "
		    SAVE_CSV " or as 'Excel Workbook (.xlsx)'");
		return -1;
	}
	if (n >= 4 && ((u[0] != 0 && u[1] == 0 && u[2] != 0 && u[3] == 0) ||
	    (u[0] == 0 && u[1] != 0 && u[2] == 0 && u[3] != 0))) {
		diag_error(diag, shown, 0, 0, "UTF-16 text without a byte "
		    "order mark; " SAVE_CSV);
		return -1;
	}
	skip_bom(data, len);
	return 0;
}

/*
 * Reads bytes in memory whole, the encoding settled first; chars: the
 * bytes were converted from UTF-16, and a column counts characters.
 */
static int
read_mem(const char *data, size_t len, const char *map, int chars,
    const char *shown, struct diag *diag, csvr_fn fn, void *arg)
{
	struct rd	 rd;
	char		*conv = NULL;
	size_t		 bad;
	int		 l, c, rc, valid;

	memset(&rd, 0, sizeof(rd));
	rd.diag = diag;
	rd.shown = shown;
	rd.fn = fn;
	rd.arg = arg;
	rd.line = 1;
	rd.cp1252 = chars;
	valid = map != NULL ? map_utf8_valid(data, len, &bad, &rd.has_nul) :
	    util_utf8_valid(data, len, &bad);
	if (valid)
		rd.map = map;
	if (map == NULL || !valid)
		rd.has_nul = memchr(data, '\0', len) != NULL;
	if (!valid) {
		line_col(data, bad, &l, &c);
		diag_warn(diag, shown, l, c, "not valid UTF-8; "
		    "reading the file as Windows-1252");
		conv = from_cp1252(data, len, &len);
		data = conv;
		rd.cp1252 = 1;
	}
	rd.data = data;
	rd.len = len;
	rd.delim = detect_delim(data, len);
	restart(&rd);
	feed(&rd, len);
	finish(&rd);
	rc = outcome(&rd);
	free(conv);
	rd_free(&rd);
	return rc;
}

int
csvr_read_mem(const char *data, size_t len, const char *shown,
    struct diag *diag, csvr_fn fn, void *arg)
{
	char	*conv;
	int	 rc, chars;

	if ((chars = settle(&data, &len, &conv, shown, diag)) < 0)
		return -1;
	rc = read_mem(data, len, NULL, chars, shown, diag, fn, arg);
	free(conv);
	return rc;
}

/* An open CSV file (csvr_open). */
struct csvr_file {
	char		*map;		/* the file mapped, or NULL */
	size_t		 maplen;
	char		*copy;		/* or its bytes read whole */
	const char	*data;		/* the bytes after a byte order mark */
	size_t		 len;
	char		 delim;
	int		 chars;		/* converted from UTF-16 */
};

/*
 * A regular file of the content folder (opened through cfile, so it
 * is one) is mapped rather than read, and parsed pages are given back
 * (drop_before), so memory stays flat however long the file; an empty
 * one is read.
 */
struct csvr_file *
csvr_open(const char *root, const char *path, const char *shown,
    struct diag *diag)
{
	struct csvr_file *f;
	struct stat	 st;
	void		*map;
	char		*conv;
	int		 fd;

	if ((fd = cfile_open(root, path, shown, diag)) == -1)
		return NULL;
	f = xcalloc(1, sizeof(*f));
	if (fstat(fd, &st) == -1) {
		close(fd);
		goto fail;
	}
	if (S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (uintmax_t)st.st_size < SIZE_MAX) {
		f->maplen = (size_t)st.st_size;
		map = mmap(NULL, f->maplen, PROT_READ, MAP_PRIVATE, fd, 0);
		close(fd);
		if (map == MAP_FAILED)
			goto fail;
		(void)madvise(map, f->maplen, MADV_SEQUENTIAL);
		f->map = map;
		f->data = f->map;
		f->len = f->maplen;
	} else {
		f->copy = util_read_fd(fd, &f->len);
		close(fd);
		if (f->copy == NULL)
			goto fail;
		f->data = f->copy;
	}
	if ((f->chars = settle(&f->data, &f->len, &conv, shown, diag)) < 0) {
		csvr_close(f);
		return NULL;
	}
	if (conv != NULL) {
		if (f->map != NULL)
			munmap(f->map, f->maplen);
		free(f->copy);
		f->map = NULL;
		f->copy = conv;
	}
	f->delim = detect_delim(f->data, f->len);
	return f;
fail:
	diag_error(diag, shown, 0, 0, "cannot read: %s", strerror(errno));
	free(f);
	return NULL;
}

size_t
csvr_size(const struct csvr_file *f)
{
	return f->len;
}

size_t
csvr_next_line(const struct csvr_file *f, size_t off)
{
	const char	*nl;

	if (off >= f->len)
		return f->len;
	nl = memchr(f->data + off, '\n', f->len - off);
	return nl != NULL ? (size_t)(nl - f->data) + 1 : f->len;
}

void
csvr_close(struct csvr_file *f)
{
	if (f == NULL)
		return;
	if (f->map != NULL)
		munmap(f->map, f->maplen);
	free(f->copy);
	free(f);
}

/* A reading of part of an open file (csvr_reader). */
struct csvr_reader {
	struct rd	 rd;
};

struct csvr_reader *
csvr_reader(const struct csvr_file *f, size_t from, int line, size_t index,
    const char *shown, struct diag *diag, csvr_fn fn, void *arg)
{
	struct csvr_reader *r;
	struct rd	*rd;

	r = xcalloc(1, sizeof(*r));
	rd = &r->rd;
	rd->diag = diag;
	rd->shown = shown;
	rd->fn = fn;
	rd->arg = arg;
	rd->data = f->data;
	rd->len = f->len;
	rd->delim = f->delim;
	rd->cp1252 = f->chars;
	rd->lazy = 1;
	rd->map = f->map;
	rd->pos = from < f->len ? from : f->len;
	rd->line = line;
	rd->index = index;
	/* Pages before the part are another reader's to give back. */
	if (f->map != NULL) {
		size_t at = (size_t)(f->data - f->map) + rd->pos;

		rd->dropped = (at + DROP_STEP - 1) / DROP_STEP * DROP_STEP;
	}
	restart(rd);
	return r;
}

int
csvr_feed(struct csvr_reader *r, size_t to)
{
	feed(&r->rd, to);
	return outcome(&r->rd);
}

int
csvr_idle(const struct csvr_reader *r)
{
	return !r->rd.in_rec && !r->rd.odd && !r->rd.stopped;
}

int
csvr_end(struct csvr_reader *r)
{
	int	 rc;

	if (r == NULL)
		return -1;
	finish(&r->rd);
	rc = outcome(&r->rd);
	rd_free(&r->rd);
	free(r);
	return rc;
}

int
csvr_read(const char *root, const char *path, const char *shown,
    struct diag *diag, csvr_fn fn, void *arg)
{
	struct csvr_file *f;
	const char	*sheet;
	char		*file;
	int		 rc;

	if (csvr_workbook(path, &file, &sheet)) {
		rc = xlsx_read(root, file, sheet, shown, diag, fn, arg);
		free(file);
		return rc;
	}
	if ((f = csvr_open(root, path, shown, diag)) == NULL)
		return -1;
	rc = read_mem(f->data, f->len, f->map, f->chars, shown, diag, fn,
	    arg);
	csvr_close(f);
	return rc;
}

/* Whether the n bytes of s end in a workbook's extension. */
static int
workbook_ext(const char *s, size_t n)
{
	return n > 5 && (strncasecmp(s + n - 5, ".xlsx", 5) == 0 ||
	    strncasecmp(s + n - 5, ".xlsm", 5) == 0);
}

int
csvr_workbook(const char *path, char **file, const char **sheet)
{
	const char	*h;

	for (h = strchr(path, '#'); h != NULL; h = strchr(h + 1, '#'))
		if (workbook_ext(path, (size_t)(h - path))) {
			if (file != NULL) {
				*file = xstrndup(path, (size_t)(h - path));
				*sheet = h[1] != '\0' ? h + 1 : NULL;
			}
			return 1;
		}
	if (!workbook_ext(path, strlen(path)))
		return 0;
	if (file != NULL) {
		*file = xstrdup(path);
		*sheet = NULL;
	}
	return 1;
}

int
csvr_present(const char *root, const char *path)
{
	struct diag	 quiet;
	const char	*sheet;
	char		*file;
	int		 rc;

	diag_init(&quiet, NULL);
	if (!csvr_workbook(path, &file, &sheet))
		return cfile_kind(root, path, &quiet) != CFILE_NONE;
	rc = cfile_kind(root, file, &quiet) != CFILE_NONE;
	free(file);
	return rc;
}

char *
csvr_shown(const char *root, const char *path)
{
	const char	*sheet;
	char		*file, *name, *s;

	if (!csvr_workbook(path, &file, &sheet))
		return xstrdup(path);
	if ((name = xlsx_sheet_name(root, file, sheet)) == NULL)
		s = xstrdup(path);
	else
		s = xasprintf("%s#%s", file, name);
	free(name);
	free(file);
	return s;
}
