/* libFuzzer target for the meeting loader: any bytes through
 * meeting_load_memory end in a meeting model or in diagnostics, never both,
 * never a crash, a leak or a hang. The meeting is named as a file in a
 * folder of this process's own that holds one empty paper.xml: a paper
 * named so passes paths_named (which only looks at what the path is), every
 * other is refused, and none is ever opened.
 * Build with `make fuzz-build`; run build/fuzz/fuzz_meeting
 * tests/fuzz/corpus_meeting. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_file.h"
#include "meeting.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char name[4096];
	if (!name[0]) {
		fuzz_write("paper.xml", NULL, 0);
		snprintf(name, sizeof name, "%s/meeting.xml", fuzz_dir());
	}
	struct diag_list diags = { 0 };
	struct meeting *meeting = meeting_load_memory((const char *)data, size,
						      name, &diags);
	/* A model only ever comes from a source without errors. */
	if (meeting && diag_has_errors(&diags))
		__builtin_trap();
	if (!meeting && !diag_has_errors(&diags))
		__builtin_trap();
	/* Every item a model holds is whole. */
	for (size_t i = 0; meeting && i < meeting->item_count; i++)
		if (!meeting->items[i].title ||
		    (meeting->items[i].kind == MEETING_ITEM_PAPER &&
		     !meeting->items[i].paper))
			__builtin_trap();
	meeting_free(meeting);
	diag_list_free(&diags);
	return 0;
}
