/* notes_view.c - notes laid out as lines (see notes_view.h). */
#include <stdio.h>
#include <string.h>

#include "nls.h"
#include "notes_view.h"
#include "wording.h"

void
notes_view_lines(struct browser *b, struct lines *l, const char *id,
		 int width)
{
	struct notes_store *ns = b->doc->notes;
	const struct note *const *v;
	const struct note *sel = NULL;
	size_t n, open;
	char when[64];

	if (!ns || !id || !(n = notes_for_target(ns, id, &v)))
		return;
	if (strcmp(id, b->note_target) == 0 && b->note_sel >= 0 &&
	    (size_t)b->note_sel < n)
		sel = v[b->note_sel];
	open = notes_open_count(ns, id);
	lines_blank(l);
	lines_wrap(l, NULL, STYLE_NORMAL, 0,
		   lines_printf(l, "%s (%zu, %zu %s)", _("Notes"), n, open,
				_("open")),
		   width, STYLE_NOTE);
	for (size_t i = 0; i < n; i++) {
		const struct note *nt = v[i];
		bool is_sel = nt == sel;
		const char *by = "";
		if (nt->status == NOTES_RESOLVED && nt->status_by &&
		    strcmp(nt->status_by, nt->author) != 0)
			by = lines_printf(l, " %s %s", _("by"), nt->status_by);
		const char *head = lines_printf(l, "%s %s · %s%s — %s · %s",
			is_sel ? "▶" : "•", notes_kind_label(nt->kind),
			notes_status_label(nt->status), by, nt->author,
			wording_time(nt->created, when, sizeof(when)));
		if (is_sel)
			b->note_line = l->n;
		lines_wrap(l, NULL, STYLE_NORMAL, 0, head, width,
			   is_sel ? STYLE_LABEL
			   : nt->status == NOTES_OPEN ? STYLE_NOTE : STYLE_DIM);
		if (nt->anchor == NOTES_CHANGED) {
			lines_wrap(l, NULL, STYLE_NORMAL, 2,
				   _("text changed since this note; it was:"),
				   width, STYLE_MISSED);
			lines_wrap(l, NULL, STYLE_NORMAL, 4, nt->quote, width,
				   STYLE_DIM);
		}
		lines_wrap(l, NULL, STYLE_NORMAL, 2, nt->text, width,
			   nt->status == NOTES_OPEN ? STYLE_NORMAL : STYLE_DIM);
	}
}

void
notes_view_marker(struct browser *b, struct lines *l, const char *id,
		  int indent, int width)
{
	struct notes_store *ns = b->doc->notes;
	size_t all, open;

	if (!ns || !id || !(all = notes_for_target(ns, id, NULL)))
		return;
	open = notes_open_count(ns, id);
	const char *t = lines_printf(l, "✎ %zu %s · %zu %s", open, _("open"),
				     all, ngettext("note", "notes", all));
	int used;
	size_t fit = text_fit(t, strlen(t), width - indent, &used);
	lines_add(l, NULL, STYLE_NORMAL, indent, t, 0, (uint32_t)fit,
		  open ? STYLE_NOTE : STYLE_DIM);
}
