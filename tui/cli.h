/* cli.h - the command-line modes (no curses). Each returns the exit
 * status: 0 success, 1 invalid input or nothing found, 2 error. */
#ifndef MINUTES_CLI_H
#define MINUTES_CLI_H

#include <stdarg.h>
#include <stdbool.h>

int cli_check(char *const *args, int nargs, bool verbose);
/* The same; STRICT: form warnings make the status 1 as errors do. */
int cli_check_strict(char *const *args, int nargs, bool verbose,
		     bool strict);
int cli_dump(char *const *args, int nargs, int width, const char *reviewer);
/* The review report (Markdown, or HTML when HTML) of FILE|DIR...: one
 * FILE alone, or an archive (several, or a DIR) with its summary. */
int cli_export_notes(char *const *args, int nargs, const char *reviewer,
		     bool html);
/* The biên bản of FILE as HTML on stdout. */
int cli_export_html(const char *path);
/* --merge-notes BASE OURS THEIRS (git's %O %A %B): 0 merged into OURS,
 * 1 a side is malformed (git then shows a conflict), 2 usage. */
int cli_merge_notes(char *const *args, int nargs);
/* A folder is searched through its index (index.h) unless USE_INDEX is
 * false (--no-index); the output is the same. */
int cli_search(const char *query, char *const *args, int nargs,
	       bool use_index);
/* --reindex DIR...: each folder's index made again from its files. */
int cli_reindex(char *const *args, int nargs);

/* "minutes: MESSAGE" on stderr, the message made terminal-safe like a
 * file name (it may quote a command-line argument or a line of a file:
 * ESC, C1 and bidi controls never reach the terminal). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_verror(const char *fmt, va_list ap)
	__attribute__((format(printf, 1, 0)));

#endif
