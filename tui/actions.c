/* actions.c - the dispatch table, the key bindings and the checks done
 * before a handler runs (see actions.h and actions.def). */
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "entries.h"
#include "keys.h"
#include "navigate.h"
#include "nls.h"
#include "wording.h"

static const struct {
	const char *name, *keys, *help;
	void (*handler)(struct ui *ui, enum action a);
	unsigned needs;
} actions[] = {
#define ACTION(id, name, keys, handler, needs, help) \
	{ name, keys, help, handler, needs },
#include "actions.def"
#undef ACTION
};

static struct {
	int key;
	bool prompt;
	enum action act;
} bindings[ACT_COUNT * 4];
static int nbindings;

static void
bind(int key, bool prompt, enum action a)
{
	if (nbindings == (int)(sizeof(bindings) / sizeof(*bindings)))
		return;
	bindings[nbindings].key = key;
	bindings[nbindings].prompt = prompt;
	bindings[nbindings].act = a;
	nbindings++;
}

void
actions_init(void)
{
	nbindings = 0;
	for (int a = 0; a < ACT_COUNT; a++) {
		const char *p = actions[a].keys;
		while (*p) {
			size_t n = strcspn(p, " ");
			int key = key_parse(p, n);
			if (key >= 0) {
				if (!(actions[a].needs & IN_PROMPT))
					bind(key, false, (enum action)a);
				if (actions[a].needs & (IN_PROMPT | ALSO_IN_PROMPT))
					bind(key, true, (enum action)a);
			}
			p += n;
			while (*p == ' ')
				p++;
		}
	}
}

int
actions_for_key(int key, bool prompt)
{
	for (int i = 0; i < nbindings; i++)
		if (bindings[i].key == key && bindings[i].prompt == prompt)
			return (int)bindings[i].act;
	return -1;
}

int
actions_by_name(const char *name)
{
	for (int a = 0; a < ACT_COUNT; a++)
		if (!(actions[a].needs & IN_PROMPT) &&
		    strcmp(actions[a].name, name) == 0)
			return a;
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

/* in the order of actions.h's NEED_* */
bool
actions_check(struct ui *ui, unsigned needs)
{
	struct browser *b = &ui->b;
	const struct note *nt = NULL;
	char cut[256];

	if (needs & NEED_MEETING && !browser_in_doc(b))
		return false;
	if (needs & NEED_LOADED && b->doc && !b->doc->m)
		return false;
	if (needs & NEED_NOTES) {
		if (!browser_in_doc(b)) {
			browser_message(b, true, "%s", _("Open a meeting first"));
			return false;
		}
		if (!b->doc->notes) {
			browser_message(b, true, "%s", _("Notes are not available"));
			return false;
		}
		if (notes_readonly(b->doc->notes)) {
			browser_message(b, true, "%s", b->doc->notice[0] ? b->doc->notice
				: _("Notes are read-only: your notes file is malformed"));
			return false;
		}
	}
	if (needs & NEED_TARGET && !navigate_target(b)) {
		const struct entry *e = browser_entry(b);
		if (e && e->ops->no_target && b->focus == PANE_NAV)
			browser_message(b, true, "%s", _(e->ops->no_target));
		else
			browser_message(b, true, "%s", _("Select the meeting, an attendee, a section or an item to add a note"));
		return false;
	}
	if (needs & (NEED_NOTE | NEED_OWN) && !(nt = navigate_sync_note(b))) {
		browser_message(b, true, "%s", _("There is no note here"));
		return false;
	}
	if (needs & NEED_OWN && !nt->own) {
		browser_message(b, true, _("This note is %s's: only your own notes can be changed"),
				wording_cut(nt->author, cut, sizeof(cut)));
		return false;
	}
	return true;
}

void
actions_run(struct ui *ui, enum action a)
{
	if (actions_check(ui, actions[a].needs))
		actions[a].handler(ui, a);
}
