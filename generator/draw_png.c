/* PNG previews: the pages of a display list drawn by draw_page() on an image
 * surface at a chosen resolution over white, one file per page, each
 * written whole or not at all. No tags: an image has no structure. */
#include "draw.h"

#include <math.h>
#include <stdlib.h>
#include <unistd.h>

#include "draw_internal.h"
#include "memory.h"
#include "page_list.h"

#define DRAW_MAX_PIXELS 16384 /* per side: larger previews are refused */

/* A test hook: COMMITTEE_PDF_PAUSE_IN_IMAGE=1 waits (up to a minute, or
 * until a signal) with each image's temporary file open, so that a test's
 * signal finds one open whatever the machine's load. */
static void pause_for_tests(void)
{
	const char *value = getenv("COMMITTEE_PDF_PAUSE_IN_IMAGE");
	if (value && *value && *value != '0')
		sleep(60);
}

static cairo_status_t write_png(cairo_surface_t *image, const char *path,
				struct diag_list *diags)
{
	struct file_atomic *file = file_atomic_open(path, diags);
	if (!file)
		return CAIRO_STATUS_WRITE_ERROR;
	pause_for_tests();
	cairo_status_t status =
		cairo_surface_write_to_png_stream(image, draw_write_atomic, file);
	if (status != CAIRO_STATUS_SUCCESS) {
		char *message = mem_printf("cannot write the image: %s",
					   cairo_status_to_string(status));
		file_atomic_fail(file, message);
		free(message);
	}
	return file_atomic_commit(file, diags) == 0 ? CAIRO_STATUS_SUCCESS
						    : CAIRO_STATUS_WRITE_ERROR;
}

static int draw_one(const struct display_list *list, size_t index,
		    const char *path, double dpi, struct diag_list *diags)
{
	const struct dl_page *page = &list->pages[index];
	double scale = dpi / 72.0;
	double width_px = ceil(page->width_pt * scale);
	double height_px = ceil(page->height_pt * scale);
	if (!(width_px >= 1 && height_px >= 1 && width_px <= DRAW_MAX_PIXELS &&
	      height_px <= DRAW_MAX_PIXELS)) {
		diag_add(diags, DIAG_ERROR, path, 0, 0,
			 "page %zu at %g dpi is too large or has no size",
			 index + 1, dpi);
		return -1;
	}
	cairo_surface_t *image = cairo_image_surface_create(
		CAIRO_FORMAT_ARGB32, (int)width_px, (int)height_px);
	cairo_t *cr = cairo_create(image);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, scale, scale);
	int status = draw_page(cr, list, index, NULL, path, diags);
	cairo_status_t drawn = cairo_status(cr);
	cairo_destroy(cr);
	if (status == 0 && drawn != CAIRO_STATUS_SUCCESS) {
		diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot draw page %zu: %s",
			 index + 1, cairo_status_to_string(drawn));
		status = -1;
	}
	cairo_surface_flush(image);
	if (status == 0 && write_png(image, path, diags) != CAIRO_STATUS_SUCCESS)
		status = -1;
	cairo_surface_destroy(image);
	return status;
}

int draw_png(const struct display_list *list, const char *out_dir,
	     const char *base, double dpi, const char *pages,
	     struct diag_list *diags)
{
	const char *where = out_dir && *out_dir ? out_dir : ".";
	if (!(dpi >= 1 && dpi <= 2400)) {
		diag_add(diags, DIAG_ERROR, where, 0, 0,
			 "resolution %g dpi is out of range (1 to 2400)", dpi);
		return -1;
	}
	/* "" draws every page, as NULL does. */
	const char *selection = pages && *pages ? pages : NULL;
	if (!page_list_within(selection, list->page_count)) {
		diag_add(diags, DIAG_ERROR, where, 0, 0,
			 "pages '%s' do not name pages 1 to %zu "
			 "(write like 1,3-5)",
			 pages, list->page_count);
		return -1;
	}
	int written = 0;
	for (size_t i = 0; i < list->page_count; i++) {
		if (!page_list_contains(selection, i + 1))
			continue;
		char *path = mem_printf("%s/%s-%zu.png", where,
					base && *base ? base : "page", i + 1);
		int status = draw_one(list, i, path, dpi, diags);
		free(path);
		if (status != 0) {
			written = -1;
			break;
		}
		written++;
	}
	return written;
}
