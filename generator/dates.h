/* Dates as a paper prints them. One home for reading an ISO date from the
 * model and writing it in words in the paper's language, used by every
 * stage that shows one. */
#ifndef DATES_H
#define DATES_H

struct words;

/* "2024-06-30" → year, month (1 … 12), day (1 … 31); 0 when it is not that
 * shape (the loader has already refused dates that do not exist). */
int dates_parse_iso(const char *iso, int *year, int *month, int *day);

/* "2024-06-30" → "30 June 2024" in words's language ("30 Mehefin 2024" in
 * Welsh; NULL words: English), by the catalogue's date.long template and
 * month names; anything else is returned as written. NULL stays NULL.
 * Caller frees with free(). */
char *dates_long_text(const char *iso, const struct words *words);

#endif
