/* The project's own fonts: a fontconfig configuration (fonts/fonts.conf) that
 * names only the font folders we ship or install, and one Pango measuring
 * context at 72 dpi (1 Pango point = 1 PDF point) with hinting off and glyph
 * positions unrounded, so PDF and PNG break lines identically.
 *
 * Ownership: fonts_open returns a set the caller frees with fonts_close(). */
#ifndef FONTS_H
#define FONTS_H

#include <pango/pango.h>

#include "diag.h"

struct fonts;

/* conf_path NULL means paths_fonts_conf(). NULL with a diagnostic on error. */
struct fonts *fonts_open(const char *conf_path, struct diag_list *diags);

/* Borrowed until fonts_close(). */
PangoContext *fonts_context(struct fonts *fonts);
PangoFontMap *fonts_font_map(struct fonts *fonts);

/* 1 when the configuration really has this family (not a substitute). */
int fonts_has_family(struct fonts *fonts, const char *family);

/* Check every family a layout names; one error per missing family, naming
 * the family and the Debian package or folder it would come from. Returns
 * the number of missing families: 0 when every family is there. */
struct style;
int fonts_check_style(struct fonts *fonts, const struct style *style,
		      struct diag_list *diags);

void fonts_close(struct fonts *fonts);

#endif
