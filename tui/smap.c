/* smap.c - a map from strings to indexes (open addressing, FNV-1a).
 * The keys are borrowed, never copied: they must outlive the map.  The
 * notes store finds notes, elements, threads and replies by id with it,
 * so loading and saving stay linear. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "smap.h"
#include "xalloc.h"

uint64_t
smap_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

void
smap_free(struct smap *m)
{
	free(m->v);
	m->v = NULL;
	m->cap = m->n = 0;
}

void
smap_init(struct smap *m, size_t n)
{
	size_t cap = 16;
	while (cap < n * 2 + 1)
		cap *= 2;
	smap_free(m);
	m->v = xcalloc(cap, sizeof(*m->v));
	m->cap = cap;
}

/* Inserts KEY unless present: returns true when inserted. */
bool
smap_put(struct smap *m, const char *key, size_t val)
{
	size_t i = (size_t)smap_hash(key) & (m->cap - 1);
	while (m->v[i].key) {
		if (strcmp(m->v[i].key, key) == 0)
			return false;
		i = (i + 1) & (m->cap - 1);
	}
	m->v[i].key = key;
	m->v[i].val = val;
	m->n++;
	return true;
}

/* smap_put into a map that grows (kept at most half full). */
bool
smap_add(struct smap *m, const char *key, size_t val)
{
	if ((m->n + 1) * 2 > m->cap) {
		struct smap bigger = { 0 };
		smap_init(&bigger, m->n + 1 > 8 ? (m->n + 1) * 2 : 16);
		for (size_t i = 0; i < m->cap; i++)
			if (m->v[i].key)
				smap_put(&bigger, m->v[i].key, m->v[i].val);
		free(m->v);
		*m = bigger;
	}
	return smap_put(m, key, val);
}

bool
smap_get(const struct smap *m, const char *key, size_t *val)
{
	if (!m->cap || !key)
		return false;
	size_t i = (size_t)smap_hash(key) & (m->cap - 1);
	while (m->v[i].key) {
		if (strcmp(m->v[i].key, key) == 0) {
			*val = m->v[i].val;
			return true;
		}
		i = (i + 1) & (m->cap - 1);
	}
	return false;
}
