/* Replay one page of a display list on a cairo_t: the same code draws the
 * PDF and the PNG previews. Text is drawn from the glyphs the layout stage
 * shaped (never shaped again) with the text and clusters they came from, so
 * the PDF's text can be searched and copied. */
#include "draw_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <hb.h>
#include <pango/pangocairo.h>

#include "memory.h"

/* Arrays reused from run to run while a page is drawn. */
struct draw_scratch {
	cairo_glyph_t *glyphs;
	size_t glyph_capacity;
	cairo_text_cluster_t *clusters;
	uint32_t *starts;        /* each cluster's first byte in the run */
	size_t cluster_capacity;
	char *text;              /* the run's text as given to Cairo */
	size_t text_length, text_capacity;
	/* The last text box drawn, to tell whether the next one continues its
	 * element on a new line or after a gap without a space between. */
	int have_previous;
	uint32_t previous_node;
	int previous_open_end;   /* it ended in a letter, not a space or dash */
};

#define LEADING_SPACE_START UINT32_MAX /* starts[]: the added space */

static void set_color(cairo_t *cr, uint32_t rgb)
{
	cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0,
			     ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0);
}

static int finite_box(const struct dl_box *box)
{
	return isfinite(box->x_pt) && isfinite(box->y_pt) &&
	       isfinite(box->width_pt) && isfinite(box->height_pt) &&
	       isfinite(box->line_width_pt);
}

static void stroke_with(cairo_t *cr, uint32_t color, double line_width_pt)
{
	set_color(cr, color);
	cairo_set_line_width(cr, line_width_pt);
	cairo_stroke(cr);
}

static void paint_rect(cairo_t *cr, const struct dl_box *box)
{
	if (box->fill != DL_NO_COLOR) {
		cairo_rectangle(cr, box->x_pt, box->y_pt, box->width_pt,
				box->height_pt);
		set_color(cr, box->fill);
		cairo_fill(cr);
	}
	if (box->stroke != DL_NO_COLOR && box->line_width_pt > 0) {
		cairo_rectangle(cr, box->x_pt, box->y_pt, box->width_pt,
				box->height_pt);
		stroke_with(cr, box->stroke, box->line_width_pt);
	}
}

static void paint_rule(cairo_t *cr, const struct dl_box *box)
{
	if (box->stroke == DL_NO_COLOR || box->line_width_pt <= 0)
		return;
	cairo_move_to(cr, box->x_pt, box->y_pt);
	cairo_line_to(cr, box->x_pt + box->width_pt, box->y_pt + box->height_pt);
	stroke_with(cr, box->stroke, box->line_width_pt);
}

/* points_pt holds point_count (x, y) pairs in page coordinates. */
static void paint_path(cairo_t *cr, const struct dl_box *box)
{
	const struct dl_path *path = &box->u.path;
	if (box->stroke == DL_NO_COLOR || box->line_width_pt <= 0 ||
	    path->point_count < 2 || !path->points_pt)
		return;
	for (uint32_t i = 0; i < path->point_count; i++) {
		double x = path->points_pt[2 * i], y = path->points_pt[2 * i + 1];
		if (!isfinite(x) || !isfinite(y)) {
			cairo_new_path(cr);
			return;
		}
		if (i == 0)
			cairo_move_to(cr, x, y);
		else
			cairo_line_to(cr, x, y);
	}
	cairo_save(cr);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
	stroke_with(cr, box->stroke, box->line_width_pt);
	cairo_restore(cr);
}

static int utf8_boundary(const char *text, uint32_t offset)
{
	return ((unsigned char)text[offset] & 0xC0) != 0x80;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Bytes of text[start, end) worth giving the PDF: the layout folds the
 * bytes of glyphs it dropped (a line's closing space) into the cluster
 * before, and a glyph that stands for "n " when it elsewhere stands for
 * "n" makes Cairo wrap it in an /ActualText span, which some readers
 * take for the end of the element. Trailing white space after the
 * cluster's first character is therefore left out. */
static uint32_t kept_end(const char *text, uint32_t start, uint32_t end)
{
	uint32_t first_end = start + 1;
	while (first_end < end && !utf8_boundary(text, first_end))
		first_end++;
	while (end > first_end && is_space(text[end - 1]))
		end--;
	return end;
}

/* Clusters for cairo_show_text_glyphs from each glyph's cluster offset:
 * consecutive glyphs with the same offset form one cluster; offsets rise
 * through the run (left to right) or fall (right to left). The clusters
 * must cover every byte given and every glyph exactly, or Cairo refuses
 * the whole drawing, so the text given (s->text, s->text_length) is built
 * alongside. 0 clusters means "draw the glyphs without text". */
static size_t build_clusters(struct draw_scratch *s, const struct dl_run *run,
			     int leading_space, int closing_space,
			     cairo_text_cluster_flags_t *flags)
{
	const struct dl_glyph *g = run->glyphs;
	uint32_t n = run->glyph_count, length = run->text_length;
	if (!run->text || length == 0 || !g_utf8_validate(run->text, length, NULL))
		return 0;
	int backward = n > 1 && g[n - 1].cluster < g[0].cluster;
	for (uint32_t i = 0; i < n; i++) {
		if (g[i].cluster >= length || !utf8_boundary(run->text, g[i].cluster))
			return 0;
		if (i > 0 && (backward ? g[i].cluster > g[i - 1].cluster
				       : g[i].cluster < g[i - 1].cluster))
			return 0;
	}
	if (n + 2 > s->cluster_capacity) {
		s->cluster_capacity = n + 2;
		s->clusters = mem_resize(s->clusters, n + 2, sizeof *s->clusters);
		s->starts = mem_resize(s->starts, n + 2, sizeof *s->starts);
	}
	if (length + 1 > s->text_capacity) {
		s->text_capacity = length + 1;
		s->text = mem_resize(s->text, length + 1, 1);
	}
	/* In glyph order: each cluster's bytes and glyphs (the list holds
	 * only glyphs to draw; see dl_glyph_id). */
	size_t count = 0;
	if (leading_space && !backward) {
		s->starts[count] = LEADING_SPACE_START;
		s->clusters[count].num_bytes = 1;
		s->clusters[count].num_glyphs = 1;
		count++;
	}
	for (uint32_t i = 0; i < n;) {
		uint32_t j = i;
		while (j < n && g[j].cluster == g[i].cluster)
			j++;
		/* A cluster's bytes run to the next cluster in text order; the
		 * first in text order also takes any bytes before it. */
		uint32_t start = g[i].cluster, end;
		if (backward) {
			end = i == 0 ? length : g[i - 1].cluster;
			if (j == n)
				start = 0;
		} else {
			end = j == n ? length : g[j].cluster;
			if (i == 0)
				start = 0;
		}
		end = kept_end(run->text, start, end);
		s->starts[count] = start;
		s->clusters[count].num_bytes = (int)(end - start);
		s->clusters[count].num_glyphs = (int)(j - i);
		count++;
		i = j;
	}
	/* The line's closing space, trimmed above, as a glyph of its own. */
	if (closing_space && !backward) {
		uint32_t start = s->starts[count - 1] +
				 (uint32_t)s->clusters[count - 1].num_bytes;
		s->starts[count] = start;
		s->clusters[count].num_bytes = (int)(length - start);
		s->clusters[count].num_glyphs = 1;
		count++;
	}
	/* The text in text order: Cairo reads a backward run's clusters
	 * from the end of the text. */
	size_t text_length = 0;
	for (size_t k = 0; k < count; k++) {
		size_t c = backward ? count - 1 - k : k;
		if (s->starts[c] == LEADING_SPACE_START)
			s->text[text_length] = ' ';
		else
			memcpy(s->text + text_length, run->text + s->starts[c],
			       (size_t)s->clusters[c].num_bytes);
		text_length += (size_t)s->clusters[c].num_bytes;
	}
	s->text_length = text_length;
	*flags = backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : 0;
	return count;
}

static cairo_scaled_font_t *run_font(const struct display_list *list,
				     const struct dl_run *run)
{
	if (run->font >= list->font_count)
		return NULL;
	PangoFont *font = list->fonts[run->font];
	if (!PANGO_IS_CAIRO_FONT(font))
		return NULL;
	cairo_scaled_font_t *scaled =
		pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
	if (!scaled || cairo_scaled_font_status(scaled) != CAIRO_STATUS_SUCCESS)
		return NULL;
	return scaled;
}

static int space_glyph(const struct display_list *list, const struct dl_run *run,
		       uint32_t *glyph)
{
	hb_font_t *hb = pango_font_get_hb_font(list->fonts[run->font]);
	hb_codepoint_t space;
	if (!hb || !hb_font_get_nominal_glyph(hb, ' ', &space))
		return 0;
	*glyph = space;
	return 1;
}

/* A line broken at a space: the layout dropped the space's (empty) glyph
 * and folded the space into the last cluster. Readers of the structure
 * join an element's lines as they are, so the space is given back as an
 * invisible space glyph after the last one, keeping "Value for" from
 * reading "Valuefor". 1 when s->glyphs[count] now holds it. */
static int add_closing_space(struct draw_scratch *s,
			     const struct display_list *list,
			     const struct dl_run *run, cairo_scaled_font_t *font,
			     size_t count)
{
	const struct dl_glyph *g = run->glyphs;
	uint32_t n = run->glyph_count, length = run->text_length;
	if (n == 0 || !run->text || length == 0 || g[n - 1].cluster < g[0].cluster ||
	    g[n - 1].cluster >= length || !is_space(run->text[length - 1]) ||
	    kept_end(run->text, g[n - 1].cluster, length) == length)
		return 0;
	uint32_t space;
	if (!space_glyph(list, run, &space))
		return 0;
	cairo_text_extents_t extents;
	cairo_scaled_font_glyph_extents(font, &s->glyphs[count - 1], 1, &extents);
	s->glyphs[count].index = space;
	s->glyphs[count].x = s->glyphs[count - 1].x + extents.x_advance;
	s->glyphs[count].y = s->glyphs[count - 1].y;
	return 1;
}

/* A box that continues its element after a line break or a gap on the
 * same line ("1.1" then the paragraph, "Laura Collings" then "Head of
 * Strategy") would read as one word: an invisible space glyph before the
 * first glyph, s->glyphs[0], keeps them apart. 1 when it was placed. */
static int add_leading_space(struct draw_scratch *s,
			     const struct display_list *list,
			     const struct dl_run *run, cairo_scaled_font_t *font)
{
	const struct dl_glyph *g = run->glyphs;
	uint32_t n = run->glyph_count;
	uint32_t space;
	if (n > 1 && g[n - 1].cluster < g[0].cluster)
		return 0; /* right to left: not needed by our sources */
	if (!space_glyph(list, run, &space))
		return 0;
	cairo_glyph_t glyph = { space, 0, 0 };
	cairo_text_extents_t extents;
	cairo_scaled_font_glyph_extents(font, &glyph, 1, &extents);
	s->glyphs[0].index = space;
	s->glyphs[0].x = s->glyphs[1].x - extents.x_advance;
	s->glyphs[0].y = s->glyphs[1].y;
	return 1;
}

/* Draw one run with its origin at (x_pt, baseline_pt); leading_space asks
 * for a space before it (see add_leading_space). */
static int paint_run(cairo_t *cr, const struct display_list *list,
		     const struct dl_run *run, double x_pt, double baseline_pt,
		     int leading_space, struct draw_scratch *s)
{
	if (run->glyph_count == 0)
		return 0;
	cairo_scaled_font_t *font = run_font(list, run);
	if (!font)
		return -1;
	if (run->glyph_count + 2 > s->glyph_capacity) {
		s->glyph_capacity = run->glyph_count + 2;
		s->glyphs = mem_resize(s->glyphs, s->glyph_capacity,
				       sizeof *s->glyphs);
	}
	size_t count = 1; /* glyphs[0] is kept for a leading space */
	for (uint32_t i = 0; i < run->glyph_count; i++) {
		const struct dl_glyph *g = &run->glyphs[i];
		int y_pu = run->y_pu ? run->y_pu[i] : 0;
		s->glyphs[count].index = g->id;
		s->glyphs[count].x = x_pt + (double)g->x_pu / PANGO_SCALE;
		s->glyphs[count].y = baseline_pt + (double)y_pu / PANGO_SCALE;
		count++;
	}
	int closing_space = add_closing_space(s, list, run, font, count);
	count += (size_t)closing_space;
	leading_space = leading_space && add_leading_space(s, list, run, font);
	cairo_glyph_t *glyphs = leading_space ? s->glyphs : s->glyphs + 1;
	if (!leading_space)
		count--;
	cairo_set_scaled_font(cr, font);
	set_color(cr, run->color);
	cairo_text_cluster_flags_t flags = 0;
	size_t clusters = build_clusters(s, run, leading_space, closing_space,
					 &flags);
	if (clusters > 0)
		cairo_show_text_glyphs(cr, s->text, (int)s->text_length, glyphs,
				       (int)count, s->clusters, (int)clusters,
				       flags);
	else
		cairo_show_glyphs(cr, glyphs, (int)count);
	return 0;
}

static int paint_text(cairo_t *cr, const struct display_list *list,
		      const struct dl_box *box, int leading_space,
		      struct draw_scratch *s)
{
	const struct dl_text *text = &box->u.text;
	double origin_x = box->x_pt, origin_y = box->y_pt;
	int rotated = isfinite(text->angle_deg) && text->angle_deg != 0;
	if (rotated) {
		/* The watermark: turned about the box's top left corner. */
		cairo_save(cr);
		cairo_translate(cr, box->x_pt, box->y_pt);
		cairo_rotate(cr, text->angle_deg * M_PI / 180.0);
		origin_x = origin_y = 0;
	}
	int status = 0;
	for (uint32_t i = 0; i < text->run_count && status == 0; i++) {
		const struct dl_run *run = &text->runs[i];
		if (!isfinite(run->x_pt))
			continue;
		status = paint_run(cr, list, run, origin_x + run->x_pt,
				   origin_y + text->baseline_pt,
				   leading_space && i == 0, s);
	}
	if (rotated)
		cairo_restore(cr);
	return status;
}

static const struct dl_run *first_run(const struct dl_text *text)
{
	for (uint32_t i = 0; i < text->run_count; i++)
		if (text->runs[i].text_length > 0 && text->runs[i].text)
			return &text->runs[i];
	return NULL;
}

static const struct dl_run *last_run(const struct dl_text *text)
{
	for (uint32_t i = text->run_count; i-- > 0;)
		if (text->runs[i].text_length > 0 && text->runs[i].text)
			return &text->runs[i];
	return NULL;
}

/* Pango drew a hyphen where it broke a word: the last cluster has more
 * glyphs than characters. */
static int hyphen_added(const struct dl_run *run)
{
	const struct dl_glyph *g = run->glyphs;
	uint32_t n = run->glyph_count;
	if (n < 2 || g[n - 1].cluster >= run->text_length)
		return 0;
	uint32_t glyphs = 0;
	for (uint32_t i = n; i-- > 0 && g[i].cluster == g[n - 1].cluster;)
		glyphs++;
	const char *start = run->text + g[n - 1].cluster;
	glong chars = g_utf8_strlen(start, run->text + run->text_length - start);
	return glyphs > (uint32_t)chars;
}

/* The box's text ends in something a following line would run into:
 * not a space, a dash or slash, nor a word Pango hyphenated. */
static int ends_open(const struct dl_box *box)
{
	const struct dl_run *run = last_run(&box->u.text);
	if (!run || !g_utf8_validate(run->text, run->text_length, NULL))
		return 0;
	const char *end = run->text + run->text_length;
	gunichar c = g_utf8_get_char(g_utf8_find_prev_char(run->text, end));
	if (g_unichar_isspace(c) || c == '-' || c == '/' || c == 0x00AD ||
	    (c >= 0x2010 && c <= 0x2015))
		return 0;
	return !hyphen_added(run);
}

static int starts_with_space(const struct dl_box *box)
{
	const struct dl_run *run = first_run(&box->u.text);
	return run && g_unichar_isspace(g_utf8_get_char_validated(run->text,
								  run->text_length));
}

int draw_page(cairo_t *cr, const struct display_list *list, size_t page_index,
	      struct draw_tags *tags, const char *out_path,
	      struct diag_list *diags)
{
	const struct dl_page *page = &list->pages[page_index];
	struct draw_scratch scratch = { 0 };
	int status = 0;
	cairo_save(cr);
	for (size_t i = 0; i < page->box_count && status == 0; i++) {
		const struct dl_box *box = &page->boxes[i];
		if (tags && !draw_tags_box(tags, cr, page_index, i))
			continue;
		if (!finite_box(box))
			continue;
		cairo_new_path(cr);
		int leading_space;
		switch (box->kind) {
		case BOX_TEXT:
			/* Only the tagged PDF is read as text. */
			leading_space = tags && scratch.have_previous &&
					scratch.previous_node == box->node &&
					scratch.previous_open_end &&
					!starts_with_space(box);
			scratch.have_previous = 1;
			scratch.previous_node = box->node;
			scratch.previous_open_end = ends_open(box);
			if (paint_text(cr, list, box, leading_space, &scratch) != 0) {
				diag_add(diags, DIAG_ERROR, out_path, 0, 0,
					 "page %zu: a font of the layout cannot "
					 "be drawn with Cairo",
					 page_index + 1);
				status = -1;
			}
			break;
		case BOX_RECT:
			paint_rect(cr, box);
			break;
		case BOX_RULE:
			paint_rule(cr, box);
			break;
		case BOX_PATH:
			paint_path(cr, box);
			break;
		case BOX_LINK:
		case BOX_DEST:
			break;
		}
	}
	if (tags)
		draw_tags_page_end(tags, cr);
	cairo_restore(cr);
	free(scratch.glyphs);
	free(scratch.clusters);
	free(scratch.starts);
	free(scratch.text);
	return status;
}

cairo_status_t draw_write_atomic(void *closure, const unsigned char *data,
				 unsigned int length)
{
	return file_atomic_write(closure, data, length) == 0
		       ? CAIRO_STATUS_SUCCESS
		       : CAIRO_STATUS_WRITE_ERROR;
}
