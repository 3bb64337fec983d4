/* Files written whole or not at all: bytes go to a temporary file in the
 * destination's own folder (so the final rename never crosses a file
 * system), gathered first in a fixed buffer of a few hundred KiB so that a
 * PDF costs a handful of write calls rather than thousands. The file is
 * flushed to disk and renamed over the destination only when every write
 * succeeded. On any error the temporary file is removed and a previous file
 * at the destination is left as it was. Used by the draw stage and by batch
 * builds. The temporary file is DIR/.NAME.PID-N.tmp (N counts within the
 * process): batch_pool.c relies on that name to remove what a killed worker
 * left.
 *
 * Ownership: file_atomic_open returns a handle that exactly one of
 * file_atomic_commit() or file_atomic_abort() ends and frees. */
#ifndef FILE_ATOMIC_H
#define FILE_ATOMIC_H

#include <stddef.h>

#include "diag.h"

struct file_atomic;

/* Create the temporary file for path. NULL with a diagnostic (naming path
 * and the reason, e.g. a missing or read-only folder) on failure. */
struct file_atomic *file_atomic_open(const char *path, struct diag_list *diags);

/* Append bytes (buffered: a write error may surface only at a later call
 * or at commit). The first failure is remembered and reported by commit;
 * returns 0 on success, -1 once anything has failed. */
int file_atomic_write(struct file_atomic *file, const void *bytes,
		      size_t length);

/* Remember a failure found by the producer of the bytes (for example a
 * Cairo error) so that commit refuses; message is kept for the diagnostic. */
void file_atomic_fail(struct file_atomic *file, const char *message);

/* Write what is buffered, sync the file, rename it into place and sync its
 * folder (one fsync each per file). 0 on success; -1 with a diagnostic,
 * the temporary removed and the destination untouched, on failure. */
int file_atomic_commit(struct file_atomic *file, struct diag_list *diags);

/* Give up: remove the temporary file, leave the destination untouched. */
void file_atomic_abort(struct file_atomic *file);

/* The temporary file's path while open (tests check it disappears). */
const char *file_atomic_temp_path(const struct file_atomic *file);

#endif
