/* committee-pdf build: many sources to PDF, each in a worker process. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch.h"
#include "commands.h"
#include "diag.h"
#include "file_atomic.h"
#include "memory.h"
#include "paths.h"
#include "pipeline.h"

struct build_settings {
	struct pipeline_options pipeline;
	const char *out_dir;
	int jobs;
	int force;
};

struct build_report {
	int tty;             /* stderr is a terminal: one progress line */
	size_t total;        /* documents handed to the pool */
	double started_ms;
};

static void build_usage(FILE *out)
{
	fputs("usage: committee-pdf build [-j N] [-o DIR] [--force] [--layout NAME]\n"
	      "                           [--draft] [--allow-dir DIR]... [--max-size SIZE]\n"
	      "                           SOURCE|DIR...\n"
	      "\n"
	      "Render many sources to PDF in parallel; a folder stands for its *.xml\n"
	      "files. Sources whose PDF is newer than the source, its house style and\n"
	      "the previous quarter's source it compares with are skipped.\n"
	      "\n"
	      "  -j, --jobs N      worker processes (default: the number of online cores)\n"
	      "  -o, --output DIR  write the PDFs into DIR (default: beside each source)\n"
	      "  -f, --force       build even the sources that are up to date\n"
	      "  --layout NAME     house style name or path, for every source\n"
	      "  --draft           draft watermark and build time on every page\n"
	      "  --allow-dir DIR   files the sources name may also lie in DIR (repeatable)\n"
	      "  --max-size SIZE   read sources up to SIZE (such as 64M; default 16M)\n"
	      "  -h, --help        this text\n",
	      out);
}

/* ---- the worker's side ---- */

/* One per worker process: its pipeline keeps fonts and house styles loaded
 * from one document to the next. */
struct build_worker {
	struct pipeline *pipeline;
	const struct build_settings *settings;
};

static void *worker_open(void *arg, struct diag_list *diags)
{
	struct pipeline *pipeline = pipeline_new(diags);
	if (!pipeline)
		return NULL;
	struct build_worker *worker = mem_alloc(sizeof *worker);
	worker->pipeline = pipeline;
	worker->settings = arg;
	return worker;
}

/* The COMMITTEE_PDF_TEST_CRASH hook: die as a crash while writing would,
 * with the document laid out and its output's temporary file half written,
 * so the tests see what the parent cleans up. */
static void crash_mid_document(struct pipeline *pipeline, const char *source,
			       const char *output,
			       const struct pipeline_options *options,
			       struct diag_list *diags)
{
	struct display_list *list = pipeline_layout(pipeline, source, options,
						    NULL, diags);
	struct file_atomic *file = file_atomic_open(output, diags);
	if (file)
		file_atomic_write(file, "%PDF-1.7\n", 9);
	(void)list;
	raise(SIGKILL);
}

static int worker_build(void *state, const char *source, const char *output,
			struct diag_list *diags)
{
	struct build_worker *worker = state;
	const struct pipeline_options *options = &worker->settings->pipeline;
	if (batch_test_crash_requested(source))
		crash_mid_document(worker->pipeline, source, output, options,
				   diags);
	int status = pipeline_render_pdf(worker->pipeline, source, output,
					 options, diags);
	/* A document with an error is failed, whatever wrote it. */
	return status != 0 || diag_has_errors(diags) ? 1 : 0;
}

static void worker_close(void *state)
{
	struct build_worker *worker = state;
	pipeline_free(worker->pipeline);
	free(worker);
}

/* ---- the parent's side ---- */

static void clear_progress(const struct build_report *report)
{
	if (report->tty)
		fputs("\r\033[K", stderr);
}

static void show_progress(const struct build_report *report, size_t done,
			  size_t failed)
{
	if (!report->tty)
		return;
	char line[128];
	batch_progress_format(line, sizeof line, done, report->total, failed,
			      batch_now_ms() - report->started_ms);
	fprintf(stderr, "\r%s\033[K", line);
	fflush(stderr);
}

/* Print a job's diagnostics in source order (the job keeps its own list);
 * returns the number of errors printed. */
static size_t print_sorted(const struct diag_list *diags)
{
	struct diag_list sorted = { 0 };
	for (size_t i = 0; i < diags->count; i++) {
		const struct diag *d = &diags->items[i];
		diag_copy(&sorted, d);
	}
	diag_sort(&sorted);
	diag_print(&sorted, stderr);
	size_t errors = diag_count(&sorted, DIAG_ERROR);
	diag_list_free(&sorted);
	return errors;
}

static void on_done(void *ctx, const struct batch_job *job, size_t done,
		    size_t failed)
{
	const struct build_report *report = ctx;
	if (!job) {
		show_progress(report, done, failed);
		return;
	}
	clear_progress(report);
	if (job->state == BATCH_FAILED) {
		if (job->signal) {
			fprintf(stderr, "%s failed: worker killed by signal %d\n",
				job->source, job->signal);
		} else {
			size_t errors = print_sorted(&job->diags);
			fprintf(stderr, "%s failed: %zu error%s\n", job->source,
				errors, errors == 1 ? "" : "s");
		}
	} else {
		print_sorted(&job->diags); /* warnings */
		if (!report->tty)
			fprintf(stderr, "built %s -> %s\n", job->source,
				job->output);
	}
	show_progress(report, done, failed);
}


static const struct command_spec build_command = { "build", build_usage };

/* COMMAND_GO_ON, or the exit status of --help or a usage error. */
static int parse_options(int argc, char **argv, struct build_settings *s)
{
	const struct command_spec *cmd = &build_command;
	enum { OPT_LAYOUT = 256, OPT_DRAFT };
	static const struct option options[] = {
		{ "jobs", required_argument, NULL, 'j' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'f' },
		{ "layout", required_argument, NULL, OPT_LAYOUT },
		{ "draft", no_argument, NULL, OPT_DRAFT },
		COMMAND_SHARED_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	s->jobs = command_default_jobs();
	optind = 1;
	int c, rc;
	while ((c = command_next_option(cmd, argc, argv, "j:o:fh", options)) != -1) {
		switch (c) {
		case 'j':
			if ((rc = command_jobs(cmd, optarg, &s->jobs)) != COMMAND_GO_ON)
				return rc;
			break;
		case 'o':
			s->out_dir = optarg;
			break;
		case 'f':
			s->force = 1;
			break;
		case OPT_LAYOUT:
			s->pipeline.layout = optarg;
			break;
		case OPT_DRAFT:
			s->pipeline.draft = 1;
			break;
		default:
			if ((rc = command_shared_option(cmd, c, optarg)) !=
			    COMMAND_GO_ON)
				return rc;
		}
	}
	if (optind >= argc)
		return command_usage_error(cmd, "no SOURCE or DIR given");
	if (s->out_dir && !*s->out_dir)
		return command_usage_error(cmd, "empty output folder name");
	return COMMAND_GO_ON;
}

static int make_out_dir(const char *dir)
{
	if (mkdir(dir, 0777) == 0 || errno == EEXIST)
		return 0;
	fprintf(stderr, "committee-pdf build: cannot create '%s': %s\n", dir,
		strerror(errno));
	return 1;
}

/* Two sources writing one PDF (the same source named twice, or the same
 * name in two folders with one -o DIR): the later fails rather than race
 * the earlier for the file. */
static const struct batch_job *sorting_jobs;

static int compare_outputs(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, k = *(const size_t *)b;
	int c = strcmp(sorting_jobs[i].output, sorting_jobs[k].output);
	return c ? c : (i > k) - (i < k);
}

static void refuse_collisions(struct batch_job *jobs, size_t count)
{
	size_t *order = mem_array(count, sizeof *order);
	for (size_t i = 0; i < count; i++)
		order[i] = i;
	sorting_jobs = jobs;
	if (count > 1)
		qsort(order, count, sizeof *order, compare_outputs);
	for (size_t n = 1; n < count; n++) {
		const struct batch_job *first = &jobs[order[n - 1]];
		struct batch_job *later = &jobs[order[n]];
		if (strcmp(first->output, later->output) != 0)
			continue;
		/* Runs of three or more all blame the first of the run. */
		size_t f = n - 1;
		while (f > 0 && strcmp(jobs[order[f - 1]].output, later->output) == 0)
			f--;
		later->state = BATCH_FAILED;
		diag_add(&later->diags, DIAG_ERROR, later->source, 0, 0,
			 "'%s' writes '%s' too; each PDF is built once",
			 jobs[order[f]].source, later->output);
	}
	free(order);
}

static struct batch_job *plan(const struct batch_list *sources,
			      const struct build_settings *s,
			      size_t *up_to_date)
{
	struct batch_job *jobs = mem_array(sources->count, sizeof *jobs);
	*up_to_date = 0;
	for (size_t i = 0; i < sources->count; i++) {
		struct batch_job *j = &jobs[i];
		j->source = mem_strdup(sources->paths[i]);
		j->output = pipeline_output_path(j->source, s->out_dir, ".pdf");
		j->state = BATCH_PENDING;
	}
	refuse_collisions(jobs, sources->count);
	for (size_t i = 0; i < sources->count; i++) {
		struct batch_job *j = &jobs[i];
		if (j->state == BATCH_PENDING && !s->force &&
		    batch_up_to_date(j->source, j->output, s->pipeline.layout)) {
			j->state = BATCH_UP_TO_DATE;
			(*up_to_date)++;
		}
	}
	return jobs;
}

static void report_refused(const struct batch_job *jobs, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (jobs[i].state == BATCH_FAILED) {
			diag_print(&jobs[i].diags, stderr);
			fprintf(stderr, "%s failed: 1 error\n", jobs[i].source);
		}
}

int cmd_build(int argc, char **argv)
{
	struct build_settings settings = { 0 };
	int rc = parse_options(argc, argv, &settings);
	if (rc != COMMAND_GO_ON)
		return rc;
	if (settings.out_dir && make_out_dir(settings.out_dir))
		return 1;

	struct build_report report = { .tty = isatty(STDERR_FILENO),
				       .started_ms = batch_now_ms() };
	struct batch_list sources = { 0 };
	struct diag_list diags = { 0 };
	int bad_args = 0;
	for (int i = optind; i < argc; i++)
		bad_args |= batch_collect(&sources, argv[i], &diags);
	diag_print(&diags, stderr);
	diag_list_free(&diags);

	size_t up_to_date;
	struct batch_job *jobs = plan(&sources, &settings, &up_to_date);
	size_t refused = 0;
	for (size_t i = 0; i < sources.count; i++)
		refused += jobs[i].state == BATCH_FAILED;
	report_refused(jobs, sources.count);
	if (!report.tty)
		for (size_t i = 0; i < sources.count; i++)
			if (jobs[i].state == BATCH_UP_TO_DATE)
				fprintf(stderr, "up to date %s\n", jobs[i].source);
	report.total = sources.count - up_to_date - refused;

	struct batch_worker_ops ops = { worker_open, worker_build,
					worker_close, &settings };
	show_progress(&report, 0, 0);
	size_t failed = refused + batch_run(jobs, sources.count, settings.jobs,
					    &ops, on_done, &report);
	clear_progress(&report);

	size_t not_started = 0;
	for (size_t i = 0; i < sources.count; i++)
		not_started += jobs[i].state == BATCH_PENDING;
	size_t built = sources.count - up_to_date - failed - not_started;
	char summary[160];
	batch_summary_format(summary, sizeof summary, built, up_to_date, failed,
			     batch_now_ms() - report.started_ms);
	if (not_started)
		fprintf(stderr, "interrupted, %zu not started: %s\n", not_started,
			summary);
	else
		fprintf(stderr, "%s\n", summary);

	batch_jobs_free(jobs, sources.count);
	batch_list_free(&sources);
	return failed || bad_args || not_started ? 1 : 0;
}
