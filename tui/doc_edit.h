/* doc_edit.h - the curses-free half of editing the minutes (v) and of
 * copying (y, Y): the document and the source line of what is selected,
 * the text a copy takes, and the reload after an edit that keeps the
 * cursor on the same element by id.  Running the editor and writing
 * OSC 52 are the curses layer's (ui.c, act_edit.c).  No curses. */
#ifndef MINUTES_DOC_EDIT_H
#define MINUTES_DOC_EDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "browser.h"

/* The document v opens: the open one (loaded or not), else the meetings
 * list's selected one; NULL (said) when there is none. */
struct doc *doc_edit_doc(struct browser *b);
/* The source line of what is selected in the open document: a problem's
 * line, else the line of the selected element's start tag (the loader
 * keeps it), the line of the error of a file that could not be loaded;
 * 1 when nothing tells (the meetings list, the attendee list). */
uint32_t doc_edit_line(struct browser *b);

/* The most bytes a copy takes: more is refused whole, never cut. */
#define DOC_EDIT_COPY_MAX 100000

/* What y (REF false) copies: the selected element's text (an item's,
 * a section's heading, an attendee's name and role, the meeting's
 * title) or a problem as FILE:LINE:COL: message; what Y (REF true)
 * copies: the element's id and FILE:LINE ("kq1 data/a.xml:42"; a
 * problem: FILE:LINE).  Made safe: no control character but line feeds.
 * malloc'd; NULL (said) when nothing is selected that has a text. */
char *doc_edit_copy_text(struct browser *b, bool ref);

/* What was there before the editor ran. */
struct doc_edit_mark {
	uint64_t size, sum;   /* the file's bytes: how many, their FNV-1a */
	bool readable;
	char id[256];         /* the selected element ("": none) */
	char section[256];    /* ... its section's id ("": none) */
	int nav, content;     /* the positions */
	const struct entry_ops *ops; /* ... and the kind of entry selected */
	enum pane_id focus;
};

/* Before the editor: D's file and what is selected.  False (said) when
 * the file is not a regular file. */
bool doc_edit_begin(struct browser *b, struct doc *d, struct doc_edit_mark *mk);

enum doc_edit_result {
	DOC_EDIT_UNCHANGED, /* the same bytes: nothing done */
	DOC_EDIT_RELOADED,  /* read again; the cursor found again by id */
	DOC_EDIT_KEPT,      /* changed, but it no longer loads: the model
			     * from before is kept, the error said */
};

/* After the editor: D read again when its bytes changed, the cursor put
 * back on the element of MK by id (else on its section, else at the
 * top), the notes re-anchored; said in the status line ("Reloaded: 2
 * problems", "Not changed", the load error with FILE:LINE:COL). */
enum doc_edit_result doc_edit_end(struct browser *b, struct doc *d,
				  const struct doc_edit_mark *mk);

#endif
