/* ui.c - the curses browser's top: the input loop on a terminal, the
 * headless replay (--replay), the mouse, the $EDITOR handover, and where
 * a key goes (the prompt, the help screen, or the action table). */
#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "act_edit.h"
#include "act_notes.h"
#include "cli.h"
#include "actions.h"
#include "commands.h"
#include "doc.h"
#include "draw.h"
#include "keys.h"
#include "meetings.h"
#include "navigate.h"
#include "nls.h"
#include "panes.h"
#include "prompt.h"
#include "screen.h"
#include "ui.h"
#include "xalloc.h"

/* The most bytes a bracketed paste may bring (the line holds 64 KiB). */
#define LINEEDIT_PASTE_MAX 65536

/* --- bracketed paste ------------------------------------------------------ */

/* Whether the terminal marks pasted text (ESC [ ? 2004 h/l, or the
 * terminfo's BE/BD): on while the browser runs, off for the editor and
 * at the end (the terminal mode only: never in --replay).  Turned on
 * only once curses has set the screen up (the first refresh), which
 * would otherwise lose it, and sent at once. */
static void
paste_mode(struct ui *ui, bool on)
{
	if (!ui->paste.marks)
		return;
	char *cap = tigetstr(on ? "BE" : "BD");
	if (!cap || cap == (char *)-1)
		cap = on ? "\033[?2004h" : "\033[?2004l";
	putp(cap);
	fflush(stdout);
	if (on)
		refresh();
}

/* A key of a pasted block: its characters kept (line ends as '\n', one
 * for CR, LF or CR LF), anything else (function keys, controls) left
 * out: nothing pasted is ever run as a key. */
static void
paste_add(struct ui *ui, int key)
{
	char b[4];
	size_t n = 0;
	bool cr = ui->paste.cr;

	ui->paste.cr = key == '\r';
	if (key == '\r' || (key == '\n' && !cr))
		b[n++] = '\n';
	else if (key == '\t' || (!KEY_IS_FN(key) && key >= 32 && key != 127 &&
				  !(key >= 0x80 && key < 0xA0))) {
		unsigned c = (unsigned)key;
		if (c < 0x80) {
			b[n++] = (char)c;
		} else if (c < 0x800) {
			b[n++] = (char)(0xC0 | (c >> 6));
			b[n++] = (char)(0x80 | (c & 0x3F));
		} else if (c < 0x10000) {
			b[n++] = (char)(0xE0 | (c >> 12));
			b[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
			b[n++] = (char)(0x80 | (c & 0x3F));
		} else {
			b[n++] = (char)(0xF0 | (c >> 18));
			b[n++] = (char)(0x80 | ((c >> 12) & 0x3F));
			b[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
			b[n++] = (char)(0x80 | (c & 0x3F));
		}
	}
	if (n == 0 || ui->paste.refused)
		return;
	if (ui->paste.len + n > LINEEDIT_PASTE_MAX) {
		ui->paste.refused = true; /* refused whole, never cut */
		return;
	}
	if (ui->paste.len + n + 1 > ui->paste.cap) {
		ui->paste.cap = (ui->paste.len + n + 1) * 2;
		ui->paste.buf = xrealloc(ui->paste.buf, ui->paste.cap);
	}
	memcpy(ui->paste.buf + ui->paste.len, b, n);
	ui->paste.len += n;
}

/* The end of a pasted block: into the line being typed (a note, a
 * search, a command; line ends become spaces, those at the end go),
 * else left alone with a message. */
static void
paste_end(struct ui *ui)
{
	size_t len = ui->paste.len;

	ui->paste.on = false;
	while (len > 0 && ui->paste.buf[len - 1] == '\n')
		len--;
	if (!ui->prompt || ui->prompt == PROMPT_QUESTION) {
		if (len > 0 || ui->paste.refused)
			browser_message(&ui->b, true, "%s",
					_("Pasted text is not taken as keys: paste it into a note (a) or a search (/)"));
	} else if (ui->paste.refused) {
		browser_message(&ui->b, true, _("The pasted text has more than %d bytes; nothing was pasted"),
				LINEEDIT_PASTE_MAX);
	} else if (len > 0) {
		size_t before = ui->edit.len;
		lineedit_insert(&ui->edit, ui->paste.buf, len);
		if (ui->edit.len == before)
			browser_message(&ui->b, true, "%s",
					_("The pasted text does not fit in the line; nothing was pasted"));
	}
	ui->paste.len = 0;
	ui->paste.refused = false;
}

/* --- the $EDITOR handover ------------------------------------------------ */

/* The editor's command: $VISUAL, else $EDITOR, else vi. */
static const char *
editor_command(void)
{
	const char *editor = getenv("VISUAL");

	if (!editor || !*editor)
		editor = getenv("EDITOR");
	if (!editor || !*editor)
		editor = "vi";
	return editor;
}

/* The editor on PATH (after LINE_ARG, "+12", when not NULL), the screen
 * handed over and taken back: curses' mode saved and the screen left
 * (bracketed paste off), then restored and redrawn whole.  The command
 * is split into words as a shell does (sh -c, so $EDITOR may be
 * "emacs -nw" or carry quotes); the line and the file are the shell's
 * arguments, never part of the command text.  True when the editor
 * exited with status 0. */
static bool
editor_spawn(struct ui *ui, const char *editor, const char *line_arg,
	     const char *path)
{
	char dotted[4096];

	if (path[0] == '-') { /* never taken for an option */
		snprintf(dotted, sizeof(dotted), "./%s", path);
		path = dotted;
	}
	paste_mode(ui, false); /* the editor asks for it itself if it wants it */
	def_prog_mode();
	endwin();
	/* as system(3) does: a Ctrl-C or Ctrl-\ typed in the editor is
	 * the editor's, it does not end the browser waiting for it */
	struct sigaction ign, was_int, was_quit;
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &was_int);
	sigaction(SIGQUIT, &ign, &was_quit);
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		const char *run = "eval \"$0 \\\"\\$@\\\"\"";
		if (line_arg)
			execl("/bin/sh", "sh", "-c", run, editor, line_arg, path,
			      (char *)NULL);
		else
			execl("/bin/sh", "sh", "-c", run, editor, path, (char *)NULL);
		_exit(127);
	}
	int status = -1;
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &was_int, NULL);
	sigaction(SIGQUIT, &was_quit, NULL);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	paste_mode(ui, true);
	return pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* $VISUAL or $EDITOR on a temporary file holding TEXT, with the screen
 * handed over and back.  The new text (malloc'd), or NULL. */
static char *
editor_run(struct ui *ui, const char *text)
{
	const char *editor = editor_command();
	const char *tmpdir = getenv("TMPDIR");
	char path[4096];

	snprintf(path, sizeof(path), "%s/minutes-note-XXXXXX",
		 tmpdir && *tmpdir ? tmpdir : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0) {
		browser_message(&ui->b, true, "%s: %s",
				_("cannot make a temporary file"), strerror(errno));
		return NULL;
	}
	size_t len = strlen(text);
	bool ok = write(fd, text, len) == (ssize_t)len;
	close(fd);
	if (!ok) {
		unlink(path);
		return NULL;
	}
	char *out = NULL;
	if (editor_spawn(ui, editor, NULL, path)) {
		struct notes_error e; /* the whole file, or a message: never cut */
		if (!(out = notes_text_from_file(path, &e)))
			browser_message(&ui->b, true, "%s", e.msg);
	} else {
		browser_message(&ui->b, true,
				_("The editor (%s) failed; the note was not saved"),
				editor);
	}
	unlink(path);
	return out;
}

static void
editor_handover(struct ui *ui)
{
	if (!ui->editor.pending)
		return;
	ui->editor.pending = false;
	if (ui->editor.file) { /* v: the minutes themselves */
		struct doc *d = ui->editor.file;
		char line[32];
		ui->editor.file = NULL;
		snprintf(line, sizeof(line), "+%u", (unsigned)ui->editor.line);
		const char *editor = editor_command();
		act_edit_file_done(ui, d, editor,
				   editor_spawn(ui, editor, line, d->path));
		return;
	}
	char *text = editor_run(ui, ui->editor.text);
	act_notes_editor_done(ui, text);
	free(text);
	free(ui->editor.text);
	ui->editor.text = NULL;
	free(ui->editor.orig);
	ui->editor.orig = NULL;
}

/* --- where a key goes ---------------------------------------------------- */

/* What was typed in the prompt goes to the search, the commands or the
 * notes. */
static void
prompt_finish(struct ui *ui)
{
	enum prompt_mode was = ui->prompt_was;
	bool note = was == PROMPT_NOTE_ADD || was == PROMPT_NOTE_EDIT ||
		    was == PROMPT_NOTE_REPLY;
	enum prompt_result r = ui->prompt_result;

	ui->prompt_result = PROMPT_GOES_ON;
	switch (r) {
	case PROMPT_ENTERED:
		if (was == PROMPT_COMMAND)
			commands_run(ui, ui->edit.buf);
		else if (was == PROMPT_SIGNOFF)
			act_notes_signoff_done(ui, ui->edit.buf);
		else if (was == PROMPT_LIST_FILTER) {
			char what[256];
			meetings_set_text(&ui->b, ui->edit.buf);
			browser_message(&ui->b, false, "%s",
					meetings_describe(&ui->b, what, sizeof(what)));
		}
		else if (note)
			act_notes_prompt_done(ui, true);
		else if (navigate_search_set(&ui->b, ui->edit.buf,
					     was == PROMPT_SEARCH_BACK)) {
			if (ui->b.doc)
				navigate_search_next(&ui->b, false);
			else
				meetings_search_next(&ui->b, false);
		}
		break;
	case PROMPT_ESCAPED:
		if (note)
			act_notes_prompt_done(ui, false);
		else if (was == PROMPT_SIGNOFF)
			browser_message(&ui->b, false, "%s", _("Not signed off"));
		break;
	case PROMPT_YES:
	case PROMPT_NO:
		act_notes_answer(ui, r == PROMPT_YES);
		break;
	default:
		break;
	}
}

/* A key in the line being typed: its row of actions.def, or typed in. */
static void
prompt_key(struct ui *ui, int key)
{
	int act = actions_for_key(key, true);

	if (ui->prompt == PROMPT_QUESTION && act != ACT_REDRAW)
		prompt_answer(ui, key);
	else if (act >= 0)
		actions_run(ui, (enum action)act);
	else
		prompt_insert(ui, key);
	if (ui->prompt_result != PROMPT_GOES_ON)
		prompt_finish(ui);
}

static void
help_key(struct ui *ui, int act)
{
	int page = screen_help_page(ui);

	switch (act) {
	case ACT_DOWN: screen_help_scroll(ui, 1); break;
	case ACT_UP: screen_help_scroll(ui, -1); break;
	case ACT_PAGE_DOWN: screen_help_scroll(ui, page > 1 ? page - 1 : 1); break;
	case ACT_PAGE_UP: screen_help_scroll(ui, -(page > 1 ? page - 1 : 1)); break;
	case ACT_FIRST: ui->help_cur.top = 0; break;
	case ACT_LAST: screen_help_scroll(ui, 1 << 20); break;
	case ACT_QUIT_NOW: case ACT_INTERRUPT: act_quit_now(ui, (enum action)act); break;
	case ACT_QUIT: case ACT_BACK: case ACT_HELP: ui->help = false; break;
	default: break;
	}
}

static void
handle_key(struct ui *ui, int key)
{
	if (key == KEYC_PASTE_START) {
		ui->paste.on = true;
		ui->paste.cr = ui->paste.refused = false;
		ui->paste.len = 0;
		return;
	}
	if (ui->paste.on) {
		if (key == KEYC_PASTE_END)
			paste_end(ui);
		else
			paste_add(ui, key);
		return;
	}
	if (key == KEY_FN_BASE + KEY_RESIZE || key == KEYC_PASTE_END)
		return; /* the next draw reads the new size */
	if (ui->prompt) {
		prompt_key(ui, key);
		editor_handover(ui);
		return;
	}
	int act = actions_for_key(key, false);
	if (act != ACT_REDRAW)
		ui->b.msg[0] = '\0';
	if (ui->help) {
		help_key(ui, act);
		return;
	}
	if (act < 0) {
		char name[32];
		browser_message(&ui->b, true, _("Key %s is not bound (H shows the keys)"),
				keys_name(key, name, sizeof(name)));
		return;
	}
	actions_run(ui, (enum action)act);
	editor_handover(ui);
}

/* The mouse (--mouse, or <Click X,Y> in a script) on column X, row Y of
 * the screen last drawn: a click focuses the pane under it and selects
 * the record there; the wheel moves that pane's cursor three records (the
 * detail pane: three lines).  Nothing while a line is being typed. */
static void
ui_mouse(struct ui *ui, int kind, int x, int y)
{
	if (ui->prompt)
		return;
	ui->b.msg[0] = '\0';
	if (ui->help) {
		if (kind == KEYC_WHEEL_DOWN)
			screen_help_scroll(ui, 3);
		else if (kind == KEYC_WHEEL_UP)
			screen_help_scroll(ui, -3);
		return;
	}
	enum screen_state st = screen_state(ui);
	if (st != SCREEN_LIST && st != SCREEN_MEETING)
		return;
	int p = -1;
	for (int i = 0; i < PANE_COUNT; i++) {
		struct rect r = ui->lay.panes[i];
		if (ui->lay.visible[i] && y >= r.y && y < r.y + r.h && x >= r.x &&
		    x < r.x + r.w)
			p = i;
	}
	if (p < 0 || (!ui->b.doc && p != PANE_NAV))
		return;
	enum pane_id was = ui->b.focus;
	if (ui->b.doc)
		ui->b.focus = (enum pane_id)p;
	if (kind != KEYC_CLICK) {
		pane_move(ui, kind == KEYC_WHEEL_UP ? -3 : 3);
		if (ui->b.doc)
			ui->b.focus = was; /* the wheel leaves the focus where it was */
		return;
	}
	int idx = pane_record_at(ui, (enum pane_id)p, y);
	if (idx >= 0) {
		struct cursor *c = pane_ops_of(ui, (enum pane_id)p)->cursor(ui);
		pane_move(ui, idx - c->cur);
	}
}

/* --- the loop ------------------------------------------------------------ */

static volatile sig_atomic_t got_signal;

static void
on_signal(int sig)
{
	got_signal = sig;
}

static void
signals_init(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

/* The index's first sync (meetings_sync), the status line saying how
 * far it is while the list fills in; Ctrl-C stops it (what was done is
 * kept).  False when it was stopped. */
static void
ui_progress(struct browser *b, size_t done, size_t total, double rate,
	    void *arg)
{
	struct ui *ui = arg;
	char buf[256];
	browser_message(b, false, "%s",
			meetings_progress_text(buf, sizeof(buf), done, total, rate));
	b->list_ready = false; /* the rows indexed so far */
	draw_screen(ui);
	refresh();
}

static bool
ui_stop(void *arg)
{
	(void)arg;
	return got_signal == SIGINT || got_signal == SIGTERM || got_signal == SIGHUP;
}

static bool
ui_sync(struct ui *ui)
{
	if (!ui->b.ix)
		return true;
	meetings_sync(&ui->b);
	return !ui->b.interrupted;
}

static bool
locale_ok(void)
{
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return true;
	if (setlocale(LC_ALL, "C.UTF-8") && strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return true;
	fprintf(stderr, "minutes: %s\n%s\n",
		_("the browser needs a UTF-8 locale, and none is available"),
		_("hint: set LANG=C.UTF-8 (or another UTF-8 locale) and try again"));
	return false;
}

/* How long an Esc waits for the rest of a key's sequence: $ESCDELAY
 * (milliseconds, as ncurses reads it), else 25 ms.  A slow link splits
 * an arrow key's bytes; a longer delay keeps them one key. */
static int
escdelay_ms(void)
{
	const char *e = getenv("ESCDELAY");
	char *end;

	if (!e || !*e)
		return 25;
	errno = 0;
	long v = strtol(e, &end, 10);
	if (*end || errno || v < 0 || v > 10000)
		return 25;
	return (int)v;
}

static void
screen_setup(bool color)
{
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(escdelay_ms());
	curs_set(0);
	const char *no_color = getenv("NO_COLOR");
	draw_init(color && !(no_color && *no_color));
}

static int
run_terminal(struct ui *ui, const struct ui_options *opt)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "minutes: %s\n",
			_("the browser needs a terminal (--dump prints the minutes)"));
		return 2;
	}
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		fprintf(stderr, "minutes: %s\n", _("cannot set up the terminal (is TERM right?)"));
		return 2;
	}
	/* a terminal that cannot move the cursor (TERM=dumb) would show a
	 * blank screen that takes keys */
	const char *cup = tigetstr("cup");
	if (!cup || cup == (char *)-1) {
		endwin();
		delscreen(scr);
		fprintf(stderr, "minutes: %s\n%s\n",
			_("this terminal cannot move the cursor (TERM is dumb or unknown to it)"),
			_("hint: --dump prints the minutes, or set TERM to the terminal's name"));
		return 2;
	}
	screen_setup(true);
	define_key("\033[200~", KEYS_NC_PASTE_START);
	define_key("\033[201~", KEYS_NC_PASTE_END);
	if (opt->mouse) {
		/* presses, not clicks: no wait for the release */
		mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
		mouseinterval(0);
	}
	signals_init();
	if (!ui_sync(ui)) {
		endwin();
		fprintf(stderr, "minutes: %s\n",
			_("interrupted: the index keeps the files done so far, the next run goes on"));
		return 128 + (got_signal ? got_signal : SIGINT);
	}
	int errors = 0;
	while (!ui->b.quit) {
		/* a ^C inside pasted text reaches us as SIGINT: pasted, so
		 * not a key */
		if (got_signal == SIGINT && ui->paste.on)
			got_signal = 0;
		/* Ctrl-C (SIGINT, the terminal's own) in a line being typed
		 * is a key: it cancels the line as Esc does */
		if (got_signal == SIGINT && ui->prompt) {
			got_signal = 0;
			handle_key(ui, KEYC_INTR);
			continue;
		}
		if (got_signal)
			break;
		draw_screen(ui);
		if (ui->cursor_x >= 0) {
			move(ui->cursor_y, ui->cursor_x);
			curs_set(1);
		} else if (ui->sel_y >= 0) {
			/* on the selected row: visible where the terminal
			 * allows, for screen readers and braille displays */
			move(ui->sel_y, ui->sel_x);
			curs_set(1);
		} else {
			curs_set(0);
		}
		refresh();
		if (!ui->paste.marks) {
			ui->paste.marks = true;
			paste_mode(ui, true);
		}
		wint_t wch;
		/* a paste whose end mark never comes (a terminal cut off in
		 * the middle) ends when nothing more comes for 2 s: keys
		 * are never swallowed for good */
		timeout(ui->paste.on ? 2000 : -1);
		int ret = get_wch(&wch);
		if (ret == ERR && ui->paste.on && !got_signal) {
			paste_end(ui);
			continue;
		}
		if (ret == ERR) {
			/* the terminal went away: do not spin */
			if (got_signal == SIGINT && ui->prompt)
				continue; /* the line's Ctrl-C, above */
			if (got_signal || ++errors > 100)
				break;
			continue;
		}
		errors = 0;
		if (ret == KEY_CODE_YES && wch == KEY_MOUSE) {
			MEVENT ev;
			if (getmouse(&ev) != OK)
				continue;
			if (ev.bstate & BUTTON4_PRESSED)
				ui_mouse(ui, KEYC_WHEEL_UP, ev.x, ev.y);
			else if (ev.bstate & BUTTON5_PRESSED)
				ui_mouse(ui, KEYC_WHEEL_DOWN, ev.x, ev.y);
			else if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
				ui_mouse(ui, KEYC_CLICK, ev.x, ev.y);
			continue;
		}
		/* in a paste, CR and LF as they came (a CR LF is one line end) */
		int key = ui->paste.on && ret != KEY_CODE_YES ? (int)wch
			  : key_from_input(ret == KEY_CODE_YES, (unsigned)wch);
		if (key >= 0)
			handle_key(ui, key);
	}
	paste_mode(ui, false);
	endwin();
	/* ended by a signal: 128 + its number, as shells expect (130 for
	 * Ctrl-C) */
	return got_signal ? 128 + got_signal : ui->b.status;
}

static int
run_replay(struct ui *ui, const struct ui_options *opt)
{
	FILE *f = fopen(opt->replay, "rb");
	char err[256];
	struct key_script ks;

	if (!f) {
		cli_error("%s: %s", opt->replay, strerror(errno));
		return 2;
	}
	char *buf = NULL;
	size_t len = 0, cap = 0, n;
	char chunk[4096];
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (len + n + 1 > cap) {
			cap = (len + n + 1) * 2;
			buf = xrealloc(buf, cap);
		}
		memcpy(buf + len, chunk, n);
		len += n;
	}
	fclose(f);
	if (!key_script_parse(buf ? buf : "", len, &ks, err, sizeof(err))) {
		cli_error("%s:%s", opt->replay, err);
		free(buf);
		return 2;
	}
	free(buf);

	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	if (!getenv("COLUMNS"))
		setenv("COLUMNS", "80", 1);
	if (!getenv("LINES"))
		setenv("LINES", "24", 1);
	SCREEN *scr = out && in ? newterm("xterm-256color", out, in) : NULL;
	if (!scr) {
		fprintf(stderr, "minutes: %s\n", _("cannot set up the headless screen"));
		key_script_free(&ks);
		if (out) fclose(out);
		if (in) fclose(in);
		return 2;
	}
	screen_setup(true);
	ui->headless = true;
	/* the first screen, then each key and the screen after it: the
	 * keys' time (--replay-time) leaves out loading and the first draw */
	struct timespec t0, t1;
	size_t done = 0;
	ui_sync(ui);
	draw_screen(ui);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (size_t i = 0; i < ks.n && !ui->b.quit; i++) {
		if (ks.keys[i] == KEY_FN_BASE + KEY_RESIZE)
			resizeterm(ks.rows[i], ks.cols[i]);
		if (KEY_IS_MOUSE(ks.keys[i]))
			ui_mouse(ui, ks.keys[i], ks.cols[i], ks.rows[i]);
		else
			handle_key(ui, ks.keys[i]);
		draw_screen(ui);
		done++;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	wnoutrefresh(stdscr);
	if (opt->replay_time) {
		double s = (double)(t1.tv_sec - t0.tv_sec) +
			   (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		fprintf(stderr, "minutes: replay: %zu keys in %.6f s (%.1f us per key)\n",
			done, s, done ? s * 1e6 / (double)done : 0.0);
	}
	int status = ui->b.status;
	if (!draw_dump_screen(opt->dump_screen, opt->dump_attrs)) {
		cli_error("%s: %s", opt->dump_screen, strerror(errno));
		status = 2;
	}
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	key_script_free(&ks);
	return status;
}

static void
ui_free(struct ui *ui)
{
	browser_close(&ui->b);
	lines_free(&ui->detail);
	lines_free(&ui->rec);
	lineedit_free(&ui->edit);
	prompt_history_free(ui);
	free(ui->editor.text);
	free(ui->paste.buf);
	free(ui->editor.orig);
	screen_free(ui);
}

int
ui_main(char *const *args, int nargs, const struct ui_options *opt)
{
	struct ui ui;

	if (!locale_ok())
		return 2;
	memset(&ui, 0, sizeof(ui));
	lineedit_init(&ui.edit);
	ui.cursor_x = -1;
	ui.b.no_index = opt->no_index;
	ui.b.progress = ui_progress;
	ui.b.stop = ui_stop;
	ui.b.progress_arg = &ui;
	const char *every = getenv("MINUTES_PROGRESS_NS"); /* tests: how often */
	if (every && *every)
		ui.b.progress_ns = strtoll(every, NULL, 10);
	if (!browser_open(&ui.b, args, nargs, notes_reviewer_name(opt->reviewer))) {
		ui_free(&ui);
		return 1;
	}
	actions_init();
	const char *now = getenv("MINUTES_NOW"); /* tests pin today */
	if (now && *now)
		browser_set_today(&ui.b, (time_t)strtoll(now, NULL, 10));

	int status = opt->replay ? run_replay(&ui, opt) : run_terminal(&ui, opt);
	for (int i = 0; i < ui.b.ndocs; i++) /* unsaved notes: say so, exit 1 */
		if (ui.b.docs[i]->notes && notes_save_on_quit(ui.b.docs[i]->notes, stderr) && !status)
			status = 1;
	ui_free(&ui);
	return status;
}
