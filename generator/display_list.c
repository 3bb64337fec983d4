/* Building and freeing a display list: pages, structure nodes, boxes,
 * destinations, the outline and the font table. Strings, glyphs, runs and
 * the small arrays live in the list's arena. The page being filled
 * collects its boxes in one reused array and moves them, at their exact
 * size plus room for the furniture, into an array of their own when the
 * next page starts: growing every page's array would churn the heap the
 * measuring needs, and arena blocks would waste their tails on arrays this
 * size. Those arrays and the nodes (grown with realloc, trimmed by
 * dl_finish) are freed by dl_free. */
#include "display_list.h"

#include <stdlib.h>
#include <string.h>

#include "memory.h"

_Static_assert(sizeof(struct dl_glyph) == 8,
	       "a glyph stays eight bytes: a long paper holds millions");

int32_t dl_glyph_id(PangoGlyph glyph)
{
	if (glyph == PANGO_GLYPH_EMPTY)
		return -1;
	if ((glyph & PANGO_GLYPH_UNKNOWN_FLAG) || glyph > UINT16_MAX)
		return 0;
	return (int32_t)glyph;
}

/* Boxes a finished page keeps room for: the layout adds the header, the
 * footer's parts and the watermark once pagination is done. */
#define FURNITURE_ROOM 6

/* The builder's state; in the list's arena. */
struct dl_private {
	struct dl_box *scratch;  /* boxes of the open page */
	size_t scratch_capacity;
	size_t open_page;        /* page whose boxes are in scratch, or SIZE_MAX */
	size_t page_capacity;
	size_t node_capacity;
	size_t font_capacity;
	size_t outline_capacity;
	size_t label_capacity;
	size_t image_capacity;
	PangoFont *last_font;    /* most runs reuse the previous run's font */
	uint16_t last_font_index;
	struct arena **adopted;  /* arenas of appended lists (dl_append), heap */
	size_t adopted_count, adopted_capacity;
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

struct display_list *dl_new(void)
{
	struct display_list *list = mem_alloc(sizeof *list);
	list->arena = arena_new();
	list->private = arena_alloc(list->arena, sizeof *list->private);
	list->private->open_page = SIZE_MAX;
	/* Node 0 is the document; it is its own parent. */
	struct source_pos origin = { 0, 0 };
	dl_add_node(list, ROLE_DOCUMENT, 0, origin);
	return list;
}

/* Give the open page's boxes an array of their own with room for more. */
static void settle_open_page(struct display_list *list, size_t room)
{
	struct dl_private *p = list->private;
	if (p->open_page == SIZE_MAX)
		return;
	struct dl_page *page = &list->pages[p->open_page];
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

void dl_finish(struct display_list *list)
{
	struct dl_private *p = list->private;
	settle_open_page(list, 0);
	free(p->scratch);
	p->scratch = NULL;
	p->scratch_capacity = 0;
	if (list->node_count)
		list->nodes = mem_resize(list->nodes, list->node_count,
					 sizeof *list->nodes);
	p->node_capacity = list->node_count;
}

uint32_t dl_add_image(struct display_list *list, cairo_surface_t *pixels,
		      void *svg, uint32_t width_px, uint32_t height_px)
{
	struct dl_private *p = list->private;
	MEM_GROW(list->images, list->image_count, p->image_capacity);
	struct dl_image *image = &list->images[list->image_count];
	image->pixels = pixels;
	image->svg = svg;
	image->svg_source = NULL;
	image->width_px = width_px;
	image->height_px = height_px;
	return (uint32_t)list->image_count++;
}

void dl_set_image_source(struct display_list *list, uint32_t image,
			 GBytes *svg_source)
{
	struct dl_image *target = &list->images[image];
	if (target->svg_source)
		g_bytes_unref(target->svg_source);
	target->svg_source = svg_source;
}

void dl_free(struct display_list *list)
{
	if (!list)
		return;
	for (size_t i = 0; i < list->font_count; i++)
		g_object_unref(list->fonts[i]);
	for (size_t i = 0; i < list->image_count; i++) {
		if (list->images[i].pixels)
			cairo_surface_destroy(list->images[i].pixels);
		if (list->images[i].svg)
			g_object_unref(list->images[i].svg);
		if (list->images[i].svg_source)
			g_bytes_unref(list->images[i].svg_source);
	}
	free(list->images);
	/* An unfinished list's open page has the scratch array. */
	for (size_t p = 0; p < list->page_count; p++)
		if (p != list->private->open_page)
			free(list->pages[p].boxes);
	free(list->private->scratch);
	free(list->nodes);
	for (size_t i = 0; i < list->private->adopted_count; i++)
		arena_free(list->private->adopted[i]);
	free(list->private->adopted);
	arena_free(list->arena);
	free(list);
}

void dl_release_page(struct display_list *list, size_t page_index)
{
	if (!list || page_index >= list->page_count)
		return;
	struct dl_page *page = &list->pages[page_index];
	struct dl_private *p = list->private;
	/* The open page's boxes are the scratch array. */
	if (page_index == p->open_page) {
		p->open_page = SIZE_MAX;
		free(p->scratch);
		p->scratch = NULL;
		p->scratch_capacity = 0;
	} else {
		free(page->boxes);
	}
	page->boxes = NULL;
	page->box_count = 0;
	page->box_capacity = 0;
}

/* ---- pages ---- */

size_t dl_add_page(struct display_list *list, double width_pt,
		   double height_pt)
{
	settle_open_page(list, FURNITURE_ROOM);
	list->pages = arena_grow(list->arena, list->pages, list->page_count,
				 &list->private->page_capacity,
				 sizeof *list->pages);
	struct dl_page *page = &list->pages[list->page_count];
	memset(page, 0, sizeof *page);
	page->width_pt = width_pt;
	page->height_pt = height_pt;
	return list->page_count++;
}

/* ---- structure ---- */

uint32_t dl_add_node(struct display_list *list, enum dl_role role,
		     uint32_t parent, struct source_pos pos)
{
	MEM_GROW(list->nodes, list->node_count, list->private->node_capacity);
	struct dl_node *node = &list->nodes[list->node_count];
	memset(node, 0, sizeof *node);
	node->role = role;
	node->parent = parent;
	node->pos = pos;
	if (role == ROLE_HEADING)
		node->level = 1;
	return (uint32_t)list->node_count++;
}

/* ---- boxes ---- */

struct dl_box *dl_add_box(struct display_list *list, size_t page_index,
			  enum dl_box_kind kind, uint32_t node)
{
	struct dl_private *p = list->private;
	struct dl_page *page = &list->pages[page_index];
	if (p->open_page == SIZE_MAX && page->box_count == 0 &&
	    page_index + 1 == list->page_count) {
		/* The newest page opens on the scratch array. */
		p->open_page = page_index;
		page->boxes = p->scratch;
		page->box_capacity = p->scratch_capacity;
	}
	if (p->open_page == page_index) {
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
static struct dl_box *add_shape(struct display_list *list, size_t page_index,
				enum dl_box_kind kind, uint32_t node,
				double x_pt, double y_pt, double width_pt,
				double height_pt, uint32_t stroke,
				double line_width_pt)
{
	struct dl_box *box = dl_add_box(list, page_index, kind, node);
	box->x_pt = x_pt;
	box->y_pt = y_pt;
	box->width_pt = width_pt;
	box->height_pt = height_pt;
	box->stroke = stroke;
	box->line_width_pt = line_width_pt;
	return box;
}

void dl_add_rect(struct display_list *list, size_t page_index, uint32_t node,
		 double x_pt, double y_pt, double width_pt, double height_pt,
		 uint32_t fill, uint32_t stroke, double line_width_pt)
{
	add_shape(list, page_index, BOX_RECT, node, x_pt, y_pt, width_pt,
		  height_pt, stroke, line_width_pt)->fill = fill;
}

void dl_add_rule(struct display_list *list, size_t page_index, uint32_t node,
		 double x_pt, double y_pt, double dx_pt, double dy_pt,
		 uint32_t color, double line_width_pt)
{
	add_shape(list, page_index, BOX_RULE, node, x_pt, y_pt, dx_pt, dy_pt,
		  color, line_width_pt);
}

void dl_add_dest(struct display_list *list, size_t page_index, uint32_t node,
		 const char *name, double x_pt, double y_pt)
{
	struct dl_box *box = dl_add_box(list, page_index, BOX_DEST, node);
	box->x_pt = x_pt;
	box->y_pt = y_pt;
	box->u.dest = dl_strdup(list, name);
}

int dl_add_outline(struct display_list *list, const char *title, int parent,
		   size_t page_index, double y_pt)
{
	list->outline = arena_grow(list->arena, list->outline,
				   list->outline_count,
				   &list->private->outline_capacity,
				   sizeof *list->outline);
	struct dl_outline *entry = &list->outline[list->outline_count];
	entry->title = dl_strdup(list, title);
	entry->parent = parent;
	entry->page = (uint32_t)page_index;
	entry->y_pt = y_pt;
	return (int)list->outline_count++;
}

void dl_set_page_label(struct display_list *list, size_t page_index,
		       const char *prefix, unsigned start)
{
	struct dl_page_label *last =
		list->label_count ? &list->labels[list->label_count - 1] : NULL;
	if (!last || last->page != page_index) {
		list->labels = arena_grow(list->arena, list->labels,
					  list->label_count,
					  &list->private->label_capacity,
					  sizeof *list->labels);
		last = &list->labels[list->label_count++];
	}
	last->page = (uint32_t)page_index;
	last->prefix = dl_strdup(list, prefix ? prefix : "");
	last->start = start;
}

char *dl_strdup(struct display_list *list, const char *s)
{
	return s ? arena_strndup(list->arena, s, strlen(s)) : NULL;
}

char *dl_strndup(struct display_list *list, const char *s, size_t n)
{
	return arena_strndup(list->arena, s, n);
}

/* ---- fonts ---- */

uint16_t dl_font_index(struct display_list *list, PangoFont *font)
{
	struct dl_private *p = list->private;
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

const char *dl_role_name(const struct dl_node *node)
{
	static const char *const headings[] = { "H1", "H2", "H3" };
	switch (node->role) {
	case ROLE_DOCUMENT:
		return "Document";
	case ROLE_PART:
		return "Part";
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
	case ROLE_SPAN:
		return "Span";
	}
	return "Artifact";
}

/* ---- joining lists ---- */

static const char *prefixed(struct display_list *list, const char *prefix,
			    const char *name)
{
	if (!name || !prefix || !*prefix)
		return name;
	char *joined = mem_printf("%s%s", prefix, name);
	const char *kept = dl_strdup(list, joined);
	free(joined);
	return kept;
}

static void move_boxes(struct display_list *list, struct dl_page *page,
		       uint32_t node_base, const uint16_t *font_map,
		       uint32_t image_base, const char *dest_prefix)
{
	for (size_t i = 0; i < page->box_count; i++) {
		struct dl_box *box = &page->boxes[i];
		box->node = box->node ? box->node + node_base : node_base;
		switch (box->kind) {
		case BOX_TEXT:
			for (uint32_t r = 0; r < box->u.text.run_count; r++)
				box->u.text.runs[r].font =
					font_map[box->u.text.runs[r].font];
			break;
		case BOX_LINK:
			box->u.link.dest =
				prefixed(list, dest_prefix, box->u.link.dest);
			break;
		case BOX_DEST:
			box->u.dest = prefixed(list, dest_prefix, box->u.dest);
			break;
		case BOX_IMAGE:
			box->u.image += image_base;
			break;
		case BOX_RECT:
		case BOX_RULE:
		case BOX_PATH:
			break;
		}
	}
}

size_t dl_append(struct display_list *list, struct display_list *part,
		 enum dl_role role, int outline_parent, const char *dest_prefix)
{
	dl_finish(part);
	settle_open_page(list, FURNITURE_ROOM);
	/* Part's document node becomes one of role; its nodes follow list's. */
	uint32_t node_base = dl_add_node(list, role, 0, part->nodes[0].pos);
	if (part->lang && (!list->lang || strcmp(part->lang, list->lang) != 0))
		list->nodes[node_base].lang = dl_strdup(list, part->lang);
	for (size_t n = 1; n < part->node_count; n++) {
		struct dl_node node = part->nodes[n];
		node.parent = node.parent ? node.parent + node_base : node_base;
		MEM_GROW(list->nodes, list->node_count,
			 list->private->node_capacity);
		list->nodes[list->node_count++] = node;
	}
	uint16_t *font_map = mem_array(part->font_count + 1, sizeof *font_map);
	for (size_t f = 0; f < part->font_count; f++)
		font_map[f] = dl_font_index(list, part->fonts[f]);
	/* Part's images join list's table, their references with them. */
	uint32_t image_base = (uint32_t)list->image_count;
	for (size_t i = 0; i < part->image_count; i++) {
		const struct dl_image *image = &part->images[i];
		uint32_t index = dl_add_image(list, image->pixels, image->svg,
					      image->width_px, image->height_px);
		dl_set_image_source(list, index, image->svg_source);
	}
	part->image_count = 0;
	size_t first_page = list->page_count;
	for (size_t p = 0; p < part->page_count; p++) {
		list->pages = arena_grow(list->arena, list->pages,
					 list->page_count,
					 &list->private->page_capacity,
					 sizeof *list->pages);
		struct dl_page *page = &list->pages[list->page_count++];
		*page = part->pages[p];
		move_boxes(list, page, node_base, font_map, image_base,
			   dest_prefix);
	}
	free(font_map);
	if (!part->label_count)
		dl_set_page_label(list, first_page, NULL, 1);
	for (size_t l = 0; l < part->label_count; l++)
		dl_set_page_label(list, first_page + part->labels[l].page,
				  part->labels[l].prefix, part->labels[l].start);
	int outline_base = (int)list->outline_count;
	for (size_t o = 0; o < part->outline_count; o++) {
		const struct dl_outline *entry = &part->outline[o];
		int parent = entry->parent < 0 ? outline_parent :
						 entry->parent + outline_base;
		dl_add_outline(list, entry->title, parent,
			       first_page + entry->page, entry->y_pt);
	}
	/* The boxes now belong to list; part's arena holds their glyphs. */
	part->page_count = 0;
	struct dl_private *p = list->private, *q = part->private;
	for (size_t a = 0; a < q->adopted_count; a++) {
		MEM_GROW(p->adopted, p->adopted_count, p->adopted_capacity);
		p->adopted[p->adopted_count++] = q->adopted[a];
	}
	q->adopted_count = 0;
	MEM_GROW(p->adopted, p->adopted_count, p->adopted_capacity);
	p->adopted[p->adopted_count++] = part->arena;
	/* part->private lives in that arena, still alive for dl_free. */
	part->arena = arena_new();
	dl_free(part);
	return first_page;
}
