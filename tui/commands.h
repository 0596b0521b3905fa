/* commands.h - the : command line: :q, :goto ID, :help, :reload,
 * :attach ID, and :ACTION-NAME for any action of actions.def. */
#ifndef MINUTES_COMMANDS_H
#define MINUTES_COMMANDS_H

#include "ui.h"

/* Runs the command LINE (modified in place). */
void commands_run(struct ui *ui, char *line);

#endif
