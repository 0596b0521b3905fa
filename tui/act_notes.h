/* act_notes.h - the reviewers' notes in the browser: adding (in the
 * prompt or in $EDITOR), editing, changing the kind, resolving,
 * deleting, selecting, :attach, and what the notes store answered.
 * The handlers of the notes rows of actions.def are declared by
 * actions.h. */
#ifndef MINUTES_ACT_NOTES_H
#define MINUTES_ACT_NOTES_H

#include <stdbool.h>

#include "ui.h"

/* The note prompt closed: SAVE (Enter) or not (Esc, which asks before
 * throwing typed text away). */
void act_notes_prompt_done(struct ui *ui, bool save);
/* The answer to a question the notes asked. */
void act_notes_answer(struct ui *ui, bool yes);
/* What $EDITOR gave back (NULL: nothing, said already). */
void act_notes_editor_done(struct ui *ui, char *text);
/* :attach ID (the notes store checked writable first) */
void act_notes_attach(struct ui *ui, const char *id);

#endif
