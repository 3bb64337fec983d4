/* Office Open XML workbooks (.xlsx): the workbook part names the sheets,
 * its relationships say where each sheet's part is, the shared strings
 * hold most text, and the cell formats say which numbers are dates and
 * which are percentages. Formula cells are read by their cached value. */
#include "sheet_internal.h"

#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum number_look { LOOK_NUMBER, LOOK_PERCENT, LOOK_DATE };

struct xlsx {
	struct sheet *sheet;
	struct sheet_zip *zip;
	char **strings;             /* shared strings */
	size_t string_count, string_capacity;
	unsigned char *looks;       /* per cell format (the s attribute) */
	size_t look_count, look_capacity;
	int date1904;
	char *workbook;             /* part names */
	char *workbook_rels;
	char *strings_part;
	char *styles_part;
	char *sheet_part;
};

enum { START = XML_READER_TYPE_ELEMENT, END = XML_READER_TYPE_END_ELEMENT };

static int is_text_node(xmlTextReaderPtr r)
{
	int type = xmlTextReaderNodeType(r);
	return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
	       type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
	       type == XML_READER_TYPE_WHITESPACE;
}

/* The end of an element: its end tag, or its start tag when empty. */
static int ends(xmlTextReaderPtr r, const char *name)
{
	return sheet_xml_is(r, END, name) ||
	       (sheet_xml_is(r, START, name) && xmlTextReaderIsEmptyElement(r));
}

/* Excel writes characters XML cannot carry as _xHHHH_. */
static void unescape(char *s)
{
	char *out = s;
	for (char *p = s; *p;) {
		unsigned v;
		if (p[0] == '_' && p[1] == 'x' && strlen(p) >= 7 && p[6] == '_' &&
		    sscanf(p + 2, "%4x", &v) == 1 && g_ascii_isxdigit(p[5])) {
			char utf8[8];
			int n = v ? g_unichar_to_utf8(v, utf8) : 0;
			if (v == '\r' || v == '\n' || v == '\t' || v >= 0x20)
				memcpy(out, utf8, (size_t)n), out += n;
			p += 7;
			continue;
		}
		*out++ = *p++;
	}
	*out = '\0';
}

/* A part name from a relationship target, relative to dir ("xl"); NULL
 * when it would step out of the archive. Caller frees. */
static char *resolve_target(const char *dir, const char *target)
{
	if (strstr(target, "..") || strchr(target, '\\'))
		return NULL;
	if (target[0] == '/')
		return mem_strdup(target + 1);
	return *dir ? mem_printf("%s/%s", dir, target) : mem_strdup(target);
}

static char *dir_of(const char *part)
{
	const char *slash = strrchr(part, '/');
	return slash ? mem_strndup(part, (size_t)(slash - part)) : mem_strdup("");
}

/* ---- relationships ---- */

struct relationship {
	char *id, *type, *target;
};

/* Calls found() for each Relationship of part; -1 after an error. */
static int read_rels(struct xlsx *x, const char *part_name,
		     void (*found)(struct xlsx *, const struct relationship *, void *),
		     void *context)
{
	struct sheet_part *part = sheet_part_open(x->zip, part_name);
	if (!part)
		return x->sheet->private->failed ? -1 : 0;
	xmlTextReaderPtr r = sheet_part_reader(part);
	int status;
	while ((status = sheet_part_next(part)) == 1) {
		if (!sheet_xml_is(r, START, "Relationship"))
			continue;
		struct relationship rel = { sheet_xml_attr(r, "Id"), sheet_xml_attr(r, "Type"),
					    sheet_xml_attr(r, "Target") };
		if (rel.id && rel.type && rel.target)
			found(x, &rel, context);
		xmlFree(rel.id);
		xmlFree(rel.type);
		xmlFree(rel.target);
	}
	sheet_part_close(part);
	return status;
}

static int type_is(const char *type, const char *suffix)
{
	size_t n = strlen(type), m = strlen(suffix);
	return n >= m && strcmp(type + n - m, suffix) == 0;
}

static void found_document(struct xlsx *x, const struct relationship *rel, void *context)
{
	(void)context;
	if (!x->workbook && type_is(rel->type, "/officeDocument"))
		x->workbook = resolve_target("", rel->target);
}

struct sheet_wanted {
	const char *rid;
	int bad_target;
};

static void found_workbook_part(struct xlsx *x, const struct relationship *rel,
				void *context)
{
	struct sheet_wanted *wanted = context;
	char *dir = dir_of(x->workbook);
	char **slot = NULL;
	if (wanted->rid && strcmp(rel->id, wanted->rid) == 0)
		slot = &x->sheet_part;
	else if (type_is(rel->type, "/sharedStrings"))
		slot = &x->strings_part;
	else if (type_is(rel->type, "/styles"))
		slot = &x->styles_part;
	if (slot && !*slot) {
		*slot = resolve_target(dir, rel->target);
		if (!*slot && slot == &x->sheet_part)
			wanted->bad_target = 1;
	}
	free(dir);
}

/* ---- the workbook part: which sheet ---- */

struct sheet_entry {
	char *name, *rid;
	int hidden;
};

static int read_workbook(struct xlsx *x, const char *wanted, char **rid)
{
	struct sheet_part *part = sheet_part_open(x->zip, x->workbook);
	if (!part) {
		if (!x->sheet->private->failed)
			sheet_fail(x->sheet, "is not an Excel workbook: it has no %s "
				   "part%s", x->workbook,
				   sheet_zip_has(x->zip, "mimetype")
					   ? " (an OpenDocument file named .xlsx? name it .ods)"
					   : "");
		return -1;
	}
	xmlTextReaderPtr r = sheet_part_reader(part);
	struct sheet_entry *sheets = NULL;
	size_t count = 0, capacity = 0;
	int status;
	while ((status = sheet_part_next(part)) == 1) {
		if (sheet_xml_is(r, START, "workbookPr")) {
			char *v = sheet_xml_attr(r, "date1904");
			x->date1904 = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
			xmlFree(v);
		} else if (sheet_xml_is(r, START, "sheet") && count < SHEET_MAX_SHEETS) {
			char *name = sheet_xml_attr(r, "name");
			char *id = sheet_xml_attr(r, "id");
			char *state = sheet_xml_attr(r, "state");
			MEM_GROW(sheets, count, capacity);
			sheets[count++] = (struct sheet_entry){
				mem_strdup(name ? name : ""), mem_strdup(id ? id : ""),
				state && strcmp(state, "visible") != 0 };
			xmlFree(name);
			xmlFree(id);
			xmlFree(state);
		}
	}
	sheet_part_close(part);
	const struct sheet_entry *chosen = NULL;
	for (size_t i = 0; status == 0 && i < count && !chosen; i++)
		if (!wanted || strcmp(sheets[i].name, wanted) == 0)
			chosen = &sheets[i];
	for (size_t i = 0; status == 0 && wanted && i < count && !chosen; i++)
		if (strcasecmp(sheets[i].name, wanted) == 0)
			chosen = &sheets[i];
	if (status == 0 && !chosen) {
		GString *names = g_string_new("");
		for (size_t i = 0; i < count; i++)
			g_string_append_printf(names, "%s\"%s\"", i ? ", " : "",
					       sheets[i].name);
		if (count)
			sheet_fail(x->sheet, "has no sheet \"%s\"; its sheets are %s",
				   wanted, names->str);
		else
			sheet_fail(x->sheet, "has no sheets");
		g_string_free(names, TRUE);
		status = -1;
	}
	if (chosen) {
		x->sheet->name = sheet_strdup(x->sheet, chosen->name);
		x->sheet->hidden = chosen->hidden;
		*rid = mem_strdup(chosen->rid);
	}
	for (size_t i = 0; i < count; i++) {
		free(sheets[i].name);
		free(sheets[i].rid);
	}
	free(sheets);
	return status;
}

/* ---- styles: which formats are dates and percentages ---- */

static enum number_look builtin_look(unsigned id)
{
	if (id == 9 || id == 10)
		return LOOK_PERCENT;
	if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) ||
	    (id >= 50 && id <= 58))
		return LOOK_DATE;
	return LOOK_NUMBER;
}

/* A format code's look: '%' outside quotes makes a percentage; a day or
 * year, or a month without hours or seconds, makes a date. */
static enum number_look code_look(const char *code)
{
	int percent = 0, day_year = 0, month = 0, time = 0;
	for (const char *p = code; *p; p++) {
		if (*p == '"') {
			const char *close = strchr(p + 1, '"');
			if (!close)
				break;
			p = close;
		} else if (*p == '[') {
			const char *close = strchr(p + 1, ']');
			if (!close)
				break;
			p = close;
		} else if (*p == '\\' || *p == '_' || *p == '*') {
			if (!*++p)
				break;
		} else if (*p == '%') {
			percent = 1;
		} else {
			char c = (char)g_ascii_tolower(*p);
			day_year |= c == 'd' || c == 'y';
			month |= c == 'm';
			time |= c == 'h' || c == 's';
		}
	}
	if (percent)
		return LOOK_PERCENT;
	if (day_year || (month && !time))
		return LOOK_DATE;
	return LOOK_NUMBER;
}

struct custom_format {
	unsigned id;
	enum number_look look;
};

static int read_styles(struct xlsx *x)
{
	const char *name = x->styles_part ? x->styles_part : "xl/styles.xml";
	struct sheet_part *part = sheet_part_open(x->zip, name);
	if (!part)
		return x->sheet->private->failed ? -1 : 0;
	xmlTextReaderPtr r = sheet_part_reader(part);
	struct custom_format *custom = NULL;
	size_t custom_count = 0, custom_capacity = 0;
	int in_cell_xfs = 0, status;
	while ((status = sheet_part_next(part)) == 1) {
		if (sheet_xml_is(r, START, "numFmt") && custom_count < SHEET_MAX_STYLES) {
			char *id = sheet_xml_attr(r, "numFmtId");
			char *code = sheet_xml_attr(r, "formatCode");
			MEM_GROW(custom, custom_count, custom_capacity);
			custom[custom_count++] = (struct custom_format){
				id ? (unsigned)strtoul(id, NULL, 10) : 0,
				code ? code_look(code) : LOOK_NUMBER };
			xmlFree(id);
			xmlFree(code);
		} else if (sheet_xml_is(r, START, "cellXfs")) {
			in_cell_xfs = !xmlTextReaderIsEmptyElement(r);
		} else if (sheet_xml_is(r, END, "cellXfs")) {
			in_cell_xfs = 0;
		} else if (in_cell_xfs && sheet_xml_is(r, START, "xf") &&
			   x->look_count < SHEET_MAX_STYLES) {
			char *id_text = sheet_xml_attr(r, "numFmtId");
			unsigned id = id_text ? (unsigned)strtoul(id_text, NULL, 10) : 0;
			xmlFree(id_text);
			enum number_look look = builtin_look(id);
			for (size_t i = 0; i < custom_count; i++)
				if (custom[i].id == id)
					look = custom[i].look;
			MEM_GROW(x->looks, x->look_count, x->look_capacity);
			x->looks[x->look_count++] = (unsigned char)look;
		}
	}
	free(custom);
	sheet_part_close(part);
	return status;
}

/* ---- shared strings ---- */

static int read_strings(struct xlsx *x)
{
	const char *name = x->strings_part ? x->strings_part : "xl/sharedStrings.xml";
	struct sheet_part *part = sheet_part_open(x->zip, name);
	if (!part)
		return x->sheet->private->failed ? -1 : 0;
	xmlTextReaderPtr r = sheet_part_reader(part);
	struct sheet_text text = { 0 };
	int in_t = 0, in_phonetic = 0, status;
	while ((status = sheet_part_next(part)) == 1) {
		if (sheet_xml_is(r, START, "si"))
			sheet_text_clear(&text);
		if (sheet_xml_is(r, START, "rPh"))
			in_phonetic = !xmlTextReaderIsEmptyElement(r);
		else if (sheet_xml_is(r, END, "rPh"))
			in_phonetic = 0;
		else if (sheet_xml_is(r, START, "t"))
			in_t = !xmlTextReaderIsEmptyElement(r);
		else if (sheet_xml_is(r, END, "t"))
			in_t = 0;
		else if (in_t && !in_phonetic && is_text_node(r)) {
			const char *v = (const char *)xmlTextReaderConstValue(r);
			sheet_text_put(&text, v, strlen(v));
		}
		if (ends(r, "si")) {
			if (x->string_count >= SHEET_MAX_STRINGS) {
				sheet_fail(x->sheet, "has more than %u shared strings; "
					   "workbooks are refused above that",
					   SHEET_MAX_STRINGS);
				status = -1;
				break;
			}
			/* A string past the cell limit is cut here; a cell using it
			 * is refused when read. */
			char *s = sheet_strdup(x->sheet, text.bytes ? text.bytes : "");
			unescape(s);
			MEM_GROW(x->strings, x->string_count, x->string_capacity);
			x->strings[x->string_count++] = text.too_long ? NULL : s;
			sheet_text_clear(&text);
		}
	}
	sheet_text_free(&text);
	sheet_part_close(part);
	return status;
}

/* ---- the sheet's cells ---- */

struct cell_reading {
	uint32_t col;
	char *type;            /* the t attribute, or NULL */
	unsigned style;
	int has_formula, has_value, in_v, in_is_t, in_phonetic;
	struct sheet_text value, inline_text;
};

static void too_long(struct xlsx *x, uint32_t col)
{
	struct sheet_private *p = x->sheet->private;
	sheet_report(x->sheet, p->diags, DIAG_ERROR, p->row, col,
		     "the cell holds more than %u bytes; cells are refused above that "
		     "size", SHEET_MAX_CELL_BYTES);
	p->failed = 1;
}

static int add_number(struct xlsx *x, const struct cell_reading *c, const char *v)
{
	char *end;
	double number = g_ascii_strtod(v, &end);
	/* Not a number (nor "nan" or "inf", which strtod reads and no
	 * spreadsheet writes): keep it as the text it is. */
	if (end == v || *end || !isfinite(number))
		return sheet_add_cell(x->sheet, c->col, SHEET_CELL_TEXT, v, strlen(v), 0, 0);
	enum number_look look = c->style < x->look_count ? x->looks[c->style] : LOOK_NUMBER;
	char iso[11];
	if (look == LOOK_DATE && sheet_serial_date(number, x->date1904, iso) == 0)
		return sheet_add_cell(x->sheet, c->col, SHEET_CELL_DATE, iso, 10, number, 0);
	char shown[G_ASCII_DTOSTR_BUF_SIZE];
	g_ascii_formatd(shown, sizeof shown, "%.15g", number);
	return sheet_add_cell(x->sheet, c->col, SHEET_CELL_NUMBER, shown, strlen(shown),
			      number, look == LOOK_PERCENT);
}

static int finish_cell(struct xlsx *x, struct cell_reading *c)
{
	struct sheet *sheet = x->sheet;
	const char *type = c->type ? c->type : "n";
	if (c->value.too_long || c->inline_text.too_long) {
		too_long(x, c->col);
		return -1;
	}
	const char *v = c->value.bytes ? c->value.bytes : "";
	if (strcmp(type, "inlineStr") == 0) {
		char *s = mem_strdup(c->inline_text.bytes ? c->inline_text.bytes : "");
		unescape(s);
		int status = sheet_add_cell(sheet, c->col, SHEET_CELL_TEXT, s, strlen(s), 0, 0);
		free(s);
		return status;
	}
	/* A formula saved without its value: no <v>, or an empty one. */
	if (!c->has_value || (c->has_formula && !*v))
		return c->has_formula ? sheet_add_cell(sheet, c->col, SHEET_CELL_NO_VALUE,
						       "", 0, 0, 0)
				      : 0;
	if (strcmp(type, "s") == 0) {
		char *end;
		unsigned long index = strtoul(v, &end, 10);
		if (end == v || *end || index >= x->string_count) {
			struct sheet_private *p = sheet->private;
			sheet_report(sheet, p->diags, DIAG_ERROR, p->row, c->col,
				     "the cell names shared string %.20s, which the "
				     "workbook does not have (is it damaged?)", v);
			p->failed = 1;
			return -1;
		}
		const char *s = x->strings[index];
		if (!s) {
			too_long(x, c->col);
			return -1;
		}
		return sheet_add_cell(sheet, c->col, SHEET_CELL_TEXT, s, strlen(s), 0, 0);
	}
	if (strcmp(type, "str") == 0) {
		char *s = mem_strdup(v);
		unescape(s);
		int status = sheet_add_cell(sheet, c->col, SHEET_CELL_TEXT, s, strlen(s), 0, 0);
		free(s);
		return status;
	}
	if (strcmp(type, "b") == 0) {
		const char *shown = strcmp(v, "1") == 0 ? "TRUE" : "FALSE";
		return sheet_add_cell(sheet, c->col, SHEET_CELL_BOOLEAN, shown,
				      strlen(shown), 0, 0);
	}
	if (strcmp(type, "e") == 0)
		return sheet_add_cell(sheet, c->col, SHEET_CELL_ERROR, v, strlen(v), 0, 0);
	if (strcmp(type, "d") == 0 && strlen(v) >= 10)
		return sheet_add_cell(sheet, c->col, SHEET_CELL_DATE, v, 10, 0, 0);
	return add_number(x, c, v);
}

static void start_cell(struct xlsx *x, xmlTextReaderPtr r, struct cell_reading *c)
{
	uint32_t previous = c->col;
	sheet_text_clear(&c->value);
	sheet_text_clear(&c->inline_text);
	free(c->type);
	c->type = NULL;
	c->has_formula = c->has_value = c->in_v = c->in_is_t = c->in_phonetic = 0;
	char *ref = sheet_xml_attr(r, "r");
	uint32_t col, row;
	c->col = ref && sheet_parse_ref(ref, &col, &row) ? col : previous + 1;
	xmlFree(ref);
	char *type = sheet_xml_attr(r, "t");
	c->type = type ? mem_strdup(type) : NULL;
	xmlFree(type);
	char *style = sheet_xml_attr(r, "s");
	c->style = style ? (unsigned)strtoul(style, NULL, 10) : 0;
	xmlFree(style);
	(void)x;
}

static void read_merge(struct xlsx *x, xmlTextReaderPtr r)
{
	char *ref = sheet_xml_attr(r, "ref");
	char *colon = ref ? strchr(ref, ':') : NULL;
	struct sheet_merge m;
	if (colon) {
		*colon = '\0';
		if (sheet_parse_ref(ref, &m.first_col, &m.first_row) &&
		    sheet_parse_ref(colon + 1, &m.last_col, &m.last_row))
			sheet_add_merge(x->sheet, m);
	}
	xmlFree(ref);
}

static int read_cells(struct xlsx *x)
{
	struct sheet_part *part = sheet_part_open(x->zip, x->sheet_part);
	if (!part) {
		if (!x->sheet->private->failed)
			sheet_fail(x->sheet, "names %s for sheet \"%s\", but has no such "
				   "part (is it damaged?)", x->sheet_part, x->sheet->name);
		return -1;
	}
	xmlTextReaderPtr r = sheet_part_reader(part);
	struct cell_reading c = { 0 };
	uint32_t row_number = 0;
	int status = 0;
	while (!x->sheet->private->failed && (status = sheet_part_next(part)) == 1) {
		if (sheet_xml_is(r, START, "row")) {
			char *number = sheet_xml_attr(r, "r");
			char *hidden = sheet_xml_attr(r, "hidden");
			unsigned long n = number ? strtoul(number, NULL, 10) : 0;
			row_number = n > row_number && n <= 1u << 24 ? (uint32_t)n
								    : row_number + 1;
			sheet_begin_row(x->sheet, row_number,
					hidden && (strcmp(hidden, "1") == 0 ||
						   strcmp(hidden, "true") == 0));
			xmlFree(number);
			xmlFree(hidden);
			c.col = 0;
			if (xmlTextReaderIsEmptyElement(r))
				sheet_end_row(x->sheet);
		} else if (sheet_xml_is(r, END, "row")) {
			sheet_end_row(x->sheet);
		} else if (sheet_xml_is(r, START, "c")) {
			start_cell(x, r, &c);
			if (xmlTextReaderIsEmptyElement(r) && finish_cell(x, &c) != 0)
				break;
		} else if (sheet_xml_is(r, END, "c")) {
			if (finish_cell(x, &c) != 0)
				break;
		} else if (sheet_xml_is(r, START, "f")) {
			c.has_formula = 1;
		} else if (sheet_xml_is(r, START, "v")) {
			c.has_value = 1;
			c.in_v = !xmlTextReaderIsEmptyElement(r);
		} else if (sheet_xml_is(r, END, "v")) {
			c.in_v = 0;
		} else if (sheet_xml_is(r, START, "rPh")) {
			c.in_phonetic = !xmlTextReaderIsEmptyElement(r);
		} else if (sheet_xml_is(r, END, "rPh")) {
			c.in_phonetic = 0;
		} else if (sheet_xml_is(r, START, "t")) {
			c.in_is_t = !xmlTextReaderIsEmptyElement(r);
		} else if (sheet_xml_is(r, END, "t")) {
			c.in_is_t = 0;
		} else if (sheet_xml_is(r, START, "mergeCell")) {
			read_merge(x, r);
		} else if (is_text_node(r)) {
			const char *v = (const char *)xmlTextReaderConstValue(r);
			if (c.in_v)
				sheet_text_put(&c.value, v, strlen(v));
			else if (c.in_is_t && !c.in_phonetic)
				sheet_text_put(&c.inline_text, v, strlen(v));
		}
	}
	sheet_text_free(&c.value);
	sheet_text_free(&c.inline_text);
	free(c.type);
	sheet_part_close(part);
	return x->sheet->private->failed ? -1 : status;
}

static int read_all(struct xlsx *x, const char *sheet_name)
{
	if (read_rels(x, "_rels/.rels", found_document, NULL) != 0)
		return -1;
	if (!x->workbook)
		x->workbook = mem_strdup("xl/workbook.xml");
	char *rid = NULL;
	if (read_workbook(x, sheet_name, &rid) != 0)
		return -1;
	char *dir = dir_of(x->workbook);
	char *base = mem_strdup(x->workbook + (*dir ? strlen(dir) + 1 : 0));
	x->workbook_rels = *dir ? mem_printf("%s/_rels/%s.rels", dir, base)
				: mem_printf("_rels/%s.rels", base);
	free(dir);
	free(base);
	struct sheet_wanted wanted = { rid, 0 };
	int status = read_rels(x, x->workbook_rels, found_workbook_part, &wanted);
	free(rid);
	if (status != 0)
		return -1;
	if (!x->sheet_part) {
		sheet_fail(x->sheet, "names no part for sheet \"%s\"%s", x->sheet->name,
			   wanted.bad_target ? " inside the archive (its target leads "
					       "out of it)" : " (is it damaged?)");
		return -1;
	}
	if (read_styles(x) != 0 || read_strings(x) != 0 || read_cells(x) != 0)
		return -1;
	return 0;
}

struct sheet *sheet_read_xlsx(const char *path, const char *sheet_name,
			      const struct sheet_origin *origin, struct diag_list *diags)
{
	struct sheet *sheet = sheet_new(path, SHEET_FORMAT_XLSX, origin, diags);
	struct xlsx x = { .sheet = sheet };
	x.zip = sheet_zip_open(sheet);
	int status = x.zip ? read_all(&x, sheet_name) : -1;
	sheet_zip_close(x.zip);
	free(x.strings);
	free(x.looks);
	free(x.workbook);
	free(x.workbook_rels);
	free(x.strings_part);
	free(x.styles_part);
	free(x.sheet_part);
	if (status != 0 || sheet->private->failed) {
		sheet_free(sheet);
		return NULL;
	}
	if (sheet->hidden)
		diag_add(diags, DIAG_NOTE, origin->file, origin->line, origin->col,
			 "sheet \"%s\" of %s is hidden; it is read like any other",
			 sheet->name, path);
	return sheet_finish(sheet);
}
