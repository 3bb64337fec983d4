/* The layout stage: measure the document model with Pango and paginate it
 * into a display list of positioned boxes (display_list.h). No Cairo
 * surface is involved; the draw stage only replays the list. Lengths are
 * PDF points (_pt), origin at the top left of the page, y downwards; Pango
 * units are named _pu.
 *
 * Ownership: layout_document returns a list the caller frees with
 * dl_free(); every pointer inside is owned by the list. */
#ifndef LAYOUT_H
#define LAYOUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <pango/pango.h>

#include "diag.h"
#include "display_list.h"
#include "source.h"
#include "style.h"

struct layout_options {
	int draft;                /* force draft furniture and watermark */
	const char *build_time;   /* shown in a draft's footer; NULL: none */
	const char *create_date;  /* ISO 8601 creation time of a reproducible
	                             build; NULL: the meeting date */
};

/* Lay the document out with the house style; NULL with diagnostics on error
 * (for example a table column too narrow for any text). */
struct display_list *layout_document(const struct source_doc *doc,
				     const struct style *style,
				     PangoContext *context,
				     const struct layout_options *options,
				     struct diag_list *diags);

/* A warning at each <rating> of the source's scales that style would
 * colour only with its fallback grey (render says it while laying out,
 * validate with the source's own house style). */
void layout_check_colours(const struct source_doc *doc,
			  const struct style *style, struct diag_list *diags);

#endif
