/* test_notes.c - the reviewer-notes store: names, times and hashes,
 * saving, loading, merging one's own file, re-anchoring, trust, unsaved
 * changes, read-only files, status overrides, the export, replies and
 * the review state, ids.  The folders, links, the fallback and crashes
 * are in test_notes_disk.c, the git merge driver in test_notes_merge.c;
 * the fixtures they share in notes_fx.h. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "loader.h"
#include "model.h"
#include "notes.h"
#include "review_report.h"
#include "notes_fx.h"
#include "tap.h"


/* --- Basics ---------------------------------------------------------------- */

static void
test_helpers(void)
{
	char buf[80], h[17];
	unsetenv("MINUTES_REVIEWER");
	IS_STR(notes_reviewer_name("Lan"), "Lan", "--reviewer wins");
	setenv("MINUTES_REVIEWER", "minh", 1);
	IS_STR(notes_reviewer_name(NULL), "minh", "then $MINUTES_REVIEWER");
	IS_STR(notes_reviewer_name(""), "minh", "an empty option is skipped");
	unsetenv("MINUTES_REVIEWER");
	const char *login = notes_reviewer_name(NULL);
	OK(login && *login, "then the login name, never empty");

	notes_safe_name("Nguyễn Thị Lan", buf, sizeof(buf));
	IS_STR(buf, "Nguyen_Thi_Lan~00ac6a14",
	       "safe name: marks dropped, spaces _, the name's hash");
	notes_safe_name("Đặng Đức", buf, sizeof(buf));
	IS_STR(buf, "Dang_Duc~778a8a8d", "safe name: Đ -> D");
	notes_safe_name("../.x/y", buf, sizeof(buf));
	IS_STR(buf, "_._.x_y~248a8a55", "safe name: no slash, no leading dot");
	notes_safe_name("", buf, sizeof(buf));
	IS_STR(buf, "reviewer~cbf29ce4", "safe name: never empty");
	notes_safe_name("a-b_c.d", buf, sizeof(buf));
	IS_STR(buf, "a-b_c.d", "safe name: a lower-case ASCII name is its own");
	notes_safe_name("Lan", buf, sizeof(buf));
	IS_STR(buf, "Lan~2507aa19", "upper case: hashed (case-folding file systems)");
	notes_safe_name("LAN", buf, sizeof(buf));
	IS_STR(buf, "LAN~25748a19", "LAN is not Lan's file");
	notes_safe_name("王伟", buf, sizeof(buf));
	IS_STR(buf, "__~fb3801f8", "王伟");
	notes_safe_name("李娜", buf, sizeof(buf));
	IS_STR(buf, "__~5b172dfe", "李娜: not 王伟's file");
	char longname[200];
	memset(longname, 'a', 100);
	longname[100] = '\0';
	notes_safe_name(longname, buf, sizeof(buf));
	IS_INT(strlen(buf), 64 + 9, "a long name: cut at 64 bytes, then the hash");

	char when[64];
	setenv("TZ", "ICT-7", 1);
	tzset();
	IS_STR(notes_format_time(BASE_TIME, when, sizeof(when)),
	       "2026-11-28 17:15 +07", "local time with its offset (TZ=ICT-7)");
	setenv("TZ", "IST-5:30", 1);
	tzset();
	IS_STR(notes_format_time(BASE_TIME, when, sizeof(when)),
	       "2026-11-28 15:45 +05:30", "an offset of hours and minutes");
	setenv("TZ", "EST5", 1);
	tzset();
	IS_STR(notes_format_time(BASE_TIME, when, sizeof(when)),
	       "2026-11-28 05:15 -05", "west of UTC");
	setenv("TZ", "UTC0", 1);
	tzset();
	IS_STR(notes_format_time(BASE_TIME, when, sizeof(when)),
	       "2026-11-28 10:15 UTC", "UTC says so");

	notes_hash("", 0, h);
	IS_STR(h, "cbf29ce484222325", "FNV-1a 64 of \"\"");
	notes_hash("a", 1, h);
	IS_STR(h, "af63dc4c8601ec8c", "FNV-1a 64 of \"a\"");

	struct minutes *m = fx_minutes("/x/hop.xml", 1);
	char *t = notes_element_text(m, "hoang");
	IS_STR(t, "Phạm Huy Hoàng, Phó Chủ tịch", "person text: name, role");
	free(t);
	t = notes_element_text(m, "lan");
	IS_STR(t, "Hoàng Thị Ngọc Lan", "person text without a role");
	free(t);
	t = notes_element_text(m, "hop-thu-2020");
	IS_STR(t, "Họp thử nghiệm ghi chú", "meeting text: the title");
	free(t);
	t = notes_element_text(m, "ket-qua");
	IS_STR(t, "Kết quả công tác", "section text: the heading");
	free(t);
	OK(notes_element_text(m, "nope") == NULL, "no such element: NULL");
	minutes_free(m);

	enum notes_kind k;
	OK(notes_kind_parse("agreed", &k) == 0 && k == NOTES_AGREED,
	   "kind keyword parsed");
	OK(notes_kind_parse("Agreed", &k) < 0, "kind keywords are exact");
}

static const char saved_xml[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<notes version=\"1\" minutes=\"hop-thu-2020\" reviewer=\"lan\">\n"
	"  <note id=\"lan-20261128T101500Z-1\" target=\"kq2\" kind=\"question\""
	" status=\"open\" created=\"2026-11-28T10:15:00Z\""
	" modified=\"2026-11-28T10:15:00Z\" status-at=\"2026-11-28T10:15:00Z\""
	" hash=\"%s\">\n"
	"    <quote>Vận động ủng hộ Quỹ “Vì người nghèo” được 120 triệu đồng.</quote>\n"
	"    <text>Is this figure right?\n"
	"Source: &lt;report&gt; &amp; \"minutes\"\t�</text>\n"
	"  </note>\n"
	"</notes>\n";

static void
test_save_load(void)
{
	fake_now = BASE_TIME;
	char dir[1024], path[4096], want[8192], hash[17];
	const char *mp = new_minutes_dir("basic", dir, sizeof(dir));
	struct minutes *m = fx_minutes(mp, 1);
	struct notes_error err = { "" };
	struct notes_store *s = notes_open(mp, m, "lan", &err);
	OK(s != NULL, "open with no notes yet");
	IS_INT(notes_count(s), 0, "no notes");
	snprintf(path, sizeof(path), "%s/hop.notes", dir);
	IS_STR(notes_dir(s), path, "notes go to NAME.notes beside the minutes");
	OK(!notes_fallback(s), "not the fallback");
	struct stat st;
	OK(stat(path, &st) < 0, "nothing created by opening");

	const struct note *n = NULL;
	IS_INT(notes_add(s, "kq2", NOTES_QUESTION,
			 "Is this figure right?\r\nSource: <report> & \"minutes\"\t\x01",
			 &n, &err),
	       NOTES_OK, "add a note");
	OK(n != NULL, "the added note is returned");
	IS_STR(n ? n->id : NULL, "lan-20261128T101500Z-1", "id: reviewer, time, counter");
	IS_STR(n ? n->text : NULL,
	       "Is this figure right?\nSource: <report> & \"minutes\"\t\xEF\xBF\xBD",
	       "text: CRLF -> LF, control -> U+FFFD, TAB kept");
	notes_hash(m->sections[1].items[1].text,
		   strlen(m->sections[1].items[1].text), hash);
	IS_STR(n ? n->hash : NULL, hash, "hash of the element's text");
	IS_INT(n ? (int)n->anchor : -1, NOTES_ANCHORED, "anchored");
	OK(n && n->own, "one's own note");
	IS_INT(notes_open_count(s, "kq2"), 1, "one open note on kq2");
	IS_INT(notes_section_open_count(s, 1), 1, "one open in section 1");
	IS_INT(notes_section_open_count(s, 0), 0, "none in section 0");

	snprintf(path, sizeof(path), "%s/hop.notes/lan.xml", dir);
	char *got = slurp(path);
	snprintf(want, sizeof(want), saved_xml, hash);
	IS_STR(got, want, "the file, exactly");
	free(got);
	snprintf(path, sizeof(path), "%s/hop.notes/.lock", dir);
	OK(stat(path, &st) == 0, "a persistent lock file");
	notes_close(s);

	s = notes_open(mp, m, "minh", &err);
	IS_INT(notes_count(s), 1, "another reviewer sees it");
	n = notes_get(s, 0);
	IS_STR(n->author, "lan", "author from the file");
	OK(!n->own, "not minh's own");
	IS_STR(n->text,
	       "Is this figure right?\nSource: <report> & \"minutes\"\t\xEF\xBF\xBD",
	       "text read back exactly");
	IS_STR(n->quote, m->sections[1].items[1].text, "quote read back");
	IS_INT(n->created, fake_now, "created read back");
	IS_INT(n->kind, NOTES_QUESTION, "kind read back");
	IS_INT(notes_problem_count(s), 0, "no problems");
	notes_close(s);

	/* NFD in, NFC stored */
	s = notes_open(mp, m, "lan", &err);
	IS_INT(notes_add(s, "md1", NOTES_COMMENT, "Vie\xCC\xA3\xCC\x82t Nam",
			 &n, &err),
	       NOTES_OK, "add NFD text");
	IS_STR(n->text, "Vi\xE1\xBB\x87t Nam", "stored as NFC");
	IS_STR(n->id, "lan-20261128T101500Z-2", "the counter makes ids unique");
	notes_close(s);
	s = notes_open(mp, m, "lan", &err);
	const struct note *const *v;
	IS_INT(notes_for_target(s, "md1", &v), 1, "one note on md1");
	IS_STR(v[0]->text, "Việt Nam", "NFC after a round trip");

	IS_INT(notes_add(s, "nope", NOTES_COMMENT, "x", &n, &err),
	       NOTES_REFUSED, "no such element: refused");
	IS_STR(err.msg, "the minutes have no element 'nope'", "and why");
	OK(n == NULL, "nothing added");
	IS_INT(notes_add(s, "md1", NOTES_COMMENT, " \n\t ", NULL, &err),
	       NOTES_REFUSED, "a blank note: refused");
	IS_STR(err.msg, "a note cannot be empty", "and why");
	IS_INT(notes_count(s), 2, "still two notes");
	notes_close(s);
	minutes_free(m);
}

/* Names that differ only in marks, case or script get files of their
 * own; a file named the older way stays its reviewer's; a file whose
 * reviewer= is someone else is never written as one's own. */
static void
test_identity(void)
{
	static const char *const names[] = { "Nguyễn Văn An", "Nguyễn Văn Ân",
					     "Nguyễn Văn Ấn", "Lân", "Lan",
					     "王伟", "李娜" };
	enum { N = sizeof(names) / sizeof(*names) };
	fake_now = BASE_TIME;
	char dir[1024], path[4096], want[8192];
	const char *mp = new_minutes_dir("identity", dir, sizeof(dir));
	struct minutes *m = fx_minutes(mp, 1);
	struct notes_error err = { "" };
	int ok = 1;
	for (int i = 0; i < N; i++) {
		struct notes_store *s = notes_open(mp, m, names[i], &err);
		ok &= notes_add(s, "kq1", NOTES_COMMENT, names[i], NULL, &err) ==
		      NOTES_OK;
		notes_close(s);
	}
	OK(ok, "seven reviewers whose names differ only in marks or script add a note each");
	struct notes_store *s = notes_open(mp, m, "checker", &err);
	IS_INT(notes_count(s), N, "seven notes");
	int right = 1;
	for (size_t i = 0; i < notes_count(s); i++)
		right &= strcmp(notes_get(s, i)->author, notes_get(s, i)->text) == 0;
	OK(right, "each credited to its own author");
	IS_INT(notes_problem_count(s), 0, "no problems");
	notes_close(s);
	snprintf(path, sizeof(path), "%s/hop.notes/Nguyen_Van_An~650c8ac9.xml", dir);
	struct stat st;
	OK(stat(path, &st) == 0, "Ân's file has Ân's hash");
	s = notes_open(mp, m, "Nguyễn Văn An", &err);
	int others = 0;
	for (size_t i = 0; i < notes_count(s); i++)
		others += !notes_get(s, i)->own;
	IS_INT(others, N - 1, "An owns only An's note");
	notes_close(s);

	/* a file of the older naming: Ân's notes stay Ân's */
	mp = new_minutes_dir("identity-old", dir, sizeof(dir));
	snprintf(path, sizeof(path), "%s/hop.notes", dir);
	mkdir(path, 0777);
	snprintf(path, sizeof(path), "%s/hop.notes/Nguyen_Van_An.xml", dir);
	spew(path,
	     "<notes version=\"1\" minutes=\"hop-thu-2020\" reviewer=\"Nguyễn Văn Ân\">"
	     "<note id=\"old-1\" target=\"kq1\" kind=\"comment\" status=\"open\""
	     " created=\"2026-11-28T10:00:00Z\" modified=\"2026-11-28T10:00:00Z\">"
	     "<text>cũ</text></note></notes>\n");
	char *before = slurp(path);
	s = notes_open(mp, m, "Nguyễn Văn An", &err);
	OK(notes_find(s, "old-1") && !notes_find(s, "old-1")->own,
	   "An does not own Ân's note in the old-named file");
	IS_STR(notes_find(s, "old-1") ? notes_find(s, "old-1")->author : NULL,
	       "Nguyễn Văn Ân", "it is Ân's");
	IS_INT(notes_add(s, "kq2", NOTES_COMMENT, "An's", NULL, &err), NOTES_OK,
	       "An adds a note");
	IS_INT(notes_edit(s, "old-1", "taken over", &err), NOTES_REFUSED,
	       "An cannot edit Ân's note");
	char *after = slurp(path);
	IS_STR(after, before, "the old-named file is untouched");
	free(after);
	snprintf(want, sizeof(want), "%s/hop.notes/Nguyen_Van_An~ac72ca6e.xml", dir);
	OK(stat(want, &st) == 0, "An's note went to An's own file");
	notes_close(s);
	s = notes_open(mp, m, "Nguyễn Văn Ân", &err);
	OK(notes_find(s, "old-1") && notes_find(s, "old-1")->own,
	   "Ân still owns the note in the old-named file");
	IS_INT(notes_edit(s, "old-1", "sửa", &err), NOTES_OK, "and edits it");
	after = slurp(path);
	OK(after && strstr(after, "<text>sửa</text>"), "written where it was");
	free(after);
	free(before);
	notes_close(s);

	/* lan.xml that says it is mallory's */
	mp = new_minutes_dir("identity-foreign", dir, sizeof(dir));
	snprintf(path, sizeof(path), "%s/hop.notes", dir);
	mkdir(path, 0777);
	snprintf(path, sizeof(path), "%s/hop.notes/lan.xml", dir);
	spew(path, "<notes version=\"1\" reviewer=\"mallory\"/>\n");
	s = notes_open(mp, m, "lan", &err);
	snprintf(want, sizeof(want),
		 "%s holds the notes of 'mallory', not of 'lan': they are shown as theirs, and your notes are not saved there",
		 path);
	IS_STR(notes_problem(s, 0), want, "a file of another reviewer's under one's name: said");
	IS_INT(notes_add(s, "kq1", NOTES_COMMENT, "mine", NULL, &err),
	       NOTES_UNSAVED, "not written as one's own");
	snprintf(want, sizeof(want),
		 "%s holds the notes of 'mallory', not yours ('lan'): it is not written; your notes are kept here, not saved",
		 path);
	IS_STR(err.msg, want, "and why");
	before = slurp(path);
	IS_STR(before, "<notes version=\"1\" reviewer=\"mallory\"/>\n", "the file is untouched");
	free(before);
	notes_close(s);
	minutes_free(m);
}

/* A file's notes belong to the reviewer its name is made from: mallory.xml
 * saying reviewer="lan" is shown as unverified; times more than a day
 * ahead are flagged, status records then are not applied. */
static void
test_trust(void)
{
	fake_now = BASE_TIME;
	char dir[1024], path[4096], want[8192];
	const char *mp = new_minutes_dir("trust", dir, sizeof(dir));
	struct minutes *m = fx_minutes(mp, 1);
	struct notes_error err = { "" };
	struct notes_store *lan = notes_open(mp, m, "lan", &err);
	const struct note *n;
	char id[64];
	notes_add(lan, "kq1", NOTES_QUESTION, "real", &n, &err);
	snprintf(id, sizeof(id), "%s", n->id);
	notes_close(lan);
	snprintf(path, sizeof(path), "%s/hop.notes/mallory.xml", dir);
	spew(path,
	     "<notes version=\"1\" minutes=\"hop-thu-2020\" reviewer=\"lan\">"
	     "<note id=\"m-1\" target=\"kq2\" kind=\"agreed\" status=\"open\""
	     " created=\"2026-11-28T10:00:00Z\" modified=\"2026-11-28T10:00:00Z\">"
	     "<text>agreed</text></note></notes>\n");
	snprintf(path, sizeof(path), "%s/hop.notes/minh.xml", dir);
	snprintf(want, sizeof(want),
		 "<notes version=\"1\" minutes=\"hop-thu-2020\" reviewer=\"minh\">"
		 "<note id=\"f-1\" target=\"kq3\" kind=\"comment\" status=\"open\""
		 " created=\"2099-01-01T00:00:00Z\" modified=\"2099-01-01T00:00:00Z\">"
		 "<text>from the future</text></note>"
		 "<note id=\"f-2\" target=\"kq3\" kind=\"comment\" status=\"open\""
		 " created=\"2026-11-29T10:00:00Z\" modified=\"2026-11-29T10:00:00Z\">"
		 "<text>a day ahead: fine</text></note>"
		 "<status note=\"%s\" status=\"resolved\" by=\"minh\" at=\"2099-01-01T00:00:00Z\"/>"
		 "</notes>\n", id);
	spew(path, want);

	struct notes_store *s = notes_open(mp, m, "viet", &err);
	IS_INT(notes_count(s), 4, "four notes");
	n = notes_find(s, "m-1");
	IS_STR(n ? n->author : NULL, "unverified (mallory.xml)",
	       "mallory.xml saying lan: shown as unverified, with its file name");
	OK(n && !n->verified, "marked unverified");
	IS_STR(n ? n->claimed : NULL, "lan", "the name it claims is kept apart");
	IS_STR(n ? n->file : NULL, "mallory.xml", "and its file");
	n = notes_find(s, id);
	OK(n && n->verified && strcmp(n->author, "lan") == 0 &&
		   strcmp(n->file, "lan.xml") == 0,
	   "lan.xml's note is lan's, verified");
	IS_INT(n ? (int)n->status : -1, NOTES_OPEN,
	       "a status record dated 2099 is not applied");
	OK(notes_find(s, "f-1") && notes_find(s, "f-1")->future,
	   "a note dated 2099 is flagged");
	OK(notes_find(s, "f-2") && !notes_find(s, "f-2")->future,
	   "a note a day ahead is not");
	IS_INT(notes_problem_count(s), 3, "three problems");
	snprintf(path, sizeof(path), "%s/hop.notes/mallory.xml", dir);
	snprintf(want, sizeof(want),
		 "%s: its reviewer 'lan' is not the one its file name is made from: its notes are shown as unverified",
		 path);
	IS_STR(notes_problem(s, 0), want, "the unverified file is named");
	snprintf(path, sizeof(path), "%s/hop.notes/minh.xml", dir);
	snprintf(want, sizeof(want),
		 "%s: note f-1 is dated 2099-01-01T00:00:00Z, more than a day ahead",
		 path);
	IS_STR(notes_problem(s, 1), want, "the future note is named");
	snprintf(want, sizeof(want),
		 "%s: the status of note %s is dated 2099-01-01T00:00:00Z, more than a day ahead: not applied",
		 path, id);
	IS_STR(notes_problem(s, 2), want, "the future status record is named");
	notes_close(s);
	minutes_free(m);
}

/* A note whose save failed is known, retried, and told on quit. */
static void
test_unsaved(void)
{
	fake_now = BASE_TIME;
	char dir[1024], path[4096], link[4096];
	const char *mp = new_minutes_dir("unsaved", dir, sizeof(dir));
	struct minutes *m = fx_minutes(mp, 1);
	struct notes_error err = { "" };
	snprintf(path, sizeof(path), "%s/hop.notes", dir);
	mkdir(path, 0777);
	snprintf(link, sizeof(link), "%s/hop.notes/lan.xml", dir);
	symlink("nowhere", link);
	struct notes_store *s = notes_open(mp, m, "lan", &err);
	const struct note *n;
	IS_INT(notes_add(s, "kq1", NOTES_QUESTION, "một\nhai", &n, &err),
	       NOTES_UNSAVED, "the save fails");
	OK(n && n->unsaved, "the note is marked unsaved");
	IS_INT(notes_unsaved_count(s), 1, "one unsaved change");
	IS_INT(notes_add(s, "kq2", NOTES_COMMENT, "ba", NULL, &err),
	       NOTES_UNSAVED, "the next save fails too");
	IS_INT(notes_unsaved_count(s), 2, "two unsaved");
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	IS_INT(notes_save_on_quit(s, f), 2, "on quit: two changes lost");
	fclose(f);
	char want[8192];
	snprintf(want, sizeof(want),
		 "minutes: 2 changes to your notes were not saved: %s is a symbolic link: it is not followed (notes are read and written inside the notes folder only); your notes are kept here, not saved\n"
		 "  kq1 [question]:\n    một\n    hai\n"
		 "  kq2 [comment]:\n    ba\n",
		 link);
	IS_STR(buf, want, "what was not saved is written out, to be typed again");
	free(buf);
	unlink(link);
	buf = NULL;
	f = open_memstream(&buf, &len);
	IS_INT(notes_save_on_quit(s, f), 0, "the cause gone: quitting saves them");
	fclose(f);
	IS_STR(buf, "", "and says nothing");
	free(buf);
	IS_INT(notes_unsaved_count(s), 0, "nothing unsaved");
	notes_close(s);
	s = notes_open(mp, m, "lan", &err);
	IS_INT(notes_count(s), 2, "both notes are on disk");
	notes_close(s);

	/* a text from the editor: whole, or refused above the limit */
	snprintf(path, sizeof(path), "%s/editor.txt", dir);
	char *big = malloc(NOTES_TEXT_MAX + 3);
	memset(big, 'a', NOTES_TEXT_MAX + 2);
	big[100000] = '\n';
	big[100001] = '\n';
	big[100002] = '\0';
	spew(path, big);
	char *t = notes_text_from_file(path, &err);
	IS_INT(t ? strlen(t) : 0, 100000, "100,000 bytes from the editor: whole (the line ends dropped)");
	free(t);
	memset(big, 'a', NOTES_TEXT_MAX + 2);
	big[NOTES_TEXT_MAX] = '\n';
	big[NOTES_TEXT_MAX + 1] = '\0';
	spew(path, big);
	t = notes_text_from_file(path, &err);
	IS_INT(t ? strlen(t) : 0, NOTES_TEXT_MAX, "1 MiB: whole");
	s = notes_open(mp, m, "lan", &err);
	IS_INT(notes_add(s, "kq3", NOTES_COMMENT, t, &n, &err), NOTES_OK,
	       "a 1 MiB note is saved");
	IS_INT(n ? strlen(n->text) : 0, NOTES_TEXT_MAX, "whole");
	free(t);
	big[NOTES_TEXT_MAX] = 'a';
	spew(path, big);
	OK(notes_text_from_file(path, &err) == NULL, "1 MiB and a byte: refused");
	IS_STR(err.msg, "the note has more than 1048576 bytes (1 MiB), the most a note holds: it was not saved",
	       "with a message, never cut");
	IS_INT(notes_add(s, "kq3", NOTES_COMMENT, big, NULL, &err),
	       NOTES_REFUSED, "adding such a text: refused");
	IS_STR(err.msg, "the note has 1048577 bytes; a note holds at most 1048576 bytes (1 MiB): it was not saved",
	       "and why");
	free(big);
	notes_close(s);
	minutes_free(m);
}

static void
test_edit_delete(void)
{
	fake_now = BASE_TIME;
	char dir[1024];
	const char *mp = new_minutes_dir("edit", dir, sizeof(dir));
	struct minutes *m = fx_minutes(mp, 1);
	struct notes_error err = { "" };
	struct notes_store *a = notes_open(mp, m, "lan", &err);
	const struct note *n1, *n2, *mn;
	char id1[128], id2[128];
	/* a note pointer is valid until the next change: copy the id */
	notes_add(a, "kq1", NOTES_COMMENT, "first", &n1, &err);
	snprintf(id1, sizeof(id1), "%s", n1->id);
	notes_add(a, "kq1", NOTES_COMMENT, "second", &n2, &err);
	snprintf(id2, sizeof(id2), "%s", n2->id);

	struct notes_store *b = notes_open(mp, m, "minh", &err);
	notes_add(b, "kq1", NOTES_AGREED, "minh's", &mn, &err);
	char idm[128];
	snprintf(idm, sizeof(idm), "%s", mn->id);
	IS_STR(idm, "minh-20261128T101500Z-1", "minh's id");
	IS_INT(notes_edit(b, id1, "hijack", &err), NOTES_REFUSED,
	       "editing another's note: refused");
	IS_STR(err.msg, "this note is lan's: only its author can change it",
	       "and why");
	IS_INT(notes_delete(b, id1, &err), NOTES_REFUSED,
	       "deleting another's note: refused");
	IS_INT(notes_set_kind(b, id1, NOTES_AGREED, &err), NOTES_REFUSED,
	       "changing the kind of another's note: refused");
	IS_INT(notes_reattach(b, id1, "kq2", &err), NOTES_REFUSED,
	       "re-attaching another's note: refused");
	IS_INT(notes_edit(b, "nope", "x", &err), NOTES_REFUSED,
	       "editing a note that does not exist: refused");
	IS_STR(err.msg, "no such note", "and why");

	notes_reload(a, &err);
	IS_INT(notes_count(a), 3, "lan sees minh's note after a reload");
	fake_now += 60;
	IS_INT(notes_edit(a, id1, "first, edited", &err), NOTES_OK,
	       "edit one's own note");
	const struct note *n = notes_find(a, id1);
	IS_STR(n->text, "first, edited", "new text");
	IS_INT(n->modified, fake_now, "modified time updated");
	IS_INT(n->created, fake_now - 60, "created kept");
	IS_INT(notes_set_kind(a, id1, NOTES_CORRECTION, &err), NOTES_OK,
	       "set the kind");
	IS_INT(notes_find(a, id1)->kind, NOTES_CORRECTION, "kind changed");

	/* a second process of lan's holds both notes; lan deletes one */
	struct notes_store *a2 = notes_open(mp, m, "lan", &err);
	IS_INT(notes_delete(a, id2, &err), NOTES_OK, "delete one's own note");
	OK(notes_find(a, id2) == NULL, "gone");
	IS_INT(notes_add(a2, "kq3", NOTES_COMMENT, "from a2", NULL, &err),
	       NOTES_OK, "the other process adds a note");
	OK(notes_find(a2, id2) == NULL,
	   "the deletion is not undone by the other process's save");
	OK(notes_find(a2, id1) && strcmp(notes_find(a2, id1)->text,
					 "first, edited") == 0,
	   "the other process picked up the edit");
	notes_reload(a, &err);
	OK(notes_find(a, id2) == NULL, "deleted for good");
	IS_INT(count_by(a, "lan"), 2, "lan: first + from a2");
	notes_close(a2);
	notes_close(a);
	notes_close(b);
	minutes_free(m);
}

static void
test_merge(void)
{
	fake_now = BASE_TIME;
	char dir[1024];
	const char *mp = new_minutes_dir("merge", dir, sizeof(dir));
	struct minutes *m = fx_minutes(mp, 1);
	struct notes_error err = { "" };
	struct notes_store *a = notes_open(mp, m, "lan", &err);
	struct notes_store *b = notes_open(mp, m, "lan", &err);
	struct notes_store *c = notes_open(mp, m, "minh", &err);
	int ok = 1;
	for (int i = 0; i < 5; i++) {
		char t[32];
		snprintf(t, sizeof(t), "a%d", i);
		ok &= notes_add(a, "kq1", NOTES_COMMENT, t, NULL, &err) == NOTES_OK;
		snprintf(t, sizeof(t), "b%d", i);
		ok &= notes_add(b, "kq2", NOTES_COMMENT, t, NULL, &err) == NOTES_OK;
		snprintf(t, sizeof(t), "c%d", i);
		ok &= notes_add(c, "kq3", NOTES_COMMENT, t, NULL, &err) == NOTES_OK;
	}
	OK(ok, "three stores (two of lan's, one of minh's) add alternately");
	IS_INT(notes_count(b), 10, "b holds its own and a's notes (same file)");
	struct notes_store *d = notes_open(mp, m, "viet", &err);
	IS_INT(notes_count(d), 15, "all 15 notes are there");
	IS_INT(count_by(d, "lan"), 10, "10 by lan");
	IS_INT(count_by(d, "minh"), 5, "5 by minh");
	IS_INT(notes_for_target(d, "kq2", NULL), 5, "5 on kq2");
	int uniq = 1;
	for (size_t i = 1; i < notes_count(d); i++)
		for (size_t j = 0; j < i; j++)
			uniq &= strcmp(notes_get(d, i)->id,
				       notes_get(d, j)->id) != 0;
	OK(uniq, "same second, same reviewer, two processes: ids unique");
	notes_close(a);
	notes_close(b);
	notes_close(c);
	notes_close(d);
	minutes_free(m);
}

/* Two processes of one reviewer in the same second: b still holds a note
 * that a deleted when b adds one; the merge drops the deleted note and
 * keeps both new notes, under different ids. */
static void
test_merge_renames_after_drop(void)
{
	fake_now = BASE_TIME;
	char dir[1024];
	const char *mp = new_minutes_dir("merge-drop", dir, sizeof(dir));
	struct minutes *m = fx_minutes(mp, 1);
	struct notes_error err = { "" };
	const struct note *n1 = NULL;
	struct notes_store *a = notes_open(mp, m, "lan", &err);
	IS_INT(notes_add(a, "kq1", NOTES_COMMENT, "one", &n1, &err), NOTES_OK,
	       "a adds a note");
	char id1[128];
	snprintf(id1, sizeof(id1), "%s", n1 ? n1->id : "");
	struct notes_store *b = notes_open(mp, m, "lan", &err);
	IS_INT(notes_count(b), 1, "b sees it");
	IS_INT(notes_delete(a, id1, &err), NOTES_OK, "a deletes it");
	IS_INT(notes_add(a, "kq1", NOTES_COMMENT, "two", NULL, &err), NOTES_OK,
	       "a adds another in the same second");
	IS_INT(notes_add(b, "kq2", NOTES_COMMENT, "three", NULL, &err), NOTES_OK,
	       "b adds one, still holding the deleted note");
	struct notes_store *c = notes_open(mp, m, "viet", &err);
	IS_INT(notes_count(c), 2, "on disk: a's second note and b's");
	int uniq = notes_count(c) == 2 &&
		   strcmp(notes_get(c, 0)->id, notes_get(c, 1)->id) != 0;
	OK(uniq, "their ids differ");
	notes_close(a);
	notes_close(b);
	notes_close(c);
	minutes_free(m);
}

static void
test_anchoring(void)
{
	fake_now = BASE_TIME;
	char dir[1024];
	const char *mp = new_minutes_dir("anchor", dir, sizeof(dir));
	struct minutes *m1 = fx_minutes(mp, 1), *m2 = fx_minutes(mp, 2);
	struct notes_error err = { "" };
	struct notes_store *s = notes_open(mp, m1, "lan", &err);
	const struct note *n;
	char k1[64], k2[64], k3[64];
	notes_add(s, "kq1", NOTES_COMMENT, "on kq1", &n, &err);
	snprintf(k1, sizeof(k1), "%s", n->id);
	notes_add(s, "kq2", NOTES_QUESTION, "on kq2", &n, &err);
	snprintf(k2, sizeof(k2), "%s", n->id);
	notes_add(s, "kq3", NOTES_CORRECTION, "on kq3", &n, &err);
	snprintf(k3, sizeof(k3), "%s", n->id);
	notes_add(s, "ket-qua", NOTES_COMMENT, "on the section", NULL, &err);
	IS_INT(notes_section_open_count(s, 1), 4, "4 open in the section");
	IS_INT(notes_orphans(s, NULL), 0, "no orphans");

	notes_set_minutes(s, m2);
	IS_INT(notes_find(s, k1)->anchor, NOTES_ANCHORED, "same text: anchored");
	IS_INT(notes_find(s, k2)->anchor, NOTES_CHANGED, "changed text: changed");
	IS_STR(notes_find(s, k2)->quote,
	       "Vận động ủng hộ Quỹ “Vì người nghèo” được 120 triệu đồng.",
	       "the old quote is kept");
	IS_INT(notes_find(s, k3)->anchor, NOTES_ORPHAN, "element gone: orphan");
	const struct note *const *o;
	IS_INT(notes_orphans(s, &o), 1, "one orphan");
	IS_STR(o[0]->id, k3, "listed apart");
	IS_INT(notes_section_open_count(s, 1), 3, "the orphan is not counted");
	notes_close(s);

	s = notes_open(mp, m2, "lan", &err);
	IS_INT(notes_count(s), 4, "reopened on the new minutes: nothing lost");
	IS_INT(notes_find(s, k3)->anchor, NOTES_ORPHAN, "still an orphan");
	IS_INT(notes_reattach(s, k3, "kq1", &err), NOTES_OK, "re-attach the orphan");
	n = notes_find(s, k3);
	IS_STR(n->target, "kq1", "new target");
	IS_INT(n->anchor, NOTES_ANCHORED, "anchored again");
	IS_STR(n->quote, "Tổ chức thành công Đại hội nhiệm kỳ 2019 - 2024;",
	       "new quote");
	IS_INT(notes_reattach(s, k2, "kq2", &err), NOTES_OK,
	       "accept the changed text");
	IS_INT(notes_find(s, k2)->anchor, NOTES_ANCHORED, "anchored");
	IS_INT(notes_reattach(s, k2, "gone", &err), NOTES_REFUSED,
	       "re-attach to a missing element: refused");
	IS_INT(notes_orphans(s, NULL), 0, "no orphans left");
	notes_close(s);
	minutes_free(m1);
	minutes_free(m2);

	/* a long element: quote capped, hash of the whole */
	struct minutes *m3 = fx_minutes(mp, 3);
	s = notes_open(mp, m3, "lan", &err);
	notes_add(s, "kq4", NOTES_COMMENT, "long", &n, &err);
	const char *full = m3->sections[1].items[3].text;
	char hash[17];
	notes_hash(full, strlen(full), hash);
	IS_INT(strncmp(n->quote, full, strlen(n->quote) - 3), 0,
	       "the quote is the text's start");
	IS_STR(n->quote + strlen(n->quote) - 3, "…", "then …");
	/* "Đoàn kết": 8 characters, 12 bytes; 500 = 62 * 8 + "Đoàn" */
	IS_INT(strlen(n->quote), 62 * 12 + 6 + 3, "500 characters + …");
	IS_STR(n->hash, hash, "hash of the whole text");
	notes_close(s);
	minutes_free(m3);
}

static void
test_status(void)
{
	fake_now = BASE_TIME;
	char dir[1024], path[4096];
	const char *mp = new_minutes_dir("status", dir, sizeof(dir));
	struct minutes *m = fx_minutes(mp, 1);
	struct notes_error err = { "" };
	struct notes_store *lan = notes_open(mp, m, "lan", &err);
	const struct note *n;
	char id[64];
	notes_add(lan, "kq1", NOTES_QUESTION, "why?", &n, &err);
	snprintf(id, sizeof(id), "%s", n->id);
	snprintf(path, sizeof(path), "%s/hop.notes/lan.xml", dir);
	char *before = slurp(path);

	struct notes_store *minh = notes_open(mp, m, "minh", &err);
	IS_INT(notes_toggle_status(minh, id, &err), NOTES_OK,
	       "minh resolves lan's note");
	n = notes_find(minh, id);
	IS_INT(n->status, NOTES_RESOLVED, "resolved");
	IS_STR(n->status_by, "minh", "by minh");
	char *after = slurp(path);
	IS_STR(after, before, "lan's file is untouched");
	free(after);
	free(before);
	snprintf(path, sizeof(path), "%s/hop.notes/minh.xml", dir);
	char *mf = slurp(path);
	OK(mf && strstr(mf, "<status note=\"lan-20261128T101500Z-1\" "
			    "status=\"resolved\" by=\"minh\" "
			    "at=\"2026-11-28T10:15:00Z\"/>"),
	   "the override is in minh's own file");
	free(mf);

	notes_reload(lan, &err);
	n = notes_find(lan, id);
	IS_INT(n->status, NOTES_RESOLVED, "lan sees it resolved");
	IS_STR(n->status_by, "minh", "by minh");
	IS_INT(notes_open_count(lan, "kq1"), 0, "no open note on kq1");
	/* same second: lan's reopen must still win */
	IS_INT(notes_toggle_status(lan, id, &err), NOTES_OK, "lan reopens it");
	n = notes_find(lan, id);
	IS_INT(n->status, NOTES_OPEN, "open again");
	IS_STR(n->status_by, "lan", "by lan");
	notes_reload(minh, &err);
	IS_INT(notes_find(minh, id)->status, NOTES_OPEN, "minh sees it open");
	IS_INT(notes_toggle_status(minh, id, &err), NOTES_OK,
	       "minh resolves it again");
	IS_INT(notes_find(minh, id)->status, NOTES_RESOLVED, "resolved");
	fake_now += 10;
	notes_reload(lan, &err);
	IS_INT(notes_find(lan, id)->status, NOTES_RESOLVED, "lan sees that");
	IS_INT(notes_toggle_status(lan, id, &err), NOTES_OK, "lan reopens");
	notes_reload(minh, &err);
	IS_INT(notes_find(minh, id)->status, NOTES_OPEN, "the latest wins");
	IS_INT(notes_toggle_status(lan, id, &err), NOTES_OK,
	       "lan resolves her own note");
	IS_INT(notes_find(lan, id)->status, NOTES_RESOLVED, "resolved");
	IS_STR(notes_find(lan, id)->status_by, "lan", "by lan");
	IS_INT(notes_toggle_status(lan, "nope", &err), NOTES_REFUSED,
	       "toggling a missing note: refused");
	notes_close(lan);
	notes_close(minh);
	minutes_free(m);
}

static void
test_malformed(void)
{
	fake_now = BASE_TIME;
	char dir[1024], path[4096], want[8192];
	const char *mp = new_minutes_dir("malformed", dir, sizeof(dir));
	struct minutes *m = fx_minutes(mp, 1);
	struct notes_error err = { "" };
	snprintf(path, sizeof(path), "%s/hop.notes", dir);
	mkdir(path, 0777);
	snprintf(path, sizeof(path), "%s/hop.notes/lan.xml", dir);
	char *bad = fixture("malformed.xml");
	spew(path, bad);

	struct notes_store *s = notes_open(mp, m, "lan", &err);
	OK(notes_readonly(s), "own file malformed: read-only");
	IS_INT(notes_problem_count(s), 2, "reported");
	snprintf(want, sizeof(want),
		 "%s:6: Opening and ending tag mismatch: text line 6 and txet",
		 path);
	IS_STR(notes_problem(s, 0), want, "as FILE:LINE: message");
	IS_INT(notes_add(s, "kq1", NOTES_COMMENT, "x", NULL, &err),
	       NOTES_REFUSED, "adding: refused");
	snprintf(want, sizeof(want),
		 "your notes file %s is malformed: notes are read-only until it is fixed",
		 path);
	IS_STR(err.msg, want, "saying so");
	IS_INT(notes_save(s, &err), -1, "saving: refused");
	char *now = slurp(path);
	IS_STR(now, bad, "the file is byte-identical");
	free(now);

	/* another reviewer: reported, skipped, not blocking */
	struct notes_store *o = notes_open(mp, m, "minh", &err);
	OK(!notes_readonly(o), "another reviewer is not blocked");
	IS_INT(notes_problem_count(o), 1, "the bad file is reported");
	IS_INT(notes_add(o, "kq1", NOTES_COMMENT, "fine", NULL, &err),
	       NOTES_OK, "and can save");
	notes_close(o);

	/* a bad file appearing under a running store: not overwritten */
	char *good = fixture("bad-kind.xml");
	spew(path, good);
	notes_reload(s, &err);
	/* libxml2 gives an element the line where its start tag ends */
	snprintf(want, sizeof(want), "%s:4: note lan-1: unknown kind 'bogus'",
		 path);
	IS_STR(notes_problem(s, 0), want, "a bad kind: FILE:LINE: message");
	OK(notes_readonly(s), "still read-only");
	spew(path, "<?xml version=\"1.0\"?>\n<notes version=\"1\" reviewer=\"lan\"/>\n");
	notes_reload(s, &err);
	OK(!notes_readonly(s), "fixed: writable again");
	IS_INT(notes_add(s, "kq1", NOTES_COMMENT, "x", NULL, &err), NOTES_OK,
	       "adding works again");
	spew(path, bad);
	IS_INT(notes_add(s, "kq1", NOTES_COMMENT, "y", NULL, &err),
	       NOTES_UNSAVED, "the file broke meanwhile: not saved");
	now = slurp(path);
	IS_STR(now, bad, "and not overwritten");
	free(now);
	OK(notes_readonly(s) && notes_unsaved(s), "read-only, change kept in memory");
	free(good);
	free(bad);
	notes_close(s);

	/* a DOCTYPE is refused (no entity is ever expanded) */
	snprintf(path, sizeof(path), "%s/hop.notes/lan.xml", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/hop.notes/eve.xml", dir);
	char *dt = fixture("doctype.xml");
	spew(path, dt);
	free(dt);
	s = notes_open(mp, m, "lan", &err);
	snprintf(want, sizeof(want), "%s:2: a DOCTYPE is not allowed", path);
	IS_STR(notes_problem(s, 0), want, "DOCTYPE refused");
	IS_INT(count_by(s, "eve"), 0, "its notes are skipped");
	notes_close(s);
	minutes_free(m);
}

static void
test_files(void)
{
	fake_now = BASE_TIME;
	char dir[1024], path[4096], link[4096], want[8192];
	const char *mp = new_minutes_dir("files", dir, sizeof(dir));
	struct minutes *m = fx_minutes(mp, 1);
	struct notes_error err = { "" };
	static const char shared[] =
		"<?xml version=\"1.0\"?>\n<notes version=\"1\" reviewer=\"lan\"/>\n";
	snprintf(path, sizeof(path), "%s/hop.notes", dir);
	mkdir(path, 0777);
	snprintf(path, sizeof(path), "%s/shared-lan.xml", dir);
	spew(path, shared);
	snprintf(link, sizeof(link), "%s/hop.notes/lan.xml", dir);
	OK(symlink("../shared-lan.xml", link) == 0, "own file is a symlink");
	snprintf(path, sizeof(path), "%s/hop.notes/" ".tmp-lan.xml.1.1", dir);
	spew(path, "stale");

	struct notes_store *s = notes_open(mp, m, "lan", &err);
	snprintf(want, sizeof(want),
		 "%s is a symbolic link: it is not followed (notes are read and written inside the notes folder only)",
		 link);
	IS_INT(notes_problem_count(s), 1, "one problem: the link (the temp file is not read)");
	IS_STR(notes_problem(s, 0), want, "the link is named and not followed");
	IS_INT(notes_add(s, "kq1", NOTES_COMMENT, "via a link", NULL, &err),
	       NOTES_UNSAVED, "a note saved through a link: refused, kept");
	snprintf(want, sizeof(want),
		 "%s is a symbolic link: it is not followed (notes are read and written inside the notes folder only); your notes are kept here, not saved",
		 link);
	IS_STR(err.msg, want, "and why");
	struct stat st;
	OK(lstat(link, &st) == 0 && S_ISLNK(st.st_mode), "still a symlink");
	snprintf(path, sizeof(path), "%s/shared-lan.xml", dir);
	char *t = slurp(path);
	IS_STR(t, shared, "the link's target is untouched");
	free(t);
	IS_INT(notes_count(s), 1, "the note stays in memory");
	OK(notes_unsaved(s), "and is unsaved");
	snprintf(path, sizeof(path), "%s/hop.notes/" ".tmp-lan.xml.1.1", dir);
	OK(stat(path, &st) < 0, "the stale temp file is swept under the lock");
	unlink(link);
	IS_INT(notes_save(s, &err), 0, "the link removed: the save goes through");
	OK(!notes_unsaved(s), "nothing unsaved");
	OK(lstat(link, &st) == 0 && S_ISREG(st.st_mode),
	   "the own file is a regular file now");
	t = slurp(link);
	OK(t && strstr(t, "via a link"), "holding the note");
	free(t);
	chmod(link, 0640);
	IS_INT(notes_add(s, "kq2", NOTES_COMMENT, "mode", NULL, &err), NOTES_OK,
	       "another save");
	OK(stat(link, &st) == 0 && (st.st_mode & 0777) == 0640,
	   "the file's mode is kept across saves");
	notes_close(s);

	/* another reviewer's file that is a link, or not a regular file */
	snprintf(path, sizeof(path), "%s/secret", dir);
	spew(path, "<notes version=\"1\" reviewer=\"bob\"><note/></notes>");
	snprintf(link, sizeof(link), "%s/hop.notes/bob.xml", dir);
	OK(symlink("../secret", link) == 0, "bob.xml is a link");
	snprintf(path, sizeof(path), "%s/hop.notes/eve.xml", dir);
	OK(mkfifo(path, 0644) == 0, "eve.xml is a FIFO");
	s = notes_open(mp, m, "lan", &err);
	IS_INT(notes_problem_count(s), 2, "two problems");
	snprintf(want, sizeof(want),
		 "%s is a symbolic link: it is not followed (notes are read and written inside the notes folder only)",
		 link);
	IS_STR(notes_problem(s, 0), want, "a reviewer file that is a link is not read");
	snprintf(want, sizeof(want), "%s: not a regular file", path);
	IS_STR(notes_problem(s, 1), want, "nor a FIFO (and opening it does not block)");
	IS_INT(notes_count(s), 2, "lan's notes only");
	notes_close(s);
	s = notes_open(mp, m, "eve", &err);
	IS_INT(notes_add(s, "kq1", NOTES_COMMENT, "x", NULL, &err),
	       NOTES_UNSAVED, "an own file that is a FIFO: not written");
	snprintf(want, sizeof(want),
		 "%s: not a regular file; your notes are kept here, not saved",
		 path);
	IS_STR(err.msg, want, "and why");
	notes_close(s);
	unlink(path);
	unlink(link);
	minutes_free(m);
}


/* The fixture files, loaded by the real loader, give the same element
 * texts (so the same hashes) as the models built by hand; and a note
 * re-anchors across the two loaded versions. */
static void
test_loaded(void)
{
	static const char *const ids[] = { "hop-thu-2020", "hoang", "lan",
					   "mo-dau", "md1", "ket-qua", "kq1",
					   "kq2", "kq3" };
	char path[4096], dir[1024];
	struct minutes *l[2] = { NULL, NULL };
	struct load_error le;
	for (int v = 0; v < 2; v++) {
		snprintf(path, sizeof(path),
			 "%s/tests/fixtures/notes/minutes-v%d.xml", srcdir, v + 1);
		IS_INT(loader_load_file(path, &l[v], &le), LOAD_OK,
		       v ? "minutes-v2.xml loads" : "minutes-v1.xml loads");
	}
	if (!l[0] || !l[1]) {
		minutes_free(l[0]);
		minutes_free(l[1]);
		return;
	}
	int same = 1;
	for (int v = 0; v < 2; v++) {
		struct minutes *h = fx_minutes("x", v + 1);
		for (size_t i = 0; i < sizeof(ids) / sizeof(*ids); i++) {
			char *a = notes_element_text(l[v], ids[i]);
			char *b = notes_element_text(h, ids[i]);
			if (!((!a && !b) || (a && b && strcmp(a, b) == 0))) {
				same = 0;
				printf("# v%d %s: \"%s\" vs \"%s\"\n", v + 1,
				       ids[i], a ? a : "(none)", b ? b : "(none)");
			}
			free(a);
			free(b);
		}
		minutes_free(h);
	}
	OK(same, "loaded and hand-built models give the same element texts");

	fake_now = BASE_TIME;
	const char *mp = new_minutes_dir("loaded", dir, sizeof(dir));
	struct notes_error err;
	struct notes_store *s = notes_open(mp, l[0], "lan", &err);
	notes_add(s, "kq2", NOTES_QUESTION, "120?", NULL, &err);
	notes_add(s, "kq3", NOTES_QUESTION, "which?", NULL, &err);
	notes_add(s, "kq1", NOTES_AGREED, "ok", NULL, &err);
	notes_set_minutes(s, l[1]);
	/* an agreed note is not open (issue 16 item 11) */
	IS_INT(notes_for_target(s, "kq1", NULL) == 1 &&
		       notes_open_count(s, "kq1") == 0,
	       1, "loaded v2: the note on kq1 is there");
	const struct note *const *v;
	notes_for_target(s, "kq1", &v);
	IS_INT(v[0]->anchor, NOTES_ANCHORED, "loaded v2: kq1 anchored");
	notes_for_target(s, "kq2", &v);
	IS_INT(v[0]->anchor, NOTES_CHANGED, "loaded v2: kq2 changed");
	IS_INT(notes_orphans(s, NULL), 1, "loaded v2: kq3's note is an orphan");
	notes_close(s);
	minutes_free(l[0]);
	minutes_free(l[1]);
}

/* --- Export -------------------------------------------------------------- */

static char *
capture(void (*fn)(FILE *, void *), void *arg)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	fn(f, arg);
	fclose(f);
	return buf;
}

struct exp_args {
	struct minutes *m;
	struct notes_store *s;
};

static void
do_export(FILE *f, void *arg)
{
	struct exp_args *a = arg;
	review_report_markdown(f, a->m, a->s);
}

static void
do_dump(FILE *f, void *arg)
{
	struct exp_args *a = arg;
	notes_dump_for(f, a->s, "kq2", 4, 0);
}

static void
test_export(void)
{
	char dir[1024];
	const char *mp = new_minutes_dir("export", dir, sizeof(dir));
	struct minutes *m1 = fx_minutes(mp, 1), *m2 = fx_minutes(mp, 2);
	struct notes_error err = { "" };
	struct notes_store *lan = notes_open(mp, m1, "lan", &err);
	struct notes_store *minh = notes_open(mp, m1, "minh", &err);
	const struct note *n;
	char id[64];

	fake_now = BASE_TIME;
	notes_add(lan, "hop-thu-2020", NOTES_COMMENT, "Thiếu giờ bắt đầu.", NULL, &err);
	fake_now += 60;
	notes_add(lan, "hoang", NOTES_CORRECTION, "Chức vụ: Phó Chủ tịch Ủy ban.", NULL, &err);
	fake_now += 60;
	notes_add(minh, "kq2", NOTES_QUESTION, "Con số này đúng không?\nXem báo cáo.", &n, &err);
	snprintf(id, sizeof(id), "%s", n->id);
	fake_now += 60;
	notes_add(lan, "kq2", NOTES_AGREED, "Đã đối chiếu.", NULL, &err);
	fake_now += 60;
	notes_add(lan, "ket-qua", NOTES_COMMENT, "Mục này cần tách đôi.", NULL, &err);
	fake_now += 60;
	notes_add(minh, "kq3", NOTES_COMMENT, "Thôn nào?", NULL, &err);
	fake_now += 60;
	notes_reload(lan, &err);
	notes_toggle_status(lan, id, &err);
	notes_close(minh);
	notes_set_minutes(lan, m2);

	struct exp_args a = { m2, lan };
	/* the review report shows local times */
	setenv("TZ", "Asia/Ho_Chi_Minh", 1);
	tzset();
	char *got = capture(do_export, &a);
	setenv("TZ", "UTC0", 1);
	tzset();
	char *want = fixture("export.md");
	IS_STR(got, want, "the Markdown export, exactly");
	if (getenv("NOTES_WRITE_GOLDEN"))
		spew(getenv("NOTES_WRITE_GOLDEN"), got);
	free(got);
	free(want);

	got = capture(do_dump, &a);
	IS_STR(got,
	       "    [agreed, open] lan, 2026-11-28 10:18 UTC (text changed since this note)\n"
	       "      Đã đối chiếu.\n"
	       "    [question, resolved] minh, 2026-11-28 10:17 UTC (text changed since this note)\n"
	       "      Con số này đúng không?\n"
	       "      Xem báo cáo.\n",
	       "the --dump lines under an element");
	free(got);
	notes_close(lan);
	minutes_free(m1);
	minutes_free(m2);
}

/* --- Format 2: replies, sign-off, review state, ids, merge driver ---- */

static void
test_replies(void)
{
	fake_now = BASE_TIME;
	char dir[1024], path[4096], want[8192];
	const char *mp = new_minutes_dir("replies", dir, sizeof(dir));
	struct minutes *m = fx_minutes(mp, 1);
	struct notes_error err = { "" };
	struct notes_store *lan = notes_open(mp, m, "lan", &err);
	const struct note *n;
	char q1[64], q2[64], q3[64], r1[64];
	notes_add(lan, "kq1", NOTES_QUESTION, "120 hay 125?", &n, &err);
	snprintf(q1, sizeof(q1), "%s", n->id);
	notes_add(lan, "kq2", NOTES_CORRECTION, "Sửa tên quỹ.", &n, &err);
	snprintf(q2, sizeof(q2), "%s", n->id);
	notes_add(lan, "kq3", NOTES_COMMENT, "Thôn nào?", &n, &err);
	snprintf(q3, sizeof(q3), "%s", n->id);

	fake_now += 60;
	struct notes_store *thu = notes_open(mp, m, "thu", &err);
	IS_INT(notes_reply(thu, q1, NOTES_RESPONSE, NOTES_ACCEPTED,
			   "Đã sửa thành 125.", &n, &err),
	       NOTES_OK, "the clerk accepts lan's question");
	snprintf(r1, sizeof(r1), "%s", n ? n->id : "");
	IS_STR(n ? n->reply_to : NULL, q1, "the reply points to the note");
	IS_STR(n ? n->target : NULL, "kq1", "on the same element");
	IS_INT(notes_reply(thu, q2, NOTES_RESPONSE, NOTES_EXPLAINED,
			   "Tên này đúng theo quyết định.", NULL, &err),
	       NOTES_OK, "explains another");
	IS_INT(notes_reply(thu, q3, NOTES_COMMENT, NOTES_NO_DISPOSITION,
			   "Thôn Nà Phặc.", NULL, &err),
	       NOTES_OK, "a plain reply to the third");
	IS_INT(notes_reply(thu, q3, NOTES_RESPONSE, NOTES_NO_DISPOSITION, "x",
			   NULL, &err),
	       NOTES_REFUSED, "a response needs a disposition");
	IS_INT(notes_reply(thu, q3, NOTES_COMMENT, NOTES_DECLINED, "x", NULL,
			   &err),
	       NOTES_REFUSED, "a plain reply has none");
	IS_INT(notes_reply(thu, "nope", NOTES_COMMENT, NOTES_NO_DISPOSITION, "x",
			   NULL, &err),
	       NOTES_REFUSED, "a reply to no note: refused");
	notes_close(thu);

	snprintf(path, sizeof(path), "%s/hop.notes/thu.xml", dir);
	char *f = slurp(path);
	snprintf(want, sizeof(want),
		 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		 "<notes version=\"2\" minutes=\"hop-thu-2020\" reviewer=\"thu\">\n"
		 "  <note id=\"thu-20261128T101600Z-1\" target=\"kq1\" kind=\"response\""
		 " status=\"open\" created=\"2026-11-28T10:16:00Z\""
		 " modified=\"2026-11-28T10:16:00Z\" status-at=\"2026-11-28T10:16:00Z\""
		 " hash=\"%s\" reply-to=\"%s\" disposition=\"accepted\">\n"
		 "    <quote>Tổ chức thành công Đại hội nhiệm kỳ 2019 - 2024;</quote>\n"
		 "    <text>Đã sửa thành 125.</text>\n"
		 "  </note>\n",
		 notes_find(lan, q1)->hash, q1);
	OK(f && strncmp(f, want, strlen(want)) == 0,
	   "the reply in the clerk's file: version 2, kind response, reply-to, disposition");
	if (f && strncmp(f, want, strlen(want)))
		printf("# %s\n", f);
	free(f);

	notes_reload(lan, &err);
	n = notes_find(lan, q1);
	IS_INT(n->status, NOTES_RESOLVED, "an accepted answer resolves the note");
	IS_STR(n->status_by, "thu", "by the one who answered");
	OK(n->answered && n->nreplies == 1, "answered, one reply");
	n = notes_find(lan, q2);
	IS_INT(n->status, NOTES_OPEN, "an explained answer leaves it open");
	OK(n->answered, "but answered");
	n = notes_find(lan, q3);
	OK(!n->answered && n->nreplies == 1, "a plain reply is not an answer");
	IS_INT(notes_open_count(lan, "kq1"), 0, "replies are not open notes");
	IS_INT(notes_open_count(lan, "kq3"), 1, "kq3: one open note");
	IS_INT(notes_section_open_count(lan, 1), 2, "two open in the section");
	const struct note *const *v;
	IS_INT(notes_for_target(lan, "kq1", &v), 2, "kq1: the note and its answer");
	OK(strcmp(v[0]->id, q1) == 0 && strcmp(v[1]->id, r1) == 0,
	   "the answer comes right after its note");
	IS_INT(notes_replies(lan, q1, &v), 1, "notes_replies: one");
	IS_STR(v[0]->id, r1, "the answer");
	IS_INT(notes_replies(lan, r1, NULL), 0, "the answer has none");
	struct exp_args a = { m, lan };
	char *md = capture(do_export, &a);
	OK(md && strstr(md, "| 120 hay 125? | câu hỏi | lan, 10 giờ 15 ngày 28/11/2026 (UTC+00:00) | "
			    "*Tiếp thu*: Đã sửa thành 125. — thu, 10 giờ 16 ngày 28/11/2026 (UTC+00:00)<br>"
			    "đã xử lý: thu, 10 giờ 16 ngày 28/11/2026 (UTC+00:00) |\n"),
	   "the export: the answer in its note's row, with its disposition, author and time");
	if (md && !strstr(md, "| 120 hay 125? |"))
		printf("# %s\n", md);
	free(md);
	md = capture(do_dump, &a);
	IS_STR(md,
	       "    [correction, open] lan, 2026-11-28 10:15 UTC\n"
	       "      Sửa tên quỹ.\n"
	       "      \xE2\x86\xB3 [explained] thu, 2026-11-28 10:16 UTC\n"
	       "        Tên này đúng theo quyết định.\n",
	       "--dump: the answer under its note");
	free(md);

	fake_now += 60;
	IS_INT(notes_toggle_status(lan, q1, &err), NOTES_OK,
	       "the note's author reopens it");
	IS_INT(notes_find(lan, q1)->status, NOTES_OPEN, "open again");
	notes_close(lan);
	lan = notes_open(mp, m, "lan", &err);
	IS_INT(notes_find(lan, q1)->status, NOTES_OPEN, "and stays open after a reload");

	/* the answered note deleted: the answer is kept, an orphan */
	IS_INT(notes_delete(lan, q1, &err), NOTES_OK, "lan deletes the note");
	n = notes_find(lan, r1);
	OK(n != NULL, "the answer is kept");
	IS_INT(n ? (int)n->anchor : -1, NOTES_ORPHAN, "as an orphan");
	const struct note *const *o;
	size_t no = notes_orphans(lan, &o);
	IS_INT(no, 1, "listed with the orphans");
	IS_STR(no ? o[0]->id : NULL, r1, "it is the answer");
	notes_close(lan);

	/* a response without a disposition in a file */
	snprintf(path, sizeof(path), "%s/hop.notes/eve.xml", dir);
	spew(path,
	     "<notes version=\"2\" reviewer=\"eve\">\n"
	     "<note id=\"e1\" target=\"kq1\" kind=\"response\" reply-to=\"x\" status=\"open\""
	     " created=\"2026-11-28T10:00:00Z\" modified=\"2026-11-28T10:00:00Z\">"
	     "<text>?</text></note></notes>\n");
	lan = notes_open(mp, m, "lan", &err);
	snprintf(want, sizeof(want),
		 "%s:2: note e1: a response needs reply-to and a disposition (accepted, explained or declined)",
		 path);
	IS_STR(notes_problem(lan, 0), want, "a response without a disposition: FILE:LINE: message");
	notes_close(lan);
	unlink(path);
	minutes_free(m);
}

static void
test_review_state(void)
{
	fake_now = BASE_TIME;
	char dir[1024], path[4096];
	const char *mp = new_minutes_dir("review", dir, sizeof(dir));
	struct minutes *m = fx_minutes(mp, 1);
	struct notes_error err = { "" };
	struct notes_store *lan = notes_open(mp, m, "lan", &err);
	struct notes_review_state st;
	char *l;
	const struct note *n;
	char q1[64], q2[64];
#define STATE(s, want_state, want_label, what)                       \
	do {                                                         \
		notes_review((s), &st);                              \
		l = notes_review_label(s);                           \
		IS_INT(st.state, (want_state), what);                \
		IS_STR(l, (want_label), what ": in words");          \
		free(l);                                             \
	} while (0)
	STATE(lan, NOTES_REVIEW_NONE, "no notes", "no notes");
	notes_add(lan, "kq1", NOTES_QUESTION, "a?", &n, &err);
	snprintf(q1, sizeof(q1), "%s", n->id);
	notes_add(lan, "kq2", NOTES_QUESTION, "b?", &n, &err);
	snprintf(q2, sizeof(q2), "%s", n->id);
	STATE(lan, NOTES_REVIEW_OPEN, "open (2 open)", "two open notes");
	IS_INT(notes_signoff(lan, "xem sau", &err), NOTES_OK,
	       "signing off with open notes");
	STATE(lan, NOTES_REVIEW_OPEN, "open (2 open)", "still open");

	fake_now += 60;
	struct notes_store *thu = notes_open(mp, m, "thu", &err);
	notes_reply(thu, q1, NOTES_RESPONSE, NOTES_ACCEPTED, "ok", NULL, &err);
	STATE(thu, NOTES_REVIEW_OPEN, "open (1 open)", "one answered");
	notes_reply(thu, q2, NOTES_RESPONSE, NOTES_EXPLAINED, "vì…", NULL, &err);
	STATE(thu, NOTES_REVIEW_SIGNED, "signed off (by lan)",
	      "every note answered; lan's sign-off is older");
	notes_close(thu);

	fake_now += 60;
	notes_reload(lan, &err);
	IS_INT(notes_signoff(lan, "Đồng ý trình ký.", &err), NOTES_OK,
	       "lan signs off after the answers");
	STATE(lan, NOTES_REVIEW_READY, "ready to sign (by lan)",
	      "answered and signed off after the last change");
	snprintf(path, sizeof(path), "%s/hop.notes/lan.xml", dir);
	char *f = slurp(path);
	OK(f && strstr(f, "  <signoff by=\"lan\" at=\"2026-11-28T10:17:00Z\" remark=\"Đồng ý trình ký.\"/>\n</notes>\n"),
	   "the sign-off record in lan's file");
	OK(f && strstr(f, "<notes version=\"2\""), "which is version 2");
	free(f);
	const struct notes_signoff *const *g;
	IS_INT(notes_signoffs(lan, &g), 1, "one sign-off");
	OK(g[0]->current && !g[0]->withdrawn && g[0]->verified,
	   "current, in force, verified");
	notes_close(lan);

	struct notes_store *viet = notes_open(mp, m, "viet", &err);
	STATE(viet, NOTES_REVIEW_READY, "ready to sign (by lan)",
	      "another reviewer sees the same state");
	fake_now += 60;
	notes_add(viet, "kq3", NOTES_COMMENT, "c", NULL, &err);
	STATE(viet, NOTES_REVIEW_OPEN, "open (1 open)", "a new note opens it again");
	notes_close(viet);

	fake_now += 60;
	lan = notes_open(mp, m, "lan", &err);
	notes_add(lan, "kq3", NOTES_COMMENT, "d", &n, &err);
	notes_signoffs(lan, &g);
	OK(g[0]->withdrawn, "a later note by lan withdraws lan's sign-off");
	notes_review(lan, &st);
	IS_INT(st.signers, 0, "no sign-off in force");
	fake_now += 60;
	IS_INT(notes_signoff(lan, NULL, &err), NOTES_OK, "lan signs off again");
	notes_signoffs(lan, &g);
	OK(!g[0]->withdrawn && g[0]->current && strcmp(g[0]->remark, "") == 0,
	   "in force again, current, no remark");
	notes_review(lan, &st);
	IS_INT(st.signers, 1, "one sign-off in force");
	IS_INT(st.state, NOTES_REVIEW_OPEN, "but viet's note has no answer: open");
	notes_close(lan);

	/* an unverified file's sign-off does not count */
	mp = new_minutes_dir("review-unverified", dir, sizeof(dir));
	snprintf(path, sizeof(path), "%s/hop.notes", dir);
	mkdir(path, 0777);
	snprintf(path, sizeof(path), "%s/hop.notes/mallory.xml", dir);
	spew(path, "<notes version=\"2\" reviewer=\"lan\"><signoff by=\"lan\" at=\"2026-11-28T10:00:00Z\"/></notes>\n");
	viet = notes_open(mp, m, "viet", &err);
	STATE(viet, NOTES_REVIEW_NONE, "no notes", "an unverified sign-off does not count");
	notes_close(viet);
#undef STATE
	minutes_free(m);
}

static void
test_ids(void)
{
	fake_now = BASE_TIME;
	char dir[1024];
	const char *mp = new_minutes_dir("ids", dir, sizeof(dir));
	struct minutes *m = fx_minutes(mp, 1);
	struct notes_error err = { "" };
	notes_set_id_tag(NULL);
	struct notes_store *s = notes_open(mp, m, "lan", &err);
	const struct note *n;
	notes_add(s, "kq1", NOTES_COMMENT, "x", &n, &err);
	char id[128];
	snprintf(id, sizeof(id), "%s", n->id);
	int shape = strlen(id) == strlen("lan-20261128T101500Z-12345678-1") &&
		    strncmp(id, "lan-20261128T101500Z-", 21) == 0 &&
		    strcmp(id + 29, "-1") == 0 &&
		    strspn(id + 21, "0123456789abcdef") == 8;
	OK(shape, "an id has a per-process part: lan-TIME-XXXXXXXX-1");
	printf("# %s\n", id);
	int fds[2];
	if (pipe(fds) == 0) {
		fflush(stdout);
		pid_t pid = fork();
		if (pid == 0) {
			struct notes_store *c = notes_open(mp, m, "lan", &err);
			const struct note *cn;
			notes_add(c, "kq2", NOTES_COMMENT, "y", &cn, &err);
			dprintf(fds[1], "%s", cn ? cn->id : "");
			notes_close(c);
			notes_close(s);
			minutes_free(m);
			_exit(0);
		}
		close(fds[1]);
		char cid[128] = "";
		ssize_t k = read(fds[0], cid, sizeof(cid) - 1);
		cid[k > 0 ? k : 0] = '\0';
		close(fds[0]);
		waitpid(pid, NULL, 0);
		OK(strlen(cid) == strlen(id) && strncmp(cid, id, 21) == 0 &&
			   strncmp(cid + 21, id + 21, 8) != 0,
		   "another process in the same second: another part");
	}
	notes_close(s);
	notes_set_id_tag("");
	minutes_free(m);
}

int
main(void)
{
	if (fx_setup() < 0)
		return 1;

	test_helpers();
	test_save_load();
	test_identity();
	test_trust();
	test_unsaved();
	test_edit_delete();
	test_merge();
	test_merge_renames_after_drop();
	test_anchoring();
	test_status();
	test_malformed();
	test_files();
	test_loaded();
	test_export();
	test_replies();
	test_review_state();
	test_ids();

	return fx_done();
}
