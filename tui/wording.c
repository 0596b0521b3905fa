/* wording.c - the words and signs shared by the screen, --dump and the
 * reports (see wording.h). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "nls.h"
#include "notes.h"
#include "text.h"
#include "wording.h"
#include "xalloc.h"

char *
wording_number(const char *s)
{
	char point[8];
	char *v = s ? decimal_format(s, nls_decimal_point(point, sizeof(point)))
		    : xstrdup("?");
	if (!v)
		mn_oom();
	return v;
}

char *
wording_figure(const struct mn_figure *f)
{
	char *v = wording_number(f->value_str);
	char *t = xasprintf("%s%s%s%s", mn_op_text(f->op), v,
			    *f->unit && strcmp(f->unit, "%") ? " " : "", f->unit);
	free(v);
	return t;
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

/* notes_format_time's "YYYY-MM-DD HH:MM ZONE", the date the interface's
 * way (16/01/2020 08:53 +07 in Vietnamese) */
const char *
wording_time(time_t t, char *buf, size_t size)
{
	char iso[64];
	notes_format_time(t, iso, sizeof(iso));
	return nls_stamp(iso, buf, size);
}

const char *
wording_cut(const char *text, char *buf, size_t size)
{
	/* 200 columns: more than a status line shows */
	text_truncate(text, strlen(text), 200, buf, size);
	return buf;
}

char *
wording_speakers(const struct minutes *m, const struct mn_item *it, int width)
{
	/* with a WIDTH, only as far as WIDTH columns and one cluster more
	 * (the cut is marked when drawn): never more of a long list than a
	 * row can show */
	bool bounded = width > 0;
	int room = width + 1 - 2, used;
	size_t size = 64, n = strlen("— ");
	char *buf = xmalloc(size);

	memcpy(buf, "— ", n);
	for (uint32_t i = 0; i < it->nby && (!bounded || room > 0); i++) {
		const char *name = m->persons[it->by[i]].name;
		size_t len = strlen(name), k = len;
		if (i) {
			memcpy(buf + n, ", ", 2); /* size > n + 2 */
			n += 2;
			room -= 2;
		}
		if (bounded) {
			k = text_fit(name, len, room, &used);
			if (k < len) {
				/* cut: one cluster more overflows the row,
				 * so the cut is marked when drawn */
				struct text_cluster c;
				k = text_cluster_next(name, len, k, &c);
				room = 0;
			} else {
				room -= used;
			}
		}
		if (n + k + 3 > size) {
			size = (n + k + 3) * 2;
			buf = xrealloc(buf, size);
		}
		memcpy(buf + n, name, k);
		n += k;
	}
	buf[n] = '\0';
	return buf;
}

void
wording_section_verdicts(const struct mn_section *s, unsigned v[3])
{
	v[0] = v[1] = v[2] = 0;
	for (uint32_t i = 0; i < s->nitems; i++)
		for (uint32_t f = 0; f < s->items[i].nfigures; f++)
			v[mn_figure_verdict(&s->items[i].figures[f])]++;
}

const char *
wording_verdict_counts(const unsigned v[3], char *buf, size_t size)
{
	snprintf(buf, size, "%u %s, %u %s, %u %s", v[MN_MET], _("met"),
		 v[MN_MISSED], _("missed"), v[MN_UNKNOWN], _("unknown"));
	return buf;
}

/* --- v2: votes and tasks ------------------------------------------------- */

static uint32_t
count_or_zero(uint32_t n)
{
	return n == MN_NONE ? 0 : n;
}

/* the base a vote's bar is drawn on: those present (or expected, by its
 * rule), never fewer than the votes cast */
static uint32_t
vote_base(const struct minutes *m, const struct mn_vote *v)
{
	uint32_t base = 0, cast = mn_vote_cast(v);
	if (mn_vote_needed(m, v, &base) == MN_NONE || base == MN_NONE)
		base = cast;
	return base > cast ? base : cast;
}

char *
wording_vote_bar(const struct minutes *m, const struct mn_vote *v,
		 int cells)
{
	uint32_t base = vote_base(m, v);
	uint64_t parts[3] = { count_or_zero(v->nfor), count_or_zero(v->against),
			      count_or_zero(v->abstain) + count_or_zero(v->invalid) };
	static const char *const sign[4] = { "█", "▒", "░", "·" };

	if (!v->has_tally || base == 0 || cells < 1)
		return xstrdup("");
	if ((uint64_t)cells > base)
		cells = (int)base; /* one cell a person when they fit */
	char *s = xmalloc((size_t)cells * 4 + 1), *p = s;
	int drawn = 0;
	uint64_t upto = 0;
	for (int k = 0; k < 4; k++) {
		/* each part ends where its running total falls, rounded */
		int end = cells;
		if (k < 3) {
			upto += parts[k];
			end = (int)((upto * (uint64_t)cells + base / 2) / base);
			if (parts[k] && end == drawn && drawn < cells)
				end = drawn + 1; /* a part is never invisible */
			if (end > cells)
				end = cells;
		}
		size_t n = strlen(sign[k]);
		for (; drawn < end; drawn++) {
			memcpy(p, sign[k], n);
			p += n;
		}
	}
	*p = '\0';
	return s;
}

char *
wording_vote_tally(const struct minutes *m, const struct mn_vote *v)
{
	if (!v->has_tally)
		return xstrdup(_("no tally"));
	char *s = xasprintf("%u/%u %s · %u %s · %u %s", count_or_zero(v->nfor),
			    vote_base(m, v), _("for"), count_or_zero(v->against),
			    _("against"), count_or_zero(v->abstain), _("abstain"));
	if (v->invalid != MN_NONE) {
		char *t = xasprintf("%s · %u %s", s, v->invalid, _("invalid"));
		free(s);
		s = t;
	}
	return s;
}

const char *
wording_vote_result(enum mn_result r)
{
	switch (r) {
	case MN_RESULT_ADOPTED: return _("adopted");
	case MN_RESULT_REJECTED: return _("rejected");
	default: return _("no result");
	}
}

const char *
wording_today(time_t now, char *buf, size_t size)
{
	struct tm tm;
	if (size < 11 || !localtime_r(&now, &tm) ||
	    strftime(buf, size, "%Y-%m-%d", &tm) != 10)
		snprintf(buf, size, "%s", "");
	return buf;
}

const char *
wording_target(const struct minutes *m, const char *id, char *buf,
	       size_t size)
{
	char cut[128];
	int sec = -1, item = -1;
	int k = m && id ? minutes_find_id(m, id, &sec, &item) : 0;

	wording_cut(id ? id : "", cut, sizeof(cut));
	switch (k) {
	case 3: snprintf(buf, size, "%s", _("the meeting")); break;
	case 2: snprintf(buf, size, _("attendee %s"), cut); break;
	case 1:
		snprintf(buf, size, item >= 0 ? _("item %s") : _("section %s"), cut);
		break;
	default: snprintf(buf, size, _("%s (not in the minutes)"), cut); break;
	}
	return buf;
}
