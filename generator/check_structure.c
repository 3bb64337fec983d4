/* The structure tree: tag types (mapped to standard ones), figures and
 * formulas with alternative text, heading levels, tables (header scope,
 * equal rows), links that hold their words, and which annotations sit in
 * Link elements (check_annots.c asks). Walked depth-first with a bound on depth and on elements, and
 * each indirect element visited once, so a cyclic or huge tree ends. */
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "memory.h"

struct walk {
	struct check_ctx *ctx;
	qpdf_oh role_map;
	GHashTable *seen;
	size_t elements;
	int last_heading;        /* level of the previous Hn, 0 before the first */
	int heading_reported;
};

static const char *const standard_types[] = {
	"Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption",
	"TOC", "TOCI", "Index", "NonStruct", "Private", "P", "H", "H1", "H2",
	"H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH",
	"TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference",
	"BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP",
	"Warichu", "WT", "WP", "Figure", "Formula", "Form",
};

static int is_standard(const char *type)
{
	for (size_t i = 0; i < sizeof standard_types / sizeof *standard_types; i++)
		if (strcmp(type, standard_types[i]) == 0)
			return 1;
	return 0;
}

/* The element's standard type without its slash ("Figure"), following the
 * RoleMap; NULL when it has none. *own gets the type as written. */
static char *standard_type(struct walk *w, qpdf_oh elem, char **own)
{
	qpdf_data q = w->ctx->q;
	char *type = check_name(w->ctx, qpdf_oh_get_key(q, elem, "/S"));
	*own = type ? mem_strdup(type + 1) : NULL;
	for (int hop = 0; type && hop < CHECK_MAX_ROLE_HOPS; hop++) {
		if (is_standard(type + 1)) {
			char *result = mem_strdup(type + 1);
			free(type);
			return result;
		}
		char *mapped = check_name(w->ctx, qpdf_oh_get_key_if_dict(q, w->role_map, type));
		free(type);
		type = mapped;
	}
	free(type);
	return NULL;
}

/* The value of key in the element's /A attributes owned by owner (e.g.
 * "/Table"), or an uninitialised handle. /A is one dictionary or an array
 * of them (with revision numbers between). */
static qpdf_oh attribute(struct walk *w, qpdf_oh elem, const char *owner,
			 const char *key)
{
	qpdf_data q = w->ctx->q;
	qpdf_oh a = qpdf_oh_get_key(q, elem, "/A"), found = 0;
	int is_array = qpdf_oh_is_array(q, a);
	int n = is_array ? qpdf_oh_get_array_n_items(q, a) : 1;
	for (int i = 0; i < n && i < 64 && !found; i++) {
		qpdf_oh dict = is_array ? qpdf_oh_get_array_item(q, a, i) : a;
		if (check_key_is_name(w->ctx, dict, "/O", owner) &&
		    qpdf_oh_has_key(q, dict, key))
			found = qpdf_oh_get_key(q, dict, key);
		if (is_array)
			qpdf_oh_release(q, dict);
	}
	qpdf_oh_release(q, a);
	return found;
}

static long span(struct walk *w, qpdf_oh cell, const char *key)
{
	qpdf_data q = w->ctx->q;
	qpdf_oh v = attribute(w, cell, "/Table", key);
	long long n = v && qpdf_oh_is_integer(q, v) ? qpdf_oh_get_int_value(q, v) : 1;
	if (v)
		qpdf_oh_release(q, v);
	return n < 1 ? 1 : n > 10000 ? 10000 : (long)n;
}

static int has_attribute(struct walk *w, qpdf_oh elem, const char *key)
{
	qpdf_oh v = attribute(w, elem, "/Table", key);
	if (v)
		qpdf_oh_release(w->ctx->q, v);
	return v != 0;
}

static int has_text(struct walk *w, qpdf_oh elem, const char *key)
{
	char *s = check_utf8(w->ctx, qpdf_oh_get_key(w->ctx->q, elem, key));
	int yes = s && *s;
	free(s);
	return yes;
}

/* The element kids of elem (dictionaries with /S), at most max. Caller frees. */
static size_t element_kids(struct walk *w, qpdf_oh elem, qpdf_oh **out)
{
	qpdf_data q = w->ctx->q;
	qpdf_oh k = qpdf_oh_get_key(q, elem, "/K");
	int n = qpdf_oh_is_array(q, k) ? qpdf_oh_get_array_n_items(q, k) : 1;
	size_t count = 0, capacity = 0;
	*out = NULL;
	for (int i = 0; i < n && w->elements + count < CHECK_MAX_ELEMENTS; i++) {
		qpdf_oh kid = qpdf_oh_is_array(q, k) ? qpdf_oh_get_array_item(q, k, i) : k;
		if (qpdf_oh_is_dictionary(q, kid) && qpdf_oh_has_key(q, kid, "/S")) {
			MEM_GROW(*out, count, capacity);
			(*out)[count++] = kid;
		} else if (kid != k) {
			qpdf_oh_release(q, kid);
		}
	}
	if (!count || (*out)[0] != k)
		qpdf_oh_release(q, k);
	return count;
}

static size_t element_page(struct walk *w, qpdf_oh elem, size_t inherited)
{
	qpdf_oh pg = qpdf_oh_get_key(w->ctx->q, elem, "/Pg");
	size_t page = check_page_number(w->ctx, pg);
	qpdf_oh_release(w->ctx->q, pg);
	return page ? page : inherited;
}

/* Annotations this Link element holds through OBJR kids. */
static void note_link_annotations(struct walk *w, qpdf_oh link)
{
	qpdf_data q = w->ctx->q;
	qpdf_oh k = qpdf_oh_get_key(q, link, "/K");
	int n = qpdf_oh_is_array(q, k) ? qpdf_oh_get_array_n_items(q, k) : 1;
	for (int i = 0; i < n && i < 10000; i++) {
		qpdf_oh kid = qpdf_oh_is_array(q, k) ? qpdf_oh_get_array_item(q, k, i) : k;
		if (!check_key_is_name(w->ctx, kid, "/Type", "/OBJR"))
			continue;
		int id = check_object_id(w->ctx, qpdf_oh_get_key(q, kid, "/Obj"));
		if (id)
			check_mark_seen(w->ctx->annots_in_links, id);
	}
}

gint64 *check_link_key(size_t page, long long mcid)
{
	gint64 *key = g_new(gint64, 1);
	*key = (gint64)page << 32 | (gint64)(mcid & 0xFFFFFFFF);
	return key;
}

/* A Link's words: a child element holds them (1), or its marked content,
 * whose MCIDs are noted for the page step to look inside (0); -1 when it
 * holds neither, only annotations. */
static int link_content(struct walk *w, qpdf_oh link, size_t page)
{
	qpdf_data q = w->ctx->q;
	qpdf_oh k = qpdf_oh_get_key(q, link, "/K");
	int is_array = qpdf_oh_is_array(q, k);
	int n = is_array ? qpdf_oh_get_array_n_items(q, k) : 1;
	int result = -1;
	guint index = w->ctx->links->len;
	for (int i = 0; i < n && i < 10000 && result < 1; i++) {
		qpdf_oh kid = is_array ? qpdf_oh_get_array_item(q, k, i) : k;
		long long mcid = -1;
		size_t mc_page = page;
		if (qpdf_oh_is_integer(q, kid)) {
			mcid = qpdf_oh_get_int_value(q, kid);
		} else if (check_key_is_name(w->ctx, kid, "/Type", "/MCR")) {
			mcid = qpdf_oh_get_int_value(q, qpdf_oh_get_key(q, kid, "/MCID"));
			mc_page = element_page(w, kid, page);
		} else if (qpdf_oh_is_dictionary(q, kid) &&
			   qpdf_oh_has_key(q, kid, "/S")) {
			result = 1;
		}
		if (mcid >= 0 && mc_page) {
			g_hash_table_insert(w->ctx->link_mcids,
					    check_link_key(mc_page, mcid),
					    GUINT_TO_POINTER(index + 1));
			result = 0;
		}
		if (is_array)
			qpdf_oh_release(q, kid);
	}
	qpdf_oh_release(q, k);
	if (result == 0) {
		struct check_link record = { .page = page };
		g_array_append_val(w->ctx->links, record);
	}
	return result;
}

void check_link_words(struct check_ctx *ctx)
{
	for (guint i = 0; i < ctx->links->len; i++) {
		const struct check_link *link =
			&g_array_index(ctx->links, struct check_link, i);
		if (!link->has_text)
			check_fail(ctx, link->page, "7.18.5", "PDF/UA-1",
				   "a link's words are not inside its Link element "
				   "(nothing is shown in its marked content), so "
				   "screen readers announce a link without saying "
				   "what it is");
	}
}

static void check_heading(struct walk *w, const char *type, size_t page)
{
	if (strlen(type) != 2 || type[0] != 'H' || type[1] < '1' || type[1] > '6')
		return;
	int level = type[1] - '0';
	int previous = w->last_heading;
	w->last_heading = level;
	if (w->heading_reported || level <= previous + 1)
		return;
	/* Once per document: the first skip explains the rest. */
	w->heading_reported = 1;
	if (previous == 0)
		check_fail(w->ctx, page, "7.4.2-1", "Matterhorn 14-002",
			   "the first heading is a level %d heading (H%d), not "
			   "level 1, so the outline screen reader users navigate "
			   "by starts in the middle", level, level);
	else
		check_fail(w->ctx, page, "7.4.2-1", "Matterhorn 14-003",
			   "a level %d heading follows a level %d heading, "
			   "skipping a level, so screen reader users cannot tell "
			   "which section it belongs to", level, previous);
}

struct table_rows {
	long *widths;   /* columns each row covers, with spans */
	long *carried;  /* columns taken by cells spanning down from above */
	size_t count, capacity;
	size_t th_without_scope, cells_with_headers;
	size_t page;
};

static void add_row(struct walk *w, struct table_rows *t, qpdf_oh row)
{
	qpdf_oh *cells;
	size_t n = element_kids(w, row, &cells);
	if (t->count >= t->capacity) {
		t->capacity = t->capacity ? t->capacity * 2 : 16;
		t->widths = mem_resize(t->widths, t->capacity, sizeof *t->widths);
		t->carried = mem_resize(t->carried, t->capacity, sizeof *t->carried);
		memset(t->carried + t->count, 0,
		       (t->capacity - t->count) * sizeof *t->carried);
	}
	size_t r = t->count++;
	long width = t->carried[r];
	for (size_t i = 0; i < n; i++) {
		char *own, *type = standard_type(w, cells[i], &own);
		if (type && (strcmp(type, "TH") == 0 || strcmp(type, "TD") == 0)) {
			long cols = span(w, cells[i], "/ColSpan");
			long rows = span(w, cells[i], "/RowSpan");
			width += cols;
			/* Rows below get the span when they are added. */
			for (long j = 1; j < rows && j < 10000; j++) {
				size_t below = r + (size_t)j;
				while (below >= t->capacity) {
					size_t old = t->capacity;
					t->capacity *= 2;
					t->widths = mem_resize(t->widths, t->capacity, sizeof *t->widths);
					t->carried = mem_resize(t->carried, t->capacity, sizeof *t->carried);
					memset(t->carried + old, 0, (t->capacity - old) * sizeof *t->carried);
				}
				t->carried[below] += cols;
			}
			if (has_attribute(w, cells[i], "/Headers"))
				t->cells_with_headers++;
			if (strcmp(type, "TH") == 0 && !has_attribute(w, cells[i], "/Scope"))
				t->th_without_scope++;
			if (!t->page)
				t->page = element_page(w, cells[i], 0);
		}
		free(type);
		free(own);
		qpdf_oh_release(w->ctx->q, cells[i]);
	}
	t->widths[r] = width;
	free(cells);
}

/* Rows of a table: TR kids, or the TRs of THead, TBody and TFoot. */
static void gather_rows(struct walk *w, struct table_rows *t, qpdf_oh parent, int depth)
{
	qpdf_oh *kids;
	size_t n = element_kids(w, parent, &kids);
	for (size_t i = 0; i < n && t->count < CHECK_MAX_ELEMENTS; i++) {
		char *own, *type = standard_type(w, kids[i], &own);
		if (type && strcmp(type, "TR") == 0)
			add_row(w, t, kids[i]);
		else if (type && depth == 0 && (strcmp(type, "THead") == 0 ||
						strcmp(type, "TBody") == 0 ||
						strcmp(type, "TFoot") == 0))
			gather_rows(w, t, kids[i], 1);
		free(type);
		free(own);
		qpdf_oh_release(w->ctx->q, kids[i]);
	}
	free(kids);
}

static void check_table(struct walk *w, qpdf_oh table, size_t page)
{
	struct table_rows t = { 0 };
	gather_rows(w, &t, table, 0);
	if (!t.page)
		t.page = page;
	for (size_t r = 1; r < t.count; r++) {
		if (t.widths[r] == t.widths[0])
			continue;
		check_fail(w->ctx, t.page, "7.2-42", "Matterhorn 09-004",
			   "a table has rows of different lengths (row 1 spans %ld "
			   "columns, row %zu spans %ld), so screen readers announce "
			   "cells under the wrong column headers",
			   t.widths[0], r + 1, t.widths[r]);
		break;
	}
	if (t.th_without_scope == 1 && !t.cells_with_headers)
		check_fail(w->ctx, t.page, "7.5-1", "Matterhorn 15-003",
			   "a header cell of a table does not say whether it heads "
			   "a column or a row (no /Scope), so screen readers cannot "
			   "tell which cells it heads");
	else if (t.th_without_scope && !t.cells_with_headers)
		check_fail(w->ctx, t.page, "7.5-1", "Matterhorn 15-003",
			   "%zu header cells of a table do not say whether they head "
			   "a column or a row (no /Scope), so screen readers cannot "
			   "tell which cells they head", t.th_without_scope);
	free(t.widths);
	free(t.carried);
}

static void check_element(struct walk *w, qpdf_oh elem, const char *type,
			  const char *own, size_t page)
{
	if (!type) {
		check_fail(w->ctx, page, "7.1-5", "Matterhorn 02-001",
			   "the tag '%s' is not a standard tag and is not mapped to "
			   "one, so assistive technology does not know what it is",
			   own ? own : "(none)");
		return;
	}
	if (strcmp(type, "Figure") == 0 && !has_text(w, elem, "/Alt") &&
	    !qpdf_oh_has_key(w->ctx->q, elem, "/ActualText"))
		check_fail(w->ctx, page, "7.3-1", "Matterhorn 13-004",
			   "a figure has no alternative text (/Alt), so screen "
			   "reader users are told there is an image but not what "
			   "it shows");
	else if (strcmp(type, "Formula") == 0 && !has_text(w, elem, "/Alt") &&
		 !qpdf_oh_has_key(w->ctx->q, elem, "/ActualText"))
		check_fail(w->ctx, page, "7.7-1", "Matterhorn 17-002",
			   "a formula has no alternative text (/Alt), so screen "
			   "reader users cannot hear it");
	else if (strcmp(type, "Table") == 0)
		check_table(w, elem, page);
	else if (strcmp(type, "Link") == 0) {
		note_link_annotations(w, elem);
		if (link_content(w, elem, page) < 0)
			check_fail(w->ctx, page, "7.18.5", "PDF/UA-1",
				   "a link's words are not inside its Link element "
				   "(it holds only the annotation), so screen readers "
				   "announce a link without saying what it is");
	}
	check_heading(w, type, page);
}

static void walk_element(struct walk *w, qpdf_oh elem, size_t page, int depth)
{
	struct check_ctx *ctx = w->ctx;
	if (depth > CHECK_MAX_DEPTH) {
		check_damaged(ctx, "the structure tree is nested more than %d levels "
			      "deep; check read no deeper", CHECK_MAX_DEPTH);
		return;
	}
	int id = check_object_id(ctx, elem);
	if (id && !check_mark_seen(w->seen, id))
		return; /* a cycle, or an element listed twice */
	if (++w->elements > CHECK_MAX_ELEMENTS) {
		check_damaged(ctx, "the structure tree has more than %d elements; "
			      "check read the first %d", CHECK_MAX_ELEMENTS,
			      CHECK_MAX_ELEMENTS);
		return;
	}
	page = element_page(w, elem, page);
	char *own, *type = standard_type(w, elem, &own);
	check_element(w, elem, type, own, page);
	free(type);
	free(own);
	qpdf_oh *kids;
	size_t n = element_kids(w, elem, &kids);
	for (size_t i = 0; i < n && w->elements <= CHECK_MAX_ELEMENTS; i++) {
		walk_element(w, kids[i], page, depth + 1);
		qpdf_oh_release(ctx->q, kids[i]);
	}
	free(kids);
}

void check_structure(struct check_ctx *ctx)
{
	if (!ctx->tagged)
		return;
	qpdf_data q = ctx->q;
	qpdf_oh root = qpdf_oh_get_key(q, qpdf_get_root(q), "/StructTreeRoot");
	struct walk w = {
		.ctx = ctx,
		.role_map = qpdf_oh_get_key(q, root, "/RoleMap"),
		.seen = g_hash_table_new(NULL, NULL),
	};
	qpdf_oh k = qpdf_oh_get_key(q, root, "/K");
	int n = qpdf_oh_is_array(q, k) ? qpdf_oh_get_array_n_items(q, k) : 1;
	for (int i = 0; i < n && w.elements <= CHECK_MAX_ELEMENTS; i++) {
		qpdf_oh kid = qpdf_oh_is_array(q, k) ? qpdf_oh_get_array_item(q, k, i) : k;
		if (qpdf_oh_is_dictionary(q, kid))
			walk_element(&w, kid, 0, 0);
	}
	g_hash_table_destroy(w.seen);
	check_qpdf_failed(ctx, "the structure tree");
}
