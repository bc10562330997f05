/*
 * pdflayout.h: page breaking for the PDF back-end, without fonts or
 * drawing.  Given the document as a list of boxes with their heights
 * (the lines of a paragraph, unsplittable blocks such as figures and
 * table rows, forced page breaks) it decides where every piece goes:
 * which page and how far down.  Pure, so that its decisions (line by
 * line splits, widows and orphans, keep-with-next, footnote space,
 * repeated table headers) are unit tested without rendering.
 * Included by pdf_int.h, pdf.c, pdftext.c, pdfbox.c and
 * tests/unit/test_pdflayout.c.
 */
#ifndef GEN_PDFLAYOUT_H
#define GEN_PDFLAYOUT_H

#include <stddef.h>

enum pl_kind {
	PL_LINES,	/* lines of text: may split between two lines */
	PL_BLOCK,	/* one unsplittable block: figure, table row, heading */
	PL_BREAK	/* start a new page unless already at the top of one */
};

struct pl_box {
	enum pl_kind	 kind;
	double		 before;	/* space above; dropped at the top of a page */
	double		 after;		/* space below; boxes are separated by the
					   larger of after and the next before */
	double		 pad_top;	/* fixed space in the first piece (a frame's
					   padding), kept at the top of a page */
	double		 pad_bottom;	/* fixed space in the last piece */
	double		 height;	/* PL_BLOCK: its height without padding */
	size_t		 nlines;	/* PL_LINES: number of lines */
	const double	*line;		/* PL_LINES: height of each line (borrowed) */
	const double	*fn;		/* footnote space first needed on line i
					   (PL_LINES) or by the block (fn[0]),
					   or NULL for none (borrowed) */
	int		 keep;		/* keep the whole box on the page of the
					   next box's start (headings, captions) */
	int		 orphans;	/* PL_LINES: fewest lines at a page bottom
					   (0: 2) */
	int		 widows;	/* PL_LINES: fewest lines carried over to
					   a new page (0: 2) */
	long		 repeat;	/* box drawn again above this one when it
					   starts a page (table header), or -1 */
	int		 split;		/* PL_LINES: kept whole like a block when
					   it fits on a page, else split between
					   lines as a paragraph (a table row with
					   a long cell) */
	const unsigned char *hy;	/* PL_LINES: nonzero where line i ends in
					   a hyphen inside a word, or NULL
					   (borrowed) */
	int		 floats;	/* PL_BLOCK (a figure): when it does not
					   fit, the boxes after it fill the page
					   and it goes to the top of the next;
					   never past a PL_BREAK or another
					   float */
	int		 ghost;		/* never placed in the flow, only drawn as
					   another box's repeat (a table's
					   continued caption and header) */
};

struct pl_geom {
	double		 body;		/* height of a page's body area */
	double		 fn_sep;	/* space between text and footnotes on a
					   page that has any */
};

/* Where one piece of a box goes (pieces in page order). */
struct pl_piece {
	size_t		 box;		/* index of the box */
	int		 page;		/* page, from 0 */
	double		 y;		/* top, below the top of the body area */
	double		 h;		/* height, padding included */
	size_t		 from, to;	/* PL_LINES: lines [from, to); else 0, 1 */
	int		 first;		/* holds the box's start (and pad_top) */
	int		 last;		/* holds the box's end (and pad_bottom) */
	int		 repeated;	/* a header drawn again, not its own place */
	int		 over;		/* too tall for a page: runs off its foot */
};

struct pl_page {
	double		 used;		/* body height taken by pieces */
	double		 fn;		/* footnote space taken, 0 for none */
};

struct pl_layout {
	struct pl_piece	*piece;		/* in page order: document order but
					   for floats moved forward */
	size_t		 npiece;
	struct pl_page	*page;		/* npages pages */
	int		 npages;
	int		 overflow;	/* pieces too tall for an empty page (or
					   one with only a repeated header);
					   each is marked over */
	size_t		*hyend;		/* pieces that end a page with a line
					   ending in a hyphen: a word broken
					   over two pages */
	size_t		 nhyend;
};

/*
 * Breaks n boxes into pages.  Rules: a box that starts a page loses
 * its space above; a PL_BLOCK never splits and goes to the next page
 * when it does not fit; a PL_LINES box splits between lines with at
 * least orphans lines before and widows lines after the break, else
 * it moves whole to the next page (a split box moves whole unless it is
 * taller than a page); a ghost box is only drawn as a repeat; a box
 * with keep goes to the next
 * page unless it fits together with the start of the next box; a line
 * or block that needs footnote space fits only if its footnotes fit
 * below it on the same page.  A box that does not fit on an empty page
 * (or one that holds only a repeated table header) is placed anyway,
 * its piece marked over and counted in overflow.  Fills *out; free it with
 * pl_layout_free().
 */
void	 pl_paginate(const struct pl_box *, size_t n, const struct pl_geom *,
	    struct pl_layout *out);
void	 pl_layout_free(struct pl_layout *);

/*
 * Hyphenation limits of a paragraph whose line i ends in a hyphen
 * where hy[i] is nonzero: the first line that makes a run of more than
 * max hyphenated lines in a row (its word should not be broken), or
 * -1 when there is none.  A paragraph's last line never ends in one.
 */
long	 pl_hyph_run(const unsigned char *hy, size_t n, int max);

#endif
