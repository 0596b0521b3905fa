/* syllable.c - Vietnamese phonotactics: which onset, medial, nucleus,
 * coda and tone a syllable can have, and the likely correction of an
 * impossible syllable.  No dictionary: a syllable that is possible but
 * no word is not seen.
 *
 * Letters are coded one byte each while a syllable is judged: the
 * ASCII letters, and A ă, B â, D đ, E ê, O ô, P ơ, U ư. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "syllable.h"
#include "text.h"
#include "text_utf8.h"

static const int32_t tone_marks[6] = { 0, 0x0300, 0x0309, 0x0303, 0x0301,
				       0x0323 };

static int
tone_of_mark(int32_t m)
{
	for (int t = 1; t < 6; t++)
		if (tone_marks[t] == m)
			return t;
	return 0;
}

/* The coded letter for an ASCII base with a modifier (0 when none), or
 * 0 when Vietnamese has no such letter. */
static char
letter_code(int32_t base, int32_t mod)
{
	if (mod == 0)
		return (char)base;
	if (mod == 0x0302)
		return base == 'a' ? 'B' : base == 'e' ? 'E' : base == 'o' ? 'O' : 0;
	if (mod == 0x0306)
		return base == 'a' ? 'A' : 0;
	if (mod == 0x031B)
		return base == 'o' ? 'P' : base == 'u' ? 'U' : 0;
	return 0;
}

/* What one code point is to a syllable, computed once per code point
 * below LETTER_END (tables built on first use). */
#define LETTER_END 0x1F00

enum { LK_FOREIGN, LK_LETTER, LK_TONE_MARK, LK_OTHER_MARK };

struct letter {
	char code;             /* the coded letter */
	unsigned char tone;    /* 0..5 */
	unsigned char kind;    /* LK_* */
	bool upper, marked;    /* marked: more than a plain ASCII letter */
};

static struct letter letter_tab[LETTER_END];
static pthread_once_t syl_once = PTHREAD_ONCE_INIT;
static void syl_init_tables(void);

static void
letter_compute(int32_t c, struct letter *l)
{
	int32_t d[6], base, mod = 0, lo;
	utf8proc_ssize_t n;
	int bc = 0;

	memset(l, 0, sizeof(*l));
	if (is_mark_category(utf8proc_get_property(c)->category)) {
		l->tone = (unsigned char)tone_of_mark(c);
		l->kind = l->tone ? LK_TONE_MARK : LK_OTHER_MARK;
		return;
	}
	l->upper = utf8proc_isupper(c);
	lo = utf8proc_tolower(c);
	if (lo == 0x0111) {
		l->code = 'D';
		l->kind = LK_LETTER;
		l->marked = true;
		return;
	}
	n = utf8proc_decompose_char(lo, d, 6, UTF8PROC_DECOMPOSE, &bc);
	if (n < 1 || n > 6)
		return;
	base = d[0];
	if (base < 'a' || base > 'z' || base == 'f' || base == 'j' ||
	    base == 'w' || base == 'z')
		return;
	for (utf8proc_ssize_t i = 1; i < n; i++) {
		int t = tone_of_mark(d[i]);
		if (t && !l->tone)
			l->tone = (unsigned char)t;
		else if (!t && !mod)
			mod = d[i];
		else
			return;
	}
	l->code = letter_code(base, mod);
	if (l->code)
		l->kind = LK_LETTER;
	l->marked = n > 1;
}

int
syl_parse(const char *w, size_t len, struct syl *s)
{
	size_t pos = 0;
	int bad = 0;

	pthread_once(&syl_once, syl_init_tables);
	s->n = 0;
	s->tone = s->tone_at = 0;
	s->marked = false;
	while (pos < len) {
		struct letter l;
		int32_t c;

		pos += utf8_at(w, len, pos, &c);
		if (c < 0 || s->n >= SYL_MAX)
			return -1;
		if (c < LETTER_END)
			l = letter_tab[c];
		else
			letter_compute(c, &l);
		if (l.kind == LK_TONE_MARK && s->n > 0 && s->tone) {
			bad = 1; /* a mark NFC left apart: one tone too many */
			continue;
		}
		if (l.kind != LK_LETTER)
			return -1;
		if (l.tone) {
			if (s->tone)
				bad = 1;
			s->tone = l.tone;
			s->tone_at = s->n;
		}
		s->marked |= l.marked;
		s->up[s->n] = (unsigned char)l.upper;
		s->l[s->n++] = l.code;
	}
	s->l[s->n] = '\0';
	return bad;
}

static bool
is_vowel_code(char c)
{
	switch (c) {
	case 'a': case 'A': case 'B': case 'e': case 'E': case 'i': case 'o':
	case 'O': case 'P': case 'u': case 'U': case 'y':
		return true;
	default:
		return false;
	}
}

/* Every rhyme (medial, nucleus and coda) of the written language. */
static const char *const rhymes[] = {
	"a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at",
	"au", "ay",
	"Ac", "Am", "An", "Ang", "Ap", "At",
	"Bc", "Bm", "Bn", "Bng", "Bp", "Bt", "Bu", "By",
	"e", "ec", "em", "en", "eng", "eo", "ep", "et",
	"E", "Ech", "Em", "En", "Enh", "Ep", "Et", "Eu",
	"i", "ia", "ich", "im", "in", "inh", "ip", "it", "iu",
	"iEc", "iEm", "iEn", "iEng", "iEp", "iEt", "iEu",
	"yEm", "yEn", "yEng", "yEt", "yEu", "y",
	"o", "oc", "oi", "om", "on", "ong", "op", "ot",
	"oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oao",
	"oap", "oat", "oay",
	"oAc", "oAm", "oAn", "oAng", "oAt",
	"oe", "oen", "oeo", "oet", "ooc", "oong",
	"O", "Oc", "Oi", "Om", "On", "Ong", "Op", "Ot",
	"P", "Pi", "Pm", "Pn", "Pp", "Pt",
	"u", "uc", "ui", "um", "un", "ung", "up", "ut", "ua",
	"uBn", "uBng", "uBt", "uBy",
	"uE", "uEch", "uEnh",
	"uy", "uych", "uyn", "uynh", "uyp", "uyt", "uyu", "uya", "uyEn",
	"uyEt",
	"uOc", "uOi", "uOm", "uOn", "uOng", "uOt", "uP",
	"U", "Uc", "Ui", "Um", "Un", "Ung", "Ut", "Uu", "Ua",
	"UPc", "UPi", "UPm", "UPn", "UPng", "UPp", "UPt", "UPu",
	NULL
};

/* The rhymes packed into numbers, sorted: one search per syllable. */
#define NRHYMES (sizeof(rhymes) / sizeof(rhymes[0]) - 1)
static uint64_t rhyme_keys[NRHYMES];

static uint64_t
rhyme_key(const char *r, size_t n)
{
	uint64_t k = 0;

	for (size_t i = 0; i < n && i < 8; i++)
		k = k << 8 | (unsigned char)r[i];
	return k | (uint64_t)n << 56;
}

static int
key_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static void
syl_init_tables(void)
{
	for (size_t i = 0; i < NRHYMES; i++)
		rhyme_keys[i] = rhyme_key(rhymes[i], strlen(rhymes[i]));
	qsort(rhyme_keys, NRHYMES, sizeof(*rhyme_keys), key_cmp);
	for (int32_t c = 0; c < LETTER_END; c++)
		letter_compute(c, &letter_tab[c]);
}

static bool
is_rhyme(const char *r, size_t n)
{
	uint64_t k = rhyme_key(r, n);

	return n <= 6 && bsearch(&k, rhyme_keys, NRHYMES, sizeof(k), key_cmp);
}


static bool
front_vowel(char c)
{
	return c == 'e' || c == 'E' || c == 'i' || c == 'y';
}


/* The onsets whose spelling depends on the vowel after them. */
enum onset { ON_NONE, ON_OTHER, ON_C, ON_K, ON_G, ON_GH, ON_GI, ON_NG, ON_NGH,
	     ON_QU };

/* The onset at L (N letters): its kind and length. */
static size_t
onset_of(const char *l, size_t n, enum onset *kind)
{
	char a = l[0], b = n > 1 ? l[1] : 0, c = n > 2 ? l[2] : 0;

	*kind = ON_OTHER;
	switch (a) {
	case 'n':
		if (b == 'g' && c == 'h')
			return *kind = ON_NGH, 3;
		if (b == 'g')
			return *kind = ON_NG, 2;
		return b == 'h' ? 2 : 1;
	case 'g':
		if (b == 'h')
			return *kind = ON_GH, 2;
		if (b == 'i')
			return *kind = ON_GI, 2;
		return *kind = ON_G, 1;
	case 'q':
		if (b == 'u')
			return *kind = ON_QU, 2;
		return 0;
	case 'c':
		if (b == 'h')
			return 2;
		return *kind = ON_C, 1;
	case 'k':
		if (b == 'h')
			return 2;
		return *kind = ON_K, 1;
	case 'p': case 't':
		return b == 'h' || (a == 't' && b == 'r') ? 2 : 1;
	case 'b': case 'd': case 'D': case 'h': case 'l': case 'm': case 'r':
	case 's': case 'v': case 'x':
		return 1;
	default:
		*kind = ON_NONE;
		return 0;
	}
}

static bool
is_coda(const char *c, size_t n)
{
	switch (n) {
	case 0:
		return true;
	case 1:
		return c[0] == 'c' || c[0] == 'm' || c[0] == 'n' || c[0] == 'p' ||
		       c[0] == 't';
	case 2:
		return (c[0] == 'c' && c[1] == 'h') ||
		       (c[0] == 'n' && (c[1] == 'g' || c[1] == 'h'));
	default:
		return false;
	}
}

int
syl_judge(const struct syl *s)
{
	const char *l = s->l;
	char rhyme[SYL_MAX + 2];
	size_t on, nuc, i, n = (size_t)s->n;
	bool has_vowel = false;
	enum onset kind;

	for (i = 0; i < n; i++)
		has_vowel |= is_vowel_code(l[i]);
	if (!has_vowel)
		return SPELL_FOREIGN; /* an abbreviation: HĐND, ĐBQH */
	on = onset_of(l, n, &kind);
	/* gi before a consonant or at the end is g + i: gì, gìn */
	if (kind == ON_GI && !is_vowel_code(l[2])) {
		kind = ON_G;
		on = 1;
	}
	if (kind == ON_QU && !is_vowel_code(l[2]))
		return n == 2 ? SPELL_INVALID : SPELL_FOREIGN;
	if (on == 0 && !is_vowel_code(l[0]))
		return SPELL_FOREIGN; /* q, or f j w z */
	if (on == n || !is_vowel_code(l[on]))
		return SPELL_FOREIGN; /* a consonant cluster: Krông, NSƯT */
	/* the rhyme; gi takes the i of iê: giếng is gi + iêng */
	i = 0;
	if (kind == ON_GI && l[on] == 'E')
		rhyme[i++] = 'i';
	memcpy(rhyme + i, l + on, n - on);
	i += n - on;
	rhyme[i] = '\0';
	for (nuc = 0; nuc < i && is_vowel_code(rhyme[nuc]); nuc++)
		;
	for (size_t k = nuc; k < i; k++)
		if (is_vowel_code(rhyme[k]))
			return SPELL_FOREIGN; /* more than one syllable */
	if (!is_coda(rhyme + nuc, i - nuc))
		return SPELL_FOREIGN; /* a coda Vietnamese lacks: Đắk */
	if (!is_rhyme(rhyme, i)) {
		/* qu takes the u of uy: quỳnh is qu + ynh, the rhyme uynh */
		char medial[SYL_MAX + 3];
		if (kind != ON_QU || rhyme[0] != 'y')
			return SPELL_INVALID;
		medial[0] = 'u';
		memcpy(medial + 1, rhyme, i + 1);
		if (!is_rhyme(medial, i + 1))
			return SPELL_INVALID;
	}
	/* p, t, c, ch end a syllable with sắc or nặng only */
	if (i > nuc && (rhyme[nuc] == 'c' || rhyme[nuc] == 'p' ||
			rhyme[nuc] == 't') && s->tone != 4 && s->tone != 5)
		return SPELL_INVALID;
	/* c k, g gh, ng ngh by the vowel after them */
	if ((kind == ON_C || kind == ON_NG) && front_vowel(rhyme[0]))
		return SPELL_ONSET_RULE;
	if (kind == ON_G && (rhyme[0] == 'e' || rhyme[0] == 'E'))
		return SPELL_ONSET_RULE;
	if ((kind == ON_K || kind == ON_GH || kind == ON_NGH) &&
	    !front_vowel(rhyme[0]))
		return SPELL_ONSET_RULE;
	if (kind == ON_QU && !strchr("aABeEiyP", rhyme[0]) &&
	    strcmp(rhyme, "Oc") != 0)
		return SPELL_INVALID;
	/* iê after a consonant, yê at the start or after qu */
	if (rhyme[0] == 'i' && rhyme[1] == 'E' && (on == 0 || kind == ON_QU))
		return SPELL_INVALID;
	if (rhyme[0] == 'y' && rhyme[1] == 'E' && on > 0 && kind != ON_QU)
		return SPELL_INVALID;
	return SPELL_OK;
}

enum spell_verdict
spell_syllable(const char *w, size_t len)
{
	struct syl s;
	int r = syl_parse(w, len, &s);

	if (r < 0)
		return SPELL_FOREIGN;
	if (r > 0)
		return SPELL_INVALID;
	r = syl_judge(&s);
	if (r == SPELL_ONSET_RULE)
		r = SPELL_INVALID;
	/* plain Latin letters: a foreign word, an abbreviation, a numeral */
	if (r == SPELL_INVALID && !s.marked)
		r = SPELL_FOREIGN;
	return (enum spell_verdict)r;
}

/* --- Corrections ----------------------------------------------------- */

/* Writes the syllable S as NFC UTF-8 into BUF. */
static bool
syl_write(const struct syl *s, char *buf, size_t size)
{
	size_t o = 0;

	for (int i = 0; i < s->n; i++) {
		utf8proc_int32_t cp[3];
		utf8proc_ssize_t k = 1;
		char c = s->l[i];
		int32_t base = c >= 'a' && c <= 'z' ? c : 0;

		switch (c) {
		case 'A': base = 'a'; cp[k++] = 0x0306; break;
		case 'B': base = 'a'; cp[k++] = 0x0302; break;
		case 'E': base = 'e'; cp[k++] = 0x0302; break;
		case 'O': base = 'o'; cp[k++] = 0x0302; break;
		case 'P': base = 'o'; cp[k++] = 0x031B; break;
		case 'U': base = 'u'; cp[k++] = 0x031B; break;
		case 'D': base = 0x0111; break;
		default: break;
		}
		if (s->up[i])
			base = utf8proc_toupper(base);
		cp[0] = base;
		if (s->tone && s->tone_at == i) {
			/* canonical order: the dot below (class 220) goes
			 * before a circumflex or breve (230) */
			if (s->tone == 5 && k == 2 && cp[1] != 0x031B) {
				cp[2] = cp[1];
				cp[1] = tone_marks[5];
				k++;
			} else {
				cp[k++] = tone_marks[s->tone];
			}
		}
		k = utf8proc_normalize_utf32(cp, k, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
		for (utf8proc_ssize_t j = 0; j < k; j++) {
			if (o + 5 > size)
				return false;
			o += utf8_encode(cp[j], buf + o);
		}
	}
	buf[o] = '\0';
	return true;
}

/* The word with letter AT replaced by C (or, when DEL, removed; or, when
 * INS, C inserted before AT). */
static void
syl_edit(const struct syl *s, struct syl *t, int at, char c, int how)
{
	*t = *s;
	if (how == 0) {
		t->l[at] = c;
		return;
	}
	if (how < 0) { /* remove letter AT */
		memmove(t->l + at, t->l + at + 1, (size_t)(t->n - at));
		memmove(t->up + at, t->up + at + 1, (size_t)(t->n - at - 1));
		t->n--;
		if (t->tone_at > at)
			t->tone_at--;
		return;
	}
	if (t->n >= SYL_MAX)
		return;
	memmove(t->l + at + 1, t->l + at, (size_t)(t->n - at + 1));
	memmove(t->up + at + 1, t->up + at, (size_t)(t->n - at));
	t->l[at] = c;
	t->up[at] = 0;
	t->n++;
	if (t->tone_at >= at)
		t->tone_at++;
}

static bool
syl_try(const struct syl *t, char *buf, size_t size)
{
	return syl_judge(t) == SPELL_OK && syl_write(t, buf, size);
}

bool
spell_suggest(const char *w, size_t len, char *buf, size_t size)
{
	/* for each letter: the letters it is mistaken for, adding a mark
	 * first, then changing it, then taking it away */
	static const struct { char from; const char *to; } swaps[] = {
		{ 'a', "AB" }, { 'e', "E" }, { 'o', "OP" }, { 'u', "U" },
		{ 'A', "Ba" }, { 'B', "Aa" }, { 'O', "Po" }, { 'P', "Oo" },
		{ 'E', "e" }, { 'U', "u" }, { 'i', "y" }, { 'y', "i" },
	};
	struct syl s, t;
	int r = syl_parse(w, len, &s);

	if (r != 0 || !s.marked || (syl_judge(&s) != SPELL_INVALID &&
				    syl_judge(&s) != SPELL_ONSET_RULE))
		return false;
	/* the consonant the vowel wants: c/k, g/gh, ng/ngh */
	if (s.l[0] == 'c') {
		syl_edit(&s, &t, 0, 'k', 0);
		if (syl_try(&t, buf, size))
			return true;
	}
	if (s.l[0] == 'k' && s.l[1] != 'h') {
		syl_edit(&s, &t, 0, 'c', 0);
		if (syl_try(&t, buf, size))
			return true;
	}
	if (s.l[0] == 'g' && s.l[1] != 'h' && s.l[1] != 'i') {
		syl_edit(&s, &t, 1, 'h', 1);
		if (syl_try(&t, buf, size))
			return true;
	}
	if (s.l[0] == 'n' && s.l[1] == 'g' && s.l[2] != 'h') {
		syl_edit(&s, &t, 2, 'h', 1);
		if (syl_try(&t, buf, size))
			return true;
	}
	if ((s.l[0] == 'g' || (s.l[0] == 'n' && s.l[1] == 'g')) &&
	    s.l[s.l[0] == 'g' ? 1 : 2] == 'h') {
		syl_edit(&s, &t, s.l[0] == 'g' ? 1 : 2, 0, -1);
		if (syl_try(&t, buf, size))
			return true;
	}
	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < s.n; i++) {
			for (size_t k = 0; k < sizeof(swaps) / sizeof(swaps[0]); k++) {
				if (swaps[k].from != s.l[i])
					continue;
				for (const char *c = swaps[k].to; *c; c++) {
					/* pass 0: a mark added (a -> ă â,
					 * o -> ô ơ, u -> ư, e -> ê) */
					bool adds = s.l[i] >= 'a' && s.l[i] <= 'z' &&
						    !(*c >= 'a' && *c <= 'z');
					if ((pass == 0) != adds)
						continue;
					syl_edit(&s, &t, i, *c, 0);
					if (syl_try(&t, buf, size))
						return true;
				}
			}
		}
	}
	return false;
}
