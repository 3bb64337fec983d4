/* Fonts in a page's resources (and in the form XObjects it draws): embedded
 * (7.21.4.1), TrueType CID fonts with a CIDToGIDMap (7.21.3.2), composite
 * fonts mappable to Unicode (7.21.7). Each font is judged once, on the
 * first page that lists it. */
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "memory.h"

/* The keys of dict, copied (qpdf has one key iterator per file, so nested
 * walks must not hold it). At most max. Caller frees each and the array. */
static size_t dict_keys(struct check_ctx *ctx, qpdf_oh dict, char ***out, size_t max)
{
	size_t count = 0, capacity = 0;
	*out = NULL;
	if (!qpdf_oh_is_dictionary(ctx->q, dict))
		return 0;
	qpdf_oh_begin_dict_key_iter(ctx->q, dict);
	while (count < max && qpdf_oh_dict_more_keys(ctx->q)) {
		MEM_GROW(*out, count, capacity);
		(*out)[count++] = mem_strdup(qpdf_oh_dict_next_key(ctx->q));
	}
	return count;
}

static void free_keys(char **keys, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
}

static int embedded(struct check_ctx *ctx, qpdf_oh font)
{
	qpdf_oh descriptor = qpdf_oh_get_key(ctx->q, font, "/FontDescriptor");
	return qpdf_oh_is_stream(ctx->q, qpdf_oh_get_key_if_dict(ctx->q, descriptor, "/FontFile")) ||
	       qpdf_oh_is_stream(ctx->q, qpdf_oh_get_key_if_dict(ctx->q, descriptor, "/FontFile2")) ||
	       qpdf_oh_is_stream(ctx->q, qpdf_oh_get_key_if_dict(ctx->q, descriptor, "/FontFile3"));
}

/* The font's name without a subset tag ("ABCDEF+LiberationSans"). */
static char *font_name(struct check_ctx *ctx, qpdf_oh font)
{
	char *name = check_name(ctx, qpdf_oh_get_key(ctx->q, font, "/BaseFont"));
	if (!name)
		return mem_strdup("(unnamed)");
	const char *plus = strchr(name, '+');
	char *shown = mem_strdup(plus && plus - name == 7 ? plus + 1 : name + 1);
	free(name);
	return shown;
}

static int known_collection(struct check_ctx *ctx, qpdf_oh cid_font)
{
	static const char *const orderings[] = { "GB1", "CNS1", "Japan1", "Korea1" };
	qpdf_oh info = qpdf_oh_get_key(ctx->q, cid_font, "/CIDSystemInfo");
	char *ordering = check_utf8(ctx, qpdf_oh_get_key_if_dict(ctx->q, info, "/Ordering"));
	int known = 0;
	for (size_t i = 0; ordering && i < sizeof orderings / sizeof *orderings; i++)
		known |= strcmp(ordering, orderings[i]) == 0;
	free(ordering);
	return known;
}

static void check_composite(struct check_ctx *ctx, qpdf_oh font, const char *name,
			    size_t page_no)
{
	qpdf_data q = ctx->q;
	qpdf_oh descendants = qpdf_oh_get_key(q, font, "/DescendantFonts");
	qpdf_oh cid = qpdf_oh_is_array(q, descendants) ?
			      qpdf_oh_get_array_item(q, descendants, 0) : 0;
	if (!cid || !qpdf_oh_is_dictionary(q, cid))
		return;
	int is_embedded = embedded(ctx, cid);
	if (!is_embedded)
		check_fail(ctx, page_no, "7.21.4.1-1", "Matterhorn 31-009",
			   "the font %s is not embedded, so on a computer without "
			   "it the text shows in another font or not at all", name);
	if (is_embedded && check_key_is_name(ctx, cid, "/Subtype", "/CIDFontType2") &&
	    !qpdf_oh_has_key(q, cid, "/CIDToGIDMap"))
		check_fail(ctx, page_no, "7.21.3.2-1", "Matterhorn 31-005",
			   "the embedded font %s has no /CIDToGIDMap, so readers "
			   "have to guess which of its glyphs each character uses",
			   name);
	if (!qpdf_oh_has_key(q, font, "/ToUnicode") && !known_collection(ctx, cid))
		check_fail(ctx, page_no, "7.21.7-1", "Matterhorn 31-027",
			   "the font %s has no /ToUnicode map, so its text cannot "
			   "be read aloud, searched or copied", name);
}

static void check_font(struct check_ctx *ctx, qpdf_oh font, size_t page_no)
{
	int id = check_object_id(ctx, font);
	if (id && !check_mark_seen(ctx->fonts_seen, id))
		return;
	if (++ctx->font_count > CHECK_MAX_FONTS) {
		check_damaged(ctx, "the file has more than %d fonts; check read the "
			      "first %d", CHECK_MAX_FONTS, CHECK_MAX_FONTS);
		return;
	}
	char *name = font_name(ctx, font);
	if (check_key_is_name(ctx, font, "/Subtype", "/Type0"))
		check_composite(ctx, font, name, page_no);
	else if (!check_key_is_name(ctx, font, "/Subtype", "/Type3") && !embedded(ctx, font))
		check_fail(ctx, page_no, "7.21.4.1-1", "Matterhorn 31-009",
			   "the font %s is not embedded, so on a computer without "
			   "it the text shows in another font or not at all", name);
	free(name);
}

void check_fonts_in(struct check_ctx *ctx, qpdf_oh resources, size_t page_no,
		    int depth)
{
	qpdf_data q = ctx->q;
	if (depth > CHECK_MAX_DEPTH || !qpdf_oh_is_dictionary(q, resources))
		return;
	qpdf_oh fonts = qpdf_oh_get_key(q, resources, "/Font");
	char **keys;
	size_t n = dict_keys(ctx, fonts, &keys, CHECK_MAX_FONTS);
	for (size_t i = 0; i < n && ctx->font_count <= CHECK_MAX_FONTS; i++) {
		qpdf_oh font = qpdf_oh_get_key(q, fonts, keys[i]);
		if (qpdf_oh_is_dictionary(q, font))
			check_font(ctx, font, page_no);
	}
	free_keys(keys, n);
	qpdf_oh xobjects = qpdf_oh_get_key(q, resources, "/XObject");
	n = dict_keys(ctx, xobjects, &keys, CHECK_MAX_FONTS);
	for (size_t i = 0; i < n; i++) {
		qpdf_oh form = qpdf_oh_get_key(q, xobjects, keys[i]);
		int id = check_object_id(ctx, form);
		if (!qpdf_oh_is_stream(q, form) || (id && !check_mark_seen(ctx->forms_seen, id)))
			continue;
		qpdf_oh dict = qpdf_oh_get_dict(q, form);
		if (check_key_is_name(ctx, dict, "/Subtype", "/Form"))
			check_fonts_in(ctx, qpdf_oh_get_key(q, dict, "/Resources"),
				       page_no, depth + 1);
	}
	free_keys(keys, n);
}
