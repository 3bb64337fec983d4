/* The worker pool with stand-in jobs: results, diagnostics carried over the
 * pipe, a worker killed by a signal, and workers reused across documents. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "memory.h"

static char opens_file[] = "/tmp/test_batch_pool_XXXXXX";
static char out_dir[] = "/tmp/test_batch_pool_out_XXXXXX";

/* Each worker appends a line when it opens, so the test can count them. */
static void *fake_open(void *arg, struct diag_list *diags)
{
	(void)diags;
	FILE *f = fopen(arg, "a");
	if (f) {
		fprintf(f, "%d\n", (int)getpid());
		fclose(f);
	}
	return arg;
}

static int fake_run(void *state, const char *source, const char *output,
		    struct diag_list *diags)
{
	(void)state;
	output = strrchr(output, '/') + 1;
	if (strstr(source, "crash")) {
		/* Die while writing, as file_atomic names its temporary. */
		char *temp = mem_printf("%s/.%s.%ld-0.tmp", out_dir, output,
					(long)getpid());
		FILE *f = fopen(temp, "w");
		if (f)
			fclose(f);
		free(temp);
		raise(SIGKILL);
	}
	if (strstr(source, "bad")) {
		diag_add(diags, DIAG_ERROR, source, 3, 5, "element '%s' is unknown",
			 "tabel");
		return 1;
	}
	diag_add(diags, DIAG_WARNING, source, 1, 1, "a warning");
	return 0;
}

static void *failing_open(void *arg, struct diag_list *diags)
{
	(void)arg;
	diag_add(diags, DIAG_ERROR, "fonts.conf", 0, 0, "no fonts");
	return NULL;
}

static size_t done_calls;

static void count_done(void *ctx, const struct batch_job *job, size_t done,
		       size_t failed)
{
	(void)ctx;
	(void)failed;
	if (!job)
		return; /* a tick, not an ending */
	done_calls++;
	assert_int_equal(done, done_calls);
}

static struct batch_job *make_jobs(const char *const *names, size_t count)
{
	struct batch_job *jobs = mem_array(count, sizeof *jobs);
	for (size_t i = 0; i < count; i++) {
		jobs[i].source = mem_strdup(names[i]);
		jobs[i].output = mem_printf("%s/%s.pdf", out_dir, names[i]);
		jobs[i].state = BATCH_PENDING;
	}
	return jobs;
}

static size_t count_lines(const char *path)
{
	FILE *f = fopen(path, "r");
	size_t n = 0;
	int c;
	if (!f)
		return 0;
	while ((c = fgetc(f)) != EOF)
		n += c == '\n';
	fclose(f);
	return n;
}

static void test_results_and_diagnostics(void **state)
{
	(void)state;
	const char *names[] = { "a.xml", "bad.xml", "c.xml", "d.xml", "e.xml" };
	struct batch_job *jobs = make_jobs(names, 5);
	jobs[3].state = BATCH_UP_TO_DATE;
	struct batch_worker_ops ops = { fake_open, fake_run, NULL, opens_file };
	done_calls = 0;
	size_t failed = batch_run(jobs, 5, 2, &ops, count_done, NULL);
	assert_int_equal(failed, 1);
	assert_int_equal(done_calls, 4);
	assert_int_equal(jobs[0].state, BATCH_BUILT);
	assert_int_equal(jobs[1].state, BATCH_FAILED);
	assert_int_equal(jobs[3].state, BATCH_UP_TO_DATE);
	assert_int_equal(jobs[1].diags.count, 1);
	assert_string_equal(jobs[1].diags.items[0].file, "bad.xml");
	assert_int_equal(jobs[1].diags.items[0].line, 3);
	assert_int_equal(jobs[1].diags.items[0].col, 5);
	assert_string_equal(jobs[1].diags.items[0].message,
			    "element 'tabel' is unknown");
	assert_int_equal(jobs[0].diags.items[0].level, DIAG_WARNING);
	assert_int_equal(jobs[1].signal, 0);
	/* Two workers served four documents: state is opened per worker. */
	assert_int_equal(count_lines(opens_file), 2);
	batch_jobs_free(jobs, 5);
}

static void test_crashed_worker_is_replaced(void **state)
{
	(void)state;
	const char *names[] = { "crash.xml", "b.xml", "c.xml", "d.xml",
				"e.xml", "f.xml" };
	struct batch_job *jobs = make_jobs(names, 6);
	struct batch_worker_ops ops = { fake_open, fake_run, NULL, opens_file };
	assert_int_equal(truncate(opens_file, 0), 0);
	size_t failed = batch_run(jobs, 6, 2, &ops, NULL, NULL);
	assert_int_equal(failed, 1);
	assert_int_equal(jobs[0].state, BATCH_FAILED);
	assert_int_equal(jobs[0].signal, SIGKILL);
	assert_int_equal(jobs[0].diags.count, 1);
	assert_string_equal(jobs[0].diags.items[0].message,
			    "worker killed by signal 9");
	for (size_t i = 1; i < 6; i++)
		assert_int_equal(jobs[i].state, BATCH_BUILT);
	/* The temporary file the dead worker was writing is gone. */
	char *cmd = mem_printf("test -z \"$(ls -A '%s')\"", out_dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	/* Two workers plus at most one replacement, never one per document. */
	size_t opens = count_lines(opens_file);
	assert_true(opens >= 2 && opens <= 3);
	batch_jobs_free(jobs, 6);
}

static void test_every_job_crashing(void **state)
{
	(void)state;
	const char *names[] = { "crash1.xml", "crash2.xml", "crash3.xml" };
	struct batch_job *jobs = make_jobs(names, 3);
	struct batch_worker_ops ops = { NULL, fake_run, NULL, NULL };
	assert_int_equal(batch_run(jobs, 3, 1, &ops, NULL, NULL), 3);
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(jobs[i].signal, SIGKILL);
	batch_jobs_free(jobs, 3);
}

static void test_failed_open_fails_each_job(void **state)
{
	(void)state;
	const char *names[] = { "a.xml", "b.xml" };
	struct batch_job *jobs = make_jobs(names, 2);
	struct batch_worker_ops ops = { failing_open, fake_run, NULL, NULL };
	assert_int_equal(batch_run(jobs, 2, 4, &ops, NULL, NULL), 2);
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(jobs[i].state, BATCH_FAILED);
		assert_int_equal(jobs[i].diags.count, 1);
		assert_string_equal(jobs[i].diags.items[0].message, "no fonts");
	}
	batch_jobs_free(jobs, 2);
}

static void test_nothing_pending(void **state)
{
	(void)state;
	const char *names[] = { "a.xml" };
	struct batch_job *jobs = make_jobs(names, 1);
	jobs[0].state = BATCH_UP_TO_DATE;
	struct batch_worker_ops ops = { NULL, fake_run, NULL, NULL };
	assert_int_equal(batch_run(jobs, 1, 2, &ops, NULL, NULL), 0);
	assert_int_equal(jobs[0].state, BATCH_UP_TO_DATE);
	batch_jobs_free(jobs, 1);
}

static char finished[3][64];
static size_t finished_count;

static void record_order(void *ctx, const struct batch_job *job, size_t done,
			 size_t failed)
{
	(void)ctx;
	(void)done;
	(void)failed;
	if (job && finished_count < 3)
		snprintf(finished[finished_count++], sizeof finished[0], "%s",
			 strrchr(job->source, '/') + 1);
}

static void test_largest_first(void **state)
{
	(void)state;
	const char *names[] = { "small.xml", "big.xml", "mid.xml" };
	const size_t sizes[] = { 10, 1000, 100 };
	struct batch_job *jobs = mem_array(3, sizeof *jobs);
	for (size_t i = 0; i < 3; i++) {
		jobs[i].source = mem_printf("%s/%s", out_dir, names[i]);
		jobs[i].output = mem_printf("%s.pdf", jobs[i].source);
		jobs[i].state = BATCH_PENDING;
		FILE *f = fopen(jobs[i].source, "w");
		assert_non_null(f);
		for (size_t b = 0; b < sizes[i]; b++)
			fputc('x', f);
		fclose(f);
	}
	struct batch_worker_ops ops = { NULL, fake_run, NULL, NULL };
	finished_count = 0;
	assert_int_equal(batch_run(jobs, 3, 1, &ops, record_order, NULL), 0);
	assert_int_equal(finished_count, 3);
	assert_string_equal(finished[0], "big.xml");
	assert_string_equal(finished[1], "mid.xml");
	assert_string_equal(finished[2], "small.xml");
	for (size_t i = 0; i < 3; i++)
		unlink(jobs[i].source);
	batch_jobs_free(jobs, 3);
}

static void test_crash_hook_names(void **state)
{
	(void)state;
	unsetenv("COMMITTEE_PDF_TEST_CRASH");
	assert_false(batch_test_crash_requested("samples/a.xml"));
	setenv("COMMITTEE_PDF_TEST_CRASH", "a.xml", 1);
	assert_true(batch_test_crash_requested("samples/a.xml"));
	assert_false(batch_test_crash_requested("samples/b.xml"));
	setenv("COMMITTEE_PDF_TEST_CRASH", "samples/b.xml", 1);
	assert_true(batch_test_crash_requested("samples/b.xml"));
	unsetenv("COMMITTEE_PDF_TEST_CRASH");
}

int main(void)
{
	int fd = mkstemp(opens_file);
	if (fd < 0)
		return 1;
	close(fd);
	if (!mkdtemp(out_dir))
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_results_and_diagnostics),
		cmocka_unit_test(test_crashed_worker_is_replaced),
		cmocka_unit_test(test_every_job_crashing),
		cmocka_unit_test(test_failed_open_fails_each_job),
		cmocka_unit_test(test_nothing_pending),
		cmocka_unit_test(test_largest_first),
		cmocka_unit_test(test_crash_hook_names),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	unlink(opens_file);
	rmdir(out_dir);
	return rc;
}
