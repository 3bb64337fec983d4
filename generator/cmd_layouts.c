/* PLACEHOLDER until the layouts command lands: replaced, never shipped. */
#include <stdio.h>

#include "commands.h"

int cmd_layouts(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("committee-pdf: 'layouts' is not built yet\n", stderr);
	return 2;
}
