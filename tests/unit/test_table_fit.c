/* Tables that fit: an appendix whose items have no previous rating and no
 * owner prints no such columns (and says so in the key), a house style's
 * always="yes" keeps one; and in every shipped sample laid out in every
 * shipped house style, the short columns of assessment and performance
 * tables are no wider than their content and padding, and no text leaves
 * its cell. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "fonts.h"
#include "layout_internal.h"
#include "rating.h"
#include "table_checks.h"
#include "test_files.h"

/* Slack of the engine (a measured width plus 1 pt never wraps) and of
 * the dump's rounding. */
#define FIT_SLACK_PT 1.05

struct laid_out {
	struct fonts *fonts;
	struct style *style;
	struct source_doc *doc;
	struct display_list *list;
	struct diag_list diags;
};

static void lay_out(struct laid_out *l, const char *source, const char *layout)
{
	memset(l, 0, sizeof *l);
	l->fonts = fonts_open("fonts/fonts.conf", &l->diags);
	l->style = style_load(layout, &l->diags);
	l->doc = source_load(source, &l->diags);
	if (!l->fonts || !l->style || !l->doc)
		diag_print(&l->diags, stderr);
	assert_non_null(l->fonts);
	assert_non_null(l->style);
	assert_non_null(l->doc);
	l->list = layout_document(l->doc, l->style, fonts_context(l->fonts), NULL,
				  &l->diags);
	assert_non_null(l->list);
}

static void laid_out_free(struct laid_out *l)
{
	dl_free(l->list);
	source_free(l->doc);
	style_free(l->style);
	fonts_close(l->fonts);
	diag_list_free(&l->diags);
}

/* The header rows of assessment and performance tables: TR whose first
 * cell is a TH reading "Ref". Returns how many, up to max. */
static size_t header_rows(const struct display_list *list, uint32_t *rows,
			  size_t max)
{
	size_t count = 0;
	for (uint32_t tr = 0; tr < list->node_count && count < max; tr++) {
		uint32_t first = tr + 1;
		if (list->nodes[tr].role != ROLE_TABLE_ROW ||
		    first >= list->node_count || list->nodes[first].parent != tr ||
		    list->nodes[first].role != ROLE_TABLE_HEADER)
			continue;
		char *text = node_text_squeezed(list, first, NULL);
		if (strcmp(text, "Ref") == 0)
			rows[count++] = tr;
		free(text);
	}
	return count;
}

/* The titles of a header row, squeezed, joined by '|'. Caller frees. */
static char *header_titles(const struct display_list *list, uint32_t tr)
{
	char *joined = mem_strdup("");
	for (uint32_t c = tr + 1; c < list->node_count; c++) {
		if (list->nodes[c].parent != tr)
			continue;
		char *title = node_text_squeezed(list, c, NULL);
		char *next = mem_printf("%s%s%s", joined, joined[0] ? "|" : "", title);
		free(title);
		free(joined);
		joined = next;
	}
	return joined;
}

static int has_text(const struct display_list *list, const char *text)
{
	for (size_t p = 0; p < list->page_count; p++)
		for (size_t i = 0; i < list->pages[p].box_count; i++) {
			const struct dl_box *b = &list->pages[p].boxes[i];
			if (b->kind == BOX_TEXT && strcmp(b->u.text.text, text) == 0)
				return 1;
		}
	return 0;
}

static void test_empty_optional_columns_left_out(void **state)
{
	(void)state;
	struct laid_out l;
	lay_out(&l, "tests/layout/empty-optional-columns.xml",
		"layouts/committee-report.xml");
	uint32_t rows[4];
	assert_int_equal(header_rows(l.list, rows, 4), 1);
	char *titles = header_titles(l.list, rows[0]);
	assert_string_equal(titles, "Ref|Characteristic|Rating");
	free(titles);
	assert_true(has_text(l.list, "No previous ratings are recorded."));
	laid_out_free(&l);
}

static void test_always_keeps_a_column(void **state)
{
	(void)state;
	struct laid_out l;
	lay_out(&l, "tests/layout/always-columns.xml",
		"tests/layout/layouts/keep-columns.xml");
	assert_true(l.style->table.assessment_always[3]);
	assert_true(l.style->table.assessment_always[6]);
	assert_false(l.style->table.assessment_always[5]);
	uint32_t rows[4];
	assert_int_equal(header_rows(l.list, rows, 4), 1);
	char *titles = header_titles(l.list, rows[0]);
	assert_string_equal(titles, "Ref|Characteristic|Rating|Previous|Owner");
	free(titles);
	/* The kept column says there is nothing: no note is needed. */
	assert_false(has_text(l.list, "No previous ratings are recorded."));
	laid_out_free(&l);
}

/* Every text box of a table cell lies inside a rect of its cell on its
 * page: its own cell's, or for repeats (artifacts) the repeated cell's
 * whose box holds the text's top left corner. Returns the overflows, each
 * said on stderr. */
static size_t text_outside_cells(const struct display_list *list, const char *what)
{
	size_t outside = 0;
	const double eps = 0.02;
	for (size_t p = 0; p < list->page_count; p++) {
		const struct dl_page *page = &list->pages[p];
		for (size_t i = 0; i < page->box_count; i++) {
			const struct dl_box *t = &page->boxes[i];
			if (t->kind != BOX_TEXT)
				continue;
			enum dl_role role = list->nodes[t->node].role;
			int artifact = role == ROLE_ARTIFACT;
			if (!artifact && role != ROLE_TABLE_CELL &&
			    role != ROLE_TABLE_HEADER)
				continue;
			const struct dl_box *cell = NULL;
			for (size_t j = 0; j < page->box_count && !cell; j++) {
				const struct dl_box *r = &page->boxes[j];
				if (r->kind != BOX_RECT || r->node != t->node)
					continue;
				if (t->x_pt + eps >= r->x_pt &&
				    t->x_pt < r->x_pt + r->width_pt &&
				    t->y_pt + eps >= r->y_pt &&
				    t->y_pt < r->y_pt + r->height_pt)
					cell = r;
			}
			if (!cell) {
				if (artifact)
					continue; /* running header or footer */
				print_error("%s, page %zu: '%s' is in no cell of its own\n",
					    what, p + 1, t->u.text.text);
				outside++;
				continue;
			}
			if (t->x_pt + t->width_pt > cell->x_pt + cell->width_pt + eps ||
			    t->y_pt + t->height_pt > cell->y_pt + cell->height_pt + eps) {
				print_error("%s, page %zu: '%s' (%.2f wide at %.2f) leaves "
					    "its cell (%.2f wide at %.2f)\n", what, p + 1,
					    t->u.text.text, t->width_pt, t->x_pt,
					    cell->width_pt, cell->x_pt);
				outside++;
			}
		}
	}
	return outside;
}

/* Widest of texts in the cell font. */
static double widest_pt(struct layout *lo, const char *const *texts, size_t count)
{
	double widest = 0;
	for (size_t i = 0; i < count; i++) {
		struct layout_lines *lines = layout_measure_plain(
			lo, texts[i], &lo->style->table.cell_font, 1e5, ALIGN_LEFT);
		widest = fmax(widest, lines->width_pt);
		layout_lines_free(lines);
	}
	return widest;
}

/* The widest rating label of the source's scales, "Context" and the
 * travel words: what a rating or travel column must hold whole. */
static double label_floor_pt(struct layout *lo, const struct source_doc *doc)
{
	const char *texts[64];
	size_t count = 0;
	texts[count++] = "Context";
	static const enum direction_of_travel travels[] = {
		TRAVEL_UNKNOWN, TRAVEL_IMPROVING, TRAVEL_DECLINING,
		TRAVEL_UNCHANGED, TRAVEL_NEW,
	};
	char *owned[5];
	for (size_t t = 0; t < 5; t++) {
		owned[t] = mem_printf("%s\u00A0%s", rating_travel_arrow(travels[t]),
				      rating_travel_word(travels[t]));
		texts[count++] = owned[t];
	}
	for (size_t a = 0; a < doc->appendix_count; a++)
		for (size_t b = 0; b < doc->appendices[a].block_count; b++) {
			const struct source_block *block = &doc->appendices[a].blocks[b];
			const struct source_scale *scale =
				block->kind == BLOCK_ASSESSMENT ? &block->u.assessment.scale
				: block->kind == BLOCK_PERFORMANCE
					? &block->u.performance.scale
					: NULL;
			for (size_t r = 0; scale && r < scale->rating_count && count < 64; r++)
				texts[count++] = scale->ratings[r].label;
		}
	double floor_pt = widest_pt(lo, texts, count);
	for (size_t t = 0; t < 5; t++)
		free(owned[t]);
	return floor_pt;
}

static int is_short_column(const char *title)
{
	static const char *const short_titles[] = {
		"Ref", "Rating", "Previous", "Owner", "Target", "Actual",
		"Directionoftravel",
	};
	for (size_t i = 0; i < sizeof short_titles / sizeof short_titles[0]; i++)
		if (strcmp(title, short_titles[i]) == 0)
			return 1;
	return 0;
}

/* Each short column of the table headed by row tr is no wider than the
 * widest line it holds (the header's lines included), or than the widest
 * label it must hold whole, and padding. Returns the columns too wide. */
static size_t short_columns_too_wide(const struct display_list *list, uint32_t tr,
				     double padding_pt, double label_floor,
				     const char *what)
{
	size_t too_wide = 0;
	uint32_t table = list->nodes[tr].parent;
	for (uint32_t h = tr + 1; h < list->node_count; h++) {
		if (list->nodes[h].parent != tr)
			continue;
		char *title = node_text_squeezed(list, h, NULL);
		const struct dl_box *rect = NULL;
		for (size_t p = 0; p < list->page_count && !rect; p++)
			for (size_t i = 0; i < list->pages[p].box_count && !rect; i++)
				if (list->pages[p].boxes[i].node == h &&
				    list->pages[p].boxes[i].kind == BOX_RECT)
					rect = &list->pages[p].boxes[i];
		assert_non_null(rect);
		double left = rect->x_pt, width = rect->width_pt, content = 0;
		/* Every line of the table within the column's span: the boxes of
		 * one node at one height are one line. */
		for (size_t p = 0; p < list->page_count; p++) {
			const struct dl_page *page = &list->pages[p];
			for (size_t i = 0; i < page->box_count; i++) {
				const struct dl_box *b = &page->boxes[i];
				if (b->kind != BOX_TEXT || !node_within(list, b->node, table) ||
				    b->x_pt < left - 0.01 || b->x_pt >= left + width)
					continue;
				enum dl_role role = list->nodes[b->node].role;
				if (role != ROLE_TABLE_CELL && role != ROLE_TABLE_HEADER)
					continue;
				double line_left = b->x_pt, line_right = b->x_pt + b->width_pt;
				for (size_t j = 0; j < page->box_count; j++) {
					const struct dl_box *o = &page->boxes[j];
					if (o->kind != BOX_TEXT || o->node != b->node ||
					    fabs(o->y_pt - b->y_pt) > 0.5)
						continue;
					line_left = fmin(line_left, o->x_pt);
					line_right = fmax(line_right, o->x_pt + o->width_pt);
				}
				content = fmax(content, line_right - line_left);
			}
		}
		int labelled = strcmp(title, "Rating") == 0 ||
			       strcmp(title, "Previous") == 0 ||
			       strcmp(title, "Directionoftravel") == 0;
		double need = fmax(content, labelled ? label_floor : 0) + 2 * padding_pt;
		if (is_short_column(title) && width > need + FIT_SLACK_PT) {
			print_error("%s: column %s is %.2fpt wide, its content needs "
				    "%.2fpt\n", what, title, width, need);
			too_wide++;
		}
		free(title);
	}
	return too_wide;
}

/* Every sample that has an appendix table, in every shipped house style. */
static void test_samples_fit_their_cells(void **state)
{
	(void)state;
	char **layouts, **samples;
	size_t layout_count = xml_files("layouts", &layouts);
	size_t sample_count = xml_files("samples", &samples);
	assert_true(layout_count >= 3);
	assert_true(sample_count > 10);
	size_t overflows = 0, too_wide = 0, tables = 0;
	for (size_t s = 0; s < sample_count; s++)
		for (size_t y = 0; y < layout_count; y++) {
			struct laid_out l;
			lay_out(&l, samples[s], layouts[y]);
			char *what = mem_printf("%s in %s", samples[s], layouts[y]);
			overflows += text_outside_cells(l.list, what);
			struct layout lo;
			layout_begin(&lo, NULL, l.style, fonts_context(l.fonts), NULL,
				     &l.diags);
			double floor_pt = label_floor_pt(&lo, l.doc);
			dl_free(layout_end(&lo));
			uint32_t rows[16];
			size_t count = header_rows(l.list, rows, 16);
			for (size_t r = 0; r < count; r++)
				too_wide += short_columns_too_wide(
					l.list, rows[r], l.style->table.padding_pt,
					floor_pt, what);
			tables += count;
			free(what);
			laid_out_free(&l);
		}
	free_paths(layouts, layout_count);
	free_paths(samples, sample_count);
	assert_true(tables >= sample_count);
	assert_int_equal(overflows, 0);
	assert_int_equal(too_wide, 0);
}

/* The golden cases too (each in the house style it names: the shipped
 * one, or one in tests/layout/layouts beside them), including the long word that must
 * break inside its column. */
static void test_golden_cases_fit_their_cells(void **state)
{
	(void)state;
	char **cases;
	size_t count = xml_files("tests/layout", &cases);
	assert_true(count > 10);
	size_t overflows = 0;
	for (size_t i = 0; i < count; i++) {
		struct diag_list diags = { 0 };
		struct source_doc *doc = source_load(cases[i], &diags);
		assert_non_null(doc);
		const char *name = doc->layout ? doc->layout : STYLE_DEFAULT_LAYOUT;
		char *beside = mem_printf("tests/layout/layouts/%s.xml", name);
		char *layout = access(beside, R_OK) == 0
				       ? mem_strdup(beside)
				       : mem_printf("layouts/%s.xml", name);
		free(beside);
		source_free(doc);
		diag_list_free(&diags);
		struct laid_out l;
		lay_out(&l, cases[i], layout);
		overflows += text_outside_cells(l.list, cases[i]);
		laid_out_free(&l);
		free(layout);
	}
	free_paths(cases, count);
	assert_int_equal(overflows, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_optional_columns_left_out),
		cmocka_unit_test(test_always_keeps_a_column),
		cmocka_unit_test(test_samples_fit_their_cells),
		cmocka_unit_test(test_golden_cases_fit_their_cells),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
