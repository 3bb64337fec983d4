/* What every chart of the dashboard shares: a growing string for alternative
 * texts, the counts and names of ratings, and placing or measuring a label
 * in the charts' font. layout_chart.c (sentence and table),
 * layout_chart_bars.c and layout_chart_trend.c build on it. */
#include "layout_chart_internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- a growing string ---- */

void chart_buffer_add(struct text_buffer *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *piece = mem_vprintf(fmt, ap);
	va_end(ap);
	size_t n = strlen(piece);
	if (b->length + n + 1 > b->capacity) {
		b->capacity = (b->length + n + 1) * 2;
		b->text = mem_resize(b->text, b->capacity, 1);
	}
	memcpy(b->text + b->length, piece, n + 1);
	b->length += n;
	free(piece);
}

size_t chart_rated_total(const struct chart_data *data, const size_t *counts)
{
	size_t n = 0;
	for (size_t r = 0; r < data->scale->rating_count; r++)
		n += counts[r];
	return n;
}

const char *chart_rating_name(const struct source_rating *r)
{
	return r->label && *r->label ? r->label : r->code ? r->code : "?";
}

/* A rating is shown (in the sentence and as a table column) unless it
 * means "no data" and nothing has it: no data is not an outcome, and the
 * room is better spent on the rest of the dashboard. */
int chart_rating_shown(const struct chart_data *data, size_t r)
{
	return data->scale->ratings[r].standing != STANDING_NO_DATA ||
	       data->totals[r] > 0;
}

/* ---- text helpers ---- */

/* width_pt 0: "as wide as it needs", a single line. */
double chart_place_text(struct layout *lo, const char *text,
			const struct style_font *font, double x_pt, double y_pt,
			double width_pt, enum layout_align align, uint32_t node)
{
	struct layout_lines *lines = layout_measure_plain(
		lo, text, font, width_pt > 0 ? width_pt : 10000, align);
	double h = layout_place_lines(lo, lines, 0, lines->line_count, x_pt,
				      y_pt, node);
	layout_lines_free(lines);
	return h;
}

double chart_text_height(struct layout *lo, const char *text,
			 const struct style_font *font, double width_pt)
{
	struct layout_lines *lines = layout_measure_plain(lo, text, font,
							  width_pt, ALIGN_LEFT);
	double h = lines->height_pt;
	layout_lines_free(lines);
	return h;
}

double chart_text_width(struct layout *lo, const char *text,
			const struct style_font *font)
{
	struct layout_lines *lines = layout_measure_plain(lo, text, font, 10000,
							  ALIGN_LEFT);
	double w = lines->width_pt;
	layout_lines_free(lines);
	return w;
}

const struct style_font *chart_label_font(const struct layout *lo)
{
	return &lo->style->table.cell_font;
}
