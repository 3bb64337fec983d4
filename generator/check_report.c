/* The check's findings as data: recorded by the stages, printed by the
 * command, asserted on by the tests. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "check_internal.h"
#include "memory.h"

const char check_undecided_text[] =
	"Not decided here, because a person must judge them: whether alternative "
	"text says what a figure shows, whether the reading order makes sense, "
	"whether something marked as an artifact really is decoration, whether "
	"colour alone carries meaning in images and charts, whether headings and "
	"table headers are the right ones, whether the title describes the "
	"paper, and colour contrast inside images.";

void check_fail(struct check_ctx *ctx, size_t page, const char *rule,
		const char *checkpoint, const char *fmt, ...)
{
	struct check_report *r = ctx->report;
	MEM_GROW(r->items, r->count, r->capacity);
	va_list ap;
	va_start(ap, fmt);
	r->items[r->count++] = (struct check_finding){
		.page = page, .rule = rule, .checkpoint = checkpoint,
		.message = mem_vprintf(fmt, ap),
	};
	va_end(ap);
}

void check_damaged(struct check_ctx *ctx, const char *fmt, ...)
{
	if (ctx->report->damaged)
		return;
	va_list ap;
	va_start(ap, fmt);
	ctx->report->damaged = mem_vprintf(fmt, ap);
	va_end(ap);
}

struct print_order {
	size_t page, index;
};

/* Document-level findings first, then by page, each in the order found. */
static int by_page_then_index(const void *a, const void *b)
{
	const struct print_order *x = a, *y = b;
	if (x->page != y->page)
		return x->page < y->page ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

void check_report_print(const struct check_report *report, const char *file,
			FILE *out)
{
	if (report->damaged)
		fprintf(out, "%s: error: %s\n", file, report->damaged);
	if (!report->count)
		return;
	struct print_order *order = mem_array(report->count, sizeof *order);
	for (size_t i = 0; i < report->count; i++)
		order[i] = (struct print_order){ report->items[i].page, i };
	qsort(order, report->count, sizeof *order, by_page_then_index);
	for (size_t i = 0; i < report->count; i++) {
		const struct check_finding *f = &report->items[order[i].index];
		if (f->page)
			fprintf(out, "%s: page %zu: %s (%s): %s\n", file, f->page,
				f->rule, f->checkpoint, f->message);
		else
			fprintf(out, "%s: %s (%s): %s\n", file, f->rule,
				f->checkpoint, f->message);
	}
	free(order);
}

size_t check_file_print(const char *path, FILE *out, int *unreadable)
{
	struct check_report report = { 0 };
	check_pdf_file(path, &report);
	check_report_print(&report, path, out);
	size_t failures = report.count;
	*unreadable = report.damaged != NULL;
	check_report_free(&report);
	return failures;
}

int check_report_has(const struct check_report *report, const char *rule)
{
	for (size_t i = 0; i < report->count; i++)
		if (strcmp(report->items[i].rule, rule) == 0)
			return 1;
	return 0;
}

void check_report_free(struct check_report *report)
{
	for (size_t i = 0; i < report->count; i++)
		free(report->items[i].message);
	free(report->items);
	free(report->damaged);
	*report = (struct check_report){ 0 };
}
