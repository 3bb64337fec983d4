/* The pagination cursor: the current page, its content area and the
 * cursor's height on it, the current structure parent, and boxes, nodes,
 * destinations and bookmarks added where the cursor is (the first page
 * starts with the first box). The list itself is built by display_list.c. */
#include "layout_internal.h"

#include <string.h>

void layout_begin(struct layout *lo, const struct source_doc *doc,
		  const struct style *style, PangoContext *context,
		  const struct layout_options *options,
		  struct diag_list *diags)
{
	memset(lo, 0, sizeof *lo);
	lo->doc = doc;
	lo->style = style;
	lo->options = options;
	lo->context = context;
	lo->diags = diags;
	lo->landscape = style->page.landscape;
	lo->strong_font = style->table.header_font;
	lo->strong_font.color = style->body.color;
	lo->list = dl_new();
	lo->node = 0; /* the document */
	lo->words = doc ? words_for(doc->lang) : NULL;
	if (!lo->words)
		lo->words = words_default();
}

struct display_list *layout_end(struct layout *lo)
{
	struct display_list *list = lo->list;
	dl_finish(list);
	lo->list = NULL;
	layout_refs_free(lo->refs);
	lo->refs = NULL;
	return list;
}

struct display_list *layout_abandon(struct layout *lo)
{
	dl_free(layout_end(lo));
	return NULL;
}

/* ---- pages ---- */

void layout_page_size(const struct layout *lo, int landscape,
		      double *width_pt, double *height_pt)
{
	double w = lo->style->page.width_pt, h = lo->style->page.height_pt;
	double short_pt = w < h ? w : h, long_pt = w < h ? h : w;
	*width_pt = landscape ? long_pt : short_pt;
	*height_pt = landscape ? short_pt : long_pt;
}

void layout_new_page(struct layout *lo)
{
	double width_pt, height_pt;
	layout_page_size(lo, lo->landscape, &width_pt, &height_pt);
	lo->page = dl_add_page(lo->list, width_pt, height_pt);
	const struct style_page *sp = &lo->style->page;
	lo->top_pt = sp->margin_top_pt;
	lo->bottom_pt = height_pt - sp->margin_bottom_pt;
	lo->left_pt = sp->margin_left_pt;
	lo->right_pt = width_pt - sp->margin_right_pt;
	lo->y_pt = lo->top_pt;
}

void layout_set_landscape(struct layout *lo, int landscape)
{
	lo->landscape = landscape != 0;
}

double layout_space_left(const struct layout *lo)
{
	if (lo->list->page_count == 0)
		return 0;
	return lo->bottom_pt - lo->y_pt;
}

double layout_content_width(const struct layout *lo)
{
	if (lo->list->page_count == 0) {
		double w, h;
		layout_page_size(lo, lo->landscape, &w, &h);
		return w - lo->style->page.margin_left_pt -
		       lo->style->page.margin_right_pt;
	}
	return lo->right_pt - lo->left_pt;
}

/* At the top of a fresh page nothing more is gained by breaking: what does
 * not fit there is split or left to overflow by its caller. */
int layout_at_page_top(const struct layout *lo)
{
	return lo->list->page_count > 0 && lo->y_pt <= lo->top_pt + 0.001;
}

void layout_ensure_space(struct layout *lo, double height_pt)
{
	if (lo->list->page_count == 0) {
		layout_new_page(lo);
		return;
	}
	if (height_pt > layout_space_left(lo) + 0.001 && !layout_at_page_top(lo))
		layout_new_page(lo);
}

void layout_paragraph_gap(struct layout *lo)
{
	lo->y_pt += lo->style->paragraph_gap_pt;
	if (lo->y_pt > lo->bottom_pt)
		lo->y_pt = lo->bottom_pt;
}

/* ---- at the cursor ---- */

/* The current page; the first page starts with the first thing on it. */
static size_t current_page(struct layout *lo)
{
	if (lo->list->page_count == 0)
		layout_new_page(lo);
	return lo->page;
}

uint32_t layout_add_node(struct layout *lo, enum dl_role role,
			 struct source_pos pos)
{
	return dl_add_node(lo->list, role, lo->node, pos);
}

uint32_t layout_open_node(struct layout *lo, enum dl_role role,
			  struct source_pos pos)
{
	uint32_t node = layout_add_node(lo, role, pos);
	lo->node = node;
	return node;
}

void layout_close_node(struct layout *lo, uint32_t node)
{
	if (node < lo->list->node_count)
		lo->node = lo->list->nodes[node].parent;
}

struct dl_box *layout_add_box(struct layout *lo, enum dl_box_kind kind,
			      uint32_t node)
{
	size_t page = current_page(lo);
	return dl_add_box(lo->list, page, kind, node);
}

void layout_add_rect(struct layout *lo, uint32_t node, double x_pt, double y_pt,
		     double width_pt, double height_pt, uint32_t fill,
		     uint32_t stroke, double line_width_pt)
{
	size_t page = current_page(lo);
	dl_add_rect(lo->list, page, node, x_pt, y_pt, width_pt, height_pt,
		    fill, stroke, line_width_pt);
}

void layout_add_rule(struct layout *lo, uint32_t node, double x_pt, double y_pt,
		     double dx_pt, double dy_pt, uint32_t color,
		     double line_width_pt)
{
	size_t page = current_page(lo);
	dl_add_rule(lo->list, page, node, x_pt, y_pt, dx_pt, dy_pt, color,
		    line_width_pt);
}

void layout_add_dest(struct layout *lo, const char *name, double y_pt)
{
	size_t page = current_page(lo);
	dl_add_dest(lo->list, page, lo->node, name, lo->left_pt, y_pt);
}

int layout_add_outline(struct layout *lo, const char *title, int parent,
		       double y_pt)
{
	size_t page = current_page(lo);
	return dl_add_outline(lo->list, title, parent, page, y_pt);
}
