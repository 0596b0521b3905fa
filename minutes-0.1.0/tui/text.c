/* text.c - the text engine: UTF-8 repair and NFC, grapheme clusters and
 * widths, wrapping, search keys, Vietnamese collation, mojibake.
 *
 * One width oracle everywhere: utf8proc_charwidth.  A cluster is as wide
 * as the sum of its code points, which is what ncurses draws when it is
 * handed the cluster code point by code point.  Terminals set to draw
 * East-Asian "ambiguous" characters wide (à, á, đ, è ...) are not
 * supported: those letters are taken as one column. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <utf8proc.h>

#include "text.h"

/* ncurses keeps only a few combining characters per cell: a cluster is
 * drawn with at most this many zero-width code points after each spacing
 * one; the rest are dropped (they are still in the text, and in the key). */
#define TEXT_MAX_MARKS 4
/* Bytes of one cluster that are drawn (render buffers hold 64). */
#define TEXT_CLUSTER_MAX 60
/* Code points below this are looked up in tables built on first use. */
#define TEXT_TABLE_END 0x3000

#define CP_REPLACEMENT 0xFFFD
#define CP_NBSP 0x00A0

/* --- UTF-8 --------------------------------------------------------------- */

/* Decodes one code point strictly (no overlongs, surrogates or values over
 * U+10FFFF); an invalid or truncated sequence yields -1 for one byte. */
static size_t
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

static size_t
utf8_at(const char *s, size_t len, size_t pos, int32_t *cp)
{
	return utf8_decode_fast((const unsigned char *)s + pos, len - pos, cp);
}

static size_t
utf8_prev(const char *s, size_t pos)
{
	size_t i = pos - 1, stop = pos >= 4 ? pos - 4 : 0;

	while (i > stop && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

static size_t
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

static char *
text_dup(const char *s, size_t len, size_t *outlen)
{
	char *p = malloc(len + 1);

	if (!p)
		return NULL;
	if (len)
		memcpy(p, s, len);
	p[len] = '\0';
	if (outlen)
		*outlen = len;
	return p;
}

static bool
is_dee(int32_t c)
{
	return c == 0x0110 || c == 0x0111 || c == 0x00D0 || c == 0x00F0 ||
	       c == 0x0189 || c == 0x0256;
}

static bool
is_mark_category(int cat)
{
	return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
	       cat == UTF8PROC_CATEGORY_ME;
}

/* --- NFC quick check ------------------------------------------------------ */

/* qc_table[c]: 0 when C may change under NFC or make its neighbour change;
 * otherwise 1 + its combining class.  So 1 marks a "boundary" character:
 * NFC never looks across it, and text can be normalized span by span. */
static unsigned char qc_table[TEXT_TABLE_END];
/* disp_table[c]: DISP_SIMPLE when C is a cluster of its own next to any
 * ASCII or other simple character, with its width in the low bits. */
static unsigned char disp_table[TEXT_TABLE_END];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;
static atomic_bool tables_done;

#define DISP_SIMPLE 0x80
#define QC_LINE 0xFF /* U+2028, U+2029: text_is_clean says no */

static bool
nfc_keeps_char(int32_t c)
{
	utf8proc_int32_t buf[8];
	int bc = 0;
	utf8proc_ssize_t n;

	n = utf8proc_decompose_char(c, buf, 8, UTF8PROC_DECOMPOSE, &bc);
	if (n < 1 || n > 8)
		return false;
	n = utf8proc_normalize_utf32(buf, n, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
	return n == 1 && buf[0] == c;
}

static int
qc_compute(int32_t c)
{
	const utf8proc_property_t *p = utf8proc_get_property(c);

	if (p->comb_index != UINT16_MAX && p->comb_index >= 0x8000)
		return 0; /* second half of a composition */
	if ((c >= 0x1161 && c <= 0x1175) || (c >= 0x11A8 && c <= 0x11C2))
		return 0; /* Hangul vowel or trailing jamo */
	if (p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0 &&
	    !nfc_keeps_char(c))
		return 0;
	return 1 + p->combining_class;
}

static enum text_cluster_kind cluster_kind(int32_t c,
					   const utf8proc_property_t *p);

static int
disp_compute(int32_t c)
{
	const utf8proc_property_t *p = utf8proc_get_property(c);
	int w = utf8proc_charwidth(c);

	if (cluster_kind(c, p) != TEXT_CL_NORMAL ||
	    p->boundclass != UTF8PROC_BOUNDCLASS_OTHER || w < 1 || w > 2)
		return 0;
	return DISP_SIMPLE | w;
}

static void fast_byte_init(void);

static void
tables_init(void)
{
	int32_t c;

	for (c = 0; c < TEXT_TABLE_END; c++) {
		qc_table[c] = (unsigned char)qc_compute(c);
		disp_table[c] = (unsigned char)disp_compute(c);
	}
	qc_table[0x2028] = qc_table[0x2029] = QC_LINE;
	fast_byte_init();
	atomic_store_explicit(&tables_done, true, memory_order_release);
}

/* The tables, built once; after that a load, not a call. */
static inline void
tables_need(void)
{
	if (!atomic_load_explicit(&tables_done, memory_order_acquire))
		pthread_once(&tables_once, tables_init);
}

static int
qc_get(int32_t c)
{
	if (c >= TEXT_TABLE_END)
		return qc_compute(c);
	return qc_table[c] == QC_LINE ? 1 : qc_table[c];
}

/* The next span at or after POS of valid UTF-8 that NFC may change: from
 * a boundary character to the next one. */
static bool
nfc_next_span(const char *s, size_t len, size_t pos, size_t *from,
	      size_t *to)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t seg = pos, i = pos;
	bool dirty = false;
	int last = 0;

	while (i < len) {
		int32_t c = p[i];
		size_t n = 1;
		int q = 1;

		if (c >= 0x80) {
			n = utf8_decode(p + i, len - i, &c);
			q = c < 0 ? 1 : qc_get(c);
		}
		if (q == 1) {
			if (dirty)
				break;
			seg = i;
			last = 0;
		} else {
			if (q == 0 || q - 1 < last)
				dirty = true;
			last = q > 0 ? q - 1 : 0;
		}
		i += n;
	}
	*from = seg;
	*to = i;
	return dirty;
}

#define NFC_SMALL 32

static void
canonical_order(utf8proc_int32_t *cp, utf8proc_ssize_t n)
{
	utf8proc_ssize_t i;
	bool sorted;

	do {
		sorted = true;
		for (i = 0; i + 1 < n; i++) {
			int a = utf8proc_get_property(cp[i])->combining_class;
			int b = utf8proc_get_property(cp[i + 1])->combining_class;
			if (a > b && b > 0) {
				utf8proc_int32_t tmp = cp[i];
				cp[i] = cp[i + 1];
				cp[i + 1] = tmp;
				sorted = false;
			}
		}
	} while (!sorted);
}

/* NFC of a short span without allocating, the way utf8proc_map does it:
 * full canonical decomposition, canonical order, then composition.
 * OUT holds NFC_SMALL * 4 bytes.  False when the span is too long. */
static bool
nfc_small(const char *s, size_t len, char *out, size_t *outlen)
{
	utf8proc_int32_t cp[NFC_SMALL];
	utf8proc_ssize_t k = 0, r, i;
	size_t pos = 0, o = 0;

	if (len > NFC_SMALL)
		return false;
	while (pos < len) {
		int32_t c;
		int bc = 0;

		pos += utf8_at(s, len, pos, &c);
		if (c < 0)
			return false;
		r = utf8proc_decompose_char(c, cp + k, NFC_SMALL - k,
					    UTF8PROC_DECOMPOSE, &bc);
		if (r < 0 || r > NFC_SMALL - k)
			return false;
		k += r;
	}
	canonical_order(cp, k);
	k = utf8proc_normalize_utf32(cp, k, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (k < 0)
		return false;
	for (i = 0; i < k; i++)
		o += utf8_encode(cp[i], out + o);
	*outlen = o;
	return true;
}

static bool
nfc_span_equal(const char *s, size_t len)
{
	utf8proc_uint8_t *out = NULL;
	char small[NFC_SMALL * 4];
	utf8proc_ssize_t n;
	size_t sn;
	bool same;

	if (nfc_small(s, len, small, &sn))
		return sn == len && memcmp(small, s, len) == 0;
	n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
			 &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0)
		return false;
	same = (size_t)n == len && memcmp(out, s, len) == 0;
	free(out);
	return same;
}

static bool
nfc_spans_equal(const char *s, size_t len, size_t pos)
{
	size_t from, to;

	while (nfc_next_span(s, len, pos, &from, &to)) {
		if (!nfc_span_equal(s + from, to - from))
			return false;
		pos = to;
	}
	return true;
}

/* The start of the boundary character at or before the character at I,
 * in text where no character before I may change under NFC. */
static size_t
nfc_span_start(const char *s, size_t len, size_t i)
{
	int32_t c;

	while (i > 0) {
		i = utf8_prev(s, i);
		utf8_at(s, len, i, &c);
		if (c >= 0 && qc_get(c) == 1)
			break;
	}
	return i;
}

/* What text_is_clean's fast loop does with a byte: FB_ASCII, a whole
 * character (not CR); FB_LATIN, C3..C6, the lead of U+00C0..U+01BF (à,
 * ă, đ, ơ, ư ...); FB_EXT, E1, the lead of U+1E80..U+1EFF (ạ ... ỹ) when
 * BA or BB follows.  Those are all NFC starters that nothing composes
 * with: most of Vietnamese needs no lookup. */
enum { FB_OTHER, FB_ASCII, FB_LATIN, FB_EXT };
static unsigned char fast_byte[256];

static void
fast_byte_init(void)
{
	for (int b = 0; b < 0x80; b++)
		fast_byte[b] = FB_ASCII;
	fast_byte['\r'] = FB_OTHER;
	for (int b = 0xC3; b <= 0xC6; b++)
		fast_byte[b] = FB_LATIN;
	fast_byte[0xE1] = FB_EXT;
}

/* The end of the run of ASCII other than CR that starts at I: eight
 * bytes at a time where the byte order allows. */
static size_t
ascii_run_end(const unsigned char *p, size_t i, size_t len)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && \
	defined(__GNUC__)
	const uint64_t ones = 0x0101010101010101ull, highs = ones << 7;

	while (i + 8 <= len) {
		uint64_t w, x, stop;
		memcpy(&w, p + i, 8);
		x = w ^ (ones * '\r'); /* CR bytes become 0 */
		/* the high bit of a non-ASCII byte, and of the first CR (a
		 * borrow can mark bytes after it, never before) */
		stop = (w | ((x - ones) & ~x)) & highs;
		if (stop)
			return i + ((unsigned)__builtin_ctzll(stop) >> 3);
		i += 8;
	}
#endif
	while (i < len && p[i] < 0x80 && p[i] != '\r')
		i++;
	return i;
}

#ifdef __SSE2__
/* Sixteen bytes at a time: the end (a character boundary) of the text
 * from I that is only characters the fast loop below passes without a
 * lookup: ASCII other than CR, C3..C6 + one continuation byte, E1 BA|BB +
 * one continuation byte.  Masks of the block's bytes say it at once; a
 * character cut by the block's end is finished by the next block. */
static size_t
fast_run_sse2(const unsigned char *p, size_t i, size_t len, size_t *fail)
{
	const __m128i cr = _mm_set1_epi8('\r'), c0 = _mm_set1_epi8((char)0xC0),
		      x80 = _mm_set1_epi8((char)0x80),
		      c3 = _mm_set1_epi8((char)0xC3), three = _mm_set1_epi8(3),
		      e1 = _mm_set1_epi8((char)0xE1),
		      ba = _mm_set1_epi8((char)0xBA), one = _mm_set1_epi8(1);
	unsigned carry_cont = 0, carry_babb = 0;

	*fail = SIZE_MAX;
	while (i + 16 <= len) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		unsigned hi = (unsigned)_mm_movemask_epi8(v);
		unsigned iscr = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, cr));

		if (!hi && !iscr && !carry_cont) {
			i += 16;
			continue;
		}
		__m128i t = _mm_sub_epi8(v, c3);
		unsigned lead2 = (unsigned)_mm_movemask_epi8(
			_mm_cmpeq_epi8(_mm_min_epu8(t, three), t));
		unsigned lead3 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, e1));
		unsigned cont = (unsigned)_mm_movemask_epi8(
			_mm_cmpeq_epi8(_mm_and_si128(v, c0), x80));
		t = _mm_sub_epi8(v, ba);
		unsigned babb = (unsigned)_mm_movemask_epi8(
			_mm_cmpeq_epi8(_mm_min_epu8(t, one), t));
		unsigned need_cont = (lead2 | lead3) << 1 | lead3 << 2 | carry_cont;
		unsigned need_babb = lead3 << 1 | carry_babb;
		unsigned bad = (hi & ~(cont | lead2 | lead3)) | iscr;

		if (bad || ((cont ^ need_cont) & 0xFFFF) ||
		    (need_babb & ~babb & 0xFFFF)) {
			*fail = i + 16;
			break;
		}
		carry_cont = need_cont >> 16;
		carry_babb = need_babb >> 16;
		i += 16;
	}
	if (carry_cont) { /* back to the lead of the cut character */
		i--;
		while ((p[i] & 0xC0) == 0x80)
			i--;
	}
	return i;
}
#endif

bool
text_is_clean(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, first = SIZE_MAX;
	int last = 0;

#ifdef __SSE2__
	size_t simd_from = 0; /* after a block it could not pass */
#endif

	tables_need();
	while (i < len) {
		unsigned b = p[i], k = fast_byte[b];
		int32_t c;
		size_t n;
		int q;

#ifdef __SSE2__
		if (i >= simd_from && len - i >= 16) {
			size_t fail, j = fast_run_sse2(p, i, len, &fail);
			if (fail != SIZE_MAX)
				simd_from = fail;
			if (j > i) {
				i = j;
				last = 0;
				continue;
			}
		}
#endif
		if (k == FB_ASCII) {
			i = ascii_run_end(p, i + 1, len);
			last = 0;
			continue;
		}
		if (k == FB_LATIN) {
			if (i + 1 < len && (p[i + 1] & 0xC0) == 0x80) {
				i += 2;
				last = 0;
				continue;
			}
		} else if (k == FB_EXT) {
			if (i + 2 < len && (unsigned)(p[i + 1] - 0xBA) < 2 &&
			    (p[i + 2] & 0xC0) == 0x80) {
				i += 3;
				last = 0;
				continue;
			}
		} else if (b == '\r') {
			return false;
		}
		n = utf8_decode_fast(p + i, len - i, &c);
		if (c < 0)
			return false;
		q = c < TEXT_TABLE_END ? qc_table[c] : qc_compute(c);
		if (q != 1) {
			if (q == QC_LINE)
				return false;
			if ((q == 0 || q - 1 < last) && first == SIZE_MAX)
				first = nfc_span_start(s, len, i);
			last = q > 0 ? q - 1 : 0;
		} else {
			last = 0;
		}
		i += n;
	}
	return first == SIZE_MAX || nfc_spans_equal(s, len, first);
}

/* --- Repair -------------------------------------------------------------- */

/* Valid UTF-8: bad bytes become U+FFFD, line separators become '\n'. */
static char *
repair_bytes(const char *s, size_t len, size_t *outlen)
{
	char *out, *o, *small;
	size_t i = 0;

	if (len > (SIZE_MAX - 1) / 3)
		return NULL;
	out = malloc(len * 3 + 1);
	if (!out)
		return NULL;
	o = out;
	while (i < len) {
		int32_t c;
		size_t n = utf8_at(s, len, i, &c);

		if (c == '\r') {
			*o++ = '\n';
			if (i + 1 < len && s[i + 1] == '\n')
				n = 2;
		} else if (c == 0x2028 || c == 0x2029) {
			*o++ = '\n';
		} else if (c < 0) {
			o += utf8_encode(CP_REPLACEMENT, o);
		} else {
			memcpy(o, s + i, n);
			o += n;
		}
		i += n;
	}
	*o = '\0';
	*outlen = (size_t)(o - out);
	small = realloc(out, *outlen + 1);
	return small ? small : out;
}

struct sbuf {
	char *p;
	size_t len, cap;
};

static bool
sbuf_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		char *p = realloc(b->p, cap);
		if (!p)
			return false;
		b->p = p;
		b->cap = cap;
	}
	if (n)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
	return true;
}

static bool
nfc_add_span(struct sbuf *b, const char *s, size_t len)
{
	utf8proc_uint8_t *nfc = NULL;
	char small[NFC_SMALL * 4];
	utf8proc_ssize_t n;
	size_t sn;
	bool ok;

	if (nfc_small(s, len, small, &sn))
		return sbuf_add(b, small, sn);
	n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
			 &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	ok = n >= 0 && sbuf_add(b, (char *)nfc, (size_t)n);
	free(nfc);
	return ok;
}

/* NFC of valid UTF-8, normalizing only the spans that need it. */
static char *
nfc_spans(char *v, size_t len, size_t *outlen)
{
	struct sbuf b = { NULL, 0, 0 };
	size_t pos = 0, from, to;

	while (nfc_next_span(v, len, pos, &from, &to)) {
		if (!b.p && !sbuf_add(&b, "", 0))
			goto fail;
		if (!sbuf_add(&b, v + pos, from - pos) ||
		    !nfc_add_span(&b, v + from, to - from))
			goto fail;
		pos = to;
	}
	if (!b.p) {
		*outlen = len;
		return v;
	}
	if (!sbuf_add(&b, v + pos, len - pos))
		goto fail;
	free(v);
	*outlen = b.len;
	return b.p;
fail:
	free(b.p);
	free(v);
	return NULL;
}

char *
text_repair(const char *s, size_t len, size_t *outlen)
{
	size_t vlen, n;
	char *v, *r;

	if (text_is_clean(s, len))
		return text_dup(s, len, outlen);
	v = repair_bytes(s, len, &vlen);
	if (!v)
		return NULL;
	r = nfc_spans(v, vlen, &n);
	if (r && outlen)
		*outlen = n;
	return r;
}

static bool
is_collapsible_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

size_t
text_collapse_space(char *s, size_t len)
{
	size_t i, o = 0;
	bool space = false;

	for (i = 0; i < len; i++) {
		if (is_collapsible_space(s[i])) {
			space = o > 0;
			continue;
		}
		if (space)
			s[o++] = ' ';
		space = false;
		s[o++] = s[i];
	}
	s[o] = '\0';
	return o;
}

/* --- Clusters -------------------------------------------------------------- */

static bool
is_control_cp(int32_t c, const utf8proc_property_t *p)
{
	return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == CP_REPLACEMENT ||
	       p->category == UTF8PROC_CATEGORY_CN ||
	       p->category == UTF8PROC_CATEGORY_CS ||
	       p->category == UTF8PROC_CATEGORY_ZL ||
	       p->category == UTF8PROC_CATEGORY_ZP;
}

static enum text_cluster_kind
cluster_kind(int32_t c, const utf8proc_property_t *p)
{
	if (c == '\n')
		return TEXT_CL_NEWLINE;
	if (c == '\t')
		return TEXT_CL_TAB;
	if (is_control_cp(c, p))
		return TEXT_CL_CONTROL;
	if (p->category == UTF8PROC_CATEGORY_CF)
		return TEXT_CL_HIDDEN;
	if (is_mark_category(p->category))
		return TEXT_CL_ORPHAN;
	return TEXT_CL_NORMAL;
}

/* The code points of a cluster that are drawn, written to BUF (if any)
 * within SIZE bytes; returns their width.  Shared by the measuring and the
 * drawing so that the two always agree. */
static int
cluster_emit(const char *s, size_t off, size_t len, char *buf, size_t size,
	     size_t *used)
{
	size_t i = off, end = off + len, o = 0;
	int width = 0, zrun = 0;

	if (size > TEXT_CLUSTER_MAX + 1)
		size = TEXT_CLUSTER_MAX + 1;
	while (i < end) {
		int32_t c;
		size_t n = utf8_at(s, end, i, &c);
		int w = c < 0 ? 0 : utf8proc_charwidth(c);

		if (c < 0 || o + n + 1 > size)
			break;
		if (w == 0 && zrun >= TEXT_MAX_MARKS) {
			i += n;
			continue;
		}
		zrun = w == 0 ? zrun + 1 : 0;
		if (buf)
			memcpy(buf + o, s + i, n);
		o += n;
		width += w;
		i += n;
	}
	*used = o;
	return width;
}

static int
orphan_emit(const char *s, const struct text_cluster *c, char *buf,
	    size_t size, size_t *used)
{
	int w;

	if (size < 3) {
		*used = 0;
		return 0;
	}
	if (buf)
		utf8_encode(CP_NBSP, buf);
	w = cluster_emit(s, c->off, c->len, buf ? buf + 2 : NULL, size - 2,
			 used);
	*used += 2;
	return w + 1;
}

/* Grows a cluster from its first code point while no grapheme break is
 * allowed; stops before invalid bytes. */
static size_t
cluster_extend(const char *s, size_t len, size_t pos, int32_t first)
{
	int32_t prev = first, state = 0;

	while (pos < len) {
		int32_t c;
		size_t n = utf8_at(s, len, pos, &c);

		if (c < 0 || utf8proc_grapheme_break_stateful(prev, c, &state))
			break;
		prev = c;
		pos += n;
	}
	return pos;
}

/* Whether a simple character ending at POS is a cluster by itself. */
static bool
simple_ends(const char *s, size_t len, size_t pos)
{
	int32_t c;

	if (pos >= len || (unsigned char)s[pos] < 0x80)
		return true;
	utf8_at(s, len, pos, &c);
	return c < 0 || (c < TEXT_TABLE_END && (disp_table[c] & DISP_SIMPLE));
}

size_t
text_cluster_next(const char *s, size_t len, size_t pos,
		  struct text_cluster *out)
{
	const unsigned char *u = (const unsigned char *)s;
	const utf8proc_property_t *p;
	size_t n, end, used;
	int32_t c;

	out->off = pos;
	out->len = 0;
	out->width = 0;
	out->kind = TEXT_CL_NORMAL;
	out->cp = -1;
	if (pos >= len)
		return pos;
	if (u[pos] >= 0x20 && u[pos] < 0x7F && (pos + 1 == len || u[pos + 1] < 0x80)) {
		out->len = 1;
		out->width = 1;
		out->cp = u[pos];
		return pos + 1;
	}
	n = utf8_at(s, len, pos, &c);
	if (c < 0) {
		out->len = 1;
		out->width = 1;
		out->kind = TEXT_CL_CONTROL;
		return pos + 1;
	}
	tables_need();
	if (c < TEXT_TABLE_END && (disp_table[c] & DISP_SIMPLE) &&
	    simple_ends(s, len, pos + n)) {
		out->len = n;
		out->width = disp_table[c] & 3;
		out->cp = c;
		return pos + n;
	}
	p = utf8proc_get_property(c);
	out->kind = cluster_kind(c, p);
	switch (out->kind) {
	case TEXT_CL_NORMAL:
	case TEXT_CL_ORPHAN:
		end = cluster_extend(s, len, pos + n, c);
		break;
	default:
		end = pos + n;
	}
	out->len = end - pos;
	if (out->kind == TEXT_CL_NORMAL) {
		out->width = cluster_emit(s, pos, out->len, NULL, SIZE_MAX, &used);
		if (out->width == 0)
			out->kind = TEXT_CL_HIDDEN;
	} else if (out->kind == TEXT_CL_ORPHAN) {
		out->width = orphan_emit(s, out, NULL, SIZE_MAX, &used);
	} else if (out->kind == TEXT_CL_CONTROL || out->kind == TEXT_CL_TAB) {
		out->width = 1;
	}
	return end;
}

static int
boundclass_at(const char *s, size_t len, size_t pos)
{
	int32_t c;

	utf8_at(s, len, pos, &c);
	if (c < 0)
		return UTF8PROC_BOUNDCLASS_CONTROL;
	return utf8proc_get_property(c)->boundclass;
}

static bool
is_plain_boundclass(int bc)
{
	return bc == UTF8PROC_BOUNDCLASS_OTHER ||
	       bc == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC;
}

/* Whether a cluster surely starts at POS, whatever came before. */
static bool
is_sure_boundary(const char *s, size_t len, size_t pos)
{
	size_t prev;
	int32_t c;
	int a, b;

	if (pos == 0)
		return true;
	prev = utf8_prev(s, pos);
	if (prev + utf8_at(s, len, prev, &c) != pos)
		return true; /* an invalid byte ends right here */
	a = boundclass_at(s, len, prev);
	b = boundclass_at(s, len, pos);
	if (a == UTF8PROC_BOUNDCLASS_LF || a == UTF8PROC_BOUNDCLASS_CONTROL ||
	    b == UTF8PROC_BOUNDCLASS_CONTROL || b == UTF8PROC_BOUNDCLASS_CR)
		return true;
	return is_plain_boundclass(a) && is_plain_boundclass(b);
}

size_t
text_cluster_prev(const char *s, size_t len, size_t pos)
{
	struct text_cluster c;
	size_t start, next;

	if (pos > len)
		pos = len;
	if (pos == 0)
		return 0;
	start = utf8_prev(s, pos);
	while (!is_sure_boundary(s, len, start))
		start = utf8_prev(s, start);
	for (;;) {
		next = text_cluster_next(s, len, start, &c);
		if (next >= pos || next == start)
			return start;
		start = next;
	}
}

static void
render_spaces(char *buf, size_t size, int n)
{
	size_t i;

	for (i = 0; i < (size_t)n && i + 1 < size; i++)
		buf[i] = ' ';
	buf[i] = '\0';
}

int
text_cluster_render(const char *s, const struct text_cluster *c, int col,
		    char *buf, size_t size)
{
	size_t used = 0;
	int w = 0;

	if (size == 0)
		return 0;
	switch (c->kind) {
	case TEXT_CL_NORMAL:
		w = cluster_emit(s, c->off, c->len, buf, size, &used);
		break;
	case TEXT_CL_ORPHAN:
		w = orphan_emit(s, c, buf, size, &used);
		break;
	case TEXT_CL_CONTROL:
		if (size > sizeof(TEXT_PLACEHOLDER) - 1) {
			memcpy(buf, TEXT_PLACEHOLDER, sizeof(TEXT_PLACEHOLDER) - 1);
			used = sizeof(TEXT_PLACEHOLDER) - 1;
			w = 1;
		}
		break;
	case TEXT_CL_TAB:
		w = text_tab_width(col);
		render_spaces(buf, size, w);
		return w;
	case TEXT_CL_HIDDEN:
	case TEXT_CL_NEWLINE:
		break;
	}
	buf[used] = '\0';
	return w;
}

/* --- Width, fit, truncate, sanitize ---------------------------------------- */

static int
cluster_cols(const struct text_cluster *c, int col)
{
	return c->kind == TEXT_CL_TAB ? text_tab_width(col) : c->width;
}

int
text_width(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	struct text_cluster c;
	size_t pos = 0;
	int col = 0;

	while (pos < len) {
		if (u[pos] >= 0x20 && u[pos] < 0x7F &&
		    (pos + 1 == len || u[pos + 1] < 0x80)) {
			col++;
			pos++;
			continue;
		}
		pos = text_cluster_next(s, len, pos, &c);
		col += cluster_cols(&c, col);
	}
	return col;
}

size_t
text_fit(const char *s, size_t len, int cols, int *used)
{
	struct text_cluster c;
	size_t pos = 0, next;
	int col = 0;

	while (cols > 0 && pos < len) {
		int w;

		next = text_cluster_next(s, len, pos, &c);
		w = cluster_cols(&c, col);
		if (col + w > cols)
			break;
		col += w;
		pos = next;
	}
	if (used)
		*used = col;
	return pos;
}

size_t
text_fit_cut(const char *s, size_t len, int cols, int *used, bool *cut)
{
	struct text_cluster c;
	size_t pos = 0, next, less = 0;
	int col = 0, less_col = 0;

	*cut = false;
	if (cols <= 0) { /* as text_fit: nothing fits in no column */
		*cut = len > 0;
		if (used)
			*used = 0;
		return 0;
	}
	while (pos < len) {
		int w;

		next = text_cluster_next(s, len, pos, &c);
		w = cluster_cols(&c, col);
		if (col + w > cols) {
			*cut = true;
			break;
		}
		col += w;
		pos = next;
		if (cols > 1 && col <= cols - 1) {
			less = pos;
			less_col = col;
		}
	}
	if (!*cut) {
		if (used)
			*used = col;
		return len;
	}
	if (used)
		*used = less_col;
	return less;
}

int32_t
text_cluster_single(const char *s, const struct text_cluster *c)
{
	const unsigned char *u = (const unsigned char *)s + c->off;
	int32_t cp;

	if (c->cp >= 0)
		return c->cp;
	if (c->kind != TEXT_CL_NORMAL || c->len == 0)
		return -1;
	if (u[0] < 0x80)
		return c->len == 1 && u[0] >= 0x20 && u[0] < 0x7F ? u[0] : -1;
	if (utf8_decode_fast(u, c->len, &cp) != c->len || cp < 0 ||
	    c->width < 1)
		return -1;
	return cp; /* its width is utf8proc_charwidth(cp) */
}

/* What one cluster looks like in a single-line copy: TAB and '\n' as
 * spaces. */
static int
flat_render(const char *s, const struct text_cluster *c, int col, char *buf,
	    size_t size)
{
	if (c->kind == TEXT_CL_NEWLINE) {
		render_spaces(buf, size, 1);
		return 1;
	}
	return text_cluster_render(s, c, col, buf, size);
}

/* Columns and bytes of the single-line copy of S, stopping early once
 * wider than LIMIT columns. */
static int
flat_measure(const char *s, size_t len, int limit, size_t *bytes)
{
	struct text_cluster c;
	char piece[TEXT_CLUSTER_MAX + 8];
	size_t pos = 0;
	int col = 0;

	*bytes = 0;
	while (pos < len && col <= limit) {
		pos = text_cluster_next(s, len, pos, &c);
		col += flat_render(s, &c, col, piece, sizeof(piece));
		*bytes += strlen(piece);
	}
	return col;
}

#define ELLIPSIS "\xE2\x80\xA6"

int
text_truncate(const char *s, size_t len, int cols, char *buf, size_t size)
{
	struct text_cluster c;
	char piece[TEXT_CLUSTER_MAX + 8];
	size_t pos = 0, o = 0, reserve = 0, bytes;
	int col = 0, limit = cols;

	if (size == 0)
		return 0;
	buf[0] = '\0';
	if (cols <= 0)
		return 0;
	if (flat_measure(s, len, cols, &bytes) > cols || bytes + 1 > size) {
		limit = cols - 1;
		/* no room for the marker at all: just cut short */
		reserve = size > sizeof(ELLIPSIS) ? sizeof(ELLIPSIS) - 1 : 0;
	}
	while (pos < len) {
		size_t next = text_cluster_next(s, len, pos, &c);
		int w = flat_render(s, &c, col, piece, sizeof(piece));
		size_t n = strlen(piece);

		if (col + w > limit || o + n + reserve + 1 > size)
			break;
		memcpy(buf + o, piece, n);
		o += n;
		col += w;
		pos = next;
	}
	if (reserve && o + reserve + 1 <= size) {
		memcpy(buf + o, ELLIPSIS, reserve);
		o += reserve;
		col++;
	}
	buf[o] = '\0';
	return col;
}

char *
text_sanitize(const char *s, size_t len, bool keep_nl)
{
	struct text_cluster c;
	char piece[TEXT_CLUSTER_MAX + 8];
	size_t pos = 0, o = 0, cap = len + 16;
	char *out = malloc(cap);
	int col = 0;

	if (!out)
		return NULL;
	/* the common case: printable ASCII and precomposed Latin letters
	 * (U+00C0..U+01BF, U+1E80..U+1EFF), each its own NORMAL cluster
	 * drawn as its bytes: the text is its own safe copy */
	{
		const unsigned char *u = (const unsigned char *)s;
		size_t i = 0;
		while (i < len) {
			unsigned b = u[i];
			if (b >= 0x20 && b < 0x7F) {
				i++;
			} else if (b >= 0xC3 && b <= 0xC6 && i + 1 < len &&
				   (u[i + 1] & 0xC0) == 0x80) {
				i += 2;
			} else if (b == 0xE1 && i + 2 < len &&
				   (u[i + 1] == 0xBA || u[i + 1] == 0xBB) &&
				   (u[i + 2] & 0xC0) == 0x80) {
				i += 3;
			} else if (b == 0xE2 && i + 2 < len && u[i + 1] == 0x80 &&
				   memchr("\x93\x94\x98\x99\x9C\x9D\xA6", u[i + 2], 7)) {
				i += 3; /* – — ‘ ’ “ ” … */
			} else {
				break;
			}
		}
		if (i == len) {
			memcpy(out, s, len);
			out[len] = '\0';
			return out;
		}
	}
	while (pos < len) {
		size_t n;

		pos = text_cluster_next(s, len, pos, &c);
		if (c.kind == TEXT_CL_NEWLINE && keep_nl) {
			strcpy(piece, "\n");
			col = 0;
		} else {
			col += flat_render(s, &c, col, piece, sizeof(piece));
		}
		n = strlen(piece);
		if (o + n + 1 > cap) {
			char *p;
			cap = (cap + n) * 2;
			p = realloc(out, cap);
			if (!p) {
				free(out);
				return NULL;
			}
			out = p;
		}
		memcpy(out + o, piece, n);
		o += n;
	}
	out[o] = '\0';
	return out;
}

/* --- Wrapping ---------------------------------------------------------------- */

struct wrap {
	const char *s;
	int width;
	struct text_line *lines;
	size_t n, cap;
};

static bool
wrap_emit(struct wrap *w, size_t from, size_t to, int width)
{
	if (w->n == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 16;
		struct text_line *p = realloc(w->lines, cap * sizeof(*p));
		if (!p)
			return false;
		w->lines = p;
		w->cap = cap;
	}
	w->lines[w->n].off = (uint32_t)from;
	w->lines[w->n].len = (uint32_t)(to - from);
	w->lines[w->n].width = width;
	w->n++;
	return true;
}

static bool
is_break_space(const char *s, const struct text_cluster *c)
{
	return c->kind == TEXT_CL_TAB || (c->len == 1 && s[c->off] == ' ');
}

static bool
is_break_after(const char *s, const struct text_cluster *c)
{
	return c->len == 1 && (s[c->off] == '-' || s[c->off] == '/');
}

/* A '-' or '/' may end a line when a word goes on both sides of it. */
static bool
hyphen_breaks(const char *s, size_t end, const struct text_cluster *c,
	      bool after_word)
{
	struct text_cluster next;

	if (!after_word || !is_break_after(s, c) || c->off + 1 >= end)
		return false;
	text_cluster_next(s, end, c->off + 1, &next);
	return !is_break_space(s, &next);
}

/* One line of S without '\n', from START to END. */
static bool
wrap_para(struct wrap *w, size_t start, size_t end)
{
	const char *s = w->s;
	size_t pos = start, line = start, brk_end = 0, brk_next = 0;
	int col = 0, brk_col = 0;
	bool have_brk = false, brk_word = false, after_word = false;
	bool emitted = false;

	while (pos < end) {
		struct text_cluster c;
		size_t next = text_cluster_next(s, end, pos, &c);
		int cw = cluster_cols(&c, col);

		if (is_break_space(s, &c)) {
			if (c.kind == TEXT_CL_TAB && col + cw > w->width &&
			    col < w->width)
				cw = w->width - col;
			after_word = false;
			if (col + cw > w->width) {
				if (!wrap_emit(w, line, pos, col))
					return false;
				emitted = true;
				line = pos = next;
				col = 0;
				have_brk = false;
				continue;
			}
			if (col > 0) {
				have_brk = true;
				brk_word = false;
				brk_end = pos;
				brk_next = next;
				brk_col = col;
			}
			col += cw;
			pos = next;
			continue;
		}
		if (col + cw > w->width && col > 0) {
			if (have_brk) {
				if (!wrap_emit(w, line, brk_end, brk_col))
					return false;
				line = pos = brk_next;
				after_word = brk_word;
			} else {
				if (!wrap_emit(w, line, pos, col))
					return false;
				line = pos;
			}
			emitted = true;
			col = 0;
			have_brk = false;
			continue;
		}
		col += cw;
		if (hyphen_breaks(s, end, &c, after_word)) {
			have_brk = brk_word = true;
			brk_end = brk_next = next;
			brk_col = col;
		}
		if (c.kind != TEXT_CL_HIDDEN)
			after_word = true;
		pos = next;
	}
	if (line < end || !emitted)
		return wrap_emit(w, line, end, col);
	return true;
}

size_t
text_wrap(const char *s, size_t len, int width, struct text_line **lines)
{
	struct wrap w = { s, width < 1 ? 1 : width, NULL, 0, 0 };
	size_t start = 0;

	for (;;) {
		const char *nl = len > start ? memchr(s + start, '\n', len - start) : NULL;
		size_t end = nl ? (size_t)(nl - s) : len;

		if (!wrap_para(&w, start, end))
			break;
		if (!nl)
			break;
		start = end + 1;
	}
	if (w.n == 0) {
		/* out of memory: still hand back one line */
		free(w.lines);
		w.lines = malloc(sizeof(*w.lines));
		if (!w.lines) {
			*lines = NULL;
			return 0;
		}
		w.lines[0].off = 0;
		w.lines[0].len = 0;
		w.lines[0].width = 0;
		w.n = 1;
	}
	*lines = w.lines;
	return w.n;
}

/* --- Search keys --------------------------------------------------------------- */

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
is_space_cp(int32_t c, const utf8proc_property_t *p)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 ||
	       p->category == UTF8PROC_CATEGORY_ZS ||
	       p->category == UTF8PROC_CATEGORY_ZL ||
	       p->category == UTF8PROC_CATEGORY_ZP;
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

/* --- Collation --------------------------------------------------------------- */

/* The Vietnamese alphabet: a ă â b c d đ e ê f ... o ô ơ p ... u ư v ... z */
enum {
	AL_A = 0, AL_A_BREVE, AL_A_CIRC, AL_B, AL_C, AL_D, AL_DD, AL_E,
	AL_E_CIRC, AL_F, AL_G, AL_H, AL_I, AL_J, AL_K, AL_L, AL_M, AL_N,
	AL_O, AL_O_CIRC, AL_O_HORN, AL_P, AL_Q, AL_R, AL_S, AL_T, AL_U,
	AL_U_HORN, AL_V, AL_W, AL_X, AL_Y, AL_Z
};

static const unsigned char coll_ascii[26] = {
	AL_A, AL_B, AL_C, AL_D, AL_E, AL_F, AL_G, AL_H, AL_I, AL_J, AL_K,
	AL_L, AL_M, AL_N, AL_O, AL_P, AL_Q, AL_R, AL_S, AL_T, AL_U, AL_V,
	AL_W, AL_X, AL_Y, AL_Z
};

#define PRI_SPACE 0x20
#define PRI_DIGIT 0x100
#define PRI_LETTER 0x200
#define PRI_OTHER 0x10000

#define CU_LETTER 1
#define CU_UPPER 2
#define CU_MARK 4
#define CU_SPACE 8

struct coll_unit {
	uint32_t primary;
	uint32_t extra;  /* marks that are not Vietnamese */
	unsigned char tone, flags;
};

static struct coll_unit coll_table[TEXT_TABLE_END];
static pthread_once_t coll_once = PTHREAD_ONCE_INIT;

/* none < huyền < hỏi < ngã < sắc < nặng */
static int
tone_of(int32_t m)
{
	switch (m) {
	case 0x0300: return 1;
	case 0x0309: return 2;
	case 0x0303: return 3;
	case 0x0301: return 4;
	case 0x0323: return 5;
	default: return 0;
	}
}

static int
modified_letter(int letter, int32_t m)
{
	if (m == 0x0306 && letter == AL_A)
		return AL_A_BREVE;
	if (m == 0x0302 && letter == AL_A)
		return AL_A_CIRC;
	if (m == 0x0302 && letter == AL_E)
		return AL_E_CIRC;
	if (m == 0x0302 && letter == AL_O)
		return AL_O_CIRC;
	if (m == 0x031B && letter == AL_O)
		return AL_O_HORN;
	if (m == 0x031B && letter == AL_U)
		return AL_U_HORN;
	return -1;
}

static void
coll_apply(struct coll_unit *u, int32_t m)
{
	int t = tone_of(m), l;

	if (t && (u->flags & CU_LETTER) && !u->tone) {
		u->tone = (unsigned char)t;
		return;
	}
	if (u->flags & CU_LETTER) {
		l = modified_letter((int)(u->primary - PRI_LETTER), m);
		if (l >= 0) {
			u->primary = PRI_LETTER + (uint32_t)l;
			return;
		}
	}
	u->extra = u->extra * 31 + (uint32_t)m;
}

static void
coll_compute(int32_t c, struct coll_unit *u)
{
	const utf8proc_property_t *p = utf8proc_get_property(c);
	utf8proc_int32_t d[8];
	utf8proc_ssize_t n, i;
	int bc = 0;

	memset(u, 0, sizeof(*u));
	if (c >= 'a' && c <= 'z') {
		u->primary = PRI_LETTER + coll_ascii[c - 'a'];
		u->flags = CU_LETTER;
	} else if (c >= 'A' && c <= 'Z') {
		u->primary = PRI_LETTER + coll_ascii[c - 'A'];
		u->flags = CU_LETTER | CU_UPPER;
	} else if (c >= '0' && c <= '9') {
		u->primary = PRI_DIGIT + (uint32_t)(c - '0');
	} else if (c < 0x80 && !is_space_cp(c, p)) {
		u->primary = (uint32_t)c;
	} else if (is_space_cp(c, p)) {
		u->primary = PRI_SPACE;
		u->flags = CU_SPACE;
	} else if (is_dee(c)) {
		u->primary = PRI_LETTER + AL_DD;
		u->flags = CU_LETTER | (utf8proc_isupper(c) ? CU_UPPER : 0);
	} else if (is_mark_category(p->category)) {
		u->flags = CU_MARK;
		u->primary = PRI_OTHER + (uint32_t)c;
	} else {
		n = utf8proc_decompose_char(c, d, 8, UTF8PROC_DECOMPOSE, &bc);
		if (n >= 1 && n <= 8 && d[0] < 0x80 && d[0] != c &&
		    ((d[0] >= 'a' && d[0] <= 'z') || (d[0] >= 'A' && d[0] <= 'Z'))) {
			coll_compute(d[0], u);
			for (i = 1; i < n; i++)
				coll_apply(u, d[i]);
			return;
		}
		u->primary = PRI_OTHER + (uint32_t)utf8proc_tolower(c);
		if (utf8proc_isupper(c))
			u->flags = CU_UPPER;
	}
}

static void
coll_init(void)
{
	int32_t c;

	for (c = 0; c < TEXT_TABLE_END; c++)
		coll_compute(c, &coll_table[c]);
}

static void
coll_lookup(int32_t c, struct coll_unit *u)
{
	if (c < 0)
		c = CP_REPLACEMENT;
	if (c < TEXT_TABLE_END)
		*u = coll_table[c];
	else
		coll_compute(c, u);
}

struct coll_iter {
	const char *s;
	size_t len, pos;
};

/* The next base character with its marks; white space runs count once. */
static bool
coll_next(struct coll_iter *it, struct coll_unit *u)
{
	struct coll_unit m;
	int32_t c;
	size_t n;

	if (it->pos >= it->len)
		return false;
	it->pos += utf8_at(it->s, it->len, it->pos, &c);
	coll_lookup(c, u);
	if (u->flags & CU_MARK) {
		u->primary = 1;
		u->flags = 0;
		coll_apply(u, c);
	}
	while (it->pos < it->len) {
		n = utf8_at(it->s, it->len, it->pos, &c);
		coll_lookup(c, &m);
		if (m.flags & CU_MARK)
			coll_apply(u, c);
		else if (!((u->flags & CU_SPACE) && (m.flags & CU_SPACE)))
			break;
		it->pos += n;
	}
	return true;
}

static int
cmp_u32(uint32_t a, uint32_t b)
{
	return a < b ? -1 : a > b;
}

static int
coll_primary(const char *a, size_t alen, const char *b, size_t blen)
{
	struct coll_iter ia = { a, alen, 0 }, ib = { b, blen, 0 };
	struct coll_unit ua, ub;

	for (;;) {
		bool ha = coll_next(&ia, &ua), hb = coll_next(&ib, &ub);
		if (!ha || !hb)
			return ha - hb;
		if (ua.primary != ub.primary)
			return cmp_u32(ua.primary, ub.primary);
	}
}

/* The tone of the next syllable (a run of letters), -1 at the end. */
static int
coll_next_tone(struct coll_iter *it)
{
	struct coll_unit u;
	int tone = -1;

	while (coll_next(it, &u)) {
		if (u.flags & CU_LETTER) {
			if (tone <= 0)
				tone = u.tone;
		} else if (tone >= 0) {
			return tone;
		}
	}
	return tone;
}

static int
coll_tones(const char *a, size_t alen, const char *b, size_t blen)
{
	struct coll_iter ia = { a, alen, 0 }, ib = { b, blen, 0 };

	for (;;) {
		int ta = coll_next_tone(&ia), tb = coll_next_tone(&ib);
		if (ta != tb)
			return ta < tb ? -1 : 1;
		if (ta < 0)
			return 0;
	}
}

/* Level 2b (other marks) when LEVEL is 0, level 3 (case) when it is 1. */
static int
coll_minor(const char *a, size_t alen, const char *b, size_t blen, int level)
{
	struct coll_iter ia = { a, alen, 0 }, ib = { b, blen, 0 };
	struct coll_unit ua, ub;

	for (;;) {
		bool ha = coll_next(&ia, &ua), hb = coll_next(&ib, &ub);
		uint32_t va, vb;
		if (!ha || !hb)
			return ha - hb;
		va = level ? (ua.flags & CU_UPPER) : ua.extra;
		vb = level ? (ub.flags & CU_UPPER) : ub.extra;
		if (va != vb)
			return cmp_u32(va, vb);
	}
}

static int
coll_levels(const char *a, size_t alen, const char *b, size_t blen)
{
	int r;

	pthread_once(&coll_once, coll_init);
	if ((r = coll_primary(a, alen, b, blen)) != 0)
		return r;
	if ((r = coll_tones(a, alen, b, blen)) != 0)
		return r;
	if ((r = coll_minor(a, alen, b, blen, 0)) != 0)
		return r;
	return coll_minor(a, alen, b, blen, 1);
}

static int
bytes_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int r = memcmp(a, b, alen < blen ? alen : blen);

	if (r)
		return r < 0 ? -1 : 1;
	return alen < blen ? -1 : alen > blen;
}

int
text_collate(const char *a, const char *b)
{
	size_t alen = strlen(a), blen = strlen(b);
	int r = coll_levels(a, alen, b, blen);

	return r ? r : bytes_cmp(a, alen, b, blen);
}

static void
name_split(const char *s, size_t *rest_len, size_t *given_off,
	   size_t *given_len)
{
	size_t end = strlen(s), i;

	while (end > 0 && is_collapsible_space(s[end - 1]))
		end--;
	i = end;
	while (i > 0 && !is_collapsible_space(s[i - 1]))
		i--;
	*given_off = i;
	*given_len = end - i;
	while (i > 0 && is_collapsible_space(s[i - 1]))
		i--;
	*rest_len = i;
}

int
text_name_collate(const char *a, const char *b)
{
	size_t ar, ao, al, br, bo, bl;
	int r;

	name_split(a, &ar, &ao, &al);
	name_split(b, &br, &bo, &bl);
	if ((r = coll_levels(a + ao, al, b + bo, bl)) != 0)
		return r;
	if ((r = coll_levels(a, ar, b, br)) != 0)
		return r;
	return text_collate(a, b);
}

/* --- Mojibake ------------------------------------------------------------------ */

struct moji {
	int strong, weak, decisive;
	size_t at;
	bool seen;
};

static void
moji_hit(struct moji *m, size_t at, int what)
{
	if (!m->seen) {
		m->at = at;
		m->seen = true;
	}
	if (what == 2)
		m->decisive++;
	else if (what == 1)
		m->strong++;
	else
		m->weak++;
}

/* WEAK_ONLY: how many weak hits alone are enough (0: never). */
static bool
moji_found(const struct moji *m, int weak_only)
{
	return m->decisive > 0 || m->strong >= 2 ||
	       (m->strong >= 1 && m->weak >= 1) ||
	       (weak_only > 0 && m->weak >= weak_only);
}

static bool
is_ascii_lower(int32_t c)
{
	return c >= 'a' && c <= 'z';
}

static bool
is_ascii_upper(int32_t c)
{
	return c >= 'A' && c <= 'Z';
}

static bool
is_ascii_letter(int32_t c)
{
	return is_ascii_lower(c) || is_ascii_upper(c);
}

static bool
is_latin1_letter(int32_t c)
{
	return c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7;
}

static bool
is_letter1(int32_t c)
{
	return is_ascii_letter(c) || is_latin1_letter(c);
}

static bool
is_vowel(int32_t c)
{
	return c > 0 && c < 0x80 && strchr("aeiouyAEIOUY", (int)c) != NULL;
}

/* Whether C is one of the Latin-1 characters in SET. */
static bool
in_latin1_set(const char *set, int32_t c)
{
	return c > 0 && c <= 0xFF && strchr(set, (int)c) != NULL;
}

/* TCVN3 puts Vietnamese letters on Latin-1 symbols and capitals:
 * "c¸c", "lµm", "vµ", "®ång", "ViÖt", "nghÞ"; its capitals (VN1) land on
 * C1 controls. */
static void
moji_tcvn3(struct moji *m, const int32_t *w, size_t at)
{
	/* TCVN3 letters that end words: à ả ã á ă ơ ằ ẳ ẵ ắ (not ạ: ¹ is a
	 * footnote mark) */
	static const char word_end[] = "\xB5\xB6\xB7\xB8\xA8\xAC\xBC\xBD\xBE";
	/* symbols real text puts between letters (and TCVN3 has no letter
	 * on, but ¡ ª «): ª º ° ± ² ³ ´ · « » ¿ ¡ */
	static const char seen_in_words[] = "\xAA\xBA\xB0\xB1\xB2\xB3\xB4\xB7"
					    "\xAB\xBB\xBF\xA1";
	/* the capitals TCVN3 puts letters on; Á É Í Ó Ú Ý also start words
	 * after Irish "h" and in camelCase */
	static const char caps[] = "\xC6\xC7\xC8\xCA\xCB\xCC\xCE\xCF\xD0"
				   "\xD1\xD2\xD4\xD5\xD6\xD8\xDC\xDE";
	static const char caps_weak[] = "\xC9\xD3\xDD";
	int32_t prev = w[0], c = w[1], next = w[2];
	bool symbol = c >= 0xA1 && c <= 0xBF && c != 0xAD &&
		      !in_latin1_set(seen_in_words, c);

	/* TCVN3's ư is the soft hyphen: "tr\u00ADêng" */
	if (prev == 0xAD)
		prev = 'u';
	if (next == 0xAD)
		next = 'u';
	if (symbol && is_ascii_letter(prev) && is_ascii_letter(next))
		moji_hit(m, at, 2);
	else if (c == 0xAA && is_ascii_lower(prev) && is_ascii_lower(next))
		moji_hit(m, at, 1); /* "Biªn", but Portuguese "1ªs" */
	else if (symbol && is_letter1(prev) && is_letter1(next))
		moji_hit(m, at, 1);
	else if (symbol && is_letter1(prev) && in_latin1_set(word_end, c))
		moji_hit(m, at, 1);
	else if ((c == 0xAE || c == 0xA7) && !is_letter1(prev) &&
		 (is_ascii_lower(next) || is_latin1_letter(next) ||
		  (next >= 0xA1 && next <= 0xBF)))
		moji_hit(m, at, 1);
	else if (in_latin1_set(caps, c) && is_ascii_lower(prev))
		moji_hit(m, at, is_ascii_lower(next) ? 2 : 1);
	else if (in_latin1_set(caps_weak, c) && is_ascii_lower(prev))
		moji_hit(m, at, 0);
	else if ((c == 0xD7 || c == 0xF7) && is_letter1(prev) &&
		 is_letter1(next))
		moji_hit(m, at, 1);
	else if (c >= 0x80 && c <= 0x9F && (is_letter1(prev) || is_letter1(next)))
		moji_hit(m, at, 1);
	else if (c >= 0xDF && c <= 0xFF && c != 0xF7 && is_ascii_letter(prev))
		moji_hit(m, at, 0);
}

static int32_t
latin1_lower(int32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)
	       ? c + 0x20 : c;
}

/* How telling an ASCII vowel followed by a Latin-1 letter is for VNI:
 * 1 not seen in other languages' words ("hoøa", "coâng", "naêm"), 0 rare
 * elsewhere ("aï", "uû", "oä" of Swedish "oändlig", "aâ" of "Laâyoune"),
 * -1 common in some language or in genuine Vietnamese ("où", "oû", "eä"
 * of Finnish "pimeän", "eï" of Catalan "proveïdor", "aü" of Turkish
 * "masaüstü", "eá" of Irish "taispeáin", "hoà", "hoá", "hoãn"). */
static int
vni_pair(int32_t base, int32_t mark)
{
	switch (mark) {
	case 0xF8:
		return base == 'a' || base == 'o' ? 1 : 0;
	case 0xE4:
		return base == 'a' || base == 'o' ? 0 : -1;
	case 0xE5:
		return base == 'a' || base == 'e' || base == 'o' ? 0 : -1;
	case 0xE2:
		return base == 'e' || base == 'o' ? 1 : base == 'a' ? 0 : -1;
	case 0xEA:
		return base == 'a' ? 1 : -1;
	case 0xEF:
		return base == 'a' ? 0 : -1;
	case 0xF9:
		return base == 'o' || base == 'i' ? -1 : 0;
	case 0xFB: case 0xF5:
		return base == 'o' || base == 'e' ? -1 : 0;
	case 0xE0: case 0xE1: case 0xE3: case 0xE8:
		return base == 'a' ? 0 : -1;
	default:
		return -1;
	}
}

/* The circumflex series of VNI: â, and â with a tone (ấ ầ ẩ ẫ ậ). */
static bool
is_vni_circumflex(int32_t lo)
{
	return lo == 0xE2 || lo == 0xE1 || lo == 0xE0 || lo == 0xE5 ||
	       lo == 0xE3 || lo == 0xE4;
}

/* iê, yê, uô with their VNI marks: "Vieät", "yeâu", "muoán". */
static bool
vni_diphthong(int32_t before, int32_t vowel, int32_t lo)
{
	before = latin1_lower(before);
	vowel = latin1_lower(vowel);
	return is_vni_circumflex(lo) &&
	       (((before == 'i' || before == 'y') && vowel == 'e') ||
		(before == 'u' && vowel == 'o'));
}

static bool
is_ch_nh(int32_t a, int32_t b)
{
	a = latin1_lower(a);
	return (a == 'c' || a == 'n') && latin1_lower(b) == 'h';
}

/* VNI writes a letter as its ASCII base followed by Latin-1 characters
 * standing for the marks ("Vieät", "Hoäi", "hoøa"), ơ, ư as ô, ö, which
 * take marks in turn ("nöôùc", "hôïp"), and ị, ĩ, ỉ as ò, ó, æ ("tòch").
 * W holds the character before the previous one, the previous one, this
 * one, and the two after it. */
static void
moji_vni(struct moji *m, const int32_t *w, size_t at)
{
	static const char after_o_horn[] = "\xF9\xF8\xFB\xF5\xEF";
	int32_t prev = w[1], c = w[2], lo = latin1_lower(c), plo;
	bool upper = c != lo;
	int k;

	if (!is_latin1_letter(c) || c == 0xDF)
		return;
	plo = latin1_lower(prev);
	if (is_latin1_letter(prev) && (prev != plo) == upper) {
		if (plo == 0xF6 && lo == 0xF4)
			moji_hit(m, at, 2); /* ươ */
		else if ((plo == 0xF4 || plo == 0xF6) &&
			 in_latin1_set(after_o_horn, lo))
			moji_hit(m, at, is_ascii_letter(w[3]) ? 2 : 1);
	} else if (is_vowel(prev) && is_ascii_upper(prev) == upper) {
		k = vni_pair(plo, lo);
		if (lo == 0xF8 && latin1_lower(w[3]) == 'e')
			k = 0; /* Danish "Agalegaøerne" */
		if (vni_diphthong(w[0], prev, lo) && is_ascii_letter(w[3]))
			k = 2;
		if (k >= 0)
			moji_hit(m, at, k);
	} else if ((lo == 0xF2 || lo == 0xF3 || lo == 0xE6) &&
		   is_ascii_letter(prev) && is_ch_nh(w[3], w[4])) {
		moji_hit(m, at, 1);
	} else if (lo == 0xF1 && !is_letter1(prev) &&
		   (is_vowel(w[3]) || latin1_lower(w[3]) == 0xF4 ||
		    latin1_lower(w[3]) == 0xF6)) {
		moji_hit(m, at, 0);
	}
}

/* The byte a Windows-1252 or Latin-1 character was decoded from, or -1. */
static int
cp1252_byte(int32_t c)
{
	static const uint16_t high[32] = {
		0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
		0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
		0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
		0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178
	};
	int i;

	if (c >= 0x80 && c <= 0xFF)
		return (int)c;
	for (i = 0; i < 32; i++)
		if (high[i] == c)
			return 0x80 + i;
	return -1;
}

static bool
is_plausible_cp(int32_t c)
{
	return (c >= 0xA0 && c < 0x530) || (c >= 0x1E00 && c < 0x1F00) ||
	       (c >= 0x2000 && c < 0x2150);
}

/* "Viá»‡t": the UTF-8 bytes of a letter, each read as one character. */
static void
moji_double(struct moji *m, const char *s, size_t len, size_t pos,
	    int32_t lead)
{
	unsigned char bytes[4];
	size_t need, k, i = pos;
	int32_t c, decoded;
	bool telling;

	if (lead < 0xC2 || lead > 0xF4)
		return;
	need = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
	bytes[0] = (unsigned char)lead;
	i += utf8_at(s, len, i, &c);
	for (k = 1; k < need; k++) {
		int b;
		if (i >= len)
			return;
		i += utf8_at(s, len, i, &c);
		b = cp1252_byte(c);
		if (b < 0x80 || b > 0xBF)
			return;
		bytes[k] = (unsigned char)b;
	}
	if (utf8_decode(bytes, need, &decoded) != need ||
	    !is_plausible_cp(decoded))
		return;
	telling = lead >= 0xC3 && lead <= 0xC6;
	/* a capital then Windows-1252 punctuation ("CIÓ…", "XÃ”") proves
	 * little */
	if (need == 2 && c > 0xFF) {
		if (telling)
			moji_hit(m, pos, 0);
		return;
	}
	moji_hit(m, pos, need >= 3 || telling ? 2 : 1);
}

static size_t
moji_decode(const char *s, size_t len, size_t pos, int32_t *c)
{
	if (pos >= len) {
		*c = 0;
		return 0;
	}
	return utf8_at(s, len, pos, c);
}

/* The start of the character before byte POS (POS > 0). */
static size_t
moji_prev(const char *s, size_t pos)
{
	size_t p = pos - 1;
	while (p > 0 && pos - p < 4 && ((unsigned char)s[p] & 0xC0) == 0x80)
		p--;
	return p;
}

/* Whether S may hold a mangled shape: a character U+0080..U+00FF that
 * Vietnamese does not use (TCVN3's symbols and capitals, VNI's marks
 * such as ä ø ï ö, the second bytes of double UTF-8), or a Latin-1
 * letter followed by a Windows-1252 symbol.  Text with neither is passed
 * at the cost of a byte scan; the rest goes through the detectors. */
static bool
moji_suspicious(const unsigned char *u, size_t len)
{
	/* second bytes after C3 of À Á Â Ã È É Ê Ì Í Ò Ó Ô Õ Ù Ú Ý and
	 * à á â ã è é ê ì í ò ó ô õ ù ú ý, bit (b - 0x80) */
	static const uint64_t vietnamese = 0x263C370F263C370Full;
	const unsigned char *p = u, *end = u + len;

	while ((p = memchr(p, 0xC3, (size_t)(end - p))) != NULL) {
		if (p + 1 >= end || p[1] < 0x80 ||
		    !(vietnamese >> (p[1] - 0x80) & 1))
			return true;
		p += 2;
		/* a Latin-1 letter then a Windows-1252 symbol (€ ™ ’ … Œ ƒ ˆ):
		 * the second byte of UTF-8 read as Windows-1252 ("itâ€™s") */
		if (p < end && (*p == 0xE2 || *p == 0xC5 || *p == 0xC6 ||
				*p == 0xCB))
			return true;
	}
	return memchr(u, 0xC2, len) != NULL;
}

enum text_mojibake
text_detect_mojibake(const char *s, size_t len, size_t *at)
{
	struct moji tcvn = { 0 }, vni = { 0 }, dbl = { 0 };
	const unsigned char *u = (const unsigned char *)s;

	if (!moji_suspicious(u, len))
		return TEXT_MOJI_NONE;

	/* Every pattern is anchored on a character U+0080..U+00FF, whose
	 * UTF-8 starts with C2 or C3: only those places are looked at, with
	 * a window of two characters each side (the detectors' view). */
	for (size_t pos = 0; pos < len; pos++) {
		if (u[pos] != 0xC2 && u[pos] != 0xC3)
			continue;
		int32_t w[5] = { 0 }; /* two before, this one, two after */
		size_t p1 = pos > 0 ? moji_prev(s, pos) : pos;
		if (p1 < pos) {
			moji_decode(s, len, p1, &w[1]);
			if (p1 > 0)
				moji_decode(s, len, moji_prev(s, p1), &w[0]);
		}
		size_t n = moji_decode(s, len, pos, &w[2]);
		size_t n2 = moji_decode(s, len, pos + n, &w[3]);
		moji_decode(s, len, pos + n + n2, &w[4]);
		if (w[2] >= 0x80) {
			moji_double(&dbl, s, len, pos, w[2]);
			moji_tcvn3(&tcvn, w + 1, pos);
			moji_vni(&vni, w, pos);
		}
		if (n > 1)
			pos += n - 1;
	}
	if (moji_found(&dbl, 0)) {
		if (at)
			*at = dbl.at;
		return TEXT_MOJI_DOUBLE_UTF8;
	}
	if (moji_found(&tcvn, 0) &&
	    (!moji_found(&vni, 3) || tcvn.decisive * 2 + tcvn.strong >=
				  vni.decisive * 2 + vni.strong)) {
		if (at)
			*at = tcvn.at;
		return TEXT_MOJI_TCVN3;
	}
	if (moji_found(&vni, 3)) {
		if (at)
			*at = vni.at;
		return TEXT_MOJI_VNI;
	}
	return TEXT_MOJI_NONE;
}

const char *
text_mojibake_hint(enum text_mojibake kind)
{
	switch (kind) {
	case TEXT_MOJI_TCVN3:
		return "the text looks like TCVN3 (ABC) read as Latin-1; "
		       "convert the file to UTF-8 (e.g. with a converter such "
		       "as Unikey's) and declare encoding=\"UTF-8\"";
	case TEXT_MOJI_VNI:
		return "the text looks like VNI read as Latin-1; convert the "
		       "file from VNI to UTF-8 (e.g. with a converter such as "
		       "Unikey's) and declare encoding=\"UTF-8\"";
	case TEXT_MOJI_DOUBLE_UTF8:
		return "the text looks like UTF-8 that was read as Latin-1 and "
		       "encoded again; convert it back (e.g. iconv -f UTF-8 -t "
		       "WINDOWS-1252, then check the result) and declare "
		       "encoding=\"UTF-8\"";
	case TEXT_MOJI_NONE:
		break;
	}
	return "";
}
