/* Risk ratings through the real loader: a score's band on each side of
 * every band boundary, a spelled-out matrix, a stated rating or direction
 * that disagrees (a warning at the attribute, the computed one used), the
 * direction from stated previous scores and from the last review's
 * register (previous-source and --previous), new and closed risks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "memory.h"
#include "rating.h"
#include "rating_risks.h"
#include "source.h"

#define NS "xmlns=\"urn:committee-pdf:paper:1\""

static const char *const axes =
	"<likelihood><level code=\"1\" label=\"Rare\"/><level code=\"2\" label=\"Unlikely\"/>"
	"<level code=\"3\" label=\"Possible\"/><level code=\"4\" label=\"Likely\"/>"
	"<level code=\"5\" label=\"Almost certain\"/></likelihood>\n"
	"<impact><level code=\"1\" label=\"Negligible\"/><level code=\"2\" label=\"Minor\"/>"
	"<level code=\"3\" label=\"Moderate\"/><level code=\"4\" label=\"Major\"/>"
	"<level code=\"5\" label=\"Critical\"/></impact>\n";

static const char *const bands =
	"<bands><band from=\"1\" to=\"4\" rating=\"G\"/><band from=\"5\" to=\"12\" rating=\"A\"/>"
	"<band from=\"15\" to=\"25\" rating=\"R\"/></bands>\n";

/* A paper whose one appendix holds a register: the scoring (bands or a
 * matrix) and the risks given; attributes go on <risks>. */
static char *register_paper(const char *attributes, const char *scoring,
			    const char *risks)
{
	return mem_printf(
		"<paper " NS ">\n"
		"<cover><authority>A</authority><committee>C</committee>"
		"<meeting-date>2024-07-18</meeting-date><marking>PUBLIC</marking>"
		"<title>T</title><cabinet-member><name>N</name></cabinet-member>"
		"<director><name>D</name></director><service>S</service>"
		"<employee><name>E</name></employee><considered-by/></cover>\n"
		"<section><heading>H</heading><para>P</para></section>\n"
		"<appendix><title>Register</title>\n"
		"<risks id=\"srr\"%s>\n"
		"<scale><rating code=\"G\" label=\"Low\" standing=\"met\"/>"
		"<rating code=\"A\" label=\"Medium\" standing=\"partly\"/>"
		"<rating code=\"R\" label=\"High\" standing=\"not-met\"/></scale>\n"
		"%s%s%s</risks></appendix>\n</paper>\n",
		attributes, axes, scoring, risks);
}

/* One risk on one line: extra attributes, its current likelihood and
 * impact, and an optional <previous>. */
static char *risk(const char *ref, const char *attributes, int likelihood,
		  int impact, const char *previous)
{
	return mem_printf(
		"<risk ref=\"%s\"%s><title>T</title><description>D</description>"
		"<owner>O</owner><inherent likelihood=\"5\" impact=\"5\"/>"
		"<current likelihood=\"%d\" impact=\"%d\"/>"
		"<target likelihood=\"1\" impact=\"1\"/>%s</risk>\n",
		ref, attributes, likelihood, impact, previous ? previous : "");
}

static struct source_doc *load(const char *text, const char *name,
			       struct diag_list *diags)
{
	struct source_doc *doc = source_load_memory(text, strlen(text), name, diags);
	if (!doc || diag_has_errors(diags))
		diag_print(diags, stderr);
	return doc;
}

static struct source_risks *register_of(struct source_doc *doc)
{
	assert_non_null(doc);
	assert_int_equal(doc->appendix_count, 1);
	assert_int_equal(doc->appendices[0].blocks[0].kind, BLOCK_RISKS);
	return &doc->appendices[0].blocks[0].u.risks;
}

static const char *code_of(const struct source_risks *r, int index)
{
	assert_true(index >= 0 && (size_t)index < r->scale.rating_count);
	return r->scale.ratings[index].code;
}

/* Count diagnostics of level whose message contains text. */
static size_t count_saying(const struct diag_list *diags, enum diag_level level,
			   const char *text)
{
	size_t n = 0;
	for (size_t i = 0; i < diags->count; i++)
		n += diags->items[i].level == level &&
		     strstr(diags->items[i].message, text) != NULL;
	return n;
}

/* ---- bands: each boundary ---- */

static void test_band_edges(void **state)
{
	(void)state;
	/* 1 × 1 = 1, 2 × 2 = 4, 1 × 5 = 5, 3 × 4 = 12, 3 × 5 = 15, 5 × 5 = 25 */
	static const struct {
		const char *ref;
		int likelihood, impact, score;
		const char *code;
	} cases[] = {
		{ "S1", 1, 1, 1, "G" },   { "S4", 2, 2, 4, "G" },
		{ "S5", 1, 5, 5, "A" },   { "S5b", 5, 1, 5, "A" },
		{ "S12", 3, 4, 12, "A" }, { "S15", 3, 5, 15, "R" },
		{ "S16", 4, 4, 16, "R" }, { "S25", 5, 5, 25, "R" },
	};
	size_t n = sizeof cases / sizeof *cases;
	char *risks = mem_strdup("");
	for (size_t i = 0; i < n; i++) {
		char *one = risk(cases[i].ref, "", cases[i].likelihood, cases[i].impact, NULL);
		char *both = mem_printf("%s%s", risks, one);
		free(one);
		free(risks);
		risks = both;
	}
	char *text = register_paper("", bands, risks);
	struct diag_list diags = { 0 };
	struct source_doc *doc = load(text, "edges.xml", &diags);
	struct source_risks *r = register_of(doc);
	assert_int_equal(diags.count, 0);
	assert_int_equal(r->risk_count, n);
	for (size_t i = 0; i < n; i++) {
		const struct source_risk *k = &r->risks[i];
		assert_string_equal(k->ref, cases[i].ref);
		assert_int_equal(k->current.score, cases[i].score);
		assert_string_equal(code_of(r, k->current.rating_index), cases[i].code);
		assert_string_equal(code_of(r, rating_risk_rating(r, cases[i].likelihood,
								  cases[i].impact)),
				    cases[i].code);
	}
	/* inherent 5 × 5 and target 1 × 1 are rated too */
	assert_int_equal(r->risks[0].inherent.score, 25);
	assert_string_equal(code_of(r, r->risks[0].inherent.rating_index), "R");
	assert_string_equal(code_of(r, r->risks[0].target.rating_index), "G");
	/* a score no pair of these scales makes lies between bands */
	assert_int_equal(rating_risk_rating(r, 13, 1), -1);
	size_t counts[4];
	rating_count_risks(r, counts);
	assert_int_equal(counts[0], 2); /* G */
	assert_int_equal(counts[1], 3); /* A */
	assert_int_equal(counts[2], 3); /* R */
	assert_int_equal(counts[3], 0);
	source_free(doc);
	diag_list_free(&diags);
	free(text);
	free(risks);
}

/* ---- a matrix the source spells out ---- */

static void test_matrix(void **state)
{
	(void)state;
	/* Likelihood 5 × impact 1 is High here, which no band over the
	 * score (5) would give; 1 × 5 is Medium. */
	const char *matrix =
		"<matrix><row likelihood=\"5\">R R R R R</row><row likelihood=\"4\">A A R R R</row>"
		"<row likelihood=\"3\">G A A R R</row><row likelihood=\"2\">G G A A R</row>"
		"<row likelihood=\"1\">G G G A A</row></matrix>\n";
	char *a = risk("M1", "", 5, 1, NULL);
	char *b = risk("M2", "", 1, 5, NULL);
	char *c = risk("M3", "", 3, 2, NULL);
	char *risks = mem_printf("%s%s%s", a, b, c);
	char *text = register_paper("", matrix, risks);
	struct diag_list diags = { 0 };
	struct source_doc *doc = load(text, "matrix.xml", &diags);
	struct source_risks *r = register_of(doc);
	assert_int_equal(diags.count, 0);
	assert_non_null(r->matrix);
	assert_int_equal(r->band_count, 0);
	assert_string_equal(code_of(r, r->risks[0].current.rating_index), "R");
	assert_int_equal(r->risks[0].current.score, 5);
	assert_string_equal(code_of(r, r->risks[1].current.rating_index), "A");
	assert_string_equal(code_of(r, r->risks[2].current.rating_index), "A");
	assert_string_equal(code_of(r, rating_risk_rating(r, 1, 1)), "G");
	assert_int_equal(rating_risk_rating(r, 6, 1), -1); /* not a likelihood */
	source_free(doc);
	diag_list_free(&diags);
	free(text);
	free(risks);
	free(a);
	free(b);
	free(c);
}

/* ---- stated ratings ---- */

static void test_stated_rating(void **state)
{
	(void)state;
	char *agrees = risk("ST1", " rating=\"A\"", 3, 4, NULL);
	char *differs = risk("ST2", " rating=\"R\"", 3, 4, NULL);
	char *edge = risk("ST3", " rating=\"A\"", 3, 5, NULL);
	char *risks = mem_printf("%s%s%s", agrees, differs, edge);
	char *text = register_paper("", bands, risks);
	struct diag_list diags = { 0 };
	struct source_doc *doc = load(text, "stated.xml", &diags);
	struct source_risks *r = register_of(doc);
	assert_int_equal(diag_count(&diags, DIAG_ERROR), 0);
	assert_int_equal(diag_count(&diags, DIAG_WARNING), 2);
	assert_string_equal(diags.items[0].message,
			    "risk ST2 is stated R (High) but its current score 3 \u00d7 4 "
			    "= 12 is in the band of A (Medium)");
	assert_string_equal(diags.items[1].message,
			    "risk ST3 is stated A (Medium) but its current score 3 \u00d7 5 "
			    "= 15 is in the band of R (High)");
	/* at the rating attribute of ST2's start tag, on line 11 */
	assert_int_equal(diags.items[0].line, 11);
	assert_int_equal(diags.items[0].col, 17);
	/* the computed rating is the one used */
	assert_string_equal(code_of(r, r->risks[1].current.rating_index), "A");
	assert_string_equal(code_of(r, r->risks[2].current.rating_index), "R");
	source_free(doc);
	diag_list_free(&diags);
	free(text);
	free(risks);
	free(agrees);
	free(differs);
	free(edge);
}

/* ---- directions from stated previous scores ---- */

static void test_direction_stated(void **state)
{
	(void)state;
	char *parts[] = {
		risk("D1", "", 3, 4, "<previous likelihood=\"4\" impact=\"4\"/>"),
		risk("D2", "", 4, 4, "<previous likelihood=\"3\" impact=\"4\"/>"),
		/* same score, other cell: unchanged */
		risk("D3", "", 2, 3, "<previous likelihood=\"3\" impact=\"2\"/>"),
		/* stated and no previous score: taken as stated */
		risk("D4", " direction=\"reduced\"", 2, 2, NULL),
		/* stated and contradicted: warned, the scores win */
		risk("D5", " direction=\"reduced\"", 4, 4,
		     "<previous likelihood=\"3\" impact=\"4\"/>"),
		risk("D6", "", 2, 2, NULL),
	};
	size_t n = sizeof parts / sizeof *parts;
	char *risks = mem_printf("%s%s%s%s%s%s", parts[0], parts[1], parts[2], parts[3],
				 parts[4], parts[5]);
	char *text = register_paper("", bands, risks);
	struct diag_list diags = { 0 };
	struct source_doc *doc = load(text, "direction.xml", &diags);
	struct source_risks *r = register_of(doc);
	assert_int_equal(r->risks[0].direction, RISK_DIRECTION_REDUCED);
	assert_int_equal(r->risks[0].previous.score, 16);
	assert_string_equal(code_of(r, r->risks[0].previous.rating_index), "R");
	assert_int_equal(r->risks[1].direction, RISK_DIRECTION_INCREASED);
	assert_int_equal(r->risks[2].direction, RISK_DIRECTION_UNCHANGED);
	assert_int_equal(r->risks[3].direction, RISK_DIRECTION_REDUCED);
	assert_int_equal(r->risks[4].direction, RISK_DIRECTION_INCREASED);
	assert_int_equal(r->risks[5].direction, RISK_DIRECTION_UNKNOWN);
	assert_int_equal(diag_count(&diags, DIAG_WARNING), 1);
	assert_string_equal(diags.items[0].message,
			    "risk D5 is stated reduced but its current score 16 against 12 "
			    "at the last review is increased");
	assert_int_equal(diags.items[0].line, 14); /* D5's line */
	assert_string_equal(rating_risk_direction_word(RISK_DIRECTION_REDUCED), "reduced");
	assert_string_equal(rating_risk_direction_arrow(RISK_DIRECTION_REDUCED), "\u2193");
	assert_string_equal(rating_risk_direction_arrow(RISK_DIRECTION_INCREASED), "\u2191");
	source_free(doc);
	diag_list_free(&diags);
	free(text);
	free(risks);
	for (size_t i = 0; i < n; i++)
		free(parts[i]);
}

/* ---- directions from the last review's register ---- */

struct folder {
	char path[64];
};

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* March: P1 16, P2 9, P3 6, P4 (closed by June) 4. June: P1 12, P2 12,
 * P3 6 (stating its own previous 8 × 1, which wins), P5 new unannounced,
 * P6 new and saying so. */
static void write_reviews(struct folder *dir, char **june_out)
{
	strcpy(dir->path, "/tmp/committee-risks-XXXXXX");
	assert_non_null(mkdtemp(dir->path));
	char *m[4] = {
		risk("P1", "", 4, 4, NULL), risk("P2", "", 3, 3, NULL),
		risk("P3", "", 3, 2, NULL), risk("P4", "", 2, 2, NULL),
	};
	char *march_risks = mem_printf("%s%s%s%s", m[0], m[1], m[2], m[3]);
	char *march = register_paper("", bands, march_risks);
	char *march_path = mem_printf("%s/march.xml", dir->path);
	write_file(march_path, march);
	char *j[5] = {
		risk("P1", "", 3, 4, NULL), risk("P2", "", 4, 3, NULL),
		risk("P3", "", 3, 2, "<previous likelihood=\"4\" impact=\"2\"/>"),
		risk("P5", "", 1, 1, NULL), risk("P6", " direction=\"new\"", 2, 1, NULL),
	};
	char *june_risks = mem_printf("%s%s%s%s%s", j[0], j[1], j[2], j[3], j[4]);
	char *june = register_paper(" previous-date=\"2024-03-31\" "
				    "previous-source=\"march.xml\"", bands, june_risks);
	*june_out = mem_printf("%s/june.xml", dir->path);
	write_file(*june_out, june);
	for (size_t i = 0; i < 4; i++)
		free(m[i]);
	for (size_t i = 0; i < 5; i++)
		free(j[i]);
	free(march_risks);
	free(march);
	free(march_path);
	free(june_risks);
	free(june);
}

static void remove_reviews(struct folder *dir, char *june)
{
	char *march = mem_printf("%s/march.xml", dir->path);
	unlink(march);
	unlink(june);
	rmdir(dir->path);
	free(march);
	free(june);
}

static void check_june(struct source_risks *r, const struct diag_list *diags)
{
	assert_int_equal(r->risks[0].direction, RISK_DIRECTION_REDUCED);
	assert_int_equal(r->risks[0].previous.score, 16);
	assert_int_equal(r->risks[1].direction, RISK_DIRECTION_INCREASED);
	assert_int_equal(r->risks[1].previous.score, 9);
	/* P3 states 4 × 2 = 8 itself: reduced, not unchanged against March */
	assert_int_equal(r->risks[2].direction, RISK_DIRECTION_REDUCED);
	assert_int_equal(r->risks[2].previous.score, 8);
	assert_int_equal(r->risks[3].direction, RISK_DIRECTION_NEW);
	assert_int_equal(r->risks[4].direction, RISK_DIRECTION_NEW);
	assert_int_equal(count_saying(diags, DIAG_WARNING,
				      "risk P5 is new: it is not in the review of "
				      "2024-03-31"), 1);
	assert_int_equal(count_saying(diags, DIAG_WARNING, "risk P6"), 0);
	assert_int_equal(count_saying(diags, DIAG_WARNING,
				      "risk P4 of the review of 2024-03-31 is no longer "
				      "in the register"), 1);
	assert_int_equal(diag_count(diags, DIAG_WARNING), 2);
	assert_int_equal(diag_count(diags, DIAG_ERROR), 0);
}

static void test_direction_previous_source(void **state)
{
	(void)state;
	struct folder dir;
	char *june_path;
	write_reviews(&dir, &june_path);
	struct diag_list diags = { 0 };
	struct source_doc *doc = source_load(june_path, &diags);
	struct source_risks *r = register_of(doc);
	/* before linking, only P3 (its own previous) and P6 (stated) */
	assert_int_equal(r->risks[0].direction, RISK_DIRECTION_UNKNOWN);
	assert_int_equal(r->risks[2].direction, RISK_DIRECTION_REDUCED);
	assert_int_equal(rating_link_previous(doc, NULL, &diags), 0);
	check_june(r, &diags);
	source_free(doc);
	diag_list_free(&diags);

	/* --previous names the same file: the same directions */
	char *march = mem_printf("%s/march.xml", dir.path);
	doc = source_load(june_path, &diags);
	r = register_of(doc);
	assert_int_equal(rating_link_previous_risks(doc, march, &diags), 0);
	check_june(r, &diags);
	source_free(doc);
	diag_list_free(&diags);
	free(march);
	remove_reviews(&dir, june_path);
}

static void test_previous_source_missing(void **state)
{
	(void)state;
	struct folder dir;
	char *june_path;
	write_reviews(&dir, &june_path);
	char *march = mem_printf("%s/march.xml", dir.path);
	unlink(march);
	struct diag_list diags = { 0 };
	struct source_doc *doc = source_load(june_path, &diags);
	assert_non_null(doc);
	assert_int_equal(rating_link_previous(doc, NULL, &diags), -1);
	assert_true(diag_has_errors(&diags));
	source_free(doc);
	diag_list_free(&diags);
	write_file(march, "not a paper");
	free(march);
	remove_reviews(&dir, june_path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_band_edges),
		cmocka_unit_test(test_matrix),
		cmocka_unit_test(test_stated_rating),
		cmocka_unit_test(test_direction_stated),
		cmocka_unit_test(test_direction_previous_source),
		cmocka_unit_test(test_previous_source_missing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
