/* notes_view.c - notes laid out as lines (see notes_view.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nls.h"
#include "notes_view.h"
#include "wording.h"
#include "xalloc.h"

static int
ptr_cmp(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)*(const struct note *const *)a;
	uintptr_t y = (uintptr_t)*(const struct note *const *)b;
	return (x > y) - (x < y);
}

/* where note NT is among the SORTED ones, or -1 */
static long
place_of(const struct note *const *sorted, size_t n, const struct note *nt)
{
	const struct note *const *p = bsearch(&nt, sorted, n, sizeof(*sorted),
					      ptr_cmp);
	return p ? (long)(p - sorted) : -1;
}

struct thread {
	const struct notes_store *ns;
	const struct note **sorted; /* the element's notes, by address */
	bool *done;
	size_t n, k;
	const struct note **out;
	int *depth;
};

/* NT and its answers below it, each once (a loop of replies in a
 * hostile file ends where a note comes again) */
static void
thread_add(struct thread *t, const struct note *nt, int depth)
{
	long at = place_of(t->sorted, t->n, nt);
	if (at < 0 || t->done[at])
		return;
	t->done[at] = true;
	t->out[t->k] = nt;
	t->depth[t->k++] = depth;
	const struct note *const *r;
	size_t nr = notes_replies(t->ns, nt->id, &r);
	for (size_t i = 0; i < nr; i++)
		thread_add(t, r[i], depth < 8 ? depth + 1 : depth);
}

size_t
notes_view_thread(const struct notes_store *ns, const char *id,
		  const struct note ***out, int **depth)
{
	const struct note *const *v;
	size_t n = ns && id ? notes_for_target(ns, id, &v) : 0;
	struct thread t = { .ns = ns, .n = n };

	*out = NULL;
	if (depth)
		*depth = NULL;
	if (!n)
		return 0;
	t.sorted = xmalloc(n * sizeof(*t.sorted));
	memcpy(t.sorted, v, n * sizeof(*t.sorted));
	qsort(t.sorted, n, sizeof(*t.sorted), ptr_cmp);
	t.done = xcalloc(n, sizeof(*t.done));
	t.out = xmalloc(n * sizeof(*t.out));
	t.depth = xmalloc(n * sizeof(*t.depth));
	/* the notes that answer none here first, then what is left (a
	 * loop of answers) */
	for (size_t i = 0; i < n; i++)
		if (!v[i]->reply_to || !notes_find(ns, v[i]->reply_to) ||
		    strcmp(notes_find(ns, v[i]->reply_to)->target, id) != 0)
			thread_add(&t, v[i], 0);
	for (size_t i = 0; i < n; i++)
		thread_add(&t, v[i], 0);
	free(t.sorted);
	free(t.done);
	*out = t.out;
	if (depth)
		*depth = t.depth;
	else
		free(t.depth);
	return t.k;
}

/* "accepted — tiếp thu" and the like: what an answer says of the note */
static const char *
answer_word(struct lines *l, const struct note *nt)
{
	if (nt->kind == NOTES_RESPONSE)
		return lines_printf(l, "↳ %s", notes_disposition_label(nt->disposition));
	return lines_printf(l, "↳ %s", notes_kind_label(nt->kind));
}

void
notes_view_lines(struct browser *b, struct lines *l, const char *id,
		 int width)
{
	struct notes_store *ns = b->doc->notes;
	const struct note **v;
	const struct note *sel = NULL;
	int *depth;
	size_t n, open, answers = 0;
	char when[64];

	if (!ns || !id || !(n = notes_view_thread(ns, id, &v, &depth)))
		return;
	if (strcmp(id, b->note_target) == 0 && b->note_sel >= 0 &&
	    (size_t)b->note_sel < n)
		sel = v[b->note_sel];
	open = notes_open_count(ns, id);
	for (size_t i = 0; i < n; i++)
		answers += depth[i] > 0;
	lines_blank(l);
	lines_wrap(l, NULL, STYLE_NORMAL, 0,
		   answers ? lines_printf(l, "%s (%zu, %zu %s, %zu %s)", _("Notes"),
					  n - answers, open, _("open"), answers,
					  ngettext("answer", "answers", answers))
			   : lines_printf(l, "%s (%zu, %zu %s)", _("Notes"), n, open,
					  _("open")),
		   width, STYLE_NOTE);
	for (size_t i = 0; i < n; i++) {
		const struct note *nt = v[i];
		bool is_sel = nt == sel;
		int in = depth[i] * 2; /* an answer under its note */
		if (in > width / 3)
			in = width / 3;
		const char *by = "";
		if (nt->status == NOTES_RESOLVED && nt->status_by &&
		    strcmp(nt->status_by, nt->author) != 0)
			by = lines_printf(l, " %s %s", _("by"), nt->status_by);
		const char *unsaved = nt->unsaved
			? lines_printf(l, " · %s", _("NOT SAVED")) : "";
		const char *head = depth[i]
			? lines_printf(l, "%s %s — %s · %s%s",
				is_sel ? "▶" : "•", answer_word(l, nt), nt->author,
				wording_time(nt->created, when, sizeof(when)), unsaved)
			: lines_printf(l, "%s %s · %s%s — %s · %s%s",
				is_sel ? "▶" : "•", notes_kind_label(nt->kind),
				notes_status_label(nt->status), by, nt->author,
				wording_time(nt->created, when, sizeof(when)), unsaved);
		if (is_sel)
			b->note_line = l->n;
		lines_wrap(l, NULL, STYLE_NORMAL, in, head, width,
			   nt->unsaved ? STYLE_MISSED
			   : is_sel ? STYLE_LABEL
			   : depth[i] || nt->status == NOTES_OPEN ? STYLE_NOTE : STYLE_DIM);
		if (nt->anchor == NOTES_CHANGED) {
			lines_wrap(l, NULL, STYLE_NORMAL, in + 2,
				   _("text changed since this note; it was:"),
				   width, STYLE_MISSED);
			lines_wrap(l, NULL, STYLE_NORMAL, in + 4, nt->quote, width,
				   STYLE_DIM);
		}
		lines_wrap(l, NULL, STYLE_NORMAL, in + 2, nt->text, width,
			   depth[i] || nt->status == NOTES_OPEN ? STYLE_NORMAL : STYLE_DIM);
	}
	free(v);
	free(depth);
}

void
notes_view_marker(struct browser *b, struct lines *l, const char *id,
		  int indent, int width)
{
	struct notes_store *ns = b->doc->notes;
	const struct note *const *v;
	size_t all, open, notes = 0, answered = 0, unsaved = 0;

	if (!ns || !id || !(all = notes_for_target(ns, id, &v)))
		return;
	open = notes_open_count(ns, id);
	for (size_t i = 0; i < all; i++) {
		notes += !v[i]->reply_to;
		answered += !v[i]->reply_to && v[i]->answered;
		unsaved += v[i]->unsaved;
	}
	if (notes == 0)
		notes = all; /* answers to notes elsewhere only */
	const char *t = lines_printf(l, "✎ %zu %s · %zu %s", open, _("open"),
				     notes, ngettext("note", "notes", notes));
	if (answered)
		t = lines_printf(l, "%s · %zu %s", t, answered, _("answered"));
	if (unsaved)
		t = lines_printf(l, "%s · %zu %s", t, unsaved, _("NOT SAVED"));
	int used;
	size_t fit = text_fit(t, strlen(t), width - indent, &used);
	lines_add(l, NULL, STYLE_NORMAL, indent, t, 0, (uint32_t)fit,
		  unsaved ? STYLE_MISSED : open ? STYLE_NOTE : STYLE_DIM);
}

size_t
notes_view_answered(struct browser *b, int where)
{
	struct doc *d = b->doc;
	const struct minutes *m = d->m;

	if (!d->notes || where < 0 || (uint32_t)where >= m->nsections + 2)
		return 0;
	if (!d->answered || d->answered_gen != b->notes_gen) {
		free(d->answered);
		d->answered = xcalloc((size_t)m->nsections + 2, sizeof(*d->answered));
		d->answered_gen = b->notes_gen;
		for (size_t i = 0, n = notes_count(d->notes); i < n; i++) {
			const struct note *nt = notes_get(d->notes, i);
			int sec, item;
			if (nt->reply_to || !nt->answered || nt->anchor == NOTES_ORPHAN)
				continue;
			switch (minutes_find_id(m, nt->target, &sec, &item)) {
			case 1: d->answered[2 + sec]++; break;
			case 2: d->answered[1]++; break;
			case 3: d->answered[0]++; break;
			default: break;
			}
		}
	}
	return d->answered[where];
}

const char *
notes_view_review(struct browser *b)
{
	struct doc *d = b->doc;
	struct notes_review_state rs;

	if (!d || !d->notes)
		return "";
	if (!d->review_title || d->review_gen != b->notes_gen) {
		free(d->review_title);
		notes_review(d->notes, &rs);
		d->review_title = rs.state != NOTES_REVIEW_NONE
					  ? notes_review_label(d->notes)
					  : xstrdup("");
		d->review_gen = b->notes_gen;
	}
	return d->review_title;
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
