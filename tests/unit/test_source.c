/* The load stage's model: docs/source-format.xml (every element once) loads
 * into the documented fields; text is collapsed, inline markup becomes
 * spans; sections, appendices and paragraphs are numbered; positions point
 * at start tags. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "memory.h"
#include "source.h"

#define NS "xmlns=\"urn:committee-pdf:paper:1\""

/* A valid paper around the given section content. */
static char *paper_with(const char *sections)
{
	return mem_printf(
		"<paper " NS ">\n"
		"<cover><authority>A</authority><committee>C</committee>"
		"<meeting-date>2024-02-22</meeting-date><marking>PUBLIC</marking>"
		"<title>T</title><cabinet-member><name>N</name></cabinet-member>"
		"<director><name>D</name></director><service>S</service>"
		"<employee><name>E</name></employee><considered-by/></cover>\n"
		"%s\n</paper>\n",
		sections);
}

static struct source_doc *load_string(const char *text, struct diag_list *diags)
{
	return source_load_memory(text, strlen(text), "mem.xml", diags);
}

static void print_diags(const struct diag_list *diags)
{
	diag_print(diags, stderr);
}

/* ---- docs/source-format.xml ---- */

static struct source_doc *load_format(struct diag_list *diags)
{
	struct source_doc *doc = source_load("docs/source-format.xml", diags);
	if (!doc)
		print_diags(diags);
	return doc;
}

static void test_format_cover(void **state)
{
	(void)state;
	struct diag_list diags = { 0 };
	struct source_doc *doc = load_format(&diags);
	assert_non_null(doc);
	assert_int_equal(diag_count(&diags, DIAG_ERROR), 0);
	assert_string_equal(doc->path, "docs/source-format.xml");
	assert_string_equal(doc->lang, "en-GB");
	assert_string_equal(doc->layout, "committee-report");
	assert_int_equal(doc->status, STATUS_FINAL);
	const struct source_cover *c = &doc->cover;
	assert_string_equal(c->authority, "City of Wolverhampton Council");
	assert_string_equal(c->committee, "Governance and Ethics Committee");
	assert_string_equal(c->meeting_date, "2024-02-22");
	assert_string_equal(c->marking, "PUBLIC [NOT PROTECTIVELY MARKED]");
	assert_null(c->exempt_paragraph);
	assert_string_equal(c->agenda_item, "7");
	assert_string_equal(c->decision_designation, "AMBER");
	assert_int_equal(c->key_decision, TRI_NO);
	assert_int_equal(c->forward_plan, TRI_NO);
	assert_string_equal(c->wards, "All wards");
	assert_string_equal(c->cabinet_member.name, "Councillor Paula Brookfield");
	assert_string_equal(c->cabinet_member.role,
			    "Cabinet Member for Governance and Equalities");
	assert_null(c->cabinet_member.telephone);
	assert_string_equal(c->director.role, "Chief Operating Officer");
	assert_string_equal(c->service, "Strategy and Policy");
	assert_string_equal(c->employee.telephone, "01902 550414");
	assert_string_equal(c->employee.email, "Laura.collings@wolverhampton.gov.uk");
	assert_int_equal(c->considered_count, 1);
	assert_string_equal(c->considered_by[0].body, "Strategic Executive Board");
	assert_string_equal(c->considered_by[0].date, "2024-02-06");
	source_free(doc);
	diag_list_free(&diags);
}

static void test_format_recommendations(void **state)
{
	(void)state;
	struct diag_list diags = { 0 };
	struct source_doc *doc = load_format(&diags);
	assert_non_null(doc);
	assert_int_equal(doc->recommendation_count, 1);
	const struct source_recommendations *r = &doc->recommendations[0];
	assert_false(r->for_noting);
	assert_string_equal(r->intro.text, "The Governance and Ethics Committee is asked to:");
	assert_int_equal(r->item_count, 2);
	const struct source_text *t = &r->items[0];
	assert_string_equal(t->text, "Note that Government has released new draft "
				     "statutory guidance (appendix 1).");
	assert_int_equal(t->span_count, 1);
	assert_int_equal(t->spans[0].kind, SPAN_REF);
	assert_string_equal(t->spans[0].target, "guidance");
	assert_int_equal(t->spans[0].end - t->spans[0].start, strlen("appendix 1"));
	assert_memory_equal(t->text + t->spans[0].start, "appendix 1", 10);
	assert_string_equal(r->items[1].text, "Review and comment on the self-assessment.");
	assert_int_equal(r->items[1].spans[0].kind, SPAN_EMPHASIS);
	source_free(doc);
	diag_list_free(&diags);
}

static void test_format_table_and_figure(void **state)
{
	(void)state;
	struct diag_list diags = { 0 };
	struct source_doc *doc = load_format(&diags);
	assert_non_null(doc);
	const struct source_section *s = &doc->sections[0];
	assert_int_equal(s->blocks[5].kind, BLOCK_TABLE);
	assert_string_equal(s->blocks[5].id, "budget");
	const struct source_table *t = &s->blocks[5].u.table;
	assert_string_equal(t->caption.text, "Table 1: Forecast outturn 2024-25");
	assert_true(t->row_headings);
	assert_int_equal(t->column_count, 4);
	assert_true(t->columns[0].width == 3);
	assert_int_equal(t->columns[0].format, FORMAT_TEXT);
	assert_int_equal(t->columns[1].format, FORMAT_MONEY);
	assert_int_equal(t->columns[3].format, FORMAT_MONEY_MILLIONS);
	assert_int_equal(t->columns[3].align, SOURCE_ALIGN_RIGHT);
	assert_non_null(t->header);
	assert_int_equal(t->header->cell_count, 3);
	assert_int_equal(t->header->cells[2].span, 2);
	assert_int_equal(t->row_count, 2);
	assert_string_equal(t->rows[0].cells[2].text.text, "-25000");
	assert_int_equal(t->rows[1].cells[0].align, SOURCE_ALIGN_LEFT);
	assert_non_null(t->totals);
	assert_string_equal(t->totals->cells[0].text.text, "Total");
	assert_int_equal(s->blocks[6].kind, BLOCK_FIGURE);
	const struct source_figure *f = &s->blocks[6].u.figure;
	assert_string_equal(f->src, "ward-map.svg");
	assert_string_equal(f->alt, "Map of the borough's five wards, Central shaded darkest");
	assert_true(fabs(f->width - 0.6) < 1e-9);
	assert_string_equal(f->caption.text, "Figure 1: The borough's wards");
	assert_true(f->src_pos.line > 0 && f->src_pos.col > 0);
	source_free(doc);
	diag_list_free(&diags);
}

static void test_format_sections(void **state)
{
	(void)state;
	struct diag_list diags = { 0 };
	struct source_doc *doc = load_format(&diags);
	assert_non_null(doc);
	assert_int_equal(doc->section_count, 3);
	const struct source_section *s = &doc->sections[0];
	assert_int_equal(s->number, 1);
	assert_string_equal(s->id, "purpose");
	assert_string_equal(s->heading, "Purpose");
	assert_int_equal(s->implication, IMPLICATION_NONE);
	assert_int_equal(s->block_count, 7);
	assert_int_equal(s->blocks[0].kind, BLOCK_PARAGRAPH);
	assert_true(s->blocks[0].numbered);
	assert_int_equal(s->blocks[0].number, 1);
	const struct source_text *p = &s->blocks[0].u.paragraph;
	assert_string_equal(p->text, "The purpose of this report is bold, italic and a link.");
	assert_int_equal(p->span_count, 3);
	assert_int_equal(p->spans[0].kind, SPAN_STRONG);
	assert_int_equal(p->spans[1].kind, SPAN_EMPHASIS);
	assert_int_equal(p->spans[2].kind, SPAN_LINK);
	assert_string_equal(p->spans[2].target, "https://www.gov.uk/");
	assert_false(s->blocks[1].numbered);
	assert_int_equal(s->blocks[1].number, 0);
	assert_string_equal(s->blocks[1].id, "p-intro");
	assert_int_equal(s->blocks[2].kind, BLOCK_LIST);
	assert_false(s->blocks[2].u.list.numbered);
	assert_int_equal(s->blocks[2].u.list.item_count, 1);
	const struct source_text *item = &s->blocks[2].u.list.items[0];
	assert_int_equal(item->spans[0].kind, SPAN_STRONG);
	assert_int_equal(item->spans[0].start, 0);
	assert_int_equal(item->spans[0].end, strlen("Leadership:"));
	/* A span in another language, an empty ref holding the stand-in for
	 * its target's name, and a paragraph in Welsh. */
	const struct source_text *parts = &s->blocks[3].u.paragraph;
	assert_null(parts->lang);
	assert_int_equal(parts->span_count, 2);
	assert_int_equal(parts->spans[0].kind, SPAN_LANGUAGE);
	assert_string_equal(parts->spans[0].lang, "cy");
	assert_memory_equal(parts->text + parts->spans[0].start, "Croeso", 6);
	assert_int_equal(parts->spans[1].kind, SPAN_REF);
	assert_true(parts->spans[1].generated);
	assert_string_equal(parts->spans[1].target, "guidance");
	assert_memory_equal(parts->text + parts->spans[1].start, SOURCE_REF_NAME,
			    strlen(SOURCE_REF_NAME));
	assert_int_equal(parts->spans[1].end - parts->spans[1].start,
			 strlen(SOURCE_REF_NAME));
	assert_string_equal(s->blocks[4].u.paragraph.lang, "cy");

	s = &doc->sections[1];
	assert_int_equal(s->number, 2);
	assert_int_equal(s->implication, IMPLICATION_FINANCIAL);
	assert_int_equal(s->block_count, 2);
	assert_int_equal(s->blocks[1].kind, BLOCK_SIGN_OFF);
	assert_string_equal(s->blocks[1].u.sign_off, "LD/06022024/A");
	s = &doc->sections[2];
	assert_int_equal(s->block_count, 1);
	assert_int_equal(s->blocks[0].kind, BLOCK_APPENDICES);
	source_free(doc);
	diag_list_free(&diags);
}

static void test_format_assessment(void **state)
{
	(void)state;
	struct diag_list diags = { 0 };
	struct source_doc *doc = load_format(&diags);
	assert_non_null(doc);
	assert_int_equal(doc->appendix_count, 4);
	for (unsigned i = 0; i < 4; i++)
		assert_int_equal(doc->appendices[i].number, i + 1);
	assert_false(doc->appendices[0].landscape);
	assert_true(doc->appendices[1].landscape);
	const struct source_appendix *a = &doc->appendices[1];
	assert_string_equal(a->title, "City of Wolverhampton Council Best Value Benchmarking");
	assert_int_equal(a->block_count, 1);
	assert_int_equal(a->blocks[0].kind, BLOCK_ASSESSMENT);
	const struct source_assessment *as = &a->blocks[0].u.assessment;
	assert_string_equal(as->id, "bv");
	assert_string_equal(as->previous_date, "2023-07-01");
	assert_true(as->heat_map);
	assert_int_equal(as->scale.rating_count, 4);
	assert_string_equal(as->scale.ratings[3].code, "B");
	assert_string_equal(as->scale.ratings[3].label, "Blue");
	assert_string_equal(as->scale.ratings[3].meaning, "Complete");
	assert_int_equal(as->scale.ratings[3].standing, STANDING_COMPLETE);
	assert_int_equal(as->theme_count, 1);
	const struct source_theme *t = &as->themes[0];
	assert_string_equal(t->ref, "CI");
	assert_string_equal(t->name, "Continuous Improvement");
	assert_int_equal(t->item_count, 2);
	assert_string_equal(t->items[0].ref, "CI001");
	assert_int_equal(t->items[0].rating_index, 2);
	assert_int_equal(t->items[0].previous_index, 1);
	assert_string_equal(t->items[0].owner, "Head of Strategy and Policy");
	assert_string_equal(t->items[0].due, "2024-06-30");
	assert_string_equal(t->items[1].see, "CI001");
	assert_null(t->items[1].rating);
	assert_int_equal(t->items[1].rating_index, -1);
	assert_string_equal(t->items[1].evidence.text, "");
	source_free(doc);
	diag_list_free(&diags);
}

static void test_format_risks(void **state)
{
	(void)state;
	struct diag_list diags = { 0 };
	struct source_doc *doc = load_format(&diags);
	assert_non_null(doc);
	const struct source_appendix *a = &doc->appendices[3];
	assert_true(a->landscape);
	assert_int_equal(a->blocks[0].kind, BLOCK_RISKS);
	const struct source_risks *r = &a->blocks[0].u.risks;
	assert_string_equal(r->id, "srr");
	assert_string_equal(r->previous_date, "2024-03-31");
	assert_null(r->previous_source);
	assert_true(r->heat_map_arrows);
	assert_string_equal(r->intro.text, "Risks are scored likelihood \u00d7 impact.");
	assert_int_equal(r->scale.rating_count, 3);
	assert_int_equal(r->likelihood.level_count, 3);
	assert_int_equal(r->likelihood.levels[0].code, 1);
	assert_string_equal(r->likelihood.levels[0].label, "Rare");
	assert_string_equal(r->likelihood.levels[0].meaning, "Less than 5% chance in a year");
	assert_string_equal(r->impact.levels[2].label, "Major");
	assert_int_equal(r->band_count, 3);
	assert_null(r->matrix);
	assert_int_equal(r->bands[2].from, 6);
	assert_int_equal(r->bands[2].to, 9);
	assert_string_equal(r->bands[2].rating, "R");
	assert_int_equal(r->bands[2].rating_index, 2);
	assert_int_equal(r->risk_count, 1);
	const struct source_risk *k = &r->risks[0];
	assert_string_equal(k->ref, "SR01");
	assert_string_equal(k->title.text, "Financial sustainability");
	assert_string_equal(k->cause.text, "Demand rises faster than funding.");
	assert_string_equal(k->consequence.text, "Services are cut at short notice.");
	assert_string_equal(k->owner, "Director of Finance");
	assert_true(k->inherent.present && k->inherent.score == 9);
	assert_int_equal(k->inherent.rating_index, 2);
	assert_true(k->current.likelihood == 2 && k->current.impact == 3);
	assert_int_equal(k->current.score, 6);
	assert_int_equal(k->current.rating_index, 2);
	assert_int_equal(k->target.score, 3);
	assert_int_equal(k->target.rating_index, 1);
	assert_int_equal(k->previous.score, 9);
	assert_string_equal(k->stated_rating, "R");
	assert_int_equal(k->stated_direction, RISK_DIRECTION_REDUCED);
	assert_int_equal(k->direction, RISK_DIRECTION_REDUCED);
	assert_int_equal(k->action_count, 1);
	assert_string_equal(k->actions[0].text.text, "Options to close the gap.");
	assert_string_equal(k->actions[0].owner, "Head of Finance");
	assert_string_equal(k->actions[0].due, "2024-09-30");
	assert_string_equal(k->reviewed, "2024-06-28");
	assert_int_equal(diags.count, 0);
	source_free(doc);
	diag_list_free(&diags);
}

static void test_format_performance(void **state)
{
	(void)state;
	struct diag_list diags = { 0 };
	struct source_doc *doc = load_format(&diags);
	assert_non_null(doc);
	const struct source_block *b = &doc->appendices[2].blocks[0];
	assert_int_equal(b->kind, BLOCK_PERFORMANCE);
	const struct source_performance *p = &b->u.performance;
	assert_string_equal(p->period, "2024-Q2");
	assert_string_equal(p->previous_period, "2024-Q1");
	assert_string_equal(p->previous_source, "source-format-q1.xml");
	assert_true(p->default_tolerance.present);
	assert_true(p->default_tolerance.value == 5.0);
	assert_int_equal(p->group_count, 1);
	const struct source_measure *m = &p->groups[0].measures[0];
	assert_string_equal(m->ref, "ASC01");
	assert_string_equal(m->unit, "%");
	assert_int_equal(m->polarity, POLARITY_HIGHER_IS_BETTER);
	assert_true(m->target.present && m->target.value == 85.0);
	assert_true(m->actual.present && m->actual.value == 82.5);
	assert_true(m->previous.present && m->previous.value == 80.0);
	assert_string_equal(m->stated_rating, "A");
	assert_string_equal(m->previous_rating, "R");
	/* Computed by rating_compute_performance: 82.5 is within 5% of 85. */
	assert_int_equal(m->rating_index, 1);
	assert_int_equal(m->previous_index, 2);
	assert_int_equal(m->travel, TRAVEL_IMPROVING);
	assert_int_equal(m->history_count, 2);
	assert_string_equal(m->history[0].period, "2023-Q3");
	assert_true(m->history[1].value == 79.0);
	assert_string_equal(m->owner, "Director of Adult Services");
	const struct source_measure *context = &p->groups[0].measures[1];
	assert_true(context->contextual);
	assert_int_equal(context->rating_index, -1);
	assert_false(context->target.present);
	source_free(doc);
	diag_list_free(&diags);
}

/* The same paper's second performance block takes its rows from
 * docs/source-format-measures.csv: the model XML groups would give. */
static void test_format_workbook_rows(void **state)
{
	(void)state;
	struct diag_list diags = { 0 };
	struct source_doc *doc = load_format(&diags);
	assert_non_null(doc);
	assert_int_equal(doc->appendices[2].block_count, 2);
	const struct source_block *b = &doc->appendices[2].blocks[1];
	assert_int_equal(b->kind, BLOCK_PERFORMANCE);
	const struct source_performance *p = &b->u.performance;
	assert_int_equal(p->group_count, 1);
	assert_string_equal(p->groups[0].name, "Children's Services");
	assert_int_equal(p->groups[0].measure_count, 2);
	const struct source_measure *m = &p->groups[0].measures[0];
	assert_string_equal(m->ref, "CS01");
	assert_string_equal(m->name.text, "Children seen within 5 days");
	assert_string_equal(m->stated_rating, "G"); /* written as its label */
	assert_string_equal(m->commentary.text, "Ahead of plan"); /* <column> */
	assert_int_equal(m->polarity, POLARITY_HIGHER_IS_BETTER);
	assert_true(m->target.present && m->target.value == 90.0);
	const struct source_measure *lower = &p->groups[0].measures[1];
	assert_int_equal(lower->polarity, POLARITY_LOWER_IS_BETTER);
	assert_null(lower->stated_rating);
	assert_int_equal(lower->rating_index, 2); /* 47 days against 45, no tolerance: R */
	/* Positions of workbook rows are the block's, in the source. */
	assert_int_equal(m->pos.line, b->pos.line);
	source_free(doc);
	diag_list_free(&diags);
}

/* ---- text ---- */

static void test_whitespace_and_nested_spans(void **state)
{
	(void)state;
	char *src = paper_with("<section><heading>  Two\n   words </heading>"
			       "<para>  The  <strong> bold </strong>\n and "
			       "<em>it<strong>x</strong></em>. &amp; <![CDATA[<raw>]]></para>"
			       "</section>");
	struct diag_list diags = { 0 };
	struct source_doc *doc = load_string(src, &diags);
	assert_non_null(doc);
	assert_string_equal(doc->sections[0].heading, "Two words");
	const struct source_text *t = &doc->sections[0].blocks[0].u.paragraph;
	assert_string_equal(t->text, "The bold and itx. & <raw>");
	assert_int_equal(t->span_count, 3);
	assert_int_equal(t->spans[0].kind, SPAN_STRONG);
	assert_int_equal(t->spans[0].start, 4);
	assert_int_equal(t->spans[0].end, 8);
	assert_int_equal(t->spans[1].kind, SPAN_EMPHASIS);
	assert_int_equal(t->spans[1].start, 13);
	assert_int_equal(t->spans[1].end, 16);
	assert_int_equal(t->spans[2].kind, SPAN_STRONG);
	assert_int_equal(t->spans[2].start, 15);
	assert_int_equal(t->spans[2].end, 16);
	source_free(doc);
	diag_list_free(&diags);
	free(src);
}

static void test_paragraph_numbering(void **state)
{
	(void)state;
	char *src = paper_with(
		"<section><heading>One</heading><para>a</para><para numbered=\"no\">b</para>"
		"<list><item>x</item></list><para>c</para></section>"
		"<section><heading>Two</heading><para>d</para></section>"
		"<appendix><title>A1</title><para>e</para></appendix>");
	struct diag_list diags = { 0 };
	struct source_doc *doc = load_string(src, &diags);
	assert_non_null(doc);
	const struct source_section *s = &doc->sections[0];
	assert_int_equal(s->block_count, 4);
	assert_int_equal(s->blocks[0].number, 1);
	assert_int_equal(s->blocks[1].number, 0);
	assert_int_equal(s->blocks[2].number, 0);
	assert_int_equal(s->blocks[3].number, 2);
	assert_int_equal(doc->sections[1].number, 2);
	assert_int_equal(doc->sections[1].blocks[0].number, 1);
	assert_int_equal(doc->appendices[0].number, 1);
	assert_int_equal(doc->appendices[0].blocks[0].number, 1);
	assert_string_equal(doc->lang, "en-GB"); /* the default */
	source_free(doc);
	diag_list_free(&diags);
	free(src);
}

/* ---- positions and collecting every problem ---- */

static void test_positions_count_characters(void **state)
{
	(void)state;
	/* 'é' is two bytes and one column; a comment holding '<x>' and an
	 * attribute holding '>' do not count as tags. */
	char *src = paper_with("<section><heading>H</heading>\n"
			       "<!-- <para> --><para title=\"a>b\">\xC3\xA9 <ref to=\"nowhere\">r</ref>"
			       "</para></section>");
	struct diag_list diags = { 0 };
	struct source_doc *doc = load_string(src, &diags);
	assert_null(doc);
	diag_sort(&diags);
	assert_int_equal(diags.count, 2);
	/* title="a>b": not an attribute of <para>, at the attribute's column. */
	assert_int_equal(diags.items[0].line, 4);
	assert_int_equal(diags.items[0].col, 22);
	assert_string_equal(diags.items[0].message, "title is not an attribute of <para>");
	assert_int_equal(diags.items[1].line, 4);
	assert_int_equal(diags.items[1].col, 41);
	assert_string_equal(diags.items[1].message,
			    "<ref to=\"nowhere\"> points to nothing: no id or ref in "
			    "this paper is \"nowhere\"");
	diag_list_free(&diags);
	free(src);
}

static void test_attribute_on_later_line(void **state)
{
	(void)state;
	char *src = paper_with("<section\n    implication=\"costs\"><heading>H</heading></section>");
	struct diag_list diags = { 0 };
	assert_null(load_string(src, &diags));
	assert_int_equal(diags.count, 1);
	assert_int_equal(diags.items[0].line, 4);
	assert_int_equal(diags.items[0].col, 5);
	assert_string_equal(diags.items[0].message,
			    "implication=\"costs\" on <section> is not allowed (expected "
			    "financial, legal, equalities or other)");
	diag_list_free(&diags);
	free(src);
}

static void test_every_problem_reported(void **state)
{
	(void)state;
	char *src = paper_with(
		"<section><heading>H</heading><para>see <ref to=\"x\">x</ref></para>"
		"<sign-off>bad</sign-off></section>\n"
		"<appendix><title>A</title><assessment><scale>"
		"<rating code=\"R\" label=\"Red\"/><rating code=\"R\" label=\"Again\"/></scale>"
		"<theme name=\"T\"><item ref=\"I1\" rating=\"Q\"><characteristic>c"
		"</characteristic><due>2023-02-29</due></item></theme></assessment></appendix>");
	struct diag_list diags = { 0 };
	assert_null(load_string(src, &diags));
	diag_sort(&diags);
	const char *expected[] = {
		"<ref to=\"x\"> points to nothing: no id or ref in this paper is \"x\"",
		"<sign-off> \"bad\" is not in the form initials/date/version, such as "
		"LD/06022024/A",
		"<sign-off> in a section that is not an implication (add "
		"implication=\"financial|legal|equalities|other\")",
		"rating code \"R\" appears twice in the scale",
		"rating \"Q\" of item I1 is not in the assessment's scale (R)",
		"<due> \"2023-02-29\" is not a real date (expected YYYY-MM-DD)",
	};
	assert_int_equal(diags.count, sizeof expected / sizeof expected[0]);
	for (size_t i = 0; i < diags.count; i++)
		assert_string_equal(diags.items[i].message, expected[i]);
	assert_int_equal(diag_count(&diags, DIAG_WARNING), 1);
	diag_list_free(&diags);
	free(src);
}

static void test_warnings_keep_the_model(void **state)
{
	(void)state;
	char *src = paper_with("<section><heading>H</heading><para>p</para>"
			       "<sign-off>AB/01012024/A</sign-off></section>");
	struct diag_list diags = { 0 };
	struct source_doc *doc = load_string(src, &diags);
	assert_non_null(doc);
	assert_int_equal(diag_count(&diags, DIAG_WARNING), 1);
	assert_int_equal(diag_count(&diags, DIAG_ERROR), 0);
	assert_string_equal(diags.items[0].file, "mem.xml");
	source_free(doc);
	diag_list_free(&diags);
	free(src);
}

/* A performance block whose stated rating has a space after it. */
static char *paper_with_stated(const char *rating)
{
	char *appendix = mem_printf(
		"<section><heading>H</heading></section>\n"
		"<appendix><title>A</title><performance id=\"q\" period=\"2024-Q2\">"
		"<scale><rating code=\"G\" label=\"On\" standing=\"met\"/>"
		"<rating code=\"A\" label=\"Near\" standing=\"partly\"/>"
		"<rating code=\"R\" label=\"Off\" standing=\"not-met\"/></scale>"
		"<group name=\"G1\"><measure ref=\"M1\" unit=\"%%\" polarity=\"higher\" "
		"target=\"85\" actual=\"86\" rating=\"%s\"><name>N</name></measure>"
		"</group></performance></appendix>", rating);
	char *src = paper_with(appendix);
	free(appendix);
	return src;
}

/* The loader gives a model or errors, never both: a stated rating that
 * matches nothing as written is refused by the rules, where it used to
 * reach the rating computation and come back with a model and an error. */
static void test_stated_rating_with_space(void **state)
{
	(void)state;
	char *src = paper_with_stated("X ");
	struct diag_list diags = { 0 };
	struct source_doc *doc = load_string(src, &diags);
	assert_null(doc);
	diag_sort(&diags);
	const char *expected[] = {
		"rating=\"X \" of measure M1 has a space at its end; codes and "
		"references are compared exactly, so write rating=\"X\"",
		"rating \"X\" of measure M1 is not in the performance scale (G, A, R)",
	};
	assert_int_equal(diags.count, 2);
	for (size_t i = 0; i < diags.count; i++) {
		assert_int_equal(diags.items[i].level, DIAG_ERROR);
		assert_string_equal(diags.items[i].message, expected[i]);
	}
	diag_list_free(&diags);
	free(src);
	/* Even "G ", which the schema and the model would both trim to G. */
	src = paper_with_stated("G ");
	assert_null(load_string(src, &diags));
	assert_int_equal(diag_count(&diags, DIAG_ERROR), 1);
	diag_list_free(&diags);
	free(src);
}

/* Errors already in the caller's list are not this source's: a valid
 * source still gives its model. */
static void test_earlier_errors_not_counted(void **state)
{
	(void)state;
	char *src = paper_with_stated("G");
	struct diag_list diags = { 0 };
	diag_add(&diags, DIAG_ERROR, "other.xml", 1, 1, "an earlier problem");
	struct source_doc *doc = load_string(src, &diags);
	assert_non_null(doc);
	assert_int_equal(diags.count, 1);
	source_free(doc);
	diag_list_free(&diags);
	free(src);
}

/* Editors point xsi:schemaLocation at the schema for help on hover; it is
 * accepted and never followed. */
static void test_schema_location_accepted(void **state)
{
	(void)state;
	char *src = paper_with("<section><heading>H</heading></section>");
	char *with_xsi = mem_printf(
		"<paper xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
		"xsi:schemaLocation=\"urn:committee-pdf:paper:1 http://example.com/p.xsd\"%s",
		src + strlen("<paper"));
	struct diag_list diags = { 0 };
	struct source_doc *doc = load_string(with_xsi, &diags);
	assert_non_null(doc);
	assert_int_equal(diags.count, 0);
	source_free(doc);
	diag_list_free(&diags);
	free(with_xsi);
	free(src);
}

/* Stray text is reported where it starts, not at its element. */
static void test_stray_text_position(void **state)
{
	(void)state;
	char *src = paper_with("<section><!-- x --><heading>H</heading>\n"
			       "  <para>p</para>  stray\n words</section>");
	struct diag_list diags = { 0 };
	assert_null(load_string(src, &diags));
	assert_int_equal(diags.count, 1);
	assert_int_equal(diags.items[0].line, 4);
	assert_int_equal(diags.items[0].col, 19);
	assert_string_equal(diags.items[0].message,
			    "text \"stray words\" cannot stand directly in <section>; it "
			    "belongs in one of its elements");
	diag_list_free(&diags);
	free(src);
}

static void test_scale_find(void **state)
{
	(void)state;
	struct source_rating ratings[] = {
		{ .code = "R" }, { .code = "ND" }, { .code = "G" },
	};
	struct source_scale scale = { ratings, 3 };
	assert_int_equal(source_scale_find(&scale, "G"), 2);
	assert_int_equal(source_scale_find(&scale, "ND"), 1);
	assert_int_equal(source_scale_find(&scale, "N"), -1);
	assert_int_equal(source_scale_find(&scale, NULL), -1);
	assert_int_equal(source_scale_find(NULL, "G"), -1);
}

/* A 5,000-item assessment: built whole, every item indexed in the scale. */
static void test_large_assessment(void **state)
{
	(void)state;
	size_t capacity = 5000 * 160 + 4096, n = 0;
	char *items = mem_alloc(capacity);
	for (int i = 0; i < 5000; i++)
		n += (size_t)snprintf(items + n, capacity - n,
				      "<item ref=\"I%04d\" rating=\"%s\"><characteristic>"
				      "Characteristic %d</characteristic></item>\n",
				      i, i % 3 ? "G" : "R", i);
	char *body = mem_printf("<section><heading>H</heading></section><appendix>"
				"<title>A</title><assessment><scale>"
				"<rating code=\"R\" label=\"Red\"/><rating code=\"G\" label=\"Green\"/>"
				"</scale><theme name=\"T\">%s</theme></assessment></appendix>",
				items);
	char *src = paper_with(body);
	struct diag_list diags = { 0 };
	struct source_doc *doc = load_string(src, &diags);
	assert_non_null(doc);
	const struct source_theme *t = &doc->appendices[0].blocks[0].u.assessment.themes[0];
	assert_int_equal(t->item_count, 5000);
	assert_string_equal(t->items[4999].ref, "I4999");
	assert_int_equal(t->items[4999].rating_index, 1);
	assert_int_equal(t->items[3].rating_index, 0);
	assert_string_equal(t->items[1234].characteristic.text, "Characteristic 1234");
	source_free(doc);
	diag_list_free(&diags);
	free(src);
	free(body);
	free(items);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_cover),
		cmocka_unit_test(test_format_recommendations),
		cmocka_unit_test(test_format_sections),
		cmocka_unit_test(test_format_table_and_figure),
		cmocka_unit_test(test_format_assessment),
		cmocka_unit_test(test_format_performance),
		cmocka_unit_test(test_format_workbook_rows),
		cmocka_unit_test(test_format_risks),
		cmocka_unit_test(test_whitespace_and_nested_spans),
		cmocka_unit_test(test_paragraph_numbering),
		cmocka_unit_test(test_positions_count_characters),
		cmocka_unit_test(test_attribute_on_later_line),
		cmocka_unit_test(test_every_problem_reported),
		cmocka_unit_test(test_warnings_keep_the_model),
		cmocka_unit_test(test_schema_location_accepted),
		cmocka_unit_test(test_stray_text_position),
		cmocka_unit_test(test_scale_find),
		cmocka_unit_test(test_stated_rating_with_space),
		cmocka_unit_test(test_earlier_errors_not_counted),
		cmocka_unit_test(test_large_assessment),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
