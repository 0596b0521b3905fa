/* mojibake.c - recognising Vietnamese text that a legacy encoding
 * mangled: TCVN3 (ABC) or VNI bytes read as Latin-1, and UTF-8 read as
 * Latin-1 or Windows-1252 and encoded again.  Each detector scores the
 * shapes it sees around characters U+0080..U+00FF; a clear pattern is
 * needed before a text is called mangled. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "mojibake.h"
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
		return "the bytes look like TCVN3 (ABC): declare "
		       "encoding=\"TCVN3\" in the XML declaration, or convert "
		       "the file to UTF-8";
	case TEXT_MOJI_VNI:
		return "the bytes look like VNI, which no XML encoding name "
		       "covers: convert the file to UTF-8 (e.g. with a "
		       "converter such as Unikey's)";
	case TEXT_MOJI_DOUBLE_UTF8:
	case TEXT_MOJI_NONE:
		break;
	}
	return "";
}
