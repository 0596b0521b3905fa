/* entry_problems.c - the navigator's "Problems" entry (only when the
 * loader found some): one record per problem, LINE:COL: message. */
#include <stdio.h>
#include <string.h>

#include "entries.h"
#include "nls.h"

extern const struct entry_ops entry_problems;

static void
problems_add(const struct doc *d, struct entry *v, int *n)
{
	if (d->m->nproblems)
		v[(*n)++] = (struct entry){ &entry_problems, 0 };
}

static int
problems_count(struct browser *b, const struct entry *e)
{
	(void)e;
	return (int)b->doc->m->nproblems;
}

static void
problems_nav(struct browser *b, const struct entry *e, struct entry_nav *out)
{
	(void)e;
	out->sym = "!";
	out->sym_st = STYLE_ERROR;
	out->label = _("Problems");
	snprintf(out->count, sizeof(out->count), " (%u)", b->doc->m->nproblems);
	out->open = 0;
}

static void
problems_header(struct browser *b, const struct entry *e, char *buf,
		size_t size)
{
	(void)e;
	snprintf(buf, size, "%s (%u)", _("Problems"), b->doc->m->nproblems);
}

static void
problems_layout(struct browser *b, const struct entry *e, int idx, int width,
		struct lines *l)
{
	const struct mn_problem *p = &b->doc->m->problems[idx];
	const char *lead = lines_printf(l, "%u:%u:", p->line, p->col);
	int iw = text_width(lead, strlen(lead)) + 1;

	(void)e;
	if (iw >= width)
		iw = 0;
	lines_wrap(l, lead, STYLE_ERROR, iw, p->msg, width, STYLE_NORMAL);
}

static void
problems_detail_header(struct browser *b, const struct entry *e, char *buf,
		       size_t size)
{
	(void)b;
	(void)e;
	snprintf(buf, size, "%s", _("Problems"));
}

static void
problems_detail(struct browser *b, const struct entry *e, int cur, int width,
		struct lines *l)
{
	const struct minutes *m = b->doc->m;

	(void)e;
	for (uint32_t i = 0; i < m->nproblems; i++) {
		const struct mn_problem *p = &m->problems[i];
		lines_wrap(l, NULL, STYLE_NORMAL, 0,
			   lines_printf(l, "%s:%u:%u: %s", m->path, p->line,
					p->col, p->msg),
			   width, (int)i == cur ? STYLE_LABEL : STYLE_NORMAL);
	}
}

static bool
problems_matches(struct browser *b, const struct entry *e, int r)
{
	size_t a, z;

	(void)e;
	if (r < 0)
		return false;
	const char *t = b->doc->m->problems[r].msg;
	return t && *t && search_text(b->q, t, strlen(t), 0, &a, &z);
}

static const char *
problems_target(struct browser *b, const struct entry *e, int cur)
{
	(void)b;
	(void)e;
	(void)cur;
	return NULL;
}

static bool
problems_locate(struct browser *b, int entry, int kind, int sec, int item)
{
	(void)b;
	(void)entry;
	(void)kind;
	(void)sec;
	(void)item;
	return false;
}

const struct entry_ops entry_problems = {
	.name = "problems",
	.add = problems_add,
	.count = problems_count,
	.nav = problems_nav,
	.header = problems_header,
	.layout = problems_layout,
	.gap = false,
	.detail_header = problems_detail_header,
	.detail = problems_detail,
	.matches = problems_matches,
	.target = problems_target,
	.locate = problems_locate,
	.problems = true,
};
