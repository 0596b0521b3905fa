/* spell_words.c - the words of a document for the spelling check (see
 * spell_words.h): element texts read word by word, markup, comments and
 * attribute values skipped, entity references taken as separators. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "memo.h"
#include "model.h"
#include "spell_words.h"
#include "text.h"
#include "text_utf8.h"

/* --- Characters ---------------------------------------------------------- */

/* What a code point is to the word reader, by table below CLASS_END. */
#define CLASS_END 0x1F00
enum { CC_WORD = 1, CC_UPPER = 2 };

static unsigned char cp_class_tab[CLASS_END];
static pthread_once_t class_once = PTHREAD_ONCE_INIT;

static unsigned char
class_compute(int32_t c)
{
	const utf8proc_property_t *p;
	unsigned char k = 0;
	bool mark;

	if (c < 0x80) {
		if (c >= 'A' && c <= 'Z')
			return CC_WORD | CC_UPPER;
		return c >= 'a' && c <= 'z' ? CC_WORD : 0;
	}
	p = utf8proc_get_property(c);
	mark = is_mark_category(p->category);
	if ((p->category >= UTF8PROC_CATEGORY_LU &&
	     p->category <= UTF8PROC_CATEGORY_LO) || mark)
		k |= CC_WORD;
	/* a mark is no capital (below the table's end, as syllable.c has it) */
	if ((!mark || c >= CLASS_END) && utf8proc_isupper(c))
		k |= CC_UPPER;
	return k;
}

static void
class_init(void)
{
	for (int32_t c = 0; c < CLASS_END; c++)
		cp_class_tab[c] = class_compute(c);
}

static inline unsigned char
cp_class(int32_t c)
{
	if (c < 0)
		return 0;
	return c < CLASS_END ? cp_class_tab[c] : class_compute(c);
}

#define ascii_letter(c) (((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z'))

/* The word in lower case into OUT (SIZE >= 2 * LEN + 1). */
static void
fold_case(const char *s, size_t len, char *out)
{
	size_t pos = 0, o = 0;

	while (pos < len) {
		int32_t c;
		if ((unsigned char)s[pos] < 0x80) {
			c = (unsigned char)s[pos++];
			out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			continue;
		}
		pos += utf8_at(s, len, pos, &c);
		if (c < 0)
			c = CP_REPLACEMENT;
		o += utf8_encode(utf8proc_tolower(c), out + o);
	}
	out[o] = '\0';
}

/* Capitalised: the first letter upper case, no other. */
static bool
word_capitalised(const char *s, size_t len)
{
	size_t pos = 0;
	bool first = true, cap = false;

	while (pos < len) {
		int32_t c;
		bool upper;
		if ((unsigned char)s[pos] < 0x80) {
			c = (unsigned char)s[pos++];
			upper = c >= 'A' && c <= 'Z';
		} else {
			pos += utf8_at(s, len, pos, &c);
			upper = cp_class(c) & CC_UPPER;
		}
		if (upper) {
			if (!first)
				return false;
			cap = true;
		}
		first = false;
	}
	return cap;
}

/* --- Reading words ------------------------------------------------------- */





const char *
word_folded(struct word *w)
{
	if (!w->has_folded) {
		fold_case(w->nfc, w->nlen, w->folded);
		w->has_folded = true;
	}
	return w->folded;
}

/* The word as a C string into BUF (WORD_BYTES). */
const char *
word_str(const struct word *w, char *buf)
{
	memcpy(buf, w->nfc, w->nlen);
	buf[w->nlen] = '\0';
	return buf;
}



/* The end of the chunk from POS on: the first ASCII character that is
 * no letter, sixteen bytes at a time; *HIGH says whether a byte past
 * ASCII was seen. */
static inline size_t
chunk_end(const char *s, size_t len, size_t pos, bool *high)
{
	unsigned hi = 0;

#ifdef __SSE2__
	while (len - pos >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + pos));
		__m128i t = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)),
					 _mm_set1_epi8('a'));
		__m128i letter = _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(25)), t);
		unsigned h = (unsigned)_mm_movemask_epi8(v);
		unsigned stop = ~((unsigned)_mm_movemask_epi8(letter) | h) & 0xFFFF;
		if (stop) {
			unsigned n = (unsigned)__builtin_ctz(stop);
			*high = hi || (h & ((1u << n) - 1));
			return pos + n;
		}
		hi |= h;
		pos += 16;
	}
#endif
	for (; pos < len; pos++) {
		unsigned char b = (unsigned char)s[pos];
		if (b >= 0x80)
			hi = 1;
		else if (!ascii_letter(b))
			break;
	}
	*high = hi != 0;
	return pos;
}


static size_t
find_str(const char *s, size_t len, size_t from, const char *what)
{
	size_t k = strlen(what);

	for (size_t i = from; i + k <= len; i++)
		if (memcmp(s + i, what, k) == 0)
			return i;
	return len;
}

/* isalnum of the C locale (markup names are ASCII here) */
#define ascii_alnum(c) (ascii_letter(c) || ((c) >= '0' && (c) <= '9'))

/* The end of the markup at POS ('<'), and whether it opens or closes an
 * element called "name". */
static size_t
markup_end(const char *s, size_t len, size_t pos, int *name_tag)
{
	bool closing = pos + 1 < len && s[pos + 1] == '/';
	size_t i = pos + 1 + closing, k = 0, end;
	char tag[8];
	char q = 0;

	*name_tag = 0;
	if (pos + 1 < len && (s[pos + 1] == '!' || s[pos + 1] == '?')) {
		if (strncmp(s + pos, "<!--", 4) == 0)
			return find_str(s, len, pos + 4, "-->") + 3;
		if (strncmp(s + pos, "<?", 2) == 0)
			return find_str(s, len, pos + 2, "?>") + 2;
		return find_str(s, len, pos + 2, ">") + 1;
	}
	while (i < len && k + 1 < sizeof(tag) && ascii_alnum(s[i]))
		tag[k++] = s[i++];
	tag[k] = '\0';
	for (end = i; end < len; end++) {
		if (q) {
			if (s[end] == q)
				q = 0;
		} else if (s[end] == '"' || s[end] == '\'') {
			q = s[end];
		} else if (s[end] == '>') {
			break;
		}
	}
	if (strcmp(tag, "name") == 0 && i < len && !ascii_alnum(s[i]) &&
	    !(end > 0 && end < len && s[end - 1] == '/'))
		*name_tag = closing ? -1 : 1;
	return end < len ? end + 1 : len;
}

/* Skips to TO (past markup or a reference), counting the lines. */
static void
reader_skip(struct reader *rd, size_t to)
{
	const char *p = rd->s + rd->pos, *end = rd->s + to;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		rd->line++;
		rd->line_start = (size_t)(++p - rd->s);
	}
	rd->pos = to;
}

/* A word of ASCII letters and precomposed Latin letters only (no
 * combining mark, no other script): NFC as it stands. */
static bool
plain_cp(int32_t c)
{
	return c < 0x1C0 || (c >= 0x1E80 && c < 0x1F00);
}

/* The end of the word whose next character is at POS: the first that
 * is no letter or mark; *ASCII and *PLAIN (see plain_cp) are cleared by
 * what it passes. */
static size_t
word_end(const char *s, size_t len, size_t pos, bool *ascii, bool *plain)
{
	while (pos < len) {
		int32_t cp;
		size_t n;
		if ((unsigned char)s[pos] < 0x80) {
			if (!ascii_letter(s[pos]))
				break;
			pos++;
			continue;
		}
		n = utf8_at(s, len, pos, &cp);
		if (!(cp_class(cp) & CC_WORD))
			break;
		*plain &= plain_cp(cp);
		*ascii = false;
		pos += n;
	}
	return pos;
}

/* The word at [FROM, E): its NFC form and case.  False when its NFC is
 * too long to be a word. */
static bool
word_fill(struct reader *rd, struct word *w, size_t from, size_t e,
	  bool ascii, bool plain)
{
	const char *s = rd->s + from;
	size_t n = e - from;

	w->nfc = s;
	w->nlen = n;
	w->marks = !ascii;
	if (ascii) {
		bool later_upper = false;
		if (!(s[0] >= 'A' && s[0] <= 'Z')) {
			w->cap = false;
			return true;
		}
		for (size_t i = 1; i < n && !later_upper; i++)
			later_upper = s[i] >= 'A' && s[i] <= 'Z';
		w->cap = !later_upper;
		return true;
	}
	if (!plain && !text_is_clean(s, n)) {
		size_t m;
		char *nfc = text_repair(s, n, &m);
		if (!nfc)
			mn_oom();
		if (m >= WORD_BYTES)
			m = 0;
		memcpy(w->rep, nfc, m);
		free(nfc);
		if (!m)
			return false;
		w->nfc = w->rep;
		w->nlen = m;
		w->marks = false;
		for (size_t i = 0; i < m; i++)
			w->marks |= (unsigned char)w->rep[i] >= 0x80;
	}
	w->cap = word_capitalised(w->nfc, w->nlen);
	return true;
}

/* The exact reading of the chunk [FROM, E): one word or not, and what
 * word (see struct chunk). */
static void
chunk_read(const char *s, size_t from, size_t e, struct chunk *ch)
{
	bool plain = true;

	memset(ch, 0, sizeof(*ch));
	for (size_t i = from; i < e;) {
		int32_t cp;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		i += utf8_at(s, e, i, &cp);
		if (!(cp_class(cp) & CC_WORD))
			return;
		plain &= plain_cp(cp);
	}
	ch->single = true;
	ch->same = plain || text_is_clean(s + from, e - from);
	if (!ch->same)
		return;
	ch->cap = word_capitalised(s + from, e - from);
	ch->v.parsed = syl_parse(s + from, e - from, &ch->v.s);
	ch->v.judged = ch->v.parsed == 0 ? syl_judge(&ch->v.s) : -1;
}

/* What the chunk [POS, E) is: from the memo, or read now and kept
 * there (in *TMP when the memo is full). */
static struct chunk *
chunk_of(struct reader *rd, size_t pos, size_t e, struct chunk *tmp)
{
	struct chunk *ch = memo_get(rd->chunks, rd->s + pos, e - pos);

	if (!ch) {
		chunk_read(rd->s, pos, e, tmp);
		ch = memo_put(rd->chunks, rd->s + pos, e - pos, tmp);
	}
	return ch ? ch : tmp;
}

/* The word at POS (its first character read, up to AFTER) the quick
 * way, by its chunk: true when it was read into W. */
static bool
reader_chunk(struct reader *rd, struct word *w, size_t pos, size_t after,
	     bool ascii)
{
	const char *s = rd->s;
	bool high;
	size_t e = chunk_end(s, rd->len, after, &high);
	struct chunk tmp, *ch;

	if (e - pos >= WORD_BYTES)
		return false; /* a long word: the exact way skips it */
	w->off = pos;
	w->line = rd->line;
	w->line_start = rd->line_start;
	w->in_name = rd->in_name;
	w->person = w->has_folded = false;
	w->first = -1;
	w->nfc = s + pos;
	w->nlen = e - pos;
	if (ascii && !high) {
		w->has_v = false;
		word_fill(rd, w, pos, e, true, true);
	} else {
		ch = chunk_of(rd, pos, e, &tmp);
		if (!ch->single || !ch->same)
			return false;
		w->marks = true;
		w->cap = ch->cap;
		w->has_v = true;
		w->v = ch->v;
	}
	rd->pos = e;
	w->joined = rd->joined && rd->any;
	rd->joined = rd->any = true;
	return true;
}

/* The ASCII bytes that are no letter, but for markup and references:
 * white space keeps two words joined, a newline counts a line, anything
 * else parts them (0: none of these). */
enum { SEP_NONE, SEP_BLANK, SEP_NEWLINE, SEP_OTHER };

#define SEP_ROW(b) \
	((b) >= 0x80 || ascii_letter(b) || (b) == '<' || (b) == '&' ? SEP_NONE : \
	 (b) == '\n' ? SEP_NEWLINE : \
	 (b) == ' ' || (b) == '\t' || (b) == '\r' ? SEP_BLANK : SEP_OTHER)
#define SEP4(b) SEP_ROW(b), SEP_ROW((b) + 1), SEP_ROW((b) + 2), SEP_ROW((b) + 3)
#define SEP16(b) SEP4(b), SEP4((b) + 4), SEP4((b) + 8), SEP4((b) + 12)
static const unsigned char sep_class[256] = {
	SEP16(0x00), SEP16(0x10), SEP16(0x20), SEP16(0x30),
	SEP16(0x40), SEP16(0x50), SEP16(0x60), SEP16(0x70),
	SEP16(0x80), SEP16(0x90), SEP16(0xA0), SEP16(0xB0),
	SEP16(0xC0), SEP16(0xD0), SEP16(0xE0), SEP16(0xF0),
};
#undef SEP16
#undef SEP4
#undef SEP_ROW

/* What the separator at POS, of class K, does: a newline counts a line,
 * anything but white space parts two words. */
static inline void
sep_note(unsigned char k, size_t pos, uint32_t *line, size_t *line_start,
	 bool *joined)
{
	if (k == SEP_NEWLINE) {
		(*line)++;
		*line_start = pos + 1;
	} else if (k == SEP_OTHER) {
		*joined = false;
	}
}

/* The next word of the element texts into W (markup, comments and
 * attribute values skipped, entity references taken as separators), or
 * the end of a <name> element, or the end. */
int
reader_next(struct reader *rd, struct word *w)
{
	const char *s = rd->s;
	size_t len = rd->len;

	while (rd->pos < len) {
		size_t pos = rd->pos, e;
		unsigned char c;
		int32_t cp;

		/* white space and punctuation, the common case, kept local */
		if (sep_class[(unsigned char)s[pos]]) {
			bool joined = rd->joined;
			uint32_t line = rd->line;
			size_t line_start = rd->line_start;
			unsigned char k;
			while (pos < len && (k = sep_class[(unsigned char)s[pos]]) != 0)
				sep_note(k, pos++, &line, &line_start, &joined);
			rd->pos = pos;
			rd->joined = joined;
			rd->line = line;
			rd->line_start = line_start;
			if (pos >= len)
				break;
		}
		c = (unsigned char)s[pos];
		if (c < 0x80 && !ascii_letter(c)) {
			if (c == '<') {
				int name_tag;
				e = markup_end(s, len, pos, &name_tag);
				rd->joined = false;
				reader_skip(rd, e > len ? len : e);
				if (name_tag > 0)
					rd->in_name = true;
				if (name_tag < 0 && rd->in_name) {
					rd->in_name = false;
					return RD_NAME_END;
				}
				continue;
			}
			if (c == '&') {
				e = pos + 1;
				while (e < len && e < pos + 12 && s[e] != ';' && s[e] != '<')
					e++;
				reader_skip(rd, e < len && s[e] == ';' ? e + 1 : pos + 1);
				rd->joined = false;
				continue;
			}
			if (c == '\n') {
				rd->line++;
				rd->line_start = pos + 1;
			} else if (!(c == ' ' || c == '\t' || c == '\r')) {
				rd->joined = false;
			}
			rd->pos++;
			continue;
		}
		size_t n = utf8_at(s, len, pos, &cp);
		unsigned char k = cp_class(cp);
		bool ascii = c < 0x80, plain = plain_cp(cp);
		if (!(k & CC_WORD)) {
			if (!(cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r'))
				rd->joined = false;
			rd->pos += n;
			continue;
		}
		if (rd->chunks && reader_chunk(rd, w, pos, pos + n, ascii))
			return RD_WORD;
		/* the word: letters and marks, never a newline */
		e = word_end(s, len, pos + n, &ascii, &plain);
		rd->pos = e;
		if (e - pos >= WORD_BYTES) {
			rd->joined = false;
			continue;
		}
		w->off = pos;
		w->line = rd->line;
		w->line_start = rd->line_start;
		w->in_name = rd->in_name;
		w->person = w->has_folded = w->has_v = false;
		w->first = -1;
		if (!word_fill(rd, w, pos, e, ascii, plain)) {
			rd->joined = false;
			continue;
		}
		w->joined = rd->joined && rd->any;
		rd->joined = rd->any = true;
		return RD_WORD;
	}
	return RD_END;
}

void
reader_skim(struct reader *rd, bool (*fn)(void *arg, struct chunk *ch),
	    void *arg)
{
	const char *s = rd->s;
	size_t len = rd->len, pos = rd->pos;
	uint32_t line = rd->line;
	size_t line_start = rd->line_start;
	bool joined = rd->joined, any = rd->any;

	if (rd->in_name || !rd->chunks)
		return;
	while (pos < len) {
		unsigned char c = (unsigned char)s[pos], k = sep_class[c];
		if (k) {
			sep_note(k, pos++, &line, &line_start, &joined);
			continue;
		}
		if (c == '<' || c == '&')
			break;
		bool high;
		size_t e = chunk_end(s, len, pos, &high);
		if (e - pos >= WORD_BYTES)
			break;
		if (!high) {
			/* ASCII letters: nothing to check but a capital */
			if (c >= 'A' && c <= 'Z')
				break;
		} else {
			struct chunk *ch = memo_get(rd->chunks, s + pos, e - pos);
			if (!ch || !ch->single || !ch->same || !fn(arg, ch))
				break;
		}
		pos = e;
		joined = any = true;
	}
	rd->pos = pos;
	rd->line = line;
	rd->line_start = line_start;
	rd->joined = joined;
	rd->any = any;
}

void
reader_init(struct reader *rd, const char *s, size_t len)
{
	pthread_once(&class_once, class_init);
	memset(rd, 0, sizeof(*rd));
	rd->s = s;
	rd->len = len;
	rd->line = 1;
}


uint32_t
word_col(struct colcur *cc, const char *s, const struct word *w)
{
	size_t from = w->line_start;
	uint32_t col = 1;

	if (cc->line_start == w->line_start && cc->off <= w->off && cc->col) {
		from = cc->off;
		col = cc->col;
	}
	for (size_t i = from; i < w->off; i++)
		col += ((unsigned char)s[i] & 0xC0) != 0x80;
	cc->line_start = w->line_start;
	cc->off = w->off;
	cc->col = col;
	return col;
}

/* Learning looks only at what may start a Capitalised word: markup, a
 * reference, an upper-case letter.  The bytes it passes over are lower
 * case letters, digits, punctuation, white space, continuation bytes
 * and the lead bytes of the lower-case Vietnamese letters à..ý, ă đ ĩ ũ
 * ơ ư and ạ..ỹ; whether two Capitalised words are joined is read off
 * the bytes between them. */
static bool
learn_byte(const unsigned char *u, size_t len, size_t i)
{
	unsigned char b = u[i], b1 = i + 1 < len ? u[i + 1] : 0;

	if (b == '<' || b == '&' || (b >= 'A' && b <= 'Z'))
		return true;
	if (b < 0xC0)
		return false;
	if (b == 0xC3)
		return b1 < 0xA0;
	if (b == 0xC4)
		return b1 != 0x83 && b1 != 0x91 && b1 != 0xA9;
	if (b == 0xC5)
		return b1 != 0xA9;
	if (b == 0xC6)
		return b1 != 0xA1 && b1 != 0xB0;
	if (b == 0xE1 && (b1 & 0xFC) == 0xB8 && i + 2 < len)
		return !(u[i + 2] & 1);
	return true;
}

/* The next byte at POS or after that learn_byte wants, or LEN (the
 * sixteen bytes last looked at are kept in RD). */
static size_t
learn_next(struct reader *rd, size_t pos)
{
	const unsigned char *u = (const unsigned char *)rd->s;
	size_t len = rd->len;

	/* the rest of the last sixteen bytes looked at */
	if (rd->lmask && pos >= rd->lbase && pos - rd->lbase < 16) {
		unsigned m = rd->lmask & ~((1u << (pos - rd->lbase)) - 1);
		if (m)
			return rd->lbase + (unsigned)__builtin_ctz(m);
		pos = rd->lbase + 16;
	}
#ifdef __SSE2__
#define U8(c) _mm_set1_epi8((char)(c))
#define EQ(x, c) _mm_cmpeq_epi8((x), U8(c))
	while (len - pos >= 18) {
		__m128i v = _mm_loadu_si128((const __m128i *)(u + pos));
		__m128i v1 = _mm_loadu_si128((const __m128i *)(u + pos + 1));
		__m128i v2 = _mm_loadu_si128((const __m128i *)(u + pos + 2));
		__m128i t = _mm_sub_epi8(v, U8('A'));
		__m128i want = _mm_or_si128(_mm_or_si128(EQ(v, '<'), EQ(v, '&')),
					    _mm_cmpeq_epi8(_mm_min_epu8(t, U8(25)), t));
		__m128i lead = _mm_cmpeq_epi8(_mm_max_epu8(v, U8(0xC0)), v);
		__m128i low = _mm_and_si128(EQ(v, 0xC3),
					    _mm_cmpeq_epi8(_mm_max_epu8(v1, U8(0xA0)), v1));
		low = _mm_or_si128(low, _mm_and_si128(EQ(v, 0xC4),
				_mm_or_si128(_mm_or_si128(EQ(v1, 0x83), EQ(v1, 0x91)), EQ(v1, 0xA9))));
		low = _mm_or_si128(low, _mm_and_si128(EQ(v, 0xC5), EQ(v1, 0xA9)));
		low = _mm_or_si128(low, _mm_and_si128(EQ(v, 0xC6),
				_mm_or_si128(EQ(v1, 0xA1), EQ(v1, 0xB0))));
		low = _mm_or_si128(low, _mm_and_si128(_mm_and_si128(EQ(v, 0xE1),
				EQ(_mm_and_si128(v1, U8(0xFC)), 0xB8)),
				EQ(_mm_and_si128(v2, U8(1)), 1)));
		want = _mm_or_si128(want, _mm_andnot_si128(low, lead));
		unsigned m = (unsigned)_mm_movemask_epi8(want);
		if (m) {
			rd->lbase = pos;
			rd->lmask = m;
			return pos + (unsigned)__builtin_ctz(m);
		}
		pos += 16;
	}
#undef U8
#undef EQ
#endif
	for (; pos < len; pos++)
		if (learn_byte(u, len, pos))
			return pos;
	return len;
}

/* Whether the character before POS is a letter or a mark. */
static bool
after_letter(const char *s, size_t pos)
{
	int32_t c;

	if (pos == 0)
		return false;
	if ((unsigned char)s[pos - 1] < 0x80)
		return ascii_letter(s[pos - 1]);
	size_t p = utf8_prev(s, pos);
	if (utf8_at(s, pos, p, &c) != pos - p)
		return false;
	return cp_class(c) & CC_WORD;
}

/* Only white space in S[FROM, TO). */
bool
words_blank(const char *s, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (!(s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
			return false;
	return true;
}

/* The word at POS (its first character read, up to AFTER) by its chunk
 * when the chunk is one word of letters past ASCII in its own NFC: true
 * when it was read into W. */
static bool
capital_chunk(struct reader *rd, struct word *w, size_t pos, size_t after)
{
	const char *s = rd->s;
	bool high;
	size_t e = chunk_end(s, rd->len, after, &high);
	struct chunk tmp, *ch;

	if (!high || e - pos >= WORD_BYTES)
		return false; /* ASCII is quick the exact way */
	ch = chunk_of(rd, pos, e, &tmp);
	if (!ch->single || !ch->same)
		return false;
	w->nfc = s + pos;
	w->nlen = e - pos;
	w->marks = true;
	w->cap = ch->cap;
	rd->pos = e;
	return true;
}

/* The next thing learning wants at RD's place or after: a word that
 * starts with a capital, read into W (RD_WORD, RD's place after it),
 * markup (RD_MARKUP, *NAME_TAG as markup_end has it) or a reference
 * (RD_REF) passed over, or the end. */
int
reader_next_capital(struct reader *rd, struct word *w, int *name_tag)
{
	const char *s = rd->s;
	size_t len = rd->len, pos = rd->pos, e;

	while ((pos = learn_next(rd, pos)) < len) {
		unsigned char b = (unsigned char)s[pos];
		if (b == '<') {
			e = markup_end(s, len, pos, name_tag);
			rd->pos = e > len ? len : e;
			return RD_MARKUP;
		}
		if (b == '&') {
			for (e = pos + 1; e < len && e < pos + 12 && s[e] != ';' && s[e] != '<';
			     e++)
				;
			rd->pos = e < len && s[e] == ';' ? e + 1 : pos + 1;
			return RD_REF;
		}
		int32_t cp;
		size_t n = utf8_at(s, len, pos, &cp);
		unsigned char k = cp_class(cp);
		if ((k & (CC_WORD | CC_UPPER)) != (CC_WORD | CC_UPPER) ||
		    after_letter(s, pos)) {
			pos += n;
			continue;
		}
		/* a word starts with a capital: read it, by its chunk when
		 * that is the word */
		w->off = pos;
		w->in_name = w->person = w->has_folded = w->has_v = false;
		w->first = -1;
		if (rd->chunks && capital_chunk(rd, w, pos, pos + n))
			return RD_WORD;
		bool ascii = b < 0x80, plain = plain_cp(cp);
		e = word_end(s, len, pos + n, &ascii, &plain);
		if (e - pos < WORD_BYTES && word_fill(rd, w, pos, e, ascii, plain)) {
			rd->pos = e;
			return RD_WORD;
		}
		pos = e; /* no word: the next is not joined to the last */
	}
	rd->pos = len;
	return RD_END;
}
