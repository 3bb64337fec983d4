/* Shared by the layout tests: a measuring context and a house style built
 * in code, so the tests depend on nothing but the installed fonts. */
#ifndef LAYOUT_FIXTURE_H
#define LAYOUT_FIXTURE_H

#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "layout_internal.h"

/* The same settings as fonts_context(): 72 dpi, no hinting, unrounded. */
static inline PangoContext *fixture_context(void)
{
	PangoFontMap *map = pango_cairo_font_map_new();
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(map), 72);
	PangoContext *context = pango_font_map_create_context(map);
	g_object_unref(map);
	cairo_font_options_t *options = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(context, options);
	cairo_font_options_destroy(options);
	pango_context_set_round_glyph_positions(context, FALSE);
	return context;
}

static inline struct style_font fixture_font(double size_pt, int bold)
{
	struct style_font f = { "Liberation Sans", size_pt, bold, 0, 0x000000 };
	return f;
}

/* Roughly the committee-report style: A4, 2 cm margins, Arial-like text. */
static inline void fixture_style(struct style *s)
{
	static struct style_rating_colors fixture_ratings[] = {
		{ NULL, 0xDDDDDD, 0x000000, STYLE_STANDING_NONE, 0, 0 },
	};
	memset(s, 0, sizeof *s);
	s->name = "fixture";
	s->page.width_pt = 595.276;
	s->page.height_pt = 841.89;
	s->page.margin_top_pt = 56.7;
	s->page.margin_bottom_pt = 56.7;
	s->page.margin_left_pt = 56.7;
	s->page.margin_right_pt = 56.7;
	s->landscape_assessments = 1;
	s->body = fixture_font(12, 0);
	s->heading[0] = fixture_font(14, 1);
	s->heading[1] = fixture_font(14, 1);
	s->heading[2] = fixture_font(12, 1);
	s->cover_title = fixture_font(16, 1);
	s->header_font = fixture_font(9, 0);
	s->footer_font = fixture_font(9, 0);
	s->paragraph_gap_pt = 8;
	s->number_indent_pt = 42;
	s->list_indent_pt = 24;
	s->link_color = 0x0000EE;
	s->table.padding_pt = 4;
	s->table.border_pt = 0.5;
	s->table.border_color = 0x000000;
	s->table.header_fill = 0xD9D9D9;
	s->table.header_font = fixture_font(10, 1);
	s->table.theme_fill = 0xBDD7EE;
	s->table.theme_font = fixture_font(10, 1);
	s->table.cell_font = fixture_font(10, 0);
	double assessment[7] = { 0.08, 0.2, 0.08, 0.08, 0.24, 0.2, 0.12 };
	memcpy(s->table.assessment_columns, assessment, sizeof assessment);
	double performance[8] = { 0.07, 0.2, 0.08, 0.08, 0.08, 0.1, 0.09, 0.3 };
	memcpy(s->table.performance_columns, performance, sizeof performance);
	s->table.cover_key_proportion = 0.35;
	s->ratings = fixture_ratings;
	s->rating_count = 1;
	s->header_left = "{marking}";
	s->header_right = "";
	s->footer_left = "{committee} {meeting-date}";
	s->footer_center = "";
	s->footer_right = "Page {page} of {pages}";
}

/* A layout begun on fixture_context() and fixture_style(), no page yet:
 * the state of the tests that place text and tables directly. */
struct layout_fixture {
	PangoContext *context;
	struct style style;
	struct diag_list diags;
	struct layout lo;
};

static inline struct layout_fixture *layout_fixture_new(void)
{
	struct layout_fixture *f = calloc(1, sizeof *f);
	f->context = fixture_context();
	fixture_style(&f->style);
	layout_begin(&f->lo, NULL, &f->style, f->context, NULL, &f->diags);
	return f;
}

static inline void layout_fixture_free(struct layout_fixture *f)
{
	dl_free(layout_end(&f->lo));
	diag_list_free(&f->diags);
	g_object_unref(f->context);
	free(f);
}

/* Whether a box of box_node holds words of node's text: node's own, or
 * those of a Link or Span child (a link's words and a phrase in another
 * language are boxes of their own node under the text's). */
static inline int words_of_node(const struct display_list *list,
				uint32_t box_node, uint32_t node)
{
	if (box_node == node)
		return 1;
	if (box_node >= list->node_count)
		return 0;
	const struct dl_node *n = &list->nodes[box_node];
	return n->parent == node &&
	       (n->role == ROLE_LINK || n->role == ROLE_SPAN);
}

#endif
