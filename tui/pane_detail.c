/* pane_detail.c - the selected record in full. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	struct text_line *tl = NULL;
	size_t n = text_wrap(it->text, it->len, width, &tl);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && tl[i].off > 0 && it->text[tl[i].off - 1] == '\n')
			lines_add(l, NULL, STYLE_NORMAL, 0, NULL, 0, 0,
				  STYLE_NORMAL);
		lines_add(l, NULL, STYLE_NORMAL, 0, it->text, tl[i].off,
			  tl[i].len, STYLE_NORMAL);
	}
	free(tl);
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
			char t[128];
			const char *vn = v == MN_MET ? _("met")
				       : v == MN_MISSED ? _("missed")
							: _("unknown");
			int r;
			if (f->actual)
				r = asprintf(&buf, "%s %s · %s %s · %s",
					     verdict_mark(v),
					     figure_text(f, t, sizeof(t)),
					     _("actual"), f->actual, vn);
			else
				r = asprintf(&buf, "%s %s · %s",
					     verdict_mark(v),
					     figure_text(f, t, sizeof(t)), vn);
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
	bool any = false;
	int pi = (int)(p - m->persons);
	for (uint32_t s = 0; s < m->nsections; s++)
		for (uint32_t i = 0; i < m->sections[s].nitems; i++) {
			const struct mn_item *it = &m->sections[s].items[i];
			for (uint32_t b = 0; b < it->nby; b++) {
				if ((int)it->by[b] != pi)
					continue;
				if (!any)
					detail_heading(l, _("Speaks in"));
				any = true;
				int used;
				size_t fit = text_fit(it->text, it->len,
						      width - 2, &used);
				lines_add(l, NULL, STYLE_NORMAL, 2, it->text, 0,
					  (uint32_t)fit, STYLE_NORMAL);
			}
		}
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
	if (entry == ENTRY_MEETING) {
		int n = meeting_fields(d->m, -1, NULL, NULL);
		for (int i = 0; i < n; i++) {
			const char *label, *value;
			meeting_fields(d->m, i, &label, &value);
			lines_add(l, NULL, STYLE_NORMAL, 0, label, 0,
				  (uint32_t)strlen(label), STYLE_LABEL);
			lines_wrap(l, NULL, STYLE_NORMAL, 2, value, width,
				   STYLE_NORMAL);
		}
	} else if (entry == ENTRY_ATTENDEES) {
		if (cur < (int)d->m->npersons)
			detail_attendee(ui, l,
					&d->m->persons[person_at(ui, cur)],
					width);
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
		if (cur < (int)s->nitems)
			detail_item(ui, l, s, &s->items[cur], width);
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
	else
		snprintf(buf, size, "%s %d/%d", _("Item"),
			 ui_content_cur(ui) + 1,
			 (int)ui->doc->m->sections[entry].nitems);
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
