/* Files for the tests that read or write them: the repository's own files
 * wherever the test runs, and temporary folders made fresh, counted (a
 * temporary file left behind shows as one entry too many) and removed.
 * Included by the tests/unit/test_*.c that need them; uses GLib. */
#ifndef TEST_FILES_H
#define TEST_FILES_H

#include <dirent.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "memory.h"

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

/* The whole of a file the test reads (a corpus seed, say); free with
 * g_free(). */
static inline char *read_whole(const char *path, size_t *length)
{
	char *bytes = NULL;
	gsize n = 0;
	assert_true(g_file_get_contents(path, &bytes, &n, NULL));
	*length = n;
	return bytes;
}

/* The *.xml files in dir, sorted by name, as dir/NAME; free with
 * free_paths(). */
static inline size_t xml_files(const char *dir, char ***paths)
{
	struct dirent **entries;
	int n = scandir(dir, &entries, NULL, alphasort);
	assert_true(n > 0);
	*paths = calloc((size_t)n, sizeof **paths);
	size_t count = 0;
	for (int i = 0; i < n; i++) {
		size_t len = strlen(entries[i]->d_name);
		if (len > 4 && strcmp(entries[i]->d_name + len - 4, ".xml") == 0)
			(*paths)[count++] = mem_printf("%s/%s", dir, entries[i]->d_name);
		free(entries[i]);
	}
	free(entries);
	return count;
}

static inline void free_paths(char **paths, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(paths[i]);
	free(paths);
}

#endif
