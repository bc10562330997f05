/*
 * pdftext.c: text setting for the PDF back-end.  A paragraph's inline
 * content is built into one UTF-8 string with Pango attributes (the
 * inline builder ib_*, which hyphenates Dutch words with hyph.c and
 * lets URLs break after . @ /), then set as a Pango layout (pt_*).
 * After the boxes are measured, the hyphenation passes take breaks out
 * again: where a word set whole leaves its line full enough
 * (hyph_cost), where more than RUN_MAX lines in a row would end in a
 * hyphen (pt_limit_runs) and where a word would be broken over two
 * pages (pt_page_ends).  pdf_break_lines() is this file's setting of a text,
 * for the tests.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <pango/pangocairo.h>

#include "fonts.h"
#include "hyph.h"
#include "pdf.h"
#include "pdf_int.h"
#include "pdflayout.h"
#include "util.h"

void
ib_init(struct ib *b, struct pr *r, enum st st, int hyph)
{
	memset(b, 0, sizeof(*b));
	b->r = r;
	b->al = pango_attr_list_new();
	b->size = styles[st].size;
	b->hyph = hyph && r->o->hyph != NULL;
}

void
ib_attr(struct ib *b, PangoAttribute *a, size_t start)
{
	a->start_index = (guint)start;
	a->end_index = (guint)b->s.len;
	pango_attr_list_insert(b->al, a);
}

void
ib_color(struct ib *b, struct rgb c, size_t start)
{
	ib_attr(b, pango_attr_foreground_new((guint16)(c.r * 65535 + 0.5),
	    (guint16)(c.g * 65535 + 0.5), (guint16)(c.b * 65535 + 0.5)),
	    start);
}

/* An e-mail address or a URL: it breaks after . @ / and is not hyphenated. */
static int
urlish(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i + 3 <= n; i++)
		if (memcmp(s + i, "://", 3) == 0)
			return 1;
	return memchr(s, '@', n) != NULL ||
	    (n > 4 && strncasecmp(s, "www.", 4) == 0);
}

static void
ib_url(struct ib *b, const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		buf_putc(&b->s, s[i]);
		if ((s[i] == '.' || s[i] == '@' || s[i] == '/') && i + 1 < n &&
		    strchr(".@/", s[i + 1]) == NULL)
			buf_puts(&b->s, ZWSP);
	}
}

void
ib_text(struct ib *b, const char *s, size_t len)
{
	size_t	 i = 0, j, k;

	while (i < len) {
		for (j = i; j < len && s[j] != ' ' && s[j] != '\n'; j++)
			continue;
		if (j > i && urlish(s + i, j - i))
			ib_url(b, s + i, j - i);
		else if (b->hyph && !b->inlink)
			hyph_add(b->r->o->hyph, &b->s, s + i, j - i);
		else
			buf_add(&b->s, s + i, j - i);
		for (k = j; k < len && (s[k] == ' ' || s[k] == '\n'); k++)
			continue;
		buf_add(&b->s, s + j, k - j);
		i = k;
	}
}

void
ib_link(struct ib *b, size_t start, char *attr)
{
	b->links = xreallocarray(b->links, b->nlinks + 1, sizeof(*b->links));
	b->links[b->nlinks].start = (unsigned)start;
	b->links[b->nlinks].end = (unsigned)b->s.len;
	b->links[b->nlinks++].attr = attr;
}

static PangoFontDescription *
style_desc(const struct style *s)
{
	return fonts_desc(s->mono ? FONTS_MONO : FONTS_SANS, s->size, s->bold,
	    s->italic);
}

/* Counts lines and places footnote references on them. */
void
pt_lines(struct ptext *t)
{
	size_t	 i;
	int	 line, x;

	t->nlines = pango_layout_get_line_count(t->pl);
	for (i = 0; i < t->nfns; i++) {
		pango_layout_index_to_line_x(t->pl, (int)t->fns[i].at, 0,
		    &line, &x);
		t->fns[i].line = line;
	}
}

/* Makes t from the builder (which it empties) in style st. */
void
pt_make(struct pr *r, struct ptext *t, struct ib *b, enum st st,
    double width, PangoAlignment align)
{
	const struct style	*s = &styles[st];
	PangoFontDescription	*d;
	PangoFontMetrics	*m;
	double			 asc, desc;

	memset(t, 0, sizeof(*t));
	d = style_desc(s);
	t->pl = pango_layout_new(r->ctx);
	pango_layout_set_font_description(t->pl, d);
	if (width > 0) {
		pango_layout_set_width(t->pl, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(t->pl, s->mono ? PANGO_WRAP_CHAR :
		    PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(t->pl, align);
	pango_layout_set_justify(t->pl, s->justify && width > 0);
	pango_layout_set_text(t->pl, b->s.s != NULL ? b->s.s : "",
	    (int)b->s.len);
	if (s->mono)
		/* A wrapped code line gets no hyphen (Pango adds one). */
		ib_attr(b, pango_attr_insert_hyphens_new(FALSE), 0);
	pango_layout_set_attributes(t->pl, b->al);
	pango_attr_list_unref(b->al);
	b->al = NULL;
	m = pango_context_get_metrics(r->ctx, d, NULL);
	asc = (double)pango_font_metrics_get_ascent(m) / PANGO_SCALE;
	desc = (double)pango_font_metrics_get_descent(m) / PANGO_SCALE;
	pango_font_metrics_unref(m);
	pango_font_description_free(d);
	t->lead = s->lead;
	t->size = s->size;
	t->base = (s->lead - asc - desc) / 2 + asc;
	t->color = r->col[s->color];
	t->links = b->links;
	t->nlinks = b->nlinks;
	t->fns = b->fns;
	t->nfns = b->nfns;
	b->links = NULL;
	b->fns = NULL;
	b->nlinks = b->nfns = 0;
	buf_free(&b->s);
	pt_lines(t);
}

/* Makes t from a plain string. */
void
pt_str(struct pr *r, struct ptext *t, const char *s, enum st st,
    double width, PangoAlignment align)
{
	struct ib	 b;

	ib_init(&b, r, st, 0);
	buf_puts(&b.s, s != NULL ? s : "");
	pt_make(r, t, &b, st, width, align);
}

void
pt_free(struct ptext *t)
{
	size_t	 i;

	if (t->pl != NULL)
		g_object_unref(t->pl);
	for (i = 0; i < t->nlinks; i++)
		free(t->links[i].attr);
	free(t->links);
	free(t->fns);
	memset(t, 0, sizeof(*t));
}

double
pt_height(const struct ptext *t)
{
	return t->pl != NULL ? t->nlines * t->lead : 0;
}

/* Widest line, in points. */
double
pt_width(const struct ptext *t)
{
	PangoRectangle	 lr;

	pango_layout_get_extents(t->pl, NULL, &lr);
	return (double)lr.width / PANGO_SCALE;
}

void
pt_set_width(struct ptext *t, double w)
{
	pango_layout_set_width(t->pl, w > 0 ? (int)(w * PANGO_SCALE) : -1);
	pango_layout_set_wrap(t->pl, PANGO_WRAP_WORD_CHAR);
	pt_lines(t);
}

/*
 * The width of the widest piece of t that no line break may split:
 * its longest word, or with hyphenation its longest syllable run.
 */
double
pt_min_width(struct ptext *t)
{
	double	 w;

	pango_layout_set_width(t->pl, PANGO_SCALE);
	pango_layout_set_wrap(t->pl, PANGO_WRAP_WORD);
	pt_lines(t);
	w = pt_width(t);
	pango_layout_set_width(t->pl, -1);
	pt_lines(t);
	return w;
}

/* The width of t's longest word, unhyphenated; t unwrapped. */
double
pt_word_width(const struct ptext *t)
{
	PangoRectangle	 a, b;
	const char	*s;
	size_t		 i = 0, start;
	double		 w, best = 0;

	if (t->pl == NULL)
		return 0;
	s = pango_layout_get_text(t->pl);
	while (s[i] != '\0') {
		while (s[i] == ' ' || s[i] == '\n')
			i++;
		start = i;
		while (s[i] != '\0' && s[i] != ' ' && s[i] != '\n')
			i++;
		if (i == start)
			continue;
		pango_layout_index_to_pos(t->pl, (int)start, &a);
		pango_layout_index_to_pos(t->pl, (int)i, &b);
		w = (double)(b.x - a.x) / PANGO_SCALE;
		if (a.y == b.y && w > best)
			best = w;
	}
	return best;
}

/* Sets t's type at s times its style's size (a table set smaller). */
void
pt_scale(struct ptext *t, enum st st, double s)
{
	PangoAttrList	*al;
	double		 ratio;

	if (t->pl == NULL)
		return;
	al = pango_layout_get_attributes(t->pl);
	al = al != NULL ? pango_attr_list_copy(al) : pango_attr_list_new();
	pango_attr_list_change(al, pango_attr_scale_new(s));
	pango_layout_set_attributes(t->pl, al);
	pango_attr_list_unref(al);
	ratio = t->base / t->lead;
	t->lead = styles[st].lead * s;
	t->size = styles[st].size * s;
	t->base = ratio * t->lead;
	pt_lines(t);
}

/* The text of line i without soft hyphens, at most max bytes (whole characters). */
void
pt_line_text(const struct ptext *t, int i, struct buf *out, size_t max)
{
	PangoLayoutLine	*l;
	const char	*s;
	size_t		 j, n, k;

	if (t->pl == NULL || i >= t->nlines)
		return;
	l = pango_layout_get_line_readonly(t->pl, i);
	s = pango_layout_get_text(t->pl) + l->start_index;
	n = (size_t)l->length;
	for (j = 0, k = 0; j < n && k < max; j++) {
		if ((unsigned char)s[j] == 0xc2 && j + 1 < n &&
		    (unsigned char)s[j + 1] == 0xad) {
			j++;
			continue;
		}
		if (j + 2 < n && (memcmp(s + j, ZWSP, 3) == 0 ||
		    memcmp(s + j, ZWNJ, 3) == 0)) {
			j += 2;
			continue;
		}
		if (((unsigned char)s[j] & 0xc0) != 0x80 && k + 4 > max)
			break;
		buf_putc(out, s[j] == '\n' ? ' ' : s[j]);
		k++;
	}
}

/*
 * The offset of the hyphen that ends line i of t inside a word, or -1:
 * a soft hyphen where the word was broken (*soft set) or a hyphen
 * after a letter or digit.
 */
int
pt_hy_end(const struct ptext *t, int i, int *soft)
{
	PangoLayoutLine	*l;
	const char	*s, *p;
	int		 len;

	if (i < 0 || i >= t->nlines)
		return -1;
	l = pango_layout_get_line_readonly(t->pl, i);
	s = pango_layout_get_text(t->pl) + l->start_index;
	len = l->length;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n'))
		len--;
	*soft = len >= 2 && (unsigned char)s[len - 2] == 0xc2 &&
	    (unsigned char)s[len - 1] == 0xad;
	if (*soft)
		return l->start_index + len - 2;
	if (len < 2 || s[len - 1] != '-')
		return -1;
	p = g_utf8_find_prev_char(s, s + len - 1);
	if (p == NULL || !g_unichar_isalnum(g_utf8_get_char(p)))
		return -1;
	return l->start_index + len - 1;
}

#define RUN_MAX		2	/* hyphenated lines in a row, at most */

/*
 * Takes the soft hyphens (and their non-joiners) out of the word that
 * line i of t ends in, so that it is no longer broken there: the text,
 * its attributes, links and footnote references shift accordingly.
 * Returns whether anything was taken out.
 */
static int
unhyph(struct ptext *t, int i)
{
	PangoLayoutLine	*l;
	PangoAttrList	*al;
	struct buf	 s = { NULL, 0, 0 };
	const char	*text;
	int		 ws, we, p, k, n = 0, soft;
	size_t		 j;

	if (pt_hy_end(t, i, &soft) < 0 || !soft)
		return 0;
	l = pango_layout_get_line_readonly(t->pl, i);
	text = pango_layout_get_text(t->pl);
	buf_puts(&s, text);
	for (ws = l->start_index + l->length; ws > 0 && text[ws - 1] != ' ' &&
	    text[ws - 1] != '\n'; ws--)
		continue;
	for (we = l->start_index + l->length; text[we] != '\0' &&
	    text[we] != ' ' && text[we] != '\n'; we++)
		continue;
	al = pango_layout_get_attributes(t->pl);
	al = al != NULL ? pango_attr_list_copy(al) : pango_attr_list_new();
	for (p = we; p-- > ws;) {
		k = 0;
		if (p + 1 < we && (unsigned char)s.s[p] == 0xc2 &&
		    (unsigned char)s.s[p + 1] == 0xad)
			k = 2;
		else if (p + 2 < we && memcmp(s.s + p, ZWNJ, 3) == 0)
			k = 3;
		if (k == 0)
			continue;
		memmove(s.s + p, s.s + p + k, s.len - (size_t)(p + k) + 1);
		s.len -= (size_t)k;
		we -= k;
		pango_attr_list_update(al, p, k, 0);
		for (j = 0; j < t->nlinks; j++) {
			if (t->links[j].start > (unsigned)p)
				t->links[j].start -= (unsigned)k;
			if (t->links[j].end > (unsigned)p)
				t->links[j].end -= (unsigned)k;
		}
		for (j = 0; j < t->nfns; j++)
			if (t->fns[j].at > (unsigned)p)
				t->fns[j].at -= (unsigned)k;
		n++;
	}
	if (n > 0) {
		pango_layout_set_text(t->pl, s.s, (int)s.len);
		pango_layout_set_attributes(t->pl, al);
		pt_lines(t);
	}
	pango_attr_list_unref(al);
	buf_free(&s);
	return n > 0;
}

/* Measures a text box's lines again after its text changed. */
static void
relines(struct pr *r, struct box *b)
{
	size_t	 i;
	int	 k;

	free(b->lh);
	free(b->fn);
	b->lh = xcalloc((size_t)b->t.nlines, sizeof(*b->lh));
	b->fn = xcalloc((size_t)b->t.nlines, sizeof(*b->fn));
	for (k = 0; k < b->t.nlines; k++)
		b->lh[k] = b->t.lead;
	for (i = 0; i < b->t.nfns; i++)
		if (b->t.fns[i].first)
			b->fn[b->t.fns[i].line] += r->fn[b->t.fns[i].num].h;
	b->pl.nlines = (size_t)b->t.nlines;
	b->pl.line = b->lh;
	b->pl.fn = b->fn;
}

/* A text's state before unhyph(), to go back to. */
struct snap {
	char		*text;
	PangoAttrList	*al;
	unsigned	*off;		/* links' starts and ends, notes' at */
};

static void
snap_take(const struct ptext *t, struct snap *s)
{
	PangoAttrList	*al = pango_layout_get_attributes(t->pl);
	size_t		 i;

	s->text = xstrdup(pango_layout_get_text(t->pl));
	s->al = al != NULL ? pango_attr_list_copy(al) : NULL;
	s->off = xcalloc(2 * t->nlinks + t->nfns + 1, sizeof(*s->off));
	for (i = 0; i < t->nlinks; i++) {
		s->off[2 * i] = t->links[i].start;
		s->off[2 * i + 1] = t->links[i].end;
	}
	for (i = 0; i < t->nfns; i++)
		s->off[2 * t->nlinks + i] = t->fns[i].at;
}

/* Puts t back as it was (restore) and frees the snapshot. */
static void
snap_drop(struct ptext *t, struct snap *s, int restore)
{
	size_t	 i;

	if (restore) {
		pango_layout_set_text(t->pl, s->text, -1);
		pango_layout_set_attributes(t->pl, s->al);
		for (i = 0; i < t->nlinks; i++) {
			t->links[i].start = s->off[2 * i];
			t->links[i].end = s->off[2 * i + 1];
		}
		for (i = 0; i < t->nfns; i++)
			t->fns[i].at = s->off[2 * t->nlinks + i];
		pt_lines(t);
	}
	free(s->text);
	if (s->al != NULL)
		pango_attr_list_unref(s->al);
	free(s->off);
}

/* How full line i of t is without justification, of the layout width. */
static double
natural_fill(struct ptext *t, int i)
{
	PangoRectangle	 lr;
	int		 w = pango_layout_get_width(t->pl);

	pango_layout_set_justify(t->pl, FALSE);
	pango_layout_line_get_extents(pango_layout_get_line_readonly(t->pl,
	    i), NULL, &lr);
	pango_layout_set_justify(t->pl, TRUE);
	return w > 0 ? (double)lr.width / w : 1;
}

/*
 * The cost of hyphenation: a justified paragraph's line ends in a
 * hyphen only where setting its word unbroken would leave that line
 * looser than HYPH_FILL of the measure (its spaces stretched by more
 * than about a third of their width), or the paragraph a line longer.
 * So that about one line in six or fewer ends in a hyphen.
 */
#define HYPH_FILL	0.92

static void
hyph_cost(struct box *b)
{
	struct snap	 s;
	int		 k, n, soft;

	if (!pango_layout_get_justify(b->t.pl))
		return;
	for (k = 0; k + 1 < b->t.nlines; k++) {
		if (pt_hy_end(&b->t, k, &soft) < 0 || !soft)
			continue;
		n = b->t.nlines;
		snap_take(&b->t, &s);
		if (!unhyph(&b->t, k)) {
			snap_drop(&b->t, &s, 0);
			continue;
		}
		snap_drop(&b->t, &s, b->t.nlines > n ||
		    natural_fill(&b->t, k) < HYPH_FILL);
	}
}

/* Which lines of a text box end in a soft hyphen (its word goes on). */
static void
hy_flags(struct box *b)
{
	int	 k, soft;

	free(b->hy);
	b->hy = xcalloc((size_t)b->t.nlines + 1, 1);
	for (k = 0; k + 1 < b->t.nlines; k++)
		b->hy[k] = pt_hy_end(&b->t, k, &soft) >= 0 && soft;
	b->pl.hy = b->hy;
}

/*
 * At most RUN_MAX hyphenated lines in a row (pl_hyph_run): the word
 * that would make the run longer is not broken, the paragraph set
 * again, until none is left.
 */
void
pt_limit_runs(struct pr *r)
{
	struct box	*b;
	size_t		 i;
	long		 k;
	int		 changed, guard, n;

	for (i = 0; i < r->nb; i++) {
		b = r->b[i];
		if (b->kind != B_TEXT || b->t.pl == NULL)
			continue;
		n = b->t.nlines;
		hyph_cost(b);
		hy_flags(b);
		changed = b->t.nlines != n;
		for (guard = 0; guard < 64; guard++) {
			k = pl_hyph_run(b->hy, (size_t)b->t.nlines, RUN_MAX);
			if (k < 0 || !unhyph(&b->t, (int)k))
				break;
			hy_flags(b);
			changed = 1;
		}
		if (changed)
			relines(r, b);
	}
}

/*
 * No word broken over two pages: where a page ends in a line whose
 * word goes on on the next (pagination lists them), the word is not
 * broken there and the document is paginated again.  Returns whether
 * anything changed.
 */
int
pt_page_ends(struct pr *r)
{
	const struct pl_piece	*pc;
	struct box		*b;
	size_t			 i;
	int			 changed = 0;

	for (i = 0; i < r->L.nhyend; i++) {
		pc = &r->L.piece[r->L.hyend[i]];
		b = r->b[pc->box];
		if (b->kind == B_TEXT && unhyph(&b->t, (int)pc->to - 1)) {
			relines(r, b);
			hy_flags(b);
			changed = 1;
		}
	}
	return changed;
}

char **
pdf_break_lines(const struct pdf_opts *o, const char *text, double width,
    size_t *n)
{
	struct pr	 r;
	struct ib	 ib;
	struct ptext	 t;
	struct buf	 b = { NULL, 0, 0 };
	PangoLayoutLine	*l;
	const char	*s;
	char		**out;
	size_t		 j, len;
	int		 i, shy;

	pr_init(&r, NULL, o, NULL);
	ib_init(&ib, &r, ST_BODY, 1);
	ib_text(&ib, text, strlen(text));
	pt_make(&r, &t, &ib, ST_BODY, width, PANGO_ALIGN_LEFT);
	out = xcalloc((size_t)t.nlines + 1, sizeof(*out));
	for (i = 0; i < t.nlines; i++) {
		l = pango_layout_get_line_readonly(t.pl, i);
		s = pango_layout_get_text(t.pl) + l->start_index;
		len = (size_t)l->length;
		while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n'))
			len--;
		shy = len >= 2 && (unsigned char)s[len - 2] == 0xc2 &&
		    (unsigned char)s[len - 1] == 0xad;
		for (j = 0; j < len; j++) {
			if ((unsigned char)s[j] == 0xc2 && j + 1 < len &&
			    (unsigned char)s[j + 1] == 0xad) {
				j++;
				continue;
			}
			if (j + 2 < len && (memcmp(s + j, ZWSP, 3) == 0 ||
			    memcmp(s + j, ZWNJ, 3) == 0)) {
				j += 2;
				continue;
			}
			buf_putc(&b, s[j]);
		}
		if (shy)
			buf_putc(&b, '-');
		out[i] = b.s != NULL ? buf_detach(&b) : xstrdup("");
	}
	*n = (size_t)t.nlines;
	pt_free(&t);
	pr_free(&r);
	return out;
}
