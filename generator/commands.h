/* One function per subcommand; main.c only dispatches. Each returns the
 * process exit status: 0 ok, 1 invalid input or failed output, 2 usage. */
#ifndef COMMANDS_H
#define COMMANDS_H

#include <stdio.h>

int cmd_validate(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_preview(int argc, char **argv);
int cmd_layouts(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_pack(int argc, char **argv);
int cmd_template(int argc, char **argv);

/* Shared usage text for --help and usage errors. */
void commands_usage(FILE *out);

/* ---- reading a command's options, the same way for every command
 * (cmd_options.c) ---- */

/* A command as its options and messages name it. */
struct command_spec {
	const char *name;          /* "render" */
	void (*usage)(FILE *out);  /* its --help text */
};

/* What parsing decided: carry on, or leave with this exit status (0 after
 * --help, 2 after a usage error, already reported). */
#define COMMAND_GO_ON (-1)

struct option;

/* getopt_long over argv for cmd (set optind = 1 before the first call),
 * with its errors reported here: returns the next option as getopt_long does, -1 at the end, and
 * '?' for an unknown option or a missing value after reporting it (the
 * caller returns command_usage_error's 2). Stops at the first operand when
 * shortopts begins with '+'. */
int command_next_option(const struct command_spec *cmd, int argc,
			char **argv, const char *shortopts,
			const struct option *longopts);

/* "committee-pdf CMD: MESSAGE" and where to find the usage, on standard
 * error; returns 2, the usage exit status. */
int command_usage_error(const struct command_spec *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* --help: the usage on standard output; returns 0. */
int command_help(const struct command_spec *cmd);

/* The options every command that reads sources takes, with one meaning
 * everywhere: --allow-dir DIR, --max-size SIZE and --help. A command puts
 * COMMAND_SHARED_OPTIONS at the end of its long options (before the
 * terminating entry) and hands every option its own switch does not take to
 * command_shared_option. */
enum { COMMAND_OPT_ALLOW_DIR = 1000, COMMAND_OPT_MAX_SIZE };
#define COMMAND_SHARED_OPTIONS                                                 \
	{ "allow-dir", required_argument, NULL, COMMAND_OPT_ALLOW_DIR },       \
	{ "max-size", required_argument, NULL, COMMAND_OPT_MAX_SIZE },         \
	{ "help", no_argument, NULL, 'h' }

/* Option c (its value in value) as a shared one: COMMAND_GO_ON once taken,
 * 0 after --help, 2 after a usage error or for an option that is not one
 * (which command_next_option has reported). */
int command_shared_option(const struct command_spec *cmd, int c,
			  const char *value);

/* -j N for the commands with worker processes: sets *jobs and returns
 * COMMAND_GO_ON, or 2 after a usage error when text is not a number from
 * 1 to COMMAND_MAX_JOBS. Their default is command_default_jobs(), the
 * online cores. */
#define COMMAND_MAX_JOBS 1024
int command_jobs(const struct command_spec *cmd, const char *text, int *jobs);
int command_default_jobs(void);

/* --allow-dir DIR, which every command that reads sources takes:
 * COMMAND_GO_ON, or 2 after a usage error when DIR is not a folder. */
int command_allow_dir(const struct command_spec *cmd, const char *dir);

/* --max-size SIZE (64M, 1500K, 1G or bytes), which every command that
 * reads sources takes: sets source_max_bytes() and returns COMMAND_GO_ON,
 * or 2 after a usage error when SIZE is not a size from 1 byte to 1G. */
int command_max_size(const struct command_spec *cmd, const char *size);

#endif
