/* committee-pdf preview: PNG images of the pages, from the same display
 * list the PDF is drawn from. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "batch.h"
#include "commands.h"
#include "diag.h"
#include "draw.h"
#include "file_atomic.h"
#include "memory.h"
#include "page_list.h"
#include "paths.h"
#include "pipeline.h"
#include "watch.h"

#define PREVIEW_DEFAULT_DPI 96.0
#define PREVIEW_MAX_DPI 600.0 /* an A4 page is then 4960 × 7016 pixels */

struct preview {
	struct pipeline_options options;
	const char *source;
	const char *out_dir;  /* NULL: beside the source */
	const char *pages;    /* NULL: all */
	double dpi;
	int watch;
	struct pipeline *pipeline;
	char *dir;            /* where the images go */
	char *base;           /* the source's file name without .xml */
};

static void preview_usage(FILE *out)
{
	fputs("usage: committee-pdf preview SOURCE [-o DIR] [--dpi N] [--pages LIST]\n"
	      "                             [--layout NAME] [--draft] [--watch]\n"
	      "                             [--allow-dir DIR]... [--max-size SIZE]\n"
	      "\n"
	      "Draw the pages as PNG images named BASE-N.png (N from 1) and print\n"
	      "the names of the files written.\n"
	      "\n"
	      "  -o, --output DIR  write the images into DIR (default: beside the source)\n"
	      "  --dpi N           resolution, 10 to 600 (default 96)\n"
	      "  --pages LIST      only these pages, e.g. 1,3-5 (default: all)\n"
	      "  --layout NAME     house style name or path (default: the source's own)\n"
	      "  --draft           draft watermark and build time on every page\n"
	      "  --allow-dir DIR   files the source names may also lie in DIR (repeatable)\n"
	      "  --max-size SIZE   read sources up to SIZE (such as 64M; default 16M)\n"
	      "  --watch           draw again each time the source or its house style\n"
	      "                    changes, until interrupted\n"
	      "  -h, --help        this text\n",
	      out);
}

static char *base_name(const char *source)
{
	const char *slash = strrchr(source, '/');
	const char *name = slash ? slash + 1 : source;
	size_t n = strlen(name);
	if (n > 4 && strcmp(name + n - 4, ".xml") == 0)
		n -= 4;
	return mem_strndup(name, n);
}

/* One drawing of every selected page; 0 ok, 1 failed. */
static int preview_draw(struct preview *p)
{
	struct diag_list diags = { 0 };
	struct display_list *list = pipeline_layout(p->pipeline, p->source,
						    &p->options, NULL, &diags);
	int written = -1;
	/* Checked here, not left to draw_png, so the message names the
	 * source whose pages are counted rather than the output folder. */
	if (list && !page_list_within(p->pages, list->page_count))
		diag_add(&diags, DIAG_ERROR, p->source, 0, 0,
			 "pages '%s' do not name pages 1 to %zu "
			 "(write like 1,3-5)",
			 p->pages, list->page_count);
	else if (list)
		written = draw_png(list, p->dir, p->base, p->dpi, p->pages,
				   &diags);
	diag_sort(&diags);
	diag_print(&diags, stderr);
	diag_list_free(&diags);
	if (written < 0) {
		if (list)
			dl_free(list);
		return 1;
	}
	const char *sep = p->dir[strlen(p->dir) - 1] == '/' ? "" : "/";
	for (size_t page = 1; page <= list->page_count; page++)
		if (page_list_contains(p->pages, page))
			printf("%s%s%s-%zu.png\n", p->dir, sep, p->base, page);
	dl_free(list);
	fflush(stdout);
	return 0;
}

static int preview_round(void *ctx)
{
	struct preview *p = ctx;
	double started = batch_now_ms();
	int rc = preview_draw(p);
	if (rc == 0)
		printf("rendered %s in %.0f ms\n", p->source,
		       batch_now_ms() - started);
	else
		fprintf(stderr, "%s failed; the last images drawn stay in place\n",
			p->source);
	fflush(stdout);
	return rc;
}

static int parse_dpi(const char *text, double *dpi)
{
	char *end;
	errno = 0;
	double v = strtod(text, &end);
	if (errno || *end || end == text || !(v >= 10.0 && v <= PREVIEW_MAX_DPI))
		return -1;
	*dpi = v;
	return 0;
}

static const struct command_spec preview_command = { "preview", preview_usage };

/* COMMAND_GO_ON, or the exit status of --help or a usage error. */
static int parse_options(int argc, char **argv, struct preview *p)
{
	const struct command_spec *cmd = &preview_command;
	enum { OPT_DPI = 256, OPT_PAGES, OPT_LAYOUT, OPT_DRAFT, OPT_WATCH };
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "dpi", required_argument, NULL, OPT_DPI },
		{ "pages", required_argument, NULL, OPT_PAGES },
		{ "layout", required_argument, NULL, OPT_LAYOUT },
		{ "draft", no_argument, NULL, OPT_DRAFT },
		{ "watch", no_argument, NULL, OPT_WATCH },
		COMMAND_SHARED_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	p->dpi = PREVIEW_DEFAULT_DPI;
	optind = 1;
	int c, rc;
	while ((c = command_next_option(cmd, argc, argv, "o:h", options)) != -1) {
		switch (c) {
		case 'o':
			p->out_dir = optarg;
			break;
		case OPT_DPI:
			if (parse_dpi(optarg, &p->dpi) < 0)
				return command_usage_error(cmd, "--dpi wants a number from 10 to 600, not '%s'", optarg);
			break;
		case OPT_PAGES:
			if (!page_list_valid(optarg))
				return command_usage_error(cmd, "--pages wants a list like 1,3-5, not '%s'", optarg);
			p->pages = optarg;
			break;
		case OPT_LAYOUT:
			p->options.layout = optarg;
			break;
		case OPT_DRAFT:
			p->options.draft = 1;
			break;
		case OPT_WATCH:
			p->watch = 1;
			break;
		default:
			if ((rc = command_shared_option(cmd, c, optarg)) !=
			    COMMAND_GO_ON)
				return rc;
		}
	}
	if (argc - optind != 1)
		return command_usage_error(cmd, "give exactly one SOURCE");
	p->source = argv[optind];
	if (strcmp(p->source, "-") == 0)
		return command_usage_error(cmd, "SOURCE must be a file (the images are named after it)");
	if (p->out_dir && !*p->out_dir)
		return command_usage_error(cmd, "empty output folder name");
	return COMMAND_GO_ON;
}

int cmd_preview(int argc, char **argv)
{
	struct preview p = { 0 };
	int rc = parse_options(argc, argv, &p);
	if (rc != COMMAND_GO_ON)
		return rc;
	if (p.out_dir && mkdir(p.out_dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "committee-pdf preview: cannot create '%s': %s\n",
			p.out_dir, strerror(errno));
		return 1;
	}
	file_atomic_remove_on_signals();
	struct diag_list diags = { 0 };
	p.pipeline = pipeline_new(&diags);
	if (!p.pipeline) {
		diag_print(&diags, stderr);
		diag_list_free(&diags);
		return 1;
	}
	p.dir = p.out_dir ? mem_strdup(p.out_dir) : paths_dirname(p.source);
	p.base = base_name(p.source);
	if (p.watch) {
		rc = watch_run(p.source, p.options.layout, preview_round, &p, 0,
			       &diags);
		diag_print(&diags, stderr);
	} else {
		rc = preview_draw(&p);
	}
	diag_list_free(&diags);
	free(p.dir);
	free(p.base);
	pipeline_free(p.pipeline);
	return rc;
}
