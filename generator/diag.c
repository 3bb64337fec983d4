#include "diag.h"
#include "memory.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static struct diag *diag_push(struct diag_list *list, enum diag_level level,
			      const char *file, const char *where, unsigned line,
			      unsigned col)
{
	MEM_GROW(list->items, list->count, list->capacity);
	struct diag *d = &list->items[list->count++];
	d->file = mem_strdup(file ? file : "committee-pdf");
	d->where = mem_strdup(where);
	d->line = line;
	d->col = col;
	d->level = level;
	return d;
}

void diag_add(struct diag_list *list, enum diag_level level, const char *file,
	      unsigned line, unsigned col, const char *fmt, ...)
{
	struct diag *d = diag_push(list, level, file, NULL, line, col);
	va_list ap;
	va_start(ap, fmt);
	d->message = mem_vprintf(fmt, ap);
	va_end(ap);
}

void diag_add_at(struct diag_list *list, enum diag_level level, const char *file,
		 const char *where, unsigned row, unsigned col, const char *fmt, ...)
{
	struct diag *d = diag_push(list, level, file, where, row, col);
	va_list ap;
	va_start(ap, fmt);
	d->message = mem_vprintf(fmt, ap);
	va_end(ap);
}

void diag_copy(struct diag_list *list, const struct diag *d)
{
	diag_push(list, d->level, d->file, d->where, d->line, d->col)->message =
		mem_strdup(d->message);
}

size_t diag_count(const struct diag_list *list, enum diag_level level)
{
	size_t n = 0;
	for (size_t i = 0; i < list->count; i++)
		n += list->items[i].level == level;
	return n;
}

int diag_has_errors(const struct diag_list *list)
{
	return diag_count(list, DIAG_ERROR) > 0;
}

static int diag_compare(const struct diag *a, const struct diag *b)
{
	int c = strcmp(a->file, b->file);
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return 0;
}

static void diag_free_fields(struct diag *d)
{
	free(d->file);
	free(d->where);
	free(d->message);
}

void diag_sort(struct diag_list *list)
{
	/* Insertion sort: stable, and lists are short. */
	for (size_t i = 1; i < list->count; i++) {
		struct diag key = list->items[i];
		size_t j = i;
		while (j > 0 && diag_compare(&list->items[j - 1], &key) > 0) {
			list->items[j] = list->items[j - 1];
			j--;
		}
		list->items[j] = key;
	}
	size_t kept = 0;
	for (size_t i = 0; i < list->count; i++) {
		struct diag *d = &list->items[i];
		if (kept && diag_compare(&list->items[kept - 1], d) == 0 &&
		    list->items[kept - 1].level == d->level &&
		    !list->items[kept - 1].where == !d->where &&
		    (!d->where || strcmp(list->items[kept - 1].where, d->where) == 0) &&
		    strcmp(list->items[kept - 1].message, d->message) == 0) {
			diag_free_fields(d);
			continue;
		}
		list->items[kept++] = *d;
	}
	list->count = kept;
}

static const char *level_name(enum diag_level level)
{
	switch (level) {
	case DIAG_NOTE:
		return "note";
	case DIAG_WARNING:
		return "warning";
	case DIAG_ERROR:
		return "error";
	}
	return "error";
}

void diag_print_one(const struct diag *d, FILE *out)
{
	const char *file = strcmp(d->file, "-") == 0 ? "<stdin>" : d->file;
	if (d->where)
		fprintf(out, "%s:%s: %s: %s\n", file, d->where,
			level_name(d->level), d->message);
	else if (d->line)
		fprintf(out, "%s:%u:%u: %s: %s\n", file, d->line, d->col,
			level_name(d->level), d->message);
	else
		fprintf(out, "%s: %s: %s\n", file, level_name(d->level),
			d->message);
}

void diag_print(const struct diag_list *list, FILE *out)
{
	for (size_t i = 0; i < list->count; i++)
		diag_print_one(&list->items[i], out);
}

void diag_clear(struct diag_list *list)
{
	for (size_t i = 0; i < list->count; i++)
		diag_free_fields(&list->items[i]);
	list->count = 0;
}

void diag_list_free(struct diag_list *list)
{
	diag_clear(list);
	free(list->items);
	list->items = NULL;
	list->capacity = 0;
}
