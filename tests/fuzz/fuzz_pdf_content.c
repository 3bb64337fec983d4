/* libFuzzer target for the content stream lexer: any bytes end in 0 or -1
 * after a finite run of operators, each inside the buffer. Build with
 * `make fuzz`; run build/fuzz/fuzz_pdf_content tests/fuzz/corpus_pdf_content. */
#include <stddef.h>
#include <stdint.h>

#include "pdf_content.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *bytes = (const char *)data;
	struct pdf_content *c = pdf_content_new(bytes, size);
	struct pdf_op op;
	size_t last_end = 0, count = 0;
	int status;
	while ((status = pdf_content_next(c, &op)) == 1) {
		if (op.start > op.end || op.end > size || op.end <= last_end ||
		    op.name < bytes + op.start || op.name_length == 0 ||
		    op.name + op.name_length > bytes + op.end || op.depth < 0)
			__builtin_trap();
		last_end = op.end;
		if (++count > size)
			__builtin_trap(); /* each op takes at least one byte */
	}
	if (pdf_content_next(c, &op) != status)
		__builtin_trap();
	pdf_content_free(c);
	return 0;
}
