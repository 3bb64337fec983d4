#include "dates.h"

#include <stdlib.h>
#include <string.h>

#include "memory.h"

static const char *const month_names[12] = {
	"January", "February", "March",     "April",   "May",      "June",
	"July",    "August",   "September", "October", "November", "December",
};

int dates_parse_iso(const char *s, int *year, int *month, int *day)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	*year = atoi(s);
	*month = atoi(s + 5);
	*day = atoi(s + 8);
	return *month >= 1 && *month <= 12 && *day >= 1 && *day <= 31;
}

char *dates_long_text(const char *iso)
{
	int year, month, day;
	if (!iso)
		return NULL;
	if (!dates_parse_iso(iso, &year, &month, &day))
		return mem_strdup(iso);
	return mem_printf("%d %s %04d", day, month_names[month - 1], year);
}
