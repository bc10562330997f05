/*
 * serve.c: gen serve, the live preview (spec 6.5).
 *
 * The main thread owns the content, the fonts and the watches: it
 * waits for signals and inotify events, reloads the content folder
 * after a save, writes the pages the change affects into the served
 * folder (a private temporary folder) and then, one at a time and
 * only while nothing new was saved, their PDFs.  libmicrohttpd's
 * threads only read files from the served folder and the few fields
 * of struct srv marked "under mu".
 */
#define _GNU_SOURCE	/* close_range, pipe2 */

#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "backend.h"
#include "build.h"
#include "content.h"
#include "diag.h"
#include "edition.h"
#include "fonts.h"
#include "html.h"
#include "hyph.h"
#include "publish.h"
#include "serve.h"
#include "util.h"

#define SERVE_PORT	8000	/* when no --port is given and it is free */
#define SERVE_MAXCONN	64	/* connections at once */
#define SERVE_MEMLIMIT	(32 * 1024)	/* bytes of request line and headers */
#define SERVE_TIMEOUT	30	/* seconds an idle connection is kept */
#define SERVE_PING_MS	10000	/* keep-alive comment on the event stream */
#define SERVE_QUIET_MS	8	/* a save is over after this much quiet */
#define SERVE_SETTLE_MS	250	/* longest wait for the quiet */
#define WATCH_MASK	(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | \
			 IN_CREATE | IN_DELETE | IN_DELETE_SELF)

/* The script added to served pages only: reload on the server's word. */
static const char live_js[] =
"(function () {\n"
"\tvar s = document.currentScript;\n"
"\tvar g = s ? s.getAttribute('data-gen') : '0';\n"
"\tvar es = new EventSource('" SERVE_PREFIX "events?since=' + g);\n"
"\tes.addEventListener('reload', function () {\n"
"\t\tes.close();\n"
"\t\tlocation.reload();\n"
"\t});\n"
"})();\n";

struct watch {
	int	 wd;		/* inotify watch descriptor */
	char	*dir;		/* the folder watched, as reached from root */
};

struct srv {
	const char	*root;		/* the content folder */
	const char	*assets;	/* stylesheet and fonts */
	char		*tmp;		/* private temporary folder (owned) */
	struct MHD_Daemon *mhd;

	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;		/* signalled when gen or stopping
					   change */
	char		*site;		/* under mu: served folder (realpath),
					   or NULL before the first good
					   build */
	unsigned long	 gen;		/* under mu: bumped when pages change */
	char		*errors;	/* under mu: diagnostics shown, or
					   NULL */
	int		 stopping;	/* under mu */

	unsigned	 nsite;		/* builds into tmp/site-N so far */
	struct content	 c;		/* the content of the pages served */
	int		 have;		/* c holds a loaded content */
	struct fonts	*fonts;
	struct hyph	*hyph;
	struct chart_measure measure;
	int		 ifd;		/* inotify */
	struct watch	*w;
	size_t		 nw;
	char		**dirty;	/* paths saved since the last good
					   build */
	size_t		 ndirty;
	char		**pdf;		/* slugs whose PDF is still to write */
	size_t		 npdf;
	struct pdfjob {
		pid_t	 pid;		/* the child making a PDF, or 0 */
		int	 fd;		/* its diagnostics (a pipe) */
		char	*slug;		/* its edition */
		struct buf text;	/* its diagnostics so far */
		double	 t0;		/* when it started (ms) */
	}		 job;
};

/* One connection's event stream. */
struct events {
	struct srv	*s;
	unsigned long	 since;		/* generation the page was served at */
	int		 hello;		/* the retry line was sent */
};

static double
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* --- string lists ------------------------------------------------------ */

static int
list_has(char **v, size_t n, const char *s)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return 1;
	return 0;
}

static void
list_add(char ***v, size_t *n, const char *s)
{
	if (list_has(*v, *n, s))
		return;
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[(*n)++] = xstrdup(s);
}

static void
list_clear(char ***v, size_t *n)
{
	size_t	 i;

	for (i = 0; i < *n; i++)
		free((*v)[i]);
	free(*v);
	*v = NULL;
	*n = 0;
}

/*
 * A path made comparable: its folder resolved by realpath() (the file
 * itself may be gone), or the path as it is.  The caller frees it.
 */
static char *
canon(const char *path)
{
	char	 rp[PATH_MAX], *dir, *base, *r;

	dir = util_dirname(path);
	base = util_basename(path);
	if (realpath(dir, rp) != NULL)
		r = util_path_join(rp, base);
	else
		r = xstrdup(path);
	free(dir);
	free(base);
	return r;
}

static int
same_path(const char *canonical, char *other)
{
	char	*c;
	int	 same;

	if (other == NULL)
		return 0;
	c = canon(other);
	same = strcmp(c, canonical) == 0;
	free(c);
	free(other);
	return same;
}

/* --- what a saved file affects ------------------------------------------ */

enum touch {
	TOUCH_NONE,	/* not this edition */
	TOUCH_PAGE,	/* its pages: HTML, then PDF */
	TOUCH_ALL	/* files only a whole build copies (logo, frozen) */
};

static enum touch
touches(const struct content *c, const struct edition *e, const char *p)
{
	const struct meta	*m = &e->meta;
	char			*dir = canon(e->dir), *pub;
	size_t			 i, n = strlen(dir);
	enum touch		 t = TOUCH_NONE;

	pub = util_path_join(dir, PUBLISH_DIR);
	if (same_path(p, content_path(c, e, m->brand_logo.s)) ||
	    (strncmp(p, pub, strlen(pub)) == 0 &&
	    (p[strlen(pub)] == '/' || p[strlen(pub)] == '\0')))
		t = TOUCH_ALL;
	else if (strncmp(p, dir, n) == 0 && p[n] == '/' &&
	    strchr(p + n + 1, '/') == NULL)
		t = TOUCH_PAGE;
	else if (same_path(p, content_path(c, e, m->data.s)))
		t = TOUCH_PAGE;
	for (i = 0; t == TOUCH_NONE && i < m->ntables; i++)
		if (same_path(p, content_path(c, e, m->tables[i].path.s)))
			t = TOUCH_PAGE;
	free(pub);
	free(dir);
	return t;
}

/*
 * The frozen folders of the published editions served now in which
 * nothing was saved since: verified when they were loaded, they need
 * not be hashed again.  Returns their number; *v as for list_add().
 */
static size_t
trusted(const struct srv *s, char ***v)
{
	const struct edition *e;
	char		*f, *p;
	size_t		 k, i, n = 0, len;

	*v = NULL;
	for (k = 0; s->have && k < s->c.ned; k++) {
		if ((e = s->c.ed[k])->frozen == NULL)
			continue;
		f = canon(e->frozen);
		len = strlen(f);
		p = NULL;
		for (i = 0; i < s->ndirty; i++) {
			p = canon(s->dirty[i]);
			if (strncmp(p, f, len) == 0 &&
			    (p[len] == '/' || p[len] == '\0'))
				break;
			if (strncmp(f, p, strlen(p)) == 0 &&
			    f[strlen(p)] == '/')
				break;		/* a folder above it */
			free(p);
			p = NULL;
		}
		free(p);
		if (i == s->ndirty)
			list_add(v, &n, e->frozen);
		free(f);
	}
	return n;
}

/* Nonzero when both contents have the same editions (by slug). */
static int
same_editions(const struct content *a, const struct content *b)
{
	size_t	 i, j;

	if (a->ned != b->ned)
		return 0;
	for (i = 0; i < a->ned; i++) {
		for (j = 0; j < b->ned; j++)
			if (strcmp(a->ed[i]->slug, b->ed[j]->slug) == 0)
				break;
		if (j == b->ned)
			return 0;
	}
	return 1;
}

/*
 * Marks in hit[] the editions of c that the saved paths affect;
 * returns 1 when only a whole build will do.
 */
static int
affected(const struct srv *s, const struct content *c, int *hit)
{
	char	*codes, *root, *p, *dir;
	size_t	 i, k;
	int	 whole = 0;

	if (!s->have || !same_editions(&s->c, c))
		return 1;
	codes = util_path_join(s->root, "codes.csv");
	root = canon(codes);
	free(codes);
	dir = util_dirname(root);
	for (i = 0; i < s->ndirty && !whole; i++) {
		p = canon(s->dirty[i]);
		if (strcmp(p, root) == 0)
			for (k = 0; k < c->ned; k++)
				hit[k] = 1;
		else if (util_is_dir(p) && strcmp(s->dirty[i], s->root) != 0) {
			/* A folder came or went: maybe an edition. */
			char *up = util_dirname(p);

			whole = strcmp(up, dir) == 0;
			free(up);
		}
		for (k = 0; k < c->ned && !whole; k++) {
			switch (touches(c, c->ed[k], p)) {
			case TOUCH_ALL:
				whole = 1;
				break;
			case TOUCH_PAGE:
				hit[k] = 1;
				break;
			case TOUCH_NONE:
				break;
			}
		}
		free(p);
	}
	free(dir);
	free(root);
	return whole;
}

/* --- publishing to the HTTP threads -------------------------------------- */

/* Sets the diagnostics shown (NULL: none) and reloads the pages. */
static void
publish_state(struct srv *s, char *errors, char *site)
{
	char	*old;

	pthread_mutex_lock(&s->mu);
	free(s->errors);
	s->errors = errors;
	old = NULL;
	if (site != NULL) {
		old = s->site;
		s->site = site;
	}
	s->gen++;
	pthread_cond_broadcast(&s->cv);
	pthread_mutex_unlock(&s->mu);
	if (old != NULL) {
		util_rmtree(old);
		free(old);
	}
}

/* Writes a file of the served folder so that readers see all or nothing. */
static int
put_file(const char *dir, const char *name, const char *data, size_t len)
{
	char	*p = util_path_join(dir, name), *t;
	int	 rc;

	t = xasprintf("%s.tmp-serve", p);
	rc = util_write_file(t, data, len);
	if (rc == 0)
		rc = rename(t, p);
	if (rc != 0)
		unlink(t);
	free(t);
	free(p);
	return rc;
}

/* The name build.c gives the logo, as the page links it (logopng.h). */
static const char *
logo_name(const struct edition *e)
{
	return e->logo != NULL ? "logo.png" : NULL;
}

/* The page of e as build.c writes it (backend_html); the caller frees it. */
static char *
render_page(struct srv *s, const struct content *c, const struct edition *e)
{
	struct backend_opts	 o;
	struct backend_in	 in;
	struct buf		 b = { NULL, 0, 0 };
	void			*r;

	(void)c;
	memset(&o, 0, sizeof(o));
	o.measure = &s->measure;
	o.pdf = 1;
	memset(&in, 0, sizeof(in));
	in.e = e;
	in.logo = logo_name(e);
	r = backend_html.new(&o);
	(void)backend_html.rndr(r, &in, &b, NULL);
	backend_html.free(r);
	return b.s != NULL ? buf_detach(&b) : xstrdup("");
}

static int
write_page(struct srv *s, const struct content *c, const struct edition *e,
    const char *site, struct diag *d)
{
	char	*page, *dir;
	int	 rc;

	page = render_page(s, c, e);
	dir = util_path_join(site, e->slug);
	if ((rc = put_file(dir, "index.html", page, strlen(page))) != 0)
		diag_error(d, dir, 0, 0, "cannot write: %s", strerror(errno));
	free(dir);
	free(page);
	return rc;
}

/*
 * After the saved editions are served: the other drafts, whose text may
 * quote the saved ones' figures.  A page that came out different is
 * written, its PDF queued, and the pages reloaded once more.
 */
static void
refresh_others(struct srv *s, const int *hit, const char *site)
{
	const struct edition *e;
	struct diag	 d;
	char		*page, *path, *old;
	size_t		 k, len, n = 0;

	diag_init(&d, stderr);
	for (k = 0; k < s->c.ned; k++) {
		if (hit[k] || (e = s->c.ed[k])->frozen != NULL)
			continue;
		page = render_page(s, &s->c, e);
		path = xasprintf("%s/%s/index.html", site, e->slug);
		old = util_read_file(path, &len);
		if ((old == NULL || strcmp(old, page) != 0) &&
		    write_page(s, &s->c, e, site, &d) == 0) {
			list_add(&s->pdf, &s->npdf, e->slug);
			n++;
		}
		free(old);
		free(path);
		free(page);
	}
	if (n > 0) {
		fprintf(stderr, "gen serve: %zu other page%s changed with "
		    "them\n", n, n == 1 ? "" : "s");
		publish_state(s, NULL, NULL);
	}
}

static int
write_archive(struct srv *s, const struct content *c, const char *site,
    struct diag *d)
{
	struct html_opts	 o;
	char			*page;
	int			 rc;

	memset(&o, 0, sizeof(o));
	o.measure = &s->measure;
	o.pdf = 1;
	page = html_archive(c, &o);
	if ((rc = put_file(site, "index.html", page, strlen(page))) != 0)
		diag_error(d, site, 0, 0, "cannot write: %s", strerror(errno));
	free(page);
	return rc;
}

/* The folder served now (realpath), or NULL; the caller frees it. */
static char *
site_now(struct srv *s)
{
	char	*site;

	pthread_mutex_lock(&s->mu);
	site = s->site != NULL ? xstrdup(s->site) : NULL;
	pthread_mutex_unlock(&s->mu);
	return site;
}

/* --- PDFs ------------------------------------------------------------- */

/*
 * The PDFs are made by a child process each, so that a save while one
 * is made is not kept waiting: the child has the content as it was
 * when it was forked, writes the PDF into the served folder and its
 * diagnostics into a pipe, and ends; one that a newer save makes
 * stale is killed and its edition queued again.
 */

static const struct edition *
find_edition(const struct content *c, const char *slug)
{
	size_t	 k;

	for (k = 0; k < c->ned; k++)
		if (strcmp(c->ed[k]->slug, slug) == 0)
			return c->ed[k];
	return NULL;
}

/* In the child: the PDF of e into site; returns the exit status. */
static int
pdf_child(struct srv *s, const struct edition *e, const char *site, int fd)
{
	struct buf	 pdf = { NULL, 0, 0 };
	struct diag	 d;
	FILE		*f;
	char		*dir, *name;

	/* Only the pipe: the server's sockets stay the parent's. */
	if (dup2(fd, 3) == -1 || close_range(4, ~0U, 0) == -1 ||
	    (f = fdopen(3, "w")) == NULL)
		return 2;
	diag_init(&d, f);
	dir = util_path_join(site, e->slug);
	name = xasprintf("%s.pdf", e->slug);
	if (build_pdf(e, s->fonts, s->hyph, s->assets, &pdf, &d) == 0 &&
	    put_file(dir, name, pdf.s, pdf.len) != 0)
		diag_error(&d, dir, 0, 0, "cannot write: %s", strerror(errno));
	if (d.nerr > 0)
		fprintf(f, "gen: %d error%s\n", d.nerr, d.nerr == 1 ? "" : "s");
	fclose(f);
	buf_free(&pdf);
	free(name);
	free(dir);
	return d.nerr > 0;
}

/* Starts the child for the next queued PDF. */
static void
pdf_start(struct srv *s)
{
	const struct edition *e;
	char		*slug, *site;
	int		 fds[2];
	pid_t		 pid;

	slug = s->pdf[--s->npdf];
	if ((e = find_edition(&s->c, slug)) == NULL ||
	    (site = site_now(s)) == NULL) {
		free(slug);
		return;
	}
	fflush(stdout);
	fflush(stderr);
	if (pipe2(fds, O_CLOEXEC) == -1 || (pid = fork()) == -1) {
		fprintf(stderr, "gen serve: cannot make the PDF of %s: %s\n",
		    slug, strerror(errno));
		free(site);
		free(slug);
		return;
	}
	if (pid == 0) {
		close(fds[0]);
		_exit(pdf_child(s, e, site, fds[1]));
	}
	close(fds[1]);
	s->job.pid = pid;
	s->job.fd = fds[0];
	s->job.slug = slug;
	s->job.t0 = now_ms();
	free(site);
}

static void
pdf_end(struct srv *s)
{
	close(s->job.fd);
	buf_free(&s->job.text);
	free(s->job.slug);
	memset(&s->job, 0, sizeof(s->job));
}

/* Reads the child's diagnostics; at their end, its result. */
static void
pdf_read(struct srv *s)
{
	char	 b[4096];
	ssize_t	 n;
	int	 st;

	if ((n = read(s->job.fd, b, sizeof(b))) > 0) {
		buf_add(&s->job.text, b, (size_t)n);
		return;
	}
	if (n == -1 && errno == EINTR)
		return;
	while (waitpid(s->job.pid, &st, 0) == -1 && errno == EINTR)
		continue;
	if (s->job.text.len > 0)
		fputs(s->job.text.s, stderr);
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		fprintf(stderr, "gen serve: %s.pdf in %.0f ms\n", s->job.slug,
		    now_ms() - s->job.t0);
	else if (WIFEXITED(st) && WEXITSTATUS(st) == 1) {
		fprintf(stderr, "gen serve: no new PDF of %s\n", s->job.slug);
		publish_state(s, buf_detach(&s->job.text), NULL);
	} else
		fprintf(stderr, "gen serve: the PDF of %s failed\n",
		    s->job.slug);
	pdf_end(s);
}

/* Stops the child, if any; its edition is queued again. */
static void
pdf_cancel(struct srv *s)
{
	if (s->job.pid == 0)
		return;
	kill(s->job.pid, SIGKILL);
	while (waitpid(s->job.pid, NULL, 0) == -1 && errno == EINTR)
		continue;
	list_add(&s->pdf, &s->npdf, s->job.slug);
	pdf_end(s);
}

/* --- rebuilding --------------------------------------------------------- */

/* A diagnostics stream that keeps its text for the page as well. */
struct capture {
	FILE	*f;
	char	*text;
	size_t	 len;
};

static void
capture_open(struct capture *cap, struct diag *d)
{
	memset(cap, 0, sizeof(*cap));
	if ((cap->f = open_memstream(&cap->text, &cap->len)) == NULL)
		oom();
	diag_init(d, cap->f);
}

/* Closes the stream, prints it on stderr; returns its text (owned). */
static char *
capture_close(struct capture *cap, const struct diag *d)
{
	fclose(cap->f);
	fputs(cap->text, stderr);
	if (d->nerr > 0) {
		char *t = xasprintf("%sgen: %d error%s\n", cap->text, d->nerr,
		    d->nerr == 1 ? "" : "s");

		free(cap->text);
		cap->text = t;
		fprintf(stderr, "gen: %d error%s; the preview keeps the last "
		    "good pages\n", d->nerr, d->nerr == 1 ? "" : "s");
	}
	return cap->text;
}

/* Builds everything into a new folder and serves that. */
static int
build_whole(struct srv *s, const struct content *c, struct diag *d)
{
	char	*site, rp[PATH_MAX];
	int	 rc;

	site = xasprintf("%s/site-%u", s->tmp, ++s->nsite);
	rc = build_run(c, site, s->assets, d);
	if (rc == 0 && d->nerr == 0 && realpath(site, rp) != NULL) {
		free(site);
		return 0;
	}
	util_rmtree(site);
	free(site);
	return -1;
}

/* Takes nc as the content served, freeing the old one. */
static void
adopt(struct srv *s, struct content *nc)
{
	if (s->have)
		content_free(&s->c);
	s->c = *nc;
	s->have = 1;
	list_clear(&s->dirty, &s->ndirty);
}

/*
 * Reloads the content after saves: the pages the saves affect are
 * written at once and their PDFs queued; a change with errors only
 * shows them.
 */
static void
rebuild(struct srv *s)
{
	struct content	 nc;
	struct capture	 cap;
	struct diag	 d;
	char		*root = (char *)s->root, *site = NULL, rp[PATH_MAX];
	char		**trust;
	int		*hit = NULL, whole, rc;
	size_t		 k, n = 0, ntrust;
	double		 t0 = now_ms();

	capture_open(&cap, &d);
	ntrust = trusted(s, &trust);
	rc = content_load_trusting(&nc, &root, 1, trust, ntrust, &d);
	list_clear(&trust, &ntrust);
	if (rc != 0 || d.nerr > 0) {
		content_free(&nc);
		publish_state(s, capture_close(&cap, &d), NULL);
		return;
	}
	hit = xcalloc(nc.ned + 1, sizeof(*hit));
	whole = affected(s, &nc, hit) || (site = site_now(s)) == NULL;
	for (k = 0; s->job.pid != 0 && k < nc.ned; k++)
		if (whole || (hit[k] && strcmp(nc.ed[k]->slug,
		    s->job.slug) == 0))
			pdf_cancel(s);
	if (whole) {
		if (build_whole(s, &nc, &d) != 0) {
			content_free(&nc);
			free(hit);
			publish_state(s, capture_close(&cap, &d), NULL);
			return;
		}
		site = xasprintf("%s/site-%u", s->tmp, s->nsite);
		if (realpath(site, rp) != NULL) {
			free(site);
			site = xstrdup(rp);
		}
		adopt(s, &nc);
		list_clear(&s->pdf, &s->npdf);
		free(capture_close(&cap, &d));
		fprintf(stderr, "gen serve: rebuilt everything in %.0f ms\n",
		    now_ms() - t0);
		publish_state(s, NULL, site);
		free(hit);
		return;
	}
	for (k = 0; k < nc.ned; k++)
		if (hit[k] && nc.ed[k]->frozen == NULL) {
			write_page(s, &nc, nc.ed[k], site, &d);
			n++;
		}
	write_archive(s, &nc, site, &d);
	if (d.nerr > 0) {
		content_free(&nc);
		free(hit);
		free(site);
		publish_state(s, capture_close(&cap, &d), NULL);
		return;
	}
	for (k = 0; k < nc.ned; k++)
		if (hit[k] && nc.ed[k]->frozen == NULL)
			list_add(&s->pdf, &s->npdf, nc.ed[k]->slug);
	adopt(s, &nc);
	free(capture_close(&cap, &d));
	fprintf(stderr, "gen serve: %zu page%s in %.0f ms\n", n,
	    n == 1 ? "" : "s", now_ms() - t0);
	publish_state(s, NULL, NULL);
	refresh_others(s, hit, site);
	free(site);
	free(hit);
}

/* --- watching ----------------------------------------------------------- */

/* Names editors write beside the file while saving. */
static int
ignored(const char *name)
{
	size_t	 n = strlen(name);

	return name[0] == '.' || name[0] == '#' || n == 0 ||
	    name[n - 1] == '~' || strcmp(name, "4913") == 0 ||
	    (n > 4 && (strcmp(name + n - 4, ".swp") == 0 ||
	    strcmp(name + n - 4, ".swx") == 0)) ||
	    (n > 10 && strcmp(name + n - 10, ".tmp-serve") == 0);
}

/*
 * Watches dir and every folder below it (not through symbolic links);
 * with mark, also counts what is in them as saved (a folder that just
 * came may have been filled before its watch).
 */
static void
watch_tree(struct srv *s, const char *dir, int mark)
{
	struct stat	 st;
	char		**names, *sub;
	int		 wd, n, i;

	if (lstat(dir, &st) == -1 || !S_ISDIR(st.st_mode))
		return;
	if ((wd = inotify_add_watch(s->ifd, dir, WATCH_MASK |
	    IN_ONLYDIR | IN_DONT_FOLLOW)) == -1) {
		fprintf(stderr, "gen serve: cannot watch %s: %s\n", dir,
		    strerror(errno));
		return;
	}
	s->w = xreallocarray(s->w, s->nw + 1, sizeof(*s->w));
	s->w[s->nw].wd = wd;
	s->w[s->nw++].dir = xstrdup(dir);
	if ((n = util_list_dir(dir, &names)) < 0)
		return;
	for (i = 0; i < n; i++) {
		if (ignored(names[i]))
			continue;
		sub = util_path_join(dir, names[i]);
		if (mark)
			list_add(&s->dirty, &s->ndirty, sub);
		watch_tree(s, sub, mark);
		free(sub);
	}
	util_free_list(names, n);
}

static const char *
watch_dir(const struct srv *s, int wd)
{
	size_t	 i;

	for (i = s->nw; i > 0; i--)
		if (s->w[i - 1].wd == wd)
			return s->w[i - 1].dir;
	return NULL;
}

/* Reads the pending events into s->dirty; returns how many counted. */
static int
read_events(struct srv *s)
{
	char		 b[8192] __attribute__((aligned(8)));
	const struct inotify_event *ev;
	const char	*dir;
	char		*p;
	ssize_t		 n;
	size_t		 off;
	int		 count = 0;

	while ((n = read(s->ifd, b, sizeof(b))) > 0) {
		for (off = 0; off < (size_t)n; off += sizeof(*ev) + ev->len) {
			ev = (const struct inotify_event *)(b + off);
			if ((dir = watch_dir(s, ev->wd)) == NULL)
				continue;
			if (ev->len == 0) {
				if (ev->mask & IN_DELETE_SELF)
					list_add(&s->dirty, &s->ndirty, dir);
				continue;
			}
			if (ignored(ev->name) || ((ev->mask & IN_CREATE) &&
			    !(ev->mask & IN_ISDIR)))
				continue;
			p = util_path_join(dir, ev->name);
			if ((ev->mask & IN_ISDIR) &&
			    (ev->mask & (IN_CREATE | IN_MOVED_TO)))
				watch_tree(s, p, 1);
			list_add(&s->dirty, &s->ndirty, p);
			free(p);
			count++;
		}
	}
	return count;
}

/* After a first event: waits until the save is over, gathering events. */
static void
settle(struct srv *s)
{
	struct pollfd	 pfd = { s->ifd, POLLIN, 0 };
	double		 t0 = now_ms();

	while (now_ms() - t0 < SERVE_SETTLE_MS &&
	    poll(&pfd, 1, SERVE_QUIET_MS) > 0)
		read_events(s);
}

/* --- HTTP --------------------------------------------------------------- */

static enum MHD_Result
reply(struct MHD_Connection *conn, unsigned status, struct MHD_Response *r)
{
	enum MHD_Result	 rc;

	MHD_add_response_header(r, "Cache-Control", "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	rc = MHD_queue_response(conn, status, r);
	MHD_destroy_response(r);
	return rc;
}

static enum MHD_Result
reply_text(struct MHD_Connection *conn, unsigned status, const char *type,
    char *text)
{
	struct MHD_Response	*r;

	r = MHD_create_response_from_buffer(strlen(text), text,
	    MHD_RESPMEM_MUST_FREE);
	if (r == NULL) {
		free(text);
		return MHD_NO;
	}
	MHD_add_response_header(r, "Content-Type", type);
	return reply(conn, status, r);
}

static enum MHD_Result
reply_status(struct MHD_Connection *conn, unsigned status, const char *msg)
{
	return reply_text(conn, status, "text/plain; charset=utf-8",
	    xasprintf("%u %s\n", status, msg));
}

static const char *
mime_type(const char *path)
{
	static const struct {
		const char *ext, *type;
	} types[] = {
		{ ".html", "text/html; charset=utf-8" },
		{ ".css", "text/css; charset=utf-8" },
		{ ".js", "text/javascript; charset=utf-8" },
		{ ".json", "application/json" },
		{ ".xml", "application/xml" },
		{ ".svg", "image/svg+xml" },
		{ ".png", "image/png" },
		{ ".pdf", "application/pdf" },
		{ ".woff2", "font/woff2" },
		{ ".ttf", "font/ttf" },
		{ ".txt", "text/plain; charset=utf-8" },
		{ ".tsv", "text/plain; charset=utf-8" },
	};
	const char	*dot = strrchr(path, '.');
	size_t		 i;

	for (i = 0; dot != NULL && i < GEN_NELEM(types); i++)
		if (strcmp(dot, types[i].ext) == 0)
			return types[i].type;
	if (strstr(path, "/LICENSE") != NULL)
		return "text/plain; charset=utf-8";
	return "application/octet-stream";
}

/* What the preview adds before </body>: the errors, then the script. */
static void
preview_tail(struct buf *b, const char *errors, unsigned long gen)
{
	if (errors != NULL) {
		buf_puts(b, "<div id=\"gen-serve-errors\" role=\"alert\" "
		    "style=\"position:fixed;left:0;right:0;bottom:0;"
		    "z-index:2147483647;max-height:60vh;overflow:auto;"
		    "margin:0;padding:1em 1.5em;background:#fff;color:#1a1a1a;"
		    "border-top:6px solid #b00020;box-shadow:0 -2px 12px "
		    "rgba(0,0,0,.3);font:15px/1.4 sans-serif\">\n"
		    "<p style=\"margin:0 0 .5em;font-weight:bold;"
		    "color:#b00020\">"
		    "gen serve: the content has errors; this is the last good "
		    "build</p>\n<pre style=\"margin:0;white-space:pre-wrap;"
		    "font:14px/1.4 monospace\">");
		buf_html_s(b, errors);
		buf_puts(b, "</pre>\n</div>\n");
	}
	buf_printf(b, "<script src=\"" SERVE_PREFIX "live.js\" "
	    "data-gen=\"%lu\"></script>\n", gen);
}

/* A page of the served folder with the preview's additions. */
static enum MHD_Result
reply_page(struct srv *s, struct MHD_Connection *conn, int fd, size_t len)
{
	struct buf	 b = { NULL, 0, 0 };
	char		*text, *end, *errors;
	unsigned long	 gen;
	ssize_t		 n;
	size_t		 got = 0;

	pthread_mutex_lock(&s->mu);
	gen = s->gen;
	errors = s->errors != NULL ? xstrdup(s->errors) : NULL;
	pthread_mutex_unlock(&s->mu);
	text = xmalloc(len + 1);
	while (got < len && (n = read(fd, text + got, len - got)) > 0)
		got += (size_t)n;
	close(fd);
	text[got] = '\0';
	end = strstr(text, "</body>");
	buf_add(&b, text, end != NULL ? (size_t)(end - text) : got);
	preview_tail(&b, errors, gen);
	if (end != NULL)
		buf_puts(&b, end);
	free(text);
	free(errors);
	return reply_text(conn, MHD_HTTP_OK, "text/html; charset=utf-8",
	    buf_detach(&b));
}

/* Before the first good build: only the diagnostics. */
static enum MHD_Result
reply_nobuild(struct srv *s, struct MHD_Connection *conn)
{
	struct buf	 b = { NULL, 0, 0 };
	unsigned long	 gen;
	char		*errors;

	pthread_mutex_lock(&s->mu);
	gen = s->gen;
	errors = s->errors != NULL ? xstrdup(s->errors) : NULL;
	pthread_mutex_unlock(&s->mu);
	buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>gen serve</title>\n</head>\n"
	    "<body>\n<h1>gen serve: nothing built yet</h1>\n");
	preview_tail(&b, errors != NULL ? errors : "building ...\n", gen);
	buf_puts(&b, "</body>\n</html>\n");
	free(errors);
	return reply_text(conn, MHD_HTTP_OK, "text/html; charset=utf-8",
	    buf_detach(&b));
}

static ssize_t
events_read(void *cls, uint64_t pos, char *out, size_t max)
{
	struct events	*ev = cls;
	struct srv	*s = ev->s;
	struct timespec	 ts;
	unsigned long	 gen;
	int		 timedout = 0;

	(void)pos;
	if (!ev->hello) {
		ev->hello = 1;
		return snprintf(out, max, "retry: 500\n\n");
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += SERVE_PING_MS / 1000;
	pthread_mutex_lock(&s->mu);
	while (!s->stopping && s->gen == ev->since && !timedout)
		timedout = pthread_cond_timedwait(&s->cv, &s->mu, &ts) ==
		    ETIMEDOUT;
	gen = s->gen;
	if (s->stopping) {
		pthread_mutex_unlock(&s->mu);
		return MHD_CONTENT_READER_END_OF_STREAM;
	}
	pthread_mutex_unlock(&s->mu);
	if (gen == ev->since)
		return snprintf(out, max, ": ping\n\n");
	ev->since = gen;
	return snprintf(out, max, "event: reload\ndata: %lu\n\n", gen);
}

static enum MHD_Result
reply_events(struct srv *s, struct MHD_Connection *conn)
{
	struct MHD_Response	*r;
	struct events		*ev;
	const char		*since;

	ev = xcalloc(1, sizeof(*ev));
	ev->s = s;
	since = MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND,
	    "since");
	ev->since = since != NULL ? strtoul(since, NULL, 10) : 0;
	r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 256,
	    events_read, ev, free);
	if (r == NULL) {
		free(ev);
		return MHD_NO;
	}
	MHD_add_response_header(r, "Content-Type", "text/event-stream");
	return reply(conn, MHD_HTTP_OK, r);
}

/*
 * The file of the served folder that url names, opened, or a status:
 * 400 for control characters, 403 for a path that leaves the folder,
 * 404, or 301 for a folder named without its slash.
 */
static unsigned
open_url(const char *site, const char *url, int *fd, struct stat *st)
{
	char	*p, *q, *path, rp[PATH_MAX];
	size_t	 n = strlen(site);
	unsigned status = MHD_HTTP_OK;

	for (q = (char *)url; *q != '\0'; q++)
		if ((unsigned char)*q < 0x20 || *q == 0x7f)
			return MHD_HTTP_BAD_REQUEST;
	if (url[0] != '/' || strchr(url, '\\') != NULL)
		return MHD_HTTP_FORBIDDEN;
	/* MHD has decoded %xx: "%2e%2e%2f" arrives here as "../". */
	p = xstrdup(url);
	for (q = strtok(p, "/"); q != NULL; q = strtok(NULL, "/"))
		if (q[0] == '.')
			status = strcmp(q, ".") == 0 || strcmp(q, "..") == 0 ?
			    MHD_HTTP_FORBIDDEN : MHD_HTTP_NOT_FOUND;
	free(p);
	if (status != MHD_HTTP_OK)
		return status;
	path = xasprintf("%s%s%s", site, url,
	    url[strlen(url) - 1] == '/' ? "index.html" : "");
	if (realpath(path, rp) == NULL)
		status = MHD_HTTP_NOT_FOUND;
	else if (strncmp(rp, site, n) != 0 || (rp[n] != '/' && rp[n] != '\0'))
		status = MHD_HTTP_FORBIDDEN;	/* a symbolic link out */
	else if ((*fd = open(rp, O_RDONLY | O_CLOEXEC)) == -1 ||
	    fstat(*fd, st) == -1)
		status = MHD_HTTP_NOT_FOUND;
	else if (S_ISDIR(st->st_mode))
		status = MHD_HTTP_MOVED_PERMANENTLY;
	else if (!S_ISREG(st->st_mode))
		status = MHD_HTTP_NOT_FOUND;
	if (status != MHD_HTTP_OK && *fd != -1) {
		close(*fd);
		*fd = -1;
	}
	free(path);
	return status;
}

static enum MHD_Result
reply_file(struct srv *s, struct MHD_Connection *conn, const char *url)
{
	struct MHD_Response	*r;
	struct stat		 st;
	const char		*type;
	char			*site, *loc;
	unsigned		 status;
	int			 fd = -1;

	if ((site = site_now(s)) == NULL) {
		size_t n = strlen(url);

		if (url[n - 1] == '/' || (n > 5 &&
		    strcmp(url + n - 5, ".html") == 0))
			return reply_nobuild(s, conn);
		return reply_status(conn, MHD_HTTP_NOT_FOUND, "Not Found");
	}
	status = open_url(site, url, &fd, &st);
	free(site);
	if (status == MHD_HTTP_MOVED_PERMANENTLY) {
		loc = xasprintf("%s/", url);
		r = MHD_create_response_from_buffer(0, NULL,
		    MHD_RESPMEM_PERSISTENT);
		MHD_add_response_header(r, "Location", loc);
		free(loc);
		return reply(conn, status, r);
	}
	if (status == MHD_HTTP_FORBIDDEN)
		return reply_status(conn, status, "Forbidden");
	if (status == MHD_HTTP_BAD_REQUEST)
		return reply_status(conn, status, "Bad Request");
	if (status != MHD_HTTP_OK)
		return reply_status(conn, status, "Not Found");
	type = mime_type(url[strlen(url) - 1] == '/' ? "index.html" : url);
	if (strncmp(type, "text/html", 9) == 0)
		return reply_page(s, conn, fd, (size_t)st.st_size);
	if ((r = MHD_create_response_from_fd((size_t)st.st_size, fd)) ==
	    NULL) {
		close(fd);
		return MHD_NO;
	}
	MHD_add_response_header(r, "Content-Type", type);
	return reply(conn, MHD_HTTP_OK, r);
}

static enum MHD_Result
handle(void *cls, struct MHD_Connection *conn, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **state)
{
	struct srv		*s = cls;
	struct MHD_Response	*r;
	const char		*cl, *te;

	(void)version;
	(void)upload;
	(void)upload_size;
	(void)state;
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
		r = MHD_create_response_from_buffer(strlen("405 Method Not "
		    "Allowed\n"), (void *)"405 Method Not Allowed\n",
		    MHD_RESPMEM_PERSISTENT);
		MHD_add_response_header(r, "Allow", "GET, HEAD");
		MHD_add_response_header(r, "Content-Type", "text/plain");
		return reply(conn, MHD_HTTP_METHOD_NOT_ALLOWED, r);
	}
	cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
	    "Content-Length");
	te = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
	    "Transfer-Encoding");
	if ((cl != NULL && strcmp(cl, "0") != 0) || te != NULL)
		return reply_status(conn, MHD_HTTP_CONTENT_TOO_LARGE,
		    "Payload Too Large");
	if (strcmp(url, SERVE_PREFIX "live.js") == 0)
		return reply_text(conn, MHD_HTTP_OK,
		    "text/javascript; charset=utf-8", xstrdup(live_js));
	if (strcmp(url, SERVE_PREFIX "events") == 0)
		return reply_events(s, conn);
	return reply_file(s, conn, url);
}

/*
 * Decodes %xx as MHD does, but a NUL byte ("%00") becomes a control
 * character that open_url() refuses, rather than cutting the path short.
 */
static size_t
unescape(void *cls, struct MHD_Connection *conn, char *v)
{
	size_t	 i, n;

	(void)cls;
	(void)conn;
	n = MHD_http_unescape(v);
	for (i = 0; i < n; i++)
		if (v[i] == '\0')
			v[i] = '\x01';
	return n;
}

static struct MHD_Daemon *
start_daemon(struct srv *s, int port)
{
	struct sockaddr_in	 sa;

	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD |
	    MHD_USE_THREAD_PER_CONNECTION,
	    (uint16_t)port, NULL, NULL, handle, s,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)SERVE_MAXCONN,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SERVE_MEMLIMIT,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SERVE_TIMEOUT,
	    MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
	    MHD_OPTION_END);
}

/* --- the server ----------------------------------------------------------- */

static int
srv_init(struct srv *s, const char *root, const char *assets)
{
	const char	*t = getenv("TMPDIR");
	char		*fontdir;

	memset(s, 0, sizeof(*s));
	s->root = root;
	s->assets = assets;
	s->ifd = -1;
	pthread_mutex_init(&s->mu, NULL);
	pthread_cond_init(&s->cv, NULL);
	s->tmp = xasprintf("%s/gen-serve.XXXXXX", t != NULL && *t != '\0' ?
	    t : "/tmp");
	if (mkdtemp(s->tmp) == NULL) {
		fprintf(stderr, "gen serve: cannot create %s: %s\n", s->tmp,
		    strerror(errno));
		free(s->tmp);
		s->tmp = NULL;
		return -1;
	}
	fontdir = util_path_join(assets, "fonts");
	s->fonts = fonts_new(fontdir);
	free(fontdir);
	if (s->fonts == NULL)
		return -1;
	s->measure.width = fonts_measure_cb;
	s->measure.arg = s->fonts;
	s->hyph = hyph_new(HYPH_NL_DIC);
	if ((s->ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) == -1) {
		fprintf(stderr, "gen serve: inotify: %s\n", strerror(errno));
		return -1;
	}
	return 0;
}

static void
srv_free(struct srv *s)
{
	size_t	 i;

	if (s->tmp != NULL)
		util_rmtree(s->tmp);
	free(s->tmp);
	free(s->site);
	free(s->errors);
	if (s->have)
		content_free(&s->c);
	fonts_free(s->fonts);
	hyph_free(s->hyph);
	if (s->ifd != -1)
		close(s->ifd);
	for (i = 0; i < s->nw; i++)
		free(s->w[i].dir);
	free(s->w);
	list_clear(&s->dirty, &s->ndirty);
	list_clear(&s->pdf, &s->npdf);
	pthread_cond_destroy(&s->cv);
	pthread_mutex_destroy(&s->mu);
}

/*
 * Waits for saves, signals and the PDF child until SIGINT or SIGTERM;
 * starts the next PDF whenever no child is making one.
 */
static void
loop(struct srv *s, int sfd)
{
	struct pollfd		 pfd[3];
	struct signalfd_siginfo	 si;

	pfd[0].fd = sfd;
	pfd[0].events = POLLIN;
	pfd[1].fd = s->ifd;
	pfd[1].events = POLLIN;
	pfd[2].events = POLLIN;
	for (;;) {
		if (s->job.pid == 0 && s->npdf > 0)
			pdf_start(s);
		pfd[2].fd = s->job.pid != 0 ? s->job.fd : -1;
		if (poll(pfd, 3, -1) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		if ((pfd[0].revents & POLLIN) &&
		    read(sfd, &si, sizeof(si)) > 0)
			break;
		if ((pfd[1].revents & POLLIN) && read_events(s) > 0) {
			settle(s);
			rebuild(s);
		}
		if (s->job.pid != 0 && pfd[2].fd == s->job.fd &&
		    (pfd[2].revents & (POLLIN | POLLHUP | POLLERR)))
			pdf_read(s);
	}
	pdf_cancel(s);
}

int
serve_run(const char *root, int port, const char *assets)
{
	struct srv		 s;
	const union MHD_DaemonInfo *di;
	sigset_t		 sig, old;
	int			 sfd = -1, rc = -1;

	if (!util_is_dir(root)) {
		fprintf(stderr, "%s: error: no such folder\n", root);
		return -1;
	}
	/* Blocked in every thread; the main loop reads them. */
	sigemptyset(&sig);
	sigaddset(&sig, SIGINT);
	sigaddset(&sig, SIGTERM);
	sigaddset(&sig, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &sig, &old);
	sigdelset(&sig, SIGPIPE);
	if (srv_init(&s, root, assets) != 0 ||
	    (sfd = signalfd(-1, &sig, SFD_CLOEXEC)) == -1)
		goto out;
	/* The default port, or any free one when it is taken. */
	if (port < 0 && (s.mhd = start_daemon(&s, SERVE_PORT)) == NULL)
		port = 0;
	if (s.mhd == NULL && (s.mhd = start_daemon(&s, port)) == NULL) {
		fprintf(stderr, "gen serve: cannot listen on 127.0.0.1:%d "
		    "(in use? --port 0 takes any free port)\n", port);
		goto out;
	}
	di = MHD_get_daemon_info(s.mhd, MHD_DAEMON_INFO_BIND_PORT);
	watch_tree(&s, root, 0);
	list_add(&s.dirty, &s.ndirty, root);
	rebuild(&s);
	printf("gen serve: http://127.0.0.1:%u/ (content: %s; Ctrl-C "
	    "stops)\n", di != NULL ? (unsigned)di->port : (unsigned)port,
	    root);
	fflush(stdout);
	loop(&s, sfd);
	pthread_mutex_lock(&s.mu);
	s.stopping = 1;
	pthread_cond_broadcast(&s.cv);
	pthread_mutex_unlock(&s.mu);
	MHD_stop_daemon(s.mhd);
	fprintf(stderr, "gen serve: stopped\n");
	rc = 0;
out:
	if (sfd != -1)
		close(sfd);
	srv_free(&s);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return rc;
}
