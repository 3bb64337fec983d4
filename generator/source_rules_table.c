/* The rules of plain tables and figures that a schema cannot say: every row
 * (heading, body, totals) covers exactly the table's columns, counting
 * spans; a cell of a number or money column holds a number (or nothing, or
 * a dash for nil); a figure says what it shows in alt, or that it is
 * decoration with alt="". Reading the image itself is image.h's. */
#include "source_internal.h"

#include <stdlib.h>
#include <string.h>

/* Spans the schema accepts but no table could have. */
#define TABLE_MAX_SPAN 1000

static int is_numeric_column(const xmlNode *column)
{
	const char *format = column ? source_attr(column, "format") : NULL;
	return format && !strstr(format, "text");
}

/* A decimal as the loader reads it: optional minus, digits, optional
 * fraction. No thousands separators or pound signs: the format adds them. */
int source_is_decimal(const char *s)
{
	s += strspn(s, " \t\r\n");
	if (*s == '-' || *s == '+')
		s++;
	size_t digits = strspn(s, "0123456789");
	s += digits;
	if (*s == '.') {
		size_t fraction = strspn(s + 1, "0123456789");
		if (!fraction)
			return 0;
		s += 1 + fraction;
	}
	return digits > 0 && s[strspn(s, " \t\r\n")] == '\0';
}

/* Empty, or a dash for nil, is allowed in any column. */
static int is_nil(const char *s)
{
	s += strspn(s, " \t\r\n");
	if (strncmp(s, "-", 1) == 0)
		s += 1;
	else if (strncmp(s, "\xE2\x80\x93", 3) == 0)
		s += 3;
	return s[strspn(s, " \t\r\n")] == '\0';
}

static unsigned span_of(const xmlNode *cell)
{
	const char *span = source_attr(cell, "span");
	if (!span)
		return 1;
	long n = strtol(span, NULL, 10);
	return n >= 1 && n <= TABLE_MAX_SPAN ? (unsigned)n : 1;
}

static size_t check_row(struct source_load *load, const xmlNode *row,
			const xmlNode **columns, size_t column_count)
{
	size_t errors = 0, covered = 0;
	int numbers = !source_is(row, "head");
	for (const xmlNode *cell = source_child(row, "cell"); cell;
	     cell = source_next(cell->next, "cell")) {
		unsigned span = span_of(cell);
		const xmlNode *column = covered < column_count ? columns[covered] : NULL;
		if (numbers && span == 1 && is_numeric_column(column)) {
			xmlChar *content = xmlNodeGetContent(cell);
			const char *text = content ? (const char *)content : "";
			if (!source_is_decimal(text) && !is_nil(text)) {
				char *shown = source_quote(text);
				int millions = strstr(source_attr(column, "format"),
						      "millions") != NULL;
				source_error(load, source_node_pos(load, cell),
					     "\"%s\" is not a number, but column %zu prints %s: %s",
					     shown, covered + 1,
					     millions ? "millions of pounds" : source_attr(column, "format"),
					     millions ? "write the amount in pounds in full, such as "
							"12345678 for 12.3 (brackets for negatives are added)"
						      : "write the figure alone, such as 1234567 or "
							"-1250.50 (the column adds £, commas and brackets)");
				free(shown);
				errors++;
			}
			xmlFree(content);
		}
		covered += span;
	}
	if (covered != column_count) {
		source_error(load, source_node_pos(load, row),
			     "<%s> covers %zu column%s but the table has %zu <column>%s: %s",
			     (const char *)row->name, covered, covered == 1 ? "" : "s",
			     column_count, column_count == 1 ? "" : "s",
			     covered < column_count ? "add cells or widen one with span"
						    : "remove cells or narrow a span");
		errors++;
	}
	return errors;
}

size_t source_rules_table(struct source_load *load, const xmlNode *table)
{
	size_t column_count = source_count(table, "column");
	if (column_count == 0)
		return 0; /* the schema says so */
	const xmlNode **columns = mem_array(column_count, sizeof *columns);
	size_t i = 0;
	for (const xmlNode *c = source_child(table, "column"); c;
	     c = source_next(c->next, "column"))
		columns[i++] = c;
	size_t errors = 0;
	for (const xmlNode *row = table->children; row; row = row->next)
		if (source_is(row, "head") || source_is(row, "row") ||
		    source_is(row, "total"))
			errors += check_row(load, row, columns, column_count);
	free(columns);
	return errors;
}

size_t source_rules_figure(struct source_load *load, const xmlNode *figure)
{
	if (source_attr(figure, "alt"))
		return 0;
	source_error(load, source_node_pos(load, figure),
		     "<figure> has no alt: say in alt=\"…\" what the image shows, "
		     "or write alt=\"\" if it is decoration only");
	return 1;
}
