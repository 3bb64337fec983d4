/* Temporary folders for the tests that write files: made fresh, counted
 * (a temporary file left behind shows as one entry too many), removed.
 * Included by the tests/unit/test_*.c that need them; uses GLib. */
#ifndef TEMP_DIR_H
#define TEMP_DIR_H

#include <glib.h>
#include <unistd.h>

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
