/* Rating colours by code alone, for tests whose scales the palette names
 * by code (style_rating takes what else a rating means as well). */
#ifndef TEST_RATING_COLOURS_H
#define TEST_RATING_COLOURS_H

#include "style.h"

static inline struct style_rating_look code_look(const struct style *style,
						 const char *code)
{
	struct style_rating_key key = style_rating_code(code);
	return style_rating(style, &key);
}

static inline style_rgb code_chart(const struct style *style, const char *code)
{
	return code_look(style, code).chart;
}

#endif
