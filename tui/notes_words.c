/* notes_words.c - the words and values a notes file holds: note kinds,
 * statuses and dispositions (keywords and translated labels), times
 * (the file's UTC form and the local form shown), texts cleaned for XML
 * 1.0, and the error and terminal-safe message helpers every part of the
 * notes store uses.  No files, no store. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nls.h"
#include "notes.h"
#include "notes_words.h"
#include "text.h"
#include "xalloc.h"

void
notes_seterr(struct notes_error *err, const char *fmt, ...)
{
	if (!err)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
}

/* A path or message made safe for a terminal (malloc'd). */
char *
notes_safe_str(const char *s)
{
	char *r = text_sanitize(s, strlen(s), false);
	if (!r)
		mn_oom();
	return r;
}

/* qsort, which must not be given a NULL base even for no elements */
void
notes_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

void
notes_time_write(time_t t, char buf[32])
{
	struct tm tm;
	if (!gmtime_r(&t, &tm) ||
	    !strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm))
		strcpy(buf, "1970-01-01T00:00:00Z");
}

const char *
notes_format_time(time_t t, char *buf, size_t size)
{
	struct tm tm;
	char day[32];
	if (!localtime_r(&t, &tm) ||
	    !strftime(day, sizeof(day), "%Y-%m-%d %H:%M", &tm)) {
		snprintf(buf, size, "?");
		return buf;
	}
	long off = tm.tm_gmtoff, a = off < 0 ? -off : off;
	if (off == 0)
		snprintf(buf, size, "%s UTC", day);
	else if (a % 3600)
		snprintf(buf, size, "%s %c%02ld:%02ld", day, off < 0 ? '-' : '+',
			 a / 3600, a % 3600 / 60);
	else
		snprintf(buf, size, "%s %c%02ld", day, off < 0 ? '-' : '+',
			 a / 3600);
	return buf;
}

/* Strict "YYYY-MM-DDTHH:MM:SSZ". */
int
notes_time_parse(const char *s, time_t *out)
{
	if (!s || strlen(s) != 20 || s[4] != '-' || s[7] != '-' ||
	    s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
		return -1;
	int y = text_digits(s, 4), mo = text_digits(s + 5, 2),
	    d = text_digits(s + 8, 2);
	int h = text_digits(s + 11, 2), mi = text_digits(s + 14, 2),
	    se = text_digits(s + 17, 2);
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 ||
	    h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60)
		return -1;
	struct tm tm = { 0 };
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = se;
	*out = timegm(&tm);
	return 0;
}

/* Repaired NFC text with no character XML 1.0 refuses: C0 controls
 * other than TAB and '\n' (CR became '\n'), U+FFFE and U+FFFF become
 * U+FFFD.  malloc'd. */
char *
notes_clean_text(const char *s, size_t len)
{
	size_t n;
	char *r = text_repair(s, len, &n);
	if (!r)
		mn_oom();
	size_t bad = 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)r[i] < 0x20 && r[i] != '\t' && r[i] != '\n')
			bad++;
	char *o = xmalloc(n + bad * 2 + 1), *p = o;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)r[i];
		if (c < 0x20 && c != '\t' && c != '\n') {
			memcpy(p, TEXT_PLACEHOLDER, 3);
			p += 3;
		} else if (c == 0xEF && i + 2 < n &&
			   (unsigned char)r[i + 1] == 0xBF &&
			   ((unsigned char)r[i + 2] == 0xBE ||
			    (unsigned char)r[i + 2] == 0xBF)) {
			memcpy(p, TEXT_PLACEHOLDER, 3);
			p += 3;
			i += 2;
		} else {
			*p++ = (char)c;
		}
	}
	*p = '\0';
	free(r);
	return o;
}

/* A one-line name: clean, white space collapsed. */
char *
notes_clean_name(const char *s)
{
	char *r = notes_clean_text(s, strlen(s));
	for (char *p = r; *p; p++)
		if (*p == '\t' || *p == '\n')
			*p = ' ';
	text_collapse_space(r, strlen(r));
	return r;
}

bool
notes_is_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n')
			return false;
	return true;
}

#define NKINDS 5
static const char *const kind_names[NKINDS] = { "comment", "question",
						 "correction", "agreed",
						 "response" };

static const char *const kind_labels[NKINDS] = { N_("comment"),
						  N_("question"),
						  N_("correction"),
						  N_("agreed"),
						  N_("response") };

const char *
notes_kind_name(enum notes_kind k)
{
	return (unsigned)k < NKINDS ? kind_names[k] : "comment";
}

const char *
notes_kind_label(enum notes_kind k)
{
	return _((unsigned)k < NKINDS ? kind_labels[k] : kind_labels[0]);
}

const char *
notes_status_name(enum notes_status st)
{
	return st == NOTES_RESOLVED ? "resolved" : "open";
}

const char *
notes_status_label(enum notes_status st)
{
	return st == NOTES_RESOLVED ? _("resolved") : _("open");
}

int
notes_kind_parse(const char *name, enum notes_kind *k)
{
	for (int i = 0; i < NKINDS; i++)
		if (name && strcmp(name, kind_names[i]) == 0) {
			*k = (enum notes_kind)i;
			return 0;
		}
	return -1;
}

static const char *const disp_names[] = { "", "accepted", "explained",
					   "declined" };

/* TRANSLATORS: dispositions of an answer: tiếp thu, giải trình,
 * không tiếp thu */
static const char *const disp_labels[] = { "", N_("accepted"),
					    N_("explained"), N_("declined") };

const char *
notes_disposition_name(enum notes_disposition d)
{
	return (unsigned)d < 4 ? disp_names[d] : "";
}

const char *
notes_disposition_label(enum notes_disposition d)
{
	return (unsigned)d < 4 && d ? _(disp_labels[d]) : "";
}

int
notes_disposition_parse(const char *name, enum notes_disposition *d)
{
	for (int i = 1; i < 4; i++)
		if (name && strcmp(name, disp_names[i]) == 0) {
			*d = (enum notes_disposition)i;
			return 0;
		}
	return -1;
}

int
notes_status_parse(const char *name, enum notes_status *st)
{
	if (name && strcmp(name, "open") == 0)
		*st = NOTES_OPEN;
	else if (name && strcmp(name, "resolved") == 0)
		*st = NOTES_RESOLVED;
	else
		return -1;
	return 0;
}

void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		while (b->n + n + 1 > b->cap)
			b->cap = b->cap ? b->cap * 2 : 256;
		b->p = mn_xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

void
buf_str(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_add(b, "", 0);
	if (b->n + (size_t)n + 1 > b->cap) {
		b->cap = b->n + (size_t)n + 1;
		b->p = mn_xrealloc(b->p, b->cap);
	}
	va_start(ap, fmt);
	vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)n;
}
