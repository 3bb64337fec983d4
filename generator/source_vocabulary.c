/* The local names the shipped schema declares, read from the schema itself
 * so that the list never drifts from it: the messages use it to tell a
 * misplaced element of the vocabulary from an unknown one. */
#include "source_internal.h"

#include <libxml/hash.h>
#include <libxml/parser.h>
#include <string.h>

static xmlHashTablePtr vocabulary;

static void collect_names(xmlNode *node)
{
	for (; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)node->name, "element") == 0) {
			xmlChar *name = xmlGetProp(node, BAD_CAST "name");
			if (name)
				xmlHashAddEntry(vocabulary, name, vocabulary);
			xmlFree(name);
		}
		collect_names(node->children);
	}
}

void source_vocabulary_load(const char *path)
{
	vocabulary = xmlHashCreate(64);
	xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	if (doc) {
		collect_names(xmlDocGetRootElement(doc));
		xmlFreeDoc(doc);
	}
}

int source_vocabulary_has(const char *local_name)
{
	return vocabulary && xmlHashLookup(vocabulary, BAD_CAST local_name) != NULL;
}
