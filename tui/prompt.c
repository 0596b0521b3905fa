/* prompt.c - the line typed at the bottom (see prompt.h). */
#include <curses.h>
#include <stdio.h>

#include "draw.h"
#include "keys.h"
#include "nls.h"
#include "prompt.h"

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

enum prompt_result
prompt_key(struct ui *ui, int key, enum prompt_mode *was)
{
	enum prompt_mode p = ui->prompt;

	*was = p;
	if (key == 12) { /* C-l redraws, whatever is being typed */
		clearok(curscr, TRUE);
		ui->redraw_all = true;
		return PROMPT_GOES_ON;
	}
	if (p == PROMPT_QUESTION) {
		ui->prompt = PROMPT_NONE;
		return key == 'y' || key == 'Y' ? PROMPT_YES : PROMPT_NO;
	}
	switch (key) {
	case KEYC_ENTER:
		ui->prompt = PROMPT_NONE;
		return PROMPT_ENTERED;
	case KEYC_ESC: case 7: /* C-g */
		ui->prompt = PROMPT_NONE;
		return PROMPT_ESCAPED;
	case KEYC_TAB:
		if (is_note(p))
			ui->edit_kind = (ui->edit_kind + 1) % (NOTES_AGREED + 1);
		break;
	case KEYC_BS:
		if (!lineedit_backspace(&ui->edit) && ui->edit.len == 0 &&
		    !is_note(p)) {
			ui->prompt = PROMPT_NONE;
			return PROMPT_CLOSED;
		}
		break;
	case KEY_FN_BASE + KEY_DC: lineedit_delete(&ui->edit); break;
	case KEY_FN_BASE + KEY_LEFT: lineedit_left(&ui->edit); break;
	case KEY_FN_BASE + KEY_RIGHT: lineedit_right(&ui->edit); break;
	case KEY_FN_BASE + KEY_HOME: case 1: /* C-a */
		lineedit_home(&ui->edit);
		break;
	case KEY_FN_BASE + KEY_END: case 5: /* C-e */
		lineedit_end(&ui->edit);
		break;
	case 21: /* C-u */
		lineedit_kill_before(&ui->edit);
		break;
	default:
		if (!KEY_IS_FN(key) && key >= 32 && key != 127)
			lineedit_insert_char(&ui->edit, (unsigned)key);
		break;
	}
	return PROMPT_GOES_ON;
}

void
prompt_draw(struct ui *ui, int y)
{
	char label[600];

	switch (ui->prompt) {
	case PROMPT_NOTE_ADD:
	case PROMPT_NOTE_EDIT:
		snprintf(label, sizeof(label), "%s [%s] ",
			 ui->prompt == PROMPT_NOTE_ADD ? _("Note") : _("Edit note"),
			 notes_kind_label(ui->edit_kind));
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
