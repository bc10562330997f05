/*
 * pdfa.c: the archival pass (see pdfa.h), with qpdf's C API.  Reads
 * Cairo's PDF from memory, fixes the document catalog, the structure
 * tree, the pages, their annotations and content, and the fonts, and
 * writes it back with a deterministic trailer /ID, so that the same
 * inputs still give the same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <qpdf/qpdf-c.h>

#include "pdfa.h"
#include "util.h"

/* State of one pass. */
struct pass {
	qpdf_data		 q;
	const struct pdfa_info	*in;
	size_t			 nfig;		/* Figures seen */
	int			 nnote;		/* Notes seen */
	int			*gone;		/* ids of removed elements */
	size_t			 ngone;
	char			*err;		/* first error (owned) */
};

static void
fail(struct pass *p, const char *what)
{
	if (p->err == NULL)
		p->err = xasprintf("%s", what);
}

/* Nonzero and the error recorded if qpdf reported one. */
static int
qerr(struct pass *p)
{
	qpdf_error	 e;

	if (!qpdf_has_error(p->q))
		return 0;
	e = qpdf_get_error(p->q);
	if (p->err == NULL)
		p->err = xasprintf("qpdf: %s", qpdf_get_error_full_text(p->q,
		    e));
	return 1;
}

/* --- XMP ---------------------------------------------------------------- */

static void
xml_text(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&':
			buf_puts(b, "&amp;");
			break;
		case '<':
			buf_puts(b, "&lt;");
			break;
		case '>':
			buf_puts(b, "&gt;");
			break;
		case '"':
			buf_puts(b, "&quot;");
			break;
		default:
			buf_putc(b, *s);
			break;
		}
}

static void
xml_elem(struct buf *b, const char *open, const char *s, const char *close)
{
	buf_puts(b, open);
	xml_text(b, s);
	buf_puts(b, close);
}

/* The XMP packet: the Info dictionary's values, PDF/A and PDF/UA ids. */
static void
xmp(const struct pdfa_info *in, const char *producer, struct buf *b)
{
	char	 date[32];

	snprintf(date, sizeof(date), "%sT00:00:00+00:00", in->date);
	buf_puts(b, "<?xpacket begin=\"\xef\xbb\xbf\" "
	    "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    "<rdf:RDF xmlns:rdf="
	    "\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "<rdf:Description rdf:about=\"\"\n"
	    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	    " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	    " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
	    " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
	    " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
	    " xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
	    " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
	    " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
	    "<dc:format>application/pdf</dc:format>\n");
	xml_elem(b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">",
	    in->title, "</rdf:li></rdf:Alt></dc:title>\n");
	if (in->author != NULL)
		xml_elem(b, "<dc:creator><rdf:Seq><rdf:li>", in->author,
		    "</rdf:li></rdf:Seq></dc:creator>\n");
	if (in->subject != NULL)
		xml_elem(b, "<dc:description><rdf:Alt><rdf:li "
		    "xml:lang=\"x-default\">", in->subject,
		    "</rdf:li></rdf:Alt></dc:description>\n");
	xml_elem(b, "<dc:language><rdf:Bag><rdf:li>", in->lang,
	    "</rdf:li></rdf:Bag></dc:language>\n");
	xml_elem(b, "<xmp:CreateDate>", date, "</xmp:CreateDate>\n");
	xml_elem(b, "<xmp:ModifyDate>", date, "</xmp:ModifyDate>\n");
	xml_elem(b, "<xmp:MetadataDate>", date, "</xmp:MetadataDate>\n");
	buf_puts(b, "<xmp:CreatorTool>gen</xmp:CreatorTool>\n");
	xml_elem(b, "<pdf:Producer>", producer, "</pdf:Producer>\n");
	buf_puts(b, "<pdfaid:part>2</pdfaid:part>\n"
	    "<pdfaid:conformance>B</pdfaid:conformance>\n"
	    "<pdfuaid:part>1</pdfuaid:part>\n"
	    "<pdfaExtension:schemas><rdf:Bag>\n"
	    "<rdf:li rdf:parseType=\"Resource\">\n"
	    "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema"
	    "</pdfaSchema:schema>\n"
	    "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/"
	    "</pdfaSchema:namespaceURI>\n"
	    "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
	    "<pdfaSchema:property><rdf:Seq>\n"
	    "<rdf:li rdf:parseType=\"Resource\">\n"
	    "<pdfaProperty:name>part</pdfaProperty:name>\n"
	    "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
	    "<pdfaProperty:category>internal</pdfaProperty:category>\n"
	    "<pdfaProperty:description>Indicates, which part of ISO 14289 "
	    "standard is followed</pdfaProperty:description>\n"
	    "</rdf:li>\n"
	    "</rdf:Seq></pdfaSchema:property>\n"
	    "</rdf:li>\n"
	    "</rdf:Bag></pdfaExtension:schemas>\n"
	    "</rdf:Description>\n"
	    "</rdf:RDF>\n"
	    "</x:xmpmeta>\n"
	    "<?xpacket end=\"w\"?>\n");
}

/* --- document catalog and Info ------------------------------------------ */

#define PRODUCER	"gen (Cairo, qpdf)"

static void
info_key(struct pass *p, qpdf_oh d, const char *key, const char *v)
{
	if (v == NULL)
		qpdf_oh_remove_key(p->q, d, key);
	else
		qpdf_oh_replace_key(p->q, d, key,
		    qpdf_oh_new_unicode_string(p->q, v));
}

/* The Info dictionary: the same values as the XMP packet. */
static void
info(struct pass *p)
{
	const struct pdfa_info	*in = p->in;
	qpdf_oh			 tr = qpdf_get_trailer(p->q), d;
	char			 date[40];

	d = qpdf_oh_get_key(p->q, tr, "/Info");
	if (!qpdf_oh_is_dictionary(p->q, d)) {
		d = qpdf_make_indirect_object(p->q,
		    qpdf_oh_new_dictionary(p->q));
		qpdf_oh_replace_key(p->q, tr, "/Info", d);
	}
	snprintf(date, sizeof(date), "D:%.4s%.2s%.2s000000+00'00'",
	    in->date, in->date + 5, in->date + 8);
	info_key(p, d, "/Title", in->title);
	info_key(p, d, "/Author", in->author);
	info_key(p, d, "/Subject", in->subject);
	info_key(p, d, "/Keywords", NULL);
	info_key(p, d, "/Creator", "gen");
	info_key(p, d, "/Producer", PRODUCER);
	qpdf_oh_replace_key(p->q, d, "/CreationDate",
	    qpdf_oh_new_string(p->q, date));
	qpdf_oh_replace_key(p->q, d, "/ModDate", qpdf_oh_new_string(p->q,
	    date));
}

/* A new indirect stream holding data. */
static qpdf_oh
new_stream(struct pass *p, const char *data, size_t len, const char *dict)
{
	qpdf_oh	 s, d, k;

	s = qpdf_oh_new_stream(p->q);
	qpdf_oh_replace_stream_data(p->q, s, (const unsigned char *)data, len,
	    qpdf_oh_new_null(p->q), qpdf_oh_new_null(p->q));
	d = qpdf_oh_get_dict(p->q, s);
	k = qpdf_oh_parse(p->q, dict);
	qpdf_oh_begin_dict_key_iter(p->q, k);
	while (qpdf_oh_dict_more_keys(p->q)) {
		const char *key = qpdf_oh_dict_next_key(p->q);

		qpdf_oh_replace_key(p->q, d, key, qpdf_oh_get_key(p->q, k,
		    key));
	}
	return s;
}

static void
catalog(struct pass *p)
{
	qpdf_oh		 root = qpdf_get_root(p->q), md, icc, oi;
	struct buf	 x = { NULL, 0, 0 };

	qpdf_oh_replace_key(p->q, root, "/Lang",
	    qpdf_oh_new_unicode_string(p->q, p->in->lang));
	qpdf_oh_replace_key(p->q, root, "/MarkInfo",
	    qpdf_oh_parse(p->q, "<< /Marked true >>"));
	qpdf_oh_replace_key(p->q, root, "/ViewerPreferences",
	    qpdf_oh_parse(p->q, "<< /DisplayDocTitle true >>"));
	xmp(p->in, PRODUCER, &x);
	md = new_stream(p, x.s, x.len, "<< /Type /Metadata /Subtype /XML >>");
	qpdf_oh_replace_key(p->q, root, "/Metadata", md);
	buf_free(&x);
	icc = new_stream(p, p->in->icc, p->in->icclen, "<< /N 3 >>");
	oi = qpdf_oh_parse(p->q, "<< /Type /OutputIntent /S /GTS_PDFA1 "
	    "/OutputConditionIdentifier (sRGB IEC61966-2.1) "
	    "/Info (sRGB IEC61966-2.1) >>");
	qpdf_oh_replace_key(p->q, oi, "/DestOutputProfile", icc);
	qpdf_oh_replace_key(p->q, root, "/OutputIntents",
	    qpdf_oh_wrap_in_array(p->q, oi));
}

/* --- the structure tree ------------------------------------------------- */

static int
is_name(struct pass *p, qpdf_oh o, const char *key, const char *name)
{
	return qpdf_oh_is_name_and_equals(p->q, qpdf_oh_get_key(p->q, o, key),
	    name);
}

static int
is_elem(struct pass *p, qpdf_oh o)
{
	return qpdf_oh_is_dictionary(p->q, o) &&
	    qpdf_oh_has_key(p->q, o, "/S") && !is_name(p, o, "/Type", "/MCR") &&
	    !is_name(p, o, "/Type", "/OBJR");
}

static int
is_artifact(struct pass *p, qpdf_oh o)
{
	return is_name(p, o, "/S", "/" PDFA_TAG_ARTIFACT) ||
	    is_name(p, o, "/S", "/" PDFA_TAG_PAGINATION);
}

/* A row's header cells head its columns when it has only TH, else the row. */
static void
scope(struct pass *p, qpdf_oh tr)
{
	qpdf_oh		 k = qpdf_oh_get_key(p->q, tr, "/K"), c;
	int		 i, n, th = 0, cells = 0;
	const char	*sc;

	if (!qpdf_oh_is_array(p->q, k))
		return;
	n = qpdf_oh_get_array_n_items(p->q, k);
	for (i = 0; i < n; i++) {
		c = qpdf_oh_get_array_item(p->q, k, i);
		if (!is_elem(p, c))
			continue;
		cells++;
		th += is_name(p, c, "/S", "/TH");
	}
	sc = th == cells ? "<< /O /Table /Scope /Column >>" :
	    "<< /O /Table /Scope /Row >>";
	for (i = 0; i < n; i++) {
		c = qpdf_oh_get_array_item(p->q, k, i);
		if (is_elem(p, c) && is_name(p, c, "/S", "/TH"))
			qpdf_oh_replace_key(p->q, c, "/A",
			    qpdf_oh_parse(p->q, sc));
	}
}

static void	 elem(struct pass *, qpdf_oh);

/* The children of an element: artifacts out, the others fixed. */
static void
kids(struct pass *p, qpdf_oh e)
{
	qpdf_oh	 k = qpdf_oh_get_key(p->q, e, "/K"), c;
	size_t	*fig = NULL, nf = 0, j, m;
	int	 i, n;

	if (qpdf_oh_is_dictionary(p->q, k)) {
		k = qpdf_oh_wrap_in_array(p->q, k);
		qpdf_oh_replace_key(p->q, e, "/K", k);
	}
	if (!qpdf_oh_is_array(p->q, k))
		return;
	n = qpdf_oh_get_array_n_items(p->q, k);
	for (i = 0; i < n; i++) {
		c = qpdf_oh_get_array_item(p->q, k, i);
		if (!is_elem(p, c))
			continue;
		if (is_artifact(p, c)) {
			p->gone = xreallocarray(p->gone, p->ngone + 1,
			    sizeof(*p->gone));
			p->gone[p->ngone++] = qpdf_oh_get_object_id(p->q, c);
			qpdf_oh_erase_item(p->q, k, i);
			i--;
			n--;
			continue;
		}
		if (p->in->figback != NULL && is_name(p, c, "/S", "/Figure") &&
		    p->nfig < p->in->nalt && p->in->figback[p->nfig] > 0) {
			fig = xreallocarray(fig, nf + 1, 2 * sizeof(*fig));
			fig[2 * nf] = (size_t)i;
			fig[2 * nf++ + 1] = p->in->figback[p->nfig];
		}
		elem(p, c);
	}
	/* Figures drawn after text that follows them: back in order. */
	for (j = 0; j < nf; j++) {
		m = fig[2 * j + 1] <= fig[2 * j] ? fig[2 * j + 1] : fig[2 * j];
		c = qpdf_oh_get_array_item(p->q, k, (int)fig[2 * j]);
		qpdf_oh_erase_item(p->q, k, (int)fig[2 * j]);
		qpdf_oh_insert_item(p->q, k, (int)(fig[2 * j] - m), c);
	}
	free(fig);
}

static void
elem(struct pass *p, qpdf_oh e)
{
	char	 id[32];

	if (is_name(p, e, "/S", "/Figure")) {
		if (p->nfig < p->in->nalt)
			qpdf_oh_replace_key(p->q, e, "/Alt",
			    qpdf_oh_new_unicode_string(p->q,
			    p->in->alt[p->nfig]));
		p->nfig++;
	} else if (is_name(p, e, "/S", "/TR"))
		scope(p, e);
	else if (is_name(p, e, "/S", "/Note")) {
		snprintf(id, sizeof(id), "note-%d", ++p->nnote);
		qpdf_oh_replace_key(p->q, e, "/ID", qpdf_oh_new_string(p->q,
		    id));
	}
	kids(p, e);
}

static int
gone(const struct pass *p, int id)
{
	size_t	 i;

	for (i = 0; i < p->ngone; i++)
		if (p->gone[i] == id)
			return 1;
	return 0;
}

/* Parent tree entries of removed elements become null. */
static void
parent_tree(struct pass *p, qpdf_oh pt)
{
	qpdf_oh	 nums, kd, v, it;
	int	 i, j, n, m;

	if (!qpdf_oh_is_dictionary(p->q, pt))
		return;
	kd = qpdf_oh_get_key(p->q, pt, "/Kids");
	if (qpdf_oh_is_array(p->q, kd)) {
		n = qpdf_oh_get_array_n_items(p->q, kd);
		for (i = 0; i < n; i++)
			parent_tree(p, qpdf_oh_get_array_item(p->q, kd, i));
	}
	nums = qpdf_oh_get_key(p->q, pt, "/Nums");
	if (!qpdf_oh_is_array(p->q, nums))
		return;
	n = qpdf_oh_get_array_n_items(p->q, nums);
	for (i = 1; i < n; i += 2) {
		v = qpdf_oh_get_array_item(p->q, nums, i);
		if (qpdf_oh_is_array(p->q, v)) {
			m = qpdf_oh_get_array_n_items(p->q, v);
			for (j = 0; j < m; j++) {
				it = qpdf_oh_get_array_item(p->q, v, j);
				if (qpdf_oh_is_indirect(p->q, it) &&
				    gone(p, qpdf_oh_get_object_id(p->q, it)))
					qpdf_oh_set_array_item(p->q, v, j,
					    qpdf_oh_new_null(p->q));
			}
		} else if (qpdf_oh_is_indirect(p->q, v) &&
		    gone(p, qpdf_oh_get_object_id(p->q, v)))
			qpdf_oh_set_array_item(p->q, nums, i,
			    qpdf_oh_new_null(p->q));
	}
}

static void
struct_tree(struct pass *p)
{
	qpdf_oh	 root = qpdf_get_root(p->q), st;

	st = qpdf_oh_get_key(p->q, root, "/StructTreeRoot");
	if (!qpdf_oh_is_dictionary(p->q, st)) {
		fail(p, "Cairo wrote no structure tree");
		return;
	}
	kids(p, st);
	parent_tree(p, qpdf_oh_get_key(p->q, st, "/ParentTree"));
	if (p->nfig != p->in->nalt)
		fail(p, "the figures of the structure tree do not match the "
		    "charts drawn");
}

/* --- pages ---------------------------------------------------------------- */

static const char *
link_text(struct pass *p, qpdf_oh a)
{
	qpdf_oh		 d = qpdf_oh_get_key(p->q, a, "/Dest"), act;
	const char	*s;
	size_t		 i;

	if (qpdf_oh_is_string(p->q, d) || qpdf_oh_is_name(p->q, d)) {
		s = qpdf_oh_is_string(p->q, d) ? qpdf_oh_get_utf8_value(p->q,
		    d) : qpdf_oh_get_name(p->q, d) + 1;
		for (i = 0; i < p->in->nlinks; i++)
			if (strcmp(p->in->links[i].dest, s) == 0)
				return p->in->links[i].text;
		return s;
	}
	act = qpdf_oh_get_key(p->q, a, "/A");
	if (qpdf_oh_is_dictionary(p->q, act) &&
	    qpdf_oh_is_string(p->q, qpdf_oh_get_key(p->q, act, "/URI")))
		return qpdf_oh_get_utf8_value(p->q, qpdf_oh_get_key(p->q, act,
		    "/URI"));
	return "Link";
}

static void
annots(struct pass *p, qpdf_oh page)
{
	qpdf_oh	 an = qpdf_oh_get_key(p->q, page, "/Annots"), a;
	int	 i, n;

	if (!qpdf_oh_is_array(p->q, an))
		return;
	qpdf_oh_replace_key(p->q, page, "/Tabs", qpdf_oh_new_name(p->q, "/S"));
	n = qpdf_oh_get_array_n_items(p->q, an);
	for (i = 0; i < n; i++) {
		a = qpdf_oh_get_array_item(p->q, an, i);
		if (!qpdf_oh_is_dictionary(p->q, a))
			continue;
		qpdf_oh_replace_key(p->q, a, "/F", qpdf_oh_new_integer(p->q,
		    4));
		if (is_name(p, a, "/Subtype", "/Link"))
			qpdf_oh_replace_key(p->q, a, "/Contents",
			    qpdf_oh_new_unicode_string(p->q, link_text(p, a)));
	}
}

static void
content(struct pass *p, qpdf_oh s)
{
	unsigned char	*data = NULL, *out;
	size_t		 len = 0, olen;

	if (!qpdf_oh_is_stream(p->q, s))
		return;
	if (qpdf_oh_get_stream_data(p->q, s, qpdf_dl_generalized, NULL,
	    &data, &len) != QPDF_SUCCESS || qerr(p)) {
		free(data);
		fail(p, "cannot read a page's content");
		return;
	}
	if ((out = pdfa_content(data, len, &olen)) == NULL)
		fail(p, "cannot rewrite a page's content");
	else
		qpdf_oh_replace_stream_data(p->q, s, out, olen,
		    qpdf_oh_new_null(p->q), qpdf_oh_new_null(p->q));
	free(out);
	free(data);
}

static void
pages(struct pass *p)
{
	qpdf_oh	 pg, c;
	int	 i, n, j, m;

	n = qpdf_get_num_pages(p->q);
	if (n < 0) {
		qerr(p);
		return;
	}
	for (i = 0; i < n; i++) {
		pg = qpdf_get_page_n(p->q, (size_t)i);
		annots(p, pg);
		c = qpdf_oh_get_key(p->q, pg, "/Contents");
		if (qpdf_oh_is_array(p->q, c)) {
			m = qpdf_oh_get_array_n_items(p->q, c);
			for (j = 0; j < m; j++)
				content(p, qpdf_oh_get_array_item(p->q, c, j));
		} else
			content(p, c);
		qpdf_oh_release_all(p->q);
	}
}

/* Every CID TrueType font maps CIDs to glyphs as Cairo numbered them. */
static void
fonts(struct pass *p)
{
	qpdf_oh	 o;
	int	 id, n;

	n = qpdf_oh_get_int_value_as_int(p->q, qpdf_oh_get_key(p->q,
	    qpdf_get_trailer(p->q), "/Size"));
	for (id = 1; id < n; id++) {
		o = qpdf_get_object_by_id(p->q, id, 0);
		if (qpdf_oh_is_dictionary_of_type(p->q, o, "/Font",
		    "/CIDFontType2") && !qpdf_oh_has_key(p->q, o,
		    "/CIDToGIDMap"))
			qpdf_oh_replace_key(p->q, o, "/CIDToGIDMap",
			    qpdf_oh_new_name(p->q, "/Identity"));
		qpdf_oh_release(p->q, o);
	}
}

/* --- entry point ------------------------------------------------------- */

int
pdfa_finish(const struct pdfa_info *in, const char *pdf, size_t len,
    struct buf *out, char **err)
{
	struct pass	 p;

	memset(&p, 0, sizeof(p));
	p.in = in;
	p.q = qpdf_init();
	qpdf_silence_errors(p.q);
	qpdf_set_suppress_warnings(p.q, QPDF_TRUE);
	if (qpdf_read_memory(p.q, "cairo.pdf", pdf, len, NULL) & QPDF_ERRORS)
		qerr(&p);
	if (p.err == NULL) {
		info(&p);
		catalog(&p);
		struct_tree(&p);
		fonts(&p);
		pages(&p);
		qerr(&p);
	}
	if (p.err == NULL) {
		if (qpdf_init_write_memory(p.q) & QPDF_ERRORS)
			qerr(&p);
		qpdf_set_deterministic_ID(p.q, QPDF_TRUE);
		qpdf_set_object_stream_mode(p.q, qpdf_o_preserve);
		if (p.err == NULL && (qpdf_write(p.q) & QPDF_ERRORS))
			qerr(&p);
		if (p.err == NULL)
			buf_add(out, (const char *)qpdf_get_buffer(p.q),
			    qpdf_get_buffer_length(p.q));
	}
	qpdf_cleanup(&p.q);
	free(p.gone);
	*err = p.err;
	return p.err != NULL ? -1 : 0;
}
