/*
 * serve.h: gen serve (spec 6.5), the live preview.  Builds the content
 * folder into a private temporary folder (never out/), serves it on
 * 127.0.0.1 with libmicrohttpd, watches the content folder with
 * inotify, rebuilds what a saved change affects (the HTML first, the
 * PDF right after) and reloads the open pages through Server-Sent
 * Events; a change with errors keeps the last good pages and shows the
 * diagnostics in them.  Included by main.c.
 */
#ifndef GEN_SERVE_H
#define GEN_SERVE_H

/* Reserved URL prefix of the preview's own files (script, events). */
#define SERVE_PREFIX	"/__gen/"

/*
 * Serves root (a content folder) on 127.0.0.1:port (0: a free port;
 * -1: 8000, or a free port when 8000 is taken)
 * until SIGINT or SIGTERM, using the stylesheet and fonts in assets.
 * Prints the address on standard output and every rebuild's
 * diagnostics on standard error.  Returns 0 after a clean stop, -1 if
 * the server could not start (said why on standard error).
 */
int	 serve_run(const char *root, int port, const char *assets);

#endif
