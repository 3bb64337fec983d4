/* A display list built by hand for the draw stage's tests: text shaped with
 * a Pango context at 72 dpi (as the layout stage measures), boxes and
 * structure nodes placed directly. Included by tests/unit/test_draw*.c. */
#ifndef DRAW_TEST_LIST_H
#define DRAW_TEST_LIST_H

#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "layout_fixture.h"
#include "memory.h"

struct test_list {
	struct display_list list;
	PangoContext *context;
	size_t page_capacity[8];
};

static struct test_list *test_list_new(void)
{
	struct test_list *t = mem_alloc(sizeof *t);
	t->list.arena = arena_new();
	t->context = fixture_context();
	t->list.nodes = arena_alloc(t->list.arena, 64 * sizeof *t->list.nodes);
	t->list.fonts = arena_alloc(t->list.arena, 16 * sizeof *t->list.fonts);
	t->list.pages = arena_alloc(t->list.arena, 8 * sizeof *t->list.pages);
	t->list.outline = arena_alloc(t->list.arena, 16 * sizeof *t->list.outline);
	t->list.title = "Best Value Self-Assessment";
	t->list.author = "Example Council";
	t->list.subject = "Audit and Risk Committee, 22 February 2024";
	t->list.create_date = "2024-02-22T09:30:00Z";
	/* node 0: the document, its own parent */
	t->list.nodes[0].role = ROLE_DOCUMENT;
	t->list.node_count = 1;
	return t;
}

static void test_list_free(struct test_list *t)
{
	for (size_t i = 0; i < t->list.font_count; i++)
		g_object_unref(t->list.fonts[i]);
	g_object_unref(t->context);
	arena_free(t->list.arena);
	free(t);
}

static uint32_t test_node(struct test_list *t, enum dl_role role,
			  uint32_t parent, uint8_t level)
{
	struct dl_node *node = &t->list.nodes[t->list.node_count];
	node->role = role;
	node->parent = parent;
	node->level = level;
	return (uint32_t)t->list.node_count++;
}

static size_t test_page(struct test_list *t, double width_pt, double height_pt)
{
	struct dl_page *page = &t->list.pages[t->list.page_count];
	page->width_pt = width_pt;
	page->height_pt = height_pt;
	page->box_capacity = 64;
	page->boxes = arena_alloc(t->list.arena, 64 * sizeof *page->boxes);
	return t->list.page_count++;
}

static struct dl_box *test_box(struct test_list *t, size_t page,
			       enum dl_box_kind kind, uint32_t node, double x_pt,
			       double y_pt, double width_pt, double height_pt)
{
	struct dl_page *p = &t->list.pages[page];
	struct dl_box *box = &p->boxes[p->box_count++];
	box->kind = kind;
	box->node = node;
	box->x_pt = x_pt;
	box->y_pt = y_pt;
	box->width_pt = width_pt;
	box->height_pt = height_pt;
	box->fill = DL_NO_COLOR;
	box->stroke = DL_NO_COLOR;
	return box;
}

static uint16_t test_font_index(struct test_list *t, PangoFont *font)
{
	for (size_t i = 0; i < t->list.font_count; i++)
		if (t->list.fonts[i] == font)
			return (uint16_t)i;
	t->list.fonts[t->list.font_count] = g_object_ref(font);
	return (uint16_t)t->list.font_count++;
}

/* One line of text shaped by Pango in font (a description such as
 * "Liberation Sans 11"), its glyphs and clusters copied into runs. */
static struct dl_box *test_text(struct test_list *t, size_t page, uint32_t node,
				double x_pt, double y_pt, const char *font,
				const char *text, uint32_t color)
{
	struct arena *arena = t->list.arena;
	PangoLayout *layout = pango_layout_new(t->context);
	PangoFontDescription *desc = pango_font_description_from_string(font);
	pango_layout_set_font_description(layout, desc);
	pango_font_description_free(desc);
	pango_layout_set_text(layout, text, -1);
	PangoLayoutLine *line = pango_layout_get_line_readonly(layout, 0);
	PangoLayoutIter *iter = pango_layout_get_iter(layout);
	double baseline_pt = (double)pango_layout_iter_get_baseline(iter) / PANGO_SCALE;
	pango_layout_iter_free(iter);

	struct dl_box *box = test_box(t, page, BOX_TEXT, node, x_pt, y_pt, 0, 0);
	struct dl_text *dt = &box->u.text;
	dt->baseline_pt = baseline_pt;
	dt->text = arena_strndup(arena, text, strlen(text));
	dt->runs = arena_alloc(arena, g_slist_length(line->runs) * sizeof *dt->runs);
	int run_x_pu = 0;
	for (GSList *l = line->runs; l; l = l->next) {
		PangoGlyphItem *item = l->data;
		PangoGlyphString *glyphs = item->glyphs;
		struct dl_run *run = &dt->runs[dt->run_count++];
		run->font = test_font_index(t, item->item->analysis.font);
		run->color = color;
		run->x_pt = (double)run_x_pu / PANGO_SCALE;
		run->text = arena_strndup(arena, text + item->item->offset,
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

static void test_outline(struct test_list *t, const char *title, int parent,
			 uint32_t page, double y_pt)
{
	struct dl_outline *o = &t->list.outline[t->list.outline_count++];
	o->title = title;
	o->parent = parent;
	o->page = page;
	o->y_pt = y_pt;
}

#endif
