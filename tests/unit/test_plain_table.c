/* Plain tables: figures formatted as councils print them (money with £,
 * commas and brackets, £m to one decimal, rounding half away from zero on
 * the digits as written), right-aligned on the decimal point; a spanning
 * cell tagged with its span; the heading row repeated on later pages as an
 * artifact; and the totals row never on a page without the last body row. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "layout_fixture.h"
#include "layout_checks.h"

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

static void expect_format(const char *text, enum source_format format,
			  const char *expected)
{
	char *got = layout_format_number(text, format);
	if (strcmp(got, expected) != 0)
		fail_msg("\"%s\" printed \"%s\", expected \"%s\"", text, got,
			 expected);
	free(got);
}

static void test_money(void **state)
{
	(void)state;
	expect_format("1234567", FORMAT_MONEY, "\xC2\xA3" "1,234,567");
	expect_format("-1234", FORMAT_MONEY, "(\xC2\xA3" "1,234)");
	expect_format("0", FORMAT_MONEY, "\xC2\xA3" "0");
	expect_format("007", FORMAT_MONEY, "\xC2\xA3" "7");
	expect_format("999", FORMAT_MONEY, "\xC2\xA3" "999");
	expect_format("1000", FORMAT_MONEY, "\xC2\xA3" "1,000");
	expect_format("123456789012", FORMAT_MONEY,
		      "\xC2\xA3" "123,456,789,012");
	expect_format(" 42 ", FORMAT_MONEY, "\xC2\xA3" "42");
}

static void test_money_rounding(void **state)
{
	(void)state;
	/* Half away from zero, on the digits as written. */
	expect_format("1234567.5", FORMAT_MONEY, "\xC2\xA3" "1,234,568");
	expect_format("1234567.49", FORMAT_MONEY, "\xC2\xA3" "1,234,567");
	expect_format("-1250.50", FORMAT_MONEY, "(\xC2\xA3" "1,251)");
	expect_format("999999.5", FORMAT_MONEY, "\xC2\xA3" "1,000,000");
	expect_format("0.5", FORMAT_MONEY, "\xC2\xA3" "1");
	/* A figure that rounds to nothing is not negative. */
	expect_format("-0.4", FORMAT_MONEY, "\xC2\xA3" "0");
}

static void test_money_millions(void **state)
{
	(void)state;
	expect_format("12345678", FORMAT_MONEY_MILLIONS, "12.3");
	expect_format("12350000", FORMAT_MONEY_MILLIONS, "12.4");
	expect_format("-12350000", FORMAT_MONEY_MILLIONS, "(12.4)");
	expect_format("1234567890", FORMAT_MONEY_MILLIONS, "1,234.6");
	expect_format("999950000", FORMAT_MONEY_MILLIONS, "1,000.0");
	expect_format("50000", FORMAT_MONEY_MILLIONS, "0.1");
	expect_format("49999.99", FORMAT_MONEY_MILLIONS, "0.0");
	expect_format("-40000", FORMAT_MONEY_MILLIONS, "0.0");
	expect_format("0", FORMAT_MONEY_MILLIONS, "0.0");
}

static void test_numbers_and_text(void **state)
{
	(void)state;
	expect_format("1234.50", FORMAT_NUMBER, "1,234.50");
	expect_format("-5", FORMAT_NUMBER, "-5");
	expect_format("2.675", FORMAT_NUMBER, "2.675");
	expect_format("0.25", FORMAT_NUMBER, "0.25");
	/* Not a figure, or a text column: as written. */
	expect_format("\xE2\x80\x93", FORMAT_MONEY, "\xE2\x80\x93");
	expect_format("", FORMAT_MONEY, "");
	expect_format("1234567", FORMAT_TEXT, "1234567");
}

/* ---- tables built in code ---- */

struct table_builder {
	struct source_table table;
	struct source_column columns[3];
	struct source_row header, rows[200], totals;
	struct source_cell cells[203][3];
};

static void fill_row(struct source_row *row, struct source_cell *cells,
		     const char *a, const char *b, const char *c, unsigned line)
{
	const char *texts[3] = { a, b, c };
	row->cells = cells;
	row->cell_count = 0;
	row->pos = (struct source_pos){ line, 7 };
	for (size_t i = 0; i < 3 && texts[i]; i++) {
		memset(&cells[i], 0, sizeof cells[i]);
		cells[i].text.text = texts[i];
		cells[i].span = 1;
		row->cell_count++;
	}
}

/* Service, Budget (money), Variance (£m); rows of "Service N". */
static struct table_builder *budget_table(size_t rows, int totals)
{
	struct table_builder *b = calloc(1, sizeof *b);
	b->columns[0].format = FORMAT_TEXT;
	b->columns[1].format = FORMAT_MONEY;
	b->columns[2].format = FORMAT_MONEY_MILLIONS;
	b->table.columns = b->columns;
	b->table.column_count = 3;
	b->table.caption.text = "Table 1: Budget";
	fill_row(&b->header, b->cells[0], "Service", "Budget", "Variance £m", 2);
	b->table.header = &b->header;
	static char names[200][24];
	for (size_t r = 0; r < rows; r++) {
		snprintf(names[r], sizeof names[r], "Service %zu", r + 1);
		fill_row(&b->rows[r], b->cells[r + 1], names[r],
			 r % 2 ? "1234567" : "-20", r % 2 ? "12345678" : "-50000",
			 (unsigned)r + 3);
	}
	b->table.rows = b->rows;
	b->table.row_count = rows;
	if (totals) {
		fill_row(&b->totals, b->cells[202], "Total", "99", "0", 300);
		b->table.totals = &b->totals;
	}
	b->table.row_headings = 1;
	return b;
}

static void lay_out(struct layout *lo, const struct source_table *table)
{
	layout_plain_table(lo, table, lo->style->page.margin_left_pt,
			   layout_content_width(lo));
}

static const struct dl_box *text_box(const struct display_list *list,
				     const char *text, size_t *page)
{
	const struct dl_box *box = find_text(list, text, page);
	if (!box)
		fail_msg("no text \"%s\"", text);
	return box;
}

static void test_decimal_points_line_up(void **state)
{
	struct layout_fixture *f = *state;
	struct table_builder *b = budget_table(4, 0);
	lay_out(&f->lo, &b->table);
	const struct display_list *list = f->lo.list;
	const struct dl_box *positive = text_box(list, "\xC2\xA3" "1,234,567", NULL);
	const struct dl_box *negative = text_box(list, "(\xC2\xA3" "20)", NULL);
	const struct dl_box *bracket = text_box(list, "(0.1)", NULL);
	const struct dl_box *millions = text_box(list, "12.3", NULL);
	const struct dl_box *heading = text_box(list, "Budget", NULL);
	/* The bracket hangs right of the digits: the last digits line up. */
	double positive_end = positive->x_pt + positive->width_pt;
	double negative_end = negative->x_pt + negative->width_pt;
	assert_true(negative_end - positive_end > 1);
	assert_true(negative_end - positive_end < 6);
	double bracket_end = bracket->x_pt + bracket->width_pt;
	double millions_end = millions->x_pt + millions->width_pt;
	assert_true(bracket_end - millions_end > 1);
	/* Figures are right of the text, the heading over them. */
	assert_true(positive->x_pt > text_box(list, "Service 1", NULL)->x_pt + 50);
	assert_true(fabs(heading->x_pt + heading->width_pt - negative_end) < 0.5);
	free(b);
}

static void test_caption_and_tags(void **state)
{
	struct layout_fixture *f = *state;
	struct table_builder *b = budget_table(3, 1);
	/* The heading's last two columns as one cell. */
	b->header.cell_count = 2;
	b->header.cells[1].span = 2;
	b->header.cells[1].text.text = "Figures";
	lay_out(&f->lo, &b->table);
	const struct display_list *list = f->lo.list;
	const struct dl_box *caption = text_box(list, "Table 1: Budget", NULL);
	assert_int_equal(box_role(list, caption), ROLE_PARAGRAPH);
	const struct dl_box *figures = text_box(list, "Figures", NULL);
	const struct dl_node *th = &list->nodes[figures->node];
	assert_int_equal(th->role, ROLE_TABLE_HEADER);
	assert_int_equal(th->col_span, 2);
	assert_true(figures->y_pt > caption->y_pt);
	/* Row headings: each row's first cell is a TH beside TDs. */
	assert_int_equal(box_role(list, text_box(list, "Service 2", NULL)),
			 ROLE_TABLE_HEADER);
	assert_int_equal(box_role(list, text_box(list, "Total", NULL)),
			 ROLE_TABLE_HEADER);
	assert_int_equal(box_role(list, text_box(list, "\xC2\xA3" "99", NULL)),
			 ROLE_TABLE_CELL);
	free(b);
}

/* Grows the table a row at a time: it must come to a length where the
 * last body row would fit on the first page and the totals not, and there
 * the last body row goes over with the totals. The heading row is on
 * every page, as an artifact after the first. */
static void test_totals_kept_with_last_row(void **state)
{
	(void)state;
	int kept_seen = 0, split_seen = 0;
	for (size_t rows = 5; rows < 80 && !kept_seen; rows++) {
		struct layout_fixture *f = layout_fixture_new();
		struct table_builder *b = budget_table(rows, 1);
		lay_out(&f->lo, &b->table);
		const struct display_list *list = f->lo.list;
		char last_name[24], before_name[24];
		snprintf(last_name, sizeof last_name, "Service %zu", rows);
		snprintf(before_name, sizeof before_name, "Service %zu", rows - 1);
		size_t total_page = 0, last_page = 0, before_page = 0;
		text_box(list, "Total", &total_page);
		text_box(list, last_name, &last_page);
		text_box(list, before_name, &before_page);
		assert_int_equal(total_page, last_page);
		if (list->page_count == 2) {
			split_seen = 1;
			int repeated = 0;
			for (size_t i = 0; i < list->pages[1].box_count; i++) {
				const struct dl_box *box = &list->pages[1].boxes[i];
				repeated |= box->kind == BOX_TEXT &&
					    strcmp(box->u.text.text, "Service") == 0 &&
					    is_artifact(list, box);
			}
			assert_true(repeated);
		}
		if (last_page == 1 && before_page == 0)
			kept_seen = 1;
		free(b);
		layout_fixture_free(f);
	}
	assert_true(split_seen);
	assert_true(kept_seen);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_money),
		cmocka_unit_test(test_money_rounding),
		cmocka_unit_test(test_money_millions),
		cmocka_unit_test(test_numbers_and_text),
		cmocka_unit_test_setup_teardown(test_decimal_points_line_up, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_caption_and_tags, setup,
						teardown),
		cmocka_unit_test(test_totals_kept_with_last_row),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
