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
#if defined(__GNUC__)
#define MEMO_INLINE static inline __attribute__((always_inline))
#else
#define MEMO_INLINE static inline
#endif
MEMO_INLINE void *memo_get(struct memo *m, const char *key, size_t len);
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
 * first sixteen bytes packed in two numbers, its length (0: empty), the
 * key */
#define MEMO_K_AT(m) ((m)->stride - MEMO_KEY_MAX - 16)
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

/* The bytes of a key, 1 to 8 of them, as one number (two loads that may
 * overlap: no byte past the key is read; one number for one N). */
static inline uint64_t
memo_tail(const char *s, size_t n)
{
	if (n >= 4)
		return memo_load32(s) | memo_load32(s + n - 4) << 32;
	return (uint64_t)(unsigned char)s[0] |
	       (uint64_t)(unsigned char)s[n >> 1] << 8 |
	       (uint64_t)(unsigned char)s[n - 1] << 16;
}

/* The first sixteen bytes of the key (LEN > 0) packed into K. */
static inline void
memo_pack(const char *s, size_t len, uint64_t k[2])
{
	if (len <= 8) {
		k[0] = memo_tail(s, len);
		k[1] = 0;
	} else {
		k[0] = memo_load64(s);
		k[1] = len <= 16 ? memo_tail(s + 8, len - 8) : memo_load64(s + 8);
	}
}

static inline uint64_t
memo_mix(uint64_t h, uint64_t x)
{
	h = (h ^ x) * 0xFF51AFD7ED558CCDull;
	return h ^ (h >> 32);
}

/* The hash of a key whose first bytes are packed in K. */
static inline uint32_t
memo_hash(const char *s, size_t len, const uint64_t k[2])
{
	uint64_t h = memo_mix(memo_mix(0x9E3779B97F4A7C15ull ^ len, k[0]), k[1]);

	for (size_t i = 16; i < len; i += 8)
		h = memo_mix(h, len - i >= 8 ? memo_load64(s + i)
					     : memo_tail(s + i, len - i));
	return (uint32_t)h;
}

/* The entry of KEY (packed: K, hash H), or the empty one where it would
 * go. */
MEMO_INLINE unsigned char *
memo_find(const struct memo *m, const char *key, size_t len,
	  const uint64_t k[2], uint32_t h)
{
	size_t mask = m->nslots - 1;

	for (size_t i = h & mask;; i = (i + 1) & mask) {
		unsigned char *e = m->slot + i * m->stride;
		size_t n = e[MEMO_LEN_AT(m)];
		uint64_t ek[2];
		if (!n)
			return e;
		if (n != len)
			continue;
		memcpy(ek, e + MEMO_K_AT(m), 16);
		if (ek[0] == k[0] && ek[1] == k[1] &&
		    (len <= 16 || memcmp(e + MEMO_LEN_AT(m) + 1 + 16, key + 16,
					 len - 16) == 0))
			return e;
	}
}

MEMO_INLINE void *
memo_get(struct memo *m, const char *key, size_t len)
{
	uint64_t k[2];

	if (!m->nslots || !len || len >= MEMO_KEY_MAX)
		return NULL;
	memo_pack(key, len, k);
	unsigned char *e = memo_find(m, key, len, k, memo_hash(key, len, k));
	return e[MEMO_LEN_AT(m)] ? e : NULL;
}

#endif
