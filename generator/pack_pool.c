/* The pack's workers: fork, paginate (round 1), finish (round 2), reap. */
#include "pack_pool.h"
#include "batch.h"
#include "batch_wire.h"
#include "display_list_wire.h"
#include "memory.h"
#include "pack_wire.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define NO_JOB ((size_t)-1)

struct pack_worker {
	pid_t pid;        /* 0: none, or reaped */
	int task_fd;      /* parent writes tasks */
	int answer_fd;    /* parent reads answers */
	size_t job;       /* the job in hand, or NO_JOB */
};

struct pack_pool {
	const char *const *sources;
	size_t count;
	const struct pack_pool_ops *ops;
	struct pack_worker *workers;
	size_t worker_count;
	size_t *holder;   /* the worker holding each paginated job */
	size_t *order;    /* largest source first */
	size_t next;      /* first of order not yet handed out */
	int failed;       /* a worker failed: nothing more is asked */
	struct sigaction saved_pipe;
};

/* ---- the worker's side ---- */

static int answer(int fd, GByteArray *message)
{
	return batch_wire_write_all(fd, message->data, message->len);
}

static void worker_main(const struct pack_pool *pool, int task_fd,
			int answer_fd)
{
	const struct pack_pool_ops *ops = pool->ops;
	GByteArray *message = g_byte_array_new();
	unsigned char bytes[PACK_WIRE_TASK_BYTES];
	struct pack_wire_task task;
	while (batch_wire_read_all(task_fd, bytes, sizeof bytes) == 0 &&
	       pack_wire_task_decode(bytes, &task) == 0 &&
	       task.job < pool->count) {
		if (task.op == PACK_WIRE_PAGINATE) {
			/* The crash tests' hook: die as a crash would. */
			if (batch_test_crash_requested(pool->sources[task.job])) {
				g_byte_array_free(message, TRUE);
				raise(SIGKILL);
			}
			struct diag_list diags = { 0 };
			size_t pages = 0;
			char paragraph[sizeof ((struct pack_pool_result *)0)->paragraph] = "";
			int status = ops->paginate(ops->arg, task.job, &diags,
						   &pages, paragraph,
						   sizeof paragraph);
			pack_wire_paginated_encode(message, task.job,
						   status != 0 ||
							   diag_has_errors(&diags),
						   pages, paragraph, &diags);
			diag_list_free(&diags);
		} else {
			struct display_list *list =
				ops->finish(ops->arg, task.job, task.first_page,
					    task.total_pages);
			pack_wire_finished_begin(message, task.job, list != NULL);
			if (list)
				dl_wire_encode(list, message);
			dl_free(list);
			pack_wire_seal(message);
		}
		if (answer(answer_fd, message) < 0)
			break;
	}
	g_byte_array_free(message, TRUE);
	close(task_fd);
	close(answer_fd);
}

/* ---- the parent's side ---- */

static void close_fds(struct pack_worker *w)
{
	if (w->task_fd >= 0)
		close(w->task_fd);
	if (w->answer_fd >= 0)
		close(w->answer_fd);
	w->task_fd = w->answer_fd = -1;
}

static void free_pool(struct pack_pool *pool)
{
	free(pool->workers);
	free(pool->holder);
	free(pool->order);
	free(pool);
}

static int spawn(struct pack_pool *pool, struct pack_worker *w)
{
	int task_fd, answer_fd;
	pid_t pid = batch_fork_worker(&task_fd, &answer_fd);
	if (pid < 0)
		return -1;
	if (pid == 0) {
		for (size_t i = 0; i < pool->worker_count; i++)
			if (&pool->workers[i] != w)
				close_fds(&pool->workers[i]);
		worker_main(pool, task_fd, answer_fd);
		free_pool(pool);
		_exit(0);
	}
	*w = (struct pack_worker){ .pid = pid, .task_fd = task_fd,
				   .answer_fd = answer_fd, .job = NO_JOB };
	return 0;
}

/* Reap w; kill it first when it may still be busy. Returns the wait
 * status, or -1 when it could not be had. */
static int reap(struct pack_worker *w, int kill_it)
{
	close_fds(w);
	if (w->pid == 0)
		return -1;
	if (kill_it)
		kill(w->pid, SIGKILL);
	int status = 0;
	pid_t r;
	do
		r = waitpid(w->pid, &status, 0);
	while (r < 0 && errno == EINTR);
	w->pid = 0;
	return r > 0 ? status : -1;
}

/* A worker that died or said something malformed: the pack fails with
 * why, on the paper it held, and no worker is asked anything more. */
static void worker_failed(struct pack_pool *pool, struct pack_worker *w,
			  int malformed, struct diag_list *diags)
{
	const char *source = w->job != NO_JOB ? pool->sources[w->job] :
						pool->sources[0];
	int status = reap(w, 1);
	if (malformed)
		diag_add(diags, DIAG_ERROR, source, 0, 0,
			 "a pack worker sent a malformed answer");
	else if (status >= 0 && WIFSIGNALED(status))
		diag_add(diags, DIAG_ERROR, source, 0, 0,
			 "pack worker killed by signal %d", WTERMSIG(status));
	else
		diag_add(diags, DIAG_ERROR, source, 0, 0,
			 "pack worker ended without an answer (exit status %d)",
			 status >= 0 && WIFEXITED(status) ? WEXITSTATUS(status)
							 : -1);
	w->job = NO_JOB;
	pool->failed = 1;
}

static int send_task(struct pack_pool *pool, struct pack_worker *w,
		     const struct pack_wire_task *task, struct diag_list *diags)
{
	unsigned char bytes[PACK_WIRE_TASK_BYTES];
	pack_wire_task_encode(task, bytes);
	w->job = task->job;
	if (batch_wire_write_all(w->task_fd, bytes, sizeof bytes) == 0)
		return 0;
	worker_failed(pool, w, 0, diags);
	return -1;
}

/* Hand w its next paper, or nothing when none is left. */
static void feed(struct pack_pool *pool, struct pack_worker *w,
		 struct diag_list *diags)
{
	if (pool->next >= pool->count)
		return;
	struct pack_wire_task task = { PACK_WIRE_PAGINATE,
				       (uint32_t)pool->order[pool->next++], 0, 0 };
	send_task(pool, w, &task, diags);
}

/* Wait for one answer from the workers holding a job; returns the worker
 * whose answer is ready, NULL when none holds a job. progress is ticked
 * while nothing comes. */
static struct pack_worker *next_ready(struct pack_pool *pool,
				      pack_pool_progress_fn progress,
				      void *ctx, size_t done)
{
	struct pollfd *fds = mem_array(pool->worker_count, sizeof *fds);
	size_t *owner = mem_array(pool->worker_count, sizeof *owner);
	struct pack_worker *ready = NULL;
	for (;;) {
		size_t n = 0;
		for (size_t i = 0; i < pool->worker_count; i++) {
			struct pack_worker *w = &pool->workers[i];
			if (w->pid == 0 || w->job == NO_JOB)
				continue;
			fds[n] = (struct pollfd){ .fd = w->answer_fd,
						  .events = POLLIN };
			owner[n++] = i;
		}
		if (n == 0)
			break;
		int r = poll(fds, n, BATCH_TICK_MS);
		if (r < 0 && errno != EINTR)
			break;
		if (r <= 0) {
			if (progress)
				progress(ctx, done, pool->count);
			continue;
		}
		for (size_t k = 0; k < n && !ready; k++)
			if (fds[k].revents)
				ready = &pool->workers[owner[k]];
		break;
	}
	free(owner);
	free(fds);
	return ready;
}

/* Largest paper first, ties in item order. */
static void plan_order(struct pack_pool *pool)
{
	pool->order = mem_array(pool->count + 1, sizeof *pool->order);
	for (size_t i = 0; i < pool->count; i++)
		pool->order[i] = i;
	batch_order_largest_first(pool->order, pool->count, pool->sources);
}

static void paginate_all(struct pack_pool *pool, struct pack_pool_result *results,
			 pack_pool_progress_fn progress, void *ctx,
			 struct diag_list *diags, int *status)
{
	for (size_t i = 0; i < pool->worker_count; i++)
		feed(pool, &pool->workers[i], diags);
	size_t done = 0;
	struct pack_worker *w;
	while (!pool->failed && (w = next_ready(pool, progress, ctx, done))) {
		unsigned kind;
		unsigned char *body;
		size_t size, pages = 0;
		uint32_t job;
		int failed = 0;
		struct pack_pool_result *result = NULL;
		int read = pack_wire_read(w->answer_fd, &kind, &body, &size);
		if (read == 0 && kind == PACK_WIRE_PAGINATED) {
			char paragraph[sizeof results->paragraph];
			int rc = pack_wire_paginated_decode(body, size, &job, &failed,
							&pages, paragraph,
							sizeof paragraph, diags);
			if (rc == 0 && job == w->job) {
				result = &results[job];
				result->page_count = pages;
				memcpy(result->paragraph, paragraph,
				       sizeof paragraph);
			}
		}
		free(body);
		if (!result) {
			/* A whole message that makes no sense, or none. */
			worker_failed(pool, w, read == 0, diags);
			break;
		}
		pool->holder[job] = (size_t)(w - pool->workers);
		*status |= failed != 0;
		w->job = NO_JOB;
		if (progress)
			progress(ctx, ++done, pool->count);
		feed(pool, w, diags);
	}
	if (pool->failed)
		*status = 1;
}

struct pack_pool *pack_pool_start(const char *const *sources, size_t count,
				  int workers, const struct pack_pool_ops *ops,
				  struct pack_pool_result *results,
				  pack_pool_progress_fn progress,
				  void *progress_ctx, struct diag_list *diags,
				  int *status)
{
	struct pack_pool *pool = mem_alloc(sizeof *pool);
	*pool = (struct pack_pool){ .sources = sources, .count = count,
				    .ops = ops };
	*status = 0;
	if (workers < 1)
		workers = 1;
	pool->worker_count = (size_t)workers < count ? (size_t)workers : count;
	pool->workers = mem_array(pool->worker_count + 1, sizeof *pool->workers);
	pool->holder = mem_array(count + 1, sizeof *pool->holder);
	for (size_t i = 0; i < count; i++) {
		pool->holder[i] = NO_JOB;
		results[i] = (struct pack_pool_result){ 0 };
	}
	plan_order(pool);
	for (size_t i = 0; i < pool->worker_count; i++)
		pool->workers[i] = (struct pack_worker){ .task_fd = -1,
							 .answer_fd = -1,
							 .job = NO_JOB };
	/* A worker gone before reading its task must not kill the parent. */
	struct sigaction ignore = { .sa_handler = SIG_IGN };
	sigaction(SIGPIPE, &ignore, &pool->saved_pipe);
	for (size_t i = 0; i < pool->worker_count; i++) {
		if (spawn(pool, &pool->workers[i]) == 0)
			continue;
		diag_add(diags, DIAG_ERROR, sources[0], 0, 0,
			 "no pack worker process could be started: %s",
			 strerror(errno));
		pool->failed = 1;
		*status = 1;
		return pool;
	}
	paginate_all(pool, results, progress, progress_ctx, diags, status);
	return pool;
}

int pack_pool_finish(struct pack_pool *pool, const size_t *first_pages,
		     size_t total_pages, PangoContext *context,
		     struct display_list **lists, struct diag_list *diags)
{
	for (size_t k = 0; k < pool->count; k++)
		lists[k] = NULL;
	if (pool->failed)
		return 1;
	/* Each worker finishes its own papers, one task at a time. */
	size_t *next = mem_array(pool->worker_count + 1, sizeof *next);
	for (size_t i = 0; i < pool->worker_count; i++) {
		next[i] = 0;
		while (next[i] < pool->count && pool->holder[next[i]] != i)
			next[i]++;
	}
	int status = 0;
	for (size_t i = 0; i < pool->worker_count && !pool->failed; i++) {
		if (next[i] >= pool->count)
			continue;
		struct pack_wire_task task = {
			PACK_WIRE_FINISH, (uint32_t)next[i],
			(uint32_t)first_pages[next[i]], (uint32_t)total_pages };
		send_task(pool, &pool->workers[i], &task, diags);
	}
	struct pack_worker *w;
	while (!pool->failed && (w = next_ready(pool, NULL, NULL, 0))) {
		size_t i = (size_t)(w - pool->workers);
		unsigned kind;
		unsigned char *body;
		size_t size, list_size;
		const unsigned char *bytes;
		uint32_t job;
		int rc = pack_wire_read(w->answer_fd, &kind, &body, &size);
		if (rc == 0 && (kind != PACK_WIRE_FINISHED ||
				pack_wire_finished_decode(body, size, &job, &bytes,
							  &list_size) < 0 ||
				job != w->job)) {
			free(body);
			worker_failed(pool, w, 1, diags);
			break;
		}
		if (rc < 0) {
			free(body);
			worker_failed(pool, w, 0, diags);
			break;
		}
		if (bytes) {
			char *error = NULL;
			lists[job] = dl_wire_decode(bytes, list_size, context,
						    &error);
			if (!lists[job]) {
				diag_add(diags, DIAG_ERROR, pool->sources[job], 0, 0,
					 "a pack worker's display list cannot be "
					 "read: %s", error ? error : "malformed");
				free(error);
				status = 1;
			}
		}
		free(body);
		w->job = NO_JOB;
		do
			next[i]++;
		while (next[i] < pool->count && pool->holder[next[i]] != i);
		if (next[i] < pool->count) {
			struct pack_wire_task task = {
				PACK_WIRE_FINISH, (uint32_t)next[i],
				(uint32_t)first_pages[next[i]],
				(uint32_t)total_pages };
			send_task(pool, w, &task, diags);
		}
	}
	free(next);
	if (pool->failed)
		status = 1;
	if (status != 0)
		for (size_t k = 0; k < pool->count; k++) {
			dl_free(lists[k]);
			lists[k] = NULL;
		}
	return status;
}

void pack_pool_free(struct pack_pool *pool)
{
	if (!pool)
		return;
	/* A worker with no job in hand ends at the end of its task pipe; a
	 * busy one (the pack failed) is killed: it writes no file. */
	for (size_t i = 0; i < pool->worker_count; i++) {
		struct pack_worker *w = &pool->workers[i];
		if (w->pid == 0)
			continue;
		close(w->task_fd);
		w->task_fd = -1;
		reap(w, w->job != NO_JOB);
	}
	sigaction(SIGPIPE, &pool->saved_pipe, NULL);
	free_pool(pool);
}
