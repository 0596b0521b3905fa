/* wording.c - the words and signs shared by the screen, --dump and the
 * reports (see wording.h). */
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
	char *v = s ? decimal_format(s, NULL) : xstrdup("?");
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

const char *
wording_time(time_t t, char *buf, size_t size)
{
	return notes_format_time(t, buf, size);
}

const char *
wording_cut(const char *text, char *buf, size_t size)
{
	/* 200 columns: more than a status line shows */
	text_truncate(text, strlen(text), 200, buf, size);
	return buf;
}

char *
wording_speakers(const struct minutes *m, const struct mn_item *it)
{
	size_t size = sizeof("— ");
	for (uint32_t i = 0; i < it->nby; i++)
		size += strlen(m->persons[it->by[i]].name) + 2;
	char *buf = xmalloc(size), *o = buf;
	o += snprintf(o, size, "%s", "— ");
	for (uint32_t i = 0; i < it->nby; i++) {
		const char *name = m->persons[it->by[i]].name;
		size_t n = strlen(name);
		if (i) {
			memcpy(o, ", ", 2);
			o += 2;
		}
		memcpy(o, name, n);
		o += n;
	}
	*o = '\0';
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
