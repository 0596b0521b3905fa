/* draw.h - drawing helpers: every string reaches the screen through
 * the text engine, cluster by cluster, clipped to a width. */
#ifndef MINUTES_DRAW_H
#define MINUTES_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include "layout.h"
#include "lines.h"
#include "search.h"
#include "style.h"

/* Sets up colours (or not, with NO_COLOR or a monochrome terminal). */
void draw_init(bool color);

/* Draws bytes [off, off+len) of S at (y, x) in at most MAXW columns,
 * whole clusters only.  Returns the columns used.  Nothing here knows
 * the search: a highlight comes with the text. */
int draw_text(int y, int x, int maxw, const char *s, size_t off, size_t len,
	      enum style st);
/* The same, the NHL byte ranges HL[2i]..HL[2i+1] of S (a search's
 * matches, lines.h) drawn in STYLE_MATCH. */
int draw_text_hl(int y, int x, int maxw, const char *s, size_t off,
		 size_t len, enum style st, const size_t *hl, size_t nhl);
/* The same for a whole NUL-terminated string, truncated with "…". */
int draw_str(int y, int x, int maxw, const char *s, enum style st);
/* ... with the matches of Q (NULL: none) highlighted. */
int draw_str_match(int y, int x, int maxw, const char *s, enum style st,
		   const struct search_query *q);
/* Fills W columns at (y, x) with spaces in style ST. */
void draw_fill(int y, int x, int w, enum style st);
/* Adds a style's attributes to cells already drawn (the cursor line). */
void draw_restyle(int y, int x, int w, enum style st);

/* Draws lines [skip, skip + r.h) of L into R, each cut at R's width. */
void draw_lines(struct lines *l, struct rect r, int skip);

/* Writes the screen as UTF-8 text, one line per row, trailing spaces
 * trimmed; with ATTRS, each row is followed by a row of attribute digits
 * (bit 1 reverse, 2 bold, 4 underline, 8 dim; '.' for none). */
bool draw_dump_screen(const char *path, bool attrs);

#endif
