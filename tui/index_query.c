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

struct file_state {
	char *rel;
	int load;
};

static int
fstate_cmp(const void *a, const void *b)
{
	return strcmp(((const struct file_state *)a)->rel,
		      ((const struct file_state *)b)->rel);
}

struct buffered_hit {
	unsigned line;
	char *id, *text;
};

struct hit_buf {
	struct buffered_hit *v;
	size_t n, cap;
};

static void
hit_buf_clear(struct hit_buf *b)
{
	for (size_t i = 0; i < b->n; i++) {
		free(b->v[i].id);
		free(b->v[i].text);
	}
	b->n = 0;
}

/* The hits of one candidate file (the row at ST: rel, id, doc): the
 * lines of its doc (the texts' folds, in order) holding KEY are the
 * texts to look at; each is read (ELEM) and checked with search_text,
 * the first of a group only (search_elements' JOINED), into BUF. */
static int
search_doc(struct minutes_index *ix, sqlite3_stmt *st, sqlite3_stmt *elem,
	   const struct search_query *q, const char *key, size_t klen,
	   struct hit_buf *buf)
{
	const char *doc = sqlite3_column_blob(st, 2);
	size_t n = (size_t)sqlite3_column_bytes(st, 2);
	sqlite3_int64 file = sqlite3_column_int64(st, 1);
	const char *p = doc, *end = doc + n, *counted = doc;
	long ord = 1, last_grp = -1;

	if (!doc || !klen)
		return 0;
	for (const char *h; p < end && (h = memmem(p, (size_t)(end - p), key, klen));) {
		/* its line: the newlines before it */
		for (const char *nl; (nl = memchr(counted, '\n', (size_t)(h - counted)));) {
			ord++;
			counted = nl + 1;
		}
		sqlite3_bind_int64(elem, 1, file);
		sqlite3_bind_int64(elem, 2, ord);
		int rc = sqlite3_step(elem);
		if (rc == SQLITE_ROW) {
			long grp = sqlite3_column_int64(elem, 0);
			const char *text = (const char *)sqlite3_column_text(elem, 3);
			size_t a, b;
			if (grp != last_grp && text &&
			    search_text(q, text, strlen(text), 0, &a, &b)) {
				last_grp = grp;
				if (buf->n == buf->cap) {
					buf->cap = buf->cap ? buf->cap * 2 : 16;
					buf->v = xrealloc(buf->v, buf->cap * sizeof(*buf->v));
				}
				const char *id = (const char *)sqlite3_column_text(elem, 2);
				buf->v[buf->n].line = (unsigned)sqlite3_column_int64(elem, 1);
				buf->v[buf->n].id = xstrdup(id ? id : "");
				buf->v[buf->n].text = xstrdup(text);
				buf->n++;
			}
		}
		sqlite3_reset(elem);
		if (rc != SQLITE_ROW) {
			/* a doc line without its text: the index is damaged */
			if (rc == SQLITE_DONE)
				ix_seterr(ix, _("%s is damaged (%s): 'minutes --reindex' makes it again"),
					  ix->db_path, _("texts missing"));
			else
				ix_dberr(ix);
			return -1;
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

enum index_result
index_search(struct minutes_index *ix, char *const *paths, const char *query,
	     const struct search_query *q, const struct index_search_fns *fns)
{
	enum index_result res = INDEX_ERROR;
	struct file_state *fs = NULL;
	size_t nfs = 0, cap = 0, i = 0, n = 0;
	sqlite3_stmt *st = NULL, *elem = NULL;
	struct hit_buf buf = { 0 };
	char *match = NULL, *key = NULL;
	bool stopped = false;
	char **own = NULL;

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
	/* every file's load status */
	if (sqlite3_prepare_v2(ix->db, "SELECT rel, load FROM files", -1, &st,
			       NULL) != SQLITE_OK) {
		ix_dberr(ix);
		goto fail;
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (nfs == cap) {
			cap = cap ? cap * 2 : 256;
			fs = xrealloc(fs, cap * sizeof(*fs));
		}
		const unsigned char *t = sqlite3_column_text(st, 0);
		fs[nfs].rel = xstrdup(t ? (const char *)t : "");
		fs[nfs++].load = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc != SQLITE_DONE) {
		ix_dberr(ix);
		goto fail;
	}
	if (nfs > 1)
		qsort(fs, nfs, sizeof(*fs), fstate_cmp);

	/* the candidates: the files FTS5 finds every trigram of the query
	 * in (3 characters or more), else every file; their texts whose
	 * stored fold holds the query's are checked with search_text */
	size_t klen;
	key = text_fold_simple(query, strlen(query), &klen);
	if (!key)
		mn_oom();
	const char *sql;
	if (trigram_chars(key, klen) >= 3) {
		match = trigram_query(key, klen);
		/* the candidate files in name order: no sort (+id keeps
		 * SQLite from looking them up by id and sorting) */
		sql = "SELECT rel, id, doc FROM files"
		      " WHERE +id IN (SELECT rowid FROM elem_fts WHERE elem_fts MATCH ?1)"
		      " ORDER BY rel";
	} else {
		sql = "SELECT rel, id, doc FROM files ORDER BY rel";
	}
	if (sqlite3_prepare_v2(ix->db,
			       "SELECT grp, line, eid, text FROM elems"
			       " WHERE file = ?1 AND ord = ?2", -1, &elem, NULL)
	    != SQLITE_OK) {
		ix_dberr(ix);
		goto fail;
	}
	if (sqlite3_prepare_v2(ix->db, sql, -1, &st, NULL) != SQLITE_OK) {
		ix_dberr(ix);
		goto fail;
	}
	if (match)
		sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	for (i = 0; i < n && !stopped; i++) {
		const char *rel = rel_path(ix, paths[i]);
		struct file_state k = { .rel = (char *)rel };
		struct file_state *f = nfs ? bsearch(&k, fs, nfs, sizeof(*fs),
						     fstate_cmp) : NULL;
		/* texts of files not asked about (none after a sync) */
		while (rc == SQLITE_ROW &&
		       strcmp((const char *)sqlite3_column_text(st, 0), rel) < 0)
			rc = sqlite3_step(st);
		if (!f || f->load == LOAD_FATAL) {
			if (!fns->scan(paths[i], fns->arg))
				stopped = true;
			continue;
		}
		hit_buf_clear(&buf);
		if (rc == SQLITE_ROW &&
		    strcmp((const char *)sqlite3_column_text(st, 0), rel) == 0) {
			if (search_doc(ix, st, elem, q, key, klen, &buf) != 0)
				goto fail;
			rc = sqlite3_step(st);
		}
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			ix_dberr(ix);
			goto fail;
		}
		for (size_t h = 0; h < buf.n && !stopped; h++)
			if (!fns->hit(paths[i], buf.v[h].line, buf.v[h].id,
				      buf.v[h].text, fns->arg))
				stopped = true;
	}
	res = INDEX_OK;
	goto out;
fail:
	/* the rest is scanned */
	for (; i < n; i++)
		if (!fns->scan(paths[i], fns->arg))
			break;
out:
	sqlite3_finalize(st);
	sqlite3_finalize(elem);
	hit_buf_clear(&buf);
	free(buf.v);
	for (size_t k = 0; k < nfs; k++)
		free(fs[k].rel);
	free(fs);
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
