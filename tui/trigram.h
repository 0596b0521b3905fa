/* trigram.h - the archive index's FTS5 tokenizer and its queries (no
 * curses).
 *
 * The index's texts are folded already (the search's fold) and a file's
 * are one a line: the tokens are every run of three characters (UTF-8)
 * not crossing a line, as FTS5's own trigram tokenizer with
 * case_sensitive 1 gives them, but each distinct one once per text (the
 * index keeps no positions, so repeats are only work). */
#ifndef MINUTES_TRIGRAM_H
#define MINUTES_TRIGRAM_H

#include <stddef.h>
#include <sqlite3.h>

/* Registers the tokenizer "minutes_trigram" with DB's FTS5: 0, or -1
 * when this SQLite has no FTS5. */
int trigram_register(sqlite3 *db);

/* Characters (UTF-8) in the N bytes at S. */
size_t trigram_chars(const char *s, size_t n);

/* The FTS5 query for folded KEY (3 characters or more): every distinct
 * trigram of it, each an FTS5 string ("" for a quote), joined by AND.
 * malloc'd. */
char *trigram_query(const char *key, size_t klen);

#endif
