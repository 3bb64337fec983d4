#include "paths.h"
#include "memory.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *data_dir;

static int is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *exe_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	if (n <= 0)
		return mem_strdup(".");
	buf[n] = '\0';
	return paths_dirname(buf);
}

static char *find_data_dir(void)
{
	const char *env = getenv("COMMITTEE_PDF_DATADIR");
	if (env && *env)
		return mem_strdup(env);
	char *bin = exe_dir();
	char *installed = mem_printf("%s/../share/committee-pdf", bin);
	if (is_dir(installed)) {
		free(bin);
		return installed;
	}
	free(installed);
	/* build/committee-pdf or build/tests/x: walk up to the tree holding generator/ */
	char *dir = bin;
	for (int up = 0; up < 4; up++) {
		char *probe = mem_printf("%s/generator/committee-paper.xsd", dir);
		struct stat st;
		int found = stat(probe, &st) == 0;
		free(probe);
		if (found)
			return dir;
		char *parent = mem_printf("%s/..", dir);
		free(dir);
		dir = parent;
	}
	free(dir);
	return mem_strdup(".");
}

const char *paths_data_dir(void)
{
	if (!data_dir)
		data_dir = find_data_dir();
	return data_dir;
}

char *paths_schema(const char *file_name)
{
	const char *dir = paths_data_dir();
	char *shipped = mem_printf("%s/schema/%s", dir, file_name);
	struct stat st;
	if (stat(shipped, &st) == 0)
		return shipped;
	free(shipped);
	return mem_printf("%s/generator/%s", dir, file_name);
}

char *paths_layouts_dir(void)
{
	return mem_printf("%s/layouts", paths_data_dir());
}

char *paths_fonts_conf(void)
{
	return mem_printf("%s/fonts/fonts.conf", paths_data_dir());
}

char *paths_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return mem_strdup(".");
	if (slash == path)
		return mem_strdup("/");
	return mem_strndup(path, (size_t)(slash - path));
}

char *paths_beside(const char *dir, const char *path)
{
	if (path[0] == '/')
		return mem_strdup(path);
	return mem_printf("%s/%s", dir, path);
}
