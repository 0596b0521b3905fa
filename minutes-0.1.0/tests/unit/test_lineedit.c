/* test_lineedit.c - the one-line editor: typing, IME corrections, cluster
 * moves, paste filtering, the size limit and horizontal scrolling. */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "lineedit.h"
#include "tap.h"
#include "text.h"

#define FAMILY "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"

/* Types S one code point at a time, as get_wch would deliver it. */
static void
type(struct lineedit *e, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	while (*p) {
		n = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
		lineedit_insert(e, (const char *)p, n);
		p += n;
	}
}

static void
backspaces(struct lineedit *e, int n)
{
	while (n-- > 0)
		lineedit_backspace(e);
}

static void
lefts(struct lineedit *e, int n)
{
	while (n-- > 0)
		lineedit_left(e);
}

static void
test_typing(void)
{
	struct lineedit e;

	lineedit_init(&e);
	type(&e, "Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t");
	IS_STR(e.buf, "Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t", "typing Tiếng Việt");
	IS_INT(e.len, 14, "length in bytes");
	IS_INT(e.cursor, 14, "cursor at the end");

	lineedit_clear(&e);
	lineedit_insert_char(&e, 'e');
	lineedit_insert_char(&e, 0x0302);
	lineedit_insert_char(&e, 0x0301);
	IS_STR(e.buf, "\xE1\xBA\xBF", "e + U+0302 + U+0301 -> ế (NFC)");
	IS_INT(e.cursor, 3, "cursor after ế");
	OK(lineedit_left(&e) && e.cursor == 0, "ế is one cluster");

	lineedit_clear(&e);
	type(&e, "Vie\xCC\xA3\xCC\x82t Nam");
	IS_STR(e.buf, "Vi\xE1\xBB\x87t Nam", "NFD Việt typed -> NFC");
	lineedit_clear(&e);
	type(&e, "Vie\xCC\x82\xCC\xA3t");
	IS_STR(e.buf, "Vi\xE1\xBB\x87t", "other mark order -> same NFC");
	IS_INT(e.cursor, e.len, "cursor at the end");

	lineedit_set(&e, "Vie\xCC\xA3\xCC\x82t");
	IS_STR(e.buf, "Vi\xE1\xBB\x87t", "set repairs to NFC");
	IS_INT(e.cursor, 6, "set puts the cursor at the end");
	lineedit_free(&e);
}

static void
test_backspace(void)
{
	struct lineedit e;

	lineedit_init(&e);
	type(&e, "Vi\xE1\xBB\x87t");
	OK(lineedit_backspace(&e), "backspace returns true");
	IS_STR(e.buf, "Vi\xE1\xBB\x87", "BS removes t");
	OK(lineedit_backspace(&e), "backspace again");
	IS_STR(e.buf, "Vi", "BS removes ệ whole");
	IS_INT(e.cursor, 2, "cursor after Vi");

	/* an NFD-typed stacked letter is still one backspace */
	lineedit_clear(&e);
	type(&e, "qe\xCC\xA3\xCC\x82\xCC\x81");
	lineedit_backspace(&e);
	IS_STR(e.buf, "q", "BS removes a letter with stacked marks");
	lineedit_free(&e);
}

static void
test_ime(void)
{
	struct lineedit e;

	lineedit_init(&e);
	type(&e, "tieng");
	backspaces(&e, 4);
	IS_STR(e.buf, "t", "tieng, BS x4 -> t");
	type(&e, "i\xE1\xBA\xBFng");
	IS_STR(e.buf, "ti\xE1\xBA\xBFng", "then iếng -> tiếng");

	lineedit_clear(&e);
	type(&e, "ti\xC3\xAA");
	lineedit_backspace(&e);
	type(&e, "\xE1\xBA\xBF");
	IS_STR(e.buf, "ti\xE1\xBA\xBF", "tiê BS ế -> tiế");

	lineedit_clear(&e);
	type(&e, "Vie");
	lineedit_backspace(&e);
	type(&e, "\xE1\xBB\x87");
	IS_STR(e.buf, "Vi\xE1\xBB\x87", "Vie BS ệ -> Việ");

	lineedit_clear(&e);
	type(&e, "Vie");
	backspaces(&e, 2);
	type(&e, "i\xE1\xBB\x87");
	IS_STR(e.buf, "Vi\xE1\xBB\x87", "Vie BS BS iệ -> Việ");
	type(&e, "t");
	IS_STR(e.buf, "Vi\xE1\xBB\x87t", "then t -> Việt");

	lineedit_clear(&e);
	type(&e, "Viet");
	backspaces(&e, 2);
	type(&e, "\xE1\xBB\x87t");
	IS_STR(e.buf, "Vi\xE1\xBB\x87t", "Viet BS BS ệt -> Việt");

	/* a correction in the middle of a word already typed */
	lineedit_clear(&e);
	type(&e, "Tieng Viet");
	lefts(&e, 1);
	lineedit_backspace(&e);
	type(&e, "\xE1\xBB\x87");
	IS_STR(e.buf, "Tieng Vi\xE1\xBB\x87t", "mid-word correction e -> ệ");
	IS_INT(e.cursor, 11, "cursor after ệ");
	lineedit_free(&e);
}

static void
test_middle(void)
{
	struct lineedit e;

	lineedit_init(&e);
	type(&e, "Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t");
	lefts(&e, 4);
	IS_INT(e.cursor, 8, "4 lefts: before V");
	OK(lineedit_backspace(&e), "BS in the middle");
	IS_STR(e.buf, "Ti\xE1\xBA\xBFngVi\xE1\xBB\x87t", "BS removed the space");
	IS_INT(e.cursor, 7, "cursor after g");
	OK(lineedit_delete(&e), "delete in the middle");
	IS_STR(e.buf, "Ti\xE1\xBA\xBFngi\xE1\xBB\x87t", "delete removed V");
	IS_INT(e.cursor, 7, "cursor stays");
	lefts(&e, 3);
	IS_INT(e.cursor, 2, "3 lefts: before ế");
	OK(lineedit_delete(&e), "delete ế");
	IS_STR(e.buf, "Tingi\xE1\xBB\x87t", "delete removed ế whole");
	lineedit_end(&e);
	OK(!lineedit_delete(&e), "delete at the end is false");
	OK(!lineedit_right(&e), "right at the end is false");
	lineedit_home(&e);
	IS_INT(e.cursor, 0, "home");
	OK(!lineedit_backspace(&e), "BS at the start is false");
	OK(!lineedit_left(&e), "left at the start is false");
	lineedit_end(&e);
	IS_INT(e.cursor, e.len, "end");

	/* typing in the middle */
	lineedit_set(&e, "Vit Nam");
	lefts(&e, 5);
	type(&e, "e\xCC\xA3\xCC\x82");
	IS_STR(e.buf, "Vi\xE1\xBB\x87t Nam", "NFD typed in the middle");
	IS_INT(e.cursor, 5, "cursor after ệ");
	lineedit_free(&e);
}

static void
test_moves(void)
{
	struct lineedit e;

	lineedit_init(&e);
	lineedit_set(&e, "a" FAMILY "b");
	lefts(&e, 1);
	IS_INT(e.cursor, 19, "left: before b");
	OK(lineedit_left(&e), "left over the family");
	IS_INT(e.cursor, 1, "the ZWJ family is one step left");
	OK(lineedit_right(&e), "right over the family");
	IS_INT(e.cursor, 19, "the ZWJ family is one step right");
	lineedit_backspace(&e);
	IS_STR(e.buf, "ab", "BS removes the whole family");

	lineedit_set(&e, "H\xC3\xA0 N\xE1\xBB\x99i \xE6\xB2\xB3\xE5\x86\x85");
	lineedit_home(&e);
	while (e.cursor < 10)
		lineedit_right(&e);
	IS_INT(e.cursor, 10, "right stops before 河");
	lineedit_right(&e);
	IS_INT(e.cursor, 13, "河 is one step");
	lineedit_left(&e);
	IS_INT(e.cursor, 10, "and one step back");

	lineedit_set(&e, "xq\xCC\xA3\xCC\x82\xCC\x81y");
	lineedit_home(&e);
	lineedit_right(&e);
	lineedit_right(&e);
	IS_INT(e.cursor, 8, "stacked marks: one step right");
	lineedit_left(&e);
	IS_INT(e.cursor, 1, "stacked marks: one step left");

	/* ZWJ typed between two emoji: the cursor ends on a boundary */
	lineedit_set(&e, "\xF0\x9F\x91\xA8\xF0\x9F\x91\xA9");
	lineedit_left(&e);
	lineedit_insert_char(&e, 0x200D);
	IS_INT(e.cursor, 11, "ZWJ joins the emoji: cursor after the cluster");
	lineedit_free(&e);
}

static void
test_kill(void)
{
	struct lineedit e;

	lineedit_init(&e);
	type(&e, "Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t");
	lefts(&e, 4);
	lineedit_kill_before(&e);
	IS_STR(e.buf, "Vi\xE1\xBB\x87t", "Ctrl-U in the middle");
	IS_INT(e.cursor, 0, "cursor at the start");
	lineedit_kill_before(&e);
	IS_STR(e.buf, "Vi\xE1\xBB\x87t", "Ctrl-U at the start: nothing");
	lineedit_end(&e);
	lineedit_kill_before(&e);
	IS_STR(e.buf, "", "Ctrl-U at the end empties");
	lineedit_free(&e);
}

static void
test_paste(void)
{
	static const char paste[] = "a\nb\tc\x1B" "d\xC2\x9B" "e\rf\x7Fg";
	struct lineedit e;

	lineedit_init(&e);
	lineedit_insert(&e, paste, sizeof(paste) - 1);
	IS_STR(e.buf, "a b cde fg", "newline/TAB/CR -> space, ESC/C1/DEL dropped");
	IS_INT(e.cursor, 10, "cursor after the paste");

	lineedit_clear(&e);
	lineedit_insert(&e, "A\xC3(B", 4);
	IS_STR(e.buf, "A\xEF\xBF\xBD(B", "invalid byte -> U+FFFD");
	lineedit_clear(&e);
	lineedit_insert(&e, "\xFF", 1);
	IS_STR(e.buf, "\xEF\xBF\xBD", "0xFF -> U+FFFD");
	lineedit_clear(&e);
	lineedit_insert(&e, "Vi\xE1\xBB", 4);
	OK(strncmp(e.buf, "Vi\xEF\xBF\xBD", 5) == 0, "truncated character -> U+FFFD");
	IS_INT(e.cursor, e.len, "cursor at the end");

	lineedit_clear(&e);
	lineedit_insert_char(&e, 0x1B);
	lineedit_insert_char(&e, 0x9B);
	lineedit_insert_char(&e, '\t');
	IS_STR(e.buf, " ", "insert_char: ESC, C1 dropped; TAB -> space");
	lineedit_insert_char(&e, 0x110000);
	lineedit_insert_char(&e, 0xD800);
	IS_STR(e.buf, " \xEF\xBF\xBD\xEF\xBF\xBD", "out of range, surrogate -> U+FFFD");

	lineedit_set(&e, "x\ny\x1Bz");
	IS_STR(e.buf, "x yz", "set filters like a paste");

	/* an orphan mark at the start composes with a letter typed before it */
	lineedit_set(&e, "\xCC\x81" "abc");
	lineedit_home(&e);
	type(&e, "e");
	IS_STR(e.buf, "\xC3\xA9" "abc", "letter before an orphan mark composes");
	IS_INT(e.cursor, 2, "cursor after é");
	lineedit_free(&e);
}

static void
test_max(void)
{
	struct lineedit e;

	lineedit_init(&e);
	e.max = 10;
	type(&e, "Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t");
	IS_STR(e.buf, "Ti\xE1\xBA\xBFng Vi", "typing stops at the limit");
	IS_INT(e.len, 10, "10 bytes");
	lineedit_backspace(&e);
	lineedit_insert(&e, "\xE1\xBB\x87t", 4);
	IS_STR(e.buf, "Ti\xE1\xBA\xBFng V", "a paste that does not fit is refused");
	type(&e, "\xE1\xBB\x87");
	IS_STR(e.buf, "Ti\xE1\xBA\xBFng V", "a 3-byte letter over the limit is refused");
	type(&e, "i");
	IS_STR(e.buf, "Ti\xE1\xBA\xBFng Vi", "a letter that fits exactly");

	lineedit_set(&e, "Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t");
	IS_STR(e.buf, "Ti\xE1\xBA\xBFng Vi", "set cuts at a cluster boundary");
	IS_INT(e.cursor, 10, "cursor at the end");

	e.max = 2;
	lineedit_set(&e, "e");
	lineedit_insert_char(&e, 0x0301);
	IS_STR(e.buf, "\xC3\xA9", "a mark composing within the limit is taken");
	e.max = 0;
	lineedit_free(&e);
	lineedit_init(&e);
	{
		static char big[65537];

		memset(big, 'a', sizeof(big) - 1);
		lineedit_insert(&e, big, 65536);
		IS_INT(e.len, 65536, "default limit: 64 KiB fits");
		type(&e, "b");
		IS_INT(e.len, 65536, "default limit: one more byte refused");
	}
	lineedit_free(&e);
}

static bool
is_boundary(const struct lineedit *e, size_t off)
{
	struct text_cluster cl;
	size_t pos = 0, next;

	while (pos < off) {
		next = text_cluster_next(e->buf, e->len, pos, &cl);
		if (next == pos)
			return false;
		pos = next;
	}
	return pos == off;
}

/* Every cursor position, walking right then left, at one width. */
static bool
view_walk(struct lineedit *e, int width)
{
	size_t scroll = 0;
	bool ok = true;
	int col, pass;

	for (pass = 0; pass < 2; pass++) {
		if (pass == 0)
			lineedit_home(e);
		do {
			col = lineedit_view(e, width, &scroll);
			ok = ok && col >= 0 && col < width &&
			     scroll <= e->cursor && is_boundary(e, scroll) &&
			     col == text_width(e->buf + scroll,
					       e->cursor - scroll);
		} while (pass == 0 ? lineedit_right(e) : lineedit_left(e));
	}
	return ok;
}

static void
test_view(void)
{
	static const char line[] =
		"C\xE1\xBB\x98NG H\xC3\x92" "A X\xC3\x83 H\xE1\xBB\x98I "
		"Vi\xE1\xBB\x87t Nam \xE6\xB2\xB3\xE5\x86\x85 " FAMILY
		" ng\xC6\xB0\xE1\xBB\x9Di \xC4\x91\xE1\xBA\xA1i bi\xE1\xBB\x83u "
		"Qu\xE1\xBB\x91" "c h\xE1\xBB\x99i kh\xC3\xB3" "a XV";
	struct lineedit e;
	size_t scroll = 0;
	char what[64];
	int w;

	lineedit_init(&e);
	OK(lineedit_view(&e, 10, &scroll) == 0 && scroll == 0, "view of empty text");

	lineedit_set(&e, "Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t");
	IS_INT(lineedit_view(&e, 5, &scroll), 4, "end at width 5: column 4");
	IS_INT(scroll, 8, "scrolled to V");
	lefts(&e, 5);
	IS_INT(lineedit_view(&e, 5, &scroll), 0, "left past the edge: column 0");
	IS_INT(scroll, 7, "scrolled back to the cursor");
	lineedit_right(&e);
	IS_INT(lineedit_view(&e, 5, &scroll), 1, "right inside: no scroll");
	IS_INT(scroll, 7, "scroll kept");
	lineedit_home(&e);
	IS_INT(lineedit_view(&e, 5, &scroll), 0, "home: column 0");
	IS_INT(scroll, 0, "home: scroll 0");
	lineedit_end(&e);
	IS_INT(lineedit_view(&e, 20, &scroll), 10, "fits: column 10");
	IS_INT(scroll, 0, "fits: no scroll");

	/* a wide character under the cursor is never cut at the edge */
	lineedit_set(&e, "abcd\xE6\xB2\xB3");
	lefts(&e, 1);
	scroll = 0;
	IS_INT(lineedit_view(&e, 5, &scroll), 3, "wide char at the edge: scrolled");
	IS_INT(scroll, 1, "by one cluster");
	lineedit_end(&e);
	IS_INT(lineedit_view(&e, 1, &scroll), 0, "width 1 at the end");
	IS_INT(scroll, 7, "only the cursor shown");
	lineedit_left(&e);
	IS_INT(lineedit_view(&e, 1, &scroll), 0, "width 1 on a wide char");
	IS_INT(scroll, 4, "the wide char first");
	IS_INT(lineedit_view(&e, 0, &scroll), 0, "width 0 taken as 1");

	lineedit_set(&e, line);
	for (w = 1; w <= 20; w++) {
		snprintf(what, sizeof(what), "view at width %d: cursor visible", w);
		OK(view_walk(&e, w), what);
	}
	lineedit_free(&e);
}

static void
test_empty(void)
{
	struct lineedit e;

	lineedit_init(&e);
	IS_STR(e.buf, "", "init: empty string");
	OK(!lineedit_backspace(&e), "BS on empty is false");
	OK(!lineedit_delete(&e), "delete on empty is false");
	OK(!lineedit_left(&e), "left on empty is false");
	OK(!lineedit_right(&e), "right on empty is false");
	lineedit_kill_before(&e);
	lineedit_home(&e);
	lineedit_end(&e);
	IS_INT(e.cursor, 0, "cursor stays 0");
	lineedit_insert(&e, "", 0);
	lineedit_insert(&e, "\x1B\x7F", 2);
	IS_STR(e.buf, "", "inserting only controls changes nothing");
	lineedit_set(&e, "");
	IS_INT(e.len, 0, "set empty");
	lineedit_set(&e, NULL);
	IS_INT(e.len, 0, "set NULL");
	type(&e, "a");
	lineedit_backspace(&e);
	IS_STR(e.buf, "", "type then BS: empty again");
	OK(!lineedit_backspace(&e), "and BS is false");
	lineedit_free(&e);
	lineedit_free(&e);
	OK(e.buf == NULL, "free twice is safe");
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_typing();
	test_backspace();
	test_ime();
	test_middle();
	test_moves();
	test_kill();
	test_paste();
	test_max();
	test_view();
	test_empty();
	return tap_done();
}
