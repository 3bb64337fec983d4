/* committee-pdf validate [--help] FILE...: check sources against the schema
 * and the rules, print every problem of every file as FILE:LINE:COL: level:
 * message (in file order, then by position), then a count line. Exit 0 when
 * every file is valid, 1 when any has an error, 2 on a usage error. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "diag.h"
#include "meeting.h"
#include "source.h"
#include "validate_paper.h"

static void validate_usage(FILE *out)
{
	fputs("usage: committee-pdf validate [--allow-dir DIR]... [--max-size SIZE]\n"
	      "                              [--help] FILE...\n"
	      "\n"
	      "Checks committee paper sources against the schema and the rules a\n"
	      "schema cannot say (ratings in their scale, references that resolve),\n"
	      "and a quarterly report against the previous quarter its\n"
	      "previous-source names, as render does. A meeting file (root\n"
	      "<meeting>) is checked with every paper it names.\n"
	      "Prints every problem as FILE:LINE:COL: error: MESSAGE, then a count.\n"
	      "FILE '-' reads standard input.\n"
	      "\n"
	      "  --allow-dir DIR  files a source names (previous-source=) may also lie\n"
	      "                   in DIR, not only in its folder; repeatable\n"
	      "  --max-size SIZE  read sources up to SIZE (such as 64M; default 16M)\n"
	      "  -h, --help       show this help\n"
	      "\n"
	      "Exit status: 0 all valid, 1 a file has errors, 2 usage error.\n",
	      out);
}

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static const struct command_spec validate_command = { "validate", validate_usage };

int cmd_validate(int argc, char **argv)
{
	static const struct option options[] = {
		COMMAND_SHARED_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	const struct command_spec *cmd = &validate_command;
	optind = 1;
	int c, rc;
	while ((c = command_next_option(cmd, argc, argv, "+h", options)) != -1) {
		if ((rc = command_shared_option(cmd, c, optarg)) != COMMAND_GO_ON)
			return rc;
	}
	if (optind >= argc)
		return command_usage_error(cmd, "no FILE given");
	size_t errors = 0, warnings = 0;
	for (int i = optind; i < argc; i++) {
		struct diag_list diags = { 0 };
		if (strcmp(argv[i], "-") != 0 && meeting_is_meeting_file(argv[i])) {
			meeting_validate(argv[i], &diags);
			goto report;
		}
		struct source_doc *doc = source_load(argv[i], &diags);
		if (doc)
			validate_paper(doc, argv[i], &diags);
		source_free(doc);
	report:
		diag_sort(&diags);
		diag_print(&diags, stderr);
		errors += diag_count(&diags, DIAG_ERROR);
		warnings += diag_count(&diags, DIAG_WARNING);
		diag_list_free(&diags);
	}
	fprintf(stderr, "%zu %s, %zu %s\n", errors, plural(errors, "error", "errors"),
		warnings, plural(warnings, "warning", "warnings"));
	return errors ? 1 : 0;
}
