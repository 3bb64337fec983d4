/* The finishing pass's driver: Cairo's bytes into libqpdf, the steps in
 * order (catalog, structure, content, fonts), then written with a
 * deterministic /ID and object streams into the atomic file. */
#include "pdf_finish_internal.h"

#include <stdarg.h>
#include <stdlib.h>

#include "memory.h"

void pdf_finish_fail(struct pdf_finish *f, const char *format, ...)
{
	if (f->error)
		return;
	va_list ap;
	va_start(ap, format);
	f->error = mem_vprintf(format, ap);
	va_end(ap);
}

int pdf_finish_qpdf_failed(struct pdf_finish *f, const char *what)
{
	if (!qpdf_has_error(f->qpdf))
		return 0;
	qpdf_error error = qpdf_get_error(f->qpdf);
	pdf_finish_fail(f, "%s: %s", what,
			error ? qpdf_get_error_full_text(f->qpdf, error)
			      : "libqpdf failed");
	return 1;
}

long pdf_finish_page_of(const struct pdf_finish *f, qpdf_oh page)
{
	int id = qpdf_oh_get_object_id(f->qpdf, page);
	gpointer value = g_hash_table_lookup(f->page_index, GINT_TO_POINTER(id));
	return value ? (long)GPOINTER_TO_SIZE(value) - 1 : -1;
}

static void index_pages(struct pdf_finish *f)
{
	int count = qpdf_get_num_pages(f->qpdf);
	f->page_count = count > 0 ? (size_t)count : 0;
	f->furniture = mem_array(f->page_count + 1, sizeof *f->furniture);
	for (size_t i = 0; i < f->page_count; i++) {
		qpdf_oh page = qpdf_get_page_n(f->qpdf, i);
		int id = qpdf_oh_get_object_id(f->qpdf, page);
		g_hash_table_insert(f->page_index, GINT_TO_POINTER(id),
				    GSIZE_TO_POINTER(i + 1));
	}
}

/* Object streams and a deterministic /ID: the same input, the same bytes,
 * and smaller files than Cairo's plain objects. */
static int write_out(struct pdf_finish *f, struct file_atomic *file)
{
	if (qpdf_init_write_memory(f->qpdf) & QPDF_ERRORS)
		return pdf_finish_qpdf_failed(f, "cannot start writing"), -1;
	qpdf_set_deterministic_ID(f->qpdf, QPDF_TRUE);
	qpdf_set_object_stream_mode(f->qpdf, qpdf_o_generate);
	qpdf_set_compress_streams(f->qpdf, QPDF_TRUE);
	if (qpdf_write(f->qpdf) & QPDF_ERRORS)
		return pdf_finish_qpdf_failed(f, "cannot write"), -1;
	return file_atomic_write(file, qpdf_get_buffer(f->qpdf),
				 qpdf_get_buffer_length(f->qpdf));
}

int pdf_finish(const struct pdf_finish_input *in, const unsigned char *pdf,
	       size_t length, struct file_atomic *file, const char *path,
	       struct diag_list *diags)
{
	struct pdf_finish f = { .in = in };
	f.qpdf = qpdf_init();
	qpdf_silence_errors(f.qpdf);
	qpdf_set_suppress_warnings(f.qpdf, QPDF_TRUE);
	f.page_index = g_hash_table_new(g_direct_hash, g_direct_equal);
	int status = -1;
	if (qpdf_read_memory(f.qpdf, path, (const char *)pdf, length, NULL) &
	    QPDF_ERRORS) {
		pdf_finish_qpdf_failed(&f, "cannot read what Cairo wrote");
	} else {
		index_pages(&f);
		static void (*const steps[])(struct pdf_finish *) = {
			pdf_finish_catalog, pdf_finish_labels, pdf_finish_structure,
			pdf_finish_content, pdf_finish_fonts,
		};
		for (size_t i = 0; i < G_N_ELEMENTS(steps) && !f.error; i++) {
			steps[i](&f);
			/* The C API keeps every handle a step asked for until
			 * released: tens of thousands over a long paper's
			 * structure tree, which only cost memory once the step
			 * is done. */
			qpdf_oh_release_all(f.qpdf);
		}
		if (!f.error && !pdf_finish_qpdf_failed(&f, "cannot edit"))
			status = write_out(&f, file);
	}
	if (f.error || status != 0)
		diag_add(diags, DIAG_ERROR, path, 0, 0,
			 "cannot finish the PDF: %s",
			 f.error ? f.error : "the file cannot be written");
	for (size_t i = 0; f.furniture && i < f.page_count; i++)
		if (f.furniture[i])
			g_byte_array_unref(f.furniture[i]);
	free(f.furniture);
	free(f.error);
	g_hash_table_destroy(f.page_index);
	qpdf_cleanup(&f.qpdf);
	return f.error || status != 0 ? -1 : 0;
}
