/* notes_view.c - notes laid out as lines (see notes_view.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nls.h"
#include "notes_view.h"
#include "wording.h"
#include "xalloc.h"

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

/* the cut line: the note ends above it */
#define CUT_LINE "# ------------------------ >8 ------------------------"

/* Appends to *OUT (length *N) the lines of S, each behind "# " (and
 * PREFIX after it). */
static void
comment_lines(char **out, size_t *n, const char *prefix, const char *s)
{
	while (s) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		char *line = xasprintf("# %s%.*s\n", prefix, (int)len, s);
		size_t ll = strlen(line);
		*out = xrealloc(*out, *n + ll + 1);
		memcpy(*out + *n, line, ll + 1);
		*n += ll;
		free(line);
		s = nl ? nl + 1 : NULL;
	}
}

char *
notes_view_template(const char *text, const char *about, const char *quote)
{
	char *out = xasprintf("%s%s\n%s\n", text, *text ? "\n" : "", CUT_LINE);
	size_t n = strlen(out);

	comment_lines(&out, &n, "", _("The note is what is above the line; the lines behind # are left out."));
	comment_lines(&out, &n, "", about);
	if (quote && *quote)
		comment_lines(&out, &n, "> ", quote);
	return out;
}

static void
trim_ends(char *s)
{
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	s[n] = '\0';
}

void
notes_view_untemplate(char *text)
{
	size_t cl = strlen(CUT_LINE);
	char *p = text;

	while (p && !(strncmp(p, CUT_LINE, cl) == 0 &&
		      (p[cl] == '\n' || p[cl] == '\r' || p[cl] == '\0'))) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	if (!p) {
		trim_ends(text);
		return;
	}
	/* below the cut line: the comment lines go, any other line (added
	 * at the file's end) is kept after the note */
	char *after = xstrdup(p + cl);
	size_t an = 0;
	*p = '\0';
	trim_ends(text);
	for (char *r = after; *r;) {
		size_t len = strcspn(r, "\n");
		char *next = r + len + (r[len] == '\n');
		if (len && r[len - 1] == '\r')
			len--;
		if (r[0] != '#' && (len || an)) {
			memmove(after + an, r, len);
			an += len;
			after[an++] = '\n';
		}
		r = next;
	}
	after[an] = '\0';
	trim_ends(after);
	if (*after) {
		size_t tn = strlen(text);
		/* the text shrank or kept its size: room for the lines kept */
		memmove(text + tn + (tn > 0), after, strlen(after) + 1);
		if (tn)
			text[tn] = '\n';
	}
	free(after);
}
