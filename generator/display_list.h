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

#include <pango/pango.h>

#include "source_pos.h"

struct arena;

/* ---- structure: what a box is, for tagging and accessibility ---- */

enum dl_role {
	ROLE_DOCUMENT,
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
};

/* A node of the structure tree, in document (reading) order. Node 0 is the
 * document; boxes point at the innermost node they belong to. A node may
 * span pages (a table split across pages stays one Table). */
struct dl_node {
	enum dl_role role;
	uint32_t parent;      /* index of the parent node; 0 for the document's children */
	uint8_t level;        /* headings: 1 … 3 */
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

struct display_list {
	struct dl_page *pages;
	size_t page_count;
	struct dl_node *nodes;
	size_t node_count;
	PangoFont **fonts;        /* each holds a reference; released by display_list_free */
	size_t font_count;
	struct dl_outline *outline;
	size_t outline_count;
	/* Document metadata for the writer. */
	const char *title, *author, *subject, *lang;
	const char *create_date;  /* ISO 8601, from SOURCE_DATE_EPOCH or the source */
	struct arena *arena;      /* owns every string and array above */
	struct dl_private *private;
};

#endif
