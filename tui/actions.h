/* actions.h - every action of the browser, from the dispatch table
 * actions.def: the key bindings (of the browser and of the prompt), the
 * dispatch of a key or a name to its handler after its preconditions,
 * and the rows the help screen lists. */
#ifndef MINUTES_ACTIONS_H
#define MINUTES_ACTIONS_H

#include <stdbool.h>

#include "ui.h"

/* An action's NEEDS (actions.def), checked in this order. */
enum {
	NEED_MEETING = 1 << 0, /* an open meeting (else nothing happens) */
	NEED_LOADED = 1 << 1,  /* not the error screen (else nothing) */
	NEED_NOTES = 1 << 2,   /* a writable notes store (else said why) */
	NEED_TARGET = 1 << 3,  /* something a note can be about (said) */
	NEED_NOTE = 1 << 4,    /* a selected note (said) */
	NEED_OWN = 1 << 5,     /* ... of this reviewer (said) */
	IN_PROMPT = 1 << 6,    /* a key of the line being typed only */
	ALSO_IN_PROMPT = 1 << 7, /* a key of the browser and of the line */
};

enum action {
#define ACTION(id, name, keys, handler, needs, help) ACT_##id,
#include "actions.def"
#undef ACTION
	ACT_COUNT
};

/* the handlers, one declaration per row */
#define ACTION(id, name, keys, handler, needs, help) \
	void handler(struct ui *ui, enum action a);
#include "actions.def"
#undef ACTION

void actions_init(void);
/* The action bound to KEY in the browser (PROMPT false) or in the line
 * being typed (true), or -1. */
int actions_for_key(int key, bool prompt);
/* The browser action named NAME ("page-down"; not a LINE_* row), or
 * -1. */
int actions_by_name(const char *name);
/* Whether the preconditions NEEDS hold (saying why not, when it is
 * worth saying). */
bool actions_check(struct ui *ui, unsigned needs);
/* Runs action A if its preconditions hold (saying why not, when the
 * row says so). */
void actions_run(struct ui *ui, enum action a);
/* The help screen's rows: keys and what they do. */
int actions_help_count(void);
void actions_help_row(int i, const char **keys, const char **help);

#endif
