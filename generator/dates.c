#include "dates.h"

#include <stdlib.h>
#include <string.h>

#include <stdio.h>

#include "memory.h"
#include "words.h"

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

char *dates_long_text(const char *iso, const struct words *words)
{
	int year, month, day;
	if (!iso)
		return NULL;
	if (!dates_parse_iso(iso, &year, &month, &day))
		return mem_strdup(iso);
	if (!words)
		words = words_default();
	char month_key[16], day_text[8], year_text[8];
	snprintf(month_key, sizeof month_key, "month.%d", month);
	snprintf(day_text, sizeof day_text, "%d", day);
	snprintf(year_text, sizeof year_text, "%04d", year);
	const struct words_field fields[] = {
		{ "day", day_text },
		{ "month", words_get(words, month_key) },
		{ "year", year_text },
		{ NULL, NULL },
	};
	return words_format(words, "date.long", fields);
}
