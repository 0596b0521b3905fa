/* ui.h - the curses browser: its entry point, and the state of its thin
 * curses layer (struct ui) around the browser model (browser.h).  The
 * input loop, the replay, the mouse and the $EDITOR handover are in
 * ui.c; drawing is screen.c over the pane driver (panes.h); keys reach
 * their handlers through the action table (actions.h). */
#ifndef MINUTES_UI_H
#define MINUTES_UI_H

#include <stdbool.h>

#include "browser.h"
#include "doc_edit.h"
#include "layout.h"
#include "lineedit.h"
#include "lines.h"
#include "notes.h"

struct ui_options {
	const char *replay;      /* --replay KEYS: headless, keys from a file */
	const char *dump_screen; /* --dump-screen OUT */
	bool dump_attrs;         /* --dump-attrs: attribute rows too */
	bool replay_time;        /* --replay-time: the keys' time to stderr */
	bool mouse;              /* --mouse: clicks and the wheel */
	bool no_index;           /* --no-index: a folder's files all read */
	const char *reviewer;
};

/* Opens the browser on ARGS (files or directories; none: "."), returns
 * the exit status. */
int ui_main(char *const *args, int nargs, const struct ui_options *opt);

/* The line being typed at the bottom. */
enum prompt_mode {
	PROMPT_NONE,
	PROMPT_SEARCH,      /* / */
	PROMPT_SEARCH_BACK, /* ? */
	PROMPT_COMMAND,     /* : */
	PROMPT_NOTE_ADD,    /* a: a new note */
	PROMPT_NOTE_EDIT,   /* e: a note edited */
	PROMPT_QUESTION,    /* a yes/no question */
	PROMPT_NOTE_REPLY,  /* R: an answer to the selected note */
	PROMPT_SIGNOFF,     /* S: signing off, an optional remark */
	PROMPT_LIST_FILTER, /* |: the meetings list's text filter */
};

/* What the last key did to the line being typed: the caller (ui.c)
 * hands what was typed to the search, the commands or the notes. */
enum prompt_result {
	PROMPT_GOES_ON,   /* still typing */
	PROMPT_ENTERED,   /* Enter: the line is in ui->edit */
	PROMPT_ESCAPED,   /* Esc or C-g */
	PROMPT_CLOSED,    /* backspace on an empty search or command */
	PROMPT_YES,       /* the question's answer */
	PROMPT_NO,
};

/* What a yes/no question decides. */
enum question {
	ASK_DISCARD_NEW = 1,
	ASK_DISCARD_EDIT,
	ASK_DELETE,
	ASK_DISCARD_REPLY,
	ASK_QUIT_UNSAVED,  /* quitting with notes not saved */
};

/* What the screen shows, one draw function each (screen.c). */
enum screen_state {
	SCREEN_TOO_SMALL,
	SCREEN_HELP,
	SCREEN_ERROR,     /* a file that could not be loaded */
	SCREEN_LIST,      /* the meetings list */
	SCREEN_MEETING,
};

/* A request for the $EDITOR handover, done by the loop after the key
 * (ui.c), then handed to act_notes_editor_done. */
struct editor_request {
	bool pending;
	char *text;             /* what the file starts with (malloc'd) */
	char *orig;             /* the note's text before (malloc'd) */
	enum notes_kind kind;
	/* v: the minutes file itself, at a line (FILE NULL: a note) */
	struct doc *file;
	uint32_t line;
	struct doc_edit_mark mark;
};

struct ui {
	struct browser b;       /* the model: everything below the screen */
	bool help;
	struct cursor help_cur;
	bool redraw_all;        /* the next draw starts from a blank screen */

	enum prompt_mode prompt;
	enum prompt_result prompt_result; /* of the last key */
	enum prompt_mode prompt_was;      /* the mode it closed */
	struct lineedit edit;
	/* what was typed at the search and command prompts, oldest first
	 * (Up and Down go through it); the line being typed is kept aside
	 * while they do */
	struct prompt_history {
		char *v[64];
		int n, pos;
		char *draft;
	} history[2];
	size_t edit_scroll;
	enum notes_kind edit_kind;
	enum notes_disposition edit_disposition; /* of an answer (Tab) */
	char edit_target[256];  /* the element a new note is about */
	char edit_note[256];    /* the note being edited or asked about */
	char edit_about[300];   /* what the note is about, for the prompt */
	char question[256];
	enum question question_action;
	int cursor_x, cursor_y; /* where the terminal cursor goes (-1: hidden) */
	int sel_x, sel_y;       /* the selected row, for the cursor (-1: none) */
	struct editor_request editor;
	/* a bracketed paste being read: its text, line ends as '\n';
	 * marks: the terminal was asked to mark pastes (not in --replay) */
	struct {
		bool marks, on, cr, refused;
		char *buf;
		size_t len, cap;
	} paste;

	bool headless;          /* --replay: keys from a script, no terminal */
	int cols, rows;
	struct layout lay;
	struct screen_memo *memo; /* what was drawn (screen.c) */
	struct lines detail;    /* the detail pane's lines */
	struct lines rec;       /* one content record, laid out */
};

#endif
