/* act_edit.c - v and y/Y (see act_edit.h and actions.def). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "act_edit.h"
#include "actions.h"
#include "base64.h"
#include "doc_edit.h"
#include "nls.h"
#include "text.h"

void
act_edit_file(struct ui *ui, enum action a)
{
	struct browser *b = &ui->b;

	(void)a;
	struct doc *d = doc_edit_doc(b);
	if (!d)
		return;
	/* the replay's keys come from a script: no one to edit with */
	if (ui->headless || !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		browser_message(b, true, "%s", _("v needs a terminal: the editor is not started"));
		return;
	}
	if (!doc_edit_begin(b, d, &ui->editor.mark))
		return;
	ui->editor.file = d;
	ui->editor.line = doc_edit_line(b);
	ui->editor.pending = true; /* the loop hands the screen over */
}

void
act_edit_file_done(struct ui *ui, struct doc *d, const char *editor, bool ok)
{
	enum doc_edit_result r = doc_edit_end(&ui->b, d, &ui->editor.mark);

	if (!ok && r == DOC_EDIT_UNCHANGED) {
		char *safe = text_sanitize(editor, strlen(editor), false);
		browser_message(&ui->b, true, _("The editor (%s) failed; the file is not changed"),
				safe ? safe : "");
		free(safe);
	}
}

/* characters, not bytes: what the status line counts */
static size_t
count_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* OSC 52 with the base64 of TEXT, to the terminal (standard output: the
 * screen's own in a terminal; in --replay, where the screen goes
 * nowhere, what the test reads); inside tmux ($TMUX set) wrapped for
 * its passthrough, every ESC in it doubled */
static void
osc52_write(const char *text, size_t len)
{
	size_t n;
	char *b64 = base64_encode(text, len, &n);
	const char *tmux = getenv("TMUX");
	bool wrap = tmux && *tmux;

	fflush(stdout);
	fputs(wrap ? "\033Ptmux;\033\033]52;c;" : "\033]52;c;", stdout);
	fwrite(b64, 1, n, stdout);
	fputs(wrap ? "\a\033\\" : "\a", stdout);
	fflush(stdout);
	free(b64);
}

void
act_copy(struct ui *ui, enum action a)
{
	struct browser *b = &ui->b;
	char *text = doc_edit_copy_text(b, a == ACT_COPY_REF);

	if (!text)
		return;
	size_t len = strlen(text);
	if (len > DOC_EDIT_COPY_MAX) {
		browser_message(b, true, _("The text has %zu bytes, more than the %d a copy takes: nothing was copied"),
				len, DOC_EDIT_COPY_MAX);
		free(text);
		return;
	}
	osc52_write(text, len);
	size_t n = count_chars(text);
	browser_message(b, false,
			ngettext("Copied %zu character, if the terminal allows OSC 52",
				 "Copied %zu characters, if the terminal allows OSC 52", n),
			n);
	free(text);
}
