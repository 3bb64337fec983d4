/* A display list as bytes and back (display_list_wire.h): real papers laid
 * out by the pipeline come back with the same dump, every field the same
 * and page 1 drawn to the same pixels; damaged, truncated and lying
 * messages are refused with a reason, never a crash.
 *
 * DL_WIRE_CORPUS=DIR writes the small encoded lists (those under 24 KB)
 * into DIR, which is how tests/fuzz/corpus_dl_wire was made. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <glib.h>

#include "display_list_wire.h"
#include "draw_internal.h"
#include "image.h"
#include "pipeline.h"
#include "test_files.h"

static struct pipeline *pipeline;

static int setup(void **state)
{
	(void)state;
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	struct diag_list diags = { 0 };
	pipeline = pipeline_new(&diags);
	diag_list_free(&diags);
	return pipeline ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	pipeline_free(pipeline);
	return 0;
}

static PangoContext *context(void)
{
	return pipeline_context(pipeline);
}

static GByteArray *encoded(const struct display_list *list)
{
	GByteArray *bytes = g_byte_array_new();
	dl_wire_encode(list, bytes);
	return bytes;
}

/* decode(encode(list)), which must succeed. */
static struct display_list *round_trip(const struct display_list *list)
{
	GByteArray *bytes = encoded(list);
	char *error = NULL;
	struct display_list *back =
		dl_wire_decode(bytes->data, bytes->len, context(), &error);
	if (!back)
		fail_msg("decode refused its own bytes: %s", error);
	assert_null(error);
	g_byte_array_unref(bytes);
	return back;
}

/* The bytes refused: NULL, and a reason containing why (NULL: any). */
static void assert_refused(const unsigned char *bytes, size_t length,
			   const char *why)
{
	char *error = NULL;
	struct display_list *list =
		dl_wire_decode(bytes, length, context(), &error);
	if (list)
		fail_msg("%zu bytes decoded, where they should be refused", length);
	assert_non_null(error);
	assert_true(g_str_has_prefix(error, "display list bytes: "));
	if (why && !strstr(error, why))
		fail_msg("refused for \"%s\", not for \"%s\"", error, why);
	free(error);
}

/* The first place needle is in bytes; fails the test when it is not. */
static unsigned char *find(GByteArray *bytes, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t at = 0; at + n <= bytes->len; at++)
		if (memcmp(bytes->data + at, needle, n) == 0)
			return bytes->data + at;
	fail_msg("no %s in the bytes", needle);
	return NULL;
}

static char *dump_of(const struct display_list *list)
{
	char *text = NULL;
	size_t length = 0;
	FILE *out = open_memstream(&text, &length);
	dl_dump_json(list, out);
	fclose(out);
	return text;
}

/* ---- every field the same ---- */

static void assert_same_string(const char *a, const char *b)
{
	if (!a || !b)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

static char *font_name(PangoFont *font)
{
	PangoFontDescription *desc = pango_font_describe_with_absolute_size(font);
	char *name = pango_font_description_to_string(desc);
	pango_font_description_free(desc);
	return name;
}

static void assert_same_run(const struct display_list *a,
			    const struct dl_run *x,
			    const struct display_list *b,
			    const struct dl_run *y)
{
	char *fx = font_name(a->fonts[x->font]), *fy = font_name(b->fonts[y->font]);
	assert_string_equal(fx, fy);
	g_free(fx);
	g_free(fy);
	assert_int_equal(x->color, y->color);
	assert_true(x->x_pt == y->x_pt);
	assert_int_equal(x->text_length, y->text_length);
	assert_memory_equal(x->text, y->text, x->text_length);
	assert_int_equal(x->glyph_count, y->glyph_count);
	if (x->glyph_count)
		assert_memory_equal(x->glyphs, y->glyphs,
				    x->glyph_count * sizeof *x->glyphs);
	assert_int_equal(x->y_pu != NULL, y->y_pu != NULL);
	if (x->y_pu && x->glyph_count)
		assert_memory_equal(x->y_pu, y->y_pu,
				    x->glyph_count * sizeof *x->y_pu);
}

static void assert_same_box(const struct display_list *a,
			    const struct dl_box *x,
			    const struct display_list *b,
			    const struct dl_box *y)
{
	assert_int_equal(x->kind, y->kind);
	assert_int_equal(x->node, y->node);
	assert_true(x->x_pt == y->x_pt && x->y_pt == y->y_pt);
	assert_true(x->width_pt == y->width_pt && x->height_pt == y->height_pt);
	assert_int_equal(x->fill, y->fill);
	assert_int_equal(x->stroke, y->stroke);
	assert_true(x->line_width_pt == y->line_width_pt);
	switch (x->kind) {
	case BOX_TEXT:
		assert_true(x->u.text.baseline_pt == y->u.text.baseline_pt);
		assert_true(x->u.text.angle_deg == y->u.text.angle_deg);
		assert_same_string(x->u.text.text, y->u.text.text);
		assert_int_equal(x->u.text.run_count, y->u.text.run_count);
		for (uint32_t r = 0; r < x->u.text.run_count; r++)
			assert_same_run(a, &x->u.text.runs[r], b,
					&y->u.text.runs[r]);
		break;
	case BOX_PATH:
		assert_int_equal(x->u.path.point_count, y->u.path.point_count);
		if (x->u.path.point_count)
			assert_memory_equal(x->u.path.points_pt, y->u.path.points_pt,
					    2 * x->u.path.point_count * sizeof(double));
		break;
	case BOX_LINK:
		assert_same_string(x->u.link.uri, y->u.link.uri);
		assert_same_string(x->u.link.dest, y->u.link.dest);
		break;
	case BOX_DEST:
		assert_same_string(x->u.dest, y->u.dest);
		break;
	case BOX_IMAGE:
		assert_int_equal(x->u.image, y->u.image);
		break;
	case BOX_RECT:
	case BOX_RULE:
		break;
	}
}

static void assert_same_image(const struct dl_image *x, const struct dl_image *y)
{
	assert_int_equal(x->width_px, y->width_px);
	assert_int_equal(x->height_px, y->height_px);
	assert_int_equal(x->pixels != NULL, y->pixels != NULL);
	assert_int_equal(x->svg != NULL, y->svg != NULL);
	if (x->svg)
		assert_true(g_bytes_equal(x->svg_source, y->svg_source));
	if (!x->pixels)
		return;
	int width = cairo_image_surface_get_width(x->pixels);
	int height = cairo_image_surface_get_height(x->pixels);
	assert_int_equal(cairo_image_surface_get_format(x->pixels),
			 cairo_image_surface_get_format(y->pixels));
	assert_int_equal(width, cairo_image_surface_get_width(y->pixels));
	assert_int_equal(height, cairo_image_surface_get_height(y->pixels));
	for (int row = 0; row < height; row++)
		assert_memory_equal(
			cairo_image_surface_get_data(x->pixels) +
				row * cairo_image_surface_get_stride(x->pixels),
			cairo_image_surface_get_data(y->pixels) +
				row * cairo_image_surface_get_stride(y->pixels),
			(size_t)width * 4);
}

static void assert_same_list(const struct display_list *a,
			     const struct display_list *b)
{
	assert_same_string(a->title, b->title);
	assert_same_string(a->author, b->author);
	assert_same_string(a->subject, b->subject);
	assert_same_string(a->lang, b->lang);
	assert_same_string(a->create_date, b->create_date);
	assert_int_equal(a->node_count, b->node_count);
	for (size_t n = 0; n < a->node_count; n++) {
		const struct dl_node *x = &a->nodes[n], *y = &b->nodes[n];
		assert_int_equal(x->role, y->role);
		assert_int_equal(x->parent, y->parent);
		assert_int_equal(x->level, y->level);
		assert_int_equal(x->col_span, y->col_span);
		assert_same_string(x->alt, y->alt);
		assert_same_string(x->lang, y->lang);
		assert_int_equal(x->pos.line, y->pos.line);
		assert_int_equal(x->pos.col, y->pos.col);
	}
	assert_int_equal(a->page_count, b->page_count);
	for (size_t p = 0; p < a->page_count; p++) {
		const struct dl_page *x = &a->pages[p], *y = &b->pages[p];
		assert_true(x->width_pt == y->width_pt);
		assert_true(x->height_pt == y->height_pt);
		assert_int_equal(x->box_count, y->box_count);
		for (size_t i = 0; i < x->box_count; i++)
			assert_same_box(a, &x->boxes[i], b, &y->boxes[i]);
	}
	assert_int_equal(a->image_count, b->image_count);
	for (size_t i = 0; i < a->image_count; i++)
		assert_same_image(&a->images[i], &b->images[i]);
	assert_int_equal(a->outline_count, b->outline_count);
	for (size_t i = 0; i < a->outline_count; i++) {
		assert_string_equal(a->outline[i].title, b->outline[i].title);
		assert_int_equal(a->outline[i].parent, b->outline[i].parent);
		assert_int_equal(a->outline[i].page, b->outline[i].page);
		assert_true(a->outline[i].y_pt == b->outline[i].y_pt);
	}
	assert_int_equal(a->label_count, b->label_count);
	for (size_t i = 0; i < a->label_count; i++) {
		assert_int_equal(a->labels[i].page, b->labels[i].page);
		assert_string_equal(a->labels[i].prefix, b->labels[i].prefix);
		assert_int_equal(a->labels[i].start, b->labels[i].start);
	}
}

/* Page 1 drawn at 2 px to the point, as the PNG preview draws it. */
static cairo_surface_t *page_one(const struct display_list *list)
{
	const struct dl_page *page = &list->pages[0];
	cairo_surface_t *surface = cairo_image_surface_create(
		CAIRO_FORMAT_ARGB32, (int)(page->width_pt * 2),
		(int)(page->height_pt * 2));
	cairo_t *cr = cairo_create(surface);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, 2, 2);
	struct diag_list diags = { 0 };
	assert_int_equal(draw_page(cr, list, 0, NULL, "page-1.png", &diags), 0);
	diag_list_free(&diags);
	cairo_destroy(cr);
	cairo_surface_flush(surface);
	return surface;
}

static void assert_same_page_one(const struct display_list *a,
				 const struct display_list *b)
{
	cairo_surface_t *x = page_one(a), *y = page_one(b);
	int height = cairo_image_surface_get_height(x);
	int stride = cairo_image_surface_get_stride(x);
	assert_int_equal(stride, cairo_image_surface_get_stride(y));
	assert_int_equal(height, cairo_image_surface_get_height(y));
	assert_memory_equal(cairo_image_surface_get_data(x),
			    cairo_image_surface_get_data(y),
			    (size_t)stride * height);
	cairo_surface_destroy(x);
	cairo_surface_destroy(y);
}

/* ---- real papers ---- */

static struct display_list *laid_out(const char *source)
{
	struct diag_list diags = { 0 };
	char *path = repo_file(source);
	struct display_list *list =
		pipeline_layout(pipeline, path, NULL, NULL, &diags);
	if (!list)
		fail_msg("%s did not lay out", source);
	diag_list_free(&diags);
	g_free(path);
	return list;
}

/* The golden cases of each kind: the seed paper, Welsh, figures (PNG and
 * SVG), a logo and an SVG map, risks, quarterly reports, charts, right to
 * left, a watermark, landscape pages, links and references. */
static const char *const papers[] = {
	"samples/best-value-2024.xml",
	"tests/layout/welsh-paper.xml",
	"tests/layout/figures.xml",
	"samples/ward-review-2024.xml",
	"tests/layout/risk-register.xml",
	"tests/layout/welsh-risks.xml",
	"samples/adults-2024-q1.xml",
	"tests/layout/welsh-quarterly.xml",
	"tests/layout/performance-measures.xml",
	"tests/layout/assessment-heat-map.xml",
	"tests/layout/right-to-left.xml",
	"tests/layout/draft-watermark.xml",
	"tests/layout/landscape-appendix.xml",
	"tests/layout/generated-refs.xml",
	"tests/layout/language-of-parts.xml",
};

/* Written into $DL_WIRE_CORPUS when it is set, for the fuzz corpus. */
static void keep_for_corpus(const char *name, const GByteArray *bytes)
{
	const char *dir = getenv("DL_WIRE_CORPUS");
	if (!dir)
		return;
	char *path = g_build_filename(dir, name, NULL);
	assert_true(g_file_set_contents(path, (const char *)bytes->data,
					bytes->len, NULL));
	g_free(path);
}

static void test_papers_round_trip(void **state)
{
	(void)state;
	int svg = 0, png = 0, paths = 0, offsets = 0;
	for (size_t i = 0; i < sizeof papers / sizeof papers[0]; i++) {
		struct display_list *list = laid_out(papers[i]);
		struct display_list *back = round_trip(list);
		char *before = dump_of(list), *after = dump_of(back);
		if (strcmp(before, after) != 0)
			fail_msg("%s: its dump differs after the round trip",
				 papers[i]);
		free(before);
		free(after);
		assert_same_list(list, back);
		assert_same_page_one(list, back);
		GByteArray *bytes = encoded(list);
		char *name = g_path_get_basename(papers[i]);
		strcpy(strrchr(name, '.'), ".bin");
		if (bytes->len <= 24 * 1024)
			keep_for_corpus(name, bytes);
		g_free(name);
		g_byte_array_unref(bytes);
		for (size_t m = 0; m < list->image_count; m++) {
			svg += list->images[m].svg != NULL;
			png += list->images[m].pixels != NULL;
		}
		for (size_t p = 0; p < list->page_count; p++)
			for (size_t b = 0; b < list->pages[p].box_count; b++) {
				const struct dl_box *box = &list->pages[p].boxes[b];
				paths += box->kind == BOX_PATH;
				for (uint32_t r = 0; box->kind == BOX_TEXT &&
						     r < box->u.text.run_count; r++)
					offsets += box->u.text.runs[r].y_pu != NULL;
			}
		dl_free(back);
		dl_free(list);
	}
	/* The cases hold what the wire must carry. */
	assert_true(svg >= 2);
	assert_true(png >= 2);
	assert_true(paths >= 1);
	(void)offsets;
}

/* ---- a small list of every kind ---- */

static PangoFont *load_font(const char *name)
{
	PangoFontDescription *desc = pango_font_description_from_string(name);
	PangoFont *font = pango_context_load_font(context(), desc);
	pango_font_description_free(desc);
	assert_non_null(font);
	return font;
}

static const char small_svg[] =
	"<svg xmlns='http://www.w3.org/2000/svg' width='20' height='10'>"
	"<rect width='20' height='10' fill='#1d70b8'/></svg>";

/* Every kind of box, both kinds of image, nodes with alt text and a
 * language, an outline, page labels and metadata. */
static struct display_list *small_list(void)
{
	struct display_list *list = dl_new();
	list->title = dl_strdup(list, "Small list");
	list->lang = dl_strdup(list, "en-GB");
	list->create_date = dl_strdup(list, "2023-11-14T22:13:20Z");
	struct source_pos pos = { 3, 7 };
	uint32_t section = dl_add_node(list, ROLE_SECTION, 0, pos);
	uint32_t heading = dl_add_node(list, ROLE_HEADING, section, pos);
	list->nodes[heading].level = 2;
	uint32_t figure = dl_add_node(list, ROLE_FIGURE, section, pos);
	list->nodes[figure].alt = dl_strdup(list, "A blue bar");
	uint32_t span = dl_add_node(list, ROLE_SPAN, heading, pos);
	list->nodes[span].lang = dl_strdup(list, "cy");
	uint32_t cell = dl_add_node(list, ROLE_TABLE_CELL, section, pos);
	list->nodes[cell].col_span = 2;

	size_t page = dl_add_page(list, 595.28, 841.89);
	struct dl_box *text = dl_add_box(list, page, BOX_TEXT, heading);
	text->x_pt = 56.69;
	text->y_pt = 70;
	text->width_pt = 100;
	text->height_pt = 14;
	text->u.text.baseline_pt = 11;
	const char *line = "Hi there";
	text->u.text.text = dl_strdup(list, line);
	text->u.text.runs = arena_alloc(list->arena, 2 * sizeof *text->u.text.runs);
	text->u.text.run_count = 2;
	PangoFont *regular = load_font("Liberation Sans 12px");
	PangoFont *bold = load_font("Liberation Sans Bold 14px");
	for (int r = 0; r < 2; r++) {
		struct dl_run *run = &text->u.text.runs[r];
		run->font = dl_font_index(list, r ? bold : regular);
		run->color = r ? 0x1d70b8 : 0x0b0c0c;
		run->x_pt = r ? 20.5 : 0;
		run->text = text->u.text.text + (r ? 3 : 0);
		run->text_length = r ? 5 : 2;
		run->glyph_count = 2;
		run->glyphs = arena_alloc(list->arena, 2 * sizeof *run->glyphs);
		for (int g = 0; g < 2; g++)
			run->glyphs[g] = (struct dl_glyph){ 43 + g, g, 600 * g };
	}
	text->u.text.runs[1].y_pu = arena_alloc(list->arena, 2 * sizeof(int16_t));
	text->u.text.runs[1].y_pu[1] = -256;
	g_object_unref(regular);
	g_object_unref(bold);

	dl_add_rect(list, page, section, 50, 100, 200, 40, 0xf3f2f1, 0x505a5f, 0.5);
	dl_add_rule(list, page, section, 50, 150, 200, 0, 0x505a5f, 1);
	struct dl_box *path = dl_add_box(list, page, BOX_PATH, figure);
	path->stroke = 0xd4351c;
	path->line_width_pt = 1.5;
	path->u.path.point_count = 3;
	path->u.path.points_pt = arena_alloc(list->arena, 6 * sizeof(double));
	for (int i = 0; i < 6; i++)
		path->u.path.points_pt[i] = 60 + 10 * i;
	struct dl_box *link = dl_add_box(list, page, BOX_LINK, heading);
	link->width_pt = 30;
	link->height_pt = 10;
	link->u.link.uri = dl_strdup(list, "https://example.org/a");
	struct dl_box *internal = dl_add_box(list, page, BOX_LINK, heading);
	internal->u.link.dest = dl_strdup(list, "sec-1");
	dl_add_dest(list, page, section, "sec-1", 50, 70);

	cairo_surface_t *pixels = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 3, 2);
	uint32_t *data = (uint32_t *)cairo_image_surface_get_data(pixels);
	for (int i = 0; i < 3; i++)
		data[i] = 0xff000000u | (uint32_t)(0x402010 * (i + 1));
	cairo_surface_mark_dirty(pixels);
	uint32_t png = dl_add_image(list, pixels, NULL, 3, 2);
	char *problem = NULL;
	struct image *svg = image_svg_from_bytes((const unsigned char *)small_svg,
						 strlen(small_svg), &problem);
	assert_non_null(svg);
	uint32_t svg_index = dl_add_image(list, NULL, svg->svg, svg->width_px,
					  svg->height_px);
	dl_set_image_source(list, svg_index, svg->svg_source);
	svg->svg = NULL;
	svg->svg_source = NULL;
	image_free(svg);
	size_t second = dl_add_page(list, 841.89, 595.28);
	struct dl_box *image = dl_add_box(list, second, BOX_IMAGE, figure);
	image->width_pt = 60;
	image->height_pt = 40;
	image->u.image = png;
	image = dl_add_box(list, second, BOX_IMAGE, figure);
	image->y_pt = 50;
	image->width_pt = 40;
	image->height_pt = 20;
	image->u.image = svg_index;

	int top = dl_add_outline(list, "1. Purpose", -1, 0, 70);
	dl_add_outline(list, "Appendix", top, 1, 0);
	dl_set_page_label(list, 0, NULL, 1);
	dl_set_page_label(list, 1, "A1-", 1);
	dl_finish(list);
	return list;
}

static void test_small_list_round_trip(void **state)
{
	(void)state;
	struct display_list *list = small_list();
	struct display_list *back = round_trip(list);
	assert_same_list(list, back);
	assert_same_page_one(list, back);
	char *before = dump_of(list), *after = dump_of(back);
	assert_string_equal(before, after);
	free(before);
	free(after);
	/* Encoding the decoded list gives the same bytes. */
	GByteArray *first = encoded(list), *again = encoded(back);
	assert_int_equal(first->len, again->len);
	assert_memory_equal(first->data, again->data, first->len);
	keep_for_corpus("small.bin", first);
	struct display_list *empty = dl_new();
	dl_finish(empty);
	GByteArray *nothing = encoded(empty);
	keep_for_corpus("empty.bin", nothing);
	g_byte_array_unref(nothing);
	dl_free(empty);
	g_byte_array_unref(first);
	g_byte_array_unref(again);
	dl_free(back);
	dl_free(list);
}

/* Every truncation of the small list, each length 0 … n-1, is refused. */
static void test_truncations_refused(void **state)
{
	(void)state;
	struct display_list *list = small_list();
	GByteArray *bytes = encoded(list);
	for (size_t n = 0; n < bytes->len; n++)
		assert_refused(bytes->data, n, NULL);
	assert_refused(bytes->data, 3, "truncated in the header");
	assert_refused(bytes->data, bytes->len - 1, "truncated");
	/* One byte too many is refused too. */
	g_byte_array_append(bytes, (const guint8 *)"", 1);
	assert_refused(bytes->data, bytes->len, "1 bytes after the list's end");
	g_byte_array_unref(bytes);
	dl_free(list);
}

/* Any one byte flipped either decodes to a list that is freed cleanly or
 * is refused; in the header it is always refused. */
static void test_flipped_bytes(void **state)
{
	(void)state;
	struct display_list *list = small_list();
	GByteArray *bytes = encoded(list);
	size_t refused = 0;
	for (size_t at = 0; at < bytes->len; at++) {
		bytes->data[at] ^= 0xFF;
		char *error = NULL;
		struct display_list *back =
			dl_wire_decode(bytes->data, bytes->len, context(), &error);
		assert_true((back == NULL) == (error != NULL));
		if (at < 8)
			assert_null(back);
		refused += back == NULL;
		dl_free(back);
		free(error);
		bytes->data[at] ^= 0xFF;
	}
	/* Most bytes are counts, lengths, indexes and kinds. */
	assert_true(refused > bytes->len / 2);
	g_byte_array_unref(bytes);
	dl_free(list);
}

/* Header, five absent strings, then count: a message whose first table
 * claims count items. */
static GByteArray *claiming(uint32_t count)
{
	GByteArray *bytes = g_byte_array_new();
	g_byte_array_append(bytes, (const guint8 *)"CPDL\1\0\0\0", 8);
	for (int i = 0; i < 5; i++)
		g_byte_array_append(bytes, (const guint8 *)"\xff\xff\xff\xff", 4);
	guint8 le[4] = { (guint8)count, (guint8)(count >> 8),
			 (guint8)(count >> 16), (guint8)(count >> 24) };
	g_byte_array_append(bytes, le, 4);
	return bytes;
}

static void test_huge_counts_and_headers(void **state)
{
	(void)state;
	GByteArray *bytes = claiming(0xFFFFFFF0u);
	assert_refused(bytes->data, bytes->len, "4294967280 fonts cannot fit");
	g_byte_array_unref(bytes);
	bytes = claiming(0);
	/* No images, then a node count far past the bytes. */
	g_byte_array_append(bytes, (const guint8 *)"\0\0\0\0\xff\xff\xff\x7f", 8);
	assert_refused(bytes->data, bytes->len, "structure nodes cannot fit");
	g_byte_array_unref(bytes);
	bytes = claiming(0);
	g_byte_array_append(bytes, (const guint8 *)"\0\0\0\0\0\0\0\0", 8);
	assert_refused(bytes->data, bytes->len, "there is no document node");
	g_byte_array_unref(bytes);

	struct display_list *list = small_list();
	bytes = encoded(list);
	bytes->data[0] = 'X';
	assert_refused(bytes->data, bytes->len, "not a display list");
	bytes->data[0] = 'C';
	bytes->data[4] = 2;
	assert_refused(bytes->data, bytes->len, "version 2");
	bytes->data[4] = 1;
	assert_refused(bytes->data, (size_t)DL_WIRE_MAX_BYTES + 1, "more than");
	g_byte_array_unref(bytes);
	dl_free(list);
}

/* A font whose description loads another file here than the writer's:
 * the glyph ids would be wrong, so the list is refused. */
static void test_font_from_another_file_refused(void **state)
{
	(void)state;
	struct display_list *list = small_list();
	GByteArray *bytes = encoded(list);
	unsigned char *at = find(bytes, ".ttf");
	at[3] = 'x'; /* LiberationSans-Regular.ttx */
	assert_refused(bytes->data, bytes->len, "glyph numbers");
	assert_refused(bytes->data, bytes->len, ".ttx");
	g_byte_array_unref(bytes);
	dl_free(list);
}

/* An index past its table, in each place the reader checks one. */
static void assert_list_refused(struct display_list *list, const char *why)
{
	GByteArray *bytes = encoded(list);
	assert_refused(bytes->data, bytes->len, why);
	g_byte_array_unref(bytes);
	dl_free(list);
}

static struct dl_box *first_of(struct display_list *list, enum dl_box_kind kind)
{
	for (size_t p = 0; p < list->page_count; p++)
		for (size_t b = 0; b < list->pages[p].box_count; b++)
			if (list->pages[p].boxes[b].kind == kind)
				return &list->pages[p].boxes[b];
	fail();
	return NULL;
}

static void test_bad_indexes_refused(void **state)
{
	(void)state;
	struct display_list *list = small_list();
	list->nodes[2].parent = 99;
	assert_list_refused(list, "parent 99");
	list = small_list();
	first_of(list, BOX_RECT)->node = 40;
	assert_list_refused(list, "names node 40");
	list = small_list();
	first_of(list, BOX_TEXT)->u.text.runs[1].font = 7;
	assert_list_refused(list, "names font 7 of 2");
	list = small_list();
	first_of(list, BOX_IMAGE)->u.image = 2;
	assert_list_refused(list, "names image 2 of 2");
	list = small_list();
	list->outline[1].parent = 1;
	assert_list_refused(list, "bookmark 1 names parent 1");
	list = small_list();
	list->outline[0].page = 2;
	assert_list_refused(list, "page 2 of 2");
	list = small_list();
	list->labels[1].page = 5;
	assert_list_refused(list, "page label 1 starts at page 5");
	/* A run's slice past its line: after the line's text come the run
	 * count, then the first run's font, colour, x, how its text travels,
	 * its offset and its length. */
	list = small_list();
	GByteArray *bytes = encoded(list);
	unsigned char *length = find(bytes, "Hi there") + 8 + 4 + 2 + 4 + 8 + 1 + 4;
	assert_int_equal(length[0], 2);
	length[0] = 40;
	assert_refused(bytes->data, bytes->len, "(40 bytes from 0) is outside its line");
	g_byte_array_unref(bytes);
	dl_free(list);
	list = small_list();
	first_of(list, BOX_TEXT)->u.text.runs[0].glyphs[1].cluster = 3;
	assert_list_refused(list, "cluster 3 is past");
	list = small_list();
	first_of(list, BOX_RULE)->stroke = 0x1000000;
	assert_list_refused(list, "are not colours");
}

static void test_bad_numbers_and_text_refused(void **state)
{
	(void)state;
	struct display_list *list = small_list();
	first_of(list, BOX_RECT)->x_pt = NAN;
	assert_list_refused(list, "a box's x is not a finite number");
	list = small_list();
	first_of(list, BOX_PATH)->u.path.points_pt[3] = INFINITY;
	assert_list_refused(list, "a path's point is not a finite number");
	list = small_list();
	list->pages[1].height_pt = -1;
	assert_list_refused(list, "page 2 is");
	list = small_list();
	list->title = dl_strdup(list, "Bad \xff byte");
	assert_list_refused(list, "the title is not UTF-8");
	/* An SVG without the source it was loaded from cannot travel. */
	list = small_list();
	g_bytes_unref(list->images[1].svg_source);
	list->images[1].svg_source = NULL;
	assert_list_refused(list, "image 1 is an SVG sent without its source");
	/* Nor one whose source no longer reads as an SVG. */
	list = small_list();
	GByteArray *bytes = encoded(list);
	memcpy(find(bytes, "<svg"), "<xyz", 4);
	assert_refused(bytes->data, bytes->len, "image 1 (SVG) is");
	g_byte_array_unref(bytes);
	dl_free(list);
}

/* The fuzz corpus holds real lists in today's format: each decodes. */
static void test_corpus_decodes(void **state)
{
	(void)state;
	char *dir = repo_file("tests/fuzz/corpus_dl_wire");
	GDir *folder = g_dir_open(dir, 0, NULL);
	assert_non_null(folder);
	const char *name;
	int files = 0;
	while ((name = g_dir_read_name(folder))) {
		char *path = g_build_filename(dir, name, NULL);
		gchar *bytes = NULL;
		gsize length = 0;
		assert_true(g_file_get_contents(path, &bytes, &length, NULL));
		char *error = NULL;
		struct display_list *list = dl_wire_decode(
			(const unsigned char *)bytes, length, context(), &error);
		if (!list)
			fail_msg("%s: %s", path, error);
		assert_true(list->page_count > 0 || strcmp(name, "empty.bin") == 0);
		dl_free(list);
		g_free(bytes);
		g_free(path);
		files++;
	}
	g_dir_close(folder);
	g_free(dir);
	assert_true(files >= 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small_list_round_trip),
		cmocka_unit_test(test_truncations_refused),
		cmocka_unit_test(test_flipped_bytes),
		cmocka_unit_test(test_huge_counts_and_headers),
		cmocka_unit_test(test_font_from_another_file_refused),
		cmocka_unit_test(test_bad_indexes_refused),
		cmocka_unit_test(test_bad_numbers_and_text_refused),
		cmocka_unit_test(test_papers_round_trip),
		cmocka_unit_test(test_corpus_decodes),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
