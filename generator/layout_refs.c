/* Generated cross-references: an empty <ref to="ID"/> prints its target's
 * own name, "paragraph 3.3", "section 4.0", "appendix 2" or an item's
 * reference, in the paper's language. The names are worked out once per
 * document from the model's numbering; the text is filled in where it is
 * measured, so the link box covers the name. */
#include "layout_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ref_name {
	const char *id;   /* borrowed from the model */
	char *name;
};

struct layout_refs {
	struct ref_name *names; /* sorted by id */
	size_t count, capacity;
	const char **wanted;    /* ids some ref in a table points at, sorted */
	size_t wanted_count, wanted_capacity;
};

static void want_text(struct layout_refs *refs, const struct source_text *text)
{
	for (size_t i = 0; i < text->span_count; i++)
		if (text->spans[i].kind == SPAN_REF && text->spans[i].target) {
			MEM_GROW(refs->wanted, refs->wanted_count,
				 refs->wanted_capacity);
			refs->wanted[refs->wanted_count++] = text->spans[i].target;
		}
}

/* Refs inside tables: the flow finds those in paragraphs and lists. */
static void want_tables(struct layout_refs *refs, const struct source_block *b)
{
	if (b->kind == BLOCK_ASSESSMENT) {
		const struct source_assessment *a = &b->u.assessment;
		for (size_t t = 0; t < a->theme_count; t++)
			for (size_t n = 0; n < a->themes[t].item_count; n++) {
				const struct source_item *item = &a->themes[t].items[n];
				want_text(refs, &item->characteristic);
				want_text(refs, &item->evidence);
				want_text(refs, &item->actions);
			}
	} else if (b->kind == BLOCK_PERFORMANCE) {
		const struct source_performance *p = &b->u.performance;
		for (size_t g = 0; g < p->group_count; g++)
			for (size_t n = 0; n < p->groups[g].measure_count; n++) {
				want_text(refs, &p->groups[g].measures[n].name);
				want_text(refs, &p->groups[g].measures[n].commentary);
			}
	}
}

static void want_blocks(struct layout_refs *refs, const struct source_block *blocks,
			size_t count)
{
	for (size_t i = 0; i < count; i++) {
		const struct source_block *b = &blocks[i];
		if (b->kind == BLOCK_PARAGRAPH)
			want_text(refs, &b->u.paragraph);
		else if (b->kind == BLOCK_LIST)
			for (size_t n = 0; n < b->u.list.item_count; n++)
				want_text(refs, &b->u.list.items[n]);
		else
			want_tables(refs, b);
	}
}

static int compare_ids(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void want_document(struct layout_refs *refs, const struct source_doc *doc)
{
	for (size_t r = 0; r < doc->recommendation_count; r++) {
		want_text(refs, &doc->recommendations[r].intro);
		for (size_t i = 0; i < doc->recommendations[r].item_count; i++)
			want_text(refs, &doc->recommendations[r].items[i]);
	}
	for (size_t s = 0; s < doc->section_count; s++)
		want_blocks(refs, doc->sections[s].blocks, doc->sections[s].block_count);
	for (size_t a = 0; a < doc->appendix_count; a++)
		want_blocks(refs, doc->appendices[a].blocks,
			    doc->appendices[a].block_count);
	if (refs->wanted_count)
		qsort(refs->wanted, refs->wanted_count, sizeof *refs->wanted,
		      compare_ids);
}

int layout_ref_wanted(const struct layout *lo, const char *id)
{
	return lo->refs && id && lo->refs->wanted_count &&
	       bsearch(&id, lo->refs->wanted, lo->refs->wanted_count,
		       sizeof *lo->refs->wanted, compare_ids);
}

static void add_name(struct layout_refs *refs, const char *id, char *name)
{
	if (!id) {
		free(name);
		return;
	}
	MEM_GROW(refs->names, refs->count, refs->capacity);
	refs->names[refs->count++] = (struct ref_name){ id, name };
}

static char *numbered(const struct layout *lo, const char *key,
		      const char *number)
{
	const struct words_field fields[] = { { "number", number }, { NULL, NULL } };
	return layout_format(lo, key, fields);
}

static void add_blocks(struct layout_refs *refs, const struct layout *lo,
		       const struct source_block *blocks, size_t count,
		       unsigned prefix, const char *container)
{
	for (size_t i = 0; i < count; i++) {
		const struct source_block *b = &blocks[i];
		if (b->kind == BLOCK_PARAGRAPH && b->numbered) {
			char number[32];
			snprintf(number, sizeof number, "%u.%u", prefix, b->number);
			add_name(refs, b->id, numbered(lo, "ref.paragraph", number));
		} else {
			/* Lists, tables and unnumbered paragraphs are known by
			 * where they are. */
			add_name(refs, b->id, mem_strdup(container));
		}
		if (b->kind == BLOCK_ASSESSMENT)
			for (size_t t = 0; t < b->u.assessment.theme_count; t++) {
				const struct source_theme *theme =
					&b->u.assessment.themes[t];
				for (size_t n = 0; n < theme->item_count; n++)
					add_name(refs, theme->items[n].ref,
						 mem_strdup(theme->items[n].ref));
			}
		if (b->kind == BLOCK_PERFORMANCE)
			for (size_t g = 0; g < b->u.performance.group_count; g++) {
				const struct source_measure_group *group =
					&b->u.performance.groups[g];
				for (size_t n = 0; n < group->measure_count; n++)
					add_name(refs, group->measures[n].ref,
						 mem_strdup(group->measures[n].ref));
			}
	}
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(((const struct ref_name *)a)->id,
		      ((const struct ref_name *)b)->id);
}

struct layout_refs *layout_refs_new(const struct layout *lo)
{
	struct layout_refs *refs = mem_alloc(sizeof *refs);
	const struct source_doc *doc = lo->doc;
	for (size_t s = 0; doc && s < doc->section_count; s++) {
		const struct source_section *section = &doc->sections[s];
		char number[24];
		snprintf(number, sizeof number, "%u.0", section->number);
		char *name = numbered(lo, "ref.section", number);
		add_blocks(refs, lo, section->blocks, section->block_count,
			   section->number, name);
		add_name(refs, section->id, name);
	}
	for (size_t a = 0; doc && a < doc->appendix_count; a++) {
		const struct source_appendix *appendix = &doc->appendices[a];
		char number[24];
		snprintf(number, sizeof number, "%u", appendix->number);
		char *name = numbered(lo, "ref.appendix", number);
		add_blocks(refs, lo, appendix->blocks, appendix->block_count,
			   appendix->number, name);
		add_name(refs, appendix->id, name);
	}
	if (refs->count)
		qsort(refs->names, refs->count, sizeof *refs->names, compare_names);
	if (doc)
		want_document(refs, doc);
	return refs;
}

void layout_refs_free(struct layout_refs *refs)
{
	if (!refs)
		return;
	for (size_t i = 0; i < refs->count; i++)
		free(refs->names[i].name);
	free(refs->names);
	free(refs->wanted);
	free(refs);
}

const char *layout_ref_name(const struct layout *lo, const char *id)
{
	if (!lo->refs || !id || !lo->refs->count)
		return NULL;
	struct ref_name probe = { id, NULL };
	const struct ref_name *found = bsearch(&probe, lo->refs->names,
					       lo->refs->count,
					       sizeof *lo->refs->names,
					       compare_names);
	return found ? found->name : NULL;
}

const struct source_text *layout_refs_expand(struct layout *lo,
					     const struct source_text *text)
{
	size_t generated = 0;
	for (size_t i = 0; text && i < text->span_count; i++)
		generated += (size_t)text->spans[i].generated;
	if (!generated)
		return text;
	struct arena *arena = lo->list->arena;
	struct source_text *out = arena_alloc(arena, sizeof *out);
	*out = *text;
	out->spans = arena_alloc(arena, text->span_count * sizeof *out->spans);
	memcpy(out->spans, text->spans, text->span_count * sizeof *out->spans);
	char *s = mem_strdup(text->text);
	for (size_t i = 0; i < out->span_count; i++) {
		struct source_span *ref = &out->spans[i];
		if (!ref->generated)
			continue;
		/* Without a name (no such target laid out) the id shows. */
		const char *name = layout_ref_name(lo, ref->target);
		if (!name)
			name = ref->target ? ref->target : "";
		size_t old = strlen(s), at = ref->start, gone = ref->end - ref->start;
		if (ref->end > old || at > ref->end)
			continue;
		size_t length = strlen(name);
		char *grown = mem_alloc(old - gone + length + 1);
		memcpy(grown, s, at);
		memcpy(grown + at, name, length);
		memcpy(grown + at + length, s + ref->end, old - ref->end + 1);
		free(s);
		s = grown;
		/* The stand-in is a span of its own: whatever starts or ends at
		 * or after its end moves by the difference. */
		uint32_t end = ref->end;
		for (size_t j = 0; j < out->span_count; j++) {
			struct source_span *other = &out->spans[j];
			if (other->start >= end)
				other->start = (uint32_t)(other->start - gone + length);
			if (other->end >= end)
				other->end = (uint32_t)(other->end - gone + length);
		}
		ref->start = (uint32_t)at;
		ref->end = (uint32_t)(at + length);
		ref->generated = 0;
	}
	out->text = dl_strdup(lo->list, s);
	free(s);
	return out;
}
