/* test_browser_v2.c - the browser model's v2 parts without a terminal:
 * the vote's tally bar and words, today's date, the Tasks entry (its
 * records, overdue ones by the browser's today), the meeting entry's
 * fields, the attendees' presence, warnings apart from errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser.h"
#include "doc.h"
#include "entries.h"
#include "lines.h"
#include "meetings.h"
#include "navigate.h"
#include "notes_view.h"
#include "tap.h"
#include "wording.h"

static int
entry_named(struct browser *b, const char *name)
{
	for (int e = 0; e < b->doc->nentries; e++)
		if (strcmp(b->doc->entries[e].ops->name, name) == 0)
			return e;
	return -1;
}

/* record R of entry E laid out at WIDTH, lines joined by '|' */
static const char *
record(struct browser *b, int e, int r, int width)
{
	static char buf[4096];
	struct lines l;
	memset(&l, 0, sizeof(l));
	lines_reset(&l, NULL);
	b->doc->entries[e].ops->layout(b, &b->doc->entries[e], r, width, &l);
	buf[0] = '\0';
	for (int i = 0; i < l.n; i++) {
		size_t n = strlen(buf);
		snprintf(buf + n, sizeof(buf) - n, "%s%.*s", i ? "|" : "",
			 (int)l.v[i].len, l.v[i].s + l.v[i].off);
	}
	lines_free(&l);
	return buf;
}

static void
test_bar(void)
{
	struct minutes m;
	struct mn_vote v;
	char *s;

	memset(&m, 0, sizeof(m));
	memset(&v, 0, sizeof(v));
	m.version = 2;
	m.expected = 9;
	m.present = 8;
	v.has_tally = true;
	v.nfor = 7;
	v.against = 0;
	v.abstain = 1;
	v.invalid = MN_NONE;
	s = wording_vote_bar(&m, &v, 20);
	IS_STR(s, "███████░", "7 of 8 present for: seven full cells, one abstain");
	free(s);
	s = wording_vote_tally(&m, &v);
	IS_STR(s, "7/8 for · 0 against · 1 abstain", "the tally in words");
	free(s);
	v.nfor = 3;
	v.against = 2;
	v.abstain = 0;
	s = wording_vote_bar(&m, &v, 20);
	IS_STR(s, "███▒▒···", "3 for, 2 against, 3 present who did not vote");
	free(s);
	m.present = 80;
	v.nfor = 70;
	v.against = 1;
	v.abstain = 9;
	s = wording_vote_bar(&m, &v, 8);
	IS_STR(s, "███████▒", "80 present on 8 cells: scaled, the one against still seen");
	free(s);
	v.rule = MN_RULE_MAJORITY_EXPECTED;
	m.present = 8;
	v.nfor = 7;
	v.against = 0;
	v.abstain = 1;
	s = wording_vote_bar(&m, &v, 20);
	IS_STR(s, "███████░·", "a rule on the expected: the bar is on the 9 summoned");
	free(s);
	v.has_tally = false;
	s = wording_vote_bar(&m, &v, 20);
	IS_STR(s, "", "no tally, no bar");
	free(s);
	IS_STR(wording_vote_result(MN_RESULT_ADOPTED), "adopted", "adopted");
	IS_STR(wording_vote_result(MN_RESULT_REJECTED), "rejected", "rejected");
}

static void
test_today(void)
{
	char buf[16];
	IS_STR(wording_today(1764320000, buf, sizeof(buf)), "2025-11-28",
	       "MINUTES_NOW=1764320000 is 2025-11-28 (TZ=UTC0)");
}

static void
test_tasks(struct browser *b)
{
	int e = entry_named(b, "tasks");
	OK(e > 0, "a v2 file with tasks has a Tasks entry");
	if (e < 0)
		return;
	IS_INT(navigate_records(b, e), 2, "two tasks");
	IS_INT((int)b->doc->tasks_overdue, 2, "both overdue on 2025-11-28");
	IS_STR(record(b, e, 0, 200),
	       "đồng chí Lục Văn Thiệp giải quyết dứt điểm 14 hồ sơ cấp giấy chứng nhận quyền sử dụng đất|→ Lục Văn Thiệp · due 2019-09-30 · ⚠ overdue|",
	       "a task: its text, assignee, due date, marked overdue");
	b->doc->nav.cur = e;
	b->doc->content[e].cur = 1;
	b->focus = PANE_CONTENT;
	IS_STR(navigate_target(b), "kl2", "a note on a task is about its item");

	/* another day: not overdue yet (the index is per document) */
	browser_set_today(b, 1500000000); /* 2017-07-14 */
	b->doc->tasks_built = false;
	IS_STR(record(b, e, 1, 200),
	       "đồng chí Hoàng Thị Nga, đồng chí Bế Thị Uyên xây dựng kế hoạch thu gom rác thải ở các thôn|→ Hoàng Thị Nga, Bế Thị Uyên · due 2019-07-15|",
	       "before its due date a task is not marked");
	IS_INT((int)b->doc->tasks_overdue, 0, "none overdue on 2017-07-14");
}

static void
test_meeting(struct browser *b)
{
	IS_INT(navigate_records(b, 0), 17, "the v2 meeting shows 17 fields");
	IS_STR(record(b, 0, 9, 200), "Triệu Văn Toàn — Chủ tịch Ủy ban nhân dân xã",
	       "the chair by name and role");
	IS_STR(record(b, 0, 13, 200), "Secretary: Nông Thị Mai|Chair: Triệu Văn Toàn",
	       "the signatures, one a line");
	IS_STR(record(b, 0, 14, 200),
	       "- Thường trực Đảng ủy xã|- Thường trực Hội đồng nhân dân xã|- Các thôn|- Lưu: VT, Hồ sơ",
	       "the recipients, one a line");
}

static void
test_attendees(struct browser *b)
{
	int e = entry_named(b, "attendees");
	char head[256];
	b->attendees_doc_order = true;
	b->doc->entries[e].ops->header(b, &b->doc->entries[e], head, sizeof(head));
	IS_STR(head, "Attendees (9) · present 8 · excused 1 · expected 9 · document order",
	       "the counts in the header");
	IS_STR(record(b, e, 4, 200),
	       "Đàm Thị Hiền|Công chức Tài chính - Kế toán|excused: Đi tập huấn nghiệp vụ tại huyện|",
	       "an excused attendee with the reason");
	IS_STR(record(b, e, 0, 200), "Triệu Văn Toàn|Chủ tịch Ủy ban nhân dân xã|",
	       "one present: nothing more");
	b->attendees_doc_order = false;
}

static void
test_warnings(void)
{
	struct browser b;
	char *args[] = { SRCDIR "/tests/fixtures/warn-v2-form.xml" };
	char head[256];
	struct entry_nav nv;

	memset(&b, 0, sizeof(b));
	IS_INT(browser_open(&b, args, 1, "lan"), 1, "the warnings fixture opens");
	if (!b.doc || !b.doc->m)
		return;
	int e = entry_named(&b, "problems");
	OK(e > 0, "warnings make a Problems entry");
	b.doc->entries[e].ops->header(&b, &b.doc->entries[e], head, sizeof(head));
	IS_STR(head, "Problems (5)", "the header counts them");
	b.doc->entries[e].ops->nav(&b, &b.doc->entries[e], &nv);
	IS_STR(nv.count, " (5)", "the navigator counts them");
	IS_STR(record(&b, e, 0, 200),
	       "final minutes without a <number> (Số, as 27/BB-UBND)",
	       "a warning's message (its lead says warning:)");
	browser_close(&b);
}

/* answers under their note, in time order; the navigator's count */
static void
test_answers(void)
{
	char dir[] = "/tmp/minutes-answers-XXXXXX", path[4200], cmd[4400];
	struct browser b;
	struct notes_error err;
	const struct note *q, *a1, *a2, *a3;

	if (!mkdtemp(dir))
		return;
	snprintf(cmd, sizeof(cmd), "cp '%s' '%s/m.xml'",
		 SRCDIR "/data/ngan-son-2020.xml", dir);
	if (system(cmd) != 0)
		return;
	snprintf(path, sizeof(path), "%s/m.xml", dir);
	char *args[] = { path };
	memset(&b, 0, sizeof(b));
	IS_INT(browser_open(&b, args, 1, "lan"), 1, "the notes sample opens");
	struct notes_store *ns = b.doc->notes;
	notes_add(ns, "kq5", NOTES_QUESTION, "Bao nhiêu thôn?", &q, &err);
	char qid[256];
	snprintf(qid, sizeof(qid), "%s", q->id);
	notes_add(ns, "kq5", NOTES_COMMENT, "Một ghi chú khác", NULL, &err);
	notes_reply(ns, qid, NOTES_RESPONSE, NOTES_EXPLAINED, "Đã có phụ lục", &a1, &err);
	char a1id[256];
	snprintf(a1id, sizeof(a1id), "%s", a1->id);
	notes_reply(ns, a1id, NOTES_COMMENT, NOTES_NO_DISPOSITION, "Cảm ơn", &a2, &err);
	notes_reply(ns, qid, NOTES_RESPONSE, NOTES_ACCEPTED, "Đã sửa", &a3, &err);
	doc_notes_changed(&b);

	const struct note **v;
	int *depth;
	size_t n = notes_view_thread(ns, "kq5", &v, &depth);
	IS_INT((int)n, 5, "five notes on kq5, answers included");
	char got[512] = "";
	for (size_t i = 0; i < n; i++)
		snprintf(got + strlen(got), sizeof(got) - strlen(got), "%s%d:%s",
			 i ? " | " : "", depth[i], v[i]->text);
	IS_STR(got, "0:Một ghi chú khác | 0:Bao nhiêu thôn? | 1:Đã có phụ lục | 2:Cảm ơn | 1:Đã sửa",
	       "each note, then its answers in time order, an answer's answer deeper; "
	       "the open note first, the one resolved by its answer after");
	free(v);
	free(depth);
	int sec = -1, item = -1, e = -1;
	minutes_find_id(b.doc->m, "kq5", &sec, &item);
	for (int k = 0; k < b.doc->nentries; k++)
		if (strcmp(b.doc->entries[k].ops->name, "section") == 0 &&
		    b.doc->entries[k].arg == sec)
			e = k;
	struct entry_nav nv;
	memset(&nv, 0, sizeof(nv));
	b.doc->entries[e].ops->nav(&b, &b.doc->entries[e], &nv);
	IS_INT((int)nv.answered, 1, "the navigator counts the one answered note");
	IS_INT((int)nv.open, 1, "the accepted answer resolved the question: one open");
	browser_close(&b);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

/* the rows of the meetings list, "date date ..." */
static const char *
rows(struct browser *b)
{
	static char buf[512];
	int n = meetings_rows(b);
	buf[0] = '\0';
	for (int r = 0; r < n; r++)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%s",
			 r ? " " : "", meetings_doc(b, r)->m->meeting.date);
	return buf;
}

static void
test_meetings(void)
{
	char dir[] = "/tmp/minutes-meetings-XXXXXX", cmd[4400];
	struct browser b;
	char how[256];

	if (!mkdtemp(dir))
		return;
	snprintf(cmd, sizeof(cmd),
		 "cp '%s'/data/*.xml '%s'/ && mkdir '%s'/ngan-son-2020.notes && "
		 "cp '%s'/tests/screens/notes/Nguyen_Minh.xml '%s'/ngan-son-2020.notes/",
		 SRCDIR, dir, dir, SRCDIR, dir);
	if (system(cmd) != 0)
		return;
	char *args[] = { dir };
	memset(&b, 0, sizeof(b));
	IS_INT(browser_open(&b, args, 1, "lan"), 3, "the archive: three meetings");
	IS_STR(rows(&b), "2021-12-20 2020-01-16 2019-06-27", "newest first");
	IS_INT(meetings_count(&b), 4, "and the Open notes row");
	OK(meetings_doc(&b, 3) == NULL, "the last row is Open notes");
	IS_INT((int)meetings_open(meetings_doc(&b, 1)), 4, "ngan-son has 4 open notes");
	meetings_next_sort(&b);
	IS_STR(rows(&b), "2021-12-20 2019-06-27 2020-01-16",
	       "by title: Họp đánh giá, Họp Ủy ban, Ủy ban MTTQ");
	meetings_next_sort(&b);
	IS_STR(rows(&b), "2020-01-16 2021-12-20 2019-06-27", "by status: the draft first");
	meetings_next_sort(&b);
	IS_STR(rows(&b), "2020-01-16 2021-12-20 2019-06-27", "by open notes: the most first");
	meetings_next_sort(&b);
	IS_STR(meetings_describe(&b, how, sizeof(how)), "sorted by date", "back to the date");
	meetings_next_status(&b);
	IS_STR(rows(&b), "2020-01-16", "status draft: one");
	meetings_next_status(&b);
	IS_STR(rows(&b), "", "status final: none");
	meetings_next_status(&b);
	IS_STR(rows(&b), "2021-12-20 2019-06-27", "status approved: two");
	meetings_next_status(&b);
	IS_STR(rows(&b), "2021-12-20 2020-01-16 2019-06-27", "every status again");
	meetings_toggle_open(&b);
	IS_STR(rows(&b), "2020-01-16", "only with open notes");
	meetings_toggle_open(&b);
	meetings_set_text(&b, "TAN LAP");
	IS_STR(rows(&b), "2019-06-27", "a text, case and accents ignored");
	IS_STR(meetings_describe(&b, how, sizeof(how)), "sorted by date · “TAN LAP”",
	       "the filter said");
	meetings_set_text(&b, "15/BB");
	IS_STR(rows(&b), "2021-12-20", "the number is matched too");
	meetings_set_text(&b, "");
	IS_STR(rows(&b), "2021-12-20 2020-01-16 2019-06-27", "an empty text: all");

	/* the Open notes row, and Enter on a note */
	b.list.cur = 3;
	OK(meetings_enter(&b) && b.onotes, "Enter on the row lists the open notes");
	IS_INT(b.nonote, 4, "every open note of the archive");
	struct doc *d;
	const struct note *nt = meetings_open_note(&b, 1, &d);
	OK(nt && strcmp(nt->target, "hc2") == 0, "the second: on hc2");
	b.onote_cur.cur = 1;
	OK(meetings_enter(&b) && b.doc == d, "Enter opens its meeting");
	IS_STR(navigate_target(&b), "hc2", "at its element");
	nt = navigate_sync_note(&b);
	OK(nt && strcmp(nt->text, "Thiếu dấu phẩy sau chữ “cơ sở”.") == 0,
	   "with the note selected");
	b.doc = NULL;
	OK(meetings_back(&b) && !b.onotes, "back: the meetings again");
	browser_close(&b);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

int
main(void)
{
	struct browser b;
	char *args[] = { SRCDIR "/data/tan-lap-nong-thon-moi-2019.xml" };

	test_bar();
	test_today();
	memset(&b, 0, sizeof(b));
	IS_INT(browser_open(&b, args, 1, "lan"), 1, "one document");
	browser_set_today(&b, 1764320000);
	if (b.doc && b.doc->m) {
		test_meeting(&b);
		test_attendees(&b);
		test_tasks(&b);
	}
	browser_close(&b);
	test_warnings();
	test_answers();
	test_meetings();
	return tap_done();
}
