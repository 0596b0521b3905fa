/* pane_content.c - the selected entry's records: header fields,
 * attendees, a section's items, the problems. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "nls.h"
#include "view.h"

/* --- laid-out lines, shared with the detail pane ----------------------- */

void
lines_add(struct lines *l, const char *lead, enum style lead_st, int indent,
	  const char *s, uint32_t off, uint32_t len, enum style st)
{
	if (l->n == l->cap) {
		int cap = l->cap ? l->cap * 2 : 64;
		struct detail_line *v = realloc(l->v, (size_t)cap * sizeof(*v));
		if (!v)
			return;
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = (struct detail_line){ lead, lead_st, indent, s, off,
					     len, st };
}

static void
lines_add_wrapped(struct lines *l, const char *lead, enum style lead_st,
		  int indent, const char *text, const struct text_line *tl,
		  size_t n, enum style st)
{
	for (size_t i = 0; i < n; i++)
		lines_add(l, i == 0 ? lead : NULL, lead_st, indent, text,
			  tl[i].off, tl[i].len, st);
}

void
lines_wrap(struct lines *l, const char *lead, enum style lead_st, int indent,
	   const char *text, int width, enum style st)
{
	struct text_line *tl = NULL;
	int w = width - indent;
	size_t n = text_wrap(text, strlen(text), w < 1 ? 1 : w, &tl);
	lines_add_wrapped(l, lead, lead_st, indent, text, tl, n, st);
	free(tl);
}

/* The same for a string of the model, through the wrap cache. */
static void
lines_wrap_cached(struct lines *l, const char *lead, enum style lead_st,
		  int indent, const char *text, int width, enum style st)
{
	const struct text_line *tl;
	int w = width - indent;
	size_t n = wrap_lines(text, w < 1 ? 1 : w, &tl);
	lines_add_wrapped(l, lead, lead_st, indent, text, tl, n, st);
}

void
lines_draw(const struct lines *l, struct rect r, int skip)
{
	for (int i = 0; i < r.h && skip + i < l->n; i++) {
		const struct detail_line *d = &l->v[skip + i];
		if (d->lead)
			draw_str(r.y + i, r.x, d->indent < r.w ? d->indent : r.w,
				 d->lead, d->lead_st);
		if (d->s && d->indent < r.w)
			draw_text(r.y + i, r.x + d->indent, r.w - d->indent,
				  d->s, d->off, d->len, d->st);
	}
}

void
lines_free(struct lines *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* --- helpers ------------------------------------------------------------ */

int
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

char *
figure_text(const struct mn_figure *f)
{
	/* the value as written, with the interface's decimal mark */
	char *v = f->value_str ? decimal_format(f->value_str, NULL)
			       : strdup("?");
	char *t;
	if (!v || asprintf(&t, "%s%s%s%s", mn_op_text(f->op), v,
			   *f->unit && strcmp(f->unit, "%") ? " " : "",
			   f->unit) < 0)
		mn_oom();
	free(v);
	return t;
}

const char *
verdict_mark(enum mn_verdict v)
{
	switch (v) {
	case MN_MET: return "✓";
	case MN_MISSED: return "✗";
	default: return "?";
	}
}

int
person_at(struct ui *ui, int idx)
{
	return ui->attendees_doc_order ? idx : (int)ui->doc->by_name[idx];
}

/* --- records ------------------------------------------------------------ */

static int
content_count(struct ui *ui)
{
	struct doc *d = ui->doc;
	if (!d || !d->m)
		return 0;
	int entry = ui_entry(ui);
	switch (entry) {
	case ENTRY_MEETING: return meeting_fields(d->m, -1, NULL, NULL);
	case ENTRY_ATTENDEES: return (int)d->m->npersons;
	case ENTRY_PROBLEMS: return (int)d->m->nproblems;
	case ENTRY_ORPHANS:
		return d->notes ? (int)notes_orphans(d->notes, NULL) : 0;
	default: return ui_item_count(ui, entry);
	}
}

/* "✎ 2 open · 3 notes" under an element with notes */
static void
notes_marker(struct ui *ui, struct lines *l, const char *id, int indent,
	     int width)
{
	struct notes_store *ns = ui->doc->notes;
	size_t all, open;
	char *buf;

	if (!ns || !id || !(all = notes_for_target(ns, id, NULL)))
		return;
	open = notes_open_count(ns, id);
	if (asprintf(&buf, "✎ %zu %s · %zu %s", open, _("open"), all,
		     ngettext("note", "notes", all)) < 0)
		return;
	const char *t = ui_scratch(ui, buf);
	int used;
	size_t fit = text_fit(t, strlen(t), width - indent, &used);
	lines_add(l, NULL, STYLE_NORMAL, indent, t, 0, (uint32_t)fit,
		  open ? STYLE_NOTE : STYLE_DIM);
}

/* "— name, name" and the figures with their verdicts, under an item.
 * The lines are cut at the pane when drawn; the speakers are laid out
 * only as far as WIDTH columns and one more (for the cut mark): never
 * more of the list than the row can show. */
static void
item_summary(struct ui *ui, const struct mn_item *it, struct lines *l,
	     int width)
{
	const struct minutes *m = ui->doc->m;

	if (it->nby) {
		int room = (width > 0 ? width : 1) + 1 - 2, used;
		size_t size = 64, n = strlen("— ");
		char *buf = mn_xrealloc(NULL, size);
		memcpy(buf, "— ", n);
		for (uint32_t i = 0; i < it->nby && room > 0; i++) {
			const char *name = m->persons[it->by[i]].name;
			size_t len = strlen(name), k;
			if (i) {
				memcpy(buf + n, ", ", 2); /* size > n + 2 */
				n += 2;
				room -= 2;
			}
			k = text_fit(name, len, room, &used);
			if (k < len) {
				/* cut: the row is full; one cluster more makes
				 * it overflow, so the cut is marked when drawn */
				struct text_cluster c;
				k = text_cluster_next(name, len, k, &c);
				room = 0;
			} else {
				room -= used;
			}
			if (n + k + 3 > size) {
				size = (n + k + 3) * 2;
				buf = mn_xrealloc(buf, size);
			}
			memcpy(buf + n, name, k);
			n += k;
		}
		buf[n] = '\0';
		const char *t = ui_scratch(ui, buf); /* "" when out of memory */
		lines_add(l, NULL, STYLE_NORMAL, 0, t, 0, *t ? (uint32_t)n : 0,
			  STYLE_DIM);
	}
	if (it->nfigures) {
		size_t size = 64, n = 0;
		char *buf = mn_xrealloc(NULL, size);
		buf[0] = '\0';
		for (uint32_t i = 0; i < it->nfigures; i++) {
			char *t = figure_text(&it->figures[i]);
			const char *mark =
				verdict_mark(mn_figure_verdict(&it->figures[i]));
			size_t k = strlen(t) + strlen(mark) + 3;
			if (n + k + 1 > size) {
				size = (n + k + 1) * 2;
				buf = mn_xrealloc(buf, size);
			}
			n += (size_t)snprintf(buf + n, size - n, "%s%s %s",
					      i ? "  " : "", t, mark);
			free(t);
		}
		const char *t = ui_scratch(ui, buf); /* "" when out of memory */
		lines_add(l, NULL, STYLE_NORMAL, 0, t, 0, *t ? (uint32_t)n : 0,
			  STYLE_TARGETS);
	}
}

/* The lines of record IDX of the selected entry at WIDTH, into ui->rec. */
static void
content_layout(struct ui *ui, int idx, int width)
{
	struct doc *d = ui->doc;
	struct lines *l = &ui->rec;
	int entry = ui_entry(ui);
	static char lead[32];

	l->n = 0;
	if (entry == ENTRY_MEETING) {
		const char *label, *value;
		meeting_fields(d->m, idx, &label, &value);
		if (value == d->m->meeting.date) {
			char shown[64];
			nls_date(value, shown, sizeof(shown));
			value = ui_scratch(ui, strdup(shown));
		}
		snprintf(lead, sizeof(lead), "%s:", label);
		int iw = text_width(lead, strlen(lead)) + 1;
		if (iw > 12 || iw >= width)
			iw = width > 12 ? 12 : 0;
		lines_wrap(l, lead, STYLE_LABEL, iw, value, width, STYLE_NORMAL);
	} else if (entry == ENTRY_ATTENDEES) {
		const struct mn_person *p = &d->m->persons[person_at(ui, idx)];
		lines_wrap(l, NULL, STYLE_NORMAL, 0, p->name, width, STYLE_LABEL);
		if (*p->role)
			lines_wrap(l, NULL, STYLE_NORMAL, width > 4 ? 2 : 0,
				   p->role, width, STYLE_DIM);
		notes_marker(ui, l, p->id, width > 4 ? 2 : 0, width);
	} else if (entry == ENTRY_ORPHANS) {
		const struct note *const *v;
		size_t n = notes_orphans(d->notes, &v);
		if ((size_t)idx < n) {
			const struct note *nt = v[idx];
			snprintf(lead, sizeof(lead), "%s:", nt->target);
			lines_add(l, NULL, STYLE_NORMAL, 0, lead, 0,
				  (uint32_t)strlen(lead), STYLE_LABEL);
			lines_wrap(l, NULL, STYLE_NORMAL, 2, nt->quote, width,
				   STYLE_DIM);
			lines_wrap(l, "✎", STYLE_NOTE, 2, nt->text, width,
				   STYLE_NORMAL);
		}
		lines_add(l, NULL, STYLE_NORMAL, 0, NULL, 0, 0, STYLE_NORMAL);
		return;
	} else if (entry == ENTRY_PROBLEMS) {
		const struct mn_problem *p = &d->m->problems[idx];
		snprintf(lead, sizeof(lead), "%u:%u:", p->line, p->col);
		int iw = text_width(lead, strlen(lead)) + 1;
		if (iw >= width)
			iw = 0;
		lines_wrap(l, lead, STYLE_ERROR, iw, p->msg, width, STYLE_NORMAL);
	} else {
		const struct mn_section *s = &d->m->sections[entry];
		int item = ui_item_at(ui, entry, idx);
		const struct mn_item *it = &s->items[item];
		int digits = snprintf(NULL, 0, "%u", s->nitems);
		snprintf(lead, sizeof(lead), "%*d.", digits, item + 1);
		int iw = digits + 2;
		if (iw * 3 > width)
			iw = 0;
		lines_wrap_cached(l, iw ? lead : NULL, STYLE_DIM, iw, it->text,
				  width, STYLE_NORMAL);
		int before = l->n;
		item_summary(ui, it, l, width - iw);
		notes_marker(ui, l, it->id, 0, width - iw);
		for (int i = before; i < l->n; i++)
			l->v[i].indent = iw;
	}
	if (entry == ENTRY_ATTENDEES || entry >= 0)
		lines_add(l, NULL, STYLE_NORMAL, 0, NULL, 0, 0, STYLE_NORMAL);
}

static int
content_gap(struct ui *ui)
{
	int entry = ui_entry(ui);
	return entry == ENTRY_ATTENDEES || entry == ENTRY_ORPHANS || entry >= 0;
}

static int
content_height(struct ui *ui, int idx, int width)
{
	content_layout(ui, idx, width);
	return ui->rec.n;
}

static void
content_draw(struct ui *ui, int idx, struct rect r, int skip, bool selected)
{
	(void)selected;
	content_layout(ui, idx, r.w);
	lines_draw(&ui->rec, r, skip);
}

static void
content_header(struct ui *ui, char *buf, size_t size)
{
	struct doc *d = ui->doc;
	int entry = ui_entry(ui);

	if (entry == ENTRY_MEETING) {
		snprintf(buf, size, "%s", _("Meeting"));
	} else if (entry == ENTRY_ATTENDEES) {
		snprintf(buf, size, "%s (%u) · %s", _("Attendees"),
			 d->m->npersons,
			 ui->attendees_doc_order ? _("document order")
						 : _("by given name"));
	} else if (entry == ENTRY_PROBLEMS) {
		snprintf(buf, size, "%s (%u)", _("Problems"), d->m->nproblems);
	} else if (entry == ENTRY_ORPHANS) {
		snprintf(buf, size, "%s (%zu) · %s", _("Orphaned notes"),
			 notes_orphans(d->notes, NULL), _(":attach ID re-attaches one"));
	} else {
		const struct mn_section *s = &d->m->sections[entry];
		const unsigned *v = d->verdicts[entry];
		const char *filter = ui->filter_open ? _(" · only open notes") : "";
		if (v[0] + v[1] + v[2])
			snprintf(buf, size, "%s %s%s · %s %u ✓ %u ✗ %u ?",
				 mn_kind_symbol(s->kind), s->heading, filter,
				 _("figures"), v[MN_MET], v[MN_MISSED],
				 v[MN_UNKNOWN]);
		else
			snprintf(buf, size, "%s %s%s", mn_kind_symbol(s->kind),
				 s->heading, filter);
	}
}

static struct cursor *
content_cursor(struct ui *ui)
{
	struct doc *d = ui->doc;
	return &d->content[d->nav.cur];
}

const struct pane_ops pane_content_ops = {
	.name = "content",
	.count = content_count,
	.height = content_height,
	.draw = content_draw,
	.header = content_header,
	.cursor = content_cursor,
	.gap = content_gap,
};
