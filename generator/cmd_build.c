/* PLACEHOLDER until the build command lands: replaced, never shipped. */
#include <stdio.h>

#include "commands.h"

int cmd_build(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("committee-pdf: 'build' is not built yet\n", stderr);
	return 2;
}
