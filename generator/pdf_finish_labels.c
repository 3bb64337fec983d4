/* The finishing pass's page labels: the display list's label ranges
 * (dl_page_label) as the catalog's /PageLabels number tree, so a reader's
 * page box shows, and goes to, the number printed in each page's footer
 * ("page 47" of a reports pack). Cairo 1.16 cannot write them. */
#include "pdf_finish_internal.h"

static qpdf_oh label_dict(struct pdf_finish *f,
			  const struct dl_page_label *label)
{
	qpdf_oh dict = qpdf_oh_new_dictionary(f->qpdf);
	qpdf_oh_replace_key(f->qpdf, dict, "/S", qpdf_oh_new_name(f->qpdf, "/D"));
	if (label->start != 1)
		qpdf_oh_replace_key(f->qpdf, dict, "/St",
				    qpdf_oh_new_integer(f->qpdf, label->start));
	if (label->prefix && *label->prefix)
		qpdf_oh_replace_key(f->qpdf, dict, "/P",
				    qpdf_oh_new_unicode_string(f->qpdf,
							       label->prefix));
	return dict;
}

void pdf_finish_labels(struct pdf_finish *f)
{
	const struct display_list *list = f->in->list;
	if (!list->label_count)
		return;
	qpdf_oh nums = qpdf_oh_new_array(f->qpdf);
	for (size_t i = 0; i < list->label_count; i++) {
		const struct dl_page_label *label = &list->labels[i];
		if (label->page >= f->page_count)
			break;
		/* A number tree's keys start at page 0 and never repeat. */
		if (i == 0 && label->page != 0) {
			const struct dl_page_label first = { 0, "", 1 };
			qpdf_oh_append_item(f->qpdf, nums,
					    qpdf_oh_new_integer(f->qpdf, 0));
			qpdf_oh_append_item(f->qpdf, nums, label_dict(f, &first));
		}
		qpdf_oh_append_item(f->qpdf, nums,
				    qpdf_oh_new_integer(f->qpdf, label->page));
		qpdf_oh_append_item(f->qpdf, nums, label_dict(f, label));
	}
	qpdf_oh tree = qpdf_oh_new_dictionary(f->qpdf);
	qpdf_oh_replace_key(f->qpdf, tree, "/Nums", nums);
	qpdf_oh_replace_key(f->qpdf, qpdf_get_root(f->qpdf), "/PageLabels", tree);
}
