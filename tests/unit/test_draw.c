/* The draw stage on a display list built through dl_add_*: PDF structure, text,
 * metadata, outline, links, repeatable bytes and whole-or-nothing output.
 * The PDF is read back with poppler-utils (a build dependency). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <dirent.h>
#include <glib.h>

#include "draw.h"
#include "shaped_text.h"
#include "test_files.h"

#define A4_SHORT 595.276
#define A4_LONG 841.89

/* Standard output of a poppler tool; the arguments end with NULL. */
static char *run_tool(const char *tool, ...)
{
	const char *argv[8] = { tool };
	size_t n = 1;
	va_list ap;
	va_start(ap, tool);
	const char *arg;
	while (n < 7 && (arg = va_arg(ap, const char *)))
		argv[n++] = arg;
	va_end(ap);
	char *out = NULL;
	int status = 0;
	GError *error = NULL;
	if (!g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL,
			  NULL, &out, NULL, &status, &error))
		fail_msg("cannot run %s: %s", tool, error->message);
	assert_int_equal(status, 0);
	return out;
}

/* Each needle appears in haystack after the previous one. */
static void assert_in_order(const char *haystack, const char *const *needles)
{
	const char *p = haystack;
	for (size_t i = 0; needles[i]; i++) {
		const char *found = strstr(p, needles[i]);
		if (!found)
			fail_msg("'%s' missing (or out of order) in:\n%s", needles[i],
				 haystack);
		p = found + strlen(needles[i]);
	}
}

static const void *find_bytes(const char *hay, size_t length, const char *needle,
			      size_t needle_length)
{
	for (size_t i = 0; i + needle_length <= length; i++)
		if (memcmp(hay + i, needle, needle_length) == 0)
			return hay + i;
	return NULL;
}

/* Runs of spaces made one, so column widths do not matter. */
static char *squeeze(char *text)
{
	char *out = text;
	for (const char *p = text; *p; p++)
		if (*p != ' ' || out == text || out[-1] != ' ')
			*out++ = *p;
	*out = '\0';
	return text;
}

static int occurrences(const char *haystack, const char *needle)
{
	int n = 0;
	for (const char *p = haystack; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

static const struct source_pos nowhere = { 0, 0 };

/* An empty list with the metadata the PDF tests look for. */
static struct display_list *list_with_metadata(void)
{
	struct display_list *list = dl_new();
	list->title = dl_strdup(list, "Best Value Self-Assessment");
	list->author = dl_strdup(list, "Example Council");
	list->subject = dl_strdup(list, "Audit and Risk Committee, 22 February 2024");
	list->create_date = dl_strdup(list, "2024-02-22T09:30:00Z");
	return list;
}

/* Two pages: a portrait report page and a landscape appendix page, with a
 * table running across both, furniture, a watermark, a figure and links. */
static struct display_list *sample_list(void)
{
	struct display_list *list = list_with_metadata();
	PangoContext *cx = fixture_context();
	const char *sans = "Liberation Sans 11", *bold = "Liberation Sans Bold 14";
	uint32_t artifact = dl_add_node(list, ROLE_ARTIFACT, 0, nowhere);
	uint32_t sect = dl_add_node(list, ROLE_SECTION, 0, nowhere);
	uint32_t h1 = dl_add_node(list, ROLE_HEADING, sect, nowhere);
	uint32_t para = dl_add_node(list, ROLE_PARAGRAPH, sect, nowhere);
	uint32_t link = dl_add_node(list, ROLE_LINK, para, nowhere);
	uint32_t table = dl_add_node(list, ROLE_TABLE, sect, nowhere);
	uint32_t row1 = dl_add_node(list, ROLE_TABLE_ROW, table, nowhere);
	uint32_t th1 = dl_add_node(list, ROLE_TABLE_HEADER, row1, nowhere);
	uint32_t th2 = dl_add_node(list, ROLE_TABLE_HEADER, row1, nowhere);
	uint32_t row2 = dl_add_node(list, ROLE_TABLE_ROW, table, nowhere);
	uint32_t td1 = dl_add_node(list, ROLE_TABLE_CELL, row2, nowhere);
	uint32_t td2 = dl_add_node(list, ROLE_TABLE_CELL, row2, nowhere);
	uint32_t td_empty = dl_add_node(list, ROLE_TABLE_CELL, row2, nowhere);
	uint32_t row3 = dl_add_node(list, ROLE_TABLE_ROW, table, nowhere);
	uint32_t td3 = dl_add_node(list, ROLE_TABLE_CELL, row3, nowhere);
	uint32_t td4 = dl_add_node(list, ROLE_TABLE_CELL, row3, nowhere);
	uint32_t sect2 = dl_add_node(list, ROLE_SECTION, 0, nowhere);
	uint32_t h2 = dl_add_node(list, ROLE_HEADING, sect2, nowhere);
	uint32_t para2 = dl_add_node(list, ROLE_PARAGRAPH, sect2, nowhere);
	uint32_t figure = dl_add_node(list, ROLE_FIGURE, sect2, nowhere);

	size_t p0 = dl_add_page(list, A4_SHORT, A4_LONG);
	test_text(list, cx, p0, artifact, 56, 20, sans, "PUBLIC [NOT PROTECTIVELY MARKED]", 0x000000);
	dl_add_dest(list, p0, sect, "section-1", 56, 70);
	test_text(list, cx, p0, h1, 56, 70, bold, "1.0 Purpose", 0x1F3864);
	test_text(list, cx, p0, para, 56, 100, sans, "The office reviewed the findings.", 0x000000);
	struct dl_box *lbox = test_box(list, p0, BOX_LINK, link, 56, 100, 60, 14);
	lbox->u.link.uri = dl_strdup(list, "https://example.org/it's(x)\\here");
	test_text(list, cx, p0, para, 56, 114, sans, "It reports to the Committee.", 0x000000);
	dl_add_rect(list, p0, th1, 56, 140, 480, 18, 0x1F3864, DL_NO_COLOR, 0);
	test_text(list, cx, p0, th1, 60, 142, sans, "Reference", 0xFFFFFF);
	test_text(list, cx, p0, th2, 300, 142, sans, "Rating", 0xFFFFFF);
	dl_add_rule(list, p0, td1, 56, 158, 480, 0, 0x808080, 0.5);
	test_text(list, cx, p0, td1, 60, 162, sans, "CI001", 0x000000);
	test_text(list, cx, p0, td2, 300, 162, sans, "Green", 0x000000);
	dl_add_rect(list, p0, td_empty, 400, 158, 136, 18, DL_NO_COLOR, 0x808080, 0.5);
	struct dl_box *back = test_box(list, p0, BOX_LINK, 0, 56, 200, 40, 14);
	back->u.link.dest = dl_strdup(list, "section-2");
	test_text(list, cx, p0, artifact, 56, 800, sans, "Page 1 of 2", 0x000000);

	size_t p1 = dl_add_page(list, A4_LONG, A4_SHORT);
	test_text(list, cx, p1, artifact, 56, 20, sans, "Audit and Risk Committee", 0x000000);
	dl_add_rect(list, p1, artifact, 56, 40, 700, 18, 0x1F3864, DL_NO_COLOR, 0);
	test_text(list, cx, p1, artifact, 60, 42, sans, "Reference", 0xFFFFFF);
	test_text(list, cx, p1, td3, 60, 62, sans, "CI002", 0x000000);
	test_text(list, cx, p1, td4, 300, 62, sans, "Amber", 0x000000);
	dl_add_dest(list, p1, sect2, "section-2", 56, 100);
	/* A number and a heading as two boxes, as the layout places them. */
	test_text(list, cx, p1, h2, 56, 100, bold, "2.0", 0x1F3864);
	test_text(list, cx, p1, h2, 90, 100, bold, "Background", 0x1F3864);
	test_text(list, cx, p1, para2, 56, 130, sans, "Appendix text comes last.", 0x000000);
	dl_add_rect(list, p1, figure, 56, 200, 100, 30, 0x00B050, DL_NO_COLOR, 0);
	struct dl_box *trend = test_box(list, p1, BOX_PATH, figure, 0, 0, 0, 0);
	trend->stroke = 0x000000;
	trend->line_width_pt = 1;
	trend->u.path.points_pt = arena_alloc(list->arena, 6 * sizeof(double));
	memcpy(trend->u.path.points_pt, (double[]){ 60, 300, 120, 260, 180, 280 },
	       6 * sizeof(double));
	trend->u.path.point_count = 3;
	struct dl_box *mark = test_text(list, cx, p1, artifact, 200, 500, bold, "DRAFT", 0xD0D0D0);
	mark->u.text.angle_deg = -30;
	test_text(list, cx, p1, artifact, 56, 570, sans, "Page 2 of 2", 0x000000);

	dl_add_outline(list, "1.0 Purpose", -1, 0, 70);
	dl_add_outline(list, "2.0 Background", -1, 1, 100);
	dl_add_outline(list, "Appendix text", 1, 1, 130);
	dl_finish(list);
	g_object_unref(cx);
	return list;
}

static char *write_sample(const char *dir, const char *name,
			  const struct display_list *list)
{
	char *path = g_build_filename(dir, name, NULL);
	struct diag_list diags = { 0 };
	int status = draw_pdf(list, path, &diags);
	if (status != 0)
		diag_print(&diags, stderr);
	assert_int_equal(status, 0);
	assert_int_equal(diags.count, 0);
	diag_list_free(&diags);
	return path;
}

static void test_pdf_pages_and_metadata(void **state)
{
	(void)state;
	char *dir = temp_dir("test_draw");
	struct display_list *list = sample_list();
	char *path = write_sample(dir, "paper.pdf", list);
	char *out = squeeze(run_tool("pdfinfo", "-l", "2", path, NULL));
	assert_non_null(strstr(out, "Pages: 2"));
	assert_non_null(strstr(out, "Page 1 size: 595.276 x 841.89 pts (A4)"));
	assert_non_null(strstr(out, "Page 2 size: 841.89 x 595.276 pts (A4)"));
	assert_non_null(strstr(out, "Title: Best Value Self-Assessment"));
	assert_non_null(strstr(out, "Author: Example Council"));
	assert_non_null(strstr(out, "Creator: committee-pdf "));
	assert_non_null(strstr(out, "Tagged: yes"));
	/* The fixed date, never the clock. */
	assert_non_null(strstr(out, "CreationDate: Thu Feb 22 09:30:00 2024"));
	g_free(out);
	dl_free(list);
	g_free(path);
	remove_dir(dir);
	free(dir);
}

static void test_pdf_structure(void **state)
{
	(void)state;
	char *dir = temp_dir("test_draw");
	struct display_list *list = sample_list();
	char *path = write_sample(dir, "paper.pdf", list);
	char *tree = run_tool("pdfinfo", "-struct-text", path, NULL);
	const char *order[] = { "Document", "Sect", "H1", "1.0 Purpose", "P",
				"The office reviewed", "It reports", "Link",
				"Object", "Table", "TR", "TH", "Reference", "TH", "Rating",
				"TR", "TD", "CI001", "TD", "Green", "TR", "TD",
				"CI002", "TD", "Amber", "Sect", "H1",
				"2.0 Background", "P", "Appendix text", "Figure",
				NULL };
	assert_in_order(tree, order);
	/* Boxes of one element read with a space between them. */
	assert_non_null(strstr(tree, "\"The office reviewed the findings. It reports to the Committee.\""));
	assert_non_null(strstr(tree, "\"2.0 Background\""));
	assert_null(strstr(tree, "findings.  It"));
	/* The empty cell keeps its place in the row. */
	assert_int_equal(occurrences(tree, "TD"), 5);
	assert_non_null(strstr(tree, "\"Green\"\n        TD\n          \"\"\n"));
	/* One table across both pages. */
	assert_int_equal(occurrences(tree, "Table"), 1);
	/* Furniture, the repeated header and the watermark are no content. */
	assert_null(strstr(tree, "PUBLIC"));
	assert_null(strstr(tree, "Page 1 of 2"));
	assert_null(strstr(tree, "Audit and Risk"));
	assert_null(strstr(tree, "DRAFT"));
	assert_int_equal(occurrences(tree, "\"Reference\""), 1);
	g_free(tree);
	dl_free(list);
	g_free(path);
	remove_dir(dir);
	free(dir);
}

static void test_pdf_text_is_real(void **state)
{
	(void)state;
	char *dir = temp_dir("test_draw");
	struct display_list *list = sample_list();
	char *path = write_sample(dir, "paper.pdf", list);
	char *text = run_tool("pdftotext", path, "-", NULL);
	/* "office" is shaped with an fi ligature: the clusters give back the
	 * letters. */
	const char *order[] = { "PUBLIC", "1.0 Purpose", "The office reviewed",
				"CI001", "Green", "CI002", "Background",
				"Appendix text comes last.", NULL };
	assert_in_order(text, order);
	g_free(text);
	char *fonts = run_tool("pdffonts", path, NULL);
	/* Every font embedded and subset: "XXXXXX+Name ... yes yes". */
	int lines = 0;
	for (char *line = strtok(fonts, "\n"); line; line = strtok(NULL, "\n")) {
		if (++lines <= 2)
			continue; /* the heading and its rule */
		assert_non_null(strchr(line, '+'));
		assert_non_null(strstr(line, " yes yes "));
	}
	assert_true(lines >= 4); /* regular and bold */
	g_free(fonts);
	dl_free(list);
	g_free(path);
	remove_dir(dir);
	free(dir);
}

static void test_pdf_outline_links_and_dests(void **state)
{
	(void)state;
	char *dir = temp_dir("test_draw");
	struct display_list *list = sample_list();
	char *path = write_sample(dir, "paper.pdf", list);
	/* Objects sit in compressed object streams: read them as qpdf lays
	 * them out. */
	char *qdf = g_build_filename(dir, "paper.qdf", NULL);
	g_free(run_tool("qpdf", "--qdf", "--object-streams=disable", path, qdf,
			NULL));
	size_t length;
	char *pdf = read_whole(qdf, &length);
	g_free(qdf);
	/* The outline: two entries at the top, one below the second. */
	assert_non_null(find_bytes(pdf, length, "/Type /Outlines", 15));
	assert_non_null(find_bytes(pdf, length, "/Count 2", 8));
	/* The quote passes Cairo's attribute syntax; the parentheses and the
	 * backslash, which Cairo would copy into the PDF string unescaped,
	 * are percent-encoded. */
	const char *uri = "/URI (https://example.org/it's%28x%29%5Chere)";
	assert_non_null(find_bytes(pdf, length, uri, strlen(uri)));
	assert_non_null(find_bytes(pdf, length, "/Dest (section-2)", 17));
	g_free(pdf);
	char *dests = run_tool("pdfinfo", "-dests", path, NULL);
	assert_non_null(strstr(dests, "\"section-1\""));
	assert_non_null(strstr(dests, "\"section-2\""));
	g_free(dests);
	dl_free(list);
	g_free(path);
	remove_dir(dir);
	free(dir);
}

static void test_pdf_bytes_repeat(void **state)
{
	(void)state;
	char *dir = temp_dir("test_draw");
	struct display_list *list = sample_list();
	char *first = write_sample(dir, "first.pdf", list);
	char *second = write_sample(dir, "second.pdf", list);
	size_t a_length, b_length;
	char *a = read_whole(first, &a_length), *b = read_whole(second, &b_length);
	assert_int_equal(a_length, b_length);
	assert_memory_equal(a, b, a_length);
	g_free(a);
	g_free(b);
	dl_free(list);
	g_free(first);
	g_free(second);
	remove_dir(dir);
	free(dir);
}

/* A list whose text names a font the list does not hold cannot be drawn:
 * the good PDF already at the path stays, no temporary file is left. */
static void test_pdf_failure_keeps_old_file(void **state)
{
	(void)state;
	char *dir = temp_dir("test_draw");
	char *path = g_build_filename(dir, "paper.pdf", NULL);
	assert_true(g_file_set_contents(path, "%PDF-good", -1, NULL));
	struct display_list *list = sample_list();
	list->pages[0].boxes[2].u.text.runs[0].font = 999;
	struct diag_list diags = { 0 };
	assert_int_equal(draw_pdf(list, path, &diags), 1);
	assert_true(diag_has_errors(&diags));
	assert_string_equal(diags.items[0].file, path);
	size_t length;
	char *bytes = read_whole(path, &length);
	assert_int_equal(length, 9);
	assert_memory_equal(bytes, "%PDF-good", 9);
	g_free(bytes);
	assert_int_equal(count_entries(dir), 1);
	diag_list_free(&diags);
	dl_free(list);
	g_free(path);
	remove_dir(dir);
	free(dir);
}

static void test_pdf_missing_folder(void **state)
{
	(void)state;
	char *dir = temp_dir("test_draw");
	char *path = g_build_filename(dir, "no-such-folder", "paper.pdf", NULL);
	struct display_list *list = sample_list();
	struct diag_list diags = { 0 };
	assert_int_equal(draw_pdf(list, path, &diags), 1);
	assert_int_equal(diags.count, 1);
	assert_non_null(strstr(diags.items[0].message, "no-such-folder"));
	assert_non_null(strstr(diags.items[0].message, "No such file"));
	assert_int_equal(count_entries(dir), 0);
	diag_list_free(&diags);
	dl_free(list);
	g_free(path);
	remove_dir(dir);
	free(dir);
}

/* Whatever the list holds, Cairo is never handed something that puts it in
 * an error state: bad clusters and text fall back to glyphs without text,
 * loops in the tree end at the document, odd numbers are skipped. */
static void test_pdf_odd_list(void **state)
{
	(void)state;
	char *dir = temp_dir("test_draw");
	struct display_list *list = list_with_metadata();
	PangoContext *cx = fixture_context();
	uint32_t a = dl_add_node(list, ROLE_PARAGRAPH, 0, nowhere);
	uint32_t b = dl_add_node(list, ROLE_PARAGRAPH, a, nowhere);
	list->nodes[a].parent = b; /* a loop */
	uint32_t cell = dl_add_node(list, ROLE_TABLE_CELL, 999, nowhere); /* parent out of range */
	size_t p0 = dl_add_page(list, A4_SHORT, A4_LONG);
	struct dl_box *bad_utf8 = test_text(list, cx, p0, b, 56, 56, "Liberation Sans 11", "Plain text", 0);
	((char *)bad_utf8->u.text.runs[0].text)[2] = (char)0xC3; /* invalid UTF-8 */
	struct dl_box *bad_clusters = test_text(list, cx, p0, a, 56, 80, "Liberation Sans 11", "Clusters", 0);
	struct dl_run *run = &bad_clusters->u.text.runs[0];
	run->glyphs[run->glyph_count - 1].cluster = 500; /* past the text */
	struct dl_box *shuffled = test_text(list, cx, p0, 4242, 56, 100, "Liberation Sans 11", "Order", 0);
	shuffled->u.text.runs[0].glyphs[0].cluster = 3; /* neither rising nor falling */
	struct dl_box *nan = test_box(list, p0, BOX_RECT, cell, 0.0 / 0.0, 10, 10, 10);
	nan->fill = 0xFF0000;
	struct dl_box *path = test_box(list, p0, BOX_PATH, cell, 0, 0, 0, 0);
	path->stroke = 0;
	path->line_width_pt = 1;
	path->u.path.point_count = 1; /* a single point: nothing to stroke */
	path->u.path.points_pt = arena_alloc(list->arena, 2 * sizeof(double));
	struct dl_box *empty_link = test_box(list, p0, BOX_LINK, a, 10, 10, 10, 10);
	(void)empty_link; /* neither uri nor dest */
	for (int i = 0; i < 2; i++) /* twice, with parentheses */
		dl_add_dest(list, p0, 0, "same (name)", 10, 10);
	struct dl_box *link = test_box(list, p0, BOX_LINK, 0, 10, 200, 50, 12);
	link->u.link.dest = "same (name)";
	dl_add_outline(list, "Beyond the last page", -1, 7, 0);
	dl_add_outline(list, "Parent after child", 5, 0, 0);
	g_object_unref(cx);

	char *path_pdf = write_sample(dir, "odd.pdf", list);
	char *info = run_tool("pdfinfo", path_pdf, NULL);
	assert_non_null(strstr(info, "Tagged:"));
	g_free(info);
	char *text = run_tool("pdftotext", path_pdf, "-", NULL);
	assert_non_null(strstr(text, "Order"));
	assert_non_null(strstr(text, "Clusters"));
	g_free(text);
	char *dests = run_tool("pdfinfo", "-dests", path_pdf, NULL);
	assert_int_equal(occurrences(dests, "same%20%28name%29"), 1);
	g_free(dests);

	/* A page without a usable size is refused before any file exists. */
	list->pages[0].width_pt = 0;
	char *refused = g_build_filename(dir, "refused.pdf", NULL);
	struct diag_list diags = { 0 };
	assert_int_equal(draw_pdf(list, refused, &diags), 1);
	assert_true(diag_has_errors(&diags));
	assert_false(g_file_test(refused, G_FILE_TEST_EXISTS));
	diag_list_free(&diags);
	g_free(refused);
	g_free(path_pdf);
	dl_free(list);
	remove_dir(dir);
	free(dir);
}

static void test_png_pages(void **state)
{
	(void)state;
	char *dir = temp_dir("test_draw");
	struct display_list *list = sample_list();
	struct diag_list diags = { 0 };
	assert_int_equal(draw_png(list, dir, "paper", 36, NULL, &diags), 2);
	char *first = g_build_filename(dir, "paper-1.png", NULL);
	cairo_surface_t *image = cairo_image_surface_create_from_png(first);
	assert_int_equal(cairo_surface_status(image), CAIRO_STATUS_SUCCESS);
	assert_int_equal(cairo_image_surface_get_width(image), 298);  /* ceil(595.276 / 2) */
	assert_int_equal(cairo_image_surface_get_height(image), 421);
	/* White paper; the header fill (dark blue) at (250, 150) pt. */
	unsigned char *data = cairo_image_surface_get_data(image);
	int stride = cairo_image_surface_get_stride(image);
	uint32_t corner = *(uint32_t *)data;
	uint32_t header = *(uint32_t *)(data + 75 * stride + 125 * 4);
	assert_int_equal(corner, 0xFFFFFFFF);
	assert_int_equal(header, 0xFF1F3864);
	cairo_surface_destroy(image);
	char *second = g_build_filename(dir, "paper-2.png", NULL);
	image = cairo_image_surface_create_from_png(second);
	assert_int_equal(cairo_image_surface_get_width(image), 421);
	cairo_surface_destroy(image);
	g_free(first);
	g_free(second);
	remove_dir(dir);
	free(dir);

	dir = temp_dir("test_draw");
	assert_int_equal(draw_png(list, dir, "only", 20, "2", &diags), 1);
	assert_int_equal(count_entries(dir), 1);
	const char *bad[] = { "0", "3", "1-", "2-1", "x", "1,,2", "1," };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(draw_png(list, dir, "bad", 20, bad[i], &diags), -1);
	assert_int_equal(count_entries(dir), 1);
	assert_int_equal(diag_count(&diags, DIAG_ERROR), 7);
	assert_int_equal(draw_png(list, dir, "every", 20, "", &diags), 2);
	assert_int_equal(count_entries(dir), 3);
	diag_list_free(&diags);
	dl_free(list);
	remove_dir(dir);
	free(dir);
}

/* A character no font has is drawn as the font's .notdef (glyph 0) and
 * its text stays in the PDF beside the words around it. */
static void test_pdf_missing_character(void **state)
{
	(void)state;
	char *dir = temp_dir("test_draw");
	struct display_list *list = list_with_metadata();
	PangoContext *cx = fixture_context();
	uint32_t p = dl_add_node(list, ROLE_PARAGRAPH, 0, nowhere);
	size_t p0 = dl_add_page(list, A4_SHORT, A4_LONG);
	struct dl_box *box = test_text(list, cx, p0, p, 56, 56, "Liberation Sans 11",
				       "before \xEA\xA6\x80 after", 0);
	g_object_unref(cx);
	int notdef = 0;
	for (uint32_t r = 0; r < box->u.text.run_count; r++)
		for (uint32_t g = 0; g < box->u.text.runs[r].glyph_count; g++)
			notdef += box->u.text.runs[r].glyphs[g].id == 0;
	assert_int_equal(notdef, 1);
	char *path_pdf = write_sample(dir, "missing.pdf", list);
	char *text = run_tool("pdftotext", path_pdf, "-", NULL);
	assert_non_null(strstr(text, "before"));
	assert_non_null(strstr(text, "after"));
	assert_non_null(strstr(text, "\xEA\xA6\x80"));
	g_free(text);
	g_free(path_pdf);
	dl_free(list);
	remove_dir(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pdf_pages_and_metadata),
		cmocka_unit_test(test_pdf_structure),
		cmocka_unit_test(test_pdf_text_is_real),
		cmocka_unit_test(test_pdf_outline_links_and_dests),
		cmocka_unit_test(test_pdf_bytes_repeat),
		cmocka_unit_test(test_pdf_failure_keeps_old_file),
		cmocka_unit_test(test_pdf_missing_folder),
		cmocka_unit_test(test_pdf_odd_list),
		cmocka_unit_test(test_pdf_missing_character),
		cmocka_unit_test(test_png_pages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
