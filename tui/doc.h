/* doc.h - the browser's documents: opening the files (a file, several,
 * or directories of them), loading, indexing (navigator entries,
 * attendees by name, verdict counts), reloading with the positions kept,
 * and closing.  No curses. */
#ifndef MINUTES_DOC_H
#define MINUTES_DOC_H

#include "browser.h"

/* Opens ARGS (files or directories; NARGS 0: ".") into B, the reviewer
 * REVIEWER; the meetings list is sorted newest first.  Returns the
 * number of documents (0: none found, said on stderr). */
int browser_open(struct browser *b, char *const *args, int nargs,
		 const char *reviewer);
void browser_close(struct browser *b);

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
