/* Structure elements: Cairo's tree walked in pre-order meets the draw
 * stage's records one for one (pdf_finish.h), so each element gets what
 * its display-list node says: /Lang where the language differs, /Alt on
 * figures, table attributes on cells; a Link's annotation gets /Contents
 * saying where it goes. Furniture placeholders leave the tree (their
 * marked content becomes artifacts in the content step). A cell drawn on
 * two pages is two elements in Cairo's tree (the artifacts between close
 * it): the later ones are merged into the first. Pages with annotations
 * get /Tabs /S. */
#include "pdf_finish_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "memory.h"
#include "words.h"

#define MAX_DEPTH 512 /* the draw stage nests at most 256 */

/* Facts about table rows from the node list: columns each row's cells
 * cover, whether a row holds data cells, its last cell, and each table's
 * column count. */
struct table_facts {
	uint32_t *cells;      /* TR: columns its cells cover, spans counted */
	uint32_t *last_cell;  /* TR: its last cell */
	uint32_t *columns;    /* Table: the most columns any of its rows covers */
	unsigned char *has_data; /* TR: a TD among its cells */
};

struct walk {
	struct pdf_finish *f;
	const struct display_list *list;
	size_t next;             /* the next record to meet */
	struct table_facts table;
	/* Object ids of elements taken out -> the id of the element that
	 * takes their place in the parent tree, or 0 for none. */
	GHashTable *removed;
	int *cell_element;       /* per node: object id of its first cell
	                            element, 0 before one is met */
};

static int is_cell(const struct dl_node *node)
{
	return node->role == ROLE_TABLE_HEADER || node->role == ROLE_TABLE_CELL;
}

static void table_facts_build(struct table_facts *t,
			      const struct display_list *list)
{
	size_t n = list->node_count;
	t->cells = mem_array(n + 1, sizeof *t->cells);
	t->last_cell = mem_array(n + 1, sizeof *t->last_cell);
	t->columns = mem_array(n + 1, sizeof *t->columns);
	t->has_data = mem_alloc(n + 1);
	for (size_t i = 1; i < n; i++) {
		const struct dl_node *node = &list->nodes[i];
		uint32_t row = node->parent;
		if (!is_cell(node) || row >= n ||
		    list->nodes[row].role != ROLE_TABLE_ROW)
			continue;
		t->cells[row] += node->col_span > 1 ? node->col_span : 1;
		t->last_cell[row] = (uint32_t)i;
		if (node->role == ROLE_TABLE_CELL)
			t->has_data[row] = 1;
	}
	for (size_t i = 1; i < n; i++) {
		uint32_t table = list->nodes[i].parent;
		if (list->nodes[i].role == ROLE_TABLE_ROW && table < n &&
		    list->nodes[table].role == ROLE_TABLE &&
		    t->columns[table] < t->cells[i])
			t->columns[table] = t->cells[i];
	}
}

static void table_facts_free(struct table_facts *t)
{
	free(t->cells);
	free(t->last_cell);
	free(t->columns);
	free(t->has_data);
}

/* /A for a cell: a TH in a row of headers heads the columns beneath it,
 * one beside data cells heads its row; the last cell of a short row (a
 * theme or group row) spans the columns the row lacks. NULL: none. */
static char *cell_attributes(const struct walk *w, uint32_t cell)
{
	const struct dl_node *node = &w->list->nodes[cell];
	uint32_t row = node->parent;
	if (!is_cell(node) || row >= w->list->node_count ||
	    w->list->nodes[row].role != ROLE_TABLE_ROW)
		return NULL;
	uint32_t table = w->list->nodes[row].parent;
	uint32_t columns = table < w->list->node_count ? w->table.columns[table] : 0;
	uint32_t span = node->col_span > 1 ? node->col_span : 1;
	if (w->table.last_cell[row] == cell && w->table.cells[row] < columns)
		span += columns - w->table.cells[row];
	GString *a = g_string_new("<< /O /Table");
	if (node->role == ROLE_TABLE_HEADER)
		g_string_append(a, w->table.has_data[row] ? " /Scope /Row"
							  : " /Scope /Column");
	if (span > 1)
		g_string_append_printf(a, " /ColSpan %u", span);
	g_string_append(a, " >>");
	if (node->role == ROLE_TABLE_CELL && span == 1) {
		g_string_free(a, TRUE);
		return NULL;
	}
	return g_string_free(a, FALSE);
}

static void set_text(struct walk *w, qpdf_oh dict, const char *key,
		     const char *utf8)
{
	qpdf_oh value = qpdf_oh_new_unicode_string(w->f->qpdf, utf8);
	qpdf_oh_replace_key(w->f->qpdf, dict, key, value);
	qpdf_oh_release(w->f->qpdf, value);
}

static void finish_node(struct walk *w, qpdf_oh element, uint32_t index)
{
	const struct dl_node *node = &w->list->nodes[index];
	if (node->lang && *node->lang &&
	    g_strcmp0(node->lang, w->list->lang) != 0)
		set_text(w, element, "/Lang", node->lang);
	if (node->role == ROLE_FIGURE && node->alt && *node->alt)
		set_text(w, element, "/Alt", node->alt);
	char *attributes = cell_attributes(w, index);
	if (attributes) {
		qpdf_oh value = qpdf_oh_parse(w->f->qpdf, attributes);
		qpdf_oh_replace_key(w->f->qpdf, element, "/A", value);
		qpdf_oh_release(w->f->qpdf, value);
		g_free(attributes);
	}
}

/* ---- links ---- */

static const struct pdf_dest *find_dest(const struct pdf_finish_input *in,
					const char *name)
{
	for (size_t i = 0; i < in->dest_count; i++)
		if (g_strcmp0(in->dests[i].name, name) == 0)
			return &in->dests[i];
	return NULL;
}

/* The bookmark at a destination: the section's title. */
static const char *dest_title(const struct display_list *list,
			      const struct pdf_dest *dest)
{
	for (size_t i = 0; i < list->outline_count; i++) {
		const struct dl_outline *entry = &list->outline[i];
		if (entry->title && entry->page == dest->page &&
		    fabs(entry->y_pt - dest->y_pt) < 1.0)
			return entry->title;
	}
	return NULL;
}

/* Words for a screen reader: where activating the link goes, in the
 * paper's language (words/: link.*). */
static char *link_contents(const struct walk *w, const struct pdf_element *e)
{
	const struct words *words = words_for(w->list->lang);
	if (!words)
		words = words_default();
	const struct pdf_dest *dest = e->dest ? find_dest(w->f->in, e->dest) : NULL;
	const char *title = dest ? dest_title(w->list, dest) : NULL;
	char page[16];
	snprintf(page, sizeof page, "%u", dest ? dest->page + 1 : 0);
	const struct words_field fields[] = {
		{ "uri", e->uri }, { "name", e->dest ? e->dest : "" },
		{ "title", title }, { "page", page }, { NULL, NULL },
	};
	const char *key = e->uri ? "link.uri" : !dest ? "link.name" :
			  title ? "link.title-page" : "link.page";
	return words_format(words, key, fields);
}

static int is_type(struct walk *w, qpdf_oh dict, const char *type)
{
	qpdf_oh value = qpdf_oh_get_key(w->f->qpdf, dict, "/Type");
	int equal = qpdf_oh_is_name_and_equals(w->f->qpdf, value, type);
	qpdf_oh_release(w->f->qpdf, value);
	return equal;
}

static void finish_link(struct walk *w, qpdf_oh element,
			const struct pdf_element *record)
{
	qpdf_data q = w->f->qpdf;
	qpdf_oh kids = qpdf_oh_get_key(q, element, "/K");
	if (!qpdf_oh_is_array(q, kids))
		kids = qpdf_oh_wrap_in_array(q, kids);
	int n = qpdf_oh_get_array_n_items(q, kids);
	for (int i = 0; i < n; i++) {
		qpdf_oh kid = qpdf_oh_get_array_item(q, kids, i);
		if (!qpdf_oh_is_dictionary(q, kid) || !is_type(w, kid, "/OBJR"))
			continue;
		qpdf_oh annotation = qpdf_oh_get_key(q, kid, "/Obj");
		if (!qpdf_oh_is_dictionary(q, annotation))
			continue;
		char *contents = link_contents(w, record);
		set_text(w, annotation, "/Contents", contents);
		free(contents);
	}
}

/* ---- placeholders ---- */

static void note_furniture(struct walk *w, long page, long long mcid,
			   enum pdf_artifact kind)
{
	if (page < 0 || (size_t)page >= w->f->page_count || mcid < 0 ||
	    mcid > 1000000)
		return;
	GByteArray **slot = &w->f->furniture[page];
	if (!*slot)
		*slot = g_byte_array_new();
	if ((*slot)->len <= (guint)mcid)
		g_byte_array_set_size(*slot, (guint)mcid + 1);
	(*slot)->data[mcid] = (guint8)kind;
}

/* The placeholder's marked content, by page and MCID, for the content
 * step: its kids are MCIDs on its /Pg or marked-content references. */
static void finish_placeholder(struct walk *w, qpdf_oh element,
			       enum pdf_artifact kind)
{
	qpdf_data q = w->f->qpdf;
	long page = pdf_finish_page_of(w->f, qpdf_oh_get_key(q, element, "/Pg"));
	qpdf_oh kids = qpdf_oh_get_key(q, element, "/K");
	if (!qpdf_oh_is_array(q, kids))
		kids = qpdf_oh_wrap_in_array(q, kids);
	int n = qpdf_oh_get_array_n_items(q, kids);
	for (int i = 0; i < n; i++) {
		qpdf_oh kid = qpdf_oh_get_array_item(q, kids, i);
		if (qpdf_oh_is_integer(q, kid)) {
			note_furniture(w, page, qpdf_oh_get_int_value(q, kid), kind);
		} else if (qpdf_oh_is_dictionary(q, kid) && is_type(w, kid, "/MCR")) {
			long kid_page = page;
			if (qpdf_oh_has_key(q, kid, "/Pg"))
				kid_page = pdf_finish_page_of(
					w->f, qpdf_oh_get_key(q, kid, "/Pg"));
			note_furniture(w, kid_page,
				       qpdf_oh_get_int_value(
					       q, qpdf_oh_get_key(q, kid, "/MCID")),
				       kind);
		}
	}
	g_hash_table_insert(w->removed,
			    GINT_TO_POINTER(qpdf_oh_get_object_id(q, element)),
			    GINT_TO_POINTER(0));
}

/* ---- cells split over pages ---- */

static int is_element(struct walk *w, qpdf_oh kid)
{
	return qpdf_oh_is_dictionary(w->f->qpdf, kid) &&
	       qpdf_oh_has_key(w->f->qpdf, kid, "/S");
}


/* Append kid's content to first: MCIDs of another page become marked-
 * content references naming it, child elements move with their /P. */
static void merge_cell(struct walk *w, qpdf_oh first, qpdf_oh kid)
{
	qpdf_data q = w->f->qpdf;
	qpdf_oh merged = qpdf_oh_get_key(q, first, "/K");
	if (!qpdf_oh_is_array(q, merged))
		merged = qpdf_oh_wrap_in_array(q, merged);
	qpdf_oh page = qpdf_oh_get_key(q, kid, "/Pg");
	qpdf_oh kids = qpdf_oh_get_key(q, kid, "/K");
	if (!qpdf_oh_is_array(q, kids))
		kids = qpdf_oh_wrap_in_array(q, kids);
	int n = qpdf_oh_get_array_n_items(q, kids);
	for (int i = 0; i < n; i++) {
		qpdf_oh item = qpdf_oh_get_array_item(q, kids, i);
		if (qpdf_oh_is_integer(q, item)) {
			qpdf_oh mcr = qpdf_oh_parse(q, "<< /Type /MCR >>");
			qpdf_oh_replace_key(q, mcr, "/Pg", page);
			qpdf_oh_replace_key(q, mcr, "/MCID", item);
			qpdf_oh_append_item(q, merged, mcr);
			qpdf_oh_release(q, mcr);
		} else if (!qpdf_oh_is_null(q, item)) {
			if (is_element(w, item))
				qpdf_oh_replace_key(q, item, "/P", first);
			qpdf_oh_append_item(q, merged, item);
		}
		qpdf_oh_release(q, item);
	}
	qpdf_oh_replace_key(q, first, "/K", merged);
	g_hash_table_insert(w->removed,
			    GINT_TO_POINTER(qpdf_oh_get_object_id(q, kid)),
			    GINT_TO_POINTER(qpdf_oh_get_object_id(q, first)));
	qpdf_oh_release(q, merged);
	qpdf_oh_release(q, page);
	qpdf_oh_release(q, kids);
}

/* 1 when element is a later part of a cell already met under the same
 * parent, and has been merged into the first part. */
static int merged_into_first(struct walk *w, qpdf_oh element, uint32_t node)
{
	qpdf_data q = w->f->qpdf;
	if (!is_cell(&w->list->nodes[node]))
		return 0;
	int id = qpdf_oh_get_object_id(q, element);
	if (!w->cell_element[node]) {
		w->cell_element[node] = id;
		return 0;
	}
	qpdf_oh first = qpdf_get_object_by_id(q, w->cell_element[node], 0);
	qpdf_oh first_parent = qpdf_oh_get_key(q, first, "/P");
	qpdf_oh parent = qpdf_oh_get_key(q, element, "/P");
	int same = qpdf_oh_get_object_id(q, first_parent) ==
		   qpdf_oh_get_object_id(q, parent);
	if (same)
		merge_cell(w, first, element);
	qpdf_oh_release(q, first);
	qpdf_oh_release(q, first_parent);
	qpdf_oh_release(q, parent);
	return same;
}

/* ---- the walk ---- */

static const char *expected_name(const struct walk *w,
				 const struct pdf_element *record)
{
	switch (record->kind) {
	case PDF_ELEMENT_LINK:
		return "Link";
	case PDF_ELEMENT_ARTIFACT:
		return PDF_FINISH_PLACEHOLDER_TAG;
	case PDF_ELEMENT_OWN_TEXT:
		return "Span";
	default:
		return record->node < w->list->node_count
			       ? dl_role_name(&w->list->nodes[record->node])
			       : "";
	}
}

/* Meet the next record; 1 when element is a placeholder to take out. */
static int visit(struct walk *w, qpdf_oh element, int depth);

/* Kids that are elements are visited in order; placeholders among them
 * leave the /K array, which is then built anew (erasing items one at a
 * time from a table's thousands of rows would be quadratic). */
static void visit_kids(struct walk *w, qpdf_oh element, int depth)
{
	qpdf_data q = w->f->qpdf;
	qpdf_oh kids = qpdf_oh_get_key(q, element, "/K");
	if (qpdf_oh_is_dictionary(q, kids)) {
		if (is_element(w, kids) && visit(w, kids, depth + 1))
			qpdf_oh_replace_key(q, element, "/K", qpdf_oh_new_array(q));
		qpdf_oh_release(q, kids);
		return;
	}
	int n = qpdf_oh_is_array(q, kids) ? qpdf_oh_get_array_n_items(q, kids) : 0;
	qpdf_oh kept = 0;
	for (int i = 0; i < n && !w->f->error; i++) {
		qpdf_oh kid = qpdf_oh_get_array_item(q, kids, i);
		int removed = is_element(w, kid) && visit(w, kid, depth + 1);
		if (removed && !kept) {
			kept = qpdf_oh_new_array(q);
			for (int j = 0; j < i; j++) {
				qpdf_oh earlier = qpdf_oh_get_array_item(q, kids, j);
				qpdf_oh_append_item(q, kept, earlier);
				qpdf_oh_release(q, earlier);
			}
		} else if (!removed && kept) {
			qpdf_oh_append_item(q, kept, kid);
		}
		qpdf_oh_release(q, kid);
	}
	if (kept) {
		qpdf_oh_replace_key(q, element, "/K", kept);
		qpdf_oh_release(q, kept);
	}
	qpdf_oh_release(q, kids);
}

static int visit(struct walk *w, qpdf_oh element, int depth)
{
	qpdf_data q = w->f->qpdf;
	if (depth > MAX_DEPTH) {
		pdf_finish_fail(w->f, "the structure tree nests too deeply");
		return 0;
	}
	size_t index = w->next++;
	if (index >= w->f->in->element_count) {
		pdf_finish_fail(w->f, "the structure tree has more elements "
				      "than were drawn");
		return 0;
	}
	const struct pdf_element *record = &w->f->in->elements[index];
	const char *expected = expected_name(w, record);
	qpdf_oh type = qpdf_oh_get_key(q, element, "/S");
	const char *name = qpdf_oh_is_name(q, type) ? qpdf_oh_get_name(q, type)
						    : "";
	int matches = name[0] == '/' && strcmp(name + 1, expected) == 0;
	if (!matches)
		pdf_finish_fail(w->f, "structure element %zu is %s where %s was "
				      "drawn", index + 1, name, expected);
	qpdf_oh_release(q, type);
	if (!matches)
		return 0;
	switch (record->kind) {
	case PDF_ELEMENT_ARTIFACT:
		finish_placeholder(w, element, record->artifact);
		return 1;
	case PDF_ELEMENT_LINK:
		finish_link(w, element, record);
		break;
	case PDF_ELEMENT_OWN_TEXT:
		break;
	default:
		finish_node(w, element, record->node);
		visit_kids(w, element, depth);
		return merged_into_first(w, element, record->node);
	}
	visit_kids(w, element, depth);
	return 0;
}

/* A removed element's place in the parent tree goes to the element that
 * took its content, or becomes null. */
static void clear_parent_tree(struct walk *w, qpdf_oh node, int depth)
{
	qpdf_data q = w->f->qpdf;
	if (depth > 32 || !qpdf_oh_is_dictionary(q, node))
		return;
	qpdf_oh nums = qpdf_oh_get_key(q, node, "/Nums");
	int n = qpdf_oh_is_array(q, nums) ? qpdf_oh_get_array_n_items(q, nums) : 0;
	for (int i = 1; i < n; i += 2) {
		qpdf_oh value = qpdf_oh_get_array_item(q, nums, i);
		int m = qpdf_oh_is_array(q, value)
				? qpdf_oh_get_array_n_items(q, value)
				: 0;
		for (int j = 0; j < m; j++) {
			qpdf_oh item = qpdf_oh_get_array_item(q, value, j);
			int id = qpdf_oh_get_object_id(q, item);
			gpointer by = NULL;
			if (id && g_hash_table_lookup_extended(
					  w->removed, GINT_TO_POINTER(id), NULL,
					  &by)) {
				qpdf_oh replacement =
					by ? qpdf_get_object_by_id(
						     q, GPOINTER_TO_INT(by), 0)
					   : qpdf_oh_new_null(q);
				qpdf_oh_set_array_item(q, value, j, replacement);
				qpdf_oh_release(q, replacement);
			}
			qpdf_oh_release(q, item);
		}
	}
	qpdf_oh kids = qpdf_oh_get_key(q, node, "/Kids");
	n = qpdf_oh_is_array(q, kids) ? qpdf_oh_get_array_n_items(q, kids) : 0;
	for (int i = 0; i < n; i++)
		clear_parent_tree(w, qpdf_oh_get_array_item(q, kids, i), depth + 1);
}

static void set_tabs(struct pdf_finish *f)
{
	qpdf_data q = f->qpdf;
	for (size_t i = 0; i < f->page_count; i++) {
		qpdf_oh page = qpdf_get_page_n(q, i);
		qpdf_oh annots = qpdf_oh_get_key(q, page, "/Annots");
		if (qpdf_oh_is_array(q, annots) &&
		    qpdf_oh_get_array_n_items(q, annots) > 0)
			qpdf_oh_replace_key(q, page, "/Tabs",
					    qpdf_oh_new_name(q, "/S"));
	}
}

void pdf_finish_structure(struct pdf_finish *f)
{
	qpdf_data q = f->qpdf;
	struct walk w = { .f = f, .list = f->in->list };
	table_facts_build(&w.table, w.list);
	w.removed = g_hash_table_new(g_direct_hash, g_direct_equal);
	w.cell_element = mem_array(w.list->node_count + 1, sizeof *w.cell_element);
	qpdf_oh tree = qpdf_oh_get_key(q, qpdf_get_root(q), "/StructTreeRoot");
	if (qpdf_oh_is_dictionary(q, tree)) {
		visit_kids(&w, tree, 0);
		if (!f->error && w.next != f->in->element_count)
			pdf_finish_fail(f, "the structure tree has %zu elements "
					   "where %zu were drawn",
					w.next, f->in->element_count);
		if (!f->error && g_hash_table_size(w.removed) > 0)
			clear_parent_tree(&w, qpdf_oh_get_key(q, tree, "/ParentTree"),
					  0);
	} else if (f->in->element_count > 0) {
		pdf_finish_fail(f, "the PDF has no structure tree");
	}
	set_tabs(f);
	g_hash_table_destroy(w.removed);
	free(w.cell_element);
	table_facts_free(&w.table);
	pdf_finish_qpdf_failed(f, "cannot complete the structure tree");
}
