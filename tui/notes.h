/* notes.h - reviewer notes on minutes: the store (no curses).
 *
 * A note is anchored to one element of the minutes: the meeting (the
 * minutes id), an attendee (person id), a section or an item.  It keeps
 * a quote of the element's text and a hash of it, so when the minutes
 * change it is re-anchored (W3C Web Annotation style: target = element
 * id, plus a TextQuoteSelector-like quote):
 *   same id, same text hash -> NOTES_ANCHORED
 *   same id, other text     -> NOTES_CHANGED (the old quote is kept)
 *   id gone                 -> NOTES_ORPHAN  (listed apart, never deleted
 *                                             on its own; notes_reattach)
 *
 * Storage.  The minutes file is never written.  For DIR/NAME.xml the
 * notes live in DIR/NAME.notes/, one file per reviewer, REVIEWER.xml:
 * a name of lower-case ASCII letters, digits, '.', '-' and '_' (not
 * starting with '.', at most 64 bytes) is its own file name ("lan.xml");
 * any other name is made file-safe (Vietnamese letters lose their marks,
 * đ -> d, anything else becomes '_', cut at 64 bytes) and gets '~' and
 * the first 8 hex digits of the FNV-1a 64 hash of the exact NFC name:
 * "Nguyễn Văn Ân" -> Nguyen_Van_An~1c2d3e4f.xml, never the file of
 * "Nguyễn Văn An" (no two names share a file, even on a case-folding
 * file system).  Files named the older way (marks dropped, no hash) are
 * still read, and stay one's own file when their reviewer= is exactly
 * one's name.  A file whose reviewer= is not exactly the reviewer's name
 * is never written as theirs.  Each file has a single writer: its
 * reviewer.  The browser shows every *.xml of the folder together.
 * When the minutes' folder is not writable, the reviewer's own file goes
 * to $XDG_DATA_HOME/minutes/notes/KEY/REVIEWER.xml instead (default
 * ~/.local/share), KEY = FNV-1a hash (hex) of the minutes' absolute path
 * and id, '-', the file's base name; notes_fallback() says so.  It stays
 * there while the reviewer has a file there and none beside the minutes.
 * The fallback is also used when NAME.notes would be too long a file
 * name, or is a symbolic link out of the minutes' folder (a problem then
 * says where it points).
 *
 * Nothing is ever written outside the notes folder: every notes file is
 * opened through the folder's descriptor with O_NOFOLLOW (openat,
 * renameat); a reviewer file that is a symbolic link or not a regular
 * file is refused (a problem; one's own notes stay in memory, unsaved),
 * and opening a store (read-only modes) creates nothing, not even the
 * lock.
 *
 * Saving happens the moment a change is made: under flock(LOCK_EX) on
 * the persistent DIR/NAME.notes/.lock (O_NOFOLLOW | O_NOCTTY, a regular
 * file), the reviewer's file is read again and merged by note id (notes
 * on disk that this store did not change are taken from disk, so two
 * processes never lose each other's notes; deleted ids are not
 * resurrected), written to a temporary file in the same folder
 * (O_EXCL), fsync'd, renamed over the file (mode kept), and the folder
 * fsync'd.  A change whose save failed stays in memory and is saved by
 * the next save (notes_unsaved_count, notes_save_on_quit).
 *
 * A malformed notes file is reported as "FILE:LINE: message" and never
 * written: when it is the reviewer's own, the store is read-only until it
 * is fixed; other reviewers' malformed files are skipped.
 *
 * The file format, version 1 (UTF-8, XML 1.0, no DOCTYPE):
 *
 *   <?xml version="1.0" encoding="UTF-8"?>
 *   <notes version="1" minutes="MINUTES-ID" reviewer="NAME">
 *     <note id="NOTE-ID" target="ELEMENT-ID" kind="KIND" status="STATUS"
 *           created="TIME" modified="TIME" status-at="TIME" hash="HASH">
 *       <quote>the element's text when the note was made</quote>
 *       <text>the note, NFC, may span lines</text>
 *     </note>
 *     <status note="NOTE-ID" status="STATUS" by="NAME" at="TIME"/>
 *   </notes>
 *
 *   KIND     comment | question | correction | agreed
 *   STATUS   open | resolved
 *   TIME     UTC, ISO 8601: 2026-11-28T10:15:00Z (shown in local time:
 *            notes_format_time)
 *   HASH     FNV-1a 64 of the element's whole text, 16 lowercase hex digits
 *   NOTE-ID  unique: file-safe reviewer name, creation time, counter:
 *            lan-20261128T101500Z-1
 *   quote    the first 500 characters of the element's text ("…" added
 *            when cut); the hash is always of the whole text
 *   status-at  when the note's own status was last set (default: created)
 *   version 2 (written only when a file holds a reply or a sign-off;
 *   both versions are read) adds to <note> reply-to="NOTE-ID" (a reply:
 *   same target) and, with kind="response", disposition="accepted |
 *   explained | declined"; and one record per file
 *     <signoff by="NAME" at="TIME" remark="..."/>
 *   NOTE-ID  REVIEWER-TIME-TAG-COUNTER, TAG 8 hex digits drawn once per
 *            process (two machines never make the same id)
 *   <status> a reviewer resolving or reopening another reviewer's note:
 *            recorded in the resolver's own file.  A note's effective
 *            status is the latest (by time) of its own status and every
 *            <status> record for it; on equal times the note's own status
 *            comes first, then records by reviewer name, the last wins.
 *
 * Element texts: an item's text, a section's heading, a person's name
 * (", role" appended when there is one), the meeting's title for the
 * minutes id.
 *
 * The rooms (each file says what it holds; the notes_*.h headers are
 * private to them): notes.c opens and closes a store; notes_store (what
 * a store holds, the clock, problems), notes_words (kinds, statuses,
 * dispositions, times, clean texts), notes_names (reviewers' file
 * names), notes_file (the format, read and written), notes_disk (safe
 * writes, folders, the lock, the fallback), notes_anchor (elements, quote,
 * hash), notes_query (the views and the review state), notes_save (one's
 * own file: ids, merge, save), notes_load (reading every file),
 * notes_change (every change), notes_dump (--dump lines, unsaved notes,
 * the editor's text), notes_merge (the git merge driver); smap is the
 * string map they share. */
#ifndef MINUTES_NOTES_H
#define MINUTES_NOTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>
#include "model.h"

#define NOTES_QUOTE_MAX 500 /* characters of the element's text kept */
#define NOTES_TEXT_MAX (1 << 20) /* bytes of a note's text, at most */
#define NOTES_FUTURE_SLACK 86400 /* seconds ahead a time may be */

enum notes_kind {
	NOTES_COMMENT,
	NOTES_QUESTION,
	NOTES_CORRECTION,
	NOTES_AGREED,
	NOTES_RESPONSE, /* an answer with a disposition (a reply only) */
};

/* The answer to a note, the Vietnamese way: tiếp thu (accepted: the
 * text was changed), giải trình (explained: kept, and why), không tiếp
 * thu (declined, and why). */
enum notes_disposition {
	NOTES_NO_DISPOSITION,
	NOTES_ACCEPTED,
	NOTES_EXPLAINED,
	NOTES_DECLINED,
};

enum notes_status { NOTES_OPEN, NOTES_RESOLVED };

enum notes_anchor { NOTES_ANCHORED, NOTES_CHANGED, NOTES_ORPHAN };

/* What a mutator did.  NOTES_UNSAVED: the change is made in memory but
 * saving failed (the error says why); the next successful save, or
 * notes_save(), writes it. */
enum notes_result {
	NOTES_OK = 0,
	NOTES_REFUSED = -1, /* nothing changed */
	NOTES_UNSAVED = -2,
};

struct notes_error {
	char msg[1024];
};

/* A note as the store holds it (read-only; valid until the store next
 * changes: any mutator, notes_reload, notes_set_minutes). */
struct note {
	const char *id;
	const char *author;  /* the reviewer whose file holds the note */
	const char *target;  /* element id */
	const char *quote;   /* the element's text when anchored */
	const char *hash;    /* of the element's whole text then */
	const char *text;
	enum notes_kind kind;
	enum notes_status status; /* effective: overrides applied */
	const char *status_by;    /* who set the effective status */
	time_t created, modified, status_at;
	enum notes_anchor anchor;
	bool own;                 /* the store's reviewer may edit it */
	/* Trust.  FILE is the name of the file holding the note; CLAIMED
	 * its reviewer= ("" when none).  A file's notes are VERIFIED when
	 * its file name is the one its reviewer= makes (notes_safe_name,
	 * or the older naming); otherwise AUTHOR is "unverified (FILE)",
	 * never the name it claims. */
	bool verified;
	const char *file, *claimed;
	bool future;              /* a time more than a day ahead */
	bool unsaved;             /* own, changed, not on disk yet */
	/* Replies (format 2).  REPLY_TO is the id of the note answered
	 * (NULL for a note that answers none); a reply of kind
	 * NOTES_RESPONSE has a DISPOSITION.  On a note that is not a reply:
	 * NREPLIES replies are there, ANSWERED when one is a response. */
	const char *reply_to;
	enum notes_disposition disposition;
	size_t nreplies;
	bool answered;
};

/* A reviewer's sign-off of the whole meeting (a <signoff> record in
 * their own file).  WITHDRAWN when the same reviewer changed a note
 * after it; CURRENT when no note of anyone changed after it. */
struct notes_signoff {
	const char *by;
	const char *remark; /* "" when none */
	time_t at;
	bool verified, withdrawn, current, own;
};

/* The review state of the meeting, computed from its notes. */
enum notes_review {
	NOTES_REVIEW_NONE,     /* no notes, no sign-off */
	NOTES_REVIEW_OPEN,     /* open notes without an answer */
	NOTES_REVIEW_ANSWERED, /* every note answered or resolved */
	NOTES_REVIEW_SIGNED,   /* signed off, but changed since */
	NOTES_REVIEW_READY,    /* answered or resolved, and signed off
				* after the last change: sẵn sàng trình ký */
};

struct notes_review_state {
	enum notes_review state;
	size_t notes;      /* notes that are not replies */
	size_t open;       /* of which open */
	size_t unanswered; /* open and without an answer */
	size_t replies;
	size_t signers;    /* sign-offs in force (verified, not withdrawn) */
	time_t last_change;
};

struct notes_store;

/* --- Opening, reading ------------------------------------------------ */

/* Opens the notes of the minutes at MINUTES_PATH (model M, which the
 * store reads until notes_set_minutes or notes_close: keep it alive)
 * for REVIEWER.  Nothing is created until the first change.  Problems
 * with notes files do not fail the open: see notes_problem().  Returns
 * NULL only when out of memory (*err says so). */
struct notes_store *
notes_open(const char *minutes_path, const struct minutes *m,
	   const char *reviewer, struct notes_error *err);
void
notes_close(struct notes_store *s);

/* Reads every reviewer's file again (changes by others appear; this
 * store's unsaved changes are kept).  0, or -1 when the folder cannot
 * be read. */
int
notes_reload(struct notes_store *s, struct notes_error *err);

/* The minutes were reloaded: re-anchor every note against M. */
void
notes_set_minutes(struct notes_store *s, const struct minutes *m);

size_t
notes_count(const struct notes_store *s);
/* Notes by creation time, then id. */
const struct note *
notes_get(const struct notes_store *s, size_t i);
const struct note *
notes_find(const struct notes_store *s, const char *id);

/* The notes on element ID, open ones first, then by creation time: the
 * count, and in *out (when not NULL) an array valid like a note. */
size_t
notes_for_target(const struct notes_store *s, const char *id,
		 const struct note *const **out);
/* Open notes on element ID. */
size_t
notes_open_count(const struct notes_store *s, const char *id);
/* Open notes on section SEC (an index into m->sections) and its items. */
size_t
notes_section_open_count(const struct notes_store *s, size_t sec);
/* Orphans (element gone), by target then creation time. */
size_t
notes_orphans(const struct notes_store *s, const struct note *const **out);

/* Problems met reading notes files: "FILE:LINE: message". */
size_t
notes_problem_count(const struct notes_store *s);
const char *
notes_problem(const struct notes_store *s, size_t i);

/* True while the reviewer's own file is malformed: nothing is written. */
bool
notes_readonly(const struct notes_store *s);
/* The folder the reviewer's notes are written to, and whether it is the
 * fallback under $XDG_DATA_HOME (the minutes' folder is not writable):
 * the UI should say where notes go then. */
const char *
notes_dir(const struct notes_store *s);
bool
notes_fallback(const struct notes_store *s);
const char *
notes_reviewer(const struct notes_store *s);
/* Changes made in memory that are not on disk yet (every save retries
 * them): whether there are any, and how many (notes changed or added,
 * status records, deletions). */
bool
notes_unsaved(const struct notes_store *s);
size_t
notes_unsaved_count(const struct notes_store *s);
/* On quit: saves unsaved changes once more; when that fails, writes to
 * OUT what was not saved (the reason, then each unsaved note's element,
 * kind and text, so it can be typed again) and returns how many changes
 * are lost (the caller should exit non-zero); 0 when all is saved. */
size_t
notes_save_on_quit(struct notes_store *s, FILE *out);

/* --- Changing (each saves durably before returning) ----------------- */

/* Adds a note on element TARGET (which must exist in the minutes); the
 * quote and hash are taken from the element's text.  TEXT may be any
 * bytes: it is repaired to NFC, controls other than '\n' and TAB become
 * U+FFFD, and it must not be blank nor longer than NOTES_TEXT_MAX bytes
 * (refused with a message, never cut).  *added (when ADDED is not NULL) is
 * the new note, or NULL when refused. */
enum notes_result
notes_add(struct notes_store *s, const char *target, enum notes_kind kind,
	  const char *text, const struct note **added,
	  struct notes_error *err);

/* On the store's own notes only (others' are read-only): */
enum notes_result
notes_edit(struct notes_store *s, const char *id, const char *text,
	   struct notes_error *err);
enum notes_result
notes_set_kind(struct notes_store *s, const char *id, enum notes_kind kind,
	       struct notes_error *err);
enum notes_result
notes_delete(struct notes_store *s, const char *id, struct notes_error *err);
/* Anchors the note to element TARGET as it is now (its quote and hash
 * renewed): re-attaches an orphan, or accepts a changed text. */
enum notes_result
notes_reattach(struct notes_store *s, const char *id, const char *target,
	       struct notes_error *err);

/* Resolves an open note, reopens a resolved one: anyone's note (another
 * reviewer's is overridden by a <status> record in one's own file). */
enum notes_result
notes_toggle_status(struct notes_store *s, const char *id,
		    struct notes_error *err);

/* Answers note ID (anyone's; a reply too is answered with a reply):
 * KIND NOTES_RESPONSE with a DISPOSITION, or another kind (a plain
 * reply, DISPOSITION NOTES_NO_DISPOSITION).  The reply is a note of
 * one's own on the same element.  An accepted or declined answer
 * resolves the note (its status is the latest of its own, the status
 * records and such answers: its author can reopen it). */
enum notes_result
notes_reply(struct notes_store *s, const char *id, enum notes_kind kind,
	    enum notes_disposition disposition, const char *text,
	    const struct note **added, struct notes_error *err);

/* The replies to note ID in time order: the count, the array in *out. */
size_t
notes_replies(const struct notes_store *s, const char *id,
	      const struct note *const **out);

/* Signs off the whole meeting (REMARK may be NULL or empty).  A later
 * change to one of one's notes withdraws it until one signs off again. */
enum notes_result
notes_signoff(struct notes_store *s, const char *remark,
	      struct notes_error *err);

/* Every reviewer's latest sign-off, by time: the count, *out. */
size_t
notes_signoffs(const struct notes_store *s,
	       const struct notes_signoff *const **out);

/* The review state of the meeting (see enum notes_review). */
void
notes_review(const struct notes_store *s, struct notes_review_state *st);
/* The state in words ("open (3 open)", "signed off by lan, minh",
 * "ready to sign"...), translated, made safe: malloc'd. */
char *
notes_review_label(const struct notes_store *s);
/* Its parts: the signers in force as the label names them ("lan,
 * minh"; malloc'd), and the words of a state, UNANSWERED notes and
 * SIGNERS (what an index keeps of a meeting: the same words). */
char *
notes_review_signers(const struct notes_store *s);
char *
notes_review_words(enum notes_review state, size_t unanswered,
		   const char *signers);

/* The git merge driver: merges the notes files BASE (the common
 * ancestor, possibly empty), OURS and THEIRS into OURS: the union of
 * both sides by note id; for the same id the later modified wins (the
 * note's own status by its status-at); status records and sign-offs the
 * same way (the later at); a note deleted on one side and unchanged on
 * the other stays deleted.  0 when merged, 1 when a side is malformed
 * (*err says which; OURS is left as it was). */
int
notes_merge_files(const char *base, const char *ours, const char *theirs,
		  struct notes_error *err);

/* Writes unsaved changes (after NOTES_UNSAVED): 0 or -1. */
int
notes_save(struct notes_store *s, struct notes_error *err);

/* --- Output (everything from files is made terminal-safe) ----------- */

/* The review report (Markdown, HTML) is in review_report.h. */

/* For --dump: the notes on element ID (open first), each as a line
 * "[kind, status] author, 2026-11-28 17:15 +07" (+ " (text changed since
 * this note)") then its text lines indented 2 more; INDENT spaces before
 * every line; lines wrapped at WIDTH columns (0: not wrapped). */
void
notes_dump_for(FILE *out, const struct notes_store *s, const char *id,
	       int indent, int width);

/* --- Helpers ---------------------------------------------------------- */

/* The reviewer name: OPT (--reviewer) when not empty, else
 * $MINUTES_REVIEWER, else the login name, else "reviewer".  Returns OPT,
 * the environment's string or a static buffer. */
const char *
notes_reviewer_name(const char *opt);

/* REVIEWER's file name without ".xml" (see above) into BUF, of at least
 * NOTES_SAFE_NAME_MAX bytes. */
#define NOTES_SAFE_NAME_MAX 80
void
notes_safe_name(const char *reviewer, char *buf, size_t size);

/* T in local time (TZ; localtime_r) as "2026-11-28 17:15 +07" (the
 * offset from UTC, "+05:30" when not whole hours; "UTC" when it is 0),
 * into BUF; returns BUF ("?" when T cannot be shown). */
const char *
notes_format_time(time_t t, char *buf, size_t size);

/* A note's text from the file PATH (written in $EDITOR): the whole
 * file, final line ends dropped; NULL with *err set when it cannot be
 * read or holds more than NOTES_TEXT_MAX bytes (never cut). */
char *
notes_text_from_file(const char *path, struct notes_error *err);

/* The text notes anchor to for element ID (see above): malloc'd, NULL
 * when M has no such element. */
char *
notes_element_text(const struct minutes *m, const char *id);

/* FNV-1a 64 of LEN bytes as 16 lowercase hex digits + NUL. */
void
notes_hash(const char *s, size_t len, char out[17]);

/* Keywords as in the file ("question"), and translated labels. */
const char *
notes_kind_name(enum notes_kind k);
const char *
notes_disposition_name(enum notes_disposition d);
const char *
notes_disposition_label(enum notes_disposition d);
/* "accepted" -> NOTES_ACCEPTED: 0, or -1. */
int
notes_disposition_parse(const char *name, enum notes_disposition *d);
const char *
notes_status_name(enum notes_status st);
const char *
notes_kind_label(enum notes_kind k);
const char *
notes_status_label(enum notes_status st);
/* "question" -> NOTES_QUESTION: 0, or -1 for an unknown keyword. */
int
notes_kind_parse(const char *name, enum notes_kind *k);

/* Tests: the clock used for created/modified times (NULL: time()). */
void
notes_set_clock(time_t (*now)(void));
/* Tests: the part of new note ids that differs per process (NULL: 8
 * random hex digits chosen once per process; "": none). */
void
notes_set_id_tag(const char *tag);

#endif
