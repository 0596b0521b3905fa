/* review_report.c - the review report: the reviewers' notes on one
 * minutes file as a document (no curses).  Everything taken from files
 * is made safe before it is written. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nls.h"
#include "review_report.h"
#include "text.h"

static void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		mn_oom();
	return p;
}

/* S made safe for a terminal or a document (malloc'd). */
static char *
safe_str(const char *s)
{
	char *r = text_sanitize(s, strlen(s), false);
	if (!r)
		mn_oom();
	return r;
}

/* qsort, which must not be given a NULL base even for no elements */
static void
sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

/* "2026-11-28 10:15 UTC" */
static void
fmt_human_time(time_t t, char buf[32])
{
	struct tm tm;
	if (!gmtime_r(&t, &tm) || !strftime(buf, 32, "%Y-%m-%d %H:%M UTC", &tm))
		strcpy(buf, "?");
}

/* Each line of TEXT (made safe) after PREFIX; empty lines get
 * EMPTY_PREFIX. */
static void
put_lines(FILE *out, const char *prefix, const char *empty_prefix,
	  const char *text)
{
	char *safe = text_sanitize(text, strlen(text), true);
	if (!safe)
		return;
	char *line = safe;
	for (;;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		fprintf(out, "%s%s\n", *line ? prefix : empty_prefix, line);
		if (!nl)
			break;
		line = nl + 1;
	}
	free(safe);
}

static void
put_safe(FILE *out, const char *s)
{
	char *p = safe_str(s);
	fputs(p, out);
	free(p);
}

/* "- [ ] question — **lan**, 2026-11-28 10:15 UTC" and the text. */
static void
md_note(FILE *out, const struct note *n)
{
	char when[32];
	fmt_human_time(n->created, when);
	fprintf(out, "- [%c] %s — **", n->status == NOTES_OPEN ? ' ' : 'x',
		notes_kind_label(n->kind));
	put_safe(out, n->author);
	fprintf(out, "**, %s", when);
	if (n->status == NOTES_RESOLVED && strcmp(n->status_by, n->author)) {
		fprintf(out, " (%s ", _("resolved by"));
		put_safe(out, n->status_by);
		fputs(")", out);
	}
	fputs("\n", out);
	if (n->anchor != NOTES_ANCHORED) {
		fprintf(out, "  *%s*\n\n",
			n->anchor == NOTES_CHANGED
				? _("The text changed since this note; it read:")
				: _("The element's text then:"));
		put_lines(out, "  > ", "  >", n->quote);
		fputs("\n", out);
	}
	put_lines(out, "  ", "", n->text);
}

static void
md_notes(FILE *out, const struct notes_store *s, const char *id)
{
	const struct note *const *v;
	size_t n = notes_for_target(s, id, &v);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputs("\n", out);
		md_note(out, v[i]);
	}
}

static void
md_quote(FILE *out, const char *text)
{
	put_lines(out, "> ", ">", text);
	fputs("\n", out);
}

static bool
has_notes(const struct notes_store *s, const char *id)
{
	return notes_for_target(s, id, NULL) > 0;
}

static int
cmp_coll(const void *a, const void *b)
{
	return text_collate(*(const char *const *)a, *(const char *const *)b);
}

static void
md_header(FILE *out, const struct minutes *m, const struct notes_store *s)
{
	size_t open = 0, n = notes_count(s), nrev = 0;
	const char **rev = xmalloc((n + 1) * sizeof(*rev));
	for (size_t i = 0; i < n; i++) {
		const struct note *nt = notes_get(s, i);
		open += nt->status == NOTES_OPEN;
		bool seen = false;
		for (size_t j = 0; j < nrev && !seen; j++)
			seen = strcmp(rev[j], nt->author) == 0;
		if (!seen)
			rev[nrev++] = nt->author;
	}
	sort(rev, nrev, sizeof(*rev), cmp_coll);
	fprintf(out, "# %s ", _("Review notes:"));
	put_safe(out, m->meeting.title);
	fprintf(out, "\n\n- %s: ", _("Minutes"));
	put_safe(out, m->id);
	fputs(", ", out);
	put_safe(out, m->meeting.date);
	fprintf(out, " (%s)\n", _(mn_status_name(m->meeting.status)));
	fprintf(out, "- %s: %zu (%zu %s, %zu %s)\n", _("Notes"), n, open,
		_("open"), n - open, _("resolved"));
	if (nrev) {
		fprintf(out, "- %s: ", _("Reviewers"));
		for (size_t i = 0; i < nrev; i++) {
			if (i)
				fputs(", ", out);
			put_safe(out, rev[i]);
		}
		fputs("\n", out);
	}
	free(rev);
}

void
review_report_markdown(FILE *out, const struct minutes *m,
		       const struct notes_store *s)
{
	md_header(out, m, s);
	if (m->id && has_notes(s, m->id)) {
		fprintf(out, "\n## %s\n\n", _("Meeting"));
		md_quote(out, m->meeting.title);
		md_notes(out, s, m->id);
	}
	bool att = false;
	for (uint32_t i = 0; i < m->npersons; i++) {
		const struct mn_person *p = &m->persons[i];
		if (!has_notes(s, p->id))
			continue;
		if (!att)
			fprintf(out, "\n## %s\n", _("Attendees"));
		att = true;
		fputs("\n### ", out);
		put_safe(out, p->name);
		fputs("\n\n", out);
		char *t = notes_element_text(m, p->id);
		md_quote(out, t ? t : p->name);
		free(t);
		md_notes(out, s, p->id);
	}
	for (uint32_t i = 0; i < m->nsections; i++) {
		const struct mn_section *sc = &m->sections[i];
		bool any = has_notes(s, sc->id);
		for (uint32_t j = 0; j < sc->nitems && !any; j++)
			any = has_notes(s, sc->items[j].id);
		if (!any)
			continue;
		fputs("\n## ", out);
		put_safe(out, sc->heading);
		fputs("\n", out);
		if (has_notes(s, sc->id)) {
			fputs("\n", out);
			md_notes(out, s, sc->id);
		}
		for (uint32_t j = 0; j < sc->nitems; j++) {
			const struct mn_item *it = &sc->items[j];
			if (!has_notes(s, it->id))
				continue;
			fprintf(out, "\n### %s ", _("Item"));
			put_safe(out, it->id);
			fputs("\n\n", out);
			md_quote(out, it->text);
			md_notes(out, s, it->id);
		}
	}
	const struct note *const *orph;
	size_t no = notes_orphans(s, &orph);
	if (no) {
		fprintf(out, "\n## %s\n\n%s\n", _("Orphaned notes"),
			_("Their element is no longer in the minutes."));
		for (size_t i = 0; i < no; i++) {
			if (i == 0 || strcmp(orph[i]->target, orph[i - 1]->target)) {
				fputs("\n### ", out);
				put_safe(out, orph[i]->target);
				fputs("\n", out);
			}
			fputs("\n", out);
			md_note(out, orph[i]);
		}
	}
}

