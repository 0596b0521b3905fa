/* model.c - the minutes model: arena, lookups, small helpers. */
#include <stdarg.h>
#include <stdio.h>
#include <stdbool.h>
#include <sys/mman.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "model.h"
#include "nls.h"

#define ARENA_BLOCK ((size_t)1 << 20)
#define ARENA_FIRST ((size_t)16 << 10)

struct mn_block {
	struct mn_block *next;
	size_t used, size;
	max_align_t data[];
};

struct mn_arena {
	struct mn_block *head;
	size_t total;
};

_Noreturn void
mn_oom(void)
{
	fputs("minutes: out of memory\n", stderr);
	abort();
}

void *
mn_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		mn_oom();
	return p;
}

void *
mn_big_alloc(size_t n)
{
	void *p = NULL;
#ifdef MADV_HUGEPAGE
	if (n >= MN_HUGE / 2 && posix_memalign(&p, MN_HUGE, n) == 0) {
		(void)madvise(p, n, MADV_HUGEPAGE);
		return p;
	}
#endif
	p = malloc(n ? n : 1);
	if (!p)
		mn_oom();
	return p;
}

struct mn_arena *
mn_arena_new(void)
{
	return calloc(1, sizeof(struct mn_arena));
}

void *
mn_arena_alloc(struct mn_arena *a, size_t size)
{
	void *p = mn_arena_alloc_raw(a, size);
	memset(p, 0, size);
	return p;
}

void *
mn_arena_alloc_raw(struct mn_arena *a, size_t size)
{
	const size_t align = _Alignof(max_align_t);
	struct mn_block *b = a->head;
	size = (size + align - 1) / align * align;
	if (size == 0)
		size = align;
	if (!b || b->size - b->used < size) {
		/* blocks grow from 16 KiB to 1 MiB: a small file costs a small
		 * block (no mmap, few page faults), a big one few blocks */
		size_t step = a->total < ARENA_BLOCK ? a->total : ARENA_BLOCK;
		size_t grown = step < ARENA_FIRST ? ARENA_FIRST : step;
		size_t bsize = size > grown / 4 ? size : grown;
		bool one_off = b && bsize != grown;
		struct mn_block *nb;
		if (!one_off && bsize >= ARENA_BLOCK) {
			/* a big file: whole 2 MiB blocks (see mn_big_alloc) */
			size_t want = sizeof(*nb) + bsize;
			want = (want + MN_HUGE - 1) / MN_HUGE * MN_HUGE;
			nb = mn_big_alloc(want);
			bsize = want - sizeof(*nb);
		} else {
			nb = malloc(sizeof(*nb) + bsize);
		}
		if (!nb)
			mn_oom();
		nb->used = 0;
		nb->size = bsize;
		if (one_off) {
			/* a big one-off: keep filling the current block */
			nb->next = b->next;
			b->next = nb;
		} else {
			nb->next = b;
			a->head = nb;
		}
		a->total += bsize;
		b = nb;
	}
	void *p = (char *)b->data + b->used;
	b->used += size;
	return p;
}

const char *
mn_arena_strndup(struct mn_arena *a, const char *s, size_t len)
{
	char *p = mn_arena_alloc(a, len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

size_t
mn_arena_bytes(const struct mn_arena *a)
{
	return a->total;
}

void
mn_arena_free(struct mn_arena *a)
{
	if (!a)
		return;
	struct mn_block *b = a->head;
	while (b) {
		struct mn_block *next = b->next;
		free(b);
		b = next;
	}
	free(a);
}

struct minutes *
minutes_new(const char *path)
{
	struct mn_arena *a = mn_arena_new();
	if (!a)
		return NULL;
	struct minutes *m = mn_arena_alloc(a, sizeof(*m));
	m->arena = a;
	m->path = mn_arena_strndup(a, path, strlen(path));
	m->id = m->lang = "";
	m->meeting.title = m->meeting.organizer = m->meeting.date = "";
	m->meeting.start = m->meeting.end = m->meeting.place = "";
	m->meeting.source = "";
	m->meeting.agency = m->meeting.agency_parent = m->meeting.number = "";
	m->expected = m->present = MN_NONE;
	return m;
}

void
minutes_free(struct minutes *m)
{
	if (!m)
		return;
	free(m->problems);
	free(m->item_store);
	mn_arena_free(m->arena);
}

static void
add_problem(struct minutes *m, uint32_t line, uint32_t col,
	    enum mn_severity sev, const char *buf)
{
	/* problems grow one at a time: a plain realloc'd array */
	if ((m->nproblems & (m->nproblems - 1)) == 0) {
		size_t cap = m->nproblems ? (size_t)m->nproblems * 2 : 4;
		struct mn_problem *p = realloc(m->problems, cap * sizeof(*p));
		if (!p)
			return;
		m->problems = p;
	}
	struct mn_problem *p = &m->problems[m->nproblems++];
	p->line = line;
	p->col = col;
	p->msg = mn_arena_strndup(m->arena, buf, strlen(buf));
	p->severity = sev;
	if (sev == MN_SEV_WARNING)
		m->nwarnings++;
}

void
minutes_add_problem(struct minutes *m, uint32_t line, uint32_t col,
		    const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	add_problem(m, line, col, MN_SEV_ERROR, buf);
}

void
minutes_add_warning(struct minutes *m, uint32_t line, uint32_t col,
		    const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	add_problem(m, line, col, MN_SEV_WARNING, buf);
}

uint32_t
minutes_error_count(const struct minutes *m)
{
	return m->nproblems - m->nwarnings;
}

uint32_t
minutes_present_count(const struct minutes *m)
{
	if (m->present != MN_NONE)
		return m->present;
	uint32_t n = 0;
	for (uint32_t i = 0; i < m->npersons; i++)
		n += m->persons[i].presence == MN_PRESENT;
	return n;
}

uint32_t
mn_vote_cast(const struct mn_vote *v)
{
	const uint32_t c[] = { v->nfor, v->against, v->abstain, v->invalid };
	uint64_t n = 0;
	for (size_t i = 0; i < sizeof(c) / sizeof(*c); i++)
		n += c[i] == MN_NONE ? 0 : c[i];
	return n >= MN_NONE ? MN_NONE - 1 : (uint32_t)n;
}

uint32_t
mn_vote_needed(const struct minutes *m, const struct mn_vote *v,
	       uint32_t *base)
{
	bool expected = v->rule == MN_RULE_MAJORITY_EXPECTED ||
			v->rule == MN_RULE_TWO_THIRDS_EXPECTED;
	uint64_t b = expected ? m->expected : minutes_present_count(m);
	*base = (uint32_t)b;
	if (b == MN_NONE)
		return MN_NONE;
	if (v->rule == MN_RULE_TWO_THIRDS_PRESENT ||
	    v->rule == MN_RULE_TWO_THIRDS_EXPECTED)
		return (uint32_t)((2 * b + 2) / 3); /* at least two thirds */
	return (uint32_t)(b / 2 + 1);               /* more than half */
}

bool
mn_task_overdue(const struct mn_task *t, const char *today)
{
	/* ISO dates compare as strings; a due date the loader refused
	 * (not YYYY-MM-DD) is never overdue */
	const char *d = t->due;
	if (strlen(d) != 10 || d[4] != '-' || d[7] != '-' || strlen(today) != 10)
		return false;
	return strcmp(d, today) < 0;
}

const char *
mn_rule_name(enum mn_rule r)
{
	static const char *const names[] = {
		"majority-present", "majority-expected", "two-thirds-present",
		"two-thirds-expected",
	};
	return names[r];
}

const char *
mn_result_name(enum mn_result r)
{
	switch (r) {
	case MN_RESULT_ADOPTED: return "adopted";
	case MN_RESULT_REJECTED: return "rejected";
	default: return "";
	}
}

const char *
mn_presence_name(enum mn_presence p)
{
	switch (p) {
	case MN_EXCUSED: return "excused";
	case MN_ABSENT: return "absent";
	default: return "present";
	}
}

const char *
mn_sign_role_name(enum mn_sign_role r)
{
	return r == MN_SIGN_CHAIR ? "chair" : "secretary";
}

const char *
mn_kind_symbol(enum mn_kind k)
{
	switch (k) {
	case MN_KIND_ACHIEVEMENTS: return "+";
	case MN_KIND_LIMITATIONS: return "!";
	case MN_KIND_TARGETS: return ">";
	case MN_KIND_CONCLUSIONS: return "=";
	default: return "#";
	}
}

const char *
mn_kind_label(enum mn_kind kind, const char *kind_name)
{
	switch (kind) {
	case MN_KIND_ACHIEVEMENTS: return _("achievements");
	case MN_KIND_LIMITATIONS: return _("limitations");
	case MN_KIND_TARGETS: return _("targets");
	case MN_KIND_CONCLUSIONS: return _("conclusions");
	default: return kind_name;
	}
}

const char *
mn_status_name(enum mn_status s)
{
	switch (s) {
	case MN_STATUS_FINAL: return N_("final");
	case MN_STATUS_APPROVED: return N_("approved");
	default: return N_("draft");
	}
}

const char *
mn_op_text(enum mn_op op)
{
	static const char *const text[] = { "≥", ">", "=", "≤", "<" };
	return text[op];
}

enum mn_verdict
mn_figure_verdict(const struct mn_figure *f)
{
	if (!f->actual || !f->value_str)
		return MN_UNKNOWN;
	int c = decimal_compare(f->actual, f->value_str), met;
	switch (f->op) {
	case MN_OP_GE: met = c >= 0; break;
	case MN_OP_GT: met = c > 0; break;
	case MN_OP_EQ: met = c == 0; break;
	case MN_OP_LE: met = c <= 0; break;
	default: met = c < 0; break;
	}
	return met ? MN_MET : MN_MISSED;
}

uint32_t
minutes_item_count(const struct minutes *m)
{
	uint32_t n = 0;
	for (uint32_t i = 0; i < m->nsections; i++)
		n += m->sections[i].nitems;
	return n;
}

int
minutes_find_id(const struct minutes *m, const char *id, int *sec, int *item)
{
	if (m->id && strcmp(m->id, id) == 0)
		return 3;
	for (uint32_t i = 0; i < m->npersons; i++)
		if (strcmp(m->persons[i].id, id) == 0) {
			*sec = (int)i;
			return 2;
		}
	for (uint32_t s = 0; s < m->nsections; s++) {
		const struct mn_section *sc = &m->sections[s];
		if (strcmp(sc->id, id) == 0) {
			*sec = (int)s;
			*item = -1;
			return 1;
		}
		for (uint32_t i = 0; i < sc->nitems; i++)
			if (strcmp(sc->items[i].id, id) == 0) {
				*sec = (int)s;
				*item = (int)i;
				return 1;
			}
	}
	return 0;
}

uint32_t
minutes_id_line(const struct minutes *m, const char *id)
{
	int sec = -1, item = -1;

	if (!m || !id || !*id)
		return 0;
	switch (minutes_find_id(m, id, &sec, &item)) {
	case 1:
		return item < 0 ? m->sections[sec].line
			       : m->sections[sec].items[item].line;
	case 2:
		return m->persons[sec].line;
	case 3:
		return m->meeting.line;
	default:
		return 0;
	}
}
