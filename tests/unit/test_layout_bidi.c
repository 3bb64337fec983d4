/* Right-to-left and mixed text through layout and drawing: Hebrew and
 * Arabic (joined) with numbers, punctuation, a URL and bold spans, on
 * wide and narrow columns. Every line's runs are slices that partition its
 * text; every glyph's cluster lies inside its run's text on a character
 * boundary and the clusters fall along a right-to-left run and rise along
 * a left-to-right one, the glyph of the run's logical start owning byte 0;
 * and the lines are drawn to PDF and PNG without a diagnostic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "draw.h"
#include "draw_internal.h"
#include "layout_fixture.h"
#include "test_files.h"

struct bidi_case {
	const char *name;
	const char *text;
	const char *bold;         /* a span of text made bold, or NULL */
};

static const struct bidi_case cases[] = {
	{ "Hebrew then a colon", "\xD7\x93\xD7\x95\xD7\x97:", NULL },
	{ "Hebrew with numbers and punctuation",
	  "\xD7\x94\xD7\x93\xD7\x95\xD7\x97 \xD7\x94\xD7\x95\xD7\x92\xD7\xA9 "
	  "\xD7\x91-12 \xD7\x91\xD7\x9E\xD7\xA8\xD7\xA5 2024 (\xD7\xA1\xD7\xA2"
	  "\xD7\x99\xD7\xA3 3.1), \xD7\x9C\xD7\xA4\xD7\x99 \xD7\x94\xD7\x97"
	  "\xD7\x9C\xD7\x98\xD7\x94 45.", NULL },
	{ "Arabic notice",
	  "يمكنك الحصول على هذه المعلومات بخط كبير أو بطريقة برايل أو بتسجيل "
	  "صوتي أو بلغة أخرى بالاتصال على الرقم 01902 551155.", NULL },
	{ "Farsi with a zero-width non-joiner",
	  "می\xE2\x80\x8Cخواهید این سند را به زبان دیگری دریافت کنید؟", NULL },
	{ "Arabic inside English",
	  "Call 01902 551155 (العربية: اتصل بنا) or see page 4.", NULL },
	{ "English inside Arabic",
	  "الرجاء زيارة www.wolverhampton.gov.uk للمزيد.", NULL },
	{ "a bold span inside a joined Arabic word",
	  "هذه المعلومات متاحة", "علوم" },
};

static const double widths_pt[] = { 400, 90, 30 };

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

/* The direction of the first letter of a script with one: 1 right to
 * left, -1 left to right, 0 none (digits, spaces, punctuation). */
static int letter_direction(const char *text, uint32_t length)
{
	for (const char *p = text; p < text + length; p = g_utf8_next_char(p)) {
		GUnicodeScript script = g_unichar_get_script(g_utf8_get_char(p));
		if (script == G_UNICODE_SCRIPT_HEBREW ||
		    script == G_UNICODE_SCRIPT_ARABIC)
			return 1;
		if (script == G_UNICODE_SCRIPT_LATIN)
			return -1;
	}
	return 0;
}

static void check_run_clusters(const struct dl_run *run, const char *what)
{
	const struct dl_glyph *g = run->glyphs;
	uint32_t n = run->glyph_count;
	int rising = 1, falling = 1;
	uint32_t lowest = UINT32_MAX;
	for (uint32_t i = 0; i < n; i++) {
		if (g[i].cluster >= run->text_length)
			fail_msg("%s: cluster %u outside its run of %u bytes", what,
				 g[i].cluster, run->text_length);
		if (((unsigned char)run->text[g[i].cluster] & 0xC0) == 0x80)
			fail_msg("%s: cluster %u inside a character", what,
				 g[i].cluster);
		if (i > 0) {
			rising &= g[i].cluster >= g[i - 1].cluster;
			falling &= g[i].cluster <= g[i - 1].cluster;
		}
		if (g[i].cluster < lowest)
			lowest = g[i].cluster;
	}
	if (n == 0)
		return;
	assert_int_equal(lowest, 0);
	int direction = letter_direction(run->text, run->text_length);
	if (direction > 0 && !falling)
		fail_msg("%s: right-to-left run \"%.*s\" with clusters not falling",
			 what, (int)run->text_length, run->text);
	if (direction < 0 && !rising)
		fail_msg("%s: left-to-right run \"%.*s\" with clusters not rising",
			 what, (int)run->text_length, run->text);
	if (!rising && !falling)
		fail_msg("%s: clusters of \"%.*s\" go both ways", what,
			 (int)run->text_length, run->text);
}

/* The runs of a line partition its text: taken by their place in it they
 * follow one another with no gap or overlap. Returns the line's length. */
static size_t check_line_runs(const struct dl_text *t, const char *what)
{
	size_t length = strlen(t->text), at = 0;
	uint32_t used = 0;
	while (at < length) {
		const struct dl_run *found = NULL;
		for (uint32_t r = 0; r < t->run_count; r++)
			if (t->runs[r].text == t->text + at &&
			    t->runs[r].text_length > 0)
				found = &t->runs[r];
		if (!found)
			fail_msg("%s: no run starts at byte %zu of \"%s\"", what, at,
				 t->text);
		check_run_clusters(found, what);
		at += found->text_length;
		used++;
	}
	assert_int_equal(at, length);
	assert_int_equal(used, t->run_count);
	for (uint32_t r = 1; r < t->run_count; r++)
		assert_true(t->runs[r].x_pt >= t->runs[r - 1].x_pt);
	return length;
}

/* Lay c out at width_pt as a paragraph; check its lines and that their
 * text in order is the source's, every byte once. */
static void lay_out_case(struct layout_fixture *f, const struct bidi_case *c,
			 double width_pt)
{
	struct source_span span = { 0, 0, SPAN_STRONG, NULL, NULL, 0 };
	struct source_text text = { c->text, NULL, 0, { 1, 1 }, NULL };
	if (c->bold) {
		const char *at = strstr(c->text, c->bold);
		assert_non_null(at);
		span.start = (uint32_t)(at - c->text);
		span.end = span.start + (uint32_t)strlen(c->bold);
		text.spans = &span;
		text.span_count = 1;
	}
	struct source_pos pos = { 1, 1 };
	if (f->lo.y_pt > f->lo.bottom_pt - 200)
		layout_new_page(&f->lo);
	uint32_t node = layout_add_node(&f->lo, ROLE_PARAGRAPH, pos);
	struct layout_lines *lines = layout_measure(&f->lo, &text, &f->style.body,
						    width_pt, ALIGN_LEFT);
	double height = layout_place_lines(&f->lo, lines, 0, lines->line_count,
					   f->lo.left_pt, f->lo.y_pt, node);
	f->lo.y_pt += height + 4;
	layout_lines_free(lines);

	char *what = g_strdup_printf("%s at %.0f pt", c->name, width_pt);
	GString *joined = g_string_new("");
	const struct dl_page *page = &f->lo.list->pages[f->lo.list->page_count - 1];
	for (size_t i = 0; i < page->box_count; i++) {
		const struct dl_box *b = &page->boxes[i];
		if (b->kind != BOX_TEXT || b->node != node)
			continue;
		check_line_runs(&b->u.text, what);
		g_string_append(joined, b->u.text.text);
	}
	if (strcmp(joined->str, c->text) != 0)
		fail_msg("%s: lines read \"%s\"", what, joined->str);
	g_string_free(joined, TRUE);
	g_free(what);
}

static void test_runs_and_clusters(void **state)
{
	struct layout_fixture *f = *state;
	for (size_t w = 0; w < sizeof widths_pt / sizeof *widths_pt; w++)
		for (size_t c = 0; c < sizeof cases / sizeof *cases; c++)
			lay_out_case(f, &cases[c], widths_pt[w]);
}

/* Along a Hebrew run the clusters fall from the last letter's offset to 0:
 * "דוח:" is one right-to-left run, the colon drawn leftmost. */
static void test_hebrew_colon_run(void **state)
{
	struct layout_fixture *f = *state;
	lay_out_case(f, &cases[0], 400);
	const struct dl_page *page = &f->lo.list->pages[0];
	const struct dl_box *box = NULL;
	for (size_t i = 0; i < page->box_count; i++)
		if (page->boxes[i].kind == BOX_TEXT)
			box = &page->boxes[i];
	assert_non_null(box);
	assert_int_equal(box->u.text.run_count, 1);
	const struct dl_run *run = &box->u.text.runs[0];
	assert_int_equal(run->glyph_count, 4);
	assert_int_equal(run->glyphs[0].cluster, 6); /* the colon */
	assert_int_equal(run->glyphs[3].cluster, 0); /* the first letter */
	/* Right to left in a left-aligned column: it keeps to the right. */
	assert_true(box->x_pt + box->width_pt > f->lo.left_pt + 400 - 1);
	assert_true(box->x_pt > f->lo.left_pt + 300);
}

/* What was laid out is drawn to PDF and PNG with no diagnostic, and
 * leaves only the files asked for. */
static void test_drawn_without_error(void **state)
{
	struct layout_fixture *f = *state;
	for (size_t w = 0; w < sizeof widths_pt / sizeof *widths_pt; w++)
		for (size_t c = 0; c < sizeof cases / sizeof *cases; c++)
			lay_out_case(f, &cases[c], widths_pt[w]);
	struct display_list *list = f->lo.list;
	list->title = "Right to left";
	list->lang = "en-GB";
	char *dir = temp_dir("committee-bidi");
	char *pdf = g_build_filename(dir, "bidi.pdf", NULL);
	struct diag_list diags = { 0 };
	int status = draw_pdf(list, pdf, &diags);
	if (diags.count)
		fail_msg("draw_pdf: %s", diags.items[0].message);
	assert_int_equal(status, 0);
	int pngs = draw_png(list, dir, "bidi", 72, NULL, &diags);
	if (diags.count)
		fail_msg("draw_png: %s", diags.items[0].message);
	assert_int_equal(pngs, (int)list->page_count);
	assert_int_equal(count_entries(dir), 1 + pngs);
	diag_list_free(&diags);
	remove_dir(dir);
	g_free(pdf);
	g_free(dir);
}

/* Cairo refuses a drawing (here: a surface of no size): the page fails
 * with a message naming the output and the text, never silently. */
static void test_cairo_error_is_reported(void **state)
{
	struct layout_fixture *f = *state;
	lay_out_case(f, &cases[0], 400);
	cairo_surface_t *surface =
		cairo_image_surface_create(CAIRO_FORMAT_ARGB32, -1, -1);
	cairo_t *cr = cairo_create(surface);
	struct diag_list diags = { 0 };
	assert_int_equal(draw_page(cr, f->lo.list, 0, NULL, "out.png", &diags), -1);
	assert_int_equal(diags.count, 1);
	assert_string_equal(diags.items[0].file, "out.png");
	assert_non_null(strstr(diags.items[0].message, "page 1: Cairo cannot draw"));
	assert_non_null(strstr(diags.items[0].message,
			       cairo_status_to_string(cairo_status(cr))));
	diag_list_free(&diags);
	cairo_destroy(cr);
	cairo_surface_destroy(surface);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_runs_and_clusters, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_hebrew_colon_run, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_drawn_without_error, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_cairo_error_is_reported, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
