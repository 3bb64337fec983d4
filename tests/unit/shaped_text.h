/* Boxes for display lists built in tests: one line of text shaped by Pango
 * with a context at 72 dpi (as the layout stage measures), and a box at a
 * given place, both added through dl_add_box and dl_font_index like any
 * other. Included by the tests that build lists themselves (test_draw.c,
 * test_display_list.c). */
#ifndef SHAPED_TEXT_H
#define SHAPED_TEXT_H

#include <pango/pangocairo.h>
#include <string.h>

#include "display_list.h"
#include "layout_fixture.h"
#include "memory.h"

/* A BOX_TEXT of one line of text in font (a description such as
 * "Liberation Sans 11") at (x, y) on page, its glyphs and clusters copied
 * into runs. The box is borrowed from the list (see dl_add_box). */
static inline struct dl_box *test_text(struct display_list *list,
				       PangoContext *context, size_t page,
				       uint32_t node, double x_pt, double y_pt,
				       const char *font, const char *text,
				       uint32_t color)
{
	struct arena *arena = list->arena;
	PangoLayout *layout = pango_layout_new(context);
	PangoFontDescription *desc = pango_font_description_from_string(font);
	pango_layout_set_font_description(layout, desc);
	pango_font_description_free(desc);
	pango_layout_set_text(layout, text, -1);
	PangoLayoutLine *line = pango_layout_get_line_readonly(layout, 0);
	PangoLayoutIter *iter = pango_layout_get_iter(layout);
	double baseline_pt = (double)pango_layout_iter_get_baseline(iter) / PANGO_SCALE;
	pango_layout_iter_free(iter);

	struct dl_box *box = dl_add_box(list, page, BOX_TEXT, node);
	box->x_pt = x_pt;
	box->y_pt = y_pt;
	struct dl_text *dt = &box->u.text;
	dt->baseline_pt = baseline_pt;
	dt->text = dl_strdup(list, text);
	dt->runs = arena_alloc(arena, g_slist_length(line->runs) * sizeof *dt->runs);
	int run_x_pu = 0;
	for (GSList *l = line->runs; l; l = l->next) {
		PangoGlyphItem *item = l->data;
		PangoGlyphString *glyphs = item->glyphs;
		struct dl_run *run = &dt->runs[dt->run_count++];
		run->font = dl_font_index(list, item->item->analysis.font);
		run->color = color;
		run->x_pt = (double)run_x_pu / PANGO_SCALE;
		run->text = dl_strndup(list, text + item->item->offset,
				       (size_t)item->item->length);
		run->text_length = (uint32_t)item->item->length;
		size_t capacity = (size_t)(glyphs->num_glyphs ? glyphs->num_glyphs : 1);
		run->glyphs = arena_alloc(arena, capacity * sizeof *run->glyphs);
		run->y_pu = NULL;
		for (int i = 0; i < glyphs->num_glyphs && !run->y_pu; i++)
			if (glyphs->glyphs[i].geometry.y_offset != 0)
				run->y_pu = arena_alloc(arena,
							capacity * sizeof *run->y_pu);
		int pen_pu = 0;
		uint32_t kept = 0;
		for (int i = 0; i < glyphs->num_glyphs; i++) {
			PangoGlyphInfo *g = &glyphs->glyphs[i];
			int32_t id = dl_glyph_id(g->glyph);
			if (id >= 0) {
				if (run->y_pu)
					run->y_pu[kept] = (int16_t)g->geometry.y_offset;
				run->glyphs[kept].id = (uint16_t)id;
				run->glyphs[kept].x_pu = pen_pu + g->geometry.x_offset;
				run->glyphs[kept].cluster =
					(uint16_t)glyphs->log_clusters[i];
				kept++;
			}
			pen_pu += g->geometry.width;
		}
		run->glyph_count = kept;
		run_x_pu += pen_pu;
	}
	box->width_pt = (double)run_x_pu / PANGO_SCALE;
	box->height_pt = baseline_pt * 1.3;
	g_object_unref(layout);
	return box;
}

/* A box of kind at (x, y) sized width by height, for links and paths. */
static inline struct dl_box *test_box(struct display_list *list,
				      size_t page, enum dl_box_kind kind,
				      uint32_t node, double x_pt, double y_pt,
				      double width_pt, double height_pt)
{
	struct dl_box *box = dl_add_box(list, page, kind, node);
	box->x_pt = x_pt;
	box->y_pt = y_pt;
	box->width_pt = width_pt;
	box->height_pt = height_pt;
	return box;
}

#endif
