/* A pack's files drawn (Cairo, then the finishing pass) side by side: each
 * list in a process of its own, forked from the parent that laid them
 * out, its diagnostics sent back over a pipe (batch_wire.h). Each file is
 * written whole or not at all, as draw_pdf writes it; a drawing process
 * that dies fails the pack and leaves no temporary file behind.
 *
 * Ownership: the lists are the caller's until the call, which frees each
 * and sets it to NULL. */
#ifndef PACK_DRAW_H
#define PACK_DRAW_H

#include <stddef.h>

#include "diag.h"
#include "display_list.h"

/* lists[k] drawn to paths[k]: side by side when concurrent and count > 1,
 * else one after the other here, stopping at the first failure. 0, or 1
 * with diagnostics. */
int pack_draw_files(struct display_list **lists, const char *const *paths,
		    size_t count, int concurrent, struct diag_list *diags);

#endif
