/* A finished display list as bytes and back: how a pack's worker process
 * hands the paper it laid out to the parent that assembles and draws the
 * pack (the pack is laid out from display lists, never glued from PDFs).
 *
 * Everything a list holds travels: pages and boxes, runs with their glyphs
 * and text, paths, links, destinations, the structure nodes, outline, page
 * labels, metadata; fonts by their Pango description and the font file
 * they were loaded from, so the reader loads the same face (glyph ids are
 * only meaningful in it); images by their pixels (PNG) or their SVG source.
 * The bytes are little-endian and versioned; the reader trusts nothing in
 * them: every count and offset is checked against what remains, so a
 * truncated or damaged message is refused with a reason, never a crash.
 *
 * Ownership: dl_wire_encode appends to a caller's array; dl_wire_decode
 * returns a list the caller frees with dl_free. */
#ifndef DISPLAY_LIST_WIRE_H
#define DISPLAY_LIST_WIRE_H

#include <stddef.h>

#include <glib.h>
#include <pango/pango.h>

#include "display_list.h"

/* A longer message is refused: a paper of 4,200 items is 39 MiB (mostly
 * glyphs, 8 bytes each), one of 50,000 about 460 MiB. */
#define DL_WIRE_MAX_BYTES (1024u * 1024u * 1024u)

/* Append list's bytes to out. */
void dl_wire_encode(const struct display_list *list, GByteArray *out);

/* The list those bytes describe, its fonts loaded through context's font
 * map. NULL with *error set (caller frees) when the bytes are malformed or
 * truncated, a font loads from another file than the writer's, or an image
 * cannot be decoded again. */
struct display_list *dl_wire_decode(const unsigned char *bytes, size_t length,
				    PangoContext *context, char **error);

#endif
