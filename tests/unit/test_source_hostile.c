/* Hostile sources: limits hold at their edges (SOURCE_MAX_BYTES,
 * SOURCE_MAX_DEPTH, SOURCE_MAX_TEXT_BYTES), entities and external DTDs are
 * refused, bad bytes are reported where they are, and the external entity
 * guard keeps refusing after a load. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <libxml/parser.h>

#include "memory.h"
#include "source.h"

#define NS "xmlns=\"urn:committee-pdf:paper:1\""

static struct diag_list diags;

static int reset(void **state)
{
	(void)state;
	diag_list_free(&diags);
	return 0;
}

static struct source_doc *load(const char *bytes, size_t length)
{
	return source_load_memory(bytes, length, "hostile.xml", &diags);
}

static struct source_doc *load_string(const char *text)
{
	return load(text, strlen(text));
}

static void assert_one_error(unsigned line, unsigned col, const char *start)
{
	if (diags.count != 1 || strncmp(diags.items[0].message, start, strlen(start)) != 0)
		diag_print(&diags, stderr);
	assert_int_equal(diags.count, 1);
	assert_int_equal(diags.items[0].level, DIAG_ERROR);
	assert_int_equal(diags.items[0].line, line);
	assert_int_equal(diags.items[0].col, col);
	assert_memory_equal(diags.items[0].message, start, strlen(start));
}

static void test_oversized_refused_before_parsing(void **state)
{
	(void)state;
	size_t length = SOURCE_MAX_BYTES + 1;
	char *bytes = mem_alloc(length);
	memset(bytes, '<', length); /* would be nonsense to any parser */
	assert_null(load(bytes, length));
	assert_one_error(0, 0, "the source is larger than 16777216 bytes");
	free(bytes);
}

/* A limit set for the process (--max-size) is the one held and stated, at
 * its edge; one out of range is ignored. */
static void test_max_bytes_set(void **state)
{
	(void)state;
	static const char head[] = "<paper " NS ">";
	size_t limit = 4096;
	char *bytes = mem_alloc(limit + 1);
	memset(bytes, ' ', limit + 1);
	memcpy(bytes, head, sizeof head - 1);
	memcpy(bytes + limit + 1 - 8, "</paper>", 8);
	source_set_max_bytes(limit);
	assert_int_equal(source_max_bytes(), limit);
	assert_null(load(bytes, limit + 1));
	assert_one_error(0, 0, "the source is larger than 4096 bytes (4 KiB); "
			 "sources are refused above that size unless --max-size allows more");
	diag_list_free(&diags);
	/* At the limit it is read: whatever it says, not its size. */
	memcpy(bytes + limit - 8, "</paper>", 8);
	source_free(load(bytes, limit));
	for (size_t i = 0; i < diags.count; i++)
		assert_null(strstr(diags.items[i].message, "larger than"));
	source_set_max_bytes(0);
	source_set_max_bytes((size_t)SOURCE_MAX_BYTES_CEILING + 1);
	assert_int_equal(source_max_bytes(), limit);
	source_set_max_bytes(SOURCE_MAX_BYTES);
	free(bytes);
}

/* <paper><section><para> then em nested to the given total depth. */
static char *nested(int depth)
{
	size_t capacity = (size_t)depth * 10 + 256;
	char *s = mem_alloc(capacity);
	size_t n = (size_t)snprintf(s, capacity, "<paper " NS "><section><para>");
	for (int i = 3; i < depth; i++)
		n += (size_t)snprintf(s + n, capacity - n, "<em>");
	n += (size_t)snprintf(s + n, capacity - n, "x");
	for (int i = 3; i < depth; i++)
		n += (size_t)snprintf(s + n, capacity - n, "</em>");
	snprintf(s + n, capacity - n, "</para></section></paper>");
	return s;
}

static int has_message(const char *start)
{
	for (size_t i = 0; i < diags.count; i++)
		if (strncmp(diags.items[i].message, start, strlen(start)) == 0)
			return 1;
	return 0;
}

static void test_depth_limit_edge(void **state)
{
	(void)state;
	char *ok = nested(SOURCE_MAX_DEPTH);
	assert_null(load_string(ok)); /* no cover: invalid, but not too deep */
	assert_false(has_message("elements are nested"));
	assert_true(has_message("<section> is out of place") ||
		    has_message("<paper> is missing <cover>"));
	diag_clear(&diags);
	char *deep = nested(SOURCE_MAX_DEPTH + 1);
	assert_null(load_string(deep));
	/* The 65th start tag: 3 + 61 "<em>" before it. */
	size_t col = strlen("<paper " NS "><section><para>") + 4 * 61 + 1;
	assert_one_error(1, (unsigned)col, "elements are nested more than 64 deep");
	free(ok);
	free(deep);
}

static void test_text_limit_edge(void **state)
{
	(void)state;
	const char *head = "<paper " NS ">\n<cover>";
	const char *tail = "</cover></paper>";
	for (size_t extra = 0; extra < 2; extra++) {
		size_t text = SOURCE_MAX_TEXT_BYTES + extra;
		size_t length = strlen(head) + text + strlen(tail);
		char *bytes = mem_alloc(length + 1);
		memcpy(bytes, head, strlen(head));
		memset(bytes + strlen(head), 'a', text);
		memcpy(bytes + strlen(head) + text, tail, strlen(tail));
		assert_null(load(bytes, length));
		if (extra)
			assert_one_error(2, 8, "text is longer than 1048576 bytes");
		else
			assert_false(has_message("text is longer"));
		diag_clear(&diags);
		free(bytes);
	}
}

static void test_billion_laughs(void **state)
{
	(void)state;
	char doc[4096];
	size_t n = (size_t)snprintf(doc, sizeof doc, "<?xml version=\"1.0\"?>\n"
				    "<!DOCTYPE paper [\n<!ENTITY l0 \"lol\">\n");
	for (int i = 1; i < 10; i++) {
		n += (size_t)snprintf(doc + n, sizeof doc - n, "<!ENTITY l%d \"", i);
		for (int j = 0; j < 10; j++)
			n += (size_t)snprintf(doc + n, sizeof doc - n, "&l%d;", i - 1);
		n += (size_t)snprintf(doc + n, sizeof doc - n, "\">\n");
	}
	snprintf(doc + n, sizeof doc - n, "]>\n<paper " NS ">&l9;</paper>\n");
	assert_null(load_string(doc));
	assert_one_error(3, 1, "the DOCTYPE declares entities");
}

static void test_external_entity_refused(void **state)
{
	(void)state;
	const char *doc = "<!DOCTYPE paper [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
			  "<paper " NS ">&x;</paper>";
	assert_null(load_string(doc));
	assert_one_error(1, 18, "the DOCTYPE declares entities");
	assert_null(strstr(diags.items[0].message, "root:"));
	diag_clear(&diags);
	const char *dtd = "<!DOCTYPE paper\n  SYSTEM \"http://example.com/p.dtd\"><paper " NS "/>";
	assert_null(load_string(dtd));
	assert_one_error(2, 3, "the DOCTYPE names an external DTD");
	diag_clear(&diags);
	const char *plain = "<!DOCTYPE paper><paper " NS "/>";
	assert_null(load_string(plain));
	assert_false(has_message("the DOCTYPE")); /* a bare DOCTYPE is harmless */
}

static void test_bad_bytes_positioned(void **state)
{
	(void)state;
	static const struct {
		const char *bytes;
		size_t length;
		unsigned line, col;
		const char *message;
	} cases[] = {
		{ "<paper>\n  a\0b</paper>", 21, 2, 4, "NUL byte in the source;" },
		{ "<paper>\n\xC3\xA9\xC0\xAF</paper>", 20, 2, 2, "byte 0xC0 is not valid UTF-8 (and 1 more)" },
		{ "<paper>\xED\xA0\x80</paper>", 18, 1, 8, "byte 0xED is not valid UTF-8 (and 2 more)" },
		{ "<paper>\xF4\x90\x80\x80</paper>", 19, 1, 8, "byte 0xF4 is not valid UTF-8 (and 3 more)" },
		{ "<paper>\xE2\x82", 9, 1, 8, "byte 0xE2 is not valid UTF-8 (and 1 more)" },
		{ "<?xml version=\"1.0\" encoding=\"windows-1252\"?><paper/>", 53, 1, 21,
		  "the source declares encoding \"windows-1252\"" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_null(load(cases[i].bytes, cases[i].length));
		assert_one_error(cases[i].line, cases[i].col, cases[i].message);
		diag_clear(&diags);
	}
	/* Four-byte characters are fine. */
	assert_null(load_string("<paper>\xF0\x9F\x98\x80</paper>"));
	assert_false(has_message("byte"));
}

static void test_empty_sources(void **state)
{
	(void)state;
	assert_null(load("", 0));
	assert_one_error(0, 0, "the source is empty");
	diag_clear(&diags);
	assert_null(source_load_memory(NULL, 5, "null.xml", &diags));
	assert_one_error(0, 0, "the source is empty");
}

/* At most SOURCE_MAX_ATTRIBUTES attributes on a tag (xmlns counts). */
static void test_attribute_limit_edge(void **state)
{
	(void)state;
	for (int extra = 0; extra < 2; extra++) {
		size_t capacity = 256 * 16 + 256, n = 0;
		char *text = mem_alloc(capacity);
		n += (size_t)snprintf(text + n, capacity - n, "<paper " NS);
		for (int i = 1; i < 256 + extra; i++)
			n += (size_t)snprintf(text + n, capacity - n, " a%d=\"\"", i);
		snprintf(text + n, capacity - n, "/>");
		assert_null(load_string(text));
		if (extra)
			assert_one_error(1, 1, "a start tag with 257 attributes; at most 256");
		else
			assert_false(has_message("a start tag with"));
		diag_clear(&diags);
		free(text);
	}
}

/* A source with a problem on every element is reported up to a bound, with
 * a line saying so, rather than flooding the output. */
static void test_problems_bounded(void **state)
{
	(void)state;
	size_t capacity = 3000 * 80 + 1024, n = 0;
	char *text = mem_alloc(capacity);
	n += (size_t)snprintf(text + n, capacity - n, "<paper " NS "><cover><authority>A</authority>"
			      "<committee>C</committee><meeting-date>2024-02-22</meeting-date>"
			      "<marking>M</marking><title>T</title><cabinet-member><name>N</name>"
			      "</cabinet-member><director><name>D</name></director><service>S"
			      "</service><employee><name>E</name></employee><considered-by/>"
			      "</cover><section><heading>H</heading>\n");
	for (int i = 0; i < 3000; i++)
		n += (size_t)snprintf(text + n, capacity - n, "<para colour=\"x\">p</para>\n");
	snprintf(text + n, capacity - n, "</section></paper>\n");
	assert_null(load_string(text));
	assert_int_equal(diags.count, 1000);
	assert_true(has_message("too many problems: only the first 999 are reported"));
	free(text);
}

/* Other modules may still open their own files at top level, but what a
 * document asks for from inside it stays refused after the loader ran. */
static void test_guard_after_load(void **state)
{
	(void)state;
	struct source_doc *doc = source_load("docs/source-format.xml", &diags);
	assert_non_null(doc);
	source_free(doc);
	char path[] = "/tmp/committee-pdf-guard-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char *text = "<!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a>&x;</a>";
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	xmlSetGenericErrorFunc(NULL, NULL);
	xmlDocPtr other = xmlReadFile(path, NULL,
				      XML_PARSE_DTDLOAD | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	/* The top-level file opened; the external DTD it names did not. */
	if (other)
		assert_null(other->extSubset);
	xmlFreeDoc(other);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_oversized_refused_before_parsing, reset),
		cmocka_unit_test_teardown(test_max_bytes_set, reset),
		cmocka_unit_test_teardown(test_depth_limit_edge, reset),
		cmocka_unit_test_teardown(test_text_limit_edge, reset),
		cmocka_unit_test_teardown(test_billion_laughs, reset),
		cmocka_unit_test_teardown(test_external_entity_refused, reset),
		cmocka_unit_test_teardown(test_bad_bytes_positioned, reset),
		cmocka_unit_test_teardown(test_empty_sources, reset),
		cmocka_unit_test_teardown(test_attribute_limit_edge, reset),
		cmocka_unit_test_teardown(test_problems_bounded, reset),
		cmocka_unit_test_teardown(test_guard_after_load, reset),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
