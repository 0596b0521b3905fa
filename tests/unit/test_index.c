/* test_index.c - the archive index: schema and file modes, freshness
 * (edits, same-size edits, deletions, renames, notes, the two-second
 * rule), searches against a scan, the fallbacks (damaged, locked, full,
 * unwritable, read-only), an interrupted sync, and the meetings list. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "index.h"
#include "loader.h"
#include "notes.h"
#include "paths.h"
#include "search.h"
#include "tap.h"

static const char *srcdir;
static char scratch[] = "/tmp/test-index.XXXXXX";
static char arch[512], cache[512];

static long long
late_clock(void)
{
	/* far after every file's time stamps: nothing is "just changed" */
	return (long long)4000000000 * 1000000000LL;
}

static long long clock_at;

static long long
fixed_clock(void)
{
	return clock_at;
}

static void
skip(const char *what, const char *why)
{
	printf("ok %d - %s # SKIP %s\n", ++tap_n, what, why);
}

/* --- files ---------------------------------------------------------------- */

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		if (n + 4096 > cap) {
			cap = cap ? cap * 2 : 65536;
			buf = realloc(buf, cap + 1);
		}
		size_t r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (r == 0)
			break;
	}
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

static void
spew(const char *path, const char *s, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return;
	fwrite(s, 1, n, f);
	fclose(f);
}

static void
copy_in(const char *src, const char *dst_rel)
{
	char from[1024], to[1024];
	size_t n;
	snprintf(from, sizeof(from), "%s/%s", srcdir, src);
	snprintf(to, sizeof(to), "%s/%s", arch, dst_rel);
	char *s = slurp(from, &n);
	if (s)
		spew(to, s, n);
	free(s);
}

/* Replaces the first FROM by TO (same length or not) in the archive's REL. */
static void
edit(const char *rel, const char *from, const char *to)
{
	char p[1024];
	size_t n;
	snprintf(p, sizeof(p), "%s/%s", arch, rel);
	char *s = slurp(p, &n);
	char *at = s ? strstr(s, from) : NULL;
	if (!at) {
		free(s);
		return;
	}
	size_t fl = strlen(from), tl = strlen(to), off = (size_t)(at - s);
	char *o = malloc(n - fl + tl + 1);
	memcpy(o, s, off);
	memcpy(o + off, to, tl);
	memcpy(o + off + tl, at + fl, n - off - fl);
	spew(p, o, n - fl + tl);
	free(o);
	free(s);
}

static char *
apath(const char *rel)
{
	static char p[1024];
	snprintf(p, sizeof(p), "%s/%s", arch, rel);
	return p;
}

/* How many of the archive's files changed less than 2 s before NOW. */
static long
recent_files(long long now)
{
	int errors = 0;
	char *a = arch;
	char **paths = paths_expand(&a, 1, &errors);
	long n = 0;
	for (char **p = paths; p && *p; p++) {
		struct stat st;
		if (stat(*p, &st) != 0)
			continue;
		long long m = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
		long long c = (long long)st.st_ctim.tv_sec * 1000000000LL + st.st_ctim.tv_nsec;
		n += now - m < 2000000000LL || now - c < 2000000000LL;
	}
	paths_free(paths);
	return n;
}

/* --- a sync and a search, compared with a scan ---------------------------- */

static struct index_options
opts(void)
{
	struct index_options o = { 0 };
	o.cache_dir = cache;
	o.now_ns = late_clock;
	o.reviewer = "tester";
	return o;
}

static enum index_result
sync_archive(struct minutes_index *ix, struct index_sync_stats *st)
{
	int errors = 0;
	char *a = arch;
	char **paths = paths_expand(&a, 1, &errors);
	enum index_result r = index_sync(ix, paths, st);
	paths_free(paths);
	return r;
}

struct out {
	char *s;
	size_t n;
};

static void
out_add(struct out *o, const char *a, unsigned line, const char *id,
	const char *text)
{
	char *l;
	int k = asprintf(&l, "%s:%u:%s: %s\n", a, line, id, text);
	if (k < 0)
		return;
	o->s = realloc(o->s, o->n + (size_t)k + 1);
	memcpy(o->s + o->n, l, (size_t)k + 1);
	o->n += (size_t)k;
	free(l);
}

struct scan_arg {
	struct out *o;
	const char *path;
	const struct minutes *m;
	const struct search_query *q;
	int scans;
};

static bool
scan_hit(const struct search_hit *h, void *arg)
{
	struct scan_arg *a = arg;
	out_add(a->o, a->path, h->line, search_hit_id(a->m, h), h->text);
	return true;
}

static bool
fn_scan(const char *path, void *arg)
{
	struct scan_arg *a = arg;
	struct minutes *m = NULL;
	struct load_error err;
	a->scans++;
	if (loader_load_file(path, &m, &err) == LOAD_FATAL) {
		out_add(a->o, path, 0, "FATAL", "");
		return true;
	}
	a->path = path;
	a->m = m;
	search_minutes(a->q, m, scan_hit, a);
	minutes_free(m);
	return true;
}

static bool
fn_hit(const char *path, unsigned line, const char *id, const char *text,
       void *arg)
{
	struct scan_arg *a = arg;
	out_add(a->o, path, line, id, text);
	return true;
}

/* The search of QUERY through the index and by a scan: same lines?
 * *SCANS: how many files the index left to the scan. */
static bool
same_as_scan(struct minutes_index *ix, const char *query, int *scans,
	     enum index_result *res)
{
	int errors = 0;
	char *a = arch;
	char **paths = paths_expand(&a, 1, &errors);
	struct search_query *q = search_compile(query);
	struct out got = { 0 }, want = { 0 };
	struct scan_arg ga = { &got, NULL, NULL, q, 0 };
	struct scan_arg wa = { &want, NULL, NULL, q, 0 };
	struct index_search_fns fns = { fn_hit, fn_scan, &ga };
	*res = index_search(ix, paths, query, q, &fns);
	for (char **p = paths; *p; p++)
		fn_scan(*p, &wa);
	bool same = (got.n == want.n) && (!got.n || memcmp(got.s, want.s, got.n) == 0);
	if (!same)
		printf("# got:\n%s# want:\n%s", got.s ? got.s : "", want.s ? want.s : "");
	if (scans)
		*scans = ga.scans;
	free(got.s);
	free(want.s);
	search_query_free(q);
	paths_free(paths);
	return same && want.n > 0;
}

static long
count_rows(struct minutes_index *ix)
{
	return index_count(ix, NULL);
}

/* --- tests ------------------------------------------------------------------- */

static void
setup_archive(void)
{
	char p[1024];
	snprintf(arch, sizeof(arch), "%s/archive", scratch);
	snprintf(cache, sizeof(cache), "%s/cache/minutes", scratch);
	mkdir(arch, 0755);
	snprintf(p, sizeof(p), "%s/2020", arch);
	mkdir(p, 0755);
	copy_in("data/ngan-son-2020.xml", "2020/ngan-son.xml");
	copy_in("data/ban-ke-hoach-2021.xml", "ban-ke-hoach.xml");
	copy_in("tests/fixtures/valid-full.xml", "full.xml");
	copy_in("tests/fixtures/invalid-bad-date.xml", "bad-date.xml");
	copy_in("tests/fixtures/hostile-truncated.xml", "truncated.xml");
}

static void
test_open(void)
{
	char err[1024];
	struct index_options o = opts();
	struct minutes_index *ix = index_open(arch, &o, err, sizeof(err));
	OK(ix != NULL, "the index opens, its folders made");
	if (!ix) {
		printf("# %s\n", err);
		exit(1);
	}
	struct stat st;
	OK(stat(cache, &st) == 0 && (st.st_mode & 0777) == 0700,
	   "the cache folder is 0700");
	OK(stat(index_db_path(ix), &st) == 0 && (st.st_mode & 0777) == 0600,
	   "the database is 0600");
	const char *base = strrchr(index_db_path(ix), '/') + 1;
	OK(strncmp(base, "archive-", 8) == 0 &&
	   strcmp(base + strlen(base) - 7, ".sqlite") == 0,
	   "the database is named after the folder");

	struct index_sync_stats s;
	IS_INT(sync_archive(ix, &s), INDEX_OK, "first sync");
	IS_INT(s.files, 5, "five files");
	IS_INT(s.loaded, 5, "all loaded");
	IS_INT(count_rows(ix), 5, "five summaries");
	IS_INT(sync_archive(ix, &s), INDEX_OK, "second sync");
	IS_INT(s.loaded, 0, "nothing changed: nothing loaded");
	OK(stat(index_db_path(ix), &st) == 0 && (st.st_mode & 0777) == 0600,
	   "the database is still 0600 after writing");
	char wal[1100];
	snprintf(wal, sizeof(wal), "%s-wal", index_db_path(ix));
	OK(stat(wal, &st) != 0 || (st.st_mode & 0777) == 0600,
	   "the write-ahead log is 0600 too");
	index_close(ix);

	/* the schema's version in the file */
	sqlite3 *db;
	sqlite3_open(index_db_path(ix = index_open(arch, &o, err, sizeof(err))), &db);
	sqlite3_stmt *q;
	sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'schema'", -1, &q, NULL);
	char ver[16];
	snprintf(ver, sizeof(ver), "%d", INDEX_SCHEMA);
	IS_STR(sqlite3_step(q) == SQLITE_ROW ? (const char *)sqlite3_column_text(q, 0) : NULL,
	       ver, "the schema version is kept in meta");
	sqlite3_finalize(q);
	sqlite3_prepare_v2(db, "SELECT journal_mode FROM pragma_journal_mode", -1, &q, NULL);
	IS_STR(sqlite3_step(q) == SQLITE_ROW ? (const char *)sqlite3_column_text(q, 0) : NULL,
	       "wal", "the database is in WAL mode");
	sqlite3_finalize(q);
	/* an older schema: the index is made again */
	sqlite3_exec(db, "UPDATE meta SET value = '0' WHERE key = 'schema'", NULL, NULL, NULL);
	sqlite3_close(db);
	index_close(ix);
	ix = index_open(arch, &o, err, sizeof(err));
	OK(ix != NULL, "an index of another schema version opens");
	IS_INT(count_rows(ix), 0, "... made again, empty");
	IS_INT(sync_archive(ix, &s), INDEX_OK, "... and synced");
	IS_INT(s.loaded, 5, "... every file loaded again");
	index_close(ix);
}

static void
test_freshness(void)
{
	char err[1024];
	struct index_options o = opts();
	struct minutes_index *ix = index_open(arch, &o, err, sizeof(err));
	struct index_sync_stats s;
	enum index_result r;
	int scans;

	sync_archive(ix, &s);
	OK(same_as_scan(ix, "dai doan ket", &scans, &r), "search: the same lines as a scan");
	IS_INT(r, INDEX_OK, "search: answered from the index");
	IS_INT(scans, 1, "search: only the unloadable file is left to the scan");
	OK(same_as_scan(ix, "ng", NULL, &r), "two-letter search: the same lines as a scan");
	OK(same_as_scan(ix, "Ủy BAN", NULL, &r), "accented upper-case search: the same lines");
	OK(same_as_scan(ix, "2020", NULL, &r), "digits: the same lines");
	OK(same_as_scan(ix, "\"Vì người", NULL, &r) && r == INDEX_OK,
	   "a quote in the query (curly quotes fold to it): the same lines");
	OK(same_as_scan(ix, "ngày hội đại đoàn kết toàn dân tộc", NULL, &r),
	   "a long query with repeated trigrams: the same lines");

	/* an edit that changes the size */
	edit("ban-ke-hoach.xml", "Hòa Thuận", "Hòa Thuận Thượng Hạ");
	IS_INT(sync_archive(ix, &s), INDEX_OK, "sync after an edit");
	IS_INT(s.loaded, 1, "the edited file is loaded again");
	OK(same_as_scan(ix, "thuong ha", NULL, &r), "the edit is found");

	/* an edit of the same size, time stamp put back */
	struct stat before;
	stat(apath("full.xml"), &before);
	char *t = slurp(apath("full.xml"), NULL);
	char *ti = t ? strstr(t, "<title>") : NULL;
	OK(ti != NULL && ti[7] >= 'A' && ti[7] <= 'Z', "the title starts with an ASCII letter");
	if (ti) {
		ti[7] = ti[7] == 'X' ? 'Y' : 'X'; /* one byte of the title */
		spew(apath("full.xml"), t, strlen(t));
	}
	free(t);
	struct timespec ts[2] = { before.st_atim, before.st_mtim };
	utimensat(AT_FDCWD, apath("full.xml"), ts, 0);
	struct stat after;
	stat(apath("full.xml"), &after);
	OK(after.st_size == before.st_size &&
	   after.st_mtim.tv_nsec == before.st_mtim.tv_nsec &&
	   after.st_mtim.tv_sec == before.st_mtim.tv_sec,
	   "same size, same modification time");
	IS_INT(sync_archive(ix, &s), INDEX_OK, "sync after a same-size edit");
	IS_INT(s.loaded, 1, "the change time tells: loaded again");

	/* deletion and rename */
	unlink(apath("bad-date.xml"));
	char from[1024];
	snprintf(from, sizeof(from), "%s", apath("2020/ngan-son.xml"));
	rename(from, apath("2020/ngan-son-moved.xml"));
	IS_INT(sync_archive(ix, &s), INDEX_OK, "sync after a deletion and a rename");
	IS_INT(s.removed, 2, "two rows gone");
	IS_INT(s.loaded, 1, "the renamed file loaded");
	IS_INT(count_rows(ix), 4, "four summaries");
	OK(same_as_scan(ix, "dai doan ket", NULL, &r), "the renamed file's hits under its new name");

	/* a file that stops loading, one that starts */
	copy_in("tests/fixtures/hostile-truncated.xml", "ban-ke-hoach.xml");
	copy_in("data/ngan-son-2020.xml", "truncated.xml");
	IS_INT(sync_archive(ix, &s), INDEX_OK, "sync after files broke and mended");
	IS_INT(s.loaded, 2, "both loaded again");
	OK(same_as_scan(ix, "dai doan ket", &scans, &r), "the mended file is searched");
	IS_INT(scans, 1, "the broken file is left to the scan");

	/* the two-second rule: a file changed less than two seconds before
	 * its stat is loaded again next time (its time stamp may not have
	 * moved since) */
	copy_in("data/ban-ke-hoach-2021.xml", "ban-ke-hoach.xml");
	struct stat cst;
	stat(apath("ban-ke-hoach.xml"), &cst);
	clock_at = (long long)cst.st_ctim.tv_sec * 1000000000LL + cst.st_ctim.tv_nsec +
		   500000000LL;
	o.now_ns = fixed_clock;
	index_close(ix);
	ix = index_open(arch, &o, err, sizeof(err));
	OK(recent_files(clock_at) >= 1, "a file just written is recent");
	sync_archive(ix, &s);
	IS_INT(s.loaded, 1, "a file just written: loaded");
	sync_archive(ix, &s);
	IS_INT(s.loaded, 1, "... and loaded again: its time stamp may not have moved yet");
	clock_at += 2000000000LL;
	sync_archive(ix, &s);
	sync_archive(ix, &s);
	IS_INT(s.loaded, 0, "two seconds later they are not");
	o.now_ns = late_clock;
	index_close(ix);
	ix = index_open(arch, &o, err, sizeof(err));

	/* notes count: a note added beside a file */
	struct minutes *m = NULL;
	struct load_error lerr;
	loader_load_file(apath("ban-ke-hoach.xml"), &m, &lerr);
	struct notes_error nerr;
	struct notes_store *ns = notes_open(apath("ban-ke-hoach.xml"), m, "tester", &nerr);
	notes_add(ns, m->id, NOTES_QUESTION, "Ai chủ trì?", NULL, &nerr);
	notes_close(ns);
	minutes_free(m);
	IS_INT(sync_archive(ix, &s), INDEX_OK, "sync after a note");
	IS_INT(s.loaded, 1, "the notes folder changed: the file is loaded again");
	struct index_filter f = { .open_notes = true };
	IS_INT(index_count(ix, &f), 1, "one meeting with open notes");
	index_close(ix);
}

static bool
stop_after_two(void *arg)
{
	int *n = arg;
	return ++*n >= 2;
}

static void
test_interrupt(void)
{
	char err[1024];
	struct index_options o = opts();
	int calls = 0;
	o.rebuild = true;
	o.stop = stop_after_two;
	o.stop_arg = &calls;
	struct minutes_index *ix = index_open(arch, &o, err, sizeof(err));
	struct index_sync_stats s;
	IS_INT(sync_archive(ix, &s), INDEX_INTERRUPTED, "a stopped sync says so");
	IS_INT(s.loaded, 2, "two files were done");
	index_close(ix);
	o = opts();
	ix = index_open(arch, &o, err, sizeof(err));
	IS_INT(count_rows(ix), 2, "the two are kept");
	IS_INT(sync_archive(ix, &s), INDEX_OK, "the next sync goes on");
	IS_INT(s.loaded, 2, "... loading the other two");
	enum index_result r;
	OK(same_as_scan(ix, "dai doan ket", NULL, &r), "... and the search is whole");
	index_close(ix);
}

static bool
list_path(const struct index_summary *s, void *arg)
{
	struct out *o = arg;
	char buf[1024];
	int k = snprintf(buf, sizeof(buf), "%s|%s|%s|%ld|%ld|%ld|%s|%s|%s|%ld|%ld|%ld\n",
			 s->path, s->date ? s->date : "-", s->status ? s->status : "-",
			 s->items, s->problems, s->open_notes,
			 s->review ? s->review : "-", s->number ? s->number : "-",
			 s->agency ? s->agency : "-", s->votes, s->tasks, s->warnings);
	o->s = realloc(o->s, o->n + (size_t)k + 1);
	memcpy(o->s + o->n, buf, (size_t)k + 1);
	o->n += (size_t)k;
	return true;
}

struct progress_seen {
	size_t calls, last_done, total;
	bool increasing;
};

static void
on_progress(size_t done, size_t total, double rate, void *arg)
{
	struct progress_seen *p = arg;
	if (done <= p->last_done || rate <= 0)
		p->increasing = false;
	p->calls++;
	p->last_done = done;
	p->total = total;
}

static void
test_progress(void)
{
	char err[1024];
	struct index_options o = opts();
	struct progress_seen seen = { 0, 0, 0, true };
	o.rebuild = true;
	o.progress_fn = on_progress;
	o.progress_arg = &seen;
	o.progress_ns = 1;
	struct minutes_index *ix = index_open(arch, &o, err, sizeof(err));
	struct index_sync_stats s;
	IS_INT(sync_archive(ix, &s), INDEX_OK, "progress: a sync");
	IS_INT(seen.calls, 4, "progress: told after each file (every 1 ns)");
	OK(seen.increasing, "progress: files done go up, the rate is positive");
	IS_INT(seen.last_done, 4, "progress: the last call says all are done");
	IS_INT(seen.total, 4, "progress: of four");
	index_close(ix);
}

static void
test_list(void)
{
	char err[1024];
	struct index_options o = opts();
	struct minutes_index *ix = index_open(arch, &o, err, sizeof(err));
	struct index_sync_stats s;
	copy_in("data/tan-lap-nong-thon-moi-2019.xml", "tan-lap.xml");
	sync_archive(ix, &s);
	struct out got = { 0 };
	IS_INT(index_list(ix, INDEX_SORT_PATH, false, NULL, 0, -1, list_path, &got),
	       5, "list: five meetings");
	IS_STR(got.s,
	       "2020/ngan-son-moved.xml|2020-01-16|draft|36|0|0|none|-|-|-1|-1|0\n"
	       "ban-ke-hoach.xml|2021-12-20|approved|16|0|1|open|15/BB-UBND|Ủy ban nhân dân xã Hòa Thuận|0|0|0\n"
	       "full.xml|2023-12-28|final|5|0|0|none|-|-|-1|-1|0\n"
	       "tan-lap.xml|2019-06-27|approved|8|0|0|none|08/BB-UBND|Ủy ban nhân dân xã Tân Lập|1|2|0\n"
	       "truncated.xml|2020-01-16|draft|36|0|0|none|-|-|-1|-1|0\n",
	       "list by path: path, date, status, items, errors, open notes, review, "
	       "number, agency, votes, tasks, warnings (v2's unknown in v1)");
	free(got.s);
	got.s = NULL;
	got.n = 0;
	index_list(ix, INDEX_SORT_DATE, true, NULL, 1, 2, list_path, &got);
	IS_STR(got.s,
	       "ban-ke-hoach.xml|2021-12-20|approved|16|0|1|open|15/BB-UBND|Ủy ban nhân dân xã Hòa Thuận|0|0|0\n"
	       "truncated.xml|2020-01-16|draft|36|0|0|none|-|-|-1|-1|0\n",
	       "list by date, newest first, a page of two from the second");
	free(got.s);
	got.s = NULL;
	got.n = 0;
	struct index_filter f = { .status = "draft", .date_from = "2020-01-01",
				  .date_to = "2020-12-31" };
	IS_INT(index_count(ix, &f), 2, "filter: drafts of 2020");
	f.date_to = "2020-01-15";
	IS_INT(index_count(ix, &f), 0, "filter: the last day is inclusive, not later");
	struct index_filter ft = { .title = "KE HOACH" };
	IS_INT(index_count(ix, &ft), 2, "filter: the title, folded");
	struct index_filter fr = { .review = "open" };
	IS_INT(index_count(ix, &fr), 1, "filter: the review state");
	index_list(ix, INDEX_SORT_TITLE, false, NULL, 0, 1, list_path, &got);
	OK(got.s != NULL, "list by title (Vietnamese order)");
	free(got.s);
	/* the browser's search: no path list, the hit files' names */
	struct out hits = { 0 };
	struct scan_arg ha = { &hits, NULL, NULL, NULL, 0 };
	struct search_query *q = search_compile("dai doan ket");
	ha.q = q;
	struct index_search_fns fns = { fn_hit, fn_scan, &ha };
	IS_INT(index_search(ix, NULL, "dai doan ket", q, &fns), INDEX_OK,
	       "a search without a path list walks the folder");
	OK(hits.s && strstr(hits.s, "/2020/ngan-son-moved.xml:56:kq5: ") &&
	   strstr(hits.s, "/truncated.xml:56:kq5: "),
	   "... and finds the hits under their paths");
	free(hits.s);
	search_query_free(q);
	struct minutes *m = NULL;
	struct load_error lerr;
	IS_INT(index_load(ix, "ban-ke-hoach.xml", &m, &lerr), LOAD_OK,
	       "a meeting loads by its path in the list");
	IS_STR(m ? m->id : NULL, "hoa-thuan-ke-hoach-2021", "... the right one");
	minutes_free(m);
	index_close(ix);
}

static void
test_fallbacks(void)
{
	char err[1024];
	struct index_options o = opts();
	struct minutes_index *ix = index_open(arch, &o, err, sizeof(err));
	struct index_sync_stats s;
	enum index_result r;
	sync_archive(ix, &s);
	char *db_path = strdup(index_db_path(ix));
	index_close(ix);

	/* locked: another process writes */
	sqlite3 *other;
	sqlite3_open(db_path, &other);
	sqlite3_exec(other, "BEGIN IMMEDIATE; UPDATE meta SET value = value", NULL, NULL, NULL);
	o.busy_ms = 50;
	ix = index_open(arch, &o, err, sizeof(err));
	OK(ix != NULL, "locked: the index opens (WAL: readers are not blocked)");
	if (ix) {
		IS_INT(sync_archive(ix, &s), INDEX_OK, "locked: nothing to write, the sync is done");
		OK(same_as_scan(ix, "dai doan ket", NULL, &r) && r == INDEX_OK,
		   "locked: the search is answered");
		edit("full.xml", "<title>", "<title>Mới ");
		IS_INT(sync_archive(ix, &s), INDEX_ERROR, "locked: a change cannot be written: error");
		OK(strstr(index_error(ix), "locked") != NULL, "locked: the error says so");
		index_close(ix);
	}
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	o.busy_ms = 0;

	/* full: the database may not grow */
	o.rebuild = true;
	o.max_pages = 12;
	ix = index_open(arch, &o, err, sizeof(err));
	OK(ix != NULL, "full: the index opens");
	if (ix) {
		IS_INT(sync_archive(ix, &s), INDEX_ERROR, "full: the sync fails");
		OK(strstr(index_error(ix), "full") != NULL, "full: the error says so");
		index_close(ix);
	}
	o.rebuild = false;
	o.max_pages = 0;

	/* damaged: garbage over the database */
	ix = index_open(arch, &o, err, sizeof(err));
	sync_archive(ix, &s);
	index_close(ix);
	char junk[8192];
	memset(junk, 'x', sizeof(junk));
	int fd = open(db_path, O_WRONLY | O_TRUNC);
	OK(fd >= 0 && write(fd, junk, sizeof(junk)) == (ssize_t)sizeof(junk),
	   "damaged: garbage written over the database");
	if (fd >= 0)
		close(fd);
	char wal[1100];
	snprintf(wal, sizeof(wal), "%s-wal", db_path);
	unlink(wal);
	err[0] = '\0';
	ix = index_open(arch, &o, err, sizeof(err));
	OK(ix == NULL && strstr(err, "damaged") != NULL, "damaged: the open fails, saying so");
	if (ix)
		index_close(ix);
	o.rebuild = true;
	ix = index_open(arch, &o, err, sizeof(err));
	OK(ix != NULL, "damaged: a rebuild makes it again");
	if (ix) {
		IS_INT(sync_archive(ix, &s), INDEX_OK, "... and it syncs");
		index_close(ix);
	}
	o.rebuild = false;

	/* damaged inside: the texts' table lost, the search falls back */
	sqlite3_open(db_path, &other);
	sqlite3_exec(other, "DROP TABLE elems", NULL, NULL, NULL);
	sqlite3_close(other);
	ix = index_open(arch, &o, err, sizeof(err));
	if (ix) {
		int scans;
		OK(same_as_scan(ix, "dai doan ket", &scans, &r),
		   "a failing search: the scan answers, the same lines");
		IS_INT(r, INDEX_ERROR, "... and the search says it failed");
		IS_INT(scans, 5, "... every file scanned, none twice");
		index_close(ix);
	}
	o.rebuild = true;
	index_close(index_open(arch, &o, err, sizeof(err)));
	o.rebuild = false;

	/* damaged inside: a file's packed texts cut short, the search
	 * falls back rather than read past them */
	ix = index_open(arch, &o, err, sizeof(err));
	if (ix) {
		IS_INT(sync_archive(ix, &s), INDEX_OK, "texts cut: the index is made");
		index_close(ix);
	}
	sqlite3_open(db_path, &other);
	sqlite3_exec(other, "UPDATE elems SET texts = substr(texts, 1, 40)",
		     NULL, NULL, NULL);
	sqlite3_close(other);
	ix = index_open(arch, &o, err, sizeof(err));
	if (ix) {
		int scans;
		OK(same_as_scan(ix, "dai doan ket", &scans, &r),
		   "texts cut: the scan answers, the same lines");
		IS_INT(r, INDEX_ERROR, "texts cut: the search says it failed");
		OK(strstr(index_error(ix), "damaged") != NULL,
		   "texts cut: the error says the index is damaged");
		index_close(ix);
	}
	o.rebuild = true;
	index_close(index_open(arch, &o, err, sizeof(err)));
	o.rebuild = false;

	/* unwritable: the cache folder cannot be made */
	char blocker[1024];
	snprintf(blocker, sizeof(blocker), "%s/file", scratch);
	spew(blocker, "x", 1);
	char sub[1100];
	snprintf(sub, sizeof(sub), "%s/minutes", blocker);
	o.cache_dir = sub;
	err[0] = '\0';
	ix = index_open(arch, &o, err, sizeof(err));
	OK(ix == NULL && strstr(err, "Not a directory") != NULL,
	   "unwritable cache folder: the open fails, saying why");
	o.cache_dir = cache;

	/* read-only: a database that cannot be written */
	if (geteuid() == 0) {
		skip("read-only database", "root writes to any file");
	} else {
		chmod(db_path, 0400);
		ix = index_open(arch, &o, err, sizeof(err));
		OK(ix != NULL, "read-only: opens");
		if (ix) {
			IS_INT(sync_archive(ix, &s), INDEX_OK, "read-only and fresh: usable");
			edit("full.xml", "<title>", "<title>Cũ ");
			IS_INT(sync_archive(ix, &s), INDEX_ERROR, "read-only and stale: error");
			index_close(ix);
		}
		chmod(db_path, 0600);
	}
	free(db_path);
}

/* A file with far more distinct trigrams than the tokenizer's first
 * table holds (it grows). */
static void
test_many_trigrams(void)
{
	char err[1024];
	struct index_options o = opts();
	size_t cap = 400000, n = 0;
	char *x = malloc(cap);
	n += (size_t)snprintf(x + n, cap - n,
			      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			      "<minutes version=\"1\" id=\"many\">\n"
			      "  <meeting><title>Nhiều</title><date>2020-01-16</date></meeting>\n"
			      "  <attendees/>\n"
			      "  <section id=\"s1\" kind=\"report\"><heading>Số</heading>\n"
			      "    <item id=\"i1\">");
	/* words of four letters from a scrambled count: some 19,600
	 * distinct trigrams */
	char w[8][8];
	for (int i = 0; i < 30000 && n + 16 < cap; i++) {
		int v = (int)((long)i * 7919 % 456976);
		char word[8] = { (char)('a' + v % 26), (char)('a' + v / 26 % 26),
				 (char)('a' + v / 676 % 26), (char)('a' + v / 17576 % 26),
				 ' ', 0 };
		if (i >= 1 && i <= 2)
			memcpy(w[i], word, 6);
		if (i >= 29998)
			memcpy(w[i - 29998 + 3], word, 6);
		n += (size_t)snprintf(x + n, cap - n, "%s", word);
	}
	char q1[32], q2[32];
	snprintf(q1, sizeof(q1), "%s%.4s", w[1], w[2]);
	snprintf(q2, sizeof(q2), "%s%.4s", w[3], w[4]);
	n += (size_t)snprintf(x + n, cap - n, "</item>\n  </section>\n</minutes>\n");
	struct minutes_index *ix = index_open(arch, &o, err, sizeof(err));
	struct index_sync_stats s;
	enum index_result r;
	sync_archive(ix, &s);
	spew(apath("many.xml"), x, n);
	free(x);
	IS_INT(sync_archive(ix, &s), INDEX_OK, "many trigrams: synced");
	IS_INT(s.loaded, 1, "many trigrams: the file loaded");
	OK(same_as_scan(ix, q1, NULL, &r) && r == INDEX_OK,
	   "many trigrams: the first words found, as by a scan");
	OK(same_as_scan(ix, q2, NULL, &r) && r == INDEX_OK,
	   "many trigrams: the last words found, as by a scan");
	index_close(ix);
	unlink(apath("many.xml"));
}

static void
rm_rf(const char *dir)
{
	char cmd[1100];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
}

int
main(void)
{
	srcdir = getenv("top_srcdir");
	if (!srcdir)
		srcdir = ".";
	if (!mkdtemp(scratch)) {
		perror("mkdtemp");
		return 1;
	}
	setenv("XDG_DATA_HOME", scratch, 1); /* notes' fallback folder */
	setup_archive();
	test_open();
	test_freshness();
	test_interrupt();
	test_progress();
	test_list();
	test_fallbacks();
	test_many_trigrams();
	if (!getenv("INDEX_KEEP"))
		rm_rf(scratch);
	return tap_done();
}
