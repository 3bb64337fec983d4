/* Page selections such as "1,3-5,9": which pages of a paper to draw. One
 * grammar for the preview command and the draw stage, so a list the
 * command accepts is the list draw_png draws. */
#ifndef PAGE_LIST_H
#define PAGE_LIST_H

#include <stddef.h>

/* A list like "1,3-5,9": numbers from 1, ranges low-high, no spaces. 1 when
 * valid; 0 when empty or malformed. */
int page_list_valid(const char *list);

/* 1 when page (1-based) is in the list; list NULL means every page. */
int page_list_contains(const char *list, size_t page);

/* 1 when a valid list names no page above page_count; list NULL means
 * every page, so 1. */
int page_list_within(const char *list, size_t page_count);

#endif
