/* Defence in depth: the scan refuses entity declarations and external DTDs
 * before libxml2 runs; should one reach the parser, its options (no NOENT,
 * no DTDLOAD) leave the file unread, and the external entity guard refuses
 * it anyway. The parse step is driven directly here, past the scan. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <libxml/parserInternals.h>

#include "source_internal.h"

#define SECRET "guarded-secret-text"

static char secret_path[] = "/tmp/committee-pdf-secret-XXXXXX";

static int make_secret(void **state)
{
	(void)state;
	int fd = mkstemp(secret_path);
	if (fd < 0)
		return -1;
	ssize_t n = write(fd, SECRET, strlen(SECRET));
	close(fd);
	return n == (ssize_t)strlen(SECRET) ? 0 : -1;
}

static int remove_secret(void **state)
{
	(void)state;
	unlink(secret_path);
	return 0;
}

static int tree_contains(const xmlNode *node, const char *text)
{
	for (; node; node = node->next) {
		if (node->content && strstr((const char *)node->content, text))
			return 1;
		if (tree_contains(node->children, text))
			return 1;
	}
	return 0;
}

static void parse_past_scan(const char *text, struct diag_list *diags, int *leaked)
{
	struct source_load load = {
		.name = "guard.xml", .bytes = text, .length = strlen(text), .diags = diags,
	};
	source_parse(&load);
	*leaked = load.doc && tree_contains(load.doc->children, SECRET);
	xmlFreeDoc(load.doc);
}

static int any_message_contains(const struct diag_list *diags, const char *text)
{
	for (size_t i = 0; i < diags->count; i++)
		if (strstr(diags->items[i].message, text))
			return 1;
	return 0;
}

static void test_external_entity_never_read(void **state)
{
	(void)state;
	char *text = mem_printf("<!DOCTYPE paper [<!ENTITY x SYSTEM \"file://%s\">]>\n"
				"<paper>&x;</paper>\n", secret_path);
	struct diag_list diags = { 0 };
	int leaked = 1;
	parse_past_scan(text, &diags, &leaked);
	assert_false(leaked);
	assert_true(diag_has_errors(&diags));
	assert_false(any_message_contains(&diags, SECRET));
	diag_list_free(&diags);
	free(text);
}

static void test_external_dtd_never_read(void **state)
{
	(void)state;
	char *text = mem_printf("<!DOCTYPE paper SYSTEM \"%s\">\n<paper/>\n", secret_path);
	struct diag_list diags = { 0 };
	int leaked = 1;
	parse_past_scan(text, &diags, &leaked);
	assert_false(leaked);
	assert_false(any_message_contains(&diags, SECRET));
	diag_list_free(&diags);
	free(text);
}

/* The loader itself, mode by mode. */
static void test_guard_modes(void **state)
{
	(void)state;
	struct diag_list diags = { 0 };
	struct source_load load = { .name = "guard.xml", .bytes = "", .diags = &diags };
	source_guard_install();
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	assert_non_null(ctxt);

	source_guard_sources(&load);
	assert_null(xmlLoadExternalEntity(secret_path, NULL, ctxt));
	source_guard_end();
	assert_int_equal(diags.count, 1);
	assert_non_null(strstr(diags.items[0].message, "refused to load"));

	/* Outside a load: a top-level file opens, the network never. */
	xmlParserInputPtr in = xmlLoadExternalEntity(secret_path, NULL, ctxt);
	assert_non_null(in);
	xmlFreeInputStream(in);
	assert_null(xmlLoadExternalEntity("http://127.0.0.1:9/x.dtd", NULL, ctxt));

	/* Compiling schemas: only .xsd files in the named folder. */
	source_guard_schemas("/tmp");
	assert_null(xmlLoadExternalEntity(secret_path, NULL, ctxt));
	source_guard_end();

	xmlFreeParserCtxt(ctxt);
	diag_list_free(&diags);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_external_entity_never_read),
		cmocka_unit_test(test_external_dtd_never_read),
		cmocka_unit_test(test_guard_modes),
	};
	return cmocka_run_group_tests(tests, make_secret, remove_secret);
}
