/* prompt.h - the line typed at the bottom: a search, a command, a note,
 * or a yes/no question.  Its editing keys are rows of actions.def
 * (LINE_*; their handlers prompt_act_* are declared by actions.h); what
 * was typed is left in ui->prompt_result for the caller (ui.c), which
 * gives it to the search, the commands or the notes. */
#ifndef MINUTES_PROMPT_H
#define MINUTES_PROMPT_H

#include "ui.h"

void prompt_open(struct ui *ui, enum prompt_mode mode, const char *text,
		 enum notes_kind kind);
void prompt_ask(struct ui *ui, enum question q, const char *question);
/* A key with no row in the line: typed in (when it is a character). */
void prompt_insert(struct ui *ui, int key);
/* Any key answers the question: y or Y is yes. */
void prompt_answer(struct ui *ui, int key);
/* The prompt on row Y, the terminal cursor put in it. */
void prompt_draw(struct ui *ui, int y);

#endif
