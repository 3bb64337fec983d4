/* Linking a risk register with the last review's: the part of risk
 * ratings that loads a file (see rating_link_previous_risks). */
#include "rating.h"
#include "rating_risks.h"
#include "memory.h"

#include <stdlib.h>
#include <string.h>

/* Risk registers of doc in document order; caller frees the array. */
static struct source_risks **risk_blocks(struct source_doc *doc, size_t *count)
{
	struct source_risks **blocks = NULL;
	size_t capacity = 0;
	*count = 0;
	for (size_t a = 0; a < doc->appendix_count; a++)
		for (size_t b = 0; b < doc->appendices[a].block_count; b++)
			if (doc->appendices[a].blocks[b].kind == BLOCK_RISKS) {
				MEM_GROW(blocks, *count, capacity);
				blocks[(*count)++] = &doc->appendices[a].blocks[b].u.risks;
			}
	return blocks;
}

/* The register to compare with: same id, else the same place. */
static const struct source_risks *match_register(const struct source_risks *risks,
						 size_t index,
						 struct source_risks **previous,
						 size_t previous_count)
{
	if (risks->id)
		for (size_t i = 0; i < previous_count; i++)
			if (previous[i]->id && strcmp(previous[i]->id, risks->id) == 0)
				return previous[i];
	return index < previous_count ? previous[index] : NULL;
}

int rating_link_previous_risks(struct source_doc *doc, const char *previous_path,
			       struct diag_list *diags)
{
	int status = 0;
	size_t count;
	struct source_risks **blocks = risk_blocks(doc, &count);
	char *loaded_path = NULL;
	struct source_doc *loaded = NULL;
	struct source_risks **previous = NULL;
	size_t previous_count = 0;
	for (size_t i = 0; i < count; i++) {
		int refused;
		char *path = rating_previous_path(doc, blocks[i]->previous_source,
						  blocks[i]->previous_source_pos,
						  previous_path, &refused, diags);
		if (refused)
			status = -1;
		if (!path)
			continue;
		if (!loaded_path || strcmp(loaded_path, path) != 0) {
			free(loaded_path);
			free(previous);
			source_free(loaded);
			loaded_path = mem_strdup(path);
			loaded = rating_load_previous(path, diags);
			previous = loaded ? risk_blocks(loaded, &previous_count) : NULL;
			if (!loaded)
				previous_count = 0;
		}
		const struct source_risks *match =
			match_register(blocks[i], i, previous, previous_count);
		if (!loaded) {
			diag_add(diags, DIAG_ERROR, doc->path, blocks[i]->pos.line,
				 blocks[i]->pos.col, "cannot compare with the last "
				 "review: %s could not be loaded", path);
			status = -1;
		} else if (match) {
			rating_apply_previous_risks(blocks[i], match, doc->path, diags);
		} else {
			diag_add(diags, DIAG_WARNING, doc->path, blocks[i]->pos.line,
				 blocks[i]->pos.col, "%s has no risk register to "
				 "compare with", path);
		}
		free(path);
	}
	free(loaded_path);
	free(previous);
	source_free(loaded);
	free(blocks);
	return status;
}
