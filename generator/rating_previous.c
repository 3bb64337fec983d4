/* Linking a quarterly report with its previous quarter's source: the one
 * part of rating that loads a file (see rating_link_previous in rating.h). */
#include "rating.h"
#include "rating_risks.h"
#include "memory.h"
#include "paths.h"

#include <stdlib.h>
#include <string.h>

/* Performance blocks of doc in document order; caller frees the array. */
static struct source_performance **performance_blocks(struct source_doc *doc,
						      size_t *count)
{
	struct source_performance **blocks = NULL;
	size_t capacity = 0;
	*count = 0;
	for (size_t s = 0; s < doc->section_count; s++)
		for (size_t b = 0; b < doc->sections[s].block_count; b++)
			if (doc->sections[s].blocks[b].kind == BLOCK_PERFORMANCE) {
				MEM_GROW(blocks, *count, capacity);
				blocks[(*count)++] = &doc->sections[s].blocks[b].u.performance;
			}
	for (size_t a = 0; a < doc->appendix_count; a++)
		for (size_t b = 0; b < doc->appendices[a].block_count; b++)
			if (doc->appendices[a].blocks[b].kind == BLOCK_PERFORMANCE) {
				MEM_GROW(blocks, *count, capacity);
				blocks[(*count)++] = &doc->appendices[a].blocks[b].u.performance;
			}
	return blocks;
}

/* The previous block for the current block number index: same id, else
 * the same place among performance blocks. */
static const struct source_performance *
match_block(const struct source_performance *perf, size_t index,
	    struct source_performance **previous, size_t previous_count)
{
	if (perf->id)
		for (size_t i = 0; i < previous_count; i++)
			if (previous[i]->id && strcmp(previous[i]->id, perf->id) == 0)
				return previous[i];
	return index < previous_count ? previous[index] : NULL;
}

char *rating_previous_path(const struct source_doc *doc,
			   const char *previous_source, struct source_pos pos,
			   const char *previous_path, int *refused,
			   struct diag_list *diags)
{
	*refused = 0;
	if (previous_path)
		return mem_strdup(previous_path);
	if (!previous_source)
		return NULL;
	struct paths_naming naming = {
		.source = doc->path ? doc->path : "-",
		.attribute = "previous-source",
		.line = pos.line,
		.col = pos.col,
		.option = "--previous",
	};
	char *path = paths_named(&naming, previous_source, source_max_bytes(),
				 diags);
	*refused = path == NULL;
	return path;
}

struct source_doc *rating_load_previous(const char *path, struct diag_list *diags)
{
	struct diag_list own = { 0 };
	struct source_doc *doc = source_load(path, &own);
	if (!doc || diag_has_errors(&own)) {
		for (size_t i = 0; i < own.count; i++)
			if (own.items[i].level == DIAG_ERROR)
				diag_copy(diags, &own.items[i]);
		source_free(doc);
		doc = NULL;
	}
	diag_list_free(&own);
	return doc;
}

/* The previous source, loaded once per distinct path. */
struct previous_cache {
	char *path;
	struct source_doc *doc;  /* NULL when loading failed */
	struct source_performance **blocks;
	size_t block_count;
};

static void cache_drop(struct previous_cache *cache)
{
	free(cache->path);
	free(cache->blocks);
	source_free(cache->doc);
	*cache = (struct previous_cache){ 0 };
}

static void cache_load(struct previous_cache *cache, const char *path,
		       struct diag_list *diags)
{
	cache_drop(cache);
	cache->path = mem_strdup(path);
	cache->doc = rating_load_previous(path, diags);
	if (cache->doc)
		cache->blocks = performance_blocks(cache->doc, &cache->block_count);
}

int rating_link_previous(struct source_doc *doc, const char *previous_path,
			 struct diag_list *diags)
{
	int status = 0;
	size_t count;
	struct source_performance **blocks = performance_blocks(doc, &count);
	struct previous_cache cache = { 0 };
	for (size_t i = 0; i < count; i++) {
		struct source_performance *perf = blocks[i];
		int refused;
		char *path = rating_previous_path(doc, perf->previous_source,
						  perf->previous_source_pos,
						  previous_path, &refused, diags);
		if (refused)
			status = -1;
		if (!path)
			continue;
		if (!cache.path || strcmp(cache.path, path) != 0)
			cache_load(&cache, path, diags);
		if (!cache.doc) {
			diag_add(diags, DIAG_ERROR, doc->path, perf->pos.line,
				 perf->pos.col, "cannot compare with the previous "
				 "quarter: %s could not be loaded", path);
			status = -1;
		} else {
			const struct source_performance *previous =
				match_block(perf, i, cache.blocks, cache.block_count);
			if (previous)
				rating_apply_previous(perf, previous, doc->path, diags);
			else
				diag_add(diags, DIAG_WARNING, doc->path,
					 perf->pos.line, perf->pos.col,
					 "%s has no performance block to compare "
					 "with", path);
		}
		free(path);
	}
	cache_drop(&cache);
	free(blocks);
	if (rating_link_previous_risks(doc, previous_path, diags) != 0)
		status = -1;
	return status;
}
