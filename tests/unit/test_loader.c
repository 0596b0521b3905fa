/* test_loader.c - unit tests for the loader (tui/loader*.c): the fixtures
 * in tests/fixtures, and hostile input made at run time.  The bytes on
 * their way in (invalid UTF-8 across chunks, hostile and special files,
 * deep nesting, encodings) are in test_loader_bytes.c; the helpers both
 * use are in loader_fx.h. */
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
#include "loader_fx.h"

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
	/* ... from the speakers, kept apart for the screen's mark */
	IS_INT(item(m, 0, 0)->nunknown, 1, "dangling by: one name of nobody");
	IS_STR(m->by_unknown[item(m, 0, 0)->by[1]], "lan", "dangling by: its name");
	IS_INT(item(m, 0, 1)->nunknown, 1, "dangling by: the other item's");
	IS_STR(m->by_unknown[item(m, 0, 1)->by[0]], "hoa", "dangling by: its name too");
	IS_INT(m->nby_unknown, 2, "dangling by: two names of nobody in all");
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
	test_memory_api();
	test_problem_cap();
	test_format();
	test_silence();
	return tap_done();
}
