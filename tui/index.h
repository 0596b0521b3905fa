/* index.h - the archive index: a cache of an archive folder's meetings in
 * SQLite (no curses).
 *
 * One database per folder, under $XDG_CACHE_HOME/minutes/ (default
 * ~/.cache/minutes/; the folder 0700, the file 0600), named after the
 * folder's real path.  It holds a summary per meeting (table `files`),
 * and a row per file (table `elems`) of its searchable texts
 * (search_elements) as written in the file, with their lines and ids,
 * and of their folds (the search's own fold), one a line (`doc`), and an
 * FTS5 row per file of the folds' trigrams (trigram.h: each distinct one
 * once, no positions).  A query's candidates are the files holding all
 * its trigrams; its hits, their texts whose fold holds the query's
 * (memmem over the doc): a substring search exactly as search_text does
 * it in a scan, with no file read.
 *
 * Never stale: index_sync stats every file once (device, inode, size,
 * mtime and ctime in nanoseconds) and its NAME.notes/ folder, and loads
 * again what changed, adds what is new and drops what is gone; a file
 * changed less than two seconds before its stat is loaded again next time
 * too (its time stamp may not have moved since).  A search looks through
 * the folds of every text of the files the FTS table proposes, made with
 * the fold search_text makes (the fold's fingerprint is kept: another
 * fold rebuilds the index), so the hits are exactly a scan's.
 *
 * Never in the way: every failure (no cache folder, a damaged, locked,
 * read-only or full database) is an error with a message; the caller then
 * scans the files.  Two processes may sync the same folder at once (WAL,
 * a busy timeout, commits every second).  A schema or fold change
 * rebuilds the index.  An interrupted sync keeps what it committed. */
#ifndef MINUTES_INDEX_H
#define MINUTES_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "loader.h"
#include "model.h"
#include "search.h"

#define INDEX_SCHEMA 7 /* bump on any change of the tables below */

struct minutes_index;

struct index_options {
	/* where the databases go; NULL: $XDG_CACHE_HOME/minutes, or
	 * ~/.cache/minutes */
	const char *cache_dir;
	int busy_ms;        /* waiting for another process; 0: 5000 */
	bool rebuild;       /* start from an empty index (--reindex) */
	/* progress lines go there during a long sync (NULL: none) */
	FILE *progress;
	/* or to this (the browser's status line): DONE of TOTAL files to
	 * load, RATE files a second; called at most every PROGRESS_NS
	 * nanoseconds (0: one second), the first after as long */
	void (*progress_fn)(size_t done, size_t total, double rate, void *arg);
	void *progress_arg;
	long long progress_ns;
	/* checked between files: true stops the sync (Ctrl-C) */
	bool (*stop)(void *arg);
	void *stop_arg;
	const char *reviewer; /* for the notes (NULL: notes_reviewer_name) */
	/* tests: a database that fills up (0: none), in pages of SQLite's
	 * default size (4 KB; a real index has pages of 64 KB) */
	long max_pages;
	/* tests: the clock for the two-second rule (NULL: real time) */
	long long (*now_ns)(void);
};

enum index_result {
	INDEX_OK = 0,
	INDEX_ERROR = -1,       /* see index_error(); scan instead */
	INDEX_INTERRUPTED = -2, /* opts.stop said so; what is done is kept */
};

/* Opens (creating or rebuilding as needed) the index of folder DIR, as
 * given on the command line.  NULL on failure, with the reason in ERR. */
struct minutes_index *index_open(const char *dir,
				 const struct index_options *opts,
				 char *err, size_t errsize);
void index_close(struct minutes_index *ix);

/* The last error's message, and the database file's path. */
const char *index_error(const struct minutes_index *ix);
const char *index_db_path(const struct minutes_index *ix);

struct index_sync_stats {
	size_t files;     /* the folder's *.xml files */
	size_t loaded;    /* loaded again: new or changed */
	size_t removed;   /* gone since the last sync */
	size_t added;     /* new since the last sync */
	size_t changed;   /* indexed before, changed since (loaded again) */
};

/* Brings the index up to date with PATHS, every *.xml under the folder as
 * report_expand_paths gives them for DIR (NULL: the folder is walked
 * here).  STATS may be NULL. */
enum index_result index_sync(struct minutes_index *ix, char *const *paths,
			     struct index_sync_stats *stats);

/* What a search hands back for one file, in PATHS order (the paths given
 * to index_sync; NULL: the folder is walked here):
 *   hit:  a hit (LINE, element ID, the element's whole TEXT; the
 *         strings are valid during the call only: copy what you keep);
 *   scan: the file cannot be answered from the index (it did not load:
 *         the caller loads it to say why; or the index failed from this
 *         file on): the caller scans it.
 * Each returns false to stop. */
struct index_search_fns {
	bool (*hit)(const char *path, unsigned line, const char *id,
		    const char *text, void *arg);
	bool (*scan)(const char *path, void *arg);
	void *arg;
};

/* Searches the synced index for QUERY (compiled as Q).  A file's hits are
 * handed over only once all are read, so after a failure (INDEX_ERROR,
 * index_error() says why) the rest of PATHS went to fns->scan and nothing
 * was given twice.  Queries folding to fewer than 3 characters check
 * every stored text. */
enum index_result index_search(struct minutes_index *ix, char *const *paths,
			       const char *query, const struct search_query *q,
			       const struct index_search_fns *fns);

/* --- The meetings list ------------------------------------------------ */

/* A meeting's summary.  Counts are -1 when unknown (number, agency,
 * votes and tasks are format v2's: unknown in a v1 file), strings NULL. */
struct index_summary {
	const char *path;    /* relative to the folder */
	enum load_status load;
	const char *error;   /* LOAD_FATAL: why */
	const char *id, *date, *title, *status, *number, *agency;
	long items, figures_met, figures_missed, votes, tasks;
	long problems;       /* errors (warnings apart) */
	long warnings, open_notes;
	/* the review state (notes_review): "none", "open", "answered",
	 * "signed", "ready" */
	const char *review;
	/* the browser's meetings list: the organizer, the notes open
	 * without an answer, the sign-offs in force ("lan, minh") */
	const char *organizer, *signers;
	long unanswered;
};

enum index_sort {
	INDEX_SORT_PATH,
	INDEX_SORT_DATE,       /* then path */
	INDEX_SORT_TITLE,      /* Vietnamese order (text_collate), then path */
	INDEX_SORT_OPEN_NOTES, /* most first, then path */
	INDEX_SORT_PROBLEMS,   /* most first (unloadable files first), then path */
	/* the browser's orders: files that loaded first, by date, title,
	 * status (drafts first) or open notes (most first), then newest
	 * first, then path (DESC is not for these) */
	INDEX_SORT_LIST_DATE,
	INDEX_SORT_LIST_TITLE,
	INDEX_SORT_LIST_STATUS,
	INDEX_SORT_LIST_OPEN,
};

struct index_filter {
	const char *status;     /* "draft", "final", "approved"; NULL: any */
	const char *date_from;  /* YYYY-MM-DD, inclusive; NULL: open */
	const char *date_to;
	const char *title;      /* folded substring of the title; NULL: any */
	bool open_notes;        /* only meetings with open notes */
	bool problems;          /* only meetings with problems or not loadable */
	const char *review;     /* the review state ("ready" ...); NULL: any */
	/* the browser's text filter: files that loaded whose title,
	 * number, agency, date, path (TEXT_DIR/rel, made safe) or organizer
	 * holds TEXT (search_text); NULL: any */
	const char *text, *text_dir;
};

/* Makes the indexes the browser's list reads through (the list's orders,
 * the open notes, the files' identities), once per database: without
 * them (a read-only or full database) the answers are the same, slower
 * and with the whole database read. */
void index_list_prepare(struct minutes_index *ix);

/* The number of meetings FILTER (NULL: all) lets through, or -1. */
long index_count(struct minutes_index *ix, const struct index_filter *filter);

/* Calls FN for the meetings FILTER lets through, sorted by SORT (DESC
 * reverses it), from the OFFSET-th, at most LIMIT of them (the summary is
 * valid during the call only).  Returns how many, or -1. */
long index_list(struct minutes_index *ix, enum index_sort sort, bool desc,
		const struct index_filter *filter, long offset, long limit,
		bool (*fn)(const struct index_summary *s, void *arg),
		void *arg);

/* Loads the meeting at PATH (relative to the folder, as in a summary). */
enum load_status index_load(struct minutes_index *ix, const char *path,
			    struct minutes **out, struct load_error *err);

#endif
