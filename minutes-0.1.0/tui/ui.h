/* ui.h - the curses browser. */
#ifndef MINUTES_UI_H
#define MINUTES_UI_H

#include <stdbool.h>

struct ui_options {
	const char *replay;      /* --replay KEYS: headless, keys from a file */
	const char *dump_screen; /* --dump-screen OUT */
	bool dump_attrs;         /* --dump-attrs: attribute rows too */
	bool replay_time;        /* --replay-time: the keys' time to stderr */
	bool mouse;              /* --mouse: clicks and the wheel */
	const char *reviewer;
};

/* Opens the browser on ARGS (files or directories; none: "."), returns
 * the exit status. */
int ui_main(char *const *args, int nargs, const struct ui_options *opt);

#endif
