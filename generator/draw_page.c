/* Replay one page of a display list on a cairo_t: the same code draws the
 * PDF and the PNG previews. Text is drawn from the glyphs the layout stage
 * shaped (never shaped again) with the text and clusters they came from, so
 * the PDF's text can be searched and copied. */
#include "draw_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <hb.h>
#include <librsvg/rsvg.h>
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
	uint32_t *order;         /* a line's runs in drawing order */
	size_t order_capacity;
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

/* The image scaled into the box: pixels smoothly (a logo stays sharp in
 * the PDF, where Cairo embeds them once however often they are painted),
 * an SVG as vectors. Returns -1 when librsvg cannot draw it. */
static int paint_image(cairo_t *cr, const struct display_list *list,
		       const struct dl_box *box)
{
	if (box->u.image >= list->image_count || box->width_pt <= 0 ||
	    box->height_pt <= 0)
		return 0;
	const struct dl_image *image = &list->images[box->u.image];
	if (image->width_px == 0 || image->height_px == 0)
		return 0;
	int status = 0;
	cairo_save(cr);
	if (image->pixels) {
		cairo_translate(cr, box->x_pt, box->y_pt);
		cairo_scale(cr, box->width_pt / image->width_px,
			    box->height_pt / image->height_px);
		cairo_set_source_surface(cr, image->pixels, 0, 0);
		cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
		cairo_rectangle(cr, 0, 0, image->width_px, image->height_px);
		cairo_fill(cr);
	} else if (image->svg) {
		RsvgRectangle viewport = { box->x_pt, box->y_pt, box->width_pt,
					   box->height_pt };
		GError *error = NULL;
		if (!rsvg_handle_render_document(image->svg, cr, &viewport, &error))
			status = -1;
		g_clear_error(&error);
	}
	cairo_restore(cr);
	return status;
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

/* The layout keeps glyphs in visual order, so along a right-to-left run
 * their clusters fall: the run is drawn backward against its text. A run
 * whose glyphs share one cluster does not say; the first letter of a
 * script that has a direction does. */
static int run_backward(const struct dl_run *run)
{
	const struct dl_glyph *g = run->glyphs;
	uint32_t n = run->glyph_count;
	if (n > 1 && g[n - 1].cluster != g[0].cluster)
		return g[n - 1].cluster < g[0].cluster;
	if (!run->text || !g_utf8_validate(run->text, run->text_length, NULL))
		return 0;
	hb_unicode_funcs_t *unicode = hb_unicode_funcs_get_default();
	const char *end = run->text + run->text_length;
	for (const char *p = run->text; p < end; p = g_utf8_next_char(p)) {
		hb_script_t script = hb_unicode_script(unicode, g_utf8_get_char(p));
		if (script != HB_SCRIPT_COMMON && script != HB_SCRIPT_INHERITED &&
		    script != HB_SCRIPT_UNKNOWN)
			return hb_script_get_horizontal_direction(script) ==
			       HB_DIRECTION_RTL;
	}
	return 0;
}

/* The glyph that is k-th in text order. */
static const struct dl_glyph *glyph_in_text_order(const struct dl_run *run,
						  int backward, uint32_t k)
{
	return &run->glyphs[backward ? run->glyph_count - 1 - k : k];
}

static void add_cluster(struct draw_scratch *s, size_t *count, uint32_t start,
			uint32_t bytes, uint32_t glyphs)
{
	s->starts[*count] = start;
	s->clusters[*count].num_bytes = (int)bytes;
	s->clusters[*count].num_glyphs = (int)glyphs;
	(*count)++;
}

/* What Cairo checks before it draws (and refuses the whole page for):
 * the clusters cover the text and the glyphs exactly, none is empty, and
 * each holds whole UTF-8 characters. */
static int clusters_cover(const struct draw_scratch *s, size_t count,
			  size_t glyph_count)
{
	size_t bytes = 0, glyphs = 0;
	for (size_t k = 0; k < count; k++) {
		const cairo_text_cluster_t *c = &s->clusters[k];
		if (c->num_bytes < 0 || c->num_glyphs < 0 ||
		    (c->num_bytes == 0 && c->num_glyphs == 0) ||
		    bytes + (size_t)c->num_bytes > s->text_length ||
		    !g_utf8_validate(s->text + bytes, c->num_bytes, NULL))
			return 0;
		bytes += (size_t)c->num_bytes;
		glyphs += (size_t)c->num_glyphs;
	}
	return bytes == s->text_length && glyphs == glyph_count;
}

/* Clusters for cairo_show_text_glyphs in text order, which is how Cairo
 * reads them: for a backward run (CAIRO_TEXT_CLUSTER_FLAG_BACKWARD) it
 * takes each cluster's glyphs from the end of the glyph array. Glyphs
 * with one offset form one cluster, whose bytes run to the next cluster
 * in text order; the first also takes any bytes before it. before adds
 * a one-glyph cluster for a space before the text (see add_spaces);
 * *after is set when the last cluster lost its trailing white space and
 * may_close allows it back as a one-glyph cluster of its own. The text
 * given (s->text, s->text_length) is built alongside. 0 clusters means
 * "draw the glyphs without text": offsets outside the text, inside a
 * character or against the run's direction. */
static size_t build_clusters(struct draw_scratch *s, const struct dl_run *run,
			     int backward, int before, int may_close,
			     int *after)
{
	uint32_t n = run->glyph_count, length = run->text_length;
	*after = 0;
	if (!run->text || length == 0 || !g_utf8_validate(run->text, length, NULL))
		return 0;
	for (uint32_t k = 0; k < n; k++) {
		uint32_t c = glyph_in_text_order(run, backward, k)->cluster;
		if (c >= length || !utf8_boundary(run->text, c) ||
		    (k > 0 && c < glyph_in_text_order(run, backward, k - 1)->cluster))
			return 0;
	}
	if (n + 2 > s->cluster_capacity) {
		s->cluster_capacity = n + 2;
		s->clusters = mem_resize(s->clusters, n + 2, sizeof *s->clusters);
		s->starts = mem_resize(s->starts, n + 2, sizeof *s->starts);
	}
	if (length + 2 > s->text_capacity) {
		s->text_capacity = length + 2;
		s->text = mem_resize(s->text, length + 2, 1);
	}
	size_t count = 0;
	if (before)
		add_cluster(s, &count, LEADING_SPACE_START, 1, 1);
	uint32_t end = 0;
	for (uint32_t k = 0; k < n;) {
		uint32_t c = glyph_in_text_order(run, backward, k)->cluster, j = k;
		while (j < n && glyph_in_text_order(run, backward, j)->cluster == c)
			j++;
		uint32_t start = k == 0 ? 0 : c;
		end = j == n ? length : glyph_in_text_order(run, backward, j)->cluster;
		end = kept_end(run->text, start, end);
		add_cluster(s, &count, start, end - start, j - k);
		k = j;
	}
	if (n == 0)
		add_cluster(s, &count, 0, length, 1); /* a blank run's one space */
	else if (may_close && end < length) {
		add_cluster(s, &count, end, length - end, 1);
		*after = 1;
	}
	s->text_length = 0;
	for (size_t k = 0; k < count; k++) {
		if (s->starts[k] == LEADING_SPACE_START)
			s->text[s->text_length] = ' ';
		else
			memcpy(s->text + s->text_length, run->text + s->starts[k],
			       (size_t)s->clusters[k].num_bytes);
		s->text_length += (size_t)s->clusters[k].num_bytes;
	}
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

static double advance_pt(cairo_scaled_font_t *font, const cairo_glyph_t *glyph)
{
	cairo_text_extents_t extents;
	cairo_scaled_font_glyph_extents(font, glyph, 1, &extents);
	return extents.x_advance;
}

/* Invisible space glyphs for readers of the structure, who join an
 * element's lines as they are: one before the run's text when its box
 * continues its element ("1.1" then the paragraph, "Laura Collings" then
 * "Head of Strategy"), one after it for the line's closing space, which
 * the layout dropped with its empty glyph (keeping "Value for" from
 * reading "Valuefor"). The run's glyphs are s->glyphs[1 … n]; the space
 * on their left goes in s->glyphs[0], on their right in s->glyphs[n + 1]:
 * before the text is the left of a left-to-right run and the right of a
 * right-to-left one. Returns the first glyph to draw. */
static cairo_glyph_t *add_spaces(struct draw_scratch *s, uint32_t space,
				 cairo_scaled_font_t *font, uint32_t n,
				 int backward, int before, int after,
				 size_t *count)
{
	int left = backward ? after : before, right = backward ? before : after;
	*count = n;
	if (right) {
		cairo_glyph_t *last = &s->glyphs[n];
		s->glyphs[n + 1] = (cairo_glyph_t){ space,
						    last->x + advance_pt(font, last),
						    last->y };
		(*count)++;
	}
	if (!left)
		return s->glyphs + 1;
	cairo_glyph_t glyph = { space, 0, 0 };
	s->glyphs[0] = (cairo_glyph_t){ space,
					s->glyphs[1].x - advance_pt(font, &glyph),
					s->glyphs[1].y };
	(*count)++;
	return s->glyphs;
}

static int blank(const char *text, uint32_t length)
{
	for (uint32_t i = 0; i < length; i++)
		if (!is_space(text[i]))
			return 0;
	return length > 0;
}

/* Draw one run with its origin at (x_pt, baseline_pt); leading_space asks
 * for a space before its text (see add_spaces). A run left without glyphs
 * (the closing space of a line whose direction changes there) is drawn as
 * one invisible space, so its text is not lost. */
static int paint_run(cairo_t *cr, const struct display_list *list,
		     const struct dl_run *run, double x_pt, double baseline_pt,
		     int leading_space, struct draw_scratch *s)
{
	uint32_t n = run->glyph_count;
	if (n == 0 && !(run->text && blank(run->text, run->text_length)))
		return 0;
	cairo_scaled_font_t *font = run_font(list, run);
	if (!font)
		return -1;
	if (n + 2 > s->glyph_capacity) {
		s->glyph_capacity = n + 2;
		s->glyphs = mem_resize(s->glyphs, s->glyph_capacity,
				       sizeof *s->glyphs);
	}
	uint32_t space = 0;
	int have_space = space_glyph(list, run, &space);
	if (n == 0 && !have_space)
		return 0;
	for (uint32_t i = 0; i < n; i++) {
		const struct dl_glyph *g = &run->glyphs[i];
		int y_pu = run->y_pu ? run->y_pu[i] : 0;
		s->glyphs[i + 1].index = g->id;
		s->glyphs[i + 1].x = x_pt + (double)g->x_pu / PANGO_SCALE;
		s->glyphs[i + 1].y = baseline_pt + (double)y_pu / PANGO_SCALE;
	}
	int backward = run_backward(run), after = 0;
	int before = leading_space && have_space && n > 0;
	size_t clusters = build_clusters(s, run, backward, before, have_space,
					 &after);
	if (clusters == 0)
		before = 0;
	size_t count;
	cairo_glyph_t *glyphs;
	if (n == 0) {
		s->glyphs[0] = (cairo_glyph_t){ space, x_pt, baseline_pt };
		glyphs = s->glyphs;
		count = 1;
	} else {
		glyphs = add_spaces(s, space, font, n, backward, before, after,
				    &count);
	}
	cairo_set_scaled_font(cr, font);
	set_color(cr, run->color);
	if (clusters > 0 && clusters_cover(s, clusters, count))
		cairo_show_text_glyphs(cr, s->text, (int)s->text_length, glyphs,
				       (int)count, s->clusters, (int)clusters,
				       backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : 0);
	else if (n > 0)
		cairo_show_glyphs(cr, s->glyphs + 1, (int)n);
	return 0;
}

/* The order to draw a line's runs in: text order when each run is a
 * slice of the line's text, as the layout makes them, so that the content
 * stream, which readers of the structure take for the reading order,
 * follows the text whatever its direction; else as stored (visual order).
 * Each run is placed at its own x either way. Fills s->order. */
static void order_runs(struct draw_scratch *s, const struct dl_text *text)
{
	uint32_t n = text->run_count;
	if (n > s->order_capacity) {
		s->order_capacity = n;
		s->order = mem_resize(s->order, n, sizeof *s->order);
	}
	uintptr_t line = (uintptr_t)text->text;
	size_t line_length = text->text ? strlen(text->text) : 0;
	int slices = line != 0;
	for (uint32_t i = 0; i < n; i++) {
		const struct dl_run *run = &text->runs[i];
		uintptr_t at = (uintptr_t)run->text;
		s->order[i] = i;
		if (!run->text || at < line || at - line + run->text_length > line_length)
			slices = 0;
	}
	if (!slices)
		return;
	/* Insertion sort: runs are few, and a left-to-right line is sorted. */
	for (uint32_t i = 1; i < n; i++) {
		uint32_t k = s->order[i], j = i;
		for (; j > 0 && text->runs[s->order[j - 1]].text > text->runs[k].text; j--)
			s->order[j] = s->order[j - 1];
		s->order[j] = k;
	}
}

/* The runs holding the start and the end of the line's text, in the
 * order order_runs made. */
static const struct dl_run *first_in_order(const struct draw_scratch *s,
					   const struct dl_text *text)
{
	for (uint32_t i = 0; i < text->run_count; i++) {
		const struct dl_run *run = &text->runs[s->order[i]];
		if (run->text_length > 0 && run->text)
			return run;
	}
	return NULL;
}

static const struct dl_run *last_in_order(const struct draw_scratch *s,
					  const struct dl_text *text)
{
	for (uint32_t i = text->run_count; i-- > 0;) {
		const struct dl_run *run = &text->runs[s->order[i]];
		if (run->text_length > 0 && run->text)
			return run;
	}
	return NULL;
}

/* Runs in the order order_runs made; leading_space puts a space before
 * the first. */
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
	const struct dl_run *first = leading_space ? first_in_order(s, text) : NULL;
	int status = 0;
	for (uint32_t i = 0; i < text->run_count && status == 0; i++) {
		const struct dl_run *run = &text->runs[s->order[i]];
		if (!isfinite(run->x_pt))
			continue;
		status = paint_run(cr, list, run, origin_x + run->x_pt,
				   origin_y + text->baseline_pt, run == first, s);
	}
	if (rotated)
		cairo_restore(cr);
	return status;
}

/* Pango drew a hyphen where it broke a word: the cluster that ends the
 * text has more glyphs than characters. */
static int hyphen_added(const struct dl_run *run)
{
	uint32_t n = run->glyph_count;
	if (n < 2)
		return 0;
	int backward = run_backward(run);
	uint32_t cluster = glyph_in_text_order(run, backward, n - 1)->cluster;
	if (cluster >= run->text_length)
		return 0;
	uint32_t glyphs = 0;
	while (glyphs < n &&
	       glyph_in_text_order(run, backward, n - 1 - glyphs)->cluster == cluster)
		glyphs++;
	const char *start = run->text + cluster;
	glong chars = g_utf8_strlen(start, run->text + run->text_length - start);
	return glyphs > (uint32_t)chars;
}

/* The box's text ends in something a following line would run into:
 * not a space, a dash or slash, nor a word Pango hyphenated. */
static int ends_open(const struct draw_scratch *s, const struct dl_box *box)
{
	const struct dl_run *run = last_in_order(s, &box->u.text);
	if (!run || !g_utf8_validate(run->text, run->text_length, NULL))
		return 0;
	const char *end = run->text + run->text_length;
	gunichar c = g_utf8_get_char(g_utf8_find_prev_char(run->text, end));
	if (g_unichar_isspace(c) || c == '-' || c == '/' || c == 0x00AD ||
	    (c >= 0x2010 && c <= 0x2015))
		return 0;
	return !hyphen_added(run);
}

static int starts_with_space(const struct draw_scratch *s,
			     const struct dl_box *box)
{
	const struct dl_run *run = first_in_order(s, &box->u.text);
	return run && g_unichar_isspace(g_utf8_get_char_validated(run->text,
								  run->text_length));
}

/* Cairo stops drawing at its first error and tells only when asked, so
 * it is asked after every box: the message can then say what it refused.
 * 1 when it has refused (a diagnostic is added). */
static int cairo_refused(cairo_t *cr, const struct dl_box *box,
			 size_t page_index, const char *out_path,
			 struct diag_list *diags)
{
	cairo_status_t status = cairo_status(cr);
	if (status == CAIRO_STATUS_SUCCESS)
		return 0;
	const char *text = box && box->kind == BOX_TEXT ? box->u.text.text : NULL;
	if (text && g_utf8_validate(text, -1, NULL)) {
		/* Enough of the text to find it in the source. */
		const char *end = text;
		for (int i = 0; i < 40 && *end; i++)
			end = g_utf8_next_char(end);
		diag_add(diags, DIAG_ERROR, out_path, 0, 0,
			 "page %zu: Cairo cannot draw the text \"%.*s%s\": %s",
			 page_index + 1, (int)(end - text), text,
			 *end ? "…" : "", cairo_status_to_string(status));
	} else {
		diag_add(diags, DIAG_ERROR, out_path, 0, 0,
			 "page %zu: Cairo cannot draw it: %s", page_index + 1,
			 cairo_status_to_string(status));
	}
	return 1;
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
			order_runs(&scratch, &box->u.text);
			/* Only the tagged PDF is read as text. */
			leading_space = tags && scratch.have_previous &&
					scratch.previous_node == box->node &&
					scratch.previous_open_end &&
					!starts_with_space(&scratch, box);
			scratch.have_previous = 1;
			scratch.previous_node = box->node;
			scratch.previous_open_end = ends_open(&scratch, box);
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
		case BOX_IMAGE:
			if (paint_image(cr, list, box) != 0) {
				diag_add(diags, DIAG_ERROR, out_path, 0, 0,
					 "page %zu: an SVG image cannot be drawn",
					 page_index + 1);
				status = -1;
			}
			break;
		case BOX_LINK:
		case BOX_DEST:
			break;
		}
		if (status == 0 && cairo_refused(cr, box, page_index, out_path, diags))
			status = -1;
	}
	if (tags)
		draw_tags_page_end(tags, cr);
	cairo_restore(cr);
	if (status == 0 && cairo_refused(cr, NULL, page_index, out_path, diags))
		status = -1;
	free(scratch.glyphs);
	free(scratch.clusters);
	free(scratch.starts);
	free(scratch.text);
	free(scratch.order);
	return status;
}

cairo_status_t draw_write_atomic(void *closure, const unsigned char *data,
				 unsigned int length)
{
	return file_atomic_write(closure, data, length) == 0
		       ? CAIRO_STATUS_SUCCESS
		       : CAIRO_STATUS_WRITE_ERROR;
}
