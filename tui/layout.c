/* layout.c - where the panes go (see layout.h). */
#include <string.h>

#include "layout.h"

void
layout_compute(int cols, int rows, bool meeting, bool banner,
	       enum pane_id focus, struct layout *out)
{
	int top = 1 + (meeting && banner), h = rows - top - 1;

	memset(out, 0, sizeof(*out));
	out->body_top = top;
	if (!meeting) {
		out->visible[PANE_NAV] = true;
		out->panes[PANE_NAV] = (struct rect){ top, 0, h, cols };
		return;
	}
	if (cols >= 120) {
		int nav = cols * 22 / 100, rest = cols - nav - 2;
		int content = rest * 55 / 100;
		if (nav > 36)
			nav = 36, rest = cols - nav - 2, content = rest * 55 / 100;
		out->panes[PANE_NAV] = (struct rect){ top, 0, h, nav };
		out->panes[PANE_CONTENT] = (struct rect){ top, nav + 1, h, content };
		out->panes[PANE_DETAIL] = (struct rect){ top, nav + content + 2, h,
							 rest - content };
		out->visible[PANE_NAV] = out->visible[PANE_CONTENT] = true;
		out->visible[PANE_DETAIL] = true;
	} else if (cols >= 70) {
		enum pane_id a = focus == PANE_DETAIL ? PANE_CONTENT : PANE_NAV;
		enum pane_id b = a + 1;
		int aw = a == PANE_NAV ? cols * 30 / 100 : (cols - 1) / 2;
		out->panes[a] = (struct rect){ top, 0, h, aw };
		out->panes[b] = (struct rect){ top, aw + 1, h, cols - aw - 1 };
		out->visible[a] = out->visible[b] = true;
	} else {
		out->panes[focus] = (struct rect){ top, 0, h, cols };
		out->visible[focus] = true;
	}
}
