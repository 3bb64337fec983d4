/* CSV (RFC 4180) read with libcsv: UTF-8 with or without a byte order
 * mark, comma-separated, quoted fields may hold commas, quotes and line
 * breaks. Every field is text; the row mapper reads numbers and dates from
 * it as it would from typed cells. A record's row is the line it starts
 * on and a field's column its place in the record, so FILE:ROW:COL points
 * where a text editor and a spreadsheet both look. */
#include "sheet_internal.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct csv_reading {
	struct sheet *sheet;
	uint32_t line;          /* the line being fed */
	uint32_t record_line;   /* where the current record starts */
	uint32_t col;           /* fields seen in the current record */
	int in_record, failed;
};

static uint32_t newlines(const char *s, size_t n)
{
	uint32_t count = 0;
	for (size_t i = 0; i < n; i++)
		count += s[i] == '\n';
	return count;
}

static void on_field(void *data, size_t length, void *context)
{
	struct csv_reading *c = context;
	const char *text = data ? data : "";
	if (c->failed)
		return;
	if (!c->in_record) {
		c->in_record = 1;
		c->col = 0;
		c->record_line = c->line - newlines(text, length);
		sheet_begin_row(c->sheet, c->record_line, 0);
	}
	c->col++;
	if (length && sheet_add_cell(c->sheet, c->col, SHEET_CELL_TEXT, text, length, 0,
				     0) != 0)
		c->failed = 1;
}

static void on_record(int terminator, void *context)
{
	struct csv_reading *c = context;
	(void)terminator;
	if (c->in_record)
		sheet_end_row(c->sheet);
	c->in_record = 0;
}

/* Where the first byte that is not UTF-8 (or is NUL) is: line and byte
 * column, 1-based; 0 when the text is clean. */
static int find_bad_byte(const char *bytes, size_t length, uint32_t *line, uint32_t *col)
{
	const char *end;
	int valid = g_utf8_validate(bytes, (gssize)length, &end);
	if (valid && memchr(bytes, '\0', length) == NULL)
		return 0;
	const char *bad = valid ? memchr(bytes, '\0', length) : end;
	const char *nul = memchr(bytes, '\0', (size_t)(bad - bytes));
	if (nul)
		bad = nul;
	*line = 1;
	const char *line_start = bytes;
	for (const char *p = bytes; p < bad; p++)
		if (*p == '\n')
			(*line)++, line_start = p + 1;
	*col = (uint32_t)(bad - line_start) + 1;
	return *bad == '\0' ? 2 : 1;
}

static char *read_file(const char *path, size_t *length, int *error)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		*error = errno;
		return NULL;
	}
	size_t capacity = 65536, n = 0;
	char *bytes = mem_alloc(capacity);
	for (;;) {
		if (n == capacity) {
			if (capacity > SHEET_MAX_FILE_BYTES)
				break;
			capacity *= 2;
			bytes = mem_resize(bytes, capacity, 1);
		}
		ssize_t got = read(fd, bytes + n, capacity - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			if (got < 0)
				*error = errno;
			break;
		}
		n += (size_t)got;
	}
	close(fd);
	*length = n;
	return bytes;
}

static int parse(struct sheet *sheet, const char *bytes, size_t length)
{
	struct csv_parser parser;
	if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		sheet_fail(sheet, "cannot be read: out of memory");
		return -1;
	}
	struct csv_reading c = { .sheet = sheet, .line = 1 };
	size_t at = 0;
	int status = 0;
	/* Fed a line at a time, so each field knows the line it ends on. */
	while (at < length && !c.failed && status == 0) {
		const char *nl = memchr(bytes + at, '\n', length - at);
		size_t n = nl ? (size_t)(nl - (bytes + at)) + 1 : length - at;
		if (csv_parse(&parser, bytes + at, n, on_field, on_record, &c) != n)
			status = -1;
		at += n;
		if (status == 0)
			c.line++;
	}
	if (status == 0 && !c.failed &&
	    csv_fini(&parser, on_field, on_record, &c) != 0)
		status = -1;
	if (status != 0 && !c.failed) {
		sheet_report(sheet, sheet->private->diags, DIAG_ERROR,
			     c.in_record ? c.record_line : c.line, c.col + 1,
			     "%s: a field opened with a quote must close with one, "
			     "and a quote inside it is written twice (\"\")",
			     csv_error(&parser) == CSV_EPARSE ? "the quotes do not pair up"
							      : csv_strerror(csv_error(&parser)));
		sheet->private->failed = 1;
	}
	csv_free(&parser);
	return status || c.failed ? -1 : 0;
}

struct sheet *sheet_read_csv(const char *path, const struct sheet_origin *origin,
			     struct diag_list *diags)
{
	size_t length = 0;
	int error = 0;
	char *bytes = read_file(path, &length, &error);
	if (error) {
		sheet_origin_error(origin, diags, path, "cannot be read: %s", strerror(error));
		free(bytes);
		return NULL;
	}
	struct sheet *sheet = sheet_new(path, SHEET_FORMAT_CSV, origin, diags);
	const char *text = bytes;
	if (length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3, length -= 3;
	uint32_t line, col;
	int bad = find_bad_byte(text, length, &line, &col);
	int status = -1;
	if (bad)
		sheet_report(sheet, diags, DIAG_ERROR, line, col,
			     bad == 2 ? "a NUL byte; CSV is text, and a NUL is not"
				      : "this byte is not UTF-8; save the CSV as \"CSV "
					"UTF-8\" (Excel) or with the UTF-8 character set "
					"(LibreOffice)");
	else
		status = parse(sheet, text, length);
	free(bytes);
	if (status != 0) {
		sheet_free(sheet);
		return NULL;
	}
	return sheet_finish(sheet);
}
