/*
 * hyph.c: soft hyphens in Dutch words with libhyphen (see hyph.h).
 */
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>

#include "hyph.h"
#include "util.h"

#define MINWORD	6	/* shortest word worth hyphenating (Dutch
				   practice: 6 letters, 2 before and 3 after
				   a break) */
#define SHY	"\xc2\xad"	/* U+00AD SOFT HYPHEN in UTF-8 */
#define ZWNJ	"\xe2\x80\x8c"	/* U+200C ZERO WIDTH NON-JOINER: no
				   ligature across a break ("af|h", "ef|f") */

struct hyph {
	HyphenDict	*dict;	/* the loaded patterns (ISO-8859-1) */
};

struct hyph *
hyph_new(const char *dicpath)
{
	struct hyph	*h;
	HyphenDict	*d;

	if ((d = hnj_hyphen_load(dicpath)) == NULL)
		return NULL;
	h = xcalloc(1, sizeof(*h));
	h->dict = d;
	return h;
}

void
hyph_free(struct hyph *h)
{
	if (h == NULL)
		return;
	hnj_hyphen_free(h->dict);
	free(h);
}

/*
 * Decodes the UTF-8 sequence at s (n > 0 bytes left) into *cp and
 * returns its length; a malformed byte is returned alone as U+FFFD.
 */
static size_t
decode(const unsigned char *s, size_t n, unsigned *cp)
{
	size_t	 len, i;
	unsigned c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0) {
		len = 2;
		c = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3;
		c = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		len = 4;
		c = s[0] & 0x07;
	} else {
		*cp = 0xfffd;
		return 1;
	}
	if (len > n) {
		*cp = 0xfffd;
		return 1;
	}
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*cp = 0xfffd;
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3f);
	}
	*cp = c;
	return len;
}

/* A letter the Dutch patterns know: ASCII and Latin-1 letters. */
static int
latin1_letter(unsigned c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= 0xc0 && c <= 0xff && c != 0xd7 && c != 0xf7);
}

/* Another Latin letter (ĳ, ł, ...): part of a word, but no hyphenation. */
static int
other_letter(unsigned c)
{
	return c >= 0x100 && c <= 0x24f;
}

static int
is_upper(unsigned c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde &&
	    c != 0xd7);
}

/* Appends the word s[0..len) with its soft hyphens. */
static void
word(const struct hyph *h, struct buf *out, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	char		*lat, *hy, **rep = NULL;
	int		*pos = NULL, *cut = NULL;
	size_t		 i, m = 0, l, nupper = 0, c;
	unsigned	 cp;
	int		 foreign = 0;

	lat = xmalloc(len + 1);
	for (i = 0; i < len; i += l) {
		l = decode(u + i, len - i, &cp);
		if (!latin1_letter(cp)) {
			foreign = 1;
			break;
		}
		if (is_upper(cp)) {
			nupper++;
			cp += 0x20;
		}
		lat[m++] = (char)cp;
	}
	lat[m] = '\0';
	if (h == NULL || foreign || m < MINWORD || nupper > 1) {
		buf_add(out, s, len);
		free(lat);
		return;
	}
	hy = xcalloc(m + 5, 1);
	if (hnj_hyphen_hyphenate3(h->dict, lat, (int)m, hy, NULL, &rep, &pos,
	    &cut, 2, 3, 2, 3) != 0) {
		buf_add(out, s, len);
		goto out;
	}
	for (i = 0, c = 0; i < len; i += l, c++) {
		l = decode(u + i, len - i, &cp);
		buf_add(out, s + i, l);
		if (c + 1 < m && (hy[c] & 1) && (rep == NULL || rep[c] == NULL)) {
			if (lat[c] == 'f')
				buf_puts(out, ZWNJ);
			buf_puts(out, SHY);
		}
	}
out:
	if (rep != NULL) {
		for (i = 0; i < m; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
	free(hy);
	free(lat);
}

void
hyph_add(const struct hyph *h, struct buf *out, const char *utf8,
    size_t len)
{
	const unsigned char *u = (const unsigned char *)utf8;
	size_t		 i = 0, start, l;
	unsigned	 cp;

	if (h == NULL) {
		buf_add(out, utf8, len);
		return;
	}
	while (i < len) {
		l = decode(u + i, len - i, &cp);
		if (!latin1_letter(cp) && !other_letter(cp)) {
			buf_add(out, utf8 + i, l);
			i += l;
			continue;
		}
		start = i;
		while (i < len) {
			l = decode(u + i, len - i, &cp);
			if (!latin1_letter(cp) && !other_letter(cp))
				break;
			i += l;
		}
		word(h, out, utf8 + start, i - start);
	}
}
