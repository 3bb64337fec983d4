/* Dashboards as display-list facts: bar segments proportional to counts and
 * filled with the style's palette, every bar and swatch labelled, a Figure
 * with a text alternative, a counts table with header cells and totals, and
 * trend lines with their end values printed. Models are built by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

#include "rating_colours.h"
#include "fonts.h"
#include "layout_fixture.h"
#include "rating.h"

static struct style_rating_colors palette[] = {
	{ "G", 0x0F7A52, 0xFFFFFF, STYLE_STANDING_NONE, 0, 0 },
	{ "A", 0xF47738, 0x000000, STYLE_STANDING_NONE, 0, 0 },
	{ "R", 0xCA3535, 0xFFFFFF, STYLE_STANDING_NONE, 0, 0 },
	{ NULL, 0xB1B4B6, 0x000000, STYLE_STANDING_NONE, 0, 0 },
};

static struct source_rating rag[] = {
	{ "G", "On target", "", STANDING_MET, { 3, 1 } },
	{ "A", "Within tolerance", "", STANDING_PARTLY, { 4, 1 } },
	{ "R", "Off target", "", STANDING_NOT_MET, { 5, 1 } },
	{ "ND", "No data", "", STANDING_NO_DATA, { 6, 1 } },
};
enum { G, A, R, ND };

struct fixture {
	PangoContext *context;
	struct style style;
	struct diag_list diags;
	struct layout lo;
	struct display_list *list;
	/* a performance block: two groups */
	struct source_performance perf;
	struct source_measure_group groups[2];
	struct source_measure care[6], children[3];
	struct source_history_point history[2];
};

static struct source_value some(double v)
{
	return (struct source_value){ 1, v };
}

static void set_measure(struct source_measure *m, const char *ref, double target,
			double actual)
{
	memset(m, 0, sizeof *m);
	m->ref = ref;
	m->unit = "%";
	m->polarity = POLARITY_HIGHER_IS_BETTER;
	m->target = some(target);
	m->actual = some(actual);
	m->rating_index = -1;
	m->previous_index = -1;
}

/* Adult Social Care: 3 G, 1 A, 2 R; Children's Services: 1 G, 1 R and one
 * contextual measure. ASC01 has history 78, 79 and actual 82.5. */
static void build_performance(struct fixture *f)
{
	struct source_performance *p = &f->perf;
	p->id = "q2";
	p->pos = (struct source_pos){ 99, 5 };
	p->period = "2024-Q2";
	p->previous_period = "2024-Q1";
	p->default_tolerance = some(5);
	p->scale = (struct source_scale){ rag, 4 };
	set_measure(&f->care[0], "ASC01", 85, 90);
	set_measure(&f->care[1], "ASC02", 85, 86);
	set_measure(&f->care[2], "ASC03", 85, 85);
	set_measure(&f->care[3], "ASC04", 85, 82.5);
	set_measure(&f->care[4], "ASC05", 85, 10);
	set_measure(&f->care[5], "ASC06", 85, 20);
	f->history[0] = (struct source_history_point){ "2023-Q3", 78 };
	f->history[1] = (struct source_history_point){ "2023-Q4", 79 };
	f->care[0].history = f->history;
	f->care[0].history_count = 2;
	f->care[0].name.text = "Adults who feel safe";
	f->care[0].actual = some(82.5);
	f->care[0].stated_rating = "G";
	f->care[0].previous = some(80);
	f->care[4].previous = some(30);
	set_measure(&f->children[0], "CS01", 10, 12);
	set_measure(&f->children[1], "CS02", 10, 1);
	set_measure(&f->children[2], "CS03", 0, 1240);
	f->children[2].contextual = 1;
	f->groups[0] = (struct source_measure_group){ "Adult Social Care", { 100, 3 },
						      f->care, 6 };
	f->groups[1] = (struct source_measure_group){ "Children's Services", { 140, 3 },
						      f->children, 3 };
	p->groups = f->groups;
	p->group_count = 2;
	rating_compute_performance(p, "q2.xml", &f->diags);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	f->context = fixture_context();
	fixture_style(&f->style);
	f->style.ratings = palette;
	f->style.rating_count = 4;
	build_performance(f);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	dl_free(f->list);
	diag_list_free(&f->diags);
	g_object_unref(f->context);
	free(f);
	return 0;
}

static void lay_out_performance(struct fixture *f, int landscape)
{
	layout_begin(&f->lo, NULL, &f->style, f->context, NULL, &f->diags);
	layout_set_landscape(&f->lo, landscape);
	layout_new_page(&f->lo);
	layout_dashboard_performance(&f->lo, &f->perf);
	layout_trends_performance(&f->lo, &f->perf);
	f->list = layout_end(&f->lo);
	if (getenv("CHART_DUMP"))
		dl_dump_json(f->list, stdout);
}

/* ---- looking things up in the list ---- */

static uint32_t nth_node(const struct display_list *list, enum dl_role role,
			 size_t n)
{
	for (uint32_t i = 0; i < list->node_count; i++)
		if (list->nodes[i].role == role && n-- == 0)
			return i;
	fail_msg("no node %zu of role %d", n, (int)role);
	return 0;
}

static size_t count_nodes(const struct display_list *list, enum dl_role role)
{
	size_t n = 0;
	for (uint32_t i = 0; i < list->node_count; i++)
		n += list->nodes[i].role == role;
	return n;
}

static int has_ancestor(const struct display_list *list, uint32_t node,
			uint32_t ancestor)
{
	while (node != 0) {
		if (node == ancestor)
			return 1;
		node = list->nodes[node].parent;
	}
	return ancestor == 0;
}

/* The text box of node (or a descendant) whose text is exactly text. */
static const struct dl_box *find_text(const struct display_list *list,
				      uint32_t node, const char *text)
{
	for (size_t p = 0; p < list->page_count; p++)
		for (size_t i = 0; i < list->pages[p].box_count; i++) {
			const struct dl_box *b = &list->pages[p].boxes[i];
			if (b->kind == BOX_TEXT && has_ancestor(list, b->node, node) &&
			    strcmp(b->u.text.text, text) == 0)
				return b;
		}
	return NULL;
}

/* Every text box of node joined, spaces dropped (lines may break anywhere). */
static char *joined_text(const struct display_list *list, uint32_t node)
{
	size_t cap = 1, len = 0;
	char *out = calloc(1, 1);
	for (size_t p = 0; p < list->page_count; p++)
		for (size_t i = 0; i < list->pages[p].box_count; i++) {
			const struct dl_box *b = &list->pages[p].boxes[i];
			if (b->kind != BOX_TEXT || b->node != node)
				continue;
			for (const char *c = b->u.text.text; *c; c++) {
				if (*c == ' ')
					continue;
				if (len + 2 > cap) {
					cap = cap * 2 + 16;
					out = realloc(out, cap);
				}
				out[len++] = *c;
				out[len] = '\0';
			}
		}
	return out;
}

static char *without_spaces(const char *s)
{
	char *out = calloc(1, strlen(s) + 1);
	size_t n = 0;
	for (; *s; s++)
		if (*s != ' ')
			out[n++] = *s;
	return out;
}

/* Bar segments: the figure's rects as tall as a bar, before the legend's
 * swatches (which are smaller). */
static size_t bar_segments(const struct display_list *list, uint32_t figure,
			   const struct dl_box **out, size_t max)
{
	double bar_pt = 0;
	for (size_t p = 0; p < list->page_count; p++)
		for (size_t i = 0; i < list->pages[p].box_count; i++) {
			const struct dl_box *b = &list->pages[p].boxes[i];
			if (b->kind == BOX_RECT && b->node == figure)
				bar_pt = fmax(bar_pt, b->height_pt);
		}
	size_t n = 0;
	for (size_t p = 0; p < list->page_count; p++)
		for (size_t i = 0; i < list->pages[p].box_count; i++) {
			const struct dl_box *b = &list->pages[p].boxes[i];
			if (b->kind == BOX_RECT && b->node == figure &&
			    b->height_pt > bar_pt - 1e-9 && n < max)
				out[n++] = b;
		}
	return n;
}

/* ---- tests ---- */

static void test_bar_segments_proportional_and_in_palette(void **state)
{
	struct fixture *f = *state;
	lay_out_performance(f, 1);
	uint32_t figure = nth_node(f->list, ROLE_FIGURE, 0);
	const struct dl_box *seg[16];
	size_t n = bar_segments(f->list, figure, seg, 16);
	/* care: G (4 incl. stated), A 0? — see counts below; children: G, R */
	size_t care[5], children[5];
	rating_count_measures(&f->perf, &f->groups[0], care);
	rating_count_measures(&f->perf, &f->groups[1], children);
	size_t expected_counts[8], expected_n = 0;
	uint32_t expected_fill[8];
	const size_t *sets[2] = { care, children };
	for (int s = 0; s < 2; s++)
		for (int r = 0; r < 4; r++)
			if (sets[s][r]) {
				expected_counts[expected_n] = sets[s][r];
				expected_fill[expected_n++] =
					code_chart(&f->style, rag[r].code);
			}
	assert_int_equal(n, expected_n);
	double unit_pt = seg[0]->width_pt / (double)expected_counts[0];
	assert_true(unit_pt > 1);
	for (size_t i = 0; i < n; i++) {
		assert_true(fabs(seg[i]->width_pt - unit_pt * (double)expected_counts[i]) < 1e-6);
		assert_int_equal(seg[i]->fill, expected_fill[i]);
		assert_true(seg[i]->height_pt > 4);
	}
	/* segments of one bar abut; the second bar starts where the first did */
	assert_true(fabs(seg[1]->x_pt - (seg[0]->x_pt + seg[0]->width_pt)) < 1e-6);
	assert_true(fabs(seg[0]->x_pt - seg[expected_n - 2]->x_pt) < 1e-6);
	assert_true(seg[expected_n - 1]->y_pt > seg[0]->y_pt);
}

static void test_counts_as_expected(void **state)
{
	struct fixture *f = *state;
	size_t care[5], children[5];
	rating_count_measures(&f->perf, &f->groups[0], care);
	rating_count_measures(&f->perf, &f->groups[1], children);
	/* ASC01 stated G wins over computed A (a warning); ASC02, ASC03 G;
	 * ASC04 A; ASC05, ASC06 R. */
	assert_int_equal(care[G], 3);
	assert_int_equal(care[A], 1);
	assert_int_equal(care[R], 2);
	assert_int_equal(children[G], 1);
	assert_int_equal(children[R], 1);
	assert_int_equal(children[4], 1);
	assert_int_equal(diag_count(&f->diags, DIAG_WARNING), 1);
}

static void test_labels_legend_and_alt(void **state)
{
	struct fixture *f = *state;
	lay_out_performance(f, 1);
	uint32_t figure = nth_node(f->list, ROLE_FIGURE, 0);
	const struct display_list *list = f->list;
	assert_non_null(find_text(list, figure, "Adult Social Care"));
	assert_non_null(find_text(list, figure, "Children's Services"));
	assert_non_null(find_text(list, figure, "G 3 \xc2\xb7 A 1 \xc2\xb7 R 2"));
	assert_non_null(find_text(list, figure, "G 1 \xc2\xb7 R 1 \xc2\xb7 1 contextual"));
	/* legend: a swatch in each palette colour beside its code and label;
	 * no data only when something has none */
	assert_null(find_text(list, figure, "ND No data"));
	for (int r = 0; r < 3; r++) {
		char label[64];
		snprintf(label, sizeof label, "%s %s", rag[r].code, rag[r].label);
		const struct dl_box *text = find_text(list, figure, label);
		assert_non_null(text);
		uint32_t fill = code_chart(&f->style, rag[r].code);
		int found = 0;
		const struct dl_page *page = &list->pages[0];
		for (size_t i = 0; i < page->box_count; i++) {
			const struct dl_box *b = &page->boxes[i];
			if (b->kind == BOX_RECT && b->node == figure &&
			    b->fill == fill &&
			    b->x_pt < text->x_pt && text->x_pt - b->x_pt < 20 &&
			    fabs(b->y_pt - text->y_pt) < 10)
				found = 1;
		}
		assert_true(found);
	}
	const char *alt = list->nodes[figure].alt;
	assert_non_null(alt);
	assert_non_null(strstr(alt, "Adult Social Care: 3 On target, 1 Within "
				    "tolerance, 2 Off target."));
	assert_non_null(strstr(alt, "Children's Services: 1 On target, 1 Off "
				    "target, 1 contextual."));
}

static void test_summary_sentence(void **state)
{
	struct fixture *f = *state;
	lay_out_performance(f, 1);
	uint32_t para = nth_node(f->list, ROLE_PARAGRAPH, 0);
	char *text = joined_text(f->list, para);
	char *expected = without_spaces(
		"4 of 8 measures (50%) On target; 1 (13%) Within tolerance; "
		"3 (37%) Off target. 1 contextual measure is not "
		"rated. Since 2024-Q1: 1 improved, 1 declined, 0 unchanged.");
	assert_string_equal(text, expected);
	free(expected);
	free(text);
}

static void test_counts_table(void **state)
{
	struct fixture *f = *state;
	lay_out_performance(f, 1);
	const struct display_list *list = f->list;
	uint32_t table = nth_node(list, ROLE_TABLE, 0);
	/* group, 3 ratings (no data has no measure, so no column),
	 * contextual, total: header row + 2 rows + totals, each with its
	 * first cell a TH */
	assert_int_equal(count_nodes(list, ROLE_TABLE_ROW), 4);
	assert_int_equal(count_nodes(list, ROLE_TABLE_HEADER), 6 + 3);
	assert_non_null(find_text(list, table, "Group"));
	assert_non_null(find_text(list, table, "Total"));
	assert_non_null(find_text(list, table, "Contextual"));
	assert_non_null(find_text(list, table, "9"));  /* grand total */
	assert_non_null(find_text(list, table, "6"));  /* care total */
	/* the rating header cells wear the palette colour and say its label */
	for (int r = 0; r < 3; r++) {
		char *expected = without_spaces(rag[r].label);
		uint32_t cell = 0;
		for (uint32_t i = 0; i < list->node_count && !cell; i++) {
			if (list->nodes[i].role != ROLE_TABLE_HEADER)
				continue;
			char *text = joined_text(list, i);
			if (strcmp(text, expected) == 0)
				cell = i;
			free(text);
		}
		free(expected);
		assert_true(cell != 0);
		int filled = 0;
		const struct dl_page *page = &list->pages[0];
		for (size_t i = 0; i < page->box_count; i++) {
			const struct dl_box *b = &page->boxes[i];
			if (b->kind == BOX_RECT && b->node == cell &&
			    b->fill == palette[r].background)
				filled = 1;
		}
		assert_true(filled);
	}
}

static void test_side_by_side_on_one_page(void **state)
{
	struct fixture *f = *state;
	lay_out_performance(f, 1);
	const struct display_list *list = f->list;
	assert_int_equal(list->page_count, 1);
	uint32_t figure = nth_node(list, ROLE_FIGURE, 0);
	uint32_t table = nth_node(list, ROLE_TABLE, 0);
	const struct dl_box *bar = find_text(list, figure, "Adult Social Care");
	const struct dl_box *row = find_text(list, table, "Adult Social Care");
	assert_non_null(bar);
	assert_non_null(row);
	assert_true(bar->x_pt > row->x_pt + 200);  /* chart to the right */
	/* whole dashboard in under half the landscape page */
	double bottom = 0;
	for (size_t i = 0; i < list->pages[0].box_count; i++) {
		const struct dl_box *b = &list->pages[0].boxes[i];
		if (b->y_pt + b->height_pt > bottom)
			bottom = b->y_pt + b->height_pt;
	}
	assert_true(bottom < list->pages[0].height_pt / 2);
}

static void test_portrait_stacks_chart_over_table(void **state)
{
	struct fixture *f = *state;
	lay_out_performance(f, 0);
	const struct display_list *list = f->list;
	uint32_t figure = nth_node(list, ROLE_FIGURE, 0);
	uint32_t table = nth_node(list, ROLE_TABLE, 0);
	const struct dl_box *bar = find_text(list, figure, "Adult Social Care");
	const struct dl_box *row = find_text(list, table, "Adult Social Care");
	assert_true(fabs(row->x_pt - f->style.table.padding_pt - bar->x_pt) < 1e-6);
	assert_true(row->y_pt > bar->y_pt + 20);
}

static void test_trend_line(void **state)
{
	struct fixture *f = *state;
	lay_out_performance(f, 1);
	const struct display_list *list = f->list;
	assert_int_equal(count_nodes(list, ROLE_FIGURE), 2);
	uint32_t trends = nth_node(list, ROLE_FIGURE, 1);
	const struct dl_box *path = NULL;
	for (size_t p = 0; p < list->page_count; p++)
		for (size_t i = 0; i < list->pages[p].box_count; i++)
			if (list->pages[p].boxes[i].kind == BOX_PATH)
				path = &list->pages[p].boxes[i];
	assert_non_null(path);
	assert_int_equal(path->node, trends);
	assert_int_equal(path->u.path.point_count, 3);
	assert_int_equal(path->stroke, f->style.body.color);
	const double *pt = path->u.path.points_pt;
	/* oldest left, newest right; 78 lowest (bottom), 82.5 highest (top) */
	assert_true(pt[0] < pt[2] && pt[2] < pt[4]);
	assert_true(fabs(pt[1] - (path->y_pt + path->height_pt)) < 1e-6);
	assert_true(fabs(pt[5] - path->y_pt) < 1e-6);
	assert_true(pt[3] < pt[1] && pt[3] > pt[5]);
	assert_non_null(find_text(list, trends, "ASC01"));
	const struct dl_box *first = find_text(list, trends, "78%");
	const struct dl_box *last = find_text(list, trends, "82.5%");
	assert_non_null(first);
	assert_non_null(last);
	assert_true(first->x_pt < pt[0] && last->x_pt > pt[4]);
	assert_non_null(strstr(list->nodes[trends].alt,
			       "ASC01 Adults who feel safe (2023-Q3 to 2024-Q2): 78%, "
			       "79%, 82.5%, improving."));
}

static void test_assessment_dashboard(void **state)
{
	struct fixture *f = *state;
	struct source_item items[5] = { 0 };
	const char *now[5] = { "G", "R", "G", "A", NULL };
	const char *before[5] = { "A", "A", "G", NULL, NULL };
	for (int i = 0; i < 5; i++) {
		items[i].rating = now[i];
		items[i].previous = before[i];
	}
	struct source_theme themes[2] = { 0 };
	themes[0].name = "Leadership";
	themes[0].items = items;
	themes[0].item_count = 3;
	themes[1].name = "Culture";
	themes[1].items = items + 3;
	themes[1].item_count = 2;
	struct source_assessment a = { 0 };
	a.scale = (struct source_scale){ rag, 3 };
	a.themes = themes;
	a.theme_count = 2;
	a.previous_date = "2023-09-01";
	layout_begin(&f->lo, NULL, &f->style, f->context, NULL, &f->diags);
	layout_set_landscape(&f->lo, 1);
	layout_new_page(&f->lo);
	layout_dashboard_assessment(&f->lo, &a);
	f->list = layout_end(&f->lo);
	const struct display_list *list = f->list;
	char *text = joined_text(list, nth_node(list, ROLE_PARAGRAPH, 0));
	char *expected = without_spaces(
		"2 of 4 characteristics (50%) On target; 1 (25%) Within tolerance; "
		"1 (25%) Off target. 1 characteristic is not rated. Since the "
		"previous self-assessment (1 September 2023): 1 improved, 1 declined, 1 unchanged.");
	assert_string_equal(text, expected);
	free(expected);
	free(text);
	uint32_t figure = nth_node(list, ROLE_FIGURE, 0);
	assert_non_null(strstr(list->nodes[figure].alt, "Leadership: 2 On target, 1 Off target."));
	assert_non_null(find_text(list, figure, "A 1 \xc2\xb7 1 not rated"));
	assert_non_null(find_text(list, nth_node(list, ROLE_TABLE, 0), "Theme"));
	assert_int_equal(count_nodes(list, ROLE_FIGURE), 1); /* no trends */
}

static void test_shipped_style_and_fonts(void **state)
{
	struct fixture *f = *state;
	struct fonts *fonts = fonts_open("fonts/fonts.conf", &f->diags);
	assert_non_null(fonts);
	struct style *style = style_load("layouts/committee-report.xml", &f->diags);
	assert_non_null(style);
	layout_begin(&f->lo, NULL, style, fonts_context(fonts), NULL, &f->diags);
	layout_set_landscape(&f->lo, 1);
	layout_new_page(&f->lo);
	layout_dashboard_performance(&f->lo, &f->perf);
	layout_trends_performance(&f->lo, &f->perf);
	f->list = layout_end(&f->lo);
	assert_int_equal(f->list->page_count, 1);
	uint32_t figure = nth_node(f->list, ROLE_FIGURE, 0);
	const struct dl_box *seg[16];
	size_t n = bar_segments(f->list, figure, seg, 16);
	assert_int_equal(n, 5);
	const char *codes[5] = { "G", "A", "R", "G", "R" };
	for (size_t i = 0; i < n; i++)
		assert_int_equal(seg[i]->fill, code_chart(style, codes[i]));
	assert_int_not_equal(code_chart(style, "G"),
			     code_chart(style, "R"));
	dl_free(f->list);
	f->list = NULL;
	style_free(style);
	fonts_close(fonts);
}

/* Forty groups: the chart no longer fits beside the table; it goes above
 * it and on to the next page, one figure, every bar drawn, nothing below
 * the bottom margin. */
static void test_many_groups_span_pages(void **state)
{
	struct fixture *f = *state;
	static struct source_measure_group many[40];
	static char names[40][32];
	for (int g = 0; g < 40; g++) {
		snprintf(names[g], sizeof names[g], "Directorate number %d", g + 1);
		many[g] = (struct source_measure_group){ names[g], { 1, 1 }, f->care,
							 (size_t)(1 + g % 6) };
	}
	f->perf.groups = many;
	f->perf.group_count = 40;
	lay_out_performance(f, 1);
	const struct display_list *list = f->list;
	assert_true(list->page_count >= 2);
	assert_int_equal(count_nodes(list, ROLE_FIGURE), 2);
	uint32_t figure = nth_node(list, ROLE_FIGURE, 0);
	for (int g = 0; g < 40; g++)
		assert_non_null(find_text(list, figure, names[g]));
	double bottom_margin = f->style.page.margin_bottom_pt;
	for (size_t p = 0; p < list->page_count; p++)
		for (size_t i = 0; i < list->pages[p].box_count; i++) {
			const struct dl_box *b = &list->pages[p].boxes[i];
			assert_true(b->y_pt + b->height_pt <=
				    list->pages[p].height_pt - bottom_margin + 0.01);
		}
	/* the table still has a row per group plus header and totals */
	assert_int_equal(count_nodes(list, ROLE_TABLE_ROW), 42);
}

static void test_nothing_rated(void **state)
{
	struct fixture *f = *state;
	struct source_measure_group empty = { "Empty", { 1, 1 }, NULL, 0 };
	f->perf.groups = &empty;
	f->perf.group_count = 1;
	lay_out_performance(f, 1);
	const struct display_list *list = f->list;
	char *text = joined_text(list, nth_node(list, ROLE_PARAGRAPH, 0));
	assert_string_equal(text, "Nomeasuresarerated.");
	free(text);
	uint32_t figure = nth_node(list, ROLE_FIGURE, 0);
	assert_non_null(find_text(list, figure, "none"));
	const struct dl_box *seg[4];
	/* only legend swatches: no bar segment wider than a swatch */
	size_t n = bar_segments(list, figure, seg, 4);
	for (size_t i = 0; i < n; i++)
		assert_true(seg[i]->width_pt < 12);

	/* no groups at all: the sentence only */
	dl_free(f->list);
	f->perf.group_count = 0;
	lay_out_performance(f, 1);
	assert_int_equal(count_nodes(f->list, ROLE_FIGURE), 0);
	assert_int_equal(count_nodes(f->list, ROLE_TABLE), 0);
	assert_int_equal(count_nodes(f->list, ROLE_PARAGRAPH), 1);
}

/* The published example: 38 of 46 (83%) Green; 2 (4%) Amber; 6 (13%) Red —
 * shares that add up to 100. */
static void test_percentages_add_up(void **state)
{
	struct fixture *f = *state;
	static struct source_measure ms[46];
	for (int i = 0; i < 46; i++) {
		memset(&ms[i], 0, sizeof ms[i]);
		ms[i].rating_index = i < 38 ? G : i < 40 ? A : R;
		ms[i].previous_index = -1;
	}
	struct source_measure_group group = { "All", { 1, 1 }, ms, 46 };
	f->perf.groups = &group;
	f->perf.group_count = 1;
	f->perf.scale.rating_count = 3;
	lay_out_performance(f, 1);
	char *text = joined_text(f->list, nth_node(f->list, ROLE_PARAGRAPH, 0));
	char *expected = without_spaces("38 of 46 measures (83%) On target; 2 (4%) "
					"Within tolerance; 6 (13%) Off target.");
	assert_string_equal(text, expected);
	free(expected);
	free(text);
	/* thirds: 34 + 33 + 33 */
	for (int i = 0; i < 3; i++)
		ms[i].rating_index = i;
	group.measure_count = 3;
	dl_free(f->list);
	lay_out_performance(f, 1);
	text = joined_text(f->list, nth_node(f->list, ROLE_PARAGRAPH, 0));
	expected = without_spaces("1 of 3 measures (34%) On target; 1 (33%) "
				  "Within tolerance; 1 (33%) Off target.");
	assert_string_equal(text, expected);
	free(expected);
	free(text);
}

/* "No data" gets a column only when some measure has no data. */
static void test_no_data_column_when_needed(void **state)
{
	struct fixture *f = *state;
	f->children[1].actual = (struct source_value){ 0, 0 };
	rating_compute_performance(&f->perf, "q2.xml", &f->diags);
	lay_out_performance(f, 1);
	const struct display_list *list = f->list;
	assert_int_equal(count_nodes(list, ROLE_TABLE_HEADER), 7 + 3);
	uint32_t table = nth_node(list, ROLE_TABLE, 0);
	int found = 0;
	for (uint32_t i = 0; i < list->node_count; i++) {
		if (list->nodes[i].role != ROLE_TABLE_HEADER ||
		    !has_ancestor(list, i, table))
			continue;
		char *text = joined_text(list, i);
		found |= strcmp(text, "Nodata") == 0;
		free(text);
	}
	assert_true(found);
	assert_non_null(find_text(list, nth_node(list, ROLE_FIGURE, 0), "ND No data"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_counts_as_expected, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bar_segments_proportional_and_in_palette,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_labels_legend_and_alt, setup, teardown),
		cmocka_unit_test_setup_teardown(test_summary_sentence, setup, teardown),
		cmocka_unit_test_setup_teardown(test_counts_table, setup, teardown),
		cmocka_unit_test_setup_teardown(test_side_by_side_on_one_page, setup, teardown),
		cmocka_unit_test_setup_teardown(test_portrait_stacks_chart_over_table,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_trend_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_assessment_dashboard, setup, teardown),
		cmocka_unit_test_setup_teardown(test_shipped_style_and_fonts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_groups_span_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nothing_rated, setup, teardown),
		cmocka_unit_test_setup_teardown(test_percentages_add_up, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_data_column_when_needed, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
