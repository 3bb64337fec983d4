/* The display list's structure tree as Cairo structure tags.
 *
 * Cairo 1.16 marks what is drawn as content of the element whose tag was
 * begun last, until the next tag begins or ends; after a child's tag ends
 * its parent receives nothing more unless it is begun again, which makes a
 * new element. An element left open across cairo_show_page continues on
 * the next page. So boxes are walked in drawing order with a stack of open
 * nodes: a content box closes the open nodes that are not its ancestors and
 * opens its missing ancestors; an artifact (page furniture, the watermark,
 * repeated table headers, fills and rules) is drawn only where nothing is
 * being marked, which may split the element it interrupts into two of the
 * same type.
 *
 * What Cairo 1.16 cannot write is left to the finishing pass (pdf_finish.h),
 * which is told what every begun tag stands for (draw_tags_elements):
 * /Artifact marked content (artifacts are drawn unmarked, except page
 * furniture, drawn inside a placeholder tag so that the pass can type it as
 * header, footer or watermark), /Alt on figures, /Lang on elements or the
 * catalog, and link text inside its Link element (a Link element here holds
 * the annotation only and follows the paragraph it belongs to, because
 * Cairo 1.16 drops an element's own content once it has child elements, and
 * a line of text is one box). Link text the layout split off into boxes of
 * its Link node is drawn inside the Link element, which then holds both
 * the words and the annotation (its OBJR); only a link whose words were not
 * split off follows its paragraph. For the same reason a paragraph with
 * Span or Link children has its own words drawn inside anonymous Span
 * elements around them (OWN_TEXT), so that the Spans can carry their /Lang
 * and the Links their words without the paragraph losing the rest. */
#include "draw_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "memory.h"

#define MAX_DEPTH 256 /* deeper chains are cut: the source allows 64 */

/* A chain or open-stack entry with this bit is not node n itself but the
 * anonymous Span holding n's own words beside its Span and Link children. */
#define OWN_TEXT 0x80000000u

struct draw_tags {
	const struct display_list *list;
	uint32_t *open;           /* open nodes, outermost first */
	size_t open_count;
	int marking;              /* what is drawn now is the innermost
	                             open node's content */
	uint32_t chain[MAX_DEPTH];/* scratch: a node's ancestors, outermost first */
	size_t chain_length;
	size_t page;              /* the page being drawn */
	size_t *pending_links;    /* its link boxes not yet emitted */
	size_t pending_count, pending_capacity;
	GHashTable *dests;        /* destination names already emitted */
	/* Per node, for table cells that draw nothing (no text): */
	uint32_t *subtree_end;    /* one past the node's last descendant */
	uint32_t *last_child;     /* highest child index emitted so far */
	unsigned char *emitted;   /* its element exists */
	unsigned char *has_inline;/* per node: a Span or Link child (its own
	                             words go into OWN_TEXT elements) */
	size_t *linked_page;      /* per Link node: 1 + the page whose Link
	                             element holds its words, else 0 */
	unsigned char *link_began;/* per Link node: its words' element is a
	                             Link (else a Span: no box to click) */
	/* For the finishing pass: every structure tag begun, in order, and
	 * every destination emitted. */
	struct pdf_element *elements;
	size_t element_count, element_capacity;
	struct pdf_dest *dests_drawn;
	size_t dest_count, dest_capacity;
	enum pdf_artifact furniture; /* the placeholder open, or NONE */
};

/* Begin a structure tag and record what its element stands for. */
static void begin_element(struct draw_tags *tags, cairo_t *cr,
			  const char *name, const char *attributes,
			  struct pdf_element element)
{
	MEM_GROW(tags->elements, tags->element_count, tags->element_capacity);
	tags->elements[tags->element_count++] = element;
	cairo_tag_begin(cr, name, attributes);
}

static uint32_t entry_node(uint32_t entry)
{
	return entry & ~OWN_TEXT;
}

static void begin_node(struct draw_tags *tags, cairo_t *cr, uint32_t node)
{
	struct pdf_element element = { .node = node,
				       .kind = PDF_ELEMENT_NODE };
	begin_element(tags, cr, dl_role_name(&tags->list->nodes[node]), NULL,
		      element);
}

struct draw_tags *draw_tags_new(const struct display_list *list)
{
	struct draw_tags *tags = mem_alloc(sizeof *tags);
	tags->list = list;
	tags->open = mem_array(MAX_DEPTH, sizeof *tags->open);
	tags->dests = g_hash_table_new(g_str_hash, g_str_equal);
	size_t n = list->node_count;
	tags->subtree_end = mem_array(n + 1, sizeof *tags->subtree_end);
	tags->last_child = mem_array(n + 1, sizeof *tags->last_child);
	tags->emitted = mem_alloc(n + 1);
	tags->has_inline = mem_alloc(n + 1);
	tags->linked_page = mem_array(n + 1, sizeof *tags->linked_page);
	tags->link_began = mem_alloc(n + 1);
	/* Nodes come in document order, each after its parent, so a subtree
	 * is the run of indices up to its last descendant. */
	for (size_t i = 0; i < n; i++) {
		tags->subtree_end[i] = (uint32_t)i + 1;
		tags->last_child[i] = (uint32_t)i;
	}
	for (size_t i = n; i-- > 1;) {
		uint32_t parent = list->nodes[i].parent;
		if (parent < i && tags->subtree_end[parent] < tags->subtree_end[i])
			tags->subtree_end[parent] = tags->subtree_end[i];
		if (parent < i && (list->nodes[i].role == ROLE_SPAN ||
				   list->nodes[i].role == ROLE_LINK))
			tags->has_inline[parent] = 1;
	}
	return tags;
}

void draw_tags_free(struct draw_tags *tags)
{
	if (!tags)
		return;
	g_hash_table_destroy(tags->dests);
	free(tags->pending_links);
	free(tags->open);
	free(tags->subtree_end);
	free(tags->last_child);
	free(tags->emitted);
	free(tags->has_inline);
	free(tags->linked_page);
	free(tags->link_began);
	free(tags->elements);
	free(tags->dests_drawn);
	free(tags);
}

static uint32_t valid_node(const struct display_list *list, uint32_t node)
{
	return node < list->node_count ? node : 0;
}

/* tags->chain = node's ancestors from the document down to node, then
 * node's OWN_TEXT entry when it has Span or Link children. A parent index
 * out of range or a loop ends the walk at the document. */
static void build_chain(struct draw_tags *tags, uint32_t node)
{
	const struct display_list *list = tags->list;
	uint32_t reversed[MAX_DEPTH];
	size_t n = 0;
	node = valid_node(list, node);
	if (tags->has_inline[node] && list->nodes[node].role != ROLE_SPAN &&
	    list->nodes[node].role != ROLE_LINK)
		reversed[n++] = node | OWN_TEXT;
	reversed[n++] = node;
	while (node != 0 && n < MAX_DEPTH - 1) {
		uint32_t parent = list->nodes[node].parent;
		if (parent >= list->node_count || parent == node)
			parent = 0;
		node = parent;
		reversed[n++] = node;
	}
	if (node != 0)
		reversed[n++] = 0;
	for (size_t i = 0; i < n; i++)
		tags->chain[i] = reversed[n - 1 - i];
	tags->chain_length = n;
}

static int chain_has_role(const struct draw_tags *tags, enum dl_role role)
{
	for (size_t i = 0; i < tags->chain_length; i++)
		if (tags->list->nodes[entry_node(tags->chain[i])].role == role)
			return 1;
	return 0;
}

enum box_class { BOX_CONTENT, BOX_ARTIFACT, BOX_OTHER };

/* Text is content unless it sits under an artifact node; shapes are
 * decoration unless they draw a figure. Leaves tags->chain set. */
static enum box_class classify(struct draw_tags *tags, const struct dl_box *box)
{
	if (box->kind == BOX_LINK || box->kind == BOX_DEST ||
	    tags->list->node_count == 0)
		return BOX_OTHER;
	build_chain(tags, box->node);
	if (chain_has_role(tags, ROLE_ARTIFACT))
		return BOX_ARTIFACT;
	if (box->kind == BOX_TEXT || chain_has_role(tags, ROLE_FIGURE))
		return BOX_CONTENT;
	return BOX_ARTIFACT;
}

/* ---- attribute strings ---- */

/* A quoted attribute value. Cairo 1.16 copies URIs and destination names
 * into PDF strings without escaping them, so a parenthesis or backslash
 * would break the file: those, spaces, controls and non-ASCII bytes are
 * percent-encoded (as a URI may always be). The quote is escaped for
 * Cairo's own attribute syntax. */
static void append_string(GString *out, const char *name, const char *value)
{
	g_string_append_printf(out, " %s='", name);
	for (const unsigned char *p = (const unsigned char *)value; *p; p++) {
		if (*p <= 0x20 || *p >= 0x7F || *p == '(' || *p == ')' ||
		    *p == '\\')
			g_string_append_printf(out, "%%%02X", *p);
		else if (*p == '\'')
			g_string_append(out, "\\'");
		else
			g_string_append_c(out, (char)*p);
	}
	g_string_append_c(out, '\'');
}

static void append_number(GString *out, double value)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];
	if (!isfinite(value))
		value = 0;
	g_string_append(out, g_ascii_formatd(buf, sizeof buf, "%.3f", value));
}

static int link_target(GString *out, const struct dl_box *box)
{
	if (box->u.link.uri && *box->u.link.uri) {
		append_string(out, "uri", box->u.link.uri);
		return 1;
	}
	if (box->u.link.dest && *box->u.link.dest) {
		append_string(out, "dest", box->u.link.dest);
		return 1;
	}
	return 0;
}

static int has_target(const struct dl_box *box)
{
	return (box->u.link.uri && *box->u.link.uri) ||
	       (box->u.link.dest && *box->u.link.dest);
}

static void append_rect(GString *out, const struct dl_box *box)
{
	append_number(out, box->x_pt);
	g_string_append_c(out, ' ');
	append_number(out, box->y_pt);
	g_string_append_c(out, ' ');
	append_number(out, box->width_pt);
	g_string_append_c(out, ' ');
	append_number(out, box->height_pt);
}

/* ---- opening and closing ---- */

static void close_innermost(struct draw_tags *tags, cairo_t *cr);

static void close_to(struct draw_tags *tags, cairo_t *cr, size_t keep)
{
	while (tags->open_count > keep)
		close_innermost(tags, cr);
}

/* An empty cell draws no content, so no box would make its element; a
 * row missing it would shift every later cell to the wrong column header.
 * Cells of parent in [from, to) not yet emitted become empty elements. */
static void emit_empty_cells(struct draw_tags *tags, cairo_t *cr,
			     uint32_t parent, uint32_t from, uint32_t to)
{
	const struct display_list *list = tags->list;
	for (uint32_t i = from; i < to && i < list->node_count; i++) {
		const struct dl_node *node = &list->nodes[i];
		if (node->parent != parent || tags->emitted[i] ||
		    (node->role != ROLE_TABLE_CELL &&
		     node->role != ROLE_TABLE_HEADER))
			continue;
		begin_node(tags, cr, i);
		cairo_tag_end(cr, dl_role_name(node));
		tags->emitted[i] = 1;
		tags->marking = 0;
		if (tags->last_child[parent] < i)
			tags->last_child[parent] = i;
	}
}

static int begin_link_text(struct draw_tags *tags, cairo_t *cr, uint32_t node);

static void open_node(struct draw_tags *tags, cairo_t *cr, uint32_t node)
{
	if (tags->open_count >= MAX_DEPTH)
		return;
	if (node & OWN_TEXT) {
		struct pdf_element element = { .node = entry_node(node),
					       .kind = PDF_ELEMENT_OWN_TEXT };
		begin_element(tags, cr, "Span", NULL, element);
		tags->open[tags->open_count++] = node;
		tags->marking = 1;
		return;
	}
	uint32_t parent = tags->list->nodes[node].parent;
	if (node != 0 && parent < node) {
		emit_empty_cells(tags, cr, parent, tags->last_child[parent] + 1,
				 node);
		if (tags->last_child[parent] < node)
			tags->last_child[parent] = node;
	}
	tags->emitted[node] = 1;
	if (tags->list->nodes[node].role != ROLE_LINK)
		begin_node(tags, cr, node);
	else if (!begin_link_text(tags, cr, node))
		begin_element(tags, cr, "Span", NULL,
			      (struct pdf_element){ .node = node,
						    .kind = PDF_ELEMENT_OWN_TEXT });
	tags->open[tags->open_count++] = node;
	tags->marking = 1;
}

static size_t common_prefix(const struct draw_tags *tags)
{
	size_t k = 0;
	while (k < tags->open_count && k < tags->chain_length &&
	       tags->open[k] == tags->chain[k])
		k++;
	return k;
}

/* Make tags->chain the open nodes, its last one receiving content. */
static void enter_chain(struct draw_tags *tags, cairo_t *cr)
{
	size_t k = common_prefix(tags);
	close_to(tags, cr, k);
	/* Open and not marking: a child ended or an artifact intervened;
	 * only a new element of the same type can take more content. The
	 * document itself is never split. */
	if (k == tags->chain_length && !tags->marking && k > 1)
		close_to(tags, cr, --k);
	for (size_t i = k; i < tags->chain_length; i++)
		open_node(tags, cr, tags->chain[i]);
}

/* The first content box after (page, box), or 0 with none left. */
static int next_content(struct draw_tags *tags, size_t page, size_t box,
			uint32_t *node)
{
	const struct display_list *list = tags->list;
	for (size_t p = page; p < list->page_count; p++) {
		size_t first = p == page ? box + 1 : 0;
		for (size_t b = first; b < list->pages[p].box_count; b++) {
			const struct dl_box *candidate = &list->pages[p].boxes[b];
			if (classify(tags, candidate) == BOX_CONTENT) {
				*node = candidate->node;
				return 1;
			}
		}
	}
	return 0;
}

/* Stop marking before an artifact: close what the next content box does not
 * need, and when that leaves the innermost node marking, close it too. */
static void leave_content(struct draw_tags *tags, cairo_t *cr, size_t page,
			  size_t box)
{
	if (!tags->marking)
		return;
	uint32_t node;
	if (next_content(tags, page, box, &node)) {
		build_chain(tags, node);
		close_to(tags, cr, common_prefix(tags));
	}
	if (tags->marking && tags->open_count > 0)
		close_innermost(tags, cr);
}

/* ---- links and destinations ---- */

static const struct dl_box *page_box(const struct draw_tags *tags, size_t i)
{
	return &tags->list->pages[tags->page].boxes[i];
}

static int same_target(const struct dl_box *a, const struct dl_box *b)
{
	return g_strcmp0(a->u.link.uri, b->u.link.uri) == 0 &&
	       g_strcmp0(a->u.link.dest, b->u.link.dest) == 0;
}

/* The record of a Link element for node going where link box `link` goes:
 * a URI, else a destination. */
static struct pdf_element link_element(uint32_t node, const struct dl_box *link)
{
	struct pdf_element element = { .node = node,
				       .kind = PDF_ELEMENT_LINK,
				       .uri = link->u.link.uri,
				       .dest = link->u.link.dest };
	if (element.uri && !*element.uri)
		element.uri = NULL;
	if (element.uri)
		element.dest = NULL;
	return element;
}

/* One Link element for queued link box `first` and every other queued box
 * of the same node and target: one annotation with a rectangle per line
 * the link covers. Emitted boxes leave the queue. */
static void emit_link(struct draw_tags *tags, cairo_t *cr, size_t first)
{
	const struct dl_box *link = page_box(tags, tags->pending_links[first]);
	int in_text = link->node < tags->list->node_count &&
		      tags->linked_page[link->node] == tags->page + 1;
	GString *attrs = g_string_new("rect=[");
	size_t kept = 0;
	int rects = 0;
	for (size_t i = 0; i < tags->pending_count; i++) {
		size_t index = tags->pending_links[i];
		const struct dl_box *box = page_box(tags, index);
		if (i >= first && box->node == link->node &&
		    same_target(box, link)) {
			if (rects++)
				g_string_append_c(attrs, ' ');
			append_rect(attrs, box);
		} else {
			tags->pending_links[kept++] = index;
		}
	}
	tags->pending_count = kept;
	if (in_text) { /* its Link element already holds words and rects */
		g_string_free(attrs, TRUE);
		return;
	}
	g_string_append_c(attrs, ']');
	link_target(attrs, link);
	begin_element(tags, cr, CAIRO_TAG_LINK, attrs->str,
		      link_element(link->node, link));
	cairo_tag_end(cr, CAIRO_TAG_LINK);
	tags->marking = 0;
	g_string_free(attrs, TRUE);
}

/* Begin Link node `node`'s element around its words: one annotation with
 * a rectangle per link box of the node on this page. 0 when the page has
 * none (nothing to click: the words are then the Link's own). */
static int begin_link_text(struct draw_tags *tags, cairo_t *cr, uint32_t node)
{
	const struct dl_page *page = &tags->list->pages[tags->page];
	const struct dl_box *link = NULL;
	GString *attrs = g_string_new("rect=[");
	for (size_t i = 0; i < page->box_count; i++) {
		const struct dl_box *box = &page->boxes[i];
		if (box->kind != BOX_LINK || box->node != node ||
		    (link && !same_target(box, link)))
			continue;
		if (!link && !has_target(box))
			continue;
		if (link)
			g_string_append_c(attrs, ' ');
		link = link ? link : box;
		append_rect(attrs, box);
	}
	if (!link) {
		g_string_free(attrs, TRUE);
		return 0;
	}
	g_string_append_c(attrs, ']');
	link_target(attrs, link);
	begin_element(tags, cr, CAIRO_TAG_LINK, attrs->str,
		      link_element(node, link));
	tags->linked_page[node] = tags->page + 1;
	tags->link_began[node] = 1;
	g_string_free(attrs, TRUE);
	return 1;
}

/* The node a link box's element goes under: its own node, or the parent of
 * a Link node. */
static uint32_t link_owner(const struct draw_tags *tags, const struct dl_box *box)
{
	uint32_t node = valid_node(tags->list, box->node);
	if (tags->list->nodes[node].role == ROLE_LINK)
		return valid_node(tags->list, tags->list->nodes[node].parent);
	return node;
}

static void emit_links_of(struct draw_tags *tags, cairo_t *cr, uint32_t owner)
{
	size_t i = 0;
	while (i < tags->pending_count) {
		if (link_owner(tags, page_box(tags, tags->pending_links[i])) ==
		    owner)
			emit_link(tags, cr, i); /* removes entry i */
		else
			i++;
	}
}

static void close_innermost(struct draw_tags *tags, cairo_t *cr)
{
	uint32_t node = tags->open[tags->open_count - 1];
	if (node & OWN_TEXT) {
		cairo_tag_end(cr, "Span");
		tags->open_count--;
		tags->marking = 0;
		return;
	}
	emit_empty_cells(tags, cr, node, tags->last_child[node] + 1,
			 tags->subtree_end[node]);
	const struct dl_node *closed = &tags->list->nodes[node];
	cairo_tag_end(cr, closed->role == ROLE_LINK && !tags->link_began[node]
				  ? "Span" : dl_role_name(closed));
	tags->open_count--;
	tags->marking = 0;
	/* Cairo 1.16 writes an element's own content only while it has no
	 * child elements: a paragraph's links follow it as siblings. */
	emit_links_of(tags, cr, node);
}

static void queue_link(struct draw_tags *tags, size_t box_index)
{
	if (!has_target(page_box(tags, box_index)))
		return;
	MEM_GROW(tags->pending_links, tags->pending_count,
		 tags->pending_capacity);
	tags->pending_links[tags->pending_count++] = box_index;
}

static void emit_dest(struct draw_tags *tags, cairo_t *cr,
		      const struct dl_box *box)
{
	const char *name = box->u.dest;
	if (!name || !*name || g_hash_table_contains(tags->dests, name))
		return; /* Cairo refuses a name twice; the first one wins */
	g_hash_table_add(tags->dests, (gpointer)name);
	MEM_GROW(tags->dests_drawn, tags->dest_count, tags->dest_capacity);
	tags->dests_drawn[tags->dest_count++] = (struct pdf_dest){
		.name = name, .page = (uint32_t)tags->page, .y_pt = box->y_pt
	};
	GString *attrs = g_string_new(NULL);
	append_string(attrs, "name", name);
	g_string_append(attrs, " x=");
	append_number(attrs, box->x_pt);
	g_string_append(attrs, " y=");
	append_number(attrs, box->y_pt);
	cairo_tag_begin(cr, CAIRO_TAG_DEST, attrs->str);
	cairo_tag_end(cr, CAIRO_TAG_DEST);
	g_string_free(attrs, TRUE);
}

/* ---- page furniture ---- */

/* The artifact node layout_furniture makes for each page hangs directly
 * under the document, or in a reports pack under its item's Part (a
 * table's repeated rows hang under the table): its place in tags->chain,
 * or 0 when the box is no furniture. */
static size_t furniture_depth(const struct draw_tags *tags)
{
	size_t depth = 1;
	if (tags->chain_length > 2 &&
	    tags->list->nodes[entry_node(tags->chain[1])].role == ROLE_PART)
		depth = 2;
	if (tags->chain_length <= depth ||
	    tags->list->nodes[entry_node(tags->chain[depth])].role != ROLE_ARTIFACT)
		return 0;
	return depth;
}

/* Furniture's rotated text is the watermark, the rest header or footer by
 * the half of the page it is in. Needs tags->chain set to the box's. */
static enum pdf_artifact furniture_kind(const struct draw_tags *tags,
					const struct dl_box *box)
{
	if (!furniture_depth(tags))
		return PDF_ARTIFACT_NONE;
	if (box->kind == BOX_TEXT && isfinite(box->u.text.angle_deg) &&
	    box->u.text.angle_deg != 0)
		return PDF_ARTIFACT_WATERMARK;
	const struct dl_page *page = &tags->list->pages[tags->page];
	return box->y_pt + box->height_pt / 2 < page->height_pt / 2
		       ? PDF_ARTIFACT_HEADER
		       : PDF_ARTIFACT_FOOTER;
}

static void end_furniture(struct draw_tags *tags, cairo_t *cr)
{
	if (tags->furniture == PDF_ARTIFACT_NONE)
		return;
	cairo_tag_end(cr, PDF_FINISH_PLACEHOLDER_TAG);
	tags->furniture = PDF_ARTIFACT_NONE;
}

/* Furniture is drawn inside a placeholder element of its own kind, which
 * the finishing pass turns into typed /Artifact marked content. Nothing
 * is marking here, so the placeholder's parent already has children and
 * loses no content of its own to it. */
static void mark_furniture(struct draw_tags *tags, cairo_t *cr,
			   enum pdf_artifact kind)
{
	if (kind == tags->furniture)
		return;
	end_furniture(tags, cr);
	if (kind == PDF_ARTIFACT_NONE)
		return;
	struct pdf_element element = { .node = tags->chain[furniture_depth(tags)],
				       .kind = PDF_ELEMENT_ARTIFACT,
				       .artifact = (uint8_t)kind };
	begin_element(tags, cr, PDF_FINISH_PLACEHOLDER_TAG, NULL, element);
	tags->furniture = kind;
	tags->marking = 0;
}

/* ---- the walk ---- */

int draw_tags_box(struct draw_tags *tags, cairo_t *cr, size_t page_index,
		  size_t box_index)
{
	if (page_index != tags->page) {
		draw_tags_page_end(tags, cr);
		tags->page = page_index;
	}
	const struct dl_box *box = page_box(tags, box_index);
	enum box_class class = BOX_OTHER;
	if (box->kind != BOX_LINK && box->kind != BOX_DEST)
		class = tags->list->node_count ? classify(tags, box) : BOX_ARTIFACT;
	enum pdf_artifact furniture;
	switch (class) {
	case BOX_CONTENT:
		end_furniture(tags, cr);
		enter_chain(tags, cr);
		return 1;
	case BOX_ARTIFACT:
		furniture = tags->list->node_count ? furniture_kind(tags, box)
						   : PDF_ARTIFACT_NONE;
		if (furniture != tags->furniture)
			end_furniture(tags, cr);
		leave_content(tags, cr, page_index, box_index);
		mark_furniture(tags, cr, furniture);
		return 1;
	case BOX_OTHER:
		break;
	}
	if (box->kind == BOX_LINK) {
		queue_link(tags, box_index);
	} else {
		end_furniture(tags, cr);
		emit_dest(tags, cr, box);
	}
	return 0;
}

void draw_tags_page_end(struct draw_tags *tags, cairo_t *cr)
{
	/* A Link element's annotation lies on the page it began on. */
	for (size_t i = 0; i < tags->open_count; i++)
		if (!(tags->open[i] & OWN_TEXT) &&
		    tags->list->nodes[tags->open[i]].role == ROLE_LINK) {
			close_to(tags, cr, i);
			break;
		}
	end_furniture(tags, cr);
	while (tags->pending_count > 0)
		emit_link(tags, cr, 0);
}

void draw_tags_finish(struct draw_tags *tags, cairo_t *cr)
{
	draw_tags_page_end(tags, cr);
	close_to(tags, cr, 0);
}

const struct pdf_element *draw_tags_elements(const struct draw_tags *tags,
					     size_t *count)
{
	*count = tags->element_count;
	return tags->elements;
}

const struct pdf_dest *draw_tags_dests(const struct draw_tags *tags,
				       size_t *count)
{
	*count = tags->dest_count;
	return tags->dests_drawn;
}
