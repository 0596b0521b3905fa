/* pane_content.c - the selected entry's records (header fields,
 * attendees, a section's items, the problems, orphaned notes), laid out
 * by the entry's kind (entries.h) and drawn as lines. */
#include <stdio.h>

#include "draw.h"
#include "entries.h"
#include "panes.h"

static int
content_count(struct ui *ui)
{
	const struct entry *e = browser_entry(&ui->b);
	return e ? e->ops->count(&ui->b, e) : 0;
}

/* The lines of record IDX of the selected entry at WIDTH, into ui->rec. */
static void
content_layout(struct ui *ui, int idx, int width)
{
	const struct entry *e = browser_entry(&ui->b);

	lines_reset(&ui->rec, ui->b.q);
	e->ops->layout(&ui->b, e, idx, width, &ui->rec);
}

static int
content_gap(struct ui *ui)
{
	const struct entry *e = browser_entry(&ui->b);
	return e && e->ops->gap;
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
	draw_lines(&ui->rec, r, skip);
}

static void
content_header(struct ui *ui, char *buf, size_t size)
{
	const struct entry *e = browser_entry(&ui->b);
	if (e)
		e->ops->header(&ui->b, e, buf, size);
	else
		snprintf(buf, size, "%s", "");
}

static struct cursor *
content_cursor(struct ui *ui)
{
	return browser_content_cursor(&ui->b);
}

const struct pane_ops pane_content_ops = {
	.name = "content",
	.flags = PANE_OF_ENTRY,
	.count = content_count,
	.height = content_height,
	.draw = content_draw,
	.header = content_header,
	.cursor = content_cursor,
	.gap = content_gap,
};
