/* Checks any laid-out paper must pass, shared by the layout tests: boxes
 * inside the printable area, no text on text, "Page X of Y" on every page,
 * no heading last on a page, the draft watermark on every page of a draft
 * and nowhere on a final. Each test takes a struct fixture as its state. */
#ifndef LAYOUT_CHECKS_H
#define LAYOUT_CHECKS_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "fonts.h"
#include "layout_doc_fixture.h"
#include "layout_fixture.h"

#define SLACK_PT 0.01

struct fixture {
	PangoContext *context;
	struct fonts *fonts;          /* real fonts, or NULL with the test context */
	struct style style_in_code;
	struct style *loaded_style;   /* a shipped house style, or NULL */
	const struct style *style_used;
	struct style style;           /* a copy of the one in use, for geometry */
	struct diag_list diags;
	struct doc_fixture doc;       /* the paper built in code … */
	struct source_doc *loaded;    /* … or one loaded from a sample */
	struct display_list *list;
};

static inline enum dl_role box_role(const struct display_list *list,
			     const struct dl_box *b)
{
	return list->nodes[b->node].role;
}

static inline int is_artifact(const struct display_list *list, const struct dl_box *b)
{
	return box_role(list, b) == ROLE_ARTIFACT;
}

static inline const struct dl_box *find_text(const struct display_list *list,
				      const char *text, size_t *page)
{
	for (size_t p = 0; p < list->page_count; p++)
		for (size_t i = 0; i < list->pages[p].box_count; i++) {
			const struct dl_box *b = &list->pages[p].boxes[i];
			if (b->kind == BOX_TEXT && strcmp(b->u.text.text, text) == 0) {
				if (page)
					*page = p;
				return b;
			}
		}
	return NULL;
}

static inline void test_inside_printable_area(void **state)
{
	struct fixture *f = *state;
	const struct style_page *m = &f->style.page;
	assert_true(f->list->page_count >= 4);
	for (size_t p = 0; p < f->list->page_count; p++) {
		const struct dl_page *page = &f->list->pages[p];
		for (size_t i = 0; i < page->box_count; i++) {
			const struct dl_box *b = &page->boxes[i];
			if (b->kind == BOX_TEXT && b->u.text.angle_deg != 0)
				continue; /* the watermark has its own test */
			double x0 = b->x_pt, y0 = b->y_pt;
			double x1 = x0 + b->width_pt, y1 = y0 + b->height_pt;
			/* Page furniture: artifacts straight under the document
			 * (repeated table headers are artifacts inside tables). */
			if (is_artifact(f->list, b) && f->list->nodes[b->node].parent == 0) {
				assert_true(x0 >= -SLACK_PT && y0 >= -SLACK_PT);
				assert_true(x1 <= page->width_pt + SLACK_PT);
				assert_true(y1 <= page->height_pt + SLACK_PT);
				/* Furniture stays out of the content area. */
				assert_true(y1 <= m->margin_top_pt + SLACK_PT ||
					    y0 >= page->height_pt - m->margin_bottom_pt - SLACK_PT);
				continue;
			}
			assert_true(x0 >= m->margin_left_pt - SLACK_PT);
			assert_true(y0 >= m->margin_top_pt - SLACK_PT);
			assert_true(x1 <= page->width_pt - m->margin_right_pt + SLACK_PT);
			assert_true(y1 <= page->height_pt - m->margin_bottom_pt + SLACK_PT);
		}
	}
}

static inline int overlap(const struct dl_box *a, const struct dl_box *b)
{
	return a->x_pt < b->x_pt + b->width_pt - SLACK_PT &&
	       b->x_pt < a->x_pt + a->width_pt - SLACK_PT &&
	       a->y_pt < b->y_pt + b->height_pt - SLACK_PT &&
	       b->y_pt < a->y_pt + a->height_pt - SLACK_PT;
}

static inline void test_text_boxes_do_not_overlap(void **state)
{
	struct fixture *f = *state;
	for (size_t p = 0; p < f->list->page_count; p++) {
		const struct dl_page *page = &f->list->pages[p];
		for (size_t i = 0; i < page->box_count; i++) {
			const struct dl_box *a = &page->boxes[i];
			if (a->kind != BOX_TEXT || a->u.text.angle_deg != 0)
				continue;
			for (size_t j = i + 1; j < page->box_count; j++) {
				const struct dl_box *b = &page->boxes[j];
				if (b->kind != BOX_TEXT || b->u.text.angle_deg != 0)
					continue;
				if (overlap(a, b))
					fail_msg("page %zu: \"%s\" overlaps \"%s\"", p + 1,
						 a->u.text.text, b->u.text.text);
			}
		}
	}
}

static inline void test_page_x_of_y(void **state)
{
	struct fixture *f = *state;
	size_t pages = f->list->page_count;
	for (size_t p = 0; p < pages; p++) {
		char expected[64];
		snprintf(expected, sizeof expected, "Page %zu of %zu", p + 1, pages);
		size_t found_page = SIZE_MAX;
		const struct dl_box *b = find_text(f->list, expected, &found_page);
		assert_non_null(b);
		assert_int_equal(found_page, p);
		assert_int_equal(box_role(f->list, b), ROLE_ARTIFACT);
		/* Right-aligned at the right margin of this page's own width. */
		double right = f->list->pages[p].width_pt - f->style.page.margin_right_pt;
		assert_true(fabs(b->x_pt + b->width_pt - right) < 0.5);
	}
	char beyond[64];
	snprintf(beyond, sizeof beyond, "Page %zu of %zu", pages + 1, pages);
	assert_null(find_text(f->list, beyond, NULL));
	/* The meeting date is written out in the footer. */
	assert_non_null(find_text(f->list,
				  "Governance and Ethics Committee 22 February 2024",
				  NULL));
}

/* Whether the topmost content line of page p is a heading's. */
static inline int next_page_opens_with_heading(const struct display_list *list,
					       size_t p)
{
	const struct dl_page *page = &list->pages[p];
	const struct dl_box *top = NULL;
	for (size_t i = 0; i < page->box_count; i++) {
		const struct dl_box *b = &page->boxes[i];
		if (b->kind != BOX_TEXT || box_role(list, b) == ROLE_ARTIFACT)
			continue;
		if (!top || b->y_pt < top->y_pt)
			top = b;
	}
	return top && box_role(list, top) == ROLE_HEADING;
}

static inline void test_headings_never_last_on_page(void **state)
{
	struct fixture *f = *state;
	int headings = 0;
	for (size_t p = 0; p < f->list->page_count; p++) {
		const struct dl_page *page = &f->list->pages[p];
		for (size_t i = 0; i < page->box_count; i++) {
			const struct dl_box *h = &page->boxes[i];
			if (h->kind != BOX_TEXT || box_role(f->list, h) != ROLE_HEADING)
				continue;
			headings++;
			int lines_below = 0;
			for (size_t j = 0; j < page->box_count; j++) {
				const struct dl_box *b = &page->boxes[j];
				enum dl_role r = box_role(f->list, b);
				if (b->kind == BOX_TEXT && r != ROLE_HEADING &&
				    r != ROLE_ARTIFACT && b->y_pt > h->y_pt)
					lines_below++;
			}
			/* One line is enough when the part ends there: the
			 * next page then opens with a heading of its own. */
			if (lines_below == 1 && p + 1 < f->list->page_count &&
			    next_page_opens_with_heading(f->list, p + 1))
				continue;
			if (lines_below < 2 && p + 1 < f->list->page_count)
				fail_msg("heading \"%s\" is last on page %zu",
					 h->u.text.text, p + 1);
			assert_true(lines_below >= 1);
		}
	}
	assert_true(headings >= 7);
}

static inline int has_watermark_first(const struct dl_page *page)
{
	if (!page->box_count)
		return 0;
	const struct dl_box *b = &page->boxes[0];
	return b->kind == BOX_TEXT && strcmp(b->u.text.text, "DRAFT") == 0 &&
	       b->u.text.angle_deg != 0;
}

static inline void test_draft_watermark(void **state)
{
	struct fixture *f = *state;
	for (size_t p = 0; p < f->list->page_count; p++) {
		const struct dl_page *page = &f->list->pages[p];
		assert_true(has_watermark_first(page));
		const struct dl_box *b = &page->boxes[0];
		assert_int_equal(box_role(f->list, b), ROLE_ARTIFACT);
		/* All four corners of the rotated box stay on the page. */
		double a = b->u.text.angle_deg * M_PI / 180;
		double xs[4] = { 0, b->width_pt, 0, b->width_pt };
		double ys[4] = { 0, 0, b->height_pt, b->height_pt };
		for (int c = 0; c < 4; c++) {
			double x = b->x_pt + xs[c] * cos(a) - ys[c] * sin(a);
			double y = b->y_pt + xs[c] * sin(a) + ys[c] * cos(a);
			assert_true(x >= 0 && x <= page->width_pt);
			assert_true(y >= 0 && y <= page->height_pt);
		}
		assert_true(b->width_pt > page->width_pt * 0.4);
	}
	assert_non_null(find_text(f->list, "DRAFT 2024-02-20 10:15", NULL));
}

static inline void test_final_has_no_watermark(void **state)
{
	struct fixture *f = *state;
	for (size_t p = 0; p < f->list->page_count; p++) {
		const struct dl_page *page = &f->list->pages[p];
		assert_false(has_watermark_first(page));
		for (size_t i = 0; i < page->box_count; i++)
			if (page->boxes[i].kind == BOX_TEXT)
				assert_true(page->boxes[i].u.text.angle_deg == 0);
	}
	assert_null(find_text(f->list, "DRAFT", NULL));
}

#endif
