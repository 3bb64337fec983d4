/* Facts every laid-out table must show, shared by the table tests: nothing
 * outside the printable area, no two lines of text on top of each other,
 * and helpers to walk boxes by the structure node they belong to. */
#ifndef TABLE_CHECKS_H
#define TABLE_CHECKS_H

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout_internal.h"

#define CHECK_EPSILON_PT 0.01

/* Every box lies within its page's margins. */
static int table_boxes_inside(const struct display_list *list,
			      const struct style *style)
{
	const struct style_page *sp = &style->page;
	for (size_t p = 0; p < list->page_count; p++) {
		const struct dl_page *page = &list->pages[p];
		double left = sp->margin_left_pt - CHECK_EPSILON_PT;
		double right = page->width_pt - sp->margin_right_pt + CHECK_EPSILON_PT;
		double top = sp->margin_top_pt - CHECK_EPSILON_PT;
		double bottom = page->height_pt - sp->margin_bottom_pt + CHECK_EPSILON_PT;
		for (size_t i = 0; i < page->box_count; i++) {
			const struct dl_box *b = &page->boxes[i];
			if (b->kind == BOX_DEST)
				continue;
			if (b->x_pt < left || b->x_pt + b->width_pt > right ||
			    b->y_pt < top || b->y_pt + b->height_pt > bottom)
				return 0;
		}
	}
	return 1;
}

/* No two text boxes of a page overlap (touching edges is fine). */
static int table_text_disjoint(const struct display_list *list)
{
	for (size_t p = 0; p < list->page_count; p++) {
		const struct dl_page *page = &list->pages[p];
		for (size_t i = 0; i < page->box_count; i++) {
			const struct dl_box *a = &page->boxes[i];
			if (a->kind != BOX_TEXT)
				continue;
			for (size_t j = i + 1; j < page->box_count; j++) {
				const struct dl_box *b = &page->boxes[j];
				if (b->kind != BOX_TEXT)
					continue;
				double w = fmin(a->x_pt + a->width_pt, b->x_pt + b->width_pt) -
					   fmax(a->x_pt, b->x_pt);
				double h = fmin(a->y_pt + a->height_pt, b->y_pt + b->height_pt) -
					   fmax(a->y_pt, b->y_pt);
				if (w > CHECK_EPSILON_PT && h > CHECK_EPSILON_PT)
					return 0;
			}
		}
	}
	return 1;
}

/* 1 when node is ancestor or equal to descendant. */
static int node_within(const struct display_list *list, uint32_t descendant,
		       uint32_t ancestor)
{
	for (uint32_t n = descendant;; n = list->nodes[n].parent) {
		if (n == ancestor)
			return 1;
		if (n == 0)
			return 0;
	}
}

/* Text of every text box of node (or its descendants), in page and drawing
 * order, with all white space removed: what lines were broken at is gone,
 * every other byte must survive. Caller frees. */
static char *node_text_squeezed(const struct display_list *list, uint32_t node,
				size_t *pages_spanned)
{
	size_t cap = 64, len = 0;
	char *out = calloc(1, cap);
	size_t spanned = 0;
	for (size_t p = 0; p < list->page_count; p++) {
		const struct dl_page *page = &list->pages[p];
		int on_page = 0;
		for (size_t i = 0; i < page->box_count; i++) {
			const struct dl_box *b = &page->boxes[i];
			if (b->kind != BOX_TEXT || !node_within(list, b->node, node))
				continue;
			on_page = 1;
			for (const char *c = b->u.text.text; *c; c++) {
				if (*c == ' ' || *c == '\n' || *c == '\t')
					continue;
				if (len + 2 > cap)
					out = realloc(out, cap *= 2);
				out[len++] = *c;
			}
		}
		spanned += on_page;
	}
	out[len] = '\0';
	if (pages_spanned)
		*pages_spanned = spanned;
	return out;
}

static char *squeeze(const char *text)
{
	char *out = malloc(strlen(text) + 1);
	size_t len = 0;
	for (const char *c = text; *c; c++)
		if (*c != ' ' && *c != '\n' && *c != '\t')
			out[len++] = *c;
	out[len] = '\0';
	return out;
}

/* Topmost y of the text boxes of a page that belong to the table, and the
 * role of the node of the first such box found at that height. */
static double page_table_top(const struct display_list *list, size_t p,
			     uint32_t table, enum dl_role *role,
			     const char **text)
{
	const struct dl_page *page = &list->pages[p];
	double top = 1e9;
	for (size_t i = 0; i < page->box_count; i++) {
		const struct dl_box *b = &page->boxes[i];
		if (b->kind != BOX_TEXT || !node_within(list, b->node, table))
			continue;
		if (b->y_pt < top - CHECK_EPSILON_PT) {
			top = b->y_pt;
			*role = list->nodes[b->node].role;
			*text = b->u.text.text;
		}
	}
	return top;
}

#endif
