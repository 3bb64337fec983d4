/* PLACEHOLDER until the render command lands: replaced, never shipped. */
#include <stdio.h>

#include "commands.h"

int cmd_render(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("committee-pdf: 'render' is not built yet\n", stderr);
	return 2;
}
