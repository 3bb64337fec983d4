/* Chart graphics contrast 3:1 with the white page (WCAG 2, 1.4.11): every
 * shipped layout's chart colours, the bars and swatches a sample's
 * dashboard draws in each of them, the default for a layout that names
 * none, and the error for a chart colour that is too pale. */
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

#include "rating_colours.h"
#include "fonts.h"
#include "layout_internal.h"
#include "memory.h"

#define PAGE_WHITE 0xFFFFFFu
#define CHART_MIN 3.0

/* Paths of the .xml files in layouts/, sorted; caller frees each and the array. */
static size_t shipped_layouts(char ***paths)
{
	struct dirent **entries;
	int n = scandir("layouts", &entries, NULL, alphasort);
	assert_true(n > 0);
	*paths = calloc((size_t)n, sizeof **paths);
	size_t count = 0;
	for (int i = 0; i < n; i++) {
		size_t len = strlen(entries[i]->d_name);
		if (len > 4 && strcmp(entries[i]->d_name + len - 4, ".xml") == 0)
			(*paths)[count++] = mem_printf("layouts/%s", entries[i]->d_name);
		free(entries[i]);
	}
	free(entries);
	assert_true(count >= 3);
	return count;
}

static void test_shipped_chart_colours(void **state)
{
	(void)state;
	char **paths;
	size_t count = shipped_layouts(&paths);
	for (size_t i = 0; i < count; i++) {
		struct diag_list diags = { 0 };
		struct style *style = style_load(paths[i], &diags);
		if (!style)
			diag_print(&diags, stderr);
		assert_non_null(style);
		for (size_t r = 0; r < style->rating_count; r++) {
			const char *code = style->ratings[r].code; /* NULL: fallback */
			double ratio = style_contrast(code_chart(style, code),
						      PAGE_WHITE);
			if (ratio < CHART_MIN)
				fail_msg("%s: rating %s charts at %.2f:1", paths[i],
					 code ? code : "(fallback)", ratio);
		}
		style_free(style);
		diag_list_free(&diags);
		free(paths[i]);
	}
	free(paths);
}

static int inside_figure(const struct display_list *list, uint32_t node)
{
	for (uint32_t n = node; n; n = list->nodes[n].parent)
		if (list->nodes[n].role == ROLE_FIGURE)
			return 1;
	return 0;
}

/* A quarterly sample's dashboard in every shipped layout: every filled
 * rect of a chart (bar segments, legend swatches) contrasts 3:1. */
static void test_drawn_bars_contrast(void **state)
{
	(void)state;
	struct diag_list diags = { 0 };
	struct fonts *fonts = fonts_open("fonts/fonts.conf", &diags);
	assert_non_null(fonts);
	struct source_doc *doc = source_load("samples/adults-2024-q2.xml", &diags);
	assert_non_null(doc);
	char **paths;
	size_t count = shipped_layouts(&paths);
	for (size_t i = 0; i < count; i++) {
		struct style *style = style_load(paths[i], &diags);
		assert_non_null(style);
		struct display_list *list = layout_document(doc, style,
							    fonts_context(fonts),
							    NULL, &diags);
		assert_non_null(list);
		size_t fills = 0;
		for (size_t p = 0; p < list->page_count; p++)
			for (size_t b = 0; b < list->pages[p].box_count; b++) {
				const struct dl_box *box = &list->pages[p].boxes[b];
				if (box->kind != BOX_RECT || box->fill == DL_NO_COLOR ||
				    !inside_figure(list, box->node))
					continue;
				double ratio = style_contrast(box->fill, PAGE_WHITE);
				if (ratio < CHART_MIN)
					fail_msg("%s: bar #%06x on page %zu at %.2f:1",
						 paths[i], (unsigned)box->fill, p + 1, ratio);
				fills++;
			}
		assert_true(fills >= 3); /* bars and swatches were looked at */
		dl_free(list);
		style_free(style);
		free(paths[i]);
	}
	free(paths);
	source_free(doc);
	fonts_close(fonts);
	diag_list_free(&diags);
}

/* The quarterly layout with every `chart="…"` replaced by replacement
 * (NULL: removed), written to a file of its own; caller frees the path. */
static char *quarterly_variant(const char *name, const char *replacement)
{
	FILE *in = fopen("layouts/quarterly-dashboard.xml", "rb");
	assert_non_null(in);
	char text[16384];
	size_t n = fread(text, 1, sizeof text - 1, in);
	fclose(in);
	text[n] = '\0';
	char *dir = mem_printf("%s/test_chart_contrast.XXXXXX",
			       getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(dir));
	char *path = mem_printf("%s/%s.xml", dir, name);
	free(dir);
	FILE *out = fopen(path, "wb");
	assert_non_null(out);
	for (const char *p = text; *p;) {
		const char *hit = strstr(p, " chart=\"#");
		if (!hit) {
			fputs(p, out);
			break;
		}
		fwrite(p, 1, (size_t)(hit - p), out);
		if (replacement)
			fprintf(out, " chart=\"%s\"", replacement);
		p = hit + strlen(" chart=\"#rrggbb\"");
	}
	fclose(out);
	/* the layout's logo goes with it, as with any copied layout */
	char *logo = mem_printf("%.*s/sample-logo.svg",
				(int)(strrchr(path, '/') - path), path);
	out = fopen(logo, "wb");
	assert_non_null(out);
	fputs("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>", out);
	fclose(out);
	free(logo);
	/* the layout's name must match its file name */
	return path;
}

static void remove_variant(char *path)
{
	remove(path);
	char *slash = strrchr(path, '/');
	*slash = '\0';
	char *logo = mem_printf("%s/sample-logo.svg", path);
	remove(logo);
	free(logo);
	rmdir(path);
	free(path);
}

static void test_default_chart_colour(void **state)
{
	(void)state;
	char *path = quarterly_variant("quarterly-dashboard", NULL);
	struct diag_list diags = { 0 };
	struct style *style = style_load(path, &diags);
	if (!style)
		diag_print(&diags, stderr);
	assert_non_null(style);
	assert_int_equal(diag_count(&diags, DIAG_ERROR), 0);
	for (size_t r = 0; r < style->rating_count; r++) {
		const struct style_rating_colors *pair = &style->ratings[r];
		style_rgb chart = code_chart(style, pair->code);
		assert_true(style_contrast(chart, PAGE_WHITE) >= CHART_MIN);
		/* the tints fail, so each is darkened: never the tint itself */
		assert_true(style_contrast(pair->background, PAGE_WHITE) < CHART_MIN);
		assert_int_not_equal(chart, pair->background);
	}
	style_free(style);
	diag_list_free(&diags);
	remove_variant(path);
}

static void test_pale_chart_colour_is_an_error(void **state)
{
	(void)state;
	char *path = quarterly_variant("quarterly-dashboard", "#fff7bf");
	struct diag_list diags = { 0 };
	struct style *style = style_load(path, &diags);
	assert_null(style);
	/* every rating and the fallback name the pale colour */
	assert_int_equal(diag_count(&diags, DIAG_ERROR), 8);
	const struct diag *d = &diags.items[0];
	assert_string_equal(d->file, path);
	assert_true(d->line > 0);
	assert_non_null(strstr(d->message, "rating 'R': chart colour #fff7bf has "
					   "contrast 1.0"));
	assert_non_null(strstr(d->message, "below the 3.0:1 that WCAG 2 asks of "
					   "chart bars"));
	diag_list_free(&diags);
	remove_variant(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_chart_colours),
		cmocka_unit_test(test_drawn_bars_contrast),
		cmocka_unit_test(test_default_chart_colour),
		cmocka_unit_test(test_pale_chart_colour_is_an_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
