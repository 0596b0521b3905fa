/* mojibake.c - recognising Vietnamese text that a legacy encoding
 * mangled: TCVN3 (ABC) or VNI bytes read as Latin-1, and UTF-8 read as
 * Latin-1 or Windows-1252 and encoded again.  Each detector scores the
 * shapes it sees around characters U+0080..U+00FF; a clear pattern is
 * needed before a text is called mangled. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "mojibake.h"
#include "nls.h"
#include "spell.h"
#include "text_utf8.h"

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
		/* but ă đ ĩ ũ ơ ư as "Äƒ", "Ä‘", "Æ¡" are telling */
		if (lead >= 0xC4 && lead <= 0xC6 &&
		    (decoded == 0x103 || decoded == 0x102 || decoded == 0x111 ||
		     decoded == 0x110 || decoded == 0x129 || decoded == 0x128 ||
		     decoded == 0x169 || decoded == 0x168 || decoded == 0x1A1 ||
		     decoded == 0x1A0 || decoded == 0x1B0 || decoded == 0x1AF))
			moji_hit(m, pos, 2);
		else if (telling)
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

/* --- Syllables -------------------------------------------------------------- */

/* What TCVN3 (VN3) puts at bytes 0xA1..0xFF (0: nothing; glibc's VN1
 * puts the accented capitals there, which VN3 leaves out). */
static const uint16_t vn3_high[95] = {
	0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, 0x0103,
	0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x0000, 0x0000,
	0x0000, 0x0000, 0x0000, 0x0000, 0x00E0, 0x1EA3, 0x00E3, 0x00E1,
	0x1EA1, 0x0000, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x0000, 0x0000,
	0x0000, 0x0000, 0x0000, 0x0000, 0x0000, 0x1EB7, 0x1EA7, 0x1EA9,
	0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x0000, 0x1EBB, 0x1EBD, 0x00E9,
	0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, 0x1EC9,
	0x0000, 0x0000, 0x0000, 0x0129, 0x00ED, 0x1ECB, 0x00F2, 0x0000,
	0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, 0x1ED1,
	0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9, 0x0000,
	0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, 0x1EE9,
	0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x0000,
};

/* A word of mangled text: letters, and the Latin-1 symbols and C1
 * controls that TCVN3 and VNI letters turn into. */
static bool
is_moji_word_cp(int32_t c)
{
	const utf8proc_property_t *p;

	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	if (c <= 0xFF)
		return c != 0xA0;
	if ((c >= 0x100 && c <= 0x1B0) || (c >= 0x1EA0 && c <= 0x1EF9))
		return true; /* Latin letters, Vietnamese among them */
	p = utf8proc_get_property(c);
	return (p->category >= UTF8PROC_CATEGORY_LU &&
		p->category <= UTF8PROC_CATEGORY_LO) ||
	       is_mark_category(p->category);
}

#define MOJI_WORD 48

struct cpbuf {
	utf8proc_int32_t c[MOJI_WORD * 3];
	utf8proc_ssize_t n;
};

static bool
cp_add(struct cpbuf *b, int32_t c)
{
	if (b->n >= MOJI_WORD * 3)
		return false;
	b->c[b->n++] = c;
	return true;
}

/* The verdict on code points B (made NFC first: marks in any order). */
static enum spell_verdict
cp_verdict(struct cpbuf *b)
{
	char out[MOJI_WORD * 3 * 4];
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t n;
	enum spell_verdict v;
	size_t o = 0;

	for (utf8proc_ssize_t i = 0; i < b->n; i++)
		o += utf8_encode(b->c[i], out + o);
	n = utf8proc_map((const utf8proc_uint8_t *)out, (utf8proc_ssize_t)o, &nfc,
			 UTF8PROC_COMPOSE | UTF8PROC_STABLE);
	v = n > 0 ? spell_syllable((const char *)nfc, (size_t)n) : SPELL_FOREIGN;
	free(nfc);
	return v;
}

/* The word read back as TCVN3 bytes; false when some byte is none. */
static bool
tcvn3_decode(const int32_t *w, size_t n, struct cpbuf *b)
{
	b->n = 0;
	for (size_t i = 0; i < n; i++) {
		int32_t c = w[i];
		if (c >= 0xA1 && c <= 0xFF)
			c = vn3_high[c - 0xA1];
		else if (c >= 0x80)
			return false;
		if (c == 0 || !cp_add(b, c))
			return false;
	}
	return true;
}

/* The word read back as VNI: a base letter, then Latin-1 characters for
 * its marks; ơ ư đ and the toned i ỵ are letters of their own. */
static bool
vni_decode(const int32_t *w, size_t n, struct cpbuf *b)
{
	static const struct { unsigned char ch; int32_t mod, tone; } marks[] = {
		{ 0xF9, 0, 0x301 }, { 0xF8, 0, 0x300 }, { 0xFB, 0, 0x309 },
		{ 0xF5, 0, 0x303 }, { 0xEF, 0, 0x323 },
		{ 0xE2, 0x302, 0 }, { 0xE1, 0x302, 0x301 }, { 0xE0, 0x302, 0x300 },
		{ 0xE5, 0x302, 0x309 }, { 0xE3, 0x302, 0x303 }, { 0xE4, 0x302, 0x323 },
		{ 0xEA, 0x306, 0 }, { 0xE9, 0x306, 0x301 }, { 0xE8, 0x306, 0x300 },
		{ 0xFA, 0x306, 0x309 }, { 0xFC, 0x306, 0x303 }, { 0xEB, 0x306, 0x323 },
	};
	static const struct { unsigned char ch; int32_t base, mark; } letters[] = {
		{ 0xF4, 'o', 0x31B }, { 0xF6, 'u', 0x31B }, { 0xF1, 0x111, 0 },
		{ 0xED, 'i', 0x301 }, { 0xEC, 'i', 0x300 }, { 0xE6, 'i', 0x309 },
		{ 0xF3, 'i', 0x303 }, { 0xF2, 'i', 0x323 }, { 0xEE, 'y', 0x323 },
	};
	bool vowel = false, upper_prev = false;

	b->n = 0;
	for (size_t i = 0; i < n; i++) {
		int32_t c = w[i], lo = c;
		bool upper = (c >= 'A' && c <= 'Z'), done = false;

		if (c >= 0xC0 && c <= 0xDE && c != 0xD7) {
			lo = c + 0x20;
			upper = true;
		}
		if (c < 0x80) {
			if (!cp_add(b, c))
				return false;
			vowel = strchr("aeiouyAEIOUY", (int)c) != NULL;
			upper_prev = upper;
			continue;
		}
		if (vowel && upper == upper_prev) {
			for (size_t k = 0; k < sizeof(marks) / sizeof(marks[0]); k++) {
				if (marks[k].ch != lo)
					continue;
				if ((marks[k].mod && !cp_add(b, marks[k].mod)) ||
				    (marks[k].tone && !cp_add(b, marks[k].tone)))
					return false;
				done = true;
				break;
			}
		}
		if (done)
			continue;
		for (size_t k = 0; k < sizeof(letters) / sizeof(letters[0]); k++) {
			if (letters[k].ch != lo)
				continue;
			int32_t base = upper ? utf8proc_toupper(letters[k].base)
					     : letters[k].base;
			if (!cp_add(b, base) ||
			    (letters[k].mark && !cp_add(b, letters[k].mark)))
				return false;
			done = true;
			break;
		}
		if (!done)
			return false;
		vowel = lo != 0xF1;
		upper_prev = upper;
	}
	return true;
}

struct moji_syl {
	int bad;        /* words that are no Vietnamese syllable */
	int tcvn, vni;  /* of those, the ones TCVN3 / VNI make right */
	size_t tcvn_at, vni_at;
};

/* One word W[0..n) at byte AT: does reading it back make it Vietnamese? */
static void
moji_syllable(struct moji_syl *ms, const int32_t *w, size_t n, size_t at,
	      const char *bytes, size_t blen)
{
	struct cpbuf b;
	if (n < 2 || spell_syllable(bytes, blen) == SPELL_OK)
		return;
	ms->bad++;
	bool t = tcvn3_decode(w, n, &b) && cp_verdict(&b) == SPELL_OK;
	bool v = vni_decode(w, n, &b) && cp_verdict(&b) == SPELL_OK;
	if (t && v) {
		/* both read right ("khoâng": VNI không, TCVN3 khoõng): VNI
		 * when a vowel is followed by a mark, as VNI writes it */
		bool vni_shape = false;
		for (size_t i = 1; i < n; i++)
			vni_shape |= w[i] >= 0xC0 && w[i] <= 0xFF && w[i - 1] < 0x80 &&
				     strchr("aeiouyAEIOUY", (int)w[i - 1]) != NULL;
		t = !vni_shape;
		v = vni_shape;
	}
	if (t && !ms->tcvn++)
		ms->tcvn_at = at;
	if (v && !ms->vni++)
		ms->vni_at = at;
}

/* Calls FN on every word of S (letters, and the Latin-1 characters
 * mangled letters turn into), with the offset of its first character
 * past ASCII and its bytes; with ONLY_LATIN1, on the words that have a
 * character U+0080..U+00FF only. */
static void
moji_words(const char *s, size_t len, bool only_latin1,
	   void (*fn)(void *arg, const int32_t *w, size_t n, size_t at,
		      const char *bytes, size_t blen),
	   void *arg)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t pos = 0;

	while (pos < len) {
		int32_t w[MOJI_WORD], c;
		size_t n = 0, first = len, start = pos, k, done = pos;
		bool latin1 = false;

		if (only_latin1) {
			/* straight to the next U+0080..U+00FF (lead byte C2 or
			 * C3), then back to the start of its word */
			while (pos < len && (u[pos] & 0xFE) != 0xC2)
				pos++;
			if (pos >= len)
				break;
			start = pos;
			while (start > done) {
				size_t p = moji_prev(s, start);
				utf8_at(s, len, p, &c);
				if (p < done || !is_moji_word_cp(c))
					break;
				start = p;
			}
			pos = start;
		}
		if (u[pos] < 0x80 && !is_ascii_letter(u[pos])) {
			pos++;
			continue;
		}
		k = utf8_at(s, len, pos, &c);
		if (!is_moji_word_cp(c)) {
			pos += k;
			continue;
		}
		while (pos < len) {
			if (u[pos] < 0x80) {
				if (!is_ascii_letter(u[pos]))
					break;
				c = u[pos];
				k = 1;
			} else {
				k = utf8_at(s, len, pos, &c);
				if (!is_moji_word_cp(c))
					break;
				if (c <= 0xFF && first == len)
					first = pos;
				latin1 |= c <= 0xFF;
			}
			if (n < MOJI_WORD)
				w[n] = c;
			n++;
			pos += k;
		}
		if (n <= MOJI_WORD && (latin1 || !only_latin1))
			fn(arg, w, n, first, s + start, pos - start);
	}
}

static void
syllable_word(void *arg, const int32_t *w, size_t n, size_t at,
	      const char *bytes, size_t blen)
{
	moji_syllable(arg, w, n, at, bytes, blen);
}

/* How much of the text reads as Vietnamese once decoded (KIND): words
 * that are syllables, of all words with a small letter. */
struct moji_ratio {
	enum text_mojibake kind;
	int good, total;
};

static void
ratio_word(void *arg, const int32_t *w, size_t n, size_t at,
	   const char *bytes, size_t blen)
{
	struct moji_ratio *r = arg;
	struct cpbuf b;
	bool small = false, ok;

	(void)at;
	(void)bytes;
	(void)blen;
	bool vowel = false;
	for (size_t i = 0; i < n; i++) {
		small |= (w[i] >= 'a' && w[i] <= 'z') || w[i] >= 0x80;
		vowel |= w[i] >= 0x80 || strchr("aeiouyAEIOUY", (int)w[i]);
	}
	if (!small || !vowel)
		return; /* an abbreviation or a unit: UBND, km */
	r->total++;
	ok = r->kind == TEXT_MOJI_TCVN3 ? tcvn3_decode(w, n, &b)
					: vni_decode(w, n, &b);
	if (!ok) {
		b.n = 0;
		for (size_t i = 0; i < n; i++)
			cp_add(&b, w[i]);
	}
	if (cp_verdict(&b) == SPELL_OK)
		r->good++;
}

/* Whether S, read back as KIND, is mostly Vietnamese syllables. */
static bool
moji_reads_vietnamese(const char *s, size_t len, enum text_mojibake kind)
{
	struct moji_ratio r = { kind, 0, 0 };

	moji_words(s, len, false, ratio_word, &r);
	return r.total > 0 && r.good * 4 >= r.total * 3;
}

/* Words that are no Vietnamese syllable as they stand but are one read
 * back as TCVN3 or VNI ("NguyÔn", "néi", "Häp", "Ngaân"): the shapes
 * the detectors above miss, made only of letters Vietnamese also uses. */
static enum text_mojibake
moji_by_syllables(const char *s, size_t len, size_t *at)
{
	struct moji_syl ms;

	if (!memchr(s, 0xC2, len) && !memchr(s, 0xC3, len))
		return TEXT_MOJI_NONE;
	memset(&ms, 0, sizeof(ms));
	moji_words(s, len, true, syllable_word, &ms);
	if (ms.tcvn > 0 && ms.tcvn >= ms.vni && ms.tcvn * 2 >= ms.bad &&
	    moji_reads_vietnamese(s, len, TEXT_MOJI_TCVN3)) {
		if (at)
			*at = ms.tcvn_at;
		return TEXT_MOJI_TCVN3;
	}
	if (ms.vni > 0 && ms.vni * 2 >= ms.bad &&
	    moji_reads_vietnamese(s, len, TEXT_MOJI_VNI)) {
		if (at)
			*at = ms.vni_at;
		return TEXT_MOJI_VNI;
	}
	return TEXT_MOJI_NONE;
}

enum text_mojibake
text_detect_mojibake(const char *s, size_t len, size_t *at)
{
	struct moji tcvn = { 0 }, vni = { 0 }, dbl = { 0 };
	const unsigned char *u = (const unsigned char *)s;
	enum text_mojibake k;

	if (!moji_suspicious(u, len))
		return moji_by_syllables(s, len, at);

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
	k = moji_by_syllables(s, len, at);
	return k;
}

const char *
text_mojibake_hint(enum text_mojibake kind)
{
	switch (kind) {
	case TEXT_MOJI_TCVN3:
		return N_("the text looks like TCVN3 (ABC) read as Latin-1; "
		       "convert the file to UTF-8 (e.g. with a converter such "
		       "as Unikey's) and declare encoding=\"UTF-8\"");
	case TEXT_MOJI_VNI:
		return N_("the text looks like VNI read as Latin-1; convert the "
		       "file from VNI to UTF-8 (e.g. with a converter such as "
		       "Unikey's) and declare encoding=\"UTF-8\"");
	case TEXT_MOJI_DOUBLE_UTF8:
		return N_("the text looks like UTF-8 that was read as Latin-1 and "
		       "encoded again; convert it back (e.g. iconv -f UTF-8 -t "
		       "WINDOWS-1252, then check the result) and declare "
		       "encoding=\"UTF-8\"");
	case TEXT_MOJI_NONE:
		break;
	}
	return "";
}

/* --- Raw legacy bytes ------------------------------------------------------ */

/* S[from, to) read as Latin-1, as UTF-8 (malloc'd, NUL-terminated). */
static char *
latin1_to_utf8(const char *s, size_t from, size_t to, size_t *outlen)
{
	char *out = malloc(2 * (to - from) + 1);
	size_t o = 0;

	if (!out)
		return NULL;
	for (size_t i = from; i < to; i++)
		o += utf8_encode((unsigned char)s[i], out + o);
	out[o] = '\0';
	*outlen = o;
	return out;
}

static enum text_mojibake
legacy_kind(const char *s, size_t from, size_t to)
{
	size_t n, at;
	char *u = latin1_to_utf8(s, from, to, &n);
	enum text_mojibake k = u ? text_detect_mojibake(u, n, &at)
				 : TEXT_MOJI_NONE;

	free(u);
	return k == TEXT_MOJI_TCVN3 || k == TEXT_MOJI_VNI ? k : TEXT_MOJI_NONE;
}

enum text_mojibake
text_detect_legacy_bytes(const char *s, size_t len, size_t *line_off,
			 size_t *line_len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t pos = 0, from, to;
	enum text_mojibake k;
	int32_t c = 0;

	while (pos < len) {
		size_t n = utf8_decode(u + pos, len - pos, &c);
		if (c < 0)
			break;
		pos += n;
	}
	if (pos >= len)
		return TEXT_MOJI_NONE;
	from = pos;
	while (from > 0 && s[from - 1] != '\n')
		from--;
	to = pos;
	while (to < len && s[to] != '\n')
		to++;
	if (line_off)
		*line_off = from;
	if (line_len)
		*line_len = to - from;
	k = legacy_kind(s, from, to);
	if (k == TEXT_MOJI_NONE) {
		/* a short line proves little: look at its neighbours too */
		size_t a = pos > 2048 ? pos - 2048 : 0;
		size_t b = len - pos > 2048 ? pos + 2048 : len;
		k = legacy_kind(s, a, b);
	}
	return k;
}

const char *
text_legacy_hint(enum text_mojibake kind)
{
	switch (kind) {
	case TEXT_MOJI_TCVN3:
		return N_("the bytes look like TCVN3 (ABC): declare "
		       "encoding=\"TCVN3\" in the XML declaration, or convert "
		       "the file to UTF-8");
	case TEXT_MOJI_VNI:
		return N_("the bytes look like VNI, which no XML encoding name "
		       "covers: convert the file to UTF-8 (e.g. with a "
		       "converter such as Unikey's)");
	case TEXT_MOJI_DOUBLE_UTF8:
	case TEXT_MOJI_NONE:
		break;
	}
	return "";
}
