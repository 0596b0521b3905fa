/* trigram.c - the archive index's FTS5 tokenizer and queries (see
 * trigram.h). */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trigram.h"
#include "xalloc.h"

/* The texts are folded already: the tokens are every run of three
 * characters (UTF-8) not crossing a line (the texts of a file are one a
 * line), as FTS5's own trigram tokenizer with case_sensitive 1 would
 * give, but each distinct one once per text: the index keeps no
 * positions (detail=none), so repeats are only work. */
struct tri_slot {
	uint64_t a;   /* the trigram's bytes, zero-padded (no NUL in a text) */
	uint32_t b;
	uint32_t gen; /* the text it was seen in */
};

/* Small enough to stay in the cache: a file has a few thousand
 * distinct trigrams; the table grows (3/4 full) for one with more. */
#define TRI_SLOTS_MIN 8192

/* A trigram of three ASCII characters (most of a folded Vietnamese text)
 * is its own index in a table of 2^21 (7 bits a character): the text it
 * was last seen in, no hashing, no probing. */
#define TRI_ASCII (1u << 21)

struct tri_tokenizer {
	struct tri_slot *slots; /* open addressing, reused between texts */
	size_t nslots, used;
	uint32_t *ascii;        /* TRI_ASCII of them (calloc: untouched
				 * pages cost nothing) */
	uint32_t gen;
};

static uint64_t
tri_hash(uint64_t a, uint32_t b)
{
	return (a ^ ((uint64_t)b << 29)) * 0x9e3779b97f4a7c15ULL;
}

/* Doubles the table, keeping this text's entries. */
static int
tri_grow(struct tri_tokenizer *t)
{
	size_t n = t->nslots * 2, mask = n - 1;
	struct tri_slot *v = calloc(n, sizeof(*v));
	if (!v)
		return SQLITE_NOMEM;
	for (size_t i = 0; i < t->nslots; i++) {
		const struct tri_slot *o = &t->slots[i];
		if (o->gen != t->gen)
			continue;
		size_t j = (size_t)(tri_hash(o->a, o->b) >> 40) & mask;
		while (v[j].gen == t->gen)
			j = (j + 1) & mask;
		v[j] = *o;
	}
	free(t->slots);
	t->slots = v;
	t->nslots = n;
	return SQLITE_OK;
}

static int
tri_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)ctx;
	(void)argv;
	(void)argc;
	struct tri_tokenizer *t = calloc(1, sizeof(*t));
	if (!t)
		return SQLITE_NOMEM;
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static void
tri_delete(Fts5Tokenizer *tok)
{
	struct tri_tokenizer *t = (struct tri_tokenizer *)tok;
	if (!t)
		return;
	free(t->slots);
	free(t->ascii);
	free(t);
}

static size_t
utf8_next(const char *s, size_t n, size_t i)
{
	i++;
	while (i < n && ((unsigned char)s[i] & 0xc0) == 0x80)
		i++;
	return i;
}

/* Emits the distinct trigrams of one line of LEN bytes at S (offset OFF
 * in the text). */
static int
tri_line(struct tri_tokenizer *t, void *ctx, const char *text, size_t off,
	 size_t len, int (*emit)(void *, int, const char *, int, int, int))
{
	const char *s = text + off;
	size_t c0 = 0, c1, c2, c3;
	if (len == 0)
		return SQLITE_OK;
	c1 = utf8_next(s, len, c0);
	c2 = c1 < len ? utf8_next(s, len, c1) : len;
	while (c2 < len) {
		c3 = utf8_next(s, len, c2);
		size_t tl = c3 - c0;
		if (tl == 3) {
			/* three bytes for three characters: all ASCII */
			const unsigned char *u = (const unsigned char *)s + c0;
			uint32_t code = (uint32_t)u[0] << 14 | (uint32_t)u[1] << 7 | u[2];
			if (t->ascii[code] != t->gen) {
				t->ascii[code] = t->gen;
				int rc = emit(ctx, 0, s + c0, 3, (int)(off + c0),
					      (int)(off + c3));
				if (rc != SQLITE_OK)
					return rc;
			}
		} else if (tl <= 12) {
			unsigned char k[12] = { 0 };
			memcpy(k, s + c0, tl);
			uint64_t a;
			uint32_t b;
			memcpy(&a, k, 8);
			memcpy(&b, k + 8, 4);
			size_t mask = t->nslots - 1;
			size_t i = (size_t)(tri_hash(a, b) >> 40) & mask;
			bool seen = false;
			while (t->slots[i].gen == t->gen) {
				if (t->slots[i].a == a && t->slots[i].b == b) {
					seen = true;
					break;
				}
				i = (i + 1) & mask;
			}
			if (!seen) {
				t->slots[i].a = a;
				t->slots[i].b = b;
				t->slots[i].gen = t->gen;
				if (++t->used * 4 >= t->nslots * 3 &&
				    tri_grow(t) != SQLITE_OK)
					return SQLITE_NOMEM;
				int rc = emit(ctx, 0, s + c0, (int)tl, (int)(off + c0),
					      (int)(off + c3));
				if (rc != SQLITE_OK)
					return rc;
			}
		}
		c0 = c1;
		c1 = c2;
		c2 = c3;
	}
	return SQLITE_OK;
}

static int
tri_tokenize(Fts5Tokenizer *tok, void *ctx, int flags, const char *text,
	     int ntext, int (*emit)(void *, int, const char *, int, int, int))
{
	(void)flags;
	struct tri_tokenizer *t = (struct tri_tokenizer *)tok;
	size_t n = ntext > 0 ? (size_t)ntext : 0;
	if (!t->slots) {
		t->slots = calloc(TRI_SLOTS_MIN, sizeof(*t->slots));
		if (!t->slots)
			return SQLITE_NOMEM;
		t->nslots = TRI_SLOTS_MIN;
		t->gen = 0;
	}
	if (!t->ascii) {
		t->ascii = calloc(TRI_ASCII, sizeof(*t->ascii));
		if (!t->ascii)
			return SQLITE_NOMEM;
	}
	if (++t->gen == 0) { /* wrapped: clear */
		memset(t->slots, 0, t->nslots * sizeof(*t->slots));
		memset(t->ascii, 0, TRI_ASCII * sizeof(*t->ascii));
		t->gen = 1;
	}
	t->used = 0;
	/* line by line: no trigram crosses a line */
	for (size_t a = 0; a < n;) {
		const char *nl = memchr(text + a, '\n', n - a);
		size_t e = nl ? (size_t)(nl - text) : n;
		int rc = tri_line(t, ctx, text, a, e - a, emit);
		if (rc != SQLITE_OK)
			return rc;
		a = e + 1;
	}
	return SQLITE_OK;
}

/* Registers the tokenizer with this connection's FTS5. */
int
trigram_register(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!api)
		return -1;
	fts5_tokenizer tok = { tri_create, tri_delete, tri_tokenize };
	return api->xCreateTokenizer(api, "minutes_trigram", NULL, &tok, NULL)
		       == SQLITE_OK ? 0 : -1;
}

size_t
trigram_chars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

/* The FTS5 query for folded KEY (3 characters or more): every distinct
 * trigram of it, each an FTS5 string ("" for a quote), joined by AND. */
char *
trigram_query(const char *key, size_t klen)
{
	size_t cap = 8 * klen + 16, n = 0, ntri = 0;
	char *q = xrealloc(NULL, cap);
	size_t *starts = xrealloc(NULL, (klen + 1) * sizeof(*starts));
	size_t nchars = 0;
	for (size_t i = 0; i < klen; i++)
		if (((unsigned char)key[i] & 0xc0) != 0x80)
			starts[nchars++] = i;
	starts[nchars] = klen;
	for (size_t c = 0; c + 3 <= nchars; c++) {
		const char *t = key + starts[c];
		size_t tl = starts[c + 3] - starts[c];
		bool seen = false;
		for (size_t d = 0; d < c && !seen; d++)
			seen = starts[d + 3] - starts[d] == tl &&
			       memcmp(key + starts[d], t, tl) == 0;
		if (seen)
			continue;
		if (n + 2 * tl + 8 > cap) {
			cap = 2 * cap + 2 * tl + 8;
			q = xrealloc(q, cap);
		}
		if (ntri++)
			n += (size_t)sprintf(q + n, " AND ");
		q[n++] = '"';
		for (size_t k = 0; k < tl; k++) {
			q[n++] = t[k];
			if (t[k] == '"')
				q[n++] = '"';
		}
		q[n++] = '"';
	}
	q[n] = '\0';
	free(starts);
	return q;
}
