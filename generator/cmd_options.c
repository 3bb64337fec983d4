/* One way to read options for every command: getopt_long with its own
 * messages off, each problem said once in the program's words, and the
 * exit statuses of --help and usage errors decided here. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "paths.h"

int command_next_option(const struct command_spec *cmd, int argc,
			char **argv, const char *shortopts,
			const struct option *longopts)
{
	/* A leading ':' (after a '+') makes getopt_long tell a missing value
	 * (':') from an unknown option ('?'). */
	char spec[64];
	int permute = shortopts[0] != '+';
	snprintf(spec, sizeof spec, "%s:%s", permute ? "" : "+",
		 shortopts + !permute);
	opterr = 0;
	int c = getopt_long(argc, argv, spec, longopts, NULL);
	const char *word = optind > 0 && optind <= argc ? argv[optind - 1] : "";
	if (c == ':') {
		if (optopt > 0 && optopt < 128 && strncmp(word, "--", 2) != 0)
			command_usage_error(cmd, "-%c needs a value", optopt);
		else
			command_usage_error(cmd, "%s needs a value", word);
		c = '?';
	} else if (c == '?') {
		if (optopt > 0 && optopt < 128)
			command_usage_error(cmd, "unknown option '-%c'", optopt);
		else
			command_usage_error(cmd, "unknown option '%s'", word);
	}
	return c;
}

int command_usage_error(const struct command_spec *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "committee-pdf %s: ", cmd->name);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nRun 'committee-pdf %s --help' for usage.\n", cmd->name);
	return 2;
}

int command_help(const struct command_spec *cmd)
{
	cmd->usage(stdout);
	return 0;
}

int command_allow_dir(const struct command_spec *cmd, const char *dir)
{
	if (paths_allow_dir(dir) != 0)
		return command_usage_error(
			cmd, "--allow-dir needs a folder that exists: %s", dir);
	return COMMAND_GO_ON;
}
