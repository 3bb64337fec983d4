/* A source laid out as render would, through the real loader, the
 * committee-report house style and the shipped fonts, for the tests that
 * read display-list facts of a whole paper. Included by tests/unit/test_*.c
 * after cmocka.h; sample_fixture_teardown frees what sample_fixture_new
 * made. */
#ifndef SAMPLE_FIXTURE_H
#define SAMPLE_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

#include "fonts.h"
#include "layout_internal.h"

struct sample_fixture {
	struct fonts *fonts;
	struct style *style;
	struct source_doc *doc;
	struct display_list *list;
	struct diag_list diags;
};

/* source laid out with no errors; a test's state, for its teardown. */
static inline struct sample_fixture *sample_fixture_new(const char *source)
{
	struct sample_fixture *f = calloc(1, sizeof *f);
	f->fonts = fonts_open("fonts/fonts.conf", &f->diags);
	f->style = style_load("layouts/committee-report.xml", &f->diags);
	f->doc = source_load(source, &f->diags);
	if (!f->fonts || !f->style || !f->doc)
		diag_print(&f->diags, stderr);
	assert_non_null(f->fonts);
	assert_non_null(f->style);
	assert_non_null(f->doc);
	f->list = layout_document(f->doc, f->style, fonts_context(f->fonts),
				  NULL, &f->diags);
	assert_non_null(f->list);
	assert_int_equal(diag_count(&f->diags, DIAG_ERROR), 0);
	return f;
}

static inline int sample_fixture_teardown(void **state)
{
	struct sample_fixture *f = *state;
	if (!f)
		return 0;
	dl_free(f->list);
	source_free(f->doc);
	style_free(f->style);
	fonts_close(f->fonts);
	diag_list_free(&f->diags);
	free(f);
	return 0;
}

#endif
