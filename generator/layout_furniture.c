/* Page furniture, added once the page count is known: the running header
 * and footer from the house style's templates, and on drafts a diagonal
 * "DRAFT" under everything else (on a reports pack's exempt pages "NOT FOR
 * PUBLICATION" instead). All of it is artifact, outside the
 * structure tree, and follows each page's own size. */
#include "layout_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WATERMARK_COLOR 0xE0E0E0u
/* Share of the page's diagonal the watermark spans. */
#define WATERMARK_SPAN 0.6
/* Room between footer parts. */
#define FURNITURE_GAP_PT 12

/* Where set_fields puts the fields that change from page to page. */
enum { FIELD_PAGE_OF_PAGES = 8, FIELD_PAGE_LABEL = 10 };

struct furniture {
	struct style_field fields[12];
	char page[24], pages[24];
	char *page_of_pages;       /* "Page 3 of 7", per page */
	char *page_label;          /* "5", or "A2-1" on an appendix's first
	                              page when appendices count their own */
	int appendix_numbering;    /* the house style prints {page-label} */
	const char *marking_notice;/* "This report is PUBLIC" */
	int draft;
};

static void set_fields(struct layout *lo, struct furniture *f)
{
	const struct source_cover *cover = &lo->doc->cover;
	/* In the reports pack the pages count through the pack. */
	snprintf(f->pages, sizeof f->pages, "%zu",
		 lo->total_pages ? lo->total_pages : lo->list->page_count);
	const struct words_field marking[] = {
		{ "marking", cover->marking ? cover->marking : "" }, { NULL, NULL },
	};
	f->marking_notice = layout_format_kept(lo, "furniture.marking-notice",
					       marking);
	struct style_field fields[] = {
		{ "marking", cover->marking ? cover->marking : "" },
		{ "committee", cover->committee ? cover->committee : "" },
		{ "meeting-date", layout_date_text(lo, cover->meeting_date) },
		{ "page", f->page },
		{ "pages", f->pages },
		{ "agenda-item", layout_agenda_item_text(lo) },
		{ "title", cover->title ? cover->title : "" },
		{ "status", layout_word(lo, f->draft ? "furniture.draft" :
						       "furniture.final") },
		{ "page-of-pages", "" }, /* set per page */
		{ "marking-notice", f->marking_notice },
		{ "page-label", "" },    /* set per page */
		{ NULL, NULL },
	};
	memcpy(f->fields, fields, sizeof fields);
}

static int prints_page_label(const struct style *style)
{
	const char *templates[] = {
		style->header_left, style->header_right, style->footer_left,
		style->footer_center, style->footer_right,
	};
	for (size_t i = 0; i < G_N_ELEMENTS(templates); i++)
		if (templates[i] && strstr(templates[i], "{page-label}"))
			return 1;
	return 0;
}

/* "A2-" for appendix 2: its pages' label prefix. Caller frees. */
static char *appendix_prefix(struct layout *lo, unsigned number)
{
	char text[16];
	snprintf(text, sizeof text, "%u", number);
	const struct words_field fields[] = { { "number", text }, { NULL, NULL } };
	return layout_format(lo, "furniture.appendix-page-prefix", fields);
}

/* The appendix page p belongs to, or NULL before the first. */
static const struct layout_appendix_start *appendix_of(const struct layout *lo,
						      size_t p)
{
	const struct layout_appendix_start *found = NULL;
	for (size_t i = 0; i < lo->appendix_start_count; i++)
		if (lo->appendix_starts[i].page <= p)
			found = &lo->appendix_starts[i];
	return found;
}

/* Page p's label, as the PDF's page labels give it: its number, or when
 * the house style numbers each appendix on its own, "A2-1" on the first
 * page of Appendix 2. A reports pack counts through the pack. */
static char *page_label(struct layout *lo, const struct furniture *f, size_t p)
{
	const struct layout_appendix_start *appendix =
		f->appendix_numbering ? appendix_of(lo, p) : NULL;
	if (!appendix)
		return mem_strdup(f->page);
	char *prefix = appendix_prefix(lo, appendix->number);
	char *label = mem_printf("%s%zu", prefix, p - appendix->page + 1);
	free(prefix);
	return label;
}

/* The PDF's page labels say what the footers print. */
static void set_page_labels(struct layout *lo, const struct furniture *f)
{
	if (!lo->list->page_count)
		return;
	dl_set_page_label(lo->list, 0, NULL,
			  lo->first_page ? (unsigned)lo->first_page : 1);
	for (size_t i = 0; f->appendix_numbering && i < lo->appendix_start_count;
	     i++) {
		char *prefix = appendix_prefix(lo, lo->appendix_starts[i].number);
		dl_set_page_label(lo->list, lo->appendix_starts[i].page, prefix, 1);
		free(prefix);
	}
}

/* Page geometry of page p in lo, as layout_new_page sets it. */
static void use_page(struct layout *lo, size_t p)
{
	const struct dl_page *page = &lo->list->pages[p];
	const struct style_page *sp = &lo->style->page;
	lo->page = p;
	lo->top_pt = sp->margin_top_pt;
	lo->bottom_pt = page->height_pt - sp->margin_bottom_pt;
	lo->left_pt = sp->margin_left_pt;
	lo->right_pt = page->width_pt - sp->margin_right_pt;
}

/* Expanded template measured at width_pt; NULL when it comes out empty. */
static struct layout_lines *measure_template(struct layout *lo,
					     const struct furniture *f,
					     const char *template_text,
					     const struct style_font *font,
					     double width_pt,
					     enum layout_align align,
					     const char *prefix)
{
	char *text = style_expand(template_text ? template_text : "", f->fields);
	if (prefix) {
		char *joined = text[0] ? mem_printf("%s \xE2\x80\x93 %s", prefix, text) :
					 mem_strdup(prefix);
		free(text);
		text = joined;
	}
	struct layout_lines *lines = NULL;
	if (text[0])
		lines = layout_measure_plain(lo, text, font, width_pt, align);
	free(text);
	return lines;
}

static void place(struct layout *lo, struct layout_lines *lines, double x_pt,
		  double y_pt, uint32_t node)
{
	if (!lines)
		return;
	layout_place_lines(lo, lines, 0, lines->line_count, x_pt, y_pt, node);
	layout_lines_free(lines);
}

static double height_of(const struct layout_lines *lines)
{
	return lines ? lines->height_pt : 0;
}

static int page_marked(const struct layout *lo, size_t p)
{
	for (size_t i = 0; i < lo->marked_count; i++)
		if (p >= lo->marked[i].first && p < lo->marked[i].end)
			return 1;
	return 0;
}

static void place_header(struct layout *lo, const struct furniture *f,
			 uint32_t node)
{
	const struct style_font *font = &lo->style->header_font;
	/* A logo takes the header's right end; the text keeps the rest. */
	double logo_pt = layout_logo_header(lo, node);
	double right_end_pt = lo->right_pt - (logo_pt > 0 ? logo_pt + FURNITURE_GAP_PT : 0);
	double width_pt = right_end_pt - lo->left_pt;
	struct layout_lines *right = measure_template(
		lo, f, lo->style->header_right, font, width_pt / 2, ALIGN_RIGHT,
		NULL);
	double right_pt = right ? right->width_pt + FURNITURE_GAP_PT : 0;
	struct layout_lines *left = measure_template(
		lo, f, lo->style->header_left, font, width_pt - right_pt,
		ALIGN_LEFT, page_marked(lo, lo->page) ?
			layout_word(lo, "furniture.not-for-publication") : NULL);
	double height_pt = fmax(height_of(left), height_of(right));
	/* Above the content, in the top margin, never off the page. */
	double y_pt = fmax(lo->top_pt * 0.6 - height_pt, 2);
	place(lo, left, lo->left_pt, y_pt, node);
	place(lo, right, right_end_pt - width_pt / 2, y_pt, node);
}

static void place_footer(struct layout *lo, const struct furniture *f,
			 uint32_t node)
{
	const struct style_font *font = &lo->style->footer_font;
	double width_pt = lo->right_pt - lo->left_pt;
	char *draft_note = NULL;
	if (f->draft) {
		const struct words_field time[] = {
			{ "time", lo->options ? lo->options->build_time : NULL },
			{ NULL, NULL },
		};
		draft_note = lo->options && lo->options->build_time ?
				     layout_format(lo, "furniture.draft-note", time) :
				     mem_strdup(layout_word(lo, "furniture.watermark"));
	}
	struct layout_lines *right = measure_template(
		lo, f, lo->style->footer_right, font, width_pt * 0.3, ALIGN_RIGHT,
		NULL);
	struct layout_lines *center = measure_template(
		lo, f, lo->style->footer_center, font, width_pt * 0.4,
		ALIGN_CENTER, draft_note);
	free(draft_note);
	/* The left part takes what the others leave: up to the centre part,
	 * or up to the right part when there is no centre. */
	double left_width_pt = width_pt - FURNITURE_GAP_PT;
	if (right)
		left_width_pt = width_pt - right->width_pt - FURNITURE_GAP_PT;
	if (center)
		left_width_pt = fmin(left_width_pt,
				     (width_pt - center->width_pt) / 2 -
					     FURNITURE_GAP_PT);
	struct layout_lines *left = measure_template(
		lo, f, lo->style->footer_left, font, fmax(left_width_pt, 1),
		ALIGN_LEFT, NULL);
	double page_height_pt = lo->list->pages[lo->page].height_pt;
	double height_pt = fmax(height_of(left),
				fmax(height_of(center), height_of(right)));
	double margin_pt = page_height_pt - lo->bottom_pt;
	double y_pt = lo->bottom_pt + margin_pt * 0.35;
	if (y_pt + height_pt > page_height_pt - 2)
		y_pt = fmax(lo->bottom_pt, page_height_pt - 2 - height_pt);
	place(lo, left, lo->left_pt, y_pt, node);
	place(lo, center, lo->left_pt + width_pt * 0.3, y_pt, node);
	place(lo, right, lo->right_pt - width_pt * 0.3, y_pt, node);
}

/* Move the page's last box to the front: drawn first, under the content. */
static void move_last_box_first(struct dl_page *page)
{
	if (page->box_count < 2)
		return;
	struct dl_box last = page->boxes[page->box_count - 1];
	memmove(page->boxes + 1, page->boxes,
		(page->box_count - 1) * sizeof *page->boxes);
	page->boxes[0] = last;
}

/* A word ("DRAFT") along the page's rising diagonal, centred, about
 * WATERMARK_SPAN of the diagonal long; rotated about its box's top left. */
static void place_watermark(struct layout *lo, uint32_t node,
			    const char *watermark)
{
	const struct dl_page *page = &lo->list->pages[lo->page];
	double diagonal_pt = hypot(page->width_pt, page->height_pt);
	double angle = -atan2(page->height_pt, page->width_pt);
	struct style_font font = lo->style->body;
	font.bold = 1;
	font.italic = 0;
	font.color = WATERMARK_COLOR;
	font.size_pt = 100;
	/* Measured on one line however long the word: at 100 points "NOT FOR
	 * PUBLICATION" is wider than the diagonal and would wrap. */
	struct layout_lines *probe = layout_measure_plain(
		lo, watermark, &font, 100 * diagonal_pt, ALIGN_LEFT);
	if (probe->width_pt > 0)
		font.size_pt = 100 * diagonal_pt * WATERMARK_SPAN / probe->width_pt;
	layout_lines_free(probe);
	struct layout_lines *lines = layout_measure_plain(
		lo, watermark, &font, diagonal_pt, ALIGN_LEFT);
	double w = lines->width_pt, h = lines->height_pt;
	/* Top left such that the rotated box's centre is the page's. */
	double cx = page->width_pt / 2, cy = page->height_pt / 2;
	double x_pt = cx - (cos(angle) * w / 2 - sin(angle) * h / 2);
	double y_pt = cy - (sin(angle) * w / 2 + cos(angle) * h / 2);
	struct dl_page *mutable_page = &lo->list->pages[lo->page];
	size_t before = mutable_page->box_count;
	layout_place_lines(lo, lines, 0, lines->line_count, x_pt, y_pt, node);
	layout_lines_free(lines);
	if (mutable_page->box_count == before + 1) {
		struct dl_box *box = &mutable_page->boxes[before];
		/* The measured line sits at the box's own x; the rotation is
		 * about the line's top left, so pin it there. */
		box->x_pt = x_pt;
		box->width_pt = w;
		box->u.text.angle_deg = angle * 180 / M_PI;
		move_last_box_first(mutable_page);
	}
}

void layout_furniture(struct layout *lo)
{
	struct furniture f;
	memset(&f, 0, sizeof f);
	f.draft = (lo->doc && lo->doc->status == STATUS_DRAFT) ||
		  (lo->options && lo->options->draft);
	set_fields(lo, &f);
	f.appendix_numbering = prints_page_label(lo->style) && !lo->total_pages;
	set_page_labels(lo, &f);
	uint32_t saved_node = lo->node;
	struct source_pos pos = { 0, 0 };
	for (size_t p = 0; p < lo->list->page_count; p++) {
		use_page(lo, p);
		snprintf(f.page, sizeof f.page, "%zu",
			 (lo->first_page ? lo->first_page : 1) + p);
		const struct words_field numbers[] = {
			{ "page", f.page }, { "pages", f.pages }, { NULL, NULL },
		};
		free(f.page_of_pages);
		f.page_of_pages = layout_format(lo, "furniture.page-of-pages", numbers);
		f.fields[FIELD_PAGE_OF_PAGES].value = f.page_of_pages;
		free(f.page_label);
		f.page_label = page_label(lo, &f, p);
		f.fields[FIELD_PAGE_LABEL].value = f.page_label;
		lo->node = 0;
		uint32_t node = layout_add_node(lo, ROLE_ARTIFACT, pos);
		/* An exempt page says so across it too, as members' packs
		 * are marked: a page printed alone still carries it. */
		if (page_marked(lo, p))
			place_watermark(lo, node, layout_word(
				lo, "furniture.not-for-publication"));
		else if (f.draft)
			place_watermark(lo, node,
					layout_word(lo, "furniture.watermark"));
		place_header(lo, &f, node);
		place_footer(lo, &f, node);
	}
	free(f.page_of_pages);
	free(f.page_label);
	lo->node = saved_node;
}
