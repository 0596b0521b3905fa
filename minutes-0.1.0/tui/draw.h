/* draw.h - drawing helpers: every string reaches the screen through
 * the text engine, cluster by cluster, clipped to a width. */
#ifndef MINUTES_DRAW_H
#define MINUTES_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include "search.h"

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

/* Sets up colours (or not, with NO_COLOR or a monochrome terminal). */
void draw_init(bool color);

/* The query whose matches draw_text highlights (NULL: none). */
void draw_set_highlight(const struct search_query *q);

/* Draws bytes [off, off+len) of S at (y, x) in at most MAXW columns,
 * whole clusters only; matches of the highlight query inside S are drawn
 * in STYLE_MATCH.  Returns the columns used. */
int draw_text(int y, int x, int maxw, const char *s, size_t off, size_t len,
	      enum style st);
/* The same for a whole NUL-terminated string, truncated with "…". */
int draw_str(int y, int x, int maxw, const char *s, enum style st);
/* Fills W columns at (y, x) with spaces in style ST. */
void draw_fill(int y, int x, int w, enum style st);
/* Adds a style's attributes to cells already drawn (the cursor line). */
void draw_restyle(int y, int x, int w, enum style st);

/* Writes the screen as UTF-8 text, one line per row, trailing spaces
 * trimmed; with ATTRS, each row is followed by a row of attribute digits
 * (bit 1 reverse, 2 bold, 4 underline, 8 dim; '.' for none). */
bool draw_dump_screen(const char *path, bool attrs);

#endif
