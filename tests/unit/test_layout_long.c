/* Long texts: a long text is measured in windows and gives the lines one
 * PangoLayout of the whole text gives; a long word breaks inside its column
 * in a paragraph, a cell and a theme row; the work handed to Pango grows
 * linearly with the length (counted, never timed); no length or font size
 * overflows an int (run under UBSan by make check-san). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "layout_fixture.h"

#define SLACK_PT 0.01

static int setup(void **state)
{
	struct layout_fixture *f = layout_fixture_new();
	layout_new_page(&f->lo);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	layout_fixture_free(*state);
	return 0;
}

/* piece repeated until the text is length bytes (cut on a character). */
static char *repeated(const char *piece, size_t length)
{
	size_t n = strlen(piece);
	char *out = malloc(length + 1);
	for (size_t i = 0; i < length; i++)
		out[i] = piece[i % n];
	/* The byte after the cut must begin a character. */
	while (length > 0 && ((unsigned char)piece[length % n] & 0xC0) == 0x80)
		length--;
	out[length] = '\0';
	return out;
}

/* The text boxes of node on the current page, in order. */
static size_t node_boxes(const struct layout *lo, uint32_t node,
			 const struct dl_box **boxes, size_t max)
{
	const struct dl_page *page = &lo->list->pages[lo->page];
	size_t n = 0;
	for (size_t i = 0; i < page->box_count && n < max; i++)
		if (page->boxes[i].kind == BOX_TEXT && page->boxes[i].node == node)
			boxes[n++] = &page->boxes[i];
	return n;
}

/* Every line of text measured at width_pt is the line one PangoLayout of
 * the whole text makes: same bytes, same top, left and width. */
static void check_same_as_one_layout(struct layout_fixture *f,
				     const char *text, double width_pt)
{
	const struct style_font *font = &f->style.body;
	struct layout_lines *lines = layout_measure_plain(&f->lo, text, font,
							  width_pt, ALIGN_LEFT);
	assert_true(lines->pango_bytes > strlen(text)); /* it took windows */

	PangoLayout *whole = pango_layout_new(f->context);
	PangoFontDescription *desc = pango_font_description_new();
	pango_font_description_set_family(desc, font->family);
	pango_font_description_set_absolute_size(desc, font->size_pt * PANGO_SCALE);
	pango_layout_set_font_description(whole, desc);
	pango_font_description_free(desc);
	pango_layout_set_wrap(whole, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_width(whole, (int)(width_pt * PANGO_SCALE));
	pango_layout_set_text(whole, text, -1);
	assert_int_equal(lines->line_count,
			 (size_t)pango_layout_get_line_count(whole));

	struct source_pos pos = { 1, 1 };
	uint32_t node = layout_add_node(&f->lo, ROLE_PARAGRAPH, pos);
	layout_place_lines(&f->lo, lines, 0, lines->line_count, 0, 0, node);
	const struct dl_box **boxes = calloc(lines->line_count, sizeof *boxes);
	size_t box_count = node_boxes(&f->lo, node, boxes, lines->line_count);

	PangoLayoutIter *iter = pango_layout_get_iter(whole);
	size_t i = 0, b = 0;
	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(iter);
		PangoRectangle logical;
		pango_layout_iter_get_line_extents(iter, NULL, &logical);
		assert_true(i < lines->line_count);
		assert_true(lines->line_top_pt[i] == (double)logical.y / PANGO_SCALE);
		assert_true(lines->line_height_pt[i] ==
			    (double)logical.height / PANGO_SCALE);
		if (line->length > 0) {
			assert_true(b < box_count);
			const struct dl_box *box = boxes[b++];
			assert_int_equal(strlen(box->u.text.text), line->length);
			assert_memory_equal(box->u.text.text, text + line->start_index,
					    (size_t)line->length);
			assert_true(box->y_pt == lines->line_top_pt[i]);
			assert_true(box->x_pt == (double)logical.x / PANGO_SCALE);
			assert_true(box->width_pt ==
				    (double)logical.width / PANGO_SCALE);
		}
		i++;
	} while (pango_layout_iter_next_line(iter));
	pango_layout_iter_free(iter);
	assert_int_equal(b, box_count);
	free(boxes);
	g_object_unref(whole);
	layout_lines_free(lines);
}

static void test_windows_give_the_lines_of_one_layout(void **state)
{
	struct layout_fixture *f = *state;
	/* Words and paragraphs, empty ones among them: 12 kB. */
	char *prose = repeated("Members noted the quarterly report on the medium-term "
			       "financial strategy. \n\nScrutiny asked for (more) "
			       "evidence, 12.5% of it \xE2\x80\x94 by March.\n", 12000);
	check_same_as_one_layout(f, prose, 300);
	free(prose);
	/* A 3,000-character word among words: broken between characters. */
	char *word = repeated("Accountability", 3000);
	char *mixed = malloc(strlen(word) + 64);
	strcpy(mixed, "A paragraph with a long word ");
	strcat(mixed, word);
	strcat(mixed, " in it, and more.");
	check_same_as_one_layout(f, mixed, 200);
	free(mixed);
	free(word);
	/* Right to left paragraphs with English and numbers in them, whose
	 * windows begin inside a paragraph and at a new one. */
	char *hebrew = repeated("\xD7\x93\xD7\x95\xD7\x97 \xD7\xA9\xD7\xA0\xD7\xAA\xD7\x99 "
				"2024: report 12 \xD7\xA9\xD7\x9C \xD7\x94\xD7\x9E\xD7\x95\xD7\xA2"
				"\xD7\xA6\xD7\x94. \n", 9000);
	check_same_as_one_layout(f, hebrew, 250);
	free(hebrew);
}

/* Every text box of node lies inside [left_pt, right_pt] and their runs,
 * joined, are text. */
static void check_inside(struct layout_fixture *f, uint32_t node,
			 const char *text, double left_pt, double right_pt)
{
	size_t length = strlen(text), joined = 0;
	char *runs = malloc(length + 1);
	size_t boxes = 0;
	for (size_t p = 0; p < f->lo.list->page_count; p++) {
		const struct dl_page *page = &f->lo.list->pages[p];
		for (size_t i = 0; i < page->box_count; i++) {
			const struct dl_box *b = &page->boxes[i];
			if (b->kind != BOX_TEXT || b->node != node)
				continue;
			boxes++;
			assert_true(b->x_pt >= left_pt - SLACK_PT);
			assert_true(b->x_pt + b->width_pt <= right_pt + SLACK_PT);
			for (uint32_t r = 0; r < b->u.text.run_count; r++) {
				const struct dl_run *run = &b->u.text.runs[r];
				assert_true(joined + run->text_length <= length);
				memcpy(runs + joined, run->text, run->text_length);
				joined += run->text_length;
			}
		}
	}
	assert_true(boxes > 1);
	assert_int_equal(joined, length);
	assert_memory_equal(runs, text, length);
	free(runs);
}

#define LONG_WORD_BYTES 20000

static void test_long_word_in_a_paragraph(void **state)
{
	struct layout_fixture *f = *state;
	char *word = repeated("x", LONG_WORD_BYTES);
	struct layout_lines *lines = layout_measure_plain(&f->lo, word,
							  &f->style.body, 300,
							  ALIGN_LEFT);
	assert_true(lines->width_pt <= 300 + SLACK_PT);
	struct source_pos pos = { 1, 1 };
	uint32_t node = layout_add_node(&f->lo, ROLE_PARAGRAPH, pos);
	layout_place_lines(&f->lo, lines, 0, lines->line_count, 100, 0, node);
	layout_lines_free(lines);
	check_inside(f, node, word, 100, 400);
	free(word);
}

/* The nodes of the table's rows hold TD or TH cells; the last one added
 * is the cell of the row just placed. */
static uint32_t last_node(const struct layout_fixture *f, enum dl_role role)
{
	for (size_t n = f->lo.list->node_count; n-- > 0;)
		if (f->lo.list->nodes[n].role == role)
			return (uint32_t)n;
	fail();
	return 0;
}

static void test_long_word_in_a_cell_and_a_theme_row(void **state)
{
	struct layout_fixture *f = *state;
	char *word = repeated("y", LONG_WORD_BYTES);
	struct source_pos pos = { 1, 1 };
	double proportions[2] = { 0.3, 0.7 };
	struct layout_table table;
	layout_table_begin(&f->lo, &table, 2, proportions, NULL, pos);
	double left_pt = table.x_pt, split_pt = table.x_pt + table.widths_pt[0];
	double right_pt = split_pt + table.widths_pt[1];
	double padding_pt = f->style.table.padding_pt;

	struct layout_cell theme = layout_plain_cell(word, ALIGN_LEFT);
	layout_table_span_row(&f->lo, &table, &theme, 0, pos);
	uint32_t theme_node = last_node(f, ROLE_TABLE_HEADER);
	check_inside(f, theme_node, word, left_pt + padding_pt,
		     right_pt - padding_pt);

	struct layout_cell cells[2] = { layout_plain_cell("R1", ALIGN_LEFT),
					layout_plain_cell(word, ALIGN_LEFT) };
	layout_table_row(&f->lo, &table, cells, 1, 0, pos);
	uint32_t cell_node = last_node(f, ROLE_TABLE_CELL);
	check_inside(f, cell_node, word, split_pt + padding_pt,
		     right_pt - padding_pt);
	layout_table_end(&f->lo, &table);
	free(word);
}

/* Pango is given about as many bytes as the text has, in windows whose
 * size does not grow with it: four times the text, four times the work. */
static void check_linear(struct layout_fixture *f, const char *piece,
			 double width_pt)
{
	size_t small = 25000, large = 100000;
	char *a = repeated(piece, small), *b = repeated(piece, large);
	struct layout_lines *la = layout_measure_plain(&f->lo, a, &f->style.body,
						       width_pt, ALIGN_LEFT);
	struct layout_lines *lb = layout_measure_plain(&f->lo, b, &f->style.body,
						       width_pt, ALIGN_LEFT);
	assert_true(la->pango_bytes < 2 * small);
	assert_true(lb->pango_bytes < 2 * large);
	double per_byte_a = (double)la->pango_bytes / (double)strlen(a);
	double per_byte_b = (double)lb->pango_bytes / (double)strlen(b);
	assert_true(per_byte_b < per_byte_a * 1.1);
	assert_true(lb->pango_window_bytes_max <= la->pango_window_bytes_max);
	assert_true(lb->pango_window_bytes_max <= 8192);
	assert_true(lb->width_pt <= width_pt + SLACK_PT);
	/* Four times the text, four times the lines (give or take one). */
	assert_true(lb->line_count + 4 >= 4 * la->line_count &&
		    lb->line_count <= 4 * la->line_count + 4);
	layout_lines_free(la);
	layout_lines_free(lb);
	free(a);
	free(b);
}

static void test_work_is_linear_in_the_length(void **state)
{
	struct layout_fixture *f = *state;
	check_linear(f, "x", 150);                    /* one long word */
	check_linear(f, "abcdefgh ", 150);            /* a long name with spaces */
	check_linear(f, "Accountability\n", 400);     /* many short paragraphs */
}

/* Large type: lines many times the int range of Pango units tall in all
 * and words wider than the column. Lines stay in order, each as tall as
 * the type, inside the column unless one character is wider. */
static void check_large_type(struct layout_fixture *f, double size_pt)
{
	struct style_font font = fixture_font(size_pt, 0);
	char *text = repeated("abcdefgh ", 900);
	struct layout_lines *lines = layout_measure_plain(&f->lo, text, &font,
							  500, ALIGN_LEFT);
	assert_true(lines->line_count >= 100);
	/* From 9999 pt on, more than twice INT_MAX Pango units tall. */
	if (size_pt >= 9999)
		assert_true(lines->height_pt * PANGO_SCALE > 2.0 * INT32_MAX);
	for (size_t i = 0; i < lines->line_count; i++) {
		assert_true(lines->line_height_pt[i] >= size_pt);
		if (i > 0)
			assert_true(lines->line_top_pt[i] ==
				    lines->line_top_pt[i - 1] +
					    lines->line_height_pt[i - 1]);
	}
	struct source_pos pos = { 1, 1 };
	uint32_t node = layout_add_node(&f->lo, ROLE_PARAGRAPH, pos);
	layout_place_lines(&f->lo, lines, 0, lines->line_count, 0, 0, node);
	const struct dl_page *page = &f->lo.list->pages[f->lo.page];
	for (size_t i = 0; i < page->box_count; i++) {
		const struct dl_box *b = &page->boxes[i];
		if (b->kind != BOX_TEXT || b->node != node)
			continue;
		/* One grapheme per line when a glyph is wider than 500 pt. */
		assert_true(b->width_pt <= 500 + SLACK_PT ||
			    g_utf8_strlen(b->u.text.text, -1) == 1);
		assert_true(b->u.text.baseline_pt > 0 &&
			    b->u.text.baseline_pt < b->height_pt);
	}
	layout_lines_free(lines);
	free(text);
}

static void test_large_type_does_not_overflow(void **state)
{
	struct layout_fixture *f = *state;
	check_large_type(f, 72);
	check_large_type(f, 9999);
	check_large_type(f, 28346.4); /* 9999.9999mm, the largest a house style may say */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			test_windows_give_the_lines_of_one_layout, setup, teardown),
		cmocka_unit_test_setup_teardown(test_long_word_in_a_paragraph,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_long_word_in_a_cell_and_a_theme_row, setup, teardown),
		cmocka_unit_test_setup_teardown(test_work_is_linear_in_the_length,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_large_type_does_not_overflow,
						setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
