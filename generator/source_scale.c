/* Questions asked of a loaded model's rating scale, by the loader's later
 * passes and by rating.c alike. */
#include "source.h"

#include <string.h>

int source_scale_find(const struct source_scale *scale, const char *code)
{
	if (!scale || !code)
		return -1;
	for (size_t i = 0; i < scale->rating_count; i++)
		if (scale->ratings[i].code && strcmp(scale->ratings[i].code, code) == 0)
			return (int)i;
	return -1;
}
