/* pane_list.c - the meetings list: one line per file under column
 * headers (date, Số, status, open notes, review state, title, file), in
 * the order and through the filters of meetings.h; then the "Open
 * notes" row, which lists every open note of the archive. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "meetings.h"
#include "nls.h"
#include "panes.h"

/* the columns' widths: date, Số, status, open notes, review state */
enum { W_DATE = 10, W_NUMBER = 12, W_OPEN = 4, W_REVIEW = 16 };

static int
list_count(struct ui *ui)
{
	return meetings_count(&ui->b);
}

/* TEXT in a column of W at X (cut with "…"), then two spaces */
static int
column(struct ui *ui, struct rect r, int x, int w, const char *text,
       enum style st)
{
	int room = r.w - (x - r.x);
	if (room <= 0)
		return x;
	draw_str_match(r.y, x, w < room ? w : room, text, st, ui->b.q);
	return x + w + 2;
}

static void
onote_draw(struct ui *ui, int idx, struct rect r)
{
	struct meetings_note_view v;
	char age[64];

	if (!meetings_note_view(&ui->b, idx, &v)) {
		draw_str(r.y, r.x, r.w, _("(this note is gone)"), STYLE_DIM);
		return;
	}
	long days = (long)((ui->b.now - v.created) / 86400);
	if (days < 1)
		snprintf(age, sizeof(age), "%s", _("today"));
	else
		snprintf(age, sizeof(age), ngettext("%ld day", "%ld days", days), days);
	int x = column(ui, r, r.x, 24, v.meeting, STYLE_NORMAL);
	x = column(ui, r, x, 12, v.target, STYLE_LABEL);
	x = column(ui, r, x, 16, v.author, STYLE_NORMAL);
	x = column(ui, r, x, 8, age, STYLE_DIM);
	if (r.w - (x - r.x) > 0)
		draw_str_match(r.y, x, r.w - (x - r.x), v.text, STYLE_NOTE, ui->b.q);
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

static void
list_draw(struct ui *ui, int idx, struct rect r, int skip, bool selected)
{
	struct browser *b = &ui->b;
	char num[32];
	int x = r.x;

	(void)skip;
	(void)selected;
	if (b->onotes) {
		onote_draw(ui, idx, r);
		return;
	}
	struct meetings_row row;
	if (!meetings_row(b, idx, &row)) {
		/* the last row: every open note of the archive */
		size_t n = b->list_open;
		char line[128];
		snprintf(line, sizeof(line), "✎ %s (%zu) — %s", _("Open notes"), n,
			 _("Enter lists them"));
		draw_str_match(r.y, r.x, r.w, line, STYLE_NOTE, b->q);
		return;
	}
	if (row.broken) {
		x = column(ui, r, x, W_DATE, "", STYLE_ERROR);
		x = column(ui, r, x, W_NUMBER, "", STYLE_ERROR);
		x = column(ui, r, x, state_width(), _("ERROR"), STYLE_ERROR);
		/* why, before it is opened: the first line of the message, in
		 * the open notes and review columns a broken file leaves empty */
		x = column(ui, r, x, W_OPEN + 2 + W_REVIEW, row.reason, STYLE_ERROR);
		if (r.w - (x - r.x) > 0)
			draw_str_match(r.y, x, r.w - (x - r.x), row.shown, STYLE_NORMAL, b->q);
		return;
	}
	/* form warnings alone do not make a file one with problems */
	bool errors = row.problems;
	const char *st = errors ? _("problems") : _(mn_status_name(row.status));
	size_t open = row.open;
	if (open)
		snprintf(num, sizeof(num), "%4zu", open);
	else
		snprintf(num, sizeof(num), "   ·");
	char date[64];
	nls_date(row.date, date, sizeof(date));
	x = column(ui, r, x, W_DATE, date, STYLE_NORMAL);
	x = column(ui, r, x, W_NUMBER, row.number, STYLE_NORMAL);
	x = column(ui, r, x, state_width(), st, errors ? STYLE_ERROR : STYLE_NORMAL);
	x = column(ui, r, x, W_OPEN, num, open ? STYLE_NOTE : STYLE_DIM);
	x = column(ui, r, x, W_REVIEW, row.review, STYLE_DIM);
	int room = r.w - (x - r.x);
	if (room <= 0)
		return;
	/* the title, and the file after it: a long title leaves the file
	 * half the room at least (two files of one title look apart) */
	int pw = text_width(row.shown, strlen(row.shown));
	int tw = room;
	if (room > 20)
		tw = room - 2 - (pw < room / 2 ? pw : room / 2);
	x += draw_str_match(r.y, x, tw, row.title, STYLE_NORMAL, b->q);
	if (r.w - (x - r.x) > 4) {
		x += draw_str_match(r.y, x, 2, "  ", STYLE_NORMAL, b->q);
		draw_str_match(r.y, x, r.w - (x - r.x), row.shown, STYLE_DIM, b->q);
	}
}

/* the column headers, the sorted one marked ▼ */
static void
list_header(struct ui *ui, char *buf, size_t size)
{
	const struct browser *b = &ui->b;
	static const char *const names[] = { N_("Date"), N_("Number"), N_("Status"),
					     N_("Open"), N_("Review"), N_("Title") };
	const int widths[] = { W_DATE, W_NUMBER, state_width(), W_OPEN, W_REVIEW, 0 };
	/* the column each order sorts by */
	static const int sorted[] = { 0, 5, 2, 3 };
	size_t n = 0;

	if (b->onotes) {
		snprintf(buf, size, "%s (%d) · %s · %s · %s · %s", _("Open notes"),
			 b->nonote, _("meeting"), _("element"), _("reviewer"), _("age"));
		return;
	}
	buf[0] = '\0';
	for (int c = 0; c < 6 && n < size; c++) {
		char cell[64];
		const char *name = _(names[c]);
		snprintf(cell, sizeof(cell), "%s%s", name,
			 sorted[meetings_sort_column(b) & 3] == c ? "▼" : "");
		int w = text_width(cell, strlen(cell));
		int pad = widths[c] ? widths[c] + 2 - w : 0;
		if (pad < 1 && widths[c])
			pad = 1;
		int k = snprintf(buf + n, size - n, "%s%*s", cell, pad, "");
		if (k < 0)
			break;
		n += (size_t)k;
	}
}

static struct cursor *
list_cursor(struct ui *ui)
{
	return ui->b.onotes ? &ui->b.onote_cur : &ui->b.list;
}

const struct pane_ops pane_list_ops = {
	.name = "meetings",
	.count = list_count,
	.draw = list_draw,
	.header = list_header,
	.cursor = list_cursor,
};
