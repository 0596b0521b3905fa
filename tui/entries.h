/* entries.h - the navigator's entry kinds as an ops table: meeting,
 * attendees, section, problems, orphaned notes, one file each
 * (entry_*.c).  Everything that differs between kinds is here: how many
 * records, how one is laid out, the headers, the detail, searching a
 * record, and what a note is about.  Generic code asks these, never a
 * kind's name: adding a kind is one new file and its line in entries.c's
 * table.  No curses. */
#ifndef MINUTES_ENTRIES_H
#define MINUTES_ENTRIES_H

#include <stdbool.h>
#include <stddef.h>

#include "browser.h"
#include "lines.h"
#include "style.h"

/* How the navigator shows an entry. */
struct entry_nav {
	const char *sym;     /* one column: "!", "✎", a section's symbol */
	enum style sym_st;
	const char *label;   /* also the status line's name of the entry */
	char count[32];      /* " (12)", or "" */
	size_t open;         /* open notes under it */
	size_t answered;     /* notes under it with an answer (0 unless set) */
};

struct entry_ops {
	const char *name;
	/* Appends this kind's entries for D to V (room for
	 * entries_max(D)), counting them in *N. */
	void (*add)(const struct doc *d, struct entry *v, int *n);
	/* the records the content pane lists */
	int (*count)(struct browser *b, const struct entry *e);
	void (*nav)(struct browser *b, const struct entry *e,
		    struct entry_nav *out);
	/* the content pane's header */
	void (*header)(struct browser *b, const struct entry *e, char *buf,
		       size_t size);
	/* the lines of record IDX at WIDTH (appended to L) */
	void (*layout)(struct browser *b, const struct entry *e, int idx,
		       int width, struct lines *l);
	/* whether each record ends with a blank line (not selected) */
	bool gap;
	/* the detail pane: its header and its lines for record CUR */
	void (*detail_header)(struct browser *b, const struct entry *e,
			      char *buf, size_t size);
	void (*detail)(struct browser *b, const struct entry *e, int cur,
		       int width, struct lines *l);
	/* whether record R (-1: the entry's own heading) matches b->q */
	bool (*matches)(struct browser *b, const struct entry *e, int r);
	/* the id of the element a note on record CUR is about (NULL: none) */
	const char *(*target)(struct browser *b, const struct entry *e,
			      int cur);
	/* why there is none with the navigator focused, said instead of the
	 * general message (N_(); NULL: the general one) */
	const char *no_target;
	/* :goto: the element found by minutes_find_id (KIND, SEC, ITEM) is
	 * in entry E (the navigator's ENTRY-th): selects it, sets the
	 * focus, returns true; false when it is not this entry's */
	bool (*locate)(struct browser *b, int entry, int kind, int sec,
		       int item);
	/* the next item after ITEM (DIR 1) or before it (-1) with an open
	 * note, -1 when none; NULL for kinds without items */
	int (*next_open)(struct browser *b, const struct entry *e, int item,
			 int dir);
	/* the note record CUR is, for kinds that list notes themselves
	 * (orphaned ones); NULL for kinds whose records notes are about */
	const struct note *(*note)(struct browser *b, const struct entry *e,
				   int cur);
	/* the entry p (problems) selects */
	bool problems;
	/* for records that are no element of the minutes (a problem): the
	 * source line record CUR is about (0: not known) and its text as
	 * one line (malloc'd, into *TEXT when not NULL); NULL for kinds
	 * whose records are elements (their target's line is used) */
	uint32_t (*source)(struct browser *b, const struct entry *e, int cur,
			   char **text);
};

/* The navigator's entries of D, in order (into d->entries). */
void entries_build(struct doc *d);
/* room entries_build needs */
size_t entries_max(const struct doc *d);

#endif
