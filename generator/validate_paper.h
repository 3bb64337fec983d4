/* What validate checks of a loaded paper beyond its loading, as render
 * would find it: last quarter's source (previous-source), ratings its
 * house style can colour only grey, and the images it names. Shared by
 * validate and a meeting's validation (meeting_validate.c), so a paper a
 * meeting names is judged as validate judges it alone. */
#ifndef VALIDATE_PAPER_H
#define VALIDATE_PAPER_H

#include "diag.h"
#include "source.h"

/* Appends to diags; doc (loaded from path) is linked to its previous
 * quarter, otherwise unchanged, and stays the caller's. */
void validate_paper(struct source_doc *doc, const char *path,
		    struct diag_list *diags);

#endif
