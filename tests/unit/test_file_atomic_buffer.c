/* file_atomic gathers writes in a buffer: every byte still arrives, in
 * order, whether the writes are many and small, straddle the buffer's end
 * or are larger than the buffer, and nothing reaches the destination
 * before commit. A write that fails while the buffer is emptied (here: a
 * file size limit) still fails the commit, removes the temporary file and
 * leaves the old file as it was. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <glib.h>

#include "file_atomic.h"
#include "test_files.h"

/* A pattern that shows a byte out of place: no period divides the sizes. */
static unsigned char pattern_byte(size_t i)
{
	return (unsigned char)((i * 131u + i / 251u) & 0xFF);
}

static void check_contents(const char *path, size_t expected_length)
{
	char *bytes = NULL;
	gsize length = 0;
	assert_true(g_file_get_contents(path, &bytes, &length, NULL));
	assert_int_equal(length, expected_length);
	for (size_t i = 0; i < length; i++)
		if ((unsigned char)bytes[i] != pattern_byte(i))
			fail_msg("byte %zu differs", i);
	g_free(bytes);
}

/* Writes pieces of the sizes given in turn (cycling) up to total bytes. */
static void write_in_pieces(const size_t *sizes, size_t size_count,
			    size_t total)
{
	char *dir = temp_dir("test_atomic_buffer");
	char *path = g_build_filename(dir, "out.bin", NULL);
	unsigned char *data = malloc(total ? total : 1);
	assert_non_null(data);
	for (size_t i = 0; i < total; i++)
		data[i] = pattern_byte(i);

	struct diag_list diags = { 0 };
	struct file_atomic *file = file_atomic_open(path, &diags);
	assert_non_null(file);
	size_t done = 0, k = 0;
	while (done < total) {
		size_t n = sizes[k++ % size_count];
		if (n > total - done)
			n = total - done;
		assert_int_equal(file_atomic_write(file, data + done, n), 0);
		done += n;
	}
	struct stat st;
	assert_int_not_equal(stat(path, &st), 0); /* nothing before commit */
	char *temp = g_strdup(file_atomic_temp_path(file));
	assert_int_equal(file_atomic_commit(file, &diags), 0);
	assert_int_not_equal(stat(temp, &st), 0);
	check_contents(path, total);
	diag_list_free(&diags);

	remove_dir(dir);
	g_free(temp);
	g_free(path);
	g_free(dir);
	free(data);
}

static void test_many_small_writes(void **state)
{
	(void)state;
	static const size_t sizes[] = { 1, 7, 13, 3, 64, 2 };
	write_in_pieces(sizes, 6, 3 * 1024 * 1024 + 17);
}

static void test_writes_larger_than_the_buffer(void **state)
{
	(void)state;
	static const size_t sizes[] = { 5, 1024 * 1024 + 3, 11, 700 * 1024 };
	write_in_pieces(sizes, 4, 5 * 1024 * 1024 + 101);
}

static void test_one_write_and_empty_writes(void **state)
{
	(void)state;
	static const size_t one[] = { 4096 };
	write_in_pieces(one, 1, 4096);
	static const size_t none[] = { 1 };
	write_in_pieces(none, 1, 0);
}

/* The sizes straddle the limit at a write that fits the buffer (the error
 * shows at a later flush) or at commit's own flush. */
static void fail_past_limit(size_t total)
{
	char *dir = temp_dir("test_atomic_buffer");
	char *path = g_build_filename(dir, "out.bin", NULL);
	assert_true(g_file_set_contents(path, "old", 3, NULL));
	unsigned char *data = calloc(1, total);
	assert_non_null(data);

	struct rlimit saved;
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &saved), 0);
	struct rlimit small = saved;
	small.rlim_cur = 64 * 1024;
	void (*old_handler)(int) = signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);

	struct diag_list diags = { 0 };
	struct file_atomic *file = file_atomic_open(path, &diags);
	assert_non_null(file);
	for (size_t done = 0; done < total; done += 1000)
		file_atomic_write(file, data + done,
				  total - done < 1000 ? total - done : 1000);
	int status = file_atomic_commit(file, &diags);

	setrlimit(RLIMIT_FSIZE, &saved);
	signal(SIGXFSZ, old_handler);
	assert_int_equal(status, -1);
	assert_int_equal(diag_count(&diags, DIAG_ERROR), 1);
	assert_int_equal(count_entries(dir), 1); /* no temporary left */
	char *bytes = NULL;
	gsize length = 0;
	assert_true(g_file_get_contents(path, &bytes, &length, NULL));
	assert_int_equal(length, 3);
	assert_memory_equal(bytes, "old", 3);
	g_free(bytes);
	diag_list_free(&diags);

	remove_dir(dir);
	g_free(path);
	g_free(dir);
	free(data);
}

static void test_write_error_fails_commit(void **state)
{
	(void)state;
	fail_past_limit(200 * 1024);       /* only commit's flush fails */
	fail_past_limit(3 * 1024 * 1024);  /* a flush on the way fails */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_many_small_writes),
		cmocka_unit_test(test_writes_larger_than_the_buffer),
		cmocka_unit_test(test_one_write_and_empty_writes),
		cmocka_unit_test(test_write_error_fails_commit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
