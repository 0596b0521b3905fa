/* memo.c - memo tables (see memo.h). */
#include <stdlib.h>
#include <string.h>

#include "memo.h"
#include "xalloc.h"


void
memo_init(struct memo *m, size_t value_size, size_t max)
{
	memset(m, 0, sizeof(*m));
	m->value_size = value_size;
	m->stride = ((value_size + 7) / 8 * 8 + 4 + MEMO_KEY_MAX + 15) / 16 * 16;
	m->max = max;
}

void
memo_free(struct memo *m)
{
	free(m->slot);
	m->slot = NULL;
	m->nslots = m->used = 0;
}

static void
memo_grow(struct memo *m)
{
	size_t ns = m->nslots ? m->nslots * 2 : 4096;
	unsigned char *slot = xreallocarray(NULL, ns, m->stride);

	for (size_t k = 0; k < ns; k++)
		slot[k * m->stride + MEMO_LEN_AT(m)] = 0;
	for (size_t k = 0; k < m->nslots; k++) {
		const unsigned char *e = m->slot + k * m->stride;
		if (!e[MEMO_LEN_AT(m)])
			continue;
		size_t j = memo_entry_hash(m, e) & (ns - 1);
		while (slot[j * m->stride + MEMO_LEN_AT(m)])
			j = (j + 1) & (ns - 1);
		memcpy(slot + j * m->stride, e, m->stride);
	}
	free(m->slot);
	m->slot = slot;
	m->nslots = ns;
}

void *
memo_put(struct memo *m, const char *key, size_t len, const void *value)
{
	if (!len || len >= MEMO_KEY_MAX || m->used >= m->max)
		return NULL;
	if ((m->used + 1) * 2 > m->nslots)
		memo_grow(m);
	uint32_t h = memo_hash(key, len);
	unsigned char *e = memo_find(m, key, len, h);
	if (e[MEMO_LEN_AT(m)])
		return e;
	e[MEMO_LEN_AT(m)] = (unsigned char)len;
	memcpy(e + MEMO_HASH_AT(m), &h, 4);
	memcpy(e + MEMO_LEN_AT(m) + 1, key, len);
	memcpy(e, value, m->value_size);
	m->used++;
	return e;
}

/* A hash of a whole document, eight bytes at a time. */
static uint64_t
memo_hash_doc(const char *s, size_t len)
{
	uint64_t h = 14695981039346656037u ^ len;
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		uint64_t x;
		memcpy(&x, s + i, 8);
		h = (h ^ x) * 1099511628211u;
		h ^= h >> 29;
	}
	for (; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return h;
}

bool
memo_docs_seen(struct memo_docs *ds, const char *s, size_t len)
{
	/* the key: the length and the hash, as bytes */
	uint64_t k[2] = { (uint64_t)len, memo_hash_doc(s, len) };
	const char one = 1;

	if (!ds->set.stride)
		memo_init(&ds->set, 1, (size_t)1 << 20);
	if (memo_get(&ds->set, (const char *)k, sizeof(k)))
		return true;
	memo_put(&ds->set, (const char *)k, sizeof(k), &one);
	return false;
}

void
memo_docs_free(struct memo_docs *ds)
{
	memo_free(&ds->set);
}

static uint32_t
memo_hash_str(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The place of S among the N strings of V (via AT(V, i)), or -1; with
 * ADD, S gets place N when absent (the caller appends it). */
long
memo_index_find(struct memo_index *ix, const char *s, const void *v,
	   const char *(*at)(const void *v, size_t i), size_t n, bool add)
{
	size_t mask, i;

	if (add && (ix->used + 1) * 2 > ix->nslots) {
		size_t ns = ix->nslots ? ix->nslots * 2 : 64;
		uint32_t *slot = xrealloc(NULL, ns * sizeof(*slot));
		memset(slot, 0, ns * sizeof(*slot));
		for (size_t k = 0; k < ix->nslots; k++) {
			if (!ix->slot[k])
				continue;
			size_t j = memo_hash_str(at(v, ix->slot[k] - 1)) & (ns - 1);
			while (slot[j])
				j = (j + 1) & (ns - 1);
			slot[j] = ix->slot[k];
		}
		free(ix->slot);
		ix->slot = slot;
		ix->nslots = ns;
	}
	if (!ix->nslots)
		return -1;
	mask = ix->nslots - 1;
	for (i = memo_hash_str(s) & mask; ix->slot[i]; i = (i + 1) & mask)
		if (strcmp(at(v, ix->slot[i] - 1), s) == 0)
			return (long)ix->slot[i] - 1;
	if (!add)
		return -1;
	ix->slot[i] = (uint32_t)n + 1;
	ix->used++;
	return -1;
}
