/* report.h - the command-line modes' output: --dump, --check
 * (no curses; everything written goes through the text engine). */
#ifndef MINUTES_REPORT_H
#define MINUTES_REPORT_H

#include <stdbool.h>
#include <stdio.h>
#include "model.h"

struct notes_store;

/* Prints the minutes as plain text, wrapped at WIDTH columns (0: no
 * wrapping), with the reviewers' notes (NOTES may be NULL) under their
 * elements. */
void report_dump(FILE *out, const struct minutes *m, int width,
		 const struct notes_store *notes);

/* Prints each problem as "FILE:LINE:COL: error: msg" (": warning: " for
 * a form warning). */
void report_problems(FILE *out, const struct minutes *m);

#endif
