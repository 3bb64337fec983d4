/* Diagnostics as data: each stage appends records; the command prints them
 * and derives its exit status from the worst level seen. */
#ifndef DIAG_H
#define DIAG_H

#include <stddef.h>
#include <stdio.h>

enum diag_level { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR };

struct diag {
	char *file;     /* as the user named it; "-" is shown as "<stdin>" */
	unsigned line;  /* 1-based; 0 when the problem has no position */
	unsigned col;   /* 1-based; 0 when unknown */
	enum diag_level level;
	char *message;  /* one sentence, no trailing newline */
	char *where;    /* a place that is not LINE:COL, such as a workbook's
	                   cell "Measures!D14", printed instead of them (line
	                   and col still sort it); NULL for every text file */
};

struct diag_list {
	struct diag *items;
	size_t count, capacity;
};

void diag_add(struct diag_list *list, enum diag_level level, const char *file,
	      unsigned line, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* The same at a named place (struct diag's where); row and col sort it. */
void diag_add_at(struct diag_list *list, enum diag_level level, const char *file,
		 const char *where, unsigned row, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

/* Append a copy of d, its place included. */
void diag_copy(struct diag_list *list, const struct diag *d);

size_t diag_count(const struct diag_list *list, enum diag_level level);
int diag_has_errors(const struct diag_list *list);

/* Sort by file, line, column (stable), drop exact repeats. */
void diag_sort(struct diag_list *list);

/* "FILE:LINE:COL: error: MESSAGE" per record ("FILE:WHERE: …" at a named
 * place). */
void diag_print(const struct diag_list *list, FILE *out);
void diag_print_one(const struct diag *d, FILE *out);

/* Empty the list, keep it usable. */
void diag_clear(struct diag_list *list);
void diag_list_free(struct diag_list *list);

#endif
