/* The rules a schema cannot say: codes and references are written exactly
 * (no space before or after), every rating code is in its block's scale,
 * scales name each code once, cross-references resolve, a performance scale
 * has the standings its measures need, sign-offs sit under implications,
 * financial, legal and equalities implications have one, dated no later
 * than the meeting, and a risk register's bands or matrix give every score
 * one rating and its risks' scores use the codes of its scales.
 * Runs over the tree, after schema validation, even when that failed, so
 * that one run reports every problem. */
#include "source_internal.h"

#include "dates.h"

#include <libxml/hash.h>
#include <libxml/tree.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sheet_rows.h"

/* A ref given by a workbook row. */
struct sheet_ref {
	const struct source_workbook *workbook;
	const struct sheet_record *record;
};

struct rules {
	struct source_load *load;
	xmlHashTablePtr ids;   /* id and ref values → element */
	xmlHashTablePtr sheet_refs; /* refs of workbook rows → struct sheet_ref */
	struct sheet_ref *sheet_ref_store;
	size_t errors;
	long meeting_day;      /* the meeting date as YYYYMMDD; 0 when unknown */
	char meeting_iso[11];  /* and as written, when known */
};

static void rule_error(struct rules *r, struct source_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void rule_error(struct rules *r, struct source_pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *message = mem_vprintf(fmt, ap);
	va_end(ap);
	source_error(r->load, pos, "%s", message);
	free(message);
	r->errors++;
}

static void sheet_rule_error(struct rules *r, const struct sheet *sheet, uint32_t row,
			     uint32_t col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void sheet_rule_error(struct rules *r, const struct sheet *sheet, uint32_t row,
			     uint32_t col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *message = mem_vprintf(fmt, ap);
	va_end(ap);
	sheet_report(sheet, r->load->diags, DIAG_ERROR, row, col, "%s", message);
	free(message);
	r->errors++;
}

static int is_ours(const xmlNode *node)
{
	return node->type == XML_ELEMENT_NODE && node->ns &&
	       strcmp((const char *)node->ns->href, SOURCE_NAMESPACE) == 0;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int blank_at_an_end(const char *value)
{
	size_t n = strlen(value);
	return n > 0 && (is_blank(value[0]) || is_blank(value[n - 1]));
}

/* value without the white space before and after it; caller frees. The
 * other rules look at codes and references this way, so that a space,
 * which check_exact reports, is not reported again as a code or reference
 * that matches nothing. */
static char *trimmed(const char *value)
{
	while (is_blank(*value))
		value++;
	size_t n = strlen(value);
	while (n > 0 && is_blank(value[n - 1]))
		n--;
	return mem_printf("%.*s", (int)n, value);
}

static void index_ids(struct rules *r, const xmlNode *node)
{
	for (; node; node = node->next) {
		if (!is_ours(node))
			continue;
		const char *id = source_attr(node, "id");
		if (!id && (source_is(node, "item") || source_is(node, "measure") ||
			    source_is(node, "risk")))
			id = source_attr(node, "ref");
		if (id && blank_at_an_end(id)) {
			char *key = trimmed(id);
			if (*key)
				xmlHashAddEntry(r->ids, BAD_CAST key, (void *)node);
			free(key);
		} else if (id && *id) {
			xmlHashAddEntry(r->ids, BAD_CAST id, (void *)node);
		}
		index_ids(r, node->children);
	}
}

/* Refs of workbook rows share the paper's names with ids and refs written
 * in XML: each is used once in the whole paper. (Repeats inside one sheet
 * are the row mapper's to report.) */
static void index_sheet_refs(struct rules *r)
{
	size_t total = 0;
	for (size_t i = 0; i < r->load->workbook_count; i++)
		if (r->load->workbooks[i].rows)
			total += r->load->workbooks[i].rows->record_count;
	r->sheet_ref_store = mem_array(total ? total : 1, sizeof *r->sheet_ref_store);
	size_t n = 0;
	for (size_t i = 0; i < r->load->workbook_count; i++) {
		const struct source_workbook *w = &r->load->workbooks[i];
		for (size_t k = 0; w->rows && k < w->rows->record_count; k++) {
			const struct sheet_record *rec = &w->rows->records[k];
			const struct sheet_value *ref = &rec->values[FIELD_REF];
			if (!ref->present)
				continue;
			const xmlNode *node = xmlHashLookup(r->ids, BAD_CAST ref->text);
			const struct sheet_ref *other =
				xmlHashLookup(r->sheet_refs, BAD_CAST ref->text);
			char *quoted = source_quote(ref->text);
			if (node) {
				struct source_pos at = source_node_pos(r->load, node);
				sheet_rule_error(r, w->rows->sheet, rec->row, ref->col,
						 "ref \"%s\" is already used by <%s> at line %u:%u",
						 quoted, (const char *)node->name, at.line, at.col);
			} else if (other && other->workbook != w) {
				char place[SHEET_PLACE_BYTES];
				sheet_place(other->workbook->rows->sheet, other->record->row,
					    other->record->values[FIELD_REF].col, place);
				sheet_rule_error(r, w->rows->sheet, rec->row, ref->col,
						 "ref \"%s\" is already used at %s of %s", quoted,
						 place, other->workbook->path);
			} else if (!other) {
				r->sheet_ref_store[n] = (struct sheet_ref){ w, rec };
				xmlHashAddEntry(r->sheet_refs, BAD_CAST ref->text,
						&r->sheet_ref_store[n++]);
			}
			free(quoted);
		}
	}
}

/* The ref of an item or measure for a message; caller frees. */
static char *quoted_ref(const xmlNode *node)
{
	const char *ref = source_attr(node, "ref");
	return source_quote(ref ? ref : "");
}

/* ---- codes and references, written exactly ---- */

/* The attributes holding a code or a reference (element NULL: any). The
 * schema's token types trim a value before checking it, and the model is
 * built from trimmed values too, so rating="G " would pass both; codes and
 * references are compared as written, so a space at either end is an
 * error of its own, reported here once. One inside is the schema's. */
static const struct {
	const char *element, *attr;
} exact_attributes[] = {
	{ NULL, "id" },          { "item", "ref" },
	{ "item", "see" },       { "item", "rating" },
	{ "item", "previous" },  { "measure", "ref" },
	{ "measure", "rating" }, { "measure", "previous-rating" },
	{ "rating", "code" },    { "ref", "to" },
};

static const char *blank_name(char c)
{
	return c == ' ' ? "a space" : c == '\t' ? "a tab" : "a line break";
}

/* value as written, white space spelt out, at most 40 bytes and "…";
 * caller frees. */
static char *shown_exactly(const char *value)
{
	enum { MAX_SHOWN = 40 };
	char *out = mem_alloc(MAX_SHOWN + 8);
	size_t n = 0;
	const unsigned char *p = (const unsigned char *)value;
	for (; *p; p++) {
		const char *escape = *p == '\t' ? "\\t" : *p == '\n' ? "\\n"
				   : *p == '\r' ? "\\r" : NULL;
		size_t len = escape ? 2 : *p < 0x80 ? 1 : *p >= 0xF0 ? 4
			   : *p >= 0xE0 ? 3 : 2;
		if (n + len > MAX_SHOWN)
			break;
		if (escape) {
			memcpy(out + n, escape, 2);
			n += 2;
			continue;
		}
		for (size_t i = 0; i < len && p[i]; i++)
			out[n++] = (char)p[i];
		p += len - 1;
	}
	if (*p) {
		memcpy(out + n, "\xE2\x80\xA6", 3); /* … */
		n += 3;
	}
	out[n] = '\0';
	return out;
}

/* "item CI001" for what carries a ref, else "<section>". Caller frees. */
static char *owner_name(const xmlNode *node)
{
	const char *ref = source_attr(node, "ref");
	if (ref && (source_is(node, "item") || source_is(node, "measure"))) {
		char *quoted = source_quote(ref);
		char *name = mem_printf("%s %s", (const char *)node->name, quoted);
		free(quoted);
		return name;
	}
	return mem_printf("<%s>", (const char *)node->name);
}

static void check_exact(struct rules *r, const xmlNode *node, const char *attr)
{
	const char *value = source_attr(node, attr);
	if (!value || !blank_at_an_end(value))
		return;
	size_t n = strlen(value);
	int at_start = n > 0 && is_blank(value[0]);
	int at_end = n > 0 && is_blank(value[n - 1]);
	char *inner = trimmed(value);
	if ((at_start || at_end) && *inner) { /* all blank: the schema's */
		char *where = at_start && at_end
			? mem_printf("%s at its start and %s at its end",
				     blank_name(value[0]), blank_name(value[n - 1]))
			: mem_printf("%s at its %s",
				     blank_name(at_start ? value[0] : value[n - 1]),
				     at_start ? "start" : "end");
		char *shown = shown_exactly(value);
		char *owner = owner_name(node);
		char *meant = source_quote(inner);
		rule_error(r, source_attr_pos(r->load, node, attr),
			   "%s=\"%s\" of %s has %s; codes and references are "
			   "compared exactly, so write %s=\"%s\"", attr, shown, owner,
			   where, attr, meant);
		free(meant);
		free(owner);
		free(shown);
		free(where);
	}
	free(inner);
}

static void check_exact_all(struct rules *r, const xmlNode *node)
{
	for (; node; node = node->next) {
		if (!is_ours(node))
			continue;
		for (size_t i = 0;
		     i < sizeof exact_attributes / sizeof exact_attributes[0]; i++)
			if (!exact_attributes[i].element ||
			    source_is(node, exact_attributes[i].element))
				check_exact(r, node, exact_attributes[i].attr);
		check_exact_all(r, node->children);
	}
}

/* ---- scales ---- */

#define CODE_MAX 16 /* bytes, as the schema says */

struct scale_codes {
	char codes[64][CODE_MAX + 1]; /* as comparable_code gives them */
	const char *labels[64]; /* each code's label, or NULL */
	size_t count;
	char *shown;           /* "R, A, G, B" */
	int standings[6];      /* how many ratings have each standing */
};

static int standing_index(const char *word)
{
	static const char *const words[] = { "none", "met", "partly", "not-met",
					     "complete", "no-data" };
	for (int i = 0; i < 6; i++)
		if (word && strcmp(word, words[i]) == 0)
			return i;
	return 0;
}

/* A code as the rules compare it, trimmed (see trimmed()) into code; 0
 * when it is missing, empty, too long or has a space inside, which the
 * schema reports. */
static int comparable_code(const char *raw, char code[CODE_MAX + 1])
{
	if (!raw)
		return 0;
	while (is_blank(*raw))
		raw++;
	size_t n = strlen(raw);
	while (n > 0 && is_blank(raw[n - 1]))
		n--;
	if (n == 0 || n > CODE_MAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (is_blank(raw[i]))
			return 0;
	memcpy(code, raw, n);
	code[n] = '\0';
	return 1;
}

static void read_scale(struct rules *r, const xmlNode *scale, struct scale_codes *s)
{
	memset(s, 0, sizeof *s);
	s->shown = mem_strdup("");
	for (const xmlNode *c = source_child(scale, "rating"); c;
	     c = source_next(c->next, "rating")) {
		char code[CODE_MAX + 1];
		if (!comparable_code(source_attr(c, "code"), code))
			continue;
		int seen = 0;
		for (size_t i = 0; i < s->count; i++)
			seen |= strcmp(s->codes[i], code) == 0;
		if (seen) {
			char *quoted = source_quote(code);
			rule_error(r, source_attr_pos(r->load, c, "code"),
				   "rating code \"%s\" appears twice in the scale", quoted);
			free(quoted);
			continue;
		}
		s->standings[standing_index(source_attr(c, "standing"))]++;
		if (s->count == sizeof s->codes / sizeof s->codes[0])
			continue;
		char *quoted = source_quote(code);
		s->labels[s->count] = source_attr(c, "label");
		memcpy(s->codes[s->count++], code, sizeof code);
		char *next = mem_printf("%s%s%s", s->shown, *s->shown ? ", " : "", quoted);
		free(quoted);
		free(s->shown);
		s->shown = next;
	}
}

static void free_scale(struct scale_codes *s)
{
	free(s->shown);
}

static int in_scale(const struct scale_codes *s, const char *code)
{
	for (size_t i = 0; i < s->count; i++)
		if (strcmp(s->codes[i], code) == 0)
			return 1;
	return 0;
}

/* The code whose label was written where the code belongs ("Green" for
 * G), or NULL: officers often type what the key shows. */
static const char *code_labelled(const struct scale_codes *s, const char *word)
{
	for (size_t i = 0; i < s->count; i++)
		if (s->labels[i] && strcasecmp(s->labels[i], word) == 0)
			return s->codes[i];
	return NULL;
}

static void check_code(struct rules *r, const xmlNode *node, const char *attr,
		       const char *what, const char *kind, const struct scale_codes *s,
		       const char *block)
{
	char code[CODE_MAX + 1];
	if (!comparable_code(source_attr(node, attr), code) || in_scale(s, code))
		return;
	char *ref = quoted_ref(node);
	const char *meant = code_labelled(s, code);
	if (meant)
		rule_error(r, source_attr_pos(r->load, node, attr),
			   "%s \"%s\" of %s %s is a label: write its code \"%s\"", what,
			   code, kind, ref, meant);
	else
		rule_error(r, source_attr_pos(r->load, node, attr),
			   "%s \"%s\" of %s %s is not in the %s scale (%s)", what, code,
			   kind, ref, block, s->shown);
	free(ref);
}

/* ---- assessments ---- */

static void check_see(struct rules *r, const xmlNode *item)
{
	const char *see = source_attr(item, "see");
	const char *ref = source_attr(item, "ref");
	if (!see || xmlValidateNCName(BAD_CAST see, 0) != 0)
		return; /* not a name: the schema has said so */
	struct source_pos pos = source_attr_pos(r->load, item, "see");
	const xmlNode *target = xmlHashLookup(r->ids, BAD_CAST see);
	const struct sheet_ref *row = xmlHashLookup(r->sheet_refs, BAD_CAST see);
	char *shown_ref = quoted_ref(item);
	char *shown_see = source_quote(see);
	if (ref && strcmp(see, ref) == 0)
		rule_error(r, pos, "item %s says see \"%s\": an item cannot answer itself",
			   shown_ref, shown_see);
	else if (!target && row && row->workbook->rows->table != SHEET_TABLE_ASSESSMENT)
		rule_error(r, pos, "item %s says see \"%s\", which is a measure, not an "
			   "item", shown_ref, shown_see);
	else if (!target && row)
		; /* an item of a workbook */
	else if (!target)
		rule_error(r, pos, "item %s says see \"%s\", but no item has that ref",
			   shown_ref, shown_see);
	else if (!source_is(target, "item"))
		rule_error(r, pos, "item %s says see \"%s\", which is a <%s>, not an item",
			   shown_ref, shown_see, (const char *)target->name);
	free(shown_ref);
	free(shown_see);
}

/* A workbook item's see: the same rule as check_see, at its cell. */
static void check_sheet_see(struct rules *r, const struct sheet_rows *rows,
			    const struct sheet_record *rec)
{
	const struct sheet_value *see = &rec->values[FIELD_SEE];
	const struct sheet_value *ref = &rec->values[FIELD_REF];
	if (!see->present || xmlValidateNCName(BAD_CAST see->text, 0) != 0)
		return; /* not a name: the row mapper has said so */
	const xmlNode *target = xmlHashLookup(r->ids, BAD_CAST see->text);
	const struct sheet_ref *row = xmlHashLookup(r->sheet_refs, BAD_CAST see->text);
	char *shown_ref = source_quote(ref->present ? ref->text : "");
	char *shown_see = source_quote(see->text);
	if (ref->present && strcmp(see->text, ref->text) == 0)
		sheet_rule_error(r, rows->sheet, rec->row, see->col,
				 "item %s says see \"%s\": an item cannot answer itself",
				 shown_ref, shown_see);
	else if (target && !source_is(target, "item"))
		sheet_rule_error(r, rows->sheet, rec->row, see->col,
				 "item %s says see \"%s\", which is a <%s>, not an item",
				 shown_ref, shown_see, (const char *)target->name);
	else if (!target && row && row->workbook->rows->table != SHEET_TABLE_ASSESSMENT)
		sheet_rule_error(r, rows->sheet, rec->row, see->col,
				 "item %s says see \"%s\", which is a measure, not an item",
				 shown_ref, shown_see);
	else if (!target && !row)
		sheet_rule_error(r, rows->sheet, rec->row, see->col,
				 "item %s says see \"%s\", but no item has that ref",
				 shown_ref, shown_see);
	free(shown_ref);
	free(shown_see);
}

static void check_assessment(struct rules *r, const xmlNode *node)
{
	const struct source_workbook *w = source_workbook_of(r->load, node);
	for (size_t i = 0; w && w->rows && i < w->rows->record_count; i++)
		check_sheet_see(r, w->rows, &w->rows->records[i]);
	struct scale_codes scale;
	read_scale(r, source_child(node, "scale"), &scale);
	for (const xmlNode *t = source_child(node, "theme"); t; t = source_next(t->next, "theme"))
		for (const xmlNode *i = source_child(t, "item"); i;
		     i = source_next(i->next, "item")) {
			check_code(r, i, "rating", "rating", "item", &scale, "assessment's");
			check_code(r, i, "previous", "previous rating", "item", &scale,
				   "assessment's");
			check_see(r, i);
		}
	free_scale(&scale);
}

/* ---- performance ---- */

static const char *const standing_words[] = { "none", "met", "partly", "not-met",
					      "complete", "no-data" };

static void check_performance(struct rules *r, const xmlNode *node)
{
	struct scale_codes scale;
	const xmlNode *scale_node = source_child(node, "scale");
	read_scale(r, scale_node, &scale);
	size_t rated = 0;
	const xmlNode *first_without_data = NULL;
	for (const xmlNode *g = source_child(node, "group"); g; g = source_next(g->next, "group"))
		for (const xmlNode *m = source_child(g, "measure"); m;
		     m = source_next(m->next, "measure")) {
			const char *kind = source_attr(m, "kind");
			int contextual = kind && strstr(kind, "context");
			check_code(r, m, "previous-rating", "previous rating", "measure", &scale,
				   "performance");
			if (contextual) {
				if (source_attr(m, "rating")) {
					char *ref = quoted_ref(m);
					source_warning(r->load, source_attr_pos(r->load, m, "rating"),
						       "measure %s is a context measure and is never "
						       "rated; its rating is ignored", ref);
					free(ref);
				}
				continue;
			}
			check_code(r, m, "rating", "rating", "measure", &scale, "performance");
			rated++;
			if (!first_without_data &&
			    (!source_attr(m, "target") || !source_attr(m, "actual")))
				first_without_data = m;
		}
	const struct source_workbook *w = source_workbook_of(r->load, node);
	const struct sheet_record *row_without_data = NULL;
	for (size_t i = 0; w && w->rows && i < w->rows->record_count; i++) {
		const struct sheet_record *rec = &w->rows->records[i];
		const struct sheet_value *v = rec->values;
		if (v[FIELD_KIND].present) {
			if (v[FIELD_RATING].present) {
				char *ref = source_quote(v[FIELD_REF].present ? v[FIELD_REF].text : "");
				sheet_report(w->rows->sheet, r->load->diags, DIAG_WARNING, rec->row,
					     v[FIELD_RATING].col, "measure %s is a context measure "
					     "and is never rated; its rating is ignored", ref);
				free(ref);
			}
			continue;
		}
		rated++;
		if (!row_without_data && (!v[FIELD_TARGET].present || !v[FIELD_ACTUAL].present))
			row_without_data = rec;
	}
	if (row_without_data && !first_without_data && scale_node && !scale.standings[5]) {
		const struct sheet_value *v = row_without_data->values;
		int no_target = !v[FIELD_TARGET].present;
		char *ref = source_quote(v[FIELD_REF].present ? v[FIELD_REF].text : "");
		uint32_t col = v[no_target ? FIELD_TARGET : FIELD_ACTUAL].col;
		sheet_rule_error(r, w->rows->sheet, row_without_data->row,
				 col ? col : v[FIELD_REF].col,
				 "measure %s has no %s, so it is rated no data, but the "
				 "scale has no rating with standing=\"no-data\"", ref,
				 no_target ? "target" : "actual");
		free(ref);
	}
	/* Computed ratings need a rating for each outcome. */
	static const int needed[] = { 1, 2, 3 };
	for (size_t i = 0; rated && scale_node && i < 3; i++)
		if (!scale.standings[needed[i]])
			rule_error(r, source_node_pos(r->load, scale_node),
				   "the performance scale has no rating with standing=\"%s\", "
				   "which computed ratings need", standing_words[needed[i]]);
	if (first_without_data && scale_node && !scale.standings[5]) {
		char *ref = quoted_ref(first_without_data);
		rule_error(r, source_node_pos(r->load, first_without_data),
			   "measure %s has no %s, so it is rated no data, but the scale has "
			   "no rating with standing=\"no-data\"", ref,
			   source_attr(first_without_data, "target") ? "actual" : "target");
		free(ref);
	}
	free_scale(&scale);
}

/* ---- risk registers ---- */

enum { RISK_MAX_CODE = 10, RISK_MAX_SCORE = RISK_MAX_CODE * RISK_MAX_CODE };

/* The codes of a likelihood or impact scale: present[c] for each code c. */
struct risk_axis {
	int present[RISK_MAX_CODE + 1];
	int highest;
	char *shown;  /* "1, 2, 3, 4, 5" */
	size_t count;
};

/* A whole number attribute within 1 … limit, else 0 (the schema reports
 * what is not). */
static int whole_attr(const xmlNode *node, const char *name, int limit)
{
	const char *text = source_attr(node, name);
	if (!text)
		return 0;
	text += strspn(text, " \t\r\n");
	char *end;
	long value = strtol(text, &end, 10);
	if (end == text || strspn(end, " \t\r\n") != strlen(end) || value < 1 ||
	    value > limit)
		return 0;
	return (int)value;
}

static void read_axis(struct rules *r, const xmlNode *node, const char *what,
		      struct risk_axis *axis)
{
	memset(axis, 0, sizeof *axis);
	axis->shown = mem_strdup("");
	for (const xmlNode *l = source_child(node, "level"); l;
	     l = source_next(l->next, "level")) {
		int code = whole_attr(l, "code", RISK_MAX_CODE);
		if (!code)
			continue;
		if (axis->present[code]) {
			rule_error(r, source_attr_pos(r->load, l, "code"),
				   "%s code %d appears twice in the %s scale", what, code,
				   what);
			continue;
		}
		axis->present[code] = 1;
		axis->count++;
		if (code > axis->highest)
			axis->highest = code;
		char *next = mem_printf("%s%s%d", axis->shown, *axis->shown ? ", " : "",
					code);
		free(axis->shown);
		axis->shown = next;
	}
}

/* A score's likelihood and impact are codes of their scales. */
static void check_point(struct rules *r, const xmlNode *risk, const char *point,
			const struct risk_axis *likelihood,
			const struct risk_axis *impact)
{
	const xmlNode *node = source_child(risk, point);
	if (!node)
		return;
	static const char *const names[2] = { "likelihood", "impact" };
	const struct risk_axis *axes[2] = { likelihood, impact };
	for (int a = 0; a < 2; a++) {
		int code = whole_attr(node, names[a], RISK_MAX_CODE);
		if (!code || axes[a]->present[code])
			continue;
		char *ref = quoted_ref(risk);
		rule_error(r, source_attr_pos(r->load, node, names[a]),
			   "%s %s %d of risk %s is not in the %s scale (%s)", point,
			   names[a], code, ref, names[a], axes[a]->shown);
		free(ref);
	}
}

/* "12" or "13 to 14". Caller frees. */
static char *score_range(int from, int to)
{
	return from == to ? mem_printf("score %d", from)
			  : mem_printf("scores %d to %d", from, to);
}

/* A likelihood and impact of the scales making score, or 0. */
static int made_by(const struct risk_axis *likelihood, const struct risk_axis *impact,
		   int score, int *l_out)
{
	for (int l = 1; l <= RISK_MAX_CODE; l++)
		if (likelihood->present[l] && score % l == 0 && score / l <= RISK_MAX_CODE &&
		    impact->present[score / l]) {
			*l_out = l;
			return score / l;
		}
	return 0;
}

/* Each band's rating is in the scale, from ≤ to, no two bands share a
 * score, and every score the scales can make is in a band. Scores no
 * likelihood and impact can make (13 on a 5 × 5 grid) may fall between
 * bands. */
static void check_bands(struct rules *r, const xmlNode *bands,
			const struct scale_codes *scale,
			const struct risk_axis *likelihood,
			const struct risk_axis *impact)
{
	const xmlNode *holder[RISK_MAX_SCORE + 1] = { NULL };
	for (const xmlNode *b = source_child(bands, "band"); b;
	     b = source_next(b->next, "band")) {
		int from = whole_attr(b, "from", RISK_MAX_SCORE);
		int to = whole_attr(b, "to", RISK_MAX_SCORE);
		const char *code = source_attr(b, "rating");
		if (code && *code && !strpbrk(code, " \t\r\n") && strlen(code) <= 16 &&
		    !in_scale(scale, code)) {
			char *quoted = source_quote(code);
			rule_error(r, source_attr_pos(r->load, b, "rating"),
				   "rating \"%s\" of band %d to %d is not in the risk "
				   "register's scale (%s)", quoted, from, to, scale->shown);
			free(quoted);
		}
		if (!from || !to)
			continue;
		if (from > to) {
			rule_error(r, source_attr_pos(r->load, b, "to"),
				   "band from %d to %d holds no score: from must not be "
				   "above to", from, to);
			continue;
		}
		int first_shared = 0, last_shared = 0;
		const xmlNode *other = NULL;
		for (int s = from; s <= to; s++) {
			if (holder[s] && !other)
				other = holder[s];
			if (holder[s] && holder[s] == other) {
				if (!first_shared)
					first_shared = s;
				last_shared = s;
			}
			if (!holder[s])
				holder[s] = b;
		}
		if (other) {
			char *range = score_range(first_shared, last_shared);
			struct source_pos at = source_node_pos(r->load, other);
			rule_error(r, source_node_pos(r->load, b),
				   "band %d to %d overlaps the band at line %u:%u on %s: "
				   "a score has one rating", from, to, at.line, at.col,
				   range);
			free(range);
		}
	}
	int highest = likelihood->highest * impact->highest;
	for (int s = 1; s <= highest; s++) {
		if (holder[s])
			continue;
		int end = s;
		while (end < highest && !holder[end + 1])
			end++;
		/* the first score of the run the scales can make, if any */
		int l = 0, i = 0, made = 0;
		for (int t = s; t <= end && !made; t++)
			if ((i = made_by(likelihood, impact, t, &l)) != 0)
				made = t;
		if (made) {
			char *range = score_range(s, end);
			rule_error(r, source_node_pos(r->load, bands),
				   "no band holds %s, which likelihood \u00d7 impact can "
				   "make (%d \u00d7 %d = %d)", range, l, i, made);
			free(range);
		}
		s = end;
	}
}

/* One row per likelihood of the scale, each a rating of the scale for
 * every impact. */
static void check_matrix(struct rules *r, const xmlNode *matrix,
			 const struct scale_codes *scale,
			 const struct risk_axis *likelihood,
			 const struct risk_axis *impact)
{
	const xmlNode *rows[RISK_MAX_CODE + 1] = { NULL };
	for (const xmlNode *row = source_child(matrix, "row"); row;
	     row = source_next(row->next, "row")) {
		int code = whole_attr(row, "likelihood", RISK_MAX_CODE);
		if (!code)
			continue;
		struct source_pos pos = source_attr_pos(r->load, row, "likelihood");
		if (!likelihood->present[code]) {
			rule_error(r, pos, "matrix row of likelihood %d: the likelihood "
				   "scale has no such code (%s)", code, likelihood->shown);
			continue;
		}
		if (rows[code]) {
			struct source_pos at = source_node_pos(r->load, rows[code]);
			rule_error(r, pos, "likelihood %d has a matrix row already, at "
				   "line %u:%u", code, at.line, at.col);
			continue;
		}
		rows[code] = row;
		xmlChar *content = xmlNodeGetContent(row);
		const char *text = content ? (const char *)content : "";
		static const char spaces[] = " \t\r\n";
		size_t count = 0;
		for (const char *p = text + strspn(text, spaces); *p;
		     p += strspn(p, spaces)) {
			size_t n = strcspn(p, spaces);
			char *word = mem_strndup(p, n);
			count++;
			if (n <= 16 && !in_scale(scale, word)) {
				char *quoted = source_quote(word);
				rule_error(r, source_text_pos(r->load, row),
					   "rating \"%s\" in the matrix row of likelihood %d "
					   "is not in the risk register's scale (%s)", quoted,
					   code, scale->shown);
				free(quoted);
			}
			free(word);
			p += n;
		}
		xmlFree(content);
		if (count && count != impact->count)
			rule_error(r, source_text_pos(r->load, row),
				   "the matrix row of likelihood %d has %zu ratings but the "
				   "impact scale has %zu levels: one rating per impact",
				   code, count, impact->count);
	}
	for (int code = 1; code <= RISK_MAX_CODE; code++)
		if (likelihood->present[code] && !rows[code])
			rule_error(r, source_node_pos(r->load, matrix),
				   "the matrix has no row for likelihood %d", code);
}

static void check_risks(struct rules *r, const xmlNode *node)
{
	struct scale_codes scale;
	read_scale(r, source_child(node, "scale"), &scale);
	struct risk_axis likelihood, impact;
	read_axis(r, source_child(node, "likelihood"), "likelihood", &likelihood);
	read_axis(r, source_child(node, "impact"), "impact", &impact);
	const xmlNode *bands = source_child(node, "bands");
	const xmlNode *matrix = source_child(node, "matrix");
	if (bands && likelihood.count && impact.count)
		check_bands(r, bands, &scale, &likelihood, &impact);
	if (matrix && likelihood.count && impact.count)
		check_matrix(r, matrix, &scale, &likelihood, &impact);
	static const char *const points[] = { "inherent", "current", "target",
					      "previous" };
	for (const xmlNode *risk = source_child(node, "risk"); risk;
	     risk = source_next(risk->next, "risk")) {
		check_code(r, risk, "rating", "rating", "risk", &scale,
			   "risk register's");
		for (size_t p = 0; p < sizeof points / sizeof *points; p++)
			check_point(r, risk, points[p], &likelihood, &impact);
	}
	free(likelihood.shown);
	free(impact.shown);
	free(scale.shown);
}

/* ---- everything else ---- */

static void check_ref(struct rules *r, const xmlNode *node)
{
	const char *to = source_attr(node, "to");
	if (!to || xmlValidateNCName(BAD_CAST to, 0) != 0 || xmlHashLookup(r->ids, BAD_CAST to) ||
	    xmlHashLookup(r->sheet_refs, BAD_CAST to))
		return;
	char *shown = source_quote(to);
	rule_error(r, source_attr_pos(r->load, node, "to"),
		   "<ref to=\"%s\"> points to nothing: no id or ref in this paper is "
		   "\"%s\"", shown, shown);
	free(shown);
}

static int days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month == 2 && leap ? 29 : days[month - 1];
}

/* YYYYMMDD of a real date, else 0. */
static long day_number(int year, int month, int day)
{
	if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
		return 0;
	return (long)year * 10000 + month * 100 + day;
}

static long meeting_day(const xmlNode *root, char iso[11])
{
	const xmlNode *cover = source_child(root, "cover");
	const xmlNode *date = cover ? source_child(cover, "meeting-date") : NULL;
	xmlChar *text = date ? xmlNodeGetContent(date) : NULL;
	int year, month, day;
	long result = 0;
	if (text && dates_parse_iso((const char *)text, &year, &month, &day))
		result = day_number(year, month, day);
	if (result)
		snprintf(iso, 11, "%s", (const char *)text);
	xmlFree(text);
	return result;
}

/* The date part of a sign-off code (LD/06022024/A: initials, DDMMYYYY,
 * version) as YYYYMMDD; 0 when it is not eight digits of a real date. */
static long sign_off_day(const char *code, char iso[11])
{
	const char *start = code ? strchr(code, '/') : NULL;
	const char *end = start ? strchr(start + 1, '/') : NULL;
	if (!end || end - start - 1 != 8)
		return 0;
	for (const char *p = start + 1; p < end; p++)
		if (*p < '0' || *p > '9')
			return 0;
	const char *d = start + 1;
	snprintf(iso, 11, "%.4s-%.2s-%.2s", d + 4, d + 2, d);
	return day_number(atoi(d + 4), (d[2] - '0') * 10 + d[3] - '0',
			  (d[0] - '0') * 10 + d[1] - '0');
}

static void check_sign_off_date(struct rules *r, const xmlNode *sign_off)
{
	xmlChar *code = xmlNodeGetContent(sign_off);
	char *trimmed = code ? source_quote((const char *)code) : NULL;
	char iso[11];
	long signed_day = sign_off_day(trimmed, iso);
	if (signed_day && r->meeting_day && signed_day > r->meeting_day) {
		char *when = dates_long_text(iso, NULL);
		char *meeting = dates_long_text(r->meeting_iso, NULL);
		source_warning(r->load, source_node_pos(r->load, sign_off),
			       "sign-off \"%s\" is dated %s, after the meeting on "
			       "%s: check its date part (DDMMYYYY)", trimmed, when,
			       meeting);
		free(meeting);
		free(when);
	}
	free(trimmed);
	xmlFree(code);
}

static void check_sign_off(struct rules *r, const xmlNode *section)
{
	const xmlNode *sign_off = source_child(section, "sign-off");
	const char *implication = source_attr(section, "implication");
	if (sign_off && !implication)
		source_warning(r->load, source_node_pos(r->load, sign_off),
			       "<sign-off> in a section that is not an implication "
			       "(add implication=\"financial|legal|equalities|other\")");
	/* Councils clear these three with a named officer's code. */
	if (!sign_off && implication &&
	    (strcmp(implication, "financial") == 0 ||
	     strcmp(implication, "legal") == 0 ||
	     strcmp(implication, "equalities") == 0))
		source_warning(r->load, source_node_pos(r->load, section),
			       "the %s implications have no <sign-off>: add the "
			       "code of the officer who cleared them, such as "
			       "<sign-off>LD/06022024/A</sign-off>", implication);
	for (; sign_off; sign_off = source_next(sign_off->next, "sign-off"))
		check_sign_off_date(r, sign_off);
}

static void walk(struct rules *r, const xmlNode *node)
{
	for (; node; node = node->next) {
		if (!is_ours(node))
			continue;
		if (source_is(node, "ref"))
			check_ref(r, node);
		else if (source_is(node, "assessment"))
			check_assessment(r, node);
		else if (source_is(node, "performance"))
			check_performance(r, node);
		else if (source_is(node, "risks"))
			check_risks(r, node);
		else if (source_is(node, "section"))
			check_sign_off(r, node);
		else if (source_is(node, "table"))
			r->errors += source_rules_table(r->load, node);
		else if (source_is(node, "figure"))
			r->errors += source_rules_figure(r->load, node);
		walk(r, node->children);
	}
}

size_t source_rules_check(struct source_load *load)
{
	struct rules r = { .load = load, .ids = xmlHashCreate(256),
			   .sheet_refs = xmlHashCreate(256) };
	const xmlNode *root = xmlDocGetRootElement(load->doc);
	r.meeting_day = root ? meeting_day(root, r.meeting_iso) : 0;
	index_ids(&r, root);
	index_sheet_refs(&r);
	check_exact_all(&r, root);
	walk(&r, root);
	xmlHashFree(r.ids, NULL);
	xmlHashFree(r.sheet_refs, NULL);
	free(r.sheet_ref_store);
	return r.errors;
}
