/* Rows that break well: a row taller than the space left on a page is
 * split there with at least two lines of each cell on each side, rather
 * than moved whole leaving a gap; a row moves whole only when the gap it
 * leaves is small (a few lines) and it fits the next page. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "layout_fixture.h"
#include "table_checks.h"

static int setup(void **state)
{
	*state = layout_fixture_new();
	return 0;
}

static int teardown(void **state)
{
	layout_fixture_free(*state);
	return 0;
}

static struct layout_cell cell(const char *text)
{
	return layout_plain_cell(text, ALIGN_LEFT);
}

static const double columns[3] = { 0.15, 0.35, 0.5 };

static void begin(struct layout *lo, struct layout_table *table,
		  struct layout_cell *header)
{
	header[0] = cell("Ref");
	header[1] = cell("Name");
	header[2] = cell("Notes");
	struct source_pos pos = { 1, 1 };
	layout_table_begin(lo, table, 3, columns, header, pos);
}

/* Filler that takes exactly lines lines in column of table. Caller frees. */
static char *text_of_lines(struct layout *lo, const struct layout_table *table,
			   size_t column, size_t lines, size_t seed)
{
	double inner_pt = table->widths_pt[column] - 2 * lo->style->table.padding_pt;
	for (size_t words = 1; words < 2000; words++) {
		char *text = filler(words, seed);
		struct layout_lines *measured = layout_measure_plain(
			lo, text, &lo->style->table.cell_font, inner_pt, ALIGN_LEFT);
		size_t count = measured->line_count;
		layout_lines_free(measured);
		if (count == lines)
			return text;
		free(text);
		if (count > lines)
			break;
	}
	fail_msg("no filler of %zu lines", lines);
	return NULL;
}

/* Height of one line of the cell font. */
static double line_pt(struct layout *lo)
{
	struct layout_lines *lines = layout_measure_plain(
		lo, "Xg", &lo->style->table.cell_font, 1e5, ALIGN_LEFT);
	double height_pt = lines->height_pt;
	layout_lines_free(lines);
	return height_pt;
}

/* One-line rows until no more than gap_lines lines (and padding) are left
 * below them on the first page. */
static void fill_page(struct layout *lo, struct layout_table *table,
		      double gap_lines)
{
	double target_pt = gap_lines * line_pt(lo) +
			   2 * lo->style->table.padding_pt;
	struct source_pos pos = { 2, 1 };
	while (layout_space_left(lo) > target_pt + 30 || lo->list->page_count == 0) {
		struct layout_cell cells[3] = { cell("S"), cell("Short"),
						cell("One line.") };
		layout_table_row(lo, table, cells, 1, 0, pos);
		pos.line++;
		assert_int_equal(lo->list->page_count, 1);
	}
	/* The rows are about one line each: come to the gap exactly. */
	lo->y_pt = lo->bottom_pt - target_pt;
}

static uint32_t row_at_line(const struct display_list *list, uint32_t line)
{
	for (uint32_t n = 0; n < list->node_count; n++)
		if (list->nodes[n].role == ROLE_TABLE_ROW &&
		    list->nodes[n].pos.line == line)
			return n;
	fail_msg("no row of line %u", line);
	return 0;
}

static uint32_t nth_cell(const struct display_list *list, uint32_t row, size_t n)
{
	for (uint32_t c = row + 1; c < list->node_count; c++)
		if (list->nodes[c].parent == row && n-- == 0)
			return c;
	fail_msg("row %u has no cell %zu", row, n);
	return 0;
}

/* Eight lines left, a row of twelve: split 8 + 4, where a row under a
 * third of a page used to move whole and leave the eight lines empty. */
static void test_row_taller_than_the_gap_splits(void **state)
{
	struct layout_fixture *f = *state;
	struct layout_cell header[3];
	struct layout_table table;
	begin(&f->lo, &table, header);
	fill_page(&f->lo, &table, 8.5);
	char *notes = text_of_lines(&f->lo, &table, 2, 12, 3);
	struct layout_cell cells[3] = { cell("T"), cell("Tall"), cell(notes) };
	struct source_pos pos = { 500, 1 };
	layout_table_row(&f->lo, &table, cells, 1, 0, pos);
	layout_table_end(&f->lo, &table);

	const struct display_list *list = f->lo.list;
	assert_int_equal(list->page_count, 2);
	uint32_t row = row_at_line(list, 500);
	uint32_t notes_cell = nth_cell(list, row, 2);
	assert_int_equal(node_lines_on_page(list, 0, notes_cell), 8);
	assert_int_equal(node_lines_on_page(list, 1, notes_cell), 4);
	assert_int_equal(check_splits_keep_two_lines(list, table.node, "split"), 1);
	assert_true(table_boxes_inside(list, &f->style));
	assert_true(table_text_disjoint(list));
	free(notes);
}

/* Five lines left and a cell of six: five would leave one alone, so four
 * go first and two follow; the short cell beside it goes whole on the
 * first page. */
static void test_split_keeps_two_lines_a_side(void **state)
{
	struct layout_fixture *f = *state;
	struct layout_cell header[3];
	struct layout_table table;
	begin(&f->lo, &table, header);
	fill_page(&f->lo, &table, 5.5);
	char *name = text_of_lines(&f->lo, &table, 1, 3, 4);
	char *notes = text_of_lines(&f->lo, &table, 2, 6, 5);
	struct layout_cell cells[3] = { cell("W"), cell(name), cell(notes) };
	struct source_pos pos = { 500, 1 };
	layout_table_row(&f->lo, &table, cells, 1, 0, pos);
	layout_table_end(&f->lo, &table);

	const struct display_list *list = f->lo.list;
	uint32_t row = row_at_line(list, 500);
	assert_int_equal(node_lines_on_page(list, 0, nth_cell(list, row, 1)), 3);
	assert_int_equal(node_lines_on_page(list, 1, nth_cell(list, row, 1)), 0);
	assert_int_equal(node_lines_on_page(list, 0, nth_cell(list, row, 2)), 4);
	assert_int_equal(node_lines_on_page(list, 1, nth_cell(list, row, 2)), 2);
	assert_int_equal(check_splits_keep_two_lines(list, table.node, "widows"), 1);
	free(name);
	free(notes);
}

/* Two and a half lines left: no split keeps two lines of every cell on
 * each side and the gap is small, so the row moves whole. */
static void test_row_moves_over_a_small_gap(void **state)
{
	struct layout_fixture *f = *state;
	struct layout_cell header[3];
	struct layout_table table;
	begin(&f->lo, &table, header);
	fill_page(&f->lo, &table, 2.5);
	char *notes = text_of_lines(&f->lo, &table, 2, 6, 6);
	struct layout_cell cells[3] = { cell("M"), cell("Moves"), cell(notes) };
	struct source_pos pos = { 500, 1 };
	layout_table_row(&f->lo, &table, cells, 1, 0, pos);
	layout_table_end(&f->lo, &table);

	const struct display_list *list = f->lo.list;
	uint32_t notes_cell = nth_cell(list, row_at_line(list, 500), 2);
	assert_int_equal(node_lines_on_page(list, 0, notes_cell), 0);
	assert_int_equal(node_lines_on_page(list, 1, notes_cell), 6);
	free(notes);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_row_taller_than_the_gap_splits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_split_keeps_two_lines_a_side, setup, teardown),
		cmocka_unit_test_setup_teardown(test_row_moves_over_a_small_gap, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
