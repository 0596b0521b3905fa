/* entry_attendees.c - the navigator's "Attendees" entry: one record per
 * person (by given name, or as written with s), and in the detail pane
 * the items each one speaks in. */
#include <stdio.h>
#include <string.h>

#include "entries.h"
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
	if (d->notes)
		for (uint32_t i = 0; i < d->m->npersons; i++)
			out->open += notes_open_count(d->notes, d->m->persons[i].id);
}

static void
attendees_header(struct browser *b, const struct entry *e, char *buf,
		 size_t size)
{
	(void)e;
	snprintf(buf, size, "%s (%u) · %s", _("Attendees"), b->doc->m->npersons,
		 b->attendees_doc_order ? _("document order")
					: _("by given name"));
}

static void
attendees_layout(struct browser *b, const struct entry *e, int idx,
		 int width, struct lines *l)
{
	const struct mn_person *p = &b->doc->m->persons[browser_person_at(b, idx)];

	(void)e;
	lines_wrap(l, NULL, STYLE_NORMAL, 0, p->name, width, STYLE_LABEL);
	if (*p->role)
		lines_wrap(l, NULL, STYLE_NORMAL, width > 4 ? 2 : 0, p->role,
			   width, STYLE_DIM);
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
			}
		}
	d->speaks_at = at;
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
	for (uint32_t k = first; k < first + shown; k++)
		lines_add(l, NULL, STYLE_NORMAL, 2, d->speaks[k].text, 0,
			  d->speaks[k].len, STYLE_NORMAL);
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
	.matches = attendees_matches,
	.target = attendees_target,
	.no_target = N_("The attendee list takes no note: select an attendee (Enter)"),
	.locate = attendees_locate,
};
