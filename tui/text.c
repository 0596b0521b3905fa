/* text.c - the text engine's core: UTF-8 repair and NFC, grapheme
 * clusters and widths, fitting, truncating and sanitizing, wrapping.
 * Search keys live in fold.c, Vietnamese sorting in collate.c, the
 * detection of mangled legacy encodings in mojibake.c; the UTF-8
 * primitives they share are in text_utf8.h.
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
#include "text_utf8.h"

/* ncurses keeps only a few combining characters per cell: a cluster is
 * drawn with at most this many zero-width code points after each spacing
 * one; the rest are dropped (they are still in the text, and in the key). */
#define TEXT_MAX_MARKS 4
/* Bytes of one cluster that are drawn (render buffers hold 64). */
#define TEXT_CLUSTER_MAX 60
/* --- Copies --------------------------------------------------------------- */

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

void
text_trim_before_mark(char *s)
{
	size_t n = strlen(s);
	if (n < 4 || strcmp(s + n - 3, ELLIPSIS) != 0)
		return;
	size_t k = n - 3;
	while (k > 0 && s[k - 1] == ' ')
		k--;
	memmove(s + k, ELLIPSIS, 4);
}

int
text_truncate_left(const char *s, size_t len, int cols, char *buf,
		   size_t size)
{
	if (size == 0)
		return 0;
	buf[0] = '\0';
	if (cols <= 0)
		return 0;
	if (cols == 1 || text_width(s, len) <= cols)
		return text_truncate(s, len, cols, buf, size);
	size_t start = len;
	int w = 0;
	while (start > 0) {
		size_t p = text_cluster_prev(s, len, start);
		int cw = text_width(s + p, start - p);
		if (w + cw > cols - 1)
			break;
		w += cw;
		start = p;
	}
	if (size <= sizeof(ELLIPSIS))
		return text_truncate(s, len, cols, buf, size);
	memcpy(buf, ELLIPSIS, sizeof(ELLIPSIS) - 1);
	return 1 + text_truncate(s + start, len - start, cols - 1,
				 buf + sizeof(ELLIPSIS) - 1,
				 size - (sizeof(ELLIPSIS) - 1));
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

/* A '-' or '/' may end a line when a word goes on both sides of it, but
 * not before a digit: dates and numbers such as 20-4-2024 or
 * 59/2020/QH14 stay whole (UAX #14, LB25). */
static bool
hyphen_breaks(const char *s, size_t end, const struct text_cluster *c,
	      bool after_word)
{
	struct text_cluster next;

	if (!after_word || !is_break_after(s, c) || c->off + 1 >= end)
		return false;
	text_cluster_next(s, end, c->off + 1, &next);
	return !is_break_space(s, &next) &&
	       !(next.len == 1 && s[next.off] >= '0' && s[next.off] <= '9');
}

/* Punctuation that opens (a line may not end with it, even when spaces
 * follow it) or closes (a line may not begin with it, even when spaces
 * come before it): UAX #14 classes OP, CL, CP, EX, IS, and the quotes
 * that Vietnamese text uses as opening and closing ones. */
static bool
is_opening_punct(int32_t c)
{
	return c == '(' || c == '[' || c == '{' || c == 0x201C ||
	       c == 0x2018 || c == 0x00AB || c == 0x00BF || c == 0x00A1 ||
	       c == 0x201E;
}

static bool
is_closing_punct(int32_t c)
{
	return c == ')' || c == ']' || c == '}' || c == ':' || c == ';' ||
	       c == '!' || c == '?' || c == ',' || c == '.' || c == 0x201D ||
	       c == 0x2019 || c == 0x00BB;
}

/* Whether the first cluster after the white space at POS closes. */
static bool
closing_follows(const char *s, size_t end, size_t pos)
{
	struct text_cluster c;

	while (pos < end) {
		size_t next = text_cluster_next(s, end, pos, &c);
		if (!is_break_space(s, &c))
			return c.cp >= 0 && is_closing_punct(c.cp);
		pos = next;
	}
	return false;
}

/* One line of S without '\n', from START to END. */
static bool
wrap_para(struct wrap *w, size_t start, size_t end)
{
	const char *s = w->s;
	size_t pos = start, line = start, brk_end = 0, brk_next = 0;
	int col = 0, brk_col = 0;
	bool have_brk = false, brk_word = false, after_word = false;
	bool emitted = false, after_open = false;

	while (pos < end) {
		struct text_cluster c;
		size_t next = text_cluster_next(s, end, pos, &c);
		int cw = cluster_cols(&c, col);

		if (is_break_space(s, &c)) {
			bool may = !after_open && !closing_follows(s, end, next);
			if (c.kind == TEXT_CL_TAB && col + cw > w->width &&
			    col < w->width)
				cw = w->width - col;
			after_word = false;
			if (col + cw > w->width && !may && have_brk) {
				/* no break here: back to the last one */
				if (!wrap_emit(w, line, brk_end, brk_col))
					return false;
				emitted = true;
				line = pos = brk_next;
				after_word = brk_word;
				col = 0;
				have_brk = false;
				continue;
			}
			if (col + cw > w->width) {
				if (!wrap_emit(w, line, pos, col))
					return false;
				emitted = true;
				line = pos = next;
				col = 0;
				have_brk = false;
				continue;
			}
			if (col > 0 && may) {
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
		if (c.kind != TEXT_CL_HIDDEN) {
			after_word = true;
			after_open = c.cp >= 0 && is_opening_punct(c.cp);
		}
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

int
text_digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}
