/* Dashboards at the head of an assessment or performance block:
 *   - a sentence: "38 of 46 measures (83%) On target; 2 (4%) …", and how
 *     many moved since the previous quarter or self-assessment;
 *   - a table of counts per rating per theme or group, with totals;
 *   - a horizontal stacked bar chart per theme or group (a Figure with a
 *     text alternative), its codes and counts printed beside each bar and
 *     a legend of swatches with labels, so colour never carries meaning
 *     alone;
 *   - for measures with history, small trend lines with their first and
 *     last values printed.
 * The table and the chart sit side by side when the page is wide enough
 * (landscape appendices), so the dashboard leaves room for the start of
 * the block's own table. Everything is vector boxes; colours come only
 * from the house style. This file gathers the numbers and lays out the
 * sentence and the table; layout_chart_bars.c draws the bar chart and
 * layout_chart_trend.c the trend lines. */
#include "layout_chart_internal.h"
#include "rating.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CHART_SIDE_BY_SIDE_PT 500 /* content width from which table and
                                     chart share the width */
#define CHART_TABLE_MAX_SHARE 0.6 /* widest table that still leaves the
                                     chart room beside it */
#define CHART_NAME_MAX_PT 170.0   /* names wider than this wrap */

/* ---- the numbers ---- */

/* Whole percentages of counts[0 … n) that add up to 100: each rounded
 * down, the points left over going to the largest remainders (the
 * earlier rating on a tie), so no share is more than 1 from the truth. */
static void percentages(const size_t *counts, size_t n, size_t whole,
			unsigned *out)
{
	if (!whole) {
		memset(out, 0, n * sizeof *out);
		return;
	}
	unsigned given = 0;
	for (size_t i = 0; i < n; i++) {
		out[i] = (unsigned)(counts[i] * 100 / whole);
		given += out[i];
	}
	while (given < 100) {
		size_t best = n;
		size_t best_rest = 0;
		for (size_t i = 0; i < n; i++) {
			size_t rest = counts[i] * 100 % whole;
			/* a share already raised has used its remainder */
			if (out[i] * whole > counts[i] * 100)
				continue;
			if (rest > best_rest) {
				best = i;
				best_rest = rest;
			}
		}
		if (best == n)
			break;
		out[best]++;
		given++;
	}
}

static void chart_data_free(struct chart_data *data)
{
	for (size_t s = 0; s < data->series_count; s++)
		free(data->series[s].counts);
	free(data->series);
	free(data->totals);
}

/* What the two kinds of chart share: their words, the scale, and a count
 * per rating (plus the unrated slot) for the whole block; the series are
 * added by chart_series_add. */
static void chart_data_begin(struct chart_data *data,
			     const struct chart_data *words,
			     const struct source_scale *scale,
			     struct source_pos pos, size_t series_count)
{
	*data = *words;
	data->scale = scale;
	data->pos = pos;
	data->series_count = series_count;
	data->series = mem_array(series_count ? series_count : 1,
				 sizeof *data->series);
	data->totals = mem_array(scale->rating_count + 1, sizeof *data->totals);
}

/* Series i, named after its group or theme; returns its counts to fill. */
static size_t *chart_series_add(struct chart_data *data, size_t i,
				const char *name, struct source_pos pos)
{
	struct chart_series *s = &data->series[i];
	s->name = name ? name : "";
	s->pos = pos;
	s->counts = mem_array(data->scale->rating_count + 1, sizeof *s->counts);
	return s->counts;
}

static void chart_data_performance(struct layout *lo, struct chart_data *data,
				   const struct source_performance *perf)
{
	struct chart_data words = {
		.group_word = layout_word(lo, "dashboard.group"),
		.group_lower = layout_word(lo, "dashboard.group-lower"),
		.unrated_word = layout_word(lo, "dashboard.contextual"),
		.unrated_heading = layout_word(lo, "dashboard.contextual-heading"),
		.unrated_key = "dashboard.contextual",
	};
	layout_noun(lo, perf->noun, "measure", &words.one, &words.many);
	chart_data_begin(data, &words, &perf->scale, perf->pos,
			 perf->group_count);
	data->since = perf->previous_period ? perf->previous_period
					    : layout_word(lo, "dashboard.since-quarter");
	for (size_t g = 0; g < perf->group_count; g++)
		rating_count_measures(perf, &perf->groups[g],
				      chart_series_add(data, g,
						       perf->groups[g].name,
						       perf->groups[g].pos));
	rating_count_measures(perf, NULL, data->totals);
	rating_count_travel(perf, NULL, data->travel);
}

static void chart_data_assessment(struct layout *lo, struct chart_data *data,
				  const struct source_assessment *assessment,
				  char **since)
{
	struct chart_data words = {
		.group_word = layout_word(lo, "dashboard.theme"),
		.group_lower = layout_word(lo, "dashboard.theme-lower"),
		.unrated_word = layout_word(lo, "dashboard.not-rated"),
		.unrated_heading = layout_word(lo, "dashboard.not-rated-heading"),
		.unrated_key = "dashboard.unrated",
	};
	layout_noun(lo, assessment->noun, "characteristic", &words.one,
		    &words.many);
	chart_data_begin(data, &words, &assessment->scale, assessment->pos,
			 assessment->theme_count);
	/* The date in words, as every council template writes it. */
	const struct words_field fields[] = {
		{ "date", layout_date_text(lo, assessment->previous_date) },
		{ NULL, NULL },
	};
	*since = layout_format(lo, assessment->previous_date ?
					   "dashboard.since-assessment-date" :
					   "dashboard.since-assessment",
			       fields);
	data->since = *since;
	for (size_t t = 0; t < assessment->theme_count; t++)
		rating_count_items(assessment, &assessment->themes[t],
				   chart_series_add(data, t,
						    assessment->themes[t].name,
						    assessment->themes[t].pos));
	rating_count_items(assessment, NULL, data->totals);
	rating_count_item_travel(assessment, NULL, data->travel);
}

/* Appends the catalogue's sentence for key, its fields filled in. */
static void add_words(struct text_buffer *b, const struct layout *lo,
		      const char *key, const struct words_field *fields)
{
	char *text = layout_format(lo, key, fields);
	chart_buffer_add(b, "%s", text);
	free(text);
}

/* "38 of 46 measures (83%) On target; 2 (4%) …. 3 contextual measures
 * are not rated. Since 2024-Q1: 5 improved, …" in the paper's language.
 * Caller frees. */
static char *summary_sentence(const struct layout *lo,
			      const struct chart_data *data)
{
	struct text_buffer b = { 0 };
	const struct source_scale *scale = data->scale;
	size_t rated = chart_rated_total(data, data->totals);
	char n[24], total[24], share[16];
	struct words_field fields[] = {
		{ "one", data->one }, { "many", data->many }, { "n", n },
		{ "total", total }, { "share", share }, { "rating", NULL },
		{ NULL, NULL },
	};
	if (rated == 0)
		add_words(&b, lo, "dashboard.none-rated", fields);
	unsigned *shares = mem_array(scale->rating_count + 1, sizeof *shares);
	percentages(data->totals, scale->rating_count, rated, shares);
	int first = 1;
	snprintf(total, sizeof total, "%zu", rated);
	for (size_t r = 0; rated && r < scale->rating_count; r++) {
		if (!chart_rating_shown(data, r))
			continue;
		snprintf(n, sizeof n, "%zu", data->totals[r]);
		snprintf(share, sizeof share, "%u", shares[r]);
		fields[5].value = chart_rating_name(&scale->ratings[r]);
		add_words(&b, lo, first ? "dashboard.first-share" :
					  "dashboard.next-share", fields);
		first = 0;
	}
	free(shares);
	if (rated)
		chart_buffer_add(&b, ".");
	size_t unrated = data->totals[scale->rating_count];
	if (unrated) {
		char key[64];
		snprintf(key, sizeof key, "%s.%s", data->unrated_key,
			 unrated == 1 ? "one" : "many");
		snprintf(n, sizeof n, "%zu", unrated);
		chart_buffer_add(&b, " ");
		add_words(&b, lo, key, fields);
	}
	const size_t *t = data->travel;
	if (t[TRAVEL_IMPROVING] + t[TRAVEL_DECLINING] + t[TRAVEL_UNCHANGED] +
	    t[TRAVEL_NEW]) {
		char improved[24], declined[24], unchanged[24], added[24];
		snprintf(improved, sizeof improved, "%zu", t[TRAVEL_IMPROVING]);
		snprintf(declined, sizeof declined, "%zu", t[TRAVEL_DECLINING]);
		snprintf(unchanged, sizeof unchanged, "%zu", t[TRAVEL_UNCHANGED]);
		snprintf(added, sizeof added, "%zu", t[TRAVEL_NEW]);
		const struct words_field travel[] = {
			{ "since", data->since }, { "improved", improved },
			{ "declined", declined }, { "unchanged", unchanged },
			{ "new", added }, { NULL, NULL },
		};
		chart_buffer_add(&b, " ");
		add_words(&b, lo, "dashboard.travel", travel);
		if (t[TRAVEL_NEW])
			add_words(&b, lo, "dashboard.travel-new", travel);
		chart_buffer_add(&b, ".");
	}
	return b.text;
}

/* ---- the sentence ---- */

static void layout_summary(struct layout *lo, const struct chart_data *data)
{
	char *sentence = summary_sentence(lo, data);
	const struct style_font *font = &lo->style->body;
	double width_pt = layout_content_width(lo);
	struct layout_lines *lines = layout_measure_plain(lo, sentence, font,
							  width_pt, ALIGN_LEFT);
	layout_ensure_space(lo, lines->height_pt);
	uint32_t node = layout_add_node(lo, ROLE_PARAGRAPH, data->pos);
	lo->y_pt += layout_place_lines(lo, lines, 0, lines->line_count,
				       lo->left_pt, lo->y_pt, node);
	lo->y_pt += CHART_GAP_PT;
	layout_lines_free(lines);
	free(sentence);
}

/* ---- the counts table ---- */

static int any_unrated(const struct chart_data *data)
{
	return data->totals[data->scale->rating_count] > 0;
}

/* Columns: name, one per rating shown, unrated (when any), total. */
static size_t table_columns(const struct chart_data *data)
{
	size_t columns = 1 + (size_t)any_unrated(data) + 1;
	for (size_t r = 0; r < data->scale->rating_count; r++)
		columns += (size_t)chart_rating_shown(data, r);
	return columns;
}

/* Width of the widest word of text: the narrowest a column can be
 * without breaking inside a word. */
static double widest_word(struct layout *lo, const char *text,
			  const struct style_font *font)
{
	double widest_pt = 0;
	const char *p = text;
	while (*p) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		if (!n)
			break;
		char *word = mem_strndup(p, n);
		widest_pt = fmax(widest_pt, chart_text_width(lo, word, font));
		free(word);
		p += n;
	}
	return widest_pt;
}

static void header_cells(const struct layout *lo, const struct chart_data *data,
			 struct layout_cell *cells);

/* Natural column widths: the name column as wide as the longest name or
 * the totals row's label (up to CHART_NAME_MAX_PT, never narrower than its
 * longest word), the others as wide as their header on one line — or,
 * when that would make the table wider than max_pt, as their header's
 * longest word (the header then takes two lines) — and never narrower than
 * the largest number. Returns the table's width. */
static double table_widths(struct layout *lo, const struct chart_data *data,
			   double max_pt, double *widths_pt)
{
	const struct style_table *st = &lo->style->table;
	double pad_pt = 2 * st->padding_pt + 2 * st->border_pt + 1;
	size_t columns = table_columns(data);
	struct layout_cell *cells = mem_array(columns, sizeof *cells);
	header_cells(lo, data, cells);
	/* The grand total is the largest number the table shows. */
	size_t grand_total = chart_rated_total(data, data->totals) +
			     data->totals[data->scale->rating_count];
	char number[24];
	snprintf(number, sizeof number, "%zu", grand_total);
	double number_pt = chart_text_width(lo, number, &st->header_font);
	double name_pt = widest_word(lo, cells[0].plain, &st->header_font);
	/* The totals row's label is a name too: Welsh "Cyfanswm" is wider
	 * than "Thema" and than short theme names. */
	const char *total_word = layout_word(lo, "dashboard.total");
	name_pt = fmax(name_pt, chart_text_width(lo, total_word, &lo->strong_font));
	double name_word_pt = name_pt;
	for (size_t s = 0; s < data->series_count; s++) {
		name_pt = fmax(name_pt, chart_text_width(lo, data->series[s].name, &st->cell_font));
		name_word_pt = fmax(name_word_pt, widest_word(lo, data->series[s].name,
							      &st->cell_font));
	}
	widths_pt[0] = fmax(fmin(name_pt, CHART_NAME_MAX_PT), name_word_pt) + pad_pt;
	double total_pt = widths_pt[0];
	for (size_t c = 1; c < columns; c++) {
		widths_pt[c] = fmax(chart_text_width(lo, cells[c].plain, &st->header_font),
				    number_pt) + pad_pt;
		total_pt += widths_pt[c];
	}
	if (total_pt > max_pt) {
		total_pt = widths_pt[0];
		for (size_t c = 1; c < columns; c++) {
			widths_pt[c] = fmax(widest_word(lo, cells[c].plain,
							&st->header_font),
					    number_pt) + pad_pt;
			total_pt += widths_pt[c];
		}
	}
	free(cells);
	return total_pt;
}

/* Cells of one row; numbers are formatted into storage (16 bytes each). */
static void table_cells(const struct layout *lo, const struct chart_data *data,
			const char *name, const size_t *counts,
			struct layout_cell *cells, char (*storage)[16])
{
	size_t slots = data->scale->rating_count + 1;
	size_t c = 0;
	cells[c++] = layout_plain_cell(name, ALIGN_LEFT);
	size_t total = 0;
	for (size_t r = 0; r < slots; r++) {
		total += counts[r];
		if (r == slots - 1 ? !any_unrated(data) : !chart_rating_shown(data, r))
			continue;
		snprintf(storage[c], sizeof storage[c], "%zu", counts[r]);
		cells[c] = layout_plain_cell(storage[c], ALIGN_RIGHT);
		c++;
	}
	snprintf(storage[c], sizeof storage[c], "%zu", total);
	cells[c] = layout_plain_cell(storage[c], ALIGN_RIGHT);
	cells[c].font = &lo->strong_font;
}

static void header_cells(const struct layout *lo, const struct chart_data *data,
			 struct layout_cell *cells)
{
	const struct source_scale *scale = data->scale;
	uint32_t fill = lo->style->table.header_fill;
	size_t c = 0;
	cells[c] = layout_plain_cell(data->group_word, ALIGN_LEFT);
	cells[c++].fill = fill;
	for (size_t r = 0; r < scale->rating_count; r++) {
		if (!chart_rating_shown(data, r))
			continue;
		cells[c++] = layout_rating_cell(lo, scale, r,
						chart_rating_name(&scale->ratings[r]),
						ALIGN_CENTER);
	}
	if (any_unrated(data)) {
		cells[c] = layout_plain_cell(data->unrated_heading, ALIGN_CENTER);
		cells[c++].fill = fill;
	}
	cells[c] = layout_plain_cell(layout_word(lo, "dashboard.total"), ALIGN_RIGHT);
	cells[c].fill = fill;
}

/* Height the table will take with those widths: the header measured,
 * each row as tall as its (possibly wrapped) name. */
static double table_height(struct layout *lo, const struct chart_data *data,
			   const double *widths_pt)
{
	size_t columns = table_columns(data);
	struct layout_cell *cells = mem_array(columns, sizeof *cells);
	header_cells(lo, data, cells);
	const struct style_table *st = &lo->style->table;
	double pad_pt = 2 * st->padding_pt;
	double header_pt = 0;
	for (size_t c = 0; c < columns; c++)
		header_pt = fmax(header_pt, chart_text_height(lo, cells[c].plain,
							      &st->header_font,
							      widths_pt[c] - pad_pt));
	double total_pt = header_pt + pad_pt;
	double number_pt = chart_text_height(lo, "0", &st->header_font, 100);
	for (size_t s = 0; s <= data->series_count; s++) {
		const char *name = s < data->series_count ? data->series[s].name :
				   layout_word(lo, "dashboard.total");
		double h = chart_text_height(lo, name, &st->cell_font, widths_pt[0] - pad_pt);
		total_pt += fmax(h, number_pt) + pad_pt;
	}
	free(cells);
	return total_pt;
}

/* The table at its natural widths (scaled down when wider than the
 * content width). */
static void counts_table(struct layout *lo, const struct chart_data *data,
			 const double *widths_pt)
{
	size_t columns = table_columns(data);
	double *proportions = mem_array(columns, sizeof *proportions);
	struct layout_cell *header = mem_array(columns, sizeof *header);
	struct layout_cell *cells = mem_array(columns, sizeof *cells);
	char (*storage)[16] = mem_array(columns, sizeof *storage);
	double content_pt = layout_content_width(lo);
	for (size_t c = 0; c < columns; c++)
		proportions[c] = widths_pt[c] / content_pt;
	header_cells(lo, data, header);
	struct layout_table table;
	layout_table_begin(lo, &table, columns, proportions, header, data->pos);
	for (size_t s = 0; s < data->series_count; s++) {
		table_cells(lo, data, data->series[s].name, data->series[s].counts,
			    cells, storage);
		layout_table_row(lo, &table, cells, 1, 0, data->series[s].pos);
	}
	table_cells(lo, data, layout_word(lo, "dashboard.total"), data->totals,
		    cells, storage);
	cells[0].font = &lo->strong_font;
	layout_table_row(lo, &table, cells, 1, 0, data->pos);
	layout_table_end(lo, &table);
	free(storage);
	free(cells);
	free(header);
	free(proportions);
}

/* ---- the dashboard: sentence, then table and chart ---- */

static void dashboard(struct layout *lo, const struct chart_data *data)
{
	layout_summary(lo, data);
	if (data->series_count == 0)
		return;
	double width_pt = layout_content_width(lo);
	double page_pt = lo->bottom_pt - lo->top_pt;
	double *widths_pt = mem_array(table_columns(data), sizeof *widths_pt);
	int wide = width_pt >= CHART_SIDE_BY_SIDE_PT;
	double table_w_pt = table_widths(lo, data, wide ? width_pt * CHART_TABLE_MAX_SHARE
							 : width_pt, widths_pt);
	if (wide &&
	    table_w_pt <= width_pt * CHART_TABLE_MAX_SHARE) {
		double chart_x_pt = lo->left_pt + table_w_pt + 2 * CHART_GAP_PT;
		double chart_w_pt = width_pt - table_w_pt - 2 * CHART_GAP_PT;
		double table_pt = table_height(lo, data, widths_pt);
		double chart_pt = chart_bars_height(lo, data, chart_w_pt);
		if (table_pt <= page_pt && chart_pt <= page_pt) {
			layout_ensure_space(lo, fmax(table_pt, chart_pt));
			/* The chart first: it reads as the summary of the table,
			 * and must be drawn on the page where both start. */
			double top_pt = lo->y_pt;
			size_t page = lo->page;
			chart_bars(lo, data, chart_x_pt, chart_w_pt);
			double chart_bottom_pt = lo->y_pt;
			lo->y_pt = top_pt;
			counts_table(lo, data, widths_pt);
			if (lo->page == page && chart_bottom_pt > lo->y_pt)
				lo->y_pt = chart_bottom_pt;
			free(widths_pt);
			return;
		}
	}
	chart_bars(lo, data, lo->left_pt, width_pt);
	lo->y_pt += CHART_GAP_PT;
	counts_table(lo, data, widths_pt);
	free(widths_pt);
}

/* ---- the interface ---- */

/* Pieces of a dashboard are CHART_GAP_PT apart; the whole is followed by
 * the paragraph gap like any other block. */

void layout_dashboard_assessment(struct layout *lo,
				 const struct source_assessment *assessment)
{
	struct chart_data data;
	char *since;
	chart_data_assessment(lo, &data, assessment, &since);
	dashboard(lo, &data);
	lo->y_pt += lo->style->paragraph_gap_pt;
	chart_data_free(&data);
	free(since);
}

void layout_dashboard_performance(struct layout *lo,
				  const struct source_performance *performance)
{
	struct chart_data data;
	chart_data_performance(lo, &data, performance);
	dashboard(lo, &data);
	chart_data_free(&data);
	lo->y_pt += lo->style->paragraph_gap_pt;
}

void layout_trends_performance(struct layout *lo,
			       const struct source_performance *performance)
{
	double before_pt = lo->y_pt;
	size_t page = lo->page;
	chart_trends(lo, performance);
	if (lo->page != page || lo->y_pt != before_pt)
		lo->y_pt += lo->style->paragraph_gap_pt;
	if (lo->y_pt > lo->bottom_pt)
		lo->y_pt = lo->bottom_pt;
}
