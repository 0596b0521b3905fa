/* index.c - the archive index in SQLite (see index.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "index.h"
#include "index_db.h"
#include "nls.h"
#include "notes.h"
#include "paths.h"
#include "text.h"
#include "trigram.h"
#include "xalloc.h"

#define RACY_NS 2000000000LL   /* changed this recently: load again next time */
#define COMMIT_NS 1000000000LL /* a sync commits at least this often */
#define PROGRESS_NS 1000000000LL


/* --- small helpers -------------------------------------------------- */

void
ix_seterr(struct minutes_index *ix, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ix->err, sizeof(ix->err), fmt, ap);
	va_end(ap);
}

/* The message of a failed SQLite call. */
void
ix_dberr(struct minutes_index *ix)
{
	int rc = sqlite3_errcode(ix->db);
	if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
		ix_seterr(ix, _("%s is damaged (%s): 'minutes --reindex' makes it again"),
			  ix->db_path, sqlite3_errmsg(ix->db));
	else
		ix_seterr(ix, "%s: %s", ix->db_path, sqlite3_errmsg(ix->db));
}

static uint64_t
fnv_add(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

#define FNV_INIT 14695981039346656037ULL

static long long
real_now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static long long
mono_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static long long
ix_now(const struct minutes_index *ix)
{
	return ix->o.now_ns ? ix->o.now_ns() : real_now_ns();
}

/* The fold, as the search does it, into the index's buffer. */
static const char *
ix_fold(struct minutes_index *ix, const char *s, size_t *len)
{
	if (!text_fold_into(s, strlen(s), &ix->fold_buf, &ix->fold_cap, len))
		mn_oom();
	return ix->fold_buf;
}

/* A hash of the fold of texts that exercise it: when the fold changes
 * (a new version of minutes), the folded texts in the index no longer
 * match the queries' and the index is made again. */
static char *
fold_fingerprint(void)
{
	static const char *const probes[] = {
		"Đại đoàn kết ỦY BAN Uỷ ban hoà hòa Ð ð",
		"Vie\xcc\xa3\xcc\x82t Nam NFD", /* NFD marks */
		"\xef\xbc\xa1\xef\xbc\xa2 x\xc2\xa0y \xe2\x80\x93 \xe2\x80\x94 \xe2\x80\x9cq\xe2\x80\x9d \xe2\x80\x98r\xe2\x80\x99",
		"a\xe2\x80\x8b" "b c\xc2\xad" "d \xe2\x80\xae" "e\x01" "f \xef\xac\x81 \xc2\xbd \xc3\x9f \xc4\xb0 \xe2\x91\xa0",
		"  spaces\t\n runs  ", "ƯƠ ươ Ă ă Â â Ê ê Ô ô", "0123 ½ ²",
	};
	uint64_t h = FNV_INIT;
	for (size_t i = 0; i < sizeof(probes) / sizeof(*probes); i++) {
		size_t n;
		char *k = text_fold_simple(probes[i], strlen(probes[i]), &n);
		if (!k)
			mn_oom();
		h = fnv_add(h, k, n + 1);
		free(k);
	}
	return xasprintf("%016llx", (unsigned long long)h);
}

/* --- SQL functions: the fold and the Vietnamese order ---------------- */

static void
sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const unsigned char *s = sqlite3_value_text(argv[0]);
	if (!s) {
		sqlite3_result_null(ctx);
		return;
	}
	size_t n;
	char *k = text_fold_simple((const char *)s,
				   (size_t)sqlite3_value_bytes(argv[0]), &n);
	if (!k) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, k, (int)n, free);
}

static int
sql_collate_vi(void *arg, int na, const void *a, int nb, const void *b)
{
	(void)arg;
	char sa[512], sb[512];
	char *pa = (size_t)na < sizeof(sa) ? sa : xmalloc((size_t)na + 1);
	char *pb = (size_t)nb < sizeof(sb) ? sb : xmalloc((size_t)nb + 1);
	memcpy(pa, a, (size_t)na);
	pa[na] = '\0';
	memcpy(pb, b, (size_t)nb);
	pb[nb] = '\0';
	int r = text_collate(pa, pb);
	if (pa != sa)
		free(pa);
	if (pb != sb)
		free(pb);
	return r;
}
/* --- where the databases live ------------------------------------------ */

/* Makes every missing folder of PATH, 0700. */
static int
mkdir_parents(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		int r = mkdir(path, 0700);
		*p = '/';
		if (r != 0 && errno != EEXIST)
			return -1;
	}
	if (mkdir(path, 0700) != 0 && errno != EEXIST)
		return -1;
	return 0;
}

static char *
cache_dir(const struct index_options *o, char *err, size_t errsize)
{
	if (o->cache_dir && *o->cache_dir)
		return xstrdup(o->cache_dir);
	const char *xdg = getenv("XDG_CACHE_HOME");
	if (xdg && xdg[0] == '/') /* relative ones are to be ignored */
		return xasprintf("%s/minutes", xdg);
	const char *home = getenv("HOME");
	if (home && home[0] == '/')
		return xasprintf("%s/.cache/minutes", home);
	snprintf(err, errsize, "%s",
		 _("no cache folder: neither XDG_CACHE_HOME nor HOME is set"));
	return NULL;
}

/* DIR/NAME-HASH.sqlite, NAME the folder's base name made file-safe. */
static char *
db_file_name(const char *cache, const char *real)
{
	const char *base = strrchr(real, '/');
	base = base && base[1] ? base + 1 : "root";
	char name[41];
	size_t n = 0;
	for (const char *p = base; *p && n < sizeof(name) - 1; p++) {
		unsigned char c = (unsigned char)*p;
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			  (c >= '0' && c <= '9') || c == '-' || c == '_' ||
			  (c == '.' && n > 0);
		if (ok || c < 0x80 || (c & 0xc0) == 0xc0)
			name[n++] = ok ? (char)c : '_';
	}
	name[n] = '\0';
	uint64_t h = fnv_add(FNV_INIT, real, strlen(real));
	return xasprintf("%s/%s-%016llx.sqlite", cache, n ? name : "folder",
			 (unsigned long long)h);
}

/* --- the schema ----------------------------------------------------------- */

static const char schema_sql[] =
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
	"CREATE TABLE files("
	" id INTEGER PRIMARY KEY, rel TEXT NOT NULL UNIQUE,"
	" dev INTEGER, ino INTEGER, size INTEGER, mtime_ns INTEGER,"
	" ctime_ns INTEGER, notes_sig INTEGER, racy INTEGER,"
	" load INTEGER, error TEXT, mid TEXT, date TEXT, title TEXT,"
	" status TEXT, number TEXT, agency TEXT, items INTEGER,"
	" figures_met INTEGER, figures_missed INTEGER, votes INTEGER,"
	" tasks INTEGER, problems INTEGER, warnings INTEGER,"
	" open_notes INTEGER, review TEXT,"
	/* the browser's list: its text filter, its review label's parts */
	" organizer TEXT, unanswered INTEGER, signers TEXT);"
	/* a file's texts, one row (its id that of the files row): the
	 * folds, one a line, in order (what its FTS5 row was made of, and
	 * what a search looks through), and the texts as written with their
	 * lines and ids (index_db.h): a row per file rather than per text,
	 * so that writing a file is three inserts, and the summaries stay
	 * small for the meetings list */
	"CREATE TABLE elems(file INTEGER PRIMARY KEY, doc BLOB, texts BLOB);"
	/* rowids only (detail=none): a query is the AND of its trigrams, its
	 * candidates checked with search_text; positions would make the
	 * index half as big again and its build slower by as much */
	"CREATE VIRTUAL TABLE elem_fts USING fts5(key, content='', detail=none,"
	" tokenize='minutes_trigram');"
	/* fewer, bigger segments while building */
	"INSERT INTO elem_fts(elem_fts, rank) VALUES('hashsize', 33554432);";

/* The browser's list reads a window of rows in its orders (load = 2:
 * LOAD_FATAL, those that did not load, last), the archive's open notes,
 * and the sync the files' identities, from these indexes alone: never
 * the wide rows of files (a scan of them touches the whole database). */
static const char list_indexes_sql[] =
	"CREATE INDEX IF NOT EXISTS files_list_date ON files(load = 2,"
	" date DESC, rel, status, open_notes);"
	"CREATE INDEX IF NOT EXISTS files_list_status ON files(load = 2,"
	" CASE status WHEN 'draft' THEN 0 WHEN 'final' THEN 1"
	" WHEN 'approved' THEN 2 ELSE 3 END, date DESC, rel);"
	"CREATE INDEX IF NOT EXISTS files_list_open ON files(load = 2,"
	" coalesce(open_notes, 0) DESC, date DESC, rel);"
	"CREATE INDEX IF NOT EXISTS files_open ON files(open_notes)"
	" WHERE open_notes > 0;"
	"CREATE INDEX IF NOT EXISTS files_ident ON files(rel, dev, ino, size,"
	" mtime_ns, ctime_ns, notes_sig, racy, load);";

void
index_list_prepare(struct minutes_index *ix)
{
	/* a read-only, full or locked database answers without them */
	if (!ix->readonly &&
	    sqlite3_exec(ix->db, list_indexes_sql, NULL, NULL, NULL) != SQLITE_OK)
		sqlite3_exec(ix->db, "ROLLBACK", NULL, NULL, NULL);
}

static const char drop_sql[] =
	"DROP TABLE IF EXISTS elem_fts; DROP TABLE IF EXISTS elems;"
	"DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS meta;";

static int
exec(struct minutes_index *ix, const char *sql)
{
	if (sqlite3_exec(ix->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		ix_dberr(ix);
		return -1;
	}
	return 0;
}

static char *
meta_get(struct minutes_index *ix, const char *key, int *rc)
{
	sqlite3_stmt *st;
	char *v = NULL;
	*rc = sqlite3_prepare_v2(ix->db, "SELECT value FROM meta WHERE key = ?1",
				 -1, &st, NULL);
	if (*rc != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	*rc = sqlite3_step(st);
	if (*rc == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 0);
		v = xstrdup(t ? (const char *)t : "");
		*rc = SQLITE_OK;
	} else if (*rc == SQLITE_DONE) {
		*rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return v;
}

static int
meta_put(struct minutes_index *ix, const char *key, const char *value)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(ix->db,
			       "INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)",
			       -1, &st, NULL) != SQLITE_OK) {
		ix_dberr(ix);
		return -1;
	}
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		ix_dberr(ix);
		return -1;
	}
	return 0;
}

static int schema_current(struct minutes_index *ix, const char *fold,
			  bool *current);

/* Empties the database and makes the tables of this version. */
static int
schema_create(struct minutes_index *ix, const char *fold)
{
	char ver[16];
	snprintf(ver, sizeof(ver), "%d", INDEX_SCHEMA);
	if (exec(ix, "BEGIN IMMEDIATE") != 0)
		return -1;
	/* another process may have made it while this one waited */
	bool current = false;
	if (!ix->o.rebuild && schema_current(ix, fold, &current) == 0 && current)
		return exec(ix, "COMMIT");
	if (exec(ix, drop_sql) != 0 || exec(ix, schema_sql) != 0 ||
	    meta_put(ix, "schema", ver) != 0 || meta_put(ix, "fold", fold) != 0 ||
	    meta_put(ix, "folder", ix->real) != 0 ||
	    meta_put(ix, "program", PACKAGE_VERSION) != 0 ||
	    exec(ix, "COMMIT") != 0) {
		sqlite3_exec(ix->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

/* True when the database holds an index of this version, of this folder
 * and with this fold. */
static int
schema_current(struct minutes_index *ix, const char *fold, bool *current)
{
	int rc;
	*current = false;
	sqlite3_stmt *st;
	rc = sqlite3_prepare_v2(ix->db,
				"SELECT count(*) FROM sqlite_master WHERE name = 'meta'",
				-1, &st, NULL);
	if (rc != SQLITE_OK) {
		ix_dberr(ix);
		return -1;
	}
	rc = sqlite3_step(st);
	bool have = rc == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		ix_dberr(ix);
		return -1;
	}
	if (!have)
		return 0;
	char ver[16];
	snprintf(ver, sizeof(ver), "%d", INDEX_SCHEMA);
	const char *keys[] = { "schema", "fold", "folder", "program" };
	const char *want[] = { ver, fold, ix->real, PACKAGE_VERSION };
	for (size_t i = 0; i < 4; i++) {
		char *v = meta_get(ix, keys[i], &rc);
		if (rc != SQLITE_OK) {
			ix_dberr(ix);
			return -1;
		}
		bool same = v && strcmp(v, want[i]) == 0;
		free(v);
		if (!same)
			return 0;
	}
	*current = true;
	return 0;
}

static int
prepare(struct minutes_index *ix, sqlite3_stmt **st, const char *sql)
{
	if (sqlite3_prepare_v3(ix->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st,
			       NULL) != SQLITE_OK) {
		ix_dberr(ix);
		return -1;
	}
	return 0;
}

static int
prepare_writes(struct minutes_index *ix)
{
	if (ix->ins_file)
		return 0;
	return prepare(ix, &ix->ins_file,
		       "INSERT INTO files(rel, dev, ino, size, mtime_ns, ctime_ns,"
		       " notes_sig, racy, load, error, mid, date, title, status,"
		       " items, figures_met, figures_missed, problems, open_notes,"
		       " number, agency, votes, tasks, warnings, review,"
		       " organizer, unanswered, signers)"
		       " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
		       " ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23,"
		       " ?24, ?25, ?26, ?27, ?28)") ||
	       prepare(ix, &ix->ins_elem,
		       "INSERT INTO elems(file, doc, texts) VALUES(?1, ?2, ?3)") ||
	       prepare(ix, &ix->ins_fts,
		       "INSERT INTO elem_fts(rowid, key) VALUES(?1, ?2)") ||
	       /* single rows only: FTS5 writes its pending terms out at
		* every statement savepoint, which a many-row INSERT into it
		* opens: a segment per file, and merges without end */
	       prepare(ix, &ix->del_fts,
		       "INSERT INTO elem_fts(elem_fts, rowid, key)"
		       " VALUES('delete', ?1, ?2)") ||
	       prepare(ix, &ix->sel_doc, "SELECT doc FROM elems WHERE file = ?1") ||
	       prepare(ix, &ix->del_elems, "DELETE FROM elems WHERE file = ?1") ||
	       prepare(ix, &ix->del_file, "DELETE FROM files WHERE id = ?1") ||
	       prepare(ix, &ix->get_file,
		       "SELECT id, dev, ino, size, mtime_ns, ctime_ns, notes_sig,"
		       " racy FROM files WHERE rel = ?1")
		       ? -1 : 0;
}

/* --- opening ----------------------------------------------------------------- */

/* SQLite's busy handler, polling every millisecond up to busy_ms: its own
 * (sqlite3_busy_timeout) sleeps up to 100 ms between tries, so a waiting
 * process missed the moment a syncing one let the lock go between two of
 * its commits (see index_sync), and could wait its whole timeout. */
static int
busy_wait(void *arg, int tries)
{
	const struct minutes_index *ix = arg;
	if (tries >= ix->o.busy_ms)
		return 0;
	struct timespec ts = { 0, 1000000 };
	nanosleep(&ts, NULL);
	return 1;
}

static void
unlink_db(const char *path)
{
	const char *sfx[] = { "", "-wal", "-shm", "-journal" };
	for (size_t i = 0; i < 4; i++) {
		char *p = xasprintf("%s%s", path, sfx[i]);
		unlink(p);
		free(p);
	}
}

/* The database file, created 0600 (SQLite gives its -wal and -shm files
 * the same mode).  Sets *readonly when it can only be read. */
static int
db_file_prepare(const char *path, bool *readonly, char *err, size_t errsize)
{
	int fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	*readonly = false;
	if (fd < 0 && (errno == EACCES || errno == EROFS || errno == EPERM)) {
		fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
		*readonly = true;
	}
	if (fd < 0) {
		snprintf(err, errsize, "%s: %s", path, strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(err, errsize, "%s: %s", path,
			 _("not a regular file"));
		close(fd);
		return -1;
	}
	if (!*readonly && (st.st_mode & 077) && st.st_uid == geteuid())
		fchmod(fd, 0600);
	close(fd);
	return 0;
}

struct minutes_index *
index_open(const char *dir, const struct index_options *opts, char *err,
	   size_t errsize)
{
	static const struct index_options none = { 0 };
	const struct index_options *o = opts ? opts : &none;
	char real[PATH_MAX];

	if (!realpath(dir, real)) {
		snprintf(err, errsize, "%s: %s", dir, strerror(errno));
		return NULL;
	}
	char *cache = cache_dir(o, err, errsize);
	if (!cache)
		return NULL;
	if (mkdir_parents(cache) != 0) {
		snprintf(err, errsize, "%s: %s", cache, strerror(errno));
		free(cache);
		return NULL;
	}
	struct stat cst;
	if (stat(cache, &cst) == 0 && cst.st_uid == geteuid() &&
	    (cst.st_mode & 077))
		chmod(cache, 0700);

	struct minutes_index *ix = xcalloc(1, sizeof(*ix));
	ix->o = *o;
	if (ix->o.busy_ms <= 0)
		ix->o.busy_ms = 5000;
	size_t dl = strlen(dir);
	while (dl > 1 && dir[dl - 1] == '/')
		dl--;
	ix->dir = xasprintf("%.*s", (int)dl, dir);
	ix->real = xstrdup(real);
	ix->db_path = db_file_name(cache, real);
	free(cache);

	if (o->rebuild)
		unlink_db(ix->db_path);
	if (db_file_prepare(ix->db_path, &ix->readonly, err, errsize) != 0) {
		index_close(ix);
		return NULL;
	}
	/* one thread per connection: no mutexes */
	int flags = (ix->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
		    SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(ix->db_path, &ix->db, flags, NULL) != SQLITE_OK) {
		snprintf(err, errsize, "%s: %s", ix->db_path,
			 ix->db ? sqlite3_errmsg(ix->db) : strerror(ENOMEM));
		index_close(ix);
		return NULL;
	}
	sqlite3_busy_handler(ix->db, busy_wait, ix);
	sqlite3_extended_result_codes(ix->db, 0);
	sqlite3_create_function_v2(ix->db, "minutes_fold", 1,
				   SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
				   sql_fold, NULL, NULL, NULL);
	sqlite3_create_collation_v2(ix->db, "vi", SQLITE_UTF8, NULL,
				    sql_collate_vi, NULL);
	if (trigram_register(ix->db) != 0) {
		snprintf(err, errsize, "%s: %s", ix->db_path,
			 _("this SQLite has no FTS5"));
		index_close(ix);
		return NULL;
	}

	char *fold = fold_fingerprint();
	bool current = false;
	int r = 0;
	/* turning a new file to WAL wants it alone, and SQLite says "locked"
	 * at once, without its busy handler, when another process opens it
	 * at the same moment: tried again here */
	/* a new file's pages: 64 KB, so that a file's elems row (a doc and
	 * its texts, some 16 KB) fits in one and is read where it lies (in
	 * the mapped file, not copied from a chain of overflow pages) */
	if (!ix->readonly && ix->o.max_pages <= 0)
		sqlite3_exec(ix->db, "PRAGMA page_size = 65536", NULL, NULL, NULL);
	for (int waited = 0; !ix->readonly; waited++) {
		r = sqlite3_exec(ix->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
		if (r != SQLITE_BUSY || !busy_wait(ix, waited))
			break;
	}
	if (r != SQLITE_OK) {
		ix_dberr(ix);
		r = -1;
	}
	if (r == 0 && !ix->readonly)
		r = exec(ix, "PRAGMA synchronous = NORMAL;"
			     " PRAGMA cache_size = -16000");
	if (r == 0 && ix->o.max_pages > 0) {
		char sql[64];
		snprintf(sql, sizeof(sql), "PRAGMA max_page_count = %ld",
			 ix->o.max_pages);
		r = exec(ix, sql);
	}
	if (r == 0)
		r = schema_current(ix, fold, &current);
	if (r == 0 && !current) {
		if (ix->readonly) {
			ix_seterr(ix, _("%s is read-only and not an index of this version"),
				  ix->db_path);
			r = -1;
		} else {
			r = schema_create(ix, fold);
			if (r == 0)
				index_list_prepare(ix); /* while it is empty */
		}
	}
	free(fold);
	if (r != 0) {
		snprintf(err, errsize, "%s", ix->err);
		index_close(ix);
		return NULL;
	}
	return ix;
}

void
index_close(struct minutes_index *ix)
{
	if (!ix)
		return;
	sqlite3_stmt *sts[] = { ix->ins_file, ix->ins_elem, ix->ins_fts,
				ix->del_fts, ix->del_elems, ix->del_file,
				ix->get_file, ix->sel_doc };
	for (size_t i = 0; i < sizeof(sts) / sizeof(*sts); i++)
		sqlite3_finalize(sts[i]);
	sqlite3_close(ix->db);
	free(ix->fold_buf);
	free(ix->doc);
	free(ix->texts);
	free(ix->offs);
	free(ix->dir);
	free(ix->real);
	free(ix->db_path);
	free(ix);
}

const char *
index_error(const struct minutes_index *ix)
{
	return ix->err;
}

const char *
index_db_path(const struct minutes_index *ix)
{
	return ix->db_path;
}

/* PATH relative to the folder, or NULL when it is not under it. */
const char *
rel_path(const struct minutes_index *ix, const char *path)
{
	size_t n = strlen(ix->dir);
	if (strncmp(path, ix->dir, n) != 0)
		return NULL;
	if (n == 1 && ix->dir[0] == '/')
		return path[1] == '/' ? path + 2 : path + 1;
	return path[n] == '/' && path[n + 1] ? path + n + 1 : NULL;
}

/* --- freshness ----------------------------------------------------------- */

struct ident {
	sqlite3_int64 dev, ino, size, mtime, ctime, notes;
	bool racy;
};

static long long
ts_ns(const struct timespec *t)
{
	return (long long)t->tv_sec * 1000000000LL + t->tv_nsec;
}

static bool
is_racy(const struct stat *st, long long now)
{
	return now - ts_ns(&st->st_mtim) < RACY_NS ||
	       now - ts_ns(&st->st_ctim) < RACY_NS;
}

static uint64_t
stat_hash(uint64_t h, const struct stat *st)
{
	int64_t v[4] = { (int64_t)st->st_ino, (int64_t)st->st_size,
			 ts_ns(&st->st_mtim), ts_ns(&st->st_ctim) };
	return fnv_add(h, v, sizeof(v));
}

/* The state of the notes folder of the minutes at PATH (DIR/NAME.xml:
 * DIR/NAME.notes/): 0 when there is none, else a hash of the folder's and
 * its files' identities. */
static sqlite3_int64
notes_signature(const char *path, long long now, bool *racy)
{
	size_t n = strlen(path);
	if (n > 4 && strcmp(path + n - 4, ".xml") == 0)
		n -= 4;
	char *nd = xasprintf("%.*s.notes", (int)n, path);
	struct stat st;
	uint64_t h = FNV_INIT, sum = 0;
	if (stat(nd, &st) != 0) {
		free(nd);
		return errno == ENOENT || errno == ENOTDIR ? 0 : -1;
	}
	h = stat_hash(h, &st);
	*racy |= is_racy(&st, now);
	DIR *d = opendir(nd);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d))) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			char *p = xasprintf("%s/%s", nd, e->d_name);
			uint64_t eh = fnv_add(FNV_INIT, e->d_name, strlen(e->d_name));
			struct stat est;
			if (stat(p, &est) == 0) {
				eh = stat_hash(eh, &est);
				*racy |= is_racy(&est, now);
			}
			sum += eh; /* in any order */
			free(p);
		}
		closedir(d);
	}
	free(nd);
	h = fnv_add(h, &sum, sizeof(sum));
	return (sqlite3_int64)(h >> 1) | 1;
}

/* The folder of the files being identified: opened once, its NAME.notes
 * entries listed once, so a file costs one fstatat of its own name and no
 * look-up of a notes folder it does not have. */
struct dir_cursor {
	char *dir;
	int fd; /* -1: full paths, every notes folder looked up */
	char **notes;
	size_t nnotes;
};

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
dir_cursor_close(struct dir_cursor *dc)
{
	if (dc->fd >= 0)
		close(dc->fd);
	for (size_t i = 0; i < dc->nnotes; i++)
		free(dc->notes[i]);
	free(dc->notes);
	free(dc->dir);
	memset(dc, 0, sizeof(*dc));
	dc->fd = -1;
}

static void
dir_cursor_enter(struct dir_cursor *dc, const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dl = slash ? (size_t)(slash - path) : 0;
	if (dc->dir && strlen(dc->dir) == dl && strncmp(dc->dir, path, dl) == 0)
		return;
	dir_cursor_close(dc);
	dc->dir = xasprintf("%.*s", (int)dl, path);
	dc->fd = open(dl ? dc->dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dc->fd < 0)
		return;
	int fd2 = dup(dc->fd);
	DIR *d = fd2 >= 0 ? fdopendir(fd2) : NULL;
	if (!d) {
		if (fd2 >= 0)
			close(fd2);
		close(dc->fd);
		dc->fd = -1;
		return;
	}
	size_t cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		if (n <= 6 || strcmp(e->d_name + n - 6, ".notes") != 0)
			continue;
		if (dc->nnotes == cap) {
			cap = cap ? 2 * cap : 16;
			dc->notes = xrealloc(dc->notes, cap * sizeof(*dc->notes));
		}
		dc->notes[dc->nnotes++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (dc->nnotes > 1)
		qsort(dc->notes, dc->nnotes, sizeof(*dc->notes), str_cmp);
}

/* Whether the folder has NAME.notes for NAME.xml. */
static bool
dir_cursor_has_notes(const struct dir_cursor *dc, const char *name)
{
	if (dc->fd < 0)
		return true; /* not listed: look */
	if (!dc->nnotes)
		return false;
	size_t n = strlen(name);
	if (n > 4 && strcmp(name + n - 4, ".xml") == 0)
		n -= 4;
	char buf[NAME_MAX + 8];
	if (n > NAME_MAX)
		return true;
	memcpy(buf, name, n);
	memcpy(buf + n, ".notes", sizeof(".notes"));
	const char *key = buf;
	return bsearch(&key, dc->notes, dc->nnotes, sizeof(*dc->notes), str_cmp);
}

static void
identify(struct dir_cursor *dc, const char *path, long long now,
	 struct ident *id)
{
	struct stat st;
	memset(id, 0, sizeof(*id));
	dir_cursor_enter(dc, path);
	const char *slash = strrchr(path, '/');
	const char *name = slash ? slash + 1 : path;
	int r = dc->fd >= 0 ? fstatat(dc->fd, name, &st, 0) : stat(path, &st);
	if (r != 0) {
		id->racy = true; /* no identity: always loaded again */
		id->dev = -1;
		return;
	}
	id->dev = (sqlite3_int64)st.st_dev;
	id->ino = (sqlite3_int64)st.st_ino;
	id->size = (sqlite3_int64)st.st_size;
	id->mtime = ts_ns(&st.st_mtim);
	id->ctime = ts_ns(&st.st_ctim);
	id->racy = is_racy(&st, now);
	if (dir_cursor_has_notes(dc, name))
		id->notes = notes_signature(path, now, &id->racy);
}

struct row {
	char *rel;
	sqlite3_int64 id;
	struct ident ident;
	bool seen;
};

static int
row_cmp(const void *a, const void *b)
{
	return strcmp(((const struct row *)a)->rel, ((const struct row *)b)->rel);
}

struct rows {
	struct row *v;
	size_t n;
};

static void
rows_free(struct rows *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].rel);
	free(r->v);
}

static int
rows_read(struct minutes_index *ix, struct rows *r)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	r->v = NULL;
	r->n = 0;
	if (sqlite3_prepare_v2(ix->db,
			       "SELECT id, rel, dev, ino, size, mtime_ns, ctime_ns,"
			       " notes_sig, racy FROM files", -1, &st, NULL) != SQLITE_OK) {
		ix_dberr(ix);
		return -1;
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (r->n == cap) {
			cap = cap ? cap * 2 : 256;
			r->v = xrealloc(r->v, cap * sizeof(*r->v));
		}
		struct row *w = &r->v[r->n++];
		memset(w, 0, sizeof(*w));
		w->id = sqlite3_column_int64(st, 0);
		const unsigned char *t = sqlite3_column_text(st, 1);
		w->rel = xstrdup(t ? (const char *)t : "");
		w->ident.dev = sqlite3_column_int64(st, 2);
		w->ident.ino = sqlite3_column_int64(st, 3);
		w->ident.size = sqlite3_column_int64(st, 4);
		w->ident.mtime = sqlite3_column_int64(st, 5);
		w->ident.ctime = sqlite3_column_int64(st, 6);
		w->ident.notes = sqlite3_column_int64(st, 7);
		w->ident.racy = sqlite3_column_int(st, 8) != 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		ix_dberr(ix);
		return -1;
	}
	if (r->n > 1)
		qsort(r->v, r->n, sizeof(*r->v), row_cmp);
	return 0;
}

static struct row *
rows_find(struct rows *r, const char *rel)
{
	struct row key = { .rel = (char *)rel };
	return r->n ? bsearch(&key, r->v, r->n, sizeof(*r->v), row_cmp) : NULL;
}

/* Whether the file is as indexed (A, from the index) now (B).  A stat
 * taken when the file was "just changed" cannot tell a later change in
 * the same time stamp tick: such a row is loaded again. */
static bool
ident_same(const struct ident *a, const struct ident *b)
{
	return !a->racy && a->dev == b->dev && a->ino == b->ino &&
	       a->size == b->size && a->mtime == b->mtime &&
	       a->ctime == b->ctime && a->notes == b->notes;
}

/* --- writing one file -------------------------------------------------------- */

static int
step_done(struct minutes_index *ix, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		ix_dberr(ix);
		return -1;
	}
	return 0;
}

static void
doc_add(struct minutes_index *ix, const char *key, size_t klen)
{
	if (ix->doc_len + klen + 2 > ix->doc_cap) {
		ix->doc_cap = 2 * (ix->doc_len + klen + 2);
		ix->doc = xrealloc(ix->doc, ix->doc_cap);
	}
	memcpy(ix->doc + ix->doc_len, key, klen);
	ix->doc_len += klen;
	ix->doc[ix->doc_len++] = '\n';
}

static void put_u32(unsigned char *p, uint32_t v);

/* Appends one record (index_db.h) to the file's packed texts. */
static void
texts_add(struct minutes_index *ix, uint32_t line, bool joined,
	  const char *id, const char *text)
{
	size_t il = strlen(id), tl = strlen(text);
	size_t need = ix->texts_len + IX_REC_HEAD + il + tl + 2;
	if (ix->noffs == ix->offs_cap) {
		ix->offs_cap = ix->offs_cap ? 2 * ix->offs_cap : 256;
		ix->offs = xrealloc(ix->offs, ix->offs_cap * sizeof(*ix->offs));
	}
	ix->offs[ix->noffs++] = (uint32_t)ix->texts_len;
	if (need > ix->texts_cap) {
		ix->texts_cap = 2 * need;
		ix->texts = xrealloc(ix->texts, ix->texts_cap);
	}
	unsigned char *p = (unsigned char *)ix->texts + ix->texts_len;
	put_u32(p, line);
	p[4] = joined;
	p += IX_REC_HEAD;
	memcpy(p, id, il + 1);
	memcpy(p + il + 1, text, tl + 1);
	ix->texts_len = need;
}

static void
put_u32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v & 0xff);
	p[1] = (unsigned char)((v >> 8) & 0xff);
	p[2] = (unsigned char)((v >> 16) & 0xff);
	p[3] = (unsigned char)((v >> 24) & 0xff);
}

/* Ends the packed texts with where each record starts, and their number. */
static void
texts_end(struct minutes_index *ix)
{
	size_t need = ix->texts_len + 4 * (ix->noffs + 1);
	if (need > ix->texts_cap) {
		ix->texts_cap = need;
		ix->texts = xrealloc(ix->texts, ix->texts_cap);
	}
	unsigned char *p = (unsigned char *)ix->texts + ix->texts_len;
	for (size_t i = 0; i < ix->noffs; i++, p += 4)
		put_u32(p, ix->offs[i]);
	put_u32(p, (uint32_t)ix->noffs);
	ix->texts_len = need;
}

/* Drops file row ID, its texts and their FTS entries (a contentless
 * table: each entry is deleted with the key it was made from, the doc
 * kept for it). */
static int
drop_file(struct minutes_index *ix, sqlite3_int64 id)
{
	sqlite3_stmt *st = ix->sel_doc;
	bool fts = false;
	ix->doc_len = 0;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		const void *d = sqlite3_column_blob(st, 0);
		size_t n = (size_t)sqlite3_column_bytes(st, 0);
		if (n + 1 > ix->doc_cap) {
			ix->doc_cap = n + 1;
			ix->doc = xrealloc(ix->doc, ix->doc_cap);
		}
		if (n)
			memcpy(ix->doc, d, n);
		ix->doc_len = n;
		fts = true;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		ix_dberr(ix);
		return -1;
	}
	if (fts) {
		sqlite3_bind_int64(ix->del_fts, 1, id);
		sqlite3_bind_text(ix->del_fts, 2, ix->doc, (int)ix->doc_len,
				  SQLITE_STATIC);
		if (step_done(ix, ix->del_fts) != 0)
			return -1;
	}
	sqlite3_bind_int64(ix->del_elems, 1, id);
	if (step_done(ix, ix->del_elems) != 0)
		return -1;
	sqlite3_bind_int64(ix->del_file, 1, id);
	return step_done(ix, ix->del_file);
}

/* The row of REL as it is now, under the write lock (another process
 * syncing the same folder may have written it since it was read): its
 * id in *ROWID (0: none) and whether it is already as ID says.  -1 on
 * error. */
static int
row_current(struct minutes_index *ix, const char *rel, const struct ident *id,
	    sqlite3_int64 *rowid)
{
	sqlite3_stmt *st = ix->get_file;
	sqlite3_bind_text(st, 1, rel, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st), same = 0;
	*rowid = 0;
	if (rc == SQLITE_ROW) {
		struct ident cur = {
			sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2),
			sqlite3_column_int64(st, 3), sqlite3_column_int64(st, 4),
			sqlite3_column_int64(st, 5), sqlite3_column_int64(st, 6),
			sqlite3_column_int(st, 7) != 0,
		};
		*rowid = sqlite3_column_int64(st, 0);
		same = ident_same(&cur, id);
	} else if (rc != SQLITE_DONE) {
		ix_dberr(ix);
		same = -1;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return same;
}

static int
id_cmp(const void *a, const void *b)
{
	sqlite3_int64 x = *(const sqlite3_int64 *)a, y = *(const sqlite3_int64 *)b;
	return x < y ? -1 : x > y;
}

struct elem_writer {
	struct minutes_index *ix;
	const struct minutes *m;
	int ord;
};

static bool
write_elem(const struct search_hit *e, bool joined, void *arg)
{
	struct elem_writer *w = arg;
	struct minutes_index *ix = w->ix;
	w->ord++;
	const char *id = search_hit_id(w->m, e);
	texts_add(ix, e->line, w->ord > 1 && joined, id ? id : "", e->text);
	size_t klen;
	const char *key = ix_fold(ix, e->text, &klen);
	doc_add(ix, key, klen);
	return true;
}

static const char *
review_keyword(enum notes_review r)
{
	switch (r) {
	case NOTES_REVIEW_OPEN: return "open";
	case NOTES_REVIEW_ANSWERED: return "answered";
	case NOTES_REVIEW_SIGNED: return "signed";
	case NOTES_REVIEW_READY: return "ready";
	default: return "none";
	}
}

/* The open notes and the review state of the minutes at PATH: false
 * when the notes cannot be read. */
static bool
review_of(const char *path, const struct minutes *m, const char *reviewer,
	  struct notes_review_state *rs, char **signers)
{
	struct notes_error nerr;
	struct notes_store *s = notes_open(path, m, notes_reviewer_name(reviewer),
					   &nerr);
	if (!s)
		return false;
	notes_review(s, rs);
	*signers = notes_review_signers(s);
	notes_close(s);
	return true;
}

static void
bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

/* Loads PATH and writes it (summary, texts) as a new row. */
static int
write_file(struct minutes_index *ix, const char *path, const char *rel,
	   const struct ident *id)
{
	struct minutes *m = NULL;
	struct load_error lerr;
	enum load_status ls = loader_load_file(path, &m, &lerr);
	sqlite3_stmt *st = ix->ins_file;

	sqlite3_bind_text(st, 1, rel, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id->dev);
	sqlite3_bind_int64(st, 3, id->ino);
	sqlite3_bind_int64(st, 4, id->size);
	sqlite3_bind_int64(st, 5, id->mtime);
	sqlite3_bind_int64(st, 6, id->ctime);
	sqlite3_bind_int64(st, 7, id->notes);
	sqlite3_bind_int(st, 8, id->racy);
	sqlite3_bind_int(st, 9, (int)ls);
	if (ls == LOAD_FATAL) {
		char buf[2048];
		snprintf(lerr.path, sizeof(lerr.path), "%s", rel);
		load_error_format(&lerr, buf, sizeof(buf));
		sqlite3_bind_text(st, 10, buf, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 18, 1);
		return step_done(ix, st);
	}
	const struct mn_meeting *mt = &m->meeting;
	long met = 0, missed = 0, votes = 0, tasks = 0;
	for (uint32_t s = 0; s < m->nsections; s++)
		for (uint32_t i = 0; i < m->sections[s].nitems; i++) {
			const struct mn_item *it = &m->sections[s].items[i];
			for (uint32_t f = 0; f < it->nfigures; f++) {
				enum mn_verdict v = mn_figure_verdict(&it->figures[f]);
				met += v == MN_MET;
				missed += v == MN_MISSED;
			}
			votes += it->vote != NULL;
			tasks += it->ntasks;
		}
	bind_text_or_null(st, 11, m->id);
	bind_text_or_null(st, 12, mt->date);
	bind_text_or_null(st, 13, mt->title);
	sqlite3_bind_text(st, 14, mn_status_name(mt->status), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 15, minutes_item_count(m));
	sqlite3_bind_int64(st, 16, met);
	sqlite3_bind_int64(st, 17, missed);
	sqlite3_bind_int64(st, 18, minutes_error_count(m));
	struct notes_review_state rs;
	char *signers = NULL;
	if (review_of(path, m, ix->o.reviewer, &rs, &signers)) {
		sqlite3_bind_int64(st, 19, (sqlite3_int64)rs.open);
		sqlite3_bind_text(st, 25, review_keyword(rs.state), -1,
				  SQLITE_STATIC);
		sqlite3_bind_int64(st, 27, (sqlite3_int64)rs.unanswered);
		sqlite3_bind_text(st, 28, signers, -1, free);
	}
	bind_text_or_null(st, 26, mt->organizer);
	/* v2 (absent from a v1 file: unknown, not none) */
	if (m->version >= 2) {
		bind_text_or_null(st, 20, mt->number);
		bind_text_or_null(st, 21, mt->agency);
		sqlite3_bind_int64(st, 22, votes);
		sqlite3_bind_int64(st, 23, tasks);
	}
	sqlite3_bind_int64(st, 24, m->nwarnings);
	int rc = step_done(ix, st);
	if (rc == 0) {
		sqlite3_int64 file = sqlite3_last_insert_rowid(ix->db);
		struct elem_writer w = { ix, m, 0 };
		ix->doc_len = 0;
		ix->texts_len = 0;
		ix->noffs = 0;
		search_elements(m, write_elem, &w);
		if (w.ord > 0) {
			texts_end(ix);
			/* one FTS5 row per file: its texts' folds, a line each,
			 * kept in its elems row with the texts */
			sqlite3_bind_int64(ix->ins_elem, 1, file);
			sqlite3_bind_blob(ix->ins_elem, 2, ix->doc, (int)ix->doc_len,
					  SQLITE_STATIC);
			sqlite3_bind_blob(ix->ins_elem, 3, ix->texts,
					  (int)ix->texts_len, SQLITE_STATIC);
			rc = step_done(ix, ix->ins_elem);
			if (rc == 0) {
				sqlite3_bind_int64(ix->ins_fts, 1, file);
				sqlite3_bind_text(ix->ins_fts, 2, ix->doc,
						  (int)ix->doc_len, SQLITE_STATIC);
				rc = step_done(ix, ix->ins_fts);
			}
		}
	}
	minutes_free(m);
	return rc;
}

/* the same file, the two-second rule apart */
static bool
ident_fields_same(const struct ident *a, const struct ident *b)
{
	struct ident x = *a, y = *b;
	x.racy = y.racy = false;
	return ident_same(&x, &y);
}

/* --- syncing ----------------------------------------------------------------- */

static void
progress(struct minutes_index *ix, size_t done, size_t total, long long t0,
	 long long *last)
{
	long long now = mono_ns();
	long long every = ix->o.progress_ns > 0 ? ix->o.progress_ns : PROGRESS_NS;
	if ((!ix->o.progress && !ix->o.progress_fn) || now - *last < every)
		return;
	*last = now;
	double rate = (double)done * 1e9 / (double)(now - t0 > 0 ? now - t0 : 1);
	if (ix->o.progress_fn) {
		ix->o.progress_fn(done, total, rate, ix->o.progress_arg);
		return;
	}
	char *dir = text_sanitize(ix->dir, strlen(ix->dir), false);
	fprintf(ix->o.progress, _("minutes: indexing %s: %zu of %zu files (%.0f files/s)\n"),
		dir ? dir : "", done, total, rate);
	fflush(ix->o.progress);
	free(dir);
}

enum index_result
index_sync(struct minutes_index *ix, char *const *paths,
	   struct index_sync_stats *stats)
{
	struct index_sync_stats dummy;
	struct rows rows;
	char **own = NULL;
	enum index_result res = INDEX_ERROR;
	long long now = ix_now(ix);
	bool *skip = NULL;
	sqlite3_int64 *drop = NULL;

	if (!stats)
		stats = &dummy;
	memset(stats, 0, sizeof(*stats));
	if (!paths) {
		int errors = 0;
		char *arg = ix->dir;
		own = paths_expand(&arg, 1, &errors);
		paths = own;
	}
	if (rows_read(ix, &rows) != 0) {
		paths_free(own);
		return INDEX_ERROR;
	}
	/* what changed: one stat per file (and its notes folder) */
	size_t n = 0;
	while (paths && paths[n])
		n++;
	stats->files = n;
	size_t *work = xrealloc(NULL, (n + 1) * sizeof(*work));
	struct ident *ids = xrealloc(NULL, (n + 1) * sizeof(*ids));
	size_t nwork = 0, ngone = 0;
	struct dir_cursor dc = { .fd = -1 };
	for (size_t i = 0; i < n; i++) {
		const char *rel = rel_path(ix, paths[i]);
		if (!rel) {
			ix_seterr(ix, _("%s is not under %s"), paths[i], ix->dir);
			dir_cursor_close(&dc);
			goto out;
		}
		identify(&dc, paths[i], now, &ids[i]);
		struct row *r = rows_find(&rows, rel);
		if (r)
			r->seen = true;
		stats->added += !r;
		stats->changed += r && !ident_fields_same(&r->ident, &ids[i]);
		if (!r || !ident_same(&r->ident, &ids[i]))
			work[nwork++] = i;
	}
	dir_cursor_close(&dc);
	for (size_t i = 0; i < rows.n; i++)
		ngone += !rows.v[i].seen;
	if (nwork == 0 && ngone == 0) {
		res = INDEX_OK;
		goto out;
	}
	if (ix->readonly) {
		ix_seterr(ix, _("%s is read-only and out of date"), ix->db_path);
		goto out;
	}
	if (prepare_writes(ix) != 0 || exec(ix, "BEGIN IMMEDIATE") != 0)
		goto out;
	/* every old row first, in rowid order, then every new one: FTS5
	 * writes its pending terms out whenever a rowid goes down */
	drop = xrealloc(NULL, (rows.n + nwork + 1) * sizeof(*drop));
	skip = xrealloc(NULL, (nwork + 1) * sizeof(*skip));
	size_t ndrop = 0;
	for (size_t i = 0; i < rows.n; i++) {
		if (rows.v[i].seen)
			continue;
		sqlite3_int64 rowid;
		if (row_current(ix, rows.v[i].rel, &rows.v[i].ident, &rowid) < 0)
			goto rollback;
		if (rowid) {
			drop[ndrop++] = rowid;
			stats->removed++;
		}
	}
	for (size_t k = 0; k < nwork; k++) {
		sqlite3_int64 rowid;
		int cur = row_current(ix, rel_path(ix, paths[work[k]]), &ids[work[k]],
				      &rowid);
		if (cur < 0)
			goto rollback;
		skip[k] = cur == 1; /* done by another process */
		if (!skip[k] && rowid)
			drop[ndrop++] = rowid;
	}
	if (ndrop > 1)
		qsort(drop, ndrop, sizeof(*drop), id_cmp);
	for (size_t d = 0; d < ndrop; d++)
		if (drop_file(ix, drop[d]) != 0)
			goto rollback;
	free(drop);
	drop = NULL;
	long long t0 = mono_ns(), last_commit = t0, last_progress = t0;
	bool committed = false;
	for (size_t k = 0; k < nwork; k++) {
		size_t i = work[k];
		const char *rel = rel_path(ix, paths[i]);
		if (committed) {
			/* the lock was let go: another process may have
			 * written this file's row meanwhile */
			sqlite3_int64 rowid;
			int cur = row_current(ix, rel, &ids[i], &rowid);
			if (cur < 0 || (!cur && rowid && drop_file(ix, rowid) != 0))
				goto rollback;
			skip[k] = cur == 1;
		}
		if (!skip[k]) {
			if (write_file(ix, paths[i], rel, &ids[i]) != 0)
				goto rollback;
			stats->loaded++;
		}
		bool stop = ix->o.stop && ix->o.stop(ix->o.stop_arg);
		long long t = mono_ns();
		if (stop || t - last_commit >= COMMIT_NS) {
			if (exec(ix, "COMMIT") != 0)
				goto rollback;
			if (stop) {
				res = INDEX_INTERRUPTED;
				goto out;
			}
			last_commit = t;
			committed = true;
			/* a moment for a process waiting for the lock (it
			 * polls every millisecond: busy_wait) */
			struct timespec ts = { 0, 3000000 };
			nanosleep(&ts, NULL);
			if (exec(ix, "BEGIN IMMEDIATE") != 0)
				goto out;
		}
		progress(ix, k + 1, nwork, t0, &last_progress);
	}
	if (exec(ix, "COMMIT") != 0)
		goto rollback;
	res = INDEX_OK;
	goto out;
rollback:
	sqlite3_exec(ix->db, "ROLLBACK", NULL, NULL, NULL);
out:
	free(drop);
	free(skip);
	free(work);
	free(ids);
	rows_free(&rows);
	paths_free(own);
	return res;
}
