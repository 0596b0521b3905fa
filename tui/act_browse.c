/* act_browse.c - the browser's own actions (actions.def): moving,
 * paging, the focus, opening and going back, starting a search or a
 * command, the help, reloading, redrawing, quitting. */
#include <curses.h>

#include "act_notes.h"
#include "actions.h"
#include "doc.h"
#include "entries.h"
#include "meetings.h"
#include "navigate.h"
#include "nls.h"
#include "panes.h"
#include "prompt.h"

void
act_move(struct ui *ui, enum action a)
{
	switch (a) {
	case ACT_DOWN:
		/* at a section's last record: on to the next section */
		if (ui->b.doc && ui->b.focus == PANE_CONTENT &&
		    navigate_section_step(&ui->b, 1, true, false))
			break;
		pane_move(ui, 1);
		break;
	case ACT_UP: pane_move(ui, -1); break;
	case ACT_FIRST: pane_move(ui, -(1 << 30)); break;
	default: /* ACT_LAST */
		pane_move(ui, pane_ops_of(ui, pane_focused(ui))->count(ui));
		break;
	}
}

void
act_page(struct ui *ui, enum action a)
{
	if (a == ACT_PAGE_DOWN && ui->b.doc && ui->b.focus == PANE_CONTENT &&
	    navigate_section_step(&ui->b, 1, true, false))
		return; /* read on into the next section */
	pane_page(ui, pane_focused(ui), a == ACT_PAGE_DOWN ? 1 : -1);
}

void
act_section(struct ui *ui, enum action a)
{
	if (!navigate_section_step(&ui->b, a == ACT_SECTION_NEXT ? 1 : -1,
				   false, true) &&
	    !(browser_entry(&ui->b) && browser_entry(&ui->b)->ops->next_open))
		browser_message(&ui->b, false, "%s", _("Select a section first"));
}

void
act_focus(struct ui *ui, enum action a)
{
	struct browser *b = &ui->b;

	if (a == ACT_PANE_LEFT || a == ACT_PANE_PREV)
		b->focus = b->focus == PANE_NAV
			? (a == ACT_PANE_PREV ? PANE_DETAIL : PANE_NAV)
			: b->focus - 1;
	else
		b->focus = b->focus == PANE_DETAIL
			? (a == ACT_PANE_NEXT ? PANE_NAV : PANE_DETAIL)
			: b->focus + 1;
}

void
act_open(struct ui *ui, enum action a)
{
	struct browser *b = &ui->b;

	(void)a;
	if (!b->doc) {
		if (meetings_enter(b))
			return; /* the Open notes row, or one of its notes */
		b->doc = meetings_doc(b, b->list.cur);
		if (!b->doc)
			return;
		b->focus = PANE_NAV;
		if (browser_in_doc(b) && b->doc->notice[0])
			browser_message(b, true, "%s", b->doc->notice);
		return;
	}
	if (!b->doc->m)
		return;
	if (navigate_problem_element(b))
		return; /* from a problem to what it is about */
	if (b->focus < PANE_DETAIL) {
		b->focus++;
		if (b->focus == PANE_DETAIL)
			b->doc->detail.cur = 0;
	}
}

/* back one level; q quits at the top */
void
act_back(struct ui *ui, enum action a)
{
	struct browser *b = &ui->b;

	if (browser_in_doc(b) && b->focus > PANE_NAV)
		b->focus--;
	else if (b->doc && b->archive)
		b->doc = NULL;
	else if (!b->doc && meetings_back(b))
		; /* from the open notes to the meetings */
	else if (a == ACT_QUIT && act_notes_may_quit(ui))
		b->quit = true;
}

void
act_quit_now(struct ui *ui, enum action a)
{
	if (!act_notes_may_quit(ui))
		return; /* asked first: notes are not saved */
	ui->b.quit = true;
	if (a == ACT_INTERRUPT)
		ui->b.status = 130; /* as a shell reports Ctrl-C */
}

void
act_prompt(struct ui *ui, enum action a)
{
	prompt_open(ui, a == ACT_SEARCH ? PROMPT_SEARCH
		    : a == ACT_SEARCH_BACK ? PROMPT_SEARCH_BACK : PROMPT_COMMAND,
		    "", NOTES_COMMENT);
}

void
act_find(struct ui *ui, enum action a)
{
	if (ui->b.doc)
		navigate_search_next(&ui->b, a == ACT_FIND_PREV);
	else
		meetings_search_next(&ui->b, a == ACT_FIND_PREV);
}

void
act_sort(struct ui *ui, enum action a)
{
	(void)a;
	navigate_toggle_sort(&ui->b);
}

void
act_group(struct ui *ui, enum action a)
{
	struct browser *b = &ui->b;

	(void)a;
	doc_group_by_kind(b, !b->doc->by_kind);
	browser_message(b, false, "%s", b->doc->by_kind
			? _("Sections grouped by kind")
			: _("Sections in the document's order"));
}

void
act_problems(struct ui *ui, enum action a)
{
	struct browser *b = &ui->b;

	(void)a;
	if (!b->doc) {
		/* in the list: the selected file's problems (opened), or why
		 * it could not be loaded (its error screen) */
		if (b->onotes || !(b->doc = meetings_doc(b, b->list.cur)))
			return;
		b->focus = PANE_NAV;
		if (!b->doc->m)
			return;
	}
	navigate_problems(b);
}

void
act_help(struct ui *ui, enum action a)
{
	(void)a;
	ui->help = true;
	ui->help_cur.top = 0;
}

void
act_reload(struct ui *ui, enum action a)
{
	struct browser *b = &ui->b;

	(void)a;
	if (b->doc)
		doc_reload(b, b->doc);
	else if (b->archive)
		meetings_rescan(b); /* the folder read again */
	else if (meetings_doc(b, b->list.cur))
		doc_reload(b, meetings_doc(b, b->list.cur));
}

void
act_redraw(struct ui *ui, enum action a)
{
	(void)a;
	clearok(curscr, TRUE);
	ui->redraw_all = true;
}

/* the meetings list's order and filters (meetings.h) */
void
act_list(struct ui *ui, enum action a)
{
	struct browser *b = &ui->b;
	char what[256];

	if (b->doc || b->onotes) {
		browser_message(b, true, "%s", _("O, F, t and | order and filter the meetings list"));
		return;
	}
	switch (a) {
	case ACT_LIST_SORT: meetings_next_sort(b); break;
	case ACT_LIST_STATUS: meetings_next_status(b); break;
	case ACT_LIST_OPEN: meetings_toggle_open(b); break;
	default: /* ACT_LIST_TEXT */
		prompt_open(ui, PROMPT_LIST_FILTER, b->list_text ? b->list_text : "",
			    NOTES_COMMENT);
		return;
	}
	browser_message(b, false, "%s", meetings_describe(b, what, sizeof(what)));
}
