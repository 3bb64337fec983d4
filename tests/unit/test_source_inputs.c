/* The files a source names (source_inputs_read), on a scratch folder:
 *   DIR/src/paper.xml       the naming source
 *   DIR/src/...             the files it names, beside it
 *   DIR/outside/q0.xml      a file outside its folder */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "memory.h"
#include "source.h"

static char dir[] = "/tmp/test_source_inputs_XXXXXX";

static char *in_dir(const char *name)
{
	return mem_printf("%s/%s", dir, name);
}

static void write_file(const char *name, const char *text)
{
	char *path = in_dir(name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(path);
}

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	char *src = in_dir("src"), *outside = in_dir("outside");
	int rc = mkdir(src, 0777) || mkdir(outside, 0777);
	free(src);
	free(outside);
	write_file("src/house.xml", "<layout/>");
	write_file("src/r1.xml", "<paper/>");
	write_file("src/q1.xml", "<paper/>");
	write_file("src/themes.csv", "reference,rating\n");
	write_file("src/measures.xlsx", "PK");
	write_file("outside/q0.xml", "<paper/>");
	return rc;
}

static int teardown(void **state)
{
	(void)state;
	char *cmd = mem_printf("rm -rf '%s'", dir);
	int rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : -1;
}

#define PAPER_OPEN "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	"<paper xmlns=\"urn:committee-pdf:paper:1\" layout=\"house\">\n"

static void assert_path(const char *path, const char *name)
{
	char *expected = in_dir(name);
	assert_string_equal(path, expected);
	free(expected);
}

/* Every kind of named file, in document order, and those refused. */
static void test_named_files(void **state)
{
	(void)state;
	write_file("src/paper.xml", PAPER_OPEN
		   "<appendix>\n"
		   "  <risks previous-source=\"r1.xml\"/>\n"
		   "  <assessment src=\"themes.csv\"/>\n"
		   "  <performance src=\"measures.xlsx\" sheet=\"Measures\"\n"
		   "               previous-source=\"q1.xml\"/>\n"
		   "  <performance previous-source=\"../outside/q0.xml\"/>\n"
		   "  <performance previous-source=\"missing.xml\"/>\n"
		   "  <assessment src=\"\" previous-source=\"q1.xml\"/>\n"
		   "  <x:performance xmlns:x=\"urn:other\" previous-source=\"q1.xml\"/>\n"
		   "</appendix>\n"
		   "</paper>\n");
	char *source = in_dir("src/paper.xml");
	struct source_inputs inputs;
	assert_int_equal(source_inputs_read(source, &inputs), 0);
	assert_non_null(inputs.layout);
	assert_string_equal(inputs.layout, "house");
	assert_int_equal(inputs.count, 4);
	assert_path(inputs.paths[0], "src/r1.xml");
	assert_path(inputs.paths[1], "src/themes.csv");
	assert_path(inputs.paths[2], "src/measures.xlsx");
	assert_path(inputs.paths[3], "src/q1.xml");
	/* Out of the source's folder, and not there at all. */
	assert_int_equal(inputs.refused, 2);
	source_inputs_free(&inputs);
	assert_null(inputs.paths);
	free(source);
}

/* A source naming no layout and no files. */
static void test_nothing_named(void **state)
{
	(void)state;
	write_file("src/plain.xml", "<paper xmlns=\"urn:committee-pdf:paper:1\">"
				    "<section/></paper>");
	char *source = in_dir("src/plain.xml");
	struct source_inputs inputs;
	assert_int_equal(source_inputs_read(source, &inputs), 0);
	assert_null(inputs.layout);
	assert_int_equal(inputs.count, 0);
	assert_int_equal(inputs.refused, 0);
	source_inputs_free(&inputs);
	free(source);
}

static void assert_refused(const char *name)
{
	char *source = in_dir(name);
	struct source_inputs inputs;
	assert_int_equal(source_inputs_read(source, &inputs), -1);
	assert_null(inputs.layout);
	assert_int_equal(inputs.count, 0);
	source_inputs_free(&inputs);
	free(source);
}

/* Read as the loader reads a hostile source: nothing from a document that
 * is not well-formed, declares entities or is too large, and no waiting
 * on a FIFO. */
static void test_hostile_sources(void **state)
{
	(void)state;
	write_file("src/broken.xml", PAPER_OPEN
		   "<performance previous-source=\"q1.xml\">\n");
	assert_refused("src/broken.xml");

	write_file("src/entity.xml",
		   "<!DOCTYPE paper [<!ENTITY q SYSTEM \"q1.xml\">]>\n" PAPER_OPEN
		   "<performance previous-source=\"q1.xml\"/>&q;</paper>\n");
	assert_refused("src/entity.xml");

	char *big = in_dir("src/big.xml");
	FILE *f = fopen(big, "w");
	assert_non_null(f);
	fputs(PAPER_OPEN "<performance previous-source=\"q1.xml\"/></paper>", f);
	fclose(f);
	assert_int_equal(truncate(big, SOURCE_MAX_BYTES + 1), 0);
	assert_refused("src/big.xml");
	free(big);

	char *fifo = in_dir("src/fifo.xml");
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_refused("src/fifo.xml");
	free(fifo);

	assert_refused("src/absent.xml");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_named_files),
		cmocka_unit_test(test_nothing_named),
		cmocka_unit_test(test_hostile_sources),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
