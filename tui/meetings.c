/* meetings.c - the meetings list's rows, order, filters, search and
 * rescan, from the folder's index or from every file loaded, and the
 * archive's open notes (see meetings.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "collate.h"
#include "doc.h"
#include "index.h"
#include "meetings.h"
#include "navigate.h"
#include "nls.h"
#include "notes_view.h"
#include "paths.h"
#include "text.h"
#include "xalloc.h"

/* The rows read from the index around the cursor: at most WIN_ROWS of
 * them, whatever the size of the archive. */
#define WIN_ROWS 96

struct win_row {
	char *path, *shown, *reason, *date, *title, *number, *review;
	bool broken, problems;
	enum mn_status status;
	size_t open;
};

struct meetings_window {
	struct win_row *v;
	int at, n;
	bool valid;
	unsigned changes;    /* the list_changes they were read for */
	char *scratch[2];    /* a row's review and reason (no index) */
};

struct meetings_onote {
	char *path, *id, *meeting, *target, *author, *text;
	time_t created;
};

/* --- a row's words --------------------------------------------------------- */

size_t
meetings_open(const struct doc *d)
{
	struct notes_review_state st;

	if (!d->m || !d->notes)
		return 0;
	notes_review(d->notes, &st);
	return st.open;
}

char *
meetings_review(const struct doc *d)
{
	struct notes_review_state st;

	if (!d->m || !d->notes)
		return xstrdup("");
	notes_review(d->notes, &st);
	if (st.state == NOTES_REVIEW_NONE)
		return xstrdup("");
	return notes_review_label(d->notes);
}

/* Why a file could not be loaded, as the row says it: the first line of
 * ERROR, without the path it starts with (SHOWN, or REL in the index's
 * words). */
static char *
reason_of(const char *error, const char *shown, const char *rel)
{
	const char *why = error ? error : "";
	const char *pre[] = { shown, rel };
	for (size_t i = 0; i < 2; i++) {
		size_t tl = pre[i] ? strlen(pre[i]) : 0;
		if (tl && strncmp(why, pre[i], tl) == 0 && why[tl] == ':') {
			why += tl + 1; /* the path is on the row already */
			break;
		}
	}
	why += strspn(why, " ");
	size_t el = strcspn(why, "\n");
	char *line = text_sanitize(why, el, false);
	return line ? line : xstrdup("");
}

static enum mn_status
status_of(const char *s)
{
	if (s && strcmp(s, "final") == 0)
		return MN_STATUS_FINAL;
	if (s && strcmp(s, "approved") == 0)
		return MN_STATUS_APPROVED;
	return MN_STATUS_DRAFT;
}

static enum notes_review
review_of(const char *s)
{
	static const char *const k[] = { "none", "open", "answered", "signed",
					 "ready" };
	for (size_t i = 0; s && i < sizeof(k) / sizeof(*k); i++)
		if (strcmp(s, k[i]) == 0)
			return (enum notes_review)i;
	return NOTES_REVIEW_NONE;
}

static struct meetings_window *
window(struct browser *b)
{
	if (!b->win)
		b->win = xcalloc(1, sizeof(*b->win));
	return b->win;
}

static void
window_clear(struct meetings_window *w)
{
	for (int i = 0; i < w->n; i++) {
		struct win_row *x = &w->v[i];
		free(x->path);
		free(x->shown);
		free(x->reason);
		free(x->date);
		free(x->title);
		free(x->number);
		free(x->review);
	}
	w->n = 0;
	w->valid = false;
}

/* A loaded document of PATH (none is loaded for it here). */
static struct doc *
loaded(struct browser *b, const char *path)
{
	for (int i = 0; i < b->ndocs; i++)
		if (strcmp(b->docs[i]->path, path) == 0)
			return b->docs[i];
	return NULL;
}

static char *
full_path(const struct browser *b, const char *rel)
{
	return xasprintf("%s/%s", b->ix_dir, rel);
}

/* --- the index ---------------------------------------------------------------- */

static void scan_apply(struct browser *b);

static void
index_progress(size_t done, size_t total, double rate, void *arg)
{
	struct browser *b = arg;
	if (b->progress)
		b->progress(b, done, total, rate, b->progress_arg);
}

static bool
index_stop(void *arg)
{
	struct browser *b = arg;
	return b->stop && b->stop(b->progress_arg);
}

const char *
meetings_progress_text(char *buf, size_t size, size_t done, size_t total,
		       double rate)
{
	snprintf(buf, size, _("Indexing the folder: %zu of %zu files (%.0f files/s)"),
		 done, total, rate);
	return buf;
}

/* The index failed (WHY): every file is read instead, said once (false:
 * not now, a sync is under way with it; meetings_sync does it after). */
static bool
index_failed(struct browser *b, const char *why)
{
	if (b->ix_syncing) {
		b->ix_failed = true;
		return false;
	}
	char *w = text_sanitize(why ? why : "", why ? strlen(why) : 0, false);
	char cut[320];
	text_truncate(w ? w : "", w ? strlen(w) : 0, 200, cut, sizeof(cut));
	free(w);
	browser_message(b, true, _("The index cannot be used (%s): reading the files instead"),
			cut);
	index_close(b->ix);
	b->ix = NULL;
	if (b->win)
		window_clear(b->win);
	char **paths = b->ix_paths;
	b->ix_paths = NULL;
	if (!paths) {
		int errors = 0;
		char *arg = b->ix_dir;
		paths = paths_expand(&arg, 1, &errors);
	}
	browser_load_all(b, paths);
	paths_free(paths);
	b->list_ready = false;
	return true;
}

bool
meetings_index_open(struct browser *b, const char *dir, char **paths)
{
	char err[1024];
	struct index_options o = { 0 };
	o.cache_dir = b->cache_dir;
	o.reviewer = b->reviewer;
	o.progress_fn = index_progress;
	o.progress_arg = b;
	o.progress_ns = b->progress_ns;
	o.stop = index_stop;
	o.stop_arg = b;
	struct minutes_index *ix = index_open(dir, &o, err, sizeof(err));
	if (!ix) {
		/* said once, in the status line; the caller reads the files */
		char *w = text_sanitize(err, strlen(err), false);
		char cut[320];
		text_truncate(w ? w : "", w ? strlen(w) : 0, 200, cut, sizeof(cut));
		free(w);
		browser_message(b, true, _("The index cannot be used (%s): reading the files instead"),
				cut);
		return false;
	}
	index_list_prepare(ix);
	b->ix = ix;
	b->ix_paths = paths;
	b->list_ready = false;
	return true;
}

bool
meetings_sync(struct browser *b)
{
	if (!b->ix)
		return true;
	struct index_sync_stats st;
	b->ix_syncing = true;
	enum index_result r = index_sync(b->ix, b->ix_paths, &st);
	b->ix_syncing = false;
	if (r == INDEX_INTERRUPTED) {
		b->interrupted = true;
		return false;
	}
	if (r != INDEX_OK || b->ix_failed) {
		b->ix_failed = false;
		index_failed(b, index_error(b->ix));
		return false;
	}
	paths_free(b->ix_paths);
	b->ix_paths = NULL;
	b->nmeetings = (int)st.files;
	b->list_ready = false;
	b->list_gen = b->notes_gen; /* synced just now */
	if (b->msg[0] && !b->msg_error)
		b->msg[0] = '\0'; /* the progress said */
	return true;
}

void
meetings_index_close(struct browser *b)
{
	index_close(b->ix);
	b->ix = NULL;
	free(b->ix_dir);
	b->ix_dir = NULL;
	for (int i = 0; i < b->nargs; i++)
		free(b->args[i]);
	free(b->args);
	b->args = NULL;
	b->nargs = 0;
	paths_free(b->ix_paths);
	b->ix_paths = NULL;
	if (b->win) {
		window_clear(b->win);
		free(b->win->v);
		free(b->win->scratch[0]);
		free(b->win->scratch[1]);
		free(b->win);
		b->win = NULL;
	}
}

static void
filter_of(const struct browser *b, struct index_filter *f)
{
	memset(f, 0, sizeof(*f));
	if (b->list_status)
		f->status = mn_status_name((enum mn_status)(b->list_status - 1));
	f->open_notes = b->list_open_only;
	if (b->list_q) {
		f->text = b->list_text;
		f->text_dir = b->ix_dir;
	}
}

static enum index_sort
sort_of(const struct browser *b)
{
	return (enum index_sort)(INDEX_SORT_LIST_DATE + (b->list_sort & 3));
}

static bool
win_add(const struct index_summary *s, void *arg)
{
	struct browser *b = arg;
	struct meetings_window *w = b->win;
	if (!w->v)
		w->v = xcalloc(WIN_ROWS, sizeof(*w->v));
	if (w->n >= WIN_ROWS)
		return false;
	struct win_row *x = &w->v[w->n++];
	x->path = full_path(b, s->path);
	x->shown = text_sanitize(x->path, strlen(x->path), false);
	if (!x->shown)
		x->shown = xstrdup("");
	x->broken = s->load == LOAD_FATAL;
	x->reason = x->broken ? reason_of(s->error, x->shown, s->path) : NULL;
	x->date = xstrdup(s->date ? s->date : "");
	x->title = xstrdup(s->title ? s->title : "");
	x->number = xstrdup(s->number ? s->number : "");
	x->status = status_of(s->status);
	x->problems = !x->broken && s->problems > 0;
	x->open = s->open_notes > 0 ? (size_t)s->open_notes : 0;
	enum notes_review rv = review_of(s->review);
	x->review = rv == NOTES_REVIEW_NONE || !s->review
		? xstrdup("")
		: notes_review_words(rv, s->unanswered > 0 ? (size_t)s->unanswered : 0,
				     s->signers);
	return true;
}

/* The rows around R read (false: the index failed, and was let go). */
static bool
window_fill(struct browser *b, int r)
{
	struct meetings_window *w = window(b);
	if (w->valid && w->changes == b->list_changes && r >= w->at &&
	    r < w->at + w->n)
		return true;
	window_clear(w);
	struct index_filter f;
	filter_of(b, &f);
	w->at = r - WIN_ROWS / 4 > 0 ? r - WIN_ROWS / 4 : 0;
	if (index_list(b->ix, sort_of(b), false, &f, w->at, WIN_ROWS, win_add, b) < 0) {
		window_clear(w);
		index_failed(b, index_error(b->ix));
		return false;
	}
	w->valid = true;
	w->changes = b->list_changes;
	return true;
}

struct find_rel {
	const char *rel;
	long i, at;
};

static bool
find_rel(const struct index_summary *s, void *arg)
{
	struct find_rel *f = arg;
	if (strcmp(s->path, f->rel) == 0) {
		f->at = f->i;
		return false;
	}
	f->i++;
	return true;
}

static bool
sum_open(const struct index_summary *s, void *arg)
{
	if (s->open_notes > 0)
		*(size_t *)arg += (size_t)s->open_notes;
	return true;
}

static void
index_apply(struct browser *b)
{
	char *was = NULL;
	if (b->list_ready && b->list.cur < b->nlist && window_fill(b, b->list.cur)) {
		struct meetings_window *w = b->win;
		int k = b->list.cur - w->at;
		if (k >= 0 && k < w->n)
			was = xstrdup(w->v[k].path + strlen(b->ix_dir) + 1);
	}
	if (!b->ix)
		goto fell_back;
	if (b->ix_failed)
		goto empty;
	/* the notes changed (or files): the summaries are brought up to
	 * date first, one stat a file */
	if (b->list_gen != b->notes_gen && !b->ix_syncing &&
	    index_sync(b->ix, NULL, NULL) != INDEX_OK) {
		if (!index_failed(b, index_error(b->ix)))
			goto empty;
		goto fell_back;
	}
	struct index_filter f, open = { 0 };
	filter_of(b, &f);
	open.open_notes = true;
	long n = index_count(b->ix, &f), total = index_count(b->ix, NULL);
	size_t sum = 0;
	if (n < 0 || total < 0 ||
	    index_list(b->ix, INDEX_SORT_OPEN_NOTES, false, &open, 0, -1, sum_open, &sum) < 0) {
		if (!index_failed(b, index_error(b->ix)))
			goto empty;
		goto fell_back;
	}
	b->nlist = (int)n;
	b->nmeetings = (int)total;
	b->list_open = sum;
	b->list_ready = true;
	b->list_gen = b->notes_gen;
	b->list_changes++;
	/* the cursor stays on its meeting when it is still shown */
	if (was) {
		struct find_rel fr = { was, 0, -1 };
		if (index_list(b->ix, sort_of(b), false, &f, 0, -1, find_rel, &fr) >= 0 &&
		    fr.at >= 0)
			b->list.cur = (int)fr.at;
	}
	free(was);
	return;
empty: /* during the sync: nothing to show yet */
	free(was);
	b->nlist = 0;
	b->list_ready = true;
	b->list_gen = b->notes_gen;
	return;
fell_back:
	free(was);
	scan_apply(b);
}

/* --- the rows, every file loaded ---------------------------------------------- */

/* unloadable files last; then by the order chosen; then newest first,
 * then by path */
static int
row_cmp(const void *a, const void *b, void *arg)
{
	const struct browser *br = arg;
	const struct doc *x = br->docs[*(const int *)a];
	const struct doc *y = br->docs[*(const int *)b];
	int c = 0;

	if (!x->m != !y->m)
		return x->m ? -1 : 1;
	if (x->m) {
		switch (br->list_sort) {
		case 1:
			c = text_collate(x->m->meeting.title, y->m->meeting.title);
			break;
		case 2: /* drafts first: what is still to be done */
			c = (int)x->m->meeting.status - (int)y->m->meeting.status;
			break;
		case 3: { /* the most open notes first */
			size_t ox = meetings_open(x), oy = meetings_open(y);
			c = (ox < oy) - (ox > oy);
			break;
		}
		default:
			break;
		}
		if (!c)
			c = strcmp(y->m->meeting.date, x->m->meeting.date);
	}
	return c ? c : strcmp(x->path, y->path);
}

static bool
row_shown(const struct browser *b, const struct doc *d)
{
	size_t s, e;

	if (!d->m) /* a file that could not be loaded: only unfiltered */
		return !b->list_status && !b->list_open_only && !b->list_q;
	if (b->list_status && (int)d->m->meeting.status + 1 != b->list_status)
		return false;
	if (b->list_open_only && !meetings_open(d))
		return false;
	if (b->list_q) {
		const struct mn_meeting *mt = &d->m->meeting;
		const char *f[] = { mt->title, mt->number, mt->agency, mt->date,
				    d->title, mt->organizer };
		for (size_t i = 0; i < sizeof(f) / sizeof(*f); i++)
			if (f[i] && *f[i] &&
			    search_text(b->list_q, f[i], strlen(f[i]), 0, &s, &e))
				return true;
		return false;
	}
	return true;
}

static size_t
archive_open(const struct browser *b)
{
	size_t n = 0;
	for (int i = 0; i < b->ndocs; i++)
		n += meetings_open(b->docs[i]);
	return n;
}

static void
scan_apply(struct browser *b)
{
	struct doc *was = b->list_ready && b->list.cur < b->nlist
		? b->docs[b->list_order[b->list.cur]] : NULL;
	int n = 0;

	for (int i = 0; i < b->ndocs; i++)
		b->list_order[i] = i;
	qsort_r(b->list_order, (size_t)b->ndocs, sizeof(int), row_cmp, b);
	/* the rows shown first, in order; the others after them */
	int *tmp = xmalloc(((size_t)b->ndocs + 1) * sizeof(int)), k = 0;
	for (int i = 0; i < b->ndocs; i++)
		if (row_shown(b, b->docs[b->list_order[i]]))
			tmp[k++] = b->list_order[i];
	n = k;
	for (int i = 0; i < b->ndocs; i++)
		if (!row_shown(b, b->docs[b->list_order[i]]))
			tmp[k++] = b->list_order[i];
	memcpy(b->list_order, tmp, (size_t)b->ndocs * sizeof(int));
	free(tmp);
	b->nlist = n;
	b->nmeetings = b->ndocs;
	b->list_ready = true;
	b->list_gen = b->notes_gen;
	b->list_changes++;
	b->list_open = archive_open(b);
	/* the cursor stays on its meeting when it is still shown */
	for (int i = 0; was && i < n; i++)
		if (b->docs[b->list_order[i]] == was)
			b->list.cur = i;
}

/* --- the rows ---------------------------------------------------------------------- */

int
meetings_rows(struct browser *b)
{
	if (!b->list_order && !b->ix)
		return 0;
	if (b->ix && b->ix_paths && !b->ix_syncing && !b->interrupted)
		meetings_sync(b); /* not synced yet: the first sync */
	if (!b->list_ready || b->list_gen != b->notes_gen) {
		if (b->ix)
			index_apply(b);
		else
			scan_apply(b);
	}
	return b->nlist;
}

int
meetings_total(const struct browser *b)
{
	return b->ix ? b->nmeetings : b->ndocs;
}

int
meetings_count(struct browser *b)
{
	if (b->onotes)
		return b->nonote;
	int n = meetings_rows(b); /* counts list_open too */
	return n + (b->archive && b->list_open ? 1 : 0);
}

bool
meetings_row(struct browser *b, int r, struct meetings_row *row)
{
	int n = meetings_rows(b);
	memset(row, 0, sizeof(*row));
	if (r < 0 || r >= n)
		return false;
	struct meetings_window *w = window(b);
	if (!b->ix) {
		const struct doc *d = b->docs[b->list_order[r]];
		row->path = d->path;
		row->shown = d->title;
		if (!d->m) {
			row->broken = true;
			free(w->scratch[1]);
			w->scratch[1] = reason_of(d->error, d->title, NULL);
			row->reason = w->scratch[1];
			row->date = row->title = row->number = row->review = "";
			return true;
		}
		const struct mn_meeting *mt = &d->m->meeting;
		row->date = mt->date ? mt->date : "";
		row->title = mt->title ? mt->title : "";
		row->number = mt->number ? mt->number : "";
		row->status = mt->status;
		row->problems = minutes_error_count(d->m) > 0;
		row->open = meetings_open(d);
		free(w->scratch[0]);
		w->scratch[0] = meetings_review(d);
		row->review = w->scratch[0];
		return true;
	}
	if (!window_fill(b, r))
		return b->ix ? false : meetings_row(b, r, row);
	int k = r - w->at;
	if (k < 0 || k >= w->n)
		return false;
	const struct win_row *x = &w->v[k];
	row->path = x->path;
	row->shown = x->shown;
	row->broken = x->broken;
	row->reason = x->reason ? x->reason : "";
	row->date = x->date;
	row->title = x->title;
	row->number = x->number;
	row->status = x->status;
	row->problems = x->problems;
	row->open = x->open;
	row->review = x->review;
	/* a meeting loaded here: its notes as they are now */
	const struct doc *d = loaded(b, x->path);
	if (d && d->m) {
		row->open = meetings_open(d);
		free(w->scratch[0]);
		w->scratch[0] = meetings_review(d);
		row->review = w->scratch[0];
	}
	return true;
}

struct doc *
meetings_doc(struct browser *b, int r)
{
	int n = meetings_rows(b);
	if (r < 0 || r >= n)
		return NULL;
	if (!b->ix)
		return b->docs[b->list_order[r]];
	struct meetings_row row;
	if (!meetings_row(b, r, &row))
		return NULL;
	if (!b->ix) /* it failed meanwhile: every file is loaded now */
		return meetings_doc(b, r);
	char *path = xstrdup(row.path);
	struct doc *d = doc_get(b, path);
	free(path);
	return d;
}

static void
refilter(struct browser *b)
{
	b->list_ready = false;
	meetings_rows(b);
}

void
meetings_next_sort(struct browser *b)
{
	b->list_sort = (b->list_sort + 1) % 4;
	refilter(b);
}

void
meetings_next_status(struct browser *b)
{
	b->list_status = b->list_status > MN_STATUS_APPROVED ? 0
		: b->list_status + 1;
	refilter(b);
}

void
meetings_toggle_open(struct browser *b)
{
	b->list_open_only = !b->list_open_only;
	refilter(b);
}

void
meetings_set_text(struct browser *b, const char *text)
{
	free(b->list_text);
	search_query_free(b->list_q);
	b->list_text = NULL;
	b->list_q = text && *text ? search_compile(text) : NULL;
	if (b->list_q)
		b->list_text = xstrdup(text);
	refilter(b);
}

int
meetings_sort_column(const struct browser *b)
{
	return b->list_sort;
}

const char *
meetings_describe(const struct browser *b, char *buf, size_t size)
{
	static const char *const by[] = { N_("sorted by date"), N_("sorted by title"),
					  N_("sorted by status"),
					  N_("sorted by open notes") };
	char text[160] = "";
	int n = snprintf(buf, size, "%s", _(by[b->list_sort & 3]));
	if (b->list_open_only && n > 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, " · %s",
			      _("only with open notes"));
	if (b->list_status && n > 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, " · %s %s", _("status"),
			      _(mn_status_name((enum mn_status)(b->list_status - 1))));
	if (b->list_text && n > 0 && (size_t)n < size) {
		char *safe = text_sanitize(b->list_text, strlen(b->list_text), false);
		text_truncate(safe ? safe : "", safe ? strlen(safe) : 0, 30, text,
			      sizeof(text));
		free(safe);
		snprintf(buf + n, size - (size_t)n, " · “%s”", text);
	}
	return buf;
}

/* --- searching the list ------------------------------------------------------------ */

static bool
stop_at_first(const struct search_hit *h, void *arg)
{
	(void)h;
	(void)arg;
	return false;
}

/* the files with a hit, in the folder's order */
struct hit_files {
	char **v;
	size_t n, cap;
	const struct search_query *q;
};

static void
hit_files_add(struct hit_files *h, const char *path)
{
	if (h->n && strcmp(h->v[h->n - 1], path) == 0)
		return;
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 64;
		h->v = xreallocarray(h->v, h->cap, sizeof(*h->v));
	}
	h->v[h->n++] = xstrdup(path);
}

static bool
hit_file(const char *path, unsigned line, const char *id, const char *text,
	 void *arg)
{
	(void)line;
	(void)id;
	(void)text;
	hit_files_add(arg, path);
	return true;
}

/* a file the index cannot answer for: read, as a scan does */
static bool
hit_scan(const char *path, void *arg)
{
	struct hit_files *h = arg;
	struct minutes *m = NULL;
	struct load_error err;
	if (loader_load_file(path, &m, &err) != LOAD_FATAL && m &&
	    search_minutes(h->q, m, stop_at_first, NULL))
		hit_files_add(h, path);
	minutes_free(m);
	return true;
}

static int
path_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct hit_rows {
	const struct browser *b;
	const struct hit_files *files;
	long i;
	int cur;
	bool back;
	long first, before, after, last; /* rows with hits, around cur */
};

static bool
hit_row(const struct index_summary *s, void *arg)
{
	struct hit_rows *h = arg;
	char *full = full_path(h->b, s->path);
	bool hit = h->files->n &&
		   bsearch(&full, h->files->v, h->files->n, sizeof(char *), path_cmp);
	free(full);
	if (hit) {
		if (h->first < 0)
			h->first = h->i;
		h->last = h->i;
		if (h->i < h->cur)
			h->before = h->i;
		if (h->i > h->cur && h->after < 0)
			h->after = h->i;
	}
	h->i++;
	return true;
}

static int
index_search_rows(struct browser *b, bool back)
{
	struct hit_files h = { .q = b->q };
	struct index_search_fns fns = { hit_file, hit_scan, &h };
	int found = -1;

	/* never stale: the files are looked at first */
	if (index_sync(b->ix, NULL, NULL) != INDEX_OK ||
	    index_search(b->ix, NULL, b->query, b->q, &fns) != INDEX_OK) {
		/* what was not answered was read (hit_scan); the index is
		 * let go for the rest */
		char why[1024];
		snprintf(why, sizeof(why), "%s", index_error(b->ix));
		for (size_t i = 0; i < h.n; i++)
			free(h.v[i]);
		free(h.v);
		index_failed(b, why);
		return meetings_search(b, back);
	}
	if (h.n > 1)
		qsort(h.v, h.n, sizeof(*h.v), path_cmp);
	struct index_filter f;
	filter_of(b, &f);
	struct hit_rows hr = { b, &h, 0, b->list.cur, back, -1, -1, -1, -1 };
	if (index_list(b->ix, sort_of(b), false, &f, 0, -1, hit_row, &hr) >= 0) {
		if (!back)
			found = (int)(hr.after >= 0 ? hr.after : hr.first);
		else
			found = (int)(hr.before >= 0 ? hr.before : hr.last);
	}
	for (size_t i = 0; i < h.n; i++)
		free(h.v[i]);
	free(h.v);
	return found;
}

int
meetings_search(struct browser *b, bool back)
{
	int n = meetings_rows(b);
	if (!b->q || n == 0)
		return -1;
	if (b->ix)
		return index_search_rows(b, back);
	for (int k = 1; k <= n; k++) {
		int i = ((b->list.cur + (back ? -k : k)) % n + n) % n;
		const struct doc *d = b->docs[b->list_order[i]];
		if (d->m && search_minutes(b->q, d->m, stop_at_first, NULL))
			return i;
	}
	return -1;
}

void
meetings_search_next(struct browser *b, bool reverse)
{
	if (!b->q) {
		browser_message(b, true, "%s", _("No previous search"));
		return;
	}
	bool back = b->search_back != reverse;
	int i = meetings_search(b, back);
	if (i < 0) {
		navigate_say_not_found(b);
		return;
	}
	bool wrapped = back ? i > b->list.cur : i < b->list.cur;
	b->list.cur = i;
	if (wrapped)
		navigate_say_wrapped(b, back);
}

/* --- rescanning ---------------------------------------------------------------------- */

static void
say_changes(struct browser *b, size_t added, size_t removed, size_t changed)
{
	const size_t n[3] = { added, removed, changed };
	char part[3][64];
	int k = 0;
	for (int i = 0; i < 3; i++) {
		if (!n[i])
			continue;
		switch (i) {
		case 0: snprintf(part[k], sizeof(part[k]), _("%zu new"), n[i]); break;
		case 1: snprintf(part[k], sizeof(part[k]), _("%zu removed"), n[i]); break;
		default: snprintf(part[k], sizeof(part[k]), _("%zu changed"), n[i]); break;
		}
		k++;
	}
	if (k == 0)
		browser_message(b, false, "%s", _("Nothing changed in the folder"));
	else if (k == 1)
		browser_message(b, false, "%s", part[0]);
	else if (k == 2)
		browser_message(b, false, "%s, %s", part[0], part[1]);
	else
		browser_message(b, false, "%s, %s, %s", part[0], part[1], part[2]);
}

/* the loaded documents: those whose file changed are read again, those
 * whose file is gone dropped (unless open or with notes not saved);
 * counts those gone in *GONE */
static void
refresh_loaded(struct browser *b, char **paths, size_t *gone, size_t *changed)
{
	size_t npaths = 0;
	while (paths && paths[npaths])
		npaths++;
	char **sorted = xmalloc((npaths + 1) * sizeof(*sorted));
	memcpy(sorted, paths, npaths * sizeof(*sorted));
	if (npaths > 1)
		qsort(sorted, npaths, sizeof(*sorted), path_cmp);
	for (int i = 0; i < b->ndocs;) {
		struct doc *d = b->docs[i];
		bool there = npaths && bsearch(&d->path, sorted, npaths, sizeof(char *),
					       path_cmp);
		if (!there) {
			(*gone)++;
			if (d != b->doc && !(d->notes && notes_unsaved(d->notes))) {
				doc_forget(b, d);
				continue;
			}
		} else if (doc_changed(d)) {
			doc_reload(b, d);
			(*changed)++;
		}
		i++;
	}
	free(sorted);
}

void
meetings_rescan(struct browser *b)
{
	int errors = 0;
	char *arg = b->ix_dir;

	if (b->ix) {
		struct index_sync_stats st;
		if (index_sync(b->ix, NULL, &st) != INDEX_OK) {
			index_failed(b, index_error(b->ix));
			return;
		}
		char **paths = paths_expand(&arg, 1, &errors);
		size_t gone = 0, changed = 0;
		refresh_loaded(b, paths, &gone, &changed);
		paths_free(paths);
		b->nmeetings = (int)st.files;
		b->notes_gen++;
		b->list_gen = b->notes_gen; /* synced just now */
		b->list_ready = false;
		meetings_rows(b);
		say_changes(b, st.added, st.removed, st.changed);
		return;
	}
	/* every file loaded: the arguments again */
	char **paths = paths_expand(b->args, b->nargs, &errors);
	size_t npaths = 0;
	while (paths && paths[npaths])
		npaths++;
	/* the files that are new: not among the documents (by path) */
	char **have = xmalloc(((size_t)b->ndocs + 1) * sizeof(*have));
	for (int i = 0; i < b->ndocs; i++)
		have[i] = b->docs[i]->path;
	if (b->ndocs > 1)
		qsort(have, (size_t)b->ndocs, sizeof(*have), path_cmp);
	size_t added = 0;
	for (size_t i = 0; i < npaths; i++)
		added += !b->ndocs || !bsearch(&paths[i], have, (size_t)b->ndocs,
					       sizeof(*have), path_cmp);
	free(have);
	size_t gone = 0, changed = 0;
	refresh_loaded(b, paths, &gone, &changed);
	browser_load_all(b, paths);
	paths_free(paths);
	b->notes_gen++;
	b->list_ready = false;
	meetings_rows(b);
	say_changes(b, added, gone, changed);
}

/* --- the archive's open notes -------------------------------------------- */

static void
onotes_free(struct browser *b)
{
	for (int i = 0; i < b->nonote; i++) {
		struct meetings_onote *o = &b->onote[i];
		free(o->path);
		free(o->id);
		free(o->meeting);
		free(o->target);
		free(o->author);
		free(o->text);
	}
	free(b->onote);
	b->onote = NULL;
	b->nonote = 0;
}

void
meetings_free(struct browser *b)
{
	onotes_free(b);
	free(b->list_text);
	search_query_free(b->list_q);
	b->list_text = NULL;
	b->list_q = NULL;
}

static const char *
meeting_label(const struct minutes *m)
{
	return *m->meeting.number ? m->meeting.number : m->meeting.title;
}

/* the open notes of one meeting, by time */
static void
onotes_add(struct browser *b, int *cap, const char *path,
	   const struct minutes *m, const struct notes_store *ns)
{
	for (size_t i = 0, n = ns ? notes_count(ns) : 0; i < n; i++) {
		const struct note *nt = notes_get(ns, i);
		if (nt->reply_to || nt->status != NOTES_OPEN)
			continue;
		if (b->nonote == *cap) {
			*cap = *cap ? *cap * 2 : 16;
			b->onote = xreallocarray(b->onote, (size_t)*cap,
						 sizeof(*b->onote));
		}
		struct meetings_onote *o = &b->onote[b->nonote++];
		o->path = xstrdup(path);
		o->id = xstrdup(nt->id);
		o->meeting = xstrdup(meeting_label(m));
		o->target = xstrdup(nt->target ? nt->target : "");
		o->author = xstrdup(nt->author ? nt->author : "");
		o->text = xstrdup(nt->text ? nt->text : "");
		o->created = nt->created;
	}
}

struct onotes_pass {
	struct browser *b;
	int *cap;
	char **seen;      /* the files of the first pass, in order of listing */
	size_t nseen, capseen;
	bool second;
};

static bool
onotes_file(const struct index_summary *s, void *arg)
{
	struct onotes_pass *p = arg;
	struct browser *b = p->b;
	char *path = full_path(b, s->path);
	if (p->second) {
		for (size_t i = 0; i < p->nseen; i++)
			if (strcmp(p->seen[i], path) == 0) {
				free(path);
				return true;
			}
	} else {
		if (p->nseen == p->capseen) {
			p->capseen = p->capseen ? p->capseen * 2 : 16;
			p->seen = xreallocarray(p->seen, p->capseen, sizeof(*p->seen));
		}
		p->seen[p->nseen++] = xstrdup(path);
	}
	const struct doc *d = loaded(b, path);
	if (d) {
		if (d->m && d->notes)
			onotes_add(b, p->cap, path, d->m, d->notes);
	} else {
		/* read for its notes, then let go */
		struct minutes *m = NULL;
		struct load_error err;
		if (loader_load_file(path, &m, &err) != LOAD_FATAL && m) {
			struct notes_error nerr;
			struct notes_store *ns = notes_open(path, m, b->reviewer, &nerr);
			onotes_add(b, p->cap, path, m, ns);
			notes_close(ns);
		}
		minutes_free(m);
	}
	free(path);
	return true;
}

/* every open note of the archive, the meetings in the list's order (the
 * rows shown first, then the others), each meeting's notes by time */
static void
onotes_build(struct browser *b)
{
	int cap = 0;

	onotes_free(b);
	if (b->ix) {
		struct index_filter f;
		filter_of(b, &f);
		f.open_notes = true;
		struct onotes_pass p = { b, &cap, NULL, 0, 0, false };
		index_list(b->ix, sort_of(b), false, &f, 0, -1, onotes_file, &p);
		struct index_filter all = { 0 };
		all.open_notes = true;
		p.second = true;
		index_list(b->ix, sort_of(b), false, &all, 0, -1, onotes_file, &p);
		for (size_t i = 0; i < p.nseen; i++)
			free(p.seen[i]);
		free(p.seen);
		return;
	}
	for (int r = 0; r < b->ndocs; r++) {
		const struct doc *d = b->docs[b->list_order[r]];
		if (d->m && d->notes)
			onotes_add(b, &cap, d->path, d->m, d->notes);
	}
}

bool
meetings_note_view(struct browser *b, int i, struct meetings_note_view *v)
{
	memset(v, 0, sizeof(*v));
	if (i < 0 || i >= b->nonote)
		return false;
	const struct meetings_onote *o = &b->onote[i];
	const struct doc *d = loaded(b, o->path);
	if (d) {
		/* loaded: as it is now (it may be answered or gone) */
		const struct note *nt = d->notes ? notes_find(d->notes, o->id) : NULL;
		if (!nt || !d->m)
			return false;
		v->meeting = meeting_label(d->m);
		v->target = nt->target;
		v->author = nt->author;
		v->text = nt->text;
		v->created = nt->created;
		return true;
	}
	v->meeting = o->meeting;
	v->target = o->target;
	v->author = o->author;
	v->text = o->text;
	v->created = o->created;
	return true;
}

const struct note *
meetings_open_note(struct browser *b, int i, struct doc **d)
{
	*d = NULL;
	if (i < 0 || i >= b->nonote)
		return NULL;
	char *path = xstrdup(b->onote[i].path);
	*d = doc_get(b, path);
	free(path);
	if (!*d || !(*d)->m)
		return NULL;
	return (*d)->notes ? notes_find((*d)->notes, b->onote[i].id) : NULL;
}

bool
meetings_enter(struct browser *b)
{
	if (!b->onotes) {
		if (b->list.cur < meetings_rows(b) || meetings_count(b) == 0)
			return false;
		onotes_build(b);
		b->onotes = true;
		b->list_changes++;
		b->onote_cur.cur = b->onote_cur.top = 0;
		return true;
	}
	struct doc *d;
	const struct note *nt = meetings_open_note(b, b->onote_cur.cur, &d);
	if (!nt) {
		browser_message(b, true, "%s", _("This note is gone"));
		return true;
	}
	char target[256], id[256];
	snprintf(target, sizeof(target), "%s", nt->target);
	snprintf(id, sizeof(id), "%s", nt->id);
	b->doc = d;
	b->focus = PANE_NAV;
	navigate_goto_id(b, target);
	/* the note itself selected among its element's */
	const struct note **v;
	size_t n = notes_view_thread(d->notes, target, &v, NULL);
	snprintf(b->note_target, sizeof(b->note_target), "%s", target);
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i]->id, id) == 0)
			b->note_sel = (int)i;
	free(v);
	b->note_scroll = true;
	return true;
}

bool
meetings_back(struct browser *b)
{
	if (!b->onotes)
		return false;
	b->onotes = false;
	b->list_changes++;
	return true;
}

/* --- opening --------------------------------------------------------------------- */

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
	bool one_dir = false;
	for (int i = 0; i < nargs; i++) {
		struct stat st;
		if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			b->archive = true;
			one_dir = nargs == 1;
		}
	}
	if (nargs > 1)
		b->archive = true;
	b->args = xcalloc((size_t)nargs + 1, sizeof(*b->args));
	for (int i = 0; i < nargs; i++)
		b->args[i] = xstrdup(args[i]);
	b->nargs = nargs;
	if (one_dir) {
		size_t dl = strlen(args[0]);
		while (dl > 1 && args[0][dl - 1] == '/')
			dl--;
		b->ix_dir = xasprintf("%.*s", (int)dl, args[0]);
	}
	char **paths = paths_expand(args, nargs, &errors);
	int n = 0;
	for (char **p = paths; p && *p; p++)
		n++;
	if (n == 0) {
		fprintf(stderr, "minutes: %s\n", _("no minutes (*.xml) to show"));
		paths_free(paths);
		return 0;
	}
	/* a folder: its index, synced by meetings_sync (or every file read
	 * when it cannot be used) */
	if (one_dir && !b->no_index && meetings_index_open(b, args[0], paths)) {
		b->nmeetings = n;
		return n;
	}
	browser_load_all(b, paths);
	paths_free(paths);
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
	doc_close_all(b);
	meetings_index_close(b);
	search_query_free(b->q);
	free(b->query);
	free(b->fidx);
	meetings_free(b);
	memset(b, 0, sizeof(*b));
}
