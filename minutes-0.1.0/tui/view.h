/* view.h - the browser's state and its panes (curses layer). */
#ifndef MINUTES_VIEW_H
#define MINUTES_VIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "draw.h"
#include "lineedit.h"
#include "loader.h"
#include "model.h"
#include "notes.h"
#include "search.h"
#include "text.h"

enum action {
#define ACTION(id, name, keys, help) ACT_##id,
#include "actions.def"
#undef ACTION
	ACT_COUNT
};

struct rect {
	int y, x, h, w;
};

/* A scrolled list: the selected record and the first one shown. */
struct cursor {
	int cur, top;
};

/* The navigator's entries besides sections (which are >= 0). */
enum {
	ENTRY_MEETING = -1,
	ENTRY_ATTENDEES = -2,
	ENTRY_PROBLEMS = -3,
	ENTRY_ORPHANS = -4,
};

struct doc {
	char *path;
	char *title;          /* safe one-line path for the title bar */
	struct minutes *m;    /* NULL when the file could not be loaded */
	struct notes_store *notes; /* the reviewers' notes (NULL: none) */
	char notice[1200];    /* said once when the document is first shown */
	enum load_status st;
	char error[2200];
	int *entries;         /* navigator order */
	int nentries;
	uint32_t *by_name;    /* attendees by given name */
	unsigned (*verdicts)[3]; /* per section: figures unknown, met, missed */
	/* the items each attendee speaks in, built on first use: those of
	 * person p are speaks[speaks_at[p] .. speaks_at[p + 1]) */
	uint32_t *speaks_at;
	struct { const char *text; uint32_t len; } *speaks; /* their texts,
				 * side by side: drawing the list reads
				 * no item */
	struct cursor nav;
	struct cursor *content; /* one per entry */
	struct cursor detail;
};

enum pane_id { PANE_NAV, PANE_CONTENT, PANE_DETAIL, PANE_COUNT };

struct ui;

/* A pane: what it lists, how tall a record is, how to draw one. */
struct pane_ops {
	const char *name;
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
};

extern const struct pane_ops pane_nav_ops;
extern const struct pane_ops pane_content_ops;
extern const struct pane_ops pane_detail_ops;
extern const struct pane_ops pane_list_ops;

/* The lines of the detail pane, built for the selected record. */
struct detail_line {
	const char *lead; /* drawn first (a number, a label), or NULL */
	enum style lead_st;
	int indent;       /* the text starts at this column */
	const char *s;    /* the text (a model string or a scratch one) */
	uint32_t off, len;
	enum style st;
};

/* A growing list of laid-out lines. */
struct lines {
	struct detail_line *v;
	int n, cap;
};

void lines_add(struct lines *l, const char *lead, enum style lead_st,
	       int indent, const char *s, uint32_t off, uint32_t len,
	       enum style st);
/* TEXT wrapped into WIDTH - INDENT columns; LEAD on the first line. */
void lines_wrap(struct lines *l, const char *lead, enum style lead_st,
		int indent, const char *text, int width, enum style st);
void lines_draw(const struct lines *l, struct rect r, int skip);
void lines_free(struct lines *l);

struct ui {
	struct doc **docs;
	int ndocs;
	bool archive;        /* several files: the meetings list is the top */
	int *list_order;     /* docs, newest first */
	struct cursor list;
	struct doc *doc;     /* the open document, NULL in the list */
	enum pane_id focus;
	bool attendees_doc_order;
	bool help;
	struct cursor help_cur;

	char msg[512];
	bool msg_error;

	char query[512];
	struct search_query *q;
	unsigned qgen;           /* a new query was compiled */
	bool redraw_all;         /* the next draw starts from a blank screen */
	bool search_back;

	/* the line being typed (0 when none): '/', '?' and ':' prompts,
	 * 'a' a new note, 'e' a note edited, 'y' a yes/no question */
	int prompt;
	struct lineedit edit;
	size_t edit_scroll;
	enum notes_kind edit_kind;
	char edit_target[256];  /* the element a new note is about */
	char edit_note[256];    /* the note being edited or asked about */
	char question[256];
	int question_action;    /* what 'y' does */
	int cursor_x, cursor_y; /* where the terminal cursor goes (-1: hidden) */

	const char *reviewer;
	int note_sel;           /* the selected note of the target */
	char note_target[256];  /* ... of this element */
	bool filter_open;       /* sections show only items with open notes */
	int *fidx, nfidx, fentry; /* the filtered items of entry fentry */
	const struct doc *fdoc;
	unsigned notes_gen, fgen;
	int note_line;          /* the detail line of the selected note */
	bool note_scroll;       /* bring it into view at the next draw */

	int cols, rows;
	struct rect panes[PANE_COUNT];
	bool visible[PANE_COUNT];
	int body_top;        /* first row of the panes */

	struct lines detail;
	struct lines rec;    /* scratch for one content record */
	char **scratch;
	int nscratch, scratch_cap;

	bool quit;
	int status;
};

/* ui.c */
void ui_message(struct ui *ui, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void ui_notes_changed(struct ui *ui); /* after any change of notes */
void ui_goto_item(struct ui *ui, int entry_index, int item);
const struct mn_section *ui_section(struct ui *ui, int entry);
int ui_entry(struct ui *ui);         /* the navigator's selected entry */
int ui_content_cur(struct ui *ui);
const struct pane_ops *ui_pane_ops(struct ui *ui, enum pane_id id);
const char *ui_scratch(struct ui *ui, char *s); /* kept until next build */

/* wrap cache: lines of TEXT at WIDTH, kept across keystrokes */
size_t wrap_lines(const char *text, int width, const struct text_line **out);
void wrap_cache_clear(void);

/* pane_detail.c */
void detail_build(struct ui *ui, int width);

/* ui_notes.c: notes in the browser */
const char *ui_target(struct ui *ui);   /* the selected element's id */
int ui_item_count(struct ui *ui, int entry);   /* items shown */
int ui_item_at(struct ui *ui, int entry, int shown); /* shown -> item */
int ui_shown_of(struct ui *ui, int entry, int item); /* item -> shown, -1 */
void notes_lines(struct ui *ui, struct lines *l, const char *id, int width);
const struct note *ui_selected_note(struct ui *ui);
int ui_notes_action(struct ui *ui, int action); /* 0: not a notes action */
void ui_notes_prompt_done(struct ui *ui, bool save);
void ui_notes_answer(struct ui *ui, bool yes);
void ui_notes_attach(struct ui *ui, const char *id); /* :attach ID */
const char *note_time(time_t t, char *buf, size_t size);

/* pane_content.c */
int meeting_fields(const struct minutes *m, int i, const char **label,
		   const char **value);
/* "≥98%", the value as written (malloc'd; out of memory aborts) */
char *figure_text(const struct mn_figure *f);
const char *verdict_mark(enum mn_verdict v);
int person_at(struct ui *ui, int idx); /* in the attendees' shown order */

#endif
