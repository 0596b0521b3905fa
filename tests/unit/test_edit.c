/* test_edit.c - what v and y/Y need below the screen: base64 (RFC 4648's
 * vectors), the source line of an element, the text a copy takes, and
 * the reload after an edit keeping the cursor by id (doc_edit.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base64.h"
#include "browser.h"
#include "doc.h"
#include "doc_edit.h"
#include "entries.h"
#include "loader.h"
#include "navigate.h"
#include "tap.h"

static char dir[] = "/tmp/minutes-edit-XXXXXX";
static char path[4200];

static char *
slurp(const char *p)
{
	FILE *f = fopen(p, "rb");
	static char buf[1 << 16];
	size_t n = f ? fread(buf, 1, sizeof(buf) - 1, f) : 0;
	if (f)
		fclose(f);
	buf[n] = '\0';
	return buf;
}

static void
spit(const char *p, const char *text)
{
	FILE *f = fopen(p, "wb");
	if (!f) {
		perror(p);
		exit(2);
	}
	fputs(text, f);
	fclose(f);
}

/* the file with the first FROM replaced by TO: the editor's work */
static void
edit(const char *from, const char *to)
{
	char *s = slurp(path), *at = strstr(s, from);
	if (!at) {
		fprintf(stderr, "no %s in %s\n", from, path);
		exit(2);
	}
	char *out = malloc(strlen(s) + strlen(to) + 1);
	memcpy(out, s, (size_t)(at - s));
	strcpy(out + (at - s), to);
	strcat(out, at + strlen(from));
	spit(path, out);
	free(out);
}

static void
test_base64(void)
{
	static const char *const vec[][2] = {
		{ "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" }, { "foo", "Zm9v" },
		{ "foob", "Zm9vYg==" }, { "fooba", "Zm9vYmE=" },
		{ "foobar", "Zm9vYmFy" },
		{ "Đại hội\n", "xJDhuqFpIGjhu5lpCg==" },
		{ "\xff\xfe\xfd", "//79" },
	};
	for (size_t i = 0; i < sizeof(vec) / sizeof(vec[0]); i++) {
		size_t n = 99;
		char *got = base64_encode(vec[i][0], strlen(vec[i][0]), &n);
		char what[100];
		snprintf(what, sizeof(what), "base64 of vector %zu: %s", i, vec[i][1]);
		IS_STR(got, vec[i][1], what);
		IS_INT(n, strlen(vec[i][1]), "... its length");
		IS_INT(base64_len(strlen(vec[i][0])), strlen(vec[i][1]), "... base64_len agrees");
		free(got);
	}
}

static void
test_id_line(const struct minutes *m)
{
	IS_INT(minutes_id_line(m, "kq1"), 25, "the line of item kq1's start tag");
	IS_INT(minutes_id_line(m, "kq2"), 27, "kq2: its start tag, not its text");
	IS_INT(minutes_id_line(m, "han-che"), 34, "a section's line");
	IS_INT(minutes_id_line(m, "hoa"), 17, "an attendee's line");
	IS_INT(minutes_id_line(m, "xa-an-lac-2023"), 6, "the minutes id: the <meeting> line");
	IS_INT(minutes_id_line(m, "nowhere"), 0, "no such id: 0");
	IS_INT(minutes_id_line(m, NULL), 0, "no id: 0");
}

/* "entry/record focus" of the selection */
static const char *
where(struct browser *b)
{
	static char buf[128];
	const struct entry *e = browser_entry(b);
	snprintf(buf, sizeof(buf), "%s%d/%d %s", e->ops->name,
		 strcmp(e->ops->name, "section") == 0 ? e->arg : 0, browser_content_cur(b),
		 b->focus == PANE_NAV ? "nav" : b->focus == PANE_CONTENT
		 ? "content" : "detail");
	return buf;
}

static void
test_copy(struct browser *b)
{
	char want[4400];
	char *t;

	navigate_goto_id(b, "kq1");
	IS_INT(doc_edit_line(b), 25, "v on kq1: line 25");
	t = doc_edit_copy_text(b, false);
	IS_STR(t, "Hoàn thành kế hoạch thu ngân sách & chi thường xuyên.", "y: the item's text");
	free(t);
	t = doc_edit_copy_text(b, true);
	snprintf(want, sizeof(want), "kq1 %s:25", path);
	IS_STR(t, want, "Y: the id and FILE:LINE");
	free(t);
	navigate_goto_id(b, "kq2");
	t = doc_edit_copy_text(b, false);
	IS_STR(t, "Đoạn thứ nhất: nước sạch đạt từ 95% trở lên.\nĐoạn thứ hai, có dấu <b> trong CDATA và Đường.",
	       "y: paragraphs as lines");
	free(t);
	navigate_goto_id(b, "hoa");
	t = doc_edit_copy_text(b, false);
	IS_STR(t, "Đào Thị Hoà, Phó Chủ tịch UBND xã", "y on an attendee: name and role");
	free(t);
	navigate_goto_id(b, "chi-tieu");
	t = doc_edit_copy_text(b, false);
	IS_STR(t, "Chỉ tiêu năm 2024", "y on a section in the navigator: its heading");
	free(t);
	IS_INT(doc_edit_line(b), 38, "v on a section: its line");
	b->doc->nav.cur = 1; /* the attendee list itself */
	b->focus = PANE_NAV;
	b->msg[0] = '\0';
	IS_INT(doc_edit_line(b), 1, "v on the attendee list (no id): line 1");
	OK(!doc_edit_copy_text(b, false), "y on the attendee list: nothing");
	IS_STR(b->msg, "Nothing to copy here: select an item, a section, an attendee or a problem",
	       "... said");
}

static void
test_reload(struct browser *b)
{
	struct doc_edit_mark mk;
	struct doc *d = b->doc;

	navigate_goto_id(b, "kq2");
	b->focus = PANE_DETAIL;
	OK(doc_edit_begin(b, d, &mk), "before the editor: marked");
	IS_INT(doc_edit_end(b, d, &mk), DOC_EDIT_UNCHANGED, "nothing changed");
	IS_STR(b->msg, "Not changed", "... said");

	doc_edit_begin(b, d, &mk);
	edit("    <item id=\"kq1\"", "    <item id=\"kq0\">Mục mới.</item>\n    <item id=\"kq1\"");
	IS_INT(doc_edit_end(b, d, &mk), DOC_EDIT_RELOADED, "an item added before: reloaded");
	IS_STR(b->msg, "Reloaded: no problems", "... said, with the problems");
	IS_STR(where(b), "section0/2 detail", "the cursor is on kq2 again (third now), the focus kept");
	IS_STR(navigate_target(b), "kq2", "... by id");
	IS_INT(doc_edit_line(b), 28, "... at its new line");

	/* no longer well-formed: the model from before kept */
	char want[4400];
	const struct minutes *before = d->m;
	doc_edit_begin(b, d, &mk);
	edit("<heading>Hạn chế</heading>", "<heading>Hạn chế");
	IS_INT(doc_edit_end(b, d, &mk), DOC_EDIT_KEPT, "broken markup: kept");
	snprintf(want, sizeof(want), "Not reloaded, the minutes from before are kept: "
		 "%s:38:13: error: Opening and ending tag mismatch: heading line 36 and section", path);
	IS_STR(b->msg, want, "... the error with FILE:LINE:COL");
	OK(d->m == before, "... the same model shown");
	IS_STR(where(b), "section0/2 detail", "... the cursor where it was");
	edit("<heading>Hạn chế", "<heading>Hạn chế</heading>");

	/* the element gone: its section, said */
	doc_edit_begin(b, d, &mk);
	edit("<item id=\"kq2\"", "<item id=\"kq9\"");
	IS_INT(doc_edit_end(b, d, &mk), DOC_EDIT_RELOADED, "kq2 renamed: reloaded");
	IS_STR(b->msg, "Reloaded: no problems; kq2 is gone: its section is shown",
	       "... the section instead, said");
	IS_STR(navigate_target(b), "ket-qua", "... the section is selected");
	IS_STR(where(b), "section0/2 nav", "... in the navigator");

	/* the section gone too: the top */
	navigate_goto_id(b, "kq9");
	doc_edit_begin(b, d, &mk);
	edit("<section id=\"ket-qua\"", "<section id=\"ket-qua-2\"");
	edit("<item id=\"kq9\"", "<item id=\"kq8\"");
	IS_INT(doc_edit_end(b, d, &mk), DOC_EDIT_RELOADED, "the section renamed: reloaded");
	IS_STR(b->msg, "Reloaded: no problems; kq9 is gone: back to the top", "... the top, said");
	IS_STR(where(b), "meeting0/0 nav", "... the meeting, in the navigator");

	/* problems counted; a problem's own line and text */
	doc_edit_begin(b, d, &mk);
	edit("by=\"duc\"", "by=\"lan\"");
	IS_INT(doc_edit_end(b, d, &mk), DOC_EDIT_RELOADED, "a dangling by: reloaded");
	IS_STR(b->msg, "Reloaded: 1 problem", "... one problem, said");
	navigate_problems(b);
	b->focus = PANE_CONTENT;
	IS_INT(doc_edit_line(b), 26, "v on a problem: its line");
	char *t = doc_edit_copy_text(b, false);
	snprintf(want, sizeof(want), "%s:26:20: by refers to unknown person \"lan\"", path);
	IS_STR(t, want, "y on a problem: FILE:LINE:COL: message");
	free(t);
	t = doc_edit_copy_text(b, true);
	snprintf(want, sizeof(want), "%s:26", path);
	IS_STR(t, want, "Y on a problem: FILE:LINE");
	free(t);

	/* on a problem (no id): kept in the problems, the top once none is left */
	doc_edit_begin(b, d, &mk);
	edit("<item id=\"kq0\">", "<item id=\"kq0\" by=\"ai\">");
	IS_INT(doc_edit_end(b, d, &mk), DOC_EDIT_RELOADED, "a second problem: reloaded");
	IS_STR(b->msg, "Reloaded: 2 problems", "... two problems, said");
	IS_STR(where(b), "problems0/0 content", "... the cursor still in the problems");
	doc_edit_begin(b, d, &mk);
	edit(" by=\"ai\"", "");
	edit("by=\"lan\"", "by=\"duc\"");
	IS_INT(doc_edit_end(b, d, &mk), DOC_EDIT_RELOADED, "both mended: reloaded");
	IS_STR(b->msg, "Reloaded: no problems", "... none left, said");
	IS_STR(where(b), "meeting0/0 nav", "... the problems gone, the cursor at the top");

	/* not a regular file, not there */
	char moved[4300];
	snprintf(moved, sizeof(moved), "%s.moved", path);
	rename(path, moved);
	OK(!doc_edit_begin(b, d, &mk), "the file gone: refused");
	snprintf(want, sizeof(want), "%s: the file is not there any more", path);
	IS_STR(b->msg, want, "... said");
	mkdir(path, 0700);
	OK(!doc_edit_begin(b, d, &mk), "a folder in its place: refused");
	snprintf(want, sizeof(want), "%s is not a regular file: it is not opened in the editor", path);
	IS_STR(b->msg, want, "... said");
	rmdir(path);
	rename(moved, path);
}

/* a file that could not be loaded: v at its error's line; still broken,
 * then mended */
static void
test_unloadable(void)
{
	struct browser b;
	struct doc_edit_mark mk;
	char *args[1] = { path };
	char want[4400];

	spit(path, "<?xml version=\"1.0\"?>\n<minutes version=\"1\">\n  <meeting>\n"
		   "    <title>Họp</titel>\n  </meeting>\n</minutes>\n");
	memset(&b, 0, sizeof(b));
	browser_open(&b, args, 1, "lan");
	OK(b.doc && !b.doc->m, "a broken file: its error screen");
	IS_INT(doc_edit_line(&b), 4, "v on the error screen: the error's line");
	OK(doc_edit_begin(&b, b.doc, &mk), "marked");
	edit("<title>", "<title lang=\"vi\">");
	IS_INT(doc_edit_end(&b, b.doc, &mk), DOC_EDIT_KEPT, "changed but still broken: kept");
	snprintf(want, sizeof(want), "Still not loadable: %s:4:33: error: Opening and ending tag mismatch: title line 4 and titel", path);
	IS_STR(b.msg, want, "... said, with FILE:LINE:COL");
	OK(b.doc && !b.doc->m, "... still the error screen");
	OK(strstr(b.doc->error, ":4:33:") != NULL, "... with the new error");
	doc_edit_begin(&b, b.doc, &mk);
	edit("<title lang=\"vi\">Họp</titel>", "<title>Họp</title><date>2024-01-02</date>");
	IS_INT(doc_edit_end(&b, b.doc, &mk), DOC_EDIT_RELOADED, "mended: reloaded");
	OK(b.doc->m != NULL, "... the meeting is open");
	IS_STR(b.doc->m ? b.doc->m->meeting.title : NULL, "Họp", "... its title read");
	browser_close(&b);
}

int
main(void)
{
	struct browser b;
	char *args[1];

	test_base64();
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 2;
	}
	snprintf(path, sizeof(path), "%s/full.xml", dir);
	spit(path, slurp(SRCDIR "/tests/fixtures/valid-full.xml"));
	memset(&b, 0, sizeof(b));
	args[0] = path;
	IS_INT(browser_open(&b, args, 1, "lan"), 1, "one document");
	if (b.doc && b.doc->m) {
		test_id_line(b.doc->m);
		test_copy(&b);
		test_reload(&b);
	}
	browser_close(&b);
	test_unloadable();
	char cmd[4300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return tap_done();
}
