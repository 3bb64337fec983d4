/* The seed report (samples/best-value-2024.xml) through the loader, the
 * shipped fonts and its own house style: the checks every paper must pass,
 * plus what this paper must show (its outline, its cross-references, its
 * landscape self-assessment) and that no paragraph loses a byte. */
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
#include "paths.h"

#define SAMPLE "samples/best-value-2024.xml"

static struct fixture *sample_new(int draft)
{
	static const struct layout_options draft_options = { .draft = 1, .build_time = "2024-02-20 10:15" };
	struct fixture *f = calloc(1, sizeof *f);
	f->loaded = source_load(SAMPLE, &f->diags);
	if (!f->loaded)
		diag_print(&f->diags, stderr);
	assert_non_null(f->loaded);
	f->fonts = fonts_open("fonts/fonts.conf", &f->diags);
	assert_non_null(f->fonts);
	f->context = fonts_context(f->fonts);
	char *dir = paths_dirname(SAMPLE);
	f->loaded_style = style_find(f->loaded->layout ? f->loaded->layout :
							"committee-report",
				     dir, &f->diags);
	free(dir);
	assert_non_null(f->loaded_style);
	f->style_used = f->loaded_style;
	f->style = *f->style_used;
	f->list = layout_document(f->loaded, f->style_used, f->context,
				  draft ? &draft_options : NULL, &f->diags);
	if (!f->list)
		diag_print(&f->diags, stderr);
	assert_non_null(f->list);
	return f;
}

static int setup_final(void **state)
{
	*state = sample_new(0);
	return 0;
}

static int setup_draft(void **state)
{
	*state = sample_new(1);
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	dl_free(f->list);
	source_free(f->loaded);
	style_free(f->loaded_style);
	fonts_close(f->fonts);
	diag_list_free(&f->diags);
	free(f);
	return 0;
}

static void test_outline_and_cross_references(void **state)
{
	struct fixture *f = *state;
	const struct display_list *list = f->list;
	assert_true(list->outline_count >= 3 + f->loaded->section_count);
	assert_string_equal(list->outline[0].title, "Recommendations");
	assert_string_equal(list->outline[1].title, "1.0 Purpose");
	assert_string_equal(list->outline[list->outline_count - 1].title,
			    "Appendix 2: City of Wolverhampton Council Best Value "
			    "Benchmarking");
	/* Every internal link has its destination somewhere. */
	size_t links = 0;
	for (size_t p = 0; p < list->page_count; p++)
		for (size_t i = 0; i < list->pages[p].box_count; i++) {
			const struct dl_box *b = &list->pages[p].boxes[i];
			if (b->kind != BOX_LINK || !b->u.link.dest)
				continue;
			links++;
			int found = 0;
			for (size_t q = 0; q < list->page_count && !found; q++)
				for (size_t j = 0; j < list->pages[q].box_count; j++) {
					const struct dl_box *d = &list->pages[q].boxes[j];
					if (d->kind == BOX_DEST &&
					    strcmp(d->u.dest, b->u.link.dest) == 0) {
						found = 1;
						break;
					}
				}
			if (!found)
				fail_msg("no destination \"%s\"", b->u.link.dest);
		}
	assert_true(links >= 3);
}

/* The self-assessment appendix is landscape (the source asks); every page
 * before it is portrait. */
static void test_landscape_assessment(void **state)
{
	struct fixture *f = *state;
	/* The outline's entry: section 9.0 lists the same words as text. */
	const struct dl_outline *last = &f->list->outline[f->list->outline_count - 1];
	assert_string_equal(last->title, "Appendix 2: City of Wolverhampton "
					 "Council Best Value Benchmarking");
	size_t appendix_page = last->page;
	assert_true(appendix_page > 0);
	for (size_t p = 0; p < f->list->page_count; p++) {
		const struct dl_page *page = &f->list->pages[p];
		assert_int_equal(page->width_pt > page->height_pt, p >= appendix_page);
	}
	assert_true(appendix_page + 2 < f->list->page_count);
}

/* The run of a line whose text starts at start, or NULL. */
static const struct dl_run *run_at(const struct dl_text *text, const char *start)
{
	for (uint32_t r = 0; r < text->run_count; r++)
		if (text->runs[r].text == start && text->runs[r].text_length > 0)
			return &text->runs[r];
	return NULL;
}

/* Text of node's boxes in page order, paragraph numbers left out; each
 * box's runs in text order (they are stored in visual order, which a
 * right-to-left paragraph reverses). */
static char *node_text(const struct display_list *list, uint32_t node,
		       double number_column_end_pt)
{
	size_t length = 0;
	char *out = calloc(1, 1);
	for (size_t p = 0; p < list->page_count; p++)
		for (size_t i = 0; i < list->pages[p].box_count; i++) {
			const struct dl_box *b = &list->pages[p].boxes[i];
			if (b->kind != BOX_TEXT || !words_of_node(list, b->node, node))
				continue;
			if (b->x_pt + b->width_pt < number_column_end_pt &&
			    strspn(b->u.text.text, "0123456789.") == strlen(b->u.text.text))
				continue;
			const char *line = b->u.text.text;
			size_t line_length = strlen(line), at = 0;
			while (at < line_length) {
				const struct dl_run *run = run_at(&b->u.text, line + at);
				assert_non_null(run);
				out = realloc(out, length + run->text_length + 1);
				memcpy(out + length, run->text, run->text_length);
				length += run->text_length;
				out[length] = '\0';
				at += run->text_length;
			}
		}
	return out;
}

static void test_paragraphs_keep_every_byte(void **state)
{
	struct fixture *f = *state;
	const struct source_doc *d = f->loaded;
	double column_end = f->style.page.margin_left_pt + f->style.number_indent_pt;
	size_t checked = 0;
	for (size_t s = 0; s < d->section_count; s++)
		for (size_t b = 0; b < d->sections[s].block_count; b++) {
			const struct source_block *block = &d->sections[s].blocks[b];
			if (block->kind != BLOCK_PARAGRAPH)
				continue;
			uint32_t n = 1;
			while (n < f->list->node_count &&
			       !(f->list->nodes[n].role == ROLE_PARAGRAPH &&
				 f->list->nodes[n].pos.line == block->pos.line &&
				 f->list->nodes[n].pos.col == block->pos.col))
				n++;
			assert_true(n < f->list->node_count);
			char *text = node_text(f->list, n, column_end);
			assert_string_equal(text, block->u.paragraph.text);
			free(text);
			checked++;
		}
	assert_true(checked >= 15);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_inside_printable_area, setup_final, teardown),
		cmocka_unit_test_setup_teardown(test_text_boxes_do_not_overlap, setup_final, teardown),
		cmocka_unit_test_setup_teardown(test_page_x_of_y, setup_final, teardown),
		cmocka_unit_test_setup_teardown(test_headings_never_last_on_page, setup_final, teardown),
		cmocka_unit_test_setup_teardown(test_final_has_no_watermark, setup_final, teardown),
		cmocka_unit_test_setup_teardown(test_outline_and_cross_references, setup_final, teardown),
		cmocka_unit_test_setup_teardown(test_landscape_assessment, setup_final, teardown),
		cmocka_unit_test_setup_teardown(test_paragraphs_keep_every_byte, setup_final, teardown),
		cmocka_unit_test_setup_teardown(test_draft_watermark, setup_draft, teardown),
		cmocka_unit_test_setup_teardown(test_inside_printable_area, setup_draft, teardown),
		cmocka_unit_test_setup_teardown(test_text_boxes_do_not_overlap, setup_draft, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
