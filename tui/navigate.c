/* navigate.c - moving through the browser model (see navigate.h); what
 * differs between entry kinds is asked of their ops (entries.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entries.h"
#include "navigate.h"
#include "nls.h"
#include "notes_view.h"
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
		/* the meetings and the Open notes row after them (the list
		 * keeps its cursor on its rows: meetings.h) */
		clamp(&b->list, b->nmeetings + 1);
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
	const struct note **v;
	const struct note *nt = NULL;
	size_t n;

	if (!e || !d->notes)
		return NULL;
	if (e->ops->note) {
		/* the record is a note: select it among its target's */
		nt = e->ops->note(b, e, browser_content_cur(b));
		if (!nt)
			return NULL;
		snprintf(b->note_target, sizeof(b->note_target), "%s", nt->target);
		n = notes_view_thread(d->notes, nt->target, &v, NULL);
		b->note_sel = -1;
		for (size_t i = 0; i < n; i++)
			if (v[i] == nt)
				b->note_sel = (int)i;
		free(v);
		return nt;
	}
	const char *id = e->ops->target(b, e, browser_content_cur(b));
	if (!id)
		return NULL;
	/* the order they are shown in (answers under their notes) */
	n = notes_view_thread(d->notes, id, &v, NULL);
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
	nt = v[b->note_sel];
	free(v);
	return nt;
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

void
navigate_say_wrapped(struct browser *b, bool back)
{
	browser_message(b, false, "%s",
			back ? _("search hit TOP, continuing at BOTTOM")
			     : _("search hit BOTTOM, continuing at TOP"));
}

void
navigate_say_not_found(struct browser *b)
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
				navigate_say_wrapped(b, back);
			return;
		}
		if (wrapped && e == d->nav.cur && r == browser_content_cur(b))
			break;
	}
	navigate_say_not_found(b);
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

bool
navigate_section_step(struct browser *b, int dir, bool only_at_end, bool say)
{
	struct doc *d = b->doc;

	if (!browser_in_doc(b))
		return false;
	const struct entry *en = browser_entry(b);
	/* a section is a kind with items (the one with next_open) */
	if (!en || !en->ops->next_open)
		return false;
	if (only_at_end &&
	    browser_content_cur(b) < en->ops->count(b, en) - 1)
		return false;
	for (int e = d->nav.cur + dir; e >= 0 && e < d->nentries; e += dir) {
		const struct entry *x = &d->entries[e];
		if (x->ops != en->ops || x->ops->count(b, x) <= 0)
			continue;
		d->nav.cur = e;
		d->content[e].cur = d->content[e].top = 0;
		d->detail.cur = 0;
		b->focus = PANE_CONTENT;
		return true;
	}
	if (say)
		browser_message(b, false, "%s", dir > 0 ? _("This is the last section")
				: _("This is the first section"));
	return false;
}

bool
navigate_goto_position(struct browser *b, const char *arg)
{
	unsigned long s = 0, i = 0;
	const char *p = arg;
	bool item = false;

	if (!browser_in_doc(b) || *p < '0' || *p > '9')
		return false;
	while (*p >= '0' && *p <= '9' && s < 1000000)
		s = s * 10 + (unsigned long)(*p++ - '0');
	if (*p == '.' && p[1] >= '0' && p[1] <= '9') {
		item = true;
		for (p++; *p >= '0' && *p <= '9' && i < 1000000; p++)
			i = i * 10 + (unsigned long)(*p - '0');
	}
	if (*p)
		return false;
	const struct minutes *m = b->doc->m;
	if (s < 1 || s > m->nsections) {
		browser_message(b, true, _("There is no section %lu (the minutes have %u)"),
				s, (unsigned)m->nsections);
		return true;
	}
	const struct mn_section *sec = &m->sections[s - 1];
	if (item && (i < 1 || i > sec->nitems)) {
		browser_message(b, true, _("Section %lu has no item %lu (it has %u)"),
				s, i, (unsigned)sec->nitems);
		return true;
	}
	const char *id = item ? sec->items[i - 1].id : sec->id;
	if (!id || !*id) {
		browser_message(b, true, "%s", _("That element has no id to go to"));
		return true;
	}
	navigate_goto_id(b, id);
	return true;
}

bool
navigate_problem_element(struct browser *b)
{
	const struct entry *en = browser_entry(b);

	if (!browser_in_doc(b) || !en || !en->ops->problems ||
	    b->focus != PANE_CONTENT)
		return false;
	const struct minutes *m = b->doc->m;
	int cur = browser_content_cur(b);
	if (cur < 0 || (uint32_t)cur >= m->nproblems)
		return false;
	uint32_t line = m->problems[cur].line, best = 0;
	const char *id = NULL;
#define CONSIDER(l, i) \
	do { \
		if ((l) && (l) <= line && (l) >= best && (i) && *(i)) \
			best = (l), id = (i); \
	} while (0)
	CONSIDER(m->meeting.line, m->id);
	for (uint32_t p = 0; p < m->npersons; p++)
		CONSIDER(m->persons[p].line, m->persons[p].id);
	for (uint32_t s = 0; s < m->nsections; s++) {
		CONSIDER(m->sections[s].line, m->sections[s].id);
		for (uint32_t i = 0; i < m->sections[s].nitems; i++)
			CONSIDER(m->sections[s].items[i].line,
				 m->sections[s].items[i].id);
	}
#undef CONSIDER
	if (!id) {
		browser_message(b, false, _("No element of the minutes starts before line %u"),
				(unsigned)line);
		return true;
	}
	navigate_goto_id(b, id);
	return true;
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
