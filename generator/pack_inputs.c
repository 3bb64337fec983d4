/* The files a pack is made from: see pack_inputs.h. */
#include "pack_inputs.h"

#include <stdlib.h>

#include "batch.h"
#include "meeting.h"
#include "memory.h"

struct path_list {
	char **paths;
	size_t count, capacity;
};

static void add(struct path_list *list, char *path)
{
	MEM_GROW(list->paths, list->count, list->capacity);
	list->paths[list->count++] = path;
}

/* A paper and what it reads. */
static void add_paper(struct path_list *list, const char *paper)
{
	add(list, mem_strdup(paper));
	char **inputs;
	size_t count = batch_inputs(paper, NULL, &inputs);
	for (size_t i = 0; i < count; i++)
		add(list, inputs[i]);
	free(inputs);
}

size_t pack_inputs(const char *meeting_path, char ***paths)
{
	struct path_list list = { 0 };
	/* The front sheet's style is found as a paper's is. */
	char *layout = batch_layout_path(meeting_path, NULL);
	if (layout)
		add(&list, layout);
	struct diag_list dropped = { 0 };  /* the rebuild reports them */
	struct meeting *meeting = meeting_load(meeting_path, &dropped);
	diag_list_free(&dropped);
	for (size_t i = 0; meeting && i < meeting->item_count; i++) {
		const struct meeting_item *item = &meeting->items[i];
		if (item->kind == MEETING_ITEM_PAPER)
			add_paper(&list, item->paper);
		for (size_t r = 0; r < item->revision_count; r++)
			add_paper(&list, item->revisions[r].paper);
	}
	meeting_free(meeting);
	*paths = list.paths;
	return list.count;
}
