/* The display list: what the layout stage produces and the draw stage
 * replays, and what tests and dumps read. Pages of positioned boxes (text
 * already shaped by Pango, rectangles, rules, paths, links, destinations),
 * the structure tree the boxes belong to, the outline, the font table and
 * the document's metadata. Lengths are PDF points (_pt), origin at the top
 * left of the page, y downwards; Pango units are named _pu. Nothing here
 * knows the source model or the house style.
 *
 * Ownership: every pointer inside a list is owned by the list and freed by
 * dl_free(); strings and small arrays live in its arena. */
#ifndef DISPLAY_LIST_H
#define DISPLAY_LIST_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cairo.h>
#include <pango/pango.h>

#include "source_pos.h"

struct arena;

/* ---- structure: what a box is, for tagging and accessibility ---- */

enum dl_role {
	ROLE_DOCUMENT,
	ROLE_PART,         /* Part: one item of a reports pack (dl_append) */
	ROLE_SECTION,      /* Sect: a numbered section or an appendix */
	ROLE_HEADING,      /* level in dl_node.level (1 … 3) */
	ROLE_PARAGRAPH,
	ROLE_LIST,
	ROLE_LIST_ITEM,
	ROLE_LIST_LABEL,   /* "1." or bullet */
	ROLE_LIST_BODY,
	ROLE_TABLE,
	ROLE_TABLE_ROW,
	ROLE_TABLE_HEADER, /* TH */
	ROLE_TABLE_CELL,   /* TD */
	ROLE_FIGURE,       /* charts; alt text in dl_node.alt */
	ROLE_LINK,
	ROLE_ARTIFACT,     /* page furniture, watermark, repeated table headers */
	ROLE_SPAN,         /* words in another language (dl_node.lang) within
	                      their parent's text */
};

/* A node of the structure tree, in document (reading) order. Node 0 is the
 * document; boxes point at the innermost node they belong to. A node may
 * span pages (a table split across pages stays one Table). */
struct dl_node {
	enum dl_role role;
	uint32_t parent;      /* index of the parent node; 0 for the document's children */
	uint8_t level;        /* headings: 1 … 3 */
	uint16_t col_span;    /* table cells covering more than one column:
	                         how many; else 0 */
	const char *alt;      /* figures: text alternative; else NULL */
	const char *lang;     /* only where it differs from the document's */
	struct source_pos pos;/* where the node came from in the source */
};

/* ---- boxes ---- */

enum dl_box_kind {
	BOX_TEXT,  /* one line of shaped text */
	BOX_RECT,  /* filled and/or stroked rectangle */
	BOX_RULE,  /* straight line from (x, y) to (x + width, y + height) */
	BOX_PATH,  /* open polyline (trend lines); points relative to page */
	BOX_LINK,  /* clickable area: uri or internal destination */
	BOX_DEST,  /* named destination (target of links and the outline) */
	BOX_IMAGE, /* an image of the list's table scaled into the box */
};

#define DL_NO_COLOR 0xFFFFFFFFu /* "no fill" / "no stroke" */

/* One glyph as Pango shaped it while measuring. Eight bytes: a long paper
 * holds millions of them. Its vertical offset, almost always 0, lives in
 * the run's y_pu array. */
struct dl_glyph {
	uint16_t id;        /* glyph index in the run's font (OpenType glyph
	                       ids are 16-bit); see dl_glyph_id */
	uint16_t cluster;   /* byte offset in the run's text where its cluster
	                       starts (a run is part of one line) */
	int32_t x_pu;       /* pen position from the run's origin, Pango units */
};

/* The id to store for a glyph Pango shaped, or -1 when there is nothing to
 * draw (PANGO_GLYPH_EMPTY: line ends, zero-width characters). A character
 * no font has (PANGO_GLYPH_UNKNOWN_FLAG), or an id no OpenType font can
 * hold, becomes 0, the font's .notdef, so the gap stays visible. */
int32_t dl_glyph_id(PangoGlyph glyph);

/* A run: glyphs of one font and colour with the text they came from, so the
 * PDF carries real, searchable text and drawing never shapes again. */
struct dl_run {
	uint16_t font;            /* index into display_list.fonts */
	uint32_t color;           /* 0xRRGGBB */
	double x_pt;              /* run origin from the box's left edge */
	const char *text;         /* UTF-8 of this run only: text_length bytes
	                             of its line's text, not NUL-terminated */
	struct dl_glyph *glyphs;
	int16_t *y_pu;            /* each glyph's vertical offset in Pango units
	                             (within ±32 pt); NULL when all are 0 */
	uint32_t text_length;     /* bytes */
	uint32_t glyph_count;
};

struct dl_text {
	double baseline_pt;       /* from the box's top */
	double angle_deg;         /* rotation about the box's top left: the draft
	                             watermark; 0 for all other text */
	const char *text;         /* the whole line's text, for dumps and tests */
	struct dl_run *runs;
	uint32_t run_count;
};

struct dl_path {
	double *points_pt;        /* x0, y0, x1, y1 … page coordinates */
	uint32_t point_count;
};

struct dl_link {
	const char *uri;          /* external link, or NULL */
	const char *dest;         /* internal destination name, or NULL */
};

/* A decoded image, drawn by every BOX_IMAGE naming it (a logo on every
 * page is one image, embedded once). Exactly one of pixels and svg. */
struct dl_image {
	uint32_t width_px, height_px;
	cairo_surface_t *pixels;  /* a PNG's pixels (ARGB32) */
	void *svg;                /* an SVG's RsvgHandle (a GObject) */
	GBytes *svg_source;       /* the SVG's bytes, to send it again
	                             (display_list_wire.h); else NULL */
};

struct dl_box {
	enum dl_box_kind kind;
	uint32_t node;            /* structure node; its role says what the box is */
	double x_pt, y_pt, width_pt, height_pt;
	uint32_t fill;            /* 0xRRGGBB or DL_NO_COLOR */
	uint32_t stroke;          /* 0xRRGGBB or DL_NO_COLOR */
	double line_width_pt;
	union {
		struct dl_text text;
		struct dl_path path;
		struct dl_link link;
		const char *dest;     /* BOX_DEST: its name */
		uint32_t image;       /* BOX_IMAGE: index into images */
	} u;
};

struct dl_page {
	double width_pt, height_pt; /* this page's own size: landscape pages differ */
	struct dl_box *boxes;       /* in drawing order: fills before the text on them */
	size_t box_count, box_capacity;
};

/* A bookmark: sections and appendices. */
struct dl_outline {
	const char *title;
	int parent;               /* index of the parent entry, -1 for top level */
	uint32_t page;            /* 0-based */
	double y_pt;
};

/* A page label range (PDF /PageLabels): from page on, until the next
 * range, pages are labelled prefix followed by start, start + 1 … in
 * decimal, as their running footer numbers them ("12", "A2-1"). */
struct dl_page_label {
	uint32_t page;            /* 0-based first page of the range */
	const char *prefix;       /* "" for none */
	uint32_t start;           /* the first page's number, from 1 */
};

struct display_list {
	struct dl_page *pages;
	size_t page_count;
	struct dl_node *nodes;
	size_t node_count;
	PangoFont **fonts;        /* each holds a reference; released by dl_free */
	size_t font_count;
	struct dl_outline *outline;
	size_t outline_count;
	struct dl_page_label *labels; /* ranges by ascending page; none: the
	                                 reader counts 1, 2, 3 … */
	size_t label_count;
	struct dl_image *images;  /* on the heap; each released by dl_free */
	size_t image_count;
	/* Document metadata for the writer. */
	const char *title, *author, *subject, *lang;
	const char *create_date;  /* ISO 8601, from SOURCE_DATE_EPOCH or the source */
	struct arena *arena;      /* owns every string and array above but
	                             the nodes and the pages' boxes */
	struct dl_private *private; /* the builder's state (display_list.c) */
};

/* ---- building a list (display_list.c) ----
 * Layout and tests build every list with these calls, so every list is
 * owned the same way: the nodes and each page's boxes on the heap, the
 * rest in the arena, all of it freed by dl_free. */

/* An empty list holding node 0, the document (its own parent), and no page.
 * Caller frees with dl_free(). */
struct display_list *dl_new(void);
/* Append a page of that size; returns its index. Boxes may still be added
 * to earlier pages (running headers and footers are added last). */
size_t dl_add_page(struct display_list *list, double width_pt,
		   double height_pt);
/* Append a structure node under parent, stored as given (drawing copes
 * with any parent); headings start at level 1. Returns its index. */
uint32_t dl_add_node(struct display_list *list, enum dl_role role,
		     uint32_t parent, struct source_pos pos);
/* Append a box of kind under node to page page_index (which must exist),
 * with no fill, no stroke and the rest zero. The box is borrowed: good
 * until the next dl_add_box, dl_add_page or dl_finish moves its page's
 * boxes. */
struct dl_box *dl_add_box(struct display_list *list, size_t page_index,
			  enum dl_box_kind kind, uint32_t node);
void dl_add_rect(struct display_list *list, size_t page_index, uint32_t node,
		 double x_pt, double y_pt, double width_pt, double height_pt,
		 uint32_t fill, uint32_t stroke, double line_width_pt);
/* A straight line from (x, y) to (x + dx, y + dy). */
void dl_add_rule(struct display_list *list, size_t page_index, uint32_t node,
		 double x_pt, double y_pt, double dx_pt, double dy_pt,
		 uint32_t color, double line_width_pt);
/* A named destination at (x, y); name is copied into the arena. */
void dl_add_dest(struct display_list *list, size_t page_index, uint32_t node,
		 const char *name, double x_pt, double y_pt);
/* A bookmark (title copied) on page page_index; returns its index. */
int dl_add_outline(struct display_list *list, const char *title, int parent,
		   size_t page_index, double y_pt);
/* Start a page label range at page_index (prefix copied; NULL is ""),
 * replacing one that starts there. Ranges are set in page order. */
void dl_set_page_label(struct display_list *list, size_t page_index,
		       const char *prefix, unsigned start);
/* Add an image to the list's table, which takes the reference to pixels
 * (a cairo image surface) or svg (an RsvgHandle) given; returns its index
 * for BOX_IMAGE boxes. */
uint32_t dl_add_image(struct display_list *list, cairo_surface_t *pixels,
		      void *svg, uint32_t width_px, uint32_t height_px);
/* Keep the bytes image (an SVG) was loaded from, taking the reference
 * given (NULL: none), so the list can be sent as bytes. */
void dl_set_image_source(struct display_list *list, uint32_t image,
			 GBytes *svg_source);
/* Copies into the list's arena, borrowed until dl_free; NULL stays NULL
 * for dl_strdup. */
char *dl_strdup(struct display_list *list, const char *s);
char *dl_strndup(struct display_list *list, const char *s, size_t n);
/* Index of font in the list's font table, which then holds a reference. */
uint16_t dl_font_index(struct display_list *list, PangoFont *font);
/* Done building: each page's boxes in an array of their exact size, the
 * nodes trimmed. Boxes may still be added afterwards. */
void dl_finish(struct display_list *list);

/* Move every page of part (finished) to the end of list, for a document
 * made of several (the reports pack): part's document node becomes a node
 * of role (ROLE_PART, ROLE_SECTION) under list's, numbered as list's
 * node_count was before the call; its page labels come along (a part
 * without any is labelled 1, 2, 3 …); its bookmarks go under outline_parent
 * (-1: top level), its destination names and links take dest_prefix (NULL
 * or "": none) so papers' ids cannot collide, and its fonts and images
 * join list's tables. part is freed (its arena kept by list). Returns the index of
 * part's first page in list. */
size_t dl_append(struct display_list *list, struct display_list *part,
		 enum dl_role role, int outline_parent, const char *dest_prefix);

/* ---- using a list ---- */

/* PDF structure type of a node ("Document", "Sect", "H1" … "H3", "P", "L",
 * "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "Figure", "Link",
 * "Artifact", "Span"): the names of the dump and of the PDF's tags. A static
 * string. (display_list.c) */
const char *dl_role_name(const struct dl_node *node);

/* JSON dump for tests: page sizes and each box's kind, page, geometry, fill,
 * text and role, numbers rounded to 2 decimals. (display_list_dump.c) */
void dl_dump_json(const struct display_list *list, FILE *out);

/* Free the boxes of page page_index, leaving the page empty (its size
 * stays): for a writer that draws the pages in order and needs a drawn page
 * no more, so its memory serves what the writer builds up meanwhile. Glyphs
 * and strings stay in the arena until dl_free. */
void dl_release_page(struct display_list *list, size_t page_index);

/* Free the list and everything in it; NULL is ignored. */
void dl_free(struct display_list *list);

#endif
