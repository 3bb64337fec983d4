/* The layout stage: measure the document model with Pango and paginate it
 * into a display list of positioned boxes (display_list.h). No Cairo
 * surface is involved; the draw stage only replays the list. Lengths are
 * PDF points (_pt), origin at the top left of the page, y downwards; Pango
 * units are named _pu.
 *
 * Ownership: layout_document returns a list the caller frees with
 * dl_free(); every pointer inside is owned by the list. */
#ifndef LAYOUT_H
#define LAYOUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <pango/pango.h>

#include "diag.h"
#include "display_list.h"
#include "source.h"
#include "style.h"

/* An exempt part of a paper in a reports pack: one appendix, or (0) the
 * whole paper, with its Schedule 12A paragraph. */
struct layout_exempt {
	unsigned appendix;        /* its number; 0: the whole paper */
	const char *paragraph;    /* "3" */
};

struct layout_options {
	int draft;                /* force draft furniture and watermark */
	const char *build_time;   /* shown in a draft's footer; NULL: none */
	const char *create_date;  /* ISO 8601 creation time of a reproducible
	                             build; NULL: the meeting date */
	/* Exempt parts (the reports pack). withhold_exempt: each exempt
	 * appendix is replaced by a page saying why (the public pack);
	 * otherwise its pages say "NOT FOR PUBLICATION" in the running
	 * header and across the page (the members' pack). */
	const struct layout_exempt *exempt;
	size_t exempt_count;
	int withhold_exempt;
};

/* Lay the document out with the house style; NULL with diagnostics on error
 * (for example a table column too narrow for any text). */
struct display_list *layout_document(const struct source_doc *doc,
				     const struct style *style,
				     PangoContext *context,
				     const struct layout_options *options,
				     struct diag_list *diags);

/* The same in two steps, for the reports pack, which numbers pages through
 * several papers: layout_paginate lays the paper out without its page
 * furniture; layout_paper_finish adds it with pages numbered from
 * first_page (1 for the paper alone) out of total_pages (0: the paper's
 * own count) and hands the list over (caller frees with dl_free), freeing
 * the paper. doc, style and options are borrowed until then. */
struct layout_paper;
struct layout_paper *layout_paginate(const struct source_doc *doc,
				     const struct style *style,
				     PangoContext *context,
				     const struct layout_options *options,
				     struct diag_list *diags);
size_t layout_paper_page_count(const struct layout_paper *paper);
struct display_list *layout_paper_finish(struct layout_paper *paper,
					 size_t first_page, size_t total_pages);
void layout_paper_free(struct layout_paper *paper); /* NULL is ignored */

/* The reports pack's own pages (layout_agenda.c), paginated like a paper;
 * meeting and pages are borrowed until layout_paper_finish. */
struct meeting;
struct meeting_item;
/* Where an item is in the pack: pack page numbers first … last (0: it has
 * no pages), the paragraph when the whole item is exempt (or NULL), and
 * the note the agenda prints for it (verbal, to follow; or NULL). A
 * revised paper also has the pages of the version it replaces and the
 * edition that published it (0 the reports pack, else its supplement),
 * and why it was revised (revision_reason NULL: not revised). */
struct layout_item_pages {
	size_t first, last;
	const char *exempt_paragraph;
	const char *note;
	const char *revision_reason;
	size_t replaces_first, replaces_last;
	unsigned replaces_edition;
};
/* The agenda front sheet: committee, date, time, venue, membership,
 * contact, then the items with their lead, note and pages; with link_items
 * each item's title links to layout_agenda_dest, which the pack puts where
 * the item starts. supplement: 0 for the agenda, else the number of the
 * supplementary agenda, whose meeting lists the supplement's items. */
struct layout_paper *layout_agenda(const struct meeting *meeting,
				   const struct layout_item_pages *pages,
				   int link_items, unsigned supplement,
				   const struct style *style,
				   PangoContext *context,
				   const struct layout_options *options,
				   struct diag_list *diags);
/* "pack:item3": the destination where item number starts in the pack, in
 * list's arena (a name no paper's id can take, ids having no colon). */
struct display_list;
const char *layout_agenda_dest(struct display_list *list, unsigned number);
/* The page standing for an exempt item in the public pack. */
struct layout_paper *layout_exempt_item(const struct meeting *meeting,
					const struct meeting_item *item,
					const char *paragraph,
					const struct style *style,
					PangoContext *context,
					const struct layout_options *options,
					struct diag_list *diags);

/* A warning at each <rating> of the source's scales that style would
 * colour only with its fallback grey (render says it while laying out,
 * validate with the source's own house style). */
void layout_check_colours(const struct source_doc *doc,
			  const struct style *style, struct diag_list *diags);

#endif
