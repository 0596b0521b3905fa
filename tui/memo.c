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
	m->stride = ((value_size + 7) / 8 * 8 + 16 + MEMO_KEY_MAX + 15) / 16 * 16;
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
		uint64_t ek[2];
		memcpy(ek, e + MEMO_K_AT(m), 16);
		size_t j = memo_hash((const char *)e + MEMO_LEN_AT(m) + 1,
				     e[MEMO_LEN_AT(m)], ek) & (ns - 1);
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
	uint64_t k[2];
	memo_pack(key, len, k);
	unsigned char *e = memo_find(m, key, len, k, memo_hash(key, len, k));
	if (e[MEMO_LEN_AT(m)])
		return e;
	e[MEMO_LEN_AT(m)] = (unsigned char)len;
	memcpy(e + MEMO_K_AT(m), k, 16);
	memcpy(e + MEMO_LEN_AT(m) + 1, key, len);
	memcpy(e, value, m->value_size);
	m->used++;
	return e;
}

/* A hash of a whole document, 32 bytes at a time (four lanes). */
static uint64_t
memo_hash_doc(const char *s, size_t len)
{
	uint64_t h[4] = { 14695981039346656037u ^ len, 0x9E3779B97F4A7C15u,
			  0xC2B2AE3D27D4EB4Fu, 0x165667B19E3779F9u };
	size_t i = 0;

	for (; i + 32 <= len; i += 32)
		for (int k = 0; k < 4; k++)
			h[k] = memo_mix(h[k], memo_load64(s + i + 8 * (size_t)k));
	for (; i + 8 <= len; i += 8)
		h[0] = memo_mix(h[0], memo_load64(s + i));
	for (; i < len; i++)
		h[1] = memo_mix(h[1], (unsigned char)s[i]);
	return memo_mix(memo_mix(h[0], h[1]), memo_mix(h[2], h[3]));
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
