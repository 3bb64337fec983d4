/* The layout stage: measure the document model with Pango and paginate it
 * into a display list of positioned boxes. No Cairo surface is involved; the
 * draw stage only replays the list. Lengths are PDF points (_pt), origin at
 * the top left of the page, y downwards; Pango units are named _pu.
 *
 * Ownership: layout_document returns a list the caller frees with
 * display_list_free(); every pointer inside is owned by the list. */
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
};

/* Lay the document out with the house style; NULL with diagnostics on error
 * (for example a table column too narrow for any text). */
struct display_list *layout_document(const struct source_doc *doc,
				     const struct style *style,
				     PangoContext *context,
				     const struct layout_options *options,
				     struct diag_list *diags);

/* JSON dump for tests: page sizes and each box's kind, page, geometry, fill,
 * text and role, numbers rounded to 2 decimals. */
void layout_dump_json(const struct display_list *list, FILE *out);

void display_list_free(struct display_list *list);

/* Free the boxes of page page_index, leaving the page empty (its size
 * stays): for a writer that draws the pages in order and needs a drawn page
 * no more, so its memory serves what the writer builds up meanwhile. Glyphs
 * and strings stay in the arena until display_list_free. */
void display_list_release_page(struct display_list *list, size_t page_index);

/* PDF structure type of a node ("Document", "Sect", "H1" … "H3", "P", "L",
 * "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "Figure", "Link",
 * "Artifact"): the names of the dump and of the PDF's tags. */
const char *layout_role_name(const struct dl_node *node);

#endif
