/* The XMP metadata stream: the title, the PDF/UA and PDF/A identification,
 * and agreement with the Info dictionary. Read with libxml2 without
 * network, DTDs or entity expansion; a packet with a DOCTYPE is refused
 * (XMP never needs one, and entity tricks are how XML parsers are attacked). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "check_internal.h"
#include "memory.h"

#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_PDFUAID "http://www.aiim.org/pdfua/ns/id/"
#define NS_PDFAID "http://www.aiim.org/pdfa/ns/id/"

struct xmp_facts {
	char *title, *creator;
	char *ua_part, *a_part, *a_conformance;
};

/* All text below node, trimmed; NULL when there is none. */
static char *text_of(xmlNode *node)
{
	xmlChar *content = xmlNodeGetContent(node);
	if (!content)
		return NULL;
	const char *s = (const char *)content;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
		     s[n - 1] == '\r'))
		n--;
	char *text = n ? mem_strndup(s, n) : NULL;
	xmlFree(content);
	return text;
}

/* dc:title and dc:creator hold rdf:Alt/rdf:Seq lists; the first rdf:li is
 * the x-default title or the first author. */
static char *first_item(xmlNode *property)
{
	for (xmlNode *list = property->children; list; list = list->next)
		for (xmlNode *li = list->children; li; li = li->next)
			if (li->type == XML_ELEMENT_NODE &&
			    xmlStrcmp(li->name, BAD_CAST "li") == 0)
				return text_of(li);
	return text_of(property);
}

static int in_ns(const xmlNs *ns, const char *href)
{
	return ns && ns->href && strcmp((const char *)ns->href, href) == 0;
}

static void keep(char **slot, char *value)
{
	if (!*slot)
		*slot = value;
	else
		free(value);
}

/* The slot for an identification property, or NULL. */
static char **id_slot(struct xmp_facts *facts, const xmlNs *ns, const xmlChar *name)
{
	const char *n = (const char *)name;
	if (in_ns(ns, NS_PDFUAID) && strcmp(n, "part") == 0)
		return &facts->ua_part;
	if (in_ns(ns, NS_PDFAID) && strcmp(n, "part") == 0)
		return &facts->a_part;
	if (in_ns(ns, NS_PDFAID) && strcmp(n, "conformance") == 0)
		return &facts->a_conformance;
	return NULL;
}

/* Iterative, so a deeply nested packet cannot exhaust the stack. */
static void gather(xmlNode *root, struct xmp_facts *facts)
{
	for (xmlNode *node = root; node;) {
		char **slot;
		if (node->type == XML_ELEMENT_NODE) {
			if (in_ns(node->ns, NS_DC) &&
			    xmlStrcmp(node->name, BAD_CAST "title") == 0)
				keep(&facts->title, first_item(node));
			else if (in_ns(node->ns, NS_DC) &&
				 xmlStrcmp(node->name, BAD_CAST "creator") == 0)
				keep(&facts->creator, first_item(node));
			else if ((slot = id_slot(facts, node->ns, node->name)))
				keep(slot, text_of(node));
			/* Properties may also be attributes of rdf:Description. */
			for (xmlAttr *a = node->properties; a; a = a->next) {
				if (!(slot = id_slot(facts, a->ns, a->name)))
					continue;
				xmlChar *v = xmlNodeListGetString(node->doc, a->children, 1);
				keep(slot, v ? mem_strdup((const char *)v) : NULL);
				xmlFree(v);
			}
		}
		if (node->children && node->type == XML_ELEMENT_NODE) {
			node = node->children;
			continue;
		}
		while (node && !node->next && node != root)
			node = node->parent;
		if (!node || node == root)
			break;
		node = node->next;
	}
}

static void check_identification(struct check_ctx *ctx, const struct xmp_facts *f)
{
	if (!f->title)
		check_fail(ctx, 0, "7.1-9", "Matterhorn 06-003",
			   "the metadata gives no title (dc:title), so readers "
			   "cannot name the document");
	if (!f->ua_part)
		check_fail(ctx, 0, "5-1", "Matterhorn 06-002",
			   "the metadata does not say the file is PDF/UA (no "
			   "pdfuaid:part), so checkers and assistive technology "
			   "cannot tell it claims to be accessible");
	else if (strcmp(f->ua_part, "1") != 0)
		check_fail(ctx, 0, "5-2", "Matterhorn 06-002",
			   "the metadata says PDF/UA part '%s'; a PDF/UA-1 file "
			   "says 1", f->ua_part);
	if (!f->a_part)
		check_fail(ctx, 0, "6.6.4-1", "PDF/A-2",
			   "the metadata does not say the file is PDF/A (no "
			   "pdfaid:part), so an archive cannot tell it is fit to "
			   "keep");
	else if (strcmp(f->a_part, "2") != 0)
		check_fail(ctx, 0, "6.6.4-2", "PDF/A-2",
			   "the metadata says PDF/A part '%s'; a PDF/A-2 file says 2",
			   f->a_part);
	if (f->a_part && (!f->a_conformance || strcmp(f->a_conformance, "A") != 0))
		check_fail(ctx, 0, "6.6.4-3", "PDF/A-2",
			   "the metadata says PDF/A conformance '%s'; an accessible "
			   "(tagged) archive copy is level A",
			   f->a_conformance ? f->a_conformance : "(none)");
}

/* Info /Key as UTF-8, or NULL. */
static char *info_value(struct check_ctx *ctx, const char *key)
{
	qpdf_oh info = qpdf_oh_get_key(ctx->q, qpdf_get_trailer(ctx->q), "/Info");
	return check_utf8(ctx, qpdf_oh_get_key_if_dict(ctx->q, info, key));
}

static void check_agreement(struct check_ctx *ctx, const struct xmp_facts *f)
{
	char *title = info_value(ctx, "/Title");
	if (title && f->title && strcmp(title, f->title) != 0)
		check_fail(ctx, 0, "6.6.3", "PDF/A-2",
			   "the title in the document properties ('%s') differs "
			   "from the title in the metadata ('%s')", title, f->title);
	char *author = info_value(ctx, "/Author");
	if (author && f->creator && strcmp(author, f->creator) != 0)
		check_fail(ctx, 0, "6.6.3", "PDF/A-2",
			   "the author in the document properties ('%s') differs "
			   "from the author in the metadata ('%s')", author, f->creator);
	free(title);
	free(author);
}

static int has_doctype(const char *xml, size_t len)
{
	static const char marker[] = "<!DOCTYPE";
	for (size_t i = 0; i + sizeof marker - 1 <= len; i++)
		if (memcmp(xml + i, marker, sizeof marker - 1) == 0)
			return 1;
	return 0;
}

void check_xmp(struct check_ctx *ctx, const char *xml, size_t len)
{
	xmlDoc *doc = NULL;
	if (len <= (size_t)INT32_MAX && !has_doctype(xml, len))
		doc = xmlReadMemory(xml, (int)len, "metadata.xmp", NULL,
				    XML_PARSE_NONET | XML_PARSE_NOERROR |
					    XML_PARSE_NOWARNING);
	if (!doc) {
		check_fail(ctx, 0, "6.6.2.1-4", "PDF/A-2",
			   "the XMP metadata is not well-formed XML (or declares a "
			   "DOCTYPE, which XMP never needs), so nothing in it (title, "
			   "PDF/UA and PDF/A identification) can be read");
		return;
	}
	struct xmp_facts facts = { 0 };
	gather(xmlDocGetRootElement(doc), &facts);
	xmlFreeDoc(doc);
	check_identification(ctx, &facts);
	check_agreement(ctx, &facts);
	free(facts.title);
	free(facts.creator);
	free(facts.ua_part);
	free(facts.a_part);
	free(facts.a_conformance);
}
