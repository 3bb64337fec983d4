/* Facts every laid-out table must show, shared by the table tests: nothing
 * outside the printable area, no two lines of text on top of each other,
 * and helpers to walk boxes by the structure node they belong to. */
#ifndef TABLE_CHECKS_H
#define TABLE_CHECKS_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout_internal.h"

#define CHECK_EPSILON_PT 0.01

/* Every box lies within its page's margins. */
__attribute__((unused)) static int table_boxes_inside(const struct display_list *list,
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
__attribute__((unused)) static int table_text_disjoint(const struct display_list *list)
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
__attribute__((unused)) static int node_within(const struct display_list *list, uint32_t descendant,
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
__attribute__((unused)) static char *node_text_squeezed(const struct display_list *list, uint32_t node,
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

__attribute__((unused)) static char *squeeze(const char *text)
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
__attribute__((unused)) static double page_table_top(const struct display_list *list, size_t p,
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

/* The n-th cell (TH or TD) of the row whose source line is line. */
__attribute__((unused)) static uint32_t row_cell(const struct display_list *list, uint32_t line,
			 size_t n)
{
	for (size_t r = 0; r < list->node_count; r++) {
		if (list->nodes[r].role != ROLE_TABLE_ROW ||
		    list->nodes[r].pos.line != line)
			continue;
		size_t seen = 0;
		for (size_t c = r + 1; c < list->node_count; c++) {
			const struct dl_node *node = &list->nodes[c];
			if (node->parent != r)
				continue;
			if (node->role != ROLE_TABLE_HEADER &&
			    node->role != ROLE_TABLE_CELL)
				continue;
			if (seen++ == n)
				return (uint32_t)c;
		}
	}
	return 0;
}

/* Fill of the first rect of node and the text and colour of its first line. */
__attribute__((unused)) static void cell_look(const struct display_list *list, uint32_t node,
		      uint32_t *fill, const char **text, uint32_t *color)
{
	*fill = DL_NO_COLOR;
	*text = NULL;
	*color = DL_NO_COLOR;
	int rect_seen = 0;
	for (size_t p = 0; p < list->page_count; p++) {
		const struct dl_page *page = &list->pages[p];
		for (size_t i = 0; i < page->box_count; i++) {
			const struct dl_box *b = &page->boxes[i];
			if (b->node != node)
				continue;
			if (b->kind == BOX_RECT && !rect_seen) {
				*fill = b->fill;
				rect_seen = 1;
			}
			if (b->kind == BOX_TEXT && !*text) {
				*text = b->u.text.text;
				if (b->u.text.run_count)
					*color = b->u.text.runs[0].color;
			}
		}
	}
}

__attribute__((unused)) static uint32_t table_node_of(const struct display_list *list, uint32_t cell)
{
	uint32_t n = cell;
	while (n && list->nodes[n].role != ROLE_TABLE)
		n = list->nodes[n].parent;
	return n;
}

__attribute__((unused)) static void check_header_on_every_page(const struct display_list *list,
				       uint32_t table, size_t first_page,
				       const char *first_title)
{
	for (size_t p = first_page; p < list->page_count; p++) {
		enum dl_role role = ROLE_DOCUMENT;
		const char *text = NULL;
		page_table_top(list, p, table, &role, &text);
		if (!text)
			continue; /* the table ended on the page before */
		assert_string_equal(text, first_title);
		assert_int_equal(role, p == first_page ? ROLE_TABLE_HEADER
						       : ROLE_ARTIFACT);
	}
}

/* The lowest row of table on page p (the parent of its lowest cell): 1 and
 * *row, or 0 when no cell of table is on the page. */
__attribute__((unused)) static int lowest_row_of_page(const struct display_list *list,
						      size_t p, uint32_t table,
						      uint32_t *row)
{
	const struct dl_page *page = &list->pages[p];
	double lowest = -1;
	for (size_t i = 0; i < page->box_count; i++) {
		const struct dl_box *b = &page->boxes[i];
		if (b->kind != BOX_RECT || !node_within(list, b->node, table))
			continue;
		const struct dl_node *n = &list->nodes[b->node];
		if (n->role != ROLE_TABLE_CELL && n->role != ROLE_TABLE_HEADER)
			continue;
		if (b->y_pt + b->height_pt > lowest + CHECK_EPSILON_PT) {
			lowest = b->y_pt + b->height_pt;
			*row = n->parent;
		}
	}
	return lowest >= 0;
}

/* Pages whose lowest row of table is a full-width (one cell) row. */
__attribute__((unused)) static size_t pages_ending_with_span_row(const struct display_list *list,
					 uint32_t table)
{
	size_t count = 0;
	for (size_t p = 0; p < list->page_count; p++) {
		uint32_t row = 0;
		if (!lowest_row_of_page(list, p, table, &row))
			continue;
		size_t cells = 0;
		for (size_t n = row + 1; n < list->node_count; n++)
			cells += list->nodes[n].parent == row;
		if (cells == 1)
			count++;
	}
	return count;
}

/* Lines (distinct tops of text boxes) of node on page p. */
__attribute__((unused)) static size_t node_lines_on_page(const struct display_list *list,
							 size_t p, uint32_t node)
{
	const struct dl_page *page = &list->pages[p];
	double tops[512];
	size_t count = 0;
	for (size_t i = 0; i < page->box_count; i++) {
		const struct dl_box *b = &page->boxes[i];
		if (b->kind != BOX_TEXT || b->node != node)
			continue;
		size_t t = 0;
		while (t < count && fabs(tops[t] - b->y_pt) > 0.5)
			t++;
		if (t == count && count < sizeof tops / sizeof tops[0])
			tops[count++] = b->y_pt;
	}
	return count;
}

/* Every row of table split over pages keeps at least two lines of each
 * of its cells on each page the cell reaches, and no cell begins on a
 * later page than its row (a cell never left wholly to the continuation).
 * Fails the test otherwise; returns how many rows are split. */
__attribute__((unused)) static size_t check_splits_keep_two_lines(
	const struct display_list *list, uint32_t table, const char *what)
{
	size_t split_rows = 0;
	for (uint32_t r = 0; r < list->node_count; r++) {
		if (list->nodes[r].role != ROLE_TABLE_ROW || !node_within(list, r, table))
			continue;
		size_t row_first = list->page_count, row_pages = 0;
		for (size_t p = 0; p < list->page_count; p++) {
			size_t lines = 0;
			for (uint32_t c = r + 1; c < list->node_count; c++)
				if (list->nodes[c].parent == r)
					lines += node_lines_on_page(list, p, c);
			if (lines && row_first == list->page_count)
				row_first = p;
			row_pages += lines > 0;
		}
		if (row_pages < 2)
			continue;
		split_rows++;
		for (uint32_t c = r + 1; c < list->node_count; c++) {
			if (list->nodes[c].parent != r)
				continue;
			size_t cell_first = list->page_count, cell_pages = 0;
			for (size_t p = 0; p < list->page_count; p++)
				if (node_lines_on_page(list, p, c)) {
					cell_first = cell_first < p ? cell_first : p;
					cell_pages++;
				}
			if (cell_pages == 0)
				continue;
			if (cell_first != row_first)
				fail_msg("%s: a cell of the row of line %u begins on page "
					 "%zu, after its row", what,
					 list->nodes[r].pos.line, cell_first + 1);
			for (size_t p = 0; cell_pages > 1 && p < list->page_count; p++) {
				size_t lines = node_lines_on_page(list, p, c);
				if (lines == 1)
					fail_msg("%s: the row of line %u leaves one line of a "
						 "cell on page %zu", what,
						 list->nodes[r].pos.line, p + 1);
			}
		}
	}
	return split_rows;
}

/* words of filler text, numbered so that lost or repeated text shows.
 * Caller frees. */
__attribute__((unused)) static char *filler(size_t words, size_t seed)
{
	static const char *const vocabulary[] = {
		"council", "evidence", "review", "budget", "scrutiny",
		"members", "assurance", "framework", "quarterly", "report",
	};
	size_t cap = words * 16 + 1, len = 0;
	char *out = malloc(cap);
	out[0] = '\0';
	for (size_t w = 0; w < words; w++)
		len += (size_t)snprintf(out + len, cap - len, "%s%s%zu",
					w ? " " : "",
					vocabulary[(w + seed) % 10], w);
	return out;
}

__attribute__((unused)) static size_t first_page_of(const struct display_list *list, uint32_t node)
{
	for (size_t p = 0; p < list->page_count; p++)
		for (size_t i = 0; i < list->pages[p].box_count; i++)
			if (node_within(list, list->pages[p].boxes[i].node, node))
				return p;
	return list->page_count;
}

#endif
