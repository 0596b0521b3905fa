/* loader_v2.c - format version 2, the official biên bản: agency,
 * number, chair and secretary, attendees with their counts, votes and
 * tallies, tasks, signatures and recipients, read as their elements
 * come; references to persons resolved at the end (finish_v2). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "nls.h"
#include "loader_state.h"
#include "loader_attrs.h"
#include "loader_check.h"
#include "loader_ids.h"
#include "loader_pos.h"
#include "loader_text.h"
#include "loader_v2.h"
#include "text.h"

/* A count attribute: digits only, at most MN_NONE - 1; MN_NONE when
 * absent or bad (said so). */
static uint32_t
read_count(struct ld *ld, const struct frame *f, const struct attrs *at,
	   enum attr a)
{
	uint32_t line, col;
	const char *v = at->v[a];
	uint64_t n = 0;
	if (!v)
		return MN_NONE;
	v = ld_token_tmp(ld, v);
	const char *p = v;
	while (*p >= '0' && *p <= '9' && n < MN_NONE)
		n = n * 10 + (uint64_t)(*p++ - '0');
	if (*p == '\0' && p != v && n < MN_NONE)
		return (uint32_t)n;
	ld_attr_pos(ld, f, attr_names[a], &line, &col);
	if (p != v && *p >= '0' && *p <= '9')
		ld_problem(ld, line, col, "bad count %s=\"%s\": too large",
			attr_names[a], v);
	else
		ld_problem(ld, line, col, "bad count %s=\"%s\": expected digits "
			"only (a whole number, 0 or more)", attr_names[a], v);
	return MN_NONE;
}

static void
pos_add(struct v2_pos **arr, uint32_t *n, uint32_t *cap, uint32_t line,
	uint32_t col)
{
	*arr = grow(*arr, *n, cap, sizeof(**arr));
	(*arr)[*n].line = line;
	(*arr)[(*n)++].col = col;
}

/* Counts the person ids of attribute A (space-separated) and, when
 * RECORD, notes them to resolve at the end (into SLOTS when not NULL);
 * returns how many. */
static uint32_t
read_prefs(struct ld *ld, const struct frame *f, const char *v,
	   enum attr a, enum pref_use use, bool record, uint32_t *slots,
	   uint32_t index)
{
	uint32_t line = 0, col = 0, n = 0;
	if (record)
		ld_attr_pos(ld, f, attr_names[a], &line, &col);
	for (const char *p = v; *p;) {
		size_t len = 0;
		while (is_space((unsigned char)*p))
			p++;
		if (!*p)
			break;
		while (p[len] && !is_space((unsigned char)p[len]))
			len++;
		if (record) {
			ld->prefs = grow(ld->prefs, ld->nprefs, &ld->cap_prefs,
					 sizeof(*ld->prefs));
			struct pref *r = &ld->prefs[ld->nprefs++];
			r->use = use;
			r->slot = slots ? slots + n : NULL;
			r->bad_role = false;
			r->index = index;
			r->line = line;
			r->col = col;
			r->name = ld->names.len;
			sbuf_add(&ld->names, p, len);
			sbuf_add(&ld->names, "", 1);
		}
		n++;
		p += len;
	}
	return n;
}

/* <chair ref>, <secretary ref>: one person each. */
void
ld_begin_officer(struct ld *ld, const struct frame *f, const struct attrs *at,
	      enum pref_use use)
{
	uint32_t line, col;
	if (use == PREF_CHAIR)
		pos_add(&ld->chair_pos, &ld->nchair_pos, &ld->cap_chair_pos,
			f->line, f->col);
	else
		pos_add(&ld->sec_pos, &ld->nsec_pos, &ld->cap_sec_pos,
			f->line, f->col);
	if (!at->v[A_REF])
		return;
	const char *v = ld_token_tmp(ld, at->v[A_REF]);
	uint32_t n = read_prefs(ld, f, v, A_REF, use, false, NULL, 0);
	if (n != 1) {
		ld_attr_pos(ld, f, "ref", &line, &col);
		ld_problem(ld, line, col, "attribute ref on <%s> must name one "
			"person (write one element for each)",
			el_rules[f->el].name);
		return;
	}
	/* chairs and secretaries are gathered when resolved */
	read_prefs(ld, f, v, A_REF, use, true, NULL,
		   use == PREF_CHAIR ? ld->nchair_pos - 1 : ld->nsec_pos - 1);
}

void
ld_begin_agency(struct ld *ld, const struct frame *f, const struct attrs *at)
{
	struct mn_meeting *mt = &ld->m->meeting;
	mt->agency_line = f->line;
	if (at->v[A_PARENT]) {
		ld->tmp.len = 0;
		sbuf_add(&ld->tmp, at->v[A_PARENT], strlen(at->v[A_PARENT]));
		ld->tmp.len = text_collapse_space(ld->tmp.s, ld->tmp.len);
		mt->agency_parent = ld_nfc_str(ld, ld->tmp.s, ld->tmp.len);
	}
	ld_text_begin(ld);
}

void
ld_begin_attendees(struct ld *ld, const struct frame *f, const struct attrs *at)
{
	ld->attendees_pos.line = f->line;
	ld->attendees_pos.col = f->col;
	ld->m->expected = read_count(ld, f, at, A_EXPECTED);
	ld->m->present = read_count(ld, f, at, A_PRESENT);
	if (at->v[A_PRESENT])
		ld_attr_pos(ld, f, "present", &ld->present_pos.line,
			 &ld->present_pos.col);
	if (at->v[A_EXPECTED])
		ld_attr_pos(ld, f, "expected", &ld->expected_pos.line,
			 &ld->expected_pos.col);
}

void
ld_end_attendees(struct ld *ld)
{
	struct minutes *m = ld->m;
	const struct v2_pos *p = &ld->present_pos, *e = &ld->expected_pos;
	if (m->present == MN_NONE) {
		if (m->expected != MN_NONE && ld->listed_present > m->expected)
			ld_problem(ld, e->line, e->col, "the %u persons listed as "
				"present are more than expected=\"%u\"",
				ld->listed_present, m->expected);
		return;
	}
	if (m->expected != MN_NONE && m->present > m->expected)
		ld_problem(ld, p->line, p->col, "present=\"%u\" is more than "
			"expected=\"%u\"", m->present, m->expected);
	if (m->present < ld->listed_present)
		ld_problem(ld, p->line, p->col, "present=\"%u\" is fewer than "
			"the %u persons listed as present", m->present,
			ld->listed_present);
}

void
ld_read_presence(struct ld *ld, const struct frame *f, struct mn_person *p,
	      const char *v)
{
	static const char *const names[] = { "present", "excused", "absent" };
	uint32_t line, col;
	const char *s = ld_token_tmp(ld, v);
	for (int i = 0; i < 3; i++)
		if (strcmp(s, names[i]) == 0) {
			p->presence = (enum mn_presence)i;
			return;
		}
	ld_attr_pos(ld, f, "presence", &line, &col);
	ld_problem(ld, line, col, "bad presence \"%s\" (expected present, "
		"excused or absent)", s);
}

void
ld_end_reason(struct ld *ld, const struct frame *f)
{
	struct mn_person *p = &ld->persons[ld->npersons - 1];
	p->reason = ld_text_end(ld, f);
	if (p->presence == MN_PRESENT)
		ld_problem(ld, f->line, f->col, "<reason> for a person who is "
			"present (give presence=\"excused\" or \"absent\")");
}

void
ld_begin_vote(struct ld *ld, struct frame *f, const struct attrs *at)
{
	uint32_t line, col;
	ld->items = grow(ld->items, ld->nitems, &ld->cap_items,
			 sizeof(*ld->items));
	struct mn_item *it = &ld->items[ld->nitems];
	memset(it, 0, sizeof(*it));
	it->line = f->line;
	it->text = "";
	it->id = ld_read_id(ld, f, at, REF(REF_ITEM, ld->nitems));
	if (!it->id)
		it->id = "";
	struct mn_vote *v = ld_pool_alloc(ld, sizeof(*v), 8);
	memset(v, 0, sizeof(*v));
	v->line = f->line;
	v->col = f->col;
	v->method = v->rule_name = "";
	v->nfor = v->against = v->abstain = v->invalid = MN_NONE;
	if (at->v[A_METHOD])
		v->method = ld_token_str(ld, at->v[A_METHOD]);
	if (at->v[A_RULE]) {
		v->rule_name = ld_token_str(ld, at->v[A_RULE]);
		int r = 0;
		while (r < 4 && strcmp(v->rule_name, mn_rule_name(r)) != 0)
			r++;
		if (r < 4) {
			v->rule = (enum mn_rule)r;
		} else {
			ld_attr_pos(ld, f, "rule", &line, &col);
			ld_problem(ld, line, col, "bad rule \"%s\" (expected "
				"majority-present, majority-expected, "
				"two-thirds-present or two-thirds-expected)",
				v->rule_name);
		}
	}
	it->vote = v;
	ld->votes = grow(ld->votes, ld->nvotes, &ld->cap_votes,
			 sizeof(*ld->votes));
	ld->votes[ld->nvotes++] = ld->nitems;
	ld->nitems++;
}

static struct mn_vote *
cur_vote(struct ld *ld)
{
	return (struct mn_vote *)ld->items[ld->nitems - 1].vote;
}

void
ld_end_motion(struct ld *ld, const struct frame *f)
{
	struct mn_item *it = &ld->items[ld->nitems - 1];
	const char *t = ld_text_end(ld, f);
	if (!ld->no_text) {
		it->text = t;
		it->len = (uint32_t)strlen(t);
	}
}

void
ld_begin_tally(struct ld *ld, const struct frame *f, const struct attrs *at)
{
	struct mn_vote *v = cur_vote(ld);
	v->has_tally = true;
	v->tally_line = f->line;
	v->tally_col = f->col;
	v->nfor = read_count(ld, f, at, A_FOR);
	v->against = read_count(ld, f, at, A_AGAINST);
	v->abstain = read_count(ld, f, at, A_ABSTAIN);
	v->invalid = read_count(ld, f, at, A_INVALID);
}

void
ld_end_result(struct ld *ld, const struct frame *f)
{
	struct mn_vote *v = cur_vote(ld);
	const char *s = ld_text_end(ld, f);
	v->result_line = f->line;
	v->result_col = f->col;
	if (strcmp(s, "adopted") == 0)
		v->result = MN_RESULT_ADOPTED;
	else if (strcmp(s, "rejected") == 0)
		v->result = MN_RESULT_REJECTED;
	else
		ld_problem(ld, f->line, f->col,
			"bad result \"%s\" (expected adopted or rejected)", s);
}

void
ld_begin_task(struct ld *ld, struct frame *f, const struct frame *parent,
	   const struct attrs *at)
{
	uint32_t line, col;
	if (parent->el == EL_ITEM)
		ld_item_inline(ld, f->line, f->col);
	ld_text_flush(ld);
	ld->tasks = grow(ld->tasks, ld->ntasks, &ld->cap_tasks,
			 sizeof(*ld->tasks));
	struct mn_task *t = &ld->tasks[ld->ntasks++];
	memset(t, 0, sizeof(*t));
	t->line = f->line;
	t->col = f->col;
	t->due = "";
	ld->mark = &t->start;
	if (at->v[A_ASSIGNEE]) {
		const char *v = ld_token_tmp(ld, at->v[A_ASSIGNEE]);
		uint32_t n = read_prefs(ld, f, v, A_ASSIGNEE, PREF_ASSIGNEE,
					false, NULL, 0);
		if (n == 0) {
			ld_attr_pos(ld, f, "assignee", &line, &col);
			ld_problem(ld, line, col, "attribute assignee names no one");
		} else {
			t->assignees = ld_pool_alloc(ld, n * sizeof(uint32_t),
						  sizeof(uint32_t));
			memset(t->assignees, 0xff, n * sizeof(uint32_t));
			t->nassignees = n;
			read_prefs(ld, f, v, A_ASSIGNEE, PREF_ASSIGNEE, true,
				   t->assignees, 0);
		}
	}
	if (at->v[A_DUE]) {
		t->due = ld_token_str(ld, at->v[A_DUE]);
		if (!ld_valid_date(t->due)) {
			ld_attr_pos(ld, f, "due", &line, &col);
			ld_problem(ld, line, col, "bad due date \"%s\": expected a "
				"real date as YYYY-MM-DD", t->due);
		}
	}
}

void
ld_end_task(struct ld *ld)
{
	struct mn_task *t = &ld->tasks[ld->ntasks - 1];
	ld_text_flush(ld);
	t->end = (uint32_t)ld->out.len;
	if (ld->mark)
		t->start = t->end;
	ld->mark = NULL;
}

void
ld_begin_signature(struct ld *ld, const struct frame *f, const struct attrs *at)
{
	uint32_t line, col;
	ld->sigs = grow(ld->sigs, ld->nsigs, &ld->cap_sigs, sizeof(*ld->sigs));
	struct mn_signature *g = &ld->sigs[ld->nsigs];
	memset(g, 0, sizeof(*g));
	g->line = f->line;
	g->person = MN_NONE;
	g->role = MN_SIGN_SECRETARY;
	bool bad_role = !at->v[A_ROLE];
	if (at->v[A_ROLE]) {
		const char *r = ld_token_tmp(ld, at->v[A_ROLE]);
		if (strcmp(r, "chair") == 0) {
			g->role = MN_SIGN_CHAIR;
		} else if (strcmp(r, "secretary") != 0) {
			bad_role = true;
			ld_attr_pos(ld, f, "role", &line, &col);
			ld_problem(ld, line, col, "bad signature role \"%s\" "
				"(expected secretary or chair)", r);
		}
	}
	if (at->v[A_REFUSED])
		g->refused = ld_token_str(ld, at->v[A_REFUSED]);
	if (at->v[A_REF]) {
		const char *v = ld_token_tmp(ld, at->v[A_REF]);
		if (read_prefs(ld, f, v, A_REF, PREF_SIGNATURE, false, NULL,
			       0) != 1) {
			ld_attr_pos(ld, f, "ref", &line, &col);
			ld_problem(ld, line, col, "attribute ref on <signature> "
				"must name one person");
		} else {
			read_prefs(ld, f, v, A_REF, PREF_SIGNATURE, true, NULL,
				   ld->nsigs);
			ld->prefs[ld->nprefs - 1].bad_role = bad_role;
		}
	}
	ld->nsigs++;
}

void
ld_end_recipient(struct ld *ld, const struct frame *f)
{
	ld->recips = grow(ld->recips, ld->nrecips, &ld->cap_recips,
			  sizeof(*ld->recips));
	ld->recips[ld->nrecips].line = f->line;
	ld->recips[ld->nrecips++].text = ld_text_end(ld, f);
}

void
ld_begin_date(struct ld *ld, const struct frame *f, const struct attrs *at)
{
	struct mn_meeting *mt = &ld->m->meeting;
	uint32_t line, col;
	ld->date_pos.line = f->line;
	ld->date_pos.col = f->col;
	mt->start = ld_read_time(ld, f, at->v[A_START], "start");
	mt->end = ld_read_time(ld, f, at->v[A_END], "end");
	/* v2: the closing time is after the opening (a v1 file reads as
	 * ever) */
	if (ld->version >= 2 && ld_valid_time(mt->start) && ld_valid_time(mt->end) &&
	    strcmp(mt->end, mt->start) <= 0) {
		ld_attr_pos(ld, f, "end", &line, &col);
		ld_problem(ld, line, col, "end time %s is not after start time %s",
			mt->end, mt->start);
	}
	ld_text_begin(ld);
}

static const char *
pref_word(enum pref_use use)
{
	switch (use) {
	case PREF_CHAIR: return N_("chair");
	case PREF_SECRETARY: return N_("secretary");
	case PREF_SIGNATURE: return N_("signature");
	default: return N_("assignee");
	}
}

/* A person's index for ID, or MN_NONE (said why at LINE:COL). */
static uint32_t
person_ref(struct ld *ld, const char *name, enum pref_use use,
	   uint32_t line, uint32_t col)
{
	uint32_t ref = ld_id_find(ld, name);
	if (ref != REF_NONE && REF_KIND(ref) == REF_PERSON)
		return REF_INDEX(ref);
	if (ref == REF_NONE)
		ld_problem(ld, line, col, "%s refers to unknown person \"%s\"",
			pref_word(use), name);
	else
		ld_problem(ld, line, col, "%s refers to \"%s\", which is not a "
			"person", pref_word(use), name);
	return MN_NONE;
}

static uint32_t *
officers(struct ld *ld, enum pref_use use, uint32_t *n)
{
	uint32_t k = 0;
	for (uint32_t i = 0; i < ld->nprefs; i++)
		k += ld->prefs[i].use == use;
	*n = 0;
	if (!k)
		return NULL;
	uint32_t *v = ld_pool_alloc(ld, k * sizeof(*v), sizeof(*v));
	for (uint32_t i = 0; i < ld->nprefs; i++) {
		const struct pref *r = &ld->prefs[i];
		if (r->use != use)
			continue;
		uint32_t p = person_ref(ld, ld->names.s + r->name, use, r->line,
					r->col);
		if (p == MN_NONE)
			continue;
		const struct mn_person *ps = &ld->persons[p];
		const struct v2_pos *at = use == PREF_CHAIR ?
			&ld->chair_pos[r->index] : &ld->sec_pos[r->index];
		if (ps->presence != MN_PRESENT)
			ld_problem(ld, at->line, at->col, "the %s, \"%s\", is "
				"marked %s: the %s must be present", _(pref_word(use)),
				ps->id, _(mn_presence_name(ps->presence)),
				_(pref_word(use)));
		v[(*n)++] = p;
	}
	return v;
}

static bool
among(const uint32_t *v, uint32_t n, uint32_t p)
{
	for (uint32_t i = 0; i < n; i++)
		if (v[i] == p)
			return true;
	return false;
}

static void
resolve_v2(struct ld *ld)
{
	struct mn_meeting *mt = &ld->m->meeting;
	mt->chairs = officers(ld, PREF_CHAIR, &mt->nchairs);
	mt->secretaries = officers(ld, PREF_SECRETARY, &mt->nsecretaries);
	for (uint32_t i = 0; i < ld->nprefs; i++) {
		const struct pref *r = &ld->prefs[i];
		const char *name = ld->names.s + r->name;
		if (r->use == PREF_ASSIGNEE) {
			*r->slot = person_ref(ld, name, r->use, r->line, r->col);
		} else if (r->use == PREF_SIGNATURE) {
			struct mn_signature *g = &ld->sigs[r->index];
			g->person = person_ref(ld, name, r->use, r->line, r->col);
			bool chair = g->role == MN_SIGN_CHAIR;
			if (g->person != MN_NONE && !r->bad_role &&
			    !(chair ? among(mt->chairs, mt->nchairs, g->person) :
			      among(mt->secretaries, mt->nsecretaries, g->person)))
				ld_problem(ld, r->line, r->col, "signature as %s by "
					"\"%s\", who is not %s of the meeting",
					chair ? _("chair") : _("secretary"), name,
					chair ? _("a chair") : _("a secretary"));
		}
	}
	/* tasks keep the assignees that are persons */
	for (uint32_t s = 0; s < ld->nitems; s++) {
		struct mn_item *it = &ld->items[s];
		for (uint32_t t = 0; t < it->ntasks; t++) {
			struct mn_task *k = &it->tasks[t];
			uint32_t n = 0;
			for (uint32_t a = 0; a < k->nassignees; a++)
				if (k->assignees[a] != MN_NONE)
					k->assignees[n++] = k->assignees[a];
			k->nassignees = n;
		}
	}
}

void
ld_finish_v2(struct ld *ld)
{
	struct minutes *m = ld->m;
	if (ld->version < 2)
		return;
	resolve_v2(ld);
	ld_check_votes(ld);
	ld_check_form(ld);
	m->signatures = ld_to_arena(ld, ld->sigs, ld->nsigs * sizeof(*ld->sigs));
	m->nsignatures = ld->nsigs;
	m->recipients = ld_to_arena(ld, ld->recips,
				 ld->nrecips * sizeof(*ld->recips));
	m->nrecipients = ld->nrecips;
}
