/* The one colour rule for ratings (style_rating) and what the layout tells
 * it (layout_rating_key): by code, by standing, by position on the scale,
 * the fallback only when nothing else can colour a rating; interpolated
 * colours that pass WCAG 2 contrast on every shipped layout; and the
 * warning for a rating that would be grey. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "layout_internal.h"
#include "memory.h"

#define PAGE_WHITE 0xFFFFFFu
static const char *const shipped[] = {
	"layouts/committee-report.xml",
	"layouts/committee-report-landscape-appendix.xml",
	"layouts/quarterly-dashboard.xml",
};
#define SHIPPED_COUNT (sizeof shipped / sizeof shipped[0])

static struct style *load(const char *path)
{
	struct diag_list diags = { 0 };
	struct style *style = style_load(path, &diags);
	if (!style)
		diag_print(&diags, stderr);
	assert_non_null(style);
	assert_int_equal(diag_count(&diags, DIAG_ERROR), 0);
	diag_list_free(&diags);
	return style;
}

static struct source_rating rating(const char *code, const char *label,
				   enum rating_standing standing)
{
	struct source_rating r = { code, label, "", standing, { 10, 9 } };
	return r;
}

static struct style_rating_look look_at(const struct style *style,
					const struct source_scale *scale,
					size_t index)
{
	struct style_rating_key key = layout_rating_key(scale, index);
	return style_rating(style, &key);
}

/* The palette entry named code, for comparing colours. */
static const struct style_rating_colors *entry(const struct style *style,
					       const char *code)
{
	for (size_t i = 0; i + 1 < style->rating_count; i++)
		if (strcmp(style->ratings[i].code, code) == 0)
			return &style->ratings[i];
	fail_msg("no palette entry %s", code);
	return NULL;
}

/* High, Medium, Low without standings and Closed complete: read worst
 * first, so High is red, Low green, Closed blue, Medium between. */
static void test_risk_scale(void **state)
{
	(void)state;
	struct source_rating ratings[] = {
		rating("H", "High", STANDING_NONE),
		rating("M", "Medium", STANDING_NONE),
		rating("L", "Low", STANDING_NONE),
		rating("C", "Closed", STANDING_COMPLETE),
	};
	struct source_scale scale = { ratings, 4 };
	struct style_rating_key h = layout_rating_key(&scale, 0);
	struct style_rating_key c = layout_rating_key(&scale, 3);
	assert_true(h.graded);
	assert_true(h.position == 0.0);
	assert_true(layout_rating_key(&scale, 1).position == 0.5);
	assert_true(layout_rating_key(&scale, 2).position == 1.0);
	assert_false(c.graded); /* complete lies beyond the grades */
	assert_false(c.standing_shared);
	for (size_t i = 0; i < SHIPPED_COUNT; i++) {
		struct style *s = load(shipped[i]);
		struct style_rating_look high = look_at(s, &scale, 0);
		assert_int_equal(high.match, STYLE_MATCH_POSITION);
		assert_int_equal(high.background, entry(s, "R")->background);
		assert_int_equal(high.text, entry(s, "R")->text);
		assert_int_equal(look_at(s, &scale, 1).background, entry(s, "Y")->background);
		assert_int_equal(look_at(s, &scale, 2).background, entry(s, "G")->background);
		struct style_rating_look closed = look_at(s, &scale, 3);
		assert_int_equal(closed.match, STYLE_MATCH_STANDING);
		assert_int_equal(closed.background, entry(s, "B")->background);
		style_free(s);
	}
}

/* A standing of its own colours a code the palette does not name; the
 * code wins where the palette names it. */
static void test_by_standing_and_code(void **state)
{
	(void)state;
	struct source_rating ratings[] = {
		rating("OK", "On track", STANDING_MET),
		rating("R", "Off track", STANDING_NOT_MET),
		rating("G", "No data", STANDING_NO_DATA), /* code beats standing */
	};
	struct source_scale scale = { ratings, 3 };
	struct style *s = load(shipped[0]);
	struct style_rating_look ok = look_at(s, &scale, 0);
	assert_int_equal(ok.match, STYLE_MATCH_STANDING);
	assert_int_equal(ok.background, entry(s, "G")->background);
	assert_int_equal(look_at(s, &scale, 1).match, STYLE_MATCH_CODE);
	struct style_rating_look g = look_at(s, &scale, 2);
	assert_int_equal(g.match, STYLE_MATCH_CODE);
	assert_int_equal(g.background, entry(s, "G")->background);
	style_free(s);
}

/* Listed best first, as performance scales are: the standings turn it, so
 * the not-met end is still red. Two ratings sharing a standing take
 * their places on the scale, not one colour. */
static void test_best_first_and_shared(void **state)
{
	(void)state;
	struct source_rating ratings[] = {
		rating("T", "On target", STANDING_MET),
		rating("W", "Within tolerance", STANDING_PARTLY),
		rating("O1", "Off target", STANDING_NOT_MET),
		rating("O2", "Far off target", STANDING_NOT_MET),
		rating("X", "No data", STANDING_NO_DATA),
	};
	struct source_scale scale = { ratings, 5 };
	struct style_rating_key worst = layout_rating_key(&scale, 3);
	assert_true(worst.graded && worst.position == 0.0);
	assert_true(worst.standing_shared);
	assert_true(layout_rating_key(&scale, 0).position == 1.0);
	assert_false(layout_rating_key(&scale, 4).graded);
	struct style *s = load(shipped[0]);
	assert_int_equal(look_at(s, &scale, 3).background, entry(s, "R")->background);
	struct style_rating_look off = look_at(s, &scale, 2);
	assert_int_equal(off.match, STYLE_MATCH_POSITION);
	assert_int_not_equal(off.background, entry(s, "R")->background);
	assert_int_equal(look_at(s, &scale, 0).background, entry(s, "G")->background);
	assert_int_equal(look_at(s, &scale, 4).background, entry(s, "ND")->background);
	style_free(s);
}

/* 1 to 5 without standings: the palette's five graded colours in turn;
 * a four-point scale falls between them and is still distinct. */
static void test_numbered_scales(void **state)
{
	(void)state;
	struct source_rating five[] = {
		rating("1", "Very weak", STANDING_NONE),
		rating("2", "Weak", STANDING_NONE),
		rating("3", "Adequate", STANDING_NONE),
		rating("4", "Good", STANDING_NONE),
		rating("5", "Excellent", STANDING_NONE),
	};
	struct source_scale scale = { five, 5 };
	struct source_scale four = { five, 4 };
	const char *expected[] = { "R", "A", "Y", "LG", "G" };
	for (size_t i = 0; i < SHIPPED_COUNT; i++) {
		struct style *s = load(shipped[i]);
		for (size_t r = 0; r < 5; r++) {
			struct style_rating_look look = look_at(s, &scale, r);
			assert_int_equal(look.match, STYLE_MATCH_POSITION);
			assert_int_equal(look.background, entry(s, expected[r])->background);
		}
		style_rgb seen[4];
		for (size_t r = 0; r < 4; r++) {
			seen[r] = look_at(s, &four, r).background;
			for (size_t q = 0; q < r; q++)
				assert_int_not_equal(seen[q], seen[r]);
		}
		style_free(s);
	}
}

/* Every position, on every shipped layout: cell text 4.5:1 on its fill,
 * bars 3:1 on the page, never the fallback. */
static void test_interpolated_contrast(void **state)
{
	(void)state;
	for (size_t i = 0; i < SHIPPED_COUNT; i++) {
		struct style *s = load(shipped[i]);
		for (int step = 0; step <= 240; step++) {
			struct style_rating_key key = {
				.code = "X",
				.graded = 1,
				.position = step / 240.0,
			};
			struct style_rating_look look = style_rating(s, &key);
			assert_int_equal(look.match, STYLE_MATCH_POSITION);
			double text = style_contrast(look.text, look.background);
			double chart = style_contrast(look.chart, PAGE_WHITE);
			if (text < 4.5 || chart < 3.0)
				fail_msg("%s at %.3f: text %.2f:1, chart %.2f:1",
					 shipped[i], key.position, text, chart);
		}
		style_free(s);
	}
}

/* A palette without graded colours or standings can colour only by code:
 * the rest is the fallback. */
static void test_plain_palette(void **state)
{
	(void)state;
	struct style_rating_colors colours[] = {
		{ "R", 0xCA3535, 0xFFFFFF, STYLE_STANDING_NONE, 0, 0 },
		{ NULL, 0xB1B4B6, 0x000000, STYLE_STANDING_NONE, 0, 0 },
	};
	struct style s;
	memset(&s, 0, sizeof s);
	s.ratings = colours;
	s.rating_count = 2;
	struct style_rating_key key = {
		.code = "H", .standing = STYLE_STANDING_NOT_MET, .graded = 1,
	};
	struct style_rating_look look = style_rating(&s, &key);
	assert_int_equal(look.match, STYLE_MATCH_FALLBACK);
	assert_int_equal(look.background, 0xB1B4B6);
	key.code = "R";
	assert_int_equal(style_rating(&s, &key).match, STYLE_MATCH_CODE);
}

/* A scale's only grade with no standing has nowhere to go: a warning at
 * its <rating>; with a standing it is coloured and nothing is said. */
static void test_grey_warning(void **state)
{
	(void)state;
	struct source_rating ratings[] = {
		rating("OPEN", "Open", STANDING_NONE),
		rating("SHUT", "Closed", STANDING_COMPLETE),
	};
	struct source_block block;
	memset(&block, 0, sizeof block);
	block.kind = BLOCK_ASSESSMENT;
	block.u.assessment.scale.ratings = ratings;
	block.u.assessment.scale.rating_count = 2;
	struct source_appendix appendix;
	memset(&appendix, 0, sizeof appendix);
	appendix.blocks = &block;
	appendix.block_count = 1;
	struct source_doc doc;
	memset(&doc, 0, sizeof doc);
	doc.path = "risks.xml";
	doc.appendices = &appendix;
	doc.appendix_count = 1;
	struct style *s = load(shipped[0]);
	struct diag_list diags = { 0 };
	layout_check_colours(&doc, s, &diags);
	assert_int_equal(diags.count, 1);
	assert_int_equal(diags.items[0].level, DIAG_WARNING);
	assert_int_equal(diags.items[0].line, 10);
	assert_int_equal(diags.items[0].col, 9);
	assert_non_null(strstr(diags.items[0].message,
			       "rating \"OPEN\" (Open) would print in the fallback grey"));
	diag_list_free(&diags);
	ratings[0].standing = STANDING_NOT_MET;
	layout_check_colours(&doc, s, &diags);
	assert_int_equal(diags.count, 0);
	diag_list_free(&diags);
	style_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_risk_scale),
		cmocka_unit_test(test_by_standing_and_code),
		cmocka_unit_test(test_best_first_and_shared),
		cmocka_unit_test(test_numbered_scales),
		cmocka_unit_test(test_interpolated_contrast),
		cmocka_unit_test(test_plain_palette),
		cmocka_unit_test(test_grey_warning),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
