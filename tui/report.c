/* report.c - the command-line modes' output: --dump, --check. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "nls.h"
#include "notes.h"
#include "report.h"
#include "text.h"
#include "wording.h"
#include "xalloc.h"

/* Columns left for text after a prefix of PREFIX_W columns. */
static int
dump_room(int width, int prefix_w, size_t len)
{
	if (width <= 0)
		return (int)(len ? len : 1) * 2 + 1;
	return width - prefix_w < 1 ? 1 : width - prefix_w;
}

/* Writes TEXT wrapped to WIDTH (0: one line per paragraph), the first
 * line after FIRST, the others after an indent as wide as REST.  Each
 * line counts its own prefix: a label wider than the indent
 * ("Organizer: ") leaves less room on the first line. */
static void
dump_wrapped(FILE *out, const char *first, const char *rest,
	     const char *text, int width)
{
	size_t len = strlen(text), from = 0;
	int first_w = text_width(first, strlen(first));
	int indent = text_width(rest, strlen(rest));
	struct text_line *lines = NULL;
	size_t n;

	if (width > 0 && first_w != indent) {
		/* the first line has a room of its own */
		n = text_wrap(text, len, dump_room(width, first_w, len), &lines);
		if (n > 0) {
			char *safe = text_sanitize(text + lines[0].off,
						   lines[0].len, false);
			fprintf(out, "%s%s\n", first, safe ? safe : "");
			free(safe);
		}
		from = n > 1 ? lines[1].off : len;
		free(lines);
		lines = NULL;
		if (n <= 1)
			return;
		first = rest;
	}
	n = text_wrap(text + from, len - from, dump_room(width, indent, len),
		      &lines);
	for (size_t i = 0; i < n; i++) {
		char *safe = text_sanitize(text + from + lines[i].off,
					   lines[i].len, false);
		fprintf(out, "%s%s\n", i == 0 ? first : rest,
			safe ? safe : "");
		free(safe);
	}
	free(lines);
}

static void
dump_field(FILE *out, const char *label, const char *value, int width)
{
	char first[128];
	if (!value || !*value)
		return;
	snprintf(first, sizeof(first), "%s: ", label);
	dump_wrapped(out, first, "  ", value, width);
}

/* "Name — role" of person P (malloc'd). */
static char *
person_line(const struct mn_person *p)
{
	return *p->role ? xasprintf("%s — %s", p->name, p->role)
			: xstrdup(p->name);
}

/* v2: each chair or secretary, by name and role. */
static void
dump_officers(FILE *out, const struct minutes *m, const char *label,
	      const uint32_t *who, uint32_t n, int width)
{
	for (uint32_t i = 0; i < n; i++) {
		char *line = person_line(&m->persons[who[i]]);
		dump_field(out, label, line, width);
		free(line);
	}
}

static void
dump_header(FILE *out, const struct minutes *m, int width)
{
	const struct mn_meeting *mt = &m->meeting;
	char when[64];

	dump_wrapped(out, "", "", mt->title, width);
	/* v2: who issues the minutes, and their number */
	dump_field(out, _("Agency"), mt->agency, width);
	dump_field(out, _("Parent body"), mt->agency_parent, width);
	dump_field(out, _("Number"), mt->number, width);
	/* the date the interface's way (16/01/2020 in Vietnamese), as on
	 * screen */
	char day[64];
	const char *date = strlen(mt->date) == 10
		? nls_date(mt->date, day, sizeof(day)) : mt->date;
	if (*mt->start && *mt->end)
		snprintf(when, sizeof(when), "%s %s–%s", date, mt->start,
			 mt->end);
	else if (*mt->start)
		snprintf(when, sizeof(when), "%s %s", date, mt->start);
	else
		snprintf(when, sizeof(when), "%s", date);
	dump_field(out, _("Date"), when, width);
	dump_field(out, _("Organizer"), mt->organizer, width);
	dump_field(out, _("Place"), mt->place, width);
	dump_officers(out, m, _("Chair"), mt->chairs, mt->nchairs, width);
	dump_officers(out, m, _("Secretary"), mt->secretaries,
		      mt->nsecretaries, width);
	dump_field(out, _("Status"), _(mn_status_name(mt->status)), width);
	dump_field(out, _("Source"), mt->source, width);
	dump_field(out, _("ID"), m->id, width);
}

static void
dump_notes(FILE *out, const struct notes_store *notes, const char *id,
	   int indent, int width)
{
	if (notes && id && *id)
		notes_dump_for(out, notes, id, indent, width);
}

static void
dump_attendees(FILE *out, const struct minutes *m, int width,
	       const struct notes_store *notes)
{
	char *head;
	if (m->version >= 2 && m->expected != MN_NONE)
		head = xasprintf("%s (%u; %s %u, %s %u)", _("Attendees"),
				 m->npersons, _("present"), minutes_present_count(m),
				 _("expected"), m->expected);
	else if (m->version >= 2)
		head = xasprintf("%s (%u; %s %u)", _("Attendees"),
				 m->npersons, _("present"), minutes_present_count(m));
	else
		head = xasprintf("%s (%u)", _("Attendees"), m->npersons);
	/* wrapped like the rest: "Attendees (9; present 8, expected 9)" is
	 * wider than a narrow --width */
	fputc('\n', out);
	dump_wrapped(out, "", "  ", head, width);
	free(head);
	for (uint32_t i = 0; i < m->npersons; i++) {
		const struct mn_person *p = &m->persons[i];
		char *line = person_line(p);
		dump_wrapped(out, "  ", "    ", line, width);
		free(line);
		if (p->presence != MN_PRESENT) {
			/* v2: not there, and why */
			char first[128];
			snprintf(first, sizeof(first), "    %s%s",
				 p->presence == MN_EXCUSED ? _("excused")
							   : _("absent"),
				 *p->reason ? ": " : "");
			dump_wrapped(out, first, "      ", p->reason, width);
		}
		dump_notes(out, notes, p->id, 4, width);
	}
}

static void
dump_figures(FILE *out, const struct mn_item *it, int width)
{
	for (uint32_t i = 0; i < it->nfigures; i++) {
		const struct mn_figure *f = &it->figures[i];
		char *target = wording_figure(f), *line;
		if (f->actual) {
			char *actual = wording_number(f->actual);
			line = xasprintf("%s: %s, %s %s (%s)", _("Target"), target,
					 _("actual"), actual,
					 wording_verdict(mn_figure_verdict(f)));
			free(actual);
		} else {
			line = xasprintf("%s: %s (%s)", _("Target"), target,
					 wording_verdict(MN_UNKNOWN));
		}
		free(target);
		dump_wrapped(out, "     ", "       ", line, width);
		free(line);
	}
}

static void
dump_speakers(FILE *out, const struct minutes *m, const struct mn_item *it,
	      int width)
{
	char *line = wording_speakers(m, it, 0);
	dump_wrapped(out, "     ", "       ", line, width);
	free(line);
}

/* v2: after the motion, "Vote (method): 7 for, 0 against, 1 abstain;
 * 8 cast of 8 present", the rule and what it needs, the result. */
static void
dump_vote(FILE *out, const struct minutes *m, const struct mn_vote *v,
	  int width)
{
	char line[512];
	uint32_t base, need = mn_vote_needed(m, v, &base);
	bool expected = v->rule == MN_RULE_MAJORITY_EXPECTED ||
			v->rule == MN_RULE_TWO_THIRDS_EXPECTED;
	int n = snprintf(line, sizeof(line), "%s%s%s%s", _("Vote"),
			 *v->method ? " (" : "", v->method,
			 *v->method ? ")" : "");
	if (v->has_tally && n > 0 && (size_t)n < sizeof(line)) {
		n += snprintf(line + n, sizeof(line) - (size_t)n,
			      ": %u %s, %u %s, %u %s",
			      v->nfor == MN_NONE ? 0 : v->nfor, _("for"),
			      v->against == MN_NONE ? 0 : v->against,
			      _("against"),
			      v->abstain == MN_NONE ? 0 : v->abstain,
			      _("abstain"));
		if (v->invalid != MN_NONE && n > 0 && (size_t)n < sizeof(line))
			n += snprintf(line + n, sizeof(line) - (size_t)n,
				      ", %u %s", v->invalid, _("invalid"));
		if (need != MN_NONE && n > 0 && (size_t)n < sizeof(line))
			snprintf(line + n, sizeof(line) - (size_t)n,
				 "; %u %s %u %s", mn_vote_cast(v), _("cast of"),
				 base, expected ? _("expected") : _("present"));
	}
	dump_wrapped(out, "     ", "       ", line, width);
	n = snprintf(line, sizeof(line), "%s: %s", _("Rule"),
		     mn_rule_name(v->rule));
	if (need != MN_NONE && n > 0 && (size_t)n < sizeof(line))
		snprintf(line + n, sizeof(line) - (size_t)n, ", %u %s", need,
			 _("needed"));
	dump_wrapped(out, "     ", "       ", line, width);
	if (v->result != MN_RESULT_NONE) {
		snprintf(line, sizeof(line), "%s: %s", _("Result"),
			 v->result == MN_RESULT_ADOPTED ? _("adopted")
							: _("rejected"));
		dump_wrapped(out, "     ", "       ", line, width);
	}
}

/* v2: each task of an item: its text, who, by when. */
static void
dump_tasks(FILE *out, const struct minutes *m, const struct mn_item *it,
	   int width)
{
	for (uint32_t i = 0; i < it->ntasks; i++) {
		const struct mn_task *t = &it->tasks[i];
		size_t n = t->end - t->start + 64;
		for (uint32_t a = 0; a < t->nassignees; a++)
			n += strlen(m->persons[t->assignees[a]].name) + 2;
		/* the due date the interface's way, like the screen */
		char day[64];
		const char *due = strlen(t->due) == 10
			? nls_date(t->due, day, sizeof(day)) : t->due;
		/* the labels are translated: counted, not guessed */
		char *line = xmalloc(n + strlen(due) + strlen(_("Task")) +
				     strlen(_("due")) + 64);
		size_t k = (size_t)sprintf(line, "%s: ", _("Task"));
		if (t->end <= it->len && t->start < t->end) {
			memcpy(line + k, it->text + t->start, t->end - t->start);
			k += t->end - t->start;
		}
		k += (size_t)sprintf(line + k, " —");
		for (uint32_t a = 0; a < t->nassignees; a++)
			k += (size_t)sprintf(line + k, "%s %s", a ? "," : "",
					     m->persons[t->assignees[a]].name);
		if (*due)
			sprintf(line + k, "; %s %s", _("due"), due);
		dump_wrapped(out, "     ", "       ", line, width);
		free(line);
	}
}

/* v2: the signatures and the recipients, after the sections. */
static void
dump_closing(FILE *out, const struct minutes *m, int width)
{
	if (m->nsignatures)
		fprintf(out, "\n%s\n", _("Signatures"));
	for (uint32_t i = 0; i < m->nsignatures; i++) {
		const struct mn_signature *g = &m->signatures[i];
		const char *who = g->person != MN_NONE ?
				  m->persons[g->person].name : "?";
		char first[128];
		snprintf(first, sizeof(first), "  %s: ",
			 g->role == MN_SIGN_CHAIR ? _("Chair") : _("Secretary"));
		if (!g->refused) {
			dump_wrapped(out, first, "    ", who, width);
			continue;
		}
		char *line = xasprintf("%s (%s%s%s)", who, _("refused to sign"),
				       *g->refused ? ": " : "", g->refused);
		dump_wrapped(out, first, "    ", line, width);
		free(line);
	}
	if (m->nrecipients)
		fprintf(out, "\n%s\n", _("Recipients"));
	for (uint32_t i = 0; i < m->nrecipients; i++)
		dump_wrapped(out, "  - ", "    ", m->recipients[i].text, width);
}

static void
dump_section(FILE *out, const struct minutes *m, const struct mn_section *s,
	     int width, const struct notes_store *notes)
{
	char head[128];
	unsigned v[3];

	wording_section_verdicts(s, v);
	snprintf(head, sizeof(head), "\n[%s] ", mn_kind_symbol(s->kind));
	dump_wrapped(out, head, "    ", s->heading, width);
	const char *items = ngettext("item", "items", s->nitems);
	char summary[256], counts[160];
	if (v[MN_MET] + v[MN_MISSED] + v[MN_UNKNOWN])
		snprintf(summary, sizeof(summary), "(%s; %u %s; %s: %s)",
			 mn_kind_label(s->kind, s->kind_name), s->nitems, items,
			 _("figures"),
			 wording_verdict_counts(v, counts, sizeof(counts)));
	else
		snprintf(summary, sizeof(summary), "(%s; %u %s)",
			 mn_kind_label(s->kind, s->kind_name),
			 s->nitems, items);
	dump_wrapped(out, "    ", "    ", summary, width);
	dump_notes(out, notes, s->id, 4, width);
	for (uint32_t i = 0; i < s->nitems; i++) {
		const struct mn_item *it = &s->items[i];
		char num[32];
		const char *p = it->text, *nl;
		int first = 1;
		snprintf(num, sizeof(num), "%3u. ", i + 1);
		/* one wrapped block per paragraph */
		do {
			nl = strchr(p, '\n');
			size_t plen = nl ? (size_t)(nl - p) : strlen(p);
			char *para = xstrndup(p, plen);
			dump_wrapped(out, first ? num : "     ", "     ", para,
				     width);
			free(para);
			first = 0;
			p = nl ? nl + 1 : NULL;
		} while (p);
		if (it->nby)
			dump_speakers(out, m, it, width);
		dump_figures(out, it, width);
		dump_tasks(out, m, it, width);
		if (it->vote)
			dump_vote(out, m, it->vote, width);
		dump_notes(out, notes, it->id, 5, width);
	}
}

void
report_dump(FILE *out, const struct minutes *m, int width,
	    const struct notes_store *notes)
{
	dump_header(out, m, width);
	dump_notes(out, notes, m->id, 2, width);
	dump_attendees(out, m, width, notes);
	for (uint32_t s = 0; s < m->nsections; s++)
		dump_section(out, m, &m->sections[s], width, notes);
	dump_closing(out, m, width);
}

void
report_problems(FILE *out, const struct minutes *m)
{
	for (uint32_t i = 0; i < m->nproblems; i++) {
		const struct mn_problem *p = &m->problems[i];
		char *path = text_sanitize(m->path, strlen(m->path), false);
		char *msg = text_sanitize(p->msg, strlen(p->msg), false);
		const char *sev = p->severity == MN_SEV_WARNING ? _("warning")
							       : _("error");
		if (p->col)
			fprintf(out, "%s:%u:%u: %s: %s\n", path, p->line,
				p->col, sev, msg);
		else
			fprintf(out, "%s:%u: %s: %s\n", path, p->line, sev,
				msg);
		free(path);
		free(msg);
	}
}
