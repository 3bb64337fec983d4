/* committee-pdf render: one source to one PDF (or, with --dump-layout, its
 * display list as JSON on standard output). Exit status: 0 done (warnings
 * allowed), 1 invalid source or failed output, 2 usage. */
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
	      "                            [--allow-dir DIR]...\n"
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

static int usage_error(const char *message, const char *argument)
{
	fprintf(stderr, "committee-pdf render: %s%s%s\n", message,
		argument ? ": " : "", argument ? argument : "");
	fputs("Run 'committee-pdf render --help' for usage.\n", stderr);
	return 2;
}

/* Value of an option given as "--name VALUE" or "--name=VALUE"; NULL when
 * argv[*i] is not that option. */
static const char *option_value(int argc, char **argv, int *i,
				const char *name, const char *short_name,
				int *missing)
{
	const char *arg = argv[*i];
	size_t n = strlen(name);
	if (strncmp(arg, name, n) == 0 && arg[n] == '=')
		return arg + n + 1;
	if (strcmp(arg, name) == 0 || (short_name && strcmp(arg, short_name) == 0)) {
		if (*i + 1 >= argc) {
			*missing = 1;
			return NULL;
		}
		return argv[++*i];
	}
	return NULL;
}

/* 0 parsed, 1 help shown, 2 usage error (reported). */
static int parse_args(int argc, char **argv, struct render_args *args)
{
	int options_done = 0;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		int missing = 0;
		const char *value;
		if (options_done || arg[0] != '-' || strcmp(arg, "-") == 0) {
			if (args->source)
				return usage_error("only one SOURCE, got another", arg);
			args->source = arg;
		} else if (strcmp(arg, "--") == 0) {
			options_done = 1;
		} else if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
			render_usage(stdout);
			return 1;
		} else if (strcmp(arg, "--draft") == 0) {
			args->options.draft = 1;
		} else if (strcmp(arg, "--dump-layout") == 0) {
			args->dump_layout = 1;
		} else if (strcmp(arg, "--watch") == 0) {
			args->watch = 1;
		} else if (strcmp(arg, "--check") == 0) {
			args->check = 1;
		} else if ((value = option_value(argc, argv, &i, "--output", "-o", &missing))) {
			args->out = value;
		} else if ((value = option_value(argc, argv, &i, "--layout", NULL, &missing))) {
			args->options.layout = value;
		} else if ((value = option_value(argc, argv, &i, "--previous", NULL, &missing))) {
			args->options.previous = value;
		} else if ((value = option_value(argc, argv, &i, "--allow-dir", NULL, &missing))) {
			if (paths_allow_dir(value) != 0)
				return usage_error("--allow-dir needs a folder that exists", value);
		} else if (missing) {
			return usage_error("option needs a value", arg);
		} else {
			return usage_error("unknown option", arg);
		}
		if (missing)
			return usage_error("option needs a value", arg);
	}
	if (!args->source)
		return usage_error("no SOURCE given", NULL);
	if (args->out && !*args->out)
		return usage_error("empty output name", NULL);
	if (args->options.layout && !*args->options.layout)
		return usage_error("empty layout name", NULL);
	if (args->check && (args->watch || args->dump_layout))
		return usage_error("--check needs one PDF written, not --watch or --dump-layout", NULL);
	if (args->watch && (args->dump_layout || strcmp(args->source, "-") == 0))
		return usage_error("--watch needs a SOURCE file and a PDF to write", NULL);
	if (!args->out && !args->dump_layout && strcmp(args->source, "-") == 0)
		return usage_error("a source on standard input needs -o OUT.pdf", NULL);
	return 0;
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
	int parsed = parse_args(argc, argv, &args);
	if (parsed != 0)
		return parsed == 1 ? 0 : 2;
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
