/*
 * newed.c: starting a new edition.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cfile.h"
#include "diag.h"
#include "edition.h"
#include "newed.h"
#include "publish.h"
#include "util.h"

static const char index_template[] =
"---\n"
"# Front matter: the keys gen knows.  Lines starting with # are notes;\n"
"# remove the # before a key to use it.  See README.md.\n"
"\n"
"# The report's title (required) and subtitle.\n"
"title: \"%s\"\n"
"# subtitle: \"Wat wij leerden van de bemiddelingen in onze regio\"\n"
"\n"
"# Who publishes: on the cover and in the footer.\n"
"organisation: Ondersteuningsteam Zorg voor de Jeugd\n"
"\n"
"# Publication date, YYYY-MM-DD (required).  The only date in the output.\n"
"date: %s\n"
"\n"
"# Year of the edition; default: the year of date.\n"
"# edition: 2025\n"
"\n"
"# Running footer of the PDF.\n"
"# footer: \"Leergang contracteren | Regio ...\"\n"
"\n"
"# The trajectory register, relative to this folder.  Default:\n"
"# trajecten.csv in this folder, else trajecten.xlsx (an Excel workbook:\n"
"# its first sheet, or another with trajecten.xlsx#Blad2).  A shared\n"
"# register:\n"
"%sdata: ../data/%s\n"
"\n"
"# Only the trajectories of your region (a name or a list), of a kind\n"
"# (soort code) or started in a period (both ends included):\n"
"%sfilter:\n"
"%s  regio: %s\n"
"#   soort: bemiddeling\n"
"#   periode: 2024-01-01 .. 2024-12-31\n"
"\n"
"# Counts from 1 to min_cell - 1 are hidden (\"<5\"), so no one can be\n"
"# recognised.  Default 5 when the filter names a region, else 1.\n"
"# min_cell: 5\n"
"\n"
"# Your region's own look: logo (SVG or PNG in this folder), accent\n"
"# colour and name.\n"
"%sbrand:\n"
"%s  name: \"%s\"\n"
"#   color: \"#0b6e4f\"\n"
"#   logo: logo.svg\n"
"\n"
"# The series of editions this one continues: the archive compares\n"
"# figures only within a series, and {{ vorige.aantal }} is the figure\n"
"# of its previous edition.  Default: the soort filter (or bemiddeling)\n"
"# with the region.\n"
"# reeks: \"Leergang regio Twente\"\n"
"\n"
"# Further tables of codes: name: file.csv\n"
"# tables:\n"
"#   vragen: vragen.csv\n"
"\n"
"# draft while you write; gen publish freezes the edition.\n"
"status: draft\n"
"\n"
"# true lets raw HTML in the Markdown through (normally shown as text).\n"
"# unsafe_html: false\n"
"---\n"
"\n"
"> [!samenvatting] In het kort\n"
"> Vat hier in een paar zinnen samen waar deze editie over gaat.\n"
"\n"
"Schrijf hier de inleiding.  Cijfers komen uit de data, bijvoorbeeld:\n"
"in deze editie gaat het om {{ aantal }} trajecten.\n";

static const char chapter_plain[] =
"# Eerste hoofdstuk\n"
"\n"
"Elk hoofdstuk is een eigen bestand: 01-..., 02-..., in die volgorde.\n"
"Zet de trajectgegevens in trajecten.csv of trajecten.xlsx (Excel) in deze\n"
"map (of wijs met data: een gedeeld register aan); dan kunt u cijfers en\n"
"grafieken gebruiken.\n";

static const char chapter_template[] =
"# Eerste hoofdstuk\n"
"\n"
"Elk hoofdstuk is een eigen bestand: 01-..., 02-..., in die volgorde.\n"
"\n"
"## Wat de cijfers laten zien\n"
"\n"
"Van de {{ afgerond }} afgeronde trajecten slaagde {{ succes.pct }}.\n"
"\n"
"```chart\n"
"type: hbar\n"
"data: hoofdthema\n"
"title: Hoofdthema van het conflict\n"
"```\n"
"\n"
"> [!vraag] Om over na te denken\n"
"> Welke van deze thema's herkent u in uw eigen regio?\n";

/*
 * The shared register under CONTENT/data a new edition uses: the CSV,
 * else the Excel workbook; NULL if there is neither.
 */
static const char *
shared_register(const char *content)
{
	static const char *const names[] = { "trajecten.csv",
	    "trajecten.xlsx" };
	const char	*found = NULL;
	char		*p, *rel;
	size_t		 i;

	for (i = 0; i < GEN_NELEM(names) && found == NULL; i++) {
		rel = xasprintf("data/%s", names[i]);
		p = util_path_join(content, rel);
		if (util_is_file(p))
			found = names[i];
		free(p);
		free(rel);
	}
	return found;
}

/* Rewrites date: and status: in copied front matter. */
static char *
refresh(const char *text, const char *today)
{
	struct buf	 b = { NULL, 0, 0 };
	const char	*line, *next, *p;
	int		 fences = 0;

	for (line = text; *line != '\0'; line = next) {
		next = (p = strchr(line, '\n')) ? p + 1 : line + strlen(line);
		if (strncmp(line, "---", 3) == 0)
			fences++;
		if (fences == 1 && strncmp(line, "date:", 5) == 0)
			buf_printf(&b, "date: %s\n", today);
		else if (fences == 1 && strncmp(line, "status:", 7) == 0)
			buf_puts(&b, "status: draft\n");
		else
			buf_add(&b, line, (size_t)(next - line));
	}
	return buf_detach(&b);
}

/* Copies one file of the edition from (in the content folder root). */
static int
copy_one(const char *root, const char *a, const char *b, int index,
    const char *today, struct diag *diag)
{
	char	*text, *fresh;
	size_t	 len;
	int	 rc;

	if ((text = cfile_read(root, a, a, &len, diag)) == NULL)
		return -1;
	if (index) {
		fresh = refresh(text, today);
		rc = util_write_file(b, fresh, strlen(fresh));
		free(fresh);
	} else
		rc = util_write_file(b, text, len);
	free(text);
	if (rc != 0)
		diag_error(diag, b, 0, 0, "cannot write: %s", strerror(errno));
	return rc;
}

static int
copy_edition(const char *from, const char *to, const char *today,
    struct diag *diag)
{
	char	**names, *a, *b, *root;
	int	 n, i, rc = 0;

	root = util_dirname(from);
	if ((n = cfile_list(root, from, &names, diag)) < 0) {
		free(root);
		return -1;
	}
	for (i = 0; i < n && rc == 0; i++) {
		if (strcmp(names[i], PUBLISH_DIR) == 0 ||
		    strstr(names[i], ".tmp-gen") != NULL)
			continue;
		a = util_path_join(from, names[i]);
		b = util_path_join(to, names[i]);
		switch (cfile_kind(root, a, diag)) {
		case CFILE_DIR:
			rc = publish_copy_tree(root, a, b, diag);
			break;
		case CFILE_FILE:
			rc = copy_one(root, a, b, strcmp(names[i],
			    "index.md") == 0, today, diag);
			break;
		default:
			rc = -1;	/* reported */
			break;
		}
		free(a);
		free(b);
	}
	util_free_list(names, n);
	free(root);
	return rc;
}

int
newed_create(const char *content, const char *slug, const char *from,
    const char *regio, const char *today, struct diag *diag)
{
	struct stat	 st;
	char		*dir, *p, *text, *root;
	int		 rc;

	/* A name, never a path: the edition lands in the content folder. */
	if (!edition_slug_ok(slug)) {
		diag_error(diag, slug, 0, 0, "not a valid edition name; %s; "
		    "the edition is made in the content folder (-C)",
		    edition_slug_rule);
		return -1;
	}
	dir = util_path_join(content, slug);
	if (lstat(dir, &st) == 0) {
		diag_error(diag, dir, 0, 0, "already exists; gen new never "
		    "overwrites");
		free(dir);
		return -1;
	}
	if (from != NULL) {
		p = util_path_join(from, "index.md");
		root = util_dirname(from);
		rc = cfile_kind(root, p, diag);
		free(root);
		if (rc != CFILE_FILE) {
			if (rc != CFILE_BAD)
				diag_error(diag, from, 0, 0, "not an edition "
				    "(no index.md)");
			free(p);
			free(dir);
			return -1;
		}
		free(p);
	}
	if (util_mkdirs(dir) != 0) {
		diag_error(diag, dir, 0, 0, "cannot create: %s",
		    strerror(errno));
		free(dir);
		return -1;
	}
	if (from != NULL)
		rc = copy_edition(from, dir, today, diag);
	else {
		char		*title = util_basename(dir);
		const char	*reg = shared_register(content);
		int		 data = reg != NULL;
		const char	*chapter = data ? chapter_template :
				    chapter_plain;
		char		*brand = regio ? xasprintf("Regio %s", regio) :
				    xstrdup("Regio ...");

		text = xasprintf(index_template, title, today,
		    data ? "" : "# ", data ? reg : "trajecten.csv", regio ? "" : "# ", regio ? "" : "# ",
		    regio ? regio : "Helmond-De Peel", regio ? "" : "# ",
		    regio ? "" : "# ", brand);
		p = util_path_join(dir, "index.md");
		rc = util_write_file(p, text, strlen(text));
		free(p);
		free(text);
		free(title);
		free(brand);
		p = util_path_join(dir, "01-eerste-hoofdstuk.md");
		if (rc == 0)
			rc = util_write_file(p, chapter, strlen(chapter));
		free(p);
	}
	if (rc != 0) {
		/* A copy reports its own problems. */
		if (from == NULL)
			diag_error(diag, dir, 0, 0, "cannot write the new "
			    "edition: %s", strerror(errno));
		util_rmtree(dir);
	}
	free(dir);
	return rc;
}
