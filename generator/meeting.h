/* A meeting source (root <meeting>, the paper namespace): what the agenda
 * front sheet says and the numbered items in order, each naming the paper
 * it takes (a path relative to the meeting file, through paths_named) or a
 * note. Part of the load stage: read with the same guards and schema as a
 * paper (source_internal.h), nothing here knows Pango or Cairo.
 *
 * Ownership: meeting_load returns a model freed with meeting_free(); every
 * pointer inside is borrowed from it. */
#ifndef MEETING_H
#define MEETING_H

#include <stddef.h>

#include "diag.h"
#include "source.h"

enum meeting_item_kind {
	MEETING_ITEM_NONE,      /* a standing item with nothing to read */
	MEETING_ITEM_PAPER,     /* <paper src="…"/>, or one that followed */
	MEETING_ITEM_VERBAL,    /* <verbal>note</verbal> */
	MEETING_ITEM_TO_FOLLOW, /* <to-follow>note</to-follow> */
};

struct meeting_exempt_appendix {
	unsigned number;          /* the appendix's number in its paper */
	const char *paragraph;    /* Schedule 12A paragraph, "1" … "7" */
	struct source_pos pos;
};

/* <revision supplement="N" src="…">reason</revision>: the item's paper
 * as revised, published in supplement N in place of the version before. */
struct meeting_revision {
	unsigned supplement;
	const char *paper;        /* the path to open (paths_named) */
	struct source_pos pos;    /* of <revision> */
	const char *reason;       /* why it was revised */
};

struct meeting_item {
	unsigned number;
	struct source_pos pos;
	int standing;
	const char *title;
	const char *lead;         /* may be NULL */
	enum meeting_item_kind kind;
	const char *paper;        /* PAPER: the path to open (paths_named) */
	struct source_pos paper_pos; /* of src= */
	const char *note;         /* VERBAL and TO_FOLLOW: the agenda's words;
	                             a PAPER that followed: its to-follow note */
	unsigned supplement;      /* a paper that followed: the supplementary
	                             pack publishing it (1, 2 …); else 0 */
	const char *exempt_paragraph; /* the whole item exempt, or NULL */
	struct meeting_exempt_appendix *exempt_appendices;
	size_t exempt_appendix_count;
	struct meeting_revision *revisions; /* in the order written */
	size_t revision_count;
};

struct meeting {
	const char *path;         /* as given */
	const char *lang;         /* xml:lang, "en-GB" when absent */
	const char *layout;       /* house style of the front sheet, or NULL */
	struct source_pos layout_pos;
	const char *authority, *committee;
	const char *date;         /* ISO "2024-02-22" */
	const char *time;         /* "18:00" */
	const char *venue;
	const char *chair, *vice_chair; /* vice_chair may be NULL */
	const char **members;
	size_t member_count;
	const char **substitutes;
	size_t substitute_count;
	const char *quorum;       /* may be NULL */
	struct source_person contact;
	struct meeting_item *items;
	size_t item_count;
	unsigned supplement_count; /* the last supplement any paper or
	                              revision names */
	struct meeting_private *private;
};

/* Load and validate a meeting file: the schema, items numbered 1, 2, 3 … in
 * order, each paper's and revision's path (paths_named: in the meeting's
 * folder or an --allow-dir one), supplements 1, 2 … with none missing, and
 * each revision after its paper was published, one per supplement. NULL
 * with errors in diags. The papers are not read. */
struct meeting *meeting_load(const char *path, struct diag_list *diags);

/* The same from memory (fuzzing); name is the meeting's path, in
 * diagnostics and as the folder its papers' paths are found from. */
struct meeting *meeting_load_memory(const char *bytes, size_t length,
				    const char *name, struct diag_list *diags);

/* Whether the file is a regular file whose root element is <meeting> (read
 * without loading it). */
int meeting_is_meeting_file(const char *path);

/* validate for a meeting: the meeting, then each paper and revised paper
 * it names as validate checks a paper (diagnostics in the paper's file),
 * and that each exempt appendix exists in its paper and in each revision.
 * Appends to diags. */
void meeting_validate(const char *path, struct diag_list *diags);

/* The revision of item published in supplement (1, 2 …), or NULL. */
const struct meeting_revision *meeting_revision_in(const struct meeting_item *item,
						   unsigned supplement);

/* The paper item publishes in edition (0: the reports pack, else that
 * supplement): its paper in the edition it is published in (the pack, or
 * the supplement it followed into), a revised paper in the supplement
 * publishing that revision; NULL when the edition has none of it. */
const char *meeting_paper_in(const struct meeting_item *item, unsigned edition);

void meeting_free(struct meeting *meeting);

#endif
