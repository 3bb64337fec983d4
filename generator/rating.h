/* Ratings that can be computed: a quarterly measure's rating from its target,
 * tolerance, polarity and actual; its direction of travel; counts per rating
 * for dashboards. Pure functions over the model, run by the loader. */
#ifndef RATING_H
#define RATING_H

#include "diag.h"
#include "source.h"

/* Index into perf->scale of the computed rating of m: the scale's "met"
 * rating when on or better than target, "partly" when worse but within the
 * tolerance (percent of target), "not-met" beyond it, "no-data" when the
 * target or actual is missing; -1 for contextual measures. */
int rating_compute(const struct source_performance *perf,
		   const struct source_measure *m);

/* Direction of travel of m against its previous value (or, lacking values,
 * its previous rating), judged by polarity. */
enum direction_of_travel rating_travel(const struct source_performance *perf,
				       const struct source_measure *m);

/* Fill rating_index, previous_index and travel of every measure; a stated
 * rating that differs from the computed one is a warning at its position. */
void rating_compute_performance(struct source_performance *perf,
				const char *file, struct diag_list *diags);

/* Take previous values and ratings from the previous quarter's model,
 * matched by measure reference; warn (at the measure, or at the performance
 * block for removed ones) for measures that appear or disappear. */
void rating_apply_previous(struct source_performance *perf,
			   const struct source_performance *previous,
			   const char *file, struct diag_list *diags);

/* Counts per scale rating (index) for one group, or the whole block when
 * group is NULL. counts has perf->scale.rating_count + 1 slots; the last
 * counts unrated (contextual) measures. */
void rating_count_measures(const struct source_performance *perf,
			   const struct source_measure_group *group,
			   size_t *counts);
void rating_count_items(const struct source_assessment *assessment,
			const struct source_theme *theme, size_t *counts);

/* Word for screen readers and the arrow glyph for a direction. */
const char *rating_travel_word(enum direction_of_travel travel);
const char *rating_travel_arrow(enum direction_of_travel travel);

#endif
