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

/* What each paragraph of Schedule 12A protects, as the Act words it. */
static const char *const schedule_12a[] = {
	"information relating to any individual",
	"information which is likely to reveal the identity of an individual",
	"information relating to the financial or business affairs of any "
	"particular person (including the authority holding that information)",
	"information relating to any consultations or negotiations, or "
	"contemplated consultations or negotiations, in connection with any "
	"labour relations matter arising between the authority and employees",
	"information in respect of which a claim to legal professional "
	"privilege could be maintained in legal proceedings",
	"information which reveals that the authority proposes to give a "
	"notice or to make an order or direction under any enactment",
	"information relating to any action taken or to be taken in connection "
	"with the prevention, investigation or prosecution of crime",
};

char *layout_exempt_statement(const char *what, const char *paragraph)
{
	int n = paragraph ? atoi(paragraph) : 0;
	const char *why = n >= 1 && n <= 7 ? schedule_12a[n - 1] : NULL;
	return mem_printf("%s is not for publication by virtue of paragraph %s "
			  "of Schedule 12A of the Local Government Act 1972%s%s%s",
			  what, paragraph ? paragraph : "?", why ? " (" : ".",
			  why ? why : "", why ? ")." : "");
}

/* A document standing for the meeting, so the furniture and metadata
 * read the committee, the date and a title as from a paper's cover. */
static struct source_doc *meeting_doc(const struct meeting *meeting,
				      const char *title)
{
	struct source_doc *doc = mem_alloc(sizeof *doc);
	doc->path = meeting->path;
	doc->lang = meeting->lang;
	doc->cover.authority = meeting->authority;
	doc->cover.committee = meeting->committee;
	doc->cover.meeting_date = meeting->date;
	doc->cover.marking = "PUBLIC [NOT PROTECTIVELY MARKED]";
	doc->cover.title = title;
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
	paper->owned_doc = meeting_doc(meeting, title);
	layout_begin(&paper->lo, paper->owned_doc, style, context,
		     options ? options : &no_options, diags);
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
	particular(lo, &table, "Date", layout_date_text(lo, meeting->date));
	particular(lo, &table, "Time", meeting->time);
	particular(lo, &table, "Venue", meeting->venue);
	particular(lo, &table, "Chair", meeting->chair);
	particular(lo, &table, "Vice-chair", meeting->vice_chair);
	particular(lo, &table, "Members",
		   lines_of(lo, meeting->members, meeting->member_count));
	particular(lo, &table, "Substitutes",
		   lines_of(lo, meeting->substitutes, meeting->substitute_count));
	particular(lo, &table, "Quorum", meeting->quorum);
	const struct source_person *c = &meeting->contact;
	char *tel = c->telephone ? mem_printf("Tel %s", c->telephone) : NULL;
	char *email = c->email ? mem_printf("Email %s", c->email) : NULL;
	const char *parts[4];
	size_t n = 0;
	const char *all[] = { c->name, c->role, tel, email };
	for (size_t i = 0; i < 4; i++)
		if (all[i])
			parts[n++] = all[i];
	particular(lo, &table, "Contact", lines_of(lo, parts, n));
	free(tel);
	free(email);
	layout_table_end(lo, &table);
	lo->y_pt += AGENDA_GAP_PT;
}

/* "(Pages 5 - 20)", "(Page 5)" or NULL, in the list's arena. */
static const char *pages_text(struct layout *lo,
			      const struct layout_item_pages *pages)
{
	char buffer[64];
	if (!pages->first)
		return NULL;
	if (pages->last > pages->first)
		snprintf(buffer, sizeof buffer, "(Pages %zu - %zu)", pages->first,
			 pages->last);
	else
		snprintf(buffer, sizeof buffer, "(Page %zu)", pages->first);
	return dl_strdup(lo->list, buffer);
}

static void agenda_item(struct layout *lo, struct layout_table *table,
			const struct meeting_item *item,
			const struct layout_item_pages *pages)
{
	char number[24];
	snprintf(number, sizeof number, "%u", item->number);
	char *exempt = pages->exempt_paragraph ?
		mem_printf("Not for publication: exempt information under "
			   "paragraph %s of Schedule 12A", pages->exempt_paragraph) :
		NULL;
	const char *all[] = { item->title, item->lead, item->note, exempt };
	const char *parts[4];
	size_t n = 0;
	for (size_t i = 0; i < 4; i++)
		if (all[i])
			parts[n++] = all[i];
	const char *pages_cell = pages_text(lo, pages);
	struct layout_cell cells[3] = {
		layout_plain_cell(dl_strdup(lo->list, number), ALIGN_LEFT),
		layout_plain_cell(lines_of(lo, parts, n), ALIGN_LEFT),
		layout_plain_cell(pages_cell, ALIGN_RIGHT),
	};
	free(exempt);
	layout_table_row(lo, table, cells, 1, 0, item->pos);
}

struct layout_paper *layout_agenda(const struct meeting *meeting,
				   const struct layout_item_pages *pages,
				   const struct style *style,
				   PangoContext *context,
				   const struct layout_options *options,
				   struct diag_list *diags)
{
	struct layout_paper *paper =
		paper_begin(meeting, "Agenda", style, context, options, diags);
	struct layout *lo = &paper->lo;
	masthead(lo, meeting);
	particulars(lo, meeting);
	place_text(lo, "Agenda", &lo->style->heading[0], ROLE_HEADING, 2);
	layout_add_outline(lo, "Agenda", -1, lo->top_pt);
	static const double proportions[3] = { 0.1, 0.65, 0.25 };
	struct layout_cell header[3] = {
		layout_plain_cell("Item", ALIGN_LEFT),
		layout_plain_cell("Title", ALIGN_LEFT),
		layout_plain_cell("Pages", ALIGN_RIGHT),
	};
	struct source_pos pos = { 0, 0 };
	struct layout_table table;
	memset(&table, 0, sizeof table);
	layout_table_begin(lo, &table, 3, proportions, header, pos);
	for (size_t i = 0; i < meeting->item_count; i++)
		agenda_item(lo, &table, &meeting->items[i], &pages[i]);
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
	char *heading = mem_printf("Item %u: %s", item->number, item->title);
	place_text(lo, heading, &lo->style->heading[0], ROLE_HEADING, 2);
	free(heading);
	char *statement = layout_exempt_statement("This item", paragraph);
	place_text(lo, statement, &lo->style->body, ROLE_PARAGRAPH, 0);
	free(statement);
	return paper;
}
