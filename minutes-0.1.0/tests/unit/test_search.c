/* test_search.c - the search module: queries, offsets, element order. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "loader.h"
#include "search.h"
#include "tap.h"

struct collect {
	char out[4096];
};

static bool
collect_hit(const struct search_hit *h, void *arg)
{
	struct collect *c = arg;
	char line[256];
	snprintf(line, sizeof(line), "%d:%d:%d:%.*s|", (int)h->where, h->index,
		 h->where == SEARCH_ITEM ? h->item : -1,
		 (int)(h->end - h->start), h->text + h->start);
	strncat(c->out, line, sizeof(c->out) - strlen(c->out) - 1);
	return true;
}

static void
match(const char *query, const char *text, const char *want, const char *what)
{
	struct search_query *q = search_compile(query);
	size_t a, b;
	char got[256] = "(none)";
	if (q && search_text(q, text, strlen(text), 0, &a, &b))
		snprintf(got, sizeof(got), "%.*s", (int)(b - a), text + a);
	IS_STR(got, want, what);
	search_query_free(q);
}

static bool
add_match(size_t start, size_t end, void *arg)
{
	char *out = arg;
	size_t n = strlen(out);
	snprintf(out + n, 256 - n, "%zu-%zu|", start, end);
	return true;
}

/* The matches of QUERY in TEXT as "start-end|...", found both ways:
 * with search_text_all, and search_text from each match's end. */
static void
matches(const char *query, const char *text, const char *want,
	const char *what)
{
	struct search_query *q = search_compile(query);
	char all[256] = "", one[256] = "", name[256];
	size_t a, b, from = 0, len = strlen(text);
	search_text_all(q, text, len, add_match, all);
	while (search_text(q, text, len, from, &a, &b) && strlen(one) < 200) {
		add_match(a, b, one);
		from = b > a ? b : a + 1;
	}
	snprintf(name, sizeof(name), "%s (search_text_all)", what);
	IS_STR(all, want, name);
	snprintf(name, sizeof(name), "%s (search_text)", what);
	IS_STR(one, want, name);
	search_query_free(q);
}

static const char doc[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<minutes version=\"1\" id=\"m\">\n"
	" <meeting><title>Hội nghị Đại đoàn kết</title><date>2020-01-16</date></meeting>\n"
	" <attendees><person id=\"duc\"><name>Đặng Văn Đức</name><role>Uỷ viên</role></person></attendees>\n"
	" <section id=\"s1\" kind=\"achievements\"><heading>Kết quả</heading>\n"
	"  <item id=\"i1\">Ngày hội Đại đoàn kết toàn dân tộc</item>\n"
	"  <item id=\"i2\">Gia đình văn hóa và văn hoá mới</item>\n"
	" </section>\n"
	"</minutes>\n";

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");

	OK(search_compile("") == NULL, "an empty query is refused");
	OK(search_compile("   ") == NULL, "a query of spaces is refused");
	OK(search_compile("\xE2\x80\x8B") == NULL, "a query of invisible characters is refused");

	match("dai doan ket", "Ngày hội Đại đoàn kết toàn dân", "Đại đoàn kết",
	      "unaccented query finds accented text, đ included");
	match("ĐẠI ĐOÀN", "Ngày hội Đại đoàn kết", "Đại đoàn",
	      "upper-case accented query");
	match("Ủy ban", "Phó Chủ tịch Uỷ ban MTTQ", "Uỷ ban",
	      "tone placement: Ủy finds Uỷ");
	match("hòa", "văn hoá mới", "hoá", "tone placement: hòa finds hoá");
	match("duc", "Đặng Văn Đức", "Đức", "duc finds Đức with exact bytes");
	match("Vie\xCC\xA3\xCC\x82t", "Việt Nam", "Việt", "NFD query finds NFC text");
	match("viet", "Vie\xCC\xA3\xCC\x82t Nam", "Vie\xCC\xA3\xCC\x82t",
	      "query finds NFD text, the match covers every mark");
	match("van  hoa", "Gia đình văn\thóa", "văn\thóa",
	      "white space runs match one space");
	match("xyz", "Gia đình", "(none)", "no match");
	match("Việt Nam", "Việt\xE2\x80\x8BNam", "(none)",
	      "zero-width space joins words: 'Việt Nam' does not match VietNam");
	match("vietnam", "Việt\xE2\x80\x8BNam", "Việt\xE2\x80\x8BNam",
	      "zero-width space does not break a word apart");

	/* a character that folds to several key bytes is matched whole */
	match("1", "a½b", "½", "a match inside ½ (1/2) covers all of ½");
	match("2", "a½b", "½", "a match at the end of ½'s key covers ½");
	match("11", "x\xE3\x8D\xA3y", "\xE3\x8D\xA3",
	      "a match inside ㍣ (11点) covers all of ㍣");
	match("a1", "a½b", "a½", "a match ending inside ½ covers ½");
	matches("1", "\xE3\x8D\xA3\xE3\x8D\xA3" "1", "0-3|3-6|6-7|",
		"one match per ㍣, never two inside one, nor an empty one");
	matches("1", "½½", "0-2|2-4|", "one match per ½");

	/* from: the second match in the same text */
	struct search_query *q = search_compile("van hoa");
	const char *t = "Gia đình văn hóa và văn hoá mới";
	size_t a = 0, b = 0;
	OK(search_text(q, t, strlen(t), 0, &a, &b), "first match found");
	OK(search_text(q, t, strlen(t), b, &a, &b), "second match found from the first's end");
	IS_STR(t + a, "văn hoá mới", "second match starts at the second phrase");
	OK(!search_text(q, t, strlen(t), b, &a, &b), "no third match");
	search_query_free(q);

	struct minutes *m = NULL;
	struct load_error err;
	enum load_status st = loader_load_memory("mem.xml", doc, sizeof(doc) - 1, &m, &err);
	IS_INT(st, LOAD_OK, "the test minutes load");
	if (m) {
		struct collect c = { "" };
		q = search_compile("dai doan ket");
		IS_INT(search_minutes(q, m, collect_hit, &c), 2, "two elements match 'dai doan ket'");
		IS_STR(c.out, "0:0:-1:Đại đoàn kết|3:0:0:Đại đoàn kết|",
		       "meeting title then item, in document order");
		search_query_free(q);

		c.out[0] = '\0';
		q = search_compile("uy");
		search_minutes(q, m, collect_hit, &c);
		IS_STR(c.out, "1:0:-1:Uỷ|", "an attendee's role matches");
		search_query_free(q);

		c.out[0] = '\0';
		q = search_compile("ket qua");
		search_minutes(q, m, collect_hit, &c);
		IS_STR(c.out, "2:0:-1:Kết quả|", "a section heading matches");
		search_query_free(q);

		c.out[0] = '\0';
		q = search_compile("hoa");
		search_minutes(q, m, collect_hit, &c);
		IS_STR(c.out, "3:0:1:hóa|", "one hit per element, the first match");
		search_query_free(q);
		minutes_free(m);
	}
	return tap_done();
}
