/* The pack's worker pool with stand-in papers: each paginated in a worker
 * (not the parent), its page count, paragraph and diagnostics carried back;
 * round 2 numbers each from the first page it is given and the list comes
 * back as bytes; a paper with errors, a worker killed (the crash hook) and
 * a worker gone without an answer each fail the pack with a diagnostic on
 * the paper it held; no child is left once the pool is freed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <pango/pangocairo.h>

#include "pack_pool.h"

static const char *sources[] = { "a.xml", "b.xml", "exempt.xml", "d.xml",
				 "e.xml", "bad.xml", "crash.xml", "exit.xml" };

/* Where the pool's job 0 is in sources. */
static size_t job_offset;

static int fake_paginate(void *arg, size_t job, struct diag_list *diags,
			 size_t *page_count, char *paragraph,
			 size_t paragraph_size)
{
	pid_t parent = *(pid_t *)arg;
	job += job_offset;
	if (strcmp(sources[job], "exit.xml") == 0)
		_exit(3);
	if (strcmp(sources[job], "bad.xml") == 0) {
		diag_add(diags, DIAG_ERROR, sources[job], 4, 7, "no such date");
		return 1;
	}
	diag_add(diags, DIAG_WARNING, sources[job], 1, 1, "%s",
		 getpid() == parent ? "in the parent" : "in a worker");
	*page_count = 10 + job;
	snprintf(paragraph, paragraph_size, "%s",
		 strcmp(sources[job], "exempt.xml") == 0 ? "3" : "");
	return 0;
}

/* A list whose title says how it was numbered and by whom. */
static struct display_list *fake_finish(void *arg, size_t job,
					size_t first_page, size_t total_pages)
{
	pid_t parent = *(pid_t *)arg;
	if (job == 1)
		return NULL; /* a job without pages */
	struct display_list *list = dl_new();
	char title[96];
	snprintf(title, sizeof title, "%s %zu of %zu %s", sources[job],
		 first_page, total_pages,
		 getpid() == parent ? "parent" : "worker");
	list->title = dl_strdup(list, title);
	dl_add_page(list, 595.0, 842.0);
	dl_finish(list);
	return list;
}

static size_t progress_done, progress_total;

static void progress(void *ctx, size_t done, size_t total)
{
	(void)ctx;
	progress_done = done;
	progress_total = total;
}

static pid_t parent_pid;
static const struct pack_pool_ops ops = { fake_paginate, fake_finish,
					  &parent_pid };

static void assert_no_child_left(void)
{
	errno = 0;
	assert_int_equal(waitpid(-1, NULL, WNOHANG), -1);
	assert_int_equal(errno, ECHILD);
}

static void test_two_rounds(void **state)
{
	(void)state;
	parent_pid = getpid();
	struct pack_pool_result results[5];
	struct diag_list diags = { 0 };
	int status = -1;
	progress_done = 0;
	struct pack_pool *pool = pack_pool_start(sources, 5, 2, &ops, results,
						 progress, NULL, &diags, &status);
	assert_int_equal(status, 0);
	assert_int_equal(progress_done, 5);
	assert_int_equal(progress_total, 5);
	assert_int_equal(diags.count, 5);
	for (size_t i = 0; i < diags.count; i++)
		assert_string_equal(diags.items[i].message, "in a worker");
	for (size_t k = 0; k < 5; k++)
		assert_int_equal(results[k].page_count, 10 + k);
	assert_string_equal(results[2].paragraph, "3");
	assert_string_equal(results[0].paragraph, "");

	const size_t firsts[5] = { 2, 12, 23, 35, 48 };
	struct display_list *lists[5];
	PangoContext *context =
		pango_font_map_create_context(pango_cairo_font_map_get_default());
	assert_int_equal(pack_pool_finish(pool, firsts, 61, context, lists,
					  &diags), 0);
	assert_null(lists[1]);
	for (size_t k = 0; k < 5; k++) {
		if (k == 1)
			continue;
		assert_non_null(lists[k]);
		char want[96];
		snprintf(want, sizeof want, "%s %zu of 61 worker", sources[k],
			 firsts[k]);
		assert_string_equal(lists[k]->title, want);
		assert_int_equal(lists[k]->page_count, 1);
		dl_free(lists[k]);
	}
	pack_pool_free(pool);
	g_object_unref(context);
	assert_no_child_left();
	diag_list_free(&diags);
}

/* Jobs first .. first+count-1 of sources fail the pack; what is said. */
static void assert_fails(size_t first, size_t count, const char *file,
			 const char *message)
{
	parent_pid = getpid();
	job_offset = first;
	struct pack_pool_result results[8];
	struct diag_list diags = { 0 };
	int status = 0;
	struct pack_pool *pool = pack_pool_start(sources + first, count, 2, &ops,
						 results, NULL, NULL, &diags,
						 &status);
	assert_int_equal(status, 1);
	int said = 0;
	for (size_t i = 0; i < diags.count; i++)
		said |= strcmp(diags.items[i].file, file) == 0 &&
			strcmp(diags.items[i].message, message) == 0 &&
			diags.items[i].level == DIAG_ERROR;
	if (!said)
		diag_print(&diags, stderr);
	assert_true(said);
	/* Round 2 after a failed round 1 asks nothing and gives nothing. */
	const size_t firsts[8] = { 0 };
	struct display_list *lists[8];
	if (strcmp(file, "bad.xml") != 0) {
		assert_int_equal(pack_pool_finish(pool, firsts, 1, NULL, lists,
						  &diags), 1);
		for (size_t k = 0; k < count; k++)
			assert_null(lists[k]);
	}
	pack_pool_free(pool);
	job_offset = 0;
	assert_no_child_left();
	diag_list_free(&diags);
}

static void test_paper_with_errors(void **state)
{
	(void)state;
	assert_fails(3, 3, "bad.xml", "no such date");
}

static void test_worker_killed(void **state)
{
	(void)state;
	setenv("COMMITTEE_PDF_TEST_CRASH", "crash.xml", 1);
	assert_fails(3, 4, "crash.xml", "pack worker killed by signal 9");
	unsetenv("COMMITTEE_PDF_TEST_CRASH");
}

static void test_worker_gone_without_answer(void **state)
{
	(void)state;
	assert_fails(7, 1, "exit.xml",
		     "pack worker ended without an answer (exit status 3)");
	assert_fails(3, 5, "exit.xml",
		     "pack worker ended without an answer (exit status 3)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_rounds),
		cmocka_unit_test(test_paper_with_errors),
		cmocka_unit_test(test_worker_killed),
		cmocka_unit_test(test_worker_gone_without_answer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
