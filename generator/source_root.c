/* What kind of file a folder holds, without loading it: the name of its root
 * element, read with libxml2's streaming reader up to that element and no
 * further. Nothing is fetched and no entity is expanded. */
#include "source.h"

#include <libxml/xmlreader.h>
#include <string.h>

#include "memory.h"

/* Whether the element names the paper vocabulary's namespace. */
static int in_paper_namespace(xmlTextReaderPtr reader)
{
	const xmlChar *uri = xmlTextReaderConstNamespaceUri(reader);
	return uri && strcmp((const char *)uri, SOURCE_NAMESPACE) == 0;
}

enum source_root source_root_of(const char *path, char **root_name)
{
	*root_name = NULL;
	xmlTextReaderPtr reader =
		xmlReaderForFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
						     XML_PARSE_NOWARNING);
	if (!reader)
		return SOURCE_ROOT_UNKNOWN;
	enum source_root kind = SOURCE_ROOT_UNKNOWN;
	int status;
	while ((status = xmlTextReaderRead(reader)) == 1) {
		if (xmlTextReaderNodeType(reader) != XML_READER_TYPE_ELEMENT)
			continue;
		const char *name = (const char *)xmlTextReaderConstLocalName(reader);
		*root_name = mem_strdup(name ? name : "");
		/* A <paper> outside the namespace is a paper with a mistake,
		 * which loading it reports. */
		if (name && strcmp(name, "paper") == 0)
			kind = in_paper_namespace(reader) ? SOURCE_ROOT_PAPER
							  : SOURCE_ROOT_UNKNOWN;
		else
			kind = SOURCE_ROOT_OTHER;
		break;
	}
	xmlFreeTextReader(reader);
	return kind;
}
