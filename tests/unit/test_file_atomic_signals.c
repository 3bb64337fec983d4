/* file_atomic and stopping: a process told to stop (SIGINT, SIGTERM,
 * SIGHUP) or stopped by a file size limit (SIGXFSZ) while writing removes
 * its temporary file, says so in one line and ends as the signal would; the
 * old file stays as it was. A temporary left by a process that no longer
 * exists is removed by the next write to the same path; those of live
 * processes, and files that only look similar, are kept. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <glib.h>

#include "file_atomic.h"
#include "test_files.h"

/* A pid that is certainly not running: a child that has been reaped. */
static pid_t dead_pid(void)
{
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(0);
	assert_int_equal(waitpid(pid, NULL, 0), pid);
	return pid;
}

static char *touch(const char *dir, const char *name)
{
	char *path = g_build_filename(dir, name, NULL);
	assert_true(g_file_set_contents(path, "x", -1, NULL));
	return path;
}

static void test_stale_temporary_removed(void **state)
{
	(void)state;
	char *dir = temp_dir("test_atomic_stale");
	char *path = g_build_filename(dir, "out.pdf", NULL);
	long dead = (long)dead_pid();
	char *stale_name = g_strdup_printf(".out.pdf.%ld-0.tmp", dead);
	char *stale = touch(dir, stale_name);
	char *names[] = {
		g_strdup_printf(".out.pdf.%ld-3.tmp", (long)getpid()), /* ours */
		g_strdup_printf(".out.pdf.%ld-0.tmp", (long)getppid()), /* alive */
		g_strdup_printf(".other.pdf.%ld-0.tmp", dead), /* another file */
		g_strdup_printf(".out.pdf.%ld-0.tmp.keep", dead),
		g_strdup_printf(".out.pdf.%ld.tmp", dead),
		g_strdup(".out.pdf.-5-0.tmp"),
	};
	size_t kept = sizeof names / sizeof names[0];
	for (size_t i = 0; i < kept; i++)
		g_free(touch(dir, names[i]));
	struct diag_list diags = { 0 };
	struct file_atomic *file = file_atomic_open(path, &diags);
	assert_non_null(file);
	assert_false(g_file_test(stale, G_FILE_TEST_EXISTS));
	assert_int_equal(file_atomic_write(file, "new", 3), 0);
	assert_int_equal(file_atomic_commit(file, &diags), 0);
	assert_int_equal(diags.count, 0);
	for (size_t i = 0; i < kept; i++) {
		char *kept_path = g_build_filename(dir, names[i], NULL);
		assert_true(g_file_test(kept_path, G_FILE_TEST_EXISTS));
		g_free(kept_path);
		g_free(names[i]);
	}
	assert_int_equal(count_entries(dir), (int)kept + 1);
	g_free(stale);
	g_free(stale_name);
	g_free(path);
	remove_dir(dir);
	g_free(dir);
}

/* What a batch worker that died left: that pid's temporaries, no others. */
static void test_temporaries_of_one_process(void **state)
{
	(void)state;
	char *dir = temp_dir("test_atomic_pid");
	char *path = g_build_filename(dir, "out.pdf", NULL);
	g_free(touch(dir, ".out.pdf.4242-0.tmp"));
	g_free(touch(dir, ".out.pdf.4242-17.tmp"));
	g_free(touch(dir, ".out.pdf.42424-0.tmp"));
	g_free(touch(dir, "out.pdf"));
	file_atomic_remove_temporaries(path, 4242);
	assert_int_equal(count_entries(dir), 2);
	char *other = g_build_filename(dir, ".out.pdf.42424-0.tmp", NULL);
	assert_true(g_file_test(other, G_FILE_TEST_EXISTS));
	g_free(other);
	g_free(path);
	remove_dir(dir);
	g_free(dir);
}

struct stopped {
	int status;      /* as waitpid gives it */
	char line[256];  /* what the child wrote on standard error */
};

/* In a child: write part of dir/out.pdf, then meet sig (raised, or for
 * SIGXFSZ a real file size limit). */
static struct stopped stop_while_writing(const char *dir, int sig,
					 int ignore_first)
{
	int err[2];
	assert_int_equal(pipe(err), 0);
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(err[1], STDERR_FILENO);
		close(err[0]);
		/* Whatever the test runner's shell left us. */
		signal(sig, ignore_first ? SIG_IGN : SIG_DFL);
		file_atomic_remove_on_signals();
		/* Nothing on the heap that _exit would leave for valgrind,
		 * which checks each child's leaks as it ends, to blame. */
		char path[4096];
		snprintf(path, sizeof path, "%s/out.pdf", dir);
		struct diag_list diags = { 0 };
		struct file_atomic *file = file_atomic_open(path, &diags);
		if (!file)
			_exit(90);
		static char block[64 * 1024];
		file_atomic_write(file, block, sizeof block);
		if (sig == SIGXFSZ) {
			struct rlimit limit = { 4096, 4096 };
			setrlimit(RLIMIT_FSIZE, &limit);
			for (int i = 0; i < 64; i++)
				file_atomic_write(file, block, sizeof block);
			file_atomic_commit(file, &diags);
			_exit(91); /* the limit should have stopped us */
		}
		raise(sig);
		file_atomic_abort(file);
		_exit(92); /* only when sig is ignored */
	}
	close(err[1]);
	struct stopped result = { 0 };
	size_t n = 0;
	ssize_t got;
	while (n + 1 < sizeof result.line &&
	       (got = read(err[0], result.line + n,
			   sizeof result.line - 1 - n)) > 0)
		n += (size_t)got;
	result.line[n] = '\0';
	close(err[0]);
	assert_int_equal(waitpid(pid, &result.status, 0), pid);
	return result;
}

static void check_stop(int sig, const char *line)
{
	char *dir = temp_dir("test_atomic_signal");
	char *old = touch(dir, "out.pdf");
	struct stopped stopped = stop_while_writing(dir, sig, 0);
	if (sig == SIGXFSZ) {
		/* No core file: an exit with the status a shell would show. */
		assert_true(WIFEXITED(stopped.status));
		assert_int_equal(WEXITSTATUS(stopped.status), 128 + SIGXFSZ);
	} else {
		assert_true(WIFSIGNALED(stopped.status));
		assert_int_equal(WTERMSIG(stopped.status), sig);
	}
	assert_string_equal(stopped.line, line);
	assert_int_equal(count_entries(dir), 1);
	char *bytes = NULL;
	assert_true(g_file_get_contents(old, &bytes, NULL, NULL));
	assert_string_equal(bytes, "x");
	g_free(bytes);
	g_free(old);
	remove_dir(dir);
	g_free(dir);
}

static void test_sigterm_removes_temporary(void **state)
{
	(void)state;
	check_stop(SIGTERM, "committee-pdf: stopped by SIGTERM; the unfinished "
			    "output was removed\n");
}

static void test_sighup_removes_temporary(void **state)
{
	(void)state;
	check_stop(SIGHUP, "committee-pdf: stopped by SIGHUP; the unfinished "
			   "output was removed\n");
}

static void test_sigint_removes_temporary(void **state)
{
	(void)state;
	check_stop(SIGINT, "committee-pdf: stopped by SIGINT; the unfinished "
			   "output was removed\n");
}

static void test_file_size_limit_removes_temporary(void **state)
{
	(void)state;
	check_stop(SIGXFSZ, "committee-pdf: stopped by SIGXFSZ: an output grew "
			    "past the file size limit (ulimit -f); the "
			    "unfinished output was removed\n");
}

/* nohup's SIGHUP stays ignored: the write goes on and ends as it would. */
static void test_ignored_signal_stays_ignored(void **state)
{
	(void)state;
	char *dir = temp_dir("test_atomic_ignored");
	struct stopped stopped = stop_while_writing(dir, SIGHUP, 1);
	assert_true(WIFEXITED(stopped.status));
	assert_int_equal(WEXITSTATUS(stopped.status), 92);
	assert_string_equal(stopped.line, "");
	assert_int_equal(count_entries(dir), 0);
	remove_dir(dir);
	g_free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stale_temporary_removed),
		cmocka_unit_test(test_temporaries_of_one_process),
		cmocka_unit_test(test_sigterm_removes_temporary),
		cmocka_unit_test(test_sighup_removes_temporary),
		cmocka_unit_test(test_sigint_removes_temporary),
		cmocka_unit_test(test_file_size_limit_removes_temporary),
		cmocka_unit_test(test_ignored_signal_stays_ignored),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
