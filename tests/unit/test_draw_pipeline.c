/* The pipeline: output names, one source all the way to a display list and
 * a PDF, house styles kept between documents until their file changes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <fcntl.h>
#include <glib.h>

#include "pipeline.h"
#include "test_files.h"

#define SAMPLE "samples/best-value-2024.xml"

static void test_output_path(void **state)
{
	(void)state;
	const struct {
		const char *source, *dir, *expected;
	} cases[] = {
		{ "samples/a.xml", NULL, "samples/a.pdf" },
		{ "samples/a.xml", "out", "out/a.pdf" },
		{ "a", NULL, "a.pdf" },
		{ "dir/a.xml.bak", NULL, "dir/a.xml.bak.pdf" },
		{ ".xml", NULL, ".xml.pdf" },
		{ "-", "out", "out/stdin.pdf" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *path = pipeline_output_path(cases[i].source, cases[i].dir, ".pdf");
		assert_string_equal(path, cases[i].expected);
		free(path);
	}
}

/* x of the first text box reading text on page 1, or -1. */
static double text_x(const struct display_list *list, const char *text)
{
	const struct dl_page *page = &list->pages[0];
	for (size_t i = 0; i < page->box_count; i++)
		if (page->boxes[i].kind == BOX_TEXT && page->boxes[i].u.text.text &&
		    strcmp(page->boxes[i].u.text.text, text) == 0)
			return page->boxes[i].x_pt;
	return -1;
}

static void test_layout_sample(void **state)
{
	(void)state;
	struct diag_list diags = { 0 };
	struct pipeline *pipeline = pipeline_new(&diags);
	assert_non_null(pipeline);
	char *sample = repo_file(SAMPLE);
	char *layout_path = NULL;
	struct display_list *list =
		pipeline_layout(pipeline, sample, NULL, &layout_path, &diags);
	assert_non_null(list);
	assert_int_equal(diag_count(&diags, DIAG_ERROR), 0);
	assert_true(list->page_count > 3);
	assert_non_null(layout_path);
	assert_true(g_str_has_suffix(layout_path, "/committee-report.xml"));
	/* 20 mm left margin */
	assert_float_equal(text_x(list, "City of Wolverhampton Council"), 56.69, 0.01);
	free(layout_path);
	dl_free(list);

	/* A missing source and a missing layout fail with diagnostics. */
	assert_null(pipeline_layout(pipeline, "no/such/source.xml", NULL, NULL, &diags));
	assert_true(diag_has_errors(&diags));
	diag_clear(&diags);
	struct pipeline_options options = { .layout = "no-such-layout" };
	assert_null(pipeline_layout(pipeline, sample, &options, &layout_path, &diags));
	assert_null(layout_path);
	assert_true(diag_has_errors(&diags));
	int named = 0;
	for (size_t i = 0; i < diags.count; i++)
		named |= strstr(diags.items[i].message, "no-such-layout") != NULL;
	assert_true(named);
	diag_clear(&diags);
	assert_int_equal(pipeline_render_pdf(pipeline, sample, "/no/such/folder/x.pdf",
					     NULL, &diags), 1);
	assert_true(diag_has_errors(&diags));
	diag_list_free(&diags);
	pipeline_free(pipeline);
	g_free(sample);
}

static void copy_file(const char *from, const char *to)
{
	char *bytes = NULL;
	gsize length = 0;
	assert_true(g_file_get_contents(from, &bytes, &length, NULL));
	assert_true(g_file_set_contents(to, bytes, (gssize)length, NULL));
	g_free(bytes);
}

/* Replace the first "left=\"20mm\"" in place: same inode, same size. */
static void edit_margin(const char *path, const char *margin)
{
	char *bytes = NULL;
	gsize length = 0;
	assert_true(g_file_get_contents(path, &bytes, &length, NULL));
	char *at = strstr(bytes, "left=\"");
	assert_non_null(at);
	FILE *f = fopen(path, "r+");
	assert_non_null(f);
	fseek(f, (long)(at - bytes) + 6, SEEK_SET);
	fwrite(margin, 1, strlen(margin), f);
	fclose(f);
	g_free(bytes);
}

static void set_mtime(const char *path, time_t seconds)
{
	struct timespec times[2] = { { seconds, 0 }, { seconds, 0 } };
	assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
}

/* SOURCE_DATE_EPOCH, read by the pipeline, gives the creation date and a
 * draft's footer time; one that is not a count of seconds is ignored. */
static void test_source_date_epoch(void **state)
{
	(void)state;
	struct diag_list diags = { 0 };
	struct pipeline *pipeline = pipeline_new(&diags);
	assert_non_null(pipeline);
	char *sample = repo_file(SAMPLE);
	struct pipeline_options draft = { .draft = 1 };
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	struct display_list *list =
		pipeline_layout(pipeline, sample, &draft, NULL, &diags);
	assert_non_null(list);
	assert_string_equal(list->create_date, "2023-11-14T22:13:20Z");
	assert_true(text_x(list, "DRAFT 2023-11-14 22:13 UTC") > 0);
	dl_free(list);
	setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
	list = pipeline_layout(pipeline, sample, NULL, NULL, &diags);
	unsetenv("SOURCE_DATE_EPOCH");
	assert_non_null(list);
	assert_string_equal(list->create_date, "2024-02-22T00:00:00Z");
	dl_free(list);
	free(sample);
	pipeline_free(pipeline);
	diag_clear(&diags);
}

static void test_style_cache(void **state)
{
	(void)state;
	char *dir = temp_dir("test_pipeline");
	char *sample = repo_file(SAMPLE), *shipped = repo_file("layouts/committee-report.xml");
	char *source = g_build_filename(dir, "paper.xml", NULL);
	char *house = g_build_filename(dir, "house.xml", NULL);
	copy_file(sample, source);
	copy_file(shipped, house);
	set_mtime(house, 1700000000);

	struct diag_list diags = { 0 };
	struct pipeline *pipeline = pipeline_new(&diags);
	struct pipeline_options options = { .layout = "house" };
	const char *title = "City of Wolverhampton Council";
	char *used = NULL;
	struct display_list *list = pipeline_layout(pipeline, source, &options, &used, &diags);
	assert_non_null(list);
	assert_string_equal(used, house); /* the source's folder first */
	assert_float_equal(text_x(list, title), 56.69, 0.01);
	dl_free(list);
	free(used);

	/* Same file identity (inode, size, time): the kept style is used. */
	edit_margin(house, "30mm");
	set_mtime(house, 1700000000);
	list = pipeline_layout(pipeline, source, &options, NULL, &diags);
	assert_float_equal(text_x(list, title), 56.69, 0.01);
	dl_free(list);

	/* Changed: read again. */
	set_mtime(house, 1700000100);
	list = pipeline_layout(pipeline, source, &options, NULL, &diags);
	assert_float_equal(text_x(list, title), 85.04, 0.01);
	dl_free(list);
	assert_int_equal(diag_count(&diags, DIAG_ERROR), 0);

	diag_list_free(&diags);
	pipeline_free(pipeline);
	remove_dir(dir);
	g_free(source);
	g_free(house);
	g_free(sample);
	g_free(shipped);
	g_free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_output_path),
		cmocka_unit_test(test_layout_sample),
		cmocka_unit_test(test_source_date_epoch),
		cmocka_unit_test(test_style_cache),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
