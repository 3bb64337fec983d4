/* libFuzzer target for the load stage: any bytes through source_load_memory
 * must end in a model or in diagnostics, never in a crash, a leak or a hang.
 * Build with `make fuzz`; run build/fuzz/fuzz_source tests/fuzz/corpus_source. */
#include <stddef.h>
#include <stdint.h>

#include "source.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list diags = { 0 };
	struct source_doc *doc = source_load_memory((const char *)data, size,
						    "fuzz.xml", &diags);
	/* A model only ever comes from a source without errors. */
	if (doc && diag_has_errors(&diags))
		__builtin_trap();
	if (!doc && !diag_has_errors(&diags))
		__builtin_trap();
	source_free(doc);
	diag_list_free(&diags);
	return 0;
}
