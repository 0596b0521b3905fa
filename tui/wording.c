/* wording.c - the words and signs shared by the screen, --dump and the
 * reports (see wording.h). */
#include <stdio.h>
#include <string.h>

#include "nls.h"
#include "text.h"
#include "wording.h"

const char *
wording_figure(const struct mn_figure *f, char *buf, size_t size)
{
	snprintf(buf, size, "%s%g%s%s", mn_op_text(f->op), f->value,
		 *f->unit && strcmp(f->unit, "%") ? " " : "", f->unit);
	return buf;
}

const char *
wording_verdict_mark(enum mn_verdict v)
{
	switch (v) {
	case MN_MET: return "✓";
	case MN_MISSED: return "✗";
	default: return "?";
	}
}

const char *
wording_verdict(enum mn_verdict v)
{
	switch (v) {
	case MN_MET: return _("met");
	case MN_MISSED: return _("missed");
	default: return _("unknown");
	}
}

const char *
wording_time(time_t t, char *buf, size_t size)
{
	struct tm tm;
	if (!gmtime_r(&t, &tm) || !strftime(buf, size, "%Y-%m-%d %H:%M UTC", &tm))
		snprintf(buf, size, "?");
	return buf;
}

const char *
wording_cut(const char *text, char *buf, size_t size)
{
	/* 200 columns: more than a status line shows */
	text_truncate(text, strlen(text), 200, buf, size);
	return buf;
}
