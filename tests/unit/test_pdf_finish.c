/* The finishing pass's content step (pdf_finish_rewrite_content): graphics
 * objects left unmarked are wrapped in /Artifact marked content, marked
 * content is left as it is, furniture placeholders become typed pagination
 * artifacts, and a stream that cannot be read is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "pdf_finish_internal.h"

static char *rewrite(const char *content, const GByteArray *furniture)
{
	GByteArray *out = pdf_finish_rewrite_content(content, strlen(content),
						     furniture);
	if (!out)
		return NULL;
	char *text = g_strndup((const char *)out->data, out->len);
	g_byte_array_unref(out);
	return text;
}

static void assert_rewrites(const char *content, const char *expected)
{
	char *got = rewrite(content, NULL);
	assert_non_null(got);
	assert_string_equal(got, expected);
	g_free(got);
}

static void test_unmarked_path_becomes_artifact(void **state)
{
	(void)state;
	/* q and Q stay outside: marked content and the graphics state nest
	 * separately; the colour may sit inside. */
	assert_rewrites("q 1 0 0 rg 0 0 10 10 re f Q\n",
			"q 1 0 0 rg /Artifact BMC\n0 0 10 10 re f EMC\nQ\n");
}

static void test_unmarked_text_becomes_artifact(void **state)
{
	(void)state;
	assert_rewrites("BT /F1 9 Tf (Page 2)Tj ET",
			"/Artifact BMC\nBT /F1 9 Tf (Page 2)Tj ET\nEMC\n");
}

static void test_marked_content_is_kept(void **state)
{
	(void)state;
	const char *content = "/P << /MCID 0 >> BDC BT (Text)Tj ET EMC\n";
	assert_rewrites(content, content);
}

static void test_runs_between_marked_content(void **state)
{
	(void)state;
	assert_rewrites("0 0 5 5 re f /P <</MCID 0>> BDC BT (a)Tj ET EMC 1 1 m 2 2 l S",
			"/Artifact BMC\n0 0 5 5 re f EMC\n/P <</MCID 0>> BDC BT (a)Tj ET "
			"EMC /Artifact BMC\n1 1 m 2 2 l S\nEMC\n");
}

static void test_placeholder_typed_by_mcid(void **state)
{
	(void)state;
	GByteArray *furniture = g_byte_array_new();
	guint8 kinds[] = { PDF_ARTIFACT_NONE, PDF_ARTIFACT_FOOTER,
			   PDF_ARTIFACT_WATERMARK };
	g_byte_array_append(furniture, kinds, sizeof kinds);
	char *got = rewrite("/Private << /MCID 1 >> BDC BT (2)Tj ET EMC "
			    "/Private <</MCID 2>> BDC BT (DRAFT)Tj ET EMC",
			    furniture);
	assert_non_null(got);
	assert_string_equal(
		got,
		"/Artifact << /Type /Pagination /Subtype /Footer >> BDC BT (2)Tj ET EMC "
		"/Artifact << /Type /Pagination /Subtype /Watermark >> BDC BT (DRAFT)Tj ET EMC");
	g_free(got);
	/* An MCID nobody recorded is still an artifact, untyped. */
	got = rewrite("/Private << /MCID 7 >> BDC 0 0 1 1 re f EMC", furniture);
	assert_string_equal(got, "/Artifact BMC 0 0 1 1 re f EMC");
	g_free(got);
	g_byte_array_unref(furniture);
}

static void test_other_tags_are_not_placeholders(void **state)
{
	(void)state;
	const char *content = "/PrivateX << /MCID 0 >> BDC EMC";
	assert_rewrites(content, content);
}

static void test_unreadable_stream_refused(void **state)
{
	(void)state;
	assert_null(rewrite("BT (unterminated Tj ET", NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unmarked_path_becomes_artifact),
		cmocka_unit_test(test_unmarked_text_becomes_artifact),
		cmocka_unit_test(test_marked_content_is_kept),
		cmocka_unit_test(test_runs_between_marked_content),
		cmocka_unit_test(test_placeholder_typed_by_mcid),
		cmocka_unit_test(test_other_tags_are_not_placeholders),
		cmocka_unit_test(test_unreadable_stream_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
