/* Many documents at once: collect sources, skip those already built, and
 * run the rest in a pool of forked worker processes, so a document that
 * crashes its worker takes down only itself. Each worker opens its state
 * (a pipeline: fonts and house styles) once and is then fed job numbers
 * over a pipe; it answers with a status and the document's diagnostics.
 *
 * Ownership: batch_list and batch_job own their strings and diagnostics,
 * freed with batch_list_free and batch_jobs_free. */
#ifndef BATCH_H
#define BATCH_H

#include <stddef.h>

#include "diag.h"

/* ---- sources ---- */

struct batch_list {
	char **paths;
	size_t count, capacity;
};

/* Add one argument: a folder adds its *.xml files sorted by name (not its
 * subfolders), anything else is added as named. A folder that cannot be
 * read is an error; 0 on success, 1 with a diagnostic. */
int batch_collect(struct batch_list *list, const char *arg,
		  struct diag_list *diags);
void batch_list_free(struct batch_list *list);

/* ---- up-to-date checks ---- */

/* The house style file a source would be laid out with: layout_option
 * (--layout NAME|PATH) when not NULL, else the source's layout attribute,
 * else the default. NULL when it cannot be found; caller frees. The
 * source is read by source_inputs_read. */
char *batch_layout_path(const char *source_path, const char *layout_option);

/* The files besides the source that its output is made from: its house
 * style (as batch_layout_path), the previous quarters its performance
 * blocks name (previous-source) and the workbooks holding its blocks' rows
 * (src), as source_inputs_read finds them. Those
 * that cannot be found are left out. Fills *paths (caller frees each and
 * the array); returns the count. */
size_t batch_inputs(const char *source_path, const char *layout_option,
		    char ***paths);

/* 1 when output exists and is newer than the source, its house style and
 * the previous quarters and workbooks its blocks name (previous-source,
 * src); 0
 * otherwise, including when any of them cannot be stat'ed. */
int batch_up_to_date(const char *source_path, const char *output_path,
		     const char *layout_option);

/* ---- the worker pool ---- */

enum batch_state {
	BATCH_PENDING,     /* to be built */
	BATCH_UP_TO_DATE,  /* skipped: output newer than its inputs */
	BATCH_BUILT,
	BATCH_FAILED,
};

struct batch_job {
	char *source;
	char *output;
	enum batch_state state;
	int signal;               /* FAILED because its worker died by this signal */
	struct diag_list diags;   /* what the worker reported for this document */
	double elapsed_ms;        /* wall time from hand-out to answer */
};

void batch_jobs_free(struct batch_job *jobs, size_t count);

/* What a worker process does. open runs once in each new worker and returns
 * its state (NULL with diagnostics: every job it is given then fails with
 * them); run builds one document (0 ok, 1 failed with diagnostics); close
 * frees the state before the worker exits. */
struct batch_worker_ops {
	void *(*open)(void *arg, struct diag_list *diags);
	int (*run)(void *state, const char *source, const char *output,
		   struct diag_list *diags);
	void (*close)(void *state);
	void *arg;
};

/* Called in the parent each time a job ends (built or failed), and with job
 * NULL every BATCH_TICK_MS while none does, so a progress line can show the
 * time going by. */
#define BATCH_TICK_MS 250
typedef void (*batch_done_fn)(void *ctx, const struct batch_job *job,
			      size_t done, size_t failed);

/* Run every PENDING job on at most workers processes, largest source file
 * first (ties in the given order); each ends BUILT or FAILED. A worker killed by a signal fails the job it held (diagnostic
 * "worker killed by signal N") and is replaced; the temporary files it
 * left for that job's output (see file_atomic.h) are removed. SIGINT,
 * SIGTERM or SIGHUP stop the hand-out: jobs in hand are finished (workers
 * hold those signals back, so nothing is left half written) and the jobs not
 * started stay PENDING. Returns the number failed. */
size_t batch_run(struct batch_job *jobs, size_t count, int workers,
		 const struct batch_worker_ops *ops, batch_done_fn on_done,
		 void *ctx);

/* Sort order, count indexes into paths, largest file first: a long
 * document started last would keep one worker busy while the others idle,
 * and sizes are a fair guess at the work. Ties keep their order; a file
 * that cannot be stat'ed counts as empty. (batch_order.c) */
void batch_order_largest_first(size_t *order, size_t count,
			       const char *const *paths);

/* Test hook, for the tests of crash handling only: 1 when the environment
 * variable COMMITTEE_PDF_TEST_CRASH names this source (its path or its file
 * name). A worker's run function then kills its own process with SIGKILL in
 * the middle of the document; so does a pack's drawing process named by
 * the file it draws (reports-pack.pdf). */
int batch_test_crash_requested(const char *source);

/* ---- reporting ---- */

/* Milliseconds on a monotonic clock. */
double batch_now_ms(void);

/* The one-line progress text (no newline), e.g.
 * "[7/12] 1 failed, 0.42 s"; returns its length as snprintf does. */
int batch_progress_format(char *buf, size_t size, size_t done, size_t total,
			  size_t failed, double elapsed_ms);

/* The closing line, e.g. "built 12, up to date 3, failed 1 in 0.84 s". */
int batch_summary_format(char *buf, size_t size, size_t built,
			 size_t up_to_date, size_t failed, double elapsed_ms);

#endif
