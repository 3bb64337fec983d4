/* A worker process and its two pipes, made the same way for build's pool
 * and the pack's. */
#include "batch_wire.h"

#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static void close_pair(int fds[2])
{
	close(fds[0]);
	close(fds[1]);
}

pid_t batch_fork_worker(int *task_fd, int *answer_fd)
{
	int down[2], up[2];
	if (pipe(down) < 0)
		return -1;
	if (pipe(up) < 0) {
		close_pair(down);
		return -1;
	}
	/* Unflushed output would otherwise be written twice. */
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0) {
		close_pair(down);
		close_pair(up);
		return -1;
	}
	if (pid == 0) {
		close(down[1]);
		close(up[0]);
		signal(SIGPIPE, SIG_DFL);
		/* Ctrl-C reaches the whole process group: the parent stops (and
		 * removes what it was writing), a worker finishes what it holds
		 * and ends when its task pipe closes. */
		static const int stop_signals[] = { SIGINT, SIGTERM, SIGHUP };
		sigset_t stop;
		sigemptyset(&stop);
		for (size_t i = 0; i < sizeof stop_signals / sizeof *stop_signals; i++)
			sigaddset(&stop, stop_signals[i]);
		sigprocmask(SIG_BLOCK, &stop, NULL);
		*task_fd = down[0];
		*answer_fd = up[1];
		return 0;
	}
	close(down[0]);
	close(up[1]);
	*task_fd = down[1];
	*answer_fd = up[0];
	return pid;
}
