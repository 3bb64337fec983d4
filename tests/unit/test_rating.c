/* Ratings from targets, tolerance and polarity; direction of travel; counts.
 * Models are built by hand so these tests never depend on the loader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "rating.h"

static struct source_rating rag[] = {
	{ "G", "On target", "", STANDING_MET, { 3, 1 } },
	{ "A", "Within tolerance", "", STANDING_PARTLY, { 4, 1 } },
	{ "R", "Off target", "", STANDING_NOT_MET, { 5, 1 } },
	{ "ND", "No data", "", STANDING_NO_DATA, { 6, 1 } },
};
enum { G, A, R, ND };

struct fixture {
	struct source_performance perf;
	struct source_measure_group group;
	struct source_measure measures[8];
	struct diag_list diags;
};

static struct source_value some(double v)
{
	return (struct source_value){ 1, v };
}

static const struct source_value none = { 0, 0.0 };

static void fixture_init(struct fixture *f, size_t measure_count)
{
	memset(f, 0, sizeof *f);
	f->perf.id = "q2";
	f->perf.pos = (struct source_pos){ 20, 5 };
	f->perf.period = "2024-Q2";
	f->perf.default_tolerance = some(5);
	f->perf.scale.ratings = rag;
	f->perf.scale.rating_count = 4;
	f->perf.groups = &f->group;
	f->perf.group_count = 1;
	f->group.name = "Adult Social Care";
	f->group.measures = f->measures;
	f->group.measure_count = measure_count;
	for (size_t i = 0; i < measure_count; i++) {
		f->measures[i].pos = (struct source_pos){ (uint32_t)(30 + i), 9 };
		f->measures[i].rating_index = -1;
		f->measures[i].previous_index = -1;
	}
}

/* A measure with target and actual, the block's default tolerance of 5%. */
static struct source_measure measure(enum measure_polarity polarity,
				     double target, double actual)
{
	struct source_measure m = { 0 };
	m.ref = "M1";
	m.polarity = polarity;
	m.target = some(target);
	m.actual = some(actual);
	m.rating_index = -1;
	m.previous_index = -1;
	return m;
}

static int computed(const struct fixture *f, struct source_measure m)
{
	return rating_compute(&f->perf, &m);
}

/* ---- rating rules ---- */

static void test_higher_is_better(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f, 0);
	enum measure_polarity up = POLARITY_HIGHER_IS_BETTER;
	/* target 85, 5% band: [80.75, 85) is amber */
	assert_int_equal(computed(&f, measure(up, 85, 90)), G);
	assert_int_equal(computed(&f, measure(up, 85, 85)), G);      /* on target */
	assert_int_equal(computed(&f, measure(up, 85.0, 84.9999999999)), G); /* equal within epsilon */
	assert_int_equal(computed(&f, measure(up, 85, 84.99)), A);
	assert_int_equal(computed(&f, measure(up, 85, 82.5)), A);
	assert_int_equal(computed(&f, measure(up, 85, 80.75)), A);   /* on the boundary */
	assert_int_equal(computed(&f, measure(up, 85, 80.74)), R);   /* just beyond */
	assert_int_equal(computed(&f, measure(up, 85, 0)), R);
}

static void test_lower_is_better(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f, 0);
	enum measure_polarity down = POLARITY_LOWER_IS_BETTER;
	/* target 20 days, 5% band: (20, 21] is amber */
	assert_int_equal(computed(&f, measure(down, 20, 10)), G);
	assert_int_equal(computed(&f, measure(down, 20, 20)), G);
	assert_int_equal(computed(&f, measure(down, 20, 20.5)), A);
	assert_int_equal(computed(&f, measure(down, 20, 21)), A);    /* on the boundary */
	assert_int_equal(computed(&f, measure(down, 20, 21.01)), R);
	assert_int_equal(computed(&f, measure(down, 20, 85)), R);
}

static void test_boundary_as_printed(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f, 0);
	/* 0.1 × 3 is not exactly 0.3 in binary; the rule must not care. */
	f.perf.default_tolerance = some(10);
	assert_int_equal(computed(&f, measure(POLARITY_HIGHER_IS_BETTER, 3, 3 - 0.1 * 3)), A);
	assert_int_equal(computed(&f, measure(POLARITY_LOWER_IS_BETTER, 0.3, 0.1 * 3)), G);
	assert_int_equal(computed(&f, measure(POLARITY_LOWER_IS_BETTER, 3, 3.3)), A);
}

static void test_tolerance_sources(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f, 0);
	struct source_measure m = measure(POLARITY_HIGHER_IS_BETTER, 100, 92);
	assert_int_equal(rating_compute(&f.perf, &m), R);  /* default 5% */
	m.tolerance = some(10);
	assert_int_equal(rating_compute(&f.perf, &m), A);  /* own 10% wins */
	m.tolerance = some(0);
	assert_int_equal(rating_compute(&f.perf, &m), R);
	m.tolerance = none;
	f.perf.default_tolerance = none;  /* no tolerance at all: no amber */
	m.actual = some(99.99);
	assert_int_equal(rating_compute(&f.perf, &m), R);
	m.actual = some(100);
	assert_int_equal(rating_compute(&f.perf, &m), G);
}

static void test_target_zero(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f, 0);
	enum measure_polarity down = POLARITY_LOWER_IS_BETTER;
	assert_int_equal(computed(&f, measure(down, 0, 0)), G);
	assert_int_equal(computed(&f, measure(down, 0, 1e-12)), G); /* within epsilon */
	assert_int_equal(computed(&f, measure(down, 0, 0.01)), R);  /* band of 0 */
	assert_int_equal(computed(&f, measure(down, 0, 1)), R);
	assert_int_equal(computed(&f, measure(POLARITY_HIGHER_IS_BETTER, 0, -1)), R);
}

static void test_negative_target(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f, 0);
	/* a budget variance of −100 (higher is better), 5% band = 5 */
	assert_int_equal(computed(&f, measure(POLARITY_HIGHER_IS_BETTER, -100, -105)), A);
	assert_int_equal(computed(&f, measure(POLARITY_HIGHER_IS_BETTER, -100, -105.1)), R);
}

static void test_missing_values_and_context(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f, 0);
	struct source_measure m = measure(POLARITY_HIGHER_IS_BETTER, 85, 90);
	m.actual = none;
	assert_int_equal(rating_compute_standing(&f.perf, &m), STANDING_NO_DATA);
	assert_int_equal(rating_compute(&f.perf, &m), ND);
	m.actual = some(90);
	m.target = none;
	assert_int_equal(rating_compute(&f.perf, &m), ND);
	m.contextual = 1;
	assert_int_equal(rating_compute_standing(&f.perf, &m), STANDING_NONE);
	assert_int_equal(rating_compute(&f.perf, &m), -1);
}

static void test_rating_found_by_standing_not_code(void **state)
{
	(void)state;
	static struct source_rating odd[] = {
		{ "X", "Failing", "", STANDING_NOT_MET, { 1, 1 } },
		{ "Y", "Unknown", "", STANDING_NO_DATA, { 1, 1 } },
		{ "Z", "Fine", "", STANDING_MET, { 1, 1 } },
		{ "W", "Close", "", STANDING_PARTLY, { 1, 1 } },
	};
	struct fixture f;
	fixture_init(&f, 0);
	f.perf.scale.ratings = odd;
	assert_int_equal(computed(&f, measure(POLARITY_HIGHER_IS_BETTER, 10, 11)), 2);
	assert_int_equal(computed(&f, measure(POLARITY_HIGHER_IS_BETTER, 10, 9.6)), 3);
	assert_int_equal(computed(&f, measure(POLARITY_HIGHER_IS_BETTER, 10, 1)), 0);
}

/* ---- rating_compute_performance ---- */

static void test_compute_fills_indexes(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f, 3);
	f.measures[0] = measure(POLARITY_HIGHER_IS_BETTER, 85, 86);
	f.measures[1] = measure(POLARITY_LOWER_IS_BETTER, 20, 30);
	f.measures[1].previous_rating = "A";
	f.measures[2] = measure(POLARITY_HIGHER_IS_BETTER, 0, 0);
	f.measures[2].contextual = 1;
	rating_compute_performance(&f.perf, "q2.xml", &f.diags);
	assert_int_equal(f.diags.count, 0);
	assert_int_equal(f.measures[0].rating_index, G);
	assert_int_equal(f.measures[1].rating_index, R);
	assert_int_equal(f.measures[1].previous_index, A);
	assert_int_equal(f.measures[1].travel, TRAVEL_DECLINING);
	assert_int_equal(f.measures[2].rating_index, -1);
	diag_list_free(&f.diags);
}

static void test_stated_rating_wins_with_warning(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f, 2);
	f.measures[0] = measure(POLARITY_HIGHER_IS_BETTER, 85, 82.5);
	f.measures[0].ref = "ASC01";
	f.measures[0].unit = "%";
	f.measures[0].stated_rating = "G";
	f.measures[0].pos = (struct source_pos){ 114, 9 };
	f.measures[1] = measure(POLARITY_HIGHER_IS_BETTER, 85, 82.5);
	f.measures[1].ref = "ASC02";
	f.measures[1].stated_rating = "A";  /* agrees: no warning */
	rating_compute_performance(&f.perf, "q2.xml", &f.diags);
	assert_int_equal(f.measures[0].rating_index, G);
	assert_int_equal(f.measures[1].rating_index, A);
	assert_int_equal(f.diags.count, 1);
	const struct diag *d = &f.diags.items[0];
	assert_int_equal(d->level, DIAG_WARNING);
	assert_string_equal(d->file, "q2.xml");
	assert_int_equal(d->line, 114);
	assert_int_equal(d->col, 9);
	assert_string_equal(d->message,
			    "measure ASC01 is stated G (On target) but its actual "
			    "82.5% against target 85% within 5% tolerance computes "
			    "A (Within tolerance)");
	diag_list_free(&f.diags);
}

static void test_stated_green_without_actual(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f, 1);
	f.measures[0] = measure(POLARITY_LOWER_IS_BETTER, 20, 0);
	f.measures[0].actual = none;
	f.measures[0].stated_rating = "G";
	rating_compute_performance(&f.perf, "q2.xml", &f.diags);
	assert_int_equal(f.diags.count, 1);
	assert_string_equal(f.diags.items[0].message,
			    "measure M1 is stated G (On target) but it has no actual, "
			    "so it computes ND (No data)");
	diag_list_free(&f.diags);
}

/* Complete (blue) is a judgement beyond "met": stated where the numbers
 * say met, it is no contradiction; where they say partly, it is. */
static void test_stated_complete_over_met(void **state)
{
	(void)state;
	static struct source_rating brag[] = {
		{ "B", "Complete", "", STANDING_COMPLETE, { 1, 1 } },
		{ "G", "On target", "", STANDING_MET, { 1, 1 } },
		{ "A", "Within tolerance", "", STANDING_PARTLY, { 1, 1 } },
		{ "R", "Off target", "", STANDING_NOT_MET, { 1, 1 } },
	};
	struct fixture f;
	fixture_init(&f, 2);
	f.perf.scale.ratings = brag;
	f.measures[0] = measure(POLARITY_HIGHER_IS_BETTER, 85, 99);
	f.measures[0].stated_rating = "B";
	f.measures[1] = measure(POLARITY_HIGHER_IS_BETTER, 85, 84);
	f.measures[1].ref = "M2";
	f.measures[1].stated_rating = "B";
	rating_compute_performance(&f.perf, "q2.xml", &f.diags);
	assert_int_equal(f.measures[0].rating_index, 0);
	assert_int_equal(f.measures[1].rating_index, 0);
	assert_int_equal(f.diags.count, 1);
	assert_non_null(strstr(f.diags.items[0].message, "measure M2 is stated B"));
	diag_list_free(&f.diags);
}

static void test_missing_standing_is_an_error(void **state)
{
	(void)state;
	static struct source_rating two[] = {
		{ "G", "Met", "", STANDING_MET, { 1, 1 } },
		{ "R", "Not met", "", STANDING_NOT_MET, { 1, 1 } },
	};
	struct fixture f;
	fixture_init(&f, 3);
	f.perf.scale.ratings = two;
	f.perf.scale.rating_count = 2;
	f.measures[0] = measure(POLARITY_HIGHER_IS_BETTER, 85, 90);
	f.measures[1] = measure(POLARITY_HIGHER_IS_BETTER, 85, 84);
	f.measures[1].ref = "ASC07";
	f.measures[1].pos = (struct source_pos){ 41, 3 };
	f.measures[2] = measure(POLARITY_HIGHER_IS_BETTER, 85, 83);
	f.measures[2].pos = (struct source_pos){ 42, 3 };
	rating_compute_performance(&f.perf, "q2.xml", &f.diags);
	/* one error for the missing standing, at the first measure needing it */
	assert_int_equal(diag_count(&f.diags, DIAG_ERROR), 1);
	assert_int_equal(f.diags.count, 1);
	assert_int_equal(f.diags.items[0].line, 41);
	assert_int_equal(f.diags.items[0].col, 3);
	assert_string_equal(f.diags.items[0].message,
			    "measure ASC07 needs a rating with standing \"partly\" "
			    "but the scale of performance block q2 has none");
	assert_int_equal(f.measures[0].rating_index, 0);
	assert_int_equal(f.measures[1].rating_index, -1);
	diag_list_free(&f.diags);
}

static void test_unknown_stated_code_is_an_error(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f, 1);
	f.measures[0] = measure(POLARITY_HIGHER_IS_BETTER, 85, 90);
	f.measures[0].stated_rating = "Q";
	rating_compute_performance(&f.perf, "q2.xml", &f.diags);
	assert_int_equal(diag_count(&f.diags, DIAG_ERROR), 1);
	assert_int_equal(f.measures[0].rating_index, G);
	diag_list_free(&f.diags);
}

static void test_contextual_stated_rating_ignored(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f, 1);
	f.measures[0] = measure(POLARITY_HIGHER_IS_BETTER, 85, 90);
	f.measures[0].contextual = 1;
	f.measures[0].stated_rating = "G";
	rating_compute_performance(&f.perf, "q2.xml", &f.diags);
	/* the loader's rules warn; computing adds nothing */
	assert_int_equal(f.diags.count, 0);
	assert_int_equal(f.measures[0].rating_index, -1);
	diag_list_free(&f.diags);
}

/* ---- direction of travel ---- */

static enum direction_of_travel travel_of(const struct fixture *f,
					  enum measure_polarity polarity,
					  double actual, double previous)
{
	struct source_measure m = measure(polarity, 50, actual);
	m.previous = some(previous);
	return rating_travel(&f->perf, &m);
}

static void test_travel_by_value(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f, 0);
	enum measure_polarity up = POLARITY_HIGHER_IS_BETTER;
	enum measure_polarity down = POLARITY_LOWER_IS_BETTER;
	assert_int_equal(travel_of(&f, up, 82.5, 80), TRAVEL_IMPROVING);
	assert_int_equal(travel_of(&f, up, 79, 80), TRAVEL_DECLINING);
	assert_int_equal(travel_of(&f, up, 80.0, 80), TRAVEL_UNCHANGED);
	assert_int_equal(travel_of(&f, up, 0.1 * 3, 0.3), TRAVEL_UNCHANGED);
	assert_int_equal(travel_of(&f, down, 12, 14), TRAVEL_IMPROVING);
	assert_int_equal(travel_of(&f, down, 15, 14), TRAVEL_DECLINING);
	assert_int_equal(travel_of(&f, down, 14, 14), TRAVEL_UNCHANGED);
}

/* Contextual measures (demand, activity) are not judged: a rise in
 * contacts is "rising" whatever the polarity says, never "improving". */
static void test_travel_of_contextual_measures(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f, 0);
	struct source_measure m = measure(POLARITY_LOWER_IS_BETTER, 50, 3640);
	m.contextual = 1;
	m.previous = some(3505);
	assert_int_equal(rating_travel(&f.perf, &m), TRAVEL_RISING);
	m.polarity = POLARITY_HIGHER_IS_BETTER;
	assert_int_equal(rating_travel(&f.perf, &m), TRAVEL_RISING);
	m.actual = some(3000);
	assert_int_equal(rating_travel(&f.perf, &m), TRAVEL_FALLING);
	m.actual = some(3505.0);
	assert_int_equal(rating_travel(&f.perf, &m), TRAVEL_UNCHANGED);
	m.actual = none;
	assert_int_equal(rating_travel(&f.perf, &m), TRAVEL_UNKNOWN);
	assert_string_equal(rating_travel_word(TRAVEL_RISING), "rising");
	assert_string_equal(rating_travel_word(TRAVEL_FALLING), "falling");
}

static void test_travel_by_rating(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f, 0);
	struct source_measure m = measure(POLARITY_LOWER_IS_BETTER, 20, 0);
	m.actual = none;
	m.rating_index = A;
	m.previous_index = R;
	assert_int_equal(rating_travel(&f.perf, &m), TRAVEL_IMPROVING);
	m.previous_index = G;
	assert_int_equal(rating_travel(&f.perf, &m), TRAVEL_DECLINING);
	m.previous_index = A;
	assert_int_equal(rating_travel(&f.perf, &m), TRAVEL_UNCHANGED);
	m.previous_index = ND;  /* no data cannot be compared */
	assert_int_equal(rating_travel(&f.perf, &m), TRAVEL_UNKNOWN);
	m.previous_index = -1;
	assert_int_equal(rating_travel(&f.perf, &m), TRAVEL_UNKNOWN);
	m.travel = TRAVEL_NEW;
	assert_int_equal(rating_travel(&f.perf, &m), TRAVEL_NEW);
}

static void test_compare_five_point_scale(void **state)
{
	(void)state;
	/* red … green listed worst first; middle grades have no standing */
	static struct source_rating five[] = {
		{ "1", "Red", "", STANDING_NOT_MET, { 1, 1 } },
		{ "2", "Amber", "", STANDING_NONE, { 1, 1 } },
		{ "3", "Yellow", "", STANDING_NONE, { 1, 1 } },
		{ "4", "Light green", "", STANDING_NONE, { 1, 1 } },
		{ "5", "Green", "", STANDING_MET, { 1, 1 } },
	};
	struct source_scale scale = { five, 5 };
	assert_true(rating_compare(&scale, 3, 2) > 0);
	assert_true(rating_compare(&scale, 1, 4) < 0);
	assert_int_equal(rating_compare(&scale, 2, 2), 0);
	assert_true(rating_compare(&scale, 4, 0) > 0);
	/* the same scale listed best first */
	static struct source_rating reversed[] = {
		{ "5", "Green", "", STANDING_MET, { 1, 1 } },
		{ "4", "Light green", "", STANDING_NONE, { 1, 1 } },
		{ "1", "Red", "", STANDING_NOT_MET, { 1, 1 } },
	};
	struct source_scale back = { reversed, 3 };
	assert_true(rating_compare(&back, 1, 2) > 0);
	assert_true(rating_compare(&back, 1, 0) < 0);
	assert_int_equal(rating_compare(&back, -1, 0), RATING_INCOMPARABLE);
}

/* ---- previous quarter ---- */

static void test_apply_previous(void **state)
{
	(void)state;
	struct fixture cur, prev;
	fixture_init(&cur, 3);
	fixture_init(&prev, 3);
	prev.perf.period = "2024-Q1";
	prev.perf.pos = (struct source_pos){ 99, 99 }; /* never used: other file */
	cur.measures[0] = measure(POLARITY_HIGHER_IS_BETTER, 85, 82.5);
	cur.measures[0].ref = "ASC01";
	cur.measures[1] = measure(POLARITY_LOWER_IS_BETTER, 20, 22);
	cur.measures[1].ref = "ASC03";
	cur.measures[1].previous = some(25);  /* the source's own value stays */
	cur.measures[2] = measure(POLARITY_HIGHER_IS_BETTER, 10, 12);
	cur.measures[2].ref = "ASC09";
	cur.measures[2].pos = (struct source_pos){ 50, 7 };
	prev.measures[0] = measure(POLARITY_HIGHER_IS_BETTER, 85, 84);
	prev.measures[0].ref = "ASC01";
	prev.measures[1] = measure(POLARITY_LOWER_IS_BETTER, 20, 19);
	prev.measures[1].ref = "ASC03";
	prev.measures[2] = measure(POLARITY_HIGHER_IS_BETTER, 10, 2);
	prev.measures[2].ref = "ASC02";
	rating_compute_performance(&prev.perf, "q1.xml", &prev.diags);
	rating_compute_performance(&cur.perf, "q2.xml", &cur.diags);
	assert_int_equal(cur.diags.count, 0);
	assert_int_equal(cur.measures[0].travel, TRAVEL_UNKNOWN);

	rating_apply_previous(&cur.perf, &prev.perf, "q2.xml", &cur.diags);
	assert_true(cur.measures[0].previous.present);
	assert_true(cur.measures[0].previous.value == 84);
	assert_string_equal(cur.measures[0].previous_rating, "A");
	assert_int_equal(cur.measures[0].previous_index, A);
	assert_int_equal(cur.measures[0].travel, TRAVEL_DECLINING);
	assert_true(cur.measures[1].previous.value == 25);
	assert_int_equal(cur.measures[1].travel, TRAVEL_IMPROVING);
	assert_int_equal(cur.measures[2].travel, TRAVEL_NEW);

	assert_int_equal(cur.diags.count, 2);
	diag_sort(&cur.diags);
	assert_int_equal(cur.diags.items[0].line, 20);  /* removed: at the block */
	assert_int_equal(cur.diags.items[0].col, 5);
	assert_string_equal(cur.diags.items[0].message,
			    "measure ASC02 of 2024-Q1 is no longer reported");
	assert_int_equal(cur.diags.items[1].line, 50);  /* new: at the measure */
	assert_string_equal(cur.diags.items[1].message,
			    "measure ASC09 is new: it is not in 2024-Q1");
	assert_string_equal(cur.diags.items[1].file, "q2.xml");

	/* recomputing keeps the new measure new */
	rating_compute_performance(&cur.perf, "q2.xml", &cur.diags);
	assert_int_equal(cur.measures[2].travel, TRAVEL_NEW);
	diag_list_free(&cur.diags);
	diag_list_free(&prev.diags);
}

static void test_apply_previous_translates_codes(void **state)
{
	(void)state;
	static struct source_rating words[] = {
		{ "Met", "Met", "", STANDING_MET, { 1, 1 } },
		{ "Close", "Close", "", STANDING_PARTLY, { 1, 1 } },
		{ "Missed", "Missed", "", STANDING_NOT_MET, { 1, 1 } },
		{ "None", "No data", "", STANDING_NO_DATA, { 1, 1 } },
	};
	struct fixture cur, prev;
	fixture_init(&cur, 1);
	fixture_init(&prev, 1);
	prev.perf.scale.ratings = words;
	cur.measures[0] = measure(POLARITY_HIGHER_IS_BETTER, 85, 90);
	cur.measures[0].actual = none;
	prev.measures[0] = measure(POLARITY_HIGHER_IS_BETTER, 85, 50);
	rating_compute_performance(&prev.perf, "q1.xml", &prev.diags);
	rating_compute_performance(&cur.perf, "q2.xml", &cur.diags);
	rating_apply_previous(&cur.perf, &prev.perf, "q2.xml", &cur.diags);
	/* "Missed" has no code here: taken by standing, as this scale's "R" */
	assert_string_equal(cur.measures[0].previous_rating, "R");
	assert_int_equal(cur.measures[0].previous_index, R);
	assert_true(cur.measures[0].previous.value == 50);
	assert_int_equal(cur.measures[0].travel, TRAVEL_UNKNOWN); /* no actual, ND */
	diag_list_free(&cur.diags);
	diag_list_free(&prev.diags);
}

/* ---- counts and words ---- */

static void test_counts(void **state)
{
	(void)state;
	struct fixture f;
	fixture_init(&f, 5);
	f.measures[0] = measure(POLARITY_HIGHER_IS_BETTER, 85, 90);
	f.measures[1] = measure(POLARITY_HIGHER_IS_BETTER, 85, 95);
	f.measures[2] = measure(POLARITY_HIGHER_IS_BETTER, 85, 10);
	f.measures[3] = measure(POLARITY_HIGHER_IS_BETTER, 85, 10);
	f.measures[3].contextual = 1;
	f.measures[4] = measure(POLARITY_HIGHER_IS_BETTER, 85, 10);
	f.measures[4].target = none;
	f.measures[0].previous = some(80);
	f.measures[2].previous = some(20);
	rating_compute_performance(&f.perf, "q2.xml", &f.diags);
	size_t counts[5];
	rating_count_measures(&f.perf, NULL, counts);
	assert_int_equal(counts[G], 2);
	assert_int_equal(counts[A], 0);
	assert_int_equal(counts[R], 1);
	assert_int_equal(counts[ND], 1);
	assert_int_equal(counts[4], 1);  /* unrated */
	rating_count_measures(&f.perf, &f.group, counts);
	assert_int_equal(counts[G], 2);
	size_t travel[RATING_TRAVEL_KINDS];
	rating_count_travel(&f.perf, NULL, travel);
	assert_int_equal(travel[TRAVEL_IMPROVING], 1);
	assert_int_equal(travel[TRAVEL_DECLINING], 1);
	assert_int_equal(travel[TRAVEL_UNKNOWN], 3);
	diag_list_free(&f.diags);
}

static void test_item_counts_and_movement(void **state)
{
	(void)state;
	struct source_item items[4] = { 0 };
	items[0].rating = "G"; items[0].previous = "A";
	items[1].rating = "R"; items[1].previous = "A";
	items[2].rating = "G"; items[2].previous = "G";
	items[3].rating = NULL;
	struct source_theme themes[2] = { 0 };
	themes[0].items = items;
	themes[0].item_count = 3;
	themes[1].items = items + 3;
	themes[1].item_count = 1;
	struct source_assessment a = { 0 };
	a.scale.ratings = rag;
	a.scale.rating_count = 4;
	a.themes = themes;
	a.theme_count = 2;
	size_t counts[5];
	rating_count_items(&a, NULL, counts);
	assert_int_equal(counts[G], 2);
	assert_int_equal(counts[R], 1);
	assert_int_equal(counts[4], 1);
	rating_count_items(&a, &themes[1], counts);
	assert_int_equal(counts[G], 0);
	assert_int_equal(counts[4], 1);
	size_t travel[RATING_TRAVEL_KINDS];
	rating_count_item_travel(&a, NULL, travel);
	assert_int_equal(travel[TRAVEL_IMPROVING], 1);
	assert_int_equal(travel[TRAVEL_DECLINING], 1);
	assert_int_equal(travel[TRAVEL_UNCHANGED], 1);
	assert_int_equal(travel[TRAVEL_UNKNOWN], 1);
}

static void test_words_and_arrows(void **state)
{
	(void)state;
	assert_string_equal(rating_travel_word(TRAVEL_IMPROVING), "improving");
	assert_string_equal(rating_travel_word(TRAVEL_DECLINING), "declining");
	assert_string_equal(rating_travel_word(TRAVEL_UNCHANGED), "unchanged");
	assert_string_equal(rating_travel_word(TRAVEL_NEW), "new");
	assert_string_equal(rating_travel_word(TRAVEL_UNKNOWN), "no comparison");
	assert_string_equal(rating_travel_arrow(TRAVEL_IMPROVING), "\xe2\x86\x91");
	assert_string_equal(rating_travel_arrow(TRAVEL_DECLINING), "\xe2\x86\x93");
	assert_string_equal(rating_travel_arrow(TRAVEL_UNCHANGED), "\xe2\x86\x92");
	assert_string_not_equal(rating_travel_arrow(TRAVEL_NEW),
				rating_travel_arrow(TRAVEL_UNKNOWN));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_higher_is_better),
		cmocka_unit_test(test_lower_is_better),
		cmocka_unit_test(test_boundary_as_printed),
		cmocka_unit_test(test_tolerance_sources),
		cmocka_unit_test(test_target_zero),
		cmocka_unit_test(test_negative_target),
		cmocka_unit_test(test_missing_values_and_context),
		cmocka_unit_test(test_rating_found_by_standing_not_code),
		cmocka_unit_test(test_compute_fills_indexes),
		cmocka_unit_test(test_stated_rating_wins_with_warning),
		cmocka_unit_test(test_stated_green_without_actual),
		cmocka_unit_test(test_stated_complete_over_met),
		cmocka_unit_test(test_missing_standing_is_an_error),
		cmocka_unit_test(test_unknown_stated_code_is_an_error),
		cmocka_unit_test(test_contextual_stated_rating_ignored),
		cmocka_unit_test(test_travel_by_value),
		cmocka_unit_test(test_travel_of_contextual_measures),
		cmocka_unit_test(test_travel_by_rating),
		cmocka_unit_test(test_compare_five_point_scale),
		cmocka_unit_test(test_apply_previous),
		cmocka_unit_test(test_apply_previous_translates_codes),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_item_counts_and_movement),
		cmocka_unit_test(test_words_and_arrows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
