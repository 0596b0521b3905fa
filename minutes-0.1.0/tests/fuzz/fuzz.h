/* fuzz.h - helpers shared by the fuzz targets (libFuzzer or replay_main). */
#ifndef MINUTES_FUZZ_H
#define MINUTES_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A property that must hold: report it and abort (libFuzzer saves the
 * input as a crash).  Unlike assert(), never compiled out. */
#define FUZZ_CHECK(cond, ...)                                               \
	do {                                                                \
		if (!(cond)) {                                              \
			fprintf(stderr, "%s:%d: property failed: %s: ",     \
				__FILE__, __LINE__, #cond);                 \
			fprintf(stderr, __VA_ARGS__);                       \
			fputc('\n', stderr);                                \
			abort();                                            \
		}                                                           \
	} while (0)

/* Strict UTF-8 (no overlongs, surrogates or code points past U+10FFFF):
 * decodes the code point at S[*I] into *CP and advances *I; false (and
 * *I unchanged) on an invalid sequence. */
static inline bool
fuzz_utf8_next(const unsigned char *s, size_t len, size_t *i, int32_t *cp)
{
	size_t p = *i;
	unsigned char b = s[p];
	int32_t c;
	size_t n;

	if (b < 0x80) {
		*cp = b;
		*i = p + 1;
		return true;
	}
	if (b >= 0xC2 && b <= 0xDF) {
		c = b & 0x1F;
		n = 1;
	} else if (b >= 0xE0 && b <= 0xEF) {
		c = b & 0x0F;
		n = 2;
	} else if (b >= 0xF0 && b <= 0xF4) {
		c = b & 0x07;
		n = 3;
	} else {
		return false;
	}
	if (len - p < n + 1)
		return false;
	for (size_t k = 1; k <= n; k++) {
		if ((s[p + k] & 0xC0) != 0x80)
			return false;
		c = (c << 6) | (s[p + k] & 0x3F);
	}
	if ((n == 2 && c < 0x800) || (n == 3 && c < 0x10000) || c > 0x10FFFF ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return false;
	*cp = c;
	*i = p + n + 1;
	return true;
}

/* Whether all of S is strict UTF-8; *bad is the offset of the first
 * invalid byte. */
static inline bool
fuzz_utf8_valid(const char *s, size_t len, size_t *bad)
{
	size_t i = 0;
	int32_t c;
	while (i < len)
		if (!fuzz_utf8_next((const unsigned char *)s, len, &i, &c)) {
			if (bad)
				*bad = i;
			return false;
		}
	return true;
}

/* Characters that must never reach a terminal raw: C0 controls (except
 * those in ALLOW), DEL, C1 controls, bidi embeddings/overrides/isolates
 * and marks.  Returns the offending code point's offset or (size_t)-1. */
static inline size_t
fuzz_find_unsafe(const char *s, size_t len, const char *allow)
{
	size_t i = 0;
	int32_t c;
	while (i < len) {
		size_t at = i;
		if (!fuzz_utf8_next((const unsigned char *)s, len, &i, &c))
			return at;
		if (c < 0x20) {
			const char *a = allow;
			while (a && *a && *a != c)
				a++;
			if (!a || !*a)
				return at;
		}
		if ((c >= 0x7F && c < 0xA0) || (c >= 0x202A && c <= 0x202E) ||
		    (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F ||
		    c == 0x061C)
			return at;
	}
	return (size_t)-1;
}

#endif
