/* act_notes.c - the notes actions (see act_notes.h and actions.def). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "act_notes.h"
#include "actions.h"
#include "doc.h"
#include "navigate.h"
#include "nls.h"
#include "notes_view.h"
#include "prompt.h"
#include "wording.h"
#include "xalloc.h"

static void
say_result(struct ui *ui, enum notes_result r, const struct notes_error *err,
	   const char *done)
{
	struct browser *b = &ui->b;

	if (r == NOTES_OK) {
		if (notes_fallback(b->doc->notes)) {
			const char *dir = notes_dir(b->doc->notes);
			char *safe = text_sanitize(dir, strlen(dir), false);
			browser_message(b, false, _("%s (saved in %s: the minutes' folder is not writable)"),
					done, safe ? safe : "");
			free(safe);
		} else {
			browser_message(b, false, "%s", done);
		}
	} else {
		char *safe = text_sanitize(err->msg, strlen(err->msg), false);
		browser_message(b, true, "%s", safe ? safe : "");
		free(safe);
	}
	doc_notes_changed(b);
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
	struct browser *b = &ui->b;
	struct notes_error err;
	const struct note *added = NULL;

	if (text_blank(text)) {
		browser_message(b, false, "%s", _("An empty note is not saved"));
		return;
	}
	enum notes_result r = notes_add(b->doc->notes, target, kind, text,
					&added, &err);
	say_result(ui, r, &err, _("Note saved"));
	if (added) {
		/* select the new note */
		const struct note *const *v;
		size_t n = notes_for_target(b->doc->notes, target, &v);
		for (size_t i = 0; i < n; i++)
			if (strcmp(v[i]->id, added->id) == 0)
				b->note_sel = (int)i;
		b->note_scroll = true;
	}
}

static void
note_edit(struct ui *ui, const char *id, const char *text,
	  enum notes_kind kind)
{
	struct notes_error err;
	const struct note *nt = notes_find(ui->b.doc->notes, id);

	if (!nt)
		return;
	if (text_blank(text)) {
		browser_message(&ui->b, false, "%s",
				_("A note cannot be empty: d deletes it"));
		return;
	}
	bool kind_changed = nt->kind != kind;
	enum notes_result r = notes_edit(ui->b.doc->notes, id, text, &err);
	if (r == NOTES_OK && kind_changed)
		r = notes_set_kind(ui->b.doc->notes, id, kind, &err);
	say_result(ui, r, &err, _("Note saved"));
}

/* the loop hands the screen to $EDITOR after this key */
static void
editor_request(struct ui *ui, const char *text, const char *target,
	       enum notes_kind kind)
{
	char *quote = notes_element_text(ui->b.doc->m, target);

	free(ui->editor.text);
	free(ui->editor.orig);
	ui->editor.text = notes_view_template(text, ui->edit_about, quote);
	ui->editor.orig = xstrdup(text);
	free(quote);
	ui->editor.kind = kind;
	ui->editor.pending = true;
}

void
act_notes_editor_done(struct ui *ui, char *text)
{
	if (!text)
		return;
	notes_view_untemplate(text);
	if (strcmp(text, ui->editor.orig ? ui->editor.orig : "") == 0) {
		browser_message(&ui->b, false, "%s", ui->edit_note[0]
				? _("No change: the note is as it was")
				: _("Nothing was written: no note added"));
		return;
	}
	if (ui->edit_note[0])
		note_edit(ui, ui->edit_note, text, ui->editor.kind);
	else
		note_add(ui, ui->edit_target, ui->editor.kind, text);
}

void
act_notes_prompt_done(struct ui *ui, bool save)
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
		browser_message(&ui->b, false, "%s", _("Cancelled"));
		return;
	}
	prompt_ask(ui, ui->edit_note[0] ? ASK_DISCARD_EDIT : ASK_DISCARD_NEW,
		   _("Discard what you typed?"));
}

void
act_notes_answer(struct ui *ui, bool yes)
{
	struct notes_error err;

	switch (ui->question_action) {
	case ASK_DISCARD_NEW:
	case ASK_DISCARD_EDIT:
		if (yes) {
			lineedit_clear(&ui->edit);
			browser_message(&ui->b, false, "%s", _("Discarded"));
		} else {
			/* back to the editor, text and cursor as they were */
			ui->prompt = ui->question_action == ASK_DISCARD_NEW
				? PROMPT_NOTE_ADD : PROMPT_NOTE_EDIT;
		}
		break;
	case ASK_DELETE:
		if (yes)
			say_result(ui, notes_delete(ui->b.doc->notes, ui->edit_note,
						    &err),
				   &err, _("Note deleted"));
		else
			browser_message(&ui->b, false, "%s", _("Kept"));
		break;
	}
}

void
act_notes_attach(struct ui *ui, const char *id)
{
	struct notes_error err;
	const struct note *nt;
	char cut[256];

	if (!(nt = navigate_sync_note(&ui->b))) {
		browser_message(&ui->b, true, "%s", _("Select a note first (Orphaned notes lists the lost ones)"));
		return;
	}
	char *text = notes_element_text(ui->b.doc->m, id);
	if (!text) {
		browser_message(&ui->b, true, _("No element with id %s"),
				wording_cut(id, cut, sizeof(cut)));
		return;
	}
	free(text);
	say_result(ui, notes_reattach(ui->b.doc->notes, nt->id, id, &err),
		   &err, _("Note attached"));
}

/* --- the handlers of actions.def (their preconditions are checked) --- */

void
act_note_new(struct ui *ui, enum action a)
{
	snprintf(ui->edit_target, sizeof(ui->edit_target), "%s",
		 navigate_target(&ui->b));
	wording_target(ui->b.doc->m, ui->edit_target, ui->edit_about,
		       sizeof(ui->edit_about));
	ui->edit_note[0] = '\0';
	if (a == ACT_NOTE_ADD)
		prompt_open(ui, PROMPT_NOTE_ADD, "", NOTES_COMMENT);
	else
		editor_request(ui, "", ui->edit_target, NOTES_COMMENT);
}

/* the selected note, about to be changed by its author */
static const struct note *
own_note(struct ui *ui)
{
	const struct note *nt = navigate_sync_note(&ui->b);
	snprintf(ui->edit_note, sizeof(ui->edit_note), "%s", nt->id);
	ui->edit_target[0] = '\0';
	wording_target(ui->b.doc->m, nt->target, ui->edit_about,
		       sizeof(ui->edit_about));
	return nt;
}

void
act_note_edit(struct ui *ui, enum action a)
{
	const struct note *nt = own_note(ui);

	(void)a;
	if (strchr(nt->text, '\n'))
		editor_request(ui, nt->text, nt->target, nt->kind); /* lines are kept there */
	else
		prompt_open(ui, PROMPT_NOTE_EDIT, nt->text, nt->kind);
}

void
act_note_delete(struct ui *ui, enum action a)
{
	(void)a;
	own_note(ui);
	prompt_ask(ui, ASK_DELETE, _("Delete this note?"));
}

void
act_note_kind(struct ui *ui, enum action a)
{
	const struct note *nt = own_note(ui);
	struct notes_error err;
	enum notes_kind k = (nt->kind + 1) % (NOTES_AGREED + 1);

	(void)a;
	say_result(ui, notes_set_kind(ui->b.doc->notes, nt->id, k, &err), &err,
		   notes_kind_label(k));
}

void
act_note_resolve(struct ui *ui, enum action a)
{
	const struct note *nt = navigate_sync_note(&ui->b);
	struct notes_error err;
	bool was_open = nt->status == NOTES_OPEN;

	(void)a;
	say_result(ui, notes_toggle_status(ui->b.doc->notes, nt->id, &err), &err,
		   was_open ? _("Note resolved") : _("Note reopened"));
}

void
act_note_select(struct ui *ui, enum action a)
{
	struct browser *b = &ui->b;

	b->note_sel += a == ACT_NOTE_NEXT ? 1 : -1;
	if (b->note_sel < 0)
		b->note_sel = 0;
	b->note_scroll = true;
}

void
act_jump_open(struct ui *ui, enum action a)
{
	navigate_jump_open(&ui->b, a == ACT_OPEN_NEXT ? 1 : -1);
}

void
act_filter(struct ui *ui, enum action a)
{
	(void)a;
	navigate_toggle_filter(&ui->b);
}
