/* One out-of-memory policy for the whole program: allocation failure ends the
 * process with a message, so no caller checks for NULL. */
#ifndef MEMORY_H
#define MEMORY_H

#include <stdarg.h>
#include <stddef.h>

void *mem_alloc(size_t size);                     /* zeroed; caller frees with free() */
void *mem_array(size_t count, size_t size);       /* zeroed, overflow-checked */
void *mem_resize(void *ptr, size_t count, size_t size); /* overflow-checked realloc */
char *mem_strdup(const char *s);                  /* NULL stays NULL */
char *mem_strndup(const char *s, size_t n);
char *mem_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *mem_vprintf(const char *fmt, va_list ap);

/* Grow *items (holding *count, room for *capacity) so one more fits. */
#define MEM_GROW(items, count, capacity)                                     \
	do {                                                                 \
		if ((count) >= (capacity)) {                                 \
			(capacity) = (capacity) ? (capacity) * 2 : 8;        \
			(items) = mem_resize((items), (capacity), sizeof *(items)); \
		}                                                            \
	} while (0)

/* An arena: many small allocations freed in one call. Used by the display
 * list, whose boxes all die together. */
struct arena;
struct arena *arena_new(void);
void *arena_alloc(struct arena *arena, size_t size);      /* zeroed, 8-byte aligned */
char *arena_strndup(struct arena *arena, const char *s, size_t n);
size_t arena_bytes(const struct arena *arena);            /* bytes reserved */
void arena_free(struct arena *arena);

#endif
