/* Text out of the tree: XML white space collapsed to single spaces and
 * trimmed, across element boundaries, with inline markup (<em>, <strong>,
 * <lead>, <link>, <ref>, <span>) turned into spans over the plain text,
 * each with its xml:lang. */
#include "source_internal.h"

#include <stdlib.h>
#include <string.h>

struct text_builder {
	char *text;
	size_t length, capacity;
	int pending_space;   /* white space seen since the last character */
	struct source_span *spans;
	size_t span_count, span_capacity;
};

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void put(struct text_builder *b, const char *s, size_t n)
{
	if (b->length + n + 2 > b->capacity) {
		size_t want = b->capacity ? b->capacity * 2 : 64;
		while (want < b->length + n + 2)
			want *= 2;
		b->text = mem_resize(b->text, want, 1);
		b->capacity = want;
	}
	memcpy(b->text + b->length, s, n);
	b->length += n;
}

static void append(struct text_builder *b, const char *s)
{
	while (*s) {
		if (is_space((unsigned char)*s)) {
			b->pending_space = b->length > 0;
			s++;
			continue;
		}
		if (b->pending_space)
			put(b, " ", 1);
		b->pending_space = 0;
		size_t run = 0;
		while (s[run] && !is_space((unsigned char)s[run]))
			run++;
		put(b, s, run);
		s += run;
	}
}

static int span_kind(const xmlNode *node, enum source_span_kind *kind,
		     const char **target)
{
	*target = NULL;
	if (source_is(node, "em"))
		*kind = SPAN_EMPHASIS;
	else if (source_is(node, "strong") || source_is(node, "lead"))
		*kind = SPAN_STRONG;
	else if (source_is(node, "link"))
		*kind = SPAN_LINK, *target = source_attr(node, "href");
	else if (source_is(node, "ref"))
		*kind = SPAN_REF, *target = source_attr(node, "to");
	else if (source_is(node, "span"))
		*kind = SPAN_LANGUAGE;
	else
		return 0;
	return 1;
}

/* The element's own xml:lang in the arena, or NULL. */
static const char *own_lang(struct arena *arena, const xmlNode *node)
{
	xmlChar *lang = node ? xmlGetNsProp(node, BAD_CAST "lang",
					    XML_XML_NAMESPACE) : NULL;
	const char *out = lang && lang[0] ?
				  arena_strndup(arena, (const char *)lang,
						strlen((const char *)lang)) :
				  NULL;
	xmlFree(lang);
	return out;
}

static void walk(struct arena *arena, struct text_builder *b,
		 const xmlNode *node)
{
	for (; node; node = node->next) {
		if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
			if (node->content)
				append(b, (const char *)node->content);
			continue;
		}
		if (node->type != XML_ELEMENT_NODE)
			continue;
		enum source_span_kind kind;
		const char *target;
		if (!span_kind(node, &kind, &target)) {
			walk(arena, b, node->children);
			continue;
		}
		size_t index = b->span_count;
		MEM_GROW(b->spans, b->span_count, b->span_capacity);
		b->span_count++;
		/* A pending space is written before the next character, so the
		 * span starts after it. */
		uint32_t start = (uint32_t)(b->length + (b->pending_space ? 1 : 0));
		size_t before = b->length;
		walk(arena, b, node->children);
		int generated = kind == SPAN_REF && b->length == before;
		if (generated) {
			/* Room for the target's name, kept apart from the text
			 * around it so that spans stay unambiguous. */
			if (b->pending_space)
				put(b, " ", 1);
			b->pending_space = 0;
			start = (uint32_t)b->length;
			put(b, SOURCE_REF_NAME, strlen(SOURCE_REF_NAME));
		}
		uint32_t end = (uint32_t)b->length;
		b->spans[index] = (struct source_span){ start, end < start ? start : end,
							kind, target,
							own_lang(arena, node),
							generated };
	}
}

/* Outer spans first when they start together; otherwise document order. */
static int span_before(const struct source_span *x, const struct source_span *y)
{
	return x->start < y->start || (x->start == y->start && x->end > y->end);
}

static void sort_spans(struct source_span *spans, size_t count)
{
	for (size_t i = 1; i < count; i++) {
		struct source_span key = spans[i];
		size_t j = i;
		while (j > 0 && span_before(&key, &spans[j - 1])) {
			spans[j] = spans[j - 1];
			j--;
		}
		spans[j] = key;
	}
}

void source_inline_text(struct arena *arena, const xmlNode *node,
			struct source_text *out)
{
	struct text_builder b = { 0 };
	walk(arena, &b, node ? node->children : NULL);
	out->text = arena_strndup(arena, b.text ? b.text : "", b.length);
	out->lang = own_lang(arena, node);
	out->span_count = b.span_count;
	out->spans = NULL;
	if (b.span_count) {
		/* Leading space inside a span belongs outside it. */
		for (size_t i = 0; i < b.span_count; i++) {
			struct source_span *s = &b.spans[i];
			if (s->start > b.length)
				s->start = (uint32_t)b.length;
			if (s->end > b.length)
				s->end = (uint32_t)b.length;
			while (s->start < s->end && b.text[s->start] == ' ')
				s->start++;
			while (s->end > s->start && b.text[s->end - 1] == ' ')
				s->end--;
			if (s->target)
				s->target = arena_strndup(arena, s->target, strlen(s->target));
		}
		sort_spans(b.spans, b.span_count);
		out->spans = arena_alloc(arena, b.span_count * sizeof *b.spans);
		memcpy(out->spans, b.spans, b.span_count * sizeof *b.spans);
	}
	free(b.spans);
	free(b.text);
}

char *source_plain_text(struct arena *arena, const xmlNode *node)
{
	struct text_builder b = { 0 };
	walk(arena, &b, node ? node->children : NULL);
	char *out = arena_strndup(arena, b.text ? b.text : "", b.length);
	free(b.spans);
	free(b.text);
	return out;
}

char *source_quote(const char *s)
{
	enum { MAX_QUOTED = 40 };
	char *out = mem_alloc(MAX_QUOTED + 8);
	size_t n = 0;
	int space = 0, cut = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (is_space(*p)) {
			space = n > 0;
			continue;
		}
		/* Room for this whole character (and a space before it)? */
		size_t len = *p < 0x80 ? 1 : *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : 2;
		if (n + (size_t)space + len > MAX_QUOTED) {
			cut = 1;
			break;
		}
		if (space)
			out[n++] = ' ';
		space = 0;
		size_t i = 0;
		for (; i < len && p[i]; i++)
			out[n++] = (char)p[i];
		p += i - 1;
	}
	if (cut) {
		memcpy(out + n, "\xE2\x80\xA6", 3); /* … */
		n += 3;
	}
	out[n] = '\0';
	return out;
}
