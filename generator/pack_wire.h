/* What a pack's parent and its workers say over their pipes (pack_pool.c).
 * Down, a task of PACK_WIRE_TASK_BYTES: u32 op, u32 job, u32 first page,
 * u32 total pages. Up, a message: u32 size of the rest | u8 kind | body,
 * all integers little-endian:
 *   PACK_WIRE_PAGINATED: u32 job | u32 page count | u32 n, paragraph[n] |
 *     the job's status and diagnostics as batch_wire.h encodes an answer
 *     (its own size prefix included, its job the same);
 *   PACK_WIRE_FINISHED: u32 job | u8 has list | the list's bytes
 *     (display_list_wire.h) when it has one.
 * Readers trust nothing: every length is checked against what remains.
 * Private to pack_pool.c and its tests. */
#ifndef PACK_WIRE_H
#define PACK_WIRE_H

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

#include "diag.h"

enum pack_wire_op { PACK_WIRE_PAGINATE = 1, PACK_WIRE_FINISH = 2 };
enum pack_wire_kind { PACK_WIRE_PAGINATED = 1, PACK_WIRE_FINISHED = 2 };

#define PACK_WIRE_TASK_BYTES 16
/* A longer message is refused: a display list's limit and room to spare. */
#define PACK_WIRE_MAX_BYTES (1024u * 1024u * 1024u + 4096u)

struct pack_wire_task {
	uint32_t op, job, first_page, total_pages;
};

void pack_wire_task_encode(const struct pack_wire_task *task,
			   unsigned char out[PACK_WIRE_TASK_BYTES]);
/* 0, or -1 for an unknown op. */
int pack_wire_task_decode(const unsigned char in[PACK_WIRE_TASK_BYTES],
			  struct pack_wire_task *task);

/* Append a whole PAGINATED message to out. paragraph may be NULL. */
void pack_wire_paginated_encode(GByteArray *out, uint32_t job, int status,
				size_t page_count, const char *paragraph,
				const struct diag_list *diags);

/* Start a FINISHED message in an empty out; the caller appends the list's
 * bytes (has_list) and then seals it with pack_wire_seal. */
void pack_wire_finished_begin(GByteArray *out, uint32_t job, int has_list);
void pack_wire_seal(GByteArray *out);

/* Read one message (blocking): *body (caller frees) is what follows the
 * size prefix and the kind. 0, or -1 on end of file, a size over
 * PACK_WIRE_MAX_BYTES or an unknown kind. */
int pack_wire_read(int fd, unsigned *kind, unsigned char **body,
		   size_t *size);

/* A PAGINATED body: appends its diagnostics to diags; paragraph takes at
 * most paragraph_size - 1 bytes (a longer one is malformed). 0, or -1
 * when the bytes are malformed. */
int pack_wire_paginated_decode(const unsigned char *body, size_t size,
			       uint32_t *job, int *status, size_t *page_count,
			       char *paragraph, size_t paragraph_size,
			       struct diag_list *diags);

/* A FINISHED body: *list points into body at the list's bytes (*list_size
 * of them; 0 and NULL when it has none). 0, or -1 when malformed. */
int pack_wire_finished_decode(const unsigned char *body, size_t size,
			      uint32_t *job, const unsigned char **list,
			      size_t *list_size);

#endif
