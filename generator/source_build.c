/* The model from a valid document: every string and array in one arena owned
 * by the source_doc, so source_free releases the document in one call. The
 * schema has checked the structure, so absent optional parts are the only
 * surprises handled here. */
#include "source_internal.h"

#include <string.h>

#include "rating.h"
#include "rating_risks.h"
#include "sheet_rows.h"
#include "words.h"

struct builder {
	struct source_load *load;
	struct arena *arena;
};

static void *alloc_array(struct builder *b, size_t count, size_t size)
{
	if (!count)
		return NULL;
	if (count > SIZE_MAX / size)
		return mem_array(count, size); /* ends the process with the OOM message */
	return arena_alloc(b->arena, count * size);
}

static const char *plain(struct builder *b, const xmlNode *node)
{
	return node ? source_plain_text(b->arena, node) : NULL;
}

static void inline_text(struct builder *b, const xmlNode *node, struct source_text *out)
{
	source_inline_text(b->arena, node, out);
	out->pos = node ? source_node_pos(b->load, node) : (struct source_pos){ 0, 0 };
}

/* An attribute's value with white space collapsed, or NULL when absent. */
static const char *attr(struct builder *b, const xmlNode *node, const char *name)
{
	const char *raw = source_attr(node, name);
	if (!raw)
		return NULL;
	char *out = arena_alloc(b->arena, strlen(raw) + 1);
	size_t n = 0;
	for (const char *p = raw; *p; p++) {
		int space = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
		if (space) {
			if (n && out[n - 1] != ' ')
				out[n++] = ' ';
		} else {
			out[n++] = *p;
		}
	}
	if (n && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
	return out;
}

static int attr_is(const xmlNode *node, const char *name, const char *value)
{
	const char *raw = source_attr(node, name);
	if (!raw)
		return 0;
	while (*raw == ' ' || *raw == '\t' || *raw == '\n' || *raw == '\r')
		raw++;
	size_t len = strlen(value);
	return strncmp(raw, value, len) == 0 &&
	       strspn(raw + len, " \t\r\n") == strlen(raw + len);
}

/* xs:decimal without strtod, whose decimal point follows the locale. */
static struct source_value decimal(const char *s)
{
	struct source_value v = { 0, 0 };
	if (!s)
		return v;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	int negative = *s == '-';
	if (*s == '-' || *s == '+')
		s++;
	double mantissa = 0, scale = 1;
	int digits = 0, fraction = 0;
	for (; (*s >= '0' && *s <= '9') || (*s == '.' && !fraction); s++) {
		if (*s == '.') {
			fraction = 1;
			continue;
		}
		mantissa = mantissa * 10 + (*s - '0');
		if (fraction)
			scale *= 10;
		digits++;
	}
	if (!digits)
		return v;
	v.present = 1;
	v.value = (negative ? -mantissa : mantissa) / scale;
	return v;
}

static struct source_pos pos_of(struct builder *b, const xmlNode *node)
{
	return source_node_pos(b->load, node);
}

/* ---- cover ---- */

static struct source_person person(struct builder *b, const xmlNode *node)
{
	return (struct source_person){
		.name = plain(b, source_child(node, "name")),
		.role = plain(b, source_child(node, "role")),
		.telephone = plain(b, source_child(node, "telephone")),
		.email = plain(b, source_child(node, "email")),
	};
}

static enum tristate yes_no(const xmlNode *node)
{
	if (!node)
		return TRI_UNSET;
	xmlChar *content = xmlNodeGetContent(node);
	enum tristate t = content && strstr((const char *)content, "yes") ? TRI_YES : TRI_NO;
	xmlFree(content);
	return t;
}

static void build_cover(struct builder *b, const xmlNode *node, struct source_cover *c)
{
	c->authority = plain(b, source_child(node, "authority"));
	c->committee = plain(b, source_child(node, "committee"));
	c->meeting_date = plain(b, source_child(node, "meeting-date"));
	const xmlNode *marking = source_child(node, "marking");
	c->marking = plain(b, marking);
	c->exempt_paragraph = attr(b, marking, "exempt-paragraph");
	c->agenda_item = plain(b, source_child(node, "agenda-item"));
	c->title = plain(b, source_child(node, "title"));
	c->decision_designation = plain(b, source_child(node, "decision-designation"));
	c->key_decision = yes_no(source_child(node, "key-decision"));
	c->forward_plan = yes_no(source_child(node, "forward-plan"));
	c->wards = plain(b, source_child(node, "wards"));
	c->cabinet_member = person(b, source_child(node, "cabinet-member"));
	c->director = person(b, source_child(node, "director"));
	c->service = plain(b, source_child(node, "service"));
	c->employee = person(b, source_child(node, "employee"));
	const xmlNode *considered = source_child(node, "considered-by");
	c->considered_count = source_count(considered, "body");
	c->considered_by = alloc_array(b, c->considered_count, sizeof *c->considered_by);
	size_t i = 0;
	for (const xmlNode *body = source_child(considered, "body"); body;
	     body = source_next(body->next, "body"), i++) {
		c->considered_by[i].body = plain(b, body);
		c->considered_by[i].date = attr(b, body, "date");
	}
}

static void build_recommendations(struct builder *b, const xmlNode *node,
				  struct source_recommendations *r)
{
	r->for_noting = attr_is(node, "kind", "noting");
	r->pos = pos_of(b, node);
	inline_text(b, source_child(node, "intro"), &r->intro);
	r->item_count = source_count(node, "recommendation");
	r->items = alloc_array(b, r->item_count, sizeof *r->items);
	size_t i = 0;
	for (const xmlNode *c = source_child(node, "recommendation"); c;
	     c = source_next(c->next, "recommendation"))
		inline_text(b, c, &r->items[i++]);
}

/* ---- ratings ---- */

static enum rating_standing standing(const xmlNode *node)
{
	static const struct {
		const char *word;
		enum rating_standing standing;
	} words[] = {
		{ "met", STANDING_MET },         { "partly", STANDING_PARTLY },
		{ "not-met", STANDING_NOT_MET }, { "complete", STANDING_COMPLETE },
		{ "no-data", STANDING_NO_DATA }, { "none", STANDING_NONE },
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (attr_is(node, "standing", words[i].word))
			return words[i].standing;
	return STANDING_NONE;
}

static void build_scale(struct builder *b, const xmlNode *node, struct source_scale *s)
{
	s->rating_count = source_count(node, "rating");
	s->ratings = alloc_array(b, s->rating_count, sizeof *s->ratings);
	size_t i = 0;
	for (const xmlNode *r = source_child(node, "rating"); r;
	     r = source_next(r->next, "rating"), i++) {
		s->ratings[i] = (struct source_rating){
			.code = attr(b, r, "code"),
			.label = attr(b, r, "label"),
			.meaning = plain(b, r),
			.standing = standing(r),
			.pos = pos_of(b, r),
		};
	}
}

static void build_item(struct builder *b, const xmlNode *node,
		       const struct source_scale *scale, struct source_item *item)
{
	item->ref = attr(b, node, "ref");
	item->pos = pos_of(b, node);
	inline_text(b, source_child(node, "characteristic"), &item->characteristic);
	item->rating = attr(b, node, "rating");
	item->previous = attr(b, node, "previous");
	item->rating_index = source_scale_find(scale, item->rating);
	item->previous_index = source_scale_find(scale, item->previous);
	inline_text(b, source_child(node, "evidence"), &item->evidence);
	inline_text(b, source_child(node, "actions"), &item->actions);
	item->owner = plain(b, source_child(node, "owner"));
	item->due = plain(b, source_child(node, "due"));
	item->see = attr(b, node, "see");
}

/* ---- rows from a workbook ---- */

static const char *value_text(struct builder *b, const struct sheet_value *v)
{
	return v->present ? arena_strndup(b->arena, v->text, strlen(v->text)) : NULL;
}

/* Text as <characteristic> and its kin give it: "" when absent. */
static void value_inline(struct builder *b, const struct sheet_value *v,
			 struct source_pos pos, struct source_text *out)
{
	source_inline_text(b->arena, NULL, out);
	if (v->present)
		out->text = value_text(b, v);
	out->pos = pos;
}

static struct source_value value_number(const struct sheet_value *v)
{
	return (struct source_value){ v->present, v->present ? v->number : 0 };
}

static void build_item_row(struct builder *b, const struct sheet_record *r,
			   const struct source_scale *scale, struct source_pos pos,
			   struct source_item *item)
{
	const struct sheet_value *v = r->values;
	item->ref = value_text(b, &v[FIELD_REF]);
	item->pos = pos;
	value_inline(b, &v[FIELD_CHARACTERISTIC], pos, &item->characteristic);
	item->rating = value_text(b, &v[FIELD_RATING]);
	item->previous = value_text(b, &v[FIELD_PREVIOUS]);
	item->rating_index = source_scale_find(scale, item->rating);
	item->previous_index = source_scale_find(scale, item->previous);
	value_inline(b, &v[FIELD_EVIDENCE], pos, &item->evidence);
	value_inline(b, &v[FIELD_ACTIONS], pos, &item->actions);
	item->owner = value_text(b, &v[FIELD_OWNER]);
	item->due = value_text(b, &v[FIELD_DUE]);
	item->see = value_text(b, &v[FIELD_SEE]);
}

static void build_theme_rows(struct builder *b, const struct source_workbook *w,
			     struct source_assessment *a)
{
	const struct sheet_rows *rows = w->rows;
	a->theme_count = rows->group_count;
	a->themes = alloc_array(b, a->theme_count, sizeof *a->themes);
	for (size_t t = 0; t < rows->group_count; t++) {
		const struct sheet_group *g = &rows->groups[t];
		struct source_theme *theme = &a->themes[t];
		theme->ref = g->ref ? arena_strndup(b->arena, g->ref, strlen(g->ref)) : NULL;
		theme->name = arena_strndup(b->arena, g->name, strlen(g->name));
		theme->pos = a->pos;
		inline_text(b, NULL, &theme->description);
		if (g->description)
			theme->description.text = arena_strndup(b->arena, g->description,
								 strlen(g->description));
		theme->item_count = g->count;
		theme->items = alloc_array(b, g->count, sizeof *theme->items);
		for (size_t i = 0; i < g->count; i++)
			build_item_row(b, &rows->records[g->first + i], &a->scale, a->pos,
				       &theme->items[i]);
	}
}

static void build_measure_row(struct builder *b, const struct sheet_record *r,
			      const struct source_scale *scale, struct source_pos pos,
			      struct source_measure *m)
{
	const struct sheet_value *v = r->values;
	m->ref = value_text(b, &v[FIELD_REF]);
	m->pos = pos;
	value_inline(b, &v[FIELD_NAME], pos, &m->name);
	m->unit = value_text(b, &v[FIELD_UNIT]);
	m->polarity = v[FIELD_POLARITY].present && strcmp(v[FIELD_POLARITY].text, "lower") == 0
			      ? POLARITY_LOWER_IS_BETTER : POLARITY_HIGHER_IS_BETTER;
	m->contextual = v[FIELD_KIND].present;
	m->target = value_number(&v[FIELD_TARGET]);
	m->tolerance = value_number(&v[FIELD_TOLERANCE]);
	m->actual = value_number(&v[FIELD_ACTUAL]);
	m->previous = value_number(&v[FIELD_PREVIOUS]);
	m->stated_rating = value_text(b, &v[FIELD_RATING]);
	m->previous_rating = value_text(b, &v[FIELD_PREVIOUS_RATING]);
	m->rating_index = m->contextual ? -1 : source_scale_find(scale, m->stated_rating);
	m->previous_index = source_scale_find(scale, m->previous_rating);
	m->travel = TRAVEL_UNKNOWN;
	value_inline(b, &v[FIELD_COMMENTARY], pos, &m->commentary);
	m->owner = value_text(b, &v[FIELD_OWNER]);
	m->history_count = r->history_count;
	m->history = alloc_array(b, m->history_count, sizeof *m->history);
	for (size_t i = 0; i < r->history_count; i++)
		m->history[i] = (struct source_history_point){
			arena_strndup(b->arena, r->history[i].period,
				      strlen(r->history[i].period)),
			r->history[i].value };
}

/* Ratings are computed as for XML measures, each measure numbered by its
 * record while they are, so that what the computation says about a
 * measure (a stated rating that disagrees) is reported at its cells. */
static void rate_rows(struct builder *b, const struct source_workbook *w,
		      struct source_performance *p)
{
	const struct sheet_rows *rows = w->rows;
	size_t n = 0;
	for (size_t g = 0; g < p->group_count; g++)
		for (size_t i = 0; i < p->groups[g].measure_count; i++, n++)
			p->groups[g].measures[i].pos = (struct source_pos){ (uint32_t)n + 1, 0 };
	struct diag_list said = { 0 };
	rating_compute_performance(p, b->load->name, &said);
	for (size_t i = 0; i < said.count; i++) {
		const struct diag *d = &said.items[i];
		if (d->where || d->col != 0 || d->line == 0 || d->line > rows->record_count) {
			diag_copy(b->load->diags, d);
			continue;
		}
		const struct sheet_record *r = &rows->records[d->line - 1];
		uint32_t col = r->values[FIELD_RATING].present ? r->values[FIELD_RATING].col
							       : r->values[FIELD_REF].col;
		sheet_report(rows->sheet, b->load->diags, d->level, r->row, col, "%s",
			     d->message);
	}
	diag_list_free(&said);
	for (size_t g = 0; g < p->group_count; g++)
		for (size_t i = 0; i < p->groups[g].measure_count; i++)
			p->groups[g].measures[i].pos = p->pos;
}

static void build_group_rows(struct builder *b, const struct source_workbook *w,
			     struct source_performance *p)
{
	const struct sheet_rows *rows = w->rows;
	p->group_count = rows->group_count;
	p->groups = alloc_array(b, p->group_count, sizeof *p->groups);
	for (size_t g = 0; g < rows->group_count; g++) {
		const struct sheet_group *sg = &rows->groups[g];
		struct source_measure_group *group = &p->groups[g];
		group->name = arena_strndup(b->arena, sg->name, strlen(sg->name));
		group->pos = p->pos;
		group->measure_count = sg->count;
		group->measures = alloc_array(b, sg->count, sizeof *group->measures);
		for (size_t i = 0; i < sg->count; i++)
			build_measure_row(b, &rows->records[sg->first + i], &p->scale, p->pos,
					  &group->measures[i]);
	}
	rate_rows(b, w, p);
}

static void build_assessment(struct builder *b, const xmlNode *node,
			     struct source_assessment *a)
{
	a->id = attr(b, node, "id");
	a->pos = pos_of(b, node);
	a->previous_date = attr(b, node, "previous-date");
	a->noun = attr(b, node, "noun");
	a->heat_map = attr_is(node, "heat-map", "yes");
	inline_text(b, source_child(node, "intro"), &a->intro);
	build_scale(b, source_child(node, "scale"), &a->scale);
	const struct source_workbook *w = source_workbook_of(b->load, node);
	if (w && w->rows) {
		build_theme_rows(b, w, a);
		return;
	}
	a->theme_count = source_count(node, "theme");
	a->themes = alloc_array(b, a->theme_count, sizeof *a->themes);
	size_t t = 0;
	for (const xmlNode *tn = source_child(node, "theme"); tn;
	     tn = source_next(tn->next, "theme"), t++) {
		struct source_theme *theme = &a->themes[t];
		theme->ref = attr(b, tn, "ref");
		theme->name = attr(b, tn, "name");
		theme->pos = pos_of(b, tn);
		inline_text(b, source_child(tn, "description"), &theme->description);
		theme->item_count = source_count(tn, "item");
		theme->items = alloc_array(b, theme->item_count, sizeof *theme->items);
		size_t i = 0;
		for (const xmlNode *in = source_child(tn, "item"); in;
		     in = source_next(in->next, "item"))
			build_item(b, in, &a->scale, &theme->items[i++]);
	}
}

static void build_history(struct builder *b, const xmlNode *node,
			  struct source_measure *m)
{
	m->history_count = source_count(node, "value");
	m->history = alloc_array(b, m->history_count, sizeof *m->history);
	size_t i = 0;
	for (const xmlNode *v = source_child(node, "value"); v;
	     v = source_next(v->next, "value"), i++) {
		xmlChar *content = xmlNodeGetContent(v);
		m->history[i].period = attr(b, v, "period");
		m->history[i].value = decimal((const char *)content).value;
		xmlFree(content);
	}
}

static void build_measure(struct builder *b, const xmlNode *node,
			  const struct source_scale *scale, struct source_measure *m)
{
	m->ref = attr(b, node, "ref");
	m->pos = pos_of(b, node);
	inline_text(b, source_child(node, "name"), &m->name);
	m->unit = attr(b, node, "unit");
	m->polarity = attr_is(node, "polarity", "lower") ? POLARITY_LOWER_IS_BETTER :
							    POLARITY_HIGHER_IS_BETTER;
	m->contextual = attr_is(node, "kind", "context");
	m->target = decimal(source_attr(node, "target"));
	m->tolerance = decimal(source_attr(node, "tolerance"));
	m->actual = decimal(source_attr(node, "actual"));
	m->previous = decimal(source_attr(node, "previous"));
	m->stated_rating = attr(b, node, "rating");
	m->previous_rating = attr(b, node, "previous-rating");
	/* Until rating_compute_performance fills them: what the source says. */
	m->rating_index = m->contextual ? -1 : source_scale_find(scale, m->stated_rating);
	m->previous_index = source_scale_find(scale, m->previous_rating);
	m->travel = TRAVEL_UNKNOWN;
	build_history(b, source_child(node, "history"), m);
	inline_text(b, source_child(node, "commentary"), &m->commentary);
	m->owner = plain(b, source_child(node, "owner"));
}

static void build_performance(struct builder *b, const xmlNode *node,
			      struct source_performance *p)
{
	p->id = attr(b, node, "id");
	p->pos = pos_of(b, node);
	p->period = attr(b, node, "period");
	p->noun = attr(b, node, "noun");
	p->previous_period = attr(b, node, "previous-period");
	p->previous_source = attr(b, node, "previous-source");
	p->previous_source_pos = source_attr_pos(b->load, node, "previous-source");
	p->default_tolerance = decimal(source_attr(node, "tolerance"));
	inline_text(b, source_child(node, "intro"), &p->intro);
	build_scale(b, source_child(node, "scale"), &p->scale);
	const struct source_workbook *w = source_workbook_of(b->load, node);
	if (w && w->rows) {
		build_group_rows(b, w, p);
		return;
	}
	p->group_count = source_count(node, "group");
	p->groups = alloc_array(b, p->group_count, sizeof *p->groups);
	size_t g = 0;
	for (const xmlNode *gn = source_child(node, "group"); gn;
	     gn = source_next(gn->next, "group"), g++) {
		struct source_measure_group *group = &p->groups[g];
		group->name = attr(b, gn, "name");
		group->pos = pos_of(b, gn);
		group->measure_count = source_count(gn, "measure");
		group->measures = alloc_array(b, group->measure_count, sizeof *group->measures);
		size_t i = 0;
		for (const xmlNode *mn = source_child(gn, "measure"); mn;
		     mn = source_next(mn->next, "measure"))
			build_measure(b, mn, &p->scale, &group->measures[i++]);
	}
	rating_compute_performance(p, b->load->name, b->load->diags);
}

/* ---- risk registers ---- */

/* A whole number attribute the schema has bounded (1 … 100); 0 when absent. */
static int small_number(const xmlNode *node, const char *name)
{
	struct source_value v = decimal(source_attr(node, name));
	return v.present && v.value >= 0 && v.value <= 1000 ? (int)v.value : 0;
}

static void build_axis(struct builder *b, const xmlNode *node,
		       struct source_risk_axis *axis)
{
	axis->level_count = source_count(node, "level");
	axis->levels = alloc_array(b, axis->level_count, sizeof *axis->levels);
	size_t i = 0;
	for (const xmlNode *l = source_child(node, "level"); l;
	     l = source_next(l->next, "level"), i++)
		axis->levels[i] = (struct source_risk_level){
			.code = small_number(l, "code"),
			.label = attr(b, l, "label"),
			.meaning = plain(b, l),
			.pos = pos_of(b, l),
		};
}

static void build_bands(struct builder *b, const xmlNode *node,
			struct source_risks *r)
{
	r->band_count = source_count(node, "band");
	r->bands = alloc_array(b, r->band_count, sizeof *r->bands);
	size_t i = 0;
	for (const xmlNode *band = source_child(node, "band"); band;
	     band = source_next(band->next, "band"), i++) {
		const char *code = attr(b, band, "rating");
		r->bands[i] = (struct source_risk_band){
			.from = small_number(band, "from"),
			.to = small_number(band, "to"),
			.rating = code,
			.rating_index = source_scale_find(&r->scale, code),
			.pos = pos_of(b, band),
		};
	}
}

/* The spelled-out matrix: the rules have checked one row per likelihood of
 * one code per impact; cells they could not fill stay -1. */
static void build_matrix(struct builder *b, const xmlNode *node,
			 struct source_risks *r)
{
	size_t rows = r->likelihood.level_count, columns = r->impact.level_count;
	r->matrix = alloc_array(b, rows * columns, sizeof *r->matrix);
	for (size_t i = 0; i < rows * columns; i++)
		r->matrix[i] = -1;
	for (const xmlNode *row = source_child(node, "row"); row;
	     row = source_next(row->next, "row")) {
		int li = rating_risk_level(&r->likelihood, small_number(row, "likelihood"));
		const char *codes = plain(b, row);
		if (li < 0 || !codes)
			continue;
		size_t column = 0;
		for (const char *p = codes; *p && column < columns;) {
			size_t n = strcspn(p, " ");
			char *code = arena_strndup(b->arena, p, n);
			r->matrix[(size_t)li * columns + column++] =
				source_scale_find(&r->scale, code);
			p += n;
			p += strspn(p, " ");
		}
	}
}

static struct source_risk_score risk_score(struct builder *b, const xmlNode *node)
{
	if (!node)
		return (struct source_risk_score){ .rating_index = -1 };
	return (struct source_risk_score){
		.present = 1,
		.likelihood = small_number(node, "likelihood"),
		.impact = small_number(node, "impact"),
		.rating_index = -1,
		.pos = pos_of(b, node),
	};
}

static enum risk_direction stated_direction(const xmlNode *node)
{
	if (attr_is(node, "direction", "reduced"))
		return RISK_DIRECTION_REDUCED;
	if (attr_is(node, "direction", "increased"))
		return RISK_DIRECTION_INCREASED;
	if (attr_is(node, "direction", "unchanged"))
		return RISK_DIRECTION_UNCHANGED;
	if (attr_is(node, "direction", "new"))
		return RISK_DIRECTION_NEW;
	return RISK_DIRECTION_UNKNOWN;
}

static void build_risk(struct builder *b, const xmlNode *node, struct source_risk *risk)
{
	risk->ref = attr(b, node, "ref");
	risk->pos = pos_of(b, node);
	inline_text(b, source_child(node, "title"), &risk->title);
	inline_text(b, source_child(node, "description"), &risk->description);
	inline_text(b, source_child(node, "cause"), &risk->cause);
	inline_text(b, source_child(node, "consequence"), &risk->consequence);
	risk->owner = plain(b, source_child(node, "owner"));
	risk->inherent = risk_score(b, source_child(node, "inherent"));
	risk->current = risk_score(b, source_child(node, "current"));
	risk->target = risk_score(b, source_child(node, "target"));
	risk->previous = risk_score(b, source_child(node, "previous"));
	inline_text(b, source_child(node, "controls"), &risk->controls);
	risk->action_count = source_count(node, "action");
	risk->actions = alloc_array(b, risk->action_count, sizeof *risk->actions);
	size_t i = 0;
	for (const xmlNode *a = source_child(node, "action"); a;
	     a = source_next(a->next, "action"), i++) {
		struct source_risk_action *action = &risk->actions[i];
		inline_text(b, a, &action->text);
		action->owner = attr(b, a, "owner");
		action->due = attr(b, a, "due");
		action->pos = pos_of(b, a);
	}
	risk->stated_rating = attr(b, node, "rating");
	risk->stated_rating_pos = source_attr_pos(b->load, node, "rating");
	risk->stated_direction = stated_direction(node);
	risk->stated_direction_pos = source_attr_pos(b->load, node, "direction");
	risk->direction = RISK_DIRECTION_UNKNOWN;
	risk->reviewed = plain(b, source_child(node, "reviewed"));
}

static void build_risks(struct builder *b, const xmlNode *node, struct source_risks *r)
{
	r->id = attr(b, node, "id");
	r->pos = pos_of(b, node);
	r->previous_date = attr(b, node, "previous-date");
	r->previous_source = attr(b, node, "previous-source");
	r->previous_source_pos = source_attr_pos(b->load, node, "previous-source");
	r->heat_map_arrows = attr_is(node, "arrows", "yes");
	inline_text(b, source_child(node, "intro"), &r->intro);
	build_scale(b, source_child(node, "scale"), &r->scale);
	build_axis(b, source_child(node, "likelihood"), &r->likelihood);
	build_axis(b, source_child(node, "impact"), &r->impact);
	if (source_child(node, "matrix"))
		build_matrix(b, source_child(node, "matrix"), r);
	else
		build_bands(b, source_child(node, "bands"), r);
	r->risk_count = source_count(node, "risk");
	r->risks = alloc_array(b, r->risk_count, sizeof *r->risks);
	size_t i = 0;
	for (const xmlNode *rn = source_child(node, "risk"); rn;
	     rn = source_next(rn->next, "risk"))
		build_risk(b, rn, &r->risks[i++]);
	rating_compute_risks(r, b->load->name, b->load->diags);
}

/* ---- blocks ---- */

static size_t count_blocks(const xmlNode *parent)
{
	size_t n = 0;
	for (const xmlNode *c = parent->children; c; c = c->next)
		n += source_is(c, "para") || source_is(c, "list") || source_is(c, "sign-off") ||
		     source_is(c, "assessment") || source_is(c, "performance") ||
		     source_is(c, "table") || source_is(c, "figure") ||
		     source_is(c, "appendices") ||
		     source_is(c, "risks");
	return n;
}

static void build_list(struct builder *b, const xmlNode *node, struct source_list *l)
{
	l->numbered = attr_is(node, "kind", "numbered");
	l->item_count = source_count(node, "item");
	l->items = alloc_array(b, l->item_count, sizeof *l->items);
	size_t i = 0;
	for (const xmlNode *c = source_child(node, "item"); c; c = source_next(c->next, "item"))
		inline_text(b, c, &l->items[i++]);
}

/* Blocks of a section or appendix; numbered paragraphs count from 1. */
static struct source_block *build_blocks(struct builder *b, const xmlNode *parent,
					 size_t *count)
{
	*count = count_blocks(parent);
	struct source_block *blocks = alloc_array(b, *count, sizeof *blocks);
	size_t i = 0;
	unsigned paragraph = 0;
	for (const xmlNode *c = parent->children; c; c = c->next) {
		struct source_block *block = &blocks[i];
		if (source_is(c, "para")) {
			block->kind = BLOCK_PARAGRAPH;
			block->numbered = !attr_is(c, "numbered", "no");
			block->number = block->numbered ? ++paragraph : 0;
			inline_text(b, c, &block->u.paragraph);
		} else if (source_is(c, "list")) {
			block->kind = BLOCK_LIST;
			build_list(b, c, &block->u.list);
		} else if (source_is(c, "sign-off")) {
			block->kind = BLOCK_SIGN_OFF;
			block->u.sign_off = plain(b, c);
		} else if (source_is(c, "assessment")) {
			block->kind = BLOCK_ASSESSMENT;
			build_assessment(b, c, &block->u.assessment);
		} else if (source_is(c, "performance")) {
			block->kind = BLOCK_PERFORMANCE;
			build_performance(b, c, &block->u.performance);
		} else if (source_is(c, "table")) {
			block->kind = BLOCK_TABLE;
			source_build_table(b->load, b->arena, c, &block->u.table);
		} else if (source_is(c, "figure")) {
			block->kind = BLOCK_FIGURE;
			source_build_figure(b->load, b->arena, c, &block->u.figure);
		} else if (source_is(c, "appendices")) {
			block->kind = BLOCK_APPENDICES;
		} else if (source_is(c, "risks")) {
			block->kind = BLOCK_RISKS;
			build_risks(b, c, &block->u.risks);
		} else {
			continue;
		}
		block->pos = pos_of(b, c);
		block->id = attr(b, c, "id");
		i++;
	}
	return blocks;
}

static enum implication_kind implication(const xmlNode *node)
{
	if (attr_is(node, "implication", "financial"))
		return IMPLICATION_FINANCIAL;
	if (attr_is(node, "implication", "legal"))
		return IMPLICATION_LEGAL;
	if (attr_is(node, "implication", "equalities"))
		return IMPLICATION_EQUALITIES;
	if (attr_is(node, "implication", "other"))
		return IMPLICATION_OTHER;
	return IMPLICATION_NONE;
}

static void build_sections(struct builder *b, const xmlNode *root, struct source_doc *doc)
{
	doc->section_count = source_count(root, "section");
	doc->sections = alloc_array(b, doc->section_count, sizeof *doc->sections);
	unsigned n = 0;
	for (const xmlNode *c = source_child(root, "section"); c;
	     c = source_next(c->next, "section"), n++) {
		struct source_section *s = &doc->sections[n];
		s->id = attr(b, c, "id");
		s->pos = pos_of(b, c);
		s->number = n + 1;
		s->heading = plain(b, source_child(c, "heading"));
		s->implication = implication(c);
		s->blocks = build_blocks(b, c, &s->block_count);
	}
	doc->appendix_count = source_count(root, "appendix");
	doc->appendices = alloc_array(b, doc->appendix_count, sizeof *doc->appendices);
	n = 0;
	for (const xmlNode *c = source_child(root, "appendix"); c;
	     c = source_next(c->next, "appendix"), n++) {
		struct source_appendix *a = &doc->appendices[n];
		a->id = attr(b, c, "id");
		a->pos = pos_of(b, c);
		a->number = n + 1;
		a->title = plain(b, source_child(c, "title"));
		a->landscape = attr_is(c, "landscape", "yes");
		a->blocks = build_blocks(b, c, &a->block_count);
	}
}

struct source_doc *source_build(struct source_load *load)
{
	struct arena *arena = arena_new();
	struct builder b = { load, arena };
	struct source_doc *doc = arena_alloc(arena, sizeof *doc);
	doc->private = arena_alloc(arena, sizeof *doc->private);
	doc->private->arena = arena;
	const xmlNode *root = xmlDocGetRootElement(load->doc);
	doc->path = arena_strndup(arena, load->name, strlen(load->name));
	xmlChar *lang = xmlGetNsProp(root, BAD_CAST "lang", XML_XML_NAMESPACE);
	doc->lang = lang ? arena_strndup(arena, (const char *)lang, strlen((const char *)lang)) :
			   "en-GB";
	xmlFree(lang);
	/* A language with no catalogue still gets a paper, in English. */
	words_problems(load->diags);
	if (!words_for(doc->lang))
		source_warning(load, source_attr_pos(load, root, "xml:lang"),
			       "there are no words for the language \"%s\" (there "
			       "are: %s); the paper's fixed words print in English",
			       doc->lang, words_available());
	doc->layout = attr(&b, root, "layout");
	doc->layout_pos = source_attr_pos(load, root, "layout");
	doc->status = attr_is(root, "status", "draft") ? STATUS_DRAFT : STATUS_FINAL;
	build_cover(&b, source_child(root, "cover"), &doc->cover);
	doc->recommendation_count = source_count(root, "recommendations");
	doc->recommendations = alloc_array(&b, doc->recommendation_count,
					   sizeof *doc->recommendations);
	size_t i = 0;
	for (const xmlNode *c = source_child(root, "recommendations"); c;
	     c = source_next(c->next, "recommendations"))
		build_recommendations(&b, c, &doc->recommendations[i++]);
	build_sections(&b, root, doc);
	return doc;
}
