/* index_query.c - the archive index's searches and meetings list (see
 * index.h). */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "index.h"
#include "index_db.h"
#include "nls.h"
#include "paths.h"
#include "text.h"
#include "trigram.h"
#include "xalloc.h"

/* --- searching ------------------------------------------------------------------ */

/* A hit, pointing into the row being read (valid until its next step). */
struct buffered_hit {
	unsigned line;
	const char *id, *text;
};

struct hit_buf {
	struct buffered_hit *v;
	size_t n, cap;
};

/* The newlines in the N bytes at P, eight bytes at a time: a doc has a
 * line per text, a memchr per line cost more than the search itself. */
static long
count_newlines(const char *p, size_t n)
{
	const uint64_t ones = 0x0101010101010101ULL, nl = ones * '\n';
	const uint64_t low7 = 0x7f7f7f7f7f7f7f7fULL;
	long c = 0;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		w ^= nl; /* a newline's byte is now 0 */
		/* the high bit of each byte set where it is 0, exactly */
		uint64_t z = ~(((w & low7) + low7) | w | low7);
		c += (long)(((z >> 7) * ones) >> 56); /* the bytes set, summed */
	}
	for (; i < n; i++)
		c += p[i] == '\n';
	return c;
}

static uint32_t
get_u32(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	return (uint32_t)u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16 |
	       (uint32_t)u[3] << 24;
}

/* Whether record ORD (from 1) of the NRECS at RECS (index_db.h, their
 * starts at OFFS) lies whole before the table of starts. */
static bool
rec_ok(const char *recs, const char *offs, size_t nrecs, long ord)
{
	(void)nrecs;
	uint32_t o = get_u32(offs + 4 * (ord - 1));
	size_t room = (size_t)(offs - recs);
	if (o >= room || room - o < IX_REC_HEAD + 2)
		return false;
	const char *id = recs + o + IX_REC_HEAD, *end = offs;
	const char *z = memchr(id, '\0', (size_t)(end - id));
	return z && z + 1 < end && memchr(z + 1, '\0', (size_t)(end - z - 1));
}

/* Whether record ORD is joined to the one before (false when its start
 * is out of bounds: a damaged row, which rec_ok tells for a hit's). */
static bool
rec_joined(const char *recs, const char *offs, long ord)
{
	uint32_t o = get_u32(offs + 4 * (ord - 1));
	return o + (size_t)IX_REC_HEAD <= (size_t)(offs - recs) && recs[o + 4];
}

/* The hits of one candidate file (the row at ST: rel, file, doc, texts):
 * the lines of its doc (the texts' folds, in order, made by the fold the
 * search makes of each text) holding KEY are its hits, exactly those a
 * search_text of each text finds (the two folds agree: test_fold); of a
 * group (search_elements' JOINED) the first only.  Each hit's line, id
 * and text are those of the matching record of its texts (index_db.h),
 * into BUF. */
static int
search_doc(struct minutes_index *ix, sqlite3_stmt *st, const char *key,
	   size_t klen, struct hit_buf *buf)
{
	const char *doc = sqlite3_column_blob(st, 2);
	size_t n = (size_t)sqlite3_column_bytes(st, 2);
	const char *p = doc, *end = doc + n, *counted = doc;
	const char *recs = NULL, *offs = NULL;
	size_t nrecs = 0;
	long ord = 1, last_grp = 0;

	if (!doc || !klen)
		return 0;
	for (const char *h; p < end && (h = memmem(p, (size_t)(end - p), key, klen));) {
		/* its line: the newlines before it */
		ord += count_newlines(counted, (size_t)(h - counted));
		counted = h;
		if (!recs) {
			recs = sqlite3_column_blob(st, 3);
			size_t rn = (size_t)sqlite3_column_bytes(st, 3);
			nrecs = rn >= 4 ? get_u32(recs + rn - 4) : 0;
			if (!recs || rn < 4 || nrecs > (rn - 4) / (4 + IX_REC_HEAD + 2))
				nrecs = 0; /* damaged */
			offs = nrecs ? recs + rn - 4 - 4 * nrecs : NULL;
		}
		/* its record, and the first of the group it is in */
		if (ord > (long)nrecs || !rec_ok(recs, offs, nrecs, ord)) {
			/* a doc line without its text: the index is damaged */
			ix_seterr(ix, _("%s is damaged (%s): 'minutes --reindex' makes it again"),
				  ix->db_path, _("texts missing"));
			return -1;
		}
		long grp = ord;
		while (grp > 1 && rec_joined(recs, offs, grp))
			grp--;
		if (grp != last_grp) {
			const char *r = recs + get_u32(offs + 4 * (ord - 1));
			last_grp = grp;
			if (buf->n == buf->cap) {
				buf->cap = buf->cap ? buf->cap * 2 : 16;
				buf->v = xrealloc(buf->v, buf->cap * sizeof(*buf->v));
			}
			buf->v[buf->n].line = get_u32(r);
			buf->v[buf->n].id = r + IX_REC_HEAD;
			buf->v[buf->n].text = r + IX_REC_HEAD + strlen(r + IX_REC_HEAD) + 1;
			buf->n++;
		}
		/* on to the next line */
		const char *nl = memchr(h, '\n', (size_t)(end - h));
		if (!nl)
			break;
		p = counted = nl + 1;
		ord++;
	}
	return 0;
}

/* Steps ST (rows ordered by their first column, rel) up to REL: true
 * when it is on REL's row.  *RC is the last step's code. */
static bool
seek_rel(sqlite3_stmt *st, int *rc, const char *rel)
{
	int c = 1;
	while (*rc == SQLITE_ROW &&
	       (c = strcmp((const char *)sqlite3_column_text(st, 0), rel)) < 0)
		*rc = sqlite3_step(st);
	return *rc == SQLITE_ROW && c == 0;
}

enum index_result
index_search(struct minutes_index *ix, char *const *paths, const char *query,
	     const struct search_query *q, const struct index_search_fns *fns)
{
	enum index_result res = INDEX_ERROR;
	size_t i = 0, n = 0;
	sqlite3_stmt *st = NULL, *fst = NULL;
	struct hit_buf buf = { 0 };
	char *match = NULL, *key = NULL;
	bool stopped = false;
	char **own = NULL;

	(void)q; /* the doc's folds are the search's (see search_doc) */
	if (!paths) {
		int errors = 0;
		char *arg = ix->dir;
		own = paths_expand(&arg, 1, &errors);
		paths = own;
	}
	while (paths && paths[n])
		n++;
	/* the paths must be the folder's, in the order of their names */
	for (size_t k = 0; k < n; k++) {
		const char *rel = rel_path(ix, paths[k]);
		if (!rel || (k && strcmp(rel_path(ix, paths[k - 1]), rel) >= 0)) {
			ix_seterr(ix, _("%s: the files are not the folder's, in order"),
				  ix->dir);
			goto fail;
		}
	}
	/* every file's load status, walked beside the paths (both in the
	 * order of the names: SQLite's BINARY order is strcmp's) */
	if (sqlite3_prepare_v2(ix->db, "SELECT rel, load FROM files ORDER BY rel",
			       -1, &fst, NULL) != SQLITE_OK) {
		ix_dberr(ix);
		goto fail;
	}

	/* the candidates: the files FTS5 finds every trigram of the query
	 * in (3 characters or more), else every file; their doc lines
	 * holding the query's fold are the hits */
	size_t klen;
	key = text_fold_simple(query, strlen(query), &klen);
	if (!key)
		mn_oom();
	const char *sql;
	if (trigram_chars(key, klen) >= 3) {
		match = trigram_query(key, klen);
		/* the candidate files in name order: no sort (+id keeps
		 * SQLite from looking them up by id and sorting) */
		sql = "SELECT f.rel, f.id, e.doc, e.texts FROM files f"
		      " JOIN elems e ON e.file = f.id"
		      " WHERE +f.id IN (SELECT rowid FROM elem_fts WHERE elem_fts MATCH ?1)"
		      " ORDER BY f.rel";
	} else {
		sql = "SELECT f.rel, f.id, e.doc, e.texts FROM files f"
		      " JOIN elems e ON e.file = f.id ORDER BY f.rel";
	}
	if (sqlite3_prepare_v2(ix->db, sql, -1, &st, NULL) != SQLITE_OK) {
		ix_dberr(ix);
		goto fail;
	}
	if (match)
		sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st), frc = sqlite3_step(fst);
	while (i < n && !stopped) {
		const char *rel = rel_path(ix, paths[i]);
		/* texts of files not asked about (none after a sync) */
		bool known = seek_rel(fst, &frc, rel);
		bool cand = seek_rel(st, &rc, rel);
		if ((rc != SQLITE_ROW && rc != SQLITE_DONE) ||
		    (frc != SQLITE_ROW && frc != SQLITE_DONE)) {
			ix_dberr(ix);
			goto fail;
		}
		if (!known || sqlite3_column_int(fst, 1) == LOAD_FATAL) {
			if (!fns->scan(paths[i], fns->arg))
				stopped = true;
			i++;
			continue;
		}
		buf.n = 0;
		if (cand && search_doc(ix, st, key, klen, &buf) != 0)
			goto fail;
		/* the hits point into the row: handed over before the step */
		for (size_t h = 0; h < buf.n && !stopped; h++)
			if (!fns->hit(paths[i], buf.v[h].line, buf.v[h].id,
				      buf.v[h].text, fns->arg))
				stopped = true;
		i++;
		if (cand)
			rc = sqlite3_step(st);
	}
	if ((rc != SQLITE_ROW && rc != SQLITE_DONE) ||
	    (frc != SQLITE_ROW && frc != SQLITE_DONE)) {
		ix_dberr(ix);
		goto fail;
	}
	res = INDEX_OK;
	goto out;
fail:
	/* the rest is scanned */
	for (; i < n && !stopped; i++)
		if (!fns->scan(paths[i], fns->arg))
			break;
out:
	sqlite3_finalize(st);
	sqlite3_finalize(fst);
	free(buf.v);
	free(match);
	free(key);
	paths_free(own);
	return res;
}

/* --- the meetings list ------------------------------------------------------------- */

/* the list's orders walk the indexes of index_list_prepare */
_Static_assert(LOAD_FATAL == 2, "the files_list_* indexes say load = 2");

/* minutes_list_match(text, dir, load, title, number, agency, date, rel,
 * organizer): 1 when the file loaded and one of its fields holds TEXT
 * as the browser's list filter finds it (search_text; the path is
 * DIR/rel made safe).  The compiled query is kept with the statement. */
static void
sql_list_match(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct search_query *q = sqlite3_get_auxdata(ctx, 0);
	const unsigned char *text = sqlite3_value_text(argv[0]);
	if (!q) {
		if (!text || !(q = search_compile((const char *)text))) {
			sqlite3_result_int(ctx, 0);
			return;
		}
		sqlite3_set_auxdata(ctx, 0, q, (void (*)(void *))search_query_free);
		q = sqlite3_get_auxdata(ctx, 0);
		if (!q) {
			sqlite3_result_error_nomem(ctx);
			return;
		}
	}
	if (sqlite3_value_int(argv[2]) == LOAD_FATAL) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	const char *dir = (const char *)sqlite3_value_text(argv[1]);
	for (int i = 3; i < argc; i++) {
		const char *f = (const char *)sqlite3_value_text(argv[i]);
		char *own = NULL;
		if (!f || !*f)
			continue;
		if (i == 7) { /* the path, as the list shows it */
			char *full = dir && *dir ? xasprintf("%s/%s", dir, f) : xstrdup(f);
			own = text_sanitize(full, strlen(full), false);
			free(full);
			if (!own)
				continue;
			f = own;
		}
		size_t a, b;
		bool hit = search_text(q, f, strlen(f), 0, &a, &b);
		free(own);
		if (hit) {
			sqlite3_result_int(ctx, 1);
			return;
		}
	}
	sqlite3_result_int(ctx, 0);
}

static void
list_fns(struct minutes_index *ix)
{
	if (ix->list_fns)
		return;
	sqlite3_create_function_v2(ix->db, "minutes_list_match", 9, SQLITE_UTF8,
				   NULL, sql_list_match, NULL, NULL, NULL);
	ix->list_fns = true;
}

/* Appends FILTER's WHERE clause to SQL (bound from ?1 on, in the order
 * filter_bind binds them). */
static void
filter_sql(char *sql, size_t size, const struct index_filter *f)
{
	size_t n = strlen(sql);
	int arg = 1;
	const char *and = " WHERE ";
#define ADD(...) do { \
		n += (size_t)snprintf(sql + n, n < size ? size - n : 0, __VA_ARGS__); \
		and = " AND "; \
	} while (0)
	if (!f)
		return;
	if (f->status) {
		ADD("%sstatus = ?%d", and, arg);
		arg++;
	}
	if (f->date_from) {
		ADD("%sdate >= ?%d", and, arg);
		arg++;
	}
	if (f->date_to) {
		ADD("%sdate <= ?%d", and, arg);
		arg++;
	}
	if (f->title) {
		ADD("%sinstr(minutes_fold(title), minutes_fold(?%d)) > 0", and, arg);
		arg++;
	}
	if (f->review) {
		ADD("%sreview = ?%d", and, arg);
		arg++;
	}
	if (f->open_notes)
		ADD("%sopen_notes > 0", and);
	if (f->problems)
		ADD("%s(problems > 0 OR load = %d)", and, (int)LOAD_FATAL);
	if (f->text) {
		ADD("%sminutes_list_match(?%d, ?%d, load, title, number, agency,"
		    " date, rel, organizer)", and, arg, arg + 1);
		arg += 2;
	}
#undef ADD
}

static int
filter_bind(sqlite3_stmt *st, const struct index_filter *f)
{
	int arg = 1;
	if (!f)
		return arg;
	const char *v[] = { f->status, f->date_from, f->date_to, f->title,
			    f->review };
	for (size_t i = 0; i < sizeof(v) / sizeof(*v); i++)
		if (v[i])
			sqlite3_bind_text(st, arg++, v[i], -1, SQLITE_STATIC);
	if (f->text) {
		sqlite3_bind_text(st, arg++, f->text, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, arg++, f->text_dir ? f->text_dir : "", -1,
				  SQLITE_STATIC);
	}
	return arg;
}

long
index_count(struct minutes_index *ix, const struct index_filter *filter)
{
	char sql[1024] = "SELECT count(*) FROM files";
	sqlite3_stmt *st;
	list_fns(ix);
	filter_sql(sql, sizeof(sql), filter);
	if (sqlite3_prepare_v2(ix->db, sql, -1, &st, NULL) != SQLITE_OK) {
		ix_dberr(ix);
		return -1;
	}
	filter_bind(st, filter);
	long n = -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	else
		ix_dberr(ix);
	sqlite3_finalize(st);
	return n;
}

static const char *
col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static long
col_count(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL
		       ? -1 : (long)sqlite3_column_int64(st, i);
}

long
index_list(struct minutes_index *ix, enum index_sort sort, bool desc,
	   const struct index_filter *filter, long offset, long limit,
	   bool (*fn)(const struct index_summary *s, void *arg), void *arg)
{
	char sql[2048] =
		"SELECT rel, load, error, mid, date, title, status, number,"
		" agency, items, figures_met, figures_missed, votes, tasks,"
		" problems, warnings, open_notes, review, organizer, signers,"
		" unanswered FROM files";
	const char *dir = desc ? "DESC" : "ASC";
	/* "most first" sorts are descending unless reversed */
	const char *most = desc ? "ASC" : "DESC";
	list_fns(ix);
	filter_sql(sql, sizeof(sql), filter);
	size_t n = strlen(sql);
	switch (sort) {
	case INDEX_SORT_DATE:
		n += (size_t)snprintf(sql + n, sizeof(sql) - n,
				      " ORDER BY date %s, rel %s", dir, dir);
		break;
	case INDEX_SORT_TITLE:
		n += (size_t)snprintf(sql + n, sizeof(sql) - n,
				      " ORDER BY title COLLATE vi %s, rel %s", dir, dir);
		break;
	case INDEX_SORT_OPEN_NOTES:
		n += (size_t)snprintf(sql + n, sizeof(sql) - n,
				      " ORDER BY open_notes %s, rel %s", most, dir);
		break;
	case INDEX_SORT_PROBLEMS:
		n += (size_t)snprintf(sql + n, sizeof(sql) - n,
				      " ORDER BY load = %d %s, problems %s, rel %s",
				      (int)LOAD_FATAL, most, most, dir);
		break;
	case INDEX_SORT_LIST_DATE:
	case INDEX_SORT_LIST_TITLE:
	case INDEX_SORT_LIST_STATUS:
	case INDEX_SORT_LIST_OPEN: {
		static const char *const by[] = {
			"", "title COLLATE vi, ",
			"CASE status WHEN 'draft' THEN 0 WHEN 'final' THEN 1"
			" WHEN 'approved' THEN 2 ELSE 3 END, ",
			"coalesce(open_notes, 0) DESC, ",
		};
		n += (size_t)snprintf(sql + n, sizeof(sql) - n,
				      " ORDER BY load = %d, %sdate DESC, rel",
				      (int)LOAD_FATAL, by[sort - INDEX_SORT_LIST_DATE]);
		break;
	}
	default:
		n += (size_t)snprintf(sql + n, sizeof(sql) - n, " ORDER BY rel %s", dir);
		break;
	}
	snprintf(sql + n, sizeof(sql) - n, " LIMIT ? OFFSET ?");

	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(ix->db, sql, -1, &st, NULL) != SQLITE_OK) {
		ix_dberr(ix);
		return -1;
	}
	int a = filter_bind(st, filter);
	sqlite3_bind_int64(st, a, limit < 0 ? -1 : limit);
	sqlite3_bind_int64(st, a + 1, offset < 0 ? 0 : offset);
	long count = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct index_summary s = {
			.path = col_text(st, 0),
			.load = (enum load_status)sqlite3_column_int(st, 1),
			.error = col_text(st, 2),
			.id = col_text(st, 3),
			.date = col_text(st, 4),
			.title = col_text(st, 5),
			.status = col_text(st, 6),
			.number = col_text(st, 7),
			.agency = col_text(st, 8),
			.items = col_count(st, 9),
			.figures_met = col_count(st, 10),
			.figures_missed = col_count(st, 11),
			.votes = col_count(st, 12),
			.tasks = col_count(st, 13),
			.problems = col_count(st, 14),
			.warnings = col_count(st, 15),
			.open_notes = col_count(st, 16),
			.review = col_text(st, 17),
			.organizer = col_text(st, 18),
			.signers = col_text(st, 19),
			.unanswered = col_count(st, 20),
		};
		count++;
		if (!fn(&s, arg)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	if (rc != SQLITE_DONE) {
		ix_dberr(ix);
		count = -1;
	}
	sqlite3_finalize(st);
	return count;
}

enum load_status
index_load(struct minutes_index *ix, const char *path, struct minutes **out,
	   struct load_error *err)
{
	char *full = ix->dir[0] == '/' && !ix->dir[1]
			     ? xasprintf("/%s", path)
			     : xasprintf("%s/%s", ix->dir, path);
	enum load_status st = loader_load_file(full, out, err);
	free(full);
	return st;
}
