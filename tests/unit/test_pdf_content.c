/* The content stream lexer: operators with their operand ranges and
 * marked-content depth, strings, arrays, inline images, and malformed input
 * that ends in -1 rather than a read past the buffer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "memory.h"
#include "pdf_content.h"

/* "name@depth" for every op, space-separated, then "=STATUS". */
static char *lex(const char *text, size_t len)
{
	struct pdf_content *c = pdf_content_new(text, len);
	struct pdf_op op;
	char *out = mem_strdup("");
	int status;
	while ((status = pdf_content_next(c, &op)) == 1) {
		char *next = mem_printf("%s%.*s@%d ", out, (int)op.name_length,
					op.name, op.depth);
		free(out);
		out = next;
	}
	char *next = mem_printf("%s=%d", out, status);
	free(out);
	pdf_content_free(c);
	return next;
}

static void assert_lexes(const char *text, const char *expected)
{
	char *got = lex(text, strlen(text));
	assert_string_equal(got, expected);
	free(got);
}

static void test_text_object(void **state)
{
	(void)state;
	assert_lexes("BT /F1 12 Tf 72 700 Td (Hello) Tj ET",
		     "BT@0 Tf@0 Td@0 Tj@0 ET@0 =0");
	assert_lexes("", "=0");
	assert_lexes("  \n% only a comment", "=0");
}

static void test_operand_range(void **state)
{
	(void)state;
	const char *text = "q  /F1 12 Tf\n[(a) -20 (b)] TJ";
	struct pdf_content *c = pdf_content_new(text, strlen(text));
	struct pdf_op op;
	assert_int_equal(pdf_content_next(c, &op), 1);
	assert_true(pdf_op_is(&op, "q"));
	assert_int_equal(op.start, 0);
	assert_int_equal(op.end, 1);
	assert_int_equal(pdf_content_next(c, &op), 1);
	assert_true(pdf_op_is(&op, "Tf"));
	assert_int_equal(op.start, 3);
	assert_int_equal(op.end, 12);
	assert_int_equal(pdf_content_next(c, &op), 1);
	assert_true(pdf_op_is(&op, "TJ"));
	assert_int_equal(op.start, 13);
	assert_int_equal(op.end, strlen(text));
	assert_int_equal(pdf_content_next(c, &op), 0);
	assert_int_equal(pdf_content_next(c, &op), 0);
	pdf_content_free(c);
}

static void test_marked_content_depth(void **state)
{
	(void)state;
	assert_lexes("/P <</MCID 0>> BDC BT (x) Tj ET /Span BMC EMC EMC 0 0 m",
		     "BDC@0 BT@1 Tj@1 ET@1 BMC@1 EMC@2 EMC@1 m@0 =0");
	/* An EMC with nothing open stays at depth 0 for the caller to judge. */
	assert_lexes("EMC q Q", "EMC@0 q@0 Q@0 =0");
	const char *open = "/P BMC /P BMC q";
	struct pdf_content *c = pdf_content_new(open, strlen(open));
	struct pdf_op op;
	while (pdf_content_next(c, &op) == 1)
		;
	assert_int_equal(pdf_content_depth(c), 2);
	pdf_content_free(c);
}

static void test_strings(void **state)
{
	(void)state;
	/* Nested parentheses, an escaped ')' and an operator-looking word. */
	assert_lexes("(a (b) \\) Tj c) Tj", "Tj@0 =0");
	assert_lexes("(\\\\) Tj", "Tj@0 =0");
	assert_lexes("<48 65 6c> Tj <> Tj", "Tj@0 Tj@0 =0");
	assert_lexes("(%not a comment) Tj", "Tj@0 =0");
	assert_lexes("/Name#20x true false null 1 -2 +.5 d0", "d0@0 =0");
	assert_lexes("0 0 1 rg 10 10 m 20 20 l S 1 0 0 1 0 0 cm /Im0 Do",
		     "rg@0 m@0 l@0 S@0 cm@0 Do@0 =0");
	assert_lexes("(a) ' 1 2 (b) \"", "'@0 \"@0 =0");
}

static void test_inline_image(void **state)
{
	(void)state;
	/* "EI" inside the data that white space does not surround is data. */
	assert_lexes("q BI /W 2 /H 1 /BPC 8 /CS /G /D [0 1] ID xEIy)( EI Q",
		     "q@0 BI@0 Q@0 =0");
	const char *text = "BI /W 1 /H 1 ID \x01 EI";
	struct pdf_content *c = pdf_content_new(text, strlen(text));
	struct pdf_op op;
	assert_int_equal(pdf_content_next(c, &op), 1);
	assert_true(pdf_op_is(&op, "BI"));
	assert_int_equal(op.start, 0);
	assert_int_equal(op.end, strlen(text));
	pdf_content_free(c);
	assert_lexes("BI /W 1 ID no end", "=-1");
	assert_lexes("BI /W 1 Tj ID x EI", "=-1");
	assert_lexes("BI /W 1", "=-1");
}

static void test_malformed(void **state)
{
	(void)state;
	assert_lexes("(unterminated Tj", "=-1");
	assert_lexes("q ) Tj", "q@0 =-1");
	assert_lexes("q > Tj", "q@0 =-1");
	assert_lexes("<4G> Tj", "=-1");
	assert_lexes("<48", "=-1");
	assert_lexes("1 2", "=-1");
	assert_lexes("[1 Tj]", "=-1");
	assert_lexes("] Tj", "=-1");
	assert_lexes("<< /A 1 Tj", "=-1");
	/* After a failure the lexer stays failed. */
	struct pdf_content *c = pdf_content_new(") q", 3);
	struct pdf_op op;
	assert_int_equal(pdf_content_next(c, &op), -1);
	assert_int_equal(pdf_content_next(c, &op), -1);
	pdf_content_free(c);
}

static void test_depth_bound(void **state)
{
	(void)state;
	size_t n = 5000;
	char *text = mem_alloc(n * 7 + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(text + i * 7, "/P BMC ", 7);
	char *got = lex(text, n * 7);
	assert_true(strlen(got) >= 3);
	assert_string_equal(got + strlen(got) - 3, "=-1");
	free(got);
	free(text);
}

/* Every prefix of a stream, copied into a buffer of exactly that size (so
 * valgrind and ASan see any read past it), ends in 0 or -1. */
static void test_every_prefix(void **state)
{
	(void)state;
	const char *text = "/Artifact BMC q BT /F1 9 Tf (Page \\(1\\)) Tj ET Q EMC "
			   "/P <</MCID 3 /Alt (x)>> BDC [<00ff> 3 (y)] TJ "
			   "BI /W 1 /H 1 ID \x7f EI EMC % end";
	size_t len = strlen(text);
	for (size_t n = 0; n <= len; n++) {
		char *copy = mem_alloc(n ? n : 1);
		memcpy(copy, text, n);
		struct pdf_content *c = pdf_content_new(copy, n);
		struct pdf_op op;
		int status;
		size_t ops = 0;
		while ((status = pdf_content_next(c, &op)) == 1) {
			assert_true(op.end <= n);
			assert_true(op.start < op.end);
			assert_true(++ops <= n);
		}
		assert_true(status == 0 || status == -1);
		pdf_content_free(c);
		free(copy);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_object),
		cmocka_unit_test(test_operand_range),
		cmocka_unit_test(test_marked_content_depth),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_inline_image),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_depth_bound),
		cmocka_unit_test(test_every_prefix),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
