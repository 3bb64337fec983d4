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

/* Shared usage text for --help and usage errors. */
void commands_usage(FILE *out);

#endif
