/* layout.h - where the panes go: a pure function of the screen's size,
 * what is shown and the focus, unit-tested as text
 * (tests/unit/test_layout.c).  No curses. */
#ifndef MINUTES_LAYOUT_H
#define MINUTES_LAYOUT_H

#include <stdbool.h>

#include "browser.h"

#define LAYOUT_MIN_COLS 20
#define LAYOUT_MIN_ROWS 5

struct rect {
	int y, x, h, w;
};

struct layout {
	struct rect panes[PANE_COUNT]; /* each with its header row */
	bool visible[PANE_COUNT];
	int body_top;                  /* first row of the panes */
};

/* COLS x ROWS; MEETING: an open meeting (three columns, as many as fit:
 * all three from 120 columns, the focused one and its neighbour from
 * 70, the focused one below), else the meetings list or an error in
 * PANE_NAV's place; BANNER: the problems banner under the title. */
void layout_compute(int cols, int rows, bool meeting, bool banner,
		    enum pane_id focus, struct layout *out);

#endif
