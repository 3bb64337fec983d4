/* Shared by the check_*.c files only: the state of one check and the bounds
 * that keep a hostile file from costing unbounded time or memory. */
#ifndef CHECK_INTERNAL_H
#define CHECK_INTERNAL_H

#include <glib.h>
#include <qpdf/qpdf-c.h>

#include "check.h"

#define CHECK_MAX_PAGES 100000
#define CHECK_MAX_DEPTH 256           /* structure tree and form XObject nesting */
#define CHECK_MAX_ELEMENTS 500000     /* structure elements visited */
#define CHECK_MAX_ANNOTS 10000        /* annotations looked at per page */
#define CHECK_MAX_FONTS 10000         /* fonts looked at in all */
#define CHECK_MAX_CONTENT_BYTES ((size_t)64 << 20) /* decoded, per page */
#define CHECK_MAX_XMP_BYTES ((size_t)4 << 20)
#define CHECK_MAX_ROLE_HOPS 16        /* RoleMap chain */

struct check_ctx {
	qpdf_data q;
	struct check_report *report;
	const char *data;
	size_t len;
	size_t pages;
	int tagged;              /* a StructTreeRoot exists */
	/* Object ids of annotations an OBJR in a Link element points at. */
	GHashTable *annots_in_links;
	/* Link elements' words: each Link's marked content by page and MCID
	 * (check_link_key -> 1 + the Link's index), and per Link its page
	 * and whether text is shown inside it (found while reading pages). */
	GHashTable *link_mcids;
	GArray *links;           /* struct check_link */
	GHashTable *fonts_seen;  /* object ids of fonts already checked */
	GHashTable *forms_seen;  /* object ids of form XObjects already read */
	GHashTable *page_numbers; /* object id -> 1-based page number, 0 if none */
	size_t font_count;
};

/* Record a broken rule. page 0 means the whole document. */
void check_fail(struct check_ctx *ctx, size_t page, const char *rule,
		const char *checkpoint, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Record why the file could not be (fully) checked; the first reason wins. */
void check_damaged(struct check_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* After qpdf calls: when qpdf reported an error, record it as damage and
 * return 1; else 0. what names the part being read ("page 3"). */
int check_qpdf_failed(struct check_ctx *ctx, const char *what);

/* Small helpers over qpdf object handles. check_name and check_utf8 release
 * oh (so a fresh qpdf_oh_get_key can be passed straight in) and return a
 * copy the caller frees, NULL when oh is not a name or a string. Handles
 * are released as soon as possible because each one costs qpdf a map entry
 * until released: a 5,000-row table would otherwise hold millions. */
char *check_name(struct check_ctx *ctx, qpdf_oh oh);
char *check_utf8(struct check_ctx *ctx, qpdf_oh oh);
int check_key_is_name(struct check_ctx *ctx, qpdf_oh dict, const char *key,
		      const char *name);
/* 1-based page number of the page object oh, 0 when it is not a page. */
size_t check_page_number(struct check_ctx *ctx, qpdf_oh oh);
/* Object id for a seen-set key; 0 for direct objects. */
int check_object_id(struct check_ctx *ctx, qpdf_oh oh);
/* Add id to set; 1 when it was new. */
int check_mark_seen(GHashTable *set, int id);

struct check_link {
	size_t page;
	int has_text;
};

/* The link_mcids key of marked content MCID on 1-based page; caller frees
 * with g_free. */
gint64 *check_link_key(size_t page, long long mcid);

/* The stages, in the order check.c runs them. */
void check_document(struct check_ctx *ctx);
void check_xmp(struct check_ctx *ctx, const char *xml, size_t len);
void check_structure(struct check_ctx *ctx);
void check_page_annotations(struct check_ctx *ctx, qpdf_oh page, size_t page_no);
void check_page_content(struct check_ctx *ctx, qpdf_oh page, size_t page_no);
void check_fonts_in(struct check_ctx *ctx, qpdf_oh resources, size_t page_no,
		    int depth);
/* After the pages: Link elements whose marked content shows no text. */
void check_link_words(struct check_ctx *ctx);

#endif
