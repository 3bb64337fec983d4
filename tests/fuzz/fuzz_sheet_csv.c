/* libFuzzer target for the .csv reader: any bytes as a .csv workbook through
 * sheet_read and the row mapper (fuzz_sheet.h says what must hold). Build
 * with `make fuzz`; its corpus, tests/fuzz/corpus_sheet_csv, replays in
 * check-unit (tests/fuzz/replay.c, and cut short in test_sheet_corpus.c). */
#include "fuzz_sheet.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_sheet_one(data, size, "book.csv");
	return 0;
}
