/* Fonts: Cairo's TrueType subsets are CIDFontType2 fonts whose CIDs are
 * the subset's glyph ids, but Cairo 1.16 leaves out /CIDToGIDMap, which
 * PDF/A-2 (6.2.11.3.2) requires of every embedded CIDFontType2 font. */
#include "pdf_finish_internal.h"

static void finish_type0(struct pdf_finish *f, qpdf_oh font)
{
	qpdf_data q = f->qpdf;
	qpdf_oh descendants = qpdf_oh_get_key(q, font, "/DescendantFonts");
	int n = qpdf_oh_is_array(q, descendants)
			? qpdf_oh_get_array_n_items(q, descendants)
			: 0;
	for (int i = 0; i < n; i++) {
		qpdf_oh cid_font = qpdf_oh_get_array_item(q, descendants, i);
		if (qpdf_oh_is_dictionary_of_type(q, cid_font, "/Font",
						  "/CIDFontType2") &&
		    !qpdf_oh_has_key(q, cid_font, "/CIDToGIDMap"))
			qpdf_oh_replace_key(q, cid_font, "/CIDToGIDMap",
					    qpdf_oh_new_name(q, "/Identity"));
	}
}

void pdf_finish_fonts(struct pdf_finish *f)
{
	qpdf_data q = f->qpdf;
	GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);
	for (size_t i = 0; i < f->page_count; i++) {
		qpdf_oh page = qpdf_get_page_n(q, i);
		qpdf_oh resources = qpdf_oh_get_key(q, page, "/Resources");
		qpdf_oh fonts = qpdf_oh_get_key_if_dict(q, resources, "/Font");
		if (!qpdf_oh_is_dictionary(q, fonts))
			continue;
		qpdf_oh_begin_dict_key_iter(q, fonts);
		while (qpdf_oh_dict_more_keys(q)) {
			const char *key = qpdf_oh_dict_next_key(q);
			qpdf_oh font = qpdf_oh_get_key(q, fonts, key);
			int id = qpdf_oh_get_object_id(q, font);
			if (id && !g_hash_table_add(seen, GINT_TO_POINTER(id)))
				continue;
			if (qpdf_oh_is_dictionary_of_type(q, font, "/Font", "/Type0"))
				finish_type0(f, font);
		}
	}
	g_hash_table_destroy(seen);
	pdf_finish_qpdf_failed(f, "cannot complete the fonts");
}
