/* A reports pack laid out in worker processes, in two rounds, because a
 * paper's furniture prints pack page numbers that depend on every paper
 * before it. The workers are forked from the parent once it holds what
 * they need (the pipeline's fonts and styles, the meeting); each is handed
 * papers one at a time (largest source first) and paginates them, keeping
 * each paginated paper and answering its status, diagnostics, page count
 * and exempt paragraph (pack_wire.h). The parent numbers the pack's pages
 * and asks each worker to finish the papers it holds with their first page
 * and the total; the worker sends each display list as bytes
 * (display_list_wire.h), which the parent decodes. A worker that dies or
 * sends anything malformed fails the pack with a diagnostic on the paper
 * it held. Workers write no file: what they leave behind is nothing.
 *
 * Ownership: pack_pool_start returns a pool ended with pack_pool_free,
 * which ends and reaps every worker still running. */
#ifndef PACK_POOL_H
#define PACK_POOL_H

#include <stddef.h>

#include <pango/pango.h>

#include "diag.h"
#include "display_list.h"

/* What a worker does with a job (one paper), called in the worker:
 * paginate it, diagnostics into diags, its page count and, when the whole
 * paper is exempt, its paragraph ("3", else ""); 0, or 1 on errors.
 * finish then makes its display list numbered from first_page of
 * total_pages (NULL: the job has no pages). */
struct pack_pool_ops {
	int (*paginate)(void *arg, size_t job, struct diag_list *diags,
			size_t *page_count, char *paragraph,
			size_t paragraph_size);
	struct display_list *(*finish)(void *arg, size_t job,
				       size_t first_page, size_t total_pages);
	void *arg;
};

/* What a job's paginating told the parent. */
struct pack_pool_result {
	size_t page_count;
	char paragraph[8];
};

/* Called in the parent each time a job is paginated, and about every
 * quarter of a second while none is, for a progress line. */
typedef void (*pack_pool_progress_fn)(void *ctx, size_t done, size_t total);

struct pack_pool;

/* Round 1: jobs 0 … count-1 (sources[job] names each in diagnostics and
 * for the COMMITTEE_PDF_TEST_CRASH hook) on at most workers processes.
 * Fills results[job]; every diagnostic goes to diags. Returns the pool
 * holding the paginated papers, its status in *status: 0, or 1 when a job
 * had errors or a worker failed (the pool then only waits to be freed). */
struct pack_pool *pack_pool_start(const char *const *sources, size_t count,
				  int workers, const struct pack_pool_ops *ops,
				  struct pack_pool_result *results,
				  pack_pool_progress_fn progress,
				  void *progress_ctx, struct diag_list *diags,
				  int *status);

/* Round 2: job k finished numbered from first_pages[k] of total_pages,
 * decoded with context's fonts into lists[k] (NULL for a job without
 * pages; the caller frees the rest). 0, or 1 with diagnostics (lists
 * then all NULL). */
int pack_pool_finish(struct pack_pool *pool, const size_t *first_pages,
		     size_t total_pages, PangoContext *context,
		     struct display_list **lists, struct diag_list *diags);

/* Ends the workers (killed when still busy) and reaps them. NULL is
 * ignored. */
void pack_pool_free(struct pack_pool *pool);

#endif
