/* Heat maps as display-list facts, through the real loader, house style and
 * fonts: each reference sits in the cell of its current likelihood and
 * impact, on that cell's rating colours; cells show their score and label;
 * the Figure's alternative text names every occupied cell; its data table
 * follows with header cells; arrows run from inherent to current cells;
 * the register's score cells are on their ratings' colours; an
 * assessment's grid puts each reference on its rating's colours; a Welsh
 * paper's heat maps say all of it in Welsh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fonts.h"
#include "layout_internal.h"
#include "sample_fixture.h"

/* The n-th figure whose alternative text starts with prefix. */
static uint32_t figure_with(const struct display_list *list, const char *prefix)
{
	for (uint32_t i = 0; i < list->node_count; i++)
		if (list->nodes[i].role == ROLE_FIGURE && list->nodes[i].alt &&
		    strncmp(list->nodes[i].alt, prefix, strlen(prefix)) == 0)
			return i;
	fail_msg("no figure whose text alternative starts \"%s\"", prefix);
	return 0;
}

/* The text box of node itself saying exactly text, and its page. */
static const struct dl_box *text_of(const struct display_list *list, uint32_t node,
				    const char *text, size_t *page)
{
	for (size_t p = 0; p < list->page_count; p++)
		for (size_t i = 0; i < list->pages[p].box_count; i++) {
			const struct dl_box *b = &list->pages[p].boxes[i];
			if (b->kind == BOX_TEXT && b->node == node &&
			    strcmp(b->u.text.text, text) == 0) {
				if (page)
					*page = p;
				return b;
			}
		}
	return NULL;
}

/* The filled rectangle of node on page holding the centre of box. */
static const struct dl_box *cell_under(const struct display_list *list, uint32_t node,
				       size_t page, const struct dl_box *box)
{
	double x = box->x_pt + box->width_pt / 2, y = box->y_pt + box->height_pt / 2;
	const struct dl_page *pg = &list->pages[page];
	for (size_t i = 0; i < pg->box_count; i++) {
		const struct dl_box *b = &pg->boxes[i];
		if (b->kind == BOX_RECT && b->node == node && b->fill != DL_NO_COLOR &&
		    x >= b->x_pt && x <= b->x_pt + b->width_pt && y >= b->y_pt &&
		    y <= b->y_pt + b->height_pt)
			return b;
	}
	return NULL;
}

/* The colours the palette gives a bare code. */
static struct style_rating_look code_look(const struct style *style,
					  const char *code)
{
	struct style_rating_key key = style_rating_code(code);
	return style_rating(style, &key);
}

/* The references text in the cell, its rectangle's colours and the text's. */
static void check_cell(const struct sample_fixture *f, uint32_t figure, const char *refs,
		       const char *title, const char *code)
{
	size_t page;
	const struct dl_box *text = text_of(f->list, figure, refs, &page);
	if (!text)
		fail_msg("no \"%s\" in the heat map", refs);
	const struct dl_box *cell = cell_under(f->list, figure, page, text);
	assert_non_null(cell);
	const struct style_rating_look colours = code_look(f->style, code);
	assert_int_equal(cell->fill, colours.background);
	assert_int_equal(text->u.text.runs[0].color, colours.text);
	/* the cell's score and label lie in the same rectangle, above */
	const struct dl_box *label = NULL;
	const struct dl_page *pg = &f->list->pages[page];
	for (size_t i = 0; i < pg->box_count && !label; i++) {
		const struct dl_box *b = &pg->boxes[i];
		if (b->kind == BOX_TEXT && b->node == figure &&
		    strcmp(b->u.text.text, title) == 0 &&
		    cell_under(f->list, figure, page, b) == cell)
			label = b;
	}
	if (!label)
		fail_msg("no \"%s\" in the cell of %s", title, refs);
	assert_true(label->y_pt < text->y_pt);
	assert_int_equal(label->u.text.runs[0].color, colours.text);
}

static void test_risk_heat_map_cells(void **state)
{
	struct sample_fixture *f = sample_fixture_new("tests/layout/risk-register.xml");
	*state = f;
	uint32_t figure = figure_with(f->list, "Heat map of the current scores");
	/* likelihood 5 × impact 3 = 15, the lowest High */
	check_cell(f, figure, "R01", "15 High", "R");
	check_cell(f, figure, "R02", "12 Medium", "A");   /* the highest Medium */
	check_cell(f, figure, "R03", "5 Medium", "A");    /* the lowest Medium */
	check_cell(f, figure, "R04", "4 Low", "G");       /* the highest Low */
	check_cell(f, figure, "R05", "1 Low", "G");
	check_cell(f, figure, "R06", "25 High", "R");
	/* every cell of the 5 × 5 grid is drawn, refs or not */
	size_t cells = 0;
	for (size_t p = 0; p < f->list->page_count; p++)
		for (size_t i = 0; i < f->list->pages[p].box_count; i++) {
			const struct dl_box *b = &f->list->pages[p].boxes[i];
			cells += b->kind == BOX_RECT && b->node == figure;
		}
	assert_int_equal(cells, 25);
	assert_non_null(text_of(f->list, figure, "5 Almost certain", NULL));
	assert_non_null(text_of(f->list, figure, "1 Negligible", NULL));
	assert_non_null(text_of(f->list, figure, "Likelihood", NULL));
	assert_non_null(text_of(f->list, figure, "Impact", NULL));
}

static void test_risk_heat_map_alt_and_table(void **state)
{
	struct sample_fixture *f = sample_fixture_new("tests/layout/risk-register.xml");
	*state = f;
	uint32_t figure = figure_with(f->list, "Heat map of the current scores");
	const char *alt = f->list->nodes[figure].alt;
	assert_non_null(strstr(alt, "of 6 risks: likelihood from 5 at the top to 1, "
				    "impact from 1 at the left to 5."));
	assert_non_null(strstr(alt, " Likelihood 5 Almost certain, impact 5 Critical, "
				    "score 25 High: R06. Likelihood 5 Almost certain, "
				    "impact 3 Moderate, score 15 High: R01."));
	assert_non_null(strstr(alt, "Likelihood 1 Rare, impact 1 Negligible, score "
				    "1 Low: R05."));
	/* the next table in reading order is the data: a row per occupied
	 * cell, likelihood and impact as row headers */
	uint32_t table = 0;
	for (uint32_t i = figure + 1; i < f->list->node_count && !table; i++)
		if (f->list->nodes[i].role == ROLE_TABLE)
			table = i;
	assert_true(table > figure);
	size_t rows = 0, row_headers = 0, column_headers = 0;
	uint32_t row = 0;
	for (uint32_t i = table + 1; i < f->list->node_count; i++) {
		const struct dl_node *n = &f->list->nodes[i];
		if (n->role == ROLE_TABLE_ROW && n->parent == table) {
			rows++;
			row = i;
		} else if (n->role == ROLE_TABLE_HEADER && n->parent == row && rows > 1) {
			row_headers++;
		} else if (n->role == ROLE_TABLE_HEADER && n->parent == row) {
			column_headers++;
		}
	}
	assert_int_equal(rows, 1 + 6);          /* header and six cells */
	assert_int_equal(column_headers, 5);
	assert_int_equal(row_headers, 2 * 6);
	/* R01's row: 5 Almost certain, 3 Moderate, 15, High on its colour */
	size_t page;
	const struct dl_box *ref = NULL;
	for (uint32_t i = table; i < f->list->node_count && !ref; i++)
		if (f->list->nodes[i].role == ROLE_TABLE_CELL)
			ref = text_of(f->list, i, "R01", &page);
	assert_non_null(ref);
	int seen[3] = { 0 };
	const char *want[3] = { "3 Moderate", "15", "High" };
	const struct dl_page *pg = &f->list->pages[page];
	for (size_t i = 0; i < pg->box_count; i++) {
		const struct dl_box *b = &pg->boxes[i];
		if (b->kind != BOX_TEXT || b->node <= table ||
		    b->y_pt > ref->y_pt + 1 || b->y_pt < ref->y_pt - 1)
			continue;
		for (int w = 0; w < 3; w++)
			seen[w] |= strcmp(b->u.text.text, want[w]) == 0;
		if (strcmp(b->u.text.text, "High") == 0)
			assert_int_equal(b->u.text.runs[0].color,
					 code_look(f->style, "R").text);
	}
	assert_true(seen[0] && seen[1] && seen[2]);
}

static void test_risk_heat_map_arrows(void **state)
{
	struct sample_fixture *f = sample_fixture_new("tests/layout/risk-register.xml");
	*state = f;
	uint32_t figure = figure_with(f->list, "Heat map of the current scores");
	/* R06 stays in its cell; the five others move */
	size_t arrows = 0;
	for (size_t p = 0; p < f->list->page_count; p++)
		for (size_t i = 0; i < f->list->pages[p].box_count; i++) {
			const struct dl_box *b = &f->list->pages[p].boxes[i];
			if (b->kind != BOX_PATH || b->node != figure)
				continue;
			arrows++;
			assert_int_equal(b->u.path.point_count, 5);
		}
	assert_int_equal(arrows, 5);
}

/* The register's score cells: each on its rating's colours. */
static void test_register_scores(void **state)
{
	struct sample_fixture *f = sample_fixture_new("tests/layout/risk-register.xml");
	*state = f;
	static const struct {
		const char *text, *code;
	} scores[] = {
		{ "5\u00a0\u00d7\u00a03\u00a0=\u00a015", "R" },  /* R01 current */
		{ "3\u00a0\u00d7\u00a04\u00a0=\u00a012", "A" },  /* R02 current */
		{ "1\u00a0\u00d7\u00a05\u00a0=\u00a05", "A" },   /* R03 current */
		{ "2\u00a0\u00d7\u00a02\u00a0=\u00a04", "G" },   /* R04 current */
	};
	for (size_t s = 0; s < sizeof scores / sizeof *scores; s++) {
		const struct dl_box *found = NULL;
		size_t page = 0;
		for (uint32_t n = 0; n < f->list->node_count && !found; n++)
			if (f->list->nodes[n].role == ROLE_TABLE_CELL)
				found = text_of(f->list, n, scores[s].text, &page);
		if (!found)
			fail_msg("no score cell \"%s\"", scores[s].text);
		const struct style_rating_look colours = code_look(f->style,
									 scores[s].code);
		assert_int_equal(found->u.text.runs[0].color, colours.text);
		const struct dl_box *cell = cell_under(f->list, found->node, page, found);
		assert_non_null(cell);
		assert_int_equal(cell->fill, colours.background);
	}
}

static void test_assessment_heat_map(void **state)
{
	struct sample_fixture *f = sample_fixture_new("tests/layout/assessment-heat-map.xml");
	*state = f;
	uint32_t figure = figure_with(f->list, "Heat map of the characteristics by theme");
	const char *alt = f->list->nodes[figure].alt;
	assert_non_null(strstr(alt, " Continuous Improvement: CI001 Green, CI002 Amber, "
				    "CI003 Red, CI004 Blue."));
	assert_non_null(strstr(alt, " Leadership: L001 Green, L002 not rated."));
	static const struct {
		const char *text, *code;
	} chips[] = {
		{ "CI001\u00a0G", "G" }, { "CI002\u00a0A", "A" }, { "CI003\u00a0R", "R" },
		{ "CI004\u00a0B", "B" }, { "G001\u00a0A", "A" }, { "L002\u00a0\u2013", NULL },
	};
	for (size_t c = 0; c < sizeof chips / sizeof *chips; c++) {
		size_t page;
		const struct dl_box *text = text_of(f->list, figure, chips[c].text, &page);
		if (!text)
			fail_msg("no chip \"%s\"", chips[c].text);
		const struct dl_box *cell = cell_under(f->list, figure, page, text);
		assert_non_null(cell);
		const struct style_rating_look colours = code_look(f->style,
									 chips[c].code);
		assert_int_equal(cell->fill, colours.background);
		assert_int_equal(text->u.text.runs[0].color, colours.text);
	}
	/* the theme names head their rows, in the figure */
	assert_non_null(text_of(f->list, figure, "Governance", NULL));
}

/* A heat map that is not asked for is not there. */
static void test_no_assessment_heat_map_unasked(void **state)
{
	struct sample_fixture *f = sample_fixture_new("tests/layout/five-point-scale.xml");
	*state = f;
	for (uint32_t i = 0; i < f->list->node_count; i++)
		if (f->list->nodes[i].alt)
			assert_null(strstr(f->list->nodes[i].alt, "Heat map"));
}

/* A Welsh paper's alternative texts come from words/cy.xml, with no fixed
 * English left in them. */
static void test_welsh_heat_map_alt(void **state)
{
	struct sample_fixture *f = sample_fixture_new("tests/layout/welsh-risks.xml");
	*state = f;
	uint32_t risks = figure_with(f->list, "Map gwres o sgorau presennol 5 risg: "
					      "tebygolrwydd o 5 ar y brig i 1, effaith o 1 "
					      "ar y chwith i 5.");
	const char *alt = f->list->nodes[risks].alt;
	assert_non_null(strstr(alt, " Tebygolrwydd 5 Bron yn sicr, effaith 3 Cymedrol, "
				    "sgôr 15 Uchel: CR01."));
	assert_non_null(strstr(alt, " Tebygolrwydd 1 Prin, effaith 1 Dibwys, sgôr 1 "
				    "Isel: CR05."));
	uint32_t assessment = figure_with(f->list, "Map gwres o’r nodweddion fesul thema");
	assert_non_null(strstr(f->list->nodes[assessment].alt,
			       " Gwelliant Parhaus: GP001 Gwyrdd, GP002 heb sgôr."));
	static const char *const english[] = {
		"Heat map", "Likelihood", "likelihood", "impact", "score", "risks",
		"not rated", "theme",
	};
	for (size_t i = 0; i < sizeof english / sizeof *english; i++) {
		if (strstr(alt, english[i]) ||
		    strstr(f->list->nodes[assessment].alt, english[i]))
			fail_msg("a Welsh heat map's text alternative says \"%s\"",
				 english[i]);
	}
	/* the grid's axes and its data table's header, in Welsh */
	assert_non_null(text_of(f->list, risks, "Tebygolrwydd", NULL));
	assert_non_null(text_of(f->list, risks, "Effaith", NULL));
	assert_null(text_of(f->list, risks, "Likelihood", NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_risk_heat_map_cells, sample_fixture_teardown),
		cmocka_unit_test_teardown(test_risk_heat_map_alt_and_table, sample_fixture_teardown),
		cmocka_unit_test_teardown(test_risk_heat_map_arrows, sample_fixture_teardown),
		cmocka_unit_test_teardown(test_register_scores, sample_fixture_teardown),
		cmocka_unit_test_teardown(test_assessment_heat_map, sample_fixture_teardown),
		cmocka_unit_test_teardown(test_no_assessment_heat_map_unasked, sample_fixture_teardown),
		cmocka_unit_test_teardown(test_welsh_heat_map_alt, sample_fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
