/* committee-pdf check [--help] FILE.pdf...: report every failed rule of
 * PDF/UA-1 and PDF/A-2 that a program can decide, for any PDF, then a
 * count. Exit 0 when every rule holds in every file, 1 when any fails or a
 * file cannot be read, 2 on a usage error. */
#include <getopt.h>
#include <stdio.h>

#include "check.h"
#include "commands.h"

static void check_usage(FILE *out)
{
	fputs("usage: committee-pdf check [--quiet] [--help] FILE.pdf...\n"
	      "\n"
	      "Checks PDFs from any program against the rules of PDF/UA-1\n"
	      "(accessible PDF) and PDF/A-2 level A (archival PDF) that a program\n"
	      "can decide: language, title, metadata and identification, tags on\n"
	      "all content (artifacts for headers, footers and decoration),\n"
	      "figure and formula alternative text, table header scope and equal\n"
	      "rows, heading levels, link descriptions and tags, tab order, fonts\n"
	      "embedded and mapped to Unicode, no encryption, an output intent.\n"
	      "Prints each failure as FILE: page N: RULE (CHECKPOINT): MESSAGE\n"
	      "(no page part for rules about the whole document), where RULE is\n"
	      "veraPDF's rule id and CHECKPOINT the Matterhorn Protocol failure\n"
	      "condition, then a count, then what a person must still review.\n"
	      "\n"
	      "  -q, --quiet  no closing note on what a person must review\n"
	      "  -h, --help   show this help\n"
	      "\n"
	      "Exit status: 0 every rule holds, 1 a rule fails or a file cannot\n"
	      "be read, 2 usage error.\n",
	      out);
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static const struct command_spec check_command = { "check", check_usage };

int cmd_check(int argc, char **argv)
{
	static const struct option options[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "quiet", no_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 },
	};
	const struct command_spec *cmd = &check_command;
	optind = 1;
	int c, quiet = 0;
	while ((c = command_next_option(cmd, argc, argv, "+hq", options)) != -1) {
		switch (c) {
		case 'h':
			return command_help(cmd);
		case 'q':
			quiet = 1;
			break;
		default:
			return 2;
		}
	}
	if (optind >= argc)
		return command_usage_error(cmd, "no FILE given");
	size_t failures = 0, unreadable = 0, files = 0;
	for (int i = optind; i < argc; i++, files++) {
		int damaged;
		failures += check_file_print(argv[i], stdout, &damaged);
		unreadable += damaged;
	}
	printf("%zu %s in %zu %s", failures, plural(failures, "failure", "failures"),
	       files, plural(files, "file", "files"));
	if (unreadable)
		printf(", %zu %s could not be read whole", unreadable,
		       plural(unreadable, "file", "files"));
	printf("\n");
	if (!quiet)
		printf("%s\n", check_undecided_text);
	if (fflush(stdout) != 0)
		return 1;
	return failures || unreadable ? 1 : 0;
}
