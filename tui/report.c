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

/* Writes TEXT wrapped to WIDTH (0: one line per paragraph), the first
 * line after FIRST, the others after an indent as wide as REST. */
static void
dump_wrapped(FILE *out, const char *first, const char *rest,
	     const char *text, int width)
{
	size_t len = strlen(text);
	int indent = text_width(rest, strlen(rest));
	int avail = width > 0 ? width - indent : 0;
	struct text_line *lines = NULL;
	size_t n;

	if (avail < 1)
		avail = width > 0 ? 1 : (int)(len ? len : 1) * 2 + 1;
	n = text_wrap(text, len, avail, &lines);
	for (size_t i = 0; i < n; i++) {
		char *safe = text_sanitize(text + lines[i].off, lines[i].len,
					   false);
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

static void
dump_header(FILE *out, const struct minutes *m, int width)
{
	const struct mn_meeting *mt = &m->meeting;
	char when[64];

	dump_wrapped(out, "", "", mt->title, width);
	if (*mt->start && *mt->end)
		snprintf(when, sizeof(when), "%s %s–%s", mt->date, mt->start,
			 mt->end);
	else if (*mt->start)
		snprintf(when, sizeof(when), "%s %s", mt->date, mt->start);
	else
		snprintf(when, sizeof(when), "%s", mt->date);
	dump_field(out, _("Date"), when, width);
	dump_field(out, _("Organizer"), mt->organizer, width);
	dump_field(out, _("Place"), mt->place, width);
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
	fprintf(out, "\n%s (%u)\n", _("Attendees"), m->npersons);
	for (uint32_t i = 0; i < m->npersons; i++) {
		const struct mn_person *p = &m->persons[i];
		char *line = *p->role ? xasprintf("%s — %s", p->name, p->role)
				      : xstrdup(p->name);
		dump_wrapped(out, "  ", "    ", line, width);
		free(line);
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
	char *line = wording_speakers(m, it);
	dump_wrapped(out, "     ", "       ", line, width);
	free(line);
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
			 s->kind_name, s->nitems, items, _("figures"),
			 wording_verdict_counts(v, counts, sizeof(counts)));
	else
		snprintf(summary, sizeof(summary), "(%s; %u %s)", s->kind_name,
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
}

void
report_problems(FILE *out, const struct minutes *m)
{
	for (uint32_t i = 0; i < m->nproblems; i++) {
		const struct mn_problem *p = &m->problems[i];
		char *path = text_sanitize(m->path, strlen(m->path), false);
		char *msg = text_sanitize(p->msg, strlen(p->msg), false);
		if (p->col)
			fprintf(out, "%s:%u:%u: %s: %s\n", path, p->line,
				p->col, _("error"), msg);
		else
			fprintf(out, "%s:%u: %s: %s\n", path, p->line,
				_("error"), msg);
		free(path);
		free(msg);
	}
}
