/* libFuzzer target for the image reader: any bytes through image_from_bytes
 * end in an image whose size keeps within image.h's limits, or in NULL with
 * one error at the attribute that named it; never a crash, a leak or a
 * hang. The format is sniffed from the bytes alone (the file's name only
 * appears in messages), so PNG and SVG inputs share one target.
 * Build with `make fuzz-build`; run build/fuzz/fuzz_image
 * tests/fuzz/corpus_image. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "image.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int sane_points(double points)
{
	return isfinite(points) && points > 0;
}

/* Within the limits, and the decoded form the format says it has. */
static int sane_image(const struct image *image)
{
	if (image->width_px == 0 || image->height_px == 0 ||
	    image->width_px > IMAGE_MAX_SIDE_PX ||
	    image->height_px > IMAGE_MAX_SIDE_PX ||
	    (uint64_t)image->width_px * image->height_px > IMAGE_MAX_PIXELS)
		return 0;
	if (!sane_points(image->width_pt) || !sane_points(image->height_pt))
		return 0;
	if (image->format == IMAGE_PNG)
		return image->pixels && !image->svg &&
		       cairo_image_surface_get_width(image->pixels) ==
			       (int)image->width_px &&
		       cairo_image_surface_get_height(image->pixels) ==
			       (int)image->height_px;
	return image->format == IMAGE_SVG && image->svg && !image->pixels;
}

/* A diagnostic is one line: no control character, no trailing blank. */
static int one_line(const char *message)
{
	size_t n = strlen(message);
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)message[i] < ' ')
			return 0;
	return n && message[n - 1] != ' ';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct paths_naming naming = {
		.source = "fuzz.xml", .attribute = "src", .line = 3, .col = 7,
	};
	struct diag_list diags = { 0 };
	struct image *image = image_from_bytes(&naming, "figure.png", data,
					       size, &diags);
	if (image && (diags.count != 0 || !sane_image(image)))
		__builtin_trap();
	/* Refused: exactly one error, at the attribute, naming the file. */
	if (!image && (diags.count != 1 || diags.items[0].level != DIAG_ERROR ||
		       diags.items[0].line != naming.line ||
		       diags.items[0].col != naming.col ||
		       !strstr(diags.items[0].message, "src=\"figure.png\"") ||
		       !one_line(diags.items[0].message) ||
		       /* Within the pixel limit, never the machine's fault. */
		       strstr(diags.items[0].message, "out of memory")))
		__builtin_trap();
	image_free(image);
	diag_list_free(&diags);
	return 0;
}
