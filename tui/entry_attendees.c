/* entry_attendees.c - the navigator's "Attendees" entry: one record per
 * person (by given name, or as written with s), with v2's presence
 * (excused and absent marked apart, with the reason) and the counts in
 * the header; in the detail pane the items each one speaks in. */
#include <stdio.h>
#include <string.h>

#include "entries.h"
#include "navigate.h"
#include "nls.h"
#include "notes_view.h"
#include "xalloc.h"

extern const struct entry_ops entry_attendees;

static void
attendees_add(const struct doc *d, struct entry *v, int *n)
{
	(void)d;
	v[(*n)++] = (struct entry){ &entry_attendees, 0 };
}

static int
attendees_count(struct browser *b, const struct entry *e)
{
	(void)e;
	return (int)b->doc->m->npersons;
}

static void
attendees_nav(struct browser *b, const struct entry *e,
	      struct entry_nav *out)
{
	const struct doc *d = b->doc;

	(void)e;
	out->sym = " ";
	out->sym_st = STYLE_NORMAL;
	out->label = _("Attendees");
	snprintf(out->count, sizeof(out->count), " (%u)", d->m->npersons);
	out->open = 0;
	out->answered = notes_view_answered(b, 1);
	if (d->notes)
		for (uint32_t i = 0; i < d->m->npersons; i++)
			out->open += notes_open_count(d->notes, d->m->persons[i].id);
}

/* v2: "present 8 · excused 1 · expected 9 · " into BUF ("" for a
 * file that says nothing about presence: all listed, no counts). */
static const char *
presence_counts(const struct minutes *m, char *buf, size_t size)
{
	unsigned excused = 0, absent = 0;
	int n;

	buf[0] = '\0';
	if (m->version < 2)
		return buf;
	for (uint32_t i = 0; i < m->npersons; i++) {
		excused += m->persons[i].presence == MN_EXCUSED;
		absent += m->persons[i].presence == MN_ABSENT;
	}
	if (!excused && !absent && m->expected == MN_NONE && m->present == MN_NONE)
		return buf;
	n = snprintf(buf, size, "%s %u · ", _("present"),
		     minutes_present_count(m));
	if (excused && n > 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, "%s %u · ",
			      _("excused"), excused);
	if (absent && n > 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, "%s %u · ",
			      _("absent"), absent);
	if (m->expected != MN_NONE && n > 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, "%s %u · ", _("expected"),
			 m->expected);
	return buf;
}

static void
attendees_header(struct browser *b, const struct entry *e, char *buf,
		 size_t size)
{
	char counts[256];

	(void)e;
	snprintf(buf, size, "%s (%u) · %s%s", _("Attendees"), b->doc->m->npersons,
		 presence_counts(b->doc->m, counts, sizeof(counts)),
		 b->attendees_doc_order ? _("document order")
					: _("by given name"));
}

/* v2: "excused: reason" or "absent: reason" under a person who was not
 * there, each in a style of its own; nothing for one who was. */
static void
presence_line(struct lines *l, const struct mn_person *p, int indent,
	      int width)
{
	if (p->presence == MN_PRESENT)
		return;
	const char *word = p->presence == MN_EXCUSED ? _("excused") : _("absent");
	const char *t = *p->reason ? lines_printf(l, "%s: %s", word, p->reason)
				   : lines_printf(l, "%s", word);
	lines_wrap(l, p->presence == MN_EXCUSED ? "◌" : "✗",
		   p->presence == MN_EXCUSED ? STYLE_LIMITATIONS : STYLE_MISSED,
		   indent, t, width,
		   p->presence == MN_EXCUSED ? STYLE_LIMITATIONS : STYLE_MISSED);
}

static void
attendees_layout(struct browser *b, const struct entry *e, int idx,
		 int width, struct lines *l)
{
	const struct mn_person *p = &b->doc->m->persons[browser_person_at(b, idx)];

	(void)e;
	lines_wrap(l, NULL, STYLE_NORMAL, 0, p->name, width,
		   p->presence == MN_PRESENT ? STYLE_LABEL : STYLE_DIM);
	if (*p->role)
		lines_wrap(l, NULL, STYLE_NORMAL, width > 4 ? 2 : 0, p->role,
			   width, STYLE_DIM);
	presence_line(l, p, width > 4 ? 2 : 0, width);
	notes_view_marker(b, l, p->id, width > 4 ? 2 : 0, width);
	lines_blank(l);
}

static void
attendees_detail_header(struct browser *b, const struct entry *e, char *buf,
			size_t size)
{
	(void)b;
	(void)e;
	snprintf(buf, size, "%s", _("Attendee"));
}

/* Who speaks where, for the whole file at once (the first time an
 * attendee is shown): counting, then placing, in document order. */
static void
speaks_index(struct doc *d)
{
	const struct minutes *m = d->m;
	size_t total = 0;
	uint32_t *at = xcalloc((size_t)m->npersons + 2, sizeof(*at));

	for (uint32_t s = 0; s < m->nsections; s++)
		for (uint32_t i = 0; i < m->sections[s].nitems; i++)
			for (uint32_t b = 0; b < m->sections[s].items[i].nby; b++) {
				at[m->sections[s].items[i].by[b] + 2]++;
				total++;
			}
	for (uint32_t p = 0; p < m->npersons; p++)
		at[p + 2] += at[p + 1];
	d->speaks = xmalloc((total ? total : 1) * sizeof(*d->speaks));
	/* at[p + 1] is the next free place of person p while placing */
	for (uint32_t s = 0; s < m->nsections; s++)
		for (uint32_t i = 0; i < m->sections[s].nitems; i++) {
			const struct mn_item *it = &m->sections[s].items[i];
			for (uint32_t b = 0; b < it->nby; b++) {
				uint32_t k = at[it->by[b] + 1]++;
				d->speaks[k].text = it->text;
				d->speaks[k].len = it->len;
				d->speaks[k].sec = s;
				d->speaks[k].item = i;
			}
		}
	d->speaks_at = at;
}

/* The selected line of person PI's "Speaks in" (of SHOWN lines), -1
 * when the detail pane does not have the keys: a new person starts at
 * the first. */
static int
speak_selected(struct browser *b, uint32_t pi, uint32_t shown)
{
	if (b->speak_person != (int)pi + 1 || b->speak_doc != b->doc) {
		b->speak_person = (int)pi + 1;
		b->speak_doc = b->doc;
		b->speak_sel = 0;
	}
	if (b->speak_sel >= (int)shown)
		b->speak_sel = shown ? (int)shown - 1 : 0;
	return b->focus == PANE_DETAIL && shown ? b->speak_sel : -1;
}

/* the items the attendee of record CUR speaks in: FIRST and how many
 * lines the detail pane lists (*SHOWN); false for none */
static bool
speak_range(struct browser *b, int cur, uint32_t *pi, uint32_t *first,
	    uint32_t *shown)
{
	struct doc *d = b->doc;

	if (cur < 0 || cur >= (int)d->m->npersons)
		return false;
	*pi = (uint32_t)browser_person_at(b, cur);
	if (!d->speaks_at)
		speaks_index(d);
	*first = d->speaks_at[*pi];
	uint32_t all = d->speaks_at[*pi + 1] - *first;
	uint32_t rows = b->detail_rows > 2 ? (uint32_t)b->detail_rows : 2;
	*shown = all > rows ? rows - 1 : all;
	return *shown > 0;
}

static bool
attendees_detail_move(struct browser *b, const struct entry *e, int cur,
		      int delta)
{
	uint32_t pi, first, shown;

	(void)e;
	if (!speak_range(b, cur, &pi, &first, &shown))
		return false;
	speak_selected(b, pi, shown);
	/* past either end of the list, the pane scrolls (to the notes) */
	if ((delta == 1 && b->speak_sel + 1 >= (int)shown) ||
	    (delta == -1 && b->speak_sel == 0))
		return false;
	long sel = (long)b->speak_sel + delta;
	if (sel < 0)
		sel = 0;
	if (sel >= (long)shown)
		sel = (long)shown - 1;
	b->speak_sel = (int)sel;
	b->speak_scroll = true;
	return true;
}

static bool
attendees_detail_enter(struct browser *b, const struct entry *e, int cur)
{
	uint32_t pi, first, shown;

	(void)e;
	if (!speak_range(b, cur, &pi, &first, &shown))
		return false;
	speak_selected(b, pi, shown);
	uint32_t k = first + (uint32_t)b->speak_sel;
	navigate_goto_element(b, 1, (int)b->doc->speaks[k].sec,
			      (int)b->doc->speaks[k].item);
	return true;
}

static void
attendees_detail(struct browser *b, const struct entry *e, int cur,
		 int width, struct lines *l)
{
	struct doc *d = b->doc;

	(void)e;
	if (cur >= (int)d->m->npersons)
		return;
	const struct mn_person *p = &d->m->persons[browser_person_at(b, cur)];
	lines_wrap(l, NULL, STYLE_NORMAL, 0, p->name, width, STYLE_LABEL);
	if (*p->role)
		lines_wrap(l, NULL, STYLE_NORMAL, 0, p->role, width,
			   STYLE_NORMAL);
	presence_line(l, p, 2, width);
	lines_wrap(l, NULL, STYLE_NORMAL, 0,
		   lines_printf(l, "%s · %s %u", p->id, _("line"), p->line),
		   width, STYLE_DIM);
	uint32_t pi = (uint32_t)(p - d->m->persons);
	if (!d->speaks_at)
		speaks_index(d);
	/* one line each, cut at the pane when drawn; never more of them
	 * than the pane has rows (one attendee may speak in 2,000,000
	 * items), then how many more there are */
	int h = b->detail_rows;
	uint32_t first = d->speaks_at[pi], all = d->speaks_at[pi + 1] - first;
	uint32_t shown = all, rows = h > 2 ? (uint32_t)h : 2;
	if (shown > rows)
		shown = rows - 1;
	if (all) {
		const char *head = _("Speaks in");
		lines_blank(l);
		lines_add(l, NULL, STYLE_NORMAL, 0, head, 0,
			  (uint32_t)strlen(head), STYLE_LABEL);
	}
	/* the item's first line, ending in "…" where it is cut; with the
	 * pane focused, the one Enter goes to drawn as a cursor */
	int sel = speak_selected(b, pi, shown);
	b->speak_line = -1;
	b->pick_first = l->n;
	b->pick_n = (int)shown;
	for (uint32_t k = first; k < first + shown; k++) {
		const char *t = d->speaks[k].text;
		const char *nl = memchr(t, '\n', d->speaks[k].len);
		uint32_t len = nl ? (uint32_t)(nl - t) : d->speaks[k].len;
		bool is_sel = (int)(k - first) == sel;
		if (is_sel)
			b->speak_line = l->n;
		lines_add(l, NULL, STYLE_NORMAL, 2, t, 0, len,
			  is_sel ? STYLE_SELECTED : STYLE_NORMAL);
		lines_cut(l, nl ? LINE_MORE : LINE_MARK);
	}
	if (shown < all) {
		const char *more = lines_printf(l, ngettext("… and %u more item",
							    "… and %u more items",
							    all - shown),
						all - shown);
		lines_add(l, NULL, STYLE_NORMAL, 2, more, 0,
			  (uint32_t)strlen(more), STYLE_DIM);
	}
	notes_view_lines(b, l, p->id, width);
}

static bool
attendees_matches(struct browser *b, const struct entry *e, int r)
{
	size_t a, z;

	(void)e;
	if (r < 0)
		return false;
	const struct mn_person *p = &b->doc->m->persons[browser_person_at(b, r)];
	return (*p->name && search_text(b->q, p->name, strlen(p->name), 0, &a, &z)) ||
	       (*p->role && search_text(b->q, p->role, strlen(p->role), 0, &a, &z));
}

static const char *
attendees_target(struct browser *b, const struct entry *e, int cur)
{
	(void)e;
	/* the list itself is no element of the minutes (it has no id):
	 * a note from the navigator would silently go to whoever is
	 * first in the content pane */
	if (b->focus == PANE_NAV || cur >= (int)b->doc->m->npersons)
		return NULL;
	return b->doc->m->persons[browser_person_at(b, cur)].id;
}

static bool
attendees_locate(struct browser *b, int entry, int kind, int sec, int item)
{
	struct doc *d = b->doc;

	(void)item;
	if (kind != 2)
		return false;
	d->nav.cur = entry;
	for (uint32_t i = 0; i < d->m->npersons; i++)
		if (browser_person_at(b, (int)i) == sec)
			d->content[entry].cur = (int)i;
	d->detail.cur = 0;
	b->focus = PANE_CONTENT;
	return true;
}

const struct entry_ops entry_attendees = {
	.name = "attendees",
	.add = attendees_add,
	.count = attendees_count,
	.nav = attendees_nav,
	.header = attendees_header,
	.layout = attendees_layout,
	.gap = true,
	.detail_header = attendees_detail_header,
	.detail = attendees_detail,
	.detail_move = attendees_detail_move,
	.detail_enter = attendees_detail_enter,
	.matches = attendees_matches,
	.target = attendees_target,
	.no_target = N_("The attendee list takes no note: select an attendee (Enter)"),
	.locate = attendees_locate,
};
