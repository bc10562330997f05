/*
 * url.c: judging link URLs as a browser would read them.
 *
 * The WHATWG URL parser strips leading and trailing C0 controls and
 * spaces (U+0000 to U+0020) and removes every tab, LF and CR before it
 * reads the scheme: "java\nscript:" and " javascript:" are javascript:
 * URLs to a browser.  gen normalises first and judges the result, so
 * what is judged is what the browser will run.
 */
#include <string.h>
#include <strings.h>

#include "url.h"
#include "util.h"

/* Schemes a published link may have: none of them runs script. */
static const char *const allowed[] = { "http", "https", "mailto", "tel" };

static int
c0_or_space(unsigned char c)
{
	return c <= 0x20;
}

static int
alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * The length of the scheme at the start of s (before its ':'), or 0
 * when s has none and is relative: an ASCII letter, then letters,
 * digits, '+', '-' or '.'.
 */
static size_t
scheme_len(const char *s, size_t n)
{
	size_t	 i;

	if (n == 0 || !alpha((unsigned char)s[0]))
		return 0;
	for (i = 1; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ':')
			return i;
		if (!alpha(c) && !(c >= '0' && c <= '9') && c != '+' &&
		    c != '-' && c != '.')
			return 0;
	}
	return 0;
}

enum url_kind
url_judge(const char *url, struct buf *out)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf	 n = { NULL, 0, 0 };
	const char	*s = url, *e = url + strlen(url);
	size_t		 sl, i;
	enum url_kind	 k;

	while (s < e && c0_or_space((unsigned char)*s))
		s++;
	while (e > s && c0_or_space((unsigned char)e[-1]))
		e--;
	for (; s < e; s++)
		if (*s != '\t' && *s != '\n' && *s != '\r')
			buf_putc(&n, *s);
	if (n.len == 0)
		k = URL_RELATIVE;
	else if ((sl = scheme_len(n.s, n.len)) == 0)
		k = n.s[0] == '#' ? URL_FRAGMENT : URL_RELATIVE;
	else {
		k = URL_REFUSED;
		for (i = 0; i < GEN_NELEM(allowed); i++)
			if (strlen(allowed[i]) == sl &&
			    strncasecmp(n.s, allowed[i], sl) == 0)
				k = URL_ABSOLUTE;
	}
	for (i = 0; k != URL_REFUSED && out != NULL && i < n.len; i++) {
		unsigned char c = (unsigned char)n.s[i];

		if (c <= 0x20 || c == 0x7f) {
			buf_putc(out, '%');
			buf_putc(out, hex[c >> 4]);
			buf_putc(out, hex[c & 15]);
		} else
			buf_putc(out, c);
	}
	buf_free(&n);
	return k;
}
