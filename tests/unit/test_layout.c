/* layout_document on a whole paper: geometry, pagination rules, numbering,
 * furniture, watermark, outline, metadata and that no text is lost. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "layout_checks.h"

/* layout_file NULL: the style built in code and a context of our own;
 * else the shipped fonts and that house style. */
static struct fixture *fixture_new(int draft, const struct layout_options *options,
				   const char *layout_file)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (layout_file) {
		f->fonts = fonts_open("fonts/fonts.conf", &f->diags);
		assert_non_null(f->fonts);
		f->context = fonts_context(f->fonts);
		f->loaded_style = style_load(layout_file, &f->diags);
		assert_non_null(f->loaded_style);
		f->style_used = f->loaded_style;
	} else {
		f->context = fixture_context();
		fixture_style(&f->style_in_code);
		f->style_used = &f->style_in_code;
	}
	f->style = *f->style_used;
	doc_fixture_init(&f->doc, draft);
	f->list = layout_document(&f->doc.doc, f->style_used, f->context, options,
				  &f->diags);
	if (!f->list)
		diag_print(&f->diags, stderr);
	assert_non_null(f->list);
	assert_int_equal(diag_count(&f->diags, DIAG_ERROR), 0);
	return f;
}

static const struct layout_options draft_options = { .build_time = "2024-02-20 10:15" };

static int setup_final(void **state)
{
	*state = fixture_new(0, NULL, NULL);
	return 0;
}

static int setup_draft(void **state)
{
	*state = fixture_new(1, &draft_options, NULL);
	return 0;
}

static int setup_real_final(void **state)
{
	*state = fixture_new(0, NULL, "layouts/committee-report.xml");
	return 0;
}

static int setup_real_draft(void **state)
{
	*state = fixture_new(1, &draft_options,
			     "layouts/committee-report-landscape-appendix.xml");
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	dl_free(f->list);
	doc_fixture_free(&f->doc);
	diag_list_free(&f->diags);
	if (f->fonts)
		fonts_close(f->fonts);
	else
		g_object_unref(f->context);
	style_free(f->loaded_style);
	free(f);
	return 0;
}

static void test_paragraph_numbering(void **state)
{
	struct fixture *f = *state;
	static const char *const expected[] = { "1.0", "1.1", "1.2", "2.0", "2.1",
						"2.6", "3.0", "3.1", "3.2", "4.0",
						"4.1", "4.2" };
	for (size_t i = 0; i < sizeof expected / sizeof *expected; i++) {
		size_t page;
		const struct dl_box *b = find_text(f->list, expected[i], &page);
		if (!b)
			fail_msg("no \"%s\"", expected[i]);
		assert_true(fabs(b->x_pt - f->style.page.margin_left_pt) < SLACK_PT);
		/* The number shares its line with the text beside it. */
		int beside = 0;
		const struct dl_page *pg = &f->list->pages[page];
		for (size_t j = 0; j < pg->box_count; j++) {
			const struct dl_box *t = &pg->boxes[j];
			if (t != b && t->kind == BOX_TEXT && fabs(t->y_pt - b->y_pt) < 0.5 &&
			    fabs(t->x_pt - f->style.page.margin_left_pt -
				 f->style.number_indent_pt) < SLACK_PT)
				beside++;
		}
		assert_int_equal(beside, 1);
	}
	/* Section 1's second paragraph is unnumbered: 1.2 is the third. */
	assert_null(find_text(f->list, "1.3", NULL));
	assert_null(find_text(f->list, "2.7", NULL));
	assert_non_null(find_text(f->list, "[LD/06022024/A]", NULL));
	assert_non_null(find_text(f->list, "Purpose", NULL));
	assert_non_null(find_text(f->list, "Recommendations for decision:", NULL));
	assert_non_null(find_text(f->list, "Appendix 1: Best Value Standards and "
					   "Intervention Draft Guidance", NULL));
}

static void test_landscape_appendix(void **state)
{
	struct fixture *f = *state;
	size_t first_landscape = SIZE_MAX, guidance = SIZE_MAX, assessment = SIZE_MAX;
	assert_non_null(find_text(f->list, "Appendix 2: City of Wolverhampton "
					   "Council Best Value Benchmarking",
				  &first_landscape));
	assert_non_null(find_text(f->list, "Appendix 1: Best Value Standards and "
					   "Intervention Draft Guidance", &guidance));
	assert_non_null(find_text(f->list, "Appendix 3: Self-assessment", &assessment));
	assert_true(guidance < first_landscape);
	assert_true(first_landscape + 1 < assessment);
	/* The assessment needs more than a page. */
	assert_true(assessment + 1 < f->list->page_count);
	for (size_t p = 0; p < f->list->page_count; p++) {
		const struct dl_page *page = &f->list->pages[p];
		int landscape = p >= first_landscape &&
				(p < assessment || f->style.landscape_assessments);
		if (landscape)
			assert_true(page->width_pt > page->height_pt);
		else
			assert_true(page->width_pt < page->height_pt);
	}
	/* Appendices start on a page of their own. */
	const struct dl_box *title = find_text(
		f->list, "Appendix 1: Best Value Standards and Intervention Draft Guidance",
		NULL);
	assert_true(fabs(title->y_pt - f->style.page.margin_top_pt) < SLACK_PT);
}

/* Runs of every text box of node, in page order, concatenated. */
static double number_column_end_pt;

static char *node_text(const struct display_list *list, uint32_t node,
		       size_t *pages_used, size_t *lines_per_page, size_t max_pages)
{
	size_t length = 0;
	char *out = calloc(1, 1);
	*pages_used = 0;
	for (size_t p = 0; p < list->page_count; p++) {
		size_t lines = 0;
		for (size_t i = 0; i < list->pages[p].box_count; i++) {
			const struct dl_box *b = &list->pages[p].boxes[i];
			if (b->kind != BOX_TEXT || !words_of_node(list, b->node, node))
				continue;
			/* Skip a paragraph's number, alone in its column. */
			if (b->x_pt + b->width_pt < number_column_end_pt &&
			    strspn(b->u.text.text, "0123456789.") ==
				    strlen(b->u.text.text))
				continue;
			lines++;
			for (uint32_t r = 0; r < b->u.text.run_count; r++) {
				const struct dl_run *run = &b->u.text.runs[r];
				out = realloc(out, length + run->text_length + 1);
				memcpy(out + length, run->text, run->text_length);
				length += run->text_length;
				out[length] = '\0';
			}
		}
		if (lines && *pages_used < max_pages)
			lines_per_page[(*pages_used)++] = lines;
	}
	return out;
}

static void check_paragraph(const struct fixture *f, const char *expected,
			    uint32_t node, int *split)
{
	size_t pages = 0, lines[8] = { 0 };
	char *text = node_text(f->list, node, &pages, lines, 8);
	assert_string_equal(text, expected);
	free(text);
	if (pages > 1) {
		(*split)++;
		for (size_t i = 0; i < pages; i++)
			if (lines[i] < 2)
				fail_msg("paragraph split leaving %zu line(s)", lines[i]);
	}
}

static void test_no_text_lost_and_no_widows(void **state)
{
	struct fixture *f = *state;
	const struct source_doc *d = &f->doc.doc;
	number_column_end_pt = f->style.page.margin_left_pt + f->style.number_indent_pt;
	/* Paragraph nodes in reading order match source paragraphs in order. */
	const struct source_block *sources[64];
	size_t count = 0;
	for (size_t s = 0; s < d->section_count; s++)
		for (size_t b = 0; b < d->sections[s].block_count; b++)
			if (d->sections[s].blocks[b].kind == BLOCK_PARAGRAPH)
				sources[count++] = &d->sections[s].blocks[b];
	for (size_t a = 0; a < d->appendix_count; a++)
		for (size_t b = 0; b < d->appendices[a].block_count; b++)
			if (d->appendices[a].blocks[b].kind == BLOCK_PARAGRAPH)
				sources[count++] = &d->appendices[a].blocks[b];
	size_t next = 0;
	int split = 0;
	for (; next < count; next++) {
		uint32_t n = 1;
		while (n < f->list->node_count &&
		       !(f->list->nodes[n].role == ROLE_PARAGRAPH &&
			 f->list->nodes[n].pos.line == sources[next]->pos.line))
			n++;
		assert_true(n < f->list->node_count);
		check_paragraph(f, sources[next]->u.paragraph.text, n, &split);
	}
	assert_int_equal(next, count);
	assert_true(split >= 1);
	/* List bodies keep their text too, bold lead-in included. */
	const struct source_list *list = &d->sections[2].blocks[1].u.list;
	size_t items = 0;
	for (uint32_t n = 0; n < f->list->node_count; n++) {
		if (f->list->nodes[n].role != ROLE_LIST_BODY)
			continue;
		size_t pages = 0, lines[8];
		char *text = node_text(f->list, n, &pages, lines, 8);
		if (strncmp(text, "Leadership:", 11) == 0) {
			assert_string_equal(text, list->items[0].text);
			items++;
		}
		free(text);
	}
	assert_int_equal(items, list->item_count);
}

static void test_structure_and_links(void **state)
{
	struct fixture *f = *state;
	const struct display_list *list = f->list;
	assert_int_equal(list->nodes[0].role, ROLE_DOCUMENT);
	size_t sections = 0, link_uri = 0, link_ref = 0, dests = 0;
	for (uint32_t n = 1; n < list->node_count; n++) {
		assert_true(list->nodes[n].parent < n);
		if (list->nodes[n].role == ROLE_SECTION)
			sections++;
	}
	assert_int_equal(sections, 1 + 4 + 3);
	for (size_t p = 0; p < list->page_count; p++)
		for (size_t i = 0; i < list->pages[p].box_count; i++) {
			const struct dl_box *b = &list->pages[p].boxes[i];
			if (b->kind == BOX_LINK && b->u.link.uri &&
			    strcmp(b->u.link.uri, "https://www.gov.uk/") == 0)
				link_uri++;
			if (b->kind == BOX_LINK && b->u.link.dest &&
			    strcmp(b->u.link.dest, "guidance") == 0)
				link_ref++;
			if (b->kind == BOX_DEST && strcmp(b->u.dest, "guidance") == 0) {
				dests++;
				/* At the appendix title's page top. */
				assert_true(p >= 2);
			}
		}
	assert_true(link_uri >= 1);
	assert_true(link_ref >= 1);
	assert_int_equal(dests, 1);
	/* The cover table: key column TH, value column TD. */
	size_t page;
	const struct dl_box *key = find_text(list, "Accountable Director", &page);
	assert_non_null(key);
	assert_int_equal(page, 0);
	assert_int_equal(box_role(list, key), ROLE_TABLE_HEADER);
	const struct dl_box *value = find_text(
		list, "David Pattison, Chief Operating Officer", &page);
	assert_non_null(value);
	assert_int_equal(box_role(list, value), ROLE_TABLE_CELL);
	assert_non_null(find_text(list, "Tel 01902 550414", NULL));
	assert_non_null(find_text(list, "City of Wolverhampton Council", NULL));
}

static void test_outline_and_metadata(void **state)
{
	struct fixture *f = *state;
	const struct display_list *list = f->list;
	static const char *const titles[] = {
		"Recommendations", "1.0 Purpose", "2.0 Background",
		"3.0 Best Value Standards and Intervention Framework",
		"4.0 Financial implications",
		"Appendix 1: Best Value Standards and Intervention Draft Guidance",
		"Appendix 2: City of Wolverhampton Council Best Value Benchmarking",
		"Appendix 3: Self-assessment",
	};
	assert_int_equal(list->outline_count, 8);
	for (size_t i = 0; i < 8; i++) {
		assert_string_equal(list->outline[i].title, titles[i]);
		assert_int_equal(list->outline[i].parent, -1);
		assert_true(list->outline[i].page < list->page_count);
		if (i)
			assert_true(list->outline[i].page >= list->outline[i - 1].page);
	}
	assert_string_equal(list->title, "Best Value Standards and Intervention Guidance");
	assert_string_equal(list->author, "City of Wolverhampton Council");
	assert_string_equal(list->subject, "Governance and Ethics Committee 22 February 2024");
	assert_string_equal(list->lang, "en-GB");
	assert_string_equal(list->create_date, "2024-02-22T00:00:00Z");
}

/* The creation date is the one the pipeline passes in, else the meeting
 * date; layout itself reads no environment. */
static void test_source_date_epoch(void **state)
{
	(void)state;
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	struct fixture *f = fixture_new(0, NULL, NULL);
	unsetenv("SOURCE_DATE_EPOCH");
	assert_string_equal(f->list->create_date, "2024-02-22T00:00:00Z");
	dl_free(f->list);
	const struct layout_options reproducible = {
		.create_date = "2023-11-14T22:13:20Z"
	};
	f->list = layout_document(&f->doc.doc, f->style_used, f->context,
				  &reproducible, &f->diags);
	assert_string_equal(f->list->create_date, "2023-11-14T22:13:20Z");
	void *state_f = f;
	teardown(&state_f);
}

static char *dump_of(const struct display_list *list, size_t *size)
{
	char *buffer = NULL;
	FILE *out = open_memstream(&buffer, size);
	dl_dump_json(list, out);
	fclose(out);
	return buffer;
}

/* The same source lays out to the same list: no clock, no addresses, no
 * state left behind by the first run. */
static void test_layout_is_reproducible(void **state)
{
	struct fixture *f = *state;
	struct display_list *again = layout_document(&f->doc.doc, f->style_used,
						     f->context, NULL, &f->diags);
	assert_non_null(again);
	size_t first_size = 0, second_size = 0;
	char *first = dump_of(f->list, &first_size);
	char *second = dump_of(again, &second_size);
	assert_int_equal(first_size, second_size);
	assert_memory_equal(first, second, first_size);
	free(first);
	free(second);
	dl_free(again);
}

static void test_dump_json(void **state)
{
	struct fixture *f = *state;
	size_t size = 0;
	char *buffer = dump_of(f->list, &size);
	assert_true(size > 1000);
	assert_non_null(strstr(buffer, "{\"pages\":[\n{\"width\":595.28,\"height\":841.89}"));
	assert_non_null(strstr(buffer, "\"role\":\"H1\""));
	assert_non_null(strstr(buffer, "\"role\":\"TH\""));
	assert_non_null(strstr(buffer, "\"role\":\"Artifact\""));
	assert_non_null(strstr(buffer, "\\\"guidance\\\" <online>"));
	assert_non_null(strstr(buffer, "\"title\":\"1.0 Purpose\""));
	assert_null(strstr(buffer, "-0.00"));
	/* The same list dumps to the same bytes. */
	size_t again_size = 0;
	char *again = dump_of(f->list, &again_size);
	assert_int_equal(size, again_size);
	assert_memory_equal(buffer, again, size);
	free(buffer);
	free(again);
}

/* A line taller than the page cannot be placed anywhere: the layout says
 * so, in the source's name, and gives no list. */
static void test_content_off_the_paper_is_an_error(void **state)
{
	(void)state;
	struct fixture *f = calloc(1, sizeof *f);
	f->context = fixture_context();
	fixture_style(&f->style_in_code);
	f->style_in_code.body.size_pt = 1000;
	doc_fixture_init(&f->doc, 0);
	f->list = layout_document(&f->doc.doc, &f->style_in_code, f->context, NULL,
				  &f->diags);
	assert_null(f->list);
	assert_true(diag_has_errors(&f->diags));
	int found = 0;
	for (size_t i = 0; i < f->diags.count; i++) {
		const struct diag *d = &f->diags.items[i];
		/* The first to overflow is the cover, which has no line. */
		if (d->level == DIAG_ERROR && strstr(d->message, "off the paper") &&
		    strcmp(d->file, "fixture.xml") == 0)
			found = 1;
	}
	if (!found)
		diag_print(&f->diags, stderr);
	assert_true(found);
	void *state_f = f;
	teardown(&state_f);
}

/* A paper with no recommendations, a long numbered list, a section that
 * is only a sign-off and a landscape appendix of prose: the same rules
 * hold and "120." stays one label. */
static int setup_sparse(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	f->context = fixture_context();
	fixture_style(&f->style_in_code);
	f->style_used = &f->style_in_code;
	f->style = f->style_in_code;
	doc_fixture_init(&f->doc, 0);
	struct source_doc *d = &f->doc.doc;
	d->recommendation_count = 0;
	struct source_section *sec = &d->sections[0];
	struct source_block *list = &sec->blocks[1];
	memset(list, 0, sizeof *list);
	list->kind = BLOCK_LIST;
	list->u.list.numbered = 1;
	list->u.list.item_count = 120;
	list->u.list.items = arena_alloc(f->doc.arena, 120 * sizeof(struct source_text));
	for (size_t i = 0; i < 120; i++)
		list->u.list.items[i] = fixture_text(&f->doc, "An item of the list.");
	struct source_section *only = &d->sections[3];
	only->blocks[0] = only->blocks[2]; /* the sign-off alone */
	only->block_count = 1;
	d->appendices[1].landscape = 1;
	d->appendix_count = 2;
	f->list = layout_document(d, f->style_used, f->context, NULL, &f->diags);
	assert_non_null(f->list);
	assert_int_equal(diag_count(&f->diags, DIAG_ERROR), 0);
	*state = f;
	return 0;
}

static void test_sparse_paper(void **state)
{
	struct fixture *f = *state;
	assert_string_equal(f->list->outline[0].title, "1.0 Purpose");
	size_t page;
	const struct dl_box *label = find_text(f->list, "120.", &page);
	assert_non_null(label);
	assert_int_equal(box_role(f->list, label), ROLE_LIST_LABEL);
	assert_non_null(find_text(f->list, "[LD/06022024/A]", NULL));
	assert_null(find_text(f->list, "Recommendations for decision:", NULL));
	const struct dl_page *last = &f->list->pages[f->list->page_count - 1];
	assert_true(last->width_pt > last->height_pt);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_inside_printable_area, setup_final, teardown),
		cmocka_unit_test_setup_teardown(test_text_boxes_do_not_overlap, setup_final, teardown),
		cmocka_unit_test_setup_teardown(test_page_x_of_y, setup_final, teardown),
		cmocka_unit_test_setup_teardown(test_headings_never_last_on_page, setup_final, teardown),
		cmocka_unit_test_setup_teardown(test_paragraph_numbering, setup_final, teardown),
		cmocka_unit_test_setup_teardown(test_landscape_appendix, setup_final, teardown),
		cmocka_unit_test_setup_teardown(test_draft_watermark, setup_draft, teardown),
		cmocka_unit_test_setup_teardown(test_final_has_no_watermark, setup_final, teardown),
		cmocka_unit_test_setup_teardown(test_no_text_lost_and_no_widows, setup_final, teardown),
		cmocka_unit_test_setup_teardown(test_structure_and_links, setup_final, teardown),
		cmocka_unit_test_setup_teardown(test_outline_and_metadata, setup_final, teardown),
		cmocka_unit_test(test_source_date_epoch),
		cmocka_unit_test_setup_teardown(test_layout_is_reproducible, setup_real_final, teardown),
		cmocka_unit_test(test_content_off_the_paper_is_an_error),
		cmocka_unit_test_setup_teardown(test_sparse_paper, setup_sparse, teardown),
		cmocka_unit_test_setup_teardown(test_inside_printable_area, setup_sparse, teardown),
		cmocka_unit_test_setup_teardown(test_text_boxes_do_not_overlap, setup_sparse, teardown),
		cmocka_unit_test_setup_teardown(test_page_x_of_y, setup_sparse, teardown),
		cmocka_unit_test_setup_teardown(test_headings_never_last_on_page, setup_sparse, teardown),
		cmocka_unit_test_setup_teardown(test_dump_json, setup_final, teardown),
		cmocka_unit_test_setup_teardown(test_inside_printable_area, setup_draft, teardown),
		cmocka_unit_test_setup_teardown(test_text_boxes_do_not_overlap, setup_draft, teardown),
		/* The same with the shipped fonts and house styles. */
		cmocka_unit_test_setup_teardown(test_inside_printable_area, setup_real_final, teardown),
		cmocka_unit_test_setup_teardown(test_text_boxes_do_not_overlap, setup_real_final, teardown),
		cmocka_unit_test_setup_teardown(test_page_x_of_y, setup_real_final, teardown),
		cmocka_unit_test_setup_teardown(test_headings_never_last_on_page, setup_real_final, teardown),
		cmocka_unit_test_setup_teardown(test_paragraph_numbering, setup_real_final, teardown),
		cmocka_unit_test_setup_teardown(test_landscape_appendix, setup_real_final, teardown),
		cmocka_unit_test_setup_teardown(test_final_has_no_watermark, setup_real_final, teardown),
		cmocka_unit_test_setup_teardown(test_no_text_lost_and_no_widows, setup_real_final, teardown),
		cmocka_unit_test_setup_teardown(test_structure_and_links, setup_real_final, teardown),
		cmocka_unit_test_setup_teardown(test_outline_and_metadata, setup_real_final, teardown),
		cmocka_unit_test_setup_teardown(test_inside_printable_area, setup_real_draft, teardown),
		cmocka_unit_test_setup_teardown(test_text_boxes_do_not_overlap, setup_real_draft, teardown),
		cmocka_unit_test_setup_teardown(test_draft_watermark, setup_real_draft, teardown),
		cmocka_unit_test_setup_teardown(test_landscape_appendix, setup_real_draft, teardown),
		cmocka_unit_test_setup_teardown(test_headings_never_last_on_page, setup_real_draft, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
