/* OpenDocument spreadsheets (.ods): one content.xml part holds every sheet
 * (table:table) with its rows and cells. Repeated rows and columns are
 * how LibreOffice writes runs of equal cells: empty runs cost nothing,
 * runs with content count against the limits like written ones. Values
 * come from office:value and its kin; text from the cell's paragraphs. */
#include "sheet_internal.h"

#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { START = XML_READER_TYPE_ELEMENT, END = XML_READER_TYPE_END_ELEMENT };

struct ods_cell {
	uint32_t col;
	enum sheet_cell_kind kind;
	char *text;
	double number;
	int percent;
	uint32_t repeat;
};

struct ods {
	struct sheet *sheet;
	struct sheet_zip *zip;
	GString *names;          /* the sheets seen, for a message */
	uint32_t row, col;       /* the next row and column to be numbered */
	uint32_t row_repeat;
	int row_hidden;
	struct ods_cell *cells;  /* the row being read */
	size_t cell_count, cell_capacity;
	struct ods_cell cell;    /* the cell being read */
	struct sheet_text text;
	int in_cell, in_paragraph, paragraphs, in_annotation;
};

static int is_text_node(xmlTextReaderPtr r)
{
	int type = xmlTextReaderNodeType(r);
	return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
	       type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

static uint32_t count_attr(xmlTextReaderPtr r, const char *name)
{
	char *v = sheet_xml_attr(r, name);
	unsigned long n = v ? strtoul(v, NULL, 10) : 1;
	xmlFree(v);
	return n < 1 ? 1 : n > (1u << 24) ? 1u << 24 : (uint32_t)n;
}

/* ---- encryption: the manifest says so ---- */

static int check_manifest(struct ods *o)
{
	struct sheet_part *part = sheet_part_open(o->zip, "META-INF/manifest.xml");
	if (!part)
		return o->sheet->private->failed ? -1 : 0;
	int status, encrypted = 0;
	while ((status = sheet_part_next(part)) == 1)
		encrypted |= sheet_xml_is(sheet_part_reader(part), START, "encryption-data");
	sheet_part_close(part);
	if (status == 0 && encrypted) {
		sheet_fail(o->sheet, "is encrypted (protected by a password); save a copy "
			   "without a password and name that instead");
		return -1;
	}
	return status;
}

/* ---- cells ---- */

static void begin_cell(struct ods *o, xmlTextReaderPtr r)
{
	struct ods_cell *c = &o->cell;
	*c = (struct ods_cell){ .col = o->col, .kind = SHEET_CELL_TEXT };
	c->repeat = count_attr(r, "number-columns-repeated");
	sheet_text_clear(&o->text);
	o->paragraphs = 0;
	char *type = sheet_xml_attr(r, "value-type");
	char *value = sheet_xml_attr(r, "value");
	char *formula = sheet_xml_attr(r, "formula");
	char *result = NULL;
	if (xmlTextReaderMoveToFirstAttribute(r) == 1) { /* calcext:value-type */
		do {
			if (xmlStrEqual(xmlTextReaderConstLocalName(r), BAD_CAST "value-type") &&
			    xmlStrEqual(xmlTextReaderConstPrefix(r), BAD_CAST "calcext"))
				result = (char *)xmlTextReaderValue(r);
		} while (xmlTextReaderMoveToNextAttribute(r) == 1);
		xmlTextReaderMoveToElement(r);
	}
	char *end = NULL;
	if (result && strcmp(result, "error") == 0) {
		c->kind = SHEET_CELL_ERROR;
	} else if (type && (strcmp(type, "float") == 0 || strcmp(type, "currency") == 0 ||
			    strcmp(type, "percentage") == 0) && value) {
		c->number = g_ascii_strtod(value, &end);
		if (end != value && !*end && isfinite(c->number)) {
			char shown[G_ASCII_DTOSTR_BUF_SIZE];
			g_ascii_formatd(shown, sizeof shown, "%.15g", c->number);
			c->kind = SHEET_CELL_NUMBER;
			c->percent = strcmp(type, "percentage") == 0;
			c->text = mem_strdup(shown);
		}
	} else if (type && strcmp(type, "date") == 0) {
		char *date = sheet_xml_attr(r, "date-value");
		if (date && strlen(date) >= 10) {
			c->kind = SHEET_CELL_DATE;
			c->text = mem_strndup(date, 10);
		}
		xmlFree(date);
	} else if (type && strcmp(type, "boolean") == 0) {
		char *b = sheet_xml_attr(r, "boolean-value");
		c->kind = SHEET_CELL_BOOLEAN;
		c->text = mem_strdup(b && strcmp(b, "true") == 0 ? "TRUE" : "FALSE");
		xmlFree(b);
	} else if (!type && formula) {
		c->kind = SHEET_CELL_NO_VALUE;
		c->text = mem_strdup("");
	}
	xmlFree(type);
	xmlFree(value);
	xmlFree(formula);
	xmlFree(result);
	uint32_t across = count_attr(r, "number-columns-spanned");
	uint32_t down = count_attr(r, "number-rows-spanned");
	if (across > 1 || down > 1)
		sheet_add_merge(o->sheet, (struct sheet_merge){
			o->row, o->col, o->row + down - 1, o->col + across - 1 });
}

static void end_cell(struct ods *o)
{
	struct ods_cell *c = &o->cell;
	struct sheet_private *p = o->sheet->private;
	o->col += c->repeat;
	if (o->text.too_long) {
		sheet_report(o->sheet, p->diags, DIAG_ERROR, o->row, c->col,
			     "the cell holds more than %u bytes; cells are refused above "
			     "that size", SHEET_MAX_CELL_BYTES);
		p->failed = 1;
	}
	if (!c->text && o->text.length)
		c->text = mem_strdup(o->text.bytes);
	if (c->kind == SHEET_CELL_ERROR) {
		free(c->text);
		c->text = mem_strdup(o->text.length ? o->text.bytes : "#ERROR");
	}
	if (!c->text)
		return; /* empty */
	MEM_GROW(o->cells, o->cell_count, o->cell_capacity);
	o->cells[o->cell_count++] = *c;
	c->text = NULL;
}

static void clear_row(struct ods *o)
{
	for (size_t i = 0; i < o->cell_count; i++)
		free(o->cells[i].text);
	o->cell_count = 0;
}

/* A row with content once per repeat; an empty one only moves on. */
static int end_row(struct ods *o)
{
	int status = 0;
	for (uint32_t n = 0; o->cell_count && n < o->row_repeat && status == 0; n++) {
		sheet_begin_row(o->sheet, o->row + n, o->row_hidden);
		for (size_t i = 0; i < o->cell_count && status == 0; i++) {
			const struct ods_cell *c = &o->cells[i];
			for (uint32_t k = 0; k < c->repeat && status == 0; k++)
				status = sheet_add_cell(o->sheet, c->col + k, c->kind, c->text,
							strlen(c->text), c->number, c->percent);
		}
		sheet_end_row(o->sheet);
	}
	o->row += o->row_repeat;
	clear_row(o);
	return status;
}

static void put_text(struct ods *o, const char *s)
{
	sheet_text_put(&o->text, s, strlen(s));
}

/* Text inside a cell's paragraphs; annotations (comments) are not the
 * cell's text. */
static void read_text_node(struct ods *o, xmlTextReaderPtr r)
{
	if (o->in_annotation)
		return;
	if (sheet_xml_is(r, START, "p")) {
		if (o->paragraphs++)
			put_text(o, "\n");
	} else if (sheet_xml_is(r, START, "s")) {
		uint32_t n = count_attr(r, "c");
		for (uint32_t i = 0; i < n && i < SHEET_MAX_CELL_BYTES && !o->text.too_long; i++)
			put_text(o, " ");
	} else if (sheet_xml_is(r, START, "tab")) {
		put_text(o, "\t");
	} else if (sheet_xml_is(r, START, "line-break")) {
		put_text(o, "\n");
	} else if (is_text_node(r)) {
		put_text(o, (const char *)xmlTextReaderConstValue(r));
	}
}

static int read_table(struct ods *o, struct sheet_part *part)
{
	xmlTextReaderPtr r = sheet_part_reader(part);
	int status;
	o->row = 1;
	while ((status = sheet_part_next(part)) == 1 && !o->sheet->private->failed) {
		int is_cell = sheet_xml_is(r, START, "table-cell") ||
			      sheet_xml_is(r, START, "covered-table-cell");
		if (sheet_xml_is(r, END, "table"))
			return 0;
		if (sheet_xml_is(r, START, "table-row")) {
			o->row_repeat = count_attr(r, "number-rows-repeated");
			char *visibility = sheet_xml_attr(r, "visibility");
			o->row_hidden = visibility && strcmp(visibility, "visible") != 0;
			xmlFree(visibility);
			o->col = 1;
			clear_row(o);
			if (xmlTextReaderIsEmptyElement(r) && end_row(o) != 0)
				return -1;
		} else if (sheet_xml_is(r, END, "table-row")) {
			if (end_row(o) != 0)
				return -1;
		} else if (is_cell) {
			begin_cell(o, r);
			o->in_cell = !xmlTextReaderIsEmptyElement(r);
			if (!o->in_cell)
				end_cell(o);
		} else if (sheet_xml_is(r, END, "table-cell") ||
			   sheet_xml_is(r, END, "covered-table-cell")) {
			o->in_cell = 0;
			end_cell(o);
		} else if (o->in_cell && sheet_xml_is(r, START, "annotation")) {
			o->in_annotation = !xmlTextReaderIsEmptyElement(r);
		} else if (o->in_cell && sheet_xml_is(r, END, "annotation")) {
			o->in_annotation = 0;
		} else if (o->in_cell) {
			read_text_node(o, r);
		}
	}
	return o->sheet->private->failed ? -1 : status;
}

static int read_content(struct ods *o, const char *wanted)
{
	struct sheet_part *part = sheet_part_open(o->zip, "content.xml");
	if (!part) {
		if (!o->sheet->private->failed)
			sheet_fail(o->sheet, "is not an OpenDocument spreadsheet: it has no "
				   "content.xml part%s",
				   sheet_zip_has(o->zip, "xl/workbook.xml")
					   ? " (an Excel workbook named .ods? name it .xlsx)"
					   : "");
		return -1;
	}
	xmlTextReaderPtr r = sheet_part_reader(part);
	int status, found = 0;
	size_t tables = 0;
	while (!found && (status = sheet_part_next(part)) == 1) {
		if (!sheet_xml_is(r, START, "table") || xmlTextReaderIsEmptyElement(r))
			continue;
		char *name = sheet_xml_attr(r, "name");
		const char *shown = name ? name : "";
		if (!wanted || strcasecmp(shown, wanted) == 0) {
			found = 1;
			o->sheet->name = sheet_strdup(o->sheet, shown);
			status = read_table(o, part);
		} else if (tables++ < SHEET_MAX_SHEETS) {
			g_string_append_printf(o->names, "%s\"%s\"", tables > 1 ? ", " : "",
					       shown);
		}
		xmlFree(name);
	}
	sheet_part_close(part);
	if (status == 0 && !found) {
		if (tables)
			sheet_fail(o->sheet, "has no sheet \"%s\"; its sheets are %s",
				   wanted ? wanted : "", o->names->str);
		else
			sheet_fail(o->sheet, "has no sheets");
		return -1;
	}
	return status;
}

struct sheet *sheet_read_ods(const char *path, const char *sheet_name,
			     const struct sheet_origin *origin, struct diag_list *diags)
{
	struct sheet *sheet = sheet_new(path, SHEET_FORMAT_ODS, origin, diags);
	struct ods o = { .sheet = sheet, .names = g_string_new("") };
	o.zip = sheet_zip_open(sheet);
	int status = o.zip && check_manifest(&o) == 0 ? read_content(&o, sheet_name) : -1;
	sheet_zip_close(o.zip);
	clear_row(&o);
	free(o.cells);
	free(o.cell.text);
	sheet_text_free(&o.text);
	g_string_free(o.names, TRUE);
	if (status != 0 || sheet->private->failed) {
		sheet_free(sheet);
		return NULL;
	}
	return sheet_finish(sheet);
}
