/* memo.h - memo tables for checks that see the same things again (no
 * curses): a table from short byte strings (words) to fixed-size
 * values, kept for a run, and a set of the documents seen, by length
 * and hash of their bytes.  Only speed depends on them: a value not
 * kept is computed again. */
#ifndef MINUTES_MEMO_H
#define MINUTES_MEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* keys are shorter than this */
#define MEMO_KEY_MAX 64

struct memo {
	unsigned char *slot; /* nslots entries of stride bytes */
	size_t nslots, used, stride, value_size, max;
};

/* A table of values of VALUE_SIZE bytes, at most MAX of them. */
void memo_init(struct memo *m, size_t value_size, size_t max);
void memo_free(struct memo *m);
/* The value kept for KEY (LEN bytes), or NULL; it may be changed in
 * place, and is aligned for any type. */
void *memo_get(struct memo *m, const char *key, size_t len);
/* Keeps VALUE for KEY, which memo_get did not find, and returns where it
 * is kept (NULL when the key is empty or too long, or the table is
 * full: nothing is kept). */
void *memo_put(struct memo *m, const char *key, size_t len, const void *value);

struct memo_docs {
	struct memo set; /* zeroed: empty */
};

/* Whether the document S (LEN bytes) was seen before; it is then seen.
 * Two documents of one length and one 64-bit hash count as one. */
bool memo_docs_seen(struct memo_docs *ds, const char *s, size_t len);
void memo_docs_free(struct memo_docs *ds);

/* An index of strings by hash (open addressing): slot holds 1 + the
 * place of the string in its owner's array, 0 when empty. */
struct memo_index {
	uint32_t *slot;
	size_t nslots, used;
};

/* The place of S among the N strings of V (via AT(V, i)), or -1; with
 * ADD, S gets place N when absent (the caller appends it). */
long memo_index_find(struct memo_index *ix, const char *s, const void *v,
		     const char *(*at)(const void *v, size_t i), size_t n,
		     bool add);

#endif
