/* Reading a layout file: bounded read, libxml2 parse with no network, no
 * DTD and no entities, validation against layout.xsd (compiled once per
 * process), and the line and column of every element's start tag. */
#include "style_internal.h"
#include "paths.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

static pthread_once_t schema_once = PTHREAD_ONCE_INIT;
static xmlSchemaPtr schema;
static char *schema_error; /* why the schema could not be compiled */

static void schema_compile(void)
{
	char *path = paths_schema("layout.xsd");
	xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt(path);
	if (parser) {
		/* The shipped schema is known good; stay quiet if it is not. */
		xmlSchemaSetParserStructuredErrors(parser, NULL, NULL);
		xmlSchemaSetParserErrors(parser, NULL, NULL, NULL);
		schema = xmlSchemaParse(parser);
		xmlSchemaFreeParserCtxt(parser);
	}
	if (!schema)
		schema_error = mem_printf("the layout schema %s cannot be read; "
					  "reinstall committee-pdf", path);
	free(path);
}

/* Collects libxml2 errors as diagnostics. */
struct error_sink {
	const struct style_doc *doc;
	const char *path;
	struct diag_list *diags;
	int count;
};

static char *trimmed(const char *message)
{
	char *s = mem_strdup(message ? message : "unknown error");
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
		s[--n] = '\0';
	return s;
}

static void on_parse_error(void *ctx, xmlErrorPtr error)
{
	struct error_sink *sink = ctx;
	if (error->level == XML_ERR_WARNING)
		return;
	char *message = trimmed(error->message);
	diag_add(sink->diags, DIAG_ERROR, sink->path, (unsigned)error->line,
		 error->int2 > 0 ? (unsigned)error->int2 : 0,
		 "not well-formed XML: %s", message);
	free(message);
	sink->count++;
}

static void on_schema_error(void *ctx, xmlErrorPtr error)
{
	struct error_sink *sink = ctx;
	if (error->level == XML_ERR_WARNING)
		return;
	const xmlNode *node = error->node;
	struct style_pos pos = { (unsigned)error->line, 0 };
	if (node && node->type == XML_ATTRIBUTE_NODE)
		node = node->parent;
	if (node && node->type == XML_ELEMENT_NODE)
		pos = style_doc_pos(sink->doc, node);
	char *message = style_readable_schema_message(error->message);
	diag_add(sink->diags, DIAG_ERROR, sink->path, pos.line, pos.col, "%s",
		 message);
	free(message);
	sink->count++;
}

static char *read_bounded(const char *path, size_t *length,
			  struct diag_list *diags)
{
	FILE *f = paths_fopen_regular(path); /* never blocks on a FIFO */
	if (!f) {
		diag_add(diags, DIAG_ERROR, path, 0, 0,
			 "cannot open the layout: %s", strerror(errno));
		return NULL;
	}
	char *bytes = mem_alloc(STYLE_MAX_FILE_BYTES + 1);
	size_t n = fread(bytes, 1, STYLE_MAX_FILE_BYTES + 1, f);
	int failed = ferror(f);
	fclose(f);
	if (failed) {
		diag_add(diags, DIAG_ERROR, path, 0, 0, "cannot read the layout");
		free(bytes);
		return NULL;
	}
	if (n > STYLE_MAX_FILE_BYTES) {
		diag_add(diags, DIAG_ERROR, path, 0, 0,
			 "the layout is larger than %d bytes; a layout file is "
			 "a few kilobytes", STYLE_MAX_FILE_BYTES);
		free(bytes);
		return NULL;
	}
	bytes[n] = '\0';
	*length = n;
	return bytes;
}

static struct style_pos pos_at(const char *bytes, size_t offset,
			       const char **line_start, unsigned *line,
			       size_t *scanned)
{
	/* Advance the line counter incrementally: starts come in order. */
	for (size_t i = *scanned; i < offset; i++)
		if (bytes[i] == '\n') {
			(*line)++;
			*line_start = bytes + i + 1;
		}
	*scanned = offset;
	unsigned col = 1;
	for (const char *p = *line_start; p < bytes + offset; p++)
		if (((unsigned char)*p & 0xC0) != 0x80) /* count characters, not bytes */
			col++;
	return (struct style_pos){ *line, col };
}

static const char *skip_past(const char *p, const char *end, const char *marker)
{
	const char *found = strstr(p, marker);
	return found && found < end ? found + strlen(marker) : end;
}

/* Every '<' outside comments, PIs and CDATA opens markup, because '<' may
 * not appear in text or attribute values; start tags are '<' + name. So the
 * Nth start tag in the bytes is the Nth element of the tree in document
 * order (a DOCTYPE is refused, so no entity adds elements). Returns the
 * offset of the first "<!DOCTYPE", length when there is none. */
static size_t index_start_tags(struct style_doc *doc, const char *bytes,
			       size_t length)
{
	size_t doctype_at = length;
	size_t capacity = 0;
	const char *end = bytes + length;
	const char *line_start = bytes;
	unsigned line = 1;
	size_t scanned = 0;
	for (const char *p = bytes; p < end; p++) {
		if (*p != '<')
			continue;
		if (strncmp(p, "<!--", 4) == 0) {
			p = skip_past(p + 4, end, "-->") - 1;
		} else if (strncmp(p, "<![CDATA[", 9) == 0) {
			p = skip_past(p + 9, end, "]]>") - 1;
		} else if (p[1] == '?') {
			p = skip_past(p + 2, end, "?>") - 1;
		} else if (strncmp(p, "<!DOCTYPE", 9) == 0) {
			if (doctype_at == length)
				doctype_at = (size_t)(p - bytes);
			doc->doctype = pos_at(bytes, (size_t)(p - bytes), &line_start,
					      &line, &scanned);
		} else if (p[1] != '/' && p[1] != '!') {
			MEM_GROW(doc->starts, doc->start_count, capacity);
			doc->starts[doc->start_count++] =
				pos_at(bytes, (size_t)(p - bytes), &line_start,
				       &line, &scanned);
		}
	}
	return doctype_at;
}

static void number_elements(xmlNode *node, size_t *next)
{
	for (; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		node->_private = (void *)(uintptr_t)++*next;
		number_elements(node->children, next);
	}
}

struct style_pos style_doc_pos(const struct style_doc *doc, const xmlNode *node)
{
	uintptr_t index = node ? (uintptr_t)node->_private : 0;
	if (index == 0 || index > doc->start_count)
		return (struct style_pos){ node ? (unsigned)xmlGetLineNo(node) : 0, 0 };
	return doc->starts[index - 1];
}

static int parse(struct style_doc *doc, const char *bytes, size_t length,
		 struct diag_list *diags)
{
	struct error_sink sink = { doc, doc->path, diags, 0 };
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		diag_add(diags, DIAG_ERROR, doc->path, 0, 0, "out of memory");
		return -1;
	}
	/* NONET: never fetch; no NOENT and no DTDLOAD: entities stay
	 * unexpanded and no external subset is read. */
	int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
	/* The handler is per thread; put back whatever the caller had. */
	xmlStructuredErrorFunc caller_handler = xmlStructuredError;
	void *caller_context = xmlStructuredErrorContext;
	xmlSetStructuredErrorFunc(&sink, on_parse_error);
	doc->doc = xmlCtxtReadMemory(ctxt, bytes, (int)length, doc->path, NULL,
				     options);
	xmlSetStructuredErrorFunc(caller_context, caller_handler);
	xmlFreeParserCtxt(ctxt);
	if (!doc->doc || sink.count > 0) {
		if (sink.count == 0)
			diag_add(diags, DIAG_ERROR, doc->path, 0, 0,
				 "not well-formed XML");
		return -1;
	}
	return 0;
}

/* A NUL byte ends libxml2's input early ("Premature end of data"), so it
 * is named before the parse, at its place. */
static int refuse_nul(const struct style_doc *doc, const char *bytes,
		      size_t length, struct diag_list *diags)
{
	const char *nul = memchr(bytes, '\0', length);
	if (!nul)
		return 0;
	size_t more = 0;
	for (const char *p = nul + 1; p < bytes + length; p++)
		more += *p == '\0';
	const char *line_start = bytes;
	unsigned line = 1;
	size_t scanned = 0;
	struct style_pos pos = pos_at(bytes, (size_t)(nul - bytes), &line_start,
				      &line, &scanned);
	if (more)
		diag_add(diags, DIAG_ERROR, doc->path, pos.line, pos.col,
			 "NUL byte in the layout (and %zu more); a layout is "
			 "text: is this a binary file?", more);
	else
		diag_add(diags, DIAG_ERROR, doc->path, pos.line, pos.col,
			 "NUL byte in the layout; a layout is text: is this a "
			 "binary file?");
	return -1;
}

/* Entities and external subsets are never loaded, but a DOCTYPE has no
 * business in a layout either: refuse it before the parse, which would
 * expand its entities or stop at a loop among them before saying so. */
static int refuse_doctype(const struct style_doc *doc, const char *bytes,
			  size_t length, size_t doctype_at,
			  struct diag_list *diags)
{
	if (doctype_at >= length)
		return 0;
	/* "remove the DOCTYPE" is the fix either way, so point at it. */
	if (strstr(bytes + doctype_at, "<!ENTITY"))
		diag_add(diags, DIAG_ERROR, doc->path, doc->doctype.line,
			 doc->doctype.col, "the DOCTYPE declares entities; a layout "
			 "may not declare entities (remove the DOCTYPE)");
	else
		diag_add(diags, DIAG_ERROR, doc->path, doc->doctype.line,
			 doc->doctype.col, "a layout may not have a DOCTYPE: remove it");
	return -1;
}

static int validate(struct style_doc *doc, struct diag_list *diags)
{
	pthread_once(&schema_once, schema_compile);
	if (!schema) {
		diag_add(diags, DIAG_ERROR, doc->path, 0, 0, "%s", schema_error);
		return -1;
	}
	xmlNode *root = xmlDocGetRootElement(doc->doc);
	if (!root || !root->ns || strcmp((const char *)root->ns->href, STYLE_NAMESPACE) != 0 ||
	    strcmp((const char *)root->name, "layout") != 0) {
		struct style_pos pos = style_doc_pos(doc, root);
		diag_add(diags, DIAG_ERROR, doc->path, pos.line, pos.col,
			 "this is not a layout: the root element must be "
			 "<layout xmlns=\"%s\">", STYLE_NAMESPACE);
		return -1;
	}
	struct error_sink sink = { doc, doc->path, diags, 0 };
	xmlSchemaValidCtxtPtr valid = xmlSchemaNewValidCtxt(schema);
	xmlSchemaSetValidStructuredErrors(valid, on_schema_error, &sink);
	int rc = xmlSchemaValidateDoc(valid, doc->doc);
	xmlSchemaFreeValidCtxt(valid);
	if (rc != 0 && sink.count == 0)
		diag_add(diags, DIAG_ERROR, doc->path, 0, 0,
			 "the layout does not follow the layout schema");
	return rc == 0 ? 0 : -1;
}

int style_doc_read(const char *path, struct style_doc *doc,
		   struct diag_list *diags)
{
	memset(doc, 0, sizeof *doc);
	doc->path = path;
	size_t length = 0;
	char *bytes = read_bounded(path, &length, diags);
	if (!bytes)
		return -1;
	int rc = refuse_nul(doc, bytes, length, diags);
	if (rc == 0) {
		size_t doctype_at = index_start_tags(doc, bytes, length);
		rc = refuse_doctype(doc, bytes, length, doctype_at, diags);
	}
	if (rc == 0)
		rc = parse(doc, bytes, length, diags);
	if (rc == 0) {
		size_t next = 0;
		number_elements(doc->doc->children, &next);
	}
	if (rc == 0)
		rc = validate(doc, diags);
	free(bytes);
	if (rc != 0)
		style_doc_free(doc);
	return rc;
}

void style_doc_free(struct style_doc *doc)
{
	if (doc->doc)
		xmlFreeDoc(doc->doc);
	free(doc->starts);
	doc->doc = NULL;
	doc->starts = NULL;
	doc->start_count = 0;
}

xmlNode *style_child(const xmlNode *node, const char *name)
{
	for (xmlNode *c = node ? node->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && c->ns &&
		    strcmp((const char *)c->ns->href, STYLE_NAMESPACE) == 0 &&
		    strcmp((const char *)c->name, name) == 0)
			return c;
	return NULL;
}
