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

/* "/usr/share/…" reads better in messages than "/usr/bin/../share/…";
 * the source's folder keeps the form its user gave. */
static char *canonical(char *dir)
{
	char *real = realpath(dir, NULL);
	if (!real)
		return dir;
	free(dir);
	char *owned = mem_strdup(real);
	free(real);
	return owned;
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
	return canonical(dir);
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
	add_dir(dirs, &count, &capacity, canonical(paths_layouts_dir()));
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
int style_file_is_layout(const char *path)
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

/* "dir, dir and dir" for the message naming where a name was looked for. */
static char *joined(char **dirs, size_t count)
{
	char *out = mem_strdup("");
	for (size_t i = 0; i < count; i++) {
		char *more = mem_printf("%s%s%s", out, i ? ", " : "", dirs[i]);
		free(out);
		out = more;
	}
	return out;
}

static char *locate(const char *name_or_path, const char *source_dir,
		    char **looked_in)
{
	if (is_path(name_or_path)) {
		if (looked_in)
			*looked_in = NULL;
		return mem_strdup(name_or_path);
	}
	char **dirs = NULL;
	size_t count = style_search_dirs(source_dir, &dirs);
	char *found = NULL;
	for (size_t i = 0; i < count && !found; i++) {
		char *candidate = mem_printf("%s/%s.xml", dirs[i], name_or_path);
		/* In a layouts/ folder every NAME.xml is meant as a layout, and
		 * a broken one must be reported, not passed over. */
		int papers_too = source_dir && strcmp(dirs[i], source_dir) == 0;
		if (is_file(candidate) &&
		    (!papers_too || style_file_is_layout(candidate)))
			found = candidate;
		else
			free(candidate);
	}
	if (looked_in)
		*looked_in = count ? joined(dirs, count) : mem_strdup("no folder");
	for (size_t i = 0; i < count; i++)
		free(dirs[i]);
	free(dirs);
	return found;
}

char *style_locate(const char *name_or_path, const char *source_dir)
{
	return locate(name_or_path, source_dir, NULL);
}

/* A name found in the source's own folders must not be a link out of it:
 * the same rule as a path, told with the name the source wrote. */
static int name_stays_inside(const struct paths_naming *naming,
			     const char *name, const char *source_dir,
			     struct diag_list *diags)
{
	char *found = locate(name, source_dir, NULL);
	size_t n = strlen(source_dir);
	if (!found || strncmp(found, source_dir, n) != 0 || found[n] != '/') {
		free(found);
		return 1;
	}
	const char *relative = found + n + 1;
	struct diag_list own = { 0 };
	char *checked = paths_named(naming, relative, STYLE_MAX_FILE_BYTES, &own);
	if (!checked && diags && own.count) {
		/* "layout=\"layouts/x.xml\" PROBLEM" said of the name */
		const char *problem = own.items[0].message +
				      strlen(naming->attribute) + strlen(relative) + 4;
		diag_add(diags, DIAG_ERROR, naming->source, naming->line,
			 naming->col, "%s=\"%s\" finds %s, which %s",
			 naming->attribute, name, relative, problem);
	}
	diag_list_free(&own);
	free(found);
	int inside = checked != NULL;
	free(checked);
	return inside;
}

char *style_source_layout(const char *source_path, const char *layout,
			  unsigned line, unsigned col, struct diag_list *diags)
{
	struct paths_naming naming = {
		.source = source_path, .attribute = "layout",
		.line = line, .col = col, .option = "--layout",
	};
	if (is_path(layout))
		return paths_named(&naming, layout, STYLE_MAX_FILE_BYTES, diags);
	char *source_dir = paths_dirname(source_path);
	int inside = name_stays_inside(&naming, layout, source_dir, diags);
	free(source_dir);
	return inside ? mem_strdup(layout) : NULL;
}

struct style *style_find(const char *name_or_path, const char *source_dir,
			 struct diag_list *diags)
{
	char *looked_in = NULL;
	char *path = locate(name_or_path, source_dir, &looked_in);
	struct style *style = NULL;
	if (path)
		style = style_load(path, diags);
	else
		diag_add(diags, DIAG_ERROR, NULL, 0, 0,
			 "no layout named '%s': looked for %s.xml in %s; "
			 "'committee-pdf layouts' lists those that exist",
			 name_or_path, name_or_path, looked_in);
	free(path);
	free(looked_in);
	return style;
}
