/* The finishing pass: completes the tagged PDF that Cairo 1.16 wrote with
 * what Cairo cannot write (PDF/UA-1, PDF/A-2): the catalog's /Lang,
 * /ViewerPreferences, XMP metadata and sRGB output intent; /Lang, /Alt and
 * table attributes on structure elements; /Artifact marked content around
 * everything drawn outside an element; link annotations' /Contents and
 * pages' /Tabs; /CIDToGIDMap on CID fonts. It reads and writes the file
 * with libqpdf. Everything it adds comes from the display list through the
 * element records below, never from guessing at the PDF.
 *
 * Cairo's structure tree, walked in pre-order, lists its elements in the
 * order their tags were begun; the draw stage records, for each begun tag,
 * what it stands for (struct pdf_element), so element i of the walk is
 * record i. */
#ifndef PDF_FINISH_H
#define PDF_FINISH_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "file_atomic.h"
#include "display_list.h"

enum pdf_element_kind {
	PDF_ELEMENT_NODE,     /* the element of display-list node `node` */
	PDF_ELEMENT_LINK,     /* a Link holding one annotation (uri or dest) */
	PDF_ELEMENT_ARTIFACT, /* a placeholder around page furniture: its
	                         marked content becomes /Artifact, the
	                         element leaves the tree */
	PDF_ELEMENT_OWN_TEXT, /* a Span holding node `node`'s own words beside
	                         its Span children, which Cairo 1.16 would
	                         otherwise drop */
};

enum pdf_artifact {
	PDF_ARTIFACT_NONE,
	PDF_ARTIFACT_HEADER,
	PDF_ARTIFACT_FOOTER,
	PDF_ARTIFACT_WATERMARK,
};

/* Strings are borrowed from the display list's arena. */
struct pdf_element {
	uint32_t node;
	uint8_t kind;         /* enum pdf_element_kind */
	uint8_t artifact;     /* enum pdf_artifact, for placeholders */
	const char *uri;      /* links: external target, or NULL */
	const char *dest;     /* links: destination name, or NULL */
};

/* A named destination as drawn: where a link to it goes. */
struct pdf_dest {
	const char *name;     /* borrowed */
	uint32_t page;        /* 0-based */
	double y_pt;          /* from the page's top */
};

struct pdf_finish_input {
	const struct display_list *list; /* nodes, outline, metadata */
	const struct pdf_element *elements;
	size_t element_count;
	const struct pdf_dest *dests;
	size_t dest_count;
	const char *icc_path; /* sRGB profile; NULL for PDF_FINISH_ICC_PATH */
	const char *producer; /* Info /Producer and pdf:Producer */
};

/* The sRGB profile Debian's icc-profiles-free installs. */
#ifndef PDF_FINISH_ICC_PATH
#define PDF_FINISH_ICC_PATH "/usr/share/color/icc/sRGB.icc"
#endif

/* The name of the placeholder tag the draw stage begins around furniture:
 * a standard name Cairo accepts and the draw stage uses for nothing else. */
#define PDF_FINISH_PLACEHOLDER_TAG "Private"

/* Complete pdf[0, length) (Cairo's output) and write the result to file.
 * 0 on success; -1 with a diagnostic naming path (the file is then left for
 * the caller to abort). The same input gives the same bytes. */
int pdf_finish(const struct pdf_finish_input *in, const unsigned char *pdf,
	       size_t length, struct file_atomic *file, const char *path,
	       struct diag_list *diags);

#endif
