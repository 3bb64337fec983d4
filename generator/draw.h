/* The draw stage: replay a display list with Cairo. PDF output carries the
 * structure tree as tags, the outline, metadata and subset fonts; PNG output
 * draws the same pages on an image surface. Files are written whole or not
 * at all: to a temporary file in the same folder, renamed into place. */
#ifndef DRAW_H
#define DRAW_H

#include "diag.h"
#include "display_list.h"

/* 0 on success; on failure a diagnostic and no file at path (a previous good
 * file at path is left untouched). */
int draw_pdf(const struct display_list *list, const char *path,
	     struct diag_list *diags);

/* draw_pdf for a list that is not needed afterwards: each page's boxes are
 * freed once the page is drawn (dl_release_page), which keeps a long
 * paper's peak memory down. The list is then good only for dl_free. */
int draw_pdf_releasing(struct display_list *list, const char *path,
		       struct diag_list *diags);

/* One PNG per page named BASE-N.png (N from 1) in out_dir at dpi; pages is
 * NULL or "" for all, or a list like "1,3-5" (page_list.h) naming no page
 * past the last. Returns pages written, -1 on error. */
int draw_png(const struct display_list *list, const char *out_dir,
	     const char *base, double dpi, const char *pages,
	     struct diag_list *diags);

#endif
