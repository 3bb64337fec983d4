/* Appendix rows from workbooks: an <assessment> or <performance> with
 * src="…" (and sheet="…") takes its themes or groups from that workbook,
 * read from the source's folder (paths_named), its columns found by heading or named by
 * <column field= header=/>, its ratings checked against the block's own
 * scale. Read after the schema, before the rules (which also see these
 * rows) and the build (which turns them into the model). */
#include "source_internal.h"

#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "sheet.h"
#include "sheet_rows.h"

static struct sheet_origin origin_at(const struct source_load *load,
				     const xmlNode *node, const char *attr)
{
	struct source_pos pos = attr ? source_attr_pos(load, node, attr)
				     : source_node_pos(load, node);
	return (struct sheet_origin){ load->name, pos.line, pos.col };
}

/* What a block that names a workbook may not hold, and what one that
 * does not must. */
static int check_shape(struct source_load *load, const xmlNode *block, int assessment)
{
	const char *src = source_attr(block, "src");
	const char *rows_name = assessment ? "theme" : "group";
	const xmlNode *first_rows = source_child(block, rows_name);
	const xmlNode *column = source_child(block, "column");
	const char *name = (const char *)block->name;
	if (src && first_rows) {
		source_error(load, source_node_pos(load, first_rows),
			     "<%s> takes its rows from src=\"%s\", so it cannot also hold "
			     "<%s>; keep one or the other", name, src, rows_name);
		return -1;
	}
	if (!src && !first_rows) {
		source_error(load, source_node_pos(load, block),
			     "<%s> has no <%s>: give it its rows, or src=\"…\" naming the "
			     "workbook that holds them", name, rows_name);
		return -1;
	}
	if (!src && column) {
		source_error(load, source_node_pos(load, column),
			     "<column> names a workbook's column, but <%s> has no "
			     "src=\"…\" naming a workbook", name);
		return -1;
	}
	if (!src && source_attr(block, "sheet")) {
		source_error(load, source_attr_pos(load, block, "sheet"),
			     "sheet=\"…\" names a sheet of a workbook, but <%s> has no "
			     "src=\"…\"", name);
		return -1;
	}
	return src ? 1 : 0;
}

static void read_block(struct source_load *load, const xmlNode *block, int assessment)
{
	if (check_shape(load, block, assessment) != 1)
		return;
	const char *src = source_attr(block, "src");
	const char *sheet_name = source_attr(block, "sheet");
	struct source_workbook *w = &load->workbooks[load->workbook_count++];
	*w = (struct source_workbook){ .block = block };
	w->origin = origin_at(load, block, "src");
	/* The one rule for files a source names: in its folder, a regular
	 * file, no larger than a workbook may be. */
	struct paths_naming naming = {
		.source = load->name, .attribute = "src",
		.line = w->origin.line, .col = w->origin.col,
	};
	w->path = paths_named(&naming, src, SHEET_MAX_FILE_BYTES, load->diags);
	if (!w->path)
		return;
	if (sheet_name && sheet_format_of(w->path) == SHEET_FORMAT_CSV) {
		source_warning(load, source_attr_pos(load, block, "sheet"),
			       "sheet=\"%s\" is not used: a CSV file has one sheet", sheet_name);
		sheet_name = NULL;
	}
	w->sheet = sheet_read(w->path, sheet_name, &w->origin, load->diags);
	if (!w->sheet)
		return;
	const xmlNode *scale = source_child(block, "scale");
	size_t codes = source_count(scale, "rating"), n = 0;
	w->codes = mem_array(codes ? codes : 1, sizeof *w->codes);
	w->labels = mem_array(codes ? codes : 1, sizeof *w->labels);
	for (const xmlNode *r = source_child(scale, "rating"); r;
	     r = source_next(r->next, "rating")) {
		if (!source_attr(r, "code"))
			continue;
		w->codes[n] = source_attr(r, "code");
		w->labels[n++] = source_attr(r, "label");
	}
	size_t columns = source_count(block, "column"), c = 0;
	struct sheet_column_choice *choices = mem_array(columns ? columns : 1,
							sizeof *choices);
	for (const xmlNode *col = source_child(block, "column"); col;
	     col = source_next(col->next, "column")) {
		const char *field = source_attr(col, "field");
		const char *header = source_attr(col, "header");
		if (field && header)
			choices[c++] = (struct sheet_column_choice){
				field, header, origin_at(load, col, NULL) };
	}
	struct sheet_rows_options options = {
		.table = assessment ? SHEET_TABLE_ASSESSMENT : SHEET_TABLE_PERFORMANCE,
		.columns = choices,
		.column_count = c,
		.codes = w->codes,
		.labels = w->labels,
		.code_count = n,
		.origin = &w->origin,
	};
	w->rows = sheet_rows_map(w->sheet, &options, load->diags);
	free(choices);
}

static size_t count_blocks(const xmlNode *node)
{
	size_t n = 0;
	for (; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		n += source_is(node, "assessment") || source_is(node, "performance");
		n += count_blocks(node->children);
	}
	return n;
}

static void walk(struct source_load *load, const xmlNode *node)
{
	for (; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		if (source_is(node, "assessment"))
			read_block(load, node, 1);
		else if (source_is(node, "performance"))
			read_block(load, node, 0);
		else
			walk(load, node->children);
	}
}

void source_workbooks_read(struct source_load *load)
{
	const xmlNode *root = xmlDocGetRootElement(load->doc);
	size_t blocks = count_blocks(root);
	if (!blocks)
		return;
	load->workbooks = mem_array(blocks, sizeof *load->workbooks);
	walk(load, root);
}

const struct source_workbook *source_workbook_of(const struct source_load *load,
						 const xmlNode *block)
{
	for (size_t i = 0; i < load->workbook_count; i++)
		if (load->workbooks[i].block == block)
			return &load->workbooks[i];
	return NULL;
}

void source_workbooks_free(struct source_load *load)
{
	for (size_t i = 0; i < load->workbook_count; i++) {
		struct source_workbook *w = &load->workbooks[i];
		sheet_rows_free(w->rows);
		sheet_free(w->sheet);
		free(w->path);
		free(w->codes);
		free(w->labels);
	}
	free(load->workbooks);
	load->workbooks = NULL;
	load->workbook_count = 0;
}
