/* Risk ratings, the one place they are computed: a score is likelihood ×
 * impact (the codes of their levels); its rating is that of the band the
 * score falls in, or, when the register spells out a matrix instead, that
 * of the matrix cell of the likelihood and impact. A risk's direction
 * since the last review compares its current score with its score then:
 * lower is better.
 *
 * A stated rating that differs from the computed one is a warning at the
 * attribute, and the computed one is used: the band of a score is a
 * definition, not a judgement, so a disagreement is a slip (unlike a
 * measure's "complete"). A stated direction that differs from the
 * computed one is a warning too; without a previous score it is used.
 *
 * Ownership: nothing here allocates anything the caller must free, except
 * rating_link_previous_risks(), which frees what it loads. */
#ifndef RATING_RISKS_H
#define RATING_RISKS_H

#include <stddef.h>

#include "diag.h"
#include "source.h"

/* Index of the level with that code in axis, or -1. */
int rating_risk_level(const struct source_risk_axis *axis, int code);

/* Index into risks->scale of the rating of likelihood × impact: the band
 * holding the score, or the matrix cell; -1 when none covers it. */
int rating_risk_rating(const struct source_risks *risks, int likelihood,
		       int impact);

/* Direction of risk from its previous and current scores; the stated
 * direction when there is no previous score; RISK_DIRECTION_NEW stays. */
enum risk_direction rating_risk_direction(const struct source_risk *risk);

/* Fill score and rating_index of every risk's inherent, current, target
 * and previous scores, and its direction; warn where a stated rating or
 * direction disagrees. Run by the loader. */
void rating_compute_risks(struct source_risks *risks, const char *file,
			  struct diag_list *diags);

/* Take the previous scores from the last review's register, matched by
 * reference, for risks that state none; warn (at the risk, or at the
 * register for those gone) about risks that appear or disappear, unless
 * the new one says direction="new"; then judge the directions again.
 * previous must have been through rating_compute_risks(). */
void rating_apply_previous_risks(struct source_risks *risks,
				 const struct source_risks *previous,
				 const char *file, struct diag_list *diags);

/* Link every risk register of doc with its last review, as
 * rating_link_previous does for performance blocks (and called by it):
 * previous_path (--previous) when not NULL, else each register's
 * previous-source under the rule for files a source names. Registers are
 * matched by id, else by their order. Returns 0, or -1 when a previous
 * source could not be loaded or was refused. */
int rating_link_previous_risks(struct source_doc *doc, const char *previous_path,
			       struct diag_list *diags);

/* Risks per current rating (index); counts has scale.rating_count + 1
 * slots, the last for risks without a rating. */
void rating_count_risks(const struct source_risks *risks, size_t *counts);

/* "reduced", "increased", "unchanged", "new", "not compared"; the arrow
 * printed before it (down for reduced: the score fell). */
const char *rating_risk_direction_word(enum risk_direction direction);
const char *rating_risk_direction_arrow(enum risk_direction direction);

#endif
