/* report.c - the command-line modes' output: --dump, --check, paths. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "decimal.h"
#include "nls.h"
#include "notes.h"
#include "report.h"
#include "text.h"

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
		char *line;
		size_t n = strlen(p->name) + strlen(p->role) + 8;
		line = malloc(n);
		if (!line)
			return;
		if (*p->role)
			snprintf(line, n, "%s — %s", p->name, p->role);
		else
			snprintf(line, n, "%s", p->name);
		dump_wrapped(out, "  ", "    ", line, width);
		free(line);
		dump_notes(out, notes, p->id, 4, width);
	}
}

static const char *
verdict_name(enum mn_verdict v)
{
	switch (v) {
	case MN_MET: return _("met");
	case MN_MISSED: return _("missed");
	default: return _("unknown");
	}
}

/* A figure's number as written, with the interface's decimal mark; "?"
 * for a value that is not a number (its problem is listed).  malloc'd,
 * NULL when out of memory. */
static char *
figure_number(const char *s)
{
	return s ? decimal_format(s, NULL) : strdup("?");
}

/* "≥ 98 %" (malloc'd, NULL when out of memory) */
static char *
figure_target(const struct mn_figure *f)
{
	char *v = figure_number(f->value_str), *t;
	if (!v || asprintf(&t, "%s %s%s%s", mn_op_text(f->op), v,
			   *f->unit ? " " : "", f->unit) < 0)
		t = NULL;
	free(v);
	return t;
}

static void
dump_figures(FILE *out, const struct mn_item *it, int width)
{
	for (uint32_t i = 0; i < it->nfigures; i++) {
		const struct mn_figure *f = &it->figures[i];
		char *target = figure_target(f), *actual = NULL, *line;
		int r;
		if (f->actual)
			actual = figure_number(f->actual);
		if (!target || (f->actual && !actual))
			r = -1;
		else if (f->actual)
			r = asprintf(&line, "%s: %s, %s %s (%s)", _("Target"),
				     target, _("actual"), actual,
				     verdict_name(mn_figure_verdict(f)));
		else
			r = asprintf(&line, "%s: %s (%s)", _("Target"), target,
				     verdict_name(MN_UNKNOWN));
		free(target);
		free(actual);
		if (r < 0)
			mn_oom();
		dump_wrapped(out, "     ", "       ", line, width);
		free(line);
	}
}

static void
dump_speakers(FILE *out, const struct minutes *m, const struct mn_item *it,
	      int width)
{
	size_t n = 1;
	for (uint32_t i = 0; i < it->nby; i++)
		n += strlen(m->persons[it->by[i]].name) + 2;
	char *line = malloc(n + 8);
	if (!line)
		return;
	strcpy(line, "— ");
	for (uint32_t i = 0; i < it->nby; i++) {
		if (i)
			strcat(line, ", ");
		strcat(line, m->persons[it->by[i]].name);
	}
	dump_wrapped(out, "     ", "       ", line, width);
	free(line);
}

static void
dump_section(FILE *out, const struct minutes *m, const struct mn_section *s,
	     int width, const struct notes_store *notes)
{
	char head[128];
	unsigned met = 0, missed = 0, unknown = 0;

	for (uint32_t i = 0; i < s->nitems; i++)
		for (uint32_t f = 0; f < s->items[i].nfigures; f++)
			switch (mn_figure_verdict(&s->items[i].figures[f])) {
			case MN_MET: met++; break;
			case MN_MISSED: missed++; break;
			default: unknown++; break;
			}
	snprintf(head, sizeof(head), "\n[%s] ", mn_kind_symbol(s->kind));
	dump_wrapped(out, head, "    ", s->heading, width);
	const char *items = ngettext("item", "items", s->nitems);
	char summary[256];
	if (met + missed + unknown)
		snprintf(summary, sizeof(summary),
			 "(%s; %u %s; %s: %u %s, %u %s, %u %s)",
			 mn_kind_label(s->kind, s->kind_name),
			 s->nitems, items, _("figures"), met, _("met"), missed,
			 _("missed"), unknown, _("unknown"));
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
			char *para = strndup(p, plen);
			if (!para)
				return;
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

/* --- paths ------------------------------------------------------------ */

struct path_list {
	char **v;
	size_t n, cap;
};

static void
paths_push(struct path_list *l, char *p)
{
	if (!p)
		return;
	if (l->n + 2 > l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		char **v = realloc(l->v, cap * sizeof(*v));
		if (!v) {
			free(p);
			return;
		}
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = p;
	l->v[l->n] = NULL;
}

static int
path_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
has_xml_suffix(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

static void
print_path_error(const char *path, const char *what)
{
	char *safe = text_sanitize(path, strlen(path), false);
	fprintf(stderr, "%s: %s: %s\n", safe ? safe : "?", _("error"), what);
	free(safe);
}

/* Directories are walked without following links to directories, so a
 * link loop cannot make the walk endless; depth is capped all the same. */
static void
paths_walk(struct path_list *l, const char *dir, int depth, int *errors)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d) {
		print_path_error(dir, strerror(errno));
		(*errors)++;
		return;
	}
	while ((e = readdir(d))) {
		struct stat st;
		char *p;
		if (e->d_name[0] == '.')
			continue;
		size_t dl = strlen(dir);
		while (dl > 1 && dir[dl - 1] == '/')
			dl--;
		if (asprintf(&p, "%.*s/%s", (int)dl, dir, e->d_name) < 0)
			break;
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
			/* NAME.notes/ holds reviewers' notes, not minutes */
			size_t nl = strlen(e->d_name);
			bool notes = nl > 6 && strcmp(e->d_name + nl - 6, ".notes") == 0;
			if (depth < 32 && !notes)
				paths_walk(l, p, depth + 1, errors);
			free(p);
		} else if (has_xml_suffix(e->d_name)) {
			paths_push(l, p);
		} else {
			free(p);
		}
	}
	closedir(d);
}

char **
report_expand_paths(char *const *args, int nargs, int *errors)
{
	struct path_list l = { 0 };

	l.v = calloc(1, sizeof(*l.v));
	l.cap = 1;
	for (int i = 0; i < nargs; i++) {
		struct stat st;
		if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			size_t before = l.n;
			paths_walk(&l, args[i], 0, errors);
			if (l.n > before)
				qsort(l.v + before, l.n - before, sizeof(*l.v),
				      path_cmp);
		} else {
			/* the loader says what is wrong with it, if anything */
			paths_push(&l, strdup(args[i]));
		}
	}
	return l.v;
}

void
report_free_paths(char **paths)
{
	if (!paths)
		return;
	for (char **p = paths; *p; p++)
		free(*p);
	free(paths);
}
