/* test_documents.c - the document wording (docwords) and the HTML
 * escaping every document goes through (html). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "docwords.h"
#include "html.h"
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
	IS_STR(b, "10 giờ 45 phút", "10 giờ 45 phút");
	docw_time(DOCW_VI, "08:05", b, sizeof(b));
	IS_STR(b, "08 giờ 05 phút", "08 giờ 05 phút, as written");
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
	IS_STR(b, "28/11/2025 15:00 (UTC+07:00)", "a stamp in local time");
	docw_stamp(DOCW_EN, (time_t)1764316800, b, sizeof(b));
	IS_STR(b, "2025-11-28 15:00 (UTC+07:00)", "an English stamp");
	setenv("TZ", "UTC", 1);
	tzset();
	docw_stamp(DOCW_VI, (time_t)1764316800, b, sizeof(b));
	IS_STR(b, "28/11/2025 08:00 (UTC+00:00)", "the same moment in UTC");
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

int
main(void)
{
	test_roman();
	test_dates();
	test_stamp();
	test_words();
	test_html();
	return tap_done();
}
