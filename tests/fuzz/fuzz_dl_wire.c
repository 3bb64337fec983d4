/* libFuzzer target for the display list's wire format: any bytes through
 * dl_wire_decode end in NULL with a reason, or in a list that dumps, frees
 * cleanly and comes back the same from its own bytes (encoding it, decoding
 * that and encoding again gives the same bytes); never a crash, a leak or
 * a hang. Fonts load through the pipeline's font map, as a pack's parent
 * loads them. Corpus: tests/fuzz/corpus_dl_wire, small lists encoded by
 * tests/unit/test_display_list_wire.c (DL_WIRE_CORPUS=DIR). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "display_list_wire.h"
#include "pipeline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static GByteArray *encoded(const struct display_list *list)
{
	GByteArray *bytes = g_byte_array_new();
	dl_wire_encode(list, bytes);
	return bytes;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct pipeline *pipeline;
	static FILE *sink;
	if (!pipeline) {
		struct diag_list diags = { 0 };
		if (!(pipeline = pipeline_new(&diags)))
			abort();
		diag_list_free(&diags);
		sink = fopen("/dev/null", "w");
	}
	PangoContext *context = pipeline_context(pipeline);
	char *error = NULL;
	struct display_list *list = dl_wire_decode(data, size, context, &error);
	if ((list == NULL) == (error == NULL))
		__builtin_trap();
	if (!list) {
		if (strncmp(error, "display list bytes: ", 20) != 0)
			__builtin_trap();
		free(error);
		return 0;
	}
	if (sink)
		dl_dump_json(list, sink);
	GByteArray *once = encoded(list);
	struct display_list *again =
		dl_wire_decode(once->data, once->len, context, &error);
	if (!again)
		__builtin_trap();
	GByteArray *twice = encoded(again);
	if (once->len != twice->len ||
	    memcmp(once->data, twice->data, once->len) != 0)
		__builtin_trap();
	g_byte_array_unref(once);
	g_byte_array_unref(twice);
	dl_free(again);
	dl_free(list);
	return 0;
}
