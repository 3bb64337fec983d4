/* Images that sources and house styles name (a figure's src, a logo):
 * found through paths_named (confined to the naming file's folder),
 * refused above IMAGE_MAX_BYTES, sniffed by their first bytes, checked for
 * their size in pixels before anything is decoded, then decoded by Cairo
 * (PNG) or librsvg (SVG, with no access to other files or the network).
 * Every problem is one error at the attribute that names the image.
 *
 * Ownership: image_read returns an image the caller frees with
 * image_free(), or whose pixels or SVG handle it takes (setting the field
 * to NULL) before freeing it, as the layout does for the display list
 * (with the SVG's source too, so a list can travel as bytes). */
#ifndef IMAGE_H
#define IMAGE_H

#include <cairo.h>
#include <glib.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "paths.h"

#define IMAGE_MAX_BYTES (16u * 1024u * 1024u)
#define IMAGE_MAX_PIXELS 16000000u /* 61 MiB decoded */
#define IMAGE_MAX_SIDE_PX 16384u

enum image_format { IMAGE_PNG, IMAGE_SVG };

struct image {
	enum image_format format;
	uint32_t width_px, height_px;
	double width_pt, height_pt;  /* natural size: PNG at its stated
	                                resolution (96 dpi when it states
	                                none), SVG at 96 px to the inch */
	cairo_surface_t *pixels;     /* PNG: ARGB32 pixels; else NULL */
	void *svg;                   /* SVG: its RsvgHandle; else NULL */
	GBytes *svg_source;          /* SVG: the bytes it was loaded from */
};

/* Read the image value names (naming says who names it and where). NULL
 * after one error in diags. */
struct image *image_read(const struct paths_naming *naming, const char *value,
			 struct diag_list *diags);

/* The same from bytes already read (tests); name is for messages. */
struct image *image_from_bytes(const struct paths_naming *naming,
			       const char *value, const unsigned char *bytes,
			       size_t length, struct diag_list *diags);

/* An SVG from its bytes, loaded the one way every SVG is (no base file, so
 * no other file and no network; 96 dpi; a size within the limits): the
 * image with its handle and a copy of its source, or NULL with *problem,
 * the words that follow the attribute in a diagnostic (caller frees).
 * image_from_bytes and dl_wire_decode both load SVGs through it. */
struct image *image_svg_from_bytes(const unsigned char *bytes, size_t length,
				   char **problem);

void image_free(struct image *image);

/* Read every figure of doc as render would, reporting each bad image
 * (validate). (image_figures.c) */
struct source_doc;
void image_check_document(const struct source_doc *doc,
			  struct diag_list *diags);

#endif
