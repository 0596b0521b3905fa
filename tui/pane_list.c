/* pane_list.c - the meetings list: one line per file, newest first. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "nls.h"
#include "panes.h"

static int
list_count(struct ui *ui)
{
	return ui->b.ndocs;
}

/* the state column is as wide as its widest label in the interface's
 * language, counted in columns (a translation is not ASCII) */
static int
state_width(void)
{
	const char *labels[] = {
		_("ERROR"), _("problems"), _(mn_status_name(MN_STATUS_DRAFT)),
		_(mn_status_name(MN_STATUS_FINAL)),
		_(mn_status_name(MN_STATUS_APPROVED)),
	};
	int w = 8;
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
		int lw = text_width(labels[i], strlen(labels[i]));
		if (lw > w && lw <= 24)
			w = lw;
	}
	return w;
}

static int
state_pad(const char *label)
{
	int pad = state_width() - text_width(label, strlen(label));
	return pad > 0 ? pad : 0;
}

static void
list_draw(struct ui *ui, int idx, struct rect r, int skip, bool selected)
{
	const struct doc *d = ui->b.docs[ui->b.list_order[idx]];
	char cols[160];
	int x = r.x;

	(void)skip;
	(void)selected;
	if (!d->m) {
		const char *err = _("ERROR");
		snprintf(cols, sizeof(cols), "%-10s  %s%*s %5s  ", "", err,
			 state_pad(err), "", "");
		x += draw_str_match(r.y, x, r.w, cols, STYLE_ERROR, ui->b.q);
		draw_str_match(r.y, x, r.w - (x - r.x), d->title, STYLE_NORMAL, ui->b.q);
		return;
	}
	const struct minutes *m = d->m;
	const char *st = m->nproblems ? _("problems")
					  : _(mn_status_name(m->meeting.status));
	char date[64];
	nls_date(m->meeting.date, date, sizeof(date));
	snprintf(cols, sizeof(cols), "%-10s  %s%*s %5u  ", date, st,
		 state_pad(st), "", minutes_item_count(m));
	x += draw_str_match(r.y, x, r.w, cols,
		      m->nproblems ? STYLE_ERROR : STYLE_NORMAL, ui->b.q);
	x += draw_str_match(r.y, x, r.w - (x - r.x), m->meeting.title, STYLE_NORMAL, ui->b.q);
	if (r.w - (x - r.x) > 4) {
		x += draw_str_match(r.y, x, 2, "  ", STYLE_NORMAL, ui->b.q);
		draw_str_match(r.y, x, r.w - (x - r.x), d->title, STYLE_DIM, ui->b.q);
	}
}

static void
list_header(struct ui *ui, char *buf, size_t size)
{
	snprintf(buf, size, "%s (%d)", _("Meetings"), ui->b.ndocs);
}

static struct cursor *
list_cursor(struct ui *ui)
{
	return &ui->b.list;
}

const struct pane_ops pane_list_ops = {
	.name = "meetings",
	.count = list_count,
	.draw = list_draw,
	.header = list_header,
	.cursor = list_cursor,
};
