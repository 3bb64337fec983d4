/* Workbooks in: one sheet of an .xlsx, .ods or .csv file read as rows of
 * cells, each cell remembering its row and column so that every problem
 * found in it is reported at that cell ("q3.xlsx:Measures!D14: error: …",
 * "q3.csv:14:4: error: …"). The readers are one file each (sheet_xlsx.c,
 * sheet_ods.c, sheet_csv.c); sheet_zip.c holds what both zip formats share;
 * sheet_fields.c is the one table of field names and header synonyms, and
 * sheet_rows.c maps a sheet's header row onto it. Nothing here knows about
 * the document model: the load stage turns mapped rows into it.
 *
 * Workbooks are hostile until read: every limit below is refused with an
 * error, never truncated silently.
 *
 * Ownership: sheet_read returns a sheet the caller frees with sheet_free();
 * every pointer inside it is borrowed from the sheet. */
#ifndef SHEET_H
#define SHEET_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

/* ---- limits, in one place ---- */
#define SHEET_MAX_FILE_BYTES (64u << 20)      /* the workbook file itself */
#define SHEET_MAX_PART_BYTES (256u << 20)     /* one part of a zip, inflated */
#define SHEET_MAX_INFLATED_BYTES (512u << 20) /* all parts read, inflated */
#define SHEET_MAX_ENTRIES 10000u              /* files inside a zip */
#define SHEET_MAX_ROWS 100000u                /* rows with content */
#define SHEET_MAX_COLUMNS 256u                /* columns with content (A … IV) */
#define SHEET_MAX_CELL_BYTES 32767u           /* Excel's own limit for a cell */
/* What a sheet holds once read: a few bytes of a sheet can say "this 30 KB
 * string, 256 columns by 100,000 rows" (an .ods repeat, an .xlsx shared
 * string, a merged range), so the cells are bounded, not only the file. */
#define SHEET_MAX_CELLS 4000000u              /* cells with content, merges filled */
#define SHEET_MAX_TEXT_BYTES (128u << 20)     /* the text of all those cells */
#define SHEET_MAX_STRINGS 1000000u            /* an .xlsx shared strings table */
#define SHEET_MAX_STYLES 65536u               /* an .xlsx cell formats table */
#define SHEET_MAX_MERGES 10000u               /* merged ranges in a sheet */
#define SHEET_MAX_SHEETS 1000u                /* sheets in a workbook */

enum sheet_format { SHEET_FORMAT_CSV, SHEET_FORMAT_XLSX, SHEET_FORMAT_ODS };

enum sheet_cell_kind {
	SHEET_CELL_TEXT,     /* text as typed; rich text runs joined */
	SHEET_CELL_NUMBER,   /* number; text is how the number reads (%.15g) */
	SHEET_CELL_DATE,     /* a date cell; text is its ISO date YYYY-MM-DD */
	SHEET_CELL_BOOLEAN,  /* text is TRUE or FALSE */
	SHEET_CELL_ERROR,    /* a formula's error value; text is it (#DIV/0!) */
	SHEET_CELL_NO_VALUE, /* a formula saved without its value; text is "" */
};

struct sheet_cell {
	uint32_t col;          /* 1-based: column A is 1 */
	enum sheet_cell_kind kind;
	int percent;           /* formatted as a percentage: 0.85 shows as 85% */
	double number;         /* NUMBER and DATE (days since 1899-12-30) */
	const char *text;      /* never NULL, never "" except for NO_VALUE */
};

struct sheet_row {
	uint32_t row;          /* 1-based, as the sheet numbers it */
	int hidden;
	struct sheet_cell *cells; /* cells with content, by column */
	size_t cell_count;
};

struct sheet {
	const char *path;      /* the workbook as diagnostics name it */
	const char *name;      /* the sheet's name; NULL for CSV */
	enum sheet_format format;
	int hidden;            /* a hidden sheet: read like any other */
	struct sheet_row *rows; /* rows with content, in order */
	size_t row_count;
	struct sheet_private *private;
};

/* Where a source names the workbook: problems with the file as a whole
 * (cannot be opened, not what its extension says, encrypted, a zip bomb,
 * no such sheet) are reported there. */
struct sheet_origin {
	const char *file;      /* the source */
	unsigned line, col;    /* of its src attribute */
};

/* The format that path's extension names (.xlsx, .ods, .csv, any case);
 * -1 for any other. */
int sheet_format_of(const char *path);

/* Reads sheet_name (NULL: the first sheet; not used for CSV) of the
 * workbook at path. Returns NULL after at least one error in diags. */
struct sheet *sheet_read(const char *path, const char *sheet_name,
			 const struct sheet_origin *origin,
			 struct diag_list *diags);

void sheet_free(struct sheet *sheet);

/* "D14" for column 4, row 14, into buf (at least SHEET_CELL_NAME_BYTES). */
#define SHEET_CELL_NAME_BYTES 24
void sheet_cell_name(uint32_t col, uint32_t row, char *buf);

/* A problem at a cell: FILE:SHEET!D14 for a workbook, FILE:ROW:COL for CSV
 * (col 0: the whole row). */
void sheet_report(const struct sheet *sheet, struct diag_list *diags,
		  enum diag_level level, uint32_t row, uint32_t col,
		  const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* The cell of row at col, or NULL when it is empty. */
const struct sheet_cell *sheet_cell_at(const struct sheet_row *row, uint32_t col);

/* An Excel date serial (1900 system, Lotus's 29 February 1900 included) as
 * "YYYY-MM-DD" into buf (at least 11 bytes); -1 when out of 1900 … 9999. */
int sheet_serial_date(double serial, int date1904, char *buf);

#endif
