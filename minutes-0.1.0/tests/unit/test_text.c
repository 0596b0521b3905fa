/* test_text.c - unit tests for the text engine (tui/text.c). */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "tap.h"
#include "text.h"

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

static char *
repair(const char *s, size_t len)
{
	size_t n = 0;

	return text_repair(s, len, &n);
}

static char *
fold(const char *s)
{
	return text_fold_simple(s, strlen(s), NULL);
}

static int
width(const char *s)
{
	return text_width(s, strlen(s));
}

/* --- repair and normalize ----------------------------------------------- */

struct repair_case {
	const char *in;
	size_t len;
	const char *out;
	int clean;
};

#define RC(in, out, clean) { in, sizeof(in) - 1, out, clean }

static const struct repair_case repair_cases[] = {
	RC("", "", 1),
	RC("Hello, world", "Hello, world", 1),
	RC("Vie\xCC\xA3\xCC\x82t Nam", "Vi\xE1\xBB\x87t Nam", 0),
	RC("Vie\xCC\x82\xCC\xA3t", "Vi\xE1\xBB\x87t", 0),
	RC("Vi\xE1\xBB\x87t Nam", "Vi\xE1\xBB\x87t Nam", 1),
	RC("C\xE1\xBB\x98NG H\xC3\x92\x41 X\xC3\x83 H\xE1\xBB\x98I CH\xE1\xBB\xA6 NGH\xC4\xA8\x41 VI\xE1\xBB\x86T NAM",
	   "C\xE1\xBB\x98NG H\xC3\x92\x41 X\xC3\x83 H\xE1\xBB\x98I CH\xE1\xBB\xA6 NGH\xC4\xA8\x41 VI\xE1\xBB\x86T NAM", 1),
	RC("H\xC3\xA0 N\xE1\xBB\x99i \xE6\xB2\xB3\xE5\x86\x85 \xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3",
	   "H\xC3\xA0 N\xE1\xBB\x99i \xE6\xB2\xB3\xE5\x86\x85 \xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", 1),
	RC("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7",
	   "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7", 1),
	/* invalid bytes: one U+FFFD each, what follows is kept */
	RC("\x41\xC3\x28\x42", "A\xEF\xBF\xBD(B", 0),
	RC("\x56\x69\xE1\xBB", "Vi\xEF\xBF\xBD\xEF\xBF\xBD", 0),
	RC("\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD", 0),
	RC("\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 0),
	RC("\xFF", "\xEF\xBF\xBD", 0),
	RC("a\xFF\x62", "a\xEF\xBF\xBD\x62", 0),
	RC("\xF4\x90\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 0),
	RC("\xE0\x80\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 0),
	RC("\xFF\xCC\x81\x61", "\xEF\xBF\xBD\xCC\x81\x61", 0),
	/* line ends */
	RC("A\r\nB\rC\xE2\x80\xA8\x44\xE2\x80\xA9\x45", "A\nB\nC\nD\nE", 0),
	RC("A\n\nB", "A\n\nB", 1),
	RC("A\tB", "A\tB", 1),
	RC("e\xCC\x81\r\n", "\xC3\xA9\n", 0),
	/* marks that compose with nothing stay as they are */
	RC("x\xCC\x82", "x\xCC\x82", 1),
	RC("\xCC\x81\x61\x62\x63", "\xCC\x81\x61\x62\x63", 1),
	/* marks out of canonical order are reordered */
	RC("x\xCC\x82\xCC\xA3", "x\xCC\xA3\xCC\x82", 0),
	/* acute then circumflex is not ấ: both have class 230 */
	RC("a\xCC\x81\xCC\x82", "\xC3\xA1\xCC\x82", 0),
	/* singletons decompose (Angstrom sign, Kelvin sign) */
	RC("\xE2\x84\xAB", "\xC3\x85", 0),
	RC("\xE2\x84\xAA", "K", 0),
	RC("H\xE1\xBB\x99i\xC2\xA0\xC4\x91\xE1\xBB\x93ng", "H\xE1\xBB\x99i\xC2\xA0\xC4\x91\xE1\xBB\x93ng", 1),
	RC("Vi\xE1\xBB\x87t\xE2\x80\x8BNam", "Vi\xE1\xBB\x87t\xE2\x80\x8BNam", 1),
	/* Hangul: conjoining jamo compose */
	RC("\xE1\x84\x92\xE1\x85\xA1", "\xED\x95\x98", 0),
	RC("\xED\x95\x98", "\xED\x95\x98", 1),
};

static void
test_repair_table(void)
{
	size_t i;

	for (i = 0; i < LEN(repair_cases); i++) {
		const struct repair_case *c = &repair_cases[i];
		char what[64];
		size_t n = 99;
		char *r = text_repair(c->in, c->len, &n);

		snprintf(what, sizeof(what), "repair case %zu", i);
		IS_STR(r, c->out, what);
		IS_INT(n, strlen(c->out), "repair length");
		snprintf(what, sizeof(what), "is_clean case %zu", i);
		IS_INT(text_is_clean(c->in, c->len), c->clean, what);
		/* repaired text is clean, and repairing it again changes nothing */
		if (r) {
			OK(text_is_clean(r, n), "repaired text is clean");
			char *again = text_repair(r, n, NULL);
			IS_STR(again, r, "repair is idempotent");
			free(again);
		}
		free(r);
	}
}

static void
test_repair_nul(void)
{
	size_t n = 0;
	char *r = text_repair("a\0b\r", 4, &n);

	IS_INT(n, 4, "NUL is kept: length");
	OK(r && memcmp(r, "a\0b\n", 5) == 0, "NUL is kept: bytes");
	free(r);
	r = repair("\r", 1);
	IS_STR(r, "\n", "lone CR");
	free(r);
}

static void
test_is_clean_long(void)
{
	/* the fast path works on 8 bytes at a time: put the CR everywhere */
	char buf[40];
	size_t i;
	int bad = 0;

	for (i = 0; i < sizeof(buf); i++) {
		memset(buf, 'a', sizeof(buf));
		buf[i] = '\r';
		if (text_is_clean(buf, sizeof(buf)))
			bad++;
		buf[i] = (char)0xCC; /* a lone continuation lead */
		if (text_is_clean(buf, sizeof(buf)))
			bad++;
	}
	IS_INT(bad, 0, "CR or a bad byte anywhere makes text unclean");
	memset(buf, 'a', sizeof(buf));
	OK(text_is_clean(buf, sizeof(buf)), "40 ASCII bytes are clean");
}

/* text_is_clean reads sixteen bytes at a time where it can: random
 * strings mostly of what it passes in blocks (ASCII, C3..C6 and E1 BA|BB
 * letters), with now and then what it must stop at (a mark, CR, a stray
 * or missing continuation byte, E1 before another byte, U+2028) at any
 * offset, against utf8proc's NFC. */
static void
test_is_clean_blocks(void)
{
	static const char *const fast[] = {
		"a", "n", " ", "g", "T", "1", ",", "\xC3\xA0", "\xC3\xB4",
		"\xC4\x91", "\xC4\x90", "\xC6\xA1", "\xC6\xB0", "\xC5\xA9",
		"\xE1\xBA\xA1", "\xE1\xBB\x87", "\xE1\xBB\xB9",
		"\xE1\xBA\xBF", "\xE1\xBB\x9D",
	};
	static const char *const odd[] = {
		"\xCC\x81", "\xCC\xA3", "\r", "\x80", "\xC3", "\xE1\xBB",
		"\xE1\xBC\x80", "\xE1\x84\x92", "\xE1\x85\xA1", "\xE2\x80\xA8",
		"\xC2\xA0", "\xC7\x96", "\xE2\x84\xA6", "\xF0\x9F\x91\xA8",
		"\xE1\xBA", "\xC6", "\xE1\xBD\xB1" /* U+1F71: NFC makes it U+03AC */,
	};
	unsigned long seed = 777;
	int bad = 0, clean = 0;

	for (int i = 0; i < 20000; i++) {
		char s[512];
		size_t n = 0;
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		int count = 1 + (int)((seed >> 33) % 90);
		for (int k = 0; k < count; k++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			const char *p = (seed >> 40) % 40 == 0
						? odd[(seed >> 20) % LEN(odd)]
						: fast[(seed >> 20) % LEN(fast)];
			memcpy(s + n, p, strlen(p));
			n += strlen(p);
		}
		s[n] = '\0';
		char *want = (char *)utf8proc_NFC((const utf8proc_uint8_t *)s);
		bool ref = want && strcmp(want, s) == 0 && !strchr(s, '\r') &&
			   !strstr(s, "\xE2\x80\xA8");
		free(want);
		clean += ref;
		if (text_is_clean(s, n) != ref) {
			if (bad++ < 3)
				printf("# is_clean wrong on a %zu-byte string\n", n);
		}
	}
	IS_INT(bad, 0, "is_clean agrees with utf8proc NFC on 20000 block-sized strings");
	OK(clean > 5000 && clean < 19000, "both clean and unclean strings were tried");
}

/* text_fit_cut is text_fit twice in one pass: the whole string when it
 * fits COLS, else what fits COLS - 1; checked against text_fit itself on
 * strings with wide, zero-width and combining clusters and TABs, at every
 * width from -1 to 14. */
static void
test_fit_cut(void)
{
	static const char *const strs[] = {
		"", "a", "abc", "Vi\xE1\xBB\x87t Nam", "\xE4\xB8\xAD\xE4\xB8\xADx",
		"\xE2\x80\x8B" "ab", "\xE2\x80\x8B\xE2\x80\x8B", "a\tb\tc",
		"e\xCC\x81\xCC\x82x", "\xCC\x81" "ab", "x\xE4\xB8\xAD",
		"\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9 ok",
	};
	int bad = 0;

	for (size_t i = 0; i < LEN(strs); i++)
		for (int cols = -1; cols <= 14; cols++) {
			size_t len = strlen(strs[i]);
			int u1, u2, u3;
			bool cut;
			size_t want, fit = text_fit(strs[i], len, cols, &u1);
			bool want_cut = fit != len;
			if (want_cut)
				want = text_fit(strs[i], len, cols - 1, &u2);
			else
				want = len, u2 = u1;
			size_t got = text_fit_cut(strs[i], len, cols, &u3, &cut);
			if (got != want || cut != want_cut || u3 != u2) {
				if (bad++ < 3)
					printf("# fit_cut(\"%s\", %d): %zu %d %d, want %zu %d %d\n",
					       strs[i], cols, got, cut, u3, want,
					       want_cut, u2);
			}
		}
	IS_INT(bad, 0, "text_fit_cut is text_fit, then text_fit one column less when cut");
}

/* Random strings of letters, marks in any order, Hangul jamo, singletons
 * and scripts with vowel compositions: repair must agree with utf8proc's
 * whole-string NFC, and text_is_clean must say exactly when NFC would
 * change the text. */
static void
test_nfc_random(void)
{
	static const char *const pieces[] = {
		"a", "e", "o", "u", "A", "O", " ", "x", "-",
		"\xCC\x80", "\xCC\x81", "\xCC\x82", "\xCC\x83", "\xCC\x86",
		"\xCC\x89", "\xCC\x9B", "\xCC\xA3", "\xCC\xB4", "\xCD\x85",
		"\xCD\x84", "\xCD\x80", "\xE1\xBB\x87", "\xE1\xBB\x86",
		"\xC6\xA1", "\xC6\xB0", "\xE1\xBA\xA1", "\xC3\xA0", "\xC3\x85",
		"\xE2\x84\xA6", "\xC7\xBA", "\xC7\x96", "\xE1\x84\x92",
		"\xE1\x85\xA1", "\xE1\x86\xAB", "\xED\x95\x98", "\xED\x95\x9C",
		"\xE6\xB2\xB3", "\xF0\x9F\x91\xA8", "\xE0\xBD\xB3", "\xE0\xBD\xB1",
		"\xE0\xBD\xB2", "\xE0\xAD\x87", "\xE0\xAC\xBE", "\xE0\xA7\x87",
		"\xE0\xA6\xBE", "\xC4\x91", "\xEF\xAC\x80", "\xE3\x82\xAB",
		"\xE3\x82\x99",
	};
	unsigned long seed = 12345;
	int i, k, bad_repair = 0, bad_clean = 0;

	for (i = 0; i < 3000; i++) {
		char s[256];
		size_t n = 0, rn;
		int count;
		char *r, *want;

		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		count = 1 + (int)((seed >> 33) % 12);
		for (k = 0; k < count; k++) {
			const char *p;
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			p = pieces[(seed >> 33) % LEN(pieces)];
			memcpy(s + n, p, strlen(p));
			n += strlen(p);
		}
		s[n] = '\0';
		want = (char *)utf8proc_NFC((const utf8proc_uint8_t *)s);
		r = text_repair(s, n, &rn);
		if (!r || !want || strcmp(r, want) != 0 || rn != strlen(want))
			bad_repair++;
		if (want && text_is_clean(s, n) != (strcmp(want, s) == 0))
			bad_clean++;
		free(r);
		free(want);
	}
	IS_INT(bad_repair, 0, "repair agrees with utf8proc NFC on 3000 random strings");
	IS_INT(bad_clean, 0, "is_clean agrees with utf8proc NFC on 3000 random strings");
}

static void
test_collapse(void)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "  a \t b\n\nc  ", "a b c" },
		{ "", "" },
		{ " \t\r\n ", "" },
		{ "H\xE1\xBB\x99i\xC2\xA0 \xC4\x91\xE1\xBB\x93ng", "H\xE1\xBB\x99i\xC2\xA0 \xC4\x91\xE1\xBB\x93ng" },
		{ "a\xC2\xA0\xC2\xA0\x62", "a\xC2\xA0\xC2\xA0\x62" },
	};
	size_t i;

	for (i = 0; i < LEN(cases); i++) {
		char buf[64];
		size_t n;
		strcpy(buf, cases[i].in);
		n = text_collapse_space(buf, strlen(buf));
		IS_STR(buf, cases[i].out, "collapse_space");
		IS_INT(n, strlen(cases[i].out), "collapse_space length");
	}
}

/* --- the Vietnamese letters --------------------------------------------- */

/* 12 vowels x 6 tones (none, huyền, hỏi, ngã, sắc, nặng), lower then upper */
static const char *const letters_lo[12] = {
	"a à ả ã á ạ", "ă ằ ẳ ẵ ắ ặ", "â ầ ẩ ẫ ấ ậ", "e è ẻ ẽ é ẹ",
	"ê ề ể ễ ế ệ", "i ì ỉ ĩ í ị", "o ò ỏ õ ó ọ", "ô ồ ổ ỗ ố ộ",
	"ơ ờ ở ỡ ớ ợ", "u ù ủ ũ ú ụ", "ư ừ ử ữ ứ ự", "y ỳ ỷ ỹ ý ỵ",
};
static const char *const letters_up[12] = {
	"A À Ả Ã Á Ạ", "Ă Ằ Ẳ Ẵ Ắ Ặ", "Â Ầ Ẩ Ẫ Ấ Ậ", "E È Ẻ Ẽ É Ẹ",
	"Ê Ề Ể Ễ Ế Ệ", "I Ì Ỉ Ĩ Í Ị", "O Ò Ỏ Õ Ó Ọ", "Ô Ồ Ổ Ỗ Ố Ộ",
	"Ơ Ờ Ở Ỡ Ớ Ợ", "U Ù Ủ Ũ Ú Ụ", "Ư Ừ Ử Ữ Ứ Ự", "Y Ỳ Ỷ Ỹ Ý Ỵ",
};
static const char vowel_base[12] = "aaaeeiooouuy";
/* the mark that makes ă, â, ê, ô, ơ, ư (0: none) */
static const int vowel_mod[12] = {
	0, 0x0306, 0x0302, 0, 0x0302, 0, 0, 0x0302, 0x031B, 0, 0x031B, 0
};
static const int tone_mark[6] = { 0, 0x0300, 0x0309, 0x0303, 0x0301, 0x0323 };

static size_t
put_cp(char *o, int c)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	o[0] = (char)(0xC0 | (c >> 6));
	o[1] = (char)(0x80 | (c & 0x3F));
	return 2;
}

static int
mark_class(int m)
{
	return m == 0x0323 ? 220 : m == 0x031B ? 216 : 230;
}

/* The Nth letter (0..5) of a space-separated row. */
static void
row_letter(const char *row, int n, char *out)
{
	const char *p = row;
	size_t len;

	while (n-- > 0)
		p = strchr(p, ' ') + 1;
	len = strcspn(p, " ");
	memcpy(out, p, len);
	out[len] = '\0';
}

static void
check_letter(const char *letter, char base, int mod, int tone, int upper)
{
	char nfd[16], other[16], want_fold[2] = { base, 0 };
	size_t n = 0, m = 0;
	int marks[2], k = 0, bad = 0;
	char *r, *f;

	nfd[n++] = upper ? (char)(base - 32) : base;
	if (mod)
		marks[k++] = mod;
	if (tone)
		marks[k++] = tone;
	memcpy(other, nfd, n);
	m = n;
	for (int i = 0; i < k; i++)
		n += put_cp(nfd + n, marks[i]);
	for (int i = k - 1; i >= 0; i--)
		m += put_cp(other + m, marks[i]);

	if (strlen(letter) < 2 && k > 0)
		bad++;
	r = repair(nfd, n);
	if (!r || strcmp(r, letter) != 0)
		bad++;
	free(r);
	/* the other order is equivalent only when the classes differ */
	if (k == 2) {
		r = repair(other, m);
		if (mark_class(marks[0]) != mark_class(marks[1])) {
			if (!r || strcmp(r, letter) != 0)
				bad++;
		} else if (r && strcmp(r, letter) == 0) {
			bad++;
		}
		free(r);
	}
	if (k > 0 && text_is_clean(nfd, n))
		bad++;
	if (!text_is_clean(letter, strlen(letter)))
		bad++;
	if (width(letter) != 1 || text_width(nfd, n) != 1)
		bad++;
	f = fold(letter);
	if (!f || strcmp(f, want_fold) != 0)
		bad++;
	free(f);
	f = text_fold_simple(nfd, n, NULL);
	if (!f || strcmp(f, want_fold) != 0)
		bad++;
	free(f);
	IS_INT(bad, 0, letter);
}

static void
test_letters(void)
{
	char letter[8], *f;
	int v, t, count = 0;

	for (v = 0; v < 12; v++) {
		for (t = 0; t < 6; t++) {
			row_letter(letters_lo[v], t, letter);
			check_letter(letter, vowel_base[v], vowel_mod[v],
				     tone_mark[t], 0);
			row_letter(letters_up[v], t, letter);
			check_letter(letter, vowel_base[v], vowel_mod[v],
				     tone_mark[t], 1);
			count += 2;
		}
	}
	IS_INT(count, 144, "all vowels with all tones");
	f = fold("đĐÐ");
	IS_STR(f, "ddd", "đ Đ Ð fold to d");
	free(f);
	IS_INT(width("đĐ"), 2, "đ Đ are one column each");
	OK(text_is_clean("đĐ", 4), "đ Đ are clean");
}

/* --- clusters ---------------------------------------------------------------- */

struct cl_want {
	size_t off, len;
	int width;
	enum text_cluster_kind kind;
};

struct cl_case {
	const char *s;
	size_t n;
	struct cl_want c[8];
};

#define ZWJ_FAMILY "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"

static const struct cl_case cl_cases[] = {
	{ "\xCC\x81\x61\x62\x63", 4, { { 0, 2, 1, TEXT_CL_ORPHAN }, { 2, 1, 1, TEXT_CL_NORMAL },
		{ 3, 1, 1, TEXT_CL_NORMAL }, { 4, 1, 1, TEXT_CL_NORMAL } } },
	{ ZWJ_FAMILY, 1, { { 0, 18, 6, TEXT_CL_NORMAL } } },
	{ "A\tB", 3, { { 0, 1, 1, TEXT_CL_NORMAL }, { 1, 1, 1, TEXT_CL_TAB },
		{ 2, 1, 1, TEXT_CL_NORMAL } } },
	{ "t\xE2\x80\x8Bn", 3, { { 0, 1, 1, TEXT_CL_NORMAL }, { 1, 3, 0, TEXT_CL_HIDDEN },
		{ 4, 1, 1, TEXT_CL_NORMAL } } },
	{ "Vie\xCC\xA3\xCC\x82t", 4, { { 0, 1, 1, TEXT_CL_NORMAL }, { 1, 1, 1, TEXT_CL_NORMAL },
		{ 2, 5, 1, TEXT_CL_NORMAL }, { 7, 1, 1, TEXT_CL_NORMAL } } },
	{ "x\n\xCC\x81y", 4, { { 0, 1, 1, TEXT_CL_NORMAL }, { 1, 1, 0, TEXT_CL_NEWLINE },
		{ 2, 2, 1, TEXT_CL_ORPHAN }, { 4, 1, 1, TEXT_CL_NORMAL } } },
	{ "\x01\xCC\x81", 2, { { 0, 1, 1, TEXT_CL_CONTROL }, { 1, 2, 1, TEXT_CL_ORPHAN } } },
	{ "\x7F\xC2\x85\xEF\xBF\xBD\xCD\xB8", 4, { { 0, 1, 1, TEXT_CL_CONTROL },
		{ 1, 2, 1, TEXT_CL_CONTROL }, { 3, 3, 1, TEXT_CL_CONTROL },
		{ 6, 2, 1, TEXT_CL_CONTROL } } },
	{ "\xE2\x80\xAE\x61\x62\xE2\x81\xA6", 4, { { 0, 3, 0, TEXT_CL_HIDDEN },
		{ 3, 1, 1, TEXT_CL_NORMAL }, { 4, 1, 1, TEXT_CL_NORMAL },
		{ 5, 3, 0, TEXT_CL_HIDDEN } } },
	{ "co\xC2\xAD" "p\xEF\xBB\xBF", 5, { { 0, 1, 1, TEXT_CL_NORMAL },
		{ 1, 1, 1, TEXT_CL_NORMAL }, { 2, 2, 0, TEXT_CL_HIDDEN },
		{ 4, 1, 1, TEXT_CL_NORMAL }, { 5, 3, 0, TEXT_CL_HIDDEN } } },
	{ "\xE6\xB2\xB3\xEF\xBC\xA1", 2, { { 0, 3, 2, TEXT_CL_NORMAL },
		{ 3, 3, 2, TEXT_CL_NORMAL } } },
	{ "a\xFF\x62", 3, { { 0, 1, 1, TEXT_CL_NORMAL }, { 1, 1, 1, TEXT_CL_CONTROL },
		{ 2, 1, 1, TEXT_CL_NORMAL } } },
	{ "H\xE1\xBB\x99i\xC2\xA0\xC4\x91", 5, { { 0, 1, 1, TEXT_CL_NORMAL },
		{ 1, 3, 1, TEXT_CL_NORMAL }, { 4, 1, 1, TEXT_CL_NORMAL },
		{ 5, 2, 1, TEXT_CL_NORMAL }, { 7, 2, 1, TEXT_CL_NORMAL } } },
	/* a base with six marks: one cluster, one column */
	{ "a\xCC\x80\xCC\x81\xCC\x82\xCC\x83\xCC\x84\xCC\x86z", 2, {
		{ 0, 13, 1, TEXT_CL_NORMAL }, { 13, 1, 1, TEXT_CL_NORMAL } } },
	/* ZWJ outside an emoji sequence belongs to the letter before it */
	{ "a\xE2\x80\x8D\x62", 2, { { 0, 4, 1, TEXT_CL_NORMAL }, { 4, 1, 1, TEXT_CL_NORMAL } } },
	/* flags: regional indicators pair up */
	{ "\xF0\x9F\x87\xBB\xF0\x9F\x87\xB3\xF0\x9F\x87\xBB", 2, {
		{ 0, 8, 2, TEXT_CL_NORMAL }, { 8, 4, 1, TEXT_CL_NORMAL } } },
};

static void
test_clusters(void)
{
	size_t i, k;

	for (i = 0; i < LEN(cl_cases); i++) {
		const struct cl_case *t = &cl_cases[i];
		size_t len = strlen(t->s), pos = 0, starts[16];
		struct text_cluster c;
		int bad = 0;
		char what[64];

		if (t->s[0] == '\0')
			len = 0;
		for (k = 0; k < t->n; k++) {
			starts[k] = pos;
			pos = text_cluster_next(t->s, len, pos, &c);
			if (c.off != t->c[k].off || c.len != t->c[k].len ||
			    c.width != t->c[k].width || c.kind != t->c[k].kind) {
				printf("# cluster %zu: off %zu len %zu width %d kind %d\n",
				       k, c.off, c.len, c.width, (int)c.kind);
				bad++;
			}
		}
		if (pos != len)
			bad++;
		if (text_cluster_next(t->s, len, pos, &c) != pos || c.len != 0)
			bad++;
		/* walking back meets the same boundaries */
		for (k = t->n; k-- > 0;) {
			size_t end = k + 1 < t->n ? starts[k + 1] : len;
			if (text_cluster_prev(t->s, len, end) != starts[k])
				bad++;
		}
		if (text_cluster_prev(t->s, len, 0) != 0)
			bad++;
		snprintf(what, sizeof(what), "clusters case %zu", i);
		IS_INT(bad, 0, what);
	}
}

static void
test_cluster_prev_mid(void)
{
	const char *s = "Vie\xCC\xA3\xCC\x82t";
	size_t len = strlen(s);

	/* from the middle of a cluster: the start of that cluster */
	IS_INT(text_cluster_prev(s, len, 5), 2, "prev from inside a cluster");
	IS_INT(text_cluster_prev(s, len, 7), 2, "prev at the end of ệ");
	IS_INT(text_cluster_prev(ZWJ_FAMILY, 18, 18), 0, "prev over a ZWJ family");
	IS_INT(text_cluster_prev("ab" ZWJ_FAMILY, 20, 20), 2, "prev over a ZWJ family after text");
	IS_INT(text_cluster_prev("a\n\xCC\x81", 4, 4), 2, "prev over an orphan");
	IS_INT(text_cluster_prev("a\xFF", 2, 2), 1, "prev over a bad byte");
}

struct render_case {
	const char *s;
	int col;
	const char *out;
	int width;
};

static const struct render_case render_cases[] = {
	{ "\xCC\x81\x61\x62\x63", 0, "\xC2\xA0\xCC\x81", 1 },
	{ "\xCC\x81\xCC\xA3", 0, "\xC2\xA0\xCC\x81\xCC\xA3", 1 },
	{ "\x01", 0, TEXT_PLACEHOLDER, 1 },
	{ "\xEF\xBF\xBD", 0, TEXT_PLACEHOLDER, 1 },
	{ "\xC2\x9B", 0, TEXT_PLACEHOLDER, 1 },
	{ "\xFF", 0, TEXT_PLACEHOLDER, 1 },
	{ "\xE2\x80\x8B", 0, "", 0 },
	{ "\xE2\x80\xAE", 0, "", 0 },
	{ "\xD8\x9C", 0, "", 0 },
	{ "\xE2\x81\xA0", 0, "", 0 },
	{ "\t", 0, "        ", 8 },
	{ "\t", 5, "   ", 3 },
	{ "\t", 7, " ", 1 },
	{ "\n", 3, "", 0 },
	{ "Vi", 0, "V", 1 },
	{ "\xE1\xBB\x87", 0, "\xE1\xBB\x87", 1 },
	{ "\xE6\xB2\xB3", 0, "\xE6\xB2\xB3", 2 },
	{ ZWJ_FAMILY, 0, ZWJ_FAMILY, 6 },
	/* excess marks: only the first four are drawn */
	{ "a\xCC\x80\xCC\x81\xCC\x82\xCC\x83\xCC\x84\xCC\x86", 0,
	  "a\xCC\x80\xCC\x81\xCC\x82\xCC\x83", 1 },
	{ "\xCC\x80\xCC\x81\xCC\x82\xCC\x83\xCC\x84\xCC\x86", 0,
	  "\xC2\xA0\xCC\x80\xCC\x81\xCC\x82\xCC\x83", 1 },
};

static void
test_render(void)
{
	size_t i;

	for (i = 0; i < LEN(render_cases); i++) {
		const struct render_case *t = &render_cases[i];
		struct text_cluster c;
		char buf[64], what[64];
		int w;

		text_cluster_next(t->s, strlen(t->s), 0, &c);
		memset(buf, 'X', sizeof(buf));
		w = text_cluster_render(t->s, &c, t->col, buf, sizeof(buf));
		snprintf(what, sizeof(what), "render case %zu", i);
		IS_STR(buf, t->out, what);
		IS_INT(w, t->width, "render width");
	}
}

static void
test_render_long_cluster(void)
{
	/* a base with 40 marks: the drawing fits the buffer, width agrees */
	char s[100], buf[64];
	struct text_cluster c;
	size_t n = 0;
	int i, w;

	s[n++] = 'a';
	for (i = 0; i < 40; i++)
		n += put_cp(s + n, 0x0301);
	s[n] = '\0';
	text_cluster_next(s, n, 0, &c);
	IS_INT(c.len, n, "40 marks stay in one cluster");
	IS_INT(c.width, 1, "40 marks: width 1");
	w = text_cluster_render(s, &c, 0, buf, sizeof(buf));
	IS_INT(w, 1, "40 marks: drawn width 1");
	IS_INT(strlen(buf), 1 + 4 * 2, "40 marks: base and four marks drawn");
	w = text_cluster_render(s, &c, 0, buf, 4);
	IS_STR(buf, "a\xCC\x81", "render into a small buffer");
	IS_INT(w, 1, "render into a small buffer: width");
}

struct width_case {
	const char *s;
	int width;
};

static const struct width_case width_cases[] = {
	{ "", 0 },
	{ "Vie\xCC\xA3\xCC\x82t Nam", 8 },
	{ "Vi\xE1\xBB\x87t Nam", 8 },
	{ "C\xE1\xBB\x98NG H\xC3\x92\x41 X\xC3\x83 H\xE1\xBB\x98I CH\xE1\xBB\xA6 NGH\xC4\xA8\x41 VI\xE1\xBB\x86T NAM", 34 },
	{ "H\xC3\xA0 N\xE1\xBB\x99i \xE6\xB2\xB3\xE5\x86\x85 \xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", 18 },
	{ ZWJ_FAMILY, 6 },
	{ "\xC4\x90\xE1\xBA\xB7ng V\xC4\x83n \xC4\x90\xE1\xBB\xA9\x63", 12 },
	{ "H\xE1\xBB\x99i\xC2\xA0\xC4\x91\xE1\xBB\x93ng", 8 },
	{ "Vi\xE1\xBB\x87t\xE2\x80\x8BNam", 7 },
	{ "A\tB", 9 },
	{ "ab\tc", 9 },
	{ "\t\t", 16 },
	{ "a\nb", 2 },
	{ "\xCC\x81\x61\x62\x63", 4 },
	{ "a\x01\x62\x7F", 4 },
	{ "co\xC2\xAD" "op", 4 },
	{ "S\xE1\xBB\x91: 1234/2024/Q\xC4\x90-UBND-VPUB-TCCB-KHTC-QLDA-2024", 46 },
	{ "ho\xC3\xA0 h\xC3\xB2\x61 U\xE1\xBB\xB7 ban \xE1\xBB\xA6y ban", 21 },
	{ "\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD\xE2\x80\xAE\xE2\x81\xA6\xE2\x81\xA7\xE2\x81\xA8\xE2\x81\xA9\xE2\x80\x8E\xE2\x80\x8F", 0 },
};

static void
test_width(void)
{
	size_t i;

	for (i = 0; i < LEN(width_cases); i++) {
		char what[80];
		snprintf(what, sizeof(what), "width case %zu", i);
		IS_INT(width(width_cases[i].s), width_cases[i].width, what);
	}
}

struct fit_case {
	const char *s;
	int cols;
	size_t bytes;
	int used;
};

static const struct fit_case fit_cases[] = {
	{ "H\xC3\xA0 N\xE1\xBB\x99i \xE6\xB2\xB3\xE5\x86\x85 \xEF\xBC\xA1", 8, 10, 7 },
	{ "H\xC3\xA0 N\xE1\xBB\x99i \xE6\xB2\xB3\xE5\x86\x85 \xEF\xBC\xA1", 9, 13, 9 },
	{ "H\xC3\xA0 N\xE1\xBB\x99i \xE6\xB2\xB3\xE5\x86\x85 \xEF\xBC\xA1", 100, 20, 14 },
	{ ZWJ_FAMILY "x", 5, 0, 0 },
	{ ZWJ_FAMILY "x", 6, 18, 6 },
	{ "Vie\xCC\xA3\xCC\x82t", 3, 7, 3 },
	{ "Vie\xCC\xA3\xCC\x82t", 2, 2, 2 },
	{ "abc", 0, 0, 0 },
	{ "abc", -3, 0, 0 },
	{ "a\tb", 8, 2, 8 },
	{ "a\tb", 7, 1, 1 },
	{ "t\xE2\x80\x8B", 1, 4, 1 },
};

static void
test_fit(void)
{
	size_t i;

	for (i = 0; i < LEN(fit_cases); i++) {
		const struct fit_case *t = &fit_cases[i];
		int used = -1;
		size_t n = text_fit(t->s, strlen(t->s), t->cols, &used);
		char what[64];
		snprintf(what, sizeof(what), "fit case %zu bytes", i);
		IS_INT(n, t->bytes, what);
		snprintf(what, sizeof(what), "fit case %zu cols", i);
		IS_INT(used, t->used, what);
	}
}

struct trunc_case {
	const char *s;
	int cols;
	size_t size;
	const char *out;
	int width;
};

#define WIDE "H\xC3\xA0 N\xE1\xBB\x99i \xE6\xB2\xB3\xE5\x86\x85 \xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3"

static const struct trunc_case trunc_cases[] = {
	{ WIDE, 18, 64, WIDE, 18 },
	{ WIDE, 40, 64, WIDE, 18 },
	{ WIDE, 17, 64, "H\xC3\xA0 N\xE1\xBB\x99i \xE6\xB2\xB3\xE5\x86\x85 \xEF\xBC\xA1\xEF\xBC\xA2\xE2\x80\xA6", 17 },
	{ WIDE, 10, 64, "H\xC3\xA0 N\xE1\xBB\x99i \xE6\xB2\xB3\xE2\x80\xA6", 10 },
	{ WIDE, 9, 64, "H\xC3\xA0 N\xE1\xBB\x99i \xE2\x80\xA6", 8 },
	{ WIDE, 1, 64, "\xE2\x80\xA6", 1 },
	{ WIDE, 0, 64, "", 0 },
	{ WIDE, -5, 64, "", 0 },
	{ "a", 1, 64, "a", 1 },
	{ "ab", 1, 64, "\xE2\x80\xA6", 1 },
	{ "", 5, 64, "", 0 },
	{ "A\tB", 20, 64, "A       B", 9 },
	{ "A\tB", 5, 64, "A\xE2\x80\xA6", 2 },
	{ "a\nb", 5, 64, "a b", 3 },
	{ "a\x01\x62", 5, 64, "a" TEXT_PLACEHOLDER "b", 3 },
	{ "a\xFF\x62", 5, 64, "a" TEXT_PLACEHOLDER "b", 3 },
	{ "Vi\xE1\xBB\x87t\xE2\x80\x8BNam", 7, 64, "Vi\xE1\xBB\x87tNam", 7 },
	{ "Vi\xE1\xBB\x87t\xE2\x80\x8BNam", 6, 64, "Vi\xE1\xBB\x87tN\xE2\x80\xA6", 6 },
	{ "\xE2\x80\xAE\x61\x62\x63", 3, 64, "abc", 3 },
	{ "Vie\xCC\xA3\xCC\x82t Nam", 4, 64, "Vie\xCC\xA3\xCC\x82\xE2\x80\xA6", 4 },
	{ "\xCC\x81\x61\x62\x63", 2, 64, "\xC2\xA0\xCC\x81\xE2\x80\xA6", 2 },
	{ ZWJ_FAMILY "!", 6, 64, "\xE2\x80\xA6", 1 },
	{ ZWJ_FAMILY "!", 7, 64, ZWJ_FAMILY "!", 7 },
	/* a small buffer cuts short, never splits a character */
	{ "Vi\xE1\xBB\x87t Nam", 20, 5, "V\xE2\x80\xA6", 2 },
	{ "Vi\xE1\xBB\x87t Nam", 20, 9, "Vi\xE1\xBB\x87\xE2\x80\xA6", 4 },
	{ "Vi\xE1\xBB\x87t Nam", 20, 11, "Vi\xE1\xBB\x87t Nam", 8 },
	{ "Vi\xE1\xBB\x87t Nam", 20, 10, "Vi\xE1\xBB\x87t\xE2\x80\xA6", 5 },
	{ "Vi\xE1\xBB\x87t Nam", 20, 3, "Vi", 2 },
	{ "Vi\xE1\xBB\x87t Nam", 20, 1, "", 0 },
};

static void
test_truncate(void)
{
	size_t i;

	for (i = 0; i < LEN(trunc_cases); i++) {
		const struct trunc_case *t = &trunc_cases[i];
		char buf[64], what[64];
		int w;

		memset(buf, 'X', sizeof(buf));
		w = text_truncate(t->s, strlen(t->s), t->cols, buf, t->size);
		snprintf(what, sizeof(what), "truncate case %zu", i);
		IS_STR(buf, t->out, what);
		IS_INT(w, t->width, "truncate width");
		OK(w <= (t->cols > 0 ? t->cols : 0), "truncate stays within the columns");
		OK(t->size == sizeof(buf) || buf[t->size] == 'X', "truncate stays within the buffer");
	}
}

struct sanitize_case {
	const char *s;
	bool keep_nl;
	const char *out;
};

static const struct sanitize_case sanitize_cases[] = {
	{ "Vi\xE1\xBB\x87t\xE2\x80\x8BNam", false, "Vi\xE1\xBB\x87tNam" },
	{ "a\x1B[31mb", false, "a" TEXT_PLACEHOLDER "[31mb" },
	{ "a\nb\tc", true, "a\nb       c" },
	{ "a\nb\tc", false, "a b     c" },
	{ "\xE2\x80\xAE\x65vil\xE2\x80\xAC", false, "evil" },
	{ "\xE2\x81\xA6x\xE2\x81\xA9\xE2\x80\x8E\xE2\x80\x8F\xD8\x9C", false, "x" },
	{ "\xCC\x81\x61\x62\x63", false, "\xC2\xA0\xCC\x81\x61\x62\x63" },
	{ "x\n\xCC\x81", true, "x\n\xC2\xA0\xCC\x81" },
	{ "A\xC3(B", false, "A" TEXT_PLACEHOLDER "(B" },
	{ "co\xC2\xAD" "op\xEF\xBB\xBF", false, "coop" },
	{ "H\xE1\xBB\x99i\xC2\xA0\xC4\x91\xE1\xBB\x93ng", false, "H\xE1\xBB\x99i\xC2\xA0\xC4\x91\xE1\xBB\x93ng" },
	{ ZWJ_FAMILY, false, ZWJ_FAMILY },
	{ "\xC2\x85\x7F", true, TEXT_PLACEHOLDER TEXT_PLACEHOLDER },
	{ "", true, "" },
};

static void
test_sanitize(void)
{
	size_t i;

	for (i = 0; i < LEN(sanitize_cases); i++) {
		const struct sanitize_case *t = &sanitize_cases[i];
		char *r = text_sanitize(t->s, strlen(t->s), t->keep_nl);
		char what[64];
		snprintf(what, sizeof(what), "sanitize case %zu", i);
		IS_STR(r, t->out, what);
		free(r);
	}
}

/* --- wrapping ---------------------------------------------------------------- */

static const char *
line_str(const char *s, const struct text_line *l, char *buf)
{
	memcpy(buf, s + l->off, l->len);
	buf[l->len] = '\0';
	return buf;
}

/* Every line fits (but a lone cluster wider than the width); joining the
 * lines with what lies between them gives back the text, and what lies
 * between is nothing, one space or one '\n'. */
static int
check_wrap(const char *s, int w, size_t *nlines)
{
	struct text_line *lines = NULL;
	size_t n = text_wrap(s, strlen(s), w, &lines), i, pos = 0;
	int bad = 0;

	*nlines = n;
	if (n < 1 || !lines)
		return 1;
	for (i = 0; i < n; i++) {
		const struct text_line *l = &lines[i];
		size_t gap = l->off - pos;
		if (l->off < pos)
			bad++;
		else if (gap > 1 || (gap == 1 && s[pos] != ' ' && s[pos] != '\n' && s[pos] != '\t'))
			bad++;
		if (l->width != text_width(s + l->off, l->len))
			bad++;
		if (l->width > w) {
			struct text_cluster c;
			if (text_cluster_next(s, l->off + l->len, l->off, &c) !=
			    l->off + l->len)
				bad++;
		}
		pos = l->off + l->len;
	}
	if (pos != strlen(s) && !(pos + 1 == strlen(s) && s[pos] == ' '))
		bad++;
	free(lines);
	return bad;
}

#define LONG_TOKEN "S\xE1\xBB\x91: 1234/2024/Q\xC4\x90-UBND-VPUB-TCCB-KHTC-QLDA-2024"

static void
test_wrap_long_token(void)
{
	const char *texts[] = {
		LONG_TOKEN,
		WIDE,
		"C\xE1\xBB\x98NG H\xC3\x92\x41 X\xC3\x83 H\xE1\xBB\x98I CH\xE1\xBB\xA6 NGH\xC4\xA8\x41 VI\xE1\xBB\x86T NAM",
		"H\xE1\xBB\x99i\xC2\xA0\xC4\x91\xE1\xBB\x93ng nh\xC3\xA2n d\xC3\xA2n  th\xC3\xA0nh ph\xE1\xBB\x91 H\xC3\xA0 N\xE1\xBB\x99i\nV\xE1\xBB\x81 vi\xE1\xBB\x87\x63\tA\tB",
		"Vie\xCC\xA3\xCC\x82t\xE2\x80\x8BNam " ZWJ_FAMILY " -- a/b - c /",
		"\xCC\x81\x61\x62\x63 \xCC\x81\x64\x65\x66",
	};
	size_t t, n;
	int w;

	for (t = 0; t < LEN(texts); t++) {
		int bad = 0;
		for (w = 1; w <= 40; w++)
			bad += check_wrap(texts[t], w, &n);
		char what[64];
		snprintf(what, sizeof(what), "wrap text %zu at widths 1..40", t);
		IS_INT(bad, 0, what);
	}
}

struct wrap_case {
	const char *s;
	int width;
	const char *lines[12];
};

static const struct wrap_case wrap_cases[] = {
	{ "", 10, { "" } },
	{ "abc", 10, { "abc" } },
	{ "a b\nc", 10, { "a b", "c" } },
	{ "Hello\n", 10, { "Hello", "" } },
	{ "\n", 10, { "", "" } },
	{ "ab ", 2, { "ab" } },
	{ "ab  cd", 3, { "ab ", "cd" } },
	{ "one two three", 7, { "one two", "three" } },
	{ "one two three", 6, { "one", "two", "three" } },
	{ LONG_TOKEN, 20, { "S\xE1\xBB\x91: 1234/2024/Q\xC4\x90-",
		"UBND-VPUB-TCCB-KHTC-", "QLDA-2024" } },
	{ LONG_TOKEN, 10, { "S\xE1\xBB\x91: 1234/", "2024/Q\xC4\x90-",
		"UBND-VPUB-", "TCCB-KHTC-", "QLDA-2024" } },
	{ LONG_TOKEN, 3, { "S\xE1\xBB\x91:", "123", "4/", "202", "4/",
		"Q\xC4\x90-", "UBN", "D-", "VPU", "B-", "TCC", "B-" } },
	{ LONG_TOKEN, 4, { "S\xE1\xBB\x91:", "1234", "/", "2024", "/Q\xC4\x90-",
		"UBND", "-", "VPUB", "-", "TCCB", "-", "KHTC" } },
	{ "H\xE1\xBB\x99i\xC2\xA0\xC4\x91\xE1\xBB\x93ng", 5, { "H\xE1\xBB\x99i\xC2\xA0\xC4\x91", "\xE1\xBB\x93ng" } },
	{ "H\xE1\xBB\x99i\xC2\xA0\xC4\x91\xE1\xBB\x93ng", 8, { "H\xE1\xBB\x99i\xC2\xA0\xC4\x91\xE1\xBB\x93ng" } },
	{ "H\xE1\xBB\x99i\xE2\x80\xAF\xC4\x91\xE1\xBB\x93ng x", 8, { "H\xE1\xBB\x99i\xE2\x80\xAF\xC4\x91\xE1\xBB\x93ng", "x" } },
	{ WIDE, 5, { "H\xC3\xA0", "N\xE1\xBB\x99i", "\xE6\xB2\xB3\xE5\x86\x85",
		"\xEF\xBC\xA1\xEF\xBC\xA2", "\xEF\xBC\xA3" } },
	{ "\xE6\xB2\xB3\xE5\x86\x85", 1, { "\xE6\xB2\xB3", "\xE5\x86\x85" } },
	{ "\xE6\xB2\xB3\xE5\x86\x85", 3, { "\xE6\xB2\xB3", "\xE5\x86\x85" } },
	{ ZWJ_FAMILY ZWJ_FAMILY, 7, { ZWJ_FAMILY, ZWJ_FAMILY } },
	{ "abc \xCC\x81\x64\x65\x66", 4, { "abc \xCC\x81", "def" } },
	{ "abc\n\xCC\x81\x64\x65\x66", 4, { "abc", "\xCC\x81\x64\x65\x66" } },
	{ "-abc", 2, { "-a", "bc" } },
	{ "ab- cd", 3, { "ab-", "cd" } },
	{ "a\tb", 4, { "a", "b" } },
	{ "a\tb", 10, { "a\tb" } },
	{ "Vi\xE1\xBB\x87t\xE2\x80\x8BNam", 4, { "Vi\xE1\xBB\x87t\xE2\x80\x8B", "Nam" } },
};

static void
test_wrap_cases(void)
{
	size_t i, k;

	for (i = 0; i < LEN(wrap_cases); i++) {
		const struct wrap_case *t = &wrap_cases[i];
		struct text_line *lines = NULL;
		size_t n = text_wrap(t->s, strlen(t->s), t->width, &lines), want = 0;
		char buf[128], what[64];
		int bad = 0;

		while (want < LEN(t->lines) && t->lines[want])
			want++;
		if (n != want && !(want == LEN(t->lines) && n > want)) {
			printf("# %zu lines, want %zu\n", n, want);
			bad++;
		}
		for (k = 0; k < n && k < want; k++) {
			if (strcmp(line_str(t->s, &lines[k], buf), t->lines[k]) != 0) {
				printf("# line %zu: \"%s\" want \"%s\"\n", k, buf, t->lines[k]);
				bad++;
			}
		}
		free(lines);
		snprintf(what, sizeof(what), "wrap case %zu", i);
		IS_INT(bad, 0, what);
	}
}

static void
test_wrap_empty(void)
{
	struct text_line *lines = NULL;
	size_t n = text_wrap("", 0, 5, &lines);

	IS_INT(n, 1, "empty text: one line");
	OK(lines && lines[0].off == 0 && lines[0].len == 0 && lines[0].width == 0,
	   "empty text: an empty line");
	free(lines);
	n = text_wrap("abc", 3, 0, &lines);
	IS_INT(n, 3, "width 0 is taken as 1");
	free(lines);
}

/* --- search keys ------------------------------------------------------------- */

struct fold_case {
	const char *s, *key;
};

static const struct fold_case fold_cases[] = {
	{ "\xC4\x90\xE1\xBA\xB7ng V\xC4\x83n \xC4\x90\xE1\xBB\xA9\x63", "dang van duc" },
	{ "ho\xC3\xA0", "hoa" },
	{ "h\xC3\xB2\x61", "hoa" },
	{ "U\xE1\xBB\xB7 ban", "uy ban" },
	{ "\xE1\xBB\xA6y ban", "uy ban" },
	{ "th\xE1\xBB\xA7y", "thuy" },
	{ "thu\xE1\xBB\xB7", "thuy" },
	{ "C\xE1\xBB\x98NG H\xC3\x92\x41 X\xC3\x83 H\xE1\xBB\x98I CH\xE1\xBB\xA6 NGH\xC4\xA8\x41 VI\xE1\xBB\x86T NAM",
	  "cong hoa xa hoi chu nghia viet nam" },
	{ "Vie\xCC\xA3\xCC\x82t Nam", "viet nam" },
	{ "Vie\xCC\x82\xCC\xA3t", "viet" },
	{ "Vi\xE1\xBB\x87t\xE2\x80\x8BNam", "vietnam" },
	{ "co\xC2\xAD" "op", "coop" },
	{ "\xE2\x80\xAE\x61\x62\xE2\x80\xAC\xEF\xBB\xBF", "ab" },
	{ "H\xE1\xBB\x99i\xC2\xA0\xC4\x91\xE1\xBB\x93ng", "hoi dong" },
	{ "H\xE1\xBB\x99i\xE2\x80\xAF\xC4\x91\xE1\xBB\x93ng", "hoi dong" },
	{ "  H\xC3\xA0   N\xE1\xBB\x99i \t\n", "ha noi" },
	{ "A\tB", "a b" },
	{ "\xC3\x90\xC3\x80 N\xE1\xBA\xB4NG", "da nang" },
	{ "H\xC3\xA0 N\xE1\xBB\x99i \xE6\xB2\xB3\xE5\x86\x85 \xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", "ha noi \xE6\xB2\xB3\xE5\x86\x85 abc" },
	{ LONG_TOKEN, "so: 1234/2024/qd-ubnd-vpub-tccb-khtc-qlda-2024" },
	{ "Q\xC4\x90\xE2\x80\x93UBND", "qd-ubnd" },
	{ "Stra\xC3\x9F\x65", "strasse" },
	{ "\xCC\x81\x61\x62\x63", "abc" },
	{ "a\x01\x62", "ab" },
	{ "\xFF", "\xEF\xBF\xBD" },
	{ "", "" },
	{ " \xE2\x80\x8B ", "" },
	{ "a \xE2\x80\x8B b", "a b" },
	{ ZWJ_FAMILY, "\xF0\x9F\x91\xA8\xF0\x9F\x91\xA9\xF0\x9F\x91\xA7" },
};

static void
test_fold(void)
{
	size_t i;

	for (i = 0; i < LEN(fold_cases); i++) {
		size_t n = 99;
		char *k = text_fold_simple(fold_cases[i].s, strlen(fold_cases[i].s), &n);
		struct text_key key;
		char what[64];

		snprintf(what, sizeof(what), "fold case %zu", i);
		IS_STR(k, fold_cases[i].key, what);
		IS_INT(n, strlen(fold_cases[i].key), "fold length");
		OK(text_fold(fold_cases[i].s, strlen(fold_cases[i].s), &key) &&
		   key.len == n && strcmp(key.key, k) == 0 &&
		   key.map[key.len] == strlen(fold_cases[i].s),
		   "fold with map agrees");
		text_key_free(&key);
		free(k);
	}
}

static void
check_match(const char *s, const char *query, const char *want)
{
	struct text_key key, q;
	char buf[64] = "", what[96];
	const char *hit;

	OK(text_fold(s, strlen(s), &key), "fold source");
	OK(text_fold(query, strlen(query), &q), "fold query");
	hit = strstr(key.key, q.key);
	if (hit) {
		size_t a = (size_t)(hit - key.key), b = a + q.len;
		size_t from = key.map[a], to = key.map[b];
		/* the match ends where the next key character starts: give
		 * back the white space that only separates */
		while (to > from && (s[to - 1] == ' '))
			to--;
		memcpy(buf, s + from, to - from);
		buf[to - from] = '\0';
	}
	snprintf(what, sizeof(what), "match of \"%s\"", query);
	IS_STR(buf, want, what);
	text_key_free(&key);
	text_key_free(&q);
}

static void
test_fold_map(void)
{
	const char *s = "\xC4\x90\xE1\xBA\xB7ng V\xC4\x83n \xC4\x90\xE1\xBB\xA9\x63";
	struct text_key key;
	size_t i;

	OK(text_fold(s, strlen(s), &key), "fold Đặng Văn Đức");
	IS_STR(key.key, "dang van duc", "key of Đặng Văn Đức");
	IS_INT(key.map[9], 13, "duc starts at Đ");
	IS_INT(key.map[12], 19, "duc ends at the end");
	IS_INT(key.map[0], 0, "map[0]");
	IS_INT(key.map[1], 2, "a comes from ặ");
	IS_INT(key.map[4], 7, "the space");
	for (i = 1; i <= key.len; i++)
		if (key.map[i] < key.map[i - 1])
			break;
	IS_INT(i, key.len + 1, "the map never goes back");
	text_key_free(&key);

	check_match(s, "duc", "\xC4\x90\xE1\xBB\xA9\x63");
	check_match(s, "\xC4\x91\xE1\xBB\xA9\x63", "\xC4\x90\xE1\xBB\xA9\x63");
	check_match(s, "van", "V\xC4\x83n");
	check_match(s, "dang", "\xC4\x90\xE1\xBA\xB7ng");
	check_match(s, "ng v", "ng V");
	check_match("Vie\xCC\xA3\xCC\x82t Nam", "viet", "Vie\xCC\xA3\xCC\x82t");
	check_match("Vie\xCC\xA3\xCC\x82t Nam", "vie", "Vie\xCC\xA3\xCC\x82");
	check_match("Vi\xE1\xBB\x87t\xE2\x80\x8BNam", "vietnam", "Vi\xE1\xBB\x87t\xE2\x80\x8BNam");
	check_match("\xE1\xBB\xA6y ban nh\xC3\xA2n d\xC3\xA2n", "U\xE1\xBB\xB7 ban", "\xE1\xBB\xA6y ban");
	check_match("H\xE1\xBB\x99i   \xC4\x91\xE1\xBB\x93ng", "hoi dong", "H\xE1\xBB\x99i   \xC4\x91\xE1\xBB\x93ng");
	check_match("Ch\xE1\xBB\xA7 t\xE1\xBB\x8B\x63h", "ho", "");
}

/* --- sorting ------------------------------------------------------------------ */

static int
cmp_collate(const void *a, const void *b)
{
	return text_collate(*(const char *const *)a, *(const char *const *)b);
}

static int
cmp_name(const void *a, const void *b)
{
	return text_name_collate(*(const char *const *)a, *(const char *const *)b);
}

static void
check_order(const char *const *want, size_t n, bool names, const char *what)
{
	const char *list[32];
	size_t i, k;
	int bad = 0;

	/* every rotation, reversed, sorts into the same order */
	for (k = 0; k < n; k++) {
		for (i = 0; i < n; i++)
			list[i] = want[(n - 1 - i + k) % n];
		qsort(list, n, sizeof(*list), names ? cmp_name : cmp_collate);
		for (i = 0; i < n; i++)
			if (strcmp(list[i], want[i]) != 0)
				bad++;
	}
	for (i = 0; i + 1 < n; i++) {
		int r = names ? text_name_collate(want[i], want[i + 1])
			      : text_collate(want[i], want[i + 1]);
		int r2 = names ? text_name_collate(want[i + 1], want[i])
			       : text_collate(want[i + 1], want[i]);
		if (r >= 0 || r2 <= 0) {
			printf("# \"%s\" vs \"%s\": %d %d\n", want[i], want[i + 1], r, r2);
			bad++;
		}
	}
	IS_INT(bad, 0, what);
}

static void
test_collate(void)
{
	static const char *const dao[] = { "\xC4\x90\xC3\xA0o", "\xC4\x90\xC4\x83ng", "\xC4\x90\xE1\xBA\xB7ng" };
	static const char *const le[] = { "Leo", "L\xC3\xAA", "L\xE1\xBB\x87", "L\xC3\xAAn" };
	static const char *const alphabet[] = {
		"a", "\xC4\x83", "\xC3\xA2", "b", "c", "d", "\xC4\x91", "e", "\xC3\xAA",
		"g", "h", "i", "k", "l", "m", "n", "o", "\xC3\xB4", "\xC6\xA1", "p",
		"q", "r", "s", "t", "u", "\xC6\xB0", "v", "x", "y", "z", "\xC3\x9F", "\xCE\xA9",
	};
	static const char *const tones[] = {
		"ma", "m\xC3\xA0", "m\xE1\xBA\xA3", "m\xC3\xA3", "m\xC3\xA1", "m\xE1\xBA\xA1",
	};
	static const char *const mixed[] = {
		"", " ", "1", "10", "2", "a", "A", "an", "An", "\xC3\xA1n", "anh",
		"\xC4\x83n", "\xC3\xA2n", "ba", "B\xC3\xA0", "b\xC3\xA0\x61",
		"d", "dao", "\xC4\x91\x61o", "\xC4\x90\xC3\xA0o", "\xC4\x91\xC3\xA1o",
		"\xC4\x91i", "\xC3\xA9\x61", "eb", "hoa", "h\xC3\xB2\x61", "h\xE1\xBB\x8F\x61",
		"o", "\xC3\xB4", "\xC6\xA1", "z",
	};
	/* NFD forms sort where their NFC forms do */
	static const char *const nfd[] = {
		"Le", "Le\xCC\x82", "Le\xCC\xA3\xCC\x82", "Le\xCC\x82n",
	};

	check_order(dao, LEN(dao), false, "Đào < Đăng < Đặng");
	check_order(le, LEN(le), false, "Leo < Lê < Lệ < Lên");
	check_order(alphabet, LEN(alphabet), false, "the Vietnamese alphabet, then the rest");
	check_order(tones, LEN(tones), false, "tones: none, huyền, hỏi, ngã, sắc, nặng");
	check_order(mixed, LEN(mixed), false, "mixed words");
	check_order(nfd, LEN(nfd), false, "NFD words");
	OK(text_collate("H\xC3\xB2\x61", "Ho\xC3\xA0") != 0, "hòa, hoà: distinct");
	OK(text_collate("h\xC3\xB2\x61", "hoa") > 0 && text_collate("ho\xC3\xA0", "hoa") > 0 &&
	   text_collate("h\xC3\xB2\x61", "h\xE1\xBB\x8F\x61") < 0 &&
	   text_collate("ho\xC3\xA0", "h\xE1\xBB\x8F\x61") < 0,
	   "hòa and hoà sort together");
	IS_INT(text_collate("Vi\xE1\xBB\x87t", "Vi\xE1\xBB\x87t"), 0, "equal strings");
	IS_INT(text_collate("", ""), 0, "empty strings");
	OK(text_collate("Vie\xCC\xA3\xCC\x82t", "Vi\xE1\xBB\x87u") < 0, "NFD against NFC");
}

static void
test_name_collate(void)
{
	static const char *const three[] = {
		"Ph\xE1\xBA\xA1m Huy Ho\xC3\xA0ng", "Ho\xC3\xA0ng Th\xE1\xBB\x8B Ng\xE1\xBB\x8D\x63 Lan",
		"H\xC3\xA0 S\xC4\xA9 Th\xE1\xBA\xAFng",
	};
	static const char *const names[] = {
		"Nguy\xE1\xBB\x85n V\xC4\x83n An",
		"Tr\xE1\xBA\xA7n Th\xE1\xBB\x8B \xC3\x81nh",
		"L\xC3\xAA V\xC4\x83n B\xC3\xACnh",
		"Nguy\xE1\xBB\x85n H\xC3\xB2\x61 B\xC3\xACnh",
		"\xC4\x90\xE1\xBB\x97 V\xC4\x83n Chi\xE1\xBA\xBFn",
		"Ph\xE1\xBA\xA1m Minh Ch\xC3\xADnh",
		"Phan V\xC4\x83n Giang",
		"V\xC6\xB0\xC6\xA1ng \xC4\x90\xC3\xACnh Hu\xE1\xBB\x87",
		"L\xC3\xAA Minh H\xC6\xB0ng",
		"T\xC3\xB4 L\xC3\xA2m",
		"Tr\xC6\xB0\xC6\xA1ng Th\xE1\xBB\x8B Mai",
		"Nguy\xE1\xBB\x85n Th\xE1\xBB\x8B Kim Ng\xC3\xA2n",
		"Nguy\xE1\xBB\x85n Xu\xC3\xA2n Ph\xC3\xBA\x63",
		"Tr\xE1\xBA\xA7n \xC4\x90\xE1\xBA\xA1i Quang",
		"B\xC3\xB9i Thanh S\xC6\xA1n",
		"\xC4\x90\xE1\xBA\xB7ng Th\xE1\xBB\x8B Ng\xE1\xBB\x8D\x63 Th\xE1\xBB\x8Bnh",
		"V\xC3\xB5 V\xC4\x83n Th\xC6\xB0\xE1\xBB\x9Fng",
		"Nguy\xE1\xBB\x85n Ph\xC3\xBA Tr\xE1\xBB\x8Dng",
	};
	static const char *const given[] = {
		"\xC4\x90\xC3\xA0o Duy Anh", "Ng\xC3\xB4 \xC4\x90\xC4\x83ng", "L\xC3\xAA \xC4\x90\xE1\xBA\xB7ng",
		"Tr\xE1\xBA\xA7n Leo", "Ph\xE1\xBA\xA1m L\xC3\xAA", "V\xC5\xA9 L\xE1\xBB\x87",
		"Mai L\xC3\xAAn",
	};

	check_order(three, LEN(three), true, "names: Hoàng, Lan, Thắng");
	check_order(names, LEN(names), true, "names of real people by given name");
	check_order(given, LEN(given), true, "names: Anh, Đăng, Đặng, Leo, Lê, Lệ, Lên");
	OK(text_name_collate("  Tr\xE1\xBA\xA7n  An  ", "Tr\xE1\xBA\xA7n An") != 0 &&
	   text_name_collate("  L\xC3\xAA  An  ", "Tr\xE1\xBA\xA7n An") < 0,
	   "names with extra spaces");
	OK(text_name_collate("An", "B\xC3\xB9i An") < 0, "a one-word name");
	OK(text_name_collate("", "An") < 0, "an empty name");
}

/* --- mojibake ------------------------------------------------------------------ */

struct moji_case {
	const char *s;
	enum text_mojibake kind;
	size_t at;
};

static const struct moji_case moji_cases[] = {
	/* TCVN3 read as Latin-1 */
	{ "Vi\xC3\x96t Nam", TEXT_MOJI_TCVN3, 2 },
	{ "H\xC3\xA9i ngh\xC3\x9E", TEXT_MOJI_TCVN3, 1 },
	{ "C\xC3\xA9ng ho\xC2\xB5 x\xC2\xB7 h\xC3\xA9i ch\xC3\xB1 ngh\xC3\x9C\x61 Vi\xC3\x96t Nam", TEXT_MOJI_TCVN3, 1 },
	{ "Bi\xC2\xAAn b\xC2\xB8n h\xC3\xA9i ngh\xC3\x9E", TEXT_MOJI_TCVN3, 2 },
	{ "Bi\xC2\xAAn", TEXT_MOJI_NONE, 0 },
	{ "t\xC2\xB8\x63", TEXT_MOJI_TCVN3, 1 },
	{ "Ph\xC2\xB9m Huy", TEXT_MOJI_TCVN3, 2 },
	{ "word\xC2\xB9 and m\xC2\xB2, km\xC2\xB3", TEXT_MOJI_NONE, 0 },
	{ "\xC2\xAE\xC3\xA5ng ch\xC3\x9D", TEXT_MOJI_TCVN3, 0 },
	/* VNI read as Latin-1 */
	{ "Co\xC3\xA4ng ho\xC3\xB8\x61 xa\xC3\xB5 ho\xC3\xA4i chu\xC3\xBB ngh\xC3\xB3\x61 Vie\xC3\xA4t Nam", TEXT_MOJI_VNI, 2 },
	{ "Vie\xC3\xA4t Nam, Ho\xC3\xA4i ngh\xC3\xB2", TEXT_MOJI_VNI, 3 },
	{ "VIE\xC3\x84T NAM", TEXT_MOJI_VNI, 3 },
	{ "VIE\xC3\x84T NAM HO\xC3\x84I", TEXT_MOJI_VNI, 3 },
	{ "n\xC3\xB6\xC3\xB4\xC3\xB9\x63", TEXT_MOJI_VNI, 3 },
	{ "Tr\xC3\xB6\xC3\xB4\xC3\xB8ng", TEXT_MOJI_VNI, 4 },
	/* UTF-8 read as Latin-1 or Windows-1252 and encoded again */
	{ "Vi\xC3\xA1\xC2\xBB\xE2\x80\xA1t Nam", TEXT_MOJI_DOUBLE_UTF8, 2 },
	{ "Vi\xC3\xA1\xC2\xBB\xC2\x87t Nam", TEXT_MOJI_DOUBLE_UTF8, 2 },
	{ "caf\xC3\x83\xC2\xA9", TEXT_MOJI_DOUBLE_UTF8, 3 },
	{ "H\xC3\x83\xC2\xA0 N\xC3\xA1\xC2\xBB\xE2\x84\xA2i", TEXT_MOJI_DOUBLE_UTF8, 1 },
	{ "it\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s", TEXT_MOJI_DOUBLE_UTF8, 2 },
	/* one telling hit is enough, a less telling one is not */
	{ "Vie\xC3\xA4t Nam", TEXT_MOJI_VNI, 3 },
	{ "Nga\xC3\xA2n S\xC3\xB4n", TEXT_MOJI_NONE, 0 },
	{ "Ch\xC3\xB6\xC3\xB4ng tr\xC3\xACnh", TEXT_MOJI_VNI, 4 },
	{ "S\xC2\xACn", TEXT_MOJI_TCVN3, 1 },
	{ "Ch\xC2\xAD\xC2\xACng tr\xC3\x97nh", TEXT_MOJI_TCVN3, 4 },
	{ "Ho\xC3\xB9", TEXT_MOJI_NONE, 0 },
	{ "Pha\xC3\xAFm", TEXT_MOJI_NONE, 0 },
	{ "ph\xC3\xA8i h\xC3\xAEp", TEXT_MOJI_NONE, 0 },
	{ "10\xC3\x82\xC2\xB0\x43", TEXT_MOJI_NONE, 0 },
	/* real words of other languages that look alike */
	{ "La\xC3\xA2youne, Na\xC3\xA2ma, C\xC3\xB4\xC3\xB4ng", TEXT_MOJI_NONE, 0 },
	{ "o\xC3\xA4ndligt m\xC3\xA5nga, kommando\xC3\xA5tg\xC3\xA4rd", TEXT_MOJI_NONE, 0 },
	{ "pime\xC3\xA4n, uudelleennime\xC3\xA4minen ep\xC3\xA4onnistui", TEXT_MOJI_NONE, 0 },
	{ "Agalega\xC3\xB8\x65rne, F\xC3\xA6r\xC3\xB8\x65rne", TEXT_MOJI_NONE, 0 },
	{ "taispe\xC3\xA1in n\xC3\xA1 taispe\xC3\xA1in earr\xC3\xA1ide, be\xC3\xA1ll\xC3\xADt\xC3\xA1sa", TEXT_MOJI_NONE, 0 },
	{ "\xC2\xABread\xC2\xBB, \xC2\xBB%s\xC2\xAB erlaubt f\xC3\xBCr, \xC2\xABskip\xC2\xBB fall\xC3\xB3", TEXT_MOJI_NONE, 0 },
	{ "hist\xC3\xB3rico com n\xC2\xBAs de, NUMERO\xC2\xAA ocorr\xC3\xAAncia", TEXT_MOJI_NONE, 0 },
	{ "k\xC2\xB4odovan\xC3\xA9 hodnot\xC4\x9B, Azken\xC2\xB7\x62urugoiko\xC2\xB7modifikazitua", TEXT_MOJI_NONE, 0 },
	{ "\xE2\x80\x9CX\xC3\x83\xE2\x80\x9D, NG\xC3\x83\xE2\x80\xA6 DESTINACI\xC3\x93\xE2\x80\xA6 OPCI\xC3\x93\xE2\x80\xA6", TEXT_MOJI_NONE, 0 },
	{ "sign\xC3\x89\x63riture, na h\xC3\x89igipte, na h\xC3\x8Dsilt\xC3\xADre, %s\xC3\x84r du", TEXT_MOJI_NONE, 0 },
	{ "masa\xC3\xBCst\xC3\xBC, masa\xC3\xBCst\xC3\xBC, masa\xC3\xBCst\xC3\xBC; prove\xC3\xAF\x64or prove\xC3\xAF\x64or prove\xC3\xAF\x64or", TEXT_MOJI_NONE, 0 },
	{ "nime\xC3\xA4, nime\xC3\xA4, nime\xC3\xA4 \xC2\xBFQuiere? \xC2\xA1Hola!", TEXT_MOJI_NONE, 0 },
	{ "m\xC2\xB2, m\xC2\xB3, 2\xC3\x97\x33 m, x\xC2\xB2y", TEXT_MOJI_NONE, 0 },
	/* genuine text */
	{ "Vi\xE1\xBB\x87t Nam", TEXT_MOJI_NONE, 0 },
	{ "C\xE1\xBB\x98NG H\xC3\x92\x41 X\xC3\x83 H\xE1\xBB\x98I CH\xE1\xBB\xA6 NGH\xC4\xA8\x41 VI\xE1\xBB\x86T NAM", TEXT_MOJI_NONE, 0 },
	{ "Th\xC3\xA0nh ph\xE1\xBB\x91 H\xE1\xBB\x93 Ch\xC3\xAD Minh, m\xC3\xB9\x61 xu\xC3\xA2n, thu\xC3\xAA nh\xC3\xA0, qu\xC3\xAA h\xC6\xB0\xC6\xA1ng, ho\xC3\xA3n h\xE1\xBB\x8Dp, bu\xC3\xB4ng, khu\xC3\xA2n v\xC3\xA1\x63, ho\xC3\xA0, ho\xC3\xA1, qu\xC3\xA1, X\xC3\x83", TEXT_MOJI_NONE, 0 },
	{ "H\xC3\x80 N\xE1\xBB\x98I, \xC4\x90\xC3\x80 N\xE1\xBA\xB4NG, TH\xC3\x80NH PH\xE1\xBB\x90", TEXT_MOJI_NONE, 0 },
	{ "No\xC3\xABl, cr\xC3\xA8me br\xC3\xBBl\xC3\xA9\x65, ma\xC3\xAFs au go\xC3\xBBt de caf\xC3\xA9, na\xC3\xAFve, Isra\xC3\xABl, Rapha\xC3\xABl, ao\xC3\xBBt", TEXT_MOJI_NONE, 0 },
	{ "Gr\xC3\xBC\xC3\x9F\x65 aus K\xC3\xB6ln, \xC3\x9C\x62\x65rgr\xC3\xB6\xC3\x9F\x65, M\xC3\xA4\x64\x63hen", TEXT_MOJI_NONE, 0 },
	{ "\xC2\xBFQu\xC3\xA9 tal? ma\xC3\xB1\x61na, S\xC3\xA3o Paulo, a\xC3\xA7\xC3\xB5\x65s e le\xC3\xB5\x65s, ba\xC3\xBAl, pa\xC3\xADs", TEXT_MOJI_NONE, 0 },
	{ "col\xC2\xB7lecci\xC3\xB3 i col\xC2\xB7labor\xC3\xA0", TEXT_MOJI_NONE, 0 },
	{ "Unikey\xC2\xAE 25\xC2\xB0\x43 10\xC2\xB5m \xC2\xA9\x32\x30\x32\x34 \xC2\xBD \xC3\x97 2", TEXT_MOJI_NONE, 0 },
	{ "\xC3\x86r\xC3\xB8 K\xC3\xB8\x62\x65nhavn \xC3\x9E\xC3\xB3r", TEXT_MOJI_NONE, 0 },
	{ "H\xC3\xA0 N\xE1\xBB\x99i \xE6\xB2\xB3\xE5\x86\x85 \xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3 " ZWJ_FAMILY, TEXT_MOJI_NONE, 0 },
	{ "Vi\xE1\xBB\x87t\xE2\x80\x8BNam, H\xE1\xBB\x99i\xC2\xA0\xC4\x91\xE1\xBB\x93ng, \xE2\x80\x9Cquy\xE1\xBA\xBFt \xC4\x91\xE1\xBB\x8Bnh\xE2\x80\x9D \xE2\x80\x94 \xE2\x80\xA6", TEXT_MOJI_NONE, 0 },
	{ LONG_TOKEN, TEXT_MOJI_NONE, 0 },
	{ "", TEXT_MOJI_NONE, 0 },
	{ "\xFF\xFE\xC3", TEXT_MOJI_NONE, 0 },
};

static void
test_mojibake(void)
{
	size_t i;

	for (i = 0; i < LEN(moji_cases); i++) {
		const struct moji_case *t = &moji_cases[i];
		size_t at = 12345;
		enum text_mojibake k = text_detect_mojibake(t->s, strlen(t->s), &at);
		char what[64];

		snprintf(what, sizeof(what), "mojibake case %zu", i);
		IS_INT(k, t->kind, what);
		if (t->kind != TEXT_MOJI_NONE)
			IS_INT(at, t->at, "mojibake position");
	}
	OK(strstr(text_mojibake_hint(TEXT_MOJI_TCVN3), "TCVN3") != NULL, "TCVN3 hint");
	OK(strstr(text_mojibake_hint(TEXT_MOJI_VNI), "VNI") != NULL, "VNI hint");
	OK(strstr(text_mojibake_hint(TEXT_MOJI_DOUBLE_UTF8), "UTF-8") != NULL, "double UTF-8 hint");
	IS_STR(text_mojibake_hint(TEXT_MOJI_NONE), "", "no hint without mojibake");
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_repair_table();
	test_repair_nul();
	test_nfc_random();
	test_is_clean_long();
	test_is_clean_blocks();
	test_fit_cut();
	test_collapse();
	test_letters();
	test_clusters();
	test_cluster_prev_mid();
	test_render();
	test_render_long_cluster();
	test_width();
	test_fit();
	test_truncate();
	test_sanitize();
	test_wrap_long_token();
	test_wrap_cases();
	test_wrap_empty();
	test_fold();
	test_fold_map();
	test_collate();
	test_name_collate();
	test_mojibake();
	return tap_done();
}
