/* Content stream lexer: see pdf_content.h. Every read goes through at() or
 * a bound check against len, so no input reads past the buffer. */
#include "pdf_content.h"

#include <stdlib.h>
#include <string.h>

#include "memory.h"

struct pdf_content {
	const char *data;
	size_t len, pos;
	int depth;
	int done; /* 0 running, 1 ended, -1 failed */
};

enum token_kind { TOKEN_END, TOKEN_OPERAND, TOKEN_KEYWORD, TOKEN_OPEN,
		  TOKEN_CLOSE, TOKEN_BAD };

struct token {
	enum token_kind kind;
	size_t start, end;
};

static int is_space(unsigned char ch)
{
	return ch == 0 || ch == '\t' || ch == '\n' || ch == '\f' || ch == '\r' ||
	       ch == ' ';
}

static int is_delimiter(unsigned char ch)
{
	return strchr("()<>[]{}/%", ch) != NULL && ch != 0;
}

static int is_regular(unsigned char ch)
{
	return !is_space(ch) && !is_delimiter(ch);
}

struct pdf_content *pdf_content_new(const char *data, size_t len)
{
	struct pdf_content *c = mem_alloc(sizeof *c);
	c->data = data;
	c->len = data ? len : 0;
	return c;
}

void pdf_content_free(struct pdf_content *c)
{
	free(c);
}

int pdf_content_depth(const struct pdf_content *c)
{
	return c->depth;
}

int pdf_op_is(const struct pdf_op *op, const char *name)
{
	size_t n = strlen(name);
	return op->name_length == n && memcmp(op->name, name, n) == 0;
}

static unsigned char at(const struct pdf_content *c, size_t i)
{
	return i < c->len ? (unsigned char)c->data[i] : 0;
}

/* Skip white space and comments. */
static void skip_space(struct pdf_content *c)
{
	while (c->pos < c->len) {
		unsigned char ch = at(c, c->pos);
		if (is_space(ch)) {
			c->pos++;
		} else if (ch == '%') {
			while (c->pos < c->len && at(c, c->pos) != '\n' &&
			       at(c, c->pos) != '\r')
				c->pos++;
		} else {
			return;
		}
	}
}

/* A literal string from just after its '('; 0 at its end, -1 unterminated.
 * A backslash escapes the byte after it, so "\)" neither closes nor nests. */
static int skip_literal_string(struct pdf_content *c)
{
	size_t open = 1;
	while (c->pos < c->len) {
		unsigned char ch = at(c, c->pos++);
		if (ch == '\\') {
			if (c->pos < c->len)
				c->pos++;
		} else if (ch == '(') {
			open++;
		} else if (ch == ')' && --open == 0) {
			return 0;
		}
	}
	return -1;
}

/* A hex string from just after its '<'. */
static int skip_hex_string(struct pdf_content *c)
{
	while (c->pos < c->len) {
		unsigned char ch = at(c, c->pos++);
		if (ch == '>')
			return 0;
		if (!is_space(ch) && !strchr("0123456789abcdefABCDEF", ch))
			return -1;
	}
	return -1;
}

static void next_token(struct pdf_content *c, struct token *t)
{
	skip_space(c);
	t->start = c->pos;
	if (c->pos >= c->len) {
		t->kind = TOKEN_END;
		t->end = c->pos;
		return;
	}
	unsigned char ch = at(c, c->pos++);
	t->kind = TOKEN_OPERAND;
	switch (ch) {
	case '(':
		if (skip_literal_string(c) < 0)
			t->kind = TOKEN_BAD;
		break;
	case '<':
		if (at(c, c->pos) == '<' && c->pos < c->len) {
			c->pos++;
			t->kind = TOKEN_OPEN;
		} else if (skip_hex_string(c) < 0) {
			t->kind = TOKEN_BAD;
		}
		break;
	case '>':
		if (at(c, c->pos) == '>' && c->pos < c->len) {
			c->pos++;
			t->kind = TOKEN_CLOSE;
		} else {
			t->kind = TOKEN_BAD;
		}
		break;
	case '[':
		t->kind = TOKEN_OPEN;
		break;
	case ']':
		t->kind = TOKEN_CLOSE;
		break;
	case ')':
		t->kind = TOKEN_BAD;
		break;
	case '{':
	case '}':
		break; /* PostScript braces carry no operator; taken as operands */
	case '/':
		while (c->pos < c->len && is_regular(at(c, c->pos)))
			c->pos++;
		break;
	default:
		while (c->pos < c->len && is_regular(at(c, c->pos)))
			c->pos++;
		if (!strchr("0123456789+-.", ch))
			t->kind = TOKEN_KEYWORD;
		break;
	}
	t->end = c->pos;
}

static int keyword_is(const struct pdf_content *c, const struct token *t,
		      const char *word)
{
	size_t n = strlen(word);
	return t->end - t->start == n && memcmp(c->data + t->start, word, n) == 0;
}

/* true, false and null are values, not operators. */
static int keyword_is_value(const struct pdf_content *c, const struct token *t)
{
	return keyword_is(c, t, "true") || keyword_is(c, t, "false") ||
	       keyword_is(c, t, "null");
}

/* From just after "ID": one white-space byte, then data up to an "EI" that
 * white space precedes and white space, a delimiter or the end follows.
 * Sets c->pos after the EI; -1 when no EI ends the data. */
static int skip_inline_image_data(struct pdf_content *c)
{
	size_t i = c->pos + 1;
	for (; i + 1 < c->len; i++) {
		if (c->data[i] == 'E' && c->data[i + 1] == 'I' &&
		    is_space(at(c, i - 1)) &&
		    (i + 2 >= c->len || !is_regular(at(c, i + 2)))) {
			c->pos = i + 2;
			return 0;
		}
	}
	return -1;
}

/* After a BI keyword: the dictionary's tokens up to ID, then the data. */
static int skip_inline_image(struct pdf_content *c)
{
	size_t open = 0;
	for (;;) {
		struct token t;
		next_token(c, &t);
		switch (t.kind) {
		case TOKEN_END:
		case TOKEN_BAD:
			return -1;
		case TOKEN_OPEN:
			open++;
			break;
		case TOKEN_CLOSE:
			if (open == 0)
				return -1;
			open--;
			break;
		case TOKEN_OPERAND:
			break;
		case TOKEN_KEYWORD:
			if (open == 0 && keyword_is(c, &t, "ID"))
				return skip_inline_image_data(c);
			if (!keyword_is_value(c, &t))
				return -1;
			break;
		}
	}
}

static int fail(struct pdf_content *c)
{
	c->done = -1;
	return -1;
}

/* Update the depth for the operator op and record the depth before it. */
static int track_depth(struct pdf_content *c, struct pdf_op *op)
{
	op->depth = c->depth;
	if (pdf_op_is(op, "BDC") || pdf_op_is(op, "BMC")) {
		if (c->depth >= PDF_CONTENT_MAX_DEPTH)
			return -1;
		c->depth++;
	} else if (pdf_op_is(op, "EMC") && c->depth > 0) {
		c->depth--;
	}
	return 0;
}

int pdf_content_next(struct pdf_content *c, struct pdf_op *op)
{
	if (c->done)
		return c->done > 0 ? 0 : -1;
	size_t open = 0, start = 0;
	int operands = 0;
	for (;;) {
		struct token t;
		next_token(c, &t);
		if (!operands && t.kind != TOKEN_END)
			start = t.start;
		switch (t.kind) {
		case TOKEN_END:
			if (operands)
				return fail(c);
			c->done = 1;
			return 0;
		case TOKEN_BAD:
			return fail(c);
		case TOKEN_OPEN:
			open++;
			operands = 1;
			break;
		case TOKEN_CLOSE:
			if (open == 0)
				return fail(c);
			open--;
			break;
		case TOKEN_OPERAND:
			operands = 1;
			break;
		case TOKEN_KEYWORD:
			if (keyword_is_value(c, &t)) {
				operands = 1;
				break;
			}
			if (open)
				return fail(c);
			op->name = c->data + t.start;
			op->name_length = t.end - t.start;
			op->start = start;
			if (keyword_is(c, &t, "BI") && skip_inline_image(c) < 0)
				return fail(c);
			op->end = c->pos;
			if (track_depth(c, op) < 0)
				return fail(c);
			return 1;
		}
	}
}
