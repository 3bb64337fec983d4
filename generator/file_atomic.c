#include "file_atomic.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "memory.h"
#include "paths.h"

/* Cairo hands the PDF writer a few bytes at a time (thousands of calls per
 * document); gathered here they reach the kernel in a handful of write()s.
 * Large enough for a typical paper in one write, small enough not to count
 * against a long paper's memory. */
#define FILE_ATOMIC_BUFFER_BYTES (256 * 1024)

struct file_atomic {
	char *path;       /* destination */
	char *temp_path;  /* DIR/.NAME.PID-COUNTER.tmp */
	int fd;
	int error;        /* errno of the first failed write, or -1 for a
	                     failure reported by file_atomic_fail */
	char *fail_message;
	unsigned char *buffer; /* bytes not yet written; allocated on first use */
	size_t buffered;       /* bytes in buffer */
	int live_slot;         /* in the live registry, or -1 */
};

/* ---- the temporaries alive now, for a signal handler to remove ---- */

/* A fixed table, because a handler may not allocate or take locks: each
 * slot is claimed with a compare-and-swap and holds a copy of the path, so
 * nothing the handler reads is ever freed. More temporaries at once than
 * slots (only threaded tests do that) go unregistered, nothing worse. */
#define LIVE_SLOTS 16

enum { SLOT_FREE, SLOT_FILLING, SLOT_LIVE };

static struct {
	atomic_int state;
	char path[PATH_MAX];
} live[LIVE_SLOTS];

static int live_add(const char *path)
{
	size_t length = strlen(path);
	if (length >= PATH_MAX)
		return -1;
	for (int i = 0; i < LIVE_SLOTS; i++) {
		int expected = SLOT_FREE;
		if (atomic_compare_exchange_strong(&live[i].state, &expected,
						   SLOT_FILLING)) {
			memcpy(live[i].path, path, length + 1);
			atomic_store(&live[i].state, SLOT_LIVE);
			return i;
		}
	}
	return -1;
}

static void live_remove(int slot)
{
	if (slot >= 0)
		atomic_store(&live[slot].state, SLOT_FREE);
}

/* Unique within the process even when batch workers are threads. */
static atomic_uint temp_counter;

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* A name that cannot collide with the destination or with another writer;
 * hidden so a folder listing in the meantime does not show it. The file is
 * created 0666 so the umask decides its mode, as for any new file. */
static int create_temp(struct file_atomic *file)
{
	char *dir = paths_dirname(file->path);
	for (int attempt = 0; attempt < 100; attempt++) {
		unsigned n = atomic_fetch_add(&temp_counter, 1);
		char *temp = mem_printf("%s/.%s.%ld-%u.tmp", dir,
					base_name(file->path), (long)getpid(),
					n);
		/* Known before it exists: a signal between the two cannot
		 * leave it behind. */
		int slot = live_add(temp);
		int fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
			      0666);
		if (fd >= 0) {
			free(dir);
			file->temp_path = temp;
			file->fd = fd;
			file->live_slot = slot;
			return 0;
		}
		int saved = errno;
		live_remove(slot);
		free(temp);
		if (saved != EEXIST) {
			free(dir);
			errno = saved;
			return -1;
		}
	}
	free(dir);
	errno = EEXIST;
	return -1;
}

/* The pid in name when it is a temporary of base (".BASE.PID-N.tmp"),
 * else -1. */
static long temp_owner(const char *name, const char *base)
{
	size_t base_length = strlen(base);
	if (name[0] != '.' || strncmp(name + 1, base, base_length) != 0 ||
	    name[base_length + 1] != '.')
		return -1;
	const char *p = name + base_length + 2;
	char *end;
	errno = 0;
	long pid = strtol(p, &end, 10);
	if (end == p || *end != '-' || errno || pid <= 0)
		return -1;
	p = end + 1;
	strtoul(p, &end, 10);
	if (end == p || *p == '-' || *p == '+' || strcmp(end, ".tmp") != 0)
		return -1;
	return pid;
}

/* Remove the temporaries of path that pid left (pid > 0), or with pid 0
 * those whose process no longer exists. */
static void remove_temporaries(const char *path, long pid)
{
	char *dir = paths_dirname(path);
	const char *base = base_name(path);
	long self = (long)getpid();
	DIR *folder = opendir(dir);
	struct dirent *entry;
	while (folder && (entry = readdir(folder)) != NULL) {
		long owner = temp_owner(entry->d_name, base);
		if (owner < 0)
			continue;
		if (pid > 0 ? owner != pid
			    : owner == self || kill((pid_t)owner, 0) == 0 ||
				      errno != ESRCH)
			continue;
		char *temp = mem_printf("%s/%s", dir, entry->d_name);
		unlink(temp);
		free(temp);
	}
	if (folder)
		closedir(folder);
	free(dir);
}

void file_atomic_remove_temporaries(const char *path, long pid)
{
	if (pid > 0)
		remove_temporaries(path, pid);
}

/* What a process killed while writing path left behind. A live owner
 * (kill succeeds, or says EPERM: another user's) keeps its file. */
static void remove_stale(const char *path)
{
	remove_temporaries(path, 0);
}

static void add_error(struct diag_list *diags, const char *path,
		      const char *what, int err)
{
	diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot %s: %s", what,
		 strerror(err));
}

struct file_atomic *file_atomic_open(const char *path, struct diag_list *diags)
{
	if (!path || !*path) {
		diag_add(diags, DIAG_ERROR, "-", 0, 0, "no output file named");
		return NULL;
	}
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		diag_add(diags, DIAG_ERROR, path, 0, 0,
			 "cannot write: it is a folder");
		return NULL;
	}
	struct file_atomic *file = mem_alloc(sizeof *file);
	file->path = mem_strdup(path);
	file->fd = -1;
	file->live_slot = -1;
	remove_stale(path);
	if (create_temp(file) != 0) {
		int err = errno;
		char *dir = paths_dirname(path);
		char *what = mem_printf("create a file in folder '%s'", dir);
		add_error(diags, path, what, err);
		free(what);
		free(dir);
		free(file->path);
		free(file);
		return NULL;
	}
	return file;
}

/* Every byte to the temporary file, or the first error remembered. */
static int write_all(struct file_atomic *file, const void *bytes,
		     size_t length)
{
	const char *p = bytes;
	while (length > 0) {
		ssize_t n = write(file->fd, p, length);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			file->error = errno ? errno : EIO;
			return -1;
		}
		p += n;
		length -= (size_t)n;
	}
	return 0;
}

static int flush_buffer(struct file_atomic *file)
{
	size_t length = file->buffered;
	file->buffered = 0;
	return write_all(file, file->buffer, length);
}

int file_atomic_write(struct file_atomic *file, const void *bytes,
		      size_t length)
{
	if (file->error)
		return -1;
	if (file->buffered + length > FILE_ATOMIC_BUFFER_BYTES) {
		if (flush_buffer(file) != 0)
			return -1;
		/* Larger than the buffer: no point copying it first. */
		if (length >= FILE_ATOMIC_BUFFER_BYTES)
			return write_all(file, bytes, length);
	}
	if (length == 0)
		return 0;
	if (!file->buffer)
		file->buffer = mem_alloc(FILE_ATOMIC_BUFFER_BYTES);
	memcpy(file->buffer + file->buffered, bytes, length);
	file->buffered += length;
	return 0;
}

void file_atomic_fail(struct file_atomic *file, const char *message)
{
	if (file->error)
		return;
	file->error = -1;
	file->fail_message = mem_strdup(message ? message : "output failed");
}

/* Removed first, forgotten after: a signal in between only removes it
 * again, which does no harm. */
static void discard(struct file_atomic *file)
{
	if (file->fd >= 0)
		close(file->fd);
	if (file->temp_path)
		unlink(file->temp_path);
	live_remove(file->live_slot);
	free(file->temp_path);
	free(file->fail_message);
	free(file->buffer);
	free(file->path);
	free(file);
}

/* Make the rename itself durable; a folder that cannot be opened or synced
 * (some file systems refuse) does not undo a write that has succeeded. */
static void sync_folder(const char *path)
{
	char *dir = paths_dirname(path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

int file_atomic_commit(struct file_atomic *file, struct diag_list *diags)
{
	if (file->error == -1) {
		diag_add(diags, DIAG_ERROR, file->path, 0, 0, "%s",
			 file->fail_message);
		discard(file);
		return -1;
	}
	if (file->error == 0 && file->buffered > 0)
		flush_buffer(file);
	if (file->error) {
		add_error(diags, file->path, "write", file->error);
		discard(file);
		return -1;
	}
	/* The data must be on disk before the rename makes it the file: after a
	 * crash the destination is then the old file or the whole new one. */
	if (fsync(file->fd) != 0) {
		add_error(diags, file->path, "write", errno);
		discard(file);
		return -1;
	}
	int fd = file->fd;
	file->fd = -1;
	if (close(fd) != 0) {
		add_error(diags, file->path, "write", errno);
		discard(file);
		return -1;
	}
	if (rename(file->temp_path, file->path) != 0) {
		add_error(diags, file->path, "replace", errno);
		discard(file);
		return -1;
	}
	sync_folder(file->path);
	free(file->temp_path);
	file->temp_path = NULL; /* renamed: nothing left to remove */
	discard(file);
	return 0;
}

void file_atomic_abort(struct file_atomic *file)
{
	if (file)
		discard(file);
}

const char *file_atomic_temp_path(const struct file_atomic *file)
{
	return file->temp_path;
}

/* ---- stopping on a signal ---- */

static const struct {
	int signal;
	const char *name;
} stop_signals[] = {
	{ SIGINT, "SIGINT" },   { SIGTERM, "SIGTERM" },
	{ SIGHUP, "SIGHUP" },   { SIGXFSZ, "SIGXFSZ" },
};
#define STOP_SIGNAL_COUNT (sizeof stop_signals / sizeof stop_signals[0])

static size_t append(char *buffer, size_t n, size_t size, const char *text)
{
	while (*text && n + 1 < size)
		buffer[n++] = *text++;
	return n;
}

/* Only async-signal-safe calls from here on: unlink, write, sigaction,
 * sigprocmask, raise, _exit. */
static void remove_live_and_stop(int sig)
{
	int removed = 0;
	for (int i = 0; i < LIVE_SLOTS; i++)
		if (atomic_load(&live[i].state) == SLOT_LIVE)
			removed |= unlink(live[i].path) == 0;
	const char *name = "a signal";
	for (size_t i = 0; i < STOP_SIGNAL_COUNT; i++)
		if (stop_signals[i].signal == sig)
			name = stop_signals[i].name;
	char line[256];
	size_t n = append(line, 0, sizeof line, "committee-pdf: stopped by ");
	n = append(line, n, sizeof line, name);
	if (sig == SIGXFSZ)
		n = append(line, n, sizeof line,
			   ": an output grew past the file size limit (ulimit -f)");
	if (removed)
		n = append(line, n, sizeof line,
			   "; the unfinished output was removed");
	line[n++] = '\n';
	ssize_t ignored = write(STDERR_FILENO, line, n);
	(void)ignored;
	/* SIGXFSZ's default action dumps core, one more file left: exit with
	 * the status a shell shows for it instead. */
	if (sig == SIGXFSZ)
		_exit(128 + sig);
	struct sigaction default_action = { .sa_handler = SIG_DFL };
	sigemptyset(&default_action.sa_mask);
	sigaction(sig, &default_action, NULL);
	sigset_t only;
	sigemptyset(&only);
	sigaddset(&only, sig);
	sigprocmask(SIG_UNBLOCK, &only, NULL);
	raise(sig);
	_exit(128 + sig);
}

void file_atomic_remove_on_signals(void)
{
	struct sigaction action = { .sa_handler = remove_live_and_stop };
	sigemptyset(&action.sa_mask);
	for (size_t i = 0; i < STOP_SIGNAL_COUNT; i++)
		sigaddset(&action.sa_mask, stop_signals[i].signal);
	for (size_t i = 0; i < STOP_SIGNAL_COUNT; i++) {
		struct sigaction old;
		/* Ignored on entry (nohup, a shell's background job) stays
		 * ignored, as the one who started us asked. */
		if (sigaction(stop_signals[i].signal, NULL, &old) == 0 &&
		    old.sa_handler == SIG_IGN)
			continue;
		sigaction(stop_signals[i].signal, &action, NULL);
	}
}
