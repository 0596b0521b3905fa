/* loader_fx.h - what the loader's unit tests share: fixture paths,
 * loading from files and memory, and the checks of a load's outcome
 * (problems, fatal errors, titles, figures).  Included by test_loader.c
 * and test_loader_bytes.c only. */
#ifndef MINUTES_LOADER_FX_H
#define MINUTES_LOADER_FX_H

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "loader.h"
#include "tap.h"
#include "text.h"

#define FX_UNUSED __attribute__((unused))

FX_UNUSED static const char *srcdir;

FX_UNUSED static const char *
path_of(const char *rel)
{
	static char buf[4][4096];
	static int n;
	char *p = buf[n++ % 4];
	snprintf(p, sizeof(buf[0]), "%s/%s", srcdir, rel);
	return p;
}

FX_UNUSED static const char *
fixture(const char *name)
{
	char rel[512];
	snprintf(rel, sizeof(rel), "tests/fixtures/%s", name);
	return path_of(rel);
}

FX_UNUSED static bool
exists(const char *path)
{
	return access(path, R_OK) == 0;
}

/* "LINE:COL: msg" lines, one per problem. */
FX_UNUSED static char *
problems(const struct minutes *m)
{
	size_t size = 64, len = 0;
	char *s = malloc(size);
	s[0] = '\0';
	for (uint32_t i = 0; m && i < m->nproblems; i++) {
		const struct mn_problem *p = &m->problems[i];
		size_t need = strlen(p->msg) + 32;
		if (len + need >= size) {
			size = (len + need) * 2;
			s = realloc(s, size);
		}
		len += (size_t)snprintf(s + len, size - len, "%u:%u: %s\n",
					p->line, p->col, p->msg);
	}
	return s;
}

FX_UNUSED static void
check_problems(const char *name, const char *want)
{
	struct minutes *m;
	struct load_error err;
	char what[256];
	enum load_status st = loader_load_file(fixture(name), &m, &err);
	snprintf(what, sizeof(what), "%s: LOAD_INVALID", name);
	IS_INT(st, LOAD_INVALID, what);
	char *got = problems(m);
	snprintf(what, sizeof(what), "%s: problems", name);
	IS_STR(got, want, what);
	free(got);
	minutes_free(m);
	/* --check's load keeps no item text and finds the same problems */
	st = loader_load_file_flags(fixture(name), &m, &err, LOAD_NO_TEXT);
	got = problems(m);
	snprintf(what, sizeof(what), "%s: the same problems without texts", name);
	IS_STR(got, want, what);
	bool empty = true;
	for (uint32_t s = 0; m && s < m->nsections; s++)
		for (uint32_t i = 0; i < m->sections[s].nitems; i++)
			if (m->sections[s].items[i].len ||
			    *m->sections[s].items[i].text)
				empty = false;
			else
				for (uint32_t f = 0; f < m->sections[s].items[i].nfigures; f++)
					if (m->sections[s].items[i].figures[f].end)
						empty = false;
	snprintf(what, sizeof(what), "%s: LOAD_NO_TEXT keeps no item text", name);
	OK(st == LOAD_INVALID && empty, what);
	free(got);
	minutes_free(m);
}

/* "LINE:COL: msg" of a fatal error. */
FX_UNUSED static char *
fatal_of(enum load_status st, const struct load_error *err)
{
	static char buf[700];
	if (st != LOAD_FATAL)
		snprintf(buf, sizeof(buf), "(status %d)", st);
	else
		snprintf(buf, sizeof(buf), "%u:%u: %s", err->line, err->col,
			 err->msg);
	return buf;
}

FX_UNUSED static void
check_fatal_file(const char *path, const char *label, const char *want)
{
	struct minutes *m = (struct minutes *)1;
	struct load_error err;
	char what[256];
	enum load_status st = loader_load_file(path, &m, &err);
	snprintf(what, sizeof(what), "%s: fatal error", label);
	IS_STR(fatal_of(st, &err), want, what);
	snprintf(what, sizeof(what), "%s: no model", label);
	OK(m == NULL, what);
	minutes_free(st == LOAD_FATAL ? NULL : m);
}

FX_UNUSED static void
check_fatal(const char *name, const char *want)
{
	check_fatal_file(fixture(name), name, want);
}

FX_UNUSED static enum load_status
load_str(const char *xml, struct minutes **m, struct load_error *err)
{
	return loader_load_memory("mem.xml", xml, strlen(xml), m, err);
}

#define HEAD "<?xml version=\"1.0\"?>\n<minutes version=\"1\">\n" \
	"<meeting><title>T</title><date>2020-01-16</date></meeting>\n" \
	"<attendees><person id=\"p\"><name>N</name></person></attendees>\n"
#define TAIL "</minutes>\n"

/* Problems of a document built from HEAD, BODY and TAIL. */
FX_UNUSED static char *
problems_of(const char *body)
{
	struct minutes *m;
	struct load_error err;
	char *xml = malloc(strlen(HEAD) + strlen(body) + strlen(TAIL) + 1);
	sprintf(xml, "%s%s%s", HEAD, body, TAIL);
	enum load_status st = load_str(xml, &m, &err);
	free(xml);
	if (st == LOAD_FATAL) {
		char *s = malloc(800);
		snprintf(s, 800, "fatal: %s", fatal_of(st, &err));
		return s;
	}
	char *s = problems(m);
	minutes_free(m);
	return s;
}

FX_UNUSED static void
is_problems(const char *body, const char *want, const char *what)
{
	char *got = problems_of(body);
	IS_STR(got, want, what);
	free(got);
}

/* --- comparing two models ------------------------------------------------ */

FX_UNUSED static char diff_buf[1024];

FX_UNUSED static bool
same_str(const char *what, const char *a, const char *b)
{
	if ((!a && !b) || (a && b && strcmp(a, b) == 0))
		return true;
	snprintf(diff_buf, sizeof(diff_buf), "%s: \"%s\" vs \"%s\"", what,
		 a ? a : "(null)", b ? b : "(null)");
	return false;
}

FX_UNUSED static bool
same_num(const char *what, double a, double b)
{
	if (a == b)
		return true;
	snprintf(diff_buf, sizeof(diff_buf), "%s: %g vs %g", what, a, b);
	return false;
}

FX_UNUSED static bool
same_item(const struct mn_item *a, const struct mn_item *b)
{
	if (!same_str("item id", a->id, b->id) ||
	    !same_str("item text", a->text, b->text) ||
	    !same_num("item len", a->len, b->len) ||
	    !same_num("item nby", a->nby, b->nby) ||
	    !same_num("item nfigures", a->nfigures, b->nfigures))
		return false;
	for (uint32_t i = 0; i < a->nby; i++)
		if (!same_num("item by", a->by[i], b->by[i]))
			return false;
	for (uint32_t i = 0; i < a->nfigures; i++) {
		const struct mn_figure *x = &a->figures[i], *y = &b->figures[i];
		if (!same_num("figure op", x->op, y->op) ||
		    !same_num("figure value", x->value, y->value) ||
		    !same_str("figure unit", x->unit, y->unit) ||
		    !same_str("figure actual", x->actual, y->actual) ||
		    !same_num("figure start", x->start, y->start) ||
		    !same_num("figure end", x->end, y->end))
			return false;
	}
	return true;
}

/* Same content (lines left out: encodings may differ in layout). */
FX_UNUSED static const char *
model_diff(const struct minutes *a, const struct minutes *b)
{
	const struct mn_meeting *x = &a->meeting, *y = &b->meeting;
	if (!same_str("id", a->id, b->id) || !same_str("lang", a->lang, b->lang) ||
	    !same_num("version", a->version, b->version) ||
	    !same_str("title", x->title, y->title) ||
	    !same_str("organizer", x->organizer, y->organizer) ||
	    !same_str("date", x->date, y->date) ||
	    !same_str("start", x->start, y->start) ||
	    !same_str("end", x->end, y->end) ||
	    !same_str("place", x->place, y->place) ||
	    !same_str("source", x->source, y->source) ||
	    !same_num("status", x->status, y->status) ||
	    !same_num("npersons", a->npersons, b->npersons) ||
	    !same_num("nsections", a->nsections, b->nsections) ||
	    !same_num("nproblems", a->nproblems, b->nproblems))
		return diff_buf;
	for (uint32_t i = 0; i < a->npersons; i++) {
		const struct mn_person *p = &a->persons[i], *q = &b->persons[i];
		if (!same_str("person id", p->id, q->id) ||
		    !same_str("person name", p->name, q->name) ||
		    !same_str("person role", p->role, q->role))
			return diff_buf;
	}
	for (uint32_t s = 0; s < a->nsections; s++) {
		const struct mn_section *p = &a->sections[s], *q = &b->sections[s];
		if (!same_str("section id", p->id, q->id) ||
		    !same_str("kind", p->kind_name, q->kind_name) ||
		    !same_num("kind", p->kind, q->kind) ||
		    !same_str("heading", p->heading, q->heading) ||
		    !same_num("nitems", p->nitems, q->nitems))
			return diff_buf;
		for (uint32_t i = 0; i < p->nitems; i++)
			if (!same_item(&p->items[i], &q->items[i]))
				return diff_buf;
	}
	return NULL;
}

/* --- valid files ------------------------------------------------------------ */

FX_UNUSED static const struct mn_item *
item(const struct minutes *m, uint32_t s, uint32_t i)
{
	return &m->sections[s].items[i];
}

FX_UNUSED static void
figure_text_is(const struct mn_item *it, uint32_t f, const char *want,
	       const char *what)
{
	char buf[256];
	const struct mn_figure *fg = &it->figures[f];
	snprintf(buf, sizeof(buf), "%.*s", (int)(fg->end - fg->start),
		 it->text + fg->start);
	IS_STR(buf, want, what);
}

#endif
