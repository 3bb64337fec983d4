/* Small pure functions over a loaded style: template expansion, WCAG 2
 * contrast. (Rating colours: style_palette.c.) */
#include "style_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Whether a label written for label_lang serves a paper in lang. */
static int lang_serves(const char *label_lang, const char *lang)
{
	if (!lang)
		return 0;
	size_t n = strcspn(label_lang, "-");
	return strcasecmp(label_lang, lang) == 0 ||
	       (strncasecmp(label_lang, lang, n) == 0 &&
		(lang[n] == '\0' || lang[n] == '-') && label_lang[n] == '\0');
}

const char *style_label(const struct style *style, const char *key,
			const char *lang)
{
	const char *general = NULL;
	for (size_t i = 0; style->labels && style->labels[i].name; i++) {
		if (strcmp(style->labels[i].name, key) != 0)
			continue;
		const char *label_lang = style->label_langs ? style->label_langs[i] : NULL;
		if (!label_lang)
			general = general ? general : style->labels[i].value;
		else if (lang_serves(label_lang, lang))
			return style->labels[i].value;
	}
	return general;
}

char *style_expand(const char *template_text, const struct style_field *fields)
{
	size_t capacity = strlen(template_text) + 1, length = 0;
	char *out = mem_alloc(capacity);
	for (const char *p = template_text; *p;) {
		const char *value = NULL;
		size_t consumed = 1;
		const char *close = *p == '{' ? strchr(p + 1, '}') : NULL;
		if (close) {
			size_t name_length = (size_t)(close - p - 1);
			for (const struct style_field *f = fields; f && f->name; f++)
				if (strlen(f->name) == name_length &&
				    strncmp(f->name, p + 1, name_length) == 0) {
					value = f->value ? f->value : "";
					consumed = name_length + 2;
					break;
				}
		}
		size_t add = value ? strlen(value) : 1;
		while (length + add + 1 > capacity) {
			capacity *= 2;
			out = mem_resize(out, capacity, 1);
		}
		memcpy(out + length, value ? value : p, add);
		length += add;
		p += consumed;
	}
	out[length] = '\0';
	return out;
}

static double channel_linear(unsigned value)
{
	double c = value / 255.0;
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double relative_luminance(style_rgb color)
{
	return 0.2126 * channel_linear((color >> 16) & 0xFF) +
	       0.7152 * channel_linear((color >> 8) & 0xFF) +
	       0.0722 * channel_linear(color & 0xFF);
}

double style_contrast(style_rgb a, style_rgb b)
{
	double la = relative_luminance(a), lb = relative_luminance(b);
	double lighter = la > lb ? la : lb, darker = la > lb ? lb : la;
	return (lighter + 0.05) / (darker + 0.05);
}

/* The background itself when it contrasts CHART_CONTRAST_MIN with the white
 * page, else the background scaled towards black (same hue) just enough. */
style_rgb style_chart_default(style_rgb background)
{
	if (style_contrast(background, 0xFFFFFFu) >= STYLE_CHART_CONTRAST_MIN)
		return background;
	for (int percent = 99; percent > 0; percent--) {
		style_rgb darker = 0;
		for (int shift = 0; shift <= 16; shift += 8) {
			unsigned channel = (background >> shift) & 0xFF;
			darker |= (style_rgb)(channel * (unsigned)percent / 100u) << shift;
		}
		if (style_contrast(darker, 0xFFFFFFu) >= STYLE_CHART_CONTRAST_MIN)
			return darker;
	}
	return 0x000000;
}
