/* doc.c - the browser's documents (see doc.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "doc.h"
#include "entries.h"
#include "lines.h"
#include "meetings.h"
#include "nls.h"
#include "paths.h"
#include "spell.h"
#include "text.h"
#include "wording.h"
#include "xalloc.h"

static int
by_name_cmp(const void *a, const void *b, void *arg)
{
	const struct minutes *m = arg;
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	int c = text_name_collate(m->persons[x].name, m->persons[y].name);
	return c ? c : (x > y) - (x < y);
}

static void
doc_drop_index(struct doc *d)
{
	free(d->entries);
	free(d->by_name);
	free(d->verdicts);
	free(d->content);
	free(d->speaks_at);
	free(d->speaks);
	free(d->tasks);
	free(d->answered);
	d->answered = NULL;
	d->tasks = NULL;
	d->ntasks = d->tasks_overdue = 0;
	d->tasks_built = false;
	wrap_cache_free(d->wrap); /* it points into the minutes */
	d->wrap = NULL;
	d->entries = NULL;
	d->by_name = NULL;
	d->verdicts = NULL;
	d->content = NULL;
	d->speaks_at = NULL; /* rebuilt for these minutes on first use */
	d->speaks = NULL;
	d->nentries = 0;
}

static void
doc_index(struct doc *d)
{
	struct minutes *m = d->m;

	doc_drop_index(d);
	d->entries = xcalloc(entries_max(d), sizeof(*d->entries));
	d->content = xcalloc(entries_max(d), sizeof(*d->content));
	d->by_name = xmalloc(((size_t)m->npersons + 1) * sizeof(uint32_t));
	d->verdicts = xcalloc((size_t)m->nsections + 1, sizeof(*d->verdicts));
	entries_build(d);
	for (uint32_t i = 0; i < m->npersons; i++)
		d->by_name[i] = i;
	qsort_r(d->by_name, m->npersons, sizeof(uint32_t), by_name_cmp, m);
	for (uint32_t s = 0; s < m->nsections; s++)
		wording_section_verdicts(&m->sections[s], d->verdicts[s]);
}

/* --- the spelling check --------------------------------------------------- */

/* At most this many spelling warnings are kept for one file (like the
 * loader's problems), the rest counted in one more. */
#define DOC_SPELLING_MAX 1000

static void
doc_spelling_free(struct doc *d)
{
	for (uint32_t i = 0; i < d->nspelling; i++)
		free(d->spelling[i].msg);
	free(d->spelling);
	free(d->problem_order);
	d->spelling = NULL;
	d->problem_order = NULL;
	d->nspelling = 0;
}

struct spelling_acc {
	struct doc *d;
	size_t cap, more;
};

static void
doc_spelling_warn(void *arg, uint32_t line, uint32_t col, const char *msg)
{
	struct spelling_acc *a = arg;
	struct doc *d = a->d;

	if (d->nspelling >= DOC_SPELLING_MAX) {
		a->more++;
		return;
	}
	if (d->nspelling == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 16;
		d->spelling = xreallocarray(d->spelling, a->cap, sizeof(*d->spelling));
	}
	d->spelling[d->nspelling++] = (struct doc_spelling){ line, col, xstrdup(msg) };
}

/* The whole file at PATH (at most the loader's limit), or NULL. */
static char *
doc_read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, got;

	if (!f)
		return NULL;
	do {
		if (n + 65536 > cap) {
			cap = (n + 65536) * 2;
			buf = xrealloc(buf, cap);
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0 && n <= ((size_t)256 << 20));
	fclose(f);
	*len = n;
	return buf;
}

/* The spelling warnings of D's file (names from SP), and the problems
 * entry's merged order; after every load. */
static void
doc_spelling(struct doc *d, struct spell *sp)
{
	struct spelling_acc a = { d, 0, 0 };
	size_t len = 0;
	char *buf;

	doc_spelling_free(d);
	if (!d->m || !sp || !(buf = doc_read_all(d->path, &len)))
		return;
	spell_check(sp, buf, len, doc_spelling_warn, &a);
	free(buf);
	if (a.more) {
		char msg[160];
		size_t more = a.more + 1; /* the last one kept makes room */
		snprintf(msg, sizeof(msg),
			 ngettext("and %zu more spelling warning",
				  "and %zu more spelling warnings", more), more);
		d->nspelling--; /* room for the count, kept last */
		free(d->spelling[d->nspelling].msg);
		/* line 0, like the loader's count of problems not listed */
		d->spelling[d->nspelling++] = (struct doc_spelling){ 0, 0, xstrdup(msg) };
	}
	uint32_t np = d->m->nproblems, ns = d->nspelling, i = 0, j = 0, k = 0;
	d->problem_order = xcalloc((size_t)np + ns + 1, sizeof(uint32_t));
	while (i < np || j < ns) {
		const struct mn_problem *p = i < np ? &d->m->problems[i] : NULL;
		const struct doc_spelling *w = j < ns ? &d->spelling[j] : NULL;
		/* line 0 (a count of those not listed) goes last */
		uint32_t pl = p && p->line ? p->line : UINT32_MAX;
		uint32_t wl = w && w->line ? w->line : UINT32_MAX;
		if (p && (!w || pl < wl || (pl == wl && p->col <= w->col)))
			d->problem_order[k++] = i++;
		else
			d->problem_order[k++] = 0x80000000u | j++;
	}
	if (d->entries)
		entries_build(d); /* the problems entry may be new */
}

static void
doc_notes_notice(struct doc *d)
{
	struct notes_store *s = d->notes;
	char *safe = NULL;

	d->notice[0] = '\0';
	if (notes_problem_count(s)) {
		const char *p = notes_problem(s, 0);
		safe = text_sanitize(p, strlen(p), false);
		snprintf(d->notice, sizeof(d->notice), "%s%s",
			 notes_readonly(s) ? _("Notes are read-only until this is fixed: ")
					   : _("A notes file was skipped: "),
			 safe ? safe : "");
	} else if (notes_fallback(s)) {
		const char *dir = notes_dir(s);
		safe = text_sanitize(dir, strlen(dir), false);
		snprintf(d->notice, sizeof(d->notice),
			 _("The minutes' folder is not writable: notes are saved in %s"),
			 safe ? safe : "");
	}
	free(safe);
}

static void
doc_load(struct doc *d, const char *reviewer)
{
	struct load_error err;
	struct notes_error nerr;

	d->st = loader_load_file(d->path, &d->m, &err);
	if (d->st == LOAD_FATAL) {
		d->m = NULL;
		d->error_line = err.line;
		load_error_format(&err, d->error, sizeof(d->error));
		return;
	}
	d->notes = notes_open(d->path, d->m, reviewer, &nerr);
	if (d->notes)
		doc_notes_notice(d);
	doc_index(d);
}

static struct doc *
doc_open(const char *path, const char *reviewer)
{
	struct doc *d = xcalloc(1, sizeof(*d));
	d->path = xstrdup(path);
	d->title = text_sanitize(path, strlen(path), false);
	doc_load(d, reviewer);
	return d;
}

static void
doc_clear(struct doc *d)
{
	notes_close(d->notes);
	d->notes = NULL;
	minutes_free(d->m);
	d->m = NULL;
	doc_drop_index(d);
}

static void
doc_free(struct doc *d)
{
	if (!d)
		return;
	doc_clear(d);
	doc_spelling_free(d);
	free(d->path);
	free(d->title);
	free(d);
}

static void
doc_regroup(struct doc *d, bool by_kind)
{
	int n = d->nentries;
	struct entry *was = xmalloc((size_t)n * sizeof(*was));
	struct cursor *cur = xmalloc((size_t)n * sizeof(*cur));
	struct entry sel = d->entries[d->nav.cur];

	memcpy(was, d->entries, (size_t)n * sizeof(*was));
	memcpy(cur, d->content, (size_t)n * sizeof(*cur));

	d->by_kind = by_kind;
	entries_build(d);
	for (int i = 0; i < d->nentries; i++) {
		const struct entry *e = &d->entries[i];
		if (e->ops == sel.ops && e->arg == sel.arg)
			d->nav.cur = i;
		for (int j = 0; j < n; j++)
			if (was[j].ops == e->ops && was[j].arg == e->arg)
				d->content[i] = cur[j];
	}
	free(was);
	free(cur);
}

void
doc_group_by_kind(struct browser *b, bool by_kind)
{
	for (int i = 0; i < b->ndocs; i++)
		if (b->docs[i]->m && b->docs[i]->nentries)
			doc_regroup(b->docs[i], by_kind);
		else
			b->docs[i]->by_kind = by_kind;
}

void
doc_notes_changed(struct browser *b)
{
	b->notes_gen++;
	if (browser_in_doc(b))
		entries_build(b->doc);
}

/* M, loaded with status ST, becomes D's model: the notes re-anchored to
 * it, the positions kept where they still exist */
static void
doc_install(struct browser *b, struct doc *d, enum load_status st,
	    struct minutes *m)
{
	if (!d->m) {
		d->st = st;
		d->m = m;
		struct notes_error nerr;
		d->notes = notes_open(d->path, d->m, b->reviewer, &nerr);
		doc_index(d);
		spell_learn_file(b->spell, d->path);
		doc_spelling(d, b->spell);
		browser_message(b, false, "%s", _("Reloaded."));
		return;
	}
	struct minutes *old = d->m;
	struct cursor nav = d->nav, detail = d->detail;
	struct cursor *content = d->content;
	int n = d->nentries;
	d->content = NULL;
	d->st = st;
	d->m = m;
	if (d->notes) {
		struct notes_error nerr;
		notes_set_minutes(d->notes, m);
		notes_reload(d->notes, &nerr);
		doc_notes_notice(d);
	}
	doc_index(d);
	spell_learn_file(b->spell, d->path);
	doc_spelling(d, b->spell);
	minutes_free(old);
	d->nav = nav;
	for (int i = 0; i < n && i < d->nentries && content; i++)
		d->content[i] = content[i];
	d->detail = detail;
	free(content);
	if (d->nav.cur >= d->nentries)
		d->nav.cur = d->nentries - 1;
	browser_message(b, false, "%s", d->notice[0] ? d->notice : _("Reloaded."));
}

void
doc_reload(struct browser *b, struct doc *d)
{
	struct load_error err;
	struct minutes *m = NULL;

	b->notes_gen++;
	enum load_status st = loader_load_file(d->path, &m, &err);
	if (st == LOAD_FATAL) {
		doc_clear(d);
		doc_spelling_free(d);
		d->st = st;
		d->error_line = err.line;
		load_error_format(&err, d->error, sizeof(d->error));
		browser_message(b, true, "%s", _("The file could not be loaded."));
		return;
	}
	doc_install(b, d, st, m);
}

bool
doc_reload_keep(struct browser *b, struct doc *d, struct load_error *err)
{
	struct minutes *m = NULL;
	enum load_status st = loader_load_file(d->path, &m, err);

	if (st == LOAD_FATAL) {
		if (!d->m) { /* the error screen shows the new error */
			d->error_line = err->line;
			load_error_format(err, d->error, sizeof(d->error));
		}
		return false;
	}
	b->notes_gen++;
	doc_install(b, d, st, m);
	return true;
}

/* unloadable files last, then newest first, then by path */
static int
list_cmp(const void *a, const void *b, void *arg)
{
	struct doc *const *docs = arg;
	const struct doc *x = docs[*(const int *)a];
	const struct doc *y = docs[*(const int *)b];
	if (!x->m != !y->m)
		return x->m ? -1 : 1;
	if (x->m) {
		int c = strcmp(y->m->meeting.date, x->m->meeting.date);
		if (c)
			return c;
	}
	return strcmp(x->path, y->path);
}

int
browser_open(struct browser *b, char *const *args, int nargs,
	     const char *reviewer)
{
	static char *const here[] = { "." };
	int errors = 0;

	b->reviewer = reviewer;
	/* the order of protocol, as written (the chair and guests first);
	 * s sorts by given name */
	b->attendees_doc_order = true;
	browser_set_today(b, time(NULL));
	if (nargs == 0) {
		args = here;
		nargs = 1;
	}
	for (int i = 0; i < nargs; i++) {
		struct stat st;
		if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode))
			b->archive = true;
	}
	if (nargs > 1)
		b->archive = true;
	char **paths = paths_expand(args, nargs, &errors);
	for (char **p = paths; p && *p; p++)
		b->ndocs++;
	if (b->ndocs == 0) {
		fprintf(stderr, "minutes: %s\n", _("no minutes (*.xml) to show"));
		paths_free(paths);
		return 0;
	}
	b->docs = xcalloc((size_t)b->ndocs, sizeof(*b->docs));
	b->list_order = xcalloc((size_t)b->ndocs, sizeof(int));
	/* the spelling check learns the names of every file first, as
	 * --check does, so that both warn alike */
	b->spell = spell_new();
	for (int i = 0; i < b->ndocs; i++)
		spell_learn_file(b->spell, paths[i]);
	for (int i = 0; i < b->ndocs; i++) {
		b->docs[i] = doc_open(paths[i], reviewer);
		doc_spelling(b->docs[i], b->spell);
		b->list_order[i] = i;
	}
	paths_free(paths);
	qsort_r(b->list_order, (size_t)b->ndocs, sizeof(int), list_cmp, b->docs);
	if (!b->archive) {
		b->doc = b->docs[0];
		if (b->doc->m && b->doc->notice[0])
			browser_message(b, true, "%s", b->doc->notice);
	}
	return b->ndocs;
}

void
browser_close(struct browser *b)
{
	for (int i = 0; i < b->ndocs; i++)
		doc_free(b->docs[i]);
	free(b->docs);
	free(b->list_order);
	search_query_free(b->q);
	spell_free(b->spell);
	free(b->query);
	free(b->fidx);
	meetings_free(b);
	memset(b, 0, sizeof(*b));
}
