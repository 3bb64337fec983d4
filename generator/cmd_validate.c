/* PLACEHOLDER until the validate command lands: replaced, never shipped. */
#include <stdio.h>

#include "commands.h"

int cmd_validate(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("committee-pdf: 'validate' is not built yet\n", stderr);
	return 2;
}
