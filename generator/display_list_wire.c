/* A display list as bytes and back (display_list_wire.h). The message is
 * a header (magic, version) and then, in order: metadata, fonts, images,
 * nodes, pages with their boxes, outline, page labels. Integers are
 * little-endian and fixed-width, doubles their IEEE bits, strings a 32-bit
 * length (NIL_STRING for NULL) and their bytes. The reader checks each
 * count against the bytes left before it allocates anything, each index
 * against the table it names, each string for UTF-8 and each coordinate
 * for being finite, and builds the list with the dl_* calls, so it is
 * owned like every other. */
#include "display_list_wire.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-font.h>

#include "image.h"
#include "memory.h"

#define WIRE_MAGIC "CPDL"
#define WIRE_VERSION 1u
#define NIL_STRING UINT32_MAX

/* How an image travels. */
enum wire_image { WIRE_PNG, WIRE_SVG, WIRE_NO_SOURCE };
/* How a run's text travels: as its place in the line's text (as layout
 * makes it) or as bytes of its own. */
enum wire_run_text { RUN_IN_LINE, RUN_OWN };

/* The fewest bytes each item can take, to check a count before anything
 * is allocated for it. */
#define NODE_MIN_BYTES (1 + 4 + 1 + 2 + 4 + 4 + 4 + 4)
#define PAGE_MIN_BYTES (8 + 8 + 4)
#define BOX_MIN_BYTES (1 + 4 + 4 * 8 + 4 + 4 + 8)
#define RUN_MIN_BYTES (2 + 4 + 8 + 1 + 4 + 4 + 4 + 1)
#define GLYPH_BYTES 8
#define FONT_MIN_BYTES (4 + 4 + 4)
#define IMAGE_MIN_BYTES (1 + 4 + 4)
#define OUTLINE_MIN_BYTES (4 + 4 + 4 + 8)
#define LABEL_MIN_BYTES (4 + 4 + 4)

/* ---- writing ---- */

/* n bytes more at the end of out, to be written in place: a long paper's
 * millions of glyphs go faster than one append per field. */
static uint8_t *grow(GByteArray *out, size_t n)
{
	guint at = out->len;
	g_byte_array_set_size(out, at + (guint)n);
	return out->data + at;
}

static uint8_t *le16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	return p + 2;
}

static uint8_t *le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
	return p + 4;
}

static void put_u8(GByteArray *out, uint8_t v)
{
	g_byte_array_append(out, &v, 1);
}


static void put_u16(GByteArray *out, uint16_t v)
{
	le16(grow(out, 2), v);
}

static void put_u32(GByteArray *out, uint32_t v)
{
	le32(grow(out, 4), v);
}

static void put_u64(GByteArray *out, uint64_t v)
{
	put_u32(out, (uint32_t)v);
	put_u32(out, (uint32_t)(v >> 32));
}

static void put_f64(GByteArray *out, double v)
{
	uint64_t bits;
	memcpy(&bits, &v, sizeof bits);
	put_u64(out, bits);
}

static void put_bytes(GByteArray *out, const void *bytes, size_t length)
{
	put_u32(out, (uint32_t)length);
	if (length)
		g_byte_array_append(out, bytes, (guint)length);
}

static void put_string(GByteArray *out, const char *s)
{
	if (!s)
		put_u32(out, NIL_STRING);
	else
		put_bytes(out, s, strlen(s));
}

/* The file and face index a font was loaded from; "" and -1 when it is
 * not a fontconfig font. */
static void font_file(PangoFont *font, const char **file, int *index)
{
	*file = "";
	*index = -1;
	if (!PANGO_IS_FC_FONT(font))
		return;
	FcPattern *pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
	FcChar8 *path = NULL;
	if (pattern &&
	    FcPatternGetString(pattern, FC_FILE, 0, &path) == FcResultMatch)
		*file = (const char *)path;
	if (pattern && FcPatternGetInteger(pattern, FC_INDEX, 0, index) !=
			       FcResultMatch)
		*index = 0;
}

static void put_fonts(GByteArray *out, const struct display_list *list)
{
	put_u32(out, (uint32_t)list->font_count);
	for (size_t i = 0; i < list->font_count; i++) {
		PangoFontDescription *desc =
			pango_font_describe_with_absolute_size(list->fonts[i]);
		char *name = pango_font_description_to_string(desc);
		const char *file;
		int index;
		font_file(list->fonts[i], &file, &index);
		put_string(out, name);
		put_string(out, file);
		put_u32(out, (uint32_t)index);
		g_free(name);
		pango_font_description_free(desc);
	}
}

static void put_image(GByteArray *out, const struct dl_image *image)
{
	if (image->pixels && cairo_surface_get_type(image->pixels) ==
				     CAIRO_SURFACE_TYPE_IMAGE) {
		cairo_surface_t *surface = image->pixels;
		cairo_surface_flush(surface);
		uint32_t width = (uint32_t)cairo_image_surface_get_width(surface);
		uint32_t height = (uint32_t)cairo_image_surface_get_height(surface);
		int stride = cairo_image_surface_get_stride(surface);
		const unsigned char *data = cairo_image_surface_get_data(surface);
		put_u8(out, WIRE_PNG);
		put_u32(out, image->width_px);
		put_u32(out, image->height_px);
		put_u8(out, cairo_image_surface_get_format(surface) ==
				    CAIRO_FORMAT_RGB24);
		put_u32(out, width);
		put_u32(out, height);
		for (uint32_t row = 0; data && row < height; row++)
			g_byte_array_append(out, data + (size_t)row * stride,
					    width * 4);
		return;
	}
	if (image->svg && image->svg_source) {
		put_u8(out, WIRE_SVG);
		put_u32(out, image->width_px);
		put_u32(out, image->height_px);
		gsize length = 0;
		const void *bytes = g_bytes_get_data(image->svg_source, &length);
		put_bytes(out, bytes, length);
		return;
	}
	/* An image made without its source (only tests build those): the
	 * reader refuses it rather than drawing nothing in its place. */
	put_u8(out, WIRE_NO_SOURCE);
	put_u32(out, image->width_px);
	put_u32(out, image->height_px);
}

static void put_node(GByteArray *out, const struct dl_node *node)
{
	put_u8(out, (uint8_t)node->role);
	put_u32(out, node->parent);
	put_u8(out, node->level);
	put_u16(out, node->col_span);
	put_string(out, node->alt);
	put_string(out, node->lang);
	put_u32(out, node->pos.line);
	put_u32(out, node->pos.col);
}

static void put_run(GByteArray *out, const struct dl_text *text,
		    const struct dl_run *run)
{
	put_u16(out, run->font);
	put_u32(out, run->color);
	put_f64(out, run->x_pt);
	size_t line_length = text->text ? strlen(text->text) : 0;
	if (text->text && run->text >= text->text &&
	    run->text <= text->text + line_length &&
	    run->text_length <= line_length - (size_t)(run->text - text->text)) {
		put_u8(out, RUN_IN_LINE);
		put_u32(out, (uint32_t)(run->text - text->text));
		put_u32(out, run->text_length);
	} else {
		put_u8(out, RUN_OWN);
		put_bytes(out, run->text, run->text ? run->text_length : 0);
	}
	put_u32(out, run->glyph_count);
	uint8_t *p = grow(out, (size_t)run->glyph_count * GLYPH_BYTES);
	for (uint32_t g = 0; g < run->glyph_count; g++) {
		p = le16(p, run->glyphs[g].id);
		p = le16(p, run->glyphs[g].cluster);
		p = le32(p, (uint32_t)run->glyphs[g].x_pu);
	}
	put_u8(out, run->y_pu != NULL);
	if (!run->y_pu)
		return;
	p = grow(out, (size_t)run->glyph_count * 2);
	for (uint32_t g = 0; g < run->glyph_count; g++)
		p = le16(p, (uint16_t)run->y_pu[g]);
}

static void put_box(GByteArray *out, const struct dl_box *box)
{
	put_u8(out, (uint8_t)box->kind);
	put_u32(out, box->node);
	put_f64(out, box->x_pt);
	put_f64(out, box->y_pt);
	put_f64(out, box->width_pt);
	put_f64(out, box->height_pt);
	put_u32(out, box->fill);
	put_u32(out, box->stroke);
	put_f64(out, box->line_width_pt);
	switch (box->kind) {
	case BOX_TEXT:
		put_f64(out, box->u.text.baseline_pt);
		put_f64(out, box->u.text.angle_deg);
		put_string(out, box->u.text.text);
		put_u32(out, box->u.text.run_count);
		for (uint32_t r = 0; r < box->u.text.run_count; r++)
			put_run(out, &box->u.text, &box->u.text.runs[r]);
		break;
	case BOX_PATH: {
		uint32_t count = box->u.path.points_pt ? box->u.path.point_count : 0;
		put_u32(out, count);
		for (uint32_t i = 0; i < 2 * count; i++)
			put_f64(out, box->u.path.points_pt[i]);
		break;
	}
	case BOX_LINK:
		put_string(out, box->u.link.uri);
		put_string(out, box->u.link.dest);
		break;
	case BOX_DEST:
		put_string(out, box->u.dest);
		break;
	case BOX_IMAGE:
		put_u32(out, box->u.image);
		break;
	case BOX_RECT:
	case BOX_RULE:
		break;
	}
}

void dl_wire_encode(const struct display_list *list, GByteArray *out)
{
	g_byte_array_append(out, (const guint8 *)WIRE_MAGIC, 4);
	put_u32(out, WIRE_VERSION);
	put_string(out, list->title);
	put_string(out, list->author);
	put_string(out, list->subject);
	put_string(out, list->lang);
	put_string(out, list->create_date);
	put_fonts(out, list);
	put_u32(out, (uint32_t)list->image_count);
	for (size_t i = 0; i < list->image_count; i++)
		put_image(out, &list->images[i]);
	put_u32(out, (uint32_t)list->node_count);
	for (size_t i = 0; i < list->node_count; i++)
		put_node(out, &list->nodes[i]);
	put_u32(out, (uint32_t)list->page_count);
	for (size_t p = 0; p < list->page_count; p++) {
		const struct dl_page *page = &list->pages[p];
		put_f64(out, page->width_pt);
		put_f64(out, page->height_pt);
		put_u32(out, (uint32_t)page->box_count);
		for (size_t b = 0; b < page->box_count; b++)
			put_box(out, &page->boxes[b]);
	}
	put_u32(out, (uint32_t)list->outline_count);
	for (size_t i = 0; i < list->outline_count; i++) {
		put_string(out, list->outline[i].title);
		put_u32(out, (uint32_t)list->outline[i].parent);
		put_u32(out, list->outline[i].page);
		put_f64(out, list->outline[i].y_pt);
	}
	put_u32(out, (uint32_t)list->label_count);
	for (size_t i = 0; i < list->label_count; i++) {
		put_u32(out, list->labels[i].page);
		put_string(out, list->labels[i].prefix);
		put_u32(out, list->labels[i].start);
	}
}

/* ---- reading ---- */

struct reader {
	const unsigned char *bytes;
	size_t length, at;
	char *error;          /* the first problem, or NULL */
	struct display_list *list;
	uint16_t *font_map;   /* the message's font index -> the list's */
	size_t font_count;
};

static int failed(const struct reader *r)
{
	return r->error != NULL;
}

/* Note the first problem; every later read then gives zeros. */
__attribute__((format(printf, 2, 3)))
static void fail(struct reader *r, const char *fmt, ...)
{
	if (r->error)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *what = mem_vprintf(fmt, ap);
	va_end(ap);
	r->error = mem_printf("display list bytes: %s (at byte %zu of %zu)",
			      what, r->at, r->length);
	free(what);
}

static size_t left(const struct reader *r)
{
	return r->length - r->at;
}

/* The next n bytes, or NULL (and the reader failed) past the end. */
static const unsigned char *take(struct reader *r, size_t n, const char *what)
{
	if (failed(r))
		return NULL;
	if (n > left(r)) {
		fail(r, "truncated in %s", what);
		return NULL;
	}
	const unsigned char *p = r->bytes + r->at;
	r->at += n;
	return p;
}

static uint8_t get_u8(struct reader *r, const char *what)
{
	const unsigned char *p = take(r, 1, what);
	return p ? p[0] : 0;
}

static uint16_t get_u16(struct reader *r, const char *what)
{
	const unsigned char *p = take(r, 2, what);
	return p ? (uint16_t)(p[0] | p[1] << 8) : 0;
}

static uint32_t get_u32(struct reader *r, const char *what)
{
	const unsigned char *p = take(r, 4, what);
	return p ? (uint32_t)p[0] | (uint32_t)p[1] << 8 |
			   (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24
		 : 0;
}

static double get_f64(struct reader *r, const char *what)
{
	uint64_t low = get_u32(r, what);
	uint64_t bits = low | (uint64_t)get_u32(r, what) << 32;
	double v;
	memcpy(&v, &bits, sizeof v);
	return v;
}

/* A coordinate or length: finite, or the reader fails. */
static double get_length(struct reader *r, const char *what)
{
	double v = get_f64(r, what);
	if (!failed(r) && !isfinite(v)) {
		fail(r, "%s is not a finite number", what);
		return 0;
	}
	return v;
}

/* A count of items of at least min_bytes each, refused when they cannot
 * fit in what is left: nothing is allocated for a count unchecked. */
static uint32_t get_count(struct reader *r, size_t min_bytes, const char *what)
{
	uint32_t count = get_u32(r, what);
	if (!failed(r) && count > left(r) / min_bytes) {
		fail(r, "%u %s cannot fit in the %zu bytes left", count, what,
		     left(r));
		return 0;
	}
	return failed(r) ? 0 : count;
}

static int colour_ok(uint32_t colour, int may_be_none)
{
	return colour <= 0xFFFFFFu || (may_be_none && colour == DL_NO_COLOR);
}

/* A string into the list's arena: NULL for NIL_STRING, else UTF-8 with no
 * NUL in it. */
static const char *get_string(struct reader *r, const char *what)
{
	uint32_t length = get_u32(r, what);
	if (failed(r) || length == NIL_STRING)
		return NULL;
	const unsigned char *p = take(r, length, what);
	if (!p)
		return NULL;
	if (!g_utf8_validate((const char *)p, length, NULL)) {
		fail(r, "%s is not UTF-8 text", what);
		return NULL;
	}
	return dl_strndup(r->list, (const char *)p, length);
}

static void get_fonts(struct reader *r, PangoContext *context)
{
	uint32_t count = get_count(r, FONT_MIN_BYTES, "fonts");
	r->font_map = mem_array(count ? count : 1, sizeof *r->font_map);
	PangoFontMap *map = pango_context_get_font_map(context);
	for (uint32_t i = 0; i < count && !failed(r); i++) {
		const char *name = get_string(r, "a font's description");
		const char *file = get_string(r, "a font's file");
		int index = (int)get_u32(r, "a font's face index");
		if (failed(r))
			return;
		if (!name || !file) {
			fail(r, "font %u has no description or file", i);
			return;
		}
		PangoFontDescription *desc = pango_font_description_from_string(name);
		PangoFont *font = pango_font_map_load_font(map, context, desc);
		pango_font_description_free(desc);
		const char *here = "";
		int here_index = -1;
		if (font)
			font_file(font, &here, &here_index);
		if (!font || strcmp(here, file) != 0 || here_index != index) {
			fail(r, "font %u (%s) loads from %s (face %d) here, not "
			     "from %s (face %d) as where the list was made: its "
			     "glyph numbers would draw the wrong letters",
			     i, name, font ? here : "no file", here_index, file,
			     index);
			if (font)
				g_object_unref(font);
			return;
		}
		r->font_map[i] = dl_font_index(r->list, font);
		g_object_unref(font);
		r->font_count = i + 1;
	}
}

static void get_png(struct reader *r, uint32_t width_px, uint32_t height_px)
{
	int rgb24 = get_u8(r, "an image's format");
	uint32_t width = get_u32(r, "an image's width");
	uint32_t height = get_u32(r, "an image's height");
	if (failed(r))
		return;
	if (width != width_px || height != height_px || width == 0 ||
	    height == 0 || width > IMAGE_MAX_SIDE_PX ||
	    height > IMAGE_MAX_SIDE_PX ||
	    (uint64_t)width * height > IMAGE_MAX_PIXELS || rgb24 > 1) {
		fail(r, "an image of %u × %u pixels is damaged or too big",
		     width, height);
		return;
	}
	size_t row_bytes = (size_t)width * 4;
	if ((size_t)height > left(r) / row_bytes) {
		fail(r, "truncated in an image's pixels");
		return;
	}
	cairo_surface_t *surface = cairo_image_surface_create(
		rgb24 ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32, (int)width,
		(int)height);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(surface);
		fail(r, "no memory for an image of %u × %u pixels", width, height);
		return;
	}
	unsigned char *data = cairo_image_surface_get_data(surface);
	int stride = cairo_image_surface_get_stride(surface);
	for (uint32_t row = 0; row < height; row++)
		memcpy(data + (size_t)row * stride,
		       take(r, row_bytes, "an image's pixels"), row_bytes);
	cairo_surface_mark_dirty(surface);
	dl_add_image(r->list, surface, NULL, width, height);
}

/* The SVG loaded again from its source, the one way SVGs are loaded. */
static void get_svg(struct reader *r, uint32_t index, uint32_t width_px,
		    uint32_t height_px)
{
	uint32_t length = get_u32(r, "an SVG's length");
	const unsigned char *source = take(r, length, "an SVG's source");
	if (!source)
		return;
	char *problem = NULL;
	struct image *image = image_svg_from_bytes(source, length, &problem);
	if (!image) {
		fail(r, "image %u (SVG) %s", index, problem);
		free(problem);
		return;
	}
	if (image->width_px != width_px || image->height_px != height_px) {
		fail(r, "image %u (SVG) is %u × %u pixels here, not %u × %u",
		     index, image->width_px, image->height_px, width_px, height_px);
		image_free(image);
		return;
	}
	uint32_t added = dl_add_image(r->list, NULL, image->svg, width_px,
				      height_px);
	dl_set_image_source(r->list, added, image->svg_source);
	image->svg = NULL;
	image->svg_source = NULL;
	image_free(image);
}

static void get_images(struct reader *r)
{
	uint32_t count = get_count(r, IMAGE_MIN_BYTES, "images");
	for (uint32_t i = 0; i < count && !failed(r); i++) {
		uint8_t kind = get_u8(r, "an image's kind");
		uint32_t width_px = get_u32(r, "an image's width");
		uint32_t height_px = get_u32(r, "an image's height");
		if (failed(r))
			return;
		if (kind == WIRE_PNG)
			get_png(r, width_px, height_px);
		else if (kind == WIRE_SVG)
			get_svg(r, i, width_px, height_px);
		else if (kind == WIRE_NO_SOURCE)
			fail(r, "image %u is an SVG sent without its source", i);
		else
			fail(r, "image %u is of no known kind (%u)", i, kind);
	}
}

static void get_nodes(struct reader *r)
{
	uint32_t count = get_count(r, NODE_MIN_BYTES, "structure nodes");
	if (!failed(r) && count == 0)
		fail(r, "there is no document node");
	for (uint32_t i = 0; i < count && !failed(r); i++) {
		uint8_t role = get_u8(r, "a node's role");
		uint32_t parent = get_u32(r, "a node's parent");
		uint8_t level = get_u8(r, "a heading's level");
		uint16_t col_span = get_u16(r, "a cell's column span");
		const char *alt = get_string(r, "a node's alternative text");
		const char *lang = get_string(r, "a node's language");
		struct source_pos pos;
		pos.line = get_u32(r, "a node's line");
		pos.col = get_u32(r, "a node's column");
		if (failed(r))
			return;
		if (role > ROLE_SPAN || parent >= count) {
			fail(r, "node %u has role %u and parent %u of %u nodes",
			     i, role, parent, count);
			return;
		}
		/* Node 0, the document, is dl_new's own. */
		uint32_t n = i ? dl_add_node(r->list, role, parent, pos) : 0;
		struct dl_node *node = &r->list->nodes[n];
		node->role = role;
		node->parent = parent;
		node->pos = pos;
		node->level = level;
		node->col_span = col_span;
		node->alt = alt;
		node->lang = lang;
	}
}

/* A run's text: its slice of the line's text, or bytes of its own. */
static void get_run_text(struct reader *r, const char *line,
			 struct dl_run *run)
{
	uint8_t how = get_u8(r, "a run's text");
	if (how == RUN_IN_LINE) {
		uint32_t offset = get_u32(r, "a run's text");
		uint32_t length = get_u32(r, "a run's text");
		size_t line_length = line ? strlen(line) : 0;
		if (!failed(r) && (offset > line_length ||
				   length > line_length - offset)) {
			fail(r, "a run's text (%u bytes from %u) is outside its "
			     "line's %zu", length, offset, line_length);
			return;
		}
		run->text = line ? line + offset : NULL;
		run->text_length = length;
	} else if (how == RUN_OWN) {
		uint32_t length = get_u32(r, "a run's text");
		const unsigned char *p = take(r, length, "a run's text");
		if (p && !g_utf8_validate((const char *)p, length, NULL)) {
			fail(r, "a run's text is not UTF-8");
			return;
		}
		run->text = p ? dl_strndup(r->list, (const char *)p, length) : NULL;
		run->text_length = length;
	} else if (!failed(r)) {
		fail(r, "a run's text is of no known kind (%u)", how);
	}
}

static void get_run(struct reader *r, const char *line, struct dl_run *run)
{
	uint16_t font = get_u16(r, "a run's font");
	run->color = get_u32(r, "a run's colour");
	run->x_pt = get_length(r, "a run's x");
	if (failed(r))
		return;
	if (font >= r->font_count || !colour_ok(run->color, 0)) {
		fail(r, "a run names font %u of %zu, colour %#x", font,
		     r->font_count, run->color);
		return;
	}
	run->font = r->font_map[font];
	get_run_text(r, line, run);
	uint32_t count = get_count(r, GLYPH_BYTES, "glyphs");
	if (failed(r))
		return;
	struct arena *arena = r->list->arena;
	run->glyphs = arena_alloc(arena, (count ? count : 1) * sizeof *run->glyphs);
	run->glyph_count = count;
	for (uint32_t g = 0; g < count && !failed(r); g++) {
		struct dl_glyph *glyph = &run->glyphs[g];
		glyph->id = get_u16(r, "a glyph");
		glyph->cluster = get_u16(r, "a glyph");
		glyph->x_pu = (int32_t)get_u32(r, "a glyph");
		if (!failed(r) && glyph->cluster > run->text_length)
			fail(r, "a glyph's cluster %u is past its run's %u bytes",
			     glyph->cluster, run->text_length);
	}
	uint8_t has_y = get_u8(r, "a run's vertical offsets");
	if (failed(r) || !has_y)
		return;
	if (has_y != 1 || count > left(r) / 2) {
		fail(r, "a run's vertical offsets are damaged or truncated");
		return;
	}
	run->y_pu = arena_alloc(arena, (count ? count : 1) * sizeof *run->y_pu);
	for (uint32_t g = 0; g < count; g++)
		run->y_pu[g] = (int16_t)get_u16(r, "a glyph's vertical offset");
}

static void get_text(struct reader *r, struct dl_text *text)
{
	text->baseline_pt = get_length(r, "a line's baseline");
	text->angle_deg = get_length(r, "a line's angle");
	text->text = get_string(r, "a line's text");
	uint32_t count = get_count(r, RUN_MIN_BYTES, "runs");
	if (failed(r) || count == 0)
		return;
	text->runs = arena_alloc(r->list->arena, count * sizeof *text->runs);
	text->run_count = count;
	for (uint32_t i = 0; i < count && !failed(r); i++)
		get_run(r, text->text, &text->runs[i]);
}

static void get_path(struct reader *r, struct dl_path *path)
{
	uint32_t count = get_count(r, 16, "path points");
	if (failed(r) || count == 0)
		return;
	path->points_pt = arena_alloc(r->list->arena,
				      2 * (size_t)count * sizeof(double));
	path->point_count = count;
	for (uint32_t i = 0; i < 2 * count && !failed(r); i++)
		path->points_pt[i] = get_length(r, "a path's point");
}

/* The box's kind's own fields. */
static void get_box_body(struct reader *r, struct dl_box *box)
{
	switch (box->kind) {
	case BOX_TEXT:
		get_text(r, &box->u.text);
		break;
	case BOX_PATH:
		get_path(r, &box->u.path);
		break;
	case BOX_LINK:
		box->u.link.uri = get_string(r, "a link's address");
		box->u.link.dest = get_string(r, "a link's destination");
		break;
	case BOX_DEST:
		box->u.dest = get_string(r, "a destination's name");
		break;
	case BOX_IMAGE:
		box->u.image = get_u32(r, "a box's image");
		if (!failed(r) && box->u.image >= r->list->image_count)
			fail(r, "a box names image %u of %zu", box->u.image,
			     r->list->image_count);
		break;
	case BOX_RECT:
	case BOX_RULE:
		break;
	}
}

static void get_box(struct reader *r, size_t page_index)
{
	uint8_t kind = get_u8(r, "a box's kind");
	uint32_t node = get_u32(r, "a box's node");
	if (failed(r))
		return;
	if (kind > BOX_IMAGE || node >= r->list->node_count) {
		fail(r, "a box of kind %u names node %u of %zu", kind, node,
		     r->list->node_count);
		return;
	}
	struct dl_box *box = dl_add_box(r->list, page_index, kind, node);
	box->x_pt = get_length(r, "a box's x");
	box->y_pt = get_length(r, "a box's y");
	box->width_pt = get_length(r, "a box's width");
	box->height_pt = get_length(r, "a box's height");
	box->fill = get_u32(r, "a box's fill");
	box->stroke = get_u32(r, "a box's stroke");
	box->line_width_pt = get_length(r, "a box's line width");
	if (!failed(r) && (!colour_ok(box->fill, 1) || !colour_ok(box->stroke, 1))) {
		fail(r, "a box's colours %#x, %#x are not colours", box->fill,
		     box->stroke);
		return;
	}
	get_box_body(r, box);
}

static void get_pages(struct reader *r)
{
	uint32_t count = get_count(r, PAGE_MIN_BYTES, "pages");
	for (uint32_t p = 0; p < count && !failed(r); p++) {
		double width_pt = get_length(r, "a page's width");
		double height_pt = get_length(r, "a page's height");
		uint32_t boxes = get_count(r, BOX_MIN_BYTES, "boxes");
		if (failed(r))
			return;
		if (!(width_pt > 0 && height_pt > 0)) {
			fail(r, "page %u is %g × %g pt", p + 1, width_pt, height_pt);
			return;
		}
		size_t page = dl_add_page(r->list, width_pt, height_pt);
		for (uint32_t b = 0; b < boxes && !failed(r); b++)
			get_box(r, page);
	}
}

static void get_outline(struct reader *r)
{
	uint32_t count = get_count(r, OUTLINE_MIN_BYTES, "bookmarks");
	for (uint32_t i = 0; i < count && !failed(r); i++) {
		const char *title = get_string(r, "a bookmark's title");
		int parent = (int)get_u32(r, "a bookmark's parent");
		uint32_t page = get_u32(r, "a bookmark's page");
		double y_pt = get_length(r, "a bookmark's y");
		if (failed(r))
			return;
		if (!title || parent < -1 || parent >= (int)i ||
		    page >= r->list->page_count) {
			fail(r, "bookmark %u names parent %d and page %u of %zu", i,
			     parent, page, r->list->page_count);
			return;
		}
		dl_add_outline(r->list, title, parent, page, y_pt);
	}
}

static void get_labels(struct reader *r)
{
	uint32_t count = get_count(r, LABEL_MIN_BYTES, "page labels");
	for (uint32_t i = 0; i < count && !failed(r); i++) {
		uint32_t page = get_u32(r, "a page label's page");
		const char *prefix = get_string(r, "a page label's prefix");
		uint32_t start = get_u32(r, "a page label's number");
		if (failed(r))
			return;
		const struct display_list *list = r->list;
		if (page >= list->page_count ||
		    (list->label_count &&
		     page <= list->labels[list->label_count - 1].page)) {
			fail(r, "page label %u starts at page %u, not after the "
			     "last and within the %zu pages", i, page,
			     list->page_count);
			return;
		}
		dl_set_page_label(r->list, page, prefix, start);
	}
}

static void get_header(struct reader *r)
{
	const unsigned char *magic = take(r, 4, "the header");
	uint32_t version = get_u32(r, "the header");
	if (failed(r))
		return;
	if (memcmp(magic, WIRE_MAGIC, 4) != 0)
		fail(r, "not a display list (no " WIRE_MAGIC " header)");
	else if (version != WIRE_VERSION)
		fail(r, "version %u, where version %u is read", version,
		     WIRE_VERSION);
}

struct display_list *dl_wire_decode(const unsigned char *bytes, size_t length,
				    PangoContext *context, char **error)
{
	struct reader r = { .bytes = bytes, .length = length };
	*error = NULL;
	if (length > DL_WIRE_MAX_BYTES) {
		*error = mem_printf("display list bytes: %zu bytes, more than "
				    "the %u a list may take", length,
				    DL_WIRE_MAX_BYTES);
		return NULL;
	}
	r.list = dl_new();
	get_header(&r);
	r.list->title = get_string(&r, "the title");
	r.list->author = get_string(&r, "the author");
	r.list->subject = get_string(&r, "the subject");
	r.list->lang = get_string(&r, "the language");
	r.list->create_date = get_string(&r, "the date");
	get_fonts(&r, context);
	get_images(&r);
	get_nodes(&r);
	get_pages(&r);
	get_outline(&r);
	get_labels(&r);
	if (!failed(&r) && left(&r))
		fail(&r, "%zu bytes after the list's end", left(&r));
	free(r.font_map);
	if (failed(&r)) {
		dl_free(r.list);
		*error = r.error;
		return NULL;
	}
	dl_finish(r.list);
	return r.list;
}
