/* House styles: loading the shipped layouts field by field, rating colours,
 * template expansion, contrast, lookup by name, positions and hostile files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <libxml/xmlerror.h>
#include <libxml/globals.h>

#include "memory.h"
#include "paths.h"
#include "style.h"
#include "style_internal.h"
#include "rating_colours.h"

#define MM(x) ((x) * 72.0 / 25.4)

static struct style *load_shipped(const char *name)
{
	char *dir = paths_layouts_dir();
	char *path = mem_printf("%s/%s.xml", dir, name);
	struct diag_list diags = { 0 };
	struct style *style = style_load(path, &diags);
	if (!style || diags.count)
		diag_print(&diags, stderr);
	assert_non_null(style);
	assert_int_equal(diags.count, 0);
	diag_list_free(&diags);
	free(path);
	free(dir);
	return style;
}

static void assert_font(const struct style_font *f, const char *family,
			double size_pt, int bold, int italic, style_rgb color)
{
	assert_string_equal(f->family, family);
	assert_float_equal(f->size_pt, size_pt, 1e-9);
	assert_int_equal(f->bold, bold);
	assert_int_equal(f->italic, italic);
	assert_int_equal(f->color, color);
}

static void test_committee_report(void **state)
{
	(void)state;
	struct style *s = load_shipped("committee-report");
	assert_string_equal(s->name, "committee-report");
	assert_non_null(strstr(s->path, "layouts/committee-report.xml"));
	assert_string_equal(style_title(s), "Committee report (portrait A4)");
	assert_float_equal(s->page.width_pt, 595.2756, 1e-3);
	assert_float_equal(s->page.height_pt, 841.8898, 1e-3);
	assert_int_equal(s->page.landscape, 0);
	assert_int_equal(s->landscape_assessments, 0);
	assert_float_equal(s->page.margin_top_pt, MM(25), 1e-9);
	assert_float_equal(s->page.margin_right_pt, MM(20), 1e-9);
	assert_float_equal(s->page.margin_bottom_pt, MM(22), 1e-9);
	assert_float_equal(s->page.margin_left_pt, MM(20), 1e-9);
	assert_font(&s->body, "Liberation Sans", 12, 0, 0, 0x0b0c0c);
	assert_font(&s->heading[0], "Liberation Sans", 12, 1, 0, 0x0b0c0c);
	assert_font(&s->heading[1], "Liberation Sans", 14, 1, 0, 0x0b0c0c);
	assert_font(&s->heading[2], "Liberation Sans", 12, 1, 1, 0x0b0c0c);
	assert_font(&s->cover_title, "Liberation Sans", 14, 1, 0, 0x0b0c0c);
	assert_font(&s->header_font, "Liberation Sans", 10, 1, 0, 0x0b0c0c);
	assert_font(&s->footer_font, "Liberation Sans", 9, 0, 0, 0x505a5f);
	assert_float_equal(s->paragraph_gap_pt, 8, 1e-9);
	assert_float_equal(s->number_indent_pt, MM(14), 1e-9);
	assert_float_equal(s->list_indent_pt, MM(8), 1e-9);
	assert_int_equal(s->link_color, 0x1d70b8);
	const struct style_table *t = &s->table;
	assert_float_equal(t->padding_pt, 4, 1e-9);
	assert_float_equal(t->border_pt, 0.5, 1e-9);
	assert_int_equal(t->border_color, 0x505a5f);
	assert_int_equal(t->header_fill, 0xdee0e2);
	assert_font(&t->header_font, "Liberation Sans", 10, 1, 0, 0x0b0c0c);
	assert_int_equal(t->theme_fill, 0x505a5f);
	assert_font(&t->theme_font, "Liberation Sans", 10, 1, 0, 0xffffff);
	assert_font(&t->cell_font, "Liberation Sans", 10, 0, 0, 0x0b0c0c);
	const double assessment[7] = { 1.1, 4.2, 1.7, 2.15, 5.05, 4, 1.8 };
	for (int i = 0; i < 7; i++)
		assert_float_equal(t->assessment_columns[i], assessment[i], 1e-9);
	const double performance[8] = { 1.1, 4, 1.65, 1.65, 2.15, 1.7, 2.2, 5.55 };
	for (int i = 0; i < 8; i++)
		assert_float_equal(t->performance_columns[i], performance[i], 1e-9);
	assert_float_equal(t->cover_key_proportion, 0.35, 1e-9);
	assert_int_equal(s->rating_count, 8);
	assert_null(s->ratings[7].code);
	/* a five-point scale's light green has its own colour, not the fallback */
	assert_int_equal(code_look(s, "LG").background, 0x85994b);
	assert_int_equal(code_look(s, "LG").text, 0x0b0c0c);
	assert_string_equal(s->header_left, "{marking-notice}");
	assert_string_equal(s->header_right, "");
	assert_string_equal(s->footer_left, "{committee} {meeting-date}");
	assert_string_equal(s->footer_center, "");
	assert_string_equal(s->footer_right, "{page-of-pages}");
	style_free(s);
}

static void test_landscape_layouts(void **state)
{
	(void)state;
	struct style *appendix = load_shipped("committee-report-landscape-appendix");
	assert_int_equal(appendix->page.landscape, 0);
	assert_int_equal(appendix->landscape_assessments, 1);
	assert_float_equal(appendix->body.size_pt, 12, 1e-9);
	struct style *dashboard = load_shipped("quarterly-dashboard");
	assert_int_equal(dashboard->page.landscape, 1);
	assert_int_equal(dashboard->landscape_assessments, 1);
	/* width/height stay the portrait paper; orientation is the flag */
	assert_true(dashboard->page.width_pt < dashboard->page.height_pt);
	assert_true(dashboard->table.cell_font.size_pt < appendix->table.cell_font.size_pt);
	assert_string_equal(dashboard->footer_center, "{status}");
	style_free(appendix);
	style_free(dashboard);
}

/* Every shipped layout: every palette pair and every filled cell contrasts
 * 4.5:1, and the codes sources use all have their own colours. */
static void test_shipped_contrast(void **state)
{
	(void)state;
	char *dir = paths_layouts_dir();
	DIR *d = opendir(dir);
	assert_non_null(d);
	int layouts = 0;
	for (struct dirent *e; (e = readdir(d));) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 4, ".xml") != 0)
			continue;
		char *name = mem_strndup(e->d_name, n - 4);
		struct style *s = load_shipped(name);
		for (size_t i = 0; i < s->rating_count; i++)
			assert_true(style_contrast(s->ratings[i].text,
						   s->ratings[i].background) >= 4.5);
		assert_true(style_contrast(s->table.header_font.color, s->table.header_fill) >= 4.5);
		assert_true(style_contrast(s->table.theme_font.color, s->table.theme_fill) >= 4.5);
		assert_true(style_contrast(s->body.color, 0xffffff) >= 4.5);
		assert_true(style_contrast(s->link_color, 0xffffff) >= 4.5);
		const char *codes[] = { "R", "A", "G", "B", "ND" };
		for (size_t i = 0; i < 5; i++)
			assert_int_equal(code_look(s, codes[i]).match,
					 STYLE_MATCH_CODE);
		assert_null(s->ratings[s->rating_count - 1].code);
		/* amber takes dark text in every layout */
		assert_true(style_contrast(code_look(s, "A").text, 0x000000) < 3.0);
		style_free(s);
		free(name);
		layouts++;
	}
	closedir(d);
	free(dir);
	assert_true(layouts >= 3);
}

static void test_rating_lookup(void **state)
{
	(void)state;
	struct style *s = load_shipped("committee-report");
	assert_int_equal(code_look(s, "R").background, 0xca3535);
	assert_int_equal(code_look(s, "R").text, 0xffffff);
	assert_int_equal(code_look(s, "A").background, 0xf47738);
	assert_int_equal(code_look(s, "A").text, 0x0b0c0c);
	assert_int_equal(code_look(s, "ND").background, 0xf3f2f1);
	struct style_rating_look unknown = code_look(s, "PURPLE");
	assert_int_equal(unknown.match, STYLE_MATCH_FALLBACK);
	assert_int_equal(unknown.background, 0xb1b4b6);
	assert_int_equal(code_look(s, NULL).match, STYLE_MATCH_FALLBACK);
	/* codes are exact */
	assert_int_equal(code_look(s, "r").match, STYLE_MATCH_FALLBACK);
	style_free(s);
}

static void test_expand(void **state)
{
	(void)state;
	const struct style_field fields[] = {
		{ "marking", "PUBLIC [NOT PROTECTIVELY MARKED]" },
		{ "page", "3" },
		{ "pages", "12" },
		{ "title", "Uses {page} literally" },
		{ "status", NULL },
		{ NULL, NULL },
	};
	char *s = style_expand("This report is {marking}", fields);
	assert_string_equal(s, "This report is PUBLIC [NOT PROTECTIVELY MARKED]");
	free(s);
	s = style_expand("Page {page} of {pages}", fields);
	assert_string_equal(s, "Page 3 of 12");
	free(s);
	s = style_expand("{committee} {meeting-date}", fields);
	assert_string_equal(s, "{committee} {meeting-date}");
	free(s);
	s = style_expand("{title}", fields); /* values are not expanded again */
	assert_string_equal(s, "Uses {page} literally");
	free(s);
	s = style_expand("[{status}] {page", fields);
	assert_string_equal(s, "[] {page");
	free(s);
	s = style_expand("", fields);
	assert_string_equal(s, "");
	free(s);
	s = style_expand("{{page}}", fields);
	assert_string_equal(s, "{3}");
	free(s);
	s = style_expand("{page}", NULL);
	assert_string_equal(s, "{page}");
	free(s);
}

static void test_contrast(void **state)
{
	(void)state;
	assert_float_equal(style_contrast(0x000000, 0xffffff), 21.0, 1e-9);
	assert_float_equal(style_contrast(0xffffff, 0x000000), 21.0, 1e-9);
	assert_float_equal(style_contrast(0x777777, 0x777777), 1.0, 1e-9);
	/* GOV.UK figures from the domain notes */
	double red = style_contrast(0xca3535, 0xffffff);
	assert_true(red > 5.1 && red < 5.3);
	double orange = style_contrast(0xf47738, 0xffffff);
	assert_true(orange > 2.7 && orange < 2.9);
	double dark_orange = style_contrast(0xb7592a, 0xffffff);
	assert_true(dark_orange > 4.5 && dark_orange < 4.8);
	assert_true(style_contrast(0x651b1b, 0xf4d7d7) > 6.9);
}

static void test_units(void **state)
{
	(void)state;
	assert_float_equal(style_length_pt("25.4mm"), 72.0, 1e-9);
	assert_float_equal(style_length_pt("11pt"), 11.0, 1e-9);
	assert_float_equal(style_length_pt("0.5pt"), 0.5, 1e-9);
	assert_int_equal(style_parse_rgb("#0B0c0c"), 0x0b0c0c);
	assert_int_equal(style_parse_rgb("#ffffff"), 0xffffff);
}

static char *write_temp(const char *dir, const char *name, const char *text)
{
	char *path = mem_printf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static char *shipped_text(const char *name)
{
	char *dir = paths_layouts_dir();
	char *path = mem_printf("%s/%s.xml", dir, name);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *text = mem_alloc(65536);
	size_t n = fread(text, 1, 65535, f);
	text[n] = '\0';
	fclose(f);
	free(path);
	free(dir);
	return text;
}

/* A shipped layout's text with the first occurrence of old replaced by
 * replacement; caller frees. */
static char *shipped_replacing(const char *name, const char *old,
			       const char *replacement)
{
	char *text = shipped_text(name);
	char *at = strstr(text, old);
	assert_non_null(at);
	char *edited = mem_printf("%.*s%s%s", (int)(at - text), text,
				  replacement, at + strlen(old));
	free(text);
	return edited;
}

static void test_find(void **state)
{
	(void)state;
	char template[] = "/tmp/style-find-XXXXXX";
	char *dir = mkdtemp(template);
	assert_non_null(dir);
	struct diag_list diags = { 0 };

	struct style *s = style_find("committee-report", dir, &diags);
	assert_non_null(s);
	assert_non_null(strstr(s->path, "layouts/committee-report.xml"));
	style_free(s);

	/* the source folder's own layouts/ wins over the shipped one */
	char *sub = mem_printf("%s/layouts", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	char *text = shipped_text("quarterly-dashboard");
	char *own = write_temp(sub, "quarterly-dashboard.xml", text);
	/* its logo goes with it, as it must with any copied layout */
	char *logo = write_temp(sub, "sample-logo.svg",
				"<svg xmlns=\"http://www.w3.org/2000/svg\" "
				"width=\"10\" height=\"10\"/>");
	s = style_find("quarterly-dashboard", dir, &diags);
	assert_non_null(s);
	assert_string_equal(s->path, own);
	style_free(s);

	/* a paper beside the source is not taken for a layout */
	char *paper = write_temp(dir, "committee-report.xml",
				 "<paper xmlns=\"urn:committee-pdf:paper:1\"/>\n");
	s = style_find("committee-report", dir, &diags);
	assert_non_null(s);
	assert_string_not_equal(s->path, paper);
	style_free(s);
	assert_int_equal(diags.count, 0);

	/* style_locate names the same files without loading them */
	char *located = style_locate("quarterly-dashboard", dir);
	assert_string_equal(located, own);
	free(located);
	located = style_locate("committee-report", dir);
	assert_non_null(located);
	assert_string_not_equal(located, paper);
	assert_non_null(strstr(located, "/layouts/committee-report.xml"));
	free(located);
	assert_null(style_locate("no-such-style", dir));
	located = style_locate("elsewhere/x.xml", dir);
	assert_string_equal(located, "elsewhere/x.xml");
	free(located);

	/* in a layouts/ folder a broken layout is reported, not passed over */
	char *broken = write_temp(sub, "committee-report.xml",
				  "<layout xmlns=\"urn:example:wrong\"/>\n");
	assert_null(style_find("committee-report", dir, &diags));
	assert_int_equal(diags.count, 1);
	assert_string_equal(diags.items[0].file, broken);
	assert_non_null(strstr(diags.items[0].message, "this is not a layout"));
	diag_clear(&diags);
	unlink(broken);
	free(broken);

	/* a path is loaded as is */
	s = style_find(own, NULL, &diags);
	assert_non_null(s);
	style_free(s);

	s = style_find("no-such-style", dir, &diags);
	assert_null(s);
	assert_int_equal(diags.count, 1);
	assert_non_null(strstr(diags.items[0].message, "no layout named 'no-such-style'"));
	assert_non_null(strstr(diags.items[0].message, dir));
	diag_list_free(&diags);

	unlink(own);
	unlink(logo);
	free(logo);
	unlink(paper);
	rmdir(sub);
	rmdir(dir);
	free(own);
	free(paper);
	free(sub);
	free(text);
}

/* Comments, a PI and CDATA that contain '<' must not shift positions;
 * columns count characters, not bytes. */
/* A source's layout attribute: names stay names, paths are read from the
 * source's folder and may not leave it (paths_named is the folder rule). */
static void test_source_relative(void **state)
{
	(void)state;
	char dir[] = "/tmp/test_style_relative_XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *styles = mem_printf("%s/styles", dir);
	assert_int_equal(mkdir(styles, 0777), 0);
	char *house = mem_printf("%s/house.xml", dir);
	char *nested = mem_printf("%s/house.xml", styles);
	char *paper = mem_printf("%s/paper.xml", dir);
	fclose(fopen(house, "w"));
	fclose(fopen(nested, "w"));
	struct {
		const char *layout, *expected; /* NULL: refused */
	} cases[] = {
		{ "committee-report", "committee-report" },
		{ "house.xml", house },
		{ "styles/house.xml", nested },
		{ "styles/../house.xml", NULL },  /* filled below */
		{ "../house.xml", NULL },
		{ "/etc/house.xml", NULL },
	};
	char *back = mem_printf("%s/styles/../house.xml", dir);
	cases[3].expected = back;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct diag_list diags = { 0 };
		char *got = style_source_layout(paper, cases[i].layout, 3, 8, &diags);
		if (cases[i].expected) {
			assert_non_null(got);
			assert_string_equal(got, cases[i].expected);
			assert_int_equal(diags.count, 0);
		} else {
			assert_null(got);
			assert_int_equal(diags.count, 1);
			assert_int_equal(diags.items[0].line, 3);
			assert_int_equal(diags.items[0].col, 8);
		}
		free(got);
		diag_list_free(&diags);
	}
	char *beside = paths_beside("papers", "q1.xml");
	assert_string_equal(beside, "papers/q1.xml");
	free(beside);
	unlink(house);
	unlink(nested);
	rmdir(styles);
	rmdir(dir);
	free(back);
	free(house);
	free(nested);
	free(paper);
	free(styles);
}

static void test_positions(void **state)
{
	(void)state;
	char *edited = shipped_replacing(
		"committee-report", "<page size=\"A4\"",
		"<!-- <fake a=\"b\"> -->\n  <?tool <x>?>\n  <description><![CDATA[<y>]]></description>\n"
		"  <!-- é -->  <page size=\"A5\"");
	/* drop the original description so the order stays valid */
	char *old = strstr(edited, "  <description>A committee");
	assert_non_null(old);
	char *end = strstr(old, "</description>\n") + strlen("</description>\n");
	memmove(old, end, strlen(end) + 1);
	char template[] = "/tmp/style-pos-XXXXXX";
	char *dir = mkdtemp(template);
	char *path = write_temp(dir, "committee-report.xml", edited);
	/* find the line of the page element in what was written */
	unsigned line = 1;
	char *page = strstr(edited, "<page size=\"A5\"");
	for (char *p = edited; p < page; p++)
		line += *p == '\n';
	struct diag_list diags = { 0 };
	struct style *s = style_load(path, &diags);
	assert_null(s);
	assert_int_equal(diags.count, 1);
	assert_int_equal(diags.items[0].line, line);
	assert_int_equal(diags.items[0].col, 15); /* "  <!-- é -->  " is 14 characters, 15 bytes */
	assert_string_equal(diags.items[0].message,
			    "<page> size=\"A5\" is not allowed: use one of A4, A3, Letter");
	diag_list_free(&diags);
	unlink(path);
	rmdir(dir);
	free(path);
	free(edited);
}

static void test_hostile(void **state)
{
	(void)state;
	char template[] = "/tmp/style-hostile-XXXXXX";
	char *dir = mkdtemp(template);
	struct diag_list diags = { 0 };

	/* an external entity naming a local file is never read */
	char *xxe = write_temp(dir, "xxe.xml",
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE layout [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
		"<layout xmlns=\"urn:committee-pdf:layout:1\" name=\"xxe\"><title>&secret;</title></layout>\n");
	assert_null(style_load(xxe, &diags));
	assert_int_equal(diags.count, 1);
	assert_int_equal(diags.items[0].line, 2);
	assert_int_equal(diags.items[0].col, 1);
	assert_non_null(strstr(diags.items[0].message, "DOCTYPE"));
	diag_clear(&diags);

	/* entity expansion (billion laughs) is refused before any expansion */
	char *laughs = write_temp(dir, "laughs.xml",
		"<?xml version=\"1.0\"?>\n<!DOCTYPE layout [\n"
		" <!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
		" <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
		" <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
		" <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
		"]>\n<layout xmlns=\"urn:committee-pdf:layout:1\" name=\"laughs\"><title>&d;&d;&d;</title></layout>\n");
	assert_null(style_load(laughs, &diags));
	assert_true(diag_has_errors(&diags));
	diag_clear(&diags);

	/* bigger than any layout */
	char *big_path = mem_printf("%s/big.xml", dir);
	FILE *f = fopen(big_path, "w");
	assert_non_null(f);
	fputs("<?xml version=\"1.0\"?>\n<!--", f);
	for (int i = 0; i < STYLE_MAX_FILE_BYTES / 64 + 2; i++)
		fputs("0123456789012345678901234567890123456789012345678901234567890123", f);
	fputs("-->\n", f);
	fclose(f);
	assert_null(style_load(big_path, &diags));
	assert_int_equal(diags.count, 1);
	assert_non_null(strstr(diags.items[0].message, "larger than"));
	diag_clear(&diags);

	char *missing = mem_printf("%s/absent.xml", dir);
	assert_null(style_load(missing, &diags));
	assert_int_equal(diags.count, 1);
	assert_non_null(strstr(diags.items[0].message, "cannot open the layout"));
	diag_list_free(&diags);

	unlink(xxe);
	unlink(laughs);
	unlink(big_path);
	rmdir(dir);
	free(xxe);
	free(laughs);
	free(big_path);
	free(missing);
}

/* Character references and the predefined entities are plain text in a
 * template; they need no DOCTYPE. */
static void test_escaped_template(void **state)
{
	(void)state;
	char *edited = shipped_replacing(
		"committee-report", "<footer left=\"{committee} {meeting-date}\"",
		"<footer left=\"Finance &amp; Audit &#x2014; &lt;{page}&gt;\"");
	char template[] = "/tmp/style-escaped-XXXXXX";
	char *dir = mkdtemp(template);
	char *path = write_temp(dir, "committee-report.xml", edited);
	struct diag_list diags = { 0 };
	struct style *s = style_load(path, &diags);
	assert_non_null(s);
	assert_string_equal(s->footer_left, "Finance & Audit \u2014 <{page}>");
	const struct style_field fields[] = { { "page", "2" }, { NULL, NULL } };
	char *expanded = style_expand(s->footer_left, fields);
	assert_string_equal(expanded, "Finance & Audit \u2014 <2>");
	free(expanded);
	style_free(s);
	diag_list_free(&diags);
	unlink(path);
	rmdir(dir);
	free(path);
	free(edited);
}

static int caller_errors;

static void caller_handler(void *context, xmlErrorPtr error)
{
	(void)context;
	(void)error;
	caller_errors++;
}

/* Loading a layout neither reports into nor replaces the caller's libxml2
 * error handler. */
static void test_error_handler_restored(void **state)
{
	(void)state;
	int context = 0;
	xmlSetStructuredErrorFunc(&context, caller_handler);
	char template[] = "/tmp/style-handler-XXXXXX";
	char *dir = mkdtemp(template);
	char *path = write_temp(dir, "broken.xml", "<layout><unclosed></layout>\n");
	struct diag_list diags = { 0 };
	assert_null(style_load(path, &diags));
	assert_true(diag_has_errors(&diags));
	assert_int_equal(caller_errors, 0);
	assert_ptr_equal(xmlStructuredError, caller_handler);
	assert_ptr_equal(xmlStructuredErrorContext, &context);
	xmlSetStructuredErrorFunc(NULL, NULL);
	diag_list_free(&diags);
	unlink(path);
	rmdir(dir);
	free(path);
}

static void test_readable_messages(void **state)
{
	(void)state;
	struct {
		const char *libxml2, *readable;
	} cases[] = {
		{ "Element '{urn:committee-pdf:layout:1}fonts': Missing child element(s). "
		  "Expected is ( {urn:committee-pdf:layout:1}footer-font ).\n",
		  "<fonts> is missing <footer-font>" },
		{ "Element '{urn:committee-pdf:layout:1}rating': The attribute 'code' is required but missing.\n",
		  "<rating> needs the attribute code" },
		{ "Element '{urn:committee-pdf:layout:1}text', attribute 'link-color': [facet 'pattern'] "
		  "The value 'blue' is not accepted by the pattern '#[0-9a-fA-F]{6}'.\n",
		  "<text> link-color=\"blue\" is not a colour: write it as #rrggbb (for example \"#0b0c0c\")" },
		{ "Element '{urn:committee-pdf:layout:1}cover-columns', attribute 'key': 'wide' is not a valid "
		  "value of the atomic type 'xs:decimal'.\n",
		  "<cover-columns> key=\"wide\" is not a number" },
		{ "Something libxml2 says\n", "Something libxml2 says" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = style_readable_schema_message(cases[i].libxml2);
		assert_string_equal(got, cases[i].readable);
		free(got);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_committee_report),
		cmocka_unit_test(test_landscape_layouts),
		cmocka_unit_test(test_shipped_contrast),
		cmocka_unit_test(test_rating_lookup),
		cmocka_unit_test(test_expand),
		cmocka_unit_test(test_contrast),
		cmocka_unit_test(test_units),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_source_relative),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_escaped_template),
		cmocka_unit_test(test_error_handler_restored),
		cmocka_unit_test(test_readable_messages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
