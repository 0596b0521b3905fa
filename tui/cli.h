/* cli.h - the command-line modes (no curses). Each returns the exit
 * status: 0 success, 1 invalid input or nothing found, 2 error. */
#ifndef MINUTES_CLI_H
#define MINUTES_CLI_H

#include <stdbool.h>

int cli_check(char *const *args, int nargs, bool verbose);
int cli_dump(char *const *args, int nargs, int width, const char *reviewer);
int cli_export_notes(char *const *args, int nargs, const char *reviewer);
/* A folder is searched through its index (index.h) unless USE_INDEX is
 * false (--no-index); the output is the same. */
int cli_search(const char *query, char *const *args, int nargs,
	       bool use_index);
/* --reindex DIR...: each folder's index made again from its files. */
int cli_reindex(char *const *args, int nargs);

#endif
