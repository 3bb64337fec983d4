/* The rules of a layout that the schema cannot express: a fallback in the
 * palette, one entry per rating code, standing and position, every heading
 * level, sizes and lengths within their limits (style_limits.c), WCAG 2
 * contrast of every text colour on its background and of every chart
 * colour on the page. Colours made between two graded entries pass by
 * construction (style_palette.c). */
#include "style_internal.h"
#include "words.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CONTRAST_MIN 4.5        /* WCAG 2 1.4.3, normal text */
#define CONTRAST_MIN_LARGE 3.0  /* large text: 18pt, or 14pt bold */
#define PAGE_BACKGROUND 0xFFFFFFu

static void color_hex(style_rgb color, char out[8])
{
	static const char digits[] = "0123456789abcdef";
	out[0] = '#';
	for (int i = 0; i < 6; i++)
		out[1 + i] = digits[(color >> (20 - 4 * i)) & 0xF];
	out[7] = '\0';
}

/* Round down so a failing ratio never prints as the threshold itself. */
static double shown_ratio(double ratio)
{
	return floor(ratio * 100.0) / 100.0;
}

static void check_pair(const struct style_doc *doc, const xmlNode *node,
		       const char *what, style_rgb text, style_rgb background,
		       double minimum, struct diag_list *diags)
{
	double ratio = style_contrast(text, background);
	if (ratio >= minimum)
		return;
	char text_hex[8], background_hex[8];
	color_hex(text, text_hex);
	color_hex(background, background_hex);
	struct style_pos pos = style_doc_pos(doc, node);
	diag_add(diags, DIAG_ERROR, doc->path, pos.line, pos.col,
		 "%s: text %s on %s has contrast %.2f:1, below the %.1f:1 that "
		 "WCAG 2 asks for; darken one colour or lighten the other",
		 what, text_hex, background_hex, shown_ratio(ratio), minimum);
}

/* Only a chart colour the layout names can fail: without one, bars take a
 * colour that contrasts enough (style_chart_default). */
static void check_chart(const struct style_doc *doc, const xmlNode *node,
			const char *what, style_rgb chart, struct diag_list *diags)
{
	if (!xmlHasProp(node, (const xmlChar *)"chart"))
		return;
	double ratio = style_contrast(chart, PAGE_BACKGROUND);
	if (ratio >= STYLE_CHART_CONTRAST_MIN)
		return;
	char chart_hex[8];
	color_hex(chart, chart_hex);
	struct style_pos pos = style_doc_pos(doc, node);
	diag_add(diags, DIAG_ERROR, doc->path, pos.line, pos.col,
		 "%s: chart colour %s has contrast %.2f:1 with the white page, "
		 "below the %.1f:1 that WCAG 2 asks of chart bars; choose a "
		 "darker chart colour", what, chart_hex, shown_ratio(ratio),
		 STYLE_CHART_CONTRAST_MIN);
}

static int is_element(const xmlNode *node, const char *name)
{
	return node->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)node->name, name) == 0;
}

static const char *standing_word(enum style_standing standing)
{
	switch (standing) {
	case STYLE_STANDING_MET: return "met";
	case STYLE_STANDING_PARTLY: return "partly";
	case STYLE_STANDING_NOT_MET: return "not-met";
	case STYLE_STANDING_COMPLETE: return "complete";
	case STYLE_STANDING_NO_DATA: return "no-data";
	case STYLE_STANDING_NONE: break;
	}
	return "none";
}

/* A standing or a position colours the ratings a palette does not name by
 * code, so each may mean one entry only. */
static void check_meaning_once(const struct style *style,
			       const struct style_doc *doc, const xmlNode *node,
			       size_t i, struct diag_list *diags)
{
	const struct style_rating_colors *pair = &style->ratings[i];
	struct style_pos pos = style_doc_pos(doc, node);
	for (size_t j = 0; j < i; j++) {
		const struct style_rating_colors *earlier = &style->ratings[j];
		if (pair->standing != STYLE_STANDING_NONE &&
		    earlier->standing == pair->standing)
			diag_add(diags, DIAG_ERROR, doc->path, pos.line, pos.col,
				 "the palette gives standing \"%s\" to both '%s' and "
				 "'%s': keep it on one of them",
				 standing_word(pair->standing), earlier->code, pair->code);
		if (pair->graded && earlier->graded &&
		    fabs(earlier->position - pair->position) < 1e-9)
			diag_add(diags, DIAG_ERROR, doc->path, pos.line, pos.col,
				 "the palette puts both '%s' and '%s' at position %g: "
				 "give each graded colour its own place between 0 and 1",
				 earlier->code, pair->code, pair->position);
	}
}

static void check_palette(const struct style *style, const struct style_doc *doc,
			  const xmlNode *palette, struct diag_list *diags)
{
	size_t i = 0;
	for (const xmlNode *c = palette->children; c; c = c->next) {
		if (!is_element(c, "rating"))
			continue;
		const struct style_rating_colors *pair = &style->ratings[i];
		for (size_t j = 0; j < i; j++)
			if (strcmp(style->ratings[j].code, pair->code) == 0) {
				struct style_pos pos = style_doc_pos(doc, c);
				diag_add(diags, DIAG_ERROR, doc->path, pos.line, pos.col,
					 "the palette names rating code '%s' twice: "
					 "keep one of them", pair->code);
				break;
			}
		check_meaning_once(style, doc, c, i, diags);
		char *what = mem_printf("rating '%s'", pair->code);
		check_pair(doc, c, what, pair->text, pair->background,
			   CONTRAST_MIN, diags);
		check_chart(doc, c, what, style->private->chart_colors[i], diags);
		free(what);
		i++;
	}
	const xmlNode *fallback = style_child(palette, "fallback");
	if (!fallback) {
		struct style_pos pos = style_doc_pos(doc, palette);
		diag_add(diags, DIAG_ERROR, doc->path, pos.line, pos.col,
			 "the palette has no <fallback>: add one after the "
			 "ratings for codes the palette does not name");
		return;
	}
	const struct style_rating_colors *pair = &style->ratings[style->rating_count - 1];
	check_pair(doc, fallback, "the palette's fallback", pair->text,
		   pair->background, CONTRAST_MIN, diags);
	check_chart(doc, fallback, "the palette's fallback",
		    style->private->chart_colors[style->rating_count - 1], diags);
}

static int is_large(const struct style_font *font)
{
	return font->size_pt >= 18.0 || (font->bold && font->size_pt >= 14.0);
}

static void check_font_on_page(const struct style_doc *doc, const xmlNode *node,
			       const struct style_font *font, struct diag_list *diags)
{
	char *what = mem_printf("<%s> on the white page", (const char *)node->name);
	check_pair(doc, node, what, font->color, PAGE_BACKGROUND,
		   is_large(font) ? CONTRAST_MIN_LARGE : CONTRAST_MIN, diags);
	free(what);
}

static void check_fonts(const struct style *style, const struct style_doc *doc,
			const xmlNode *root, struct diag_list *diags)
{
	const xmlNode *fonts = style_child(root, "fonts");
	for (const xmlNode *c = fonts->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		const struct style_font *font =
			is_element(c, "body") ? &style->body
			: is_element(c, "cover-title") ? &style->cover_title
			: is_element(c, "header-font") ? &style->header_font
			: is_element(c, "footer-font") ? &style->footer_font
			: NULL;
		if (is_element(c, "heading")) {
			xmlChar *level = xmlGetProp(c, (const xmlChar *)"level");
			int index = level ? level[0] - '1' : 0;
			xmlFree(level);
			font = &style->heading[index >= 0 && index < 3 ? index : 0];
		}
		if (font)
			check_font_on_page(doc, c, font, diags);
	}
	const xmlNode *text = style_child(root, "text");
	check_pair(doc, text, "link-color on the white page", style->link_color,
		   PAGE_BACKGROUND, CONTRAST_MIN, diags);
}

static void check_table(const struct style *style, const struct style_doc *doc,
			const xmlNode *table, struct diag_list *diags)
{
	const struct style_table *t = &style->table;
	check_pair(doc, style_child(table, "header-cell"), "<header-cell> on its fill",
		   t->header_font.color, t->header_fill, CONTRAST_MIN, diags);
	check_pair(doc, style_child(table, "theme-row"), "<theme-row> on its fill",
		   t->theme_font.color, t->theme_fill, CONTRAST_MIN, diags);
	check_font_on_page(doc, style_child(table, "cell"), &t->cell_font, diags);
}

/* The schema allows three headings of levels 1 to 3 and no level twice;
 * it cannot say that no level is left out when there are fewer. */
static void check_heading_levels(const struct style_doc *doc,
				 const xmlNode *fonts, struct diag_list *diags)
{
	int seen[3] = { 0, 0, 0 };
	for (const xmlNode *c = fonts->children; c; c = c->next) {
		if (!is_element(c, "heading"))
			continue;
		xmlChar *level = xmlGetProp(c, (const xmlChar *)"level");
		int index = level ? atoi((const char *)level) - 1 : -1;
		xmlFree(level);
		if (index >= 0 && index < 3)
			seen[index] = 1;
	}
	struct style_pos pos = style_doc_pos(doc, fonts);
	for (int i = 0; i < 3; i++)
		if (!seen[i])
			diag_add(diags, DIAG_ERROR, doc->path, pos.line, pos.col,
				 "<fonts> has no <heading level=\"%d\">: give each of "
				 "levels 1, 2 and 3 once", i + 1);
}

/* Sources find a layout by its file name; a different name attribute
 * would list one name and answer to another. */
static void check_name(const struct style *style, const struct style_doc *doc,
		       const xmlNode *root, struct diag_list *diags)
{
	const char *base = strrchr(doc->path, '/');
	base = base ? base + 1 : doc->path;
	size_t n = strlen(base);
	if (n > 4 && strcmp(base + n - 4, ".xml") == 0)
		n -= 4;
	if (strlen(style->name) == n && strncmp(style->name, base, n) == 0)
		return;
	struct style_pos pos = style_doc_pos(doc, root);
	diag_add(diags, DIAG_WARNING, doc->path, pos.line, pos.col,
		 "the layout is named '%s' but its file is '%.*s.xml'; sources "
		 "find a layout by its file name, so rename one to match",
		 style->name, (int)n, base);
}

/* A label names a word the program prints, or it would change nothing. */
static void check_labels(const struct style_doc *doc, const xmlNode *labels,
			 struct diag_list *diags)
{
	for (const xmlNode *c = labels ? labels->children : NULL; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		xmlChar *key = xmlGetProp(c, BAD_CAST "key");
		if (key && !words_find(words_default(), (const char *)key)) {
			struct style_pos pos = style_doc_pos(doc, c);
			diag_add(diags, DIAG_ERROR, doc->path, pos.line, pos.col,
				 "<label key=\"%s\"> names no word the program "
				 "prints; the keys are those of words/%s.xml",
				 (const char *)key, WORDS_DEFAULT_LANG);
		}
		xmlFree(key);
	}
}

void style_check(const struct style *style, const struct style_doc *doc,
		 struct diag_list *diags)
{
	const xmlNode *root = xmlDocGetRootElement(doc->doc);
	check_name(style, doc, root, diags);
	check_heading_levels(doc, style_child(root, "fonts"), diags);
	style_check_limits(style, doc, diags);
	check_fonts(style, doc, root, diags);
	check_table(style, doc, style_child(root, "table"), diags);
	check_palette(style, doc, style_child(root, "palette"), diags);
	check_labels(doc, style_child(root, "labels"), diags);
}
