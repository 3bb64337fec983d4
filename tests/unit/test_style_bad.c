/* Bad layouts as data: each tests/bad-layouts/NAME.xml must produce exactly
 * the diagnostics in NAME.expected, as `committee-pdf layouts --check
 * --fonts-conf fonts/fonts.conf` prints them (the e2e test runs the
 * program; this runs the library and compares the records). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "fonts.h"
#include "memory.h"
#include "paths.h"
#include "style.h"

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *text = mem_alloc(65536);
	size_t n = fread(text, 1, 65535, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

static char *diagnostics_of(const char *path, struct fonts *fonts)
{
	struct diag_list diags = { 0 };
	struct style *style = style_load(path, &diags);
	if (style)
		fonts_check_style(fonts, style, &diags);
	style_free(style);
	diag_sort(&diags);
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);
	diag_print(&diags, out);
	fclose(out);
	diag_list_free(&diags);
	return text;
}

static void test_bad_layouts(void **state)
{
	(void)state;
	/* The .expected files name paths relative to the source tree. */
	assert_int_equal(chdir(paths_data_dir()), 0);
	struct diag_list diags = { 0 };
	struct fonts *fonts = fonts_open("fonts/fonts.conf", &diags);
	assert_non_null(fonts);
	DIR *d = opendir("tests/bad-layouts");
	assert_non_null(d);
	int cases = 0, failures = 0;
	for (struct dirent *e; (e = readdir(d));) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 4, ".xml") != 0)
			continue;
		char *path = mem_printf("tests/bad-layouts/%s", e->d_name);
		char *expected_path = mem_printf("tests/bad-layouts/%.*s.expected",
						 (int)(n - 4), e->d_name);
		char *expected = read_all(expected_path);
		char *got = diagnostics_of(path, fonts);
		if (!expected || strcmp(expected, got) != 0) {
			fprintf(stderr, "%s:\n  expected: %s  got:      %s", path,
				expected ? expected : "(no .expected file)\n", got);
			failures++;
		}
		/* every bad layout says something */
		assert_true(got[0] != '\0');
		cases++;
		free(got);
		free(expected);
		free(expected_path);
		free(path);
	}
	closedir(d);
	fonts_close(fonts);
	diag_list_free(&diags);
	assert_true(cases >= 15);
	assert_int_equal(failures, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_layouts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
