/* file_atomic: whole files or none, the old file kept on failure, no
 * temporary file left behind, clear messages for unusable folders. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <glib.h>

#include "file_atomic.h"
#include "test_files.h"

static void assert_file(const char *path, const char *expected)
{
	char *bytes = NULL;
	gsize length = 0;
	assert_true(g_file_get_contents(path, &bytes, &length, NULL));
	assert_int_equal(length, strlen(expected));
	assert_memory_equal(bytes, expected, length);
	g_free(bytes);
}

static void test_commit_replaces(void **state)
{
	(void)state;
	char *dir = temp_dir("test_atomic");
	char *path = g_build_filename(dir, "out.pdf", NULL);
	assert_true(g_file_set_contents(path, "old", -1, NULL));
	struct diag_list diags = { 0 };
	struct file_atomic *file = file_atomic_open(path, &diags);
	assert_non_null(file);
	/* The temporary sits beside the destination, which is still old. */
	char *temp_dir_name = g_path_get_dirname(file_atomic_temp_path(file));
	assert_string_equal(temp_dir_name, dir);
	g_free(temp_dir_name);
	assert_int_equal(count_entries(dir), 2);
	assert_int_equal(file_atomic_write(file, "new ", 4), 0);
	assert_int_equal(file_atomic_write(file, "bytes", 5), 0);
	assert_file(path, "old");
	assert_int_equal(file_atomic_commit(file, &diags), 0);
	assert_file(path, "new bytes");
	assert_int_equal(count_entries(dir), 1);
	assert_int_equal(diags.count, 0);
	/* Mode as for any new file: the umask decides, not 0600. */
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	mode_t mask = umask(022);
	umask(mask);
	assert_int_equal(st.st_mode & 0777, 0666 & ~mask);
	diag_list_free(&diags);
	g_free(path);
	remove_dir(dir);
	g_free(dir);
}

static void test_abort_and_fail_keep_old(void **state)
{
	(void)state;
	char *dir = temp_dir("test_atomic");
	char *path = g_build_filename(dir, "out.pdf", NULL);
	assert_true(g_file_set_contents(path, "good", -1, NULL));
	struct diag_list diags = { 0 };

	struct file_atomic *file = file_atomic_open(path, &diags);
	file_atomic_write(file, "partial", 7);
	file_atomic_abort(file);
	assert_file(path, "good");
	assert_int_equal(count_entries(dir), 1);

	file = file_atomic_open(path, &diags);
	file_atomic_write(file, "partial", 7);
	file_atomic_fail(file, "cannot write the PDF: out of paper");
	assert_int_equal(file_atomic_write(file, "more", 4), -1);
	assert_int_equal(file_atomic_commit(file, &diags), -1);
	assert_file(path, "good");
	assert_int_equal(count_entries(dir), 1);
	assert_int_equal(diags.count, 1);
	assert_string_equal(diags.items[0].file, path);
	assert_string_equal(diags.items[0].message,
			    "cannot write the PDF: out of paper");
	diag_list_free(&diags);
	g_free(path);
	remove_dir(dir);
	g_free(dir);
}

static void test_new_file(void **state)
{
	(void)state;
	char *dir = temp_dir("test_atomic");
	char *path = g_build_filename(dir, "fresh.png", NULL);
	struct diag_list diags = { 0 };
	struct file_atomic *file = file_atomic_open(path, &diags);
	assert_int_equal(file_atomic_commit(file, &diags), 0);
	assert_file(path, "");
	diag_list_free(&diags);
	g_free(path);
	remove_dir(dir);
	g_free(dir);
}

static void test_unusable_destinations(void **state)
{
	(void)state;
	char *dir = temp_dir("test_atomic");
	struct diag_list diags = { 0 };
	char *missing = g_build_filename(dir, "missing", "out.pdf", NULL);
	assert_null(file_atomic_open(missing, &diags));
	assert_int_equal(diags.count, 1);
	assert_string_equal(diags.items[0].file, missing);
	assert_non_null(strstr(diags.items[0].message, "missing"));
	assert_non_null(strstr(diags.items[0].message, "No such file or directory"));

	/* A folder where the file should be. */
	assert_null(file_atomic_open(dir, &diags));
	assert_int_equal(diags.count, 2);
	assert_non_null(strstr(diags.items[1].message, "folder"));

	/* A folder that refuses writing (root writes anywhere: skip it). */
	if (geteuid() != 0) {
		char *locked = g_build_filename(dir, "locked", NULL);
		assert_int_equal(mkdir(locked, 0555), 0);
		char *inside = g_build_filename(locked, "out.pdf", NULL);
		assert_null(file_atomic_open(inside, &diags));
		assert_non_null(strstr(diags.items[2].message, "Permission denied"));
		assert_int_equal(count_entries(locked), 0);
		rmdir(locked);
		g_free(inside);
		g_free(locked);
	}
	assert_int_equal(count_entries(dir), 0);
	diag_list_free(&diags);
	g_free(missing);
	remove_dir(dir);
	g_free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_commit_replaces),
		cmocka_unit_test(test_abort_and_fail_keep_old),
		cmocka_unit_test(test_new_file),
		cmocka_unit_test(test_unusable_destinations),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
