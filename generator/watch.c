/* Watch mode on inotify: see watch.h. */
#include "watch.h"
#include "batch.h"
#include "memory.h"
#include "paths.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#define WATCH_EVENTS (IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE)

/* One watched file: the folder's watch and the name within it. */
struct watched {
	int wd;          /* -1: nothing watched */
	char *dir;
	char *name;
};

struct watcher {
	int fd;
	struct watched source;   /* the main file, watched throughout */
	struct watched *inputs;  /* what `files` gave: house styles, papers … */
	size_t input_count;
	struct diag_list *diags;
};

static const char *file_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static void watched_clear(struct watched *w)
{
	free(w->dir);
	free(w->name);
	*w = (struct watched){ .wd = -1 };
}

static int watch_file(struct watcher *watcher, struct watched *w,
		      const char *path)
{
	char *dir = paths_dirname(path);
	/* A folder watched already (the source's, say) gets the same
	 * descriptor back, so one event can match several files. */
	int wd = inotify_add_watch(watcher->fd, dir, WATCH_EVENTS);
	if (wd < 0) {
		diag_add(watcher->diags, DIAG_ERROR, dir, 0, 0,
			 "cannot watch folder: %s", strerror(errno));
		free(dir);
		return 1;
	}
	watched_clear(w);
	w->wd = wd;
	w->dir = dir;
	w->name = mem_strdup(file_name(path));
	return 0;
}

static int matches(const struct watched *w, const struct inotify_event *e)
{
	return w->wd >= 0 && e->wd == w->wd && e->len > 0 &&
	       strcmp(e->name, w->name) == 0;
}

/* Read what is waiting; 1 when a watched file changed, 0 when not, -1 on
 * error. */
static int drain(struct watcher *watcher)
{
	/* Aligned as the kernel writes whole events into it. */
	char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
	ssize_t n;
	do
		n = read(watcher->fd, buf, sizeof buf);
	while (n < 0 && errno == EINTR);
	if (n <= 0)
		return -1;
	int changed = 0;
	for (char *p = buf; p < buf + n;) {
		const struct inotify_event *e = (const struct inotify_event *)p;
		changed |= matches(&watcher->source, e);
		for (size_t i = 0; i < watcher->input_count; i++)
			changed |= matches(&watcher->inputs[i], e);
		p += sizeof *e + e->len;
	}
	return changed;
}

/* Block until a watched file changes and the events have been quiet for
 * WATCH_DEBOUNCE_MS. 0 on change, -1 on error. */
static int wait_for_change(struct watcher *watcher)
{
	int changed = 0;
	while (!changed) {
		changed = drain(watcher);
		if (changed < 0)
			return -1;
	}
	struct pollfd pfd = { .fd = watcher->fd, .events = POLLIN };
	for (;;) {
		int r = poll(&pfd, 1, WATCH_DEBOUNCE_MS);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return r == 0 ? 0 : -1;
		if (drain(watcher) < 0)
			return -1;
	}
}

static void clear_inputs(struct watcher *watcher)
{
	for (size_t i = 0; i < watcher->input_count; i++)
		watched_clear(&watcher->inputs[i]);
	free(watcher->inputs);
	watcher->inputs = NULL;
	watcher->input_count = 0;
}

static char *watched_path(const struct watched *w)
{
	return mem_printf("%s/%s", w->dir, w->name);
}

/* An input that was watched and is gone now (deleted, or renamed away by
 * a checkout): the source still names it, and its return is a change. */
static int is_gone(const struct watched *w)
{
	char *path = watched_path(w);
	int gone = access(path, F_OK) != 0 && errno == ENOENT;
	free(path);
	return gone;
}

static int listed(char **paths, size_t count, const struct watched *w)
{
	char *path = watched_path(w);
	int found = 0;
	for (size_t i = 0; i < count && !found; i++)
		found = strcmp(paths[i], path) == 0;
	free(path);
	return found;
}

/* Follow the files the main file uses now (an edit may change them), and
 * keep those that went missing, which `files` cannot find. The folders
 * watched before stay watched: events of files no longer followed do not
 * match. */
static void follow_inputs(struct watcher *watcher, watch_files_fn files,
			  void *ctx)
{
	char **paths = NULL;
	size_t count = files(ctx, &paths);
	size_t kept = 0;
	for (size_t i = 0; i < watcher->input_count; i++) {
		struct watched *w = &watcher->inputs[i];
		if (is_gone(w) && !listed(paths, count, w))
			watcher->inputs[kept++] = *w;
		else
			watched_clear(w);
	}
	watcher->inputs = mem_resize(watcher->inputs, kept + count + 1,
				     sizeof *watcher->inputs);
	watcher->input_count = kept;
	for (size_t i = 0; i < count; i++) {
		struct watched *w = &watcher->inputs[watcher->input_count];
		*w = (struct watched){ .wd = -1 };
		if (watch_file(watcher, w, paths[i]) == 0)
			watcher->input_count++;
		free(paths[i]);
	}
	free(paths);
}

/* Ctrl-C or a kill while an output is being written would leave its
 * temporary file behind: such signals wait until the rebuild is over. */
static void rebuild_whole(watch_rebuild_fn rebuild, void *ctx)
{
	sigset_t stop, saved;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGHUP);
	sigprocmask(SIG_BLOCK, &stop, &saved);
	rebuild(ctx);
	sigprocmask(SIG_SETMASK, &saved, NULL);
}

int watch_run_files(const char *main_path, watch_files_fn files,
		    watch_rebuild_fn rebuild, void *ctx, int max_rounds,
		    struct diag_list *diags)
{
	struct watcher watcher = {
		.fd = inotify_init1(IN_CLOEXEC),
		.source = { .wd = -1 },
		.diags = diags,
	};
	if (watcher.fd < 0) {
		diag_add(diags, DIAG_ERROR, main_path, 0, 0,
			 "cannot watch for changes: %s", strerror(errno));
		return 1;
	}
	int status = watch_file(&watcher, &watcher.source, main_path);
	for (int round = 1; status == 0; round++) {
		follow_inputs(&watcher, files, ctx);
		rebuild_whole(rebuild, ctx);
		if (max_rounds > 0 && round >= max_rounds)
			break;
		if (wait_for_change(&watcher) < 0) {
			diag_add(diags, DIAG_ERROR, main_path, 0, 0,
				 "watching stopped: %s", strerror(errno));
			status = 1;
		}
	}
	watched_clear(&watcher.source);
	clear_inputs(&watcher);
	close(watcher.fd);
	return status;
}

/* watch_run's files: the source's, as batch_inputs finds them. */
struct source_watch {
	const char *source_path, *layout_option;
	watch_rebuild_fn rebuild;
	void *ctx;
};

static size_t source_files(void *ctx, char ***paths)
{
	const struct source_watch *w = ctx;
	return batch_inputs(w->source_path, w->layout_option, paths);
}

static int source_rebuild(void *ctx)
{
	const struct source_watch *w = ctx;
	return w->rebuild(w->ctx);
}

int watch_run(const char *source_path, const char *layout_option,
	      watch_rebuild_fn rebuild, void *ctx, int max_rounds,
	      struct diag_list *diags)
{
	struct source_watch w = { source_path, layout_option, rebuild, ctx };
	return watch_run_files(source_path, source_files, source_rebuild, &w,
			       max_rounds, diags);
}
