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
