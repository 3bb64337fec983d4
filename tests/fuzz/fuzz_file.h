/* For fuzz targets whose parser reads a path: the input written to a file of
 * this process's own, rewritten for every input. */
#ifndef FUZZ_FILE_H
#define FUZZ_FILE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A folder of its own under TMPDIR, made once; its path lives as long as the
 * process. */
static inline const char *fuzz_dir(void)
{
	static char *dir;
	if (!dir) {
		const char *tmp = getenv("TMPDIR");
		size_t n = strlen(tmp ? tmp : "/tmp") + 32;
		dir = malloc(n);
		snprintf(dir, n, "%s/committee-fuzz.XXXXXX", tmp ? tmp : "/tmp");
		if (!dir || !mkdtemp(dir))
			abort();
	}
	return dir;
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
