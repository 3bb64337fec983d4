/* Pages, structure nodes, boxes, destinations, the outline and the font
 * table of a display list under construction. Strings, glyphs, runs and
 * the small arrays live in the list's arena. The page being filled
 * collects its boxes in one reused array and moves them, at their exact
 * size plus room for the furniture, into an array of their own when the
 * next page starts: growing every page's array would churn the heap the
 * measuring needs, and arena blocks would waste their tails on arrays this
 * size. Those arrays and the nodes (grown with realloc, trimmed at the
 * end) are freed by display_list_free, as struct dl_private says. */
#include "layout_internal.h"

#include <stdlib.h>
#include <string.h>

/* What display_list_free must know about a list layout made. */
struct dl_private {
	int heap_nodes;   /* the nodes and each page's boxes were malloc'd */
};

/* Boxes a finished page keeps room for: header, footer parts, watermark. */
#define FURNITURE_ROOM 6

struct layout_private {
	struct dl_box *scratch;  /* boxes of the open page */
	size_t scratch_capacity;
	size_t open_page;        /* page whose boxes are in scratch, or SIZE_MAX */
	size_t page_capacity;
	size_t node_capacity;
	size_t font_capacity;
	size_t outline_capacity;
	PangoFont *last_font;    /* most runs reuse the previous run's font */
	uint16_t last_font_index;
};

/* Grow an arena array so one more item fits; returns the (new) array. */
static void *arena_grow(struct arena *arena, void *items, size_t count,
			size_t *capacity, size_t item_size)
{
	if (count < *capacity)
		return items;
	size_t grown = *capacity ? *capacity * 2 : 8;
	void *bigger = arena_alloc(arena, grown * item_size);
	if (count)
		memcpy(bigger, items, count * item_size);
	*capacity = grown;
	return bigger;
}

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
	lo->private = mem_alloc(sizeof *lo->private);
	struct display_list *list = mem_alloc(sizeof *list);
	list->arena = arena_new();
	list->private = arena_alloc(list->arena, sizeof *list->private);
	list->private->heap_nodes = 1;
	lo->private->open_page = SIZE_MAX;
	lo->list = list;
	/* Node 0 is the document; it is its own parent. */
	struct source_pos origin = { 0, 0 };
	layout_add_node(lo, ROLE_DOCUMENT, origin);
	lo->node = 0;
}

/* Give the open page's boxes an array of their own with room for more. */
static void settle_open_page(struct layout *lo, size_t room)
{
	struct layout_private *p = lo->private;
	if (p->open_page == SIZE_MAX)
		return;
	struct dl_page *page = &lo->list->pages[p->open_page];
	size_t capacity = page->box_count + room;
	struct dl_box *boxes = NULL;
	if (capacity) {
		boxes = mem_array(capacity, sizeof *boxes);
		if (page->box_count)
			memcpy(boxes, page->boxes,
			       page->box_count * sizeof *boxes);
	}
	page->boxes = boxes;
	page->box_capacity = capacity;
	p->open_page = SIZE_MAX;
}

struct display_list *layout_end(struct layout *lo)
{
	struct display_list *list = lo->list;
	settle_open_page(lo, 0);
	free(lo->private->scratch);
	if (list->node_count)
		list->nodes = mem_resize(list->nodes, list->node_count,
					 sizeof *list->nodes);
	free(lo->private);
	lo->private = NULL;
	lo->list = NULL;
	return list;
}

struct display_list *layout_abandon(struct layout *lo)
{
	display_list_free(layout_end(lo));
	return NULL;
}

void display_list_free(struct display_list *list)
{
	if (!list)
		return;
	for (size_t i = 0; i < list->font_count; i++)
		g_object_unref(list->fonts[i]);
	if (list->private && list->private->heap_nodes) {
		for (size_t p = 0; p < list->page_count; p++)
			free(list->pages[p].boxes);
		free(list->nodes);
	}
	arena_free(list->arena);
	free(list);
}

void display_list_release_page(struct display_list *list, size_t page_index)
{
	if (!list || page_index >= list->page_count)
		return;
	struct dl_page *page = &list->pages[page_index];
	/* Only a list layout made owns its box arrays on the heap. */
	if (list->private && list->private->heap_nodes)
		free(page->boxes);
	page->boxes = NULL;
	page->box_count = 0;
	page->box_capacity = 0;
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
	struct display_list *list = lo->list;
	settle_open_page(lo, FURNITURE_ROOM);
	list->pages = arena_grow(list->arena, list->pages, list->page_count,
				 &lo->private->page_capacity,
				 sizeof *list->pages);
	struct dl_page *page = &list->pages[list->page_count];
	memset(page, 0, sizeof *page);
	layout_page_size(lo, lo->landscape, &page->width_pt, &page->height_pt);
	lo->page = list->page_count++;
	const struct style_page *sp = &lo->style->page;
	lo->top_pt = sp->margin_top_pt;
	lo->bottom_pt = page->height_pt - sp->margin_bottom_pt;
	lo->left_pt = sp->margin_left_pt;
	lo->right_pt = page->width_pt - sp->margin_right_pt;
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

/* ---- structure ---- */

uint32_t layout_add_node(struct layout *lo, enum dl_role role,
			 struct source_pos pos)
{
	struct display_list *list = lo->list;
	MEM_GROW(list->nodes, list->node_count, lo->private->node_capacity);
	struct dl_node *node = &list->nodes[list->node_count];
	memset(node, 0, sizeof *node);
	node->role = role;
	node->parent = lo->node;
	node->pos = pos;
	if (role == ROLE_HEADING)
		node->level = 1;
	return (uint32_t)list->node_count++;
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

/* ---- boxes ---- */

struct dl_box *layout_add_box(struct layout *lo, enum dl_box_kind kind,
			      uint32_t node)
{
	if (lo->list->page_count == 0)
		layout_new_page(lo);
	struct layout_private *p = lo->private;
	struct dl_page *page = &lo->list->pages[lo->page];
	if (p->open_page == SIZE_MAX && page->box_count == 0 &&
	    lo->page + 1 == lo->list->page_count) {
		/* The newest page opens on the scratch array. */
		p->open_page = lo->page;
		page->boxes = p->scratch;
		page->box_capacity = p->scratch_capacity;
	}
	if (p->open_page == lo->page) {
		MEM_GROW(p->scratch, page->box_count, p->scratch_capacity);
		page->boxes = p->scratch;
		page->box_capacity = p->scratch_capacity;
	} else {
		/* A finished page (furniture): its room, or a bigger copy. */
		MEM_GROW(page->boxes, page->box_count, page->box_capacity);
	}
	struct dl_box *box = &page->boxes[page->box_count++];
	memset(box, 0, sizeof *box);
	box->kind = kind;
	box->node = node;
	box->fill = DL_NO_COLOR;
	box->stroke = DL_NO_COLOR;
	return box;
}

/* A rectangle and a rule are one box: a rule's width and height are its
 * run (dx, dy), and it has no fill. */
static struct dl_box *add_shape(struct layout *lo, enum dl_box_kind kind,
				uint32_t node, double x_pt, double y_pt,
				double width_pt, double height_pt,
				uint32_t stroke, double line_width_pt)
{
	struct dl_box *box = layout_add_box(lo, kind, node);
	box->x_pt = x_pt;
	box->y_pt = y_pt;
	box->width_pt = width_pt;
	box->height_pt = height_pt;
	box->stroke = stroke;
	box->line_width_pt = line_width_pt;
	return box;
}

void layout_add_rect(struct layout *lo, uint32_t node, double x_pt, double y_pt,
		     double width_pt, double height_pt, uint32_t fill,
		     uint32_t stroke, double line_width_pt)
{
	add_shape(lo, BOX_RECT, node, x_pt, y_pt, width_pt, height_pt, stroke,
		  line_width_pt)->fill = fill;
}

void layout_add_rule(struct layout *lo, uint32_t node, double x_pt, double y_pt,
		     double dx_pt, double dy_pt, uint32_t color,
		     double line_width_pt)
{
	add_shape(lo, BOX_RULE, node, x_pt, y_pt, dx_pt, dy_pt, color,
		  line_width_pt);
}

void layout_add_dest(struct layout *lo, const char *name, double y_pt)
{
	struct dl_box *box = layout_add_box(lo, BOX_DEST, lo->node);
	box->x_pt = lo->left_pt;
	box->y_pt = y_pt;
	box->u.dest = layout_strdup(lo, name);
}

int layout_add_outline(struct layout *lo, const char *title, int parent,
		       double y_pt)
{
	struct display_list *list = lo->list;
	if (list->page_count == 0)
		layout_new_page(lo);
	list->outline = arena_grow(list->arena, list->outline,
				   list->outline_count,
				   &lo->private->outline_capacity,
				   sizeof *list->outline);
	struct dl_outline *entry = &list->outline[list->outline_count];
	entry->title = layout_strdup(lo, title);
	entry->parent = parent;
	entry->page = (uint32_t)lo->page;
	entry->y_pt = y_pt;
	return (int)list->outline_count++;
}

char *layout_strdup(struct layout *lo, const char *s)
{
	return s ? arena_strndup(lo->list->arena, s, strlen(s)) : NULL;
}

char *layout_strndup(struct layout *lo, const char *s, size_t n)
{
	return arena_strndup(lo->list->arena, s, n);
}

/* ---- fonts ---- */

uint16_t layout_font_index(struct layout *lo, PangoFont *font)
{
	struct layout_private *p = lo->private;
	struct display_list *list = lo->list;
	if (font == p->last_font && list->font_count)
		return p->last_font_index;
	size_t i = 0;
	while (i < list->font_count && list->fonts[i] != font)
		i++;
	if (i == list->font_count) {
		/* A document sets few fonts; past 65535 the last is reused
		 * rather than overflowing the run's index. */
		if (i >= UINT16_MAX)
			return UINT16_MAX - 1;
		list->fonts = arena_grow(list->arena, list->fonts,
					 list->font_count, &p->font_capacity,
					 sizeof *list->fonts);
		list->fonts[i] = g_object_ref(font);
		list->font_count++;
	}
	p->last_font = font;
	p->last_font_index = (uint16_t)i;
	return (uint16_t)i;
}

/* ---- role names ---- */

const char *layout_role_name(const struct dl_node *node)
{
	static const char *const headings[] = { "H1", "H2", "H3" };
	switch (node->role) {
	case ROLE_DOCUMENT:
		return "Document";
	case ROLE_SECTION:
		return "Sect";
	case ROLE_HEADING:
		return headings[node->level >= 1 && node->level <= 3 ?
					node->level - 1 : 0];
	case ROLE_PARAGRAPH:
		return "P";
	case ROLE_LIST:
		return "L";
	case ROLE_LIST_ITEM:
		return "LI";
	case ROLE_LIST_LABEL:
		return "Lbl";
	case ROLE_LIST_BODY:
		return "LBody";
	case ROLE_TABLE:
		return "Table";
	case ROLE_TABLE_ROW:
		return "TR";
	case ROLE_TABLE_HEADER:
		return "TH";
	case ROLE_TABLE_CELL:
		return "TD";
	case ROLE_FIGURE:
		return "Figure";
	case ROLE_LINK:
		return "Link";
	case ROLE_ARTIFACT:
		return "Artifact";
	}
	return "Artifact";
}
