/* ui.c - the browser: documents, layout, the input loop, actions. */
#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "keys.h"
#include "nls.h"
#include "report.h"
#include "ui.h"
#include "view.h"

/* --- the action table -------------------------------------------------- */

static const struct {
	const char *name, *keys, *help;
} actions[] = {
#define ACTION(id, name, keys, help) { name, keys, help },
#include "actions.def"
#undef ACTION
};

static struct {
	int key;
	enum action act;
} bindings[ACT_COUNT * 4];
static int nbindings;

static void
bindings_init(void)
{
	nbindings = 0;
	for (int a = 0; a < ACT_COUNT; a++) {
		const char *p = actions[a].keys;
		while (*p) {
			size_t n = strcspn(p, " ");
			int key = key_parse(p, n);
			if (key >= 0 && nbindings < (int)(sizeof(bindings) / sizeof(*bindings))) {
				bindings[nbindings].key = key;
				bindings[nbindings].act = (enum action)a;
				nbindings++;
			}
			p += n;
			while (*p == ' ')
				p++;
		}
	}
}

static int
binding_find(int key)
{
	for (int i = 0; i < nbindings; i++)
		if (bindings[i].key == key)
			return (int)bindings[i].act;
	return -1;
}

/* --- the wrap cache: lines of an item at a width, kept across keys ------- */

#define WRAP_SLOTS 1024

static struct {
	const char *text;
	int width;
	size_t n;
	struct text_line *lines;
} wrap_cache[WRAP_SLOTS];

size_t
wrap_lines(const char *text, int width, const struct text_line **out)
{
	size_t h = (((uintptr_t)text >> 4) * 31u + (unsigned)width) % WRAP_SLOTS;
	if (wrap_cache[h].text != text || wrap_cache[h].width != width) {
		free(wrap_cache[h].lines);
		wrap_cache[h].lines = NULL;
		wrap_cache[h].n = text_wrap(text, strlen(text), width,
					    &wrap_cache[h].lines);
		wrap_cache[h].text = wrap_cache[h].lines ? text : NULL;
		wrap_cache[h].width = width;
	}
	*out = wrap_cache[h].lines;
	return wrap_cache[h].lines ? wrap_cache[h].n : 0;
}

void
wrap_cache_clear(void)
{
	for (int i = 0; i < WRAP_SLOTS; i++) {
		free(wrap_cache[i].lines);
		wrap_cache[i].lines = NULL;
		wrap_cache[i].text = NULL;
	}
}

/* --- documents ---------------------------------------------------------- */

static const struct minutes *sort_m;

static int
by_name_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	int c = text_name_collate(sort_m->persons[x].name,
				  sort_m->persons[y].name);
	return c ? c : (x > y) - (x < y);
}

static int
kind_rank(enum mn_kind k)
{
	return k == MN_KIND_OTHER ? 1 : 0;
}

/* The navigator's entries: meeting, attendees, the named kinds, the
 * other sections, then problems and orphaned notes when there are any. */
static void
doc_entries(struct doc *d)
{
	const struct minutes *m = d->m;
	int n = 0;

	d->entries[n++] = ENTRY_MEETING;
	d->entries[n++] = ENTRY_ATTENDEES;
	for (int rank = 0; rank < 2; rank++)
		for (uint32_t s = 0; s < m->nsections; s++)
			if (kind_rank(m->sections[s].kind) == rank)
				d->entries[n++] = (int)s;
	if (m->nproblems)
		d->entries[n++] = ENTRY_PROBLEMS;
	if (d->notes && notes_orphans(d->notes, NULL))
		d->entries[n++] = ENTRY_ORPHANS;
	d->nentries = n;
	if (d->nav.cur >= n)
		d->nav.cur = n - 1;
}

void
ui_notes_changed(struct ui *ui)
{
	ui->notes_gen++;
	if (ui->doc && ui->doc->m)
		doc_entries(ui->doc);
}

static void
doc_index(struct doc *d)
{
	struct minutes *m = d->m;
	int n = 0;

	free(d->entries);
	free(d->by_name);
	free(d->verdicts);
	free(d->content);
	free(d->speaks_at);
	free(d->speaks);
	d->speaks_at = NULL; /* rebuilt for these minutes on first use */
	d->speaks = NULL;
	d->entries = malloc(((size_t)m->nsections + 4) * sizeof(int));
	d->by_name = malloc(((size_t)m->npersons + 1) * sizeof(uint32_t));
	d->verdicts = calloc((size_t)m->nsections + 1, sizeof(*d->verdicts));
	if (!d->entries || !d->by_name || !d->verdicts)
		mn_oom();
	d->content = calloc((size_t)m->nsections + 4, sizeof(struct cursor));
	doc_entries(d);
	(void)n;
	for (uint32_t i = 0; i < m->npersons; i++)
		d->by_name[i] = i;
	sort_m = m;
	qsort(d->by_name, m->npersons, sizeof(uint32_t), by_name_cmp);
	for (uint32_t s = 0; s < m->nsections; s++)
		for (uint32_t i = 0; i < m->sections[s].nitems; i++)
			for (uint32_t f = 0; f < m->sections[s].items[i].nfigures; f++)
				d->verdicts[s][mn_figure_verdict(
					&m->sections[s].items[i].figures[f])]++;
}

static void
doc_notes_notice(struct doc *d)
{
	struct notes_store *s = d->notes;
	char *safe = NULL;

	d->notice[0] = '\0';
	if (notes_problem_count(s)) {
		const char *p = notes_problem(s, 0);
		safe = text_sanitize(p, strlen(p), false);
		snprintf(d->notice, sizeof(d->notice), "%s%s",
			 notes_readonly(s) ? _("Notes are read-only until this is fixed: ")
					   : _("A notes file was skipped: "),
			 safe ? safe : "");
	} else if (notes_fallback(s)) {
		const char *dir = notes_dir(s);
		safe = text_sanitize(dir, strlen(dir), false);
		snprintf(d->notice, sizeof(d->notice),
			 _("The minutes' folder is not writable: notes are saved in %s"),
			 safe ? safe : "");
	}
	free(safe);
}

static void
doc_load(struct doc *d, const char *reviewer)
{
	struct load_error err;
	struct notes_error nerr;

	d->st = loader_load_file(d->path, &d->m, &err);
	if (d->st == LOAD_FATAL) {
		d->m = NULL;
		load_error_format(&err, d->error, sizeof(d->error));
		return;
	}
	d->notes = notes_open(d->path, d->m, reviewer, &nerr);
	if (d->notes)
		doc_notes_notice(d);
	doc_index(d);
}

static struct doc *
doc_open(const char *path, const char *reviewer)
{
	struct doc *d = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	d->path = strdup(path);
	d->title = text_sanitize(path, strlen(path), false);
	doc_load(d, reviewer);
	return d;
}

static void
doc_clear(struct doc *d)
{
	notes_close(d->notes);
	d->notes = NULL;
	minutes_free(d->m);
	d->m = NULL;
	free(d->entries);
	free(d->by_name);
	free(d->verdicts);
	free(d->content);
	free(d->speaks_at);
	free(d->speaks);
	d->speaks_at = NULL;
	d->speaks = NULL;
	d->entries = NULL;
	d->by_name = NULL;
	d->verdicts = NULL;
	d->content = NULL;
	d->nentries = 0;
}

static void
doc_free(struct doc *d)
{
	if (!d)
		return;
	doc_clear(d);
	free(d->path);
	free(d->title);
	free(d);
}

/* Reads the file again; the notes are re-anchored to the new text and
 * the positions kept where they still exist. */
static void
doc_reload(struct ui *ui, struct doc *d)
{
	struct load_error err;
	struct minutes *m = NULL;

	wrap_cache_clear();
	ui->notes_gen++;
	enum load_status st = loader_load_file(d->path, &m, &err);
	if (st == LOAD_FATAL) {
		doc_clear(d);
		d->st = st;
		load_error_format(&err, d->error, sizeof(d->error));
		ui_message(ui, true, "%s", _("The file could not be loaded."));
		return;
	}
	if (!d->m) {
		d->st = st;
		d->m = m;
		struct notes_error nerr;
		d->notes = notes_open(d->path, d->m, ui->reviewer, &nerr);
		doc_index(d);
		ui_message(ui, false, "%s", _("Reloaded."));
		return;
	}
	struct minutes *old = d->m;
	struct cursor nav = d->nav, detail = d->detail;
	struct cursor *content = d->content;
	int n = d->nentries;
	d->content = NULL;
	d->st = st;
	d->m = m;
	if (d->notes) {
		struct notes_error nerr;
		notes_set_minutes(d->notes, m);
		notes_reload(d->notes, &nerr);
		doc_notes_notice(d);
	}
	doc_index(d);
	minutes_free(old);
	d->nav = nav;
	for (int i = 0; i < n && i < d->nentries && content; i++)
		d->content[i] = content[i];
	d->detail = detail;
	free(content);
	if (d->nav.cur >= d->nentries)
		d->nav.cur = d->nentries - 1;
	ui_message(ui, false, "%s", d->notice[0] ? d->notice : _("Reloaded."));
}

static struct doc *const *list_docs;

static int
list_cmp(const void *a, const void *b)
{
	const struct doc *x = list_docs[*(const int *)a];
	const struct doc *y = list_docs[*(const int *)b];
	if (!x->m != !y->m)
		return x->m ? -1 : 1;
	if (x->m) {
		int c = strcmp(y->m->meeting.date, x->m->meeting.date);
		if (c)
			return c;
	}
	return strcmp(x->path, y->path);
}

/* --- helpers used by the panes ------------------------------------------ */

int
ui_entry(struct ui *ui)
{
	struct doc *d = ui->doc;
	if (!d || !d->m || d->nentries == 0)
		return ENTRY_MEETING;
	if (d->nav.cur >= d->nentries)
		d->nav.cur = d->nentries - 1;
	if (d->nav.cur < 0)
		d->nav.cur = 0;
	return d->entries[d->nav.cur];
}

const struct mn_section *
ui_section(struct ui *ui, int entry)
{
	return entry >= 0 ? &ui->doc->m->sections[entry] : NULL;
}

int
ui_content_cur(struct ui *ui)
{
	if (!ui->doc || !ui->doc->content)
		return 0;
	(void)ui_entry(ui); /* keeps nav.cur inside the entries */
	return ui->doc->content[ui->doc->nav.cur].cur;
}

/* Every cursor inside its list, whatever the screen shows (every key is
 * followed by a draw, which calls this first): drawing keeps them on
 * screen, but a screen too small to draw on, or a reload that shortened
 * a list, must not leave one past its end for the next key. */
static void
cursors_clamp(struct ui *ui)
{
	enum pane_id ids[2] = { PANE_NAV, PANE_CONTENT };

	if (ui->doc && !ui->doc->m)
		return;
	for (int k = 0; k < (ui->doc ? 2 : 1); k++) {
		const struct pane_ops *ops = ui_pane_ops(ui, ids[k]);
		struct cursor *c = ops->cursor(ui);
		int n = ops->count(ui);
		if (c->cur >= n)
			c->cur = n > 0 ? n - 1 : 0;
		if (c->cur < 0)
			c->cur = 0;
		if (c->top > c->cur || c->top < 0)
			c->top = c->cur;
	}
	if (ui->doc && ui->doc->detail.cur < 0)
		ui->doc->detail.cur = 0;
}

const char *
ui_scratch(struct ui *ui, char *s)
{
	if (!s)
		return "";
	if (ui->nscratch == ui->scratch_cap) {
		int cap = ui->scratch_cap ? ui->scratch_cap * 2 : 64;
		char **v = realloc(ui->scratch, (size_t)cap * sizeof(*v));
		if (!v) {
			free(s);
			return "";
		}
		ui->scratch = v;
		ui->scratch_cap = cap;
	}
	ui->scratch[ui->nscratch++] = s;
	return s;
}

static void
scratch_reset(struct ui *ui)
{
	for (int i = 0; i < ui->nscratch; i++)
		free(ui->scratch[i]);
	ui->nscratch = 0;
}

const struct pane_ops *
ui_pane_ops(struct ui *ui, enum pane_id id)
{
	if (!ui->doc)
		return &pane_list_ops;
	switch (id) {
	case PANE_NAV: return &pane_nav_ops;
	case PANE_CONTENT: return &pane_content_ops;
	default: return &pane_detail_ops;
	}
}

void
ui_message(struct ui *ui, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof(ui->msg), fmt, ap);
	va_end(ap);
	ui->msg_error = error;
}

/* --- layout ----------------------------------------------------------- */

#define MIN_COLS 20
#define MIN_ROWS 5

static bool
doc_shown(struct ui *ui)
{
	return ui->doc && ui->doc->m;
}

/* Splits the screen for the current size and focus: three panes on a
 * wide terminal, two on a medium one, one on a narrow one. */
static void
layout(struct ui *ui)
{
	int top = 1, h;

	memset(ui->visible, 0, sizeof(ui->visible));
	if (doc_shown(ui) && ui->doc->m->nproblems)
		top++;
	ui->body_top = top;
	h = ui->rows - top - 1;
	if (!doc_shown(ui)) {
		ui->visible[PANE_NAV] = true;
		ui->panes[PANE_NAV] = (struct rect){ top, 0, h, ui->cols };
		return;
	}
	if (ui->cols >= 120) {
		int nav = ui->cols * 22 / 100, rest = ui->cols - nav - 2;
		int content = rest * 55 / 100;
		if (nav > 36)
			nav = 36, rest = ui->cols - nav - 2, content = rest * 55 / 100;
		ui->panes[PANE_NAV] = (struct rect){ top, 0, h, nav };
		ui->panes[PANE_CONTENT] = (struct rect){ top, nav + 1, h, content };
		ui->panes[PANE_DETAIL] = (struct rect){ top, nav + content + 2, h,
							rest - content };
		ui->visible[PANE_NAV] = ui->visible[PANE_CONTENT] = true;
		ui->visible[PANE_DETAIL] = true;
	} else if (ui->cols >= 70) {
		enum pane_id a = ui->focus == PANE_DETAIL ? PANE_CONTENT : PANE_NAV;
		enum pane_id b = a + 1;
		int aw = a == PANE_NAV ? ui->cols * 30 / 100 : (ui->cols - 1) / 2;
		ui->panes[a] = (struct rect){ top, 0, h, aw };
		ui->panes[b] = (struct rect){ top, aw + 1, h, ui->cols - aw - 1 };
		ui->visible[a] = ui->visible[b] = true;
	} else {
		ui->panes[ui->focus] = (struct rect){ top, 0, h, ui->cols };
		ui->visible[ui->focus] = true;
	}
}

static struct rect
pane_body(struct ui *ui, enum pane_id id)
{
	struct rect r = ui->panes[id];
	r.y++;
	r.h--;
	return r;
}

/* --- scrolling ---------------------------------------------------------- */

static int
record_height(struct ui *ui, const struct pane_ops *ops, int idx, int width)
{
	return ops->height ? ops->height(ui, idx, width) : 1;
}

/* Keeps the cursor inside the list and on screen; costs what the screen
 * holds, not what the document holds. */
static void
cursor_fix(struct ui *ui, enum pane_id id)
{
	const struct pane_ops *ops = ui_pane_ops(ui, id);
	struct cursor *c = ops->cursor(ui);
	struct rect r = pane_body(ui, id);
	int n = ops->count(ui);

	if (r.h < 1)
		r.h = 1;
	if (n <= 0) {
		c->cur = c->top = 0;
		return;
	}
	if (id == PANE_DETAIL && ui->doc) {
		/* no selection: the cursor is the first line shown */
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
}

/* Moves by about a screenful of lines. */
static void
cursor_page(struct ui *ui, enum pane_id id, int dir)
{
	const struct pane_ops *ops = ui_pane_ops(ui, id);
	struct cursor *c = ops->cursor(ui);
	struct rect r = pane_body(ui, id);
	int n = ops->count(ui), sum = 0;

	if (id == PANE_DETAIL && ui->doc) {
		c->cur += dir * (r.h > 1 ? r.h - 1 : 1);
		return;
	}
	while (sum < r.h && c->cur + dir >= 0 && c->cur + dir < n) {
		sum += record_height(ui, ops, c->cur, r.w);
		c->cur += dir;
	}
	if (dir > 0)
		c->top = c->cur; /* the new page starts at the cursor */
}

static void
fix_all(struct ui *ui)
{
	for (int p = 0; p < PANE_COUNT; p++)
		if (ui->visible[p])
			cursor_fix(ui, (enum pane_id)p);
}

/* --- drawing ------------------------------------------------------------ */

static void
clear_rect(struct rect r)
{
	for (int y = r.y; y < r.y + r.h; y++)
		draw_fill(y, r.x, r.w, STYLE_NORMAL);
}

/* Draws the records of a pane from its first shown one; with ONLY_A or
 * ONLY_B >= 0, just those two (their rows cleared first): the cursor
 * moved and nothing else changed. */
static void
draw_records(struct ui *ui, enum pane_id id, int only_a, int only_b)
{
	const struct pane_ops *ops = ui_pane_ops(ui, id);
	struct rect r = ui->panes[id];
	struct cursor *c = ops->cursor(ui);
	bool focused = !ui->doc || ui->focus == id;
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
		bool sel = idx == c->cur && !(id == PANE_DETAIL && ui->doc);
		if (sel) {
			int rows = h - (ops->gap ? ops->gap(ui) : 0);
			for (int k = 0; k < rows && k < vis; k++)
				draw_restyle(y + k, r.x, r.w,
					     focused ? STYLE_SELECTED : STYLE_SELECTED_DIM);
		}
		y += h;
	}
}

static void
draw_header(struct ui *ui, enum pane_id id)
{
	struct rect r = ui->panes[id];
	bool focused = !ui->doc || ui->focus == id;
	char head[1024];

	ui_pane_ops(ui, id)->header(ui, head, sizeof(head));
	draw_fill(r.y, r.x, r.w, focused ? STYLE_HEADER_FOCUS : STYLE_HEADER);
	draw_str(r.y, r.x, r.w, head, focused ? STYLE_HEADER_FOCUS : STYLE_HEADER);
}

static void
draw_pane(struct ui *ui, enum pane_id id)
{
	struct rect r = ui->panes[id];

	if (r.w < 1 || r.h < 1)
		return;
	draw_header(ui, id);
	draw_records(ui, id, -1, -1);
}

static void
draw_title(struct ui *ui)
{
	char left[1024], right[256];
	const struct doc *d = ui->doc;
	int rw;

	draw_fill(0, 0, ui->cols, STYLE_TITLE);
	if (!d) {
		snprintf(left, sizeof(left), " minutes · %d %s", ui->ndocs,
			 ui->ndocs == 1 ? _("meeting") : _("meetings"));
		draw_str(0, 0, ui->cols, left, STYLE_TITLE);
		return;
	}
	if (!d->m) {
		snprintf(left, sizeof(left), " minutes · %s", d->title);
		draw_str(0, 0, ui->cols, left, STYLE_TITLE);
		return;
	}
	const struct mn_meeting *mt = &d->m->meeting;
	char date[64];
	nls_date(mt->date, date, sizeof(date));
	snprintf(left, sizeof(left), " %s · %s%s%s", mt->title, date,
		 *mt->organizer ? " · " : "", mt->organizer);
	bool draft = mt->status == MN_STATUS_DRAFT;
	snprintf(right, sizeof(right), " %s ",
		 draft ? _("DRAFT") : _(mn_status_name(mt->status)));
	rw = text_width(right, strlen(right));
	int fw = text_width(d->title, strlen(d->title));
	int lw = ui->cols - rw - (fw + 2);
	if (lw < ui->cols / 2) {
		fw = ui->cols / 2 - rw - 2;
		lw = ui->cols - rw - (fw > 0 ? fw + 2 : 0);
	}
	draw_str(0, 0, lw, left, STYLE_TITLE);
	if (ui->cols - rw >= 0)
		draw_str(0, ui->cols - rw, rw, right,
			 draft ? STYLE_DRAFT : STYLE_TITLE);
	if (fw > 0)
		draw_str(0, lw + 1, fw, d->title, STYLE_TITLE);
}

static void
draw_status(struct ui *ui)
{
	int y = ui->rows - 1;
	char left[512], hints[256];

	draw_fill(y, 0, ui->cols, STYLE_STATUS);
	if (ui->prompt) {
		char label[600];
		if (ui->prompt == 'a' || ui->prompt == 'e')
			snprintf(label, sizeof(label), "%s [%s] ",
				 ui->prompt == 'a' ? _("Note") : _("Edit note"),
				 notes_kind_label(ui->edit_kind));
		else if (ui->prompt == 'y')
			snprintf(label, sizeof(label), "%s %s ", ui->question,
				 _("(y/n)"));
		else
			snprintf(label, sizeof(label), "%c", ui->prompt);
		int lw = draw_str(y, 0, ui->cols, label, STYLE_STATUS);
		if (ui->prompt == 'y' || lw >= ui->cols - 1)
			return;
		int w = ui->cols - lw;
		int col = lineedit_view(&ui->edit, w, &ui->edit_scroll);
		draw_text(y, lw, w, ui->edit.buf, ui->edit_scroll,
			  ui->edit.len - ui->edit_scroll, STYLE_STATUS);
		ui->cursor_y = y;
		ui->cursor_x = lw + col;
		return;
	}
	if (ui->doc && ui->doc->m) {
		const struct pane_ops *ops = ui_pane_ops(ui, PANE_CONTENT);
		char name[64];
		int entry = ui_entry(ui);
		const char *full = entry >= 0 ? ui->doc->m->sections[entry].heading
			: entry == ENTRY_MEETING ? _("Meeting")
			: entry == ENTRY_ATTENDEES ? _("Attendees")
			: entry == ENTRY_ORPHANS ? _("Orphaned notes") : _("Problems");
		text_truncate(full, strlen(full), ui->cols / 4 > 8 ? ui->cols / 4 : 8,
			      name, sizeof(name));
		snprintf(left, sizeof(left), " %s · %d/%d ", name,
			 ui_content_cur(ui) + 1, ops->count(ui));
	} else if (!ui->doc) {
		snprintf(left, sizeof(left), " %d/%d ", ui->list.cur + 1, ui->ndocs);
	} else {
		left[0] = '\0';
	}
	int x = draw_str(y, 0, ui->cols, left, STYLE_STATUS);
	if (ui->msg[0]) {
		draw_str(y, x, ui->cols - x, ui->msg,
			 ui->msg_error ? STYLE_ERROR : STYLE_STATUS);
		return;
	}
	snprintf(hints, sizeof(hints), "%s", _("q:back  /:search  Tab:pane  H:help"));
	int hw = text_width(hints, strlen(hints));
	if (x + hw + 1 <= ui->cols)
		draw_str(y, ui->cols - hw - 1, hw, hints, STYLE_STATUS);
}

static void
draw_banner(struct ui *ui)
{
	char buf[256];
	unsigned n = ui->doc->m->nproblems;
	snprintf(buf, sizeof(buf), " ⚠ %u %s — %s", n,
		 n == 1 ? _("problem in this file") : _("problems in this file"),
		 _("p lists them"));
	draw_fill(1, 0, ui->cols, STYLE_BANNER);
	draw_str(1, 0, ui->cols, buf, STYLE_BANNER);
}

static void
draw_error_screen(struct ui *ui)
{
	struct text_line *tl = NULL;
	const char *e = ui->doc->error;
	size_t n = text_wrap(e, strlen(e), ui->cols > 2 ? ui->cols - 2 : 1, &tl);
	int y = 2;

	draw_str(y++, 1, ui->cols - 1, _("This file could not be loaded:"), STYLE_LABEL);
	y++;
	for (size_t i = 0; i < n && y < ui->rows - 1; i++)
		draw_text(y++, 1, ui->cols - 2, e, tl[i].off, tl[i].len, STYLE_ERROR);
	free(tl);
	if (y + 1 < ui->rows - 1)
		draw_str(y + 1, 1, ui->cols - 1,
			 _("r reloads it; q goes back."), STYLE_DIM);
}

static void
draw_help(struct ui *ui)
{
	int top = 1, h = ui->rows - 2;
	char keys[128];

	draw_fill(top, 0, ui->cols, STYLE_HEADER_FOCUS);
	draw_str(top, 0, ui->cols, _("Keys — q or Esc closes this help"),
		 STYLE_HEADER_FOCUS);
	if (ui->help_cur.top > ACT_COUNT - 1)
		ui->help_cur.top = ACT_COUNT - 1;
	for (int i = 0; i < h - 1 && ui->help_cur.top + i < ACT_COUNT; i++) {
		int a = ui->help_cur.top + i;
		snprintf(keys, sizeof(keys), " %s", actions[a].keys);
		int kw = ui->cols > 40 ? 26 : ui->cols / 2;
		draw_str(top + 1 + i, 0, kw, keys, STYLE_LABEL);
		draw_str(top + 1 + i, kw, ui->cols - kw, _(actions[a].help),
			 STYLE_NORMAL);
	}
}

static void
draw_too_small(struct ui *ui)
{
	const char *msg = _("Terminal too small");
	char need[64];

	if (text_width(msg, strlen(msg)) > ui->cols)
		msg = _("Too small");
	snprintf(need, sizeof(need), _("need %dx%d"), MIN_COLS, MIN_ROWS);
	draw_str(ui->rows / 2 - (ui->rows > 2), 0, ui->cols, msg, STYLE_LABEL);
	if (ui->rows > 2)
		draw_str(ui->rows / 2, 0, ui->cols, need, STYLE_DIM);
}

/* The lines between the panes, drawn again only when the layout moved
 * them or the screen was erased. */
static struct rect last_seps[PANE_COUNT];
static bool seps_valid;

static void
seps_now(struct ui *ui, struct rect *now)
{
	memset(now, 0, sizeof(*now) * PANE_COUNT);
	for (int p = 1; p < PANE_COUNT; p++)
		if (ui->visible[p])
			now[p] = ui->panes[p];
}

/* Whether the layout moved the panes since the separators were drawn:
 * then the screen is drawn again from blank (a wide character cut by a
 * new separator would otherwise leave half of itself behind). */
static bool
layout_moved(struct ui *ui)
{
	struct rect now[PANE_COUNT];

	seps_now(ui, now);
	return seps_valid && memcmp(now, last_seps, sizeof(now)) != 0;
}

/* Drawn after an erase only: a layout that moves them erases first. */
static void
draw_separators(struct ui *ui)
{
	if (seps_valid)
		return;
	for (int p = 1; p < PANE_COUNT; p++) {
		if (!ui->visible[p])
			continue;
		int x = ui->panes[p].x - 1;
		if (x < 0)
			continue;
		for (int y = ui->panes[p].y; y < ui->panes[p].y + ui->panes[p].h; y++)
			draw_str(y, x, 1, "│", STYLE_DIM);
	}
	seps_now(ui, last_seps);
	seps_valid = true;
}

/* What a pane shows: when nothing in it changed since the last draw,
 * the pane is left as it is on the screen (a keystroke then costs what
 * changed, not the whole screen). */
struct pane_sig {
	const void *doc;
	struct rect r;
	int entry, top, cur, focused;
	int ccur, focus, note_sel; /* what the detail pane follows */
	unsigned notes_gen, qgen;
	bool filter, doc_order, valid;
};

static struct pane_sig last_sig[PANE_COUNT];

/* What the whole screen is: when it changes, everything is redrawn. */
struct screen_sig {
	int cols, rows, kind;
	const void *doc;
};

static struct screen_sig last_screen;

static struct pane_sig
pane_signature(struct ui *ui, enum pane_id id)
{
	struct pane_sig sg;
	const struct cursor *c = ui_pane_ops(ui, id)->cursor(ui);

	memset(&sg, 0, sizeof(sg));
	sg.doc = ui->doc;
	sg.r = ui->panes[id];
	/* the navigator's entry is its cursor: a move within its page
	 * redraws two records, not the pane */
	sg.entry = ui->doc && id != PANE_NAV ? ui_entry(ui) : 0;
	sg.top = c->top;
	sg.cur = c->cur;
	sg.focused = !ui->doc || ui->focus == id;
	sg.notes_gen = ui->notes_gen;
	sg.qgen = ui->qgen;
	sg.filter = ui->filter_open;
	sg.doc_order = ui->attendees_doc_order;
	if (ui->doc && id == PANE_DETAIL) {
		/* the detail pane follows the other cursors */
		sg.ccur = ui_content_cur(ui);
		sg.focus = ui->focus;
		sg.note_sel = ui->note_sel;
	}
	sg.valid = true;
	return sg;
}

static void
draw_screen(struct ui *ui)
{
	struct screen_sig ss;

	ui->rows = LINES;
	ui->cols = COLS;
	ui->cursor_x = -1;
	scratch_reset(ui);
	memset(&ss, 0, sizeof(ss));
	ss.cols = ui->cols;
	ss.rows = ui->rows;
	ss.doc = ui->doc;
	ss.kind = ui->cols < MIN_COLS || ui->rows < MIN_ROWS ? 1
		  : ui->help ? 2
		  : ui->doc && !ui->doc->m ? 3
		  : ui->doc && ui->doc->m->nproblems ? 4 : 5;
	if (ui->redraw_all || memcmp(&ss, &last_screen, sizeof(ss)) != 0 ||
	    ss.kind < 4) {
		erase();
		memset(last_sig, 0, sizeof(last_sig));
		seps_valid = false;
		last_screen = ss;
		ui->redraw_all = false;
	}
	cursors_clamp(ui);
	if (ss.kind == 1) {
		draw_too_small(ui);
		return;
	}
	layout(ui);
	if (layout_moved(ui)) {
		erase();
		memset(last_sig, 0, sizeof(last_sig));
		seps_valid = false;
	}
	draw_title(ui);
	if (ui->help) {
		draw_help(ui);
		draw_status(ui);
		return;
	}
	if (ui->doc && !ui->doc->m) {
		draw_error_screen(ui);
		draw_status(ui);
		return;
	}
	if (ui->doc && ui->doc->m->nproblems)
		draw_banner(ui);
	if (ui->doc) {
		/* the detail pane shows what the other cursors select */
		cursor_fix(ui, PANE_NAV);
		cursor_fix(ui, PANE_CONTENT);
		ui->note_line = -1;
		detail_build(ui, ui->panes[PANE_DETAIL].w > 0 ? ui->panes[PANE_DETAIL].w
							      : ui->cols);
		if (ui->note_scroll && ui->note_line >= 0)
			ui->doc->detail.cur = ui->note_line;
		ui->note_scroll = false;
	}
	fix_all(ui);
	for (int p = 0; p < PANE_COUNT; p++) {
		if (!ui->visible[p]) {
			/* what it showed is gone: draw it whole when it is back */
			last_sig[p].valid = false;
			continue;
		}
		struct pane_sig sg = pane_signature(ui, (enum pane_id)p);
		if (sg.valid && last_sig[p].valid) {
			struct pane_sig was = last_sig[p], now = sg;
			was.cur = now.cur = 0;
			was.focused = now.focused = 0;
			if (memcmp(&was, &now, sizeof(sg)) == 0) {
				/* at most the cursor moved on the same page, or
				 * the focus came or went: the header and the
				 * records under the cursor change, nothing else */
				if (sg.focused != last_sig[p].focused)
					draw_header(ui, (enum pane_id)p);
				if (sg.cur != last_sig[p].cur ||
				    sg.focused != last_sig[p].focused)
					draw_records(ui, (enum pane_id)p,
						     last_sig[p].cur, sg.cur);
				last_sig[p] = sg;
				continue;
			}
		}
		clear_rect(ui->panes[p]);
		draw_pane(ui, (enum pane_id)p);
		last_sig[p] = sg;
	}
	draw_separators(ui);
	draw_status(ui);
}

/* --- search -------------------------------------------------------------- */

/* Does record R of navigator entry E (R -1: the entry's own heading)
 * match the query? */
static bool
record_matches(struct ui *ui, int e, int r)
{
	const struct minutes *m = ui->doc->m;
	int entry = ui->doc->entries[e];
	size_t a, b;
#define HIT(t) ((t) && *(t) && search_text(ui->q, (t), strlen(t), 0, &a, &b))
	if (entry == ENTRY_MEETING) {
		const char *label, *value;
		if (r < 0)
			return false;
		meeting_fields(m, r, &label, &value);
		return HIT(value);
	}
	if (entry == ENTRY_ATTENDEES) {
		if (r < 0)
			return false;
		const struct mn_person *p = &m->persons[person_at(ui, r)];
		return HIT(p->name) || HIT(p->role);
	}
	if (entry == ENTRY_PROBLEMS)
		return r >= 0 && HIT(m->problems[r].msg);
	if (entry == ENTRY_ORPHANS)
		return false;
	if (r < 0)
		return HIT(m->sections[entry].heading);
	return HIT(m->sections[entry].items[ui_item_at(ui, entry, r)].text);
#undef HIT
}

static int
entry_records(struct ui *ui, int e)
{
	const struct minutes *m = ui->doc->m;
	int entry = ui->doc->entries[e];
	switch (entry) {
	case ENTRY_MEETING: return meeting_fields(m, -1, NULL, NULL);
	case ENTRY_ATTENDEES: return (int)m->npersons;
	case ENTRY_PROBLEMS: return (int)m->nproblems;
	case ENTRY_ORPHANS: return 0;
	default: return ui_item_count(ui, entry);
	}
}

static void
search_in_doc(struct ui *ui, bool back)
{
	struct doc *d = ui->doc;
	int e = d->nav.cur, r = ui_content_cur(ui);
	bool wrapped = false;
	int dir = back ? -1 : 1;

	/* walk (entry, record) positions from the cursor, wrapping once */
	for (long steps = 0;; steps++) {
		r += dir;
		if (r >= entry_records(ui, e) || r < -1) {
			e += dir;
			if (e >= d->nentries || e < 0) {
				if (wrapped)
					break;
				wrapped = true;
				e = back ? d->nentries - 1 : 0;
			}
			r = back ? entry_records(ui, e) - 1 : -1;
		}
		if (record_matches(ui, e, r)) {
			d->nav.cur = e;
			d->content[e].cur = r < 0 ? 0 : r;
			d->detail.cur = 0;
			if (ui->focus == PANE_NAV && r >= 0)
				ui->focus = PANE_CONTENT;
			if (wrapped)
				ui_message(ui, false, "%s",
					back ? _("search hit TOP, continuing at BOTTOM")
					     : _("search hit BOTTOM, continuing at TOP"));
			return;
		}
		if (wrapped && e == d->nav.cur && r == ui_content_cur(ui))
			break;
	}
	ui_message(ui, true, _("Pattern not found: %.200s"), ui->query);
}

static bool
stop_at_first(const struct search_hit *h, void *arg)
{
	(void)h;
	(void)arg;
	return false;
}

static void
search_in_list(struct ui *ui, bool back)
{
	int n = ui->ndocs;
	for (int k = 1; k <= n; k++) {
		int i = ((ui->list.cur + (back ? -k : k)) % n + n) % n;
		const struct doc *d = ui->docs[ui->list_order[i]];
		if (d->m && search_minutes(ui->q, d->m, stop_at_first, NULL)) {
			bool wrapped = back ? i > ui->list.cur : i < ui->list.cur;
			ui->list.cur = i;
			if (wrapped)
				ui_message(ui, false, "%s",
					back ? _("search hit TOP, continuing at BOTTOM")
					     : _("search hit BOTTOM, continuing at TOP"));
			return;
		}
	}
	ui_message(ui, true, _("Pattern not found: %.200s"), ui->query);
}

static void
search_next(struct ui *ui, bool reverse)
{
	if (!ui->q) {
		ui_message(ui, true, "%s", _("No previous search"));
		return;
	}
	bool back = ui->search_back != reverse;
	if (ui->doc && ui->doc->m)
		search_in_doc(ui, back);
	else if (!ui->doc)
		search_in_list(ui, back);
}

static void
search_start(struct ui *ui, bool back)
{
	if (ui->edit.len) {
		struct search_query *q = search_compile(ui->edit.buf);
		if (!q) {
			ui_message(ui, true, "%s", _("Nothing to search for"));
			return;
		}
		search_query_free(ui->q);
		ui->q = q;
		snprintf(ui->query, sizeof(ui->query), "%.500s", ui->edit.buf);
		draw_set_highlight(ui->q);
		ui->qgen++;
	}
	ui->search_back = back;
	search_next(ui, false);
}

void
ui_goto_item(struct ui *ui, int e, int item)
{
	struct doc *d = ui->doc;
	int entry = d->entries[e];
	int shown = ui_shown_of(ui, entry, item);

	if (shown < 0) {
		ui->filter_open = false;
		ui_message(ui, false, "%s", _("Showing every item again"));
		shown = item;
	}
	d->nav.cur = e;
	d->content[e].cur = shown;
	d->detail.cur = 0;
}

/* --- commands ------------------------------------------------------------ */

static void
goto_id(struct ui *ui, const char *id)
{
	struct doc *d = ui->doc;
	int sec = -1, item = -1;

	if (!d || !d->m) {
		ui_message(ui, true, "%s", _(":goto needs an open meeting"));
		return;
	}
	int kind = minutes_find_id(d->m, id, &sec, &item);
	if (!kind) {
		ui_message(ui, true, _("No element with id %.200s"), id);
		return;
	}
	for (int e = 0; e < d->nentries; e++) {
		int entry = d->entries[e];
		if (kind == 3 && entry == ENTRY_MEETING) {
			d->nav.cur = e;
		} else if (kind == 2 && entry == ENTRY_ATTENDEES) {
			d->nav.cur = e;
			for (uint32_t i = 0; i < d->m->npersons; i++)
				if (person_at(ui, (int)i) == sec)
					d->content[e].cur = (int)i;
		} else if (kind == 1 && entry == sec) {
			if (item < 0) {
				d->nav.cur = e;
				ui->focus = PANE_NAV;
				return;
			}
			ui_goto_item(ui, e, item);
		} else {
			continue;
		}
		d->detail.cur = 0;
		ui->focus = kind == 3 ? PANE_NAV : PANE_CONTENT;
		return;
	}
}

static void
run_command(struct ui *ui)
{
	char *cmd = ui->edit.buf;
	while (*cmd == ' ')
		cmd++;
	char *arg = cmd + strcspn(cmd, " ");
	if (*arg)
		*arg++ = '\0';
	while (*arg == ' ')
		arg++;
	size_t al = strlen(arg);
	while (al && arg[al - 1] == ' ')
		arg[--al] = '\0';
	if (!strcmp(cmd, "q") || !strcmp(cmd, "quit") || !strcmp(cmd, "qa"))
		ui->quit = true;
	else if (!strcmp(cmd, "goto") && *arg)
		goto_id(ui, arg);
	else if (!strcmp(cmd, "help"))
		ui->help = true;
	else if (!strcmp(cmd, "reload") && ui->doc)
		doc_reload(ui, ui->doc);
	else if (!strcmp(cmd, "attach") && *arg)
		ui_notes_attach(ui, arg);
	else if (*cmd)
		ui_message(ui, true, _("Unknown command: %.200s"), cmd);
}

/* The line being typed: a prompt, a note, or a yes/no question. */
static void
prompt_key(struct ui *ui, int key)
{
	int p = ui->prompt;

	if (key == 12) { /* C-l redraws, whatever is being typed */
		clearok(curscr, TRUE);
		ui->redraw_all = true;
		return;
	}
	if (p == 'y') {
		ui->prompt = 0;
		ui_notes_answer(ui, key == 'y' || key == 'Y');
		return;
	}
	switch (key) {
	case KEYC_ENTER:
		ui->prompt = 0;
		if (p == ':')
			run_command(ui);
		else if (p == '/' || p == '?')
			search_start(ui, p == '?');
		else
			ui_notes_prompt_done(ui, true);
		break;
	case KEYC_ESC: case 7: /* C-g */
		ui->prompt = 0;
		if (p == 'a' || p == 'e')
			ui_notes_prompt_done(ui, false);
		break;
	case KEYC_TAB:
		if (p == 'a' || p == 'e')
			ui->edit_kind = (ui->edit_kind + 1) % (NOTES_AGREED + 1);
		break;
	case KEYC_BS:
		if (!lineedit_backspace(&ui->edit) && ui->edit.len == 0 &&
		    (p == '/' || p == '?' || p == ':'))
			ui->prompt = 0;
		break;
	case KEY_FN_BASE + KEY_DC: lineedit_delete(&ui->edit); break;
	case KEY_FN_BASE + KEY_LEFT: lineedit_left(&ui->edit); break;
	case KEY_FN_BASE + KEY_RIGHT: lineedit_right(&ui->edit); break;
	case KEY_FN_BASE + KEY_HOME: case 1: /* C-a */
		lineedit_home(&ui->edit);
		break;
	case KEY_FN_BASE + KEY_END: case 5: /* C-e */
		lineedit_end(&ui->edit);
		break;
	case 21: /* C-u */
		lineedit_kill_before(&ui->edit);
		break;
	default:
		if (!KEY_IS_FN(key) && key >= 32 && key != 127)
			lineedit_insert_char(&ui->edit, (unsigned)key);
		break;
	}
}

/* --- actions ------------------------------------------------------------ */

static void
go_back(struct ui *ui, bool quit_at_top)
{
	if (ui->doc && ui->doc->m && ui->focus > PANE_NAV) {
		ui->focus--;
	} else if (ui->doc && ui->archive) {
		ui->doc = NULL;
	} else if (quit_at_top) {
		ui->quit = true;
	}
}

static void
open_selected(struct ui *ui)
{
	if (!ui->doc) {
		if (ui->ndocs)
			ui->doc = ui->docs[ui->list_order[ui->list.cur]];
		ui->focus = PANE_NAV;
		if (ui->doc && ui->doc->m && ui->doc->notice[0])
			ui_message(ui, true, "%s", ui->doc->notice);
		return;
	}
	if (!ui->doc->m)
		return;
	if (ui->focus < PANE_DETAIL) {
		ui->focus++;
		if (ui->focus == PANE_DETAIL)
			ui->doc->detail.cur = 0;
	}
}

static void
cursor_move(struct ui *ui, int delta)
{
	enum pane_id id = ui->doc ? ui->focus : PANE_NAV;
	struct cursor *c = ui_pane_ops(ui, id)->cursor(ui);
	c->cur += delta;
	if (c->cur < 0)
		c->cur = 0;
	if (ui->doc && id != PANE_DETAIL)
		ui->doc->detail.cur = 0;
}

static void
do_action(struct ui *ui, enum action a)
{
	bool in_doc = ui->doc && ui->doc->m;
	enum pane_id id = ui->doc ? ui->focus : PANE_NAV;

	switch (a) {
	case ACT_DOWN: cursor_move(ui, 1); break;
	case ACT_UP: cursor_move(ui, -1); break;
	case ACT_PAGE_DOWN:
		if (ui->doc && !ui->doc->m)
			break;
		cursor_page(ui, id, 1);
		if (ui->doc && id != PANE_DETAIL)
			ui->doc->detail.cur = 0;
		break;
	case ACT_PAGE_UP:
		if (ui->doc && !ui->doc->m)
			break;
		cursor_page(ui, id, -1);
		if (ui->doc && id != PANE_DETAIL)
			ui->doc->detail.cur = 0;
		break;
	case ACT_FIRST: cursor_move(ui, -(1 << 30)); break;
	case ACT_LAST:
		if (ui->doc && !ui->doc->m)
			break;
		cursor_move(ui, ui_pane_ops(ui, id)->count(ui));
		break;
	case ACT_PANE_LEFT: case ACT_PANE_PREV:
		if (in_doc)
			ui->focus = ui->focus == PANE_NAV
					    ? (a == ACT_PANE_PREV ? PANE_DETAIL : PANE_NAV)
					    : ui->focus - 1;
		break;
	case ACT_PANE_RIGHT: case ACT_PANE_NEXT:
		if (in_doc)
			ui->focus = ui->focus == PANE_DETAIL
					    ? (a == ACT_PANE_NEXT ? PANE_NAV : PANE_DETAIL)
					    : ui->focus + 1;
		break;
	case ACT_OPEN: open_selected(ui); break;
	case ACT_BACK: go_back(ui, false); break;
	case ACT_QUIT: go_back(ui, true); break;
	case ACT_QUIT_NOW: ui->quit = true; break;
	case ACT_SEARCH: case ACT_SEARCH_BACK: case ACT_COMMAND:
		ui->prompt = a == ACT_SEARCH ? '/' : a == ACT_SEARCH_BACK ? '?' : ':';
		lineedit_clear(&ui->edit);
		ui->edit_scroll = 0;
		break;
	case ACT_FIND_NEXT: search_next(ui, false); break;
	case ACT_FIND_PREV: search_next(ui, true); break;
	case ACT_SORT:
		ui->attendees_doc_order = !ui->attendees_doc_order;
		ui_message(ui, false, "%s", ui->attendees_doc_order
			? _("Attendees in document order")
			: _("Attendees by given name"));
		break;
	case ACT_PROBLEMS:
		if (in_doc && ui->doc->m->nproblems) {
			for (int e = 0; e < ui->doc->nentries; e++)
				if (ui->doc->entries[e] == ENTRY_PROBLEMS)
					ui->doc->nav.cur = e;
			ui->focus = PANE_CONTENT;
		} else {
			ui_message(ui, false, "%s", _("No problems found in this file"));
		}
		break;
	case ACT_HELP: ui->help = true; ui->help_cur.top = 0; break;
	case ACT_RELOAD:
		if (ui->doc)
			doc_reload(ui, ui->doc);
		else if (ui->ndocs)
			doc_reload(ui, ui->docs[ui->list_order[ui->list.cur]]);
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		ui->redraw_all = true;
		break;
	default: ui_notes_action(ui, (int)a); break;
	}
}

static void
help_key(struct ui *ui, int act)
{
	switch (act) {
	case ACT_DOWN: ui->help_cur.top++; break;
	case ACT_UP: if (ui->help_cur.top > 0) ui->help_cur.top--; break;
	case ACT_QUIT_NOW: ui->quit = true; break;
	case ACT_QUIT: case ACT_BACK: case ACT_HELP: ui->help = false; break;
	default: break;
	}
}

/* The record of pane ID drawn on screen row Y (-1: its header, or below
 * its last record), by the same walk as draw_records. */
static int
record_at(struct ui *ui, enum pane_id id, int y)
{
	const struct pane_ops *ops = ui_pane_ops(ui, id);
	struct rect r = ui->panes[id];
	struct cursor *c = ops->cursor(ui);
	int n = ops->count(ui), row = r.y + 1;

	if (y < row)
		return -1;
	for (int idx = c->top; idx < n && row < r.y + r.h; idx++) {
		int h = record_height(ui, ops, idx, r.w);
		if (y < row + h)
			return idx;
		row += h;
	}
	return -1;
}

/* The mouse (--mouse, or <Click X,Y> in a script) on column X, row Y of
 * the screen last drawn: a click focuses the pane under it and selects
 * the record there; the wheel moves that pane's cursor three records (the
 * detail pane: three lines).  Nothing while a line is being typed. */
static void
ui_mouse(struct ui *ui, int kind, int x, int y)
{
	if (ui->prompt)
		return;
	ui->msg[0] = '\0';
	if (ui->help) {
		if (kind == KEYC_WHEEL_DOWN)
			ui->help_cur.top += 3;
		else if (kind == KEYC_WHEEL_UP)
			ui->help_cur.top = ui->help_cur.top > 3 ? ui->help_cur.top - 3 : 0;
		return;
	}
	if (ui->cols < MIN_COLS || ui->rows < MIN_ROWS || (ui->doc && !ui->doc->m))
		return;
	int p = -1;
	for (int i = 0; i < PANE_COUNT; i++) {
		struct rect r = ui->panes[i];
		if (ui->visible[i] && y >= r.y && y < r.y + r.h && x >= r.x &&
		    x < r.x + r.w)
			p = i;
	}
	if (p < 0 || (!ui->doc && p != PANE_NAV))
		return;
	enum pane_id was = ui->focus;
	if (ui->doc)
		ui->focus = (enum pane_id)p;
	if (kind != KEYC_CLICK) {
		cursor_move(ui, kind == KEYC_WHEEL_UP ? -3 : 3);
		if (ui->doc)
			ui->focus = was; /* the wheel leaves the focus where it was */
		return;
	}
	int idx = p == PANE_DETAIL ? -1 : record_at(ui, (enum pane_id)p, y);
	if (idx >= 0) {
		struct cursor *c = ui_pane_ops(ui, (enum pane_id)p)->cursor(ui);
		cursor_move(ui, idx - c->cur);
	}
}

static void
handle_key(struct ui *ui, int key)
{
	if (key == KEY_FN_BASE + KEY_RESIZE)
		return; /* the next draw reads the new size */
	if (ui->prompt) {
		prompt_key(ui, key);
		return;
	}
	int act = binding_find(key);
	if (act != ACT_REDRAW)
		ui->msg[0] = '\0';
	if (ui->help) {
		help_key(ui, act);
		return;
	}
	if (act < 0) {
		char name[32];
		ui_message(ui, true, _("Key %s is not bound (H shows the keys)"),
			keys_name(key, name, sizeof(name)));
		return;
	}
	do_action(ui, (enum action)act);
}

/* --- the loop ------------------------------------------------------------ */

static volatile sig_atomic_t got_signal;

static void
on_signal(int sig)
{
	got_signal = sig;
}

static void
signals_init(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

static bool
locale_ok(void)
{
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return true;
	if (setlocale(LC_ALL, "C.UTF-8") && strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return true;
	fprintf(stderr, "minutes: %s\n%s\n",
		_("the browser needs a UTF-8 locale, and none is available"),
		_("hint: set LANG=C.UTF-8 (or another UTF-8 locale) and try again"));
	return false;
}

static void
screen_setup(bool color)
{
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	const char *no_color = getenv("NO_COLOR");
	draw_init(color && !(no_color && *no_color));
}

static int
run_terminal(struct ui *ui, const struct ui_options *opt)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "minutes: %s\n",
			_("the browser needs a terminal (--dump prints the minutes)"));
		return 2;
	}
	if (!newterm(NULL, stdout, stdin)) {
		fprintf(stderr, "minutes: %s\n", _("cannot set up the terminal (is TERM right?)"));
		return 2;
	}
	screen_setup(true);
	if (opt->mouse) {
		/* presses, not clicks: no wait for the release */
		mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
		mouseinterval(0);
	}
	signals_init();
	int errors = 0;
	while (!ui->quit && !got_signal) {
		draw_screen(ui);
		if (ui->cursor_x >= 0) {
			move(ui->cursor_y, ui->cursor_x);
			curs_set(1);
		} else {
			curs_set(0);
		}
		refresh();
		wint_t wch;
		int ret = get_wch(&wch);
		if (ret == ERR) {
			/* the terminal went away: do not spin */
			if (got_signal || ++errors > 100)
				break;
			continue;
		}
		errors = 0;
		if (ret == KEY_CODE_YES && wch == KEY_MOUSE) {
			MEVENT ev;
			if (getmouse(&ev) != OK)
				continue;
			if (ev.bstate & BUTTON4_PRESSED)
				ui_mouse(ui, KEYC_WHEEL_UP, ev.x, ev.y);
			else if (ev.bstate & BUTTON5_PRESSED)
				ui_mouse(ui, KEYC_WHEEL_DOWN, ev.x, ev.y);
			else if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
				ui_mouse(ui, KEYC_CLICK, ev.x, ev.y);
			continue;
		}
		int key = key_from_input(ret == KEY_CODE_YES, (unsigned)wch);
		if (key >= 0)
			handle_key(ui, key);
	}
	endwin();
	return ui->status;
}

static int
run_replay(struct ui *ui, const struct ui_options *opt)
{
	FILE *f = fopen(opt->replay, "rb");
	char err[256];
	struct key_script ks;

	if (!f) {
		cli_error("%s: %s", opt->replay, strerror(errno));
		return 2;
	}
	char *buf = NULL;
	size_t len = 0, cap = 0, n;
	char chunk[4096];
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (len + n + 1 > cap) {
			cap = (len + n + 1) * 2;
			char *nb = realloc(buf, cap);
			if (!nb)
				break;
			buf = nb;
		}
		memcpy(buf + len, chunk, n);
		len += n;
	}
	fclose(f);
	if (!key_script_parse(buf ? buf : "", len, &ks, err, sizeof(err))) {
		cli_error("%s:%s", opt->replay, err);
		free(buf);
		return 2;
	}
	free(buf);

	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	if (!getenv("COLUMNS"))
		setenv("COLUMNS", "80", 1);
	if (!getenv("LINES"))
		setenv("LINES", "24", 1);
	SCREEN *scr = out && in ? newterm("xterm-256color", out, in) : NULL;
	if (!scr) {
		fprintf(stderr, "minutes: %s\n", _("cannot set up the headless screen"));
		key_script_free(&ks);
		if (out) fclose(out);
		if (in) fclose(in);
		return 2;
	}
	screen_setup(true);
	/* the first screen, then each key and the screen after it: the
	 * keys' time (--replay-time) leaves out loading and the first draw */
	struct timespec t0, t1;
	size_t done = 0;
	draw_screen(ui);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (size_t i = 0; i < ks.n && !ui->quit; i++) {
		if (ks.keys[i] == KEY_FN_BASE + KEY_RESIZE)
			resizeterm(ks.rows[i], ks.cols[i]);
		if (KEY_IS_MOUSE(ks.keys[i]))
			ui_mouse(ui, ks.keys[i], ks.cols[i], ks.rows[i]);
		else
			handle_key(ui, ks.keys[i]);
		draw_screen(ui);
		done++;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	wnoutrefresh(stdscr);
	if (opt->replay_time) {
		double s = (double)(t1.tv_sec - t0.tv_sec) +
			   (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		fprintf(stderr, "minutes: replay: %zu keys in %.6f s (%.1f us per key)\n",
			done, s, done ? s * 1e6 / (double)done : 0.0);
	}
	int status = ui->status;
	if (!draw_dump_screen(opt->dump_screen, opt->dump_attrs)) {
		cli_error("%s: %s", opt->dump_screen, strerror(errno));
		status = 2;
	}
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	key_script_free(&ks);
	return status;
}

static void
ui_free(struct ui *ui)
{
	for (int i = 0; i < ui->ndocs; i++)
		doc_free(ui->docs[i]);
	free(ui->docs);
	free(ui->list_order);
	search_query_free(ui->q);
	draw_set_highlight(NULL);
	scratch_reset(ui);
	free(ui->scratch);
	lines_free(&ui->detail);
	lines_free(&ui->rec);
	lineedit_free(&ui->edit);
	free(ui->fidx);
	wrap_cache_clear();
}

int
ui_main(char *const *args, int nargs, const struct ui_options *opt)
{
	static char *const here[] = { "." };
	struct ui ui;
	int errors = 0;

	if (!locale_ok())
		return 2;
	memset(&ui, 0, sizeof(ui));
	lineedit_init(&ui.edit);
	ui.reviewer = notes_reviewer_name(opt->reviewer);
	ui.cursor_x = -1;
	if (nargs == 0) {
		args = here;
		nargs = 1;
	}
	for (int i = 0; i < nargs; i++) {
		struct stat st;
		if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode))
			ui.archive = true;
	}
	if (nargs > 1)
		ui.archive = true;
	char **paths = report_expand_paths(args, nargs, &errors);
	for (char **p = paths; p && *p; p++)
		ui.ndocs++;
	if (ui.ndocs == 0) {
		fprintf(stderr, "minutes: %s\n", _("no minutes (*.xml) to show"));
		report_free_paths(paths);
		return 1;
	}
	ui.docs = calloc((size_t)ui.ndocs, sizeof(*ui.docs));
	ui.list_order = calloc((size_t)ui.ndocs, sizeof(int));
	for (int i = 0; i < ui.ndocs; i++) {
		ui.docs[i] = doc_open(paths[i], ui.reviewer);
		ui.list_order[i] = i;
	}
	report_free_paths(paths);
	list_docs = ui.docs;
	qsort(ui.list_order, (size_t)ui.ndocs, sizeof(int), list_cmp);
	if (!ui.archive) {
		ui.doc = ui.docs[0];
		if (ui.doc->m && ui.doc->notice[0])
			ui_message(&ui, true, "%s", ui.doc->notice);
	}
	bindings_init();

	int status = opt->replay ? run_replay(&ui, opt) : run_terminal(&ui, opt);
	for (int i = 0; i < ui.ndocs; i++) /* unsaved notes: say so, exit 1 */
		if (ui.docs[i]->notes && notes_save_on_quit(ui.docs[i]->notes, stderr) && !status)
			status = 1;
	ui_free(&ui);
	return status;
}
