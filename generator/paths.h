/* Paths: where the program finds its shipped data (schemas, layouts,
 * fonts): the COMMITTEE_PDF_DATADIR environment variable, else
 * PREFIX/share/committee-pdf beside an installed binary, else the source
 * tree a build/ binary sits in; and the one rule for files that a source
 * names (house style, previous quarter, and every such attribute to come),
 * with opening that never blocks on a FIFO or reads a device. */
#ifndef PATHS_H
#define PATHS_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "diag.h"

/* Borrowed; valid for the life of the process. Never NULL. */
const char *paths_data_dir(void);

/* Paths below the data dir; caller frees with free(). */
char *paths_schema(const char *file_name);   /* e.g. "committee-paper.xsd" */
char *paths_layouts_dir(void);
char *paths_fonts_conf(void);

/* Folder part of a path ("." when it has none); caller frees. */
char *paths_dirname(const char *path);

/* A path named inside a file, read from that file's folder dir: an
 * absolute path as is, else dir/path. Caller frees. */
char *paths_beside(const char *dir, const char *path);

/* What a file that is not a regular one is, in words ("a FIFO", "a
 * device", "a folder", "a socket"); NULL for a regular file. Static. */
const char *paths_irregular_kind(mode_t mode);

/* Open path for reading only when it is a regular file: stat first (so a
 * FIFO or device is never opened), then open with O_NONBLOCK and fstat the
 * descriptor (so one swapped in meanwhile cannot block or be read). Returns
 * the descriptor (O_CLOEXEC, blocking again; caller closes), or -1 with
 * errno set; when the file is there but irregular, *kind (if not NULL) says
 * what it is and errno is EINVAL. */
int paths_open_regular(const char *path, const char **kind);

/* The same as a stdio stream, for readers that use one ("rb"). */
FILE *paths_fopen_regular(const char *path);

/* The whole of fd (as paths_open_regular opens it), reading no further than
 * max_bytes + 1: NULL with errno EFBIG when it holds more than max_bytes,
 * NULL with read's errno when reading fails. Caller frees; *length is how
 * many bytes it holds. */
char *paths_read_bounded(int fd, size_t max_bytes, size_t *length);

/* " (16 MiB)" or " (4 KiB)" for a limit in whole units, else "": what a
 * size limit's message adds to its bytes. Caller frees. */
char *paths_size_words(size_t bytes);

/* --allow-dir DIR: a folder that files named in sources may lie in besides
 * their own. Called while reading options, before any worker or thread
 * starts; kept for the life of the process. 0, or -1 with errno when DIR
 * is not a folder that can be resolved. */
int paths_allow_dir(const char *dir);
void paths_allow_clear(void); /* forget every allowed folder (tests) */

/* Who names a file: the source (its path as given, "-" for standard
 * input, whose folder is the current one), the attribute and its position,
 * and the command-line option that may name such a file instead (NULL when
 * there is none), for the message. */
struct paths_naming {
	const char *source;
	const char *attribute;   /* "layout", "previous-source" */
	unsigned line, col;      /* of the attribute */
	const char *option;      /* "--layout", "--previous", or NULL */
};

/* The one rule for a path named inside a source: relative to the source's
 * folder, and it may not leave it (no absolute path, no ".." out of it, no
 * symbolic link out of it, decided by comparing resolved real paths)
 * unless it leads into a folder given to paths_allow_dir. Only a regular
 * file of at most max_bytes is accepted (0: no limit). Folders outside are
 * refused by their name alone, so a source cannot probe what exists there.
 * Returns the path to open, the source's folder joined with value (caller
 * frees), or NULL after one error at the attribute naming it (diags may be
 * NULL to refuse quietly). */
char *paths_named(const struct paths_naming *naming, const char *value,
		  size_t max_bytes, struct diag_list *diags);

#endif
