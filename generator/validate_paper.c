/* validate's checks of a loaded paper (validate_paper.h). */
#include "validate_paper.h"

#include <stdlib.h>

#include "image.h"
#include "layout.h"
#include "memory.h"
#include "paths.h"
#include "rating.h"
#include "style.h"

/* As render would: a rating its house style can colour only grey is a
 * warning. A layout that cannot be found is render's to report. */
static void check_colours(const struct source_doc *doc, const char *path,
			  struct diag_list *diags)
{
	char *name = doc->layout && *doc->layout
			     ? style_source_layout(path, doc->layout,
						   doc->layout_pos.line,
						   doc->layout_pos.col, NULL)
			     : mem_strdup(STYLE_DEFAULT_LAYOUT);
	char *dir = paths_dirname(path);
	struct diag_list ignored = { 0 };
	struct style *style = name ? style_find(name, dir, &ignored) : NULL;
	if (style)
		layout_check_colours(doc, style, diags);
	style_free(style);
	diag_list_free(&ignored);
	free(dir);
	free(name);
}

void validate_paper(struct source_doc *doc, const char *path,
		    struct diag_list *diags)
{
	/* As render does: a quarterly report is checked against the
	 * previous quarter its previous-source names. */
	rating_link_previous(doc, NULL, diags);
	check_colours(doc, path, diags);
	image_check_document(doc, diags);
}
