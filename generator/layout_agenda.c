/* The reports pack's own pages: the agenda front sheet (laid out like a
 * paper's cover: the authority and the meeting, its particulars as a
 * two-column table, then the items with the pack pages each takes) and
 * the page standing for an exempt item in the public pack. Each is a
 * layout_paper about a document of its own, made from the meeting, so the
 * running header and footer and the metadata come out as a paper's do. */
#include "layout_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meeting.h"

#define AGENDA_GAP_PT 18

char *layout_exempt_statement(const struct layout *lo, const char *key,
			      const char *paragraph)
{
	/* The schema allows paragraphs 1 to 7 only; each has its reason. */
	char reason_key[32];
	snprintf(reason_key, sizeof reason_key, "agenda.schedule-12a.%s",
		 paragraph);
	const struct words_field fields[] = {
		{ "paragraph", paragraph },
		{ "reason", layout_word(lo, reason_key) },
		{ NULL, NULL },
	};
	return layout_format(lo, key, fields);
}

/* A document standing for the meeting, so the furniture and metadata
 * read the committee, the date and a title as from a paper's cover; its
 * marking and title are words of the meeting's language (paper_begin). */
static struct source_doc *meeting_doc(const struct meeting *meeting)
{
	struct source_doc *doc = mem_alloc(sizeof *doc);
	doc->path = meeting->path;
	doc->lang = meeting->lang;
	doc->cover.authority = meeting->authority;
	doc->cover.committee = meeting->committee;
	doc->cover.meeting_date = meeting->date;
	return doc;
}

static struct layout_paper *paper_begin(const struct meeting *meeting,
					const char *title,
					const struct style *style,
					PangoContext *context,
					const struct layout_options *options,
					struct diag_list *diags)
{
	static const struct layout_options no_options = { 0 };
	struct layout_paper *paper = mem_alloc(sizeof *paper);
	paper->owned_doc = meeting_doc(meeting);
	layout_begin(&paper->lo, paper->owned_doc, style, context,
		     options ? options : &no_options, diags);
	paper->owned_doc->cover.marking = layout_word(&paper->lo, "agenda.marking");
	paper->owned_doc->cover.title = title;
	layout_new_page(&paper->lo);
	return paper;
}

/* One paragraph of plain text in font at the cursor, full width. */
static void place_text(struct layout *lo, const char *text,
		       const struct style_font *font, enum dl_role role,
		       uint8_t level)
{
	struct layout_lines *lines = layout_measure_plain(
		lo, text, font, layout_content_width(lo), ALIGN_LEFT);
	layout_ensure_space(lo, lines->height_pt);
	struct source_pos pos = { 0, 0 };
	uint32_t node = layout_add_node(lo, role, pos);
	if (role == ROLE_HEADING)
		lo->list->nodes[node].level = level;
	lo->y_pt += layout_place_lines(lo, lines, 0, lines->line_count,
				       lo->left_pt, lo->y_pt, node);
	layout_lines_free(lines);
	lo->y_pt += lo->style->paragraph_gap_pt / 2;
}

static void masthead(struct layout *lo, const struct meeting *meeting)
{
	place_text(lo, meeting->authority, &lo->style->cover_title,
		   ROLE_PARAGRAPH, 0);
	place_text(lo, meeting->committee, &lo->style->heading[2],
		   ROLE_HEADING, 1);
	lo->y_pt += AGENDA_GAP_PT / 2;
}

/* Names one to a line, in the list's arena. */
static const char *lines_of(struct layout *lo, const char *const *names,
			    size_t count)
{
	size_t length = 1;
	for (size_t i = 0; i < count; i++)
		length += strlen(names[i]) + 1;
	char *text = mem_alloc(length);
	for (size_t i = 0; i < count; i++) {
		if (i)
			strcat(text, "\n");
		strcat(text, names[i]);
	}
	const char *kept = dl_strdup(lo->list, text);
	free(text);
	return kept;
}

static void particular(struct layout *lo, struct layout_table *table,
		       const char *key, const char *value)
{
	if (!value || !*value)
		return;
	struct layout_cell cells[2] = {
		layout_plain_cell(key, ALIGN_LEFT),
		layout_plain_cell(value, ALIGN_LEFT),
	};
	cells[0].font = &lo->strong_font;
	cells[1].font = &lo->style->body;
	struct source_pos pos = { 0, 0 };
	layout_table_row(lo, table, cells, 1, 0, pos);
}

static void particulars(struct layout *lo, const struct meeting *meeting)
{
	double key = lo->style->table.cover_key_proportion;
	if (key <= 0 || key >= 1)
		key = 0.35;
	double proportions[2] = { key, 1 - key };
	struct source_pos pos = { 0, 0 };
	struct layout_table table;
	memset(&table, 0, sizeof table);
	layout_table_begin(lo, &table, 2, proportions, NULL, pos);
	particular(lo, &table, layout_word(lo, "agenda.date"), layout_date_text(lo, meeting->date));
	particular(lo, &table, layout_word(lo, "agenda.time"), meeting->time);
	particular(lo, &table, layout_word(lo, "agenda.venue"), meeting->venue);
	particular(lo, &table, layout_word(lo, "agenda.chair"), meeting->chair);
	particular(lo, &table, layout_word(lo, "agenda.vice-chair"), meeting->vice_chair);
	particular(lo, &table, layout_word(lo, "agenda.members"),
		   lines_of(lo, meeting->members, meeting->member_count));
	particular(lo, &table, layout_word(lo, "agenda.substitutes"),
		   lines_of(lo, meeting->substitutes, meeting->substitute_count));
	particular(lo, &table, layout_word(lo, "agenda.quorum"), meeting->quorum);
	const struct source_person *c = &meeting->contact;
	const struct words_field tel_fields[] = {
		{ "number", c->telephone }, { NULL, NULL },
	};
	const struct words_field email_fields[] = {
		{ "address", c->email }, { NULL, NULL },
	};
	char *tel = c->telephone ? layout_format(lo, "cover.telephone", tel_fields)
				 : NULL;
	char *email = c->email ? layout_format(lo, "cover.email", email_fields)
			       : NULL;
	const char *parts[4];
	size_t n = 0;
	const char *all[] = { c->name, c->role, tel, email };
	for (size_t i = 0; i < 4; i++)
		if (all[i])
			parts[n++] = all[i];
	particular(lo, &table, layout_word(lo, "agenda.contact"), lines_of(lo, parts, n));
	free(tel);
	free(email);
	layout_table_end(lo, &table);
	lo->y_pt += AGENDA_GAP_PT;
}

/* "(Pages 5 - 20)", "(Page 5)" or NULL, in the list's arena. */
static const char *pages_text(struct layout *lo,
			      const struct layout_item_pages *pages)
{
	if (!pages->first)
		return NULL;
	char first[24], last[24];
	snprintf(first, sizeof first, "%zu", pages->first);
	snprintf(last, sizeof last, "%zu", pages->last);
	const struct words_field fields[] = {
		{ "first", first }, { "last", last }, { "page", first },
		{ NULL, NULL },
	};
	return layout_format_kept(lo, pages->last > pages->first ?
					      "agenda.pages" : "agenda.page",
				  fields);
}

const char *layout_agenda_dest(struct display_list *list, unsigned number)
{
	char name[32];
	snprintf(name, sizeof name, "pack:item%u", number);
	return dl_strdup(list, name);
}

/* "Revised: replaces the version on pages 5 - 20 of the reports pack.",
 * or NULL when the item is not revised; caller frees. */
static char *revised_text(struct layout *lo,
			  const struct layout_item_pages *pages)
{
	if (!pages->revision_reason)
		return NULL;
	char first[24], last[24], number[24];
	snprintf(first, sizeof first, "%zu", pages->replaces_first);
	snprintf(last, sizeof last, "%zu", pages->replaces_last);
	snprintf(number, sizeof number, "%u", pages->replaces_edition);
	const struct words_field fields[] = {
		{ "first", first }, { "last", last }, { "page", first },
		{ "number", number }, { NULL, NULL },
	};
	/* Whole sentences per edition, so a language can inflect each. */
	static const char *const keys[2][2] = {
		{ "agenda.revised-page-pack", "agenda.revised-pages-pack" },
		{ "agenda.revised-page-supplement",
		  "agenda.revised-pages-supplement" },
	};
	int several = pages->replaces_last > pages->replaces_first;
	return layout_format(lo, keys[pages->replaces_edition > 0][several],
			     fields);
}

static void agenda_item(struct layout *lo, struct layout_table *table,
			const struct meeting_item *item,
			const struct layout_item_pages *pages, int link_items)
{
	char number[24];
	snprintf(number, sizeof number, "%u", item->number);
	const struct words_field exempt_fields[] = {
		{ "paragraph", pages->exempt_paragraph }, { NULL, NULL },
	};
	char *exempt = pages->exempt_paragraph ?
		layout_format(lo, "cover.exempt", exempt_fields) : NULL;
	char *revised = revised_text(lo, pages);
	const char *all[] = { item->title, item->lead, pages->note, exempt,
			      revised, revised ? pages->revision_reason : NULL };
	const char *parts[6];
	size_t n = 0;
	for (size_t i = 0; i < 6; i++)
		if (all[i])
			parts[n++] = all[i];
	const char *pages_cell = pages_text(lo, pages);
	struct layout_cell cells[3] = {
		layout_plain_cell(dl_strdup(lo->list, number), ALIGN_LEFT),
		layout_plain_cell(lines_of(lo, parts, n), ALIGN_LEFT),
		layout_plain_cell(pages_cell, ALIGN_RIGHT),
	};
	/* In the pack the title is a link to the page where the item starts
	 * (layout_agenda_dest); agenda.pdf alone has no such page. */
	struct source_span link = {
		.start = 0, .end = (uint32_t)strlen(item->title), .kind = SPAN_REF,
	};
	struct source_text title = { .text = cells[1].plain, .pos = item->pos,
				     .spans = &link, .span_count = 1 };
	if (pages->first && link_items) {
		link.target = layout_agenda_dest(lo->list, item->number);
		cells[1].text = &title;
	}
	free(exempt);
	free(revised);
	layout_table_row(lo, table, cells, 1, 0, item->pos);
}

struct layout_paper *layout_agenda(const struct meeting *meeting,
				   const struct layout_item_pages *pages,
				   int link_items, unsigned supplement,
				   const struct style *style,
				   PangoContext *context,
				   const struct layout_options *options,
				   struct diag_list *diags)
{
	struct layout_paper *paper =
		paper_begin(meeting, NULL, style, context, options, diags);
	struct layout *lo = &paper->lo;
	char number[24];
	snprintf(number, sizeof number, "%u", supplement);
	const struct words_field fields[] = {
		{ "number", number }, { NULL, NULL },
	};
	const char *title = supplement ?
		layout_format_kept(lo, "agenda.supplement-title", fields) :
		layout_word(lo, "agenda.title");
	paper->owned_doc->cover.title = title;
	masthead(lo, meeting);
	particulars(lo, meeting);
	place_text(lo, title, &lo->style->heading[0], ROLE_HEADING, 2);
	layout_add_outline(lo, title, -1, lo->top_pt);
	static const double proportions[3] = { 0.1, 0.65, 0.25 };
	struct layout_cell header[3] = {
		layout_plain_cell(layout_word(lo, "agenda.column.item"), ALIGN_LEFT),
		layout_plain_cell(layout_word(lo, "agenda.column.title"), ALIGN_LEFT),
		layout_plain_cell(layout_word(lo, "agenda.column.pages"), ALIGN_RIGHT),
	};
	struct source_pos pos = { 0, 0 };
	struct layout_table table;
	memset(&table, 0, sizeof table);
	layout_table_begin(lo, &table, 3, proportions, header, pos);
	for (size_t i = 0; i < meeting->item_count; i++)
		agenda_item(lo, &table, &meeting->items[i], &pages[i],
			    link_items);
	layout_table_end(lo, &table);
	return paper;
}

struct layout_paper *layout_exempt_item(const struct meeting *meeting,
					const struct meeting_item *item,
					const char *paragraph,
					const struct style *style,
					PangoContext *context,
					const struct layout_options *options,
					struct diag_list *diags)
{
	struct layout_paper *paper = paper_begin(meeting, item->title, style,
						 context, options, diags);
	struct layout *lo = &paper->lo;
	masthead(lo, meeting);
	char number[24];
	snprintf(number, sizeof number, "%u", item->number);
	const struct words_field fields[] = {
		{ "number", number }, { "title", item->title }, { NULL, NULL },
	};
	char *heading = layout_format(lo, "agenda.item-heading", fields);
	place_text(lo, heading, &lo->style->heading[0], ROLE_HEADING, 2);
	free(heading);
	char *statement =
		layout_exempt_statement(lo, "agenda.withheld-item", paragraph);
	place_text(lo, statement, &lo->style->body, ROLE_PARAGRAPH, 0);
	free(statement);
	return paper;
}
