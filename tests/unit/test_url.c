/*
 * test_url.c: url_judge() reads a URL as a browser does (control
 * characters and spaces stripped at both ends, tab, LF and CR removed)
 * before it judges the scheme; logo_clean_svg() leaves out what could
 * run script or load something.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "logo.h"
#include "url.h"
#include "tutil.h"

static const struct {
	const char	*url;	/* as cmark-gfm gives it */
	enum url_kind	 kind;
	const char	*out;	/* published, unless refused */
} cases[] = {
	{ "java\nscript:alert(1)", URL_REFUSED, NULL },
	{ "java\tscript:alert(1)", URL_REFUSED, NULL },
	{ "java\rscript:alert(1)", URL_REFUSED, NULL },
	{ " javascript:alert(1)", URL_REFUSED, NULL },
	{ "\x01javascript:alert(1)", URL_REFUSED, NULL },
	{ "\x0c javascript:alert(1)", URL_REFUSED, NULL },
	{ "\x1fjavascript:alert(1)\x1f ", URL_REFUSED, NULL },
	{ "JaVaScRiPt:alert(1)", URL_REFUSED, NULL },
	{ "\n\tj\na\tv\ra\nscript:alert(1)", URL_REFUSED, NULL },
	{ "vbscript:msgbox(1)", URL_REFUSED, NULL },
	{ "data:text/html,<script>", URL_REFUSED, NULL },
	{ "file:///etc/passwd", URL_REFUSED, NULL },
	{ "c:\\windows", URL_REFUSED, NULL },
	/* Controls inside the scheme make it no scheme: relative. */
	{ "java\x01script:alert(1)", URL_RELATIVE, "java%01script:alert(1)" },
	{ "java\x0cscript:alert(1)", URL_RELATIVE, "java%0Cscript:alert(1)" },
	{ "java\x1fscript:alert(1)", URL_RELATIVE, "java%1Fscript:alert(1)" },
	{ "java script:alert(1)", URL_RELATIVE, "java%20script:alert(1)" },
	{ "1javascript:alert(1)", URL_RELATIVE, "1javascript:alert(1)" },
	{ "https://example.org/a b\nc\x7f", URL_ABSOLUTE,
	    "https://example.org/a%20bc%7F" },
	{ "  HTTP://EXAMPLE.ORG/  ", URL_ABSOLUTE, "HTTP://EXAMPLE.ORG/" },
	{ "mailto:info@example.org", URL_ABSOLUTE, "mailto:info@example.org" },
	{ "tel:+31201234567", URL_ABSOLUTE, "tel:+31201234567" },
	{ "https://example.org/é", URL_ABSOLUTE, "https://example.org/é" },
	{ "#inhoud", URL_FRAGMENT, "#inhoud" },
	{ " #a b", URL_FRAGMENT, "#a%20b" },
	{ "../elders.html", URL_RELATIVE, "../elders.html" },
	{ "//example.org/x", URL_RELATIVE, "//example.org/x" },
	{ "", URL_RELATIVE, "" },
};

static void
test_judge(void **state)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;

	(void)state;
	for (i = 0; i < GEN_NELEM(cases); i++) {
		buf_reset(&b);
		buf_puts(&b, "");
		if (url_judge(cases[i].url, &b) != cases[i].kind) {
			fprintf(stderr, "case %zu: wrong kind\n", i);
			fail();
		}
		assert_text(b.s, cases[i].out != NULL ? cases[i].out : "");
	}
	buf_free(&b);
}

static const struct {
	const char	*in;
	const char	*out;		/* NULL: refused */
	const char	*removed;	/* or why refused */
} svgs[] = {
	{ "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>",
	    "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>", "" },
	{ "<svg xmlns=\"http://www.w3.org/2000/svg\" onLoad=\"x()\">"
	    "<script>x()</script><rect fill=\"url(#g)\"/></svg>",
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\">"
	    "<rect fill=\"url(#g)\"/></svg>\n",
	    "<script>, event handlers (on...)" },
	{ "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "xmlns:x=\"http://www.w3.org/1999/xlink\">"
	    "<use x:href=\"#a\"/><use x:href=\" http://e/a.svg#b\"/>"
	    "<image href=\"data:image/png;base64,AAAA\"/>"
	    "<a href=\"data:image/png;base64,AAAA\"/>"
	    "<rect fill=\"u&#x72;l(http://e/x)\"/></svg>",
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "xmlns:x=\"http://www.w3.org/1999/xlink\">"
	    "<use x:href=\"#a\"/><use/>"
	    "<image href=\"data:image/png;base64,AAAA\"/>"
	    "<a/><rect/></svg>\n",
	    "links to outside the file (href), references to outside the "
	    "file (url(), javascript:)" },
	{ "<!DOCTYPE svg [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&e;</text></svg>",
	    NULL, "an SVG that declares entities (<!ENTITY>), which gen "
	    "does not publish; save it without a DOCTYPE" },
	{ "<svg><rect/></svg>", NULL, "not an SVG image (its root element "
	    "is <svg>, not <svg> in the SVG namespace)" },
};

static void
test_clean_svg(void **state)
{
	struct buf	 why = { NULL, 0, 0 };
	char		*out;
	size_t		 i, len;

	(void)state;
	for (i = 0; i < GEN_NELEM(svgs); i++) {
		buf_reset(&why);
		out = logo_clean_svg(svgs[i].in, strlen(svgs[i].in), &len,
		    &why);
		if ((out == NULL) != (svgs[i].out == NULL)) {
			fprintf(stderr, "svg %zu: %s\n", i, out ? out : why.s);
			fail();
		}
		if (out != NULL) {
			assert_int_equal(len, strlen(out));
			assert_text(out, svgs[i].out);
		}
		assert_text(why.s != NULL ? why.s : "", svgs[i].removed);
		free(out);
	}
	buf_free(&why);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_judge),
		cmocka_unit_test(test_clean_svg),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
