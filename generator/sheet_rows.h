/* A sheet's rows as an appendix's records: the header row (the first with
 * content) mapped onto the fields of sheet_fields.h, every cell read as
 * its field's type (ratings as code or label, normalised to the code;
 * dates; numbers and percentages) and every problem reported at its cell.
 * Rows group into themes (assessments) or groups (performance) by their
 * theme cell, or by a row holding only a theme, in order of first use.
 *
 * Ownership: sheet_rows_map returns rows the caller frees with
 * sheet_rows_free(); they borrow the sheet, which must outlive them. */
#ifndef SHEET_ROWS_H
#define SHEET_ROWS_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "sheet.h"
#include "sheet_fields.h"

/* A <column field= header=/> of the source: where the field's cells are. */
struct sheet_column_choice {
	const char *field;           /* a vocabulary name: "rating" */
	const char *header;          /* the heading in the sheet: "RAG Status" */
	struct sheet_origin at;      /* the <column> element, for messages */
};

struct sheet_rows_options {
	enum sheet_table table;
	const struct sheet_column_choice *columns;
	size_t column_count;
	const char *const *codes;    /* the block's scale: codes … */
	const char *const *labels;   /* … and their labels (NULL entries allowed) */
	size_t code_count;
	const struct sheet_origin *origin; /* the block, for sheet-wide problems */
};

struct sheet_value {
	int present;
	const char *text;            /* collapsed text; a code, an ISO date, or a
	                                number as written; NULL when absent */
	double number;               /* VALUE_NUMBER */
	uint32_t col;                /* where it came from (0 when absent) */
};

struct sheet_history_value {
	const char *period;          /* from the column's "History PERIOD" heading */
	double value;
};

struct sheet_record {
	uint32_t row;
	struct sheet_history_value *history; /* oldest first; may be NULL */
	size_t history_count;
	size_t group;                /* index into groups */
	struct sheet_value values[FIELD_COUNT];
};

struct sheet_group {
	const char *name;
	const char *ref;             /* FIELD_GROUP_REF, or NULL */
	const char *description;     /* FIELD_GROUP_DESCRIPTION, or NULL */
	uint32_t row, col;           /* where the group is first named */
	size_t first, count;         /* its records, in records[] */
};

struct sheet_rows {
	const struct sheet *sheet;
	enum sheet_table table;
	struct sheet_group *groups;
	size_t group_count;
	struct sheet_record *records; /* ordered by group, then by row */
	size_t record_count;
	struct sheet_rows_private *private;
};

/* Records of sheet, errors and notes in diags. NULL when the header row
 * cannot be mapped (no rows, a required column missing, a <column> that
 * names no heading); otherwise the rows that could be read, even when some
 * cells had errors, so that later rules still see every reference. */
struct sheet_rows *sheet_rows_map(const struct sheet *sheet,
				  const struct sheet_rows_options *options,
				  struct diag_list *diags);

void sheet_rows_free(struct sheet_rows *rows);

/* "B5" (workbooks) or "line 5" (CSV): a place for a message. Into buf of
 * at least SHEET_PLACE_BYTES. */
#define SHEET_PLACE_BYTES 48
void sheet_place(const struct sheet *sheet, uint32_t row, uint32_t col, char *buf);

#endif
