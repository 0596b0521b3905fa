/* act_notes.c - the notes actions (see act_notes.h and actions.def). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "act_notes.h"
#include "actions.h"
#include "doc.h"
#include "navigate.h"
#include "nls.h"
#include "prompt.h"
#include "wording.h"

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
editor_request(struct ui *ui, const char *text, enum notes_kind kind)
{
	free(ui->editor.text);
	ui->editor.text = strdup(text);
	ui->editor.kind = kind;
	ui->editor.pending = ui->editor.text != NULL;
}

void
act_notes_editor_done(struct ui *ui, char *text)
{
	if (!text)
		return;
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

static bool
notes_usable(struct ui *ui)
{
	struct doc *d = ui->b.doc;
	if (!browser_in_doc(&ui->b)) {
		browser_message(&ui->b, true, "%s", _("Open a meeting first"));
		return false;
	}
	if (!d->notes) {
		browser_message(&ui->b, true, "%s", _("Notes are not available"));
		return false;
	}
	if (notes_readonly(d->notes)) {
		browser_message(&ui->b, true, "%s", d->notice[0] ? d->notice
			: _("Notes are read-only: your notes file is malformed"));
		return false;
	}
	return true;
}

void
act_notes_attach(struct ui *ui, const char *id)
{
	struct notes_error err;
	const struct note *nt;
	char cut[256];

	if (!notes_usable(ui))
		return;
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

int
act_notes_action(struct ui *ui, int action)
{
	struct browser *b = &ui->b;
	struct notes_error err;
	const struct note *nt;
	const char *target;
	char cut[256];

	switch (action) {
	case ACT_NOTE_ADD:
	case ACT_NOTE_EXTERNAL:
		if (!notes_usable(ui))
			return 1;
		if (!(target = navigate_target(b))) {
			browser_message(b, true, "%s", _("Select the meeting, an attendee, a section or an item to add a note"));
			return 1;
		}
		snprintf(ui->edit_target, sizeof(ui->edit_target), "%s", target);
		ui->edit_note[0] = '\0';
		if (action == ACT_NOTE_ADD)
			prompt_open(ui, PROMPT_NOTE_ADD, "", NOTES_COMMENT);
		else
			editor_request(ui, "", NOTES_COMMENT);
		return 1;
	case ACT_NOTE_EDIT:
	case ACT_NOTE_DELETE:
	case ACT_NOTE_KIND:
	case ACT_NOTE_RESOLVE:
		if (!notes_usable(ui))
			return 1;
		if (!(nt = navigate_sync_note(b))) {
			browser_message(b, true, "%s", _("There is no note here"));
			return 1;
		}
		if (action == ACT_NOTE_RESOLVE) {
			bool was_open = nt->status == NOTES_OPEN;
			say_result(ui, notes_toggle_status(b->doc->notes, nt->id, &err),
				   &err, was_open ? _("Note resolved") : _("Note reopened"));
			return 1;
		}
		if (!nt->own) {
			browser_message(b, true, _("This note is %s's: only your own notes can be changed"),
					wording_cut(nt->author, cut, sizeof(cut)));
			return 1;
		}
		snprintf(ui->edit_note, sizeof(ui->edit_note), "%s", nt->id);
		ui->edit_target[0] = '\0';
		if (action == ACT_NOTE_DELETE) {
			prompt_ask(ui, ASK_DELETE, _("Delete this note?"));
		} else if (action == ACT_NOTE_KIND) {
			enum notes_kind k = (nt->kind + 1) % (NOTES_AGREED + 1);
			say_result(ui, notes_set_kind(b->doc->notes, nt->id, k, &err),
				   &err, notes_kind_label(k));
		} else if (strchr(nt->text, '\n')) {
			/* several lines: edit them where lines are kept */
			editor_request(ui, nt->text, nt->kind);
		} else {
			prompt_open(ui, PROMPT_NOTE_EDIT, nt->text, nt->kind);
		}
		return 1;
	case ACT_NOTE_NEXT:
	case ACT_NOTE_PREV:
		b->note_sel += action == ACT_NOTE_NEXT ? 1 : -1;
		if (b->note_sel < 0)
			b->note_sel = 0;
		b->note_scroll = true;
		return 1;
	case ACT_OPEN_NEXT:
		navigate_jump_open(b, 1);
		return 1;
	case ACT_OPEN_PREV:
		navigate_jump_open(b, -1);
		return 1;
	case ACT_FILTER:
		navigate_toggle_filter(b);
		return 1;
	default:
		return 0;
	}
}
