/* cli.h - the command-line modes (no curses). Each returns the exit
 * status: 0 success, 1 invalid input or nothing found, 2 error. */
#ifndef MINUTES_CLI_H
#define MINUTES_CLI_H

#include <stdbool.h>

int cli_check(char *const *args, int nargs, bool verbose);
/* The same; STRICT: form warnings make the status 1 as errors do. */
int cli_check_strict(char *const *args, int nargs, bool verbose,
		     bool strict);
int cli_dump(char *const *args, int nargs, int width, const char *reviewer);
int cli_export_notes(char *const *args, int nargs, const char *reviewer);
int cli_search(const char *query, char *const *args, int nargs);

#endif
