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
/* :goto N or N.M: section N (in document order, from 1), item M of it;
 * false when ARG is not written so (it is then an id). */
bool navigate_goto_position(struct browser *b, const char *arg);

/* A new query from TEXT ("" keeps the last one); false (said) when
 * there is nothing to search for. */
bool navigate_search_set(struct browser *b, const char *text, bool back);
/* The next match in the search's direction (REVERSE: the other way),
 * from the cursor, wrapping around once (said when it does). */
void navigate_search_next(struct browser *b, bool reverse);

/* The next (DIR 1) or previous (-1) item with an open note, in the
 * navigator's order, wrapping around. */
void navigate_jump_open(struct browser *b, int dir);

/* Reading on, as a pager does: the first record of the next section
 * (DIR 1) or of the previous one (-1) with records to show, the
 * navigator following; ONLY_AT_END: only when the content cursor is on
 * the selected section's last record.  False (nothing moved) when it is
 * not a section, or there is no such section (said when SAY). */
bool navigate_section_step(struct browser *b, int dir, bool only_at_end,
			   bool say);

/* Enter on a problem: the element it is about (the last one starting at
 * or before its line), selected as :goto does.  False when the selected
 * record is no problem; said when no element is there. */
bool navigate_problem_element(struct browser *b);

void navigate_toggle_filter(struct browser *b);
void navigate_toggle_sort(struct browser *b);
/* the Problems entry, or a message that there are none */
void navigate_problems(struct browser *b);

/* What a search says: it went round the end (BACK: the start), or
 * found nothing. */
void navigate_say_wrapped(struct browser *b, bool back);
void navigate_say_not_found(struct browser *b);

#endif
