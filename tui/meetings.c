/* meetings.c - the meetings list's order, filters and the archive's
 * open notes (see meetings.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "meetings.h"
#include "navigate.h"
#include "nls.h"
#include "notes_view.h"
#include "text.h"
#include "xalloc.h"

size_t
meetings_open(const struct doc *d)
{
	struct notes_review_state st;

	if (!d->m || !d->notes)
		return 0;
	notes_review(d->notes, &st);
	return st.open;
}

char *
meetings_review(const struct doc *d)
{
	struct notes_review_state st;

	if (!d->m || !d->notes)
		return xstrdup("");
	notes_review(d->notes, &st);
	if (st.state == NOTES_REVIEW_NONE)
		return xstrdup("");
	return notes_review_label(d->notes);
}

/* unloadable files last; then by the order chosen; then newest first,
 * then by path */
static int
row_cmp(const void *a, const void *b, void *arg)
{
	const struct browser *br = arg;
	const struct doc *x = br->docs[*(const int *)a];
	const struct doc *y = br->docs[*(const int *)b];
	int c = 0;

	if (!x->m != !y->m)
		return x->m ? -1 : 1;
	if (x->m) {
		switch (br->list_sort) {
		case 1:
			c = text_collate(x->m->meeting.title, y->m->meeting.title);
			break;
		case 2: /* drafts first: what is still to be done */
			c = (int)x->m->meeting.status - (int)y->m->meeting.status;
			break;
		case 3: { /* the most open notes first */
			size_t ox = meetings_open(x), oy = meetings_open(y);
			c = (ox < oy) - (ox > oy);
			break;
		}
		default:
			break;
		}
		if (!c)
			c = strcmp(y->m->meeting.date, x->m->meeting.date);
	}
	return c ? c : strcmp(x->path, y->path);
}

static bool
row_shown(const struct browser *b, const struct doc *d)
{
	size_t s, e;

	if (!d->m) /* a file that could not be loaded: only unfiltered */
		return !b->list_status && !b->list_open_only && !b->list_q;
	if (b->list_status && (int)d->m->meeting.status + 1 != b->list_status)
		return false;
	if (b->list_open_only && !meetings_open(d))
		return false;
	if (b->list_q) {
		const struct mn_meeting *mt = &d->m->meeting;
		const char *f[] = { mt->title, mt->number, mt->agency, mt->date,
				    d->title, mt->organizer };
		for (size_t i = 0; i < sizeof(f) / sizeof(*f); i++)
			if (f[i] && *f[i] &&
			    search_text(b->list_q, f[i], strlen(f[i]), 0, &s, &e))
				return true;
		return false;
	}
	return true;
}

static size_t archive_open(const struct browser *b);

static void
meetings_apply(struct browser *b)
{
	struct doc *was = b->list_ready && b->list.cur < b->nlist
		? b->docs[b->list_order[b->list.cur]] : NULL;
	int n = 0;

	for (int i = 0; i < b->ndocs; i++)
		b->list_order[i] = i;
	qsort_r(b->list_order, (size_t)b->ndocs, sizeof(int), row_cmp, b);
	/* the rows shown first, in order; the others after them */
	int *tmp = xmalloc(((size_t)b->ndocs + 1) * sizeof(int)), k = 0;
	for (int i = 0; i < b->ndocs; i++)
		if (row_shown(b, b->docs[b->list_order[i]]))
			tmp[k++] = b->list_order[i];
	n = k;
	for (int i = 0; i < b->ndocs; i++)
		if (!row_shown(b, b->docs[b->list_order[i]]))
			tmp[k++] = b->list_order[i];
	memcpy(b->list_order, tmp, (size_t)b->ndocs * sizeof(int));
	free(tmp);
	b->nlist = n;
	b->list_ready = true;
	b->list_gen = b->notes_gen;
	b->list_changes++;
	b->list_open = archive_open(b);
	/* the cursor stays on its meeting when it is still shown */
	for (int i = 0; was && i < n; i++)
		if (b->docs[b->list_order[i]] == was)
			b->list.cur = i;
}

int
meetings_rows(struct browser *b)
{
	if (!b->list_order)
		return 0;
	if (!b->list_ready || b->list_gen != b->notes_gen)
		meetings_apply(b);
	return b->nlist;
}

static size_t
archive_open(const struct browser *b)
{
	size_t n = 0;
	for (int i = 0; i < b->ndocs; i++)
		n += meetings_open(b->docs[i]);
	return n;
}

int
meetings_count(struct browser *b)
{
	if (b->onotes)
		return b->nonote;
	int n = meetings_rows(b); /* counts list_open too */
	return n + (b->archive && b->list_open ? 1 : 0);
}

struct doc *
meetings_doc(struct browser *b, int r)
{
	int n = meetings_rows(b);
	return r >= 0 && r < n ? b->docs[b->list_order[r]] : NULL;
}

static void
refilter(struct browser *b)
{
	b->list_ready = false;
	meetings_rows(b);
}

void
meetings_next_sort(struct browser *b)
{
	b->list_sort = (b->list_sort + 1) % 4;
	refilter(b);
}

void
meetings_next_status(struct browser *b)
{
	b->list_status = b->list_status > MN_STATUS_APPROVED ? 0
		: b->list_status + 1;
	refilter(b);
}

void
meetings_toggle_open(struct browser *b)
{
	b->list_open_only = !b->list_open_only;
	refilter(b);
}

void
meetings_set_text(struct browser *b, const char *text)
{
	free(b->list_text);
	search_query_free(b->list_q);
	b->list_text = NULL;
	b->list_q = text && *text ? search_compile(text) : NULL;
	if (b->list_q)
		b->list_text = xstrdup(text);
	refilter(b);
}

int
meetings_sort_column(const struct browser *b)
{
	return b->list_sort;
}

const char *
meetings_describe(const struct browser *b, char *buf, size_t size)
{
	static const char *const by[] = { N_("sorted by date"), N_("sorted by title"),
					  N_("sorted by status"),
					  N_("sorted by open notes") };
	char text[160] = "";
	int n = snprintf(buf, size, "%s", _(by[b->list_sort & 3]));
	if (b->list_open_only && n > 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, " · %s",
			      _("only with open notes"));
	if (b->list_status && n > 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, " · %s %s", _("status"),
			      _(mn_status_name((enum mn_status)(b->list_status - 1))));
	if (b->list_text && n > 0 && (size_t)n < size) {
		char *safe = text_sanitize(b->list_text, strlen(b->list_text), false);
		text_truncate(safe ? safe : "", safe ? strlen(safe) : 0, 30, text,
			      sizeof(text));
		free(safe);
		snprintf(buf + n, size - (size_t)n, " · “%s”", text);
	}
	return buf;
}

/* --- the archive's open notes -------------------------------------------- */

static void
onotes_free(struct browser *b)
{
	for (int i = 0; i < b->nonote; i++)
		free(b->onote[i].id);
	free(b->onote);
	b->onote = NULL;
	b->nonote = 0;
}

void
meetings_free(struct browser *b)
{
	onotes_free(b);
	free(b->list_text);
	search_query_free(b->list_q);
	b->list_text = NULL;
	b->list_q = NULL;
}

/* every open note of the archive, the meetings in the list's order,
 * each meeting's notes by time */
static void
onotes_build(struct browser *b)
{
	int cap = 0;

	onotes_free(b);
	for (int r = 0; r < b->ndocs; r++) {
		int di = b->list_order[r];
		struct notes_store *ns = b->docs[di]->m ? b->docs[di]->notes : NULL;
		for (size_t i = 0, n = ns ? notes_count(ns) : 0; i < n; i++) {
			const struct note *nt = notes_get(ns, i);
			if (nt->reply_to || nt->status != NOTES_OPEN)
				continue;
			if (b->nonote == cap) {
				cap = cap ? cap * 2 : 16;
				b->onote = xreallocarray(b->onote, (size_t)cap,
							 sizeof(*b->onote));
			}
			b->onote[b->nonote].doc = di;
			b->onote[b->nonote++].id = xstrdup(nt->id);
		}
	}
}

const struct note *
meetings_open_note(struct browser *b, int i, struct doc **d)
{
	*d = NULL;
	if (i < 0 || i >= b->nonote)
		return NULL;
	*d = b->docs[b->onote[i].doc];
	return (*d)->notes ? notes_find((*d)->notes, b->onote[i].id) : NULL;
}

bool
meetings_enter(struct browser *b)
{
	if (!b->onotes) {
		if (b->list.cur < meetings_rows(b) || meetings_count(b) == 0)
			return false;
		onotes_build(b);
		b->onotes = true;
		b->list_changes++;
		b->onote_cur.cur = b->onote_cur.top = 0;
		return true;
	}
	struct doc *d;
	const struct note *nt = meetings_open_note(b, b->onote_cur.cur, &d);
	if (!nt) {
		browser_message(b, true, "%s", _("This note is gone"));
		return true;
	}
	char target[256], id[256];
	snprintf(target, sizeof(target), "%s", nt->target);
	snprintf(id, sizeof(id), "%s", nt->id);
	b->doc = d;
	b->focus = PANE_NAV;
	navigate_goto_id(b, target);
	/* the note itself selected among its element's */
	const struct note **v;
	size_t n = notes_view_thread(d->notes, target, &v, NULL);
	snprintf(b->note_target, sizeof(b->note_target), "%s", target);
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i]->id, id) == 0)
			b->note_sel = (int)i;
	free(v);
	b->note_scroll = true;
	return true;
}

bool
meetings_back(struct browser *b)
{
	if (!b->onotes)
		return false;
	b->onotes = false;
	b->list_changes++;
	return true;
}
