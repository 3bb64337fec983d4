/* The floor for `make bench`: a bare Pango + Cairo loop that lays out and
 * draws the same text as a source (one paragraph per input line) on A4 PDF
 * pages, with no model, no tables and no tagging. What committee-pdf takes
 * beyond this is the price of its structure.
 *
 * usage: floor TEXT_FILE OUT.pdf */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#define PAGE_WIDTH_PT 595.28
#define PAGE_HEIGHT_PT 841.89
#define MARGIN_PT 56.0
#define GAP_PT 6.0

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: floor TEXT_FILE OUT.pdf\n", stderr);
		return 2;
	}
	FILE *in = fopen(argv[1], "r");
	if (!in) {
		perror(argv[1]);
		return 1;
	}
	cairo_surface_t *surface =
		cairo_pdf_surface_create(argv[2], PAGE_WIDTH_PT, PAGE_HEIGHT_PT);
	cairo_t *cr = cairo_create(surface);
	PangoLayout *layout = pango_cairo_create_layout(cr);
	PangoFontDescription *font =
		pango_font_description_from_string("Liberation Sans 10");
	pango_layout_set_font_description(layout, font);
	pango_layout_set_width(layout,
			       (int)((PAGE_WIDTH_PT - 2 * MARGIN_PT) * PANGO_SCALE));
	pango_layout_set_wrap(layout, PANGO_WRAP_WORD);

	double y_pt = MARGIN_PT;
	char *line = NULL;
	size_t capacity = 0;
	ssize_t length;
	long pages = 1;
	while ((length = getline(&line, &capacity, in)) > 0) {
		if (line[length - 1] == '\n')
			line[--length] = '\0';
		if (length == 0)
			continue;
		pango_layout_set_text(layout, line, (int)length);
		int width_pu, height_pu;
		pango_layout_get_size(layout, &width_pu, &height_pu);
		double height_pt = (double)height_pu / PANGO_SCALE;
		if (y_pt + height_pt > PAGE_HEIGHT_PT - MARGIN_PT &&
		    y_pt > MARGIN_PT) {
			cairo_show_page(cr);
			pages++;
			y_pt = MARGIN_PT;
		}
		cairo_move_to(cr, MARGIN_PT, y_pt);
		pango_cairo_show_layout(cr, layout);
		y_pt += height_pt + GAP_PT;
	}
	free(line);
	fclose(in);
	pango_font_description_free(font);
	g_object_unref(layout);
	cairo_destroy(cr);
	cairo_surface_finish(surface);
	int status = cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS;
	cairo_surface_destroy(surface);
	if (status)
		fprintf(stderr, "floor: cannot write %s\n", argv[2]);
	else if (getenv("FLOOR_VERBOSE"))
		fprintf(stderr, "floor: %ld pages\n", pages);
	return status;
}
