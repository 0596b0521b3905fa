/* meetings.h - the meetings list of an archive (the curses-free
 * middle): its rows sorted (date, title, status, open notes) and
 * filtered (status, only those with open notes, a text), each meeting's
 * open notes and review state, and the "Open notes" row that lists every
 * open note of the archive (meeting, element, reviewer, age) and goes to
 * the one chosen.  The rows are b->list_order[0 .. meetings_rows), the
 * Open notes row after them.  Unit-tested in tests/unit/test_browser_v2.c.
 * No curses. */
#ifndef MINUTES_MEETINGS_H
#define MINUTES_MEETINGS_H

#include <stdbool.h>

#include "browser.h"

/* The meetings shown (sorted and filtered again when the notes, the
 * order or a filter changed). */
int meetings_rows(struct browser *b);
/* The rows of the list: the meetings shown, and the Open notes row when
 * the archive has open notes. */
int meetings_count(struct browser *b);
/* The document of row R, NULL for the Open notes row. */
struct doc *meetings_doc(struct browser *b, int r);
/* Open notes of D (notes that answer none), its review state in words
 * ("" without notes; malloc'd). */
size_t meetings_open(const struct doc *d);
char *meetings_review(const struct doc *d);

/* The keys of the list: the next order, the next status shown, only
 * meetings with open notes or all, a text (NULL or "": none). */
void meetings_next_sort(struct browser *b);
void meetings_next_status(struct browser *b);
void meetings_toggle_open(struct browser *b);
void meetings_set_text(struct browser *b, const char *text);
/* "sorted by date · only with open notes · final · “text”" into BUF. */
const char *meetings_describe(const struct browser *b, char *buf, size_t size);
/* The column the list is sorted by: 0 date, 1 title, 2 status, 3 open. */
int meetings_sort_column(const struct browser *b);

void meetings_free(struct browser *b);

/* Enter on the list: on the Open notes row, lists every open note; on
 * one of those, opens its meeting at it (the note selected).  False when
 * the row is a meeting (the caller opens it). */
bool meetings_enter(struct browser *b);
/* Back from the open notes to the meetings: true when it was there. */
bool meetings_back(struct browser *b);
/* Open note I of the listing: its document and note (NULL: gone). */
const struct note *meetings_open_note(struct browser *b, int i,
				      struct doc **d);

#endif
