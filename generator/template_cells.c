/* A model row as the cells of a template's row, field by field, written so
 * that the readers (sheet_rows.c) give the same model back: codes for
 * ratings, ISO dates for due dates, plain numbers, the group's own fields
 * on its first row only. */
#include "template.h"

#include <stddef.h>
#include <string.h>

#include "memory.h"

static struct template_cell text_cell(const char *text)
{
	if (!text || !*text)
		return (struct template_cell){ TEMPLATE_EMPTY, NULL, 0 };
	return (struct template_cell){ TEMPLATE_TEXT, text, 0 };
}

static struct template_cell number_cell(struct source_value value)
{
	if (!value.present)
		return (struct template_cell){ TEMPLATE_EMPTY, NULL, 0 };
	return (struct template_cell){ TEMPLATE_NUMBER, NULL, value.value };
}

static struct template_cell item_cell(const struct template_row *row,
				      enum sheet_field field)
{
	const struct source_item *item = row->item;
	switch (field) {
	case FIELD_GROUP:
		return text_cell(row->theme->name);
	case FIELD_GROUP_REF:
		return text_cell(row->theme->ref);
	case FIELD_GROUP_DESCRIPTION:
		return text_cell(row->first_of_group ? row->theme->description.text : NULL);
	case FIELD_REF:
		return text_cell(item->ref);
	case FIELD_CHARACTERISTIC:
		return text_cell(item->characteristic.text);
	case FIELD_RATING:
		return text_cell(item->rating);
	case FIELD_PREVIOUS:
		return text_cell(item->previous);
	case FIELD_EVIDENCE:
		return text_cell(item->evidence.text);
	case FIELD_ACTIONS:
		return text_cell(item->actions.text);
	case FIELD_OWNER:
		return text_cell(item->owner);
	case FIELD_DUE:
		if (!item->due)
			return text_cell(NULL);
		return (struct template_cell){ TEMPLATE_DATE, item->due, 0 };
	case FIELD_SEE:
		return text_cell(item->see);
	default:
		return text_cell(NULL);
	}
}

static struct template_cell measure_cell(const struct template_row *row,
					 enum sheet_field field)
{
	const struct source_measure *m = row->measure;
	switch (field) {
	case FIELD_GROUP:
		return text_cell(row->group->name);
	case FIELD_REF:
		return text_cell(m->ref);
	case FIELD_NAME:
		return text_cell(m->name.text);
	case FIELD_UNIT:
		return text_cell(m->unit);
	case FIELD_POLARITY:
		return text_cell(m->polarity == POLARITY_LOWER_IS_BETTER ? "lower" : "higher");
	case FIELD_KIND:
		return text_cell(m->contextual ? "context" : NULL);
	case FIELD_TARGET:
		return number_cell(m->target);
	case FIELD_TOLERANCE:
		return number_cell(m->tolerance);
	case FIELD_ACTUAL:
		return number_cell(m->actual);
	case FIELD_PREVIOUS:
		return number_cell(m->previous);
	case FIELD_RATING:
		return text_cell(m->stated_rating);
	case FIELD_PREVIOUS_RATING:
		return text_cell(m->previous_rating);
	case FIELD_COMMENTARY:
		return text_cell(m->commentary.text);
	case FIELD_OWNER:
		return text_cell(m->owner);
	default:
		return text_cell(NULL);
	}
}

struct template_cell template_cell_of(const struct template_row *row,
				      enum sheet_field field)
{
	return row->item ? item_cell(row, field) : measure_cell(row, field);
}

static size_t period_index(const char **periods, size_t count, const char *period)
{
	for (size_t i = 0; i < count; i++)
		if (strcmp(periods[i], period) == 0)
			return i;
	return count;
}

const char **template_history_periods(const struct source_performance *p,
				      size_t *count)
{
	const char **periods = NULL;
	size_t capacity = 0;
	*count = 0;
	for (size_t g = 0; g < p->group_count; g++)
		for (size_t i = 0; i < p->groups[g].measure_count; i++) {
			const struct source_measure *m = &p->groups[g].measures[i];
			size_t at = 0; /* a new period goes after the one before it */
			for (size_t h = 0; h < m->history_count; h++) {
				const char *period = m->history[h].period;
				if (!period)
					continue;
				size_t found = period_index(periods, *count, period);
				if (found < *count) {
					at = found + 1;
					continue;
				}
				MEM_GROW(periods, *count, capacity);
				memmove(&periods[at + 1], &periods[at],
					(*count - at) * sizeof *periods);
				periods[at++] = period;
				(*count)++;
			}
		}
	return periods;
}

struct template_cell template_history_cell(const struct template_row *row,
					   const char *period)
{
	const struct source_measure *m = row->measure;
	for (size_t h = 0; m && h < m->history_count; h++)
		if (m->history[h].period && strcmp(m->history[h].period, period) == 0)
			return (struct template_cell){ TEMPLATE_NUMBER, NULL,
						       m->history[h].value };
	return text_cell(NULL);
}

int template_text_has_spans(const struct source_text *text)
{
	return text && text->span_count > 0;
}
