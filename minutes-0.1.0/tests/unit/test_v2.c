/* test_v2.c - unit tests for format v2 (the official biên bản) in the
 * loader and the model: what a v2 file fills in, each validity problem
 * and form warning at its line, and v1 files reading as before. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader.h"
#include "tap.h"

static const char *srcdir;

static const char *
path_of(const char *rel)
{
	static char buf[4][4096];
	static int n;
	char *p = buf[n++ % 4];
	snprintf(p, sizeof(buf[0]), "%s/%s", srcdir, rel);
	return p;
}

static const char *
fixture(const char *name)
{
	char rel[512];
	snprintf(rel, sizeof(rel), "tests/fixtures/%s", name);
	return path_of(rel);
}

/* "LINE:COL: msg" lines, "LINE:COL: warning: msg" for a warning. */
static char *
problems(const struct minutes *m)
{
	size_t size = 64, len = 0;
	char *s = malloc(size);
	s[0] = '\0';
	for (uint32_t i = 0; m && i < m->nproblems; i++) {
		const struct mn_problem *p = &m->problems[i];
		size_t need = strlen(p->msg) + 48;
		if (len + need >= size) {
			size = (len + need) * 2;
			s = realloc(s, size);
		}
		len += (size_t)snprintf(s + len, size - len, "%u:%u: %s%s\n",
					p->line, p->col,
					p->severity == MN_SEV_WARNING ?
					"warning: " : "", p->msg);
	}
	return s;
}

/* The problems of fixture NAME, loaded with and without the texts, and
 * its status. */
static void
check_file(const char *name, enum load_status want_st, const char *want)
{
	struct minutes *m;
	struct load_error err;
	char what[256];
	for (int pass = 0; pass < 2; pass++) {
		const char *how = pass ? " (no texts)" : "";
		enum load_status st = loader_load_file_flags(
			fixture(name), &m, &err, pass ? LOAD_NO_TEXT : 0);
		snprintf(what, sizeof(what), "%s%s: status", name, how);
		IS_INT(st, want_st, what);
		if (st == LOAD_FATAL) {
			printf("# %s\n", err.msg);
			continue;
		}
		char *got = problems(m);
		snprintf(what, sizeof(what), "%s%s: problems", name, how);
		IS_STR(got, want, what);
		free(got);
		minutes_free(m);
	}
}

static char *
problems_of(const char *xml, enum load_status *st)
{
	struct minutes *m;
	struct load_error err;
	*st = loader_load_memory("mem.xml", xml, strlen(xml), &m, &err);
	if (*st == LOAD_FATAL) {
		char *s = malloc(600);
		snprintf(s, 600, "fatal: %s", err.msg);
		return s;
	}
	char *s = problems(m);
	minutes_free(m);
	return s;
}

/* --- the complete sample ------------------------------------------------ */

static const struct mn_item *
find_item(const struct minutes *m, const char *id)
{
	int sec = -1, item = -1;
	if (minutes_find_id(m, id, &sec, &item) != 1 || item < 0)
		return NULL;
	return &m->sections[sec].items[item];
}

static const char *
person_id(const struct minutes *m, uint32_t i)
{
	return i < m->npersons ? m->persons[i].id : "(none)";
}

static void
test_sample_meeting(const struct minutes *m)
{
	const struct mn_meeting *mt = &m->meeting;
	IS_INT(m->version, 2, "sample: version 2");
	IS_STR(mt->agency, "Ủy ban nhân dân xã Tân Lập", "sample: agency");
	IS_STR(mt->agency_parent, "Ủy ban nhân dân huyện Sơn Hà",
	       "sample: agency's parent");
	IS_INT(mt->agency_line, 13, "sample: agency's line");
	IS_STR(mt->number, "08/BB-UBND", "sample: number");
	IS_INT(mt->number_line, 14, "sample: number's line");
	IS_STR(mt->end, "10:45", "sample: end time");
	IS_INT(mt->nchairs, 1, "sample: one chair");
	IS_STR(person_id(m, mt->nchairs ? mt->chairs[0] : 99), "toan",
	       "sample: the chair");
	IS_INT(mt->nsecretaries, 1, "sample: one secretary");
	IS_STR(person_id(m, mt->nsecretaries ? mt->secretaries[0] : 99),
	       "mai", "sample: the secretary");
	IS_INT(m->nproblems, 0, "sample: no problem, no warning");
}

static void
test_sample_attendees(const struct minutes *m)
{
	IS_INT(m->expected, 9, "sample: expected");
	IS_INT(m->present, 8, "sample: present");
	IS_INT(minutes_present_count(m), 8, "sample: present count");
	IS_INT(m->npersons, 9, "sample: persons");
	uint32_t excused = 0;
	for (uint32_t i = 0; i < m->npersons; i++) {
		const struct mn_person *p = &m->persons[i];
		if (p->presence != MN_PRESENT) {
			excused++;
			IS_STR(p->id, "hien", "sample: the excused person");
			IS_INT(p->presence, MN_EXCUSED, "sample: excused");
			IS_STR(p->reason, "Đi tập huấn nghiệp vụ tại huyện",
			       "sample: her reason");
		} else if (*p->reason) {
			OK(0, "sample: a reason on a present person");
		}
	}
	IS_INT(excused, 1, "sample: one person excused");
}

static void
test_sample_vote(const struct minutes *m)
{
	const struct mn_item *it = find_item(m, "bq1");
	OK(it && it->vote, "sample: bq1 is a vote, found by its id");
	if (!it || !it->vote)
		return;
	const struct mn_vote *v = it->vote;
	IS_STR(it->text, "Thông qua kế hoạch xây dựng nông thôn mới sáu tháng "
	       "cuối năm 2019, có bổ sung tiến độ giải quyết hồ sơ đất đai.",
	       "sample: the vote's text is its motion");
	IS_INT(it->nby + it->nfigures + it->ntasks, 0,
	       "sample: a vote has no speakers, figures or tasks");
	IS_STR(v->method, "show-of-hands", "sample: method");
	IS_INT(v->rule, MN_RULE_MAJORITY_PRESENT, "sample: rule");
	IS_STR(v->rule_name, "majority-present", "sample: rule as written");
	OK(v->has_tally, "sample: a tally");
	IS_INT(v->nfor, 7, "sample: for");
	IS_INT(v->against, 0, "sample: against");
	IS_INT(v->abstain, 1, "sample: abstain");
	IS_INT(v->invalid, MN_NONE, "sample: no invalid ballots given");
	IS_INT(mn_vote_cast(v), 8, "sample: votes cast");
	IS_INT(v->result, MN_RESULT_ADOPTED, "sample: adopted");
	uint32_t base;
	IS_INT(mn_vote_needed(m, v, &base), 5, "sample: a majority of 8 is 5");
	IS_INT(base, 8, "sample: counted on those present");
	IS_INT(v->line, 89, "sample: the vote's line");
	IS_INT(v->tally_line, 92, "sample: the tally's line");
	IS_INT(v->result_line, 93, "sample: the result's line");
	const struct mn_item *before = find_item(m, "bq0");
	OK(before && !before->vote && before + 1 == it,
	   "sample: the vote comes among the items, in document order");
}

static void
check_task(const struct minutes *m, const char *item, const char *text,
	   const char *assignees, const char *due)
{
	char what[128], got[256] = "";
	const struct mn_item *it = find_item(m, item);
	snprintf(what, sizeof(what), "sample: %s has one task", item);
	IS_INT(it ? it->ntasks : 0, 1, what);
	if (!it || !it->ntasks)
		return;
	const struct mn_task *t = &it->tasks[0];
	snprintf(what, sizeof(what), "sample: %s's task text", item);
	char *slice = t->end <= it->len && t->start <= t->end ?
		      strndup(it->text + t->start, t->end - t->start) : NULL;
	IS_STR(slice ? slice : "(out of the text)", text, what);
	free(slice);
	for (uint32_t i = 0; i < t->nassignees; i++) {
		strcat(got, i ? " " : "");
		strcat(got, person_id(m, t->assignees[i]));
	}
	snprintf(what, sizeof(what), "sample: %s's assignees", item);
	IS_STR(got, assignees, what);
	snprintf(what, sizeof(what), "sample: %s's due date", item);
	IS_STR(t->due, due, what);
}

static void
test_sample_tasks(const struct minutes *m)
{
	const struct mn_section *s = &m->sections[m->nsections - 1];
	IS_STR(s->id, "ket-luan", "sample: the conclusions");
	IS_INT(s->kind, MN_KIND_CONCLUSIONS, "sample: kind conclusions");
	IS_STR(mn_kind_symbol(s->kind), "=", "sample: its mark");
	check_task(m, "kl1", "đồng chí Lục Văn Thiệp giải quyết dứt điểm 14 hồ "
		   "sơ cấp giấy chứng nhận quyền sử dụng đất", "thiep",
		   "2019-09-30");
	check_task(m, "kl2", "đồng chí Hoàng Thị Nga, đồng chí Bế Thị Uyên xây "
		   "dựng kế hoạch thu gom rác thải ở các thôn", "nga uyen",
		   "2019-07-15");
}

static void
test_sample_end(const struct minutes *m)
{
	IS_INT(m->nsignatures, 2, "sample: two signatures");
	if (m->nsignatures == 2) {
		IS_INT(m->signatures[0].role, MN_SIGN_SECRETARY,
		       "sample: the secretary signs first");
		IS_STR(person_id(m, m->signatures[0].person), "mai",
		       "sample: the secretary's signature");
		IS_INT(m->signatures[1].role, MN_SIGN_CHAIR,
		       "sample: then the chair");
		IS_STR(person_id(m, m->signatures[1].person), "toan",
		       "sample: the chair's signature");
		OK(!m->signatures[0].refused && !m->signatures[1].refused,
		   "sample: no one refused");
	}
	IS_INT(m->nrecipients, 4, "sample: recipients");
	if (m->nrecipients == 4) {
		IS_STR(m->recipients[0].text, "Thường trực Đảng ủy xã",
		       "sample: the first recipient");
		IS_STR(m->recipients[3].text, "Lưu: VT, Hồ sơ",
		       "sample: the archive last");
		IS_INT(m->recipients[3].line, 115, "sample: its line");
	}
}

static void
test_sample(void)
{
	struct minutes *m;
	struct load_error err;
	const char *p = path_of("data/tan-lap-nong-thon-moi-2019.xml");
	IS_INT(loader_load_file(p, &m, &err), LOAD_OK, "sample: LOAD_OK");
	if (!m)
		return;
	test_sample_meeting(m);
	test_sample_attendees(m);
	test_sample_vote(m);
	test_sample_tasks(m);
	test_sample_end(m);
	minutes_free(m);

	/* --check's load: the same structure, no texts to point into */
	IS_INT(loader_load_file_flags(p, &m, &err, LOAD_NO_TEXT), LOAD_OK,
	       "sample, no texts: LOAD_OK");
	const struct mn_item *it = find_item(m, "kl2");
	OK(it && it->ntasks == 1 && it->tasks[0].start == 0 &&
	   it->tasks[0].end == 0 && it->tasks[0].nassignees == 2,
	   "sample, no texts: the task kept, its place 0");
	it = find_item(m, "bq1");
	OK(it && it->vote && *it->text == '\0' && it->vote->nfor == 7,
	   "sample, no texts: the vote kept, its motion not");
	minutes_free(m);
}

/* --- the converted sample, and v1 as before -------------------------------- */

static void
test_ban_ke_hoach(void)
{
	struct minutes *m, *v1;
	struct load_error err;
	IS_INT(loader_load_file(path_of("data/ban-ke-hoach-2021.xml"), &m, &err),
	       LOAD_OK, "ban-ke-hoach v2: LOAD_OK");
	IS_INT(loader_load_file(fixture("ban-ke-hoach-2021-v1.xml"), &v1, &err),
	       LOAD_OK, "ban-ke-hoach v1: LOAD_OK");
	if (!m || !v1)
		return;
	IS_INT(m->nproblems, 0, "ban-ke-hoach v2: no warning");
	IS_STR(m->meeting.number, "15/BB-UBND", "ban-ke-hoach v2: number");
	IS_STR(person_id(m, m->meeting.nchairs ? m->meeting.chairs[0] : 99),
	       "duc", "ban-ke-hoach v2: chair Đặng Văn Đức");
	IS_STR(person_id(m, m->meeting.nsecretaries ?
			 m->meeting.secretaries[0] : 99),
	       "thuy", "ban-ke-hoach v2: secretary Nguyễn Thị Thuỷ");
	IS_INT(m->nsignatures, 2, "ban-ke-hoach v2: signed");
	IS_INT(minutes_item_count(m), minutes_item_count(v1),
	       "ban-ke-hoach: the same items in both");
	bool lines = m->npersons == v1->npersons;
	for (uint32_t i = 0; lines && i < m->npersons; i++)
		lines = m->persons[i].line == v1->persons[i].line;
	for (uint32_t s = 0; lines && s < m->nsections; s++)
		for (uint32_t i = 0; i < m->sections[s].nitems; i++)
			lines &= m->sections[s].items[i].line ==
				 v1->sections[s].items[i].line;
	OK(lines, "ban-ke-hoach: every person and item on its v1 line");

	IS_INT(v1->version, 1, "v1: version 1");
	OK(!*v1->meeting.agency && !*v1->meeting.number &&
	   !v1->meeting.nchairs && !v1->meeting.nsecretaries &&
	   !v1->nsignatures && !v1->nrecipients && v1->expected == MN_NONE &&
	   v1->present == MN_NONE, "v1: no v2 part");
	IS_INT(minutes_present_count(v1), v1->npersons,
	       "v1: every person counts as present");
	bool plain = true;
	for (uint32_t s = 0; s < v1->nsections; s++)
		for (uint32_t i = 0; i < v1->sections[s].nitems; i++)
			plain &= !v1->sections[s].items[i].vote &&
				 !v1->sections[s].items[i].ntasks;
	OK(plain, "v1: no votes, no tasks");
	minutes_free(m);
	minutes_free(v1);
}

#define V1HEAD "<minutes version=\"1\">\n" \
	"<meeting><title>T</title><date>2020-01-16</date></meeting>\n" \
	"<attendees/>\n"

static void
test_v1_unchanged(void)
{
	enum load_status st;
	struct minutes *m;
	struct load_error err;
	const char *xml = V1HEAD "<section id=\"s\" kind=\"conclusions\">"
		"<heading>H</heading></section>\n</minutes>\n";
	loader_load_memory("mem.xml", xml, strlen(xml), &m, &err);
	IS_INT(m ? (long)m->sections[0].kind : -1L, MN_KIND_OTHER,
	       "v1: kind conclusions is any other kind, as before");
	minutes_free(m);
	char *got = problems_of(V1HEAD "<section id=\"s\" kind=\"k\">"
				"<item id=\"i\">x</item><heading>H</heading>"
				"</section>\n</minutes>\n", &st);
	IS_STR(got, "4:47: <heading> must come before <item>\n",
	       "v1: the order rule names v1 elements only");
	free(got);
	got = problems_of("<minutes version=\"1\">\n<attendees/>\n<meeting>"
			  "<title>T</title><date>2020-01-16</date></meeting>\n"
			  "<section id=\"s\" kind=\"k\"><heading>H</heading>"
			  "</section>\n</minutes>\n", &st);
	IS_STR(got, "3:1: <meeting> must come before <attendees> and "
	       "<section>\n", "v1: the meeting first, as before");
	free(got);
	got = problems_of("<minutes version=\"1\">\n<meeting><title>T</title>"
			  "<date start=\"10:00\" end=\"09:00\">2020-01-16</date>"
			  "<status>approved</status></meeting>\n<attendees/>\n"
			  "<section id=\"s\" kind=\"k\"><heading>H</heading>"
			  "</section>\n</minutes>\n", &st);
	IS_STR(got, "", "v1: no form warnings, no time order check");
	IS_INT(st, LOAD_OK, "v1: approved minutes of v1 stay valid");
	free(got);
}

/* --- problems and warnings, each at its line ------------------------------ */

static void
test_fixtures(void)
{
	check_file("invalid-needs-v2.xml", LOAD_INVALID,
		"4:5: <agency> needs version 2 (this file is version 1)\n"
		"8:14: attribute expected on <attendees> needs version 2 (this file is version 1)\n"
		"9:23: attribute presence on <person> needs version 2 (this file is version 1)\n"
		"13:24: <task> needs version 2 (this file is version 1)\n"
		"14:5: <vote> needs version 2 (this file is version 1)\n"
		"16:3: <signatures> needs version 2 (this file is version 1)\n");
	check_file("invalid-v2-dangling-ref.xml", LOAD_INVALID,
		"6:12: chair refers to unknown person \"lan\"\n"
		"7:16: secretary refers to unknown person \"mai\"\n"
		"14:30: assignee refers to unknown person \"thiep\"\n"
		"17:29: signature refers to unknown person \"hoa\"\n");
	check_file("semantic-v2-officers.xml", LOAD_INVALID,
		"6:5: the chair, \"hien\", is marked excused: the chair must be present\n"
		"8:5: the secretary, \"mai\", is marked absent: the secretary must be present\n"
		"9:16: secretary refers to \"i1\", which is not a person\n"
		"20:30: assignee refers to \"s1\", which is not a person\n"
		"23:33: signature as secretary by \"nga\", who is not a secretary of the meeting\n"
		"24:29: signature as chair by \"mai\", who is not a chair of the meeting\n");
	check_file("semantic-v2-counts.xml", LOAD_INVALID,
		"5:25: end time 08:00 is not after start time 10:45\n"
		"7:27: present=\"4\" is more than expected=\"3\"\n"
		"9:7: <reason> for a person who is present (give presence=\"excused\" or \"absent\")\n"
		"16:7: 5 votes cast, but only 4 present\n"
		"22:7: adopted, but 2 of 4 present voted for: a majority needs 3\n"
		"27:7: rejected, but 3 of 4 present voted for: a two-thirds majority needs 3\n"
		"32:7: adopted, but 1 of 3 expected voted for: a majority needs 2\n");
	check_file("semantic-v2-present.xml", LOAD_INVALID,
		"7:14: present=\"1\" is fewer than the 2 persons listed as present\n"
		"14:5: rule two-thirds-expected needs <attendees expected=\"N\">\n");
	check_file("semantic-v2-expected.xml", LOAD_INVALID,
		"7:14: the 3 persons listed as present are more than expected=\"2\"\n");
	check_file("invalid-v2-bad-values.xml", LOAD_INVALID,
		"7:14: bad count expected=\"-1\": expected digits only (a whole number, 0 or more)\n"
		"7:28: bad count present=\"99999999999\": too large\n"
		"8:23: bad presence \"late\" (expected present, excused or absent)\n"
		"12:19: bad rule \"unanimous\" (expected majority-present, majority-expected, two-thirds-present or two-thirds-expected)\n"
		"14:14: bad count for=\"7a\": expected digits only (a whole number, 0 or more)\n"
		"14:23: bad count against=\"+1\": expected digits only (a whole number, 0 or more)\n"
		"15:7: bad result \"passed\" (expected adopted or rejected)\n"
		"17:46: bad due date \"2025-02-30\": expected a real date as YYYY-MM-DD\n"
		"20:16: bad signature role \"president\" (expected secretary or chair)\n");
	check_file("warn-v2-form.xml", LOAD_OK,
		"3:3: warning: final minutes without a <number> (Số, as 27/BB-UBND)\n"
		"3:3: warning: final minutes without an <agency> (the body that issues them)\n"
		"3:3: warning: final minutes without a <chair> (who chaired)\n"
		"3:3: warning: final minutes without a <secretary> (who took the minutes)\n"
		"5:5: warning: final minutes without an end time (<date end=\"HH:MM\">, when the meeting closed)\n");
	check_file("warn-v2-approved.xml", LOAD_OK,
		"5:5: warning: number \"5/BB-UBND\" takes a leading zero below 10 (as 05/BB-UBND)\n"
		"20:3: warning: approved minutes without the chair's <signature>\n");
	check_file("warn-v2-number.xml", LOAD_OK,
		"5:5: warning: number \"15/QĐ-UBND\" is not a biên bản's: the type after the slash is BB (as 27/BB-UBND)\n");
}

#define V2HEAD "<minutes version=\"2\">\n<meeting><title>T</title>" \
	"<date start=\"08:00\" end=\"09:00\">2025-06-27</date>" \
	"<agency>A</agency><chair ref=\"a\"/><secretary ref=\"b\"/>" \
	"<status>final</status>\n"
#define V2TAIL "</meeting>\n<attendees><person id=\"a\"><name>A</name>" \
	"</person><person id=\"b\"><name>B</name></person></attendees>\n" \
	"<section id=\"s\" kind=\"k\"><heading>H</heading></section>\n" \
	"</minutes>\n"

static void
check_number(const char *number, const char *want)
{
	char xml[1024], what[128];
	enum load_status st;
	snprintf(xml, sizeof(xml), V2HEAD "<number>%s</number>" V2TAIL,
		 number);
	char *got = problems_of(xml, &st);
	snprintf(what, sizeof(what), "number \"%s\"", number);
	IS_STR(got, want, what);
	free(got);
}

static void
test_numbers(void)
{
	check_number("27/BB-UBND", "");
	check_number("05/BB-UBND", "");
	check_number("123/BB-UBND-VP", "");
	check_number("01/BB-ĐU", "");
	check_number("  15/BB-HĐND  ", ""); /* text is trimmed */
	check_number("5/BB-UBND", "3:1: warning: number \"5/BB-UBND\" takes a "
		     "leading zero below 10 (as 05/BB-UBND)\n");
	check_number("27/BB", "3:1: warning: number \"27/BB\" is not "
		     "NN/BB-NOTATION (as 27/BB-UBND)\n");
	check_number("27/BB-", "3:1: warning: number \"27/BB-\" is not "
		     "NN/BB-NOTATION (as 27/BB-UBND)\n");
	check_number("Số 27/BB-UBND", "3:1: warning: number \"Số 27/BB-UBND\" "
		     "is not NN/BB-NOTATION (as 27/BB-UBND)\n");
	check_number("27/BB-ubnd", "3:1: warning: number \"27/BB-ubnd\" is not "
		     "NN/BB-NOTATION: the notation is upper case, joined by "
		     "hyphens, without spaces\n");
	check_number("27/BB-UBND XÃ", "3:1: warning: number \"27/BB-UBND XÃ\" "
		     "is not NN/BB-NOTATION: the notation is upper case, joined "
		     "by hyphens, without spaces\n");
	check_number("27/TB-UBND", "3:1: warning: number \"27/TB-UBND\" is not "
		     "a biên bản's: the type after the slash is BB (as "
		     "27/BB-UBND)\n");
	check_number("", "3:1: warning: number \"\" is not NN/BB-NOTATION "
		     "(as 27/BB-UBND)\n");
}

static void
test_signatures(void)
{
	enum load_status st;
	struct minutes *m;
	struct load_error err;
	const char *xml = V2HEAD "<number>01/BB-X</number>" "</meeting>\n"
		"<attendees><person id=\"a\"><name>A</name></person>"
		"<person id=\"b\"><name>B</name></person></attendees>\n"
		"<section id=\"s\" kind=\"k\"><heading>H</heading></section>\n"
		"<signatures><signature role=\"secretary\" ref=\"b\"/>"
		"<signature role=\"chair\" ref=\"a\" refused=\" Không đồng ý "
		"kết luận \"/></signatures>\n</minutes>\n";
	st = loader_load_memory("mem.xml", xml, strlen(xml), &m, &err);
	IS_INT(st, LOAD_OK, "refused: valid");
	OK(m && m->nsignatures == 2 && m->signatures[1].refused &&
	   strcmp(m->signatures[1].refused, "Không đồng ý kết luận") == 0,
	   "refused: the reason kept, trimmed");
	OK(m && !m->signatures[0].refused, "refused: the other signed");
	minutes_free(m);

	char *got = problems_of(V2HEAD "<number>01/BB-X</number>"
				"</meeting>\n<attendees><person id=\"a\">"
				"<name>A</name></person></attendees>\n"
				"<section id=\"s\" kind=\"k\"><heading>H"
				"</heading></section>\n<recipients>"
				"<recipient>Lưu: VT</recipient></recipients>\n"
				"<signatures/>\n</minutes>\n", &st);
	IS_STR(got, "2:120: secretary refers to unknown person \"b\"\n"
	       "7:1: <signatures> must come before <recipients>\n",
	       "signatures come before the recipients");
	free(got);
}

static void
test_approved(void)
{
	enum load_status st;
#define APPROVED(sigs) "<minutes version=\"2\">\n<meeting><title>T</title>" \
	"<date start=\"08:00\" end=\"09:00\">2025-06-27</date>" \
	"<agency>A</agency><number>01/BB-A</number><chair ref=\"a\"/>" \
	"<secretary ref=\"b\"/><status>approved</status></meeting>\n" \
	"<attendees><person id=\"a\"><name>A</name></person>" \
	"<person id=\"b\"><name>B</name></person></attendees>\n" \
	"<section id=\"s\" kind=\"k\"><heading>H</heading></section>\n" \
	sigs "</minutes>\n"
	char *got = problems_of(APPROVED(""), &st);
	IS_STR(got, "1:1: warning: approved minutes without the secretary's "
	       "<signature>\n1:1: warning: approved minutes without the "
	       "chair's <signature>\n",
	       "approved, no signatures: both missing, at the root");
	IS_INT(st, LOAD_OK, "approved, no signatures: still valid");
	free(got);
	got = problems_of(APPROVED("<signatures>\n<signature role=\"chair\" "
				   "ref=\"a\" refused=\"\"/></signatures>\n"),
			  &st);
	IS_STR(got, "5:1: warning: approved minutes without the secretary's "
	       "<signature>\n", "approved: a refusal counts as the chair's");
	free(got);
	got = problems_of(APPROVED("<signatures><signature role=\"chair\" "
				   "ref=\"a\"/><signature role=\"secretary\" "
				   "ref=\"b\"/></signatures>\n"), &st);
	IS_STR(got, "", "approved and signed: no warning");
	free(got);
}

static void
test_model_math(void)
{
	struct minutes *m = minutes_new("x.xml");
	struct mn_vote v = { .rule = MN_RULE_MAJORITY_PRESENT, .nfor = 1,
			     .against = MN_NONE, .abstain = 2,
			     .invalid = MN_NONE };
	uint32_t base;
	m->present = 8;
	IS_INT(mn_vote_needed(m, &v, &base), 5, "more than half of 8 is 5");
	m->present = 9;
	IS_INT(mn_vote_needed(m, &v, &base), 5, "more than half of 9 is 5");
	v.rule = MN_RULE_TWO_THIRDS_PRESENT;
	IS_INT(mn_vote_needed(m, &v, &base), 6, "two thirds of 9 is 6");
	m->present = 8;
	IS_INT(mn_vote_needed(m, &v, &base), 6, "two thirds of 8: 6");
	m->present = 0;
	IS_INT(mn_vote_needed(m, &v, &base), 0, "two thirds of 0: 0");
	v.rule = MN_RULE_MAJORITY_EXPECTED;
	IS_INT(mn_vote_needed(m, &v, &base), MN_NONE,
	       "on expected without expected: cannot be told");
	m->expected = 3;
	IS_INT(mn_vote_needed(m, &v, &base), 2, "more than half of 3 is 2");
	IS_INT(base, 3, "counted on the expected");
	IS_INT(mn_vote_cast(&v), 3, "cast: left-out counts are 0");
	v.nfor = v.against = v.abstain = v.invalid = MN_NONE - 1;
	IS_INT(mn_vote_cast(&v), MN_NONE - 1, "cast: no overflow");
	struct mn_task t = { .due = "2025-09-30" };
	OK(!mn_task_overdue(&t, "2025-09-30"), "due today: not overdue");
	OK(mn_task_overdue(&t, "2025-10-01"), "due yesterday: overdue");
	OK(!mn_task_overdue(&t, "2025-01-01"), "due later: not overdue");
	t.due = "";
	OK(!mn_task_overdue(&t, "2025-10-01"), "no due date: never overdue");
	IS_STR(mn_rule_name(MN_RULE_TWO_THIRDS_EXPECTED), "two-thirds-expected",
	       "rule names");
	IS_STR(mn_presence_name(MN_ABSENT), "absent", "presence names");
	IS_STR(mn_result_name(MN_RESULT_REJECTED), "rejected", "result names");
	IS_STR(mn_sign_role_name(MN_SIGN_CHAIR), "chair", "role names");
	minutes_add_warning(m, 3, 1, "w %d", 1);
	minutes_add_problem(m, 4, 1, "e");
	IS_INT(m->nproblems, 2, "warnings are problems");
	IS_INT(m->nwarnings, 1, "counted apart");
	IS_INT(minutes_error_count(m), 1, "errors: the rest");
	minutes_free(m);
}

int
main(void)
{
	srcdir = getenv("top_srcdir");
	if (!srcdir || !*srcdir)
		srcdir = ".";
	test_sample();
	test_ban_ke_hoach();
	test_v1_unchanged();
	test_fixtures();
	test_numbers();
	test_signatures();
	test_approved();
	test_model_math();
	return tap_done();
}
