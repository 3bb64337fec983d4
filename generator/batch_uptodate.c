/* Is a document's output newer than everything it was made from? */
#include "batch.h"
#include "memory.h"
#include "paths.h"
#include "style.h"
#include "style_internal.h"

#include <libxml/xmlreader.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The house style a source names when it names none. */
#define BATCH_DEFAULT_LAYOUT "committee-report"

/* The root element's layout attribute, or NULL. Reads no further than the
 * root's start tag; no network, no entity expansion. Caller frees. */
static char *root_layout(const char *source_path)
{
	xmlTextReaderPtr reader = xmlReaderForFile(
		source_path, NULL,
		XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
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
	return layout;
}

static int is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int looks_like_path(const char *name)
{
	size_t n = strlen(name);
	return strchr(name, '/') || (n > 4 && strcmp(name + n - 4, ".xml") == 0);
}

/* Only a file naming the layout namespace is a layout: a source folder
 * may hold a paper of the same name. */
static int names_layout_namespace(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	char head[4096];
	size_t n = fread(head, 1, sizeof head - 1, f);
	fclose(f);
	head[n] = '\0';
	return strstr(head, STYLE_NAMESPACE) != NULL;
}

/* As style_find looks, in the folders style_search_dirs names, so the two
 * cannot disagree about which file a name means. */
static char *resolve(const char *name, const char *source_path)
{
	if (looks_like_path(name))
		return is_file(name) ? mem_strdup(name) : NULL;
	char *source_dir = paths_dirname(source_path);
	char **dirs = NULL;
	size_t count = style_search_dirs(source_dir, &dirs);
	free(source_dir);
	char *found = NULL;
	for (size_t i = 0; i < count; i++) {
		char *candidate = mem_printf("%s/%s.xml", dirs[i], name);
		if (!found && is_file(candidate) &&
		    names_layout_namespace(candidate))
			found = candidate;
		else
			free(candidate);
		free(dirs[i]);
	}
	free(dirs);
	return found;
}

char *batch_layout_path(const char *source_path, const char *layout_option)
{
	if (layout_option)
		return resolve(layout_option, source_path);
	char *named = root_layout(source_path);
	char *path = resolve(named ? named : BATCH_DEFAULT_LAYOUT, source_path);
	free(named);
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

/* The previous quarters a source compares with: each <performance>
 * block's previous-source, relative to the source's folder. Reads the whole
 * source (streaming, no network, no entities). Appends paths to *paths. */
static void previous_sources(const char *source_path, char ***paths,
			     size_t *count, size_t *capacity)
{
	xmlTextReaderPtr reader = xmlReaderForFile(
		source_path, NULL,
		XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!reader)
		return;
	char *dir = paths_dirname(source_path);
	while (xmlTextReaderRead(reader) == 1) {
		if (xmlTextReaderNodeType(reader) != XML_READER_TYPE_ELEMENT ||
		    !xmlStrEqual(xmlTextReaderConstLocalName(reader),
				 BAD_CAST "performance"))
			continue;
		xmlChar *value = xmlTextReaderGetAttribute(
			reader, BAD_CAST "previous-source");
		if (value && *value) {
			MEM_GROW(*paths, *count, *capacity);
			(*paths)[(*count)++] =
				value[0] == '/' ? mem_strdup((const char *)value)
						: mem_printf("%s/%s", dir,
							     (const char *)value);
		}
		xmlFree(value);
	}
	free(dir);
	xmlFreeTextReader(reader);
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
	previous_sources(source_path, paths, &count, &capacity);
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
	 * that quarter's source is an input as well. */
	char **previous = NULL;
	size_t count = 0, capacity = 0;
	if (fresh)
		previous_sources(source_path, &previous, &count, &capacity);
	for (size_t i = 0; i < count; i++) {
		if (mtime(previous[i], &input) < 0 || !newer(out, input))
			fresh = 0;
		free(previous[i]);
	}
	free(previous);
	return fresh;
}
