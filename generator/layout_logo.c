/* The house style's logo: read once per document from the layout's folder
 * (image.h, under the rules for files a file names), then placed at the top
 * right of the cover, or at the right of the running header on every page
 * as one image embedded once. Owner: layout_logo.c only. */
#include "layout_internal.h"

#include <math.h>

#include "image.h"

/* Space between the logo and what follows it on the cover. */
#define LOGO_COVER_GAP_PT 12
/* Share of the top margin a header logo may fill. */
#define LOGO_HEADER_SHARE 0.5

/* The logo's image index, reading it on first use; -1 for none. Its
 * natural size in points goes to *width_pt, *height_pt. */
static long logo_index(struct layout *lo, double *width_pt, double *height_pt)
{
	const struct style_logo *logo = &lo->style->logo;
	if (logo->place == LOGO_NONE || lo->logo_image < 0)
		return -1;
	if (lo->logo_image == 0) {
		struct paths_naming naming = {
			.source = lo->style->path ? lo->style->path : "-",
			.attribute = "src",
			.line = logo->line,
			.col = logo->col,
		};
		struct image *image = image_read(&naming, logo->src, lo->diags);
		if (!image) {
			lo->logo_image = -1;
			return -1;
		}
		uint32_t index = dl_add_image(lo->list, image->pixels, image->svg,
					      image->width_px, image->height_px);
		image->pixels = NULL;
		image->svg = NULL;
		dl_set_image_source(lo->list, index, image->svg_source);
		image->svg_source = NULL;
		/* The natural size in points is kept as the image's
		 * proportions: pixels of the list's own record. */
		lo->logo_image = (long)index + 1;
		lo->logo_width_pt = image->width_pt;
		lo->logo_height_pt = image->height_pt;
		image_free(image);
	}
	*width_pt = lo->logo_width_pt;
	*height_pt = lo->logo_height_pt;
	return lo->logo_image - 1;
}

/* Natural size scaled down to fit, proportions kept. */
static void fit(double *width_pt, double *height_pt, double max_width_pt,
		double max_height_pt)
{
	double scale = fmin(1, fmin(max_width_pt / *width_pt,
				    max_height_pt / *height_pt));
	*width_pt *= scale;
	*height_pt *= scale;
}

static void add_logo_box(struct layout *lo, uint32_t node, long index,
			 double x_pt, double y_pt, double width_pt,
			 double height_pt)
{
	struct dl_box *box = layout_add_box(lo, BOX_IMAGE, node);
	box->x_pt = x_pt;
	box->y_pt = y_pt;
	box->width_pt = width_pt;
	box->height_pt = height_pt;
	box->u.image = (uint32_t)index;
}

void layout_logo_cover(struct layout *lo)
{
	double w_pt, h_pt;
	if (lo->style->logo.place != LOGO_COVER)
		return;
	long index = logo_index(lo, &w_pt, &h_pt);
	if (index < 0 || w_pt <= 0 || h_pt <= 0)
		return;
	if (lo->list->page_count == 0)
		layout_new_page(lo);
	fit(&w_pt, &h_pt, fmin(lo->style->logo.width_pt, layout_content_width(lo)),
	    (lo->bottom_pt - lo->top_pt) / 4);
	const char *alt = lo->style->logo.alt;
	struct source_pos pos = { 0, 0 };
	uint32_t node = layout_add_node(lo, alt && alt[0] ? ROLE_FIGURE
						       : ROLE_ARTIFACT, pos);
	if (alt && alt[0])
		lo->list->nodes[node].alt = dl_strdup(lo->list, alt);
	add_logo_box(lo, node, index, lo->right_pt - w_pt, lo->y_pt, w_pt, h_pt);
	lo->y_pt += h_pt + LOGO_COVER_GAP_PT;
}

double layout_logo_header(struct layout *lo, uint32_t node)
{
	double w_pt, h_pt;
	if (lo->style->logo.place != LOGO_HEADER)
		return 0;
	long index = logo_index(lo, &w_pt, &h_pt);
	if (index < 0 || w_pt <= 0 || h_pt <= 0)
		return 0;
	fit(&w_pt, &h_pt, fmin(lo->style->logo.width_pt,
			       (lo->right_pt - lo->left_pt) / 4),
	    lo->top_pt * LOGO_HEADER_SHARE);
	/* Its foot where the header's text stands, in the top margin. */
	double y_pt = fmax(lo->top_pt * 0.75 - h_pt, 2);
	add_logo_box(lo, node, index, lo->right_pt - w_pt, y_pt, w_pt, h_pt);
	return w_pt;
}
