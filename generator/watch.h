/* Watch mode for render, preview and pack: build once, then again each
 * time the source (or meeting), its house style or a file it is made
 * from changes. Editors (and
 * Excel and LibreOffice) save by writing a new file and
 * renaming it over the old one, so the folders are watched (inotify) and
 * events filtered by file name; a burst of events within WATCH_DEBOUNCE_MS
 * is one change. SIGINT, SIGTERM and SIGHUP are held back during a rebuild
 * so that stopping never leaves a half-written temporary file. The rebuild
 * callback prints; this module never does. */
#ifndef WATCH_H
#define WATCH_H

#include "diag.h"

#define WATCH_DEBOUNCE_MS 50

/* One rebuild: its return value is ignored (a failed rebuild keeps the last
 * good output, since outputs are written atomically), watching goes on. */
typedef int (*watch_rebuild_fn)(void *ctx);

/* Calls rebuild once, then after every change to source_path or to the
 * files it is made from (batch_inputs: its house style, chosen by
 * layout_option, --layout NAME|PATH or NULL for the source's own, and the
 * previous quarters it compares with and the workbooks holding its rows;
 * looked up again after each rebuild, so a source that switches style is
 * followed, while one that was deleted stays watched until it is back).
 * Returns 0 after max_rounds
 * rebuilds (0: never), 1 with a diagnostic when the folders cannot be
 * watched. */
int watch_run(const char *source_path, const char *layout_option,
	      watch_rebuild_fn rebuild, void *ctx, int max_rounds,
	      struct diag_list *diags);

/* The files main_path is made from now: fills *paths with the count
 * returned (each and the array freed by the watcher). Those missing are
 * left out. */
typedef size_t (*watch_files_fn)(void *ctx, char ***paths);

/* watch_run for any set of files: main_path (a paper, a meeting) is
 * watched throughout, and the files `files` gives are looked up again
 * before each rebuild (a paper added to a meeting is then watched; one
 * that went missing stays watched until it is back). Returns as
 * watch_run. */
int watch_run_files(const char *main_path, watch_files_fn files,
		    watch_rebuild_fn rebuild, void *ctx, int max_rounds,
		    struct diag_list *diags);

#endif
