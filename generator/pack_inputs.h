/* The files a meeting's pack is made from, for pack --watch: the front
 * sheet's house style and each paper the meeting's items name (revised
 * papers too), with all that paper reads (batch_inputs: its house style,
 * previous quarters, workbooks). Part of the batch side: it reads, never
 * lays out.
 *
 * Ownership: *paths and each path in it are the caller's to free. */
#ifndef PACK_INPUTS_H
#define PACK_INPUTS_H

#include <stddef.h>

/* Fills *paths with the files above (not the meeting itself; those that
 * cannot be found are left out) and returns their count. A meeting that
 * does not load gives its house style only: the papers are read afresh by
 * the rebuild its repair sets off, so none of their changes is missed. */
size_t pack_inputs(const char *meeting_path, char ***paths);

#endif
