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
 * from the house style. Owner: layout_chart.c only. */
#include "layout_internal.h"
#include "rating.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define CHART_GAP_PT 6.0          /* between columns of the dashboard */
#define CHART_ROW_GAP_PT 3.0      /* between bars */
#define CHART_SIDE_BY_SIDE_PT 500 /* content width from which table and
                                     chart share the width */
#define CHART_TABLE_MAX_SHARE 0.6 /* widest table that still leaves the
                                     chart room beside it */
#define CHART_NAME_MAX_PT 170.0   /* names wider than this wrap */
#define TREND_SPARK_MIN_PT 30.0   /* shortest trend line */
#define TREND_LINE_PT 1.0

/* One bar: a theme or group and its counts (scale.rating_count + 1 slots,
 * the last for unrated). */
struct chart_series {
	const char *name;
	struct source_pos pos;
	size_t *counts;
};

struct chart_data {
	const struct source_scale *scale;
	const char *noun;          /* "measures", "characteristics" */
	const char *group_word;    /* "Group", "Theme": the table's first header */
	const char *unrated_word;  /* "contextual", "not rated": beside a bar */
	const char *unrated_heading; /* "Contextual", "Not rated": its column */
	const char *unrated_one, *unrated_many; /* "contextual measure(s)" */
	struct chart_series *series;
	size_t series_count;
	size_t *totals;
	size_t travel[RATING_TRAVEL_KINDS];
	const char *since;         /* what the travel is measured against */
	struct source_pos pos;
};

/* ---- a growing string ---- */

struct text_buffer {
	char *text;
	size_t length, capacity;
};

static void buffer_add(struct text_buffer *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void buffer_add(struct text_buffer *b, const char *fmt, ...)
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

/* ---- the numbers ---- */

static size_t rated_total(const struct chart_data *data, const size_t *counts)
{
	size_t n = 0;
	for (size_t r = 0; r < data->scale->rating_count; r++)
		n += counts[r];
	return n;
}

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

static const char *rating_name(const struct source_rating *r)
{
	return r->label && *r->label ? r->label : r->code ? r->code : "?";
}

static void chart_data_free(struct chart_data *data)
{
	for (size_t s = 0; s < data->series_count; s++)
		free(data->series[s].counts);
	free(data->series);
	free(data->totals);
}

static void chart_data_performance(struct chart_data *data,
				   const struct source_performance *perf)
{
	memset(data, 0, sizeof *data);
	data->scale = &perf->scale;
	data->noun = "measures";
	data->group_word = "Group";
	data->unrated_word = "contextual";
	data->unrated_heading = "Contextual";
	data->unrated_one = "contextual measure is";
	data->unrated_many = "contextual measures are";
	data->pos = perf->pos;
	data->since = perf->previous_period ? perf->previous_period
					    : "the previous quarter";
	size_t slots = perf->scale.rating_count + 1;
	data->series_count = perf->group_count;
	data->series = mem_array(perf->group_count ? perf->group_count : 1,
				 sizeof *data->series);
	for (size_t g = 0; g < perf->group_count; g++) {
		struct chart_series *s = &data->series[g];
		s->name = perf->groups[g].name ? perf->groups[g].name : "";
		s->pos = perf->groups[g].pos;
		s->counts = mem_array(slots, sizeof *s->counts);
		rating_count_measures(perf, &perf->groups[g], s->counts);
	}
	data->totals = mem_array(slots, sizeof *data->totals);
	rating_count_measures(perf, NULL, data->totals);
	rating_count_travel(perf, NULL, data->travel);
}

static void chart_data_assessment(struct chart_data *data,
				  const struct source_assessment *assessment,
				  char **since)
{
	memset(data, 0, sizeof *data);
	data->scale = &assessment->scale;
	data->noun = "characteristics";
	data->group_word = "Theme";
	data->unrated_word = "not rated";
	data->unrated_heading = "Not rated";
	data->unrated_one = "characteristic is";
	data->unrated_many = "characteristics are";
	data->pos = assessment->pos;
	*since = assessment->previous_date
			 ? mem_printf("the previous self-assessment (%s)",
				      assessment->previous_date)
			 : mem_strdup("the previous self-assessment");
	data->since = *since;
	size_t slots = assessment->scale.rating_count + 1;
	data->series_count = assessment->theme_count;
	data->series = mem_array(assessment->theme_count ? assessment->theme_count : 1,
				 sizeof *data->series);
	for (size_t t = 0; t < assessment->theme_count; t++) {
		struct chart_series *s = &data->series[t];
		s->name = assessment->themes[t].name ? assessment->themes[t].name : "";
		s->pos = assessment->themes[t].pos;
		s->counts = mem_array(slots, sizeof *s->counts);
		rating_count_items(assessment, &assessment->themes[t], s->counts);
	}
	data->totals = mem_array(slots, sizeof *data->totals);
	rating_count_items(assessment, NULL, data->totals);
	rating_count_item_travel(assessment, NULL, data->travel);
}

/* "38 of 46 measures (83%) On target; 2 (4%) Within tolerance; … 3
 * contextual measures are not rated. Since 2024-Q1: 5 improving, …"
 * Caller frees. */
static char *summary_sentence(const struct chart_data *data)
{
	struct text_buffer b = { 0 };
	const struct source_scale *scale = data->scale;
	size_t rated = rated_total(data, data->totals);
	if (rated == 0)
		buffer_add(&b, "No %s are rated.", data->noun);
	unsigned *shares = mem_array(scale->rating_count + 1, sizeof *shares);
	percentages(data->totals, scale->rating_count, rated, shares);
	for (size_t r = 0; rated && r < scale->rating_count; r++) {
		size_t n = data->totals[r];
		if (r == 0)
			buffer_add(&b, "%zu of %zu %s (%u%%) %s", n, rated, data->noun,
				   shares[r], rating_name(&scale->ratings[r]));
		else
			buffer_add(&b, "; %zu (%u%%) %s", n, shares[r],
				   rating_name(&scale->ratings[r]));
	}
	free(shares);
	if (rated)
		buffer_add(&b, ".");
	size_t unrated = data->totals[scale->rating_count];
	if (unrated)
		buffer_add(&b, " %zu %s not rated.", unrated,
			   unrated == 1 ? data->unrated_one : data->unrated_many);
	const size_t *t = data->travel;
	if (t[TRAVEL_IMPROVING] + t[TRAVEL_DECLINING] + t[TRAVEL_UNCHANGED] +
	    t[TRAVEL_NEW]) {
		buffer_add(&b, " Since %s: %zu improved, %zu declined, %zu unchanged",
			   data->since, t[TRAVEL_IMPROVING], t[TRAVEL_DECLINING],
			   t[TRAVEL_UNCHANGED]);
		if (t[TRAVEL_NEW])
			buffer_add(&b, ", %zu new", t[TRAVEL_NEW]);
		buffer_add(&b, ".");
	}
	return b.text;
}

/* ---- text helpers ---- */

/* Place one piece of plain text with its top at y_pt; returns its height.
 * width_pt 0 means "as wide as it needs" (a single line). */
static double place_text(struct layout *lo, const char *text,
			 const struct style_font *font, double x_pt, double y_pt,
			 double width_pt, enum layout_align align, uint32_t node,
			 double *used_width_pt)
{
	struct layout_lines *lines = layout_measure_plain(
		lo, text, font, width_pt > 0 ? width_pt : 10000, align);
	if (used_width_pt)
		*used_width_pt = lines->width_pt;
	double h = layout_place_lines(lo, lines, 0, lines->line_count, x_pt,
				      y_pt, node);
	layout_lines_free(lines);
	return h;
}

static double text_height(struct layout *lo, const char *text,
			  const struct style_font *font, double width_pt)
{
	struct layout_lines *lines = layout_measure_plain(lo, text, font,
							  width_pt, ALIGN_LEFT);
	double h = lines->height_pt;
	layout_lines_free(lines);
	return h;
}

static double text_width(struct layout *lo, const char *text,
			 const struct style_font *font)
{
	struct layout_lines *lines = layout_measure_plain(lo, text, font, 10000,
							  ALIGN_LEFT);
	double w = lines->width_pt;
	layout_lines_free(lines);
	return w;
}

/* The font of chart labels: the table's cell font. */
static const struct style_font *label_font(const struct layout *lo)
{
	return &lo->style->table.cell_font;
}

/* ---- the sentence ---- */

static void layout_summary(struct layout *lo, const struct chart_data *data)
{
	char *sentence = summary_sentence(data);
	const struct style_font *font = &lo->style->body;
	double width_pt = layout_content_width(lo);
	struct layout_lines *lines = layout_measure_plain(lo, sentence, font,
							  width_pt, ALIGN_LEFT);
	layout_ensure_space(lo, lines->height_pt);
	uint32_t node = layout_add_node(lo, ROLE_PARAGRAPH, data->pos);
	lo->y_pt += layout_place_lines(lo, lines, 0, lines->line_count,
				       lo->left_pt, lo->y_pt, node);
	lo->y_pt += lo->style->paragraph_gap_pt;
	layout_lines_free(lines);
	free(sentence);
}

/* ---- the counts table ---- */

static int any_unrated(const struct chart_data *data)
{
	return data->totals[data->scale->rating_count] > 0;
}

/* A rating has a column unless it means "no data" and nothing has it:
 * no data is not an outcome, and the room is better spent on the chart. */
static int rating_has_column(const struct chart_data *data, size_t r)
{
	return data->scale->ratings[r].standing != STANDING_NO_DATA ||
	       data->totals[r] > 0;
}

/* Columns: name, one per rating shown, unrated (when any), total. */
static size_t table_columns(const struct chart_data *data)
{
	size_t columns = 1 + (size_t)any_unrated(data) + 1;
	for (size_t r = 0; r < data->scale->rating_count; r++)
		columns += (size_t)rating_has_column(data, r);
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
		widest_pt = fmax(widest_pt, text_width(lo, word, font));
		free(word);
		p += n;
	}
	return widest_pt;
}

static void header_cells(const struct layout *lo, const struct chart_data *data,
			 struct layout_cell *cells);

/* Natural column widths: the name column as wide as the longest name (up
 * to CHART_NAME_MAX_PT, never narrower than its longest word), the others
 * as wide as their header on one line — or, when that would make the table
 * wider than max_pt, as their header's longest word (the header then takes
 * two lines) — and never narrower than the largest number. Returns the
 * table's width. */
static double table_widths(struct layout *lo, const struct chart_data *data,
			   double max_pt, double *widths_pt)
{
	const struct style_table *st = &lo->style->table;
	double pad_pt = 2 * st->padding_pt + 2 * st->border_pt + 1;
	size_t columns = table_columns(data);
	struct layout_cell *cells = mem_array(columns, sizeof *cells);
	header_cells(lo, data, cells);
	char number[24];
	snprintf(number, sizeof number, "%zu", data->series_count ?
		 rated_total(data, data->totals) + data->totals[data->scale->rating_count] : 0);
	double number_pt = text_width(lo, number, &st->header_font);
	double name_pt = widest_word(lo, cells[0].plain, &st->header_font);
	double name_word_pt = name_pt;
	for (size_t s = 0; s < data->series_count; s++) {
		name_pt = fmax(name_pt, text_width(lo, data->series[s].name, &st->cell_font));
		name_word_pt = fmax(name_word_pt, widest_word(lo, data->series[s].name,
							      &st->cell_font));
	}
	widths_pt[0] = fmax(fmin(name_pt, CHART_NAME_MAX_PT), name_word_pt) + pad_pt;
	double total_pt = widths_pt[0];
	for (size_t c = 1; c < columns; c++) {
		widths_pt[c] = fmax(text_width(lo, cells[c].plain, &st->header_font),
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
	cells[c++] = (struct layout_cell){ NULL, name, NULL, DL_NO_COLOR,
					   DL_NO_COLOR, ALIGN_LEFT };
	size_t total = 0;
	for (size_t r = 0; r < slots; r++) {
		total += counts[r];
		if (r == slots - 1 ? !any_unrated(data) : !rating_has_column(data, r))
			continue;
		snprintf(storage[c], sizeof storage[c], "%zu", counts[r]);
		cells[c] = (struct layout_cell){ NULL, storage[c], NULL, DL_NO_COLOR,
						 DL_NO_COLOR, ALIGN_RIGHT };
		c++;
	}
	snprintf(storage[c], sizeof storage[c], "%zu", total);
	cells[c] = (struct layout_cell){ NULL, storage[c], &lo->style->table.header_font,
					 DL_NO_COLOR, DL_NO_COLOR, ALIGN_RIGHT };
}

static void header_cells(const struct layout *lo, const struct chart_data *data,
			 struct layout_cell *cells)
{
	const struct source_scale *scale = data->scale;
	uint32_t fill = lo->style->table.header_fill;
	size_t c = 0;
	cells[c++] = (struct layout_cell){ NULL, data->group_word, NULL, fill,
					   DL_NO_COLOR, ALIGN_LEFT };
	for (size_t r = 0; r < scale->rating_count; r++) {
		if (!rating_has_column(data, r))
			continue;
		const struct style_rating_colors *colors =
			style_rating(lo->style, scale->ratings[r].code);
		cells[c++] = (struct layout_cell){ NULL, rating_name(&scale->ratings[r]),
						   NULL, colors->background,
						   colors->text, ALIGN_CENTER };
	}
	if (any_unrated(data))
		cells[c++] = (struct layout_cell){ NULL, data->unrated_heading, NULL,
						   fill, DL_NO_COLOR, ALIGN_CENTER };
	cells[c] = (struct layout_cell){ NULL, "Total", NULL, fill, DL_NO_COLOR,
					 ALIGN_RIGHT };
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
		header_pt = fmax(header_pt, text_height(lo, cells[c].plain,
							&st->header_font,
							widths_pt[c] - pad_pt));
	double total_pt = header_pt + pad_pt;
	double number_pt = text_height(lo, "0", &st->header_font, 100);
	for (size_t s = 0; s <= data->series_count; s++) {
		const char *name = s < data->series_count ? data->series[s].name : "Total";
		double h = text_height(lo, name, &st->cell_font, widths_pt[0] - pad_pt);
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
	table_cells(lo, data, "Total", data->totals, cells, storage);
	cells[0].font = &lo->style->table.header_font;
	layout_table_row(lo, &table, cells, 1, 0, data->pos);
	layout_table_end(lo, &table);
	free(storage);
	free(cells);
	free(header);
	free(proportions);
}

/* ---- the bar chart ---- */

/* "G 5 · A 2 · R 1 · 2 not rated": what a bar shows, in words. */
static char *bar_label(const struct chart_data *data, const size_t *counts)
{
	struct text_buffer b = { 0 };
	const struct source_scale *scale = data->scale;
	for (size_t r = 0; r < scale->rating_count; r++)
		if (counts[r])
			buffer_add(&b, "%s%s %zu", b.length ? " \u00b7 " : "",
				   scale->ratings[r].code ? scale->ratings[r].code : "?",
				   counts[r]);
	size_t unrated = counts[scale->rating_count];
	if (unrated)
		buffer_add(&b, "%s%zu %s", b.length ? " \u00b7 " : "", unrated,
			   data->unrated_word);
	if (!b.length)
		buffer_add(&b, "none");
	return b.text;
}

/* The figure's text alternative: every count of every bar. */
static char *chart_alt(const struct chart_data *data)
{
	struct text_buffer b = { 0 };
	const struct source_scale *scale = data->scale;
	buffer_add(&b, "Bar chart of %s by rating for each %s.", data->noun,
		   strcmp(data->group_word, "Theme") == 0 ? "theme" : "group");
	for (size_t s = 0; s < data->series_count; s++) {
		const size_t *counts = data->series[s].counts;
		buffer_add(&b, " %s:", data->series[s].name);
		int first = 1;
		for (size_t r = 0; r < scale->rating_count; r++) {
			if (!counts[r])
				continue;
			buffer_add(&b, "%s %zu %s", first ? "" : ",", counts[r],
				   rating_name(&scale->ratings[r]));
			first = 0;
		}
		if (counts[scale->rating_count]) {
			buffer_add(&b, "%s %zu %s", first ? "" : ",",
				   counts[scale->rating_count], data->unrated_word);
			first = 0;
		}
		buffer_add(&b, "%s.", first ? " none" : "");
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
	const struct style_font *font = label_font(lo);
	g->line_pt = text_height(lo, "0", font, 100);
	double name_pt = 0, label_pt = 0;
	size_t most = 0;
	for (size_t s = 0; s < data->series_count; s++) {
		name_pt = fmax(name_pt, text_width(lo, data->series[s].name, font));
		char *label = bar_label(data, data->series[s].counts);
		label_pt = fmax(label_pt, text_width(lo, label, font));
		free(label);
		size_t n = rated_total(data, data->series[s].counts);
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
	const struct style_font *font = label_font(lo);
	char *label = bar_label(data, series->counts);
	double h = fmax(text_height(lo, series->name, font, g->name_w_pt),
			text_height(lo, label, font, g->label_w_pt));
	free(label);
	return fmax(h, g->line_pt) + CHART_ROW_GAP_PT;
}

/* Draw one bar row with its top at y_pt; returns its height. */
static double bar_row(struct layout *lo, const struct chart_data *data,
		      const struct chart_series *series,
		      const struct bar_geometry *g, double x_pt, double y_pt,
		      uint32_t node)
{
	const struct style_font *font = label_font(lo);
	double height_pt = bar_row_height(lo, data, g, series);
	place_text(lo, series->name, font, x_pt, y_pt, g->name_w_pt, ALIGN_LEFT,
		   node, NULL);
	double x = g->bar_x_pt;
	for (size_t r = 0; r < data->scale->rating_count; r++) {
		if (!series->counts[r])
			continue;
		double w = g->unit_pt * (double)series->counts[r];
		const struct style_rating_colors *colors =
			style_rating(lo->style, data->scale->ratings[r].code);
		/* Outlined so pale tints still stand out from the page
		 * (WCAG 1.4.11 asks 3:1 of chart graphics). */
		layout_add_rect(lo, node, x, y_pt, w, g->line_pt,
				colors->background, lo->style->table.border_color,
				lo->style->table.border_pt);
		x += w;
	}
	/* The label follows its bar's end, where the eye already is. */
	char *label = bar_label(data, series->counts);
	place_text(lo, label, font, x + CHART_GAP_PT, y_pt, g->label_w_pt,
		   ALIGN_LEFT, node, NULL);
	free(label);
	return height_pt;
}

/* Legend entries flow left to right, wrapping at the width: a swatch and
 * "G On target". Returns the height; draws only when draw is set. */
static double legend(struct layout *lo, const struct chart_data *data,
		     double x_pt, double y_pt, double width_pt, double line_pt,
		     uint32_t node, int draw)
{
	const struct style_font *font = label_font(lo);
	const struct source_scale *scale = data->scale;
	double swatch_pt = line_pt * 0.8;
	double x = x_pt, y = y_pt;
	for (size_t r = 0; r < scale->rating_count; r++) {
		const struct source_rating *rating = &scale->ratings[r];
		char *text = rating->code && rating->label &&
					     strcmp(rating->code, rating->label) != 0
				     ? mem_printf("%s %s", rating->code, rating->label)
				     : mem_strdup(rating_name(rating));
		double entry_pt = swatch_pt + 3 + text_width(lo, text, font) + 2 * CHART_GAP_PT;
		if (x > x_pt && x + entry_pt > x_pt + width_pt) {
			x = x_pt;
			y += line_pt + CHART_ROW_GAP_PT;
		}
		if (draw) {
			const struct style_rating_colors *colors =
				style_rating(lo->style, rating->code);
			layout_add_rect(lo, node, x, y + (line_pt - swatch_pt) / 2,
					swatch_pt, swatch_pt, colors->background,
					lo->style->table.border_color,
					lo->style->table.border_pt);
			place_text(lo, text, font, x + swatch_pt + 3, y, 0,
				   ALIGN_LEFT, node, NULL);
		}
		x += entry_pt;
		free(text);
	}
	return y + line_pt - y_pt;
}

static double chart_height(struct layout *lo, const struct chart_data *data,
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
static void bar_chart(struct layout *lo, const struct chart_data *data,
		      double x_pt, double width_pt)
{
	uint32_t figure = layout_add_node(lo, ROLE_FIGURE, data->pos);
	char *alt = chart_alt(data);
	lo->list->nodes[figure].alt = layout_strdup(lo, alt);
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
		double chart_pt = chart_height(lo, data, chart_w_pt);
		if (table_pt <= page_pt && chart_pt <= page_pt) {
			layout_ensure_space(lo, fmax(table_pt, chart_pt));
			/* The chart first: it reads as the summary of the table,
			 * and must be drawn on the page where both start. */
			double top_pt = lo->y_pt;
			size_t page = lo->page;
			bar_chart(lo, data, chart_x_pt, chart_w_pt);
			double chart_bottom_pt = lo->y_pt;
			lo->y_pt = top_pt;
			counts_table(lo, data, widths_pt);
			if (lo->page == page && chart_bottom_pt > lo->y_pt)
				lo->y_pt = chart_bottom_pt;
			lo->y_pt += lo->style->paragraph_gap_pt;
			free(widths_pt);
			return;
		}
	}
	bar_chart(lo, data, lo->left_pt, width_pt);
	lo->y_pt += lo->style->paragraph_gap_pt;
	counts_table(lo, data, widths_pt);
	lo->y_pt += lo->style->paragraph_gap_pt;
	free(widths_pt);
}

/* ---- trend lines ---- */

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

static const char *trend_last_period(const struct source_performance *perf,
				     const struct source_measure *m)
{
	if (m->actual.present)
		return perf->period ? perf->period : "this quarter";
	return m->history[m->history_count - 1].period
		       ? m->history[m->history_count - 1].period : "";
}

static char *trend_alt(const struct source_performance *perf)
{
	struct text_buffer b = { 0 };
	buffer_add(&b, "Trend lines of measures over the quarters reported.");
	for (size_t g = 0; g < perf->group_count; g++)
		for (size_t i = 0; i < perf->groups[g].measure_count; i++) {
			const struct source_measure *m = &perf->groups[g].measures[i];
			if (!has_trend(m))
				continue;
			size_t n;
			double *values = trend_values(m, &n);
			buffer_add(&b, " %s", m->ref ? m->ref : "?");
			if (m->name.text && *m->name.text)
				buffer_add(&b, " %s", m->name.text);
			buffer_add(&b, " (%s to %s):", trend_first_period(m),
				   trend_last_period(perf, m));
			for (size_t v = 0; v < n; v++) {
				char number[48];
				format_number(number, sizeof number, values[v], m->unit);
				buffer_add(&b, "%s %s", v ? "," : "", number);
			}
			buffer_add(&b, ", %s.", rating_travel_word(m->travel));
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
	const struct style_font *font = label_font(lo);
	memset(g, 0, sizeof *g);
	g->line_pt = text_height(lo, "0", font, 100);
	for (size_t k = 0; k < perf->group_count; k++)
		for (size_t i = 0; i < perf->groups[k].measure_count; i++) {
			const struct source_measure *m = &perf->groups[k].measures[i];
			if (!has_trend(m))
				continue;
			char first[48], last[48];
			trend_labels(m, first, last, sizeof first);
			g->ref_w_pt = fmax(g->ref_w_pt, text_width(lo, m->ref ? m->ref : "?",
							       &lo->style->table.header_font));
			g->first_w_pt = fmax(g->first_w_pt, text_width(lo, first, font));
			g->last_w_pt = fmax(g->last_w_pt, text_width(lo, last, font));
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
	const struct style_font *font = label_font(lo);
	char first[48], last[48];
	trend_labels(m, first, last, sizeof first);
	place_text(lo, m->ref ? m->ref : "?", &lo->style->table.header_font, x_pt,
		   y_pt, 0, ALIGN_LEFT, node, NULL);
	double first_x_pt = x_pt + g->ref_w_pt + CHART_GAP_PT;
	place_text(lo, first, font, first_x_pt, y_pt, g->first_w_pt, ALIGN_RIGHT,
		   node, NULL);
	double last_x_pt = x_pt + g->cell_w_pt - CHART_GAP_PT - g->last_w_pt;
	place_text(lo, last, font, last_x_pt, y_pt, 0, ALIGN_LEFT, node, NULL);

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

static void trend_grid(struct layout *lo, const struct source_performance *perf)
{
	size_t count = 0;
	for (size_t g = 0; g < perf->group_count; g++)
		for (size_t i = 0; i < perf->groups[g].measure_count; i++)
			count += (size_t)has_trend(&perf->groups[g].measures[i]);
	if (!count)
		return;
	struct trend_geometry geo;
	trend_geometry(lo, perf, &geo);
	double row_pt = geo.line_pt + CHART_ROW_GAP_PT;
	uint32_t figure = layout_add_node(lo, ROLE_FIGURE, perf->pos);
	char *alt = trend_alt(perf);
	lo->list->nodes[figure].alt = layout_strdup(lo, alt);
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
	lo->y_pt += lo->style->paragraph_gap_pt;
}

/* ---- the interface ---- */

void layout_dashboard_assessment(struct layout *lo,
				 const struct source_assessment *assessment)
{
	struct chart_data data;
	char *since;
	chart_data_assessment(&data, assessment, &since);
	dashboard(lo, &data);
	chart_data_free(&data);
	free(since);
}

void layout_dashboard_performance(struct layout *lo,
				  const struct source_performance *performance)
{
	struct chart_data data;
	chart_data_performance(&data, performance);
	dashboard(lo, &data);
	chart_data_free(&data);
	trend_grid(lo, performance);
}
