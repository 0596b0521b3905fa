/* ui_notes.c - the reviewers' notes in the browser: what is selected,
 * the notes in the detail pane, adding, editing, resolving, deleting,
 * the open-notes filter and jumps. */
#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "nls.h"
#include "view.h"

enum { ASK_DISCARD_NEW = 1, ASK_DISCARD_EDIT, ASK_DELETE };

/* --- what is selected ---------------------------------------------------- */

const char *
ui_target(struct ui *ui)
{
	struct doc *d = ui->doc;
	if (!d || !d->m)
		return NULL;
	int entry = ui_entry(ui), cur = ui_content_cur(ui);
	switch (entry) {
	case ENTRY_MEETING:
		return *d->m->id ? d->m->id : NULL;
	case ENTRY_ATTENDEES:
		if (cur >= (int)d->m->npersons)
			return NULL;
		return d->m->persons[person_at(ui, cur)].id;
	case ENTRY_PROBLEMS:
	case ENTRY_ORPHANS:
		return NULL;
	default:
		if (ui->focus == PANE_NAV)
			return d->m->sections[entry].id;
		if (cur >= ui_item_count(ui, entry))
			return NULL;
		return d->m->sections[entry].items[ui_item_at(ui, entry, cur)].id;
	}
}

/* --- the open-notes filter ------------------------------------------------ */

static void
filter_build(struct ui *ui, int entry)
{
	const struct doc *d = ui->doc;
	if (ui->fdoc == d && ui->fentry == entry && ui->fgen == ui->notes_gen &&
	    ui->fidx)
		return;
	const struct mn_section *s = &d->m->sections[entry];
	int *v = realloc(ui->fidx, ((size_t)s->nitems + 1) * sizeof(int));
	if (!v)
		return;
	ui->fidx = v;
	ui->nfidx = 0;
	for (uint32_t i = 0; i < s->nitems; i++)
		if (d->notes && notes_open_count(d->notes, s->items[i].id))
			ui->fidx[ui->nfidx++] = (int)i;
	ui->fdoc = d;
	ui->fentry = entry;
	ui->fgen = ui->notes_gen;
}

int
ui_item_count(struct ui *ui, int entry)
{
	if (!ui->filter_open)
		return (int)ui->doc->m->sections[entry].nitems;
	filter_build(ui, entry);
	return ui->nfidx;
}

int
ui_item_at(struct ui *ui, int entry, int shown)
{
	if (!ui->filter_open)
		return shown;
	filter_build(ui, entry);
	return shown >= 0 && shown < ui->nfidx ? ui->fidx[shown] : 0;
}

int
ui_shown_of(struct ui *ui, int entry, int item)
{
	if (!ui->filter_open)
		return item;
	filter_build(ui, entry);
	for (int i = 0; i < ui->nfidx; i++)
		if (ui->fidx[i] == item)
			return i;
	return -1;
}

/* --- notes in the detail pane ------------------------------------------- */

/* a note's time as notes_format_time writes it, the date the interface's
 * way (16/01/2020 08:53 +07 in Vietnamese) */
const char *
note_time(time_t t, char *buf, size_t size)
{
	char iso[64], day[11], shown[64];
	notes_format_time(t, iso, sizeof(iso));
	if (strlen(iso) < 11 || iso[10] != ' ')
		return notes_format_time(t, buf, size);
	memcpy(day, iso, 10);
	day[10] = '\0';
	snprintf(buf, size, "%s%s", nls_date(day, shown, sizeof(shown)), iso + 10);
	return buf;
}

const struct note *
ui_selected_note(struct ui *ui)
{
	struct doc *d = ui->doc;
	const struct note *const *v;
	size_t n;

	if (!d || !d->m || !d->notes)
		return NULL;
	if (ui_entry(ui) == ENTRY_ORPHANS) {
		n = notes_orphans(d->notes, &v);
		int cur = ui_content_cur(ui);
		return cur >= 0 && (size_t)cur < n ? v[cur] : NULL;
	}
	const char *id = ui_target(ui);
	if (!id)
		return NULL;
	if (strcmp(id, ui->note_target) != 0) {
		snprintf(ui->note_target, sizeof(ui->note_target), "%s", id);
		ui->note_sel = 0;
	}
	n = notes_for_target(d->notes, id, &v);
	if (n == 0)
		return NULL;
	if (ui->note_sel >= (int)n)
		ui->note_sel = (int)n - 1;
	if (ui->note_sel < 0)
		ui->note_sel = 0;
	return v[ui->note_sel];
}

void
notes_lines(struct ui *ui, struct lines *l, const char *id, int width)
{
	struct notes_store *ns = ui->doc->notes;
	const struct note *const *v;
	const struct note *sel;
	size_t n, open;
	char *buf, when[64];

	if (!ns || !id || !(n = notes_for_target(ns, id, &v)))
		return;
	sel = ui_selected_note(ui);
	open = notes_open_count(ns, id);
	lines_add(l, NULL, STYLE_NORMAL, 0, NULL, 0, 0, STYLE_NORMAL);
	if (asprintf(&buf, "%s (%zu, %zu %s)", _("Notes"), n, open, _("open")) >= 0)
		lines_wrap(l, NULL, STYLE_NORMAL, 0, ui_scratch(ui, buf), width,
			   STYLE_NOTE);
	for (size_t i = 0; i < n; i++) {
		const struct note *nt = v[i];
		bool is_sel = nt == sel;
		char by[300] = "";
		if (nt->status == NOTES_RESOLVED && nt->status_by &&
		    strcmp(nt->status_by, nt->author) != 0)
			snprintf(by, sizeof(by), " %s %s", _("by"), nt->status_by);
		if (asprintf(&buf, "%s %s · %s%s — %s · %s", is_sel ? "▶" : "•",
			     notes_kind_label(nt->kind),
			     notes_status_label(nt->status), by, nt->author,
			     note_time(nt->created, when, sizeof(when))) < 0)
			continue;
		if (is_sel)
			ui->note_line = l->n;
		lines_wrap(l, NULL, STYLE_NORMAL, 0, ui_scratch(ui, buf), width,
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

/* --- changing notes ------------------------------------------------------- */

static bool
notes_usable(struct ui *ui)
{
	struct doc *d = ui->doc;
	if (!d || !d->m) {
		ui_message(ui, true, "%s", _("Open a meeting first"));
		return false;
	}
	if (!d->notes) {
		ui_message(ui, true, "%s", _("Notes are not available"));
		return false;
	}
	if (notes_readonly(d->notes)) {
		ui_message(ui, true, "%s", d->notice[0] ? d->notice
			   : _("Notes are read-only: your notes file is malformed"));
		return false;
	}
	return true;
}

static void
report_result(struct ui *ui, enum notes_result r, const struct notes_error *err,
	      const char *done)
{
	if (r == NOTES_OK) {
		if (notes_fallback(ui->doc->notes)) {
			const char *dir = notes_dir(ui->doc->notes);
			char *safe = text_sanitize(dir, strlen(dir), false);
			ui_message(ui, false, _("%s (saved in %s: the minutes' folder is not writable)"),
				   done, safe ? safe : "");
			free(safe);
		} else {
			ui_message(ui, false, "%s", done);
		}
	} else {
		char *safe = text_sanitize(err->msg, strlen(err->msg), false);
		ui_message(ui, true, "%s", safe ? safe : "");
		free(safe);
	}
	ui_notes_changed(ui);
}

static bool
text_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\n' && *s != '\t')
			return false;
	return true;
}

static void
note_add(struct ui *ui, const char *target, enum notes_kind kind,
	 const char *text)
{
	struct notes_error err;
	const struct note *added = NULL;

	if (text_blank(text)) {
		ui_message(ui, false, "%s", _("An empty note is not saved"));
		return;
	}
	enum notes_result r = notes_add(ui->doc->notes, target, kind, text,
					&added, &err);
	report_result(ui, r, &err, _("Note saved"));
	if (added) {
		/* select the new note */
		const struct note *const *v;
		size_t n = notes_for_target(ui->doc->notes, target, &v);
		for (size_t i = 0; i < n; i++)
			if (strcmp(v[i]->id, added->id) == 0)
				ui->note_sel = (int)i;
		ui->note_scroll = true;
	}
}

static void
note_edit(struct ui *ui, const char *id, const char *text,
	  enum notes_kind kind)
{
	struct notes_error err;
	const struct note *nt = notes_find(ui->doc->notes, id);

	if (!nt)
		return;
	if (text_blank(text)) {
		ui_message(ui, false, "%s", _("A note cannot be empty: d deletes it"));
		return;
	}
	bool kind_changed = nt->kind != kind;
	enum notes_result r = notes_edit(ui->doc->notes, id, text, &err);
	if (r == NOTES_OK && kind_changed)
		r = notes_set_kind(ui->doc->notes, id, kind, &err);
	report_result(ui, r, &err, _("Note saved"));
}

/* $VISUAL or $EDITOR on a temporary file holding TEXT, with the screen
 * handed over and back.  The new text (malloc'd), or NULL. */
static char *
external_editor(struct ui *ui, const char *text)
{
	const char *editor = getenv("VISUAL");
	const char *tmpdir = getenv("TMPDIR");
	char path[4096];

	if (!editor || !*editor)
		editor = getenv("EDITOR");
	if (!editor || !*editor)
		editor = "vi";
	snprintf(path, sizeof(path), "%s/minutes-note-XXXXXX",
		 tmpdir && *tmpdir ? tmpdir : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0) {
		ui_message(ui, true, "%s: %s", _("cannot make a temporary file"),
			   strerror(errno));
		return NULL;
	}
	size_t len = strlen(text);
	bool ok = write(fd, text, len) == (ssize_t)len;
	close(fd);
	if (!ok) {
		unlink(path);
		return NULL;
	}
	def_prog_mode();
	endwin();
	pid_t pid = fork();
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", "eval \"$0 \\\"\\$1\\\"\"", editor,
		      path, (char *)NULL);
		_exit(127);
	}
	int status = -1;
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	char *out = NULL;
	if (pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		struct notes_error e; /* the whole file, or a message: never cut */
		if (!(out = notes_text_from_file(path, &e)))
			ui_message(ui, true, "%s", e.msg);
	} else {
		ui_message(ui, true, _("The editor (%s) failed; the note was not saved"),
			   editor);
	}
	unlink(path);
	return out;
}

static void
start_prompt(struct ui *ui, int prompt, const char *text, enum notes_kind kind)
{
	ui->prompt = prompt;
	ui->edit_kind = kind;
	ui->edit_scroll = 0;
	lineedit_set(&ui->edit, text);
}

static void
ask(struct ui *ui, int action, const char *question)
{
	ui->prompt = 'y';
	ui->question_action = action;
	snprintf(ui->question, sizeof(ui->question), "%s", question);
}

void
ui_notes_prompt_done(struct ui *ui, bool save)
{
	if (save) {
		if (ui->edit_note[0])
			note_edit(ui, ui->edit_note, ui->edit.buf, ui->edit_kind);
		else
			note_add(ui, ui->edit_target, ui->edit_kind, ui->edit.buf);
		lineedit_clear(&ui->edit);
		return;
	}
	if (ui->edit.len == 0) {
		ui_message(ui, false, "%s", _("Cancelled"));
		return;
	}
	ask(ui, ui->edit_note[0] ? ASK_DISCARD_EDIT : ASK_DISCARD_NEW,
	    _("Discard what you typed?"));
}

void
ui_notes_answer(struct ui *ui, bool yes)
{
	struct notes_error err;

	switch (ui->question_action) {
	case ASK_DISCARD_NEW:
	case ASK_DISCARD_EDIT:
		if (yes) {
			lineedit_clear(&ui->edit);
			ui_message(ui, false, "%s", _("Discarded"));
		} else {
			/* back to the editor, text and cursor as they were */
			ui->prompt = ui->question_action == ASK_DISCARD_NEW ? 'a' : 'e';
		}
		break;
	case ASK_DELETE:
		if (yes)
			report_result(ui, notes_delete(ui->doc->notes,
						       ui->edit_note, &err),
				      &err, _("Note deleted"));
		else
			ui_message(ui, false, "%s", _("Kept"));
		break;
	}
}

void
ui_notes_attach(struct ui *ui, const char *id)
{
	struct notes_error err;
	const struct note *nt;

	if (!notes_usable(ui))
		return;
	if (!(nt = ui_selected_note(ui))) {
		ui_message(ui, true, "%s", _("Select a note first (Orphaned notes lists the lost ones)"));
		return;
	}
	char *text = notes_element_text(ui->doc->m, id);
	if (!text) {
		ui_message(ui, true, _("No element with id %.200s"), id);
		return;
	}
	free(text);
	report_result(ui, notes_reattach(ui->doc->notes, nt->id, id, &err),
		      &err, _("Note attached"));
}

/* The next (DIR 1) or previous (-1) item with an open note, in the
 * navigator's order, wrapping around. */
static void
jump_open(struct ui *ui, int dir)
{
	struct doc *d = ui->doc;
	if (!d || !d->m || !d->notes)
		return;
	int e = d->nav.cur, entry = d->entries[e];
	int i = entry >= 0 ? ui_item_at(ui, entry, ui_content_cur(ui)) : -1;
	if (entry >= 0 && ui->focus == PANE_NAV)
		i = dir > 0 ? -1 : (int)d->m->sections[entry].nitems;
	for (int step = 0; step <= d->nentries + 1; step++) {
		entry = d->entries[e];
		if (entry >= 0) {
			const struct mn_section *s = &d->m->sections[entry];
			for (i += dir; i >= 0 && i < (int)s->nitems; i += dir)
				if (notes_open_count(d->notes, s->items[i].id)) {
					ui_goto_item(ui, e, i);
					if (ui->focus == PANE_NAV)
						ui->focus = PANE_CONTENT;
					return;
				}
		}
		e += dir;
		if (e >= d->nentries)
			e = 0;
		if (e < 0)
			e = d->nentries - 1;
		entry = d->entries[e];
		i = dir > 0 ? -1 : entry >= 0 ? (int)d->m->sections[entry].nitems : 0;
	}
	ui_message(ui, false, "%s", _("No item has an open note"));
}

int
ui_notes_action(struct ui *ui, int action)
{
	struct notes_error err;
	const struct note *nt;
	const char *target;

	switch (action) {
	case ACT_NOTE_ADD:
	case ACT_NOTE_EXTERNAL:
		if (!notes_usable(ui))
			return 1;
		if (!(target = ui_target(ui))) {
			ui_message(ui, true, "%s", _("Select the meeting, an attendee, a section or an item to add a note"));
			return 1;
		}
		snprintf(ui->edit_target, sizeof(ui->edit_target), "%s", target);
		ui->edit_note[0] = '\0';
		if (action == ACT_NOTE_ADD) {
			start_prompt(ui, 'a', "", NOTES_COMMENT);
		} else {
			char *text = external_editor(ui, "");
			if (text)
				note_add(ui, target, NOTES_COMMENT, text);
			free(text);
		}
		return 1;
	case ACT_NOTE_EDIT:
	case ACT_NOTE_DELETE:
	case ACT_NOTE_KIND:
	case ACT_NOTE_RESOLVE:
		if (!notes_usable(ui))
			return 1;
		if (!(nt = ui_selected_note(ui))) {
			ui_message(ui, true, "%s", _("There is no note here"));
			return 1;
		}
		if (action == ACT_NOTE_RESOLVE) {
			bool was_open = nt->status == NOTES_OPEN;
			report_result(ui, notes_toggle_status(ui->doc->notes, nt->id, &err),
				      &err, was_open ? _("Note resolved") : _("Note reopened"));
			return 1;
		}
		if (!nt->own) {
			ui_message(ui, true, _("This note is %.100s's: only your own notes can be changed"),
				   nt->author);
			return 1;
		}
		snprintf(ui->edit_note, sizeof(ui->edit_note), "%s", nt->id);
		ui->edit_target[0] = '\0';
		if (action == ACT_NOTE_DELETE) {
			ask(ui, ASK_DELETE, _("Delete this note?"));
		} else if (action == ACT_NOTE_KIND) {
			enum notes_kind k = (nt->kind + 1) % (NOTES_AGREED + 1);
			report_result(ui, notes_set_kind(ui->doc->notes, nt->id, k, &err),
				      &err, notes_kind_label(k));
		} else if (strchr(nt->text, '\n')) {
			/* several lines: edit them where lines are kept */
			char *text = external_editor(ui, nt->text);
			if (text)
				note_edit(ui, ui->edit_note, text, nt->kind);
			free(text);
		} else {
			start_prompt(ui, 'e', nt->text, nt->kind);
		}
		return 1;
	case ACT_NOTE_NEXT:
	case ACT_NOTE_PREV:
		ui->note_sel += action == ACT_NOTE_NEXT ? 1 : -1;
		if (ui->note_sel < 0)
			ui->note_sel = 0;
		ui->note_scroll = true;
		return 1;
	case ACT_OPEN_NEXT:
		jump_open(ui, 1);
		return 1;
	case ACT_OPEN_PREV:
		jump_open(ui, -1);
		return 1;
	case ACT_FILTER:
		ui->filter_open = !ui->filter_open;
		ui->notes_gen++;
		if (ui->doc && ui->doc->content)
			for (int e = 0; e < ui->doc->nentries; e++)
				ui->doc->content[e].cur = ui->doc->content[e].top = 0;
		ui_message(ui, false, "%s", ui->filter_open
			   ? _("Only items with open notes (f shows all)")
			   : _("Every item"));
		return 1;
	default:
		return 0;
	}
}
