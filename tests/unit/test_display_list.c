/* The display list's own API: a list built through dl_new and dl_add_*
 * (as the layout and every test build one), its font table, role names,
 * page release, the JSON dump, and the same list drawn to PDF and PNG. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <glib.h>

#include "draw.h"
#include "shaped_text.h"
#include "test_files.h"

static const struct source_pos nowhere = { 0, 0 };

static void test_new_list_holds_the_document(void **state)
{
	(void)state;
	struct display_list *list = dl_new();
	assert_int_equal(list->node_count, 1);
	assert_int_equal(list->nodes[0].role, ROLE_DOCUMENT);
	assert_int_equal(list->nodes[0].parent, 0);
	assert_int_equal(list->page_count, 0);
	assert_string_equal(dl_role_name(&list->nodes[0]), "Document");
	struct source_pos pos = { 12, 5 };
	uint32_t h = dl_add_node(list, ROLE_HEADING, 0, pos);
	assert_int_equal(h, 1);
	assert_int_equal(list->nodes[h].level, 1);
	assert_int_equal(list->nodes[h].pos.line, 12);
	assert_int_equal(list->nodes[h].pos.col, 5);
	dl_free(list);
	dl_free(NULL);
}

/* Furniture goes onto pages already left behind, past the room they were
 * given, without disturbing what they held or the page being filled. */
static void test_boxes_on_earlier_pages(void **state)
{
	(void)state;
	struct display_list *list = dl_new();
	size_t p0 = dl_add_page(list, 200, 100);
	dl_add_rect(list, p0, 0, 1, 2, 3, 4, 0x112233, DL_NO_COLOR, 0);
	size_t p1 = dl_add_page(list, 100, 200);
	assert_int_equal(p0, 0);
	assert_int_equal(p1, 1);
	dl_add_rule(list, p1, 0, 5, 6, 7, 0, 0x445566, 0.5);
	for (int i = 0; i < 20; i++)
		dl_add_dest(list, p0, 0, "furniture", i, 0);
	dl_add_rule(list, p1, 0, 8, 9, 10, 0, 0x778899, 0.5);
	dl_finish(list);

	const struct dl_page *first = &list->pages[0];
	assert_int_equal(first->box_count, 21);
	assert_int_equal(first->boxes[0].kind, BOX_RECT);
	assert_int_equal(first->boxes[0].fill, 0x112233);
	assert_true(first->boxes[0].height_pt == 4);
	assert_string_equal(first->boxes[20].u.dest, "furniture");
	assert_true(first->boxes[20].x_pt == 19);
	const struct dl_page *second = &list->pages[1];
	assert_int_equal(second->box_count, 2);
	assert_int_equal(second->box_capacity, 2); /* finished: exact size */
	assert_int_equal(second->boxes[0].stroke, 0x445566);
	assert_int_equal(second->boxes[1].fill, DL_NO_COLOR);
	assert_true(second->boxes[1].x_pt == 8);

	dl_release_page(list, 0);
	assert_null(list->pages[0].boxes);
	assert_int_equal(list->pages[0].box_count, 0);
	assert_true(list->pages[0].width_pt == 200);
	dl_release_page(list, 2); /* past the last: nothing */
	assert_int_equal(list->pages[1].box_count, 2);
	dl_free(list);
}

/* An unfinished list still frees whole, its open page released or not
 * (ASan and valgrind would see a double free or a leak). */
static void test_unfinished_list(void **state)
{
	(void)state;
	struct display_list *list = dl_new();
	size_t p0 = dl_add_page(list, 10, 10);
	for (int i = 0; i < 40; i++)
		dl_add_rect(list, p0, 0, i, 0, 1, 1, 0, DL_NO_COLOR, 0);
	dl_release_page(list, p0);
	assert_null(list->pages[0].boxes);
	size_t p1 = dl_add_page(list, 10, 10);
	dl_add_rect(list, p1, 0, 0, 0, 1, 1, 0xABCDEF, DL_NO_COLOR, 0);
	assert_int_equal(list->pages[1].boxes[0].fill, 0xABCDEF);
	dl_free(list);

	list = dl_new();
	dl_add_rect(list, dl_add_page(list, 10, 10), 0, 0, 0, 1, 1, 0,
		    DL_NO_COLOR, 0);
	dl_free(list);
}

static PangoFont *load_font(PangoContext *context, const char *description)
{
	PangoFontDescription *desc = pango_font_description_from_string(description);
	PangoFont *font = pango_context_load_font(context, desc);
	pango_font_description_free(desc);
	assert_non_null(font);
	return font;
}

static void test_font_table(void **state)
{
	(void)state;
	PangoContext *context = fixture_context();
	PangoFont *regular = load_font(context, "Liberation Sans 11");
	PangoFont *bold = load_font(context, "Liberation Sans Bold 11");
	assert_ptr_not_equal(regular, bold);
	struct display_list *list = dl_new();
	guint refs = G_OBJECT(regular)->ref_count;
	assert_int_equal(dl_font_index(list, regular), 0);
	assert_int_equal(G_OBJECT(regular)->ref_count, refs + 1);
	assert_int_equal(dl_font_index(list, bold), 1);
	assert_int_equal(dl_font_index(list, regular), 0);
	assert_int_equal(dl_font_index(list, regular), 0);
	assert_int_equal(list->font_count, 2);
	assert_int_equal(G_OBJECT(regular)->ref_count, refs + 1);
	dl_free(list);
	assert_int_equal(G_OBJECT(regular)->ref_count, refs);
	g_object_unref(regular);
	g_object_unref(bold);
	g_object_unref(context);
}

static void test_role_names(void **state)
{
	(void)state;
	static const struct {
		enum dl_role role;
		uint8_t level;
		const char *name;
	} cases[] = {
		{ ROLE_SECTION, 0, "Sect" },    { ROLE_HEADING, 1, "H1" },
		{ ROLE_HEADING, 2, "H2" },      { ROLE_HEADING, 3, "H3" },
		{ ROLE_HEADING, 7, "H1" },      { ROLE_PARAGRAPH, 0, "P" },
		{ ROLE_LIST, 0, "L" },          { ROLE_LIST_ITEM, 0, "LI" },
		{ ROLE_LIST_LABEL, 0, "Lbl" },  { ROLE_LIST_BODY, 0, "LBody" },
		{ ROLE_TABLE, 0, "Table" },     { ROLE_TABLE_ROW, 0, "TR" },
		{ ROLE_TABLE_HEADER, 0, "TH" }, { ROLE_TABLE_CELL, 0, "TD" },
		{ ROLE_FIGURE, 0, "Figure" },   { ROLE_LINK, 0, "Link" },
		{ ROLE_ARTIFACT, 0, "Artifact" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct dl_node node = { .role = cases[i].role,
					.level = cases[i].level };
		assert_string_equal(dl_role_name(&node), cases[i].name);
	}
}

static char *dump(const struct display_list *list)
{
	char *text = NULL;
	size_t length = 0;
	FILE *out = open_memstream(&text, &length);
	assert_non_null(out);
	dl_dump_json(list, out);
	assert_int_equal(fclose(out), 0);
	return text;
}

static void test_dump_json(void **state)
{
	(void)state;
	struct display_list *list = dl_new();
	list->title = dl_strdup(list, "A \"quoted\" title");
	uint32_t sect = dl_add_node(list, ROLE_SECTION, 0, nowhere);
	size_t page = dl_add_page(list, 595.276, 841.89);
	dl_add_dest(list, page, sect, "s-1", 56.7, 70);
	dl_add_rect(list, page, sect, 10.004, -0.001, 20, 5, 0x00B050,
		    DL_NO_COLOR, 0);
	dl_add_outline(list, "1.0 Purpose", -1, page, 70);
	dl_finish(list);
	char *text = dump(list);
	assert_string_equal(text,
		"{\"pages\":[\n{\"width\":595.28,\"height\":841.89}],\n"
		"\"boxes\":[\n"
		"{\"kind\":\"dest\",\"page\":1,\"x\":56.70,\"y\":70.00,"
		"\"width\":0.00,\"height\":0.00,\"fill\":null,\"stroke\":null,"
		"\"name\":\"s-1\",\"role\":\"Sect\"},\n"
		"{\"kind\":\"rect\",\"page\":1,\"x\":10.00,\"y\":0.00,"
		"\"width\":20.00,\"height\":5.00,\"fill\":\"#00b050\","
		"\"stroke\":null,\"role\":\"Sect\"}],\n"
		"\"outline\":[\n"
		"{\"title\":\"1.0 Purpose\",\"parent\":-1,\"page\":1,\"y\":70.00}],\n"
		"\"title\":\"A \\\"quoted\\\" title\",\"author\":null,"
		"\"subject\":null,\"lang\":null,\"create_date\":null}\n");
	free(text);
	dl_free(list);
}

/* Two pages built through dl_add_*, the first one's footer rule and fill
 * added after the second page started: the PDF carries the text, the PNG
 * shows each fill where the list put it. */
static struct display_list *drawn_list(void)
{
	PangoContext *cx = fixture_context();
	struct display_list *list = dl_new();
	list->title = dl_strdup(list, "Built list");
	list->create_date = dl_strdup(list, "2024-02-22T09:30:00Z");
	uint32_t para = dl_add_node(list, ROLE_PARAGRAPH, 0, nowhere);
	uint32_t figure = dl_add_node(list, ROLE_FIGURE, 0, nowhere);
	uint32_t artifact = dl_add_node(list, ROLE_ARTIFACT, 0, nowhere);
	size_t p0 = dl_add_page(list, 200, 100);
	test_text(list, cx, p0, para, 10, 10, "Liberation Sans 11",
		  "Built through the builder", 0x000000);
	size_t p1 = dl_add_page(list, 100, 200);
	dl_add_rect(list, p1, figure, 20, 100, 40, 40, 0x00B050, DL_NO_COLOR, 0);
	test_text(list, cx, p1, para, 10, 10, "Liberation Sans 11", "Second page",
		  0x000000);
	dl_add_rect(list, p0, artifact, 150, 50, 40, 40, 0x1F3864, DL_NO_COLOR, 0);
	dl_finish(list);
	g_object_unref(cx);
	return list;
}

/* 0xAARRGGBB of the pixel at (x, y) of a PNG. */
static uint32_t pixel(const char *path, int x, int y)
{
	cairo_surface_t *image = cairo_image_surface_create_from_png(path);
	assert_int_equal(cairo_surface_status(image), CAIRO_STATUS_SUCCESS);
	unsigned char *data = cairo_image_surface_get_data(image);
	int stride = cairo_image_surface_get_stride(image);
	uint32_t value = *(uint32_t *)(data + y * stride + x * 4);
	cairo_surface_destroy(image);
	return value;
}

static void test_draw_built_list(void **state)
{
	(void)state;
	char *dir = temp_dir("test_display_list");
	struct display_list *list = drawn_list();
	struct diag_list diags = { 0 };

	char *pdf = g_build_filename(dir, "built.pdf", NULL);
	assert_int_equal(draw_pdf(list, pdf, &diags), 0);
	char *command = g_strdup_printf("pdftotext %s -", pdf);
	char *text = NULL;
	int status = 1;
	assert_true(g_spawn_command_line_sync(command, &text, NULL, &status, NULL));
	assert_int_equal(status, 0);
	assert_non_null(strstr(text, "Built through the builder"));
	assert_non_null(strstr(text, "Second page"));
	g_free(text);
	g_free(command);

	/* At 72 dpi one pixel is one point. */
	assert_int_equal(draw_png(list, dir, "built", 72, NULL, &diags), 2);
	char *first = g_build_filename(dir, "built-1.png", NULL);
	char *second = g_build_filename(dir, "built-2.png", NULL);
	assert_int_equal(pixel(first, 170, 70), 0xFF1F3864);
	assert_int_equal(pixel(first, 120, 70), 0xFFFFFFFF);
	assert_int_equal(pixel(second, 40, 120), 0xFF00B050);
	assert_int_equal(pixel(second, 80, 120), 0xFFFFFFFF);
	assert_int_equal(diags.count, 0);
	g_free(first);
	g_free(second);
	g_free(pdf);
	dl_free(list);
	remove_dir(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_list_holds_the_document),
		cmocka_unit_test(test_boxes_on_earlier_pages),
		cmocka_unit_test(test_unfinished_list),
		cmocka_unit_test(test_font_table),
		cmocka_unit_test(test_role_names),
		cmocka_unit_test(test_dump_json),
		cmocka_unit_test(test_draw_built_list),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
