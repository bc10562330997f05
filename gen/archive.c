/*
 * archive.c: editions.json and feed.xml beside the archive page.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "archive.h"
#include "content.h"
#include "diag.h"
#include "edition.h"
#include "fmt.h"
#include "util.h"

static void
json_str(struct buf *b, const char *s)
{
	if (s == NULL) {
		buf_puts(b, "null");
		return;
	}
	buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			buf_printf(b, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			buf_printf(b, "\\u%04x", (unsigned char)*s);
		else
			buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

/* The hex SHA-256 of a file into hex; 0 or -1. */
static int
sha256_hex(const char *path, char hex[65])
{
	struct sha256_ctx	 ctx;
	uint8_t			 d[SHA256_DIGEST_SIZE];
	char			*data;
	size_t			 len, i;

	if ((data = util_read_file(path, &len)) == NULL)
		return -1;
	sha256_init(&ctx);
	sha256_update(&ctx, len, (const uint8_t *)data);
	sha256_digest(&ctx, sizeof(d), d);
	free(data);
	for (i = 0; i < sizeof(d); i++)
		snprintf(hex + 2 * i, 3, "%02x", d[i]);
	return 0;
}

/*
 * A key figure as the archive shows it: its text, and its number only
 * as far as the text shows it (rounded the same way), never a hidden
 * one's, so that the file discloses nothing the page does not.
 */
static void
json_keyfig(struct buf *b, const struct keyfig *k, const struct keyfigdef *d)
{
	double	 v;

	buf_puts(b, "{\"shown\": ");
	json_str(b, k->shown);
	buf_puts(b, ", \"value\": ");
	if (!k->defined || k->hidden)
		buf_puts(b, "null");
	else {
		v = d->pct ? fmt_round(k->v) : fmt_round(k->v * 10) / 10;
		buf_printf(b, "%.1f", v);
		if (b->len >= 2 && strcmp(b->s + b->len - 2, ".0") == 0)
			b->len -= 2, b->s[b->len] = '\0';
	}
	buf_puts(b, "}");
}

/* "name": {"path": ..., "sha256": ...} of one file of the edition. */
static int
json_file(struct buf *b, const char *key, const char *dir, const char *rel,
    struct diag *diag)
{
	char	*path = util_path_join(dir, rel), hex[65];
	int	 rc;

	if ((rc = sha256_hex(path, hex)) != 0)
		diag_error(diag, path, 0, 0, "cannot read: %s",
		    strerror(errno));
	else {
		buf_printf(b, "\"%s\": {\"path\": ", key);
		json_str(b, rel);
		buf_printf(b, ", \"sha256\": \"%s\"}", hex);
	}
	free(path);
	return rc;
}

static int
json_edition(struct buf *b, const struct edition *e, const char *dir,
    struct diag *diag)
{
	char	*rel;
	size_t	 i;
	int	 rc;

	buf_puts(b, "    {\n      \"slug\": ");
	json_str(b, e->slug);
	buf_puts(b, ",\n      \"series\": ");
	json_str(b, e->series);
	buf_puts(b, ",\n      \"title\": ");
	json_str(b, e->meta.title.s);
	buf_puts(b, ",\n      \"subtitle\": ");
	json_str(b, e->meta.subtitle.s);
	buf_puts(b, ",\n      \"date\": \"");
	fmt_date_iso(b, e->meta.date);
	buf_printf(b, "\",\n      \"status\": \"%s\",\n      \"key_figures\": "
	    "{", e->meta.published ? "published" : "draft");
	for (i = 0; i < EDITION_NKEYFIG; i++) {
		if (e->kf[i].name == NULL)
			continue;
		buf_puts(b, i ? ",\n        " : "\n        ");
		json_str(b, e->kf[i].name);
		buf_puts(b, ": ");
		json_keyfig(b, &e->kf[i], &edition_keyfigs[i]);
	}
	buf_puts(b, e->kf[0].name != NULL ? "\n      },\n      " :
	    "},\n      ");
	rel = xasprintf("%s/index.html", e->slug);
	rc = json_file(b, "html", dir, rel, diag);
	free(rel);
	buf_puts(b, ",\n      ");
	rel = xasprintf("%s/%s.pdf", e->slug, e->slug);
	rc |= json_file(b, "pdf", dir, rel, diag);
	free(rel);
	buf_puts(b, "\n    }");
	return rc;
}

char *
archive_json(const struct content *c, const char *dir, struct diag *diag)
{
	struct buf	 b = { NULL, 0, 0 };
	size_t		 i;
	int		 rc = 0;

	buf_puts(&b, "{\n  \"editions\": [\n");
	for (i = 0; i < c->ned; i++) {
		rc |= json_edition(&b, c->ed[i], dir, diag);
		buf_puts(&b, i + 1 < c->ned ? ",\n" : "\n");
	}
	buf_puts(&b, "  ]\n}\n");
	if (rc != 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

/* An Atom date: the front matter's day at midnight UTC. */
static void
atom_date(struct buf *b, int32_t days)
{
	fmt_date_iso(b, days);
	buf_puts(b, "T00:00:00Z");
}

/*
 * Text for XML: escaped, and without the control characters XML 1.0
 * does not allow (YAML's "\x01" could put one in a title).
 */
static void
xml_s(struct buf *b, const char *s)
{
	const char	*p;

	for (p = s; *p != '\0'; p++) {
		if ((unsigned char)*p >= 0x20 || *p == '\t' || *p == '\n' ||
		    *p == '\r')
			continue;
		buf_html(b, s, (size_t)(p - s));
		s = p + 1;
	}
	buf_html_s(b, s);
}

/* One element with escaped text: <name>text</name>. */
static void
atom_text(struct buf *b, const char *indent, const char *name,
    const char *text)
{
	buf_printf(b, "%s<%s>", indent, name);
	xml_s(b, text);
	buf_printf(b, "</%s>\n", name);
}

static void
atom_entry(struct buf *b, const struct edition *e)
{
	const struct meta	*m = &e->meta;
	const char		*who;

	buf_puts(b, "  <entry>\n    <id>" ARCHIVE_TAG "editie/");
	buf_html_s(b, e->slug);
	buf_puts(b, "</id>\n");
	atom_text(b, "    ", "title", m->title.s);
	buf_puts(b, "    <updated>");
	atom_date(b, m->date);
	buf_puts(b, "</updated>\n    <published>");
	atom_date(b, m->date);
	buf_puts(b, "</published>\n");
	who = m->brand_name.s ? m->brand_name.s : m->organisation.s;
	if (who != NULL) {
		buf_puts(b, "    <author>\n");
		atom_text(b, "      ", "name", who);
		buf_puts(b, "    </author>\n");
	}
	buf_puts(b, "    <link rel=\"alternate\" type=\"text/html\" href=\"");
	buf_html_s(b, e->slug);
	buf_puts(b, "/index.html\"/>\n    <link rel=\"related\" type=\""
	    "application/pdf\" href=\"");
	buf_html_s(b, e->slug);
	buf_puts(b, "/");
	buf_html_s(b, e->slug);
	buf_puts(b, ".pdf\"/>\n    <category term=\"");
	xml_s(b, e->series);
	buf_puts(b, "\"/>\n");
	if (m->subtitle.s != NULL)
		atom_text(b, "    ", "summary", m->subtitle.s);
	buf_puts(b, "  </entry>\n");
}

char *
archive_feed(const struct content *c)
{
	struct buf	 b = { NULL, 0, 0 };
	const char	*org = NULL;
	size_t		 i;

	for (i = 0; i < c->ned && org == NULL; i++)
		org = c->ed[i]->meta.organisation.s;
	for (i = 0; i < c->ned && org == NULL; i++)
		org = c->ed[i]->meta.brand_name.s;
	buf_puts(&b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed "
	    "xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"nl\">\n"
	    "  <id>" ARCHIVE_TAG "archief</id>\n");
	atom_text(&b, "  ", "title", "Archief van de rapportages");
	buf_puts(&b, "  <updated>");
	/* The newest edition's date: the feed changes when editions do. */
	if (c->ned > 0)
		atom_date(&b, c->ed[0]->meta.date);
	buf_puts(&b, "</updated>\n  <author>\n");
	atom_text(&b, "    ", "name", org != NULL ? org :
	    "Archief van de rapportages");
	buf_puts(&b, "  </author>\n  <link rel=\"self\" type=\"application/"
	    "atom+xml\" href=\"feed.xml\"/>\n  <link rel=\"alternate\" type="
	    "\"text/html\" href=\"index.html\"/>\n");
	for (i = 0; i < c->ned; i++)
		atom_entry(&b, c->ed[i]);
	buf_puts(&b, "</feed>\n");
	return buf_detach(&b);
}
