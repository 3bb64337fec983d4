/* libFuzzer target for house styles: any bytes as a layout file through
 * style_load and, when it loads, the font check render runs next. Either a
 * style or diagnostics, never both missing, never a crash, leak or hang.
 * Corpus: tests/fuzz/corpus_style (the shipped layouts and the bad ones). */
#include <stddef.h>
#include <stdint.h>

#include "fonts.h"
#include "fuzz_file.h"
#include "paths.h"
#include "style.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fonts *fonts;
	struct diag_list diags = { 0 };
	if (!fonts) {
		char *conf = paths_fonts_conf();
		fonts = fonts_open(conf, &diags);
		free(conf);
		if (!fonts)
			abort();
	}
	const char *path = fuzz_write("style.xml", data, size);
	struct style *style = style_load(path, &diags);
	if (!style && !diag_has_errors(&diags))
		__builtin_trap();
	if (style && diag_has_errors(&diags))
		__builtin_trap();
	if (style)
		fonts_check_style(fonts, style, &diags);
	style_free(style);
	diag_list_free(&diags);
	return 0;
}
