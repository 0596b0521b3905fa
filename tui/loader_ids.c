/* loader_ids.c - the ids of a file and its problems: one open-addressed
 * table of every id (a ref says what holds it), an item's id registered
 * a step late so its slot is fetched ahead, duplicates reported; and the
 * problems list (cut at MAX_PROBLEMS), which takes a waiting id first so
 * problems keep their order. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nls.h"
#include "loader_state.h"
#include "loader_ids.h"

void
ld_problem(struct ld *ld, uint32_t line, uint32_t col, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	/* an item's id waiting to be registered is older than this problem:
	 * its duplicate, if any, comes first (as without the wait, which
	 * matters once problems are cut at MAX_PROBLEMS) */
	if (ld->pend.set)
		ld_id_flush(ld);
	if (ld->m->nproblems >= MAX_PROBLEMS) {
		ld->dropped++;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), gettext(fmt), ap);	/* make pot */
	va_end(ap);
	minutes_add_problem(ld->m, line, col, "%s", buf);
}

/* True when the problem list is full: a problem now would be dropped
 * (and is counted as such), so the caller can skip the work of placing
 * it (ld_attr_pos reads the whole start tag: per unknown attribute of a
 * 40,000-attribute tag that was quadratic). */
bool
ld_problems_full(struct ld *ld)
{
	if (ld->pend.set)
		ld_id_flush(ld);
	if (ld->m->nproblems < MAX_PROBLEMS)
		return false;
	ld->dropped++;
	return true;
}

static uint32_t
hash_str(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static const char *
ref_id(const struct ld *ld, uint32_t ref)
{
	uint32_t i = REF_INDEX(ref);
	switch (REF_KIND(ref)) {
	case REF_MINUTES: return ld->m->id;
	case REF_PERSON: return ld->persons[i].id;
	case REF_SECTION: return ld->sections[i].id;
	default: return ld->items[i].id;
	}
}

uint32_t
ld_ref_line(const struct ld *ld, uint32_t ref)
{
	uint32_t i = REF_INDEX(ref);
	switch (REF_KIND(ref)) {
	case REF_MINUTES: return ld->root_line;
	case REF_PERSON: return ld->persons[i].line;
	case REF_SECTION: return ld->sections[i].line;
	default: return ld->items[i].line;
	}
}

static struct id_slot *
id_slot(const struct ld *ld, const char *id, uint32_t h)
{
	const struct id_table *t = &ld->ids;
	for (uint32_t i = h & t->mask;; i = (i + 1) & t->mask) {
		struct id_slot *s = &t->slots[i];
		if (s->ref == REF_NONE ||
		    (s->hash == h && strcmp(ref_id(ld, s->ref), id) == 0))
			return s;
	}
}

uint32_t
ld_id_find(const struct ld *ld, const char *id)
{
	if (ld->pend.set && strcmp(ld->pend.id, id) == 0)
		return ld->pend.ref; /* as if registered already */
	if (!ld->ids.slots)
		return REF_NONE;
	return id_slot(ld, id, hash_str(id))->ref;
}

static void
id_grow(struct ld *ld)
{
	struct id_table old = ld->ids;
	uint32_t cap = old.slots ? (old.mask + 1) * 2 : 1024;
	ld->ids.slots = mn_big_alloc(cap * sizeof(struct id_slot));
	memset(ld->ids.slots, 0xff, cap * sizeof(struct id_slot));
	ld->ids.mask = cap - 1;
	for (uint32_t i = 0; old.slots && i <= old.mask; i++) {
		struct id_slot *s = &old.slots[i];
		if (s->ref == REF_NONE)
			continue;
		uint32_t j = s->hash & ld->ids.mask;
		while (ld->ids.slots[j].ref != REF_NONE)
			j = (j + 1) & ld->ids.mask;
		ld->ids.slots[j] = *s;
	}
	free(old.slots);
}

/* Adds ID (hash H) for REF; returns the ref already holding it, or
 * REF_NONE. */
static uint32_t
id_insert(struct ld *ld, const char *id, uint32_t h, uint32_t ref)
{
	/* at most three quarters full: probes stay short, and the table
	 * (all of it resident: it starts filled with 0xff) stays small */
	if (!ld->ids.slots ||
	    (uint64_t)ld->ids.n * 4 + 4 > ((uint64_t)ld->ids.mask + 1) * 3)
		id_grow(ld);
	struct id_slot *s = id_slot(ld, id, h);
	if (s->ref != REF_NONE)
		return s->ref;
	s->hash = h;
	s->ref = ref;
	ld->ids.n++;
	return REF_NONE;
}

void
ld_id_flush(struct ld *ld)
{
	if (!ld->pend.set)
		return;
	ld->pend.set = false;
	uint32_t first = id_insert(ld, ld->pend.id, ld->pend.hash, ld->pend.ref);
	if (first != REF_NONE)
		ld_problem(ld, ld->pend.line, ld->pend.col,
			"duplicate id \"%s\" (first at line %u)", ld->pend.id,
			ld_ref_line(ld, first));
}

uint32_t
ld_id_add(struct ld *ld, const char *id, uint32_t ref)
{
	ld_id_flush(ld);
	return id_insert(ld, id, hash_str(id), ref);
}

/* An item's id: its slot is asked for now, and it is registered when the
 * next id comes (duplicates are reported then, at the place noted now). */
void
ld_id_add_later(struct ld *ld, const char *id, uint32_t ref, uint32_t line,
	     uint32_t col)
{
	ld_id_flush(ld);
	uint32_t h = hash_str(id);
#ifdef __GNUC__
	if (ld->ids.slots)
		__builtin_prefetch(&ld->ids.slots[h & ld->ids.mask]);
#endif
	ld->pend.id = id;
	ld->pend.hash = h;
	ld->pend.ref = ref;
	ld->pend.line = line;
	ld->pend.col = col;
	ld->pend.set = true;
}
