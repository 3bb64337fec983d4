/* The model of plain tables and figures (source.h) from a valid document.
 * The schema has checked the structure and source_rules_table.c the rest
 * (spans that add up, numbers in number columns, alt on figures), so what
 * is built here is only read. Everything lives in the document's arena. */
#include "source_internal.h"

#include <string.h>

static void *alloc_array(struct arena *arena, size_t count, size_t size)
{
	if (!count)
		return NULL;
	if (count > SIZE_MAX / size)
		return mem_array(count, size); /* ends the process with the OOM message */
	return arena_alloc(arena, count * size);
}

/* An attribute without the white space around it, or NULL. */
static const char *trimmed_attr(struct arena *arena, const xmlNode *node,
				const char *name)
{
	const char *raw = source_attr(node, name);
	if (!raw)
		return NULL;
	raw += strspn(raw, " \t\r\n");
	size_t n = strlen(raw);
	while (n && strchr(" \t\r\n", raw[n - 1]))
		n--;
	return arena_strndup(arena, raw, n);
}

/* A decimal the schema has checked, without strtod (whose decimal point
 * follows the locale); 0 when absent. */
static double attr_decimal(const xmlNode *node, const char *name)
{
	const char *s = source_attr(node, name);
	double value = 0, scale = 0;
	for (; s && *s; s++) {
		if (*s == '.')
			scale = 1;
		else if (*s >= '0' && *s <= '9') {
			value = value * 10 + (*s - '0');
			if (scale)
				scale *= 10;
		}
	}
	return scale ? value / scale : value;
}

static enum source_align align_of(const xmlNode *node)
{
	const char *align = source_attr(node, "align");
	if (!align)
		return SOURCE_ALIGN_AUTO;
	if (strstr(align, "left"))
		return SOURCE_ALIGN_LEFT;
	if (strstr(align, "center"))
		return SOURCE_ALIGN_CENTER;
	return SOURCE_ALIGN_RIGHT;
}

static enum source_format format_of(const xmlNode *node)
{
	const char *format = source_attr(node, "format");
	if (!format || strstr(format, "text"))
		return FORMAT_TEXT;
	if (strstr(format, "money-millions"))
		return FORMAT_MONEY_MILLIONS;
	if (strstr(format, "money"))
		return FORMAT_MONEY;
	return FORMAT_NUMBER;
}

static void build_text(struct source_load *load, struct arena *arena,
		       const xmlNode *node, struct source_text *out)
{
	source_inline_text(arena, node, out);
	out->pos = node ? source_node_pos(load, node) : (struct source_pos){ 0, 0 };
}

static void build_row(struct source_load *load, struct arena *arena,
		      const xmlNode *node, struct source_row *row)
{
	row->pos = source_node_pos(load, node);
	row->cell_count = source_count(node, "cell");
	row->cells = alloc_array(arena, row->cell_count, sizeof *row->cells);
	size_t i = 0;
	for (const xmlNode *c = source_child(node, "cell"); c;
	     c = source_next(c->next, "cell"), i++) {
		struct source_cell *cell = &row->cells[i];
		build_text(load, arena, c, &cell->text);
		cell->pos = cell->text.pos;
		double span = attr_decimal(c, "span");
		cell->span = span >= 1 && span < 1e6 ? (unsigned)span : 1;
		cell->align = align_of(c);
	}
}

static struct source_row *single_row(struct source_load *load,
				     struct arena *arena, const xmlNode *node)
{
	if (!node)
		return NULL;
	struct source_row *row = arena_alloc(arena, sizeof *row);
	build_row(load, arena, node, row);
	return row;
}

void source_build_table(struct source_load *load, struct arena *arena,
			const xmlNode *node, struct source_table *table)
{
	table->pos = source_node_pos(load, node);
	build_text(load, arena, source_child(node, "caption"), &table->caption);
	const char *headings = source_attr(node, "row-headings");
	table->row_headings = headings && strstr(headings, "yes");
	table->column_count = source_count(node, "column");
	table->columns = alloc_array(arena, table->column_count,
				     sizeof *table->columns);
	size_t i = 0;
	for (const xmlNode *c = source_child(node, "column"); c;
	     c = source_next(c->next, "column"), i++) {
		struct source_column *column = &table->columns[i];
		column->width = attr_decimal(c, "width");
		column->format = format_of(c);
		column->align = align_of(c);
		column->pos = source_node_pos(load, c);
	}
	table->header = single_row(load, arena, source_child(node, "head"));
	table->totals = single_row(load, arena, source_child(node, "total"));
	table->row_count = source_count(node, "row");
	table->rows = alloc_array(arena, table->row_count, sizeof *table->rows);
	i = 0;
	for (const xmlNode *r = source_child(node, "row"); r;
	     r = source_next(r->next, "row"))
		build_row(load, arena, r, &table->rows[i++]);
}

void source_build_figure(struct source_load *load, struct arena *arena,
			 const xmlNode *node, struct source_figure *figure)
{
	figure->pos = source_node_pos(load, node);
	figure->src = trimmed_attr(arena, node, "src");
	figure->src_pos = source_attr_pos(load, node, "src");
	/* alt is kept as written but for its ends: "" means decorative. */
	figure->alt = trimmed_attr(arena, node, "alt");
	if (!figure->alt)
		figure->alt = "";
	figure->width = attr_decimal(node, "width") / 100;
	build_text(load, arena, source_child(node, "caption"), &figure->caption);
}
