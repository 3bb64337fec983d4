/* PLACEHOLDER until the preview command lands: replaced, never shipped. */
#include <stdio.h>

#include "commands.h"

int cmd_preview(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("committee-pdf: 'preview' is not built yet\n", stderr);
	return 2;
}
