/* notes_view.h - the reviewers' notes as laid-out lines: the list under
 * an element in the detail pane (the selected one marked), and the
 * "✎ 2 open · 3 notes" marker under a record.  No curses. */
#ifndef MINUTES_NOTES_VIEW_H
#define MINUTES_NOTES_VIEW_H

#include "browser.h"
#include "lines.h"

/* The notes about element ID in the order they are shown: each note
 * that answers none (or whose note is not among them), open first,
 * followed by its answers in time order (and theirs), indented a level
 * each (*DEPTH, 0 for the notes answered).  The count; *OUT and *DEPTH
 * are malloc'd (NULL when none; DEPTH may be NULL).  J and K select in
 * this order. */
size_t notes_view_thread(const struct notes_store *ns, const char *id,
			 const struct note ***out, int **depth);

/* The notes about element ID at WIDTH; the selected note (b->note_sel
 * of b->note_target, see navigate_sync_note) is marked and its line
 * kept in b->note_line. */
void notes_view_lines(struct browser *b, struct lines *l, const char *id,
		      int width);
/* Notes with an answer on the meeting (WHERE 0), the attendees (1) or
 * in section S (2 + S, its items too). */
size_t notes_view_answered(struct browser *b, int where);

/* The review state of the current document for the title line ("open
 * (3 open)", "ready to sign (by lan)"; "" while there are no notes),
 * made once per change of the notes (b->notes_gen). */
const char *notes_view_review(struct browser *b);

/* The marker under a record, cut to WIDTH - INDENT. */
void notes_view_marker(struct browser *b, struct lines *l, const char *id,
		       int indent, int width);

/* The file handed to $EDITOR for a note: TEXT (the note's, or empty
 * for a new one) with its final newline, so that a line added at its
 * end is a line of its own; then, as git's commit template has, a cut
 * line and a comment block (ABOUT: what the note is attached to;
 * QUOTE: the element's text, NULL: none; each line behind "# ").
 * malloc'd. */
char *notes_view_template(const char *text, const char *about,
			  const char *quote);
/* What the editor left, in place: the note above the cut line, and any
 * line below it that is not a comment (added at the file's end: nothing
 * typed is lost), without the final line ends.  Without a cut line the
 * whole text. */
void notes_view_untemplate(char *text);

#endif
