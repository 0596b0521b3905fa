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

static void
list_draw(struct ui *ui, int idx, struct rect r, int skip, bool selected)
{
	const struct doc *d = ui->b.docs[ui->b.list_order[idx]];
	char cols[96];
	int x = r.x;

	(void)skip;
	(void)selected;
	if (!d->m) {
		snprintf(cols, sizeof(cols), "%-10s  %-8s %5s  ", "", _("ERROR"),
			 "");
		x += draw_str_match(r.y, x, r.w, cols, STYLE_ERROR, ui->b.q);
		x += draw_str_match(r.y, x, r.w - (x - r.x), d->title, STYLE_NORMAL, ui->b.q);
		/* why, before it is opened: the first line of the message */
		const char *why = d->error;
		size_t tl = strlen(d->title);
		if (strncmp(why, d->title, tl) == 0 && why[tl] == ':')
			why += tl + 1; /* the path is on the row already */
		size_t el = strcspn(why, "\n");
		if (el && r.w - (x - r.x) > 4) {
			x += draw_str_match(r.y, x, 2, "  ", STYLE_NORMAL, ui->b.q);
			draw_text(r.y, x, r.w - (x - r.x), why, 0, el, STYLE_ERROR);
		}
		return;
	}
	const struct minutes *m = d->m;
	const char *st = m->nproblems ? _("problems")
					  : mn_status_name(m->meeting.status);
	snprintf(cols, sizeof(cols), "%-10s  %-8s %5u  ", m->meeting.date, st,
		 minutes_item_count(m));
	x += draw_str_match(r.y, x, r.w, cols,
		      m->nproblems ? STYLE_ERROR : STYLE_NORMAL, ui->b.q);
	/* the path tells two meetings of the same title apart: the title
	 * leaves it room (at least half of what is left for both) */
	int left = r.w - (x - r.x);
	int pw = text_width(d->title, strlen(d->title));
	int tw = text_width(m->meeting.title, strlen(m->meeting.title));
	int tmax = left;
	if (tw + 2 + pw > left)
		tmax = left - 2 - pw > left / 2 ? left - 2 - pw : left / 2;
	x += draw_str_match(r.y, x, tmax, m->meeting.title, STYLE_NORMAL, ui->b.q);
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
