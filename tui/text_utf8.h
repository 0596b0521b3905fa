/* text_utf8.h - the room the text modules share: strict UTF-8 decoding
 * and encoding and the few character classes that text.c, fold.c,
 * collate.c, mojibake.c and spell.c all need (đ and its look-alikes,
 * combining marks, white space).  Private to those modules: everything
 * is static inline, nothing here is part of an interface. */
#ifndef MINUTES_TEXT_UTF8_H
#define MINUTES_TEXT_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <utf8proc.h>

/* Code points below this are looked up in tables built on first use. */
#define TEXT_TABLE_END 0x3000

#define CP_REPLACEMENT 0xFFFD
#define CP_NBSP 0x00A0

/* Decodes one code point strictly (no overlongs, surrogates or values over
 * U+10FFFF); an invalid or truncated sequence yields -1 for one byte. */
static inline size_t
utf8_decode(const unsigned char *s, size_t len, int32_t *cp)
{
	unsigned char b = s[0], lo = 0x80, hi = 0xBF;
	size_t n, i;
	int32_t c;

	if (b < 0x80) {
		*cp = b;
		return 1;
	}
	if (b >= 0xC2 && b <= 0xDF) {
		n = 2;
		c = b & 0x1F;
	} else if (b >= 0xE0 && b <= 0xEF) {
		n = 3;
		c = b & 0x0F;
		if (b == 0xE0)
			lo = 0xA0;
		else if (b == 0xED)
			hi = 0x9F;
	} else if (b >= 0xF0 && b <= 0xF4) {
		n = 4;
		c = b & 0x07;
		if (b == 0xF0)
			lo = 0x90;
		else if (b == 0xF4)
			hi = 0x8F;
	} else {
		*cp = -1;
		return 1;
	}
	if (len < n) {
		*cp = -1;
		return 1;
	}
	for (i = 1; i < n; i++) {
		if (s[i] < lo || s[i] > hi) {
			*cp = -1;
			return 1;
		}
		lo = 0x80;
		hi = 0xBF;
		c = (c << 6) | (s[i] & 0x3F);
	}
	*cp = c;
	return n;
}

/* Decodes the common two- and three-byte forms inline; anything else
 * goes through utf8_decode. */
static inline size_t
utf8_decode_fast(const unsigned char *p, size_t len, int32_t *cp)
{
	unsigned b = p[0];

	if (b >= 0xC2 && b < 0xE0 && len >= 2 && (p[1] & 0xC0) == 0x80) {
		*cp = (int32_t)((b & 0x1F) << 6 | (p[1] & 0x3F));
		return 2;
	}
	if (b >= 0xE1 && b <= 0xEC && len >= 3 && (p[1] & 0xC0) == 0x80 &&
	    (p[2] & 0xC0) == 0x80) {
		*cp = (int32_t)((b & 0x0F) << 12 | (p[1] & 0x3F) << 6 |
				(p[2] & 0x3F));
		return 3;
	}
	return utf8_decode(p, len, cp);
}

static inline size_t
utf8_at(const char *s, size_t len, size_t pos, int32_t *cp)
{
	return utf8_decode_fast((const unsigned char *)s + pos, len - pos, cp);
}

static inline size_t
utf8_prev(const char *s, size_t pos)
{
	size_t i = pos - 1, stop = pos >= 4 ? pos - 4 : 0;

	while (i > stop && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

static inline size_t
utf8_encode(int32_t c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

static inline bool
is_dee(int32_t c)
{
	return c == 0x0110 || c == 0x0111 || c == 0x00D0 || c == 0x00F0 ||
	       c == 0x0189 || c == 0x0256;
}

static inline bool
is_mark_category(int cat)
{
	return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
	       cat == UTF8PROC_CATEGORY_ME;
}

static inline bool
is_space_cp(int32_t c, const utf8proc_property_t *p)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 ||
	       p->category == UTF8PROC_CATEGORY_ZS ||
	       p->category == UTF8PROC_CATEGORY_ZL ||
	       p->category == UTF8PROC_CATEGORY_ZP;
}

/* The white space text_collapse_space folds: space, TAB, '\n', CR. */
static inline bool
is_collapsible_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

#endif
