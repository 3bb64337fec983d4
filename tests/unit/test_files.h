/* Files for the tests that read or write them: the repository's own files
 * wherever the test runs, and temporary folders made fresh, counted (a
 * temporary file left behind shows as one entry too many) and removed.
 * Included by the tests/unit/test_*.c that need them; uses GLib. */
#ifndef TEST_FILES_H
#define TEST_FILES_H

#include <glib.h>
#include <unistd.h>

/* A file of the repository: tests run from its root or from build/tests.
 * Free with g_free(). */
static inline char *repo_file(const char *path)
{
	if (access(path, R_OK) == 0)
		return g_strdup(path);
	return g_build_filename("..", "..", path, NULL);
}

/* A new empty folder /tmp/NAME.XXXXXX; free with g_free(). */
static inline char *temp_dir(const char *name)
{
	char *dir = g_strdup_printf("/tmp/%s.XXXXXX", name);
	assert_non_null(g_mkdtemp(dir));
	return dir;
}

/* The files in dir (not sub-folders, which the caller removes), then dir. */
static inline void remove_dir(const char *dir)
{
	GDir *d = g_dir_open(dir, 0, NULL);
	const char *name;
	while (d && (name = g_dir_read_name(d))) {
		char *path = g_build_filename(dir, name, NULL);
		unlink(path);
		g_free(path);
	}
	if (d)
		g_dir_close(d);
	rmdir(dir);
}

static inline int count_entries(const char *dir)
{
	int n = 0;
	GDir *d = g_dir_open(dir, 0, NULL);
	while (d && g_dir_read_name(d))
		n++;
	if (d)
		g_dir_close(d);
	return n;
}

#endif
