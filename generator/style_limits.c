/* The sizes and lengths a house style may use, decided here once. The
 * schema judges what XSD can say (the form of a length, proportions above
 * zero, each heading level once); what needs arithmetic across units and
 * elements is judged here: font sizes in a range, and margins, furniture,
 * indents, the paragraph gap and cell padding that leave room to print on
 * the narrowest page the layout can give (any section may turn landscape,
 * so both the width and the height may be the paper's short side). */
#include "style_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PT_PER_MM (72.0 / 25.4)

/* Text is readable from small print to a poster line; titles may be
 * display type. */
#define TEXT_SIZE_MIN_PT 4.0
#define TEXT_SIZE_MAX_PT 72.0
#define TITLE_SIZE_MAX_PT 200.0
/* An inch of room for the words, inside the margins and inside indents. */
#define MIN_ROOM_PT 72.0
/* A line's height per point of font size: the families fonts/fonts.conf
 * provides measure 1.11 (Liberation Serif) to 1.17 (DejaVu Sans). */
#define LINE_HEIGHT_PER_PT 1.2
/* A character's advance per point of size, at most, on average over a
 * line of words and digits (Liberation Sans digits take 0.56). */
#define ADVANCE_PER_PT 0.6
/* Running headers and footers keep this far from the paper's edge
 * (layout_furniture.c). */
#define FURNITURE_EDGE_PT 2.0

/* The font sizes: every element of the layout that sets a font. */
struct size_limit {
	const char *parent;  /* child of <layout> holding the element */
	const char *element;
	double max_pt;
	const char *what;    /* as the message says it */
};

static const struct size_limit size_limits[] = {
	{ "fonts", "body", TEXT_SIZE_MAX_PT, "text" },
	{ "fonts", "heading", TITLE_SIZE_MAX_PT, "a title" },
	{ "fonts", "cover-title", TITLE_SIZE_MAX_PT, "a title" },
	{ "fonts", "header-font", TEXT_SIZE_MAX_PT, "text" },
	{ "fonts", "footer-font", TEXT_SIZE_MAX_PT, "text" },
	{ "table", "header-cell", TEXT_SIZE_MAX_PT, "text" },
	{ "table", "theme-row", TEXT_SIZE_MAX_PT, "text" },
	{ "table", "cell", TEXT_SIZE_MAX_PT, "text" },
};

/* What the room rules share. */
struct room {
	const struct style *style;
	const struct style_doc *doc;
	const xmlNode *root;
	struct diag_list *diags;
	double width_pt, height_pt; /* inside the margins, on the short side */
};

static const char *value_of(const xmlNode *node, const char *attribute)
{
	for (xmlAttr *a = node ? node->properties : NULL; a; a = a->next)
		if (strcmp((const char *)a->name, attribute) == 0 && a->children &&
		    a->children->content)
			return (const char *)a->children->content;
	return "";
}

/* A limit as shown: rounded down, so that the value shown passes. */
static double at_most(double limit_pt)
{
	return floor(limit_pt * 10) / 10;
}

/* An upper limit in the unit value was written in: "12.3mm" or "34.9pt". */
static void in_unit_of(const char *value, double length_pt, char out[32])
{
	size_t n = strlen(value);
	if (n >= 2 && strcmp(value + n - 2, "mm") == 0)
		snprintf(out, 32, "%.1fmm", at_most(length_pt / PT_PER_MM));
	else
		snprintf(out, 32, "%.1fpt", at_most(length_pt));
}

static void error_at(const struct style_doc *doc, const xmlNode *node,
		     struct diag_list *diags, const char *message)
{
	struct style_pos pos = style_doc_pos(doc, node);
	diag_add(diags, DIAG_ERROR, doc->path, pos.line, pos.col, "%s", message);
}

static double line_pt(const struct style_font *font)
{
	return font->size_pt * LINE_HEIGHT_PER_PT;
}

static int size_in_range(const struct size_limit *limit, double size_pt)
{
	return size_pt >= TEXT_SIZE_MIN_PT && size_pt <= limit->max_pt;
}

/* 1 when every font size is in its range; an error for each that is not. */
static int check_sizes(const struct style_doc *doc, const xmlNode *root,
		       struct diag_list *diags)
{
	int all_in_range = 1;
	for (size_t i = 0; i < sizeof size_limits / sizeof size_limits[0]; i++) {
		const struct size_limit *limit = &size_limits[i];
		const xmlNode *parent = style_child(root, limit->parent);
		for (const xmlNode *c = parent ? parent->children : NULL; c; c = c->next) {
			if (c->type != XML_ELEMENT_NODE ||
			    strcmp((const char *)c->name, limit->element) != 0)
				continue;
			const char *size = value_of(c, "size");
			double size_pt = style_length_pt(size);
			if (size_in_range(limit, size_pt))
				continue;
			char shown[32] = "";
			if (strstr(size, "mm"))
				snprintf(shown, sizeof shown, " (%.1fpt)", size_pt);
			char *message = mem_printf(
				"<%s> size=\"%s\"%s is out of range: the size of %s "
				"must be from %gpt to %gpt", limit->element, size,
				shown, limit->what, TEXT_SIZE_MIN_PT, limit->max_pt);
			error_at(doc, c, diags, message);
			free(message);
			all_in_range = 0;
		}
	}
	return all_in_range;
}

/* 1 when the margins leave MIN_ROOM_PT of the short side both ways. */
static int check_margins(const struct room *r)
{
	const struct style_page *p = &r->style->page;
	double short_side_pt = p->width_pt < p->height_pt ? p->width_pt : p->height_pt;
	const xmlNode *margins = style_child(style_child(r->root, "page"), "margins");
	struct style_pos pos = style_doc_pos(r->doc, margins);
	double across_pt = p->margin_left_pt + p->margin_right_pt;
	double down_pt = p->margin_top_pt + p->margin_bottom_pt;
	if (r->width_pt < MIN_ROOM_PT)
		diag_add(r->diags, DIAG_ERROR, r->doc->path, pos.line, pos.col,
			 "the left and right margins (%.1fmm together) leave less "
			 "than 25.4mm of the paper's %.1fmm short side for text",
			 across_pt / PT_PER_MM, short_side_pt / PT_PER_MM);
	if (r->height_pt < MIN_ROOM_PT)
		diag_add(r->diags, DIAG_ERROR, r->doc->path, pos.line, pos.col,
			 "the top and bottom margins (%.1fmm together) leave less "
			 "than 25.4mm of the paper's %.1fmm short side for text",
			 down_pt / PT_PER_MM, short_side_pt / PT_PER_MM);
	return r->width_pt >= MIN_ROOM_PT && r->height_pt >= MIN_ROOM_PT;
}

/* The fixed text of a furniture template: {page} and {pages} as three
 * digits, the source's fields (unknown here) empty. */
static size_t fixed_characters(const char *template_text)
{
	static const struct style_field fields[] = {
		{ "page", "999" }, { "pages", "999" }, { "marking", "" },
		{ "committee", "" }, { "meeting-date", "" }, { "agenda-item", "" },
		{ "title", "" }, { "status", "" },
		{ "page-of-pages", "Page 999 of 999" }, { "page-label", "A99-999" },
		{ "marking-notice", "This report is " }, { NULL, NULL },
	};
	char *text = style_expand(template_text, fields);
	size_t count = 0;
	for (const char *p = text; *p; p++)
		count += ((unsigned char)*p & 0xC0) != 0x80;
	free(text);
	return count;
}

/* One part of the running header or footer, at the share of the width
 * the layout gives it. */
struct furniture_part {
	const char *name;          /* "footer right" */
	const char *template_text;
	double share;              /* of the width between the margins */
};

/* Height a part takes at size_pt with the edge gap; 0 when it is empty. */
static double part_height_pt(const struct room *r, const struct furniture_part *f,
			     double size_pt, double *lines)
{
	if (!f->template_text[0])
		return 0;
	double width_pt = r->width_pt * f->share;
	double text_pt = (double)fixed_characters(f->template_text) *
			 ADVANCE_PER_PT * size_pt;
	*lines = text_pt > width_pt ? ceil(text_pt / width_pt) : 1;
	return *lines * size_pt * LINE_HEIGHT_PER_PT + FURNITURE_EDGE_PT;
}

/* The tallest part at size_pt; *worst names it. */
static double tallest_pt(const struct room *r, const struct furniture_part *parts,
			 size_t count, double size_pt, size_t *worst, double *lines)
{
	double tallest = 0;
	for (size_t i = 0; i < count; i++) {
		double part_lines = 0;
		double height = part_height_pt(r, &parts[i], size_pt, &part_lines);
		if (height > tallest) {
			tallest = height;
			*worst = i;
			*lines = part_lines;
		}
	}
	return tallest;
}

/* Every part of the header (footer) must fit in the top (bottom) margin,
 * else it is drawn over the text or off the paper ("Page 3 of 9" silently
 * missing). One error per font, with the largest size that would fit. */
static void check_furniture_font(const struct room *r, const char *font_element,
				 const struct style_font *font,
				 const struct furniture_part *parts, size_t count,
				 const char *side, double margin_pt)
{
	size_t worst = 0;
	double lines = 0, unused_lines;
	size_t unused_worst;
	double needed_pt = tallest_pt(r, parts, count, font->size_pt, &worst, &lines);
	if (needed_pt <= margin_pt)
		return;
	/* Wrapping makes the height a step function of the size: search. */
	long tenths = lround(floor(font->size_pt * 10));
	double largest_pt = 0;
	for (; tenths >= lround(TEXT_SIZE_MIN_PT * 10); tenths--) {
		largest_pt = (double)tenths / 10;
		if (tallest_pt(r, parts, count, largest_pt, &unused_worst,
			       &unused_lines) <= margin_pt)
			break;
	}
	char advice[64] = "make the margin larger";
	if (largest_pt >= TEXT_SIZE_MIN_PT)
		snprintf(advice, sizeof advice, "make the size at most %.1fpt or "
			 "the margin larger", largest_pt);
	const xmlNode *node = style_child(style_child(r->root, "fonts"), font_element);
	const xmlNode *margins = style_child(style_child(r->root, "page"), "margins");
	char *message = mem_printf(
		"<%s> size=\"%s\" does not fit in the %s margin: the %s takes "
		"%.0f line%s of it, %.1fpt, and %s=\"%s\" gives %.1fpt; %s",
		font_element, value_of(node, "size"), side, parts[worst].name,
		lines, lines == 1 ? "" : "s", needed_pt, side,
		value_of(margins, side), margin_pt, advice);
	error_at(r->doc, node, r->diags, message);
	free(message);
}

static void check_furniture(const struct room *r)
{
	const struct style *s = r->style;
	/* The shares of the width layout_furniture.c gives each part: the
	 * header's right half, the footer's outer 30% and middle 40%; a part
	 * alone has the whole width. */
	int header_alone = !s->header_left[0] || !s->header_right[0];
	int footer_alone = (!s->footer_left[0] + !s->footer_center[0] +
			    !s->footer_right[0]) >= 2;
	const struct furniture_part header[] = {
		{ "header left", s->header_left, header_alone ? 1.0 : 0.5 },
		{ "header right", s->header_right, header_alone ? 1.0 : 0.5 },
	};
	const struct furniture_part footer[] = {
		{ "footer left", s->footer_left, footer_alone ? 1.0 : 0.3 },
		{ "footer center", s->footer_center, footer_alone ? 1.0 : 0.4 },
		{ "footer right", s->footer_right, footer_alone ? 1.0 : 0.3 },
	};
	check_furniture_font(r, "header-font", &s->header_font, header, 2, "top",
			     s->page.margin_top_pt);
	check_furniture_font(r, "footer-font", &s->footer_font, footer, 3, "bottom",
			     s->page.margin_bottom_pt);
}

/* A line of every font of the text flow must fit between the margins
 * (the header and footer fonts sit in the margins: check_furniture). */
static void check_line_heights(const struct room *r)
{
	const xmlNode *fonts = style_child(r->root, "fonts");
	for (const xmlNode *c = fonts->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)c->name, "header-font") == 0 ||
		    strcmp((const char *)c->name, "footer-font") == 0)
			continue;
		double needed_pt = style_length_pt(value_of(c, "size")) * LINE_HEIGHT_PER_PT;
		if (needed_pt <= r->height_pt)
			continue;
		char *message = mem_printf(
			"<%s> size=\"%s\" is too large for the page: a line of it "
			"needs %.1fpt and the top and bottom margins leave %.1fpt "
			"of the paper's short side; make the size at most %.1fpt",
			(const char *)c->name, value_of(c, "size"), needed_pt,
			r->height_pt, at_most(r->height_pt / LINE_HEIGHT_PER_PT));
		error_at(r->doc, c, r->diags, message);
		free(message);
	}
}

/* A numbered section's list is indented by both; the words keep an inch. */
static void check_indents(const struct room *r)
{
	double indents_pt = r->style->number_indent_pt + r->style->list_indent_pt;
	double allowed_pt = r->width_pt - MIN_ROOM_PT;
	if (indents_pt <= allowed_pt)
		return;
	const xmlNode *text = style_child(r->root, "text");
	const char *number = value_of(text, "number-indent");
	char allowed[32];
	in_unit_of(number, allowed_pt, allowed);
	char *message = mem_printf(
		"<text> number-indent=\"%s\" and list-indent=\"%s\" leave less "
		"than 25.4mm of the %.1fmm between the margins for the words of "
		"a list in a numbered section; together they may be at most %s",
		number, value_of(text, "list-indent"), r->width_pt / PT_PER_MM,
		allowed);
	error_at(r->doc, text, r->diags, message);
	free(message);
}

/* After a paragraph's gap, a line of the body must still fit the page. */
static void check_paragraph_gap(const struct room *r)
{
	double allowed_pt = r->height_pt - line_pt(&r->style->body);
	if (r->style->paragraph_gap_pt <= allowed_pt)
		return;
	const xmlNode *text = style_child(r->root, "text");
	const char *gap = value_of(text, "paragraph-gap");
	char allowed[32];
	in_unit_of(gap, allowed_pt, allowed);
	char *message = mem_printf(
		"<text> paragraph-gap=\"%s\" leaves no room for the body: with a "
		"line of <body> it must fit in the %.1fpt the top and bottom "
		"margins leave of the paper's short side; make it at most %s",
		gap, r->height_pt, allowed);
	error_at(r->doc, text, r->diags, message);
	free(message);
}

struct column {
	const char *element, *attribute;
	double width_pt;
};

static void consider_columns(const struct room *r, const char *element,
			     const char *const *names, const double *proportions,
			     size_t count, struct column *narrowest)
{
	double total = 0;
	for (size_t i = 0; i < count; i++)
		total += proportions[i];
	for (size_t i = 0; i < count && total > 0; i++) {
		double width_pt = r->width_pt * proportions[i] / total;
		if (!narrowest->element || width_pt < narrowest->width_pt)
			*narrowest = (struct column){ element, names[i], width_pt };
	}
}

/* Padding and border on both sides of a cell leave room for at least one
 * character of the largest table font in the narrowest column. */
static void check_cell_room(const struct room *r)
{
	static const char *const assessment[] = { "reference", "characteristic",
		"rating", "previous", "evidence", "actions", "owner" };
	static const char *const performance[] = { "reference", "measure",
		"target", "actual", "previous", "rating", "travel", "commentary" };
	static const char *const cover[] = { "key", "value" };
	const struct style_table *t = &r->style->table;
	struct column narrowest = { NULL, NULL, 0 };
	consider_columns(r, "assessment-columns", assessment,
			 t->assessment_columns, 7, &narrowest);
	consider_columns(r, "performance-columns", performance,
			 t->performance_columns, 8, &narrowest);
	double key_value[2] = { t->cover_key_proportion, 1 - t->cover_key_proportion };
	consider_columns(r, "cover-columns", cover, key_value, 2, &narrowest);
	double glyph_pt = t->cell_font.size_pt;
	if (t->header_font.size_pt > glyph_pt)
		glyph_pt = t->header_font.size_pt;
	if (t->theme_font.size_pt > glyph_pt)
		glyph_pt = t->theme_font.size_pt;
	double allowed_pt = (narrowest.width_pt - glyph_pt) / 2;
	if (!narrowest.element || t->padding_pt + t->border_pt <= allowed_pt)
		return;
	const xmlNode *table = style_child(r->root, "table");
	char *message = mem_printf(
		"<table> padding=\"%s\" and border=\"%s\" leave no room for text "
		"in the narrowest column (<%s> %s, %.1fpt wide between the margins "
		"of the paper's short side); padding and border together may be "
		"at most %.1fpt", value_of(table, "padding"),
		value_of(table, "border"), narrowest.element, narrowest.attribute,
		narrowest.width_pt, allowed_pt > 0 ? at_most(allowed_pt) : 0);
	error_at(r->doc, table, r->diags, message);
	free(message);
}

void style_check_limits(const struct style *style, const struct style_doc *doc,
			struct diag_list *diags)
{
	const xmlNode *root = xmlDocGetRootElement(doc->doc);
	const struct style_page *p = &style->page;
	double short_side_pt = p->width_pt < p->height_pt ? p->width_pt : p->height_pt;
	struct room r = {
		style, doc, root, diags,
		short_side_pt - p->margin_left_pt - p->margin_right_pt,
		short_side_pt - p->margin_top_pt - p->margin_bottom_pt,
	};
	int sizes_ok = check_sizes(doc, root, diags);
	/* Room is judged only on sizes and margins that are themselves
	 * allowed, so one mistake gives one error. */
	if (!check_margins(&r) || !sizes_ok)
		return;
	check_furniture(&r);
	check_line_heights(&r);
	check_indents(&r);
	check_paragraph_gap(&r);
	check_cell_room(&r);
}
