/* pane_nav.c - the navigator: meeting, attendees, every section. */
#include <stdio.h>
#include <string.h>

#include "nls.h"
#include "view.h"

static int
nav_count(struct ui *ui)
{
	return ui->doc ? ui->doc->nentries : 0;
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
nav_draw(struct ui *ui, int idx, struct rect r, int skip, bool selected)
{
	struct doc *d = ui->doc;
	int entry = d->entries[idx];
	char count[64];
	const char *sym = " ", *label;
	enum style st = STYLE_NORMAL;

	(void)skip;
	(void)selected;
	switch (entry) {
	case ENTRY_MEETING:
		label = _("Meeting");
		count[0] = '\0';
		break;
	case ENTRY_ATTENDEES:
		label = _("Attendees");
		snprintf(count, sizeof(count), " (%u)", d->m->npersons);
		break;
	case ENTRY_PROBLEMS:
		sym = "!";
		st = STYLE_ERROR;
		label = _("Problems");
		snprintf(count, sizeof(count), " (%u)", d->m->nproblems);
		break;
	case ENTRY_ORPHANS:
		sym = "✎";
		st = STYLE_NOTE;
		label = _("Orphaned notes");
		snprintf(count, sizeof(count), " (%zu)",
			 notes_orphans(d->notes, NULL));
		break;
	default: {
		const struct mn_section *s = &d->m->sections[entry];
		sym = mn_kind_symbol(s->kind);
		st = kind_style(s->kind);
		label = s->heading;
		snprintf(count, sizeof(count), " (%u)", s->nitems);
	}
	}
	size_t open = 0;
	if (d->notes && entry >= 0)
		open = notes_section_open_count(d->notes, (size_t)entry);
	else if (d->notes && entry == ENTRY_MEETING)
		open = notes_open_count(d->notes, d->m->id);
	else if (d->notes && entry == ENTRY_ATTENDEES)
		for (uint32_t i = 0; i < d->m->npersons; i++)
			open += notes_open_count(d->notes, d->m->persons[i].id);
	if (open)
		snprintf(count + strlen(count), sizeof(count) - strlen(count),
			 " ✎%zu", open);
	int cw = text_width(count, strlen(count));
	draw_str(r.y, r.x, 1, sym, st);
	if (r.w <= 2)
		return;
	int avail = r.w - 2 - cw;
	if (avail < 4) {
		draw_str(r.y, r.x + 2, r.w - 2, label, STYLE_NORMAL);
		return;
	}
	int lw = draw_str(r.y, r.x + 2, avail, label, STYLE_NORMAL);
	draw_str(r.y, r.x + 2 + lw, cw, count, STYLE_DIM);
}

static void
nav_header(struct ui *ui, char *buf, size_t size)
{
	(void)ui;
	snprintf(buf, size, "%s", _("Contents"));
}

static struct cursor *
nav_cursor(struct ui *ui)
{
	return &ui->doc->nav;
}

const struct pane_ops pane_nav_ops = {
	.name = "navigator",
	.count = nav_count,
	.height = NULL,
	.draw = nav_draw,
	.header = nav_header,
	.cursor = nav_cursor,
};
