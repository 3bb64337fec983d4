/* The cover sheet: the authority and the meeting at the top, then the
 * report's particulars as a two-column table whose key column is TH. */
#include "layout_internal.h"

#include <stdlib.h>
#include <string.h>

#include "dates.h"

const char *layout_date_text(struct layout *lo, const char *iso_date)
{
	if (!iso_date)
		return "";
	char *text = dates_long_text(iso_date, lo->words);
	const char *kept = dl_strdup(lo->list, text);
	free(text);
	return kept;
}

/* Space between the masthead and the table, and after the table. */
#define COVER_GAP_PT 18
/* Between the authority and the agenda item beside it. */
#define AGENDA_GAP_PT 12
const char *layout_agenda_item_text(struct layout *lo)
{
	const char *item = lo->doc ? lo->doc->cover.agenda_item : NULL;
	if (!item || !item[0])
		return "";
	const struct words_field fields[] = { { "number", item }, { NULL, NULL } };
	return layout_format_kept(lo, "cover.agenda-item", fields);
}

struct cover_rows {
	struct layout *lo;
	struct layout_table table;
};

/* Joins the non-empty parts with separator into the list's arena, so the
 * text outlives the table row that borrows it. */
static const char *join(struct layout *lo, const char *separator,
			const char *const *parts, size_t count)
{
	size_t length = 1;
	for (size_t i = 0; i < count; i++)
		if (parts[i] && parts[i][0])
			length += strlen(parts[i]) + strlen(separator);
	char *out = mem_alloc(length);
	for (size_t i = 0; i < count; i++) {
		if (!parts[i] || !parts[i][0])
			continue;
		if (out[0])
			strcat(out, separator);
		strcat(out, parts[i]);
	}
	const char *kept = dl_strdup(lo->list, out);
	free(out);
	return kept;
}

/* A row whose key is the catalogue's word for word_key. */
static void cover_row(struct cover_rows *rows, const char *word_key,
		      const char *value)
{
	struct layout *lo = rows->lo;
	struct layout_cell cells[2] = {
		layout_plain_cell(layout_word(lo, word_key), ALIGN_LEFT),
		layout_plain_cell(value && value[0] ? value : "", ALIGN_LEFT),
	};
	cells[0].font = &lo->strong_font; /* the cover's cells are unfilled */
	cells[1].font = &lo->style->body;
	struct source_pos pos = { 0, 0 };
	layout_table_row(lo, &rows->table, cells, 1, 0, pos);
}

static const char *yes_no(const struct layout *lo, enum tristate value)
{
	return layout_word(lo, value == TRI_YES ? "word.yes" : "word.no");
}

static const char *person(struct layout *lo, const struct source_person *p,
			  const char *separator)
{
	const char *parts[] = { p->name, p->role };
	return join(lo, separator, parts, 2);
}

static const char *employee(struct layout *lo, const struct source_person *p)
{
	const struct words_field tel_fields[] = { { "number", p->telephone },
						  { NULL, NULL } };
	const struct words_field email_fields[] = { { "address", p->email },
						    { NULL, NULL } };
	char *tel = p->telephone ? layout_format(lo, "cover.telephone", tel_fields)
				 : NULL;
	char *email = p->email ? layout_format(lo, "cover.email", email_fields)
			       : NULL;
	const char *parts[] = { p->name, p->role, tel, email };
	const char *text = join(lo, "\n", parts, 4);
	free(tel);
	free(email);
	return text;
}

static const char *considered_by(struct layout *lo,
				 const struct source_cover *cover)
{
	if (cover->considered_count == 0)
		return layout_word(lo, "word.none");
	const char **lines = mem_array(cover->considered_count, sizeof *lines);
	for (size_t i = 0; i < cover->considered_count; i++) {
		const struct source_consideration *c = &cover->considered_by[i];
		const char *parts[] = { c->body, layout_date_text(lo, c->date) };
		lines[i] = join(lo, " ", parts, 2);
	}
	const char *text = join(lo, "\n", lines, cover->considered_count);
	free(lines);
	return text;
}

/* "Agenda item 7" at the top right of the cover, where councils print
 * it; returns the width it takes from the authority beside it. */
static double place_agenda_item(struct layout *lo, double width_pt)
{
	const char *text = layout_agenda_item_text(lo);
	if (!text[0])
		return 0;
	struct layout_lines *lines = layout_measure_plain(
		lo, text, &lo->strong_font, width_pt / 3, ALIGN_LEFT);
	struct source_pos pos = { 0, 0 };
	uint32_t node = layout_add_node(lo, ROLE_PARAGRAPH, pos);
	double taken_pt = lines->width_pt;
	layout_place_lines(lo, lines, 0, lines->line_count,
			   lo->left_pt + width_pt - taken_pt, lo->y_pt, node);
	layout_lines_free(lines);
	return taken_pt + AGENDA_GAP_PT;
}

/* The authority (the agenda item beside it), then the committee and the
 * meeting date under it. */
static void place_masthead(struct layout *lo, const struct source_cover *cover)
{
	double width_pt = layout_content_width(lo);
	const char *parts[] = { cover->committee,
				layout_date_text(lo, cover->meeting_date) };
	const char *meeting = join(lo, " ", parts, 2);
	double agenda_pt = place_agenda_item(lo, width_pt);
	struct layout_lines *authority = layout_measure_plain(
		lo, cover->authority, &lo->style->cover_title, width_pt - agenda_pt,
		ALIGN_LEFT);
	struct layout_lines *committee = layout_measure_plain(
		lo, meeting, &lo->style->heading[2], width_pt, ALIGN_LEFT);
	struct source_pos pos = { 0, 0 };
	uint32_t authority_node = layout_add_node(lo, ROLE_PARAGRAPH, pos);
	lo->y_pt += layout_place_lines(lo, authority, 0, authority->line_count,
				       lo->left_pt, lo->y_pt, authority_node);
	lo->y_pt += lo->style->paragraph_gap_pt / 2;
	uint32_t committee_node = layout_add_node(lo, ROLE_PARAGRAPH, pos);
	lo->y_pt += layout_place_lines(lo, committee, 0, committee->line_count,
				       lo->left_pt, lo->y_pt, committee_node);
	layout_lines_free(authority);
	layout_lines_free(committee);
	if (cover->exempt_paragraph) {
		const struct words_field fields[] = {
			{ "paragraph", cover->exempt_paragraph }, { NULL, NULL },
		};
		char *note = layout_format(lo, "cover.exempt", fields);
		struct layout_lines *lines = layout_measure_plain(
			lo, note, &lo->style->body, layout_content_width(lo),
			ALIGN_LEFT);
		free(note);
		lo->y_pt += lo->style->paragraph_gap_pt;
		uint32_t node = layout_add_node(lo, ROLE_PARAGRAPH, pos);
		lo->y_pt += layout_place_lines(lo, lines, 0, lines->line_count,
					       lo->left_pt, lo->y_pt, node);
		layout_lines_free(lines);
	}
	lo->y_pt += COVER_GAP_PT;
}

void layout_cover(struct layout *lo)
{
	const struct source_cover *cover = &lo->doc->cover;
	if (lo->list->page_count == 0)
		layout_new_page(lo);
	layout_logo_cover(lo);
	place_masthead(lo, cover);

	struct cover_rows rows;
	memset(&rows, 0, sizeof rows);
	rows.lo = lo;
	double key = lo->style->table.cover_key_proportion;
	if (key <= 0 || key >= 1)
		key = 0.35;
	double proportions[2] = { key, 1 - key };
	struct source_pos pos = { 0, 0 };
	layout_table_begin(lo, &rows.table, 2, proportions, NULL, pos);
	cover_row(&rows, "cover.report-title", cover->title);
	if (cover->decision_designation)
		cover_row(&rows, "cover.decision-designation",
			  cover->decision_designation);
	if (cover->key_decision != TRI_UNSET)
		cover_row(&rows, "cover.key-decision",
			  yes_no(lo, cover->key_decision));
	if (cover->forward_plan != TRI_UNSET)
		cover_row(&rows, "cover.forward-plan",
			  yes_no(lo, cover->forward_plan));
	if (cover->wards)
		cover_row(&rows, "cover.wards", cover->wards);
	if (cover->cabinet_member.name)
		cover_row(&rows, "cover.cabinet-member",
			  person(lo, &cover->cabinet_member, "\n"));
	cover_row(&rows, "cover.director", person(lo, &cover->director, ", "));
	cover_row(&rows, "cover.service", cover->service);
	cover_row(&rows, "cover.employee", employee(lo, &cover->employee));
	cover_row(&rows, "cover.considered-by", considered_by(lo, cover));
	layout_table_end(lo, &rows.table);
	lo->y_pt += COVER_GAP_PT;
	if (lo->y_pt > lo->bottom_pt)
		lo->y_pt = lo->bottom_pt;
}
