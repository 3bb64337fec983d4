/* Quarterly performance: intro, key of the scale, dashboard, then one table
 * with a full-width row per group and a row per measure, then the trend
 * lines of the measures with history. The rating is the
 * one rating.c computed (never green without data); direction of travel is
 * printed as an arrow and its word. The optional columns no measure fills
 * are left out, and the columns are sized from what the measures hold. */
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

/* Columns printed only when a measure fills them (or the style says
 * always), and the text columns that share the width short ones leave. */
static const int optional_columns[COLUMN_COUNT] = {
	[COL_TARGET] = 1, [COL_PREVIOUS] = 1, [COL_TRAVEL] = 1,
	[COL_COMMENTARY] = 1,
};
static const int text_columns[COLUMN_COUNT] = {
	[COL_MEASURE] = 1, [COL_COMMENTARY] = 1,
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
	return layout_rating_cell(lo, &perf->scale, (size_t)m->rating_index,
				  rating->label, ALIGN_CENTER);
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

/* shown[c] = 1 for each column the table prints: the fixed ones, an
 * optional one that some measure fills or the style keeps. */
static void shown_columns(const struct layout *lo,
			  const struct source_performance *perf, int *shown)
{
	for (size_t c = 0; c < COLUMN_COUNT; c++)
		shown[c] = !optional_columns[c] ||
			   lo->style->table.performance_always[c];
	for (size_t g = 0; g < perf->group_count; g++)
		for (size_t i = 0; i < perf->groups[g].measure_count; i++) {
			const struct source_measure *m = &perf->groups[g].measures[i];
			shown[COL_TARGET] |= m->target.present;
			shown[COL_PREVIOUS] |= m->previous.present;
			shown[COL_TRAVEL] |= m->travel != TRAVEL_UNKNOWN;
			shown[COL_COMMENTARY] |= m->commentary.text &&
						 m->commentary.text[0];
		}
}

/* What one measure's row prints, owned until measure_texts_free. */
struct measure_texts {
	struct source_text name;
	char *owned_name, *target, *actual, *previous, *travel;
};

static void measure_texts_free(struct measure_texts *t)
{
	free(t->owned_name);
	free(t->target);
	free(t->actual);
	free(t->previous);
	free(t->travel);
}

/* The measure's cells of the shown columns into cells; returns their
 * count. The cells point into texts. */
static size_t measure_cells(const struct layout *lo,
			    const struct source_performance *perf,
			    const struct source_measure *m, const int *shown,
			    struct measure_texts *texts, struct layout_cell *cells)
{
	texts->name = measure_name(m, &texts->owned_name);
	texts->target = layout_performance_value(&m->target, m->unit);
	texts->actual = layout_performance_value(&m->actual, m->unit);
	texts->previous = layout_performance_value(&m->previous, m->unit);
	texts->travel = travel_text(lo, m->travel);
	struct layout_cell all[COLUMN_COUNT] = {
		[COL_REF] = layout_plain_cell(m->ref, ALIGN_LEFT),
		[COL_MEASURE] = layout_plain_cell(NULL, ALIGN_LEFT),
		[COL_TARGET] = layout_plain_cell(texts->target, ALIGN_RIGHT),
		[COL_ACTUAL] = layout_plain_cell(texts->actual, ALIGN_RIGHT),
		[COL_PREVIOUS] = layout_plain_cell(texts->previous, ALIGN_RIGHT),
		[COL_RATING] = rating_cell(lo, perf, m),
		[COL_TRAVEL] = layout_plain_cell(texts->travel, ALIGN_LEFT),
		[COL_COMMENTARY] = layout_plain_cell(NULL, ALIGN_LEFT),
	};
	all[COL_MEASURE].text = &texts->name;
	all[COL_COMMENTARY].text = &m->commentary;
	return layout_columns_shown(shown, COLUMN_COUNT, all, cells, sizeof *all);
}

static void measure_row(struct layout *lo, struct layout_table *table,
			const struct source_performance *perf,
			const struct source_measure *m, const int *shown)
{
	struct measure_texts texts;
	struct layout_cell cells[COLUMN_COUNT];
	measure_cells(lo, perf, m, shown, &texts, cells);
	if (layout_ref_wanted(lo, m->ref))
		layout_table_dest(table, m->ref); /* a ref's link lands here */
	layout_table_row(lo, table, cells, 1, 0, m->pos);
	measure_texts_free(&texts);
}

/* Columns sized from the measures they will hold. A rating label is
 * never broken, nor a travel word inside a word: every label of the scale
 * and every direction is fitted, used or not. */
static void size_columns(struct layout *lo, struct layout_table *table,
			 const struct source_performance *perf, const int *shown)
{
	for (size_t g = 0; g < perf->group_count; g++)
		for (size_t i = 0; i < perf->groups[g].measure_count; i++) {
			struct measure_texts texts;
			struct layout_cell cells[COLUMN_COUNT];
			size_t count = measure_cells(lo, perf,
						     &perf->groups[g].measures[i],
						     shown, &texts, cells);
			for (size_t c = 0; c < count; c++)
				layout_table_content(lo, table, c, &cells[c]);
			measure_texts_free(&texts);
		}
	size_t rating = (size_t)layout_columns_index(shown, COL_RATING);
	for (size_t r = 0; r < perf->scale.rating_count; r++)
		layout_table_fit_label(lo, table, rating,
				       perf->scale.ratings[r].label);
	layout_table_fit_label(lo, table, rating,
			       layout_word(lo, "performance.context"));
	int travel = layout_columns_index(shown, COL_TRAVEL);
	static const enum direction_of_travel travels[] = {
		TRAVEL_UNKNOWN, TRAVEL_IMPROVING, TRAVEL_DECLINING,
		TRAVEL_UNCHANGED, TRAVEL_NEW,
	};
	for (size_t t = 0; travel >= 0 && t < sizeof travels / sizeof travels[0]; t++) {
		char *text = travel_text(lo, travels[t]);
		layout_table_fit_word(lo, table, (size_t)travel, text, NULL);
		free(text);
	}
	int flexible[COLUMN_COUNT];
	layout_columns_shown(shown, COLUMN_COUNT, text_columns, flexible,
			     sizeof *flexible);
	layout_table_size_columns(lo, table, flexible);
}

/* What a reader would otherwise look for: "" when nothing is absent. */
static const char *absent_note(const struct layout *lo, const int *shown)
{
	if (!shown[COL_PREVIOUS] && !shown[COL_TRAVEL])
		return layout_word(lo, shown[COL_TARGET]
					       ? "performance.no-previous-no-travel"
					       : "performance.no-target-no-previous");
	if (!shown[COL_TARGET])
		return layout_word(lo, "performance.no-target");
	if (!shown[COL_PREVIOUS])
		return layout_word(lo, "performance.no-previous");
	return "";
}

void layout_performance(struct layout *lo,
			const struct source_performance *performance)
{
	layout_key_paragraph(lo, &performance->intro, &lo->style->body,
			     performance->intro.pos);
	layout_key_scale(lo, &performance->scale, 1, performance->pos);
	int shown[COLUMN_COUNT];
	shown_columns(lo, performance, shown);
	struct source_text note = {
		.text = absent_note(lo, shown),
		.pos = performance->pos,
	};
	layout_key_paragraph(lo, &note, &lo->style->body, note.pos);
	layout_dashboard_performance(lo, performance);

	struct layout_cell header[COLUMN_COUNT];
	struct layout_table table;
	layout_table_begin_shown(lo, &table, shown, COLUMN_COUNT, column_words,
				 lo->style->table.performance_columns, header,
				 performance->pos);
	size_columns(lo, &table, performance, shown);
	for (size_t g = 0; g < performance->group_count; g++) {
		const struct source_measure_group *group =
			&performance->groups[g];
		struct layout_cell cell = layout_plain_cell(
			group->name ? group->name : "", ALIGN_LEFT);
		layout_table_span_row(lo, &table, &cell, 1, group->pos);
		for (size_t i = 0; i < group->measure_count; i++)
			measure_row(lo, &table, performance,
				    &group->measures[i], shown);
	}
	layout_table_end(lo, &table);
	layout_paragraph_gap(lo);
	/* History after the table: the dashboard's counts and the first rows
	 * share a page, the trends read as the measures' background. */
	layout_trends_performance(lo, performance);
}
