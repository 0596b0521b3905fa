/* test_loader.c - unit tests for the loader (tui/loader.c): the fixtures
 * in tests/fixtures, and hostile input made at run time. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "loader.h"
#include "tap.h"
#include "text.h"

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

static bool
exists(const char *path)
{
	return access(path, R_OK) == 0;
}

/* "LINE:COL: msg" lines, one per problem. */
static char *
problems(const struct minutes *m)
{
	size_t size = 64, len = 0;
	char *s = malloc(size);
	s[0] = '\0';
	for (uint32_t i = 0; m && i < m->nproblems; i++) {
		const struct mn_problem *p = &m->problems[i];
		size_t need = strlen(p->msg) + 32;
		if (len + need >= size) {
			size = (len + need) * 2;
			s = realloc(s, size);
		}
		len += (size_t)snprintf(s + len, size - len, "%u:%u: %s\n",
					p->line, p->col, p->msg);
	}
	return s;
}

static void
check_problems(const char *name, const char *want)
{
	struct minutes *m;
	struct load_error err;
	char what[256];
	enum load_status st = loader_load_file(fixture(name), &m, &err);
	snprintf(what, sizeof(what), "%s: LOAD_INVALID", name);
	IS_INT(st, LOAD_INVALID, what);
	char *got = problems(m);
	snprintf(what, sizeof(what), "%s: problems", name);
	IS_STR(got, want, what);
	free(got);
	minutes_free(m);
	/* --check's load keeps no item text and finds the same problems */
	st = loader_load_file_flags(fixture(name), &m, &err, LOAD_NO_TEXT);
	got = problems(m);
	snprintf(what, sizeof(what), "%s: the same problems without texts", name);
	IS_STR(got, want, what);
	bool empty = true;
	for (uint32_t s = 0; m && s < m->nsections; s++)
		for (uint32_t i = 0; i < m->sections[s].nitems; i++)
			if (m->sections[s].items[i].len ||
			    *m->sections[s].items[i].text)
				empty = false;
			else
				for (uint32_t f = 0; f < m->sections[s].items[i].nfigures; f++)
					if (m->sections[s].items[i].figures[f].end)
						empty = false;
	snprintf(what, sizeof(what), "%s: LOAD_NO_TEXT keeps no item text", name);
	OK(st == LOAD_INVALID && empty, what);
	free(got);
	minutes_free(m);
}

/* "LINE:COL: msg" of a fatal error. */
static char *
fatal_of(enum load_status st, const struct load_error *err)
{
	static char buf[700];
	if (st != LOAD_FATAL)
		snprintf(buf, sizeof(buf), "(status %d)", st);
	else
		snprintf(buf, sizeof(buf), "%u:%u: %s", err->line, err->col,
			 err->msg);
	return buf;
}

static void
check_fatal_file(const char *path, const char *label, const char *want)
{
	struct minutes *m = (struct minutes *)1;
	struct load_error err;
	char what[256];
	enum load_status st = loader_load_file(path, &m, &err);
	snprintf(what, sizeof(what), "%s: fatal error", label);
	IS_STR(fatal_of(st, &err), want, what);
	snprintf(what, sizeof(what), "%s: no model", label);
	OK(m == NULL, what);
	minutes_free(st == LOAD_FATAL ? NULL : m);
}

static void
check_fatal(const char *name, const char *want)
{
	check_fatal_file(fixture(name), name, want);
}

static enum load_status
load_str(const char *xml, struct minutes **m, struct load_error *err)
{
	return loader_load_memory("mem.xml", xml, strlen(xml), m, err);
}

#define HEAD "<?xml version=\"1.0\"?>\n<minutes version=\"1\">\n" \
	"<meeting><title>T</title><date>2020-01-16</date></meeting>\n" \
	"<attendees><person id=\"p\"><name>N</name></person></attendees>\n"
#define TAIL "</minutes>\n"

/* Problems of a document built from HEAD, BODY and TAIL. */
static char *
problems_of(const char *body)
{
	struct minutes *m;
	struct load_error err;
	char *xml = malloc(strlen(HEAD) + strlen(body) + strlen(TAIL) + 1);
	sprintf(xml, "%s%s%s", HEAD, body, TAIL);
	enum load_status st = load_str(xml, &m, &err);
	free(xml);
	if (st == LOAD_FATAL) {
		char *s = malloc(800);
		snprintf(s, 800, "fatal: %s", fatal_of(st, &err));
		return s;
	}
	char *s = problems(m);
	minutes_free(m);
	return s;
}

static void
is_problems(const char *body, const char *want, const char *what)
{
	char *got = problems_of(body);
	IS_STR(got, want, what);
	free(got);
}

/* --- comparing two models ------------------------------------------------ */

static char diff_buf[1024];

static bool
same_str(const char *what, const char *a, const char *b)
{
	if ((!a && !b) || (a && b && strcmp(a, b) == 0))
		return true;
	snprintf(diff_buf, sizeof(diff_buf), "%s: \"%s\" vs \"%s\"", what,
		 a ? a : "(null)", b ? b : "(null)");
	return false;
}

static bool
same_num(const char *what, double a, double b)
{
	if (a == b)
		return true;
	snprintf(diff_buf, sizeof(diff_buf), "%s: %g vs %g", what, a, b);
	return false;
}

static bool
same_item(const struct mn_item *a, const struct mn_item *b)
{
	if (!same_str("item id", a->id, b->id) ||
	    !same_str("item text", a->text, b->text) ||
	    !same_num("item len", a->len, b->len) ||
	    !same_num("item nby", a->nby, b->nby) ||
	    !same_num("item nfigures", a->nfigures, b->nfigures))
		return false;
	for (uint32_t i = 0; i < a->nby; i++)
		if (!same_num("item by", a->by[i], b->by[i]))
			return false;
	for (uint32_t i = 0; i < a->nfigures; i++) {
		const struct mn_figure *x = &a->figures[i], *y = &b->figures[i];
		if (!same_num("figure op", x->op, y->op) ||
		    !same_num("figure value", x->value, y->value) ||
		    !same_str("figure unit", x->unit, y->unit) ||
		    !same_str("figure actual", x->actual, y->actual) ||
		    !same_num("figure start", x->start, y->start) ||
		    !same_num("figure end", x->end, y->end))
			return false;
	}
	return true;
}

/* Same content (lines left out: encodings may differ in layout). */
static const char *
model_diff(const struct minutes *a, const struct minutes *b)
{
	const struct mn_meeting *x = &a->meeting, *y = &b->meeting;
	if (!same_str("id", a->id, b->id) || !same_str("lang", a->lang, b->lang) ||
	    !same_num("version", a->version, b->version) ||
	    !same_str("title", x->title, y->title) ||
	    !same_str("organizer", x->organizer, y->organizer) ||
	    !same_str("date", x->date, y->date) ||
	    !same_str("start", x->start, y->start) ||
	    !same_str("end", x->end, y->end) ||
	    !same_str("place", x->place, y->place) ||
	    !same_str("source", x->source, y->source) ||
	    !same_num("status", x->status, y->status) ||
	    !same_num("npersons", a->npersons, b->npersons) ||
	    !same_num("nsections", a->nsections, b->nsections) ||
	    !same_num("nproblems", a->nproblems, b->nproblems))
		return diff_buf;
	for (uint32_t i = 0; i < a->npersons; i++) {
		const struct mn_person *p = &a->persons[i], *q = &b->persons[i];
		if (!same_str("person id", p->id, q->id) ||
		    !same_str("person name", p->name, q->name) ||
		    !same_str("person role", p->role, q->role))
			return diff_buf;
	}
	for (uint32_t s = 0; s < a->nsections; s++) {
		const struct mn_section *p = &a->sections[s], *q = &b->sections[s];
		if (!same_str("section id", p->id, q->id) ||
		    !same_str("kind", p->kind_name, q->kind_name) ||
		    !same_num("kind", p->kind, q->kind) ||
		    !same_str("heading", p->heading, q->heading) ||
		    !same_num("nitems", p->nitems, q->nitems))
			return diff_buf;
		for (uint32_t i = 0; i < p->nitems; i++)
			if (!same_item(&p->items[i], &q->items[i]))
				return diff_buf;
	}
	return NULL;
}

/* --- valid files ------------------------------------------------------------ */

static const struct mn_item *
item(const struct minutes *m, uint32_t s, uint32_t i)
{
	return &m->sections[s].items[i];
}

static void
figure_text_is(const struct mn_item *it, uint32_t f, const char *want,
	       const char *what)
{
	char buf[256];
	const struct mn_figure *fg = &it->figures[f];
	snprintf(buf, sizeof(buf), "%.*s", (int)(fg->end - fg->start),
		 it->text + fg->start);
	IS_STR(buf, want, what);
}

static void
test_minimal(void)
{
	struct minutes *m;
	struct load_error err;
	IS_INT(loader_load_file(fixture("valid-minimal.xml"), &m, &err), LOAD_OK,
	       "minimal: LOAD_OK");
	IS_STR(m->meeting.title, "Họp", "minimal: title");
	IS_STR(m->meeting.organizer, "", "minimal: no organizer is \"\"");
	IS_STR(m->meeting.start, "", "minimal: no start is \"\"");
	IS_INT(m->meeting.status, MN_STATUS_DRAFT, "minimal: draft by default");
	IS_STR(m->id, "", "minimal: no minutes id is \"\"");
	IS_INT(m->npersons, 0, "minimal: empty attendees");
	IS_INT(m->nsections, 1, "minimal: one section");
	IS_INT(m->sections[0].nitems, 0, "minimal: a section without items");
	IS_INT(m->nproblems, 0, "minimal: no problems");
	minutes_free(m);
}

static void
test_full_meeting(const struct minutes *m)
{
	const struct mn_meeting *mt = &m->meeting;
	IS_STR(m->path, fixture("valid-full.xml"), "full: path");
	IS_STR(m->id, "xa-an-lac-2023", "full: minutes id");
	IS_STR(m->lang, "vi", "full: xml:lang");
	IS_INT(m->version, 1, "full: version");
	IS_STR(mt->title, "Hội nghị tổng kết công tác năm 2023 của Ủy ban nhân "
	       "dân xã An Lạc", "full: title collapsed");
	IS_STR(mt->organizer, "Ủy ban nhân dân xã An Lạc", "full: organizer");
	IS_STR(mt->date, "2023-12-28", "full: date");
	IS_STR(mt->start, "08:30", "full: start");
	IS_STR(mt->end, "11:00", "full: end");
	IS_STR(mt->place, "Hội trường xã", "full: place");
	IS_INT(mt->status, MN_STATUS_FINAL, "full: status");
	IS_STR(mt->source, "Biên bản số 7/BB-UBND", "full: source");
	IS_INT(mt->line, 6, "full: meeting line");
	IS_INT(m->npersons, 3, "full: persons");
	IS_STR(m->persons[0].name, "Đặng Văn Đức", "full: person name");
	IS_STR(m->persons[1].role, "Phó Chủ tịch UBND xã", "full: role collapsed");
	IS_STR(m->persons[2].role, "", "full: no role is \"\"");
	IS_STR(m->persons[2].id, "thuy", "full: person id");
	IS_INT(m->persons[1].line, 17, "full: person line");
}

static void
test_full_sections(const struct minutes *m)
{
	IS_INT(m->nsections, 4, "full: sections");
	IS_INT(minutes_item_count(m), 5, "full: items");
	IS_INT(m->sections[0].kind, MN_KIND_ACHIEVEMENTS, "full: achievements");
	IS_INT(m->sections[1].kind, MN_KIND_LIMITATIONS, "full: limitations");
	IS_INT(m->sections[2].kind, MN_KIND_TARGETS, "full: targets");
	IS_INT(m->sections[3].kind, MN_KIND_OTHER, "full: other kind");
	IS_STR(m->sections[3].kind_name, "directives", "full: kind name kept");
	IS_STR(m->sections[2].heading, "Chỉ tiêu năm 2024", "full: heading");
	IS_INT(m->sections[1].line, 34, "full: section line");
	IS_INT(m->sections[3].nitems, 0, "full: empty section");
	OK(m->sections[3].items == NULL, "full: empty section has no items");
}

static void
test_full_items(const struct minutes *m)
{
	const struct mn_item *it = item(m, 0, 0);
	IS_STR(it->text, "Hoàn thành kế hoạch thu ngân sách & chi thường "
	       "xuyên.", "full: text collapsed, &amp; read");
	IS_INT(it->len, strlen(it->text), "full: len");
	IS_INT(it->line, 25, "full: item line");
	IS_INT(it->nby, 1, "full: by");
	IS_INT(it->by[0], 0, "full: by index");
	it = item(m, 0, 1);
	IS_STR(it->text, "Đoạn thứ nhất: nước sạch đạt từ 95% trở lên.\n"
	       "Đoạn thứ hai, có dấu <b> trong CDATA và Đường.",
	       "full: paragraphs joined by newline, CDATA and &#272; read");
	IS_INT(it->nby, 2, "full: two speakers");
	IS_INT(it->by[1], 2, "full: second speaker");
	IS_INT(it->nfigures, 1, "full: figure in a paragraph");
	figure_text_is(it, 0, "từ 95% trở lên", "full: figure offsets");
	IS_INT(it->figures[0].op, MN_OP_GE, "full: op ge");
	OK(it->figures[0].value == 95, "full: value 95");
	IS_STR(it->figures[0].unit, "%", "full: unit");
	IS_STR(it->figures[0].actual, "96.5", "full: actual");
	IS_INT(it->figures[0].line, 28, "full: figure line");
	IS_STR(item(m, 1, 0)->text, "Giải ngân còn chậm.",
	       "full: comment and PI left out");
	it = item(m, 2, 0);
	IS_STR(it->text, "Hộ nghèo dưới 3%; không tái nghèo.", "full: figures inline");
	figure_text_is(it, 0, "dưới 3%", "full: first figure");
	figure_text_is(it, 1, "không", "full: second figure");
	IS_INT(it->figures[1].op, MN_OP_EQ, "full: op eq");
	OK(it->figures[1].actual == NULL, "full: no actual is NULL");
	IS_STR(it->figures[1].unit, "", "full: no unit is \"\"");
	it = item(m, 2, 1);
	IS_STR(it->text, "Thu trên 1,2 tỷ đồng , chi giảm.",
	       "full: white space inside a figure collapses");
	figure_text_is(it, 0, "trên 1,2 tỷ đồng", "full: figure trimmed");
	IS_INT(it->figures[0].op, MN_OP_GT, "full: op gt");
	IS_STR(it->figures[0].unit, "tỷ đồng", "full: unit with a space");
	IS_INT(it->figures[1].op, MN_OP_LE, "full: op le");
	OK(it->figures[1].value == -0.5, "full: negative value");
	IS_STR(it->figures[1].actual, "2", "full: actual trimmed");
	IS_INT(mn_figure_verdict(&it->figures[1]), MN_MISSED, "full: verdict");
}

static struct minutes *
load_ok(const char *name)
{
	struct minutes *m = NULL;
	struct load_error err;
	char what[256];
	enum load_status st = loader_load_file(fixture(name), &m, &err);
	snprintf(what, sizeof(what), "%s: LOAD_OK", name);
	IS_INT(st, LOAD_OK, what);
	if (st == LOAD_FATAL) {
		printf("# %s\n", fatal_of(st, &err));
	} else if (st == LOAD_INVALID) {
		char *p = problems(m);
		printf("# %s", p);
		free(p);
	}
	return m;
}

static void
test_full(void)
{
	static const char *const variants[] = {
		"valid-bom.xml", "valid-crlf.xml", "valid-utf16.xml",
		"valid-windows-1258.xml", "valid-viscii.xml",
		"valid-tcvn5712.xml", "valid-nfd.xml",
	};
	struct minutes *full = load_ok("valid-full.xml");
	if (!full)
		return;
	test_full_meeting(full);
	test_full_sections(full);
	test_full_items(full);
	for (size_t i = 0; i < sizeof(variants) / sizeof(*variants); i++) {
		char what[256];
		struct minutes *m = load_ok(variants[i]);
		const char *d = m ? model_diff(full, m) : "not loaded";
		snprintf(what, sizeof(what), "%s: same model as valid-full.xml",
			 variants[i]);
		IS_STR(d, NULL, what);
		minutes_free(m);
	}
	minutes_free(full);
}

/* The other engineers' samples, when they are there. */
static void
test_data(void)
{
	struct minutes *nfc = NULL, *nfd = NULL;
	struct load_error err;
	const char *p = path_of("data/ngan-son-2020.xml");
	if (!exists(p)) {
		printf("ok %d - data/ngan-son-2020.xml # SKIP not there\n", ++tap_n);
		return;
	}
	IS_INT(loader_load_file(p, &nfc, &err), LOAD_OK, "ngan-son-2020: LOAD_OK");
	if (nfc)
		OK(minutes_item_count(nfc) > 0 && nfc->npersons > 0,
		   "ngan-son-2020: has persons and items");
	p = fixture("ngan-son-2020-nfd.xml");
	if (nfc && exists(p)) {
		IS_INT(loader_load_file(p, &nfd, &err), LOAD_OK,
		       "ngan-son-2020-nfd: LOAD_OK");
		IS_STR(nfd ? model_diff(nfc, nfd) : "not loaded", NULL,
		       "ngan-son-2020-nfd: NFD text loads equal to the NFC");
	}
	minutes_free(nfc);
	minutes_free(nfd);
	p = path_of("data/ban-ke-hoach-2021.xml");
	if (exists(p)) {
		IS_INT(loader_load_file(p, &nfc, &err), LOAD_OK,
		       "ban-ke-hoach-2021: LOAD_OK");
		minutes_free(nfc);
	}
}

/* --- invalid files ------------------------------------------------------ */

static void
test_invalid_files(void)
{
	check_problems("invalid-unknown-element.xml",
		"6:5: <chair> needs version 2 (this file is version 1)\n"
		"11:28: unknown element <b>\n"
		"12:5: unknown element <note>\n");
	check_problems("invalid-unknown-attribute.xml",
		"2:22: unknown attribute lang on <minutes>\n"
		"5:11: unknown attribute time on <date>\n"
		"8:22: unknown attribute sex on <person>\n"
		"10:34: unknown attribute class on <section>\n"
		"12:28: unknown attribute priority on <item>\n");
	check_problems("invalid-missing-title.xml",
		"3:3: missing <title> in <meeting>\n");
	check_problems("invalid-missing-date.xml",
		"3:3: missing <date> in <meeting>\n");
	check_problems("invalid-duplicate-id.xml",
		"9:13: duplicate id \"duc\" (first at line 8)\n"
		"14:11: duplicate id \"i1\" (first at line 13)\n"
		"15:11: duplicate id \"hop\" (first at line 2)\n"
		"17:12: duplicate id \"s1\" (first at line 11)\n");
	check_problems("invalid-dangling-by.xml",
		"12:19: by refers to unknown person \"lan\"\n"
		"13:19: by refers to unknown person \"hoa\"\n");
	check_problems("invalid-bad-date.xml",
		"5:5: bad date \"2019-02-30\": expected a real date as YYYY-MM-DD\n"
		"5:11: bad start time \"8:00\": expected HH:MM\n"
		"5:24: bad end time \"24:00\": expected HH:MM\n");
	check_problems("invalid-bad-figure.xml",
		"10:31: bad figure: op \"gte\" (expected ge, gt, eq, le or lt)\n"
		"11:39: bad figure: value \"95,5\" is not a number\n"
		"11:52: bad figure: actual \"nhiều\" is not a number\n"
		"12:23: missing attribute op on <figure>\n");
	check_problems("invalid-bad-status.xml",
		"6:5: bad status \"done\" (expected draft, final or approved)\n");
	check_problems("invalid-xinclude.xml",
		"11:5: unknown element <xi:include>\n");
	check_problems("invalid-mixed-text.xml",
		"10:26: mixed text and <p> in <item>\n"
		"12:7: mixed text and <p> in <item>\n"
		"13:27: <p> not allowed in <p>\n");
	check_problems("invalid-root.xml",
		"2:1: root element is <minute>, expected <minutes>\n");
	check_problems("invalid-structure.xml",
		"2:10: unsupported version \"3\" (expected \"1\" or \"2\")\n"
		"4:3: <meeting> must come before <attendees>, <section>, "
		"<signatures> and <recipients>\n"
		"6:5: duplicate <title> in <meeting>\n"
		"8:5: text not allowed in <meeting>\n"
		"10:3: missing attribute id on <section>\n"
		"10:12: bad kind \"bad kind\": not an XML name\n"
		"12:5: <heading> must come before <item> and <vote>\n"
		"16:5: missing attribute id on <item>\n"
		"17:19: attribute by names no one\n"
		"18:11: bad id \"4x\": not an XML name\n");
}

static void
test_invalid_models(void)
{
	struct minutes *m;
	struct load_error err;
	loader_load_file(fixture("invalid-xinclude.xml"), &m, &err);
	IS_INT(minutes_item_count(m), 1, "xinclude: not processed, item kept");
	IS_STR(m->sections[0].heading, "Phần một", "xinclude: nothing included");
	minutes_free(m);
	loader_load_file(fixture("invalid-dangling-by.xml"), &m, &err);
	IS_INT(item(m, 0, 0)->nby, 1, "dangling by: the known person is kept");
	IS_INT(item(m, 0, 0)->by[0], 0, "dangling by: its index");
	IS_INT(item(m, 0, 1)->nby, 0, "dangling by: the unknown one is dropped");
	minutes_free(m);
	loader_load_file(fixture("invalid-mixed-text.xml"), &m, &err);
	IS_STR(item(m, 0, 0)->text, "Mở đầu\nĐoạn một.",
	       "mixed: loose text is a paragraph of its own");
	IS_STR(item(m, 0, 1)->text, "Đoạn một.\nThêm chữ.",
	       "mixed: text after a paragraph too");
	minutes_free(m);
}

static void
test_invalid_memory(void)
{
	is_problems("<section id=\"s\" kind=\"k\"><heading>H</heading>"
		    "<item id=\"i\" by=\"s\">x</item></section>\n",
		    "5:59: by refers to \"s\", which is not a person\n",
		    "by naming a section");
	/* an item's id is registered when the next id comes (its table slot
	 * is fetched meanwhile): it must behave as if registered at once */
	{
		/* 999 problems, then an item whose duplicate id is the 1000th
		 * and whose bad figure is the 1001st: the list is cut after
		 * the duplicate, as when ids were registered at once */
		size_t size = 1100 * 64, n = 0;
		char *body = malloc(size);
		n += (size_t)snprintf(body + n, size - n,
				      "<section id=\"s\" kind=\"targets\"><heading>H</heading>\n");
		for (int i = 0; i < 999; i++)
			n += (size_t)snprintf(body + n, size - n,
					      "<item id=\"a%d\">x <figure op=\"zz\" value=\"1\">1</figure></item>\n",
					      i);
		n += (size_t)snprintf(body + n, size - n,
				      "<item id=\"a0\">dup <figure op=\"zz\" value=\"1\">1</figure></item>\n</section>\n");
		char *got = problems_of(body);
		const char *dup = strstr(got, "duplicate id \"a0\"");
		OK(dup != NULL, "at the problem cap the duplicate id is kept");
		const char *last = strrchr(got, '\n');
		const char *prev = last;
		while (prev > got && prev[-1] != '\n')
			prev--;
		IS_STR(prev, "0:0: 1 more problems not listed\n",
		       "at the problem cap the item's bad figure is the one left out");
		free(got);
		free(body);
	}
	is_problems("<section id=\"s\" kind=\"k\"><heading>H</heading>"
		    "<item id=\"i\" by=\"i\">x</item></section>\n",
		    "5:59: by refers to \"i\", which is not a person\n",
		    "by naming its own item");
	is_problems("<section id=\"s\" kind=\"k\"><heading>H</heading>"
		    "<item id=\"i\">x</item><item id=\"i\">y</item></section>\n",
		    "5:73: duplicate id \"i\" (first at line 5)\n",
		    "two items in a row with one id");
	is_problems("<section id=\"s\" kind=\"k\"><heading>H</heading>"
		    "<item id=\"s\">x</item></section>\n",
		    "5:52: duplicate id \"s\" (first at line 5)\n",
		    "the last item repeats an id: found at the end");
	is_problems("<section id=\"s\" kind=\"k\"><heading>H</heading>"
		    "<item id=\"t\">x</item></section>\n"
		    "<section id=\"t\" kind=\"k\"><heading>H</heading>"
		    "<item id=\"u\" by=\"t\">y</item></section>\n",
		    "6:10: duplicate id \"t\" (first at line 5)\n"
		    "6:59: by refers to \"t\", which is not a person\n",
		    "a section after an item with its id");
	is_problems("<section id=\"s\" kind=\"k\"><heading>H</heading>"
		    "<item id=\"i\" by=\"later\">x</item></section>\n"
		    "<attendees/>\n",
		    "5:59: by refers to unknown person \"later\"\n"
		    "6:1: duplicate <attendees> in <minutes>\n",
		    "problems come back sorted by position");
	is_problems("<section id=\"s\" kind=\"k\"><heading>H</heading>"
		    "<item id=\"i\">C\xc3\xa9ng h\xc3\x9f" "a x\xc2\xb7 h\xc3\xa9i "
		    "ch\xc3\xb1 ngh\xc3\x9c" "a Vi\xc3\x96t Nam</item></section>\n",
		    "5:46: text looks mangled: the text looks like TCVN3 (ABC) "
		    "read as Latin-1; convert the file to UTF-8 (e.g. with a "
		    "converter such as Unikey's) and declare encoding=\"UTF-8\"\n",
		    "mojibake is a problem");
	is_problems("<section id=\"s\" kind=\"k\"><heading>H</heading></section>"
		    "<section id=\"s2\" kind=\"k\"></section>\n",
		    "5:56: missing <heading> in <section>\n",
		    "missing heading");
	is_problems("", "2:1: missing <section> in <minutes>\n", "no section");
	struct minutes *m;
	struct load_error err;
	const char *ns = "<minutes xmlns=\"urn:x\" version=\"1\"/>";
	IS_INT(load_str(ns, &m, &err), LOAD_INVALID, "namespaced root: invalid");
	char *got = problems(m);
	IS_STR(got, "1:1: root element <minutes> is in namespace urn:x; "
	       "<minutes> has none\n", "namespaced root: said so");
	free(got);
	minutes_free(m);
}

static void
test_figures(void)
{
	struct minutes *m;
	struct load_error err;
	const char *xml = HEAD "<section id=\"s\" kind=\"targets\"><heading>H"
		"</heading>\n<item id=\"i\"><figure op=\"ge\" value=\"1\">  a  "
		"</figure><figure op=\"lt\" value=\".5\" unit=\" m &amp; m \"/>"
		" b <figure op=\"eq\" value=\"+2.\">c</figure></item>"
		"</section>" TAIL;
	IS_INT(load_str(xml, &m, &err), LOAD_OK, "figures: LOAD_OK");
	const struct mn_item *it = item(m, 0, 0);
	IS_STR(it->text, "a b c", "figures: text");
	IS_INT(it->nfigures, 3, "figures: three");
	figure_text_is(it, 0, "a", "figures: at the start, trimmed");
	figure_text_is(it, 1, "", "figures: empty");
	IS_INT(it->figures[1].start, 1, "figures: empty one's place");
	figure_text_is(it, 2, "c", "figures: at the end");
	IS_STR(it->figures[1].unit, "m & m", "figures: unit collapsed, &amp; read");
	OK(it->figures[1].value == 0.5, "figures: .5");
	OK(it->figures[2].value == 2, "figures: +2.");
	IS_INT(it->line, 6, "figures: item line");
	minutes_free(m);
}

/* White space collapsed in every shape and at every offset (the loader
 * checks eight bytes at a time), against a plain reference. */
static void
reference_collapse(const char *s, char *out)
{
	size_t n = 0;
	bool space = false;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = n > 0;
			continue;
		}
		if (space)
			out[n++] = ' ';
		space = false;
		out[n++] = *s;
	}
	out[n] = '\0';
}

static void
test_collapse(void)
{
	static const char *const bits[] = { "a", "bc", " ", "  ", "\t", "\n",
					    "\xc3\xa9", "defgh", "\r\n",
					    "\n      ", "x y z" };
	unsigned seed = 12345, bad = 0;
	for (int round = 0; round < 1000; round++) {
		char text[256] = "", want[256], xml[1024];
		struct minutes *m;
		struct load_error err;
		int nbits = 1 + (int)((seed >> 16) % 24);
		for (int i = 0; i < nbits; i++) {
			seed = seed * 1103515245 + 12345;
			strcat(text, bits[(seed >> 16) % 11]);
		}
		reference_collapse(text, want);
		snprintf(xml, sizeof(xml), "%s<section id=\"s\" kind=\"k\">"
			 "<heading>H</heading><item id=\"i\">%s</item></section>%s",
			 HEAD, text, TAIL);
		if (load_str(xml, &m, &err) != LOAD_OK ||
		    strcmp(item(m, 0, 0)->text, want) != 0) {
			if (!bad++)
				printf("# round %d: \"%s\" -> \"%s\"\n", round,
				       text, m ? item(m, 0, 0)->text : "(fatal)");
		}
		minutes_free(m);
	}
	IS_INT(bad, 0, "white space collapses like the reference");
}

/* --- hostile input ---------------------------------------------------------- */

/* The title of fixture NAME, loaded with problems. */
static void
check_title(const char *name, const char *want)
{
	struct minutes *m;
	struct load_error err;
	char what[256];
	loader_load_file(fixture(name), &m, &err);
	snprintf(what, sizeof(what), "%s: the title, U+FFFD for each bad byte",
		 name);
	IS_STR(m ? m->meeting.title : "(fatal)", want, what);
	minutes_free(m);
}

/* Invalid UTF-8 repaired on the way to the parser, which reads the
 * input in 64 KiB chunks: a sequence placed across every split of the
 * first chunk boundary gives the same title and the same problem. */
static void
test_utf8_across_chunks(void)
{
	static const struct {
		const char *bytes, *shown, *problem;
	} cases[] = {
		{ "\xE1\xBB\x87", "\xE1\xBB\x87", "" },
		{ "\xC3\xA9", "\xC3\xA9", "" },
		{ "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", "" },
		{ "\xE1\x41", "\xEF\xBF\xBD" "A", "invalid UTF-8 (byte 0xE1)" },
		{ "\xE1\xBB" "x", "\xEF\xBF\xBD\xEF\xBF\xBDx",
		  "invalid UTF-8 (bytes 0xE1 0xBB)" },
		{ "\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
		  "invalid UTF-8 (bytes 0xED 0xA0 0x80)" },
		{ "\xFF\xFE", "\xEF\xBF\xBD\xEF\xBF\xBD",
		  "invalid UTF-8 (bytes 0xFF 0xFE)" },
	};
	const char *head = "<minutes version=\"1\" id=\"m\"><meeting><title>";
	const char *tail = "</title><date>2020-01-01</date></meeting>"
			   "<attendees/><section id=\"s\" kind=\"other\">"
			   "<heading>H</heading></section></minutes>";
	size_t hl = strlen(head), chunk = 64 << 10, bad = 0;
	char *doc = malloc(chunk * 2), *want = malloc(chunk * 2);
	for (size_t c = 0; c < sizeof(cases) / sizeof(*cases); c++) {
		size_t n = strlen(cases[c].bytes);
		for (size_t split = 0; split <= n; split++) {
			/* the sequence starts SPLIT bytes before the boundary */
			size_t pad = chunk - split - hl;
			memcpy(doc, head, hl);
			memset(doc + hl, 'a', pad);
			strcpy(doc + hl + pad, cases[c].bytes);
			strcat(doc, tail);
			memset(want, 'a', pad);
			strcpy(want + pad, cases[c].shown);
			char problem[200] = "";
			if (*cases[c].problem)
				snprintf(problem, sizeof(problem),
					 "1:%zu: %s, shown as U+FFFD\n",
					 hl + pad + 1, cases[c].problem);
			struct minutes *m;
			struct load_error err;
			loader_load_memory("mem.xml", doc, strlen(doc), &m, &err);
			char *got = problems(m);
			if (!m || strcmp(m->meeting.title, want) != 0 ||
			    strcmp(got, problem) != 0) {
				if (!bad++)
					printf("# case %zu split %zu: %s\n", c,
					       split, m ? got : err.msg);
			}
			free(got);
			minutes_free(m);
		}
	}
	IS_INT(bad, 0, "UTF-8 across the parser's chunks: repaired alike at every split");
	free(doc);
	free(want);
}

static void
test_hostile_files(void)
{
	check_fatal("hostile-billion-laughs.xml", "2:1: DOCTYPE not allowed");
	check_fatal("hostile-xxe.xml", "2:1: DOCTYPE not allowed");
	check_fatal("hostile-doctype.xml", "3:1: DOCTYPE not allowed");
	check_fatal("hostile-undefined-entity.xml",
		"4:21: Entity 'nbsp' not defined (only &amp; &lt; &gt; &quot; "
		"&apos; and character references are allowed)");
	/* invalid UTF-8 is shown as U+FFFD and listed: the file loads */
	check_problems("hostile-utf8-text.xml",
		"4:14: invalid UTF-8 (bytes 0xE1 0xBB), shown as U+FFFD\n");
	check_problems("hostile-utf8-attr.xml",
		"2:22: bad id \"h\xEF\xBF\xBD(p\": not an XML name\n"
		"2:27: invalid UTF-8 (byte 0xC3), shown as U+FFFD\n");
	check_problems("hostile-overlong.xml",
		"4:13: invalid UTF-8 (bytes 0xC0 0xAF), shown as U+FFFD\n");
	check_problems("hostile-surrogate.xml",
		"4:13: invalid UTF-8 (bytes 0xED 0xA0 0x80), shown as U+FFFD\n");
	check_title("hostile-utf8-text.xml", "Vi\xEF\xBF\xBD\xEF\xBF\xBD t");
	check_title("hostile-overlong.xml", "a\xEF\xBF\xBD\xEF\xBF\xBD" "b");
	check_title("hostile-surrogate.xml",
		    "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "b");
	/* a file cut short (inside a character too) is not XML */
	check_fatal("hostile-truncated.xml",
		"4:16: the file ends before the document does (is it cut short?)");
	check_fatal("hostile-empty.xml", "0:0: empty file");
	check_fatal("hostile-binary.xml",
		"1:1: not an XML document (it must start with '<')");
	check_fatal("hostile-gzip.xml", "0:0: compressed file: decompress it first");
	check_fatal("hostile-nul.xml", "4:13: NUL byte (not allowed in XML)");
	check_fatal("hostile-mismatched.xml",
		"4:23: Opening and ending tag mismatch: title line 4 and titel");
}

/* Nesting: 64 levels are fine, the 65th is refused where it starts. */
static void
test_deep(void)
{
	struct minutes *m;
	struct load_error err;
	size_t n = 100000, len = 0;
	char *xml = malloc(n * 3 + 64);
	len += (size_t)sprintf(xml, "<minutes version=\"1\">");
	for (size_t i = 0; i < n; i++)
		len += (size_t)sprintf(xml + len, "<a>");
	IS_INT(loader_load_memory("deep.xml", xml, len, &m, &err), LOAD_FATAL,
	       "deep: LOAD_FATAL");
	IS_STR(fatal_of(LOAD_FATAL, &err),
	       "1:211: elements nested deeper than 64 levels",
	       "deep: refused at the 65th level");
	len = (size_t)sprintf(xml, "<minutes version=\"1\">");
	for (int i = 0; i < 63; i++)
		len += (size_t)sprintf(xml + len, "<a>");
	for (int i = 0; i < 63; i++)
		len += (size_t)sprintf(xml + len, "</a>");
	len += (size_t)sprintf(xml + len, "</minutes>");
	IS_INT(loader_load_memory("deep.xml", xml, len, &m, &err), LOAD_INVALID,
	       "deep: 64 levels load");
	minutes_free(m);
	free(xml);
}

static void
on_alarm(int sig)
{
	(void)sig;
	static const char msg[] = "not ok - the loader blocked (FIFO?)\n";
	if (write(1, msg, sizeof(msg) - 1) < 0)
		_exit(3);
	_exit(2);
}

static void
test_special_files(void)
{
	char dir[] = "/tmp/test_loader.XXXXXX", fifo[64];
	check_fatal_file(path_of("tests/fixtures"), "directory",
			 "0:0: is a directory");
	check_fatal_file(fixture("no-such-file.xml"), "nonexistent",
			 "0:0: No such file or directory");
	if (!mkdtemp(dir)) {
		OK(0, "mkdtemp");
		return;
	}
	snprintf(fifo, sizeof(fifo), "%s/fifo.xml", dir);
	if (mkfifo(fifo, 0600) == 0) {
		signal(SIGALRM, on_alarm);
		alarm(10);
		check_fatal_file(fifo, "FIFO",
				 "0:0: not a regular file (a FIFO, device or socket)");
		alarm(0);
		unlink(fifo);
	} else {
		OK(0, "mkfifo");
	}
	rmdir(dir);
	check_fatal_file("/dev/null", "device",
			 "0:0: not a regular file (a FIFO, device or socket)");
}

static void
test_bad_encoding(void)
{
	struct minutes *m;
	struct load_error err;
	const char *xml = "<?xml version=\"1.0\" encoding=\"windows-1258\"?>\n"
		"<minutes version=\"1\"><meeting><title>ab\x81" "c</title>"
		"</meeting></minutes>\n";
	enum load_status st = load_str(xml, &m, &err);
	IS_STR(fatal_of(st, &err), "0:0: not valid in the declared encoding "
	       "(bytes 0x81 0x63 0x3C 0x2F)", "a byte windows-1258 lacks");
	xml = "<?xml version=\"1.0\" encoding=\"no-such\"?>\n<minutes/>\n";
	st = load_str(xml, &m, &err);
	IS_STR(fatal_of(st, &err), "1:39: Unsupported encoding no-such",
	       "an unknown encoding");
}

static void
test_memory_api(void)
{
	struct minutes *m;
	struct load_error err;
	char buf[8] = "";
	IS_INT(loader_load_memory("huge.xml", buf, LOADER_MAX_BYTES + 1, &m, &err),
	       LOAD_FATAL, "too large: LOAD_FATAL");
	IS_STR(err.msg, "file too large: 256 MiB (the limit is 256 MiB)",
	       "too large: message");
	IS_STR(err.path, "huge.xml", "error path is the name");
	const char *xml = HEAD "<section id=\"s\" kind=\"k\"><heading>H</heading>"
		"</section>" TAIL;
	IS_INT(load_str(xml, &m, &err), LOAD_OK, "memory: LOAD_OK");
	IS_STR(m->path, "mem.xml", "memory: path is the name");
	minutes_free(m);
}

static void
test_problem_cap(void)
{
	size_t n = 1200, len = 0;
	char *xml = malloc(n * 8 + 512);
	struct minutes *m;
	struct load_error err;
	len += (size_t)sprintf(xml, "%s<section id=\"s\" kind=\"k\"><heading>H"
			       "</heading>", HEAD);
	for (size_t i = 0; i < n; i++)
		len += (size_t)sprintf(xml + len, "<x/>");
	len += (size_t)sprintf(xml + len, "</section>%s", TAIL);
	IS_INT(loader_load_memory("many.xml", xml, len, &m, &err), LOAD_INVALID,
	       "many problems: LOAD_INVALID");
	IS_INT(m->nproblems, 1001, "many problems: capped");
	IS_STR(m->problems[1000].msg, "200 more problems not listed",
	       "many problems: the rest counted");
	minutes_free(m);
	free(xml);
}

static void
test_format(void)
{
	struct load_error err = { "f.xml", 3, 7, "boom" };
	char buf[256];
	load_error_format(&err, buf, sizeof(buf));
	IS_STR(buf, "f.xml:3:7: error: boom", "format: line and column");
	err.col = 0;
	load_error_format(&err, buf, sizeof(buf));
	IS_STR(buf, "f.xml:3: error: boom", "format: line only");
	err.line = 0;
	load_error_format(&err, buf, sizeof(buf));
	IS_STR(buf, "f.xml: error: boom", "format: neither");
}

/* libxml2 must print nothing by itself, whatever the input. */
static void
test_silence(void)
{
	static const char *const names[] = {
		"hostile-billion-laughs.xml", "hostile-utf8-text.xml",
		"hostile-mismatched.xml", "hostile-binary.xml",
		"hostile-undefined-entity.xml", "invalid-structure.xml",
		"valid-windows-1258.xml",
	};
	char tmp[] = "/tmp/test_loader_err.XXXXXX";
	int fd = mkstemp(tmp), saved = dup(2);
	struct stat st;
	fflush(stderr);
	dup2(fd, 2);
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
		struct minutes *m;
		struct load_error err;
		if (loader_load_file(fixture(names[i]), &m, &err) != LOAD_FATAL)
			minutes_free(m);
	}
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	fstat(fd, &st);
	IS_INT(st.st_size, 0, "nothing printed to stderr");
	close(fd);
	unlink(tmp);
}

int
main(void)
{
	srcdir = getenv("top_srcdir");
	if (!srcdir || !*srcdir)
		srcdir = ".";
	test_minimal();
	test_full();
	test_data();
	test_invalid_files();
	test_invalid_models();
	test_invalid_memory();
	test_figures();
	test_collapse();
	test_hostile_files();
	test_utf8_across_chunks();
	test_deep();
	test_special_files();
	test_bad_encoding();
	test_memory_api();
	test_problem_cap();
	test_format();
	test_silence();
	return tap_done();
}
