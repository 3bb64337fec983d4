/* Reading an image under the rules for files a source names (image.h):
 * bounded bytes, a format known by its signature, dimensions read from the
 * header (PNG's IHDR, an SVG's intrinsic size) and refused above the limits
 * before any pixel is decoded. */
#include "image.h"

#include <errno.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "memory.h"

#define PNG_SIGNATURE "\x89PNG\r\n\x1a\n"
#define CSS_PX_PER_PT (96.0 / 72.0)

static void image_error(const struct paths_naming *naming, const char *value,
			struct diag_list *diags, const char *problem)
{
	diag_add(diags, DIAG_ERROR, naming->source, naming->line, naming->col,
		 "%s=\"%s\" %s", naming->attribute, value, problem);
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* Why these dimensions (whole pixels) are refused, or NULL. In doubles:
 * an SVG may state a width no integer type holds. */
static char *size_problem(double width_px, double height_px)
{
	if (width_px == 0 || height_px == 0)
		return mem_strdup("has no size: it is empty or damaged");
	if (width_px > IMAGE_MAX_SIDE_PX || height_px > IMAGE_MAX_SIDE_PX ||
	    width_px * height_px > IMAGE_MAX_PIXELS)
		return mem_printf("is %.0f × %.0f pixels, more than the %u "
				  "million pixels (and %u on a side) an image "
				  "may have: save it smaller",
				  width_px, height_px,
				  IMAGE_MAX_PIXELS / 1000000u,
				  IMAGE_MAX_SIDE_PX);
	return NULL;
}

/* ---- PNG ---- */

struct png_reader {
	const unsigned char *bytes;
	size_t length, offset;
};

static cairo_status_t png_read(void *closure, unsigned char *data,
			       unsigned int length)
{
	struct png_reader *r = closure;
	if (length > r->length - r->offset)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, r->bytes + r->offset, length);
	r->offset += length;
	return CAIRO_STATUS_SUCCESS;
}

/* Pixels per inch from a pHYs chunk before the image data, else 96. */
static double png_dpi(const unsigned char *bytes, size_t length)
{
	size_t at = 8;
	while (at + 12 <= length) {
		uint32_t size = be32(bytes + at);
		const unsigned char *type = bytes + at + 4;
		if (size > length - at - 12)
			break;
		if (memcmp(type, "IDAT", 4) == 0)
			break;
		if (memcmp(type, "pHYs", 4) == 0 && size == 9 &&
		    bytes[at + 16] == 1 && be32(bytes + at + 8) > 0) {
			double dpi = be32(bytes + at + 8) * 0.0254;
			/* A stated resolution outside this is a mistake. */
			return dpi >= 36 && dpi <= 1200 ? dpi : 96;
		}
		at += 12 + (size_t)size;
	}
	return 96;
}

static struct image *png_decode(const struct paths_naming *naming,
				const char *value, const unsigned char *bytes,
				size_t length, struct diag_list *diags)
{
	if (length < 33 || memcmp(bytes + 12, "IHDR", 4) != 0) {
		image_error(naming, value, diags,
			    "is a damaged PNG image: its header is missing");
		return NULL;
	}
	uint32_t width_px = be32(bytes + 16), height_px = be32(bytes + 20);
	char *problem = size_problem(width_px, height_px);
	if (problem) {
		image_error(naming, value, diags, problem);
		free(problem);
		return NULL;
	}
	struct png_reader reader = { bytes, length, 0 };
	cairo_surface_t *surface =
		cairo_image_surface_create_from_png_stream(png_read, &reader);
	cairo_status_t status = cairo_surface_status(surface);
	if (status != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(surface);
		/* Cairo 1.16 reports every error libpng finds (a bad CRC, a
		 * chunk longer than the file) as "out of memory"; within our
		 * pixel limit that is the file's fault, not the machine's. */
		char *why = mem_printf("is a damaged PNG image that cannot be "
				       "decoded (%s)",
				       status == CAIRO_STATUS_NO_MEMORY
					       ? "its contents are corrupt"
					       : cairo_status_to_string(status));
		image_error(naming, value, diags, why);
		free(why);
		return NULL;
	}
	struct image *image = mem_alloc(sizeof *image);
	image->format = IMAGE_PNG;
	image->width_px = (uint32_t)cairo_image_surface_get_width(surface);
	image->height_px = (uint32_t)cairo_image_surface_get_height(surface);
	double dpi = png_dpi(bytes, length);
	image->width_pt = image->width_px * 72.0 / dpi;
	image->height_pt = image->height_px * 72.0 / dpi;
	image->pixels = surface;
	return image;
}

/* ---- SVG ---- */

/* Whether the bytes look like XML: optional byte order mark and white
 * space, then '<'. */
static int looks_like_xml(const unsigned char *bytes, size_t length)
{
	size_t at = 0;
	if (length >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
		at = 3;
	while (at < length && strchr(" \t\r\n", bytes[at]) && bytes[at])
		at++;
	return at < length && bytes[at] == '<';
}

/* The SVG's size in CSS pixels: its width and height, or its viewBox;
 * 0 when it states neither. */
static void svg_size(RsvgHandle *handle, double *width_px, double *height_px)
{
	*width_px = *height_px = 0;
	if (rsvg_handle_get_intrinsic_size_in_pixels(handle, width_px, height_px))
		return;
	gboolean has_width, has_height, has_viewbox;
	RsvgLength width, height;
	RsvgRectangle viewbox;
	rsvg_handle_get_intrinsic_dimensions(handle, &has_width, &width,
					     &has_height, &height,
					     &has_viewbox, &viewbox);
	if (has_viewbox) {
		*width_px = viewbox.width;
		*height_px = viewbox.height;
	}
}

/* librsvg's message as one line: its parse errors end in a newline, and a
 * diagnostic is one sentence on one line. Caller frees. */
static char *one_line(const char *message)
{
	char *line = mem_strdup(message);
	for (char *c = line; *c; c++)
		if ((unsigned char)*c < ' ')
			*c = ' ';
	size_t n = strlen(line);
	while (n && line[n - 1] == ' ')
		line[--n] = '\0';
	return line;
}

struct image *image_svg_from_bytes(const unsigned char *bytes, size_t length,
				   char **problem)
{
	*problem = NULL;
	GError *error = NULL;
	/* Without a base file, librsvg loads no other file an SVG names. */
	RsvgHandle *handle = rsvg_handle_new_from_data(bytes, length, &error);
	if (!handle) {
		char *message = one_line(error && error->message
						 ? error->message
						 : "not an SVG");
		*problem = mem_printf("is not a PNG or SVG image that can be "
				      "read: %s", message);
		free(message);
		g_clear_error(&error);
		return NULL;
	}
	/* librsvg's own default is 90 dpi: a width in cm or pt would come out
	 * a sixteenth small. */
	rsvg_handle_set_dpi(handle, 96);
	double width_px, height_px;
	svg_size(handle, &width_px, &height_px);
	if (!(width_px > 0 && height_px > 0)) {
		*problem = mem_strdup("is an SVG image with no size: give its "
				      "<svg> a width and height or a viewBox");
		g_object_unref(handle);
		return NULL;
	}
	*problem = size_problem(floor(width_px + 0.5), floor(height_px + 0.5));
	if (*problem) {
		g_object_unref(handle);
		return NULL;
	}
	struct image *image = mem_alloc(sizeof *image);
	image->format = IMAGE_SVG;
	image->width_px = (uint32_t)(width_px + 0.5);
	image->height_px = (uint32_t)(height_px + 0.5);
	image->width_pt = width_px / CSS_PX_PER_PT;
	image->height_pt = height_px / CSS_PX_PER_PT;
	image->svg = handle;
	image->svg_source = g_bytes_new(bytes, length);
	return image;
}

static struct image *svg_decode(const struct paths_naming *naming,
				const char *value, const unsigned char *bytes,
				size_t length, struct diag_list *diags)
{
	char *problem = NULL;
	struct image *image = image_svg_from_bytes(bytes, length, &problem);
	if (!image) {
		image_error(naming, value, diags, problem);
		free(problem);
	}
	return image;
}

/* ---- reading ---- */

struct image *image_from_bytes(const struct paths_naming *naming,
			       const char *value, const unsigned char *bytes,
			       size_t length, struct diag_list *diags)
{
	if (length >= 8 && memcmp(bytes, PNG_SIGNATURE, 8) == 0)
		return png_decode(naming, value, bytes, length, diags);
	if (length >= 3 && memcmp(bytes, "\xFF\xD8\xFF", 3) == 0) {
		image_error(naming, value, diags,
			    "is a JPEG image, which is not supported: save it "
			    "as PNG");
		return NULL;
	}
	if (looks_like_xml(bytes, length))
		return svg_decode(naming, value, bytes, length, diags);
	image_error(naming, value, diags, length == 0
			    ? "is empty, not an image"
			    : "is not an image: only PNG and SVG images can be "
			      "placed");
	return NULL;
}

/* "https://…", "file:///…": a URL's scheme, letters first, then "://". */
static int is_url(const char *value)
{
	const char *c = value;
	if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z')))
		return 0;
	while ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
	       (*c >= '0' && *c <= '9') || *c == '+' || *c == '-' || *c == '.')
		c++;
	return strncmp(c, "://", 3) == 0;
}

struct image *image_read(const struct paths_naming *naming, const char *value,
			 struct diag_list *diags)
{
	/* Said plainly, rather than "no file ./https:/…" from the path rule. */
	if (is_url(value)) {
		image_error(naming, value, diags,
			    "is an address (URL), not a file name: images are read "
			    "only from files, never from the network; save the "
			    "image in the same folder and give its file name");
		return NULL;
	}
	char *path = paths_named(naming, value, IMAGE_MAX_BYTES, diags);
	if (!path)
		return NULL;
	int fd = paths_open_regular(path, NULL);
	size_t length = 0;
	unsigned char *bytes = fd >= 0 ? (unsigned char *)paths_read_bounded(
						 fd, IMAGE_MAX_BYTES, &length)
				       : NULL;
	int error = errno;
	if (fd >= 0)
		close(fd);
	free(path);
	if (!bytes) {
		char *why = mem_printf("cannot be read: %s", strerror(error));
		image_error(naming, value, diags, why);
		free(why);
		return NULL;
	}
	struct image *image = image_from_bytes(naming, value, bytes, length, diags);
	free(bytes);
	return image;
}

void image_free(struct image *image)
{
	if (!image)
		return;
	if (image->pixels)
		cairo_surface_destroy(image->pixels);
	if (image->svg)
		g_object_unref(image->svg);
	if (image->svg_source)
		g_bytes_unref(image->svg_source);
	free(image);
}
