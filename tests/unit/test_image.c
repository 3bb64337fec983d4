/* Images: sizes read from the header and refused before any pixel is
 * decoded; formats known by their first bytes; natural sizes from a PNG's
 * stated resolution and an SVG's CSS pixels; figures scaled into their
 * column (never enlarged, never across a page break), a Figure with its
 * alternative text or, with alt="", an artifact; an SVG draws no other
 * file nor anything from the network that it names. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <librsvg/rsvg.h>

#include "image.h"
#include "layout_fixture.h"

static const struct paths_naming naming = { "paper.xml", "src", 12, 7, NULL };

static struct image *from_bytes(const void *bytes, size_t length,
				struct diag_list *diags)
{
	return image_from_bytes(&naming, "map.png", bytes, length, diags);
}

static void expect_one_error(struct diag_list *diags, const char *words)
{
	assert_int_equal(diag_count(diags, DIAG_ERROR), 1);
	const struct diag *d = &diags->items[0];
	assert_string_equal(d->file, "paper.xml");
	assert_int_equal(d->line, 12);
	assert_int_equal(d->col, 7);
	if (!strstr(d->message, words))
		fail_msg("\"%s\" does not say \"%s\"", d->message, words);
}

/* A PNG signature and IHDR of the given size, followed by no pixels. */
static size_t png_header(unsigned char *out, uint32_t width, uint32_t height)
{
	static const unsigned char head[16] = { 0x89, 'P', 'N', 'G', '\r', '\n',
						0x1a, '\n', 0, 0, 0, 13,
						'I', 'H', 'D', 'R' };
	memcpy(out, head, 16);
	for (int i = 0; i < 4; i++) {
		out[16 + i] = (unsigned char)(width >> (24 - 8 * i));
		out[20 + i] = (unsigned char)(height >> (24 - 8 * i));
	}
	memset(out + 24, 0, 9);
	out[24] = 8;
	out[25] = 2;
	return 33;
}

static void test_pixels_refused_before_decoding(void **state)
{
	(void)state;
	unsigned char bytes[64];
	size_t n = png_header(bytes, 100000, 100000);
	struct diag_list diags = { 0 };
	/* The pixels are missing: decoding would call it damaged. */
	assert_null(from_bytes(bytes, n, &diags));
	expect_one_error(&diags, "is 100000 × 100000 pixels, more than the 16 million");
	diag_list_free(&diags);

	n = png_header(bytes, 20000, 10);
	assert_null(from_bytes(bytes, n, &diags));
	expect_one_error(&diags, "16384 on a side");
	diag_list_free(&diags);

	n = png_header(bytes, 40, 30);
	assert_null(from_bytes(bytes, n, &diags));
	expect_one_error(&diags, "is a damaged PNG image");
	diag_list_free(&diags);
}

static void test_formats_by_signature(void **state)
{
	(void)state;
	struct diag_list diags = { 0 };
	assert_null(from_bytes("\xFF\xD8\xFF\xE0 JFIF", 9, &diags));
	expect_one_error(&diags, "is a JPEG image, which is not supported");
	diag_list_free(&diags);
	assert_null(from_bytes("GIF89a", 6, &diags));
	expect_one_error(&diags, "is not an image: only PNG and SVG");
	diag_list_free(&diags);
	assert_null(from_bytes("", 0, &diags));
	expect_one_error(&diags, "is empty");
	diag_list_free(&diags);
	assert_null(from_bytes("<svg xmlns='http://www.w3.org/2000/svg'>", 40, &diags));
	expect_one_error(&diags, "SVG");
	diag_list_free(&diags);
}

static const char svg_96[] =
	"<svg xmlns='http://www.w3.org/2000/svg' width='96' height='48'>"
	"<rect width='96' height='48' fill='#123456'/></svg>";

static void test_svg_natural_size(void **state)
{
	(void)state;
	struct diag_list diags = { 0 };
	struct image *image = from_bytes(svg_96, strlen(svg_96), &diags);
	assert_non_null(image);
	assert_int_equal(image->format, IMAGE_SVG);
	assert_int_equal(image->width_px, 96);
	/* 96 CSS pixels are an inch. */
	assert_true(fabs(image->width_pt - 72) < 1e-6);
	assert_true(fabs(image->height_pt - 36) < 1e-6);
	image_free(image);

	const char *huge = "<svg xmlns='http://www.w3.org/2000/svg' "
			   "width='90000' height='90000'/>";
	assert_null(from_bytes(huge, strlen(huge), &diags));
	expect_one_error(&diags, "90000 × 90000 pixels");
	diag_list_free(&diags);
}

/* An image as the reader would give it: pixels of that size. */
static struct image *pixels(uint32_t width_px, uint32_t height_px)
{
	struct image *image = calloc(1, sizeof *image);
	image->format = IMAGE_PNG;
	image->width_px = width_px;
	image->height_px = height_px;
	image->width_pt = width_px * 0.75;
	image->height_pt = height_px * 0.75;
	image->pixels = cairo_image_surface_create(CAIRO_FORMAT_ARGB32,
						   (int)width_px, (int)height_px);
	return image;
}

static const struct dl_box *only_image(const struct display_list *list,
				       size_t *page)
{
	const struct dl_box *found = NULL;
	for (size_t p = 0; p < list->page_count; p++)
		for (size_t i = 0; i < list->pages[p].box_count; i++)
			if (list->pages[p].boxes[i].kind == BOX_IMAGE) {
				assert_null(found);
				found = &list->pages[p].boxes[i];
				if (page)
					*page = p;
			}
	assert_non_null(found);
	return found;
}

static void test_scaled_into_column(void **state)
{
	(void)state;
	struct layout_fixture *f = layout_fixture_new();
	struct layout *lo = &f->lo;
	layout_new_page(lo);
	double x_pt = lo->left_pt + 42, width_pt = layout_content_width(lo) - 42;
	struct layout_figure_text words = { .alt = "A wide banner" };
	layout_place_image(lo, pixels(2000, 500), &words, x_pt, width_pt);
	const struct dl_box *box = only_image(lo->list, NULL);
	assert_true(fabs(box->width_pt - width_pt) < 1e-6);
	assert_true(fabs(box->height_pt - width_pt / 4) < 1e-6);
	assert_true(box->x_pt >= x_pt - 1e-6);
	assert_true(box->x_pt + box->width_pt <= x_pt + width_pt + 1e-6);
	const struct dl_node *node = &lo->list->nodes[box->node];
	assert_int_equal(node->role, ROLE_FIGURE);
	assert_string_equal(node->alt, "A wide banner");
	assert_int_equal(lo->list->image_count, 1);
	assert_int_equal(lo->list->images[box->u.image].width_px, 2000);
	layout_fixture_free(f);
}

static void test_never_enlarged_and_share(void **state)
{
	(void)state;
	struct layout_fixture *f = layout_fixture_new();
	struct layout *lo = &f->lo;
	layout_new_page(lo);
	double width_pt = layout_content_width(lo);
	struct layout_figure_text words = { .alt = "A small icon" };
	layout_place_image(lo, pixels(40, 40), &words, lo->left_pt, width_pt);
	const struct dl_box *box = only_image(lo->list, NULL);
	assert_true(fabs(box->width_pt - 30) < 1e-6);
	/* Centred in its column. */
	assert_true(fabs(box->x_pt - (lo->left_pt + (width_pt - 30) / 2)) < 1e-6);
	layout_fixture_free(f);

	f = layout_fixture_new();
	lo = &f->lo;
	layout_new_page(lo);
	words.share = 0.5;
	layout_place_image(lo, pixels(2000, 1000), &words, lo->left_pt, width_pt);
	box = only_image(lo->list, NULL);
	assert_true(fabs(box->width_pt - width_pt / 2) < 1e-6);
	layout_fixture_free(f);
}

static void test_tall_image_fits_one_page(void **state)
{
	(void)state;
	struct layout_fixture *f = layout_fixture_new();
	struct layout *lo = &f->lo;
	layout_new_page(lo);
	lo->y_pt = lo->bottom_pt - 100; /* little room left */
	struct layout_figure_text words = { .alt = "A tall organisation chart" };
	layout_place_image(lo, pixels(400, 4000), &words, lo->left_pt,
			   layout_content_width(lo));
	size_t page = 0;
	const struct dl_box *box = only_image(lo->list, &page);
	assert_int_equal(page, 1);
	assert_true(box->y_pt >= lo->top_pt - 1e-6);
	assert_true(box->y_pt + box->height_pt <= lo->bottom_pt + 1e-6);
	layout_fixture_free(f);
}

static void test_decorative_is_artifact(void **state)
{
	(void)state;
	struct layout_fixture *f = layout_fixture_new();
	struct layout *lo = &f->lo;
	layout_new_page(lo);
	struct layout_figure_text words = { .alt = "" };
	layout_place_image(lo, pixels(100, 10), &words, lo->left_pt,
			   layout_content_width(lo));
	const struct dl_box *box = only_image(lo->list, NULL);
	assert_int_equal(lo->list->nodes[box->node].role, ROLE_ARTIFACT);
	assert_null(lo->list->nodes[box->node].alt);
	layout_fixture_free(f);
}

/* A blue pixel, inline: the one image an SVG may show. */
#define BLUE_PIXEL_PNG "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQ" \
	"d1PeAAAADElEQVR4nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC"

/* Alpha of the ARGB32 pixel at x, y. */
static unsigned alpha_at(cairo_surface_t *surface, int x, int y)
{
	const unsigned char *data = cairo_image_surface_get_data(surface);
	int stride = cairo_image_surface_get_stride(surface);
	uint32_t pixel;
	memcpy(&pixel, data + y * stride + x * 4, sizeof pixel);
	return pixel >> 24;
}

/* Images an SVG names by a file path, a file: URL or a network URL stay
 * blank (the sources' folder rule is not bypassed through an SVG); the
 * inline one beside them is drawn, so blank means refused. */
static void test_svg_names_no_other_file(void **state)
{
	(void)state;
	char *absolute = realpath("tests/layout/bars.png", NULL);
	assert_non_null(absolute);
	char *svg = mem_printf(
		"<svg xmlns='http://www.w3.org/2000/svg' "
		"xmlns:xlink='http://www.w3.org/1999/xlink' width='40' height='10'>"
		"<image x='0' width='10' height='10' preserveAspectRatio='none' "
		"xlink:href='" BLUE_PIXEL_PNG "'/>"
		"<image x='10' width='10' height='10' preserveAspectRatio='none' "
		"xlink:href='file://%s'/>"
		"<image x='20' width='10' height='10' preserveAspectRatio='none' "
		"xlink:href='tests/layout/bars.png'/>"
		"<image x='30' width='10' height='10' preserveAspectRatio='none' "
		"xlink:href='http://127.0.0.1:9/bars.png'/></svg>",
		absolute);
	free(absolute);
	struct diag_list diags = { 0 };
	struct image *image = from_bytes(svg, strlen(svg), &diags);
	free(svg);
	assert_non_null(image);
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 40, 10);
	cairo_t *cr = cairo_create(surface);
	RsvgRectangle viewport = { 0, 0, 40, 10 };
	rsvg_handle_render_document(image->svg, cr, &viewport, NULL);
	cairo_destroy(cr);
	cairo_surface_flush(surface);
	assert_int_equal(alpha_at(surface, 5, 5), 255);
	for (int x = 10; x < 40; x++)
		for (int y = 0; y < 10; y++)
			if (alpha_at(surface, x, y))
				fail_msg("the SVG drew the image it names at %d, %d", x, y);
	cairo_surface_destroy(surface);
	image_free(image);
	diag_list_free(&diags);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pixels_refused_before_decoding),
		cmocka_unit_test(test_formats_by_signature),
		cmocka_unit_test(test_svg_natural_size),
		cmocka_unit_test(test_scaled_into_column),
		cmocka_unit_test(test_never_enlarged_and_share),
		cmocka_unit_test(test_tall_image_fits_one_page),
		cmocka_unit_test(test_decorative_is_artifact),
		cmocka_unit_test(test_svg_names_no_other_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
