/* complete.h - Tab at the end of the command line: the command's name
 * (a built-in, or an action's from actions.def), or the id after goto
 * and attach (the meeting, attendees, sections, items), completed as far
 * as the names that fit agree; a whole command gets its space.  No
 * curses. */
#ifndef MINUTES_COMPLETE_H
#define MINUTES_COMPLETE_H

#include "browser.h"
#include "lineedit.h"

void complete_command(const struct browser *b, struct lineedit *e);

#endif
