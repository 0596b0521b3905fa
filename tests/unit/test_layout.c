/* test_layout.c - where the panes go, as text: the layout is a pure
 * function of the size, what is shown and the focus. */
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "tap.h"

/* "nav 1,0 38x26 | content ..." for the visible panes */
static const char *
show(int cols, int rows, bool meeting, bool banner, enum pane_id focus)
{
	static const char *const names[PANE_COUNT] = { "nav", "content", "detail" };
	static char buf[256];
	struct layout l;
	size_t n = 0;

	layout_compute(cols, rows, meeting, banner, focus, &l);
	buf[0] = '\0';
	n += (size_t)snprintf(buf, sizeof(buf), "top %d:", l.body_top);
	for (int p = 0; p < PANE_COUNT; p++)
		if (l.visible[p])
			n += (size_t)snprintf(buf + n, sizeof(buf) - n, " %s %d,%d %dx%d",
					      names[p], l.panes[p].y, l.panes[p].x,
					      l.panes[p].w, l.panes[p].h);
	return buf;
}

int
main(void)
{
	IS_STR(show(80, 24, false, false, PANE_NAV), "top 1: nav 1,0 80x22",
	       "the meetings list: the whole body");
	IS_STR(show(80, 24, false, true, PANE_NAV), "top 1: nav 1,0 80x22",
	       "no banner without a meeting");
	IS_STR(show(120, 40, true, false, PANE_NAV),
	       "top 1: nav 1,0 26x38 content 1,27 50x38 detail 1,78 42x38",
	       "120 columns: three panes");
	IS_STR(show(200, 50, true, true, PANE_CONTENT),
	       "top 2: nav 2,0 36x47 content 2,37 89x47 detail 2,127 73x47",
	       "wide: the navigator stops at 36 columns; the banner takes a row");
	IS_STR(show(100, 30, true, false, PANE_NAV),
	       "top 1: nav 1,0 30x28 content 1,31 69x28",
	       "100 columns: the navigator and the content");
	IS_STR(show(100, 30, true, false, PANE_CONTENT),
	       "top 1: nav 1,0 30x28 content 1,31 69x28",
	       "... with the focus on the content too");
	IS_STR(show(100, 30, true, false, PANE_DETAIL),
	       "top 1: content 1,0 49x28 detail 1,50 50x28",
	       "... the detail focused: the content and the detail, halves");
	IS_STR(show(69, 20, true, false, PANE_CONTENT),
	       "top 1: content 1,0 69x18", "69 columns: the focused pane alone");
	IS_STR(show(40, 12, true, true, PANE_DETAIL),
	       "top 2: detail 2,0 40x9", "narrow, with the banner");
	struct layout l;
	layout_compute(19, 4, true, false, PANE_NAV, &l);
	IS_INT(l.panes[PANE_NAV].h, 2, "below the minimum, the panes still add up (the caller draws 'too small')");
	return tap_done();
}
