/* A sheet as rows of cells: the format chosen by extension and checked by
 * content, the builder every reader fills under the limits, merged ranges,
 * hidden rows, cell names and diagnostics at a cell. */
#include "sheet_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

int sheet_format_of(const char *path)
{
	if (ends_with(path, ".xlsx"))
		return SHEET_FORMAT_XLSX;
	if (ends_with(path, ".ods"))
		return SHEET_FORMAT_ODS;
	if (ends_with(path, ".csv"))
		return SHEET_FORMAT_CSV;
	return -1;
}

/* ---- reporting ---- */

void sheet_origin_error(const struct sheet_origin *origin, struct diag_list *diags,
			const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *message = mem_vprintf(fmt, ap);
	va_end(ap);
	diag_add(diags, DIAG_ERROR, origin->file, origin->line, origin->col, "%s %s",
		 path, message);
	free(message);
}

void sheet_fail(struct sheet *sheet, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *message = mem_vprintf(fmt, ap);
	va_end(ap);
	sheet_origin_error(sheet->private->origin, sheet->private->diags, sheet->path,
			   "%s", message);
	free(message);
	sheet->private->failed = 1;
}

void sheet_cell_name(uint32_t col, uint32_t row, char *buf)
{
	char letters[8];
	size_t n = 0;
	for (uint32_t c = col; c > 0 && n < sizeof letters; c = (c - 1) / 26)
		letters[n++] = (char)('A' + (c - 1) % 26);
	size_t i = 0;
	while (n > 0)
		buf[i++] = letters[--n];
	snprintf(buf + i, SHEET_CELL_NAME_BYTES - i, "%u", (unsigned)row);
}

int sheet_parse_ref(const char *ref, uint32_t *col, uint32_t *row)
{
	uint64_t c = 0, r = 0;
	const char *p = ref;
	while (*p == '$')
		p++;
	for (; (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'); p++) {
		c = c * 26 + (uint64_t)((*p | 0x20) - 'a' + 1);
		if (c > 1u << 24)
			return 0;
	}
	while (*p == '$')
		p++;
	for (; *p >= '0' && *p <= '9'; p++) {
		r = r * 10 + (uint64_t)(*p - '0');
		if (r > 1u << 24)
			return 0;
	}
	if (*p || !c || !r)
		return 0;
	*col = (uint32_t)c;
	*row = (uint32_t)r;
	return 1;
}

/* A sheet name as a formula would write it: quoted unless plain. */
static char *quoted_sheet_name(const char *name)
{
	int plain = *name != '\0';
	for (const char *p = name; *p; p++)
		if (!g_ascii_isalnum(*p) && *p != '_' && *p != '.')
			plain = 0;
	if (plain)
		return mem_strdup(name);
	GString *s = g_string_new("'");
	for (const char *p = name; *p; p++) {
		if (*p == '\'')
			g_string_append_c(s, '\'');
		g_string_append_c(s, *p);
	}
	g_string_append_c(s, '\'');
	char *out = mem_strdup(s->str);
	g_string_free(s, TRUE);
	return out;
}

void sheet_report(const struct sheet *sheet, struct diag_list *diags,
		  enum diag_level level, uint32_t row, uint32_t col,
		  const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *message = mem_vprintf(fmt, ap);
	va_end(ap);
	if (sheet->format == SHEET_FORMAT_CSV) {
		diag_add(diags, level, sheet->path, row, col, "%s", message);
	} else {
		char cell[SHEET_CELL_NAME_BYTES];
		sheet_cell_name(col ? col : 1, row, cell);
		char *name = quoted_sheet_name(sheet->name ? sheet->name : "");
		char *where = mem_printf("%s!%s", name, cell);
		diag_add_at(diags, level, sheet->path, where, row, col, "%s", message);
		free(where);
		free(name);
	}
	free(message);
}

/* ---- dates ---- */

/* Days since 1970-01-01 → civil date (Howard Hinnant's algorithm). */
static void civil_from_days(long long z, int *y, int *m, int *d)
{
	z += 719468;
	long long era = (z >= 0 ? z : z - 146096) / 146097;
	long long doe = z - era * 146097;
	long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int sheet_serial_date(double serial, int date1904, char *buf)
{
	if (!isfinite(serial) || serial < 1 || serial > 2958465)
		return -1;
	long long days = (long long)floor(serial);
	if (!date1904) {
		if (days == 60)
			return -1; /* 29 February 1900, which never was */
		if (days > 60)
			days--;
		days -= 25568; /* serial 1 is 1900-01-01, 25568 days before 1970 */
	} else {
		days -= 24107; /* serial 0 is 1904-01-01 */
	}
	int y, m, d;
	civil_from_days(days, &y, &m, &d);
	if (y < 1900 || y > 9999)
		return -1;
	snprintf(buf, 11, "%04d-%02d-%02d", y, m, d);
	return 0;
}

/* ---- the builder ---- */

struct sheet *sheet_new(const char *path, enum sheet_format format,
			const struct sheet_origin *origin, struct diag_list *diags)
{
	struct arena *arena = arena_new();
	struct sheet *sheet = arena_alloc(arena, sizeof *sheet);
	sheet->private = arena_alloc(arena, sizeof *sheet->private);
	sheet->private->arena = arena;
	sheet->private->origin = origin;
	sheet->private->diags = diags;
	sheet->path = arena_strndup(arena, path, strlen(path));
	sheet->format = format;
	return sheet;
}

char *sheet_strdup(struct sheet *sheet, const char *s)
{
	return arena_strndup(sheet->private->arena, s, strlen(s));
}

int sheet_begin_row(struct sheet *sheet, uint32_t row, int hidden)
{
	struct sheet_private *p = sheet->private;
	if (row <= p->last_row)
		row = p->last_row + 1; /* rows out of order: read in order */
	p->row = row;
	p->row_hidden = hidden;
	p->in_row = 1;
	p->cell_count = 0;
	return 0;
}

/* An error at a cell that stops the reader. */
static int refuse_at(struct sheet *sheet, uint32_t row, uint32_t col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int refuse_at(struct sheet *sheet, uint32_t row, uint32_t col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *message = mem_vprintf(fmt, ap);
	va_end(ap);
	sheet_report(sheet, sheet->private->diags, DIAG_ERROR, row, col, "%s", message);
	free(message);
	sheet->private->failed = 1;
	return -1;
}

int sheet_add_cell(struct sheet *sheet, uint32_t col, enum sheet_cell_kind kind,
		   const char *text, size_t length, double number, int percent)
{
	struct sheet_private *p = sheet->private;
	if (kind == SHEET_CELL_TEXT) {
		size_t blank = 0;
		while (blank < length && g_ascii_isspace(text[blank]))
			blank++;
		if (blank == length)
			return 0; /* white space only: an empty cell */
	}
	if (length > SHEET_MAX_CELL_BYTES)
		return refuse_at(sheet, p->row, col, "the cell holds more than %u bytes; cells "
				 "are refused above that size", SHEET_MAX_CELL_BYTES);
	if (col > SHEET_MAX_COLUMNS)
		return refuse_at(sheet, p->row, col, "the sheet has content beyond column %u; "
				 "sheets are refused with more than %u columns",
				 SHEET_MAX_COLUMNS, SHEET_MAX_COLUMNS);
	if (p->cell_count == 0 && sheet->row_count >= SHEET_MAX_ROWS)
		return refuse_at(sheet, p->row, col, "the sheet has more than %u rows; sheets "
				 "are refused above that", SHEET_MAX_ROWS);
	if (p->cells_held >= SHEET_MAX_CELLS)
		return refuse_at(sheet, p->row, col, "the sheet has more than %u cells with "
				 "content; sheets are refused above that", SHEET_MAX_CELLS);
	if (length > SHEET_MAX_TEXT_BYTES - p->text_held)
		return refuse_at(sheet, p->row, col, "the sheet holds more than %u MiB of "
				 "text; sheets are refused above that",
				 SHEET_MAX_TEXT_BYTES >> 20);
	p->cells_held++;
	p->text_held += length;
	MEM_GROW(p->cells, p->cell_count, p->cell_capacity);
	p->cells[p->cell_count++] = (struct sheet_cell){
		.col = col,
		.kind = kind,
		.percent = percent,
		.number = number,
		.text = arena_strndup(p->arena, text, length),
	};
	return 0;
}

static int cell_compare(const void *a, const void *b)
{
	const struct sheet_cell *x = a, *y = b;
	return x->col < y->col ? -1 : x->col > y->col;
}

void sheet_end_row(struct sheet *sheet)
{
	struct sheet_private *p = sheet->private;
	if (!p->in_row)
		return;
	p->in_row = 0;
	if (!p->cell_count)
		return;
	if (sheet->row_count == p->row_capacity) {
		p->row_capacity = p->row_capacity ? p->row_capacity * 2 : 64;
		sheet->rows = mem_resize(sheet->rows, p->row_capacity, sizeof *sheet->rows);
	}
	qsort(p->cells, p->cell_count, sizeof *p->cells, cell_compare);
	struct sheet_row *row = &sheet->rows[sheet->row_count++];
	row->row = p->row;
	row->hidden = p->row_hidden;
	row->cell_count = p->cell_count;
	row->cells = arena_alloc(p->arena, p->cell_count * sizeof *row->cells);
	memcpy(row->cells, p->cells, p->cell_count * sizeof *row->cells);
	p->last_row = p->row;
	if (p->row_hidden && !p->hidden_rows++)
		p->first_hidden = p->row;
}

int sheet_add_merge(struct sheet *sheet, struct sheet_merge merge)
{
	struct sheet_private *p = sheet->private;
	if (merge.last_row < merge.first_row || merge.last_col < merge.first_col)
		return 0;
	if (p->merge_count >= SHEET_MAX_MERGES) {
		sheet_fail(sheet, "has more than %u merged ranges in sheet \"%s\"; "
			   "sheets are refused above that", SHEET_MAX_MERGES,
			   sheet->name ? sheet->name : "");
		return -1;
	}
	MEM_GROW(p->merges, p->merge_count, p->merge_capacity);
	p->merges[p->merge_count++] = merge;
	return 0;
}

const struct sheet_cell *sheet_cell_at(const struct sheet_row *row, uint32_t col)
{
	size_t lo = 0, hi = row->cell_count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (row->cells[mid].col < col)
			lo = mid + 1;
		else if (row->cells[mid].col > col)
			hi = mid;
		else
			return &row->cells[mid];
	}
	return NULL;
}

/* The index of the first row numbered number or later. */
static size_t rows_from(const struct sheet *sheet, uint32_t number)
{
	size_t lo = 0, hi = sheet->row_count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sheet->rows[mid].row < number)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static struct sheet_row *row_numbered(struct sheet *sheet, uint32_t number)
{
	size_t i = rows_from(sheet, number);
	return i < sheet->row_count && sheet->rows[i].row == number ? &sheet->rows[i] : NULL;
}

/* Each cell of the range shows the first cell's value, in the rows that
 * have content of their own (a merged range never adds rows). Every cell
 * looked at counts against *budget, so that ranges drawn over each other
 * cannot cost rows times columns each. */
static int fill_merge(struct sheet *sheet, const struct sheet_merge *m, size_t *budget)
{
	struct sheet_private *p = sheet->private;
	struct sheet_row *first = row_numbered(sheet, m->first_row);
	const struct sheet_cell *value = first ? sheet_cell_at(first, m->first_col) : NULL;
	uint32_t last_col = m->last_col < SHEET_MAX_COLUMNS ? m->last_col : SHEET_MAX_COLUMNS;
	if (!value || last_col < m->first_col)
		return 0;
	size_t width = last_col - m->first_col + 1;
	struct sheet_cell shown = *value;
	int too_many = 0;
	for (size_t i = rows_from(sheet, m->first_row);
	     i < sheet->row_count && sheet->rows[i].row <= m->last_row; i++) {
		struct sheet_row *row = &sheet->rows[i];
		size_t missing = 0;
		if ((too_many = width > *budget))
			break;
		*budget -= width;
		for (uint32_t c = m->first_col; c <= last_col; c++)
			missing += sheet_cell_at(row, c) == NULL;
		if (!missing)
			continue;
		if ((too_many = missing > SHEET_MAX_CELLS - p->cells_held))
			break;
		p->cells_held += missing;
		struct sheet_cell *cells = arena_alloc(
			p->arena, (row->cell_count + missing) * sizeof *cells);
		memcpy(cells, row->cells, row->cell_count * sizeof *cells);
		size_t n = row->cell_count;
		for (uint32_t c = m->first_col; c <= last_col; c++)
			if (!sheet_cell_at(row, c)) {
				cells[n] = shown;
				cells[n++].col = c;
			}
		qsort(cells, n, sizeof *cells, cell_compare);
		row->cells = cells;
		row->cell_count = n;
	}
	if (too_many)
		return refuse_at(sheet, m->first_row, m->first_col, "the merged ranges "
				 "would fill more than %u cells; sheets are refused above "
				 "that", SHEET_MAX_CELLS);
	return 0;
}

struct sheet *sheet_finish(struct sheet *sheet)
{
	struct sheet_private *p = sheet->private;
	sheet_end_row(sheet);
	size_t budget = 2 * (size_t)SHEET_MAX_CELLS;
	for (size_t i = 0; i < p->merge_count; i++)
		if (fill_merge(sheet, &p->merges[i], &budget) != 0) {
			sheet_free(sheet);
			return NULL;
		}
	if (p->hidden_rows) {
		const struct sheet_row *row = row_numbered(sheet, p->first_hidden);
		sheet_report(sheet, p->diags, DIAG_NOTE, p->first_hidden,
			     row && row->cell_count ? row->cells[0].col : 1,
			     "%zu hidden row%s, the first here, %s read like the others",
			     p->hidden_rows, p->hidden_rows == 1 ? "" : "s",
			     p->hidden_rows == 1 ? "is" : "are");
	}
	return sheet;
}

void sheet_free(struct sheet *sheet)
{
	if (!sheet)
		return;
	struct sheet_private *p = sheet->private;
	free(sheet->rows);
	free(p->cells);
	free(p->merges);
	arena_free(p->arena);
}

/* ---- cell text ---- */

void sheet_text_put(struct sheet_text *t, const char *s, size_t n)
{
	if (t->too_long || t->length + n > SHEET_MAX_CELL_BYTES) {
		t->too_long = 1;
		return;
	}
	if (t->length + n + 1 > t->capacity) {
		size_t want = t->capacity ? t->capacity * 2 : 64;
		while (want < t->length + n + 1)
			want *= 2;
		t->bytes = mem_resize(t->bytes, want, 1);
		t->capacity = want;
	}
	memcpy(t->bytes + t->length, s, n);
	t->length += n;
	t->bytes[t->length] = '\0';
}

void sheet_text_clear(struct sheet_text *t)
{
	t->length = 0;
	t->too_long = 0;
	if (t->bytes)
		t->bytes[0] = '\0';
}

void sheet_text_free(struct sheet_text *t)
{
	free(t->bytes);
	*t = (struct sheet_text){ 0 };
}

/* ---- what the file is ---- */

static const unsigned char zip_magic[4] = { 'P', 'K', 3, 4 };
static const unsigned char ole_magic[8] = { 0xD0, 0xCF, 0x11, 0xE0,
					    0xA1, 0xB1, 0x1A, 0xE1 };

/* An Office file encrypted with a password is an OLE2 compound file
 * holding a stream named EncryptedPackage (its name in UTF-16). */
static int ole_is_encrypted(int fd)
{
	static const char name[] = "EncryptedPackage";
	unsigned char wide[2 * sizeof name - 2];
	for (size_t i = 0; i + 1 < sizeof name; i++) {
		wide[2 * i] = (unsigned char)name[i];
		wide[2 * i + 1] = 0;
	}
	unsigned char buf[65536 + sizeof wide];
	size_t keep = 0;
	ssize_t got;
	if (lseek(fd, 0, SEEK_SET) < 0)
		return 0;
	while ((got = read(fd, buf + keep, sizeof buf - keep)) > 0) {
		size_t n = keep + (size_t)got;
		for (size_t i = 0; i + sizeof wide <= n; i++)
			if (memcmp(buf + i, wide, sizeof wide) == 0)
				return 1;
		keep = n < sizeof wide ? n : sizeof wide;
		memmove(buf, buf + n - keep, keep);
	}
	return 0;
}

/* Refuses what cannot be read as the format its extension names. */
static int check_file(const char *path, int format, const struct sheet_origin *origin,
		      struct diag_list *diags)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		sheet_origin_error(origin, diags, path, "cannot be opened: %s",
				   strerror(errno));
		return -1;
	}
	struct stat st;
	int status = 0;
	unsigned char head[8] = { 0 };
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		sheet_origin_error(origin, diags, path, "is not a regular file");
		status = -1;
	} else if ((unsigned long long)st.st_size > SHEET_MAX_FILE_BYTES) {
		sheet_origin_error(origin, diags, path,
				   "is larger than %u MiB; workbooks are refused above "
				   "that size", SHEET_MAX_FILE_BYTES >> 20);
		status = -1;
	} else if (st.st_size == 0 && format != SHEET_FORMAT_CSV) {
		sheet_origin_error(origin, diags, path, "is empty: it holds no workbook");
		status = -1;
	}
	ssize_t got = status ? 0 : read(fd, head, sizeof head);
	int zip = got >= 4 && memcmp(head, zip_magic, 4) == 0;
	int ole = got >= 8 && memcmp(head, ole_magic, 8) == 0;
	if (status == 0 && ole && ole_is_encrypted(fd)) {
		sheet_origin_error(origin, diags, path,
				   "is encrypted (protected by a password); save a copy "
				   "without a password and name that instead");
		status = -1;
	} else if (status == 0 && ole) {
		sheet_origin_error(origin, diags, path,
				   "is an Excel 97-2003 workbook (.xls) whatever its name "
				   "says; save it as Excel Workbook (.xlsx) or as "
				   "OpenDocument (.ods)");
		status = -1;
	} else if (status == 0 && format == SHEET_FORMAT_CSV && zip) {
		sheet_origin_error(origin, diags, path,
				   "is a zip archive (a workbook?), not CSV text; name "
				   "it .xlsx or .ods if that is what it is");
		status = -1;
	} else if (status == 0 && format != SHEET_FORMAT_CSV && !zip) {
		sheet_origin_error(origin, diags, path,
				   "is not a %s workbook: it is not a zip archive, as "
				   "every %s file is (a CSV or an .xls file renamed?)",
				   format == SHEET_FORMAT_XLSX ? ".xlsx" : ".ods",
				   format == SHEET_FORMAT_XLSX ? ".xlsx" : ".ods");
		status = -1;
	}
	close(fd);
	return status;
}

struct sheet *sheet_read(const char *path, const char *sheet_name,
			 const struct sheet_origin *origin, struct diag_list *diags)
{
	int format = sheet_format_of(path);
	if (format < 0) {
		if (ends_with(path, ".xls"))
			sheet_origin_error(origin, diags, path,
					   "is an Excel 97-2003 workbook (.xls), which is "
					   "not read; save it as Excel Workbook (.xlsx) or "
					   "as OpenDocument (.ods)");
		else
			sheet_origin_error(origin, diags, path,
					   "is not a workbook this program reads: name an "
					   ".xlsx, .ods or .csv file");
		return NULL;
	}
	if (check_file(path, format, origin, diags) != 0)
		return NULL;
	switch ((enum sheet_format)format) {
	case SHEET_FORMAT_XLSX:
		return sheet_read_xlsx(path, sheet_name, origin, diags);
	case SHEET_FORMAT_ODS:
		return sheet_read_ods(path, sheet_name, origin, diags);
	case SHEET_FORMAT_CSV:
		return sheet_read_csv(path, origin, diags);
	}
	return NULL;
}
