/* entry_meeting.c - the navigator's "Meeting" entry: the header fields
 * (title, date, times, organizer, place, status, source, id, file). */
#include <stdio.h>
#include <string.h>

#include "entries.h"
#include "nls.h"
#include "notes_view.h"

extern const struct entry_ops entry_meeting;

/* Field I (the shown ones only: empty fields are left out) into *LABEL
 * and *VALUE; returns how many are shown. */
static int
meeting_fields(const struct minutes *m, int i, const char **label,
	       const char **value)
{
	const struct mn_meeting *mt = &m->meeting;
	const struct {
		const char *label, *value;
	} f[] = {
		{ N_("Title"), mt->title },
		{ N_("Date"), mt->date },
		{ N_("Start"), mt->start },
		{ N_("End"), mt->end },
		{ N_("Organizer"), mt->organizer },
		{ N_("Place"), mt->place },
		{ N_("Status"), _(mn_status_name(mt->status)) },
		{ N_("Source"), mt->source },
		{ N_("ID"), m->id },
		{ N_("File"), m->path },
	};
	int n = 0;
	for (size_t k = 0; k < sizeof(f) / sizeof(*f); k++) {
		if (!f[k].value || !*f[k].value)
			continue;
		if (n == i && label) {
			*label = _(f[k].label);
			*value = f[k].value;
		}
		n++;
	}
	return n;
}

/* VALUE as the screen shows it: the date the interface's way (nls_date),
 * kept in L */
static const char *
shown(const struct minutes *m, const char *value, struct lines *l)
{
	char buf[64];
	if (value != m->meeting.date)
		return value;
	return lines_printf(l, "%s", nls_date(value, buf, sizeof(buf)));
}

static void
meeting_add(const struct doc *d, struct entry *v, int *n)
{
	(void)d;
	v[(*n)++] = (struct entry){ &entry_meeting, 0 };
}

static int
meeting_count(struct browser *b, const struct entry *e)
{
	(void)e;
	return meeting_fields(b->doc->m, -1, NULL, NULL);
}

static void
meeting_nav(struct browser *b, const struct entry *e, struct entry_nav *out)
{
	(void)e;
	out->sym = " ";
	out->sym_st = STYLE_NORMAL;
	out->label = _("Meeting");
	out->count[0] = '\0';
	out->open = b->doc->notes ? notes_open_count(b->doc->notes, b->doc->m->id)
				  : 0;
}

static void
meeting_header(struct browser *b, const struct entry *e, char *buf,
	       size_t size)
{
	(void)b;
	(void)e;
	snprintf(buf, size, "%s", _("Meeting"));
}

static void
meeting_layout(struct browser *b, const struct entry *e, int idx, int width,
	       struct lines *l)
{
	const char *label, *value;

	(void)e;
	meeting_fields(b->doc->m, idx, &label, &value);
	value = shown(b->doc->m, value, l);
	const char *lead = lines_printf(l, "%s:", label);
	int iw = text_width(lead, strlen(lead)) + 1;
	if (iw > 12 || iw >= width)
		iw = width > 12 ? 12 : 0;
	lines_wrap(l, lead, STYLE_LABEL, iw, value, width, STYLE_NORMAL);
}

static void
meeting_detail_header(struct browser *b, const struct entry *e, char *buf,
		      size_t size)
{
	meeting_header(b, e, buf, size);
}

static void
meeting_detail(struct browser *b, const struct entry *e, int cur, int width,
	       struct lines *l)
{
	const struct minutes *m = b->doc->m;
	int n = meeting_fields(m, -1, NULL, NULL);

	(void)e;
	(void)cur;
	for (int i = 0; i < n; i++) {
		const char *label, *value;
		meeting_fields(m, i, &label, &value);
		value = shown(m, value, l);
		lines_add(l, NULL, STYLE_NORMAL, 0, label, 0,
			  (uint32_t)strlen(label), STYLE_LABEL);
		lines_wrap(l, NULL, STYLE_NORMAL, 2, value, width, STYLE_NORMAL);
	}
	notes_view_lines(b, l, m->id, width);
}

static bool
meeting_matches(struct browser *b, const struct entry *e, int r)
{
	const char *label, *value;
	size_t a, z;

	(void)e;
	if (r < 0)
		return false;
	meeting_fields(b->doc->m, r, &label, &value);
	return *value && search_text(b->q, value, strlen(value), 0, &a, &z);
}

static const char *
meeting_target(struct browser *b, const struct entry *e, int cur)
{
	(void)e;
	(void)cur;
	return *b->doc->m->id ? b->doc->m->id : NULL;
}

static bool
meeting_locate(struct browser *b, int entry, int kind, int sec, int item)
{
	(void)sec;
	(void)item;
	if (kind != 3)
		return false;
	b->doc->nav.cur = entry;
	b->doc->detail.cur = 0;
	b->focus = PANE_NAV;
	return true;
}

const struct entry_ops entry_meeting = {
	.name = "meeting",
	.add = meeting_add,
	.count = meeting_count,
	.nav = meeting_nav,
	.header = meeting_header,
	.layout = meeting_layout,
	.gap = false,
	.detail_header = meeting_detail_header,
	.detail = meeting_detail,
	.matches = meeting_matches,
	.target = meeting_target,
	.locate = meeting_locate,
};
