/* A RAG self-assessment: intro, key of the scale, dashboard, then one table
 * with a full-width row per theme and a row per characteristic. A rating is
 * always printed as its label on its colour, never as colour alone. The
 * optional columns no item fills are left out, and the columns are sized
 * from what the items hold. */
#include "layout_internal.h"

#include "dates.h"

#include <stdio.h>
#include <string.h>

enum {
	COL_REF,
	COL_CHARACTERISTIC,
	COL_RATING,
	COL_PREVIOUS,
	COL_EVIDENCE,
	COL_ACTIONS,
	COL_OWNER,
	COLUMN_COUNT
};

static const char *const column_words[COLUMN_COUNT] = {
	"assessment.column.ref",      "assessment.column.characteristic",
	"assessment.column.rating",   "assessment.column.previous",
	"assessment.column.evidence", "assessment.column.actions",
	"assessment.column.owner",
};

/* Columns printed only when an item fills them (or the style says
 * always), and the text columns that share the width short ones leave. */
static const int optional_columns[COLUMN_COUNT] = {
	[COL_PREVIOUS] = 1, [COL_EVIDENCE] = 1, [COL_ACTIONS] = 1, [COL_OWNER] = 1,
};
static const int text_columns[COLUMN_COUNT] = {
	[COL_CHARACTERISTIC] = 1, [COL_EVIDENCE] = 1, [COL_ACTIONS] = 1,
};

static struct layout_cell text_cell(const struct source_text *text)
{
	struct layout_cell cell = layout_plain_cell(NULL, ALIGN_LEFT);
	cell.text = text;
	return cell;
}

/* The rating's label on its colours; "when_none" unfilled without one. */
static struct layout_cell rating_cell(const struct layout *lo,
				      const struct source_scale *scale,
				      int index, const char *when_none)
{
	if (index < 0 || (size_t)index >= scale->rating_count) {
		return layout_plain_cell(when_none, ALIGN_CENTER);
	}
	const struct source_rating *rating = &scale->ratings[index];
	return layout_rating_cell(lo, scale, (size_t)index, rating->label,
				  ALIGN_CENTER);
}

static char *owner_text(const struct layout *lo, const struct source_item *item)
{
	if (!item->due)
		return mem_strdup(item->owner ? item->owner : "");
	char *date = dates_long_text(item->due, lo->words);
	const struct words_field fields[] = { { "date", date }, { NULL, NULL } };
	char *text;
	if (item->owner && item->owner[0]) {
		char *by = layout_format(lo, "assessment.owner-due", fields);
		text = mem_printf("%s\n%s", item->owner, by);
		free(by);
	} else {
		text = layout_format(lo, "assessment.due", fields);
	}
	free(date);
	return text;
}

/* lead (with one span over [span_start, span_end) of it), then separator
 * and rest when rest has text; rest's spans are shifted along. Lives in the
 * list's arena: measured lines point into it until placed, and a theme row
 * waits for the row after it. */
static const struct source_text *text_with_lead(struct layout *lo,
						const char *lead,
						struct source_span span,
						const char *separator,
						const struct source_text *rest,
						struct source_pos pos)
{
	int has_rest = rest && rest->text && rest->text[0];
	char *joined = has_rest ? mem_printf("%s%s%s", lead, separator, rest->text)
				: mem_strdup(lead);
	uint32_t shift = (uint32_t)(strlen(lead) + strlen(separator));
	struct arena *arena = lo->list->arena;
	struct source_text *text = arena_alloc(arena, sizeof *text);
	text->text = dl_strdup(lo->list, joined);
	text->pos = pos;
	text->span_count = 1 + (has_rest ? rest->span_count : 0);
	text->spans = arena_alloc(arena, text->span_count * sizeof *text->spans);
	text->spans[0] = span;
	for (size_t i = 1; i < text->span_count; i++) {
		text->spans[i] = rest->spans[i - 1];
		text->spans[i].start += shift;
		text->spans[i].end += shift;
	}
	free(joined);
	return text;
}

/* "See CI012" as a link to that item's row, then any evidence of its own. */
static const struct source_text *see_text(struct layout *lo,
					  const struct source_item *item)
{
	const struct words_field fields[] = { { "ref", item->see }, { NULL, NULL } };
	size_t at, length;
	char *lead = words_expand(layout_word(lo, "assessment.see"), fields, "ref",
				  &at, &length);
	struct source_span link = {
		.start = (uint32_t)at,
		.end = (uint32_t)(at + length),
		.kind = SPAN_REF,
		.target = item->see,
	};
	const struct source_text *text = text_with_lead(
		lo, lead, link, ". ", &item->evidence, item->pos);
	free(lead);
	return text;
}

static int has_text(const struct source_text *text)
{
	return text->text && text->text[0];
}

/* shown[c] = 1 for each column the table prints: the fixed ones, an
 * optional one that some item fills or the style keeps. */
static void shown_columns(const struct layout *lo,
			  const struct source_assessment *assessment, int *shown)
{
	for (size_t c = 0; c < COLUMN_COUNT; c++)
		shown[c] = !optional_columns[c] ||
			   lo->style->table.assessment_always[c];
	for (size_t t = 0; t < assessment->theme_count; t++)
		for (size_t i = 0; i < assessment->themes[t].item_count; i++) {
			const struct source_item *item =
				&assessment->themes[t].items[i];
			shown[COL_PREVIOUS] |= item->previous_index >= 0;
			shown[COL_EVIDENCE] |= item->see || has_text(&item->evidence);
			shown[COL_ACTIONS] |= has_text(&item->actions);
			shown[COL_OWNER] |= (item->owner && item->owner[0]) ||
					    item->due;
		}
}

/* The item's cells of the shown columns into cells; returns their count.
 * *owner is the owner cell's text, which the caller frees. */
static size_t item_cells(struct layout *lo,
			 const struct source_assessment *assessment,
			 const struct source_item *item, const int *shown,
			 struct layout_cell *cells, char **owner)
{
	/* "New" only for an item a previous assessment could have rated. */
	const char *no_previous =
		assessment->previous_date && !item->see ?
			layout_word(lo, "assessment.new") : "\u2013";
	*owner = owner_text(lo, item);
	struct layout_cell all[COLUMN_COUNT] = {
		[COL_REF] = layout_plain_cell(item->ref, ALIGN_LEFT),
		[COL_CHARACTERISTIC] = text_cell(&item->characteristic),
		[COL_RATING] = rating_cell(lo, &assessment->scale,
					   item->rating_index, "\u2013"),
		[COL_PREVIOUS] = rating_cell(lo, &assessment->scale,
					     item->previous_index, no_previous),
		[COL_EVIDENCE] = item->see && shown[COL_EVIDENCE]
					 ? text_cell(see_text(lo, item))
					 : text_cell(&item->evidence),
		[COL_ACTIONS] = text_cell(&item->actions),
		[COL_OWNER] = layout_plain_cell(*owner, ALIGN_LEFT),
	};
	return layout_columns_shown(shown, COLUMN_COUNT, all, cells, sizeof *all);
}

static void item_row(struct layout *lo, struct layout_table *table,
		     const struct source_assessment *assessment,
		     const struct source_item *item, const int *shown)
{
	struct layout_cell cells[COLUMN_COUNT];
	char *owner;
	item_cells(lo, assessment, item, shown, cells, &owner);
	if (item->ref)
		layout_table_dest(table, item->ref);
	layout_table_row(lo, table, cells, 1, 0, item->pos);
	free(owner);
}

static void theme_row(struct layout *lo, struct layout_table *table,
		      const struct source_theme *theme)
{
	const char *name = theme->name ? theme->name : "";
	char *title = theme->ref && theme->ref[0]
			      ? mem_printf("%s  %s", theme->ref, name)
			      : mem_strdup(name);
	struct source_span strong = {
		.start = 0,
		.end = (uint32_t)strlen(title),
		.kind = SPAN_STRONG,
	};
	struct layout_cell cell = text_cell(text_with_lead(
		lo, title, strong, "\n", &theme->description, theme->pos));
	/* The title is bold by its span; the description is not. */
	struct style_font font = lo->style->table.theme_font;
	font.bold = 0;
	cell.font = &font;
	layout_table_span_row(lo, table, &cell, 1, theme->pos);
	free(title);
}

/* Columns sized from the items they will hold. A rating label is never
 * broken: every label of the scale is fitted whole, used or not. */
static void size_columns(struct layout *lo, struct layout_table *table,
			 const struct source_assessment *assessment,
			 const int *shown)
{
	for (size_t t = 0; t < assessment->theme_count; t++)
		for (size_t i = 0; i < assessment->themes[t].item_count; i++) {
			struct layout_cell cells[COLUMN_COUNT];
			char *owner;
			size_t count = item_cells(lo, assessment,
						  &assessment->themes[t].items[i],
						  shown, cells, &owner);
			for (size_t c = 0; c < count; c++)
				layout_table_content(lo, table, c, &cells[c]);
			free(owner);
		}
	int rating = layout_columns_index(shown, COL_RATING);
	int previous = layout_columns_index(shown, COL_PREVIOUS);
	for (size_t r = 0; r < assessment->scale.rating_count; r++) {
		const char *label = assessment->scale.ratings[r].label;
		layout_table_fit_label(lo, table, (size_t)rating, label);
		if (previous >= 0)
			layout_table_fit_label(lo, table, (size_t)previous, label);
	}
	int flexible[COLUMN_COUNT];
	layout_columns_shown(shown, COLUMN_COUNT, text_columns, flexible,
			     sizeof *flexible);
	layout_table_size_columns(lo, table, flexible);
}

void layout_assessment(struct layout *lo,
		       const struct source_assessment *assessment)
{
	layout_key_paragraph(lo, &assessment->intro, &lo->style->body,
			     assessment->intro.pos);
	layout_key_scale(lo, &assessment->scale, 0, assessment->pos);
	int shown[COLUMN_COUNT];
	shown_columns(lo, assessment, shown);
	if (!shown[COL_PREVIOUS]) {
		/* Said where a reader would look for the previous ratings. */
		struct source_text note = {
			.text = layout_word(lo, "assessment.no-previous"),
			.pos = assessment->pos,
		};
		layout_key_paragraph(lo, &note, &lo->style->body, note.pos);
	}
	layout_dashboard_assessment(lo, assessment);
	if (assessment->heat_map)
		layout_heatmap_assessment(lo, assessment);

	struct layout_cell header[COLUMN_COUNT];
	struct layout_table table;
	layout_table_begin_shown(lo, &table, shown, COLUMN_COUNT, column_words,
				 lo->style->table.assessment_columns, header,
				 assessment->pos);
	size_columns(lo, &table, assessment, shown);
	for (size_t t = 0; t < assessment->theme_count; t++) {
		const struct source_theme *theme = &assessment->themes[t];
		theme_row(lo, &table, theme);
		for (size_t i = 0; i < theme->item_count; i++)
			item_row(lo, &table, assessment, &theme->items[i], shown);
	}
	layout_table_end(lo, &table);
}
