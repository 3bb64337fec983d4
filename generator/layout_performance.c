/* Quarterly performance: intro, key of the scale, dashboard, then one table
 * with a full-width row per group and a row per measure, then the trend
 * lines of the measures with history. The rating is the
 * one rating.c computed (never green without data); direction of travel is
 * printed as an arrow and its word. */
#include "layout_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rating.h"

enum {
	COL_REF,
	COL_MEASURE,
	COL_TARGET,
	COL_ACTUAL,
	COL_PREVIOUS,
	COL_RATING,
	COL_TRAVEL,
	COL_COMMENTARY,
	COLUMN_COUNT
};

static const char *const column_words[COLUMN_COUNT] = {
	"performance.column.ref",      "performance.column.measure",
	"performance.column.target",   "performance.column.actual",
	"performance.column.previous", "performance.column.rating",
	"performance.column.travel",   "performance.column.commentary",
};

#define MISSING_VALUE "\u2013" /* en dash */

/* Digits of a whole number with thousands separators: 1240 → "1,240". */
static void format_whole(char *out, size_t size, double value)
{
	char digits[64];
	snprintf(digits, sizeof digits, "%.0f", fabs(value));
	size_t length = strlen(digits), o = 0;
	if (value < 0 && strcmp(digits, "0") != 0 && o + 1 < size)
		out[o++] = '-';
	for (size_t i = 0; i < length && o + 1 < size; i++) {
		if (i > 0 && (length - i) % 3 == 0 && o + 2 < size)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

char *layout_performance_value(const struct source_value *value,
			       const char *unit)
{
	if (!value->present || !isfinite(value->value))
		return mem_strdup(MISSING_VALUE);
	if (fabs(value->value) >= 1e15) /* beyond any count: keep it short */
		return mem_printf("%.6g%s", value->value,
				  unit && strcmp(unit, "%") == 0 ? "%" : "");
	if (unit && strcmp(unit, "%") == 0)
		return mem_printf("%.1f%%", value->value);
	double whole = round(value->value);
	if (fabs(value->value - whole) < 0.005) {
		char text[64];
		format_whole(text, sizeof text, whole);
		return mem_strdup(text);
	}
	char text[64];
	snprintf(text, sizeof text, "%.2f", value->value);
	size_t length = strlen(text);
	while (length > 0 && text[length - 1] == '0')
		text[--length] = '\0'; /* "2.50" → "2.5" */
	return mem_strdup(text);
}

/* The measure's name with its unit, "(%)" or "(days)"; "number" is implied. */
static struct source_text measure_name(const struct source_measure *m,
				       char **owned)
{
	struct source_text name = m->name;
	*owned = NULL;
	if (m->unit && m->unit[0] && strcmp(m->unit, "number") != 0) {
		*owned = mem_printf("%s (%s)", m->name.text, m->unit);
		name.text = *owned;
	}
	return name;
}

static struct layout_cell rating_cell(const struct layout *lo,
				      const struct source_performance *perf,
				      const struct source_measure *m)
{
	if (m->contextual)
		return layout_plain_cell(layout_word(lo, "performance.context"),
					 ALIGN_CENTER);
	if (m->rating_index < 0 ||
	    (size_t)m->rating_index >= perf->scale.rating_count)
		return layout_plain_cell(MISSING_VALUE, ALIGN_CENTER);
	const struct source_rating *rating =
		&perf->scale.ratings[m->rating_index];
	return layout_rating_cell(lo, rating->code, rating->label,
				  ALIGN_CENTER);
}

/* "↑ Improving": the arrow and its word, capitalised. Caller frees. */
static char *travel_text(const struct layout *lo,
			 enum direction_of_travel travel)
{
	/* A no-break space keeps the arrow with its word. */
	const char *arrow = rating_travel_arrow(travel);
	char *text = mem_printf("%s\u00A0%s", arrow,
				layout_travel_word(lo, travel));
	char *word = text + strlen(arrow) + strlen("\u00A0");
	if (*word >= 'a' && *word <= 'z')
		*word = (char)(*word - 'a' + 'A');
	return text;
}

static void measure_row(struct layout *lo, struct layout_table *table,
			const struct source_performance *perf,
			const struct source_measure *m)
{
	char *owned_name;
	struct source_text name = measure_name(m, &owned_name);
	char *target = layout_performance_value(&m->target, m->unit);
	char *actual = layout_performance_value(&m->actual, m->unit);
	char *previous = layout_performance_value(&m->previous, m->unit);
	char *travel = travel_text(lo, m->travel);
	struct layout_cell cells[COLUMN_COUNT] = {
		[COL_REF] = layout_plain_cell(m->ref, ALIGN_LEFT),
		[COL_MEASURE] = layout_plain_cell(NULL, ALIGN_LEFT),
		[COL_TARGET] = layout_plain_cell(target, ALIGN_RIGHT),
		[COL_ACTUAL] = layout_plain_cell(actual, ALIGN_RIGHT),
		[COL_PREVIOUS] = layout_plain_cell(previous, ALIGN_RIGHT),
		[COL_RATING] = rating_cell(lo, perf, m),
		[COL_TRAVEL] = layout_plain_cell(travel, ALIGN_LEFT),
		[COL_COMMENTARY] = layout_plain_cell(NULL, ALIGN_LEFT),
	};
	cells[COL_MEASURE].text = &name;
	cells[COL_COMMENTARY].text = &m->commentary;
	if (layout_ref_wanted(lo, m->ref))
		layout_table_dest(table, m->ref); /* a ref's link lands here */
	layout_table_row(lo, table, cells, 1, 0, m->pos);
	free(owned_name);
	free(target);
	free(actual);
	free(previous);
	free(travel);
}

/* Keep the longer of *longest and candidate (both owned). */
static void keep_longest(char **longest, char *candidate)
{
	if (!*longest || strlen(candidate) > strlen(*longest)) {
		free(*longest);
		*longest = candidate;
	} else {
		free(candidate);
	}
}

/* References, values, rating labels and travel words are never broken
 * inside a word; for each column the longest text is fitted. */
static void fit_words(struct layout *lo, struct layout_table *table,
		      const struct source_performance *perf)
{
	static const size_t value_columns[3] = { COL_TARGET, COL_ACTUAL,
						 COL_PREVIOUS };
	char *longest[COLUMN_COUNT] = { NULL };
	for (size_t g = 0; g < perf->group_count; g++)
		for (size_t i = 0; i < perf->groups[g].measure_count; i++) {
			const struct source_measure *m = &perf->groups[g].measures[i];
			const struct source_value *values[3] = {
				&m->target, &m->actual, &m->previous,
			};
			if (m->ref)
				keep_longest(&longest[COL_REF], mem_strdup(m->ref));
			for (size_t v = 0; v < 3; v++)
				keep_longest(&longest[value_columns[v]],
					     layout_performance_value(values[v], m->unit));
		}
	for (size_t c = 0; c < COLUMN_COUNT; c++) {
		layout_table_fit_word(lo, table, c, longest[c], NULL);
		free(longest[c]);
	}
	for (size_t r = 0; r < perf->scale.rating_count; r++)
		layout_table_fit_word(lo, table, COL_RATING,
				      perf->scale.ratings[r].label, NULL);
	layout_table_fit_word(lo, table, COL_RATING,
			      layout_word(lo, "performance.context"), NULL);
	static const enum direction_of_travel travels[] = {
		TRAVEL_UNKNOWN, TRAVEL_IMPROVING, TRAVEL_DECLINING,
		TRAVEL_UNCHANGED, TRAVEL_NEW,
	};
	for (size_t t = 0; t < sizeof travels / sizeof travels[0]; t++) {
		char *text = travel_text(lo, travels[t]);
		layout_table_fit_word(lo, table, COL_TRAVEL, text, NULL);
		free(text);
	}
}

void layout_performance(struct layout *lo,
			const struct source_performance *performance)
{
	layout_key_paragraph(lo, &performance->intro, &lo->style->body,
			     performance->intro.pos);
	layout_key_scale(lo, &performance->scale, 1, performance->pos);
	layout_dashboard_performance(lo, performance);

	struct layout_cell header[COLUMN_COUNT];
	for (size_t c = 0; c < COLUMN_COUNT; c++)
		header[c] = layout_plain_cell(layout_word(lo, column_words[c]),
					      ALIGN_LEFT);
	struct layout_table table;
	layout_table_begin(lo, &table, COLUMN_COUNT,
			   lo->style->table.performance_columns, header,
			   performance->pos);
	fit_words(lo, &table, performance);
	for (size_t g = 0; g < performance->group_count; g++) {
		const struct source_measure_group *group =
			&performance->groups[g];
		struct layout_cell cell = layout_plain_cell(
			group->name ? group->name : "", ALIGN_LEFT);
		layout_table_span_row(lo, &table, &cell, 1, group->pos);
		for (size_t i = 0; i < group->measure_count; i++)
			measure_row(lo, &table, performance,
				    &group->measures[i]);
	}
	layout_table_end(lo, &table);
	layout_paragraph_gap(lo);
	/* History after the table: the dashboard's counts and the first rows
	 * share a page, the trends read as the measures' background. */
	layout_trends_performance(lo, performance);
}
