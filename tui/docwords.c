/* docwords.c - the wording of documents: labels, dates, times, numerals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "decimal.h"
#include "docwords.h"
#include "model.h"
#include "xalloc.h"

static const char *const labels[][2] = {
#define DOCW_ROW(name, vi, en) { vi, en },
	DOCW_LABELS(DOCW_ROW)
#undef DOCW_ROW
};

enum docw_lang
docw_lang_of(const char *lang)
{
	if (lang && (lang[0] == 'e' || lang[0] == 'E') &&
	    (lang[1] == 'n' || lang[1] == 'N') &&
	    (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_'))
		return DOCW_EN;
	return DOCW_VI;
}

const char *
docw_lang_tag(const char *lang)
{
	size_t n = lang ? strlen(lang) : 0;
	if (n < 2 || n > 35)
		return "vi";
	for (size_t i = 0; i < n; i++) {
		char c = lang[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || (c == '-' && i > 0)))
			return "vi";
	}
	return lang;
}

const char *
docw_label(enum docw_lang lang, enum docw_label l)
{
	if ((unsigned)l >= DOCW_NLABELS)
		return "";
	return labels[l][lang == DOCW_EN ? 1 : 0];
}

const char *
docw_roman(uint32_t n, char *buf, size_t size)
{
	static const struct { uint32_t v; const char *s; } r[] = {
		{ 1000, "M" }, { 900, "CM" }, { 500, "D" }, { 400, "CD" },
		{ 100, "C" }, { 90, "XC" }, { 50, "L" }, { 40, "XL" },
		{ 10, "X" }, { 9, "IX" }, { 5, "V" }, { 4, "IV" }, { 1, "I" },
	};
	size_t o = 0;
	if (!size)
		return buf;
	buf[0] = '\0';
	if (n == 0 || n > 3999) {
		snprintf(buf, size, "%lu", (unsigned long)n);
		return buf;
	}
	for (size_t i = 0; i < sizeof(r) / sizeof(r[0]); i++)
		while (n >= r[i].v) {
			size_t l = strlen(r[i].s);
			if (o + l + 1 > size)
				return buf;
			memcpy(buf + o, r[i].s, l + 1);
			o += l;
			n -= r[i].v;
		}
	return buf;
}

/* N decimal digits at S: their value, or -1. */
static int
digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool
docw_date(enum docw_lang lang, const char *date, char *buf, size_t size)
{
	static const char *const months[] = {
		"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November",
		"December",
	};
	int y, mo, d;
	if (size)
		buf[0] = '\0';
	if (!date || strlen(date) != 10 || date[4] != '-' || date[7] != '-' ||
	    (y = digits(date, 4)) < 0 || (mo = digits(date + 5, 2)) < 1 ||
	    mo > 12 || (d = digits(date + 8, 2)) < 1 || d > 31)
		return false;
	if (lang == DOCW_EN)
		snprintf(buf, size, "%d %s %04d", d, months[mo - 1], y);
	else
		snprintf(buf, size, "ngày %02d tháng %s%d năm %04d", d,
			 mo <= 2 ? "0" : "", mo, y);
	return true;
}

bool
docw_time(enum docw_lang lang, const char *time, char *buf, size_t size)
{
	int h, mi;
	if (size)
		buf[0] = '\0';
	if (!time || strlen(time) != 5 || time[2] != ':' ||
	    (h = digits(time, 2)) < 0 || h > 24 ||
	    (mi = digits(time + 3, 2)) < 0 || mi > 59)
		return false;
	if (lang == DOCW_EN)
		snprintf(buf, size, "%02d:%02d", h, mi);
	else
		snprintf(buf, size, "%02d giờ %02d", h, mi);
	return true;
}

void
docw_stamp(enum docw_lang lang, time_t t, char *buf, size_t size)
{
	struct tm tm;
	char when[48], zone[8];
	/* the Vietnamese time the way documents write one: 17 giờ 15 */
	if (!localtime_r(&t, &tm) ||
	    !strftime(when, sizeof(when),
		      lang == DOCW_EN ? "%Y-%m-%d %H:%M"
				      : "%H giờ %M ngày %d/%m/%Y",
		      &tm) ||
	    !strftime(zone, sizeof(zone), "%z", &tm) || strlen(zone) != 5) {
		snprintf(buf, size, "?");
		return;
	}
	/* "+0700" -> "+07:00" (ASCII) */
	snprintf(buf, size, "%s (UTC%c%c%c:%s)", when, zone[0], zone[1],
		 zone[2], zone + 3);
}

char *
docw_decimal(enum docw_lang lang, const char *number)
{
	const char *point = lang == DOCW_EN ? "." : ",";
	char *r;
	if (!decimal_valid(number, strlen(number)))
		return xstrdup(number);
	if (!(r = decimal_format(number, point)))
		mn_oom();
	return r;
}

void
docw_percent(enum docw_lang lang, uint32_t num, uint32_t den, char *buf,
	     size_t size)
{
	if (size)
		buf[0] = '\0';
	if (!den)
		return;
	uint64_t h = ((uint64_t)num * 10000 + den / 2) / den; /* hundredths */
	snprintf(buf, size, "%llu%c%02u%%", (unsigned long long)(h / 100),
		 lang == DOCW_EN ? '.' : ',', (unsigned)(h % 100));
}

/* Academic titles and degrees written before a name (Vietnamese usage;
 * compared without case). */
static const char *const titles[] = {
	"GS.TSKH.", "GS.TS.", "PGS.TSKH.", "PGS.TS.", "TSKH.", "GS.",
	"PGS.", "TS.", "ThS.", "KS.", "BS.", "CN.", "Ths.", "Dr.", "Prof.",
};

static size_t
title_at(const char *s)
{
	for (size_t i = 0; i < sizeof(titles) / sizeof(titles[0]); i++) {
		size_t l = strlen(titles[i]);
		if (strncasecmp(s, titles[i], l) == 0)
			return l;
	}
	return 0;
}

const char *
docw_bare_name(const char *name)
{
	const char *p = name;
	for (;;) {
		size_t l = title_at(p);
		if (!l)
			break;
		const char *q = p + l;
		while (*q == ' ')
			q++;
		if (!*q)
			break; /* nothing but a title: keep it */
		p = q;
	}
	return p;
}
