/* panes.c - the generic pane driver (see panes.h). */
#include <stdio.h>

#include "draw.h"
#include "panes.h"

const struct pane_ops *
pane_ops_of(struct ui *ui, enum pane_id id)
{
	static const struct pane_ops *const meeting[PANE_COUNT] = {
		[PANE_NAV] = &pane_nav_ops,
		[PANE_CONTENT] = &pane_content_ops,
		[PANE_DETAIL] = &pane_detail_ops,
	};
	return ui->b.doc ? meeting[id] : &pane_list_ops;
}

enum pane_id
pane_focused(struct ui *ui)
{
	return ui->b.doc ? ui->b.focus : PANE_NAV;
}

static struct rect
pane_body(struct ui *ui, enum pane_id id)
{
	struct rect r = ui->lay.panes[id];
	r.y++;
	r.h--;
	return r;
}

static int
record_height(struct ui *ui, const struct pane_ops *ops, int idx, int width)
{
	return ops->height ? ops->height(ui, idx, width) : 1;
}

/* costs what the screen holds, not what the document holds */
void
pane_fix(struct ui *ui, enum pane_id id)
{
	const struct pane_ops *ops = pane_ops_of(ui, id);
	struct cursor *c = ops->cursor(ui);
	struct rect r = pane_body(ui, id);
	int n = ops->count(ui);

	if (r.h < 1)
		r.h = 1;
	if (n <= 0) {
		c->cur = c->top = 0;
		return;
	}
	if (ops->flags & PANE_SCROLLS_LINES) {
		int max = n - r.h;
		if (c->cur > max)
			c->cur = max;
		if (c->cur < 0)
			c->cur = 0;
		c->top = c->cur;
		return;
	}
	if (c->cur >= n)
		c->cur = n - 1;
	if (c->cur < 0)
		c->cur = 0;
	/* nothing moved since the last fix (a resize, a redraw): start from
	 * where the last move left the top, not from what a smaller pane
	 * made of it */
	if (c->cur == c->last_cur && c->top == c->last_top)
		c->top = c->want;
	else
		c->want = c->top;
	if (c->top > c->cur || c->top >= n)
		c->top = c->cur;
	if (c->cur - c->top >= r.h)
		c->top = c->cur - r.h + 1;
	int sum = 0, first = c->cur;
	for (int i = c->cur; i >= c->top; i--) {
		sum += record_height(ui, ops, i, r.w);
		if (sum > r.h)
			break;
		first = i;
	}
	if (c->top < first)
		c->top = first;
	/* never scrolled past what fills the pane: the records above come
	 * back while the last ones leave rows blank */
	sum = 0;
	for (int i = c->top; i < n && sum <= r.h; i++)
		sum += record_height(ui, ops, i, r.w);
	while (c->top > 0 && sum < r.h) {
		int h = record_height(ui, ops, c->top - 1, r.w);
		if (sum + h > r.h)
			break;
		sum += h;
		c->top--;
	}
	c->last_cur = c->cur;
	c->last_top = c->top;
}

void
pane_page(struct ui *ui, enum pane_id id, int dir)
{
	const struct pane_ops *ops = pane_ops_of(ui, id);
	struct cursor *c = ops->cursor(ui);
	struct rect r = pane_body(ui, id);
	int n = ops->count(ui), sum = 0;

	if (ops->flags & PANE_SCROLLS_LINES) {
		c->cur += dir * (r.h > 1 ? r.h - 1 : 1);
		return;
	}
	while (sum < r.h && c->cur + dir >= 0 && c->cur + dir < n) {
		sum += record_height(ui, ops, c->cur, r.w);
		c->cur += dir;
	}
	if (dir > 0)
		c->top = c->cur; /* the new page starts at the cursor */
	if (ui->b.doc)
		ui->b.doc->detail.cur = 0;
}

void
pane_move(struct ui *ui, int delta)
{
	enum pane_id id = pane_focused(ui);
	const struct pane_ops *ops = pane_ops_of(ui, id);
	struct cursor *c = ops->cursor(ui);

	c->cur += delta;
	if (c->cur < 0)
		c->cur = 0;
	/* the panes that follow this one start at their top */
	if (ui->b.doc && !(ops->flags & PANE_SCROLLS_LINES))
		ui->b.doc->detail.cur = 0;
}

int
pane_record_at(struct ui *ui, enum pane_id id, int y)
{
	const struct pane_ops *ops = pane_ops_of(ui, id);
	struct rect r = ui->lay.panes[id];
	struct cursor *c = ops->cursor(ui);
	int n = ops->count(ui), row = r.y + 1;

	if (y < row || ops->flags & PANE_SCROLLS_LINES)
		return -1;
	for (int idx = c->top; idx < n && row < r.y + r.h; idx++) {
		int h = record_height(ui, ops, idx, r.w);
		if (y < row + h)
			return idx;
		row += h;
	}
	return -1;
}

static void
clear_rect(struct rect r)
{
	for (int y = r.y; y < r.y + r.h; y++)
		draw_fill(y, r.x, r.w, STYLE_NORMAL);
}

void
pane_draw_records(struct ui *ui, enum pane_id id, int only_a, int only_b)
{
	const struct pane_ops *ops = pane_ops_of(ui, id);
	struct rect r = ui->lay.panes[id];
	struct cursor *c = ops->cursor(ui);
	bool focused = pane_focused(ui) == id;
	bool some = only_a >= 0 || only_b >= 0;
	int n = ops->count(ui), y = r.y + 1;

	for (int idx = c->top; idx < n && y < r.y + r.h; idx++) {
		int h = record_height(ui, ops, idx, r.w);
		int vis = r.y + r.h - y < h ? r.y + r.h - y : h;
		if (some && idx != only_a && idx != only_b) {
			y += h;
			continue;
		}
		if (some)
			clear_rect((struct rect){ y, r.x, vis, r.w });
		ops->draw(ui, idx, (struct rect){ y, r.x, vis, r.w }, 0,
			  idx == c->cur);
		if (idx == c->cur && !(ops->flags & PANE_SCROLLS_LINES)) {
			int rows = h - (ops->gap ? ops->gap(ui) : 0);
			for (int k = 0; k < rows && k < vis; k++)
				draw_restyle(y + k, r.x, r.w,
					     focused ? STYLE_SELECTED : STYLE_SELECTED_DIM);
		}
		y += h;
	}
}

void
pane_draw_header(struct ui *ui, enum pane_id id)
{
	struct rect r = ui->lay.panes[id];
	bool focused = pane_focused(ui) == id;
	char head[1024];

	pane_ops_of(ui, id)->header(ui, head, sizeof(head));
	draw_fill(r.y, r.x, r.w, focused ? STYLE_HEADER_FOCUS : STYLE_HEADER);
	draw_str_match(r.y, r.x, r.w, head, focused ? STYLE_HEADER_FOCUS : STYLE_HEADER, ui->b.q);
}

void
pane_draw(struct ui *ui, enum pane_id id)
{
	struct rect r = ui->lay.panes[id];

	if (r.w < 1 || r.h < 1)
		return;
	clear_rect(r);
	pane_draw_header(ui, id);
	pane_draw_records(ui, id, -1, -1);
}
