/* One document through all three stages: load → layout → draw. Shared by
 * render, build, preview and watch so they cannot drift apart. A pipeline
 * holds what is worth loading once per process or worker: the fonts and the
 * house styles already read (cached by resolved path and modification time).
 *
 * Ownership: pipeline_new returns a pipeline freed with pipeline_free(). */
#ifndef PIPELINE_H
#define PIPELINE_H

#include <time.h>

#include "diag.h"
#include "layout.h"
#include "source.h"

struct pipeline;

struct pipeline_options {
	const char *layout;    /* --layout NAME|PATH, or NULL for the source's own */
	const char *previous;  /* --previous FILE for quarterly reports, or NULL */
	int draft;             /* --draft */
};

/* NULL with diagnostics when the fonts cannot be set up. */
struct pipeline *pipeline_new(struct diag_list *diags);

/* Load, validate and lay out. On success returns the display list (caller
 * frees with dl_free) and, when layout_path is not NULL, stores the
 * path of the house style used (caller frees with free()). NULL on errors. */
struct display_list *pipeline_layout(struct pipeline *pipeline,
				     const char *source_path,
				     const struct pipeline_options *options,
				     char **layout_path,
				     struct diag_list *diags);

/* The whole way to a PDF at out_path, written whole or not at all. 0 on
 * success, 1 when the source or output failed (diagnostics say why). */
int pipeline_render_pdf(struct pipeline *pipeline, const char *source_path,
			const char *out_path,
			const struct pipeline_options *options,
			struct diag_list *diags);

/* Default output name: the source's path with .xml replaced by ext (".pdf"),
 * in out_dir when not NULL. Caller frees. */
char *pipeline_output_path(const char *source_path, const char *out_dir,
			   const char *ext);

/* One paper of a reports pack, in steps, since the pack numbers its pages
 * through every paper: load (the source, its previous quarter and its own
 * house style), paginate (with the pack's exempt parts, borrowed until
 * finished), count the pages, finish with pages numbered first_page of
 * total_pages (the list: caller frees with dl_free). NULL or 1 with
 * diagnostics on errors. The paper is freed with pipeline_paper_free. */
struct pipeline_paper;
struct pipeline_paper *pipeline_paper_load(struct pipeline *pipeline,
					   const char *source_path,
					   const struct pipeline_options *options,
					   struct diag_list *diags);
const struct source_doc *pipeline_paper_doc(const struct pipeline_paper *paper);
int pipeline_paper_paginate(struct pipeline_paper *paper,
			    const struct layout_exempt *exempt,
			    size_t exempt_count, int withhold_exempt,
			    struct diag_list *diags);
size_t pipeline_paper_page_count(const struct pipeline_paper *paper);
struct display_list *pipeline_paper_finish(struct pipeline_paper *paper,
					   size_t first_page,
					   size_t total_pages);
void pipeline_paper_free(struct pipeline_paper *paper); /* NULL is ignored */

/* The measuring context, for pages the pack lays out itself. Borrowed
 * until pipeline_free. */
PangoContext *pipeline_context(struct pipeline *pipeline);

void pipeline_free(struct pipeline *pipeline);

/* SOURCE_DATE_EPOCH into *t and 1, or 0 when it is not set (or not a
 * count of seconds): the time every output of a reproducible build
 * claims (PDF dates, a template's creation time). */
int pipeline_source_date_epoch(time_t *t);

#endif
