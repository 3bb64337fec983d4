/* What the batch parent and its workers say over their pipes. The parent
 * sends a job number (the worker, forked from it, already holds the job
 * table); the worker answers with the number, a status and the document's
 * diagnostics. Private to batch_pool.c and its tests.
 *
 * Answer layout, all integers little-endian u32 except level and status:
 *   u32 size of the rest | u32 job | u8 status | u32 diag count |
 *   per diag: u8 level, u32 line, u32 col, u32 n, file[n], u32 n, msg[n],
 *   u8 has_where, [u32 n, where[n]] */
#ifndef BATCH_WIRE_H
#define BATCH_WIRE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "diag.h"

#define BATCH_WIRE_MAX_BYTES (16u * 1024u * 1024u) /* a larger answer is refused */

/* Fork a worker joined to the parent by a pipe each way, tasks down and
 * answers up. In the child: returns 0 with *task_fd and *answer_fd its
 * ends, SIGPIPE at its default and SIGINT, SIGTERM and SIGHUP held back
 * (a worker ends when its task pipe closes); the child closes whatever
 * else of the parent's it must not keep. In the parent: the child's pid,
 * *task_fd and *answer_fd the parent's ends. -1 when a pipe or the fork
 * fails, with nothing left open. (batch_fork.c) */
pid_t batch_fork_worker(int *task_fd, int *answer_fd);

/* Write or read all of buf, retrying on EINTR and short counts. 0 on
 * success, -1 on error or (reading) end of file before size bytes. */
int batch_wire_write_all(int fd, const void *buf, size_t size);
int batch_wire_read_all(int fd, void *buf, size_t size);

/* Encode an answer; caller frees *out with free(). */
void batch_wire_encode(uint32_t job, int status, const struct diag_list *diags,
		       unsigned char **out, size_t *out_size);

/* Decode what follows the size prefix; appends to diags. 0 on success, -1
 * when the bytes are malformed. */
int batch_wire_decode(const unsigned char *buf, size_t size, uint32_t *job,
		      int *status, struct diag_list *diags);

/* Read one whole answer from fd (blocking). 0 on success, -1 on end of file
 * or malformed data (a worker that died while answering). */
int batch_wire_read_answer(int fd, uint32_t *job, int *status,
			   struct diag_list *diags);

#endif
