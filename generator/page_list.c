/* Page selections such as "1,3-5" (preview --pages, draw_png). */
#include "page_list.h"

#include <ctype.h>
#include <stdlib.h>

/* Parse one "N" or "N-M" at *p; advances past it. 0 on success. */
static int parse_range(const char **p, unsigned long *low, unsigned long *high)
{
	char *end;
	if (!isdigit((unsigned char)**p))
		return -1;
	*low = strtoul(*p, &end, 10);
	*high = *low;
	if (*end == '-') {
		const char *q = end + 1;
		if (!isdigit((unsigned char)*q))
			return -1;
		*high = strtoul(q, &end, 10);
	}
	if (*low < 1 || *high < *low)
		return -1;
	*p = end;
	return 0;
}

/* -1 when the list is malformed, else 1 when page is in it, else 0.
 * *highest gets the highest page the list names. */
static int walk(const char *list, size_t page, unsigned long *highest)
{
	const char *p = list;
	int found = 0;
	*highest = 0;
	if (!*p)
		return -1;
	for (;;) {
		unsigned long low, high;
		if (parse_range(&p, &low, &high) < 0)
			return -1;
		found |= page >= low && page <= high;
		if (high > *highest)
			*highest = high;
		if (*p == '\0')
			return found;
		if (*p++ != ',')
			return -1;
	}
}

int page_list_valid(const char *list)
{
	unsigned long highest;
	return list && walk(list, 0, &highest) >= 0;
}

int page_list_contains(const char *list, size_t page)
{
	unsigned long highest;
	return !list || walk(list, page, &highest) == 1;
}

int page_list_within(const char *list, size_t page_count)
{
	unsigned long highest;
	return !list || (walk(list, 0, &highest) >= 0 && highest <= page_count);
}
