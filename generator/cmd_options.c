/* One way to read options for every command: getopt_long with its own
 * messages off, each problem said once in the program's words, and the
 * exit statuses of --help and usage errors decided here. */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "commands.h"
#include "paths.h"
#include "source.h"

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

int command_shared_option(const struct command_spec *cmd, int c,
			  const char *value)
{
	switch (c) {
	case COMMAND_OPT_ALLOW_DIR:
		return command_allow_dir(cmd, value);
	case COMMAND_OPT_MAX_SIZE:
		return command_max_size(cmd, value);
	case 'h':
		return command_help(cmd);
	default:
		return 2; /* reported by command_next_option */
	}
}

int command_jobs(const struct command_spec *cmd, const char *text, int *jobs)
{
	char *end;
	errno = 0;
	long n = strtol(text, &end, 10);
	if (errno || *end || end == text || n < 1 || n > COMMAND_MAX_JOBS)
		return command_usage_error(cmd, "-j wants a number from 1 to %d, not '%s'",
					   COMMAND_MAX_JOBS, text);
	*jobs = (int)n;
	return COMMAND_GO_ON;
}

int command_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > COMMAND_MAX_JOBS ? COMMAND_MAX_JOBS : (int)n;
}

int command_allow_dir(const struct command_spec *cmd, const char *dir)
{
	if (paths_allow_dir(dir) != 0)
		return command_usage_error(
			cmd, "--allow-dir needs a folder that exists: %s", dir);
	return COMMAND_GO_ON;
}

/* "64M", "1500K", "1G", "20000000": bytes, or 0 when it is not a size.
 * Units are powers of 1024 (K, M, G, also written KiB, MiB, GiB). */
static unsigned long long size_bytes(const char *text)
{
	if (!isdigit((unsigned char)text[0]))
		return 0;
	char *end;
	errno = 0;
	unsigned long long n = strtoull(text, &end, 10);
	if (errno)
		return 0;
	unsigned shift = 0;
	switch (toupper((unsigned char)*end)) {
	case 'K': shift = 10; break;
	case 'M': shift = 20; break;
	case 'G': shift = 30; break;
	case '\0': return n;
	default: return 0;
	}
	end++;
	if (*end && strcasecmp(end, "iB") != 0)
		return 0;
	if (n > (~0ull >> shift))
		return 0;
	return n << shift;
}

int command_max_size(const struct command_spec *cmd, const char *size)
{
	unsigned long long bytes = size_bytes(size);
	if (bytes < 1 || bytes > SOURCE_MAX_BYTES_CEILING)
		return command_usage_error(
			cmd, "--max-size wants a size from 1 byte to 1G, such as 64M, not '%s'",
			size);
	source_set_max_bytes((size_t)bytes);
	return COMMAND_GO_ON;
}
