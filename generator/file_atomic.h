/* Files written whole or not at all: bytes go to a temporary file in the
 * destination's own folder (so the final rename never crosses a file
 * system), gathered first in a fixed buffer of a few hundred KiB so that a
 * PDF costs a handful of write calls rather than thousands. The file is
 * flushed to disk and renamed over the destination only when every write
 * succeeded. On any error the temporary file is removed and a previous file
 * at the destination is left as it was. Used by the draw stage and by batch
 * builds. The temporary file is DIR/.NAME.PID-N.tmp (N counts within the
 * process); this module alone reads that name back: to remove what a
 * killed batch worker left, what a process no longer running left (at the
 * next write to the same path), and, from a signal handler, what this
 * process is writing when it is told to stop.
 *
 * Ownership: file_atomic_open returns a handle that exactly one of
 * file_atomic_commit() or file_atomic_abort() ends and frees. */
#ifndef FILE_ATOMIC_H
#define FILE_ATOMIC_H

#include <stddef.h>

#include "diag.h"

struct file_atomic;

/* Create the temporary file for path, first removing the temporaries of
 * path whose process no longer exists. NULL with a diagnostic (naming path
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

/* Remove the temporary files that process pid left for path (a batch
 * worker that died while writing it). */
void file_atomic_remove_temporaries(const char *path, long pid);

/* From now on SIGINT, SIGTERM, SIGHUP and SIGXFSZ (a file past `ulimit -f`)
 * remove every temporary file still open, print one line on standard error
 * and end the process as the signal would (SIGXFSZ: exit status 153, no
 * core file). A signal ignored when this is called stays ignored. For
 * render, preview and watch; batch workers block the stop signals and
 * finish their document instead (batch_pool.c). */
void file_atomic_remove_on_signals(void);

#endif
