/* Private to the layout stage: the pagination state shared by its files
 * (layout.c orchestrates; layout_page.c the cursor, adding pages, nodes and
 * boxes to the list where it is; layout_text.c measures with Pango;
 * layout_table.c the table engine; layout_cover.c, layout_assessment.c,
 * layout_performance.c, layout_chart.c what they say). */
#ifndef LAYOUT_INTERNAL_H
#define LAYOUT_INTERNAL_H

#include "layout.h"
#include "memory.h"
#include "words.h"

struct layout {
	const struct source_doc *doc;
	const struct style *style;
	const struct layout_options *options;
	PangoContext *context;
	struct display_list *list;
	struct diag_list *diags;
	size_t page;             /* index of the current page; list->page_count 0 before the first */
	int landscape;           /* orientation of the current and following pages */
	double top_pt, bottom_pt, left_pt, right_pt; /* content area of the current page */
	double y_pt;             /* cursor: top of the free space on the current page */
	uint32_t node;           /* current structure parent for new nodes and boxes */
	/* The header cell's type in the body's colour, for row headings and
	 * labels on unfilled ground: the header's own colour is chosen for the
	 * header fill and may vanish on white. */
	struct style_font strong_font;
	/* The reports pack: the number printed on the first page (0: 1), the
	 * pack's page count (0: this list's), and pages [first, end) whose
	 * running header says "NOT FOR PUBLICATION" (exempt parts). */
	size_t first_page, total_pages;
	struct layout_page_range { size_t first, end; } *marked;
	size_t marked_count, marked_capacity;
	/* Each appendix's first page, in order, for {page-label}. */
	struct layout_appendix_start { size_t page; unsigned number; } *appendix_starts;
	size_t appendix_start_count, appendix_start_capacity;
	/* The paper's catalogue of words (English when none fits its
	 * xml:lang); the house style's labels come first (layout_words.c). */
	const struct words *words;
	struct layout_refs *refs; /* names of ref targets (layout_refs.c) */
	/* The house style's logo in the list's image table, read when first
	 * placed: 0 not yet, -1 none (or an error reported), else index + 1. */
	long logo_image;
	double logo_width_pt, logo_height_pt; /* its natural size */
};

/* A paper paginated and not yet finished (layout.h); the agenda and the
 * exemption pages make one about a document of their own. */
struct layout_paper {
	struct layout lo;
	struct source_doc *owned_doc; /* NULL, or the one lo describes: freed
	                                 with free(), its strings borrowed */
};

/* "This appendix is not for publication by virtue of paragraph 3 of
 * Schedule 12A …": the catalogue's key (agenda.withheld-item or
 * agenda.withheld-appendix) with the paragraph and its reason. Caller
 * frees. (layout_agenda.c) */
char *layout_exempt_statement(const struct layout *lo, const char *key,
			      const char *paragraph);

/* ---- the layout's life (layout_page.c) ---- */

/* Set lo up with an empty display list (no page yet); every option may be
 * NULL except style and context. Unit tests of one block use this pair. */
void layout_begin(struct layout *lo, const struct source_doc *doc,
		  const struct style *style, PangoContext *context,
		  const struct layout_options *options,
		  struct diag_list *diags);
/* Hand the list over, finished (caller frees with dl_free); lo keeps no
 * list. */
struct display_list *layout_end(struct layout *lo);
/* Free everything, for the error path; returns NULL. */
struct display_list *layout_abandon(struct layout *lo);

/* ---- words (layout_words.c) ---- */

/* The text of a catalogue key: the house style's <label> for it, else the
 * paper's catalogue, else English. Borrowed for the process's life (or the
 * style's). */
const char *layout_word(const struct layout *lo, const char *key);
/* layout_word(lo, key) with its {fields} filled in. Caller frees. */
char *layout_format(const struct layout *lo, const char *key,
		    const struct words_field *fields);
/* layout_format into the list's arena, borrowed until dl_free. */
const char *layout_format_kept(struct layout *lo, const char *key,
			       const struct words_field *fields);
/* The source's dashboard noun ("risk"; NULL: fallback) in its singular and
 * plural, from the catalogue. */
void layout_noun(const struct layout *lo, const char *noun,
		 const char *fallback, const char **one, const char **many);

/* The direction of travel in words, lower case: "improving". */
const char *layout_travel_word(const struct layout *lo,
			       enum direction_of_travel travel);

/* ---- generated cross-references (layout_refs.c) ---- */

/* The names of every id a ref can point at, in lo's language: "paragraph
 * 3.3", "section 4.0", "appendix 2", "CI012". Caller frees with
 * layout_refs_free; layout_document keeps it in lo->refs. */
struct layout_refs *layout_refs_new(const struct layout *lo);
void layout_refs_free(struct layout_refs *refs);
/* The name of id, or NULL when no ref target has it (or lo has no refs). */
const char *layout_ref_name(const struct layout *lo, const char *id);
/* Whether some ref anywhere in the paper points at id: tables give such
 * rows a destination. */
int layout_ref_wanted(const struct layout *lo, const char *id);
/* text with each empty <ref/> holding its target's name (a copy in the
 * list's arena), or text itself when it has none. */
const struct source_text *layout_refs_expand(struct layout *lo,
					     const struct source_text *text);

/* ---- pages (layout_page.c) ---- */

/* Start a new page in the current orientation; the cursor goes to its top. */
void layout_new_page(struct layout *lo);
/* Orientation for pages started from now on (appendices switch it). */
void layout_set_landscape(struct layout *lo, int landscape);
double layout_space_left(const struct layout *lo);
double layout_content_width(const struct layout *lo);
/* New page unless height_pt still fits below the cursor. */
void layout_ensure_space(struct layout *lo, double height_pt);
/* Move down by the paragraph gap after a block, to the page's bottom at
 * most: the gap is never what pushes the next block off the page. */
void layout_paragraph_gap(struct layout *lo);

/* ---- structure (layout_page.c) ---- */

/* Append a node under lo->node and make it current; returns its index. */
uint32_t layout_open_node(struct layout *lo, enum dl_role role,
			  struct source_pos pos);
/* Make node's parent current again. */
void layout_close_node(struct layout *lo, uint32_t node);
/* Append a node without making it current (leaf nodes). */
uint32_t layout_add_node(struct layout *lo, enum dl_role role,
			 struct source_pos pos);

/* ---- boxes on the current page (layout_page.c) ----
 * The cursor's page (started if there is none yet) and, for destinations,
 * its left margin; the list's own calls are in display_list.h. */

struct dl_box *layout_add_box(struct layout *lo, enum dl_box_kind kind,
			      uint32_t node);
void layout_add_rect(struct layout *lo, uint32_t node, double x_pt, double y_pt,
		     double width_pt, double height_pt, uint32_t fill,
		     uint32_t stroke, double line_width_pt);
void layout_add_rule(struct layout *lo, uint32_t node, double x_pt, double y_pt,
		     double dx_pt, double dy_pt, uint32_t color,
		     double line_width_pt);
void layout_add_dest(struct layout *lo, const char *name, double y_pt);
int layout_add_outline(struct layout *lo, const char *title, int parent,
		       double y_pt); /* returns the entry's index */
/* Page size in the given orientation (landscape swaps the paper's sides). */
void layout_page_size(const struct layout *lo, int landscape,
		      double *width_pt, double *height_pt);

/* ---- text (layout_text.c) ---- */

enum layout_align { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT };

/* A block of text measured at a width: lines not yet placed. Holds its
 * PangoLayouts (one, or one per window of a long text) only until freed,
 * never for the whole document. Time and memory are linear in the text's
 * length whatever its words. */
struct layout_lines {
	size_t line_count;
	double *line_top_pt;     /* each line's top from the block's top */
	double *line_height_pt;
	double height_pt;        /* whole block */
	double width_pt;         /* widest line's logical width */
	/* Added: links and refs to box when placing (NULL for plain text),
	 * and the font the lines were set in. */
	const struct source_text *source;
	const struct style_font *font;
	/* Bytes handed to Pango in all (overlapping) windows, and the most in
	 * one: a small multiple of the text's length in windows of bounded
	 * size, which is what makes measuring linear. */
	size_t pango_bytes, pango_window_bytes_max;
};

/* Measure styled source text (spans become Pango attributes, never markup). */
struct layout_lines *layout_measure(struct layout *lo,
				    const struct source_text *text,
				    const struct style_font *font,
				    double width_pt, enum layout_align align);
/* Measure plain text (cover values, furniture, labels). */
struct layout_lines *layout_measure_plain(struct layout *lo, const char *text,
					  const struct style_font *font,
					  double width_pt,
					  enum layout_align align);
/* Place lines [first, first + count) with the first one's top at y_pt on the
 * current page; adds BOX_TEXT boxes (and BOX_LINK boxes for links) under
 * node. Returns the height placed. */
double layout_place_lines(struct layout *lo, const struct layout_lines *lines,
			  size_t first, size_t count, double x_pt, double y_pt,
			  uint32_t node);
/* How many lines from first fit in height_pt (0 when none does). */
size_t layout_lines_fitting(const struct layout_lines *lines, size_t first,
			    double height_pt);
void layout_lines_free(struct layout_lines *lines);
/* Whether the first line runs right to left (Pango's resolved direction:
 * the text's first strong character), so that it starts at the right. */
int layout_lines_right_to_left(const struct layout_lines *lines);

/* Height from the top of line first to the foot of line first + count - 1;
 * 0 for no lines (lines may then be NULL). */
double layout_lines_span(const struct layout_lines *lines, size_t first,
			 size_t count);

/* ---- tables (layout_table.c) ---- */

struct layout_cell {
	const struct source_text *text;  /* styled text, or NULL to use plain */
	const char *plain;               /* plain text; NULL and text NULL: empty */
	const struct style_font *font;   /* NULL: the table's cell font */
	uint32_t fill;                   /* DL_NO_COLOR: none */
	uint32_t text_color;             /* DL_NO_COLOR: the font's colour */
	enum layout_align align;
	unsigned span;                   /* columns it covers; 0 or 1: one */
	double trail_pt;                 /* kept free right of the text, so
	                                    that right-aligned figures line
	                                    up on their decimal points */
};

struct layout_table {
	size_t column_count;
	double x_pt;
	double *widths_pt;               /* from proportions × content width */
	const struct layout_cell *header;/* column_count cells or NULL */
	uint32_t node;                   /* ROLE_TABLE */
	struct source_pos pos;
	int header_placed_on_page;       /* private bookkeeping */
	size_t header_page;
	struct layout_table_state *state;/* private to layout_table.c */
	struct table_widths *widths;     /* private to layout_table_widths.c */
};

/* Open a table of columns whose widths are proportions of the content width
 * (scaled down when they add up to more than 1). The header row (may be
 * NULL; TH cells on the header fill) is placed with the first row, never
 * alone at a page's foot, and again at the top of every page the table
 * continues on (as an artifact after the first). The header's cells and
 * texts must stay valid until layout_table_end; a row's texts until the row
 * is placed: at once, or for a keep_with_next row with the next row. */
void layout_table_begin(struct layout *lo, struct layout_table *table,
			size_t column_count, const double *proportions,
			const struct layout_cell *header, struct source_pos pos);
/* A row of cells covering the columns from the left, each as many as its
 * span (so a row with spans has fewer cells than columns; the header too);
 * its first header_cells cells are TH (row headers), the rest TD.
 * A row that does not fit moves whole to the next page when it fits there
 * and leaves a gap of no more than a few lines; otherwise it is split line
 * by line, as often as needed, with at least two lines of every text cell
 * on each side of a split, its first column and rating labels shown again
 * on the continuation. keep_with_next: never leave it last on a page
 * (theme rows). */
void layout_table_row(struct layout *lo, struct layout_table *table,
		      const struct layout_cell *cells, int header_cells,
		      int keep_with_next, struct source_pos pos);
/* A single TH spanning all columns in the theme font on the theme fill
 * (unless the cell says otherwise): theme and group rows. */
void layout_table_span_row(struct layout *lo, struct layout_table *table,
			   const struct layout_cell *cell, int keep_with_next,
			   struct source_pos pos);
void layout_table_end(struct layout *lo, struct layout_table *table);
/* A cell of plain text (NULL: empty) without fill, in the font's colour. */
struct layout_cell layout_plain_cell(const char *plain, enum layout_align align);
/* A cell of text on the style's colours for rating index of scale: every
 * rating cell, header and key swatch shows a rating the same way. */
struct layout_cell layout_rating_cell(const struct layout *lo,
				      const struct source_scale *scale,
				      size_t index, const char *plain,
				      enum layout_align align);
/* Widen column (before the first row) so that every word of text fits
 * unbroken in font (NULL: the cell font), taking the room from columns
 * that can spare it; the header's words are fitted already. A label that
 * may appear (every rating of the scale) is fitted so. */
void layout_table_fit_word(struct layout *lo, struct layout_table *table,
			   size_t column, const char *text,
			   const struct style_font *font);

/* Widen column like layout_table_fit_word so that label fits whole on one
 * line in the cell font: a rating's label is never broken. */
void layout_table_fit_label(struct layout *lo, struct layout_table *table,
			    size_t column, const char *label);

/* Columns sized from their content (layout_table_widths.c), on the model
 * of CSS 2.1's automatic table layout: before the first row, give each
 * cell the table will hold to layout_table_content (its widest word is the
 * column's minimum, its longest line unbroken the column's maximum), then
 * call layout_table_size_columns once. The style's proportions are the
 * preferences: every column gets its share of the table kept between its
 * minimum and maximum, so a short column is as wide as its content and
 * padding, and the text columns (flexible[c] non-zero) share the rest; a
 * word wider than a text column's share still breaks. */
void layout_table_content(struct layout *lo, struct layout_table *table,
			  size_t column, const struct layout_cell *cell);
void layout_table_size_columns(struct layout *lo, struct layout_table *table,
			       const int *flexible);
/* Copy the items of all (column_count items of size bytes) whose column is
 * shown to out, in order; returns how many were kept. A block leaves out
 * the columns none of its rows fills so. */
size_t layout_columns_shown(const int *shown, size_t column_count,
			    const void *all, void *out, size_t size);
/* The table column a block's column is drawn in when some are left out
 * (its place among the shown ones), or -1 when it is left out itself. */
int layout_columns_index(const int *shown, size_t column);
/* Scale the proportions of the columns kept to add up to 1: the table
 * stays as wide as the style's proportions made it. */
void layout_columns_normalize(double *proportions, size_t count);
/* Open the table of a block whose columns (column_count of them) are
 * shown or left out: the header of the shown ones, titled with the words
 * column_words names, their style's proportions scaled to add up to 1.
 * header has room for column_count cells and stays valid until
 * layout_table_end. */
void layout_table_begin_shown(struct layout *lo, struct layout_table *table,
			      const int *shown, size_t column_count,
			      const char *const *column_words,
			      const double *proportions,
			      struct layout_cell *header, struct source_pos pos);

/* layout_table.c's use of layout_table_widths.c: the widths start as the
 * style gives them (count of them, copied); table_widths_need widens
 * column for the words of text. Freed with table_widths_free. */
struct table_widths *table_widths_new(size_t count, const double *widths_pt);
void table_widths_need(struct layout *lo, struct layout_table *table,
		       size_t column, const char *text,
		       const struct style_font *font);
void table_widths_free(struct table_widths *widths);
/* Give the next row a named destination (BOX_DEST) at the top of the page
 * where it starts, the target of links to it. name must outlive the row. */
void layout_table_dest(struct layout_table *table, const char *name);

/* ---- rating colours (layout_colours.c) ---- */

/* What style_rating needs to know of rating index of scale: its code, its
 * standing, whether the scale shares it, and its position between the
 * scale's worst (0) and best (1) grades, read worst first as listed unless
 * the standings say the list runs best first. */
struct style_rating_key layout_rating_key(const struct source_scale *scale,
					  size_t index);

/* ---- what assessment and performance blocks share (layout_key.c) ---- */

/* A paragraph in font at the cursor, full width, broken over pages by
 * lines; nothing for empty text. Followed by the paragraph gap. */
void layout_key_paragraph(struct layout *lo, const struct source_text *text,
			  const struct style_font *font, struct source_pos pos);
/* The key of a rating scale as a small table: each rating's colour swatch
 * showing its code and label (never colour alone) beside its meaning.
 * with_context adds the unrated "Context" row of performance blocks. */
void layout_key_scale(struct layout *lo, const struct source_scale *scale,
		      int with_context, struct source_pos pos);

/* A measure's value as a reader expects it: percentages with one decimal
 * ("85.0%"), whole numbers without decimals and with thousands separators
 * ("1,240"), others with up to two decimals; "–" when absent. Caller frees
 * with free(). (layout_performance.c) */
char *layout_performance_value(const struct source_value *value,
			       const char *unit);

/* A cell of a number or money column as councils print it
 * (enum source_format): "1234567" as "1,234,567", money as "£1,234,567"
 * and "(£1,250)", money-millions as "12.3" and "(0.4)"; a figure that
 * rounds to zero is never negative. Text that is not a plain decimal
 * (a dash for nil), and every text column, is returned as written. Caller
 * frees with free(). (layout_number.c) */
char *layout_format_number(const char *text, enum source_format format);

/* A plain table (caption, heading row repeated on every page, body rows,
 * totals kept with the last body row) at the cursor, in the text column
 * from x_pt, width_pt wide. (layout_plain_table.c) */
void layout_plain_table(struct layout *lo, const struct source_table *table,
			double x_pt, double width_pt);

/* A figure at the cursor: its image scaled to fit the text column from
 * x_pt, width_pt wide (never enlarged), moved whole to the next page when
 * it does not fit, its caption below; a Figure with the source's alt, or
 * an artifact when alt is "". dest (may be NULL) names a destination at
 * its top, the target of refs to it. The
 * image is read here (image.h); a bad one is an error at its src. The
 * house style's logo comes through layout_logo. (layout_figure.c) */
void layout_figure(struct layout *lo, const struct source_figure *figure,
		   const char *dest, double x_pt, double width_pt);

/* What goes with an image placed by layout_place_image: its alternative
 * text ("" or NULL: decorative, an artifact), caption (may be NULL or
 * empty), destination (may be NULL), share of the column it may take
 * (0: all of it) and where the source names it. */
struct layout_figure_text {
	const char *alt;
	const struct source_text *caption;
	const char *dest;
	double share;
	struct source_pos pos;
};
struct image;
/* Place an image read already, which the display list takes over (it is
 * freed here): the part of layout_figure after reading, for tests. */
void layout_place_image(struct layout *lo, struct image *image,
			const struct layout_figure_text *words,
			double x_pt, double width_pt);
/* image's natural size scaled down, keeping its proportions, to fit
 * max_width_pt × max_height_pt; never enlarged. */
void layout_image_size(const struct image *image, double max_width_pt,
		       double max_height_pt, double *width_pt,
		       double *height_pt);

/* The house style's logo (style.h's style_logo), read from the layout's
 * folder once per document (a bad file is one error at the <logo>):
 * layout_logo_cover places it at the top right of the cover, moving the
 * cursor below it, a Figure with its alt; layout_logo_header at the right
 * of the running header, as furniture under node, and returns the width
 * it takes (0 when the style places none there). (layout_logo.c) */
void layout_logo_cover(struct layout *lo);
double layout_logo_header(struct layout *lo, uint32_t node);

/* ---- blocks owned by other files ---- */

void layout_cover(struct layout *lo);                        /* layout_cover.c */
/* Running header and footer on every page, and the draft watermark (first
 * box of each page); run once pagination is done. (layout_furniture.c) */
void layout_furniture(struct layout *lo);
/* An ISO date "2024-02-22" as "22 February 2024" in the paper's language,
 * in the list's arena; other text is returned as written, NULL as "".
 * (layout_cover.c) */
const char *layout_date_text(struct layout *lo, const char *iso_date);
/* "Agenda item 7" in the paper's language, in the list's arena, for the
 * cover and {agenda-item}; "" when the paper has no agenda item.
 * (layout_cover.c) */
const char *layout_agenda_item_text(struct layout *lo);
/* 1 when the cursor is at the top of a page's content area. (layout_page.c) */
int layout_at_page_top(const struct layout *lo);
void layout_assessment(struct layout *lo,
		       const struct source_assessment *assessment); /* layout_assessment.c */
void layout_performance(struct layout *lo,
			const struct source_performance *performance); /* layout_performance.c */
void layout_risks(struct layout *lo, const struct source_risks *risks); /* layout_risks.c */

/* Heat maps (layout_heatmap.c), each a Figure with a text alternative: a
 * risk register's likelihood × impact grid, cells on their rating's
 * colours holding the references of the risks currently there, then its
 * data as a table; an assessment's references by theme on their ratings'
 * colours (heat-map="yes"). The cursor ends below them. */
void layout_heatmap_risks(struct layout *lo, const struct source_risks *risks);
void layout_heatmap_assessment(struct layout *lo,
			       const struct source_assessment *assessment);

/* Dashboards at the head of an assessment or performance block: counts per
 * rating per theme or group with totals and a stacked bar chart (ROLE_FIGURE
 * with a text alternative). Called by layout_assessment() and
 * layout_performance(). (layout_chart.c) */
void layout_dashboard_assessment(struct layout *lo,
				 const struct source_assessment *assessment);
void layout_dashboard_performance(struct layout *lo,
				  const struct source_performance *performance);
/* Trend lines of the measures with history (a Figure under a caption),
 * placed after the performance table so that its first rows follow the
 * dashboard on the same page; nothing without history. (layout_chart.c) */
void layout_trends_performance(struct layout *lo,
			       const struct source_performance *performance);

#endif
