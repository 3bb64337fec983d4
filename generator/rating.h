/* Ratings that can be computed: a quarterly measure's rating from its target,
 * tolerance, polarity and actual; its direction of travel; counts per rating
 * for dashboards. Pure functions over the model, run by the loader, except
 * rating_link_previous() which loads the previous quarter's source.
 *
 * What "within tolerance" means (rating_compute_standing):
 *   band = |target| × tolerance / 100, tolerance being the measure's own,
 *   else the block's default, else 0 (no amber band at all);
 *   higher is better: met when actual ≥ target, partly when
 *     actual ≥ target − band, not met below that;
 *   lower is better: met when actual ≤ target, partly when
 *     actual ≤ target + band, not met above that.
 *   Both boundaries belong to the better rating. Comparisons allow
 *   RATING_EPSILON relative to the larger magnitude (or absolute near 0), so
 *   85.0 and 85 compare equal. A target of 0 has a band of 0: any actual on
 *   the wrong side of 0 is beyond tolerance. A negative tolerance counts as 0.
 *
 * Ownership: nothing here allocates anything the caller must free; codes
 * stored into measures point into the same model's scale. */
#ifndef RATING_H
#define RATING_H

#include "diag.h"
#include "source.h"

#define RATING_EPSILON 1e-9 /* relative tolerance of value comparisons */

/* Standing the rating of m must have by the rules above: STANDING_MET,
 * STANDING_PARTLY, STANDING_NOT_MET or STANDING_NO_DATA (target or actual
 * missing); STANDING_NONE for contextual measures, which are never rated. */
enum rating_standing rating_compute_standing(const struct source_performance *perf,
					     const struct source_measure *m);

/* Index of the first rating of scale with that standing, or -1. */
int rating_find_standing(const struct source_scale *scale,
			 enum rating_standing standing);

/* Index into perf->scale of the computed rating of m: the scale's "met"
 * rating when on or better than target, "partly" when worse but within the
 * tolerance (percent of target), "not-met" beyond it, "no-data" when the
 * target or actual is missing; -1 for contextual measures and when the
 * scale has no rating of the needed standing. */
int rating_compute(const struct source_performance *perf,
		   const struct source_measure *m);

/* Which of two ratings of a scale is better: > 0 when a is better than b,
 * < 0 when worse, 0 when equal. Ordered by standing (not met < partly <
 * met < complete); ratings without such a standing (a five-point scale's
 * middle grades) by their place in the scale, read in the direction from
 * its not-met rating to its met rating. RATING_INCOMPARABLE when either is
 * -1, no data, or cannot be placed. */
#define RATING_INCOMPARABLE 99
int rating_compare(const struct source_scale *scale, int a, int b);

/* Direction of travel of m against its previous value (or, lacking values,
 * its previous rating), judged by polarity. TRAVEL_NEW stays TRAVEL_NEW
 * (set by rating_apply_previous). */
enum direction_of_travel rating_travel(const struct source_performance *perf,
				       const struct source_measure *m);

/* Fill rating_index, previous_index and travel of every measure; a stated
 * rating that differs from the computed one is a warning at its position
 * (the stated one is kept) — except "complete" stated where the numbers
 * say "met", a judgement numbers cannot make; a scale without a needed
 * standing is an error at the first measure needing it. */
void rating_compute_performance(struct source_performance *perf,
				const char *file, struct diag_list *diags);

/* Take previous values and ratings from the previous quarter's model,
 * matched by measure reference, where the current source has none; warn (at
 * the measure, or at the performance block for removed ones) for measures
 * that appear or disappear; then recompute previous_index and travel.
 * Positions are in the current file. previous must have been through
 * rating_compute_performance(). Previous ratings are recorded as the
 * current scale's code of the same code or, failing that, same standing. */
void rating_apply_previous(struct source_performance *perf,
			   const struct source_performance *previous,
			   const char *file, struct diag_list *diags);

/* Link every performance block of doc with its previous quarter: the file
 * previous_path (relative to the current directory) when not NULL, else
 * each block's previous-source attribute (relative to the folder of
 * doc->path, which it may not leave: see paths_named). Blocks are matched
 * by id, else by their order. The previous source's own previous-source is
 * never followed (one level only), so a cycle cannot loop. A file that is
 * not a regular one (a FIFO, a device) is refused, before it is opened. Warnings of the previous source are dropped (they
 * belong to last quarter's report); its errors are kept, plus an error at
 * the block. Risk registers are linked with their last review the same way
 * (rating_link_previous_risks). Returns 0, or -1 when a previous source
 * could not be loaded. */
int rating_link_previous(struct source_doc *doc, const char *previous_path,
			 struct diag_list *diags);

/* For rating_link_previous and rating_link_previous_risks alike. The file
 * a block compares with: previous_path as given when not NULL, else its
 * previous_source (written at pos) under paths_named; NULL when there is
 * none, and NULL with *refused set after an error at the attribute. Caller
 * frees. */
char *rating_previous_path(const struct source_doc *doc,
			   const char *previous_source, struct source_pos pos,
			   const char *previous_path, int *refused,
			   struct diag_list *diags);

/* The previous source's model, or NULL with its errors copied to diags
 * (its warnings belong to its own report). Caller frees with source_free. */
struct source_doc *rating_load_previous(const char *path, struct diag_list *diags);

/* Counts per scale rating (index) for one group, or the whole block when
 * group is NULL. counts has perf->scale.rating_count + 1 slots; the last
 * counts unrated (contextual) measures. */
void rating_count_measures(const struct source_performance *perf,
			   const struct source_measure_group *group,
			   size_t *counts);
/* Same for an assessment's items, by their rating code; items not rated
 * (or rated with a code outside the scale) go in the last slot. */
void rating_count_items(const struct source_assessment *assessment,
			const struct source_theme *theme, size_t *counts);

/* How many measures (or items) moved: improving, declining, unchanged,
 * new and without comparison, indexed by enum direction_of_travel. */
#define RATING_TRAVEL_KINDS 5
void rating_count_travel(const struct source_performance *perf,
			 const struct source_measure_group *group,
			 size_t counts[RATING_TRAVEL_KINDS]);
/* An item's movement since the previous self-assessment, by rating_compare;
 * TRAVEL_UNKNOWN when it has no previous rating or they cannot be compared. */
enum direction_of_travel rating_item_travel(const struct source_assessment *assessment,
					    const struct source_item *item);
void rating_count_item_travel(const struct source_assessment *assessment,
			      const struct source_theme *theme,
			      size_t counts[RATING_TRAVEL_KINDS]);

/* Word for screen readers and the arrow glyph for a direction. */
const char *rating_travel_word(enum direction_of_travel travel);
const char *rating_travel_arrow(enum direction_of_travel travel);

/* "met", "partly", … as the source spells a standing. */
const char *rating_standing_name(enum rating_standing standing);

#endif
