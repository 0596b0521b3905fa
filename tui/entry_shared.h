/* entry_shared.h - what the navigator's entry kinds (entry_*.c, see
 * entries.h) share, below them all.  No curses. */
#ifndef MINUTES_ENTRY_SHARED_H
#define MINUTES_ENTRY_SHARED_H

#include <stdbool.h>

#include "entries.h"

/* For kinds whose records are no elements of the minutes (problems,
 * orphaned notes): no element to put a note on (target), none for
 * :goto to find (locate). */
const char *entry_no_target(struct browser *b, const struct entry *e, int cur);
bool entry_no_locate(struct browser *b, int entry, int kind, int sec, int item);
/* Whether the text T (NULL or "" never) matches the browser's search. */
bool entry_text_matches(struct browser *b, const char *t);

#endif
