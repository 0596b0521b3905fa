/* pane_detail.c - the selected record in full. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "nls.h"
#include "view.h"

static void
detail_heading(struct lines *l, const char *label)
{
	lines_add(l, NULL, STYLE_NORMAL, 0, NULL, 0, 0, STYLE_NORMAL);
	lines_add(l, NULL, STYLE_NORMAL, 0, label, 0, (uint32_t)strlen(label),
		  STYLE_LABEL);
}

static void
detail_person(struct ui *ui, struct lines *l, const struct mn_person *p,
	      int width)
{
	lines_wrap(l, NULL, STYLE_NORMAL, 2, p->name, width, STYLE_NORMAL);
	if (*p->role)
		lines_wrap(l, NULL, STYLE_NORMAL, 4, p->role, width, STYLE_DIM);
	(void)ui;
}

static void
detail_item(struct ui *ui, struct lines *l, const struct mn_section *s,
	    const struct mn_item *it, int width)
{
	char *buf;
	const struct minutes *m = ui->doc->m;

	if (asprintf(&buf, "%s · %s %u", it->id, _("line"), it->line) >= 0) {
		const char *t = ui_scratch(ui, buf);
		lines_wrap(l, NULL, STYLE_NORMAL, 0, t, width, STYLE_DIM);
	}
	(void)s;
	/* paragraphs, with a blank line between them */
	const struct text_line *tl;
	size_t n = wrap_lines(it->text, width, &tl); /* cached per width */
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && tl[i].off > 0 && it->text[tl[i].off - 1] == '\n')
			lines_add(l, NULL, STYLE_NORMAL, 0, NULL, 0, 0,
				  STYLE_NORMAL);
		lines_add(l, NULL, STYLE_NORMAL, 0, it->text, tl[i].off,
			  tl[i].len, STYLE_NORMAL);
	}
	if (it->nby) {
		detail_heading(l, it->nby > 1 ? _("Speakers") : _("Speaker"));
		for (uint32_t i = 0; i < it->nby; i++)
			detail_person(ui, l, &m->persons[it->by[i]], width);
	}
	if (it->nfigures) {
		detail_heading(l, _("Figures"));
		for (uint32_t i = 0; i < it->nfigures; i++) {
			const struct mn_figure *f = &it->figures[i];
			enum mn_verdict v = mn_figure_verdict(f);
			char *t = figure_text(f), *actual = NULL;
			const char *vn = v == MN_MET ? _("met")
				       : v == MN_MISSED ? _("missed")
							: _("unknown");
			int r;
			if (f->actual && !(actual = decimal_format(f->actual,
								   NULL)))
				mn_oom();
			if (f->actual)
				r = asprintf(&buf, "%s %s · %s %s · %s",
					     verdict_mark(v), t, _("actual"),
					     actual, vn);
			else
				r = asprintf(&buf, "%s %s · %s",
					     verdict_mark(v), t, vn);
			free(t);
			free(actual);
			if (r < 0)
				continue;
			lines_wrap(l, NULL, STYLE_NORMAL, 2, ui_scratch(ui, buf),
				   width,
				   v == MN_MET ? STYLE_MET
				   : v == MN_MISSED ? STYLE_MISSED
						    : STYLE_NORMAL);
			lines_add(l, NULL, STYLE_NORMAL, 4, it->text, f->start,
				  f->end - f->start, STYLE_DIM);
		}
	}
}

/* Who speaks where, for the whole file at once (the first time an
 * attendee is shown): counting, then placing, in document order. */
static void
speaks_index(struct doc *d)
{
	const struct minutes *m = d->m;
	size_t total = 0;
	uint32_t *at = calloc((size_t)m->npersons + 2, sizeof(*at));

	if (!at)
		return;
	for (uint32_t s = 0; s < m->nsections; s++)
		for (uint32_t i = 0; i < m->sections[s].nitems; i++)
			for (uint32_t b = 0; b < m->sections[s].items[i].nby; b++) {
				at[m->sections[s].items[i].by[b] + 2]++;
				total++;
			}
	for (uint32_t p = 0; p < m->npersons; p++)
		at[p + 2] += at[p + 1];
	d->speaks = malloc((total ? total : 1) * sizeof(*d->speaks));
	if (!d->speaks) {
		free(at);
		return;
	}
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
detail_attendee(struct ui *ui, struct lines *l, const struct mn_person *p,
		int width)
{
	const struct minutes *m = ui->doc->m;
	char *buf;

	lines_wrap(l, NULL, STYLE_NORMAL, 0, p->name, width, STYLE_LABEL);
	if (*p->role)
		lines_wrap(l, NULL, STYLE_NORMAL, 0, p->role, width,
			   STYLE_NORMAL);
	if (asprintf(&buf, "%s · %s %u", p->id, _("line"), p->line) >= 0)
		lines_wrap(l, NULL, STYLE_NORMAL, 0, ui_scratch(ui, buf), width,
			   STYLE_DIM);
	uint32_t pi = (uint32_t)(p - m->persons);
	struct doc *d = ui->doc;
	if (!d->speaks_at)
		speaks_index(d);
	if (!d->speaks_at)
		return;
	/* one line each, cut at the pane when drawn; never more of them
	 * than the pane has rows (one attendee may speak in 2,000,000
	 * items), then how many more there are */
	int h = ui->panes[PANE_DETAIL].h;
	uint32_t first = d->speaks_at[pi], all = d->speaks_at[pi + 1] - first;
	uint32_t shown = all, rows = h > 2 ? (uint32_t)h : 2;
	if (shown > rows)
		shown = rows - 1;
	if (all)
		detail_heading(l, _("Speaks in"));
	for (uint32_t k = first; k < first + shown; k++)
		lines_add(l, NULL, STYLE_NORMAL, 2, d->speaks[k].text, 0,
			  d->speaks[k].len, STYLE_NORMAL);
	if (shown < all && asprintf(&buf, ngettext("… and %u more item",
						   "… and %u more items",
						   all - shown),
				    all - shown) >= 0)
		lines_add(l, NULL, STYLE_NORMAL, 2, ui_scratch(ui, buf), 0,
			  (uint32_t)strlen(buf), STYLE_DIM);
}

static void
detail_section(struct ui *ui, struct lines *l, const struct mn_section *s,
	       int width)
{
	char *buf;
	const unsigned *v = ui->doc->verdicts[s - ui->doc->m->sections];

	lines_wrap(l, NULL, STYLE_NORMAL, 0, s->heading, width, STYLE_LABEL);
	if (asprintf(&buf, "%s · %s · %u %s · %s %u", s->id, mn_kind_label(s->kind, s->kind_name),
		     s->nitems, ngettext("item", "items", s->nitems), _("line"),
		     s->line) >= 0)
		lines_wrap(l, NULL, STYLE_NORMAL, 0, ui_scratch(ui, buf), width,
			   STYLE_DIM);
	if (v[0] + v[1] + v[2] &&
	    asprintf(&buf, "%s: %u %s, %u %s, %u %s", _("Figures"), v[MN_MET],
		     _("met"), v[MN_MISSED], _("missed"), v[MN_UNKNOWN],
		     _("unknown")) >= 0)
		lines_wrap(l, NULL, STYLE_NORMAL, 0, ui_scratch(ui, buf), width,
			   STYLE_TARGETS);
}

static void
detail_orphan(struct ui *ui, struct lines *l, int cur, int width)
{
	const struct note *const *v;
	size_t n = notes_orphans(ui->doc->notes, &v);
	char *buf;

	if ((size_t)cur >= n)
		return;
	if (asprintf(&buf, _("This note's element, %s, is gone from the minutes. It was about:"),
		     v[cur]->target) >= 0)
		lines_wrap(l, NULL, STYLE_NORMAL, 0, ui_scratch(ui, buf), width,
			   STYLE_MISSED);
	lines_wrap(l, NULL, STYLE_NORMAL, 2, v[cur]->quote, width, STYLE_DIM);
	lines_wrap(l, NULL, STYLE_NORMAL, 0,
		   _(":attach ID attaches it to another element."), width,
		   STYLE_DIM);
	notes_lines(ui, l, v[cur]->target, width);
}

void
detail_build(struct ui *ui, int width)
{
	struct doc *d = ui->doc;
	struct lines *l = &ui->detail;
	int entry = ui_entry(ui), cur = ui_content_cur(ui);

	l->n = 0;
	if (!d || !d->m || width < 1)
		return;
	if (entry == ENTRY_ORPHANS) {
		detail_orphan(ui, l, cur, width);
		return;
	}
	if (entry >= 0 && ui->focus == PANE_NAV) {
		detail_section(ui, l, &d->m->sections[entry], width);
		notes_lines(ui, l, d->m->sections[entry].id, width);
		return;
	}
	if (entry == ENTRY_MEETING) {
		int n = meeting_fields(d->m, -1, NULL, NULL);
		for (int i = 0; i < n; i++) {
			const char *label, *value;
			meeting_fields(d->m, i, &label, &value);
			if (value == d->m->meeting.date) {
				char shown[64];
				nls_date(value, shown, sizeof(shown));
				value = ui_scratch(ui, strdup(shown));
			}
			lines_add(l, NULL, STYLE_NORMAL, 0, label, 0,
				  (uint32_t)strlen(label), STYLE_LABEL);
			lines_wrap(l, NULL, STYLE_NORMAL, 2, value, width,
				   STYLE_NORMAL);
		}
		notes_lines(ui, l, d->m->id, width);
	} else if (entry == ENTRY_ATTENDEES) {
		if (cur < (int)d->m->npersons) {
			const struct mn_person *p = &d->m->persons[person_at(ui, cur)];
			detail_attendee(ui, l, p, width);
			notes_lines(ui, l, p->id, width);
		}
	} else if (entry == ENTRY_PROBLEMS) {
		for (uint32_t i = 0; i < d->m->nproblems; i++) {
			char *buf;
			const struct mn_problem *p = &d->m->problems[i];
			if (asprintf(&buf, "%s:%u:%u: %s", d->m->path, p->line,
				     p->col, p->msg) >= 0)
				lines_wrap(l, NULL, STYLE_NORMAL, 0,
					   ui_scratch(ui, buf), width,
					   (int)i == cur ? STYLE_LABEL
							 : STYLE_NORMAL);
		}
	} else {
		const struct mn_section *s = &d->m->sections[entry];
		if (cur < ui_item_count(ui, entry)) {
			const struct mn_item *it = &s->items[ui_item_at(ui, entry, cur)];
			detail_item(ui, l, s, it, width);
			notes_lines(ui, l, it->id, width);
		}
	}
}

static int
detail_count(struct ui *ui)
{
	return ui->detail.n;
}

static void
detail_draw(struct ui *ui, int idx, struct rect r, int skip, bool selected)
{
	(void)skip;
	(void)selected;
	struct lines one = { &ui->detail.v[idx], 1, 1 };
	lines_draw(&one, r, 0);
}

static void
detail_header(struct ui *ui, char *buf, size_t size)
{
	int entry = ui_entry(ui);
	if (entry == ENTRY_ATTENDEES)
		snprintf(buf, size, "%s", _("Attendee"));
	else if (entry == ENTRY_MEETING)
		snprintf(buf, size, "%s", _("Meeting"));
	else if (entry == ENTRY_PROBLEMS)
		snprintf(buf, size, "%s", _("Problems"));
	else if (entry == ENTRY_ORPHANS)
		snprintf(buf, size, "%s", _("Orphaned note"));
	else if (ui->focus == PANE_NAV)
		snprintf(buf, size, "%s", _("Section"));
	else if (ui_item_count(ui, entry))
		snprintf(buf, size, "%s %d/%u", _("Item"),
			 ui_item_at(ui, entry, ui_content_cur(ui)) + 1,
			 ui->doc->m->sections[entry].nitems);
	else
		snprintf(buf, size, "%s", _("Item"));
}

static struct cursor *
detail_cursor(struct ui *ui)
{
	return &ui->doc->detail;
}

const struct pane_ops pane_detail_ops = {
	.name = "detail",
	.count = detail_count,
	.height = NULL,
	.draw = detail_draw,
	.header = detail_header,
	.cursor = detail_cursor,
};
