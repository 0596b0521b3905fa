/* prompt.c - the line typed at the bottom (see prompt.h). */
#include <stdio.h>

#include "draw.h"
#include "keys.h"
#include "nls.h"
#include "prompt.h"
#include "actions.h"

void
prompt_open(struct ui *ui, enum prompt_mode mode, const char *text,
	    enum notes_kind kind)
{
	ui->prompt = mode;
	ui->edit_kind = kind;
	ui->edit_scroll = 0;
	lineedit_set(&ui->edit, text);
}

void
prompt_ask(struct ui *ui, enum question q, const char *question)
{
	ui->prompt = PROMPT_QUESTION;
	ui->question_action = q;
	snprintf(ui->question, sizeof(ui->question), "%s", question);
}

static bool
is_note(enum prompt_mode p)
{
	return p == PROMPT_NOTE_ADD || p == PROMPT_NOTE_EDIT;
}

static void
prompt_close(struct ui *ui, enum prompt_result r)
{
	ui->prompt_was = ui->prompt;
	ui->prompt_result = r;
	ui->prompt = PROMPT_NONE;
}

void
prompt_answer(struct ui *ui, int key)
{
	prompt_close(ui, key == 'y' || key == 'Y' ? PROMPT_YES : PROMPT_NO);
}

void
prompt_act_enter(struct ui *ui, enum action a)
{
	(void)a;
	prompt_close(ui, PROMPT_ENTERED);
}

void
prompt_act_cancel(struct ui *ui, enum action a)
{
	(void)a;
	prompt_close(ui, PROMPT_ESCAPED);
}

void
prompt_act_kind(struct ui *ui, enum action a)
{
	(void)a;
	if (is_note(ui->prompt))
		ui->edit_kind = (ui->edit_kind + 1) % (NOTES_AGREED + 1);
}

void
prompt_act_edit(struct ui *ui, enum action a)
{
	struct lineedit *e = &ui->edit;

	switch (a) {
	case ACT_LINE_BACKSPACE:
		if (!lineedit_backspace(e) && e->len == 0 && !is_note(ui->prompt))
			prompt_close(ui, PROMPT_CLOSED);
		break;
	case ACT_LINE_DELETE: lineedit_delete(e); break;
	case ACT_LINE_LEFT: lineedit_left(e); break;
	case ACT_LINE_RIGHT: lineedit_right(e); break;
	case ACT_LINE_HOME: lineedit_home(e); break;
	case ACT_LINE_END: lineedit_end(e); break;
	default: lineedit_kill_before(e); break; /* ACT_LINE_KILL */
	}
}

void
prompt_insert(struct ui *ui, int key)
{
	if (!KEY_IS_FN(key) && key >= 32 && key != 127)
		lineedit_insert_char(&ui->edit, (unsigned)key);
}

void
prompt_draw(struct ui *ui, int y)
{
	char label[600];

	switch (ui->prompt) {
	case PROMPT_NOTE_ADD:
	case PROMPT_NOTE_EDIT:
		/* named: what the note will be attached to */
		snprintf(label, sizeof(label),
			 ui->prompt == PROMPT_NOTE_ADD ? _("Note on %s [%s] ")
						       : _("Edit note on %s [%s] "),
			 ui->edit_about, notes_kind_label(ui->edit_kind));
		break;
	case PROMPT_QUESTION:
		snprintf(label, sizeof(label), "%s %s ", ui->question, _("(y/n)"));
		break;
	case PROMPT_SEARCH: snprintf(label, sizeof(label), "/"); break;
	case PROMPT_SEARCH_BACK: snprintf(label, sizeof(label), "?"); break;
	default: snprintf(label, sizeof(label), ":"); break;
	}
	int lw = draw_str(y, 0, ui->cols, label, STYLE_STATUS);
	if (ui->prompt == PROMPT_QUESTION || lw >= ui->cols - 1)
		return;
	int w = ui->cols - lw;
	int col = lineedit_view(&ui->edit, w, &ui->edit_scroll);
	draw_text(y, lw, w, ui->edit.buf, ui->edit_scroll,
		  ui->edit.len - ui->edit_scroll, STYLE_STATUS);
	ui->cursor_y = y;
	ui->cursor_x = lw + col;
}
