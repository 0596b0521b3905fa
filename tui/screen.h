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
/* The help screen's lines at the screen's width, the lines a page of
 * it shows, and a scroll by DELTA lines that stops at its ends. */
int screen_help_lines(struct ui *ui);
int screen_help_page(const struct ui *ui);
void screen_help_scroll(struct ui *ui, int delta);
/* Forgets what was drawn (ui->memo). */
void screen_free(struct ui *ui);

#endif
