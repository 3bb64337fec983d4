/* A risk register: intro, key of the ratings with the scores each band
 * holds, a sentence of counts and directions, the heat map with its data
 * (layout_heatmap.c), what each likelihood and impact means (when the
 * source says), then the register as one table: reference, the risk
 * (title, description, cause, consequence), owner, inherent, current and
 * target scores each on its rating's colour with its label, direction since
 * the last review, controls and further actions. Scores, ratings and
 * directions are the ones rating_risks.c computed. */
#include "layout_chart_internal.h"
#include "rating_risks.h"

#include "dates.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	COL_REF,
	COL_RISK,
	COL_OWNER,
	COL_INHERENT,
	COL_CURRENT,
	COL_TARGET,
	COL_DIRECTION,
	COL_CONTROLS,
	COLUMN_COUNT
};

/* The fixed words of this file, in one place. */
static const char *const column_titles[COLUMN_COUNT] = {
	"Ref",    "Risk",   "Owner",     "Inherent",
	"Current", "Target", "Direction", "Controls and further actions",
};
static const struct {
	const char *cause, *consequence, *controls, *actions, *reviewed, *by;
	const char *key_rating, *key_scores, *key_meaning, *matrix_scores;
	const char *risk_one, *risk_many, *since_last;
	const char *level, *likelihood, *impact;
} words = {
	.cause = "Cause: ",
	.consequence = "Consequence: ",
	.controls = "Controls: ",
	.actions = "Further actions:",
	.reviewed = "Reviewed ",
	.by = "by ",
	.key_rating = "Rating",
	.key_scores = "Scores",
	.key_meaning = "Meaning",
	.matrix_scores = "Likelihood \u00d7 impact",
	.risk_one = "risk",
	.risk_many = "risks",
	.since_last = "the last review",
	.level = "Level",
	.likelihood = "Likelihood",
	.impact = "Impact",
};

/* Register columns as proportions of the content width. */
static const double register_columns[COLUMN_COUNT] = {
	0.06, 0.25, 0.10, 0.08, 0.08, 0.08, 0.08, 0.27,
};
static const double key_columns[3] = { 0.2, 0.15, 0.4 };
static const double level_columns[3] = { 0.06, 0.35, 0.35 };

/* ---- rich text made of pieces, in the list's arena ----
 * Measured lines point into a cell's text until the row is placed. */

struct rich {
	char *text;
	size_t length, capacity;
	struct source_span *spans;
	size_t span_count, span_capacity;
};

static void rich_append(struct rich *r, const char *text, size_t n)
{
	if (r->length + n + 1 > r->capacity) {
		r->capacity = (r->length + n + 1) * 2;
		r->text = mem_resize(r->text, r->capacity, 1);
	}
	memcpy(r->text + r->length, text, n);
	r->length += n;
	r->text[r->length] = '\0';
}

static void rich_span(struct rich *r, struct source_span span)
{
	MEM_GROW(r->spans, r->span_count, r->span_capacity);
	r->spans[r->span_count++] = span;
}

/* Plain text, bold when strong. */
static void rich_plain(struct rich *r, const char *text, int strong)
{
	uint32_t start = (uint32_t)r->length;
	rich_append(r, text, strlen(text));
	if (strong && r->length > start)
		rich_span(r, (struct source_span){ start, (uint32_t)r->length,
						   SPAN_STRONG, NULL, NULL, 0 });
}

/* Styled source text, its spans shifted along. */
static void rich_text(struct rich *r, const struct source_text *text)
{
	uint32_t shift = (uint32_t)r->length;
	rich_append(r, text->text, strlen(text->text));
	for (size_t i = 0; i < text->span_count; i++) {
		struct source_span span = text->spans[i];
		span.start += shift;
		span.end += shift;
		rich_span(r, span);
	}
}

static int has_text(const struct source_text *text)
{
	return text && text->text && text->text[0];
}

/* A new line unless the text is still empty. */
static void rich_break(struct rich *r)
{
	if (r->length)
		rich_append(r, "\n", 1);
}

static const struct source_text *rich_finish(struct layout *lo, struct rich *r,
					     struct source_pos pos)
{
	struct source_text *text = arena_alloc(lo->list->arena, sizeof *text);
	text->text = dl_strdup(lo->list, r->text ? r->text : "");
	text->pos = pos;
	text->span_count = r->span_count;
	text->spans = r->span_count
			      ? arena_alloc(lo->list->arena, r->span_count * sizeof *r->spans)
			      : NULL;
	if (r->span_count)
		memcpy(text->spans, r->spans, r->span_count * sizeof *r->spans);
	free(r->text);
	free(r->spans);
	*r = (struct rich){ 0 };
	return text;
}

static struct layout_cell text_cell(const struct source_text *text)
{
	struct layout_cell cell = layout_plain_cell(NULL, ALIGN_LEFT);
	cell.text = text;
	return cell;
}

/* ---- cells ---- */

static const struct source_text *risk_text(struct layout *lo,
					   const struct source_risk *risk)
{
	struct rich r = { 0 };
	/* The title's bold span first: spans are ordered by their start. */
	uint32_t title_end = (uint32_t)strlen(risk->title.text);
	if (title_end)
		rich_span(&r, (struct source_span){ 0, title_end, SPAN_STRONG, NULL, NULL, 0 });
	rich_text(&r, &risk->title);
	const struct {
		const char *lead;
		const struct source_text *text;
	} parts[] = {
		{ NULL, &risk->description },
		{ words.cause, &risk->cause },
		{ words.consequence, &risk->consequence },
	};
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		if (!has_text(parts[i].text))
			continue;
		rich_break(&r);
		if (parts[i].lead)
			rich_plain(&r, parts[i].lead, 1);
		rich_text(&r, parts[i].text);
	}
	return rich_finish(lo, &r, risk->pos);
}

static const struct source_text *controls_text(struct layout *lo,
					       const struct source_risk *risk)
{
	struct rich r = { 0 };
	if (has_text(&risk->controls)) {
		rich_plain(&r, words.controls, 1);
		rich_text(&r, &risk->controls);
	}
	if (risk->action_count) {
		rich_break(&r);
		rich_plain(&r, words.actions, 1);
	}
	for (size_t i = 0; i < risk->action_count; i++) {
		const struct source_risk_action *action = &risk->actions[i];
		rich_plain(&r, "\n\u2022 ", 0);
		rich_text(&r, &action->text);
		char *date = action->due ? dates_long_text(action->due, lo->words) : NULL;
		if (action->owner || date) {
			char *who = mem_printf(" (%s%s%s%s)", action->owner ? action->owner : "",
					       action->owner && date ? ", " : "",
					       date ? words.by : "", date ? date : "");
			rich_plain(&r, who, 0);
			free(who);
		}
		free(date);
	}
	return rich_finish(lo, &r, risk->pos);
}

/* "4 × 4 = 16" over the rating's label, on its colours. Caller frees
 * *owned. */
static struct layout_cell score_cell(struct layout *lo,
				     const struct source_risks *risks,
				     const struct source_risk_score *s, char **owned)
{
	*owned = NULL;
	if (!s->present)
		return layout_plain_cell("\u2013", ALIGN_CENTER);
	int index = s->rating_index;
	const struct source_rating *rating =
		index >= 0 && (size_t)index < risks->scale.rating_count
			? &risks->scale.ratings[index]
			: NULL;
	/* No-break spaces keep "4 × 4 = 16" on one line. */
	*owned = mem_printf("%d\u00a0\u00d7\u00a0%d\u00a0=\u00a0%d%s%s", s->likelihood, s->impact,
			    s->score, rating ? "\n" : "",
			    rating ? chart_rating_name(rating) : "");
	if (!rating)
		return layout_plain_cell(*owned, ALIGN_CENTER);
	return layout_rating_cell(lo, &risks->scale, (size_t)index, *owned,
				  ALIGN_CENTER);
}

/* "↓ Reduced", capitalised. Caller frees. */
static char *direction_text(enum risk_direction direction)
{
	const char *arrow = rating_risk_direction_arrow(direction);
	char *text = mem_printf("%s\u00a0%s", arrow, rating_risk_direction_word(direction));
	char *word = text + strlen(arrow) + strlen("\u00a0");
	if (*word >= 'a' && *word <= 'z')
		*word = (char)(*word - 'a' + 'A');
	return text;
}

/* text with each space a no-break space (U+00A0). Caller frees. */
static char *no_break_spaces(const char *text)
{
	size_t spaces = 0;
	for (const char *c = text; *c; c++)
		spaces += *c == ' ';
	char *out = mem_alloc(strlen(text) + spaces + 1), *o = out;
	for (const char *c = text; *c; c++) {
		if (*c == ' ') {
			*o++ = (char)0xc2;
			*o++ = (char)0xa0;
		} else {
			*o++ = *c;
		}
	}
	*o = '\0';
	return out;
}

static char *owner_text(const struct layout *lo, const struct source_risk *risk)
{
	if (!risk->reviewed)
		return mem_strdup(risk->owner ? risk->owner : "");
	char *date = dates_long_text(risk->reviewed, lo->words);
	char *text = mem_printf("%s%s%s%s", risk->owner ? risk->owner : "",
				risk->owner ? "\n" : "", words.reviewed, date);
	free(date);
	/* "Reviewed 31 March 2024" is one unbroken line: the column is as
	 * wide as it, rather than a share that wraps it unevenly. */
	char *line = strrchr(text, '\n');
	char *no_break = no_break_spaces(line ? line + 1 : text);
	if (line)
		line[1] = '\0';
	char *whole = mem_printf("%s%s", line ? text : "", no_break);
	free(no_break);
	free(text);
	return whole;
}

/* A risk's cells and the texts they print, freed by risk_cells_free. */
struct risk_cells {
	struct layout_cell cells[COLUMN_COUNT];
	char *inherent, *current, *target, *direction, *owner;
};

static void risk_cells(struct layout *lo, const struct source_risks *risks,
		       const struct source_risk *risk, struct risk_cells *rc)
{
	rc->direction = direction_text(risk->direction);
	rc->owner = owner_text(lo, risk);
	struct layout_cell *cells = rc->cells;
	cells[COL_REF] = layout_plain_cell(risk->ref, ALIGN_LEFT);
	cells[COL_RISK] = text_cell(risk_text(lo, risk));
	cells[COL_OWNER] = layout_plain_cell(rc->owner, ALIGN_LEFT);
	cells[COL_INHERENT] = score_cell(lo, risks, &risk->inherent, &rc->inherent);
	cells[COL_CURRENT] = score_cell(lo, risks, &risk->current, &rc->current);
	cells[COL_TARGET] = score_cell(lo, risks, &risk->target, &rc->target);
	cells[COL_DIRECTION] = layout_plain_cell(rc->direction, ALIGN_LEFT);
	cells[COL_CONTROLS] = text_cell(controls_text(lo, risk));
}

static void risk_cells_free(struct risk_cells *rc)
{
	free(rc->inherent);
	free(rc->current);
	free(rc->target);
	free(rc->direction);
	free(rc->owner);
}

/* Columns from their content, as the other tables' are: the risk and its
 * controls share what the short columns leave. */
static void size_columns(struct layout *lo, struct layout_table *table,
			 const struct source_risks *risks,
			 const struct risk_cells *rows)
{
	for (size_t i = 0; i < risks->risk_count; i++)
		for (size_t c = 0; c < COLUMN_COUNT; c++)
			layout_table_content(lo, table, c, &rows[i].cells[c]);
	static const int flexible[COLUMN_COUNT] = {
		[COL_RISK] = 1, [COL_CONTROLS] = 1,
	};
	layout_table_size_columns(lo, table, flexible);
}

/* References, direction words and the rating labels a score column
 * prints are never broken (scores are kept whole by no-break spaces). */
static void fit_words(struct layout *lo, struct layout_table *table,
		      const struct source_risks *risks)
{
	const char *longest = NULL;
	for (size_t i = 0; i < risks->risk_count; i++) {
		const char *ref = risks->risks[i].ref;
		if (ref && (!longest || strlen(ref) > strlen(longest)))
			longest = ref;
	}
	layout_table_fit_word(lo, table, COL_REF, longest, NULL);
	static const size_t score_columns[3] = { COL_INHERENT, COL_CURRENT, COL_TARGET };
	for (size_t i = 0; i < risks->risk_count; i++) {
		const struct source_risk *risk = &risks->risks[i];
		const struct source_risk_score *scores[3] = {
			&risk->inherent, &risk->current, &risk->target,
		};
		for (size_t c = 0; c < 3; c++) {
			int index = scores[c]->rating_index;
			if (scores[c]->present && index >= 0 &&
			    (size_t)index < risks->scale.rating_count)
				layout_table_fit_label(
					lo, table, score_columns[c],
					chart_rating_name(&risks->scale.ratings[index]));
		}
	}
	for (int d = RISK_DIRECTION_UNKNOWN; d <= RISK_DIRECTION_NEW; d++) {
		char *text = direction_text((enum risk_direction)d);
		layout_table_fit_word(lo, table, COL_DIRECTION, text, NULL);
		free(text);
	}
}

/* ---- before the register ---- */

/* "15 to 25" for each band of the rating; with a matrix, its cells as
 * "4 × 2, 4 × 3", likelihood first. Caller frees. */
static char *band_scores(const struct source_risks *risks, size_t rating)
{
	struct text_buffer b = { 0 };
	if (risks->matrix) {
		for (int l = SOURCE_RISK_MAX_LEVEL; l >= 1; l--)
			for (int i = 1; i <= SOURCE_RISK_MAX_LEVEL; i++)
				if (rating_risk_level(&risks->likelihood, l) >= 0 &&
				    rating_risk_level(&risks->impact, i) >= 0 &&
				    rating_risk_rating(risks, l, i) == (int)rating)
					chart_buffer_add(&b, "%s%d\u00a0\u00d7\u00a0%d",
							 b.length ? ", " : "", l, i);
	}
	for (size_t i = 0; !risks->matrix && i < risks->band_count; i++) {
		const struct source_risk_band *band = &risks->bands[i];
		if (band->rating_index != (int)rating)
			continue;
		if (band->from == band->to)
			chart_buffer_add(&b, "%s%d", b.length ? ", " : "", band->from);
		else
			chart_buffer_add(&b, "%s%d to %d", b.length ? ", " : "", band->from,
					 band->to);
	}
	if (!b.text)
		chart_buffer_add(&b, "\u2013");
	return b.text;
}

static void risk_key(struct layout *lo, const struct source_risks *risks)
{
	if (risks->scale.rating_count == 0)
		return;
	struct layout_cell header[3] = {
		layout_plain_cell(words.key_rating, ALIGN_LEFT),
		layout_plain_cell(risks->matrix ? words.matrix_scores : words.key_scores,
				  ALIGN_LEFT),
		layout_plain_cell(words.key_meaning, ALIGN_LEFT),
	};
	struct layout_table table;
	layout_table_begin(lo, &table, 3, key_columns, header, risks->pos);
	for (size_t i = 0; i < risks->scale.rating_count; i++) {
		const struct source_rating *rating = &risks->scale.ratings[i];
		char *swatch = mem_printf("%s (%s)", rating->label, rating->code);
		char *scores = band_scores(risks, i);
		struct layout_cell cells[3] = {
			layout_rating_cell(lo, &risks->scale, i, swatch, ALIGN_LEFT),
			layout_plain_cell(scores, ALIGN_LEFT),
			layout_plain_cell(rating->meaning, ALIGN_LEFT),
		};
		layout_table_row(lo, &table, cells, 1, 0, rating->pos);
		free(swatch);
		free(scores);
	}
	layout_table_end(lo, &table);
	layout_paragraph_gap(lo);
}

/* "Almost certain: More than 80%", or the label alone. Caller frees. */
static char *level_words(const struct source_risk_axis *axis, int code)
{
	int index = rating_risk_level(axis, code);
	if (index < 0)
		return mem_strdup("");
	const struct source_risk_level *level = &axis->levels[index];
	if (!level->meaning || !level->meaning[0])
		return mem_strdup(level->label ? level->label : "");
	return mem_printf("%s: %s", level->label ? level->label : "", level->meaning);
}

static int axis_has_meanings(const struct source_risk_axis *axis)
{
	for (size_t i = 0; i < axis->level_count; i++)
		if (axis->levels[i].meaning && axis->levels[i].meaning[0])
			return 1;
	return 0;
}

/* What each likelihood and impact means, by code, when the source says. */
static void levels_key(struct layout *lo, const struct source_risks *risks)
{
	if (!axis_has_meanings(&risks->likelihood) && !axis_has_meanings(&risks->impact))
		return;
	struct layout_cell header[3] = {
		layout_plain_cell(words.level, ALIGN_RIGHT),
		layout_plain_cell(words.likelihood, ALIGN_LEFT),
		layout_plain_cell(words.impact, ALIGN_LEFT),
	};
	struct layout_table table;
	layout_table_begin(lo, &table, 3, level_columns, header, risks->pos);
	for (int code = SOURCE_RISK_MAX_LEVEL; code >= 1; code--) {
		int li = rating_risk_level(&risks->likelihood, code);
		int ii = rating_risk_level(&risks->impact, code);
		if (li < 0 && ii < 0)
			continue;
		char number[8];
		snprintf(number, sizeof number, "%d", code);
		char *likelihood = level_words(&risks->likelihood, code);
		char *impact = level_words(&risks->impact, code);
		struct layout_cell cells[3] = {
			layout_plain_cell(number, ALIGN_RIGHT),
			layout_plain_cell(likelihood, ALIGN_LEFT),
			layout_plain_cell(impact, ALIGN_LEFT),
		};
		struct source_pos pos = li >= 0 ? risks->likelihood.levels[li].pos
						: risks->impact.levels[ii].pos;
		layout_table_row(lo, &table, cells, 1, 0, pos);
		free(likelihood);
		free(impact);
	}
	layout_table_end(lo, &table);
	layout_paragraph_gap(lo);
}

/* "16 risks: 4 High, 8 Medium, 4 Low. Since the review of 2024-03-31: 3
 * reduced, 2 increased, 10 unchanged, 1 new." Caller frees. */
static char *summary_sentence(const struct layout *lo,
			      const struct source_risks *risks)
{
	struct text_buffer b = { 0 };
	size_t slots = risks->scale.rating_count;
	size_t *counts = mem_array(slots + 1, sizeof *counts);
	rating_count_risks(risks, counts);
	chart_buffer_add(&b, "%zu %s", risks->risk_count,
			 risks->risk_count == 1 ? words.risk_one : words.risk_many);
	const char *separator = ": ";
	for (size_t r = 0; r < slots; r++) {
		chart_buffer_add(&b, "%s%zu %s", separator, counts[r],
				 chart_rating_name(&risks->scale.ratings[r]));
		separator = ", ";
	}
	chart_buffer_add(&b, ".");
	free(counts);
	size_t moved[RISK_DIRECTION_NEW + 1] = { 0 };
	for (size_t i = 0; i < risks->risk_count; i++)
		moved[risks->risks[i].direction]++;
	if (moved[RISK_DIRECTION_UNKNOWN] == risks->risk_count)
		return b.text;
	char *since = risks->previous_date ? dates_long_text(risks->previous_date, lo->words) : NULL;
	chart_buffer_add(&b, " Since %s%s: %zu reduced, %zu increased, %zu unchanged",
			 since ? "the review of " : words.since_last, since ? since : "",
			 moved[RISK_DIRECTION_REDUCED], moved[RISK_DIRECTION_INCREASED],
			 moved[RISK_DIRECTION_UNCHANGED]);
	if (moved[RISK_DIRECTION_NEW])
		chart_buffer_add(&b, ", %zu new", moved[RISK_DIRECTION_NEW]);
	chart_buffer_add(&b, ".");
	free(since);
	return b.text;
}

static void summary(struct layout *lo, const struct source_risks *risks)
{
	char *sentence = summary_sentence(lo, risks);
	struct layout_lines *lines = layout_measure_plain(
		lo, sentence, &lo->style->body, layout_content_width(lo), ALIGN_LEFT);
	layout_ensure_space(lo, lines->height_pt);
	uint32_t node = layout_add_node(lo, ROLE_PARAGRAPH, risks->pos);
	lo->y_pt += layout_place_lines(lo, lines, 0, lines->line_count, lo->left_pt,
				       lo->y_pt, node);
	layout_lines_free(lines);
	free(sentence);
	lo->y_pt += CHART_GAP_PT;
}

void layout_risks(struct layout *lo, const struct source_risks *risks)
{
	layout_key_paragraph(lo, &risks->intro, &lo->style->body, risks->intro.pos);
	risk_key(lo, risks);
	summary(lo, risks);
	layout_heatmap_risks(lo, risks);
	layout_paragraph_gap(lo);
	levels_key(lo, risks);

	struct layout_cell header[COLUMN_COUNT];
	for (size_t c = 0; c < COLUMN_COUNT; c++)
		header[c] = layout_plain_cell(column_titles[c], ALIGN_LEFT);
	struct layout_table table;
	layout_table_begin(lo, &table, COLUMN_COUNT, register_columns, header,
			   risks->pos);
	struct risk_cells *rows = mem_array(risks->risk_count ? risks->risk_count : 1,
					    sizeof *rows);
	for (size_t i = 0; i < risks->risk_count; i++)
		risk_cells(lo, risks, &risks->risks[i], &rows[i]);
	fit_words(lo, &table, risks);
	size_columns(lo, &table, risks, rows);
	for (size_t i = 0; i < risks->risk_count; i++) {
		const struct source_risk *risk = &risks->risks[i];
		if (risk->ref)
			layout_table_dest(&table, risk->ref);
		layout_table_row(lo, &table, rows[i].cells, 1, 0, risk->pos);
		risk_cells_free(&rows[i]);
	}
	free(rows);
	layout_table_end(lo, &table);
}
