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

/* The public lines plus what placing needs and the contract does not say. */
struct lines_impl {
	struct layout_lines lines;
	double *line_x_pt;        /* left of each line (alignment offset) */
	double *line_width_pt;    /* logical width of each line */
	double *baseline_pt;      /* baseline from the line's top */
	double *storage;          /* the five per-line arrays in one block */
};

static PangoFontDescription *font_description(const struct style_font *font)
{
	PangoFontDescription *desc = pango_font_description_new();
	pango_font_description_set_family(desc, font->family ? font->family :
								"sans-serif");
	double size_pt = font->size_pt > 0 ? font->size_pt : 10;
	pango_font_description_set_absolute_size(desc, size_pt * PANGO_SCALE);
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
			     uint32_t start, uint32_t end)
{
	attr->start_index = start;
	attr->end_index = end;
	pango_attr_list_insert(attrs, attr);
}

/* Spans become attributes: the text itself is never parsed as markup. A
 * language (the text's own, or a span's) shapes its text as that
 * language: line breaking, hyphenation points and glyph choice follow it. */
static PangoAttrList *span_attributes(const struct layout *lo,
				      const struct source_text *text,
				      size_t length)
{
	PangoAttrList *attrs = pango_attr_list_new();
	if (text->lang)
		insert_span_attr(attrs, pango_attr_language_new(
					 pango_language_from_string(text->lang)),
				 0, (uint32_t)length);
	for (size_t i = 0; i < text->span_count; i++) {
		const struct source_span *span = &text->spans[i];
		uint32_t start = span->start, end = span->end;
		if (start >= end || end > length)
			continue;
		if (span->lang)
			insert_span_attr(attrs, pango_attr_language_new(
						 pango_language_from_string(span->lang)),
					 start, end);
		switch (span->kind) {
		case SPAN_EMPHASIS:
			insert_span_attr(attrs,
					 pango_attr_style_new(PANGO_STYLE_ITALIC),
					 start, end);
			break;
		case SPAN_STRONG:
			insert_span_attr(attrs,
					 pango_attr_weight_new(PANGO_WEIGHT_BOLD),
					 start, end);
			break;
		case SPAN_LINK:
		case SPAN_REF:
			insert_span_attr(attrs, color_attr(lo->style->link_color),
					 start, end);
			break;
		case SPAN_LANGUAGE:
			break;
		}
	}
	return attrs;
}

static struct layout_lines *measure(struct layout *lo, const char *text,
				    PangoAttrList *attrs,
				    const struct style_font *font,
				    double width_pt, enum layout_align align)
{
	PangoLayout *pango = pango_layout_new(lo->context);
	PangoFontDescription *desc = font_description(font);
	pango_layout_set_font_description(pango, desc);
	pango_font_description_free(desc);
	/* A word wider than the column breaks between characters rather than
	 * running out of it. */
	pango_layout_set_wrap(pango, PANGO_WRAP_WORD_CHAR);
	if (width_pt < 1)
		width_pt = 1;
	pango_layout_set_width(pango, (int)(width_pt * PANGO_SCALE));
	pango_layout_set_alignment(pango, align == ALIGN_CENTER ? PANGO_ALIGN_CENTER :
					  align == ALIGN_RIGHT ? PANGO_ALIGN_RIGHT :
								 PANGO_ALIGN_LEFT);
	pango_layout_set_text(pango, text, -1);
	if (attrs)
		pango_layout_set_attributes(pango, attrs);

	struct lines_impl *impl = mem_alloc(sizeof *impl);
	struct layout_lines *lines = &impl->lines;
	lines->pango = pango;
	lines->font = font;
	size_t count = (size_t)pango_layout_get_line_count(pango);
	lines->line_count = count;
	impl->storage = mem_array(count * 5 + 1, sizeof(double));
	lines->line_top_pt = impl->storage;
	lines->line_height_pt = impl->storage + count;
	impl->line_x_pt = impl->storage + 2 * count;
	impl->line_width_pt = impl->storage + 3 * count;
	impl->baseline_pt = impl->storage + 4 * count;

	PangoLayoutIter *iter = pango_layout_get_iter(pango);
	size_t i = 0;
	do {
		PangoRectangle logical;
		pango_layout_iter_get_line_extents(iter, NULL, &logical);
		int baseline = pango_layout_iter_get_baseline(iter);
		if (i < count) {
			lines->line_top_pt[i] = (double)logical.y / PANGO_SCALE;
			lines->line_height_pt[i] = (double)logical.height / PANGO_SCALE;
			impl->line_x_pt[i] = (double)logical.x / PANGO_SCALE;
			impl->line_width_pt[i] = (double)logical.width / PANGO_SCALE;
			impl->baseline_pt[i] = (double)(baseline - logical.y) /
					       PANGO_SCALE;
			if (impl->line_width_pt[i] > lines->width_pt)
				lines->width_pt = impl->line_width_pt[i];
		}
		i++;
	} while (pango_layout_iter_next_line(iter));
	pango_layout_iter_free(iter);
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
	PangoAttrList *attrs = NULL;
	if (text && (text->span_count || text->lang))
		attrs = span_attributes(lo, text, strlen(s));
	struct layout_lines *lines = measure(lo, s, attrs, font, width_pt, align);
	if (attrs)
		pango_attr_list_unref(attrs);
	lines->source = text && (text->span_count || text->lang) ? text : NULL;
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

void layout_lines_free(struct layout_lines *lines)
{
	if (!lines)
		return;
	struct lines_impl *impl = (struct lines_impl *)lines;
	g_object_unref(lines->pango);
	free(impl->storage);
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

_Static_assert(sizeof(struct dl_glyph) == 8,
	       "a glyph stays eight bytes: a long paper holds millions");

int32_t dl_glyph_id(PangoGlyph glyph)
{
	if (glyph == PANGO_GLYPH_EMPTY)
		return -1;
	if ((glyph & PANGO_GLYPH_UNKNOWN_FLAG) || glyph > UINT16_MAX)
		return 0;
	return (int32_t)glyph;
}

static int16_t clamp_y_pu(int y_pu)
{
	return (int16_t)(y_pu > INT16_MAX ? INT16_MAX :
			 y_pu < INT16_MIN ? INT16_MIN : y_pu);
}

/* Copy one shaped run; returns its logical width in Pango units. Its text
 * is its slice of the line's copy: text_length bytes, not NUL-ended. */
static int copy_run(struct layout *lo, const char *line_text, int line_start,
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
	int pen_pu = 0;
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
			dg->x_pu = pen_pu + info->geometry.x_offset;
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

/* ---- language of parts ---- */

/* Whether lang names another language than the paper's. */
static int other_language(const struct layout *lo, const char *lang)
{
	const char *paper = lo->doc && lo->doc->lang ? lo->doc->lang : NULL;
	return lang && (!paper || g_ascii_strcasecmp(lang, paper) != 0);
}

/* The innermost span with a language other than the text's that holds
 * byte offset, or -1. */
static int language_span_at(const struct layout *lo,
			    const struct source_text *source, int offset)
{
	int found = -1;
	for (size_t i = 0; source && i < source->span_count; i++) {
		const struct source_span *span = &source->spans[i];
		if (span->lang && (int)span->start <= offset &&
		    offset < (int)span->end &&
		    g_ascii_strcasecmp(span->lang,
				       source->lang ? source->lang :
				       lo->doc && lo->doc->lang ? lo->doc->lang : "") != 0)
			found = (int)i;
	}
	return found;
}

/* Span structure nodes of one placement: a span in another language gets
 * a Span node (its lang set) under the text's node, and its runs their own
 * text box under it, so the list says which words are in which language. */
struct language_nodes {
	uint32_t node;            /* the text's node */
	uint32_t *span_nodes;     /* per span; 0 until made */
};

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

/* One text box for the runs [first, last) of line, which belong to node:
 * the whole line when they are all its runs. */
static void place_runs(struct layout *lo, const struct lines_impl *impl,
		       size_t index, double x_pt, double y_pt, uint32_t node,
		       PangoLayoutLine *line, GSList *first, GSList *last,
		       int x_from_pu, int whole_line)
{
	const struct layout_lines *lines = &impl->lines;
	const char *text = pango_layout_get_text(lines->pango);
	int text_start = line->start_index, text_end = line->start_index + line->length;
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
	int x_pu = 0;
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
	PangoLayoutLine *line = pango_layout_get_line_readonly(lines->pango,
							       (int)index);
	if (!line || line->length == 0 || !line->runs)
		return;
	if (!nodes->span_nodes) {
		place_runs(lo, impl, index, x_pt, y_pt, nodes->node, line,
			   line->runs, NULL, 0, 1);
		return;
	}
	/* Runs in visual order, grouped by the language span they are in:
	 * Pango itemizes by language, so no run straddles a span's edge. */
	GSList *group = line->runs;
	int group_span = -2, x_pu = 0, group_x_pu = 0;
	for (GSList *l = line->runs;; l = l->next) {
		const PangoGlyphItem *run = l ? l->data : NULL;
		int span = run && run->item ?
				   language_span_at(lo, lines->source,
						    run->item->offset) :
				   -3;
		if (l && group_span == -2)
			group_span = span;
		if (!l || span != group_span) {
			place_runs(lo, impl, index, x_pt, y_pt,
				   language_node(lo, nodes, lines->source,
						 group_span),
				   line, group, l, group_x_pu, 0);
			if (!l)
				break;
			group = l;
			group_span = span;
			group_x_pu = x_pu;
		}
		if (run)
			x_pu += pango_glyph_string_get_width(run->glyphs);
	}
}

/* Link and ref spans: a Link node with a clickable box and an underline
 * over the span's extent on each placed line. */
static void place_span_links(struct layout *lo, const struct lines_impl *impl,
			     const struct source_span *span, size_t first,
			     size_t count, double x_pt, double y0_pt,
			     uint32_t node)
{
	const struct layout_lines *lines = &impl->lines;
	uint32_t link_node = 0;
	int have_node = 0;
	for (size_t i = first; i < first + count; i++) {
		PangoLayoutLine *line = pango_layout_get_line_readonly(lines->pango,
								       (int)i);
		if (!line)
			continue;
		int start = line->start_index, end = start + line->length;
		int s = (int)span->start > start ? (int)span->start : start;
		int e = (int)span->end < end ? (int)span->end : end;
		if (s >= e)
			continue;
		int *ranges = NULL, n_ranges = 0;
		pango_layout_line_get_x_ranges(line, s, e, &ranges, &n_ranges);
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
			if (!have_node) {
				uint32_t saved = lo->node;
				lo->node = node;
				link_node = layout_add_node(lo, ROLE_LINK,
							    lo->list->nodes[node].pos);
				lo->node = saved;
				have_node = 1;
			}
			struct dl_box *box = layout_add_box(lo, BOX_LINK, link_node);
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
			layout_add_rule(lo, link_node, x_pt + left, under_pt,
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
	struct language_nodes nodes = { node, NULL };
	if (source && other_language(lo, source->lang) && node &&
	    !lo->list->nodes[node].lang)
		lo->list->nodes[node].lang = dl_strdup(lo->list, source->lang);
	for (size_t s = 0; source && s < source->span_count; s++)
		if (source->spans[s].lang && !nodes.span_nodes)
			nodes.span_nodes = mem_array(source->span_count,
						     sizeof *nodes.span_nodes);
	double top0 = lines->line_top_pt[first];
	for (size_t i = first; i < first + count; i++)
		place_line_text(lo, impl, i, x_pt,
				y_pt + lines->line_top_pt[i] - top0, &nodes);
	free(nodes.span_nodes);
	if (source) {
		for (size_t s = 0; s < source->span_count; s++) {
			const struct source_span *span = &source->spans[s];
			if ((span->kind == SPAN_LINK || span->kind == SPAN_REF) &&
			    span->target && span->start < span->end)
				place_span_links(lo, impl, span, first, count, x_pt,
						 y_pt, node);
		}
	}
	size_t last = first + count - 1;
	return lines->line_top_pt[last] + lines->line_height_pt[last] - top0;
}
