/* The order in which worker pools hand out their documents. */
#include "batch.h"

#include <stdlib.h>
#include <sys/stat.h>

#include "memory.h"

struct sized {
	off_t size;
	size_t position;  /* in the order given: ties keep it */
	size_t index;
};

static int compare_largest_first(const void *a, const void *b)
{
	const struct sized *x = a, *y = b;
	if (x->size != y->size)
		return x->size > y->size ? -1 : 1;
	return (x->position > y->position) - (x->position < y->position);
}

void batch_order_largest_first(size_t *order, size_t count,
			       const char *const *paths)
{
	struct sized *sized = mem_array(count + 1, sizeof *sized);
	for (size_t k = 0; k < count; k++) {
		struct stat st;
		sized[k] = (struct sized){
			stat(paths[order[k]], &st) == 0 ? st.st_size : 0, k,
			order[k] };
	}
	qsort(sized, count, sizeof *sized, compare_largest_first);
	for (size_t k = 0; k < count; k++)
		order[k] = sized[k].index;
	free(sized);
}
