/* What an assessment block and a performance block both print before their
 * tables: an intro paragraph and the key of their rating scale. */
#include "layout_internal.h"

/* Width of the key's two columns: swatch, meaning. */
static const double key_columns[2] = { 0.2, 0.55 };

static void advance_gap(struct layout *lo)
{
	lo->y_pt += lo->style->paragraph_gap_pt;
	if (lo->y_pt > lo->bottom_pt)
		lo->y_pt = lo->bottom_pt;
}

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
	advance_gap(lo);
}

static struct layout_cell plain_cell(const char *text)
{
	struct layout_cell cell = {
		.plain = text,
		.fill = DL_NO_COLOR,
		.text_color = DL_NO_COLOR,
		.align = ALIGN_LEFT,
	};
	return cell;
}

void layout_key_scale(struct layout *lo, const struct source_scale *scale,
		      int with_context, struct source_pos pos)
{
	if (scale->rating_count == 0 && !with_context)
		return;
	struct layout_cell header[2] = { plain_cell("Rating"),
					 plain_cell("Meaning") };
	struct layout_table table;
	layout_table_begin(lo, &table, 2, key_columns, header, pos);
	for (size_t i = 0; i < scale->rating_count; i++) {
		const struct source_rating *rating = &scale->ratings[i];
		const struct style_rating_colors *colors =
			style_rating(lo->style, rating->code);
		char *swatch = mem_printf("%s (%s)", rating->label,
					  rating->code);
		struct layout_cell cells[2] = { plain_cell(swatch),
						plain_cell(rating->meaning) };
		cells[0].fill = colors->background;
		cells[0].text_color = colors->text;
		layout_table_row(lo, &table, cells, 1, 0, rating->pos);
		free(swatch);
	}
	if (with_context) {
		struct layout_cell cells[2] = {
			plain_cell("Context"),
			plain_cell("Reported for context; not rated."),
		};
		layout_table_row(lo, &table, cells, 1, 0, pos);
	}
	layout_table_end(lo, &table);
	advance_gap(lo);
}
