/* entry_meeting.c - the navigator's "Meeting" entry: the header fields
 * (title, date, times, organizer, place, status, source, id, file;
 * in a v2 biên bản also the agency and its parent, the number, the
 * chairs and secretaries, the signatures and the recipients). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entries.h"
#include "nls.h"
#include "notes_view.h"
#include "xalloc.h"

extern const struct entry_ops entry_meeting;

/* v2: "Name — role" of each person in WHO, one a line (no more than
 * FIELD_LIST_MAX, then how many more): malloc'd, NULL when N is 0. */
#define FIELD_LIST_MAX 50
static char *
persons_value(const struct minutes *m, const uint32_t *who, uint32_t n)
{
	if (!n)
		return NULL;
	char *s = xstrdup("");
	for (uint32_t i = 0; i < n && i < FIELD_LIST_MAX; i++) {
		const struct mn_person *p = &m->persons[who[i]];
		char *t = xasprintf("%s%s%s%s", s, i ? "\n" : "", p->name,
				    *p->role ? " — " : "");
		free(s);
		s = xasprintf("%s%s", t, p->role);
		free(t);
	}
	if (n > FIELD_LIST_MAX) {
		char *t = xasprintf("%s\n%s", s, "…");
		free(s);
		s = t;
	}
	return s;
}

/* v2: "Secretary: Nông Thị Mai" and "Chair: … (refused to sign: …)",
 * one a line. */
static char *
signatures_value(const struct minutes *m)
{
	if (!m->nsignatures)
		return NULL;
	char *s = xstrdup("");
	for (uint32_t i = 0; i < m->nsignatures && i < FIELD_LIST_MAX; i++) {
		const struct mn_signature *g = &m->signatures[i];
		const char *who = g->person != MN_NONE ? m->persons[g->person].name
						       : "?";
		char *t = g->refused
			? xasprintf("%s%s%s: %s (%s%s%s)", s, i ? "\n" : "",
				    g->role == MN_SIGN_CHAIR ? _("Chair") : _("Secretary"),
				    who, _("refused to sign"),
				    *g->refused ? ": " : "", g->refused)
			: xasprintf("%s%s%s: %s", s, i ? "\n" : "",
				    g->role == MN_SIGN_CHAIR ? _("Chair") : _("Secretary"),
				    who);
		free(s);
		s = t;
	}
	return s;
}

/* v2: the recipients, one a line. */
static char *
recipients_value(const struct minutes *m)
{
	if (!m->nrecipients)
		return NULL;
	char *s = xstrdup("");
	for (uint32_t i = 0; i < m->nrecipients && i < FIELD_LIST_MAX; i++) {
		char *t = xasprintf("%s%s- %s", s, i ? "\n" : "",
				    m->recipients[i].text);
		free(s);
		s = t;
	}
	if (m->nrecipients > FIELD_LIST_MAX) {
		char *t = xasprintf("%s\n%s", s, "…");
		free(s);
		s = t;
	}
	return s;
}

/* Field I (the shown ones only: empty fields are left out) into *LABEL
 * and *VALUE; returns how many are shown.  A value made for the field
 * (the chairs, the signatures ...) is malloc'd into *OWNED (the
 * caller frees it; NULL when none). */
static int
meeting_fields(const struct minutes *m, int i, const char **label,
	       const char **value, char **owned)
{
	const struct mn_meeting *mt = &m->meeting;
	enum { PLAIN, CHAIRS, SECRETARIES, SIGNATURES, RECIPIENTS };
	const struct {
		const char *label, *value;
		int made;
	} f[] = {
		{ N_("Agency"), mt->agency, PLAIN },
		{ N_("Parent body"), mt->agency_parent, PLAIN },
		{ N_("Number"), mt->number, PLAIN },
		{ N_("Title"), mt->title, PLAIN },
		{ N_("Date"), mt->date, PLAIN },
		{ N_("Start"), mt->start, PLAIN },
		{ N_("End"), mt->end, PLAIN },
		{ N_("Organizer"), mt->organizer, PLAIN },
		{ N_("Place"), mt->place, PLAIN },
		{ N_("Chair"), mt->nchairs ? "" : NULL, CHAIRS },
		{ N_("Secretary"), mt->nsecretaries ? "" : NULL, SECRETARIES },
		{ N_("Status"), _(mn_status_name(mt->status)), PLAIN },
		{ N_("Source"), mt->source, PLAIN },
		{ N_("Signatures"), m->nsignatures ? "" : NULL, SIGNATURES },
		{ N_("Recipients"), m->nrecipients ? "" : NULL, RECIPIENTS },
		{ N_("ID"), m->id, PLAIN },
		{ N_("File"), m->path, PLAIN },
	};
	int n = 0;
	if (owned)
		*owned = NULL;
	for (size_t k = 0; k < sizeof(f) / sizeof(*f); k++) {
		if (!f[k].value || (f[k].made == PLAIN && !*f[k].value))
			continue;
		if (n == i && label) {
			*label = _(f[k].label);
			*value = f[k].value;
			char *made = NULL;
			switch (f[k].made) {
			case CHAIRS:
				made = persons_value(m, mt->chairs, mt->nchairs);
				break;
			case SECRETARIES:
				made = persons_value(m, mt->secretaries,
						     mt->nsecretaries);
				break;
			case SIGNATURES: made = signatures_value(m); break;
			case RECIPIENTS: made = recipients_value(m); break;
			default: break;
			}
			if (made) {
				*value = made;
				if (owned)
					*owned = made;
				else
					free(made);
			}
		}
		n++;
	}
	return n;
}

/* the column the values start at: the widest label, at most 14 */
static int
label_column(const struct minutes *m, int width)
{
	int n = meeting_fields(m, -1, NULL, NULL, NULL), iw = 0;
	for (int i = 0; i < n; i++) {
		const char *label, *value;
		char *owned;
		meeting_fields(m, i, &label, &value, &owned);
		free(owned);
		int w = text_width(label, strlen(label)) + 2;
		if (w > iw)
			iw = w;
	}
	if (iw > 14)
		iw = 14;
	if (iw < 12)
		iw = 12;
	return iw * 3 > width ? 0 : iw;
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
	return meeting_fields(b->doc->m, -1, NULL, NULL, NULL);
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
	out->answered = notes_view_answered(b, 0);
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
	char *owned;

	(void)e;
	meeting_fields(b->doc->m, idx, &label, &value, &owned);
	if (owned)
		lines_own(l, owned);
	value = shown(b->doc->m, value, l);
	const char *lead = lines_printf(l, "%s:", label);
	int iw = b->doc->m->version >= 2 ? label_column(b->doc->m, width) : 0;
	if (!iw) {
		/* v1 as it always was */
		iw = text_width(lead, strlen(lead)) + 1;
		if (iw > 12 || iw >= width)
			iw = width > 12 ? 12 : 0;
	}
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
	int n = meeting_fields(m, -1, NULL, NULL, NULL);

	(void)e;
	(void)cur;
	for (int i = 0; i < n; i++) {
		const char *label, *value;
		char *owned;
		meeting_fields(m, i, &label, &value, &owned);
		if (owned)
			lines_own(l, owned);
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
	char *owned;
	size_t a, z;

	(void)e;
	if (r < 0)
		return false;
	meeting_fields(b->doc->m, r, &label, &value, &owned);
	bool hit = *value && search_text(b->q, value, strlen(value), 0, &a, &z);
	free(owned);
	return hit;
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
