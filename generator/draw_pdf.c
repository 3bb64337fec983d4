/* The PDF writer: every page of a display list through draw_page() on one
 * Cairo PDF surface, with the structure tree as tags, the outline, the
 * metadata and Cairo's font subsets, into memory; the finishing pass
 * (pdf_finish.h) completes it to PDF/UA-1 and PDF/A-2 from what the tags
 * recorded, into a file written whole or not at all. Nothing here reads
 * the clock: with the same list the bytes are the same. */
#include "draw.h"

#include <cairo-pdf.h>
#include <math.h>
#include <stdlib.h>

#include <glib.h>

#include "draw_internal.h"
#include "memory.h"
#include "pdf_finish.h"
#include "version.h"

#include <qpdf/qpdf-c.h>

/* Cairo stamps the wall clock unless told a date; an unparsable or missing
 * one falls back to a fixed date rather than to the clock. */
#define DRAW_FALLBACK_DATE "1970-01-01T00:00:00Z"
#define DRAW_MAX_PAGE_PT 14400.0 /* PDF's own limit: 200 inches */

static void set_metadata(cairo_surface_t *surface,
			 const struct display_list *list)
{
	if (list->title && *list->title)
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
					       list->title);
	if (list->author && *list->author)
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR,
					       list->author);
	if (list->subject && *list->subject)
		cairo_pdf_surface_set_metadata(surface,
					       CAIRO_PDF_METADATA_SUBJECT,
					       list->subject);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR,
				       "committee-pdf " COMMITTEE_PDF_VERSION);
	const char *date = list->create_date && *list->create_date
				   ? list->create_date
				   : DRAW_FALLBACK_DATE;
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE,
				       date);
}

/* Bookmarks: "page=N pos=[x y]" in the page's own coordinates. An entry
 * whose parent is not an earlier entry goes to the top level. */
static void add_outline(cairo_surface_t *surface,
			const struct display_list *list)
{
	if (list->outline_count == 0)
		return;
	int *ids = mem_array(list->outline_count, sizeof *ids);
	for (size_t i = 0; i < list->outline_count; i++) {
		const struct dl_outline *entry = &list->outline[i];
		int parent = CAIRO_PDF_OUTLINE_ROOT;
		if (entry->parent >= 0 && (size_t)entry->parent < i)
			parent = ids[entry->parent];
		ids[i] = parent;
		if (!entry->title || entry->page >= list->page_count)
			continue;
		char y[G_ASCII_DTOSTR_BUF_SIZE];
		g_ascii_formatd(y, sizeof y, "%.3f",
				isfinite(entry->y_pt) ? entry->y_pt : 0);
		char *target = mem_printf("page=%u pos=[0 %s]",
					  (unsigned)entry->page + 1, y);
		ids[i] = cairo_pdf_surface_add_outline(surface, parent,
						       entry->title, target,
						       CAIRO_PDF_OUTLINE_FLAG_OPEN);
		free(target);
	}
	free(ids);
}

static int cairo_failed(cairo_status_t status, struct file_atomic *file)
{
	if (status == CAIRO_STATUS_SUCCESS)
		return 0;
	char *message = mem_printf("cannot write the PDF: %s",
				   cairo_status_to_string(status));
	file_atomic_fail(file, message);
	free(message);
	return 1;
}

static cairo_status_t write_memory(void *closure, const unsigned char *data,
				   unsigned int length)
{
	g_byte_array_append(closure, data, length);
	return CAIRO_STATUS_SUCCESS;
}

/* A test hook: COMMITTEE_PDF_UNFINISHED=1 writes Cairo's file as it is,
 * so that tests can compare pages drawn with and without the pass. */
static int finishing_disabled(void)
{
	const char *value = getenv("COMMITTEE_PDF_UNFINISHED");
	return value && *value && *value != '0';
}

static int finish(const struct display_list *list,
		  const struct draw_tags *tags, const GByteArray *cairo_pdf,
		  struct file_atomic *file, const char *path,
		  struct diag_list *diags)
{
	if (finishing_disabled())
		return file_atomic_write(file, cairo_pdf->data, cairo_pdf->len);
	struct pdf_finish_input in = { .list = list };
	in.elements = draw_tags_elements(tags, &in.element_count);
	in.dests = draw_tags_dests(tags, &in.dest_count);
	char *producer = mem_printf("committee-pdf %s (cairo %s, libqpdf %s)",
				    COMMITTEE_PDF_VERSION,
				    cairo_version_string(),
				    qpdf_get_qpdf_version());
	in.producer = producer;
	int status = pdf_finish(&in, cairo_pdf->data, cairo_pdf->len, file,
				path, diags);
	free(producer);
	return status;
}

/* release: the same list, writable, when drawn pages may be freed; or NULL. */
static int write_pdf(const struct display_list *list,
		     struct display_list *release, const char *path,
		     struct diag_list *diags)
{
	if (list->page_count == 0) {
		diag_add(diags, DIAG_ERROR, path, 0, 0,
			 "cannot write a PDF without pages");
		return 1;
	}
	for (size_t i = 0; i < list->page_count; i++) {
		const struct dl_page *page = &list->pages[i];
		if (!(page->width_pt >= 1 && page->height_pt >= 1 &&
		      page->width_pt <= DRAW_MAX_PAGE_PT &&
		      page->height_pt <= DRAW_MAX_PAGE_PT)) {
			diag_add(diags, DIAG_ERROR, path, 0, 0,
				 "page %zu has no usable size", i + 1);
			return 1;
		}
	}
	struct file_atomic *file = file_atomic_open(path, diags);
	if (!file)
		return 1;
	const struct dl_page *first = &list->pages[0];
	GByteArray *cairo_pdf = g_byte_array_new();
	cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(
		write_memory, cairo_pdf, first->width_pt, first->height_pt);
	cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5);
	set_metadata(surface, list);
	cairo_t *cr = cairo_create(surface);
	struct draw_tags *tags = draw_tags_new(list);
	int status = 0;
	for (size_t i = 0; i < list->page_count && status == 0; i++) {
		const struct dl_page *page = &list->pages[i];
		cairo_pdf_surface_set_size(surface, page->width_pt,
					   page->height_pt);
		status = draw_page(cr, list, i, tags, path, diags);
		if (i + 1 == list->page_count)
			draw_tags_finish(tags, cr);
		cairo_show_page(cr);
		if (cairo_failed(cairo_status(cr), file))
			status = -1;
		/* Tags look only forward, the outline not at boxes at all. */
		if (release)
			dl_release_page(release, i);
	}
	if (status == 0)
		add_outline(surface, list);
	cairo_destroy(cr);
	cairo_surface_finish(surface);
	/* A Cairo failure is remembered by the file, which commit reports. */
	int drawn = status == 0 &&
		    !cairo_failed(cairo_surface_status(surface), file);
	cairo_surface_destroy(surface);
	if (drawn)
		status = finish(list, tags, cairo_pdf, file, path, diags);
	draw_tags_free(tags);
	g_byte_array_unref(cairo_pdf);
	if (status != 0) {
		file_atomic_abort(file);
		return 1;
	}
	return file_atomic_commit(file, diags) == 0 ? 0 : 1;
}

int draw_pdf(const struct display_list *list, const char *path,
	     struct diag_list *diags)
{
	return write_pdf(list, NULL, path, diags);
}

int draw_pdf_releasing(struct display_list *list, const char *path,
		       struct diag_list *diags)
{
	return write_pdf(list, list, path, diags);
}
