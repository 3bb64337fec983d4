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

/* The catalogue keys of the register's column titles (words/). */
static const char *const column_keys[COLUMN_COUNT] = {
	"risks.column.ref",     "risks.column.risk",   "risks.column.owner",
	"risks.column.inherent", "risks.column.current", "risks.column.target",
	"risks.column.direction", "risks.column.controls",
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

/* A catalogue word in bold, "Cause:", and the space after it. */
static void rich_lead(struct rich *r, const struct layout *lo, const char *key)
{
	rich_plain(r, layout_word(lo, key), 1);
	rich_append(r, " ", 1);
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
		const char *lead_key;
		const struct source_text *text;
	} parts[] = {
		{ NULL, &risk->description },
		{ "risks.cause", &risk->cause },
		{ "risks.consequence", &risk->consequence },
	};
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		if (!has_text(parts[i].text))
			continue;
		rich_break(&r);
		if (parts[i].lead_key)
			rich_lead(&r, lo, parts[i].lead_key);
		rich_text(&r, parts[i].text);
	}
	return rich_finish(lo, &r, risk->pos);
}

/* "Head of Finance, by 30 September 2024", either half alone, or NULL.
 * Caller frees. */
static char *action_owner_due(const struct layout *lo,
			      const struct source_risk_action *action)
{
	if (!action->due)
		return action->owner ? mem_strdup(action->owner) : NULL;
	char *date = dates_long_text(action->due, lo->words);
	const struct words_field fields[] = {
		{ "owner", action->owner }, { "date", date }, { NULL, NULL },
	};
	char *text = layout_format(lo, action->owner ? "risks.action-owner-due"
						     : "risks.action-due", fields);
	free(date);
	return text;
}

static const struct source_text *controls_text(struct layout *lo,
					       const struct source_risk *risk)
{
	struct rich r = { 0 };
	if (has_text(&risk->controls)) {
		rich_lead(&r, lo, "risks.controls");
		rich_text(&r, &risk->controls);
	}
	if (risk->action_count) {
		rich_break(&r);
		rich_plain(&r, layout_word(lo, "risks.actions"), 1);
	}
	for (size_t i = 0; i < risk->action_count; i++) {
		const struct source_risk_action *action = &risk->actions[i];
		rich_plain(&r, "\n\u2022 ", 0);
		rich_text(&r, &action->text);
		char *who = action_owner_due(lo, action);
		if (who) {
			char *aside = mem_printf(" (%s)", who);
			rich_plain(&r, aside, 0);
			free(aside);
		}
		free(who);
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

/* The catalogue key of a direction as the register's column prints it. */
static const char *direction_key(enum risk_direction direction)
{
	switch (direction) {
	case RISK_DIRECTION_REDUCED: return "risks.direction.reduced";
	case RISK_DIRECTION_INCREASED: return "risks.direction.increased";
	case RISK_DIRECTION_UNCHANGED: return "risks.direction.unchanged";
	case RISK_DIRECTION_NEW: return "risks.direction.new";
	case RISK_DIRECTION_UNKNOWN: break;
	}
	return "risks.direction.unknown";
}

/* "↓ Reduced": the arrow, a no-break space and the catalogue's word.
 * Caller frees. */
static char *direction_text(const struct layout *lo, enum risk_direction direction)
{
	return mem_printf("%s\u00a0%s", rating_risk_direction_arrow(direction),
			  layout_word(lo, direction_key(direction)));
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
	const struct words_field fields[] = { { "date", date }, { NULL, NULL } };
	char *reviewed = layout_format(lo, "risks.reviewed", fields);
	char *text = mem_printf("%s%s%s", risk->owner ? risk->owner : "",
				risk->owner ? "\n" : "", reviewed);
	free(reviewed);
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
	rc->direction = direction_text(lo, risk->direction);
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

/* Columns from the cells of every row (count rows of columns cells each),
 * before the first is placed: for the key and the levels' tables. */
static void size_columns_of(struct layout *lo, struct layout_table *table,
			    const struct layout_cell *rows, size_t count,
			    size_t columns, const int *flexible)
{
	for (size_t i = 0; i < count; i++)
		for (size_t c = 0; c < columns; c++)
			layout_table_content(lo, table, c, &rows[i * columns + c]);
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
		char *text = direction_text(lo, (enum risk_direction)d);
		layout_table_fit_word(lo, table, COL_DIRECTION, text, NULL);
		free(text);
	}
}

/* ---- before the register ---- */

/* "15 to 25", after a comma when b holds a band already. */
static void band_range(const struct layout *lo, struct text_buffer *b,
		       const struct source_risk_band *band)
{
	char from[16], to[16];
	snprintf(from, sizeof from, "%d", band->from);
	snprintf(to, sizeof to, "%d", band->to);
	const struct words_field fields[] = {
		{ "from", from }, { "to", to }, { NULL, NULL },
	};
	char *range = layout_format(lo, "risks.band", fields);
	chart_buffer_add(b, "%s%s", b->length ? ", " : "", range);
	free(range);
}

/* "15 to 25" for each band of the rating; with a matrix, its cells as
 * "4 × 2, 4 × 3", likelihood first. Caller frees. */
static char *band_scores(const struct layout *lo, const struct source_risks *risks,
			 size_t rating)
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
			band_range(lo, &b, band);
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
		layout_plain_cell(layout_word(lo, "key.rating"), ALIGN_LEFT),
		layout_plain_cell(layout_word(lo, risks->matrix ? "risks.key-matrix"
								: "risks.key-scores"),
				  ALIGN_LEFT),
		layout_plain_cell(layout_word(lo, "key.meaning"), ALIGN_LEFT),
	};
	struct layout_table table;
	layout_table_begin(lo, &table, 3, key_columns, header, risks->pos);
	size_t count = risks->scale.rating_count;
	char **texts = mem_array(2 * count, sizeof *texts);
	struct layout_cell *rows = mem_array(3 * count, sizeof *rows);
	for (size_t i = 0; i < count; i++) {
		const struct source_rating *rating = &risks->scale.ratings[i];
		texts[2 * i] = mem_printf("%s (%s)", rating->label, rating->code);
		texts[2 * i + 1] = band_scores(lo, risks, i);
		rows[3 * i] = layout_rating_cell(lo, &risks->scale, i, texts[2 * i],
						 ALIGN_LEFT);
		rows[3 * i + 1] = layout_plain_cell(texts[2 * i + 1], ALIGN_LEFT);
		rows[3 * i + 2] = layout_plain_cell(rating->meaning, ALIGN_LEFT);
	}
	/* The swatch and the scores as wide as they print, the meaning the rest. */
	static const int flexible[3] = { 0, 0, 1 };
	size_columns_of(lo, &table, rows, count, 3, flexible);
	for (size_t i = 0; i < count; i++) {
		layout_table_row(lo, &table, &rows[3 * i], 1, 0,
				 risks->scale.ratings[i].pos);
		free(texts[2 * i]);
		free(texts[2 * i + 1]);
	}
	free(texts);
	free(rows);
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
		layout_plain_cell(layout_word(lo, "risks.level"), ALIGN_RIGHT),
		layout_plain_cell(layout_word(lo, "risks.likelihood"), ALIGN_LEFT),
		layout_plain_cell(layout_word(lo, "risks.impact"), ALIGN_LEFT),
	};
	struct layout_table table;
	layout_table_begin(lo, &table, 3, level_columns, header, risks->pos);
	char numbers[SOURCE_RISK_MAX_LEVEL][8], *texts[2 * SOURCE_RISK_MAX_LEVEL];
	struct layout_cell rows[3 * SOURCE_RISK_MAX_LEVEL];
	struct source_pos where[SOURCE_RISK_MAX_LEVEL];
	size_t count = 0;
	for (int code = SOURCE_RISK_MAX_LEVEL; code >= 1; code--) {
		int li = rating_risk_level(&risks->likelihood, code);
		int ii = rating_risk_level(&risks->impact, code);
		if (li < 0 && ii < 0)
			continue;
		snprintf(numbers[count], sizeof numbers[count], "%d", code);
		texts[2 * count] = level_words(&risks->likelihood, code);
		texts[2 * count + 1] = level_words(&risks->impact, code);
		rows[3 * count] = layout_plain_cell(numbers[count], ALIGN_RIGHT);
		rows[3 * count + 1] = layout_plain_cell(texts[2 * count], ALIGN_LEFT);
		rows[3 * count + 2] = layout_plain_cell(texts[2 * count + 1], ALIGN_LEFT);
		where[count] = li >= 0 ? risks->likelihood.levels[li].pos
				       : risks->impact.levels[ii].pos;
		count++;
	}
	/* The code as wide as it prints, the two meanings the rest. */
	static const int flexible[3] = { 0, 1, 1 };
	size_columns_of(lo, &table, rows, count, 3, flexible);
	for (size_t i = 0; i < count; i++) {
		layout_table_row(lo, &table, &rows[3 * i], 1, 0, where[i]);
		free(texts[2 * i]);
		free(texts[2 * i + 1]);
	}
	layout_table_end(lo, &table);
	layout_paragraph_gap(lo);
}

static void add_words(struct text_buffer *b, const struct layout *lo,
		      const char *key, const struct words_field *fields)
{
	char *text = layout_format(lo, key, fields);
	chart_buffer_add(b, "%s", text);
	free(text);
}

/* "16 risks: 4 High, 8 Medium, 4 Low. Since the review of 31 March 2024:
 * 3 reduced, 2 increased, 10 unchanged, 1 new." in the paper's language.
 * Caller frees. */
static char *summary_sentence(struct layout *lo, const struct source_risks *risks)
{
	struct text_buffer b = { 0 };
	size_t slots = risks->scale.rating_count;
	size_t *counts = mem_array(slots + 1, sizeof *counts);
	rating_count_risks(risks, counts);
	const char *one, *many;
	layout_noun(lo, NULL, "risk", &one, &many);
	char n[24];
	struct words_field fields[] = {
		{ "n", n }, { "one", one }, { "many", many }, { "rating", NULL },
		{ NULL, NULL },
	};
	snprintf(n, sizeof n, "%zu", risks->risk_count);
	add_words(&b, lo, risks->risk_count == 1 ? "risks.count.one" : "risks.count.many",
		  fields);
	for (size_t r = 0; r < slots; r++) {
		snprintf(n, sizeof n, "%zu", counts[r]);
		fields[3].value = chart_rating_name(&risks->scale.ratings[r]);
		chart_buffer_add(&b, "%s", r ? ", " : ": ");
		add_words(&b, lo, "risks.count-rating", fields);
	}
	chart_buffer_add(&b, ".");
	free(counts);
	size_t moved[RISK_DIRECTION_NEW + 1] = { 0 };
	for (size_t i = 0; i < risks->risk_count; i++)
		moved[risks->risks[i].direction]++;
	if (moved[RISK_DIRECTION_UNKNOWN] == risks->risk_count)
		return b.text;
	const struct words_field date[] = {
		{ "date", layout_date_text(lo, risks->previous_date) }, { NULL, NULL },
	};
	char *since = layout_format(lo, risks->previous_date ? "risks.since-review-date"
							     : "risks.since-review",
				    date);
	char reduced[24], increased[24], unchanged[24], added[24];
	snprintf(reduced, sizeof reduced, "%zu", moved[RISK_DIRECTION_REDUCED]);
	snprintf(increased, sizeof increased, "%zu", moved[RISK_DIRECTION_INCREASED]);
	snprintf(unchanged, sizeof unchanged, "%zu", moved[RISK_DIRECTION_UNCHANGED]);
	snprintf(added, sizeof added, "%zu", moved[RISK_DIRECTION_NEW]);
	const struct words_field travel[] = {
		{ "since", since }, { "reduced", reduced }, { "increased", increased },
		{ "unchanged", unchanged }, { "new", added }, { NULL, NULL },
	};
	chart_buffer_add(&b, " ");
	add_words(&b, lo, "risks.travel", travel);
	if (moved[RISK_DIRECTION_NEW])
		add_words(&b, lo, "risks.travel-new", travel);
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
		header[c] = layout_plain_cell(layout_word(lo, column_keys[c]), ALIGN_LEFT);
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
