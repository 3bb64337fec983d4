/* What the workbook fuzz targets and the corpus replay check for one
 * input: written to a file named like a workbook of that format, read by
 * sheet_read and mapped as both tables. A sheet comes back only without
 * errors and then keeps its promises (rows in order, cells by column,
 * within the limits); the mapped records are grouped as the header says.
 * Any broken promise traps. */
#ifndef FUZZ_SHEET_H
#define FUZZ_SHEET_H

#include <stddef.h>
#include <stdint.h>

#include "fuzz_file.h"
#include "sheet.h"
#include "sheet_rows.h"

static inline void fuzz_sheet_promise(int kept)
{
	if (!kept)
		__builtin_trap();
}

static inline void fuzz_sheet_rows(const struct sheet *sheet, enum sheet_table table,
				   struct diag_list *diags)
{
	static const char *const codes[] = { "R", "A", "G" };
	static const char *const labels[] = { "Red", "Amber", "Green" };
	static const struct sheet_origin origin = { "fuzz.xml", 1, 1 };
	struct sheet_rows_options options = {
		.table = table, .codes = codes, .labels = labels, .code_count = 3,
		.origin = &origin,
	};
	struct sheet_rows *rows = sheet_rows_map(sheet, &options, diags);
	if (rows) {
		size_t seen = 0;
		for (size_t g = 0; g < rows->group_count; g++) {
			fuzz_sheet_promise(rows->groups[g].first == seen);
			seen += rows->groups[g].count;
		}
		fuzz_sheet_promise(seen == rows->record_count);
	}
	sheet_rows_free(rows);
}

static inline void fuzz_sheet_one(const uint8_t *data, size_t size, const char *name)
{
	struct diag_list diags = { 0 };
	static const struct sheet_origin origin = { "fuzz.xml", 1, 1 };
	const char *path = fuzz_write(name, data, size);
	struct sheet *sheet = sheet_read(path, NULL, &origin, &diags);
	fuzz_sheet_promise((sheet != NULL) == !diag_has_errors(&diags));
	if (sheet) {
		fuzz_sheet_promise(sheet->row_count <= SHEET_MAX_ROWS);
		for (size_t i = 0; i < sheet->row_count; i++) {
			const struct sheet_row *row = &sheet->rows[i];
			fuzz_sheet_promise(i == 0 || row->row > sheet->rows[i - 1].row);
			fuzz_sheet_promise(row->cell_count > 0);
			for (size_t k = 0; k < row->cell_count; k++) {
				const struct sheet_cell *c = &row->cells[k];
				fuzz_sheet_promise(c->text && c->col >= 1 &&
						   c->col <= SHEET_MAX_COLUMNS);
				fuzz_sheet_promise(k == 0 || c->col > row->cells[k - 1].col);
			}
		}
		fuzz_sheet_rows(sheet, SHEET_TABLE_ASSESSMENT, &diags);
		fuzz_sheet_rows(sheet, SHEET_TABLE_PERFORMANCE, &diags);
	}
	for (size_t i = 0; i < diags.count; i++)
		fuzz_sheet_promise(diags.items[i].message[0] != '\0');
	sheet_free(sheet);
	diag_list_free(&diags);
}

#endif
