/* Private to the workbook readers (generator/sheet*.c): how a reader adds
 * rows and cells to a sheet under the limits, reports a problem with the
 * file as a whole, and reads the XML parts of a zip. */
#ifndef SHEET_INTERNAL_H
#define SHEET_INTERNAL_H

#include <libxml/xmlreader.h>
#include <stdint.h>

#include "memory.h"
#include "sheet.h"

struct sheet_merge {
	uint32_t first_row, first_col, last_row, last_col;
};

struct sheet_private {
	struct arena *arena;
	const struct sheet_origin *origin;
	struct diag_list *diags;
	size_t row_capacity;
	struct sheet_cell *cells; /* the row being read */
	size_t cell_count, cell_capacity;
	uint32_t row, last_row;   /* the row being read; the last one kept */
	int row_hidden, in_row;
	size_t hidden_rows;       /* how many rows were hidden */
	uint32_t first_hidden;
	struct sheet_merge *merges;
	size_t merge_count, merge_capacity;
	size_t cells_held;        /* cells kept so far, against SHEET_MAX_CELLS */
	size_t text_held;         /* their text, against SHEET_MAX_TEXT_BYTES */
	int failed;               /* an error was reported */
};

/* sheet.c: the builder. Each returns 0, or -1 after reporting an error
 * (too many rows or columns, a cell too long); the reader then stops. */
struct sheet *sheet_new(const char *path, enum sheet_format format,
			const struct sheet_origin *origin, struct diag_list *diags);
int sheet_begin_row(struct sheet *sheet, uint32_t row, int hidden);
int sheet_add_cell(struct sheet *sheet, uint32_t col, enum sheet_cell_kind kind,
		   const char *text, size_t length, double number, int percent);
void sheet_end_row(struct sheet *sheet);
/* A merged range whose first cell's value the others show. */
int sheet_add_merge(struct sheet *sheet, struct sheet_merge merge);
/* After the last row: merged ranges filled, hidden rows noted. Returns
 * sheet, or NULL after an error (the ranges would fill past
 * SHEET_MAX_CELLS) with the sheet freed. */
struct sheet *sheet_finish(struct sheet *sheet);
char *sheet_strdup(struct sheet *sheet, const char *s);

/* An error about the workbook as a whole, at the source's src attribute,
 * the workbook's path first. */
void sheet_fail(struct sheet *sheet, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sheet_origin_error(const struct sheet_origin *origin, struct diag_list *diags,
			const char *path, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* "D14" → column 4, row 14; 0 when the reference is not of that shape. */
int sheet_parse_ref(const char *ref, uint32_t *col, uint32_t *row);

/* sheet_zip.c: a zip archive checked as a whole when opened (entry count,
 * names leaving the archive, encryption), whose parts are read as XML by
 * libxml2's streaming reader, inflating as they go under the part and total
 * limits, with no DTD, entities or network. */
struct sheet_zip;
struct sheet_zip *sheet_zip_open(struct sheet *sheet);
void sheet_zip_close(struct sheet_zip *zip);
int sheet_zip_has(const struct sheet_zip *zip, const char *name);

struct sheet_part;
/* NULL when the part is not there (nothing reported) . */
struct sheet_part *sheet_part_open(struct sheet_zip *zip, const char *name);
/* The next node: 1, 0 at the end, -1 after reporting why not (not
 * well-formed, a DOCTYPE, past a limit). */
int sheet_part_next(struct sheet_part *part);
xmlTextReaderPtr sheet_part_reader(struct sheet_part *part);
void sheet_part_close(struct sheet_part *part);

/* Helpers over the reader's current node. */
int sheet_xml_is(xmlTextReaderPtr r, int type, const char *local_name);
/* An attribute by local name, whatever its prefix; caller frees with
 * xmlFree. */
char *sheet_xml_attr(xmlTextReaderPtr r, const char *local_name);

/* A growing byte buffer for cell text, refusing past SHEET_MAX_CELL_BYTES. */
struct sheet_text {
	char *bytes;
	size_t length, capacity;
	int too_long;
};
void sheet_text_put(struct sheet_text *t, const char *s, size_t n);
void sheet_text_clear(struct sheet_text *t);
void sheet_text_free(struct sheet_text *t);

/* The readers. */
struct sheet *sheet_read_xlsx(const char *path, const char *sheet_name,
			      const struct sheet_origin *origin,
			      struct diag_list *diags);
struct sheet *sheet_read_ods(const char *path, const char *sheet_name,
			     const struct sheet_origin *origin,
			     struct diag_list *diags);
struct sheet *sheet_read_csv(const char *path, const struct sheet_origin *origin,
			     struct diag_list *diags);

#endif
