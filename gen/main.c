/*
 * main.c: the command line (spec 5).  The only place that exits.
 */
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "backend.h"
#include "build.h"
#include "content.h"
#include "diag.h"
#include "edition.h"
#include "newed.h"
#include "outdir.h"
#include "series.h"
#include "serve.h"
#include "stats.h"
#include "util.h"

#ifndef GEN_VERSION
#define GEN_VERSION "0.1.0"
#endif

#define EXIT_DATA	1	/* content or data errors */
#define EXIT_USAGE	2	/* usage errors */

static const char usage_text[] =
"usage: gen build [-q] [-o OUTDIR] [CONTENT_DIR | EDITION_DIR ...]\n"
"       gen check [-q] [CONTENT_DIR | EDITION_DIR ...]\n"
"       gen stats [--json] EDITION_DIR\n"
"       gen tree EDITION_DIR\n"
"       gen new SLUG [--from EDITION_DIR] [--regio NAME] [-C CONTENT_DIR]\n"
"       gen publish EDITION_DIR\n"
"       gen serve [--port N] [CONTENT_DIR]\n"
"       gen --help | --version\n";

static const char help_text[] =
"gen turns Markdown chapters and CSV trajectory data into reports: an\n"
"HTML page and a PDF per edition, and an archive page over all of them.\n"
"\n"
"  build   check everything, then write every edition and the archive\n"
"          page into OUTDIR (default: out); nothing is written on errors\n"
"  check   check content and data, write nothing\n"
"  stats   print every metric of one edition (--json: unrounded and\n"
"          unhidden, for the author only)\n"
"  tree    print the edition's document tree, as every back-end reads\n"
"          it (for developers and tests)\n"
"  new     start a new edition folder CONTENT_DIR/SLUG (default content/);\n"
"          --from copies an edition, --regio sets the region filter\n"
"  publish freeze an edition: its built files and their SHA-256 sums are\n"
"          kept in EDITION_DIR/published and served unchanged from then on\n"
"  serve   live preview on http://127.0.0.1:N/ (default 8000, 0: any free\n"
"          port): rebuilds what a saved file changes and reloads the page;\n"
"          errors are shown in the page; never writes out/\n"
"\n"
"build replaces only an OUTDIR it wrote itself (or an empty one), never\n"
"one that is, lies in or holds the content folder; builds into one OUTDIR\n"
"take turns.  build and check end with a summary line; -q leaves it out.\n"
"\n"
"The default content folder is 'content'.  Exit status: 0 ok, 1 content\n"
"or data errors, 2 usage errors.  See README.md and gen(1).\n";

static int
usage(void)
{
	fputs(usage_text, stderr);
	return EXIT_USAGE;
}

/*
 * The assets folder: $GEN_ASSETS, else ../assets beside the program (the
 * source tree), else ../share/gen beside it (an installed tree, wherever
 * it was moved), else GEN_DATADIR (make install's PREFIX/share/gen).
 */
static char *
assets_dir(void)
{
	static const char *const rel[] = { "assets", "share/gen" };
	char	 exe[PATH_MAX], *dir, *up, *a;
	ssize_t	 n;
	size_t	 i;
	const char *env = getenv("GEN_ASSETS");

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		exe[n] = '\0';
		dir = util_dirname(exe);
		up = util_dirname(dir);
		free(dir);
		for (i = 0; i < GEN_NELEM(rel); i++) {
			a = util_path_join(up, rel[i]);
			if (util_is_dir(a)) {
				free(up);
				return a;
			}
			free(a);
		}
		free(up);
	}
#ifdef GEN_DATADIR
	if (util_is_dir(GEN_DATADIR))
		return xstrdup(GEN_DATADIR);
#endif
	return xstrdup("assets");
}

/*
 * gen build EDITION_DIR...: when every argument is an edition folder
 * of one content folder, the slugs named (caller frees them with
 * util_free_list(), nargs of them) and that folder in *root (caller
 * frees); else NULL.
 */
static char **
named_editions(char **args, int nargs, char **root)
{
	char	**slugs, *idx, *r;
	int	 i;

	*root = NULL;
	if (nargs == 0)
		return NULL;
	slugs = xcalloc((size_t)nargs, sizeof(*slugs));
	for (i = 0; i < nargs; i++) {
		idx = util_path_join(args[i], "index.md");
		r = util_is_file(idx) ? util_dirname(args[i]) : NULL;
		free(idx);
		if (r == NULL || (*root != NULL && strcmp(*root, r) != 0)) {
			free(r);
			free(*root);
			*root = NULL;
			util_free_list(slugs, i);
			return NULL;
		}
		if (*root == NULL)
			*root = r;
		else
			free(r);
		slugs[i] = util_basename(args[i]);
	}
	return slugs;
}

/*
 * Every edition folder of the content folder root (caller frees them
 * with util_free_list()), as content_load() finds them there.  They
 * are loaded as named editions, not as the whole folder, so that the
 * checks of a whole folder (every codebook column used) stay with a
 * build of the whole folder.
 */
static int
all_editions(const char *root, char ***out)
{
	char	**names, *sub, *idx;
	int	 n, i, k = 0;

	*out = NULL;
	if ((n = util_list_dir(root, &names)) < 0)
		return 0;
	*out = xcalloc((size_t)n + 1, sizeof(**out));
	for (i = 0; i < n; i++) {
		sub = util_path_join(root, names[i]);
		idx = util_path_join(sub, "index.md");
		if (names[i][0] != '.' && util_is_dir(sub) &&
		    util_is_file(idx))
			(*out)[k++] = sub;
		else
			free(sub);
		free(idx);
	}
	util_free_list(names, n);
	return k;
}

/* Reports a named edition the content folder does not hold. */
static void
check_named(const struct content *c, char **named, int nnamed,
    char **args, struct diag *d)
{
	size_t	 k;
	int	 i;

	for (i = 0; i < nnamed; i++) {
		for (k = 0; k < c->ned; k++)
			if (strcmp(c->ed[k]->slug, named[i]) == 0)
				break;
		if (k == c->ned)
			diag_error(d, args[i], 0, 0, "not an edition of the "
			    "content folder %s", c->root);
	}
}

/*
 * Writes the build: the output folder is checked even when the
 * content has errors, so that one run reports both.  Sets *nkept.
 */
static int
write_build(const struct content *c, int loaded, const char *out,
    char **named, int nnamed, struct diag *d, size_t *nkept)
{
	struct outdir_input	 in[2];
	struct outdir		*od;
	char			*assets;
	int			 rc = -1;

	*nkept = 0;
	assets = assets_dir();
	in[0].path = c->root;
	in[0].what = "content folder";
	in[1].path = assets;
	in[1].what = "assets folder";
	od = outdir_open(out, in, 2, d);
	if (loaded && od != NULL)
		rc = build_into(c, od, (const char *const *)named,
		    (size_t)nnamed, assets, d, nkept);
	outdir_free(od);
	free(assets);
	return rc;
}

/* The summary line of a run without errors (spec 5). */
static void
summary(const struct content *c, const struct diag *d, const char *out,
    size_t nkept)
{
	fprintf(stderr, "gen: %zu edition%s %s", c->ned,
	    c->ned == 1 ? "" : "s", out != NULL ? "built into " : "checked");
	if (out != NULL)
		fputs(out, stderr);
	if (nkept > 0)
		fprintf(stderr, " (the PDF of %zu unchanged edition%s kept)",
		    nkept, nkept == 1 ? "" : "s");
	fprintf(stderr, ": %d error%s, %d warning%s\n", d->nerr,
	    d->nerr == 1 ? "" : "s", d->nwarn, d->nwarn == 1 ? "" : "s");
}

static int
cmd_build(int argc, char **argv, int write)
{
	struct content	 c;
	struct diag	 d;
	const char	*out = "out";
	char		*root = NULL, **named = NULL, **all = NULL;
	int		 i, rc, nargs = 0, nall = 0, quiet = 0;
	size_t		 nkept = 0;
	char		**args;

	args = xcalloc((size_t)argc + 1, sizeof(*args));
	for (i = 1; i < argc; i++) {
		if (write && strcmp(argv[i], "-o") == 0) {
			if (++i == argc) {
				free(args);
				return usage();
			}
			out = argv[i];
		} else if (strcmp(argv[i], "-q") == 0)
			quiet = 1;
		else if (argv[i][0] == '-') {
			fprintf(stderr, "gen: unknown option %s\n", argv[i]);
			free(args);
			return usage();
		} else
			args[nargs++] = argv[i];
	}
	diag_init(&d, stderr);
	/*
	 * Building named editions: every edition of their content folder
	 * is loaded, as the archive lists them all; the named are rendered.
	 */
	if (write && (named = named_editions(args, nargs, &root)) != NULL)
		nall = all_editions(root, &all);
	rc = nall > 0 ? content_load(&c, all, nall, &d) :
	    content_load(&c, args, nargs, &d);
	if (rc == 0 && named != NULL)
		check_named(&c, named, nargs, args, &d);
	if (write && c.root != NULL)
		rc = write_build(&c, rc == 0 && d.nerr == 0, out, named,
		    named != NULL ? nargs : 0, &d, &nkept);
	if (d.nerr == 0 && rc == 0 && !quiet)
		summary(&c, &d, write ? out : NULL, nkept);
	content_free(&c);
	if (named != NULL)
		util_free_list(named, nargs);
	util_free_list(all, nall);
	free(root);
	free(args);
	if (d.nerr > 0)
		fprintf(stderr, "gen: %d error%s%s\n", d.nerr,
		    d.nerr == 1 ? "" : "s", write ? "; nothing was written" :
		    "");
	return rc == 0 && d.nerr == 0 ? 0 : EXIT_DATA;
}

static int
cmd_stats(int argc, char **argv)
{
	struct content	 c;
	struct diag	 d;
	char		*dir = NULL;
	int		 i, json = 0, rc;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (argv[i][0] == '-' || dir != NULL)
			return usage();
		else
			dir = argv[i];
	}
	if (dir == NULL)
		return usage();
	diag_init(&d, stderr);
	rc = content_load(&c, &dir, 1, &d);
	if (rc == 0 && c.ned == 1) {
		if (json)
			stats_json(c.ed[0]->stats, stdout);
		else {
			stats_print(c.ed[0]->stats, stdout);
			series_print_prev(c.ed[0], stdout);
		}
	} else if (rc == 0) {
		fprintf(stderr, "gen: stats takes one edition folder\n");
		content_free(&c);
		return EXIT_USAGE;
	}
	content_free(&c);
	return rc == 0 ? 0 : EXIT_DATA;
}

/* The document tree of one edition, as the tree back-end prints it. */
static int
cmd_tree(int argc, char **argv)
{
	struct content		 c;
	struct diag		 d;
	struct backend_opts	 o;
	struct backend_in	 in;
	struct buf		 b = { NULL, 0, 0 };
	void			*t;
	int			 rc;

	if (argc != 2 || argv[1][0] == '-')
		return usage();
	diag_init(&d, stderr);
	rc = content_load(&c, &argv[1], 1, &d);
	if (rc == 0 && c.ned != 1) {
		fprintf(stderr, "gen: tree takes one edition folder\n");
		content_free(&c);
		return EXIT_USAGE;
	}
	if (rc == 0 && c.ed[0]->doc == NULL) {
		diag_error(&d, argv[1], 0, 0, "a published edition has no "
		    "tree: it is served from its frozen files");
		rc = -1;
	}
	if (rc == 0) {
		memset(&o, 0, sizeof(o));
		memset(&in, 0, sizeof(in));
		in.e = c.ed[0];
		t = backend_tree.new(&o);
		rc = backend_tree.rndr(t, &in, &b, &d);
		backend_tree.free(t);
		if (rc == 0 && b.len > 0)
			fwrite(b.s, 1, b.len, stdout);
		buf_free(&b);
	}
	content_free(&c);
	return rc == 0 ? 0 : EXIT_DATA;
}

static int
cmd_new(int argc, char **argv)
{
	struct diag	 d;
	const char	*slug = NULL, *from = NULL, *regio = NULL;
	const char	*content = "content";
	char		 today[16];
	time_t		 now = time(NULL);
	struct tm	 tm;
	int		 i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--from") == 0 && i + 1 < argc)
			from = argv[++i];
		else if (strcmp(argv[i], "--regio") == 0 && i + 1 < argc)
			regio = argv[++i];
		else if (strcmp(argv[i], "-C") == 0 && i + 1 < argc)
			content = argv[++i];
		else if (argv[i][0] == '-' || slug != NULL)
			return usage();
		else
			slug = argv[i];
	}
	if (slug == NULL)
		return usage();
	/* A new draft is dated today; only content, never an output. */
	localtime_r(&now, &tm);
	strftime(today, sizeof(today), "%Y-%m-%d", &tm);
	diag_init(&d, stderr);
	if (newed_create(content, slug, from, regio, today, &d) != 0)
		return EXIT_DATA;
	printf("created %s%s%s: fill in index.md and the chapters, then "
	    "gen check\n", strchr(slug, '/') ? "" : content,
	    strchr(slug, '/') ? "" : "/", slug);
	return 0;
}

static int
cmd_publish(int argc, char **argv)
{
	struct content	 c;
	struct diag	 d;
	char		*assets;
	int		 rc;

	if (argc != 2 || argv[1][0] == '-')
		return usage();
	diag_init(&d, stderr);
	rc = content_load(&c, &argv[1], 1, &d);
	if (rc == 0 && c.ned == 1) {
		assets = assets_dir();
		rc = build_publish(&c, c.ed[0], assets, &d);
		free(assets);
		if (rc == 0)
			printf("published %s: its files and SHA-256 sums are in "
			    "%s/published\n", c.ed[0]->slug, c.ed[0]->dir);
	} else if (rc == 0)
		rc = -1;
	content_free(&c);
	return rc == 0 ? 0 : EXIT_DATA;
}

static int
cmd_serve(int argc, char **argv)
{
	const char	*root = "content";
	char		*assets, *end;
	long		 port = -1;
	int		 i, rc, nroot = 0;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--port") == 0 && i + 1 < argc) {
			port = strtol(argv[++i], &end, 10);
			if (*argv[i] == '\0' || *end != '\0' || port < 0 ||
			    port > 65535) {
				fprintf(stderr, "gen: --port takes 0 to "
				    "65535\n");
				return usage();
			}
		} else if (argv[i][0] == '-' || nroot++ > 0)
			return usage();
		else
			root = argv[i];
	}
	assets = assets_dir();
	rc = serve_run(root, (int)port, assets);
	free(assets);
	return rc == 0 ? 0 : EXIT_DATA;
}

int
main(int argc, char **argv)
{
	/* Numbers are formatted by fmt.c alone; keep libc's C locale. */
	setlocale(LC_ALL, "C");
	if (argc < 2)
		return usage();
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(usage_text, stdout);
		fputs("\n", stdout);
		fputs(help_text, stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("gen %s\n", GEN_VERSION);
		return 0;
	}
	if (strcmp(argv[1], "build") == 0)
		return cmd_build(argc - 1, argv + 1, 1);
	if (strcmp(argv[1], "check") == 0)
		return cmd_build(argc - 1, argv + 1, 0);
	if (strcmp(argv[1], "stats") == 0)
		return cmd_stats(argc - 1, argv + 1);
	if (strcmp(argv[1], "tree") == 0)
		return cmd_tree(argc - 1, argv + 1);
	if (strcmp(argv[1], "new") == 0)
		return cmd_new(argc - 1, argv + 1);
	if (strcmp(argv[1], "publish") == 0)
		return cmd_publish(argc - 1, argv + 1);
	if (strcmp(argv[1], "serve") == 0)
		return cmd_serve(argc - 1, argv + 1);
	fprintf(stderr, "gen: unknown command '%s'\n", argv[1]);
	return usage();
}
