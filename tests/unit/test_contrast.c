/* Every line of text on every page of the samples, under every shipped house
 * style, must stand out from what it is printed on (WCAG 1.4.3: 4.5:1): a
 * house style can be valid field by field and still print white on white
 * where one stage borrows another's font. Only the draft watermark, which is
 * decoration, is exempt. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "pipeline.h"
#include "style.h"

static const char *const samples[] = {
	"samples/best-value-2024.xml",
	"samples/best-value-2024-update.xml",
	"samples/fleet-contract-2024.xml",
	"samples/adults-2024-q3.xml",
};

static const char *const layouts[] = {
	"committee-report",
	"committee-report-landscape-appendix",
	"quarterly-dashboard",
};

#define PAGE_WHITE 0xFFFFFFu

static int inside(const struct dl_box *outer, double x, double y)
{
	return x >= outer->x_pt && x <= outer->x_pt + outer->width_pt &&
	       y >= outer->y_pt && y <= outer->y_pt + outer->height_pt;
}

/* The fill a text box is printed on: the last filled rectangle drawn before
 * it that holds the middle of the box, else the white page. */
static uint32_t background_of(const struct dl_page *page, size_t text_index)
{
	const struct dl_box *text = &page->boxes[text_index];
	double x = text->x_pt + text->width_pt / 2;
	double y = text->y_pt + text->height_pt / 2;
	for (size_t i = text_index; i-- > 0;) {
		const struct dl_box *b = &page->boxes[i];
		if (b->kind == BOX_RECT && b->fill != DL_NO_COLOR && inside(b, x, y))
			return b->fill;
	}
	return PAGE_WHITE;
}

static size_t low_contrast_runs(const struct display_list *list,
				const char *label)
{
	size_t failures = 0;
	for (size_t p = 0; p < list->page_count; p++) {
		const struct dl_page *page = &list->pages[p];
		for (size_t i = 0; i < page->box_count; i++) {
			const struct dl_box *b = &page->boxes[i];
			if (b->kind != BOX_TEXT || b->u.text.angle_deg != 0)
				continue;
			uint32_t ground = background_of(page, i);
			for (uint32_t r = 0; r < b->u.text.run_count; r++) {
				uint32_t ink = b->u.text.runs[r].color;
				double ratio = style_contrast(ink, ground);
				if (ratio >= 4.5)
					continue;
				if (failures++ < 5)
					fprintf(stderr,
						"%s page %zu: \"%s\" #%06x on #%06x is %.2f:1\n",
						label, p + 1, b->u.text.text, ink,
						ground, ratio);
			}
		}
	}
	return failures;
}

static void test_every_text_stands_out(void **state)
{
	(void)state;
	struct diag_list diags = { 0 };
	struct pipeline *pipeline = pipeline_new(&diags);
	assert_non_null(pipeline);
	size_t failures = 0;
	for (size_t s = 0; s < sizeof samples / sizeof *samples; s++) {
		for (size_t l = 0; l < sizeof layouts / sizeof *layouts; l++) {
			struct pipeline_options options = { layouts[l], NULL, 0 };
			struct display_list *list = pipeline_layout(
				pipeline, samples[s], &options, NULL, &diags);
			if (!list)
				diag_print(&diags, stderr);
			assert_non_null(list);
			char label[256];
			snprintf(label, sizeof label, "%s under %s", samples[s],
				 layouts[l]);
			failures += low_contrast_runs(list, label);
			dl_free(list);
		}
	}
	pipeline_free(pipeline);
	diag_list_free(&diags);
	assert_int_equal(failures, 0);
}

/* The check itself must see white on white. */
static void test_white_on_white_is_caught(void **state)
{
	(void)state;
	struct dl_run run = { 0 };
	run.color = PAGE_WHITE;
	struct dl_box box = { 0 };
	box.kind = BOX_TEXT;
	box.width_pt = box.height_pt = 10;
	box.u.text.text = "Report title";
	box.u.text.runs = &run;
	box.u.text.run_count = 1;
	struct dl_page page = { 0 };
	page.boxes = &box;
	page.box_count = 1;
	struct display_list list = { 0 };
	list.pages = &page;
	list.page_count = 1;
	assert_int_equal(low_contrast_runs(&list, "hand-made"), 1);
	run.color = 0x0b0c0c;
	assert_int_equal(low_contrast_runs(&list, "hand-made"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_white_on_white_is_caught),
		cmocka_unit_test(test_every_text_stands_out),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
