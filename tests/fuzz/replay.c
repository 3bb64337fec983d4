/* A fuzz target without libFuzzer: every file of each folder named on the
 * command line goes once through the target's LLVMFuzzerTestOneInput, so
 * each corpus replays in `make check` (and under the sanitizers and
 * valgrind) with the target's own invariants. Exits 1 when a folder cannot
 * be read or holds no file; a broken invariant traps. */
#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	size_t capacity = 1 << 16, length = 0, got;
	uint8_t *bytes = malloc(capacity);
	while (bytes && (got = fread(bytes + length, 1, capacity - length, f)) > 0) {
		length += got;
		if (length == capacity)
			bytes = realloc(bytes, capacity *= 2);
	}
	fclose(f);
	if (!bytes)
		return -1;
	LLVMFuzzerTestOneInput(bytes, length);
	free(bytes);
	return 0;
}

static int replay_folder(const char *folder)
{
	DIR *dir = opendir(folder);
	if (!dir) {
		fprintf(stderr, "replay: cannot read %s\n", folder);
		return 1;
	}
	size_t files = 0;
	int failed = 0;
	struct dirent *entry;
	while ((entry = readdir(dir))) {
		if (entry->d_name[0] == '.')
			continue;
		size_t n = strlen(folder) + strlen(entry->d_name) + 2;
		char *path = malloc(n);
		snprintf(path, n, "%s/%s", folder, entry->d_name);
		if (replay_file(path) != 0) {
			fprintf(stderr, "replay: cannot read %s\n", path);
			failed = 1;
		}
		free(path);
		files++;
	}
	closedir(dir);
	printf("replayed %zu inputs from %s\n", files, folder);
	return failed || files == 0;
}

int main(int argc, char **argv)
{
	int failed = argc < 2;
	for (int i = 1; i < argc; i++)
		failed |= replay_folder(argv[i]);
	return failed;
}
