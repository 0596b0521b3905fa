/* lines.h - laid-out lines: what a pane shows, as text spans with a
 * lead, an indent and a style, built by the middle (entries, wording)
 * and drawn by draw_lines.  Strings made for the lines (a count, a
 * figure) are owned by them and freed when they are laid out again.
 * No curses here. */
#ifndef MINUTES_LINES_H
#define MINUTES_LINES_H

#include <stddef.h>
#include <stdint.h>

#include "style.h"
#include "text.h"

struct line {
	const char *lead; /* drawn first (a number, a label), or NULL */
	enum style lead_st;
	int indent;       /* the text starts at this column */
	const char *s;    /* the text (a model string or an owned one) */
	uint32_t off, len;
	enum style st;
};

struct lines {
	struct line *v;
	int n, cap;
	char **owned;     /* strings freed at the next lines_reset */
	int nowned, owned_cap;
};

/* Empties L (its owned strings are freed). */
void lines_reset(struct lines *l);
void lines_free(struct lines *l);
/* Takes S (malloc'd) for as long as the lines are kept; returns it. */
const char *lines_own(struct lines *l, char *s);
/* lines_own of a formatted string */
const char *lines_printf(struct lines *l, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

void lines_add(struct lines *l, const char *lead, enum style lead_st,
	       int indent, const char *s, uint32_t off, uint32_t len,
	       enum style st);
/* a blank line */
void lines_blank(struct lines *l);
/* TEXT wrapped into WIDTH - INDENT columns; LEAD on the first line. */
void lines_wrap(struct lines *l, const char *lead, enum style lead_st,
		int indent, const char *text, int width, enum style st);
/* The same for a string of the model (it outlives the lines), through
 * the wrap cache. */
void lines_wrap_cached(struct lines *l, const char *lead, enum style lead_st,
		       int indent, const char *text, int width, enum style st);

/* The wrap cache: lines of a model string TEXT at WIDTH, kept across
 * keystrokes (keyed by the string's address: clear it when the model
 * it points into is freed). */
size_t wrap_lines(const char *text, int width, const struct text_line **out);
void wrap_cache_clear(void);

#endif
