/* libFuzzer target for the whole way a source goes: any bytes as a source
 * through load, layout and both real writers (a PDF, and the first page as
 * a PNG). A source either gives a PDF or diagnostics, never a crash, leak
 * or hang. Corpus: tests/fuzz/corpus_pipeline (small papers, right-to-left
 * text, long words, every kind of appendix). */
#include <stddef.h>
#include <stdint.h>

#include "draw.h"
#include "fuzz_file.h"
#include "memory.h"
#include "pipeline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct pipeline *pipeline;
	struct diag_list diags = { 0 };
	if (!pipeline && !(pipeline = pipeline_new(&diags)))
		abort();
	const char *source = fuzz_write("source.xml", data, size);
	struct display_list *list =
		pipeline_layout(pipeline, source, NULL, NULL, &diags);
	if (!list && !diag_has_errors(&diags))
		__builtin_trap();
	if (list) {
		char *pdf = mem_printf("%s/out.pdf", fuzz_dir());
		if (draw_pdf(list, pdf, &diags) != 0 && !diag_has_errors(&diags))
			__builtin_trap();
		free(pdf);
		if (draw_png(list, fuzz_dir(), "page", 12, "1", &diags) < 0 &&
		    !diag_has_errors(&diags))
			__builtin_trap();
		dl_free(list);
	}
	diag_list_free(&diags);
	return 0;
}
