/* The PDF checker on the seed corpus of tests/fuzz/fuzz_check.c (made by
 * tests/fuzz/make_check_corpus.py): the rules a small tagged file breaks
 * and keeps, and the hostile shapes (structure cycles, deep nesting, an
 * entity bomb in XMP, broken content, a page tree that contains itself,
 * every truncation) ending in findings or a message, never a crash. Runs
 * in every `make check`, so the corpus replays without clang. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "check.h"
#include "memory.h"
#include "test_files.h"

#define CORPUS "tests/fuzz/corpus_check"

static void check_seed(const char *name, struct check_report *report)
{
	char *path = mem_printf("%s/%s", CORPUS, name);
	size_t length;
	char *bytes = read_whole(path, &length);
	int status = check_pdf_memory(bytes, length, report);
	assert_int_equal(status, report->count || report->damaged);
	g_free(bytes);
	free(path);
}

static void test_tagged_file(void **state)
{
	(void)state;
	struct check_report r = { 0 };
	check_seed("tagged.pdf", &r);
	assert_null(r.damaged);
	/* Broken on purpose: an untagged line, H3 after H1, Helvetica not
	 * embedded, a link without /Contents on a page without /Tabs. */
	assert_true(check_report_has(&r, "7.1-3"));
	assert_true(check_report_has(&r, "7.4.2-1"));
	assert_true(check_report_has(&r, "7.21.4.1-1"));
	assert_true(check_report_has(&r, "7.18.5-2"));
	assert_true(check_report_has(&r, "7.18.3-1"));
	assert_true(check_report_has(&r, "7.1-8"));
	/* Kept: the figure has alt text, the TH a scope and a row span that
	 * evens the rows, the link sits in a Link, "Heading" maps to H1, the
	 * catalog has /Lang and /MarkInfo. */
	assert_false(check_report_has(&r, "7.3-1"));
	assert_false(check_report_has(&r, "7.5-1"));
	assert_false(check_report_has(&r, "7.2-42"));
	assert_false(check_report_has(&r, "7.18.5-1"));
	assert_false(check_report_has(&r, "7.1-5"));
	assert_false(check_report_has(&r, "7.2-34"));
	assert_false(check_report_has(&r, "6.2-1"));
	for (size_t i = 0; i < r.count; i++)
		if (strcmp(r.items[i].rule, "7.1-3") == 0)
			assert_non_null(strstr(r.items[i].message, "1 line or fill"));
	check_report_free(&r);
}

static void test_hostile_shapes(void **state)
{
	(void)state;
	struct check_report r = { 0 };
	check_seed("structure-cycle.pdf", &r);
	assert_null(r.damaged);
	assert_true(check_report_has(&r, "7.4.2-1")); /* walked once, not forever */
	check_report_free(&r);

	check_seed("structure-deep.pdf", &r);
	assert_non_null(r.damaged);
	assert_non_null(strstr(r.damaged, "nested more than"));
	check_report_free(&r);

	check_seed("xmp-entities.pdf", &r);
	assert_true(check_report_has(&r, "6.6.2.1-4"));
	check_report_free(&r);

	check_seed("content-broken.pdf", &r);
	assert_non_null(r.damaged);
	assert_non_null(strstr(r.damaged, "content of page 1"));
	check_report_free(&r);

	check_seed("pages-loop.pdf", &r);
	assert_non_null(r.damaged);
	check_report_free(&r);
}

static void test_corpus_replays(void **state)
{
	(void)state;
	DIR *dir = opendir(CORPUS);
	assert_non_null(dir);
	size_t files = 0;
	struct dirent *entry;
	while ((entry = readdir(dir))) {
		if (entry->d_name[0] == '.')
			continue;
		struct check_report r = { 0 };
		check_seed(entry->d_name, &r);
		for (size_t i = 0; i < r.count; i++) {
			assert_non_null(r.items[i].rule);
			assert_non_null(r.items[i].checkpoint);
			assert_true(r.items[i].message[0] != '\0');
		}
		check_report_free(&r);
		files++;
	}
	closedir(dir);
	assert_true(files >= 6);
}

/* Every prefix of the tagged file, in a buffer of exactly its size (so a
 * read past it shows under ASan and valgrind): a report, never a crash. */
static void test_every_prefix(void **state)
{
	(void)state;
	size_t length;
	char *bytes = read_whole(CORPUS "/tagged.pdf", &length);
	for (size_t n = 0; n <= length; n += 61) {
		char *copy = mem_alloc(n ? n : 1);
		memcpy(copy, bytes, n);
		struct check_report r = { 0 };
		int status = check_pdf_memory(copy, n, &r);
		assert_int_equal(status, 1); /* the file breaks rules on purpose */
		assert_true(r.count || r.damaged);
		check_report_free(&r);
		free(copy);
	}
	g_free(bytes);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tagged_file),
		cmocka_unit_test(test_hostile_shapes),
		cmocka_unit_test(test_corpus_replays),
		cmocka_unit_test(test_every_prefix),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
