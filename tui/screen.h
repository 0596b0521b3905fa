/* screen.h - the whole screen drawn from the state: one explicit
 * screen state (too small, help, error, meetings list, meeting), a draw
 * function each, the title bar, the problems banner, the status line or
 * the prompt, and the damage tracking that leaves unchanged panes as
 * they are. */
#ifndef MINUTES_SCREEN_H
#define MINUTES_SCREEN_H

#include "ui.h"

enum screen_state screen_state(const struct ui *ui);
/* Draws the screen for the state (curses' virtual screen; the caller
 * refreshes); what is unchanged since the last draw is left as it is. */
void draw_screen(struct ui *ui);
/* Forgets what was drawn (ui->memo). */
void screen_free(struct ui *ui);

#endif
