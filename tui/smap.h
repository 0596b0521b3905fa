/* smap.h - a map from strings to indexes (open addressing, FNV-1a);
 * keys are borrowed.  Used by the notes store. */
#ifndef MINUTES_SMAP_H
#define MINUTES_SMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct slot {
	const char *key;
	size_t val;
};

struct smap {
	struct slot *v;
	size_t cap; /* a power of two, or 0 */
	size_t n;   /* keys held */
};

uint64_t
smap_hash(const char *s);
void
smap_free(struct smap *m);
void
smap_init(struct smap *m, size_t n);
bool
smap_put(struct smap *m, const char *key, size_t val);
bool
smap_add(struct smap *m, const char *key, size_t val);
bool
smap_get(const struct smap *m, const char *key, size_t *val);

#endif
