/* libFuzzer target for the PDF checker: any bytes through check_pdf_memory
 * end in findings or a "damaged" message, never a crash, a leak or a hang.
 * Build with `make fuzz`; run build/fuzz/fuzz_check tests/fuzz/corpus_check
 * (the corpus also replays in check-unit, tests/unit/test_check_corpus.c). */
#include <stddef.h>
#include <stdint.h>

#include "check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct check_report report = { 0 };
	int status = check_pdf_memory((const char *)data, size, &report);
	if (status != (report.count || report.damaged))
		__builtin_trap();
	for (size_t i = 0; i < report.count; i++)
		if (!report.items[i].rule || !report.items[i].message[0])
			__builtin_trap();
	check_report_free(&report);
	return 0;
}
