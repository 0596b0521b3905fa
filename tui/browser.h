/* browser.h - the browser model (the curses-free middle): the open
 * documents, the navigator's entries, the cursors, the selection, the
 * open-notes filter, the search query and the status message.  Drawing
 * and keys live above it (pane_*.c, screen.c, actions.c); navigation
 * over it is navigate.h, documents doc.h, entry kinds entries.h.
 * No curses. */
#ifndef MINUTES_BROWSER_H
#define MINUTES_BROWSER_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "loader.h"
#include "model.h"
#include "notes.h"
#include "search.h"

/* A scrolled list: the selected record and the first one shown.  WANT
 * is the first record as the last move left it (before the pane's size
 * made it fit): a resize alone starts from it again, so the same size
 * draws the same screen; LAST_CUR and LAST_TOP tell a move from a
 * resize (pane_fix). */
struct cursor {
	int cur, top;
	int want, last_cur, last_top;
};

/* The three columns of an open meeting, left to right; the focus is
 * one of them. */
enum pane_id { PANE_NAV, PANE_CONTENT, PANE_DETAIL, PANE_COUNT };

/* One line of the navigator: an entry kind (entries.h) and, for a
 * section, its index. */
struct entry_ops;
struct entry {
	const struct entry_ops *ops;
	int arg;
};

struct doc {
	char *path;
	/* the file as it was loaded (dev, inode, size, mtime): a rescan
	 * (meetings_rescan) reloads it when that changed */
	unsigned long long ident[4];
	char *title;          /* safe one-line path for the title bar */
	struct minutes *m;    /* NULL when the file could not be loaded */
	struct notes_store *notes; /* the reviewers' notes (NULL: none) */
	char notice[1200];    /* said once when the document is first shown */
	enum load_status st;
	char error[2200];
	unsigned error_line;  /* ... and its line (0: not known) */
	struct entry *entries; /* navigator order */
	int nentries;
	bool by_kind;         /* sections grouped by kind, not as written */
	uint32_t *by_name;    /* attendees by given name */
	unsigned (*verdicts)[3]; /* per section: figures unknown, met, missed */
	/* the items each attendee speaks in, built on first use: those of
	 * person p are speaks[speaks_at[p] .. speaks_at[p + 1]) */
	uint32_t *speaks_at;
	struct { const char *text; uint32_t len; } *speaks; /* their texts,
				 * side by side: drawing the list reads
				 * no item */
	struct wrap_cache *wrap; /* the items' lines at a width (lines.h) */
	/* v2: every task of the meeting, in document order (section, item,
	 * task of the item), built on first use */
	uint32_t (*tasks)[3];
	uint32_t ntasks, tasks_overdue;
	bool tasks_built;
	/* notes with an answer: [0] on the meeting, [1] on attendees,
	 * [2 + s] in section s; counted once per notes_gen */
	size_t *answered;
	unsigned answered_gen;
	struct cursor nav;
	struct cursor *content; /* one per entry */
	struct cursor detail;
	/* the spelling check's warnings on the file (spell.h), in line
	 * order, and the problems entry's records: the model's problems and
	 * these merged by line (bit 31 set: a spelling warning) */
	struct doc_spelling { uint32_t line, col; char *msg; } *spelling;
	uint32_t nspelling;
	uint32_t *problem_order;
};

struct minutes_index;
struct meetings_window;
struct meetings_onote;

struct browser {
	/* every document (a file, several, or a folder read without its
	 * index); with the index, the few loaded lately (doc_get), the most
	 * recent first */
	struct doc **docs;
	int ndocs;
	bool archive;        /* several files: the meetings list is the top */
	int *list_order;     /* docs, newest first (NULL with the index) */
	/* a folder's meetings from its index (meetings.h): the list holds
	 * the summaries of the rows around the cursor only */
	struct minutes_index *ix;
	char *ix_dir;           /* the folder, as given (trailing / cut) */
	char **args;            /* what was opened: r reads it again */
	int nargs;
	char **ix_paths;        /* its files, until the first sync */
	int nmeetings;          /* the folder's meetings */
	struct meetings_window *win;
	bool ix_syncing;        /* a sync is under way: the list reads what
				 * it has so far */
	bool ix_failed;         /* ... and the index failed meanwhile */
	bool no_index;          /* --no-index: every file read */
	const char *cache_dir;  /* where indexes go (NULL: XDG's) */
	/* called during a long sync: DONE of TOTAL files, RATE a second;
	 * STOP: true ends it (what is done is kept) */
	void (*progress)(struct browser *b, size_t done, size_t total,
			 double rate, void *arg);
	bool (*stop)(void *arg);
	void *progress_arg;
	long long progress_ns;  /* how often (0: every second) */
	bool interrupted;       /* the first sync was stopped */
	bool docs_by_kind;      /* sections grouped by kind (doc_group_by_kind) */
	struct cursor list;
	/* the meetings list's order and filters (meetings.h) */
	int list_sort;          /* 0 date, 1 title, 2 status, 3 open notes */
	int list_status;        /* 0: every status, else enum mn_status + 1 */
	bool list_open_only;    /* only meetings with open notes */
	char *list_text;        /* shown when they match it (malloc'd) */
	struct search_query *list_q;
	int nlist;              /* meetings shown: list_order[0 .. nlist) */
	bool list_ready;        /* nlist and the order are up to date ... */
	unsigned list_gen;      /* ... for this notes_gen */
	unsigned list_changes;  /* counts changes of order or filters */
	size_t list_open;       /* open notes of the whole archive */
	bool onotes;            /* the Open notes listing is shown */
	struct meetings_onote *onote; /* its notes */
	int nonote;
	struct cursor onote_cur;
	struct doc *doc;     /* the open document, NULL in the list */
	enum pane_id focus;
	bool attendees_doc_order;
	const char *reviewer;
	struct spell *spell; /* the names learnt from every file */

	char msg[512];       /* the status line's message */
	bool msg_error;

	char *query;         /* the last search, as typed (malloc'd) */
	struct search_query *q;
	unsigned qgen;       /* a new query was compiled */
	bool search_back;

	int note_sel;           /* the selected note of the target */
	char note_target[256];  /* ... of this element */
	int note_line;          /* the detail line of the selected note */
	int detail_rows;        /* rows the detail pane has: lists that could
				 * be endless show no more than that */
	bool note_scroll;       /* bring it into view at the next draw */

	bool filter_open;       /* sections show only items with open notes */
	int *fidx, nfidx, fentry; /* the filtered items of section fentry */
	const struct doc *fdoc;
	unsigned notes_gen, fgen; /* notes changed / the filter's */

	char today[11];         /* YYYY-MM-DD: which tasks are overdue */
	time_t now;             /* ... and how old an open note is */

	bool quit;
	int status;
};

void browser_message(struct browser *b, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Today is the local date of NOW (browser_open sets the clock's; the
 * browser honours MINUTES_NOW for tests). */
void browser_set_today(struct browser *b, time_t now);
/* Whether a meeting is open (loaded). */
bool browser_in_doc(const struct browser *b);
/* The navigator's selected entry (NULL when no meeting is open). */
const struct entry *browser_entry(struct browser *b);
int browser_content_cur(struct browser *b);
/* The content cursor of the selected entry (NULL: no meeting). */
struct cursor *browser_content_cursor(struct browser *b);

/* The order records are shown in: attendees by name or as written, a
 * section's items all or only those with open notes. */
int browser_person_at(const struct browser *b, int shown);
int browser_item_count(struct browser *b, int section);
int browser_item_at(struct browser *b, int section, int shown);
int browser_shown_of(struct browser *b, int section, int item); /* -1 */
/* Selects item ITEM of section entry E (the navigator's E-th), showing
 * every item again when the filter hides it. */
void browser_goto_item(struct browser *b, int e, int item);

#endif
