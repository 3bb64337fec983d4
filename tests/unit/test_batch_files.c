/* Source collection, up-to-date checks, the wire format
 * and the progress texts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch.h"
#include "batch_wire.h"
#include "memory.h"
#include "paths.h"

static char dir[] = "/tmp/test_batch_files_XXXXXX";

static char *in_dir(const char *name)
{
	return mem_printf("%s/%s", dir, name);
}

static void write_file(const char *name, const char *text)
{
	char *path = in_dir(name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(path);
}

/* Set a file's modification time to base + seconds. */
static void set_mtime(const char *name, long seconds)
{
	char *path = in_dir(name);
	struct timespec times[2] = { { 1700000000 + seconds, 0 },
				     { 1700000000 + seconds, 0 } };
	assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
	free(path);
}

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char *cmd = mem_printf("rm -rf '%s'", dir);
	int rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : -1;
}

static void test_collect_folder_sorted(void **state)
{
	(void)state;
	char *folder = in_dir("sources");
	assert_int_equal(mkdir(folder, 0777), 0);
	write_file("sources/b.xml", "<paper/>");
	write_file("sources/a.xml", "<paper/>");
	write_file("sources/notes.txt", "not a source");
	write_file("sources/.hidden.xml", "<paper/>");
	char *sub = in_dir("sources/sub.xml");
	assert_int_equal(mkdir(sub, 0777), 0); /* a folder named like a source */
	free(sub);

	struct batch_list list = { 0 };
	struct diag_list diags = { 0 };
	assert_int_equal(batch_collect(&list, folder, &diags), 0);
	assert_int_equal(batch_collect(&list, "missing.xml", &diags), 0);
	assert_int_equal(list.count, 3);
	char *a = in_dir("sources/a.xml"), *b = in_dir("sources/b.xml");
	assert_string_equal(list.paths[0], a);
	assert_string_equal(list.paths[1], b);
	assert_string_equal(list.paths[2], "missing.xml");
	assert_int_equal(diags.count, 0);
	free(a);
	free(b);
	batch_list_free(&list);
	free(folder);
}

static void test_collect_unreadable_folder(void **state)
{
	(void)state;
	/* An unreadable folder is an error. */
	char *folder = in_dir("locked");
	assert_int_equal(mkdir(folder, 0), 0);
	struct batch_list list = { 0 };
	struct diag_list diags = { 0 };
	int rc = batch_collect(&list, folder, &diags);
	if (geteuid() != 0) { /* root reads every folder */
		assert_int_equal(rc, 1);
		assert_int_equal(diags.count, 1);
	}
	diag_list_free(&diags);
	batch_list_free(&list);
	free(folder);
}

static void test_layout_path(void **state)
{
	(void)state;
	write_file("own.xml", "<?xml version=\"1.0\"?>\n"
			      "<paper xmlns=\"urn:committee-pdf:paper:1\" layout=\"house\"/>");
	write_file("house.xml", "<layout xmlns=\"urn:committee-pdf:layout:1\"/>");
	write_file("other.xml", "<layout/>");
	char *source = in_dir("own.xml");
	char *house = in_dir("house.xml");
	char *other = in_dir("other.xml");
	char *path = batch_layout_path(source, NULL);
	assert_non_null(path);
	assert_string_equal(path, house);
	free(path);
	path = batch_layout_path(source, other); /* --layout PATH wins */
	assert_string_equal(path, other);
	free(path);
	assert_null(batch_layout_path(source, "no-such-style"));
	free(source);

	/* A layout path in the source is relative to the source's folder,
	 * as render reads it, not to where the command runs, and may leave
	 * it only into a folder given with --allow-dir. */
	char *sub = in_dir("sub");
	assert_int_equal(mkdir(sub, 0777), 0);
	free(sub);
	write_file("sub/relative.xml", "<?xml version=\"1.0\"?>\n"
			      "<paper xmlns=\"urn:committee-pdf:paper:1\" layout=\"../house.xml\"/>");
	source = in_dir("sub/relative.xml");
	assert_null(batch_layout_path(source, NULL));
	assert_int_equal(paths_allow_dir(dir), 0);
	char *expected = in_dir("sub/../house.xml");
	path = batch_layout_path(source, NULL);
	paths_allow_clear();
	assert_non_null(path);
	assert_string_equal(path, expected);
	free(path);
	free(expected);
	free(source);
	free(house);
	free(other);
}

static void test_up_to_date(void **state)
{
	(void)state;
	write_file("doc.xml", "<paper xmlns=\"urn:committee-pdf:paper:1\" layout=\"style\"/>");
	write_file("style.xml", "<layout xmlns=\"urn:committee-pdf:layout:1\"/>");
	write_file("doc.pdf", "%PDF");
	char *source = in_dir("doc.xml"), *pdf = in_dir("doc.pdf");
	char *missing = in_dir("absent.pdf");

	set_mtime("doc.xml", 0);
	set_mtime("style.xml", 0);
	set_mtime("doc.pdf", 10);
	assert_true(batch_up_to_date(source, pdf, NULL));
	assert_false(batch_up_to_date(source, missing, NULL));

	set_mtime("style.xml", 20); /* the house style changed */
	assert_false(batch_up_to_date(source, pdf, NULL));
	set_mtime("style.xml", 0);

	set_mtime("doc.xml", 20); /* the source changed */
	assert_false(batch_up_to_date(source, pdf, NULL));
	set_mtime("doc.xml", 10); /* same second: not newer */
	assert_false(batch_up_to_date(source, pdf, NULL));
	set_mtime("doc.xml", 0);

	/* --layout names another style, newer than the PDF. */
	write_file("late.xml", "<layout/>");
	set_mtime("late.xml", 30);
	char *late = in_dir("late.xml");
	assert_false(batch_up_to_date(source, pdf, late));
	assert_true(batch_up_to_date(source, pdf, NULL));
	free(late);
	free(source);
	free(pdf);
	free(missing);
}

static void test_up_to_date_previous_quarter(void **state)
{
	(void)state;
	write_file("q2.xml",
		   "<paper xmlns=\"urn:committee-pdf:paper:1\" layout=\"style\">"
		   "<appendix><performance previous-source=\"q1.xml\"/></appendix>"
		   "</paper>");
	write_file("q1.xml", "<paper/>");
	write_file("style.xml", "<layout xmlns=\"urn:committee-pdf:layout:1\"/>");
	write_file("q2.pdf", "%PDF");
	char *source = in_dir("q2.xml"), *pdf = in_dir("q2.pdf");
	set_mtime("q2.xml", 0);
	set_mtime("style.xml", 0);
	set_mtime("q1.xml", 0);
	set_mtime("q2.pdf", 10);
	assert_true(batch_up_to_date(source, pdf, NULL));
	set_mtime("q1.xml", 20); /* last quarter's figures were corrected */
	assert_false(batch_up_to_date(source, pdf, NULL));
	char **inputs;
	size_t count = batch_inputs(source, NULL, &inputs);
	char *style = in_dir("style.xml"), *q1 = in_dir("q1.xml");
	assert_int_equal(count, 2);
	assert_string_equal(inputs[0], style);
	assert_string_equal(inputs[1], q1);
	for (size_t i = 0; i < count; i++)
		free(inputs[i]);
	free(inputs);
	free(style);
	assert_int_equal(unlink(q1), 0); /* and a missing one cannot be checked */
	assert_false(batch_up_to_date(source, pdf, NULL));
	free(q1);
	free(source);
	free(pdf);
}

static void test_wire_round_trip(void **state)
{
	(void)state;
	struct diag_list in = { 0 }, out = { 0 };
	diag_add(&in, DIAG_ERROR, "a.xml", 12, 7, "unknown element '%s'", "x");
	diag_add(&in, DIAG_WARNING, "a.xml", 0, 0, "%s", "");
	unsigned char *buf;
	size_t size;
	batch_wire_encode(41, 1, &in, &buf, &size);
	uint32_t job;
	int status;
	assert_int_equal(batch_wire_decode(buf + 4, size - 4, &job, &status, &out), 0);
	assert_int_equal(job, 41);
	assert_int_equal(status, 1);
	assert_int_equal(out.count, 2);
	assert_string_equal(out.items[0].file, "a.xml");
	assert_int_equal(out.items[0].line, 12);
	assert_int_equal(out.items[0].col, 7);
	assert_int_equal(out.items[0].level, DIAG_ERROR);
	assert_string_equal(out.items[0].message, "unknown element 'x'");
	assert_string_equal(out.items[1].message, "");
	diag_list_free(&out);
	/* Cut short anywhere: refused, not misread. */
	for (size_t cut = 4; cut < size - 1; cut += 3) {
		struct diag_list partial = { 0 };
		assert_int_equal(batch_wire_decode(buf + 4, cut - 4, &job,
						   &status, &partial), -1);
		diag_list_free(&partial);
	}
	/* Through a real pipe, as workers answer. */
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(batch_wire_write_all(fds[1], buf, size), 0);
	close(fds[1]);
	assert_int_equal(batch_wire_read_answer(fds[0], &job, &status, &out), 0);
	assert_int_equal(out.count, 2);
	assert_int_equal(batch_wire_read_answer(fds[0], &job, &status, &out), -1);
	close(fds[0]);
	free(buf);
	diag_list_free(&in);
	diag_list_free(&out);
}

static void test_progress_texts(void **state)
{
	(void)state;
	char buf[128];
	batch_progress_format(buf, sizeof buf, 7, 12, 1, 420.0);
	assert_string_equal(buf, "[7/12] 1 failed, 0.42 s");
	batch_summary_format(buf, sizeof buf, 12, 3, 1, 840.0);
	assert_string_equal(buf, "built 12, up to date 3, failed 1 in 0.84 s");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_collect_folder_sorted),
		cmocka_unit_test(test_collect_unreadable_folder),
		cmocka_unit_test(test_layout_path),
		cmocka_unit_test(test_up_to_date),
		cmocka_unit_test(test_up_to_date_previous_quarter),
		cmocka_unit_test(test_wire_round_trip),
		cmocka_unit_test(test_progress_texts),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
