/* meetings.h - the meetings list of an archive (the curses-free
 * middle): its rows sorted (date, title, status, open notes) and
 * filtered (status, only those with open notes, a text), each meeting's
 * open notes and review state, and the "Open notes" row that lists every
 * open note of the archive (meeting, element, reviewer, age) and goes to
 * the one chosen.
 *
 * Two sources, one list: a folder's index (index.h), whose summaries are
 * sorted and filtered in SQL and read a window of rows around the
 * cursor at a time, a meeting loaded when it is opened (doc_get); or,
 * for files given one by one, --no-index and an index that cannot be
 * used, every file loaded (b->docs, b->list_order[0 .. meetings_rows)).
 * Both show the same rows in the same order.  The Open notes row comes
 * after the meetings.  Unit-tested in tests/unit/test_browser_v2.c and
 * tests/unit/test_meetings.c.  No curses. */
#ifndef MINUTES_MEETINGS_H
#define MINUTES_MEETINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "browser.h"

/* One row of the list, as drawn (valid until the list is next asked). */
struct meetings_row {
	const char *path;    /* the file, as opened */
	const char *shown;   /* ... made safe for the screen */
	bool broken;         /* it could not be loaded */
	const char *reason;  /* why, one line, the path left out (broken) */
	const char *date, *title, *number; /* "" when none */
	enum mn_status status;
	bool problems;       /* errors in it (form warnings apart) */
	size_t open;         /* open notes */
	const char *review;  /* the review state in words ("": no notes) */
};

/* Opens ARGS (files or directories; NARGS 0: ".") into B, the reviewer
 * REVIEWER; the meetings list is sorted newest first.  A single folder
 * opens through its index unless b->no_index (the first sync comes with
 * meetings_sync, or the list's first use).  Returns the number of
 * meetings (0: none found, said on stderr). */
int browser_open(struct browser *b, char *const *args, int nargs,
		 const char *reviewer);
void browser_close(struct browser *b);

/* --- the index (see index.h) --------------------------------------- */

/* Opens the index of folder DIR (its files PATHS, kept until the first
 * sync) for B: false when it cannot be used (said in the status line;
 * the caller reads the files). */
bool meetings_index_open(struct browser *b, const char *dir, char **paths);
/* The first sync, the list filling in (b->progress called during it):
 * false when the index failed (every file read instead, said once) or
 * b->stop stopped it (b->interrupted; what was done is kept). */
bool meetings_sync(struct browser *b);
void meetings_index_close(struct browser *b);
/* "Indexing the folder: DONE of TOTAL files (RATE files/s)" into BUF. */
const char *meetings_progress_text(char *buf, size_t size, size_t done,
				   size_t total, double rate);

/* r in the list: the folder read again, new files added, deleted ones
 * dropped, changed ones loaded again; the status line says what
 * changed ("2 new, 1 removed"). */
void meetings_rescan(struct browser *b);

/* --- the rows ------------------------------------------------------ */

/* The meetings shown (sorted and filtered again when the notes, the
 * order or a filter changed). */
int meetings_rows(struct browser *b);
/* The archive's meetings, shown or not. */
int meetings_total(const struct browser *b);
/* The rows of the list: the meetings shown, and the Open notes row when
 * the archive has open notes. */
int meetings_count(struct browser *b);
/* Row R (false: the Open notes row, or none). */
bool meetings_row(struct browser *b, int r, struct meetings_row *row);
/* The document of row R, loaded (NULL for the Open notes row). */
struct doc *meetings_doc(struct browser *b, int r);
/* Open notes of D (notes that answer none), its review state in words
 * ("" without notes; malloc'd). */
size_t meetings_open(const struct doc *d);
char *meetings_review(const struct doc *d);

/* The keys of the list: the next order, the next status shown, only
 * meetings with open notes or all, a text (NULL or "": none). */
void meetings_next_sort(struct browser *b);
void meetings_next_status(struct browser *b);
void meetings_toggle_open(struct browser *b);
void meetings_set_text(struct browser *b, const char *text);
/* "sorted by date · only with open notes · final · “text”" into BUF. */
const char *meetings_describe(const struct browser *b, char *buf, size_t size);
/* The column the list is sorted by: 0 date, 1 title, 2 status, 3 open. */
int meetings_sort_column(const struct browser *b);

/* / and n in the list: the next row (after the cursor, or before it
 * when BACK) whose meeting holds a hit of b->q, through the index when
 * there is one (only the files with hits are read).  -1: none. */
int meetings_search(struct browser *b, bool back);
/* n and N in the list: the cursor to that row, or the status line says
 * it found nothing (REVERSE: the other way than the search went). */
void meetings_search_next(struct browser *b, bool reverse);

void meetings_free(struct browser *b);

/* Enter on the list: on the Open notes row, lists every open note; on
 * one of those, opens its meeting at it (the note selected).  False when
 * the row is a meeting (the caller opens it). */
bool meetings_enter(struct browser *b);
/* Back from the open notes to the meetings: true when it was there. */
bool meetings_back(struct browser *b);

/* Open note I of the listing, as drawn: its meeting's number or title,
 * element, author, text and time (false: gone from its meeting). */
struct meetings_note_view {
	const char *meeting, *target, *author, *text;
	time_t created;
};
bool meetings_note_view(struct browser *b, int i, struct meetings_note_view *v);
/* Open note I of the listing: its document (loaded) and note (NULL:
 * gone). */
const struct note *meetings_open_note(struct browser *b, int i,
				      struct doc **d);

#endif
