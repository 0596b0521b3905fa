/* entry_tasks.c - the navigator's "Tasks" entry (v2, only when the
 * minutes assign some): every task of the meeting in document order,
 * with its assignees and due date, the overdue ones marked (past due on
 * the browser's today, b->today); a note on a task is about its item. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entries.h"
#include "nls.h"
#include "notes_view.h"
#include "xalloc.h"

extern const struct entry_ops entry_tasks;

static uint32_t
count_tasks(const struct minutes *m)
{
	uint32_t n = 0;
	for (uint32_t s = 0; s < m->nsections; s++)
		for (uint32_t i = 0; i < m->sections[s].nitems; i++)
			n += m->sections[s].items[i].ntasks;
	return n;
}

/* the tasks' places, counted once per document */
static void
tasks_index(struct browser *b)
{
	struct doc *d = b->doc;
	const struct minutes *m = d->m;

	if (d->tasks_built)
		return;
	d->ntasks = count_tasks(m);
	free(d->tasks);
	d->tasks = xcalloc((size_t)d->ntasks + 1, sizeof(*d->tasks));
	d->tasks_overdue = 0;
	uint32_t k = 0;
	for (uint32_t s = 0; s < m->nsections; s++)
		for (uint32_t i = 0; i < m->sections[s].nitems; i++) {
			const struct mn_item *it = &m->sections[s].items[i];
			for (uint32_t t = 0; t < it->ntasks; t++) {
				d->tasks[k][0] = s;
				d->tasks[k][1] = i;
				d->tasks[k][2] = t;
				d->tasks_overdue += mn_task_overdue(&it->tasks[t], b->today);
				k++;
			}
		}
	d->tasks_built = true;
}

static const struct mn_item *
task_item(struct browser *b, int idx, const struct mn_task **task)
{
	tasks_index(b);
	if (idx < 0 || (uint32_t)idx >= b->doc->ntasks)
		return NULL;
	const uint32_t *at = b->doc->tasks[idx];
	const struct mn_item *it = &b->doc->m->sections[at[0]].items[at[1]];
	*task = &it->tasks[at[2]];
	return it;
}

/* the task's own text (its span of the item's) */
static const char *
task_text(struct lines *l, const struct mn_item *it, const struct mn_task *t)
{
	if (t->end <= it->len && t->start < t->end)
		return lines_own(l, xstrndup(it->text + t->start, t->end - t->start));
	return it->text;
}

/* "Lục Văn Thiệp, Bế Thị Uyên" (malloc'd) */
static char *
assignees(const struct minutes *m, const struct mn_task *t)
{
	char *s = xstrdup("");
	for (uint32_t a = 0; a < t->nassignees; a++) {
		char *n = xasprintf("%s%s%s", s, a ? ", " : "",
				    m->persons[t->assignees[a]].name);
		free(s);
		s = n;
	}
	return s;
}

/* "→ Lục Văn Thiệp · due 2019-09-30 · ⚠ overdue" */
static void
task_line(struct browser *b, const struct mn_task *t, struct lines *l,
	  int indent, int width)
{
	bool late = mn_task_overdue(t, b->today);
	char *who = assignees(b->doc->m, t), day[64];
	/* the due date the interface's way (30/09/2019 in Vietnamese) */
	const char *due = strlen(t->due) == 10
		? nls_date(t->due, day, sizeof(day)) : t->due;
	const char *s = lines_printf(l, "→ %s%s%s%s%s%s%s",
		*who ? who : _("nobody named"),
		*due ? " · " : "", *due ? _("due") : "",
		*due ? " " : "", due, late ? " · ⚠ " : "",
		late ? _("overdue") : "");
	free(who);
	lines_wrap(l, NULL, STYLE_NORMAL, indent, s, width,
		   late ? STYLE_MISSED : STYLE_DIM);
}

static void
tasks_add(const struct doc *d, struct entry *v, int *n)
{
	if (d->m->version >= 2 && count_tasks(d->m))
		v[(*n)++] = (struct entry){ &entry_tasks, 0 };
}

static int
tasks_count(struct browser *b, const struct entry *e)
{
	(void)e;
	tasks_index(b);
	return (int)b->doc->ntasks;
}

static void
tasks_nav(struct browser *b, const struct entry *e, struct entry_nav *out)
{
	(void)e;
	tasks_index(b);
	out->sym = "→";
	out->sym_st = b->doc->tasks_overdue ? STYLE_MISSED : STYLE_NORMAL;
	out->label = _("Tasks");
	if (b->doc->tasks_overdue)
		snprintf(out->count, sizeof(out->count), " (%u ⚠%u)",
			 b->doc->ntasks, b->doc->tasks_overdue);
	else
		snprintf(out->count, sizeof(out->count), " (%u)", b->doc->ntasks);
	out->open = 0;
}

static void
tasks_header(struct browser *b, const struct entry *e, char *buf, size_t size)
{
	(void)e;
	tasks_index(b);
	snprintf(buf, size, "%s (%u) · %u %s · %s %s", _("Tasks"), b->doc->ntasks,
		 b->doc->tasks_overdue, _("overdue"), _("today"), b->today);
}

static void
tasks_layout(struct browser *b, const struct entry *e, int idx, int width,
	     struct lines *l)
{
	const struct mn_task *t;
	const struct mn_item *it = task_item(b, idx, &t);

	(void)e;
	if (!it)
		return;
	int digits = snprintf(NULL, 0, "%u", b->doc->ntasks);
	int iw = digits + 2;
	if (iw * 3 > width)
		iw = 0;
	const char *lead = lines_printf(l, "%*d.", digits, idx + 1);
	lines_wrap(l, iw ? lead : NULL, STYLE_DIM, iw, task_text(l, it, t), width,
		   STYLE_NORMAL);
	task_line(b, t, l, iw, width);
	notes_view_marker(b, l, it->id, iw, width);
	lines_blank(l);
}

static void
tasks_detail_header(struct browser *b, const struct entry *e, char *buf,
		    size_t size)
{
	(void)e;
	tasks_index(b);
	snprintf(buf, size, "%s %d/%u", _("Task"), browser_content_cur(b) + 1,
		 b->doc->ntasks);
}

static void
tasks_detail(struct browser *b, const struct entry *e, int cur, int width,
	     struct lines *l)
{
	const struct mn_task *t;
	const struct mn_item *it = task_item(b, cur, &t);
	const struct minutes *m = b->doc->m;

	(void)e;
	if (!it)
		return;
	const struct mn_section *s = &m->sections[b->doc->tasks[cur][0]];
	lines_wrap(l, NULL, STYLE_NORMAL, 0,
		   lines_printf(l, "%s · %s · %s %u", it->id, s->heading, _("line"),
				t->line),
		   width, STYLE_DIM);
	lines_wrap(l, NULL, STYLE_NORMAL, 0, task_text(l, it, t), width,
		   STYLE_LABEL);
	task_line(b, t, l, 0, width);
	if (t->nassignees) {
		lines_blank(l);
		const char *head = t->nassignees > 1 ? _("Assignees") : _("Assignee");
		lines_add(l, NULL, STYLE_NORMAL, 0, head, 0, (uint32_t)strlen(head),
			  STYLE_LABEL);
		for (uint32_t a = 0; a < t->nassignees; a++) {
			const struct mn_person *p = &m->persons[t->assignees[a]];
			lines_wrap(l, NULL, STYLE_NORMAL, 2, p->name, width,
				   STYLE_NORMAL);
			if (*p->role)
				lines_wrap(l, NULL, STYLE_NORMAL, 4, p->role, width,
					   STYLE_DIM);
		}
	}
	lines_blank(l);
	const char *head = _("In the item");
	lines_add(l, NULL, STYLE_NORMAL, 0, head, 0, (uint32_t)strlen(head),
		  STYLE_LABEL);
	lines_wrap_cached(l, &b->doc->wrap, NULL, STYLE_NORMAL, 2, it->text, width,
			  STYLE_DIM);
	notes_view_lines(b, l, it->id, width);
}

static bool
tasks_matches(struct browser *b, const struct entry *e, int r)
{
	const struct mn_task *t;
	const struct mn_item *it;
	size_t a, z;

	(void)e;
	if (r < 0 || !(it = task_item(b, r, &t)))
		return false;
	if (t->end <= it->len && t->start < t->end &&
	    search_text(b->q, it->text + t->start, t->end - t->start, 0, &a, &z))
		return true;
	for (uint32_t k = 0; k < t->nassignees; k++) {
		const char *n = b->doc->m->persons[t->assignees[k]].name;
		if (*n && search_text(b->q, n, strlen(n), 0, &a, &z))
			return true;
	}
	return false;
}

static const char *
tasks_target(struct browser *b, const struct entry *e, int cur)
{
	const struct mn_task *t;
	const struct mn_item *it = task_item(b, cur, &t);

	(void)e;
	return it ? it->id : NULL;
}

static bool
tasks_locate(struct browser *b, int entry, int kind, int sec, int item)
{
	(void)b;
	(void)entry;
	(void)kind;
	(void)sec;
	(void)item;
	return false; /* an item is found in its section */
}

const struct entry_ops entry_tasks = {
	.name = "tasks",
	.add = tasks_add,
	.count = tasks_count,
	.nav = tasks_nav,
	.header = tasks_header,
	.layout = tasks_layout,
	.gap = true,
	.detail_header = tasks_detail_header,
	.detail = tasks_detail,
	.matches = tasks_matches,
	.target = tasks_target,
	.locate = tasks_locate,
};
