/* Private to the finishing pass (pdf_finish*.c): the state its steps
 * share while libqpdf holds the document. Each step reads the display
 * list's facts through `in` and edits objects through `qpdf`. */
#ifndef PDF_FINISH_INTERNAL_H
#define PDF_FINISH_INTERNAL_H

#include <qpdf/qpdf-c.h>

#include <glib.h>

#include "pdf_finish.h"

struct pdf_finish {
	const struct pdf_finish_input *in;
	qpdf_data qpdf;
	size_t page_count;
	GHashTable *page_index;  /* page object id -> index + 1 */
	/* Per page: the kind (enum pdf_artifact) of each placeholder MCID,
	 * indexed by MCID; filled by the structure step for the content
	 * step. */
	GByteArray **furniture;
	char *error;             /* the first failure, in words; owned */
};

/* Remember the first failure (printf-style); later ones are dropped. */
void pdf_finish_fail(struct pdf_finish *f, const char *format, ...)
	__attribute__((format(printf, 2, 3)));
/* 1 (and a failure remembered) when libqpdf reported an error. */
int pdf_finish_qpdf_failed(struct pdf_finish *f, const char *what);

/* Catalog /Lang, /ViewerPreferences, /MarkInfo, the Info dictionary, XMP
 * /Metadata and the sRGB /OutputIntents. */
void pdf_finish_catalog(struct pdf_finish *f);
/* The display list's page label ranges as /PageLabels (pdf_finish_labels.c). */
void pdf_finish_labels(struct pdf_finish *f);
/* Attributes of structure elements from their display-list nodes,
 * placeholders out of the tree, links' /Contents, pages' /Tabs. */
void pdf_finish_structure(struct pdf_finish *f);
/* Every page's content: placeholders' marked content typed as
 * pagination artifacts, unmarked graphics objects wrapped in /Artifact. */
void pdf_finish_content(struct pdf_finish *f);
/* /CIDToGIDMap /Identity on the CIDFontType2 fonts Cairo embeds. */
void pdf_finish_fonts(struct pdf_finish *f);

/* A page's 0-based index from its object, or -1. */
long pdf_finish_page_of(const struct pdf_finish *f, qpdf_oh page);

/* Rewrite one content stream: returns the new bytes (caller frees with
 * g_byte_array_unref) or NULL when the stream cannot be read. furniture
 * is the page's placeholder kinds by MCID (may be NULL). Separate from the
 * qpdf side so that tests can feed it bytes. */
GByteArray *pdf_finish_rewrite_content(const char *data, size_t length,
				       const GByteArray *furniture);

#endif
