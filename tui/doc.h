/* doc.h - the browser's documents: opening the files (a file, several,
 * or directories of them), loading, indexing (navigator entries,
 * attendees by name, verdict counts), reloading with the positions kept,
 * and closing.  No curses. */
#ifndef MINUTES_DOC_H
#define MINUTES_DOC_H

#include "browser.h"

/* browser_open and browser_close are meetings.h's (a folder opens
 * through its index there). */
#include "meetings.h"

/* Frees every document of B (browser_close). */
void doc_close_all(struct browser *b);
/* Reads every file of PATHS into B (a folder without its index, or when
 * the index failed: documents already loaded are kept). */
void browser_load_all(struct browser *b, char **paths);

/* The document of the file at PATH: with the index, loaded when it is
 * not (the least recently used of the others beyond a few freed); else
 * the one of B's documents (NULL: none). */
struct doc *doc_get(struct browser *b, const char *path);
/* Drops D from B and frees it. */
void doc_forget(struct browser *b, struct doc *d);
/* Whether D's file changed since it was loaded (identity, size, time). */
bool doc_changed(const struct doc *d);

/* Reads D's file again; its notes are re-anchored to the new text and
 * the positions kept where they still exist. */
void doc_reload(struct browser *b, struct doc *d);
/* The same, except that a file that no longer loads leaves D as it
 * was (the model, the notes, the positions; a document that could not
 * be loaded gets the new error): false then, and *ERR says why. */
bool doc_reload_keep(struct browser *b, struct doc *d, struct load_error *err);
/* Shows the sections of every document grouped by kind (BY_KIND) or in
 * the document's order, each cursor kept on what it was on. */
void doc_group_by_kind(struct browser *b, bool by_kind);
/* after any change of the notes */
void doc_notes_changed(struct browser *b);

#endif
