/* pane_nav.c - the navigator: one line per entry (meeting, attendees,
 * every section, problems, orphaned notes), as the entry kinds say. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "entries.h"
#include "nls.h"
#include "panes.h"

static int
nav_count(struct ui *ui)
{
	return ui->b.doc ? ui->b.doc->nentries : 0;
}

static void
nav_draw(struct ui *ui, int idx, struct rect r, int skip, bool selected)
{
	const struct entry *e = &ui->b.doc->entries[idx];
	struct entry_nav nv;
	char count[64];

	(void)skip;
	(void)selected;
	memset(&nv, 0, sizeof(nv));
	e->ops->nav(&ui->b, e, &nv);
	snprintf(count, sizeof(count), "%s", nv.count);
	if (nv.open)
		snprintf(count + strlen(count), sizeof(count) - strlen(count),
			 " ✎%zu", nv.open);
	if (nv.answered) /* notes with an answer */
		snprintf(count + strlen(count), sizeof(count) - strlen(count),
			 " ↩%zu", nv.answered);
	int cw = text_width(count, strlen(count));
	draw_str_match(r.y, r.x, 1, nv.sym, nv.sym_st, ui->b.q);
	if (r.w <= 2)
		return;
	/* a section's number, then its heading */
	int x = r.x + 2, nw = text_width(nv.num, strlen(nv.num));
	if (nw && nw + 4 <= r.w - 2 - cw)
		x += draw_str_match(r.y, x, nw, nv.num, STYLE_DIM, ui->b.q);
	int avail = r.w - (x - r.x) - cw;
	if (avail < 4) {
		draw_str_match(r.y, x, r.w - (x - r.x), nv.label, STYLE_NORMAL, ui->b.q);
		return;
	}
	int lw = draw_str_match(r.y, x, avail, nv.label, STYLE_NORMAL, ui->b.q);
	draw_str_match(r.y, x + lw, cw, count, STYLE_DIM, ui->b.q);
}

static void
nav_header(struct ui *ui, char *buf, size_t size)
{
	(void)ui;
	snprintf(buf, size, "%s", _("Contents"));
}

static struct cursor *
nav_cursor(struct ui *ui)
{
	return &ui->b.doc->nav;
}

const struct pane_ops pane_nav_ops = {
	.name = "navigator",
	.count = nav_count,
	.draw = nav_draw,
	.header = nav_header,
	.cursor = nav_cursor,
};
