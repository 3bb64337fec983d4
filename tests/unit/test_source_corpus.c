/* Replays the fuzz corpus (tests/fuzz/corpus_source) through source_load_memory in
 * every `make check`, so the cases the fuzzer keeps run without clang: each
 * ends in a model or in errors, never both, and diagnostics name the source. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "memory.h"
#include "test_files.h"
#include "source.h"

#define CORPUS "tests/fuzz/corpus_source"

static void test_corpus_replays(void **state)
{
	(void)state;
	DIR *dir = opendir(CORPUS);
	assert_non_null(dir);
	size_t files = 0, models = 0;
	struct dirent *entry;
	while ((entry = readdir(dir))) {
		if (entry->d_name[0] == '.')
			continue;
		char *path = mem_printf("%s/%s", CORPUS, entry->d_name);
		size_t length;
		char *bytes = read_whole(path, &length);
		struct diag_list diags = { 0 };
		struct source_doc *doc = source_load_memory(bytes, length, entry->d_name, &diags);
		assert_int_equal(doc != NULL, !diag_has_errors(&diags));
		for (size_t i = 0; i < diags.count; i++) {
			assert_string_equal(diags.items[i].file, entry->d_name);
			assert_true(diags.items[i].message[0] != '\0');
		}
		models += doc != NULL;
		files++;
		source_free(doc);
		diag_list_free(&diags);
		g_free(bytes);
		free(path);
	}
	closedir(dir);
	assert_true(files >= 10);
	assert_true(models >= 2); /* the corpus keeps valid papers too */
}

/* Every prefix of a valid paper is a truncated source: diagnostics, no model
 * (except the whole), no crash. */
static void test_every_prefix(void **state)
{
	(void)state;
	size_t length;
	char *bytes = read_whole(CORPUS "/small-paper.xml", &length);
	for (size_t n = 0; n <= length; n += 7) {
		struct diag_list diags = { 0 };
		struct source_doc *doc = source_load_memory(bytes, n, "prefix.xml", &diags);
		assert_int_equal(doc != NULL, !diag_has_errors(&diags));
		source_free(doc);
		diag_list_free(&diags);
	}
	g_free(bytes);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus_replays),
		cmocka_unit_test(test_every_prefix),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
