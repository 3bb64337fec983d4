#include "pack_wire.h"
#include "batch_wire.h"
#include "memory.h"

#include <stdlib.h>
#include <string.h>

static void put_u32(GByteArray *out, uint32_t v)
{
	const guint8 bytes[4] = { v & 0xFF, (v >> 8) & 0xFF, (v >> 16) & 0xFF,
				  (v >> 24) & 0xFF };
	g_byte_array_append(out, bytes, 4);
}

static void put_u8(GByteArray *out, unsigned v)
{
	const guint8 byte = (guint8)v;
	g_byte_array_append(out, &byte, 1);
}

static uint32_t u32_at(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static void u32_into(unsigned char *p, uint32_t v)
{
	p[0] = v & 0xFF;
	p[1] = (v >> 8) & 0xFF;
	p[2] = (v >> 16) & 0xFF;
	p[3] = (v >> 24) & 0xFF;
}

void pack_wire_task_encode(const struct pack_wire_task *task,
			   unsigned char out[PACK_WIRE_TASK_BYTES])
{
	u32_into(out, task->op);
	u32_into(out + 4, task->job);
	u32_into(out + 8, task->first_page);
	u32_into(out + 12, task->total_pages);
}

int pack_wire_task_decode(const unsigned char in[PACK_WIRE_TASK_BYTES],
			  struct pack_wire_task *task)
{
	task->op = u32_at(in);
	task->job = u32_at(in + 4);
	task->first_page = u32_at(in + 8);
	task->total_pages = u32_at(in + 12);
	return task->op == PACK_WIRE_PAGINATE || task->op == PACK_WIRE_FINISH ?
		       0 : -1;
}

/* The size prefix, the kind and the job: every message starts so. */
static void begin(GByteArray *out, unsigned kind, uint32_t job)
{
	g_byte_array_set_size(out, 0);
	put_u32(out, 0); /* sealed below */
	put_u8(out, kind);
	put_u32(out, job);
}

void pack_wire_seal(GByteArray *out)
{
	u32_into(out->data, (uint32_t)(out->len - 4));
}

void pack_wire_paginated_encode(GByteArray *out, uint32_t job, int status,
				size_t page_count, const char *paragraph,
				const struct diag_list *diags)
{
	begin(out, PACK_WIRE_PAGINATED, job);
	put_u32(out, (uint32_t)page_count);
	size_t n = paragraph ? strlen(paragraph) : 0;
	put_u32(out, (uint32_t)n);
	g_byte_array_append(out, (const guint8 *)paragraph, (guint)n);
	unsigned char *answer;
	size_t size;
	batch_wire_encode(job, status != 0, diags, &answer, &size);
	g_byte_array_append(out, answer, (guint)size);
	free(answer);
	pack_wire_seal(out);
}

void pack_wire_finished_begin(GByteArray *out, uint32_t job, int has_list)
{
	begin(out, PACK_WIRE_FINISHED, job);
	put_u8(out, has_list != 0);
}

int pack_wire_read(int fd, unsigned *kind, unsigned char **body, size_t *size)
{
	unsigned char prefix[5];
	*body = NULL;
	*size = 0;
	if (batch_wire_read_all(fd, prefix, sizeof prefix) < 0)
		return -1;
	uint32_t rest = u32_at(prefix);
	*kind = prefix[4];
	if (rest < 1 || rest > PACK_WIRE_MAX_BYTES ||
	    (*kind != PACK_WIRE_PAGINATED && *kind != PACK_WIRE_FINISHED))
		return -1;
	size_t n = rest - 1;
	unsigned char *buf = mem_alloc(n ? n : 1);
	if (batch_wire_read_all(fd, buf, n) < 0) {
		free(buf);
		return -1;
	}
	*body = buf;
	*size = n;
	return 0;
}

int pack_wire_paginated_decode(const unsigned char *body, size_t size,
			       uint32_t *job, int *status, size_t *page_count,
			       char *paragraph, size_t paragraph_size,
			       struct diag_list *diags)
{
	if (size < 12)
		return -1;
	*job = u32_at(body);
	*page_count = u32_at(body + 4);
	uint32_t n = u32_at(body + 8);
	const unsigned char *p = body + 12, *end = body + size;
	if (n >= paragraph_size || (size_t)(end - p) < n ||
	    memchr(p, '\0', n))
		return -1;
	memcpy(paragraph, p, n);
	paragraph[n] = '\0';
	p += n;
	if (end - p < 4)
		return -1;
	uint32_t answer = u32_at(p);
	p += 4;
	if ((size_t)(end - p) != answer)
		return -1;
	struct diag_list decoded = { 0 };
	uint32_t answer_job;
	int rc = batch_wire_decode(p, answer, &answer_job, status, &decoded);
	if (rc == 0 && answer_job != *job)
		rc = -1;
	for (size_t i = 0; rc == 0 && i < decoded.count; i++)
		diag_copy(diags, &decoded.items[i]);
	diag_list_free(&decoded);
	return rc;
}

int pack_wire_finished_decode(const unsigned char *body, size_t size,
			      uint32_t *job, const unsigned char **list,
			      size_t *list_size)
{
	if (size < 5 || body[4] > 1)
		return -1;
	*job = u32_at(body);
	*list = body[4] ? body + 5 : NULL;
	*list_size = body[4] ? size - 5 : 0;
	return body[4] || size == 5 ? 0 : -1;
}
