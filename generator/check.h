/* The PDF checker behind `committee-pdf check`: reads any PDF with libqpdf
 * and lists every rule of PDF/UA-1 and PDF/A-2 (level A) it breaks that a
 * program can decide, each with the veraPDF rule id and, for PDF/UA, the
 * Matterhorn Protocol failure condition, in words a publishing officer can
 * act on. Damaged or hostile files end in a message, never a crash or a
 * hang: sizes, counts and recursion are bounded (check_internal.h).
 *
 * Ownership: a check_report is filled by check_pdf_memory or
 * check_pdf_file and emptied by check_report_free; its strings are its own. */
#ifndef CHECK_H
#define CHECK_H

#include <stddef.h>
#include <stdio.h>

/* The largest file check reads. */
#define CHECK_MAX_FILE_BYTES ((size_t)256 << 20)

struct check_finding {
	size_t page;            /* 1-based; 0 for a rule about the whole document */
	const char *rule;       /* veraPDF rule id, e.g. "7.1-3"; static */
	const char *checkpoint; /* "Matterhorn 01-005" or "PDF/A-2"; static */
	char *message;          /* plain words, one sentence, no trailing newline */
};

struct check_report {
	struct check_finding *items;
	size_t count, capacity;
	/* Set when the file could not be read (or only partly): what went
	 * wrong, in plain words. The findings, if any, are from what was read. */
	char *damaged;
};

/* Check the PDF in data[0..len). 0 when every rule holds and the file read
 * cleanly, 1 otherwise. */
int check_pdf_memory(const char *data, size_t len, struct check_report *report);

/* Read path (at most CHECK_MAX_FILE_BYTES) and check it. */
int check_pdf_file(const char *path, struct check_report *report);

/* "FILE: page N: RULE (CHECKPOINT): message" per finding, in page order
 * (document-level rules first), and "FILE: error: ..." when damaged. */
void check_report_print(const struct check_report *report, const char *file,
			FILE *out);

/* Check path and print its report to out. Returns the number of failures,
 * and sets *unreadable when the file could not be read whole. Used by
 * `check` and `render --check`. */
size_t check_file_print(const char *path, FILE *out, int *unreadable);

/* Nonzero when report names rule (used by tests). */
int check_report_has(const struct check_report *report, const char *rule);

void check_report_free(struct check_report *report);

/* One paragraph: what check does not decide because it needs a person. */
extern const char check_undecided_text[];

#endif
