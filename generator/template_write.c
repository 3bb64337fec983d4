/* The template workbook itself, with libxlsxwriter: a sheet of rows under
 * a frozen bold header, data validation on the columns that take codes,
 * dates and numbers, and a sheet explaining each column and the scale. */
#include "template.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "file_atomic.h"
#include "memory.h"

#define WIDTH_MIN 8.0
#define WIDTH_MAX 60.0       /* wider text wraps instead */
#define LIST_MAX_CHARS 255   /* Excel's limit on an inline dropdown list */
#define MESSAGE_MAX_CHARS 255 /* Excel's limit on a validation message */

static const struct source_rating assessment_ratings[] = {
	{ "R", "Red", "Not met", STANDING_NOT_MET, { 0 } },
	{ "A", "Amber", "Partly met", STANDING_PARTLY, { 0 } },
	{ "G", "Green", "Met", STANDING_MET, { 0 } },
	{ "B", "Blue", "Complete", STANDING_COMPLETE, { 0 } },
};
static const struct source_rating performance_ratings[] = {
	{ "G", "On target", "On or better than target", STANDING_MET, { 0 } },
	{ "A", "Within tolerance", "Worse than target but within tolerance",
	  STANDING_PARTLY, { 0 } },
	{ "R", "Off target", "Worse than target by more than the tolerance",
	  STANDING_NOT_MET, { 0 } },
	{ "ND", "No data", "No data this period", STANDING_NO_DATA, { 0 } },
};
static const struct source_scale default_scales[] = {
	{ (struct source_rating *)assessment_ratings, 4 },
	{ (struct source_rating *)performance_ratings, 4 },
};

const struct source_scale *template_default_scale(enum sheet_table table)
{
	return &default_scales[table == SHEET_TABLE_ASSESSMENT ? 0 : 1];
}

struct writer {
	const struct template_spec *spec;
	lxw_workbook *book;
	lxw_worksheet *sheet;
	lxw_format *header, *wrap, *date;
	const struct sheet_field_def *fields;
	size_t field_count;
	const char **periods;    /* the "History PERIOD" columns after the fields */
	size_t period_count;
	double *widths;          /* per column, in characters */
	char *rating_list;       /* "R,Red,A,Amber,…" for the dropdowns */
	const char **rating_items; /* the same, NULL-ended */
};

static double text_width(const char *text)
{
	/* The longest line, in characters: a width Excel understands. */
	double longest = 0, line = 0;
	for (const char *p = text; *p; p = g_utf8_next_char(p)) {
		if (*p == '\n') {
			line = 0;
			continue;
		}
		if (++line > longest)
			longest = line;
	}
	return longest;
}

static void widen(struct writer *w, size_t col, double chars)
{
	if (chars + 2 > w->widths[col])
		w->widths[col] = chars + 2;
}

static int is_rating(const struct sheet_field_def *def)
{
	return def->type == VALUE_CODE;
}

/* The dropdown's entries: every code and every label of the scale, since
 * the readers accept either; codes only when that is too long for Excel
 * or a label holds the list's separator. */
static void build_rating_list(struct writer *w)
{
	const struct source_scale *scale = w->spec->scale;
	GString *list = g_string_new(NULL);
	w->rating_items = mem_array(2 * scale->rating_count + 1, sizeof *w->rating_items);
	size_t n = 0;
	for (int labels = 0; labels < 2; labels++) {
		for (size_t i = 0; i < scale->rating_count; i++) {
			const char *entry = labels ? scale->ratings[i].label
						   : scale->ratings[i].code;
			if (!entry || !*entry || strchr(entry, ',') || strchr(entry, '"'))
				continue;
			size_t need = list->len + (list->len ? 1 : 0) + strlen(entry);
			if (labels && need > LIST_MAX_CHARS)
				continue;
			if (list->len)
				g_string_append_c(list, ',');
			g_string_append(list, entry);
			w->rating_items[n++] = entry;
		}
	}
	w->rating_items[n] = NULL;
	w->rating_list = g_string_free(list, FALSE);
}

/* The officer's message for a column: its help sentence, cut to Excel's
 * limit on a character boundary. Caller frees. */
static char *message_of(const struct sheet_field_def *def)
{
	const char *end = def->help;
	for (long chars = 0; *end && chars < MESSAGE_MAX_CHARS - 1; chars++)
		end = g_utf8_next_char(end);
	return mem_strndup(def->help, (size_t)(end - def->help));
}

static lxw_error validate_column(struct writer *w, size_t col,
				 const struct sheet_field_def *def)
{
	lxw_data_validation v = { 0 };
	static char *polarities[] = { "higher", "lower", NULL };
	static char *kinds[] = { "context", NULL };
	switch (def->type) {
	case VALUE_CODE:
		v.validate = LXW_VALIDATION_TYPE_LIST;
		v.value_list = (char **)w->rating_items;
		v.error_message = "Choose a code or label of the scale from the list.";
		break;
	case VALUE_POLARITY:
		v.validate = LXW_VALIDATION_TYPE_LIST;
		v.value_list = polarities;
		v.error_message = "Choose higher or lower: which way is better.";
		break;
	case VALUE_KIND:
		v.validate = LXW_VALIDATION_TYPE_LIST;
		v.value_list = kinds;
		v.error_message = "Write context for a measure that is never rated, "
				  "or leave the cell empty.";
		break;
	case VALUE_DATE:
		v.validate = LXW_VALIDATION_TYPE_DATE;
		v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		v.minimum_datetime = (lxw_datetime){ 1900, 1, 1, 0, 0, 0 };
		v.maximum_datetime = (lxw_datetime){ 9999, 12, 31, 0, 0, 0 };
		v.error_message = "Enter a date, such as 31/03/2025.";
		break;
	case VALUE_NUMBER:
		v.validate = LXW_VALIDATION_TYPE_DECIMAL;
		v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		v.minimum_number = def->field == FIELD_TOLERANCE ? 0 : -1e15;
		v.maximum_number = def->field == FIELD_TOLERANCE ? 100 : 1e15;
		v.error_message = def->field == FIELD_TOLERANCE
			? "Enter a percentage of the target, from 0 to 100."
			: "Enter a number, without its unit.";
		break;
	default:
		return LXW_NO_ERROR;
	}
	char *message = message_of(def);
	char title[32];
	g_strlcpy(title, def->heading, sizeof title);
	v.input_title = title;
	v.input_message = message;
	v.error_title = title;
	lxw_error status = worksheet_data_validation_range(
		w->sheet, 1, (lxw_col_t)col, LXW_ROW_MAX - 1, (lxw_col_t)col, &v);
	free(message);
	return status;
}

static int date_parts(const char *iso, lxw_datetime *out)
{
	int y, m, d;
	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return -1;
	*out = (lxw_datetime){ y, m, d, 0, 0, 0 };
	return 0;
}

static lxw_error write_cell(struct writer *w, lxw_row_t row, size_t col,
			    struct template_cell cell)
{
	lxw_datetime when;
	switch (cell.kind) {
	case TEMPLATE_TEXT:
		widen(w, col, text_width(cell.text));
		return worksheet_write_string(w->sheet, row, (lxw_col_t)col, cell.text,
					      w->wrap);
	case TEMPLATE_NUMBER: {
		char shown[32];
		snprintf(shown, sizeof shown, "%.15g", cell.number);
		widen(w, col, (double)strlen(shown));
		return worksheet_write_number(w->sheet, row, (lxw_col_t)col, cell.number,
					      NULL);
	}
	case TEMPLATE_DATE:
		widen(w, col, 11);
		if (date_parts(cell.text, &when) == 0)
			return worksheet_write_datetime(w->sheet, row, (lxw_col_t)col,
							&when, w->date);
		return worksheet_write_string(w->sheet, row, (lxw_col_t)col, cell.text,
					      NULL);
	case TEMPLATE_EMPTY:
		break;
	}
	return LXW_NO_ERROR;
}

/* Every row of the block, themes or groups in order. */
static lxw_error write_rows(struct writer *w)
{
	lxw_error status = LXW_NO_ERROR;
	lxw_row_t row = 1;
	struct template_row r = { 0 };
	const struct source_assessment *a = w->spec->assessment;
	const struct source_performance *p = w->spec->performance;
	size_t groups = a ? a->theme_count : p ? p->group_count : 0;
	for (size_t g = 0; g < groups; g++) {
		size_t count = a ? a->themes[g].item_count : p->groups[g].measure_count;
		for (size_t i = 0; i < count; i++, row++) {
			r = (struct template_row){ .first_of_group = i == 0 };
			if (a) {
				r.theme = &a->themes[g];
				r.item = &r.theme->items[i];
			} else {
				r.group = &p->groups[g];
				r.measure = &r.group->measures[i];
			}
			for (size_t c = 0; c < w->field_count && !status; c++)
				status = write_cell(w, row, c,
						    template_cell_of(&r, w->fields[c].field));
			for (size_t h = 0; h < w->period_count && !status; h++)
				status = write_cell(w, row, w->field_count + h,
						    template_history_cell(&r, w->periods[h]));
		}
	}
	return status;
}

static lxw_error write_main_sheet(struct writer *w)
{
	lxw_error status = LXW_NO_ERROR;
	for (size_t c = 0; c < w->field_count && !status; c++) {
		const struct sheet_field_def *def = &w->fields[c];
		w->widths[c] = WIDTH_MIN;
		widen(w, c, text_width(def->heading));
		if (is_rating(def))
			widen(w, c, 10);
		status = worksheet_write_string(w->sheet, 0, (lxw_col_t)c, def->heading,
						w->header);
		if (!status)
			status = validate_column(w, c, def);
	}
	static const struct sheet_field_def history = {
		FIELD_COUNT, "history", SHEET_HISTORY_HEADING, { NULL }, VALUE_NUMBER, 0,
		SHEET_HISTORY_HELP,
	};
	for (size_t h = 0; h < w->period_count && !status; h++) {
		size_t c = w->field_count + h;
		char *heading = mem_printf("%s %s", SHEET_HISTORY_HEADING, w->periods[h]);
		w->widths[c] = WIDTH_MIN;
		widen(w, c, text_width(heading));
		status = worksheet_write_string(w->sheet, 0, (lxw_col_t)c, heading,
						w->header);
		free(heading);
		if (!status)
			status = validate_column(w, c, &history);
	}
	if (!status)
		status = write_rows(w);
	for (size_t c = 0; c < w->field_count + w->period_count && !status; c++) {
		int wide = w->widths[c] > WIDTH_MAX;
		status = worksheet_set_column(w->sheet, (lxw_col_t)c, (lxw_col_t)c,
					      wide ? WIDTH_MAX : w->widths[c],
					      wide ? w->wrap : NULL);
	}
	worksheet_freeze_panes(w->sheet, 1, 0);
	return status;
}

static const char *type_words(enum sheet_value_type type)
{
	switch (type) {
	case VALUE_TEXT: return "text";
	case VALUE_REF: return "a reference: a letter first, no spaces";
	case VALUE_CODE: return "a code or label of the scale (dropdown)";
	case VALUE_DATE: return "a date";
	case VALUE_NUMBER: return "a number, without its unit";
	case VALUE_POLARITY: return "higher or lower (dropdown)";
	case VALUE_KIND: return "context, or empty (dropdown)";
	}
	return "text";
}

/* The second sheet: each column in words, then the scale. */
static lxw_error write_about_sheet(struct writer *w, lxw_worksheet *about)
{
	static const char *const headings[] = { "Column", "Required", "What it holds",
						"Other headings read as it", "Explanation" };
	static const double widths[] = { 20, 10, 36, 36, WIDTH_MAX };
	lxw_error status = LXW_NO_ERROR;
	for (lxw_col_t c = 0; c < 5 && !status; c++) {
		status = worksheet_write_string(about, 0, c, headings[c], w->header);
		if (!status)
			status = worksheet_set_column(about, c, c, widths[c], w->wrap);
	}
	lxw_row_t row = 1;
	for (size_t i = 0; i < w->field_count && !status; i++, row++) {
		const struct sheet_field_def *def = &w->fields[i];
		GString *others = g_string_new(NULL);
		for (size_t s = 0; def->synonyms[s]; s++)
			g_string_append_printf(others, "%s%s", s ? ", " : "", def->synonyms[s]);
		const char *cells[] = { def->heading, def->required ? "yes" : "no",
					type_words(def->type), others->str, def->help };
		for (lxw_col_t c = 0; c < 5 && !status; c++)
			if (*cells[c])
				status = worksheet_write_string(about, row, c, cells[c], NULL);
		g_string_free(others, TRUE);
	}
	if (w->spec->table == SHEET_TABLE_PERFORMANCE) {
		const char *cells[] = { SHEET_HISTORY_HEADING " PERIOD", "no",
					type_words(VALUE_NUMBER), "", SHEET_HISTORY_HELP };
		for (lxw_col_t c = 0; c < 5 && !status; c++)
			if (*cells[c])
				status = worksheet_write_string(about, row, c, cells[c], NULL);
		row++;
	}
	row++;
	static const char *const scale_headings[] = { "Code", "Label", "Meaning" };
	for (lxw_col_t c = 0; c < 3 && !status; c++)
		status = worksheet_write_string(about, row, c, scale_headings[c], w->header);
	const struct source_scale *scale = w->spec->scale;
	for (size_t i = 0; i < scale->rating_count && !status; i++) {
		const struct source_rating *r = &scale->ratings[i];
		const char *cells[] = { r->code, r->label, r->meaning };
		row++;
		for (lxw_col_t c = 0; c < 3 && !status; c++)
			if (cells[c] && *cells[c])
				status = worksheet_write_string(about, row, c, cells[c], NULL);
	}
	worksheet_freeze_panes(about, 1, 0);
	return status;
}

static lxw_error write_book(struct writer *w)
{
	w->header = workbook_add_format(w->book);
	format_set_bold(w->header);
	format_set_bottom(w->header, LXW_BORDER_THIN);
	w->wrap = workbook_add_format(w->book);
	format_set_text_wrap(w->wrap);
	format_set_align(w->wrap, LXW_ALIGN_VERTICAL_TOP);
	w->date = workbook_add_format(w->book);
	format_set_num_format(w->date, "dd/mm/yyyy");
	/* With SOURCE_DATE_EPOCH the same rows give the same bytes. */
	lxw_doc_properties properties = { .title = "committee-pdf template",
					  .created = w->spec->created };
	workbook_set_properties(w->book, &properties);
	w->sheet = workbook_add_worksheet(w->book, w->spec->sheet_name);
	lxw_worksheet *about = workbook_add_worksheet(w->book, "About the columns");
	if (!w->sheet || !about)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	lxw_error status = write_main_sheet(w);
	if (!status)
		status = write_about_sheet(w, about);
	return status;
}

int template_write(const char *path, const struct template_spec *spec,
		   struct diag_list *diags)
{
	struct file_atomic *file = file_atomic_open(path, diags);
	if (!file)
		return -1;
	struct writer w = { .spec = spec };
	w.fields = sheet_fields(spec->table, &w.field_count);
	if (spec->performance)
		w.periods = template_history_periods(spec->performance, &w.period_count);
	w.widths = mem_array(w.field_count + w.period_count, sizeof *w.widths);
	build_rating_list(&w);
	/* libxlsxwriter writes only to a named file: it writes the temporary
	 * file_atomic made (same inode, truncated), which commit then syncs
	 * and renames, so a failure still leaves nothing at path. */
	w.book = workbook_new(file_atomic_temp_path(file));
	lxw_error status = w.book ? write_book(&w) : LXW_ERROR_MEMORY_MALLOC_FAILED;
	lxw_error closed = w.book ? workbook_close(w.book) : LXW_NO_ERROR;
	if (!status)
		status = closed;
	free(w.widths);
	free(w.periods);
	free(w.rating_items);
	g_free(w.rating_list);
	if (status) {
		diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot write the workbook: %s",
			 lxw_strerror(status));
		file_atomic_abort(file);
		return -1;
	}
	return file_atomic_commit(file, diags);
}
