/* Finding a layout by name: the source's own folder first, so a council can
 * keep its house style beside its papers, then the shipped layouts. */
#include "style_internal.h"
#include "paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *installed_layouts_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	char *bin = paths_dirname(exe);
	char *dir = mem_printf("%s/../share/committee-pdf/layouts", bin);
	free(bin);
	return dir;
}

static void add_dir(char ***dirs, size_t *count, size_t *capacity, char *dir)
{
	if (!dir)
		return;
	char *real = is_dir(dir) ? realpath(dir, NULL) : NULL;
	for (size_t i = 0; real && i < *count; i++) {
		char *other = realpath((*dirs)[i], NULL);
		int same = other && strcmp(other, real) == 0;
		free(other);
		if (same) {
			free(real);
			real = NULL;
		}
	}
	if (!real) {
		free(dir);
		return;
	}
	free(real);
	MEM_GROW(*dirs, *count, *capacity);
	(*dirs)[(*count)++] = dir;
}

size_t style_search_dirs(const char *source_dir, char ***dirs)
{
	size_t count = 0, capacity = 0;
	*dirs = NULL;
	if (source_dir) {
		add_dir(dirs, &count, &capacity, mem_printf("%s/layouts", source_dir));
		add_dir(dirs, &count, &capacity, mem_strdup(source_dir));
	}
	add_dir(dirs, &count, &capacity, paths_layouts_dir());
	add_dir(dirs, &count, &capacity, installed_layouts_dir());
	return count;
}

static int is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* A source folder also holds papers, one of which may share the layout's
 * name; only a file that names the layout namespace is taken as a layout. */
static int looks_like_layout(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	char head[4096];
	size_t n = fread(head, 1, sizeof head - 1, f);
	fclose(f);
	head[n] = '\0';
	return strstr(head, STYLE_NAMESPACE) != NULL;
}

static int is_path(const char *name)
{
	size_t n = strlen(name);
	return strchr(name, '/') || (n >= 4 && strcmp(name + n - 4, ".xml") == 0);
}

struct style *style_find(const char *name_or_path, const char *source_dir,
			 struct diag_list *diags)
{
	if (is_path(name_or_path))
		return style_load(name_or_path, diags);
	char **dirs = NULL;
	size_t count = style_search_dirs(source_dir, &dirs);
	struct style *style = NULL;
	int found = 0;
	size_t looked_length = 0;
	char *looked = mem_strdup("");
	for (size_t i = 0; i < count; i++) {
		char *candidate = mem_printf("%s/%s.xml", dirs[i], name_or_path);
		if (!found && is_file(candidate) && looks_like_layout(candidate)) {
			found = 1;
			style = style_load(candidate, diags);
		}
		char *more = mem_printf("%s%s%s", looked, looked_length ? ", " : "", dirs[i]);
		free(looked);
		looked = more;
		looked_length = strlen(looked);
		free(candidate);
		free(dirs[i]);
	}
	free(dirs);
	if (!found)
		diag_add(diags, DIAG_ERROR, NULL, 0, 0,
			 "no layout named '%s': looked for %s.xml in %s; "
			 "'committee-pdf layouts' lists those that exist",
			 name_or_path, name_or_path, looked_length ? looked : "no folder");
	free(looked);
	return style;
}
