/* entry_orphans.c - the navigator's "Orphaned notes" entry (only when
 * some notes' elements are gone from the minutes): one record per note,
 * with what it was about; :attach ID gives it a new element. */
#include <stdio.h>
#include <string.h>

#include "entries.h"
#include "entry_shared.h"
#include "nls.h"
#include "notes_view.h"

extern const struct entry_ops entry_orphans;

static size_t
orphans(const struct doc *d, const struct note *const **v)
{
	return d->notes ? notes_orphans(d->notes, v) : 0;
}

static void
orphans_add(const struct doc *d, struct entry *v, int *n)
{
	if (orphans(d, NULL))
		v[(*n)++] = (struct entry){ &entry_orphans, 0 };
}

static int
orphans_count(struct browser *b, const struct entry *e)
{
	(void)e;
	return (int)orphans(b->doc, NULL);
}

static void
orphans_nav(struct browser *b, const struct entry *e, struct entry_nav *out)
{
	(void)e;
	out->sym = "✎";
	out->sym_st = STYLE_NOTE;
	out->label = _("Orphaned notes");
	snprintf(out->count, sizeof(out->count), " (%zu)", orphans(b->doc, NULL));
	out->open = 0;
}

static void
orphans_header(struct browser *b, const struct entry *e, char *buf,
	       size_t size)
{
	(void)e;
	snprintf(buf, size, "%s (%zu) · %s", _("Orphaned notes"),
		 orphans(b->doc, NULL), _(":attach ID re-attaches one"));
}

static void
orphans_layout(struct browser *b, const struct entry *e, int idx, int width,
	       struct lines *l)
{
	const struct note *const *v;
	size_t n = orphans(b->doc, &v);

	(void)e;
	if ((size_t)idx < n) {
		const struct note *nt = v[idx];
		const char *lead = lines_printf(l, "%s:", nt->target);
		lines_add(l, NULL, STYLE_NORMAL, 0, lead, 0,
			  (uint32_t)strlen(lead), STYLE_LABEL);
		lines_wrap(l, NULL, STYLE_NORMAL, 2, nt->quote, width, STYLE_DIM);
		lines_wrap(l, "✎", STYLE_NOTE, 2, nt->text, width, STYLE_NORMAL);
	}
	lines_blank(l);
}

static void
orphans_detail_header(struct browser *b, const struct entry *e, char *buf,
		      size_t size)
{
	(void)b;
	(void)e;
	snprintf(buf, size, "%s", _("Orphaned note"));
}

static void
orphans_detail(struct browser *b, const struct entry *e, int cur, int width,
	       struct lines *l)
{
	const struct note *const *v;
	size_t n = orphans(b->doc, &v);

	(void)e;
	if (cur < 0 || (size_t)cur >= n)
		return;
	lines_wrap(l, NULL, STYLE_NORMAL, 0,
		   lines_printf(l, _("This note's element, %s, is gone from the minutes. It was about:"),
				v[cur]->target),
		   width, STYLE_MISSED);
	lines_wrap(l, NULL, STYLE_NORMAL, 2, v[cur]->quote, width, STYLE_DIM);
	lines_wrap(l, NULL, STYLE_NORMAL, 0,
		   _(":attach ID attaches it to another element."), width,
		   STYLE_DIM);
	notes_view_lines(b, l, v[cur]->target, width);
}

/* a note is searched by its text and by what it was about */
static bool
orphans_matches(struct browser *b, const struct entry *e, int r)
{
	const struct note *const *v;
	size_t n = orphans(b->doc, &v);

	(void)e;
	if (r < 0 || (size_t)r >= n)
		return false;
	return entry_text_matches(b, v[r]->text) ||
	       entry_text_matches(b, v[r]->quote);
}

static const struct note *
orphans_note(struct browser *b, const struct entry *e, int cur)
{
	const struct note *const *v;
	size_t n = orphans(b->doc, &v);

	(void)e;
	return cur >= 0 && (size_t)cur < n ? v[cur] : NULL;
}

const struct entry_ops entry_orphans = {
	.name = "orphans",
	.add = orphans_add,
	.count = orphans_count,
	.nav = orphans_nav,
	.header = orphans_header,
	.layout = orphans_layout,
	.gap = true,
	.detail_header = orphans_detail_header,
	.detail = orphans_detail,
	.matches = orphans_matches,
	.target = entry_no_target,
	.locate = entry_no_locate,
	.note = orphans_note,
};
