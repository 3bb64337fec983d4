/* Dates as a paper prints them: one formatter for the cover, the furniture
 * and the tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "dates.h"
#include "words.h"

static void expect_long(const char *iso, const char *expected)
{
	char *text = dates_long_text(iso, NULL);
	assert_string_equal(text, expected);
	free(text);
}

/* The paper's language names the month: every month of the Welsh
 * catalogue, and a tag with a region finds its language. */
static void test_long_text_welsh(void **state)
{
	(void)state;
	static const char *const months[12] = {
		"Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin",
		"Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr",
	};
	const struct words *welsh = words_for("cy");
	assert_non_null(welsh);
	assert_ptr_equal(words_for("cy-GB"), welsh);
	for (int m = 0; m < 12; m++) {
		char iso[16], expected[48];
		snprintf(iso, sizeof iso, "2024-%02d-22", m + 1);
		snprintf(expected, sizeof expected, "22 %s 2024", months[m]);
		char *text = dates_long_text(iso, welsh);
		assert_string_equal(text, expected);
		free(text);
	}
	char *english = dates_long_text("2024-02-22", words_for("en-US"));
	assert_string_equal(english, "22 February 2024");
	free(english);
	assert_null(words_for("fr"));
}

static void test_long_text(void **state)
{
	(void)state;
	expect_long("2024-06-30", "30 June 2024");
	expect_long("2024-01-01", "1 January 2024");
	expect_long("0999-12-31", "31 December 0999");
	/* Not an ISO date: printed as written. */
	expect_long("Q3 2024", "Q3 2024");
	expect_long("2024-13-01", "2024-13-01");
	expect_long("2024-06-30T10:00", "2024-06-30T10:00");
	assert_null(dates_long_text(NULL, NULL));
}

static void test_parse(void **state)
{
	(void)state;
	int year = 0, month = 0, day = 0;
	assert_true(dates_parse_iso("2024-02-29", &year, &month, &day));
	assert_int_equal(year, 2024);
	assert_int_equal(month, 2);
	assert_int_equal(day, 29);
	assert_false(dates_parse_iso("2024-2-29", &year, &month, &day));
	assert_false(dates_parse_iso("2024-02-00", &year, &month, &day));
	assert_false(dates_parse_iso("2024-0a-01", &year, &month, &day));
	assert_false(dates_parse_iso(NULL, &year, &month, &day));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_long_text),
		cmocka_unit_test(test_long_text_welsh),
		cmocka_unit_test(test_parse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
