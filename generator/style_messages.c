/* libxml2's schema messages speak of facets, patterns and namespaces; an
 * officer editing a layout needs the element, the attribute, the value and
 * what to write instead. Messages we do not recognise keep libxml2's words,
 * with the namespace dropped. */
#include "style_internal.h"

#include <stdlib.h>
#include <string.h>

static char *drop_namespace(const char *message)
{
	static const char braced[] = "{" STYLE_NAMESPACE "}";
	size_t n = strlen(message);
	char *out = mem_alloc(n + 1);
	char *w = out;
	for (const char *p = message; *p;) {
		if (strncmp(p, braced, sizeof braced - 1) == 0) {
			p += sizeof braced - 1;
			continue;
		}
		*w++ = *p++;
	}
	while (w > out && (w[-1] == '\n' || w[-1] == ' ' || w[-1] == '.'))
		w--;
	*w = '\0';
	return out;
}

/* Copy the text between open (which must start at *p) and the next close. */
static char *quoted_after(const char *text, const char *open, const char **rest)
{
	const char *start = strstr(text, open);
	if (!start)
		return NULL;
	start += strlen(open);
	const char *end = strchr(start, '\'');
	if (!end)
		return NULL;
	if (rest)
		*rest = end + 1;
	return mem_strndup(start, (size_t)(end - start));
}

/* "{'A4', 'A3', 'Letter'}" -> "A4, A3, Letter" */
static char *set_list(const char *set)
{
	char *out = mem_alloc(strlen(set) + 1);
	char *w = out;
	for (const char *p = set; *p && *p != '}'; p++)
		if (*p != '\'' && *p != '{')
			*w++ = *p;
	*w = '\0';
	return out;
}

/* "( fonts )" or "( body, heading )" -> "<fonts>" / "<body>, <heading>" */
static char *expected_list(const char *text)
{
	const char *open = strstr(text, "Expected is");
	if (!open)
		return NULL;
	open = strchr(open, '(');
	const char *close = open ? strchr(open, ')') : NULL;
	if (!open || !close)
		return NULL;
	char *out = mem_alloc((size_t)(close - open) * 3 + 8);
	char *w = out;
	int in_name = 0;
	for (const char *p = open + 1; p < close; p++) {
		int name_char = *p != ' ' && *p != ',';
		if (name_char && !in_name)
			*w++ = '<';
		if (!name_char && in_name)
			*w++ = '>';
		if (name_char || (*p == ',' ))
			*w++ = *p;
		if (*p == ',')
			*w++ = ' ';
		in_name = name_char;
	}
	if (in_name)
		*w++ = '>';
	*w = '\0';
	return out;
}

static char *about_value(const char *element, const char *attribute,
			 const char *value, const char *rest)
{
	if (strstr(rest, "(mm|pt)"))
		return mem_printf("<%s> %s=\"%s\" is not a length: write a number "
				  "and its unit, mm or pt (for example \"20mm\" or \"11pt\")",
				  element, attribute, value);
	if (strstr(rest, "#[0-9a-fA-F]{6}"))
		return mem_printf("<%s> %s=\"%s\" is not a colour: write it as "
				  "#rrggbb (for example \"#0b0c0c\")",
				  element, attribute, value);
	if (strstr(rest, "[a-z0-9]+(-[a-z0-9]+)*"))
		return mem_printf("<%s> %s=\"%s\" is not a layout name: use "
				  "lower-case letters, digits and single hyphens",
				  element, attribute, value);
	if (strstr(rest, "[facet 'enumeration']")) {
		const char *set = strstr(rest, "set {");
		char *choices = set_list(set ? set + 4 : "");
		char *out = mem_printf("<%s> %s=\"%s\" is not allowed: use one of %s",
				       element, attribute, value, choices);
		free(choices);
		return out;
	}
	if (strstr(rest, "[facet 'minExclusive']") || strstr(rest, "[facet 'maxInclusive']") ||
	    strstr(rest, "[facet 'maxExclusive']") || strstr(rest, "[facet 'minInclusive']")) {
		const char *facet = strstr(rest, "than '");
		char *limit = facet ? quoted_after(facet, "than '", NULL) : NULL;
		const char *relation = strstr(rest, "greater than or equal") ? "at least"
			: strstr(rest, "greater than") ? "above"
			: strstr(rest, "less than or equal") ? "at most" : "below";
		char *out = mem_printf("<%s> %s=\"%s\" is out of range: it must be %s %s",
				       element, attribute, value, relation,
				       limit ? limit : "the limit");
		free(limit);
		return out;
	}
	if (strstr(rest, "[facet 'maxLength']") || strstr(rest, "[facet 'minLength']"))
		return mem_printf("<%s> %s=\"%s\" is %s", element, attribute, value,
				  strstr(rest, "maxLength") ? "too long" : "empty");
	if (strstr(rest, "xs:decimal") || strstr(rest, "xs:integer") ||
	    strstr(rest, "type 'proportion'"))
		return mem_printf("<%s> %s=\"%s\" is not a number", element,
				  attribute, value);
	return NULL;
}

static char *about_element(const char *element, const char *rest)
{
	char *expected = expected_list(rest);
	char *out = NULL;
	if (strstr(rest, "This element is not expected"))
		out = expected ? mem_printf("<%s> is not expected here: expected %s",
					    element, expected)
			       : mem_printf("<%s> is not expected here", element);
	else if (strstr(rest, "Missing child element"))
		out = mem_printf("<%s> is missing %s", element,
				 expected ? expected : "a child element");
	else if (strstr(rest, "is not allowed") && strstr(rest, "The attribute '")) {
		char *attribute = quoted_after(rest, "The attribute '", NULL);
		out = mem_printf("<%s> does not take the attribute %s", element, attribute);
		free(attribute);
	} else if (strstr(rest, "is required but missing")) {
		char *attribute = quoted_after(rest, "The attribute '", NULL);
		out = mem_printf("<%s> needs the attribute %s", element, attribute);
		free(attribute);
	} else if (strstr(rest, "No matching global declaration"))
		out = mem_printf("<%s> is not a layout element", element);
	else if (strstr(rest, "Duplicate key-sequence") &&
		 strstr(rest, "identity-constraint 'heading-level'")) {
		char *level = quoted_after(rest, "['", NULL);
		out = mem_printf("<%s level=\"%s\"> is given twice: give each of "
				 "levels 1, 2 and 3 once", element, level ? level : "?");
		free(level);
	} else if (strstr(rest, "Character content"))
		out = mem_printf("<%s> may not contain text, only the elements "
				 "listed in the layout schema", element);
	else if (strstr(rest, "Element content is not allowed"))
		out = mem_printf("<%s> may contain only text, not elements", element);
	free(expected);
	return out;
}

char *style_readable_schema_message(const char *message)
{
	char *plain = drop_namespace(message ? message : "invalid layout");
	const char *rest = NULL;
	char *element = quoted_after(plain, "Element '", &rest);
	char *out = NULL;
	if (element && rest) {
		const char *after_attribute = NULL;
		char *attribute = strncmp(rest, ", attribute '", 13) == 0
			? quoted_after(rest, ", attribute '", &after_attribute) : NULL;
		if (attribute) {
			char *value = quoted_after(after_attribute, "value '", NULL);
			if (!value)
				value = quoted_after(after_attribute, ": '", NULL);
			if (value)
				out = about_value(element, attribute, value, after_attribute);
			if (!out && strstr(after_attribute, "is not allowed"))
				out = mem_printf("<%s> does not take the attribute %s",
						 element, attribute);
			free(value);
			free(attribute);
		} else {
			out = about_element(element, rest);
		}
		if (!out)
			out = mem_printf("<%s>%s", element, rest);
	}
	free(element);
	if (!out)
		out = mem_strdup(plain);
	free(plain);
	return out;
}
