/* The worker pool: fork, hand out job numbers, read answers, replace
 * workers that die. One pair of pipes per worker: tasks down, answers up. */
#include "batch.h"
#include "batch_wire.h"
#include "file_atomic.h"
#include "memory.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define NO_JOB ((size_t)-1)

/* Set by SIGINT, SIGTERM or SIGHUP while the pool runs: no more jobs are
 * handed out, those in hand are finished, the rest stay PENDING. */
static volatile sig_atomic_t stop_requested;

static void request_stop(int sig)
{
	(void)sig;
	stop_requested = 1;
}

static const int stop_signals[] = { SIGINT, SIGTERM, SIGHUP };
#define STOP_SIGNAL_COUNT (sizeof stop_signals / sizeof stop_signals[0])

struct worker {
	pid_t pid;        /* 0: no process */
	int task_fd;      /* parent writes job numbers */
	int answer_fd;    /* parent reads answers */
	size_t job;       /* job in hand, or NO_JOB */
	double started_ms;
};

struct pool {
	struct batch_job *jobs;
	size_t count;
	struct worker *workers;
	size_t worker_count;
	const struct batch_worker_ops *ops;
	size_t *order;    /* the PENDING jobs, largest source first */
	size_t order_count;
	size_t next;      /* first of order not yet handed out */
	size_t done, failed;
	batch_done_fn on_done;
	void *ctx;
	struct pollfd *fds;   /* one per worker holding a job */
	size_t *owner;        /* fds[k] belongs to workers[owner[k]] */
};

static const char *file_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

int batch_test_crash_requested(const char *source)
{
	const char *name = getenv("COMMITTEE_PDF_TEST_CRASH");
	return name && *name &&
	       (strcmp(name, source) == 0 || strcmp(name, file_name(source)) == 0);
}

static void worker_main(const struct pool *pool, int task_fd, int answer_fd)
{
	const struct batch_worker_ops *ops = pool->ops;
	struct diag_list open_diags = { 0 };
	void *state = ops->open ? ops->open(ops->arg, &open_diags) : NULL;
	int opened = !ops->open || state != NULL;
	uint32_t job;
	while (batch_wire_read_all(task_fd, &job, sizeof job) == 0) {
		if (job >= pool->count)
			break;
		const struct batch_job *j = &pool->jobs[job];
		struct diag_list diags = { 0 };
		int status = 1;
		if (!opened) {
			for (size_t i = 0; i < open_diags.count; i++) {
				const struct diag *d = &open_diags.items[i];
				diag_copy(&diags, d);
			}
		} else {
			status = ops->run(state, j->source, j->output, &diags);
		}
		unsigned char *answer;
		size_t size;
		batch_wire_encode(job, status != 0, &diags, &answer, &size);
		int rc = batch_wire_write_all(answer_fd, answer, size);
		free(answer);
		diag_list_free(&diags);
		if (rc < 0)
			break;
	}
	if (opened && ops->close)
		ops->close(state);
	diag_list_free(&open_diags);
	close(task_fd);
	close(answer_fd);
}

static void close_worker_fds(struct worker *w)
{
	if (w->task_fd >= 0)
		close(w->task_fd);
	if (w->answer_fd >= 0)
		close(w->answer_fd);
	w->task_fd = w->answer_fd = -1;
}

/* 0 on success; -1 when pipes or fork fail (the pool runs with fewer).
 * A worker finishes its document however the parent is told to stop, so
 * no output is left half written. */
static int spawn(struct pool *pool, struct worker *w)
{
	int task_fd, answer_fd;
	pid_t pid = batch_fork_worker(&task_fd, &answer_fd);
	if (pid < 0)
		return -1;
	if (pid == 0) {
		for (size_t i = 0; i < pool->worker_count; i++)
			if (&pool->workers[i] != w)
				close_worker_fds(&pool->workers[i]);
		worker_main(pool, task_fd, answer_fd);
		_exit(0);
	}
	w->pid = pid;
	w->task_fd = task_fd;
	w->answer_fd = answer_fd;
	w->job = NO_JOB;
	return 0;
}

static void finish(struct pool *pool, size_t job, int failed)
{
	struct batch_job *j = &pool->jobs[job];
	j->state = failed ? BATCH_FAILED : BATCH_BUILT;
	pool->done++;
	pool->failed += failed != 0;
	if (pool->on_done)
		pool->on_done(pool->ctx, j, pool->done, pool->failed);
}

static size_t next_pending(struct pool *pool)
{
	if (stop_requested)
		return NO_JOB;
	return pool->next < pool->order_count ? pool->order[pool->next++]
					      : NO_JOB;
}

/* Reap a dead or finished worker; when it held a job, fail the job with
 * why the worker died. */
static void bury(struct pool *pool, struct worker *w)
{
	close_worker_fds(w);
	int status = 0;
	pid_t r;
	do
		r = waitpid(w->pid, &status, 0);
	while (r < 0 && errno == EINTR);
	pid_t pid = w->pid;
	w->pid = 0;
	if (w->job == NO_JOB)
		return;
	struct batch_job *j = &pool->jobs[w->job];
	/* Killed while writing: its temporary file goes too. */
	file_atomic_remove_temporaries(j->output, (long)pid);
	j->elapsed_ms = batch_now_ms() - w->started_ms;
	if (r > 0 && WIFSIGNALED(status)) {
		j->signal = WTERMSIG(status);
		diag_add(&j->diags, DIAG_ERROR, j->source, 0, 0,
			 "worker killed by signal %d", j->signal);
	} else {
		diag_add(&j->diags, DIAG_ERROR, j->source, 0, 0,
			 "worker ended without an answer (exit status %d)",
			 r > 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	}
	size_t job = w->job;
	w->job = NO_JOB;
	finish(pool, job, 1);
}

/* Give the worker its next job, or let it go when none is left. */
static void feed(struct pool *pool, struct worker *w)
{
	size_t job = next_pending(pool);
	if (job == NO_JOB) {
		close(w->task_fd); /* end of file: the worker exits */
		w->task_fd = -1;
		return;
	}
	w->job = job;
	w->started_ms = batch_now_ms();
	uint32_t number = (uint32_t)job;
	if (batch_wire_write_all(w->task_fd, &number, sizeof number) < 0)
		bury(pool, w); /* died before it could read: blame the job */
}

static void read_answer(struct pool *pool, struct worker *w)
{
	uint32_t job;
	int status;
	struct diag_list diags = { 0 };
	if (batch_wire_read_answer(w->answer_fd, &job, &status, &diags) < 0 ||
	    job != w->job) {
		diag_list_free(&diags);
		bury(pool, w);
		return;
	}
	struct batch_job *j = &pool->jobs[job];
	j->elapsed_ms = batch_now_ms() - w->started_ms;
	for (size_t i = 0; i < diags.count; i++) {
		const struct diag *d = &diags.items[i];
		diag_copy(&j->diags, d);
	}
	diag_list_free(&diags);
	w->job = NO_JOB;
	finish(pool, job, status != 0);
	feed(pool, w);
}

static size_t pending_count(const struct batch_job *jobs, size_t count)
{
	size_t n = 0;
	for (size_t i = 0; i < count; i++)
		n += jobs[i].state == BATCH_PENDING;
	return n;
}

/* Workers still holding a job or still to be fed. */
static int busy(const struct pool *pool)
{
	for (size_t i = 0; i < pool->worker_count; i++)
		if (pool->workers[i].job != NO_JOB)
			return 1;
	return 0;
}

static void fail_unstarted(struct pool *pool)
{
	size_t job;
	while ((job = next_pending(pool)) != NO_JOB) {
		diag_add(&pool->jobs[job].diags, DIAG_ERROR,
			 pool->jobs[job].source, 0, 0,
			 "no worker process could be started: %s",
			 strerror(errno));
		finish(pool, job, 1);
	}
}

/* Start or restart workers while jobs wait for them. */
static void staff(struct pool *pool)
{
	if (stop_requested)
		return;
	for (size_t i = 0; i < pool->worker_count; i++) {
		struct worker *w = &pool->workers[i];
		if (pool->next >= pool->order_count)
			return;
		if (w->pid == 0 && spawn(pool, w) == 0)
			feed(pool, w);
	}
}

static void wait_for_answers(struct pool *pool)
{
	struct pollfd *fds = pool->fds;
	size_t *owner = pool->owner;
	for (;;) {
		staff(pool);
		size_t n = 0;
		for (size_t i = 0; i < pool->worker_count; i++) {
			struct worker *w = &pool->workers[i];
			if (w->pid == 0 || w->job == NO_JOB)
				continue;
			fds[n] = (struct pollfd){ .fd = w->answer_fd,
						  .events = POLLIN };
			owner[n++] = i;
		}
		if (n == 0) {
			if (!stop_requested &&
			    pending_count(pool->jobs, pool->count) > 0 &&
			    !busy(pool))
				fail_unstarted(pool);
			break;
		}
		int ready = poll(fds, n, BATCH_TICK_MS);
		if (ready < 0 && errno != EINTR)
			break;
		if (ready <= 0) {
			if (pool->on_done)
				pool->on_done(pool->ctx, NULL, pool->done,
					      pool->failed);
			continue;
		}
		for (size_t k = 0; k < n; k++)
			if (fds[k].revents)
				read_answer(pool, &pool->workers[owner[k]]);
	}
}

/* The pending jobs, largest source first. */
static void plan_order(struct pool *pool)
{
	const char **sources = mem_array(pool->count + 1, sizeof *sources);
	pool->order = mem_array(pool->count + 1, sizeof *pool->order);
	for (size_t i = 0; i < pool->count; i++) {
		sources[i] = pool->jobs[i].source;
		if (pool->jobs[i].state == BATCH_PENDING)
			pool->order[pool->order_count++] = i;
	}
	batch_order_largest_first(pool->order, pool->order_count, sources);
	free(sources);
}

size_t batch_run(struct batch_job *jobs, size_t count, int workers,
		 const struct batch_worker_ops *ops, batch_done_fn on_done,
		 void *ctx)
{
	size_t pending = pending_count(jobs, count);
	if (pending == 0)
		return 0;
	if (workers < 1)
		workers = 1;
	struct pool pool = {
		.jobs = jobs, .count = count, .ops = ops,
		.on_done = on_done, .ctx = ctx,
		.worker_count = (size_t)workers < pending ? (size_t)workers : pending,
	};
	pool.workers = mem_array(pool.worker_count, sizeof *pool.workers);
	pool.fds = mem_array(pool.worker_count, sizeof *pool.fds);
	pool.owner = mem_array(pool.worker_count, sizeof *pool.owner);
	plan_order(&pool);
	for (size_t i = 0; i < pool.worker_count; i++)
		pool.workers[i] = (struct worker){ .task_fd = -1,
						   .answer_fd = -1,
						   .job = NO_JOB };
	/* A worker gone before reading its task must not kill the parent. */
	struct sigaction ignore = { .sa_handler = SIG_IGN }, saved;
	sigaction(SIGPIPE, &ignore, &saved);
	struct sigaction stop = { .sa_handler = request_stop };
	struct sigaction saved_stop[STOP_SIGNAL_COUNT];
	stop_requested = 0;
	for (size_t i = 0; i < STOP_SIGNAL_COUNT; i++)
		sigaction(stop_signals[i], &stop, &saved_stop[i]);

	wait_for_answers(&pool);
	for (size_t i = 0; i < pool.worker_count; i++)
		if (pool.workers[i].pid != 0)
			bury(&pool, &pool.workers[i]);

	sigaction(SIGPIPE, &saved, NULL);
	for (size_t i = 0; i < STOP_SIGNAL_COUNT; i++)
		sigaction(stop_signals[i], &saved_stop[i], NULL);
	free(pool.workers);
	free(pool.fds);
	free(pool.owner);
	free(pool.order);
	return pool.failed;
}

void batch_jobs_free(struct batch_job *jobs, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(jobs[i].source);
		free(jobs[i].output);
		diag_list_free(&jobs[i].diags);
	}
	free(jobs);
}
