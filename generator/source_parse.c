/* Parsing with libxml2 as if every source were hostile: no network, no DTD
 * loading, no entity substitution, XML_PARSE_HUGE only for the sizes that
 * need it, and an external entity loader that refuses whatever a source asks
 * for (source_guard.c). The scan (source_scan.c) has already refused entity
 * declarations, external DTDs, deep nesting and oversized text, so libxml2
 * only ever sees plain markup. */
#include "source_internal.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <limits.h>
#include <string.h>

/* ---- well-formedness errors in words ---- */

struct parse_state {
	struct source_load *load;
	int fatal_seen;
};

static void report_parse_error(struct source_load *load, const xmlError *err)
{
	struct source_pos pos = { (uint32_t)(err->line > 0 ? err->line : 0),
				  (uint32_t)(err->int2 > 0 ? err->int2 : 0) };
	const char *s1 = err->str1 ? err->str1 : "";
	const char *s2 = err->str2 ? err->str2 : "";
	switch (err->code) {
	case XML_ERR_TAG_NAME_MISMATCH:
		source_error(load, pos, "</%s> does not close <%s> (opened on line %d)",
			     s2, s1, err->int1);
		return;
	case XML_ERR_TAG_NOT_FINISHED:
		source_error(load, pos, "the source ends before <%s> (opened on line %d) "
			     "is closed", s1, err->int1);
		return;
	case XML_ERR_DOCUMENT_END:
		source_error(load, pos, "text or markup after the end of the root element");
		return;
	case XML_ERR_DOCUMENT_EMPTY:
	case XML_ERR_DOCUMENT_START:
		source_error(load, pos, "the source does not start with an XML element");
		return;
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY:
		source_error(load, pos, "unknown entity &%s; (only &amp; &lt; &gt; "
			     "&quot; &apos; and &#...; are allowed)", s1);
		return;
	case XML_ERR_NAME_REQUIRED:
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
		source_error(load, pos, "a bare '&' must be written &amp;");
		return;
	case XML_ERR_LT_IN_ATTRIBUTE:
		source_error(load, pos, "'<' in an attribute value must be written &lt;");
		return;
	case XML_ERR_ATTRIBUTE_REDEFINED:
		source_error(load, pos, "attribute %s is given twice", s1);
		return;
	case XML_ERR_ATTRIBUTE_NOT_STARTED:
	case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
		source_error(load, pos, "attribute value must be in quotes");
		return;
	case XML_ERR_GT_REQUIRED:
		source_error(load, pos, "start tag <%s> is not closed with '>'", s1);
		return;
	case XML_ERR_INVALID_CHAR:
		source_error(load, pos, "character %d is not allowed in XML", err->int1);
		return;
	case XML_NS_ERR_UNDEFINED_NAMESPACE:
		source_error(load, pos, "namespace prefix %s on <%s> is not declared", s1, s2);
		return;
	default:
		break;
	}
	/* libxml2's own words, without its trailing newline. */
	const char *msg = err->message ? err->message : "malformed XML";
	size_t len = strlen(msg);
	while (len && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
		len--;
	if (err->level == XML_ERR_WARNING)
		source_warning(load, pos, "%.*s", (int)len, msg);
	else
		source_error(load, pos, "malformed XML: %.*s", (int)len, msg);
}

static void on_parse_error(void *data, xmlErrorPtr err)
{
	struct parse_state *state = data;
	/* After the first fatal error the structure is unknown; what libxml2 says
	 * next is mostly a consequence of it. */
	if (state->fatal_seen || err->domain == XML_FROM_IO)
		return;
	if (err->level == XML_ERR_FATAL)
		state->fatal_seen = 1;
	report_parse_error(state->load, err);
}

/* libxml2's unstructured messages would go to stderr; ours go to diags. */
static void source_silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int source_parse(struct source_load *load)
{
	if (load->length > INT_MAX)
		return -1; /* the size limit (at most 1 GiB) already refused it */
	source_guard_install();
	struct parse_state state = { load, 0 };
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		source_error(load, (struct source_pos){ 0, 0 }, "out of memory");
		return -1;
	}
	xmlGenericErrorFunc old_generic = xmlGenericError;
	void *old_generic_ctx = xmlGenericErrorContext;
	xmlStructuredErrorFunc old_structured = xmlStructuredError;
	void *old_structured_ctx = xmlStructuredErrorContext;
	xmlSetStructuredErrorFunc(&state, on_parse_error);
	xmlSetGenericErrorFunc(NULL, source_silent);
	size_t errors_before = diag_count(load->diags, DIAG_ERROR);

	source_guard_sources(load);
	int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
	/* libxml2 2.9 halts on "Huge input lookup" near the end of a document
	 * larger than its lookup limit (10 MB) unless told it may be huge; the
	 * limits that option lifts (depth, text, names, entities) the scan has
	 * already enforced, so only such sizes need it. */
	if (load->length > XML_MAX_LOOKUP_LIMIT)
		options |= XML_PARSE_HUGE;
	/* No URL: nothing is resolved against it, and libxml2 2.9 walks every
	 * preceding node on each error of a document that has one. */
	load->doc = xmlCtxtReadMemory(ctxt, load->bytes, (int)load->length,
				      NULL, "UTF-8", options);
	source_guard_end();

	int well_formed = ctxt->wellFormed && ctxt->nsWellFormed && !state.fatal_seen;
	xmlFreeParserCtxt(ctxt);
	xmlSetStructuredErrorFunc(old_structured_ctx, old_structured);
	xmlSetGenericErrorFunc(old_generic_ctx, old_generic);
	/* The scan refuses entity declarations; should one ever get past it,
	 * the document is refused here rather than used. */
	if (load->doc && load->doc->intSubset &&
	    (load->doc->intSubset->entities || load->doc->intSubset->children)) {
		source_error(load, (struct source_pos){ 1, 1 }, "the DOCTYPE has "
			     "declarations; sources may not declare entities");
		well_formed = 0;
	}
	if (!load->doc || !well_formed) {
		if (diag_count(load->diags, DIAG_ERROR) == errors_before)
			source_error(load, (struct source_pos){ 0, 0 }, "malformed XML");
		return -1;
	}
	return 0;
}
