/* prompt.h - the line typed at the bottom: a search, a command, a note,
 * or a yes/no question.  The prompt edits the line; what was typed is
 * handed back to the caller (ui.c), which gives it to the search, the
 * commands or the notes. */
#ifndef MINUTES_PROMPT_H
#define MINUTES_PROMPT_H

#include "ui.h"

/* What a key did to the prompt. */
enum prompt_result {
	PROMPT_GOES_ON,   /* still typing */
	PROMPT_ENTERED,   /* Enter: the line is in ui->edit */
	PROMPT_ESCAPED,   /* Esc or C-g */
	PROMPT_CLOSED,    /* backspace on an empty search or command */
	PROMPT_YES,       /* the question's answer */
	PROMPT_NO,
};

void prompt_open(struct ui *ui, enum prompt_mode mode, const char *text,
		 enum notes_kind kind);
void prompt_ask(struct ui *ui, enum question q, const char *question);
/* KEY in the prompt; *WAS is the mode it was in (the prompt is closed
 * by any result but PROMPT_GOES_ON). */
enum prompt_result prompt_key(struct ui *ui, int key, enum prompt_mode *was);
/* The prompt on row Y, the terminal cursor put in it. */
void prompt_draw(struct ui *ui, int y);

#endif
