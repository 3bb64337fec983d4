/* What the layout stage tells the style about a rating so that the style's
 * one colour rule (style_rating) can colour any council's scale: its
 * standing as a plain value, whether its scale shares that standing, and
 * its position between the scale's worst and best grades. And the warning
 * for a rating that rule can only give the fallback grey. */
#include "layout_internal.h"

#include <stdlib.h>

static enum style_standing plain_standing(enum rating_standing standing)
{
	switch (standing) {
	case STANDING_MET: return STYLE_STANDING_MET;
	case STANDING_PARTLY: return STYLE_STANDING_PARTLY;
	case STANDING_NOT_MET: return STYLE_STANDING_NOT_MET;
	case STANDING_COMPLETE: return STYLE_STANDING_COMPLETE;
	case STANDING_NO_DATA: return STYLE_STANDING_NO_DATA;
	case STANDING_NONE: break;
	}
	return STYLE_STANDING_NONE;
}

/* The grades run from not met to met; complete lies beyond them and no
 * data off them, so neither takes a place on the scale. */
static int graded(const struct source_rating *rating)
{
	return rating->standing != STANDING_COMPLETE &&
	       rating->standing != STANDING_NO_DATA;
}

/* Whether the scale lists its grades worst first. The source's order
 * unless its standings say otherwise: not met towards the end, or met
 * towards the start, mean the list runs best first. */
static int worst_first(const struct source_scale *scale, size_t grade_count)
{
	double centre = (double)(grade_count - 1) / 2, lean = 0;
	size_t k = 0;
	for (size_t i = 0; i < scale->rating_count; i++) {
		const struct source_rating *r = &scale->ratings[i];
		if (!graded(r))
			continue;
		if (r->standing == STANDING_NOT_MET)
			lean -= (double)k - centre;
		else if (r->standing == STANDING_MET)
			lean += (double)k - centre;
		k++;
	}
	return lean >= 0;
}

/* Between 0 (worst) and 1 (best); negative when the rating has no place:
 * no data, complete, or the scale's only grade. */
static double position_on_scale(const struct source_scale *scale, size_t index)
{
	if (!graded(&scale->ratings[index]))
		return -1;
	size_t grade_count = 0, k = 0;
	for (size_t i = 0; i < scale->rating_count; i++) {
		if (!graded(&scale->ratings[i]))
			continue;
		if (i < index)
			k++;
		grade_count++;
	}
	if (grade_count < 2)
		return -1;
	double position = (double)k / (double)(grade_count - 1);
	return worst_first(scale, grade_count) ? position : 1 - position;
}

struct style_rating_key layout_rating_key(const struct source_scale *scale,
					  size_t index)
{
	const struct source_rating *rating = &scale->ratings[index];
	size_t sharing = 0;
	for (size_t i = 0; i < scale->rating_count; i++)
		sharing += scale->ratings[i].standing == rating->standing;
	double position = position_on_scale(scale, index);
	struct style_rating_key key = {
		.code = rating->code,
		.standing = plain_standing(rating->standing),
		.standing_shared = sharing > 1,
		.graded = position >= 0,
		.position = position >= 0 ? position : 0,
	};
	return key;
}

static void check_scale(const struct source_doc *doc, const struct style *style,
			const struct source_scale *scale, struct diag_list *diags)
{
	for (size_t i = 0; i < scale->rating_count; i++) {
		struct style_rating_key key = layout_rating_key(scale, i);
		if (style_rating(style, &key).match != STYLE_MATCH_FALLBACK)
			continue;
		const struct source_rating *r = &scale->ratings[i];
		if (key.standing == STYLE_STANDING_NONE && !key.graded)
			diag_add(diags, DIAG_WARNING, doc->path, r->pos.line, r->pos.col,
				 "rating \"%s\" (%s) would print in the fallback grey: "
				 "house style '%s' has no colour for code \"%s\", and the "
				 "rating has no standing and no other grades to place it "
				 "among; give it standing=\"met\", \"partly\", \"not-met\", "
				 "\"complete\" or \"no-data\"",
				 r->code, r->label, style->name, r->code);
		else
			diag_add(diags, DIAG_WARNING, doc->path, r->pos.line, r->pos.col,
				 "rating \"%s\" (%s) would print in the fallback grey: "
				 "house style '%s' has no colour for code \"%s\", for its "
				 "standing or for its place on the scale; add them to the "
				 "house style's palette (code, standing or position)",
				 r->code, r->label, style->name, r->code);
	}
}

static void check_blocks(const struct source_doc *doc, const struct style *style,
			 const struct source_block *blocks, size_t count,
			 struct diag_list *diags)
{
	for (size_t i = 0; i < count; i++)
		if (blocks[i].kind == BLOCK_ASSESSMENT)
			check_scale(doc, style, &blocks[i].u.assessment.scale, diags);
		else if (blocks[i].kind == BLOCK_PERFORMANCE)
			check_scale(doc, style, &blocks[i].u.performance.scale, diags);
		else if (blocks[i].kind == BLOCK_RISKS)
			check_scale(doc, style, &blocks[i].u.risks.scale, diags);
}

void layout_check_colours(const struct source_doc *doc,
			  const struct style *style, struct diag_list *diags)
{
	for (size_t i = 0; i < doc->section_count; i++)
		check_blocks(doc, style, doc->sections[i].blocks,
			     doc->sections[i].block_count, diags);
	for (size_t i = 0; i < doc->appendix_count; i++)
		check_blocks(doc, style, doc->appendices[i].blocks,
			     doc->appendices[i].block_count, diags);
}
