/* style.h - what a piece of the screen is (a title, a label, a met
 * figure ...), named without curses: the middle lays lines out in these
 * styles and draw.c alone turns them into attributes and colours. */
#ifndef MINUTES_STYLE_H
#define MINUTES_STYLE_H

enum style {
	STYLE_NORMAL,
	STYLE_TITLE,     /* the title line */
	STYLE_DRAFT,     /* the DRAFT mark */
	STYLE_BANNER,    /* the problems banner */
	STYLE_HEADER,    /* a pane's header */
	STYLE_HEADER_FOCUS,
	STYLE_SELECTED,  /* the cursor in the focused pane */
	STYLE_SELECTED_DIM, /* the cursor in another pane */
	STYLE_DIM,
	STYLE_LABEL,
	STYLE_ACHIEVEMENTS,
	STYLE_LIMITATIONS,
	STYLE_TARGETS,
	STYLE_MET,
	STYLE_MISSED,
	STYLE_ERROR,
	STYLE_STATUS,
	STYLE_MATCH,
	STYLE_NOTE,      /* notes markers and headers */
	STYLE_COUNT
};

#endif
