/* The dashboard's stacked bar chart: one bar per theme or group, each
 * segment as wide as its count and filled with the rating's chart colour
 * (3:1 against the page, WCAG 2 1.4.11), outlined; beside each bar its codes
 * (labels, for codes that are not words) and counts, below them a legend of
 * swatches with code and label.
 * All of it is one Figure whose text alternative gives every count. */
#include "layout_chart_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A code says something only when it has a letter: "G", "LG", "H". A
 * number ("1" of a 1-5 scale) beside a count would read as another count. */
static int code_is_word(const char *code)
{
	for (const char *p = code; p && *p; p = g_utf8_next_char(p))
		if (g_unichar_isalpha(g_utf8_get_char(p)))
			return 1;
	return 0;
}

/* Beside a bar: the code when it is a word, else the label. */
static const char *bar_name(const struct source_rating *rating)
{
	return code_is_word(rating->code) ? rating->code : chart_rating_name(rating);
}

/* "G 5 · A 2 · R 1 · 2 not rated", or "Weak 2 · Good 1" for a scale of
 * numbers: what a bar shows, in words. */
static char *bar_label(const struct layout *lo, const struct chart_data *data,
		       const size_t *counts)
{
	struct text_buffer b = { 0 };
	const struct source_scale *scale = data->scale;
	for (size_t r = 0; r < scale->rating_count; r++)
		if (counts[r])
			chart_buffer_add(&b, "%s%s %zu", b.length ? " \u00b7 " : "",
					 bar_name(&scale->ratings[r]), counts[r]);
	size_t unrated = counts[scale->rating_count];
	if (unrated)
		chart_buffer_add(&b, "%s%zu %s", b.length ? " \u00b7 " : "", unrated,
				 data->unrated_word);
	if (!b.length)
		chart_buffer_add(&b, "%s", layout_word(lo, "chart.none"));
	return b.text;
}

/* The figure's text alternative: every count of every bar. */
static char *chart_alt(const struct layout *lo, const struct chart_data *data)
{
	struct text_buffer b = { 0 };
	const struct source_scale *scale = data->scale;
	const struct words_field fields[] = {
		{ "many", data->many }, { "group", data->group_lower }, { NULL, NULL },
	};
	char *intro = layout_format(lo, "chart.alt", fields);
	chart_buffer_add(&b, "%s", intro);
	free(intro);
	for (size_t s = 0; s < data->series_count; s++) {
		const size_t *counts = data->series[s].counts;
		chart_buffer_add(&b, " %s:", data->series[s].name);
		int first = 1;
		for (size_t r = 0; r < scale->rating_count; r++) {
			if (!counts[r])
				continue;
			chart_buffer_add(&b, "%s %zu %s", first ? "" : ",", counts[r],
					 chart_rating_name(&scale->ratings[r]));
			first = 0;
		}
		if (counts[scale->rating_count]) {
			chart_buffer_add(&b, "%s %zu %s", first ? "" : ",",
					 counts[scale->rating_count], data->unrated_word);
			first = 0;
		}
		chart_buffer_add(&b, "%s%s.", first ? " " : "",
				 first ? layout_word(lo, "chart.none") : "");
	}
	return b.text;
}

/* Geometry shared by measuring and drawing. */
struct bar_geometry {
	double name_w_pt, bar_x_pt, bar_w_pt, label_w_pt;
	double line_pt;      /* one line of the label font */
	double unit_pt;      /* width of one counted item */
};

/* Names as wide as the longest (up to 40% of the chart), labels as wide
 * as the longest (up to 40%), the bars share the rest, scaled so the
 * largest group fills it. */
static void bar_geometry(struct layout *lo, const struct chart_data *data,
			 double x_pt, double width_pt, struct bar_geometry *g)
{
	const struct style_font *font = chart_label_font(lo);
	g->line_pt = chart_text_height(lo, "0", font, 100);
	double name_pt = 0, label_pt = 0;
	size_t most = 0;
	for (size_t s = 0; s < data->series_count; s++) {
		name_pt = fmax(name_pt, chart_text_width(lo, data->series[s].name, font));
		char *label = bar_label(lo, data, data->series[s].counts);
		label_pt = fmax(label_pt, chart_text_width(lo, label, font));
		free(label);
		size_t n = chart_rated_total(data, data->series[s].counts);
		if (n > most)
			most = n;
	}
	g->name_w_pt = fmin(name_pt + 1, width_pt * 0.40);
	g->label_w_pt = fmin(label_pt + 1, width_pt * 0.40);
	g->bar_x_pt = x_pt + g->name_w_pt + CHART_GAP_PT;
	g->bar_w_pt = width_pt - g->name_w_pt - g->label_w_pt - 2 * CHART_GAP_PT;
	if (g->bar_w_pt < 10)
		g->bar_w_pt = 10;
	g->unit_pt = most ? g->bar_w_pt / (double)most : 0;
}

/* A bar row is as tall as its wrapped name or label, at least one line. */
static double bar_row_height(struct layout *lo, const struct chart_data *data,
			     const struct bar_geometry *g,
			     const struct chart_series *series)
{
	const struct style_font *font = chart_label_font(lo);
	char *label = bar_label(lo, data, series->counts);
	double h = fmax(chart_text_height(lo, series->name, font, g->name_w_pt),
			chart_text_height(lo, label, font, g->label_w_pt));
	free(label);
	return fmax(h, g->line_pt) + CHART_ROW_GAP_PT;
}

/* Draw one bar row with its top at y_pt; returns its height. */
static double bar_row(struct layout *lo, const struct chart_data *data,
		      const struct chart_series *series,
		      const struct bar_geometry *g, double x_pt, double y_pt,
		      uint32_t node)
{
	const struct style_font *font = chart_label_font(lo);
	double height_pt = bar_row_height(lo, data, g, series);
	chart_place_text(lo, series->name, font, x_pt, y_pt, g->name_w_pt, ALIGN_LEFT, node);
	double x = g->bar_x_pt;
	for (size_t r = 0; r < data->scale->rating_count; r++) {
		if (!series->counts[r])
			continue;
		double w = g->unit_pt * (double)series->counts[r];
		struct style_rating_key key = layout_rating_key(data->scale, r);
		style_rgb chart = style_rating_chart(lo->style, &key);
		/* The chart colour, not the cell tint: WCAG 1.4.11 asks
		 * 3:1 of chart graphics against the page. */
		layout_add_rect(lo, node, x, y_pt, w, g->line_pt,
				chart, lo->style->table.border_color,
				lo->style->table.border_pt);
		x += w;
	}
	/* The label follows its bar's end, where the eye already is. */
	char *label = bar_label(lo, data, series->counts);
	chart_place_text(lo, label, font, x + CHART_GAP_PT, y_pt, g->label_w_pt,
			 ALIGN_LEFT, node);
	free(label);
	return height_pt;
}

/* Legend entries flow left to right, wrapping at the width: a swatch and
 * "G On target" (the label alone when the code is not a word). Returns the height; draws only when draw is set. */
static double legend(struct layout *lo, const struct chart_data *data,
		     double x_pt, double y_pt, double width_pt, double line_pt,
		     uint32_t node, int draw)
{
	const struct style_font *font = chart_label_font(lo);
	const struct source_scale *scale = data->scale;
	double swatch_pt = line_pt * 0.8;
	double x = x_pt, y = y_pt;
	for (size_t r = 0; r < scale->rating_count; r++) {
		if (!chart_rating_shown(data, r))
			continue;
		const struct source_rating *rating = &scale->ratings[r];
		struct style_rating_key key = layout_rating_key(scale, r);
		int code_differs = rating->code && rating->label &&
				   code_is_word(rating->code) &&
				   strcmp(rating->code, rating->label) != 0;
		char *text = code_differs
				     ? mem_printf("%s %s", rating->code, rating->label)
				     : mem_strdup(chart_rating_name(rating));
		double entry_pt = swatch_pt + 3 + chart_text_width(lo, text, font) +
				  2 * CHART_GAP_PT;
		if (x > x_pt && x + entry_pt > x_pt + width_pt) {
			x = x_pt;
			y += line_pt + CHART_ROW_GAP_PT;
		}
		if (draw) {
			layout_add_rect(lo, node, x, y + (line_pt - swatch_pt) / 2,
					swatch_pt, swatch_pt,
					style_rating_chart(lo->style, &key),
					lo->style->table.border_color,
					lo->style->table.border_pt);
			chart_place_text(lo, text, font, x + swatch_pt + 3, y, 0,
					 ALIGN_LEFT, node);
		}
		x += entry_pt;
		free(text);
	}
	return y + line_pt - y_pt;
}

double chart_bars_height(struct layout *lo, const struct chart_data *data,
			 double width_pt)
{
	struct bar_geometry g;
	bar_geometry(lo, data, 0, width_pt, &g);
	double h = 0;
	for (size_t s = 0; s < data->series_count; s++)
		h += bar_row_height(lo, data, &g, &data->series[s]);
	return h + CHART_ROW_GAP_PT +
	       legend(lo, data, 0, 0, width_pt, g.line_pt, 0, 0);
}

/* The chart at x_pt from the cursor down, one Figure node; bars that do
 * not fit go on to the next page (the figure then spans pages). Leaves the
 * cursor below it. */
void chart_bars(struct layout *lo, const struct chart_data *data,
		double x_pt, double width_pt)
{
	uint32_t figure = layout_add_node(lo, ROLE_FIGURE, data->pos);
	char *alt = chart_alt(lo, data);
	lo->list->nodes[figure].alt = dl_strdup(lo->list, alt);
	free(alt);
	struct bar_geometry g;
	bar_geometry(lo, data, x_pt, width_pt, &g);
	for (size_t s = 0; s < data->series_count; s++) {
		layout_ensure_space(lo, bar_row_height(lo, data, &g, &data->series[s]));
		lo->y_pt += bar_row(lo, data, &data->series[s], &g, x_pt, lo->y_pt,
				    figure);
	}
	lo->y_pt += CHART_ROW_GAP_PT;
	double legend_pt = legend(lo, data, x_pt, 0, width_pt, g.line_pt, 0, 0);
	layout_ensure_space(lo, legend_pt);
	lo->y_pt += legend(lo, data, x_pt, lo->y_pt, width_pt, g.line_pt, figure, 1);
}
