/* Is a document's output newer than everything it was made from? */
#include "batch.h"
#include "memory.h"
#include "paths.h"
#include "sheet.h" /* SHEET_MAX_FILE_BYTES */
#include "source.h"
#include "style.h"

#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A streaming reader over the source, only when it is a regular file (a
 * FIFO would block), with no network and no messages. NULL when not; else
 * the caller closes *fd after xmlFreeTextReader. */
static xmlTextReaderPtr open_reader(const char *source_path, int *fd)
{
	*fd = paths_open_regular(source_path, NULL);
	if (*fd < 0)
		return NULL;
	xmlTextReaderPtr reader = xmlReaderForFd(
		*fd, source_path, NULL,
		XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!reader)
		close(*fd);
	return reader;
}

/* The root element's layout attribute, or NULL. Reads no further than the
 * root's start tag; no network, no entity expansion. Caller frees. */
static char *root_layout(const char *source_path)
{
	int fd;
	xmlTextReaderPtr reader = open_reader(source_path, &fd);
	if (!reader)
		return NULL;
	char *layout = NULL;
	while (xmlTextReaderRead(reader) == 1) {
		if (xmlTextReaderNodeType(reader) != XML_READER_TYPE_ELEMENT)
			continue;
		xmlChar *value = xmlTextReaderGetAttribute(reader,
							   BAD_CAST "layout");
		if (value) {
			layout = mem_strdup((const char *)value);
			xmlFree(value);
		}
		break;
	}
	xmlFreeTextReader(reader);
	close(fd);
	return layout;
}

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

/* As render reads the source's layout attribute: empty means the default,
 * and a path is relative to the source's folder and may not leave it
 * (--layout PATH is relative to where the command runs). */
char *batch_layout_path(const char *source_path, const char *layout_option)
{
	char *source_dir = paths_dirname(source_path);
	char *named = layout_option ? mem_strdup(layout_option)
				    : root_layout(source_path);
	if (!named || !*named) {
		free(named);
		named = mem_strdup(STYLE_DEFAULT_LAYOUT);
	} else if (!layout_option) {
		/* Refused quietly: rendering it reports why. */
		char *relative = style_source_layout(source_path, named, 0, 0, NULL);
		free(named);
		named = relative;
	}
	char *path = named ? resolve(named, source_dir) : NULL;
	free(named);
	free(source_dir);
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

/* The files a source's blocks are made from: each <performance> block's
 * and <risks> register's previous-source (the previous quarter or review
 * it compares with) and each
 * <assessment> or <performance> block's src (the workbook holding its
 * rows), under the rule for files a source names (paths_named). Reads the
 * whole source (streaming, no network, no entities). Appends paths to
 * *paths; returns how many were refused. */
static size_t named_inputs(const char *source_path, char ***paths,
			   size_t *count, size_t *capacity)
{
	int fd;
	xmlTextReaderPtr reader = open_reader(source_path, &fd);
	if (!reader)
		return 0;
	struct paths_naming naming = {
		.source = source_path, .attribute = "previous-source",
	};
	size_t refused = 0;
	while (xmlTextReaderRead(reader) == 1) {
		if (xmlTextReaderNodeType(reader) != XML_READER_TYPE_ELEMENT)
			continue;
		const xmlChar *name = xmlTextReaderConstLocalName(reader);
		int performance = xmlStrEqual(name, BAD_CAST "performance");
		int risks = xmlStrEqual(name, BAD_CAST "risks");
		if (!performance && !risks &&
		    !xmlStrEqual(name, BAD_CAST "assessment"))
			continue;
		/* An assessment names only src, a register only previous-source. */
		static const char *const named[] = { "src", "previous-source" };
		static const size_t limits[] = { SHEET_MAX_FILE_BYTES, SOURCE_MAX_BYTES };
		for (size_t i = risks ? 1u : 0u;
		     i < (performance || risks ? 2u : 1u); i++) {
			xmlChar *value = xmlTextReaderGetAttribute(reader,
								   BAD_CAST named[i]);
			naming.attribute = named[i];
			char *path = value && *value
					     ? paths_named(&naming, (const char *)value,
							   limits[i], NULL)
					     : NULL;
			if (path) {
				MEM_GROW(*paths, *count, *capacity);
				(*paths)[(*count)++] = path;
			} else if (value && *value) {
				refused++;
			}
			xmlFree(value);
		}
	}
	xmlFreeTextReader(reader);
	close(fd);
	return refused;
}

size_t batch_inputs(const char *source_path, const char *layout_option,
		    char ***paths)
{
	size_t count = 0, capacity = 0;
	*paths = NULL;
	char *layout = batch_layout_path(source_path, layout_option);
	if (layout) {
		MEM_GROW(*paths, count, capacity);
		(*paths)[count++] = layout;
	}
	named_inputs(source_path, paths, &count, &capacity);
	return count;
}

int batch_up_to_date(const char *source_path, const char *output_path,
		     const char *layout_option)
{
	struct timespec out, source, input;
	if (mtime(output_path, &out) < 0 || mtime(source_path, &source) < 0 ||
	    !newer(out, source))
		return 0;
	char *layout_path = batch_layout_path(source_path, layout_option);
	int fresh = layout_path && mtime(layout_path, &input) == 0 &&
		    newer(out, input);
	free(layout_path);
	/* A quarterly report shows movement since the previous quarter, so
	 * that quarter's source is an input as well, and so is every workbook
	 * holding a block's rows. */
	char **previous = NULL;
	size_t count = 0, capacity = 0;
	if (fresh && named_inputs(source_path, &previous, &count,
				  &capacity) > 0)
		fresh = 0; /* a refused one: rendering says why */
	for (size_t i = 0; i < count; i++) {
		if (mtime(previous[i], &input) < 0 || !newer(out, input))
			fresh = 0;
		free(previous[i]);
	}
	free(previous);
	return fresh;
}
