/* navigate.c - moving through the browser model (see navigate.h); what
 * differs between entry kinds is asked of their ops (entries.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entries.h"
#include "navigate.h"
#include "nls.h"
#include "wording.h"
#include "xalloc.h"

int
navigate_records(struct browser *b, int e)
{
	const struct entry *en = &b->doc->entries[e];
	return en->ops->count(b, en);
}

static void
clamp(struct cursor *c, int n)
{
	if (c->cur >= n)
		c->cur = n > 0 ? n - 1 : 0;
	if (c->cur < 0)
		c->cur = 0;
	if (c->top > c->cur || c->top < 0)
		c->top = c->cur;
}

void
navigate_clamp(struct browser *b)
{
	if (!b->doc) {
		clamp(&b->list, b->ndocs);
		return;
	}
	if (!b->doc->m)
		return;
	clamp(&b->doc->nav, b->doc->nentries);
	clamp(browser_content_cursor(b), navigate_records(b, b->doc->nav.cur));
	if (b->doc->detail.cur < 0)
		b->doc->detail.cur = 0;
}

const char *
navigate_target(struct browser *b)
{
	const struct entry *e = browser_entry(b);
	return e ? e->ops->target(b, e, browser_content_cur(b)) : NULL;
}

const struct note *
navigate_sync_note(struct browser *b)
{
	struct doc *d = b->doc;
	const struct entry *e = browser_entry(b);
	const struct note *const *v;
	size_t n;

	if (!e || !d->notes)
		return NULL;
	if (e->ops->note) {
		/* the record is a note: select it among its target's */
		const struct note *nt = e->ops->note(b, e, browser_content_cur(b));
		if (!nt)
			return NULL;
		snprintf(b->note_target, sizeof(b->note_target), "%s", nt->target);
		n = notes_for_target(d->notes, nt->target, &v);
		b->note_sel = -1;
		for (size_t i = 0; i < n; i++)
			if (v[i] == nt)
				b->note_sel = (int)i;
		return nt;
	}
	const char *id = e->ops->target(b, e, browser_content_cur(b));
	if (!id)
		return NULL;
	n = notes_for_target(d->notes, id, &v);
	if (n == 0)
		return NULL;
	if (strcmp(id, b->note_target) != 0) {
		snprintf(b->note_target, sizeof(b->note_target), "%s", id);
		b->note_sel = 0;
	}
	if (b->note_sel >= (int)n)
		b->note_sel = (int)n - 1;
	if (b->note_sel < 0)
		b->note_sel = 0;
	return v[b->note_sel];
}

void
navigate_goto_id(struct browser *b, const char *id)
{
	struct doc *d = b->doc;
	int sec = -1, item = -1;
	char cut[256];

	if (!browser_in_doc(b)) {
		browser_message(b, true, "%s", _(":goto needs an open meeting"));
		return;
	}
	int kind = minutes_find_id(d->m, id, &sec, &item);
	if (!kind) {
		browser_message(b, true, _("No element with id %s"),
				wording_cut(id, cut, sizeof(cut)));
		return;
	}
	for (int e = 0; e < d->nentries; e++)
		if (d->entries[e].ops->locate(b, e, kind, sec, item))
			return;
}

static void
say_wrapped(struct browser *b, bool back)
{
	browser_message(b, false, "%s",
			back ? _("search hit TOP, continuing at BOTTOM")
			     : _("search hit BOTTOM, continuing at TOP"));
}

static void
say_not_found(struct browser *b)
{
	char cut[256];
	browser_message(b, true, _("Pattern not found: %s"),
			wording_cut(b->query ? b->query : "", cut, sizeof(cut)));
}

static bool
record_matches(struct browser *b, int e, int r)
{
	const struct entry *en = &b->doc->entries[e];
	return en->ops->matches(b, en, r);
}

/* walks (entry, record) positions from the cursor, wrapping once; a
 * record -1 is an entry's own heading */
static void
search_in_doc(struct browser *b, bool back)
{
	struct doc *d = b->doc;
	int e = d->nav.cur, r = browser_content_cur(b);
	bool wrapped = false;
	int dir = back ? -1 : 1;

	for (;;) {
		r += dir;
		if (r >= navigate_records(b, e) || r < -1) {
			e += dir;
			if (e >= d->nentries || e < 0) {
				if (wrapped)
					break;
				wrapped = true;
				e = back ? d->nentries - 1 : 0;
			}
			r = back ? navigate_records(b, e) - 1 : -1;
		}
		if (record_matches(b, e, r)) {
			d->nav.cur = e;
			d->content[e].cur = r < 0 ? 0 : r;
			d->detail.cur = 0;
			if (b->focus == PANE_NAV && r >= 0)
				b->focus = PANE_CONTENT;
			if (wrapped)
				say_wrapped(b, back);
			return;
		}
		if (wrapped && e == d->nav.cur && r == browser_content_cur(b))
			break;
	}
	say_not_found(b);
}

static bool
stop_at_first(const struct search_hit *h, void *arg)
{
	(void)h;
	(void)arg;
	return false;
}

static void
search_in_list(struct browser *b, bool back)
{
	int n = b->ndocs;
	for (int k = 1; k <= n; k++) {
		int i = ((b->list.cur + (back ? -k : k)) % n + n) % n;
		const struct doc *d = b->docs[b->list_order[i]];
		if (d->m && search_minutes(b->q, d->m, stop_at_first, NULL)) {
			bool wrapped = back ? i > b->list.cur : i < b->list.cur;
			b->list.cur = i;
			if (wrapped)
				say_wrapped(b, back);
			return;
		}
	}
	say_not_found(b);
}

void
navigate_search_next(struct browser *b, bool reverse)
{
	if (!b->q) {
		browser_message(b, true, "%s", _("No previous search"));
		return;
	}
	bool back = b->search_back != reverse;
	if (browser_in_doc(b))
		search_in_doc(b, back);
	else if (!b->doc)
		search_in_list(b, back);
}

bool
navigate_search_set(struct browser *b, const char *text, bool back)
{
	if (*text) {
		struct search_query *q = search_compile(text);
		if (!q) {
			browser_message(b, true, "%s", _("Nothing to search for"));
			return false;
		}
		search_query_free(b->q);
		b->q = q;
		free(b->query);
		b->query = xstrdup(text);
		b->qgen++;
	}
	b->search_back = back;
	return true;
}

void
navigate_jump_open(struct browser *b, int dir)
{
	struct doc *d = b->doc;
	if (!browser_in_doc(b) || !d->notes)
		return;
	int e = d->nav.cur;
	const struct entry *en = &d->entries[e];
	/* from the selected item, or from the edge of the selected section
	 * when the navigator has the focus */
	int i = en->ops->next_open ? browser_item_at(b, en->arg, browser_content_cur(b))
				   : -1;
	if (en->ops->next_open && b->focus == PANE_NAV)
		i = dir > 0 ? -1 : (int)d->m->sections[en->arg].nitems;
	bool wrapped = false;
	for (int step = 0; step <= d->nentries + 1; step++) {
		en = &d->entries[e];
		if (en->ops->next_open) {
			int found = en->ops->next_open(b, en, i, dir);
			if (found >= 0) {
				browser_goto_item(b, e, found);
				if (b->focus == PANE_NAV)
					b->focus = PANE_CONTENT;
				if (wrapped) /* said, as the search says it */
					browser_message(b, false, "%s", dir < 0
						? _("open notes hit TOP, continuing at BOTTOM")
						: _("open notes hit BOTTOM, continuing at TOP"));
				return;
			}
		}
		e += dir;
		if (e >= d->nentries)
			e = 0, wrapped = true;
		if (e < 0)
			e = d->nentries - 1, wrapped = true;
		en = &d->entries[e];
		i = dir > 0 ? -1 : en->ops->next_open
			? (int)d->m->sections[en->arg].nitems : 0;
	}
	browser_message(b, false, "%s", _("No item has an open note"));
}

void
navigate_toggle_filter(struct browser *b)
{
	b->filter_open = !b->filter_open;
	b->notes_gen++;
	if (b->doc && b->doc->content)
		for (int e = 0; e < b->doc->nentries; e++)
			b->doc->content[e].cur = b->doc->content[e].top = 0;
	browser_message(b, false, "%s", b->filter_open
			? _("Only items with open notes (f shows all)")
			: _("Every item"));
}

void
navigate_toggle_sort(struct browser *b)
{
	b->attendees_doc_order = !b->attendees_doc_order;
	browser_message(b, false, "%s", b->attendees_doc_order
			? _("Attendees in document order")
			: _("Attendees by given name"));
}

void
navigate_problems(struct browser *b)
{
	if (browser_in_doc(b) && (b->doc->m->nproblems || b->doc->nspelling)) {
		for (int e = 0; e < b->doc->nentries; e++)
			if (b->doc->entries[e].ops->problems)
				b->doc->nav.cur = e;
		b->focus = PANE_CONTENT;
	} else {
		browser_message(b, false, "%s", _("No problems found in this file"));
	}
}
