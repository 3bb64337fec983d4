/* The byte-level pass before libxml2: refuse what must never reach the parser
 * (NUL bytes, invalid UTF-8, other encodings, DOCTYPEs that declare entities
 * or name an external DTD, nesting beyond SOURCE_MAX_DEPTH, text beyond
 * SOURCE_MAX_TEXT_BYTES) and record where every start tag begins. It is a
 * scanner, not a parser: malformed markup is left for libxml2 to report. */
#include "source_internal.h"

#include <string.h>
#include <strings.h>

struct scan {
	struct source_load *load;
	const char *p;
	size_t n;
	size_t line_start;   /* offset of the current line's first byte */
	uint32_t line;
	size_t counted;      /* offset up to which line and line_start are known */
	size_t col_offset;   /* a known column on the current line, so that a */
	uint32_t col;        /* long line is counted once, not once per tag */
};

/* Advance the line counter to offset (never backwards). */
static void scan_seek(struct scan *s, size_t offset)
{
	while (s->counted < offset) {
		const char *nl = memchr(s->p + s->counted, '\n', offset - s->counted);
		if (!nl) {
			s->counted = offset;
			break;
		}
		s->line++;
		s->counted = (size_t)(nl - s->p) + 1;
		s->line_start = s->counted;
	}
}

static struct source_pos scan_pos(struct scan *s, size_t offset)
{
	scan_seek(s, offset);
	if (s->col_offset < s->line_start || s->col_offset > offset) {
		s->col_offset = s->line_start;
		s->col = 1;
	}
	for (size_t i = s->col_offset; i < offset; i++)
		s->col += ((unsigned char)s->p[i] & 0xC0) != 0x80;
	s->col_offset = offset;
	return (struct source_pos){ s->line, s->col };
}

/* Length of a valid UTF-8 sequence at p (at most n bytes), 0 if invalid. */
static size_t utf8_length(const unsigned char *p, size_t n)
{
	unsigned c = p[0];
	size_t len;
	unsigned min;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2, min = 0x80;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3, min = 0x800;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4, min = 0x10000;
	else
		return 0;
	if (n < len)
		return 0;
	unsigned cp = c & (0xFF >> (len + 1));
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

/* NUL bytes and invalid UTF-8: the first of each is reported, with how many
 * more follow, so a binary file gives two lines, not thousands. */
static int check_bytes(struct scan *s)
{
	size_t nul_count = 0, bad_count = 0, nul_at = 0, bad_at = 0;
	const unsigned char *u = (const unsigned char *)s->p;
	for (size_t i = 0; i < s->n;) {
		if (u[i] == 0) {
			if (!nul_count++)
				nul_at = i;
			i++;
			continue;
		}
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		size_t len = utf8_length(u + i, s->n - i);
		if (len) {
			i += len;
			continue;
		}
		if (!bad_count++)
			bad_at = i;
		i++;
	}
	if (nul_count) {
		struct source_pos pos = scan_pos(s, nul_at);
		if (nul_count > 1)
			source_error(s->load, pos, "NUL byte in the source (and %zu more); "
				     "is this a binary file?", nul_count - 1);
		else
			source_error(s->load, pos, "NUL byte in the source; is this a binary file?");
	}
	if (bad_count) {
		struct source_pos pos = scan_pos(s, bad_at);
		unsigned byte = u[bad_at];
		if (bad_count > 1)
			source_error(s->load, pos, "byte 0x%02X is not valid UTF-8 (and %zu more); "
				     "save the source as UTF-8", byte, bad_count - 1);
		else
			source_error(s->load, pos, "byte 0x%02X is not valid UTF-8; "
				     "save the source as UTF-8", byte);
	}
	return nul_count || bad_count ? -1 : 0;
}

static int starts(const struct scan *s, size_t i, const char *word)
{
	size_t len = strlen(word);
	return s->n - i >= len && memcmp(s->p + i, word, len) == 0;
}

static size_t find(const struct scan *s, size_t from, const char *word)
{
	size_t len = strlen(word);
	for (size_t i = from; i + len <= s->n; i++) {
		const char *hit = memchr(s->p + i, word[0], s->n - i);
		if (!hit)
			return s->n;
		i = (size_t)(hit - s->p);
		if (i + len <= s->n && memcmp(hit, word, len) == 0)
			return i;
	}
	return s->n;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* <?xml version="1.0" encoding="…"?>: anything but UTF-8 is refused rather
 * than converted, so that byte offsets and columns mean one thing. */
static int check_declaration(struct scan *s, size_t at, size_t end)
{
	size_t enc = at;
	while ((enc = find(s, enc, "encoding")) < end) {
		if (is_space(s->p[enc - 1]))
			break;
		enc++;
	}
	if (enc >= end)
		return 0;
	size_t i = enc + 8;
	while (i < end && (is_space(s->p[i]) || s->p[i] == '='))
		i++;
	if (i >= end || (s->p[i] != '"' && s->p[i] != '\''))
		return 0;
	char quote = s->p[i++];
	size_t start = i;
	while (i < end && s->p[i] != quote)
		i++;
	size_t len = i - start;
	if ((len == 5 && strncasecmp(s->p + start, "UTF-8", 5) == 0) ||
	    (len == 4 && strncasecmp(s->p + start, "UTF8", 4) == 0))
		return 0;
	source_error(s->load, scan_pos(s, enc),
		     "the source declares encoding \"%.*s\"; sources must be UTF-8",
		     (int)(len > 40 ? 40 : len), s->p + start);
	return -1;
}

/* The ']' closing the internal subset that opens at i, quoted literals and
 * comments skipped; n when there is none. */
static size_t subset_end(const struct scan *s, size_t i)
{
	for (i++; i < s->n && s->p[i] != ']'; i++) {
		char c = s->p[i];
		if (c == '"' || c == '\'') {
			const char *close = memchr(s->p + i + 1, c, s->n - i - 1);
			if (!close)
				return s->n;
			i = (size_t)(close - s->p);
		} else if (starts(s, i, "<!--")) {
			i = find(s, i + 4, "-->") + 2;
		}
	}
	return i;
}

/* <!DOCTYPE paper> is harmless; an external identifier would load a DTD and
 * declarations could define entities (billion laughs, external files). */
static int check_doctype(struct scan *s, size_t at, size_t *end)
{
	size_t i = at + 9;
	while (i < s->n && is_space(s->p[i]))
		i++;
	while (i < s->n && !is_space(s->p[i]) && s->p[i] != '>' && s->p[i] != '[')
		i++;
	while (i < s->n && is_space(s->p[i]))
		i++;
	if (starts(s, i, "SYSTEM") || starts(s, i, "PUBLIC")) {
		source_error(s->load, scan_pos(s, i),
			     "the DOCTYPE names an external DTD; sources may not load "
			     "other files (remove the DOCTYPE)");
		return -1;
	}
	if (i < s->n && s->p[i] == '[') {
		size_t decl = i + 1;
		while (decl < s->n && s->p[decl] != ']' && s->p[decl] != '<')
			decl++;
		size_t entity = find(s, i, "<!ENTITY");
		if (entity < subset_end(s, i)) {
			source_error(s->load, scan_pos(s, entity),
				     "the DOCTYPE declares entities; sources may not "
				     "declare entities (remove the DOCTYPE)");
			return -1;
		}
		if (decl < s->n && s->p[decl] == '<') {
			source_error(s->load, scan_pos(s, decl),
				     "the DOCTYPE has declarations; the schema defines "
				     "the vocabulary (remove the DOCTYPE)");
			return -1;
		}
	}
	*end = i;
	return 0;
}

static void add_tag(struct scan *s, size_t offset)
{
	struct source_load *load = s->load;
	struct source_pos pos = scan_pos(s, offset);
	MEM_GROW(load->tags, load->tag_count, load->tag_capacity);
	load->tags[load->tag_count++] = (struct source_tag){
		(uint32_t)offset, pos.line, pos.col
	};
}

/* End of a start tag beginning at i: the offset after its '>', skipping
 * quoted attribute values; n when unterminated. *empty tells "/>";
 * *attributes counts the '=' outside quotes. */
static size_t tag_end(const struct scan *s, size_t i, int *empty, size_t *attributes)
{
	*attributes = 0;
	for (; i < s->n; i++) {
		char c = s->p[i];
		if (c == '=') {
			++*attributes;
		} else if (c == '"' || c == '\'') {
			const char *close = memchr(s->p + i + 1, c, s->n - i - 1);
			if (!close)
				return s->n;
			i = (size_t)(close - s->p);
		} else if (c == '>') {
			*empty = s->p[i - 1] == '/';
			return i + 1;
		}
	}
	return s->n;
}

static int text_too_long(struct scan *s, size_t from, size_t to, const char *what)
{
	if (to - from <= SOURCE_MAX_TEXT_BYTES)
		return 0;
	source_error(s->load, scan_pos(s, from),
		     "%s is longer than %u bytes; sources are limited to %u bytes of "
		     "text between tags", what, SOURCE_MAX_TEXT_BYTES, SOURCE_MAX_TEXT_BYTES);
	return 1;
}

static int scan_markup(struct scan *s)
{
	int depth = 0;
	size_t i = 0;
	if (starts(s, 0, "\xEF\xBB\xBF"))
		i = 3;
	while (i < s->n) {
		const char *lt = memchr(s->p + i, '<', s->n - i);
		size_t at = lt ? (size_t)(lt - s->p) : s->n;
		if (text_too_long(s, i, at, "text"))
			return -1;
		if (!lt)
			break;
		size_t end;
		if (starts(s, at, "<!--")) {
			end = find(s, at + 4, "-->") + 3;
		} else if (starts(s, at, "<![CDATA[")) {
			end = find(s, at + 9, "]]>");
			if (text_too_long(s, at, end, "a CDATA section"))
				return -1;
			end += 3;
		} else if (starts(s, at, "<?")) {
			end = find(s, at + 2, "?>");
			if (starts(s, at, "<?xml") && at <= 3 && check_declaration(s, at, end))
				return -1;
			end += 2;
		} else if (starts(s, at, "<!DOCTYPE")) {
			if (check_doctype(s, at, &end))
				return -1;
		} else if (starts(s, at, "</")) {
			depth--;
			const char *gt = memchr(s->p + at, '>', s->n - at);
			end = gt ? (size_t)(gt - s->p) + 1 : s->n;
		} else {
			int empty = 0;
			size_t attributes;
			end = tag_end(s, at + 1, &empty, &attributes);
			if (text_too_long(s, at, end, "a start tag"))
				return -1;
			/* libxml2 2.9 appends each attribute by walking the list. */
			if (attributes > SOURCE_MAX_ATTRIBUTES) {
				source_error(s->load, scan_pos(s, at),
					     "a start tag with %zu attributes; at most %d are "
					     "allowed", attributes, SOURCE_MAX_ATTRIBUTES);
				return -1;
			}
			add_tag(s, at);
			if (!empty && ++depth > SOURCE_MAX_DEPTH) {
				source_error(s->load, scan_pos(s, at),
					     "elements are nested more than %d deep",
					     SOURCE_MAX_DEPTH);
				return -1;
			}
		}
		i = end > s->n ? s->n : end;
	}
	return 0;
}

int source_scan(struct source_load *load)
{
	struct scan s = { .load = load, .p = load->bytes, .n = load->length, .line = 1,
			  .col = 1 };
	size_t first = 0;
	while (first < s.n && is_space(s.p[first]))
		first++;
	if (first == s.n) {
		source_error(load, (struct source_pos){ 0, 0 },
			     s.n ? "the source holds only white space" : "the source is empty");
		return -1;
	}
	if (s.n >= 2 && ((s.p[0] == '\xFF' && s.p[1] == '\xFE') ||
			 (s.p[0] == '\xFE' && s.p[1] == '\xFF'))) {
		source_error(load, (struct source_pos){ 1, 1 },
			     "the source is UTF-16; sources must be UTF-8");
		return -1;
	}
	if (check_bytes(&s))
		return -1;
	/* check_bytes may have moved the line counter; restart it. */
	s.line = 1;
	s.line_start = s.counted = s.col_offset = 0;
	s.col = 1;
	return scan_markup(&s);
}
