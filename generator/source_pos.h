/* Where something came from in a source: the one fact about the load stage
 * that later stages keep (display-list nodes carry it so a layout problem
 * can still blame its source line). */
#ifndef SOURCE_POS_H
#define SOURCE_POS_H

#include <stdint.h>

/* 1-based line and column; 0 when unknown. */
struct source_pos {
	uint32_t line, col;
};

#endif
