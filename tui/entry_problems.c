/* entry_problems.c - the navigator's "Problems" entry (only when the
 * loader or the spelling check found some): one record per problem,
 * LINE:COL: message, warnings (the form's, the spelling check's) marked
 * as such, all in line order. */
#include <stdio.h>
#include <string.h>

#include "entries.h"
#include "nls.h"
#include "xalloc.h"

extern const struct entry_ops entry_problems;

static uint32_t
problems_total(const struct doc *d)
{
	return d->m->nproblems + (d->problem_order ? d->nspelling : 0);
}

/* Record IDX: the model's problem or the spelling warning, in line
 * order. */
struct problem_rec {
	uint32_t line, col;
	const char *msg;
	bool warning;
};

static struct problem_rec
problem_at(const struct doc *d, int idx)
{
	uint32_t k = d->problem_order ? d->problem_order[idx] : (uint32_t)idx;

	if (k & 0x80000000u) {
		const struct doc_spelling *w = &d->spelling[k & 0x7FFFFFFFu];
		return (struct problem_rec){ w->line, w->col, w->msg, true };
	}
	const struct mn_problem *p = &d->m->problems[k];
	return (struct problem_rec){ p->line, p->col, p->msg,
				     p->severity == MN_SEV_WARNING };
}

/* "LINE:COL:" or "LINE:COL: warning:" */
static const char *
problem_lead(struct lines *l, const struct problem_rec *p)
{
	return p->warning ? lines_printf(l, "%u:%u: %s", p->line, p->col, _("warning:"))
			  : lines_printf(l, "%u:%u:", p->line, p->col);
}

static void
problems_add(const struct doc *d, struct entry *v, int *n)
{
	if (problems_total(d))
		v[(*n)++] = (struct entry){ &entry_problems, 0 };
}

static int
problems_count(struct browser *b, const struct entry *e)
{
	(void)e;
	return (int)problems_total(b->doc);
}

static void
problems_nav(struct browser *b, const struct entry *e, struct entry_nav *out)
{
	(void)e;
	out->sym = "!";
	out->sym_st = STYLE_ERROR;
	out->label = _("Problems");
	snprintf(out->count, sizeof(out->count), " (%u)", problems_total(b->doc));
	out->open = 0;
}

static void
problems_header(struct browser *b, const struct entry *e, char *buf,
		size_t size)
{
	(void)e;
	snprintf(buf, size, "%s (%u)", _("Problems"), problems_total(b->doc));
}

static void
problems_layout(struct browser *b, const struct entry *e, int idx, int width,
		struct lines *l)
{
	struct problem_rec p = problem_at(b->doc, idx);
	const char *lead = problem_lead(l, &p);
	int iw = text_width(lead, strlen(lead)) + 1;

	(void)e;
	if (iw >= width)
		iw = 0;
	lines_wrap(l, lead, p.warning ? STYLE_LABEL : STYLE_ERROR, iw, p.msg,
		   width, STYLE_NORMAL);
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
	uint32_t n = problems_total(b->doc);

	(void)e;
	for (uint32_t i = 0; i < n; i++) {
		struct problem_rec p = problem_at(b->doc, (int)i);
		lines_wrap(l, NULL, STYLE_NORMAL, 0,
			   lines_printf(l, "%s:%u:%u: %s%s%s", m->path, p.line,
					p.col, p.warning ? _("warning:") : "",
					p.warning ? " " : "", p.msg),
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
	const char *t = problem_at(b->doc, r).msg;
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

/* the problem's line, and "LINE:COL: [warning:] message" */
static uint32_t
problems_source(struct browser *b, const struct entry *e, int cur,
		char **text)
{
	(void)e;
	if (cur < 0 || (uint32_t)cur >= problems_total(b->doc))
		return 0;
	struct problem_rec p = problem_at(b->doc, cur);
	if (text)
		*text = p.warning
			? xasprintf("%u:%u: %s %s", p.line, p.col, _("warning:"),
				    p.msg ? p.msg : "")
			: xasprintf("%u:%u: %s", p.line, p.col, p.msg ? p.msg : "");
	return p.line;
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
	.source = problems_source,
};
