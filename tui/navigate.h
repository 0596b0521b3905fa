/* navigate.h - moving through the browser model: cursors kept inside
 * their lists, what is selected (the element a note is about, the
 * selected note), :goto ID, searching forward and back with wrap-around,
 * the next and previous item with an open note, the filter and the
 * attendees' order.  Unit-tested without a terminal
 * (tests/unit/test_browser.c).  No curses. */
#ifndef MINUTES_NAVIGATE_H
#define MINUTES_NAVIGATE_H

#include <stdbool.h>

#include "browser.h"

/* Every cursor inside its list, whatever the screen shows. */
void navigate_clamp(struct browser *b);
/* the records of the navigator's E-th entry */
int navigate_records(struct browser *b, int e);

/* The id of the selected element (what a new note is about), or NULL. */
const char *navigate_target(struct browser *b);
/* The selected note (of the target, or the selected orphaned note),
 * b->note_target and b->note_sel made to follow the selection; NULL. */
const struct note *navigate_sync_note(struct browser *b);

/* :goto ID: selects the element, or says it is not there. */
void navigate_goto_id(struct browser *b, const char *id);

/* A new query from TEXT ("" keeps the last one); false (said) when
 * there is nothing to search for. */
bool navigate_search_set(struct browser *b, const char *text, bool back);
/* The next match in the search's direction (REVERSE: the other way),
 * from the cursor, wrapping around once (said when it does). */
void navigate_search_next(struct browser *b, bool reverse);

/* The next (DIR 1) or previous (-1) item with an open note, in the
 * navigator's order, wrapping around. */
void navigate_jump_open(struct browser *b, int dir);

void navigate_toggle_filter(struct browser *b);
void navigate_toggle_sort(struct browser *b);
/* the Problems entry, or a message that there are none */
void navigate_problems(struct browser *b);

#endif
