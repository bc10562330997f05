/*
 * publish.h: frozen editions (spec 6.3).  `gen publish` keeps an
 * edition's built files in EDITION/published/files with their SHA-256
 * sums in EDITION/published/SHA256SUMS, its figures in
 * EDITION/published/figures.tsv, and the sums of the edition's own
 * files in EDITION/published/SOURCES; later builds verify all of them
 * and serve the frozen bytes unchanged.  Included by content.c,
 * build.c, serve.c, newed.c and series.c.
 */
#ifndef GEN_PUBLISH_H
#define GEN_PUBLISH_H

struct buf;
struct content;
struct diag;
struct edition;
struct metric;

#define PUBLISH_DIR	"published"

/*
 * Appends "sha256  path\n" for every file below dir (sorted, paths
 * relative to dir), a folder in the content folder root.  Returns 0 or
 * -1 if a file cannot be read (reported).
 */
int	 publish_manifest(const char *root, const char *dir, struct buf *out,
	    struct diag *);

/*
 * Checks a frozen edition: every file listed with its right sum, no
 * file missing or added.  Problems are reported; returns their number.
 */
int	 publish_verify(const char *root, const char *frozen, struct diag *);

/*
 * The frozen record of an edition, EDITION/published/figures.tsv: the
 * title, subtitle, date and edition year it was published with, and
 * every metric as `gen stats` gave it then: its kind, raw value (what
 * `gen stats --json` printed) and the text readers saw.  Returns the
 * record's text for a built draft; the caller frees it.
 */
char	*publish_figures_text(const struct edition *);

/*
 * The SHA-256 sums of an edition's own files, as "sha256  path" lines
 * with paths relative to the edition folder (sorted): index.md (with
 * the text given, or as it is on disk when index_text is NULL), the
 * chapters, and the data files, tables and logo that lie inside the
 * edition folder.  Returns 0 or -1 if a file cannot be read.
 */
int	 publish_sources(const struct content *, const struct edition *,
	    const char *index_text, size_t index_len, struct buf *out);

/*
 * Checks a published edition against what was frozen with it: the
 * built files (publish_verify), its own files (published/SOURCES), and
 * the figures its data give now (e->stats, computed by the caller)
 * against the frozen ones.  Then replaces e->stats by the frozen
 * figures, and the title, subtitle, date and edition year by the
 * frozen ones, so that gen stats, the archive and everything else show
 * what the frozen pages show.  Every problem names the file and says
 * how to thaw the edition; returns their number.
 */
int	 publish_load(const struct content *, struct edition *,
	    struct diag *);

/*
 * A published edition's frozen metric by name ("aantal", "succes.pct",
 * "themas.tarief.aantal"): its raw value (v, defined; label for
 * MK_LABEL), its disclosure state (hide) and the text readers saw
 * (shown).  NULL when the edition is not published or has no such
 * metric.  Borrowed from the edition.
 */
const struct metric *publish_figure(const struct edition *, const char *name);

/*
 * Copies a folder tree of the content folder root (the frozen files)
 * to a new folder; 0 or -1 (reported).
 */
int	 publish_copy_tree(const char *root, const char *from, const char *to,
	    struct diag *);

#endif
