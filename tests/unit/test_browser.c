/* test_browser.c - the browser model without a terminal: the entries of
 * a document, :goto, search with wrap-around both ways, the next and
 * previous item with an open note, the open-notes filter. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "browser.h"
#include "doc.h"
#include "entries.h"
#include "navigate.h"
#include "notes_view.h"
#include "tap.h"

static char dir[] = "/tmp/minutes-browser-XXXXXX";
static char path[4200];

static void
copy_fixture(const char *src)
{
	FILE *in = fopen(src, "rb"), *out;
	char buf[4096];
	size_t n;

	snprintf(path, sizeof(path), "%s/full.xml", dir);
	out = fopen(path, "wb");
	if (!in || !out) {
		perror(src);
		exit(2);
	}
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		fwrite(buf, 1, n, out);
	fclose(in);
	fclose(out);
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
at_meeting(struct browser *b)
{
	b->doc->nav.cur = 0;
	b->doc->content[0].cur = 0;
	b->focus = PANE_NAV;
	b->msg[0] = '\0';
}

static void
test_entries(struct browser *b)
{
	char names[256] = "";
	for (int e = 0; e < b->doc->nentries; e++) {
		strcat(names, b->doc->entries[e].ops->name);
		strcat(names, " ");
	}
	IS_STR(names, "meeting attendees section section section section ",
	       "the navigator: meeting, attendees, the four sections");
	IS_INT(navigate_records(b, 0), 10, "the meeting shows its 10 fields");
	IS_INT(navigate_records(b, 1), 3, "three attendees");
	IS_INT(navigate_records(b, 2), 2, "two items in the first section");
	IS_STR(navigate_target(b), "xa-an-lac-2023", "a note on the meeting is about its id");
}

static void
test_goto(struct browser *b)
{
	navigate_goto_id(b, "hc1");
	IS_STR(where(b), "section1/0 content", ":goto hc1: the item, the content pane");
	IS_STR(navigate_target(b), "hc1", "the item is the target");
	navigate_goto_id(b, "hoa");
	IS_STR(where(b), "attendees0/1 content", ":goto hoa: second by given name");
	b->attendees_doc_order = true;
	navigate_goto_id(b, "thuy");
	IS_STR(where(b), "attendees0/2 content", ":goto thuy in document order");
	b->attendees_doc_order = false;
	navigate_goto_id(b, "ket-luan");
	IS_STR(where(b), "section3/0 nav", ":goto a section: the navigator");
	IS_STR(navigate_target(b), "ket-luan", "the section is the target");
	navigate_goto_id(b, "xa-an-lac-2023");
	IS_STR(where(b), "meeting0/0 nav", ":goto the minutes' id: the meeting");
	b->msg[0] = '\0';
	navigate_goto_id(b, "nowhere");
	IS_STR(b->msg, "No element with id nowhere", ":goto an unknown id says so");
	IS_STR(where(b), "meeting0/0 nav", "... and moves nothing");
}

/* data/ngan-son-2020.xml: Phạm Huy Hoàng speaks in VI.1, VI.2, VII.1;
 * the detail pane's own selection goes there (issue 16) */
static void
test_speaks(struct browser *b)
{
	navigate_goto_id(b, "hoang");
	b->focus = PANE_DETAIL;
	b->detail_rows = 20;
	const struct entry *e = browser_entry(b);
	int cur = browser_content_cur(b);
	OK(e->ops->detail_move && e->ops->detail_move(b, e, cur, 1),
	   "speaks: j moves the selection");
	OK(e->ops->detail_move(b, e, cur, 1), "speaks: j to the third");
	OK(!e->ops->detail_move(b, e, cur, 1),
	   "speaks: j past the last: none to move (the pane scrolls)");
	IS_INT(b->speak_sel, 2, "speaks: the third selected");
	OK(e->ops->detail_enter(b, e, cur), "speaks: Enter goes");
	IS_STR(where(b), "section6/0 content", "speaks: to VII.1, its cursor on it");
	navigate_goto_id(b, "hoang");
	b->focus = PANE_DETAIL;
	e = browser_entry(b);
	OK(e->ops->detail_move(b, e, cur, -1), "speaks: k");
	OK(e->ops->detail_enter(b, e, cur), "speaks: Enter");
	IS_STR(where(b), "section5/1 content", "speaks: to VI.2");
	navigate_goto_id(b, "hoang");
	b->focus = PANE_CONTENT;
	e = browser_entry(b);
	OK(e->ops->detail_move(b, e, cur, -(1 << 30)) && b->speak_sel == 0,
	   "speaks: g selects the first");
	IS_INT(navigate_goto_position(b, "III.2"), 1, ":goto III.2 is a position");
	IS_STR(where(b), "section2/1 content", ":goto III.2: section III, item 2");
	OK(!navigate_goto_position(b, "IIII.2"), ":goto IIII.2 is no number (an id)");
	OK(!navigate_goto_position(b, "iii"), ":goto iii: numbers in upper case only");
	IS_INT(navigate_goto_position(b, "VII"), 1, ":goto VII");
	IS_STR(where(b), "section6/0 nav", ":goto VII: the section");
}

static void
test_search(struct browser *b)
{
	at_meeting(b);
	OK(navigate_search_set(b, "ngân", false), "a query");
	navigate_search_next(b, false);
	IS_STR(where(b), "section0/0 content", "first match: kq1 (thu ngân sách)");
	IS_STR(b->msg, "", "no wrap yet");
	navigate_search_next(b, false);
	IS_STR(where(b), "section1/0 content", "next: hc1 (Giải ngân)");
	navigate_search_next(b, false);
	IS_STR(where(b), "section0/0 content", "next wraps to kq1");
	IS_STR(b->msg, "search hit BOTTOM, continuing at TOP", "... and says so");
	b->msg[0] = '\0';
	navigate_search_next(b, true);
	IS_STR(where(b), "section1/0 content", "N goes back round to hc1");
	IS_STR(b->msg, "search hit TOP, continuing at BOTTOM", "... and says so");
	b->msg[0] = '\0';
	OK(navigate_search_set(b, "", true), "an empty line keeps the query");
	navigate_search_next(b, false);
	IS_STR(where(b), "section0/0 content", "? searches backward: kq1");
	IS_STR(b->msg, "", "backward from hc1 to kq1 does not wrap");
	OK(navigate_search_set(b, "Chỉ tiêu", false), "a heading");
	at_meeting(b);
	navigate_search_next(b, false);
	IS_STR(where(b), "section2/0 nav", "a heading match stays in the navigator");
	OK(navigate_search_set(b, "zzzz", false), "a query found nowhere");
	navigate_search_next(b, false);
	IS_STR(b->msg, "Pattern not found: zzzz", "not found is said");
	IS_STR(where(b), "section2/0 nav", "... and moves nothing");
	OK(!navigate_search_set(b, "   ", false), "blank is nothing to search for");
	IS_STR(b->msg, "Nothing to search for", "... said");
}

static void
add_note(struct browser *b, const char *target)
{
	struct notes_error err;
	enum notes_result r = notes_add(b->doc->notes, target, NOTES_COMMENT,
					"xem lại", NULL, &err);
	IS_INT(r, NOTES_OK, target);
	doc_notes_changed(b);
}

static void
test_open_notes(struct browser *b)
{
	at_meeting(b);
	navigate_jump_open(b, 1);
	IS_STR(b->msg, "No item has an open note", "no open note yet");
	add_note(b, "kq2");
	add_note(b, "ct2");
	at_meeting(b);
	navigate_jump_open(b, 1);
	IS_STR(where(b), "section0/1 content", "] from the meeting: kq2");
	navigate_jump_open(b, 1);
	IS_STR(where(b), "section2/1 content", "]: ct2");
	navigate_jump_open(b, 1);
	IS_STR(where(b), "section0/1 content", "] wraps round to kq2");
	navigate_jump_open(b, -1);
	IS_STR(where(b), "section2/1 content", "[ goes back round to ct2");
	navigate_jump_open(b, -1);
	IS_STR(where(b), "section0/1 content", "[: kq2");
	IS_STR(navigate_target(b), "kq2", "the item with the note is the target");
	OK(navigate_sync_note(b) != NULL, "its note is selected");
	IS_STR(b->note_target, "kq2", "the selection follows the target");
}

static void
test_filter(struct browser *b)
{
	b->msg[0] = '\0';
	navigate_toggle_filter(b);
	IS_STR(b->msg, "Only items with open notes (f shows all)", "f says what it shows");
	IS_INT(browser_item_count(b, 0), 1, "the first section shows one item");
	IS_INT(browser_item_at(b, 0, 0), 1, "... kq2");
	IS_INT(browser_shown_of(b, 0, 0), -1, "kq1 is hidden");
	IS_INT(browser_item_count(b, 1), 0, "the second shows none");
	IS_INT(navigate_records(b, 2), 1, "the entry counts what is shown");
	at_meeting(b);
	navigate_jump_open(b, 1);
	IS_STR(where(b), "section0/0 content", "] with the filter: kq2, shown first");
	navigate_goto_id(b, "kq1");
	IS_STR(b->msg, "Showing every item again", ":goto a hidden item drops the filter");
	OK(!b->filter_open, "... off");
	IS_STR(where(b), "section0/0 content", "... and selects kq1");
	navigate_toggle_filter(b);
	navigate_toggle_filter(b);
	IS_INT(browser_item_count(b, 0), 2, "f twice shows every item");
}

/* A note whose element is gone: the orphans entry counts it and a
 * search finds it by its text (the count and the search's walk agree). */
static void
test_orphans(struct browser *b)
{
	struct notes_error err;
	IS_INT(notes_add(b->doc->notes, "hc1", NOTES_QUESTION, "giải ngân chậm vì sao",
			 NULL, &err), NOTES_OK, "a note on hc1");
	/* hc1 leaves the minutes */
	FILE *f = fopen(path, "rb");
	char buf[8192];
	size_t n = f ? fread(buf, 1, sizeof(buf) - 1, f) : 0;
	if (f)
		fclose(f);
	buf[n] = '\0';
	char *a = strstr(buf, "<item id=\"hc1\">"), *z = a ? strstr(a, "</item>") : NULL;
	OK(a && z, "the fixture has hc1");
	if (!a || !z)
		return;
	memmove(a, z + strlen("</item>"), strlen(z + strlen("</item>")) + 1);
	f = fopen(path, "wb");
	fputs(buf, f);
	fclose(f);
	doc_reload(b, b->doc);
	char names[256] = "";
	for (int e = 0; e < b->doc->nentries; e++) {
		strcat(names, b->doc->entries[e].ops->name);
		strcat(names, " ");
	}
	IS_STR(names, "meeting attendees section section section section orphans ",
	       "the orphaned note has an entry, last");
	IS_INT(navigate_records(b, 6), 1, "it counts one record");
	at_meeting(b);
	OK(navigate_search_set(b, "vì sao", false), "a query in the note");
	navigate_search_next(b, false);
	IS_STR(where(b), "orphans0/0 content", "the search finds the orphaned note");
	const struct note *nt = navigate_sync_note(b);
	OK(nt && strcmp(nt->target, "hc1") == 0, "... selected: the note about hc1");
}

/* The $EDITOR file of a note (issue 16 item 8): the note with its final
 * newline, the cut line, the comment block; what comes back. */
static void
untemplated(const char *file, const char *want, const char *what)
{
	char *s = strdup(file);
	notes_view_untemplate(s);
	IS_STR(s, want, what);
	free(s);
}

static void
test_editor_template(void)
{
	char *t = notes_view_template("Dòng một\nDòng hai", "item kq1",
				      "Đoạn một.\nĐoạn hai.");
	const char *block =
		"# ------------------------ >8 ------------------------\n"
		"# The note is what is above the line; the lines behind # are left out.\n"
		"# item kq1\n"
		"# > Đoạn một.\n"
		"# > Đoạn hai.\n";
	char want[512];
	snprintf(want, sizeof(want), "Dòng một\nDòng hai\n\n%s", block);
	IS_STR(t, want, "an existing note: its text, a newline, the comment block");
	untemplated(t, "Dòng một\nDòng hai", "taken back unchanged: the note as it was");
	char *more = malloc(strlen(t) + 32);
	sprintf(more, "%sDòng ba\n", t);
	untemplated(more, "Dòng một\nDòng hai\nDòng ba",
		    "a line appended at the file's end is a line of the note");
	free(more);
	free(t);
	t = notes_view_template("", "the meeting", NULL);
	snprintf(want, sizeof(want), "\n%s",
		 "# ------------------------ >8 ------------------------\n"
		 "# The note is what is above the line; the lines behind # are left out.\n"
		 "# the meeting\n");
	IS_STR(t, want, "a new note: an empty first line, then the block");
	untemplated(t, "", "left as it was: nothing written");
	free(t);
	untemplated("Mới\n\n# ------------------------ >8 ------------------------\n# x\n",
		    "Mới", "a new note typed above the block");
	untemplated("no cut line\n# kept\n\n", "no cut line\n# kept",
		    "without the cut line nothing is taken out");
}

int
main(void)
{
	struct browser b;
	char *args[1];

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 2;
	}
	copy_fixture(SRCDIR "/tests/fixtures/valid-full.xml");
	memset(&b, 0, sizeof(b));
	args[0] = path;
	IS_INT(browser_open(&b, args, 1, "lan"), 1, "one document");
	OK(b.doc && b.doc->m && !b.archive, "a file opens as the meeting");
	if (b.doc && b.doc->m) {
		test_entries(&b);
		test_goto(&b);
		test_search(&b);
		test_open_notes(&b);
		test_filter(&b);
		test_orphans(&b);
	}
	browser_close(&b);
	copy_fixture(SRCDIR "/data/ngan-son-2020.xml");
	memset(&b, 0, sizeof(b));
	IS_INT(browser_open(&b, args, 1, "lan"), 1, "the sample");
	if (b.doc && b.doc->m)
		test_speaks(&b);
	browser_close(&b);
	test_editor_template();
	char cmd[4300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return tap_done();
}
