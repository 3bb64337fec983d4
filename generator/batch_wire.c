#include "batch_wire.h"
#include "memory.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The loop both directions share: a short transfer goes on from where it
 * stopped, an interrupted one is retried, end of file is a failure. */
static int transfer_all(int fd, unsigned char *p, size_t size, int writing)
{
	while (size > 0) {
		ssize_t n = writing ? write(fd, p, size) : read(fd, p, size);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		size -= (size_t)n;
	}
	return 0;
}

int batch_wire_write_all(int fd, const void *buf, size_t size)
{
	return transfer_all(fd, (unsigned char *)buf, size, 1); /* only read */
}

int batch_wire_read_all(int fd, void *buf, size_t size)
{
	return transfer_all(fd, buf, size, 0);
}

/* ---- encoding ---- */

struct wire_buf {
	unsigned char *data;
	size_t size, capacity;
};

static void put_bytes(struct wire_buf *b, const void *bytes, size_t n)
{
	if (b->size + n > b->capacity) {
		size_t want = b->capacity ? b->capacity : 256;
		while (want < b->size + n)
			want *= 2;
		b->data = mem_resize(b->data, want, 1);
		b->capacity = want;
	}
	memcpy(b->data + b->size, bytes, n);
	b->size += n;
}

static void put_u32(struct wire_buf *b, uint32_t v)
{
	unsigned char bytes[4] = { v & 0xFF, (v >> 8) & 0xFF, (v >> 16) & 0xFF,
				   (v >> 24) & 0xFF };
	put_bytes(b, bytes, 4);
}

static void put_u8(struct wire_buf *b, unsigned v)
{
	unsigned char byte = (unsigned char)v;
	put_bytes(b, &byte, 1);
}

static void put_string(struct wire_buf *b, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	put_u32(b, (uint32_t)n);
	put_bytes(b, s, n);
}

void batch_wire_encode(uint32_t job, int status, const struct diag_list *diags,
		       unsigned char **out, size_t *out_size)
{
	struct wire_buf b = { 0 };
	put_u32(&b, 0); /* size, filled in below */
	put_u32(&b, job);
	put_u8(&b, (unsigned)status);
	size_t count = diags ? diags->count : 0;
	put_u32(&b, (uint32_t)count);
	for (size_t i = 0; i < count; i++) {
		const struct diag *d = &diags->items[i];
		put_u8(&b, (unsigned)d->level);
		put_u32(&b, d->line);
		put_u32(&b, d->col);
		put_string(&b, d->file);
		put_string(&b, d->message);
		put_u8(&b, d->where != NULL);
		if (d->where)
			put_string(&b, d->where);
	}
	uint32_t rest = (uint32_t)(b.size - 4);
	unsigned char prefix[4] = { rest & 0xFF, (rest >> 8) & 0xFF,
				    (rest >> 16) & 0xFF, (rest >> 24) & 0xFF };
	memcpy(b.data, prefix, 4);
	*out = b.data;
	*out_size = b.size;
}

/* ---- decoding ---- */

struct wire_reader {
	const unsigned char *p, *end;
};

static int get_u32(struct wire_reader *r, uint32_t *v)
{
	if (r->end - r->p < 4)
		return -1;
	*v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 |
	     (uint32_t)r->p[2] << 16 | (uint32_t)r->p[3] << 24;
	r->p += 4;
	return 0;
}

static int get_u8(struct wire_reader *r, unsigned *v)
{
	if (r->p >= r->end)
		return -1;
	*v = *r->p++;
	return 0;
}

/* Caller frees *s. */
static int get_string(struct wire_reader *r, char **s)
{
	uint32_t n;
	if (get_u32(r, &n) < 0 || (size_t)(r->end - r->p) < n)
		return -1;
	*s = mem_strndup((const char *)r->p, n);
	r->p += n;
	return 0;
}

int batch_wire_decode(const unsigned char *buf, size_t size, uint32_t *job,
		      int *status, struct diag_list *diags)
{
	struct wire_reader r = { buf, buf + size };
	uint32_t count;
	unsigned status_byte;
	if (get_u32(&r, job) < 0 || get_u8(&r, &status_byte) < 0 ||
	    get_u32(&r, &count) < 0)
		return -1;
	*status = (int)status_byte;
	for (uint32_t i = 0; i < count; i++) {
		unsigned level, placed = 0;
		uint32_t line, col;
		char *file = NULL, *message = NULL, *where = NULL;
		if (get_u8(&r, &level) < 0 || level > DIAG_ERROR ||
		    get_u32(&r, &line) < 0 || get_u32(&r, &col) < 0 ||
		    get_string(&r, &file) < 0 || get_string(&r, &message) < 0 ||
		    get_u8(&r, &placed) < 0 || placed > 1 ||
		    (placed && get_string(&r, &where) < 0)) {
			free(file);
			free(message);
			return -1;
		}
		diag_add_at(diags, (enum diag_level)level, file, where, line, col,
			    "%s", message);
		free(file);
		free(message);
		free(where);
	}
	return r.p == r.end ? 0 : -1;
}

int batch_wire_read_answer(int fd, uint32_t *job, int *status,
			   struct diag_list *diags)
{
	unsigned char prefix[4];
	if (batch_wire_read_all(fd, prefix, 4) < 0)
		return -1;
	uint32_t size = (uint32_t)prefix[0] | (uint32_t)prefix[1] << 8 |
			(uint32_t)prefix[2] << 16 | (uint32_t)prefix[3] << 24;
	if (size > BATCH_WIRE_MAX_BYTES)
		return -1;
	unsigned char *buf = mem_alloc(size);
	int rc = batch_wire_read_all(fd, buf, size);
	if (rc == 0)
		rc = batch_wire_decode(buf, size, job, status, diags);
	free(buf);
	return rc;
}
