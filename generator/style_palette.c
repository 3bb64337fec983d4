/* The one rule that colours a rating from the house style's palette: by
 * code, by standing, by position on a graded scale, or the fallback. The
 * caller passes what the rating means as plain values (style_rating_key),
 * so the rule never reads the source model. Colours made here, between two
 * of the palette's graded colours, get text and chart colours that pass
 * WCAG 2 contrast by construction. */
#include "style_internal.h"

#include <math.h>
#include <string.h>

#define PAGE_WHITE 0xFFFFFFu
#define TEXT_CONTRAST_MIN 4.5  /* WCAG 2 1.4.3: normal text */
/* Positions closer than this are the same place on the scale. */
#define SAME_POSITION 1e-9

struct style_rating_key style_rating_code(const char *code)
{
	struct style_rating_key key = {
		.code = code,
		.standing = STYLE_STANDING_NONE,
	};
	return key;
}

static size_t fallback_index(const struct style *style)
{
	return style->rating_count - 1;
}

static style_rgb chart_of(const struct style *style, size_t i)
{
	if (style->private && style->private->chart_colors)
		return style->private->chart_colors[i];
	return style_chart_default(style->ratings[i].background);
}

static struct style_rating_look look_of(const struct style *style, size_t i,
					enum style_rating_match match)
{
	struct style_rating_look look = {
		.background = style->ratings[i].background,
		.text = style->ratings[i].text,
		.chart = chart_of(style, i),
		.match = match,
	};
	return look;
}

/* Index of the named entry (not the fallback), or -1. */
static long by_code(const struct style *style, const char *code)
{
	for (size_t i = 0; code && i < fallback_index(style); i++)
		if (style->ratings[i].code && strcmp(style->ratings[i].code, code) == 0)
			return (long)i;
	return -1;
}

static long by_standing(const struct style *style, enum style_standing standing)
{
	for (size_t i = 0; standing != STYLE_STANDING_NONE &&
			   i < fallback_index(style); i++)
		if (style->ratings[i].standing == standing)
			return (long)i;
	return -1;
}

static style_rgb mix(style_rgb a, style_rgb b, double t)
{
	style_rgb out = 0;
	for (int shift = 0; shift <= 16; shift += 8) {
		double ca = (a >> shift) & 0xFF, cb = (b >> shift) & 0xFF;
		long c = lround(ca + (cb - ca) * t);
		out |= (style_rgb)(c < 0 ? 0 : c > 255 ? 255 : c) << shift;
	}
	return out;
}

/* The first of the stops' own text colours (mixed, then each) that reads
 * 4.5:1 on background, else black or white, whichever contrasts more:
 * one of them always passes (at worst 4.58:1). */
static style_rgb readable_text(style_rgb background, style_rgb low_text,
			       style_rgb high_text, double t)
{
	style_rgb candidates[3] = { mix(low_text, high_text, t),
				    t < 0.5 ? low_text : high_text,
				    t < 0.5 ? high_text : low_text };
	for (size_t i = 0; i < 3; i++)
		if (style_contrast(candidates[i], background) >= TEXT_CONTRAST_MIN)
			return candidates[i];
	return style_contrast(0x000000u, background) >=
			       style_contrast(PAGE_WHITE, background)
		       ? 0x000000u
		       : PAGE_WHITE;
}

/* The palette's graded colours on each side of position: *low the highest
 * at or below it, *high the lowest at or above it (the nearest end when
 * position lies beyond them). 0 when the palette grades fewer than two. */
static int neighbours(const struct style *style, double position, long *low,
		      long *high)
{
	long lowest = -1, highest = -1;
	size_t graded = 0;
	*low = *high = -1;
	for (size_t i = 0; i < fallback_index(style); i++) {
		if (!style->ratings[i].graded)
			continue;
		double p = style->ratings[i].position;
		graded++;
		if (lowest < 0 || p < style->ratings[lowest].position)
			lowest = (long)i;
		if (highest < 0 || p > style->ratings[highest].position)
			highest = (long)i;
		if (p <= position + SAME_POSITION &&
		    (*low < 0 || p > style->ratings[*low].position))
			*low = (long)i;
		if (p >= position - SAME_POSITION &&
		    (*high < 0 || p < style->ratings[*high].position))
			*high = (long)i;
	}
	if (graded < 2)
		return 0;
	if (*low < 0)
		*low = lowest;
	if (*high < 0)
		*high = highest;
	return 1;
}

static int by_position(const struct style *style,
		       const struct style_rating_key *key,
		       struct style_rating_look *look)
{
	long low, high;
	double position = key->position;
	if (!key->graded || !neighbours(style, position, &low, &high))
		return 0;
	double lp = style->ratings[low].position, hp = style->ratings[high].position;
	if (low == high || hp - lp < SAME_POSITION) {
		*look = look_of(style, (size_t)low, STYLE_MATCH_POSITION);
		return 1;
	}
	double t = (position - lp) / (hp - lp);
	t = t < 0 ? 0 : t > 1 ? 1 : t;
	const struct style_rating_colors *a = &style->ratings[low];
	const struct style_rating_colors *b = &style->ratings[high];
	look->background = mix(a->background, b->background, t);
	look->text = readable_text(look->background, a->text, b->text, t);
	look->chart = mix(chart_of(style, (size_t)low), chart_of(style, (size_t)high), t);
	/* Two charts of 3:1 can mix to less; darken until it passes. */
	look->chart = style_chart_default(look->chart);
	look->match = STYLE_MATCH_POSITION;
	return 1;
}

struct style_rating_look style_rating(const struct style *style,
				      const struct style_rating_key *key)
{
	long i = by_code(style, key->code);
	if (i >= 0)
		return look_of(style, (size_t)i, STYLE_MATCH_CODE);
	long standing = by_standing(style, key->standing);
	if (standing >= 0 && !key->standing_shared)
		return look_of(style, (size_t)standing, STYLE_MATCH_STANDING);
	struct style_rating_look look;
	if (by_position(style, key, &look))
		return look;
	if (standing >= 0)
		return look_of(style, (size_t)standing, STYLE_MATCH_STANDING);
	return look_of(style, fallback_index(style), STYLE_MATCH_FALLBACK);
}

style_rgb style_rating_chart(const struct style *style,
			     const struct style_rating_key *key)
{
	return style_rating(style, key).chart;
}
