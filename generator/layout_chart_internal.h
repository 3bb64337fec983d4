/* Private to the dashboards: the numbers one dashboard shows and the text
 * helpers its three files share (layout_chart.c: numbers, sentence and
 * counts table; layout_chart_bars.c: the stacked bar chart;
 * layout_chart_trend.c: trend lines; layout_chart_parts.c: what they
 * share). */
#ifndef LAYOUT_CHART_INTERNAL_H
#define LAYOUT_CHART_INTERNAL_H

#include "layout_internal.h"
#include "rating.h"

#define CHART_GAP_PT 6.0          /* between columns of the dashboard */
#define CHART_ROW_GAP_PT 3.0      /* between bars and rows of trends */

/* One bar: a theme or group and its counts (scale.rating_count + 1 slots,
 * the last for unrated). */
struct chart_series {
	const char *name;
	struct source_pos pos;
	size_t *counts;
};

struct chart_data {
	const struct source_scale *scale;
	/* Words, from the catalogue (layout_word): */
	const char *one, *many;    /* the noun: "measure", "measures" */
	const char *group_word;    /* "Group", "Theme": the table's first header */
	const char *group_lower;   /* "group", "theme": in the text alternative */
	const char *unrated_word;  /* "contextual", "not rated": beside a bar */
	const char *unrated_heading; /* "Contextual", "Not rated": its column */
	const char *unrated_key;   /* "dashboard.contextual" or
	                              "dashboard.unrated" (+ ".one", ".many") */
	struct chart_series *series;
	size_t series_count;
	size_t *totals;
	size_t travel[RATING_TRAVEL_KINDS];
	const char *since;         /* what the travel is measured against */
	struct source_pos pos;
};

/* A growing string; the caller frees text with free(). */
struct text_buffer {
	char *text;
	size_t length, capacity;
};
void chart_buffer_add(struct text_buffer *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Counted items with a rating of the scale (the unrated slot left out). */
size_t chart_rated_total(const struct chart_data *data, const size_t *counts);
/* Whether rating r appears in the sentence, the table and the legend: all
 * do except a "no data" rating nothing has. */
int chart_rating_shown(const struct chart_data *data, size_t r);
/* The rating's label, else its code. */
const char *chart_rating_name(const struct source_rating *r);

/* Place plain text with its top at y_pt; width_pt 0 means one line as
 * wide as it needs. Returns the height placed. */
double chart_place_text(struct layout *lo, const char *text,
			const struct style_font *font, double x_pt, double y_pt,
			double width_pt, enum layout_align align, uint32_t node);
double chart_text_height(struct layout *lo, const char *text,
			 const struct style_font *font, double width_pt);
double chart_text_width(struct layout *lo, const char *text,
			const struct style_font *font);
/* Labels of charts are set in the table's cell font. */
const struct style_font *chart_label_font(const struct layout *lo);

/* The stacked bar chart at x_pt from the cursor down: a Figure whose bars
 * go on to the next page when they must; the cursor ends just below it.
 * (layout_chart_bars.c) */
void chart_bars(struct layout *lo, const struct chart_data *data, double x_pt,
		double width_pt);
double chart_bars_height(struct layout *lo, const struct chart_data *data,
			 double width_pt);

/* Trend lines of the measures with history, a Figure of one-line cells
 * across the content width, CHART_GAP_PT below the cursor; nothing when no
 * measure has history. (layout_chart_trend.c) */
void chart_trends(struct layout *lo, const struct source_performance *perf);

#endif
