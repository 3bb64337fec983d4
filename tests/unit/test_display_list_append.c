/* dl_append, which joins the papers of a reports pack into one list:
 * pages in order, nodes renumbered under a Sect for the part, fonts
 * remapped into the list's table, bookmarks under the given parent,
 * destination names prefixed, page labels shifted to the part's pages,
 * and the part's glyphs kept alive. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <glib.h>

#include "shaped_text.h"

static const struct source_pos nowhere = { 0, 0 };

/* A list of two pages: a heading (text in font) with a destination on the
 * first, a link to it on the second, and a bookmark with a child. */
static struct display_list *part(PangoContext *context, const char *font,
				 const char *text)
{
	struct display_list *list = dl_new();
	size_t p0 = dl_add_page(list, 595, 842);
	uint32_t heading = dl_add_node(list, ROLE_HEADING, 0, nowhere);
	test_text(list, context, p0, heading, 50, 50, font, text, 0);
	dl_add_dest(list, p0, heading, "target", 50, 50);
	size_t p1 = dl_add_page(list, 842, 595);
	uint32_t link = dl_add_node(list, ROLE_LINK, 0, nowhere);
	struct dl_box *box = dl_add_box(list, p1, BOX_LINK, link);
	box->u.link.dest = dl_strdup(list, "target");
	int top = dl_add_outline(list, "Top", -1, 0, 50);
	dl_add_outline(list, "Child", top, 1, 10);
	list->lang = dl_strdup(list, "cy");
	dl_finish(list);
	return list;
}

static void test_append_joins_parts(void **state)
{
	(void)state;
	PangoContext *context = fixture_context();
	struct display_list *pack = dl_new();
	pack->lang = dl_strdup(pack, "en-GB");
	struct display_list *first = part(context, "Liberation Sans 11", "One");
	struct display_list *second =
		part(context, "Liberation Sans Bold 11", "Two");
	uint32_t first_nodes = (uint32_t)first->node_count;
	int item = dl_add_outline(pack, "Item 1", -1, 0, 0);
	assert_int_equal(dl_append(pack, first, ROLE_SECTION, item, "item1-"), 0);
	assert_int_equal(dl_append(pack, second, ROLE_PART, -1, "item2-"), 2);
	assert_int_equal(pack->page_count, 4);
	assert_true(pack->pages[3].width_pt > pack->pages[3].height_pt);
	/* Each part's document is a node of the role asked for under the
	 * pack's, numbered as the pack's next node was, in Welsh. */
	assert_int_equal(pack->nodes[1].role, ROLE_SECTION);
	assert_int_equal(pack->nodes[1].parent, 0);
	assert_string_equal(pack->nodes[1].lang, "cy");
	uint32_t second_sect = first_nodes + 1;
	assert_int_equal(pack->nodes[second_sect].role, ROLE_PART);
	assert_string_equal(dl_role_name(&pack->nodes[second_sect]), "Part");
	const struct dl_box *text = &pack->pages[2].boxes[0];
	assert_int_equal(text->kind, BOX_TEXT);
	assert_int_equal(pack->nodes[text->node].role, ROLE_HEADING);
	assert_int_equal(pack->nodes[text->node].parent, second_sect);
	assert_string_equal(text->u.text.text, "Two");
	/* Two fonts in the pack's table, each run pointing at its own. */
	assert_int_equal(pack->font_count, 2);
	assert_int_equal(pack->pages[0].boxes[0].u.text.runs[0].font, 0);
	assert_int_equal(text->u.text.runs[0].font, 1);
	/* Destinations and links carry the part's prefix. */
	assert_string_equal(pack->pages[0].boxes[1].u.dest, "item1-target");
	assert_string_equal(pack->pages[3].boxes[0].u.link.dest, "item2-target");
	/* Bookmarks: the part's top level under the item, pages shifted. */
	assert_int_equal(pack->outline_count, 5);
	assert_int_equal(pack->outline[1].parent, item);
	assert_int_equal(pack->outline[2].parent, 1);
	assert_int_equal(pack->outline[3].parent, -1);
	assert_int_equal(pack->outline[4].parent, 3);
	assert_int_equal(pack->outline[4].page, 3);
	dl_free(pack);
	g_object_unref(context);
}

/* A part's label ranges move with its pages; a part without any is
 * labelled 1, 2 … from its first page; a range set twice at one page is
 * replaced. */
static void test_append_moves_page_labels(void **state)
{
	(void)state;
	PangoContext *context = fixture_context();
	struct display_list *pack = dl_new();
	struct display_list *first = part(context, "Liberation Sans 11", "One");
	struct display_list *second = part(context, "Liberation Sans 11", "Two");
	dl_set_page_label(first, 0, NULL, 2);
	dl_set_page_label(first, 1, "A2-", 7);
	dl_set_page_label(first, 1, "A2-", 1);
	assert_int_equal(first->label_count, 2);
	dl_append(pack, first, ROLE_PART, -1, NULL);
	dl_append(pack, second, ROLE_PART, -1, NULL);
	assert_int_equal(pack->label_count, 3);
	assert_int_equal(pack->labels[0].page, 0);
	assert_string_equal(pack->labels[0].prefix, "");
	assert_int_equal(pack->labels[0].start, 2);
	assert_int_equal(pack->labels[1].page, 1);
	assert_string_equal(pack->labels[1].prefix, "A2-");
	assert_int_equal(pack->labels[1].start, 1);
	assert_int_equal(pack->labels[2].page, 2);
	assert_string_equal(pack->labels[2].prefix, "");
	assert_int_equal(pack->labels[2].start, 1);
	dl_free(pack);
	g_object_unref(context);
}

/* Each part's images join the pack's table, their boxes renumbered, and
 * are released once, by the pack (valgrind and ASan would see twice). */
static void test_append_moves_images(void **state)
{
	(void)state;
	struct display_list *pack = dl_new();
	for (int i = 0; i < 2; i++) {
		struct display_list *piece = dl_new();
		size_t page = dl_add_page(piece, 595, 842);
		uint32_t image = dl_add_image(
			piece, cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 2, 1),
			NULL, 2, 1);
		struct dl_box *box = dl_add_box(piece, page, BOX_IMAGE, 0);
		box->u.image = image;
		dl_finish(piece);
		dl_append(pack, piece, ROLE_PART, -1, NULL);
	}
	assert_int_equal(pack->image_count, 2);
	assert_int_equal(pack->pages[0].boxes[0].u.image, 0);
	assert_int_equal(pack->pages[1].boxes[0].u.image, 1);
	assert_int_equal(pack->images[1].width_px, 2);
	dl_free(pack);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_append_joins_parts),
		cmocka_unit_test(test_append_moves_page_labels),
		cmocka_unit_test(test_append_moves_images),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
