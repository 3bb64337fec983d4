/* draw_pdf_releasing: the same bytes as draw_pdf, every drawn page emptied
 * of its boxes (its size kept), and a list that dl_free still frees
 * whole. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <glib.h>

#include "draw.h"
#include "pipeline.h"
#include "test_files.h"

#define SAMPLE "samples/best-value-2024.xml"

static void test_release_gives_same_bytes(void **state)
{
	(void)state;
	char *sample = repo_file(SAMPLE);
	struct diag_list diags = { 0 };
	struct pipeline *pipeline = pipeline_new(&diags);
	assert_non_null(pipeline);
	struct display_list *list =
		pipeline_layout(pipeline, sample, NULL, NULL, &diags);
	assert_non_null(list);
	assert_true(list->page_count >= 2);

	char *dir = temp_dir("test_draw_release");
	char *kept_path = g_build_filename(dir, "kept.pdf", NULL);
	char *released_path = g_build_filename(dir, "released.pdf", NULL);

	size_t page_count = list->page_count;
	double *widths = g_new(double, page_count);
	size_t boxes = 0;
	for (size_t i = 0; i < page_count; i++) {
		widths[i] = list->pages[i].width_pt;
		boxes += list->pages[i].box_count;
	}
	assert_true(boxes > 0);

	assert_int_equal(draw_pdf(list, kept_path, &diags), 0);
	assert_int_equal(draw_pdf_releasing(list, released_path, &diags), 0);
	assert_int_equal(diag_count(&diags, DIAG_ERROR), 0);

	assert_int_equal(list->page_count, page_count);
	for (size_t i = 0; i < page_count; i++) {
		assert_int_equal(list->pages[i].box_count, 0);
		assert_null(list->pages[i].boxes);
		assert_true(list->pages[i].width_pt == widths[i]);
	}
	/* Out of range: nothing happens. */
	dl_release_page(list, page_count);

	char *kept = NULL, *released = NULL;
	gsize kept_length = 0, released_length = 0;
	assert_true(g_file_get_contents(kept_path, &kept, &kept_length, NULL));
	assert_true(g_file_get_contents(released_path, &released,
					&released_length, NULL));
	assert_true(kept_length > 1000);
	assert_int_equal(kept_length, released_length);
	assert_memory_equal(kept, released, kept_length);

	dl_free(list);
	pipeline_free(pipeline);
	diag_list_free(&diags);
	remove_dir(dir);
	g_free(kept);
	g_free(released);
	g_free(widths);
	g_free(kept_path);
	g_free(released_path);
	g_free(dir);
	g_free(sample);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_release_gives_same_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
