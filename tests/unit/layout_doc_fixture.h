/* A committee paper built in code for the layout tests: cover, three
 * recommendations with refs, sections with numbered paragraphs long enough
 * to span pages, a bullet list with bold lead-ins, an implication with its
 * sign-off, a prose appendix and a landscape one. Everything lives in one
 * arena, freed with doc_fixture_free(). */
#ifndef LAYOUT_DOC_FIXTURE_H
#define LAYOUT_DOC_FIXTURE_H

#include <stdio.h>
#include <string.h>

#include "memory.h"
#include "source.h"

struct doc_fixture {
	struct arena *arena;
	struct source_doc doc;
	unsigned line;
};

#define FIXTURE_SENTENCE \
	"Under the 1999 Local Government Act, local authorities must legally " \
	"deliver what is termed \xE2\x80\x98" "Best Value\xE2\x80\x99 \xE2\x80\x93 a council " \
	"must be able to show that it has arrangements to secure continuous " \
	"improvement in how it carries out its work. "

static inline char *fixture_repeat(struct doc_fixture *f, const char *s, int times)
{
	size_t n = strlen(s);
	char *out = arena_alloc(f->arena, n * (size_t)times + 1);
	for (int i = 0; i < times; i++)
		memcpy(out + n * (size_t)i, s, n);
	/* Trailing space collapsed away, as the loader would. */
	if (times && out[n * (size_t)times - 1] == ' ')
		out[n * (size_t)times - 1] = '\0';
	return out;
}

static inline struct source_text fixture_text(struct doc_fixture *f, const char *s)
{
	struct source_text t;
	memset(&t, 0, sizeof t);
	t.text = s;
	t.pos.line = ++f->line;
	t.pos.col = 5;
	return t;
}

/* Text with one span over the first occurrence of word. */
static inline struct source_text fixture_span(struct doc_fixture *f, const char *s,
				       const char *word,
				       enum source_span_kind kind,
				       const char *target)
{
	struct source_text t = fixture_text(f, s);
	const char *at = strstr(s, word);
	if (!at)
		return t;
	t.spans = arena_alloc(f->arena, sizeof *t.spans);
	t.spans[0].start = (uint32_t)(at - s);
	t.spans[0].end = (uint32_t)(at - s + strlen(word));
	t.spans[0].kind = kind;
	t.spans[0].target = target;
	t.span_count = 1;
	return t;
}

static inline struct source_block fixture_para(struct doc_fixture *f,
					struct source_text text, int numbered)
{
	struct source_block b;
	memset(&b, 0, sizeof b);
	b.kind = BLOCK_PARAGRAPH;
	b.numbered = numbered;
	b.pos = text.pos;
	b.u.paragraph = text;
	(void)f;
	return b;
}

/* Appendix 3: a self-assessment of items characteristics in themes of
 * eight, not asked to be landscape (the style decides). */
static inline void fixture_assessment(struct doc_fixture *f, struct source_appendix *a,
			       size_t items)
{
	static struct source_rating ratings[] = {
		{ "R", "Red", "Not met", STANDING_NOT_MET, { 0, 0 } },
		{ "A", "Amber", "Partly met", STANDING_PARTLY, { 0, 0 } },
		{ "G", "Green", "Met", STANDING_MET, { 0, 0 } },
	};
	memset(a, 0, sizeof *a);
	a->id = "assessment";
	a->number = 3;
	a->title = "Self-assessment";
	a->pos.line = ++f->line;
	a->block_count = 1;
	a->blocks = arena_alloc(f->arena, sizeof *a->blocks);
	struct source_block *b = &a->blocks[0];
	b->kind = BLOCK_ASSESSMENT;
	b->pos.line = ++f->line;
	struct source_assessment *as = &b->u.assessment;
	as->intro = fixture_text(f, "Each characteristic is rated against the scale below.");
	as->scale.ratings = ratings;
	as->scale.rating_count = 3;
	size_t themes = (items + 7) / 8;
	as->themes = arena_alloc(f->arena, themes * sizeof *as->themes);
	as->theme_count = themes;
	for (size_t t = 0; t < themes; t++) {
		struct source_theme *th = &as->themes[t];
		char *name = arena_alloc(f->arena, 32);
		snprintf(name, 32, "Theme %zu", t + 1);
		th->name = name;
		th->ref = name;
		th->description = fixture_text(f, "");
		th->pos.line = ++f->line;
		size_t n = items - t * 8 < 8 ? items - t * 8 : 8;
		th->items = arena_alloc(f->arena, n * sizeof *th->items);
		th->item_count = n;
		for (size_t i = 0; i < n; i++) {
			struct source_item *it = &th->items[i];
			char *ref = arena_alloc(f->arena, 48);
			snprintf(ref, 48, "T%02zu%03zu", t, i);
			it->ref = ref;
			it->pos.line = ++f->line;
			it->characteristic = fixture_text(f, "A clear and consistent "
				"understanding of performance across the organisation.");
			it->rating = ratings[i % 3].code;
			it->rating_index = (int)(i % 3);
			it->previous = NULL;
			it->previous_index = -1;
			it->evidence = fixture_text(f, fixture_repeat(f, "Quarterly "
				"performance reports to Cabinet and scrutiny. ", 1 + (int)(i % 4)));
			it->actions = fixture_text(f, "Refresh the performance framework.");
			it->owner = "Head of Strategy and Policy";
			it->due = "2024-06-30";
		}
	}
}

static inline void doc_fixture_init(struct doc_fixture *f, int draft)
{
	memset(f, 0, sizeof *f);
	f->arena = arena_new();
	struct source_doc *d = &f->doc;
	d->path = "fixture.xml";
	d->lang = "en-GB";
	d->status = draft ? STATUS_DRAFT : STATUS_FINAL;
	struct source_cover *c = &d->cover;
	c->authority = "City of Wolverhampton Council";
	c->committee = "Governance and Ethics Committee";
	c->meeting_date = "2024-02-22";
	c->marking = "PUBLIC [NOT PROTECTIVELY MARKED]";
	c->agenda_item = "7";
	c->title = "Best Value Standards and Intervention Guidance";
	c->decision_designation = "AMBER";
	c->key_decision = TRI_NO;
	c->forward_plan = TRI_NO;
	c->wards = "All wards";
	c->cabinet_member.name = "Councillor Paula Brookfield";
	c->cabinet_member.role = "Cabinet Member for Governance and Equalities";
	c->director.name = "David Pattison";
	c->director.role = "Chief Operating Officer";
	c->service = "Strategy and Policy";
	c->employee.name = "Laura Collings";
	c->employee.role = "Head of Strategy and Policy";
	c->employee.telephone = "01902 550414";
	c->employee.email = "Laura.collings@wolverhampton.gov.uk";

	struct source_recommendations *rec = arena_alloc(f->arena, sizeof *rec);
	rec->intro = fixture_text(f, "The Governance and Ethics Committee is asked to:");
	rec->item_count = 3;
	rec->items = arena_alloc(f->arena, 3 * sizeof *rec->items);
	rec->items[0] = fixture_span(f, "Note that Government has released new draft "
				     "statutory guidance (appendix 1).", "appendix 1",
				     SPAN_REF, "guidance");
	rec->items[1] = fixture_span(f, "Review and comment on the self-assessment "
				     "(appendix 2).", "appendix 2", SPAN_REF,
				     "landscape");
	rec->items[2] = fixture_text(f, "Agree to receive future reports once "
				     "Government has published the final guidance.");
	d->recommendations = rec;
	d->recommendation_count = 1;

	d->section_count = 4;
	d->sections = arena_alloc(f->arena, 4 * sizeof *d->sections);
	static const char *const headings[] = { "Purpose", "Background",
						"Best Value Standards and Intervention Framework",
						"Financial implications" };
	for (size_t s = 0; s < 4; s++) {
		struct source_section *sec = &d->sections[s];
		sec->number = (unsigned)s + 1;
		sec->heading = headings[s];
		sec->pos.line = ++f->line;
		sec->pos.col = 3;
		sec->block_count = s == 1 ? 6 : 3;
		sec->blocks = arena_alloc(f->arena, sec->block_count * sizeof *sec->blocks);
		for (size_t b = 0; b < sec->block_count; b++) {
			int times = s == 1 ? 2 + (int)b : 1 + (int)b;
			sec->blocks[b] = fixture_para(
				f, fixture_text(f, fixture_repeat(f, FIXTURE_SENTENCE, times)), 1);
		}
	}
	d->sections[0].id = "purpose";
	d->sections[0].blocks[0].u.paragraph = fixture_span(
		f, "The purpose of this report is to outline new draft statutory "
		   "guidance, see the \"guidance\" <online> at https://www.gov.uk/.",
		"https://www.gov.uk/", SPAN_LINK, "https://www.gov.uk/");
	d->sections[0].blocks[1].numbered = 0;
	/* A bullet list with bold lead-ins. */
	struct source_block *list = &d->sections[2].blocks[1];
	memset(list, 0, sizeof *list);
	list->kind = BLOCK_LIST;
	list->u.list.item_count = 7;
	list->u.list.items = arena_alloc(f->arena, 7 * sizeof(struct source_text));
	for (size_t i = 0; i < 7; i++)
		list->u.list.items[i] = fixture_span(
			f, "Leadership: Effective political and administrative leaders "
			   "who have a clear vision and set of priorities for their area.",
			"Leadership:", SPAN_STRONG, NULL);
	struct source_section *fin = &d->sections[3];
	fin->implication = IMPLICATION_FINANCIAL;
	fin->blocks[2].kind = BLOCK_SIGN_OFF;
	fin->blocks[2].u.sign_off = "LD/06022024/A";

	d->appendix_count = 3;
	d->appendices = arena_alloc(f->arena, 3 * sizeof *d->appendices);
	struct source_appendix *a = &d->appendices[0];
	a->id = "guidance";
	a->number = 1;
	a->title = "Best Value Standards and Intervention Draft Guidance";
	a->block_count = 2;
	a->blocks = arena_alloc(f->arena, 2 * sizeof *a->blocks);
	a->blocks[0] = fixture_para(f, fixture_text(f, fixture_repeat(f, FIXTURE_SENTENCE, 3)), 0);
	a->blocks[1] = fixture_para(f, fixture_text(f, fixture_repeat(f, FIXTURE_SENTENCE, 4)), 0);
	a = &d->appendices[1];
	a->id = "landscape";
	a->number = 2;
	a->title = "City of Wolverhampton Council Best Value Benchmarking";
	a->landscape = 1;
	a->block_count = 12;
	a->blocks = arena_alloc(f->arena, 12 * sizeof *a->blocks);
	for (size_t b = 0; b < 12; b++)
		a->blocks[b] = fixture_para(f, fixture_text(f, fixture_repeat(f, FIXTURE_SENTENCE, 3)), 0);
	fixture_assessment(f, &d->appendices[2], 20);
	/* Paragraph numbers, as the loader gives them, once every block of a
	 * section has its final kind. */
	for (size_t s = 0; s < d->section_count; s++) {
		unsigned paragraph = 0;
		for (size_t b = 0; b < d->sections[s].block_count; b++) {
			struct source_block *block = &d->sections[s].blocks[b];
			if (block->kind == BLOCK_PARAGRAPH && block->numbered)
				block->number = ++paragraph;
		}
	}
}

static inline void doc_fixture_free(struct doc_fixture *f)
{
	arena_free(f->arena);
}

#endif
