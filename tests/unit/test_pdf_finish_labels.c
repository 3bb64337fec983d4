/* The finishing pass writes the display list's page label ranges as the
 * catalog's /PageLabels number tree, read back here with libqpdf: the
 * ranges' first pages as keys, decimal style, a start other than 1 as /St
 * and a prefix as /P; no ranges, no /PageLabels. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <glib.h>
#include <qpdf/qpdf-c.h>

#include "draw.h"
#include "shaped_text.h"
#include "test_files.h"

static const struct source_pos nowhere = { 0, 0 };

/* Three pages with a paragraph each, drawn to dir/labels.pdf; returns
 * its path. */
static char *draw_three_pages(PangoContext *context, const char *dir,
			      int labelled)
{
	struct display_list *list = dl_new();
	list->title = dl_strdup(list, "Labels");
	list->lang = dl_strdup(list, "en-GB");
	for (size_t p = 0; p < 3; p++) {
		dl_add_page(list, 595, 842);
		uint32_t node = dl_add_node(list, ROLE_PARAGRAPH, 0, nowhere);
		test_text(list, context, p, node, 50, 50, "Liberation Sans 11",
			  "Text", 0);
	}
	if (labelled) {
		dl_set_page_label(list, 0, NULL, 5);
		dl_set_page_label(list, 2, "A2-", 1);
	}
	dl_finish(list);
	char *path = g_build_filename(dir, "labels.pdf", NULL);
	struct diag_list diags = { 0 };
	assert_int_equal(draw_pdf(list, path, &diags), 0);
	diag_list_free(&diags);
	dl_free(list);
	return path;
}

static qpdf_data open_pdf(const char *path)
{
	qpdf_data qpdf = qpdf_init();
	qpdf_silence_errors(qpdf);
	assert_false(qpdf_read(qpdf, path, NULL) & QPDF_ERRORS);
	return qpdf;
}

static void test_ranges_become_page_labels(void **state)
{
	(void)state;
	PangoContext *context = fixture_context();
	char *dir = temp_dir("test_pdf_finish_labels");
	char *path = draw_three_pages(context, dir, 1);
	qpdf_data qpdf = open_pdf(path);
	qpdf_oh labels = qpdf_oh_get_key(qpdf, qpdf_get_root(qpdf), "/PageLabels");
	assert_true(qpdf_oh_is_dictionary(qpdf, labels));
	qpdf_oh nums = qpdf_oh_get_key(qpdf, labels, "/Nums");
	assert_int_equal(qpdf_oh_get_array_n_items(qpdf, nums), 4);
	assert_int_equal(qpdf_oh_get_int_value(qpdf, qpdf_oh_get_array_item(qpdf, nums, 0)), 0);
	qpdf_oh first = qpdf_oh_get_array_item(qpdf, nums, 1);
	assert_string_equal(qpdf_oh_get_name(qpdf, qpdf_oh_get_key(qpdf, first, "/S")), "/D");
	assert_int_equal(qpdf_oh_get_int_value(qpdf, qpdf_oh_get_key(qpdf, first, "/St")), 5);
	assert_false(qpdf_oh_has_key(qpdf, first, "/P"));
	assert_int_equal(qpdf_oh_get_int_value(qpdf, qpdf_oh_get_array_item(qpdf, nums, 2)), 2);
	qpdf_oh appendix = qpdf_oh_get_array_item(qpdf, nums, 3);
	assert_string_equal(qpdf_oh_get_utf8_value(qpdf, qpdf_oh_get_key(qpdf, appendix, "/P")), "A2-");
	assert_false(qpdf_oh_has_key(qpdf, appendix, "/St"));
	qpdf_cleanup(&qpdf);
	g_free(path);
	remove_dir(dir);
	g_free(dir);
	g_object_unref(context);
}

static void test_no_ranges_no_page_labels(void **state)
{
	(void)state;
	PangoContext *context = fixture_context();
	char *dir = temp_dir("test_pdf_finish_labels");
	char *path = draw_three_pages(context, dir, 0);
	qpdf_data qpdf = open_pdf(path);
	assert_false(qpdf_oh_has_key(qpdf, qpdf_get_root(qpdf), "/PageLabels"));
	qpdf_cleanup(&qpdf);
	g_free(path);
	remove_dir(dir);
	g_free(dir);
	g_object_unref(context);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ranges_become_page_labels),
		cmocka_unit_test(test_no_ranges_no_page_labels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
