/* Turning command-line arguments into a sorted list of source files. */
#include "batch.h"
#include "memory.h"
#include "source.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void add_path(struct batch_list *list, char *path)
{
	MEM_GROW(list->paths, list->count, list->capacity);
	list->paths[list->count++] = path;
}

static int compare_paths(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_source_name(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

static int regular_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* A folder of papers often holds other XML too (a house style, a meeting
 * file): those are passed over with a note. A file named on the command
 * line is never passed over: loading it says what is wrong. */
static int passed_over(const char *path, struct diag_list *diags)
{
	char *root = NULL;
	int other = source_root_of(path, &root) == SOURCE_ROOT_OTHER;
	if (other)
		diag_add(diags, DIAG_NOTE, path, 0, 0,
			 "passed over: its root element is <%s>, not a committee "
			 "paper's <paper>", root);
	free(root);
	return other;
}

static int collect_folder(struct batch_list *list, const char *folder,
			  struct diag_list *diags)
{
	DIR *dir = opendir(folder);
	if (!dir) {
		diag_add(diags, DIAG_ERROR, folder, 0, 0,
			 "cannot read folder: %s", strerror(errno));
		return 1;
	}
	size_t first = list->count;
	size_t len = strlen(folder);
	const char *sep = len && folder[len - 1] == '/' ? "" : "/";
	struct dirent *entry;
	while ((entry = readdir(dir)) != NULL) {
		if (!is_source_name(entry->d_name))
			continue;
		char *path = mem_printf("%s%s%s", folder, sep, entry->d_name);
		if (regular_file(path) && !passed_over(path, diags))
			add_path(list, path);
		else
			free(path);
	}
	closedir(dir);
	if (list->count > first)
		qsort(list->paths + first, list->count - first, sizeof *list->paths,
		      compare_paths);
	return 0;
}

int batch_collect(struct batch_list *list, const char *arg,
		  struct diag_list *diags)
{
	struct stat st;
	if (stat(arg, &st) == 0 && S_ISDIR(st.st_mode))
		return collect_folder(list, arg, diags);
	/* A missing file is the build's to report, with the others. */
	add_path(list, mem_strdup(arg));
	return 0;
}

void batch_list_free(struct batch_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		free(list->paths[i]);
	free(list->paths);
	list->paths = NULL;
	list->count = list->capacity = 0;
}
