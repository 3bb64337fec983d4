/* Page selections: the one grammar of preview --pages and draw_png. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "page_list.h"

static void test_valid(void **state)
{
	(void)state;
	assert_true(page_list_valid("1"));
	assert_true(page_list_valid("1,3-5,9"));
	assert_true(page_list_valid("9,1"));
	assert_false(page_list_valid(NULL));
	assert_false(page_list_valid(""));
	assert_false(page_list_valid("0"));
	assert_false(page_list_valid("5-3"));
	assert_false(page_list_valid("1,"));
	assert_false(page_list_valid(",1"));
	assert_false(page_list_valid("1,,2"));
	assert_false(page_list_valid("1-"));
	assert_false(page_list_valid("1-3-5"));
	assert_false(page_list_valid("a"));
	assert_false(page_list_valid("1 2"));
	assert_false(page_list_valid(" 1"));
	assert_false(page_list_valid("+1"));
}

static void test_contains(void **state)
{
	(void)state;
	assert_true(page_list_contains(NULL, 7));
	assert_true(page_list_contains("1,3-5", 4));
	assert_true(page_list_contains("1,3-5", 1));
	assert_true(page_list_contains("1,3-5", 5));
	assert_false(page_list_contains("1,3-5", 2));
	assert_false(page_list_contains("1,3-5", 6));
	assert_false(page_list_contains("1,", 1)); /* malformed names nothing */
}

static void test_within(void **state)
{
	(void)state;
	assert_true(page_list_within(NULL, 1));
	assert_true(page_list_within("1,3-5", 5));
	assert_false(page_list_within("1,3-5", 4));
	assert_false(page_list_within("9,1", 8));
	assert_false(page_list_within("1,", 8));
	assert_false(page_list_within("99999999999999999999999", 8));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_contains),
		cmocka_unit_test(test_within),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
