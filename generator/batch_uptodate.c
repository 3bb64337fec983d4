/* Is a document's output newer than everything it was made from? */
#include "batch.h"
#include "memory.h"
#include "paths.h"
#include "source.h"
#include "style.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The file style_find would load for name; a path given as such is
 * returned by style_locate unchecked, so it must still be there. */
static char *resolve(const char *name, const char *source_dir)
{
	char *path = style_locate(name, source_dir);
	if (path && !is_file(path)) {
		free(path);
		return NULL;
	}
	return path;
}

/* As render reads the source's layout attribute (written, NULL when the
 * source cannot be read): empty means the default, and a path is relative
 * to the source's folder and may not leave it (--layout PATH is relative
 * to where the command runs). */
static char *layout_path(const char *source_path, const char *written,
			 const char *layout_option)
{
	char *named;
	if (layout_option)
		named = mem_strdup(layout_option);
	else if (written && *written)
		/* Refused quietly: rendering it reports why. */
		named = style_source_layout(source_path, written, 0, 0, NULL);
	else
		named = mem_strdup(STYLE_DEFAULT_LAYOUT);
	char *source_dir = paths_dirname(source_path);
	char *path = named ? resolve(named, source_dir) : NULL;
	free(named);
	free(source_dir);
	return path;
}

char *batch_layout_path(const char *source_path, const char *layout_option)
{
	if (layout_option)
		return layout_path(source_path, NULL, layout_option);
	struct source_inputs inputs;
	source_inputs_read(source_path, &inputs);
	char *path = layout_path(source_path, inputs.layout, NULL);
	source_inputs_free(&inputs);
	return path;
}

static int mtime(const char *path, struct timespec *t)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return -1;
	*t = st.st_mtim;
	return 0;
}

static int newer(struct timespec a, struct timespec b)
{
	return a.tv_sec > b.tv_sec ||
	       (a.tv_sec == b.tv_sec && a.tv_nsec > b.tv_nsec);
}

size_t batch_inputs(const char *source_path, const char *layout_option,
		    char ***paths)
{
	struct source_inputs inputs;
	source_inputs_read(source_path, &inputs);
	char *layout = layout_path(source_path, inputs.layout, layout_option);
	size_t count = (layout ? 1 : 0) + inputs.count;
	*paths = count ? mem_alloc(count * sizeof **paths) : NULL;
	size_t n = 0;
	if (layout)
		(*paths)[n++] = layout;
	for (size_t i = 0; i < inputs.count; i++)
		(*paths)[n++] = mem_strdup(inputs.paths[i]);
	source_inputs_free(&inputs);
	return count;
}

int batch_up_to_date(const char *source_path, const char *output_path,
		     const char *layout_option)
{
	struct timespec out, source, input;
	if (mtime(output_path, &out) < 0 || mtime(source_path, &source) < 0 ||
	    !newer(out, source))
		return 0;
	/* One that cannot be read, or names a file that is refused, is
	 * rendered: rendering says why. */
	struct source_inputs inputs;
	if (source_inputs_read(source_path, &inputs) != 0)
		return 0;
	char *layout = layout_path(source_path, inputs.layout, layout_option);
	int fresh = layout && mtime(layout, &input) == 0 && newer(out, input) &&
		    inputs.refused == 0;
	free(layout);
	/* A quarterly report shows movement since the previous quarter, so
	 * that quarter's source is an input as well, and so is every workbook
	 * holding a block's rows. */
	for (size_t i = 0; i < inputs.count && fresh; i++)
		fresh = mtime(inputs.paths[i], &input) == 0 && newer(out, input);
	source_inputs_free(&inputs);
	return fresh;
}
