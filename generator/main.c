/* committee-pdf: dispatch to a subcommand. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "version.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
};

static const struct command commands[] = {
	{ "validate", cmd_validate },
	{ "render", cmd_render },
	{ "build", cmd_build },
	{ "preview", cmd_preview },
	{ "layouts", cmd_layouts },
	{ "check", cmd_check },
	{ "pack", cmd_pack },
	{ "template", cmd_template },
};

void commands_usage(FILE *out)
{
	fputs("usage: committee-pdf COMMAND [OPTIONS] ...\n"
	      "\n"
	      "commands:\n"
	      "  validate FILE...          check sources against the schema and rules\n"
	      "  render SOURCE [-o OUT]    typeset one paper to PDF\n"
	      "  build [-j N] [-o DIR] SOURCE|DIR...  render many papers in parallel\n"
	      "  preview SOURCE [-o DIR]   PNG images of the pages\n"
	      "  layouts                   list the house styles that can be found\n"
	      "  check FILE.pdf...         report failed PDF/UA-1 and PDF/A-2 rules\n"
	      "  pack MEETING [-o DIR]     a meeting's agenda and reports packs\n"
	      "  template assessment|performance -o FILE.xlsx  a workbook to fill in\n"
	      "\n"
	      "Run 'committee-pdf COMMAND --help' for a command's options.\n",
	      out);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		commands_usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		commands_usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("committee-pdf %s\n", COMMITTEE_PDF_VERSION);
		return 0;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "committee-pdf: unknown command '%s'\n", argv[1]);
	commands_usage(stderr);
	return 2;
}
