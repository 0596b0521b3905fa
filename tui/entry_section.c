/* entry_section.c - a section of the minutes as a navigator entry: its
 * items (all, or only those with open notes), each with its speakers,
 * figures and notes marker; in the detail pane the section itself (when
 * the navigator has the focus) or the selected item in full. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entries.h"
#include "nls.h"
#include "notes_view.h"
#include "wording.h"
#include "xalloc.h"

extern const struct entry_ops entry_section;

static const struct mn_section *
section_of(const struct browser *b, const struct entry *e)
{
	return &b->doc->m->sections[e->arg];
}

/* Grouped by kind (doc.by_kind): achievements, limitations, targets,
 * then every other kind in document order; else the document's order,
 * as the minutes, --dump and --search have it. */
static int
kind_rank(enum mn_kind k)
{
	switch (k) {
	case MN_KIND_ACHIEVEMENTS: return 0;
	case MN_KIND_LIMITATIONS: return 1;
	case MN_KIND_TARGETS: return 2;
	default: return 3;
	}
}

static void
section_add(const struct doc *d, struct entry *v, int *n)
{
	for (int rank = 0; rank < (d->by_kind ? 4 : 1); rank++)
		for (uint32_t s = 0; s < d->m->nsections; s++)
			if (!d->by_kind || kind_rank(d->m->sections[s].kind) == rank)
				v[(*n)++] = (struct entry){ &entry_section, (int)s };
}

static int
section_count(struct browser *b, const struct entry *e)
{
	return browser_item_count(b, e->arg);
}

static enum style
kind_style(enum mn_kind k)
{
	switch (k) {
	case MN_KIND_ACHIEVEMENTS: return STYLE_ACHIEVEMENTS;
	case MN_KIND_LIMITATIONS: return STYLE_LIMITATIONS;
	case MN_KIND_TARGETS: return STYLE_TARGETS;
	default: return STYLE_NORMAL;
	}
}

static void
section_nav(struct browser *b, const struct entry *e, struct entry_nav *out)
{
	const struct mn_section *s = section_of(b, e);

	out->sym = mn_kind_symbol(s->kind);
	out->sym_st = kind_style(s->kind);
	out->label = s->heading;
	char n[16];
	snprintf(out->num, sizeof(out->num), "%s. ",
		 wording_section_number((uint32_t)e->arg, n, sizeof(n)));
	snprintf(out->count, sizeof(out->count), " (%u)", s->nitems);
	out->open = b->doc->notes
		? notes_section_open_count(b->doc->notes, (size_t)e->arg) : 0;
	out->answered = notes_view_answered(b, 2 + e->arg);
}

static void
section_header(struct browser *b, const struct entry *e, char *buf,
	       size_t size)
{
	const struct mn_section *s = section_of(b, e);
	const unsigned *v = b->doc->verdicts[e->arg];
	const char *filter = b->filter_open ? _(" · only open notes") : "";
	char n[16];

	wording_section_number((uint32_t)e->arg, n, sizeof(n));
	if (v[0] + v[1] + v[2])
		snprintf(buf, size, "%s %s. %s%s · %s %u ✓ %u ✗ %u ?",
			 mn_kind_symbol(s->kind), n, s->heading, filter,
			 _("figures"), v[MN_MET], v[MN_MISSED], v[MN_UNKNOWN]);
	else
		snprintf(buf, size, "%s %s. %s%s", mn_kind_symbol(s->kind), n,
			 s->heading, filter);
}

/* "— name, name" and the figures with their verdicts, under an item.
 * The lines are cut at the pane when drawn; the speakers are laid out
 * only as far as WIDTH columns and one more (for the cut mark). */
static void
item_summary(struct browser *b, const struct mn_item *it, struct lines *l,
	     int width)
{
	const struct minutes *m = b->doc->m;

	if (it->nby) {
		char *buf = wording_speakers(m, it, width);
		lines_add(l, NULL, STYLE_NORMAL, 0, lines_own(l, buf), 0,
			  (uint32_t)strlen(buf), STYLE_DIM);
		lines_cut(l, LINE_MARK);
	}
	char *nobody = wording_nobody(m, it, width);
	if (nobody) {
		lines_add(l, NULL, STYLE_NORMAL, 0, lines_own(l, nobody), 0,
			  (uint32_t)strlen(nobody), STYLE_ERROR);
		lines_cut(l, LINE_MARK);
	}
	if (it->nfigures) {
		size_t size = 64, n = 0;
		char *buf = xmalloc(size);
		buf[0] = '\0';
		for (uint32_t i = 0; i < it->nfigures; i++) {
			char *t = wording_figure(&it->figures[i]);
			const char *mark =
				wording_verdict_mark(mn_figure_verdict(&it->figures[i]));
			size_t k = strlen(t) + strlen(mark) + 3;
			if (n + k + 1 > size) {
				size = (n + k + 1) * 2;
				buf = xrealloc(buf, size);
			}
			n += (size_t)snprintf(buf + n, size - n, "%s%s %s",
					      i ? "  " : "", t, mark);
			free(t);
		}
		lines_add(l, NULL, STYLE_NORMAL, 0, lines_own(l, buf), 0,
			  (uint32_t)n, STYLE_TARGETS);
	}
}

/* v2: a vote's tally as a bar, the numbers and the result: "███████░
 * 7/8 for · 0 against · 1 abstain · ✓ adopted", under its motion. */
static void
vote_summary(struct browser *b, const struct mn_vote *v, struct lines *l,
	     int indent, int width)
{
	const struct minutes *m = b->doc->m;
	char *bar = wording_vote_bar(m, v, (width - indent) / 3 > 20 ? 20
					   : (width - indent) / 3);
	char *tally = wording_vote_tally(m, v);
	const char *res = v->result == MN_RESULT_NONE ? ""
		: lines_printf(l, " · %s %s",
			       v->result == MN_RESULT_ADOPTED ? "✓" : "✗",
			       wording_vote_result(v->result));
	const char *t = lines_printf(l, "%s%s%s%s", bar, *bar ? " " : "", tally,
				     res);
	free(bar);
	free(tally);
	lines_wrap(l, NULL, STYLE_NORMAL, indent, t, width,
		   v->result == MN_RESULT_ADOPTED ? STYLE_MET
		   : v->result == MN_RESULT_REJECTED ? STYLE_MISSED : STYLE_NORMAL);
}

static void
section_layout(struct browser *b, const struct entry *e, int idx, int width,
	       struct lines *l)
{
	const struct mn_section *s = section_of(b, e);
	int item = browser_item_at(b, e->arg, idx);
	const struct mn_item *it = &s->items[item];
	int digits = snprintf(NULL, 0, "%u", s->nitems);
	const char *lead = lines_printf(l, "%*d.", digits, item + 1);
	int iw = digits + 2;

	if (iw * 3 > width)
		iw = 0;
	lines_wrap_cached(l, &b->doc->wrap, iw ? lead : NULL, STYLE_DIM, iw, it->text, width,
			  STYLE_NORMAL);
	int before = l->n;
	item_summary(b, it, l, width - iw > 0 ? width - iw : 1);
	if (it->vote)
		vote_summary(b, it->vote, l, 0, width - iw > 0 ? width - iw : 1);
	notes_view_marker(b, l, it->id, 0, width - iw);
	for (int i = before; i < l->n; i++)
		l->v[i].indent = iw;
	lines_blank(l);
}

static void
section_detail_header(struct browser *b, const struct entry *e, char *buf,
		      size_t size)
{
	if (b->focus == PANE_NAV)
		snprintf(buf, size, "%s", _("Section"));
	else if (browser_item_count(b, e->arg))
		snprintf(buf, size, "%s %d/%u", _("Item"),
			 browser_item_at(b, e->arg, browser_content_cur(b)) + 1,
			 section_of(b, e)->nitems);
	else
		snprintf(buf, size, "%s", _("Item"));
}

static void
detail_heading(struct lines *l, const char *label)
{
	lines_blank(l);
	lines_add(l, NULL, STYLE_NORMAL, 0, label, 0, (uint32_t)strlen(label),
		  STYLE_LABEL);
}

static void
detail_item(struct browser *b, const struct mn_item *it, int width,
	    struct lines *l)
{
	const struct minutes *m = b->doc->m;

	lines_wrap(l, NULL, STYLE_NORMAL, 0,
		   lines_printf(l, "%s · %s %u", it->id, _("line"), it->line),
		   width, STYLE_DIM);
	/* paragraphs, with a blank line between them */
	const struct text_line *tl;
	size_t n = wrap_lines(&b->doc->wrap, it->text, width, &tl);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && tl[i].off > 0 && it->text[tl[i].off - 1] == '\n')
			lines_blank(l);
		lines_add(l, NULL, STYLE_NORMAL, 0, it->text, tl[i].off,
			  tl[i].len, STYLE_NORMAL);
	}
	if (it->nby) {
		detail_heading(l, it->nby > 1 ? _("Speakers") : _("Speaker"));
		/* never more of them than the pane has rows (an item may be
		 * said by 40,000 people), then how many more there are */
		int h = b->detail_rows;
		uint32_t shown = it->nby, rows = h > 2 ? (uint32_t)h : 2;
		if (shown > rows)
			shown = rows - 1;
		for (uint32_t i = 0; i < shown; i++) {
			const struct mn_person *p = &m->persons[it->by[i]];
			lines_wrap(l, NULL, STYLE_NORMAL, 2, p->name, width,
				   STYLE_NORMAL);
			if (*p->role)
				lines_wrap(l, NULL, STYLE_NORMAL, 4, p->role, width,
					   STYLE_DIM);
		}
		if (shown < it->nby) {
			const char *more = lines_printf(l,
				ngettext("… and %u more speaker",
					 "… and %u more speakers",
					 it->nby - shown), it->nby - shown);
			lines_add(l, NULL, STYLE_NORMAL, 2, more, 0,
				  (uint32_t)strlen(more), STYLE_DIM);
		}
	}
	/* (no more of a hostile list than the pane's rows can show) */
	char *nobody = wording_nobody(m, it, width * (b->detail_rows > 2
						      ? b->detail_rows : 2));
	if (nobody) {
		if (!it->nby)
			detail_heading(l, it->nunknown > 1 ? _("Speakers") : _("Speaker"));
		lines_wrap(l, NULL, STYLE_NORMAL, 2, lines_own(l, nobody), width,
			   STYLE_ERROR);
	}
	if (it->vote) {
		const struct mn_vote *v = it->vote;
		uint32_t base, need = mn_vote_needed(m, v, &base);
		detail_heading(l, *v->method
			       ? lines_printf(l, "%s (%s)", _("Vote"), v->method)
			       : _("Vote"));
		vote_summary(b, v, l, 2, width);
		const char *rule = need == MN_NONE
			? lines_printf(l, "%s: %s", _("Rule"), mn_rule_name(v->rule))
			: lines_printf(l, "%s: %s, %u %s", _("Rule"),
				       mn_rule_name(v->rule), need, _("needed"));
		lines_wrap(l, NULL, STYLE_NORMAL, 2, rule, width, STYLE_DIM);
	}
	if (it->nfigures) {
		detail_heading(l, _("Figures"));
		for (uint32_t i = 0; i < it->nfigures; i++) {
			const struct mn_figure *f = &it->figures[i];
			enum mn_verdict v = mn_figure_verdict(f);
			char *t = wording_figure(f);
			const char *line;
			if (f->actual) {
				char *actual = wording_number(f->actual);
				line = lines_printf(l, "%s %s · %s %s · %s",
					wording_verdict_mark(v), t, _("actual"),
					actual, wording_verdict(v));
				free(actual);
			} else {
				line = lines_printf(l, "%s %s · %s",
					wording_verdict_mark(v), t,
					wording_verdict(v));
			}
			free(t);
			lines_wrap(l, NULL, STYLE_NORMAL, 2, line, width,
				   v == MN_MET ? STYLE_MET
				   : v == MN_MISSED ? STYLE_MISSED : STYLE_NORMAL);
			lines_add(l, NULL, STYLE_NORMAL, 4, it->text, f->start,
				  f->end - f->start, STYLE_DIM);
		}
	}
}

/* "II. heading", whole, wrapped */
static void
section_heading(struct lines *l, int sec, const struct mn_section *s,
		int width, enum style st)
{
	char n[16];

	wording_section_number((uint32_t)sec, n, sizeof(n));
	lines_wrap(l, NULL, STYLE_NORMAL, 0,
		   lines_printf(l, "%s. %s", n, s->heading), width, st);
}

static void
detail_section(struct browser *b, const struct entry *e, int width,
	       struct lines *l)
{
	const struct mn_section *s = section_of(b, e);
	const unsigned *v = b->doc->verdicts[e->arg];

	section_heading(l, e->arg, s, width, STYLE_LABEL);
	lines_wrap(l, NULL, STYLE_NORMAL, 0,
		   lines_printf(l, "%s · %s · %u %s · %s %u", s->id,
				mn_kind_label(s->kind, s->kind_name),
				s->nitems, ngettext("item", "items", s->nitems),
				_("line"), s->line),
		   width, STYLE_DIM);
	char counts[160];
	if (v[0] + v[1] + v[2])
		lines_wrap(l, NULL, STYLE_NORMAL, 0,
			   lines_printf(l, "%s: %s", _("Figures"),
					wording_verdict_counts(v, counts, sizeof(counts))),
			   width, STYLE_TARGETS);
}

static void
section_detail(struct browser *b, const struct entry *e, int cur, int width,
	       struct lines *l)
{
	const struct mn_section *s = section_of(b, e);

	if (b->focus == PANE_NAV) {
		detail_section(b, e, width, l);
		notes_view_lines(b, l, s->id, width);
		return;
	}
	if (cur >= browser_item_count(b, e->arg))
		return;
	const struct mn_item *it = &s->items[browser_item_at(b, e->arg, cur)];
	/* the section's heading whole above the item: the content pane's
	 * header cuts a long one, and the section's own detail shows only
	 * beside the navigator (120 columns) */
	section_heading(l, e->arg, s, width, STYLE_DIM);
	lines_blank(l);
	detail_item(b, it, width, l);
	notes_view_lines(b, l, it->id, width);
}

static bool
section_matches(struct browser *b, const struct entry *e, int r)
{
	const struct mn_section *s = section_of(b, e);
	const char *t = r < 0 ? s->heading
			      : s->items[browser_item_at(b, e->arg, r)].text;
	size_t a, z;
	return t && *t && search_text(b->q, t, strlen(t), 0, &a, &z);
}

static const char *
section_target(struct browser *b, const struct entry *e, int cur)
{
	const struct mn_section *s = section_of(b, e);

	if (b->focus == PANE_NAV)
		return s->id;
	if (cur >= browser_item_count(b, e->arg))
		return NULL;
	return s->items[browser_item_at(b, e->arg, cur)].id;
}

static bool
section_locate(struct browser *b, int entry, int kind, int sec, int item)
{
	if (kind != 1 || b->doc->entries[entry].arg != sec)
		return false;
	if (item < 0) {
		b->doc->nav.cur = entry;
		b->focus = PANE_NAV;
		return true;
	}
	browser_goto_item(b, entry, item);
	b->doc->detail.cur = 0;
	b->focus = PANE_CONTENT;
	return true;
}

static int
section_next_open(struct browser *b, const struct entry *e, int item, int dir)
{
	const struct mn_section *s = section_of(b, e);

	if (!b->doc->notes)
		return -1;
	for (int i = item + dir; i >= 0 && i < (int)s->nitems; i += dir)
		if (notes_open_count(b->doc->notes, s->items[i].id))
			return i;
	return -1;
}

const struct entry_ops entry_section = {
	.name = "section",
	.add = section_add,
	.count = section_count,
	.nav = section_nav,
	.header = section_header,
	.layout = section_layout,
	.gap = true,
	.detail_header = section_detail_header,
	.detail = section_detail,
	.matches = section_matches,
	.target = section_target,
	.locate = section_locate,
	.next_open = section_next_open,
};
