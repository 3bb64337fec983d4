/* The rule for files a source names (paths_named) and the opening of
 * regular files only (paths_open_regular), on a scratch folder:
 *   DIR/src/paper.xml       the naming source
 *   DIR/src/house.xml       a file beside it
 *   DIR/src/sub/inner.xml   a file below it
 *   DIR/src/out.xml     ->  DIR/outside/secret.xml
 *   DIR/src/fifo.xml        a FIFO
 *   DIR/outside/secret.xml  a file outside */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "memory.h"
#include "paths.h"

static char dir[] = "/tmp/test_paths_XXXXXX";

static char *in_dir(const char *name)
{
	return mem_printf("%s/%s", dir, name);
}

static void make_file(const char *name, size_t size)
{
	char *path = in_dir(name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	for (size_t i = 0; i < size; i++)
		fputc('x', f);
	fclose(f);
	free(path);
}

static void make_dir(const char *name)
{
	char *path = in_dir(name);
	assert_int_equal(mkdir(path, 0777), 0);
	free(path);
}

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	make_dir("src");
	make_dir("src/sub");
	make_dir("outside");
	make_file("src/paper.xml", 10);
	make_file("src/house.xml", 10);
	make_file("src/sub/inner.xml", 10);
	make_file("outside/secret.xml", 10);
	char *target = in_dir("outside/secret.xml"), *link = in_dir("src/out.xml");
	char *fifo = in_dir("src/fifo.xml");
	int ok = symlink(target, link) == 0 && mkfifo(fifo, 0666) == 0;
	free(target);
	free(link);
	free(fifo);
	return ok ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	paths_allow_clear();
	char *cmd = mem_printf("rm -rf '%s'", dir);
	int rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : -1;
}

/* paths_named on value from DIR/src/paper.xml: the path, or NULL with the
 * one message in *message (caller frees). */
static char *named(const char *value, size_t max_bytes, char **message)
{
	char *source = in_dir("src/paper.xml");
	struct paths_naming naming = {
		.source = source, .attribute = "layout",
		.line = 3, .col = 8, .option = "--layout",
	};
	struct diag_list diags = { 0 };
	char *path = paths_named(&naming, value, max_bytes, &diags);
	*message = NULL;
	if (path) {
		assert_int_equal(diags.count, 0);
	} else {
		assert_int_equal(diags.count, 1);
		assert_string_equal(diags.items[0].file, source);
		assert_int_equal(diags.items[0].line, 3);
		assert_int_equal(diags.items[0].col, 8);
		*message = mem_strdup(diags.items[0].message);
	}
	diag_list_free(&diags);
	free(source);
	return path;
}

static void assert_accepted(const char *value, const char *expected_name)
{
	char *message;
	char *path = named(value, 0, &message);
	if (!path)
		fail_msg("%s refused: %s", value, message);
	char *expected = in_dir(expected_name);
	assert_string_equal(path, expected);
	free(expected);
	free(path);
}

static void assert_refused(const char *value, const char *expected_message)
{
	char *message;
	char *path = named(value, 0, &message);
	if (path)
		fail_msg("%s accepted as %s", value, path);
	assert_string_equal(message, expected_message);
	free(message);
}

#define TAIL "; a source may name only files in its own folder (name the " \
	     "file with --layout, or allow the folder with --allow-dir DIR)"

static void test_inside_is_accepted(void **state)
{
	(void)state;
	assert_accepted("house.xml", "src/house.xml");
	assert_accepted("./house.xml", "src/./house.xml");
	assert_accepted("sub/inner.xml", "src/sub/inner.xml");
	assert_accepted("sub/../house.xml", "src/sub/../house.xml");
	assert_accepted("sub//inner.xml", "src/sub//inner.xml");
}

static void test_outside_is_refused(void **state)
{
	(void)state;
	assert_refused("/etc/passwd", "layout=\"/etc/passwd\" is an absolute path" TAIL);
	char *absolute = in_dir("src/house.xml");
	char *expected = mem_printf("layout=\"%s\" is an absolute path" TAIL, absolute);
	assert_refused(absolute, expected); /* even into its own folder */
	free(expected);
	free(absolute);
	assert_refused("../outside/secret.xml",
		       "layout=\"../outside/secret.xml\" leads out of the source's folder" TAIL);
	assert_refused("sub/../../outside/secret.xml",
		       "layout=\"sub/../../outside/secret.xml\" leads out of the source's folder" TAIL);
	assert_refused("..", "layout=\"..\" leads out of the source's folder" TAIL);
	assert_refused("../../../../../../../../etc/passwd",
		       "layout=\"../../../../../../../../etc/passwd\" leads out of the source's folder" TAIL);
	assert_refused("out.xml", "layout=\"out.xml\" leads out of the source's "
		       "folder through a symbolic link" TAIL);
}

/* Refused by the text alone: a missing file outside gets the same answer as
 * one that exists, so a source cannot probe what is there. */
static void test_outside_is_not_probed(void **state)
{
	(void)state;
	assert_refused("../outside/no-such.xml",
		       "layout=\"../outside/no-such.xml\" leads out of the source's folder" TAIL);
	assert_refused("/no/such/file", "layout=\"/no/such/file\" is an absolute path" TAIL);
}

static void test_only_regular_files(void **state)
{
	(void)state;
	assert_refused("fifo.xml", "layout=\"fifo.xml\" is a FIFO, not a regular file");
	assert_refused("sub", "layout=\"sub\" is a folder, not a regular file");
	assert_refused("sub/", "layout=\"sub/\" is a folder, not a regular file");
	char *missing = in_dir("src/none.xml");
	char *expected = mem_printf("layout=\"none.xml\" names no file that can be "
				    "read: %s: No such file or directory", missing);
	assert_refused("none.xml", expected);
	free(expected);
	free(missing);
	assert_refused("", "layout=\"\" names no file");
	assert_int_equal(paths_allow_dir("/dev"), 0);
	assert_refused("/dev/zero", "layout=\"/dev/zero\" is a device, not a regular file");
	paths_allow_clear();
}

static void test_size_limit(void **state)
{
	(void)state;
	char *message;
	char *path = named("house.xml", 9, &message);
	assert_null(path);
	assert_string_equal(message, "layout=\"house.xml\" is larger than 9 bytes; "
			    "files named in a source are refused above that size");
	free(message);
	path = named("house.xml", 10, &message);
	assert_non_null(path);
	free(path);
}

static void test_allowed_folder(void **state)
{
	(void)state;
	char *outside = in_dir("outside");
	assert_int_equal(paths_allow_dir(outside), 0);
	assert_accepted("../outside/secret.xml", "src/../outside/secret.xml");
	assert_accepted("out.xml", "src/out.xml");
	char *absolute = in_dir("outside/secret.xml");
	char *path, *message;
	path = named(absolute, 0, &message);
	assert_non_null(path);
	assert_string_equal(path, absolute);
	free(path);
	/* Only that folder: its parent stays closed. */
	assert_refused("../../x", "layout=\"../../x\" leads out of the source's folder" TAIL);
	paths_allow_clear();
	assert_refused("out.xml", "layout=\"out.xml\" leads out of the source's "
		       "folder through a symbolic link" TAIL);
	free(absolute);
	free(outside);

	char *file = in_dir("src/house.xml"), *none = in_dir("none");
	assert_int_equal(paths_allow_dir(file), -1);
	assert_int_equal(errno, ENOTDIR);
	assert_int_equal(paths_allow_dir(none), -1);
	assert_int_equal(errno, ENOENT);
	free(file);
	free(none);
}

/* Standard input's folder is the current one. */
static void test_standard_input(void **state)
{
	(void)state;
	char *cwd = getcwd(NULL, 0);
	char *src = in_dir("src");
	assert_int_equal(chdir(src), 0);
	struct paths_naming naming = { .source = "-", .attribute = "previous-source" };
	struct diag_list diags = { 0 };
	char *path = paths_named(&naming, "house.xml", 0, &diags);
	assert_non_null(path);
	assert_string_equal(path, "./house.xml");
	free(path);
	assert_null(paths_named(&naming, "../outside/secret.xml", 0, &diags));
	assert_int_equal(diags.count, 1);
	assert_string_equal(diags.items[0].file, "-");
	assert_string_equal(diags.items[0].message,
			    "previous-source=\"../outside/secret.xml\" leads out of the "
			    "source's folder; a source may name only files in its own "
			    "folder (allow the folder with --allow-dir DIR)");
	diag_list_free(&diags);
	assert_null(paths_named(&naming, "out.xml", 0, NULL)); /* quietly */
	assert_int_equal(chdir(cwd), 0);
	free(src);
	free(cwd);
}

static void test_open_regular(void **state)
{
	(void)state;
	char *house = in_dir("src/house.xml"), *fifo = in_dir("src/fifo.xml");
	char *sub = in_dir("src/sub"), *none = in_dir("src/none.xml");
	const char *kind = "unset";
	int fd = paths_open_regular(house, &kind);
	assert_true(fd >= 0);
	assert_null(kind);
	assert_false(fcntl(fd, F_GETFL) & O_NONBLOCK);
	assert_true(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	close(fd);
	/* A FIFO with no writer: refused at once, not waited on. */
	assert_int_equal(paths_open_regular(fifo, &kind), -1);
	assert_int_equal(errno, EINVAL);
	assert_string_equal(kind, "a FIFO");
	assert_int_equal(paths_open_regular(sub, &kind), -1);
	assert_string_equal(kind, "a folder");
	assert_int_equal(paths_open_regular("/dev/zero", &kind), -1);
	assert_string_equal(kind, "a device");
	assert_int_equal(paths_open_regular(none, &kind), -1);
	assert_int_equal(errno, ENOENT);
	assert_null(kind);
	assert_null(paths_fopen_regular(fifo));
	FILE *f = paths_fopen_regular(house);
	assert_non_null(f);
	fclose(f);
	free(house);
	free(fifo);
	free(sub);
	free(none);
}

/* Reading a whole file no larger than a limit: one byte more is refused,
 * from a file (by its size) and from a pipe (by what it reads). */
static void test_read_bounded(void **state)
{
	(void)state;
	make_file("src/ten.txt", 10);
	char *path = in_dir("src/ten.txt");
	size_t length = 0;
	int fd = open(path, O_RDONLY);
	assert_true(fd >= 0);
	char *bytes = paths_read_bounded(fd, 10, &length);
	assert_non_null(bytes);
	assert_int_equal(length, 10);
	assert_memory_equal(bytes, "xxxxxxxxxx", 10);
	free(bytes);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	errno = 0;
	assert_null(paths_read_bounded(fd, 9, &length));
	assert_int_equal(errno, EFBIG);
	close(fd);
	free(path);

	int pipe_fds[2];
	assert_int_equal(pipe(pipe_fds), 0);
	static char chunk[4096]; /* within a pipe's buffer: no reader needed */
	memset(chunk, 'y', sizeof chunk);
	assert_int_equal(write(pipe_fds[1], chunk, sizeof chunk), (ssize_t)sizeof chunk);
	close(pipe_fds[1]);
	errno = 0;
	assert_null(paths_read_bounded(pipe_fds[0], sizeof chunk - 1, &length));
	assert_int_equal(errno, EFBIG);
	close(pipe_fds[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_inside_is_accepted),
		cmocka_unit_test(test_outside_is_refused),
		cmocka_unit_test(test_outside_is_not_probed),
		cmocka_unit_test(test_only_regular_files),
		cmocka_unit_test(test_size_limit),
		cmocka_unit_test(test_allowed_folder),
		cmocka_unit_test(test_standard_input),
		cmocka_unit_test(test_open_regular),
		cmocka_unit_test(test_read_bounded),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
