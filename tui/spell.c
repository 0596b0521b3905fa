/* spell.c - the spelling check: Vietnamese phonotactics (which onset,
 * medial, nucleus, coda and tone a syllable can have), the likely
 * correction of an impossible syllable, tone placement kept consistent in
 * a document, and personal names written with a lower-case syllable.
 * No dictionary: a syllable that is possible but no word is not seen.
 *
 * Letters are coded one byte each while a syllable is judged: the
 * ASCII letters, and A ă, B â, D đ, E ê, O ô, P ơ, U ư. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "nls.h"
#include "spell.h"
#include "text.h"
#include "text_utf8.h"

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

/* Reads a word into S: 0 done, -1 not Vietnamese letters, 1 two tones. */
static int
syl_parse(const char *w, size_t len, struct syl *s)
{
	size_t pos = 0;
	int bad = 0;

	memset(s, 0, sizeof(*s));
	while (pos < len) {
		int32_t c, d[6], base, mod = 0, lo;
		utf8proc_ssize_t n;
		int bc = 0, upper;

		pos += utf8_at(w, len, pos, &c);
		if (c < 0 || s->n >= SYL_MAX)
			return -1;
		upper = utf8proc_isupper(c);
		lo = utf8proc_tolower(c);
		if (s->n > 0 && is_mark_category(utf8proc_get_property(c)->category)) {
			/* a mark NFC left apart: one tone too many, or foreign */
			if (!tone_of_mark(c) || !s->tone)
				return -1;
			bad = 1;
			continue;
		}
		if (lo == 0x0111) {
			s->up[s->n] = (unsigned char)upper;
			s->l[s->n++] = 'D';
			s->marked = true;
			continue;
		}
		n = utf8proc_decompose_char(lo, d, 6, UTF8PROC_DECOMPOSE, &bc);
		if (n < 1 || n > 6)
			return -1;
		base = d[0];
		if (base < 'a' || base > 'z' || base == 'f' || base == 'j' ||
		    base == 'w' || base == 'z')
			return -1;
		for (utf8proc_ssize_t i = 1; i < n; i++) {
			int t = tone_of_mark(d[i]);
			if (t) {
				if (s->tone)
					bad = 1;
				s->tone = t;
				s->tone_at = s->n;
			} else if (!mod) {
				mod = d[i];
			} else {
				return -1;
			}
		}
		if (n > 1)
			s->marked = true;
		char code = letter_code(base, mod);
		if (!code)
			return -1;
		s->up[s->n] = (unsigned char)upper;
		s->l[s->n++] = code;
	}
	s->l[s->n] = '\0';
	return bad;
}

static bool
is_vowel_code(char c)
{
	return c && strchr("aABeEioOPuUy", c) != NULL;
}

static bool
in_words(const char *const *list, const char *w, size_t n)
{
	for (; *list; list++)
		if (strlen(*list) == n && memcmp(*list, w, n) == 0)
			return true;
	return false;
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

static const char *const onsets[] = {
	"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
	"b", "c", "d", "D", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t",
	"v", "x", NULL
};

static const char *const codas[] = {
	"", "c", "ch", "m", "n", "ng", "nh", "p", "t", NULL
};

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

static int
syl_judge(const struct syl *s)
{
	const char *l = s->l, *onset = "";
	char rhyme[SYL_MAX + 2];
	size_t on = 0, nuc, i, n = (size_t)s->n;
	bool has_vowel = false;

	for (i = 0; i < n; i++)
		has_vowel |= is_vowel_code(l[i]);
	if (!has_vowel)
		return SPELL_FOREIGN; /* an abbreviation: HĐND, ĐBQH */
	for (const char *const *o = onsets; *o; o++) {
		size_t k = strlen(*o);
		if (k <= n && memcmp(l, *o, k) == 0) {
			onset = *o;
			on = k;
			break;
		}
	}
	/* gi before a consonant or at the end is g + i: gì, gìn */
	if (strcmp(onset, "gi") == 0 && !is_vowel_code(l[2])) {
		onset = "g";
		on = 1;
	}
	if (strcmp(onset, "qu") == 0 && !is_vowel_code(l[2]))
		return n == 2 ? SPELL_INVALID : SPELL_FOREIGN;
	if (on == 0 && !is_vowel_code(l[0]))
		return SPELL_FOREIGN; /* q, or f j w z */
	if (on == n || !is_vowel_code(l[on]))
		return SPELL_FOREIGN; /* a consonant cluster: Krông, NSƯT */
	/* the rhyme; gi takes the i of iê: giếng is gi + iêng */
	i = 0;
	if (strcmp(onset, "gi") == 0 && l[on] == 'E')
		rhyme[i++] = 'i';
	memcpy(rhyme + i, l + on, n - on);
	i += n - on;
	rhyme[i] = '\0';
	for (nuc = 0; nuc < i && is_vowel_code(rhyme[nuc]); nuc++)
		;
	for (size_t k = nuc; k < i; k++)
		if (is_vowel_code(rhyme[k]))
			return SPELL_FOREIGN; /* more than one syllable */
	if (!in_words(codas, rhyme + nuc, i - nuc))
		return SPELL_FOREIGN; /* a coda Vietnamese lacks: Đắk */
	if (!in_words(rhymes, rhyme, i))
		return SPELL_INVALID;
	/* p, t, c, ch end a syllable with sắc or nặng only */
	if (i > nuc && strchr("cpt", rhyme[nuc]) && s->tone != 4 &&
	    s->tone != 5)
		return SPELL_INVALID;
	/* c k, g gh, ng ngh by the vowel after them */
	if ((strcmp(onset, "c") == 0 || strcmp(onset, "ng") == 0) &&
	    front_vowel(rhyme[0]))
		return SPELL_ONSET_RULE;
	if (strcmp(onset, "g") == 0 && (rhyme[0] == 'e' || rhyme[0] == 'E'))
		return SPELL_ONSET_RULE;
	if ((strcmp(onset, "k") == 0 || strcmp(onset, "gh") == 0 ||
	     strcmp(onset, "ngh") == 0) && !front_vowel(rhyme[0]))
		return SPELL_ONSET_RULE;
	if (strcmp(onset, "qu") == 0 && !strchr("aABeEiyP", rhyme[0]) &&
	    strcmp(rhyme, "Oc") != 0)
		return SPELL_INVALID;
	/* iê after a consonant, yê at the start or after qu */
	if (rhyme[0] == 'i' && rhyme[1] == 'E' && (on == 0 || strcmp(onset, "qu") == 0))
		return SPELL_INVALID;
	if (rhyme[0] == 'y' && rhyme[1] == 'E' && on > 0 && strcmp(onset, "qu") != 0)
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
		if (s->tone && s->tone_at == i)
			cp[k++] = tone_marks[s->tone];
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

	if (r != 0 || (syl_judge(&s) != SPELL_INVALID &&
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

struct word {
	size_t off, len;     /* the raw bytes */
	uint32_t line, col;
	char *nfc;           /* the word, NFC */
	size_t nlen;
	bool in_name;        /* inside a <name> element */
	bool joined;         /* only white space since the word before */
	bool cap, lower;     /* Capitalised / all lower case */
	bool person;         /* part of a known person's name */
};

struct words {
	struct word *w;
	size_t n, cap;
	char **names;        /* the <name> texts, folded: "hồ chí minh" */
	size_t nnames, cnames;
};

struct spell {
	char **names; /* folded names with two syllables or more */
	size_t n, cap;
};

static void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q) {
		fputs("minutes: out of memory\n", stderr);
		abort();
	}
	return q;
}

static char *
xstrndup(const char *s, size_t n)
{
	char *p = xrealloc(NULL, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* The word in lower case (NFC), malloc'd. */
static char *
fold_case(const char *s, size_t len)
{
	char *out = xrealloc(NULL, len * 2 + 1);
	size_t pos = 0, o = 0;

	while (pos < len) {
		int32_t c;
		pos += utf8_at(s, len, pos, &c);
		if (c < 0)
			c = CP_REPLACEMENT;
		o += utf8_encode(utf8proc_tolower(c), out + o);
	}
	out[o] = '\0';
	return out;
}

static void
list_add(char ***list, size_t *n, size_t *cap, char *s)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*list)[i], s) == 0) {
			free(s);
			return;
		}
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*list = xrealloc(*list, *cap * sizeof(**list));
	}
	(*list)[(*n)++] = s;
}

static bool
list_has(char *const *list, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return true;
	return false;
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

/* Capitalised: the first letter upper case, no other; lower: none. */
static void
word_case(struct word *w)
{
	size_t pos = 0;
	bool first = true;

	w->cap = false;
	w->lower = true;
	while (pos < w->nlen) {
		int32_t c;
		pos += utf8_at(w->nfc, w->nlen, pos, &c);
		if (utf8proc_isupper(c)) {
			w->lower = false;
			w->cap = first;
			if (!first) {
				w->cap = false;
				return;
			}
		}
		first = false;
	}
}

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

/* Reads the words of the element texts of S. */
static void
words_read(struct words *ws, const char *s, size_t len)
{
	struct scan sc = { s, len, 0, 1, 1 };
	char stack_top[16] = "";
	int depth = 0, name_depth = -1;
	bool joined = false;
	size_t name_start = 0;

	memset(ws, 0, sizeof(*ws));
	while (sc.pos < len) {
		char c = s[sc.pos];

		if (c == '<') {
			size_t end;
			joined = false;
			if (strncmp(s + sc.pos, "<!--", 4) == 0) {
				end = find_str(s, len, sc.pos + 4, "-->") + 3;
			} else if (strncmp(s + sc.pos, "<?", 2) == 0) {
				end = find_str(s, len, sc.pos + 2, "?>") + 2;
			} else if (strncmp(s + sc.pos, "<!", 2) == 0) {
				end = find_str(s, len, sc.pos + 2, ">") + 1;
			} else {
				bool closing = sc.pos + 1 < len && s[sc.pos + 1] == '/';
				size_t i = sc.pos + 1 + closing, k = 0;
				char q = 0;
				while (i < len && k + 1 < sizeof(stack_top) &&
				       (isalnum((unsigned char)s[i]) || s[i] == ':' ||
					s[i] == '-' || s[i] == '_'))
					stack_top[k++] = s[i++];
				stack_top[k] = '\0';
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
				bool empty = end > 0 && end < len && s[end - 1] == '/';
				end = end < len ? end + 1 : len;
				if (closing) {
					depth--;
					if (depth == name_depth) {
						/* the name just read */
						name_depth = -1;
						if (ws->n > name_start) {
							size_t total = 0;
							for (size_t w = name_start; w < ws->n; w++)
								total += ws->w[w].nlen + 1;
							char *nm = xrealloc(NULL, total + 1), *p = nm;
							for (size_t w = name_start; w < ws->n; w++) {
								char *f = fold_case(ws->w[w].nfc, ws->w[w].nlen);
								if (p > nm)
									*p++ = ' ';
								strcpy(p, f);
								p += strlen(f);
								free(f);
							}
							*p = '\0';
							if (ws->n - name_start >= 2)
								list_add(&ws->names, &ws->nnames, &ws->cnames, nm);
							else
								free(nm);
						}
					}
				} else if (!empty) {
					if (strcmp(stack_top, "name") == 0 && name_depth < 0) {
						name_depth = depth;
						name_start = ws->n;
					}
					depth++;
				}
			}
			if (end > len)
				end = len;
			scan_advance(&sc, end);
			continue;
		}
		if (c == '&') {
			size_t e = sc.pos + 1;
			while (e < len && e < sc.pos + 12 && s[e] != ';' && s[e] != '<')
				e++;
			scan_advance(&sc, e < len && s[e] == ';' ? e + 1 : sc.pos + 1);
			joined = false;
			continue;
		}
		int32_t cp;
		size_t n = utf8_at(s, len, sc.pos, &cp);
		if (!is_word_cp(cp)) {
			if (!(cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r'))
				joined = false;
			scan_advance(&sc, sc.pos + n);
			continue;
		}
		/* a word */
		struct word w;
		size_t e = sc.pos;
		memset(&w, 0, sizeof(w));
		w.off = sc.pos;
		w.line = sc.line;
		w.col = sc.col;
		while (e < len) {
			int32_t d;
			size_t k = utf8_at(s, len, e, &d);
			if (!is_word_cp(d))
				break;
			e += k;
		}
		w.len = e - sc.pos;
		w.nfc = text_repair(s + w.off, w.len, &w.nlen);
		if (!w.nfc) {
			fputs("minutes: out of memory\n", stderr);
			abort();
		}
		w.in_name = name_depth >= 0;
		w.joined = joined && ws->n > 0;
		word_case(&w);
		if (ws->n == ws->cap) {
			ws->cap = ws->cap ? ws->cap * 2 : 256;
			ws->w = xrealloc(ws->w, ws->cap * sizeof(*ws->w));
		}
		ws->w[ws->n++] = w;
		scan_advance(&sc, e);
		joined = true;
	}
}

static void
words_free(struct words *ws)
{
	for (size_t i = 0; i < ws->n; i++)
		free(ws->w[i].nfc);
	free(ws->w);
	for (size_t i = 0; i < ws->nnames; i++)
		free(ws->names[i]);
	free(ws->names);
}

/* The folded text of words [i, i + k) when they are joined, else NULL. */
static char *
words_phrase(const struct words *ws, size_t i, size_t k)
{
	size_t total = 0;
	char *out, *p;

	if (i + k > ws->n)
		return NULL;
	for (size_t j = i; j < i + k; j++) {
		if (j > i && !ws->w[j].joined)
			return NULL;
		total += ws->w[j].nlen + 1;
	}
	out = p = xrealloc(NULL, total * 2 + 1);
	for (size_t j = i; j < i + k; j++) {
		char *f = fold_case(ws->w[j].nfc, ws->w[j].nlen);
		if (j > i)
			*p++ = ' ';
		strcpy(p, f);
		p += strlen(f);
		free(f);
	}
	*p = '\0';
	return out;
}

/* Names every clerk writes, so that "Hồ Chí minh" is seen in a file
 * that has no "Hồ Chí Minh" of its own. */
static const char *const national_names[] = {
	"h\xE1\xBB\x93 ch\xC3\xAD minh",                          /* Hồ Chí Minh */
	"v\xC3\xB5 nguy\xC3\xAAn gi\xC3\xA1p",                    /* Võ Nguyên Giáp */
	"t\xC3\xB4n \xC4\x91\xE1\xBB\xA9\x63 th\xE1\xBA\xAFng",    /* Tôn Đức Thắng */
	"ph\xE1\xBA\xA1m v\xC4\x83n \xC4\x91\xE1\xBB\x93ng",      /* Phạm Văn Đồng */
	"nguy\xE1\xBB\x85n \xC3\xA1i qu\xE1\xBB\x91\x63",          /* Nguyễn Ái Quốc */
	"tr\xE1\xBA\xA7n h\xC6\xB0ng \xC4\x91\xE1\xBA\xA1o",      /* Trần Hưng Đạo */
	NULL
};

struct spell *
spell_new(void)
{
	struct spell *sp = xrealloc(NULL, sizeof(*sp));

	memset(sp, 0, sizeof(*sp));
	for (const char *const *n = national_names; *n; n++)
		list_add(&sp->names, &sp->n, &sp->cap, xstrndup(*n, strlen(*n)));
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
	free(sp);
}

#define NAME_MAX_WORDS 5

/* The names of a document: its <name> texts, and runs of three or more
 * joined Capitalised words in its texts. */
static void
learn_words(struct spell *sp, const struct words *ws)
{
	for (size_t i = 0; i < ws->nnames; i++)
		list_add(&sp->names, &sp->n, &sp->cap,
			 xstrndup(ws->names[i], strlen(ws->names[i])));
	for (size_t i = 0; i < ws->n;) {
		size_t k = 0;
		while (i + k < ws->n && ws->w[i + k].cap &&
		       (k == 0 || ws->w[i + k].joined))
			k++;
		if (k >= 3 && k <= NAME_MAX_WORDS) {
			char *p = words_phrase(ws, i, k);
			if (p)
				list_add(&sp->names, &sp->n, &sp->cap, p);
		}
		i += k ? k : 1;
	}
}

void
spell_learn(struct spell *sp, const char *s, size_t len)
{
	struct words ws;

	words_read(&ws, s, len);
	learn_words(sp, &ws);
	words_free(&ws);
}

static char *
read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0, r;

	if (!f)
		return NULL;
	do {
		if (cap - n < 65536) {
			cap = cap ? cap * 2 : 65536;
			buf = xrealloc(buf, cap);
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
	} while (r > 0);
	fclose(f);
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

struct findings {
	struct finding *f;
	size_t n, cap;
};

static void
finding_add(struct findings *fs, const struct word *w, const char *msg)
{
	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? fs->cap * 2 : 16;
		fs->f = xrealloc(fs->f, fs->cap * sizeof(*fs->f));
	}
	fs->f[fs->n].line = w->line;
	fs->f[fs->n].col = w->col;
	fs->f[fs->n].msg = xstrndup(msg, strlen(msg));
	fs->n++;
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

/* (a) syllables no Vietnamese word can have */
static void
check_syllables(const struct words *ws, struct findings *fs)
{
	char msg[256], fix[64];

	for (size_t i = 0; i < ws->n; i++) {
		const struct word *w = &ws->w[i];
		struct syl s;
		int r;
		if (!has_marks(w))
			continue;
		r = syl_parse(w->nfc, w->nlen, &s);
		if (r < 0 || (r == 0 && (r = syl_judge(&s)) != SPELL_INVALID &&
				   !(r == SPELL_ONSET_RULE && !w->cap)))
			continue;
		if (spell_suggest(w->nfc, w->nlen, fix, sizeof(fix)))
			snprintf(msg, sizeof(msg),
				 _("\"%s\" is not a Vietnamese syllable (%s?)"),
				 w->nfc, fix);
		else
			snprintf(msg, sizeof(msg),
				 _("\"%s\" is not a Vietnamese syllable"), w->nfc);
		finding_add(fs, w, msg);
	}
}

/* Marks the words that are part of a known person's name. */
static void
mark_persons(struct words *ws, const struct spell *sp)
{
	for (size_t i = 0; i < ws->n; i++) {
		if (ws->w[i].in_name) {
			ws->w[i].person = true;
			continue;
		}
		for (size_t k = NAME_MAX_WORDS; k >= 2; k--) {
			char *p = words_phrase(ws, i, k);
			bool hit = p && list_has(sp->names, sp->n, p);
			free(p);
			if (hit) {
				for (size_t j = i; j < i + k; j++)
					ws->w[j].person = true;
				break;
			}
		}
	}
}

/* (c) a name with a lower-case syllable: "Hồ Chí minh" */
static void
check_names(const struct words *ws, const struct spell *sp,
	    struct findings *fs)
{
	char msg[512];

	for (size_t i = 0; i < ws->n; i++) {
		if (!ws->w[i].cap)
			continue;
		for (size_t k = NAME_MAX_WORDS; k >= 2; k--) {
			size_t low = 0;
			char *p = words_phrase(ws, i, k);
			if (!p || !list_has(sp->names, sp->n, p)) {
				free(p);
				continue;
			}
			free(p);
			for (size_t j = i + 1; j < i + k; j++)
				if (!ws->w[j].cap && !low)
					low = j;
			if (low) {
				/* the name as written, and as it should be */
				char as[256] = "", want[256] = "";
				for (size_t j = i; j < i + k; j++) {
					const struct word *w = &ws->w[j];
					size_t a = strlen(as), b = strlen(want);
					snprintf(as + a, sizeof(as) - a, "%s%s",
						 j > i ? " " : "", w->nfc);
					if (!w->cap && w->nlen > 0) {
						int32_t c;
						size_t n = utf8_at(w->nfc, w->nlen, 0, &c);
						char up[8];
						up[utf8_encode(utf8proc_toupper(c), up)] = '\0';
						snprintf(want + b, sizeof(want) - b,
							 "%s%s%.*s", j > i ? " " : "", up,
							 (int)(w->nlen - n), w->nfc + n);
					} else {
						snprintf(want + b, sizeof(want) - b,
							 "%s%s", j > i ? " " : "", w->nfc);
					}
				}
				snprintf(msg, sizeof(msg),
					 _("\"%s\": the name is written \"%s\" "
					   "elsewhere"), as, want);
				finding_add(fs, &ws->w[low], msg);
			}
			i += k - 1;
			break;
		}
	}
}

/* (b) one syllable, two tone placements: "Ủy" and "Uỷ" */
struct placement {
	char key[SYL_MAX + 3]; /* letters, then the tone */
	int tone_at;
	size_t count, first;   /* how many, the first word */
};

static void
check_tones(const struct words *ws, struct findings *fs)
{
	struct placement *pl = NULL;
	size_t npl = 0, cap = 0;
	char msg[256];

	for (size_t i = 0; i < ws->n; i++) {
		const struct word *w = &ws->w[i];
		struct syl s;
		size_t k;
		if (w->person || !w->nlen || syl_parse(w->nfc, w->nlen, &s) != 0 ||
		    !s.tone || syl_judge(&s) != (int)SPELL_OK)
			continue;
		char key[SYL_MAX + 3];
		snprintf(key, sizeof(key), "%s%d", s.l, s.tone);
		for (k = 0; k < npl; k++)
			if (strcmp(pl[k].key, key) == 0 && pl[k].tone_at == s.tone_at)
				break;
		if (k == npl) {
			if (npl == cap) {
				cap = cap ? cap * 2 : 64;
				pl = xrealloc(pl, cap * sizeof(*pl));
			}
			memcpy(pl[npl].key, key, sizeof(key));
			pl[npl].tone_at = s.tone_at;
			pl[npl].count = 0;
			pl[npl].first = i;
			npl++;
		}
		pl[k].count++;
	}
	for (size_t k = 0; k < npl; k++) {
		size_t best = k;
		for (size_t j = 0; j < npl; j++)
			if (strcmp(pl[j].key, pl[k].key) == 0 &&
			    (pl[j].count > pl[best].count ||
			     (pl[j].count == pl[best].count && pl[j].first < pl[best].first)))
				best = j;
		if (best == k)
			continue;
		/* TRANSLATORS: the counts are of the two spellings */
		snprintf(msg, sizeof(msg),
			 _("tone placement: \"%s\" (%zu) where this document "
			   "mostly writes \"%s\" (%zu)"),
			 ws->w[pl[k].first].nfc, pl[k].count,
			 ws->w[pl[best].first].nfc, pl[best].count);
		finding_add(fs, &ws->w[pl[k].first], msg);
	}
	free(pl);
}

size_t
spell_check(struct spell *sp, const char *s, size_t len, spell_warn_fn warn,
	    void *arg)
{
	struct words ws;
	struct findings fs = { NULL, 0, 0 };

	words_read(&ws, s, len);
	learn_words(sp, &ws);
	mark_persons(&ws, sp);
	check_syllables(&ws, &fs);
	check_tones(&ws, &fs);
	check_names(&ws, sp, &fs);
	if (fs.n > 1)
		qsort(fs.f, fs.n, sizeof(*fs.f), finding_cmp);
	for (size_t i = 0; i < fs.n; i++) {
		if (warn)
			warn(arg, fs.f[i].line, fs.f[i].col, fs.f[i].msg);
		free(fs.f[i].msg);
	}
	free(fs.f);
	words_free(&ws);
	return fs.n;
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
