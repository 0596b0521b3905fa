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
	e->ops->nav(&ui->b, e, &nv);
	snprintf(count, sizeof(count), "%s", nv.count);
	if (nv.open)
		snprintf(count + strlen(count), sizeof(count) - strlen(count),
			 " ✎%zu", nv.open);
	int cw = text_width(count, strlen(count));
	draw_str_match(r.y, r.x, 1, nv.sym, nv.sym_st, ui->b.q);
	if (r.w <= 2)
		return;
	int avail = r.w - 2 - cw;
	if (avail < 4) {
		draw_str_match(r.y, r.x + 2, r.w - 2, nv.label, STYLE_NORMAL, ui->b.q);
		return;
	}
	int lw = draw_str_match(r.y, r.x + 2, avail, nv.label, STYLE_NORMAL, ui->b.q);
	draw_str_match(r.y, r.x + 2 + lw, cw, count, STYLE_DIM, ui->b.q);
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
