/* loader_check.c - what a valid file is: the elements' and attributes'
 * rules from format.def (children, order, versions, required), an
 * element checked where it stands, required children, dates, times and
 * decimals; and the checks made at the end: votes against their rule
 * (version 2) and NĐ 30/2020's form for final and approved minutes
 * (warnings). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nls.h"
#include "decimal.h"
#include "loader_state.h"
#include "loader_check.h"
#include "loader_ids.h"

const struct el_rule el_rules[EL_DOC + 1] = {
#define ELEMENT(e, name, since, flags, order, children, required) \
	[EL_##e] = { name, since, flags, order, children, required },
#include "format.def"
	[EL_DOC] = { "", 1, 0, 0, C(MINUTES), 0 },
};

const char *const attr_names[A_COUNT] = {
#define ATTRIBUTE(a, name) [A_##a] = name,
#include "format.def"
};

void
ld_attr_rules_init(struct attr_rules *r)
{
	memset(r, 0, sizeof(*r));
#define ATTR(e, a, since, use) \
	r->allowed[EL_##e] |= AB(A_##a); \
	r->required[EL_##e] |= (use) == REQUIRED ? AB(A_##a) : 0; \
	r->v2[EL_##e] |= (since) >= 2 ? AB(A_##a) : 0;
#include "format.def"
}

bool
ld_valid_date(const char *s)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
				    30, 31 };
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return false;
	if (s[10])
		return false;
	int y = atoi(s), mo = atoi(s + 5), d = atoi(s + 8);
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (y < 1 || mo < 1 || mo > 12 || d < 1)
		return false;
	return d <= days[mo - 1] + (mo == 2 && leap);
}

bool
ld_valid_time(const char *s)
{
	if (strlen(s) != 5 || s[2] != ':')
		return false;
	for (int i = 0; i < 5; i++)
		if (i != 2 && (s[i] < '0' || s[i] > '9'))
			return false;
	return atoi(s) < 24 && atoi(s + 3) < 60;
}

/* xsd:decimal (decimal.h), its double read without the locale. */
bool
ld_parse_decimal(const char *s, double *out)
{
	if (!decimal_valid(s, strlen(s)))
		return false;
	*out = decimal_to_double(s);
	return true;
}

void
ld_check_required(struct ld *ld, const struct frame *f)
{
	uint64_t missing = el_rules[f->el].required & ~f->seen;
	for (int e = 0; missing && e < EL_COUNT; e++)
		if (missing & B(e)) {
			ld_problem(ld, f->line, f->col, "missing <%s> in <%s>",
				el_rules[e].name, el_rules[f->el].name);
			missing &= ~B(e);
		}
}

/* "<a>", "<a> and <b>", "<a>, <b> and <c>": the elements of MASK. */
static void
names_list(uint64_t mask, char *buf, size_t size)
{
	size_t n = 0;
	buf[0] = '\0';
	for (int e = 0; e < EL_COUNT && n < size; e++) {
		if (!(mask & B(e)))
			continue;
		mask &= ~B(e);
		n += (size_t)snprintf(buf + n, size - n, "%s<%s>",
				      n == 0 ? "" : mask ? ", " : _(" and "),
				      el_rules[e].name);
	}
}

/* The elements that must not come before each element (a higher ORDER
 * among the same siblings), of those the file's version knows. */
void
ld_after_init(struct ld *ld)
{
	for (int e = 0; e < EL_COUNT; e++) {
		ld->after[e] = 0;
		if (!el_rules[e].order)
			continue;
		for (int o = 0; o < EL_COUNT; o++)
			if (el_rules[o].order > el_rules[e].order &&
			    el_rules[o].since <= ld->version)
				ld->after[e] |= B(o);
	}
}

/* Is E welcome in PARENT here?  Says why not. */
bool
ld_el_allowed(struct ld *ld, struct frame *parent, struct frame *f,
	   const char *name, const xmlChar *uri)
{
	enum el e = f->el;
	const char *pn = el_rules[parent->el].name;
	if (parent->el == EL_DOC && e != EL_MINUTES && uri) {
		ld_problem(ld, f->line, f->col, "root element <%s> is in namespace "
			"%s; <minutes> has none", name, (const char *)uri);
		return false;
	}
	if (parent->el == EL_DOC && e != EL_MINUTES) {
		ld_problem(ld, f->line, f->col,
			"root element is <%s>, expected <minutes>", name);
		return false;
	}
	if (e == EL_UNKNOWN) {
		ld_problem(ld, f->line, f->col, "unknown element <%s>", name);
		return false;
	}
	if (!(el_rules[parent->el].children & B(e))) {
		ld_problem(ld, f->line, f->col, "<%s> not allowed in <%s>", name, pn);
		return false;
	}
	if (el_rules[e].since > ld->version) {
		ld_problem(ld, f->line, f->col,
			"<%s> needs version %u (this file is version %d)",
			name, el_rules[e].since, ld->version);
		return false;
	}
	if ((parent->seen & B(e)) && !EL_IS(e, F_MANY)) {
		ld_problem(ld, f->line, f->col, "duplicate <%s> in <%s>", name, pn);
		return false;
	}
	uint64_t later = ld->after[e] & el_rules[parent->el].children;
	if (parent->seen & later) {
		char list[256];
		names_list(later, list, sizeof(list));
		ld_problem(ld, f->line, f->col, "<%s> must come before %s", name,
			list);
	}
	return true;
}

void
ld_check_votes(struct ld *ld)
{
	struct minutes *m = ld->m;
	for (uint32_t i = 0; i < ld->nvotes; i++) {
		const struct mn_item *it = &ld->items[ld->votes[i]];
		const struct mn_vote *v = it->vote;
		uint32_t base, cast = mn_vote_cast(v);
		uint32_t present = minutes_present_count(m);
		if (!v->has_tally)
			continue;
		if (cast > present)
			ld_problem(ld, v->tally_line, v->tally_col, "%u votes cast, "
				"but only %u present", cast, present);
		uint32_t need = mn_vote_needed(m, v, &base);
		bool on_expected = v->rule == MN_RULE_MAJORITY_EXPECTED ||
				   v->rule == MN_RULE_TWO_THIRDS_EXPECTED;
		if (need == MN_NONE) {
			ld_problem(ld, v->line, v->col, "rule %s needs "
				"<attendees expected=\"N\">",
				mn_rule_name(v->rule));
			continue;
		}
		if (v->result == MN_RESULT_NONE || v->nfor == MN_NONE)
			continue;
		bool pass = v->nfor >= need;
		if (pass == (v->result == MN_RESULT_ADOPTED))
			continue;
		bool thirds = v->rule == MN_RULE_TWO_THIRDS_PRESENT ||
			      v->rule == MN_RULE_TWO_THIRDS_EXPECTED;
		ld_problem(ld, v->result_line, v->result_col,
			"%s, but %u of %u %s voted for: %s needs %u",
			_(mn_result_name(v->result)), v->nfor, base,
			on_expected ? _("expected") : _("present"),
			thirds ? _("a two-thirds majority") : _("a majority"), need);
	}
}

static void
warning(struct ld *ld, uint32_t line, uint32_t col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
warning(struct ld *ld, uint32_t line, uint32_t col, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	if (ld->m->nproblems >= MAX_PROBLEMS) {
		ld->dropped++;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), gettext(fmt), ap);	/* make pot */
	va_end(ap);
	minutes_add_warning(ld->m, line, col, "%s", buf);
}

/* Số: digits (two at least), '/', "BB", '-', an upper-case notation
 * (letters, Đ, digits, hyphens), no spaces.  Returns NULL when well
 * formed, else what is wrong. */
static const char *
number_fault(const char *s)
{
	const char *p = s;
	while (*p >= '0' && *p <= '9')
		p++;
	size_t digits = (size_t)(p - s);
	if (!digits || *p != '/')
		return _("is not NN/BB-NOTATION (as 27/BB-UBND)");
	if (strncmp(p + 1, "BB-", 3) != 0) {
		const char *q = p + 1;
		while (*q && *q != '-' && *q != ' ')
			q++;
		if (*q == '-' && q > p + 1)
			return _("is not a biên bản's: the type after the slash "
			       "is BB (as 27/BB-UBND)");
		return _("is not NN/BB-NOTATION (as 27/BB-UBND)");
	}
	p += 4;
	if (!*p || *p == '-')
		return _("is not NN/BB-NOTATION (as 27/BB-UBND)");
	for (; *p; p++) {
		bool up = (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
			  *p == '-';
		if (!up && strncmp(p, "Đ", 2) == 0) {
			p++;
			continue;
		}
		if (!up)
			return _("is not NN/BB-NOTATION: the notation is upper "
			       "case, joined by hyphens, without spaces");
	}
	if (p[-1] == '-')
		return _("is not NN/BB-NOTATION (as 27/BB-UBND)");
	if (digits == 1)
		return _("takes a leading zero below 10 (as 05/BB-UBND)");
	return NULL;
}

/* NĐ 30/2020's form, for final and approved minutes. */
void
ld_check_form(struct ld *ld)
{
	struct minutes *m = ld->m;
	const struct mn_meeting *mt = &m->meeting;
	uint32_t line = mt->line, col = ld->meeting_col;
	if (mt->status == MN_STATUS_DRAFT)
		return;
	const char *st = _(mn_status_name(mt->status));
	if (!mt->number_line) {
		warning(ld, line, col, "%s minutes without a <number> "
			"(Số, as 27/BB-UBND)", st);
	} else {
		const char *fault = number_fault(mt->number);
		if (fault)
			warning(ld, ld->number_pos.line, ld->number_pos.col,
				"number \"%s\" %s", mt->number, fault);
	}
	if (!*mt->agency)
		warning(ld, line, col, "%s minutes without an <agency> (the "
			"body that issues them)", st);
	if (!ld->nchair_pos)
		warning(ld, line, col, "%s minutes without a <chair> (who "
			"chaired)", st);
	if (!ld->nsec_pos)
		warning(ld, line, col, "%s minutes without a <secretary> (who "
			"took the minutes)", st);
	if (!*mt->end && ld->date_pos.line)
		warning(ld, ld->date_pos.line, ld->date_pos.col, "%s minutes "
			"without an end time (<date end=\"HH:MM\">, when the "
			"meeting closed)", st);
	if (mt->status != MN_STATUS_APPROVED)
		return;
	bool chair = false, secretary = false;
	for (uint32_t i = 0; i < ld->nsigs; i++) {
		chair |= ld->sigs[i].role == MN_SIGN_CHAIR;
		secretary |= ld->sigs[i].role == MN_SIGN_SECRETARY;
	}
	uint32_t at = ld->signatures_line ? ld->signatures_line : ld->root_line;
	col = ld->signatures_line ? ld->signatures_col : ld->root_col;
	if (!secretary)
		warning(ld, at, col, "approved minutes without the secretary's "
			"<signature>");
	if (!chair)
		warning(ld, at, col, "approved minutes without the chair's "
			"<signature>");
}
