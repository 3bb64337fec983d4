/* The files a source names (source.h): the source read by the loader's own
 * steps (bounded read, scan, parse), then its blocks' attributes under the
 * rule for named files (paths_named). Problems are dropped: loading the
 * source reports them, in its own words and positions. */
#include "source_internal.h"

#include <libxml/tree.h>
#include <stdlib.h>
#include <unistd.h>

#include "paths.h"

/* value of attribute on node, when it has one, as paths_named takes it:
 * accepted into inputs->paths, or counted as refused. */
static void add_named(struct source_inputs *inputs, struct paths_naming *naming,
		      const xmlNode *node, const char *attribute,
		      size_t max_bytes)
{
	const char *value = source_attr(node, attribute);
	if (!value || !*value)
		return;
	naming->attribute = attribute;
	char *path = paths_named(naming, value, max_bytes, NULL);
	if (!path) {
		inputs->refused++;
		return;
	}
	MEM_GROW(inputs->paths, inputs->count, inputs->capacity);
	inputs->paths[inputs->count++] = path;
}

/* Depth is bounded by the scan (SOURCE_MAX_DEPTH), so recursion is safe. */
static void collect(struct source_inputs *inputs, struct paths_naming *naming,
		    const xmlNode *node)
{
	for (; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		int performance = source_is(node, "performance");
		/* The workbook holding a block's rows, and the previous
		 * quarter or review a block compares with. */
		if (performance || source_is(node, "assessment"))
			add_named(inputs, naming, node, "src", SHEET_MAX_FILE_BYTES);
		if (performance || source_is(node, "risks"))
			add_named(inputs, naming, node, "previous-source",
				  source_max_bytes());
		collect(inputs, naming, node->children);
	}
}

/* Parse as source_load does, into load->doc; 0 when well-formed. */
static int parse(struct source_load *load)
{
	return source_scan(load) == 0 ? source_parse(load) : -1;
}

int source_inputs_read(const char *path, struct source_inputs *inputs)
{
	*inputs = (struct source_inputs){ 0 };
	/* A FIFO would block and a device never end: regular files only. */
	int fd = paths_open_regular(path, NULL);
	if (fd < 0)
		return -1;
	size_t length = 0;
	char *bytes = paths_read_bounded(fd, source_max_bytes(), &length);
	close(fd);
	if (!bytes)
		return -1;
	struct diag_list dropped = { 0 };
	struct source_load load = {
		.name = path, .bytes = bytes, .length = length,
		.diags = &dropped,
	};
	int status = parse(&load) == 0 ? 0 : -1;
	if (status == 0) {
		const xmlNode *root = xmlDocGetRootElement(load.doc);
		const char *layout = source_attr(root, "layout");
		inputs->layout = layout ? mem_strdup(layout) : NULL;
		struct paths_naming naming = { .source = path };
		collect(inputs, &naming, root);
	}
	xmlFreeDoc(load.doc);
	free(load.tags);
	diag_list_free(&dropped);
	free(bytes);
	return status;
}

void source_inputs_free(struct source_inputs *inputs)
{
	for (size_t i = 0; i < inputs->count; i++)
		free(inputs->paths[i]);
	free(inputs->paths);
	free(inputs->layout);
	*inputs = (struct source_inputs){ 0 };
}
