/* committee-pdf layouts: list the house styles a source could name, in the
 * order they are looked up, and check layout files (--check). */
#include <dirent.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "diag.h"
#include "fonts.h"
#include "memory.h"
#include "style.h"

static void usage(FILE *out)
{
	fputs("usage: committee-pdf layouts [--dir DIR]\n"
	      "       committee-pdf layouts --check [--fonts-conf FILE] LAYOUT.xml...\n"
	      "\n"
	      "Lists the layouts (house styles) a source can name in its layout\n"
	      "attribute, with their titles and the file each comes from. A name\n"
	      "is looked for in the source's folder (DIR/layouts, then DIR), then\n"
	      "in the layouts shipped with committee-pdf; the first found wins.\n"
	      "\n"
	      "  --dir DIR          also list the layouts of the source folder DIR\n"
	      "  --check FILE...    check layout files: schema, colours, contrast,\n"
	      "                     margins and fonts; prints FILE:LINE:COL diagnostics\n"
	      "  --fonts-conf FILE  with --check: the fontconfig file to check fonts\n"
	      "                     against (default: the shipped fonts/fonts.conf)\n"
	      "  -h, --help         show this help\n",
	      out);
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted *.xml file names in dir; caller frees each and the array. */
static size_t layout_files(const char *dir, char ***names)
{
	size_t count = 0, capacity = 0;
	*names = NULL;
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	for (struct dirent *e; (e = readdir(d));) {
		size_t n = strlen(e->d_name);
		if (n <= 4 || e->d_name[0] == '.' || strcmp(e->d_name + n - 4, ".xml") != 0)
			continue;
		MEM_GROW(*names, count, capacity);
		(*names)[count++] = mem_strndup(e->d_name, n - 4);
	}
	closedir(d);
	if (count)
		qsort(*names, count, sizeof **names, compare_names);
	return count;
}

static int already_listed(char **seen, size_t seen_count, const char *name)
{
	for (size_t i = 0; i < seen_count; i++)
		if (strcmp(seen[i], name) == 0)
			return 1;
	return 0;
}

static void list_one(const char *dir, const char *name, int shadowed)
{
	char *path = mem_printf("%s/%s.xml", dir, name);
	struct diag_list diags = { 0 };
	struct style *style = style_load(path, &diags);
	if (style) {
		printf("%-40s %s%s\n", name, style_title(style),
		       shadowed ? " (hidden by the one of the same name above)" : "");
		if (*style_description(style))
			printf("    %s\n", style_description(style));
	} else {
		printf("%-40s (not usable: %zu error%s; run 'committee-pdf layouts "
		       "--check %s')\n", name, diag_count(&diags, DIAG_ERROR),
		       diag_count(&diags, DIAG_ERROR) == 1 ? "" : "s", path);
	}
	printf("    from %s\n", path);
	style_free(style);
	diag_list_free(&diags);
	free(path);
}

static int list_layouts(const char *source_dir)
{
	char **dirs = NULL;
	size_t dir_count = style_search_dirs(source_dir, &dirs);
	char **seen = NULL;
	size_t seen_count = 0, seen_capacity = 0;
	for (size_t i = 0; i < dir_count; i++) {
		char **names = NULL;
		size_t count = layout_files(dirs[i], &names);
		for (size_t j = 0; j < count; j++) {
			char *path = mem_printf("%s/%s.xml", dirs[i], names[j]);
			int papers_too = source_dir && strcmp(dirs[i], source_dir) == 0;
			if (!papers_too || style_file_is_layout(path)) {
				int shadowed = already_listed(seen, seen_count, names[j]);
				list_one(dirs[i], names[j], shadowed);
				MEM_GROW(seen, seen_count, seen_capacity);
				seen[seen_count++] = names[j];
			} else {
				free(names[j]);
			}
			free(path);
		}
		free(names);
		free(dirs[i]);
	}
	if (seen_count == 0)
		fputs("committee-pdf: no layouts found\n", stderr);
	for (size_t i = 0; i < seen_count; i++)
		free(seen[i]);
	free(seen);
	free(dirs);
	return seen_count ? 0 : 1;
}

static int check_layouts(int count, char **paths, const char *fonts_conf)
{
	struct diag_list diags = { 0 };
	struct fonts *fonts = NULL;
	int fonts_tried = 0;
	for (int i = 0; i < count; i++) {
		struct style *style = style_load(paths[i], &diags);
		if (style && !fonts_tried) {
			fonts = fonts_open(fonts_conf, &diags);
			fonts_tried = 1;
		}
		if (style && fonts)
			fonts_check_style(fonts, style, &diags);
		style_free(style);
	}
	fonts_close(fonts);
	diag_sort(&diags);
	diag_print(&diags, stderr);
	int status = diag_has_errors(&diags) ? 1 : 0;
	diag_list_free(&diags);
	return status;
}

static const struct command_spec layouts_command = { "layouts", usage };

int cmd_layouts(int argc, char **argv)
{
	enum { OPT_DIR = 256, OPT_FONTS_CONF, OPT_CHECK };
	static const struct option options[] = {
		{ "dir", required_argument, NULL, OPT_DIR },
		{ "fonts-conf", required_argument, NULL, OPT_FONTS_CONF },
		{ "check", no_argument, NULL, OPT_CHECK },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command_spec *cmd = &layouts_command;
	const char *dir = NULL, *fonts_conf = NULL;
	int check = 0, c;
	optind = 1;
	while ((c = command_next_option(cmd, argc, argv, "+h", options)) != -1) {
		switch (c) {
		case OPT_DIR:
			dir = optarg;
			break;
		case OPT_FONTS_CONF:
			fonts_conf = optarg;
			break;
		case OPT_CHECK:
			check = 1;
			break;
		case 'h':
			return command_help(cmd);
		default:
			return 2; /* reported by command_next_option */
		}
	}
	if (check) {
		if (optind >= argc)
			return command_usage_error(cmd, "--check needs at least one file");
		return check_layouts(argc - optind, argv + optind, fonts_conf);
	}
	if (optind < argc)
		return command_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	return list_layouts(dir);
}
