/* Trend lines of quarterly measures with history, under a caption, after
 * the performance table: one-line cells of
 * reference, first value, a polyline over the history and this quarter's
 * actual, and the last value, in a grid across the content width. The
 * values are printed, so the line is never the only carrier of them; the
 * Figure's text alternative lists every value. */
#include "layout_chart_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TREND_SPARK_MIN_PT 30.0   /* shortest trend line */
#define TREND_LINE_PT 1.0
#define TREND_ROW_GAP_PT 1.5      /* one-line cells need little air */

static int has_trend(const struct source_measure *m)
{
	return m->history_count + (m->actual.present ? 1 : 0) >= 2;
}

static void format_number(char *out, size_t size, double value, const char *unit)
{
	snprintf(out, size, "%.10g%s", value, unit && strcmp(unit, "%") == 0 ? "%" : "");
}

/* Values of m's trend, oldest first, actual last; caller frees. */
static double *trend_values(const struct source_measure *m, size_t *count)
{
	double *values = mem_array(m->history_count + 1, sizeof *values);
	size_t n = 0;
	for (size_t i = 0; i < m->history_count; i++)
		values[n++] = m->history[i].value;
	if (m->actual.present)
		values[n++] = m->actual.value;
	*count = n;
	return values;
}

static const char *trend_first_period(const struct source_measure *m)
{
	return m->history_count && m->history[0].period ? m->history[0].period : "";
}

static const char *trend_last_period(const struct layout *lo,
				     const struct source_performance *perf,
				     const struct source_measure *m)
{
	if (m->actual.present)
		return perf->period ? perf->period :
				      layout_word(lo, "trend.this-quarter");
	return m->history[m->history_count - 1].period
		       ? m->history[m->history_count - 1].period : "";
}

static char *trend_alt(const struct layout *lo,
		       const struct source_performance *perf)
{
	struct text_buffer b = { 0 };
	const char *one, *many;
	layout_noun(lo, perf->noun, "measure", &one, &many);
	const struct words_field noun[] = { { "many", many }, { NULL, NULL } };
	char *intro = layout_format(lo, "trend.alt", noun);
	chart_buffer_add(&b, "%s", intro);
	free(intro);
	for (size_t g = 0; g < perf->group_count; g++)
		for (size_t i = 0; i < perf->groups[g].measure_count; i++) {
			const struct source_measure *m = &perf->groups[g].measures[i];
			if (!has_trend(m))
				continue;
			size_t n;
			double *values = trend_values(m, &n);
			chart_buffer_add(&b, " %s", m->ref ? m->ref : "?");
			if (m->name.text && *m->name.text)
				chart_buffer_add(&b, " %s", m->name.text);
			const struct words_field span[] = {
				{ "first", trend_first_period(m) },
				{ "last", trend_last_period(lo, perf, m) },
				{ NULL, NULL },
			};
			char *periods = layout_format(lo, "trend.span", span);
			chart_buffer_add(&b, " (%s):", periods);
			free(periods);
			for (size_t v = 0; v < n; v++) {
				char number[48];
				format_number(number, sizeof number, values[v], m->unit);
				chart_buffer_add(&b, "%s %s", v ? "," : "", number);
			}
			chart_buffer_add(&b, ", %s.", layout_travel_word(lo, m->travel));
			free(values);
		}
	return b.text;
}

/* Trend cells are one line each: reference, first value, the line, last
 * value. Every cell of the grid shares the widest reference and values so
 * lines and numbers align down the columns. */
struct trend_geometry {
	double ref_w_pt, first_w_pt, last_w_pt; /* widest of each */
	double cell_w_pt;
	double line_pt;                          /* one line of text */
	size_t columns;
};

static void trend_labels(const struct source_measure *m, char *first,
			 char *last, size_t size)
{
	size_t n;
	double *values = trend_values(m, &n);
	format_number(first, size, values[0], m->unit);
	format_number(last, size, values[n - 1], m->unit);
	free(values);
}

static void trend_geometry(struct layout *lo, const struct source_performance *perf,
			   struct trend_geometry *g)
{
	const struct style_font *font = chart_label_font(lo);
	memset(g, 0, sizeof *g);
	g->line_pt = chart_text_height(lo, "0", font, 100);
	for (size_t k = 0; k < perf->group_count; k++)
		for (size_t i = 0; i < perf->groups[k].measure_count; i++) {
			const struct source_measure *m = &perf->groups[k].measures[i];
			if (!has_trend(m))
				continue;
			char first[48], last[48];
			trend_labels(m, first, last, sizeof first);
			const char *ref = m->ref ? m->ref : "?";
			g->ref_w_pt = fmax(g->ref_w_pt,
					   chart_text_width(lo, ref, &lo->strong_font));
			g->first_w_pt = fmax(g->first_w_pt, chart_text_width(lo, first, font));
			g->last_w_pt = fmax(g->last_w_pt, chart_text_width(lo, last, font));
		}
	double width_pt = layout_content_width(lo);
	double need_pt = g->ref_w_pt + g->first_w_pt + g->last_w_pt +
			 TREND_SPARK_MIN_PT + 4 * CHART_GAP_PT;
	g->columns = (size_t)(width_pt / need_pt);
	if (g->columns < 1)
		g->columns = 1;
	g->cell_w_pt = width_pt / (double)g->columns;
}

/* One trend cell with its top at y_pt. */
static void trend_cell(struct layout *lo, const struct trend_geometry *g,
		       const struct source_measure *m, double x_pt, double y_pt,
		       uint32_t node)
{
	const struct style_font *font = chart_label_font(lo);
	char first[48], last[48];
	trend_labels(m, first, last, sizeof first);
	chart_place_text(lo, m->ref ? m->ref : "?", &lo->strong_font, x_pt,
			 y_pt, 0, ALIGN_LEFT, node);
	double first_x_pt = x_pt + g->ref_w_pt + CHART_GAP_PT;
	chart_place_text(lo, first, font, first_x_pt, y_pt, g->first_w_pt, ALIGN_RIGHT, node);
	double last_x_pt = x_pt + g->cell_w_pt - CHART_GAP_PT - g->last_w_pt;
	chart_place_text(lo, last, font, last_x_pt, y_pt, 0, ALIGN_LEFT, node);

	size_t n;
	double *values = trend_values(m, &n);
	double lo_v = values[0], hi_v = values[0];
	for (size_t i = 1; i < n; i++) {
		lo_v = fmin(lo_v, values[i]);
		hi_v = fmax(hi_v, values[i]);
	}
	double left_pt = first_x_pt + g->first_w_pt + 3;
	double span_pt = last_x_pt - 3 - left_pt;
	double box_top_pt = y_pt + g->line_pt * 0.15, box_pt = g->line_pt * 0.7;
	struct dl_box *box = layout_add_box(lo, BOX_PATH, node);
	box->x_pt = left_pt;
	box->y_pt = box_top_pt;
	box->width_pt = span_pt;
	box->height_pt = box_pt;
	box->stroke = lo->style->body.color;
	box->line_width_pt = TREND_LINE_PT;
	box->u.path.point_count = (uint32_t)n;
	box->u.path.points_pt = arena_alloc(lo->list->arena, 2 * n * sizeof(double));
	double range = hi_v - lo_v;
	for (size_t i = 0; i < n; i++) {
		double fx = (double)i / (double)(n - 1);
		double fy = range > 0 && isfinite(range) ? (values[i] - lo_v) / range : 0.5;
		box->u.path.points_pt[2 * i] = left_pt + fx * span_pt;
		box->u.path.points_pt[2 * i + 1] = box_top_pt + (1 - fy) * box_pt;
	}
	free(values);
}

void chart_trends(struct layout *lo, const struct source_performance *perf)
{
	size_t count = 0;
	for (size_t g = 0; g < perf->group_count; g++)
		for (size_t i = 0; i < perf->groups[g].measure_count; i++)
			count += (size_t)has_trend(&perf->groups[g].measures[i]);
	if (!count)
		return;
	lo->y_pt += CHART_GAP_PT;
	struct trend_geometry geo;
	trend_geometry(lo, perf, &geo);
	double row_pt = geo.line_pt + TREND_ROW_GAP_PT;
	/* After the table the lines need saying what they are; the caption
	 * stays with their first row. */
	struct style_font caption_font = *chart_label_font(lo);
	caption_font.bold = 1;
	double width_pt = layout_content_width(lo);
	const char *one, *many;
	layout_noun(lo, perf->noun, "measure", &one, &many);
	const struct words_field noun[] = { { "one", one }, { NULL, NULL } };
	char *caption_text = layout_format(lo, "trend.caption", noun);
	double caption_pt = chart_text_height(lo, caption_text, &caption_font,
					      width_pt);
	layout_ensure_space(lo, caption_pt + CHART_ROW_GAP_PT + row_pt);
	uint32_t caption = layout_add_node(lo, ROLE_PARAGRAPH, perf->pos);
	lo->y_pt += chart_place_text(lo, caption_text, &caption_font, lo->left_pt,
				     lo->y_pt, width_pt, ALIGN_LEFT, caption) +
		    CHART_ROW_GAP_PT;
	free(caption_text);
	uint32_t figure = layout_add_node(lo, ROLE_FIGURE, perf->pos);
	char *alt = trend_alt(lo, perf);
	lo->list->nodes[figure].alt = dl_strdup(lo->list, alt);
	free(alt);
	size_t column = 0;
	for (size_t g = 0; g < perf->group_count; g++)
		for (size_t i = 0; i < perf->groups[g].measure_count; i++) {
			const struct source_measure *m = &perf->groups[g].measures[i];
			if (!has_trend(m))
				continue;
			if (column == 0)
				layout_ensure_space(lo, row_pt);
			trend_cell(lo, &geo, m, lo->left_pt + (double)column * geo.cell_w_pt,
				   lo->y_pt, figure);
			if (++column == geo.columns) {
				column = 0;
				lo->y_pt += row_pt;
			}
		}
	if (column)
		lo->y_pt += row_pt;
}
