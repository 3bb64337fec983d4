/* For fuzz targets whose parser reads a path: the input written to a file of
 * this process's own, rewritten for every input. */
#ifndef FUZZ_FILE_H
#define FUZZ_FILE_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *fuzz_dir_path;

/* The folder holds only the files fuzz_write and the writers made in it. */
static inline void fuzz_dir_remove(void)
{
	DIR *dir = opendir(fuzz_dir_path);
	struct dirent *entry;
	char path[4096];
	while (dir && (entry = readdir(dir))) {
		if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", fuzz_dir_path, entry->d_name);
		unlink(path);
	}
	if (dir)
		closedir(dir);
	rmdir(fuzz_dir_path);
}

/* A folder of its own under TMPDIR, made once and removed with what it
 * holds when the process exits. */
static inline const char *fuzz_dir(void)
{
	if (!fuzz_dir_path) {
		const char *tmp = getenv("TMPDIR");
		size_t n = strlen(tmp ? tmp : "/tmp") + 32;
		fuzz_dir_path = malloc(n);
		if (!fuzz_dir_path)
			abort();
		snprintf(fuzz_dir_path, n, "%s/committee-fuzz.XXXXXX",
			 tmp ? tmp : "/tmp");
		if (!mkdtemp(fuzz_dir_path))
			abort();
		atexit(fuzz_dir_remove);
	}
	return fuzz_dir_path;
}

/* Writes data to NAME in fuzz_dir() and returns its path (static storage,
 * valid until the next call). */
static inline const char *fuzz_write(const char *name, const unsigned char *data,
				     size_t size)
{
	static char path[4096];
	snprintf(path, sizeof path, "%s/%s", fuzz_dir(), name);
	FILE *f = fopen(path, "wb");
	if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
		abort();
	return path;
}

#endif
