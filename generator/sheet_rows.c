/* Header row to fields, cells to typed values (see sheet_rows.h). */
#include "sheet_rows.h"

#include <glib.h>
#include <libxml/tree.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dates.h"
#include "memory.h"

struct sheet_rows_private {
	struct arena *arena;
};

struct mapping {
	const struct sheet *sheet;
	const struct sheet_rows_options *options;
	struct diag_list *diags;
	struct sheet_rows *rows;
	const struct sheet_field_def *by_col[SHEET_MAX_COLUMNS + 1];
	uint32_t col_of[FIELD_COUNT];       /* 0: no column */
	const struct sheet_field_def *defs[FIELD_COUNT];
	const char *history_period[SHEET_MAX_COLUMNS + 1]; /* NULL: not history */
	size_t history_columns;
	size_t record_capacity, group_capacity;
	size_t filled_rows;                 /* rows with content under the header */
	GHashTable *group_index;            /* name → index + 1 */
	GHashTable *refs;                   /* ref → record row and col */
};

void sheet_place(const struct sheet *sheet, uint32_t row, uint32_t col, char *buf)
{
	if (sheet->format == SHEET_FORMAT_CSV) {
		snprintf(buf, SHEET_PLACE_BYTES, "line %u", (unsigned)row);
	} else {
		sheet_cell_name(col, row, buf);
	}
}

static char *collapse(struct arena *arena, const char *s)
{
	size_t n = strlen(s), out = 0;
	char *text = arena_alloc(arena, n + 1);
	int space = 0;
	for (const char *p = s; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = out > 0;
			continue;
		}
		if (space)
			text[out++] = ' ';
		space = 0;
		text[out++] = *p;
	}
	text[out] = '\0';
	return text;
}

/* s shortened for a message: at most 40 bytes (whole characters) and "…". */
static char *shown(const char *s)
{
	size_t n = strlen(s);
	if (n <= 40)
		return mem_strdup(s);
	const char *end = s + 40;
	while (end > s && ((unsigned char)*end & 0xC0) == 0x80)
		end--;
	return mem_printf("%.*s…", (int)(end - s), s);
}

/* ---- the header row ---- */

static const char *cell_text(const struct sheet_cell *cell)
{
	return cell ? cell->text : "";
}

static int choose_explicit(struct mapping *m, const struct sheet_row *header)
{
	int status = 0;
	const struct sheet_rows_options *o = m->options;
	for (size_t i = 0; i < o->column_count; i++) {
		const struct sheet_column_choice *c = &o->columns[i];
		const struct sheet_field_def *def = sheet_field_named(o->table, c->field);
		if (!def) {
			diag_add(m->diags, DIAG_ERROR, c->at.file, c->at.line, c->at.col,
				 "field=\"%s\" is not a column of %s", c->field,
				 o->table == SHEET_TABLE_ASSESSMENT ? "an assessment"
								    : "a performance block");
			status = -1;
			continue;
		}
		char *want = sheet_heading_key(c->header);
		uint32_t found = 0;
		for (size_t k = 0; k < header->cell_count && !found; k++) {
			char *key = sheet_heading_key(header->cells[k].text);
			if (strcmp(key, want) == 0)
				found = header->cells[k].col;
			free(key);
		}
		free(want);
		if (!found) {
			GString *names = g_string_new("");
			for (size_t k = 0; k < header->cell_count; k++)
				g_string_append_printf(names, "%s\"%s\"", k ? ", " : "",
						       header->cells[k].text);
			diag_add(m->diags, DIAG_ERROR, c->at.file, c->at.line, c->at.col,
				 "no column of %s is headed \"%s\" (its headings: %s)",
				 m->sheet->path, c->header, names->str);
			g_string_free(names, TRUE);
			status = -1;
			continue;
		}
		m->by_col[found] = def;
		m->col_of[def->field] = found;
		m->defs[def->field] = def;
	}
	return status;
}

/* A performance sheet's "History PERIOD" column: remembered by its period. */
static int history_column(struct mapping *m, const struct sheet_cell *cell)
{
	if (m->options->table != SHEET_TABLE_PERFORMANCE)
		return 0;
	char *period = sheet_history_period(cell->text);
	if (!period)
		return 0;
	m->history_period[cell->col] = collapse(m->rows->private->arena, period);
	m->history_columns++;
	free(period);
	return 1;
}

static int map_header(struct mapping *m, const struct sheet_row *header)
{
	if (choose_explicit(m, header) != 0)
		return -1;
	GString *unused = g_string_new("");
	uint32_t first_unused = 0;
	int status = 0;
	for (size_t k = 0; k < header->cell_count; k++) {
		const struct sheet_cell *cell = &header->cells[k];
		if (m->by_col[cell->col])
			continue;
		if (history_column(m, cell))
			continue;
		const struct sheet_field_def *def =
			sheet_field_for_heading(m->options->table, cell->text);
		char place[SHEET_PLACE_BYTES];
		if (def && m->col_of[def->field]) {
			char *quoted = shown(cell->text);
			uint32_t other = m->col_of[def->field];
			char first[SHEET_CELL_NAME_BYTES], second[SHEET_CELL_NAME_BYTES];
			sheet_cell_name(other, header->row, first);
			sheet_cell_name(cell->col, header->row, second);
			sheet_report(m->sheet, m->diags, DIAG_ERROR, header->row, cell->col,
				     "columns %s (\"%s\") and %s (\"%s\") both give the %s; "
				     "keep one, or name the one to read with <column "
				     "field=\"%s\" header=\"…\"/>",
				     first, cell_text(sheet_cell_at(header, other)), second,
				     quoted, def->name, def->name);
			free(quoted);
			status = -1;
			continue;
		}
		if (def) {
			m->by_col[cell->col] = def;
			m->col_of[def->field] = cell->col;
			m->defs[def->field] = def;
			continue;
		}
		if (!first_unused)
			first_unused = cell->col;
		sheet_cell_name(cell->col, header->row, place);
		char *quoted = shown(cell->text);
		g_string_append_printf(unused, "%s\"%s\" (%s)", unused->len ? ", " : "",
				       quoted, place);
		free(quoted);
	}
	if (first_unused)
		sheet_report(m->sheet, m->diags, DIAG_NOTE, header->row, first_unused,
			     "column%s not used: %s", strchr(unused->str, ',') ? "s" : "",
			     unused->str);
	g_string_free(unused, TRUE);
	size_t count;
	const struct sheet_field_def *fields = sheet_fields(m->options->table, &count);
	for (size_t i = 0; i < count; i++) {
		if (!fields[i].required || m->col_of[fields[i].field])
			continue;
		GString *names = g_string_new("");
		for (size_t k = 0; k < header->cell_count; k++) {
			char *quoted = shown(header->cells[k].text);
			g_string_append_printf(names, "%s\"%s\"", k ? ", " : "", quoted);
			free(quoted);
		}
		sheet_report(m->sheet, m->diags, DIAG_ERROR, header->row,
			     header->cells[0].col,
			     "no column gives the %s (headed \"%s\" or \"%s\"); the "
			     "headings found are %s", fields[i].name, fields[i].heading,
			     fields[i].synonyms[0] ? fields[i].synonyms[0] : fields[i].name,
			     names->str);
		g_string_free(names, TRUE);
		status = -1;
	}
	return status;
}

/* ---- values ---- */

static void cell_error(struct mapping *m, uint32_t row, uint32_t col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void cell_error(struct mapping *m, uint32_t row, uint32_t col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *message = mem_vprintf(fmt, ap);
	va_end(ap);
	sheet_report(m->sheet, m->diags, DIAG_ERROR, row, col, "%s", message);
	free(message);
}

/* What the value is called in a message, and whose it is. */
static const char *value_word(const struct sheet_field_def *def)
{
	switch (def->field) {
	case FIELD_PREVIOUS:
		return def->type == VALUE_CODE ? "previous rating" : "previous value";
	case FIELD_PREVIOUS_RATING:
		return "previous rating";
	case FIELD_DUE:
		return "due date";
	default:
		return def->name;
	}
}

static const char *code_for(const struct sheet_rows_options *o, const char *text)
{
	for (size_t i = 0; i < o->code_count; i++)
		if (strcmp(o->codes[i], text) == 0)
			return o->codes[i];
	for (size_t i = 0; i < o->code_count; i++)
		if (strcasecmp(o->codes[i], text) == 0)
			return o->codes[i];
	for (size_t i = 0; i < o->code_count; i++)
		if (o->labels[i] && strcasecmp(o->labels[i], text) == 0)
			return o->codes[i];
	return NULL;
}

static char *codes_shown(const struct sheet_rows_options *o)
{
	GString *s = g_string_new("");
	for (size_t i = 0; i < o->code_count; i++)
		g_string_append_printf(s, "%s%s", i ? ", " : "", o->codes[i]);
	char *out = mem_strdup(s->str);
	g_string_free(s, TRUE);
	return out;
}

static int real_date(int y, int mo, int d)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > days[mo - 1])
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return !(mo == 2 && d == 29 && !leap);
}

/* Text typed as a date: YYYY-MM-DD, or DD/MM/YYYY as a British council
 * writes it. */
static int text_date(const char *text, char *iso)
{
	int y, mo, d, n = 0;
	if (sscanf(text, "%4d-%2d-%2d%n", &y, &mo, &d, &n) == 3 && text[n] == '\0') {
	} else if (sscanf(text, "%2d/%2d/%4d%n", &d, &mo, &y, &n) == 3 && text[n] == '\0') {
	} else {
		return -1;
	}
	if (!real_date(y, mo, d))
		return -1;
	snprintf(iso, 11, "%04d-%02d-%02d", y, mo, d);
	return 0;
}

/* A number as typed: "85", "85%", "1,234.5", " -3 ". */
static int text_number(const char *text, double *value)
{
	char buf[64];
	size_t n = 0;
	for (const char *p = text; *p && n + 1 < sizeof buf; p++) {
		if (*p == ',' && p > text && g_ascii_isdigit(p[-1]) && g_ascii_isdigit(p[1]))
			continue;
		if (*p == ' ')
			continue;
		buf[n++] = *p;
	}
	buf[n] = '\0';
	if (n && buf[n - 1] == '%')
		buf[--n] = '\0';
	if (!n || !(g_ascii_isdigit(buf[0]) || buf[0] == '-' || buf[0] == '+' ||
		    buf[0] == '.'))
		return -1;
	char *end;
	*value = g_ascii_strtod(buf, &end);
	return *end == '\0' && isfinite(*value) ? 0 : -1;
}

struct row_context {
	struct mapping *m;
	const struct sheet_row *row;
	struct sheet_record *record;
	const char *ref;          /* shown in messages; "the row" when none */
};

static int read_code(struct row_context *c, const struct sheet_field_def *def,
		     const char *text, struct sheet_value *v)
{
	const char *code = code_for(c->m->options, text);
	if (code) {
		v->text = code;
		return 0;
	}
	char *quoted = shown(text);
	char *codes = codes_shown(c->m->options);
	cell_error(c->m, c->row->row, v->col, "%s \"%s\" of %s is not in the scale (%s)",
		   value_word(def), quoted, c->ref, codes);
	free(codes);
	free(quoted);
	return -1;
}

static int read_date(struct row_context *c, const struct sheet_field_def *def,
		     const struct sheet_cell *cell, struct sheet_value *v)
{
	char iso[11];
	int ok = 0;
	if (cell->kind == SHEET_CELL_DATE) {
		int y, mo, d;
		ok = dates_parse_iso(cell->text, &y, &mo, &d) && real_date(y, mo, d);
		memcpy(iso, cell->text, 10);
		iso[10] = '\0';
	} else if (cell->kind == SHEET_CELL_NUMBER) {
		ok = sheet_serial_date(cell->number, 0, iso) == 0;
	} else {
		ok = text_date(v->text, iso) == 0;
	}
	if (ok) {
		v->text = arena_strndup(c->m->rows->private->arena, iso, 10);
		return 0;
	}
	char *quoted = shown(cell->text);
	cell_error(c->m, c->row->row, v->col,
		   "%s \"%s\" of %s is not a real date (type a date, or write it as "
		   "YYYY-MM-DD)", value_word(def), quoted, c->ref);
	free(quoted);
	return -1;
}

/* A tolerance is a percent of the target, 0 or more, as in XML. */
static int check_tolerance(struct row_context *c, const struct sheet_field_def *def,
			   const struct sheet_cell *cell, const struct sheet_value *v)
{
	if (def->field != FIELD_TOLERANCE || v->number >= 0)
		return 0;
	char *quoted = shown(cell->text);
	cell_error(c->m, c->row->row, v->col, "tolerance \"%s\" of %s must be 0 or more "
		   "(a percent of the target)", quoted, c->ref);
	free(quoted);
	return -1;
}

/* A percentage cell holds a fraction: 85% is 0.85. Tolerances are always
 * percent, other values when their unit is "%". */
static int read_number(struct row_context *c, const struct sheet_field_def *def,
		       const struct sheet_cell *cell, struct sheet_value *v)
{
	if (cell->kind == SHEET_CELL_NUMBER) {
		v->number = cell->number;
		const struct sheet_value *unit = &c->record->values[FIELD_UNIT];
		int in_percent = def->field == FIELD_TOLERANCE ||
				 (unit->present && strcmp(unit->text, "%") == 0);
		if (cell->percent && in_percent)
			v->number = cell->number * 100;
		return check_tolerance(c, def, cell, v);
	}
	if (cell->kind != SHEET_CELL_DATE && text_number(v->text, &v->number) == 0)
		return check_tolerance(c, def, cell, v);
	char *quoted = shown(cell->text);
	cell_error(c->m, c->row->row, v->col, "%s \"%s\" of %s is not a number",
		   value_word(def), quoted, c->ref);
	free(quoted);
	return -1;
}

static int starts_with_any(const char *key, const char *const *words)
{
	for (; *words; words++)
		if (strncmp(key, *words, strlen(*words)) == 0)
			return 1;
	return 0;
}

static int read_polarity(struct row_context *c, const char *text, struct sheet_value *v)
{
	static const char *const higher[] = { "high", "up", "big", "more", "increas",
					      "max", NULL };
	static const char *const lower[] = { "low", "down", "small", "less", "fewer",
					     "decreas", "min", NULL };
	char *key = sheet_heading_key(text);
	int status = 0;
	if (starts_with_any(key, higher))
		v->text = "higher";
	else if (starts_with_any(key, lower))
		v->text = "lower";
	else
		status = -1;
	free(key);
	if (status) {
		char *quoted = shown(text);
		cell_error(c->m, c->row->row, v->col,
			   "polarity \"%s\" of %s is neither higher nor lower (is better)",
			   quoted, c->ref);
		free(quoted);
	}
	return status;
}

static int read_kind(struct row_context *c, const char *text, struct sheet_value *v)
{
	static const char *const context[] = { "context", "contextual", "activity",
					       "yes", "y", "true", NULL };
	static const char *const rated[] = { "rated", "no", "n", "false", NULL };
	char *key = sheet_heading_key(text);
	int is_context = 0, is_rated = 0;
	for (size_t i = 0; context[i]; i++)
		is_context |= strcmp(key, context[i]) == 0;
	for (size_t i = 0; rated[i]; i++)
		is_rated |= strcmp(key, rated[i]) == 0;
	free(key);
	if (is_context) {
		v->text = "context";
		return 0;
	}
	v->present = 0;
	v->text = NULL;
	if (is_rated)
		return 0;
	char *quoted = shown(text);
	cell_error(c->m, c->row->row, v->col,
		   "kind \"%s\" of %s is not context (leave it empty for a rated "
		   "measure)", quoted, c->ref);
	free(quoted);
	return -1;
}

static int read_ref(struct row_context *c, const struct sheet_field_def *def,
		    const char *text, struct sheet_value *v)
{
	(void)v;
	if (xmlValidateNCName(BAD_CAST text, 0) == 0)
		return 0;
	char *quoted = shown(text);
	if (def->field == FIELD_REF)
		cell_error(c->m, c->row->row, v->col,
			   "ref \"%s\" is not a valid name (a letter first, then letters, "
			   "digits, '-', '_' or '.'; no spaces)", quoted);
	else
		cell_error(c->m, c->row->row, v->col,
			   "%s \"%s\" of %s is not a valid ref (a letter first, then "
			   "letters, digits, '-', '_' or '.'; no spaces)", def->name,
			   quoted, c->ref);
	free(quoted);
	return -1;
}

/* One cell into v; -1 after reporting. */
static int read_value(struct row_context *c, const struct sheet_field_def *def,
		      const struct sheet_cell *cell, struct sheet_value *v)
{
	struct mapping *m = c->m;
	v->col = cell->col;
	if (cell->kind == SHEET_CELL_NO_VALUE) {
		cell_error(m, c->row->row, cell->col,
			   "the %s of %s is a formula saved without its value; open and "
			   "save the workbook in Excel or LibreOffice", value_word(def),
			   c->ref);
		return -1;
	}
	if (cell->kind == SHEET_CELL_ERROR) {
		char *quoted = shown(cell->text);
		cell_error(m, c->row->row, cell->col,
			   "the %s of %s is the formula error %s; correct the formula",
			   value_word(def), c->ref, quoted);
		free(quoted);
		return -1;
	}
	v->text = collapse(m->rows->private->arena, cell->text);
	if (!*v->text)
		return 0;
	v->present = 1;
	switch (def->type) {
	case VALUE_TEXT:
		return 0;
	case VALUE_REF:
		return read_ref(c, def, v->text, v);
	case VALUE_CODE:
		return read_code(c, def, v->text, v);
	case VALUE_DATE:
		return read_date(c, def, cell, v);
	case VALUE_NUMBER:
		return read_number(c, def, cell, v);
	case VALUE_POLARITY:
		return read_polarity(c, v->text, v);
	case VALUE_KIND:
		return read_kind(c, v->text, v);
	}
	return 0;
}

/* ---- rows ---- */

static size_t group_for(struct mapping *m, const char *name, uint32_t row, uint32_t col)
{
	gpointer found = g_hash_table_lookup(m->group_index, name);
	if (found)
		return GPOINTER_TO_SIZE(found) - 1;
	struct sheet_rows *rows = m->rows;
	MEM_GROW(rows->groups, rows->group_count, m->group_capacity);
	rows->groups[rows->group_count] = (struct sheet_group){ .name = name, .row = row,
								 .col = col };
	g_hash_table_insert(m->group_index, (gpointer)name,
			    GSIZE_TO_POINTER(rows->group_count + 1));
	return rows->group_count++;
}

/* The fields that describe a row's group rather than the row. */
static int is_group_field(enum sheet_field field)
{
	return field == FIELD_GROUP || field == FIELD_GROUP_REF ||
	       field == FIELD_GROUP_DESCRIPTION;
}

/* Which fields the row fills, counting the group's own apart. */
static size_t filled(const struct mapping *m, const struct sheet_row *row, size_t *own)
{
	size_t n = 0;
	*own = 0;
	for (size_t k = 0; k < row->cell_count; k++) {
		const struct sheet_cell *cell = &row->cells[k];
		const struct sheet_field_def *def = m->by_col[cell->col];
		if (!def)
			continue;
		if (is_group_field(def->field))
			(*own)++;
		else
			n++;
	}
	return n;
}

static void check_unique(struct mapping *m, size_t index)
{
	const struct sheet_record *r = &m->rows->records[index];
	const struct sheet_value *ref = &r->values[FIELD_REF];
	if (!ref->present)
		return;
	gpointer found = g_hash_table_lookup(m->refs, ref->text);
	if (!found) {
		g_hash_table_insert(m->refs, (gpointer)ref->text, GSIZE_TO_POINTER(index + 1));
		return;
	}
	const struct sheet_record *first = &m->rows->records[GPOINTER_TO_SIZE(found) - 1];
	char place[SHEET_PLACE_BYTES];
	sheet_place(m->sheet, first->row, first->values[FIELD_REF].col, place);
	char *quoted = shown(ref->text);
	cell_error(m, r->row, ref->col, "ref \"%s\" is already used at %s", quoted, place);
	free(quoted);
}

static void require(struct row_context *c, enum sheet_field field)
{
	struct mapping *m = c->m;
	if (c->record->values[field].present || !m->defs[field])
		return;
	const struct sheet_field_def *def = m->defs[field];
	if (field == FIELD_REF)
		cell_error(m, c->row->row, m->col_of[field],
			   "the row has no ref; every %s needs one",
			   m->options->table == SHEET_TABLE_ASSESSMENT ? "characteristic"
								       : "measure");
	else
		cell_error(m, c->row->row, m->col_of[field], "%s has no %s", c->ref,
			   def->name);
}

/* The row's values in its history columns, in column order. */
static void read_history(struct row_context *c)
{
	static const struct sheet_field_def history = {
		FIELD_COUNT, "history value", SHEET_HISTORY_HEADING, { NULL },
		VALUE_NUMBER, 0, SHEET_HISTORY_HELP,
	};
	struct mapping *m = c->m;
	if (!m->history_columns)
		return;
	struct sheet_record *r = c->record;
	r->history = arena_alloc(m->rows->private->arena,
				 m->history_columns * sizeof *r->history);
	for (size_t k = 0; k < c->row->cell_count; k++) {
		const struct sheet_cell *cell = &c->row->cells[k];
		const char *period = m->history_period[cell->col];
		struct sheet_value v = { 0 };
		if (!period || read_value(c, &history, cell, &v) != 0 || !v.present)
			continue;
		r->history[r->history_count++] =
			(struct sheet_history_value){ period, v.number };
	}
}

static void read_row(struct mapping *m, const struct sheet_row *row, size_t *current)
{
	size_t own;
	size_t n = filled(m, row, &own);
	if (!n && !own)
		return; /* nothing in the columns read */
	m->filled_rows++;
	struct arena *arena = m->rows->private->arena;
	const struct sheet_cell *group_cell = sheet_cell_at(row, m->col_of[FIELD_GROUP]);
	const char *group_name = group_cell ? collapse(arena, group_cell->text) : "";
	if (*group_name)
		*current = group_for(m, group_name, row->row, group_cell->col);
	const struct sheet_cell *ref_cell = sheet_cell_at(row, m->col_of[FIELD_GROUP_REF]);
	if (*group_name && ref_cell && !m->rows->groups[*current].ref)
		m->rows->groups[*current].ref = collapse(arena, ref_cell->text);
	const struct sheet_cell *about = sheet_cell_at(row, m->col_of[FIELD_GROUP_DESCRIPTION]);
	if (*group_name && about && !m->rows->groups[*current].description)
		m->rows->groups[*current].description = collapse(arena, about->text);
	if (!n)
		return; /* a row naming its theme only */
	if (*current == (size_t)-1) {
		cell_error(m, row->row, row->cells[0].col,
			   "the row has no %s: fill in its %s cell, or put a row with only "
			   "the %s above it", m->defs[FIELD_GROUP]->name,
			   m->defs[FIELD_GROUP]->heading, m->defs[FIELD_GROUP]->name);
		return;
	}
	struct sheet_rows *rows = m->rows;
	MEM_GROW(rows->records, rows->record_count, m->record_capacity);
	struct sheet_record *r = &rows->records[rows->record_count++];
	*r = (struct sheet_record){ .row = row->row, .group = *current };
	struct row_context c = { m, row, r, "the row" };
	/* The ref first, for messages; the unit before numbers it governs. */
	static const enum sheet_field first[] = { FIELD_REF, FIELD_UNIT };
	for (size_t i = 0; i < 2; i++) {
		const struct sheet_cell *cell = sheet_cell_at(row, m->col_of[first[i]]);
		if (m->defs[first[i]] && cell)
			read_value(&c, m->defs[first[i]], cell, &r->values[first[i]]);
	}
	if (r->values[FIELD_REF].present) {
		char *quoted = shown(r->values[FIELD_REF].text);
		c.ref = arena_strndup(arena, quoted, strlen(quoted));
		free(quoted);
	}
	for (size_t k = 0; k < row->cell_count; k++) {
		const struct sheet_field_def *def = m->by_col[row->cells[k].col];
		if (def && def->field != FIELD_REF && def->field != FIELD_UNIT &&
		    !is_group_field(def->field))
			read_value(&c, def, &row->cells[k], &r->values[def->field]);
	}
	read_history(&c);
	require(&c, FIELD_REF);
	require(&c, m->options->table == SHEET_TABLE_ASSESSMENT ? FIELD_CHARACTERISTIC
								: FIELD_NAME);
	if (m->options->table == SHEET_TABLE_PERFORMANCE)
		require(&c, FIELD_POLARITY);
	check_unique(m, rows->record_count - 1);
}

/* Records ordered by group, each group's in row order. */
static void order_by_group(struct sheet_rows *rows)
{
	size_t at = 0;
	for (size_t g = 0; g < rows->group_count; g++)
		rows->groups[g].count = 0;
	for (size_t i = 0; i < rows->record_count; i++)
		rows->groups[rows->records[i].group].count++;
	for (size_t g = 0; g < rows->group_count; g++) {
		rows->groups[g].first = at;
		at += rows->groups[g].count;
	}
	struct sheet_record *sorted = mem_array(rows->record_count ? rows->record_count : 1,
						sizeof *sorted);
	size_t *next = mem_array(rows->group_count ? rows->group_count : 1, sizeof *next);
	for (size_t g = 0; g < rows->group_count; g++)
		next[g] = rows->groups[g].first;
	for (size_t i = 0; i < rows->record_count; i++)
		sorted[next[rows->records[i].group]++] = rows->records[i];
	free(next);
	free(rows->records);
	rows->records = sorted;
}

struct sheet_rows *sheet_rows_map(const struct sheet *sheet,
				  const struct sheet_rows_options *options,
				  struct diag_list *diags)
{
	if (!sheet->row_count) {
		diag_add(diags, DIAG_ERROR, options->origin->file, options->origin->line,
			 options->origin->col, "%s%s%s%s is empty: it has no header row",
			 sheet->name ? "sheet \"" : "", sheet->name ? sheet->name : "",
			 sheet->name ? "\" of " : "", sheet->path);
		return NULL;
	}
	struct mapping *m = mem_alloc(sizeof *m);
	m->sheet = sheet;
	m->options = options;
	m->diags = diags;
	struct sheet_rows *rows = mem_alloc(sizeof *rows);
	rows->private = mem_alloc(sizeof *rows->private);
	rows->private->arena = arena_new();
	rows->sheet = sheet;
	rows->table = options->table;
	m->rows = rows;
	m->group_index = g_hash_table_new(g_str_hash, g_str_equal);
	m->refs = g_hash_table_new(g_str_hash, g_str_equal);
	int status = map_header(m, &sheet->rows[0]);
	size_t current = (size_t)-1;
	for (size_t i = 1; status == 0 && i < sheet->row_count; i++)
		read_row(m, &sheet->rows[i], &current);
	size_t filled_rows = m->filled_rows;
	g_hash_table_destroy(m->refs);
	g_hash_table_destroy(m->group_index);
	free(m);
	if (status != 0) {
		sheet_rows_free(rows);
		return NULL;
	}
	order_by_group(rows);
	if (!filled_rows)
		diag_add(diags, DIAG_ERROR, options->origin->file, options->origin->line,
			 options->origin->col, "%s%s%s%s has a header row but no rows "
			 "under it", sheet->name ? "sheet \"" : "",
			 sheet->name ? sheet->name : "", sheet->name ? "\" of " : "",
			 sheet->path);
	return rows;
}

void sheet_rows_free(struct sheet_rows *rows)
{
	if (!rows)
		return;
	free(rows->groups);
	free(rows->records);
	arena_free(rows->private->arena);
	free(rows->private);
	free(rows);
}
