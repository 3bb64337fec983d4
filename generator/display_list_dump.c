/* A stable JSON dump of a display list: what tests and golden files compare
 * instead of PDF bytes. Numbers are rounded to two decimals; keys and order
 * never change between runs. */
#include "display_list.h"

#include <math.h>

/* JSON's short escapes; NULL for a byte written as it is or as \uXXXX. */
static const char *short_escape(unsigned char c)
{
	switch (c) {
	case '"':
		return "\\\"";
	case '\\':
		return "\\\\";
	case '\n':
		return "\\n";
	case '\r':
		return "\\r";
	case '\t':
		return "\\t";
	}
	return NULL;
}

static void dump_string(const char *s, FILE *out)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		const char *escape = short_escape(*p);
		if (escape)
			fputs(escape, out);
		else if (*p < 0x20)
			fprintf(out, "\\u%04x", *p);
		else
			fputc(*p, out);
	}
	fputc('"', out);
}

/* Two decimals, and never "-0.00": dumps must compare byte for byte. */
static void dump_number(double v, FILE *out)
{
	double r = round(v * 100) / 100;
	if (r == 0 || !isfinite(r))
		r = 0;
	fprintf(out, "%.2f", r);
}

static void dump_color(uint32_t color, FILE *out)
{
	if (color == DL_NO_COLOR)
		fputs("null", out);
	else
		fprintf(out, "\"#%06x\"", color & 0xFFFFFFu);
}

/* ,"key":value — every field after an object's first. */
static void dump_key_number(const char *key, double v, FILE *out)
{
	fprintf(out, ",\"%s\":", key);
	dump_number(v, out);
}

static void dump_key_string(const char *key, const char *s, FILE *out)
{
	fprintf(out, ",\"%s\":", key);
	dump_string(s, out);
}

static void dump_key_color(const char *key, uint32_t color, FILE *out)
{
	fprintf(out, ",\"%s\":", key);
	dump_color(color, out);
}

static const char *kind_name(enum dl_box_kind kind)
{
	switch (kind) {
	case BOX_TEXT:
		return "text";
	case BOX_RECT:
		return "rect";
	case BOX_RULE:
		return "rule";
	case BOX_PATH:
		return "path";
	case BOX_LINK:
		return "link";
	case BOX_DEST:
		return "dest";
	case BOX_IMAGE:
		return "image";
	}
	return "unknown";
}

static void dump_box(const struct display_list *list, const struct dl_box *b,
		     size_t page, FILE *out)
{
	fprintf(out, "{\"kind\":\"%s\",\"page\":%zu,\"x\":", kind_name(b->kind),
		page + 1);
	dump_number(b->x_pt, out);
	dump_key_number("y", b->y_pt, out);
	dump_key_number("width", b->width_pt, out);
	dump_key_number("height", b->height_pt, out);
	dump_key_color("fill", b->fill, out);
	dump_key_color("stroke", b->stroke, out);
	switch (b->kind) {
	case BOX_TEXT:
		dump_key_string("text", b->u.text.text ? b->u.text.text : "",
				out);
		if (b->u.text.angle_deg != 0)
			dump_key_number("angle", b->u.text.angle_deg, out);
		break;
	case BOX_LINK:
		dump_key_string("uri", b->u.link.uri, out);
		dump_key_string("dest", b->u.link.dest, out);
		break;
	case BOX_DEST:
		dump_key_string("name", b->u.dest, out);
		break;
	case BOX_PATH:
		fprintf(out, ",\"points\":%u", b->u.path.point_count);
		break;
	case BOX_IMAGE:
		if (b->u.image < list->image_count) {
			const struct dl_image *image = &list->images[b->u.image];
			fprintf(out, ",\"image\":%u,\"format\":\"%s\",\"pixels\":\"%ux%u\"",
				b->u.image, image->svg ? "svg" : "png",
				image->width_px, image->height_px);
		}
		break;
	case BOX_RECT:
	case BOX_RULE:
		break;
	}
	dump_key_string("role",
			b->node < list->node_count
				? dl_role_name(&list->nodes[b->node])
				: NULL,
			out);
	/* Only where it differs from the document's, so most boxes say none. */
	if (b->node < list->node_count && list->nodes[b->node].lang)
		dump_key_string("lang", list->nodes[b->node].lang, out);
	fputc('}', out);
}

void dl_dump_json(const struct display_list *list, FILE *out)
{
	fputs("{\"pages\":[", out);
	for (size_t p = 0; p < list->page_count; p++) {
		fputs(p ? ",\n{\"width\":" : "\n{\"width\":", out);
		dump_number(list->pages[p].width_pt, out);
		dump_key_number("height", list->pages[p].height_pt, out);
		fputc('}', out);
	}
	fputs("],\n\"boxes\":[", out);
	int first = 1;
	for (size_t p = 0; p < list->page_count; p++) {
		const struct dl_page *page = &list->pages[p];
		for (size_t i = 0; i < page->box_count; i++) {
			fputs(first ? "\n" : ",\n", out);
			first = 0;
			dump_box(list, &page->boxes[i], p, out);
		}
	}
	fputs("],\n\"outline\":[", out);
	for (size_t i = 0; i < list->outline_count; i++) {
		const struct dl_outline *o = &list->outline[i];
		fputs(i ? ",\n{\"title\":" : "\n{\"title\":", out);
		dump_string(o->title, out);
		fprintf(out, ",\"parent\":%d,\"page\":%u,\"y\":", o->parent,
			o->page + 1);
		dump_number(o->y_pt, out);
		fputc('}', out);
	}
	fputs("],\n\"title\":", out);
	dump_string(list->title, out);
	dump_key_string("author", list->author, out);
	dump_key_string("subject", list->subject, out);
	dump_key_string("lang", list->lang, out);
	dump_key_string("create_date", list->create_date, out);
	fputs("}\n", out);
}
