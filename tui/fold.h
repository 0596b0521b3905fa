/* fold.h - search keys (no curses): the folded form of a text in which
 * "Đặng", "dang" and "ĐẶNG" are one word, with a map back to the source
 * bytes so that a match can be shown where it is. */
#ifndef MINUTES_FOLD_H
#define MINUTES_FOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A folded search key: case folded, marks stripped, đ/Đ/Ð -> d,
 * compatibility forms folded (fullwidth Ａ -> a, NBSP -> space, dashes and
 * quotes lumped to ASCII), white space runs -> one space with none at
 * either end, invisible characters (controls, ZWSP, soft hyphen, bidi
 * controls, other format characters) dropped, so "Việt\u200BNam" gives
 * "vietnam".  map[i] is the byte offset in the source of the character key
 * byte i came from; map[len] == source length.  So a match key[a..b)
 * covers source bytes map[a] .. map[b]. */
struct text_key {
	char *key;
	uint32_t *map;
	size_t len;
};

bool text_fold(const char *s, size_t len, struct text_key *out);
void text_key_free(struct text_key *k);
/* Folded form only (no map), malloc'd, NUL-terminated. */
char *text_fold_simple(const char *s, size_t len, size_t *outlen);
/* The same into *BUF of *CAP bytes, grown (realloc) as needed and kept
 * for the next call: no allocation per text in a long search. */
bool text_fold_into(const char *s, size_t len, char **buf, size_t *cap,
		    size_t *outlen);

#endif
