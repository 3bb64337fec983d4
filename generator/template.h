/* Workbook templates: an .xlsx an officer fills in with an appendix's rows,
 * one column per field of the readers' table (sheet_fields.h), so that what
 * a template writes the readers read back as the same model. The header
 * row is frozen and bold, columns are as wide as their contents, ratings
 * have a dropdown of the scale's codes and labels, due dates accept only
 * dates and numbers only numbers, measures' history is one "History
 * PERIOD" column per period, and a second sheet says what each column
 * holds. template_cells.c turns a model row into cells; template_write.c
 * writes the workbook with libxlsxwriter.
 *
 * Ownership: nothing returned is owned by the caller; the block and scale
 * are borrowed for the call. */
#ifndef TEMPLATE_H
#define TEMPLATE_H

#include <time.h>

#include "diag.h"
#include "sheet_fields.h"
#include "source.h"

/* What a template holds: the table's columns, the scale its rating
 * columns offer, and the rows of one block when filled from a source. */
struct template_spec {
	enum sheet_table table;
	const struct source_scale *scale;           /* never NULL */
	const struct source_assessment *assessment; /* rows, or NULL */
	const struct source_performance *performance; /* rows, or NULL */
	const char *sheet_name;                     /* "Assessment", "Measures" */
	time_t created;                             /* 0: now */
};

/* The scale a template offers when no source gives one: Red, Amber, Green
 * and Blue for assessments, On target, Within tolerance, Off target and
 * No data for performance. Static. */
const struct source_scale *template_default_scale(enum sheet_table table);

/* Writes spec's workbook to path whole or not at all (a temporary file in
 * path's folder renamed into place). 0, or -1 with an error in diags. */
int template_write(const char *path, const struct template_spec *spec,
		   struct diag_list *diags);

/* ---- a row's cells (template_cells.c) ---- */

enum template_cell_kind {
	TEMPLATE_EMPTY,
	TEMPLATE_TEXT,
	TEMPLATE_NUMBER,
	TEMPLATE_DATE,   /* text is an ISO date YYYY-MM-DD */
};

struct template_cell {
	enum template_cell_kind kind;
	const char *text;  /* TEXT and DATE: borrowed from the model */
	double number;     /* NUMBER */
};

/* One row of the sheet: a theme's item or a group's measure. */
struct template_row {
	const struct source_theme *theme;          /* assessments */
	const struct source_item *item;
	const struct source_measure_group *group;  /* performance */
	const struct source_measure *measure;
	int first_of_group;                        /* carries the group's own fields */
};

/* The cell of field in row. */
struct template_cell template_cell_of(const struct template_row *row,
				      enum sheet_field field);

/* The periods of p's measures' history, each once, in an order every
 * measure's history keeps (oldest first): the template's "History PERIOD"
 * columns. NULL when there is none; caller frees the array with free(),
 * the strings are borrowed from p. */
const char **template_history_periods(const struct source_performance *p,
				      size_t *count);

/* The measure's value in period, or an empty cell. */
struct template_cell template_history_cell(const struct template_row *row,
					   const char *period);

/* Whether text carries styling, links or references a cell cannot hold. */
int template_text_has_spans(const struct source_text *text);

#endif
