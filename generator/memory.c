#include "memory.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(size_t size)
{
	fprintf(stderr, "committee-pdf: out of memory (%zu bytes)\n", size);
	exit(3);
}

void *mem_alloc(size_t size)
{
	void *p = calloc(1, size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

void *mem_array(size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		out_of_memory(SIZE_MAX);
	return mem_alloc(count * size);
}

void *mem_resize(void *ptr, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		out_of_memory(SIZE_MAX);
	size_t bytes = count * size;
	void *p = realloc(ptr, bytes ? bytes : 1);
	if (!p)
		out_of_memory(bytes);
	return p;
}

char *mem_strdup(const char *s)
{
	return s ? mem_strndup(s, strlen(s)) : NULL;
}

char *mem_strndup(const char *s, size_t n)
{
	char *p = mem_alloc(n + 1);
	memcpy(p, s, n);
	return p;
}

char *mem_vprintf(const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		out_of_memory(0);
	char *p = mem_alloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *mem_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = mem_vprintf(fmt, ap);
	va_end(ap);
	return p;
}

/* Blocks of 64 KiB, or larger for one big request; freed together. */
struct arena_block {
	struct arena_block *next;
	size_t used, size;
	max_align_t data[];
};

struct arena {
	struct arena_block *head;
	size_t reserved;
};

enum { ARENA_BLOCK_BYTES = 64 * 1024 };

struct arena *arena_new(void)
{
	return mem_alloc(sizeof(struct arena));
}

void *arena_alloc(struct arena *arena, size_t size)
{
	size = (size + 7) & ~(size_t)7;
	struct arena_block *b = arena->head;
	if (!b || b->size - b->used < size) {
		size_t bytes = size > ARENA_BLOCK_BYTES ? size : ARENA_BLOCK_BYTES;
		b = mem_alloc(sizeof *b + bytes);
		b->size = bytes;
		b->next = arena->head;
		arena->head = b;
		arena->reserved += bytes;
	}
	void *p = (char *)b->data + b->used;
	b->used += size;
	return p;
}

char *arena_strndup(struct arena *arena, const char *s, size_t n)
{
	char *p = arena_alloc(arena, n + 1);
	memcpy(p, s, n);
	return p;
}

size_t arena_bytes(const struct arena *arena)
{
	return arena->reserved;
}

void arena_free(struct arena *arena)
{
	if (!arena)
		return;
	struct arena_block *b = arena->head;
	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	free(arena);
}
