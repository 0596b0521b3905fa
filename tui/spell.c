/* spell.c - the spelling check: Vietnamese phonotactics (which onset,
 * medial, nucleus, coda and tone a syllable can have), the likely
 * correction of an impossible syllable, tone placement kept consistent in
 * a document, and personal names written with a lower-case syllable.
 * No dictionary: a syllable that is possible but no word is not seen.
 *
 * Letters are coded one byte each while a syllable is judged: the
 * ASCII letters, and A ă, B â, D đ, E ê, O ô, P ơ, U ư. */
#include <ctype.h>
#include <pthread.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utf8proc.h>

#include "memo.h"
#include "model.h"
#include "nls.h"
#include "spell.h"
#include "spellnames.h"
#include "text.h"
#include "text_utf8.h"
#include "xalloc.h"

#define SYL_MAX 16

struct syl {
	char l[SYL_MAX + 1]; /* coded letters, NUL-terminated */
	unsigned char up[SYL_MAX];
	int n;
	int tone;    /* 0 none, 1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng */
	int tone_at; /* the letter that carries it */
	bool marked; /* a Vietnamese letter or a tone: not plain Latin */
};

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
static pthread_once_t spell_once = PTHREAD_ONCE_INIT;
static void spell_init(void);

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

/* Reads a word into S: 0 done, -1 not Vietnamese letters, 1 two tones. */
static int
syl_parse(const char *w, size_t len, struct syl *s)
{
	size_t pos = 0;
	int bad = 0;

	pthread_once(&spell_once, spell_init);
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
spell_init(void)
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

/* What syl_judge finds beyond enum spell_verdict: a syllable that breaks
 * only the spelling rule of c/k, g/gh, ng/ngh.  Place names from
 * minority languages do (Bắc Kạn, Kon Tum): said of a Capitalised word,
 * it is no slip. */
#define SPELL_ONSET_RULE 3

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

static int
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

/* --- Documents --------------------------------------------------------- */

/* A document is read once per pass, word by word (nothing but a few
 * words and the findings is kept, so a 30 MB file costs little). */
/* Longer words are no syllables and no names: they are skipped. */
#define WORD_BYTES 64

struct word {
	uint32_t line, col;
	char nfc[WORD_BYTES];         /* the word, NFC */
	size_t nlen;
	char folded[WORD_BYTES * 2];  /* lower case */
	bool in_name;        /* inside a <name> element */
	bool joined;         /* only white space since the word before */
	bool cap;            /* Capitalised: first letter upper, no other */
	bool person;         /* part of a known person's name */
};

/* The parse and the verdict of a syllable, kept by its bytes (a memo
 * of the run): a document, and an archive, repeat the same few
 * thousand syllables, so each is parsed and judged once. */
struct verdict {
	int parsed; /* syl_parse's result */
	int judged; /* syl_judge's, when parsed is 0 */
	struct syl s;
};

struct spell {
	char **names; /* folded names with two syllables or more */
	size_t n, cap;
	struct memo_index ix;
	struct memo vc;        /* word: struct verdict */
	struct memo_docs docs; /* the documents learned */
	struct memo firsts; /* the names' first words (a phrase is a name
			     * only if its first word is one of them) */
	struct memo givens; /* the <name>s' last words: "chị Hoà" names her */
};

/* syl_parse (and syl_judge when it parses) of the word W (LEN bytes)
 * through the memo: the parse into *S, syl_judge's verdict into
 * *JUDGED (-1 when not parsed); returns syl_parse's. */
static int
verdict_of(struct memo *vc, const char *w, size_t len, struct syl *s,
	   int *judged)
{
	const void *kept = memo_get(vc, w, len); /* unaligned: copied out */
	struct verdict v;

	if (kept) {
		memcpy(&v, kept, sizeof(v));
	} else {
		v.parsed = syl_parse(w, len, &v.s);
		v.judged = v.parsed == 0 ? syl_judge(&v.s) : -1;
		memo_put(vc, w, len, &v);
	}
	*s = v.s;
	*judged = v.judged;
	return v.parsed;
}

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

static const char *
name_at(const void *v, size_t i)
{
	return ((char *const *)v)[i];
}

static bool
spell_has(const struct spell *sp, const char *s)
{
	return memo_index_find((struct memo_index *)&sp->ix, s, sp->names, name_at, sp->n,
			  false) >= 0;
}

/* Adds S (taken over) unless it is known. */
static void
spell_add(struct spell *sp, char *s)
{
	if (memo_index_find(&sp->ix, s, sp->names, name_at, sp->n, true) >= 0) {
		free(s);
		return;
	}
	if (sp->n == sp->cap) {
		sp->cap = sp->cap ? sp->cap * 2 : 16;
		sp->names = xrealloc(sp->names, sp->cap * sizeof(*sp->names));
	}
	sp->names[sp->n++] = s;
	memo_put(&sp->firsts, s, strcspn(s, " "), "");
}

/* Whether some name starts with the word FOLDED. */
static bool
spell_has_first(const struct spell *sp, const char *folded)
{
	size_t n = strlen(folded);

	/* a word too long to be kept may start a name */
	return n >= MEMO_KEY_MAX ||
	       memo_get((struct memo *)&sp->firsts, folded, n) != NULL;
}

static bool
is_word_cp(int32_t c)
{
	const utf8proc_property_t *p;

	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	p = utf8proc_get_property(c);
	return (p->category >= UTF8PROC_CATEGORY_LU &&
		p->category <= UTF8PROC_CATEGORY_LO) ||
	       is_mark_category(p->category);
}

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
			upper = c >= 0 && c < LETTER_END ? letter_tab[c].upper
						      : utf8proc_isupper(c);
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

/* A word of ASCII letters and precomposed Latin letters only (no
 * combining mark, no other script): NFC as it stands. */
static bool
plain_word(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;

	for (size_t i = 0; i < len; i++) {
		if (u[i] < 0x80)
			continue;
		if (u[i] >= 0xC2 && u[i] <= 0xC6 && i + 1 < len) {
			i++; /* U+0080..U+01BF */
			continue;
		}
		if (u[i] == 0xE1 && i + 2 < len && (u[i + 1] == 0xBA || u[i + 1] == 0xBB)) {
			i += 2; /* U+1E80..U+1EFF: Vietnamese letters */
			continue;
		}
		return false;
	}
	return true;
}

#define ascii_letter(c) (((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z'))

struct scan {
	const char *s;
	size_t len, pos;
	uint32_t line, col;
};

static void
scan_advance(struct scan *sc, size_t to)
{
	while (sc->pos < to) {
		unsigned char b = (unsigned char)sc->s[sc->pos++];
		if (b == '\n') {
			sc->line++;
			sc->col = 1;
		} else if ((b & 0xC0) != 0x80) {
			sc->col++;
		}
	}
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

struct reader {
	/* a word (which it takes over), the end of a <name> element */
	void (*word)(void *ctx, struct word *w);
	void (*name_end)(void *ctx);
	void *ctx;
};

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
	if (strncmp(s + pos, "<!--", 4) == 0)
		return find_str(s, len, pos + 4, "-->") + 3;
	if (strncmp(s + pos, "<?", 2) == 0)
		return find_str(s, len, pos + 2, "?>") + 2;
	if (strncmp(s + pos, "<!", 2) == 0)
		return find_str(s, len, pos + 2, ">") + 1;
	while (i < len && k + 1 < sizeof(tag) && isalnum((unsigned char)s[i]))
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
	if (strcmp(tag, "name") == 0 && i < len && !isalnum((unsigned char)s[i]) &&
	    !(end > 0 && end < len && s[end - 1] == '/'))
		*name_tag = closing ? -1 : 1;
	return end < len ? end + 1 : len;
}

/* Reads the words of the element texts of S (markup, comments and
 * attribute values skipped, entity references taken as separators). */
static void
words_read(const char *s, size_t len, const struct reader *rd)
{
	struct scan sc = { s, len, 0, 1, 1 };
	bool joined = false, in_name = false, any = false;

	pthread_once(&spell_once, spell_init);

	while (sc.pos < len) {
		char c = s[sc.pos];
		int32_t cp;
		size_t n, e;

		if (c == '<') {
			int name_tag;
			e = markup_end(s, len, sc.pos, &name_tag);
			if (name_tag > 0)
				in_name = true;
			if (name_tag < 0 && in_name) {
				in_name = false;
				if (rd->name_end)
					rd->name_end(rd->ctx);
			}
			joined = false;
			scan_advance(&sc, e > len ? len : e);
			continue;
		}
		if (c == '&') {
			e = sc.pos + 1;
			while (e < len && e < sc.pos + 12 && s[e] != ';' && s[e] != '<')
				e++;
			scan_advance(&sc, e < len && s[e] == ';' ? e + 1 : sc.pos + 1);
			joined = false;
			continue;
		}
		if ((unsigned char)c < 0x80 && !ascii_letter(c)) {
			/* the common case of scan_advance, one byte */
			if (c == '\n') {
				sc.line++;
				sc.col = 1;
			} else {
				sc.col++;
				if (!(c == ' ' || c == '\t' || c == '\r'))
					joined = false;
			}
			sc.pos++;
			continue;
		}
		n = utf8_at(s, len, sc.pos, &cp);
		if (!is_word_cp(cp)) {
			if (!(cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r'))
				joined = false;
			scan_advance(&sc, sc.pos + n);
			continue;
		}
		struct word w;
		w.person = false;
		w.line = sc.line;
		w.col = sc.col;
		/* a word's characters: letters and marks, never a newline,
		 * so its columns are its code points */
		uint32_t chars = 0;
		bool ascii = true;
		for (e = sc.pos; e < len; chars++) {
			int32_t d;
			if ((unsigned char)s[e] < 0x80) {
				if (!ascii_letter(s[e]))
					break;
				e++;
				continue;
			}
			size_t k = utf8_at(s, len, e, &d);
			if (!is_word_cp(d))
				break;
			e += k;
			ascii = false;
		}
		if (e - sc.pos >= WORD_BYTES) {
			sc.pos = e;
			sc.col += chars;
			joined = false;
			continue;
		}
		if (ascii) {
			/* plain_word, fold_case and word_capitalised at once */
			bool later_upper = false;
			w.nlen = e - sc.pos;
			memcpy(w.nfc, s + sc.pos, w.nlen);
			for (size_t i = 0; i < w.nlen; i++) {
				bool up = w.nfc[i] >= 'A' && w.nfc[i] <= 'Z';
				w.folded[i] = (char)(up ? w.nfc[i] + 32 : w.nfc[i]);
				later_upper |= up && i;
			}
			w.folded[w.nlen] = '\0';
			w.cap = !later_upper && w.nfc[0] >= 'A' && w.nfc[0] <= 'Z';
		} else if (plain_word(s + sc.pos, e - sc.pos) ||
		    text_is_clean(s + sc.pos, e - sc.pos)) {
			memcpy(w.nfc, s + sc.pos, e - sc.pos);
			w.nlen = e - sc.pos;
		} else {
			char *nfc = text_repair(s + sc.pos, e - sc.pos, &w.nlen);
			if (!nfc)
				mn_oom();
			if (w.nlen >= WORD_BYTES)
				w.nlen = 0;
			memcpy(w.nfc, nfc, w.nlen);
			free(nfc);
			if (!w.nlen) {
				scan_advance(&sc, e);
				joined = false;
				continue;
			}
		}
		w.nfc[w.nlen] = '\0';
		if (!ascii) {
			fold_case(w.nfc, w.nlen, w.folded);
			w.cap = word_capitalised(w.nfc, w.nlen);
		}
		w.in_name = in_name;
		w.joined = joined && any;
		sc.pos = e;
		sc.col += chars;
		joined = any = true;
		rd->word(rd->ctx, &w);
	}
}

/* Words own no memory: a word that goes needs nothing done. */
static void
word_free(struct word *w)
{
	(void)w;
}

/* The last few words, for what looks across words (names). */
#define NAME_MAX_WORDS 5
#define RING NAME_MAX_WORDS

struct ring {
	struct word w[RING];
	size_t n;    /* words held, oldest first */
	size_t head; /* the oldest word's slot (words are never moved) */
};

/* Ring word I (0 the oldest). */
static struct word *
ring_at(const struct ring *r, size_t i)
{
	return (struct word *)&r->w[r->head + i - (r->head + i >= RING ? RING : 0)];
}

/* The folded phrase of ring words [i, i + k) when they are joined. */
static char *
ring_phrase(const struct ring *r, size_t i, size_t k)
{
	size_t total = 0;
	char *out, *p;

	if (i + k > r->n)
		return NULL;
	for (size_t j = i; j < i + k; j++) {
		if (j > i && !ring_at(r, j)->joined)
			return NULL;
		total += strlen(ring_at(r, j)->folded) + 1;
	}
	out = p = xrealloc(NULL, total + 1);
	for (size_t j = i; j < i + k; j++) {
		if (j > i)
			*p++ = ' ';
		strcpy(p, ring_at(r, j)->folded);
		p += strlen(ring_at(r, j)->folded);
	}
	*p = '\0';
	return out;
}

struct spell *
spell_new(void)
{
	struct spell *sp = xrealloc(NULL, sizeof(*sp));

	memset(sp, 0, sizeof(*sp));
	memo_init(&sp->vc, sizeof(struct verdict), 65536); /* syllables */
	memo_init(&sp->firsts, 0, SIZE_MAX); /* never full */
	memo_init(&sp->givens, 0, SIZE_MAX);
	for (const char *const *n = spell_national_names; *n; n++)
		spell_add(sp, xstrndup(*n, strlen(*n)));
	return sp;
}

void
spell_free(struct spell *sp)
{
	if (!sp)
		return;
	for (size_t i = 0; i < sp->n; i++)
		free(sp->names[i]);
	free(sp->names);
	free(sp->ix.slot);
	memo_free(&sp->vc);
	memo_docs_free(&sp->docs);
	memo_free(&sp->firsts);
	memo_free(&sp->givens);
	free(sp);
}

/* Learning: the <name> texts, and runs of three to five joined
 * Capitalised words. */
struct learn {
	struct spell *sp;
	char *name;     /* the <name> text so far */
	size_t name_words;
	struct ring run;
	bool run_long;  /* more than NAME_MAX_WORDS: no name */
};

static void
learn_run_end(struct learn *l)
{
	size_t from = l->run.n > 0 && spell_is_honorific(l->run.w[0].folded);

	if (l->run.n - from >= 3 && !l->run_long)
		spell_add(l->sp, ring_phrase(&l->run, from, l->run.n - from));
	for (size_t i = 0; i < l->run.n; i++)
		word_free(&l->run.w[i]);
	l->run.n = 0;
	l->run_long = false;
}

static void
learn_word(void *ctx, struct word *w)
{
	struct learn *l = ctx;

	if (w->in_name) {
		size_t have = l->name ? strlen(l->name) : 0;
		l->name = xrealloc(l->name, have + strlen(w->folded) + 2);
		if (have)
			l->name[have++] = ' ';
		strcpy(l->name + have, w->folded);
		l->name_words++;
	}
	if (!w->cap || !w->joined)
		learn_run_end(l);
	if (!w->cap) {
		word_free(w);
		return;
	}
	if (l->run.n == RING) {
		l->run_long = true;
		word_free(w);
		return;
	}
	l->run.w[l->run.n++] = *w;
}

static void
learn_name_end(void *ctx)
{
	struct learn *l = ctx;
	const char *g = l->name ? strrchr(l->name, ' ') : NULL;

	if ((g = g ? g + 1 : l->name) && !memo_get(&l->sp->givens, g, strlen(g)))
		memo_put(&l->sp->givens, g, strlen(g), "");
	if (l->name && l->name_words >= 2)
		spell_add(l->sp, l->name);
	else
		free(l->name);
	l->name = NULL;
	l->name_words = 0;
}

void
spell_learn(struct spell *sp, const char *s, size_t len)
{
	struct learn l = { sp, NULL, 0, { .n = 0 }, false };
	struct reader rd = { learn_word, learn_name_end, &l };

	/* learning is idempotent: a document learned before adds nothing */
	if (memo_docs_seen(&sp->docs, s, len))
		return;
	words_read(s, len, &rd);
	learn_run_end(&l);
	free(l.name);
}

/* The bytes of a regular file (never blocks on a FIFO or a device). */
static char *
read_file(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	char *buf = NULL;
	size_t n = 0, cap = 0;
	ssize_t r;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return NULL;
	}
	for (;;) {
		if (cap - n < 65536) {
			cap = cap ? cap * 2 : 65536;
			buf = xrealloc(buf, cap);
		}
		r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	if (r < 0) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

bool
spell_learn_file(struct spell *sp, const char *path)
{
	size_t len;
	char *s = read_file(path, &len);

	if (!s)
		return false;
	spell_learn(sp, s, len);
	free(s);
	return true;
}

/* --- The checks -------------------------------------------------------- */

struct finding {
	uint32_t line, col;
	char *msg;
};

/* (b): one spelling of a syllable (its letters and tone, the letter
 * that carries the tone) */
struct placement {
	char key[SYL_MAX + 3];   /* letters and tone */
	char where[SYL_MAX + 8]; /* the key and the tone's letter */
	int tone_at;
	size_t count;
	uint32_t line, col; /* the first one */
	char *first;        /* as written there */
};

struct check {
	struct spell *sp;
	struct ring r;
	struct finding *f;
	size_t nf, cf;
	struct placement *pl;
	size_t npl, cpl;
	struct memo_index ix;
};

static void
finding_add(struct check *ck, uint32_t line, uint32_t col, const char *msg)
{
	if (ck->nf == ck->cf) {
		ck->cf = ck->cf ? ck->cf * 2 : 16;
		ck->f = xrealloc(ck->f, ck->cf * sizeof(*ck->f));
	}
	ck->f[ck->nf].line = line;
	ck->f[ck->nf].col = col;
	ck->f[ck->nf].msg = xstrndup(msg, strlen(msg));
	ck->nf++;
}

static int
finding_cmp(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return 0;
}

static bool
has_marks(const struct word *w)
{
	for (size_t i = 0; i < w->nlen; i++)
		if ((unsigned char)w->nfc[i] >= 0x80)
			return true;
	return false;
}

static const char *
placement_at(const void *v, size_t i)
{
	return ((const struct placement *)v)[i].where;
}

/* (a) a syllable no Vietnamese word can have */
static void
check_syllable(struct check *ck, const struct word *w, int r, int judged)
{
	char msg[256], fix[64];

	if (!has_marks(w))
		return;
	if (r < 0 || (r == 0 && (r = judged) != SPELL_INVALID &&
			   !(r == SPELL_ONSET_RULE && !w->cap)))
		return;
	if (spell_suggest(w->nfc, w->nlen, fix, sizeof(fix)))
		snprintf(msg, sizeof(msg),
			 _("\"%s\" is not a Vietnamese syllable (%s?)"), w->nfc, fix);
	else
		snprintf(msg, sizeof(msg),
			 _("\"%s\" is not a Vietnamese syllable"), w->nfc);
	finding_add(ck, w->line, w->col, msg);
}

/* (b) counted here, reported at the end */
static void
count_placement(struct check *ck, const struct word *w, int r,
		const struct syl *sy, int judged)
{
	char key[SYL_MAX + 3];
	const struct syl s = *sy;
	size_t k;

	if (w->person || r != 0 || !s.tone || judged != (int)SPELL_OK)
		return;
	char where[SYL_MAX + 8];
	long found;
	/* letters, the tone, '@', the tone's letter (no printf: it runs
	 * for every toned word) */
	size_t kl = (size_t)s.n;
	memcpy(key, s.l, kl);
	key[kl++] = (char)('0' + s.tone);
	key[kl] = '\0';
	memcpy(where, key, kl);
	where[kl++] = '@';
	where[kl++] = (char)('a' + s.tone_at);
	where[kl] = '\0';
	found = memo_index_find(&ck->ix, where, ck->pl, placement_at, ck->npl, true);
	k = found >= 0 ? (size_t)found : ck->npl;
	if (k == ck->npl) {
		if (ck->npl == ck->cpl) {
			ck->cpl = ck->cpl ? ck->cpl * 2 : 64;
			ck->pl = xrealloc(ck->pl, ck->cpl * sizeof(*ck->pl));
		}
		memcpy(ck->pl[k].key, key, sizeof(key));
		memcpy(ck->pl[k].where, where, sizeof(where));
		ck->pl[k].tone_at = s.tone_at;
		ck->pl[k].count = 0;
		ck->pl[k].line = w->line;
		ck->pl[k].col = w->col;
		ck->pl[k].first = xstrndup(w->nfc, w->nlen);
		ck->npl++;
	}
	ck->pl[k].count++;
}

static int
placement_cmp(const void *a, const void *b)
{
	const struct placement *x = a, *y = b;
	int r = strcmp(x->key, y->key);

	if (r)
		return r;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

static void
report_placements(struct check *ck)
{
	char msg[256];

	/* the spellings of one syllable side by side, first seen first */
	if (ck->npl > 1)
		qsort(ck->pl, ck->npl, sizeof(*ck->pl), placement_cmp);
	for (size_t g = 0; g < ck->npl;) {
		size_t e = g, best = g;
		while (e < ck->npl && strcmp(ck->pl[e].key, ck->pl[g].key) == 0) {
			if (ck->pl[e].count > ck->pl[best].count)
				best = e;
			e++;
		}
		for (size_t k = g; k < e; k++) {
			if (k == best)
				continue;
			/* TRANSLATORS: the counts are of the two spellings */
			snprintf(msg, sizeof(msg),
				 _("tone placement: \"%s\" (%zu) where this document "
				   "mostly writes \"%s\" (%zu)"),
				 ck->pl[k].first, ck->pl[k].count, ck->pl[best].first,
				 ck->pl[best].count);
			finding_add(ck, ck->pl[k].line, ck->pl[k].col, msg);
		}
		g = e;
	}
	for (size_t k = 0; k < ck->npl; k++)
		free(ck->pl[k].first);
	free(ck->pl);
	free(ck->ix.slot);
}

/* (c) the known name starting at ring word 0, if any, marks its words;
 * one with a lower-case syllable is reported */
static void
check_name(struct check *ck)
{
	struct ring *r = &ck->r;
	char msg[512], as[256], want[256];
	size_t k, low = 0;

	if (!ring_at(r, 0)->cap || ring_at(r, 0)->person ||
	    !spell_has_first(ck->sp, ring_at(r, 0)->folded))
		return;
	for (k = r->n; k >= 2; k--) {
		char *p = ring_phrase(r, 0, k);
		bool hit = p && spell_has(ck->sp, p);
		free(p);
		if (hit)
			break;
	}
	if (k < 2)
		return;
	for (size_t j = 0; j < k; j++) {
		ring_at(r, j)->person = true;
		if (!ring_at(r, j)->cap && !low)
			low = j;
	}
	if (!low)
		return;
	as[0] = want[0] = '\0';
	for (size_t j = 0; j < k; j++) {
		const struct word *w = ring_at(r, j);
		size_t a = strlen(as), b = strlen(want);
		snprintf(as + a, sizeof(as) - a, "%s%s", j ? " " : "", w->nfc);
		if (!w->cap) {
			int32_t c;
			size_t n = utf8_at(w->folded, strlen(w->folded), 0, &c);
			char up[8];
			up[utf8_encode(utf8proc_toupper(c), up)] = '\0';
			snprintf(want + b, sizeof(want) - b, "%s%s%s",
				 j ? " " : "", up, w->folded + n);
		} else {
			snprintf(want + b, sizeof(want) - b, "%s%s", j ? " " : "",
				 w->nfc);
		}
	}
	snprintf(msg, sizeof(msg),
		 _("\"%s\": the name is written \"%s\" elsewhere"), as, want);
	finding_add(ck, ring_at(r, low)->line, ring_at(r, low)->col, msg);
}

/* The oldest word of the ring: every check, then it goes. */
static void
check_oldest(struct check *ck)
{
	struct ring *r = &ck->r;

	if (ring_at(r, 0)->in_name)
		ring_at(r, 0)->person = true;
	check_name(ck);
	/* one parse and verdict for both checks */
	const struct word *w = ring_at(r, 0);
	struct syl s;
	int judged, parsed = verdict_of(&ck->sp->vc, w->nfc, w->nlen, &s, &judged);
	check_syllable(ck, w, parsed, judged);
	/* a given name alone ("chị Hoà", not "Hoà Thuận") is spelled as hers */
	const struct word *next = r->n > 1 ? ring_at(r, 1) : NULL;
	if (!w->cap || (next && next->cap && next->joined) ||
	    !memo_get(&ck->sp->givens, w->folded, strlen(w->folded)))
		count_placement(ck, w, parsed, &s, judged);
	word_free(ring_at(r, 0));
	r->head = r->head + 1 == RING ? 0 : r->head + 1;
	r->n--;
}

static void
check_word(void *ctx, struct word *w)
{
	struct check *ck = ctx;

	if (ck->r.n == RING)
		check_oldest(ck);
	*ring_at(&ck->r, ck->r.n++) = *w;
}

size_t
spell_check(struct spell *sp, const char *s, size_t len, spell_warn_fn warn,
	    void *arg)
{
	struct check ck;
	struct reader rd = { check_word, NULL, &ck };
	size_t n;

	spell_learn(sp, s, len);
	memset(&ck, 0, sizeof(ck));
	ck.sp = sp;
	words_read(s, len, &rd);
	while (ck.r.n > 0)
		check_oldest(&ck);
	report_placements(&ck);
	if (ck.nf > 1)
		qsort(ck.f, ck.nf, sizeof(*ck.f), finding_cmp);
	for (size_t i = 0; i < ck.nf; i++) {
		if (warn)
			warn(arg, ck.f[i].line, ck.f[i].col, ck.f[i].msg);
		free(ck.f[i].msg);
	}
	free(ck.f);
	n = ck.nf;
	return n;
}

struct file_out {
	FILE *out;
	const char *path;
};

static void
print_warning(void *arg, uint32_t line, uint32_t col, const char *msg)
{
	struct file_out *fo = arg;
	char *path = text_sanitize(fo->path, strlen(fo->path), false);
	char *safe = text_sanitize(msg, strlen(msg), false);

	fprintf(fo->out, "%s:%u:%u: %s: %s\n", path ? path : "", line, col,
		_("warning"), safe ? safe : "");
	free(path);
	free(safe);
}

size_t
spell_check_file(struct spell *sp, const char *path, FILE *out)
{
	struct file_out fo = { out, path };
	size_t len, n;
	char *s = read_file(path, &len);

	if (!s)
		return 0;
	n = spell_check(sp, s, len, print_warning, &fo);
	free(s);
	return n;
}
