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
#include <string.h>

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
 * place, and is aligned for any type.  (Inline, with what it needs
 * below: it runs for every word of a document.) */
static inline void *memo_get(struct memo *m, const char *key, size_t len);
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

/* --- memo_get and its parts (not for use elsewhere) ------------------- */

/* an entry: the value (at the start, so aligned for any), the key's
 * hash, its length (0: empty), the key */
#define MEMO_HASH_AT(m) ((m)->stride - MEMO_KEY_MAX - 4)
#define MEMO_LEN_AT(m) ((m)->stride - MEMO_KEY_MAX)

static inline uint64_t
memo_load64(const char *s)
{
	uint64_t x;

	memcpy(&x, s, 8);
	return x;
}

static inline uint64_t
memo_load32(const char *s)
{
	uint32_t x;

	memcpy(&x, s, 4);
	return x;
}

/* The last bytes of a key, 1 to 8 of them, as one number (two loads
 * that may overlap: no byte past the key is read). */
static inline uint64_t
memo_tail(const char *s, size_t n)
{
	if (n >= 4)
		return memo_load32(s) | memo_load32(s + n - 4) << 32;
	return (uint64_t)(unsigned char)s[0] |
	       (uint64_t)(unsigned char)s[n >> 1] << 8 |
	       (uint64_t)(unsigned char)s[n - 1] << 16;
}

static inline uint64_t
memo_mix(uint64_t h, uint64_t x)
{
	h = (h ^ x) * 0xFF51AFD7ED558CCDull;
	return h ^ (h >> 32);
}

/* Eight bytes at a time (keys are words: one or two steps); LEN > 0. */
static inline uint32_t
memo_hash(const char *s, size_t len)
{
	uint64_t h = 0x9E3779B97F4A7C15ull ^ len;
	size_t i = 0;

	for (; len - i > 8; i += 8)
		h = memo_mix(h, memo_load64(s + i));
	return (uint32_t)memo_mix(h, memo_tail(s + i, len - i));
}

/* Whether the LEN bytes at A and B are the same (LEN > 0). */
static inline bool
memo_key_eq(const char *a, const char *b, size_t len)
{
	size_t i = 0;

	for (; len - i > 8; i += 8)
		if (memo_load64(a + i) != memo_load64(b + i))
			return false;
	return memo_tail(a + i, len - i) == memo_tail(b + i, len - i);
}

static inline uint32_t
memo_entry_hash(const struct memo *m, const unsigned char *e)
{
	uint32_t h;

	memcpy(&h, e + MEMO_HASH_AT(m), 4);
	return h;
}

/* The entry of KEY (hash H), or the empty one where it would go. */
static inline unsigned char *
memo_find(const struct memo *m, const char *key, size_t len, uint32_t h)
{
	size_t mask = m->nslots - 1;

	for (size_t i = h & mask;; i = (i + 1) & mask) {
		unsigned char *e = m->slot + i * m->stride;
		size_t n = e[MEMO_LEN_AT(m)];
		if (!n || (n == len && memo_entry_hash(m, e) == h &&
			   memo_key_eq((const char *)e + MEMO_LEN_AT(m) + 1, key, len)))
			return e;
	}
}

static inline void *
memo_get(struct memo *m, const char *key, size_t len)
{
	if (!m->nslots || !len || len >= MEMO_KEY_MAX)
		return NULL;
	unsigned char *e = memo_find(m, key, len, memo_hash(key, len));
	return e[MEMO_LEN_AT(m)] ? e : NULL;
}

#endif
