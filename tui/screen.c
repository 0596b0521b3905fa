/* screen.c - the whole screen (see screen.h). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "draw.h"
#include "entries.h"
#include "meetings.h"
#include "navigate.h"
#include "nls.h"
#include "panes.h"
#include "prompt.h"
#include "screen.h"
#include "xalloc.h"

enum screen_state
screen_state(const struct ui *ui)
{
	if (ui->cols < LAYOUT_MIN_COLS || ui->rows < LAYOUT_MIN_ROWS)
		return SCREEN_TOO_SMALL;
	if (ui->help)
		return SCREEN_HELP;
	if (!ui->b.doc)
		return SCREEN_LIST;
	return ui->b.doc->m ? SCREEN_MEETING : SCREEN_ERROR;
}

static void
draw_title(struct ui *ui)
{
	char left[1024], right[256];
	const struct doc *d = ui->b.doc;
	int rw;

	draw_fill(0, 0, ui->cols, STYLE_TITLE);
	if (!d) {
		char how[256];
		int shown = meetings_rows(&ui->b);
		int all = meetings_total(&ui->b);
		if (shown < all || meetings_sort_column(&ui->b))
			snprintf(left, sizeof(left), " minutes · %d %s · %d %s · %s",
				 all, all == 1 ? _("meeting") : _("meetings"), shown,
				 _("shown"), meetings_describe(&ui->b, how, sizeof(how)));
		else
			snprintf(left, sizeof(left), " minutes · %d %s", all,
				 all == 1 ? _("meeting") : _("meetings"));
		draw_str(0, 0, ui->cols, left, STYLE_TITLE);
		return;
	}
	if (!d->m) {
		snprintf(left, sizeof(left), " minutes · %s", d->title);
		draw_str(0, 0, ui->cols, left, STYLE_TITLE);
		return;
	}
	const struct mn_meeting *mt = &d->m->meeting;
	char date[64];
	nls_date(mt->date, date, sizeof(date));
	snprintf(left, sizeof(left), " %s · %s%s%s", mt->title, date,
		 *mt->organizer ? " · " : "", mt->organizer);
	bool draft = mt->status == MN_STATUS_DRAFT;
	snprintf(right, sizeof(right), " %s ",
		 draft ? _("DRAFT") : _(mn_status_name(mt->status)));
	rw = text_width(right, strlen(right));
	/* the review state before the status: "open (3 open)", "ready to
	 * sign (by lan)" (nothing while there are no notes) */
	char review[256] = "";
	struct notes_review_state rs;
	if (d->notes) {
		notes_review(d->notes, &rs);
		if (rs.state != NOTES_REVIEW_NONE) {
			char *label = notes_review_label(d->notes);
			snprintf(review, sizeof(review), " %s ·", label);
			free(label);
		}
	}
	int revw = text_width(review, strlen(review));
	if (revw && revw + rw < ui->cols / 2)
		rw += revw;
	else
		review[0] = '\0';
	int fw = text_width(d->title, strlen(d->title));
	int lw = ui->cols - rw - (fw + 2);
	if (lw < ui->cols / 2) {
		fw = ui->cols / 2 - rw - 2;
		lw = ui->cols - rw - (fw > 0 ? fw + 2 : 0);
	}
	draw_str(0, 0, lw, left, STYLE_TITLE);
	if (ui->cols - rw >= 0 && review[0])
		draw_str(0, ui->cols - rw, revw, review, STYLE_TITLE);
	if (ui->cols - rw >= 0)
		draw_str(0, ui->cols - rw + (review[0] ? revw : 0),
			 rw - (review[0] ? revw : 0), right,
			 draft ? STYLE_DRAFT : STYLE_TITLE);
	if (fw > 0)
		draw_str(0, lw + 1, fw, d->title, STYLE_TITLE);
}

static void
draw_status(struct ui *ui)
{
	int y = ui->rows - 1;
	char left[512], hints[256];
	bool none_open = false; /* the filter on, nothing to show */

	draw_fill(y, 0, ui->cols, STYLE_STATUS);
	if (ui->prompt) {
		prompt_draw(ui, y);
		return;
	}
	const struct entry *e = browser_entry(&ui->b);
	if (e) {
		struct entry_nav nv;
		char name[64];
		e->ops->nav(&ui->b, e, &nv);
		text_truncate(nv.label, strlen(nv.label),
			      ui->cols / 4 > 8 ? ui->cols / 4 : 8, name,
			      sizeof(name));
		int n = e->ops->count(&ui->b, e);
		snprintf(left, sizeof(left), " %s · %d/%d ", name,
			 n ? browser_content_cur(&ui->b) + 1 : 0, n);
		none_open = !n && ui->b.filter_open && e->ops->next_open;
	} else if (!ui->b.doc) {
		snprintf(left, sizeof(left), " %d/%d ",
			 pane_ops_of(ui, PANE_NAV)->cursor(ui)->cur + 1,
			 pane_ops_of(ui, PANE_NAV)->count(ui));
	} else {
		left[0] = '\0';
	}
	int x = draw_str_match(y, 0, ui->cols, left, STYLE_STATUS, ui->b.q);
	if (ui->b.msg[0]) {
		draw_str_match(y, x, ui->cols - x, ui->b.msg,
			 ui->b.msg_error ? STYLE_ERROR : STYLE_STATUS, ui->b.q);
		return;
	}
	if (none_open) {
		draw_str_match(y, x, ui->cols - x,
			       _("No item here has an open note (f shows every item)"),
			       STYLE_STATUS, ui->b.q);
		return;
	}
	snprintf(hints, sizeof(hints), "%s", _("q:back  /:search  Tab:pane  H:help"));
	int hw = text_width(hints, strlen(hints));
	if (x + hw + 1 <= ui->cols)
		draw_str_match(y, ui->cols - hw - 1, hw, hints, STYLE_STATUS, ui->b.q);
}

static void
draw_banner(struct ui *ui)
{
	char buf[256];
	const struct minutes *m = ui->b.doc->m;
	unsigned n = m->nproblems, w = m->nwarnings, e = n - w;
	if (!w)
		snprintf(buf, sizeof(buf), " ⚠ %u %s — %s", n,
			 n == 1 ? _("problem in this file") : _("problems in this file"),
			 _("p lists them"));
	else if (!e) /* form warnings only: the file is valid */
		snprintf(buf, sizeof(buf), " ⚠ %u %s — %s", w,
			 ngettext("form warning in this file",
				  "form warnings in this file", w),
			 _("p lists them"));
	else
		snprintf(buf, sizeof(buf), " ⚠ %u %s, %u %s — %s", e,
			 ngettext("error", "errors", e), w,
			 ngettext("form warning in this file",
				  "form warnings in this file", w),
			 _("p lists them"));
	draw_fill(1, 0, ui->cols, STYLE_BANNER);
	draw_str_match(1, 0, ui->cols, buf, STYLE_BANNER, ui->b.q);
}

static void
draw_error_screen(struct ui *ui)
{
	struct text_line *tl = NULL;
	const char *e = ui->b.doc->error;
	size_t n = text_wrap(e, strlen(e), ui->cols > 2 ? ui->cols - 2 : 1, &tl);
	int y = 2;

	draw_str_match(y++, 1, ui->cols - 1, _("This file could not be loaded:"), STYLE_LABEL, ui->b.q);
	y++;
	for (size_t i = 0; i < n && y < ui->rows - 1; i++)
		draw_text(y++, 1, ui->cols - 2, e, tl[i].off, tl[i].len, STYLE_ERROR);
	free(tl);
	if (y + 1 < ui->rows - 1)
		draw_str_match(y + 1, 1, ui->cols - 1,
			 _("r reloads it; q goes back."), STYLE_DIM, ui->b.q);
}

/* The help's key column: as wide as the widest keys and a space (at
 * most 26 columns, half the screen when it is narrow).  Keys wider than
 * it take a line of their own, the text under them, so that keys never
 * run into their text. */
static int
help_key_col(const struct ui *ui)
{
	int widest = 0;

	for (int i = 0; i < actions_help_count(); i++) {
		const char *k, *help;
		actions_help_row(i, &k, &help);
		int w = 1 + text_width(k, strlen(k));
		if (w > widest)
			widest = w;
	}
	int kw = widest + 1;
	if (kw > 26)
		kw = 26;
	if (kw > ui->cols / 2)
		kw = ui->cols / 2;
	return kw;
}

/* Walks the help's lines at the screen's width: each row's keys, then
 * its text wrapped in the column beside them (under them when they are
 * wider than the key column).  With DRAW, the lines of the page from
 * ui->help_cur.top are drawn.  Returns the number of lines. */
static int
help_walk(struct ui *ui, bool draw)
{
	int kw = help_key_col(ui), line = 0, tw = ui->cols - kw;
	int first = ui->help_cur.top, page = screen_help_page(ui);
	char keys[128];

	for (int i = 0; i < actions_help_count(); i++) {
		const char *k, *help;
		actions_help_row(i, &k, &help);
		snprintf(keys, sizeof(keys), " %s", k);
		bool split = text_width(keys, strlen(keys)) > kw - 1;
		struct text_line *tl = NULL;
		size_t n = text_wrap(help, strlen(help), tw > 1 ? tw : 1, &tl);
		for (size_t j = 0; j < n + split; j++, line++) {
			int y = 2 + line - first;
			if (!draw || line < first || line >= first + page)
				continue;
			if (j == 0)
				draw_str_match(y, 0, split ? ui->cols : kw, keys,
					       STYLE_LABEL, ui->b.q);
			if (j >= (size_t)split) {
				const struct text_line *t = &tl[j - split];
				draw_text(y, kw, tw, help, t->off, t->len, STYLE_NORMAL);
			}
		}
		free(tl);
	}
	return line;
}

int
screen_help_lines(struct ui *ui)
{
	return help_walk(ui, false);
}

int
screen_help_page(const struct ui *ui)
{
	return ui->rows - 3 > 1 ? ui->rows - 3 : 1;
}

void
screen_help_scroll(struct ui *ui, int delta)
{
	int max = screen_help_lines(ui) - screen_help_page(ui);
	long top = (long)ui->help_cur.top + delta;

	if (top > max)
		top = max;
	if (top < 0)
		top = 0;
	ui->help_cur.top = (int)top;
}

static void
draw_help(struct ui *ui)
{
	draw_fill(1, 0, ui->cols, STYLE_HEADER_FOCUS);
	draw_str_match(1, 0, ui->cols, _("Keys — q or Esc closes this help"),
		 STYLE_HEADER_FOCUS, ui->b.q);
	screen_help_scroll(ui, 0); /* the size may have changed */
	help_walk(ui, true);
}

static void
draw_too_small(struct ui *ui)
{
	const char *msg = _("Terminal too small");
	char need[64];

	if (text_width(msg, strlen(msg)) > ui->cols)
		msg = _("Too small");
	snprintf(need, sizeof(need), _("need %dx%d"), LAYOUT_MIN_COLS,
		 LAYOUT_MIN_ROWS);
	draw_str_match(ui->rows / 2 - (ui->rows > 2), 0, ui->cols, msg, STYLE_LABEL, ui->b.q);
	if (ui->rows > 2)
		draw_str_match(ui->rows / 2, 0, ui->cols, need, STYLE_DIM, ui->b.q);
}

/* --- damage tracking ------------------------------------------------------ */

/* What a pane shows: when nothing in it changed since the last draw,
 * the pane is left as it is on the screen (a keystroke then costs what
 * changed, not the whole screen). */
struct pane_sig {
	const void *doc;
	struct rect r;
	const void *entry_ops;
	int entry_arg, top, cur, focused;
	int ccur, focus, note_sel; /* what a following pane follows */
	unsigned notes_gen, qgen, list_changes;
	bool filter, doc_order, by_kind, valid;
};

/* What the whole screen is: when it changes, everything is redrawn. */
struct screen_sig {
	int cols, rows;
	enum screen_state state;
	bool banner;
	const void *doc;
};

/* What was drawn: the screen's and each pane's signature, and where
 * the separators are (ui->memo, made at the first draw). */
struct screen_memo {
	struct screen_sig screen;
	struct pane_sig sig[PANE_COUNT];
	struct rect seps[PANE_COUNT];
	bool seps_valid;
};

void
screen_free(struct ui *ui)
{
	free(ui->memo);
	ui->memo = NULL;
}

/* The lines between the panes, drawn again only when the layout moved
 * them or the screen was erased. */
static void
seps_now(struct ui *ui, struct rect *now)
{
	memset(now, 0, sizeof(*now) * PANE_COUNT);
	for (int p = 1; p < PANE_COUNT; p++)
		if (ui->lay.visible[p])
			now[p] = ui->lay.panes[p];
}

/* Whether the layout moved the panes since the separators were drawn:
 * then the screen is drawn again from blank (a wide character cut by a
 * new separator would otherwise leave half of itself behind). */
static bool
layout_moved(struct ui *ui)
{
	struct rect now[PANE_COUNT];

	seps_now(ui, now);
	return ui->memo->seps_valid && memcmp(now, ui->memo->seps, sizeof(now)) != 0;
}

/* Drawn after an erase only: a layout that moves them erases first. */
static void
draw_separators(struct ui *ui)
{
	if (ui->memo->seps_valid)
		return;
	for (int p = 1; p < PANE_COUNT; p++) {
		if (!ui->lay.visible[p])
			continue;
		struct rect r = ui->lay.panes[p];
		if (r.x - 1 < 0)
			continue;
		for (int y = r.y; y < r.y + r.h; y++)
			draw_str(y, r.x - 1, 1, "│", STYLE_DIM);
	}
	seps_now(ui, ui->memo->seps);
	ui->memo->seps_valid = true;
}

static struct pane_sig
pane_signature(struct ui *ui, enum pane_id id)
{
	const struct pane_ops *ops = pane_ops_of(ui, id);
	const struct cursor *c = ops->cursor(ui);
	struct pane_sig sg;

	memset(&sg, 0, sizeof(sg));
	sg.doc = ui->b.doc;
	sg.r = ui->lay.panes[id];
	/* the navigator's entry is its cursor: a move within its page
	 * redraws two records, not the pane */
	if (ops->flags & PANE_OF_ENTRY) {
		const struct entry *e = browser_entry(&ui->b);
		sg.entry_ops = e ? e->ops : NULL;
		sg.entry_arg = e ? e->arg : 0;
	}
	sg.top = c->top;
	sg.cur = c->cur;
	sg.focused = pane_focused(ui) == id;
	sg.notes_gen = ui->b.notes_gen;
	sg.list_changes = ui->b.list_changes; /* the meetings' order, filters */
	sg.qgen = ui->b.qgen;
	sg.filter = ui->b.filter_open;
	sg.doc_order = ui->b.attendees_doc_order;
	sg.by_kind = ui->b.doc && ui->b.doc->by_kind;
	if (ops->flags & PANE_FOLLOWS) {
		sg.ccur = browser_content_cur(&ui->b);
		sg.focus = ui->b.focus;
		sg.note_sel = ui->b.note_sel;
	}
	sg.valid = true;
	return sg;
}

static void
erase_all(struct ui *ui)
{
	erase();
	memset(ui->memo->sig, 0, sizeof(ui->memo->sig));
	ui->memo->seps_valid = false;
}

/* Each pane drawn, or only what changed in it since the last draw. */
static void
draw_panes(struct ui *ui)
{
	for (int p = 0; p < PANE_COUNT; p++) {
		if (!ui->lay.visible[p]) {
			/* what it showed is gone: draw it whole when it is back */
			ui->memo->sig[p].valid = false;
			continue;
		}
		struct pane_sig sg = pane_signature(ui, (enum pane_id)p);
		if (ui->memo->sig[p].valid) {
			struct pane_sig was = ui->memo->sig[p], now = sg;
			was.cur = now.cur = 0;
			was.focused = now.focused = 0;
			if (memcmp(&was, &now, sizeof(sg)) == 0) {
				/* at most the cursor moved on the same page, or
				 * the focus came or went: the header and the
				 * records under the cursor change, nothing else */
				if (sg.focused != ui->memo->sig[p].focused)
					pane_draw_header(ui, (enum pane_id)p);
				if (sg.cur != ui->memo->sig[p].cur ||
				    sg.focused != ui->memo->sig[p].focused)
					pane_draw_records(ui, (enum pane_id)p,
							  ui->memo->sig[p].cur, sg.cur);
				ui->memo->sig[p] = sg;
				continue;
			}
		}
		pane_draw(ui, (enum pane_id)p);
		ui->memo->sig[p] = sg;
	}
}

/* The panes where the layout puts them; one that is hidden keeps its
 * last place, so its scroll is kept as it was last seen. */
static void
place_panes(struct ui *ui)
{
	struct layout now;

	layout_compute(ui->cols, ui->rows, browser_in_doc(&ui->b),
		       browser_in_doc(&ui->b) && ui->b.doc->m->nproblems,
		       ui->b.focus, &now);
	ui->lay.body_top = now.body_top;
	for (int p = 0; p < PANE_COUNT; p++) {
		ui->lay.visible[p] = now.visible[p];
		if (now.visible[p])
			ui->lay.panes[p] = now.panes[p];
	}
}

void
draw_screen(struct ui *ui)
{
	struct screen_sig ss;

	if (!ui->memo)
		ui->memo = xcalloc(1, sizeof(*ui->memo));
	ui->rows = LINES;
	ui->cols = COLS;
	ui->cursor_x = -1;
	ui->sel_y = -1;
	memset(&ss, 0, sizeof(ss));
	ss.cols = ui->cols;
	ss.rows = ui->rows;
	ss.doc = ui->b.doc;
	ss.state = screen_state(ui);
	ss.banner = ss.state == SCREEN_MEETING && ui->b.doc->m->nproblems;
	/* the screens without panes are drawn whole each time */
	if (ui->redraw_all || memcmp(&ss, &ui->memo->screen, sizeof(ss)) != 0 ||
	    ss.state == SCREEN_TOO_SMALL || ss.state == SCREEN_HELP ||
	    ss.state == SCREEN_ERROR) {
		erase_all(ui);
		ui->memo->screen = ss;
		ui->redraw_all = false;
	}
	navigate_clamp(&ui->b);
	if (ss.state == SCREEN_TOO_SMALL) {
		draw_too_small(ui);
		return;
	}
	place_panes(ui);
	if (layout_moved(ui))
		erase_all(ui);
	draw_title(ui);
	switch (ss.state) {
	case SCREEN_HELP:
		draw_help(ui);
		draw_status(ui);
		return;
	case SCREEN_ERROR:
		draw_error_screen(ui);
		draw_status(ui);
		return;
	default:
		break;
	}
	if (ss.banner)
		draw_banner(ui);
	if (ui->b.doc) {
		/* a pane that shows what others select is built after them */
		for (int p = 0; p < PANE_COUNT; p++) {
			const struct pane_ops *ops = pane_ops_of(ui, (enum pane_id)p);
			if (ops->prepare)
				ops->prepare(ui);
			else
				pane_fix(ui, (enum pane_id)p);
		}
	}
	for (int p = 0; p < PANE_COUNT; p++)
		if (ui->lay.visible[p])
			pane_fix(ui, (enum pane_id)p);
	draw_panes(ui);
	draw_separators(ui);
	/* the terminal's own cursor on the selected row, so that screen
	 * readers and braille displays follow the selection (the prompt,
	 * drawn next, takes it while a line is typed) */
	enum pane_id f = pane_focused(ui);
	int row = ui->lay.visible[f] ? pane_cursor_row(ui, f) : -1;
	ui->sel_y = row;
	ui->sel_x = ui->lay.panes[f].x;
	draw_status(ui);
}
