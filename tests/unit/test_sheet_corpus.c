/* The workbook fuzz corpora (tests/fuzz/corpus_sheet_xlsx, _ods, _csv)
 * replay whole through tests/fuzz/replay.c; here each seed is also cut
 * short at two dozen lengths, as a truncated download or an interrupted
 * save would leave it, and goes through what the fuzz targets check. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../fuzz/fuzz_sheet.h"
#include "memory.h"
#include "test_files.h"

static size_t replay(const char *folder, const char *name)
{
	DIR *dir = opendir(folder);
	assert_non_null(dir);
	size_t files = 0;
	struct dirent *entry;
	while ((entry = readdir(dir))) {
		if (entry->d_name[0] == '.')
			continue;
		char *path = mem_printf("%s/%s", folder, entry->d_name);
		size_t length;
		unsigned char *bytes = (unsigned char *)read_whole(path, &length);
		fuzz_sheet_one(bytes, length, name);
		size_t step = length / 23 + 1;
		for (size_t n = 0; n < length; n += step)
			fuzz_sheet_one(bytes, n, name);
		g_free(bytes);
		free(path);
		files++;
	}
	closedir(dir);
	return files;
}

static void test_xlsx_corpus(void **state)
{
	(void)state;
	assert_true(replay("tests/fuzz/corpus_sheet_xlsx", "book.xlsx") >= 10);
}

static void test_ods_corpus(void **state)
{
	(void)state;
	assert_true(replay("tests/fuzz/corpus_sheet_ods", "book.ods") >= 2);
}

static void test_csv_corpus(void **state)
{
	(void)state;
	assert_true(replay("tests/fuzz/corpus_sheet_csv", "book.csv") >= 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xlsx_corpus),
		cmocka_unit_test(test_ods_corpus),
		cmocka_unit_test(test_csv_corpus),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
