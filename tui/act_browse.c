/* act_browse.c - the browser's own actions (actions.def): moving,
 * paging, the focus, opening and going back, starting a search or a
 * command, the help, reloading, redrawing, quitting. */
#include <curses.h>

#include "actions.h"
#include "doc.h"
#include "navigate.h"
#include "nls.h"
#include "panes.h"
#include "prompt.h"

void
act_move(struct ui *ui, enum action a)
{
	switch (a) {
	case ACT_DOWN: pane_move(ui, 1); break;
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
	pane_page(ui, pane_focused(ui), a == ACT_PAGE_DOWN ? 1 : -1);
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
		if (b->ndocs)
			b->doc = b->docs[b->list_order[b->list.cur]];
		b->focus = PANE_NAV;
		if (browser_in_doc(b) && b->doc->notice[0])
			browser_message(b, true, "%s", b->doc->notice);
		return;
	}
	if (!b->doc->m)
		return;
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
	else if (a == ACT_QUIT)
		b->quit = true;
}

void
act_quit_now(struct ui *ui, enum action a)
{
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
	navigate_search_next(&ui->b, a == ACT_FIND_PREV);
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
	(void)a;
	navigate_problems(&ui->b);
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
	else if (b->ndocs)
		doc_reload(b, b->docs[b->list_order[b->list.cur]]);
}

void
act_redraw(struct ui *ui, enum action a)
{
	(void)a;
	clearok(curscr, TRUE);
	ui->redraw_all = true;
}
