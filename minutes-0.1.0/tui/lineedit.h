/* lineedit.h - a one-line text editor's state, by grapheme cluster (no
 * curses): the notes editor and the '/', '?', ':' prompts use it.
 *
 * The text is always valid NFC UTF-8; the cursor is a byte offset that
 * always sits on a grapheme cluster boundary. */
#ifndef MINUTES_LINEEDIT_H
#define MINUTES_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>

struct lineedit {
	char *buf;     /* NUL-terminated */
	size_t len, cap;
	size_t cursor; /* byte offset, on a cluster boundary */
	size_t max;    /* most bytes the text may hold (0: 64 KiB) */
};

void lineedit_init(struct lineedit *e);
void lineedit_free(struct lineedit *e);
/* Replaces the text (repaired to NFC); the cursor goes to the end. */
void lineedit_set(struct lineedit *e, const char *s);
void lineedit_clear(struct lineedit *e);

/* Inserts bytes at the cursor (typed or pasted: any bytes, repaired;
 * '\n', '\r' and TAB become spaces, other controls are dropped), then
 * normalizes to NFC: a combining mark typed after a letter composes with
 * it.  The cursor ends after the inserted text. */
void lineedit_insert(struct lineedit *e, const char *s, size_t len);
/* Inserts one code point (from get_wch). */
void lineedit_insert_char(struct lineedit *e, unsigned c);

/* Each removes or moves by exactly one grapheme cluster; false when
 * there was nothing to do. */
bool lineedit_backspace(struct lineedit *e);
bool lineedit_delete(struct lineedit *e);
bool lineedit_left(struct lineedit *e);
bool lineedit_right(struct lineedit *e);
void lineedit_home(struct lineedit *e);
void lineedit_end(struct lineedit *e);
/* Ctrl-U: removes everything before the cursor. */
void lineedit_kill_before(struct lineedit *e);

/* Horizontal scrolling: the byte offset of the first cluster to show so
 * that the cursor is visible in WIDTH columns (one column kept for the
 * cursor at the end), given the previous first offset *SCROLL (updated).
 * Returns the cursor's column relative to the first shown cluster. */
int lineedit_view(const struct lineedit *e, int width, size_t *scroll);

#endif
