/* test_collate.c - unit tests for Vietnamese sorting (tui/collate.c). */
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "collate.h"

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

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

/* LIST sorted as names, joined by '|' (a static buffer). */
static const char *
sorted_names(const char *const *list, size_t n)
{
	static char out[1024];
	const char *v[32];
	size_t i;

	memcpy(v, list, n * sizeof(*v));
	qsort(v, n, sizeof(*v), cmp_name);
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i)
			strcat(out, "|");
		strcat(out, v[i]);
	}
	return out;
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

	/* titles in front are left out: sorted as Thư (Trần Thị), Thư (Vũ),
	 * Thư (Vương)...; "Phó" alone is a surname */
	static const char *const titled[] = {
		"Nguy\xE1\xBB\x85n V\xC4\x83n An",
		"GS. Ph\xE1\xBA\xA1m B\xC3\xACnh",
		"\xC4\x90/c L\xC3\xAA Ch\xC3\xAD",
		"Ph\xC3\xB3 \xC4\x90\xE1\xBB\xA9\x63 Hoa",
		"\xC3\x94ng L\xC6\xB0u Minh",
		"B\xC3\xA0 Mai Minh",
		"Ph\xC3\xB3 Gi\xC3\xA1o s\xC6\xB0 Nguy\xE1\xBB\x85n Minh",
		"\xC4\x91\xE1\xBB\x93ng ch\xC3\xAD Tr\xE1\xBA\xA7n Minh",
		"NS\xC6\xAFT Ho\xC3\xA0ng Th\xE1\xBA\xA3o",
		"ThS.BS V\xC3\xB5 Th\xE1\xBA\xA3o",
		"Tr\xE1\xBA\xA7n Th\xE1\xBB\x8B Th\xC6\xB0",
		"PGS.TS. V\xC5\xA9 Th\xC6\xB0",
		"NSND  TS.  V\xC6\xB0\xC6\xA1ng Th\xC6\xB0",
	};
	static const char *const nbsp[] = {
		"Nguy\xE1\xBB\x85n V\xC4\x83n\xC2\xA0\x41n",
		"L\xC3\xAA\xE2\x80\xAFV\xC4\x83n\xE2\x80\xAF\x42\xC3\xACnh",
		"Tr\xE1\xBA\xA7n V\xC4\x83n\xC2\xA0\xC2\xA0\x43hi",
	};

	check_order(three, LEN(three), true, "names: Hoàng, Lan, Thắng");
	check_order(names, LEN(names), true, "names of real people by given name");
	check_order(given, LEN(given), true, "names: Anh, Đăng, Đặng, Leo, Lê, Lệ, Lên");
	OK(text_name_collate("  Tr\xE1\xBA\xA7n  An  ", "Tr\xE1\xBA\xA7n An") != 0 &&
	   text_name_collate("  L\xC3\xAA  An  ", "Tr\xE1\xBA\xA7n An") < 0,
	   "names with extra spaces");
	OK(text_name_collate("An", "B\xC3\xB9i An") < 0, "a one-word name");
	check_order(titled, LEN(titled), true, "titles are not names");
	check_order(nbsp, LEN(nbsp), true, "names split at no-break spaces");
	OK(text_name_collate("PGS.TS. V\xC5\xA9 Th\xC6\xB0", "Tr\xE1\xBA\xA7n Th\xE1\xBB\x8B Th\xC6\xB0") > 0,
	   "PGS.TS. Vũ Thư after Trần Thị Thư");
	OK(text_name_collate("Nguy\xE1\xBB\x85n V\xC4\x83n\xC2\xA0\x41n", "L\xC3\xAA V\xC4\x83n B\xC3\xACnh") < 0,
	   "Nguyễn Văn<NBSP>An before Lê Văn Bình");
	OK(text_name_collate("\xC3\x94ng", "An") > 0, "a title alone is a name");
	IS_STR(sorted_names(given, LEN(given)),
	       "\xC4\x90\xC3\xA0o Duy Anh|Ng\xC3\xB4 \xC4\x90\xC4\x83ng|L\xC3\xAA \xC4\x90\xE1\xBA\xB7ng|"
	       "Tr\xE1\xBA\xA7n Leo|Ph\xE1\xBA\xA1m L\xC3\xAA|V\xC5\xA9 L\xE1\xBB\x87|Mai L\xC3\xAAn",
	       "names sorted, as one string");
	OK(text_name_collate("", "An") < 0, "an empty name");
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_collate();
	test_name_collate();
	return tap_done();
}
