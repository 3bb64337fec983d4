/* committee-pdf render: one source to one PDF (or, with --dump-layout, its
 * display list as JSON on standard output). Exit status: 0 done (warnings
 * allowed), 1 invalid source or failed output, 2 usage. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "batch.h"
#include "check.h"
#include "commands.h"
#include "file_atomic.h"
#include "memory.h"
#include "paths.h"
#include "pipeline.h"
#include "watch.h"

struct render_args {
	const char *source;
	const char *out;
	int dump_layout;
	int watch;
	int check; /* --check: run `check` on the PDF written */
	struct pipeline_options options;
};

static void render_usage(FILE *out)
{
	fputs("usage: committee-pdf render SOURCE [-o OUT.pdf] [--layout NAME|PATH]\n"
	      "                            [--draft] [--previous FILE] [--dump-layout]\n"
	      "                            [--allow-dir DIR]... [--max-size SIZE]\n"
	      "\n"
	      "Typeset one committee paper source (XML) to a tagged PDF.\n"
	      "\n"
	      "  -o, --output OUT.pdf  where to write (default: SOURCE with .pdf);\n"
	      "                        written whole or not at all\n"
	      "  --layout NAME|PATH    house style instead of the source's own\n"
	      "                        (default committee-report); a name is looked\n"
	      "                        for beside the source, then in the shipped layouts\n"
	      "  --draft               draft furniture and watermark\n"
	      "  --previous FILE       last quarter's source, for previous values and\n"
	      "                        directions of travel\n"
	      "  --allow-dir DIR       files the source names (layout=, previous-source=)\n"
	      "                        may also lie in DIR, not only in the source's\n"
	      "                        folder; may be given more than once\n"
	      "  --max-size SIZE       read sources up to SIZE (such as 64M; default 16M)\n"
	      "  --dump-layout         print the laid-out pages as JSON instead of\n"
	      "                        writing a PDF\n"
	      "  --watch               render again each time the source or its house\n"
	      "                        style is saved, until interrupted\n"
	      "  --check               then check the PDF against PDF/UA-1 and PDF/A-2\n"
	      "                        as 'committee-pdf check' does (exit 1 if a rule\n"
	      "                        fails)\n"
	      "  -h, --help            this help\n"
	      "\n"
	      "Diagnostics go to standard error as FILE:LINE:COL: LEVEL: MESSAGE.\n"
	      "Exit status: 0 done, 1 invalid source or failed output, 2 usage.\n",
	      out);
}

static const struct command_spec render_command = { "render", render_usage };

/* COMMAND_GO_ON, or the exit status of --help or a usage error. */
static int parse_args(int argc, char **argv, struct render_args *args)
{
	enum { OPT_LAYOUT = 256, OPT_PREVIOUS, OPT_DRAFT, OPT_DUMP_LAYOUT,
	       OPT_WATCH, OPT_CHECK };
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "layout", required_argument, NULL, OPT_LAYOUT },
		{ "previous", required_argument, NULL, OPT_PREVIOUS },
		{ "draft", no_argument, NULL, OPT_DRAFT },
		{ "dump-layout", no_argument, NULL, OPT_DUMP_LAYOUT },
		{ "watch", no_argument, NULL, OPT_WATCH },
		{ "check", no_argument, NULL, OPT_CHECK },
		COMMAND_SHARED_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	const struct command_spec *cmd = &render_command;
	optind = 1;
	int c, rc;
	while ((c = command_next_option(cmd, argc, argv, "o:h", options)) != -1) {
		switch (c) {
		case 'o':
			args->out = optarg;
			break;
		case OPT_LAYOUT:
			args->options.layout = optarg;
			break;
		case OPT_PREVIOUS:
			args->options.previous = optarg;
			break;
		case OPT_DRAFT:
			args->options.draft = 1;
			break;
		case OPT_DUMP_LAYOUT:
			args->dump_layout = 1;
			break;
		case OPT_WATCH:
			args->watch = 1;
			break;
		case OPT_CHECK:
			args->check = 1;
			break;
		default:
			if ((rc = command_shared_option(cmd, c, optarg)) !=
			    COMMAND_GO_ON)
				return rc;
		}
	}
	if (optind >= argc)
		return command_usage_error(cmd, "no SOURCE given");
	if (argc - optind > 1)
		return command_usage_error(cmd, "only one SOURCE, got another: %s",
					   argv[optind + 1]);
	args->source = argv[optind];
	if (args->out && !*args->out)
		return command_usage_error(cmd, "empty output name");
	if (args->options.layout && !*args->options.layout)
		return command_usage_error(cmd, "empty layout name");
	if (args->check && (args->watch || args->dump_layout))
		return command_usage_error(cmd, "--check needs one PDF written, not --watch or --dump-layout");
	if (args->watch && (args->dump_layout || strcmp(args->source, "-") == 0))
		return command_usage_error(cmd, "--watch needs a SOURCE file and a PDF to write");
	if (!args->out && !args->dump_layout && strcmp(args->source, "-") == 0)
		return command_usage_error(cmd, "a source on standard input needs -o OUT.pdf");
	return COMMAND_GO_ON;
}

static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

/* --watch: one rendering per change, reported as it happens. */
struct render_watch {
	struct pipeline *pipeline;
	const struct render_args *args;
	const char *out;
};

static int render_round(void *ctx)
{
	struct render_watch *w = ctx;
	struct diag_list diags = { 0 };
	double started_ms = batch_now_ms();
	int status = pipeline_render_pdf(w->pipeline, w->args->source, w->out,
					 &w->args->options, &diags);
	diag_sort(&diags);
	diag_print(&diags, stderr);
	diag_list_free(&diags);
	if (status == 0)
		printf("rendered %s in %.0f ms\n", w->args->source,
		       batch_now_ms() - started_ms);
	else
		fprintf(stderr, "%s failed; the last good %s stays\n",
			w->args->source, w->out);
	fflush(stdout);
	return status;
}

int cmd_render(int argc, char **argv)
{
	struct render_args args = { 0 };
	int rc = parse_args(argc, argv, &args);
	if (rc != COMMAND_GO_ON)
		return rc;
	file_atomic_remove_on_signals();
	struct diag_list diags = { 0 };
	int status = 1;
	char *out = args.out ? mem_strdup(args.out)
			     : pipeline_output_path(args.source, NULL, ".pdf");
	struct pipeline *pipeline = NULL;
	if (!args.dump_layout && same_file(args.source, out)) {
		diag_add(&diags, DIAG_ERROR, out, 0, 0,
			 "the output would overwrite the source");
		goto done;
	}
	pipeline = pipeline_new(&diags);
	if (!pipeline)
		goto done;
	if (args.watch) {
		struct render_watch w = { pipeline, &args, out };
		status = watch_run(args.source, args.options.layout, render_round,
				   &w, 0, &diags);
	} else if (args.dump_layout) {
		struct display_list *list = pipeline_layout(
			pipeline, args.source, &args.options, NULL, &diags);
		if (list) {
			dl_dump_json(list, stdout);
			status = fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
			dl_free(list);
		}
	} else {
		status = pipeline_render_pdf(pipeline, args.source, out,
					     &args.options, &diags);
		if (status == 0 && args.check) {
			int unreadable;
			size_t failures = check_file_print(out, stderr, &unreadable);
			fprintf(stderr, "%zu PDF/UA-1 and PDF/A-2 %s in %s\n", failures,
				failures == 1 ? "failure" : "failures", out);
			status = failures || unreadable;
		}
	}
done:
	diag_sort(&diags);
	diag_print(&diags, stderr);
	if (diag_has_errors(&diags))
		status = 1;
	diag_list_free(&diags);
	pipeline_free(pipeline);
	free(out);
	return status;
}
