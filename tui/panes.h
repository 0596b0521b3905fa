/* panes.h - the generic pane driver: a pane is an ops table (what it
 * lists, how tall a record is, how to draw one, its header and cursor)
 * and flags; the driver scrolls, pages, draws the visible records and
 * finds the record under a click, asking flags, never pane names.  The
 * panes: pane_list.c (the meetings), pane_nav.c, pane_content.c,
 * pane_detail.c. */
#ifndef MINUTES_PANES_H
#define MINUTES_PANES_H

#include <stdbool.h>
#include <stddef.h>

#include "layout.h"
#include "ui.h"

enum pane_flags {
	/* a list of lines, none selected: the cursor is the first shown */
	PANE_SCROLLS_LINES = 1 << 0,
	/* shows what the other panes' cursors select */
	PANE_FOLLOWS = 1 << 1,
	/* shows the navigator's selected entry */
	PANE_OF_ENTRY = 1 << 2,
};

struct pane_ops {
	const char *name;
	unsigned flags;
	int (*count)(struct ui *ui);
	/* NULL: every record is one line */
	int (*height)(struct ui *ui, int idx, int width);
	/* Draws lines [skip, skip + r.h) of record IDX into R. */
	void (*draw)(struct ui *ui, int idx, struct rect r, int skip,
		     bool selected);
	/* The header line's text (into BUF). */
	void (*header)(struct ui *ui, char *buf, size_t size);
	struct cursor *(*cursor)(struct ui *ui);
	/* blank lines that end each record (not part of the selection) */
	int (*gap)(struct ui *ui);
	/* builds what the pane shows before it is scrolled (NULL: none) */
	void (*prepare)(struct ui *ui);
};

extern const struct pane_ops pane_nav_ops;
extern const struct pane_ops pane_content_ops;
extern const struct pane_ops pane_detail_ops;
extern const struct pane_ops pane_list_ops;

/* The pane in place ID (the meetings list when no meeting is open). */
const struct pane_ops *pane_ops_of(struct ui *ui, enum pane_id id);
/* The pane that has the keys. */
enum pane_id pane_focused(struct ui *ui);

/* Keeps the cursor inside the list and on screen. */
void pane_fix(struct ui *ui, enum pane_id id);
/* Moves the cursor by about a screenful (DIR 1 or -1). */
void pane_page(struct ui *ui, enum pane_id id, int dir);
/* Moves the focused pane's cursor by DELTA records. */
void pane_move(struct ui *ui, int delta);
/* The record drawn on screen row Y (-1: the header, or below the last). */
int pane_record_at(struct ui *ui, enum pane_id id, int y);

/* Draws the records from the first shown one; with ONLY_A or ONLY_B
 * >= 0, just those two (their rows cleared first). */
void pane_draw_records(struct ui *ui, enum pane_id id, int only_a,
		       int only_b);
void pane_draw_header(struct ui *ui, enum pane_id id);
void pane_draw(struct ui *ui, enum pane_id id);

#endif
