/* test_documents.c - the document wording (docwords) and the HTML
 * escaping every document goes through (html). */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "docwords.h"
#include "html.h"
#include "loader.h"
#include "notes.h"
#include "review_report.h"
#include "tap.h"

static void
test_roman(void)
{
	char b[16];
	IS_STR(docw_roman(1, b, sizeof(b)), "I", "roman 1");
	IS_STR(docw_roman(3, b, sizeof(b)), "III", "roman 3");
	IS_STR(docw_roman(4, b, sizeof(b)), "IV", "roman 4");
	IS_STR(docw_roman(9, b, sizeof(b)), "IX", "roman 9");
	IS_STR(docw_roman(14, b, sizeof(b)), "XIV", "roman 14");
	IS_STR(docw_roman(40, b, sizeof(b)), "XL", "roman 40");
	IS_STR(docw_roman(1994, b, sizeof(b)), "MCMXCIV", "roman 1994");
	IS_STR(docw_roman(3888, b, sizeof(b)), "MMMDCCCLXXXVIII",
	       "roman 3888 (the longest) fits in 16 bytes");
	IS_STR(docw_roman(4000, b, sizeof(b)), "4000", "above 3999: digits");
	IS_STR(docw_roman(0, b, sizeof(b)), "0", "0: digits");
	char small[4];
	IS_STR(docw_roman(8, small, sizeof(small)), "VII",
	       "a small buffer is cut at a numeral, never overflowed");
}

static void
test_dates(void)
{
	char b[64];
	OK(docw_date(DOCW_VI, "2025-06-27", b, sizeof(b)), "a date is read");
	IS_STR(b, "ngày 27 tháng 6 năm 2025", "ngày 27 tháng 6 năm 2025");
	docw_date(DOCW_VI, "2025-02-05", b, sizeof(b));
	IS_STR(b, "ngày 05 tháng 02 năm 2025",
	       "days below 10 and February take a leading zero");
	docw_date(DOCW_VI, "2020-01-16", b, sizeof(b));
	IS_STR(b, "ngày 16 tháng 01 năm 2020", "January takes a leading zero");
	docw_date(DOCW_VI, "2021-12-20", b, sizeof(b));
	IS_STR(b, "ngày 20 tháng 12 năm 2021", "December has none");
	docw_date(DOCW_EN, "2025-06-07", b, sizeof(b));
	IS_STR(b, "7 June 2025", "English date");
	OK(!docw_date(DOCW_VI, "2025-13-01", b, sizeof(b)) && !*b,
	   "month 13 is refused, nothing written");
	OK(!docw_date(DOCW_VI, "2025-6-27", b, sizeof(b)), "not YYYY-MM-DD");
	OK(!docw_date(DOCW_VI, "", b, sizeof(b)), "empty");
	OK(!docw_date(DOCW_VI, NULL, b, sizeof(b)), "NULL");

	OK(docw_time(DOCW_VI, "10:45", b, sizeof(b)), "a time is read");
	IS_STR(b, "10 giờ 45", "10 giờ 45");
	docw_time(DOCW_VI, "08:05", b, sizeof(b));
	IS_STR(b, "08 giờ 05", "08 giờ 05, as written");
	docw_time(DOCW_EN, "08:05", b, sizeof(b));
	IS_STR(b, "08:05", "English time");
	OK(!docw_time(DOCW_VI, "", b, sizeof(b)) && !*b, "no time");
	OK(!docw_time(DOCW_VI, "10:60", b, sizeof(b)), "minute 60 refused");
	OK(!docw_time(DOCW_VI, "1045", b, sizeof(b)), "no colon refused");
}

static void
test_stamp(void)
{
	char b[64];
	setenv("TZ", "Asia/Ho_Chi_Minh", 1);
	tzset();
	docw_stamp(DOCW_VI, (time_t)1764316800, b, sizeof(b));
	IS_STR(b, "15 giờ 00 ngày 28/11/2025 (UTC+07:00)", "a stamp in local time");
	docw_stamp(DOCW_EN, (time_t)1764316800, b, sizeof(b));
	IS_STR(b, "2025-11-28 15:00 (UTC+07:00)", "an English stamp");
	setenv("TZ", "UTC", 1);
	tzset();
	docw_stamp(DOCW_VI, (time_t)1764316800, b, sizeof(b));
	IS_STR(b, "08 giờ 00 ngày 28/11/2025 (UTC+00:00)", "the same moment in UTC");
}

static void
test_words(void)
{
	char *d = docw_decimal(DOCW_VI, "96.4");
	IS_STR(d, "96,4", "the Vietnamese decimal comma");
	free(d);
	d = docw_decimal(DOCW_EN, "96.4");
	IS_STR(d, "96.4", "the English decimal point");
	free(d);
	d = docw_decimal(DOCW_VI, "1.234.567");
	IS_STR(d, "1.234.567", "what is not a decimal is kept as written");
	free(d);
	d = docw_decimal(DOCW_VI, "120000000");
	IS_STR(d, "120000000", "a large number as written, never 1.2e+08");
	free(d);

	IS_STR(docw_bare_name("TS. Nguyễn Văn An"), "Nguyễn Văn An",
	       "TS. goes");
	IS_STR(docw_bare_name("PGS.TS. Trần Thị Bình"), "Trần Thị Bình",
	       "PGS.TS. goes");
	IS_STR(docw_bare_name("ThS. KS. Lê Văn Cường"), "Lê Văn Cường",
	       "several titles go");
	IS_STR(docw_bare_name("Tsering"), "Tsering", "a name is not a title");
	IS_STR(docw_bare_name("TS."), "TS.", "a title alone is kept");

	IS_INT(docw_lang_of("vi"), DOCW_VI, "vi");
	IS_INT(docw_lang_of("en-GB"), DOCW_EN, "en-GB");
	IS_INT(docw_lang_of("eng"), DOCW_VI, "eng is not en");
	IS_INT(docw_lang_of(NULL), DOCW_VI, "no language: vi");
	IS_STR(docw_lang_tag("vi-VN"), "vi-VN", "a tag is kept");
	IS_STR(docw_lang_tag("vi\" onload=\"x"), "vi",
	       "a tag that is not one becomes vi");
	IS_STR(docw_lang_tag("-x"), "vi", "a tag cannot start with -");
	IS_STR(docw_label(DOCW_VI, DOCW_QUOC_HIEU),
	       "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "the Quốc hiệu");
	IS_STR(docw_label(DOCW_VI, DOCW_TIEU_NGU), "Độc lập - Tự do - Hạnh phúc",
	       "the tiêu ngữ");
}

static char *
html_of(const char *s, int upper)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	if (upper)
		html_text_upper(f, s);
	else
		html_text_n(f, s, strlen(s), "<br>");
	fclose(f);
	return buf;
}

static void
test_html(void)
{
	char *h = html_of("<script>alert(\"x\")</script> & 'y'", 0);
	IS_STR(h, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;",
	       "markup stays text");
	free(h);
	h = html_of("&lt;b&gt;", 0);
	IS_STR(h, "&amp;lt;b&amp;gt;", "a character reference stays text");
	free(h);
	h = html_of("a\nb", 0);
	IS_STR(h, "a<br>b", "a line end as the caller says");
	free(h);
	/* U+202E RIGHT-TO-LEFT OVERRIDE and U+2066 LRI go; ESC, U+0085 and
	 * U+009B show as the placeholder */
	h = html_of("x\xe2\x80\xaey\xe2\x81\xa6z\x1b[31m\xc2\x85\xc2\x9b", 0);
	OK(!strstr(h, "\xe2\x80\xae") && !strstr(h, "\xe2\x81\xa6") &&
		   !strchr(h, 0x1b) && !strstr(h, "\xc2\x85") &&
		   !strstr(h, "\xc2\x9b"),
	   "bidi overrides and controls never reach the page");
	OK(strncmp(h, "xyz", 3) == 0, "the text around them is kept");
	free(h);
	h = html_of("ủy ban nhân dân xã hòa thuận <b>", 1);
	IS_STR(h, "ỦY BAN NHÂN DÂN XÃ HÒA THUẬN &lt;B&gt;",
	       "upper case, still escaped");
	free(h);
}

/* --- The review report with replies, dispositions and a sign-off ------ */

static time_t fake_now;

static time_t
clock_fake(void)
{
	return fake_now;
}

static const char review_minutes[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<minutes version=\"1\" id=\"hop\" xml:lang=\"vi\">\n"
	"  <meeting><title>Họp giao ban</title><date>2025-06-27</date></meeting>\n"
	"  <attendees><person id=\"an\"><name>Nguyễn Văn An</name></person></attendees>\n"
	"  <section id=\"s1\" kind=\"other\">\n"
	"    <heading>Kết quả</heading>\n"
	"    <item id=\"i1\">Làm được 12 km đường.</item>\n"
	"    <item id=\"i2\">Thu ngân sách đạt kế hoạch.</item>\n"
	"  </section>\n"
	"</minutes>\n";

static char *
report_of(const struct minutes *m, const struct notes_store *s,
	  enum review_format fmt)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	struct review_doc d = { m, s };
	review_report_write(f, fmt, &d, 1, false);
	fclose(f);
	return buf;
}

static void
test_review(void)
{
	char dir[] = "/tmp/test-documents.XXXXXX", path[64];
	struct notes_error err;
	struct minutes *m = NULL;
	struct load_error lerr;
	const struct note *q, *a, *c;

	if (!mkdtemp(dir)) {
		OK(0, "a scratch folder");
		return;
	}
	snprintf(path, sizeof(path), "%s/hop.xml", dir);
	FILE *f = fopen(path, "w");
	fputs(review_minutes, f);
	fclose(f);
	OK(loader_load_file(path, &m, &lerr) == LOAD_OK, "the minutes load");
	notes_set_clock(clock_fake);
	fake_now = 1764316800; /* 2025-11-28 08:00 UTC */

	struct notes_store *lan = notes_open(path, m, "lan", &err);
	struct notes_store *thu = notes_open(path, m, "thu", &err);
	notes_add(lan, "i1", NOTES_QUESTION, "Số liệu lấy ở đâu?\nXin nguồn.", &q,
		  &err);
	char qid[128], aid[128];
	snprintf(qid, sizeof(qid), "%s", q->id);
	fake_now += 60;
	notes_add(lan, "i2", NOTES_CORRECTION, "Ghi rõ tỷ lệ phần trăm.", &c, &err);
	char cid[128];
	snprintf(cid, sizeof(cid), "%s", c->id);
	fake_now += 60;
	notes_reload(thu, &err);
	IS_INT(notes_reply(thu, qid, NOTES_RESPONSE, NOTES_ACCEPTED,
			   "Đã bổ sung nguồn: báo cáo của phòng.", &a, &err),
	       NOTES_OK, "the drafter accepts the question");
	snprintf(aid, sizeof(aid), "%s", a->id);
	fake_now += 60;
	IS_INT(notes_reply(thu, cid, NOTES_RESPONSE, NOTES_EXPLAINED,
			   "Kế hoạch không giao tỷ lệ.", NULL, &err),
	       NOTES_OK, "the drafter explains the correction");
	fake_now += 60;
	notes_reload(lan, &err);
	IS_INT(notes_reply(lan, aid, NOTES_COMMENT, NOTES_NO_DISPOSITION,
			   "Cảm ơn.", NULL, &err),
	       NOTES_OK, "the reviewer answers the answer");
	fake_now += 60;
	IS_INT(notes_signoff(lan, "Đồng ý trình ký", &err), NOTES_OK,
	       "the reviewer signs off");
	notes_reload(lan, &err);

	setenv("TZ", "Asia/Ho_Chi_Minh", 1);
	tzset();
	char *got = report_of(m, lan, REVIEW_MD);
	IS_STR(got,
	       "# BẢN TỔNG HỢP Ý KIẾN\n"
	       "\n"
	       "**Góp ý về biên bản:** Họp giao ban\n"
	       "\n"
	       "- Biên bản: hop (hop.xml), ngày 27 tháng 6 năm 2025, dự thảo\n"
	       "- Số ý kiến: 2 (chưa xử lý: 1, đã xử lý: 1)\n"
	       "- Người góp ý: lan\n"
	       "- Ký duyệt: lan, 15 giờ 05 ngày 28/11/2025 (UTC+07:00): Đồng ý trình ký\n"
	       "- Tình trạng: sẵn sàng trình ký\n"
	       "\n"
	       "| STT | Phần được góp ý | Trích dẫn | Nội dung góp ý | Loại | Người góp ý, thời gian | Giải trình, tiếp thu |\n"
	       "|---:|---|---|---|---|---|---|\n"
	       "| 1 | I. Kết quả, mục 1 (hop.xml:7) | Làm được 12 km đường. | Số liệu lấy ở đâu?<br>Xin nguồn. | câu hỏi | lan, 15 giờ 00 ngày 28/11/2025 (UTC+07:00) | *Tiếp thu*: Đã bổ sung nguồn: báo cáo của phòng. — thu, 15 giờ 02 ngày 28/11/2025 (UTC+07:00)<br>↳ Cảm ơn. — lan, 15 giờ 04 ngày 28/11/2025 (UTC+07:00)<br>đã xử lý: thu, 15 giờ 02 ngày 28/11/2025 (UTC+07:00) |\n"
	       "| 2 | I. Kết quả, mục 2 (hop.xml:8) | Thu ngân sách đạt kế hoạch. | Ghi rõ tỷ lệ phần trăm. | đề nghị sửa | lan, 15 giờ 01 ngày 28/11/2025 (UTC+07:00) | *Giải trình*: Kế hoạch không giao tỷ lệ. — thu, 15 giờ 03 ngày 28/11/2025 (UTC+07:00)<br>chưa xử lý |\n",
	       "the report: answers with their dispositions, threads, the sign-off");
	free(got);
	got = report_of(m, lan, REVIEW_HTML);
	/* in HTML a time's parts do not break inside */
	OK(got && strstr(got, "<td class=\"answer\"><em>Tiếp thu</em>: Đã bổ sung nguồn: báo cáo của phòng. — thu, 15&nbsp;giờ&nbsp;02 ngày&nbsp;28/11/2025 (UTC+07:00)<br>\n"
			      "↳ Cảm ơn. — lan, 15&nbsp;giờ&nbsp;04 ngày&nbsp;28/11/2025 (UTC+07:00)<br>\n"
			      "đã xử lý: thu, 15&nbsp;giờ&nbsp;02 ngày&nbsp;28/11/2025 (UTC+07:00)</td>"),
	   "the HTML answers cell");
	free(got);
	setenv("TZ", "UTC0", 1);
	tzset();

	notes_close(lan);
	notes_close(thu);
	minutes_free(m);
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	OK(system(cmd) == 0, "the scratch folder is removed");
	notes_set_clock(NULL);
}

int
main(void)
{
	test_roman();
	test_dates();
	test_stamp();
	test_words();
	test_html();
	test_review();
	return tap_done();
}
