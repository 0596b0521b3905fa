/* loader_sax.c - the SAX2 handlers that build the model: each start
 * tag checked where it stands and begun (meeting, persons, sections,
 * items with their `by` speakers and figures; version 2's parts in
 * loader_v2.c), each end finishing its element; text gathered. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>

#include "loader_state.h"
#include "loader_attrs.h"
#include "loader_check.h"
#include "loader_errors.h"
#include "loader_ids.h"
#include "loader_pos.h"
#include "loader_sax.h"
#include "loader_text.h"
#include "loader_v2.h"
#include "text.h"

/* Names come interned by libxml2: compare pointers first. */
static enum el
el_lookup(struct ld *ld, const xmlChar *name, const xmlChar *uri)
{
	if (uri)
		return EL_UNKNOWN;
	for (int e = 0; e < EL_COUNT; e++)
		if (name == ld->el_seen[e])
			return (enum el)e;
	for (int e = 0; e < EL_COUNT; e++)
		if (strcmp((const char *)name, el_rules[e].name) == 0) {
			ld->el_seen[e] = name;
			return (enum el)e;
		}
	return EL_UNKNOWN;
}

static void
begin_minutes(struct ld *ld, struct frame *f, const struct attrs *at)
{
	struct minutes *m = ld->m;
	uint32_t line, col;
	ld->root_line = f->line;
	ld->root_col = f->col;
	if (at->v[A_VERSION]) {
		const char *v = ld_token_str(ld, at->v[A_VERSION]);
		m->version = atoi(v);
		if (strcmp(v, "1") == 0 || strcmp(v, "2") == 0) {
			ld->version = m->version;
		} else {
			/* read by the newest rules: the fewest problems */
			ld->version = 2;
			ld_attr_pos(ld, f, "version", &line, &col);
			ld_problem(ld, line, col, "unsupported version \"%s\" "
				"(expected \"1\" or \"2\")", v);
		}
		ld_after_init(ld);
	}
	if (at->v[A_LANG])
		m->lang = ld_token_str(ld, at->v[A_LANG]);
	const char *id = ld_read_id(ld, f, at, REF(REF_MINUTES, 0));
	if (id)
		m->id = id;
}

static void
begin_person(struct ld *ld, struct frame *f, const struct attrs *at)
{
	ld->persons = grow(ld->persons, ld->npersons, &ld->cap_persons,
			   sizeof(*ld->persons));
	struct mn_person *p = &ld->persons[ld->npersons];
	memset(p, 0, sizeof(*p));
	p->line = f->line;
	p->id = p->name = p->role = p->reason = "";
	p->id = ld_read_id(ld, f, at, REF(REF_PERSON, ld->npersons));
	if (!p->id)
		p->id = "";
	if (at->v[A_PRESENCE])
		ld_read_presence(ld, f, p, at->v[A_PRESENCE]);
	ld->listed_present += p->presence == MN_PRESENT;
	ld->npersons++;
}

static enum mn_kind
kind_of(const char *k)
{
	if (strcmp(k, "achievements") == 0)
		return MN_KIND_ACHIEVEMENTS;
	if (strcmp(k, "limitations") == 0)
		return MN_KIND_LIMITATIONS;
	if (strcmp(k, "targets") == 0)
		return MN_KIND_TARGETS;
	if (strcmp(k, "conclusions") == 0)
		return MN_KIND_CONCLUSIONS;
	return MN_KIND_OTHER;
}

static void
begin_section(struct ld *ld, struct frame *f, const struct attrs *at)
{
	uint32_t line, col;
	ld->sections = grow(ld->sections, ld->nsections, &ld->cap_sections,
			    sizeof(*ld->sections));
	struct mn_section *s = &ld->sections[ld->nsections];
	memset(s, 0, sizeof(*s));
	s->line = f->line;
	s->heading = s->kind_name = "";
	s->kind = MN_KIND_OTHER;
	/* nitems holds the index of the first item until the end */
	s->nitems = ld->nitems;
	s->id = ld_read_id(ld, f, at, REF(REF_SECTION, ld->nsections));
	if (!s->id)
		s->id = "";
	if (at->v[A_KIND]) {
		s->kind_name = ld_token_str(ld, at->v[A_KIND]);
		s->kind = kind_of(s->kind_name);
		if (s->kind == MN_KIND_CONCLUSIONS && ld->version < 2)
			s->kind = MN_KIND_OTHER; /* a v1 file reads as ever */
		if (xmlValidateNCName((const xmlChar *)s->kind_name, 0) != 0) {
			ld_attr_pos(ld, f, "kind", &line, &col);
			ld_problem(ld, line, col, "bad kind \"%s\": not an XML name",
				s->kind_name);
		}
	}
	ld->nsections++;
}

static void
by_later(struct ld *ld, const char *name, size_t len, uint32_t slot,
	 uint32_t line, uint32_t col)
{
	ld->later = grow(ld->later, ld->nlater, &ld->cap_later,
			 sizeof(*ld->later));
	struct by_later *b = &ld->later[ld->nlater++];
	b->item = ld->nitems - 1;
	b->slot = slot;
	b->line = line;
	b->col = col;
	b->name = ld->names.len;
	sbuf_add(&ld->names, name, len);
	sbuf_add(&ld->names, "", 1);
}

/* The names of one `by`, each once: a set of the offsets (+ 1) in BY of
 * each name's first occurrence, open addressing; bit 31 marks a name
 * already reported as repeated (offsets stay below 2^28: the file
 * limit). */
struct by_set {
	const char *by;
	uint32_t *slot, mask;
	uint32_t small[64];
};

#define BY_REPORTED 0x80000000u

static uint32_t
by_hash(const char *p, size_t len)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)p[i]) * 16777619u;
	return h;
}

/* The slot of the name P (LEN bytes): its first occurrence, or the empty
 * slot where it goes. */
static uint32_t *
by_slot(struct by_set *set, const char *p, size_t len)
{
	uint32_t j = by_hash(p, len) & set->mask;
	for (;; j = (j + 1) & set->mask) {
		uint32_t v = set->slot[j] & ~BY_REPORTED;
		if (v == 0)
			return &set->slot[j];
		const char *q = set->by + v - 1;
		if (memcmp(q, p, len) == 0 &&
		    (q[len] == '\0' || is_space((unsigned char)q[len])))
			return &set->slot[j];
	}
}

/* Resolves what it can of `by` now; the rest after the parse.  A name
 * given twice is a problem and counts once: the list of speakers stays
 * as long as the attendees at most (2,000 mentions of one name made a
 * speakers line 2,000 names long). */
static void
read_by(struct ld *ld, const struct frame *f, struct mn_item *it,
	const char *v)
{
	uint32_t line = 0, col = 0, n = 0, all = 0;
	const char *by = ld_token_tmp(ld, v), *p;
	for (p = by; *p;) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (*p)
			all++;
		while (*p && !is_space((unsigned char)*p))
			p++;
	}
	if (all == 0) {
		ld_attr_pos(ld, f, "by", &line, &col);
		ld_problem(ld, line, col, "attribute by names no one");
		return;
	}
	struct by_set set = { .by = by };
	size_t cap = 64;
	while (cap < (size_t)all * 2)
		cap *= 2;
	set.slot = cap <= 64 ? set.small : mn_xrealloc(NULL, cap * sizeof(uint32_t));
	memset(set.slot, 0, cap * sizeof(uint32_t));
	set.mask = (uint32_t)cap - 1;
	for (p = by; *p;) {
		size_t len = 0;
		while (is_space((unsigned char)*p))
			p++;
		if (!*p)
			break;
		while (p[len] && !is_space((unsigned char)p[len]))
			len++;
		uint32_t *sl = by_slot(&set, p, len);
		if (*sl == 0) {
			*sl = (uint32_t)(p - by) + 1;
			n++;
		} else if (!(*sl & BY_REPORTED)) {
			*sl |= BY_REPORTED;
			if (ld_problems_full(ld)) {
				p += len;
				continue;
			}
			if (!line)
				ld_attr_pos(ld, f, "by", &line, &col);
			size_t shown = len;
			if (shown > 200) /* a whole character less than 200 bytes */
				for (shown = 200; (p[shown] & 0xC0) == 0x80; shown--)
					;
			ld_problem(ld, line, col, "by names \"%.*s%s\" more than once",
				(int)shown, p, shown < len ? "…" : "");
		}
		p += len;
	}
	it->by = ld_pool_alloc(ld, n * sizeof(*it->by), sizeof(*it->by));
	memset(it->by, 0xff, n * sizeof(*it->by)); /* UINT32_MAX: no one yet */
	it->nby = n;
	n = 0;
	for (p = by; *p;) {
		char name[256];
		size_t len = 0;
		while (is_space((unsigned char)*p))
			p++;
		if (!*p)
			break;
		while (p[len] && !is_space((unsigned char)p[len]))
			len++;
		/* a repeated name: its first occurrence only */
		if ((*by_slot(&set, p, len) & ~BY_REPORTED) !=
		    (uint32_t)(p - by) + 1) {
			p += len;
			continue;
		}
		uint32_t ref = REF_NONE;
		if (len < sizeof(ld->by_name) && ld->by_name[len] == '\0' &&
		    memcmp(ld->by_name, p, len) == 0) {
			ref = REF(REF_PERSON, ld->by_index);
		} else if (len < sizeof(name)) {
			memcpy(name, p, len);
			name[len] = '\0';
			ref = ld_id_find(ld, name);
			if (ref != REF_NONE && REF_KIND(ref) == REF_PERSON &&
			    len < sizeof(ld->by_name)) {
				memcpy(ld->by_name, name, len + 1);
				ld->by_index = REF_INDEX(ref);
			}
		}
		if (ref != REF_NONE && REF_KIND(ref) == REF_PERSON) {
			it->by[n] = REF_INDEX(ref);
		} else {
			if (!line)
				ld_attr_pos(ld, f, "by", &line, &col);
			by_later(ld, p, len, n, line, col);
		}
		n++;
		p += len;
	}
	if (set.slot != set.small)
		free(set.slot);
}

static void
begin_item(struct ld *ld, struct frame *f, const struct attrs *at)
{
	ld->items = grow(ld->items, ld->nitems, &ld->cap_items,
			 sizeof(*ld->items));
	struct mn_item *it = &ld->items[ld->nitems];
	memset(it, 0, sizeof(*it));
	it->line = f->line;
	it->id = ld_read_id(ld, f, at, REF(REF_ITEM, ld->nitems));
	if (!it->id)
		it->id = "";
	ld->nitems++;
	if (at->v[A_BY])
		read_by(ld, f, it, at->v[A_BY]);
	ld_text_begin(ld);
	ld->nfigs = 0;
	ld->npara = 0;
	ld->has_p = ld->has_inline = ld->open_inline = ld->mixed = false;
	ld->mark = NULL;
	ld->ntasks = 0;
}

static void
begin_p(struct ld *ld, struct frame *f)
{
	if (ld->has_inline && !ld->mixed) {
		ld_problem(ld, f->line, f->col, "mixed text and <p> in <item>");
		ld->mixed = true;
	}
	ld->open_inline = false;
	ld->has_p = true;
	ld_para_begin(ld);
}

static void
begin_figure(struct ld *ld, struct frame *f, const struct frame *parent,
	     const struct attrs *at)
{
	uint32_t line, col;
	double v;
	if (parent->el == EL_ITEM)
		ld_item_inline(ld, f->line, f->col);
	ld_text_flush(ld);
	ld->figs = grow(ld->figs, ld->nfigs, &ld->cap_figs, sizeof(*ld->figs));
	struct mn_figure *fg = &ld->figs[ld->nfigs++];
	memset(fg, 0, sizeof(*fg));
	fg->line = f->line;
	fg->unit = "";
	ld->mark = &fg->start;
	if (at->v[A_OP]) {
		static const char *const ops[] = { "ge", "gt", "eq", "le", "lt" };
		const char *op = ld_token_tmp(ld, at->v[A_OP]);
		int i = 0;
		while (i < 5 && strcmp(op, ops[i]) != 0)
			i++;
		if (i < 5) {
			fg->op = (enum mn_op)i;
		} else {
			ld_attr_pos(ld, f, "op", &line, &col);
			ld_problem(ld, line, col, "bad figure: op \"%s\" "
				"(expected ge, gt, eq, le or lt)", op);
		}
	}
	if (at->v[A_VALUE]) {
		const char *s = ld_token_tmp(ld, at->v[A_VALUE]);
		if (ld_parse_decimal(s, &v)) {
			fg->value = v;
			fg->value_str = ld_token_str(ld, at->v[A_VALUE]);
		} else {
			ld_attr_pos(ld, f, "value", &line, &col);
			ld_problem(ld, line, col,
				"bad figure: value \"%s\" is not a number", s);
		}
	}
	if (at->v[A_ACTUAL]) {
		const char *s = ld_token_str(ld, at->v[A_ACTUAL]);
		if (ld_parse_decimal(s, &v)) {
			fg->actual = s;
		} else {
			ld_attr_pos(ld, f, "actual", &line, &col);
			ld_problem(ld, line, col,
				"bad figure: actual \"%s\" is not a number", s);
		}
	}
	if (at->v[A_UNIT]) {
		ld->tmp.len = 0;
		sbuf_add(&ld->tmp, at->v[A_UNIT], strlen(at->v[A_UNIT]));
		ld->tmp.len = text_collapse_space(ld->tmp.s, ld->tmp.len);
		fg->unit = ld_nfc_str(ld, ld->tmp.s, ld->tmp.len);
	}
}

static void
begin_el(struct ld *ld, struct frame *f, const struct frame *parent,
	 int nattrs, const xmlChar **attrs)
{
	struct attrs at;
	ld_attrs_read(ld, f, nattrs, attrs, &at);
	switch (f->el) {
	case EL_MINUTES: begin_minutes(ld, f, &at); break;
	case EL_DATE: ld_begin_date(ld, f, &at); break;
	case EL_MEETING:
		ld->m->meeting.line = f->line;
		ld->meeting_col = f->col;
		break;
	case EL_PERSON: begin_person(ld, f, &at); break;
	case EL_SECTION: begin_section(ld, f, &at); break;
	case EL_ITEM: begin_item(ld, f, &at); break;
	case EL_P: begin_p(ld, f); break;
	case EL_FIGURE: begin_figure(ld, f, parent, &at); break;
	case EL_AGENCY: ld_begin_agency(ld, f, &at); break;
	case EL_NUMBER:
		ld->number_pos.line = ld->m->meeting.number_line = f->line;
		ld->number_pos.col = f->col;
		ld_text_begin(ld);
		break;
	case EL_CHAIR: ld_begin_officer(ld, f, &at, PREF_CHAIR); break;
	case EL_SECRETARY: ld_begin_officer(ld, f, &at, PREF_SECRETARY); break;
	case EL_ATTENDEES: ld_begin_attendees(ld, f, &at); break;
	case EL_VOTE: ld_begin_vote(ld, f, &at); break;
	case EL_TALLY: ld_begin_tally(ld, f, &at); break;
	case EL_TASK: ld_begin_task(ld, f, parent, &at); break;
	case EL_SIGNATURES:
		ld->signatures_line = f->line;
		ld->signatures_col = f->col;
		break;
	case EL_SIGNATURE: ld_begin_signature(ld, f, &at); break;
	default:
		if (EL_IS(f->el, F_LEAF))
			ld_text_begin(ld);
		break;
	}
}

static void
end_date(struct ld *ld, const struct frame *f)
{
	const char *d = ld_text_end(ld, f);
	ld->m->meeting.date = d;
	if (!ld_valid_date(d))
		ld_problem(ld, f->line, f->col,
			"bad date \"%s\": expected a real date as YYYY-MM-DD", d);
}

static void
end_status(struct ld *ld, const struct frame *f)
{
	static const char *const names[] = { "draft", "final", "approved" };
	const char *s = ld_text_end(ld, f);
	for (int i = 0; i < 3; i++)
		if (strcmp(s, names[i]) == 0) {
			ld->m->meeting.status = (enum mn_status)i;
			return;
		}
	ld_problem(ld, f->line, f->col,
		"bad status \"%s\" (expected draft, final or approved)", s);
}

static void
end_item(struct ld *ld, const struct frame *f)
{
	struct mn_item *it = &ld->items[ld->nitems - 1];
	ld_text_flush(ld);
	ld_check_mojibake(ld, f, ld->out.s ? ld->out.s : "", ld->out.len);
	if (ld->no_text) {
		it->text = ""; /* checked above, not kept */
		it->len = 0;
	} else {
		it->text = ld_pool_strndup(ld, ld->out.s ? ld->out.s : "",
					ld->out.len);
		it->len = (uint32_t)ld->out.len;
	}
	if (ld->nfigs) {
		size_t size = ld->nfigs * sizeof(*it->figures);
		it->figures = ld_pool_alloc(ld, size, 8);
		memcpy(it->figures, ld->figs, size);
		it->nfigures = ld->nfigs;
		if (ld->no_text) /* no text for their places to point into */
			for (uint32_t i = 0; i < ld->nfigs; i++)
				it->figures[i].start = it->figures[i].end = 0;
	}
	if (ld->ntasks) {
		size_t size = ld->ntasks * sizeof(*it->tasks);
		it->tasks = ld_pool_alloc(ld, size, 8);
		memcpy(it->tasks, ld->tasks, size);
		it->ntasks = ld->ntasks;
		if (ld->no_text)
			for (uint32_t i = 0; i < ld->ntasks; i++)
				it->tasks[i].start = it->tasks[i].end = 0;
	}
}

static void
end_figure(struct ld *ld)
{
	struct mn_figure *fg = &ld->figs[ld->nfigs - 1];
	ld_text_flush(ld);
	fg->end = (uint32_t)ld->out.len;
	if (ld->mark) /* no word inside */
		fg->start = fg->end;
	ld->mark = NULL;
}

static void
end_el(struct ld *ld, const struct frame *f)
{
	struct minutes *m = ld->m;
	struct mn_meeting *mt = &m->meeting;
	switch (f->el) {
	case EL_TITLE: mt->title = ld_text_end(ld, f); break;
	case EL_ORGANIZER: mt->organizer = ld_text_end(ld, f); break;
	case EL_DATE: end_date(ld, f); break;
	case EL_PLACE: mt->place = ld_text_end(ld, f); break;
	case EL_STATUS: end_status(ld, f); break;
	case EL_SOURCE: mt->source = ld_text_end(ld, f); break;
	case EL_NAME: ld->persons[ld->npersons - 1].name = ld_text_end(ld, f); break;
	case EL_ROLE: ld->persons[ld->npersons - 1].role = ld_text_end(ld, f); break;
	case EL_HEADING:
		ld->sections[ld->nsections - 1].heading = ld_text_end(ld, f);
		break;
	case EL_SECTION: {
		struct mn_section *s = &ld->sections[ld->nsections - 1];
		s->nitems = ld->nitems - s->nitems;
		break;
	}
	case EL_ITEM: end_item(ld, f); break;
	case EL_AGENCY: mt->agency = ld_text_end(ld, f); break;
	case EL_NUMBER: mt->number = ld_text_end(ld, f); break;
	case EL_ATTENDEES: ld_end_attendees(ld); break;
	case EL_REASON: ld_end_reason(ld, f); break;
	case EL_MOTION: ld_end_motion(ld, f); break;
	case EL_RESULT: ld_end_result(ld, f); break;
	case EL_TASK: ld_end_task(ld); break;
	case EL_RECIPIENT: ld_end_recipient(ld, f); break;
	case EL_P:
		ld_text_flush(ld);
		break;
	case EL_FIGURE: end_figure(ld); break;
	default: break;
	}
	ld_check_required(ld, f);
}

/* Where the parser is: right after the last event. */
static void
mark_prev(struct ld *ld, int extra)
{
	xmlParserInputPtr in = ld->ctxt->input;
	ld->prev_line = in->line > 0 ? (uint32_t)in->line : 0;
	ld->prev_col = in->col > 0 ? (uint32_t)(in->col + extra) : 0;
}

static void
on_start(void *arg, const xmlChar *localname, const xmlChar *prefix,
	 const xmlChar *uri, int nns, const xmlChar **ns, int nattrs,
	 int ndefaulted, const xmlChar **attrs)
{
	struct ld *ld = arg;
	char buf[256];
	(void)nns;
	(void)ns;
	(void)ndefaulted;
	if (ld->fatal)
		return;
	struct frame *parent = &ld->frames[ld->nframes - 1];
	const char *name = ld_qname(prefix, localname, buf, sizeof(buf));
	ld_find_tag(ld);
	if (ld->nframes > LOADER_MAX_DEPTH) {
		ld_fatal(ld, ld->tag_line, ld->tag_col,
			  "elements nested deeper than %d levels",
			  LOADER_MAX_DEPTH);
		ld_stop(ld);
		return;
	}
	struct frame *f = &ld->frames[ld->nframes++];
	f->line = ld->tag_line;
	f->col = ld->tag_col;
	f->seen = 0;
	f->el = parent->el == EL_SKIP ? EL_SKIP : el_lookup(ld, localname, uri);
	if (f->el != EL_SKIP && !ld_el_allowed(ld, parent, f, name, uri))
		f->el = EL_SKIP;
	if (f->el != EL_SKIP) {
		parent->seen |= B(f->el);
		begin_el(ld, f, parent, nattrs, attrs);
	}
	mark_prev(ld, 1);
}

static void
on_end(void *arg, const xmlChar *localname, const xmlChar *prefix,
       const xmlChar *uri)
{
	struct ld *ld = arg;
	(void)localname;
	(void)prefix;
	(void)uri;
	if (ld->fatal || ld->nframes <= 1)
		return;
	struct frame *f = &ld->frames[--ld->nframes];
	if (f->el != EL_SKIP)
		end_el(ld, f);
	mark_prev(ld, 0);
}

static void
on_text(void *arg, const xmlChar *text, int n)
{
	struct ld *ld = arg;
	struct frame *f = &ld->frames[ld->nframes - 1];
	const char *s = (const char *)text;
	size_t len = n > 0 ? (size_t)n : 0;
	uint32_t line, col;
	if (ld->fatal || f->el == EL_SKIP || f->el == EL_DOC)
		goto done;
	if (!EL_IS(f->el, F_TEXT)) {
		if ((f->seen & SEEN_TEXT) || is_blank(s, len))
			goto done;
		ld_text_pos(ld, s, len, &line, &col);
		ld_problem(ld, line, col, "text not allowed in <%s>",
			el_rules[f->el].name);
		f->seen |= SEEN_TEXT;
		goto done;
	}
	if (f->el == EL_ITEM && !ld->open_inline) {
		if (is_blank(s, len))
			goto done;
		ld_text_pos(ld, s, len, &line, &col);
		ld_item_inline(ld, line, col);
	}
	sbuf_add(&ld->raw, s, len);
done:
	mark_prev(ld, 0);
}

static void
on_mark(void *arg, const xmlChar *a, const xmlChar *b)
{
	(void)a;
	(void)b;
	mark_prev(arg, 0);
}

static void
on_comment(void *arg, const xmlChar *text)
{
	(void)text;
	mark_prev(arg, 0);
}

static void
on_start_document(void *arg)
{
	mark_prev(arg, 0);
}

static void
on_doctype(void *arg, const xmlChar *name, const xmlChar *id,
	   const xmlChar *sys)
{
	struct ld *ld = arg;
	(void)name;
	(void)id;
	(void)sys;
	ld_fatal(ld, (uint32_t)xmlSAX2GetLineNumber(ld->ctxt), 0,
		  "DOCTYPE not allowed");
	ld_stop(ld);
}

static void
on_reference(void *arg, const xmlChar *name)
{
	struct ld *ld = arg;
	ld_fatal(ld, (uint32_t)xmlSAX2GetLineNumber(ld->ctxt), 0,
		  "entity reference &%s; not allowed", name);
	ld_stop(ld);
}

void
ld_sax_init(xmlSAXHandler *h)
{
	memset(h, 0, sizeof(*h));
	h->initialized = XML_SAX2_MAGIC;
	h->startDocument = on_start_document;
	h->startElementNs = on_start;
	h->endElementNs = on_end;
	h->characters = on_text;
	h->ignorableWhitespace = on_text;
	h->cdataBlock = on_text;
	h->comment = on_comment;
	h->processingInstruction = on_mark;
	h->internalSubset = on_doctype;
	h->externalSubset = on_doctype;
	h->reference = on_reference;
	h->warning = ld_silent;
	h->error = ld_silent;
	h->fatalError = ld_silent;
	h->serror = ld_on_xml_error;
}
