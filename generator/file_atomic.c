#include "file_atomic.h"

#include <errno.h>
#include <fcntl.h>
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
};

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
		int fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
			      0666);
		if (fd >= 0) {
			free(dir);
			file->temp_path = temp;
			file->fd = fd;
			return 0;
		}
		int saved = errno;
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

static void discard(struct file_atomic *file)
{
	if (file->fd >= 0)
		close(file->fd);
	if (file->temp_path)
		unlink(file->temp_path);
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
