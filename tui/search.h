/* search.h - accent-insensitive search over loaded minutes (no curses). */
#ifndef MINUTES_SEARCH_H
#define MINUTES_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include "model.h"

/* Where a match is: which element, and which bytes of its text. */
enum search_where {
	SEARCH_MEETING, /* the meeting header: field is the header line */
	SEARCH_PERSON,  /* an attendee: index = person */
	SEARCH_HEADING, /* a section heading: index = section */
	SEARCH_ITEM,    /* an item (or a vote): index = section, item = item */
	SEARCH_RECIPIENT, /* v2: a recipient: index = recipient */
};

struct search_hit {
	enum search_where where;
	int index, item;
	const char *text; /* the text that matched (inside the model) */
	size_t start, end; /* matched bytes of text */
	uint32_t line;
};

struct search_query;

/* Compiles QUERY (folded the same way as the text).  NULL when the query
 * folds to nothing. */
struct search_query *search_compile(const char *query);
void search_query_free(struct search_query *q);

/* Finds the first match in TEXT at or after byte FROM; true with
 * [*start, *end) on a hit. */
bool search_text(const struct search_query *q, const char *text, size_t len,
		 size_t from, size_t *start, size_t *end);

/* Calls FN(start, end, ARG) for each match in TEXT, in order and not
 * overlapping, folding TEXT once (calling search_text from each match's
 * end would fold the rest of the text again for every match: quadratic).
 * FN returns false to stop.  Returns the number of matches reported. */
size_t search_text_all(const struct search_query *q, const char *text,
		       size_t len, bool (*fn)(size_t start, size_t end, void *arg),
		       void *arg);

/* Calls FN for each element of M that matches, in document order: the
 * meeting header fields (v2: agency, its parent, number too), attendees
 * (name, role, v2 reason), section headings, items (a v2 vote's text is
 * its motion, a task is in its item's text), v2 recipients.
 * FN returns false to stop.  Returns the number of hits reported.  (It is
 * search_elements with search_text on each text: the archive index keeps
 * what search_elements gives, so an indexed search finds what a scan
 * finds.) */
size_t search_minutes(const struct search_query *q, const struct minutes *m,
		      bool (*fn)(const struct search_hit *hit, void *arg),
		      void *arg);

/* Calls FN for each searchable text of M (not empty), in the order
 * search_minutes reports them; ELEM's start and end are 0.  JOINED is true
 * when the text belongs to the group of the one before it (the meeting
 * header's fields; an attendee's name and role): of a group, only the
 * first text that matches is reported.  FN returns false to stop. */
void search_elements(const struct minutes *m,
		     bool (*fn)(const struct search_hit *elem, bool joined,
				void *arg),
		     void *arg);

/* The id of the element a hit is in (the minutes id for the header). */
const char *search_hit_id(const struct minutes *m, const struct search_hit *h);

#endif
