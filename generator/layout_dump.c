/* A stable JSON dump of a display list: what tests and golden files compare
 * instead of PDF bytes. Numbers are rounded to two decimals; keys and order
 * never change between runs. */
#include "layout.h"

#include <math.h>

static void dump_string(const char *s, FILE *out)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\n':
			fputs("\\n", out);
			break;
		case '\r':
			fputs("\\r", out);
			break;
		case '\t':
			fputs("\\t", out);
			break;
		default:
			if (*p < 0x20)
				fprintf(out, "\\u%04x", *p);
			else
				fputc(*p, out);
		}
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
	}
	return "unknown";
}

static void dump_box(const struct display_list *list, const struct dl_box *b,
		     size_t page, FILE *out)
{
	fprintf(out, "{\"kind\":\"%s\",\"page\":%zu,\"x\":", kind_name(b->kind),
		page + 1);
	dump_number(b->x_pt, out);
	fputs(",\"y\":", out);
	dump_number(b->y_pt, out);
	fputs(",\"width\":", out);
	dump_number(b->width_pt, out);
	fputs(",\"height\":", out);
	dump_number(b->height_pt, out);
	fputs(",\"fill\":", out);
	dump_color(b->fill, out);
	fputs(",\"stroke\":", out);
	dump_color(b->stroke, out);
	switch (b->kind) {
	case BOX_TEXT:
		fputs(",\"text\":", out);
		dump_string(b->u.text.text ? b->u.text.text : "", out);
		if (b->u.text.angle_deg != 0) {
			fputs(",\"angle\":", out);
			dump_number(b->u.text.angle_deg, out);
		}
		break;
	case BOX_LINK:
		fputs(",\"uri\":", out);
		dump_string(b->u.link.uri, out);
		fputs(",\"dest\":", out);
		dump_string(b->u.link.dest, out);
		break;
	case BOX_DEST:
		fputs(",\"name\":", out);
		dump_string(b->u.dest, out);
		break;
	case BOX_PATH:
		fprintf(out, ",\"points\":%u", b->u.path.point_count);
		break;
	case BOX_RECT:
	case BOX_RULE:
		break;
	}
	fputs(",\"role\":", out);
	if (b->node < list->node_count)
		dump_string(layout_role_name(&list->nodes[b->node]), out);
	else
		fputs("null", out);
	fputc('}', out);
}

void layout_dump_json(const struct display_list *list, FILE *out)
{
	fputs("{\"pages\":[", out);
	for (size_t p = 0; p < list->page_count; p++) {
		fputs(p ? ",\n{\"width\":" : "\n{\"width\":", out);
		dump_number(list->pages[p].width_pt, out);
		fputs(",\"height\":", out);
		dump_number(list->pages[p].height_pt, out);
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
	fputs(",\"author\":", out);
	dump_string(list->author, out);
	fputs(",\"subject\":", out);
	dump_string(list->subject, out);
	fputs(",\"lang\":", out);
	dump_string(list->lang, out);
	fputs(",\"create_date\":", out);
	dump_string(list->create_date, out);
	fputs("}\n", out);
}
