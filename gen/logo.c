/*
 * logo.c: reading, checking and cleaning the brand logo.
 *
 * An SVG is parsed by libxml2 with XML_PARSE_NONET and without
 * XML_PARSE_NOENT or XML_PARSE_DTDLOAD: nothing is fetched and no
 * entity is expanded.  The tree is then walked and what could run
 * script or reach outside the file is cut out; the cleaned tree is
 * what gets published.  A PNG is checked by decoding it with libpng (pngcheck.h).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cairo.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <librsvg/rsvg.h>

#include "cfile.h"
#include "diag.h"
#include "logo.h"
#include "pngcheck.h"
#include "util.h"

#define SVG_NS	"http://www.w3.org/2000/svg"

/* What cleaning left out, each named once in the warning. */
enum cut {
	CUT_SCRIPT,	/* <script> */
	CUT_FOREIGN,	/* <foreignObject> */
	CUT_HANDLER,	/* on... attributes */
	CUT_HREF,	/* href to outside the file */
	CUT_URL,	/* url() to outside the file, javascript: values */
	CUT_ANIM,	/* an animation of a link */
	CUT_PI,		/* processing instructions (xml-stylesheet) */
	CUT_NCUTS
};

static const char *const cut_names[CUT_NCUTS] = {
	"<script>", "<foreignObject>", "event handlers (on...)",
	"links to outside the file (href)",
	"references to outside the file (url(), javascript:)",
	"animations of links", "processing instructions"
};

/* State of one cleaning. */
struct clean {
	int	 cut[CUT_NCUTS];	/* what was cut */
	int	 changed;		/* the tree differs from the file */
};

static int
is_svg(xmlNodePtr n)
{
	return n->ns != NULL && n->ns->href != NULL &&
	    strcmp((const char *)n->ns->href, SVG_NS) == 0;
}

static int
named(xmlNodePtr n, const char *name)
{
	return strcmp((const char *)n->name, name) == 0;
}

/* The first place in s where word (lower-case ASCII) is, in any case. */
static const char *
find_ci(const char *s, const char *word)
{
	size_t	 n = strlen(word);

	for (; *s != '\0'; s++)
		if (strncasecmp(s, word, n) == 0)
			return s;
	return NULL;
}

/*
 * Whether a value holds, with white space and controls left out, a
 * url() that does not point into the file, or a script scheme.
 */
static int
bad_value(const char *v)
{
	struct buf	 b = { NULL, 0, 0 };
	const char	*p;
	int		 bad = 0;

	for (; *v != '\0'; v++)
		if ((unsigned char)*v > 0x20)
			buf_putc(&b, *v);
	if (b.s == NULL)
		return 0;
	for (p = b.s; (p = find_ci(p, "url(")) != NULL; p += 4) {
		const char *q = p + 4;

		if (*q == '"' || *q == '\'')
			q++;
		if (*q != '#')
			bad = 1;
	}
	if (find_ci(b.s, "javascript:") != NULL ||
	    find_ci(b.s, "vbscript:") != NULL ||
	    find_ci(b.s, "@import") != NULL)
		bad = 1;
	buf_free(&b);
	return bad;
}

/* An href may point into the file, or embed a raster image. */
static int
good_href(xmlNodePtr el, const char *v)
{
	static const char *const raster[] = { "data:image/png;",
	    "data:image/jpeg;", "data:image/gif;", "data:image/webp;" };
	size_t	 i;

	while (*v != '\0' && (unsigned char)*v <= 0x20)
		v++;
	if (*v == '#')
		return 1;
	if (!named(el, "image"))
		return 0;
	for (i = 0; i < GEN_NELEM(raster); i++)
		if (strncasecmp(v, raster[i], strlen(raster[i])) == 0)
			return 1;
	return 0;
}

/* Removes the attributes of el that may not be published. */
static void
clean_attrs(struct clean *cl, xmlNodePtr el)
{
	xmlAttrPtr	 a, next;
	xmlChar		*v;
	int		 cut;

	for (a = el->properties; a != NULL; a = next) {
		next = a->next;
		v = xmlNodeGetContent((xmlNodePtr)a);
		cut = -1;
		if (strncasecmp((const char *)a->name, "on", 2) == 0)
			cut = CUT_HANDLER;
		else if (strcasecmp((const char *)a->name, "href") == 0 &&
		    !good_href(el, v ? (const char *)v : ""))
			cut = CUT_HREF;
		else if (v != NULL && bad_value((const char *)v))
			cut = CUT_URL;
		xmlFree(v);
		if (cut >= 0) {
			cl->cut[cut] = 1;
			cl->changed = 1;
			xmlRemoveProp(a);
		}
	}
}

/* Why an element is cut out, or -1 to keep it. */
static int
cut_element(xmlNodePtr el)
{
	static const char *const anims[] = { "set", "animate",
	    "animateMotion", "animateTransform", "animateColor" };
	xmlChar	*v;
	size_t	 i;
	int	 cut = -1;

	/* SVG Tiny's <handler> and XML Events' <listener> run script too. */
	if (strcasecmp((const char *)el->name, "script") == 0 ||
	    strcasecmp((const char *)el->name, "handler") == 0 ||
	    strcasecmp((const char *)el->name, "listener") == 0)
		return CUT_SCRIPT;
	if (strcasecmp((const char *)el->name, "foreignObject") == 0)
		return CUT_FOREIGN;
	if (named(el, "style")) {
		v = xmlNodeGetContent(el);
		if (v != NULL && bad_value((const char *)v))
			cut = CUT_URL;
		xmlFree(v);
		return cut;
	}
	for (i = 0; i < GEN_NELEM(anims); i++)
		if (named(el, anims[i]))
			break;
	if (i < GEN_NELEM(anims)) {
		v = xmlGetProp(el, (const xmlChar *)"attributeName");
		if (v != NULL && find_ci((const char *)v, "href") != NULL)
			cut = CUT_ANIM;
		xmlFree(v);
	}
	return cut;
}

/*
 * Cleans the children of n.  Elements outside the SVG namespace are
 * never drawn (editors keep their settings in them): they are left
 * out without a word, unless they are script.
 */
static void
clean_children(struct clean *cl, xmlNodePtr n)
{
	xmlNodePtr	 c, next;
	int		 cut;

	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		cut = -2;
		if (c->type == XML_PI_NODE)
			cut = CUT_PI;
		else if (c->type == XML_ELEMENT_NODE) {
			if ((cut = cut_element(c)) < 0 && !is_svg(c))
				cut = -1, cl->changed = 1;
			else if (cut < 0)
				cut = -2;
		} else if (c->type == XML_ENTITY_REF_NODE)
			cut = CUT_URL;
		if (cut == -2) {
			if (c->type == XML_ELEMENT_NODE) {
				clean_attrs(cl, c);
				clean_children(cl, c);
			}
			continue;
		}
		if (cut >= 0)
			cl->cut[cut] = 1;
		cl->changed = 1;
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
}

/* Whether the document type declares entities. */
static int
has_entities(xmlDocPtr doc)
{
	xmlNodePtr	 n;

	if (doc->intSubset == NULL)
		return 0;
	for (n = doc->intSubset->children; n != NULL; n = n->next)
		if (n->type == XML_ENTITY_DECL)
			return 1;
	return 0;
}

/* Removes the document type and processing instructions at the top. */
static void
clean_top(struct clean *cl, xmlDocPtr doc)
{
	xmlNodePtr	 n, next;

	for (n = doc->children; n != NULL; n = next) {
		next = n->next;
		if (n->type == XML_DTD_NODE) {
			cl->changed = 1;
			xmlUnlinkNode(n);
			xmlFreeDtd((xmlDtdPtr)n);
			doc->intSubset = NULL;
		} else if (n->type == XML_PI_NODE ||
		    n->type == XML_COMMENT_NODE) {
			if (n->type == XML_PI_NODE)
				cl->cut[CUT_PI] = 1;
			cl->changed = 1;
			xmlUnlinkNode(n);
			xmlFreeNode(n);
		}
	}
}

/* Appends a libxml2 message, its trailing newline left off. */
static void
xml_reason(struct buf *b, xmlParserCtxtPtr ctxt)
{
	const xmlError	*e = xmlCtxtGetLastError(ctxt);
	size_t		 n;

	if (e == NULL || e->message == NULL) {
		buf_puts(b, "not well-formed XML");
		return;
	}
	n = strlen(e->message);
	while (n > 0 && (e->message[n - 1] == '\n' || e->message[n - 1] == ' '))
		n--;
	buf_add(b, e->message, n);
	if (e->line > 0)
		buf_printf(b, " (line %d of the file)", e->line);
}

char *
logo_clean_svg(const char *data, size_t len, size_t *outlen,
    struct buf *removed)
{
	xmlParserCtxtPtr ctxt;
	xmlDocPtr	 doc;
	xmlNodePtr	 root;
	xmlChar		*mem;
	struct clean	 cl;
	char		*out = NULL;
	int		 n, i, first = 1;

	memset(&cl, 0, sizeof(cl));
	if (len > INT_MAX) {
		buf_puts(removed, "too large for a logo");
		return NULL;
	}
	if ((ctxt = xmlNewParserCtxt()) == NULL)
		oom();
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL) {
		buf_puts(removed, "not valid SVG: ");
		xml_reason(removed, ctxt);
		goto out;
	}
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !named(root, "svg") || !is_svg(root)) {
		buf_printf(removed, "not an SVG image (its root element is "
		    "<%s>, not <svg> in the SVG namespace)", root != NULL ?
		    (const char *)root->name : "");
		goto out;
	}
	if (has_entities(doc)) {
		buf_puts(removed, "an SVG that declares entities "
		    "(<!ENTITY>), which gen does not publish; save it without "
		    "a DOCTYPE");
		goto out;
	}
	clean_top(&cl, doc);
	clean_attrs(&cl, root);
	clean_children(&cl, root);
	if (!cl.changed) {
		out = xstrndup(data, len);
		*outlen = len;
	} else {
		xmlDocDumpMemoryEnc(doc, &mem, &n, "UTF-8");
		if (mem == NULL)
			oom();
		out = xstrndup((const char *)mem, (size_t)n);
		*outlen = (size_t)n;
		xmlFree(mem);
	}
	buf_puts(removed, "");
	for (i = 0; i < CUT_NCUTS; i++)
		if (cl.cut[i]) {
			buf_printf(removed, "%s%s", first ? "" : ", ",
			    cut_names[i]);
			first = 0;
		}
out:
	if (doc != NULL)
		xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	return out;
}

/* NULL if libpng decodes the bytes whole, else why not (caller frees). */
static char *
png_problem(const char *data, size_t len)
{
	char	*why, *msg;

	switch (pngcheck_mem(data, len, &why)) {
	case PNGCHECK_OK:
		return NULL;
	case PNGCHECK_NOT_PNG:
		return xstrdup("not a PNG image (it does not start like one); "
		    "save it as PNG, or use an SVG");
	default:
		msg = xasprintf("a damaged PNG image (libpng: %s)", why);
		free(why);
		return msg;
	}
}

/* NULL if librsvg can read the SVG, else why not (caller frees). */
static char *
svg_problem(const char *data, size_t len)
{
	RsvgHandle	*h;
	GError		*err = NULL;
	char		*why, *p;

	h = rsvg_handle_new_from_data((const guint8 *)data, (gsize)len,
	    &err);
	if (h != NULL) {
		g_object_unref(h);
		return NULL;
	}
	why = xasprintf("an SVG image librsvg cannot read (%s)",
	    err != NULL && err->message != NULL ? err->message : "");
	for (p = why; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20)
			*p = ' ';
	g_clear_error(&err);
	return why;
}

struct logo *
logo_load(const char *root, const char *path, const char *index_path,
    int line, int col, struct diag *diag)
{
	struct logo	*l;
	struct buf	 why = { NULL, 0, 0 };
	char		*data, *name, *clean;
	char		*png;
	size_t		 len, n = strlen(path);
	int		 svg;

	svg = n > 4 && strcasecmp(path + n - 4, ".svg") == 0;
	if (!svg && !(n > 4 && strcasecmp(path + n - 4, ".png") == 0)) {
		diag_error(diag, index_path, line, col, "logo must be an .svg "
		    "or .png file");
		return NULL;
	}
	if ((data = cfile_read(root, path, path, &len, diag)) == NULL)
		return NULL;
	name = util_basename(path);
	l = xcalloc(1, sizeof(*l));
	if (!svg) {
		if ((png = png_problem(data, len)) != NULL) {
			diag_error(diag, index_path, line, col, "logo '%s' is "
			    "%s", name, png);
			free(png);
			goto fail;
		}
		l->kind = LOGO_PNG;
		l->data = data;
		l->len = len;
		free(name);
		return l;
	}
	l->kind = LOGO_SVG;
	if ((clean = logo_clean_svg(data, len, &l->len, &why)) == NULL) {
		diag_error(diag, index_path, line, col, "logo '%s' is %s",
		    name, why.s);
		goto fail;
	}
	l->data = clean;
	if (why.len > 0)
		diag_warn(diag, index_path, line, col, "logo '%s' is "
		    "published without its %s", name, why.s);
	buf_free(&why);
	if ((clean = svg_problem(l->data, l->len)) != NULL) {
		diag_error(diag, index_path, line, col, "logo '%s' is %s",
		    name, clean);
		free(clean);
		goto fail;
	}
	free(data);
	free(name);
	return l;
fail:
	buf_free(&why);
	free(name);
	free(data);
	logo_free(l);
	return NULL;
}

void
logo_free(struct logo *l)
{
	if (l == NULL)
		return;
	free(l->data);
	free(l);
}
