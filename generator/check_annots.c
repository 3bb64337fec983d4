/* A page's annotations: links described (/Contents) and tagged (in a Link
 * element), and the page's tab order following the structure. */
#include <stdlib.h>

#include "check_internal.h"
#include "memory.h"

/* Hidden annotations (flag bit 2) are never shown, so the rules skip them. */
static int is_hidden(struct check_ctx *ctx, qpdf_oh annot)
{
	qpdf_oh flags = qpdf_oh_get_key(ctx->q, annot, "/F");
	return qpdf_oh_is_integer(ctx->q, flags) &&
	       (qpdf_oh_get_int_value(ctx->q, flags) & 2);
}

static int has_contents(struct check_ctx *ctx, qpdf_oh annot)
{
	char *s = check_utf8(ctx, qpdf_oh_get_key(ctx->q, annot, "/Contents"));
	int yes = s && *s;
	free(s);
	return yes;
}

struct link_counts {
	size_t links, undescribed, untagged;
};

static void check_link(struct check_ctx *ctx, qpdf_oh annot, struct link_counts *c)
{
	c->links++;
	if (!has_contents(ctx, annot))
		c->undescribed++;
	int id = check_object_id(ctx, annot);
	if (ctx->tagged && !(id && g_hash_table_contains(ctx->annots_in_links,
							  GINT_TO_POINTER(id))))
		c->untagged++;
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void report_links(struct check_ctx *ctx, size_t page_no,
			 const struct link_counts *c)
{
	if (c->undescribed)
		check_fail(ctx, page_no, "7.18.5-2", "Matterhorn 28-012",
			   "%zu of the %zu link%s on this page %s no description "
			   "(/Contents), so screen readers cannot say where %s",
			   c->undescribed, c->links, plural(c->links, "", "s"),
			   plural(c->undescribed, "has", "have"),
			   plural(c->undescribed, "it goes", "they go"));
	if (c->untagged)
		check_fail(ctx, page_no, "7.18.5-1", "Matterhorn 28-011",
			   "%zu of the %zu link%s on this page %s not in a Link "
			   "tag, so screen readers do not announce %s as a link "
			   "where %s in the text",
			   c->untagged, c->links, plural(c->links, "", "s"),
			   plural(c->untagged, "is", "are"),
			   plural(c->untagged, "it", "them"),
			   plural(c->untagged, "it sits", "they sit"));
}

void check_page_annotations(struct check_ctx *ctx, qpdf_oh page, size_t page_no)
{
	qpdf_data q = ctx->q;
	qpdf_oh annots = qpdf_oh_get_key(q, page, "/Annots");
	if (!qpdf_oh_is_array(q, annots))
		return;
	int n = qpdf_oh_get_array_n_items(q, annots);
	if (n > CHECK_MAX_ANNOTS) {
		check_damaged(ctx, "page %zu has %d annotations; check read the "
			      "first %d", page_no, n, CHECK_MAX_ANNOTS);
		n = CHECK_MAX_ANNOTS;
	}
	struct link_counts links = { 0 };
	int shown = 0;
	for (int i = 0; i < n; i++) {
		qpdf_oh annot = qpdf_oh_get_array_item(q, annots, i);
		if (!qpdf_oh_is_dictionary(q, annot) || is_hidden(ctx, annot))
			continue;
		shown++;
		if (check_key_is_name(ctx, annot, "/Subtype", "/Link"))
			check_link(ctx, annot, &links);
	}
	report_links(ctx, page_no, &links);
	if (!shown)
		return;
	qpdf_oh tabs = qpdf_oh_get_key(q, page, "/Tabs");
	if (!qpdf_oh_is_name(q, tabs))
		check_fail(ctx, page_no, "7.18.3-1", "Matterhorn 28-008",
			   "the page has links or other annotations but no tab "
			   "order (/Tabs /S), so pressing Tab may jump between "
			   "them out of reading order");
	else if (!qpdf_oh_is_name_and_equals(q, tabs, "/S"))
		check_fail(ctx, page_no, "7.18.3-1", "Matterhorn 28-009",
			   "the page's tab order is %s rather than the structure "
			   "order (/S), so pressing Tab may jump between links out "
			   "of reading order", qpdf_oh_get_name(q, tabs));
}
