/* libxml2's schema messages in words an officer understands: which element,
 * what was expected there, what was found, at the element's or attribute's
 * own line and column. libxml2 2.9.14 gives its messages only as English
 * text, so they are recognised by their wording. */
#include "source_internal.h"

#include <libxml/tree.h>
#include <libxml/valid.h>
#include <stdlib.h>
#include <string.h>

static const char *local(const char *name)
{
	const char *brace = name[0] == '{' ? strchr(name, '}') : NULL;
	return brace ? brace + 1 : name;
}

/* "( {ns}a, {ns}b )" → "<a> or <b>"; "" when the message lists nothing. */
static char *expected_list(const char *msg, size_t *count)
{
	*count = 0;
	const char *open = strstr(msg, "Expected is");
	open = open ? strchr(open, '(') : NULL;
	const char *close = open ? strchr(open, ')') : NULL;
	if (!close)
		return mem_strdup("");
	char *list = mem_strndup(open + 1, (size_t)(close - open - 1));
	char *out = mem_strdup("");
	size_t total = 1;
	for (char *p = list; *p; p++)
		total += *p == ',';
	char *save = NULL;
	for (char *item = strtok_r(list, ", ", &save); item;
	     item = strtok_r(NULL, ", ", &save)) {
		const char *sep = *count == 0 ? "" : *count + 1 == total ? " or " : ", ";
		char *next = mem_printf("%s%s<%s>", out, sep, local(item));
		free(out);
		out = next;
		++*count;
	}
	free(list);
	return out;
}

/* Whether libxml2's "Expected is ( … )" list in msg names the element. */
static int listed(const char *msg, const char *name)
{
	char *needle = mem_printf("}%s,", name), *needle_end = mem_printf("}%s )", name);
	int found = strstr(msg, needle) || strstr(msg, needle_end);
	free(needle);
	free(needle_end);
	return found;
}

static const xmlNode *previous_element(const xmlNode *node)
{
	for (node = node->prev; node; node = node->prev)
		if (node->type == XML_ELEMENT_NODE)
			return node;
	return NULL;
}

static const xmlNode *last_element(const xmlNode *parent)
{
	const xmlNode *last = NULL;
	for (const xmlNode *c = parent->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			last = c;
	return last;
}

static int later_sibling_named(const xmlNode *node, const char *name)
{
	for (; node; node = node->next)
		if (node->type == XML_ELEMENT_NODE && strcmp((const char *)node->name, name) == 0)
			return 1;
	return 0;
}

static int in_vocabulary(const xmlNode *node)
{
	return node->ns && strcmp((const char *)node->ns->href, SOURCE_NAMESPACE) == 0 &&
	       source_vocabulary_has((const char *)node->name);
}

static void unexpected_element(struct source_load *load, const xmlNode *node,
			       const char *msg)
{
	const char *name = (const char *)node->name;
	const char *parent = node->parent && node->parent->type == XML_ELEMENT_NODE ?
			     (const char *)node->parent->name : "document";
	const xmlNode *prev = previous_element(node);
	struct source_pos pos = source_node_pos(load, node);
	size_t count;
	char *expected = expected_list(msg, &count);
	char *after = prev ? mem_printf(" after <%s>", (const char *)prev->name) :
			     mem_strdup(" first");
	if (!in_vocabulary(node)) {
		if (!node->ns || strcmp((const char *)node->ns->href, SOURCE_NAMESPACE) != 0)
			source_error(load, pos, "<%s> is not in the committee paper namespace "
				     "(%s)", name, SOURCE_NAMESPACE);
		else if (count)
			source_error(load, pos, "unknown element <%s> in <%s> (expected %s%s)",
				     name, parent, expected, prev ? after : "");
		else
			source_error(load, pos, "unknown element <%s> in <%s>", name, parent);
	} else if (prev && strcmp((const char *)prev->name, name) == 0 &&
		   !listed(msg, name)) {
		source_error(load, pos, "<%s> may appear only once here in <%s>", name, parent);
	} else if (prev && listed(msg, (const char *)prev->name)) {
		/* Only more of the previous element may follow: X came too late. */
		source_error(load, pos, "<%s> cannot come after <%s> in <%s>", name,
			     (const char *)prev->name, parent);
	} else if (count == 1) {
		char *missing = mem_strndup(expected + 1, strlen(expected) - 2);
		if (later_sibling_named(node, missing))
			source_error(load, pos, "<%s> is out of place in <%s> (expected %s%s)",
				     name, parent, expected, after);
		else if (prev)
			source_error(load, pos, "<%s> is missing %s (expected after <%s>)",
				     parent, expected, (const char *)prev->name);
		else
			source_error(load, pos, "<%s> is missing %s (expected before <%s>)",
				     parent, expected, name);
		free(missing);
	} else if (count) {
		source_error(load, pos, "<%s> is out of place in <%s> (expected %s%s)", name,
			     parent, expected, after);
	} else {
		source_error(load, pos, "<%s> is not allowed%s in <%s>", name,
			     prev ? after : "", parent);
	}
	free(after);
	free(expected);
}

static void missing_child(struct source_load *load, const xmlNode *node,
			  const char *msg)
{
	size_t count;
	char *expected = expected_list(msg, &count);
	const xmlNode *last = last_element(node);
	struct source_pos pos = source_node_pos(load, node);
	const char *name = (const char *)node->name;
	if (count == 1 && last)
		source_error(load, pos, "<%s> is missing %s (expected after <%s>)", name,
			     expected, (const char *)last->name);
	else if (count == 1)
		source_error(load, pos, "<%s> is missing %s", name, expected);
	else if (last)
		source_error(load, pos, "<%s> is incomplete: expected %s after <%s>", name,
			     expected, (const char *)last->name);
	else
		source_error(load, pos, "<%s> is incomplete: expected %s", name, expected);
	free(expected);
}

/* Text of an element for quoting: collapsed, shortened. */
static char *quoted_content(const xmlNode *node)
{
	xmlChar *raw = xmlNodeGetContent(node);
	char *out = source_quote(raw ? (const char *)raw : "");
	xmlFree(raw);
	return out;
}

struct pattern_words {
	const char *pattern, *words;
};

static const struct pattern_words patterns[] = {
	{ "\\d{4}-\\d{2}-\\d{2}", "is not a date written YYYY-MM-DD" },
	{ "[A-Za-z]+/[0-9]+/[A-Za-z]+",
	  "is not in the form initials/date/version, such as LD/06022024/A" },
	{ "[^@\\s]+@[^@\\s]+", "is not an email address" },
	{ "\\S+", "must not contain spaces" },
	{ "[1-7]", "is not a paragraph of Schedule 12A (1 to 7)" },
	{ "(https?://|mailto:|tel:)\\S+",
	  "is not an http, https, mailto or tel address" },
};

/* "'a', 'b', 'c'" inside {…} → "a, b or c". */
static char *enumeration_words(const char *msg)
{
	const char *open = strstr(msg, "set {");
	open = open ? open + 4 : NULL;
	const char *close = open ? strchr(open, '}') : NULL;
	if (!close)
		return mem_strdup("another value");
	char *out = mem_strdup("");
	size_t total = 1, index = 0;
	for (const char *p = open; p < close; p++)
		total += *p == ',';
	const char *p = open + 1;
	while (p < close) {
		const char *q1 = memchr(p, '\'', (size_t)(close - p));
		const char *q2 = q1 ? memchr(q1 + 1, '\'', (size_t)(close - q1 - 1)) : NULL;
		if (!q2)
			break;
		const char *sep = index == 0 ? "" : index + 1 == total ? " or " : ", ";
		char *next = mem_printf("%s%s%.*s", out, sep, (int)(q2 - q1 - 1), q1 + 1);
		free(out);
		out = next;
		index++;
		p = q2 + 1;
	}
	return out;
}

#define DATE_WORDS "is not a real date (expected YYYY-MM-DD)"
#define NUMBER_WORDS "is not a number"
#define NAME_WORDS "is not a valid name (a letter first, then letters, digits, " \
	"'-', '_' or '.'; no spaces)"
#define CODE_WORDS "is not a rating code (no spaces, at most 16 characters)"

/* libxml2 cuts messages near 64,000 bytes, and the value comes first: for a
 * huge value the facet or type is lost, so the element and attribute say
 * what was expected. element NULL matches any. */
struct name_words {
	const char *element, *attr, *words;
};

static const struct name_words by_name[] = {
	{ "meeting-date", NULL, DATE_WORDS },
	{ "due", NULL, DATE_WORDS },
	{ NULL, "date", DATE_WORDS },
	{ NULL, "previous-date", DATE_WORDS },
	{ "measure", "target", NUMBER_WORDS },
	{ "measure", "actual", NUMBER_WORDS },
	{ "measure", "previous", NUMBER_WORDS },
	{ NULL, "tolerance", NUMBER_WORDS },
	{ "value", NULL, NUMBER_WORDS },
	{ "email", NULL, "is not an email address" },
	{ "sign-off", NULL, "is not in the form initials/date/version, such as LD/06022024/A" },
	{ "link", "href", "is not an http, https, mailto or tel address" },
	{ "marking", "exempt-paragraph", "is not a paragraph of Schedule 12A (1 to 7)" },
	{ "item", "rating", CODE_WORDS },
	{ "item", "previous", CODE_WORDS },
	{ "measure", "rating", CODE_WORDS },
	{ "measure", "previous-rating", CODE_WORDS },
	{ "rating", "code", CODE_WORDS },
	{ "ref", "to", NAME_WORDS },
	{ "item", "see", NAME_WORDS },
};

static const char *words_by_name(const char *element, const char *attr)
{
	for (size_t i = 0; i < sizeof by_name / sizeof by_name[0]; i++) {
		const struct name_words *w = &by_name[i];
		if ((!w->element || strcmp(w->element, element) == 0) &&
		    ((!w->attr && !attr) || (w->attr && attr && strcmp(w->attr, attr) == 0)))
			return w->words;
	}
	return NULL;
}

/* An xs:ID value the schema refused: used before, or not a name. */
static char *id_problem(struct source_load *load, const char *value)
{
	if (xmlValidateNCName(BAD_CAST value, 0) != 0)
		return mem_strdup(NAME_WORDS);
	xmlAttrPtr first = xmlGetID(load->doc, BAD_CAST value);
	if (!first || !first->parent)
		return mem_strdup("is used more than once");
	struct source_pos at = source_node_pos(load, first->parent);
	return mem_printf("is already used by <%s> at line %u:%u",
			  (const char *)first->parent->name, at.line, at.col);
}

static int is_id_attr(const char *element, const char *attr)
{
	return attr && (strcmp(attr, "id") == 0 ||
			(strcmp(attr, "ref") == 0 &&
			 (strcmp(element, "item") == 0 || strcmp(element, "measure") == 0 ||
			  strcmp(element, "risk") == 0)));
}

/* From the type libxml2 names, NULL when it names none we know. */
static char *type_problem(struct source_load *load, const char *msg, const char *value)
{
	const char *type = strstr(msg, "atomic type '");
	if (!type)
		return NULL;
	type = local(type + 13);
	if (strncmp(type, "xs:date", 7) == 0 || strncmp(type, "date'", 5) == 0)
		return mem_strdup(DATE_WORDS);
	if (strncmp(type, "xs:decimal", 10) == 0 || strncmp(type, "percent'", 8) == 0)
		return mem_strdup(NUMBER_WORDS);
	if (strncmp(type, "xs:ID'", 6) == 0)
		return id_problem(load, value);
	if (strncmp(type, "xs:IDREF'", 9) == 0)
		return mem_strdup(NAME_WORDS);
	if (strncmp(type, "xs:anyURI", 9) == 0)
		return mem_strdup("is not a valid web address");
	if (strncmp(type, "xs:language", 11) == 0)
		return mem_strdup("is not a language tag such as en-GB");
	if (strncmp(type, "text'", 5) == 0)
		return mem_strdup("is empty");
	if (strncmp(type, "risk-level-code'", 16) == 0)
		return mem_strdup("must be a whole number from 1 to 10");
	if (strncmp(type, "risk-score'", 11) == 0)
		return mem_strdup("must be a whole number from 1 to 100");
	return NULL;
}

/* What is wrong with a value, as the end of a sentence. */
static char *value_problem(struct source_load *load, const char *msg, const char *value,
			   const char *element, const char *attr)
{
	if (strstr(msg, "[facet 'enumeration']")) {
		if (!strstr(msg, "set {"))
			return mem_strdup("is not one of the allowed values");
		char *set = enumeration_words(msg);
		char *out = mem_printf("is not allowed (expected %s)", set);
		free(set);
		return out;
	}
	if (strstr(msg, "[facet 'pattern']")) {
		for (size_t i = 0; i < sizeof patterns / sizeof patterns[0]; i++) {
			char *quoted = mem_printf("pattern '%s'", patterns[i].pattern);
			int hit = strstr(msg, quoted) != NULL;
			free(quoted);
			if (hit)
				return mem_strdup(patterns[i].words);
		}
	} else if (strstr(msg, "[facet 'minLength']") || strstr(msg, "[facet 'length']")) {
		return mem_strdup("is empty");
	} else if (strstr(msg, "[facet 'maxLength']")) {
		const char *at = strstr(msg, "maximum length of '");
		return at ? mem_printf("is too long (at most %d characters)", atoi(at + 19)) :
			    mem_strdup("is too long");
	} else if (strstr(msg, "[facet 'minInclusive']")) {
		return mem_strdup("must be 0 or more");
	} else if (strstr(msg, "[facet 'maxInclusive']")) {
		const char *at = strstr(msg, "maximum value allowed ('");
		return at ? mem_printf("is more than %d, the most allowed", atoi(at + 24))
			  : mem_strdup("is too large");
	} else {
		char *words = type_problem(load, msg, value);
		if (words)
			return words;
		if (is_id_attr(element, attr))
			return id_problem(load, value);
	}
	const char *words = words_by_name(element, attr);
	return mem_strdup(words ? words : "is not valid here");
}

/* The attribute's value as written; xml:lang is the one namespaced one. */
static char *attr_value(const xmlNode *element, const char *attr)
{
	const char *plain = source_attr(element, attr);
	if (plain)
		return mem_strdup(plain);
	xmlChar *lang = xmlGetNsProp(element, BAD_CAST "lang", XML_XML_NAMESPACE);
	char *out = mem_strdup(lang ? (const char *)lang : "");
	xmlFree(lang);
	return out;
}

static void bad_value(struct source_load *load, const xmlNode *element,
		      const char *attr, const char *msg)
{
	const char *name = (const char *)element->name;
	if (attr) {
		char *value = attr_value(element, attr);
		char *problem = value_problem(load, msg, value, name, attr);
		char *shown_value = source_quote(value);
		const char *shown = strcmp(attr, "lang") == 0 ? "xml:lang" : attr;
		/* Spreadsheets say "85%" for a figure and "n/a" for none. */
		const char *hint = "";
		if (strcmp(problem, NUMBER_WORDS) == 0)
			hint = strpbrk(value, "0123456789") ?
			       " (write the figure alone, such as 85 or 2.5)" :
			       " (leave the attribute out when there is no figure)";
		source_error(load, source_attr_pos(load, element, shown),
			     "%s=\"%s\" on <%s> %s%s", shown, shown_value, name, problem, hint);
		free(shown_value);
		free(problem);
		free(value);
		return;
	}
	char *content = quoted_content(element);
	char *problem = value_problem(load, msg, content, name, NULL);
	struct source_pos pos = source_node_pos(load, element);
	if (strcmp(problem, "is empty") == 0 || !*content)
		source_error(load, pos, "<%s> is empty", name);
	else
		source_error(load, pos, "<%s> \"%s\" %s", name, content, problem);
	free(problem);
	free(content);
}

static const xmlNode *first_element_child(const xmlNode *node)
{
	for (const xmlNode *c = node->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	return NULL;
}

void source_schema_explain(struct source_load *load, const xmlNode *element,
			   const char *attr, const char *msg)
{
	const char *name = (const char *)element->name;
	struct source_pos pos = source_node_pos(load, element);
	if (strstr(msg, "This element is not expected")) {
		unexpected_element(load, element, msg);
	} else if (strstr(msg, "Missing child element")) {
		missing_child(load, element, msg);
	} else if (strstr(msg, "is required but missing")) {
		const char *a = strstr(msg, "The attribute '");
		const char *end = a ? strchr(a + 15, '\'') : NULL;
		if (end)
			source_error(load, pos, "<%s> is missing the attribute %.*s", name,
				     (int)(end - a - 15), a + 15);
		else
			source_error(load, pos, "<%s> is missing an attribute", name);
	} else if (attr && strstr(msg, "is not allowed")) {
		source_error(load, source_attr_pos(load, element, attr),
			     "%s is not an attribute of <%s>", attr, name);
	} else if (strstr(msg, "Character content other than whitespace")) {
		const xmlNode *text = element->children;
		while (text && (text->type != XML_TEXT_NODE || xmlIsBlankNode((xmlNode *)text)))
			text = text->next;
		char *content = text ? quoted_content(text) : mem_strdup("");
		source_error(load, source_text_pos(load, element),
			     "text \"%s\" cannot stand directly in <%s>; it belongs in one "
			     "of its elements", content, name);
		free(content);
	} else if (strstr(msg, "Element content is not allowed") ||
		   strstr(msg, "type definition is simple")) {
		const xmlNode *child = first_element_child(element);
		source_error(load, child ? source_node_pos(load, child) : pos,
			     "<%s> holds plain text only, not <%s>", name,
			     child ? (const char *)child->name : "elements");
	} else if (strstr(msg, "No matching global declaration")) {
		source_error(load, pos, "the root element must be <paper> in namespace %s",
			     SOURCE_NAMESPACE);
	} else if (strstr(msg, "[facet") || strstr(msg, "atomic type") ||
		   words_by_name(name, attr) || is_id_attr(name, attr)) {
		bad_value(load, element, attr, msg);
	} else {
		/* A message not foreseen: libxml2's words, kept to one line. */
		const char *rest = strstr(msg, "': ");
		rest = rest ? rest + 3 : msg;
		size_t len = strlen(rest);
		if (len > 200) {
			len = 200;
			while (len && ((unsigned char)rest[len] & 0xC0) == 0x80)
				len--;
		}
		source_error(load, pos, "<%s>: %.*s%s", name, (int)len, rest,
			     rest[len] ? "…" : "");
	}
}
