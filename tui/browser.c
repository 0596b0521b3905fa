/* browser.c - the browser model's state and the order records are shown
 * in (see browser.h): the status message, the selected entry, the
 * attendees' order and the open-notes filter. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser.h"
#include "nls.h"
#include "xalloc.h"

void
browser_message(struct browser *b, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(b->msg, sizeof(b->msg), fmt, ap);
	va_end(ap);
	b->msg_error = error;
}

bool
browser_in_doc(const struct browser *b)
{
	return b->doc && b->doc->m;
}

const struct entry *
browser_entry(struct browser *b)
{
	struct doc *d = b->doc;
	if (!d || !d->m || d->nentries == 0)
		return NULL;
	if (d->nav.cur >= d->nentries)
		d->nav.cur = d->nentries - 1;
	if (d->nav.cur < 0)
		d->nav.cur = 0;
	return &d->entries[d->nav.cur];
}

struct cursor *
browser_content_cursor(struct browser *b)
{
	if (!b->doc || !b->doc->content)
		return NULL;
	(void)browser_entry(b); /* keeps nav.cur inside the entries */
	return &b->doc->content[b->doc->nav.cur];
}

int
browser_content_cur(struct browser *b)
{
	struct cursor *c = browser_content_cursor(b);
	return c ? c->cur : 0;
}

int
browser_person_at(const struct browser *b, int shown)
{
	return b->attendees_doc_order ? shown : (int)b->doc->by_name[shown];
}

static void
filter_build(struct browser *b, int section)
{
	const struct doc *d = b->doc;
	if (b->fdoc == d && b->fentry == section && b->fgen == b->notes_gen &&
	    b->fidx)
		return;
	const struct mn_section *s = &d->m->sections[section];
	b->fidx = xreallocarray(b->fidx, (size_t)s->nitems + 1, sizeof(int));
	b->nfidx = 0;
	for (uint32_t i = 0; i < s->nitems; i++)
		if (d->notes && notes_open_count(d->notes, s->items[i].id))
			b->fidx[b->nfidx++] = (int)i;
	b->fdoc = d;
	b->fentry = section;
	b->fgen = b->notes_gen;
}

int
browser_item_count(struct browser *b, int section)
{
	if (!b->filter_open)
		return (int)b->doc->m->sections[section].nitems;
	filter_build(b, section);
	return b->nfidx;
}

int
browser_item_at(struct browser *b, int section, int shown)
{
	if (!b->filter_open)
		return shown;
	filter_build(b, section);
	return shown >= 0 && shown < b->nfidx ? b->fidx[shown] : 0;
}

int
browser_shown_of(struct browser *b, int section, int item)
{
	if (!b->filter_open)
		return item;
	filter_build(b, section);
	for (int i = 0; i < b->nfidx; i++)
		if (b->fidx[i] == item)
			return i;
	return -1;
}

void
browser_goto_item(struct browser *b, int e, int item)
{
	struct doc *d = b->doc;
	int shown = browser_shown_of(b, d->entries[e].arg, item);

	if (shown < 0) {
		b->filter_open = false;
		browser_message(b, false, "%s", _("Showing every item again"));
		shown = item;
	}
	d->nav.cur = e;
	d->content[e].cur = shown;
	d->detail.cur = 0;
}
