/* libFuzzer target for the .ods reader: any bytes as a .ods workbook through
 * sheet_read and the row mapper (fuzz_sheet.h says what must hold). Build
 * with `make fuzz`; run build/fuzz/fuzz_sheet_ods tests/fuzz/corpus_sheet_ods (the
 * corpus also replays in check-unit through tests/unit/test_sheet_corpus.c). */
#include "fuzz_sheet.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_sheet_one(data, size, "book.ods");
	return 0;
}
