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

void pipeline_free(struct pipeline *pipeline);

/* SOURCE_DATE_EPOCH into *t and 1, or 0 when it is not set (or not a
 * count of seconds): the time every output of a reproducible build
 * claims (PDF dates, a template's creation time). */
int pipeline_source_date_epoch(time_t *t);

#endif
