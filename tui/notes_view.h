/* notes_view.h - the reviewers' notes as laid-out lines: the list under
 * an element in the detail pane (the selected one marked), and the
 * "✎ 2 open · 3 notes" marker under a record.  No curses. */
#ifndef MINUTES_NOTES_VIEW_H
#define MINUTES_NOTES_VIEW_H

#include "browser.h"
#include "lines.h"

/* The notes about element ID at WIDTH; the selected note (b->note_sel
 * of b->note_target, see navigate_sync_note) is marked and its line
 * kept in b->note_line. */
void notes_view_lines(struct browser *b, struct lines *l, const char *id,
		      int width);
/* The marker under a record, cut to WIDTH - INDENT. */
void notes_view_marker(struct browser *b, struct lines *l, const char *id,
		       int indent, int width);

#endif
