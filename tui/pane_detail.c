/* pane_detail.c - the selected record in full, laid out by the entry's
 * kind (entries.h) before each draw, scrolled by lines. */
#include <stdio.h>

#include "draw.h"
#include "entries.h"
#include "navigate.h"
#include "panes.h"

/* Builds the lines for what the other cursors select (the driver has
 * fixed them first); a note just selected (b.note_scroll) is brought
 * into view. */
static void
detail_prepare(struct ui *ui)
{
	struct browser *b = &ui->b;
	const struct entry *e = browser_entry(b);
	int width = ui->lay.panes[PANE_DETAIL].w > 0 ? ui->lay.panes[PANE_DETAIL].w
						     : ui->cols;

	b->note_line = -1;
	b->speak_line = -1; /* (laid out again below, if there is one) */
	b->pick_n = 0;
	b->detail_rows = ui->lay.panes[PANE_DETAIL].h;
	lines_reset(&ui->detail, b->q);
	if (e && width >= 1) {
		navigate_sync_note(b);
		e->ops->detail(b, e, browser_content_cur(b), width, &ui->detail);
	}
	if (b->note_scroll && b->note_line >= 0)
		b->doc->detail.cur = b->note_line;
	b->note_scroll = false;
	/* the "Speaks in" line just selected, in view */
	int h = ui->lay.panes[PANE_DETAIL].h - 1;
	if (b->speak_scroll && b->speak_line >= 0 && h > 0) {
		struct cursor *c = &b->doc->detail;
		if (b->speak_line < c->cur)
			c->cur = b->speak_line;
		else if (b->speak_line >= c->cur + h)
			c->cur = b->speak_line - h + 1;
	}
	b->speak_scroll = false;
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
	r.h = 1; /* one line is one record */
	draw_lines(&ui->detail, r, idx);
}

static void
detail_header(struct ui *ui, char *buf, size_t size)
{
	const struct entry *e = browser_entry(&ui->b);
	if (e)
		e->ops->detail_header(&ui->b, e, buf, size);
	else
		snprintf(buf, size, "%s", "");
}

static struct cursor *
detail_cursor(struct ui *ui)
{
	return &ui->b.doc->detail;
}

const struct pane_ops pane_detail_ops = {
	.name = "detail",
	.flags = PANE_SCROLLS_LINES | PANE_FOLLOWS | PANE_OF_ENTRY,
	.count = detail_count,
	.draw = detail_draw,
	.header = detail_header,
	.cursor = detail_cursor,
	.prepare = detail_prepare,
};
