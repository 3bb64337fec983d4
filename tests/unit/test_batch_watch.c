/* Watch mode: a save by rename of the source, a write of the house style
 * and a write of the previous quarter's source each cause one more rebuild;
 * other files in the folders do not. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "memory.h"
#include "watch.h"

struct scene {
	char *source, *source_tmp, *unrelated, *layout, *previous;
	int rounds;
};

/* This quarter's report compares with last quarter's, beside it. */
#define PAPER_WITH_PREVIOUS(version)                                          \
	"<paper xmlns='urn:committee-pdf:paper:1' version='" version "'>"     \
	"<appendix><performance previous-source='q1.xml'/></appendix></paper>"

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Each rebuild makes the change that must cause the next one. */
static int rebuild(void *ctx)
{
	struct scene *s = ctx;
	s->rounds++;
	if (s->rounds == 1) {
		write_file(s->unrelated, "not watched");
		/* An editor's save: a new file renamed over the old. */
		write_file(s->source_tmp, PAPER_WITH_PREVIOUS("2"));
		assert_int_equal(rename(s->source_tmp, s->source), 0);
	} else if (s->rounds == 2) {
		write_file(s->layout, "<layout version='2'/>");
	} else if (s->rounds == 3) {
		write_file(s->previous, "<paper version='corrected'/>");
	}
	return 0;
}

static void test_rebuilds_on_changes(void **state)
{
	(void)state;
	char source_dir[] = "/tmp/test_batch_watch_src_XXXXXX";
	char layout_dir[] = "/tmp/test_batch_watch_lay_XXXXXX";
	assert_non_null(mkdtemp(source_dir));
	assert_non_null(mkdtemp(layout_dir));
	struct scene s = {
		.source = mem_printf("%s/paper.xml", source_dir),
		.source_tmp = mem_printf("%s/.paper.xml.swp", source_dir),
		.unrelated = mem_printf("%s/paper.pdf", source_dir),
		.layout = mem_printf("%s/house.xml", layout_dir),
		.previous = mem_printf("%s/q1.xml", source_dir),
	};
	write_file(s.source, PAPER_WITH_PREVIOUS("1"));
	write_file(s.previous, "<paper/>");
	write_file(s.layout, "<layout/>");
	/* A missed change would block forever: fail instead. */
	alarm(20);
	struct diag_list diags = { 0 };
	assert_int_equal(watch_run(s.source, s.layout, rebuild, &s, 4, &diags), 0);
	alarm(0);
	assert_int_equal(s.rounds, 4);
	assert_int_equal(diags.count, 0);

	unlink(s.source);
	unlink(s.unrelated);
	unlink(s.layout);
	unlink(s.previous);
	rmdir(source_dir);
	rmdir(layout_dir);
	free(s.source);
	free(s.source_tmp);
	free(s.unrelated);
	free(s.layout);
	free(s.previous);
}

static void test_unwatchable_folder(void **state)
{
	(void)state;
	struct diag_list diags = { 0 };
	struct scene s = { 0 };
	assert_int_equal(watch_run("/nonexistent-folder/paper.xml", NULL,
				   rebuild, &s, 1, &diags), 1);
	assert_int_equal(s.rounds, 0);
	assert_int_equal(diags.count, 1);
	diag_list_free(&diags);
}

static volatile sig_atomic_t stop_seen;
static int stop_seen_inside;

static void on_stop(int sig)
{
	(void)sig;
	stop_seen = 1;
}

/* A stop asked for during a rebuild waits for its end. */
static int rebuild_and_stop(void *ctx)
{
	(void)ctx;
	raise(SIGTERM);
	stop_seen_inside = stop_seen;
	return 0;
}

static void test_stop_waits_for_rebuild(void **state)
{
	(void)state;
	char dir[] = "/tmp/test_batch_watch_stop_XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *source = mem_printf("%s/paper.xml", dir);
	write_file(source, "<paper/>");
	struct sigaction action = { .sa_handler = on_stop }, saved;
	sigaction(SIGTERM, &action, &saved);
	struct diag_list diags = { 0 };
	assert_int_equal(watch_run(source, NULL, rebuild_and_stop, NULL, 1,
				   &diags), 0);
	sigaction(SIGTERM, &saved, NULL);
	assert_int_equal(stop_seen_inside, 0);
	assert_int_equal(stop_seen, 1);
	unlink(source);
	rmdir(dir);
	free(source);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rebuilds_on_changes),
		cmocka_unit_test(test_unwatchable_folder),
		cmocka_unit_test(test_stop_waits_for_rebuild),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
