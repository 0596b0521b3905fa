/* prompt.c - the line typed at the bottom (see prompt.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "keys.h"
#include "nls.h"
#include "prompt.h"
#include "actions.h"
#include "complete.h"
#include "xalloc.h"

/* the history of a prompt mode: searches (both ways) and commands */
static struct prompt_history *
history_of(struct ui *ui, enum prompt_mode p)
{
	if (p == PROMPT_SEARCH || p == PROMPT_SEARCH_BACK)
		return &ui->history[0];
	return p == PROMPT_COMMAND ? &ui->history[1] : NULL;
}

void
prompt_history_free(struct ui *ui)
{
	for (int h = 0; h < 2; h++) {
		for (int i = 0; i < ui->history[h].n; i++)
			free(ui->history[h].v[i]);
		free(ui->history[h].draft);
	}
	memset(ui->history, 0, sizeof(ui->history));
}

static void
history_push(struct prompt_history *h, const char *line)
{
	if (!*line || (h->n && strcmp(h->v[h->n - 1], line) == 0))
		return;
	if (h->n == (int)(sizeof(h->v) / sizeof(*h->v))) {
		free(h->v[0]);
		memmove(h->v, h->v + 1, (size_t)(h->n - 1) * sizeof(*h->v));
		h->n--;
	}
	h->v[h->n++] = xstrdup(line);
}

void
prompt_open(struct ui *ui, enum prompt_mode mode, const char *text,
	    enum notes_kind kind)
{
	struct prompt_history *h = history_of(ui, mode);

	ui->prompt = mode;
	ui->edit_kind = kind;
	ui->edit_scroll = 0;
	lineedit_set(&ui->edit, text);
	if (h) {
		h->pos = h->n;
		free(h->draft);
		h->draft = NULL;
	}
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
	return p == PROMPT_NOTE_ADD || p == PROMPT_NOTE_EDIT ||
	       p == PROMPT_NOTE_REPLY;
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
	struct prompt_history *h = history_of(ui, ui->prompt);

	(void)a;
	if (h)
		history_push(h, ui->edit.buf);
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
	if (ui->prompt == PROMPT_NOTE_REPLY) {
		/* tiếp thu, giải trình, không tiếp thu, a plain comment */
		ui->edit_disposition = ui->edit_disposition == NOTES_DECLINED
			? NOTES_NO_DISPOSITION
			: ui->edit_disposition == NOTES_NO_DISPOSITION
			? NOTES_ACCEPTED : ui->edit_disposition + 1;
		return;
	}
	if (is_note(ui->prompt))
		ui->edit_kind = (ui->edit_kind + 1) % (NOTES_AGREED + 1);
	else if (ui->prompt == PROMPT_COMMAND)
		complete_command(&ui->b, &ui->edit);
}

void
prompt_act_history(struct ui *ui, enum action a)
{
	struct prompt_history *h = history_of(ui, ui->prompt);

	if (!h)
		return;
	if (a == ACT_LINE_HIST_PREV && h->pos > 0) {
		if (h->pos == h->n) {
			free(h->draft);
			h->draft = xstrdup(ui->edit.buf);
		}
		lineedit_set(&ui->edit, h->v[--h->pos]);
	} else if (a == ACT_LINE_HIST_NEXT && h->pos < h->n) {
		h->pos++;
		lineedit_set(&ui->edit, h->pos < h->n ? h->v[h->pos]
				 : h->draft ? h->draft : "");
	}
	ui->edit_scroll = 0;
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
	case PROMPT_NOTE_REPLY:
		snprintf(label, sizeof(label), "%s [%s] ", _("Answer"),
			 ui->edit_disposition
			 ? notes_disposition_label(ui->edit_disposition)
			 : notes_kind_label(NOTES_COMMENT));
		break;
	case PROMPT_LIST_FILTER:
		snprintf(label, sizeof(label), "%s ",
			 _("Show the meetings matching (empty: all):"));
		break;
	case PROMPT_SIGNOFF:
		snprintf(label, sizeof(label), "%s ",
			 _("Sign off the meeting; a remark (optional):"));
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
