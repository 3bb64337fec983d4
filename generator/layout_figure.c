/* Figures: an image scaled to fit its column (never enlarged past its
 * natural size, never taller than a page), moved whole to the next page
 * rather than split, centred, with its caption below. With alternative
 * text it is a Figure; with alt="" it is decoration, an artifact screen
 * readers skip. Owner: layout_figure.c only. */
#include "layout_internal.h"

#include "image.h"

/* An image box of image (which the list takes over) at x, y, w × h. */
static void add_image_box(struct layout *lo, uint32_t node,
			  struct image *image, double x_pt, double y_pt,
			  double width_pt, double height_pt)
{
	uint32_t index = dl_add_image(lo->list, image->pixels, image->svg,
				      image->width_px, image->height_px);
	image->pixels = NULL;
	image->svg = NULL;
	dl_set_image_source(lo->list, index, image->svg_source);
	image->svg_source = NULL;
	struct dl_box *box = layout_add_box(lo, BOX_IMAGE, node);
	box->x_pt = x_pt;
	box->y_pt = y_pt;
	box->width_pt = width_pt;
	box->height_pt = height_pt;
	box->u.image = index;
}

void layout_image_size(const struct image *image, double max_width_pt,
		       double max_height_pt, double *width_pt,
		       double *height_pt)
{
	double scale = 1;
	if (image->width_pt > max_width_pt)
		scale = max_width_pt / image->width_pt;
	if (image->height_pt * scale > max_height_pt)
		scale = max_height_pt / image->height_pt;
	*width_pt = image->width_pt * scale;
	*height_pt = image->height_pt * scale;
}

void layout_place_image(struct layout *lo, struct image *image,
			const struct layout_figure_text *words,
			double x_pt, double width_pt)
{
	if (lo->list->page_count == 0)
		layout_new_page(lo);
	double gap_pt = lo->style->paragraph_gap_pt / 2;
	const struct source_text *caption = words->caption;
	struct layout_lines *lines =
		caption && caption->text[0]
			? layout_measure(lo, caption, &lo->strong_font, width_pt,
					 ALIGN_CENTER)
			: NULL;
	double caption_pt = lines ? lines->height_pt + gap_pt : 0;
	double page_pt = lo->bottom_pt - lo->top_pt;
	double max_height_pt = page_pt - caption_pt;
	if (max_height_pt < page_pt / 2)
		max_height_pt = page_pt / 2; /* a caption never squeezes it away */
	double max_width_pt = width_pt * (words->share > 0 && words->share < 1
						  ? words->share : 1);
	double w_pt, h_pt;
	layout_image_size(image, max_width_pt, max_height_pt, &w_pt, &h_pt);
	layout_ensure_space(lo, h_pt + caption_pt);
	if (words->dest)
		layout_add_dest(lo, words->dest, lo->y_pt);
	int decorative = !words->alt || !words->alt[0];
	uint32_t node = layout_add_node(lo, decorative ? ROLE_ARTIFACT : ROLE_FIGURE,
					words->pos);
	if (!decorative)
		lo->list->nodes[node].alt = dl_strdup(lo->list, words->alt);
	add_image_box(lo, node, image, x_pt + (width_pt - w_pt) / 2, lo->y_pt,
		      w_pt, h_pt);
	lo->y_pt += h_pt;
	if (lines) {
		lo->y_pt += gap_pt;
		uint32_t caption_node = layout_add_node(lo, ROLE_PARAGRAPH,
							caption->pos);
		lo->y_pt += layout_place_lines(lo, lines, 0, lines->line_count,
					       x_pt, lo->y_pt, caption_node);
		layout_lines_free(lines);
	}
	image_free(image);
}

void layout_figure(struct layout *lo, const struct source_figure *figure,
		   const char *dest, double x_pt, double width_pt)
{
	struct paths_naming naming = {
		.source = lo->doc ? lo->doc->path : "-",
		.attribute = "src",
		.line = figure->src_pos.line,
		.col = figure->src_pos.col,
	};
	struct image *image = image_read(&naming, figure->src, lo->diags);
	if (!image)
		return;
	struct layout_figure_text words = {
		.alt = figure->alt,
		.caption = &figure->caption,
		.dest = dest,
		.share = figure->width,
		.pos = figure->pos,
	};
	layout_place_image(lo, image, &words, x_pt, width_pt);
}
