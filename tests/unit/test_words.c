/* Words as data: templates and their fields, the fallbacks of a lookup, a
 * house style's labels before the catalogue, and empty refs filled with
 * their targets' names without moving the spans around them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "layout_fixture.h"
#include "layout_internal.h"
#include "source.h"
#include "words.h"

#define NS "xmlns=\"urn:committee-pdf:paper:1\""

static void test_expand(void **state)
{
	(void)state;
	const struct words_field fields[] = {
		{ "page", "3" }, { "pages", "7" }, { "empty", NULL }, { NULL, NULL },
	};
	size_t at = 99, length = 99;
	char *text = words_expand("Page {page} of {pages}{empty} {unknown}", fields,
				  "pages", &at, &length);
	assert_string_equal(text, "Page 3 of 7 {unknown}");
	assert_int_equal(at, 10);
	assert_int_equal(length, 1);
	free(text);
	text = words_expand("{page", fields, "page", &at, &length);
	assert_string_equal(text, "{page");
	assert_int_equal(length, 0);
	free(text);
}

static void test_lookup_fallbacks(void **state)
{
	(void)state;
	const struct words *welsh = words_for("CY");
	assert_non_null(welsh);
	assert_string_equal(words_lang(welsh), "cy");
	assert_string_equal(words_get(welsh, "key.rating"), "Sgôr");
	assert_string_equal(words_get(words_default(), "key.rating"), "Rating");
	/* A key no catalogue has comes back as itself, never NULL. */
	assert_null(words_find(welsh, "no.such.key"));
	assert_string_equal(words_get(welsh, "no.such.key"), "no.such.key");
	assert_string_equal(words_available(), "cy, en-GB");
	struct diag_list diags = { 0 };
	words_problems(&diags);
	assert_int_equal(diags.count, 0);
	diag_list_free(&diags);
	size_t en_count, cy_count;
	const char *const *en = words_keys(words_default(), &en_count);
	const char *const *cy = words_keys(welsh, &cy_count);
	assert_int_equal(en_count, cy_count);
	for (size_t i = 0; i < en_count; i++)
		assert_string_equal(en[i], cy[i]);
}

/* The paper's language chooses the catalogue; the house style's label for
 * a key comes first in every language. */
static void test_labels_first(void **state)
{
	(void)state;
	struct style style;
	fixture_style(&style);
	const struct style_field labels[] = {
		{ "key.rating", "RAG status" }, { NULL, NULL },
	};
	style.labels = labels;
	struct source_doc doc;
	memset(&doc, 0, sizeof doc);
	doc.lang = "cy";
	PangoContext *context = fixture_context();
	struct diag_list diags = { 0 };
	struct layout lo;
	layout_begin(&lo, &doc, &style, context, NULL, &diags);
	assert_string_equal(layout_word(&lo, "key.rating"), "RAG status");
	assert_string_equal(layout_word(&lo, "key.meaning"), "Ystyr");
	assert_string_equal(layout_travel_word(&lo, TRAVEL_IMPROVING), "gwella");
	const char *one, *many;
	layout_noun(&lo, "risk", "characteristic", &one, &many);
	assert_string_equal(one, "risg");
	assert_string_equal(many, "risgiau");
	layout_noun(&lo, NULL, "measure", &one, &many);
	assert_string_equal(many, "mesurau");
	assert_string_equal(layout_date_text(&lo, "2024-02-22"), "22 Chwefror 2024");
	dl_free(layout_end(&lo));
	/* A label for the paper's language comes before one for every
	 * language; one for another language is passed over. */
	const struct style_field both[] = {
		{ "key.rating", "RAG status" }, { "key.rating", "Statws RAG" },
		{ "key.meaning", "Meaning here" }, { NULL, NULL },
	};
	const char *const langs[] = { NULL, "cy", "en" };
	style.labels = both;
	style.label_langs = langs;
	layout_begin(&lo, &doc, &style, context, NULL, &diags);
	assert_string_equal(layout_word(&lo, "key.rating"), "Statws RAG");
	assert_string_equal(layout_word(&lo, "key.meaning"), "Ystyr");
	dl_free(layout_end(&lo));
	doc.lang = "en-GB";
	layout_begin(&lo, &doc, &style, context, NULL, &diags);
	assert_string_equal(layout_word(&lo, "key.rating"), "RAG status");
	assert_string_equal(layout_word(&lo, "key.meaning"), "Meaning here");
	dl_free(layout_end(&lo));
	g_object_unref(context);
	diag_list_free(&diags);
}

static struct source_doc *load(const char *body)
{
	char *text = mem_printf(
		"<paper " NS " xml:lang=\"en-GB\">\n"
		"<cover><authority>A</authority><committee>C</committee>"
		"<meeting-date>2024-02-22</meeting-date><marking>PUBLIC</marking>"
		"<title>T</title><cabinet-member><name>N</name></cabinet-member>"
		"<director><name>D</name></director><service>S</service>"
		"<employee><name>E</name></employee><considered-by/></cover>\n"
		"%s\n</paper>\n", body);
	struct diag_list diags = { 0 };
	struct source_doc *doc = source_load_memory(text, strlen(text), "mem.xml",
						    &diags);
	if (!doc)
		diag_print(&diags, stderr);
	diag_list_free(&diags);
	free(text);
	return doc;
}

static const struct source_span *span_of(const struct source_text *t,
					 enum source_span_kind kind, size_t nth)
{
	for (size_t i = 0; i < t->span_count; i++)
		if (t->spans[i].kind == kind && nth-- == 0)
			return &t->spans[i];
	return NULL;
}

static void assert_covers(const struct source_text *t,
			  const struct source_span *span, const char *expected)
{
	assert_non_null(span);
	assert_int_equal(span->end - span->start, strlen(expected));
	assert_memory_equal(t->text + span->start, expected, strlen(expected));
}

/* An empty ref inside an em, one at the end after a space and one just
 * before a strong: the em grows over the name, the strong moves past it,
 * the space before the last one stays. */
static void test_refs_expand(void **state)
{
	(void)state;
	struct source_doc *doc = load(
		"<section id=\"s1\"><heading>H</heading>"
		"<para id=\"p1\">One <em>see <ref to=\"s2\"/></em> then "
		"<ref to=\"a1\"/><strong>bold</strong> and <ref to=\"p1\"/></para></section>"
		"<section id=\"s2\"><heading>H2</heading><para>Two.</para></section>"
		"<appendix id=\"a1\"><title>A</title><para xml:lang=\"cy\">Tri <span "
		"xml:lang=\"en-GB\">three</span>.</para></appendix>");
	assert_non_null(doc);
	const struct source_text *para = &doc->sections[0].blocks[0].u.paragraph;
	const struct source_span *ref = span_of(para, SPAN_REF, 0);
	assert_non_null(ref);
	assert_true(ref->generated);
	assert_covers(para, ref, SOURCE_REF_NAME);

	struct style style;
	fixture_style(&style);
	PangoContext *context = fixture_context();
	struct diag_list diags = { 0 };
	struct layout lo;
	layout_begin(&lo, doc, &style, context, NULL, &diags);
	lo.refs = layout_refs_new(&lo);
	const struct source_text *out = layout_refs_expand(&lo, para);
	assert_ptr_not_equal(out, para);
	assert_string_equal(out->text, "One see section 2.0 then appendix 1bold "
				       "and paragraph 1.1");
	assert_covers(out, span_of(out, SPAN_EMPHASIS, 0), "see section 2.0");
	assert_covers(out, span_of(out, SPAN_REF, 0), "section 2.0");
	assert_covers(out, span_of(out, SPAN_REF, 1), "appendix 1");
	assert_covers(out, span_of(out, SPAN_STRONG, 0), "bold");
	assert_covers(out, span_of(out, SPAN_REF, 2), "paragraph 1.1");
	for (size_t i = 0; i < out->span_count; i++)
		assert_false(out->spans[i].generated);
	/* Text without empty refs is its own expansion. */
	const struct source_text *welsh = &doc->appendices[0].blocks[0].u.paragraph;
	assert_ptr_equal(layout_refs_expand(&lo, welsh), welsh);
	/* Languages are kept in the model: the text's and the span's. */
	assert_string_equal(welsh->lang, "cy");
	assert_string_equal(span_of(welsh, SPAN_LANGUAGE, 0)->lang, "en-GB");
	assert_null(para->lang);
	dl_free(layout_end(&lo));
	g_object_unref(context);
	diag_list_free(&diags);
	source_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_expand),
		cmocka_unit_test(test_lookup_fallbacks),
		cmocka_unit_test(test_labels_first),
		cmocka_unit_test(test_refs_expand),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
