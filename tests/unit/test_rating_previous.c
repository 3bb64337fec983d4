/* Linking a quarterly report with the previous quarter's source: files
 * written to a temporary folder, loaded with the real loader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "memory.h"
#include "paths.h"
#include "rating.h"

static const char paper_head[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<paper xmlns=\"urn:committee-pdf:paper:1\" xml:lang=\"en-GB\" status=\"final\">\n"
	"  <cover>\n"
	"    <authority>City of Wolverhampton Council</authority>\n"
	"    <committee>Adults Scrutiny Panel</committee>\n"
	"    <meeting-date>2024-09-12</meeting-date>\n"
	"    <marking>PUBLIC [NOT PROTECTIVELY MARKED]</marking>\n"
	"    <title>Quarterly performance</title>\n"
	"    <cabinet-member><name>Councillor A</name></cabinet-member>\n"
	"    <director><name>Director B</name></director>\n"
	"    <service>Adult Services</service>\n"
	"    <employee><name>Officer C</name></employee>\n"
	"    <considered-by/>\n"
	"  </cover>\n"
	"  <section id=\"purpose\"><heading>Purpose</heading>\n"
	"    <para>To report performance.</para></section>\n"
	"  <appendix id=\"performance\" landscape=\"yes\">\n"
	"    <title>Performance</title>\n";

static const char paper_scale[] =
	"      <scale>\n"
	"        <rating code=\"G\" label=\"On target\" standing=\"met\">On target</rating>\n"
	"        <rating code=\"A\" label=\"Within tolerance\" standing=\"partly\">Close</rating>\n"
	"        <rating code=\"R\" label=\"Off target\" standing=\"not-met\">Off</rating>\n"
	"        <rating code=\"ND\" label=\"No data\" standing=\"no-data\">None</rating>\n"
	"      </scale>\n"
	"      <group name=\"Adult Social Care\">\n";

static const char paper_tail[] =
	"      </group>\n"
	"    </performance>\n"
	"  </appendix>\n"
	"</paper>\n";

struct fixture {
	char dir[64];
	struct diag_list diags;
};

static char *write_source(const struct fixture *f, const char *name,
			  const char *performance_open, const char *measures)
{
	char *path = mem_printf("%s/%s", f->dir, name);
	FILE *out = fopen(path, "w");
	assert_non_null(out);
	fprintf(out, "%s%s\n%s%s%s", paper_head, performance_open, paper_scale,
		measures, paper_tail);
	fclose(out);
	return path;
}

static const char q1_measures[] =
	"        <measure ref=\"ASC01\" unit=\"%\" polarity=\"higher\" target=\"85\" actual=\"80\">\n"
	"          <name>Adults who feel safe</name></measure>\n"
	"        <measure ref=\"ASC02\" unit=\"%\" polarity=\"higher\" target=\"50\" actual=\"60\">\n"
	"          <name>Reviews on time</name></measure>\n";

static const char q2_measures[] =
	"        <measure ref=\"ASC01\" unit=\"%\" polarity=\"higher\" target=\"85\" actual=\"82.5\">\n"
	"          <name>Adults who feel safe</name></measure>\n"
	"        <measure ref=\"ASC03\" unit=\"days\" polarity=\"lower\" target=\"20\" actual=\"18\">\n"
	"          <name>Days to assessment</name></measure>\n";

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	snprintf(f->dir, sizeof f->dir, "/tmp/rating-previous-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	const char *names[] = { "q1.xml", "q2.xml" };
	for (size_t i = 0; i < 2; i++) {
		char *path = mem_printf("%s/%s", f->dir, names[i]);
		unlink(path);
		free(path);
	}
	rmdir(f->dir);
	diag_list_free(&f->diags);
	free(f);
	return 0;
}

static struct source_performance *first_performance(struct source_doc *doc)
{
	for (size_t a = 0; a < doc->appendix_count; a++)
		for (size_t b = 0; b < doc->appendices[a].block_count; b++)
			if (doc->appendices[a].blocks[b].kind == BLOCK_PERFORMANCE)
				return &doc->appendices[a].blocks[b].u.performance;
	fail_msg("no performance block");
	return NULL;
}

static const struct diag *find_diag(const struct diag_list *diags,
				    const char *message)
{
	for (size_t i = 0; i < diags->count; i++)
		if (strcmp(diags->items[i].message, message) == 0)
			return &diags->items[i];
	return NULL;
}

/* A source written by write_source, loaded; its own diagnostics are
 * dropped so that a test sees only those of linking. */
static struct source_doc *load_valid(struct fixture *f, const char *path)
{
	struct source_doc *doc = source_load(path, &f->diags);
	assert_non_null(doc);
	diag_clear(&f->diags);
	return doc;
}

static void test_previous_source_relative_to_the_source(void **state)
{
	struct fixture *f = *state;
	/* q1 names q2 as its own previous: one level only, so no loop */
	free(write_source(f, "q1.xml",
			  "    <performance id=\"q1\" period=\"2024-Q1\" "
			  "previous-source=\"q2.xml\" tolerance=\"5\">", q1_measures));
	char *q2 = write_source(f, "q2.xml",
				"    <performance id=\"q2\" period=\"2024-Q2\" "
				"previous-period=\"2024-Q1\" previous-source=\"q1.xml\" "
				"tolerance=\"5\">", q2_measures);
	struct source_doc *doc = load_valid(f, q2);
	assert_int_equal(rating_link_previous(doc, NULL, &f->diags), 0);
	assert_int_equal(diag_count(&f->diags, DIAG_ERROR), 0);

	struct source_performance *perf = first_performance(doc);
	const struct source_measure *asc01 = &perf->groups[0].measures[0];
	const struct source_measure *asc03 = &perf->groups[0].measures[1];
	assert_true(asc01->previous.present);
	assert_true(asc01->previous.value == 80);
	assert_string_equal(asc01->previous_rating, "R");
	assert_int_equal(asc01->travel, TRAVEL_IMPROVING);
	assert_int_equal(asc03->travel, TRAVEL_NEW);

	const struct diag *added = find_diag(&f->diags,
					     "measure ASC03 is new: it is not in 2024-Q1");
	const struct diag *removed = find_diag(&f->diags,
					       "measure ASC02 of 2024-Q1 is no longer reported");
	assert_non_null(added);
	assert_non_null(removed);
	assert_string_equal(added->file, q2);
	assert_int_equal(added->line, asc03->pos.line);
	assert_string_equal(removed->file, q2);
	assert_int_equal(removed->line, perf->pos.line);
	source_free(doc);
	free(q2);
}

static void test_previous_option_overrides(void **state)
{
	struct fixture *f = *state;
	char *q1 = write_source(f, "q1.xml",
				"    <performance id=\"q1\" period=\"2024-Q1\" tolerance=\"5\">",
				q1_measures);
	/* the source names a file that does not exist; the option wins */
	char *q2 = write_source(f, "q2.xml",
				"    <performance id=\"q2\" period=\"2024-Q2\" "
				"previous-source=\"missing.xml\" tolerance=\"5\">",
				q2_measures);
	struct source_doc *doc = load_valid(f, q2);
	assert_int_equal(rating_link_previous(doc, q1, &f->diags), 0);
	assert_int_equal(diag_count(&f->diags, DIAG_ERROR), 0);
	assert_true(first_performance(doc)->groups[0].measures[0].previous.value == 80);
	source_free(doc);
	free(q1);
	free(q2);
}

static void test_missing_previous_is_an_error_at_the_block(void **state)
{
	struct fixture *f = *state;
	char *q2 = write_source(f, "q2.xml",
				"    <performance id=\"q2\" period=\"2024-Q2\" "
				"previous-source=\"missing.xml\" tolerance=\"5\">",
				q2_measures);
	struct source_doc *doc = load_valid(f, q2);
	assert_int_equal(rating_link_previous(doc, NULL, &f->diags), -1);
	assert_true(diag_count(&f->diags, DIAG_ERROR) >= 1);
	int at_block = 0;
	for (size_t i = 0; i < f->diags.count; i++)
		if (strcmp(f->diags.items[i].file, q2) == 0 &&
		    f->diags.items[i].level == DIAG_ERROR &&
		    f->diags.items[i].line == first_performance(doc)->pos.line)
			at_block = 1;
	assert_true(at_block);
	/* nothing was applied */
	assert_int_equal(first_performance(doc)->groups[0].measures[1].travel,
			 TRAVEL_UNKNOWN);
	source_free(doc);
	free(q2);
}

/* A previous quarter that cannot be used: its errors are reported, its
 * warnings are not (they belong to last quarter's report), as for a risk
 * register's last review. */
static void test_broken_previous_keeps_only_its_errors(void **state)
{
	struct fixture *f = *state;
	char *q1_text = mem_strdup(q1_measures);
	char *q1_broken = mem_printf(
		"        <measure ref=\"ASC09\" kind=\"context\" rating=\"G\" "
		"unit=\"%%\" polarity=\"higher\" actual=\"80\">\n"
		"          <name>Context</name></measure>\n"
		"        <measure ref=\"ASC10\" unit=\"%%\" polarity=\"sideways\" "
		"target=\"50\" actual=\"60\">\n"
		"          <name>Broken</name></measure>\n%s", q1_text);
	char *q1 = write_source(f, "q1.xml",
				"    <performance id=\"q1\" period=\"2024-Q1\" tolerance=\"5\">",
				q1_broken);
	char *q2 = write_source(f, "q2.xml",
				"    <performance id=\"q2\" period=\"2024-Q2\" "
				"previous-source=\"q1.xml\" tolerance=\"5\">",
				q2_measures);
	struct source_doc *doc = load_valid(f, q2);
	assert_int_equal(rating_link_previous(doc, NULL, &f->diags), -1);
	int previous_error = 0;
	for (size_t i = 0; i < f->diags.count; i++) {
		const struct diag *d = &f->diags.items[i];
		assert_int_not_equal(d->level, DIAG_WARNING);
		if (strcmp(d->file, q1) == 0 && d->level == DIAG_ERROR)
			previous_error = 1;
	}
	assert_true(previous_error);
	source_free(doc);
	free(q1_broken);
	free(q1_text);
	free(q1);
	free(q2);
}

/* How every refusal of a file outside the source's folder ends. */
#define OUTSIDE_TAIL                                                        \
	"; a source may name only files in its own folder (name the file "  \
	"with --previous, or allow the folder with --allow-dir DIR)"

/* A source cannot make loading read a device or wait on a FIFO, even in
 * a folder it may name files in. */
static void test_previous_source_must_be_a_regular_file(void **state)
{
	struct fixture *f = *state;
	char *q2 = write_source(f, "q2.xml",
				"    <performance id=\"q2\" period=\"2024-Q2\" "
				"previous-source=\"/dev/null\" tolerance=\"5\">",
				q2_measures);
	struct source_doc *doc = load_valid(f, q2);
	assert_int_equal(rating_link_previous(doc, NULL, &f->diags), -1);
	assert_non_null(find_diag(&f->diags, "previous-source=\"/dev/null\" is "
				  "an absolute path" OUTSIDE_TAIL));
	diag_clear(&f->diags);
	assert_int_equal(paths_allow_dir("/dev"), 0);
	assert_int_equal(rating_link_previous(doc, NULL, &f->diags), -1);
	paths_allow_clear();
	const struct diag *d = find_diag(&f->diags, "previous-source=\"/dev/null\" "
					 "is a device, not a regular file");
	assert_non_null(d);
	/* at the attribute: line 19, after "    <performance id=... period=... " */
	assert_int_equal(d->line, 19);
	assert_int_equal(d->col, 43);
	source_free(doc);
	free(q2);
}

/* previous-source stays in the source's folder: ".." out of it and a link
 * out of it are refused, --previous FILE is not. */
static void test_previous_source_stays_in_its_folder(void **state)
{
	struct fixture *f = *state;
	char *q1 = write_source(f, "q1.xml",
				"    <performance id=\"q1\" period=\"2024-Q1\" tolerance=\"5\">",
				q1_measures);
	char *sub = mem_printf("%s/sub", f->dir);
	assert_int_equal(mkdir(sub, 0777), 0);
	char *q2 = write_source(f, "sub/q2.xml",
				"    <performance id=\"q2\" period=\"2024-Q2\" "
				"previous-source=\"../q1.xml\" tolerance=\"5\">",
				q2_measures);
	struct source_doc *doc = load_valid(f, q2);
	assert_int_equal(rating_link_previous(doc, NULL, &f->diags), -1);
	assert_non_null(find_diag(&f->diags, "previous-source=\"../q1.xml\" leads "
				  "out of the source's folder" OUTSIDE_TAIL));
	diag_clear(&f->diags);
	assert_int_equal(rating_link_previous(doc, q1, &f->diags), 0);
	source_free(doc);
	free(q2);

	char *link = mem_printf("%s/q1.xml", sub);
	assert_int_equal(symlink(q1, link), 0);
	q2 = write_source(f, "sub/q2.xml",
			  "    <performance id=\"q2\" period=\"2024-Q2\" "
			  "previous-source=\"q1.xml\" tolerance=\"5\">",
			  q2_measures);
	doc = load_valid(f, q2);
	diag_clear(&f->diags);
	assert_int_equal(rating_link_previous(doc, NULL, &f->diags), -1);
	assert_non_null(find_diag(&f->diags, "previous-source=\"q1.xml\" leads out "
				  "of the source's folder through a symbolic link"
				  OUTSIDE_TAIL));
	diag_clear(&f->diags);
	assert_int_equal(paths_allow_dir(f->dir), 0);
	assert_int_equal(rating_link_previous(doc, NULL, &f->diags), 0);
	paths_allow_clear();
	source_free(doc);
	unlink(link);
	unlink(q2);
	rmdir(sub);
	free(link);
	free(sub);
	free(q1);
	free(q2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_previous_source_relative_to_the_source,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_previous_option_overrides, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_missing_previous_is_an_error_at_the_block,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_broken_previous_keeps_only_its_errors,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_previous_source_stays_in_its_folder,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_previous_source_must_be_a_regular_file,
						setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
