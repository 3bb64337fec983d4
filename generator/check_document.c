/* Rules about the whole document: the file header, encryption, the
 * catalog's tagging, language, title display, output intent and metadata
 * (whose content check_xmp.c reads). */
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "memory.h"

/* BCP 47 in the shape ISO 32000 asks of /Lang: "en", "en-GB", "cy". */
static int language_tag_ok(const char *tag)
{
	size_t run = 0;
	int first = 1;
	for (const char *p = tag;; p++) {
		if (*p == '-' || *p == '\0') {
			if (run < 1 || run > 8)
				return 0;
			if (*p == '\0')
				return 1;
			run = 0;
			first = 0;
		} else if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			   (!first && *p >= '0' && *p <= '9')) {
			run++;
		} else {
			return 0;
		}
	}
}

static void check_header(struct check_ctx *ctx)
{
	const char *d = ctx->data;
	if (ctx->len < 8 || memcmp(d, "%PDF-1.", 7) != 0 || d[7] < '0' || d[7] > '7')
		check_fail(ctx, 0, "6.1-1", "PDF/UA-1",
			   "the file does not begin with a PDF 1.0 to 1.7 header "
			   "(%%PDF-1.n), which PDF/UA-1 is defined on");
}

static void check_encryption(struct check_ctx *ctx)
{
	if (!qpdf_is_encrypted(ctx->q))
		return;
	check_fail(ctx, 0, "6.1.3-2", "PDF/A-2",
		   "the file is encrypted, which an archive copy must not be: it "
		   "has to open in decades without a key");
	if (!qpdf_allow_accessibility(ctx->q))
		check_fail(ctx, 0, "7.16-1", "Matterhorn 26-002",
			   "the file's permissions forbid assistive technology "
			   "from reading its text, so screen reader users cannot "
			   "read it");
}

static void check_marked(struct check_ctx *ctx, qpdf_oh root)
{
	qpdf_oh mark_info = qpdf_oh_get_key(ctx->q, root, "/MarkInfo");
	qpdf_oh marked = qpdf_oh_get_key_if_dict(ctx->q, mark_info, "/Marked");
	if (!qpdf_oh_is_bool(ctx->q, marked) || !qpdf_oh_get_bool_value(ctx->q, marked))
		check_fail(ctx, 0, "6.2-1", "PDF/UA-1",
			   "the file does not declare itself tagged (no /MarkInfo "
			   "with /Marked true in the catalog), so readers may ignore "
			   "its tags");
	qpdf_oh suspects = qpdf_oh_get_key_if_dict(ctx->q, mark_info, "/Suspects");
	if (qpdf_oh_is_bool(ctx->q, suspects) && qpdf_oh_get_bool_value(ctx->q, suspects))
		check_fail(ctx, 0, "7.1-4", "Matterhorn 01-007",
			   "the file says its own tags may be wrong (/Suspects "
			   "true), so it cannot be relied on for accessibility");
	qpdf_oh tree = qpdf_oh_get_key(ctx->q, root, "/StructTreeRoot");
	ctx->tagged = qpdf_oh_is_dictionary(ctx->q, tree);
	if (!ctx->tagged)
		check_fail(ctx, 0, "7.1-11", "PDF/UA-1",
			   "the file has no tags at all (no structure tree), so "
			   "screen readers cannot tell its headings, paragraphs, "
			   "lists and tables apart");
}

static void check_language(struct check_ctx *ctx, qpdf_oh root)
{
	char *lang = check_utf8(ctx, qpdf_oh_get_key(ctx->q, root, "/Lang"));
	if (!lang || !*lang)
		check_fail(ctx, 0, "7.2-34", "Matterhorn 11-001",
			   "the document's language is not set (no /Lang in the "
			   "catalog), so screen readers may read it with the wrong "
			   "voice and pronunciation");
	else if (!language_tag_ok(lang))
		check_fail(ctx, 0, "7.2-29", "Matterhorn 11-001",
			   "the document's language '%s' is not a language tag "
			   "such as en-GB or cy", lang);
	free(lang);
}

static void check_title_display(struct check_ctx *ctx, qpdf_oh root)
{
	qpdf_oh prefs = qpdf_oh_get_key(ctx->q, root, "/ViewerPreferences");
	qpdf_oh display = qpdf_oh_get_key_if_dict(ctx->q, prefs, "/DisplayDocTitle");
	if (!qpdf_oh_is_bool(ctx->q, display))
		check_fail(ctx, 0, "7.1-10", "Matterhorn 07-001",
			   "the window title shows the file name instead of the "
			   "document's title (no /DisplayDocTitle in "
			   "/ViewerPreferences)");
	else if (!qpdf_oh_get_bool_value(ctx->q, display))
		check_fail(ctx, 0, "7.1-10", "Matterhorn 07-002",
			   "the window title shows the file name instead of the "
			   "document's title (/DisplayDocTitle is false)");
}

static int is_pdfa_intent(struct check_ctx *ctx, qpdf_oh intent)
{
	if (!check_key_is_name(ctx, intent, "/S", "/GTS_PDFA1"))
		return 0;
	qpdf_oh profile = qpdf_oh_get_key(ctx->q, intent, "/DestOutputProfile");
	return qpdf_oh_is_stream(ctx->q, profile);
}

static void check_output_intent(struct check_ctx *ctx, qpdf_oh root)
{
	qpdf_oh intents = qpdf_oh_get_key(ctx->q, root, "/OutputIntents");
	int n = qpdf_oh_is_array(ctx->q, intents) ?
			qpdf_oh_get_array_n_items(ctx->q, intents) : 0;
	for (int i = 0; i < n && i < 64; i++)
		if (is_pdfa_intent(ctx, qpdf_oh_get_array_item(ctx->q, intents, i)))
			return;
	check_fail(ctx, 0, "6.2.4.3-2", "PDF/A-2",
		   "there is no PDF/A output intent (a colour profile such as "
		   "sRGB), so the colours on the pages are not defined for the "
		   "archive copy");
}

static void check_metadata(struct check_ctx *ctx, qpdf_oh root)
{
	qpdf_oh metadata = qpdf_oh_get_key(ctx->q, root, "/Metadata");
	if (!qpdf_oh_is_stream(ctx->q, metadata)) {
		check_fail(ctx, 0, "7.1-8", "Matterhorn 06-001",
			   "the file has no XMP metadata, so its title and its "
			   "claim to be accessible cannot be read from it");
		check_fail(ctx, 0, "6.6.2.1-1", "PDF/A-2",
			   "the file has no XMP metadata, which an archive copy "
			   "must carry");
		return;
	}
	unsigned char *xml = NULL;
	size_t len = 0;
	qpdf_oh_get_stream_data(ctx->q, metadata, qpdf_dl_generalized, NULL, &xml, &len);
	if (check_qpdf_failed(ctx, "the metadata")) {
		free(xml);
		return;
	}
	if (len > CHECK_MAX_XMP_BYTES)
		check_damaged(ctx, "the metadata is larger than %zu MiB, more than "
			      "check reads", CHECK_MAX_XMP_BYTES >> 20);
	else
		check_xmp(ctx, (const char *)xml, len);
	free(xml);
}

void check_document(struct check_ctx *ctx)
{
	check_header(ctx);
	check_encryption(ctx);
	qpdf_oh root = qpdf_get_root(ctx->q);
	if (check_qpdf_failed(ctx, "the catalog"))
		return;
	if (!qpdf_oh_is_dictionary(ctx->q, root)) {
		check_damaged(ctx, "the file has no document catalog");
		return;
	}
	check_marked(ctx, root);
	check_language(ctx, root);
	check_title_display(ctx, root);
	check_output_intent(ctx, root);
	check_metadata(ctx, root);
	check_qpdf_failed(ctx, "the catalog");
}
