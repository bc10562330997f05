/*
 * pdf_int.h: what the files of the PDF back-end share (pdf.c,
 * pdftext.c, pdfbox.c, pdfdraw.c, pdftag.c): the layout's measures
 * (struct pdf_geom), colours and type styles, measured text (struct
 * ptext) and its builder (struct ib), the boxes the document becomes
 * (struct box, table rows and cells, frames, footnotes), the
 * structure tree's elements (struct snode) and the renderer that holds
 * it all (struct pr), and the functions one file calls in another.
 * Included by the PDF back-end's own files only (pdf.c, pdftext.c,
 * pdfbox.c, pdfdraw.c, pdftag.c).
 */
#ifndef GEN_PDF_INT_H
#define GEN_PDF_INT_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include "chart.h"
#include "pdflayout.h"
#include "util.h"

struct calloutdef;
struct diag;
struct edition;
struct pdf_opts;

/*
 * The layout's measures, in points unless said otherwise: every number
 * that places something on a page, in one table.  pdfbox.c measures
 * with them and pdfdraw.c draws with them.
 */
struct pdf_geom {
	/* The page (A4 portrait) and its body. */
	double	 page_w, page_h;
	double	 m_left;	/* 28 mm */
	double	 m_right;
	double	 m_top;		/* 25 mm */
	double	 m_bottom;	/* 30 mm below the body */
	double	 foot_rule;	/* the running footer's rule, above the
				   page's lower edge */
	double	 foot_top;	/* the top of its first text line, above
				   the page's lower edge */
	int	 foot_lines;	/* lines it may take; more is an error */
	double	 foot_numw;	/* its text's width short of the column:
				   room for the page number */
	double	 hair;		/* hairline rules: figures, the footer,
				   table rows, the footnotes' rule */

	/* Vertical rhythm and indents. */
	double	 para_sp;	/* between paragraphs */
	double	 item_sp;	/* between items of a tight list */
	double	 list_ind;	/* list indent per level (at least) */
	double	 mark_gap;	/* list marker to text */
	double	 chap_top;	/* above a chapter heading */
	double	 chapnum_gap;	/* chapter number to its title */
	double	 h1_after;	/* below a chapter heading */
	double	 h2_before, h2_after;
	double	 h3_before, h3_after;
	double	 h4_before, h4_after;	/* and deeper */
	double	 rule_sp;	/* above and below a thematic break */
	double	 rule_h;	/* its box's height */
	double	 rule_w;	/* its line's thickness */
	double	 dest_up;	/* a named destination above its box */

	/* Inline text, of the surrounding text's size. */
	double	 code_size;	/* inline code */
	double	 fnref_rise;	/* a footnote reference raised */
	double	 fnref_size;	/* and set smaller */
	double	 ul_pos;	/* underline below the baseline */
	double	 strike_pos;	/* strikethrough above the baseline */
	double	 line_th;	/* either's thickness */

	/* Code blocks. */
	double	 code_pad;	/* frame's padding above and below */
	double	 code_margin;	/* space around the frame */
	double	 code_left;	/* frame's left edge to the text */
	double	 code_right;	/* text to the frame's right edge */

	/* Figures and tables. */
	double	 fig_sp;	/* around figures and tables */
	double	 fig_pad;	/* figure rule to chart */
	double	 fig_cap;	/* chart to caption */
	double	 fig_tail;	/* taken from fig_pad below the caption */
	double	 tab_cap;	/* a table's caption to its header */
	double	 tab_after;	/* below a table's last row; above a
				   Markdown table */
	double	 tab_note;	/* a table's last row to its note */
	double	 cell_px;	/* table cell padding, horizontal */
	double	 cell_py;	/* and vertical */
	double	 cell_floor;	/* a table's type: from its style's size
				   down to this, no smaller */
	double	 head_rule;	/* rule below a header row, above a total */

	/* Callouts and quotes. */
	double	 co_pad;	/* a callout's padding above and below */
	double	 co_pad_big;	/* a summary's */
	double	 co_px;		/* its padding left and right */
	double	 co_left_example; /* an example's left padding (its mark) */
	double	 co_right_question; /* a question's right padding (its mark) */
	double	 co_margin;	/* space around a callout */
	double	 co_title_after; /* below its title */
	double	 co_bar;	/* summary's top band, example's bar */
	double	 co_bar_wide;	/* box's and warning's bar */
	double	 co_line;	/* example's and code's outline */
	double	 co_line_round;	/* question's rounded outline */
	double	 co_radius;	/* and its corners' radius */
	double	 label_px, label_py;	/* an example's label tab around
					   its text */
	double	 mark_example_x, mark_example_y; /* its quote mark from
						    the frame's corner */
	double	 mark_question_x, mark_question_y; /* a question's mark,
						      from the top right */
	double	 quote_pad;	/* a quote's padding above and below */
	double	 quote_ind;	/* its text indent */
	double	 quote_bar;	/* its bar's width, code's bar */
	double	 split_ext;	/* a frame split by a page break goes on
				   this far beyond the page's text */

	/* Footnotes. */
	double	 fn_sep;	/* text to footnotes (rule inside) */
	double	 fn_rule_w;	/* the rule's length */
	double	 fn_ind;	/* footnote number column */
	double	 fn_item;	/* a list item's text after its marker */
	double	 fn_tab;	/* a table's column gap */
	double	 fn_gap;	/* between footnotes */
	double	 fn_dest_up;	/* a footnote's destination above it */

	/* Table of contents. */
	double	 toc_ind;	/* text column */
	double	 toc_numw;	/* page number column */
	double	 toc_after;	/* below its heading */
	double	 toc1_before, toc2_before;	/* above an entry */
	double	 leader_before;	/* text end to the leader dots */
	double	 leader_after;	/* leader dots to the page number */
	double	 leader_step;	/* between dots */
	double	 leader_end;	/* the last dot before the leader's end */
	double	 leader_r;	/* a dot's radius */
	double	 leader_rise;	/* above the baseline */

	/* The cover. */
	double	 cover_band;	/* the band's height at least, of the
				   page's */
	double	 cover_top;	/* highest top of the title block */
	double	 cover_below;	/* title block to the band's lower edge */
	double	 cover_stripe;	/* the accent stripe at the top */
	double	 cover_edge;	/* the band's lower edge */
	double	 cover_org;	/* the organisation's top */
	double	 cover_org_gap;	/* organisation to the title block */
	double	 cover_sub_gap;	/* title to subtitle, subtitle to date */
	double	 cover_date_gap; /* title to date when there is no
				   subtitle */
	double	 cover_sub_narrow; /* subtitle's width short of the column */
	double	 logo_top;	/* the logo box's top */
	double	 logo_w, logo_h; /* the logo box */

	/* Colours: the accent's tints over white. */
	double	 tint, tint_strong;
};

static const struct pdf_geom geom = {
	.page_w = 595.276, .page_h = 841.890,
	.m_left = 79.37, .m_right = 79.37, .m_top = 70.87, .m_bottom = 85.04,
	.foot_rule = 62.0, .foot_top = 56.0, .foot_lines = 2,
	.foot_numw = 48, .hair = 0.5,

	.para_sp = 7.5, .item_sp = 3.0, .list_ind = 18.0, .mark_gap = 6.0,
	.chap_top = 36.0, .chapnum_gap = 2, .h1_after = 20,
	.h2_before = 20, .h2_after = 6, .h3_before = 14, .h3_after = 4,
	.h4_before = 10, .h4_after = 3,
	.rule_sp = 14, .rule_h = 1, .rule_w = 0.75, .dest_up = 6,

	.code_size = 0.88, .fnref_rise = 0.36, .fnref_size = 0.66,
	.ul_pos = 0.13, .strike_pos = 0.3, .line_th = 0.055,

	.code_pad = 8, .code_margin = 12, .code_left = 13, .code_right = 10,

	.fig_sp = 16.0, .fig_pad = 10.0, .fig_cap = 8, .fig_tail = 2,
	.tab_cap = 6, .tab_after = 12, .tab_note = 5,
	.cell_px = 6.0, .cell_py = 4.0, .cell_floor = 7.0, .head_rule = 1,

	.co_pad = 11, .co_pad_big = 13, .co_px = 14, .co_left_example = 40,
	.co_right_question = 44, .co_margin = 14, .co_title_after = 4,
	.co_bar = 3, .co_bar_wide = 4, .co_line = 0.75, .co_line_round = 1.5,
	.co_radius = 7, .label_px = 5, .label_py = 2.5,
	.mark_example_x = 9, .mark_example_y = 2,
	.mark_question_x = 30, .mark_question_y = 6,
	.quote_pad = 2, .quote_ind = 16, .quote_bar = 3, .split_ext = 5.0,

	.fn_sep = 18.0, .fn_rule_w = 110, .fn_ind = 14.0, .fn_item = 4,
	.fn_tab = 12, .fn_gap = 2.0, .fn_dest_up = 4,

	.toc_ind = 26.0, .toc_numw = 34.0, .toc_after = 14,
	.toc1_before = 8, .toc2_before = 0.5,
	.leader_before = 6, .leader_after = 5, .leader_step = 4,
	.leader_end = 2, .leader_r = 0.55, .leader_rise = 0.6,

	.cover_band = 0.6, .cover_top = 190.0, .cover_below = 60.0,
	.cover_stripe = 12, .cover_edge = 1, .cover_org = 150,
	.cover_org_gap = 26, .cover_sub_gap = 14, .cover_date_gap = 28,
	.cover_sub_narrow = 30, .logo_top = 52, .logo_w = 160, .logo_h = 56,

	.tint = 0.08, .tint_strong = 0.38,
};

/* The text column and the body's height. */
#define COL_W	(geom.page_w - geom.m_left - geom.m_right)
#define BODY_H	(geom.page_h - geom.m_top - geom.m_bottom)

/* Colours; the accent and its tints follow brand.color. */
enum col {
	C_TEXT, C_MUTED, C_ACCENT, C_TINT, C_TINT_STRONG, C_RULE, C_GREY,
	C_WARN, C_WARN_TEXT, C_WARN_BG, C_WHITE, C_CODE_BG, C_CODE_LINE,
	C_KADER, C_ROW, NCOL
};

struct rgb {
	double	 r, g, b;	/* 0..1 */
};

/* Type styles. */
enum st {
	ST_BODY, ST_CHAPNUM, ST_H1, ST_H2, ST_H3, ST_H4, ST_CAPTION,
	ST_CELL, ST_CELLHEAD, ST_FN, ST_CODE, ST_TOC1, ST_TOC2, ST_CTITLE,
	ST_CTITLE_BIG, ST_LABEL, ST_NOTE, ST_ORG, ST_TITLE, ST_SUBTITLE,
	ST_DATE, ST_FOOT, ST_PAGENO, ST_MARK
};

struct style {
	int		 mono;		/* Gen Mono instead of Gen Sans */
	double		 size;		/* font size */
	double		 lead;		/* line pitch */
	int		 bold, italic;
	int		 justify;	/* justified and hyphenated running text */
	enum col	 color;		/* where no attribute says otherwise */
};

static const struct style styles[] = {
	[ST_BODY] =	  { 0, 10.5, 15.0, 0, 0, 1, C_TEXT },
	[ST_CHAPNUM] =	  { 0, 34.0, 38.0, 1, 0, 0, C_ACCENT },
	[ST_H1] =	  { 0, 22.0, 27.0, 1, 0, 0, C_ACCENT },
	[ST_H2] =	  { 0, 14.0, 18.0, 1, 0, 0, C_ACCENT },
	[ST_H3] =	  { 0, 11.5, 15.0, 1, 0, 0, C_TEXT },
	[ST_H4] =	  { 0, 10.5, 15.0, 1, 1, 0, C_TEXT },
	[ST_CAPTION] =	  { 0, 9.5, 13.0, 0, 0, 0, C_MUTED },
	[ST_CELL] =	  { 0, 9.5, 13.0, 0, 0, 0, C_TEXT },
	[ST_CELLHEAD] =	  { 0, 9.0, 12.5, 1, 0, 0, C_TEXT },
	[ST_FN] =	  { 0, 8.5, 11.5, 0, 0, 0, C_TEXT },
	[ST_CODE] =	  { 1, 8.5, 12.0, 0, 0, 0, C_TEXT },
	[ST_TOC1] =	  { 0, 10.5, 15.0, 1, 0, 0, C_TEXT },
	[ST_TOC2] =	  { 0, 10.0, 13.5, 0, 0, 0, C_MUTED },
	[ST_CTITLE] =	  { 0, 11.0, 15.0, 1, 0, 0, C_TEXT },
	[ST_CTITLE_BIG] = { 0, 12.5, 16.0, 1, 0, 0, C_ACCENT },
	[ST_LABEL] =	  { 0, 8.0, 15.0, 1, 0, 0, C_WHITE },
	[ST_NOTE] =	  { 0, 8.5, 12.0, 0, 1, 0, C_MUTED },
	[ST_ORG] =	  { 0, 10.0, 14.0, 1, 0, 0, C_ACCENT },
	[ST_TITLE] =	  { 0, 30.0, 35.0, 1, 0, 0, C_TEXT },
	[ST_SUBTITLE] =	  { 0, 15.0, 20.0, 0, 0, 0, C_MUTED },
	[ST_DATE] =	  { 0, 11.0, 15.0, 1, 0, 0, C_TEXT },
	[ST_FOOT] =	  { 0, 8.0, 10.0, 0, 0, 0, C_MUTED },
	[ST_PAGENO] =	  { 0, 8.5, 10.0, 1, 0, 0, C_TEXT },
	[ST_MARK] =	  { 0, 36.0, 36.0, 1, 0, 0, C_TINT_STRONG },
};

/* A link over a byte range of a text. */
struct tlink {
	unsigned	 start, end;	/* bytes [start, end) */
	char		*attr;		/* Cairo link attributes (owned) */
};

/* A footnote reference in a text. */
struct tfn {
	unsigned	 at;		/* byte offset of its number */
	int		 num;		/* footnote number */
	int		 line;		/* line it falls on */
	int		 first;		/* the document's first reference to it */
};

/* Measured text: one Pango layout and what gen knows about it. */
struct ptext {
	PangoLayout	*pl;		/* NULL when there is no text */
	struct tlink	*links;
	size_t		 nlinks;
	struct tfn	*fns;
	size_t		 nfns;
	double		 lead;		/* line pitch */
	double		 base;		/* baseline below the top of a line */
	double		 size;		/* font size */
	int		 nlines;
	struct rgb	 color;		/* default text colour */
};

/* An element of the structure tree. */
struct snode {
	const char	*tag;		/* "P", "H2", "TD", ... */
	struct snode	*parent;	/* NULL for the Document */
};

enum rowkind { ROW_HEAD, ROW_BODY, ROW_TOTAL };

struct cell {
	struct ptext	 t;
	enum st		 st;		/* its type style */
	struct snode	*sn;		/* TH or TD */
	double		 x, w;		/* from the table's left edge */
};

struct row {
	struct cell	*c;
	size_t		 nc;
	struct snode	*sn;		/* TR */
	enum rowkind	 kind;
	double		 h;
	double		 px, py;	/* its cells' padding, as measured */
	int		 line, col;	/* GFM table: where it starts */
};

enum bkind {
	B_TEXT,		/* paragraph, list item text, code: lines */
	B_HEADING,	/* a heading, one block */
	B_FIGURE,	/* chart with caption */
	B_TABLE,	/* table block with caption, never split */
	B_ROW,		/* one row of a Markdown table */
	B_RULE,		/* thematic break */
	B_TOC,		/* table of contents entry */
	B_BREAK		/* page break */
};

struct box {
	enum bkind	 kind;
	struct snode	*sn;		/* element it draws into */
	double		 x, w;		/* from the column's left edge */
	struct ptext	 t;		/* text (B_TEXT, B_HEADING, B_TOC) */
	struct ptext	 aux;		/* chapter or TOC number; caption */
	double		 text_y;	/* B_HEADING: the title below the top,
					   under its chapter number; B_ROW: the
					   header row below its "(vervolg)"
					   caption */
	double		 text_x;	/* B_TOC: the text's column */
	double		 chart_y;	/* B_FIGURE: the chart below the top */
	double		 cap_y;		/* B_FIGURE: its caption below the top */
	double		 own_pt, own_pb; /* B_ROW of lines: the row's own
					   padding above and below, without
					   the frames' around the table */
	struct snode	*auxsn;		/* the caption's element */
	struct ptext	 mark;		/* list marker, or none */
	double		 mark_x, mark_y; /* its place from the box's text */
	struct snode	*marksn;	/* its Lbl */
	int		 label;		/* B_TEXT: a callout label on a tab */
	char		*dest;		/* named destination at its top */
	int		 level;		/* B_HEADING: Markdown level; B_TOC: 1, 2 */
	char		*title;		/* B_HEADING: outline text */
	const struct chart *chart;	/* B_FIGURE */
	struct chart_layout cl;		/* B_FIGURE: the chart laid out */
	struct row	*rows;		/* B_TABLE: its rows; B_ROW: one */
	size_t		 nrows;
	struct ptext	 note;		/* B_TABLE: note below */
	struct snode	*notesn;
	double		*lh;		/* B_TEXT: line heights */
	unsigned char	*hy;		/* B_TEXT: lines ending in a soft hyphen */
	double		*fn;		/* footnote space by line, or [0] */
	struct pl_box	 pl;		/* what pagination needs */
	const char	*path;		/* the file it comes from, or NULL */
	int		 line, col;	/* where it starts in that file */
};

enum fkind { FR_CALLOUT, FR_QUOTE, FR_CODE };

/* A decorated frame around consecutive boxes (callout, quote, code). */
struct frame {
	enum fkind	 kind;
	const struct calloutdef *callout; /* FR_CALLOUT: its kind */
	double		 x, w;		/* from the column's left edge */
	size_t		 first, last;	/* its boxes */
	int		 empty;		/* holds no box */
	double		 off_top;	/* outer frames' padding in the first box */
	double		 pb;		/* last box's pad_bottom after its own */
	double		 pad;		/* its own padding above and below */
};

/* A block of a footnote after its first paragraph. */
struct fblock {
	struct ptext	 t;
	struct snode	*sn;		/* its P (or Code), under the Note */
	double		 x, y;		/* from the footnote's text column and
					   its first line's top; a list item's
					   text stands beside its number */
};

struct fnote {
	struct ptext	 t;		/* its text (first paragraph) */
	struct fblock	*blk;		/* the blocks after it */
	size_t		 nblk;
	struct ptext	 num;		/* its number */
	struct snode	*note;		/* Note (parent set when drawn) */
	struct snode	*lbl, *p;	/* its Lbl and P */
	double		 h;		/* space at the page bottom */
	int		 seen;		/* referenced (while building) */
	int		 drawn;		/* drawn (while rendering) */
};

/* Context of a block while building. */
struct bctx {
	struct snode	*sn;		/* parent element */
	double		 x, w;		/* column slice */
	int		 depth;		/* list depth */
};

/* The renderer. */
struct pr {
	const struct edition	*e;
	const struct pdf_opts	*o;
	struct diag		*diag;
	PangoContext		*ctx;		/* own context over the shipped faces */
	struct rgb		 col[NCOL];
	struct chart_measure	 measure;
	struct box		**b;		/* boxes in document order */
	size_t			 nb;
	struct frame		*fr;
	size_t			 nfr;
	int			 frame;		/* innermost open frame, -1 */
	double			 pend_pad;	/* padding the next box takes */
	double			 pend_before;	/* margin the next box takes */
	int			 pend_set;	/* pend_before applies */
	struct ptext		 pend_mark;	/* list marker for the next box */
	struct snode		*pend_marksn;
	struct snode		**sn;		/* every element (owned) */
	size_t			 nsn;
	struct snode		*doc;		/* Document */
	struct snode		*cov[4];	/* cover: org, title, subtitle, date */
	const char		*path;		/* file of the part being built */
	int			 sline, scol;	/* start of the block being
						   built in its Markdown, or 0 */
	struct fnote		*fn;		/* footnotes 1..nfn */
	int			 nfn;
	int			 in_fn;		/* building a footnote's text */
	struct ptext		 foot;		/* running footer text */
	struct pl_layout	 L;
	int			*bpage;		/* page of each box's start */
	cairo_surface_t		*surf;
	cairo_t			*cr;
	struct snode		**stack;	/* open elements, Document first */
	size_t			 nstack, capstack;
	struct snode		**chain;	/* scratch for tag_to() */
	size_t			 capchain;
	double			 fncur;		/* top of the next footnote */
	int			 fnrule;	/* footnote rule drawn on this page */
	const char		**alt;		/* Figure alt texts in drawing
						   order (borrowed) */
	size_t			 nalt;
	size_t			*figback;	/* per Figure drawn: places to
						   move it back (pdfa_info) */
	struct snode		**plog;		/* elements opened: parents */
	size_t			*plogbox;	/* and the box drawn then */
	size_t			 nplog, capplog;
	size_t			 curbox;	/* box being drawn */
	int			 nerr;		/* errors reported while laying
						   out: no PDF */
};

/* Builds the text and attributes of one layout. */
struct ib {
	struct pr	*r;
	struct buf	 s;		/* UTF-8 text */
	PangoAttrList	*al;		/* its attributes */
	struct tlink	*links;
	size_t		 nlinks;
	struct tfn	*fns;
	size_t		 nfns;
	double		 size;		/* base font size */
	int		 hyph;		/* hyphenate words */
	int		 inlink;	/* inside a link: no hyphens */
};

#define ZWSP	"\xe2\x80\x8b"	/* a break without a hyphen, never written */
#define ZWNJ	"\xe2\x80\x8c"	/* no ligature across a hyphenation point
				   (from hyph.c), never written */

/*
 * pdftext.c: text setting.  The builder: ib_init() starts one in style
 * st (hyph: Dutch words hyphenated), ib_text() appends text, ib_attr()
 * and ib_color() set an attribute from start to the end so far,
 * ib_link() makes [start, end so far) a link (taking attr, owned).
 */
void	 ib_init(struct ib *b, struct pr *r, enum st st, int hyph);
void	 ib_attr(struct ib *b, PangoAttribute *a, size_t start);
void	 ib_color(struct ib *b, struct rgb c, size_t start);
void	 ib_text(struct ib *b, const char *s, size_t len);
void	 ib_link(struct ib *b, size_t start, char *attr);
/*
 * Measured text: pt_make() makes t from the builder (which it empties)
 * in style st, width 0 for one unwrapped line; pt_str() from a plain
 * string; pt_free() frees it.  pt_lines() counts the lines again after
 * the layout changed and places footnote references on them.
 */
void	 pt_make(struct pr *r, struct ptext *t, struct ib *b, enum st st,
	    double width, PangoAlignment align);
void	 pt_str(struct pr *r, struct ptext *t, const char *s, enum st st,
	    double width, PangoAlignment align);
void	 pt_free(struct ptext *t);
void	 pt_lines(struct ptext *t);
/* Its height (lines times pitch) and its widest line, in points. */
double	 pt_height(const struct ptext *t);
double	 pt_width(const struct ptext *t);
/* Wraps t at width w (unwrapped when w <= 0). */
void	 pt_set_width(struct ptext *t, double w);
/* The widest piece no line break may split; t left unwrapped. */
double	 pt_min_width(struct ptext *t);
/* The width of t's longest word, unhyphenated; t unwrapped. */
double	 pt_word_width(const struct ptext *t);
/* Sets t's type at s times its style's size (a table set smaller). */
void	 pt_scale(struct ptext *t, enum st st, double s);
/* Appends line i's text without soft hyphens, at most max bytes. */
void	 pt_line_text(const struct ptext *t, int i, struct buf *out,
	    size_t max);
/*
 * The offset of the hyphen that ends line i inside a word, or -1;
 * *soft set when it is a soft hyphen.
 */
int	 pt_hy_end(const struct ptext *t, int i, int *soft);
/*
 * The hyphenation passes: before pagination, and after it (nonzero if
 * a page-end word was set whole and the document needs paginating
 * again).
 */
void	 pt_limit_runs(struct pr *r);
int	 pt_page_ends(struct pr *r);

/* pdfbox.c: the document measured into boxes, and their pages. */

/* Footnote texts, measured before the text that refers to them. */
void	 box_footnotes(struct pr *r);
/* The table of contents: its heading and an entry per TOC line. */
void	 box_toc(struct pr *r);
/* The boxes of every part of the document, each part a Sect. */
void	 box_parts(struct pr *r);
/*
 * Every character of the Markdown and the front matter the PDF sets,
 * checked with pr_glyph_scan().
 */
void	 box_glyphs(struct pr *r);
/* Breaks the boxes into pages (r->L) and notes each box's page. */
void	 box_paginate(struct pr *r);
/* The box of kind with destination id, or r->nb when there is none. */
size_t	 box_find_dest(const struct pr *r, const char *id, enum bkind kind);
/* The printed number of a layout page: the cover is page 1. */
int	 box_pageno(int page);
/* The Markdown file a box comes from (or NULL), *line its line there. */
const char	*box_source(const struct box *b, int *line);
void	 box_free(struct box *b);

/* pdfdraw.c: the pages drawn with Cairo. */

/* Sets r->col[]: the fixed colours, the accent and its tints. */
void	 draw_colors(struct pr *r);
/* A piece of a box where pagination put it. */
void	 draw_piece(struct pr *r, const struct pl_piece *pc);
/* Frame decoration on page p: pieces [p0, p1) are the page's. */
void	 draw_frames(struct pr *r, size_t p0, size_t p1);
/* The cover page, and the running footer with page number page. */
void	 draw_cover(struct pr *r);
void	 draw_footer(struct pr *r, int page);

/* pdftag.c: the structure tree, destinations, outline, metadata, PDF/A. */

/* A new element of the structure tree under parent (r owns it). */
struct snode	*tag_new(struct pr *r, const char *tag, struct snode *parent);
/* Makes s the innermost open element: closes others, opens ancestors. */
void	 tag_to(struct pr *r, struct snode *s);
/* Closes the innermost open element. */
void	 tag_pop(struct pr *r);
/* Decoration: an artifact of the kind PDFA_TAG_ARTIFACT or _PAGINATION. */
void	 tag_art_begin(struct pr *r, const char *kind);
void	 tag_art_end(struct pr *r, const char *kind);
/* Appends a Cairo attribute value, quoted: ' and \ escaped. */
void	 tag_quoted(struct buf *b, const char *s);
/* A named destination at (x, y) on the current page. */
void	 tag_dest(struct pr *r, const char *name, double x, double y);
/* Bookmarks: the contents, then headings down to level 3, nested. */
void	 tag_outline(struct pr *r);
/* The document's title, author, subject, creator and dates. */
void	 tag_metadata(struct pr *r);
/* Cairo's PDF made archival by pdfa.c, appended to out. */
int	 tag_archival(struct pr *r, const struct buf *raw, struct buf *out);

/* pdf.c: the renderer's life and the checks on what the PDF can show. */

/* Sets r up for edition e (NULL: only to set text); pr_free() frees. */
void	 pr_init(struct pr *r, const struct edition *e,
	    const struct pdf_opts *o, struct diag *diag);
void	 pr_free(struct pr *r);
/*
 * Warns at each script of s (len bytes at line:col of path) that no
 * shipped face has.
 */
void	 pr_glyph_scan(struct pr *r, const char *path, int line, int col,
	    const char *s, size_t len);

#endif
