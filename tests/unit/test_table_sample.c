/* The shipped samples through the real loader, house style and fonts: in
 * every assessment and performance table each rating cell shows its label
 * on the style's colours, the header starts every page, theme rows are
 * never last on a page, table boxes stay inside the margins and no two
 * lines of text overlap. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fonts.h"
#include "layout_internal.h"
#include "sample_fixture.h"
#include "rating.h"
#include "table_checks.h"

static void check_rating(const struct sample_fixture *f, uint32_t cell,
			 const struct source_scale *scale, int index)
{
	uint32_t fill, color;
	const char *text;
	cell_look(f->list, cell, &fill, &text, &color);
	assert_non_null(text);
	struct style_rating_key key = layout_rating_key(scale, (size_t)index);
	struct style_rating_look colors = style_rating(f->style, &key);
	/* a label may take two lines: compare all of the cell's text */
	char *got = node_text_squeezed(f->list, cell, NULL);
	char *want = squeeze(scale->ratings[index].label);
	assert_string_equal(got, want);
	free(got);
	free(want);
	assert_int_equal(fill, colors.background);
	assert_int_equal(color, colors.text);
}

/* The table checks every laid-out block must pass. */
static void check_table(const struct sample_fixture *f, uint32_t any_cell)
{
	uint32_t table = table_node_of(f->list, any_cell);
	assert_true(table > 0);
	check_header_on_every_page(f->list, table, first_page_of(f->list, table),
				   "Ref");
	assert_int_equal(pages_ending_with_span_row(f->list, table), 0);
}

/* No box of any table outside the margins (the page furniture lives in
 * them, so only table boxes are looked at). */
static void check_tables_inside(const struct sample_fixture *f)
{
	const struct style_page *sp = &f->style->page;
	for (size_t p = 0; p < f->list->page_count; p++) {
		const struct dl_page *page = &f->list->pages[p];
		for (size_t i = 0; i < page->box_count; i++) {
			const struct dl_box *b = &page->boxes[i];
			uint32_t n = b->node;
			while (n && f->list->nodes[n].role != ROLE_TABLE)
				n = f->list->nodes[n].parent;
			if (!n || b->kind == BOX_DEST)
				continue;
			assert_true(b->x_pt >= sp->margin_left_pt - CHECK_EPSILON_PT);
			assert_true(b->x_pt + b->width_pt <=
				    page->width_pt - sp->margin_right_pt + CHECK_EPSILON_PT);
			assert_true(b->y_pt >= sp->margin_top_pt - CHECK_EPSILON_PT);
			assert_true(b->y_pt + b->height_pt <=
				    page->height_pt - sp->margin_bottom_pt + CHECK_EPSILON_PT);
		}
	}
}

static void test_best_value_sample(void **state)
{
	struct sample_fixture *f = sample_fixture_new("samples/best-value-2024.xml");
	*state = f;
	size_t items = 0, sees = 0;
	for (size_t a = 0; a < f->doc->appendix_count; a++) {
		const struct source_appendix *app = &f->doc->appendices[a];
		for (size_t b = 0; b < app->block_count; b++) {
			if (app->blocks[b].kind != BLOCK_ASSESSMENT)
				continue;
			const struct source_assessment *as = &app->blocks[b].u.assessment;
			uint32_t first = 0;
			for (size_t t = 0; t < as->theme_count; t++)
				for (size_t i = 0; i < as->themes[t].item_count; i++) {
					const struct source_item *item = &as->themes[t].items[i];
					uint32_t rating = row_cell(f->list, item->pos.line, 2);
					assert_true(rating > 0);
					if (!first)
						first = rating;
					if (item->rating_index >= 0)
						check_rating(f, rating, &as->scale, item->rating_index);
					if (item->previous_index >= 0)
						check_rating(f, row_cell(f->list, item->pos.line, 3),
							     &as->scale, item->previous_index);
					if (item->see) {
						char expected[64];
						snprintf(expected, sizeof expected, "See %s", item->see);
						char *got = node_text_squeezed(
							f->list, row_cell(f->list, item->pos.line, 4), NULL);
						char *want = squeeze(expected);
						assert_string_equal(got, want);
						free(got);
						free(want);
						sees++;
					}
					items++;
				}
			check_table(f, first);
		}
	}
	assert_true(items >= 70); /* seven themes of the guidance */
	assert_true(sees >= 1);
	check_tables_inside(f);
	assert_true(table_text_disjoint(f->list));
}

static void test_quarterly_sample(void **state)
{
	struct sample_fixture *f = sample_fixture_new("samples/adults-2024-q2.xml");
	*state = f;
	size_t measures = 0, contextual = 0;
	for (size_t a = 0; a < f->doc->appendix_count; a++) {
		const struct source_appendix *app = &f->doc->appendices[a];
		for (size_t b = 0; b < app->block_count; b++) {
			if (app->blocks[b].kind != BLOCK_PERFORMANCE)
				continue;
			const struct source_performance *perf = &app->blocks[b].u.performance;
			uint32_t first = 0;
			for (size_t g = 0; g < perf->group_count; g++)
				for (size_t i = 0; i < perf->groups[g].measure_count; i++) {
					const struct source_measure *m = &perf->groups[g].measures[i];
					uint32_t rating = row_cell(f->list, m->pos.line, 5);
					assert_true(rating > 0);
					if (!first)
						first = rating;
					if (m->contextual) {
						uint32_t fill, color;
						const char *text;
						cell_look(f->list, rating, &fill, &text, &color);
						assert_string_equal(text, "Context");
						assert_int_equal(fill, DL_NO_COLOR);
						contextual++;
					} else {
						check_rating(f, rating, &perf->scale, m->rating_index);
						/* no data is never shown green */
						if (!m->actual.present)
							assert_int_not_equal(
								perf->scale.ratings[m->rating_index].standing,
								STANDING_MET);
					}
					char *travel = node_text_squeezed(
						f->list, row_cell(f->list, m->pos.line, 6), NULL);
					assert_non_null(strstr(travel, rating_travel_arrow(m->travel)));
					free(travel);
					measures++;
				}
			check_table(f, first);
		}
	}
	assert_true(measures > 0);
	assert_true(contextual > 0);
	check_tables_inside(f);
	assert_true(table_text_disjoint(f->list));
}


static size_t last_page_of(const struct display_list *list, uint32_t node)
{
	size_t last = 0;
	for (size_t p = 0; p < list->page_count; p++)
		for (size_t i = 0; i < list->pages[p].box_count; i++)
			if (node_within(list, list->pages[p].boxes[i].node, node))
				last = p;
	return last;
}

/* Every quarterly sample in the house style it names and in the
 * quarterly layout: the performance table starts on the page where the
 * dashboard's counts table ends (its first rows fit there in every
 * sample), and the trend lines come after the table. */
static void check_table_follows_dashboard(const char *source, const char *layout)
{
	struct diag_list diags = { 0 };
	struct fonts *fonts = fonts_open("fonts/fonts.conf", &diags);
	struct style *style = style_load(layout, &diags);
	struct source_doc *doc = source_load(source, &diags);
	assert_non_null(fonts);
	assert_non_null(style);
	assert_non_null(doc);
	struct display_list *list = layout_document(doc, style, fonts_context(fonts),
						    NULL, &diags);
	assert_non_null(list);
	size_t blocks = 0;
	for (size_t a = 0; a < doc->appendix_count; a++) {
		const struct source_appendix *app = &doc->appendices[a];
		for (size_t b = 0; b < app->block_count; b++) {
			if (app->blocks[b].kind != BLOCK_PERFORMANCE)
				continue;
			const struct source_performance *perf = &app->blocks[b].u.performance;
			assert_true(perf->group_count > 0 && perf->groups[0].measure_count > 0);
			uint32_t cell = row_cell(list, perf->groups[0].measures[0].pos.line, 0);
			uint32_t table = table_node_of(list, cell);
			assert_true(table > 0);
			uint32_t counts = 0, trends = 0;
			for (uint32_t n = 1; n < table; n++)
				if (list->nodes[n].role == ROLE_TABLE)
					counts = n;
			for (uint32_t n = table + 1; n < list->node_count && !trends; n++)
				if (list->nodes[n].role == ROLE_FIGURE)
					trends = n;
			assert_true(counts > 0);
			if (last_page_of(list, counts) != first_page_of(list, cell))
				fail_msg("%s in %s: the dashboard ends on page %zu, the "
					 "table's first row is on page %zu", source, layout,
					 last_page_of(list, counts) + 1,
					 first_page_of(list, cell) + 1);
			if (trends)
				assert_true(first_page_of(list, trends) >=
					    last_page_of(list, table));
			blocks++;
		}
	}
	assert_true(blocks > 0);
	dl_free(list);
	source_free(doc);
	style_free(style);
	fonts_close(fonts);
	diag_list_free(&diags);
}

static void test_table_follows_dashboard(void **state)
{
	(void)state;
	static const char *const areas[] = { "adults", "children", "environment",
					     "resources" };
	for (size_t a = 0; a < 4; a++)
		for (int q = 1; q <= 4; q++) {
			char source[64];
			snprintf(source, sizeof source, "samples/%s-2024-q%d.xml",
				 areas[a], q);
			check_table_follows_dashboard(source, "layouts/committee-report.xml");
			check_table_follows_dashboard(source, "layouts/quarterly-dashboard.xml");
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_best_value_sample, sample_fixture_teardown),
		cmocka_unit_test_teardown(test_quarterly_sample, sample_fixture_teardown),
		cmocka_unit_test(test_table_follows_dashboard),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
