/* The table engine: the header row repeats on every page as an artifact,
 * tall rows split over pages without losing text, short rows move whole,
 * keep-with-next rows are never last on a page, nothing leaves the
 * printable area and no two lines of text overlap. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "layout_fixture.h"
#include "table_checks.h"

static int setup(void **state)
{
	*state = layout_fixture_new();
	return 0;
}

static int teardown(void **state)
{
	layout_fixture_free(*state);
	return 0;
}

static struct layout_cell cell(const char *text)
{
	return layout_plain_cell(text, ALIGN_LEFT);
}

static const double three_columns[3] = { 0.15, 0.35, 0.5 };
static const char *const header_titles[3] = { "Ref", "Name", "Notes" };

static void begin_three(struct layout *lo, struct layout_table *table,
			struct layout_cell *header)
{
	for (size_t c = 0; c < 3; c++)
		header[c] = cell(header_titles[c]);
	struct source_pos pos = { 1, 1 };
	layout_table_begin(lo, table, 3, three_columns, header, pos);
}

static void test_header_repeats_as_artifact(void **state)
{
	struct layout_fixture *f = *state;
	struct layout_cell header[3];
	struct layout_table table;
	begin_three(&f->lo, &table, header);
	uint32_t table_node = table.node;
	for (size_t r = 0; r < 150; r++) {
		char ref[16];
		snprintf(ref, sizeof ref, "R%03zu", r);
		char *notes = filler(12, r);
		struct layout_cell cells[3] = { cell(ref), cell("A name"),
						cell(notes) };
		struct source_pos pos = { (uint32_t)r + 2, 1 };
		layout_table_row(&f->lo, &table, cells, 1, 0, pos);
		free(notes);
	}
	layout_table_end(&f->lo, &table);
	const struct display_list *list = f->lo.list;
	assert_true(list->page_count >= 3);

	for (size_t p = 0; p < list->page_count; p++) {
		enum dl_role role = ROLE_DOCUMENT;
		const char *text = NULL;
		page_table_top(list, p, table_node, &role, &text);
		assert_non_null(text);
		assert_string_equal(text, "Ref");
		assert_int_equal(role, p == 0 ? ROLE_TABLE_HEADER : ROLE_ARTIFACT);
	}

	/* The tree holds the header row once: one row of three TH. */
	size_t header_cells = 0, header_rows = 0, artifacts = 0;
	for (size_t n = 0; n < list->node_count; n++) {
		const struct dl_node *node = &list->nodes[n];
		if (node->role == ROLE_ARTIFACT &&
		    node_within(list, (uint32_t)n, table_node))
			artifacts++;
		if (node->role == ROLE_TABLE_ROW)
			assert_int_equal(node->parent, table_node);
		if (node->role == ROLE_TABLE_HEADER || node->role == ROLE_TABLE_CELL)
			assert_int_equal(list->nodes[node->parent].role,
					 ROLE_TABLE_ROW);
		if (node->role == ROLE_TABLE_HEADER) {
			const struct dl_node *row = &list->nodes[node->parent];
			if (row->pos.line == 1) {
				header_cells++;
				if (n == 0 || list->nodes[n - 1].role == ROLE_TABLE_ROW)
					header_rows++;
			}
		}
	}
	assert_int_equal(header_cells, 3);
	assert_int_equal(header_rows, 1);
	assert_true(artifacts >= 1);

	/* The repeats carry every title, and only as artifacts. */
	for (size_t p = 1; p < list->page_count; p++) {
		size_t titles = 0;
		const struct dl_page *page = &list->pages[p];
		for (size_t i = 0; i < page->box_count; i++) {
			const struct dl_box *b = &page->boxes[i];
			if (b->kind != BOX_TEXT)
				continue;
			for (size_t c = 0; c < 3; c++)
				if (strcmp(b->u.text.text, header_titles[c]) == 0) {
					titles++;
					assert_int_equal(list->nodes[b->node].role,
							 ROLE_ARTIFACT);
				}
		}
		assert_int_equal(titles, 3);
	}
	assert_true(table_boxes_inside(list, &f->style));
	assert_true(table_text_disjoint(list));
}

static void test_cell_longer_than_a_page_splits(void **state)
{
	struct layout_fixture *f = *state;
	struct layout_cell header[3];
	struct layout_table table;
	begin_three(&f->lo, &table, header);
	struct layout_cell first[3] = { cell("R0"), cell("Before"),
					cell("A short row first.") };
	struct source_pos pos = { 2, 1 };
	layout_table_row(&f->lo, &table, first, 1, 0, pos);

	char *evidence = filler(2500, 3);
	struct source_text styled = { .text = evidence, .pos = { 3, 1 } };
	struct layout_cell cells[3] = { cell("R1"), cell("Long evidence"),
					cell(NULL) };
	cells[2].text = &styled;
	cells[2].fill = 0xFFF2CC;
	pos.line = 3;
	layout_table_row(&f->lo, &table, cells, 1, 0, pos);
	struct layout_cell after[3] = { cell("R2"), cell("After"),
					cell("A short row after.") };
	pos.line = 4;
	layout_table_row(&f->lo, &table, after, 1, 0, pos);
	layout_table_end(&f->lo, &table);

	const struct display_list *list = f->lo.list;
	uint32_t evidence_node = 0;
	for (size_t n = 0; n < list->node_count; n++)
		if (list->nodes[n].role == ROLE_TABLE_CELL &&
		    list->nodes[n].pos.line == 3)
			evidence_node = (uint32_t)n; /* the row's last cell */
	assert_true(evidence_node > 0);

	size_t pages = 0;
	char *placed = node_text_squeezed(list, evidence_node, &pages);
	char *expected = squeeze(evidence);
	assert_true(pages >= 3);
	assert_string_equal(placed, expected);
	free(placed);
	free(expected);

	/* No fragment of the long cell is a lone line. */
	for (size_t p = 0; p < list->page_count; p++) {
		size_t lines = 0;
		for (size_t i = 0; i < list->pages[p].box_count; i++)
			lines += list->pages[p].boxes[i].kind == BOX_TEXT &&
				 list->pages[p].boxes[i].node == evidence_node;
		assert_true(lines == 0 || lines >= 2);
	}

	/* Each fragment has its fill drawn before the text on it. */
	for (size_t p = 0; p < list->page_count; p++) {
		const struct dl_page *page = &list->pages[p];
		int fill_seen = 0, text_seen = 0;
		for (size_t i = 0; i < page->box_count; i++) {
			const struct dl_box *b = &page->boxes[i];
			if (b->node != evidence_node)
				continue;
			if (b->kind == BOX_RECT && b->fill == 0xFFF2CC) {
				assert_false(text_seen);
				fill_seen = 1;
			}
			if (b->kind == BOX_TEXT)
				text_seen = 1;
		}
		assert_int_equal(fill_seen, text_seen);
	}
	assert_true(table_boxes_inside(list, &f->style));
	assert_true(table_text_disjoint(list));
	free(evidence);
}

/* Theme rows (pos.line >= 1000) followed by one to five rows of various
 * heights; returns the display list's page count. */
static void themed_table(struct layout *lo, int keep, uint32_t *table_node)
{
	struct layout_cell header[3];
	struct layout_table table;
	begin_three(lo, &table, header);
	*table_node = table.node;
	uint32_t line = 2;
	for (size_t t = 0; t < 60; t++) {
		char title[32];
		snprintf(title, sizeof title, "Theme %zu", t);
		struct layout_cell theme = cell(title);
		struct source_pos pos = { 1000 + (uint32_t)t, 1 };
		layout_table_span_row(lo, &table, &theme, keep, pos);
		size_t rows = (t * 7) % 5 + 1;
		for (size_t r = 0; r < rows; r++) {
			char *notes = filler((t * 13 + r * 5) % 40 + 1, t + r);
			struct layout_cell cells[3] = { cell("X"), cell("Row"),
							cell(notes) };
			struct source_pos rpos = { line++, 1 };
			layout_table_row(lo, &table, cells, 1, 0, rpos);
			free(notes);
		}
	}
	layout_table_end(lo, &table);
}

/* Pages whose lowest table row is a theme row. */
static size_t pages_ending_with_theme(const struct display_list *list,
				      uint32_t table_node)
{
	size_t count = 0;
	uint32_t row = 0;
	for (size_t p = 0; p < list->page_count; p++)
		if (lowest_row_of_page(list, p, table_node, &row) &&
		    list->nodes[row].pos.line >= 1000)
			count++;
	return count;
}

/* A row split over pages names itself and keeps its rating's label on
 * every page it reaches: colour is never the only carrier of meaning. The
 * repeats are artifacts, so the structure keeps each cell's text once. */
static void test_continued_row_repeats_reference_and_rating(void **state)
{
	struct layout_fixture *f = *state;
	struct layout_cell header[3];
	struct layout_table table;
	begin_three(&f->lo, &table, header);
	char *evidence = filler(2500, 5);
	struct layout_cell cells[3] = { cell("R001"), cell("Green"),
					cell(evidence) };
	cells[1].fill = 0x00703c;
	cells[1].text_color = 0xffffff;
	struct source_pos pos = { 7, 1 };
	layout_table_row(&f->lo, &table, cells, 1, 0, pos);
	layout_table_end(&f->lo, &table);

	const struct display_list *list = f->lo.list;
	size_t pages_with_row = 0;
	for (size_t p = 0; p < list->page_count; p++) {
		const struct dl_page *page = &list->pages[p];
		int evidence_here = 0, reference = 0, label = 0, labels_tagged = 0;
		for (size_t i = 0; i < page->box_count; i++) {
			const struct dl_box *b = &page->boxes[i];
			if (b->kind != BOX_TEXT)
				continue;
			enum dl_role role = list->nodes[b->node].role;
			if (strstr(evidence, b->u.text.text) && strlen(b->u.text.text) > 12)
				evidence_here = 1;
			if (strcmp(b->u.text.text, "R001") == 0)
				reference = 1;
			if (strcmp(b->u.text.text, "Green") == 0) {
				label = 1;
				labels_tagged += role != ROLE_ARTIFACT;
			}
		}
		if (!evidence_here)
			continue;
		pages_with_row++;
		assert_true(reference);
		assert_true(label);
		assert_int_equal(labels_tagged, pages_with_row == 1 ? 1 : 0);
	}
	assert_true(pages_with_row >= 3);
	free(evidence);
}

static void test_theme_rows_never_last_on_a_page(void **state)
{
	struct layout_fixture *f = *state;
	uint32_t table_node;
	themed_table(&f->lo, 1, &table_node);
	const struct display_list *list = f->lo.list;
	assert_true(list->page_count >= 3);
	assert_int_equal(pages_ending_with_theme(list, table_node), 0);

	/* Rows that do not fit split with two lines a side, or move whole. */
	check_splits_keep_two_lines(list, table_node, "themed table");
	assert_true(table_boxes_inside(list, &f->style));
	assert_true(table_text_disjoint(list));
}

/* The same table without keep-with-next does leave theme rows at the foot
 * of pages: the test above is not passing by chance. */
static void test_themed_table_needs_keep(void **state)
{
	struct layout_fixture *f = *state;
	uint32_t table_node;
	themed_table(&f->lo, 0, &table_node);
	assert_true(pages_ending_with_theme(f->lo.list, table_node) > 0);
}


/* A theme that continues onto a page shows "Theme N (continued)" under the
 * repeated header, as an artifact: the structure keeps one TH per theme. */
static void test_theme_continues_under_the_header(void **state)
{
	struct layout_fixture *f = *state;
	uint32_t table_node;
	themed_table(&f->lo, 1, &table_node);
	const struct display_list *list = f->lo.list;
	assert_true(list->page_count >= 3);
	char current[64] = "";
	size_t continued = 0;
	for (size_t p = 0; p < list->page_count; p++) {
		const struct dl_page *page = &list->pages[p];
		const struct dl_box *first_row = NULL, *continuation = NULL;
		double header_y_pt = -1;
		for (size_t i = 0; i < page->box_count; i++) {
			const struct dl_box *b = &page->boxes[i];
			if (b->kind != BOX_TEXT || !node_within(list, b->node, table_node))
				continue;
			const struct dl_node *n = &list->nodes[b->node];
			const char *text = b->u.text.text;
			if (n->role == ROLE_ARTIFACT) {
				if (strcmp(text, "Ref") == 0)
					header_y_pt = b->y_pt;
				if (strstr(text, "(continued)")) {
					assert_null(continuation);
					continuation = b;
				}
				continue;
			}
			/* never a TH or TD of the structure */
			assert_null(strstr(text, "(continued)"));
			if (!first_row)
				first_row = b;
		}
		if (p > 0 && first_row && list->nodes[first_row->node].pos.line < 1000) {
			/* the page opens inside a theme */
			char want[80];
			snprintf(want, sizeof want, "%s (continued)", current);
			assert_non_null(continuation);
			assert_string_equal(continuation->u.text.text, want);
			assert_true(continuation->y_pt > header_y_pt);
			assert_true(continuation->y_pt < first_row->y_pt);
			continued++;
		} else {
			assert_null(continuation);
		}
		/* the theme the page ends in */
		for (size_t i = 0; i < page->box_count; i++) {
			const struct dl_box *b = &page->boxes[i];
			if (b->kind == BOX_TEXT && node_within(list, b->node, table_node) &&
			    list->nodes[b->node].role == ROLE_TABLE_HEADER &&
			    list->nodes[b->node].pos.line >= 1000)
				snprintf(current, sizeof current, "%s", b->u.text.text);
		}
	}
	assert_true(continued > 0);
	/* one TH per theme in the structure */
	size_t theme_cells = 0;
	for (size_t n = 0; n < list->node_count; n++)
		theme_cells += list->nodes[n].role == ROLE_TABLE_HEADER &&
			       list->nodes[n].pos.line >= 1000;
	assert_int_equal(theme_cells, 60);
	assert_true(table_boxes_inside(list, &f->style));
	assert_true(table_text_disjoint(list));
}

static void test_destination_on_the_rows_page(void **state)
{
	struct layout_fixture *f = *state;
	struct layout_cell header[3];
	struct layout_table table;
	begin_three(&f->lo, &table, header);
	for (size_t r = 0; r < 80; r++) {
		char ref[16];
		snprintf(ref, sizeof ref, "D%03zu", r);
		char *notes = filler(20, r);
		struct layout_cell cells[3] = { cell(ref), cell("Name"),
						cell(notes) };
		struct source_pos pos = { (uint32_t)r + 2, 1 };
		layout_table_dest(&table, dl_strdup(f->lo.list, ref));
		layout_table_row(&f->lo, &table, cells, 1, 0, pos);
		free(notes);
	}
	layout_table_end(&f->lo, &table);
	const struct display_list *list = f->lo.list;
	size_t dests = 0;
	for (size_t p = 0; p < list->page_count; p++) {
		const struct dl_page *page = &list->pages[p];
		for (size_t i = 0; i < page->box_count; i++) {
			const struct dl_box *d = &page->boxes[i];
			if (d->kind != BOX_DEST)
				continue;
			dests++;
			/* The row's reference is on the same page, at the
			 * destination's height plus the padding. */
			int found = 0;
			for (size_t j = 0; j < page->box_count; j++) {
				const struct dl_box *b = &page->boxes[j];
				if (b->kind == BOX_TEXT &&
				    strcmp(b->u.text.text, d->u.dest) == 0 &&
				    fabs(b->y_pt - d->y_pt - f->style.table.padding_pt) < 0.5)
					found = 1;
			}
			assert_true(found);
		}
	}
	assert_int_equal(dests, 80);
}

/* A row taller than a third of a page begins in the space left rather than
 * leaving it empty; its text continues on the next page. */
static void test_tall_row_starts_in_the_space_left(void **state)
{
	struct layout_fixture *f = *state;
	struct layout_cell header[3];
	struct layout_table table;
	begin_three(&f->lo, &table, header);
	struct source_pos pos = { 2, 1 };
	for (size_t r = 0; r < 20; r++) {
		struct layout_cell cells[3] = { cell("S"), cell("Short"),
						cell("One line.") };
		pos.line = 2 + (uint32_t)r;
		layout_table_row(&f->lo, &table, cells, 1, 0, pos);
	}
	assert_int_equal(f->lo.list->page_count, 1);
	char *tall = filler(150, 1);
	struct layout_cell cells[3] = { cell("T"), cell("Tall"), cell(tall) };
	pos.line = 100;
	layout_table_row(&f->lo, &table, cells, 1, 0, pos);
	layout_table_end(&f->lo, &table);
	const struct display_list *list = f->lo.list;
	uint32_t row = 0;
	for (size_t n = 0; n < list->node_count; n++)
		if (list->nodes[n].role == ROLE_TABLE_ROW && list->nodes[n].pos.line == 100)
			row = (uint32_t)n;
	size_t pages = 0;
	char *placed = node_text_squeezed(list, row, &pages);
	char *expected_tail = squeeze(tall);
	assert_int_equal(pages, 2);
	assert_int_equal(list->page_count, 2);
	assert_non_null(strstr(placed, expected_tail));
	free(placed);
	free(expected_tail);
	free(tall);
	assert_true(table_boxes_inside(list, &f->style));
	assert_true(table_text_disjoint(list));
}

/* A header taller than a third of a page is placed once, in full, and the
 * rows follow it without overflowing. */
static void test_tall_header_is_not_repeated(void **state)
{
	struct layout_fixture *f = *state;
	char *long_title = filler(400, 2);
	struct layout_cell header[3] = { cell("Ref"), cell("Name"),
					 cell(long_title) };
	struct layout_table table;
	struct source_pos pos = { 1, 1 };
	layout_table_begin(&f->lo, &table, 3, three_columns, header, pos);
	for (size_t r = 0; r < 60; r++) {
		char *notes = filler(15, r);
		struct layout_cell cells[3] = { cell("R"), cell("Name"), cell(notes) };
		pos.line = 2 + (uint32_t)r;
		layout_table_row(&f->lo, &table, cells, 1, 0, pos);
		free(notes);
	}
	layout_table_end(&f->lo, &table);
	const struct display_list *list = f->lo.list;
	assert_true(list->page_count >= 2);
	size_t refs = 0;
	for (size_t p = 0; p < list->page_count; p++)
		for (size_t i = 0; i < list->pages[p].box_count; i++) {
			const struct dl_box *b = &list->pages[p].boxes[i];
			refs += b->kind == BOX_TEXT && strcmp(b->u.text.text, "Ref") == 0;
		}
	assert_int_equal(refs, 1);
	/* The only repeats are split rows' references on their
	 * continuations, never the header. */
	for (size_t p = 0; p < list->page_count; p++)
		for (size_t i = 0; i < list->pages[p].box_count; i++) {
			const struct dl_box *b = &list->pages[p].boxes[i];
			if (b->kind == BOX_TEXT &&
			    list->nodes[b->node].role == ROLE_ARTIFACT)
				assert_string_equal(b->u.text.text, "R");
		}
	assert_true(table_boxes_inside(list, &f->style));
	assert_true(table_text_disjoint(list));
	free(long_title);
}

static void test_empty_table_shows_header(void **state)
{
	struct layout_fixture *f = *state;
	struct layout_cell header[3];
	struct layout_table table;
	begin_three(&f->lo, &table, header);
	layout_table_end(&f->lo, &table);
	const struct display_list *list = f->lo.list;
	assert_int_equal(list->page_count, 1);
	size_t texts = 0;
	for (size_t i = 0; i < list->pages[0].box_count; i++)
		texts += list->pages[0].boxes[i].kind == BOX_TEXT;
	assert_int_equal(texts, 3);
	assert_int_equal(f->lo.node, 0); /* the table node is closed */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_header_repeats_as_artifact, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cell_longer_than_a_page_splits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_continued_row_repeats_reference_and_rating, setup, teardown),
		cmocka_unit_test_setup_teardown(test_theme_rows_never_last_on_a_page, setup, teardown),
		cmocka_unit_test_setup_teardown(test_themed_table_needs_keep, setup, teardown),
		cmocka_unit_test_setup_teardown(test_theme_continues_under_the_header, setup, teardown),
		cmocka_unit_test_setup_teardown(test_destination_on_the_rows_page, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tall_row_starts_in_the_space_left, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tall_header_is_not_repeated, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_table_shows_header, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
