/* Risk scores, their ratings and directions (see rating_risks.h). */
#include "rating_risks.h"
#include "memory.h"

#include <stdlib.h>
#include <string.h>

/* The fixed words of this file, in one place. */
static const char *const direction_words[] = {
	[RISK_DIRECTION_UNKNOWN] = "not compared",
	[RISK_DIRECTION_REDUCED] = "reduced",
	[RISK_DIRECTION_INCREASED] = "increased",
	[RISK_DIRECTION_UNCHANGED] = "unchanged",
	[RISK_DIRECTION_NEW] = "new",
};

/* Arrows follow the score: down when it fell. DejaVu Sans is the
 * configured fallback where the body font lacks them. */
static const char *const direction_arrows[] = {
	[RISK_DIRECTION_UNKNOWN] = "\u2013",   /* en dash */
	[RISK_DIRECTION_REDUCED] = "\u2193",
	[RISK_DIRECTION_INCREASED] = "\u2191",
	[RISK_DIRECTION_UNCHANGED] = "\u2192",
	[RISK_DIRECTION_NEW] = "\u2605",       /* black star */
};

const char *rating_risk_direction_word(enum risk_direction direction)
{
	return (size_t)direction < sizeof direction_words / sizeof *direction_words
		       ? direction_words[direction]
		       : direction_words[RISK_DIRECTION_UNKNOWN];
}

const char *rating_risk_direction_arrow(enum risk_direction direction)
{
	return (size_t)direction < sizeof direction_arrows / sizeof *direction_arrows
		       ? direction_arrows[direction]
		       : direction_arrows[RISK_DIRECTION_UNKNOWN];
}

int rating_risk_level(const struct source_risk_axis *axis, int code)
{
	for (size_t i = 0; i < axis->level_count; i++)
		if (axis->levels[i].code == code)
			return (int)i;
	return -1;
}

int rating_risk_rating(const struct source_risks *risks, int likelihood,
		       int impact)
{
	if (risks->matrix) {
		int row = rating_risk_level(&risks->likelihood, likelihood);
		int column = rating_risk_level(&risks->impact, impact);
		if (row < 0 || column < 0)
			return -1;
		return risks->matrix[(size_t)row * risks->impact.level_count +
				     (size_t)column];
	}
	int score = likelihood * impact;
	for (size_t i = 0; i < risks->band_count; i++)
		if (risks->bands[i].from <= score && score <= risks->bands[i].to)
			return risks->bands[i].rating_index;
	return -1;
}

static void score_compute(const struct source_risks *risks,
			  struct source_risk_score *s)
{
	if (!s->present) {
		s->score = 0;
		s->rating_index = -1;
		return;
	}
	s->score = s->likelihood * s->impact;
	s->rating_index = rating_risk_rating(risks, s->likelihood, s->impact);
}

enum risk_direction rating_risk_direction(const struct source_risk *risk)
{
	if (risk->direction == RISK_DIRECTION_NEW)
		return RISK_DIRECTION_NEW;
	if (!risk->previous.present || !risk->current.present)
		return risk->stated_direction;
	if (risk->current.score < risk->previous.score)
		return RISK_DIRECTION_REDUCED;
	if (risk->current.score > risk->previous.score)
		return RISK_DIRECTION_INCREASED;
	return RISK_DIRECTION_UNCHANGED;
}

/* ---- diagnostics about one risk ---- */

static const char *code_of(const struct source_scale *scale, int index)
{
	return index >= 0 && (size_t)index < scale->rating_count &&
			       scale->ratings[index].code
		       ? scale->ratings[index].code
		       : "?";
}

static const char *label_of(const struct source_scale *scale, int index)
{
	return index >= 0 && (size_t)index < scale->rating_count &&
			       scale->ratings[index].label
		       ? scale->ratings[index].label
		       : code_of(scale, index);
}

static void warn_stated_rating(const struct source_risks *risks,
			       const struct source_risk *risk, int stated,
			       const char *file, struct diag_list *diags)
{
	const struct source_scale *scale = &risks->scale;
	const struct source_risk_score *c = &risk->current;
	char *why = risks->matrix
			    ? mem_printf("the matrix gives likelihood %d and impact %d",
					 c->likelihood, c->impact)
			    : mem_printf("its current score %d \u00d7 %d = %d is in the "
					 "band of", c->likelihood, c->impact, c->score);
	diag_add(diags, DIAG_WARNING, file, risk->stated_rating_pos.line,
		 risk->stated_rating_pos.col,
		 "risk %s is stated %s (%s) but %s %s (%s)",
		 risk->ref ? risk->ref : "?", code_of(scale, stated),
		 label_of(scale, stated), why, code_of(scale, c->rating_index),
		 label_of(scale, c->rating_index));
	free(why);
}

/* A stated direction the scores contradict; "new" stated where the last
 * review had the risk contradicts too. */
static void judge_direction(struct source_risk *risk, const char *file,
			    struct diag_list *diags)
{
	risk->direction = rating_risk_direction(risk);
	if (risk->stated_direction == RISK_DIRECTION_UNKNOWN ||
	    risk->stated_direction == risk->direction || !risk->previous.present)
		return;
	diag_add(diags, DIAG_WARNING, file, risk->stated_direction_pos.line,
		 risk->stated_direction_pos.col,
		 "risk %s is stated %s but its current score %d against %d at the "
		 "last review is %s", risk->ref ? risk->ref : "?",
		 rating_risk_direction_word(risk->stated_direction),
		 risk->current.score, risk->previous.score,
		 rating_risk_direction_word(risk->direction));
}

void rating_compute_risks(struct source_risks *risks, const char *file,
			  struct diag_list *diags)
{
	const struct source_scale *scale = &risks->scale;
	for (size_t i = 0; i < risks->risk_count; i++) {
		struct source_risk *risk = &risks->risks[i];
		score_compute(risks, &risk->inherent);
		score_compute(risks, &risk->current);
		score_compute(risks, &risk->target);
		score_compute(risks, &risk->previous);
		int stated = source_scale_find(scale, risk->stated_rating);
		if (stated >= 0 && risk->current.rating_index >= 0 &&
		    stated != risk->current.rating_index)
			warn_stated_rating(risks, risk, stated, file, diags);
		risk->direction = RISK_DIRECTION_UNKNOWN;
		judge_direction(risk, file, diags);
	}
}

/* ---- the last review ---- */

struct risk_ref {
	const char *ref;
	const struct source_risk *risk;
	int matched;
};

static int risk_ref_compare(const void *a, const void *b)
{
	const struct risk_ref *x = a, *y = b;
	return strcmp(x->ref, y->ref);
}

void rating_apply_previous_risks(struct source_risks *risks,
				 const struct source_risks *previous,
				 const char *file, struct diag_list *diags)
{
	char *when = risks->previous_date
			     ? mem_printf("the review of %s", risks->previous_date)
			     : mem_strdup("the last review");
	struct risk_ref *refs = mem_array(previous->risk_count ? previous->risk_count : 1,
					  sizeof *refs);
	size_t count = 0;
	for (size_t i = 0; i < previous->risk_count; i++)
		if (previous->risks[i].ref)
			refs[count++] = (struct risk_ref){ previous->risks[i].ref,
							   &previous->risks[i], 0 };
	qsort(refs, count, sizeof *refs, risk_ref_compare);
	for (size_t i = 0; i < risks->risk_count; i++) {
		struct source_risk *risk = &risks->risks[i];
		struct risk_ref key = { risk->ref, NULL, 0 };
		struct risk_ref *found = risk->ref
			? bsearch(&key, refs, count, sizeof *refs, risk_ref_compare)
			: NULL;
		if (!found) {
			risk->direction = RISK_DIRECTION_NEW;
			if (risk->stated_direction != RISK_DIRECTION_NEW)
				diag_add(diags, DIAG_WARNING, file, risk->pos.line,
					 risk->pos.col, "risk %s is new: it is not in "
					 "%s (say direction=\"new\" if that is meant)",
					 risk->ref ? risk->ref : "?", when);
			continue;
		}
		found->matched = 1;
		if (risk->previous.present)
			continue; /* stated here, judged already */
		const struct source_risk_score *then = &found->risk->current;
		risk->previous = (struct source_risk_score){
			.present = then->present,
			.likelihood = then->likelihood,
			.impact = then->impact,
			.pos = risk->pos,
		};
		score_compute(risks, &risk->previous);
		judge_direction(risk, file, diags);
	}
	for (size_t i = 0; i < count; i++)
		if (!refs[i].matched)
			diag_add(diags, DIAG_WARNING, file, risks->pos.line,
				 risks->pos.col, "risk %s of %s is no longer in "
				 "the register", refs[i].ref, when);
	free(refs);
	free(when);
}

void rating_count_risks(const struct source_risks *risks, size_t *counts)
{
	size_t slots = risks->scale.rating_count;
	memset(counts, 0, (slots + 1) * sizeof *counts);
	for (size_t i = 0; i < risks->risk_count; i++) {
		int index = risks->risks[i].current.rating_index;
		counts[index >= 0 && (size_t)index < slots ? (size_t)index : slots]++;
	}
}
