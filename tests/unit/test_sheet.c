/* The workbook reader's pieces: cell names both ways, date serials, the
 * field table (every heading and synonym finds its own field and no other),
 * CSV read from a file with its positions, a diagnostic at a named place
 * printed, sorted and carried across the worker wire. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "batch_wire.h"
#include "diag.h"
#include "memory.h"
#include "sheet_fields.h"
#include "sheet_internal.h"
#include "sheet_rows.h"

static void test_cell_names(void **state)
{
	(void)state;
	char buf[SHEET_CELL_NAME_BYTES];
	static const struct { uint32_t col; const char *name; } cases[] = {
		{ 1, "A1" }, { 26, "Z1" }, { 27, "AA1" }, { 52, "AZ1" }, { 256, "IV1" },
		{ 257, "IW1" }, { 16384, "XFD1" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		sheet_cell_name(cases[i].col, 1, buf);
		assert_string_equal(buf, cases[i].name);
		uint32_t col, row;
		assert_true(sheet_parse_ref(cases[i].name, &col, &row));
		assert_int_equal(col, cases[i].col);
		assert_int_equal(row, 1);
	}
	sheet_cell_name(4, 14, buf);
	assert_string_equal(buf, "D14");
	uint32_t col, row;
	assert_true(sheet_parse_ref("$D$14", &col, &row));
	assert_int_equal(col, 4);
	assert_int_equal(row, 14);
	assert_false(sheet_parse_ref("14", &col, &row));
	assert_false(sheet_parse_ref("D", &col, &row));
	assert_false(sheet_parse_ref("D1x", &col, &row));
	assert_false(sheet_parse_ref("ZZZZZZZZZ1", &col, &row));
}

static void test_serial_dates(void **state)
{
	(void)state;
	char iso[11];
	assert_int_equal(sheet_serial_date(1, 0, iso), 0);
	assert_string_equal(iso, "1900-01-01");
	assert_int_equal(sheet_serial_date(59, 0, iso), 0);
	assert_string_equal(iso, "1900-02-28");
	assert_int_equal(sheet_serial_date(60, 0, iso), -1); /* Lotus's 29 Feb 1900 */
	assert_int_equal(sheet_serial_date(61, 0, iso), 0);
	assert_string_equal(iso, "1900-03-01");
	assert_int_equal(sheet_serial_date(45473.75, 0, iso), 0);
	assert_string_equal(iso, "2024-06-30");
	assert_int_equal(sheet_serial_date(45657, 0, iso), 0);
	assert_string_equal(iso, "2024-12-31");
	assert_int_equal(sheet_serial_date(44011, 1, iso), 0); /* 1904 system */
	assert_string_equal(iso, "2024-06-30");
	assert_int_equal(sheet_serial_date(0, 0, iso), -1);
	assert_int_equal(sheet_serial_date(-5, 0, iso), -1);
	assert_int_equal(sheet_serial_date(3e6, 0, iso), -1);
}

static void check_table(enum sheet_table table)
{
	size_t count;
	const struct sheet_field_def *fields = sheet_fields(table, &count);
	assert_true(count > 5);
	for (size_t i = 0; i < count; i++) {
		const struct sheet_field_def *f = &fields[i];
		assert_ptr_equal(sheet_field_named(table, f->name), f);
		assert_ptr_equal(sheet_field_for_heading(table, f->name), f);
		assert_ptr_equal(sheet_field_for_heading(table, f->heading), f);
		assert_non_null(f->help);
		for (size_t s = 0; f->synonyms[s]; s++) {
			const struct sheet_field_def *found =
				sheet_field_for_heading(table, f->synonyms[s]);
			if (found != f)
				fail_msg("heading \"%s\" finds %s, not %s", f->synonyms[s],
					 found ? found->name : "nothing", f->name);
		}
	}
}

static void test_every_heading_finds_its_field(void **state)
{
	(void)state;
	check_table(SHEET_TABLE_ASSESSMENT);
	check_table(SHEET_TABLE_PERFORMANCE);
	/* Case, spaces and punctuation are ignored. */
	assert_int_equal(sheet_field_for_heading(SHEET_TABLE_ASSESSMENT, "  rag  STATUS ")->field,
			 FIELD_RATING);
	assert_int_equal(sheet_field_for_heading(SHEET_TABLE_PERFORMANCE, "Good is:")->field,
			 FIELD_POLARITY);
	assert_int_equal(sheet_field_for_heading(SHEET_TABLE_ASSESSMENT, "Previous")->type,
			 VALUE_CODE);
	assert_int_equal(sheet_field_for_heading(SHEET_TABLE_PERFORMANCE, "Previous")->type,
			 VALUE_NUMBER);
	assert_int_equal(sheet_field_for_heading(SHEET_TABLE_PERFORMANCE,
						 "Previous rating")->field,
			 FIELD_PREVIOUS_RATING);
	assert_null(sheet_field_for_heading(SHEET_TABLE_ASSESSMENT, "Notes"));
	assert_null(sheet_field_named(SHEET_TABLE_ASSESSMENT, "polarity"));
}

/* "History PERIOD" headings name a history column by its period; the
 * theme's description is a field of its own, not the characteristic. */
static void test_history_and_theme_description_headings(void **state)
{
	(void)state;
	char *period = sheet_history_period("history   2023-Q4 ");
	assert_string_equal(period, "2023-Q4");
	free(period);
	assert_null(sheet_history_period("History"));
	assert_null(sheet_history_period("History  "));
	assert_null(sheet_history_period("Historic 2023-Q4"));
	assert_null(sheet_history_period("Histories 2023"));
	assert_int_equal(sheet_field_for_heading(SHEET_TABLE_ASSESSMENT,
						 "Theme description")->field,
			 FIELD_GROUP_DESCRIPTION);
	assert_int_equal(sheet_field_for_heading(SHEET_TABLE_ASSESSMENT, "Description")->field,
			 FIELD_CHARACTERISTIC);
	assert_null(sheet_field_for_heading(SHEET_TABLE_PERFORMANCE, "Theme description"));
}

static char *write_temp(const char *name, const char *text)
{
	char *dir = mem_strdup("/tmp/committee-sheet.XXXXXX");
	assert_non_null(mkdtemp(dir));
	char *path = mem_printf("%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(dir);
	return path;
}

static void remove_temp(char *path)
{
	unlink(path);
	char *slash = strrchr(path, '/');
	*slash = '\0';
	rmdir(path);
	free(path);
}

static void test_csv_rows_and_positions(void **state)
{
	(void)state;
	char *path = write_temp("rows.csv", "Theme,Ref,Characteristic,Rating\n\n"
				"Gov,CI001,\"Open,\nclear\",green\n,CI002,Trained,\n");
	struct diag_list diags = { 0 };
	struct sheet_origin origin = { "paper.xml", 3, 7 };
	struct sheet *sheet = sheet_read(path, NULL, &origin, &diags);
	assert_non_null(sheet);
	assert_int_equal(sheet->row_count, 3);
	assert_int_equal(sheet->rows[1].row, 3); /* after the blank line */
	assert_int_equal(sheet->rows[2].row, 5); /* after the quoted line break */
	assert_string_equal(sheet_cell_at(&sheet->rows[1], 3)->text, "Open,\nclear");
	assert_null(sheet_cell_at(&sheet->rows[2], 1));
	static const char *const codes[] = { "R", "A", "G" };
	static const char *const labels[] = { "Red", "Amber", "Green" };
	struct sheet_rows_options options = { .table = SHEET_TABLE_ASSESSMENT,
					      .codes = codes, .labels = labels,
					      .code_count = 3, .origin = &origin };
	struct sheet_rows *rows = sheet_rows_map(sheet, &options, &diags);
	assert_non_null(rows);
	assert_int_equal(diags.count, 0);
	assert_int_equal(rows->group_count, 1);
	assert_int_equal(rows->record_count, 2);
	assert_string_equal(rows->records[0].values[FIELD_CHARACTERISTIC].text, "Open, clear");
	assert_string_equal(rows->records[0].values[FIELD_RATING].text, "G");
	assert_false(rows->records[1].values[FIELD_RATING].present);
	assert_int_equal(rows->records[1].group, 0);
	sheet_rows_free(rows);
	sheet_free(sheet);
	diag_list_free(&diags);
	remove_temp(path);
}

static void test_named_place_printed_sorted_and_sent(void **state)
{
	(void)state;
	struct diag_list diags = { 0 };
	diag_add_at(&diags, DIAG_ERROR, "q3.xlsx", "Measures!D14", 14, 4, "second");
	diag_add_at(&diags, DIAG_ERROR, "q3.xlsx", "Measures!D9", 9, 4, "first");
	diag_add(&diags, DIAG_WARNING, "paper.xml", 3, 1, "plain");
	diag_sort(&diags);
	assert_string_equal(diags.items[1].message, "first"); /* row 9 before row 14 */
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);
	diag_print(&diags, out);
	fclose(out);
	assert_string_equal(text, "paper.xml:3:1: warning: plain\n"
				  "q3.xlsx:Measures!D9: error: first\n"
				  "q3.xlsx:Measures!D14: error: second\n");
	free(text);
	unsigned char *wire;
	size_t wire_size;
	batch_wire_encode(7, 1, &diags, &wire, &wire_size);
	struct diag_list back = { 0 };
	uint32_t job;
	int status;
	assert_int_equal(batch_wire_decode(wire + 4, wire_size - 4, &job, &status, &back), 0);
	assert_int_equal(back.count, 3);
	assert_null(back.items[0].where);
	assert_string_equal(back.items[2].where, "Measures!D14");
	assert_int_equal(back.items[2].line, 14);
	struct diag_list copied = { 0 };
	diag_copy(&copied, &back.items[1]);
	assert_string_equal(copied.items[0].where, "Measures!D9");
	free(wire);
	diag_list_free(&diags);
	diag_list_free(&back);
	diag_list_free(&copied);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cell_names),
		cmocka_unit_test(test_serial_dates),
		cmocka_unit_test(test_every_heading_finds_its_field),
		cmocka_unit_test(test_history_and_theme_description_headings),
		cmocka_unit_test(test_csv_rows_and_positions),
		cmocka_unit_test(test_named_place_printed_sorted_and_sent),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
