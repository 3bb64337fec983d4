/* The shipped layouts' own column proportions hold every header word of
 * the assessment and performance tables unbroken ("Previou-s" is what an
 * officer notices), in the narrowest width each layout gives those tables,
 * before the table engine has to take room from other columns; and in
 * every shipped sample laid out in every shipped layout, no header cell
 * breaks inside a word. */
#include <dirent.h>
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
#include "table_checks.h"
#include "test_files.h"

static const char *const assessment_titles[7] = {
	"Ref", "Characteristic", "Rating", "Previous", "Evidence", "Actions",
	"Owner",
};
static const char *const performance_titles[8] = {
	"Ref",      "Measure", "Target",              "Actual",
	"Previous", "Rating",  "Direction of travel", "Commentary",
};

/* Widest word of title in the header font. */
static double widest_word_pt(struct layout *lo, const char *title)
{
	double widest_pt = 0;
	char *copy = strdup(title), *save = NULL;
	for (char *word = strtok_r(copy, " ", &save); word;
	     word = strtok_r(NULL, " ", &save)) {
		struct layout_lines *lines = layout_measure_plain(
			lo, word, &lo->style->table.header_font, 1e5, ALIGN_LEFT);
		widest_pt = fmax(widest_pt, lines->width_pt);
		layout_lines_free(lines);
	}
	free(copy);
	return widest_pt;
}

/* Returns how many columns are too narrow, each said on stderr. */
static size_t check_columns(struct layout *lo, const char *path, const char *which,
			  const double *proportions, const char *const *titles,
			  size_t count, double content_pt)
{
	double sum = 0;
	for (size_t c = 0; c < count; c++)
		sum += proportions[c];
	double scale = sum > 1 ? 1 / sum : 1;
	double padding_pt = 2 * lo->style->table.padding_pt;
	size_t narrow = 0;
	for (size_t c = 0; c < count; c++) {
		double width_pt = proportions[c] * scale * content_pt;
		double need_pt = widest_word_pt(lo, titles[c]) + padding_pt;
		if (need_pt <= width_pt)
			continue;
		print_error("%s: %s column '%s' is %.1fpt wide, its header word "
			    "needs %.1fpt (%.2f of %.1fpt)\n", path, which, titles[c],
			    width_pt, need_pt, need_pt / content_pt, content_pt);
		narrow++;
	}
	return narrow;
}

static void test_layout_proportions_fit_headers(void **state)
{
	(void)state;
	struct diag_list diags = { 0 };
	struct fonts *fonts = fonts_open("fonts/fonts.conf", &diags);
	assert_non_null(fonts);
	char **paths;
	size_t count = xml_files("layouts", &paths);
	assert_true(count >= 3);
	size_t narrow = 0;
	for (size_t i = 0; i < count; i++) {
		struct style *style = style_load(paths[i], &diags);
		assert_non_null(style);
		struct layout lo;
		layout_begin(&lo, NULL, style, fonts_context(fonts), NULL, &diags);
		/* Appendices may turn landscape, never portrait: the tables are
		 * narrowest in portrait unless the layout always turns them. */
		int landscape = style->page.landscape || style->landscape_assessments;
		layout_set_landscape(&lo, landscape);
		layout_new_page(&lo);
		double content_pt = layout_content_width(&lo);
		narrow += check_columns(&lo, paths[i], "assessment",
			      style->table.assessment_columns, assessment_titles,
			      7, content_pt);
		narrow += check_columns(&lo, paths[i], "performance",
			      style->table.performance_columns, performance_titles,
			      8, content_pt);
		dl_free(layout_end(&lo));
		style_free(style);
	}
	free_paths(paths, count);
	fonts_close(fonts);
	diag_list_free(&diags);
	assert_int_equal(narrow, 0);
}

static int is_title_word(const char *word)
{
	for (size_t t = 0; t < 8; t++) {
		char *copy = strdup(performance_titles[t]), *save = NULL;
		int found = 0;
		for (char *w = strtok_r(copy, " ", &save); w && !found;
		     w = strtok_r(NULL, " ", &save))
			found = strcmp(w, word) == 0;
		free(copy);
		if (found)
			return 1;
	}
	for (size_t t = 0; t < 7; t++)
		if (strcmp(assessment_titles[t], word) == 0)
			return 1;
	return 0;
}

/* The header rows (TR whose first cell reads "Ref"; repeats on later pages
 * are copies of it) hold whole title words only, on every line. */
static void check_header_lines(const struct display_list *list, const char *what)
{
	size_t rows = 0;
	for (uint32_t tr = 0; tr < list->node_count; tr++) {
		if (list->nodes[tr].role != ROLE_TABLE_ROW)
			continue;
		uint32_t first = tr + 1;
		if (first >= list->node_count || list->nodes[first].parent != tr ||
		    list->nodes[first].role != ROLE_TABLE_HEADER)
			continue;
		char *ref = node_text_squeezed(list, first, NULL);
		int is_header = strcmp(ref, "Ref") == 0;
		free(ref);
		if (!is_header)
			continue;
		rows++;
		for (size_t p = 0; p < list->page_count; p++)
			for (size_t i = 0; i < list->pages[p].box_count; i++) {
				const struct dl_box *b = &list->pages[p].boxes[i];
				if (b->kind != BOX_TEXT ||
				    list->nodes[b->node].parent != tr)
					continue;
				char *copy = strdup(b->u.text.text), *save = NULL;
				for (char *w = strtok_r(copy, " ", &save); w;
				     w = strtok_r(NULL, " ", &save))
					if (!is_title_word(w))
						fail_msg("%s, page %zu: header line '%s' "
							 "breaks a word", what, p + 1,
							 b->u.text.text);
				free(copy);
			}
	}
	assert_true(rows > 0);
}

static void test_samples_keep_header_words(void **state)
{
	(void)state;
	struct diag_list diags = { 0 };
	struct fonts *fonts = fonts_open("fonts/fonts.conf", &diags);
	assert_non_null(fonts);
	char **layouts, **samples;
	size_t layout_count = xml_files("layouts", &layouts);
	size_t sample_count = xml_files("samples", &samples);
	assert_true(sample_count > 10);
	for (size_t s = 0; s < sample_count; s++) {
		struct source_doc *doc = source_load(samples[s], &diags);
		assert_non_null(doc);
		int has_table = 0;
		for (size_t a = 0; a < doc->appendix_count; a++)
			for (size_t b = 0; b < doc->appendices[a].block_count; b++)
				has_table |= doc->appendices[a].blocks[b].kind ==
						     BLOCK_ASSESSMENT ||
					     doc->appendices[a].blocks[b].kind ==
						     BLOCK_PERFORMANCE;
		for (size_t l = 0; has_table && l < layout_count; l++) {
			struct style *style = style_load(layouts[l], &diags);
			assert_non_null(style);
			struct display_list *list = layout_document(
				doc, style, fonts_context(fonts), NULL, &diags);
			assert_non_null(list);
			char *what = mem_printf("%s in %s", samples[s], layouts[l]);
			check_header_lines(list, what);
			free(what);
			dl_free(list);
			style_free(style);
		}
		source_free(doc);
	}
	free_paths(layouts, layout_count);
	free_paths(samples, sample_count);
	fonts_close(fonts);
	diag_list_free(&diags);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_proportions_fit_headers),
		cmocka_unit_test(test_samples_keep_header_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
