/* validate for a meeting (meeting.h): the meeting, then each paper it
 * names, revised papers too, judged as validate judges a paper alone
 * (validate_paper.h), and each exempt appendix one its paper has. */
#include "meeting.h"

#include "validate_paper.h"

/* One paper of item: validated in its own file, and each of the item's
 * exempt appendices one it has (a revision keeps the item's markings). */
static void validate_item_paper(const struct meeting *meeting,
				const struct meeting_item *item,
				const char *paper, struct diag_list *diags)
{
	struct source_doc *doc = source_load(paper, diags);
	if (!doc)
		return;
	validate_paper(doc, paper, diags);
	for (size_t e = 0; e < item->exempt_appendix_count; e++) {
		const struct meeting_exempt_appendix *x =
			&item->exempt_appendices[e];
		if (x->number > doc->appendix_count)
			diag_add(diags, DIAG_ERROR, meeting->path, x->pos.line,
				 x->pos.col,
				 "appendix %u is exempt, but %s has %zu "
				 "appendix%s", x->number, paper,
				 doc->appendix_count,
				 doc->appendix_count == 1 ? "" : "es");
	}
	source_free(doc);
}

void meeting_validate(const char *path, struct diag_list *diags)
{
	struct meeting *meeting = meeting_load(path, diags);
	if (!meeting)
		return;
	for (size_t i = 0; i < meeting->item_count; i++) {
		const struct meeting_item *item = &meeting->items[i];
		if (item->kind != MEETING_ITEM_PAPER)
			continue;
		validate_item_paper(meeting, item, item->paper, diags);
		for (size_t r = 0; r < item->revision_count; r++)
			validate_item_paper(meeting, item,
					    item->revisions[r].paper, diags);
	}
	meeting_free(meeting);
}
