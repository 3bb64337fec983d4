/* Measuring and placing text: lines keep every byte of the source, glyph
 * clusters agree with the run's text, links get boxes, nothing overflows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "layout_fixture.h"

static int setup(void **state)
{
	struct layout_fixture *f = layout_fixture_new();
	layout_new_page(&f->lo);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	layout_fixture_free(*state);
	return 0;
}

/* Concatenate the runs' text of every text box on page 0 of node. */
static char *runs_text(const struct display_list *list, uint32_t node)
{
	size_t cap = 1, len = 0;
	char *out = calloc(1, 1);
	const struct dl_page *page = &list->pages[0];
	for (size_t i = 0; i < page->box_count; i++) {
		const struct dl_box *b = &page->boxes[i];
		if (b->kind != BOX_TEXT || !words_of_node(list, b->node, node))
			continue;
		for (uint32_t r = 0; r < b->u.text.run_count; r++) {
			const struct dl_run *run = &b->u.text.runs[r];
			cap += run->text_length;
			out = realloc(out, cap);
			memcpy(out + len, run->text, run->text_length);
			len += run->text_length;
			out[len] = '\0';
		}
	}
	return out;
}

static void check_clusters(const struct dl_run *run)
{
	uint32_t previous = 0;
	assert_true(run->glyph_count > 0);
	assert_int_equal(run->glyphs[0].cluster, 0);
	for (uint32_t g = 0; g < run->glyph_count; g++) {
		assert_true(run->glyphs[g].cluster < run->text_length);
		assert_true(run->glyphs[g].cluster >= previous);
		previous = run->glyphs[g].cluster;
	}
	/* The run's bytes are a slice of its line's text. */
	assert_true(memchr(run->text, '\0', run->text_length) == NULL);
}

static void test_paragraph_keeps_every_byte(void **state)
{
	struct layout_fixture *f = *state;
	const char *s = "Under the 1999 Local Government Act, local authorities "
			"must legally deliver what is termed \xE2\x80\x98" "Best Value"
			"\xE2\x80\x99 \xE2\x80\x93 a council must be able to show that it "
			"has arrangements to secure continuous improvement in how it "
			"carries out its work, see the guidance.";
	const char *bold = strstr(s, "Best Value");
	const char *link = strstr(s, "the guidance");
	struct source_span spans[] = {
		{ (uint32_t)(bold - s), (uint32_t)(bold - s) + 10, SPAN_STRONG, NULL, NULL, 0 },
		{ (uint32_t)(link - s), (uint32_t)strlen(s) - 1, SPAN_LINK,
		  "https://www.gov.uk/", NULL, 0 },
	};
	struct source_text text = { s, spans, 2, { 3, 5 }, NULL };
	struct source_pos pos = { 3, 5 };
	uint32_t node = layout_add_node(&f->lo, ROLE_PARAGRAPH, pos);
	double width = layout_content_width(&f->lo);
	struct layout_lines *lines = layout_measure(&f->lo, &text,
						    &f->style.body, width,
						    ALIGN_LEFT);
	assert_true(lines->line_count >= 3);
	assert_true(lines->width_pt <= width + 0.01);
	double placed = layout_place_lines(&f->lo, lines, 0, lines->line_count,
					   f->lo.left_pt, f->lo.top_pt, node);
	assert_true(placed > 0);
	assert_true(placed >= lines->height_pt - 0.01);
	layout_lines_free(lines);

	char *joined = runs_text(f->lo.list, node);
	assert_string_equal(joined, s);
	free(joined);

	const struct dl_page *page = &f->lo.list->pages[0];
	int links = 0, bold_runs = 0;
	for (size_t i = 0; i < page->box_count; i++) {
		const struct dl_box *b = &page->boxes[i];
		if (b->kind == BOX_LINK) {
			links++;
			assert_string_equal(b->u.link.uri, "https://www.gov.uk/");
			assert_int_equal(f->lo.list->nodes[b->node].role, ROLE_LINK);
			assert_int_equal(f->lo.list->nodes[b->node].parent, node);
		}
		if (b->kind != BOX_TEXT)
			continue;
		assert_true(b->x_pt >= f->lo.left_pt - 0.01);
		assert_true(b->x_pt + b->width_pt <= f->lo.right_pt + 0.01);
		assert_true(b->u.text.baseline_pt > 0);
		assert_true(b->u.text.baseline_pt < b->height_pt);
		size_t line_bytes = 0;
		for (uint32_t r = 0; r < b->u.text.run_count; r++) {
			check_clusters(&b->u.text.runs[r]);
			line_bytes += b->u.text.runs[r].text_length;
			if (b->u.text.runs[r].text_length == 10 &&
			    memcmp(b->u.text.runs[r].text, "Best Value", 10) == 0)
				bold_runs++;
			/* Runs advance left to right within the box. */
			if (r)
				assert_true(b->u.text.runs[r].x_pt >
					    b->u.text.runs[r - 1].x_pt);
		}
		assert_int_equal(line_bytes, strlen(b->u.text.text));
	}
	assert_true(links >= 1);
	assert_int_equal(bold_runs, 1);
	/* Bold and regular runs use different fonts, each held once. */
	assert_true(f->lo.list->font_count >= 2);
	for (size_t i = 0; i < f->lo.list->font_count; i++)
		for (size_t j = i + 1; j < f->lo.list->font_count; j++)
			assert_ptr_not_equal(f->lo.list->fonts[i],
					     f->lo.list->fonts[j]);
}

static void test_long_word_breaks_inside_column(void **state)
{
	struct layout_fixture *f = *state;
	const char *s = "Laura.collings.with.a.very.long.address@wolverhampton.gov.uk";
	struct source_pos pos = { 1, 1 };
	uint32_t node = layout_add_node(&f->lo, ROLE_TABLE_CELL, pos);
	struct layout_lines *lines = layout_measure_plain(&f->lo, s,
							  &f->style.body, 80,
							  ALIGN_LEFT);
	assert_true(lines->line_count > 1);
	assert_true(lines->width_pt <= 80.01);
	layout_place_lines(&f->lo, lines, 0, lines->line_count, 100, 100, node);
	layout_lines_free(lines);
	const struct dl_page *page = &f->lo.list->pages[0];
	for (size_t i = 0; i < page->box_count; i++) {
		const struct dl_box *b = &page->boxes[i];
		if (b->kind == BOX_TEXT && b->node == node)
			assert_true(b->x_pt + b->width_pt <= 180.01);
	}
	char *joined = runs_text(f->lo.list, node);
	assert_string_equal(joined, s);
	free(joined);
}

static void test_fitting_and_alignment(void **state)
{
	struct layout_fixture *f = *state;
	struct layout_lines *lines = layout_measure_plain(
		&f->lo, "one two three four five six seven eight nine ten",
		&f->style.body, 40, ALIGN_RIGHT);
	assert_true(lines->line_count >= 4);
	double one = lines->line_height_pt[0];
	assert_int_equal(layout_lines_fitting(lines, 0, one * 2 + 0.5), 2);
	assert_int_equal(layout_lines_fitting(lines, 0, one * 0.5), 0);
	assert_int_equal(layout_lines_fitting(lines, lines->line_count - 1, 1000),
			 1);
	struct source_pos pos = { 1, 1 };
	uint32_t node = layout_add_node(&f->lo, ROLE_PARAGRAPH, pos);
	layout_place_lines(&f->lo, lines, 1, 2, 300, 400, node);
	const struct dl_page *page = &f->lo.list->pages[0];
	int boxes = 0;
	for (size_t i = 0; i < page->box_count; i++) {
		const struct dl_box *b = &page->boxes[i];
		if (b->kind != BOX_TEXT || b->node != node)
			continue;
		/* Right-aligned: every line ends at the column's right edge. */
		assert_true(b->x_pt + b->width_pt > 340 - 0.5);
		assert_true(b->x_pt + b->width_pt <= 340 + 0.01);
		assert_true(b->y_pt >= 400 - 0.01);
		boxes++;
	}
	assert_int_equal(boxes, 2);
	layout_lines_free(lines);
}

/* Hebrew inside English: the right-to-left run's clusters fall along its
 * visual order and still cover its text from byte 0. */
static void test_right_to_left_run(void **state)
{
	struct layout_fixture *f = *state;
	const char *s = "Ward \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D residents";
	struct source_pos pos = { 1, 1 };
	uint32_t node = layout_add_node(&f->lo, ROLE_PARAGRAPH, pos);
	struct layout_lines *lines = layout_measure_plain(&f->lo, s, &f->style.body,
							  400, ALIGN_LEFT);
	assert_int_equal(lines->line_count, 1);
	layout_place_lines(&f->lo, lines, 0, 1, 100, 100, node);
	layout_lines_free(lines);
	char *joined = runs_text(f->lo.list, node);
	assert_string_equal(joined, s);
	free(joined);
	const struct dl_page *page = &f->lo.list->pages[0];
	int rtl_runs = 0;
	for (size_t i = 0; i < page->box_count; i++) {
		const struct dl_box *b = &page->boxes[i];
		if (b->kind != BOX_TEXT || b->node != node)
			continue;
		for (uint32_t r = 0; r < b->u.text.run_count; r++) {
			const struct dl_run *run = &b->u.text.runs[r];
			if (run->text_length != 8)
				continue; /* the four Hebrew letters */
			rtl_runs++;
			assert_int_equal(run->glyph_count, 4);
			assert_int_equal(run->glyphs[0].cluster, 6);
			assert_int_equal(run->glyphs[3].cluster, 0);
			for (uint32_t g = 1; g < run->glyph_count; g++)
				assert_true(run->glyphs[g].cluster <
					    run->glyphs[g - 1].cluster);
		}
	}
	assert_int_equal(rtl_runs, 1);
}

/* Spans that nest, touch, are empty or run past the text never lose or
 * repeat a byte, and every link keeps its target. */
static void test_awkward_spans(void **state)
{
	struct layout_fixture *f = *state;
	const char *s = "See the guidance on GOV.UK and appendix 2 for details.";
	struct source_span spans[] = {
		{ 0, 3, SPAN_STRONG, NULL, NULL, 0 },
		{ 4, 28, SPAN_EMPHASIS, NULL, NULL, 0 },
		{ 8, 16, SPAN_LINK, "https://www.gov.uk/guidance", NULL, 0 },
		{ 8, 16, SPAN_STRONG, NULL, NULL, 0 },
		{ 20, 20, SPAN_LINK, "https://empty.example/", NULL, 0 },
		{ 33, 43, SPAN_REF, "self-assessment", NULL, 0 },
		{ 50, 400, SPAN_STRONG, NULL, NULL, 0 },
	};
	struct source_text text = { s, spans, sizeof spans / sizeof *spans, { 2, 1 }, NULL };
	struct source_pos pos = { 2, 1 };
	uint32_t node = layout_add_node(&f->lo, ROLE_PARAGRAPH, pos);
	struct layout_lines *lines = layout_measure(&f->lo, &text, &f->style.body,
						    120, ALIGN_LEFT);
	assert_true(lines->line_count >= 3);
	layout_place_lines(&f->lo, lines, 0, lines->line_count, 100, 100, node);
	layout_lines_free(lines);
	char *joined = runs_text(f->lo.list, node);
	assert_string_equal(joined, s);
	free(joined);
	const struct dl_page *page = &f->lo.list->pages[0];
	int uri = 0, dest = 0, empty = 0;
	for (size_t i = 0; i < page->box_count; i++) {
		const struct dl_box *b = &page->boxes[i];
		if (b->kind != BOX_LINK)
			continue;
		assert_true(b->width_pt > 0);
		if (b->u.link.uri && strcmp(b->u.link.uri, "https://www.gov.uk/guidance") == 0)
			uri++;
		if (b->u.link.uri && strcmp(b->u.link.uri, "https://empty.example/") == 0)
			empty++;
		if (b->u.link.dest && strcmp(b->u.link.dest, "self-assessment") == 0)
			dest++;
	}
	assert_true(uri >= 1);
	assert_true(dest >= 1);
	assert_int_equal(empty, 0);
}

/* The ids a glyph is stored under: nothing for Pango's empty glyph, the
 * font's .notdef for a missing character or an id past 16 bits. */
static void test_glyph_ids(void **state)
{
	(void)state;
	assert_int_equal(dl_glyph_id(PANGO_GLYPH_EMPTY), -1);
	assert_int_equal(dl_glyph_id(PANGO_GET_UNKNOWN_GLYPH(0xA980)), 0);
	assert_int_equal(dl_glyph_id(PANGO_GET_UNKNOWN_GLYPH(0x41)), 0);
	assert_int_equal(dl_glyph_id(0x10000), 0);
	assert_int_equal(dl_glyph_id(0), 0);
	assert_int_equal(dl_glyph_id(0x24), 0x24);
	assert_int_equal(dl_glyph_id(0xFFFF), 0xFFFF);
}

/* Lay s out on one line of node and return its only text box. */
static const struct dl_box *one_line(struct layout_fixture *f, const char *s)
{
	struct source_pos pos = { 1, 1 };
	uint32_t node = layout_add_node(&f->lo, ROLE_PARAGRAPH, pos);
	struct layout_lines *lines = layout_measure_plain(&f->lo, s, &f->style.body,
							  400, ALIGN_LEFT);
	assert_int_equal(lines->line_count, 1);
	layout_place_lines(&f->lo, lines, 0, 1, 100, 100, node);
	layout_lines_free(lines);
	const struct dl_page *page = &f->lo.list->pages[0];
	const struct dl_box *found = NULL;
	for (size_t i = 0; i < page->box_count; i++)
		if (page->boxes[i].kind == BOX_TEXT && page->boxes[i].node == node) {
			assert_null(found);
			found = &page->boxes[i];
		}
	assert_non_null(found);
	return found;
}

/* A character no installed font has (Javanese) is kept as glyph 0, the
 * font's .notdef, at its own cluster, so the gap shows and the text is
 * whole; the words either side keep their real glyphs. */
static void test_missing_character_is_notdef(void **state)
{
	struct layout_fixture *f = *state;
	const char *s = "ab \xEA\xA6\x80 cd";
	const struct dl_box *b = one_line(f, s);
	int notdef = 0, letters = 0;
	for (uint32_t r = 0; r < b->u.text.run_count; r++) {
		const struct dl_run *run = &b->u.text.runs[r];
		for (uint32_t g = 0; g < run->glyph_count; g++) {
			const char *at = run->text + run->glyphs[g].cluster;
			if ((unsigned char)at[0] == 0xEA) {
				assert_int_equal(run->glyphs[g].id, 0);
				notdef++;
			} else if (at[0] >= 'a' && at[0] <= 'd') {
				assert_true(run->glyphs[g].id != 0);
				letters++;
			}
		}
	}
	assert_int_equal(notdef, 1);
	assert_int_equal(letters, 4);
}

/* Plain text has no vertical offsets, so its runs keep none; a mark Pango
 * raises over a tall letter keeps its offset. */
static void test_vertical_offsets_only_where_needed(void **state)
{
	struct layout_fixture *f = *state;
	const struct dl_box *plain = one_line(f, "Plain text, 12.5% of it");
	for (uint32_t r = 0; r < plain->u.text.run_count; r++)
		assert_null(plain->u.text.runs[r].y_pu);
	const struct dl_box *marked = one_line(f, "b\xCC\x81 d\xCC\x81 h\xCC\x81");
	int raised = 0;
	for (uint32_t r = 0; r < marked->u.text.run_count; r++) {
		const struct dl_run *run = &marked->u.text.runs[r];
		if (!run->y_pu)
			continue;
		for (uint32_t g = 0; g < run->glyph_count; g++)
			raised += run->y_pu[g] != 0;
	}
	assert_true(raised > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_paragraph_keeps_every_byte,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_long_word_breaks_inside_column,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_fitting_and_alignment, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_right_to_left_run, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_awkward_spans, setup, teardown),
		cmocka_unit_test(test_glyph_ids),
		cmocka_unit_test_setup_teardown(test_missing_character_is_notdef,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_vertical_offsets_only_where_needed,
						setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
