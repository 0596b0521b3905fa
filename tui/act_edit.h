/* act_edit.h - v (the minutes in $VISUAL or $EDITOR at the selected
 * element's line, then reloaded) and y/Y (a copy to the terminal's
 * clipboard with OSC 52).  The handlers of their rows of actions.def are
 * declared by actions.h; what lies below the screen is doc_edit.h. */
#ifndef MINUTES_ACT_EDIT_H
#define MINUTES_ACT_EDIT_H

#include <stdbool.h>

#include "ui.h"

/* The editor EDITOR ran on D's file (OK: it exited with status 0): D
 * is read again when it changed, and the status line says what
 * happened. */
void act_edit_file_done(struct ui *ui, struct doc *d, const char *editor,
			bool ok);

#endif
