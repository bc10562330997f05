/*
 * test_pdflayout.c: unit tests of PDF page breaking (pdflayout.c):
 * paragraphs split line by line, widows and orphans, headings kept
 * with what follows, unsplittable blocks, forced breaks, footnote
 * space and repeated table headers.  No fonts, no drawing: boxes are
 * given as heights, as pdf.c measures them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "pdflayout.h"

#define LH	10.0		/* every line is 10 points high */
#define MAXL	64

#define assert_near(a, b) assert_true(fabs((double)(a) - (double)(b)) < 1e-6)

static const double lines[MAXL] = {
	LH, LH, LH, LH, LH, LH, LH, LH, LH, LH, LH, LH, LH, LH, LH, LH,
	LH, LH, LH, LH, LH, LH, LH, LH, LH, LH, LH, LH, LH, LH, LH, LH,
	LH, LH, LH, LH, LH, LH, LH, LH, LH, LH, LH, LH, LH, LH, LH, LH,
	LH, LH, LH, LH, LH, LH, LH, LH, LH, LH, LH, LH, LH, LH, LH, LH
};

static struct pl_box
para(size_t n, double before, double after)
{
	struct pl_box	 b;

	memset(&b, 0, sizeof(b));
	b.kind = PL_LINES;
	b.nlines = n;
	b.line = lines;
	b.before = before;
	b.after = after;
	b.repeat = -1;
	return b;
}

static struct pl_box
blk(double h, double before, double after)
{
	struct pl_box	 b;

	memset(&b, 0, sizeof(b));
	b.kind = PL_BLOCK;
	b.height = h;
	b.before = before;
	b.after = after;
	b.repeat = -1;
	return b;
}

static struct pl_box
brk(void)
{
	struct pl_box	 b;

	memset(&b, 0, sizeof(b));
	b.kind = PL_BREAK;
	b.repeat = -1;
	return b;
}

static void
run(const struct pl_box *b, size_t n, double body, struct pl_layout *l)
{
	struct pl_geom	 g;

	g.body = body;
	g.fn_sep = 10;
	pl_paginate(b, n, &g, l);
}

/* The i-th piece of box k, or fails. */
static const struct pl_piece *
piece(const struct pl_layout *l, size_t box, int nth)
{
	size_t	 i;

	for (i = 0; i < l->npiece; i++)
		if (l->piece[i].box == box && !l->piece[i].repeated &&
		    nth-- == 0)
			return &l->piece[i];
	fail_msg("box %zu has no piece %d", box, nth);
	return NULL;
}

/* Space between boxes collapses to the larger; a page top drops it. */
static void
test_spacing(void **state)
{
	struct pl_box	 b[3];
	struct pl_layout l;

	(void)state;
	b[0] = para(2, 12, 6);
	b[1] = para(3, 4, 6);
	b[2] = blk(30, 16, 16);
	run(b, 3, 200, &l);
	assert_int_equal(l.npages, 1);
	assert_int_equal(l.npiece, 3);
	assert_near(piece(&l, 0, 0)->y, 0);	/* before dropped at the top */
	assert_near(piece(&l, 1, 0)->y, 20 + 6);
	assert_near(piece(&l, 2, 0)->y, 26 + 30 + 16);
	assert_near(l.page[0].used, 72 + 30);
	assert_int_equal(l.overflow, 0);
	pl_layout_free(&l);
}

/* A long paragraph splits between lines and goes on. */
static void
test_split(void **state)
{
	struct pl_box	 b[1];
	struct pl_layout l;
	const struct pl_piece *p;

	(void)state;
	b[0] = para(25, 0, 0);
	run(b, 1, 100, &l);
	assert_int_equal(l.npages, 3);
	p = piece(&l, 0, 0);
	assert_int_equal(p->page, 0);
	assert_int_equal(p->from, 0);
	assert_int_equal(p->to, 10);
	assert_true(p->first && !p->last);
	p = piece(&l, 0, 1);
	assert_int_equal(p->page, 1);
	assert_int_equal(p->from, 10);
	assert_int_equal(p->to, 20);
	p = piece(&l, 0, 2);
	assert_int_equal(p->page, 2);
	assert_int_equal(p->to, 25);
	assert_true(!p->first && p->last);
	pl_layout_free(&l);
}

/* Never one line alone at the top of a page: it takes a second one. */
static void
test_widow(void **state)
{
	struct pl_box	 b[1];
	struct pl_layout l;

	(void)state;
	b[0] = para(10, 0, 0);
	run(b, 1, 95, &l);		/* 9 lines fit: 9 + 1 would widow */
	assert_int_equal(l.npages, 2);
	assert_int_equal(piece(&l, 0, 0)->to, 8);
	assert_int_equal(piece(&l, 0, 1)->from, 8);
	assert_int_equal(piece(&l, 0, 1)->to, 10);
	pl_layout_free(&l);
}

/* Never one line alone at the bottom of a page: the paragraph moves. */
static void
test_orphan(void **state)
{
	struct pl_box	 b[2];
	struct pl_layout l;

	(void)state;
	b[0] = para(8, 0, 0);
	b[1] = para(6, 0, 0);
	run(b, 2, 95, &l);		/* room for one line after the first */
	assert_int_equal(piece(&l, 0, 0)->page, 0);
	assert_int_equal(piece(&l, 1, 0)->page, 1);
	assert_int_equal(piece(&l, 1, 0)->from, 0);
	assert_int_equal(piece(&l, 1, 0)->to, 6);
	assert_near(piece(&l, 1, 0)->y, 0);
	pl_layout_free(&l);
}

/* Two lines fit: a paragraph of four splits 2 + 2. */
static void
test_orphan_two(void **state)
{
	struct pl_box	 b[2];
	struct pl_layout l;

	(void)state;
	b[0] = para(7, 0, 0);
	b[1] = para(4, 0, 0);
	run(b, 2, 95, &l);
	assert_int_equal(piece(&l, 1, 0)->page, 0);
	assert_int_equal(piece(&l, 1, 0)->to, 2);
	assert_int_equal(piece(&l, 1, 1)->page, 1);
	assert_int_equal(piece(&l, 1, 1)->to, 4);
	pl_layout_free(&l);
}

/* Three lines cannot leave two and two: they move together. */
static void
test_three_lines_whole(void **state)
{
	struct pl_box	 b[2];
	struct pl_layout l;

	(void)state;
	b[0] = para(7, 0, 0);
	b[1] = para(3, 0, 0);
	run(b, 2, 95, &l);		/* two of three would fit */
	assert_int_equal(piece(&l, 1, 0)->page, 1);
	assert_int_equal(piece(&l, 1, 0)->to, 3);
	pl_layout_free(&l);
}

/* A heading goes with the first lines of its paragraph. */
static void
test_keep_with_next(void **state)
{
	struct pl_box	 b[3];
	struct pl_layout l;

	(void)state;
	b[0] = para(6, 0, 0);
	b[1] = blk(18, 12, 6);
	b[1].keep = 1;
	b[2] = para(5, 0, 0);
	/* After 60: heading at 72..90, one line at 96..106 fits, two do not. */
	run(b, 3, 110, &l);
	assert_int_equal(piece(&l, 1, 0)->page, 1);
	assert_near(piece(&l, 1, 0)->y, 0);
	assert_int_equal(piece(&l, 2, 0)->page, 1);
	assert_near(piece(&l, 2, 0)->y, 24);
	pl_layout_free(&l);
	/* With room for two lines, heading and two lines stay. */
	run(b, 3, 116, &l);
	assert_int_equal(piece(&l, 1, 0)->page, 0);
	assert_int_equal(piece(&l, 2, 0)->page, 0);
	assert_int_equal(piece(&l, 2, 0)->to, 2);
	assert_int_equal(piece(&l, 2, 1)->page, 1);
	pl_layout_free(&l);
}

/* A chain of headings moves as one. */
static void
test_keep_chain(void **state)
{
	struct pl_box	 b[4];
	struct pl_layout l;

	(void)state;
	b[0] = para(6, 0, 0);
	b[1] = blk(18, 12, 6);
	b[1].keep = 1;
	b[2] = blk(14, 10, 4);
	b[2].keep = 1;
	b[3] = para(2, 0, 0);
	run(b, 4, 130, &l);		/* 60 + 12+18 + 10+14 + 4 = 118: no room for 20 */
	assert_int_equal(piece(&l, 1, 0)->page, 1);
	assert_int_equal(piece(&l, 2, 0)->page, 1);
	assert_int_equal(piece(&l, 3, 0)->page, 1);
	pl_layout_free(&l);
}

/* A keep chain taller than a page does not loop or leave blank pages. */
static void
test_keep_too_tall(void **state)
{
	struct pl_box	 b[3];
	struct pl_layout l;

	(void)state;
	b[0] = para(2, 0, 0);
	b[1] = blk(18, 0, 0);
	b[1].keep = 1;
	b[2] = blk(100, 0, 0);
	run(b, 3, 100, &l);
	assert_int_equal(piece(&l, 1, 0)->page, 1);
	assert_int_equal(piece(&l, 2, 0)->page, 2);
	assert_int_equal(l.overflow, 0);
	assert_int_equal(l.npages, 3);
	pl_layout_free(&l);
}

/* Figures and tables never split: they move to the next page whole. */
static void
test_block_moves(void **state)
{
	struct pl_box	 b[3];
	struct pl_layout l;

	(void)state;
	b[0] = para(5, 0, 0);
	b[1] = blk(60, 16, 16);
	b[2] = para(2, 0, 0);
	run(b, 3, 100, &l);
	assert_int_equal(piece(&l, 1, 0)->page, 1);
	assert_near(piece(&l, 1, 0)->y, 0);
	assert_int_equal(piece(&l, 2, 0)->page, 1);
	assert_near(piece(&l, 2, 0)->y, 76);
	pl_layout_free(&l);
}

/* A block taller than a page is placed alone and counted. */
static void
test_overflow(void **state)
{
	struct pl_box	 b[2];
	struct pl_layout l;

	(void)state;
	b[0] = para(2, 0, 0);
	b[1] = blk(150, 0, 0);
	run(b, 2, 100, &l);
	assert_int_equal(piece(&l, 1, 0)->page, 1);
	assert_int_equal(l.overflow, 1);
	assert_int_equal(piece(&l, 0, 0)->over, 0);
	assert_int_equal(piece(&l, 1, 0)->over, 1);
	pl_layout_free(&l);
}

/*
 * A table row taller than a page, on a new page under its repeated
 * header, is counted and marked too (the header does not hide it).
 */
static void
test_overflow_row(void **state)
{
	struct pl_box	 b[4];
	struct pl_layout l;
	size_t		 i, nover = 0;

	(void)state;
	b[0] = para(2, 0, 0);
	b[1] = blk(20, 0, 0);		/* header */
	b[1].keep = 1;
	b[2] = blk(20, 0, 0);
	b[2].repeat = 1;
	b[3] = blk(150, 0, 0);		/* the tall row */
	b[3].repeat = 1;
	run(b, 4, 100, &l);
	assert_int_equal(piece(&l, 3, 0)->page, 1);
	assert_int_equal(l.overflow, 1);
	for (i = 0; i < l.npiece; i++)
		if (l.piece[i].over) {
			nover++;
			assert_int_equal(l.piece[i].box, 3);
		}
	assert_int_equal(nover, 1);
	pl_layout_free(&l);
}

/* Forced breaks start pages, but never an empty one. */
static void
test_breaks(void **state)
{
	struct pl_box	 b[6];
	struct pl_layout l;

	(void)state;
	b[0] = brk();
	b[1] = para(2, 0, 0);
	b[2] = brk();
	b[3] = brk();
	b[4] = para(2, 20, 0);
	b[5] = brk();
	run(b, 6, 100, &l);
	assert_int_equal(l.npages, 2);
	assert_int_equal(piece(&l, 1, 0)->page, 0);
	assert_int_equal(piece(&l, 4, 0)->page, 1);
	assert_near(piece(&l, 4, 0)->y, 0);
	pl_layout_free(&l);
}

/* A frame's padding stays at the top of a page; its margin does not. */
static void
test_padding(void **state)
{
	struct pl_box	 b[2];
	struct pl_layout l;
	const struct pl_piece *p;

	(void)state;
	b[0] = para(9, 0, 0);
	b[1] = para(6, 14, 14);
	b[1].pad_top = 10;
	b[1].pad_bottom = 10;
	run(b, 2, 100, &l);
	p = piece(&l, 1, 0);
	assert_int_equal(p->page, 1);
	assert_near(p->y, 0);
	assert_near(p->h, 10 + 60 + 10);
	pl_layout_free(&l);
	/* Split: the padding above goes with the first piece, below with the last. */
	b[0] = para(2, 0, 0);
	run(b, 2, 100, &l);
	p = piece(&l, 1, 0);
	assert_int_equal(p->page, 0);
	assert_near(p->y, 34);
	assert_int_equal(p->to, 4);
	assert_near(p->h, 10 + 40);
	p = piece(&l, 1, 1);
	assert_near(p->h, 20 + 10);
	pl_layout_free(&l);
}

/* A line whose footnote does not fit below it goes to the next page. */
static void
test_footnotes(void **state)
{
	struct pl_box	 b[2];
	struct pl_layout l;
	double		 fn[8] = { 0, 0, 0, 0, 0, 25, 0, 0 };

	(void)state;
	b[0] = para(3, 0, 0);
	b[1] = para(8, 0, 0);
	b[1].fn = fn;
	/* Body 100: 30 taken; line 5 of box 1 at 80..90 needs 10 + 25 more. */
	run(b, 2, 100, &l);
	assert_int_equal(piece(&l, 1, 0)->to, 5);
	assert_near(l.page[0].fn, 0);
	assert_int_equal(piece(&l, 1, 1)->page, 1);
	assert_near(l.page[1].fn, 25);
	pl_layout_free(&l);
	/* With a taller page the note stays with its line. */
	run(b, 2, 150, &l);
	assert_int_equal(l.npages, 1);
	assert_near(l.page[0].fn, 25);
	pl_layout_free(&l);
}

/* Table rows: the header is kept with the first row and repeated. */
static void
test_table_header(void **state)
{
	struct pl_box	 b[12];
	struct pl_layout l;
	size_t		 i, rep = 0;

	(void)state;
	b[0] = para(7, 0, 0);
	b[1] = blk(20, 12, 0);		/* header */
	b[1].keep = 1;
	for (i = 2; i < 12; i++) {
		b[i] = blk(20, 0, 0);
		b[i].repeat = 1;
	}
	run(b, 12, 100, &l);
	/* 70 + 12 + 20 = 102: header and first row move on together. */
	assert_int_equal(piece(&l, 1, 0)->page, 1);
	assert_int_equal(piece(&l, 2, 0)->page, 1);
	for (i = 0; i < l.npiece; i++)
		if (l.piece[i].repeated) {
			rep++;
			assert_int_equal(l.piece[i].box, 1);
			assert_near(l.piece[i].y, 0);
			/* The row after it is a body row of the same table. */
			assert_true(i + 1 < l.npiece &&
			    l.piece[i + 1].box >= 2);
		}
	/* Rows 2..11 (10 rows of 20) over pages of 5 rows with the header. */
	assert_int_equal(rep, 2);
	assert_int_equal(l.npages, 4);
	pl_layout_free(&l);
}

/*
 * A table row with a long cell (a split box): whole on the next page
 * when it does not fit here; split between its lines, starting at
 * once, only when taller than a page; the header repeated above each
 * part.
 */
static void
test_split_row(void **state)
{
	struct pl_box	 b[4];
	struct pl_layout l;
	const struct pl_piece *p;
	size_t		 i, rep = 0;

	(void)state;
	b[0] = blk(20, 0, 0);		/* header */
	b[0].keep = 1;
	b[1] = para(3, 0, 0);		/* a row of 3 lines: fits */
	b[1].split = 1;
	b[1].repeat = 0;
	b[2] = para(6, 0, 0);		/* 6 lines: not on page 0, fits on 1 */
	b[2].split = 1;
	b[2].repeat = 0;
	b[3] = para(25, 0, 0);		/* taller than a page: split */
	b[3].split = 1;
	b[3].repeat = 0;
	run(b, 4, 100, &l);
	assert_int_equal(l.overflow, 0);
	assert_int_equal(piece(&l, 1, 0)->page, 0);
	p = piece(&l, 2, 0);
	assert_int_equal(p->page, 1);	/* 20 + 30 + 60 > 100: moves whole */
	assert_true(p->first && p->last);
	assert_near(p->y, 20);		/* under the repeated header */
	p = piece(&l, 3, 0);
	assert_int_equal(p->page, 1);	/* starts at once: 2 lines fit */
	assert_int_equal(p->to - p->from, 2);
	for (i = 0; i < l.npiece; i++)
		if (l.piece[i].repeated) {
			rep++;
			assert_int_equal(l.piece[i].box, 0);
		}
	/* 2, 8, 8, 7 lines: pages 1 to 4 start with the header again. */
	assert_int_equal(l.npages, 5);
	assert_int_equal(rep, 4);
	/* Every line of the long row is placed exactly once. */
	for (i = 0, rep = 0; i < l.npiece; i++)
		if (l.piece[i].box == 3)
			rep += l.piece[i].to - l.piece[i].from;
	assert_int_equal(rep, 25);
	pl_layout_free(&l);
}

/*
 * A ghost box (a table's "Tabel 1 (vervolg)" caption with its header)
 * is never placed in the flow, only as the repeat of the rows; the
 * caption starts the table and keeps with the header.
 */
static void
test_ghost_repeat(void **state)
{
	struct pl_box	 b[14];
	struct pl_layout l;
	size_t		 i, rep = 0;

	(void)state;
	b[0] = blk(15, 0, 0);		/* caption */
	b[0].keep = 1;
	b[1] = blk(25, 0, 0);		/* continued caption and header */
	b[1].ghost = 1;
	b[2] = blk(10, 0, 0);		/* header */
	b[2].keep = 1;
	for (i = 3; i < 14; i++) {
		b[i] = blk(10, 0, 0);
		b[i].repeat = 1;
	}
	run(b, 14, 100, &l);
	for (i = 0; i < l.npiece; i++) {
		if (l.piece[i].box == 1)
			assert_true(l.piece[i].repeated);
		if (l.piece[i].repeated) {
			rep++;
			assert_int_equal(l.piece[i].box, 1);
			assert_near(l.piece[i].y, 0);
		}
	}
	/* 15 + 10 + 7 rows on page 0; 25 + 4 rows... */
	assert_int_equal(piece(&l, 0, 0)->page, 0);
	assert_int_equal(piece(&l, 9, 0)->page, 0);
	assert_int_equal(piece(&l, 10, 0)->page, 1);
	assert_near(piece(&l, 10, 0)->y, 25);
	assert_int_equal(rep, 1);
	pl_layout_free(&l);
}

/*
 * The total row never stands alone: the last two body rows keep with
 * it, so a page break comes before them.
 */
static void
test_total_with_two(void **state)
{
	struct pl_box	 b[11];
	struct pl_layout l;
	size_t		 i;

	(void)state;
	b[0] = blk(10, 0, 0);		/* header */
	b[0].keep = 1;
	for (i = 1; i < 11; i++) {
		b[i] = blk(10, 0, 0);
		b[i].repeat = 0;
	}
	b[8].keep = b[9].keep = 1;	/* the last two body rows */
	/* 10 boxes of 10 on a page of 95: the total (b[10]) would be alone. */
	run(b, 11, 95, &l);
	assert_int_equal(l.npages, 2);
	assert_int_equal(piece(&l, 7, 0)->page, 0);
	assert_int_equal(piece(&l, 8, 0)->page, 1);
	assert_int_equal(piece(&l, 9, 0)->page, 1);
	assert_int_equal(piece(&l, 10, 0)->page, 1);
	pl_layout_free(&l);
}

/* At most two hyphenated lines in a row: the third is reported. */
static void
test_hyph_run(void **state)
{
	static const unsigned char a[] = { 1, 1, 0, 1, 1, 0, 0 };
	static const unsigned char b[] = { 0, 1, 1, 1, 1, 0 };
	static const unsigned char c[] = { 1, 1, 1 };	/* last line: no */

	(void)state;
	assert_int_equal(pl_hyph_run(a, 7, 2), -1);
	assert_int_equal(pl_hyph_run(b, 6, 2), 3);
	assert_int_equal(pl_hyph_run(b, 6, 3), 4);
	assert_int_equal(pl_hyph_run(c, 3, 2), -1);
	assert_int_equal(pl_hyph_run(c, 3, 1), 1);
	assert_int_equal(pl_hyph_run(c, 3, 0), 0);
	assert_int_equal(pl_hyph_run(NULL, 3, 2), -1);
}

/* A page that ends in a hyphenated line (a word over two pages) is listed. */
static void
test_hyph_page_end(void **state)
{
	static unsigned char hy[25];
	struct pl_box	 b[2];
	struct pl_layout l;

	(void)state;
	memset(hy, 0, sizeof(hy));
	hy[9] = 1;			/* the last line of page 0 */
	hy[4] = 1;			/* inside page 0: fine */
	b[0] = para(25, 0, 0);
	b[0].hy = hy;
	run(b, 1, 100, &l);
	assert_int_equal(l.nhyend, 1);
	assert_int_equal(l.piece[l.hyend[0]].page, 0);
	assert_int_equal(l.piece[l.hyend[0]].to, 10);
	pl_layout_free(&l);
	hy[9] = 0;
	hy[19] = 1;			/* the last line of page 1 */
	b[1] = para(1, 0, 0);
	run(b, 2, 100, &l);
	assert_int_equal(l.nhyend, 1);
	assert_int_equal(l.piece[l.hyend[0]].page, 1);
	pl_layout_free(&l);
}

/*
 * A figure that does not fit moves forward: the text after it fills
 * the page and the figure opens the next one; never past its chapter's
 * end (a break) or another figure.
 */
static void
test_float(void **state)
{
	struct pl_box	 b[8];
	struct pl_layout l;

	(void)state;
	b[0] = para(5, 0, 0);
	b[1] = blk(60, 0, 0);
	b[1].floats = 1;
	b[2] = para(3, 0, 0);
	b[3] = para(2, 0, 0);
	b[4] = blk(30, 0, 0);		/* a second float waits its turn */
	b[4].floats = 1;
	b[5] = para(2, 0, 0);
	b[6] = brk();
	b[7] = para(2, 0, 0);
	run(b, 8, 100, &l);
	assert_int_equal(piece(&l, 0, 0)->page, 0);
	assert_int_equal(piece(&l, 2, 0)->page, 0);	/* text fills page 0 */
	assert_int_equal(piece(&l, 3, 0)->page, 0);
	assert_int_equal(piece(&l, 1, 0)->page, 1);	/* the figure: next */
	assert_near(piece(&l, 1, 0)->y, 0);
	assert_int_equal(piece(&l, 4, 0)->page, 1);	/* after it, in order */
	assert_near(piece(&l, 4, 0)->y, 60);
	assert_int_equal(piece(&l, 5, 0)->page, 2);
	assert_int_equal(piece(&l, 7, 0)->page, 3);
	/* Pieces in page order. */
	assert_true(l.piece[3].box == 1 && l.piece[4].box == 4);
	pl_layout_free(&l);

	/* Not past the chapter's end: the figure goes before the break. */
	b[0] = para(5, 0, 0);
	b[1] = blk(60, 0, 0);
	b[1].floats = 1;
	b[2] = para(2, 0, 0);
	b[3] = brk();
	b[4] = para(2, 0, 0);
	run(b, 5, 100, &l);
	assert_int_equal(piece(&l, 2, 0)->page, 0);
	assert_int_equal(piece(&l, 1, 0)->page, 1);
	assert_int_equal(piece(&l, 4, 0)->page, 2);
	assert_int_equal(l.npages, 3);
	pl_layout_free(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spacing),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_widow),
		cmocka_unit_test(test_orphan),
		cmocka_unit_test(test_orphan_two),
		cmocka_unit_test(test_three_lines_whole),
		cmocka_unit_test(test_keep_with_next),
		cmocka_unit_test(test_keep_chain),
		cmocka_unit_test(test_keep_too_tall),
		cmocka_unit_test(test_block_moves),
		cmocka_unit_test(test_overflow),
		cmocka_unit_test(test_overflow_row),
		cmocka_unit_test(test_breaks),
		cmocka_unit_test(test_padding),
		cmocka_unit_test(test_footnotes),
		cmocka_unit_test(test_table_header),
		cmocka_unit_test(test_split_row),
		cmocka_unit_test(test_ghost_repeat),
		cmocka_unit_test(test_total_with_two),
		cmocka_unit_test(test_hyph_run),
		cmocka_unit_test(test_hyph_page_end),
		cmocka_unit_test(test_float),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
