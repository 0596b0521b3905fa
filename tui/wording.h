/* wording.h - how minutes says things: a figure, a verdict, the
 * speakers of an item, a section's verdict counts, a time.  The screen,
 * --dump and the reports all say them through here, so they never drift
 * apart.  No curses. */
#ifndef MINUTES_WORDING_H
#define MINUTES_WORDING_H

#include <stddef.h>
#include <time.h>

#include "model.h"

/* "≥98%", "≤5 ngày", "=100%": the comparison, the value as written
 * (with the interface's decimal mark), the unit (spaced, but for "%");
 * the screen and --dump both say it so.  malloc'd. */
char *wording_figure(const struct mn_figure *f);
/* A figure's number S as written, with the interface's decimal mark;
 * "?" for none (NULL: a value that is not a number).  malloc'd. */
char *wording_number(const char *s);
/* "✓", "✗", "?" */
const char *wording_verdict_mark(enum mn_verdict v);
/* "met", "missed", "unknown" (translated) */
const char *wording_verdict(enum mn_verdict v);
/* "— Name, Name": who speaks in item IT (malloc'd); WIDTH > 0: only as
 * far as WIDTH columns and one cluster more (a row cuts it there). */
char *wording_speakers(const struct minutes *m, const struct mn_item *it,
		       int width);
/* Section S (from 0, in document order) as biên bản number them: "II"
 * for the second; the screen and --dump put "II. " before its heading.
 * BUF holds at least 16 bytes. */
const char *wording_section_number(uint32_t s, char *buf, size_t size);
/* "⚠ not an attendee: lan, hoa": the names IT's by gives that are no
 * attendee's id (NULL when there are none); WIDTH > 0: only as far as
 * WIDTH columns and a little more (a row cuts it), ", …" after them
 * when some are left out.  malloc'd. */
char *wording_nobody(const struct minutes *m, const struct mn_item *it,
		     int width);
/* A section's figures by verdict: V[MN_UNKNOWN], V[MN_MET], V[MN_MISSED] */
void wording_section_verdicts(const struct mn_section *s, unsigned v[3]);
/* "2 met, 1 missed, 0 unknown" */
const char *wording_verdict_counts(const unsigned v[3], char *buf,
				   size_t size);
/* a note's time, as the notes store shows it (local time), the date the
 * interface's way (nls_date) */
const char *wording_time(time_t t, char *buf, size_t size);

/* What a note about the element ID is attached to, for its prompt:
 * "item kq1", "section ket-qua", "attendee hoang", "the meeting"; an id
 * no longer in the minutes is "ID (not in the minutes)".  Cut and made
 * safe as wording_cut. */
const char *wording_target(const struct minutes *m, const char *id,
			   char *buf, size_t size);

/* User text (a query, an id) for a message: at most a status line's
 * worth, cut by clusters (never inside a letter), made safe to show. */
const char *wording_cut(const char *text, char *buf, size_t size);

/* v2: a vote's tally as a bar of at most CELLS cells (one a person
 * when they fit), on those present (or expected, by the rule): "█" for,
 * "▒" against, "░" abstain or invalid, "·" no vote; "" without a tally.
 * malloc'd. */
char *wording_vote_bar(const struct minutes *m, const struct mn_vote *v,
		       int cells);
/* "7/8 for · 0 against · 1 abstain" (and "· N invalid"): malloc'd. */
char *wording_vote_tally(const struct minutes *m, const struct mn_vote *v);
/* "adopted", "rejected", "no result" (translated) */
const char *wording_vote_result(enum mn_result r);
/* NOW's local date, YYYY-MM-DD, into BUF (of 11 bytes at least): what
 * a task's due date is compared with (mn_task_overdue). */
const char *wording_today(time_t now, char *buf, size_t size);

#endif
