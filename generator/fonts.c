/* The project's fonts: a private fontconfig configuration (fonts/fonts.conf,
 * never the host's) behind one PangoCairo font map and one measuring
 * context. Measuring at 72 dpi with hint metrics off, no hinting and
 * unrounded glyph positions makes widths independent of the output device,
 * so the PDF and a PNG preview break lines identically. */
#include "fonts.h"
#include "memory.h"
#include "paths.h"
#include "style.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

/* Supplies, per glyph, what the layout's family lacks (fonts/fonts.conf). */
#define FALLBACK_FAMILY "DejaVu Sans"

struct fonts {
	char *conf_path;
	FcConfig *config;
	PangoFontMap *font_map;
	PangoContext *context;
};

static FcConfig *load_config(const char *conf_path, struct diag_list *diags)
{
	/* fontconfig reads a relative name from its own folder, not ours. */
	char *absolute = realpath(conf_path, NULL);
	if (!absolute) {
		diag_add(diags, DIAG_ERROR, conf_path, 0, 0,
			 "cannot open the font configuration: %s; reinstall "
			 "committee-pdf or name a readable fonts.conf", strerror(errno));
		return NULL;
	}
	/* fontconfig reads every *.conf of a folder, so a folder named by
	 * mistake would load as a configuration without fonts. */
	struct stat info;
	if (stat(absolute, &info) == 0 && S_ISDIR(info.st_mode)) {
		diag_add(diags, DIAG_ERROR, conf_path, 0, 0,
			 "the font configuration is a folder, not a file: name "
			 "the fonts.conf file itself (committee-pdf ships "
			 "fonts/fonts.conf)");
		free(absolute);
		return NULL;
	}
	FcConfig *config = FcConfigCreate();
	if (!config) {
		diag_add(diags, DIAG_ERROR, conf_path, 0, 0,
			 "cannot create a font configuration");
		free(absolute);
		return NULL;
	}
	FcBool loaded = FcConfigParseAndLoad(config, (const FcChar8 *)absolute, FcTrue);
	free(absolute);
	if (!loaded) {
		diag_add(diags, DIAG_ERROR, conf_path, 0, 0,
			 "cannot read the font configuration; reinstall "
			 "committee-pdf or name a readable fonts.conf");
		FcConfigDestroy(config);
		return NULL;
	}
	if (!FcConfigBuildFonts(config)) {
		diag_add(diags, DIAG_ERROR, conf_path, 0, 0,
			 "cannot build the font list of this configuration");
		FcConfigDestroy(config);
		return NULL;
	}
	FcFontSet *set = FcConfigGetFonts(config, FcSetSystem);
	if (!set || set->nfont == 0) {
		diag_add(diags, DIAG_ERROR, conf_path, 0, 0,
			 "no fonts in the folders this configuration names: "
			 "install Debian's fonts-liberation2 and fonts-dejavu-core");
		FcConfigDestroy(config);
		return NULL;
	}
	return config;
}

static PangoContext *measuring_context(PangoFontMap *font_map)
{
	PangoContext *context = pango_font_map_create_context(font_map);
	cairo_font_options_t *options = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_DEFAULT);
	pango_cairo_context_set_font_options(context, options);
	cairo_font_options_destroy(options);
	pango_cairo_context_set_resolution(context, 72.0); /* 1 Pango pt = 1 PDF pt */
	pango_context_set_round_glyph_positions(context, FALSE);
	/* The fallback order for a glyph depends on the language; fix it so
	 * the host's LANG cannot change which font supplies a glyph. */
	pango_context_set_language(context, pango_language_from_string("en-gb"));
	pango_context_set_base_dir(context, PANGO_DIRECTION_LTR);
	return context;
}

struct fonts *fonts_open(const char *conf_path, struct diag_list *diags)
{
	char *path = conf_path ? mem_strdup(conf_path) : paths_fonts_conf();
	FcConfig *config = load_config(path, diags);
	if (!config) {
		free(path);
		return NULL;
	}
	/* Pango and Cairo call FcInit() and read fontconfig's current
	 * configuration for defaults; made current first, ours is the only one
	 * ever loaded and the host's fonts.conf is never read. */
	FcConfigSetCurrent(config);
	PangoFontMap *font_map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	if (!font_map) {
		diag_add(diags, DIAG_ERROR, path, 0, 0,
			 "this Cairo has no FreeType font support");
		FcConfigDestroy(config);
		free(path);
		return NULL;
	}
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(font_map), config);
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(font_map), 72.0);
	struct fonts *fonts = mem_alloc(sizeof *fonts);
	fonts->conf_path = path;
	fonts->config = config;
	fonts->font_map = font_map;
	fonts->context = measuring_context(font_map);
	if (!fonts_has_family(fonts, FALLBACK_FAMILY))
		diag_add(diags, DIAG_WARNING, path, 0, 0,
			 "font family '%s', which supplies the arrows and symbols "
			 "Liberation Sans lacks, is not available: install Debian's "
			 "fonts-dejavu-core", FALLBACK_FAMILY);
	return fonts;
}

PangoContext *fonts_context(struct fonts *fonts)
{
	return fonts->context;
}

PangoFontMap *fonts_font_map(struct fonts *fonts)
{
	return fonts->font_map;
}

/* Listing by exact family never substitutes, unlike matching. */
int fonts_has_family(struct fonts *fonts, const char *family)
{
	if (!family || !*family)
		return 0;
	FcPattern *pattern = FcPatternCreate();
	FcPatternAddString(pattern, FC_FAMILY, (const FcChar8 *)family);
	FcObjectSet *objects = FcObjectSetBuild(FC_FAMILY, (char *)NULL);
	FcFontSet *set = FcFontList(fonts->config, pattern, objects);
	int found = set && set->nfont > 0;
	if (set)
		FcFontSetDestroy(set);
	FcObjectSetDestroy(objects);
	FcPatternDestroy(pattern);
	return found;
}

struct family_source {
	const char *family;
	const char *package;   /* Debian package, or NULL */
	const char *folder;
};

static const struct family_source known_families[] = {
	{ "Liberation Sans", "fonts-liberation2", "/usr/share/fonts/truetype/liberation2" },
	{ "Liberation Serif", "fonts-liberation2", "/usr/share/fonts/truetype/liberation2" },
	{ "Liberation Mono", "fonts-liberation2", "/usr/share/fonts/truetype/liberation2" },
	{ "DejaVu Sans", "fonts-dejavu-core", "/usr/share/fonts/truetype/dejavu" },
	{ "DejaVu Serif", "fonts-dejavu-core", "/usr/share/fonts/truetype/dejavu" },
	{ "DejaVu Sans Mono", "fonts-dejavu-core", "/usr/share/fonts/truetype/dejavu" },
};

static void report_missing(const struct fonts *fonts, const struct style *style,
			   const char *family, struct diag_list *diags)
{
	const struct style_pos pos = style_family_pos(style, family);
	for (size_t i = 0; i < sizeof known_families / sizeof known_families[0]; i++)
		if (strcmp(known_families[i].family, family) == 0) {
			diag_add(diags, DIAG_ERROR, style->path, pos.line, pos.col,
				 "font family '%s' named by %s is not available: "
				 "install Debian's %s and keep its folder %s in %s",
				 family, style->path, known_families[i].package,
				 known_families[i].folder, fonts->conf_path);
			return;
		}
	diag_add(diags, DIAG_ERROR, style->path, pos.line, pos.col,
		 "font family '%s' named by %s is not available: install it "
		 "and list its folder in %s", family, style->path, fonts->conf_path);
}

int fonts_check_style(struct fonts *fonts, const struct style *style,
		      struct diag_list *diags)
{
	const struct style_font *used[] = {
		&style->body, &style->heading[0], &style->heading[1],
		&style->heading[2], &style->cover_title, &style->header_font,
		&style->footer_font, &style->table.header_font,
		&style->table.theme_font, &style->table.cell_font,
	};
	size_t count = sizeof used / sizeof used[0];
	int missing = 0;
	for (size_t i = 0; i < count; i++) {
		int seen = 0;
		for (size_t j = 0; j < i; j++)
			seen |= strcmp(used[j]->family, used[i]->family) == 0;
		if (seen || fonts_has_family(fonts, used[i]->family))
			continue;
		report_missing(fonts, style, used[i]->family, diags);
		missing++;
	}
	return missing;
}

void fonts_close(struct fonts *fonts)
{
	if (!fonts)
		return;
	g_object_unref(fonts->context);
	/* Fonts still cached by Cairo hold the map, and the map holds the
	 * configuration; shutting it down lets both go now. */
	pango_fc_font_map_shutdown(PANGO_FC_FONT_MAP(fonts->font_map));
	g_object_unref(fonts->font_map);
	FcConfigDestroy(fonts->config);
	free(fonts->conf_path);
	free(fonts);
}
