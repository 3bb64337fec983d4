/* Private to the style_*.c files: the parsed layout document with the
 * position of every element's start tag, and the semantic checks. */
#ifndef STYLE_INTERNAL_H
#define STYLE_INTERNAL_H

#include <libxml/tree.h>

#include "diag.h"
#include "memory.h"
#include "style.h"

/* Layout files are a few kilobytes; anything bigger is not a layout. */
#define STYLE_MAX_FILE_BYTES (1024 * 1024)

/* A parsed and schema-valid layout document. */
struct style_doc {
	const char *path;        /* borrowed: as the caller named it */
	xmlDocPtr doc;
	struct style_pos *starts;/* start tag of the Nth element in document order */
	size_t start_count;
	struct style_pos doctype;/* of "<!DOCTYPE", when there is one */
};

struct style_family_use {
	const char *family;
	struct style_pos pos;    /* where the layout first names it */
};

struct style_private {
	struct arena *arena;     /* every string of the style */
	const char *title;
	const char *description;
	struct style_family_use *families; /* each family once */
	size_t family_count, family_capacity;
	style_rgb *chart_colors;  /* beside style->ratings: see style_rating_chart */
};

/* Read, parse (no network, no DTD, no entities) and validate path against
 * layout.xsd. 0 and a filled doc on success; -1 with diagnostics. */
int style_doc_read(const char *path, struct style_doc *doc,
		   struct diag_list *diags);
void style_doc_free(struct style_doc *doc);

/* Position of an element's start tag (attributes: their element's). */
struct style_pos style_doc_pos(const struct style_doc *doc, const xmlNode *node);

/* Turn one libxml2 schema message into an officer-readable sentence.
 * Caller frees with free(). */
char *style_readable_schema_message(const char *message);

/* The rules a schema cannot say: fallback present, codes unique, every
 * heading level, the limits below, contrast of every text on its
 * background. Appends errors; node positions come from doc. */
void style_check(const struct style *style, const struct style_doc *doc,
		 struct diag_list *diags);

/* The limits of sizes and lengths, all decided in style_limits.c: font
 * sizes 4-72pt for text and 4-200pt for titles; margins, the running
 * header and footer, indents, the paragraph gap and cell padding that
 * leave room to print. One error per value out of its limit. */
void style_check_limits(const struct style *style, const struct style_doc *doc,
			struct diag_list *diags);

/* Chart graphics against the white page: WCAG 2, 1.4.11. */
#define STYLE_CHART_CONTRAST_MIN 3.0

/* A rating's chart colour when the layout gives none (see
 * style_rating_chart). */
style_rgb style_chart_default(style_rgb background);

/* "20mm" or "11pt" in points; "#0b0c0c" as 0x0b0c0c. The schema has
 * checked the form. */
double style_length_pt(const char *text);
style_rgb style_parse_rgb(const char *text);

/* Element of the layout namespace named name among node's children. */
xmlNode *style_child(const xmlNode *node, const char *name);

#endif
