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

/* the end kept: a path's file name, never half a letter or half a
 * wide character */
static void
test_truncate_left(void)
{
	static const struct trunc_case cases[] = {
		{ "data/ngan-son-2020.xml", 12, 64, "\xE2\x80\xA6" "on-2020.xml", 12 },
		{ "data/ngan-son-2020.xml", 22, 64, "data/ngan-son-2020.xml", 22 },
		{ "data/ngan-son-2020.xml", 23, 64, "data/ngan-son-2020.xml", 22 },
		{ "h\xE1\xBB\x8Dp/bi\xC3\xAAn-b\xE1\xBA\xA3n.xml", 10, 64,
		  "\xE2\x80\xA6" "n-b\xE1\xBA\xA3n.xml", 10 },
		{ "a/\xE6\xB2\xB3\xE5\x86\x85.xml", 7, 64, "\xE2\x80\xA6" "\xE5\x86\x85.xml", 7 },
		{ "a/\xE6\xB2\xB3\xE5\x86\x85.xml", 6, 64, "\xE2\x80\xA6.xml", 5 },
		{ "abcdef", 1, 64, "\xE2\x80\xA6", 1 },
		{ "abcdef", 0, 64, "", 0 },
	};
	for (size_t i = 0; i < LEN(cases); i++) {
		const struct trunc_case *t = &cases[i];
		char buf[64], what[64];
		int w = text_truncate_left(t->s, strlen(t->s), t->cols, buf, t->size);
		snprintf(what, sizeof(what), "truncate_left case %zu", i);
		IS_STR(buf, t->out, what);
		IS_INT(w, t->width, "truncate_left width");
	}
}

static void
test_trim_before_mark(void)
{
	char a[] = "\xE1\xBB\xA6y ban  \xE2\x80\xA6", b[] = "ab \xE2\x80\xA6" "c", c[] = " \xE2\x80\xA6";
	text_trim_before_mark(a);
	IS_STR(a, "\xE1\xBB\xA6y ban\xE2\x80\xA6", "trim: the spaces before the mark go");
	text_trim_before_mark(b);
	IS_STR(b, "ab \xE2\x80\xA6" "c", "trim: a mark inside is left alone");
	text_trim_before_mark(c);
	IS_STR(c, "\xE2\x80\xA6", "trim: down to the mark alone");
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
	/* no break after '-' or '/' before a digit (UAX #14, LB25) */
	{ LONG_TOKEN, 10, { "S\xE1\xBB\x91:", "1234/2024/", "Q\xC4\x90-UBND-",
		"VPUB-TCCB-", "KHTC-", "QLDA-2024" } },
	{ LONG_TOKEN, 3, { "S\xE1\xBB\x91:", "123", "4/2", "024", "/",
		"Q\xC4\x90-", "UBN", "D-", "VPU", "B-", "TCC", "B-" } },
	{ LONG_TOKEN, 4, { "S\xE1\xBB\x91:", "1234", "/202", "4/", "Q\xC4\x90-",
		"UBND", "-", "VPUB", "-", "TCCB", "-", "KHTC" } },
	{ "ng\xC3\xA0y 20-4-2024 s\xE1\xBB\x91 59/2020/QH14", 12,
	  { "ng\xC3\xA0y", "20-4-2024 s\xE1\xBB\x91", "59/2020/QH14" } },
	{ "H\xE1\xBB\x8Dp ng\xC3\xA0y 20-4-2024", 11, { "H\xE1\xBB\x8Dp ng\xC3\xA0y", "20-4-2024" } },
	{ "Lu\xE1\xBA\xADt s\xE1\xBB\x91 59/2020/QH14", 10, { "Lu\xE1\xBA\xADt s\xE1\xBB\x91", "59/2020/", "QH14" } },
	{ "v\xC3\xA0-/ b-c", 3, { "v\xC3\xA0-", "/", "b-c" } },
	/* with sloppy spacing, no line begins with closing punctuation or
	 * ends with opening punctuation */
	{ "Qu\xE1\xBB\xB9 \xE2\x80\x9C V\xC3\xAC ng\xC6\xB0\xE1\xBB\x9Di ngh\xC3\xA8o \xE2\x80\x9D", 8,
	  { "Qu\xE1\xBB\xB9 \xE2\x80\x9C V\xC3\xAC", "ng\xC6\xB0\xE1\xBB\x9Di", "ngh\xC3\xA8o \xE2\x80\x9D" } },
	{ "K\xE1\xBA\xBFt lu\xE1\xBA\xADn ( xem m\xE1\xBB\xA5\x63 2 ) : \xC4\x91\xE1\xBB\x93ng \xC3\xBD ; t\xE1\xBB\x91t !", 9,
	  { "K\xE1\xBA\xBFt lu\xE1\xBA\xADn", "( xem m\xE1\xBB\xA5\x63", "2 ) :", "\xC4\x91\xE1\xBB\x93ng \xC3\xBD ;", "t\xE1\xBB\x91t !" } },
	{ "ab ) cd", 4, { "ab )", "cd" } },
	{ "( ab cd", 4, { "( ab", "cd" } },
	{ "m\xE1\xBB\x99t hai \xE2\x80\x9D", 6, { "m\xE1\xBB\x99t", "hai \xE2\x80\x9D" } },
	{ "ng\xC6\xB0\xE1\xBB\x9Di ngh\xC3\xA8o \xE2\x80\x9D", 11, { "ng\xC6\xB0\xE1\xBB\x9Di", "ngh\xC3\xA8o \xE2\x80\x9D" } },
	{ "K\xE1\xBA\xBFt lu\xE1\xBA\xADn ( xem", 10, { "K\xE1\xBA\xBFt lu\xE1\xBA\xADn", "( xem" } },
	{ "K\xE1\xBA\xBFt lu\xE1\xBA\xADn : xem", 8, { "K\xE1\xBA\xBFt", "lu\xE1\xBA\xADn :", "xem" } },
	{ "tr\xC6\xB0\xE1\xBB\x9B\x63 ng\xC3\xA0y 31/12/2021;", 20, { "tr\xC6\xB0\xE1\xBB\x9B\x63 ng\xC3\xA0y", "31/12/2021;" } },
	{ "a \xE2\x80\x9C b", 3, { "a", "\xE2\x80\x9C b" } },
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
	test_truncate_left();
	test_trim_before_mark();
	test_sanitize();
	test_wrap_long_token();
	test_wrap_cases();
	test_wrap_empty();
	return tap_done();
}
