/* view.h - the browser's state and its panes (curses layer). */
#ifndef MINUTES_VIEW_H
#define MINUTES_VIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "draw.h"
#include "loader.h"
#include "model.h"
#include "search.h"
#include "text.h"

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
};

struct doc {
	char *path;
	char *title;          /* safe one-line path for the title bar */
	struct minutes *m;    /* NULL when the file could not be loaded */
	enum load_status st;
	char error[2200];
	int *entries;         /* navigator order */
	int nentries;
	uint32_t *by_name;    /* attendees by given name */
	unsigned (*verdicts)[3]; /* per section: figures unknown, met, missed */
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
	bool search_back;

	/* the line being typed after '/', '?' or ':' (0 when none) */
	int prompt;
	char input[1024];
	size_t input_len;

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

/* pane_content.c */
int meeting_fields(const struct minutes *m, int i, const char **label,
		   const char **value);
const char *figure_text(const struct mn_figure *f, char *buf, size_t size);
const char *verdict_mark(enum mn_verdict v);
int person_at(struct ui *ui, int idx); /* in the attendees' shown order */

#endif
