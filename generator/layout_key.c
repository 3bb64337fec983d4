/* What an assessment block and a performance block both print before their
 * tables: an intro paragraph and the key of their rating scale. */
#include "layout_internal.h"

/* Width of the key's two columns: swatch, meaning. */
static const double key_columns[2] = { 0.2, 0.55 };

void layout_key_paragraph(struct layout *lo, const struct source_text *text,
			  const struct style_font *font, struct source_pos pos)
{
	if (!text || !text->text || !text->text[0])
		return;
	uint32_t node = layout_open_node(lo, ROLE_PARAGRAPH, pos);
	struct layout_lines *lines = layout_measure(
		lo, text, font, layout_content_width(lo), ALIGN_LEFT);
	size_t first = 0;
	int fresh = 0;
	while (first < lines->line_count) {
		size_t count = layout_lines_fitting(lines, first,
						    layout_space_left(lo));
		if (count == 0 && !fresh) {
			layout_new_page(lo);
			fresh = 1;
			continue;
		}
		if (count == 0)
			count = 1; /* a line taller than a page */
		lo->y_pt += layout_place_lines(lo, lines, first, count,
					       lo->left_pt, lo->y_pt, node);
		first += count;
		fresh = 0;
		if (first < lines->line_count) {
			layout_new_page(lo);
			fresh = 1;
		}
	}
	layout_lines_free(lines);
	layout_close_node(lo, node);
	layout_paragraph_gap(lo);
}

void layout_key_scale(struct layout *lo, const struct source_scale *scale,
		      int with_context, struct source_pos pos)
{
	if (scale->rating_count == 0 && !with_context)
		return;
	struct layout_cell header[2] = {
		layout_plain_cell(layout_word(lo, "key.rating"), ALIGN_LEFT),
		layout_plain_cell(layout_word(lo, "key.meaning"), ALIGN_LEFT),
	};
	struct layout_table table;
	layout_table_begin(lo, &table, 2, key_columns, header, pos);
	for (size_t i = 0; i < scale->rating_count; i++) {
		const struct source_rating *rating = &scale->ratings[i];
		char *swatch = mem_printf("%s (%s)", rating->label,
					  rating->code);
		struct layout_cell cells[2] = {
			layout_rating_cell(lo, scale, i, swatch, ALIGN_LEFT),
			layout_plain_cell(rating->meaning, ALIGN_LEFT),
		};
		layout_table_row(lo, &table, cells, 1, 0, rating->pos);
		free(swatch);
	}
	if (with_context) {
		struct layout_cell cells[2] = {
			layout_plain_cell(layout_word(lo, "key.context"), ALIGN_LEFT),
			layout_plain_cell(layout_word(lo, "key.context-meaning"),
					  ALIGN_LEFT),
		};
		layout_table_row(lo, &table, cells, 1, 0, pos);
	}
	layout_table_end(lo, &table);
	layout_paragraph_gap(lo);
}
