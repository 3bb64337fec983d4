/* Assessment and performance tables: every rating cell carries the style's
 * colours for its rating and the rating's label, "see" items link to the
 * item that answers them, measures print their values, rating and
 * direction of travel in words, and the tables obey the engine's rules
 * (header on every page, theme rows never last, nothing outside the page,
 * no overlapping text). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rating_colours.h"
#include "layout_fixture.h"
#include "rating.h"
#include "table_checks.h"

static struct style_rating_colors block_ratings[] = {
	{ "R", 0xD4351C, 0xFFFFFF, STYLE_STANDING_NONE, 0, 0 },
	{ "A", 0xF47738, 0x000000, STYLE_STANDING_NONE, 0, 0 },
	{ "G", 0x00703C, 0xFFFFFF, STYLE_STANDING_NONE, 0, 0 },
	{ "B", 0x1D70B8, 0xFFFFFF, STYLE_STANDING_NONE, 0, 0 },
	{ "ND", 0xB1B4B6, 0x0B0C0C, STYLE_STANDING_NONE, 0, 0 },
	{ NULL, 0xF3F2F1, 0x0B0C0C, STYLE_STANDING_NONE, 0, 0 },
};

static struct source_rating scale_ratings[] = {
	{ "R", "Red", "Not met", STANDING_NOT_MET, { 10, 1 } },
	{ "A", "Amber", "Partly met", STANDING_PARTLY, { 11, 1 } },
	{ "G", "Green", "Met", STANDING_MET, { 12, 1 } },
	{ "B", "Blue", "Complete", STANDING_COMPLETE, { 13, 1 } },
	{ "ND", "No data", "No data", STANDING_NO_DATA, { 14, 1 } },
};

struct fixture {
	PangoContext *context;
	struct style style;
	struct diag_list diags;
	struct layout lo;
	/* the model, built by hand */
	struct source_theme themes[4];
	struct source_item items[4][12];
	char refs[4][12][16];
	char *evidence[4][12];
	struct source_assessment assessment;
	struct source_measure_group groups[3];
	struct source_measure measures[3][20];
	char measure_refs[3][20][16];
	struct source_performance performance;
};

static struct source_text text_of(const char *s, uint32_t line)
{
	struct source_text t = { .text = s, .pos = { line, 1 } };
	return t;
}

static void build_assessment(struct fixture *f)
{
	static const char *const theme_refs[4] = { "CI", "L", "G", "C" };
	static const char *const theme_names[4] = {
		"Continuous Improvement", "Leadership", "Governance", "Culture",
	};
	static const char *const codes[4] = { "R", "A", "G", "B" };
	struct source_assessment *a = &f->assessment;
	a->pos.line = 5;
	a->intro = text_of("Each characteristic is rated against the scale below.", 6);
	a->scale.ratings = scale_ratings;
	a->scale.rating_count = 4;
	a->previous_date = "2023-07-01";
	a->themes = f->themes;
	a->theme_count = 4;
	uint32_t line = 100;
	for (size_t t = 0; t < 4; t++) {
		struct source_theme *theme = &f->themes[t];
		theme->ref = theme_refs[t];
		theme->name = theme_names[t];
		theme->pos.line = line++;
		theme->description = text_of(t == 1 ? "Effective political and administrative leaders." : "", line);
		theme->items = f->items[t];
		theme->item_count = 12;
		for (size_t i = 0; i < 12; i++) {
			struct source_item *item = &f->items[t][i];
			snprintf(f->refs[t][i], sizeof f->refs[t][i], "%s%03zu",
				 theme_refs[t], i + 1);
			item->ref = f->refs[t][i];
			item->pos.line = line++;
			item->characteristic = text_of("A clear and consistent understanding of performance.", item->pos.line);
			size_t k = (t * 12 + i) % 4;
			item->rating = codes[k];
			item->rating_index = (int)k;
			item->previous = i % 3 ? codes[(k + 1) % 4] : NULL;
			item->previous_index = i % 3 ? (int)((k + 1) % 4) : -1;
			/* one evidence text far longer than a page */
			size_t words = (t == 1 && i == 4) ? 1800 : 10 + (i * 7) % 50;
			f->evidence[t][i] = filler(words, t + i);
			item->evidence = text_of(f->evidence[t][i], item->pos.line);
			item->actions = text_of(i % 2 ? "Refresh the framework." : "", item->pos.line);
			item->owner = "Head of Strategy and Policy";
			item->due = i % 2 ? "2024-06-30" : NULL;
		}
	}
	/* G006 is answered by CI012. */
	struct source_item *see = &f->items[2][5];
	see->see = "CI012";
	see->rating = NULL;
	see->rating_index = -1;
	see->previous_index = -1;
	see->evidence = text_of("", see->pos.line);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	f->context = fixture_context();
	fixture_style(&f->style);
	f->style.ratings = block_ratings;
	f->style.rating_count = sizeof block_ratings / sizeof block_ratings[0];
	layout_begin(&f->lo, NULL, &f->style, f->context, NULL, &f->diags);
	layout_set_landscape(&f->lo, 1);
	layout_new_page(&f->lo);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	dl_free(layout_end(&f->lo));
	diag_list_free(&f->diags);
	g_object_unref(f->context);
	for (size_t t = 0; t < 4; t++)
		for (size_t i = 0; i < 12; i++)
			free(f->evidence[t][i]);
	free(f);
	return 0;
}

static void check_rating_cell(const struct fixture *f, uint32_t cell,
			      const struct source_scale *scale, int index)
{
	uint32_t fill, color;
	const char *text;
	cell_look(f->lo.list, cell, &fill, &text, &color);
	assert_non_null(text);
	struct style_rating_key key = layout_rating_key(scale, (size_t)index);
	struct style_rating_look colors = style_rating(&f->style, &key);
	assert_string_equal(text, scale->ratings[index].label);
	assert_int_equal(fill, colors.background);
	assert_int_equal(color, colors.text);
}

/* The words of node's first line, its link's words included (a link is
 * a box of its own Link node), into out. */
static void first_line_text(const struct display_list *list, uint32_t node,
			    char *out, size_t size)
{
	const struct dl_box *first = NULL;
	size_t first_page = 0;
	out[0] = '\0';
	for (size_t p = 0; p < list->page_count; p++)
		for (size_t i = 0; i < list->pages[p].box_count; i++) {
			const struct dl_box *b = &list->pages[p].boxes[i];
			if (b->kind != BOX_TEXT || !words_of_node(list, b->node, node))
				continue;
			if (!first) {
				first = b;
				first_page = p;
			}
			if (b->y_pt == first->y_pt && p == first_page)
				strncat(out, b->u.text.text, size - strlen(out) - 1);
		}
}

static void test_assessment_ratings_and_links(void **state)
{
	struct fixture *f = *state;
	build_assessment(f);
	layout_assessment(&f->lo, &f->assessment);
	const struct display_list *list = f->lo.list;
	const struct source_scale *scale = &f->assessment.scale;

	for (size_t t = 0; t < 4; t++)
		for (size_t i = 0; i < 12; i++) {
			const struct source_item *item = &f->items[t][i];
			uint32_t rating = row_cell(list, item->pos.line, 2);
			uint32_t previous = row_cell(list, item->pos.line, 3);
			assert_true(rating > 0 && previous > 0);
			if (item->rating_index >= 0)
				check_rating_cell(f, rating, scale, item->rating_index);
			if (item->previous_index >= 0) {
				check_rating_cell(f, previous, scale, item->previous_index);
			} else {
				uint32_t fill, color;
				const char *text;
				cell_look(list, previous, &fill, &text, &color);
				/* an item answered by another was never rated */
				assert_string_equal(text, item->see ? "\u2013" : "New");
				assert_int_equal(fill, DL_NO_COLOR);
			}
		}

	/* The "see" item links to CI012, which has a destination. */
	const struct source_item *see = &f->items[2][5];
	uint32_t evidence = row_cell(list, see->pos.line, 4);
	uint32_t fill, color;
	const char *text;
	cell_look(list, evidence, &fill, &text, &color);
	char line[64];
	first_line_text(list, evidence, line, sizeof line);
	assert_string_equal(line, "See CI012");
	int link = 0, dest = 0;
	for (size_t p = 0; p < list->page_count; p++)
		for (size_t i = 0; i < list->pages[p].box_count; i++) {
			const struct dl_box *b = &list->pages[p].boxes[i];
			if (b->kind == BOX_LINK && b->u.link.dest &&
			    strcmp(b->u.link.dest, "CI012") == 0 &&
			    node_within(list, b->node, evidence))
				link++;
			if (b->kind == BOX_DEST && strcmp(b->u.dest, "CI012") == 0)
				dest++;
		}
	assert_int_equal(link, 1);
	assert_int_equal(dest, 1);

	/* A theme is one header cell across the row: reference, name and
	 * description. */
	uint32_t main_table = table_node_of(list, row_cell(list, f->items[0][0].pos.line, 0));
	uint32_t theme_row = 0, theme = 0;
	size_t theme_cells = 0;
	for (size_t n = 0; n < list->node_count; n++) {
		const struct dl_node *node = &list->nodes[n];
		if (node->role == ROLE_TABLE_ROW && node->parent == main_table &&
		    node->pos.line == f->themes[1].pos.line)
			theme_row = (uint32_t)n;
		if (theme_row && node->parent == theme_row) {
			theme = (uint32_t)n;
			theme_cells++;
		}
	}
	assert_int_equal(theme_cells, 1);
	assert_int_equal(list->nodes[theme].role, ROLE_TABLE_HEADER);
	char *theme_text = node_text_squeezed(list, theme, NULL);
	assert_string_equal(theme_text, "LLeadershipEffectivepoliticalandadministrativeleaders.");
	free(theme_text);

	/* The owner's due date is written out. */
	uint32_t owner = row_cell(list, f->items[0][1].pos.line, 6);
	char *owner_text = node_text_squeezed(list, owner, NULL);
	assert_non_null(strstr(owner_text, "by30June2024"));
	free(owner_text);

	/* The long evidence survives whole, over several pages. */
	const struct source_item *tall = &f->items[1][4];
	size_t pages = 0;
	char *placed = node_text_squeezed(list, row_cell(list, tall->pos.line, 4), &pages);
	char *expected = squeeze(tall->evidence.text);
	assert_string_equal(placed, expected);
	assert_true(pages >= 2);
	free(placed);
	free(expected);

	uint32_t table = table_node_of(list, row_cell(list, f->items[0][0].pos.line, 0));
	assert_true(table > 0);
	check_header_on_every_page(list, table, first_page_of(list, table), "Ref");
	assert_int_equal(pages_ending_with_span_row(list, table), 0);
	assert_true(table_boxes_inside(list, &f->style));
	assert_true(table_text_disjoint(list));
}

/* The key shows each rating's label and code on its colour, and its meaning. */
static void test_assessment_key(void **state)
{
	struct fixture *f = *state;
	build_assessment(f);
	layout_assessment(&f->lo, &f->assessment);
	const struct display_list *list = f->lo.list;
	for (size_t r = 0; r < f->assessment.scale.rating_count; r++) {
		const struct source_rating *rating = &f->assessment.scale.ratings[r];
		uint32_t swatch = row_cell(list, rating->pos.line, 0);
		uint32_t meaning = row_cell(list, rating->pos.line, 1);
		uint32_t fill, color;
		const char *text;
		cell_look(list, swatch, &fill, &text, &color);
		char expected[64];
		snprintf(expected, sizeof expected, "%s (%s)", rating->label, rating->code);
		assert_string_equal(text, expected);
		assert_int_equal(fill, code_look(&f->style, rating->code).background);
		cell_look(list, meaning, &fill, &text, &color);
		assert_string_equal(text, rating->meaning);
	}
}

static void add_measure(struct fixture *f, size_t g, size_t i, const char *unit,
			int contextual, double target, double actual,
			double previous, int has_data)
{
	struct source_measure *m = &f->measures[g][i];
	snprintf(f->measure_refs[g][i], sizeof f->measure_refs[g][i], "M%zu%02zu", g, i);
	m->ref = f->measure_refs[g][i];
	m->pos.line = (uint32_t)(500 + g * 100 + i);
	m->name = text_of("Adults who feel safe in their care", m->pos.line);
	m->unit = unit;
	m->polarity = POLARITY_HIGHER_IS_BETTER;
	m->contextual = contextual;
	m->target.present = !contextual;
	m->target.value = target;
	m->actual.present = has_data;
	m->actual.value = actual;
	m->previous.present = 1;
	m->previous.value = previous;
	m->commentary = text_of(i % 4 ? "Performance improved after the review of the service." : "", m->pos.line);
}

static void build_performance(struct fixture *f)
{
	static const char *const group_names[3] = { "Adult Social Care", "Children's Services", "Housing" };
	struct source_performance *perf = &f->performance;
	perf->pos.line = 400;
	perf->period = "2024-Q2";
	perf->default_tolerance.present = 1;
	perf->default_tolerance.value = 5;
	perf->intro = text_of("Measures are rated against target.", 401);
	perf->scale.ratings = scale_ratings;
	perf->scale.rating_count = 5;
	perf->groups = f->groups;
	perf->group_count = 3;
	for (size_t g = 0; g < 3; g++) {
		struct source_measure_group *group = &f->groups[g];
		group->name = group_names[g];
		group->pos.line = (uint32_t)(450 + g);
		group->measures = f->measures[g];
		group->measure_count = 20;
		for (size_t i = 0; i < 20; i++) {
			switch (i % 5) {
			case 0: add_measure(f, g, i, "%", 0, 85, 82.5, 80, 1); break;
			case 1: add_measure(f, g, i, "number", 1, 0, 1240, 1100, 1); break;
			case 2: add_measure(f, g, i, "days", 0, 10, 12.25, 14, 1); break;
			case 3: add_measure(f, g, i, "%", 0, 90, 0, 88, 0); break;
			default: add_measure(f, g, i, "%", 0, 50, 70, 60, 1); break;
			}
		}
	}
	rating_compute_performance(perf, "test.xml", &f->diags);
}

static char *cell_text(const struct display_list *list, uint32_t line, size_t n)
{
	uint32_t fill, color;
	const char *text;
	cell_look(list, row_cell(list, line, n), &fill, &text, &color);
	return text ? strdup(text) : NULL;
}

static void test_performance_cells(void **state)
{
	struct fixture *f = *state;
	build_performance(f);
	layout_performance(&f->lo, &f->performance);
	const struct display_list *list = f->lo.list;
	const struct source_scale *scale = &f->performance.scale;
	for (size_t g = 0; g < 3; g++)
		for (size_t i = 0; i < 20; i++) {
			const struct source_measure *m = &f->measures[g][i];
			uint32_t rating = row_cell(list, m->pos.line, 5);
			uint32_t fill, color;
			const char *text;
			cell_look(list, rating, &fill, &text, &color);
			if (m->contextual) {
				assert_string_equal(text, "Context");
				assert_int_equal(fill, DL_NO_COLOR);
				assert_int_equal(m->rating_index, -1);
			} else {
				assert_true(m->rating_index >= 0);
				check_rating_cell(f, rating, scale, m->rating_index);
			}
			if (!m->actual.present && !m->contextual) {
				assert_string_equal(text, "No data");
				assert_true(fill != code_look(&f->style, "G").background);
			}
			/* travel: the arrow and the word */
			char *travel = node_text_squeezed(list, row_cell(list, m->pos.line, 6), NULL);
			char joined[64];
			snprintf(joined, sizeof joined, "%s\u00A0%s",
				 rating_travel_arrow(m->travel), rating_travel_word(m->travel));
			char *expected = squeeze(joined);
			if (strcasecmp(travel, expected) != 0)
				fail_msg("travel \"%s\", expected \"%s\"", travel, expected);
			free(expected);
			free(travel);
		}
	/* values as a reader expects them */
	const struct { size_t i, col; const char *text; } values[] = {
		{ 0, 2, "85.0%" }, { 0, 3, "82.5%" }, { 0, 4, "80.0%" },
		{ 1, 3, "1,240" }, { 1, 2, "\u2013" }, { 1, 4, "1,100" },
		{ 2, 3, "12.25" }, { 3, 3, "\u2013" },
	};
	for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
		char *text = cell_text(list, f->measures[0][values[v].i].pos.line, values[v].col);
		assert_non_null(text);
		assert_string_equal(text, values[v].text);
		free(text);
	}
	char *name = node_text_squeezed(list, row_cell(list, f->measures[0][0].pos.line, 1), NULL);
	assert_string_equal(name, "Adultswhofeelsafeintheircare(%)");
	free(name);

	uint32_t table = table_node_of(list, row_cell(list, f->measures[0][0].pos.line, 0));
	check_header_on_every_page(list, table, first_page_of(list, table), "Ref");
	assert_int_equal(pages_ending_with_span_row(list, table), 0);
	assert_true(table_boxes_inside(list, &f->style));
	assert_true(table_text_disjoint(list));
}

static void test_value_format(void **state)
{
	(void)state;
	struct { int present; double value; const char *unit; const char *text; } cases[] = {
		{ 1, 85, "%", "85.0%" },
		{ 1, 1234567, "number", "1,234,567" },
		{ 1, -1500, NULL, "-1,500" },
		{ 1, 2.5, "days", "2.5" },
		{ 1, 0, "number", "0" },
		{ 0, 0, "%", "\u2013" },
		{ 1, 0.004, "number", "0" },
		{ 1, 1e300, "number", "1e+300" },
	};
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		struct source_value v = { cases[c].present, cases[c].value };
		char *text = layout_performance_value(&v, cases[c].unit);
		assert_string_equal(text, cases[c].text);
		free(text);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_assessment_ratings_and_links, setup, teardown),
		cmocka_unit_test_setup_teardown(test_assessment_key, setup, teardown),
		cmocka_unit_test_setup_teardown(test_performance_cells, setup, teardown),
		cmocka_unit_test(test_value_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
