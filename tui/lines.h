/* lines.h - laid-out lines: what a pane shows, as text spans with a
 * lead, an indent and a style, built by the middle (entries, wording)
 * and drawn by draw_lines.  Strings made for the lines (a count, a
 * figure) are owned by them and freed when they are laid out again.
 * No curses here. */
#ifndef MINUTES_LINES_H
#define MINUTES_LINES_H

#include <stddef.h>
#include <stdint.h>

#include "search.h"
#include "style.h"
#include "text.h"

/* Where a query matches a text: byte ranges [v[2i], v[2i+1]) in order,
 * not overlapping. */
struct spans {
	size_t *v;
	size_t n, cap;  /* n counts ends: 2 per range */
};

/* Appends the matches of Q (NULL: none) in S[0, LEN). */
void spans_find(struct spans *sp, const struct search_query *q,
		const char *s, size_t len);
void spans_free(struct spans *sp);

struct line {
	const char *lead; /* drawn first (a number, a label), or NULL */
	enum style lead_st;
	int indent;       /* the text starts at this column */
	const char *s;    /* the text (a model string or an owned one) */
	uint32_t off, len;
	enum style st;
	/* a line cut at the pane's edge: LINE_CLIP just stops there;
	 * LINE_MARK ends with "…" when the text is wider; LINE_MORE ends
	 * with "…" always (the text goes on past LEN) */
	enum line_cut { LINE_CLIP, LINE_MARK, LINE_MORE } cut;
};

struct lines {
	struct line *v;
	int n, cap;
	char **owned;     /* strings freed at the next lines_reset */
	int nowned, owned_cap;
	/* the search highlight travels with the lines: the matches of q in
	 * a text, found when a line of it is first drawn (laying out for a
	 * height searches nothing), kept for the next lines of that text */
	const struct search_query *q;
	struct spans spans;         /* of hl_text */
	const char *hl_text;
};

/* Empties L (its owned strings are freed); the lines added next carry
 * the matches of Q (NULL: none). */
void lines_reset(struct lines *l, const struct search_query *q);
/* The matches of the query in line I's text: *NHL ranges at *HL (byte
 * offsets in the whole text). */
void lines_matches(struct lines *l, int i, const size_t **hl, size_t *nhl);
void lines_free(struct lines *l);
/* Takes S (malloc'd) for as long as the lines are kept; returns it. */
const char *lines_own(struct lines *l, char *s);
/* lines_own of a formatted string */
const char *lines_printf(struct lines *l, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

void lines_add(struct lines *l, const char *lead, enum style lead_st,
	       int indent, const char *s, uint32_t off, uint32_t len,
	       enum style st);
/* How the last line added is cut at the pane's edge (LINE_CLIP unless
 * said). */
void lines_cut(struct lines *l, enum line_cut how);
/* a blank line */
void lines_blank(struct lines *l);
/* TEXT wrapped into WIDTH - INDENT columns; LEAD on the first line. */
void lines_wrap(struct lines *l, const char *lead, enum style lead_st,
		int indent, const char *text, int width, enum style st);
/* The wrap cache: the lines of a model string at a width, kept across
 * keystrokes.  It is keyed by the strings' addresses, so it belongs to
 * the model it caches (struct doc's wrap, freed with its index); *C is
 * made on first use. */
struct wrap_cache;
size_t wrap_lines(struct wrap_cache **c, const char *text, int width,
		  const struct text_line **out);
void wrap_cache_free(struct wrap_cache *c);

/* lines_wrap for a string of the model (it outlives the lines), through
 * the wrap cache *C. */
void lines_wrap_cached(struct lines *l, struct wrap_cache **c,
		       const char *lead, enum style lead_st, int indent,
		       const char *text, int width, enum style st);

#endif
