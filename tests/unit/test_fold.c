/* test_fold.c - unit tests for the search keys (tui/fold.c). */
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "fold.h"

#define LEN(a) (sizeof(a) / sizeof((a)[0]))
#define ZWJ_FAMILY "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"
#define LONG_TOKEN "S\xE1\xBB\x91: 1234/2024/Q\xC4\x90-UBND-VPUB-TCCB-KHTC-QLDA-2024"

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
	/* double quotes of every shape fold to ", single ones to ' */
	{ "Qu\xE1\xBB\xB9 \xE2\x80\x9CV\xC3\xAC ng\xC6\xB0\xE1\xBB\x9Di ngh\xC3\xA8o\xE2\x80\x9D",
	  "quy \"vi nguoi ngheo\"" },
	{ "\xE2\x80\x9E\x61\xE2\x80\x9F \xE2\x80\xB3\x62\xE2\x80\xB3 \xEF\xBC\x82\x63\xEF\xBC\x82", "\"a\" \"b\" \"c\"" },
	{ "\xE2\x80\x98\x61\xE2\x80\x99 \xE2\x80\x9A\x62\xE2\x80\x9B", "'a' 'b'" },
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
	check_match("Qu\xE1\xBB\xB9 \xE2\x80\x9CV\xC3\xAC ng\xC6\xB0\xE1\xBB\x9Di ngh\xC3\xA8o\xE2\x80\x9D \xC4\x91\xE1\xBA\xA1t",
		    "\"V\xC3\xAC ng\xC6\xB0\xE1\xBB\x9Di ngh\xC3\xA8o\"",
		    "\xE2\x80\x9CV\xC3\xAC ng\xC6\xB0\xE1\xBB\x9Di ngh\xC3\xA8o\xE2\x80\x9D");
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_fold();
	test_fold_map();
	return tap_done();
}
