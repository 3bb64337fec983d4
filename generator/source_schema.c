/* Validation against the shipped schema, compiled once per process; each
 * libxml2 message goes to source_messages.c to be put into words. */
#include "source_internal.h"

#include <libxml/parser.h>
#include <libxml/valid.h>
#include <libxml/xmlschemas.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"

static pthread_once_t schema_once = PTHREAD_ONCE_INIT;
static xmlSchemaPtr schema;
static char *schema_problem;    /* why the schema could not be compiled */

static void on_compile_error(void *data, xmlErrorPtr err)
{
	(void)data;
	if (schema_problem || err->level < XML_ERR_ERROR)
		return;
	const char *msg = err->message ? err->message : "invalid schema";
	size_t len = strlen(msg);
	while (len && msg[len - 1] == '\n')
		len--;
	schema_problem = mem_printf("%.*s", (int)len, msg);
}

static void compile_schema(void)
{
	source_guard_install();
	char *path = paths_schema("committee-paper.xsd");
	char *dir = paths_dirname(path);
	source_guard_schemas(dir);
	xmlStructuredErrorFunc old = xmlStructuredError;
	void *old_ctx = xmlStructuredErrorContext;
	xmlSetStructuredErrorFunc(NULL, on_compile_error);
	xmlSchemaParserCtxtPtr pctxt = xmlSchemaNewParserCtxt(path);
	if (pctxt) {
		xmlSchemaSetParserStructuredErrors(pctxt, on_compile_error, NULL);
		schema = xmlSchemaParse(pctxt);
		xmlSchemaFreeParserCtxt(pctxt);
	}
	source_vocabulary_load(path);
	xmlSetStructuredErrorFunc(old_ctx, old);
	source_guard_end();
	if (!schema) {
		char *why = schema_problem;
		schema_problem = mem_printf("cannot load the schema %s: %s", path,
					    why ? why : "unknown error");
		free(why);
	}
	free(dir);
	free(path);
}

/* ---- validation ---- */

struct schema_state {
	struct source_load *load;
	const xmlNode *last_element;  /* one message per element and attribute */
	char last_attr[64];
};

static void on_validity_error(void *data, xmlErrorPtr err)
{
	struct schema_state *state = data;
	const xmlNode *node = err->node;
	if (!node || source_too_many(state->load))
		return;
	const char *attr = NULL;
	if (node->type == XML_ATTRIBUTE_NODE) {
		attr = (const char *)node->name;
		node = node->parent;
	}
	char *msg = mem_strdup(err->message ? err->message : "invalid");
	size_t len = strlen(msg);
	while (len && msg[len - 1] == '\n')
		msg[--len] = '\0';
	if (!attr) {
		/* libxml2 names the attribute only in the message. */
		const char *a = strstr(msg, "', attribute '");
		const char *end = a ? strchr(a + 14, '\'') : NULL;
		if (end && end - a - 14 < 63) {
			static _Thread_local char name[64];
			memcpy(name, a + 14, (size_t)(end - a - 14));
			name[end - a - 14] = '\0';
			const char *brace = name[0] == '{' ? strchr(name, '}') : NULL;
			attr = brace ? brace + 1 : name; /* {xml namespace}lang */
		}
	}
	int repeat = node == state->last_element &&
		     strcmp(attr ? attr : "", state->last_attr) == 0;
	if (!repeat && node->type == XML_ELEMENT_NODE)
		source_schema_explain(state->load, node, attr, msg);
	state->last_element = node;
	snprintf(state->last_attr, sizeof state->last_attr, "%s", attr ? attr : "");
	free(msg);
}

int source_schema_validate(struct source_load *load)
{
	pthread_once(&schema_once, compile_schema);
	if (!schema) {
		source_error(load, (struct source_pos){ 0, 0 }, "%s", schema_problem);
		return -1;
	}
	xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt(schema);
	if (!vctxt) {
		source_error(load, (struct source_pos){ 0, 0 }, "out of memory");
		return -1;
	}
	struct schema_state state = { .load = load };
	xmlSchemaSetValidStructuredErrors(vctxt, on_validity_error, &state);
	size_t before = diag_count(load->diags, DIAG_ERROR);
	/* Validation reads nothing either (xsi:schemaLocation is not followed). */
	source_guard_sources(load);
	int rc = xmlSchemaValidateDoc(vctxt, load->doc);
	source_guard_end();
	xmlSchemaFreeValidCtxt(vctxt);
	if (rc != 0 && diag_count(load->diags, DIAG_ERROR) == before)
		source_error(load, (struct source_pos){ 0, 0 }, "the source does not match "
			     "the schema");
	return rc == 0 ? 0 : -1;
}
