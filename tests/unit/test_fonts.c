/* The project's fonts: the measuring context's settings, real families
 * versus substitutes, per-glyph fallback, and independence from the host's
 * other fonts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "fonts.h"
#include "memory.h"
#include "paths.h"
#include "style.h"

#define LIBERATION "/usr/share/fonts/truetype/liberation2"
#define DEJAVU "/usr/share/fonts/truetype/dejavu"

static char temp_dir[64];

static int make_temp(void **state)
{
	(void)state;
	strcpy(temp_dir, "/tmp/fonts-test-XXXXXX");
	return mkdtemp(temp_dir) ? 0 : -1;
}

static int remove_temp(void **state)
{
	(void)state;
	char *command = mem_printf("rm -rf '%s'", temp_dir);
	int rc = system(command);
	free(command);
	return rc == 0 ? 0 : -1;
}

/* A fontconfig file naming exactly these folders. */
static char *write_conf(const char *name, const char *const *dirs, size_t count)
{
	char *path = mem_printf("%s/%s", temp_dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("<?xml version=\"1.0\"?>\n<fontconfig>\n", f);
	for (size_t i = 0; i < count; i++)
		fprintf(f, "  <dir>%s</dir>\n", dirs[i]);
	fprintf(f, "  <cachedir>%s</cachedir>\n</fontconfig>\n", temp_dir);
	fclose(f);
	return path;
}

static struct fonts *open_or_fail(const char *conf)
{
	struct diag_list diags = { 0 };
	struct fonts *fonts = fonts_open(conf, &diags);
	if (!fonts)
		diag_print(&diags, stderr);
	assert_non_null(fonts);
	assert_int_equal(diags.count, 0);
	diag_list_free(&diags);
	return fonts;
}

static PangoLayout *layout_of(struct fonts *fonts, const char *font, const char *text)
{
	PangoLayout *layout = pango_layout_new(fonts_context(fonts));
	PangoFontDescription *desc = pango_font_description_from_string(font);
	pango_layout_set_font_description(layout, desc);
	pango_font_description_free(desc);
	pango_layout_set_text(layout, text, -1);
	return layout;
}

static int width_pu(struct fonts *fonts, const char *font, const char *text)
{
	PangoLayout *layout = layout_of(fonts, font, text);
	int width = 0, height = 0;
	pango_layout_get_size(layout, &width, &height);
	g_object_unref(layout);
	return width;
}

static void test_context_settings(void **state)
{
	(void)state;
	struct fonts *fonts = open_or_fail(NULL);
	PangoContext *context = fonts_context(fonts);
	assert_ptr_equal(pango_context_get_font_map(context), fonts_font_map(fonts));
	assert_float_equal(pango_cairo_context_get_resolution(context), 72.0, 1e-9);
	assert_false(pango_context_get_round_glyph_positions(context));
	const cairo_font_options_t *options = pango_cairo_context_get_font_options(context);
	assert_non_null(options);
	assert_int_equal(cairo_font_options_get_hint_metrics(options), CAIRO_HINT_METRICS_OFF);
	assert_int_equal(cairo_font_options_get_hint_style(options), CAIRO_HINT_STYLE_NONE);
	assert_int_equal(pango_cairo_font_map_get_font_type(
				 PANGO_CAIRO_FONT_MAP(fonts_font_map(fonts))),
			 CAIRO_FONT_TYPE_FT);
	fonts_close(fonts);
}

/* 1 Pango point is 1 PDF point, and unhinted widths scale exactly. */
static void test_points_and_scaling(void **state)
{
	(void)state;
	struct fonts *fonts = open_or_fail(NULL);
	PangoLayout *layout = layout_of(fonts, "Liberation Sans 12", "Mg");
	int width = 0, height = 0;
	pango_layout_get_size(layout, &width, &height);
	g_object_unref(layout);
	/* Liberation Sans: ascent 0.905 em + descent 0.212 em = 13.4pt at 12pt */
	assert_true(height > 13.0 * PANGO_SCALE && height < 14.0 * PANGO_SCALE);
	const char *text = "Best Value Standards and Intervention";
	int small = width_pu(fonts, "Liberation Sans 11", text);
	int large = width_pu(fonts, "Liberation Sans 22", text);
	/* each advance rounds to a Pango unit; hinted advances would round
	 * to whole points (1024 units) instead */
	assert_true(abs(large - 2 * small) <= (int)strlen(text));
	fonts_close(fonts);
}

static void test_has_family(void **state)
{
	(void)state;
	struct fonts *fonts = open_or_fail(NULL);
	assert_true(fonts_has_family(fonts, "Liberation Sans"));
	assert_true(fonts_has_family(fonts, "liberation sans"));
	assert_true(fonts_has_family(fonts, "DejaVu Sans"));
	/* fontconfig would substitute these; they are not really there */
	assert_false(fonts_has_family(fonts, "Arial"));
	assert_false(fonts_has_family(fonts, "Frutiger"));
	assert_false(fonts_has_family(fonts, "sans-serif"));
	assert_false(fonts_has_family(fonts, ""));
	assert_false(fonts_has_family(fonts, NULL));
	fonts_close(fonts);
}

/* Welsh, arrows and a tick: Liberation where it can, DejaVu per glyph. */
static void test_fallback_per_glyph(void **state)
{
	(void)state;
	struct fonts *fonts = open_or_fail(NULL);
	PangoLayout *layout = layout_of(fonts, "Liberation Sans 10",
					"Gŵyl ŷd \u2191 \u2193 \u2192 \u2713");
	assert_int_equal(pango_layout_get_unknown_glyphs_count(layout), 0);
	PangoLayoutIter *iter = pango_layout_get_iter(layout);
	int liberation_runs = 0, dejavu_runs = 0;
	do {
		PangoLayoutRun *run = pango_layout_iter_get_run_readonly(iter);
		if (!run)
			continue;
		PangoFontDescription *desc = pango_font_describe(run->item->analysis.font);
		const char *family = pango_font_description_get_family(desc);
		liberation_runs += strcmp(family, "Liberation Sans") == 0;
		dejavu_runs += strcmp(family, "DejaVu Sans") == 0;
		const char *text = pango_layout_get_text(layout) + run->item->offset;
		if (strncmp(text, "\u2713", 3) == 0)
			assert_string_equal(family, "DejaVu Sans");
		if (strncmp(text, "G", 1) == 0)
			assert_string_equal(family, "Liberation Sans");
		pango_font_description_free(desc);
	} while (pango_layout_iter_next_run(iter));
	pango_layout_iter_free(iter);
	g_object_unref(layout);
	assert_true(liberation_runs > 0);
	assert_true(dejavu_runs > 0);
	fonts_close(fonts);
}

/* The host's own configuration has DejaVu; a configuration without it must
 * not find it anyway. */
static void test_host_fonts_are_not_used(void **state)
{
	(void)state;
	const char *dirs[] = { LIBERATION };
	char *conf = write_conf("liberation-only.conf", dirs, 1);
	struct diag_list diags = { 0 };
	struct fonts *fonts = fonts_open(conf, &diags);
	assert_non_null(fonts);
	/* without the fallback family: a warning naming its package */
	assert_int_equal(diags.count, 1);
	assert_int_equal(diags.items[0].level, DIAG_WARNING);
	assert_non_null(strstr(diags.items[0].message, "'DejaVu Sans'"));
	assert_non_null(strstr(diags.items[0].message, "fonts-dejavu-core"));
	diag_list_free(&diags);
	assert_false(fonts_has_family(fonts, "DejaVu Sans"));
	PangoLayout *layout = layout_of(fonts, "Liberation Sans 10", "tick \u2713");
	assert_true(pango_layout_get_unknown_glyphs_count(layout) > 0);
	g_object_unref(layout);
	/* fontconfig's process-wide configuration is ours too, so nothing
	 * that asks it for defaults reads the host's fonts.conf */
	FcPattern *pattern = FcNameParse((const FcChar8 *)"DejaVu Sans");
	FcObjectSet *objects = FcObjectSetBuild(FC_FAMILY, (char *)NULL);
	FcFontSet *set = FcFontList(NULL, pattern, objects);
	assert_int_equal(set->nfont, 0);
	FcFontSetDestroy(set);
	FcObjectSetDestroy(objects);
	FcPatternDestroy(pattern);
	fonts_close(fonts);
	free(conf);
}

/* Fonts added to the host, or to a configuration beside the families a
 * layout uses, leave the measured widths unchanged. */
static void test_extra_fonts_change_nothing(void **state)
{
	(void)state;
	const char *texts[] = {
		"This report is PUBLIC [NOT PROTECTIVELY MARKED]",
		"Governance and Ethics Committee 22 February 2024 \u2191 \u2192",
		"Cyngor Dinas Wolverhampton: ŵ ŷ",
	};
	const char *font = "Liberation Sans 11";
	struct fonts *shipped = open_or_fail(NULL);
	int before[3];
	for (int i = 0; i < 3; i++)
		before[i] = width_pu(shipped, font, texts[i]);
	fonts_close(shipped);

	/* an extra folder with other families */
	char *extra = mem_printf("%s/extra", temp_dir);
	assert_int_equal(mkdir(extra, 0700), 0);
	char *copy = mem_printf("cp %s/DejaVuSerif.ttf %s/DejaVuSansMono.ttf %s/LiberationMono-Regular.ttf '%s'",
				DEJAVU, DEJAVU, LIBERATION, extra);
	assert_int_equal(system(copy), 0);
	const char *dirs[] = { LIBERATION, DEJAVU, extra };
	char *conf = write_conf("extra.conf", dirs, 3);
	struct fonts *more = open_or_fail(conf);
	for (int i = 0; i < 3; i++)
		assert_int_equal(width_pu(more, font, texts[i]), before[i]);
	fonts_close(more);

	/* fontconfig's current configuration changes under a running program */
	struct fonts *again = open_or_fail(NULL);
	const char *host_dirs[] = { extra, "/usr/share/fonts" };
	char *host_conf = write_conf("host.conf", host_dirs, 2);
	FcConfig *host = FcConfigCreate();
	assert_true(FcConfigParseAndLoad(host, (const FcChar8 *)host_conf, FcTrue));
	assert_true(FcConfigBuildFonts(host));
	assert_true(FcConfigSetCurrent(host));
	free(host_conf);
	FcConfigDestroy(host);
	for (int i = 0; i < 3; i++)
		assert_int_equal(width_pu(again, font, texts[i]), before[i]);
	fonts_close(again);
	free(conf);
	free(copy);
	free(extra);
}

static void test_missing_family(void **state)
{
	(void)state;
	const char *dirs[] = { DEJAVU };
	char *conf = write_conf("dejavu-only.conf", dirs, 1);
	struct fonts *fonts = open_or_fail(conf);
	struct diag_list diags = { 0 };
	char *layouts = paths_layouts_dir();
	char *path = mem_printf("%s/committee-report.xml", layouts);
	struct style *style = style_load(path, &diags);
	assert_non_null(style);
	assert_int_equal(fonts_check_style(fonts, style, &diags), 1);
	assert_int_equal(diags.count, 1);
	const struct diag *d = &diags.items[0];
	assert_int_equal(d->level, DIAG_ERROR);
	assert_string_equal(d->file, path);
	assert_int_equal(d->line, 14); /* <body>, where the family is first named */
	assert_int_equal(d->col, 5);
	char *message = mem_printf(
		"font family 'Liberation Sans' named by %s is not available: "
		"install Debian's fonts-liberation2 and keep its folder "
		"/usr/share/fonts/truetype/liberation2 in %s", path, conf);
	assert_string_equal(d->message, message);
	free(message);
	style_free(style);
	diag_list_free(&diags);
	free(path);
	free(layouts);
	fonts_close(fonts);
	free(conf);
}

static void test_bad_configurations(void **state)
{
	(void)state;
	struct diag_list diags = { 0 };
	char *absent = mem_printf("%s/absent.conf", temp_dir);
	assert_null(fonts_open(absent, &diags));
	assert_int_equal(diags.count, 1);
	assert_string_equal(diags.items[0].file, absent);
	assert_non_null(strstr(diags.items[0].message, "cannot open the font configuration"));
	diag_clear(&diags);

	char *empty = mem_printf("%s/empty", temp_dir);
	assert_int_equal(mkdir(empty, 0700), 0);
	const char *dirs[] = { empty };
	char *conf = write_conf("empty.conf", dirs, 1);
	assert_null(fonts_open(conf, &diags));
	assert_int_equal(diags.count, 1);
	assert_non_null(strstr(diags.items[0].message, "no fonts"));
	diag_list_free(&diags);
	free(conf);
	free(empty);
	free(absent);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_context_settings),
		cmocka_unit_test(test_points_and_scaling),
		cmocka_unit_test(test_has_family),
		cmocka_unit_test(test_fallback_per_glyph),
		cmocka_unit_test(test_host_fonts_are_not_used),
		cmocka_unit_test(test_extra_fonts_change_nothing),
		cmocka_unit_test(test_missing_family),
		cmocka_unit_test(test_bad_configurations),
	};
	return cmocka_run_group_tests(tests, make_temp, remove_temp);
}
