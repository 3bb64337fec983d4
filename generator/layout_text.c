/* Measuring text with Pango and turning measured lines into display-list
 * boxes. The glyphs Pango shaped while measuring are copied into the list,
 * so the draw stage never shapes again and breaks exactly where we did.
 *
 * Glyph clusters: dl_glyph.cluster is the byte offset in dl_run.text where
 * the glyph's cluster starts; glyphs are in visual order, so values never
 * decrease along a left-to-right run and never increase along a
 * right-to-left one. A cluster runs from its value to the next larger
 * value (or the end of the run's text). Glyphs Pango leaves empty are
 * dropped and their bytes fold into the cluster logically before them. */
#include "layout_internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- measuring in windows ----
 *
 * Pango breaks a paragraph in time that grows with the square of its
 * length once a word is wider than the column (every line walks the rest
 * of the word again) or one item runs long (every line adds up the rest of
 * it), and it sums advances and heights in int Pango units, which a long
 * text or a large font overflows. So a text that is long, holds a long
 * word or is set large is laid out in windows: each a PangoLayout of a few
 * lines' worth of text that begins where a line begins. Every line of a
 * window but its last (and any ending close to the window's end) is kept,
 * and the next window begins with the first line not kept; a kept line is
 * one Pango broke with what follows it in view, so the lines are those of
 * the whole text, each piece of text measured once. A short text is one
 * window, laid out exactly as a single PangoLayout always was. */

/* One window when the text is no longer than this and no word in it is
 * longer than WHOLE_WORD_MAX_BYTES: quadratic cost is small below them. */
#define WHOLE_TEXT_MAX_BYTES 4096
#define WHOLE_WORD_MAX_BYTES 512
/* A window aims to hold this many lines, and never less text than this. */
#define WINDOW_LINES 8
#define WINDOW_MIN_BYTES 256
/* A kept line ends at least this far before its window's end: line and
 * cluster rules look a few characters ahead. */
#define WINDOW_LOOKAHEAD_BYTES 32
/* No character advances further, or stands taller, than this. */
#define EM_PER_CHARACTER_MAX 4

/* A window of a paragraph that began before it opens with a strong mark
 * of the paragraph's direction (Pango takes a paragraph's direction from
 * its first strong character), then a line separator when it begins
 * inside the paragraph or a paragraph break when it begins a new one.
 * The mark's line is dropped. */
#define LRM "\xE2\x80\x8E"
#define RLM "\xE2\x80\x8F"
#define LINE_SEPARATOR "\xE2\x80\xA8"
#define WINDOW_PREFIX_MAX 8

/* A piece: one PangoLayout over a window of the text. */
struct text_piece {
	PangoLayout *pango;
	ptrdiff_t base;           /* byte i of its layout's text is byte
	                             i + base of the whole text */
};

/* The public lines plus what placing needs and the contract does not say. */
struct lines_impl {
	struct layout_lines lines;
	double *line_x_pt;        /* left of each line (alignment offset) */
	double *line_width_pt;    /* logical width of each line */
	double *baseline_pt;      /* baseline from the line's top */
	PangoLayoutLine **line;   /* each line (a reference) in its piece */
	uint32_t *line_piece;     /* index of each line's piece */
	size_t line_capacity;
	struct text_piece *pieces;
	size_t piece_count, piece_capacity;
};

/* What the windows of one text share. */
struct measuring {
	struct layout *lo;
	const char *text;
	size_t length;
	const struct source_text *styled; /* its spans become attributes */
	PangoFontDescription *desc;
	int width_pu;
	PangoAlignment alignment;
	size_t window_max;        /* bytes no Pango sum can overflow over */
	/* Spans reaching into the current window, in span order; windows
	 * only move on, so each span joins and leaves once. */
	size_t *live;
	size_t live_count, next_span;
	char *buffer;             /* a window's prefix and text */
	size_t buffer_size;
	PangoLogAttr *attrs;      /* a window's break opportunities */
	size_t attrs_size;
};

static double font_size_pt(const struct style_font *font)
{
	return font->size_pt > 0 ? font->size_pt : 10;
}

static PangoFontDescription *font_description(const struct style_font *font)
{
	PangoFontDescription *desc = pango_font_description_new();
	pango_font_description_set_family(desc, font->family ? font->family :
								"sans-serif");
	pango_font_description_set_absolute_size(desc,
						 font_size_pt(font) * PANGO_SCALE);
	pango_font_description_set_weight(desc, font->bold ? PANGO_WEIGHT_BOLD :
							    PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(desc, font->italic ? PANGO_STYLE_ITALIC :
							      PANGO_STYLE_NORMAL);
	return desc;
}

static PangoAttribute *color_attr(uint32_t rgb)
{
	return pango_attr_foreground_new((guint16)(((rgb >> 16) & 0xFF) * 257),
					 (guint16)(((rgb >> 8) & 0xFF) * 257),
					 (guint16)((rgb & 0xFF) * 257));
}

static void insert_span_attr(PangoAttrList *attrs, PangoAttribute *attr,
			     size_t start, size_t end)
{
	attr->start_index = (guint)start;
	attr->end_index = (guint)end;
	pango_attr_list_insert(attrs, attr);
}

/* Spans become attributes, cut to the window [from, to) and moved past
 * its prefix: the text itself is never parsed as markup. A span's
 * language shapes its words as that language (line breaks, glyphs). */
static void add_span_attr(struct measuring *m, PangoAttrList *attrs,
			  const struct source_span *span, size_t from,
			  size_t to, size_t prefix_bytes)
{
	size_t start = span->start > from ? span->start : from;
	size_t end = span->end < to ? span->end : to;
	if (start >= end)
		return;
	start = start - from + prefix_bytes;
	end = end - from + prefix_bytes;
	if (span->lang)
		insert_span_attr(attrs, pango_attr_language_new(
					 pango_language_from_string(span->lang)),
				 start, end);
	switch (span->kind) {
	case SPAN_EMPHASIS:
		insert_span_attr(attrs, pango_attr_style_new(PANGO_STYLE_ITALIC),
				 start, end);
		break;
	case SPAN_STRONG:
		insert_span_attr(attrs, pango_attr_weight_new(PANGO_WEIGHT_BOLD),
				 start, end);
		break;
	case SPAN_LINK:
	case SPAN_REF:
		insert_span_attr(attrs, color_attr(m->lo->style->link_color),
				 start, end);
		break;
	case SPAN_LANGUAGE:
		break;
	}
}

static PangoAttrList *window_attributes(struct measuring *m, size_t from,
					size_t to, size_t prefix_bytes)
{
	const struct source_text *styled = m->styled;
	if (!styled || (!styled->span_count && !styled->lang))
		return NULL;
	const struct source_span *spans = styled->spans;
	size_t kept = 0;
	for (size_t i = 0; i < m->live_count; i++)
		if (spans[m->live[i]].end > from)
			m->live[kept++] = m->live[i];
	m->live_count = kept;
	for (; m->next_span < styled->span_count &&
	       spans[m->next_span].start < to; m->next_span++) {
		const struct source_span *span = &spans[m->next_span];
		if (span->start < span->end && span->end <= m->length)
			m->live[m->live_count++] = m->next_span;
	}
	PangoAttrList *attrs = pango_attr_list_new();
	/* The text's own language, when it is not the paper's, under its
	 * spans' attributes. */
	if (styled->lang)
		insert_span_attr(attrs, pango_attr_language_new(
					 pango_language_from_string(styled->lang)),
				 prefix_bytes, prefix_bytes + (to - from));
	for (size_t i = 0; i < m->live_count; i++)
		add_span_attr(m, attrs, &spans[m->live[i]], from, to,
			      prefix_bytes);
	return attrs;
}

/* Whether [from, to) may break between words anywhere inside it. Where it
 * may not, breaking between characters gives the same lines, and Pango
 * finds them without first walking the rest of the word on every line. */
static int window_breaks_between_words(struct measuring *m, size_t from,
				       size_t to)
{
	const char *text = m->text + from;
	int length = (int)(to - from);
	int chars = (int)g_utf8_strlen(text, length);
	if (chars < 2)
		return 1;
	if ((size_t)chars + 1 > m->attrs_size) {
		m->attrs_size = 2 * ((size_t)chars + 1);
		m->attrs = mem_resize(m->attrs, m->attrs_size, sizeof *m->attrs);
	}
	pango_get_log_attrs(text, length, -1,
			    pango_context_get_language(m->lo->context), m->attrs,
			    chars + 1);
	for (int i = 1; i < chars; i++)
		if (m->attrs[i].is_line_break)
			return 1;
	return 0;
}

static PangoLayout *window_layout(struct measuring *m, size_t from,
				  size_t to, const char *prefix,
				  size_t prefix_bytes)
{
	PangoLayout *pango = pango_layout_new(m->lo->context);
	pango_layout_set_font_description(pango, m->desc);
	/* A word wider than the column breaks between characters rather than
	 * running out of it. */
	int whole = prefix_bytes == 0 && from == 0 && to == m->length;
	pango_layout_set_wrap(pango, whole || window_breaks_between_words(m, from, to)
					     ? PANGO_WRAP_WORD_CHAR
					     : PANGO_WRAP_CHAR);
	pango_layout_set_width(pango, m->width_pu);
	pango_layout_set_alignment(pango, m->alignment);
	if (whole) {
		pango_layout_set_text(pango, m->text, (int)m->length);
	} else {
		size_t bytes = prefix_bytes + (to - from);
		if (bytes + 1 > m->buffer_size) {
			m->buffer_size = 2 * (bytes + 1);
			m->buffer = mem_resize(m->buffer, m->buffer_size, 1);
		}
		memcpy(m->buffer, prefix, prefix_bytes);
		memcpy(m->buffer + prefix_bytes, m->text + from, to - from);
		pango_layout_set_text(pango, m->buffer, (int)bytes);
	}
	PangoAttrList *attrs = window_attributes(m, from, to, prefix_bytes);
	if (attrs) {
		pango_layout_set_attributes(pango, attrs);
		pango_attr_list_unref(attrs);
	}
	return pango;
}

/* A window holds at most as many lines as bytes: keep their summed
 * advances and heights, in int Pango units, under a quarter of INT_MAX. */
static size_t window_max_bytes(const struct style_font *font)
{
	double em_pu = font_size_pt(font) * PANGO_SCALE * EM_PER_CHARACTER_MAX;
	double bytes = (INT_MAX / 4.0) / em_pu;
	return bytes < 4 ? 4 : bytes > 1e9 ? (size_t)1e9 : (size_t)bytes;
}

/* Bytes of the longest stretch without a space or a line break. */
static size_t longest_word_bytes(const char *text, size_t length)
{
	size_t longest = 0, run = 0;
	for (size_t i = 0; i < length; i++) {
		char c = text[i];
		run = c == ' ' || c == '\n' || c == '\t' || c == '\r' ? 0 : run + 1;
		if (run > longest)
			longest = run;
	}
	return longest;
}

static size_t clamp_window(const struct measuring *m, size_t bytes)
{
	size_t least = WINDOW_MIN_BYTES < m->window_max ? WINDOW_MIN_BYTES
							 : m->window_max;
	return bytes < least ? least : bytes > m->window_max ? m->window_max
							     : bytes;
}

/* The first window: the whole text when it is ordinary, else about
 * WINDOW_LINES lines at half an em a character. */
static size_t first_window(const struct measuring *m,
			   const struct style_font *font)
{
	if (m->length <= WHOLE_TEXT_MAX_BYTES && m->length <= m->window_max &&
	    longest_word_bytes(m->text, m->length) <= WHOLE_WORD_MAX_BYTES)
		return m->length;
	double line_bytes = (double)m->width_pu / PANGO_SCALE /
			    (font_size_pt(font) / 2);
	double bytes = line_bytes * WINDOW_LINES;
	return clamp_window(m, bytes > 1e9 ? (size_t)1e9 : (size_t)bytes + 1);
}

/* The end of the window from..from + bytes on a character's first byte. */
static size_t window_end(const struct measuring *m, size_t from, size_t bytes)
{
	if (bytes >= m->length - from)
		return m->length;
	size_t to = from + bytes;
	while (to > from && ((unsigned char)m->text[to] & 0xC0) == 0x80)
		to--;
	while (to == from || (to < m->length &&
			      ((unsigned char)m->text[to] & 0xC0) == 0x80))
		to++;
	return to;
}

static void lines_reserve(struct lines_impl *impl)
{
	struct layout_lines *lines = &impl->lines;
	if (lines->line_count < impl->line_capacity)
		return;
	size_t capacity = impl->line_capacity ? 2 * impl->line_capacity : 4;
	lines->line_top_pt = mem_resize(lines->line_top_pt, capacity,
					sizeof(double));
	lines->line_height_pt = mem_resize(lines->line_height_pt, capacity,
					   sizeof(double));
	impl->line_x_pt = mem_resize(impl->line_x_pt, capacity, sizeof(double));
	impl->line_width_pt = mem_resize(impl->line_width_pt, capacity,
					 sizeof(double));
	impl->baseline_pt = mem_resize(impl->baseline_pt, capacity,
				       sizeof(double));
	impl->line = mem_resize(impl->line, capacity, sizeof *impl->line);
	impl->line_piece = mem_resize(impl->line_piece, capacity,
				      sizeof *impl->line_piece);
	impl->line_capacity = capacity;
}

/* Keep the line the iterator is on; y0_pu is the window's first line's
 * top, top_pt where that line goes in the whole text. */
static void keep_line(struct lines_impl *impl, PangoLayoutIter *iter,
		      double y0_pu, double top_pt)
{
	struct layout_lines *lines = &impl->lines;
	lines_reserve(impl);
	size_t i = lines->line_count++;
	PangoRectangle logical;
	pango_layout_iter_get_line_extents(iter, NULL, &logical);
	double baseline_pu = pango_layout_iter_get_baseline(iter);
	lines->line_top_pt[i] = top_pt + ((double)logical.y - y0_pu) / PANGO_SCALE;
	lines->line_height_pt[i] = (double)logical.height / PANGO_SCALE;
	impl->line_x_pt[i] = (double)logical.x / PANGO_SCALE;
	impl->line_width_pt[i] = (double)logical.width / PANGO_SCALE;
	impl->baseline_pt[i] = (baseline_pu - logical.y) / PANGO_SCALE;
	impl->line[i] = pango_layout_line_ref(
		pango_layout_iter_get_line_readonly(iter));
	impl->line_piece[i] = (uint32_t)impl->piece_count;
	if (impl->line_width_pt[i] > lines->width_pt)
		lines->width_pt = impl->line_width_pt[i];
}

/* Where the next window begins and how it opens. */
struct window_next {
	size_t from;
	char prefix[WINDOW_PREFIX_MAX];
	size_t prefix_bytes;
};

static void set_prefix(struct window_next *next, PangoDirection direction,
		       const char *separator)
{
	const char *mark = direction == PANGO_DIRECTION_RTL ? RLM : LRM;
	size_t mark_bytes = strlen(mark), separator_bytes = strlen(separator);
	memcpy(next->prefix, mark, mark_bytes);
	memcpy(next->prefix + mark_bytes, separator, separator_bytes);
	next->prefix_bytes = mark_bytes + separator_bytes;
}

/* Keep the lines of the window [from, to) laid out in pango (all of them
 * when it ends the text); returns how many, with where the next window
 * begins in *next and the height kept added to *top_pt. */
static size_t keep_window_lines(struct lines_impl *impl, PangoLayout *pango,
				size_t from, size_t to, int last,
				size_t prefix_bytes, size_t lookahead,
				double *top_pt, struct window_next *next)
{
	int count = pango_layout_get_line_count(pango);
	PangoLayoutIter *iter = pango_layout_get_iter(pango);
	size_t kept = 0;
	double y0_pu = 0, bottom_pu = 0;
	PangoDirection previous = PANGO_DIRECTION_LTR;
	int index = 0;
	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(iter);
		if (!line || (size_t)line->start_index < prefix_bytes)
			continue;
		size_t start = from + ((size_t)line->start_index - prefix_bytes);
		size_t end = start + (size_t)line->length;
		PangoDirection direction =
			pango_layout_line_get_resolved_direction(line);
		if (!last && (index == count - 1 || end + lookahead > to)) {
			/* A new paragraph takes the direction of the one
			 * before when it has no strong character itself. */
			next->from = start;
			if (line->is_paragraph_start)
				set_prefix(next, kept ? previous : direction, "\n");
			else
				set_prefix(next, direction, LINE_SEPARATOR);
			break;
		}
		PangoRectangle logical;
		pango_layout_iter_get_line_extents(iter, NULL, &logical);
		if (kept == 0)
			y0_pu = logical.y;
		bottom_pu = (double)logical.y + logical.height;
		keep_line(impl, iter, y0_pu, *top_pt);
		previous = direction;
		kept++;
	} while (index++, pango_layout_iter_next_line(iter));
	pango_layout_iter_free(iter);
	if (kept)
		*top_pt += (bottom_pu - y0_pu) / PANGO_SCALE;
	return kept;
}

static void add_piece(struct lines_impl *impl, PangoLayout *pango,
		      ptrdiff_t base)
{
	MEM_GROW(impl->pieces, impl->piece_count, impl->piece_capacity);
	impl->pieces[impl->piece_count++] = (struct text_piece){ pango, base };
}

static void measure_windows(struct measuring *m, struct lines_impl *impl,
			    const struct style_font *font)
{
	struct window_next at = { 0 };
	size_t window = first_window(m, font);
	double top_pt = 0;
	for (;;) {
		size_t to = window_end(m, at.from, window);
		int last = to == m->length;
		size_t lookahead = window / 4 < WINDOW_LOOKAHEAD_BYTES
					   ? window / 4 : WINDOW_LOOKAHEAD_BYTES;
		PangoLayout *pango = window_layout(m, at.from, to, at.prefix,
						   at.prefix_bytes);
		size_t bytes = at.prefix_bytes + (to - at.from);
		impl->lines.pango_bytes += bytes;
		if (bytes > impl->lines.pango_window_bytes_max)
			impl->lines.pango_window_bytes_max = bytes;
		struct window_next next = at;
		size_t kept = keep_window_lines(impl, pango, at.from, to, last,
						at.prefix_bytes, lookahead,
						&top_pt, &next);
		if (kept == 0 && !last) {
			/* Not one line with room after it: a longer window,
			 * as often as it takes. */
			g_object_unref(pango);
			window = 2 * window < m->length ? 2 * window : m->length;
			continue;
		}
		if (kept == 0) {
			g_object_unref(pango);
			return;
		}
		add_piece(impl, pango,
			  (ptrdiff_t)at.from - (ptrdiff_t)at.prefix_bytes);
		if (last)
			return;
		size_t line_bytes = (next.from - at.from) / kept;
		if (next.from <= at.from) /* no progress: Pango never does this */
			window = m->length;
		else
			window = clamp_window(m, (line_bytes + 1) * WINDOW_LINES +
							 lookahead);
		at = next;
	}
}

static struct layout_lines *measure(struct layout *lo, const char *text,
				    const struct source_text *styled,
				    const struct style_font *font,
				    double width_pt, enum layout_align align)
{
	struct lines_impl *impl = mem_alloc(sizeof *impl);
	impl->lines.font = font;
	struct measuring m = {
		.lo = lo,
		.text = text,
		.length = strlen(text),
		.styled = styled,
		.desc = font_description(font),
		/* Wider than any page, narrower than int Pango units hold. */
		.width_pu = (int)(!(width_pt >= 1) ? PANGO_SCALE :
				  width_pt > 1e5 ? 1e5 * PANGO_SCALE :
						   width_pt * PANGO_SCALE),
		.alignment = align == ALIGN_CENTER ? PANGO_ALIGN_CENTER :
			     align == ALIGN_RIGHT ? PANGO_ALIGN_RIGHT :
						    PANGO_ALIGN_LEFT,
		.window_max = window_max_bytes(font),
	};
	if (styled && styled->span_count)
		m.live = mem_array(styled->span_count, sizeof *m.live);
	measure_windows(&m, impl, font);
	pango_font_description_free(m.desc);
	free(m.live);
	free(m.buffer);
	free(m.attrs);
	struct layout_lines *lines = &impl->lines;
	size_t count = lines->line_count;
	if (count) {
		lines->height_pt = lines->line_top_pt[count - 1] +
				   lines->line_height_pt[count - 1] -
				   lines->line_top_pt[0];
	}
	return lines;
}

struct layout_lines *layout_measure(struct layout *lo,
				    const struct source_text *text,
				    const struct style_font *font,
				    double width_pt, enum layout_align align)
{
	text = layout_refs_expand(lo, text);
	const char *s = text && text->text ? text->text : "";
	const struct source_text *styled =
		text && (text->span_count || text->lang) ? text : NULL;
	struct layout_lines *lines = measure(lo, s, styled, font, width_pt, align);
	lines->source = styled;
	return lines;
}

struct layout_lines *layout_measure_plain(struct layout *lo, const char *text,
					  const struct style_font *font,
					  double width_pt,
					  enum layout_align align)
{
	return measure(lo, text ? text : "", NULL, font, width_pt, align);
}

size_t layout_lines_fitting(const struct layout_lines *lines, size_t first,
			    double height_pt)
{
	if (first >= lines->line_count)
		return 0;
	double top = lines->line_top_pt[first];
	size_t n = 0;
	while (first + n < lines->line_count) {
		size_t i = first + n;
		double bottom = lines->line_top_pt[i] + lines->line_height_pt[i];
		if (bottom - top > height_pt + 0.001)
			break;
		n++;
	}
	return n;
}

double layout_lines_span(const struct layout_lines *lines, size_t first,
			 size_t count)
{
	if (!lines || count == 0)
		return 0;
	size_t last = first + count - 1;
	return lines->line_top_pt[last] + lines->line_height_pt[last] -
	       lines->line_top_pt[first];
}

int layout_lines_right_to_left(const struct layout_lines *lines)
{
	const struct lines_impl *impl = (const struct lines_impl *)lines;
	return lines->line_count > 0 &&
	       pango_layout_line_get_resolved_direction(impl->line[0]) ==
		       PANGO_DIRECTION_RTL;
}

void layout_lines_free(struct layout_lines *lines)
{
	if (!lines)
		return;
	struct lines_impl *impl = (struct lines_impl *)lines;
	for (size_t i = 0; i < lines->line_count; i++)
		pango_layout_line_unref(impl->line[i]);
	for (size_t i = 0; i < impl->piece_count; i++)
		g_object_unref(impl->pieces[i].pango);
	free(impl->pieces);
	free(lines->line_top_pt);
	free(lines->line_height_pt);
	free(impl->line_x_pt);
	free(impl->line_width_pt);
	free(impl->baseline_pt);
	free(impl->line);
	free(impl->line_piece);
	free(impl);
}

/* ---- placing ---- */

static uint32_t run_color(const PangoGlyphItem *run, uint32_t fallback)
{
	for (GSList *l = run->item->analysis.extra_attrs; l; l = l->next) {
		const PangoAttribute *attr = l->data;
		if (attr->klass->type == PANGO_ATTR_FOREGROUND) {
			const PangoColor *c = &((const PangoAttrColor *)attr)->color;
			return (uint32_t)(c->red >> 8) << 16 |
			       (uint32_t)(c->green >> 8) << 8 | (uint32_t)(c->blue >> 8);
		}
	}
	return fallback;
}

static int32_t clamp_x_pu(int64_t x_pu)
{
	return (int32_t)(x_pu > INT32_MAX ? INT32_MAX :
			 x_pu < INT32_MIN ? INT32_MIN : x_pu);
}

static int16_t clamp_y_pu(int y_pu)
{
	return (int16_t)(y_pu > INT16_MAX ? INT16_MAX :
			 y_pu < INT16_MIN ? INT16_MIN : y_pu);
}

/* Copy one shaped run; returns its logical width in Pango units. Its text
 * is its slice of the line's copy: text_length bytes, not NUL-ended. */
static int64_t copy_run(struct layout *lo, const char *line_text, int line_start,
		    const PangoGlyphItem *run, uint32_t color,
		    struct dl_run *out)
{
	const PangoItem *item = run->item;
	const PangoGlyphString *glyphs = run->glyphs;
	out->font = dl_font_index(lo->list, item->analysis.font);
	out->color = run_color(run, color);
	out->text = line_text + (item->offset - line_start);
	out->text_length = (uint32_t)item->length;
	size_t capacity = (size_t)(glyphs->num_glyphs ? glyphs->num_glyphs : 1);
	out->glyphs = arena_alloc(lo->list->arena,
				  capacity * sizeof *out->glyphs);
	/* Vertical offsets only for the rare run that has one. */
	out->y_pu = NULL;
	for (int g = 0; g < glyphs->num_glyphs; g++) {
		const PangoGlyphInfo *info = &glyphs->glyphs[g];
		if (dl_glyph_id(info->glyph) >= 0 &&
		    clamp_y_pu(info->geometry.y_offset) != 0) {
			out->y_pu = arena_alloc(lo->list->arena,
						capacity * sizeof *out->y_pu);
			break;
		}
	}
	int64_t pen_pu = 0; /* 64 bits: a sum of advances can pass INT_MAX */
	uint32_t kept = 0;
	for (int g = 0; g < glyphs->num_glyphs; g++) {
		const PangoGlyphInfo *info = &glyphs->glyphs[g];
		int cluster = glyphs->log_clusters[g];
		/* A run longer than a cluster offset can say (no line is)
		 * becomes one cluster: its text stays whole. */
		if (cluster < 0 || cluster > item->length ||
		    item->length > UINT16_MAX)
			cluster = 0;
		int32_t id = dl_glyph_id(info->glyph);
		if (id >= 0) {
			if (out->y_pu)
				out->y_pu[kept] = clamp_y_pu(info->geometry.y_offset);
			struct dl_glyph *dg = &out->glyphs[kept++];
			dg->id = (uint16_t)id;
			dg->x_pu = clamp_x_pu(pen_pu + info->geometry.x_offset);
			dg->cluster = (uint16_t)cluster;
		}
		pen_pu += info->geometry.width;
	}
	/* The glyph of the run's logical start (first left to right, last
	 * right to left) owns byte 0, so no byte is left outside every
	 * cluster when glyphs there were empty. */
	if (kept)
		out->glyphs[item->analysis.level % 2 ? kept - 1 : 0].cluster = 0;
	out->glyph_count = kept;
	return pen_pu;
}

/* Line index as Pango laid it out, with its piece's text and where that
 * text begins in the whole text (byte i of it is byte i + *base). */
static PangoLayoutLine *line_at(const struct lines_impl *impl, size_t index,
				const char **text, ptrdiff_t *base)
{
	if (index >= impl->lines.line_count)
		return NULL;
	const struct text_piece *piece = &impl->pieces[impl->line_piece[index]];
	*text = pango_layout_get_text(piece->pango);
	*base = piece->base;
	return impl->line[index];
}

/* ---- language of parts ---- */

/* Whether lang names another language than the paper's. */
static int other_language(const struct layout *lo, const char *lang)
{
	const char *paper = lo->doc && lo->doc->lang ? lo->doc->lang : NULL;
	return lang && (!paper || g_ascii_strcasecmp(lang, paper) != 0);
}

/* The innermost span in another language than its text's that holds byte
 * offset of the whole text, or -1. */
static int language_span_at(const struct layout *lo,
			    const struct source_text *source, ptrdiff_t offset)
{
	const char *around = source && source->lang ? source->lang :
			     lo->doc && lo->doc->lang ? lo->doc->lang : "";
	int found = -1;
	for (size_t i = 0; source && i < source->span_count; i++) {
		const struct source_span *span = &source->spans[i];
		if (span->lang && (ptrdiff_t)span->start <= offset &&
		    offset < (ptrdiff_t)span->end &&
		    g_ascii_strcasecmp(span->lang, around) != 0)
			found = (int)i;
	}
	return found;
}

/* The Span and Link nodes of one placement: a span in another language
 * gets a Span node (its lang set) under the text's node, a link or ref a
 * Link node, and their runs text boxes of their own under them, so the
 * list says which words are in which language and which words a link
 * holds. */
struct language_nodes {
	uint32_t node;            /* the text's node */
	uint32_t *span_nodes;     /* per span, 0 until made; NULL: no span has
	                             a language or is a link */
	uint32_t *link_nodes;     /* per span, its Link node, 0 until made */
};

static int is_link_span(const struct source_span *span)
{
	return (span->kind == SPAN_LINK || span->kind == SPAN_REF) &&
	       span->target && span->start < span->end;
}

/* The innermost link span that holds byte offset of the whole text, or -1. */
static int link_span_at(const struct source_text *source, ptrdiff_t offset)
{
	int found = -1;
	for (size_t i = 0; source && i < source->span_count; i++)
		if (is_link_span(&source->spans[i]) &&
		    (ptrdiff_t)source->spans[i].start <= offset &&
		    offset < (ptrdiff_t)source->spans[i].end)
			found = (int)i;
	return found;
}

static uint32_t link_node(struct layout *lo, struct language_nodes *nodes,
			  size_t span)
{
	if (!nodes->link_nodes[span]) {
		uint32_t saved = lo->node;
		lo->node = nodes->node;
		nodes->link_nodes[span] = layout_add_node(
			lo, ROLE_LINK, lo->list->nodes[nodes->node].pos);
		lo->node = saved;
	}
	return nodes->link_nodes[span];
}

static uint32_t language_node(struct layout *lo, struct language_nodes *nodes,
			      const struct source_text *source, int span)
{
	if (span < 0 || !nodes->span_nodes)
		return nodes->node;
	if (!nodes->span_nodes[span]) {
		uint32_t saved = lo->node;
		lo->node = nodes->node;
		uint32_t n = layout_add_node(lo, ROLE_SPAN, source->pos);
		lo->node = saved;
		lo->list->nodes[n].lang = dl_strdup(lo->list, source->spans[span].lang);
		nodes->span_nodes[span] = n;
	}
	return nodes->span_nodes[span];
}

static int run_usable(const PangoLayoutLine *line, const PangoGlyphItem *run)
{
	/* A run never leaves its line; guard the slice all the same. */
	return run && run->item && run->item->length > 0 &&
	       run->item->offset >= line->start_index &&
	       run->item->offset + run->item->length <=
		       line->start_index + line->length;
}

/* One text box for the runs [first, last) of line under node: the whole
 * line (its logical width and all its text) when whole_line, else as wide
 * as those runs and holding their text, x_from_pu along the line. */
static void place_runs(struct layout *lo, const struct lines_impl *impl,
		       size_t index, double x_pt, double y_pt, uint32_t node,
		       const char *text, PangoLayoutLine *line, GSList *first,
		       GSList *last, int64_t x_from_pu, int whole_line)
{
	const struct layout_lines *lines = &impl->lines;
	int text_start = line->start_index;
	int text_end = line->start_index + line->length;
	if (!whole_line) {
		text_start = INT32_MAX;
		text_end = 0;
		for (GSList *l = first; l != last; l = l->next) {
			const PangoGlyphItem *run = l->data;
			if (!run_usable(line, run))
				continue;
			if (run->item->offset < text_start)
				text_start = run->item->offset;
			if (run->item->offset + run->item->length > text_end)
				text_end = run->item->offset + run->item->length;
		}
		if (text_end <= text_start)
			return;
	}
	struct dl_box *box = layout_add_box(lo, BOX_TEXT, node);
	box->x_pt = x_pt + impl->line_x_pt[index] + (double)x_from_pu / PANGO_SCALE;
	box->y_pt = y_pt;
	box->width_pt = impl->line_width_pt[index];
	box->height_pt = lines->line_height_pt[index];
	struct dl_text *t = &box->u.text;
	t->baseline_pt = impl->baseline_pt[index];
	t->text = dl_strndup(lo->list, text + text_start,
			     (size_t)(text_end - text_start));
	uint32_t run_count = 0;
	for (GSList *l = first; l != last; l = l->next)
		run_count++;
	t->runs = arena_alloc(lo->list->arena,
			      (run_count ? run_count : 1) * sizeof *t->runs);
	int64_t x_pu = 0;
	uint32_t n = 0;
	for (GSList *l = first; l != last; l = l->next) {
		const PangoGlyphItem *run = l->data;
		if (!run_usable(line, run))
			continue;
		struct dl_run *out = &t->runs[n++];
		out->x_pt = (double)x_pu / PANGO_SCALE;
		x_pu += copy_run(lo, t->text, text_start, run,
				 lines->font->color, out);
	}
	t->run_count = n;
	if (!whole_line)
		box->width_pt = (double)x_pu / PANGO_SCALE;
}

static void place_line_text(struct layout *lo, const struct lines_impl *impl,
			    size_t index, double x_pt, double y_pt,
			    struct language_nodes *nodes)
{
	const struct layout_lines *lines = &impl->lines;
	const char *text;
	ptrdiff_t base;
	PangoLayoutLine *line = line_at(impl, index, &text, &base);
	if (!line || line->length == 0 || !line->runs)
		return;
	if (!nodes->span_nodes) {
		place_runs(lo, impl, index, x_pt, y_pt, nodes->node, text, line,
			   line->runs, NULL, 0, 1);
		return;
	}
	/* Runs in visual order, grouped by the node they belong to (a link,
	 * a span in another language or the text's own): Pango itemizes by
	 * language and splits runs where a link's colour begins and ends, so
	 * no run straddles an edge. */
	GSList *group = line->runs;
	uint32_t group_node = 0;
	int64_t x_pu = 0, group_x_pu = 0;
	for (GSList *l = line->runs;; l = l->next) {
		const PangoGlyphItem *run = l ? l->data : NULL;
		uint32_t run_node = group_node;
		if (run && run->item) {
			ptrdiff_t offset = run->item->offset + base;
			int link = link_span_at(lines->source, offset);
			run_node = link >= 0 ? link_node(lo, nodes, (size_t)link)
					     : language_node(lo, nodes, lines->source,
							     language_span_at(lo, lines->source,
									      offset));
		}
		if (l && l == line->runs)
			group_node = run_node;
		if (!l || run_node != group_node) {
			place_runs(lo, impl, index, x_pt, y_pt, group_node,
				   text, line, group, l, group_x_pu, 0);
			if (!l)
				break;
			group = l;
			group_node = run_node;
			group_x_pu = x_pu;
		}
		if (run && run->glyphs)
			x_pu += pango_glyph_string_get_width(run->glyphs);
	}
}

/* Link and ref spans: a Link node with a clickable box and an underline
 * over the span's extent on each placed line. */
static void place_span_links(struct layout *lo, const struct lines_impl *impl,
			     struct language_nodes *nodes, size_t span_index,
			     size_t first, size_t count, double x_pt,
			     double y0_pt)
{
	const struct layout_lines *lines = &impl->lines;
	const struct source_span *span = &lines->source->spans[span_index];
	for (size_t i = first; i < first + count; i++) {
		const char *text;
		ptrdiff_t base;
		PangoLayoutLine *line = line_at(impl, i, &text, &base);
		if (!line)
			continue;
		/* In the whole text's bytes, then in the piece's. */
		ptrdiff_t start = line->start_index + base;
		ptrdiff_t end = start + line->length;
		ptrdiff_t s = (ptrdiff_t)span->start > start ? (ptrdiff_t)span->start
							      : start;
		ptrdiff_t e = (ptrdiff_t)span->end < end ? (ptrdiff_t)span->end : end;
		if (s >= e)
			continue;
		int *ranges = NULL, n_ranges = 0;
		pango_layout_line_get_x_ranges(line, (int)(s - base), (int)(e - base),
					       &ranges, &n_ranges);
		double line_left = impl->line_x_pt[i];
		double line_right = line_left + impl->line_width_pt[i];
		double top = y0_pt + lines->line_top_pt[i] - lines->line_top_pt[first];
		for (int r = 0; r < n_ranges; r++) {
			double left = (double)ranges[2 * r] / PANGO_SCALE;
			double right = (double)ranges[2 * r + 1] / PANGO_SCALE;
			if (left < line_left)
				left = line_left;
			if (right > line_right)
				right = line_right;
			if (right <= left)
				continue;
			struct dl_box *box = layout_add_box(
				lo, BOX_LINK, link_node(lo, nodes, span_index));
			box->x_pt = x_pt + left;
			box->y_pt = top;
			box->width_pt = right - left;
			box->height_pt = lines->line_height_pt[i];
			if (span->kind == SPAN_LINK)
				box->u.link.uri = dl_strdup(lo->list, span->target);
			else
				box->u.link.dest = dl_strdup(lo->list, span->target);
			double size_pt = lines->font->size_pt > 0 ?
						 lines->font->size_pt : 10;
			double under_pt = top + impl->baseline_pt[i] + size_pt * 0.12;
			layout_add_rule(lo, link_node(lo, nodes, span_index),
					x_pt + left, under_pt,
					right - left, 0, lo->style->link_color,
					size_pt * 0.06);
		}
		g_free(ranges);
	}
}

double layout_place_lines(struct layout *lo, const struct layout_lines *lines,
			  size_t first, size_t count, double x_pt, double y_pt,
			  uint32_t node)
{
	if (first >= lines->line_count || count == 0)
		return 0;
	if (first + count > lines->line_count)
		count = lines->line_count - first;
	const struct lines_impl *impl = (const struct lines_impl *)lines;
	const struct source_text *source = lines->source;
	struct language_nodes nodes = { node, NULL, NULL };
	if (source && other_language(lo, source->lang) && node &&
	    !lo->list->nodes[node].lang)
		lo->list->nodes[node].lang = dl_strdup(lo->list, source->lang);
	for (size_t s = 0; source && s < source->span_count; s++)
		if ((source->spans[s].lang || is_link_span(&source->spans[s])) &&
		    !nodes.span_nodes) {
			nodes.span_nodes = mem_array(source->span_count,
						     sizeof *nodes.span_nodes);
			nodes.link_nodes = mem_array(source->span_count,
						     sizeof *nodes.link_nodes);
		}
	double top0 = lines->line_top_pt[first];
	for (size_t i = first; i < first + count; i++)
		place_line_text(lo, impl, i, x_pt,
				y_pt + lines->line_top_pt[i] - top0, &nodes);
	for (size_t s = 0; source && s < source->span_count; s++)
		if (is_link_span(&source->spans[s]))
			place_span_links(lo, impl, &nodes, s, first, count, x_pt,
					 y_pt);
	free(nodes.span_nodes);
	free(nodes.link_nodes);
	size_t last = first + count - 1;
	return lines->line_top_pt[last] + lines->line_height_pt[last] - top0;
}
