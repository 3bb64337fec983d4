#include "pack_draw.h"
#include "batch.h"
#include "batch_wire.h"
#include "draw.h"
#include "file_atomic.h"
#include "memory.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int draw_here(struct display_list **lists, const char *const *paths,
		     size_t count, struct diag_list *diags)
{
	int status = 0;
	for (size_t i = 0; i < count; i++) {
		if (status == 0)
			status = draw_pdf_releasing(lists[i], paths[i], diags);
		dl_free(lists[i]);
		lists[i] = NULL;
	}
	return status;
}

/* In the child: draw, answer with the status and diagnostics, end. The
 * list is only read (not released page by page): its memory stays shared
 * with the parent's, where a write would copy each page it touched. */
static void draw_child(const struct display_list *list, const char *path,
		       uint32_t number, int answer_fd)
{
	struct diag_list diags = { 0 };
	if (batch_test_crash_requested(path)) {
		/* The COMMITTEE_PDF_TEST_CRASH hook: die as a crash while
		 * writing would, its temporary file half written. */
		struct file_atomic *file = file_atomic_open(path, &diags);
		if (file)
			file_atomic_write(file, "%PDF-1.7\n", 9);
		raise(SIGKILL);
	}
	int status = draw_pdf(list, path, &diags);
	unsigned char *answer;
	size_t size;
	batch_wire_encode(number, status != 0, &diags, &answer, &size);
	int rc = batch_wire_write_all(answer_fd, answer, size);
	_exit(rc == 0 ? 0 : 1);
}

struct drawer {
	pid_t pid;
	int answer_fd;
};

/* Read k's answer and reap it; 0 when it drew its file. */
static int collect(struct drawer *d, uint32_t number, const char *path,
		   struct diag_list *diags)
{
	uint32_t job = 0;
	int failed = 1;
	struct diag_list said = { 0 };
	int answered = batch_wire_read_answer(d->answer_fd, &job, &failed,
					      &said) == 0 && job == number;
	close(d->answer_fd);
	int wait_status = 0;
	pid_t r;
	do
		r = waitpid(d->pid, &wait_status, 0);
	while (r < 0 && errno == EINTR);
	for (size_t i = 0; i < said.count; i++)
		diag_copy(diags, &said.items[i]);
	diag_list_free(&said);
	if (answered)
		return failed != 0;
	/* Killed while writing: its temporary file goes too. */
	file_atomic_remove_temporaries(path, (long)d->pid);
	if (r > 0 && WIFSIGNALED(wait_status))
		diag_add(diags, DIAG_ERROR, path, 0, 0,
			 "the process drawing this file was killed by signal %d",
			 WTERMSIG(wait_status));
	else
		diag_add(diags, DIAG_ERROR, path, 0, 0,
			 "the process drawing this file ended without an answer");
	return 1;
}

int pack_draw_files(struct display_list **lists, const char *const *paths,
		    size_t count, int concurrent, struct diag_list *diags)
{
	if (!concurrent || count < 2)
		return draw_here(lists, paths, count, diags);
	struct drawer *drawers = mem_array(count, sizeof *drawers);
	size_t started = 0;
	int status = 0;
	for (; started < count; started++) {
		int up[2];
		if (pipe(up) < 0)
			break;
		fflush(stdout);
		fflush(stderr);
		pid_t pid = fork();
		if (pid < 0) {
			close(up[0]);
			close(up[1]);
			break;
		}
		if (pid == 0) {
			close(up[0]);
			for (size_t k = 0; k < started; k++)
				close(drawers[k].answer_fd);
			signal(SIGPIPE, SIG_DFL);
			draw_child(lists[started], paths[started],
				   (uint32_t)started, up[1]);
		}
		close(up[1]);
		drawers[started] = (struct drawer){ pid, up[0] };
	}
	if (started < count) {
		diag_add(diags, DIAG_ERROR, paths[started], 0, 0,
			 "no process could be started to draw this file: %s",
			 strerror(errno));
		status = 1;
	}
	for (size_t k = 0; k < started; k++)
		status |= collect(&drawers[k], (uint32_t)k, paths[k], diags);
	/* Freed once no child shares their memory, which a free while they
	 * draw would copy page by page. */
	for (size_t k = 0; k < count; k++) {
		dl_free(lists[k]);
		lists[k] = NULL;
	}
	free(drawers);
	return status;
}
