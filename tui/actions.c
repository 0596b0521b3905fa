/* actions.c - the action table, the key bindings and the dispatch
 * (see actions.h). */
#include <curses.h>
#include <string.h>

#include "act_notes.h"
#include "actions.h"
#include "doc.h"
#include "keys.h"
#include "navigate.h"
#include "nls.h"
#include "panes.h"
#include "prompt.h"

static const struct {
	const char *name, *keys, *help;
} actions[] = {
#define ACTION(id, name, keys, help) { name, keys, help },
#include "actions.def"
#undef ACTION
};

static struct {
	int key;
	enum action act;
} bindings[ACT_COUNT * 4];
static int nbindings;

void
actions_init(void)
{
	nbindings = 0;
	for (int a = 0; a < ACT_COUNT; a++) {
		const char *p = actions[a].keys;
		while (*p) {
			size_t n = strcspn(p, " ");
			int key = key_parse(p, n);
			if (key >= 0 && nbindings < (int)(sizeof(bindings) / sizeof(*bindings))) {
				bindings[nbindings].key = key;
				bindings[nbindings].act = (enum action)a;
				nbindings++;
			}
			p += n;
			while (*p == ' ')
				p++;
		}
	}
}

int
actions_for_key(int key)
{
	for (int i = 0; i < nbindings; i++)
		if (bindings[i].key == key)
			return (int)bindings[i].act;
	return -1;
}

int
actions_help_count(void)
{
	return ACT_COUNT;
}

void
actions_help_row(int i, const char **keys, const char **help)
{
	*keys = actions[i].keys;
	*help = _(actions[i].help);
}

static void
go_back(struct ui *ui, bool quit_at_top)
{
	struct browser *b = &ui->b;

	if (browser_in_doc(b) && b->focus > PANE_NAV)
		b->focus--;
	else if (b->doc && b->archive)
		b->doc = NULL;
	else if (quit_at_top)
		b->quit = true;
}

static void
open_selected(struct ui *ui)
{
	struct browser *b = &ui->b;

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

void
actions_run(struct ui *ui, enum action a)
{
	struct browser *b = &ui->b;
	bool in_doc = browser_in_doc(b);
	enum pane_id id = pane_focused(ui);

	switch (a) {
	case ACT_DOWN: pane_move(ui, 1); break;
	case ACT_UP: pane_move(ui, -1); break;
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
		if (b->doc && !b->doc->m)
			break;
		pane_page(ui, id, a == ACT_PAGE_DOWN ? 1 : -1);
		break;
	case ACT_FIRST: pane_move(ui, -(1 << 30)); break;
	case ACT_LAST:
		if (b->doc && !b->doc->m)
			break;
		pane_move(ui, pane_ops_of(ui, id)->count(ui));
		break;
	case ACT_PANE_LEFT: case ACT_PANE_PREV:
		if (in_doc)
			b->focus = b->focus == PANE_NAV
				? (a == ACT_PANE_PREV ? PANE_DETAIL : PANE_NAV)
				: b->focus - 1;
		break;
	case ACT_PANE_RIGHT: case ACT_PANE_NEXT:
		if (in_doc)
			b->focus = b->focus == PANE_DETAIL
				? (a == ACT_PANE_NEXT ? PANE_NAV : PANE_DETAIL)
				: b->focus + 1;
		break;
	case ACT_OPEN: open_selected(ui); break;
	case ACT_BACK: go_back(ui, false); break;
	case ACT_QUIT: go_back(ui, true); break;
	case ACT_QUIT_NOW: b->quit = true; break;
	case ACT_SEARCH:
		prompt_open(ui, PROMPT_SEARCH, "", NOTES_COMMENT);
		break;
	case ACT_SEARCH_BACK:
		prompt_open(ui, PROMPT_SEARCH_BACK, "", NOTES_COMMENT);
		break;
	case ACT_COMMAND:
		prompt_open(ui, PROMPT_COMMAND, "", NOTES_COMMENT);
		break;
	case ACT_FIND_NEXT: navigate_search_next(b, false); break;
	case ACT_FIND_PREV: navigate_search_next(b, true); break;
	case ACT_SORT: navigate_toggle_sort(b); break;
	case ACT_PROBLEMS: navigate_problems(b); break;
	case ACT_HELP: ui->help = true; ui->help_cur.top = 0; break;
	case ACT_RELOAD:
		if (b->doc)
			doc_reload(b, b->doc);
		else if (b->ndocs)
			doc_reload(b, b->docs[b->list_order[b->list.cur]]);
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		ui->redraw_all = true;
		break;
	default: act_notes_action(ui, (int)a); break;
	}
}
