/* Computed ratings, direction of travel and counts (see rating.h for the
 * tolerance rule). Ratings are chosen by standing, never by code, so any
 * scale the source declares works. */
#include "rating.h"
#include "memory.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int rating_find_standing(const struct source_scale *scale,
			 enum rating_standing standing)
{
	for (size_t i = 0; i < scale->rating_count; i++)
		if (scale->ratings[i].standing == standing)
			return (int)i;
	return -1;
}

const char *rating_standing_name(enum rating_standing standing)
{
	switch (standing) {
	case STANDING_NONE: return "none";
	case STANDING_MET: return "met";
	case STANDING_PARTLY: return "partly";
	case STANDING_NOT_MET: return "not-met";
	case STANDING_COMPLETE: return "complete";
	case STANDING_NO_DATA: return "no-data";
	}
	return "none";
}

/* Allowed slack when comparing a and b: relative to the larger magnitude,
 * absolute below 1, so values printed differently (85.0, 85) are equal. */
static double slack(double a, double b)
{
	double magnitude = fmax(1.0, fmax(fabs(a), fabs(b)));
	return RATING_EPSILON * magnitude;
}

/* > 0 when actual is better than reference by polarity, < 0 when worse,
 * 0 when equal within slack. */
static int better_than(enum measure_polarity polarity, double actual,
		       double reference)
{
	double diff = actual - reference;
	if (fabs(diff) <= slack(actual, reference))
		return 0;
	if (polarity == POLARITY_LOWER_IS_BETTER)
		diff = -diff;
	return diff > 0 ? 1 : -1;
}

/* The measure's tolerance, else the block's default, else 0; percent. */
static double tolerance_percent(const struct source_performance *perf,
				const struct source_measure *m)
{
	double t = 0.0;
	if (m->tolerance.present)
		t = m->tolerance.value;
	else if (perf->default_tolerance.present)
		t = perf->default_tolerance.value;
	return t > 0.0 ? t : 0.0;
}

enum rating_standing rating_compute_standing(const struct source_performance *perf,
					     const struct source_measure *m)
{
	if (m->contextual)
		return STANDING_NONE;
	if (!m->target.present || !m->actual.present)
		return STANDING_NO_DATA;
	double target = m->target.value, actual = m->actual.value;
	if (better_than(m->polarity, actual, target) >= 0)
		return STANDING_MET;
	double band = fabs(target) * tolerance_percent(perf, m) / 100.0;
	double limit = m->polarity == POLARITY_LOWER_IS_BETTER ? target + band
							       : target - band;
	if (band > 0.0 && better_than(m->polarity, actual, limit) >= 0)
		return STANDING_PARTLY;
	return STANDING_NOT_MET;
}

int rating_compute(const struct source_performance *perf,
		   const struct source_measure *m)
{
	enum rating_standing standing = rating_compute_standing(perf, m);
	if (standing == STANDING_NONE)
		return -1;
	return rating_find_standing(&perf->scale, standing);
}

/* Rank of a standing on the better/worse axis; -1 when it has none. */
static int standing_rank(enum rating_standing standing)
{
	switch (standing) {
	case STANDING_NOT_MET: return 0;
	case STANDING_PARTLY: return 1;
	case STANDING_MET: return 2;
	case STANDING_COMPLETE: return 3;
	case STANDING_NONE:
	case STANDING_NO_DATA: return -1;
	}
	return -1;
}

int rating_compare(const struct source_scale *scale, int a, int b)
{
	if (a < 0 || b < 0 || (size_t)a >= scale->rating_count ||
	    (size_t)b >= scale->rating_count)
		return RATING_INCOMPARABLE;
	enum rating_standing sa = scale->ratings[a].standing;
	enum rating_standing sb = scale->ratings[b].standing;
	if (sa == STANDING_NO_DATA || sb == STANDING_NO_DATA)
		return RATING_INCOMPARABLE;
	if (a == b)
		return 0;
	int ra = standing_rank(sa), rb = standing_rank(sb);
	if (ra >= 0 && rb >= 0)
		return ra > rb ? 1 : ra < rb ? -1 : 0;
	/* Middle grades: order by place in the scale, oriented by its anchors. */
	int worst = rating_find_standing(scale, STANDING_NOT_MET);
	int best = rating_find_standing(scale, STANDING_MET);
	if (worst < 0 || best < 0 || worst == best)
		return RATING_INCOMPARABLE;
	int toward_best = best > worst ? 1 : -1;
	return a * toward_best > b * toward_best ? 1 : -1;
}

static enum direction_of_travel travel_from_order(int order)
{
	if (order == RATING_INCOMPARABLE)
		return TRAVEL_UNKNOWN;
	return order > 0 ? TRAVEL_IMPROVING : order < 0 ? TRAVEL_DECLINING
							: TRAVEL_UNCHANGED;
}

enum direction_of_travel rating_travel(const struct source_performance *perf,
				       const struct source_measure *m)
{
	if (m->travel == TRAVEL_NEW)
		return TRAVEL_NEW;
	if (m->contextual) {
		if (!m->actual.present || !m->previous.present)
			return TRAVEL_UNKNOWN;
		int order = better_than(POLARITY_HIGHER_IS_BETTER, m->actual.value,
					m->previous.value);
		return order > 0 ? TRAVEL_RISING : order < 0 ? TRAVEL_FALLING
							     : TRAVEL_UNCHANGED;
	}
	if (m->actual.present && m->previous.present)
		return travel_from_order(better_than(m->polarity, m->actual.value,
						     m->previous.value));
	return travel_from_order(rating_compare(&perf->scale, m->rating_index,
						m->previous_index));
}

/* ---- diagnostics about one measure ---- */

static void format_value(char *out, size_t size, double value, const char *unit)
{
	const char *sep = "", *suffix = "";
	if (unit && strcmp(unit, "%") == 0)
		suffix = "%";
	else if (unit && *unit && strcmp(unit, "number") != 0) {
		sep = " ";
		suffix = unit;
	}
	snprintf(out, size, "%.10g%s%s", value, sep, suffix);
}

static const char *rating_code(const struct source_scale *scale, int index)
{
	const char *code = index >= 0 ? scale->ratings[index].code : NULL;
	return code ? code : "?";
}

static const char *rating_label(const struct source_scale *scale, int index)
{
	const char *label = index >= 0 ? scale->ratings[index].label : NULL;
	return label ? label : rating_code(scale, index);
}

/* A stated rating contradicts the computed one unless they are the same,
 * or it is "complete" where the numbers say "met": complete (blue, done or
 * exceeded) is a judgement beyond the target that numbers cannot make. */
static int stated_contradicts(const struct source_scale *scale, int stated,
			      int computed)
{
	if (stated == computed)
		return 0;
	return !(scale->ratings[stated].standing == STANDING_COMPLETE &&
		 scale->ratings[computed].standing == STANDING_MET);
}

static void warn_stated_differs(const struct source_performance *perf,
				const struct source_measure *m, int stated,
				int computed, const char *file,
				struct diag_list *diags)
{
	const struct source_scale *scale = &perf->scale;
	char reason[256];
	if (!m->actual.present && !m->target.present)
		snprintf(reason, sizeof reason, "it has no target and no actual, so it");
	else if (!m->actual.present)
		snprintf(reason, sizeof reason, "it has no actual, so it");
	else if (!m->target.present)
		snprintf(reason, sizeof reason, "it has no target, so it");
	else {
		char actual[48], target[48], within[48];
		format_value(actual, sizeof actual, m->actual.value, m->unit);
		format_value(target, sizeof target, m->target.value, m->unit);
		double t = tolerance_percent(perf, m);
		if (t > 0.0)
			snprintf(within, sizeof within, "within %.10g%% tolerance", t);
		else
			snprintf(within, sizeof within, "with no tolerance");
		snprintf(reason, sizeof reason, "its actual %s against target %s %s",
			 actual, target, within);
	}
	diag_add(diags, DIAG_WARNING, file, m->pos.line, m->pos.col,
		 "measure %s is stated %s (%s) but %s computes %s (%s)",
		 m->ref ? m->ref : "?", rating_code(scale, stated),
		 rating_label(scale, stated), reason, rating_code(scale, computed),
		 rating_label(scale, computed));
}

/* One error per missing standing and block, at the first measure needing it. */
static void report_missing_standing(const struct source_performance *perf,
				    const struct source_measure *m,
				    enum rating_standing standing,
				    unsigned *reported, const char *file,
				    struct diag_list *diags)
{
	unsigned bit = 1u << standing;
	if (*reported & bit)
		return;
	*reported |= bit;
	diag_add(diags, DIAG_ERROR, file, m->pos.line, m->pos.col,
		 "measure %s needs a rating with standing \"%s\" but the scale of "
		 "performance block %s has none",
		 m->ref ? m->ref : "?", rating_standing_name(standing),
		 perf->id ? perf->id : "(unnamed)");
}

static void compute_measure(struct source_performance *perf,
			    struct source_measure *m, unsigned *reported,
			    const char *file, struct diag_list *diags)
{
	const struct source_scale *scale = &perf->scale;
	enum rating_standing standing = rating_compute_standing(perf, m);
	int stated = source_scale_find(scale, m->stated_rating);
	m->previous_index = source_scale_find(scale, m->previous_rating);
	if (standing == STANDING_NONE) {
		/* A rating stated on a contextual measure is ignored; the
		 * loader's rules already warn about it. */
		m->rating_index = -1;
	} else {
		int computed = rating_find_standing(scale, standing);
		if (computed < 0)
			report_missing_standing(perf, m, standing, reported, file,
						diags);
		if (m->stated_rating && stated < 0)
			diag_add(diags, DIAG_ERROR, file, m->pos.line, m->pos.col,
				 "measure %s is stated %s, which is not a rating "
				 "of the scale", m->ref ? m->ref : "?",
				 m->stated_rating);
		if (stated >= 0 && computed >= 0 &&
		    stated_contradicts(scale, stated, computed))
			warn_stated_differs(perf, m, stated, computed, file, diags);
		m->rating_index = stated >= 0 ? stated : computed;
	}
	m->travel = rating_travel(perf, m);
}

void rating_compute_performance(struct source_performance *perf,
				const char *file, struct diag_list *diags)
{
	unsigned reported = 0;
	for (size_t g = 0; g < perf->group_count; g++) {
		struct source_measure_group *group = &perf->groups[g];
		for (size_t i = 0; i < group->measure_count; i++)
			compute_measure(perf, &group->measures[i], &reported, file,
					diags);
	}
}

/* ---- previous quarter ---- */

struct measure_ref {
	const char *ref;
	const struct source_measure *measure;
	int matched;
};

static int measure_ref_compare(const void *a, const void *b)
{
	const struct measure_ref *x = a, *y = b;
	return strcmp(x->ref, y->ref);
}

/* Measures of perf that have a reference, sorted by it. Caller frees. */
static struct measure_ref *sorted_refs(const struct source_performance *perf,
				       size_t *count)
{
	size_t n = 0;
	for (size_t g = 0; g < perf->group_count; g++)
		n += perf->groups[g].measure_count;
	struct measure_ref *refs = mem_array(n ? n : 1, sizeof *refs);
	*count = 0;
	for (size_t g = 0; g < perf->group_count; g++)
		for (size_t i = 0; i < perf->groups[g].measure_count; i++) {
			const struct source_measure *m = &perf->groups[g].measures[i];
			if (m->ref)
				refs[(*count)++] = (struct measure_ref){ m->ref, m, 0 };
		}
	qsort(refs, *count, sizeof *refs, measure_ref_compare);
	return refs;
}

/* The current scale's code for a previous rating: same code, else same
 * standing; NULL when the current scale has neither. */
static const char *translate_rating(const struct source_scale *scale,
				    const struct source_scale *previous_scale,
				    int previous_index)
{
	if (previous_index < 0 || (size_t)previous_index >= previous_scale->rating_count)
		return NULL;
	const struct source_rating *r = &previous_scale->ratings[previous_index];
	int index = source_scale_find(scale, r->code);
	if (index < 0 && r->standing != STANDING_NONE)
		index = rating_find_standing(scale, r->standing);
	return index >= 0 ? scale->ratings[index].code : NULL;
}

void rating_apply_previous(struct source_performance *perf,
			   const struct source_performance *previous,
			   const char *file, struct diag_list *diags)
{
	const char *period = previous->period ? previous->period
			     : perf->previous_period ? perf->previous_period
			     : "the previous quarter";
	size_t count;
	struct measure_ref *refs = sorted_refs(previous, &count);
	for (size_t g = 0; g < perf->group_count; g++) {
		struct source_measure_group *group = &perf->groups[g];
		for (size_t i = 0; i < group->measure_count; i++) {
			struct source_measure *m = &group->measures[i];
			struct measure_ref key = { m->ref, NULL, 0 };
			struct measure_ref *found = m->ref
				? bsearch(&key, refs, count, sizeof *refs,
					  measure_ref_compare)
				: NULL;
			if (!found) {
				m->travel = TRAVEL_NEW;
				diag_add(diags, DIAG_WARNING, file, m->pos.line,
					 m->pos.col, "measure %s is new: it is not "
					 "in %s", m->ref ? m->ref : "?", period);
				continue;
			}
			found->matched = 1;
			const struct source_measure *p = found->measure;
			if (!m->previous.present && p->actual.present)
				m->previous = p->actual;
			if (!m->previous_rating)
				m->previous_rating = translate_rating(
					&perf->scale, &previous->scale,
					p->rating_index);
			m->previous_index = source_scale_find(&perf->scale,
						       m->previous_rating);
			if (m->travel == TRAVEL_NEW)
				m->travel = TRAVEL_UNKNOWN;
			m->travel = rating_travel(perf, m);
		}
	}
	for (size_t i = 0; i < count; i++)
		if (!refs[i].matched)
			diag_add(diags, DIAG_WARNING, file, perf->pos.line,
				 perf->pos.col, "measure %s of %s is no longer "
				 "reported", refs[i].ref, period);
	free(refs);
}

/* ---- counts ---- */

static void count_group(const struct source_performance *perf,
			const struct source_measure_group *group, size_t *counts)
{
	size_t unrated = perf->scale.rating_count;
	for (size_t i = 0; i < group->measure_count; i++) {
		int index = group->measures[i].rating_index;
		if (index >= 0 && (size_t)index < perf->scale.rating_count)
			counts[index]++;
		else
			counts[unrated]++;
	}
}

void rating_count_measures(const struct source_performance *perf,
			   const struct source_measure_group *group,
			   size_t *counts)
{
	memset(counts, 0, (perf->scale.rating_count + 1) * sizeof *counts);
	if (group) {
		count_group(perf, group, counts);
		return;
	}
	for (size_t g = 0; g < perf->group_count; g++)
		count_group(perf, &perf->groups[g], counts);
}

static void count_theme(const struct source_assessment *assessment,
			const struct source_theme *theme, size_t *counts)
{
	for (size_t i = 0; i < theme->item_count; i++) {
		int index = source_scale_find(&assessment->scale, theme->items[i].rating);
		counts[index >= 0 ? (size_t)index : assessment->scale.rating_count]++;
	}
}

void rating_count_items(const struct source_assessment *assessment,
			const struct source_theme *theme, size_t *counts)
{
	memset(counts, 0, (assessment->scale.rating_count + 1) * sizeof *counts);
	if (theme) {
		count_theme(assessment, theme, counts);
		return;
	}
	for (size_t t = 0; t < assessment->theme_count; t++)
		count_theme(assessment, &assessment->themes[t], counts);
}

static size_t travel_slot(enum direction_of_travel travel)
{
	return (size_t)travel < RATING_TRAVEL_KINDS ? (size_t)travel : TRAVEL_UNKNOWN;
}

void rating_count_travel(const struct source_performance *perf,
			 const struct source_measure_group *group,
			 size_t counts[RATING_TRAVEL_KINDS])
{
	memset(counts, 0, RATING_TRAVEL_KINDS * sizeof *counts);
	for (size_t g = 0; g < perf->group_count; g++) {
		const struct source_measure_group *each = &perf->groups[g];
		if (group && each != group)
			continue;
		for (size_t i = 0; i < each->measure_count; i++)
			counts[travel_slot(each->measures[i].travel)]++;
	}
}

enum direction_of_travel rating_item_travel(const struct source_assessment *assessment,
					    const struct source_item *item)
{
	const struct source_scale *scale = &assessment->scale;
	return travel_from_order(rating_compare(scale,
						source_scale_find(scale, item->rating),
						source_scale_find(scale, item->previous)));
}

void rating_count_item_travel(const struct source_assessment *assessment,
			      const struct source_theme *theme,
			      size_t counts[RATING_TRAVEL_KINDS])
{
	memset(counts, 0, RATING_TRAVEL_KINDS * sizeof *counts);
	for (size_t t = 0; t < assessment->theme_count; t++) {
		const struct source_theme *each = &assessment->themes[t];
		if (theme && each != theme)
			continue;
		for (size_t i = 0; i < each->item_count; i++)
			counts[travel_slot(rating_item_travel(assessment,
							      &each->items[i]))]++;
	}
}

/* ---- words and arrows ---- */

const char *rating_travel_word(enum direction_of_travel travel)
{
	switch (travel) {
	case TRAVEL_IMPROVING: return "improving";
	case TRAVEL_DECLINING: return "declining";
	case TRAVEL_UNCHANGED: return "unchanged";
	case TRAVEL_NEW: return "new";
	case TRAVEL_RISING: return "rising";
	case TRAVEL_FALLING: return "falling";
	case TRAVEL_UNKNOWN: return "no comparison";
	}
	return "no comparison";
}

/* Arrows from the Arrows block (U+2191, U+2193, U+2192); DejaVu Sans is the
 * configured fallback where the body font lacks them. */
const char *rating_travel_arrow(enum direction_of_travel travel)
{
	switch (travel) {
	case TRAVEL_IMPROVING: return "\u2191";
	case TRAVEL_DECLINING: return "\u2193";
	case TRAVEL_UNCHANGED: return "\u2192";
	case TRAVEL_NEW: return "\u2605";      /* black star */
	case TRAVEL_RISING: return "\u2197";   /* north east arrow: up, unjudged */
	case TRAVEL_FALLING: return "\u2198";  /* south east arrow */
	case TRAVEL_UNKNOWN: return "\u2013";  /* en dash */
	}
	return "\u2013";
}
