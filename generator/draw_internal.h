/* Private to the draw stage: replaying one page of a display list on a
 * cairo_t (draw_page.c), shared by the PDF and PNG writers, and the state
 * that carries the structure tree across pages of a PDF. */
#ifndef DRAW_INTERNAL_H
#define DRAW_INTERNAL_H

#include <cairo.h>

#include "diag.h"
#include "display_list.h"
#include "file_atomic.h"
#include "pdf_finish.h"

/* Structure tags across pages: which nodes are open. NULL when drawing
 * untagged (PNG). Ownership: draw_tags_new returns state freed with
 * draw_tags_free(). */
struct draw_tags;
struct draw_tags *draw_tags_new(const struct display_list *list);
/* Before box box_index of page page_index is painted: close and open nodes
 * so it lands in the right element (or in none, for artifacts); emits
 * destinations and queues links. 1 when the box is to be painted. */
int draw_tags_box(struct draw_tags *tags, cairo_t *cr, size_t page_index,
		  size_t box_index);
/* After a page's last box: emit the page's links still queued. */
void draw_tags_page_end(struct draw_tags *tags, cairo_t *cr);
/* Close every node still open; call once after the last page. */
void draw_tags_finish(struct draw_tags *tags, cairo_t *cr);
void draw_tags_free(struct draw_tags *tags);
/* What each structure tag begun so far stands for, in begin order, and the
 * destinations emitted: for the finishing pass. Borrowed until
 * draw_tags_free. */
const struct pdf_element *draw_tags_elements(const struct draw_tags *tags,
					     size_t *count);
const struct pdf_dest *draw_tags_dests(const struct draw_tags *tags,
				       size_t *count);

/* Replay page page_index of list on cr in page coordinates (points, y down;
 * the caller scales for other resolutions). tags NULL: no structure, links
 * or destinations. 0 on success, -1 with a diagnostic naming out_path when a
 * font cannot be drawn or Cairo refuses a drawing. */
int draw_page(cairo_t *cr, const struct display_list *list, size_t page_index,
	      struct draw_tags *tags, const char *out_path,
	      struct diag_list *diags);

/* cairo_write_func_t into a file_atomic (closure). */
cairo_status_t draw_write_atomic(void *closure, const unsigned char *data,
				 unsigned int length);

#endif
