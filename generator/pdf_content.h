/* A lexer for PDF content streams (ISO 32000-1 7.8.2): it yields one
 * operator at a time with the byte range of its operands and the
 * marked-content depth it sits at. libqpdf's C API gives a page's content
 * bytes but no tokenizer; the checker (check_*.c) and the finishing pass
 * both read content through this.
 *
 * It knows strings (nested parentheses, backslash escapes), hex strings,
 * arrays, dictionaries, names, numbers, comments and inline images, holds no
 * allocation beyond its own state, and never reads outside data[0..len).
 *
 * Ownership: pdf_content_new borrows data (which must outlive the lexer) and
 * returns a lexer freed with pdf_content_free; op->name points into data. */
#ifndef PDF_CONTENT_H
#define PDF_CONTENT_H

#include <stddef.h>

/* Marked content nested deeper than this is malformed (-1): no document
 * needs it, and callers may size per-level state by it. */
#define PDF_CONTENT_MAX_DEPTH 4096

struct pdf_op {
	const char *name;   /* the operator, e.g. "Tj", "BDC"; not NUL-ended */
	size_t name_length;
	/* start..end: bytes of the operands and operator (end exclusive) */
	size_t start, end;
	/* depth: marked-content nesting (BDC/BMC … EMC) before this operator */
	int depth;
};

struct pdf_content;

struct pdf_content *pdf_content_new(const char *data, size_t len);

/* 1: *op is the next operator; 0: the end of the stream; -1: the stream is
 * malformed (an unterminated string, a stray ')' or '>', operands with no
 * operator, an operator inside an array or dictionary). After 0 or -1 every
 * further call returns the same.
 *
 * An inline image (BI dict ID data EI) is one op named "BI" whose range
 * covers all of it. An EMC with nothing open is returned at depth 0 and
 * leaves the depth at 0; pdf_content_depth tells what is still open. */
int pdf_content_next(struct pdf_content *c, struct pdf_op *op);

/* The marked-content depth after the last operator returned. */
int pdf_content_depth(const struct pdf_content *c);

void pdf_content_free(struct pdf_content *c);

/* Nonzero when op's name is exactly name. */
int pdf_op_is(const struct pdf_op *op, const char *name);

#endif
