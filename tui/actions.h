/* actions.h - every action of the browser, from actions.def: the key
 * bindings, the dispatch of a key or a name to its handler, and the
 * rows the help screen lists. */
#ifndef MINUTES_ACTIONS_H
#define MINUTES_ACTIONS_H

#include "ui.h"

enum action {
#define ACTION(id, name, keys, help) ACT_##id,
#include "actions.def"
#undef ACTION
	ACT_COUNT
};

void actions_init(void);
/* The action bound to KEY, or -1. */
int actions_for_key(int key);
/* Runs action A. */
void actions_run(struct ui *ui, enum action a);
/* The help screen's rows: keys and what they do. */
int actions_help_count(void);
void actions_help_row(int i, const char **keys, const char **help);

#endif
