/* collate.c - Vietnamese sorting: a three-level comparison (letters with
 * the Vietnamese alphabet's order, then one tone per syllable, then case)
 * and the order of personal names, given name first.  Each character's
 * collation unit below U+3000 is computed once, on first use. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "collate.h"
#include "text_utf8.h"

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

/* --- Names -------------------------------------------------------------- */

#define NAME_WORDS 32

struct name_word {
	size_t off, end;
};

/* Bytes of the separator at POS (0 if none): white space, and the
 * no-break spaces a word processor leaves between the parts of a name
 * (U+00A0, U+2007, U+202F). */
static size_t
name_sep(const char *s, size_t len, size_t pos)
{
	const unsigned char *u = (const unsigned char *)s + pos;

	if (is_collapsible_space(s[pos]))
		return 1;
	if (u[0] == 0xC2 && pos + 1 < len && u[1] == 0xA0)
		return 2;
	if (u[0] == 0xE2 && pos + 2 < len && u[1] == 0x80 &&
	    (u[2] == 0xAF || u[2] == 0x87))
		return 3;
	return 0;
}

static size_t
name_words(const char *s, size_t len, struct name_word *w)
{
	size_t n = 0, pos = 0, k;

	while (pos < len && n < NAME_WORDS) {
		while (pos < len && (k = name_sep(s, len, pos)) > 0)
			pos += k;
		if (pos >= len)
			break;
		w[n].off = pos;
		while (pos < len && name_sep(s, len, pos) == 0)
			pos++;
		w[n++].end = pos;
	}
	if (pos < len && n == NAME_WORDS) /* a very long "name": the rest */
		w[n - 1].end = len;
	return n;
}

/* The word lower-cased into BUF (NUL-terminated); false when it is too
 * long to be a title. */
static bool
name_lower(const char *s, const struct name_word *w, char *buf, size_t size)
{
	size_t pos = w->off, o = 0;

	while (pos < w->end) {
		int32_t c;
		pos += utf8_at(s, w->end, pos, &c);
		if (c < 0 || o + 4 >= size)
			return false;
		o += utf8_encode(utf8proc_tolower(c), buf + o);
	}
	buf[o] = '\0';
	return true;
}

static bool
in_list(const char *const *list, const char *w)
{
	for (; *list; list++)
		if (strcmp(*list, w) == 0)
			return true;
	return false;
}

/* Academic and professional titles, written as abbreviations that end in
 * a dot or not, alone or joined ("PGS.TS.", "ThS.BS"): none of them can
 * be a Vietnamese syllable, so no name is taken for one. */
static bool
is_title_abbrev(const char *w)
{
	static const char *const pieces[] = {
		"gs", "pgs", "ts", "tskh", "ths", "bs", "bsck", "bscki",
		"bsckii", "ks", "kts", "cn", "ls", "ds", "ncs", "nsnd",
		"ns\xC6\xB0t", "nsut", "nght", "\xC4\x91/c", NULL
	};
	char piece[16];
	size_t n = 0;

	for (;; w++) {
		if (*w == '.' || *w == '\0') {
			piece[n] = '\0';
			if (n > 0 && !in_list(pieces, piece))
				return false;
			if (n == 0 && *w == '.')
				return false;
			if (*w == '\0')
				return true;
			n = 0;
			continue;
		}
		if (n + 1 >= sizeof(piece))
			return false;
		piece[n++] = *w;
	}
}

/* How many words at W (of N) are a title; 0 when none. */
static size_t
name_title(const char *s, const struct name_word *w, size_t n)
{
	/* honorifics and titles written out, lower case, word by word */
	static const char *const words[] = {
		"\xC3\xB4ng", "b\xC3\xA0", "\xC4\x91/c", NULL
	};
	static const char *const pairs[][2] = {
		{ "\xC4\x91\xE1\xBB\x93ng", "ch\xC3\xAD" },          /* đồng chí */
		{ "gi\xC3\xA1o", "s\xC6\xB0" },                        /* giáo sư */
		{ "ti\xE1\xBA\xBFn", "s\xC4\xA9" },                    /* tiến sĩ */
		{ "th\xE1\xBA\xA1\x63", "s\xC4\xA9" },                 /* thạc sĩ */
		{ "b\xC3\xA1\x63", "s\xC4\xA9" },                      /* bác sĩ */
		{ "k\xE1\xBB\xB9", "s\xC6\xB0" },                      /* kỹ sư */
		{ "lu\xE1\xBA\xADt", "s\xC6\xB0" },                    /* luật sư */
	};
	char a[48], b[48];
	size_t i;

	if (n == 0 || !name_lower(s, &w[0], a, sizeof(a)))
		return 0;
	/* phó giáo sư */
	if (n >= 3 && strcmp(a, "ph\xC3\xB3") == 0 &&
	    name_lower(s, &w[1], b, sizeof(b)) &&
	    strcmp(b, "gi\xC3\xA1o") == 0 &&
	    name_lower(s, &w[2], b, sizeof(b)) && strcmp(b, "s\xC6\xB0") == 0)
		return 3;
	if (is_title_abbrev(a) || in_list(words, a))
		return 1;
	if (n >= 2 && name_lower(s, &w[1], b, sizeof(b)))
		for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
			if (strcmp(a, pairs[i][0]) == 0 &&
			    strcmp(b, pairs[i][1]) == 0)
				return 2;
	return 0;
}

/* The parts of a personal name that sort: the given name (the last word)
 * and the rest before it, without the titles in front ("PGS.TS. Vũ
 * Thư" sorts as "Vũ Thư").  Words are split at white space and at
 * no-break spaces. */
static void
name_split(const char *s, size_t *rest_off, size_t *rest_len,
	   size_t *given_off, size_t *given_len)
{
	struct name_word w[NAME_WORDS];
	size_t len = strlen(s), n = name_words(s, len, w), first = 0, t;

	if (n == 0) {
		*rest_off = *rest_len = *given_off = *given_len = 0;
		return;
	}
	/* titles go while a name is left after them */
	while (n - first >= 2 && (t = name_title(s, w + first, n - first)) > 0 &&
	       n - first > t)
		first += t;
	*given_off = w[n - 1].off;
	*given_len = w[n - 1].end - w[n - 1].off;
	*rest_off = w[first].off;
	*rest_len = first < n - 1 ? w[n - 2].end - w[first].off : 0;
}

int
text_name_collate(const char *a, const char *b)
{
	size_t aro, ar, ao, al, bro, br, bo, bl;
	int r;

	name_split(a, &aro, &ar, &ao, &al);
	name_split(b, &bro, &br, &bo, &bl);
	if ((r = coll_levels(a + ao, al, b + bo, bl)) != 0)
		return r;
	if ((r = coll_levels(a + aro, ar, b + bro, br)) != 0)
		return r;
	return text_collate(a, b);
}
