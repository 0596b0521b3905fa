/* doc.c - the browser's documents (see doc.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "doc.h"
#include "entries.h"
#include "lines.h"
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

/* The file's identity now (zeros when it cannot be read). */
static void
doc_ident(const char *path, unsigned long long id[4])
{
	struct stat st;
	memset(id, 0, 4 * sizeof(*id));
	if (stat(path, &st) != 0)
		return;
	id[0] = (unsigned long long)st.st_dev;
	id[1] = (unsigned long long)st.st_ino;
	id[2] = (unsigned long long)st.st_size;
	id[3] = (unsigned long long)st.st_mtim.tv_sec * 1000000000ULL +
		(unsigned long long)st.st_mtim.tv_nsec;
}

bool
doc_changed(const struct doc *d)
{
	unsigned long long now[4];
	doc_ident(d->path, now);
	return memcmp(now, d->ident, sizeof(now)) != 0;
}

static struct doc *
doc_open(const char *path, const char *reviewer, bool by_kind)
{
	struct doc *d = xcalloc(1, sizeof(*d));
	d->path = xstrdup(path);
	d->title = text_sanitize(path, strlen(path), false);
	d->by_kind = by_kind;
	doc_ident(path, d->ident);
	doc_load(d, reviewer);
	return d;
}

/* The spelling check of D: against the names of every file (B's spell,
 * a scan), or, with the index, of D's file alone. */
static void
doc_check_spelling(struct browser *b, struct doc *d)
{
	if (b->spell) {
		doc_spelling(d, b->spell);
		return;
	}
	struct spell *sp = spell_new();
	spell_learn_file(sp, d->path);
	doc_spelling(d, sp);
	spell_free(sp);
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
	b->docs_by_kind = by_kind;
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
		if (b->spell)
			spell_learn_file(b->spell, d->path);
		doc_check_spelling(b, d);
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
	if (b->spell)
		spell_learn_file(b->spell, d->path);
	doc_check_spelling(b, d);
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
	doc_ident(d->path, d->ident);
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
	doc_ident(d->path, d->ident);
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

static int
doc_path_cmp(const void *a, const void *b)
{
	const struct doc *x = *(struct doc *const *)a, *y = *(struct doc *const *)b;
	return strcmp(x->path, y->path);
}

void
browser_load_all(struct browser *b, char **paths)
{
	int n = 0;
	while (paths && paths[n])
		n++;
	/* documents already loaded stay (their notes, their cursors):
	 * found by path in WAS, sorted */
	struct doc **was = b->docs;
	int nwas = b->ndocs;
	bool *kept = xcalloc((size_t)nwas + 1, sizeof(*kept));
	if (nwas > 1)
		qsort(was, (size_t)nwas, sizeof(*was), doc_path_cmp);
	b->docs = xcalloc((size_t)n + (size_t)nwas + 1, sizeof(*b->docs));
	free(b->list_order);
	b->list_order = xcalloc((size_t)n + (size_t)nwas + 1, sizeof(int));
	b->ndocs = 0;
	/* the spelling check learns the names of every file first, as
	 * --check does, so that both warn alike */
	if (!b->spell)
		b->spell = spell_new();
	for (int i = 0; i < n; i++)
		spell_learn_file(b->spell, paths[i]);
	for (int i = 0; i < n; i++) {
		struct doc key = { .path = paths[i] }, *kp = &key, *d = NULL;
		struct doc **at = nwas ? bsearch(&kp, was, (size_t)nwas, sizeof(*was),
						 doc_path_cmp) : NULL;
		if (at && !kept[at - was]) {
			d = *at;
			kept[at - was] = true;
		}
		if (!d)
			d = doc_open(paths[i], b->reviewer, b->docs_by_kind);
		doc_spelling(d, b->spell);
		b->list_order[b->ndocs] = b->ndocs;
		b->docs[b->ndocs++] = d;
	}
	for (int k = 0; k < nwas; k++) {
		if (kept[k])
			continue;
		if (was[k] == b->doc || (was[k]->notes && notes_unsaved(was[k]->notes))) {
			/* gone from the folder, but open or with notes not saved */
			b->list_order[b->ndocs] = b->ndocs;
			b->docs[b->ndocs++] = was[k];
		} else {
			doc_free(was[k]);
		}
	}
	free(kept);
	free(was);
	b->nmeetings = b->ndocs;
	b->fdoc = NULL;
	b->list_ready = false;
	qsort_r(b->list_order, (size_t)b->ndocs, sizeof(int), list_cmp, b->docs);
}

/* Documents kept loaded with the index, besides the open one and those
 * with notes not saved yet. */
#define DOC_CACHE 4

struct doc *
doc_get(struct browser *b, const char *path)
{
	int at = -1;
	for (int i = 0; i < b->ndocs && at < 0; i++)
		if (strcmp(b->docs[i]->path, path) == 0)
			at = i;
	if (!b->ix)
		return at >= 0 ? b->docs[at] : NULL;
	struct doc *d;
	if (at >= 0) {
		d = b->docs[at];
		memmove(b->docs + 1, b->docs, (size_t)at * sizeof(*b->docs));
	} else {
		d = doc_open(path, b->reviewer, b->docs_by_kind);
		doc_check_spelling(b, d);
		b->docs = xreallocarray(b->docs, (size_t)b->ndocs + 1,
					sizeof(*b->docs));
		memmove(b->docs + 1, b->docs, (size_t)b->ndocs * sizeof(*b->docs));
		b->ndocs++;
	}
	b->docs[0] = d;
	/* the least recently used go, unless open or with unsaved notes */
	for (int i = b->ndocs - 1; i > 0 && b->ndocs > DOC_CACHE; i--) {
		struct doc *o = b->docs[i];
		if (o == b->doc || (o->notes && notes_unsaved(o->notes)))
			continue;
		doc_forget(b, o);
	}
	return d;
}

void
doc_forget(struct browser *b, struct doc *d)
{
	for (int i = 0; i < b->ndocs; i++) {
		if (b->docs[i] != d)
			continue;
		memmove(b->docs + i, b->docs + i + 1,
			(size_t)(b->ndocs - i - 1) * sizeof(*b->docs));
		b->ndocs--;
		break;
	}
	if (b->fdoc == d)
		b->fdoc = NULL;
	if (b->doc == d)
		b->doc = NULL;
	doc_free(d);
}

void
doc_close_all(struct browser *b)
{
	for (int i = 0; i < b->ndocs; i++)
		doc_free(b->docs[i]);
	free(b->docs);
	free(b->list_order);
	spell_free(b->spell);
	b->docs = NULL;
	b->list_order = NULL;
	b->spell = NULL;
	b->ndocs = 0;
	b->doc = NULL;
	b->fdoc = NULL;
}
