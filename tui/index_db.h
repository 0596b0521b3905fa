/* index_db.h - what the parts of the archive index share: the handle
 * and its error helpers (index.c opens, syncs; index_query.c searches
 * and lists).  Not for other modules: they use index.h. */
#ifndef MINUTES_INDEX_DB_H
#define MINUTES_INDEX_DB_H

#include <stdint.h>
#include <sqlite3.h>

#include "index.h"

struct minutes_index {
	sqlite3 *db;
	char *dir;     /* as given, trailing slashes cut */
	char *real;    /* its real path */
	char *db_path;
	bool readonly;
	struct index_options o;
	char err[1024];
	sqlite3_stmt *ins_file, *ins_elem, *ins_fts, *del_fts, *del_elems,
		*del_file, *get_file, *sel_doc;
	char *fold_buf; /* reused by the folds of a sync */
	size_t fold_cap;
	bool list_fns;  /* the browser list's SQL functions are there */
	char *doc;      /* a file's folded texts, one a line, for FTS5 */
	size_t doc_len, doc_cap;
	char *texts;    /* the same texts as written, packed (see below) */
	size_t texts_len, texts_cap;
	uint32_t *offs; /* where each record of texts starts */
	size_t noffs, offs_cap;
};

/* A file's texts in its `elems` row, in search_elements order, one record
 * each: its line (4 bytes, little-endian), 1 when it is joined to the one
 * before (search_elements' JOINED) else 0, the element's id and the text,
 * each ended by a NUL; then where each record starts (4 bytes each), and
 * how many there are (4 bytes).  Line N of the row's doc is the fold of
 * record N. */
#define IX_REC_HEAD 5

void ix_seterr(struct minutes_index *ix, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The message of the last failed SQLite call (damaged: says to
 * --reindex). */
void ix_dberr(struct minutes_index *ix);
/* PATH relative to the folder, or NULL when it is not under it. */
const char *rel_path(const struct minutes_index *ix, const char *path);

#endif
