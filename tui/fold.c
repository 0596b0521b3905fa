/* fold.c - search keys: case folded, marks stripped, đ -> d,
 * compatibility forms and quotes lumped, invisible characters dropped,
 * white space runs made one space; with or without a map from each key
 * byte back to the source.  The per-character folds below U+3000 are
 * computed once, on first use, thread-safely. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "fold.h"
#include "text_utf8.h"

#define FOLD_SPACE 0xFE
#define FOLD_LONG 0xFF
#define FOLD_BUF 96

struct fold_entry {
	unsigned char len;
	char s[7];
};

static struct fold_entry fold_table[TEXT_TABLE_END];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;
/* What an ASCII byte folds to: itself, lower case, FOLD_SPACE, or 0
 * (dropped: controls). */
static unsigned char fold_ascii_tab[0x80];
static atomic_bool fold_done;
static void fold_ascii_init(void);
static void fold_init(void);

/* The fold tables, built once; after that a load, not a call. */
static inline void
fold_need(void)
{
	if (!atomic_load_explicit(&fold_done, memory_order_acquire))
		pthread_once(&fold_once, fold_init);
}

static bool
is_plain_cp(const utf8proc_property_t *p)
{
	return p->casefold_seqindex == UINT16_MAX &&
	       p->decomp_seqindex == UINT16_MAX && !p->ignorable &&
	       p->category != UTF8PROC_CATEGORY_CF &&
	       p->category != UTF8PROC_CATEGORY_CC &&
	       !is_mark_category(p->category);
}

/* utf8proc's LUMP folds ‘ ’ to ' but leaves the double quotes and the
 * low-9 forms alone: an ASCII quote in a query must find “Vì người
 * nghèo” as typed by a word processor. */
static bool
is_double_quote(int32_t c)
{
	return c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F ||
	       c == 0x2033 || c == 0x301D || c == 0x301E || c == 0x301F;
}

static bool
is_single_quote(int32_t c)
{
	return c == 0x201A || c == 0x201B;
}

/* The folded form of one code point into BUF (FOLD_BUF bytes); returns
 * its length or FOLD_SPACE. */
static int
fold_compute(int32_t c, char *buf)
{
	const utf8proc_property_t *p = utf8proc_get_property(c);
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n;
	char one[4];

	if (is_dee(c)) {
		buf[0] = 'd';
		return 1;
	}
	if (is_double_quote(c) || is_single_quote(c)) {
		buf[0] = is_double_quote(c) ? '"' : '\'';
		return 1;
	}
	if (is_space_cp(c, p))
		return FOLD_SPACE;
	if (p->category == UTF8PROC_CATEGORY_CC ||
	    p->category == UTF8PROC_CATEGORY_CF || p->ignorable)
		return 0;
	if (c >= TEXT_TABLE_END && is_plain_cp(p))
		return (int)utf8_encode(c, buf);
	n = utf8proc_map((const utf8proc_uint8_t *)one,
			 (utf8proc_ssize_t)utf8_encode(c, one), &out,
			 UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
			 UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
			 UTF8PROC_IGNORE | UTF8PROC_LUMP);
	if (n < 0)
		n = 0;
	if (n >= FOLD_BUF)
		n = 0;
	if (n)
		memcpy(buf, out, (size_t)n);
	free(out);
	if (n == 1 && buf[0] == ' ')
		return FOLD_SPACE;
	return (int)n;
}

static void
fold_init(void)
{
	char buf[FOLD_BUF];
	int32_t c;

	for (c = 0; c < TEXT_TABLE_END; c++) {
		int n = fold_compute(c, buf);
		if (n == FOLD_SPACE) {
			fold_table[c].len = FOLD_SPACE;
		} else if (n > (int)sizeof(fold_table[c].s)) {
			fold_table[c].len = FOLD_LONG;
		} else {
			fold_table[c].len = (unsigned char)n;
			memcpy(fold_table[c].s, buf, (size_t)n);
		}
	}
	fold_ascii_init();
	atomic_store_explicit(&fold_done, true, memory_order_release);
}

struct kbuf {
	char *key;
	uint32_t *map;
	size_t len, cap;
	bool with_map;
};

static bool
kbuf_grow(struct kbuf *b, size_t need)
{
	size_t cap;
	char *k;

	if (need <= b->cap)
		return true;
	cap = need > b->cap * 2 ? need : b->cap * 2;
	k = realloc(b->key, cap);
	if (!k)
		return false;
	b->key = k;
	if (b->with_map) {
		uint32_t *m = realloc(b->map, cap * sizeof(*m));
		if (!m)
			return false;
		b->map = m;
	}
	b->cap = cap;
	return true;
}

/* The folded form of the non-ASCII character at POS. */
static int
fold_char(const char *s, size_t len, size_t pos, size_t *adv,
	  const char **out, char *buf)
{
	int32_t c;
	int n;

	*adv = utf8_at(s, len, pos, &c);
	if (c < 0)
		c = CP_REPLACEMENT;
	if (c < TEXT_TABLE_END && fold_table[c].len != FOLD_LONG) {
		*out = fold_table[c].s;
		return fold_table[c].len;
	}
	n = fold_compute(c, buf);
	*out = buf;
	return n;
}

static int
fold_ascii(unsigned char c)
{
	if (c == ' ' || (c >= '\t' && c <= '\r'))
		return FOLD_SPACE;
	if (c < 0x20 || c == 0x7F)
		return 0;
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static bool
fold_run(const char *s, size_t len, struct kbuf *b)
{
	const unsigned char *u = (const unsigned char *)s;
	char buf[FOLD_BUF], one;
	size_t pos = 0, space_at = 0, k = 0;
	bool space = false;

	fold_need();
	if (!kbuf_grow(b, len + 2))
		return false;
	while (pos < len) {
		const char *out = &one;
		size_t adv = 1, i;
		int n = fold_ascii(u[pos]);

		if (u[pos] >= 0x80)
			n = fold_char(s, len, pos, &adv, &out, buf);
		else if (n != FOLD_SPACE && n != 0)
			one = (char)n, n = 1;
		if (n == FOLD_SPACE) {
			if (!space)
				space_at = pos;
			space = true;
			pos += adv;
			continue;
		}
		if (n > 0 && k + (size_t)n + 2 > b->cap &&
		    !kbuf_grow(b, k + (size_t)n + 2))
			return false;
		if (n > 0 && space && k > 0) {
			if (b->with_map)
				b->map[k] = (uint32_t)space_at;
			b->key[k++] = ' ';
		}
		if (n > 0)
			space = false;
		for (i = 0; i < (size_t)n; i++) {
			if (b->with_map)
				b->map[k] = (uint32_t)pos;
			b->key[k++] = out[i];
		}
		pos += adv;
	}
	b->len = k;
	b->key[k] = '\0';
	if (b->with_map)
		b->map[k] = (uint32_t)len;
	return true;
}

static void
fold_ascii_init(void)
{
	for (int c = 0; c < 0x80; c++) {
		int n = fold_ascii((unsigned char)c);
		fold_ascii_tab[c] = (unsigned char)n;
	}
}

/* fold_run without the map, in one tight loop.  The key always has room
 * for 2 bytes (a space and a letter) per source byte left, so ASCII and
 * any character that folds to less than twice its bytes need no check; a
 * longer fold grows it first. */
static bool
fold_run_simple(const char *s, size_t len, struct kbuf *b)
{
	const unsigned char *u = (const unsigned char *)s;
	char buf[FOLD_BUF];
	size_t pos = 0, k = 0;
	bool space = false;

	fold_need();
	if (!kbuf_grow(b, 2 * len + 2))
		return false;
	char *key = b->key;
	while (pos < len) {
		unsigned c = u[pos];
		const char *out;
		size_t adv;
		int32_t cp;
		int n;

		if (c < 0x80) {
			unsigned f = fold_ascii_tab[c];
			pos++;
			if (f == FOLD_SPACE) {
				space = true;
				continue;
			}
			if (f == 0)
				continue;
			if (space && k > 0)
				key[k++] = ' ';
			space = false;
			key[k++] = (char)f;
			continue;
		}
		adv = utf8_decode_fast(u + pos, len - pos, &cp);
		if (cp >= 0 && cp < TEXT_TABLE_END &&
		    fold_table[cp].len != FOLD_LONG) {
			n = fold_table[cp].len;
			out = fold_table[cp].s;
		} else {
			n = fold_char(s, len, pos, &adv, &out, buf);
		}
		pos += adv;
		if (n == FOLD_SPACE) {
			space = true;
			continue;
		}
		if (n == 0)
			continue;
		if ((size_t)n + 1 > 2 * adv &&
		    k + (size_t)n + 1 + 2 * (len - pos) + 2 > b->cap) {
			if (!kbuf_grow(b, k + (size_t)n + 1 + 2 * (len - pos) + 2))
				return false;
			key = b->key;
		}
		if (space && k > 0)
			key[k++] = ' ';
		space = false;
		if (n == 1) {
			key[k++] = out[0];
		} else {
			memcpy(key + k, out, (size_t)n);
			k += (size_t)n;
		}
	}
	b->len = k;
	key[k] = '\0';
	return true;
}

bool
text_fold(const char *s, size_t len, struct text_key *out)
{
	struct kbuf b = { NULL, NULL, 0, 0, true };

	out->key = NULL;
	out->map = NULL;
	out->len = 0;
	if (!fold_run(s, len, &b)) {
		free(b.key);
		free(b.map);
		return false;
	}
	out->key = b.key;
	out->map = b.map;
	out->len = b.len;
	return true;
}

void
text_key_free(struct text_key *k)
{
	if (!k)
		return;
	free(k->key);
	free(k->map);
	k->key = NULL;
	k->map = NULL;
	k->len = 0;
}

bool
text_fold_into(const char *s, size_t len, char **buf, size_t *cap,
	       size_t *outlen)
{
	struct kbuf b = { *buf, NULL, 0, *cap, false };
	bool ok = fold_run_simple(s, len, &b);

	*buf = b.key;
	*cap = b.cap;
	if (outlen)
		*outlen = ok ? b.len : 0;
	return ok;
}

char *
text_fold_simple(const char *s, size_t len, size_t *outlen)
{
	struct kbuf b = { NULL, NULL, 0, 0, false };

	if (!fold_run_simple(s, len, &b)) {
		free(b.key);
		return NULL;
	}
	if (outlen)
		*outlen = b.len;
	return b.key;
}
