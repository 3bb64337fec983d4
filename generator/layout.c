/* layout_document: the order of a committee paper. Cover sheet, the
 * recommendations, numbered sections with their paragraphs and lists,
 * appendices each from a new page (landscape where their tables need it),
 * then the page furniture, the outline and the metadata.
 *
 * Flow rules: a heading goes with at least two lines of what follows; a
 * paragraph split over pages leaves at least two lines on each side. */
#include "layout_internal.h"

#include "dates.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Lines a heading keeps with it, and a split paragraph leaves on each side. */
#define KEEP_LINES 2

/* State of one document's flow that only this file needs. */
struct flow {
	const char **targets;    /* ids some <ref> points at, sorted */
	size_t target_count, target_capacity;
	int appendices_listed;   /* an <appendices/> links to every appendix */
	int in_appendix;
	double text_x_pt;        /* left of running text in the current part */
	double text_width_pt;
};

/* ---- ref targets ---- */

static void add_text_targets(struct flow *flow, const struct source_text *text)
{
	for (size_t i = 0; i < text->span_count; i++) {
		if (text->spans[i].kind != SPAN_REF || !text->spans[i].target)
			continue;
		MEM_GROW(flow->targets, flow->target_count, flow->target_capacity);
		flow->targets[flow->target_count++] = text->spans[i].target;
	}
}

static void add_row_targets(struct flow *flow, const struct source_row *row)
{
	for (size_t i = 0; row && i < row->cell_count; i++)
		add_text_targets(flow, &row->cells[i].text);
}

static void add_table_targets(struct flow *flow, const struct source_table *t)
{
	add_text_targets(flow, &t->caption);
	add_row_targets(flow, t->header);
	for (size_t r = 0; r < t->row_count; r++)
		add_row_targets(flow, &t->rows[r]);
	add_row_targets(flow, t->totals);
}

static void add_block_targets(struct flow *flow, const struct source_block *b)
{
	switch (b->kind) {
	case BLOCK_PARAGRAPH:
		add_text_targets(flow, &b->u.paragraph);
		break;
	case BLOCK_LIST:
		for (size_t i = 0; i < b->u.list.item_count; i++)
			add_text_targets(flow, &b->u.list.items[i]);
		break;
	case BLOCK_TABLE:
		add_table_targets(flow, &b->u.table);
		break;
	case BLOCK_FIGURE:
		add_text_targets(flow, &b->u.figure.caption);
		break;
	case BLOCK_SIGN_OFF:
	case BLOCK_ASSESSMENT:
	case BLOCK_PERFORMANCE:
	case BLOCK_RISKS:
		/* Tables place their own destinations. */
		break;
	case BLOCK_APPENDICES:
		flow->appendices_listed = 1;
		break;
	}
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void collect_targets(struct flow *flow, const struct source_doc *doc)
{
	for (size_t r = 0; r < doc->recommendation_count; r++) {
		const struct source_recommendations *rec = &doc->recommendations[r];
		add_text_targets(flow, &rec->intro);
		for (size_t i = 0; i < rec->item_count; i++)
			add_text_targets(flow, &rec->items[i]);
	}
	for (size_t s = 0; s < doc->section_count; s++)
		for (size_t b = 0; b < doc->sections[s].block_count; b++)
			add_block_targets(flow, &doc->sections[s].blocks[b]);
	for (size_t a = 0; a < doc->appendix_count; a++)
		for (size_t b = 0; b < doc->appendices[a].block_count; b++)
			add_block_targets(flow, &doc->appendices[a].blocks[b]);
	if (flow->target_count)
		qsort(flow->targets, flow->target_count, sizeof *flow->targets,
		      compare_strings);
}

/* id when some ref points at it, else NULL. */
static const char *target_id(const struct flow *flow, const char *id)
{
	if (!id || !flow->target_count)
		return NULL;
	return bsearch(&id, flow->targets, flow->target_count,
		       sizeof *flow->targets, compare_strings) ? id : NULL;
}

/* A destination where an id some ref points at is placed. */
static void dest_if_target(struct layout *lo, const struct flow *flow,
			   const char *id, double y_pt)
{
	if (target_id(flow, id))
		layout_add_dest(lo, id, y_pt);
}

/* ---- dates and metadata ---- */

/* The pipeline's SOURCE_DATE_EPOCH when given (reproducible builds), else
 * the meeting date: never the clock, so the same source gives the same
 * bytes. */
static const char *creation_date(struct layout *lo)
{
	if (lo->options->create_date)
		return dl_strdup(lo->list, lo->options->create_date);
	int year, month, day;
	const char *meeting = lo->doc ? lo->doc->cover.meeting_date : NULL;
	if (!dates_parse_iso(meeting, &year, &month, &day))
		return NULL;
	char buffer[32];
	snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT00:00:00Z", year, month,
		 day);
	return dl_strdup(lo->list, buffer);
}

static void set_metadata(struct layout *lo)
{
	const struct source_cover *cover = &lo->doc->cover;
	struct display_list *list = lo->list;
	list->title = dl_strdup(lo->list, cover->title);
	list->author = dl_strdup(lo->list, cover->authority ? cover->authority :
							   cover->director.name);
	char *subject = mem_printf("%s %s", cover->committee ? cover->committee : "",
				   layout_date_text(lo, cover->meeting_date));
	list->subject = dl_strdup(lo->list, subject);
	free(subject);
	list->lang = dl_strdup(lo->list, lo->doc->lang);
	list->create_date = creation_date(lo);
}

/* ---- flowing lines over pages ---- */

/* How many of the remaining lines to put on this page: all that fit, but
 * never a single line at the foot (orphan) or carried over (widow). */
static size_t lines_to_take(const struct layout *lo,
			    const struct layout_lines *lines, size_t first)
{
	size_t remaining = lines->line_count - first;
	size_t fit = layout_lines_fitting(lines, first, layout_space_left(lo));
	if (fit >= remaining)
		return remaining;
	size_t take = fit;
	if (remaining - take < KEEP_LINES)
		take = remaining > KEEP_LINES ? remaining - KEEP_LINES : 0;
	if (take < KEEP_LINES)
		take = 0;
	/* A fresh page gains nothing by waiting for the next one. */
	if (take == 0 && layout_at_page_top(lo))
		take = fit ? fit : 1;
	return take;
}

/* Place lines at x_pt from the cursor on, over as many pages as needed;
 * label (a number or bullet) goes beside the first line at label_x_pt. */
static void flow_lines(struct layout *lo, const struct layout_lines *lines,
		       double x_pt, uint32_t node,
		       const struct layout_lines *label, double label_x_pt,
		       uint32_t label_node)
{
	if (lo->list->page_count == 0)
		layout_new_page(lo);
	size_t first = 0;
	while (first < lines->line_count) {
		size_t take = lines_to_take(lo, lines, first);
		if (take == 0) {
			layout_new_page(lo);
			continue;
		}
		if (first == 0 && label)
			layout_place_lines(lo, label, 0, label->line_count,
					   label_x_pt, lo->y_pt, label_node);
		lo->y_pt += layout_place_lines(lo, lines, first, take, x_pt,
					       lo->y_pt, node);
		first += take;
		if (first < lines->line_count)
			layout_new_page(lo);
	}
}

/* Height of what must follow a heading on its page: the first lines of
 * the next block. Measured separately; a block is short to measure. */
static double lead_height(struct layout *lo, const struct flow *flow,
			  const struct source_block *block)
{
	if (!block)
		return 0;
	const struct source_text *text = NULL;
	double width_pt = flow->text_width_pt;
	switch (block->kind) {
	case BLOCK_PARAGRAPH:
		text = &block->u.paragraph;
		break;
	case BLOCK_LIST:
		if (block->u.list.item_count == 0)
			return 0;
		text = &block->u.list.items[0];
		width_pt -= lo->style->list_indent_pt;
		break;
	case BLOCK_SIGN_OFF:
	case BLOCK_APPENDICES:
		break;
	case BLOCK_FIGURE:
		/* Its image moves whole to the next page when it must. */
		return 0;
	case BLOCK_TABLE:
	case BLOCK_ASSESSMENT:
	case BLOCK_PERFORMANCE:
	case BLOCK_RISKS:
		/* A table's header and first row: a few body lines. */
		return 4 * lo->style->body.size_pt * 1.2;
	}
	struct layout_lines *lines =
		text ? layout_measure(lo, text, &lo->style->body, width_pt,
				      ALIGN_LEFT) :
		       layout_measure_plain(lo, "[]", &lo->style->body, width_pt,
					    ALIGN_LEFT);
	size_t n = lines->line_count < KEEP_LINES ? lines->line_count : KEEP_LINES;
	double height = layout_lines_span(lines, 0, n);
	layout_lines_free(lines);
	return height;
}

/* A number or bullet for its column: measured wide, so "10.12" never
 * breaks inside itself however narrow the column is. */
#define LABEL_WIDTH_PT 200

static struct layout_lines *measure_label(struct layout *lo, const char *text,
					  const struct style_font *font)
{
	return layout_measure_plain(lo, text, font, LABEL_WIDTH_PT, ALIGN_LEFT);
}

/* ---- headings ---- */

/* A heading, with its number in the number column when it has one; kept
 * on the page with keep_pt of what follows. Returns the heading's top. */
static double place_heading(struct layout *lo, const char *number,
			    const char *title, const struct style_font *font,
			    uint8_t level, struct source_pos pos, double keep_pt)
{
	double indent_pt = number ? lo->style->number_indent_pt : 0;
	double width_pt = layout_content_width(lo) - indent_pt;
	struct layout_lines *lines = layout_measure_plain(lo, title, font,
							  width_pt, ALIGN_LEFT);
	struct layout_lines *label =
		number ? measure_label(lo, number, font) : NULL;
	double gap_after_pt = lo->style->paragraph_gap_pt / 2;
	if (lo->list->page_count && !layout_at_page_top(lo))
		lo->y_pt += lo->style->paragraph_gap_pt / 2;
	layout_ensure_space(lo, lines->height_pt + gap_after_pt + keep_pt);
	double top_pt = lo->y_pt;
	uint32_t node = layout_add_node(lo, ROLE_HEADING, pos);
	lo->list->nodes[node].level = level;
	if (label)
		layout_place_lines(lo, label, 0, label->line_count, lo->left_pt,
				   top_pt, node);
	lo->y_pt += layout_place_lines(lo, lines, 0, lines->line_count,
				       lo->left_pt + indent_pt, top_pt, node);
	lo->y_pt += gap_after_pt;
	layout_lines_free(lines);
	layout_lines_free(label);
	return top_pt;
}

/* ---- blocks ---- */

/* A paragraph, with its number ("1.2") in the number column if given. */
static void place_paragraph(struct layout *lo, const struct flow *flow,
			    const struct source_text *text, const char *id,
			    const char *number, struct source_pos pos)
{
	/* A number needs its column even where text runs full width. */
	double x_pt = flow->text_x_pt, width_pt = flow->text_width_pt;
	double numbered_x_pt = lo->left_pt + lo->style->number_indent_pt;
	if (number && x_pt < numbered_x_pt) {
		width_pt -= numbered_x_pt - x_pt;
		x_pt = numbered_x_pt;
	}
	struct layout_lines *lines = layout_measure(lo, text, &lo->style->body,
						    width_pt, ALIGN_LEFT);
	struct layout_lines *label =
		number ? measure_label(lo, number, &lo->style->body) : NULL;
	/* Decide the page first, so the destination lands beside the text. */
	if (lines_to_take(lo, lines, 0) == 0)
		layout_new_page(lo);
	uint32_t node = layout_add_node(lo, ROLE_PARAGRAPH, pos);
	dest_if_target(lo, flow, id, lo->y_pt);
	flow_lines(lo, lines, x_pt, node, label, lo->left_pt, node);
	layout_lines_free(lines);
	layout_lines_free(label);
	layout_paragraph_gap(lo);
}

static void place_list(struct layout *lo, const struct flow *flow,
		       const struct source_list *list, const char *id,
		       struct source_pos pos)
{
	double body_width_pt = flow->text_width_pt - lo->style->list_indent_pt;
	uint32_t list_node = layout_open_node(lo, ROLE_LIST, pos);
	for (size_t i = 0; i < list->item_count; i++) {
		const struct source_text *text = &list->items[i];
		char number[24];
		if (list->numbered)
			snprintf(number, sizeof number, "%zu.", i + 1);
		struct layout_lines *lines = layout_measure(
			lo, text, &lo->style->body, body_width_pt, ALIGN_LEFT);
		struct layout_lines *label = measure_label(
			lo, list->numbered ? number : "\xE2\x80\xA2",
			&lo->style->body);
		/* Pango sets a right-to-left item against the right edge (its
		 * start), so its label goes to the right of it, as its reader
		 * begins there. */
		double label_x_pt = flow->text_x_pt;
		double body_x_pt = flow->text_x_pt + lo->style->list_indent_pt;
		if (layout_lines_right_to_left(lines)) {
			body_x_pt = flow->text_x_pt;
			label_x_pt = flow->text_x_pt + flow->text_width_pt -
				     label->width_pt;
		}
		if (lo->list->page_count == 0 || lines_to_take(lo, lines, 0) == 0)
			layout_new_page(lo);
		if (i == 0)
			dest_if_target(lo, flow, id, lo->y_pt);
		uint32_t item_node = layout_open_node(lo, ROLE_LIST_ITEM, text->pos);
		uint32_t label_node = layout_add_node(lo, ROLE_LIST_LABEL, text->pos);
		uint32_t body_node = layout_add_node(lo, ROLE_LIST_BODY, text->pos);
		flow_lines(lo, lines, body_x_pt, body_node, label, label_x_pt,
			   label_node);
		layout_close_node(lo, item_node);
		layout_lines_free(lines);
		layout_lines_free(label);
		if (i + 1 < list->item_count)
			lo->y_pt += lo->style->paragraph_gap_pt / 2;
	}
	layout_close_node(lo, list_node);
	layout_paragraph_gap(lo);
}

static void place_sign_off(struct layout *lo, const struct flow *flow,
			   const struct source_block *block)
{
	char *text = mem_printf("[%s]", block->u.sign_off ? block->u.sign_off : "");
	struct layout_lines *lines = layout_measure_plain(
		lo, text, &lo->style->body, flow->text_width_pt, ALIGN_LEFT);
	free(text);
	if (lo->list->page_count == 0 || lines_to_take(lo, lines, 0) == 0)
		layout_new_page(lo);
	uint32_t node = layout_add_node(lo, ROLE_PARAGRAPH, block->pos);
	dest_if_target(lo, flow, block->id, lo->y_pt);
	flow_lines(lo, lines, flow->text_x_pt, node, NULL, 0, 0);
	layout_lines_free(lines);
	layout_paragraph_gap(lo);
}

/* The destination of appendix: its id, else a name no id can have (an
 * XML ID holds no colon). */
static const char *appendix_dest(struct layout *lo,
				 const struct source_appendix *appendix)
{
	if (appendix->id)
		return appendix->id;
	char name[32];
	snprintf(name, sizeof name, "appendix:%u", appendix->number);
	return dl_strdup(lo->list, name);
}

/* <appendices/>: "Appendix 1: title" for each appendix, each a link to it,
 * as a list. */
static void place_appendices(struct layout *lo, const struct flow *flow,
			     const struct source_block *block)
{
	const struct source_doc *doc = lo->doc;
	if (!doc->appendix_count)
		return;
	struct arena *arena = lo->list->arena;
	struct source_text *items =
		arena_alloc(arena, doc->appendix_count * sizeof *items);
	for (size_t i = 0; i < doc->appendix_count; i++) {
		const struct source_appendix *appendix = &doc->appendices[i];
		char number[16];
		snprintf(number, sizeof number, "%u", appendix->number);
		const struct words_field fields[] = {
			{ "number", number },
			{ "title", appendix->title ? appendix->title : "" },
			{ NULL, NULL },
		};
		items[i].text = layout_format_kept(lo, "appendix.title", fields);
		items[i].pos = block->pos;
		items[i].span_count = 1;
		items[i].spans = arena_alloc(arena, sizeof *items[i].spans);
		items[i].spans[0] = (struct source_span){
			.start = 0,
			.end = (uint32_t)strlen(items[i].text),
			.kind = SPAN_REF,
			.target = appendix_dest(lo, appendix),
		};
	}
	struct source_list list = { 0, items, doc->appendix_count };
	place_list(lo, flow, &list, block->id, block->pos);
}

/* Blocks of a section or appendix; a numbered paragraph prints
 * "{prefix}.{number}" with the number the loader gave it. */
static void place_blocks(struct layout *lo, const struct flow *flow,
			 const struct source_block *blocks, size_t count,
			 unsigned prefix)
{
	for (size_t i = 0; i < count; i++) {
		const struct source_block *b = &blocks[i];
		char number[32];
		switch (b->kind) {
		case BLOCK_PARAGRAPH:
			if (b->numbered)
				snprintf(number, sizeof number, "%u.%u", prefix,
					 b->number);
			place_paragraph(lo, flow, &b->u.paragraph, b->id,
					b->numbered ? number : NULL, b->pos);
			break;
		case BLOCK_LIST:
			place_list(lo, flow, &b->u.list, b->id, b->pos);
			break;
		case BLOCK_SIGN_OFF:
			place_sign_off(lo, flow, b);
			break;
		case BLOCK_ASSESSMENT:
			layout_ensure_space(lo, lead_height(lo, flow, b));
			dest_if_target(lo, flow, b->id, lo->y_pt);
			layout_assessment(lo, &b->u.assessment);
			layout_paragraph_gap(lo);
			break;
		case BLOCK_PERFORMANCE:
			layout_ensure_space(lo, lead_height(lo, flow, b));
			dest_if_target(lo, flow, b->id, lo->y_pt);
			layout_performance(lo, &b->u.performance);
			layout_paragraph_gap(lo);
			break;
		case BLOCK_TABLE:
			layout_ensure_space(lo, lead_height(lo, flow, b));
			dest_if_target(lo, flow, b->id, lo->y_pt);
			layout_plain_table(lo, &b->u.table, flow->text_x_pt,
					   flow->text_width_pt);
			layout_paragraph_gap(lo);
			break;
		case BLOCK_FIGURE:
			layout_figure(lo, &b->u.figure, target_id(flow, b->id),
				      flow->text_x_pt,
				      flow->text_width_pt);
			layout_paragraph_gap(lo);
			break;
		case BLOCK_APPENDICES:
			place_appendices(lo, flow, b);
			break;
		case BLOCK_RISKS:
			layout_ensure_space(lo, lead_height(lo, flow, b));
			dest_if_target(lo, flow, b->id, lo->y_pt);
			layout_risks(lo, &b->u.risks);
			layout_paragraph_gap(lo);
			break;
		}
	}
}

/* ---- parts of the paper ---- */

static void set_text_column(struct layout *lo, struct flow *flow, int indented)
{
	double indent_pt = indented ? lo->style->number_indent_pt : 0;
	flow->text_x_pt = lo->style->page.margin_left_pt + indent_pt;
	flow->text_width_pt = layout_content_width(lo) - indent_pt;
}

static void place_recommendations(struct layout *lo, struct flow *flow,
				  const struct source_recommendations *rec,
				  int first)
{
	set_text_column(lo, flow, 0);
	uint32_t section = layout_open_node(lo, ROLE_SECTION, rec->pos);
	const char *title = layout_word(lo, rec->for_noting ?
						    "recommendations.for-noting" :
						    "recommendations.for-decision");
	const struct source_text *lead = rec->intro.text[0] ? &rec->intro :
				       rec->item_count ? &rec->items[0] :
							 NULL;
	double keep_pt = 0;
	if (lead) {
		struct source_block probe = { 0 };
		probe.kind = BLOCK_PARAGRAPH;
		probe.u.paragraph = *lead;
		keep_pt = lead_height(lo, flow, &probe);
	}
	double top_pt = place_heading(lo, NULL, title, &lo->style->heading[0], 1,
				      rec->pos, keep_pt);
	if (first)
		layout_add_outline(lo, layout_word(lo, "recommendations.outline"),
				   -1, top_pt);
	if (rec->intro.text[0])
		place_paragraph(lo, flow, &rec->intro, NULL, NULL, rec->intro.pos);
	if (rec->item_count) {
		struct source_list list = { 1, rec->items, rec->item_count };
		place_list(lo, flow, &list, NULL, rec->pos);
	}
	layout_close_node(lo, section);
}

static void place_section(struct layout *lo, struct flow *flow,
			  const struct source_section *section)
{
	set_text_column(lo, flow, 1);
	uint32_t node = layout_open_node(lo, ROLE_SECTION, section->pos);
	char number[24];
	snprintf(number, sizeof number, "%u.0", section->number);
	double keep_pt = lead_height(lo, flow, section->block_count ?
						       &section->blocks[0] :
						       NULL);
	double top_pt = place_heading(lo, number, section->heading ? section->heading : "",
				      &lo->style->heading[0], 1, section->pos,
				      keep_pt);
	dest_if_target(lo, flow, section->id, top_pt);
	char *outline = mem_printf("%s %s", number,
				   section->heading ? section->heading : "");
	layout_add_outline(lo, outline, -1, top_pt);
	free(outline);
	place_blocks(lo, flow, section->blocks, section->block_count,
		     section->number);
	layout_close_node(lo, node);
}

static int appendix_has_table(const struct source_appendix *appendix)
{
	for (size_t i = 0; i < appendix->block_count; i++)
		if (appendix->blocks[i].kind == BLOCK_ASSESSMENT ||
		    appendix->blocks[i].kind == BLOCK_PERFORMANCE ||
		    appendix->blocks[i].kind == BLOCK_RISKS)
			return 1;
	return 0;
}

/* An appendix's first page, in landscape or not: its Sect opened (the
 * caller closes it), its numbered title as heading, destination and
 * bookmark. */
static uint32_t open_appendix(struct layout *lo, struct flow *flow,
			      const struct source_appendix *appendix,
			      int landscape)
{
	layout_set_landscape(lo, landscape);
	layout_new_page(lo);
	MEM_GROW(lo->appendix_starts, lo->appendix_start_count,
		 lo->appendix_start_capacity);
	lo->appendix_starts[lo->appendix_start_count++] =
		(struct layout_appendix_start){ lo->page, appendix->number };
	set_text_column(lo, flow, 0);
	uint32_t node = layout_open_node(lo, ROLE_SECTION, appendix->pos);
	char number[16];
	snprintf(number, sizeof number, "%u", appendix->number);
	const struct words_field fields[] = {
		{ "number", number },
		{ "title", appendix->title ? appendix->title : "" },
		{ NULL, NULL },
	};
	char *title = layout_format(lo, "appendix.title", fields);
	double top_pt = place_heading(lo, NULL, title, &lo->style->heading[1], 1,
				      appendix->pos, 0);
	if (flow->appendices_listed)
		layout_add_dest(lo, appendix_dest(lo, appendix), top_pt);
	else
		dest_if_target(lo, flow, appendix->id, top_pt);
	layout_add_outline(lo, title, -1, top_pt);
	free(title);
	return node;
}

static void place_appendix(struct layout *lo, struct flow *flow,
			   const struct source_appendix *appendix)
{
	int landscape = appendix->landscape ||
			(lo->style->landscape_assessments &&
			 appendix_has_table(appendix));
	uint32_t node = open_appendix(lo, flow, appendix,
				      landscape ? 1 : lo->style->page.landscape);
	place_blocks(lo, flow, appendix->blocks, appendix->block_count,
		     appendix->number);
	layout_close_node(lo, node);
	/* Whatever follows is portrait again (or the style's own default). */
	layout_set_landscape(lo, lo->style->page.landscape);
}

/* ---- validation ---- */

/* Geometry is compared with this slack: rounding must not raise alarms. */
#define OUTSIDE_SLACK_PT 0.5
/* Enough to show what is wrong without flooding the terminal. */
#define OUTSIDE_REPORTS_MAX 10

static int box_outside(const struct dl_box *b, double left, double top,
		       double right, double bottom)
{
	double x0 = fmin(b->x_pt, b->x_pt + b->width_pt);
	double x1 = fmax(b->x_pt, b->x_pt + b->width_pt);
	double y0 = fmin(b->y_pt, b->y_pt + b->height_pt);
	double y1 = fmax(b->y_pt, b->y_pt + b->height_pt);
	return x0 < left - OUTSIDE_SLACK_PT || y0 < top - OUTSIDE_SLACK_PT ||
	       x1 > right + OUTSIDE_SLACK_PT || y1 > bottom + OUTSIDE_SLACK_PT;
}

/* Content must stay inside the margins: off the paper is an error (it
 * would be cut), in the margin a warning. Furniture is placed later. */
static void check_printable_area(struct layout *lo)
{
	const struct display_list *list = lo->list;
	const struct style_page *sp = &lo->style->page;
	size_t reports = 0;
	for (size_t p = 0; p < list->page_count; p++) {
		const struct dl_page *page = &list->pages[p];
		for (size_t i = 0; i < page->box_count; i++) {
			const struct dl_box *b = &page->boxes[i];
			if (b->kind == BOX_DEST ||
			    !box_outside(b, sp->margin_left_pt, sp->margin_top_pt,
					 page->width_pt - sp->margin_right_pt,
					 page->height_pt - sp->margin_bottom_pt))
				continue;
			int off_paper = box_outside(b, 0, 0, page->width_pt,
						    page->height_pt);
			/* The nearest node that knows its source line. */
			uint32_t n = b->node;
			while (n && list->nodes[n].pos.line == 0)
				n = list->nodes[n].parent;
			const struct source_pos *pos = &list->nodes[n].pos;
			if (reports++ < OUTSIDE_REPORTS_MAX)
				diag_add(lo->diags,
					 off_paper ? DIAG_ERROR : DIAG_WARNING,
					 lo->doc->path, pos->line, pos->col,
					 "content reaches %s on page %zu",
					 off_paper ? "off the paper" :
						     "into the margin",
					 p + 1);
		}
	}
}

/* The exempt entry for appendix number (0: the whole paper), or NULL. */
static const struct layout_exempt *exempt_part(const struct layout *lo,
					       unsigned number)
{
	for (size_t i = 0; i < lo->options->exempt_count; i++)
		if (lo->options->exempt[i].appendix == number)
			return &lo->options->exempt[i];
	return NULL;
}

static void mark_pages(struct layout *lo, size_t first, size_t end)
{
	MEM_GROW(lo->marked, lo->marked_count, lo->marked_capacity);
	lo->marked[lo->marked_count].first = first;
	lo->marked[lo->marked_count++].end = end;
}

/* In the public pack an exempt appendix is a page saying so: its title
 * stays (the agenda names it), not a word of its content. */
static void place_withheld_appendix(struct layout *lo, struct flow *flow,
				    const struct source_appendix *appendix,
				    const char *paragraph)
{
	/* Links to the appendix land on the page that stands for it. */
	uint32_t node = open_appendix(lo, flow, appendix,
				      lo->style->page.landscape);
	struct source_text text = { 0 };
	char *statement = layout_exempt_statement(lo, "agenda.withheld-appendix",
						    paragraph);
	text.text = statement;
	text.pos = appendix->pos;
	place_paragraph(lo, flow, &text, NULL, NULL, appendix->pos);
	free(statement);
	layout_close_node(lo, node);
}

static void place_appendix_parts(struct layout *lo, struct flow *flow)
{
	const struct source_doc *doc = lo->doc;
	for (size_t i = 0; i < doc->appendix_count; i++) {
		const struct source_appendix *appendix = &doc->appendices[i];
		const struct layout_exempt *exempt =
			exempt_part(lo, appendix->number);
		if (exempt && lo->options->withhold_exempt) {
			place_withheld_appendix(lo, flow, appendix,
						exempt->paragraph);
			continue;
		}
		size_t first = lo->list->page_count;
		place_appendix(lo, flow, appendix);
		if (exempt)
			mark_pages(lo, first, lo->list->page_count);
	}
}

struct layout_paper *layout_paginate(const struct source_doc *doc,
				     const struct style *style,
				     PangoContext *context,
				     const struct layout_options *options,
				     struct diag_list *diags)
{
	static const struct layout_options no_options = { 0 };
	struct layout_paper *paper = mem_alloc(sizeof *paper);
	struct layout *lo = &paper->lo;
	size_t errors_before = diag_count(diags, DIAG_ERROR);
	layout_check_colours(doc, style, diags);
	layout_begin(lo, doc, style, context, options ? options : &no_options,
		     diags);
	struct flow flow = { 0 };
	collect_targets(&flow, doc);
	lo->refs = layout_refs_new(lo);

	layout_new_page(lo);
	layout_cover(lo);
	for (size_t i = 0; i < doc->recommendation_count; i++)
		place_recommendations(lo, &flow, &doc->recommendations[i], i == 0);
	for (size_t i = 0; i < doc->section_count; i++)
		place_section(lo, &flow, &doc->sections[i]);
	place_appendix_parts(lo, &flow);
	free(flow.targets);
	check_printable_area(lo);
	if (exempt_part(lo, 0))
		mark_pages(lo, 0, lo->list->page_count);

	if (diag_count(diags, DIAG_ERROR) > errors_before) {
		layout_paper_free(paper);
		return NULL;
	}
	return paper;
}

size_t layout_paper_page_count(const struct layout_paper *paper)
{
	return paper->lo.list->page_count;
}

struct display_list *layout_paper_finish(struct layout_paper *paper,
					 size_t first_page, size_t total_pages)
{
	struct layout *lo = &paper->lo;
	lo->first_page = first_page;
	lo->total_pages = total_pages;
	layout_furniture(lo);
	set_metadata(lo);
	struct display_list *list = layout_end(lo);
	layout_paper_free(paper);
	return list;
}

void layout_paper_free(struct layout_paper *paper)
{
	if (!paper)
		return;
	if (paper->lo.list)
		layout_abandon(&paper->lo);
	free(paper->lo.marked);
	free(paper->lo.appendix_starts);
	free(paper->owned_doc);
	free(paper);
}

struct display_list *layout_document(const struct source_doc *doc,
				     const struct style *style,
				     PangoContext *context,
				     const struct layout_options *options,
				     struct diag_list *diags)
{
	struct layout_paper *paper =
		layout_paginate(doc, style, context, options, diags);
	return paper ? layout_paper_finish(paper, 1, 0) : NULL;
}
