/* Clock and the text of progress and summary lines; the command prints. */
#include "batch.h"

#include <stdio.h>
#include <time.h>

double batch_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

int batch_progress_format(char *buf, size_t size, size_t done, size_t total,
			  size_t failed, double elapsed_ms)
{
	return snprintf(buf, size, "[%zu/%zu] %zu failed, %.2f s", done, total,
			failed, elapsed_ms / 1000.0);
}

int batch_summary_format(char *buf, size_t size, size_t built,
			 size_t up_to_date, size_t failed, double elapsed_ms)
{
	return snprintf(buf, size, "built %zu, up to date %zu, failed %zu in %.2f s",
			built, up_to_date, failed, elapsed_ms / 1000.0);
}
