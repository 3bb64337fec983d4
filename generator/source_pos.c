/* Positions of elements and attributes in the source bytes, and the small
 * tree helpers every load step uses. */
#include "source_internal.h"

#include <stdarg.h>
#include <string.h>

/* Element n (preorder) remembers n + 1 in _private, which libxml2 leaves to
 * applications; the tag table holds its position. */
static size_t number_subtree(xmlNode *node, size_t next)
{
	for (; node; node = node->next) {
		if (node->type != XML_ELEMENT_NODE)
			continue;
		node->_private = (void *)(uintptr_t)++next;
		next = number_subtree(node->children, next);
	}
	return next;
}

void source_number_elements(struct source_load *load)
{
	load->element_count = number_subtree(xmlDocGetRootElement(load->doc), 0);
}

static const struct source_tag *tag_of(const struct source_load *load,
				       const xmlNode *node)
{
	while (node && node->type != XML_ELEMENT_NODE)
		node = node->parent;
	if (!node || load->element_count != load->tag_count)
		return NULL;
	uintptr_t n = (uintptr_t)node->_private;
	return n >= 1 && n <= load->tag_count ? &load->tags[n - 1] : NULL;
}

struct source_pos source_node_pos(const struct source_load *load,
				  const xmlNode *node)
{
	const struct source_tag *tag = tag_of(load, node);
	if (tag)
		return (struct source_pos){ tag->line, tag->col };
	while (node && node->type != XML_ELEMENT_NODE)
		node = node->parent;
	return (struct source_pos){ node ? (uint32_t)xmlGetLineNo(node) : 0, 0 };
}

/* Walk from a known position to offset, counting lines and characters. */
static struct source_pos advance(const char *p, size_t from, struct source_pos pos,
				 size_t to)
{
	for (size_t i = from; i < to; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c == '\n') {
			pos.line++;
			pos.col = 1;
		} else if ((c & 0xC0) != 0x80) {
			pos.col++;
		}
	}
	return pos;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

struct source_pos source_attr_pos(const struct source_load *load,
				  const xmlNode *node, const char *name)
{
	const struct source_tag *tag = tag_of(load, node);
	if (!tag)
		return source_node_pos(load, node);
	const char *p = load->bytes;
	size_t n = load->length, i = tag->offset + 1;
	size_t name_len = strlen(name);
	while (i < n && !is_space(p[i]) && p[i] != '>' && p[i] != '/')
		i++; /* the element name */
	while (i < n && p[i] != '>') {
		while (i < n && (is_space(p[i]) || p[i] == '/'))
			i++;
		size_t start = i;
		while (i < n && !is_space(p[i]) && p[i] != '=' && p[i] != '>')
			i++;
		if (i - start == name_len && memcmp(p + start, name, name_len) == 0)
			return advance(p, tag->offset,
				       (struct source_pos){ tag->line, tag->col }, start);
		while (i < n && p[i] != '"' && p[i] != '\'' && p[i] != '>')
			i++;
		if (i < n && p[i] != '>') {
			const char *close = memchr(p + i + 1, p[i], n - i - 1);
			if (!close)
				break;
			i = (size_t)(close - p) + 1;
		}
	}
	return (struct source_pos){ tag->line, tag->col };
}

static size_t skip_past(const char *p, size_t n, size_t i, const char *end)
{
	size_t len = strlen(end);
	for (; i + len <= n; i++)
		if (memcmp(p + i, end, len) == 0)
			return i + len;
	return n;
}

/* End of the tag starting at i (after its '>'), quoted values skipped;
 * *empty tells "/>". */
static size_t skip_tag(const char *p, size_t n, size_t i, int *empty)
{
	for (; i < n; i++) {
		if (p[i] == '"' || p[i] == '\'') {
			const char *close = memchr(p + i + 1, p[i], n - i - 1);
			if (!close)
				return n;
			i = (size_t)(close - p);
		} else if (p[i] == '>') {
			*empty = i > 0 && p[i - 1] == '/';
			return i + 1;
		}
	}
	return n;
}

struct source_pos source_text_pos(const struct source_load *load, const xmlNode *node)
{
	const struct source_tag *tag = tag_of(load, node);
	if (!tag)
		return source_node_pos(load, node);
	const char *p = load->bytes;
	size_t n = load->length;
	int empty = 0, depth = 0;
	size_t i = skip_tag(p, n, tag->offset, &empty);
	while (!empty && i < n) {
		if (p[i] != '<') {
			if (depth == 0 && !is_space(p[i]))
				return advance(p, tag->offset,
					       (struct source_pos){ tag->line, tag->col }, i);
			i++;
		} else if (strncmp(p + i, "<!--", 4) == 0) {
			i = skip_past(p, n, i + 4, "-->");
		} else if (strncmp(p + i, "<![CDATA[", 9) == 0) {
			if (depth == 0)
				return advance(p, tag->offset,
					       (struct source_pos){ tag->line, tag->col }, i);
			i = skip_past(p, n, i + 9, "]]>");
		} else if (strncmp(p + i, "<?", 2) == 0) {
			i = skip_past(p, n, i + 2, "?>");
		} else if (strncmp(p + i, "</", 2) == 0) {
			if (depth-- == 0)
				break;
			i = skip_past(p, n, i + 2, ">");
		} else {
			int child_empty = 0;
			i = skip_tag(p, n, i + 1, &child_empty);
			depth += !child_empty;
		}
	}
	return (struct source_pos){ tag->line, tag->col };
}

/* ---- tree helpers ---- */

int source_is(const xmlNode *node, const char *local_name)
{
	return node && node->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)node->name, local_name) == 0 && node->ns &&
	       strcmp((const char *)node->ns->href, SOURCE_NAMESPACE) == 0;
}

const xmlNode *source_next(const xmlNode *node, const char *local_name)
{
	for (; node; node = node->next)
		if (source_is(node, local_name))
			return node;
	return NULL;
}

const xmlNode *source_child(const xmlNode *parent, const char *local_name)
{
	return parent ? source_next(parent->children, local_name) : NULL;
}

size_t source_count(const xmlNode *parent, const char *local_name)
{
	size_t n = 0;
	for (const xmlNode *c = source_child(parent, local_name); c;
	     c = source_next(c->next, local_name))
		n++;
	return n;
}

const char *source_attr(const xmlNode *node, const char *name)
{
	if (!node || node->type != XML_ELEMENT_NODE)
		return NULL;
	for (const xmlAttr *a = node->properties; a; a = a->next) {
		if (a->ns || strcmp((const char *)a->name, name) != 0)
			continue;
		const xmlNode *text = a->children;
		return text && text->content ? (const char *)text->content : "";
	}
	return NULL;
}

/* ---- reporting ---- */

static void report(struct source_load *load, enum diag_level level,
		   struct source_pos pos, const char *fmt, va_list ap)
{
	char *message = mem_vprintf(fmt, ap);
	diag_add(load->diags, level, load->name, pos.line, pos.col, "%s", message);
	free(message);
}

void source_error(struct source_load *load, struct source_pos pos,
		  const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(load, DIAG_ERROR, pos, fmt, ap);
	va_end(ap);
}

void source_warning(struct source_load *load, struct source_pos pos,
		    const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(load, DIAG_WARNING, pos, fmt, ap);
	va_end(ap);
}
