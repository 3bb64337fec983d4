/* check_pdf_memory: open the file with libqpdf, run the stages (document,
 * structure, then each page), and turn qpdf's errors into a plain message.
 * Small helpers over qpdf object handles live here too. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "memory.h"

/* First qpdf error or warning in plain words (qpdf's own text names the
 * object and offset, which helps whoever repairs the file). */
static char *qpdf_message(qpdf_data q, qpdf_error e)
{
	const char *detail = qpdf_get_error_full_text(q, e);
	return mem_strdup(detail ? detail : "unknown problem");
}

int check_qpdf_failed(struct check_ctx *ctx, const char *what)
{
	if (!qpdf_has_error(ctx->q))
		return 0;
	qpdf_error e = qpdf_get_error(ctx->q);
	char *detail = qpdf_message(ctx->q, e);
	check_damaged(ctx, "the file is damaged where %s is stored, so that part "
		      "could not be checked (%s)", what, detail);
	free(detail);
	return 1;
}

/* Warnings from calls on objects of an unexpected type are expected with
 * hostile files and already handled; drop them so they do not pile up. */
static void drop_warnings(qpdf_data q)
{
	while (qpdf_more_warnings(q))
		qpdf_next_warning(q);
}

char *check_name(struct check_ctx *ctx, qpdf_oh oh)
{
	char *name = qpdf_oh_is_name(ctx->q, oh) ?
			     mem_strdup(qpdf_oh_get_name(ctx->q, oh)) : NULL;
	qpdf_oh_release(ctx->q, oh);
	return name;
}

char *check_utf8(struct check_ctx *ctx, qpdf_oh oh)
{
	char *text = NULL;
	if (qpdf_oh_is_string(ctx->q, oh)) {
		size_t length = 0;
		const char *s = qpdf_oh_get_binary_utf8_value(ctx->q, oh, &length);
		text = s ? mem_strndup(s, strnlen(s, length)) : mem_strdup("");
	}
	qpdf_oh_release(ctx->q, oh);
	return text;
}

int check_key_is_name(struct check_ctx *ctx, qpdf_oh dict, const char *key,
		      const char *name)
{
	if (!qpdf_oh_is_dictionary(ctx->q, dict))
		return 0;
	qpdf_oh value = qpdf_oh_get_key(ctx->q, dict, key);
	int is = qpdf_oh_is_name_and_equals(ctx->q, value, name);
	qpdf_oh_release(ctx->q, value);
	return is;
}

size_t check_page_number(struct check_ctx *ctx, qpdf_oh oh)
{
	if (!qpdf_oh_is_indirect(ctx->q, oh) || !qpdf_oh_is_dictionary(ctx->q, oh))
		return 0;
	int id = qpdf_oh_get_object_id(ctx->q, oh);
	gpointer known;
	if (g_hash_table_lookup_extended(ctx->page_numbers, GINT_TO_POINTER(id), NULL, &known))
		return GPOINTER_TO_SIZE(known);
	int index = qpdf_find_page_by_id(ctx->q, qpdf_oh_get_object_id(ctx->q, oh),
					 qpdf_oh_get_generation(ctx->q, oh));
	if (qpdf_has_error(ctx->q))
		qpdf_get_error(ctx->q); /* "not a page" is an answer, not damage */
	size_t page = index >= 0 ? (size_t)index + 1 : 0;
	g_hash_table_insert(ctx->page_numbers, GINT_TO_POINTER(id), GSIZE_TO_POINTER(page));
	return page;
}

int check_object_id(struct check_ctx *ctx, qpdf_oh oh)
{
	return qpdf_oh_is_indirect(ctx->q, oh) ? qpdf_oh_get_object_id(ctx->q, oh) : 0;
}

int check_mark_seen(GHashTable *set, int id)
{
	return g_hash_table_add(set, GINT_TO_POINTER(id));
}

static void check_pages(struct check_ctx *ctx)
{
	for (size_t i = 0; i < ctx->pages; i++) {
		qpdf_oh page = qpdf_get_page_n(ctx->q, i);
		char what[32];
		snprintf(what, sizeof what, "page %zu", i + 1);
		if (check_qpdf_failed(ctx, what))
			break;
		check_page_annotations(ctx, page, i + 1);
		check_page_content(ctx, page, i + 1);
		qpdf_oh resources = qpdf_oh_get_key(ctx->q, page, "/Resources");
		check_fonts_in(ctx, resources, i + 1, 0);
		if (check_qpdf_failed(ctx, what))
			break;
		drop_warnings(ctx->q);
		qpdf_oh_release_all(ctx->q); /* handles are per page; none is kept */
	}
}

static int looks_like_pdf(const char *data, size_t len)
{
	/* Readers accept the header anywhere in the first 1024 bytes. */
	size_t n = len < 1024 ? len : 1024;
	for (size_t i = 0; i + 5 <= n; i++)
		if (memcmp(data + i, "%PDF-", 5) == 0)
			return 1;
	return 0;
}

static int open_pdf(struct check_ctx *ctx)
{
	if (!looks_like_pdf(ctx->data, ctx->len)) {
		check_damaged(ctx, "this is not a PDF file (it does not begin with "
			      "%%PDF-)");
		return -1;
	}
	qpdf_read_memory(ctx->q, "qpdf", ctx->data, ctx->len, "");
	if (qpdf_has_error(ctx->q)) {
		qpdf_error e = qpdf_get_error(ctx->q);
		if (qpdf_get_error_code(ctx->q, e) == qpdf_e_password) {
			check_damaged(ctx, "the file is encrypted with a password, so "
				      "nobody can read it without the password; "
				      "PDF/A forbids encryption and PDF/UA needs "
				      "assistive technology to be able to read it");
		} else {
			char *detail = qpdf_message(ctx->q, e);
			check_damaged(ctx, "the file is damaged and cannot be read (%s)",
				      detail);
			free(detail);
		}
		return -1;
	}
	if (qpdf_more_warnings(ctx->q)) {
		char *detail = qpdf_message(ctx->q, qpdf_next_warning(ctx->q));
		check_damaged(ctx, "the file is damaged: readers have to repair it "
			      "before they can show it (%s)", detail);
		free(detail);
		drop_warnings(ctx->q);
	}
	int pages = qpdf_get_num_pages(ctx->q);
	if (check_qpdf_failed(ctx, "the page tree") || pages < 0)
		return -1;
	if (pages > CHECK_MAX_PAGES) {
		check_damaged(ctx, "the file has %d pages; only the first %d are "
			      "checked", pages, CHECK_MAX_PAGES);
		pages = CHECK_MAX_PAGES;
	}
	ctx->pages = (size_t)pages;
	qpdf_push_inherited_attributes_to_page(ctx->q);
	check_qpdf_failed(ctx, "the page tree");
	return 0;
}

int check_pdf_memory(const char *data, size_t len, struct check_report *report)
{
	struct check_ctx ctx = {
		.q = qpdf_init(), .report = report, .data = data, .len = len,
		.annots_in_links = g_hash_table_new(NULL, NULL),
		.link_mcids = g_hash_table_new_full(g_int64_hash, g_int64_equal,
						    g_free, NULL),
		.links = g_array_new(FALSE, TRUE, sizeof(struct check_link)),
		.fonts_seen = g_hash_table_new(NULL, NULL),
		.forms_seen = g_hash_table_new(NULL, NULL),
		.page_numbers = g_hash_table_new(NULL, NULL),
	};
	qpdf_silence_errors(ctx.q);
	qpdf_set_suppress_warnings(ctx.q, QPDF_TRUE);
	if (open_pdf(&ctx) == 0) {
		check_document(&ctx);
		drop_warnings(ctx.q);
		qpdf_oh_release_all(ctx.q);
		check_structure(&ctx);
		drop_warnings(ctx.q);
		qpdf_oh_release_all(ctx.q);
		check_pages(&ctx);
		check_link_words(&ctx);
	}
	g_hash_table_destroy(ctx.annots_in_links);
	g_hash_table_destroy(ctx.link_mcids);
	g_array_free(ctx.links, TRUE);
	g_hash_table_destroy(ctx.fonts_seen);
	g_hash_table_destroy(ctx.forms_seen);
	g_hash_table_destroy(ctx.page_numbers);
	qpdf_cleanup(&ctx.q);
	return report->count || report->damaged ? 1 : 0;
}

int check_pdf_file(const char *path, struct check_report *report)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		report->damaged = mem_printf("cannot open the file: %s", strerror(errno));
		return 1;
	}
	size_t capacity = 1 << 16, n = 0;
	char *data = mem_alloc(capacity);
	size_t got;
	while ((got = fread(data + n, 1, capacity - n, f)) > 0) {
		n += got;
		if (n > CHECK_MAX_FILE_BYTES)
			break;
		if (n == capacity) {
			capacity *= 2;
			data = mem_resize(data, capacity, 1);
		}
	}
	int failed = ferror(f);
	fclose(f);
	int status;
	if (failed) {
		report->damaged = mem_printf("cannot read the file: %s", strerror(errno));
		status = 1;
	} else if (n > CHECK_MAX_FILE_BYTES) {
		report->damaged = mem_printf("the file is larger than %zu MiB, more "
					     "than check reads",
					     CHECK_MAX_FILE_BYTES >> 20);
		status = 1;
	} else {
		status = check_pdf_memory(data, n, report);
	}
	free(data);
	return status;
}
