/* House styles as data: a layout file (layouts/NAME.xml, schema
 * generator/layout.xsd) sets page, fonts, colours, tables and furniture.
 * The layout stage reads a struct style; nothing here knows Pango or Cairo.
 *
 * Ownership: style_load/style_find return a style the caller frees with
 * style_free(); every pointer inside is borrowed from it. */
#ifndef STYLE_H
#define STYLE_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

#define STYLE_NAMESPACE "urn:committee-pdf:layout:1"

typedef uint32_t style_rgb; /* 0xRRGGBB */

struct style_field;

struct style_font {
	const char *family;   /* "Liberation Sans" */
	double size_pt;
	int bold;             /* weight: 0 normal, 1 bold */
	int italic;
	style_rgb color;
};

struct style_page {
	double width_pt, height_pt; /* portrait dimensions of the paper (A4: 595.276 x 841.89) */
	int landscape;              /* the document's default orientation */
	double margin_top_pt, margin_right_pt, margin_bottom_pt, margin_left_pt;
};

/* What a rating means, whatever its code: the load stage's standings,
 * passed to the style as plain values (the style never sees the source). */
enum style_standing {
	STYLE_STANDING_NONE,      /* not stated: a middle grade */
	STYLE_STANDING_MET,
	STYLE_STANDING_PARTLY,
	STYLE_STANDING_NOT_MET,
	STYLE_STANDING_COMPLETE,
	STYLE_STANDING_NO_DATA,
};

struct style_rating_colors {
	const char *code;     /* rating code this pair applies to; NULL for the fallback */
	style_rgb background;
	style_rgb text;
	enum style_standing standing; /* the standing it colours; NONE: none */
	int graded;           /* 1: it sits at position on a graded scale */
	double position;      /* 0 the worst grade to 1 the best, when graded */
};

struct style_table {
	double padding_pt;
	double border_pt;
	style_rgb border_color;
	style_rgb header_fill;
	struct style_font header_font;
	style_rgb theme_fill;       /* full-width theme rows of an assessment */
	struct style_font theme_font;
	struct style_font cell_font;
	/* Assessment columns as proportions of the table width, in this order:
	 * reference, characteristic, rating, previous, evidence, actions, owner. */
	double assessment_columns[7];
	/* Performance columns: reference, measure, target, actual, previous,
	 * rating, travel, commentary. */
	double performance_columns[8];
	/* Optional columns kept even when no row fills them (<column
	 * name="owner" always="yes"/>), 1 at the column's index above. */
	int assessment_always[7];
	int performance_always[8];
	double cover_key_proportion; /* width of the cover table's key column */
};

/* The council's logo (<logo>): where it goes, the file as the layout
 * names it (read by the layout stage through image.h, from the layout's
 * folder), its text alternative ("" decorative) and widest size. */
enum style_logo_place { LOGO_NONE, LOGO_COVER, LOGO_HEADER };
struct style_logo {
	enum style_logo_place place;
	const char *src;
	const char *alt;
	double width_pt;
	unsigned line, col;       /* of the <logo> element */
};

struct style {
	const char *name;         /* "committee-report" */
	const char *path;         /* file it was loaded from */
	struct style_page page;
	int landscape_assessments; /* appendices holding an assessment or
	                              performance block go landscape */
	struct style_font body;
	struct style_font heading[3]; /* section (1.0), appendix title, sub-heading */
	struct style_font cover_title;
	struct style_font header_font, footer_font;
	double paragraph_gap_pt;  /* space after a paragraph */
	double number_indent_pt;  /* hanging indent of "1.1" numbers */
	double list_indent_pt;
	style_rgb link_color;
	struct style_table table;
	struct style_rating_colors *ratings; /* last entry is the fallback (code NULL) */
	size_t rating_count;
	/* Furniture templates with fields {marking} {committee} {meeting-date}
	 * {page} {pages} {agenda-item} {title} {status}; "" for none. */
	const char *header_left, *header_right;
	const char *footer_left, *footer_center, *footer_right;
	/* The house style's own words (<labels>): catalogue key → text,
	 * ending with a NULL name; looked up before the paper's catalogue.
	 * label_langs[i]: the language labels[i] is for (its xml:lang), NULL
	 * for every language; label_langs NULL: all are for every language. */
	const struct style_field *labels;
	const char *const *label_langs;
	struct style_logo logo;   /* place LOGO_NONE: no logo */
	struct style_private *private;
};

/* The house style a source gets when it names none. */
#define STYLE_DEFAULT_LAYOUT "committee-report"

/* Load one layout file; NULL with diagnostics on any error (a FIFO, a
 * device or a folder is refused before it is opened). */
struct style *style_load(const char *path, struct diag_list *diags);

/* Find a layout by name or path: a path (contains '/' or ends in .xml) is
 * loaded as is; a name is looked for in source_dir (its layouts/ folder,
 * then the folder itself), then layouts/ of the data dir, then the installed
 * share dir (see style_locate). NULL with a diagnostic naming where it
 * looked. */
struct style *style_find(const char *name_or_path, const char *source_dir,
			 struct diag_list *diags);

/* The file style_find would load for name_or_path, without loading it:
 * a path as given, else the first NAME.xml in source_dir/layouts,
 * source_dir (only a file in the layout namespace: papers share that
 * folder), layouts/ of the data dir, the installed share dir. NULL when
 * there is none. Caller frees with free(). */
char *style_locate(const char *name_or_path, const char *source_dir);

/* The name_or_path to find for a source's layout attribute, written at
 * line:col of source_path. A path (contains '/' or ends in .xml) follows
 * the rule for files a source names (paths_named: inside the source's
 * folder or an --allow-dir folder, a regular file), while --layout PATH may
 * be any file. A bare name is kept as it is, unless it finds a file beside
 * the source that links out of its folder. NULL after an error at the
 * attribute (diags may be NULL: refused quietly). Caller frees. */
char *style_source_layout(const char *source_path, const char *layout,
			  unsigned line, unsigned col, struct diag_list *diags);

/* One rating of a scale as the palette is asked about it: its code, its
 * standing, whether another rating of its scale shares that standing, and
 * its position between the scale's worst (0) and best (1) grades. */
struct style_rating_key {
	const char *code;             /* NULL: no code */
	enum style_standing standing;
	int standing_shared;
	int graded;                   /* 1: it has a position on a graded scale */
	double position;              /* 0 worst to 1 best, when graded */
};

/* How the palette coloured a rating, most specific first. */
enum style_rating_match {
	STYLE_MATCH_CODE,       /* the palette names the code */
	STYLE_MATCH_STANDING,   /* the palette's colour for the standing */
	STYLE_MATCH_POSITION,   /* between the palette's graded colours */
	STYLE_MATCH_FALLBACK,   /* nothing: the fallback grey */
};

/* The colours a rating prints in. text contrasts 4.5:1 with background and
 * chart 3:1 with the white page (WCAG 2, 1.4.3 and 1.4.11), interpolated
 * colours included. */
struct style_rating_look {
	style_rgb background, text;
	style_rgb chart;        /* its bars and legend swatches */
	enum style_rating_match match;
};

/* The one colour rule for ratings: the palette's colours for the code when
 * it names the code; else for the standing, when no other rating of the
 * scale shares it; else the colour at the rating's position on the scale,
 * interpolated between the palette's graded colours (worst to best); else
 * for the standing even when shared; else the fallback. */
struct style_rating_look style_rating(const struct style *style,
				      const struct style_rating_key *key);

/* style_rating's chart colour: the fill of the rating's bars and legend
 * swatches (the layout's chart colour, else the background when that
 * contrasts 3:1 with the page, else the background darkened until it
 * does). */
style_rgb style_rating_chart(const struct style *style,
			     const struct style_rating_key *key);

/* The key of a bare code with nothing else known (a zeroed key with a
 * code is the same). */
struct style_rating_key style_rating_code(const char *code);

/* The house style's label for a catalogue key in a paper of language lang
 * (may be NULL): one written for that language (its primary subtag: "cy"
 * serves "cy-GB"), else one for every language, else NULL. Borrowed. */
const char *style_label(const struct style *style, const char *key,
			const char *lang);

/* Expand a furniture template; unknown fields are left as written.
 * fields is an array of name/value pairs ending with a NULL name.
 * Caller frees the result with free(). */
struct style_field {
	const char *name;  /* without braces: "page" */
	const char *value;
};
char *style_expand(const char *template_text, const struct style_field *fields);

/* WCAG 2 contrast ratio of two colours (1.0 … 21.0). */
double style_contrast(style_rgb a, style_rgb b);

void style_free(struct style *style);

/* A position in a layout file, for the diagnostics of other stages (the
 * font check) about what a layout names. */
struct style_pos {
	unsigned line, col; /* 1-based; col counts characters */
};

/* Where style names family first; {0, 0} when it does not. */
struct style_pos style_family_pos(const struct style *style, const char *family);

/* Folders a layout name is looked for in, most specific first, without
 * repeats and only those that exist: source_dir/layouts and source_dir (when
 * not NULL), layouts/ of the data dir, the installed share dir beside the
 * binary. Fills dirs (caller frees each and the array); returns the count. */
size_t style_search_dirs(const char *source_dir, char ***dirs);

/* 1 when the file's first 4 KiB name the layout namespace. A source's own
 * folder holds papers too, one of which may share a layout's name, so a
 * file there counts as a layout only when this says so. */
int style_file_is_layout(const char *path);

/* The layout's <title> and <description> (whitespace collapsed; "" when
 * absent), for listings. Borrowed until style_free(). */
const char *style_title(const struct style *style);
const char *style_description(const struct style *style);

#endif
